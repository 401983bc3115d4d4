// The library's `Multiset<V>` (library/vstd/multiset.rs): vstd's API, its axioms in vstd's default
// broadcast group (every function of a crate that uses the library has them, at the multiset types
// of its code), `=~=` as its extensional equality. What the axioms do not give must fail.
use vstd::prelude::*;
use vstd::multiset::*;

verus! {

// expect: verified
pub proof fn ms_add_commutative<V>(a: Multiset<V>, b: Multiset<V>)
    ensures a.add(b) == b.add(a),
{
    assert(a.add(b) =~= b.add(a));
}

// expect: failed postcondition
pub proof fn ms_add_not_ext_asserted<V>(a: Multiset<V>, b: Multiset<V>)
    ensures a.add(b) == a.add(a),
{
}

// expect: verified
pub proof fn ms_add_associative<V>(a: Multiset<V>, b: Multiset<V>, c: Multiset<V>)
    ensures a.add(b.add(c)) == a.add(b).add(c),
{
    assert(a.add(b.add(c)) =~= a.add(b).add(c));
}

// expect: verified
pub proof fn ms_insert_counts<V>(a: V, b: V, c: V)
    requires a != b && b != c && c != a,
{
    assert(Multiset::empty().insert(a).insert(b).count(a) == 1);
    assert(Multiset::empty().insert(a).insert(b).count(c) == 0);
    assert(Multiset::empty().insert(a).insert(a).count(a) == 2);
}

// expect: failed assertion
pub proof fn ms_insert_counts_may_coincide<V>(a: V, b: V) {
    assert(Multiset::empty().insert(a).insert(b).count(a) == 1);
}

// expect: verified
pub proof fn ms_sub_add<V>(a: Multiset<V>, b: Multiset<V>)
    requires b.subset_of(a),
    ensures a.sub(b).add(b) == a, a.add(b).sub(b) == a,
{
    assert(a.sub(b).add(b) =~= a);
    assert(a.add(b).sub(b) =~= a);
}

// expect: failed assertion
pub proof fn ms_sub_add_needs_subset<V>(a: Multiset<V>, b: Multiset<V>) {
    assert(a.sub(b).add(b) =~= a);
}

// expect: verified
pub proof fn ms_len(a: Multiset<int>, b: Multiset<int>)
    requires b <= a,
{
    assert(a.insert(3).len() == a.len() + 1);
    assert(a.add(b).len() == a.len() + b.len());
    assert(a.sub(b).len() == a.len() - b.len());
    assert(a.count(7) <= a.len());
    assert(Multiset::<int>::empty().len() == 0);
}

// expect: failed assertion
pub proof fn ms_len_sub_needs_subset(a: Multiset<int>, b: Multiset<int>) {
    assert(a.sub(b).len() == a.len() - b.len());
}

// expect: verified
pub proof fn ms_choose<V>(m: Multiset<V>)
    requires m.len() != 0,
{
    assert(m.count(m.choose()) > 0);
    assert(m.contains(m.choose()));
}

// expect: failed assertion
pub proof fn ms_choose_of_maybe_empty<V>(m: Multiset<V>) {
    assert(m.count(m.choose()) > 0);
}

// expect: verified
pub proof fn ms_empty_len<V>(m: Multiset<V>)
    requires forall|v: V| m.count(v) == 0,
    ensures m.len() == 0,
{
    if m.len() != 0 {
        assert(m.count(m.choose()) > 0);
    }
}

// expect: verified
pub proof fn ms_filter(m: Multiset<int>) {
    let evens = m.filter(|x: int| x % 2 == 0);
    assert(evens.count(4) == m.count(4));
    assert(evens.count(3) == 0);
}

// expect: failed assertion
pub proof fn ms_filter_drops(m: Multiset<int>)
    requires m.count(3) > 0,
{
    assert(m.filter(|x: int| x % 2 == 0).count(3) == m.count(3));
}

// expect: verified
pub proof fn ms_from_map(m: Map<int, nat>)
    requires m.dom().contains(1), m[1] == 5, !m.dom().contains(2), m.dom().finite(),
{
    assert(Multiset::from_map(m).count(1) == 5);
    assert(Multiset::from_map(m).count(2) == 0);
}

// A map here may have an infinite domain (vstd's maps are finite): a multiset counting every
// value of one would have a finite `len` below a finite sub-multiset's, so `from_map` tells the
// counts of a finite map only.
// expect: failed assertion
pub proof fn ms_from_infinite_map() {
    let m = Map::new(Set::new(|x: int| true), |v: int| 1nat);
    assert(Multiset::from_map(m).count(5) == 1);
}

// expect: verified
pub proof fn ms_from_finite_map() {
    let m = map![1int => 2nat];
    assert(Multiset::from_map(m).count(1) == 2);
}

// expect: failed assertion
pub proof fn ms_from_map_wrong(m: Map<int, nat>)
    requires m.dom().contains(1), m[1] == 5,
{
    assert(Multiset::from_map(m).count(1) == 4);
}

// expect: verified
pub proof fn ms_singleton_distinct(a: u8, b: u8)
    requires a != b,
{
    assert(Multiset::singleton(a).count(b) == 0);
    assert(Multiset::singleton(a) != Multiset::singleton(b));
}

// `<=` is `spec_le` (`subset_of`); `<` is no operation of a multiset (rustc's error)
// expect: error
pub proof fn ms_no_strict_order(a: Multiset<int>, b: Multiset<int>) {
    assert(a < b);
}

} // verus!
