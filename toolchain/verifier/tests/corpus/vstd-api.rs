// vstd's API on the built-in types from the verifier's library (library/vstd): Option's older
// variant API (`is_Some`, `is_None`, `get_Some_0`, `arrow_0`), `tracked_unwrap`, `as_ref`;
// `is` / `!is` / `->` on enum variants; Seq's `no_duplicates`, `disjoint`, `index_of`, `to_set`;
// Set's `disjoint` and operators; Map's `submap_of` and `<=`; Seq's `insert`, `remove`,
// `remove_value` and `index_of_first`; Seq and Set operations as triggers; Set's `len` and
// `finite`; tracked maps (`borrow_mut`, `tracked_insert`, `tracked_remove`, `tracked_empty`);
// `g@ = v` of a `Ghost` field and `Tracked::get`.
use vstd::prelude::*;

verus! {

// ---- Option

// expect: verified
pub proof fn opt_is_some_get(x: Option<u64>)
    requires x.is_Some(), x.get_Some_0() == 3,
{
    assert(x->0 == 3);
    assert(!x.is_None());
    assert(x.arrow_0() == 3 && x.arrow_Some_0() == 3);
    assert(x == Some(3u64));
}

// `get_Some_0` of `None` is some value nothing is known about.
// expect: failed assertion
pub proof fn opt_get_of_none(x: Option<u64>)
    requires x.is_None(),
{
    assert(x.get_Some_0() == 3);
}

// expect: failed assertion
pub proof fn opt_get_of_none_not_zero(x: Option<u64>)
    requires x.is_None(),
{
    assert(x.get_Some_0() != 3);
}

// expect: failed postcondition
pub proof fn opt_is_some_wrong(x: Option<u64>)
    requires x.get_Some_0() == 3,
    ensures x.is_Some(),
{
}

// expect: verified
pub fn opt_as_ref(x: &Option<u64>) -> (r: bool)
    ensures r == x.is_Some(),
{
    let a = x.as_ref();
    a.is_some()
}

// expect: failed postcondition
pub fn opt_as_ref_wrong(x: &Option<u64>) -> (r: bool)
    ensures r == x.is_None(),
{
    let a = x.as_ref();
    a.is_some()
}

// expect: verified
pub proof fn opt_tracked_unwrap(tracked x: Option<u64>)
    requires x is Some,
{
    let tracked y = x.tracked_unwrap();
    assert(y == x->Some_0);
}

// `tracked_unwrap` requires `Some`.
// expect: failed precondition
pub proof fn opt_tracked_unwrap_none(tracked x: Option<u64>) {
    let tracked y = x.tracked_unwrap();
}

// `get_Some_0` is a spec fn.
// expect: error
pub fn opt_get_in_exec(x: Option<u64>) -> u64 {
    x.get_Some_0()
}

// ---- `is`, `!is`, `->` on user enums

pub enum Life {
    Mammal { legs: int, has_pocket: bool },
    Arthropod { legs: int, wings: int },
    Plant(int),
}

// expect: verified
pub proof fn enum_arrow_qualified(l: Life)
    requires l is Arthropod, l->Arthropod_legs == 6,
{
    assert(l !is Mammal);
    assert(l->wings == l->Arthropod_wings);
    assert(l == Life::Arthropod { legs: 6, wings: l->wings });
}

// expect: failed assertion
pub proof fn enum_arrow_wrong_variant(l: Life)
    requires l is Mammal, l->Mammal_legs == 4,
{
    assert(l->Arthropod_legs == 4);
}

// expect: verified
pub proof fn enum_arrow_tuple(l: Life)
    requires l is Plant, l->0 == 3,
{
    assert(l == Life::Plant(3));
}

// `legs` is a field of two variants.
// expect: error
pub proof fn enum_arrow_ambiguous(l: Life) {
    assert(l->legs == 6);
}

// expect: error
pub proof fn enum_is_unknown(l: Life) {
    assert(l is Fungus);
}

// expect: error
pub proof fn enum_arrow_unknown(l: Life) {
    assert(l->Plant_1 == 0);
}

// ---- Seq::no_duplicates and friends

// expect: verified
pub proof fn seq_no_dup_use(s: Seq<u64>)
    requires s.no_duplicates(), s.len() == 3, s[0] == 5,
{
    assert(s[1] != 5);
}

// Without `no_duplicates` an element may occur twice.
// expect: failed assertion
pub proof fn seq_no_dup_missing(s: Seq<u64>)
    requires s.len() == 3, s[0] == 5,
{
    assert(s[1] != 5);
}

// expect: verified
pub proof fn seq_no_dup_refuted() {
    let s = seq![1u64, 2u64, 1u64];
    assert(!s.no_duplicates()) by { assert(s[0] == s[2]); }
}

// expect: failed assertion
pub proof fn seq_no_dup_wrong_claim() {
    let s = seq![1u64, 2u64, 1u64];
    assert(s.no_duplicates());
}

// `push` of a new element keeps it (a lemma Verus proves the same way).
// expect: verified
pub proof fn seq_no_dup_push(s: Seq<u64>, x: u64)
    requires s.no_duplicates(), !s.contains(x),
    ensures s.push(x).no_duplicates(),
{
    let t = s.push(x);
    assert forall|i: int, j: int| 0 <= i < t.len() && 0 <= j < t.len() && i != j implies t[i] != t[j] by {
        if i == s.len() as int { assert(s[j] == t[j]); }
        if j == s.len() as int { assert(s[i] == t[i]); }
    }
}

// Pushing an element already there breaks it.
// expect: failed postcondition
pub proof fn seq_no_dup_push_wrong(s: Seq<u64>, x: u64)
    requires s.no_duplicates(),
    ensures s.push(x).no_duplicates(),
{
}

// expect: verified
pub proof fn seq_disjoint_index_of(a: Seq<u64>, b: Seq<u64>)
    requires a.disjoint(b), a.len() == 2, b.len() == 1, a[1] == 7,
{
    assert(b[0] != 7);
    assert(a.contains(7)) by { assert(a[1] == 7); }
    assert(a[a.index_of(7)] == 7);
    assert(a.to_set().contains(7));
}

// expect: failed assertion
pub proof fn seq_disjoint_wrong(a: Seq<u64>, b: Seq<u64>)
    requires a.disjoint(b), a.len() == 2, b.len() == 1, a[1] == 7,
{
    assert(b[0] != 8);
}

// expect: verified
pub proof fn set_disjoint_use(a: Set<u64>, b: Set<u64>)
    requires a.disjoint(b), a.contains(3),
{
    assert(!b.contains(3));
}

// expect: failed assertion
pub proof fn set_disjoint_wrong(a: Set<u64>, b: Set<u64>)
    requires a.disjoint(b), a.contains(3),
{
    assert(!b.contains(4));
}

// `+` `-` `*` `<=` on sets are vstd's `spec_add` (union), `spec_sub` (difference), `spec_mul`
// (intersection), `spec_le` (subset).
// expect: verified
pub proof fn set_operators(a: Set<u64>, b: Set<u64>)
    requires a.contains(1), b.contains(2),
{
    assert((a + b).contains(2));
    assert(!(a - a).contains(1));
    assert((a * b) <= a);
    assert(a <= a + b);
}

// expect: failed assertion
pub proof fn set_operators_wrong(a: Set<u64>, b: Set<u64>)
    requires a.contains(1),
{
    assert((a * b).contains(1));
}

// expect: failed assertion
pub proof fn set_le_wrong(a: Set<u64>, b: Set<u64>) {
    assert(a + b <= a);
}

// expect: verified
pub proof fn map_submap_use(a: Map<u64, u64>, b: Map<u64, u64>)
    requires a.submap_of(b), a.dom().contains(3), a[3] == 4,
{
    assert(b[3] == 4);
}

// expect: verified
pub proof fn map_le_is_submap(a: Map<u64, u64>, b: Map<u64, u64>)
    requires a <= b, a.dom().contains(3),
{
    assert(b.dom().contains(3) && b[3] == a[3]);
}

// `t.borrow()` of a `Tracked<T>` is the `T`; `Map::tracked_borrow` needs the key.
pub struct TrackedPerms {
    pub perms: Tracked<Map<u64, u64>>,
}

// expect: verified
pub fn map_tracked_borrow(h: &TrackedPerms)
    requires h.perms@.dom().contains(3), h.perms@[3] == 4,
{
    let tracked v = h.perms.borrow().tracked_borrow(3);
    assert(v == 4);
}

// expect: failed precondition
pub fn map_tracked_borrow_missing_key(h: &TrackedPerms)
    requires h.perms@[3] == 4,
{
    let tracked v = h.perms.borrow().tracked_borrow(3);
}

// expect: failed assertion
pub fn map_tracked_borrow_wrong(h: &TrackedPerms)
    requires h.perms@.dom().contains(3), h.perms@[3] == 4,
{
    let tracked v = h.perms.borrow().tracked_borrow(3);
    assert(v == 5);
}

// expect: error
pub fn tracked_borrow_in_exec(h: &TrackedPerms) {
    let v = h.perms.borrow();
}

// expect: failed assertion
pub proof fn map_submap_wrong(a: Map<u64, u64>, b: Map<u64, u64>)
    requires a.submap_of(b), b.dom().contains(3), b[3] == 4,
{
    assert(a[3] == 4);
}

// A method of a built-in type is the library's, not the crate's: rustc refuses inherent impls on
// types of other crates.
impl<A> Seq<A> {
    // expect: error
    pub open spec fn seq_own_method(self) -> bool {
        true
    }
}

// ---- Seq::insert, remove, remove_value, index_of_first (closed: only its ensures lemma)

// expect: verified
pub proof fn rv_removes_the_first(s: Seq<u8>)
    requires s.len() == 3, s[0] == 1, s[1] == 2, s[2] == 3,
{
    s.index_of_first_ensures(2);
    assert(s.contains(2u8)) by { assert(s[1] == 2); }
    let r = s.remove_value(2);
    assert(r.len() == 2);
    assert(r[0] == 1 && r[1] == 3);
}

// expect: failed assertion
pub proof fn rv_keeps_the_removed(s: Seq<u8>)
    requires s.len() == 3, s[0] == 1, s[1] == 2, s[2] == 3,
{
    s.index_of_first_ensures(2);
    assert(s.contains(2u8)) by { assert(s[1] == 2); }
    let r = s.remove_value(2);
    assert(r[1] == 2);
}

// Without `index_of_first_ensures` nothing is known of the index (closed in vstd).
// expect: failed assertion
pub proof fn rv_without_the_lemma(s: Seq<u8>)
    requires s.len() == 3, s[0] == 1, s[1] == 2, s[2] == 3,
{
    let r = s.remove_value(2);
    assert(r.len() == 2);
}

// expect: verified
pub proof fn seq_insert_then_remove(s: Seq<u8>)
    requires s.len() == 2,
{
    let t = s.insert(1, 7);
    assert(t.len() == 3 && t[1] == 7 && t[0] == s[0] && t[2] == s[1]);
    assert(t.remove(1) =~= s);
}

// expect: failed assertion
pub proof fn seq_insert_at_the_wrong_place(s: Seq<u8>)
    requires s.len() == 2,
{
    let t = s.insert(1, 7);
    assert(t[0] == 7);
}

// ---- operations of Seq and Set as triggers (function applications, as vstd's spec fns)

// expect: verified
pub spec fn good_seq(s: Seq<int>) -> bool;
// expect: verified
pub spec fn good_set(s: Set<int>) -> bool;

// expect: verified
#[verifier::external_body]
pub proof fn lemma_contains_makes_good()
    ensures
        forall|s: Seq<int>, x: int| #[trigger] s.contains(x) ==> good_seq(s),
        forall|s: Set<int>, x: int| #[trigger] s.insert(x) == s ==> good_set(s),
{
}

// expect: verified
pub proof fn trig_contains_fires(t: Seq<int>)
    requires t.contains(3),
{
    lemma_contains_makes_good();
    assert(good_seq(t));
}

// Nothing mentions `t.contains(..)`: the quantifier is not instantiated.
// expect: failed assertion
pub proof fn trig_contains_needs_a_term(t: Seq<int>)
    requires t.len() > 0,
{
    lemma_contains_makes_good();
    assert(good_seq(t));
}

// expect: verified
pub proof fn trig_insert_fires(s: Set<int>)
    requires s.contains(4),
{
    lemma_contains_makes_good();
    assert(s.insert(4) =~= s);
    assert(good_set(s));
}

// expect: failed assertion
pub proof fn trig_insert_of_a_new_element(s: Set<int>)
    requires !s.contains(4),
{
    lemma_contains_makes_good();
    assert(s.insert(4) == s);
}

// Triggers inferred from `push` and `contains` (no annotation), as Verus does.
// expect: verified
pub proof fn trig_inferred_push_contains()
    ensures forall|s: Seq<int>, v: int, x: int| s.contains(x) ==> s.push(v).contains(x),
{
    assert forall|s: Seq<int>, v: int, x: int| s.contains(x) implies s.push(v).contains(x) by {
        let i = choose|i: int| 0 <= i < s.len() && s[i] == x;
        assert(s.push(v)[i] == x);
    }
}

// expect: failed postcondition
pub proof fn trig_inferred_push_contains_wrong()
    ensures forall|s: Seq<int>, v: int, x: int| s.push(v).contains(x) ==> s.contains(x),
{
}

// ---- Set::len and Set::finite (vstd: every Set is finite; `len` is known by vstd's lemmas)

// expect: verified
pub proof fn set_len_of_literal()
{
    assert(set![1int, 2, 3].len() == 3);
    assert(set![1int, 1].len() == 1);
    assert(Set::<int>::empty().len() == 0);
}

// expect: failed assertion
pub proof fn set_len_of_literal_wrong()
{
    assert(set![1int, 1].len() == 2);
}

// expect: verified
pub proof fn set_len_insert_remove(s: Set<int>, x: int)
    requires !s.contains(x), s.finite(),
{
    assert(s.insert(x).len() == s.len() + 1);
    assert(s.insert(x).remove(x) =~= s);
    assert(s.remove(x).len() == s.len());
}

// `x` may be in `s` already.
// expect: failed assertion
pub proof fn set_len_insert_maybe_present(s: Set<int>, x: int)
{
    assert(s.insert(x).len() == s.len() + 1);
}

// expect: verified
pub proof fn set_len_zero_is_empty(s: Set<int>, x: int)
    requires s.len() == 0, s.finite(),
{
    assert(!s.contains(x));
}

// A set may be infinite (`Set::new(|x: int| true)`): what `len` is, is known of finite sets
// only (an infinite set's `len` is some number).
// expect: failed assertion
pub proof fn set_len_zero_maybe_infinite(s: Set<int>, x: int)
    requires s.len() == 0,
{
    assert(!s.contains(x));
}

// expect: failed assertion
pub proof fn set_maybe_infinite(s: Set<int>)
{
    assert(s.finite());
}

// The set of all integers is not finite: were it, `upto(len + 1)` would be a larger subset.
// expect: verified
spec fn set_upto(n: int) -> Set<int> { Set::new(|x: int| 0 <= x < n) }

// expect: verified
proof fn set_upto_len(n: nat)
    ensures set_upto(n as int).finite(), set_upto(n as int).len() == n,
    decreases n,
{
    if n == 0 {
        assert(set_upto(0) =~= Set::<int>::empty());
    } else {
        set_upto_len((n - 1) as nat);
        assert(set_upto(n as int) =~= set_upto(n - 1).insert(n - 1));
    }
}

// expect: verified
proof fn set_all_ints_infinite()
    ensures !Set::new(|x: int| true).finite(),
{
    let all = Set::new(|x: int| true);
    if all.finite() {
        set_upto_len((all.len() + 1) as nat);
        assert(set_upto((all.len() + 1) as int).subset_of(all));
        lemma_len_subset(set_upto((all.len() + 1) as int), all);
    }
}

// What kept sets finite (`finite` was `true`) gave `false` from the same steps; now the lemma
// needs the set finite.
// expect: failed precondition
proof fn set_all_ints_finite_false()
    ensures false,
{
    let all = Set::new(|x: int| true);
    set_upto_len((all.len() + 1) as nat);
    assert(set_upto((all.len() + 1) as int).subset_of(all));
    lemma_len_subset(set_upto((all.len() + 1) as int), all);
}

// expect: verified
proof fn set_finite_ops(s: Set<int>, t: Set<int>)
    requires s.finite(),
{
    lemma_int_range(3, 7);
    assert(set_int_range(3, 7).len() == 4);
    assert(s.insert(1).remove(2).finite());
    assert(s.intersect(t).finite());
    assert(t.intersect(s).finite());
    assert(s.difference(t).finite());
    assert(set![1int, 2].union(s).finite());
    let q = seq![1int, 2, 2];
    q.lemma_to_set_finite();
    assert(q.to_set().finite());
}

// expect: failed assertion
proof fn set_union_maybe_infinite(s: Set<int>, t: Set<int>)
    requires s.finite(),
{
    assert(s.union(t).finite());
}

// Nothing is known of a set's size.
// expect: failed assertion
pub proof fn set_len_unknown(s: Set<int>)
{
    assert(s.len() > 0);
}

// expect: failed assertion
pub proof fn set_never_infinite(s: Set<int>)
{
    assert(!s.finite());
}

// ---- tracked maps: `borrow_mut()` of a `Tracked<Map<..>>` field, `tracked_insert` / `tracked_remove`

pub struct TPerm { pub v: u64 }
pub struct TPerms { pub perms: Tracked<Map<u64, TPerm>> }

impl TPerms {
    // expect: verified
    fn tperms_take(&mut self, k: u64) -> (ret: Tracked<TPerm>)
        requires old(self).perms@.dom().contains(k),
        ensures self.perms@ == old(self).perms@.remove(k), ret@ == old(self).perms@[k],
    {
        let tracked p = self.perms.borrow_mut().tracked_remove(k);
        Tracked(p)
    }

    // expect: failed precondition
    fn tperms_take_missing(&mut self, k: u64) -> (ret: Tracked<TPerm>)
    {
        let tracked p = self.perms.borrow_mut().tracked_remove(k);
        Tracked(p)
    }

    // expect: verified
    fn tperms_put(&mut self, k: u64, Tracked(p): Tracked<TPerm>)
        ensures self.perms@ == old(self).perms@.insert(k, p),
    {
        proof { self.perms.borrow_mut().tracked_insert(k, p); }
    }

    // The map changed.
    // expect: failed postcondition
    fn tperms_put_forgets(&mut self, k: u64, Tracked(p): Tracked<TPerm>)
        ensures self.perms@ == old(self).perms@,
    {
        proof { self.perms.borrow_mut().tracked_insert(k, p); }
    }

    // `borrow_mut` of a `Tracked` value is ghost code.
    // expect: error
    fn tperms_put_in_exec(&mut self, k: u64, Tracked(p): Tracked<TPerm>)
    {
        self.perms.borrow_mut().tracked_insert(k, p);
    }
}

// expect: verified
pub proof fn tracked_empty_map() {
    let tracked m = Map::<u64, TPerm>::tracked_empty();
    assert(m.dom().len() == 0);
}

// ---- `g@ = v` of a `Ghost` field, `Tracked::get`

pub struct GSet { pub s: Ghost<Set<u64>> }

impl GSet {
    // expect: verified
    fn gset_add(&mut self, x: u64)
        ensures self.s@ == old(self).s@.insert(x),
    {
        proof { self.s@ = self.s@.insert(x); }
    }

    // expect: failed postcondition
    fn gset_add_forgets(&mut self, x: u64)
        ensures self.s@ == old(self).s@,
    {
        proof { self.s@ = self.s@.insert(x); }
    }

    // expect: error
    fn gset_add_in_exec(&mut self, x: u64)
    {
        self.s@ = self.s@.insert(x);
    }

    // A `&self` method cannot write through `self`.
    // expect: error
    fn gset_add_through_shared(&self, x: u64)
    {
        proof { self.s@ = self.s@.insert(x); }
    }
}

// A `Ghost` local is a spec-mode place that ghost code may write.
// expect: verified
fn ghost_local_push(n: u64) {
    let mut d: Ghost<Seq<u64>> = Ghost(Seq::empty());
    proof { d@ = d@.push(n); }
    assert(d@.len() == 1 && d@[0] == n);
}

// expect: failed assertion
fn ghost_local_push_wrong(n: u64) {
    let mut d: Ghost<Seq<u64>> = Ghost(Seq::empty());
    proof { d@ = d@.push(n); }
    assert(d@.len() == 2);
}

// expect: error
fn ghost_local_not_mut(n: u64) {
    let d: Ghost<Seq<u64>> = Ghost(Seq::empty());
    proof { d@ = d@.push(n); }
}

// expect: verified
fn tracked_get(t: Tracked<Map<u64, u64>>) -> (r: Tracked<Map<u64, u64>>)
    ensures r@ == t@,
{
    let tracked m = t.get();
    Tracked(m)
}

// expect: failed postcondition
fn tracked_get_wrong(t: Tracked<Map<u64, u64>>) -> (r: Tracked<Map<u64, u64>>)
    ensures r@ == t@.insert(1, 1),
{
    let tracked m = t.get();
    Tracked(m)
}

// A local holding a function's `Tracked<T>` result is a wrapped value: `get()` gives `T`.
// expect: verified
fn tracked_make() -> (r: Tracked<Map<u64, u64>>)
    ensures r@ == Map::<u64, u64>::empty(),
{
    Tracked(Map::tracked_empty())
}

// expect: verified
fn tracked_result_get() {
    let t = tracked_make();
    proof {
        let tracked m = t.get();
        assert(!m.dom().contains(1));
    }
}

// expect: failed assertion
fn tracked_result_get_wrong() {
    let t = tracked_make();
    proof {
        let tracked m = t.get();
        assert(m.dom().contains(1));
    }
}

// ---- `admit()` (Verus's builtin): everything after it holds

// expect: verified
proof fn admitted(x: int) {
    admit();
    assert(x == x + 1);
}

// Before the `admit()`, nothing is assumed.
// expect: failed assertion
proof fn admitted_too_late(x: int) {
    assert(x == x + 1);
    admit();
}

// ---- vstd lemmas about sizes: `lemma_len_subset`, `unique_seq_to_set`; `remove_ensures`

// expect: verified
proof fn len_subset_bounds(a: Set<int>, b: Set<int>)
    requires a.subset_of(b), b.len() == 3, b.finite(),
{
    lemma_len_subset(a, b);
    assert(a.len() <= 3);
}

// expect: failed assertion
proof fn len_subset_not_equal(a: Set<int>, b: Set<int>)
    requires a.subset_of(b), b.len() == 3, b.finite(),
{
    lemma_len_subset(a, b);
    assert(a.len() == 3);
}

// expect: verified
proof fn unique_seq_set_size(s: Seq<int>)
    requires s.no_duplicates(), s.len() == 2,
{
    s.unique_seq_to_set();
    assert(s.to_set().len() == 2);
}

// expect: failed precondition
proof fn unique_seq_set_size_with_duplicates(s: Seq<int>)
    requires s.len() == 2,
{
    s.unique_seq_to_set();
}

// expect: verified
proof fn seq_remove_ensures(s: Seq<int>)
    requires s.len() == 3,
{
    s.remove_ensures(1);
    assert(s.remove(1)[1] == s[2]);
}

// ---- `set![]` / `seq![]` typed by their context

// expect: verified
proof fn empty_literals_typed(s: Set<u64>)
    requires s == set![] as Set<u64>,
{
    let e: Set<u64> = set![];
    assert(!e.contains(3));
    let q: Seq<u8> = seq![];
    assert(q.len() == 0);
}

// expect: failed assertion
proof fn empty_literal_has_nothing() {
    let e: Set<u64> = set![];
    assert(e.contains(3));
}

// ---- a `Tracked<T>` element of a tuple a function returns, destructured by `let (a, t) = ..`

// expect: verified
fn tracked_pair_make() -> (r: (u64, Tracked<Map<u64, u64>>))
    ensures r.0 == 1, r.1@ == Map::<u64, u64>::empty(),
{
    (1, Tracked(Map::tracked_empty()))
}

// expect: verified
fn tracked_pair_get() {
    let (a, t) = tracked_pair_make();
    proof {
        let tracked m = t.get();
        assert(m.dom().len() == 0);
    }
    assert(a == 1);
}

// expect: failed assertion
fn tracked_pair_get_wrong() {
    let (a, t) = tracked_pair_make();
    proof {
        let tracked m = t.get();
        assert(m.dom().contains(a));
    }
}


// vstd's closure-taking API: map, map_values, all, filter, fold_left, Set::fold with its lemmas
// expect: verified
proof fn va_seq_map() {
    let s = seq![1int, 2, 3];
    assert(s.map_values(|x: int| x * 10)[1] == 20);
    assert(s.map(|i: int, x: int| i + x)[2] == 5);
    assert(s.all(|x: int| x > 0));
}

// expect: failed assertion
proof fn va_seq_map_wrong() {
    let s = seq![1int, 2, 3];
    assert(s.map_values(|x: int| x * 10)[1] == 21);
}

// expect: verified
proof fn va_seq_filter(s: Seq<int>) {
    reveal_with_fuel(Seq::filter, 4);
    assert(seq![1int, -2, 3].filter(|x: int| x > 0) =~= seq![1int, 3]);
    // (one closure value for the lemma and the claim: the fact is then about the same term)
    let pos = |x: int| x > 0;
    s.lemma_filter_len(pos);
    assert(s.filter(pos).len() <= s.len());
}

// expect: failed assertion
proof fn va_seq_filter_wrong() {
    reveal_with_fuel(Seq::filter, 4);
    assert(seq![1int, -2, 3].filter(|x: int| x > 0) =~= seq![1int, -2]);
}

// expect: verified
proof fn va_seq_fold_left() {
    reveal_with_fuel(Seq::fold_left, 4);
    assert(seq![1int, 2, 3].fold_left(0, |b: int, a: int| b + a) == 6);
}

// expect: verified
proof fn va_set_fold_insert(s: Set<int>, a: int)
    requires
        s.finite(),
        !s.contains(a),
{
    let f = |b: int, x: int| b + x;
    lemma_fold_insert(s, 0, f, a);
    assert(s.insert(a).fold(0, f) == s.fold(0, f) + a);
}

// expect: failed assertion
proof fn va_set_fold_unknown(s: Set<int>, a: int)
    requires
        s.finite(),
{
    let f = |b: int, x: int| b + x;
    assert(s.insert(a).fold(0, f) == s.fold(0, f) + a);
}

// expect: failed precondition
proof fn va_set_fold_not_commutative(s: Set<int>, a: int)
    requires
        s.finite(),
        !s.contains(a),
{
    lemma_fold_insert(s, 0, |b: int, x: int| b * 2 + x, a);
}


// expect: verified
proof fn va_map_new() {
    let s = set![1int, 2, 3];
    let m = Map::new(s, |k: int| 10 * k);
    assert(m.dom() == s);
    assert(m[2] == 20);
    assert(!m.dom().contains(4));
}

// expect: failed assertion
proof fn va_map_new_wrong() {
    let m = Map::new(set![1int, 2], |k: int| 10 * k);
    assert(m[2] == 21);
}

// expect: error
proof fn va_map_new_wrong_key_type() {
    let m = Map::new(set![1int, 2], |k: bool| 10);
}


// `None` and `Set::empty()` take their types from where they are used (the checking phase)
// expect: verified
spec fn va_is_none(o: Option<u8>) -> bool {
    o is None
}

// expect: verified
spec fn va_is_empty(s: Set<u8>) -> bool {
    s.len() == 0
}

// expect: verified
proof fn va_untyped_arguments() {
    assert(va_is_none(None));
    assert(Set::empty().insert(3u8).contains(3));
    assert(va_is_empty(Set::empty()));
}

// expect: failed assertion
proof fn va_untyped_arguments_wrong() {
    assert(!va_is_none(None));
}

// expect: error
proof fn va_untyped_argument_wrong_type() {
    assert(va_is_empty(Seq::empty()));
}

// ---- Set::choose: some element, when there is one

// expect: verified
proof fn sch_member(s: Set<int>)
    requires s.contains(3),
{
    assert(s.contains(s.choose()));
}

// expect: failed assertion
proof fn sch_member_of_any(s: Set<int>) {
    assert(s.contains(s.choose()));
}

// expect: failed assertion
proof fn sch_not_a_given_one(s: Set<int>)
    requires s.contains(3),
{
    assert(s.choose() == 3);
}

// ---- `s + Set::empty()` is a trigger (the empty set is a ground term of the pattern)

// expect: verified
#[verifier::external_body]
proof fn set_union_empty_lemma()
    ensures forall|s1: Set<int>| s1 + Set::<int>::empty() == s1,
{
}

// expect: verified
proof fn set_union_empty_used(s: Set<int>) {
    set_union_empty_lemma();
    assert(s + Set::<int>::empty() == s);
}

// expect: failed assertion
proof fn set_union_empty_not_any(s: Set<int>, t: Set<int>) {
    set_union_empty_lemma();
    assert(s + t == s);
}

// ---- Set::filter (vstd's lemma_set_filter as the definition) and lemma_len_filter

// expect: verified
proof fn sfl_members(s: Set<int>)
    requires s.contains(3), s.contains(-1),
{
    let t = s.filter(|i: int| i > 0);
    assert(t.contains(3));
    assert(!t.contains(-1));
}

// expect: failed assertion
proof fn sfl_not_a_member(s: Set<int>)
    requires s.contains(3),
{
    assert(s.filter(|i: int| i > 5).contains(3));
}

// expect: verified
proof fn sfl_len(s: Set<int>)
    requires s.finite(),
{
    s.lemma_len_filter(|i: int| i > 0);
    assert(s.filter(|i: int| i > 0).len() <= s.len());
}

// a vstd broadcast group the library does not have: a gap, not an error
// expect: unsupported
proof fn va_unknown_vstd_group() {
    broadcast use group_map_not_in_the_library;
    assert(true);
}


// ---- Verus's older clause syntax: `requires(e);` / `ensures(e);` opening the body

// expect: verified
pub proof fn api_old_clauses(x: int) -> int {
    requires(x > 0);
    ensures(|r: int| r == x);
    assert(x > 0);
    x
}

// expect: failed postcondition
pub proof fn api_old_clauses_result(x: int) -> int {
    ensures(|r: int| r > x);
    x
}

// expect: verified
pub proof fn api_old_clauses_plain(x: int) {
    requires([x > 0, x < 10]);
    ensures(x * 1 == x);
    assert(x < 10);
}

// expect: failed precondition
pub proof fn api_old_clauses_caller() {
    api_old_clauses_plain(20);
}


// ---- vstd's `View` trait: `x@` is the impl's `view`; generic code calls it through the bound

pub struct ApiPair {
    pub a: u8,
    pub b: u8,
}

impl View for ApiPair {
    type V = (int, int);

    // expect: verified
    open spec fn view(&self) -> (int, int) {
        (self.a as int, self.b as int)
    }
}

// expect: verified
fn api_view_swap(p: ApiPair) -> (r: ApiPair)
    ensures r@ == (p@.1, p@.0),
{
    ApiPair { a: p.b, b: p.a }
}

// expect: failed postcondition
fn api_view_swap_is_not_identity(p: ApiPair) -> (r: ApiPair)
    ensures r@ == p@,
{
    ApiPair { a: p.b, b: p.a }
}

// expect: verified
spec fn api_view_first<T: View<V = (int, int)>>(x: T) -> int {
    x.view().0
}

// expect: verified
proof fn api_view_first_of_pair(p: ApiPair)
    ensures api_view_first(p) == p.a,
{
}

// expect: failed postcondition
proof fn api_view_first_is_not_b(p: ApiPair)
    ensures api_view_first(p) == p.b,
{
}


// `drop_first`: vstd's `subrange(1, len)`
// expect: verified
proof fn va_drop_first(s: Seq<int>)
    requires s.len() == 3,
{
    assert(s.drop_first().len() == 2);
    assert(s.drop_first()[0] == s[1]);
}

// expect: failed assertion
proof fn va_drop_first_wrong(s: Seq<int>)
    requires s.len() == 3,
{
    assert(s.drop_first()[0] == s[0]);
}

// vstd's `arbitrary()`: some value, nothing known of it
// expect: verified
proof fn va_arbitrary_in_range() {
    let x: u8 = arbitrary();
    assert(x < 256);
}

// expect: failed assertion
proof fn va_arbitrary_unknown() {
    let x: u8 = arbitrary();
    assert(x == 0);
}


// `Set::all` / `Set::any` (vstd's set_lib): a quantifier over the elements
// expect: verified
proof fn va_set_all(s: Set<int>)
    requires forall|x: int| s.contains(x) ==> x > 0, s.contains(4),
{
    assert(s.all(|x: int| x > 0));
    assert(s.any(|x: int| x == 4));
}

// expect: failed assertion
proof fn va_set_all_wrong(s: Set<int>)
    requires s.contains(3),
{
    assert(s.all(|x: int| x > 3));
}

// `Set::map` / `map_by`, `Map::contains_value` / `values` / `index_opt` / `map_values`, with
// vstd's meanings (for `map` and `map_by`, what the default group's lemmas say).
// expect: verified
proof fn va_set_map_by<A, B>(sa: Set<A>, fwd: spec_fn(A) -> B, rev: spec_fn(B) -> A)
    requires
        forall|a: A| sa.contains(a) ==> rev(fwd(a)) == a,
{
    assert(sa.map(fwd) =~= sa.map_by(fwd, rev));
}

// expect: verified
proof fn va_set_map(s: Set<int>, a: int)
    requires
        s.contains(a),
    ensures
        s.map(|x: int| x + 10).contains(a + 10),
{
}

// expect: failed assertion
proof fn va_set_map_wrong() {
    let s = set![1int, 2int];
    let t = s.map(|x: int| x + 10);
    assert(t.contains(13));
}

// expect: verified
proof fn va_map_values() {
    let m = map![1int => 10int, 2int => 11int];
    assert(m.dom().contains(1));
    assert(m.contains_value(10));
    assert(m.values().contains(11)) by {
        assert(m.dom().contains(2));
    }
    let m2 = m.map_values(|v: int| v * 2);
    assert(m2[1] == 20);
    assert(m.index_opt(3) is None);
}

// expect: failed assertion
proof fn va_map_contains_value_wrong() {
    let m = map![1int => 10int, 2int => 11int];
    assert(m.contains_value(12));
}

// vstd's `group_map_extra` (without its `prefixed_entries` lemmas), used explicitly as in vstd.
// expect: verified
proof fn va_map_extra(m: Map<int, int>, k: int, v: int, r: Set<int>) {
    broadcast use group_map_extra;

    assert(m.insert(k, v).contains_value(v));
    assert(m.insert(1, 2).insert(3, 4).contains_value(4));
    if !r.contains(k) {
        assert(m.insert(k, v).remove_keys(r) == m.remove_keys(r).insert(k, v));
    }
}

// expect: failed assertion
proof fn va_map_extra_wrong(m: Map<int, int>, k: int, v: int, w: int) {
    broadcast use group_map_extra;

    assert(m.insert(k, v).contains_value(w));
}

// vstd's arithmetic lemmas (library/vstd/arithmetic.rs), named by their paths as in vstd.
// expect: verified
proof fn va_mod_breakdown(a: nat, b: nat, c: nat)
    requires
        a % (b * c) == 0,
        b > 0,
        c > 0,
    ensures
        a % b == 0,
{
    broadcast use vstd::arithmetic::div_mod::lemma_mod_breakdown;
}

// expect: failed postcondition
proof fn va_mod_breakdown_wrong(a: nat, b: nat, c: nat)
    requires
        a % (b * c) == 0,
        b > 0,
        c > 0,
    ensures
        a % c == 1,
{
    broadcast use vstd::arithmetic::div_mod::lemma_mod_breakdown;
}

// expect: verified
proof fn va_fundamental_div_mod(x: int) {
    vstd::arithmetic::div_mod::lemma_fundamental_div_mod(x, 7);
    vstd::arithmetic::div_mod::lemma_mod_bound(x, 7);
    assert(x == 7 * (x / 7) + x % 7);
    assert(0 <= x % 7 < 7);
}

// `x.view()` is `x@`: an array's sequence, the value a `Ghost` holds.
// expect: verified
fn va_array_view_call() {
    let x: [u8; 3] = [11, 12, 13];
    assert(x.view().len() == 3);
    assert(x.view()[1] == 12);
}

// expect: failed assertion
fn va_array_view_call_wrong() {
    let x: [u8; 3] = [11, 12, 13];
    assert(x.view()[1] == 13);
}

// expect: verified
fn va_ghost_view_call(g: Ghost<int>) -> (r: Ghost<int>)
    ensures
        r.view() == g.view() + 1,
{
    Ghost(g.view() + 1)
}

// expect: error
fn va_array_view_call_in_exec(x: [u8; 3]) {
    let s = x.view();
}


// vstd::array: `array_index_get` (an index in bounds), `array_index` / `array_view` as `a@`
// expect: verified
fn arr_get(ar: [u8; 4])
    requires ar[1] == 19,
{
    let x = vstd::array::array_index_get(&ar, 1);
    assert(*x == 19);
    assert(array_index(ar, 1) == 19 && array_view(ar).len() == 4);
}

// expect: failed precondition
fn arr_get_out_of_bounds(ar: [u8; 4]) {
    let x = array_index_get(&ar, 4);
}

// `Seq::to_iset`: the elements as an `ISet`
// expect: verified
proof fn va_seq_to_iset(s: Seq<int>)
    requires s.len() == 2, s[0] == 7,
{
    assert(s.to_iset().contains(7));
}

// expect: failed assertion
proof fn va_seq_to_iset_wrong(s: Seq<int>)
    requires s.len() == 2, s[0] == 7,
{
    assert(s.to_iset().contains(8));
}

} // verus!
