// A whole proof fn proved by another prover: `by(bit_vector)` (`requires ==> ensures` as one
// bit-vector query; callers use the contract) and `by(nonlinear_arith)` (nonlinear arithmetic in
// the whole function). Each with a wrong claim that must fail.
use vstd::prelude::*;

verus! {

// expect: verified
proof fn fp_mask_le(a: u32)
    by (bit_vector)
    ensures
        a & 0xffu32 <= 0xffu32,
{
}

// expect: failed postcondition
proof fn fp_mask_wrong(a: u32)
    by (bit_vector)
    ensures
        a & 0xffu32 < 0xffu32,
{
}

// expect: verified
proof fn fp_xor_same(a: u32, b: u32)
    by (bit_vector)
    requires
        a == b,
    ensures
        a ^ b == 0u32,
{
}

// expect: failed postcondition
proof fn fp_xor_needs_requires(a: u32, b: u32)
    by (bit_vector)
    ensures
        a ^ b == 0u32,
{
}

// callers use the contract
// expect: verified
fn fp_caller(x: u32) {
    proof {
        fp_mask_le(x);
    }
    assert(x & 0xff <= 0xff);
}

// expect: failed precondition
fn fp_caller_without_requires(x: u32, y: u32) {
    proof {
        fp_xor_same(x, y);
    }
}

// expect: verified
proof fn fp_product_positive(a: int, b: int)
    by (nonlinear_arith)
    requires
        a > 0,
        b > 0,
    ensures
        a * b > 0,
{
}

// expect: failed postcondition
proof fn fp_product_sign_unknown(a: int, b: int)
    by (nonlinear_arith)
    requires
        a > 0,
    ensures
        a * b > 0,
{
}

// (integer_ring has a corpus file of its own: integer-ring.rs)
// expect: verified
proof fn fp_ring(a: int)
    by (integer_ring)
    ensures
        a == a,
{
}

// expect: unsupported
proof fn fp_with_body(a: u32)
    by (bit_vector)
    ensures
        a == a,
{
    assert(true);
}

// a block as a clause's first expression
// expect: verified
proof fn fp_block_clause(a: int)
    requires
        {
            &&& a > 1
            &&& a < 5
        },
    ensures
        a > 0,
{
}

// expect: failed postcondition
proof fn fp_block_clause_wrong(a: int)
    requires
        {
            &&& a > 1
            &&& a < 5
        },
    ensures
        a > 2,
{
}

// ---- Verus's `add` / `sub` / `mul`: arithmetic in the operands' type, wrapping

// expect: verified
proof fn fp_add_complement(b1: u32) {
    let b2 = !b1;
    assert(add(b1, b2) == 0xffff_ffff) by (bit_vector)
        requires
            b2 == !b1,
    ;
    assert(add(b1, b2) == 0xffff_ffff);
}

// expect: failed assertion
proof fn fp_add_complement_wrong(b1: u32) {
    let b2 = !b1;
    assert(add(b1, b2) == 0xffff_fffe) by (bit_vector)
        requires
            b2 == !b1,
    ;
}

// expect: verified
proof fn fp_shift_is_mul(b: u32) {
    assert((b << 2u32) == mul(b, 4)) by (bit_vector);
}

// expect: failed assertion
proof fn fp_shift_is_not_that_mul(b: u32) {
    assert((b << 1u32) == mul(b, 4)) by (bit_vector);
}

// wrapping in ordinary spec code too
// expect: verified
proof fn fp_add_wraps() {
    assert(add(0xffff_ffffu32, 1u32) == 0u32);
    assert(sub(0u8, 1u8) == 255u8);
}

// expect: failed assertion
proof fn fp_add_does_not_widen() {
    assert(add(0xffff_ffffu32, 1u32) == 0x1_0000_0000);
}

} // verus!
