// Traits: declarations with spec/proof/exec method signatures, `impl Trait for Type` (each
// method verified against the trait's contract), calls on concrete types (the impl's method) and
// on type parameters bounded by a trait (the trait's contract only), bounds checked at call sites.
verus! {

pub trait Counter {
    spec fn count(&self) -> int;

    fn next(&self) -> (r: u64)
        requires self.count() < 1000,
        ensures r as int == self.count() + 1;

    proof fn count_nonneg(&self)
        ensures self.count() >= 0;

    fn reset(&mut self)
        ensures self.count() == 0;
}

pub struct Tally { pub n: u64 }

impl Counter for Tally {
    // expect: verified
    open spec fn count(&self) -> int { self.n as int }

    // The trait's `requires` makes `self.n + 1` safe; its `ensures` is proved here.
    // expect: verified
    fn next(&self) -> (r: u64) { self.n + 1 }

    // expect: verified
    proof fn count_nonneg(&self) {}

    // An impl may promise more than the trait (Verus: impls extend `ensures`).
    // expect: verified
    fn reset(&mut self)
        ensures self.n == 0,
    {
        self.n = 0;
    }
}

pub struct Broken { pub n: u64 }

impl Counter for Broken {
    // expect: verified
    open spec fn count(&self) -> int { self.n as int }

    // The impl breaks the trait's `ensures` (off by one).
    // expect: failed postcondition
    fn next(&self) -> (r: u64) { self.n }

    // expect: verified
    proof fn count_nonneg(&self) {}

    // expect: failed postcondition
    fn reset(&mut self) {}
}

// A call on a concrete type is the impl's method: its contract is the trait's (and the impl's own).
// expect: verified
pub fn tr_concrete_call(t: &Tally) -> (r: u64)
    requires t.n < 10,
    ensures r == t.n + 1,
{
    t.next()
}

// expect: verified
pub fn tr_concrete_reset(t: &mut Tally)
    ensures t.n == 0,
{
    t.reset();
}

// The trait's `requires` is checked at the call.
// expect: failed precondition
pub fn tr_concrete_call_unchecked(t: &Tally) -> u64 {
    t.next()
}

// The impl's method through its type's path.
// expect: failed postcondition
pub fn tr_concrete_path_wrong(t: &Tally) -> (r: u64)
    requires t.n < 10,
    ensures r == t.n,
{
    Tally::next(t)
}

// ---- generic code: only the trait's contract is known

// expect: verified
pub fn tr_generic_next<T: Counter>(t: &T) -> (r: u64)
    requires t.count() < 500,
    ensures r as int == t.count() + 1,
{
    t.next()
}

// The trait promises nothing about the result beyond `count() + 1`.
// expect: failed postcondition
pub fn tr_generic_next_wrong<T: Counter>(t: &T) -> (r: u64)
    requires t.count() < 500,
    ensures r > 1,
{
    t.next()
}

// expect: failed precondition
pub fn tr_generic_next_unchecked<T: Counter>(t: &T) -> u64 {
    t.next()
}

// expect: verified
pub proof fn tr_generic_lemma<T: Counter>(t: &T)
    ensures t.count() >= 0,
{
    t.count_nonneg();
}

// `count` of a type parameter is uninterpreted: nothing is known about it without the lemma.
// expect: failed postcondition
pub proof fn tr_generic_count_unknown<T: Counter>(t: &T)
    ensures t.count() >= 0,
{
}

// `where` bounds are bounds too.
// expect: verified
pub fn tr_generic_reset<T>(t: &mut T)
    where T: Counter,
    ensures t.count() == 0,
{
    t.reset();
}

// Tally's `reset` promises `n == 0`, but generic code sees only the trait's `count() == 0`:
// the impl's extra `ensures` and the spec fn's body are not visible through the bound.
// expect: failed assertion
pub fn tr_generic_reset_more<T: Counter>(t: &mut T) {
    t.reset();
    assert(t.count() == 1);
}

// Through the type's path: `T::next(t)` is the trait's method too.
// expect: failed postcondition
pub fn tr_generic_path_call<T: Counter>(t: &T) -> (r: u64)
    requires t.count() < 500,
    ensures r as int == t.count(),
{
    T::next(t)
}

// On a concrete type, the impl's spec fn body is visible (it is in the same module).
// expect: verified
pub proof fn tr_concrete_count_visible(t: &Tally)
    ensures t.count() == t.n,
{
}

// A generic callee's contract at a concrete type: `count` is Tally's, so the caller knows `n + 1`.
// expect: verified
pub fn tr_call_generic_at_tally(t: &Tally) -> (r: u64)
    requires t.n < 100,
    ensures r == t.n + 1,
{
    tr_generic_next(t)
}

// expect: failed precondition
pub fn tr_call_generic_at_tally_unchecked(t: &Tally) -> u64 {
    tr_generic_next(t)
}

// A generic caller passes its own bound on.
// expect: verified
pub fn tr_generic_passes_bound<U: Counter>(u: &U) -> (r: u64)
    requires u.count() < 10,
    ensures r as int == u.count() + 1,
{
    tr_generic_next(u)
}

pub struct NoCounter { pub n: u64 }

// A type without an impl of the trait.
// expect: error
pub fn tr_missing_impl(x: &NoCounter) -> u64 {
    tr_generic_next(x)
}

// A type parameter without the bound.
// expect: error
pub fn tr_missing_bound<U>(u: &U) -> u64 {
    tr_generic_next(u)
}

// ---- conformance errors (as Verus and rustc)

pub trait Shape {
    spec fn area(&self) -> int;
    fn scale(&self, k: u64) -> (r: u64)
        ensures r >= k;
}

pub struct Square { pub side: u64 }

impl Shape for Square {
    // expect: verified
    open spec fn area(&self) -> int { self.side * self.side }

    // Verus: "trait method implementation cannot declare requires".
    // expect: error
    fn scale(&self, k: u64) -> (r: u64)
        requires k < 10,
    {
        k
    }
}

pub struct Circle { pub r: u64 }

impl Shape for Circle {
    // A spec method implemented as exec: "function must have mode spec".
    // expect: error
    fn area(&self) -> u64 { 0 }

    // Parameters renamed in the impl: the trait's clauses speak of the impl's names.
    // expect: verified
    fn scale(&self, factor: u64) -> (out: u64) { factor }
}

pub struct Dot { pub x: u64 }

// `scale` is missing.
// expect: error
impl Shape for Dot {
    open spec fn area(&self) -> int { 0 }
}

pub struct Line { pub len: u64 }

impl Shape for Line {
    // expect: verified
    open spec fn area(&self) -> int { 0 }

    // A parameter of another type than the trait's.
    // expect: error
    fn scale(&self, k: u32) -> (r: u64) { k as u64 }
}

// ---- not modelled: reported unsupported

// An associated constant is not modelled.
pub trait AssocConst {
    // expect: unsupported
    const N: u64;
    fn get(&self) -> u64;
}

// ---- associated types: `type X;` in the trait, `type X = T;` in each impl. In generic code
// `A::X` (for `A: Trait`) is one more type parameter, fixed at each call by `A`'s argument.

pub trait Assoc {
    type Item;

    spec fn item(&self) -> Self::Item;

    spec fn ok(x: Self::Item) -> bool;

    fn get(&self) -> (r: Self::Item)
        requires Self::ok(self.item()),
        ensures r == self.item();
}

pub struct HasAssoc { pub v: u8 }

impl Assoc for HasAssoc {
    type Item = u8;

    // expect: verified
    open spec fn item(&self) -> u8 { self.v }

    // expect: verified
    open spec fn ok(x: u8) -> bool { x < 100 }

    // expect: verified
    fn get(&self) -> (r: u8) { self.v }
}

pub struct HasAssocWide { pub w: u64 }

impl Assoc for HasAssocWide {
    type Item = u64;

    // expect: verified
    open spec fn item(&self) -> Self::Item { self.w }

    // expect: verified
    open spec fn ok(x: u64) -> bool { true }

    // The body breaks the trait's promise (`r == self.item()`).
    // expect: failed postcondition
    fn get(&self) -> (r: u64) { 0 }
}

// expect: verified
fn as_get<A: Assoc>(a: &A) -> (r: A::Item)
    requires A::ok(a.item()),
    ensures r == a.item(),
{
    a.get()
}

// `A::Item` is any type: two of its values may differ.
// expect: failed assertion
proof fn as_items_differ<A: Assoc>(x: A::Item, y: A::Item) {
    assert(x == y);
}

// At `HasAssoc`, `A::Item` is `u8`: the callee's result has `u8`'s range.
// expect: verified
fn as_at_u8(h: &HasAssoc)
    requires h.v < 100,
{
    let r = as_get(h);
    assert(r == h.v);
    assert(r < 256);
}

// expect: failed assertion
fn as_at_u8_wrong(h: &HasAssoc)
    requires h.v < 100,
{
    let r = as_get(h);
    assert(r < 99);
}

// The trait's `requires` at the impl: `HasAssoc::ok` is `x < 100`.
// expect: failed precondition
fn as_at_u8_requires(h: &HasAssoc) {
    let r = as_get(h);
}

// `<HasAssoc as Assoc>::Item` is `u8`.
// expect: verified
proof fn as_qualified(x: <HasAssoc as Assoc>::Item) {
    assert(x < 256);
}

// expect: failed assertion
proof fn as_qualified_wrong(x: <HasAssocWide as Assoc>::Item) {
    assert(x < 256);
}

pub struct AsMissing {}

// rustc E0046: the impl must bind `Item`.
// expect: error
impl Assoc for AsMissing {
    open spec fn item(&self) -> u8 { 0 }
    open spec fn ok(x: u8) -> bool { true }
    fn get(&self) -> (r: u8) { 0 }
}

pub struct AsWrongType {}

impl Assoc for AsWrongType {
    type Item = bool;

    // Not the trait's `Self::Item` (`bool` here).
    // expect: error
    open spec fn item(&self) -> u8 { 0 }

    // expect: verified
    open spec fn ok(x: bool) -> bool { true }

    // (the trait's `ensures r == self.item()` compares a `bool` with this impl's `u8`)
    // expect: error
    fn get(&self) -> (r: bool) { self.item() == 0 }
}

// An associated type with a bound: generic code may use the bound's methods on it.
pub trait AsKeyed {
    type Key: StArea;

    spec fn key(&self) -> Self::Key;
}

// expect: verified
proof fn as_key_area<A: AsKeyed>(a: &A)
    ensures a.key().area() >= 0,
{
    a.key().area_nonneg();
}

// expect: failed postcondition
proof fn as_key_area_wrong<A: AsKeyed>(a: &A)
    ensures a.key().area() > 0,
{
    a.key().area_nonneg();
}

pub struct AsKeyHolder { pub k: StSquare }

impl AsKeyed for AsKeyHolder {
    type Key = StSquare;

    // expect: verified
    open spec fn key(&self) -> StSquare { self.k }
}

// The bound's impl at the binding: `StSquare`'s area is its side.
// expect: verified
proof fn as_key_concrete(h: AsKeyHolder)
    requires h.k.side == 5,
{
    as_key_area(&h);
    assert(h.key().area() == 5);
}

// Lifetime parameters of traits and associated types are erased, as everywhere.
pub trait AsLife<'x> {
    type Out<'a>;

    spec fn out<'a>(&self) -> Self::Out<'a>;
}

