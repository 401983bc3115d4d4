// Trigger selection as in Verus (arithmetic and bit operations in triggers, nested quantifiers,
// #![all_triggers]), #[verifier::nonlinear] functions and multiplication (Verus' Mul).
verus! {

// expect: verified
spec fn trg_p(x: int) -> bool;

// expect: verified
spec fn trg_q(x: int, y: int) -> bool;

// expect: verified
spec fn trg_r(x: int) -> bool;

// expect: verified
spec fn trg_s(x: int) -> bool;

// expect: verified
spec fn trg_u8(x: u8) -> bool;

// A user trigger may be arithmetic, at its head too.
// expect: verified
proof fn trg_arith_head_goal()
{
    assert(forall|i: int| #[trigger] (i + 1) > i);
}

// expect: failed assertion
proof fn trg_arith_head_goal_wrong()
{
    assert(forall|i: int| #[trigger] (i + 1) > i + 1);
}

// Its quantifier fires only on a matching `i + 1` term: here there is none.
// expect: failed assertion
proof fn trg_arith_head_unmatched(x: int)
    requires
        forall|i: int| #[trigger] trg_p(i) ==> #[trigger] (i + 1) >= 7,
        trg_p(x),
{
    assert(x + 2 >= 8);
}

// A comparison is never a trigger.
// expect: error
proof fn trg_comparison_rejected()
    requires forall|a: int, b: int| #[trigger] (a + b <= 0),
{
}

// Automatic selection takes no arithmetic: `trg_p(i / 2)` is no candidate.
// expect: error
proof fn trg_auto_arith_rejected()
    requires forall|i: int| trg_p(i / 2),
{
}

// A #[trigger] inside a nested quantifier that mentions only the enclosing quantifier's variable
// triggers the enclosing quantifier.
// expect: verified
proof fn trg_nested_outer(a: int)
    requires
        forall|x: int| forall|y: int| #[trigger] trg_p(x) ==> #[trigger] trg_q(x, y),
        trg_p(a),
{
    assert(trg_q(a, 7));
}

// expect: failed assertion
proof fn trg_nested_outer_wrong(a: int)
    requires
        forall|x: int| forall|y: int| #[trigger] trg_p(x) ==> #[trigger] trg_q(x, y),
{
    assert(trg_q(a, 7));
}

// Automatic selection looks into a nested quantifier for terms without its variables.
// expect: verified
proof fn trg_nested_auto(a: int)
    requires
        forall|x: int| forall|y: int| trg_p(x) ==> trg_q(x, y),
        trg_p(a),
{
    assert(trg_q(a, 3));
}

// expect: failed assertion
proof fn trg_nested_auto_wrong(a: int)
    requires
        forall|x: int| forall|y: int| trg_p(x) ==> trg_q(x, y),
        trg_p(a),
{
    assert(trg_q(a + 1, 3));
}

// #![all_triggers]: the pair {trg_p(i), trg_r(j)} triggers too.
// expect: verified
proof fn trg_all_triggers()
    requires
        forall|i: int, j: int| #![all_triggers] (trg_p(i) && trg_r(j)) ==> trg_q(i, j) && trg_s(j),
        trg_p(3),
        trg_r(4),
    ensures
        trg_s(4),
{
}

// expect: failed postcondition
proof fn trg_all_triggers_wrong()
    requires
        forall|i: int, j: int| #![all_triggers] (trg_p(i) && trg_r(j)) ==> trg_q(i, j) && trg_s(j),
        trg_p(3),
    ensures
        trg_s(4),
{
}

// Bit operations are trigger terms, chosen automatically too.
// expect: verified
proof fn trg_bitwise()
{
    assert(forall|i: u8| #[trigger] trg_u8(i) || #[trigger] (i >> 2) == i >> 2);
    assume(forall|i: u32| i >> 1 == i >> 1);
}

// expect: failed assertion
proof fn trg_bitwise_wrong()
{
    assert(forall|i: u8| #[trigger] (i >> 1) == i);
}

// #[verifier::nonlinear]: the function's own queries use z3's multiplication.
// expect: verified
#[verifier::nonlinear]
proof fn trg_nl_mul_mono(x: int, y: int, z: int)
    requires
        x <= y,
        0 <= z,
    ensures
        x * z <= y * z,
{
}

// expect: failed postcondition
#[verifier::nonlinear]
proof fn trg_nl_mul_mono_wrong(x: int, y: int, z: int)
    requires
        x <= y,
        0 <= z,
    ensures
        x * z < y * z,
{
}

// expect: verified
#[verifier::nonlinear]
proof fn trg_nl_distrib()
    ensures
        forall|a: int, b: int, c: int| #[trigger] ((a + b) * c) == a * c + b * c,
{
}

// expect: failed postcondition
#[verifier::nonlinear]
proof fn trg_nl_distrib_wrong()
    ensures
        forall|a: int, b: int, c: int| #[trigger] ((a + b) * c) == a * c + b,
{
}

// The lemma's ensures serve a caller without the attribute.
// expect: verified
proof fn trg_nl_caller(a: int, b: int, c: int)
    requires
        (a + b) * c == 20,
        a * c == 10,
    ensures
        b * c == 10,
{
    trg_nl_distrib();
    assert((a + b) * c == a * c + b * c);
}

// Without it (no attribute, no lemma), a product of two variables is uninterpreted.
// expect: failed postcondition
proof fn trg_nl_not_global(x: int, y: int, z: int)
    requires
        x <= y,
        0 <= z,
    ensures
        x * z <= y * z,
{
}

// A product of two variables is z3's `*` reasoned about linearly (Verus' Mul and smt.arith.nl
// false): a monomial, so `a * b == b * a`; once a factor is known, the product is too.
// expect: verified
proof fn trg_mul_linear(a: int, b: int)
    requires a == 1,
{
    assert(a * b == b * a);
    assert(a * a == 1);
    assert(a * b == b);
}

// expect: failed assertion
proof fn trg_mul_linear_wrong(a: int, b: int)
    requires a == 1,
{
    assert(a * b == a);
}

// The product of two naturals is a natural (Verus' prelude), but not more without nonlinear_arith.
// expect: verified
proof fn trg_mul_nats(a: nat, b: nat)
{
    assert(a * b >= 0);
}

// expect: failed assertion
proof fn trg_mul_nats_not_positive(a: nat, b: nat)
    requires a > 0, b > 0,
{
    assert(a * b > 0);
}

// expect: failed assertion
proof fn trg_mul_no_nonlinear(x: int, y: int)
    requires 0 <= x < 10, 0 <= y < 10,
{
    assert(x * y < 100);
}

// A by(nonlinear_arith) query has nonlinear arithmetic even in an ordinary function.
// expect: verified
proof fn trg_mul_nonlinear_by(x: int, y: int)
    requires 0 <= x < 10, 0 <= y < 10,
{
    assert(x * y < 100) by(nonlinear_arith)
        requires 0 <= x < 10, 0 <= y < 10;
}


// a variant test (`is_None()`, `x is V`) may be a trigger
// expect: verified
uninterp spec fn tr_opt_at(i: int) -> Option<u8>;

// expect: verified
proof fn tr_tester_trigger()
    requires
        forall|i: int| 0 <= i < 10 ==> #[trigger] tr_opt_at(i).is_some(),
{
    assert(tr_opt_at(3) is Some);
}

// expect: failed assertion
proof fn tr_tester_trigger_out_of_range()
    requires
        forall|i: int| 0 <= i < 10 ==> #[trigger] tr_opt_at(i).is_some(),
{
    assert(tr_opt_at(11) is Some);
}

// Verus's builtin `spec_cast_integer::<A, B>(x)` is `x as B`
// expect: verified
proof fn tr_spec_cast_integer(s: Seq<nat>, i: nat)
    requires
        forall|k: nat| k < s.len() ==> #[trigger] s.index(spec_cast_integer::<nat, int>(k)) > 2,
        i < s.len(),
{
    assert(s[i as int] > 2);
}

// expect: failed assertion
proof fn tr_spec_cast_integer_wraps(x: u16) {
    assert(spec_cast_integer::<u16, u8>(x) == x);
}

// a trigger may not name a variable a `let` in the body binds (Verus refuses it)
// expect: error
spec fn tr_let_in_trigger(s: Seq<Seq<nat>>) -> bool {
    forall|i: int| 0 <= i < s.len() ==> {
        let row = s[i];
        #[trigger] row.len() > 0
    }
}

// (a trigger that names only the binders is fine beside a `let`)
// expect: verified
spec fn tr_let_beside_trigger(s: Seq<Seq<nat>>) -> bool {
    forall|i: int| 0 <= i < s.len() ==> {
        let row = s[i];
        #[trigger] s[i].len() > 0 && row.len() > 0
    }
}

// (an inner quantifier's trigger may name a `let` outside it: a free variable of that quantifier)
// expect: verified
proof fn tr_let_outside_inner(b: bool)
    requires
        forall|x: int| #[trigger] tr_bar(x) ==> ({
            let y = tr_llama(x);
            forall|z: int| #[trigger] tr_foo(y, z)
        }),
        tr_bar(7),
{
    assert(tr_foo(tr_llama(7), 20));
}

// expect: verified
uninterp spec fn tr_llama(x: int) -> int;

// expect: verified
uninterp spec fn tr_foo(x: int, y: int) -> bool;

// expect: verified
uninterp spec fn tr_bar(x: int) -> bool;

// a shift by a literal amount stays a plain term, and so can be a trigger
// expect: verified
proof fn trg_shift_literal_trigger() {
    assert(forall|i: u8| #[trigger] (i >> 2) == i >> 2);
    assert(forall|i: u8| #[trigger] (i << 3u16) == (i << 3u16));
}

} // verus!
