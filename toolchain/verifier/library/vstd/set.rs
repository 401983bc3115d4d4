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

    /// An arbitrary element of `self`, when there is one (a deterministic choice, as any spec fn).
    pub open spec fn choose(self) -> A {
        choose|a: A| self.contains(a)
    }

    /// The elements of `self` that satisfy `f` (closed in vstd, where the default broadcast lemma
    /// `lemma_set_filter` says exactly what this open definition says).
    pub open spec fn filter(self, f: spec_fn(A) -> bool) -> Set<A> {
        Set::new(|a: A| self.contains(a) && f(a))
    }

    /// The image of `self` under `f` (vstd: closed; what is known of it is the default group's
    /// `lemma_map_contains`).
    pub uninterp spec fn map<B>(self, f: spec_fn(A) -> B) -> Set<B>;

    /// vstd's `lemma_map_contains` (in the default group; trusted: vstd proves it).
    pub broadcast proof fn lemma_map_contains<B>(self, f: spec_fn(A) -> B, b: B)
        ensures
            #[trigger] self.map(f).contains(b) <==> exists|a: A| self.contains(a) && b == f(a),
    {
        admit();
    }

    /// `map` by a forward function with an inverse on `self` (vstd: closed; what is known of it
    /// is the default group's `lemma_map_by_contains`).
    pub uninterp spec fn map_by<B>(self, fwd: spec_fn(A) -> B, rev: spec_fn(B) -> A) -> Set<B>;

    /// vstd's `lemma_map_by_contains` (in the default group; trusted: vstd proves it).
    pub broadcast proof fn lemma_map_by_contains<B>(self, fwd: spec_fn(A) -> B, rev: spec_fn(B) -> A, b: B)
        ensures
            #[trigger] self.map_by(fwd, rev).contains(b) <==> self.contains(rev(b)) && b == fwd(rev(b)),
    {
        admit();
    }

    /// Filtering a finite set gives one no larger (set_lib; trusted: vstd proves it).
    #[verifier::external_body]
    pub proof fn lemma_len_filter(self, f: spec_fn(A) -> bool)
        requires
            self.finite(),
        ensures
            self.filter(f).finite(),
            self.filter(f).len() <= self.len(),
    {
    }

    /// `self has a`: `contains`.
    #[verifier::inline]
    pub open spec fn spec_has(self, a: A) -> bool {
        self.contains(a)
    }

    /// The same elements as an `ISet` (library/vstd/iset.rs).
    pub open spec fn to_iset(self) -> ISet<A> {
        ISet::new(|a: A| self.contains(a))
    }

    /// Every element satisfies `pred` (vstd's `set_lib`).
    pub open spec fn all(&self, pred: spec_fn(A) -> bool) -> bool {
        forall|x: A| self.contains(x) ==> pred(x)
    }

    /// Some element satisfies `pred` (vstd's `set_lib`).
    pub open spec fn any(&self, pred: spec_fn(A) -> bool) -> bool {
        exists|x: A| self.contains(x) && pred(x)
    }

    /// No element (`self =~= Set::empty()`).
    pub open spec fn is_empty(self) -> bool {
        self =~= Set::<A>::empty()
    }

    /// No element of `self` is in `s2`.
    pub open spec fn disjoint(self, s2: Self) -> bool {
        forall|a: A| self.contains(a) ==> !s2.contains(a)
    }

    /// `f` folded over the elements from `z`, in some order (closed in vstd: known through
    /// `lemma_fold_empty` and `lemma_fold_insert`, for a commutative `f`).
    pub uninterp spec fn fold<B>(self, z: B, f: spec_fn(B, A) -> B) -> B;
}

/// The order `f` takes two elements in does not matter.
pub open spec fn is_fun_commutative<A, B>(f: spec_fn(B, A) -> B) -> bool {
    forall|a1: A, a2: A, b: B| #[trigger] f(f(b, a2), a1) == f(f(b, a1), a2)
}

/// vstd's lemma (trusted here: vstd proves it).
#[verifier::external_body]
pub proof fn lemma_fold_empty<A, B>(z: B, f: spec_fn(B, A) -> B)
    ensures
        Set::<A>::empty().fold(z, f) == z,
{
}

/// vstd's lemma (trusted here: vstd proves it).
#[verifier::external_body]
pub proof fn lemma_fold_insert<A, B>(s: Set<A>, z: B, f: spec_fn(B, A) -> B, a: A)
    requires
        s.finite(),
        !s.contains(a),
        is_fun_commutative(f),
    ensures
        s.insert(a).fold(z, f) == f(s.fold(z, f), a),
{
}

/// A subset of a finite set is finite and no larger (vstd set_lib's lemma).
#[verifier::external_body]
pub proof fn lemma_len_subset<A>(s1: Set<A>, s2: Set<A>)
    requires
        s2.finite(),
        s1.subset_of(s2),
    ensures
        s1.len() <= s2.len(),
        s1.finite(),
{
}

/// The integers in `lo..hi` (vstd set_lib's `set_int_range`).
pub open spec fn set_int_range(lo: int, hi: int) -> Set<int> {
    Set::new(|i: int| lo <= i < hi)
}

/// `lo..hi` is a finite set of `hi - lo` integers (vstd set_lib's lemma; trusted: vstd proves it).
#[verifier::external_body]
pub proof fn lemma_int_range(lo: int, hi: int)
    requires
        lo <= hi,
    ensures
        set_int_range(lo, hi).finite(),
        set_int_range(lo, hi).len() == hi - lo,
{
}

/// vstd's `Set::range(lo, hi)` over `int` (its `FiniteRange` impl for `int`): the integers in `lo..hi`.
impl Set<int> {
    pub open spec fn range(lo: int, hi: int) -> Set<int> {
        Set::new(|i: int| lo <= i < hi)
    }

    pub open spec fn range_inclusive(lo: int, hi: int) -> Set<int> {
        Set::new(|i: int| lo <= i <= hi)
    }
}

} // verus!
