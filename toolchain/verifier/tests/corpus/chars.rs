// `char`: literals (escapes, non-BMP), comparisons, the Unicode scalar value range, casts.
use vstd::prelude::*;

verus! {

// expect: verified
fn ch_literals_compare() {
    let c = 'c';
    assert(c == 'c');
    assert(c != 'b');
    assert('a' < 'b' && 'z' >= 'a');
}

// expect: failed assertion
fn ch_literal_wrong() {
    let c = 'c';
    assert(c == 'a');
}

// expect: verified
fn ch_code_points() {
    let a = '💩';
    assert(a == '💩');
    assert(a as u32 == 0x1F4A9);
    assert('\u{3000}' as u32 == 12288);
    assert('\n' as u8 == 10 && '\t' as u8 == 9 && '\0' as u8 == 0 && '\'' as u8 == 39 && '\x7f' as u8 == 127);
    assert(b'a' == 97u8 && b'\xff' == 255u8);
}

// `as u8` keeps the low byte, as rustc: '€' is U+20AC
// expect: verified
fn ch_narrowing_cast() {
    assert('€' as u8 == 0xac);
    assert('€' as u16 == 0x20ac);
}

// expect: failed assertion
fn ch_narrowing_cast_is_not_the_code_point() {
    assert('€' as u8 == 0x20ac);
}

// expect: verified
fn ch_from_u8(b: u8) -> (c: char)
    ensures c as u32 == b as u32,
{
    b as char
}

// expect: verified
fn ch_scalar_value_range(c: char) {
    assert(c as u32 <= 0x10FFFF);
    assert(!(0xD800 <= c as u32 && c as u32 <= 0xDFFF));
}

// a char may be past the Basic Multilingual Plane
// expect: failed assertion
fn ch_not_only_bmp(c: char) {
    assert(c as u32 <= 0xFFFF);
}

// expect: failed assertion
fn ch_surrogates_excluded_but_not_more(c: char) {
    assert(c as u32 != 0xE000);
}

// expect: verified
spec fn ch_is_digit(c: char) -> bool {
    '0' <= c && c <= '9'
}

// expect: verified
proof fn ch_digits() {
    assert(ch_is_digit('7'));
    assert(!ch_is_digit('a'));
}

// expect: failed assertion
proof fn ch_digits_wrong() {
    assert(ch_is_digit('x'));
}

// expect: verified
fn ch_in_seq(s: Seq<char>)
    requires s.len() == 1, s[0] == 'q',
{
    assert(s[0] as u32 == 113);
}

// expect: error
fn ch_no_arithmetic(c: char) -> char {
    c + 1
}

// expect: error
fn ch_not_an_integer(c: char) -> bool {
    c == 5
}

// expect: error
fn ch_only_u8_casts_to_char(x: u32) -> char {
    x as char
}

// expect: verified
fn ch_match_on_char(c: char) -> u8 {
    match c {
        'a' => 1,
        _ => 0,
    }
}

// char patterns: literals and ranges; a match must cover every scalar value (the surrogates
// `0xD800..=0xDFFF` are not chars, so the two ranges around them cover all)
// expect: verified
spec fn ch_is_high(c: char) -> bool {
    match c {
        '\0'..='\u{D7FF}' => false,
        '\u{E000}'..='\u{10FFFF}' => true,
    }
}

// expect: verified
fn ch_classify(c: char) -> (r: u8)
    ensures r == 1 <==> c == 'a', r == 2 <==> ('b' <= c <= 'z'),
{
    match c {
        'a' => 1,
        'b'..='z' => 2,
        _ => 0,
    }
}

// expect: failed postcondition
fn ch_classify_bad(c: char) -> (r: u8)
    ensures r == 2 <==> ('a' <= c <= 'z'),
{
    match c {
        'a' => 1,
        'b'..='z' => 2,
        _ => 0,
    }
}

// expect: error
spec fn ch_not_exhaustive(c: char) -> bool {
    match c {
        '\0'..='\u{D7FF}' => false,
        '\u{E000}'..='\u{10FFFE}' => true,
    }
}

// expect: failed assertion
proof fn ch_is_high_wrong() {
    assert(ch_is_high('\u{E000}') == false);
}

// expect: failed assertion
proof fn ch_is_high_wrong2() {
    assert(ch_is_high('a'));
}

// expect: failed postcondition
fn ch_classify_digit(c: char) -> (r: bool)
    ensures r == ('0' <= c <= '9'),
{
    match c {
        '0'..='8' => true,
        _ => false,
    }
}

// expect: failed postcondition
fn ch_classify_exclusive(c: char) -> (r: bool)
    ensures r == ('a' <= c <= 'z'),
{
    match c {
        'a'..'z' => true,
        _ => false,
    }
}

} // verus!