pub struct AsLifeS { pub b: u16 }

impl<'x> AsLife<'x> for AsLifeS {
    type Out<'a> = u16;

    // expect: verified
    open spec fn out<'a>(&self) -> u16 { self.b }
}

// expect: verified
proof fn as_life(x: <AsLifeS as AsLife>::Out<'static>) {
    assert(x < 0x10000);
}

// expect: failed assertion
proof fn as_life_wrong(x: <AsLifeS as AsLife<'static>>::Out<'static>) {
    assert(x < 0x100);
}

// An associated type of a generic trait's impl, `<S as T<u8>>::X`, is not modelled.
pub trait AsGen<A> {
    type Out;

    spec fn gen(&self) -> A;
}

impl AsGen<u8> for AsLifeS {
    type Out = u8;

    // expect: verified
    open spec fn gen(&self) -> u8 { 0 }
}

// expect: unsupported
proof fn as_gen_needs(x: <AsLifeS as AsGen<u8>>::Out) {
}

pub struct AsKeyBad {}

// rustc: `type Key = u8` needs `u8: StArea`.
// expect: error
impl AsKeyed for AsKeyBad {
    type Key = u8;
    open spec fn key(&self) -> u8 { 0 }
}

// ---- default methods: an exec or proof default body is verified once, for every `Self: Trait`

pub trait Defaulted {
    spec fn val(&self) -> int;

    fn get(&self) -> (r: u64)
        requires self.val() < 100,
        ensures r == self.val();

    // expect: verified
    fn twice(&self) -> (r: u64)
        requires self.val() < 100,
        ensures r == 2 * self.val(),
    {
        let a = self.get();
        a + self.get()
    }

    // The default body does not keep the trait's promise.
    // expect: failed postcondition
    fn thrice(&self) -> (r: u64)
        requires self.val() < 100,
        ensures r == 3 * self.val(),
    {
        let a = self.get();
        a + a
    }

    // A default body may overflow for some implementation.
    // expect: failed overflow
    fn plus_one(&self) -> u64 {
        self.get_any() + 1
    }

    fn get_any(&self) -> u64;
}

pub struct Deft { pub x: u64 }

impl Defaulted for Deft {
    // expect: verified
    open spec fn val(&self) -> int { self.x as int }
    // expect: verified
    fn get(&self) -> u64 { self.x }
    // An impl overrides a default method (and is held to the trait's contract).
    // expect: verified
    fn thrice(&self) -> u64 { 3 * self.x }
    // expect: verified
    fn get_any(&self) -> u64 { 0 }
}

