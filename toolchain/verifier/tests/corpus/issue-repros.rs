// The reproductions of the soundness report, each with the verdict it must get. Before the
// checking phase, every one of them was listed verified (or proved `false`).
use vstd::prelude::*;

verus! {

// 1. Literal type inference: `x` is a u8 (from the return type), so `x + 1` overflows at 255.
// expect: failed overflow
fn sum_up(n: u8) -> (r: u8)
    requires n == 10,
    ensures r == 260,
{
    let mut x = 250;
    let mut i: u8 = 0;
    while i < n invariant i <= n, x == 250 + i, decreases n - i {
        x = x + 1;
        i = i + 1;
    }
    x
}

// Modular verification, as in Verus: the caller is proved from sum_up's contract (whose
// `ensures r == 260` no u8 satisfies, so anything follows); the error is sum_up's, reported above.
// expect: verified
fn sum_up_caller() { let r = sum_up(10); assert(false); }

// 2. No implicit integer conversions.
// expect: error
fn narrow(a: i32) -> (r: u8) requires a == 1000, ensures r == 1000 { a }

// expect: verified
fn id8(v: u8) -> (r: u8) ensures r == v { v }

// expect: error
fn pass_wide(a: u64) requires a == 1000 { let r = id8(a); assert(r == 1000); }

// 3. Out-of-range literals; ghost arithmetic cannot leave a u8 holding 300.
// expect: verified
proof fn lemma_300(v: u8) requires v == 300, ensures false {}

// expect: error
proof fn from_literal() ensures false { let u3: u8 = 300; lemma_300(u3); }

// expect: failed precondition
proof fn derive_false() ensures false { let mut x: u8 = 200; x += 100u8; lemma_300(x); }

// expect: error
spec fn inc_u8_no_cast(y: u8) -> u8 { y + 1 }

// 4. A `return` on the right of || cuts off only its own path.
// expect: failed assertion
fn or_return(b: bool) { let x = b || { return; }; assert(false); }

// 6. i8::MIN % -1 panics in Rust.
// expect: failed overflow
fn rem(x: i8, y: i8) -> i8 requires y != 0 { x % y }

// 7. `returns` is a postcondition.
// expect: failed postcondition
fn twenty_is_nineteen() -> u8 returns 20u8, { 19u8 }

// 9. Ghost statements are not allowed in spec functions.
// expect: error
spec fn spec_with_proof(x: int) -> int { proof { assert(false); } x }

// Modes: ghost values and spec functions stay out of exec code.
// expect: error
fn exec_reads_view(g: Ghost<int>) { let e: bool = g@ == 1; }

// expect: error
fn exec_calls_spec() -> u8 { let a = spec_u8(3); a }

// expect: verified
spec fn spec_u8(x: u8) -> u8 { x }

// expect: error
proof fn proof_calls_exec() { id8(3); }

// expect: error
fn exec_calls_proof() { lemma_300(3); }

// vstd's `Set::spec_has`: `s has x` is `s.contains(x)`
// expect: verified
proof fn ir_set_has(s: Set<int>)
    requires
        s.contains(3),
{
    assert(s has 3);
    assert(!(s !has 3));
}

// expect: failed assertion
proof fn ir_set_has_unknown(s: Set<int>) {
    assert(s has 3);
}

} // verus!
