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


// `let PAT = e else { .. };`: the bindings for the rest of the block, the else block diverges
enum LeX {
    A(usize),
    B(bool),
}

// expect: verified
spec fn le_is_a(x: LeX) -> bool {
    x is A
}

// expect: verified
fn le_returns(x: LeX) -> (ret: bool)
    ensures
        le_is_a(x) == ret,
{
    let LeX::A(a) = x else {
        return false;
    };
    true
}

// expect: failed postcondition
fn le_returns_wrong(x: LeX) -> (ret: bool)
    ensures
        le_is_a(x) == ret,
{
    let LeX::A(a) = x else {
        return true;
    };
    true
}

// expect: verified
fn le_binding_value(o: Option<u8>) -> (r: u8)
    ensures
        o is Some ==> r == o->0,
        o is None ==> r == 0,
{
    let Some(v) = o else { return 0 };
    let w = v;
    w
}

// expect: error
fn le_else_falls_through(o: Option<u8>) -> u8 {
    let Some(v) = o else { 0 };
    v
}

// expect: failed assertion
fn le_break_leaves_loop_early(n: u8, o: Option<u8>) {
    let mut i = 0u8;
    while i < n
        invariant
            i <= n,
        decreases n - i,
    {
        let Some(k) = o else { break };
        i = i + 1;
    }
    assert(i == n);
}

// ---- a name two modules define means, in each of them, the module's own item

mod md_a {
    // expect: verified
    pub open spec fn md_val() -> int { 1 }

    // expect: verified
    pub proof fn md_use_own() {
        assert(md_val() == 1);
    }
}

mod md_b {
    // expect: verified
    pub open spec fn md_val() -> int { 2 }

    // expect: failed assertion
    pub proof fn md_use_other_wrong() {
        assert(md_val() == 1);
    }
}

mod md_c {
    use super::md_a::*;
    use super::md_b::*;

    // Neither is this module's own: ambiguous, as rustc says for two glob imports.
    // expect: error
    pub proof fn md_ambiguous() {
        assert(md_val() == 1);
    }

    // A written module path names one of them.
    // expect: verified
    pub proof fn md_by_path() {
        assert(crate::md_a::md_val() == 1);
        assert(super::md_b::md_val() == 2);
    }

    // expect: failed assertion
    pub proof fn md_by_path_wrong() {
        assert(crate::md_b::md_val() == 1);
    }
}

// ---- `let E::V(a, b) = e;` of an enum with one variant always matches

enum SvPair { Pair(bool, bool) }

// expect: verified
fn sv_single_variant() {
    let SvPair::Pair(y, z) = SvPair::Pair(true, false);
    assert(y && !z);
}

// expect: failed assertion
fn sv_single_variant_wrong() {
    let SvPair::Pair(y, z) = SvPair::Pair(true, false);
    assert(z);
}

// expect: unsupported
fn sv_refutable(o: Option<u8>) {
    let Some(x) = o;
}

} // verus!