// A default method on a concrete type: the trait's contract, at the impl's spec fns.
// expect: verified
pub fn tr_default_on_concrete(d: &Deft) -> (r: u64)
    requires d.x < 50,
    ensures r == 2 * d.x,
{
    d.twice()
}

// expect: failed postcondition
pub fn tr_default_on_concrete_wrong(d: &Deft) -> (r: u64)
    requires d.x < 50,
    ensures r == d.x,
{
    d.twice()
}

// expect: verified
pub fn tr_default_overridden(d: &Deft) -> (r: u64)
    requires d.x < 50,
    ensures r == 3 * d.x,
{
    d.thrice()
}

// A default spec body defines the method for the types whose impl keeps it; generic code sees
// an uninterpreted method (an impl may override it), as in Verus.
pub trait SpecDefault {
    // expect: verified
    spec fn d(&self) -> int { 7 }

    // The default method's own contract, at every `Self`: `d` is not known to be 7 there.
    // expect: failed postcondition
    proof fn d_is_seven(&self)
        ensures self.d() == 7,
    {
    }

    spec fn e(&self) -> int;

    // A default spec body may call the trait's other methods.
    // expect: verified
    spec fn d_plus_e(&self) -> int { self.d() + self.e() }

    // expect: verified
    spec fn k() -> int { 5 }
}

pub struct SdKeep { pub v: int }
pub struct SdOverride { pub v: int }

impl SpecDefault for SdKeep {
    // expect: verified
    open spec fn e(&self) -> int { self.v }
}

impl SpecDefault for SdOverride {
    // expect: verified
    open spec fn d(&self) -> int { 8 }

    // expect: verified
    open spec fn e(&self) -> int { 1 }

    // expect: verified
    open spec fn k() -> int { 6 }
}

// expect: verified
proof fn sd_keep(k: SdKeep)
    requires k.v == 2,
{
    assert(k.d() == 7);
    assert(k.d_plus_e() == 9);
    assert(<SdKeep as SpecDefault>::d(&k) == 7);
}

// expect: verified
proof fn sd_override(o: SdOverride) {
    assert(o.d() == 8);
    assert(o.d_plus_e() == 9);
}

// expect: verified
proof fn sd_static() {
    assert(SdKeep::k() == 5);
    assert(<SdKeep as SpecDefault>::k() == 5);
    assert(SdOverride::k() == 6);
}

// expect: failed assertion
proof fn sd_static_wrong() {
    assert(<SdOverride as SpecDefault>::k() == 5);
}

// The override replaces the default.
// expect: failed assertion
proof fn sd_override_wrong(o: SdOverride) {
    assert(o.d() == 7);
}

// Generic code cannot rely on the default body.
// expect: failed assertion
proof fn sd_generic_wrong<X: SpecDefault>(x: &X) {
    assert(x.d() == 7);
}

// expect: failed assertion
proof fn sd_generic_sum_wrong<X: SpecDefault>(x: &X) {
    assert(x.d_plus_e() == 7 + x.e());
}

pub trait SdOwn {
    spec fn f() -> int;

    // expect: verified
    spec fn g() -> int { 3 }
}

pub struct SdOwnS;

impl SdOwn for SdOwnS {
    // An impl's method may use a default its impl keeps (no cycle: `g` does not call `f`).
    // expect: verified
    open spec fn f() -> int { Self::g() }
}

// expect: verified
proof fn sd_own() {
    assert(SdOwnS::f() == 3);
}

// expect: failed assertion
proof fn sd_own_wrong() {
    assert(SdOwnS::f() == 4);
}

pub trait SdCyc {
    spec fn f() -> int;

    // expect: error
    spec fn g() -> int { Self::f() }
}

pub struct SdCycS;

impl SdCyc for SdCycS {
    // `f` is `g` is `f`: a definition by itself, refused.
    // expect: error
    open spec fn f() -> int { Self::g() + 1 }
}

// Generic code instantiated at a type that keeps the default: the caller knows it.
// expect: verified
spec fn sd_generic_d<X: SpecDefault>(x: &X) -> int { x.d() }

// expect: verified
proof fn sd_generic_at_keep(k: SdKeep) {
    assert(sd_generic_d(&k) == 7);
}

// expect: failed assertion
proof fn sd_generic_at_override(o: SdOverride) {
    assert(sd_generic_d(&o) == 7);
}

// `Trait::m(x)` on a concrete type is that type's impl.
// expect: verified
pub fn tr_call_through_trait_path(t: &Tally) -> (r: u64)
    requires t.n < 10,
    ensures r == t.n + 1,
{
    Counter::next(t)
}

// expect: failed postcondition
pub fn tr_call_through_trait_path_wrong(t: &Tally) -> (r: u64)
    requires t.n < 10,
    ensures r == t.n + 2,
{
    Counter::next(t)
}

// ---- termination through a trait method

pub trait Loops {
    proof fn go(&self)
        ensures false;
}

pub struct Looper { pub x: u64 }

// A proof that would call itself through generic code: Verus refuses the cycle.
// expect: error
pub proof fn tr_loop_generic<T: Loops>(t: &T)
    ensures false,
{
    t.go();
}

impl Loops for Looper {
    // expect: error
    proof fn go(&self) {
        tr_loop_generic(self);
    }
}

// A bound satisfied in a trait method's own contract: the impl relies on itself.
pub struct SelfRef { pub x: u64 }

// expect: verified
pub spec fn tr_needs_ready<A: Ready>(a: &A) -> bool { true }

pub trait Ready {
    fn ready(&self) -> bool
        requires tr_needs_ready(&SelfRef { x: 0 });
}

impl Ready for SelfRef {
    // expect: error
    fn ready(&self) -> bool { true }
}

// ---- modes

pub trait Modes {
    proof fn take(&self, tracked b: bool);
    proof fn give(&self) -> tracked bool;
    proof fn owned(tracked &self) -> (r: bool)
        ensures r;
}

pub struct ModeA { pub x: u64 }

impl Modes for ModeA {
    // The trait's parameter is tracked: "parameter must have mode proof".
    // expect: error
    proof fn take(&self, b: bool) {}

    // The trait's result is tracked: "function return value must have mode proof".
    // expect: error
    proof fn give(&self) -> bool { true }

    // expect: verified
    proof fn owned(tracked &self) -> bool { true }
}

// A spec-mode value cannot be a `tracked self` receiver.
// expect: error
pub proof fn tr_spec_receiver<T: Modes>(t: &T) {
    t.owned();
}

// expect: verified
pub proof fn tr_tracked_receiver<T: Modes>(tracked t: &T) {
    let b = t.owned();
    assert(b);
}

// ---- spec methods of a visible trait: their bodies must say open or closed

pub trait Visible {
    spec fn seen(&self) -> int;
}

pub struct Shown { pub x: u64 }

