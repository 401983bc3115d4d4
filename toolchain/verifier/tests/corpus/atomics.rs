// vstd::atomic (library/vstd/atomic.rs): an atomic and the tracked permission that holds its
// value. Each operation's contract must say what it does to the value: the programs that must
// fail check that a wrong claim, an overflowing fetch_add and another atomic's permission fail.
use vstd::prelude::*;
use vstd::atomic::*;

verus! {

// expect: verified
fn at_counter() {
    let (at, Tracked(mut perm)) = PAtomicU32::new(5);
    let l = at.load(Tracked(&perm));
    assert(l == 5);
    at.store(Tracked(&mut perm), 6);
    let old = at.fetch_add(Tracked(&mut perm), 10);
    assert(old == 6 && perm.view().value == 16);
    let r = at.compare_exchange(Tracked(&mut perm), 16, 3);
    assert(r is Ok && perm.value() == 3);
    let r = at.compare_exchange(Tracked(&mut perm), 16, 4);
    assert(r is Err && perm.value() == 3);
    let s = at.swap(Tracked(&mut perm), 9);
    assert(s == 3 && perm.value() == 9);
    let m = at.fetch_max(Tracked(&mut perm), 20);
    assert(m == 9 && perm.value() == 20);
    let v = at.into_inner(Tracked(perm));
    assert(v == 20);
}

// expect: verified
fn at_flag() {
    let (flag, Tracked(mut p)) = PAtomicBool::new(true);
    let was = flag.fetch_and(Tracked(&mut p), false);
    assert(was && !p.value());
    let was = flag.fetch_or(Tracked(&mut p), true);
    assert(!was && p.value());
}

// expect: failed assertion
fn at_wrong_value() {
    let (at, Tracked(mut perm)) = PAtomicU64::new(5);
    at.fetch_sub(Tracked(&mut perm), 2);
    assert(perm.value() == 2);
}

// expect: failed precondition
fn at_add_overflow() {
    let (at, Tracked(mut perm)) = PAtomicU32::new(0xf000_0000);
    at.fetch_add(Tracked(&mut perm), 0xf000_0000);
}

// expect: failed precondition
fn at_sub_underflow() {
    let (at, Tracked(mut perm)) = PAtomicI32::new(-0x7000_0000);
    at.fetch_sub(Tracked(&mut perm), 0x7000_0000);
}

// (each permission is for one atomic)
// expect: failed precondition
fn at_other_permission() {
    let (a1, Tracked(mut p1)) = PAtomicUsize::new(1);
    let (a2, Tracked(mut p2)) = PAtomicUsize::new(1);
    a1.store(Tracked(&mut p2), 3);
}

} // verus!
