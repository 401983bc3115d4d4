// `#[verifier::type_invariant]`: asserted where an exec or tracked value is built or a field of it
// written (of every value around the written place), assumed only at `use_type_invariant(&x)`.
// Each program that breaks an invariant (or assumes one it may not) must fail or be rejected,
// beside one that keeps it.
use vstd::prelude::*;

verus! {

struct TiCounter {
    lo: u8,
    hi: u8,
}

impl TiCounter {
    // expect: verified
    #[verifier::type_invariant]
    spec fn ti_ordered(&self) -> bool {
        self.lo <= self.hi
    }

    // expect: verified
    fn ti_new() -> (r: Self) {
        TiCounter { lo: 1, hi: 5 }
    }

    // expect: failed assertion
    fn ti_new_broken() -> (r: Self) {
        TiCounter { lo: 6, hi: 5 }
    }

    // the invariant gives `lo <= hi`, so raising `hi` keeps it
    // expect: verified
    fn ti_raise(&mut self)
        requires old(self).hi < 255,
    {
        proof { use_type_invariant(&*self); }
        self.hi = self.hi + 1;
    }

    // without the invariant in hand, `lo + 1` may pass `hi`
    // expect: failed assertion
    fn ti_raise_lo(&mut self)
        requires old(self).lo < 255,
    {
        self.lo = self.lo + 1;
    }

    // expect: verified
    fn ti_raise_lo_checked(&mut self) {
        proof { use_type_invariant(&*self); }
        if self.lo < self.hi {
            self.lo = self.lo + 1;
        }
    }

    // expect: verified
    fn ti_width(&self) -> (r: u8)
        ensures r == self.hi - self.lo,
    {
        proof { use_type_invariant(self); }
        self.hi - self.lo
    }

    // not assumed without `use_type_invariant`: the subtraction may underflow
    // expect: failed underflow
    fn ti_width_unproved(&self) -> u8 {
        self.hi - self.lo
    }
}

// expect: verified
fn ti_use_param(c: TiCounter) {
    proof { use_type_invariant(&c); }
    assert(c.lo <= c.hi);
}

// expect: failed assertion
fn ti_param_not_assumed(c: TiCounter) {
    assert(c.lo <= c.hi);
}

// a spec-mode variable's value carries no invariant: writing it checks nothing
// expect: verified
proof fn ti_spec_write() {
    let mut c = TiCounter { lo: 1, hi: 5 };
    c.lo = 9;
}

// a tracked one does
// expect: failed assertion
proof fn ti_tracked_write() {
    let tracked mut c = TiCounter { lo: 1, hi: 5 };
    c.lo = 9;
}

// expect: verified
proof fn ti_tracked(tracked c: TiCounter) {
    use_type_invariant(&c);
    assert(c.lo <= c.hi);
}

// a spec value carries no invariant
// expect: error
proof fn ti_spec_value(c: TiCounter) {
    use_type_invariant(&c);
}

// expect: error
fn ti_ghost_wrapper(c: Ghost<TiCounter>) {
    proof { use_type_invariant(&c); }
}

// rustc: the binding is not initialized
// expect: error
fn ti_uninitialized() {
    let c: TiCounter;
    proof { use_type_invariant(&c); }
}

// expect: error
fn ti_not_datatype(x: u8) {
    proof { use_type_invariant(&x); }
}

struct TiPlain {
    v: u8,
}

// expect: error
fn ti_no_invariant(p: TiPlain) {
    proof { use_type_invariant(&p); }
}

struct TiOuter {
    inner: TiCounter,
    tag: u8,
}

impl TiOuter {
    // expect: verified
    #[verifier::type_invariant]
    spec fn ti_outer_inv(&self) -> bool {
        self.inner.hi < 100
    }
}

// a write deep inside checks every value around it
// expect: verified
fn ti_nested_ok() {
    let mut o = TiOuter { inner: TiCounter { lo: 1, hi: 5 }, tag: 0 };
    o.inner.hi = 50;
    o.tag = 7;
}

// expect: failed assertion
fn ti_nested_breaks_outer() {
    let mut o = TiOuter { inner: TiCounter { lo: 1, hi: 5 }, tag: 0 };
    o.inner.hi = 150;
}

// expect: failed assertion
fn ti_nested_breaks_inner() {
    let mut o = TiOuter { inner: TiCounter { lo: 1, hi: 5 }, tag: 0 };
    o.inner.lo = 9;
}

// expect: failed assertion
fn ti_struct_update_breaks() {
    let a = TiCounter { lo: 1, hi: 5 };
    let b = TiCounter { lo: 9, ..a };
}

// expect: verified
fn ti_mut_whole(c: &mut TiCounter) {
    *c = TiCounter { lo: 0, hi: 0 };
}

// expect: verified
fn ti_set_byte(b: &mut u8) {
    *b = 0;
}

// a `&mut` borrow of a field of a value with an invariant: Verus requires a `no_unwind` callee
// (unwind-mask.rs has the cases with one)
// expect: error
fn ti_mut_field(c: &mut TiCounter) {
    ti_set_byte(&mut c.lo);
}

enum TiLevel {
    Low(u8),
    High(u8),
}

impl TiLevel {
    // expect: verified
    #[verifier::type_invariant]
    spec fn ti_level_inv(&self) -> bool {
        match *self {
            TiLevel::Low(a) => a < 10,
            TiLevel::High(b) => b >= 10,
        }
    }
}

// expect: verified
fn ti_enum_ok() -> TiLevel {
    TiLevel::High(12)
}

// expect: failed assertion
fn ti_enum_broken() -> TiLevel {
    TiLevel::Low(12)
}

mod ti_private {
    pub struct TiSecret {
        v: u8,
    }

    impl TiSecret {
        // expect: verified
        #[verifier::type_invariant]
        spec fn ti_secret_inv(&self) -> bool {
            self.v == 3
        }

        // expect: verified
        pub fn ti_secret_new() -> Self {
            TiSecret { v: 3 }
        }
    }
}

// the invariant function is private to its module
// expect: error
fn ti_invisible(s: ti_private::TiSecret) {
    proof { use_type_invariant(&s); }
}

// (Verus checks the invariant at the definition, not a unit here)
// expect: unsupported
const TI_BAD: TiCounter = TiCounter { lo: 7, hi: 2 };

// a constant is built in spec mode: exec code reading it checks the invariant
// expect: failed assertion
fn ti_read_bad_const() -> TiCounter {
    TI_BAD
}

// expect: error
#[verifier::type_invariant]
proof fn ti_not_spec(c: TiCounter) -> bool {
    true
}

// expect: error
#[verifier::type_invariant]
spec fn ti_two_params(a: TiCounter, b: TiCounter) -> bool {
    true
}

// expect: error
#[verifier::type_invariant]
spec fn ti_not_bool(c: TiCounter) -> u8 {
    0
}

// expect: error
#[verifier::type_invariant]
spec fn ti_second_for_counter(c: TiCounter) -> bool {
    true
}

// expect: error
#[verifier::type_invariant]
spec fn ti_on_int(x: u8) -> bool {
    true
}


// ---- a generic datatype's invariant: generic over exactly its parameters, at each use's arguments

struct TiPair<A> {
    left: A,
    right: A,
}

impl<A> TiPair<A> {
    // expect: verified
    #[verifier::type_invariant]
    spec fn ti_pair_inv(&self) -> bool {
        self.left == self.right
    }
}

// expect: verified
fn ti_pair_ok() {
    let p = TiPair::<u8> { left: 5, right: 5 };
}

// expect: failed assertion
fn ti_pair_unequal() {
    let p = TiPair::<u8> { left: 5, right: 7 };
}

// expect: verified
fn ti_pair_generic_ok<A: Copy>(a: A) {
    let p = TiPair::<A> { left: a, right: a };
}

// expect: failed assertion
fn ti_pair_generic_unequal<A>(a: A, b: A) {
    let p = TiPair::<A> { left: a, right: b };
}

// expect: failed assertion
fn ti_pair_write<A>(p: &mut TiPair<A>, b: A) {
    p.left = b;
}

// expect: verified
fn ti_pair_use<A>(p: TiPair<A>) {
    proof {
        use_type_invariant(&p);
    }
    assert(p.left == p.right);
}

// (the invariant holds of the argument only once used)
// expect: failed assertion
fn ti_pair_unused<A>(p: TiPair<A>) {
    assert(p.left == p.right);
}

trait TiGood {
    spec fn ti_good(&self) -> bool;
}

impl TiGood for u8 {
    // expect: verified
    spec fn ti_good(&self) -> bool {
        *self < 15
    }
}

struct TiBox<T: TiGood> {
    inner: T,
}

// expect: verified
#[verifier::type_invariant]
spec fn ti_box_inv<T: TiGood>(b: TiBox<T>) -> bool {
    b.inner.ti_good()
}

// expect: verified
fn ti_box_ok() {
    let b = TiBox::<u8> { inner: 5 };
}

// (u8's `ti_good`: 20 is not below 15)
// expect: failed assertion
fn ti_box_bad() {
    let b = TiBox::<u8> { inner: 20 };
}

// expect: failed assertion
fn ti_box_generic_bad<T: TiGood>(a: T) {
    let b = TiBox::<T> { inner: a };
}

struct TiTwo<S, T> {
    s: S,
    t: T,
}

// (the parameters in another order than the datatype's: Verus's error)
// expect: error
#[verifier::type_invariant]
spec fn ti_two_swapped<T, S>(x: TiTwo<S, T>) -> bool {
    true
}

struct TiBounded<T: TiGood> {
    t: T,
}

// (a bound the datatype does not have: Verus's error)
// expect: error
#[verifier::type_invariant]
spec fn ti_bounded_extra<T: TiGood + Copy>(x: TiBounded<T>) -> bool {
    true
}


// ---- building a value asserts its type's invariant: a dependency, for the cycle checks

struct TiCyc {
    i: int,
}

// (it uses the function with the error)
// expect: error
#[verifier::type_invariant]
spec fn ti_cyc_inv(x: TiCyc) -> bool {
    ti_cyc_spec(x.i)
}

// (its termination proof builds a `TiCyc`, whose invariant calls the function back)
// expect: error
spec fn ti_cyc_spec(i: int) -> bool
    decreases i via ti_cyc_by
{
    ti_cyc_spec(i - 1)
}

// expect: verified
#[verifier::external_body]
proof fn ti_cyc_int() -> (tracked i: int) {
    unimplemented!();
}

// (nothing known of the invariant's function: building the value cannot be proved)
// expect: failed assertion
#[verifier::decreases_by]
proof fn ti_cyc_by(i: int) {
    let tracked x = TiCyc { i: ti_cyc_int() };
}

// A `&mut` borrow of a field of a value with a type invariant (other than a call's argument) is
// Verus's error, by `&mut` or by a `ref mut` binding, through the place or through the pattern.
// expect: error
fn ti_borrow_field() {
    let mut c = TiCounter { lo: 1, hi: 5 };
    let r = &mut c.lo;
    *r = 9;
}

// expect: error
fn ti_ref_mut_field() {
    let mut c = TiCounter { lo: 1, hi: 5 };
    let ref mut r = c.lo;
}

// expect: error
fn ti_ref_mut_in_match() {
    let mut c = TiCounter { lo: 1, hi: 5 };
    match c.lo {
        ref mut x => { *x = 9; }
    }
}

// expect: error
fn ti_ref_mut_in_pattern() {
    let mut c = TiCounter { lo: 1, hi: 5 };
    let TiCounter { lo: ref mut x, hi: _ } = c;
}

} // verus!
