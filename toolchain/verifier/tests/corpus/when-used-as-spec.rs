// `#[verifier::when_used_as_spec(g)]`: a call of the exec fn in spec or proof code means the spec
// fn `g`; in exec code it is an ordinary exec call (with its `requires`).
use vstd::prelude::*;

verus! {

// expect: verified
spec fn wuas_spec_double(x: u8) -> u8 { (2 * x) as u8 }

// the exec body returns 0: only the spec meaning makes `wuas_double(3) == 6` true
// expect: verified
#[verifier::when_used_as_spec(wuas_spec_double)]
fn wuas_double(x: u8) -> (r: u8)
    requires x < 100,
{
    0
}

// expect: verified
proof fn wuas_spec_use_means_g() {
    assert(wuas_double(3) == 6);
}

// expect: failed assertion
proof fn wuas_spec_use_not_body() {
    // holds for the exec body (it returns 0) but not for the spec fn
    assert(wuas_double(3) == 0);
}

// expect: verified
fn wuas_ensures_uses_g(x: u8) -> (r: u8)
    requires x < 50,
    ensures r == wuas_double(x),
{
    proof { assert(wuas_double(x) == 2 * x); }
    2 * x
}

// expect: failed postcondition
fn wuas_ensures_uses_g_bad(x: u8) -> (r: u8)
    requires x < 50,
    ensures r == wuas_double(x),
{
    x
}

// expect: failed precondition
fn wuas_exec_call_checks_requires() {
    let y = wuas_double(200);
}

// expect: failed assertion
fn wuas_exec_call_is_exec() {
    // in exec code the call has only the exec fn's (empty) ensures
    let y = wuas_double(3);
    assert(y == 6);
}

struct WuasBox { v: u8 }

impl WuasBox {
    // expect: verified
    spec fn spec_small(&self) -> bool { self.v < 10 }

    // expect: verified
    #[verifier::when_used_as_spec(spec_small)]
    fn small(&self) -> bool { false }
}

// expect: verified
fn wuas_method_spec_use(b: &WuasBox)
    requires b.v == 3,
{
    assert(b.small());
    let c = b.small();
}

// expect: failed assertion
fn wuas_method_spec_use_bad(b: &WuasBox)
    requires b.v == 30,
{
    assert(b.small());
}

// expect: error
#[verifier::when_used_as_spec(wuas_no_such_fn)]
fn wuas_unknown_target(x: u8) -> u8 { x }

// expect: verified
proof fn wuas_proof_target(x: u8) -> u8 { x }

// expect: error
#[verifier::when_used_as_spec(wuas_proof_target)]
fn wuas_target_not_spec(x: u8) -> u8 { x }

// expect: verified
spec fn wuas_spec_int_param(x: int) -> u8 { 0 }

// expect: error
#[verifier(when_used_as_spec(wuas_spec_int_param))]
fn wuas_param_mismatch(x: u8) -> u8 { 0 }

// expect: verified
spec fn wuas_spec_bool_ret(x: u8) -> bool { true }

// expect: error
#[verifier::when_used_as_spec(wuas_spec_bool_ret)]
fn wuas_return_mismatch(x: u8) -> u8 { 0 }


// ---- `#[verifier::allow_in_spec]`: ghost code calls the exec fn, meaning its `returns` clause

// expect: verified
#[verifier::allow_in_spec]
fn ais_negate(a: bool) -> bool
    returns !a,
{
    !a
}

// expect: verified
proof fn ais_spec_use(b: bool) {
    assert(ais_negate(b) == !b);
}

// expect: failed assertion
proof fn ais_spec_use_wrong(b: bool) {
    assert(ais_negate(b) == b);
}

// expect: verified
#[verifier::allow_in_spec]
fn ais_pick<T>(a: bool, x: T, y: T) -> T
    returns if a { x } else { y },
{
    if a { x } else { y }
}

// expect: verified
proof fn ais_generic_use(c: u64, d: u64) {
    assert(ais_pick(true, c, d) == c);
    assert(ais_pick(false, c, d) == d);
}

// (the `returns` clause, not the body: an exec fn whose body differs is still held to it)
// expect: failed postcondition
#[verifier::allow_in_spec]
fn ais_body_differs(a: u8) -> u8
    returns a,
{
    0
}

// expect: error
#[verifier::allow_in_spec]
fn ais_no_returns(a: bool) -> bool {
    a
}

// expect: error
#[verifier::allow_in_spec]
fn ais_mut_param(a: &mut bool) -> bool
    returns true,
{
    true
}

// expect: verified
spec fn ais_spec_negate(a: bool) -> bool { !a }

// expect: error
#[verifier::when_used_as_spec(ais_spec_negate)]
#[verifier::allow_in_spec]
fn ais_both(a: bool) -> bool
    returns !a,
{
    !a
}

// ---- vstd's `#[auto_spec]`: `allow_in_spec` with the body as `returns` (read at the result's type)
use vstd::contrib::auto_spec;

// expect: verified
#[auto_spec]
fn wus_auto_add(x: u32, y: u32) -> u32
    requires x < 100, y < 100,
{
    proof { assert(true); }
    x + y
}

// expect: verified
proof fn wus_auto_add_meaning(x: u32, y: u32)
    ensures wus_auto_add(x, y) == (x + y) as u32, wus_auto_add(x, y) == wus_auto_add(y, x),
{
}

// (the spec value is truncated to the result type where the exec code could not run)
// expect: failed postcondition
proof fn wus_auto_add_not_int(x: u32, y: u32)
    ensures wus_auto_add(x, y) == x + y,
{
}

// expect: error
#[auto_spec]
fn wus_auto_mut(x: &mut u32) -> u32 {
    *x
}

// in a trait, `when_used_as_spec(g)` names a method of the trait: none is Verus's error
// expect: error
trait WusTrait {
    #[verifier::when_used_as_spec(wuas_spec_double)]
    fn wus_trait_g() -> bool { false }
}

// expect: failed postcondition
proof fn wus_auto_add_wrong(x: u32, y: u32)
    ensures wus_auto_add(x, y) == wus_auto_add(x, y) + 1,
{
}

} // verus!
