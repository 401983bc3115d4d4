// Datatypes that contain themselves through a container (Seq, array, Map value): boxed fields,
// structural `decreases` through heights, and datatypes declared in dependency order.
verus! {

struct RtTree {
    v: int,
    kids: Seq<Box<RtTree>>,
}

enum RtExpr {
    Lit(int),
    Add(Seq<RtExpr>),
}

struct RtMapNode {
    kids: Map<int, Box<RtMapNode>>,
}

struct RtArr {
    f: Box<[RtArr; 1]>,
}

struct RtPairs {
    n: int,
    s: Set<(int, int)>,
}

// expect: verified
spec fn rt_leftmost(t: RtTree) -> int
    decreases t,
{
    if t.kids.len() > 0 { rt_leftmost(*t.kids[0]) } else { t.v }
}

// expect: failed decreases
spec fn rt_leftmost_unguarded(t: RtTree) -> int
    decreases t,
{
    rt_leftmost_unguarded(*t.kids[0])
}

// expect: failed decreases
spec fn rt_wrong_index(t: RtTree) -> int
    decreases t,
{
    if t.kids.len() > 0 { rt_wrong_index(*t.kids[1]) } else { t.v }
}

// expect: failed decreases
spec fn rt_same(t: RtTree) -> int
    decreases t,
{
    if t.v > 0 { rt_same(t) } else { 0 }
}

// expect: verified
spec fn rt_first_lit(e: RtExpr) -> int
    decreases e,
{
    match e {
        RtExpr::Lit(n) => n,
        RtExpr::Add(xs) => if xs.len() > 0 { rt_first_lit(xs[0]) } else { 0 },
    }
}

// expect: failed decreases
spec fn rt_expr_loop(e: RtExpr) -> int
    decreases e,
{
    match e {
        RtExpr::Lit(n) => n,
        RtExpr::Add(xs) => rt_expr_loop(RtExpr::Add(xs)),
    }
}

// expect: verified
proof fn rt_tree_lemma(t: RtTree)
    requires t.kids.len() > 0,
    ensures rt_leftmost(t) == rt_leftmost(*t.kids[0]),
{
}

// expect: failed postcondition
proof fn rt_tree_lemma_bad(t: RtTree)
    ensures rt_leftmost(t) == t.v,
{
}

// expect: verified
proof fn rt_build() {
    let leaf = RtTree { v: 3, kids: Seq::empty() };
    let t = RtTree { v: 1, kids: seq![leaf] };
    assert(t.kids.len() == 1);
    assert(t.kids[0].v == 3);
    let u = RtTree { v: 2, ..t };
    assert(u.kids == t.kids);
    assert(u != t);
}

// expect: failed assertion
proof fn rt_build_bad() {
    let leaf = RtTree { v: 3, kids: Seq::empty() };
    let t = RtTree { v: 1, kids: seq![leaf] };
    assert(t.kids[0].v == 1);
}

// expect: verified
proof fn rt_lemma_recursive(t: RtTree)
    decreases t,
{
    if t.kids.len() > 0 {
        rt_lemma_recursive(*t.kids[0]);
    }
}

// expect: failed decreases
proof fn rt_lemma_recursive_bad(t: RtTree)
    decreases t,
{
    rt_lemma_recursive_bad(*t.kids[0]);
}

// expect: failed decreases
spec fn rt_map_depth(n: RtMapNode) -> int
    decreases n,
{
    // (Verus verifies this through its finite maps; ours may be infinite: no height for Map values)
    if n.kids.dom().contains(3) { rt_map_depth(*n.kids[3]) } else { 0 }
}

// expect: verified
proof fn rt_array_field(a: RtArr) {
    assert(a.f[0] == a.f[0]);
}

// expect: failed assertion
proof fn rt_array_field_bad(a: RtArr) {
    assert(a.f[0] == a);
}

// expect: verified
proof fn rt_pairs(se: Set<(int, int)>) {
    let s1 = RtPairs { n: 20, s: se };
    let s2 = RtPairs { n: 21, s: se };
    assert(s2 == RtPairs { n: s1.n + 1, ..s1 });
}

// expect: failed assertion
proof fn rt_pairs_bad(se: Set<(int, int)>) {
    let s1 = RtPairs { n: 20, s: se };
    let s2 = RtPairs { n: 21, s: se };
    assert(s2 == s1);
}

// ---- decreases on datatypes without containers

enum RtList {
    Nil,
    Cons(int, Box<RtList>),
}

struct RtChain {
    v: int,
    next: Option<Box<RtChain>>,
}

// expect: verified
spec fn rt_list_len(l: RtList) -> nat
    decreases l,
{
    match l {
        RtList::Nil => 0,
        RtList::Cons(_, t) => 1 + rt_list_len(*t),
    }
}

// expect: failed decreases
spec fn rt_list_len_bad(l: RtList) -> nat
    decreases l,
{
    match l {
        RtList::Nil => 0,
        RtList::Cons(x, t) => 1 + rt_list_len_bad(RtList::Cons(x - 1, t)),
    }
}

// expect: verified
spec fn rt_chain_last(c: RtChain) -> int
    decreases c,
{
    match c.next {
        Some(n) => rt_chain_last(*n),
        None => c.v,
    }
}

// expect: failed decreases
spec fn rt_chain_bad(c: RtChain) -> int
    decreases c,
{
    rt_chain_bad(RtChain { v: c.v + 1, next: c.next })
}

// expect: verified
proof fn rt_list_len_unfold(x: int, t: RtList)
    ensures rt_list_len(RtList::Cons(x, t)) == 1 + rt_list_len(t),
{
}

// expect: failed postcondition
proof fn rt_list_len_unfold_bad(x: int, t: RtList)
    ensures rt_list_len(RtList::Cons(x, t)) == rt_list_len(t),
{
}

// ---- `decreases` on an `Option`: its height is below the value holding it, and its content's
// below its own (as Verus's heights of datatypes)

struct RtOptChain {
    next: Option<Box<RtOptChain>>,
}

// expect: verified
proof fn rt_option_decreases(o: Option<Box<RtOptChain>>)
    decreases o,
{
    if let Some(b) = o {
        rt_option_decreases(b.next)
    }
}

// expect: verified
fn rt_option_loop(o: Option<Box<RtOptChain>>) {
    let mut o = o;
    loop
        decreases o,
    {
        if let Some(b) = o {
            o = b.next;
        } else {
            break;
        }
    }
}

// expect: failed decreases
proof fn rt_option_same(o: Option<Box<RtOptChain>>)
    decreases o,
{
    rt_option_same(o)
}

// (the same value rebuilt from its parts is no smaller; one built around it is larger)
// expect: verified
proof fn rt_option_rebuilt(o: Option<Box<RtOptChain>>)
    decreases o,
{
    if let Some(b) = o {
        if let Some(c) = b.next {
            rt_option_rebuilt(Some(c))
        }
    }
}

// expect: failed decreases
proof fn rt_option_wrapped(o: Option<Box<RtOptChain>>)
    decreases o,
{
    rt_option_wrapped(Some(Box::new(RtOptChain { next: o })))
}

// ---- `decreases` on a Seq: a shorter subrange (`take`, `skip`, `drop_last`) is below it, and
// so is an element in range, as vstd's lemmas give (`lemma_seq_subrange_decreases`,
// `lemma_seq_index_decreases`)

// expect: verified
spec fn rt_seq_count<T>(s: Seq<T>) -> int
    decreases s,
{
    if s.len() == 0 { 0 } else { 1 + rt_seq_count(s.drop_last()) }
}

// expect: verified
spec fn rt_seq_sum(s: Seq<int>) -> int
    decreases s,
{
    if s.len() == 0 { 0 } else { s[0] + rt_seq_sum(s.skip(1)) }
}

// expect: failed decreases
spec fn rt_seq_grows(s: Seq<int>) -> int
    decreases s,
{
    if s.len() == 0 { 0 } else { rt_seq_grows(s.push(1)) }
}

// (the whole Seq again is no smaller)
// expect: failed decreases
spec fn rt_seq_whole(s: Seq<int>) -> int
    decreases s,
{
    if s.len() == 0 { 0 } else { rt_seq_whole(s.subrange(0, s.len() as int)) }
}

enum RtRose {
    Leaf,
    Node(Seq<RtRose>),
}

// (from a datatype to its Seq field, and from the Seq to an element)
// expect: verified
spec fn rt_rose_size(t: RtRose) -> nat
    decreases t,
{
    match t {
        RtRose::Leaf => 1,
        RtRose::Node(ks) => 1 + rt_roses_size(ks),
    }
}

// expect: verified
spec fn rt_roses_size(ks: Seq<RtRose>) -> nat
    decreases ks,
{
    if ks.len() == 0 { 0 } else { rt_rose_size(ks[0]) + rt_roses_size(ks.skip(1)) }
}

}
