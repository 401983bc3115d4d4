// `no_unwind [when c]` and `opens_invariants ..`: where a function must not unwind, each exec call
// must be shown not to (a callee's own condition at the arguments; an unmarked exec fn, a closure,
// a panicking library operation may unwind); each call's invariant mask must be within the
// caller's (exec fns open any by default, proof fns none). A call that takes `&mut` of a field of
// a value with a type invariant needs a plain `no_unwind` callee and re-proves the invariant.
verus! {

// expect: verified
fn uw_may_unwind() {}

// expect: verified
fn uw_never() no_unwind {}

// expect: verified
fn uw_when(i: u8) no_unwind when i >= 5 {}

// expect: verified
fn uw_caller_may_unwind() {
    uw_may_unwind();
    uw_when(0);
}

// expect: failed precondition
fn uw_calls_unmarked() no_unwind {
    uw_may_unwind();
}

// expect: failed precondition
fn uw_condition_not_met() no_unwind {
    uw_when(3);
}

// expect: verified
fn uw_condition_met() no_unwind {
    uw_when(20);
    uw_never();
}

// expect: verified
fn uw_conditional_caller(j: u8) no_unwind when j >= 10 {
    uw_when(j);
}

// expect: failed precondition
fn uw_conditional_caller_weaker(j: u8) no_unwind when j >= 4 {
    uw_when(j);
}

// expect: verified
fn uw_outside_condition_may_unwind(j: u8) no_unwind when j >= 10 {
    if j < 10 {
        uw_may_unwind();
    }
}

// expect: failed precondition
fn uw_closure_call() no_unwind {
    let f = || {};
    f();
}

// expect: verified
fn uw_closure_body_may_unwind() no_unwind {
    let f = || { uw_may_unwind(); };
}

// expect: failed precondition
fn uw_unwrap(o: Option<u8>) -> u8 requires o.is_some() no_unwind {
    o.unwrap()
}

// expect: failed precondition
fn uw_array_index(a: [u8; 3]) -> u8 no_unwind {
    a[0]
}

// expect: verified
fn uw_vec_index(v: &Vec<u8>) -> u8 requires v.len() > 0 no_unwind {
    v[0]
}

// expect: failed precondition
fn uw_vec_push(v: &mut Vec<u8>) no_unwind {
    v.push(1);
}

// expect: error
proof fn uw_proof_unwind() no_unwind {}

// expect: error
fn uw_when_not_bool(i: u8) no_unwind when i {}

// expect: verified
fn uw_opens_none() opens_invariants none {}

// expect: verified
proof fn uw_opens_one() opens_invariants [1int] {}

// expect: verified
proof fn uw_opens_two() opens_invariants [1int, 2int] {}

// expect: verified
fn uw_opens_param(x: u8) opens_invariants [x] {}

// expect: verified
fn uw_none_calls_none() opens_invariants none {
    uw_opens_none();
    proof { uw_opens_nothing_proof(); }
}

// expect: verified
proof fn uw_opens_nothing_proof() {}

// expect: failed precondition
fn uw_none_calls_any() opens_invariants none {
    uw_may_unwind();
}

// expect: failed precondition
proof fn uw_default_proof_calls_one() {
    uw_opens_one();
}

// expect: verified
proof fn uw_two_calls_one() opens_invariants [2int, 1int] {
    uw_opens_one();
}

// expect: failed precondition
proof fn uw_one_calls_two() opens_invariants [1int] {
    uw_opens_two();
}

// expect: failed precondition
fn uw_param_mask(x: u8, y: u8) opens_invariants [y] {
    uw_opens_param(x);
}

// expect: verified
fn uw_param_mask_same(x: u8) opens_invariants [x] {
    uw_opens_param(x);
}

// expect: failed precondition
fn uw_none_calls_closure() opens_invariants none {
    let f = || {};
    f();
}

// (vstd's specifications of these operations open any invariant)
// expect: failed precondition
fn uw_none_array_index(a: [u8; 3]) -> u8 opens_invariants none {
    a[0]
}

// expect: failed precondition
fn uw_none_is_some(o: Option<u8>) -> bool opens_invariants none {
    o.is_some()
}

// expect: verified
fn uw_none_spec_is_some(o: Option<u8>) opens_invariants none {
    assert(o.is_some() || o.is_none());
}

// expect: error
fn uw_mask_not_int() opens_invariants [true] {}

// expect: error
spec fn uw_spec_mask() -> bool opens_invariants [1int] { true }

struct UwInv {
    i: u8,
    j: u8,
}

impl UwInv {
    // expect: verified
    #[verifier::type_invariant]
    spec fn uw_inv(&self) -> bool {
        self.i < 15
    }
}

// expect: verified
fn uw_set(i: &mut u8, v: u8) ensures *i == v no_unwind {
    *i = v;
}

// expect: verified
fn uw_set_unwinding(i: &mut u8, v: u8) ensures *i == v {
    *i = v;
}

// expect: verified
fn uw_field_borrow_keeps_invariant() {
    let mut x = UwInv { i: 3, j: 4 };
    uw_set(&mut x.i, 10);
    uw_set(&mut x.j, 200);
}

// expect: failed assertion
fn uw_field_borrow_breaks_invariant() {
    let mut x = UwInv { i: 3, j: 4 };
    uw_set(&mut x.i, 20);
}

// expect: error
fn uw_field_borrow_unwinding_callee() {
    let mut x = UwInv { i: 3, j: 4 };
    uw_set_unwinding(&mut x.i, 5);
}

pub trait UwTr {
    fn uw_tr_never() no_unwind;
    fn uw_tr_when(i: u8) no_unwind when i >= 3;
}

struct UwY {}

impl UwTr for UwY {
    // expect: failed precondition
    fn uw_tr_never() {
        uw_may_unwind();
    }
    // expect: failed precondition
    fn uw_tr_when(i: u8) {
        uw_when(i);
    }
}

// expect: verified
fn uw_generic_caller<T: UwTr>(j: u8) no_unwind when j >= 3 {
    T::uw_tr_never();
    T::uw_tr_when(j);
}

// expect: failed precondition
fn uw_generic_caller_weaker<T: UwTr>(j: u8) no_unwind when j >= 2 {
    T::uw_tr_when(j);
}

} // verus!
