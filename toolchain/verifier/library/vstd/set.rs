// vstd's derived operations on `Set<A>` (set.rs) that are not built into the verifier's Set
// encoding (vcgen/collections.ts), with vstd's definitions, and set_lib's lemmas (trusted: vstd
// proves them).
verus! {

impl<A> Set<A> {
    /// `+`: `union`.
    #[verifier::inline]
    pub open spec fn spec_add(self, s2: Set<A>) -> Set<A> {
        self.union(s2)
    }

    /// `*`: `intersect`.
    #[verifier::inline]
    pub open spec fn spec_mul(self, s2: Set<A>) -> Set<A> {
        self.intersect(s2)
    }

    /// `-`: `difference`.
    #[verifier::inline]
    pub open spec fn spec_sub(self, s2: Set<A>) -> Set<A> {
        self.difference(s2)
    }

    /// `<=`: `subset_of`.
    #[verifier::inline]
    pub open spec fn spec_le(self, s2: Set<A>) -> bool {
        self.subset_of(s2)
    }

    /// No element of `self` is in `s2`.
    pub open spec fn disjoint(self, s2: Self) -> bool {
        forall|a: A| self.contains(a) ==> !s2.contains(a)
    }
}

/// A subset is no larger (vstd set_lib's lemma).
#[verifier::external_body]
pub proof fn lemma_len_subset<A>(s1: Set<A>, s2: Set<A>)
    requires
        s1.subset_of(s2),
    ensures
        s1.len() <= s2.len(),
{
}

} // verus!
