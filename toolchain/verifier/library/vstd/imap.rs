// vstd::imap: `IMap<K, V>`, a possibly infinite map for specifications (`Map<K, V>` is finite).
// As in vstd, a map is a private `spec_fn(K) -> Option<V>` (the value at each key of its domain)
// and its operations are known only through vstd's broadcast lemmas (`group_imap_lemmas`, in
// vstd's default group, instantiated at the `IMap` types a function's code has). Names,
// signatures and what each lemma states follow vstd's imap.rs.
//
// Why this is sound although the lemmas are trusted: the operations are uninterpreted here, but
// each has vstd's definition over the same representation (`dom` the keys whose value is `Some`,
// `insert` / `remove` change one key), and every lemma below is a theorem vstd proves from those
// definitions. vstd's tracked operations and its `decreases` axioms are not here.
verus! {

/// A map from keys of `K` to values of `V` whose domain may be infinite. Two maps with the same
/// domain and the same value at each key of it are equal (`=~=`).
#[verifier::ext_equal]
#[verifier::reject_recursive_types(K)]
pub struct IMap<K, V> {
    mapping: spec_fn(K) -> Option<V>,
}

impl<K, V> IMap<K, V> {
    /// The map with no keys.
    pub uninterp spec fn empty() -> IMap<K, V>;

    /// The map that gives every key its value `fv(k)`.
    pub open spec fn total(fv: spec_fn(K) -> V) -> IMap<K, V> {
        ISet::full().mk_map(fv)
    }

    /// The map of the keys `fk` holds of, each with its value `fv(k)`.
    pub open spec fn new(fk: spec_fn(K) -> bool, fv: spec_fn(K) -> V) -> IMap<K, V> {
        ISet::new(fk).mk_map(fv)
    }

    /// The keys the map has a value for.
    pub uninterp spec fn dom(self) -> ISet<K>;

    /// The value at `key` (meaningful only for a key of the domain).
    pub uninterp spec fn index(self, key: K) -> V;

    /// `m[key]`: `index`.
    #[verifier::inline]
    pub open spec fn spec_index(self, key: K) -> V
        recommends
            self.dom().contains(key),
    {
        self.index(key)
    }

    /// `self` with `key` mapped to `value`.
    pub uninterp spec fn insert(self, key: K, value: V) -> IMap<K, V>;

    /// `self` without `key`.
    pub uninterp spec fn remove(self, key: K) -> IMap<K, V>;

    /// How many keys the domain has (meaningful only for a finite domain).
    pub open spec fn len(self) -> nat {
        self.dom().len()
    }

    /// Whether `key` is in the domain.
    pub open spec fn contains_key(self, key: K) -> bool {
        self.dom().contains(key)
    }

    /// `self` maps `k` to `v`.
    pub open spec fn contains_pair(self, k: K, v: V) -> bool {
        &&& self.dom().contains(k)
        &&& self.dom().contains(k) ==> self[k] == v
    }

    /// Every key of `self` is a key of `m2`, with the same value.
    pub open spec fn submap_of(self, m2: Self) -> bool {
        forall|k: K| #[trigger] self.dom().contains(k) ==> #[trigger] m2.dom().contains(k) && self[k] == m2[k]
    }

    /// `<=`: `submap_of`.
    #[verifier::inline]
    pub open spec fn spec_le(self, m2: Self) -> bool {
        self.submap_of(m2)
    }

    /// Where both maps have a key, they have the same value there.
    pub open spec fn agrees(self, m2: Self) -> bool {
        forall|k| #![auto] self.dom().contains(k) && m2.dom().contains(k) ==> self[k] == m2[k]
    }

    /// The keys of both maps, with `m2`'s value where both have one.
    pub open spec fn union_prefer_right(self, m2: Self) -> Self {
        IMap::<K, V>::new(|k: K| self.dom().contains(k) || m2.dom().contains(k), |k: K| if m2.dom().contains(k) { m2[k] } else { self[k] })
    }

    /// `self` without the keys in `keys`.
    pub open spec fn remove_keys(self, keys: ISet<K>) -> Self {
        IMap::<K, V>::new(|k: K| self.dom().contains(k) && !keys.contains(k), |k: K| self[k])
    }
}

impl<A> ISet<A> {
    /// The map over this set whose value at each key `k` is `f(k)`.
    pub uninterp spec fn mk_map<V>(self, f: spec_fn(A) -> V) -> IMap<A, V>;
}

#[verifier::external_body]
pub broadcast proof fn lemma_iset_mk_map_domain<K, V>(s: ISet<K>, f: spec_fn(K) -> V)
    ensures
        #[trigger] s.mk_map(f).dom() == s,
{
}

#[verifier::external_body]
pub broadcast proof fn lemma_iset_mk_map_index<K, V>(s: ISet<K>, f: spec_fn(K) -> V, key: K)
    requires
        s.contains(key),
    ensures
        #[trigger] s.mk_map(f)[key] == f(key),
{
}

#[verifier::external_body]
pub broadcast proof fn lemma_imap_empty<K, V>()
    ensures
        #[trigger] IMap::<K, V>::empty().dom() == ISet::<K>::empty(),
{
}

#[verifier::external_body]
pub broadcast proof fn lemma_imap_insert_domain<K, V>(m: IMap<K, V>, key: K, value: V)
    ensures
        #[trigger] m.insert(key, value).dom() == m.dom().insert(key),
{
}

#[verifier::external_body]
pub broadcast proof fn lemma_imap_insert_same<K, V>(m: IMap<K, V>, key: K, value: V)
    ensures
        #[trigger] m.insert(key, value)[key] == value,
{
}

#[verifier::external_body]
pub broadcast proof fn lemma_imap_insert_different<K, V>(m: IMap<K, V>, key1: K, key2: K, value: V)
    requires
        key1 != key2,
    ensures
        #[trigger] m.insert(key2, value)[key1] == m[key1],
{
}

#[verifier::external_body]
pub broadcast proof fn lemma_imap_remove_domain<K, V>(m: IMap<K, V>, key: K)
    ensures
        #[trigger] m.remove(key).dom() == m.dom().remove(key),
{
}

#[verifier::external_body]
pub broadcast proof fn lemma_imap_remove_different<K, V>(m: IMap<K, V>, key1: K, key2: K)
    requires
        key1 != key2,
    ensures
        #[trigger] m.remove(key2)[key1] == m[key1],
{
}

#[verifier::external_body]
pub broadcast proof fn lemma_imap_ext_equal<K, V>(m1: IMap<K, V>, m2: IMap<K, V>)
    ensures
        #[trigger] (m1 =~= m2) <==> {
            &&& m1.dom() =~= m2.dom()
            &&& forall|k: K| #![auto] m1.dom().contains(k) ==> m1[k] == m2[k]
        },
{
}

pub broadcast group group_imap_lemmas {
    lemma_iset_mk_map_domain,
    lemma_iset_mk_map_index,
    lemma_imap_empty,
    lemma_imap_insert_domain,
    lemma_imap_insert_same,
    lemma_imap_insert_different,
    lemma_imap_remove_domain,
    lemma_imap_remove_different,
    lemma_imap_ext_equal,
}

} // verus!
