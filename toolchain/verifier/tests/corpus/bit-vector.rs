// `by(bit_vector)` as Verus reads it: every integer means its exact value, whatever its width and
// sign (comparisons across widths, `+ - *` that do not wrap, casts that truncate, `!` and `<<`
// at their type's width, a division by zero some value), so what the bit-vector query proves is
// the same fact the rest of the function assumes. A query that depends on the width of `usize`
// (which this crate does not fix) is proved at 32 and at 64 bits.
use vstd::prelude::*;

verus! {

// expect: verified
proof fn bv_compare_across_widths(b: u8) {
    assert(b <= 255u64) by(bit_vector);
    assert(b as u64 == b) by(bit_vector);
}

// expect: failed assertion
proof fn bv_compare_across_widths_wrong(b: u8) {
    assert(b < 255u64) by(bit_vector);
}

// expect: verified
proof fn bv_casts_truncate(a: u32, s: i16) {
    assert(a as u16 == (a & 0xffff) as u16) by(bit_vector);
    assert(s as u16 as i16 == s) by(bit_vector);
    assert(s < 0 ==> (s as u16) >= 0x8000u16) by(bit_vector);
}

// expect: failed assertion
proof fn bv_cast_loses_bits(a: u32) {
    assert(a as u16 == a) by(bit_vector);
}

// expect: failed assertion
proof fn bv_negative_is_not_its_unsigned_cast(s: i16) {
    assert(s as u64 == s) by(bit_vector);
}

// expect: verified
proof fn bv_arithmetic_is_exact(x: u8, y: u8) {
    assert(x + y <= 510) by(bit_vector);
    assert(x - y >= -255) by(bit_vector);
    assert((x + y) as u8 == add(x, y)) by(bit_vector);
}

// expect: failed assertion
proof fn bv_addition_does_not_wrap(x: u8, y: u8) {
    assert(x + y <= 255) by(bit_vector);
}

// expect: verified
proof fn bv_not_at_its_type(x: u8, s: i32) {
    assert(!x == 255 - x) by(bit_vector);
    assert(!s == -s - 1) by(bit_vector);
    assert(((-1i32) ^ (7i32)) + ((-1i32) ^ (7i32)) == -16) by(bit_vector);
}

// expect: failed assertion
proof fn bv_not_of_signed_is_negative_for_positive(s: i32) {
    assert(!s >= 0) by(bit_vector);
}

// expect: verified
proof fn bv_shifts(x: u8, n: u8) {
    assert(n < 8 ==> (x >> n) <= x) by(bit_vector);
    assert((x << 1u8) == (x * 2) as u8) by(bit_vector);
}

// expect: failed assertion
proof fn bv_shift_left_loses_the_top_bit(x: u8) {
    assert((x << 1u8) >> 1u8 == x) by(bit_vector);
}

// expect: verified
proof fn bv_if_expression(z: i16) {
    assert((z as i32) == (z as u16 as i32 | (if z < 0 { 0xffff0000u32 } else { 0 }) as i32)) by(bit_vector);
}

// SMT-LIB's own value of a division by zero (all ones) is not Verus's, nor the integer
// encoding's: proving it here and assuming it there would be a contradiction
// expect: failed assertion
proof fn bv_division_by_zero_is_unknown(x: u32) {
    assert(x / 0 == 0xffff_ffffu32) by(bit_vector);
}

// expect: failed assertion
proof fn bv_remainder_by_zero_is_unknown(x: u32, y: u32) {
    assert(y == 0 ==> x % y == x) by(bit_vector);
}

// the same division of the same operands is one value; of others, not
// expect: verified
proof fn bv_division_by_zero_is_a_function(x: u32, y: u32) {
    assert(x % y == x % y) by(bit_vector);
}

// expect: failed assertion
proof fn bv_divisions_by_zero_of_different_operands(x: u32, z: u32, y: u32) {
    assert(y == 0 ==> x / y == z / y) by(bit_vector);
}

// expect: unsupported
proof fn bv_division_by_a_variable_under_a_quantifier(y: u8) {
    assert(forall|x: u8| #[trigger] (x / y) <= 255u8) by(bit_vector);
}

// expect: verified
proof fn bv_remainder_by_a_variable(x: u8, y: u8) {
    assert(y != 0 ==> x % y < y) by(bit_vector);
}

// signed `/` and `%` are Euclidean, as everywhere in spec code (not Rust's truncation)
// expect: verified
proof fn bv_signed_division_is_euclidean(a: i8, b: i8) {
    assert(-7i32 / 3i32 == -3i32) by(bit_vector);
    assert(-7i32 % 3i32 == 2i32) by(bit_vector);
    assert(-128i8 / -1i8 == 128) by(bit_vector);
    assert(b != 0 ==> 0 <= a % b) by(bit_vector);
}

// expect: failed assertion
proof fn bv_signed_division_does_not_truncate() {
    assert(-7i32 / 3i32 == -2i32) by(bit_vector);
}

// expect: failed assertion
proof fn bv_signed_remainder_is_not_negative(a: i8, b: i8) {
    assert(b != 0 ==> a % b < b) by(bit_vector);
}

// quantifiers over machine integers and bools
// expect: verified
proof fn bv_forall() {
    assert(forall|a: u32, b: u32| #[trigger] (a | b) == b | a) by(bit_vector);
    assert(forall|a: u8| #[trigger] (a ^ a) == 0u8) by(bit_vector);
}

// expect: failed assertion
proof fn bv_forall_wrong() {
    assert(forall|a: u32| #[trigger] (a | 1u32) == a) by(bit_vector);
}

// Verus's older spelling of a function proved by bit-vectors
// expect: verified
#[verifier(bit_vector)]
proof fn bv_attr_fn(val: u64, amt: u64, upper: u64)
    requires amt < 64u64, val <= upper,
    ensures (val >> amt) <= (upper >> amt),
{}

// expect: failed postcondition
#[verifier(bit_vector)]
proof fn bv_attr_fn_wrong(val: u64, amt: u64)
    requires amt < 64u64,
    ensures (val >> amt) < val,
{}

// expect: verified
proof fn bv_bool_variables(b: bool, x: u8) {
    assert(b ==> (x & 0 == 0)) by(bit_vector);
}

// the width of usize is not fixed here: proved at 32 and at 64 bits
// expect: verified
proof fn bv_usize_both_widths(x: usize) {
    assert(x & 1 <= 1) by(bit_vector);
}

// holds at 64 bits only
// expect: failed assertion
proof fn bv_usize_fails_at_32(x: usize) {
    assert(x as u64 <= 0xffff_ffffu64 || x > 0xffff_ffffu64) by(bit_vector);
    assert((x as u64) << 32u64 >> 32u64 == x) by(bit_vector);
}

// assumed afterwards as the same integer fact
// expect: verified
fn bv_fact_used_in_context(x: u32) {
    assert(x as u16 <= 65535) by(bit_vector);
    assert(x as u16 <= 65535);
}

// `a <== b` is `b ==> a`
// expect: verified
proof fn bv_reverse_implication(a: u32, b: u64) {
    assert(a < b <== a < (b as u64)) by(bit_vector);
}

// expect: failed assertion
proof fn bv_reverse_implication_fails(a: u32, b: i64) {
    assert(a < b <== a < (b as u64)) by(bit_vector);
}

// Verus's bit-vector prover refuses an unbounded integer, a datatype and a signed shift amount.
// expect: error
proof fn bv_int_refused(x: int, y: int) {
    assert(x == y) by(bit_vector);
}

// expect: error
proof fn bv_signed_shift_refused(x: i32, y: i32) {
    assert(x << y == x) by(bit_vector);
}

// a `let` in the asserted expression binds its value's term
// expect: verified
proof fn bv_let_binder(x: i32, y: i16) {
    assert({ let z = y; x == y ==> (x >> 2) == (z >> 2) }) by (bit_vector);
}

// expect: failed assertion
proof fn bv_let_binder_wrong(x: i32, y: i16) {
    assert({ let z = y; x == y ==> (x >> 2) == (z >> 3) }) by (bit_vector);
}

// expect: unsupported
proof fn bv_let_binder_typed(x: u8) {
    assert({ let z: u8 = x; z & 0 == 0 }) by (bit_vector);
}

// a shift amount of a wider type than the value: at least the width shifts every bit out, in
// by(bit_vector) and in the integer encoding alike (never the amount modulo 2^width)
// expect: verified
proof fn bv_wide_shift_amount(x: u8, y: u16, z: i8) {
    assert(y >= 8 ==> x << y == 0) by (bit_vector);
    assert(y >= 8 ==> x >> y == 0) by (bit_vector);
    assert(y >= 8 && z < 0 ==> z >> y == -1) by (bit_vector);
    assert((x << 256u16) == 0);
    assert(((-1i8) >> 300u16) == -1);
}

// expect: failed assertion
proof fn bv_wide_shift_amount_wraps(x: u8, y: u16) {
    assert(y == 256 ==> x << y == x) by (bit_vector);
}

// expect: failed assertion
proof fn bv_wide_shift_amount_wraps_int(x: u8) {
    assert((x << 256u16) == x);
}

// expect: failed assertion
proof fn bv_wide_shift_amount_sign(z: i8, y: u16) {
    assert(y >= 8 ==> z >> y == 0) by (bit_vector);
}

// the two encodings agree: a fact proved in by(bit_vector) is the integer fact after it
// expect: verified
proof fn bv_wide_shift_agrees(x: u8, y: u16) {
    assert(x << y == (if y >= 8 { 0u8 } else { x << y })) by (bit_vector);
    assert(y == 300 ==> x << y == 0);
}

// expect: failed assertion
proof fn bv_let_binder_unknown(x: u8) {
    assert({ let z = x; z & 1 == 0 }) by (bit_vector);
}

// expect: failed assertion
proof fn bv_wide_shift_shr_unsigned(x: u8, y: u16) {
    assert(y >= 8 ==> x >> y == 1) by (bit_vector);
}

// a literal amount of the width: the term stays a bv operation, and the quantifier's trigger
// expect: verified
proof fn bv_width_literal_amount() {
    assert(forall|x: i32, y: i16| x == y ==> (x >> 2) == (y >> 2)) by (bit_vector);
    assert(forall|x: i32| x >> 32 == (if x < 0 { -1i32 } else { 0i32 })) by (bit_vector);
}

} // verus!
