// Machine arithmetic in exec code: overflow, underflow, division, casts, shifts, bit operations.
use vstd::prelude::*;

verus! {

// expect: verified
fn add_small(x: u8, y: u8) -> (r: u8)
    requires x < 100, y < 100,
    ensures r == x + y,
{
    x + y
}

// expect: failed overflow
fn add_unbounded(x: u8, y: u8) -> (r: u8) {
    x + y
}

// expect: failed overflow
fn add_u64_off_by_one(x: u64) -> (r: u64)
    requires x <= 0xffff_ffff_ffff_ffff,
{
    x + 1
}

// expect: verified
fn add_u64_guarded(x: u64) -> (r: u64)
    requires x < 0xffff_ffff_ffff_ffff,
    ensures r == x + 1,
{
    x + 1
}

// expect: failed underflow
fn sub_unguarded(x: u32, y: u32) -> u32 {
    x - y
}

// expect: verified
fn sub_guarded(x: u32, y: u32) -> (r: u32)
    requires y <= x,
    ensures r + y == x,
{
    x - y
}

// expect: failed underflow
fn signed_sub(x: i32, y: i32) -> i32
    requires y > 0,
{
    x - y
}

// expect: verified
fn signed_sub_ok(x: i32, y: i32) -> (r: i32)
    requires 0 <= x, 0 <= y,
    ensures r == x - y,
{
    x - y
}

// expect: failed overflow
fn signed_add(x: i64, y: i64) -> i64
    requires y >= 0,
{
    x + y
}

// expect: failed overflow
fn mul_const_overflow(x: u16) -> u16 {
    x * 2
}

// expect: verified
fn mul_const_ok(x: u16) -> (r: u16)
    requires x < 1000,
    ensures r == 2 * x,
{
    x * 2
}

// expect: failed overflow
fn mul_nonlinear_needs_lemma(x: u32, y: u32) -> u32
    requires x < 10, y < 10,
{
    x * y
}

// expect: verified
fn mul_with_nonlinear_lemma(x: u32, y: u32) -> (r: u32)
    requires x < 10, y < 10,
{
    assert(x * y < 100) by(nonlinear_arith)
        requires x < 10, y < 10;
    x * y
}

// expect: failed assertion
fn nonlinear_wrong_bound(x: u32, y: u32)
    requires x < 10, y < 10,
{
    assert(x * y < 81) by(nonlinear_arith)
        requires x < 10, y < 10;
}

// expect: failed division-by-zero
fn div_unchecked(x: u64, y: u64) -> u64 {
    x / y
}

// expect: verified
fn div_checked(x: u64, y: u64) -> (r: u64)
    requires y > 0,
    ensures r <= x,
{
    x / 1
}

// expect: failed division-by-zero
fn rem_unchecked(x: u32, y: u32) -> u32 {
    x % y
}

// expect: verified
fn rem_by_const(x: u32) -> (r: u32)
    ensures r < 8,
{
    x % 8
}

// expect: verified
fn div_by_const(x: u32) -> (r: u32)
    ensures r * 4 <= x, x < r * 4 + 4,
{
    x / 4
}

// expect: failed overflow
fn signed_div_min(x: i32, y: i32) -> i32
    requires y != 0,
{
    x / y
}

// expect: verified
fn signed_div_trunc() {
    let a: i32 = -7;
    let q = a / 2;
    let r = a % 2;
    assert(q == -3);
    assert(r == -1);
}

// expect: verified
fn cast_truncates() {
    let x: u32 = 300;
    let y = x as u8;
    assert(y == 44);
}

// expect: failed assertion
fn cast_truncates_wrong() {
    let x: u32 = 300;
    let y = x as u8;
    assert(y == 300);
}

// expect: verified
fn cast_widening(x: u8) -> (r: u64)
    ensures r == x,
{
    x as u64
}

// expect: failed postcondition
fn cast_narrowing_loses(x: u64) -> (r: u8)
    ensures r == x,
{
    x as u8
}

// expect: verified
fn cast_signed(x: u8) -> (r: i8)
    requires x == 255,
    ensures r == -1,
{
    x as i8
}

// expect: verified
fn shift_ok(i: u64) -> (r: u64)
    requires i < 64,
{
    1u64 << i
}

// expect: failed overflow
fn shift_too_far(i: u64) -> u64
    requires i <= 64,
{
    1u64 << i
}

// expect: failed overflow
fn shift_right_too_far(x: u32, i: u32) -> u32 {
    x >> i
}

// expect: verified
fn bit_and_bound(x: u64) -> (r: u64)
    ensures r <= 0xff,
{
    x & 0xff
}

// expect: verified
fn bit_or_set() {
    let x: u8 = 0b1010;
    let y = x | 0b0101;
    assert(y == 15);
}

// expect: verified
fn xor_self(x: u32) -> (r: u32)
    ensures r == 0,
{
    x ^ x
}

// expect: verified
fn not_u8(x: u8) -> (r: u8)
    ensures r == 255 - x,
{
    !x
}

// expect: failed assertion
fn bit_and_wrong(x: u64) {
    let r = x & 0xf0;
    assert(r < 0x10);
}

// expect: verified
fn spec_arith_unbounded(x: u64)
{
    assert(x + 1 > x);
    assert(x * 0 == 0);
}

// expect: verified
proof fn proof_arith_is_int(x: u64)
    ensures x + x >= x,
{
}

// expect: failed underflow
fn compound_assign_underflow(x: u8) -> u8 {
    let mut y = x;
    y -= 1;
    y
}

// expect: verified
fn compound_assign_ok(x: u8) -> (r: u8)
    requires x > 0,
    ensures r == x - 1,
{
    let mut y = x;
    y -= 1;
    y
}

// expect: failed overflow
fn compound_mul_overflow(x: u8) -> u8
    requires x > 1,
{
    let mut y = x;
    y *= 200;
    y
}

// expect: verified
fn literal_inference(n: usize) -> (r: usize)
    requires n < 100,
    ensures r == n + 2,
{
    let mut k = 0;
    k = k + n;
    k + 2
}

// expect: failed overflow
fn literal_inference_overflow(n: u8) -> u8 {
    let k = 250;
    k + n
}

// expect: verified
fn max_consts() {
    let a: u64 = u64::MAX;
    let b: i8 = i8::MIN;
    assert(a == 18446744073709551615);
    assert(b == -128);
}

// expect: failed overflow
fn negate_min(x: i16) -> i16 {
    -x
}

// expect: verified
fn negate_ok(x: i16) -> (r: i16)
    requires x > -100,
    ensures r + x == 0,
{
    -x
}


// In spec code `/` and `%` of one unsigned machine type keep that type (as Verus: the result
// cannot leave it); `+` would be `int`.
// expect: verified
spec fn ar_half_u8(x: u8) -> u8 { x / 2 }

// expect: verified
spec fn ar_rem_u16(x: u16, y: u16) -> u16 { x % y }

// expect: error
spec fn ar_plus_u8(x: u8) -> u8 { x + 1 }

// expect: verified
proof fn ar_half_range(x: u8) {
    assert(ar_half_u8(x) <= 127);
}

// expect: failed assertion
proof fn ar_half_range_wrong(x: u8) {
    assert(ar_half_u8(x) < 127);
}

// ---- spec `/` of an unsigned machine type stays that type: a shift may follow it

// expect: verified
proof fn ar_div_then_shift_trigger() {
    assume(forall|i: u32| #[trigger] ((i / 2) >> 1) == (i / 2) >> 1);
}

// expect: verified
proof fn ar_div_then_shift(i: u32) {
    assert(((i / 2) >> 1) == i / 4) by(bit_vector);
}

// expect: failed assertion
proof fn ar_div_then_shift_wrong(i: u32) {
    assert(((i / 2) >> 1) == i / 2) by(bit_vector);
}

// expect: verified
proof fn ar_div_then_shift_range(i: u32) {
    assert((i / 2) >> 31 == 0);
}

// Verus's `real` (ghost code): literals, + - * / with SMT-LIB's meaning, `as real`, `floor()`
// expect: verified
proof fn ar_real_basics(x: real, i: int) {
    assert(x == 0.2real ==> x / 2.0 == 0.1real);
    assert(x > 0.0 ==> x / 3.0 > 0.0);
    assert((i + 1) as real == i as real + 1.0);
    assert(5u8 as real == 5real);
    assert((2.7real).floor() == 2);
    assert((-2.7real).floor() == -3);
}

// expect: failed assertion
proof fn ar_real_division_by_literal_wrong(x: real) {
    assert(x >= 0.0 ==> x / 3.0 > 0.0);
}

// A product of two unknown reals: only in `by(nonlinear_arith)`, as in Verus
// expect: verified
proof fn ar_real_nonlinear(a: real, b: real, q: real) {
    assert(a >= 0.0 && b >= 0.0 && a * a + b * b == (a * b + 1.0) * q ==> q >= 0.0) by (nonlinear_arith);
}

// expect: unsupported
proof fn ar_real_nonlinear_outside(a: real, b: real) {
    assert(a * b == b * a);
}

// expect: error
proof fn ar_real_mixed_with_int(x: real) {
    assert(x == 1int);
}

// `real` is a ghost type; a float literal in exec code is an `f64`, not modelled
// expect: error
fn ar_real_in_exec() {
    let x = 1real;
}

// expect: unsupported
fn ar_float_in_exec() {
    let x = 1.5;
}

// ---- `f32` / `f64` (library float.rs): opaque values; a cast between an integer type and a
// float type, or between the float types, is nondeterministic: only `float_cast_spec` is known

// expect: verified
fn ar_float_cast_spec(n: i32, f: f64) {
    let x: f64 = n as f64;
    assert(vstd::float::float_cast_spec(n, x));
    let m: u32 = f as u32;
    assert(vstd::float::float_cast_spec(f, m));
    let g: f32 = f as f32;
    assert(vstd::float::float_cast_spec(f, g));
    let same: f64 = f as f64;
    assert(same == f);
}

// Two casts of one value need not give the same float (Verus: each cast is nondeterministic).
// expect: failed assertion
fn ar_float_cast_nondeterministic(n: i32) {
    let x: f64 = n as f64;
    let y: f64 = n as f64;
    assert(x == y);
}

// expect: error
fn ar_float_cast_from_usize(n: usize) {
    let x: f64 = n as f64;
}

// expect: error
fn ar_float_cast_to_isize(f: f64) {
    let n: isize = f as isize;
}

// IEEE `==` (a NaN equals nothing, not even itself) is not the values' equality: not modelled.
// expect: unsupported
fn ar_float_eq_in_exec(x: f64) -> (r: bool) ensures r {
    x == x
}

// A float is `Copy`.
// expect: verified
fn ar_float_copy(x: f32) -> (r: (f32, f32)) ensures r.0 == x && r.1 == x {
    let y = x;
    (x, y)
}

// In spec code too, float comparisons other than `==` are IEEE ones: not modelled.
// expect: unsupported
proof fn ar_float_le_in_spec(x: f32, y: f32) {
    assert(x <= y || y <= x);
}

// expect: error
fn ar_float_bits_private(x: f64) -> u64 {
    x.bits
}

// Verus casts `f16` (rustc's unstable half-precision float) to and from nothing
// expect: error
fn ar_cast_to_f16(n: i32) {
    let y: f16 = n as f16;
}

// expect: error
fn ar_cast_f16_to_f64(f: f16) {
    let d: f64 = f as f64;
}

// expect: failed assertion
fn ar_truncating_cast(x: u64) {
    let y = x as u8;
    assert(y as u64 == x);
}

} // verus!
