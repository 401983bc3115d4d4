// vstd's `slice` module: a slice `[T]` (always behind a reference) is known by its view, a
// `Seq<T>` of at most `usize::MAX` elements (the verifier's built-in meaning of `[T]`: `s@`,
// `s.len()`, `s.is_empty()`, `s[i]`, `s[i] = v`, and `&[T; N]` coerced to `&[T]`).
verus! {

/// `&slice[i]`, as a function (vstd's `slice_index_get`).
#[verifier::external_body]
pub fn slice_index_get<T>(slice: &[T], i: usize) -> (out: &T)
    requires
        i < slice@.len(),
    ensures
        *out == slice@[i as int],
{
    unimplemented!()
}

/// The length of a slice in ghost code (`slice.len()`): its view's.
pub open spec fn spec_slice_len<T>(slice: &[T]) -> usize {
    slice@.len() as usize
}

} // verus!
