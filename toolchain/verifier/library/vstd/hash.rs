// std's `HashMap<K, V>` and `HashSet<K>` as vstd specifies them (std_specs/hash.rs): a map is
// known by its view, a `Map<K, V>`, a set by a `Set<K>`, and each exec operation's contract says
// what it does to the view. What an operation does to the view holds only when the key type
// obeys vstd's key model (`obeys_key_model::<K>()`: its `Hash` and `Eq` agree with spec
// equality), which vstd's axioms give for `bool` and the integer types; a user assumes it for a
// type of their own. The exec functions are `external_body` (their contracts are the axioms).
//
// Differences from vstd, named so that code which relies on them is not mistaken:
// - no hasher parameter `S` (vstd: `HashMap<K, V, S = RandomState>`, its contracts also assume
//   `builds_valid_hashers::<S>()`, which vstd gives for `RandomState`, the default);
// - a lookup key is a `&K` (vstd: a `&Q` that `K` borrows as, with axioms for `Q = K` and
//   `K = Box<Q>`): a lookup by another borrowed form does not type-check here.
verus! {

/// std's `Hasher`: a hash state (its methods are not specified here).
pub trait Hasher {
}

/// std's `Hash`, which a key type implements (its `hash` has no specification: what a map
/// relies on is `obeys_key_model`).
pub trait Hash {
    fn hash<H: Hasher>(&self, state: &mut H);
}

/// std's `DefaultHasher`, known (as in vstd) by the bytes written to it so far, one sequence per
/// `write`; what `finish` computes of them is `spec_finish` (uninterpreted).
pub struct DefaultHasher {
    writes: Seq<Seq<u8>>,
}

impl DefaultHasher {
    pub open spec fn view(&self) -> Seq<Seq<u8>> {
        self.writes
    }

    pub uninterp spec fn spec_finish(s: Seq<Seq<u8>>) -> u64;

    #[verifier::external_body]
    pub fn new() -> (result: Self)
        ensures
            result@ == Seq::<Seq<u8>>::empty(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn write(&mut self, bytes: &[u8])
        ensures
            self@ == old(self)@.push(bytes@),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn finish(&self) -> (result: u64)
        ensures
            result == DefaultHasher::spec_finish(self@),
    {
        unimplemented!()
    }
}

/// The key type's `Hash` and `Eq` agree with spec equality (vstd: uninterpreted).
pub uninterp spec fn obeys_key_model<Key>() -> bool;

pub broadcast proof fn axiom_bool_obeys_hash_table_key_model()
    ensures
        #[trigger] obeys_key_model::<bool>(),
{
    admit();
}

pub broadcast proof fn axiom_u8_obeys_hash_table_key_model()
    ensures
        #[trigger] obeys_key_model::<u8>(),
{
    admit();
}

pub broadcast proof fn axiom_u16_obeys_hash_table_key_model()
    ensures
        #[trigger] obeys_key_model::<u16>(),
{
    admit();
}

pub broadcast proof fn axiom_u32_obeys_hash_table_key_model()
    ensures
        #[trigger] obeys_key_model::<u32>(),
{
    admit();
}

pub broadcast proof fn axiom_u64_obeys_hash_table_key_model()
    ensures
        #[trigger] obeys_key_model::<u64>(),
{
    admit();
}

pub broadcast proof fn axiom_u128_obeys_hash_table_key_model()
    ensures
        #[trigger] obeys_key_model::<u128>(),
{
    admit();
}

pub broadcast proof fn axiom_usize_obeys_hash_table_key_model()
    ensures
        #[trigger] obeys_key_model::<usize>(),
{
    admit();
}

pub broadcast proof fn axiom_i8_obeys_hash_table_key_model()
    ensures
        #[trigger] obeys_key_model::<i8>(),
{
    admit();
}

pub broadcast proof fn axiom_i16_obeys_hash_table_key_model()
    ensures
        #[trigger] obeys_key_model::<i16>(),
{
    admit();
}

pub broadcast proof fn axiom_i32_obeys_hash_table_key_model()
    ensures
        #[trigger] obeys_key_model::<i32>(),
{
    admit();
}

pub broadcast proof fn axiom_i64_obeys_hash_table_key_model()
    ensures
        #[trigger] obeys_key_model::<i64>(),
{
    admit();
}

pub broadcast proof fn axiom_i128_obeys_hash_table_key_model()
    ensures
        #[trigger] obeys_key_model::<i128>(),
{
    admit();
}

pub broadcast proof fn axiom_isize_obeys_hash_table_key_model()
    ensures
        #[trigger] obeys_key_model::<isize>(),
{
    admit();
}

/// The size of a map whose key type does not obey the key model (vstd: unspecified).
pub uninterp spec fn hash_map_len_unspecified<K, V>(m: &HashMap<K, V>) -> usize;

/// The size of a set whose key type does not obey the key model (vstd: unspecified).
pub uninterp spec fn hash_set_len_unspecified<K>(s: &HashSet<K>) -> usize;

pub struct HashMap<K, V> {
    m: Map<K, V>,
}

impl<K, V> HashMap<K, V> {
    pub open spec fn view(&self) -> Map<K, V> {
        self.m
    }

    /// `m[k]` in ghost code (vstd's `HashMapAdditionalSpecFns::spec_index`): the view's value.
    #[verifier::inline]
    pub open spec fn spec_index(&self, k: K) -> V
        recommends
            self@.contains_key(k),
    {
        self@[k]
    }

    /// `m.len()` in ghost code (vstd's `spec_hash_map_len`): the view's size, for a key type that
    /// obeys the key model (vstd states it as the default group's `axiom_spec_hash_map_len`; here
    /// the definition says it, so that the fact is not instantiated in every function with a
    /// `Map`), otherwise unspecified.
    pub open spec fn spec_len(&self) -> usize {
        if obeys_key_model::<K>() {
            self@.len() as usize
        } else {
            hash_map_len_unspecified(self)
        }
    }

    #[verifier::external_body]
    pub fn new() -> (m: Self)
        ensures
            m@ == Map::<K, V>::empty(),
    {
        unimplemented!()
    }

    /// `<Self as Default>::default`, called as `Self::default()` (as the library's `Vec::default`).
    #[verifier::external_body]
    pub fn default() -> (m: Self)
        ensures
            m@ == Map::<K, V>::empty(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn with_capacity(capacity: usize) -> (m: Self)
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
            obeys_key_model::<K>() ==> {
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
            obeys_key_model::<K>() ==> result == self@.contains_key(*k),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn get(&self, k: &K) -> (result: Option<&V>)
        ensures
            obeys_key_model::<K>() ==> match result {
                Some(v) => self@.contains_key(*k) && *v == self@[*k],
                None => !self@.contains_key(*k),
            },
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn remove(&mut self, k: &K) -> (result: Option<V>)
        ensures
            obeys_key_model::<K>() ==> {
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

pub struct HashSet<K> {
    s: Set<K>,
}

impl<K> HashSet<K> {
    pub open spec fn view(&self) -> Set<K> {
        self.s
    }

    /// `s.len()` in ghost code (vstd's `spec_hash_set_len`): the view's size, for a key type that
    /// obeys the key model (as `HashMap::spec_len`), otherwise unspecified.
    pub open spec fn spec_len(&self) -> usize {
        if obeys_key_model::<K>() {
            self@.len() as usize
        } else {
            hash_set_len_unspecified(self)
        }
    }

    #[verifier::external_body]
    pub fn new() -> (s: Self)
        ensures
            s@ == Set::<K>::empty(),
    {
        unimplemented!()
    }

    /// `<Self as Default>::default`, called as `Self::default()` (as the library's `Vec::default`).
    #[verifier::external_body]
    pub fn default() -> (s: Self)
        ensures
            s@ == Set::<K>::empty(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn with_capacity(capacity: usize) -> (s: Self)
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
            obeys_key_model::<K>() ==> {
                &&& self@ == old(self)@.insert(k)
                &&& result == !old(self)@.contains(k)
            },
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn contains(&self, k: &K) -> (result: bool)
        ensures
            obeys_key_model::<K>() ==> result == self@.contains(*k),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn get(&self, k: &K) -> (result: Option<&K>)
        ensures
            obeys_key_model::<K>() ==> match result {
                Some(v) => self@.contains(*k) && *v == *k,
                None => !self@.contains(*k),
            },
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn remove(&mut self, k: &K) -> (result: bool)
        ensures
            obeys_key_model::<K>() ==> {
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

/// In vstd's default group (vstd's also has `axiom_spec_hash_map_len` / `_set_len`: here the
/// definitions of `spec_len` say it).
pub broadcast group group_hash_axioms {
    axiom_bool_obeys_hash_table_key_model,
    axiom_u8_obeys_hash_table_key_model,
    axiom_u16_obeys_hash_table_key_model,
    axiom_u32_obeys_hash_table_key_model,
    axiom_u64_obeys_hash_table_key_model,
    axiom_u128_obeys_hash_table_key_model,
    axiom_usize_obeys_hash_table_key_model,
    axiom_i8_obeys_hash_table_key_model,
    axiom_i16_obeys_hash_table_key_model,
    axiom_i32_obeys_hash_table_key_model,
    axiom_i64_obeys_hash_table_key_model,
    axiom_i128_obeys_hash_table_key_model,
    axiom_isize_obeys_hash_table_key_model,
}


/// vstd's `hash_map::StringHashMap<V>`: a map keyed by `String`, viewed as a `Map<Seq<char>, V>`
/// (each key by its characters; no key model needed). Lookups take a `&str`.
pub struct StringHashMap<V> {
    m: Map<Seq<char>, V>,
}

impl<V> StringHashMap<V> {
    pub open spec fn view(&self) -> Map<Seq<char>, V> {
        self.m
    }

    /// `m.len()` in ghost code: known through `axiom_string_hash_map_spec_len` (vstd).
    pub uninterp spec fn spec_len(&self) -> usize;

    #[verifier::external_body]
    pub fn new() -> (result: Self)
        ensures
            result@ == Map::<Seq<char>, V>::empty(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn with_capacity(capacity: usize) -> (result: Self)
        ensures
            result@ == Map::<Seq<char>, V>::empty(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn is_empty(&self) -> (result: bool)
        ensures
            result == self@.is_empty(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::when_used_as_spec(spec_len)]
    pub fn len(&self) -> (result: usize)
        ensures
            result == self@.len(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn insert(&mut self, k: String, v: V)
        ensures
            self@ == old(self)@.insert(k@, v),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn remove(&mut self, k: &str)
        ensures
            self@ == old(self)@.remove(k@),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn contains_key(&self, k: &str) -> (result: bool)
        ensures
            result == self@.contains_key(k@),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn get(&self, k: &str) -> (result: Option<&V>)
        ensures
            match result {
                Some(v) => self@.contains_key(k@) && *v == self@[k@],
                None => !self@.contains_key(k@),
            },
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn clear(&mut self)
        ensures
            self@ == Map::<Seq<char>, V>::empty(),
    {
        unimplemented!()
    }
}

/// vstd: a `StringHashMap`'s `len` in ghost code is its view's size.
pub broadcast axiom fn axiom_string_hash_map_spec_len<V>(m: &StringHashMap<V>)
    ensures
        #[trigger] m.spec_len() == m@.len(),
;

/// vstd's `hash_set::StringHashSet`: a set of `String`s, viewed as a `Set<Seq<char>>`.
pub struct StringHashSet {
    s: Set<Seq<char>>,
}

impl StringHashSet {
    pub open spec fn view(&self) -> Set<Seq<char>> {
        self.s
    }

    /// `s.len()` in ghost code: known through `axiom_string_hash_set_spec_len` (vstd).
    pub uninterp spec fn spec_len(&self) -> usize;

    #[verifier::external_body]
    pub fn new() -> (result: Self)
        ensures
            result@ == Set::<Seq<char>>::empty(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn with_capacity(capacity: usize) -> (result: Self)
        ensures
            result@ == Set::<Seq<char>>::empty(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn is_empty(&self) -> (result: bool)
        ensures
            result == self@.is_empty(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::when_used_as_spec(spec_len)]
    pub fn len(&self) -> (result: usize)
        ensures
            result == self@.len(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn insert(&mut self, k: String) -> (result: bool)
        ensures
            self@ == old(self)@.insert(k@) && result == !old(self)@.contains(k@),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn remove(&mut self, k: &str) -> (result: bool)
        ensures
            self@ == old(self)@.remove(k@) && result == old(self)@.contains(k@),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn contains(&self, k: &str) -> (result: bool)
        ensures
            result == self@.contains(k@),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn get(&self, k: &str) -> (result: Option<&String>)
        ensures
            match result {
                Some(v) => self@.contains(k@) && v@ == k@,
                None => !self@.contains(k@),
            },
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn clear(&mut self)
        ensures
            self@ == Set::<Seq<char>>::empty(),
    {
        unimplemented!()
    }
}

/// vstd: a `StringHashSet`'s `len` in ghost code is its view's size.
pub broadcast axiom fn axiom_string_hash_set_spec_len(s: &StringHashSet)
    ensures
        #[trigger] s.spec_len() == s@.len(),
;

} // verus!
