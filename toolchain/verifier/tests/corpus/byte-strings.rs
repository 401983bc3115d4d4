// Byte string literals (`b"..."`, `br"..."`): a `&'static [u8; N]` whose length is known, equal to
// another literal exactly when its bytes are, and whose bytes are known only after
// `reveal_byteslit` (proof code), as in Verus.
use vstd::prelude::*;

verus! {

const BS_MAGIC: &'static [u8; 4] = b"\x7fELF";
const BS_ABC: &'static [u8; 3] = b"ABC";
const BS_XYZ: &'static [u8; 3] = b"XYZ";
const BS_ABC2: &'static [u8; 3] = b"ABC";

// expect: verified
fn bs_length_without_reveal() {
    let bytes: &'static [u8; 4] = b"RIFF";
    assert(bytes@.len() == 4);
    // (each byte is a u8: its type's invariant)
    assert(bytes@[0] < 256);
}

// expect: failed assertion
fn bs_opaque_without_reveal() {
    let bytes: &'static [u8; 4] = b"RIFF";
    assert(bytes@[0] == b'R');
}

// expect: verified
fn bs_reveal() {
    proof {
        reveal_byteslit(b"\x7fELF");
    }
    assert(BS_MAGIC@ =~= seq![0x7fu8, b'E', b'L', b'F']);
    let s: &'static [u8] = b"\x7fELF";
    assert(s@.len() == 4 && s@[3] == b'F');
}

// expect: failed assertion
fn bs_reveal_wrong_byte() {
    proof {
        reveal_byteslit(b"RIFF");
    }
    let bytes: &'static [u8] = b"RIFF";
    assert(bytes@[1] == b'X');
}

// expect: failed assertion
fn bs_reveal_wrong_length() {
    proof {
        reveal_byteslit(b"\x00\x00\x02\x00");
    }
    let bytes: &'static [u8] = b"\x00\x00\x02\x00";
    assert(bytes@.len() == 5);
}

// revealing one literal says nothing of another
// expect: failed assertion
fn bs_reveal_is_per_literal() {
    proof {
        reveal_byteslit(b"AB");
    }
    let bytes: &'static [u8] = b"AC";
    assert(bytes@[1] == b'C');
}

// expect: verified
fn bs_distinct_and_equal_literals() {
    assert(!(BS_ABC === BS_XYZ));
    assert(BS_ABC === BS_ABC2);
}

// expect: failed assertion
fn bs_distinct_literals_are_not_equal() {
    assert(BS_ABC === BS_XYZ);
}

// expect: failed assertion
fn bs_equal_literals_are_not_distinct() {
    assert(!(BS_ABC === BS_ABC2));
}

// expect: verified
fn bs_raw_and_escapes() {
    proof {
        reveal_byteslit(br"a\n");
        reveal_byteslit(b"\n\\\"");
        reveal_byteslit(b"");
    }
    let raw: &'static [u8] = br"a\n";
    let esc: &'static [u8] = b"\n\\\"";
    let empty: &'static [u8] = b"";
    assert(raw@ =~= seq![b'a', b'\\', b'n']);
    assert(esc@ =~= seq![10u8, 92u8, 34u8]);
    assert(empty@ =~= seq![]);
}

// expect: error
fn bs_reveal_needs_a_literal() {
    proof {
        reveal_byteslit(12u32);
    }
}

// expect: error
fn bs_reveal_is_proof_code() {
    reveal_byteslit(b"a");
}

} // verus!
