// Function items as values (Verus's FnDef values): calls through them, `call_requires` /
// `call_ensures`, passing them for `F: Fn(..)` parameters; cycles through them are errors.
use vstd::prelude::*;

verus! {

// expect: verified
fn fv_llama(x: u8) -> (b: bool)
    requires x == 4 || x == 7,
    ensures b == (x == 4),
{
    x == 4
}

// expect: verified
fn fv_call_through_value() {
    let t = fv_llama;
    let b = t(4);
    assert(b);
    let c = t(7);
    assert(!c);
    assert(forall|x: u8| (x == 4 || x == 7) ==> call_requires(fv_llama, (x,)));
    assert(forall|x: u8| call_requires(fv_llama, (x,)) ==> (x == 4 || x == 7));
    assert(forall|x: u8, y: bool| call_ensures(fv_llama, (x,), y) ==> x == 4 ==> y);
}

// expect: failed precondition
fn fv_call_outside_requires() {
    let t = fv_llama;
    t(12);
}

// expect: failed assertion
fn fv_wrong_result() {
    let t = fv_llama;
    let b = t(4);
    assert(!b);
}

// `call_ensures` gives what the function's `ensures` says, not the other way round
// expect: failed assertion
fn fv_ensures_not_converse(x: u8, y: bool) {
    assert((x == 4 && y) ==> call_ensures(fv_llama, (x,), y));
}

// a direct call's result is one the function may give
// expect: verified
fn fv_direct_call_ensures(x: u8)
    requires x == 4,
{
    let r = fv_llama(x);
    assert(call_ensures(fv_llama, (x,), r));
}

// expect: verified
fn fv_takes_fn<F: Fn(u8) -> bool>(f: F) -> (r: bool)
    requires
        call_requires(f, (4,)),
        forall|x: u8, y: bool| call_ensures(f, (x,), y) ==> x == 4 ==> y,
    ensures r,
{
    f(4)
}

// expect: verified
fn fv_pass_as_argument() {
    let r = fv_takes_fn(fv_llama);
    assert(r);
}

// expect: verified
fn fv_needs_six<F: Fn(u8) -> bool>(f: F)
    requires call_requires(f, (6,)),
{
}

// expect: failed precondition
fn fv_pass_without_requires() {
    fv_needs_six(fv_llama);
}

// comparing function values uses no clause: no cycle
// expect: verified
fn fv_self_compare(x: u8)
    requires fv_self_compare == fv_self_compare,
{
}

// a function's clauses may not be defined through its own value
// expect: error
fn fv_cyclic_requires(x: u8)
    requires call_requires(fv_cyclic_requires, (x,)),
{
}

// expect: error
fn fv_mutual_a() {
    let x = fv_mutual_b;
    x();
}

// expect: error
fn fv_mutual_b() {
    let y = fv_mutual_a;
    y();
}

// expect: verified
spec fn fv_spec(x: u8) -> bool { x > 0 }

// expect: error
fn fv_spec_value() {
    let f = fv_spec;
}

// a generic function's value, at the generic arguments written or inferred where it is used
// expect: verified
fn fv_pick<T>(x: T, y: T) -> (r: T)
    ensures r == x,
{
    x
}

// expect: verified
fn fv_generic_value() {
    let p = fv_pick::<u8>;
    let r = p(3, 4);
    assert(r == 3);
    let q = fv_pick;
    let s = q(5u64, 6u64);
    assert(s == 5);
}

// expect: failed assertion
fn fv_generic_value_wrong() {
    let p = fv_pick;
    let r = p(3u8, 4u8);
    assert(r == 4);
}

// expect: verified
fn fv_takes_picker<F: Fn(u16, u16) -> u16>(f: F) -> (r: u16)
    requires
        call_requires(f, (1, 2)),
        forall|a: u16, b: u16, r: u16| call_ensures(f, (a, b), r) ==> r == a,
    ensures r == 1,
{
    f(1, 2)
}

// expect: verified
fn fv_generic_for_bound() {
    let r = fv_takes_picker(fv_pick);
    assert(r == 1);
}

// an impl's method of a trait as a value: the trait's `requires`, the trait's and the impl's `ensures`
trait FvTr {
    fn fv_stuff(&self, x: u8) -> (b: bool)
        requires x <= 5,
        ensures x == 0 ==> b;
}

struct FvX {}

impl FvTr for FvX {
    // expect: verified
    fn fv_stuff(&self, x: u8) -> (b: bool)
        ensures x != 0 ==> !b,
    {
        x == 0
    }
}

// expect: verified
proof fn fv_trait_method_value(x: FvX) {
    assert(call_requires(<FvX as FvTr>::fv_stuff, (&x, 0)));
    assert(!call_ensures(FvX::fv_stuff, (&x, 0), false));
    // (the impl's own `ensures`)
    assert(!call_ensures(FvX::fv_stuff, (&x, 1), true));
}

// expect: failed assertion
proof fn fv_trait_method_value_wrong(x: FvX) {
    assert(call_requires(<FvX as FvTr>::fv_stuff, (&x, 20)));
}

// `T::m` of a bounded type parameter: any impl's method, so the declaration's `requires` exactly
// and its `ensures` one way (an impl may promise more)
// expect: verified
proof fn fv_param_method_value<T: FvTr>(x: T) {
    assert(call_requires(T::fv_stuff, (&x, 5)));
    assert(forall|b: bool| call_ensures(T::fv_stuff, (&x, 0), b) ==> b);
}

// expect: failed assertion
proof fn fv_param_method_value_requires_wrong<T: FvTr>(x: T) {
    assert(call_requires(T::fv_stuff, (&x, 6)));
}

// expect: failed assertion
proof fn fv_param_method_value_ensures_wrong<T: FvTr>(x: T) {
    assert(forall|b: bool| call_ensures(T::fv_stuff, (&x, 1), b) ==> b);
}

// (FvX's impl promises more than the declaration; a generic caller may not count on it)
// expect: failed assertion
proof fn fv_param_method_value_not_impls<T: FvTr>(x: T) {
    assert(!call_ensures(T::fv_stuff, (&x, 1), true));
}

// (the converse of the declaration's `ensures` is no fact)
// expect: failed assertion
proof fn fv_param_method_value_converse<T: FvTr>(x: T) {
    assert(call_ensures(T::fv_stuff, (&x, 0), true));
}

// expect: verified
fn fv_param_method_call<T: FvTr>(x: &T) -> (b: bool)
    ensures b,
{
    let f = T::fv_stuff;
    f(x, 0)
}

// expect: failed precondition
fn fv_param_method_call_outside_requires<T: FvTr>(x: &T) {
    let f = T::fv_stuff;
    f(x, 9);
}


// a method of a generic impl as a value, at the impl's arguments written on the type
struct FvCell<A> {
    a: A,
}

impl<A> FvCell<A> {
    // expect: verified
    fn fv_cell_keep(x: A, y: A) -> (r: A)
        ensures r == x,
    {
        x
    }
}

// expect: verified
fn fv_generic_impl_value() {
    let f = FvCell::<u8>::fv_cell_keep;
    let r = f(3, 4);
    assert(r == 3);
    assert(forall|r: u16| call_ensures(FvCell::<u16>::fv_cell_keep, (1u16, 2u16), r) ==> r == 1);
}

// expect: failed assertion
fn fv_generic_impl_value_wrong() {
    let f = FvCell::<u8>::fv_cell_keep;
    let r = f(3, 4);
    assert(r == 4);
}

trait FvShow {
    fn fv_show(&self, i: u8) -> (r: u8)
        ensures r <= i;
}

struct FvWrap<A> {
    a: A,
}

impl<A> FvShow for FvWrap<A> {
    // expect: verified
    fn fv_show(&self, i: u8) -> (r: u8)
        ensures r == 0,
    {
        0
    }
}

// (the trait's `ensures` and the impl's, at `FvWrap<bool>`)
// expect: verified
proof fn fv_generic_trait_impl_value(w: FvWrap<bool>, r: u8) {
    assert(call_ensures(FvWrap::<bool>::fv_show, (&w, 5), r) ==> r <= 5 && r == 0);
}

// expect: failed assertion
proof fn fv_generic_trait_impl_value_wrong(w: FvWrap<bool>, r: u8) {
    assert(call_ensures(FvWrap::<bool>::fv_show, (&w, 5), r) ==> r == 1);
}


// a default method an impl of a generic type keeps, called and named at the written arguments
trait FvGreet {
    // expect: verified
    fn fv_greet(i: u8) -> (r: u8)
        ensures r == i,
    {
        i
    }
}

struct FvGen<A> {
    a: A,
}

impl<A> FvGreet for FvGen<A> {
}

// expect: verified
fn fv_kept_default_call() {
    let r = FvGen::<bool>::fv_greet(7);
    assert(r == 7);
    assert(forall|x: u8, y: u8| call_ensures(FvGen::<u16>::fv_greet, (x,), y) ==> y == x);
}

// expect: failed assertion
fn fv_kept_default_call_wrong() {
    let r = FvGen::<bool>::fv_greet(7);
    assert(r == 8);
}

} // verus!