impl Visible for Shown {
    // Verus: "open/closed is required for implementations of non-private traits".
    // expect: error
    spec fn seen(&self) -> int { self.x as int }
}

pub struct Shown2 { pub x: u64 }

impl Visible for Shown2 {
    // expect: verified
    open spec fn seen(&self) -> int { self.x as int }
}

// expect: verified
pub proof fn tr_open_seen(s: &Shown2)
    ensures s.seen() == s.x,
{
}

// expect: failed postcondition
pub proof fn tr_generic_seen<T: Visible>(t: &T)
    ensures t.seen() >= 0,
{
}


// `<Type as Trait>::f`: the trait's function at that type
trait QpT {
    spec fn qp() -> int;
}

trait QpU {
    spec fn qp() -> int;
}

struct QpR {}

impl QpT for QpR {
    // expect: verified
    spec fn qp() -> int { 3 }
}

// expect: verified
proof fn qp_concrete() {
    assert(<QpR as QpT>::qp() == 3);
}

// expect: failed assertion
proof fn qp_concrete_wrong() {
    assert(<QpR as QpT>::qp() == 4);
}

// expect: failed assertion
proof fn qp_param_unknown<C: QpT>() {
    assert(<C as QpT>::qp() == 3);
}

// expect: error
proof fn qp_param_wrong_bound<C: QpU>() {
    assert(<C as QpT>::qp() == <C as QpT>::qp());
}

// expect: error
proof fn qp_not_implemented() {
    assert(<QpR as QpU>::qp() == 0);
}


// ---- supertraits: `trait U: T` (or `where Self: T`): every implementing type implements `T`,
// and a bound `X: U` gives generic code `T`'s methods and contracts too

pub trait StArea {
    spec fn area(&self) -> int;

    proof fn area_nonneg(&self)
        ensures self.area() >= 0;
}

pub trait StShape: StArea + Sized {
    spec fn sides(&self) -> nat;

    // The supertrait's spec method in a declaration's contract.
    proof fn sides_pos(&self)
        ensures self.sides() > 0, self.area() >= 0;

    // A default method relying on the supertrait's contract.
    // expect: verified
    proof fn both(&self)
        ensures self.area() >= 0,
    {
        self.area_nonneg();
    }

    // The supertrait's contract says nothing of the area's size.
    // expect: failed postcondition
    proof fn both_wrong(&self)
        ensures self.area() > 0,
    {
        self.area_nonneg();
    }
}

pub trait StNamed where Self: StShape {
    spec fn name_len(&self) -> nat;
}

pub struct StSquare { pub side: u64 }

impl StArea for StSquare {
    // expect: verified
    open spec fn area(&self) -> int { self.side as int }

    // expect: verified
    proof fn area_nonneg(&self) {}
}

impl StShape for StSquare {
    // expect: verified
    open spec fn sides(&self) -> nat { 4 }

    // expect: verified
    proof fn sides_pos(&self) {}
}

impl StNamed for StSquare {
    // expect: verified
    open spec fn name_len(&self) -> nat { 6 }
}

// expect: verified
proof fn st_generic<X: StShape>(x: &X)
    ensures x.area() >= 0,
{
    x.area_nonneg();
}

// Two levels up: `StNamed` implies `StShape`, which implies `StArea`.
// expect: verified
proof fn st_generic_two_levels<X: StNamed>(x: &X)
    ensures x.area() >= 0, x.sides() > 0,
{
    x.sides_pos();
    <X as StArea>::area_nonneg(x);
}

// expect: failed postcondition
proof fn st_generic_wrong<X: StShape>(x: &X)
    ensures x.area() > 0,
{
    x.area_nonneg();
}

// A bound by the supertrait does not give the subtrait's methods.
// expect: error
proof fn st_generic_wrong_bound<X: StArea>(x: &X) {
    x.sides_pos();
}

// expect: verified
proof fn st_concrete(s: StSquare)
    requires s.side == 3,
{
    st_generic_two_levels(&s);
    assert(s.area() == 3);
}

// expect: failed assertion
proof fn st_concrete_wrong(s: StSquare)
    requires s.side == 3,
{
    st_generic(&s);
    assert(s.area() == 4);
}

pub struct StCircle { pub r: u64 }

// rustc: the supertrait `StArea` is not implemented for `StCircle`.
// expect: error
impl StShape for StCircle {
    open spec fn sides(&self) -> nat { 1 }
    proof fn sides_pos(&self) {}
}

// A supertrait with a bound the verifier does not read: the trait is not modelled.
// expect: unsupported
pub trait StOther: StTheirs<u8> {
    spec fn other(&self) -> int;
}

pub trait StTheirs<A> {
    spec fn theirs(&self) -> int;
}

// rustc E0391: a cycle of supertraits.
// expect: error
pub trait StCycA: StCycB {
    spec fn a(&self) -> int;
}

// expect: error
pub trait StCycB: StCycA {
    spec fn b(&self) -> int;
}

// A `Copy` supertrait makes a bounded parameter `Copy`: used twice, it is copied, not moved.
pub trait StCopyable: Copy {
    spec fn id(&self) -> int;
}

// expect: verified
fn st_copy_twice<X: StCopyable>(x: X) -> (r: (X, X))
    ensures r.0 == x, r.1 == x,
{
    (x, x)
}

// Without it, the second use is a use of a moved value.
// expect: error
fn st_move_twice<X: StArea>(x: X) -> (X, X) {
    (x, x)
}

// Verus: a cycle through a supertrait's impl is nontermination (the impl of `StLoopB` for
// `StLooper` needs `StLoopA`'s, whose method calls generic code that needs `StLoopB`).
pub trait StLoopA {
    proof fn la(&self) ensures false;
}

pub trait StLoopB: StLoopA {}

// expect: error
proof fn st_loop_generic<X: StLoopB>(x: &X)
    ensures false,
{
    x.la();
}

pub struct StLooper {}

impl StLoopA for StLooper {
    // expect: error
    proof fn la(&self) {
        st_loop_generic(self);
    }
}

impl StLoopB for StLooper {}


// ---- impls for integer types and `bool`

pub trait PrimSize {
    spec fn size(&self) -> int;

    fn size_exec(&self) -> (r: u64)
        ensures r as int == self.size();

    // expect: verified
    spec fn unit() -> int { 1 }
}

impl PrimSize for u8 {
    // expect: verified
    open spec fn size(&self) -> int { *self as int + 1 }

    // expect: verified
    fn size_exec(&self) -> (r: u64) { *self as u64 + 1 }
}

impl PrimSize for bool {
    // expect: verified
    open spec fn size(&self) -> int { if *self { 2 } else { 1 } }

    // The impl's body must keep the trait's promise.
    // expect: failed postcondition
    fn size_exec(&self) -> (r: u64) { 1 }

    // expect: verified
    open spec fn unit() -> int { 3 }
}

// expect: verified
fn prim_generic<X: PrimSize>(x: &X) -> (r: u64)
    ensures r as int == x.size(),
{
    x.size_exec()
}

