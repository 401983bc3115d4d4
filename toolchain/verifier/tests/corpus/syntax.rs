// Clauses and syntax errors: every function appears in the results, as a verdict, as
// `unsupported` (a clause the verifier does not implement) or as an `error` with a span.
verus! {

// expect: verified
fn twenty() -> u8
    returns 20u8,
{
    20u8
}

// expect: failed postcondition
fn twenty_but_nineteen() -> u8
    returns 20u8,
{
    19u8
}

// expect: verified
fn returns_with_params(a: u8, b: u8) -> (r: u8)
    requires a < 100, b < 100,
    returns (a + b) as u8,
{
    a + b
}

// expect: failed postcondition
fn returns_on_one_path(a: bool) -> u8
    returns 1u8,
{
    if a { return 1u8; }
    2u8
}

// expect: verified
fn caller_assumes_returns() {
    let t = twenty();
    assert(t == 20);
}

// expect: failed assertion
fn caller_knows_only_returns() {
    let t = twenty();
    assert(t == 19);
}

// expect: failed postcondition
fn returns_a_parameter_wrongly(a: u8, b: u8) -> u8
    returns a,
{
    if a < b { a } else { b }
}

// expect: failed precondition
fn caller_of_returns_still_checks_requires() {
    let r = returns_with_params(200u8, 1u8);
}

// (unwind-mask.rs has the cases that must fail)
// expect: verified
fn opens_some(x: u64)
    opens_invariants any
{
}

// expect: verified
fn never_unwinds(x: u64) -> u64
    no_unwind
{
    x
}

// (`when`: the definition holds where `n >= 0`; termination.rs has the cases that must fail)
// expect: verified
spec fn f_when(n: int) -> int
    decreases n when n >= 0
{
    if n <= 0 { 0 } else { f_when(n - 1) }
}

// expect: unsupported
fn loop_invariant_ensures() {
    let mut i: u64 = 0;
    loop
        invariant_ensures i <= 10,
    {
        if i >= 10 { break; }
        i = i + 1;
    }
}

// expect: error
fn broken_body() -> u8 {
    let x = ((1u8;
    if x { }
}

// expect: verified
fn after_broken_body() -> u8 {
    7u8
}

struct SyntaxPair { a: u8 }

impl SyntaxPair {
    // expect: error
    fn broken_method(&self) -> u8 {
        match self.a { 0 => 1u8, ) }
    }

    // expect: verified
    fn after_broken_method(&self) -> u8
        ensures self.a == 0 ==> true,
    {
        self.a
    }
}

// A nested verus! block is transparent, as in Verus: its functions are verified.
verus! {
    // expect: verified
    fn inside_nested() {}

    // expect: failed assertion
    fn inside_nested_wrong() { assert(false); }
}

// expect: error
some_macro! {
    fn inside_unknown_macro() {}
}

// expect: failed postcondition
fn last_one_still_checked() -> (r: u8)
    ensures r == 1,
{
    0u8
}

// ---- `e matches P`: its bindings reach the rest of an `&&` chain and the right of `==>`

enum MtA { A1 { v: u64 }, A2 }

// expect: verified
proof fn mt_and_chain(a: MtA)
    requires a matches MtA::A1 { v } && v == 3,
{
    assert(a matches MtA::A1 { v } && v == 3 && (v == 3 || v == 4));
    assert(!(a matches MtA::A1 { v } && (v == 2 || v == 4)));
}

// expect: failed assertion
proof fn mt_and_chain_wrong(a: MtA)
    requires a matches MtA::A1 { v } && v == 3,
{
    assert(a matches MtA::A1 { v } && v == 4);
}

// expect: verified
proof fn mt_implies(a: MtA)
    requires a matches MtA::A1 { v } ==> v == 3,
{
    assert(a matches MtA::A1 { v } ==> v < 4);
}

// `(E matches P ==> true) <==> false` is `true <==> false`.
// expect: failed assertion
proof fn mt_precedence() {
    assert(MtA::A2 matches MtA::A1 { v: _ } ==> true <==> false);
}

// The bindings stop at `||`.
// expect: error
proof fn mt_scope_ends_at_or(a: MtA) {
    assert(a matches MtA::A1 { v } && v == 3 || v == 4);
}

// expect: failed assertion
proof fn mt_bare(a: MtA) {
    assert(a matches MtA::A1 { .. });
}

// In an `&&&` list the bindings reach the items after it (not those before, nor a `|||` list's).
// expect: verified
proof fn mt_bullets(a: MtA)
    requires
        {
            &&& a matches MtA::A1 { v }
            &&& v > 2
            &&& v < 4
        },
{
    assert(a matches MtA::A1 { v } && v == 3);
}

// expect: failed assertion
proof fn mt_bullets_wrong(a: MtA)
    requires
        {
            &&& a matches MtA::A1 { v }
            &&& v > 2
        },
{
    assert(a matches MtA::A1 { v } && v == 3);
}

// expect: error
proof fn mt_bullets_or_scope(a: MtA) {
    assert({
        ||| a matches MtA::A1 { v }
        ||| v == 3
    });
}

// ---- Verus's builtin `equal(a, b)`: spec `a == b`

// expect: verified
proof fn eq_builtin_holds(a: int, b: int)
    requires a == b,
{
    assert(equal(a, b));
}

// expect: failed assertion
proof fn eq_builtin_unknown(a: int, b: int) {
    assert(equal(a, b));
}

// expect: error
fn eq_builtin_in_exec(a: u8) {
    let x = equal(a, a);
}

// ---- `#[is_variant]`: `is_V()` and `get_V_f()` spec methods on an enum

#[is_variant]
enum IvE { A { x: u64 }, B(u8, bool) }

// expect: verified
proof fn iv_methods(e: IvE)
    requires e.is_B(),
{
    assert(!e.is_A());
    assert(e.get_B_1() == e->B_1);
    assert(e.get_B_0() <= 255);
}

// expect: failed assertion
proof fn iv_methods_wrong(e: IvE)
    requires e.is_B(),
{
    assert(e.get_B_0() < 255);
}

// expect: error
fn iv_in_exec(e: IvE) {
    let b = e.is_A();
}

// Verus chains consecutive `==`: `a == b == c` is `a == b && b == c`
// expect: verified
proof fn eqchain_numbers(s: Seq<u8>, t: Seq<u8>)
    requires s.len() == 2, t.len() == 3,
{
    assert((s + t).len() == s.len() + t.len() == 5);
}

// expect: failed assertion
proof fn eqchain_numbers_wrong(s: Seq<u8>, t: Seq<u8>)
    requires s.len() == 2, t.len() == 3,
{
    assert((s + t).len() == s.len() + t.len() == 6);
}

// with bools the two readings differ: as a chain, false == false == false holds;
// left-associated, (false == false) == false would not
// expect: verified
proof fn eqchain_bools() {
    let f = false;
    assert(f == f == f);
}

// as a chain `f == f == !f` is false; left-associated it would hold
// expect: failed assertion
proof fn eqchain_bools_not_left_assoc() {
    let f = false;
    assert(f == f == !f);
}

// ---- a result named by a tuple pattern: `-> ((a, b): (A, B))`, the parts read in `ensures`

// expect: verified
fn rp_halves(x: u64) -> ((half, big): (u64, bool))
    ensures
        half == x / 2,
        big == (x > 10),
{
    (x / 2, x > 10)
}

// expect: failed postcondition
fn rp_halves_wrong(x: u64) -> ((half, big): (u64, bool))
    ensures
        big == (x > 10),
{
    (x / 2, x > 11)
}

// expect: verified
fn rp_use() {
    let (h, b) = rp_halves(30);
    assert(h == 15 && b);
}

// expect: failed assertion
fn rp_use_wrong() {
    let (h, b) = rp_halves(30);
    assert(!b);
}

// Verus: "return value name collides with a parameter name"
// expect: error
fn rp_collides(k: u32, n: u32) -> ((_, n): (u32, u32))
    ensures
        n <= k,
{
    (42, k / 2)
}

// a tuple type whose first element is a tuple is a type, not a pattern
// expect: verified
fn rp_nested_tuple_type() -> ((u8, u8), u32) {
    ((1, 2), 3)
}

pub struct SxHasFoo {
    pub n: nat,
}

impl SxHasFoo {
    // expect: verified
    pub open spec fn spec_has(self, k: nat) -> bool {
        k <= self.n
    }
}

// `s has x` is `s.spec_has(x)`, `s !has x` its negation, at the comparisons' precedence
// expect: verified
proof fn sx_has() {
    let foo = SxHasFoo { n: 42 };
    assert(foo has 7);
    assert(foo !has 45);
    assert(foo !has 45 <==> foo !has 43);
}

// expect: failed assertion
proof fn sx_has_wrong() {
    let foo = SxHasFoo { n: 42 };
    assert(foo has 43);
}

// expect: failed assertion
proof fn sx_has_not_wrong() {
    let foo = SxHasFoo { n: 42 };
    assert(foo !has 42);
}

// Items written inside a body mean what they would at module level when the file names them only
// inside that block (they cannot see the body's locals).
// expect: verified
fn ni_local_items() {
    // expect: verified
    fn ni_half(i: u64) -> (r: u64)
        ensures
            r == i / 2,
    {
        i / 2
    }
    const NI_NINE: u64 = 4 + 5;
    struct NiPair {
        a: u64,
        b: u64,
    }
    let p = NiPair { a: ni_half(10), b: NI_NINE };
    assert(p.a == 5 && p.b == 9);
}

// expect: failed assertion
fn ni_local_items_wrong() {
    // expect: verified
    fn ni_third(i: u64) -> (r: u64)
        ensures
            r == i / 3,
    {
        i / 3
    }
    let t = ni_third(10);
    assert(t == 4);
}

// A nested item whose name the file also uses elsewhere (here another function's own nested
// item) is not hoisted: which one a name means would depend on the block.
// expect: unsupported
fn ni_same_name_a() {
    fn ni_twin() -> u8 {
        1
    }
    assert(ni_twin() == 1);
}

// expect: unsupported
fn ni_same_name_b() {
    fn ni_twin() -> u8 {
        2
    }
}

// (the nested function is rustc's error E0434: it cannot read `x`; the enclosing one is fine)
// expect: verified
fn ni_captures_a_local(x: u8) {
    // expect: error
    fn ni_reads_outer() -> u8 {
        x
    }
}


// a `use` inside a body: an import, as at module level
// expect: verified
proof fn sx_body_use(s: Seq<u8>)
    requires
        s.len() == 1,
{
    use vstd::seq::*;
    assert(s.len() > 0);
}

// expect: failed assertion
proof fn sx_body_use_wrong(s: Seq<u8>)
    requires
        s.len() == 1,
{
    use vstd::seq::*;
    assert(s.len() > 1);
}

// Verus chains `==` with inequalities: `0 <= i < a.len() == b.len()` is
// `0 <= i && i < a.len() && a.len() == b.len()`
// expect: verified
proof fn syn_chain_with_eq(a: Seq<u8>, b: Seq<u8>, i: int) requires 0 <= i < a.len() == b.len() {
    assert(i < b.len());
}

// expect: failed assertion
proof fn syn_chain_with_eq_bad(a: Seq<u8>, b: Seq<u8>, i: int) requires 0 <= i < a.len() == b.len() {
    assert(i + 1 < b.len());
}

// a trigger that is a cast the encoding makes the identity (`c as u32` of a `char`)
// expect: unsupported
spec fn syn_char_cast_trigger() -> bool {
    forall |c: char| #![trigger c as u32] 'A' <= c <= 'Z' ==> c != '!'
}

// expect: failed assertion
proof fn syn_chain_eq_mixed_bad(a: int, b: int, c: int) requires a < b == c {
    assert(a == c);
}

} // verus!
