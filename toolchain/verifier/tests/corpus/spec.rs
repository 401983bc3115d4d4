// Ghost code: spec functions, recursion with fuel, lemmas, quantifiers and triggers, assert-by.
verus! {

// expect: verified
spec fn square(x: int) -> int {
    x * x
}

// expect: verified
spec fn is_even(x: int) -> bool {
    x % 2 == 0
}

// expect: verified
spec fn sum_to(n: nat) -> nat
    decreases n,
{
    if n == 0 { 0 } else { n + sum_to((n - 1) as nat) }
}

// expect: failed decreases
spec fn bad_rec(n: int) -> int
    decreases n,
{
    if n == 0 { 0 } else { bad_rec(n + 1) }
}

// expect: error
spec fn no_decreases(n: nat) -> nat {
    if n == 0 { 0 } else { no_decreases((n - 1) as nat) }
}

// expect: verified
spec fn even_rec(n: nat) -> bool
    decreases n,
{
    if n == 0 { true } else { odd_rec((n - 1) as nat) }
}

// expect: verified
spec fn odd_rec(n: nat) -> bool
    decreases n,
{
    if n == 0 { false } else { even_rec((n - 1) as nat) }
}

// expect: failed decreases
spec fn ping(n: nat) -> bool
    decreases n,
{
    if n == 0 { true } else { pong(n) }
}

// expect: verified
spec fn pong(n: nat) -> bool
    decreases n,
{
    if n == 0 { false } else { ping((n - 1) as nat) }
}

// expect: verified
proof fn sum_to_one_step()
    ensures sum_to(1) == 1,
{
    assert(sum_to(0) == 0);
}

// expect: failed assertion
proof fn fuel_is_bounded()
    ensures true,
{
    assert(sum_to(3) == 6);
}

// expect: verified
proof fn fuel_with_steps()
{
    assert(sum_to(0) == 0);
    assert(sum_to(1) == 1);
    assert(sum_to(2) == 3);
    assert(sum_to(3) == 6);
}

// expect: verified
proof fn lemma_sum_to_ge(n: nat)
    ensures sum_to(n) >= n,
    decreases n,
{
    if n > 0 {
        lemma_sum_to_ge((n - 1) as nat);
    }
}

// expect: failed postcondition
proof fn lemma_sum_to_wrong(n: nat)
    ensures sum_to(n) > n,
    decreases n,
{
    if n > 0 {
        lemma_sum_to_wrong((n - 1) as nat);
    }
}

// expect: failed decreases
proof fn lemma_circular(n: nat)
    ensures sum_to(n) >= n,
    decreases n,
{
    lemma_circular(n);
}

// expect: verified
proof fn lemma_sum_formula(n: nat)
    ensures 2 * sum_to(n) == n * n + n,
    decreases n,
{
    if n > 0 {
        lemma_sum_formula((n - 1) as nat);
        assert(2 * sum_to(n) == 2 * n + 2 * sum_to((n - 1) as nat));
        assert(n * n + n == (n - 1) * (n - 1) + (n - 1) + 2 * n) by(nonlinear_arith);
    } else {
        assert(n * n == 0) by(nonlinear_arith)
            requires n == 0;
    }
}

// expect: failed assertion
proof fn nonlinear_not_automatic(a: int, b: int)
    requires a > 0, b > 0,
{
    assert(a * b > 0);
}

// expect: verified
proof fn nonlinear_by(a: int, b: int)
    requires a > 0, b > 0,
{
    assert(a * b > 0) by(nonlinear_arith)
        requires a > 0, b > 0;
}

// expect: failed assertion
proof fn nonlinear_needs_requires(a: int, b: int)
    requires a > 0, b > 0,
{
    assert(a * b > 0) by(nonlinear_arith);
}

// expect: verified
proof fn spec_fn_unfolds(x: int)
    requires x == 3,
{
    assert(square(x) == x * x);
    assert(is_even(x + 1));
}

// expect: failed assertion
proof fn spec_fn_wrong(x: int)
{
    assert(square(x) > 0);
}

// expect: verified
proof fn forall_instantiate(f: Seq<int>)
    requires forall|i: int| 0 <= i < f.len() ==> #[trigger] f[i] > 0,
             f.len() > 2,
{
    assert(f[1] > 0);
}

// expect: failed assertion
proof fn forall_out_of_range(f: Seq<int>)
    requires forall|i: int| 0 <= i < f.len() ==> #[trigger] f[i] > 0,
             f.len() > 2,
{
    assert(f[5] > 0);
}

// expect: verified
proof fn exists_witness(f: Seq<int>)
    requires f.len() == 3, f[1] == 7,
    ensures exists|i: int| 0 <= i < f.len() && f[i] == 7,
{
    assert(f[1] == 7);
}

// expect: failed postcondition
proof fn exists_no_witness(f: Seq<int>)
    requires f.len() == 3,
    ensures exists|i: int| 0 <= i < f.len() && f[i] == 7,
{
}

// expect: verified
spec fn pos(x: int) -> bool { x > 0 }

// expect: verified
proof fn auto_trigger(s: Set<int>)
    requires forall|x: int| s.contains(x) ==> pos(x),
             s.contains(3),
{
    assert(pos(3));
}

// expect: verified
proof fn assert_forall_by(s: Seq<u8>)
    requires s.len() == 4,
    ensures forall|i: int| 0 <= i < s.len() ==> #[trigger] s[i] <= 255,
{
    assert forall|i: int| 0 <= i < s.len() implies #[trigger] s[i] <= 255 by {
    }
}

