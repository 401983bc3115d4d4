// Soundness regressions that must be errors (Verus rejects these programs): each was once
// listed verified or let a false lemma through.
use vstd::prelude::*;

verus! {

// ---- an int flowing into a machine int in ghost code needs `as`

// expect: verified
proof fn lemma_needs_300(v: u8)
    requires v == 300,
    ensures false,
{
}


// expect: error
proof fn derive_false_assign() ensures false {
    let mut x: u8 = 200;
    x = x + 100;
    lemma_needs_300(x);
}

// expect: error
proof fn derive_false_argument() ensures false {
    let x: u8 = 200;
    lemma_needs_300(x + 100);
}

// expect: error
proof fn derive_false_let() ensures false {
    let x: u8 = 200;
    let y: u8 = x + 100;
    lemma_needs_300(y);
}

// expect: error
spec fn inc_u8(y: u8) -> u8 {
    y + 1
}

// expect: error
spec fn inc_u8_branch(y: u8, b: bool) -> u8 {
    if b { y } else { y + 1 }
}

// expect: error
proof fn ghost_return_int(y: u8) -> (r: u8) {
    y + 1
}

// ---- external_body signatures are resolved

// expect: error
#[verifier::external_body]
fn trusted_unknown_param(x: NoSuchType) {
}

// expect: error
#[verifier::external_body]
fn trusted_unknown_in_ensures(x: u64) -> (r: u64)
    ensures r == no_such_fn(x),
{
    x
}

// expect: verified
#[verifier::external_body]
fn trusted_ok(x: &mut u64) -> (r: u64)
    requires *old(x) < 10,
    ensures *x == *old(x) + 1, r == *old(x),
{
    let r = *x;
    *x = *x + 1;
    r
}

// ---- a `None` whose type is never known is an error, not a solver error

// expect: error
spec fn none_not_option(b: bool) -> u8 {
    if b { None } else { None }
}

// expect: error
spec fn body_sort_mismatch(b: bool) -> u8 {
    b
}

// expect: error
proof fn none_in_a_tuple_never_typed() {
    let p = (None, 1int);
    assert(p.1 == 1);
}

// expect: error
fn none_in_a_tuple_never_typed_exec() {
    let p = (None, 1u8);
    assert(p.1 == 1);
}

// ---- a field of a value behind a reference is not moved out (rustc)

pub struct SeOwned { pub v: u8 }

pub struct SeHolder { pub o: SeOwned, pub n: u8 }

// expect: error
fn se_move_field_of_mut_ref(a: &mut (SeOwned, u8)) -> SeOwned {
    a.0
}

// expect: error
fn se_move_field_of_shared_ref(h: &SeHolder) -> SeOwned {
    h.o
}

// A `Copy` field is copied, not moved.
// expect: verified
fn se_copy_field_of_ref(h: &SeHolder) -> (r: u8)
    ensures r == h.n,
{
    h.n
}

// expect: failed postcondition
fn se_copy_field_of_ref_wrong(h: &SeHolder) -> (r: u8)
    ensures r == h.o.v,
{
    h.n
}

} // verus!
