// vstd's derived operations on `Seq<A>` (seq_lib.rs) that are not built into the verifier's Seq
// encoding (vcgen/collections.ts), with vstd's definitions.
verus! {

impl<A> Seq<A> {
    /// No element occurs twice.
    pub open spec fn no_duplicates(self) -> bool {
        forall|i: int, j: int| (0 <= i < self.len() && 0 <= j < self.len() && i != j) ==> self[i] != self[j]
    }

    /// `self` without its first element (meaningless for an empty sequence).
    pub open spec fn drop_first(self) -> Seq<A>
        recommends
            self.len() >= 1,
    {
        self.subrange(1, self.len() as int)
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

    /// A sequence's set is finite (vstd's lemma; trusted: vstd proves it).
    #[verifier::external_body]
    pub proof fn lemma_to_set_finite(self)
        ensures
            self.to_set().finite(),
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

    /// The set of the elements as an `ISet` (vstd's `to_set().to_iset()`).
    pub open spec fn to_iset(self) -> ISet<A> {
        self.to_set().to_iset()
    }

    /// `f` at each index and element.
    pub open spec fn map<B>(self, f: spec_fn(int, A) -> B) -> Seq<B> {
        Seq::new(self.len(), |i: int| f(i, self[i]))
    }

    /// `f` at each element.
    pub open spec fn map_values<B>(self, f: spec_fn(A) -> B) -> Seq<B> {
        Seq::new(self.len(), |i: int| f(self[i]))
    }

    /// Every element satisfies `pred`.
    pub open spec fn all(self, pred: spec_fn(A) -> bool) -> bool {
        forall|i: int| 0 <= i < self.len() ==> #[trigger] pred(self[i])
    }

    /// Some element satisfies `pred`.
    pub open spec fn any(self, pred: spec_fn(A) -> bool) -> bool {
        exists|i: int| 0 <= i < self.len() && #[trigger] pred(self[i])
    }

    /// The elements satisfying `pred`, in order (defined from the end, as vstd's). vstd makes it
    /// opaque (users `reveal` it); here it is open, since `reveal` of an opaque recursive generic
    /// spec fn is not supported: the definition is a true fact, so this proves more, never less.
    pub open spec fn filter(self, pred: spec_fn(A) -> bool) -> Seq<A>
        decreases self.len(),
    {
        if self.len() == 0 {
            self
        } else {
            let rest = self.drop_last().filter(pred);
            if pred(self.last()) {
                rest.push(self.last())
            } else {
                rest
            }
        }
    }

    /// Filtering never lengthens (vstd's lemma; trusted here).
    #[verifier::external_body]
    pub proof fn lemma_filter_len(self, pred: spec_fn(A) -> bool)
        ensures
            self.filter(pred).len() <= self.len(),
    {
    }

    /// What filtering keeps satisfies the predicate (vstd's lemma; trusted here).
    #[verifier::external_body]
    pub proof fn lemma_filter_pred(self, pred: spec_fn(A) -> bool, i: int)
        requires
            0 <= i < self.filter(pred).len(),
        ensures
            pred(self.filter(pred)[i]),
    {
    }

    /// What satisfies the predicate is kept (vstd's lemma; trusted here).
    #[verifier::external_body]
    pub proof fn lemma_filter_contains(self, pred: spec_fn(A) -> bool, i: int)
        requires
            0 <= i < self.len() && pred(self[i]),
        ensures
            self.filter(pred).contains(self[i]),
    {
    }

    /// `f(..f(f(b, s[0]), s[1]).., s[n - 1])`.
    pub open spec fn fold_left<B>(self, b: B, f: spec_fn(B, A) -> B) -> B
        decreases self.len(),
    {
        if self.len() == 0 {
            b
        } else {
            f(self.drop_last().fold_left(b, f), self.last())
        }
    }
}

} // verus!