// expect: failed assertion
proof fn assert_forall_wrong(s: Seq<u8>)
    requires s.len() == 4,
{
    assert forall|i: int| 0 <= i < s.len() implies #[trigger] s[i] < 255 by {
    }
}

// expect: verified
proof fn implication_and_iff(a: bool, b: bool)
    requires a ==> b, b ==> a,
{
    assert(a <==> b);
    assert(a == b);
}

// expect: failed assertion
proof fn implication_one_way(a: bool, b: bool)
    requires a ==> b,
{
    assert(b ==> a);
}

// expect: verified
proof fn chained_comparisons(x: int, y: int)
    requires 0 <= x < y <= 10,
{
    assert(x < 10);
    assert(0 < y);
}

// expect: failed assertion
proof fn chained_wrong(x: int, y: int)
    requires 0 <= x <= y,
{
    assert(x < y);
}

// expect: verified
proof fn bullets(x: int)
    requires
        &&& x > 0
        &&& x < 10,
{
    assert(x != 0);
    assert(x <= 9);
}

// expect: verified
proof fn or_bullets(x: int)
    requires
        ||| x == 1
        ||| x == 2,
{
    assert(0 < x < 3);
}

// expect: verified
proof fn assert_by_block(x: int)
    requires x > 5,
{
    assert(x > 2) by {
        assert(x > 5);
    }
    assert(x > 2);
}

// expect: failed assertion
proof fn assert_by_block_wrong(x: int)
{
    assert(x > 2) by {
        assert(x >= 0);
    }
}

// expect: verified
proof fn let_ghost_and_int(x: u64) {
    let ghost y: int = x + 1;
    assert(y > x);
    let ghost z = y * 2;
    assert(z == 2 * y);
}

// expect: verified
fn exec_with_ghost(x: u64) -> (r: u64)
    requires x < 100,
    ensures r == x + 1,
{
    let ghost before = x;
    let r = x + 1;
    proof {
        assert(r == before + 1);
    }
    r
}

// expect: failed assertion
fn proof_block_wrong(x: u64) {
    proof {
        assert(x > 0);
    }
}

// expect: verified
proof fn bit_vector_and(x: u64)
{
    assert(x & 0 == 0) by(bit_vector);
    assert((x | 1) & 1 == 1) by(bit_vector);
}

// expect: failed assertion
proof fn bit_vector_wrong(x: u64)
{
    assert(x & 1 == 1) by(bit_vector);
}

// expect: verified
proof fn bit_vector_with_requires(x: u32)
    requires x < 16,
{
    assert(x & 15 == x) by(bit_vector)
        requires x < 16;
}

// expect: failed assertion
proof fn bit_vector_requires_unproved(x: u32)
{
    assert(x & 15 == x) by(bit_vector)
        requires x < 16;
}

// expect: verified
proof fn int_nat(n: nat, i: int)
    requires i < 0,
{
    assert(n >= 0);
    assert(n > i);
}

// expect: verified
proof fn match_spec(o: Option<int>)
    requires o == Some(5int),
{
    let v = match o { Some(x) => x, None => 0 };
    assert(v == 5);
}