// expect: verified
fn prim_calls() {
    let b: u8 = 9;
    let r = prim_generic(&b);
    assert(r == 10);
    let r2 = b.size_exec();
    assert(r2 == 10);
    let t = prim_generic(&true);
    assert(t == 2);
    proof {
        assert(u8::unit() == 1);
        assert(<bool as PrimSize>::unit() == 3);
        assert(false.size() == 1);
    }
}

// expect: failed assertion
fn prim_calls_wrong() {
    let b: u8 = 9;
    let r = prim_generic(&b);
    assert(r == 9);
}

// A free function of the same name is not the impl's method.
// expect: verified
spec fn unit() -> int { 100 }

// expect: failed assertion
proof fn prim_path_not_free_fn() {
    assert(<u8 as PrimSize>::unit() == 100);
}

// expect: failed assertion
proof fn prim_default_wrong() {
    assert(<bool as PrimSize>::unit() == 1);
}

pub trait PrimOpaque {
    spec fn hidden() -> nat;
}

impl PrimOpaque for u64 {
    // expect: verified
    #[verifier::opaque]
    open spec fn hidden() -> nat { 0 }
}

// Verus: revealing a primitive type's trait method needs `<u64 as PrimOpaque>::hidden`.
// expect: error
proof fn prim_reveal_needs_ufcs() {
    reveal(u64::hidden);
}

// `u16` has no impl.
// expect: error
fn prim_no_impl(x: u16) -> u64 {
    prim_generic(&x)
}

// Tuples do not implement traits here.
// expect: unsupported
impl PrimSize for (u8, u8) {
    open spec fn size(&self) -> int { 0 }
    fn size_exec(&self) -> (r: u64) { 0 }
}


// ---- generic methods: a trait method's own type parameters, as in the impl (same names)

pub trait GmPick {
    spec fn holds<P>(&self, p: P) -> bool;

    fn pick<A: Copy>(&self, a: A, b: A) -> (r: A)
        ensures r == a || r == b;
}

pub struct GmFirst { pub x: u64 }

impl GmPick for GmFirst {
    // expect: verified
    open spec fn holds<P>(&self, p: P) -> bool { self.x > 0 }

    // The impl promises more than the trait.
    // expect: verified
    fn pick<A: Copy>(&self, a: A, b: A) -> (r: A)
        ensures r == a,
    {
        a
    }
}

// expect: verified
fn gm_concrete(s: &GmFirst) {
    let r = s.pick(3u8, 4u8);
    assert(r == 3);
}

// expect: verified
fn gm_generic<X: GmPick>(x: &X) -> (r: u8)
    ensures r == 3 || r == 4,
{
    x.pick(3u8, 4u8)
}

// Generic code knows the trait's contract only.
// expect: failed assertion
fn gm_generic_wrong<X: GmPick>(x: &X) {
    let r = x.pick(3u8, 4u8);
    assert(r == 3);
}

// expect: verified
spec fn gm_holds_at<X: GmPick>(x: &X) -> bool { x.holds(1u8) }

// `GmPick::holds<GmFirst, u8>` is the impl's `holds::<u8>`.
// expect: verified
proof fn gm_dispatch(s: GmFirst)
    requires s.x == 1,
{
    assert(gm_holds_at(&s));
    assert(s.holds::<bool>(true));
}

// expect: failed assertion
proof fn gm_dispatch_wrong(s: GmFirst)
    requires s.x == 0,
{
    assert(gm_holds_at(&s));
}

pub struct GmBad {}

impl GmPick for GmBad {
    // Another name for the method's type parameter: not modelled.
    // expect: unsupported
    open spec fn holds<Q>(&self, p: Q) -> bool { true }

    // rustc E0276: a bound the trait's declaration does not have.
    // expect: error
    fn pick<A: Copy + StArea>(&self, a: A, b: A) -> (r: A) { a }
}


// ---- generic traits: `trait T<A>`, one impl per type (`impl T<u8> for S`), bounds `X: T<u8>`

pub trait GtScore<A> {
    spec fn good(&self, a: A) -> bool;

    fn pick(&self, a: A) -> (r: A)
        ensures self.good(r);
}

pub struct GtS { pub v: u8 }

impl GtScore<u8> for GtS {
    // expect: verified
    open spec fn good(&self, a: u8) -> bool { a > 10 }

    // expect: verified
    fn pick(&self, a: u8) -> (r: u8) { 11 }
}

pub struct GtBad {}

impl GtScore<bool> for GtBad {
    // expect: verified
    open spec fn good(&self, a: bool) -> bool { a }

    // The trait's `ensures self.good(r)` at `A = bool`: `r` must be true.
    // expect: failed postcondition
    fn pick(&self, a: bool) -> (r: bool) { a }
}

// expect: verified
fn gt_generic<X: GtScore<u8>>(x: &X) -> (r: u8)
    ensures x.good(r),
{
    x.pick(3)
}

// The trait's argument may be the caller's parameter.
// expect: verified
fn gt_generic2<B, X: GtScore<B>>(x: &X, b: B) -> (r: B)
    ensures x.good(r),
{
    x.pick(b)
}

// expect: verified
fn gt_concrete(s: &GtS) {
    let r = gt_generic(s);
    assert(r > 10);
    let r2 = gt_generic2(s, 7u8);
    assert(r2 > 10);
    proof {
        assert(<GtS as GtScore<u8>>::good(s, 11));
    }
}

// expect: failed assertion
fn gt_concrete_wrong(s: &GtS) {
    let r = gt_generic(s);
    assert(r > 11);
}

// expect: verified
fn gt_needs_u16<X: GtScore<u16>>(x: &X) {}

// rustc: `GtS: GtScore<u16>` does not hold.
// expect: error
fn gt_wrong_args(s: &GtS) {
    gt_needs_u16(s);
}

// expect: error
proof fn gt_wrong_qualified(s: GtS) {
    assert(<GtS as GtScore<u16>>::good(&s, 11));
}

// A bound on a generic trait's parameter is not modelled (an impl would need it at its argument,
// and a cycle of calls can go through it: Verus's test_impl_trait_bound_cycle3).
// expect: unsupported
pub trait GtBounded<A: StArea> {
    spec fn b(&self, a: A) -> bool;
}

pub struct GtArity {}

// rustc E0107: the trait takes one argument.
// expect: error
impl GtScore for GtArity {
    open spec fn good(&self, a: u8) -> bool { true }
    fn pick(&self, a: u8) -> (r: u8) { a }
}


// ---- impls with bounds on their parameters: `impl<A: IbBase> IbT for IbWrap<A>` applies where
// its bounds hold at the type's arguments

pub trait IbBase {
    spec fn base() -> int;
}

pub trait IbT {
    spec fn t() -> int;
}

pub struct IbWrap<A> { pub a: A }

impl<A: IbBase> IbT for IbWrap<A> {
    // expect: verified
    open spec fn t() -> int { A::base() + 1 }
}

pub struct IbFive {}

