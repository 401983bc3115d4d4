// Attributes, item modifiers and module privacy: what the verifier implements is verified, what
// it does not is reported (toolchain/syntax/attributes.ts). Attributes that make the whole crate
// unsupported (`#[verifier::type_invariant]`, ...) are tested in attributes.test.ts, not here.
use vstd::prelude::*;

verus! {

// expect: verified
#[verifier::rlimit(20)]
#[verifier::spinoff_prover]
#[inline]
fn attr_tuning_only(x: u8) -> (r: u8)
    requires x < 10,
    ensures r == x + 1,
{
    x + 1
}

// `#[verifier::prophetic]` restricts where the spec fn's values may flow (check/prophecy.ts, corpus prophecy.rs)
// expect: verified
#[verifier::prophetic]
spec fn attr_prophetic(x: int) -> int { x }

// `#[verifier::inline]` on a spec fn: its definition, as where it is used (kernel-constructs.rs)
// expect: verified
#[verifier::inline]
pub open spec fn attr_inline(x: int) -> int { x + 1 }

// `#[verifier::truncate]` allows a cast to truncate: exec casts here always truncate, as Rust's do
// expect: verified
fn attr_truncate_stmt(x: u64) -> u8 {
    #[verifier::truncate]
    let y = x as u8;
    y
}

// the recursion attributes name a type parameter
// expect: unsupported
#[verifier::reject_recursive_types]
struct AttrRecursive { v: u8 }

// (a struct whose fields Verus hides, `external_body`: corpus external-types.rs)

// `#[verifier::external]`: neither verified nor visible to verified code
#[verifier::external]
fn attr_external_helper() -> u8 { 0 }

// expect: error
fn attr_calls_external() -> u8 {
    attr_external_helper()
}

// a proc-macro attribute inside verus!
// expect: unsupported
#[some_macro]
fn attr_unknown_macro() {}

// expect: error
pub open fn modifier_open_exec() {}

// expect: error
open spec fn modifier_open_not_pub() -> int { 1 }

// expect: error
pub uninterp spec fn modifier_uninterp_body() -> bool { true }

// expect: verified
pub uninterp spec fn modifier_uninterp_ok(x: int) -> bool;

mod attr_m {
    // expect: verified
    pub closed spec fn hidden() -> int { 7 }

    // expect: verified
    pub open spec fn shown() -> int { 8 }

    // expect: verified
    pub open(super) spec fn shown_to_parent() -> int { 9 }

    // expect: verified
    proof fn inside() {
        assert(hidden() == 7);
    }
}

// the body of a closed spec fn is not visible outside its module (Verus: it fails there; more
// in privacy.rs)
// expect: failed assertion
proof fn privacy_closed_outside() {
    assert(attr_m::hidden() == 7);
}

// an open spec fn whose body uses it: itself fine, but its callers outside `attr_m` do not see
// through it
// expect: verified
pub open spec fn privacy_wrapper() -> int { attr_m::hidden() }

// expect: failed assertion
proof fn privacy_closed_through_open() {
    assert(privacy_wrapper() == 7);
}

// expect: verified
proof fn privacy_open_outside() {
    assert(attr_m::shown() == 8);
}

// `open(super)`: visible in the parent module, here
// expect: verified
proof fn privacy_open_restricted() {
    assert(attr_m::shown_to_parent() == 9);
}


// `#![verifier::proof_note("..")]` before a clause decorates its message
// expect: verified
proof fn at_noted_requires(a: int, b: int, c: int)
    requires
        a <= b,
        #![verifier::proof_note("Test label #1")]
        b <= c,
{
    assert(a <= c);
}

// expect: failed precondition
proof fn at_noted_requires_caller(a: int, b: int, c: int) {
    assume(a <= b);
    assume(b <= c);
    at_noted_requires(a + a, b + b, a + c);
}

// expect: unsupported
proof fn at_unknown_clause_attribute(a: int)
    requires
        #![verifier::something_else]
        a <= 1,
{
}


// expect: error
proof fn at_two_notes_on_a_clause(a: int)
    requires
        #![verifier::proof_note("one")]
        #![verifier::proof_note("two")]
        a <= 1,
{
}

// Verus's older spelling of modes: `#[verifier::spec] fn` is a spec fn, `#[verifier::proof] fn` a
// proof fn, `#[verifier::spec] let` a ghost binding, `#[verifier::spec] struct` a ghost struct
// expect: verified
#[verifier::spec]
fn attr_old_spec(x: int) -> int { x + 1 }

// expect: verified
#[verifier::proof]
fn attr_old_proof(x: int)
    ensures attr_old_spec(x) > x,
{
}

// expect: failed assertion
#[verifier::proof]
fn attr_old_proof_wrong(x: int) {
    assert(attr_old_spec(x) == x);
}

// expect: verified
fn attr_old_ghost_let(a: u8) {
    #[verifier::spec] let g: int = a as int + 1;
    assert(g == a + 1);
}

// a ghost binding is not an exec value
// expect: error
fn attr_old_ghost_let_in_exec(a: u8) -> u8 {
    #[verifier::spec] let g: u8 = a;
    g
}

#[verifier::spec]
struct AttrOldGhost { v: int }

// a ghost struct's values exist only in ghost code
// expect: error
fn attr_old_ghost_struct_in_exec() {
    let s = AttrOldGhost { v: 1 };
}

// a mode written twice, differently
// expect: unsupported
#[verifier::proof]
spec fn attr_old_conflict(x: int) -> int { x }

// `#[verifier::proof_note("..")]` on an assertion's expression: a message decoration
// expect: verified
fn at_proof_note_on_expr(b: u64, c: u64) {
    assume(#[verifier::proof_note("given")] (b <= c));
    assert(#[verifier::proof_note("follows")] (b <= c));
}

// expect: failed assertion
fn at_proof_note_on_expr_fails(b: u64, c: u64) {
    assert(#[verifier::proof_note("not given")] (b <= c));
}

// expect: unsupported
fn at_other_attr_on_expr(b: u64) {
    assert(#[verifier::opaque] (b <= b));
}

} // verus!
