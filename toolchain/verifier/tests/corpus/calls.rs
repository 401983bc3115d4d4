// Modular calls: preconditions, postconditions, callee bodies never looked at, &mut parameters.
verus! {

// expect: verified
fn inc(x: u64) -> (r: u64)
    requires x < 1000,
    ensures r == x + 1,
{
    x + 1
}

// expect: verified
fn call_inc() {
    let a = inc(5);
    assert(a == 6);
    let b = inc(a);
    assert(b == 7);
}

// expect: failed precondition
fn call_inc_bad(x: u64) -> u64 {
    inc(x)
}

// expect: verified
fn call_inc_guarded(x: u64) -> (r: u64)
    requires x < 500,
    ensures r > x,
{
    inc(x)
}

// expect: verified
fn opaque_body(x: u32) -> (r: u32)
    ensures r >= x,
{
    x + 0
}

// expect: failed assertion
fn callee_body_not_visible(x: u32) {
    let y = opaque_body(x);
    assert(y == x);
}

// expect: verified
fn callee_spec_visible(x: u32) {
    let y = opaque_body(x);
    assert(y >= x);
}

// expect: verified
fn weak_spec(x: u8) -> (r: u8)
    ensures r > 0,
{
    if x == 0 { 1 } else { x }
}

// expect: failed postcondition
fn relies_on_weak_spec(x: u8) -> (r: u8)
    requires x > 0,
    ensures r == x,
{
    weak_spec(x)
}

// expect: verified
fn set_to_five(x: &mut u32)
    ensures *x == 5,
{
    *x = 5;
}

// expect: verified
fn mut_param_call() {
    let mut a: u32 = 1;
    set_to_five(&mut a);
    assert(a == 5);
}

// expect: failed assertion
fn mut_param_havoc() {
    let mut a: u32 = 1;
    let b: u32 = 9;
    set_to_five(&mut a);
    assert(a == 1);
}

// expect: verified
fn add_to(x: &mut u64, d: u64)
    requires *old(x) + d <= 0xffff_ffff,
    ensures *x == *old(x) + d,
{
    *x = *x + d;
}

// expect: verified
fn add_to_caller() {
    let mut v: u64 = 10;
    add_to(&mut v, 5);
    add_to(&mut v, 5);
    assert(v == 20);
}

// expect: failed precondition
fn add_to_caller_bad(d: u64) {
    let mut v: u64 = 10;
    add_to(&mut v, d);
}

// expect: verified
fn add_to_body(x: &mut u64, d: u64)
    requires *old(x) < 100, d < 100,
    ensures *x == *old(x) + d,
{
    *x = *x + d;
}

// expect: failed postcondition
fn mut_param_wrong_post(x: &mut u64)
    requires *old(x) < 100,
    ensures *x == *old(x),
{
    *x = *x + 1;
}

// expect: verified
fn unrelated_var_survives_call() {
    let mut a: u32 = 1;
    let b: u32 = 9;
    set_to_five(&mut a);
    assert(b == 9);
}

// expect: verified
fn double(x: u32) -> (r: u32)
    requires x < 0x8000_0000,
    ensures r == 2 * x,
{
    x * 2
}

// expect: verified
fn chain_calls(x: u32) -> (r: u32)
    requires x < 1000,
    ensures r == 4 * x,
{
    double(double(x))
}

// expect: failed precondition
fn chain_calls_overflowing(x: u32) -> u32
    requires x < 0x8000_0000,
{
    double(double(x))
}

// expect: verified
fn fact_rec(n: u64) -> (r: u64)
    requires n <= 5,
    ensures r >= 1,
    decreases n,
{
    if n == 0 {
        1
    } else {
        let f = fact_rec(n - 1);
        assert(f >= 1);
        if f < 1000 { f * 1 } else { f }
    }
}

// expect: failed decreases
fn rec_no_progress(n: u64) -> u64
    decreases n,
{
    if n == 0 { 0 } else { rec_no_progress(n) }
}

// expect: error
fn rec_no_decreases(n: u64) -> u64 {
    if n == 0 { 0 } else { rec_no_decreases(n - 1) }
}

// expect: failed decreases
fn mutual_a(n: u64) -> u64
    decreases n,
{
    if n == 0 { 0 } else { mutual_b(n) }
}

// expect: verified
fn mutual_b(n: u64) -> u64
    decreases n,
{
    if n == 0 { 0 } else { mutual_a(n - 1) }
}

// expect: verified
#[verifier::external_body]
fn trusted_read() -> (r: u64)
    ensures r < 4096,
{
    unimplemented!()
}

// expect: verified
fn use_trusted() -> (r: u64)
    ensures r < 8192,
{
    let v = trusted_read();
    v + v
}

// expect: verified
proof fn lemma_add_comm(a: int, b: int)
    ensures a + b == b + a,
{
}

// expect: verified
proof fn lemma_requires_pos(a: int)
    requires a > 0,
    ensures a * 2 > a,
{
    assert(a * 2 == a + a);
}

// expect: verified
fn call_lemma(x: u32) {
    proof {
        lemma_add_comm(x as int, 3);
    }
    assert(x + 3 == 3 + x);
}

// expect: failed precondition
fn call_lemma_bad(x: u32) {
    proof {
        lemma_requires_pos(x as int);
    }
}

// expect: verified
proof fn lemma_use_lemma(a: int)
    requires a > 5,
    ensures a * 2 > a,
{
    lemma_requires_pos(a);
}

// expect: failed postcondition
proof fn lemma_wrong(a: int)
    ensures a * 2 > a,
{
}

// ---- the result of a unit-returning call bound to a variable (was a solver sort error)

// expect: verified
fn cl_bump_unit(x: &mut u64)
    requires *old(x) < 10,
    ensures *x == *old(x) + 1,
{
    *x = *x + 1;
}

// expect: verified
fn cl_bind_unit_result() {
    let mut a: u64 = 1;
    let r = cl_bump_unit(&mut a);
    assert(a == 2);
    assert(r == ());
}

// expect: failed assertion
fn cl_bind_unit_result_wrong() {
    let mut a: u64 = 1;
    let r = cl_bump_unit(&mut a);
    assert(a == 1);
}

} // verus!
