// std's `BTreeMap<K, V>` and `BTreeSet<K>` as vstd specifies them (std_specs/btree.rs): a map is
// known by its view, a `Map<K, V>`, a set by a `Set<K>`, and each exec operation's contract says
// what it does to the view. What an operation does to the view holds only when the key type's
// ordering agrees with spec equality (`obeys_cmp::<K>()`), which the library's axioms give for
// the integer types; a user assumes it for a type of their own
// (`assume(vstd::laws_cmp::obeys_cmp::<MyStruct>())`).
//
// Differences from vstd, named so that code which relies on them is not mistaken:
// - `obeys_cmp` is uninterpreted (vstd: defined by the laws of the type's `PartialEq`, `PartialOrd`
//   and `Ord` specifications, with lemmas for tuples, `Option` and references of types that obey
//   it): only the integer types obey it here, so a proof that needs it for a tuple key fails;
// - `len`'s contract states `obeys_cmp` where vstd's states `key_obeys_cmp_spec` (equivalent for an
//   ordered key type, and a map's key type is ordered);
// - no allocator parameter `A`, and a lookup key is a `&K` (vstd: a `&Q` that `K` borrows as);
// - no iterators (`iter`, `keys`, `values`) and no `deep_view`.
verus! {

/// The key type's ordering agrees with spec equality (vstd: `laws_cmp::obeys_cmp`).
pub uninterp spec fn obeys_cmp<T>() -> bool;

pub broadcast proof fn lemma_u8_obeys_cmp()
    ensures
        #[trigger] obeys_cmp::<u8>(),
{
    admit();
}

pub broadcast proof fn lemma_i8_obeys_cmp()
    ensures
        #[trigger] obeys_cmp::<i8>(),
{
    admit();
}

pub broadcast proof fn lemma_u16_obeys_cmp()
    ensures
        #[trigger] obeys_cmp::<u16>(),
{
    admit();
}

pub broadcast proof fn lemma_i16_obeys_cmp()
    ensures
        #[trigger] obeys_cmp::<i16>(),
{
    admit();
}

pub broadcast proof fn lemma_u32_obeys_cmp()
    ensures
        #[trigger] obeys_cmp::<u32>(),
{
    admit();
}

pub broadcast proof fn lemma_i32_obeys_cmp()
    ensures
        #[trigger] obeys_cmp::<i32>(),
{
    admit();
}

pub broadcast proof fn lemma_u64_obeys_cmp()
    ensures
        #[trigger] obeys_cmp::<u64>(),
{
    admit();
}

pub broadcast proof fn lemma_i64_obeys_cmp()
    ensures
        #[trigger] obeys_cmp::<i64>(),
{
    admit();
}

pub broadcast proof fn lemma_u128_obeys_cmp()
    ensures
        #[trigger] obeys_cmp::<u128>(),
{
    admit();
}

pub broadcast proof fn lemma_i128_obeys_cmp()
    ensures
        #[trigger] obeys_cmp::<i128>(),
{
    admit();
}

pub broadcast proof fn lemma_usize_obeys_cmp()
    ensures
        #[trigger] obeys_cmp::<usize>(),
{
    admit();
}

pub broadcast proof fn lemma_isize_obeys_cmp()
    ensures
        #[trigger] obeys_cmp::<isize>(),
{
    admit();
}

/// The size of a map whose key type does not obey `obeys_cmp` (vstd: unspecified).
pub uninterp spec fn btree_map_len_unspecified<K, V>(m: &BTreeMap<K, V>) -> usize;

/// The size of a set whose key type does not obey `obeys_cmp` (vstd: unspecified).
pub uninterp spec fn btree_set_len_unspecified<K>(s: &BTreeSet<K>) -> usize;

pub struct BTreeMap<K, V> {
    m: Map<K, V>,
}

impl<K, V> BTreeMap<K, V> {
    pub open spec fn view(&self) -> Map<K, V> {
        self.m
    }

    /// `m.len()` in ghost code (vstd's `spec_btree_map_len`): the view's size, for a key type that
    /// obeys `obeys_cmp`, otherwise unspecified.
    pub open spec fn spec_len(&self) -> usize {
        if obeys_cmp::<K>() {
            self@.len() as usize
        } else {
            btree_map_len_unspecified(self)
        }
    }

    #[verifier::external_body]
    pub fn new() -> (m: Self)
        ensures
            m@ == Map::<K, V>::empty(),
    {
        unimplemented!()
    }

    /// `<Self as Default>::default`, called as `BTreeMap::default()` (as the library's `Vec::default`).
    #[verifier::external_body]
    pub fn default() -> (m: Self)
        ensures
            m@ == Map::<K, V>::empty(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::when_used_as_spec(spec_len)]
    pub fn len(&self) -> (len: usize)
        ensures
            len == self.spec_len(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn is_empty(&self) -> (res: bool)
        ensures
            res == self@.is_empty(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn insert(&mut self, k: K, v: V) -> (result: Option<V>)
        ensures
            obeys_cmp::<K>() ==> {
                &&& self@ == old(self)@.insert(k, v)
                &&& match result {
                    Some(v) => old(self)@.contains_key(k) && v == old(self)@[k],
                    None => !old(self)@.contains_key(k),
                }
            },
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn contains_key(&self, k: &K) -> (result: bool)
        ensures
            obeys_cmp::<K>() ==> result == self@.contains_key(*k),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn get(&self, k: &K) -> (result: Option<&V>)
        ensures
            obeys_cmp::<K>() ==> match result {
                Some(v) => self@.contains_key(*k) && *v == self@[*k],
                None => !self@.contains_key(*k),
            },
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn remove(&mut self, k: &K) -> (result: Option<V>)
        ensures
            obeys_cmp::<K>() ==> {
                &&& self@ == old(self)@.remove(*k)
                &&& match result {
                    Some(v) => old(self)@.contains_key(*k) && v == old(self)@[*k],
                    None => !old(self)@.contains_key(*k),
                }
            },
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn clear(&mut self)
        ensures
            self@ == Map::<K, V>::empty(),
    {
        unimplemented!()
    }
}

pub struct BTreeSet<K> {
    s: Set<K>,
}

impl<K> BTreeSet<K> {
    pub open spec fn view(&self) -> Set<K> {
        self.s
    }

    /// `s.len()` in ghost code (vstd's `spec_btree_set_len`): as `BTreeMap::spec_len`.
    pub open spec fn spec_len(&self) -> usize {
        if obeys_cmp::<K>() {
            self@.len() as usize
        } else {
            btree_set_len_unspecified(self)
        }
    }

    #[verifier::external_body]
    pub fn new() -> (s: Self)
        ensures
            s@ == Set::<K>::empty(),
    {
        unimplemented!()
    }

    /// `<Self as Default>::default`, called as `BTreeSet::default()` (as the library's `Vec::default`).
    #[verifier::external_body]
    pub fn default() -> (s: Self)
        ensures
            s@ == Set::<K>::empty(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::when_used_as_spec(spec_len)]
    pub fn len(&self) -> (len: usize)
        ensures
            len == self.spec_len(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn is_empty(&self) -> (res: bool)
        ensures
            res == self@.is_empty(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn insert(&mut self, k: K) -> (result: bool)
        ensures
            obeys_cmp::<K>() ==> {
                &&& self@ == old(self)@.insert(k)
                &&& result == !old(self)@.contains(k)
            },
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn contains(&self, k: &K) -> (result: bool)
        ensures
            obeys_cmp::<K>() ==> result == self@.contains(*k),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn get(&self, k: &K) -> (result: Option<&K>)
        ensures
            obeys_cmp::<K>() ==> match result {
                Some(v) => self@.contains(*k) && *v == *k,
                None => !self@.contains(*k),
            },
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn remove(&mut self, k: &K) -> (result: bool)
        ensures
            obeys_cmp::<K>() ==> {
                &&& self@ == old(self)@.remove(*k)
                &&& result == old(self)@.contains(*k)
            },
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn clear(&mut self)
        ensures
            self@ == Set::<K>::empty(),
    {
        unimplemented!()
    }
}

/// vstd's `laws_cmp::group_laws_cmp` for the integer types (in vstd's default group).
pub broadcast group group_laws_cmp {
    lemma_u8_obeys_cmp,
    lemma_i8_obeys_cmp,
    lemma_u16_obeys_cmp,
    lemma_i16_obeys_cmp,
    lemma_u32_obeys_cmp,
    lemma_i32_obeys_cmp,
    lemma_u64_obeys_cmp,
    lemma_i64_obeys_cmp,
    lemma_u128_obeys_cmp,
    lemma_i128_obeys_cmp,
    lemma_usize_obeys_cmp,
    lemma_isize_obeys_cmp,
}

} // verus!
