// Strings (library/vstd/string.rs): `str` literals are distinct values whose characters are known
// only after `reveal_strlit`, `String` through its view, and char casts in ghost code.
use vstd::prelude::*;
use vstd::string::*;

verus! {

// expect: verified
fn st_reveal_then_ascii() {
    let x = "Hello World";
    proof {
        reveal_strlit("Hello World");
    }
    assert(x.is_ascii());
    assert(x@.len() == 11);
}

// expect: failed assertion
fn st_non_ascii() {
    let x = "à";
    proof {
        reveal_strlit("à");
    }
    assert(x.is_ascii());
}

// nothing is known of a literal before it is revealed
// expect: failed precondition
fn st_unrevealed_get_char() {
    let x = "hello";
    let c = x.get_char(0);
}

// expect: failed assertion
fn st_unrevealed_len() {
    let x = "hello";
    assert(x@.len() == 5);
}

// expect: verified
fn st_get_char() {
    let x = "h\u{e9}llo\n";
    proof {
        reveal_strlit("h\u{e9}llo\n");
    }
    assert(x@.len() == 6);
    let c = x.get_char(1);
    assert(c == 'é');
    assert(x@[5] == '\n');
}

// expect: failed assertion
fn st_get_char_wrong() {
    let x = "hello";
    proof {
        reveal_strlit("hello");
    }
    let c = x.get_char(1);
    assert(c == 'h');
}

// distinct literals are distinct values without a reveal; equal ones are one value
// expect: verified
fn st_literals_distinct() {
    let a = "Hello World";
    let b = "Gello World";
    assert(a != b);
    assert("x" == "x");
}

// expect: failed assertion
fn st_distinct_is_not_false() {
    assert("a" != "b");
    assert(false);
}

// expect: verified
fn st_substring() {
    let x = "01234💩";
    proof {
        reveal_strlit("01234💩");
        reveal_strlit("34💩");
    }
    let t = x.substring_char(3, 6);
    assert(t@ =~= ("34💩")@);
}

// expect: failed precondition
fn st_substring_ascii_needs_ascii() {
    let x = "01234💩";
    proof {
        reveal_strlit("01234💩");
    }
    let t = x.substring_ascii(0, 2);
}

// expect: verified
fn st_string_ops() {
    let mut s = String::from_str("ab");
    proof {
        reveal_strlit("ab");
        reveal_strlit("c");
    }
    s.push('x');
    s.append("c");
    assert(s@ =~= seq!['a', 'b', 'x', 'c']);
    assert(s.is_ascii());
    let t = s.clone();
    assert(t@.len() == 4);
}

// expect: failed assertion
fn st_string_ops_wrong() {
    let mut s = String::new();
    s.push('x');
    assert(s@.len() == 2);
}

// Verus's ghost code casts any integer to a char: a scalar value is itself, anything else some char
// expect: verified
proof fn st_ghost_int_to_char(x: int) {
    let c = x as char;
    assert((0 <= c && c <= 0xD7FF) || (0xE000 <= c && c <= 0x10FFFF));
    assert(((0 <= x && x <= 0xD7FF) || (0xE000 <= x && x <= 0x10FFFF)) ==> c == x);
}

// expect: failed assertion
proof fn st_ghost_int_to_char_is_not_identity(x: int) {
    let c = x as char;
    assert(x == 0xD800 ==> c == x);
}

// expect: error
fn st_reveal_needs_a_literal() {
    proof {
        reveal_strlit(12u32);
    }
}

// expect: error
fn st_reveal_is_proof_code() {
    reveal_strlit("a");
}

// expect: error
fn st_no_string_arithmetic() {
    let a = "a";
    let b = a + 1;
}

// a literal inside a spec fn: the same value as the one written in the caller
// expect: verified
spec fn st_greeting() -> &'static str {
    "hi"
}

// expect: verified
proof fn st_literal_in_spec_fn() {
    reveal_strlit("hi");
    assert(st_greeting()@.len() == 2);
    assert(st_greeting() == "hi");
    assert(st_greeting() != "ho");
}

// expect: failed assertion
proof fn st_literal_in_spec_fn_unrevealed() {
    assert(st_greeting()@.len() == 2);
}


// (an `Option<String>`: the `Option` datatype over the library's `String`, whose SMT sort is named
// `String'`, declared after it; before the twenty-fifth session the solver refused the query)
// expect: verified
fn opt_string_some(v: Option<String>) -> (r: bool)
    ensures r == (v is Some),
{
    match v {
        Some(_) => true,
        None => false,
    }
}

// expect: failed postcondition
fn opt_string_wrong(v: Option<String>) -> (r: bool)
    ensures r == (v is None),
{
    match v {
        Some(_) => true,
        None => false,
    }
}

// rustc's deref coercion of a `String` to a `&str` (a typed `let`)
// expect: verified
fn st_string_deref(s: String) {
    let t: &str = &s;
    assert(t@ == s@);
}

// expect: failed assertion
fn st_string_deref_bad(s: String) {
    let t: &str = &s;
    assert(t@.len() > 0);
}

// expect: failed assertion
fn st_string_deref_other(s: String, u: String) {
    let t: &str = &s;
    assert(t@ == u@);
}

// an ASCII string's bytes are its characters (vstd's `is_ascii_spec_bytes`, default group)
// expect: verified
fn st_ascii_bytes(x: &str) -> (ret: Vec<u8>)
    requires
        x.is_ascii(),
        x@.len() > 10,
    ensures
        ret@.len() > 10,
        ret@[0] == x@[0] as u8,
{
    x.as_bytes_vec()
}

// (not known to be ASCII: its bytes are its encoding, of some other length)
// expect: failed postcondition
fn st_bytes_unknown_length(x: &str) -> (ret: Vec<u8>)
    requires
        x@.len() > 10,
    ensures
        ret@.len() > 10,
{
    x.as_bytes_vec()
}

// expect: failed postcondition
fn st_ascii_bytes_shifted(x: &str) -> (ret: Vec<u8>)
    requires
        x.is_ascii(),
        x@.len() > 10,
        x@[0] != x@[1],
    ensures
        ret@[0] == x@[1] as u8,
{
    x.as_bytes_vec()
}

} // verus!
