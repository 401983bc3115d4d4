// Specifications of Rust standard-library functions, as vstd's std_specs give them: calls of
// these functions in verified code mean these contracts (toolchain/verifier/external-specs.ts).
// A crate that specifies one of them again gets Verus's "duplicate specification" error.

verus! {

/// `core::mem::swap`: the two places exchange their values.
pub assume_specification<T>[ core::mem::swap::<T> ](a: &mut T, b: &mut T)
    ensures
        *final(a) == *old(b),
        *final(b) == *old(a),
;

/// `bool::then`: `f` is called (its precondition needed, its postcondition known) only when `b`.
pub assume_specification<T, F: FnOnce() -> T>[ bool::then ](b: bool, f: F) -> (res: Option<T>)
    requires
        b ==> f.requires(()),
    ensures
        b ==> res is Some && f.ensures((), res->0),
        !b ==> res is None,
;

} // verus!
