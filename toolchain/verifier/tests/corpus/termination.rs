// Termination of exec code, as Verus checks it: exec loops and recursive exec functions need a
// `decreases` clause unless the function opts out (then only partial correctness is proved).
use vstd::prelude::*;

verus! {

// expect: error
fn loop_without_measure(n: u64) {
    let mut i: u64 = 0;
    while i < n
        invariant i <= n,
    {
        i = i + 1;
    }
}

// expect: verified
fn loop_with_measure(n: u64) {
    let mut i: u64 = 0;
    while i < n
        invariant i <= n,
        decreases n - i,
    {
        i = i + 1;
    }
}

// expect: failed decreases
fn loop_measure_does_not_decrease(n: u64) {
    let mut i: u64 = 0;
    while i < n
        invariant i <= n,
        decreases i,
    {
        i = i + 1;
    }
}

// expect: error
fn bare_loop_without_measure() -> (r: u64)
    ensures r == 10,
{
    let mut i: u64 = 0;
    loop
        invariant i <= 10,
    {
        if i == 10 { break; }
        i = i + 1;
    }
    i
}

// expect: error
fn inner_loop_without_measure(n: u64) {
    let mut i: u64 = 0;
    while i < n
        invariant i <= n,
        decreases n - i,
    {
        let mut j: u64 = 0;
        while j < i
            invariant j <= i,
        {
            j = j + 1;
        }
        i = i + 1;
    }
}

// Opting out: an infinite loop proves anything about the code after it (partial correctness).
// expect: verified
#[verifier::exec_allows_no_decreases_clause]
fn spin_forever() -> (r: u64)
    ensures r == 7,
{
    loop {}
}

// expect: verified
#[verifier::exec_allows_no_decreases_clause]
fn countdown_unmeasured(n: u64) -> (r: u64)
    ensures r == 0,
{
    let mut i = n;
    while i > 0 {
        i = i - 1;
    }
    i
}

// A function that opts out does not excuse its callers' loops.
// expect: error
fn caller_of_spin(n: u64) {
    let mut i: u64 = 0;
    while i < n
        invariant i <= n,
    {
        i = i + 1;
    }
    spin_forever();
}

// Recursion: exec and proof functions in a call cycle need `decreases`.
// expect: error
fn exec_rec_unmeasured(n: u64) -> u64 {
    if n == 0 { 0 } else { exec_rec_unmeasured(n - 1) }
}

// expect: verified
#[verifier::exec_allows_no_decreases_clause]
fn exec_rec_waived(n: u64) -> u64 {
    if n == 0 { 0 } else { exec_rec_waived(n - 1) }
}

// The waiver is for exec code only.
// expect: error
#[verifier::exec_allows_no_decreases_clause]
proof fn proof_rec_unmeasured(n: nat)
    ensures false,
{
    proof_rec_unmeasured(n);
}

// expect: error
fn ping_unmeasured(n: u64) -> u64 {
    if n == 0 { 0 } else { pong_measured(n - 1) }
}

// expect: error
fn pong_measured(n: u64) -> u64
    decreases n,
{
    if n == 0 { 0 } else { ping_unmeasured(n) }
}

// The measure must go down on every path back to the loop head, `continue` included.
// expect: failed decreases
fn loop_measure_stalls_on_continue(n: u64) {
    let mut i: u64 = 0;
    while i < n
        invariant i <= n,
        decreases n - i,
    {
        if i % 2 == 0 {
            continue;
        }
        i = i + 1;
    }
}

// An int measure must stay non-negative.
// expect: failed decreases
fn loop_measure_goes_negative(n: u64) {
    let mut i: u64 = 0;
    while i < n
        invariant i <= n,
        decreases n as int - i as int - 2,
    {
        i = i + 1;
    }
}

// expect: failed decreases
fn exec_rec_measure_stalls(n: u64) -> u64
    decreases n,
{
    if n == 0 { 0 } else { exec_rec_measure_stalls(n) }
}

// With a measure, the waiver does not switch the check off.
// expect: failed decreases
#[verifier::exec_allows_no_decreases_clause]
fn exec_rec_waived_but_measured(n: u64) -> u64
    decreases n,
{
    if n == 0 { 0 } else { exec_rec_waived_but_measured(n + 0) }
}

// expect: failed decreases
proof fn proof_rec_measure_stalls(n: nat)
    decreases n,
{
    if n > 0 {
        proof_rec_measure_stalls(n);
    }
}

// ---- termination hints: `decreases_when(c)` and `decreases_by(g)`

// expect: verified
spec fn th_sum(i: int) -> int
    decreases i
{
    decreases_when(i >= 0);
    decreases_by(th_sum_terminates);
    if i == 0 { 0 } else { i + th_sum(i - 1) }
}

// expect: verified
#[verifier(decreases_by)]
proof fn th_sum_terminates(i: int) {
}

// The definition holds only where the `decreases_when` condition does.
// expect: failed assertion
proof fn th_sum_unfold_anywhere(i: int) {
    assert(th_sum(i) == (if i == 0 { 0 } else { i + th_sum(i - 1) }));
}

// expect: verified
proof fn th_sum_unfold_when(i: int)
    requires i >= 0,
{
    assert(th_sum(i) == (if i == 0 { 0 } else { i + th_sum(i - 1) }));
}

// expect: failed decreases
spec fn th_sum_without_when(i: int) -> int
    decreases i
{
    if i == 0 { 0 } else { i + th_sum_without_when(i - 1) }
}

// The proof fn's body is what proves termination.
// expect: verified
spec fn th_swap(x: nat, y: nat) -> nat
    decreases x
{
    decreases_by(th_swap_terminates);
    if x == 0 { 0 } else { th_swap(y, y) }
}

// expect: verified
#[verifier::decreases_by]
proof fn th_swap_terminates(x: nat, y: nat) {
    assume(y < x);
}

// expect: failed decreases
spec fn th_swap_unproved(x: nat, y: nat) -> nat
    decreases x
{
    decreases_by(th_swap_unproved_terminates);
    if x == 0 { 0 } else { th_swap_unproved(y, y) }
}

// expect: verified
#[verifier::decreases_by]
proof fn th_swap_unproved_terminates(x: nat, y: nat) {
}

// expect: error
spec fn th_unmarked(i: nat) -> nat
    decreases i
{
    decreases_by(th_unmarked_proof);
    if i == 0 { 0 } else { th_unmarked((i - 1) as nat) }
}

// expect: verified
proof fn th_unmarked_proof(i: nat) {
}

// expect: error
spec fn th_other_params(i: nat) -> nat
    decreases i
{
    decreases_by(th_other_params_proof);
    if i == 0 { 0 } else { th_other_params((i - 1) as nat) }
}

// (named by a `decreases_by`, so not the unused-hint error; the error is its user's)
// expect: verified
#[verifier::decreases_by]
proof fn th_other_params_proof(j: nat) {
}

// expect: verified
spec fn th_called(i: nat) -> nat
    decreases i
{
    decreases_by(th_called_proof);
    if i == 0 { 0 } else { th_called((i - 1) as nat) }
}

// expect: verified
#[verifier::decreases_by]
proof fn th_called_proof(i: nat) {
}

// expect: error
proof fn th_call_the_proof() {
    th_called_proof(3);
}

// A `decreases_by` proof that reaches the fn it proves terminating is circular.
// expect: error
spec fn th_cyclic(x: int) -> int
    decreases x
{
    decreases_by(th_cyclic_proof);
    th_cyclic(x + 1) + 1
}

// expect: error
proof fn th_cyclic_lemma()
    ensures th_cyclic(3) == th_cyclic(4) + 1,
{
}

// expect: error
#[verifier::decreases_by]
proof fn th_cyclic_proof(x: int) {
    th_cyclic_lemma();
}

// The clause forms: `decreases e when c via g`.
// expect: verified
spec fn th_clause_form(i: int) -> int
    decreases i
    when i >= 0
    via th_clause_form_proof
{
    if i == 0 { 0 } else { i + th_clause_form(i - 1) }
}

// expect: verified
#[verifier::decreases_by]
proof fn th_clause_form_proof(i: int) {
}

// expect: failed assertion
proof fn th_clause_form_outside_when() {
    assert(th_clause_form(-1) == -1 + th_clause_form(-2));
}

// Verus's older body-first clause, through its builtin crate: `verus_builtin::decreases(n);`
// expect: verified
fn term_builtin_decreases(n: u64) {
    verus_builtin::decreases(n);
    if n > 0 {
        term_builtin_decreases(n - 1);
    }
}

// expect: failed
fn term_builtin_decreases_bad(n: u64) {
    verus_builtin::decreases(n);
    if n > 0 {
        term_builtin_decreases_bad(n);
    }
}

// `#[verifier::exec_allows_no_decreases_clause]` on a trait impl's method: its own loops may go
// without a measure (what callers through the trait know is unchanged)
trait TermSpin { fn spin(); }
struct TermSpinner { }
impl TermSpin for TermSpinner {
    // expect: verified
    #[verifier::exec_allows_no_decreases_clause]
    fn spin() { loop { } }
}
struct TermCounter { }
impl TermSpin for TermCounter {
    // expect: failed
    #[verifier::exec_allows_no_decreases_clause]
    fn spin() { let mut i: u8 = 0; while i < 10 { i = i + 1; } assert(i == 11); }
}

}
