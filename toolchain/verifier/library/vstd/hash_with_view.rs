// vstd::hash_map::HashMapWithView and vstd::hash_set::HashSetWithView: a hash map (set) whose keys
// are known by their view, so that its own view is a `Map<Key::V, Value>` (a `Set<Key::V>`).
// vstd's contracts, trusted (`external_body`); as there, making one needs the key type to obey the
// key model and its view to be injective. Read only by a crate that names them.
verus! {

pub struct HashMapWithView<Key, Value> {
    m: Map<Key, Value>,
}

impl<Key: View + Hash, Value> HashMapWithView<Key, Value> {
    pub uninterp spec fn view(&self) -> Map<Key::V, Value>;

    #[verifier::external_body]
    pub fn new() -> (result: Self)
        requires
            obeys_key_model::<Key>(),
            forall|k1: Key, k2: Key| k1.view() == k2.view() ==> k1 == k2,
        ensures
            result@ == Map::<Key::V, Value>::empty(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn with_capacity(capacity: usize) -> (result: Self)
        requires
            obeys_key_model::<Key>(),
            forall|k1: Key, k2: Key| k1.view() == k2.view() ==> k1 == k2,
        ensures
            result@ == Map::<Key::V, Value>::empty(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn reserve(&mut self, additional: usize)
        ensures
            self@ == old(self)@,
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

    pub uninterp spec fn spec_len(&self) -> usize;

    #[verifier::external_body]
    #[verifier::when_used_as_spec(spec_len)]
    pub fn len(&self) -> (result: usize)
        ensures
            result == self@.len(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn insert(&mut self, k: Key, v: Value)
        ensures
            self@ == old(self)@.insert(k.view(), v),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn remove(&mut self, k: &Key) -> (out: Option<Value>)
        ensures
            match out {
                Some(v) => old(self)@.contains_key(k.view()) && v == old(self)@[k.view()] && self@ == old(self)@.remove(k.view()),
                None => !old(self)@.contains_key(k.view()) && self@ == old(self)@,
            },
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn contains_key(&self, k: &Key) -> (result: bool)
        ensures
            result == self@.contains_key(k.view()),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn get(&self, k: &Key) -> (result: Option<&Value>)
        ensures
            match result {
                Some(v) => self@.contains_key(k.view()) && *v == self@[k.view()],
                None => !self@.contains_key(k.view()),
            },
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn clear(&mut self)
        ensures
            self@ == Map::<Key::V, Value>::empty(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn union_prefer_right(&mut self, other: Self)
        ensures
            self@ == old(self)@.union_prefer_right(other@),
    {
        unimplemented!()
    }
}

/// `m.len()` is the size of the view.
#[verifier::external_body]
pub broadcast proof fn axiom_hash_map_with_view_spec_len<Key: View + Hash, Value>(m: &HashMapWithView<Key, Value>)
    ensures
        #[trigger] m.spec_len() == m@.len(),
{
}

pub struct HashSetWithView<Key> {
    s: Set<Key>,
}

impl<Key: View + Hash> HashSetWithView<Key> {
    pub uninterp spec fn view(&self) -> Set<Key::V>;

    #[verifier::external_body]
    pub fn new() -> (result: Self)
        requires
            obeys_key_model::<Key>(),
            forall|k1: Key, k2: Key| k1.view() == k2.view() ==> k1 == k2,
        ensures
            result@ == Set::<Key::V>::empty(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn with_capacity(capacity: usize) -> (result: Self)
        requires
            obeys_key_model::<Key>(),
            forall|k1: Key, k2: Key| k1.view() == k2.view() ==> k1 == k2,
        ensures
            result@ == Set::<Key::V>::empty(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn reserve(&mut self, additional: usize)
        ensures
            self@ == old(self)@,
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

    pub uninterp spec fn spec_len(&self) -> usize;

    #[verifier::external_body]
    #[verifier::when_used_as_spec(spec_len)]
    pub fn len(&self) -> (result: usize)
        ensures
            result == self@.len(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn insert(&mut self, k: Key) -> (result: bool)
        ensures
            self@ == old(self)@.insert(k.view()) && result == !old(self)@.contains(k.view()),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn remove(&mut self, k: &Key) -> (result: bool)
        ensures
            self@ == old(self)@.remove(k.view()) && result == old(self)@.contains(k.view()),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn contains(&self, k: &Key) -> (result: bool)
        ensures
            result == self@.contains(k.view()),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn get(&self, k: &Key) -> (result: Option<&Key>)
        ensures
            match result {
                Some(v) => self@.contains(k.view()) && v == k,
                None => !self@.contains(k.view()),
            },
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn clear(&mut self)
        ensures
            self@ == Set::<Key::V>::empty(),
    {
        unimplemented!()
    }
}

/// `s.len()` is the size of the view.
#[verifier::external_body]
pub broadcast proof fn axiom_hash_set_with_view_spec_len<Key: View + Hash>(s: &HashSetWithView<Key>)
    ensures
        #[trigger] s.spec_len() == s@.len(),
{
}

} // verus!