impl IbBase for IbFive {
    // expect: verified
    open spec fn base() -> int { 5 }
}

pub struct IbNone {}

// expect: verified
spec fn ib_get<X: IbT>() -> int { X::t() }

// expect: verified
proof fn ib_ok() {
    assert(ib_get::<IbWrap<IbFive>>() == 6);
    assert(IbWrap::<IbFive>::t() == 6);
}

// expect: failed assertion
proof fn ib_wrong() {
    assert(ib_get::<IbWrap<IbFive>>() == 5);
}

// rustc: `IbNone: IbBase` does not hold, so the impl does not apply.
// expect: error
proof fn ib_bound_not_satisfied() {
    assert(ib_get::<IbWrap<IbNone>>() == 1);
}

// A cycle through the impl's bound (Verus's test_impl_trait_bound_cycle1): refused.
pub trait IbCyc {
    spec fn c() -> int;
}

pub struct IbCycWrap<A> { pub a: A }

impl<A: IbCyc> IbCyc for IbCycWrap<A> {
    // expect: error
    open spec fn c() -> int { A::c() + 1 }
}

impl IbCyc for IbFive {
    // `IbCycWrap<IbFive>::c` needs `IbFive: IbCyc`: this very impl.
    // expect: error
    open spec fn c() -> int { IbCycWrap::<IbFive>::c() }
}


// ---- equality bounds on associated types: `A: Assoc<Item = u8>` makes `A::Item` be `u8`

// expect: verified
spec fn eq_item_small<A: Assoc<Item = u8>>(a: &A) -> bool { a.item() < 200 }

// `A::Item` is `u8` here: a `u8` is what `item` returns.
// expect: verified
spec fn eq_item_is_u8<A: Assoc<Item = u8>>(a: &A) -> u8 { a.item() }

// expect: failed assertion
proof fn eq_item_value_unknown<A: Assoc<Item = u8>>(a: &A) {
    assert(a.item() == 3u8);
}

// Without the equality, `A::Item` is not `u8`.
// expect: error
spec fn eq_item_not_u8<A: Assoc>(a: &A) -> u8 { a.item() }

// expect: verified
proof fn eq_item_at_impl(h: HasAssoc)
    requires h.v == 7,
{
    assert(eq_item_small(&h));
}

// rustc: `<HasAssocWide as Assoc>::Item` is `u64`, not `u8`.
// expect: error
proof fn eq_item_mismatch(h: HasAssocWide) {
    assert(eq_item_small(&h));
}

// The caller's own bound passes the equality on.
// expect: verified
proof fn eq_item_passed<B: Assoc<Item = u8>>(b: &B) {
    assert(eq_item_small(b) == (b.item() < 200));
}

// Without it, `B::Item` is not known to be `u8`.
// expect: error
proof fn eq_item_not_passed<B: Assoc>(b: &B) {
    assert(eq_item_small(b) == eq_item_small(b));
}


// ---- more programs that must not verify (one wrong claim per feature above)

// A supertrait's contract says nothing of the subtrait's spec methods.
// expect: failed postcondition
proof fn st_named_wrong<X: StNamed>(x: &X)
    ensures x.name_len() > 0,
{
    x.sides_pos();
}

// The default body (7), not the override's (8), at a type that keeps it.
// expect: failed assertion
proof fn sd_keep_wrong(k: SdKeep) {
    assert(k.d() == 8);
}

// `u8`'s impl: 7 + 1.
// expect: failed assertion
fn prim_exec_wrong() {
    let b: u8 = 7;
    let r = b.size_exec();
    assert(r == 7);
}

// A generic method's spec at a type parameter is unknown.
// expect: failed assertion
proof fn gm_holds_unknown<X: GmPick>(x: &X) {
    assert(x.holds(1u8));
}

// `get` returns the item, not something else.
// expect: failed assertion
fn as_get_other<A: Assoc>(a: &A)
    requires A::ok(a.item()),
{
    let r = a.get();
    assert(r != a.item());
}

// expect: failed assertion
fn as_wide_unknown(h: &HasAssocWide) {
    let r = as_get(h);
    assert(r == 0);
}

// The trait's promise is about the result, not the argument.
// expect: failed assertion
fn gt_generic2_wrong<B, X: GtScore<B>>(x: &X, b: B) {
    let r = x.pick(b);
    assert(x.good(b));
}

// At `GtBad` (`A = bool`), `good(r)` is `r`.
// expect: failed assertion
fn gt_at_bad(g: &GtBad) {
    let r = gt_generic2(g, false);
    assert(!r);
}

// Generic code does not know which impl `X` has.
// expect: failed assertion
proof fn ib_generic_unknown<X: IbT>() {
    assert(X::t() == 6);
}

// expect: failed assertion
proof fn eq_item_passed_unknown<B: Assoc<Item = u8>>(b: &B) {
    assert(eq_item_small(b));
}

// expect: failed assertion
proof fn eq_item_at_impl_wrong(h: HasAssoc)
    requires h.v == 250,
{
    assert(eq_item_small(&h));
}

// `reveal(<A as Tr>::f)`: the implementation of `f` for `A`
trait RvTr {
    spec fn rv_f(&self) -> bool;
}

struct RvA {
    x: u8,
}

impl RvTr for RvA {
    // expect: verified
    #[verifier::opaque]
    spec fn rv_f(&self) -> bool {
        self.x < 200
    }
}

impl RvA {
    // expect: verified
    proof fn rv_revealed(&self)
        requires self.x == 3,
    {
        reveal(<RvA as RvTr>::rv_f);
        assert(self.rv_f());
    }

    // expect: failed assertion
    proof fn rv_not_revealed(&self)
        requires self.x == 3,
    {
        assert(self.rv_f());
    }

    // expect: failed assertion
    proof fn rv_revealed_but_false(&self)
        requires self.x == 250,
    {
        reveal(<RvA as RvTr>::rv_f);
        assert(self.rv_f());
    }

    // Verus: "Self is not supported in reveal/hide"
    // expect: error
    proof fn rv_self_qualified(&self) {
        reveal(<Self as RvTr>::rv_f);
    }

    // expect: verified
    proof fn rv_hide_reveal(&self)
        requires self.x == 3,
    {
        hide(<RvA as RvTr>::rv_f);
        reveal(<RvA as RvTr>::rv_f);
        assert(self.rv_f());
    }

    // expect: failed assertion
    proof fn rv_hide(&self)
        requires self.x == 3,
    {
        hide(<RvA as RvTr>::rv_f);
        assert(self.rv_f());
    }
}

// ---- `#[verifier::impls_cannot_extend_spec]`: an impl may not add `ensures`, so a call through
// the trait and one on the type mean the same

pub trait IcZip {
    spec fn ic_val(self) -> u8;
    fn ic_get(self) -> (r: u8)
        ensures r == self.ic_val();
    #[verifier::impls_cannot_extend_spec]
    fn ic_pair<U: IcZip>(self, other: U) -> (r: (u8, u8))
        ensures r.0 == self.ic_val() && r.1 == other.ic_val();
}

