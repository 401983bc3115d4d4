// Opaque types: `fn f() -> impl Tr` returns a value of a type of its own, of which callers know
// only its bounds (the crate's traits) and what `f` ensures. The function's own body and clauses
// read the type its body returns (so `ret.bar()` there is that type's `bar`). Each opaque type is
// an uninterpreted sort; one a generic function, a trait method or a non-exec function returns,
// one in a parameter, or one bounded by a trait with associated types is `unsupported`.
use vstd::prelude::*;

verus! {

trait Tr {
    spec fn bar(&self) -> bool;
    fn foo(&self) -> (r: u64)
        ensures r == 7;
}

impl Tr for bool {
    // expect: verified
    spec fn bar(&self) -> bool { true }
    // expect: verified
    fn foo(&self) -> (r: u64) { 7 }
}

struct S { v: u64 }

impl Tr for S {
    // expect: verified
    spec fn bar(&self) -> bool { self.v > 3 }
    // expect: verified
    fn foo(&self) -> (r: u64) { 7 }
}

// expect: verified
fn make() -> (ret: impl Tr)
    ensures ret.bar()
{
    true
}

// expect: verified
fn make_s() -> (ret: impl Tr)
    ensures ret.bar()
{
    S { v: 5 }
}

// The hidden type's impl decides the function's own ensures: `S { v: 2 }.bar()` is false.
// expect: failed postcondition
fn make_s_wrong() -> (ret: impl Tr)
    ensures ret.bar()
{
    S { v: 2 }
}

// Callers know the bound's contract and the function's ensures.
// expect: verified
fn caller_ok() {
    let x = make();
    let r = x.foo();
    assert(r == 7);
    assert(x.bar());
}

// expect: verified
fn no_ensures() -> impl Tr { true }

// ... but not the hidden type: `bool::bar` is true, the opaque type's `bar` is not known.
// expect: failed assertion
fn caller_hidden() {
    let x = no_ensures();
    assert(x.bar());
}

// Two results of one opaque function are not known to be equal.
// expect: failed assertion
fn caller_two() {
    let a = no_ensures();
    let b = no_ensures();
    assert(a == b);
}

// The opaque type is not its hidden type (rustc: mismatched types).
// expect: error
fn caller_type() {
    let x = make();
    let y: bool = x;
}

// The hidden type must have the bounds.
// expect: error
fn not_impl() -> impl Tr { 5u64 }

// One hidden type per opaque type.
// expect: error
fn two_types(c: bool) -> impl Tr { if c { true } else { S { v: 1 } } }

// An opaque type without a `Copy` bound is moved.
// expect: error
fn moved() {
    let x = make();
    let y = x;
    let z = x;
}

// expect: unsupported
fn in_param(x: impl Tr) {}

// expect: verified
fn tuple() -> (ret: (impl Tr, impl Tr))
    ensures ret.0.bar(), ret.1.bar()
{
    (true, S { v: 9 })
}

// expect: verified
fn from_other() -> (ret: impl Tr)
    ensures ret.bar()
{
    make()
}

// expect: failed postcondition
fn from_other_wrong() -> (ret: impl Tr)
    ensures ret.bar()
{
    no_ensures()
}

// A body returning its own opaque type (rustc E0720).
// expect: error
#[verifier::exec_allows_no_decreases_clause]
fn rec() -> impl Tr { rec() }

// expect: verified
fn opt() -> (r: Option<impl Tr>)
    ensures r is Some && r->0.bar()
{
    Some(S { v: 5 })
}

// expect: failed postcondition
fn opt_wrong() -> (r: Option<impl Tr>)
    ensures r is Some && r->0.bar()
{
    Some(S { v: 1 })
}

struct W { x: u64 }

impl W {
    // expect: verified
    fn m(&self) -> (r: impl Tr)
        ensures r.bar() == (self.x > 3)
    {
        S { v: self.x }
    }
}

// expect: verified
fn use_m() {
    let w = W { x: 5 };
    let r = w.m();
    assert(r.bar());
}

// expect: failed assertion
fn use_m_wrong() {
    let w = W { x: 0 };
    let r = w.m();
    assert(r.bar());
}

// expect: unsupported
spec fn sp() -> impl Tr { true }

// Its value is not known to callers: a `returns` clause for it is Verus's error.
// expect: error
fn make_returns() -> (ret: impl Tr)
    returns true
{
    true
}

} // verus!
