// vstd::contrib::exec_spec: what the code that `exec_spec_verified!` / `exec_spec_unverified!`
// generate (exec-spec.ts) names besides the user's items. vstd's module holds the executable
// types and trait impls its generated code calls; the verifier models that code instead (see
// exec-spec.ts), so only the names a user writes or the model needs are here.

verus! {

/// The alias that tells the exec_spec macros to compile a `Seq<char>` to a `String` (borrowed: a
/// `&str`) instead of a `Vec<char>`.
pub type SpecString = Seq<char>;

/// True: a trigger for the check that every value of a quantifier's range is evaluated without
/// failure (exec-spec.ts's `assert forall .. implies exec_spec_evaluated(..)`).
pub open spec fn exec_spec_evaluated<A>(a: A) -> bool {
    true
}

} // verus!
