// Several impls of one trait for one type, told apart by the type's arguments (`impl T for
// TptPair<u8>`, `impl T for TptPair<bool>`): a call picks the impl of the receiver's type (or of the
// type written, `TptPair::<u8>::m()`), and each impl's methods are verified against the trait.
verus! {

pub struct TptPair<A> { pub a: A, pub b: A }

pub trait TptTag {
    spec fn tag(&self) -> int;
    spec fn kind() -> int;
    fn weight(&self) -> (r: u64)
        ensures r > 0;
}

impl TptTag for TptPair<u8> {
    // expect: verified
    open spec fn tag(&self) -> int { self.a as int }
    // expect: verified
    open spec fn kind() -> int { 8 }
    // expect: verified
    fn weight(&self) -> u64 { 1 }
}

impl TptTag for TptPair<bool> {
    // expect: verified
    open spec fn tag(&self) -> int { if self.a { 1 } else { 0 } }
    // expect: verified
    open spec fn kind() -> int { 1 }
    // The trait's `ensures` holds of each impl: this one breaks it.
    // expect: failed postcondition
    fn weight(&self) -> u64 { 0 }
}

// Each call means its receiver's impl.
// expect: verified
proof fn tpt_by_receiver(x: TptPair<u8>, y: TptPair<bool>)
    requires x.a == 3, y.a,
{
    assert(x.tag() == 3);
    assert(y.tag() == 1);
}

// The other impl's definition is not this one's.
// expect: failed assertion
proof fn tpt_wrong_impl(y: TptPair<bool>)
    requires y.a,
{
    assert(y.tag() == 3);
}

// expect: verified
proof fn tpt_by_written_type() {
    assert(TptPair::<u8>::kind() == 8);
    assert(TptPair::<bool>::kind() == 1);
}

// expect: failed assertion
proof fn tpt_written_types_differ() {
    assert(TptPair::<u8>::kind() == TptPair::<bool>::kind());
}

// An exec method of one of the impls, with the trait's contract.
// expect: verified
fn tpt_exec(x: TptPair<u8>) {
    let w = x.weight();
    assert(w > 0);
}

// A receiver whose type's argument is a parameter does not pick an impl.
// expect: unsupported
proof fn tpt_not_told_apart<A>(x: TptPair<A>) {
    assert(x.tag() == x.tag());
}

// ---- impls told apart by the trait's arguments (`impl TptConv<u8> for TptUnit`, `<u16>`)

pub struct TptUnit {}

pub trait TptConv<A> {
    spec fn accepts(&self, a: A) -> bool;
    fn widen(a: A) -> (r: u64)
        requires a == a,
        ensures r < 0x10000;
}

impl TptConv<u8> for TptUnit {
    // expect: verified
    open spec fn accepts(&self, a: u8) -> bool { true }
    // expect: verified
    fn widen(a: u8) -> u64 { a as u64 }
}

impl TptConv<u16> for TptUnit {
    // expect: verified
    open spec fn accepts(&self, a: u16) -> bool { a < 10 }
    // expect: verified
    fn widen(a: u16) -> u64 { a as u64 }
}

// By what the arguments evidently are (a suffixed literal, a local's type), and by the trait's
// arguments written.
// expect: verified
proof fn tpt_by_argument(x: TptUnit, small: u16) {
    assert(x.accepts(200u8));
    assert(!x.accepts(200u16));
    assert(<TptUnit as TptConv<u8>>::accepts(&x, 7u8));
}

// The `u16` impl's definition is not the `u8` one's.
// expect: failed assertion
proof fn tpt_by_argument_wrong(x: TptUnit) {
    assert(x.accepts(200u16));
}

// expect: verified
fn tpt_exec_by_trait_args(a: u8) {
    let r = <TptUnit as TptConv<u16>>::widen(a as u16);
    assert(r < 0x10000);
}

// expect: failed assertion
fn tpt_exec_by_trait_args_overclaim(a: u8) {
    let r = <TptUnit as TptConv<u8>>::widen(a);
    assert(r < 0x100);
}

} // verus!
