// The width of usize / isize: as in Verus, a crate without `global size_of usize == N;` is
// verified for 32 and 64 bits at once. Each program that holds only at 64 bits must fail, beside
// one that holds at both. (The crate-wide `global` item is tested in verifier.test.ts: the
// corpus is one crate.)
use vstd::prelude::*;

verus! {

// expect: verified
fn ws_either_width() {
    assert(usize::MAX == 0xffffffff || usize::MAX == 0xffffffffffffffff);
    assert(usize::BITS == 32 || usize::BITS == 64);
    assert(isize::MIN == -0x80000000 || isize::MIN == -0x8000000000000000);
    assert(usize::MAX >= u32::MAX);
}

// expect: failed assertion
fn ws_not_surely_64() {
    assert(usize::MAX == 0xffffffffffffffff);
}

// expect: failed assertion
fn ws_not_surely_32() {
    assert(isize::BITS == 32);
}

// expect: verified
fn ws_add_within_32(x: usize) -> usize
    requires
        x < 0xffff_fffe,
{
    x + 1
}

// expect: failed overflow
fn ws_add_beyond_32(x: usize) -> usize
    requires
        x == 0xffff_ffff,
{
    x + 1
}

// expect: verified
fn ws_widen_u32(x: u32) -> (r: usize)
    ensures
        r == x,
{
    x as usize
}

// expect: failed postcondition
fn ws_narrow_u64(x: u64) -> (r: usize)
    ensures
        r == x,
{
    x as usize
}

// expect: verified
fn ws_narrow_u64_small(x: u64) -> (r: usize)
    requires
        x <= 0xffff,
    ensures
        r == x,
{
    x as usize
}

// expect: verified
fn ws_shift_31(x: usize) -> usize {
    x >> 31u32
}

// expect: failed overflow
fn ws_shift_40(x: usize) -> usize {
    x >> 40u32
}

// expect: verified
fn ws_mask_low(x: usize) -> (r: usize)
    ensures
        r <= 0xff,
{
    x & 0xff
}

// expect: unsupported
fn ws_literal_beyond_32() -> usize {
    0x1_0000_0000
}

// expect: verified
fn ws_u64_literal_fine() -> u64 {
    0x1_0000_0000
}

// a usize parameter is in range at either width: never above usize::MAX
// expect: verified
fn ws_param_in_range(x: usize)
    ensures
        x <= usize::MAX,
{
}

// expect: failed postcondition
fn ws_param_not_surely_below_2_32(x: usize)
    ensures
        x <= 0xffff_ffff,
{
}

} // verus!
