// vstd::iset: `ISet<A>`, a possibly infinite set for specifications (`Set<A>` is finite). As in
// vstd, a set is its membership predicate, a `spec_fn(A) -> bool` the user cannot see, and its
// operations are known only through broadcast lemmas (`group_iset_lemmas`, in vstd's default
// group: every crate that uses the library has them, instantiated at the `ISet` types its code
// has). Names, signatures and what each lemma states follow vstd (iset.rs, iset_lib.rs).
//
// Why this is sound although the lemmas are trusted: the operations are uninterpreted here, but
// each has vstd's definition over the same representation (`new(f)` is the set whose predicate is
// `f`, `insert` adds one element, ..), every lemma below is a theorem vstd proves from those
// definitions, and `finite` / `len` stand for finiteness and the number of elements.
verus! {

/// A set of values of `A`, possibly infinite: the values `contains` holds of. Two sets with the
/// same elements are equal (`=~=`).
#[verifier::ext_equal]
#[verifier::reject_recursive_types(A)]
pub struct ISet<A> {
    set: spec_fn(A) -> bool,
}

impl<A> ISet<A> {
    /// The set with no elements.
    pub uninterp spec fn empty() -> ISet<A>;

    /// The set of the values `f` holds of.
    pub uninterp spec fn new(f: spec_fn(A) -> bool) -> ISet<A>;

    /// The set of every value of `A`.
    pub open spec fn full() -> ISet<A> {
        ISet::empty().complement()
    }

    /// Whether `a` is an element.
    pub uninterp spec fn contains(self, a: A) -> bool;

    /// `self has a`: `contains`.
    #[verifier::inline]
    pub open spec fn spec_has(self, a: A) -> bool {
        self.contains(a)
    }

    /// Every element of `self` is one of `s2`.
    pub open spec fn subset_of(self, s2: ISet<A>) -> bool {
        forall|a: A| self.contains(a) ==> s2.contains(a)
    }

    /// `<=`: `subset_of`.
    #[verifier::inline]
    pub open spec fn spec_le(self, s2: ISet<A>) -> bool {
        self.subset_of(s2)
    }

    /// `self` with `a` (the same set when `a` is already an element).
    pub uninterp spec fn insert(self, a: A) -> ISet<A>;

    /// `self` without `a` (the same set when `a` is not an element).
    pub uninterp spec fn remove(self, a: A) -> ISet<A>;

    /// The elements of either set.
    pub uninterp spec fn union(self, s2: ISet<A>) -> ISet<A>;

    /// `+`: `union`.
    #[verifier::inline]
    pub open spec fn spec_add(self, s2: ISet<A>) -> ISet<A> {
        self.union(s2)
    }

    /// The elements of both sets.
    pub uninterp spec fn intersect(self, s2: ISet<A>) -> ISet<A>;

    /// `*`: `intersect`.
    #[verifier::inline]
    pub open spec fn spec_mul(self, s2: ISet<A>) -> ISet<A> {
        self.intersect(s2)
    }

    /// The elements of `self` that are not elements of `s2`.
    pub uninterp spec fn difference(self, s2: ISet<A>) -> ISet<A>;

    /// `-`: `difference`.
    #[verifier::inline]
    pub open spec fn spec_sub(self, s2: ISet<A>) -> ISet<A> {
        self.difference(s2)
    }

    /// The values of `A` that are not elements of `self`.
    pub uninterp spec fn complement(self) -> ISet<A>;

    /// The elements of `self` that `f` holds of.
    pub open spec fn filter(self, f: spec_fn(A) -> bool) -> ISet<A> {
        self.intersect(Self::new(f))
    }

    /// Whether `self` has finitely many elements.
    pub uninterp spec fn finite(self) -> bool;

    /// How many elements `self` has (meaningful only for a finite set).
    pub uninterp spec fn len(self) -> nat;

    /// An arbitrary element of `self`, when there is one (a deterministic choice, as any spec fn).
    pub open spec fn choose(self) -> A {
        choose|a: A| self.contains(a)
    }

    /// No element of `self` is in `s2`.
    pub open spec fn disjoint(self, s2: Self) -> bool {
        forall|a: A| self.contains(a) ==> !s2.contains(a)
    }

    /// `self` has exactly the elements of the finite set `s2`.
    pub open spec fn congruent(self, s2: Set<A>) -> bool {
        forall|a: A| #![all_triggers] self.contains(a) <==> s2.contains(a)
    }

    /// The images of the elements under `f` (iset_lib).
    pub open spec fn map<B>(self, f: spec_fn(A) -> B) -> ISet<B> {
        ISet::new(|b: B| exists|a: A| self.contains(a) && b == f(a))
    }
}

#[verifier::external_body]
pub broadcast proof fn lemma_iset_empty<A>(a: A)
    ensures
        !(#[trigger] ISet::empty().contains(a)),
{
}

#[verifier::external_body]
pub broadcast proof fn lemma_iset_new<A>(f: spec_fn(A) -> bool, a: A)
    ensures
        #[trigger] ISet::new(f).contains(a) == f(a),
{
}

#[verifier::external_body]
pub broadcast proof fn lemma_iset_insert_same<A>(s: ISet<A>, a: A)
    ensures
        #[trigger] s.insert(a).contains(a),
{
}

#[verifier::external_body]
pub broadcast proof fn lemma_iset_insert_different<A>(s: ISet<A>, a1: A, a2: A)
    requires
        a1 != a2,
    ensures
        #[trigger] s.insert(a2).contains(a1) == s.contains(a1),
{
}

#[verifier::external_body]
pub broadcast proof fn lemma_iset_remove_same<A>(s: ISet<A>, a: A)
    ensures
        !(#[trigger] s.remove(a).contains(a)),
{
}

#[verifier::external_body]
pub broadcast proof fn lemma_iset_remove_insert<A>(s: ISet<A>, a: A)
    requires
        s.contains(a),
    ensures
        (#[trigger] s.remove(a)).insert(a) == s,
{
}

#[verifier::external_body]
pub broadcast proof fn lemma_iset_remove_different<A>(s: ISet<A>, a1: A, a2: A)
    requires
        a1 != a2,
    ensures
        #[trigger] s.remove(a2).contains(a1) == s.contains(a1),
{
}

#[verifier::external_body]
pub broadcast proof fn lemma_iset_union<A>(s1: ISet<A>, s2: ISet<A>, a: A)
    ensures
        #[trigger] s1.union(s2).contains(a) == (s1.contains(a) || s2.contains(a)),
{
}

#[verifier::external_body]
pub broadcast proof fn lemma_iset_intersect<A>(s1: ISet<A>, s2: ISet<A>, a: A)
    ensures
        #[trigger] s1.intersect(s2).contains(a) == (s1.contains(a) && s2.contains(a)),
{
}

#[verifier::external_body]
pub broadcast proof fn lemma_iset_difference<A>(s1: ISet<A>, s2: ISet<A>, a: A)
    ensures
        #[trigger] s1.difference(s2).contains(a) == (s1.contains(a) && !s2.contains(a)),
{
}

#[verifier::external_body]
pub broadcast proof fn lemma_iset_complement<A>(s: ISet<A>, a: A)
    ensures
        #[trigger] s.complement().contains(a) == !s.contains(a),
{
}

#[verifier::external_body]
pub broadcast proof fn lemma_iset_ext_equal<A>(s1: ISet<A>, s2: ISet<A>)
    ensures
        #[trigger] (s1 =~= s2) <==> (forall|a: A| s1.contains(a) == s2.contains(a)),
{
}

#[verifier::external_body]
pub broadcast proof fn lemma_iset_ext_equal_deep<A>(s1: ISet<A>, s2: ISet<A>)
    ensures
        #[trigger] (s1 =~~= s2) <==> s1 =~= s2,
{
}

#[verifier::external_body]
pub broadcast proof fn lemma_iset_empty_finite<A>()
    ensures
        #[trigger] ISet::<A>::empty().finite(),
{
}

#[verifier::external_body]
pub broadcast proof fn lemma_iset_insert_finite<A>(s: ISet<A>, a: A)
    requires
        s.finite(),
    ensures
        #[trigger] s.insert(a).finite(),
{
}

#[verifier::external_body]
pub broadcast proof fn lemma_iset_remove_finite<A>(s: ISet<A>, a: A)
    requires
        s.finite(),
    ensures
        #[trigger] s.remove(a).finite(),
{
}

#[verifier::external_body]
pub broadcast proof fn lemma_iset_union_finite<A>(s1: ISet<A>, s2: ISet<A>)
    requires
        s1.finite(),
        s2.finite(),
    ensures
        #[trigger] s1.union(s2).finite(),
{
}

#[verifier::external_body]
pub broadcast proof fn lemma_iset_intersect_finite<A>(s1: ISet<A>, s2: ISet<A>)
    requires
        s1.finite() || s2.finite(),
    ensures
        #[trigger] s1.intersect(s2).finite(),
{
}

#[verifier::external_body]
pub broadcast proof fn lemma_iset_difference_finite<A>(s1: ISet<A>, s2: ISet<A>)
    requires
        s1.finite(),
    ensures
        #[trigger] s1.difference(s2).finite(),
{
}

/// An infinite set has elements, so `choose` finds one.
#[verifier::external_body]
pub broadcast proof fn lemma_iset_choose_infinite<A>(s: ISet<A>)
    requires
        !s.finite(),
    ensures
        #[trigger] s.contains(s.choose()),
{
}

#[verifier::external_body]
pub broadcast proof fn lemma_iset_empty_len<A>()
    ensures
        #[trigger] ISet::<A>::empty().len() == 0,
{
}

#[verifier::external_body]
pub broadcast proof fn lemma_iset_insert_len<A>(s: ISet<A>, a: A)
    requires
        s.finite(),
    ensures
        #[trigger] s.insert(a).len() == s.len() + (if s.contains(a) { 0int } else { 1 }),
{
}

#[verifier::external_body]
pub broadcast proof fn lemma_iset_remove_len<A>(s: ISet<A>, a: A)
    requires
        s.finite(),
    ensures
        s.len() == #[trigger] s.remove(a).len() + (if s.contains(a) { 1int } else { 0 }),
{
}

#[verifier::external_body]
pub broadcast proof fn lemma_iset_contains_len<A>(s: ISet<A>, a: A)
    requires
        s.finite(),
        #[trigger] s.contains(a),
    ensures
        #[trigger] s.len() != 0,
{
}

#[verifier::external_body]
pub broadcast proof fn lemma_iset_choose_len<A>(s: ISet<A>)
    requires
        s.finite(),
        #[trigger] s.len() != 0,
    ensures
        #[trigger] s.contains(s.choose()),
{
}

pub broadcast group group_iset_lemmas {
    lemma_iset_empty,
    lemma_iset_new,
    lemma_iset_insert_same,
    lemma_iset_insert_different,
    lemma_iset_remove_same,
    lemma_iset_remove_insert,
    lemma_iset_remove_different,
    lemma_iset_union,
    lemma_iset_intersect,
    lemma_iset_difference,
    lemma_iset_complement,
    lemma_iset_ext_equal,
    lemma_iset_ext_equal_deep,
    lemma_iset_empty_finite,
    lemma_iset_insert_finite,
    lemma_iset_remove_finite,
    lemma_iset_union_finite,
    lemma_iset_intersect_finite,
    lemma_iset_difference_finite,
    lemma_iset_choose_infinite,
    lemma_iset_empty_len,
    lemma_iset_insert_len,
    lemma_iset_remove_len,
    lemma_iset_contains_len,
    lemma_iset_choose_len,
}

} // verus!
