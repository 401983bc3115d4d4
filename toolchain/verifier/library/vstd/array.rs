// vstd::array: functions over arrays `[T; N]`, whose view `a@` (a `Seq<T>` of length `N`) is the
// verifier's own. vstd's names and contracts; `array_index_get` is trusted (`external_body`).
verus! {

/// The `i`th element of `a` (vstd: the primitive `a@` is built from).
pub open spec fn array_index<T, const N: usize>(a: [T; N], i: int) -> T {
    a@[i]
}

/// `a@`, as a function.
pub open spec fn array_view<T, const N: usize>(a: [T; N]) -> Seq<T> {
    a@
}

/// `&ar[i]`, for an index in bounds.
#[verifier::external_body]
pub exec fn array_index_get<T, const N: usize>(ar: &[T; N], i: usize) -> (out: &T)
    requires
        0 <= i < N,
    ensures
        *out == ar@.index(i as int),
{
    unimplemented!()
}

} // verus!
