// Seq, Set, Map and fixed-size arrays (exec indexing, views `a@`).
verus! {

// expect: verified
proof fn seq_push_len(s: Seq<int>, x: int)
    ensures s.push(x).len() == s.len() + 1, s.push(x)[s.len() as int] == x,
{
}

// expect: failed postcondition
proof fn seq_push_wrong(s: Seq<int>, x: int)
    ensures s.push(x)[0] == x,
{
}

// expect: verified
proof fn seq_update(s: Seq<u8>, i: int)
    requires 0 <= i < s.len(),
    ensures s.update(i, 7)[i] == 7, s.update(i, 7).len() == s.len(),
{
}

// expect: verified
proof fn seq_update_other(s: Seq<u8>, i: int, j: int)
    requires 0 <= i < s.len(), 0 <= j < s.len(), i != j,
    ensures s.update(i, 7)[j] == s[j],
{
}

// expect: verified
proof fn seq_subrange(s: Seq<int>)
    requires s.len() == 5,
    ensures s.subrange(1, 3).len() == 2, s.subrange(1, 3)[0] == s[1],
{
}

// expect: verified
proof fn seq_add(a: Seq<int>, b: Seq<int>)
    requires a.len() == 2, b.len() == 3,
    ensures (a + b).len() == 5, (a + b)[3] == b[1], a.add(b)[1] == a[1],
{
}

// expect: verified
proof fn seq_ext_equal(s: Seq<int>, x: int)
    ensures s.push(x).subrange(0, s.len() as int) =~= s,
{
}

// expect: failed postcondition
proof fn seq_ext_equal_wrong(s: Seq<int>, x: int)
    requires s.len() > 0,
    ensures s.push(x).subrange(1, s.len() + 1) =~= s,
{
}

// expect: verified
proof fn seq_literal()
{
    let s = seq![1int, 2, 3];
    assert(s.len() == 3);
    assert(s[1] == 2);
    assert(s.last() == 3);
}

// expect: failed assertion
proof fn seq_literal_wrong()
{
    let s = seq![1int, 2, 3];
    assert(s[0] == 2);
}

// expect: verified
proof fn seq_empty_len()
{
    let s: Seq<int> = Seq::empty();
    assert(s.len() == 0);
    assert(s.push(4) =~= seq![4int]);
}

// expect: verified
proof fn seq_drop_last(s: Seq<int>)
    requires s.len() > 0,
    ensures s.drop_last().len() == s.len() - 1, s.drop_last().push(s.last()) =~= s,
{
}

// expect: verified
proof fn set_basics(s: Set<int>)
    ensures s.insert(3).contains(3), !s.remove(3).contains(3),
{
}

// expect: failed postcondition
proof fn set_insert_wrong(s: Set<int>)
    ensures s.insert(3).contains(4),
{
}

// expect: verified
proof fn set_union_intersect(a: Set<int>, b: Set<int>, x: int)
    requires a.contains(x),
    ensures a.union(b).contains(x), a.intersect(b).contains(x) == b.contains(x), !a.difference(a).contains(x),
{
}

// expect: verified
proof fn set_subset(a: Set<int>, x: int)
    ensures a.subset_of(a.insert(x)), a.remove(x).subset_of(a),
{
}

// expect: failed postcondition
proof fn set_subset_wrong(a: Set<int>, x: int)
    ensures a.insert(x).subset_of(a),
{
}

// expect: verified
proof fn set_empty(x: int)
{
    let s: Set<int> = Set::empty();
    assert(!s.contains(x));
    assert(s.insert(x).remove(x) =~= s);
}

// expect: verified
proof fn map_basics(m: Map<int, int>, k: int)
    ensures m.insert(k, 5)[k] == 5, m.insert(k, 5).contains_key(k), !m.remove(k).contains_key(k),
            m.insert(k, 5).dom().contains(k),
{
}

// expect: failed postcondition
proof fn map_wrong(m: Map<int, int>, k: int)
    ensures m.contains_key(k),
{
}

// expect: verified
proof fn map_other_key(m: Map<int, int>, k: int, j: int)
    requires k != j, m.contains_key(j),
    ensures m.insert(k, 1)[j] == m[j], m.insert(k, 1).contains_key(j),
{
}

// expect: verified
fn array_read(a: [u64; 8], i: usize) -> (r: u64)
    requires i < 8,
    ensures r == a[i as int],
{
    a[i]
}

// expect: failed index-bounds
fn array_read_oob(a: [u64; 8], i: usize) -> u64
    requires i <= 8,
{
    a[i]
}

// expect: verified
fn array_write(a: &mut [u8; 4])
    ensures a[0] == 9, a[1] == old(a)[1],
{
    a[0] = 9;
}

// expect: failed index-bounds
fn array_write_oob(a: &mut [u8; 4], i: usize) {
    a[i] = 1;
}

// expect: verified
fn array_view_first(a: [u32; 3]) -> (r: u32)
    requires a@[0] < 10,
    ensures r < 10, a@.len() == 3,
{
    a[0]
}

// expect: verified
fn array_len(a: [u16; 16]) -> (r: usize)
    ensures r == 16,
{
    a.len()
}

// expect: verified
fn array_literal() {
    let a: [u8; 3] = [1, 2, 3];
    assert(a[1] == 2);
    let z = [0u64; 512];
    assert(z[100] == 0);
    assert(z@.len() == 512);
}

// expect: verified
fn array_loop_zero(a: &mut [u64; 16])
    ensures forall|j: int| 0 <= j < 16 ==> a[j] == 0,
{
    let mut i: usize = 0;
    while i < 16
        invariant
            i <= 16,
            forall|j: int| 0 <= j < i ==> a[j] == 0,
        decreases 16 - i,
    {
        a[i] = 0;
        i = i + 1;
    }
}

// expect: failed postcondition
fn array_loop_zero_off_by_one(a: &mut [u64; 16])
    ensures forall|j: int| 0 <= j < 16 ==> a[j] == 0,
{
    let mut i: usize = 1;
    while i < 16
        invariant
            1 <= i <= 16,
            forall|j: int| 1 <= j < i ==> a[j] == 0,
        decreases 16 - i,
    {
        a[i] = 0;
        i = i + 1;
    }
}

// expect: verified
fn array_linear_search(a: [u32; 8], x: u32) -> (r: Option<usize>)
    ensures
        r.is_some() ==> r.unwrap() < 8 && a[r.unwrap() as int] == x,
        r.is_none() ==> forall|j: int| 0 <= j < 8 ==> a[j] != x,
{
    let mut i: usize = 0;
    while i < 8
        invariant
            i <= 8,
            forall|j: int| 0 <= j < i ==> a[j] != x,
        decreases 8 - i,
    {
        if a[i] == x {
            return Some(i);
        }
        i = i + 1;
    }
    None
}

// expect: failed invariant-preserved
fn array_search_bad_invariant(a: [u32; 8], x: u32) -> (r: Option<usize>)
{
    let mut i: usize = 0;
    while i < 8
        invariant
            i <= 8,
            forall|j: int| 0 <= j <= i ==> a[j] != x,
        decreases 8 - i,
    {
        if a[i] == x {
            return Some(i);
        }
        i = i + 1;
    }
    None
}

// Membership in a subrange (encoded as a choice between the range and the empty sequence)
// and in the empty sequence.

// expect: verified
proof fn contains_after_pop(s: Seq<u64>, x: u64)
    requires s.len() >= 2, s[1] == x,
    ensures s.subrange(1, s.len() as int).contains(x), !Seq::<u64>::empty().contains(x),
{
    assert(s.subrange(1, s.len() as int)[0] == x);
}

// expect: failed postcondition
proof fn contains_after_pop_wrong(s: Seq<u64>, x: u64)
    requires s.len() >= 2, s[0] == x, s[1] != x,
    ensures s.subrange(1, 2).contains(x),
{
}

// expect: verified
proof fn contains_after_update(s: Seq<u64>, x: u64)
    requires s.len() >= 2, s[0] != x, s[1] != x,
    ensures s.update(1, x).contains(x), !s.subrange(0, 2).update(1, 7).contains(x) || x == 7,
{
    assert(s.update(1, x)[1] == x);
}

// expect: failed postcondition
proof fn contains_after_update_wrong(s: Seq<u64>, x: u64)
    requires s.len() >= 2, s[0] != x, s[1] == x,
    ensures s.update(1, 5).contains(x),
{
}

// expect: failed postcondition
proof fn contains_in_empty(x: u64)
    ensures Seq::<u64>::empty().contains(x),
{
}

// ---- `map![k => v, ..]`: inserts in order (a later key overwrites)

// expect: verified
proof fn cl_map_macro() {
    let m = map![10int => 100int, 20int => 200int, 10int => 7int];
    assert(m.contains_key(10));
    assert(m.contains_key(20));
    assert(!m.contains_key(30));
    assert(m[10] == 7);
    assert(m[20] == 200);
    assert(m.dom() =~= set![10int, 20int]);
}

// expect: failed assertion
proof fn cl_map_macro_first_value_lost() {
    let m = map![10int => 100int, 10int => 7int];
    assert(m[10] == 100);
}

// expect: failed assertion
proof fn cl_map_macro_no_other_key() {
    let m = map![1int => true];
    assert(m.contains_key(2));
}

// ---- deep extensional equality `=~~=` (canonical values here: the same as `=~=` and `==`)

// expect: verified
proof fn co_deep_ext_equal() {
    let a = seq![seq![1u8, 2u8], seq![3u8]];
    let b = seq![seq![1u8, 2u8], seq![3u8]];
    assert(a =~~= b);
}

// expect: failed assertion
proof fn co_deep_ext_equal_wrong(s1: Seq<Seq<u8>>, s2: Seq<Seq<u8>>)
    requires s1.len() == 1, s2.len() == 1, s1[0].len() == 1,
{
    assert(s1 =~~= s2);
}

// expect: failed assertion
proof fn co_deep_ext_equal_differs() {
    assert(seq![seq![1u8]] =~~= seq![seq![2u8]]);
}

// `s.drop_last()` is a function of its own (vstd's open spec fn), so a quantifier can be
// triggered on it (Atmosphere's seq_pop_unique_lemma: its only trigger term is of this kind).
// expect: verified
proof fn co_drop_last_trigger()
    ensures
        forall|s: Seq<int>, v: int| s.len() >= 1 && s.drop_last().contains(v) ==> exists|i: int| 0 <= i < s.len() && s[i] == v,
{
    assert forall|s: Seq<int>, v: int| s.len() >= 1 && s.drop_last().contains(v) implies exists|i: int| 0 <= i < s.len() && s[i] == v by {
        let j = choose|j: int| 0 <= j < s.drop_last().len() && s.drop_last()[j] == v;
        assert(s[j] == v);
    }
}

// expect: failed postcondition
proof fn co_drop_last_keeps_length()
    ensures
        forall|s: Seq<int>| s.len() >= 1 ==> s.drop_last().len() == s.len(),
{
}

// vstd's `seq![e; n]`: `n` copies of `e`
// expect: verified
proof fn seq_repeat() {
    let s: Seq<int> = seq![5; 10];
    assert(s.len() == 10);
    assert(s[0] == 5 && s[9] == 5);
}

// expect: failed assertion
proof fn seq_repeat_wrong_len() {
    let s: Seq<int> = seq![5; 10];
    assert(s.len() == 9);
}

} // verus!
