// Specifications of functions Verus does not verify: `#[verifier::external_fn_specification]`
// and `assume_specification[..]` for `#[verifier::external]` functions of the crate, and the
// library's specification of `core::mem::swap`. Calls of the function mean the specification;
// Verus's errors for a specification that does not fit the function it names.
use vstd::prelude::*;

verus! {

// ---- a free function, specified by the attribute

#[verifier::external]
fn es_negate(b: bool, x: u8) -> bool {
    !b
}

// expect: verified
#[verifier::external_fn_specification]
fn es_negate_spec(b: bool, x: u8) -> (r: bool)
    requires x != 0,
    ensures r == !b,
{
    es_negate(b, x)
}

// expect: verified
fn es_call_negate() {
    let r = es_negate(true, 1);
    assert(r == false);
}

// The specification's `requires` binds every caller.
// expect: failed precondition
fn es_call_negate_zero() {
    let r = es_negate(true, 0);
}

// The specification's `ensures` is all a caller knows.
// expect: failed assertion
fn es_call_negate_wrong() {
    let r = es_negate(true, 1);
    assert(r == true);
}

// ---- `assume_specification` of a generic function

#[verifier::external]
fn es_pick<T>(a: T, b: T, first: bool) -> T {
    if first { a } else { b }
}

// expect: verified
pub assume_specification<T>[ es_pick::<T> ](a: T, b: T, first: bool) -> (r: T)
    ensures r == if first { a } else { b },
;

// expect: verified
fn es_call_pick() {
    let r = es_pick(3u8, 4u8, false);
    assert(r == 4);
}

// expect: failed assertion
fn es_call_pick_wrong() {
    let r = es_pick(3u8, 4u8, true);
    assert(r == 4);
}

// ---- an associated function and a method of an inherent impl

pub struct EsPair { pub a: u8, pub b: u8 }

impl EsPair {
    #[verifier::external]
    fn make(a: u8) -> Self {
        EsPair { a: a, b: a }
    }

    #[verifier::external]
    fn flipped(&self) -> EsPair {
        EsPair { a: self.b, b: self.a }
    }
}

// expect: verified
#[verifier::external_fn_specification]
fn es_make_spec(a: u8) -> (r: EsPair)
    ensures r.a == a && r.b == a,
{
    EsPair::make(a)
}

// expect: verified
#[verifier::external_fn_specification]
fn es_flipped_spec(p: &EsPair) -> (r: EsPair)
    ensures r.a == p.b && r.b == p.a,
{
    p.flipped()
}

// expect: verified
fn es_call_pair() {
    let p = EsPair::make(5);
    let q = EsPair { a: 1, b: 2 }.flipped();
    assert(p.b == 5 && q.a == 2 && q.b == 1);
}

// expect: failed assertion
fn es_call_pair_wrong() {
    let q = EsPair { a: 1, b: 2 }.flipped();
    assert(q.a == 1);
}

// ---- the library's specification of `core::mem::swap`

// expect: verified
fn es_swap() {
    let mut x: u8 = 5;
    let mut y: u8 = 7;
    std::mem::swap(&mut x, &mut y);
    assert(x == 7 && y == 5);
}

// expect: failed assertion
fn es_swap_wrong() {
    let mut x: u8 = 5;
    let mut y: u8 = 7;
    core::mem::swap(&mut x, &mut y);
    assert(x == 5);
}

// ---- Verus's errors

#[verifier::external]
fn es_ext_a(b: bool) -> bool {
    b
}

#[verifier::external]
pub fn es_ext_pub(b: bool) -> bool {
    b
}

#[verifier::external]
fn es_ext_bounded<T: Copy>(t: T) -> T {
    t
}

#[verifier::external]
fn es_ext_mut(a: &mut u8) {
}

#[verifier::external]
fn es_ext_unspecified() {
}

// A specification is exec code.
// expect: error
#[verifier::external_fn_specification]
proof fn es_spec_proof(b: bool) -> bool {
    es_ext_a(b)
}

// One more parameter than the function has.
// expect: error
#[verifier::external_fn_specification]
fn es_spec_extra_param(b: bool, c: bool) -> bool {
    es_ext_a(b)
}

// Another parameter type.
// expect: error
#[verifier::external_fn_specification]
fn es_spec_wrong_type(b: u8) -> bool {
    es_ext_a(b)
}

// A bound the function does not have (and lacking the one it has).
// expect: error
pub assume_specification<T>[ es_ext_bounded::<T> ](t: T) -> T;

// Less visible than the function.
// expect: error
#[verifier::external_fn_specification]
fn es_spec_private(b: bool) -> bool {
    es_ext_pub(b)
}

// A `&mut` parameter's value in a specification's `ensures` is `old(a)` or `final(a)`.
// expect: error
#[verifier::external_fn_specification]
fn es_spec_bare_mut(a: &mut u8)
    ensures *a == 0,
{
    es_ext_mut(a)
}

// The function the first specification above already specifies.
// expect: error
#[verifier::external_fn_specification]
fn es_negate_spec_again(b: bool, x: u8) -> (r: bool)
    ensures r == b,
{
    es_negate(b, x)
}

// `core::mem::swap` has the library's specification: a second one is Verus's duplicate.
// expect: error
#[verifier::external_fn_specification]
pub fn es_swap_again<T>(a: &mut T, b: &mut T)
    ensures *final(a) == *old(a),
{
    std::mem::swap(a, b)
}

// A verified function has its own specification.
// expect: error
#[verifier::external_fn_specification]
fn es_spec_of_verified() {
    es_call_negate()
}

// The specification is not a function to call.
// expect: error
fn es_call_the_spec() {
    let r = es_negate_spec(true, 1);
}

// An external function without a specification cannot be called.
// expect: error
fn es_call_unspecified() {
    es_ext_unspecified();
}

// The specification is all a caller knows of an associated function too.
// expect: failed assertion
fn es_call_make_wrong() {
    let p = EsPair::make(5);
    assert(p.a == 6);
}

// `assume_specification`'s `ensures` at the other branch.
// expect: failed assertion
fn es_call_pick_other_wrong() {
    let r = es_pick(3u8, 4u8, false);
    assert(r == 3);
}

// A method of a generic impl, called with the impl's arguments written (`EsBox::<u8>::make`):
// the specification's first generic parameters are the impl's.
pub struct EsBox<T> {
    pub v: T,
}

impl<T> EsBox<T> {
    #[verifier::external]
    fn make(v: T) -> Self {
        EsBox { v }
    }
}

// expect: verified
#[verifier::external_fn_specification]
fn es_box_make<T>(v: T) -> (r: EsBox<T>)
    ensures r.v == v,
{
    EsBox::<T>::make(v)
}

// expect: verified
fn es_box_user() {
    let b = EsBox::<u8>::make(5);
    assert(b.v == 5);
}

// expect: failed assertion
fn es_box_user_wrong() {
    let b = EsBox::<u8>::make(5);
    assert(b.v == 6);
}

// constants are functions without arguments to Verus: `assume_specification[C] -> T ..;`
#[verifier::external]
const ES_SEVEN: u8 = 7;

#[verifier::external]
const ES_BIG: u64 = 100;

// with only `returns`, the constant's value, read in exec and ghost code
// expect: verified
assume_specification[ES_SEVEN] -> u8
    returns 7u8,
;

// otherwise an exec constant whose readers know its `ensures`
// expect: verified
assume_specification[ES_BIG] -> (b: u64)
    ensures b > 50,
;

// expect: verified
fn es_read_specified_constants() {
    let z = ES_SEVEN;
    assert(z == 7);
    assert(ES_SEVEN == 7);
    let b = ES_BIG;
    assert(b > 50);
}

// expect: failed assertion
fn es_specified_constant_ensures_only() {
    let b = ES_BIG;
    assert(b == 100);
}

// expect: error
proof fn es_exec_constant_in_ghost() {
    assert(ES_BIG > 50);
}

#[verifier::external]
const ES_IGNORED: u64 = 30;

// an ignored constant as a pattern is a use of it too
// expect: error
fn es_ignored_constant_pattern(x: u64) {
    match x {
        ES_IGNORED => {}
        _ => {}
    }
}

#[verifier::external]
fn es_ignored_fn() -> bool {
    true
}

// an ignored function as a value is a use of it too
// expect: error
spec fn es_ignored_fn_value() -> bool {
    call_requires(es_ignored_fn, ())
}

// a function's specification lists its parameters
// expect: error
assume_specification[es_negate] -> bool;

// a constant of std that the library declares (its type known, its value not read)
// expect: verified
assume_specification[char::REPLACEMENT_CHARACTER] -> (c: char)
    ensures c != '7',
;

// expect: verified
fn es_read_std_constant() {
    let z = char::REPLACEMENT_CHARACTER;
    assert(z != '7');
}

// expect: failed assertion
fn es_read_std_constant_wrong() {
    let z = char::REPLACEMENT_CHARACTER;
    assert(z != '8');
}

} // verus!
