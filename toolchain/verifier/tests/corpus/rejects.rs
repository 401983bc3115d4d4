// Programs Verus rejects before verification (signature forms, recursion rules, attributes,
// visibility of open spec fn bodies), each next to the true neighbours that must still verify.
use vstd::prelude::*;

verus! {

// ---- signatures

// expect: error
fn rej_ret_named_like_param(x: u64) -> (x: bool)
    ensures x || !x,
{
    x > 10
}

// expect: verified
fn rej_ret_named_apart(x: u64) -> (r: bool)
    ensures r == (x > 10),
{
    x > 10
}

// expect: failed postcondition
fn rej_ret_named_apart_wrong(x: u64) -> (r: bool)
    ensures r == (x >= 10),
{
    x > 10
}

// expect: error
spec fn rej_spec_mut_param(mut x: i32) -> i32 { x }

// expect: verified
fn rej_exec_mut_param(mut x: u8) -> (r: u8)
    ensures r == 1,
{
    x = 1;
    x
}

// a `mut` parameter in `ensures` is its entry value
// expect: failed postcondition
fn rej_exec_mut_param_wrong(mut x: u8) -> (r: u8)
    ensures r == x,
{
    x = 1;
    x
}

// expect: verified
fn rej_exec_mut_param_entry(mut x: u32)
    requires x < 10,
    ensures x < 10,
{
    x = 100;
    assert(x == 100);
}

// expect: failed postcondition
fn rej_exec_mut_param_final(mut x: u32)
    requires x < 10,
    ensures x == 100,
{
    x = 100;
}

struct RejSelfHolder { v: u8 }

impl RejSelfHolder {
    // expect: error
    fn rej_mut_self(mut self) -> (r: u8)
        ensures r == 0,
    {
        self = RejSelfHolder { v: 0 };
        self.v
    }

    // expect: verified
    fn rej_by_value_self(self) -> (r: u8)
        ensures r == self.v,
    {
        self.v
    }

    // expect: failed postcondition
    fn rej_by_value_self_wrong(self) -> (r: u8)
        ensures r != self.v,
    {
        self.v
    }
}

// expect: error
unsafe proof fn rej_unsafe_proof() ensures false {
}

// expect: verified
unsafe fn rej_unsafe_exec() -> (r: u8) ensures r == 3 {
    3
}

// expect: failed postcondition
unsafe fn rej_unsafe_exec_wrong() -> (r: u8) ensures r == 4 {
    3
}

// ---- recursion

// expect: error
proof fn rej_proof_rec_no_decreases(i: nat) ensures false {
    rej_proof_rec_no_decreases(i);
}

// expect: verified
proof fn rej_proof_rec_decreases(i: nat) decreases i {
    if i != 0 {
        rej_proof_rec_decreases((i - 1) as nat);
    }
}

// expect: failed decreases
proof fn rej_proof_rec_not_decreasing(i: nat) decreases i {
    if i != 0 {
        rej_proof_rec_not_decreasing(i);
    }
}

// expect: error
proof fn rej_mutual_a(i: nat) ensures false {
    rej_mutual_b(i, i);
}

// expect: error
proof fn rej_mutual_b(j: nat, k: nat) ensures false
    decreases j, k
{
    rej_mutual_a(j);
}

// expect: verified
spec fn rej_id_bool(a: bool) -> bool { a }

// expect: error
proof fn rej_fuel_non_recursive() {
    reveal_with_fuel(rej_id_bool, 2);
}

// expect: verified
proof fn rej_fuel_one_non_recursive() {
    reveal_with_fuel(rej_id_bool, 1);
}

// expect: failed assertion
proof fn rej_fuel_one_non_recursive_wrong() {
    reveal_with_fuel(rej_id_bool, 1);
    assert(rej_id_bool(false));
}

// expect: verified
spec fn rej_sum(n: nat) -> nat decreases n { if n == 0 { 0 } else { n + rej_sum((n - 1) as nat) } }

// expect: verified
spec fn rej_sum_wrap(n: nat) -> nat decreases n { rej_sum(n) }

// expect: error
proof fn rej_fuel_decreases_not_recursive() {
    reveal_with_fuel(rej_sum_wrap, 3);
}

// expect: verified
proof fn rej_fuel_recursive() {
    reveal_with_fuel(rej_sum, 3);
    assert(rej_sum(2) == 3);
}

// expect: failed assertion
proof fn rej_fuel_recursive_wrong() {
    reveal_with_fuel(rej_sum, 3);
    assert(rej_sum(2) == 4);
}

// ---- proof_note / custom_err on assertions: at most one

// expect: error
proof fn rej_two_notes_assume() ensures false {
    #[verifier::proof_note("first")]
    #[verifier::proof_note("second")]
    assume(false);
}

// expect: error
proof fn rej_two_custom_errs() {
    #[verifier::custom_err("first")]
    #[verifier::custom_err("second")]
    assert(1 + 1 == 2);
}

// expect: failed assertion
proof fn rej_one_note_fails(x: int) {
    #[verifier::proof_note("x is arbitrary")]
    assert(x > 0);
}

// expect: failed assertion
proof fn rej_one_note_assert_forall() {
    #[verifier::proof_note("not every int")]
    assert forall|k: int| rej_qa(k) by {};
}

// expect: verified
proof fn rej_one_custom_err_holds(x: int) requires x > 0 {
    #[verifier::custom_err("x must be positive")]
    assert(x > 0);
}

// expect: failed assertion
proof fn rej_one_custom_err_fails(x: int) requires x >= 0 {
    #[verifier::custom_err("x must be positive")]
    assert(x > 0);
}

// ---- quantifier attributes

// expect: verified
spec fn rej_qa(x: int) -> bool;
// expect: verified
spec fn rej_qb(x: int) -> bool;
// expect: verified
spec fn rej_qc(x: int) -> bool;

// expect: error
proof fn rej_unknown_quant_attr(i: int)
    requires forall|x: int| #![autos] rej_qa(x),
    ensures rej_qa(i),
{
}

// expect: verified
proof fn rej_auto_quant_attr(i: int)
    requires forall|x: int| #![auto] rej_qa(x),
    ensures rej_qa(i),
{
}

// expect: failed postcondition
proof fn rej_auto_quant_attr_wrong(i: int)
    requires forall|x: int| #![auto] rej_qa(x),
    ensures rej_qb(i),
{
}

// expect: error
proof fn rej_trigger_attr_with_expr(i: int)
    requires
        forall|x: int| #[trigger rej_qa(x)] rej_qc(x) && (rej_qa(x) ==> rej_qb(x)),
        rej_qa(i),
    ensures false,
{
}

// expect: verified
proof fn rej_trigger_attr_plain(i: int)
    requires
        forall|x: int| #[trigger] rej_qa(x) ==> rej_qb(x),
        rej_qa(i),
    ensures rej_qb(i),
{
}

// expect: failed postcondition
proof fn rej_trigger_attr_plain_wrong(i: int)
    requires
        forall|x: int| #[trigger] rej_qa(x) ==> rej_qb(x),
    ensures rej_qb(i),
{
}

// expect: error
proof fn rej_assert_forall_unknown_attr() {
    assert forall|k: int| #![autos] rej_qa(k) ==> rej_qa(k) by {};
}

// ---- loop_isolation(false) keeps invariants simple

// expect: error
#[verifier::loop_isolation(false)]
fn rej_iso_except_break() {
    let mut i: u8 = 0;
    while i < 10
        invariant_except_break i <= 9
        invariant 0 <= i <= 10
        decreases 10 - i
    {
        i = i + 1;
    }
}

// expect: verified
#[verifier::loop_isolation(false)]
fn rej_iso_plain_invariant() {
    let mut i: u8 = 0;
    while i < 10
        invariant 0 <= i <= 10
        decreases 10 - i
    {
        i = i + 1;
    }
}

// expect: failed invariant-preserved
#[verifier::loop_isolation(false)]
fn rej_iso_plain_invariant_wrong() {
    let mut i: u8 = 0;
    while i < 10
        invariant 0 <= i <= 9
        decreases 10 - i
    {
        i = i + 1;
    }
}

// expect: error
fn rej_iso_loop_ensures() {
    let mut i: u8 = 0;
    #[verifier::loop_isolation(false)]
    loop
        invariant 0 <= i <= 10
        ensures i == 10
        decreases 10 - i
    {
        if i >= 10 {
            break;
        }
        i = i + 1;
    }
}

// expect: verified
fn rej_isolated_loop_ensures() {
    let mut i: u8 = 0;
    loop
        invariant 0 <= i <= 10
        ensures i == 10
        decreases 10 - i
    {
        if i >= 10 {
            break;
        }
        i = i + 1;
    }
    assert(i == 10);
}

// expect: failed assertion
fn rej_isolated_loop_ensures_wrong() {
    let mut i: u8 = 0;
    loop
        invariant 0 <= i <= 10
        ensures i == 10
        decreases 10 - i
    {
        if i >= 10 {
            break;
        }
        i = i + 1;
    }
    assert(i == 9);
}

// ---- visibility of open spec fn bodies

mod rej_vis {
    pub struct RejCar {
        passengers: nat,
        pub four_doors: bool,
    }

    pub struct RejBike {
        pub hard_tail: bool,
    }

    struct RejHidden {
        pub f: u8,
    }

    enum RejPrivEnum {
        C,
    }

    // expect: verified
    spec fn rej_private_helper() -> bool { true }

    const REJ_PRIVATE_ZERO: u8 = 0;

    pub const REJ_PUBLIC_ZERO: u8 = 0;

    // expect: error
    pub open spec fn rej_open_reads_private_const() -> u8 {
        REJ_PRIVATE_ZERO
    }

    // expect: verified
    pub open spec fn rej_open_reads_public_const() -> u8 {
        REJ_PUBLIC_ZERO
    }

    // expect: failed postcondition
    proof fn rej_public_const_wrong() ensures rej_open_reads_public_const() == 1 {
    }

    // expect: error
    pub open spec fn rej_open_reads_private_field(c: RejCar) -> nat {
        c.passengers
    }

    // expect: error
    pub open spec fn rej_open_reads_pub_field_of_opaque(c: RejCar) -> bool {
        c.four_doors
    }

    // expect: error
    pub open spec fn rej_open_builds_opaque() -> RejCar {
        RejCar { passengers: 0, four_doors: true }
    }

    // expect: error
    pub open spec fn rej_open_builds_private_enum() -> bool {
        let _e = RejPrivEnum::C;
        true
    }

    // expect: error
    pub open spec fn rej_open_reads_private_datatype(x: RejHidden) -> bool {
        x.f == 0
    }

    // expect: error
    pub open spec fn rej_open_calls_private() -> bool {
        rej_private_helper()
    }

    // expect: verified
    pub closed spec fn rej_closed_reads_private_field(c: RejCar) -> nat {
        c.passengers
    }

    // expect: failed postcondition
    proof fn rej_closed_in_module_wrong(c: RejCar) ensures rej_closed_reads_private_field(c) == 1 {
    }

    // expect: verified
    pub open spec fn rej_open_transparent(b: RejBike) -> bool {
        b.hard_tail && (RejBike { hard_tail: true }).hard_tail
    }

    // expect: verified
    proof fn rej_open_transparent_use(b: RejBike) requires b.hard_tail ensures rej_open_transparent(b) {
    }

    // expect: failed postcondition
    proof fn rej_open_transparent_wrong(b: RejBike) ensures rej_open_transparent(b) {
    }

    // expect: verified
    proof fn rej_private_helper_used() ensures rej_private_helper() {
    }

    pub mod inner {
        // expect: verified
        spec fn rej_inner_private() -> bool { true }

        // expect: error
        pub open(in crate::rej_vis) spec fn rej_open_in_refers_private() -> bool {
            rej_inner_private()
        }

        // expect: error
        pub(in crate::rej_vis) open(crate) spec fn rej_open_wider_than_fn() -> bool {
            true
        }

        // expect: verified
        pub open(crate) spec fn rej_open_crate_ok() -> bool {
            true
        }

        // expect: verified
        proof fn rej_open_crate_use() ensures rej_open_crate_ok() {
        }

        // expect: failed postcondition
        proof fn rej_open_crate_use_wrong() ensures !rej_open_crate_ok() {
        }
    }
}

// ---- rustc's exhaustiveness check of `match` (E0004): VC generation takes the arms as covering

enum ExS { V1, V2 }
enum ExT { A(u8, bool), B { x: ExS }, C }

// expect: error
fn ex_missing_variant(s: ExS) {
    match s {
        ExS::V1 => assert(true),
    };
}

// expect: verified
fn ex_all_variants(s: ExS) {
    match s {
        ExS::V1 => {},
        ExS::V2 => {},
    }
}

// expect: error
fn ex_nested_missing(t: ExT) {
    match t {
        ExT::A(_, true) => {},
        ExT::B { x: ExS::V1 } => {},
        ExT::C => {},
    }
}

// expect: verified
fn ex_nested_all(t: ExT) {
    match t {
        ExT::A(_, true) | ExT::A(_, false) => {},
        ExT::B { x: ExS::V1 } => {},
        ExT::B { x: ExS::V2 } => {},
        ExT::C => {},
    }
}

// A guarded arm covers nothing.
// expect: error
fn ex_guard_covers_nothing(o: Option<u8>) {
    match o {
        Some(x) if x > 0 => {},
        None => {},
    }
}

// expect: error
fn ex_integers_need_a_wildcard(x: u8) {
    match x {
        0 => {},
        1 => {},
    }
}

// expect: verified
spec fn ex_spec_match(t: ExT) -> int {
    match t {
        ExT::A(n, _) => n as int,
        _ => 0,
    }
}

// A raw borrow in verified code is Verus's error.
// expect: error
fn rj_raw_borrow(n: &u64) {
    let x = &raw const n;
}

// A closure's parameters are exec values: an older mode attribute on one is Verus's error.
// expect: error
fn rj_closure_spec_param() {
    let g = |#[verifier::spec] y: u64| { 1u64 };
}

// rustc (E0005): a `let` without `else` must match every value.
enum RjOpt { Some(u64), None }

// expect: error
fn rj_refutable_let(x: RjOpt) {
    let RjOpt::Some(y) = x;
}

// expect: error
spec fn rj_refutable_let_spec(t: (u8, u8)) -> u8 {
    let (a, 0) = t;
    a
}

// (an irrefutable one, a wrapper pattern, a let-else)
// expect: verified
fn rj_irrefutable_lets(t: (u8, u8), g: Ghost<int>, x: RjOpt) {
    let (a, _) = t;
    let Ghost(h) = g;
    let RjOpt::Some(y) = x else { return; };
}

// Verus refuses a destructuring assignment.
// expect: error
fn rj_destructuring_assignment() {
    let mut a = 0u8;
    let mut b = 0u8;
    (a, b) = (1, 2);
}

// A spec closure's body is pure: no `return`.
// expect: error
proof fn rj_return_in_spec_closure() {
    let f = |x: int| -> int { return x; };
}

// A part of the value in a `Ghost` parameter that is not `mut` is not assignable.
struct RjPair { a: u64, b: u64 }

// expect: error
fn rj_assign_ghost_param_field(g: Ghost<RjPair>) {
    proof { g@.a = 1; }
}

// An exec trait method's result mode (`#[verifier::returns(spec)]`, Verus's older spelling) must
// be the same in its impls.
trait RjRet { fn f(&self) -> bool; }
struct RjRetS {}
impl RjRet for RjRetS {
    // expect: error
    #[verifier::returns(spec)]
    fn f(&self) -> bool { true }
}

// A trait's items are verified all or none: Verus refuses an `external` one.
// expect: error
trait RjExternalItem {
    #[verifier::external]
    fn foo(&self);
}

// A tuple struct's constructor as a value is Verus's error; called, it builds the struct.
struct RjTup(u8);

// expect: error
fn rj_ctor_as_value() {
    let f = RjTup;
}

// expect: verified
fn rj_ctor_called() {
    let v = RjTup(1);
    assert(v.0 == 1);
}

// A closure's traits are Verus's to give: implementing one is its error.
struct RjCallable {}

// expect: error
impl FnOnce<(u8,)> for RjCallable {
    type Output = u8;
    extern "rust-call" fn call_once(self, y: (u8,)) -> u8 { 0 }
}

// Verus refuses a labelled block and std's `clone` of a tuple.
// expect: error
fn rj_labelled_block() {
    'a: {
        break 'a;
    }
}

// expect: error
fn rj_tuple_clone(t: (u8, u8)) {
    let u = t.clone();
}

// Verus's expanded form of a method specification is no method: calling it is an error.
trait RjSpecForm { fn f(&self); }

// expect: error
fn rj_call_expanded_spec<A: RjSpecForm>(a: &A) {
    a.VERUS_SPEC__f();
}

} // verus!
