// vstd's derived operations on `Seq<A>` (seq_lib.rs) that are not built into the verifier's Seq
// encoding (vcgen/collections.ts), with vstd's definitions.
verus! {

impl<A> Seq<A> {
    /// No element occurs twice.
    pub open spec fn no_duplicates(self) -> bool {
        forall|i: int, j: int| (0 <= i < self.len() && 0 <= j < self.len() && i != j) ==> self[i] != self[j]
    }

    /// No element of `self` is an element of `other`.
    pub open spec fn disjoint(self, other: Self) -> bool {
        forall|i: int, j: int| 0 <= i < self.len() && 0 <= j < other.len() ==> self[i] != other[j]
    }

    /// An index where `needle` occurs; an arbitrary `int` when it does not.
    pub open spec fn index_of(self, needle: A) -> int {
        choose|i: int| 0 <= i < self.len() && self[i] == needle
    }

    /// What `remove` gives (vstd's lemma).
    #[verifier::external_body]
    pub proof fn remove_ensures(self, i: int)
        requires
            0 <= i < self.len(),
        ensures
            self.remove(i).len() == self.len() - 1,
            forall|index: int| 0 <= index < i ==> #[trigger] self.remove(i)[index] == self[index],
            forall|index: int|
                i <= index < self.len() - 1 ==> #[trigger] self.remove(i)[index] == self[index + 1],
    {
    }

    /// A sequence without duplicates has as many elements as its set (vstd's lemma).
    #[verifier::external_body]
    pub proof fn unique_seq_to_set(self)
        requires
            self.no_duplicates(),
        ensures
            self.len() == self.to_set().len(),
    {
    }

    /// `self` with `a` inserted at position `i`.
    pub open spec fn insert(self, i: int, a: A) -> Seq<A>
        recommends
            0 <= i <= self.len(),
    {
        self.subrange(0, i).push(a) + self.subrange(i, self.len() as int)
    }

    /// `self` without the element at position `i`.
    pub open spec fn remove(self, i: int) -> Seq<A>
        recommends
            0 <= i < self.len(),
    {
        self.subrange(0, i) + self.subrange(i + 1, self.len() as int)
    }

    /// The first position of `needle`, if it occurs. Closed in vstd (a recursive search):
    /// callers know only what `index_of_first_ensures` states.
    pub spec fn index_of_first(self, needle: A) -> (result: Option<int>);

    /// What `index_of_first` gives.
    #[verifier::external_body]
    pub proof fn index_of_first_ensures(self, needle: A)
        ensures
            match self.index_of_first(needle) {
                Some(index) => {
                    &&& self.contains(needle)
                    &&& 0 <= index < self.len()
                    &&& self[index] == needle
                    &&& forall|j: int| 0 <= j < index < self.len() ==> self[j] != needle
                },
                None => { !self.contains(needle) },
            },
    {
    }

    /// `self` without the first occurrence of `val` (unchanged when there is none).
    pub open spec fn remove_value(self, val: A) -> Seq<A> {
        let index = self.index_of_first(val);
        match index {
            Some(i) => self.remove(i),
            None => self,
        }
    }

    /// The set of the elements (vstd's is closed, with `to_set_ensures` saying this).
    pub open spec fn to_set(self) -> Set<A> {
        Set::new(|a: A| self.contains(a))
    }
}

} // verus!
