// Modes of places, mutable borrows and datatype well-formedness (the checking phase): each
// program Verus or rustc rejects sits next to a close one that must still verify.
use vstd::prelude::*;
use std::mem::ManuallyDrop;

verus! {

// expect: verified
fn bump(x: &mut u8)
    requires *old(x) < 200,
    ensures *x == *old(x) + 1,
{
    *x = *x + 1;
}

// expect: verified
fn bump_both(x: &mut u8, y: &mut u8)
    requires *old(x) < 200, *old(y) < 200,
    ensures *x == *old(x) + 1, *y == *old(y) + 1,
{
    bump(x);
    bump(y);
}

// expect: verified
fn borrow_mut_binding() {
    let mut v: u8 = 6;
    bump(&mut v);
    assert(v == 7);
}

// expect: error
fn borrow_immutable_binding() {
    let v: u8 = 6;
    bump(&mut v);
}

// expect: verified
fn borrow_two_places() {
    let mut a: u8 = 1;
    let mut b: u8 = 2;
    bump_both(&mut a, &mut b);
    assert(a == 2 && b == 3);
}

// expect: error
fn borrow_one_place_twice() {
    let mut a: u8 = 1;
    bump_both(&mut a, &mut a);
}

// expect: error
fn reborrow_param_twice(x: &mut u8)
    requires *old(x) < 100,
{
    bump_both(x, x);
}

// expect: error
fn assign_immutable() -> (r: u8) {
    let r = 1;
    r = 2;
    r
}

// `let ref mut y = x;` is the borrow `let y = &mut x;` (local-borrows.rs): the write reaches x
// expect: failed assertion
fn ref_mut_binding() {
    let mut x: u8 = 0;
    let ref mut y = x;
    *y = 20;
    assert(x == 0);
}

// expect: error
proof fn borrow_ghost_place() {
    let ghost mut g: int = 3;
    let r = &mut g;
}

// expect: error
proof fn mutate_through_spec_ref(a: &mut u64) {
    *a = 1;
}

// expect: verified
proof fn consume(tracked x: bool) {}

// expect: verified
proof fn pass_tracked(tracked x: bool) {
    consume(x);
}

// expect: error
proof fn pass_spec_as_tracked(x: bool) {
    consume(x);
}

// expect: error
proof fn tracked_in_assert_by(tracked x: bool) {
    assert(true) by {
        consume(x);
    }
}

// expect: error
fn borrow_in_assert_by() {
    let mut a: u8 = 24;
    assert(true) by {
        let x = &mut a;
    }
}

// expect: verified
fn exec_ghost_let() {
    let mut a: u8 = 24;
    let ghost g = a;
    a = a + 1;
    assert(a == g + 1);
}

// expect: failed assertion
fn exec_ghost_let_stale() {
    let mut a: u8 = 24;
    let ghost g = a;
    a = a + 1;
    assert(a == g);
}

// expect: failed precondition
fn borrow_mut_binding_overflow() {
    let mut v: u8 = 250;
    bump(&mut v);
}

// SMT-LIB's value of a division by zero differs per width: were it provable in by(bit_vector),
// the two facts together would prove `false` (a division by zero is some value there instead)
// expect: failed assertion
fn bv_division_by_zero_widths(y: u8, z: u32)
    requires y == 0, z == 0,
{
    assert(y != 0 || 1u8 / y == 255u8) by(bit_vector);
    assert(z != 0 || 1u32 / z == 0xffff_ffffu32) by(bit_vector);
    assert(1u8 / y == 1u32 / z);
    assert(false);
}

// expect: verified
fn bv_division_by_literal(va: u64) {
    assert((va >> 12u64) & 511u64 == (va / 4096u64) % 512u64) by(bit_vector);
}

// expect: error
fn local_mut_ref_alias() {
    let mut x: u8 = 0;
    let mut r = &mut x;
    *r = 5;
    assert(x == 0);
}

// expect: error
fn moved_mut_param(x: &mut u8)
    requires *old(x) == 0,
{
    let r = x;
    bump(r);
    assert(*x == 0);
}

// expect: error
fn match_on_mut_ref() {
    let mut o: Option<u8> = Some(0);
    match &mut o {
        Some(v) => { bump(v); }
        None => {}
    }
    assert(o == Some(0u8));
}

// (Verus's finite Set accepts recursive types; our sets are not finite: a function using the
// type is unsupported)
struct SetOfSelf {
    children: Set<SetOfSelf>,
}

enum MapOfSelf {
    Leaf,
    Node(Map<int, MapOfSelf>),
}

// expect: unsupported
proof fn uses_set_of_self(s: SetOfSelf) {
    assert(s.children.contains(s) || !s.children.contains(s));
}

// expect: error
struct ISetOfSelf {
    children: ISet<ISetOfSelf>,
}

// ---- tracked values of user datatypes are moved unless they derive Copy (rustc's move check)
struct TrackedToken;

#[derive(Clone, Copy)]
struct CopyToken {
    n: u64,
}

// expect: error
proof fn tracked_token_twice(tracked t: TrackedToken) -> (tracked r: (TrackedToken, TrackedToken)) {
    (t, t)
}

// expect: verified
proof fn tracked_token_once(tracked t: TrackedToken) -> (tracked r: TrackedToken) {
    t
}

// expect: verified
proof fn tracked_copy_token_twice(tracked c: CopyToken) -> (tracked r: (CopyToken, CopyToken))
    ensures r.0.n == c.n && r.1.n == c.n,
{
    (c, c)
}

// A ghost value is not moved: spec code copies.
// expect: verified
proof fn ghost_token_twice(t: TrackedToken) -> (r: (TrackedToken, TrackedToken)) {
    (t, t)
}

// expect: verified
proof fn tracked_token_spec_use(t: TrackedToken) {}
// expect: verified
proof fn tracked_token_take(tracked t: TrackedToken) {}

// A tracked value given to a parameter that is not `tracked` is copied (a spec use), not moved.
// expect: verified
proof fn tracked_token_spec_then_tracked(tracked t: TrackedToken) {
    tracked_token_spec_use(t);
    tracked_token_take(t);
}

// expect: error
proof fn tracked_token_tracked_twice(tracked t: TrackedToken) {
    tracked_token_take(t);
    tracked_token_take(t);
}

// expect: failed postcondition
proof fn tracked_copy_token_wrong(tracked c: CopyToken) -> (tracked r: (CopyToken, CopyToken))
    ensures r.0.n == c.n + 1,
{
    (c, c)
}

// ---- wrappers: `get()` moves, `borrow_mut()` is a `&mut`, ghost writes need a place not moved

pub struct WX { }
// expect: verified
proof fn wx_take_two(tracked x: WX, tracked y: WX) {}
// expect: verified
proof fn wx_mut_two(tracked x: &mut u8, tracked y: &mut u8) {}
// expect: verified
proof fn wx_mut_one(tracked x: &mut u8) {}
pub struct WG { pub a: Ghost<u64> }
// expect: verified
fn wx_consume<T>(t: T) { }

// expect: error
fn wx_get_twice(x: Tracked<WX>, y: Tracked<WX>) {
    proof { wx_take_two(x.get(), x.get()) }
}

// expect: verified
fn wx_get_each(x: Tracked<WX>, y: Tracked<WX>) {
    proof { wx_take_two(x.get(), y.get()) }
}

// expect: error
fn wx_borrow_mut_twice(x: Tracked<u8>) {
    let mut x = x;
    proof { wx_mut_two(x.borrow_mut(), x.borrow_mut()); }
}

// expect: verified
fn wx_borrow_mut_in_turn(x: Tracked<u8>) {
    let mut x = x;
    proof {
        wx_mut_one(x.borrow_mut());
        wx_mut_one(x.borrow_mut());
    }
}

// expect: error
fn wx_write_after_move() {
    let mut x = WG { a: Ghost(3u64) };
    wx_consume(x);
    proof { x.a@ = 30; }
}

// expect: verified
fn wx_write_before_move() {
    let mut x = WG { a: Ghost(3u64) };
    proof { x.a@ = 30; }
    wx_consume(x);
}

pub struct WPair<A, B>(pub Tracked<A>, pub Ghost<B>);

// expect: error
fn wx_move_out_of_borrow_mut<Y>(t0: WPair<Y, Y>) {
    let mut t = t0;
    proof { let tracked y = *t.0.borrow_mut(); }
}

// (a `Ghost`'s value is a spec value: copied out of the borrow, never moved)
// expect: verified
fn wx_copy_out_of_ghost_borrow_mut<Y>(t0: WPair<Y, Y>) {
    let mut t = t0;
    proof {
        let y = *t.1.borrow_mut();
        let z = *t.1.borrow_mut();
        assert(y == z);
    }
}

// Writing a tracked struct's `Ghost` field reads the struct as a place, not a use (no move).
pub struct WTG { pub g: Ghost<u64> }

// expect: verified
proof fn wx_tracked_struct_ghost_write(tracked t: WTG) -> (tracked r: WTG)
    ensures r.g@ == 5,
{
    let tracked mut t = t;
    t.g@ = 5;
    t
}

// expect: failed postcondition
proof fn wx_tracked_struct_ghost_write_wrong(tracked t: WTG) -> (tracked r: WTG)
    ensures r.g@ == 6,
{
    let tracked mut t = t;
    t.g@ = 5;
    t
}


// `tracked enum` / `ghost struct`: datatypes whose values exist only in ghost code
tracked enum TkToken {
    Full { amount: int },
    Empty,
}

ghost struct GhBox {
    v: int,
}

// expect: verified
proof fn tk_make(tracked n: int) -> (tracked t: TkToken)
    ensures t is Full, t->amount == n,
{
    TkToken::Full { amount: n }
}

// A variant's fields have the tracked datatype's mode: a spec value does not make a tracked one
// (as `TkToken::Full(n)` of a tuple variant would not).
// expect: error
proof fn tk_make_from_spec(n: int) -> (tracked t: TkToken) {
    TkToken::Full { amount: n }
}

// expect: failed assertion
proof fn tk_match_wrong(tracked t: TkToken)
    requires t is Full ==> t->amount == 3,
{
    match t {
        TkToken::Full { amount } => assert(amount == 4),
        TkToken::Empty => {}
    }
}

// expect: verified
proof fn gh_box_spec(n: int) {
    let b = GhBox { v: n };
    assert(b.v == n);
}

// expect: error
fn tk_built_in_exec() {
    let t = TkToken::Empty;
}

// expect: error
fn gh_built_in_exec(n: u8) {
    let b = GhBox { v: n as int };
}

// expect: verified
fn tk_built_in_proof_block() {
    proof {
        let tracked t = TkToken::Empty;
    }
}


// `final(x)`: a `&mut` parameter's value at the return (Verus's current postcondition style)
// expect: verified
fn fin_add1(a: &mut u64)
    requires *old(a) < 10,
    ensures *final(a) == *old(a) + 1,
{
    *a = *a + 1;
}

// expect: verified
fn fin_add1_caller() {
    let mut a = 2;
    fin_add1(&mut a);
    assert(a == 3);
}

// expect: failed assertion
fn fin_add1_caller_wrong() {
    let mut a = 2;
    fin_add1(&mut a);
    assert(a == 2);
}

// expect: failed postcondition
fn fin_add2_wrong(a: &mut u64)
    requires *old(a) < 10,
    ensures *final(a) == *old(a) + 2,
{
    *a = *a + 1;
}

// expect: failed postcondition
fn fin_array_wrong(ar: &mut [u8; 4])
    ensures final(ar)[0] == 2, final(ar)[1] == old(ar)[1],
{
    ar[0] = 1;
}

// expect: error
fn fin_mixed_bare(a: &mut u64)
    requires *old(a) < 10,
    ensures *final(a) == *old(a) + 1, *a > 0,
{
    *a = *a + 1;
}

// expect: error
fn fin_not_a_mut_ref(a: u64)
    ensures final(a) == a,
{
}

// expect: unsupported
fn fin_in_body(a: &mut u64) {
    assert(*final(a) == *final(a));
}

// Verus's functions of a `&mut` value's current and final values: typed, and where a prophecy
// may not go (a spec fn not marked prophetic) refused; the prophecy model itself is not modelled
// expect: unsupported
fn pr_has_resolved(a: &mut u64) {
    assert(has_resolved(a));
}

// expect: unsupported
fn pr_mut_ref_future(a: &mut u64)
    ensures mut_ref_future(a) == 20,
{
    *a = 20;
}

// expect: error
spec fn pr_future_in_spec(x: &mut u64) -> u64 {
    mut_ref_future(x)
}

// expect: error
spec fn pr_final_in_spec(x: &mut u64) -> u64 {
    *final(x)
}

// expect: unsupported
#[verifier::prophetic]
spec fn pr_future_in_prophetic_spec(x: &mut u64) -> u64 {
    mut_ref_future(x)
}

// expect: error
fn pr_after_borrow_not_a_place() {
    let mut x: u64 = 0;
    proof {
        let ghost g = after_borrow(x + 1);
    }
}

// `#[verifier::deprecated_postcondition_mut_ref_style(true)]`: bare `*a` is the value at the return
// expect: verified
#[verifier::deprecated_postcondition_mut_ref_style(true)]
fn dep_add1(a: &mut u8)
    requires *old(a) < 255,
    ensures *a == *old(a) + 1,
{
    *a = *a + 1;
}

// expect: failed postcondition
#[verifier::deprecated_postcondition_mut_ref_style(true)]
fn dep_add1_wrong(a: &mut u8)
    requires *old(a) < 254,
    ensures *a == *old(a) + 1,
{
    *a = *a + 2;
}

// (Verus: "to use `final`, disable mut-ref backwards-compatability")
// expect: error
#[verifier::deprecated_postcondition_mut_ref_style(true)]
fn dep_with_final(a: &mut u8)
    ensures *final(a) == *old(a),
{
}

// (Verus: the reference itself may not be compared in this style)
// expect: error
#[verifier::deprecated_postcondition_mut_ref_style(true)]
fn dep_compares_reference(a: &mut u8)
    ensures a == a,
{
}


// re-pointing a `&mut` parameter: the caller's place no longer changes through it
// expect: unsupported
#[verifier::external_body]
fn rp_leak_ref<'a>() -> &'a mut u64 {
    unimplemented!()
}

// expect: unsupported
fn rp_repoint_param(mut a: &mut u64)
    ensures
        *final(a) == 5,
{
    a = rp_leak_ref();
    *a = 5;
}

// expect: unsupported
fn rp_mut_refs_in_array() {
    let mut a: u64 = 0;
    let mut b: u64 = 1;
    let mut refs = [&mut a, &mut b];
}

// expect: error
proof fn rp_let_else_in_proof(o: Option<u8>) -> u8 {
    let Some(v) = o else { return 0; };
    v
}

tracked struct RpT {}

// expect: error
proof fn rp_write_box_in_proof(tracked m: &mut Box<Tracked<RpT>>) {
    *m = Box::new(Tracked(RpT {}));
}

// expect: verified
proof fn rp_write_through_box_in_proof(tracked m: &mut Box<Tracked<RpT>>) {
    **m = Tracked(RpT {});
}

// ---- a `-> Ghost<T>` result computed by an `if`: its branches' statements stay exec code

// expect: verified
proof fn gtl_lemma() ensures true {}

// expect: verified
fn gtl_branches(depth: usize, s: Ghost<Set<int>>) -> (ret: Ghost<Set<int>>)
    ensures ret@.contains(1) || ret@ == s@,
{
    if depth == 0 {
        assert(depth == 0) by { gtl_lemma(); };
        Ghost(s@.insert(1))
    } else {
        let x: u64 = 5;
        Ghost(s@)
    }
}

// expect: failed assertion
fn gtl_branches_still_checked(depth: usize, s: Ghost<Set<int>>) -> (ret: Ghost<Set<int>>) {
    if depth == 0 {
        assert(depth == 1) by { gtl_lemma(); };
        Ghost(s@)
    } else {
        Ghost(s@)
    }
}

// ---- `Tracked(x)` in spec code is a spec value: it moves nothing

pub struct MdToken;

// expect: verified
fn md_tracked_in_ghost_block(Tracked(t): Tracked<MdToken>) -> Tracked<MdToken> {
    let ghost g = { let z = Tracked(t); Tracked(t) };
    Tracked(t)
}

// In exec code it moves the tracked value: twice is rustc's error.
// expect: error
fn md_tracked_moved_twice(Tracked(t): Tracked<MdToken>) -> (Tracked<MdToken>, Tracked<MdToken>) {
    (Tracked(t), Tracked(t))
}

// Verus's older spelling of a parameter's mode: `#[verifier::proof] t: T` is `tracked t: T`,
// `#[verifier::spec] t: T` is a spec parameter
// expect: verified
proof fn md_attr_proof_param_is_tracked(#[verifier::proof] t: TrackedToken) -> (tracked r: TrackedToken) {
    t
}

// expect: error
proof fn md_attr_proof_param_moved_twice(#[verifier::proof] t: TrackedToken) -> (tracked r: (TrackedToken, TrackedToken)) {
    (t, t)
}

// expect: error
proof fn md_attr_spec_param_is_not_tracked(#[verifier::spec] t: TrackedToken) -> (tracked r: TrackedToken) {
    t
}

// a tracked value is never made from a spec one (it would forge the resource it stands for)
// expect: error
proof fn md_spec_param_as_tracked_result(t: TrackedToken) -> (tracked r: TrackedToken) {
    t
}

// expect: error
proof fn md_spec_param_as_tracked_result_by_return(t: TrackedToken, b: bool) -> (tracked r: TrackedToken) {
    if b {
        return t;
    }
    t
}

// expect: error
fn md_ghost_into_tracked(Ghost(t): Ghost<TrackedToken>) -> Tracked<TrackedToken> {
    Tracked(t)
}

// expect: verified
fn md_tracked_into_tracked(Tracked(t): Tracked<TrackedToken>) -> Tracked<TrackedToken> {
    Tracked(t)
}

// A tracked value is never made from a spec one: a spec fn's result, or a proof fn's result that
// is not `tracked`, is a description of a resource, not the resource (Verus: "expression has mode
// spec, expected mode proof"). Before, only a spec local was refused there, and a permission
// could be forged from `arbitrary()`.
struct Perm { id: int }

// expect: verified
spec fn describe(id: int) -> Perm;

// expect: verified
proof fn perm_described(id: int) -> (p: Perm)
    ensures p == describe(id),
{
    describe(id)
}

// expect: verified
proof fn perm_pass(tracked p: Perm) -> (tracked q: Perm)
    ensures q == p,
{
    p
}

// expect: verified
proof fn perm_take(tracked p: Perm) {}

// expect: error
proof fn perm_forged_result(id: int) -> (tracked p: Perm) {
    describe(id)
}

// expect: error
proof fn perm_forged_arbitrary() -> (tracked p: Perm) {
    arbitrary()
}

// expect: error
proof fn perm_forged_branch(c: bool, tracked q: Perm) -> (tracked p: Perm) {
    if c { q } else { describe(0) }
}

// expect: error
proof fn perm_forged_let(id: int) {
    let tracked p = perm_described(id);
}

// expect: error
proof fn perm_forged_argument(id: int) {
    perm_take(describe(id));
}

// expect: error
proof fn perm_forged_assignment(tracked q: Perm) {
    let tracked mut p = q;
    p = describe(1);
}

// expect: error
fn perm_forged_wrapper() {
    let t: Tracked<Perm> = Tracked(describe(2));
}

// expect: error
proof fn perm_forged_choose() {
    let tracked p = choose|p: Perm| p.id == 3;
}

// expect: error
proof fn perm_forged_inside() -> (tracked p: Option<Perm>) {
    Some(describe(4))
}

// expect: error
proof fn perm_forged_tuple(tracked q: Perm) -> (tracked p: (Perm, Perm)) {
    (q, describe(5))
}

enum PermSlot {
    Held { p: Perm },
    Empty,
}

// A variant's brace fields are judged as a variant call's arguments.
// expect: error
proof fn perm_forged_brace_variant() -> (tracked s: PermSlot) {
    PermSlot::Held { p: describe(6) }
}

// expect: verified
proof fn perm_held_brace_variant(tracked q: Perm) -> (tracked s: PermSlot) {
    PermSlot::Held { p: q }
}

impl Perm {
    // expect: verified
    proof fn consume(tracked self) {}
}

// expect: error
proof fn perm_forged_receiver() {
    describe(8).consume();
}

// expect: verified
proof fn perm_consumed(tracked q: Perm) {
    q.consume();
}

// Matching a spec value binds spec values.
// expect: error
proof fn perm_forged_match() {
    match describe(9) {
        p => {
            let tracked q = p;
        }
    }
}

// A spec `Option`'s `tracked_unwrap()` (a `tracked self` receiver).
// expect: error
proof fn perm_forged_unwrap(o: Option<Perm>) -> (tracked p: Perm)
    requires o is Some,
{
    o.tracked_unwrap()
}

// expect: verified
proof fn perm_unwrapped(tracked o: Option<Perm>) -> (tracked p: Perm)
    requires o is Some,
{
    o.tracked_unwrap()
}

// A `Ghost`'s value (`g@`, `g.borrow()`) and any value's view are spec, also of a `Tracked`
// (its tracked value is `t.get()` / `t.borrow()`).
// expect: error
fn perm_forged_ghost_view(g: Ghost<Perm>) {
    proof {
        perm_take(g@);
    }
}

// expect: error
fn perm_forged_ghost_borrow(g: Ghost<Perm>) {
    proof {
        let tracked p = g.borrow();
    }
}

// expect: error
fn perm_forged_tracked_view(t: Tracked<Perm>) -> Tracked<Perm> {
    Tracked(t@)
}

// expect: verified
fn perm_tracked_get(t: Tracked<Perm>) {
    proof {
        perm_take(t.get());
    }
}

struct PermBox { tracked p: Perm, ghost note: int }

// expect: error
proof fn perm_forged_field() -> (tracked b: PermBox) {
    PermBox { p: describe(6), note: 0 }
}

// expect: verified
proof fn perm_boxed(tracked q: Perm) -> (tracked b: PermBox) {
    PermBox { p: q, note: describe(7).id }
}

// expect: verified
proof fn perm_wrapped(tracked q: Perm) -> (tracked p: (Option<Perm>, u8)) {
    (Some(q), 3)
}

// A `Ghost` holds a spec value by design: `Ghost(..)` of one is no resource.
// expect: verified
proof fn perm_ghost_wrapped() {
    let tracked g = Ghost(describe(3));
}

// expect: verified
proof fn perm_moved_on(tracked q: Perm) {
    let tracked p = perm_pass(q);
    perm_take(p);
}

// rustc's types keep `Ghost<T>` / `Tracked<T>` apart from `T` (the resolver erases them): a value
// without the wrapper where one is written, or a wrapped one where none is, is refused.
struct WrapHolder {
    g: Ghost<u8>,
}

// expect: verified
fn wrap_takes_ghost(x: Ghost<u8>) {
}

// expect: error
fn wrap_let_plain_as_ghost() {
    let x: Ghost<u8> = 3u8;
}

// expect: error
fn wrap_arg_plain_as_ghost() {
    wrap_takes_ghost(3u8);
}

// expect: error
fn wrap_result_plain_as_ghost() -> (r: Ghost<u8>) {
    3u8
}

// expect: error
fn wrap_return_plain_as_tracked(x: u8) -> (r: Tracked<u8>) {
    return x;
}

// expect: error
fn wrap_field_plain_as_ghost() {
    let h = WrapHolder { g: 3u8 };
}

// expect: error
fn wrap_ghost_field_as_plain(h: WrapHolder) -> (r: u8) {
    h.g
}

// expect: verified
fn wrap_agreeing(x: Ghost<u8>) -> (r: Ghost<u8>)
    ensures r@ == x@,
{
    wrap_takes_ghost(x);
    let y: Ghost<u8> = x;
    let z = Ghost(4u8);
    wrap_takes_ghost(z);
    let h = WrapHolder { g: y };
    h.g
}

// A field that a struct not declared `tracked` gives no mode is an exec-mode place, also in a
// tracked value: the ghost code of an exec fn may not write it (Verus).
struct ExecFields {
    a: u64,
}

tracked struct TrackedFields {
    ghost a: u64,
    b: u64,
}

// expect: error
fn exec_field_written_in_ghost_code(Tracked(x): Tracked<&mut ExecFields>) {
    proof {
        x.a = 5;
    }
}

// expect: error
fn exec_field_of_tracked_local_written_in_ghost_code(Tracked(x): Tracked<ExecFields>) {
    let tracked mut y = x;
    proof {
        y.a = 5;
    }
}

// expect: verified
fn tracked_fields_written_in_ghost_code(Tracked(x): Tracked<&mut TrackedFields>)
    ensures
        final(x).a == 5,
        final(x).b == 6,
{
    proof {
        x.a = 5;
        x.b = 6;
    }
}


// vstd::modes::tracked_swap: ghost code swaps two tracked places (never exec ones)
tracked struct TsBox { ghost v: int }

// expect: verified
proof fn ts_swap_locals() {
    let tracked mut a = TsBox { v: 1 };
    let tracked mut b = TsBox { v: 2 };
    vstd::modes::tracked_swap(&mut a, &mut b);
    assert(a.v == 2 && b.v == 1);
}

// expect: failed assertion
proof fn ts_swap_wrong() {
    let tracked mut a = TsBox { v: 1 };
    let tracked mut b = TsBox { v: 2 };
    tracked_swap(&mut a, &mut b);
    assert(a.v == 1);
}

// expect: verified
fn ts_swap_params(Tracked(x): Tracked<&mut TsBox>, Tracked(y): Tracked<&mut TsBox>)
    ensures final(x).v == old(y).v, final(y).v == old(x).v,
{
    proof { tracked_swap(x, y); }
}

// (Verus: "cannot mutate exec-mode place in ghost code")
// expect: error
fn ts_swap_exec_params(x: &mut u32, y: &mut u32) {
    proof { tracked_swap(x, y); }
}

// expect: error
fn ts_swap_exec_local() {
    let mut a: u32 = 0;
    let tracked mut b: u32 = 0;
    proof { tracked_swap(&mut a, &mut b); }
}

struct TsExecField { a: u64 }

// (a field that a non-`tracked` struct declares without a mode is an exec-mode place)
// expect: error
fn ts_swap_exec_fields(Tracked(x): Tracked<&mut TsExecField>, Tracked(y): Tracked<&mut TsExecField>) {
    proof { tracked_swap(&mut x.a, &mut y.a); }
}

// (Verus refuses a whole `Option` here, on rules for which types ghost code may write)
// expect: unsupported
fn ts_swap_options(Tracked(x): Tracked<&mut Option<TsBox>>, Tracked(y): Tracked<&mut Option<TsBox>>) {
    proof { tracked_swap(x, y); }
}


// Verus's `mut_ref_tracked(r)`: a `&mut T` of a tracked place seen as a `&mut Tracked<T>` in proof code
// expect: verified
proof fn mrt_set(tracked t: &mut Tracked<u64>)
    ensures **final(t) == 20,
{
    **t = 20;
}

// expect: verified
fn mrt_tracked_local() {
    let tracked mut u: u64 = 0;
    proof { mrt_set(mut_ref_tracked(&mut u)); }
    assert(u == 20);
}

// expect: failed assertion
fn mrt_tracked_local_wrong() {
    let tracked mut u: u64 = 0;
    proof { mrt_set(mut_ref_tracked(&mut u)); }
    assert(u == 0);
}

// (Verus: "`mut_ref_tracked` must be in a 'proof' block")
// expect: error
fn mrt_outside_proof() {
    let mut u: u64 = 0;
    let z = mut_ref_tracked(&mut u);
}

// expect: error
fn mrt_exec_local() {
    let mut u: u64 = 0;
    proof { mrt_set(mut_ref_tracked(&mut u)); }
}

// (an exec fn's `tracked` parameter is a tracked place; behind it a `u64` is an exec-mode place)
// expect: error
fn mrt_param_u64(tracked u: &mut u64) {
    proof { mrt_set(mut_ref_tracked(u)); }
}

// expect: verified
fn mrt_param_tracked_struct(tracked u: &mut TsBox)
    ensures final(u).v == 7,
{
    proof { ts_set7(mut_ref_tracked(u)); }
}

// expect: verified
proof fn ts_set7(tracked b: &mut TsBox)
    ensures final(b).v == 7,
{
    b.v = 7;
}

// (exec code may not use an exec fn's `tracked` parameter)
// expect: error
fn tp_exec_use(tracked t: u64) -> u64 {
    t
}

// expect: verified
fn tp_takes_tracked(tracked t: TsBox) {}

// (exec code names the tracked local `b`; what such a parameter may take is not modelled either)
// expect: error
fn tp_call_with_tracked() {
    let tracked b = TsBox { v: 1 };
    tp_takes_tracked(b);
}


// rustc's move check skips code no path reaches: after an exec `-> !` call, a tracked value may
// be "moved" twice; after a proof fn's `-> !` (a spec value, Verus keeps the code) it may not
// expect: verified
proof fn mv_consume(tracked b: TsBox) {}

// expect: verified
#[verifier::exec_allows_no_decreases_clause]
fn mv_never_returns() -> !
    opens_invariants none
    no_unwind
{
    loop {}
}

// expect: verified
#[allow(unreachable_code)]
fn mv_after_exec_never(tracked b: TsBox) {
    mv_never_returns();
    proof { mv_consume(b); mv_consume(b); }
}

// expect: error
fn mv_twice_reachable(tracked b: TsBox) {
    proof { mv_consume(b); mv_consume(b); }
}

// expect: failed postcondition
proof fn mv_spec_never() -> ! {
    arbitrary()
}

// expect: error
proof fn mv_after_proof_never(tracked b: TsBox) {
    mv_spec_never();
    mv_consume(b);
    mv_consume(b);
}

// A tracked `!` result cannot be made: a proof fn with one never returns, and the code after its
// call is skipped as after an exec `-> !` call. Its body must show it never returns.
// expect: verified
axiom fn mv_tracked_never() -> (tracked x: !);

// expect: verified
#[allow(unreachable_code)]
proof fn mv_after_tracked_never(tracked b: TsBox) {
    mv_tracked_never();
    mv_consume(b);
    mv_consume(b);
}

// expect: failed postcondition
proof fn mv_tracked_never_returns() -> (tracked x: !) {
}

// expect: verified
proof fn mv_tracked_never_after_false() -> (tracked x: !) {
    mv_tracked_never();
}

// `!` as a parameter's, a field's or a spec fn's result type: a sort nothing is known of (no
// value of it is ever made; a spec one is some value of the sort)
// expect: verified
proof fn mv_never_param(nvr: !) { }

// expect: verified
uninterp spec fn mv_spec_fn_never() -> !;

// expect: verified
proof fn mv_never_arg() {
    mv_never_param(mv_spec_fn_never());
}

// Nothing is known of two values of `!`.
// expect: failed assertion
proof fn mv_never_values_unknown(x: !, y: !) {
    assert(x == y);
}

// Binding a `!` value without writing its type is a never-to-any coercion, which Verus refuses
// in spec mode.
// expect: error
proof fn mv_never_to_any() {
    let x = mv_spec_fn_never();
}

// expect: verified
proof fn mv_never_annotated() {
    let x: ! = mv_spec_fn_never();
}

// A spec `!` value is not a divergence: the move check goes on after it.
// expect: error
proof fn mv_never_arg_then_moves(tracked b: TsBox) {
    mv_never_param(mv_spec_fn_never());
    mv_consume(b);
    mv_consume(b);
}

// A `-> !` call's value has type `!`, which coerces to any type (rustc).
// expect: verified
#[allow(unreachable_code)]
proof fn mv_never_coerces() {
    mv_consume(mv_tracked_never());
    assert(false);
}

// expect: failed assertion
proof fn mv_never_coerces_reachable(tracked b: TsBox) {
    mv_consume(b);
    assert(false);
}

// expect: verified
proof fn mv_after_tracked_never_is_unreachable() {
    mv_tracked_never();
    assert(false);
}

// `ManuallyDrop<T>` holds its value: `new`, `into_inner` and its view are that value
// expect: verified
fn md_manually_drop() {
    let x = ManuallyDrop::new(20u64);
    assert(x@ == 20);
    let y = ManuallyDrop::into_inner(x);
    assert(y == 20);
}

// expect: failed assertion
fn md_manually_drop_wrong() {
    let x = ManuallyDrop::new(20u64);
    let y = ManuallyDrop::into_inner(x);
    assert(y == 21);
}

pub struct MdX {
    pub v: u8,
}

pub struct MdS {
    pub f: MdX,
}

// a tracked borrow of an exec place stays in the code rustc checks: one moved is its error
// expect: error
fn md_tracked_borrow_of_moved(s: MdS) {
    let t = s.f;
    proof {
        let tracked z = &s.f;
    }
}

} // verus!
