// std's methods of `char` as vstd's std_specs/char.rs specifies them.
verus! {

/// Unicode's `White_Space` property (the 25 code points UCD's PropList.txt lists).
pub open spec fn is_white_space(c: char) -> bool {
    c == '\u{9}' || c == '\u{A}' || c == '\u{B}' || c == '\u{C}' || c == '\u{D}' || c == '\u{20}'
        || c == '\u{85}' || c == '\u{A0}' || c == '\u{1680}' || c == '\u{2000}' || c == '\u{2001}'
        || c == '\u{2002}' || c == '\u{2003}' || c == '\u{2004}' || c == '\u{2005}' || c == '\u{2006}'
        || c == '\u{2007}' || c == '\u{2008}' || c == '\u{2009}' || c == '\u{200A}' || c == '\u{2028}'
        || c == '\u{2029}' || c == '\u{202F}' || c == '\u{205F}' || c == '\u{3000}'
}

pub assume_specification[ char::is_whitespace ](c: char) -> (res: bool)
    ensures
        res == is_white_space(c),
;

/// How many bytes `c`'s UTF-8 encoding takes: 1 up to U+007F, 2 up to U+07FF, 3 up to U+FFFF,
/// 4 above (vstd: the length of `encode_scalar(c as u32)`).
pub open spec fn utf8_len(c: char) -> usize {
    if c as u32 <= 0x7F {
        1
    } else if c as u32 <= 0x7FF {
        2
    } else if c as u32 <= 0xFFFF {
        3
    } else {
        4
    }
}

pub assume_specification[ char::len_utf8 ](c: char) -> (len: usize)
    ensures
        len == utf8_len(c),
;

// std's constants of `char`: declared (external: their values are not read) so that a crate's
// `assume_specification[char::REPLACEMENT_CHARACTER] -> ..;` has its type to check against
impl char {
    #[verifier::external]
    pub const REPLACEMENT_CHARACTER: char = '\u{FFFD}';
}

} // verus!
