// Specifications of datatypes Verus does not read: an `#[verifier::external]` struct or enum of
// the crate, given by an `external_type_specification` proxy. Without `external_body` on the
// proxy the datatype is transparent (built and read as written); with it, opaque: only trusted
// code builds or reads its values, and nothing is known about them but what their functions say.
// Also an `external_body` datatype written as such, and the recursion attributes.
use vstd::prelude::*;

verus! {

#[verifier::external]
struct EtPair<A> {
    left: A,
    right: A,
}

#[verifier::external_type_specification]
struct ExEtPair<A>(EtPair<A>);

#[verifier::external]
enum EtChoice {
    Yes(u8),
    No,
}

#[verifier::external_type_specification]
struct ExEtChoice(EtChoice);

#[verifier::external]
struct EtHandle {
    id: u64,
}

#[verifier::external_type_specification]
#[verifier::external_body]
struct ExEtHandle(EtHandle);

// Never specified: verified code may not name it (Verus: "cannot use type `EtHidden` which is ignored").
#[verifier::external]
struct EtHidden {
    secret: u64,
}

#[verifier::external_body]
#[verifier::reject_recursive_types(T)]
struct EtCell<T> {
    value: T,
}

// ---- transparent: as written

// expect: verified
fn et_transparent_struct() {
    let p = EtPair { left: 1u8, right: 2u8 };
    assert(p.left + 1 == p.right);
}

// expect: failed assertion
fn et_transparent_struct_wrong() {
    let p = EtPair { left: 1u8, right: 2u8 };
    assert(p.left == p.right);
}

// expect: verified
fn et_transparent_enum(c: EtChoice) -> (r: u8)
    ensures c is No ==> r == 0,
{
    match c {
        EtChoice::Yes(x) => x,
        EtChoice::No => 0,
    }
}

// expect: failed postcondition
fn et_transparent_enum_wrong(c: EtChoice) -> (r: u8)
    ensures r == 0,
{
    match c {
        EtChoice::Yes(x) => x,
        EtChoice::No => 0,
    }
}

// ---- opaque: values exist, nothing inside is visible

// expect: verified
#[verifier::external_body]
fn et_handle_new(id: u64) -> (h: EtHandle) {
    EtHandle { id }
}

// expect: verified
fn et_opaque_equal_to_itself(h: EtHandle) {
    assert(h == h);
}

// expect: failed assertion
fn et_opaque_two_values_unknown(h: EtHandle, k: EtHandle) {
    assert(h == k);
}

// expect: error
fn et_opaque_constructor() {
    let h = EtHandle { id: 1 };
}

// expect: error
fn et_opaque_field(h: EtHandle) -> u64 {
    h.id
}

// expect: failed assertion
fn et_opaque_written_values_unknown(a: EtCell<u8>, b: EtCell<u8>) {
    assert(a == b);
}

// expect: error
fn et_opaque_written_pattern(a: EtCell<u8>) {
    let EtCell { value } = a;
}

// expect: error
fn et_ignored_type(h: EtHidden) -> u64 {
    7
}

} // verus!
