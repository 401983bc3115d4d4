// Spec closures: `spec_fn(A, B) -> C` values (SMT lambdas; a call is the function at its
// arguments). Each program that must verify sits next to one that must fail or be rejected.
use vstd::prelude::*;

verus! {

// expect: verified
spec fn sc_apply(f: spec_fn(int) -> int, x: int) -> int {
    f(x)
}

// expect: verified
proof fn sc_local_closure() {
    let f = |x: int| x + 1;
    assert(f(3) == 4);
    assert(sc_apply(f, 5) == 6);
}

// expect: failed assertion
proof fn sc_local_closure_wrong() {
    let f = |x: int| x + 1;
    assert(f(3) == 5);
}

// expect: verified
proof fn sc_param_facts(g: spec_fn(int, int) -> bool)
    requires
        forall|a: int, b: int| g(a, b) ==> a < b,
{
    assert(!g(3, 3));
}

// expect: failed assertion
proof fn sc_param_unknown(g: spec_fn(int, int) -> bool) {
    assert(!g(3, 3));
}

// expect: verified
proof fn sc_captures(n: int) {
    let f = |x: int| x + n;
    assert(f(1) == n + 1);
}

// expect: failed assertion
proof fn sc_captures_value_not_name(n: int) {
    let f = |x: int| x + n;
    let n = 0int;
    assert(f(1) == 1);
}

// expect: verified
proof fn sc_typed_from_parameter() {
    assert(sc_apply(|y| y * 2, 4) == 8);
}

// expect: verified
proof fn sc_extensional(f: spec_fn(int) -> int, g: spec_fn(int) -> int)
    requires
        forall|x: int| #[trigger] f(x) == g(x),
{
    assert(f =~= g);
}

// expect: failed assertion
proof fn sc_not_extensional(f: spec_fn(int) -> int, g: spec_fn(int) -> int) {
    assert(f =~= g);
}

pub struct ScHolder {
    pub f: spec_fn(nat) -> nat,
}

// expect: verified
proof fn sc_field_call(s: ScHolder)
    requires
        forall|i: nat| #[trigger] (s.f)(i) == i,
{
    assert((s.f)(3) == 3);
}

// expect: failed assertion
proof fn sc_field_call_wrong(s: ScHolder) {
    assert((s.f)(3) == 3);
}

// expect: error
proof fn sc_wrong_arity() {
    let f = |x: int| x;
    assert(f(1, 2) == 1);
}

// expect: error
fn sc_called_in_exec(f: Ghost<spec_fn(int) -> int>) -> (r: int) {
    let g = f@;
    g(1)
}


// a generic spec fn returning a closure (its sort: the array over the instantiation's sorts)
// expect: verified
spec fn sc_shift<A>(f: spec_fn(int) -> A, k: nat) -> spec_fn(int) -> A {
    |n: int| f(n + k)
}

// expect: verified
proof fn sc_shift_twice<A>(f: spec_fn(int) -> A, k1: nat, k2: nat)
    ensures
        sc_shift(sc_shift(f, k1), k2) == sc_shift(f, k1 + k2),
{
    assert(sc_shift(sc_shift(f, k1), k2) =~= sc_shift(f, k1 + k2));
}

// (a concrete function: refuting an equality of two closures over an unknown `f` needs a model
// of `f`, which z3 can take long to find)
// expect: failed postcondition
proof fn sc_shift_twice_wrong(k1: nat, k2: nat)
    ensures
        (sc_shift(sc_shift(|x: int| x, k1), k2))(0) == k1 + k2 + 1,
{
}


// a closure passed where the callee's ensures applies it inside a trigger: beta-reduced
pub struct ScS {
    pub a: int,
}

// expect: verified
uninterp spec fn sc_prop_1(s: ScS) -> bool;

// expect: verified
uninterp spec fn sc_prop_2(s: ScS) -> bool;

// expect: verified
#[verifier::external_body]
proof fn sc_implies(f1: spec_fn(ScS) -> bool, f2: spec_fn(ScS) -> bool)
    ensures
        forall|s: ScS| #[trigger] f1(s) ==> f2(s),
{
}

// expect: verified
proof fn sc_lambda_in_trigger(s: ScS) {
    sc_implies(|s1| sc_prop_1(s1), |s1| sc_prop_2(s1));
    assert forall|s: ScS| sc_prop_1(s) implies sc_prop_2(s) by {
        assert((|s1| sc_prop_1(s1))(s));
    }
}

// expect: failed assertion
proof fn sc_lambda_in_trigger_wrong(s: ScS) {
    sc_implies(|s1| sc_prop_1(s1), |s1| sc_prop_2(s1));
    assert(sc_prop_2(s));
}

// a `mut` parameter of an exec closure: the body may assign it, the `ensures` read the value passed
// expect: verified
fn cl_mut_param() {
    let r = |mut x: u64| -> (y: u64)
        ensures
            x == y,
    {
        let z = x;
        x = 5;
        z
    };
    let v = r(7);
    assert(v == 7);
}

// expect: failed postcondition
fn cl_mut_param_wrong() {
    let r = |mut x: u64| -> (y: u64)
        ensures
            x == y,
    {
        x = 5;
        x
    };
}

// expect: unsupported
proof fn cl_mut_param_spec_closure() {
    let f = |mut x: int| x + 1;
}

// a closure without parameters (`spec_fn() -> bool`) is not modelled; the errors in its body are
// still the program's
// expect: unsupported
spec fn cl_nullary(x: u64) -> spec_fn() -> bool {
    || x > 3
}

// expect: error
spec fn cl_nullary_non_exhaustive(x: u64) -> spec_fn() -> bool {
    || match x {
        3u64..=5u64 => true,
    }
}

} // verus!
