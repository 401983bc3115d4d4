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

    /// The set of the elements (vstd's is closed, with `to_set_ensures` saying this).
    pub open spec fn to_set(self) -> Set<A> {
        Set::new(|a: A| self.contains(a))
    }
}

} // verus!
