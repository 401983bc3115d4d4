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

} // verus!
