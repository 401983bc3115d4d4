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

} // verus!
