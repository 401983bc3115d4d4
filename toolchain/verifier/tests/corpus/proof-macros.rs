// Verus's proof macros: `calc!` (a chain of steps, each proved in its own scope, giving the
// chain's relation), `decreases_to!` (Verus's `decreases` order as a spec value) and vstd's
// `assert_seqs_equal!(a == b)`; also a callee with more `decreases` measures than its caller,
// equal on the caller's (Verus's rule for mutual recursion).
use vstd::prelude::*;

verus! {

// expect: verified
proof fn pm_calc_chain(x: int)
    requires x == 2,
{
    calc! {
        (<=)
        x; (==) { }
        3 - 1; (<) { }
        5;
    };
    assert(x <= 5);
}

// expect: failed assertion
proof fn pm_calc_relation_is_all_it_gives(x: int)
    requires x == 2,
{
    calc! {
        (<=)
        x; (==) { }
        3 - 1; (<) { }
        5;
    };
    assert(x == 1);
}

// (a step's assumption reaches neither the next step nor the code after the chain)
// expect: failed assertion
proof fn pm_calc_steps_are_scoped(a: int, b: int, c: int) {
    calc! {
        (==)
        a; { assume(false); }
        b; { assume(false); }
        c;
    };
    assert(a == b);
}

// expect: failed assertion
proof fn pm_calc_step_needs_proof(a: int, b: int) {
    calc! {
        (==)
        a; { }
        b;
    };
}

// expect: error
proof fn pm_calc_inconsistent(x: int) {
    calc! {
        (<=)
        x; (>) { assume(false); }
        1;
    };
}

// expect: verified
proof fn pm_seqs_equal() {
    let a: Seq<u8> = seq![1u8, 2u8];
    let b: Seq<u8> = seq![1u8];
    let c: Seq<u8> = seq![2u8];
    assert_seqs_equal!(a == b + c);
    assert(a == b + c);
}

// expect: failed assertion
proof fn pm_seqs_not_equal() {
    let a: Seq<u8> = seq![1u8, 2u8];
    let b: Seq<u8> = seq![2u8, 1u8];
    assert_seqs_equal!(a == b);
}

// the older two-argument form, and the maps' and sets' macros
// expect: verified
proof fn pm_collections_equal(m1: Map<int, int>, m2: Map<int, int>, n: int, s: Set<int>)
    requires m1.dom().contains(n), !m2.dom().contains(n),
{
    let a = Seq::new(3, |i: int| 10 * i);
    assert_seqs_equal!(a, seq![0int, 10, 20]);
    assert_maps_equal!(m1.remove(n).union_prefer_right(m2), m1.union_prefer_right(m2).remove(n));
    assert_sets_equal!(s.insert(1).remove(1), s.remove(1));
}

// expect: failed assertion
proof fn pm_sets_not_equal(s: Set<int>) {
    assert_sets_equal!(s.insert(1), s);
}

// (the form with a proof for each element is not read)
// expect: unsupported
proof fn pm_seqs_equal_by_elements() {
    let a: Seq<u8> = seq![1u8];
    assert_seqs_equal!(a, a, i => {});
}

// expect: verified
proof fn pm_decreases_to(i: nat, j: nat, k: nat)
    requires i > 0, j > 0,
{
    assert(decreases_to!(i => i - 1));
    assert(decreases_to!(i => i, 100 * i));
    assert(decreases_to!(j, k => j - 1, 100 * j + k));
    assert(decreases_to!(j, k => j - 1));
}

// expect: failed assertion
proof fn pm_decreases_to_equal(i: nat) {
    assert(decreases_to!(i => i));
}

// expect: failed assertion
proof fn pm_decreases_to_shorter(j: nat, k: nat) {
    assert(decreases_to!(j, k => j));
}

// expect: failed assertion
proof fn pm_decreases_to_second_grows(j: nat, k: nat) {
    assert(decreases_to!(j, k => j, 100 * j + k));
}

// (Verus: a decrease goes to a value that is at least 0)
// expect: failed assertion
proof fn pm_decreases_to_negative() {
    assert(decreases_to!(0int => -1int));
}

// expect: verified
proof fn pm_dec_short(i: nat)
    decreases i,
{
    if 0 < i {
        pm_dec_short((i - 1) as nat);
        pm_dec_long(i, 100 * i);
    }
}

// expect: verified
proof fn pm_dec_long(j: nat, k: nat)
    decreases j, k,
{
    if 0 < k {
        pm_dec_long(j, (k - 1) as nat);
    }
    if 0 < j {
        pm_dec_long((j - 1) as nat, 100 * j + k);
        pm_dec_short((j - 1) as nat);
    }
}

// (a call to the longer measure may keep the shared part; the way back must decrease it)
// expect: verified
proof fn pm_dec_short2(i: nat)
    decreases i,
{
    if 0 < i {
        pm_dec_long2(i, 3);
    }
}

// expect: failed decreases
proof fn pm_dec_long2(j: nat, k: nat)
    decreases j, k,
{
    pm_dec_short2(j);
}

// Verus's older `assert_by(e, { proof });`: the proof's facts stay inside it
// expect: verified
#[verifier::opaque]
spec fn pm_hidden(x: int) -> bool { x > 0 }

// expect: verified
proof fn pm_assert_by() {
    assert_by(pm_hidden(1), { reveal(pm_hidden); });
    assert(pm_hidden(1));
}

// expect: failed assertion
proof fn pm_assert_by_local() {
    assert_by(pm_hidden(1), { reveal(pm_hidden); });
    assert(pm_hidden(2));
}

// expect: failed assertion
proof fn pm_assert_by_wrong() {
    assert_by(pm_hidden(0), { reveal(pm_hidden); });
}

} // verus!