pub struct Ic42 {}

impl IcZip for Ic42 {
    // expect: verified
    open spec fn ic_val(self) -> u8 { 42 }
    // expect: verified
    fn ic_get(self) -> u8 { 42 }
    // expect: verified
    fn ic_pair<U: IcZip>(self, other: U) -> (r: (u8, u8)) {
        let y = other.ic_get();
        (42, y)
    }
}

pub struct Ic7 {}

impl IcZip for Ic7 {
    // expect: verified
    open spec fn ic_val(self) -> u8 { 7 }
    // expect: verified
    fn ic_get(self) -> u8 { 7 }
    // Verus: "trait method implementation cannot declare ensures clauses because the trait
    // declaration is marked impls_cannot_extend_spec"
    // expect: error
    fn ic_pair<U: IcZip>(self, other: U) -> (r: (u8, u8))
        ensures r.0 == 7,
    {
        let y = other.ic_get();
        (7, y)
    }
}

// expect: verified
fn ic_generic<I: IcZip>(a: I, b: I) -> (r: (u8, u8))
    ensures r.0 == a.ic_val() && r.1 == b.ic_val(),
{
    a.ic_pair(b)
}

// expect: verified
fn ic_use() {
    let v = ic_generic(Ic42 {}, Ic42 {});
    assert(v.0 == 42 && v.1 == 42);
}

// expect: failed assertion
fn ic_use_wrong() {
    let v = ic_generic(Ic42 {}, Ic42 {});
    assert(v.0 == 7);
}

// Only an exec trait method may be marked: Verus's error on a spec one, and on a free function.
// expect: error
pub trait IcSpec {
    #[verifier::impls_cannot_extend_spec]
    spec fn ic_s(&self) -> bool;
}

// expect: error
#[verifier::impls_cannot_extend_spec]
fn ic_free() {}

// A declaration without a body has nothing to exempt from termination checks (Verus's error);
// a default body may be exempt.
// expect: error
pub trait IcNoDec {
    #[verifier::exec_allows_no_decreases_clause]
    fn ic_b();
}

pub trait IcDec {
    // expect: verified
    #[verifier::exec_allows_no_decreases_clause]
    fn ic_spin() {
        loop {}
    }
}

// `#[verifier::inline]` on a trait's default spec body is not modelled: inlining it at a type
// parameter would give generic code the default although an impl may override it (Verus's issue
// 1407). If it is ever modelled, `inl_generic` must fail.
pub trait InlTr {
    // expect: unsupported
    #[verifier::inline]
    spec fn inl_foo(&self) -> bool { true }
}

// expect: unsupported
proof fn inl_generic<T: InlTr>(t: &T) {
    assert(t.inl_foo());
}

// A trait's `uninterp spec fn` has no definition, in the trait or in an impl (Verus: "trait
// method implementation cannot be marked as `uninterp`"): here an impl's definition together
// with the trusted default lemma would prove `false.un_bar()`.
trait UnTr {
    uninterp spec fn un_bar(&self) -> bool;

    // expect: verified
    #[verifier::external_body]
    proof fn un_lemma(&self)
        ensures
            self.un_bar(),
    {
    }
}

impl UnTr for bool {
    // expect: error
    spec fn un_bar(&self) -> bool { *self }
}

// expect: error
proof fn un_use() {
    let t = false;
    t.un_lemma();
    assert(t.un_bar());
}

pub struct UnS {}

// an impl that leaves it out is complete
impl UnTr for UnS {}

// expect: verified
proof fn un_use_other(s: UnS) {
    s.un_lemma();
    assert(s.un_bar());
}

// without the lemma nothing is known of it
// expect: failed assertion
proof fn un_unknown(s: UnS) {
    assert(s.un_bar());
}

// std's `Drop`: its method is verified as the type's own (`DrA::drop`); Verus's rules: no
// `requires`, `opens_invariants none`, `no_unwind`; nothing calls it (rustc's E0040).
struct DrA {
    v: u64,
}

impl Drop for DrA {
    // expect: verified
    fn drop(&mut self)
        opens_invariants none
        no_unwind
    {
        self.v = 0;
    }
}

struct DrB {
    v: u64,
}

impl Drop for DrB {
    // expect: failed assertion
    fn drop(&mut self)
        opens_invariants none
        no_unwind
    {
        assert(self.v == 0);
    }
}

struct DrC {
    v: u64,
}

// expect: error
impl Drop for DrC {
    fn drop(&mut self)
        opens_invariants none
    {
    }
}

struct DrD {
    v: u64,
}

// expect: error
impl Drop for DrD {
    fn drop(&mut self)
        requires
            self.v == 0,
        opens_invariants none
        no_unwind
    {
    }
}

// expect: error
fn dr_explicit_call(a: &mut DrA) {
    a.drop();
}

// A bound written as a path to a trait of another module
mod tm_m {
    pub trait TmSize {
        spec fn size(&self) -> nat;

        proof fn size_pos(&self)
            ensures
                self.size() > 0;
    }
}

pub struct TmBox {
    pub n: nat,
}

impl tm_m::TmSize for TmBox {
    // expect: verified
    open spec fn size(&self) -> nat {
        self.n + 1
    }

    // expect: verified
    proof fn size_pos(&self) {
    }
}

// expect: verified
proof fn tm_path_bound<A: crate::tm_m::TmSize>(a: &A)
    ensures
        a.size() > 0,
{
    a.size_pos();
}

// expect: failed postcondition
proof fn tm_path_bound_wrong<A: crate::tm_m::TmSize>(a: &A)
    ensures
        a.size() > 1,
{
    a.size_pos();
}

// Verus's `no_method_body()` ends its expanded form of a trait method's specification; written
// anywhere else it is Verus's error.
trait TrNoBody {
    // expect: error
    fn semi(&self) {
        no_method_body();
    }

    // expect: error
    fn after_statement(&self) {
        let b = true;
        no_method_body()
    }

    // expect: verified
    fn fine(&self) -> (r: bool) ensures r { true }
}

// expect: error
fn tr_no_method_body_in_free_fn() {
    no_method_body()
}

// Verus's `default_ensures`: what a trait method's default body gives on top of `ensures`. The
// body must give it; a call that runs that body (at a type whose impl keeps it) knows it; a call
// through the trait, or of an impl that overrides the method, knows only `ensures`. Anywhere else
// it is Verus's error.
trait TrDefaultEnsures {
    // expect: verified
    fn f(i: u32) -> (r: u32)
        ensures r <= i,
        default_ensures r == i / 2,
    {
        i / 2
    }
}

trait TrDefaultEnsuresBroken {
    // expect: failed postcondition
    fn h(i: u32) -> (r: u32)
        ensures r <= i,
        default_ensures r == i / 2,
    {
        i
    }
}

impl TrDefaultEnsures for u8 {
}

impl TrDefaultEnsures for u16 {
    // expect: verified
    fn f(i: u32) -> (r: u32) {
        i / 3
    }
}

