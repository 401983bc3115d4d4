// Field modes: `ghost f: T` (a spec field) and `tracked f: T` (a proof field) of a datatype whose
// own values are exec (or tracked). Exec code neither reads nor writes them; ghost code writes
// them; a ghost field's value is a spec one (no machine arithmetic, nothing moved), a tracked
// field's a proof one (moved like a tracked local). Each program that breaks a rule must fail or
// be rejected, beside one that keeps it.
use vstd::prelude::*;

verus! {

struct FmToken { id: u64 }

struct FmCounter {
    ghost total: int,
    count: u64,
}

tracked struct FmPair {
    ghost tag: int,
    tracked tok: FmToken,
}

// expect: verified
fn fm_count(c: &FmCounter) -> (r: u64)
    ensures r == c.count,
{
    c.count
}

// the ghost field's value is spec arithmetic: `v + 1` does not overflow
// expect: verified
fn fm_build(v: u64) -> (c: FmCounter)
    ensures c.total == v + 1, c.count == v,
{
    FmCounter { total: v + 1, count: v }
}

// expect: failed postcondition
fn fm_build_wrong(v: u64) -> (c: FmCounter)
    ensures c.total == v,
{
    FmCounter { total: v + 1, count: v }
}

// ghost code writes a ghost field of an exec value
// expect: verified
fn fm_ghost_write(c: &mut FmCounter)
    ensures c.total == old(c).total + 1, c.count == old(c).count,
{
    proof { c.total = c.total + 1; }
}

// expect: failed postcondition
fn fm_ghost_write_wrong(c: &mut FmCounter)
    ensures c.total == old(c).total,
{
    proof { c.total = c.total + 1; }
}

// expect: error
fn fm_exec_reads_ghost(c: &FmCounter) -> int {
    c.total
}

// expect: error
fn fm_exec_writes_ghost(c: &mut FmCounter) {
    c.total = 0;
}

// a binding of a ghost field is a ghost variable
// expect: verified
fn fm_destructure(c: FmCounter) -> (r: u64)
    ensures r == c.count,
{
    let FmCounter { total, count } = c;
    assert(total == c.total);
    count
}

// expect: error
fn fm_destructure_exec_use(c: FmCounter) -> u64 {
    let FmCounter { total, count } = c;
    if total == 0 { 0 } else { count }
}

// (the compiled value has no ghost field, so exec `==` would compare less than spec `==`)
// expect: unsupported
fn fm_exec_eq(a: FmCounter, b: FmCounter) -> bool {
    a == b
}

// expect: verified
proof fn fm_consume(tracked t: FmToken) {}

// reading a ghost field moves nothing; the tracked field moves once
// expect: verified
proof fn fm_move_once(tracked t: FmToken) {
    let tracked p = FmPair { tag: 1, tok: t };
    let g = p.tag;
    let h = p.tag;
    fm_consume(p.tok);
}

// expect: error
proof fn fm_move_twice(tracked t: FmToken) {
    let tracked p = FmPair { tag: 1, tok: t };
    fm_consume(p.tok);
    fm_consume(p.tok);
}

// a ghost field holds a spec value: not a tracked one
// expect: error
proof fn fm_ghost_as_tracked(tracked p: FmPair) {
    let tracked x = p.tag;
}

// rustc E0382
// expect: error
proof fn fm_assign_after_move(tracked t: FmToken) {
    let tracked mut p = FmPair { tag: 1, tok: t };
    let tracked q = p;
    p.tag = 2;
}

// expect: verified
proof fn fm_tracked_ghost_write(tracked t: FmToken) {
    let tracked mut p = FmPair { tag: 1, tok: t };
    p.tag = 2;
    assert(p.tag == 2);
}

// expect: failed assertion
proof fn fm_tracked_ghost_write_wrong(tracked t: FmToken) {
    let tracked mut p = FmPair { tag: 1, tok: t };
    p.tag = 2;
    assert(p.tag == 1);
}

impl FmToken {
    // expect: verified
    proof fn fm_long<'a>(tracked &'a mut self) -> (tracked r: &'a FmToken) {
        &*self
    }

    // expect: verified
    proof fn fm_touch(tracked &mut self) {}
}

// a reference kept in a variable borrows the place it came from while it may be used (rustc's
// borrow check is not modelled: a later use of the place is not checked against it); here `r` is
// never used again, so the borrow is over (non-lexical lifetimes)
// expect: verified
proof fn fm_write_after_borrow(tracked t: FmToken) {
    let tracked mut p = FmPair { tag: 1, tok: t };
    let tracked r = p.tok.fm_long();
    p.tok.fm_touch();
}

// expect: unsupported
proof fn fm_write_while_borrowed(tracked t: FmToken) {
    let tracked mut p = FmPair { tag: 1, tok: t };
    let tracked r = p.tok.fm_long();
    p.tok.fm_touch();
    let tracked s = r;
}

