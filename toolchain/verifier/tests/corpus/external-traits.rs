// Specifications of traits Verus does not read: an `#[verifier::external]` trait of the crate, given
// its method declarations by an `external_trait_specification` proxy. Impls are verified against
// the proxy's contracts and callers get them; an external default body is trusted, so only its
// contract is known; an extension (`EtSpec via EtSpecImpl`) adds spec fns each impl defines.
verus! {

#[verifier::external]
trait EtShape {
    fn area(&self) -> u64;
    fn grow(&mut self, k: u64);
    fn sides(&self) -> u64 { 4 }
}

#[verifier::external_trait_specification]
#[verifier::external_trait_extension(EtShapeSpec via EtShapeSpecImpl)]
trait ExEtShape {
    type ExternalTraitSpecificationFor: EtShape;

    spec fn size(&self) -> int;

    fn area(&self) -> (r: u64)
        requires self.size() < 1000,
        ensures r as int == self.size() * 2;

    fn grow(&mut self, k: u64)
        requires k < 10, old(self).size() < 1000,
        ensures self.size() == old(self).size() + k;

    // The external trait's default body, trusted (`external_body`): reported verified, not checked.
    // expect: verified
    fn sides(&self) -> (r: u64)
        ensures r >= 3;
}

pub struct EtSquare { pub side: u64 }

impl EtShape for EtSquare {
    // The proxy's `requires` bounds the side; its `ensures` is proved here.
    // expect: verified
    fn area(&self) -> u64 { self.side * 2 }

    // expect: verified
    fn grow(&mut self, k: u64) { self.side = self.side + k; }
}

impl EtShapeSpecImpl for EtSquare {
    // expect: verified
    open spec fn size(&self) -> int { self.side as int }
}

pub struct EtBad { pub n: u64 }

impl EtShape for EtBad {
    // The proxy's `ensures` is checked against the impl: this area is wrong.
    // expect: failed postcondition
    fn area(&self) -> u64 { self.n }

    // expect: verified
    fn grow(&mut self, k: u64) { self.n = self.n + k; }
}

impl EtShapeSpecImpl for EtBad {
    // expect: verified
    open spec fn size(&self) -> int { self.n as int }
}

// A caller generic over the external trait gets the proxy's contract.
// expect: verified
fn et_generic<S: EtShape>(s: &S) -> (r: u64)
    requires s.size() < 1000,
    ensures r as int == s.size() * 2,
{
    s.area()
}

// The proxy's `requires` binds every caller.
// expect: failed precondition
fn et_generic_unchecked<S: EtShape>(s: &S) -> u64 {
    s.area()
}

// The contract says nothing more than it says.
// expect: failed assertion
fn et_generic_overclaim<S: EtShape>(s: &S)
    requires s.size() < 1000,
{
    let a = s.area();
    assert(a > 0);
}

// On a concrete type: the impl's method, with the extension's spec fn unfolded.
// expect: verified
fn et_square() {
    let mut sq = EtSquare { side: 3 };
    let a = sq.area();
    assert(a == 6);
    sq.grow(2);
    assert(sq.side == 5);
}

// `EtShapeSpec` is the trait: its spec fn by the extension's name.
// expect: verified
proof fn et_spec_name(sq: EtSquare) {
    assert(EtShapeSpec::size(&sq) == sq.side);
    assert(<EtSquare as EtShapeSpec>::size(&sq) == sq.side);
}

// expect: failed assertion
proof fn et_spec_name_wrong(sq: EtSquare) {
    assert(EtShapeSpec::size(&sq) == sq.side + 1);
}

// The external default body is trusted, not read: only its `ensures` is known.
// expect: verified
fn et_default_contract() {
    let sq = EtSquare { side: 1 };
    let n = sq.sides();
    assert(n >= 3);
}

// expect: failed assertion
fn et_default_body_unknown() {
    let sq = EtSquare { side: 1 };
    let n = sq.sides();
    assert(n == 4);
}

// An `#[verifier::external]` impl says the type implements the trait; its methods are not read,
// so a call through it (even of a default the impl may override) is not modelled.
pub struct EtOpaqueShape { pub k: u64 }

#[verifier::external]
impl EtShape for EtOpaqueShape {
    fn area(&self) -> u64 { 0 }
    fn grow(&mut self, k: u64) { }
}

// expect: unsupported
fn et_through_external_impl(s: EtOpaqueShape) {
    let n = s.sides();
    assert(n >= 3);
}

} // verus!
