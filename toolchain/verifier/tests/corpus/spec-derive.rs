// vstd's `#[make_spec_type]` / `#[self_view]` (spec-derive.ts: a spec type of the fields' deep
// views, `DeepView` and `View` impls; the two generated functions are reported at the attribute)
// and the deep views of built-in types (check/deep-view.ts).
use vstd::prelude::*;
use std::collections::HashMap;

// expect: verified
// expect: verified
#[make_spec_type]
pub struct SdvPoint {
    pub x: u32,
    pub name: String,
    pub bytes: Vec<u8>,
}

// expect: verified
// expect: verified
#[make_spec_type(exclude(secret))]
pub struct SdvRecord {
    pub id: u64,
    pub secret: u64,
    pub tags: Vec<String>,
}

// expect: verified
// expect: verified
#[make_spec_type]
pub enum SdvShape {
    Dot,
    Circle(u32, String),
    Named { label: String, pts: Vec<SdvPoint> },
}

// expect: verified
// expect: verified
#[make_spec_type]
pub struct SdvPair(pub u8, pub Vec<u16>);

// expect: verified
// expect: verified
#[self_view]
#[derive(Copy, Clone)]
pub struct SdvCopy {
    pub a: u32,
}

// the macros' errors

// expect: error
#[make_spec_type(exclude(nope))]
pub struct SdvBadExclude {
    pub a: u32,
}

// expect: error
#[make_spec_type(skip(a))]
pub struct SdvBadOption {
    pub a: u32,
}

pub struct SdvPlain {
    pub a: u32,
}

// a field whose type has no deep view
// expect: error
#[make_spec_type]
pub struct SdvNeedsDeepView {
    pub p: SdvPlain,
}

// expect: error
#[make_spec_type]
pub struct SdvGeneric<T> {
    pub t: T,
}

// expect: error
#[make_spec_type]
pub struct SdvItself {
    pub next: Option<Box<SdvItself>>,
}

// expect: error
#[self_view(x)]
pub struct SdvSelfViewArgs {
    pub a: u32,
}

// expect: error
#[make_spec_type]
pub fn sdv_not_a_datatype() {}

