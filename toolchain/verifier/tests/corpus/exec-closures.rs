// Exec closures: a closure value's `requires` / `ensures` are what a call needs and gives, its body
// is verified where it is written, and nothing it assumes reaches the code around it. Each
// program that must verify sits next to one that must fail or be rejected.
use vstd::prelude::*;

verus! {

// expect: verified
fn ec_basic() {
    let f = |y: u64| -> (z: u64)
        requires y == 2
        ensures z == 2
    {
        y
    };
    assert(f.requires((2,)));
    assert(!f.ensures((2,), 3));
    let t = f(2);
    assert(t == 2);
}

// expect: failed postcondition
fn ec_body_breaks_ensures() {
    let f = |y: u64| -> (z: u64)
        requires y == 2
        ensures z == 3
    {
        y
    };
}

// expect: failed postcondition
fn ec_return_breaks_ensures() {
    let f = |y: u64| -> (z: u64)
        requires y == 2
        ensures z == 3
    {
        return y;
    };
}

// expect: failed assertion
fn ec_requires_is_not_more() {
    let f = |y: u64| requires y == 2 { };
    assert(f.requires((3,)));
}

// expect: failed precondition
fn ec_call_breaks_requires() {
    let f = |y: u64| requires y == 2 { };
    f(3);
}

// expect: failed assertion
fn ec_call_gives_only_ensures(a: u64, b: u64) {
    let f = |x: u64, y: u64| -> (z: u64) requires x == y ensures z == x { y };
    let t = f(8, 8);
    assert(t == 8);
    let u = f(8, 8);
    assert(u == 9);
}

// expect: failed assertion
fn ec_unsatisfiable_requires_stays_inside() {
    let f = |y: u64| requires false { assert(false); };
    assert(false);
}

// expect: verified
fn ec_unsatisfiable_requires_proves_body() {
    let f = |y: u64| requires y > 5 && y < 5 { assert(false); };
}

// expect: verified
fn ec_captured_value(b: bool) {
    let f = |y: u64| requires y == 2 ensures b { assume(b); };
    f(2);
    assert(b);
}

// expect: failed assertion
fn ec_captured_value_not_known(b: bool) {
    let f = |y: u64| requires y == 2 { };
    f(2);
    assert(b);
}

// expect: failed overflow
fn ec_body_is_exec_code(x0: u64) {
    let f = |x: u64| -> (r: u64) { x + 1 };
}

// expect: verified
fn ec_zero_params() {
    let f = || -> (r: u8) ensures r == 7 { 7 };
    let a = f();
    assert(a == 7);
}

// expect: verified
fn ec_stored_in_option() {
    let f = |x: u64| -> (r: u64) ensures r == x { x };
    let o = Some(f);
    match o {
        Some(g) => {
            let v = g(4);
            assert(v == 4);
        }
        None => {}
    }
}

// expect: verified
fn ec_move_snapshot() {
    let mut i: u64 = 1;
    let f = move |j: u64| -> (r: u64) requires j == i ensures r == 1 { j };
    i = 2;
    let r = f(1);
    assert(r == 1);
}

// expect: failed precondition
fn ec_move_snapshot_old_value() {
    let mut i: u64 = 1;
    let f = move |j: u64| -> (r: u64) requires j == i { j };
    i = 2;
    let r = f(2);
}

// (Verus: "does not currently support closures capturing a mutable reference")
// expect: error
fn ec_writes_capture() {
    let mut x: u64 = 0;
    let f = || { x = 1; };
}

// expect: verified
fn ec_takes_mut(u: &mut u64) {}

// expect: error
fn ec_borrows_capture_mutably() {
    let mut x: u64 = 0;
    let f = |t: u8| { ec_takes_mut(&mut x); };
}

// expect: error
fn ec_reborrows_mut_param(a: &mut u64) {
    let f = |t: u8| { ec_takes_mut(a); };
}

// expect: error
fn ec_nested_closure_writes_capture() {
    let mut x: u64 = 0;
    let f = |t: u8| {
        let g = |s: u8| { x = 7; };
    };
}

// (its own variable, and reading a `&mut` parameter's value and `old`, are not mutable captures)
// expect: verified
fn ec_closure_own_mut_local(b: &mut bool)
    requires *old(b) == true,
{
    *b = false;
    let f = |t: u8| {
        let mut x: u64 = 16;
        x = 7;
        assert(*b == false);
        assert(*old(b) == true);
    };
}

// expect: unsupported
fn ec_borrowed_capture_written_later() {
    let mut x: u64 = 0;
    let f = || -> (r: u64) { x };
    x = 5;
    let r = f();
}

// expect: unsupported
fn ec_mut_ref_param() {
    let c = |a: &mut u64| { *a = 5; };
}

// expect: error
fn ec_called_in_ghost_code() {
    let f = |x: u64| x;
    proof {
        let g = f(1);
    }
}

// expect: error
fn ec_requires_in_exec_code() {
    let f = |x: u64| { x };
    let m = call_requires(f, (5,));
}

// expect: unsupported
fn ec_two_closures_two_types(b: bool) {
    let f = |i: u64| { i };
    let mut g = |i: u64| { i };
    g = f;
}

// expect: error
fn ec_spec_fn_in_closure_body() {
    let f = |x: u64| -> (r: bool) { ec_spec_helper() };
}

// expect: verified
spec fn ec_spec_helper() -> bool { true }

// ---- closures given to generic functions: `F: Fn(A) -> B` (FnMut, FnOnce) bounds

// expect: verified
fn ec_apply<T: Fn(u64) -> u64>(t: T)
    requires
        forall|x: u64| 0 <= x < 5 ==> t.requires((x,)),
        forall|x: u64, y: u64| t.ensures((x,), y) ==> y == x + 1,
{
    let ret = t(3);
    assert(ret == 4);
    let r2 = t(1);
    assert(r2 == 2);
}

// expect: failed precondition
fn ec_apply_outside_requires<T: Fn(u64) -> u64>(t: T)
    requires forall|x: u64| 0 <= x < 5 ==> t.requires((x,)),
{
    let ret = t(5);
}

// expect: failed assertion
fn ec_apply_knows_only_ensures<T: Fn(u64) -> u64>(t: T)
    requires forall|x: u64| t.requires((x,)),
{
    let a = t(1);
    let b = t(1);
    assert(a == b);
}

// expect: verified
fn ec_give_closure() {
    let t = |a: u64| -> (ret: u64) requires 0 <= a < 5 ensures ret == a + 1 { a + 1 };
    ec_apply(t);
}

// expect: failed precondition
fn ec_give_closure_too_narrow() {
    let t = |a: u64| -> (ret: u64) requires 0 <= a < 4 ensures ret == a + 1 { a + 1 };
    ec_apply(t);
}

// A closure written as the argument: the same as through a local.
// expect: verified
fn ec_give_closure_inline() {
    ec_apply(|a: u64| -> (ret: u64) requires 0 <= a < 5 ensures ret == a + 1 { a + 1 });
}

// expect: failed precondition
fn ec_give_closure_inline_too_narrow() {
    ec_apply(|a: u64| -> (ret: u64) requires 0 <= a < 4 ensures ret == a + 1 { a + 1 });
}

// Its body is verified where it is written.
// expect: failed postcondition
fn ec_give_closure_inline_body_breaks_ensures() {
    ec_apply(|a: u64| -> (ret: u64) requires 0 <= a < 5 ensures ret == a + 1 { a });
}

// expect: error
fn ec_give_closure_inline_wrong_signature() {
    ec_apply(|a: u8| -> (ret: u64) { 1 });
}

// expect: verified
fn ec_takes_any<T>(t: T) {}

// A closure argument for a parameter without an `Fn` bound is not modelled.
// expect: unsupported
fn ec_closure_to_unbounded() {
    ec_takes_any(|x: u64| -> (r: u64) { 1 });
}

// ---- std's Option methods that take a closure (library option.rs)

// expect: verified
fn ec_option_and_then(o: Option<u32>) -> (res: Option<u32>)
    ensures o is Some && o->0 < 1000 ==> res == Some((o->0 + 1) as u32), o is None ==> res is None,
{
    if let Some(x) = o { if x >= 1000 { return None; } }
    o.and_then(|x: u32| -> (r: Option<u32>) requires x < 1000 ensures r == Some((x + 1) as u32) { Some(x + 1) })
}

// The closure's precondition, needed only where it is called.
// expect: failed precondition
fn ec_option_and_then_requires(o: Option<u32>) -> (res: Option<u32>) {
    o.and_then(|x: u32| -> (r: Option<u32>) requires x < 1000 { Some(x + 1) })
}

// expect: verified
fn ec_option_and_then_none_not_called() -> (res: Option<u32>) ensures res is None {
    let o: Option<u32> = None;
    o.and_then(|x: u32| -> (r: Option<u32>) requires false { Some(x) })
}

// Only the closure's `ensures` is known of what it gave.
// expect: failed postcondition
fn ec_option_and_then_only_ensures(o: Option<u32>) -> (res: Option<u32>)
    ensures o is Some ==> res is Some,
{
    o.and_then(|x: u32| -> (r: Option<u32>) { Some(x) })
}

// expect: verified
fn ec_option_unwrap_or_else(o: Option<u32>) -> (r: u32) ensures o is None ==> r == 7, o is Some ==> r == o->0 {
    o.unwrap_or_else(|| -> (r: u32) ensures r == 7 { 7 })
}

// expect: failed postcondition
fn ec_option_unwrap_or_else_wrong(o: Option<u32>) -> (r: u32) ensures r == 7 {
    o.unwrap_or_else(|| -> (r: u32) ensures r == 7 { 7 })
}

// expect: verified
fn ec_option_ok_or_else(o: Option<u32>) -> (r: Result<u32, u8>) ensures o is None ==> r == Err::<u32, u8>(3), o is Some ==> r == Ok::<u32, u8>(o->0) {
    o.ok_or_else(|| -> (e: u8) ensures e == 3 { 3 })
}

// `bool::then` (library std_specs.rs): the closure runs only when the bool holds
// expect: verified
fn ec_bool_then(b: bool, x: u32) -> (res: Option<u32>)
    requires b ==> x < 10,
    ensures b ==> res == Some(x), !b ==> res is None,
{
    b.then(|| -> (r: u32) requires x < 10 ensures r == x { x })
}

// expect: failed precondition
fn ec_bool_then_requires(x: u32) -> (res: Option<u32>) {
    true.then(|| -> (r: u32) requires x < 10 ensures r == x { x })
}

// expect: failed postcondition
fn ec_bool_then_false_gives_none(x: u32) -> (res: Option<u32>) ensures res is Some {
    false.then(|| -> (r: u32) ensures r == x { x })
}

// expect: error
fn ec_give_closure_wrong_signature() {
    let t = |a: u8| -> (ret: u64) { 1 };
    ec_apply(t);
}

// expect: error
fn ec_fn_once_called_twice<T: FnOnce(u64) -> u64>(t: T)
    requires forall|x: u64| t.requires((x,)),
{
    let a = t(1);
    let b = t(2);
}

// expect: verified
fn ec_fn_mut_called_twice<T: FnMut(u64) -> u64>(t: T)
    requires forall|x: u64| t.requires((x,)),
{
    let mut t = t;
    let a = t(1);
    let b = t(2);
}

// expect: error
fn ec_fn_mut_not_mut<T: FnMut(u64) -> u64>(t: T)
    requires forall|x: u64| t.requires((x,)),
{
    let a = t(1);
}

// expect: error
fn ec_fn_once_is_not_fn<T: FnOnce(u64) -> u64>(t: T)
    requires forall|x: u64| 0 <= x < 5 ==> t.requires((x,)), forall|x: u64, y: u64| t.ensures((x,), y) ==> y == x + 1,
{
    ec_apply(t);
}

// a function item as a value (fn-values.rs)
// expect: verified
fn ec_function_as_value() {
    let t = ec_spec_free_exec;
}

// expect: verified
fn ec_spec_free_exec() {}

// ---- proof closures: `proof_fn|x| ..` in proof code, the same encoding with a proof-code body

// expect: verified
proof fn pf_basic() {
    let tracked f = proof_fn|y: u64| -> (z: u64)
        requires y == 2
        ensures z == 2
    {
        y
    };
    assert(f.requires((2,)));
    assert(!f.ensures((2,), 3));
    let t = f(2);
    assert(t == 2);
}

// expect: failed postcondition
proof fn pf_body_breaks_ensures() {
    let tracked f = proof_fn|y: u64| -> (z: u64) requires y == 2 ensures z == 3 { y };
}

// expect: failed precondition
proof fn pf_call_breaks_requires() {
    let tracked f = proof_fn|y: u64| requires y == 2 { };
    f(3);
}

// expect: verified
proof fn pf_body_is_proof_code() {
    let tracked f = proof_fn|y: u64| -> (z: int) ensures z == y + 1 { y + 1 };
}

// A proof closure may not change what it captures (Verus: "does not currently support closures
// capturing a mutable reference"), directly, through `&mut`, or by handing on a tracked `&mut`.
// expect: error
proof fn pf_assigns_capture() {
    let mut a: int = 5;
    let tracked f = proof_fn|t: u8| { a = 7; };
}

// expect: verified
proof fn pf_takes_mut(tracked u: &mut u64) { }

// expect: error
proof fn pf_borrows_capture_mut() {
    let tracked mut a = 5u64;
    let tracked f = proof_fn|t: u8| { pf_takes_mut(&mut a); };
}

// expect: error
proof fn pf_passes_tracked_mut_ref(tracked a: &mut u64) {
    let tracked f = proof_fn|t: u8| { pf_takes_mut(a); };
}

// A proof closure is `Send` / `Sync` / `Copy` when its flags (written, or its marker's bounds) say so.
// expect: verified
proof fn pf_wants_send<T: Send>(tracked t: T) {}

// expect: verified
proof fn pf_wants_copy<T: Copy>(tracked t: T) {}

// expect: verified
proof fn pf_send_by_marker<F: Send>(tracked f: proof_fn<F>() -> u8) {
    pf_wants_send(f);
}

// expect: error
proof fn pf_not_send<F>(tracked f: proof_fn<F>() -> u8) {
    pf_wants_send(f);
}

// expect: verified
proof fn pf_copy_flag(u: u8) {
    pf_wants_copy(proof_fn[Copy]|| -> u8 { u });
}

// expect: error
proof fn pf_not_copy(u: u8) {
    pf_wants_copy(proof_fn[Send]|| -> u8 { u });
}

// its own locals are its own
// expect: verified
proof fn pf_assigns_own_local() {
    let mut a: int = 5;
    let tracked f = proof_fn|t: u8| { let mut a: int = 16; a = 7; };
    assert(a == 5);
}

// expect: error
proof fn pf_once_called_twice() {
    let tracked f = proof_fn[Once]|y: u64| { };
    f(3);
    f(4);
}

// expect: error
proof fn pf_moved_twice() {
    let tracked f = proof_fn|y: u64| { };
    let tracked g = f;
    let tracked h = f;
}

// expect: verified
proof fn pf_copy_used_twice() {
    let tracked f = proof_fn[Copy]|y: u64| { };
    let tracked g = f;
    let tracked h = f;
}

// expect: error
proof fn pf_spec_binding_called() {
    let f = proof_fn|x: u32| { true };
    f(12u32);
}

// expect: error
fn pf_in_exec_code() {
    let f = proof_fn|y: u64| { };
}

// expect: error
proof fn pf_return_inside() {
    let tracked f = proof_fn|y: u64| -> (z: u64) { return y; };
}

// ---- `proof_fn` types in signatures: any proof closure of that signature with the flags wanted

// expect: verified
proof fn pft_apply<T: ProofFn>(tracked t: proof_fn<T>(u64) -> u64)
    requires
        forall|x: u64| 0 <= x < 5 ==> t.requires((x,)),
        forall|x: u64, y: u64| t.ensures((x,), y) ==> y == x + 1,
{
    let ret = t(3);
    assert(ret == 4);
}

// expect: failed assertion
proof fn pft_apply_knows_only_ensures<T: ProofFn>(tracked t: proof_fn<T>(u64) -> u64)
    requires forall|x: u64| t.requires((x,)),
{
    let ret = t(3);
    assert(ret == 4);
}

// expect: verified
proof fn pft_give() {
    let tracked t = proof_fn|a: u64| -> (ret: u64) requires 0 <= a < 5 ensures ret == a + 1 { (a + 1) as u64 };
    pft_apply(t);
}

// expect: failed precondition
proof fn pft_give_too_narrow() {
    let tracked t = proof_fn|a: u64| -> (ret: u64) requires 0 <= a < 4 ensures ret == a + 1 { (a + 1) as u64 };
    pft_apply(t);
}

// expect: error
proof fn pft_give_once_for_many() {
    let tracked t = proof_fn[Once]|a: u64| -> (ret: u64) requires 0 <= a < 5 ensures ret == a + 1 { (a + 1) as u64 };
    pft_apply(t);
}

// expect: error
proof fn pft_once_param_called_twice<T: ProofFnOnce>(tracked t: proof_fn<T>(u64) -> u64)
    requires forall|x: u64| t.requires((x,)),
{
    let a = t(1);
    let b = t(2);
}

// expect: verified
proof fn pft_takes_copy(tracked f: proof_fn[Copy]() -> u8) {}

// expect: error
proof fn pft_give_not_copy() {
    let u: u8 = 1;
    pft_takes_copy(proof_fn|| -> u8 { u });
}

// expect: verified
proof fn pft_give_copy() {
    let u: u8 = 1;
    pft_takes_copy(proof_fn[Copy]|| -> u8 { u });
}

struct PftNotCopy;

// expect: error
proof fn pft_copy_capturing_non_copy(s: PftNotCopy) {
    let tracked f = proof_fn[Copy]|| -> u8 { let t = s; 1 };
}

// expect: error
proof fn pft_marker_without_bound<F>(tracked f: proof_fn<F>() -> u8) {
    let u = f();
}

// ---- tracked parameters and results: `proof_fn(tracked S) -> tracked S` is part of the type

tracked struct PtToken { ghost n: int }

// expect: verified
proof fn ptr_apply<F: ProofFn>(tracked s: PtToken, tracked f: proof_fn<F>(tracked PtToken) -> tracked PtToken) -> (tracked out: PtToken)
    requires forall|x: PtToken| f.requires((x,)), forall|x: PtToken, y: PtToken| f.ensures((x,), y) ==> y.n == x.n + 1,
    ensures out.n == s.n + 1,
{
    let tracked x = f(s);
    x
}

// expect: verified
proof fn ptr_pass_tracked_closure(tracked s: PtToken) {
    let tracked t = ptr_apply(s, proof_fn|tracked x: PtToken| -> (tracked y: PtToken) ensures y.n == x.n + 1 { PtToken_bump(x) });
    assert(t.n == s.n + 1);
}

// expect: failed assertion
proof fn ptr_pass_tracked_closure_wrong(tracked s: PtToken) {
    let tracked t = ptr_apply(s, proof_fn|tracked x: PtToken| -> (tracked y: PtToken) ensures y.n == x.n + 1 { PtToken_bump(x) });
    assert(t.n == s.n);
}

// expect: verified
proof fn PtToken_bump(tracked x: PtToken) -> (tracked y: PtToken) ensures y.n == x.n + 1 { admit(); x }

// A closure whose result is spec is not one whose result is tracked (rustc: mismatched types).
// expect: error
proof fn ptr_spec_result_for_tracked(tracked s: PtToken) {
    ptr_apply(s, proof_fn|tracked x: PtToken| -> PtToken { x });
}

// expect: error
proof fn ptr_spec_param_for_tracked(tracked s: PtToken) {
    ptr_apply(s, proof_fn|x: PtToken| -> tracked PtToken { x });
}

// A tracked result made from a spec parameter would forge a resource.
// expect: error
proof fn ptr_tracked_result_from_spec<F: ProofFn>(tracked f: proof_fn<F>(PtToken) -> tracked PtToken) {
    let tracked g = proof_fn|x: PtToken| -> tracked PtToken { x };
}

// A spec value where the closure's parameter is tracked.
// expect: error
proof fn ptr_spec_arg<F: ProofFn>(s: PtToken, tracked f: proof_fn<F>(tracked PtToken) -> tracked PtToken)
    requires forall|x: PtToken| f.requires((x,)),
{
    let tracked x = f(s);
}

// A spec result bound as tracked.
// expect: error
proof fn ptr_spec_result_bound_tracked<F: ProofFn>(tracked s: PtToken, tracked f: proof_fn<F>(tracked PtToken) -> PtToken)
    requires forall|x: PtToken| f.requires((x,)),
{
    let tracked x = f(s);
}

// The same spec result bound as spec: fine.
// expect: verified
proof fn ptr_spec_result_bound_spec<F: ProofFn>(tracked s: PtToken, tracked f: proof_fn<F>(tracked PtToken) -> PtToken)
    requires forall|x: PtToken| f.requires((x,)),
{
    let x = f(s);
}

// A tracked argument is moved into the call.
// expect: error
proof fn ptr_tracked_arg_moved_twice<F: ProofFn>(tracked s: PtToken, tracked f: proof_fn<F>(tracked PtToken, tracked PtToken) -> tracked PtToken)
    requires forall|x: PtToken| f.requires((x, x)),
{
    let tracked x = f(s, s);
}

// A spec parameter only reads: a plain `let` in proof code is a spec copy, which moves nothing.
// expect: verified
proof fn ptr_spec_param_reads<F: ProofFn>(tracked s: PtToken, tracked f: proof_fn<F>(tracked PtToken, PtToken) -> tracked PtToken)
    requires forall|x: PtToken| f.requires((x, x)),
{
    let y = s;
    let tracked x = f(s, y);
}

// A `let tracked` takes the value: the tracked local is gone after it.
// expect: error
proof fn ptr_let_tracked_moves<F: ProofFn>(tracked s: PtToken, tracked f: proof_fn<F>(tracked PtToken, tracked PtToken) -> tracked PtToken)
    requires forall|x: PtToken| f.requires((x, x)),
{
    let tracked y = s;
    let tracked x = f(s, y);
}

// A spec `let` of a tracked local is spec: not a tracked argument.
// expect: error
proof fn ptr_spec_copy_as_tracked_arg<F: ProofFn>(tracked s: PtToken, tracked f: proof_fn<F>(tracked PtToken, tracked PtToken) -> tracked PtToken)
    requires forall|x: PtToken| f.requires((x, x)),
{
    let y = s;
    let tracked x = f(s, y);
}

// A `&mut self` method call writes its receiver: not while a closure borrows it.
// expect: unsupported
fn ec_borrowed_capture_pushed_later() {
    let mut v: Vec<u64> = Vec::new();
    let f = || -> (r: usize) ensures r == 0 { v.len() };
    v.push(1);
    let r = f();
    assert(r == 0);
}

} // verus!
