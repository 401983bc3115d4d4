// Verus's operators on user types: `x@` is `x.view()` and spec `x[i]` is `x.spec_index(i)` when
// the type has such a method (inherent, on a generic impl too); exec `x[i]` is `x.index(i)`.
verus! {

pub struct Buf<const N: usize> {
    pub seq: Ghost<Seq<u64>>,
    pub ar: [u64; N],
}

impl<const N: usize> Buf<N> {
    // expect: verified
    pub open spec fn view(&self) -> Seq<u64> {
        self.seq@
    }

    // expect: verified
    pub open spec fn spec_index(&self, i: int) -> u64 {
        self.seq@[i]
    }

    // expect: verified
    pub open spec fn wf(&self) -> bool {
        &&& self.seq@.len() == N
        &&& forall|j: int| 0 <= j < N ==> #[trigger] self.seq@[j] == self.ar[j]
    }

    // expect: verified
    pub fn index(&self, i: usize) -> (r: u64)
        requires
            self.wf(),
            i < N,
        ensures
            r == self@[i as int],
    {
        self.ar[i]
    }
}

pub struct Wrapper<T> {
    pub items: Ghost<Seq<T>>,
}

impl<T> Wrapper<T> {
    // expect: verified
    #[verifier::inline]
    pub open spec fn view(&self) -> Seq<T> {
        self.items@
    }

    // expect: verified
    #[verifier::inline]
    pub open spec fn spec_index(self, i: int) -> T {
        self.items@[i]
    }
}

// ---- `x@` through a view method

// expect: verified
pub proof fn view_len_is_seq_len<const N: usize>(b: Buf<N>)
    requires b.wf(),
    ensures b@.len() == N,
{
}

// The view is the ghost sequence, not the array field.
// expect: failed postcondition
pub proof fn view_len_wrong<const N: usize>(b: Buf<N>)
    requires b.wf(),
    ensures b@.len() == N + 1,
{
}

// expect: verified
pub proof fn view_index_agrees(b: Buf<4>, i: int)
    requires 0 <= i < b@.len(),
    ensures b[i] == b@[i],
{
}

// A wrong claim about one element through the view.
// expect: failed assertion
pub proof fn view_index_wrong(b: Buf<4>)
    requires b.wf(), b@[0] == 5,
{
    assert(b@[1] == 5);
}

// expect: verified
pub proof fn view_generic_impl(w: Wrapper<u8>, i: int)
    requires 0 <= i < w@.len(), w@[i] == 3,
    ensures w[i] == 3,
{
}

// expect: failed postcondition
pub proof fn view_generic_impl_wrong(w: Wrapper<u8>, i: int)
    requires 0 <= i < w@.len(), w@[i] == 3,
    ensures w[i] == 4,
{
}

// expect: verified
pub proof fn view_in_quantifier(w: Wrapper<u64>)
    requires forall|i: int| 0 <= i < w@.len() ==> #[trigger] w[i] > 0,
    ensures forall|i: int| 0 <= i < w@.len() ==> #[trigger] w@[i] >= 1,
{
}

// expect: failed postcondition
pub proof fn view_in_quantifier_wrong(w: Wrapper<u64>)
    requires forall|i: int| 0 <= i < w@.len() ==> #[trigger] w[i] > 0,
    ensures forall|i: int| 0 <= i < w@.len() ==> #[trigger] w@[i] >= 2,
{
}

// ---- exec `x[i]` calls `index` (its precondition checked)

// expect: verified
pub fn exec_index_call<const N: usize>(b: &Buf<N>, i: usize) -> (r: u64)
    requires b.wf(), i < N,
    ensures r == b@[i as int],
{
    b[i]
}

// `index` requires `i < N`.
// expect: failed precondition
pub fn exec_index_out_of_range<const N: usize>(b: &Buf<N>, i: usize) -> (r: u64)
    requires b.wf(),
{
    b[i]
}

// expect: failed postcondition
pub fn exec_index_wrong<const N: usize>(b: &Buf<N>, i: usize) -> (r: u64)
    requires b.wf(), i < N, i > 0,
    ensures r == b@[0],
{
    b[i]
}

// ---- modes and types

// `@` is spec-only, also through a view method.
// expect: error
pub fn view_in_exec<const N: usize>(b: &Buf<N>) -> bool {
    b@.len() == 0
}

// A type without `spec_index` cannot be indexed.
// expect: error
pub proof fn index_without_method(w: Ghost<u64>, x: NoIndex) {
    assert(x[0] == 0);
}

pub struct NoIndex {
    pub v: u64,
}

// Exec `x[i]` needs an `index` method: Wrapper has only `spec_index`.
// expect: error
pub fn exec_index_without_method(w: Wrapper<u64>) -> u64 {
    w[0]
}

// The view's type is the method's: a `Seq`, not the struct.
// expect: error
pub proof fn view_type_is_method_result(w: Wrapper<u64>) {
    let x: Wrapper<u64> = w@;
}

// `g@` of a `Ghost<Wrapper<T>>` is the wrapper itself (not its view).
// expect: verified
pub fn ghost_view_is_inner(g: Ghost<Wrapper<u64>>)
    requires g@@.len() == 2,
{
    assert(g@@.len() == 2);
}

// ---- a callee the checking phase stopped in

// expect: unsupported
#[verifier::inline]
pub open spec fn gap_inline_fold(s: Set<u64>) -> bool {
    s.fold(0, move |e: int, x: u64| e) == 0
}

// Its caller reads the inline body, which the checker left untyped after the closure: the caller
// is unsupported too (was an internal error).
// expect: unsupported
pub proof fn gap_inline_fold_caller(s: Set<u64>)
    requires gap_inline_fold(s),
{
}

// `t.view()` of a `Ghost<T>` parameter of a proof fn is the value it holds (Ghost's own `view`,
// found before the value's)
// expect: verified
proof fn vw_ghost_param_view(t: Ghost<Vec<u8>>) {
    let v = t.view();
    assert(v == t@);
}

// expect: failed assertion
proof fn vw_ghost_param_view_bad(t: Ghost<Option<u8>>)
    requires t@ is Some,
{
    let x = t.view()->0;
    assert(x == 0);
}

// expect: failed assertion
proof fn vw_ghost_param_view_not_len(t: Ghost<Vec<u8>>) {
    let v = t.view();
    assert(v.len() == 0);
}

// expect: failed assertion
proof fn vw_ghost_param_at_is_value(t: Ghost<u8>) {
    assert(t@ == 1);
}

} // verus!