// expect: verified
fn tr_default_ensures_kept() {
    let r = <u8 as TrDefaultEnsures>::f(6);
    assert(r == 3);
}

// expect: failed assertion
fn tr_default_ensures_overridden() {
    let r = <u16 as TrDefaultEnsures>::f(6);
    assert(r == 3);
}

// expect: failed assertion
fn tr_default_ensures_generic<A: TrDefaultEnsures>() {
    let r = A::f(6);
    assert(r <= 6);
    assert(r == 3);
}

// expect: error
trait TrDefaultEnsuresNoBody {
    fn g(i: u32) -> (r: u32)
        ensures r <= i,
        default_ensures r == i / 2;
}

// expect: error
fn tr_default_ensures_free(i: u32) -> (r: u32)
    ensures r <= i,
    default_ensures r == i / 2,
{
    i / 2
}

// expect: error
fn tr_default_ensures_builtin(i: u32) {
    assert((verus_builtin::default_ensures)(true));
}

// ---- std's `Clone` and `Copy` for the crate's datatypes: `clone` is the type's own method (its
// contract is its own), `Copy` makes the values copied; rustc's rules for both

struct TrCl { a: u8, g: Ghost<int> }

impl Clone for TrCl {
    // expect: verified
    fn clone(&self) -> (r: Self)
        ensures r == *self
    {
        *self
    }
}

impl Copy for TrCl {}

// expect: verified
fn tr_clone_copy(s: TrCl) {
    let x = s;
    let y = s;
    let z = s.clone();
    assert(x == y && z == s);
}

struct TrClOnly { a: u8 }

impl Clone for TrClOnly {
    // expect: verified
    fn clone(&self) -> Self { TrClOnly { a: self.a } }
}

// a clone promises only what its `ensures` says (here nothing: the counterexample is spurious,
// the clone's body would give the same `a`)
// expect: failed assertion
fn tr_clone_weak(t: TrClOnly) {
    let u = t.clone();
    assert(u.a == t.a);
}

// (not `Copy`: used twice, moved twice)
// expect: error
fn tr_clone_not_copy(t: TrClOnly) {
    let u = t;
    let v = t;
}

// `Copy` needs `Clone`
struct TrNoClone { a: u8 }
// expect: error
impl Copy for TrNoClone {}

// an implemented `Copy`, like a derived one, needs `Copy` fields (rustc's E0204)
// expect: error
struct TrBoxCopy { b: Box<u8> }

impl Clone for TrBoxCopy {
    // expect: verified
    fn clone(&self) -> Self { TrBoxCopy { b: Box::new(0) } }
}

impl Copy for TrBoxCopy {}

// `clone` must be `fn(&Self) -> Self`
struct TrBadClone { a: u8 }
// expect: error
impl Clone for TrBadClone {
    fn clone(&self) -> u8 { 0 }
}

// a type that is not `Clone`: `x.clone()` of a `&X` clones the reference (the same value); of
// an `X` there is no `clone`
struct TrNotClone { a: u8 }

// expect: verified
fn tr_ref_clone(x: &TrNotClone) {
    let y = x.clone();
    assert(y.a == x.a);
}

// expect: error
fn tr_value_clone_not_clone(x: TrNotClone) {
    let y = x.clone();
}

// the clone of a `Ghost<T>`, or of a `Tracked<T>` of a `Copy` `T`, is the wrapper's: the same value
// expect: verified
fn tr_ghost_clone(g: Ghost<int>, t: Tracked<TrCl>) {
    let h = g.clone();
    assert(h@ == g@);
    let u = t.clone();
    assert(u == t);
}

// expect: failed assertion
fn tr_ghost_clone_wrong(g: Ghost<int>) {
    let h = g.clone();
    assert(h@ == g@ + 1);
}

// `#[verifier::external_derive]`: the derived impls are external (Verus neither verifies nor lets
// verified code call them); `Copy` stays what it is
#[derive(Clone, Copy)]
#[verifier::external_derive]
struct TrExtDerive { a: u8 }

// expect: error
fn tr_external_derive_clone(x: TrExtDerive) {
    let y = x.clone();
}

// expect: verified
fn tr_external_derive_copy(x: TrExtDerive) {
    let y = x;
    let z = x;
    assert(y.a == z.a);
}

// A method's `where` bound on its impl's parameter holds in that method only.
pub struct TwHolder<S> {
    pub t: S,
}

pub trait TwShape {
    spec fn area(&self) -> nat;

    fn exec_area(&self) -> (r: u64)
        ensures r == self.area();
}

pub struct TwSquare {
    pub side: u32,
}

impl TwShape for TwSquare {
    // expect: verified
    open spec fn area(&self) -> nat {
        (self.side + self.side) as nat
    }

    // expect: verified
    fn exec_area(&self) -> (r: u64) {
        (self.side as u64) + (self.side as u64)
    }
}

impl<S> TwHolder<S> {
    // expect: verified
    fn tw_area(&self) -> (r: u64)
        where S: TwShape
        ensures r == self.t.area(),
    {
        self.t.exec_area()
    }

    // expect: failed postcondition
    fn tw_area_wrong(&self) -> (r: u64)
        where S: TwShape
        ensures r == self.t.area() + 1,
    {
        self.t.exec_area()
    }

    // (another method of the impl has no such bound)
    // expect: error
    fn tw_unbounded(&self) -> u64 {
        self.t.exec_area()
    }
}

// expect: verified
fn tw_use(h: TwHolder<TwSquare>) {
    let a = h.tw_area();
    assert(a == h.t.area());
}

// (a type that does not implement the trait cannot call the method)
// expect: error
fn tw_use_unbounded(h: TwHolder<u8>) {
    let a = h.tw_area();
}

// a default method called through the module path of the type that keeps it
pub trait TdmTr {
    spec fn tdm_f() -> int;
    proof fn tdm_g() ensures Self::tdm_f() > 10;
    // expect: verified
    proof fn tdm_h() ensures Self::tdm_f() >= 10 {
        Self::tdm_g()
    }
}

mod tdm_m {
    pub struct TdmS;
    impl crate::TdmTr for TdmS {
        // expect: verified
        closed spec fn tdm_f() -> int { 15 }
        // expect: verified
        proof fn tdm_g() {}
    }
}

// expect: verified
proof fn tdm_through_module() {
    crate::tdm_m::TdmS::tdm_h();
    assert(crate::tdm_m::TdmS::tdm_f() >= 10);
}

// (the default method's postcondition is `>= 10`; `f`'s body is closed in its module)
// expect: failed assertion
proof fn tdm_through_module_more() {
    tdm_m::TdmS::tdm_h();
    assert(tdm_m::TdmS::tdm_f() > 10);
}

// (`tdm_f`'s body is closed in its module: its value is not known here)
// expect: failed assertion
proof fn tdm_closed_value() {
    assert(crate::tdm_m::TdmS::tdm_f() == 15);
}

} // verus!
