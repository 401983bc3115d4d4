// vstd's invariants: `open_atomic_invariant!` / `open_local_invariant!` (and their `_in_proof`
// forms) give the body a tracked value the invariant holds of, which it must give back holding
// it; the namespace must be in the mask, is out of it inside (a second open of it, or a call that
// may open any invariant, fails), and nothing inside may unwind. An atomic block holds at most
// one atomic exec operation and no other exec call or loop; no block may be left early; a local
// invariant stays borrowed while open.
use vstd::invariant::*;

verus! {

struct InvPred {}

impl InvariantPredicate<u8, u8> for InvPred {
    // expect: verified
    open spec fn inv(k: u8, v: u8) -> bool {
        v <= k
    }
}

struct InvToken {}

// expect: verified
#[verifier::atomic]
#[verifier::external_body]
fn inv_atomic_step() opens_invariants none no_unwind {}

// expect: verified
#[verifier::external_body]
fn inv_plain_step() opens_invariants none no_unwind {}

// expect: verified
fn inv_may_unwind() opens_invariants none {}

// expect: verified
proof fn inv_opens_any() opens_invariants any {}

// expect: verified
proof fn inv_make(tracked v: u8) -> (tracked i: AtomicInvariant<u8, u8, InvPred>)
    requires v <= 10,
    ensures i.constant() == 10, i.namespace() == 3,
{
    AtomicInvariant::new(10u8, v, 3)
}

// expect: failed precondition
proof fn inv_make_broken(tracked v: u8) -> (tracked i: AtomicInvariant<u8, u8, InvPred>) {
    AtomicInvariant::new(10u8, v, 3)
}

// expect: verified
fn inv_keep<A, B: InvariantPredicate<A, u8>>(Tracked(i): Tracked<AtomicInvariant<A, u8, B>>)
    requires i.inv(0),
{
    open_atomic_invariant!(&i => inner => {
        let tracked t = InvToken {};
        proof { inner = 0u8; }
    });
}

// expect: verified
fn inv_concrete(Tracked(i): Tracked<AtomicInvariant<u8, u8, InvPred>>)
    requires i.constant() == 10,
{
    open_atomic_invariant!(&i => inner => {
        assert(inner <= 10);
        proof { inner = 4u8; }
    });
}

// expect: failed precondition
fn inv_break_it(Tracked(i): Tracked<AtomicInvariant<u8, u8, InvPred>>)
    requires i.constant() == 10,
{
    open_atomic_invariant!(&i => inner => {
        proof { inner = 11u8; }
    });
}

// expect: failed precondition
fn inv_unknown_value<A, B: InvariantPredicate<A, u8>>(Tracked(i): Tracked<LocalInvariant<A, u8, B>>) {
    open_local_invariant!(&i => inner => {
        proof { inner = 0u8; }
    });
}

// expect: failed assertion
fn inv_value_unknown<A, B: InvariantPredicate<A, u8>>(Tracked(i): Tracked<LocalInvariant<A, u8, B>>) {
    open_local_invariant!(&i => inner => {
        assert(inner == 0);
    });
}

// (the end gives back to the invariant as it was opened, not to a new one in its variable)
// expect: failed precondition
fn inv_switch(Tracked(i): Tracked<AtomicInvariant<u8, u8, InvPred>>) {
    let tracked mut i = i;
    open_atomic_invariant!(&i => inner => {
        proof {
            inner = 7u8;
            i = AtomicInvariant::new(7u8, 7u8, 1337);
        }
    });
}

// expect: failed precondition
fn inv_nested_same<A, B: InvariantPredicate<A, u8>>(Tracked(i): Tracked<AtomicInvariant<A, u8, B>>) {
    open_atomic_invariant!(&i => inner => {
        open_atomic_invariant!(&i => inner2 => {});
    });
}

// expect: verified
fn inv_nested_distinct<A, B: InvariantPredicate<A, u8>>(Tracked(i): Tracked<AtomicInvariant<A, u8, B>>, Tracked(j): Tracked<LocalInvariant<A, u8, B>>)
    requires i.namespace() == 0, j.namespace() == 1,
{
    open_atomic_invariant!(&i => inner => {
        open_local_invariant!(&j => inner2 => {});
    });
}

// expect: failed precondition
fn inv_call_may_open<A, B: InvariantPredicate<A, u8>>(Tracked(i): Tracked<AtomicInvariant<A, u8, B>>) {
    open_atomic_invariant!(&i => inner => {
        proof { inv_opens_any(); }
    });
}

// expect: failed precondition
fn inv_outside_mask<A, B: InvariantPredicate<A, u8>>(Tracked(i): Tracked<AtomicInvariant<A, u8, B>>) opens_invariants none {
    open_atomic_invariant!(&i => inner => {});
}

// expect: verified
fn inv_in_mask<A, B: InvariantPredicate<A, u8>>(Tracked(i): Tracked<AtomicInvariant<A, u8, B>>)
    requires i.namespace() == 5,
    opens_invariants [5int]
{
    open_atomic_invariant!(&i => inner => {});
}

// expect: failed precondition
fn inv_unwinding_call<A, B: InvariantPredicate<A, u8>>(Tracked(i): Tracked<LocalInvariant<A, u8, B>>) {
    open_local_invariant!(&i => inner => {
        inv_may_unwind();
    });
}

// expect: verified
fn inv_local_anything<A, B: InvariantPredicate<A, u8>>(Tracked(i): Tracked<LocalInvariant<A, u8, B>>) {
    open_local_invariant!(&i => inner => {
        inv_atomic_step();
        inv_plain_step();
        inv_atomic_step();
    });
}

// expect: verified
fn inv_atomic_one<A, B: InvariantPredicate<A, u8>>(Tracked(i): Tracked<AtomicInvariant<A, u8, B>>, j: u8) {
    open_atomic_invariant!(&i => inner => {
        if j == 1 {
            inv_atomic_step();
        }
    });
}

// expect: error
fn inv_atomic_two<A, B: InvariantPredicate<A, u8>>(Tracked(i): Tracked<AtomicInvariant<A, u8, B>>) {
    open_atomic_invariant!(&i => inner => {
        inv_atomic_step();
        inv_atomic_step();
    });
}

// expect: error
fn inv_atomic_plain<A, B: InvariantPredicate<A, u8>>(Tracked(i): Tracked<AtomicInvariant<A, u8, B>>) {
    open_atomic_invariant!(&i => inner => {
        inv_plain_step();
    });
}

// expect: error
fn inv_atomic_loop<A, B: InvariantPredicate<A, u8>>(Tracked(i): Tracked<AtomicInvariant<A, u8, B>>) {
    let mut x: u8 = 0;
    open_atomic_invariant!(&i => inner => {
        while x < 3
            decreases 3 - x,
        {
            x = x + 1;
        }
    });
}

// expect: error
fn inv_exit_early<A, B: InvariantPredicate<A, u8>>(Tracked(i): Tracked<AtomicInvariant<A, u8, B>>) {
    open_atomic_invariant!(&i => inner => {
        return;
    });
}

// expect: error
fn inv_local_moved<A, B: InvariantPredicate<A, u8>>(Tracked(i): Tracked<LocalInvariant<A, u8, B>>) {
    open_local_invariant!(&i => inner => {
        proof { let tracked v = i.into_inner(); }
    });
}

// (a spec fn reads its argument: no move)
// expect: verified
fn inv_local_spec_read<A, B: InvariantPredicate<A, u8>>(Tracked(i): Tracked<LocalInvariant<A, u8, B>>)
    requires i.inv(3),
{
    open_local_invariant!(&i => inner => {
        assert(inv_same(i, i));
        proof { inner = 3u8; }
    });
}

// expect: verified
spec fn inv_same<T>(a: T, b: T) -> bool {
    a == b
}

// expect: error
fn inv_mixup<A, B: InvariantPredicate<A, u8>>(Tracked(i): Tracked<LocalInvariant<A, u8, B>>) {
    open_atomic_invariant!(&i => inner => {});
}

// expect: verified
proof fn inv_in_proof<A, B: InvariantPredicate<A, u8>>(tracked credit: OpenInvariantCredit, tracked i: AtomicInvariant<A, u8, B>)
    requires i.inv(1),
    opens_invariants any
{
    open_atomic_invariant_in_proof!(credit => &i => inner => {
        inner = 1u8;
    });
}

// expect: failed precondition
proof fn inv_in_proof_no_mask<A, B: InvariantPredicate<A, u8>>(tracked credit: OpenInvariantCredit, tracked i: AtomicInvariant<A, u8, B>) {
    open_atomic_invariant_in_proof!(credit => &i => inner => {});
}

// expect: verified
#[verifier::atomic]
fn inv_atomic_fn() {
    inv_atomic_step();
}

// expect: error
#[verifier::atomic]
fn inv_atomic_fn_two() {
    inv_atomic_step();
    inv_atomic_step();
}

// An invariant over the unit type: the value a block opens is `()` (a named result of type `()`
// at the call's generic arguments is bound like any other).
struct UnitPred {}

impl InvariantPredicate<(), ()> for UnitPred {
    // expect: verified
    closed spec fn inv(k: (), v: ()) -> bool { true }
}

// expect: verified
fn inv_unit(Tracked(i): Tracked<AtomicInvariant<(), (), UnitPred>>)
    requires i.namespace() == 7,
{
    open_atomic_invariant!(&i => inner => {
    });
}

// expect: failed assertion
fn inv_unit_nothing_more(Tracked(i): Tracked<AtomicInvariant<(), (), UnitPred>>)
    requires i.namespace() == 7,
{
    open_atomic_invariant!(&i => inner => {
    });
    assert(i.namespace() == 8);
}

// `opens_invariants s`: the namespaces of a set (`Set<int>` or vstd's `ISet<int>`)
// expect: verified
proof fn inv_set_mask_opens<A, B: InvariantPredicate<A, u8>>(tracked credit: OpenInvariantCredit, tracked i: AtomicInvariant<A, u8, B>, s: Set<int>)
    requires s.contains(i.namespace()),
    opens_invariants s
{
    open_atomic_invariant_in_proof!(credit => &i => inner => {});
}

// expect: failed precondition
proof fn inv_set_mask_not_member<A, B: InvariantPredicate<A, u8>>(tracked credit: OpenInvariantCredit, tracked i: AtomicInvariant<A, u8, B>, s: Set<int>)
    requires s.contains(i.namespace() + 1),
    opens_invariants s
{
    open_atomic_invariant_in_proof!(credit => &i => inner => {});
}

// expect: verified
proof fn inv_opens_set(s: vstd::iset::ISet<int>) opens_invariants s {}

// a call inside an open invariant: the callee's set must not hold the open namespace
// expect: verified
proof fn inv_set_call_inside<A, B: InvariantPredicate<A, u8>>(tracked credit: OpenInvariantCredit, tracked i: AtomicInvariant<A, u8, B>, s: vstd::iset::ISet<int>)
    requires !s.contains(i.namespace()),
    opens_invariants any
{
    open_atomic_invariant_in_proof!(credit => &i => inner => {
        inv_opens_set(s);
    });
}

// expect: failed precondition
proof fn inv_set_call_inside_colliding<A, B: InvariantPredicate<A, u8>>(tracked credit: OpenInvariantCredit, tracked i: AtomicInvariant<A, u8, B>, s: vstd::iset::ISet<int>)
    opens_invariants any
{
    open_atomic_invariant_in_proof!(credit => &i => inner => {
        inv_opens_set(s);
    });
}

// a caller's mask must hold every namespace of the callee's set
// expect: verified
proof fn inv_set_calls_same_set(s: vstd::iset::ISet<int>) opens_invariants s {
    inv_opens_set(s);
}

// expect: verified
proof fn inv_set_calls_subset(s: vstd::iset::ISet<int>, t: vstd::iset::ISet<int>)
    requires s.subset_of(t),
    opens_invariants t
{
    inv_opens_set(s);
}

// expect: failed precondition
proof fn inv_set_calls_other_set(s: vstd::iset::ISet<int>, t: vstd::iset::ISet<int>) opens_invariants t {
    inv_opens_set(s);
}

// expect: failed precondition
proof fn inv_list_calls_set(s: vstd::iset::ISet<int>) opens_invariants [7int] {
    inv_opens_set(s);
}

// expect: verified
proof fn inv_list_calls_singleton() opens_invariants [7int] {
    inv_opens_set(vstd::iset::ISet::empty().insert(7));
}

// expect: failed precondition
proof fn inv_none_calls_set(s: vstd::iset::ISet<int>) opens_invariants none {
    inv_opens_set(s);
}

// expect: verified
proof fn inv_set_calls_member(s: Set<int>) requires s.contains(5), opens_invariants s {
    inv_opens_five();
}

// expect: failed precondition
proof fn inv_set_calls_nonmember(s: Set<int>) opens_invariants s {
    inv_opens_five();
}

// expect: verified
proof fn inv_opens_five() opens_invariants [5int] {}

// expect: error
spec fn inv_spec_set_mask(s: Set<int>) -> bool opens_invariants s { true }

// a bigger set than the caller's
// expect: failed precondition
proof fn inv_set_calls_insert(s: vstd::iset::ISet<int>) opens_invariants s {
    inv_opens_set(s.insert(3));
}

} // verus!
