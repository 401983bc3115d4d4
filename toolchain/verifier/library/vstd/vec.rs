// std's `Vec<T>` as vstd specifies it (std_specs/vec.rs): a vector is known by its view, a
// `Seq<T>`, and each exec operation's contract says what it does to the view. The exec functions
// are `external_body` (their contracts are the axioms). The private fields are how the view is
// defined here: `len` is a `usize`, so `v@.len() <= usize::MAX` for every vector and `v.len()` in
// ghost code is exactly `v@.len()` (vstd states the same with its `axiom_spec_len`).
verus! {

pub struct Vec<T> {
    len: usize,
    elems: Seq<T>,
}

impl<T> Vec<T> {
    pub open spec fn view(&self) -> Seq<T> {
        Seq::new(self.len as nat, |i: int| self.elems[i])
    }

    /// `v[i]` in ghost code (inline, as vstd's: a trigger on `v[i]` is one on `v@[i]`).
    #[verifier::inline]
    pub open spec fn spec_index(&self, i: int) -> T
        recommends
            0 <= i < self.view().len(),
    {
        self.view()[i]
    }

    /// `v.len()` in ghost code.
    pub open spec fn spec_len(&self) -> usize {
        self.len
    }

    #[verifier::external_body]
    #[verifier::when_used_as_spec(spec_len)]
    pub fn len(&self) -> (len: usize)
        ensures
            len == self.view().len(),
        no_unwind
    {
        unimplemented!()
    }

    /// `v[i]` in exec code.
    #[verifier::external_body]
    pub fn index(&self, i: usize) -> (element: &T)
        requires
            i < self.view().len(),
        ensures
            *element == self.view()[i as int],
        no_unwind
    {
        unimplemented!()
    }

    /// The vector's elements as a slice.
    #[verifier::external_body]
    pub fn as_slice(&self) -> (slice: &[T])
        ensures
            slice@ == self.view(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn new() -> (v: Self)
        ensures
            v.view() == Seq::<T>::empty(),
    {
        unimplemented!()
    }

    /// `<Vec<T> as Default>::default`, called as `Vec::default()` (std's `Default` trait is not
    /// modelled: the other ways of calling it do not resolve here).
    #[verifier::external_body]
    pub fn default() -> (v: Self)
        ensures
            v.view() == Seq::<T>::empty(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn with_capacity(capacity: usize) -> (v: Self)
        ensures
            v.view() == Seq::<T>::empty(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn is_empty(&self) -> (res: bool)
        ensures
            res <==> self.view().len() == 0,
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn push(&mut self, value: T)
        ensures
            self.view() == old(self).view().push(value),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn pop(&mut self) -> (value: Option<T>)
        ensures
            old(self).view().len() > 0 ==> value == Some(old(self).view().last()) && self.view() == old(self).view().drop_last(),
            old(self).view().len() == 0 ==> value == None::<T> && self.view() == old(self).view(),
    {
        unimplemented!()
    }

    /// vstd's `Vec::set` (std's `v[i] = value`).
    #[verifier::external_body]
    pub fn set(&mut self, i: usize, value: T)
        requires
            i < old(self).view().len(),
        ensures
            self.view() == old(self).view().update(i as int, value),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn insert(&mut self, i: usize, element: T)
        requires
            i <= old(self).view().len(),
        ensures
            self.view() == old(self).view().insert(i as int, element),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn remove(&mut self, i: usize) -> (element: T)
        requires
            i < old(self).view().len(),
        ensures
            element == old(self).view()[i as int],
            self.view() == old(self).view().remove(i as int),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn swap_remove(&mut self, i: usize) -> (element: T)
        requires
            i < old(self).view().len(),
        ensures
            element == old(self).view()[i as int],
            self.view() == old(self).view().update(i as int, old(self).view().last()).drop_last(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn clear(&mut self)
        ensures
            self.view() == Seq::<T>::empty(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn truncate(&mut self, len: usize)
        ensures
            len <= old(self).view().len() ==> self.view() == old(self).view().subrange(0, len as int),
            len > old(self).view().len() ==> self.view() == old(self).view(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn append(&mut self, other: &mut Vec<T>)
        ensures
            self.view() == old(self).view() + old(other).view(),
            other.view() == Seq::<T>::empty(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn split_off(&mut self, at: usize) -> (rest: Vec<T>)
        requires
            at <= old(self).view().len(),
        ensures
            self.view() == old(self).view().subrange(0, at as int),
            rest.view() == old(self).view().subrange(at as int, old(self).view().len() as int),
    {
        unimplemented!()
    }
}

} // verus!
