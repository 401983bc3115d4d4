// vstd's `exec_spec_verified!` / `exec_spec_unverified!` (exec-spec.ts): each spec fn gets an
// executable `exec_<name>` (trusted: `external_body`, with the spec fn's `recommends` as its
// precondition and its value as its postcondition), a helper spec fn for that precondition when
// there is one, and, in the verified form, a proof fn `exec_spec_check__<name>` holding the exec
// code's obligations (arithmetic in range in the exec types, indexes in bounds, `unwrap` of
// `Some`, callees' preconditions). They are all reported at the spec fn's name, in that order;
// each datatype gets `Exec<Name>` with a `DeepView` impl, reported at the datatype.
use vstd::prelude::*;
use vstd::contrib::exec_spec::*;
use std::collections::HashSet;

verus! {

exec_spec_verified! {
    // expect: verified
    struct XsPair {
        a: u32,
        b: Seq<u8>,
    }

    // expect: verified
    enum XsShape {
        Dot,
        Circle(u32),
        Named { label: SpecString },
    }

    // expect: verified
    // expect: verified
    // expect: verified
    // expect: verified
    spec fn xs_sum(x: u32, y: u32) -> u32 recommends x + y <= u32::MAX { (x + y) as u32 }

    // the exec code adds in `u32`: without the recommends the sum may overflow
    // expect: verified
    // expect: verified
    // expect: failed
    spec fn xs_sum_unguarded(x: u32, y: u32) -> u32 { (x + y) as u32 }

    // short-circuit: the subtraction runs only where `x > 0`
    // expect: verified
    // expect: verified
    // expect: verified
    spec fn xs_pred(x: u32) -> u32 { if x > 0 { (x - 1) as u32 } else { 0 } }

    // `&&` evaluates its right side only where the left holds; `||` where it fails
    // expect: verified
    // expect: verified
    // expect: verified
    spec fn xs_guarded_index(s: Seq<u8>, i: usize) -> bool { i < s.len() && s[i as int] == 0 }

    // expect: verified
    // expect: verified
    // expect: failed
    spec fn xs_unguarded_index(s: Seq<u8>, i: usize) -> bool { i <= s.len() && s[i as int] == 0 }

    // expect: verified
    // expect: verified
    // expect: failed
    spec fn xs_or_index(s: Seq<u8>, i: usize) -> bool { i < s.len() || s[i as int] == 0 }

    // the callee's precondition, at the call
    // expect: verified
    // expect: verified
    // expect: failed
    spec fn xs_calls_sum(x: u32) -> u32 { xs_sum(x, x) }

    // expect: verified
    // expect: verified
    // expect: verified
    // expect: verified
    spec fn xs_calls_sum_ok(x: u32) -> u32 recommends x < 1000 { xs_sum(x, x) }

    // match binders are typed by the datatype (`r * r` is a `u32` product)
    // expect: verified
    // expect: verified
    // expect: failed
    spec fn xs_area(s: XsShape) -> u32 {
        match s {
            XsShape::Circle(r) => (r * r) as u32,
            _ => 0,
        }
    }

    // quantifiers loop over their ranges: each value's evaluation is checked
    // expect: verified
    // expect: verified
    // expect: verified
    spec fn xs_all_small(s: Seq<u32>) -> bool { forall |i: usize| 0 <= i < s.len() ==> s[i as int] < 10 }

    // expect: verified
    // expect: verified
    // expect: failed
    spec fn xs_all_next(s: Seq<u32>) -> bool { forall |i: usize| 0 <= i < s.len() ==> s[i as int] < s[i as int + 1] }

    // expect: verified
    // expect: verified
    // expect: verified
    // expect: verified
    spec fn xs_unwrap(o: Option<u32>) -> u32 recommends o is Some { o.unwrap() }

    // expect: verified
    // expect: verified
    // expect: failed
    spec fn xs_unwrap_unguarded(o: Option<u32>) -> u32 { o.unwrap() }

    // recursion: the `when` condition is a precondition of each call
    // expect: verified
    // expect: verified
    // expect: verified
    // expect: verified
    spec fn xs_countdown(n: i32) -> i32 decreases n when n >= 0 { if n == 0 { 0 } else { xs_countdown((n - 1) as i32) } }

    impl XsPair {
        // expect: verified
        // expect: verified
        spec fn xs_first(&self) -> u32 { self.a }

        // expect: verified
        // expect: verified
        // expect: failed
        spec fn xs_double(&self) -> u32 { (self.a * 2) as u32 }
    }
}

exec_spec_unverified! {
    // unverified: no check, the exec code is trusted as Verus trusts it
    // expect: verified
    // expect: verified
    spec fn xs_trusted_sum(x: u32, y: u32) -> u32 { (x + y) as u32 }
}

// callers see the postcondition: the spec fn's value at the arguments' deep views
// expect: verified
fn xs_use_sum() {
    let r = exec_xs_sum(3, 4);
    assert(r == 7);
}

// expect: failed
fn xs_use_sum_wrong() {
    let r = exec_xs_sum(3, 4);
    assert(r == 8);
}

// and must meet its precondition
// expect: failed
fn xs_use_sum_overflow() {
    let r = exec_xs_sum(u32::MAX, 1);
}

// a `Vec` is passed for a slice parameter (rustc's deref coercion)
// expect: verified
fn xs_use_vec(v: Vec<u32>) {
    if exec_xs_all_small(&v) {
        assert(v.len() > 0 ==> v@[0] < 10);
    }
}

// expect: failed
fn xs_use_vec_wrong(v: Vec<u32>) {
    if exec_xs_all_small(&v) {
        assert(v.len() > 0 ==> v@[0] < 5);
    }
}

// expect: verified
fn xs_use_datatype() {
    let p = ExecXsPair { a: 5, b: vec![1, 2] };
    let f = p.exec_xs_first();
    assert(f == 5);
}

// expect: failed
fn xs_use_datatype_wrong() {
    let p = ExecXsPair { a: 5, b: vec![1, 2] };
    let f = p.exec_xs_first();
    assert(f == 6);
}

// the macros' errors
// (each error is reported first, then the spec fn, which is fine)
exec_spec_verified! {
    // expect: verified
    struct XsW { v: u32 }

    impl XsW {
        // expect: error
        // expect: verified
        spec fn xs_by_value(self) -> u32 { self.v }
    }

    // expect: error
        // expect: verified
    spec fn xs_int_param(x: int) -> bool { x > 0 }

    // expect: error
        // expect: verified
    spec fn xs_outside_call(x: u32) -> bool { xs_not_in_macro(x) }

    // expect: error
        // expect: verified
    spec fn xs_unbounded(s: Seq<u32>) -> bool { forall |i: usize| s[i as int] > 0 }
}

// expect: verified
spec fn xs_not_in_macro(x: u32) -> bool { x > 0 }

// callers know no more than the spec fn's value at the deep views
// expect: failed assertion
fn xs_use_area_wrong() {
    let s = ExecXsShape::Circle(3);
    let a = exec_xs_area(&s);
    assert(a == 3);
}

// expect: failed precondition
fn xs_use_unwrap_none() {
    let o: Option<u32> = None;
    let x = exec_xs_unwrap(&o);
}

// expect: failed assertion
fn xs_use_unwrap_value_wrong() {
    let o: Option<u32> = Some(5);
    let x = exec_xs_unwrap(&o);
    assert(x == 6);
}

// expect: failed precondition
fn xs_use_countdown_negative() {
    let r = exec_xs_countdown(-1);
}

// expect: failed assertion
fn xs_use_guarded_index_wrong(v: Vec<u8>) {
    let b = exec_xs_guarded_index(&v, 0);
    assert(b);
}

// expect: failed assertion
fn xs_use_first_wrong() {
    let p = ExecXsPair { a: 1, b: vec![] };
    let f = p.exec_xs_first();
    assert(f == 0);
}

// expect: failed assertion
fn xs_use_sum_commutes_wrong() {
    let r = exec_xs_sum(2, 3);
    assert(r == 6);
}

// sets: `Set<T>` is a `HashSet` of T's exec counterpart, its deep view the set of the elements'
// deep views; its operations have no precondition, its `len()` is a `usize`
exec_spec_verified! {
    // expect: verified
    // expect: verified
    spec fn xss_has(s: Set<u8>, k: u8) -> bool { s.contains(k) }

    // expect: verified
    // expect: verified
    // expect: failed
    spec fn xss_grow(s: Set<u32>) -> usize { (s.len() + 1) as usize }

    // expect: verified
    // expect: verified
    // expect: verified
    spec fn xss_grow_small(s: Set<u32>) -> usize { if s.len() < 100 { (s.len() + 1) as usize } else { 0 } }

    // expect: verified
    // expect: verified
    spec fn xss_nested(s: Set<Seq<u8>>, k: Seq<u8>) -> Set<Seq<u8>> { s.insert(k).difference(Set::empty().insert(seq![1u8])) }
}

// expect: verified
fn xss_use_has() {
    let mut s: HashSet<u8> = HashSet::new();
    s.insert(3);
    let b = exec_xss_has(&s, 3);
    assert(b);
    let c = exec_xss_has(&s, 4);
    assert(!c);
}

// expect: failed assertion
fn xss_use_has_wrong() {
    let mut s: HashSet<u8> = HashSet::new();
    s.insert(3);
    let b = exec_xss_has(&s, 4);
    assert(b);
}

// expect: verified
fn xss_use_nested(s: HashSet<Vec<u8>>, v: Vec<u8>) {
    let r = exec_xss_nested(&s, &v);
    assert(v@ != seq![1u8] ==> r.deep_view().contains(v@));
    assert(!r.deep_view().contains(seq![1u8]));
}

// expect: failed assertion
fn xss_use_nested_wrong(s: HashSet<Vec<u8>>, v: Vec<u8>) {
    let r = exec_xss_nested(&s, &v);
    assert(r.deep_view().contains(v@));
}

// expect: failed assertion
fn xss_use_has_after_insert_wrong() {
    let mut s: HashSet<u8> = HashSet::new();
    s.insert(3u8);
    let b = exec_xss_has(&s, 3);
    assert(!b);
}

} // verus!
