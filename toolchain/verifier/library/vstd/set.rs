// vstd's derived operations on `Set<A>` (set.rs) that are not built into the verifier's Set
// encoding (vcgen/collections.ts), with vstd's definitions.
verus! {

impl<A> Set<A> {
    /// No element of `self` is in `s2`.
    pub open spec fn disjoint(self, s2: Self) -> bool {
        forall|a: A| self.contains(a) ==> !s2.contains(a)
    }
}

} // verus!