verus! {

// expect: verified
fn sdv_point_view() {
    let p = SdvPoint { x: 3, name: "ab".to_string(), bytes: vec![1u8, 2u8] };
    assert(p@ == SdvPointSpec { x: 3, name: "ab"@, bytes: seq![1u8, 2u8] });
}

// expect: failed assertion
fn sdv_point_view_wrong_field() {
    let p = SdvPoint { x: 3, name: "ab".to_string(), bytes: vec![1u8, 2u8] };
    assert(p@.x == 4);
}

// expect: failed assertion
fn sdv_point_view_wrong_bytes() {
    let p = SdvPoint { x: 3, name: "ab".to_string(), bytes: vec![1u8, 2u8] };
    assert(p@.bytes == seq![1u8, 3u8]);
}

// expect: verified
proof fn sdv_record_view(r: SdvRecord)
    requires
        r.tags@.len() == 1,
        r.tags@[0]@ == "t"@,
    ensures
        r@.id == r.id,
        r@.tags.len() == 1,
        r@.tags[0] == "t"@,
{
}

// expect: failed postcondition
proof fn sdv_record_view_wrong(r: SdvRecord)
    requires
        r.tags@.len() == 1,
        r.tags@[0]@ == "t"@,
    ensures
        r@.tags[0] == "u"@,
{
}

// an excluded field is not in the spec type
// expect: error
proof fn sdv_record_excluded(r: SdvRecord)
    ensures
        r@.secret == r.secret,
{
}

// expect: verified
proof fn sdv_shape_circle(s: SdvShape, r: u32, n: String)
    requires
        s == SdvShape::Circle(r, n),
    ensures
        s@ == SdvShapeSpec::Circle(r, n@),
{
}

// expect: failed postcondition
proof fn sdv_shape_circle_wrong(s: SdvShape, r: u32, n: String)
    requires
        s == SdvShape::Circle(r, n),
    ensures
        s@ == SdvShapeSpec::Dot,
{
}

// expect: verified
proof fn sdv_shape_named(s: SdvShape, label: String, pts: Vec<SdvPoint>)
    requires
        s == (SdvShape::Named { label, pts }),
        pts@.len() == 2,
    ensures
        s@ is Named,
        s@->pts.len() == 2,
        s@->pts[1] == pts@[1]@,
{
}

// expect: failed postcondition
proof fn sdv_shape_named_wrong(s: SdvShape, label: String, pts: Vec<SdvPoint>)
    requires
        s == (SdvShape::Named { label, pts }),
        pts@.len() == 2,
    ensures
        s@->pts[1] == pts@[0]@,
{
}

// expect: verified
proof fn sdv_pair_view(p: SdvPair)
    ensures
        p@.0 == p.0,
        p@.1 == p.1@,
{
}

// expect: verified
proof fn sdv_copy_self_view(c: SdvCopy)
    ensures
        c@ == c,
        c.deep_view() == c,
{
}

// expect: failed postcondition
proof fn sdv_copy_self_view_wrong(c: SdvCopy)
    ensures
        c@.a == 0,
{
}

// built-in deep views

// expect: verified
proof fn sdv_identity_deep_views(x: u32, v: Vec<u8>, o: Option<u16>)
    ensures
        x.deep_view() == x,
        v.deep_view() == v@,
        o.deep_view() == o,
{
}

// expect: verified
proof fn sdv_vec_of_strings(s: Vec<String>)
    requires
        s@.len() == 2,
        s@[1]@ == "x"@,
    ensures
        s.deep_view().len() == 2,
        s.deep_view()[1] == "x"@,
{
}

// expect: failed postcondition
proof fn sdv_vec_of_strings_wrong(s: Vec<String>)
    requires
        s@.len() == 2,
        s@[1]@ == "x"@,
    ensures
        s.deep_view()[0] == "x"@,
{
}

// expect: verified
proof fn sdv_nested_vecs(v: Vec<Vec<String>>)
    requires
        v@.len() == 1,
        v@[0]@.len() == 1,
        v@[0]@[0]@ == "n"@,
    ensures
        v.deep_view() == seq![seq!["n"@]],
{
    assert(v.deep_view()[0] =~= seq!["n"@]);
    assert(v.deep_view() =~= seq![seq!["n"@]]);
}

// expect: verified
proof fn sdv_option_string(o: Option<String>)
    requires
        o is Some,
        o->0@ == "k"@,
    ensures
        o.deep_view() == Some("k"@),
{
}

// expect: failed postcondition
proof fn sdv_option_string_wrong(o: Option<String>)
    requires
        o is Some,
    ensures
        o.deep_view() is None,
{
}

// expect: verified
proof fn sdv_tuple_and_array(t: (u8, String), a: [String; 2])
    requires
        a@[0]@ == "q"@,
    ensures
        t.deep_view().0 == t.0,
        t.deep_view().1 == t.1@,
        a.deep_view().len() == 2,
        a.deep_view()[0] == "q"@,
{
}

// expect: failed postcondition
proof fn sdv_tuple_wrong(t: (u8, String))
    ensures
        t.deep_view().1 == "z"@,
{
}

// each element of an array literal is a coercion site (to a slice here)
// expect: verified
fn sdv_nested_slices() {
    let w: &[&[u8]] = &[&[1u8, 2u8], &[3u8]];
    assert(w@.len() == 2);
    assert(w@[1]@ == seq![3u8]);
    assert(w.deep_view() =~~= seq![seq![1u8, 2u8], seq![3u8]]);
}

// expect: failed assertion
fn sdv_nested_slices_wrong() {
    let w: &[&[u8]] = &[&[1u8, 2u8], &[3u8]];
    assert(w@[0]@.len() == 1);
}

// expect: unsupported
proof fn sdv_hash_map_deep_view(m: HashMap<u8, u8>) {
    let d = m.deep_view();
}

// a view is ghost
// expect: error
fn sdv_deep_view_in_exec(v: Vec<u8>) -> (r: u64) {
    let d = v.deep_view();
    0
}

} // verus!