struct FmHolder { tracked tok: FmToken, n: u64 }

// (what exec code may move into a tracked field is not modelled)
// expect: unsupported
fn fm_exec_builds_tracked(n: u64) -> FmHolder {
    FmHolder { tok: FmToken { id: 0 }, n }
}

tracked struct FmBounded {
    ghost lo: int,
    ghost hi: int,
}

impl FmBounded {
    // expect: verified
    #[verifier::type_invariant]
    spec fn fm_inv(&self) -> bool {
        self.lo <= self.hi
    }
}

// writing a ghost field of a tracked value asserts its invariant
// expect: verified
proof fn fm_inv_kept() {
    let tracked mut b = FmBounded { lo: 1, hi: 5 };
    b.hi = 6;
}

// expect: failed assertion
proof fn fm_inv_broken() {
    let tracked mut b = FmBounded { lo: 1, hi: 5 };
    b.hi = 0;
}

// ---- a tuple struct's field modes: `struct S(ghost A, B)`, as the named form

struct FmGhostPair(ghost FmToken, u64);

// A ghost field's value is spec: building it reads a tracked place without moving it.
// expect: verified
proof fn fm_tuple_ghost_field_reads(tracked t: &FmToken) {
    let tracked s = FmTupleGhost(t.id_ghost(), t.id_ghost());
}

struct FmTupleGhost(ghost FmToken, ghost FmToken);

impl FmToken {
    // expect: verified
    spec fn id_ghost(&self) -> FmToken { *self }
}

// expect: verified
proof fn fm_tuple_ghost_from_tracked_ref(tracked x: &FmToken) {
    let tracked s = FmTupleGhost(*x, *x);
    assert(s.0 == *x);
}

tracked struct FmTrackedOne(tracked FmToken, ghost FmToken);

// A tracked field takes a proof-mode value: a spec one would forge it.
// expect: error
proof fn fm_tuple_tracked_field_from_spec(t: FmToken, tracked u: FmToken) {
    let tracked s = FmTrackedOne(t, u);
}

// expect: verified
proof fn fm_tuple_tracked_field_from_tracked(t: FmToken, tracked u: FmToken) {
    let tracked s = FmTrackedOne(u, t);
}

// Exec code may not read a ghost field of a tuple struct.
// expect: error
fn fm_tuple_ghost_field_in_exec(p: FmGhostPair) -> u64 {
    let t = p.0;
    p.1
}

// A binding of a ghost field is spec: exec code cannot use it.
// expect: error
fn fm_tuple_ghost_binding_in_exec(p: FmGhostPair) -> u64 {
    let FmGhostPair(g, n) = p;
    g.id
}

// expect: verified
fn fm_tuple_exec_field(p: FmGhostPair) -> (r: u64) ensures r == p.1 {
    let FmGhostPair(_, n) = p;
    n
}

// expect: failed postcondition
fn fm_tuple_exec_field_wrong(p: FmGhostPair) -> (r: u64) ensures r == p.1 + 1 {
    p.1
}

// ---- Verus's `shr_ref_struct_wrap(r, &t, "", "f")`: a tracked `&X` whose field `f` is `*r`
// and whose other (ghost) fields are the template's

tracked struct FmInner { ghost v: int }

tracked struct FmOuter {
    ghost tag: int,
    tracked g: Ghost<int>,
    tracked inner: FmInner,
}

// expect: verified
uninterp spec fn fm_arbitrary<A>() -> A;

// expect: verified
proof fn fm_wrap(tracked r: &FmInner) -> (tracked x: &FmOuter)
    ensures x.inner == *r, x.tag == 7, x.g@ == 3,
{
    shr_ref_struct_wrap(r, &FmOuter { tag: 7, g: Ghost(3), inner: fm_arbitrary() }, "", "inner")
}

// expect: failed postcondition
proof fn fm_wrap_wrong(tracked r: &FmInner) -> (tracked x: &FmOuter)
    ensures x.tag == 8,
{
    shr_ref_struct_wrap(r, &FmOuter { tag: 7, g: Ghost(3), inner: fm_arbitrary() }, "", "inner")
}

// A spec reference cannot become the tracked field.
// expect: error
proof fn fm_wrap_spec_ref(r: &FmInner) -> (tracked x: &FmOuter) {
    shr_ref_struct_wrap(r, &FmOuter { tag: 7, g: Ghost(3), inner: fm_arbitrary() }, "", "inner")
}

// expect: error
proof fn fm_wrap_ghost_field(tracked r: &int) -> (tracked x: &FmOuter) {
    shr_ref_struct_wrap(r, &fm_arbitrary(), "", "tag")
}

tracked struct FmTwoTracked { tracked a: FmInner, tracked b: FmInner }

// Another tracked field would be forged from the (spec) template.
// expect: error
proof fn fm_wrap_other_tracked(tracked r: &FmInner) -> (tracked x: &FmTwoTracked) {
    shr_ref_struct_wrap(r, &fm_arbitrary(), "", "a")
}

