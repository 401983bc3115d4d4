// Generics: type parameters (verified once, for every type: an uninterpreted sort), generic
// structs and impl blocks, const generics, calls with inferred and explicit generic arguments,
// generic spec fns (defined per instantiation), marker trait bounds.
verus! {

// ---- generic functions

// expect: verified
pub fn gen_identity<T>(x: T) -> (r: T)
    ensures r == x,
{
    x
}

// expect: failed postcondition
pub fn gen_identity_wrong<T>(x: T, y: T) -> (r: T)
    ensures r == x,
{
    y
}

// expect: verified
pub fn gen_identity_caller(a: u64) -> (r: u64)
    ensures r == a,
{
    gen_identity(a)
}

// A caller relying on more than the generic callee's spec gives.
// expect: failed postcondition
pub fn gen_identity_caller_wrong(a: u64) -> (r: u64)
    ensures r == a + 1,
{
    gen_identity::<u64>(a)
}

// Two values of an unknown type are not equal.
// expect: failed assertion
pub proof fn gen_two_values_equal<T>(x: T, y: T) {
    assert(x == y);
}

// A type parameter stands for every type, not only for those with few values.
// expect: failed assertion
pub proof fn gen_three_values<T>(x: T, y: T, z: T)
    requires x != y,
{
    assert(z == x || z == y);
}

// expect: verified
pub fn gen_choose_first<T>(b: bool, x: T, y: T) -> (r: T)
    ensures b ==> r == x,
{
    if b { x } else { y }
}

// The callee says nothing about the result when `b` is false.
// expect: failed assertion
pub fn gen_choose_first_caller(a: u32, c: u32) {
    let r = gen_choose_first(false, a, c);
    assert(r == c);
}

// expect: verified
pub fn gen_choose_first_generic_caller<U>(a: U, c: U) -> (r: U)
    ensures r == a,
{
    gen_choose_first::<U>(true, a, c)
}

// The callee's `requires` at the caller's generic arguments.
// expect: verified
pub fn gen_first_of<T>(s: Ghost<Seq<T>>, x: T) -> (r: T)
    requires s@.len() > 0, s@[0] == x,
    ensures r == s@[0],
{
    x
}

// expect: verified
pub fn gen_first_of_caller(v: u8) -> (r: u8)
    ensures r == v,
{
    gen_first_of(Ghost(seq![v, 3u8]), v)
}

// expect: failed precondition
pub fn gen_first_of_caller_wrong(v: u8) -> u8 {
    gen_first_of(Ghost(seq![3u8, v]), v)
}

// ---- generic spec fns

// expect: verified
pub open spec fn gen_pick<T>(b: bool, x: T, y: T) -> T {
    if b { x } else { y }
}

// expect: verified
pub proof fn gen_pick_lemma(a: u64, b: u64) {
    assert(gen_pick(true, a, b) == a);
    assert(gen_pick::<u64>(false, a, b) == b);
    assert(gen_pick(true, true, false));
}

// expect: failed assertion
pub proof fn gen_pick_lemma_wrong(a: u64, b: u64) {
    assert(gen_pick(false, a, b) == a);
}

// expect: verified
pub proof fn gen_pick_generic<T>(x: T, y: T) {
    assert(gen_pick(true, x, y) == x);
}

// expect: verified
pub open spec fn gen_repeat<T>(x: T, n: nat) -> Seq<T>
    decreases n,
{
    if n == 0 { Seq::empty() } else { gen_repeat(x, (n - 1) as nat).push(x) }
}

// expect: verified
pub proof fn gen_repeat_lemma(x: u16) {
    reveal_with_fuel(gen_repeat, 2);
    assert(gen_repeat(x, 1).len() == 1);
    assert(gen_repeat(x, 1)[0] == x);
}

// expect: failed assertion
pub proof fn gen_repeat_lemma_wrong(x: u16) {
    reveal_with_fuel(gen_repeat, 2);
    assert(gen_repeat(x, 1).len() == 2);
}

// expect: verified
pub proof fn gen_repeat_lemma_generic<T>(x: T) {
    reveal_with_fuel(gen_repeat, 2);
    assert(gen_repeat(x, 1).len() == 1);
}

// expect: failed decreases
pub open spec fn gen_no_progress<T>(x: T, n: nat) -> bool
    decreases n,
{
    if n == 0 { true } else { gen_no_progress(x, n) }
}

// ---- marker bounds accepted, bounds with methods not

// expect: verified
pub fn gen_marker_bound<T: Copy + Clone>(x: T) -> (r: (T, T))
    ensures r.0 == x && r.1 == x,
{
    (x, x)
}

// expect: unsupported
pub fn gen_bound_with_methods<T: PartialOrd>(x: T) -> T {
    x
}

// expect: unsupported
pub fn gen_where_bound_with_methods<T>(x: T) -> T
    where T: core::fmt::Debug,
{
    x
}

// ---- ill-typed generic code is rejected before VC generation

// expect: error
pub fn gen_wrong_type<T>(x: T) -> u64 {
    x
}

// expect: error
pub fn gen_wrong_arg_count(a: u64) -> u64 {
    gen_identity::<u64, u64>(a)
}

// expect: error
pub fn gen_mixed_params<A, B>(a: A, b: B) -> A {
    b
}

// expect: error
pub fn gen_exec_eq<T>(a: T, b: T) -> bool {
    a == b
}

// expect: error
pub proof fn gen_order<T>(a: T, b: T) {
    assert(a < b);
}

// expect: error
pub fn gen_cannot_infer() -> u64 {
    let x = gen_nothing();
    0
}

// expect: verified
pub fn gen_nothing<T>() -> (r: Option<T>)
    ensures r.is_none(),
{
    None
}

// ---- generic structs and impl blocks

pub struct GenPair<A, B> {
    pub first: A,
    pub second: B,
}

impl<A, B> GenPair<A, B> {
    // expect: verified
    pub fn gen_pair_new(a: A, b: B) -> (p: Self)
        ensures p.first == a, p.second == b,
    {
        GenPair { first: a, second: b }
    }

    // expect: verified
    pub fn gen_pair_swap(self) -> (p: GenPair<B, A>)
        ensures p.first == self.second, p.second == self.first,
    {
        GenPair { first: self.second, second: self.first }
    }

    // expect: verified
    pub fn gen_pair_rebuild(self) -> (p: Self)
        ensures p == self,
    {
        Self::gen_pair_new(self.first, self.second)
    }
}

// expect: failed postcondition
pub fn gen_pair_swap_same<A>(p: GenPair<A, A>) -> (q: GenPair<A, A>)
    ensures q.first == p.first,
{
    GenPair { first: p.second, second: p.first }
}

// expect: verified
pub fn gen_pair_user(x: u64, y: bool) -> (r: u64)
    ensures r == x,
{
    let p = GenPair::gen_pair_new(x, y);
    let q = p.gen_pair_swap();
    q.second
}

// expect: failed postcondition
pub fn gen_pair_user_wrong(x: u64, y: u64) -> (r: u64)
    ensures r == x,
{
    let p = GenPair::gen_pair_new(x, y);
    let q = p.gen_pair_swap();
    q.first
}

// expect: error
pub fn gen_pair_field_type(p: GenPair<u64, bool>) -> u64 {
    p.second
}

// expect: error
pub fn gen_pair_missing_args(p: GenPair<u64>) {
}

// ---- const generics

pub struct GenBox<T, const N: usize> {
    pub items: Ghost<Seq<T>>,
    pub len: usize,
}

impl<T, const N: usize> GenBox<T, N> {
    // expect: verified
    pub open spec fn gen_box_wf(&self) -> bool {
        self.items@.len() == self.len && self.len <= N
    }

    // expect: verified
    pub fn gen_box_capacity(&self) -> (r: usize)
        ensures r == N,
    {
        N
    }

    // expect: verified
    pub fn gen_box_push(&mut self, x: Ghost<T>)
        requires old(self).gen_box_wf(), old(self).len < N,
        ensures self.gen_box_wf(), self.items@ == old(self).items@.push(x@), self.len == old(self).len + 1,
    {
        self.len = self.len + 1;
        self.items = Ghost(self.items@.push(x@));
    }

    // The struct's invariant broken by a method (no `len < N` required).
    // expect: failed postcondition
    pub fn gen_box_push_breaks_wf(&mut self, x: Ghost<T>)
        requires old(self).gen_box_wf(),
        ensures self.gen_box_wf(),
    {
        if self.len < usize::MAX {
            self.len = self.len + 1;
        }
        self.items = Ghost(self.items@.push(x@));
    }

    // A container method whose postcondition claims too much.
    // expect: failed postcondition
    pub fn gen_box_claims_too_much(&self) -> (r: usize)
        requires self.gen_box_wf(),
        ensures r < N,
    {
        self.len
    }

    // N is not known to be positive.
    // expect: failed assertion
    pub fn gen_box_n_positive(&self) {
        assert(N > 0);
    }

    // expect: verified
    pub fn gen_box_n_bounded(&self) {
        assert(N <= usize::MAX);
    }
}

// expect: verified
pub fn gen_box_user(b: &mut GenBox<u64, 4>)
    requires old(b).gen_box_wf(), old(b).len == 0,
    ensures b.len == 1,
{
    b.gen_box_push(Ghost(7));
    assert(b.items@[0] == 7);
    let c = b.gen_box_capacity();
    assert(c == 4);
}

// expect: failed assertion
pub fn gen_box_user_wrong(b: &mut GenBox<u64, 4>)
    requires old(b).gen_box_wf(), old(b).len == 0,
{
    b.gen_box_push(Ghost(7));
    let c = b.gen_box_capacity();
    assert(c == 5);
}

// expect: failed precondition
pub fn gen_box_user_full(b: &mut GenBox<u64, 1>)
    requires old(b).gen_box_wf(), old(b).len == 1,
{
    b.gen_box_push(Ghost(7));
}

// expect: verified
pub fn gen_box_generic_user<const M: usize>(b: &mut GenBox<bool, M>)
    requires old(b).gen_box_wf(), old(b).len < M,
    ensures b.len <= M,
{
    b.gen_box_push(Ghost(true));
}

// expect: error
pub fn gen_const_as_type<const N: usize>(x: N) {
}

// expect: error
pub fn gen_type_as_const(b: GenBox<u64, u64>) {
}

// expect: verified
pub fn gen_array_len<const N: usize>(a: [u64; N]) -> (r: usize)
    ensures r == N,
{
    a.len()
}

// expect: verified
pub fn gen_array_len_user(a: [u64; 3]) -> (r: usize)
    ensures r == 3,
{
    gen_array_len(a)
}

// expect: failed postcondition
pub fn gen_array_len_user_wrong(a: [u64; 3]) -> (r: usize)
    ensures r == 4,
{
    gen_array_len(a)
}

// A const generic N assumed positive without a `requires`.
// expect: failed index-bounds
pub fn gen_array_first<T: Copy, const N: usize>(a: [T; N]) -> T {
    a[0]
}

// expect: verified
pub fn gen_array_first_ok<T: Copy, const N: usize>(a: [T; N]) -> (r: T)
    requires N > 0,
    ensures r == a[0],
{
    a[0]
}

// expect: unsupported
pub fn gen_const_bool<const B: bool>() {
}

// ---- moves: a value of a type parameter without `Copy` is moved, not copied (as rustc)

// expect: verified
pub proof fn gen_consume<A>(tracked a: A) {}

// expect: error
pub proof fn gen_consume_twice<A>(tracked a: A) {
    gen_consume(a);
    gen_consume(a);
}

// expect: error
pub proof fn gen_consume_after_branch<A>(tracked a: A, b: bool) {
    if b {
        gen_consume(a);
    }
    gen_consume(a);
}

// expect: verified
pub proof fn gen_consume_each_once<A>(tracked a: A, tracked b: A, c: bool) {
    if c {
        gen_consume(a);
    } else {
        gen_consume(a);
    }
    gen_consume(b);
}

// expect: error
pub fn gen_move_twice_exec<A>(a: A) -> (r: (A, A)) {
    (gen_identity(a), a)
}

// expect: verified
pub fn gen_copy_twice<A: Copy>(a: A) -> (r: (A, A))
    ensures r.0 == a && r.1 == a,
{
    (gen_identity(a), a)
}

// expect: verified
pub fn gen_move_fields<A, B>(p: GenPair<A, B>) -> (r: (B, A))
    ensures r.0 == p.second && r.1 == p.first,
{
    (p.second, p.first)
}

// expect: error
pub fn gen_move_field_then_whole<A, B>(p: GenPair<A, B>) -> (r: (A, GenPair<A, B>)) {
    (p.first, p)
}

// expect: error
pub fn gen_move_out_of_array<T, const N: usize>(a: [T; N]) -> T
    requires N > 0,
{
    a[0]
}

// expect: verified
pub fn gen_reassign_after_move<T>(a: T, b: T) -> (r: T)
    ensures r == b,
{
    let mut x = a;
    let y = x;
    x = b;
    x
}

// ---- a reference as a generic argument would be erased: unsupported

// expect: verified
pub uninterp spec fn gen_size<T>() -> nat;

// expect: unsupported
pub proof fn gen_size_of_reference() {
    assert(gen_size::<&u8>() == gen_size::<u8>());
}

// expect: failed assertion
pub proof fn gen_size_distinct_types() {
    assert(gen_size::<u16>() == gen_size::<u8>());
}

// ---- generic enums

pub enum GenEither<L, R> {
    Left(L),
    Right(R),
}

impl<L, R> GenEither<L, R> {
    // expect: verified
    pub open spec fn gen_is_left(&self) -> bool {
        match self {
            GenEither::Left(_) => true,
            GenEither::Right(_) => false,
        }
    }

    // expect: verified
    pub fn gen_flip(self) -> (r: GenEither<R, L>)
        ensures self.gen_is_left() <==> !r.gen_is_left(),
    {
        match self {
            GenEither::Left(l) => GenEither::Right(l),
            GenEither::Right(r) => GenEither::Left(r),
        }
    }

    // expect: failed postcondition
    pub fn gen_flip_wrong(self) -> (r: GenEither<R, L>)
        ensures self.gen_is_left() <==> r.gen_is_left(),
    {
        match self {
            GenEither::Left(l) => GenEither::Right(l),
            GenEither::Right(r) => GenEither::Left(r),
        }
    }
}

// expect: verified
pub fn gen_either_user(x: u8) -> (r: bool)
    ensures r,
{
    let e: GenEither<u8, bool> = GenEither::Left(x);
    let f = e.gen_flip();
    match f {
        GenEither::Right(_) => true,
        GenEither::Left(_) => false,
    }
}

// The flip's spec says nothing about the payload.
// expect: failed postcondition
pub fn gen_either_payload(x: u8) -> (r: u8)
    ensures r == x,
{
    let e = GenEither::<u8, bool>::Left(x);
    let f = e.gen_flip();
    match f {
        GenEither::Right(v) => v,
        GenEither::Left(_) => 0,
    }
}

// expect: verified
pub proof fn gen_either_spec<T>(x: T) {
    let e = GenEither::<T, T>::Left(x);
    assert(e.gen_is_left());
}

// expect: error
pub fn gen_either_uninferred(x: u8) {
    let e = GenEither::Left(x);
}

// A match binding a part by value moves the matched value.
// expect: error
pub proof fn gen_consume_after_match<A>(tracked e: GenEither<A, A>) {
    match e {
        GenEither::Left(x) => {}
        GenEither::Right(_) => {}
    }
    gen_consume(e);
}

// expect: unsupported
pub fn gen_mut_ref_argument(x: Option<&mut u64>) {
}

// expect: verified
pub fn gen_array_len_turbofish(a: [u64; 3]) -> (r: usize)
    ensures r == 3,
{
    gen_array_len::<3>(a)
}

// expect: error
pub fn gen_array_len_wrong_const(a: [u64; 3]) -> usize {
    gen_array_len::<4>(a)
}

// expect: verified
pub fn gen_box_turbofish(b: &mut GenBox<u64, 2>) -> (r: usize)
    ensures r == 2,
{
    GenBox::<u64, 2>::gen_box_capacity(b)
}

// ---- more programs that must not verify

// The callee's spec says nothing relating the two fields.
// expect: failed assertion
pub fn gen_pair_fields_unrelated(x: u64, y: u64) {
    let p = GenPair::gen_pair_new(x, y);
    assert(p.first == p.second);
}

// A generic caller without `len < M`.
// expect: failed precondition
pub fn gen_box_generic_user_full<const M: usize>(b: &mut GenBox<bool, M>)
    requires old(b).gen_box_wf(),
{
    b.gen_box_push(Ghost(true));
}

// An instantiated struct's fields have their types' ranges, and no more.
// expect: verified
pub fn gen_pair_range(p: GenPair<u8, bool>) {
    assert(p.first <= 255);
}

// expect: failed assertion
pub fn gen_pair_range_wrong(p: GenPair<u8, bool>) {
    assert(p.first < 255);
}

// expect: failed assertion
pub proof fn gen_pick_instances_differ(a: u8, b: u16) {
    assert(gen_pick(true, a, 0) as int == gen_pick(true, b, 0) as int);
}

// ---- generic type aliases: the aliased type at the written arguments

pub struct GnCell<T> { pub v: T }

type GnAlias<T> = GnCell<T>;

type GnPairOf<A> = (A, A);

// expect: verified
fn gn_alias_use(c: GnAlias<u64>, p: GnPairOf<u8>) -> (r: u64)
    requires c.v == 5, p.0 < 10,
    ensures r == 5 + p.0,
{
    c.v + p.0 as u64
}

// expect: failed postcondition
fn gn_alias_use_wrong(c: GnAlias<u64>) -> (r: u64)
    requires c.v == 5,
    ensures r == 6,
{
    c.v
}

// The alias takes one argument (rustc's E0107).
// expect: error
fn gn_alias_wrong_arity(c: GnAlias<u64, u8>) {
}

// expect: failed postcondition
fn gn_alias_pair_wrong(p: GnPairOf<u8>) -> (r: u8)
    ensures r == p.1,
{
    p.0
}


// ---- a crate datatype's bounds hold of its arguments wherever it is named or built (rustc E0277)

trait GnSmall {
    spec fn gn_small(&self) -> bool;
}

impl GnSmall for u8 {
    // expect: verified
    spec fn gn_small(&self) -> bool {
        *self < 10
    }
}

struct GnHolder<T: GnSmall> {
    held: T,
}

// expect: verified
fn gn_holder_ok(h: GnHolder<u8>) -> (r: GnHolder<u8>)
    ensures r.held.gn_small() == (r.held < 10),
{
    GnHolder::<u8> { held: 3 }
}

// expect: verified
fn gn_holder_generic<T: GnSmall>(h: GnHolder<T>) -> bool {
    true
}

// expect: error
fn gn_holder_literal_unsatisfied() {
    let h = GnHolder { held: 5i32 };
}

// expect: error
fn gn_holder_turbofish_unsatisfied() {
    let h = GnHolder::<i32> { held: 5 };
}

// expect: error
fn gn_holder_param_unsatisfied(h: GnHolder<u16>) {
}

// (a parameter without the bound)
// expect: error
fn gn_holder_param_unbounded<T>(h: GnHolder<T>) {
}


// (building a datatype whose bound is the very trait being implemented calls nothing: no cycle)
trait GnShow {
    fn gn_show(&self) -> u8;
}

struct GnShown<T: GnShow> {
    shown: T,
}

impl GnShow for u16 {
    // expect: verified
    fn gn_show(&self) -> (r: u8)
        ensures
            r == 1,
    {
        let h = GnShown::<u16> { shown: *self };
        1
    }
}


// `[a; N]` of a const generic parameter: an array of `N` copies
// expect: verified
fn gn_array_repeat_n<T: Copy, const N: usize>(a: T, i: usize)
    requires
        i < N,
{
    let x: [T; N] = [a; N];
    assert(x@.len() == N);
    assert(x@[i as int] == a);
}

// expect: failed assertion
fn gn_array_repeat_n_wrong<T: Copy, const N: usize>(a: T) {
    let x: [T; N] = [a; N];
    assert(x@.len() == N + 1);
}

pub struct GnNotCopy {
    pub v: u8,
}

// rustc: the element is copied into every place
// expect: error
fn gn_array_repeat_not_copy<const N: usize>(x: GnNotCopy) {
    let ar = [x; N];
}

// Verus's array fill gives no tracked value
// expect: error
proof fn gn_array_repeat_tracked<T: Copy, const N: usize>(tracked x: T) {
    let tracked ar = [x; N];
}

// const generic parameters of fixed-width integer types: the value is in the type's range
// expect: verified
proof fn gn_const_u8<const N: u8>()
    ensures
        N <= 255,
{
}

// expect: failed postcondition
proof fn gn_const_u8_wrong<const N: u8>()
    ensures
        N < 255,
{
}

// expect: verified
fn gn_const_i8_value<const N: i8>() -> (r: i8)
    ensures
        r == N,
        -128 <= r,
{
    N
}

// expect: verified
fn gn_const_i8_caller() {
    let r = gn_const_i8_value::<5>();
    assert(r == 5);
}

// rustc: a const generic argument of the parameter's type
// expect: error
proof fn gn_const_u8_out_of_range() {
    gn_const_u8::<300>();
}

// expect: error
proof fn gn_const_kind_mismatch<const M: u16>() {
    gn_const_u8::<M>();
}

// an array of integers clones to the same value
// expect: verified
fn gn_array_clone() {
    let a = [3u8; 4];
    let b = a.clone();
    assert(b@ == a@);
    assert(b[1] == 3);
}

// expect: failed assertion
fn gn_array_clone_wrong() {
    let a = [3u8; 4];
    let b = a.clone();
    assert(b[1] == 4);
}

// `Option` of an integer: `cloned()` is the same value, `unwrap_or_default()` the value or 0
// expect: verified
fn gn_option_cloned_default() {
    let val: u32 = 42;
    let opt: Option<&u32> = Some(&val);
    let res: Option<u32> = opt.cloned();
    assert(res == Some(42u32));
    let none: Option<u32> = None;
    let d = none.unwrap_or_default();
    assert(d == 0);
    let r = res.unwrap_or_default();
    assert(r == 42);
}

// expect: failed assertion
fn gn_option_default_wrong() {
    let none: Option<u32> = None;
    let d = none.unwrap_or_default();
    assert(d == 1);
}

// `clone()` of an integer, `bool` or `char` is the same value
// expect: verified
fn gn_primitive_clone(b: bool, c: char, x: u16) {
    let a = b.clone();
    assert(a == b);
    let d = c.clone();
    assert(d == c);
    let y = x.clone();
    assert(y == x);
}

// expect: failed assertion
fn gn_primitive_clone_wrong(x: u16) {
    let y = x.clone();
    assert(y != x);
}

// an exec function, not callable in ghost code
// expect: error
fn gn_primitive_clone_in_ghost(b: bool) {
    assert(b.clone() == b);
}

}
