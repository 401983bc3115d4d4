// Parenthesized patterns, exec `a.index(i)` on arrays, `reveal` of a spec fn named through its
// module.
verus! {

// expect: verified
fn pp_paren_pattern() {
    let (x): usize = 0;
    assert(x == 0);
}

// expect: failed assertion
fn pp_paren_pattern_bad() {
    let (x): usize = 0;
    assert(x == 1);
}

// expect: verified
fn pp_one_tuple_pattern() {
    let (y,) = (5u8,);
    assert(y == 5);
}

// expect: verified
fn pp_array_index_method(a: &[u8; 5]) {
    let x = *a.index(2);
    assert(x == a[2]);
}

// expect: failed assertion
fn pp_array_index_method_other(a: &[u8; 5]) {
    let x = *a.index(2);
    assert(x == a[3]);
}

// expect: failed index-bounds
fn pp_array_index_method_bounds(a: &[u8; 5]) {
    let x = *a.index(7);
}

// expect: unsupported
fn pp_array_range_index(a: &[u8; 5]) {
    let x = &a[1..3];
    assert(x@ == a@.subrange(1, 3));
}

mod pp_hidden {
    // expect: verified
    #[verifier::opaque]
    pub open spec fn pp_secret() -> bool {
        true
    }
}

// expect: verified
proof fn pp_reveal_through_module() {
    reveal(pp_hidden::pp_secret);
    assert(pp_hidden::pp_secret());
}

// expect: failed assertion
proof fn pp_no_reveal() {
    assert(pp_hidden::pp_secret());
}

}