// expect: error
fn fm_wrap_in_exec(r: &FmToken) {
    let x = shr_ref_struct_wrap(r, &FmGhostPair(*r, 1), "", "1");
}

// expect: error
proof fn fm_wrap_tuple(tracked r: &int) {
    let tracked t = shr_ref_struct_wrap(r, &(1int, 2int), "", "0");
}

// The reference borrows `*r`'s place: writing it while the reference is kept is rustc's error
// (references are copies here: not modelled).
// expect: unsupported
proof fn fm_wrap_then_write() {
    let tracked mut y = FmInner { v: 0 };
    let tracked k = shr_ref_struct_wrap(&y, &FmOuter { tag: 0, g: Ghost(0), inner: fm_arbitrary() }, "", "inner");
    y = FmInner { v: 1 };
    let tracked z = k;
}

tracked struct FmWithInv { ghost g: int, tracked inner: FmInner }

// expect: verified
#[verifier::type_invariant]
spec fn fm_with_inv(x: &FmWithInv) -> bool {
    x.inner.v == x.g
}

// The value made must keep the struct's type invariant.
// expect: verified
proof fn fm_wrap_keeps_invariant(tracked r: &FmInner) -> (tracked x: &FmWithInv) {
    shr_ref_struct_wrap(r, &FmWithInv { g: r.v, inner: fm_arbitrary() }, "", "inner")
}

// expect: failed assertion
proof fn fm_wrap_breaks_invariant(tracked r: &FmInner) -> (tracked x: &FmWithInv) {
    shr_ref_struct_wrap(r, &FmWithInv { g: r.v + 1, inner: fm_arbitrary() }, "", "inner")
}

// ---- an enum variant's field modes: `V { ghost f: T }`, `V(tracked T)`, as a struct's fields

enum FmShape {
    Circle { r: u64, ghost area: int },
    Dot(u64, ghost int),
}

// A ghost field's value is spec (an `int` built in exec code's ghost part).
// expect: verified
fn fm_enum_ghost_field_built(r: u64) -> (s: FmShape)
    ensures s is Circle && s->Circle_area == r * r,
{
    FmShape::Circle { r, area: r * r }
}

// expect: failed postcondition
fn fm_enum_ghost_field_built_wrong(r: u64) -> (s: FmShape)
    ensures s is Circle && s->Circle_area == r,
{
    FmShape::Circle { r, area: r * r }
}

// Exec code may not use a ghost field's binding.
// expect: error
fn fm_enum_ghost_binding_in_exec(s: FmShape) -> u64 {
    match s {
        FmShape::Circle { r, area } => area as u64,
        FmShape::Dot(x, g) => x,
    }
}

// expect: error
fn fm_enum_ghost_tuple_binding_in_exec(s: FmShape) -> u64 {
    match s {
        FmShape::Circle { r, area } => r,
        FmShape::Dot(x, g) => g as u64,
    }
}

// expect: verified
fn fm_enum_exec_fields(s: FmShape) -> (n: u64)
    ensures s is Dot ==> n == s->Dot_0,
{
    match s {
        FmShape::Circle { r, area } => r,
        FmShape::Dot(x, g) => x,
    }
}

tracked enum FmTrackedEnum {
    Has { tracked tok: FmInner, ghost note: int },
    Not(ghost int),
}

// A tracked field takes a proof-mode value; a ghost one a spec value.
// expect: error
proof fn fm_enum_tracked_field_from_spec(t: FmInner) {
    let tracked e = FmTrackedEnum::Has { tok: t, note: 0 };
}

// expect: verified
proof fn fm_enum_tracked_field_from_tracked(tracked t: FmInner, n: int) {
    let tracked e = FmTrackedEnum::Has { tok: t, note: n };
}

// `shr_ref_struct_wrap` of an enum's variant: the others fields are read from the template
// expect: verified
proof fn fm_wrap_variant(tracked r: &FmInner) -> (tracked x: &FmTrackedEnum)
    ensures x is Has && x->Has_tok == *r && x->Has_note == 5,
{
    shr_ref_struct_wrap(r, &FmTrackedEnum::Has { tok: fm_arbitrary(), note: 5 }, "Has", "tok")
}

// expect: error
proof fn fm_wrap_no_variant(tracked r: &FmInner) -> (tracked x: &FmTrackedEnum) {
    shr_ref_struct_wrap(r, &fm_arbitrary(), "", "tok")
}

// Verus's older spelling of a field's mode: `#[verifier::spec]` is `ghost`, `#[verifier::exec]` none.
struct FmOld(#[verifier::spec] u64, #[verifier::exec] u8);

// expect: error
fn fm_old_ghost_in_exec(s: FmOld) -> u64 {
    s.0
}

// expect: verified
fn fm_old_exec_field(s: FmOld) -> (r: u8)
    ensures r == s.1,
{
    s.1
}

} // verus!
