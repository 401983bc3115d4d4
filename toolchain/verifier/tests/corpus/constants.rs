// Constants: associated constants read each other through `Self`; an exec constant with a
// contract (`exec const X: T ensures .. { body }`) and a static are verified like functions
// without arguments, and reading one gives a value its `ensures` describe, not its body's value.
use vstd::prelude::*;

verus! {

struct CnX;

impl CnX {
    const A: usize = 1;
    const B: usize = Self::A + 1;
    const C: usize = CnX::B + 1;

    // expect: verified
    exec const D: u64
        ensures
            Self::D > 2,
    {
        3
    }

    // expect: failed postcondition
    exec const E: u64
        ensures
            Self::E > 3,
    {
        3
    }
}

// expect: verified
fn cn_assoc_constants() {
    let v = CnX::C;
    assert(v == 3);
    assert(CnX::B == 2);
    let d = CnX::D;
    assert(d > 2);
}

// expect: failed assertion
fn cn_assoc_constants_wrong() {
    assert(CnX::B == 3);
}

// expect: verified
const fn cn_one() -> (u: u64)
    ensures
        u == 1,
{
    1
}

// expect: verified
exec const CN_TWO: u64
    ensures
        CN_TWO == 2,
{
    1 + cn_one()
}

// expect: verified
exec const CN_BIG: u64
    ensures
        CN_BIG > 5,
{
    7
}

// expect: failed overflow
exec const CN_OVERFLOW: u8
    ensures
        true,
{
    let x: u8 = 200;
    x + 100
}

// expect: verified
fn cn_read_exec_constants() {
    let v = CN_TWO;
    assert(v == 2);
    let w = CN_BIG;
    assert(w > 5);
}

// the body's value is not what a reader knows: only the `ensures`
// expect: failed assertion
fn cn_read_gives_ensures_only() {
    let w = CN_BIG;
    assert(w == 7);
}

// expect: error
proof fn cn_exec_constant_in_ghost() {
    assert(CN_TWO == 2);
}

// statics: exec constants whose value their readers do not see, only their `ensures`

// expect: verified
static CN_STATIC: u64 = 5;

// expect: failed assertion
fn cn_static_value_unknown() {
    let x = CN_STATIC;
    assert(x == 5);
}

// expect: verified
exec static CN_STATIC_ENSURED: u64
    ensures
        CN_STATIC_ENSURED == 5,
{
    5
}

// expect: verified
fn cn_static_ensured() {
    let x = CN_STATIC_ENSURED;
    assert(x == 5);
}

// expect: failed overflow
exec static CN_STATIC_OVERFLOW: u8 = 255 + 1;

// expect: unsupported
static mut CN_STATIC_MUT: u64 = 0;

} // verus!