// expect: verified
spec fn uf_f(x: int) -> int;

// expect: verified
spec fn uf_g(x: int) -> int;

// expect: verified
proof fn trigger_matched()
    requires forall|i: int| #[trigger] uf_f(i) > 0 && uf_g(i) > 0,
{
    assert(uf_f(5) > 0);
    assert(uf_g(5) > 0);
}

// expect: failed assertion
proof fn trigger_not_matched_no_mbqi()
    requires forall|i: int| #[trigger] uf_f(i) > 0 && uf_g(i) > 0,
{
    assert(uf_g(5) > 0);
}

// expect: verified
#[verifier::opaque]
spec fn secret(x: int) -> int {
    x + 1
}

// expect: failed assertion
proof fn opaque_hidden() {
    assert(secret(1) == 2);
}

// expect: verified
proof fn opaque_revealed() {
    reveal(secret);
    assert(secret(1) == 2);
}

// a reveal holds from where it is written on: not before it, not after the `assert .. by` it is in
// expect: failed assertion
proof fn opaque_revealed_too_late() {
    assert(secret(1) == 2);
    reveal(secret);
}

// expect: failed assertion
proof fn opaque_revealed_in_assert_by() {
    assert(secret(1) == 2) by { reveal(secret); }
    assert(secret(2) == 3);
}

// expect: failed assertion
proof fn opaque_revealed_in_one_branch(b: bool) {
    if b {
        reveal(secret);
    }
    assert(secret(2) == 3);
}

// expect: verified
proof fn opaque_revealed_for_the_postcondition() -> (r: int)
    ensures r == 2,
{
    reveal(secret);
    secret(1)
}

// expect: verified
proof fn fuel_raised() {
    reveal_with_fuel(sum_to, 4);
    assert(sum_to(3) == 6);
}

// Names that are also SMT-LIB / z3 builtins (`distinct`, `div`, `union`, `ite`) are the user's
// own functions and variables, never the builtins.

// expect: verified
spec fn distinct(s: Seq<u64>) -> bool {
    forall|i: int, j: int| 0 <= i < s.len() && 0 <= j < s.len() && i != j ==> #[trigger] s[i] != #[trigger] s[j]
}

// expect: verified
spec fn union(a: int, b: int) -> int {
    a + b
}

// expect: verified
proof fn builtin_names_are_ours(div: int, ite: int)
    requires div == 7, ite == div + 1,
    ensures union(div, ite) == 15, distinct(seq![1u64, 2u64]),
{
    let s = seq![1u64, 2u64];
    assert(s[0] != s[1]);
}

// expect: failed postcondition
proof fn builtin_names_wrong(div: int)
    requires div == 7,
    ensures distinct(seq![div as u64, 7u64]),
{
}

// `hide(f)`: f's definition is not visible in the function (only at the start of a body)
// expect: verified
spec fn sp_hidden_true(a: bool) -> bool { a }

// expect: failed assertion
proof fn sp_hide_hides() {
    hide(sp_hidden_true);
    assert(sp_hidden_true(true));
}

// expect: verified
proof fn sp_hide_then_reveal() {
    hide(sp_hidden_true);
    reveal(sp_hidden_true);
    assert(sp_hidden_true(true));
}

// a reveal later in the body holds from there on, not before it
// expect: failed assertion
proof fn sp_hide_reveal_later() {
    hide(sp_hidden_true);
    assert(sp_hidden_true(true));
    reveal(sp_hidden_true);
}

// expect: verified
proof fn sp_hide_reveal_later_used_after() {
    hide(sp_hidden_true);
    assume(true);
    reveal(sp_hidden_true);
    assert(sp_hidden_true(true));
}

// a recursive fn hidden, then revealed: its definition (with fuel) from the reveal on
// expect: verified
spec fn sp_hidden_rec(x: int) -> bool
    decreases x,
{
    if x <= 0 { true } else { sp_hidden_rec(x - 1) }
}

// expect: failed assertion
proof fn sp_hide_rec_reveal_later() {
    hide(sp_hidden_rec);
    assert(sp_hidden_rec(0));
    reveal(sp_hidden_rec);
}

// expect: verified
proof fn sp_hide_rec_reveal_then_use() {
    hide(sp_hidden_rec);
    reveal(sp_hidden_rec);
    assert(sp_hidden_rec(0));
}

