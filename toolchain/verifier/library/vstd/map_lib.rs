// vstd's derived operations on `Map<K, V>` (map_lib.rs) that are not built into the verifier's
// Map encoding (vcgen/collections.ts), with vstd's definitions.
verus! {

impl<K, V> Map<K, V> {
    /// Every key of `self` is a key of `m2`, with the same value.
    pub open spec fn submap_of(self, m2: Self) -> bool {
        forall|k: K| #[trigger] self.dom().contains(k) ==> #[trigger] m2.dom().contains(k) && self[k] == m2[k]
    }

    /// A tracked borrow of the value at `key` (vstd map.rs).
    #[verifier::external_body]
    pub proof fn tracked_borrow(tracked &self, key: K) -> (tracked v: &V)
        requires
            self.dom().contains(key),
        ensures
            *v == self[key],
    {
    }

    /// An empty tracked map (vstd map.rs).
    #[verifier::external_body]
    pub proof fn tracked_empty() -> (tracked out_v: Self)
        ensures
            out_v == Map::<K, V>::empty(),
    {
    }

    /// Inserts `(key, value)`, overwriting a value at `key` (vstd map.rs).
    #[verifier::external_body]
    pub proof fn tracked_insert(tracked &mut self, key: K, tracked value: V)
        ensures
            *self == old(self).insert(key, value),
    {
    }

    /// Removes the value at `key` and returns it (vstd map.rs).
    #[verifier::external_body]
    pub proof fn tracked_remove(tracked &mut self, key: K) -> (tracked v: V)
        requires
            old(self).dom().contains(key),
        ensures
            *self == old(self).remove(key),
            v == old(self)[key],
    {
    }

    /// The number of keys (`self.dom().len()`).
    pub open spec fn len(self) -> nat {
        self.dom().len()
    }

    /// No key.
    #[verifier::inline]
    pub open spec fn is_empty(self) -> bool {
        self.dom().is_empty()
    }

    /// `self` maps `k` to `v`.
    pub open spec fn contains_pair(self, k: K, v: V) -> bool {
        &&& self.dom().contains(k)
        &&& self.dom().contains(k) ==> self[k] == v
    }

    /// Whether `v` is the value of some key (vstd's definition).
    pub open spec fn contains_value(self, v: V) -> bool {
        exists|i: K| #[trigger] self.dom().contains(i) && self[i] == v
    }

    /// The values of the keys (vstd's definition).
    pub open spec fn values(self) -> Set<V> {
        self.dom().map(|k: K| self[k])
    }

    /// `Some(self[k])` for a key of the map, `None` for another (vstd's definition).
    pub open spec fn index_opt(self, k: K) -> Option<V> {
        if self.contains_key(k) {
            Some(self[k])
        } else {
            None
        }
    }

    /// The map with `f` applied to every value (vstd's definition).
    pub open spec fn map_values<W>(self, f: spec_fn(V) -> W) -> Map<K, W> {
        Map::<K, W>::new(self.dom(), |k: K| f(self[k]))
    }

    /// Where both maps have a key, they have the same value there.
    pub open spec fn agrees(self, m2: Self) -> bool {
        forall|k| #![auto] self.dom().contains(k) && m2.dom().contains(k) ==> self[k] == m2[k]
    }

    /// The keys of both maps, with `m2`'s value where both have one.
    pub open spec fn union_prefer_right(self, m2: Self) -> Self {
        Map::<K, V>::new(self.dom().union(m2.dom()), |k: K| if m2.dom().contains(k) { m2[k] } else { self[k] })
    }

    /// `self` without the keys in `keys`.
    pub open spec fn remove_keys(self, keys: Set<K>) -> Self {
        Map::<K, V>::new(self.dom().difference(keys), |k: K| self[k])
    }

    /// `self` on the keys in `keys` only.
    pub open spec fn restrict(self, keys: Set<K>) -> Self {
        Map::<K, V>::new(self.dom().intersect(keys), |k: K| self[k])
    }

    /// The entries whose keys satisfy `p` (vstd's definition).
    pub open spec fn filter_keys(self, p: spec_fn(K) -> bool) -> Self {
        self.restrict(self.dom().filter(p))
    }

    /// vstd's `lemma_map_remove_keys_insert` (in `group_map_extra`; trusted: vstd proves it).
    pub broadcast proof fn lemma_map_remove_keys_insert(self, r: Set<K>, k: K, v: V)
        ensures
            #[trigger] self.insert(k, v).remove_keys(r) == if r.contains(k) {
                self.remove_keys(r)
            } else {
                self.remove_keys(r).insert(k, v)
            },
    {
        admit();
    }

    /// vstd's `lemma_filter_keys_insert` (in `group_map_extra`; trusted: vstd proves it).
    pub broadcast proof fn lemma_filter_keys_insert(self, p: spec_fn(K) -> bool, k: K, v: V)
        ensures
            #[trigger] self.insert(k, v).filter_keys(p) == (if p(k) {
                self.filter_keys(p).insert(k, v)
            } else {
                self.filter_keys(p)
            }),
    {
        admit();
    }

    /// vstd's `lemma_insert_contains_value` (in `group_map_extra`; trusted: vstd proves it).
    pub broadcast proof fn lemma_insert_contains_value(self, k: K, v: V)
        ensures
            #[trigger] self.insert(k, v).contains_value(v),
    {
        admit();
    }

    /// vstd's `lemma_insert_invariant_contains` (in `group_map_extra`; trusted: vstd proves it).
    pub broadcast proof fn lemma_insert_invariant_contains(self, old_v: V, k: K, v: V)
        requires
            self.contains_key(k) ==> self[k] != old_v,
            old_v != v,
        ensures
            #[trigger] self.insert(k, v).contains_value(old_v) == self.contains_value(old_v),
    {
        admit();
    }

    /// `<=`: `submap_of`.
    #[verifier::inline]
    pub open spec fn spec_le(self, m2: Self) -> bool {
        self.submap_of(m2)
    }
}

/// vstd's `group_map_extra`, without its `prefixed_entries` lemmas (the library has no
/// `prefixed_entries`). Not in the default group, as in vstd.
pub broadcast group group_map_extra {
    Map::lemma_map_remove_keys_insert,
    Map::lemma_filter_keys_insert,
    Map::lemma_insert_contains_value,
    Map::lemma_insert_invariant_contains,
}

} // verus!
