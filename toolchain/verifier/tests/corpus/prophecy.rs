// Prophetic values (`#[verifier::prophetic]`): where a prophecy may flow (check/prophecy.ts).
use vstd::prelude::*;

verus! {

// expect: verified
#[verifier::prophetic]
uninterp spec fn pr_proph() -> bool;

// expect: verified
#[verifier::prophetic]
uninterp spec fn pr_proph_int() -> int;

// expect: verified
proof fn pr_tracked_lemma(b: bool, tracked t: ()) { }

// expect: verified
proof fn pr_lemma_add(a: int, b: int) -> (r: int)
    ensures r == a + b,
{ a + b }

// a prophetic spec fn may compute with prophecies; its callers are prophetic too
// expect: verified
#[verifier::prophetic]
spec fn pr_next() -> int { pr_proph_int() + 1 }

// expect: error
spec fn pr_nonprophetic_body(b: bool) -> int { if b { pr_proph_int() } else { 0 } }

// expect: error
spec fn pr_calls_prophetic() -> int { pr_next() }

// prophecies in proofs: what the definitions say holds, nothing more
// expect: verified
proof fn pr_reason_about() {
    let x = pr_proph_int();
    assert(pr_next() == x + 1);
    let r = pr_lemma_add(x, 2);
    assert(r == pr_next() + 1);
    let g = Ghost(x);
    assert(g@ == x);
}

// expect: failed assertion
proof fn pr_value_unknown() {
    assert(pr_proph_int() == 0);
}

// expect: failed assertion
proof fn pr_branch_unknown() {
    let mut x = pr_proph_int();
    if pr_proph() {
        x = 1;
    } else {
        x = 2;
    }
    assert(x == 1);
}

// expect: error
fn pr_ghost_wrapper_in_exec() {
    let ghost x = pr_proph();
    let y = Ghost(x);
}

// expect: error
proof fn pr_ghost_wrapper_tracked() {
    let x = pr_proph();
    let tracked y = Ghost(x);
}

// expect: error
fn pr_declared_prophetic() {
    #[verifier::prophetic]
    let ghost x = false;
    let y = Ghost(x);
}

// expect: error
proof fn pr_tracked_lemma_arg() {
    pr_tracked_lemma(pr_proph(), ());
}

// expect: error
proof fn pr_assign_nonprophetic() {
    let mut x = false;
    x = pr_proph();
}

// expect: error
proof fn pr_conditional_assign() {
    let mut x = false;
    if pr_proph() {
        x = true;
    }
}

// expect: error
proof fn pr_conditional_short_circuit() {
    let mut x = false;
    let y = pr_proph() || ({ x = true; false });
}

// expect: error
proof fn pr_conditional_return() {
    if pr_proph() {
        return;
    }
}

// expect: error
proof fn pr_conditional_tracked_call() {
    if pr_proph() {
        pr_tracked_lemma(true, ());
    }
}

// expect: error
proof fn pr_prophetic_result() -> int {
    pr_proph_int()
}

// expect: error
proof fn pr_prophetic_decreases()
    decreases pr_proph_int(),
{
    pr_prophetic_decreases();
}

// assignments to prophetic locations, and to locals declared under a prophetic condition
// expect: verified
proof fn pr_prophetic_locations() {
    let mut z = pr_proph_int();
    if pr_proph() {
        let mut x = 0;
        x = pr_proph_int();
        z = x;
    }
    z = pr_proph_int();
}

// expect: verified
fn pr_exec_with_prophetic_ghost() {
    let ghost mut x = pr_proph();
    #[verifier::prophetic]
    let ghost mut y = false;
    proof {
        x = pr_proph();
        y = x;
    }
    assert(y == pr_proph());
}

// ---- prophetic trait methods: a call through the trait (at a type parameter) is prophetic; an
// impl's method is prophetic only when it says so, and may not when the trait's is not

struct PrBox { b: bool }
struct PrPlain { b: bool }

trait PrTr {
    #[verifier::prophetic]
    spec fn f(&self) -> bool;
}

impl PrTr for PrBox {
    // expect: verified
    #[verifier::prophetic]
    spec fn f(&self) -> bool { pr_proph() }
}

impl PrTr for PrPlain {
    // expect: verified
    spec fn f(&self) -> bool { self.b }
}

// expect: verified
#[verifier::prophetic]
spec fn pr_through_trait<T: PrTr>(t: &T) -> bool { t.f() }

// expect: error
spec fn pr_through_trait_not_prophetic<T: PrTr>(t: &T) -> bool { t.f() }

// The impl for `PrPlain` is not prophetic: its value is not a prophecy.
// expect: verified
spec fn pr_plain_impl(t: &PrPlain) -> bool { t.f() }

// expect: error
spec fn pr_box_impl(t: &PrBox) -> bool { t.f() }

trait PrNotProph {
    spec fn g(&self) -> bool;
}

impl PrNotProph for PrBox {
    // expect: error
    #[verifier::prophetic]
    spec fn g(&self) -> bool { pr_proph() }
}

impl PrNotProph for PrPlain {
    // A prophecy in the body of an impl method that is not prophetic.
    // expect: error
    spec fn g(&self) -> bool { pr_proph() }
}

} // verus!