// expect: failed assertion
proof fn sp_hide_reveal_in_assert_by() {
    hide(sp_hidden_true);
    assert(sp_hidden_true(true)) by { reveal(sp_hidden_true); }
    assert(!sp_hidden_true(false));
}

// expect: error
proof fn sp_hide_not_first() {
    assume(true);
    hide(sp_hidden_true);
}

// Only a spec function's definition can be revealed or hidden (Verus: "reveal/fuel statements
// require a spec-mode function").
// expect: error
proof fn sp_reveal_proof_fn() {
    reveal(sp_hide_not_first);
}

// expect: error
proof fn sp_hide_proof_fn() {
    hide(sp_hide_not_first);
}

// expect: verified
#[verifier::inline]
spec fn sp_hidden_inline(a: bool) -> bool { a }

// an inline fn's body is not inlined where it is hidden
// expect: failed assertion
proof fn sp_hide_inline() {
    hide(sp_hidden_inline);
    assert(sp_hidden_inline(true));
}

// expect: verified
spec fn sp_uses_hidden(a: bool) -> bool { sp_hidden_true(a) }

// expect: failed assertion
proof fn sp_hide_through_other() {
    hide(sp_hidden_true);
    assert(sp_uses_hidden(true));
}

// ---- a recursive spec fn's value is of its return type at every fuel (Verus's `has_type`)

// expect: verified
spec fn ht_depth(n: nat) -> nat
    decreases n,
{
    if n == 0 { 0 } else { 1 + ht_depth((n - 1) as nat) }
}

// expect: verified
spec fn ht_byte(n: nat) -> u8
    decreases n,
{
    if n == 0 { 7 } else { ht_byte((n - 1) as nat) }
}

// without unfolding: known only from the types
// expect: verified
proof fn ht_in_range(a: nat, b: nat) {
    assert(ht_depth(a) >= 0);
    assert(ht_byte(b) <= 255);
}

// expect: failed assertion
proof fn ht_not_more(a: nat) {
    assert(ht_depth(a) >= 1);
}

// expect: failed assertion
proof fn ht_not_smaller(b: nat) {
    assert(ht_byte(b) < 255);
}


// ---- `reveal` of a generic opaque spec fn: its definition at every instance

// expect: verified
#[verifier::opaque]
spec fn rv_gen_id<T>(x: T) -> T {
    x
}

struct RvBox<T> {
    t: T,
}

impl<T> RvBox<T> {
    // expect: verified
    #[verifier::opaque]
    spec fn rv_ok(&self) -> bool {
        true
    }
}

// expect: verified
proof fn rv_generic_revealed(x: u8, y: bool) {
    reveal(rv_gen_id);
    assert(rv_gen_id(x) == x);
    assert(rv_gen_id(y) == y);
}

// expect: verified
proof fn rv_generic_method_revealed(b: RvBox<u64>) {
    reveal(RvBox::<_>::rv_ok);
    assert(b.rv_ok());
}

// expect: failed assertion
proof fn rv_generic_hidden(x: u8) {
    assert(rv_gen_id(x) == x);
}

// expect: failed assertion
proof fn rv_generic_revealed_wrong(x: u8) {
    reveal(rv_gen_id);
    assert(rv_gen_id(x) == 0);
}


// ---- `spec const` / `exec const`: constants of one mode (a plain `const` is both)

pub spec const CM_WIDTH: nat = 32;

spec const CM_SMALL: u64 = 20u64;

exec const CM_EXEC: u8 = 3;

// expect: verified
proof fn cm_read_spec() {
    let w: nat = CM_WIDTH as nat;
    assert(w == 32);
    assert(CM_SMALL == 20);
}

// expect: failed assertion
proof fn cm_read_spec_wrong() {
    assert(CM_WIDTH == 31);
}

// expect: verified
fn cm_read_exec() -> (r: u8)
    ensures
        r == 3,
{
    CM_EXEC
}

// expect: error
fn cm_spec_in_exec() -> u64 {
    CM_SMALL
}

// expect: error
proof fn cm_exec_in_ghost() {
    assert(CM_EXEC == 3);
}

// (a plain constant's value is also spec: it cannot read an exec one)
// expect: error
const CM_DUAL_FROM_EXEC: u8 = CM_EXEC;

} // verus!
