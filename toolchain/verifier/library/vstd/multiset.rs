// vstd::multiset: `Multiset<V>`, a finite multiset for specifications. As in vstd, the type is
// opaque and what its operations mean is stated by trusted broadcast axioms (`group_multiset_axioms`,
// in vstd's default group: every crate that uses the library has them, instantiated at the
// multiset types its code has). Names, signatures and what each axiom states follow vstd.
//
// Why this is sound although the axioms are trusted: the operations are uninterpreted, so each
// value of the type can be taken to stand for one finite multiset (its field only gives the type
// infinitely many values, with no invariant to carry; nothing relates it to the counts), and
// every axiom below holds of finite multisets with their usual operations.
verus! {

/// A finite multiset of values of `V`: how many times each value occurs (`count`), finitely many
/// values occurring. Two multisets with the same counts are equal (`=~=`).
#[verifier::ext_equal]
pub struct Multiset<V> {
    id: int,
}

impl<V> Multiset<V> {
    /// How many times `value` occurs.
    pub uninterp spec fn count(self, value: V) -> nat;

    /// How many values occur, counted with their multiplicities.
    pub uninterp spec fn len(self) -> nat;

    /// The multiset with no values.
    pub uninterp spec fn empty() -> Self;

    /// The multiset in which each key of `m` occurs `m[key]` times.
    pub uninterp spec fn from_map(m: Map<V, nat>) -> Self;

    /// Each value of `m` once.
    pub open spec fn from_set(m: Set<V>) -> Self {
        Self::from_map(Map::new(m, |v: V| 1nat))
    }

    /// `v` once.
    pub uninterp spec fn singleton(v: V) -> Self;

    /// The counts of `self` and `m2` added.
    pub uninterp spec fn add(self, m2: Self) -> Self;

    /// The counts of `m2` taken from those of `self` (down to 0).
    pub uninterp spec fn sub(self, m2: Self) -> Self;

    /// One more `v`.
    pub open spec fn insert(self, v: V) -> Self {
        self.add(Self::singleton(v))
    }

    /// One `v` fewer (none if there was none).
    pub open spec fn remove(self, v: V) -> Self {
        self.sub(Self::singleton(v))
    }

    /// Every value occurs in `m2` at least as often as in `self`.
    pub open spec fn subset_of(self, m2: Self) -> bool {
        forall|v: V| self.count(v) <= m2.count(v)
    }

    /// `<=`: `subset_of`.
    #[verifier::inline]
    pub open spec fn spec_le(self, m2: Self) -> bool {
        self.subset_of(m2)
    }

    /// The values of `self` that satisfy `f`, each as often as in `self`.
    pub uninterp spec fn filter(self, f: spec_fn(V) -> bool) -> Self;

    /// Some value that occurs, when one does.
    pub open spec fn choose(self) -> V {
        choose|v: V| self.count(v) > 0
    }

    /// `v` occurs.
    pub open spec fn contains(self, v: V) -> bool {
        self.count(v) > 0
    }

    /// `m has v`: `contains`.
    #[verifier::inline]
    pub open spec fn spec_has(self, v: V) -> bool {
        self.contains(v)
    }

    /// Each value as often as it occurs in both.
    pub open spec fn intersection_with(self, other: Self) -> Self {
        let m = Map::<V, nat>::new(self.dom(), |v: V| if self.count(v) <= other.count(v) { self.count(v) } else { other.count(v) });
        Self::from_map(m)
    }

    /// Each value as often as it occurs in `self` beyond `other`.
    pub open spec fn difference_with(self, other: Self) -> Self {
        let m = Map::<V, nat>::new(self.dom(), |v: V| if self.count(v) >= other.count(v) { (self.count(v) - other.count(v)) as nat } else { 0nat });
        Self::from_map(m)
    }

    /// No value occurs in both.
    pub open spec fn is_disjoint_from(self, other: Self) -> bool {
        forall|x: V| self.count(x) == 0 || other.count(x) == 0
    }

    /// The values that occur.
    pub open spec fn dom(self) -> Set<V> {
        Set::new(|v: V| self.count(v) > 0)
    }
}

#[verifier::external_body]
pub broadcast proof fn axiom_multiset_empty<V>(v: V)
    ensures
        #[trigger] Multiset::<V>::empty().count(v) == 0,
{
}

/// (vstd proves it from the axioms.)
#[verifier::external_body]
pub broadcast proof fn lemma_multiset_empty_len<V>(m: Multiset<V>)
    ensures
        #[trigger] m.len() == 0 <==> m =~= Multiset::empty(),
        #[trigger] m.len() > 0 ==> exists|v: V| 0 < m.count(v),
{
}

#[verifier::external_body]
pub broadcast proof fn axiom_multiset_contained<V>(m: Map<V, nat>, v: V)
    requires
        // (vstd's maps are finite; ours may not be: a multiset's count of every value of an
        // infinite map, with its finite `len`, would give `false`)
        m.dom().finite(),
        m.dom().contains(v),
    ensures
        #[trigger] Multiset::from_map(m).count(v) == m[v],
{
}

#[verifier::external_body]
pub broadcast proof fn axiom_multiset_new_not_contained<V>(m: Map<V, nat>, v: V)
    requires
        !m.dom().contains(v),
    ensures
        #[trigger] Multiset::from_map(m).count(v) == 0,
{
}

#[verifier::external_body]
pub broadcast proof fn axiom_multiset_singleton<V>(v: V)
    ensures
        (#[trigger] Multiset::singleton(v)).count(v) == 1,
{
}

#[verifier::external_body]
pub broadcast proof fn axiom_multiset_singleton_different<V>(v: V, w: V)
    ensures
        v != w ==> #[trigger] Multiset::singleton(v).count(w) == 0,
{
}

#[verifier::external_body]
pub broadcast proof fn axiom_multiset_add<V>(m1: Multiset<V>, m2: Multiset<V>, v: V)
    ensures
        #[trigger] m1.add(m2).count(v) == m1.count(v) + m2.count(v),
{
}

#[verifier::external_body]
pub broadcast proof fn axiom_multiset_sub<V>(m1: Multiset<V>, m2: Multiset<V>, v: V)
    ensures
        #[trigger] m1.sub(m2).count(v) == if m1.count(v) >= m2.count(v) { m1.count(v) - m2.count(v) } else { 0 },
{
}

#[verifier::external_body]
pub broadcast proof fn axiom_multiset_ext_equal<V>(m1: Multiset<V>, m2: Multiset<V>)
    ensures
        #[trigger] (m1 =~= m2) <==> (forall|v: V| m1.count(v) == m2.count(v)),
{
}

#[verifier::external_body]
pub broadcast proof fn axiom_len_empty<V>()
    ensures
        (#[trigger] Multiset::<V>::empty().len()) == 0,
{
}

#[verifier::external_body]
pub broadcast proof fn axiom_len_singleton<V>(v: V)
    ensures
        (#[trigger] Multiset::<V>::singleton(v).len()) == 1,
{
}

#[verifier::external_body]
pub broadcast proof fn axiom_len_add<V>(m1: Multiset<V>, m2: Multiset<V>)
    ensures
        (#[trigger] m1.add(m2).len()) == m1.len() + m2.len(),
{
}

#[verifier::external_body]
pub broadcast proof fn axiom_len_sub<V>(m1: Multiset<V>, m2: Multiset<V>)
    requires
        m2.subset_of(m1),
    ensures
        (#[trigger] m1.sub(m2).len()) == m1.len() - m2.len(),
{
}

#[verifier::external_body]
pub broadcast proof fn axiom_count_le_len<V>(m: Multiset<V>, v: V)
    ensures
        #[trigger] m.count(v) <= #[trigger] m.len(),
{
}

#[verifier::external_body]
pub broadcast proof fn axiom_filter_count<V>(m: Multiset<V>, f: spec_fn(V) -> bool, v: V)
    ensures
        (#[trigger] m.filter(f).count(v)) == if f(v) { m.count(v) } else { 0 },
{
}

#[verifier::external_body]
pub broadcast proof fn axiom_choose_count<V>(m: Multiset<V>)
    requires
        #[trigger] m.len() != 0,
    ensures
        #[trigger] m.count(m.choose()) > 0,
{
}

pub broadcast group group_multiset_axioms {
    axiom_multiset_empty,
    lemma_multiset_empty_len,
    axiom_multiset_contained,
    axiom_multiset_new_not_contained,
    axiom_multiset_singleton,
    axiom_multiset_singleton_different,
    axiom_multiset_add,
    axiom_multiset_sub,
    axiom_multiset_ext_equal,
    axiom_len_empty,
    axiom_len_singleton,
    axiom_len_add,
    axiom_len_sub,
    axiom_count_le_len,
    axiom_filter_count,
    axiom_choose_count,
}

/// vstd's default broadcast group: every function of a crate that uses the library has it.
pub broadcast group group_vstd_default {
    group_multiset_axioms,
    group_iset_lemmas,
    group_imap_lemmas,
    group_layout_axioms,
    group_hash_axioms,
    group_string_axioms,
    group_laws_cmp,
    Set::lemma_map_contains,
    Set::lemma_map_by_contains,
    integer_bounds_of_widths,
}

} // verus!
