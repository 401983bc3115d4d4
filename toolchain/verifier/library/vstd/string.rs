// vstd's `string` module: `str` and `String` known by their views, `Seq<char>` (vstd string.rs and
// utf8.rs). A string literal is a value of its own (distinct literals differ) whose characters are
// known only after `reveal_strlit("..")` in proof code, as in Verus. `String` is a struct with a
// private view here (as `Vec`); std's exec operations are `external_body`, their contracts are
// vstd's. A `str`'s bytes are `spec_bytes()`, known only for an ASCII string (`is_ascii_spec_bytes`);
// other byte-level operations (`len`, `as_bytes`, UTF-8 encodings) are not in this library.
verus! {

/// Whether every character is ASCII (vstd utf8.rs).
pub open spec fn is_ascii_chars(chars: Seq<char>) -> bool {
    forall|i| 0 <= i < chars.len() ==> '\0' <= #[trigger] chars[i] <= '\u{7f}'
}

pub open spec fn is_ascii(s: &str) -> bool {
    is_ascii_chars(s@)
}

pub open spec fn string_is_ascii(s: &String) -> bool {
    is_ascii_chars(s@)
}

/// vstd's: the bytes of an ASCII string are its characters (in the default group; trusted: vstd
/// proves it from `encode_utf8`).
pub broadcast proof fn is_ascii_spec_bytes(s: &str)
    ensures
        #[trigger] is_ascii(s) ==> #[trigger] s.spec_bytes() =~= Seq::new(s@.len(), |i| s@.index(i) as u8),
{
    admit();
}

pub broadcast group group_string_axioms {
    is_ascii_spec_bytes,
}

impl str {
    pub uninterp spec fn view(&self) -> Seq<char>;

    /// The string's bytes, its characters' UTF-8 encoding (vstd's `spec_bytes`, defined as
    /// `encode_utf8(self@)`; here known through `is_ascii_spec_bytes`).
    pub uninterp spec fn spec_bytes(&self) -> Seq<u8>;

    /// vstd's `StrSliceExecFns::as_bytes_vec`: the bytes, copied.
    #[verifier::external_body]
    pub fn as_bytes_vec(&self) -> (ret: Vec<u8>)
        ensures
            ret@ == self.spec_bytes(),
    {
        unimplemented!()
    }

    /// `s.is_ascii()` in ghost code.
    pub open spec fn spec_is_ascii(&self) -> bool {
        is_ascii(self)
    }

    #[verifier::external_body]
    #[verifier::when_used_as_spec(spec_is_ascii)]
    pub fn is_ascii(&self) -> (b: bool)
        ensures
            b == is_ascii(self),
    {
        unimplemented!()
    }

    /// The number of characters (std's `len` counts bytes).
    #[verifier::external_body]
    pub fn unicode_len(&self) -> (l: usize)
        ensures
            l as nat == self@.len(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn get_char(&self, i: usize) -> (c: char)
        requires
            i < self@.len(),
        ensures
            self@.index(i as int) == c,
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn substring_ascii(&self, from: usize, to: usize) -> (ret: &str)
        requires
            self.is_ascii(),
            from <= to <= self@.len(),
        ensures
            ret@ == self@.subrange(from as int, to as int),
            ret.is_ascii(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn substring_char(&self, from: usize, to: usize) -> (ret: &str)
        requires
            from <= to <= self@.len(),
        ensures
            ret@ == self@.subrange(from as int, to as int),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn get_ascii(&self, i: usize) -> (b: u8)
        requires
            self.is_ascii(),
            i < self@.len(),
        ensures
            self@.index(i as int) as u8 == b,
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn is_empty(&self) -> (b: bool)
        ensures
            b == (self@.len() == 0),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn to_owned(&self) -> (res: String)
        ensures
            self@ == res@,
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn to_string(&self) -> (res: String)
        ensures
            self@ == res@,
    {
        unimplemented!()
    }
}

pub struct String {
    chars: Seq<char>,
}

impl String {
    pub open spec fn view(&self) -> Seq<char> {
        self.chars
    }

    /// `s.is_ascii()` in ghost code.
    pub open spec fn spec_is_ascii(&self) -> bool {
        string_is_ascii(self)
    }

    #[verifier::external_body]
    #[verifier::when_used_as_spec(spec_is_ascii)]
    pub fn is_ascii(&self) -> (ret: bool)
        ensures
            ret == string_is_ascii(self),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn new() -> (res: String)
        ensures
            res@ == Seq::<char>::empty(),
    {
        unimplemented!()
    }

    /// `<String as Default>::default`, called as `String::default()` (as `Vec::default`).
    #[verifier::external_body]
    pub fn default() -> (res: String)
        ensures
            res@ == Seq::<char>::empty(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn from_str(s: &str) -> (ret: String)
        ensures
            s@ == ret@,
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn as_str(&self) -> (res: &str)
        ensures
            res@ == self@,
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn clone(&self) -> (res: String)
        ensures
            res == *self,
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn eq(&self, other: &String) -> (res: bool)
        ensures
            res == (self@ == other@),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn push(&mut self, c: char)
        ensures
            self@ == old(self)@.push(c),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn pop(&mut self) -> (res: Option<char>)
        ensures
            old(self)@.len() == 0 ==> res is None && self@ == old(self)@,
            old(self)@.len() > 0 ==> res == Some(old(self)@.last()) && self@ == old(self)@.drop_last(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn push_str(&mut self, other: &str)
        ensures
            self@ == old(self)@ + other@,
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn is_empty(&self) -> (res: bool)
        ensures
            res == (self@.len() == 0),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn clear(&mut self)
        ensures
            self@ == Seq::<char>::empty(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn append(&mut self, other: &str)
        ensures
            self@ == old(self)@ + other@,
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn concat(self, other: &str) -> (ret: String)
        ensures
            ret@ == self@ + other@,
    {
        unimplemented!()
    }
}

} // verus!
