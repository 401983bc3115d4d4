// Proof by computation: `assert(e) by(compute_only)` must simplify to true by computation alone
// (else the assertion fails, with Verus's message); `by(compute)` sends what is left to the solver, in context.
use vstd::prelude::*;

verus! {

// expect: verified
spec fn cp_sum(x: nat) -> nat
    decreases x,
{
    if x == 0 { 0 } else { 1 + cp_sum((x - 1) as nat) }
}

// expect: verified
spec fn cp_succ(n: nat) -> nat {
    n + 1
}

// expect: verified
spec fn cp_shifter(x: u64, amt: usize) -> u64
    decreases amt,
{
    if amt == 0 { x } else { cp_shifter(x << 1, (amt - 1) as usize) }
}

// (each call at the same arguments computed once: 2^40 unfoldings otherwise)
// expect: verified
#[verifier::memoize]
spec fn cp_fib(n: nat) -> nat
    decreases n,
{
    if n < 2 { n } else { cp_fib((n - 1) as nat) + cp_fib((n - 2) as nat) }
}

// expect: verified
#[verifier::external_body]
spec fn cp_opaque(x: nat) -> nat {
    0
}

// expect: failed decreases
spec fn cp_forever(n: int) -> nat
    decreases n,
{
    cp_forever(1)
}

// expect: verified
spec fn cp_apply(f: spec_fn(int) -> int, arg: int) -> int {
    let y: int = 100;
    f(arg)
}

struct CpPair {
    a: u32,
    b: bool,
}

const CP_ONE: u32 = 1;
const CP_TABLE: [u32; 3] = [31, 32, 33];

// expect: verified
fn cp_literals(x: u64, p: CpPair) {
    assert({ let x: int = 7; let y: int = x + 1; x + y == 15 }) by (compute_only);
    assert(cp_sum(40) == 40) by (compute_only);
    assert(cp_fib(40) == 102334155) by (compute_only);
    assert(cp_shifter(1, 10) == 1024) by (compute_only);
    assert(CP_ONE << 3 == 8) by (compute_only);
    assert(CP_TABLE[1] == 32) by (compute_only);
    assert(-8int / 3 == -3 && -8int % -3 == 1 && 8int / -3 == -2) by (compute_only);
    assert(seq![1int, 2, 3].update(1, 5).index(1) == 5) by (compute_only);
    assert(Seq::new(5, |i: int| i + i).last() == 8) by (compute_only);
    // sequences compared element by element, however they were built
    assert(seq![1int, 2, 3] =~= seq![1].add(seq![2, 3])) by (compute_only);
    assert(Seq::new(5, |i: int| i + i).subrange(1, 4) =~= seq![2, 4, 6]) by (compute_only);
    assert({ let y: int = 10; cp_apply(|i: int| i + y, 3) == 13 }) by (compute_only);
    assert({ let q = CpPair { a: 42, b: false }; q.a > 5 && !q.b }) by (compute_only);
    assert(match Some(true) { Some(b) => b, None => false }) by (compute_only);
    assert(match Option::<bool>::None { Option::Some(_) => false, _ => 20 > 10 }) by (compute_only);
    assert(0x10FFFFint as char == 0x10FFFF) by (compute_only);
    // the same at every value: identities, not the value of x
    assert(x ^ x == 0 && x & x == x && 0 | x == x && x + 0 == x) by (compute_only);
    assert(p.a == p.a && cp_opaque(5) == cp_opaque(5)) by (compute_only);
}

// usize is 32 or 64 bits wide here: what holds at both widths is computed
// expect: verified
fn cp_word_width() {
    assert((1usize << 20usize) != 0usize) by (compute_only);
    assert((1usize << 100usize) == 0usize) by (compute_only);
}

// expect: failed assertion
fn cp_word_width_open() {
    assert((1usize << 40usize) == 0usize) by (compute_only);
}

// one element differs, inside the part `Seq::new` defines by a term in the index
// expect: failed assertion
fn cp_seq_differs() {
    assert(Seq::new(5, |i: int| i + i) =~= Seq::new(5, |i: int| i * 3)) by (compute_only);
}

// expect: failed assertion
fn cp_none_is_not_some() {
    assert(match Option::<bool>::None { Option::Some(_) => true, _ => false }) by (compute_only);
}

// expect: failed assertion
fn cp_false() {
    assert(cp_sum(20) == 21) by (compute_only);
}

// a `let` shadowed inside the expression: its own value, not the outer one
// expect: failed assertion
fn cp_shadowed_let() {
    assert({ let x = 4; let r1 = cp_succ(x); let x = 5; let r2 = cp_succ(x); r1 == r2 }) by (compute_only);
}

// an uninterpreted function is not computed
// expect: failed assertion
fn cp_opaque_values_differ() {
    assert(cp_opaque(5) != cp_opaque(6)) by (compute_only);
}

// compute_only sees the expression alone, not the facts before it
// expect: failed assertion
fn cp_only_no_context() {
    let x: u64 = 3;
    assert(x == 3) by (compute_only);
}

// expect: verified
fn cp_context() {
    let x: u64 = 3;
    assert(x == 3) by (compute);
    let i: u64 = 2;
    assert(CP_TABLE[i as int] == 31 + i) by (compute);
}

// expect: failed assertion
fn cp_compute_false() {
    assert(cp_sum(20) == 21) by (compute);
}

// the old value and the current one are different terms
// expect: failed assertion
fn cp_old_is_not_current(a: &mut u64) {
    *a = 5;
    assert(*old(a) == *a) by (compute);
}

// expect: failed assertion
fn cp_old_is_not_current_only(a: &mut u64) {
    *a = 5;
    assert(*old(a) == *a) by (compute_only);
}

// outside the range of char: the cast's value is not the integer
// expect: failed assertion
proof fn cp_char_out_of_range() {
    assert((0xD800int) as char == 0xD800) by (compute);
}

// expect: failed assertion
proof fn cp_recursion_without_end() {
    assert(cp_forever(42) >= 0) by (compute);
}

// (Verus refuses the closure it cannot expand; the length is computed here, and it is not 0)
// expect: failed assertion
proof fn cp_seq_new_length() {
    assert(Seq::<int>::new(18446744073709551616nat, |i: int| 0int).len() == 0) by (compute_only);
}

// expect: verified
proof fn cp_recursion_deep_enough() {
    assert(cp_sum(300) == 300) by (compute);
}

} // verus!
