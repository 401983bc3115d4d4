// Local `&mut` borrows (`let r = &mut x;`): writes through `r` reach `x`; while the borrow lasts
// nothing else may use `x` (rustc's borrow error); no value moves out from behind `r`.
use vstd::prelude::*;

verus! {

pub struct LbPair { pub a: u64, pub b: u64 }

pub struct LbOwned { pub v: u8 }

// expect: verified
fn lb_bump(a: &mut u64)
    requires *old(a) < 100,
    ensures *a == *old(a) + 1,
{
    *a = *a + 1;
}

// expect: verified
fn lb_write_through() {
    let mut u: u64 = 20;
    let r: &mut u64 = &mut u;
    *r = 30;
    assert(u == 30);
}

// The write reached `u`: its old value is gone.
// expect: failed assertion
fn lb_write_through_wrong() {
    let mut u: u64 = 20;
    let r: &mut u64 = &mut u;
    *r = 30;
    assert(u == 20);
}

// expect: verified
fn lb_field_borrow() {
    let mut p = LbPair { a: 1, b: 2 };
    let r = &mut p.a;
    *r = *r + 10;
    let q = &mut p;
    q.b = 7;
    assert(p.a == 11 && p.b == 7);
}

// Only the borrowed field changed.
// expect: failed assertion
fn lb_field_borrow_wrong() {
    let mut p = LbPair { a: 1, b: 2 };
    let r = &mut p.a;
    *r = 5;
    assert(p.b == 5);
}

// expect: verified
fn lb_pass_on() {
    let mut x: u64 = 5;
    let r = &mut x;
    lb_bump(r);
    lb_bump(r);
    assert(*r == 7);
    assert(x == 7);
}

// The callee's precondition is checked at the borrowed place's value.
// expect: failed precondition
fn lb_pass_on_too_big() {
    let mut x: u64 = 100;
    let r = &mut x;
    lb_bump(r);
}

// expect: verified
fn lb_reborrow() {
    let mut u: u64 = 20;
    let r = &mut u;
    *r = 11;
    let r2 = &mut *r;
    *r2 = 13;
    assert(*r == 13);
    *r = 17;
    assert(u == 17);
}

// expect: verified
fn lb_in_loop() {
    let mut total: u64 = 0;
    let r = &mut total;
    let mut i: u64 = 0;
    while i < 10
        invariant i <= 10, *r == i * 2,
        decreases 10 - i,
    {
        *r = *r + 2;
        i = i + 1;
    }
    assert(total == 20);
}

// The invariant through the borrow does not hold on entry.
// expect: failed invariant-entry
fn lb_in_loop_bad_invariant() {
    let mut total: u64 = 1;
    let r = &mut total;
    let mut i: u64 = 0;
    while i < 10
        invariant i <= 10, *r == i * 2,
        decreases 10 - i,
    {
        *r = *r + 2;
        i = i + 1;
    }
}

// rustc: `x` is used (even by ghost code) while the borrow is still used later.
// expect: error
fn lb_use_while_borrowed() {
    let mut x: u64 = 0;
    let r = &mut x;
    assert(x == 0);
    *r = 20;
}

// rustc: two mutable borrows of one place at once.
// expect: error
fn lb_two_borrows() {
    let mut x: u64 = 0;
    let r = &mut x;
    let s = &mut x;
    *s = 1;
    *r = 2;
}

// rustc: a value cannot be moved out from behind the reference.
// expect: error
fn lb_move_out() {
    let mut n = LbOwned { v: 1 };
    let r = &mut n;
    let m = *r;
}

// rustc: an immutable local cannot be borrowed mutably.
// expect: error
fn lb_borrow_immutable() {
    let n: u64 = 5;
    let r = &mut n;
    *r = 6;
}

// After the last use of the borrow, `x` is free again and holds what was written through it.
// expect: verified
fn lb_after_last_use() {
    let mut x: u64 = 0;
    let r = &mut x;
    *r = 4;
    x = x + 1;
    assert(x == 5);
}

pub struct LbRange { lo: u64, hi: u64 }

impl LbRange {
    // expect: verified
    #[verifier::type_invariant]
    spec fn lb_range_inv(&self) -> bool {
        self.lo <= self.hi
    }
}

// A borrow of a field of a value with a type invariant: Verus's error (its invariant could not be
// re-established where the borrow ends).
// expect: error
fn lb_field_of_invariant(x: LbRange) {
    let mut x = x;
    let r = &mut x.lo;
    *r = 0;
}

// A reference moved to another variable needs the prophecy model: not modelled (reported as such).
// expect: error
fn lb_ref_escapes() {
    let mut x: u64 = 0;
    let r = &mut x;
    let s = r;
    *s = 1;
}

// The reborrow's write reached `u` too.
// expect: failed assertion
fn lb_reborrow_wrong() {
    let mut u: u64 = 20;
    let r = &mut u;
    let r2 = &mut *r;
    *r2 = 13;
    assert(*r == 20);
}

// expect: failed assertion
fn lb_after_last_use_wrong() {
    let mut x: u64 = 0;
    let r = &mut x;
    *r = 4;
    x = x + 1;
    assert(x == 4);
}

// The second call's precondition sees the first call's write through the borrow.
// expect: failed precondition
fn lb_pass_on_twice_too_big() {
    let mut x: u64 = 99;
    let r = &mut x;
    lb_bump(r);
    lb_bump(r);
}

// `let ref mut r = x;` is the borrow `let r = &mut x;`
// expect: verified
fn lb_ref_mut_binding() {
    let mut x: u64 = 0;
    let ref mut r = x;
    *r = 7;
    assert(x == 7);
}

// expect: error
fn lb_ref_mut_binding_conflict() {
    let mut x: u64 = 0;
    let ref mut r = x;
    assert(x == 0);
    *r = 7;
}

// expect: failed assertion
fn lb_ref_mut_binding_wrong() {
    let mut x: u64 = 0;
    let ref mut r = x;
    *r = 7;
    assert(x == 0);
}

} // verus!
