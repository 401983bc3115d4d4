// Slices `[T]` (behind references): a view `Seq<T>` of at most `usize::MAX` elements; indexing,
// ranges, `get`, `copy_from_slice`, `copy_within`, and `&[T; N]` coerced to `&[T]`.
use vstd::prelude::*;
use vstd::slice::*;

verus! {

// expect: verified
fn sl_index(x: &[u64]) -> (r: u64)
    requires x@.len() == 2, x[0] == 19,
    ensures r == 19,
{
    let t = x[0];
    let u = *slice_index_get(x, 0);
    assert(t == u);
    t
}

// expect: failed index-bounds
fn sl_index_unchecked(x: &[u64]) -> u64 {
    x[0]
}

// expect: failed precondition
fn sl_index_get_unchecked(x: &[u64]) -> u64 {
    *slice_index_get(x, 1)
}

// the length is the view's, and a `usize`
// expect: verified
fn sl_len(x: &[u8]) {
    assert(x.len() == x@.len());
    assert(x@.len() <= usize::MAX);
    let n = x.len();
    let e = x.is_empty();
    assert(e == (n == 0));
}

// expect: failed assertion
fn sl_len_not_smaller(x: &[u8]) {
    assert(x@.len() < usize::MAX);
}

// an array coerces to a slice with the same elements
// expect: verified
fn sl_from_array() {
    let a: [u64; 3] = [0, 2, 4];
    let s: &[u64] = &a;
    assert(s@ == a@);
    assert(s.len() == 3);
    let t: &[u64] = &[0, 2, 4];
    assert(s == t);
}

// expect: failed assertion
fn sl_from_array_wrong() {
    let s: &[u64] = &[0, 2, 4];
    assert(s@.len() == 4);
}

// a slice is not an array
// expect: error
fn sl_not_an_array(x: &[u64]) {
    let a: [u64; 2] = *x;
}

// expect: verified
fn sl_ranges(s: &[u8])
    requires s@.len() == 5,
{
    let a = &s[1..3];
    assert(a@ == s@.subrange(1, 3));
    let b = &s[..=3];
    assert(b@ == s@.subrange(0, 4));
    let c = &s[2..];
    assert(c@ == s@.subrange(2, 5));
    let d = &s[..];
    assert(d@ == s@);
    let some = s.get(1..3);
    assert(some == Some(a));
    let none = s.get(4..7);
    assert(none.is_none());
    let e = s.get(4);
    assert(e == Some(s[4]));
    let f = s.get(5);
    assert(f.is_none());
}

// expect: failed index-bounds
fn sl_range_out_of_bounds(s: &[u8])
    requires s@.len() == 5,
{
    let a = &s[3..6];
}

// expect: failed index-bounds
fn sl_range_inverted(s: &[u8])
    requires s@.len() == 5,
{
    let a = &s[3..2];
}

// expect: failed assertion
fn sl_range_wrong(s: &[u8])
    requires s@.len() == 5,
{
    let a = &s[1..=3];
    assert(a@ == s@.subrange(1, 3));
}

// writes through `&mut [T]`
// expect: verified
fn sl_write(x: &mut [u64])
    requires old(x)@.len() == 3,
    ensures x@ == seq![5u64, 20u64, old(x)@[2]],
{
    x[0] = 5;
    x[1] = 20;
}

// expect: failed index-bounds
fn sl_write_unchecked(x: &mut [u64]) {
    x[0] = 5;
}

// expect: verified
fn sl_copy(dst: &mut [u8], src: &[u8])
    requires old(dst)@.len() == src@.len(), src@.len() == 5,
    ensures dst@ == src@.subrange(1, 3) + src@.subrange(2, 5),
{
    dst.copy_from_slice(src);
    dst.copy_within(1..3, 0);
}

// expect: failed precondition
fn sl_copy_length_mismatch(dst: &mut [u8], src: &[u8])
    requires src@.len() == 5,
{
    dst.copy_from_slice(src);
}

// expect: failed index-bounds
fn sl_copy_within_no_room(s: &mut [u8])
    requires old(s)@.len() == 5,
{
    s.copy_within(1..4, 3);
}

// expect: error
fn sl_copy_into_shared(s: &[u8], t: &[u8]) {
    s.copy_from_slice(t);
}

// expect: verified
fn sl_from_vec(v: Vec<u64>)
    requires v@.len() == 2, v[0] == 19,
{
    let s = v.as_slice();
    assert(s@ == v@);
    let t = sl_index(s);
    assert(t == 19);
}

// rustc's deref coercion of a `Vec` to a slice (exec code: a call's argument, a typed `let`)
// expect: verified
fn sl_first_of(s: &[u64]) -> (r: u64)
    requires s.len() > 0,
    ensures r == s[0],
{
    s[0]
}

// expect: verified
fn sl_deref_vec(v: Vec<u64>) {
    let s: &[u64] = &v;
    assert(s@ == v@);
    if v.len() > 0 {
        let x = sl_first_of(&v);
        assert(x == v[0]);
    }
}

// expect: failed assertion
fn sl_deref_vec_bad(v: Vec<u64>) {
    let s: &[u64] = &v;
    assert(s.len() > 0);
}

// expect: failed precondition
fn sl_deref_vec_precondition(v: Vec<u64>) {
    let x = sl_first_of(&v);
}

// expect: failed assertion
fn sl_deref_vec_first_bad(v: Vec<u64>) {
    if v.len() > 1 {
        let x = sl_first_of(&v);
        assert(x == v[1]);
    }
}

// expect: failed assertion
fn sl_deref_vec_len_bad(v: Vec<u64>) {
    let s: &[u64] = &v;
    assert(s.len() == v.len() + 1);
}

} // verus!
