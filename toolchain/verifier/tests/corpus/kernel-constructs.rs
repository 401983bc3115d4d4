// Constructs of real Verus kernels (issue 15): `Tracked(x): Tracked<T>` / `Ghost(x): Ghost<T>`
// parameters, `===`, a trailing comma in `#![trigger ..]`, `#[verifier::inline]`; and the ones
// read but reported `unsupported` at their span: raw pointers, closures, `if let`, `for` loops.
use vstd::prelude::*;

verus! {

// `Tracked(t): Tracked<u64>`: inside the function `t` is a tracked u64
// expect: verified
fn kc_tracked_param(x: u64, Tracked(t): Tracked<u64>) -> (r: u64)
    requires t == x, x < 100,
    ensures r == t + 1,
{
    x + 1
}

// expect: failed postcondition
fn kc_tracked_param_wrong(x: u64, Tracked(t): Tracked<u64>) -> (r: u64)
    requires t == x, x < 100,
    ensures r == t + 2,
{
    x + 1
}

// expect: verified
fn kc_ghost_param(x: u64, Ghost(g): Ghost<int>) -> (r: u64)
    requires g == x as int + 1, x < 100,
    ensures r as int == g,
{
    x + 1
}

// expect: failed postcondition
fn kc_ghost_param_wrong(x: u64, Ghost(g): Ghost<int>) -> (r: u64)
    requires g == x as int + 1, x < 100,
    ensures r as int == g + 1,
{
    x + 1
}

// a ghost value is not exec data (as in Verus)
// expect: error
fn kc_ghost_param_in_exec(Ghost(g): Ghost<u64>) -> u64 {
    g
}

// callers pass the wrapper, as for `x: Tracked<T>`
// expect: verified
fn kc_tracked_caller() -> (r: u64)
    ensures r == 8,
{
    kc_tracked_param(7, Tracked(7))
}

// the callee's precondition `t == x` does not hold
// expect: failed precondition
fn kc_tracked_caller_wrong() -> u64 {
    kc_tracked_param(7, Tracked(8))
}

// expect: verified
proof fn kc_tracked_proof_param(Tracked(t): Tracked<int>)
    requires t > 0,
    ensures t >= 1,
{
}

// expect: failed postcondition
proof fn kc_tracked_proof_param_wrong(Tracked(t): Tracked<int>)
    requires t > 0,
    ensures t >= 2,
{
}

// the pattern needs the matching wrapper type
// expect: error
fn kc_tracked_mismatch(Tracked(t): Ghost<u64>) {}

// `===` is spec equality (`==` of ghost code), `!==` its negation
// expect: verified
spec fn kc_same(a: Seq<int>, b: Seq<int>) -> bool {
    a === b
}

// expect: verified
proof fn kc_triple_eq(a: int, b: int)
    requires a === b,
    ensures !(a !== b) && a == b,
{
}

// expect: failed postcondition
proof fn kc_triple_eq_wrong(a: int, b: int)
    requires a !== b,
    ensures a === b,
{
}

// `==> old === new`, as kernels write post-states
// expect: verified
spec fn kc_unchanged(c: bool, old: Seq<int>, new: Seq<int>) -> bool {
    &&& c ==> old === new
}

// expect: failed assertion
proof fn kc_unchanged_use(old: Seq<int>, new: Seq<int>)
    requires kc_unchanged(true, old, new), old.len() == 1,
{
    assert(new.len() == 2);
}

// `===` compares ghost values only
// expect: error
fn kc_triple_eq_exec(a: u64, b: u64) -> bool {
    a === b
}

// a trailing comma after the trigger terms
// expect: verified
proof fn kc_trigger_comma(s: Seq<int>)
    requires forall|i: int| #![trigger s[i], ] 0 <= i < s.len() ==> s[i] > 0,
            s.len() > 2,
{
    assert(s[1] > 0);
}

// expect: failed assertion
proof fn kc_trigger_comma_wrong(s: Seq<int>)
    requires forall|i: int| #![trigger s[i], ] 0 <= i < s.len() ==> s[i] > 0,
            s.len() > 2,
{
    assert(s[1] > 1);
}

// `#[verifier::inline]` on a spec fn: its meaning where it is used is its definition
// expect: verified
#[verifier::inline]
pub open spec fn kc_inline_double(x: int) -> int { x * 2 }

// expect: verified
proof fn kc_inline_use(x: int)
    requires x == 3,
    ensures kc_inline_double(x) == 6,
{
}

// expect: failed postcondition
proof fn kc_inline_use_wrong(x: int)
    requires x == 3,
    ensures kc_inline_double(x) == 7,
{
}

// Verus allows `inline` only on spec fns with a body
// expect: error
#[verifier::inline]
fn kc_inline_exec() -> u64 { 1 }

// expect: error
#[verifier::inline]
pub uninterp spec fn kc_inline_no_body(x: int) -> int;

// Verus: `inline` only on private or `open` spec fns, never recursive (a `decreases` says so)
// expect: error
#[verifier::inline]
pub closed spec fn kc_inline_closed(x: int) -> int { x }

// expect: error
#[verifier::inline]
spec fn kc_inline_decreases(n: nat) -> nat
    decreases n
{
    0
}

// a recursive inline fn is refused (and never inlined into itself)
// expect: error
#[verifier::inline]
spec fn kc_inline_rec(n: nat) -> nat {
    if n == 0 { 0 } else { kc_inline_rec((n - 1) as nat) }
}

// inlined at the use: trigger selection sees the body (`kc_inline_unwrap` is no trigger), and
// here the body has none, so the quantifier is refused (as in Verus)
// expect: verified
#[verifier::inline]
spec fn kc_inline_unwrap(a: Option<int>, b: int) -> int {
    match a {
        Some(x) => x,
        None => b,
    }
}

// expect: error
spec fn kc_inline_no_trigger(o: Option<int>) -> bool {
    forall|s: int| kc_inline_unwrap(o, s) == 2
}

// the inlined body's own calls are triggers
// expect: verified
uninterp spec fn kc_opaque_pred(x: int) -> bool;

// expect: verified
#[verifier::inline]
spec fn kc_inline_pred(x: int) -> bool { kc_opaque_pred(x) && x == x }

// expect: verified
proof fn kc_inline_trigger(y: int)
    requires forall|i: int| kc_inline_pred(i),
    ensures kc_opaque_pred(y),
{
}

// expect: failed postcondition
proof fn kc_inline_trigger_wrong(y: int)
    requires forall|i: int| kc_inline_pred(i),
    ensures !kc_opaque_pred(y),
{
}

// a tracked binding inside a ghost block: moves of tracked values are not checked there
pub struct KcToken { v: u64 }

// expect: unsupported
fn kc_tracked_in_ghost(Tracked(x): Tracked<KcToken>) -> Tracked<KcToken> {
    let ghost g = { let tracked z = Tracked(x); Tracked(x) };
    Tracked(x)
}

// raw pointers (vstd's raw_ptr model: raw-ptrs.rs): a reference cast to one is not modelled
// expect: unsupported
fn kc_raw_ptr_cast(x: &u64) -> usize {
    x as *const u64 as usize
}

// expect: verified
fn kc_raw_ptr_param(p: *mut u64) -> u64 {
    0
}

// a trusted body is not read: what it holds does not matter
// expect: verified
#[verifier::external_body]
fn kc_trusted_ptr(x: &u64) -> usize {
    let f = |y: u64| y;
    x as *const u64 as usize
}

// an integer cast to a pointer: Verus refuses it
// expect: error
fn kc_raw_ptr_caller() -> u64 {
    kc_raw_ptr_param(0 as *mut u64)
}

// spec closures: `Seq::new(n, |i| e)` and `Set::new(|x| p)` (SMT lambdas)
// expect: verified
proof fn kc_seq_new(n: nat) {
    let s = Seq::new(n, |i: int| i + 1);
    assert(s.len() == n);
    assert(n > 3 ==> s[2] == 3);
}

// expect: failed assertion
proof fn kc_seq_new_wrong(n: nat)
    requires n > 3,
{
    let s = Seq::new(n, |i: int| i + 1);
    assert(s[2] == 2);
}

// extensional equality with a literal: Seq values are canonical
// expect: verified
proof fn kc_seq_new_ext() {
    let s = Seq::new(3, |i: int| 2 * i);
    assert(s =~= seq![0int, 2, 4]);
}

// expect: failed assertion
proof fn kc_seq_new_ext_wrong() {
    let s = Seq::new(3, |i: int| 2 * i);
    assert(s =~= seq![0int, 2, 5]);
}

// the closure reads the function's variables; machine-int elements, as kernels write them
// expect: verified
fn kc_seq_new_capture(base: u64, len: u64) -> (r: Ghost<Seq<u64>>)
    requires len < 10,
    ensures r@.len() == len, forall|i: int| 0 <= i < len ==> r@[i] == ((base + i) as u64),
{
    Ghost(Seq::new(len as nat, |i: int| (base + i) as u64))
}

// expect: failed postcondition
fn kc_seq_new_capture_wrong(base: u64, len: u64) -> (r: Ghost<Seq<u64>>)
    requires len < 10,
    ensures forall|i: int| 0 <= i < len ==> r@[i] == base,
{
    Ghost(Seq::new(len as nat, |i: int| (base + i) as u64))
}

// expect: verified
proof fn kc_set_new(x: u64) {
    let s = Set::new(|v: u64| v < 10);
    assert(s.contains(3));
    assert(x >= 10 ==> !s.contains(x));
}

// expect: failed assertion
proof fn kc_set_new_wrong() {
    let s = Set::new(|v: u64| v < 10);
    assert(s.contains(10));
}

// members are values of the parameter's type only (as in Verus): these two sets are equal
// expect: verified
proof fn kc_set_new_typed() {
    let a = Set::new(|v: u8| v < 10);
    let b = Set::new(|v: u8| v < 10 && v >= 0);
    assert(a =~= b);
}

// and no value outside the type is a member: `-1` is not in a `Set<u8>` that holds "everything"
// expect: failed assertion
proof fn kc_set_new_typed_wrong() {
    let a = Set::new(|v: u8| true);
    let b = Set::new(|v: u8| v != 7);
    assert(a =~= b);
}

// spec closures are `spec_fn` values (closures.rs); exec closures, `move` ones too, are
// exec-closures.rs's
// expect: verified
spec fn kc_closure_filter(s: Seq<int>) -> Seq<int> {
    s.filter(|x: int| x > 0)
}

// expect: verified
fn kc_closure_move(x: u64) -> u64 {
    let f = move || x;
    x
}

// expect: verified
proof fn kc_closure_value() {
    let f = |x: int| x + 1;
}

// `if let P = e { a } else { b }` is `match e { P => a, _ => b }`
// expect: verified
fn kc_if_let(o: Option<u64>) -> (r: u64)
    ensures o.is_some() ==> r == o.unwrap(), o.is_none() ==> r == 0,
{
    if let Some(v) = o {
        v
    } else {
        0
    }
}

// expect: failed postcondition
fn kc_if_let_wrong(o: Option<u64>) -> (r: u64)
    ensures r > 0,
{
    if let Some(v) = o {
        v
    } else {
        1
    }
}

// as a statement, without `else`, then more statements
// expect: verified
fn kc_if_let_stmt(o: Option<u64>) -> (r: u64)
    ensures r == 1 <==> o.is_some(),
{
    let mut r = 0;
    if let Some(v) = o {
        r = 1;
    }
    r
}

// expect: failed postcondition
fn kc_if_let_stmt_wrong(o: Option<u64>) -> (r: u64)
    ensures r == 1,
{
    let mut r = 0;
    if let Some(v) = o {
        r = 1;
    }
    r
}

// in an `else if` chain, and in spec code
// expect: verified
spec fn kc_if_let_spec(c: bool, o: Option<int>) -> int {
    if c { 0 } else if let Some(v) = o { v } else { -1 }
}

// expect: failed assertion
proof fn kc_if_let_spec_use(o: Option<int>)
    requires o.is_some(),
{
    assert(kc_if_let_spec(false, o) == 0);
}

// expect: verified
proof fn kc_if_let_spec_ok(o: Option<int>)
    requires o == Some(5int),
{
    assert(kc_if_let_spec(false, o) == 5);
    assert(kc_if_let_spec(false, None) == -1);
}

// `for x in lo..hi` (also `for x in it: lo..hi`): Verus's range iterator, `x` in the invariant
// being the next value (`lo` at entry, `hi` at the end)
// expect: verified
fn kc_for_sum(n: u64) -> (r: u64)
    requires n < 1000,
    ensures r == 2 * n,
{
    let mut s: u64 = 0;
    for i in iter: 0..n
        invariant s == 2 * i, n < 1000,
    {
        s = s + 2;
    }
    s
}

// expect: failed postcondition
fn kc_for_sum_wrong(n: u64) -> (r: u64)
    requires n < 1000,
    ensures r == 2 * n + 1,
{
    let mut s: u64 = 0;
    for i in 0..n
        invariant s == 2 * i, n < 1000,
    {
        s = s + 2;
    }
    s
}

// the invariant must hold again after each step (with the next value of `i`)
// expect: failed invariant-preserved
fn kc_for_inv_wrong(n: u64) {
    let mut s: u64 = 0;
    for i in 0..n
        invariant s == i,
    {
        s = s + 2;
    }
}

// the body's arithmetic is checked as anywhere: `i` may be near the top of u8's range
// expect: failed overflow
fn kc_for_overflow(lo: u8) {
    for i in lo..255u8 {
        let j: u8 = i + 1u8;
        let k: u8 = j + 1u8;
    }
}

// `continue` and a body that ends early still advance the iterator
// expect: verified
fn kc_for_continue(n: u64) -> (r: u64)
    requires n < 100,
    ensures r <= n,
{
    let mut c: u64 = 0;
    for i in 0..n
        invariant c <= i, n < 100,
    {
        if i % 2 == 0 {
            continue;
        }
        c = c + 1;
    }
    c
}

// Verus's range iterator needs `lo <= hi` at entry (its invariant `start <= cur <= end`)
// expect: failed invariant-entry
fn kc_for_empty_backwards(a: u64, b: u64) {
    for i in a..b {
    }
}

// `lo..=hi` is `lo..hi + 1`: `i` reaches `hi + 1` at the end
// expect: verified
fn kc_for_inclusive_vec() {
    let mut v: Vec<u32> = Vec::new();
    for i in iter: 0..=4
        invariant v.len() == iter.index(), i <= 5,
    {
        assert(i <= 4);
        v.push(i);
    }
    assert(v.len() == 5);
}

// expect: failed assertion
fn kc_for_inclusive_wrong() {
    let mut n: u32 = 0;
    for i in 0..=4u32
        invariant n == i,
    {
        n += 1;
    }
    assert(n == 4);
}

// (at the type's maximum the iterator's end overflows: `hi + 1` is exec arithmetic here)
// expect: failed overflow
fn kc_for_inclusive_to_max(lo: u8) {
    for i in lo..=255u8 {
    }
}

// over a range, `it.seq()` is every value it gives (`lo`, `lo + 1`, ..) and `it.history()` the
// ones already given
// expect: verified
fn kc_for_range_seq(n: u32) -> (v: Vec<u32>)
    ensures
        v.len() == n,
        forall|i: int| 0 <= i < n ==> v[i] == i,
{
    let mut v: Vec<u32> = Vec::new();
    for i in iter: 0..n
        invariant
            v.len() == iter.index(),
            forall|j| 0 <= j < v.len() ==> v[j] == iter.seq()[j],
    {
        assert(iter.seq()[iter.index()] == i);
        v.push(i);
    }
    v
}

// expect: failed invariant-preserved
fn kc_for_range_seq_wrong(n: u32) {
    let mut v: Vec<u32> = Vec::new();
    for i in iter: 0..n
        invariant
            v.len() == iter.index(),
            forall|j| 0 <= j < v.len() ==> v[j] == iter.seq()[j],
    {
        v.push(0);
    }
}

// expect: verified
fn kc_for_range_history(n: u32)
    requires n >= 3,
{
    for i in it: 3..n
        invariant
            it.history().len() == it.index(),
            forall|j| 0 <= j < it.index() ==> #[trigger] it.history()[j] == 3 + j,
            it.seq().len() == n - 3,
    {
        assert(it.seq()[it.index()] == i);
    }
}

// over `c.iter()` the iterator gives references: `it.seq().unref()` is the elements themselves
// expect: verified
fn kc_for_iter_unref() {
    let ar: [u32; 3] = [0u32, 2u32, 4u32];
    let mut i: usize = 0;
    for x in it: ar.iter()
        invariant
            i == it.index(),
            it.seq().unref() == seq![0u32, 2u32, 4u32],
    {
        assert(it.seq().unref().contains(*x));
        assert(x % 2 == 0);
        i = i + 1;
    }
}

// expect: failed invariant-entry
fn kc_for_iter_unref_wrong() {
    let ar: [u32; 3] = [0u32, 2u32, 4u32];
    for x in it: ar.iter()
        invariant it.seq().unref() == seq![0u32, 2u32, 5u32],
    {
    }
}

// (by value, `it.seq()` holds no references: `unref` is not its method)
// expect: unsupported
fn kc_for_value_unref(v: Vec<u32>) {
    for x in it: v
        invariant it.seq().unref() == v@,
    {
    }
}

// expect: failed assertion
fn kc_for_range_history_wrong(n: u32)
    requires n >= 3,
{
    for i in it: 3..n
        invariant it.index() <= n - 3,
    {
        assert(it.history().len() == it.index() + 1);
    }
}

// a bound the body assigns: the loop forgets what the bound was (as Verus's iterator does)
// expect: verified
fn kc_for_assigned_bound() {
    let mut end = 10;
    for x in 0..end
        invariant end == 10,
    {
        end = end + 0;
    }
    assert(end == 10);
}

// expect: failed assertion
fn kc_for_assigned_bound_forgotten() {
    let mut n: u64 = 0;
    let mut end = 10;
    for x in 0..end
        invariant n == x * 3, end == 10,
    {
        assert(x < 10);
        n += 3;
        end = end + 0;
    }
}

// a loop that is not isolated keeps what the bound was
// expect: verified
fn kc_for_assigned_bound_not_isolated() {
    let mut end = 10;
    #[verifier::loop_isolation(false)]
    for x in 0..end
        invariant end == 10,
    {
        assert(x < 10);
        end = end + 0;
    }
}

// `invariant_except_break` and `ensures` of a `for` loop: the `ensures` holds at every `break`
// and when the iterator runs out
// expect: verified
fn kc_for_search(v: &Vec<u32>, target: u32) -> (result: Option<usize>)
    ensures
        match result {
            Some(idx) => idx < v.len() && v[idx as int] == target,
            None => forall |i: int| 0 <= i < v.len() ==> v[i] != target,
        },
{
    let mut result: Option<usize> = None;
    let mut index: usize = 0;
    for x in it: v
        invariant_except_break
            index as int == it.index(),
            result is None,
        invariant
            index <= v.len(),
            result is None ==> forall |i: int| 0 <= i < it.index() ==> v[i] != target,
            result matches Some(idx) ==> idx < v.len() && v[idx as int] == target,
        ensures
            result is None ==> forall |i: int| 0 <= i < v.len() ==> v[i] != target,
            result matches Some(idx) ==> idx < v.len() && v[idx as int] == target,
    {
        if *x == target {
            result = Some(index);
            break;
        }
        index += 1;
    }
    result
}

// expect: failed assertion
fn kc_for_search_wrong_ensures(v: &Vec<u32>, target: u32) -> (result: Option<usize>) {
    let mut result: Option<usize> = None;
    let mut index: usize = 0;
    for x in it: v
        invariant index as int == it.index(), index <= v.len(),
        ensures result is None,
    {
        if *x == target {
            result = Some(index);
            break;
        }
        index += 1;
    }
    result
}

// a collection the body changes (rustc's borrow error): not modelled
// expect: unsupported
fn kc_for_push_while_iterating(v: &mut Vec<u32>) {
    for x in it: v.iter() {
        v.push(1);
    }
}

// the ghost iterator's `index()`: in the invariant the number of steps taken, in the body the
// current element's position
// expect: verified
fn kc_for_index() {
    let mut n: u64 = 0;
    for x in iter: 0..10
        invariant n == iter.index() * 3,
    {
        assert(x == iter.index());
        n += 3;
    }
    assert(n == 30);
}

// expect: failed assertion
fn kc_for_index_is_position() {
    for x in iter: 2..10 {
        assert(x == iter.index());
    }
}

// over a Vec: its elements in order; `seq()` its view, `history()` what was taken
// expect: verified
fn kc_for_vec_history() {
    let v: Vec<u8> = vec![1, 2, 3];
    let mut w: Vec<u8> = Vec::new();
    for x in y: v
        invariant w@ == y.history(),
    {
        w.push(x);
    }
    assert(w@ == v@);
}

// expect: failed assertion
fn kc_for_vec_history_wrong() {
    let v: Vec<u8> = vec![1, 2, 3];
    let mut w: Vec<u8> = Vec::new();
    for x in y: v
        invariant w@ == y.history(),
    {
        w.push(x);
    }
    assert(w@ == seq![1u8, 2u8]);
}

// expect: verified
fn kc_for_vec_ref(v: &Vec<u8>) -> (b: bool)
    ensures b <==> (forall|i: int| 0 <= i < v.len() ==> v[i] > 0),
{
    let mut b: bool = true;
    for x in iter: v.iter()
        invariant b <==> (forall|i: int| 0 <= i < iter.index() ==> v[i] > 0),
    {
        b = b && *x > 0;
    }
    b
}

// expect: failed postcondition
fn kc_for_vec_ref_wrong(v: &Vec<u8>) -> (b: bool)
    ensures b <==> (forall|i: int| 0 <= i < v.len() ==> v[i] > 1),
{
    let mut b: bool = true;
    for x in iter: v
        invariant b <==> (forall|i: int| 0 <= i < iter.index() ==> v[i] > 0),
    {
        b = b && *x > 0;
    }
    b
}

// expect: verified
fn kc_for_array_pairs(a: [(u8, u8); 3]) {
    for (l, r) in it: a.iter() {
        assert(it.seq()[it.index()].0 == l);
    }
}

// (the invariant must hold after the last step too)
// expect: failed invariant-preserved
fn kc_for_vec_index_bound(v: &Vec<u8>) {
    for x in it: v
        invariant it.index() < v.len(),
    {
    }
}

// a `for` over anything but a range or a collection place, or using the iterator otherwise
// than through `index()` (and, over a collection, `seq()` / `history()`): `unsupported`
// expect: unsupported
fn kc_for_iter_named(n: u64) {
    for i in iter: 0..n
        invariant iter.cur <= n,
    {
    }
}

// (`n + 1`, the iterator's end, cannot overflow here)
// expect: verified
fn kc_for_inclusive_bounded(n: u64)
    requires n < 10,
{
    for i in 0..=n {
    }
}

// more programs that must not verify

// the element past the end is not `n + 1`: Seq::new has exactly `n` elements
// expect: failed assertion
proof fn kc_seq_new_len_wrong(n: nat) {
    let s = Seq::new(n, |i: int| i + 1);
    assert(s.len() == n + 1);
}

// a Set::new member must satisfy the predicate
// expect: failed assertion
proof fn kc_set_new_member_wrong(x: u64)
    requires x > 5,
{
    let s = Set::new(|v: u64| v < 5);
    assert(s.contains(x));
}

// after `for i in 0..n` the invariant holds with `i == n`, not more
// expect: failed postcondition
fn kc_for_after_wrong(n: u64) -> (r: u64)
    requires n < 100,
    ensures r == n + 1,
{
    let mut c: u64 = 0;
    for i in 0..n
        invariant c == i, n < 100,
    {
        c = c + 1;
    }
    c
}

// the loop's counter never reaches past `hi`: an index below `n` only
// expect: failed assertion
fn kc_for_index_wrong(n: u64) {
    for i in 0..n {
        assert(i < n - 1);
    }
}

// `if let` binds only in its match: the `else` branch knows the scrutinee is `None`
// expect: failed postcondition
fn kc_if_let_else_wrong(o: Option<u64>) -> (r: bool)
    ensures r == o.is_some(),
{
    if let Some(v) = o {
        false
    } else {
        true
    }
}

// a Ghost parameter's value is exactly what the caller passed
// expect: failed precondition
fn kc_ghost_caller_wrong() {
    let r = kc_ghost_param(3, Ghost(5));
}

// the rest of a file with these constructs is still verified
// expect: failed postcondition
fn kc_after_all(x: u64) -> (r: u64)
    ensures r == x,
{
    0
}

} // verus!
