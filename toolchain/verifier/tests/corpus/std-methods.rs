// std's methods of the primitive types, as the library specifies them
// (library/vstd/num.rs, char.rs): wrapping, checked and saturating arithmetic; `char`'s
// `is_whitespace` and `len_utf8`. They are exec functions (vstd's `allow_in_spec` is not read).
use vstd::prelude::*;

verus! {

// expect: verified
fn sm_wrapping() {
    let a = 255u8.wrapping_add(1);
    assert(a == 0);
    let b = 0u8.wrapping_sub(1);
    assert(b == 255);
    let c = 257u16.wrapping_mul(259);
    assert(c == 1027);
    let d = i8::MAX.wrapping_add(1);
    assert(d == i8::MIN);
    let e = (-128i8).wrapping_sub(1);
    assert(e == 127);
    let f = (12i64).wrapping_mul(2305843009213693952);
    assert(f == i64::MIN);
}

// expect: failed assertion
fn sm_wrapping_is_not_exact() {
    let a = 200u8.wrapping_add(100);
    assert(a == 300 - 256 + 1);
}

// expect: verified
fn sm_checked(x: u8, y: u8) {
    let a = x.checked_add(y);
    assert(a.is_some() <==> x as int + y as int <= 255);
    let m = 7u8.checked_mul(8);
    assert(m == Some(56u8));
    let n = 16u8.checked_mul(16);
    assert(n.is_none());
    let b = 3usize.checked_sub(4);
    assert(b.is_none());
    let c = i32::MIN.checked_sub(1);
    assert(c == None::<i32>);
}

// expect: failed assertion
fn sm_checked_can_overflow(x: u8) {
    let a = x.checked_add(1);
    assert(a.is_some());
}

// expect: verified
fn sm_saturating(x: u64) {
    let a = u64::MAX.saturating_mul(2);
    assert(a == u64::MAX);
    let b = 0u64.saturating_sub(x);
    assert(b == 0);
    let c = (-100i8).saturating_add(-100);
    assert(c == -128);
}

// expect: failed assertion
fn sm_saturating_wrong() {
    let c = 100i8.saturating_add(100);
    assert(c == 200 - 256);
}

// expect: verified
fn sm_char() {
    let space = ' '.is_whitespace();
    assert(space);
    let ideographic = '\u{3000}'.is_whitespace();
    assert(ideographic);
    let hyphen = '\u{2010}'.is_whitespace();
    assert(!hyphen);
    let pound = '\u{a3}'.len_utf8();
    assert(pound == 2);
    let emoji = '\u{1f600}'.len_utf8();
    assert(emoji == 4);
}

// expect: failed assertion
fn sm_char_wrong() {
    let a = 'a'.len_utf8();
    assert(a == 2);
}

// vstd::pervasive's exec helpers: `unreached()` needs `false`, `runtime_assert(b)` needs `b`.
// expect: verified
fn sm_pervasive(x: u8) -> (r: u8)
    requires
        x < 10,
{
    vstd::pervasive::print_u64(x as u64);
    runtime_assert(x < 11);
    if x < 10 {
        x
    } else {
        unreached()
    }
}

// expect: failed precondition
fn sm_unreached_is_reachable(x: u8) -> u8 {
    if x < 10 {
        x
    } else {
        unreached()
    }
}

// std's PhantomData: a datatype generic over a type it holds no value of
struct SmTagged<T> {
    id: u64,
    tag: core::marker::PhantomData<T>,
}

// expect: verified
fn sm_phantom_build() -> (r: SmTagged<bool>)
    ensures
        r.id == 7,
{
    SmTagged { id: 7, tag: PhantomData }
}

// expect: failed postcondition
fn sm_phantom_build_wrong() -> (r: SmTagged<u8>)
    ensures
        r.id == 8,
{
    SmTagged { id: 7, tag: PhantomData }
}


// checked `/` and `%`: Rust's rounding toward zero; `_euclid`: Euclid's (the values are rustc's)
// expect: verified
fn sm_checked_div_rem() {
    let a = i8::checked_div(-7, 2); assert(a == Some(-3i8));
    let b = i8::checked_rem(-7, 2); assert(b == Some(-1i8));
    let c = i8::checked_div_euclid(-7, 2); assert(c == Some(-4i8));
    let d = i8::checked_rem_euclid(-7, 2); assert(d == Some(1i8));
    let e = i8::checked_div(i8::MIN, -1); assert(e == None);
    let f = u8::checked_rem(7, 0); assert(f == None);
}

// (Euclid's quotient is not Rust's `/`)
// expect: failed assertion
fn sm_checked_div_not_euclid() {
    let a = i8::checked_div(-7, 2);
    assert(a == Some(-4i8));
}

// expect: failed assertion
fn sm_checked_rem_sign() {
    let b = i8::checked_rem(-7, 2);
    assert(b == Some(1i8));
}

// (`MIN / -1` overflows: `None`)
// expect: failed assertion
fn sm_checked_div_min() {
    let e = i16::checked_div_euclid(i16::MIN, -1);
    assert(e is Some);
}


// std's `Default` of an integer type: zero (library num.rs)
// expect: verified
fn int_default() {
    let x = u32::default();
    let y = i64::default();
    assert(x + 5 == 5 && y == 0);
}

// expect: failed assertion
fn int_default_wrong() {
    let x = u8::default();
    assert(x == 1);
}

// std's `checked_next_multiple_of` on an unsigned type: `None` for a zero `rhs` or past `MAX`
// expect: verified
fn next_multiple() {
    let a = u8::checked_next_multiple_of(10, 3);
    let b = u8::checked_next_multiple_of(255, 2);
    let c = usize::checked_next_multiple_of(8, 0);
    assert(a == Some(12u8) && b is None && c is None);
}

// expect: failed assertion
fn next_multiple_wrong() {
    let a = u16::checked_next_multiple_of(10, 5);
    assert(a == Some(15u16));
}

} // verus!
