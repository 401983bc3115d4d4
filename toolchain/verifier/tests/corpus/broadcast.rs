// Broadcast lemmas (`broadcast proof fn`, `broadcast use`, `broadcast group`): a lemma's contract
// becomes a quantified fact where it is used (check/broadcast.ts, vcgen/broadcast.ts).
use vstd::prelude::*;

verus! {

// expect: verified
#[verifier::opaque]
spec fn bc_f(i: int) -> bool { i >= -1000000 || i < -1000000 }

// expect: verified
#[verifier::opaque]
spec fn bc_pos(i: int) -> bool { i > 0 }

// the lemma itself is verified as a proof fn
// expect: verified
broadcast proof fn bc_f_holds(i: int)
    ensures #[trigger] bc_f(i),
{
    reveal(bc_f);
}

// its own proof is wrong: the lemma fails (as in Verus)
// expect: failed postcondition
broadcast proof fn bc_pos_wrong(i: int)
    ensures #[trigger] bc_pos(i),
{
}

// expect: verified
proof fn bc_use_in_body() {
    broadcast use bc_f_holds;
    assert(bc_f(10));
    assert(bc_f(-7));
}

// the lemma is not in scope: the claim needs it
// expect: failed assertion
proof fn bc_not_in_scope() {
    assert(bc_f(10));
}

// in scope only from the `broadcast use` on (the use in another function does not count)
// expect: failed assertion
proof fn bc_other_fn_scope() {
    assert(bc_f(3));
}

// a wrong lemma's fact is available to its users (modular, as Verus: the lemma's own failure is
// reported at the lemma)
// expect: verified
proof fn bc_uses_wrong_lemma() {
    broadcast use bc_pos_wrong;
    assert(bc_pos(-5));
}

// a lemma with a precondition: the fact is `requires ==> ensures`
// expect: verified
#[verifier::opaque]
spec fn bc_g(i: int) -> int { i * 2 }

// expect: verified
broadcast proof fn bc_g_ge(i: int)
    requires i >= 0,
    ensures #[trigger] bc_g(i) >= i,
{
    reveal(bc_g);
}

// expect: verified
proof fn bc_requires_ok(x: int)
    requires x >= 5,
{
    broadcast use bc_g_ge;
    assert(bc_g(x) >= 5);
}

// the precondition does not hold: the fact says nothing about bc_g(-3)
// expect: failed assertion
proof fn bc_requires_not_met() {
    broadcast use bc_g_ge;
    assert(bc_g(-3) >= -3);
}

// a wrong claim with the lemma in scope still fails
// expect: failed assertion
proof fn bc_wrong_claim(x: int)
    requires x >= 5,
{
    broadcast use bc_g_ge;
    assert(bc_g(x) >= 6);
}

// lemmas in a group, members of an impl, used from exec code
pub struct BcRing { pub i: u64 }

impl BcRing {
    // expect: verified
    pub open spec fn inv(&self) -> bool { self.i < 10 }

    // expect: verified
    #[verifier::opaque]
    pub open spec fn succ(&self) -> BcRing {
        BcRing { i: if self.i == 9 { 0 } else { (self.i + 1) as u64 } }
    }

    // expect: verified
    #[verifier::opaque]
    pub open spec fn prev(&self) -> BcRing {
        BcRing { i: if self.i == 0 { 9 } else { (self.i - 1) as u64 } }
    }

    // expect: verified
    pub broadcast proof fn succ_ensures(p: BcRing)
        requires p.inv(),
        ensures p.inv() && (#[trigger] p.succ()).prev() == p,
    {
        reveal(BcRing::succ);
        reveal(BcRing::prev);
    }

    // expect: verified
    pub broadcast proof fn prev_ensures(p: BcRing)
        requires p.inv(),
        ensures p.inv() && (#[trigger] p.prev()).succ() == p,
    {
        reveal(BcRing::succ);
        reveal(BcRing::prev);
    }

    pub broadcast group properties {
        BcRing::succ_ensures,
        BcRing::prev_ensures,
    }
}

// expect: verified
fn bc_group_exec(p: BcRing)
    requires p.inv(),
{
    broadcast use BcRing::properties;
    assert(p.succ().prev() == p);
    assert(p.prev().succ() == p);
}

// expect: verified
proof fn bc_braces(p: BcRing)
    requires p.inv(),
{
    broadcast use {BcRing::succ_ensures, BcRing::prev_ensures};
    assert(p.succ().prev() == p);
    assert(p.prev().succ() == p);
}

// only one of the two lemmas
// expect: failed assertion
proof fn bc_one_of_two(p: BcRing)
    requires p.inv(),
{
    broadcast use BcRing::succ_ensures;
    assert(p.succ().prev() == p);
    assert(p.prev().succ() == p);
}

// opaque spec fns and no lemma: nothing is known
// expect: failed assertion
proof fn bc_no_lemma(p: BcRing)
    requires p.inv(),
{
    assert(p.succ().prev() == p);
}

// a lemma proven with its own fact would prove anything (Verus rejects it)
// expect: error
broadcast proof fn bc_self_use(i: int)
    ensures #[trigger] bc_pos(i),
    decreases i,
{
    broadcast use bc_self_use;
}

// the cycle through a call (Verus rejects it too)
// expect: error
broadcast proof fn bc_cycle_a(i: int)
    ensures #[trigger] bc_pos(i + 1000),
    decreases i,
{
    bc_cycle_b(i);
}

// expect: error
proof fn bc_cycle_b(i: int)
    ensures bc_pos(i + 1000),
    decreases i,
{
    broadcast use bc_cycle_a;
}

// only a broadcast proof fn can be broadcast-used
// expect: verified
proof fn bc_plain_lemma(i: int)
    ensures bc_f(i),
{
    reveal(bc_f);
}

// expect: error
proof fn bc_use_plain() {
    broadcast use bc_plain_lemma;
}

// expect: error
proof fn bc_use_unknown() {
    broadcast use bc_no_such_lemma;
}

// vstd's lemmas are not modelled: the user is unsupported, never missing a fact in silence
// expect: unsupported
proof fn bc_use_vstd(s: Seq<int>) {
    broadcast use vstd::seq_lib::lemma_seq_skip_contains;
}

// `broadcast` on a function that is not a proof fn
// expect: error
broadcast spec fn bc_bad_mode(i: int) -> bool { true }

mod bc_mod {
    use super::*;

    broadcast use super::bc_f_holds;

    // the module-level `broadcast use` holds in every function of its module
    // expect: verified
    proof fn bc_module_level() {
        assert(bc_f(42));
    }

    // expect: failed assertion
    proof fn bc_module_level_wrong() {
        assert(bc_pos(42));
    }
}

// A module-level `broadcast use` also serves a spec fn's termination check.
mod bc_mod_spec {
    use super::*;

    // expect: verified
    pub uninterp spec fn bc_shrink(x: nat) -> nat;

    // expect: verified
    pub broadcast proof fn bc_shrink_lt(x: nat)
        ensures x != 0 ==> #[trigger] bc_shrink(x) < x,
    {
        assume(false);
    }

    // A generic lemma is a fact per instantiation its parameter types take among the types of the
    // using function's code; a bare type parameter (`a: A`) instantiates nothing by itself.
    // expect: verified
    pub broadcast proof fn bc_generic_fact<A>(a: A)
        ensures #[trigger] bc_generic_pred(a),
    {
        assume(false);
    }

    // expect: verified
    pub uninterp spec fn bc_generic_pred<A>(a: A) -> bool;

    pub mod bc_user {
        use super::*;

        broadcast use super::bc_shrink_lt;

        // expect: verified
        spec fn bc_down(x: nat) -> int
            decreases x,
        {
            if x == 0 { 0 } else { bc_down(bc_shrink(x)) + 1 }
        }
    }

    pub mod bc_user_without {
        use super::*;

        // expect: failed decreases
        spec fn bc_down_without(x: nat) -> int
            decreases x,
        {
            if x == 0 { 0 } else { bc_down_without(bc_shrink(x)) + 1 }
        }
    }

    pub mod bc_user_generic {
        use super::*;

        broadcast use super::bc_generic_fact;

        // expect: verified
        spec fn bc_down_generic(x: nat) -> int
            decreases x,
        {
            if x == 0 { 0 } else { bc_down_generic((x - 1) as nat) + 1 }
        }
    }
}

// ---- generic broadcast lemmas: instantiated at the types the using function has

pub struct BcBox<A> {
    pub v: A,
}

// expect: verified
pub uninterp spec fn bc_box_get<A>(b: BcBox<A>) -> A;

// expect: verified
pub broadcast proof fn bc_box_fact<A>(b: BcBox<A>)
    ensures #[trigger] bc_box_get(b) == b.v,
{
    assume(false);
}

// `#[trigger]` opening an ensures clause is a trigger (one multi-pattern with the other)
// expect: verified
pub uninterp spec fn bc_two(x: int, y: int) -> int;

// expect: verified
pub broadcast proof fn bc_two_le(x: int, y: int)
    ensures #[trigger] bc_two(x, y) <= #[trigger] bc_shrink_int(x),
{
    assume(false);
}

// expect: verified
pub uninterp spec fn bc_shrink_int(x: int) -> int;

mod bc_generic_users {
    use super::*;

    broadcast use super::bc_box_fact, super::bc_two_le;

    // expect: verified
    proof fn bc_box_at_int(b: BcBox<int>)
        ensures bc_box_get(b) == b.v,
    {
    }

    // generic code: the lemma at the function's own type parameter
    // expect: verified
    proof fn bc_box_at_param<T>(b: BcBox<T>)
        ensures bc_box_get(b) == b.v,
    {
    }

    // expect: verified
    proof fn bc_box_nested(b: BcBox<BcBox<bool>>)
        ensures bc_box_get(bc_box_get(b)) == b.v.v,
    {
    }

    // expect: failed postcondition
    proof fn bc_box_wrong(b: BcBox<int>)
        ensures bc_box_get(b) == b.v + 1,
    {
    }

    // expect: verified
    proof fn bc_two_used(a: int) {
        assert(bc_two(a, 7) <= bc_shrink_int(a));
    }

    // expect: failed assertion
    proof fn bc_two_not_strict(a: int) {
        assert(bc_two(a, 7) < bc_shrink_int(a));
    }
}

// an uninterpreted spec fn's result is a value of its type
// expect: verified
pub uninterp spec fn bc_small(x: int) -> u8;

// expect: verified
proof fn bc_small_in_range(x: int) {
    assert(0 <= bc_small(x) <= 255);
}

// expect: failed assertion
proof fn bc_small_not_known(x: int) {
    assert(bc_small(x) < 255);
}

mod bc_mod_two {
    use super::*;

    broadcast use super::bc_f_holds;
    broadcast use super::bc_g_ge;

    // Verus allows one module-level `broadcast use` per module
    // expect: error
    proof fn bc_two_module_uses() {
        assert(bc_f(1));
    }
}

// no #[trigger]: the fact's triggers are chosen automatically
// expect: verified
#[verifier::opaque]
spec fn bc_h(i: int) -> int { i + 1 }

// expect: verified
broadcast proof fn bc_h_auto(i: int)
    ensures bc_h(i) > i,
{
    reveal(bc_h);
}

// expect: verified
proof fn bc_auto_trigger(x: int) {
    broadcast use bc_h_auto;
    assert(bc_h(x) > x);
}

// expect: failed assertion
proof fn bc_auto_trigger_wrong(x: int) {
    broadcast use bc_h_auto;
    assert(bc_h(x) > x + 1);
}

// a lemma over the `self` of a method, as kernels write them
pub struct BcTable { pub a: u64, pub b: u64 }

impl BcTable {
    // expect: verified
    #[verifier::opaque]
    pub open spec fn wf(&self) -> bool { self.a_wf() && self.b_wf() }
    // expect: verified
    pub open spec fn a_wf(&self) -> bool { self.a < 100 }
    // expect: verified
    pub open spec fn b_wf(&self) -> bool { self.b < 100 }

    // expect: verified
    pub broadcast proof fn reveal_wf(&self)
        ensures #[trigger] self.wf() <==> {
            &&& self.a_wf()
            &&& self.b_wf()
        },
    {
        reveal(BcTable::wf);
    }

    // expect: verified
    fn bc_method_user(&self) -> (r: u64)
        requires self.wf(),
        ensures r < 200,
    {
        proof {
            broadcast use BcTable::reveal_wf;
        }
        self.a + self.b
    }

    // expect: failed overflow
    fn bc_method_no_use(&self) -> u64
        requires self.wf(),
    {
        self.a + self.b
    }
}

// `ensures #![all_triggers] ..` of a broadcast lemma: every minimal term triggers it (here `bc_a(x)`,
// `bc_b(x)` and `bc_c(x)` each)
// expect: verified
uninterp spec fn bc_a(x: nat) -> bool;
// expect: verified
uninterp spec fn bc_b(x: nat) -> bool;
// expect: verified
uninterp spec fn bc_c(x: nat) -> bool;

// expect: verified
broadcast proof fn bc_all_triggers(x: nat)
    requires bc_a(x),
    ensures #![all_triggers] bc_b(x) && bc_c(x),
{
    admit();
}

// expect: verified
proof fn bc_use_all_triggers(x: nat)
    requires bc_a(x),
{
    broadcast use bc_all_triggers;
    assert(bc_c(x));
}

// expect: failed assertion
proof fn bc_use_all_triggers_needs_requires(x: nat) {
    broadcast use bc_all_triggers;
    assert(bc_c(x));
}

// `ensures #![trigger e] ..` of a broadcast lemma: its quantifier's trigger
// expect: verified
uninterp spec fn bc_t1(x: int) -> bool;
// expect: verified
uninterp spec fn bc_t2(x: int) -> bool;

// expect: verified
broadcast proof fn bc_written_trigger(x: int)
    ensures #![trigger bc_t1(x)] bc_t1(x) ==> bc_t2(x),
{
    admit();
}

// expect: verified
proof fn bc_use_written_trigger(x: int)
    requires bc_t1(x),
{
    broadcast use bc_written_trigger;
    assert(bc_t2(x));
}

// expect: failed assertion
proof fn bc_written_trigger_not_used(x: int)
    requires bc_t1(x),
{
    assert(bc_t2(x));
}

// expect: failed assertion
proof fn bc_use_all_triggers_wrong(x: nat)
    requires bc_a(x),
{
    broadcast use bc_all_triggers;
    assert(!bc_b(x));
}

// expect: failed assertion
proof fn bc_use_written_trigger_wrong(x: int)
    requires bc_t1(x),
{
    broadcast use bc_written_trigger;
    assert(!bc_t2(x));
}

} // verus!
