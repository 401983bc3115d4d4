// Verus's `builtin` proof functions that `vstd::prelude::*` brings into scope.
verus! {

/// Assumes `false`: everything after it is proved (an unproved step; `--no-cheating` reports it).
#[verifier::external_body]
pub proof fn admit()
    ensures
        false,
{
}

/// Some value of type `A` (in spec code every type is inhabited): nothing is known of it.
pub uninterp spec fn arbitrary<A>() -> A;

/// A tracked value of any type, from `false` (vstd::pervasive): calling it needs `false`.
pub axiom fn proof_from_false<A>() -> (tracked a: A)
    requires
        false,
;

/// Code that is never reached: calling it needs `false` (vstd::pervasive).
#[verifier::external_body]
pub fn unreached<A>() -> A
    requires
        false,
{
    unimplemented!()
}

/// Prints `i` (vstd::pervasive): no contract, as in vstd.
#[verifier::external_body]
pub fn print_u64(i: u64) {
}

/// Panics unless `b` (vstd::pervasive): calling it needs `b`.
#[verifier::external_body]
pub fn runtime_assert(b: bool)
    requires
        b,
{
}

} // verus!
