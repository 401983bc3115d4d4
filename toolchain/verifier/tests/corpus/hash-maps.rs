// std's HashMap / HashSet through the library's specification (library/vstd/hash.rs): the views,
// what each operation does to them for a key type that obeys vstd's key model (the integer types
// by vstd's axioms; a user's type only where the user assumes it), and the size of the view.
// Programs that must fail sit next to the ones that verify.
use std::collections::HashMap;
use std::collections::HashSet;
use std::collections::hash_map::DefaultHasher;
use vstd::prelude::*;

verus! {

// expect: verified
fn hm_insert_get_remove() {
    let mut m = HashMap::<u32, i8>::new();
    assert(m@ == Map::<u32, i8>::empty());
    let old = m.insert(3, 4);
    assert(old is None);
    m.insert(6, -8);
    let again = m.insert(3, 5);
    assert(again == Some(4i8));
    assert(m@[3] == 5);
    assert(m.len() == 2);
    match m.get(&6) {
        Some(v) => assert(*v == -8),
        None => assert(false),
    }
    let gone = m.remove(&6);
    assert(gone == Some(-8i8));
    assert(!m@.contains_key(6));
    let b = m.contains_key(&6);
    assert(!b);
    m.clear();
    assert(m@.is_empty());
}

// expect: failed assertion
fn hm_insert_keeps_old_value_wrong() {
    let mut m = HashMap::<u32, i8>::new();
    m.insert(3, 4);
    m.insert(3, 5);
    assert(m@[3] == 4);
}

// expect: failed assertion
fn hm_len_wrong() {
    let mut m = HashMap::<u64, u64>::new();
    m.insert(1, 1);
    m.insert(1, 2);
    assert(m.len() == 2);
}

// expect: verified
fn hs_insert_contains_remove() {
    let mut s = HashSet::<u64>::new();
    let fresh = s.insert(7);
    assert(fresh);
    let again = s.insert(7);
    assert(!again);
    assert(s.len() == 1);
    let b = s.contains(&7);
    assert(b);
    let r = s.remove(&7);
    assert(r && s@.is_empty());
}

// expect: failed assertion
fn hs_remove_absent_wrong() {
    let mut s = HashSet::<u64>::new();
    let r = s.remove(&7);
    assert(r);
}

// A key type of the user's own: what a lookup says of the view needs the key model, which the
// library does not give it.
#[derive(PartialEq, Eq)]
struct HmKey {
    a: u16,
}

impl Hash for HmKey {
    // (trusted: its body is not verified)
    // expect: verified
    #[verifier::external_body]
    fn hash<H: Hasher>(&self, state: &mut H) {
    }
}

// expect: failed assertion
fn hm_user_key_without_model() {
    let mut m = HashMap::<HmKey, u8>::new();
    m.insert(HmKey { a: 1 }, 2);
    assert(m@.contains_key(HmKey { a: 1 }));
}

// expect: verified
fn hm_user_key_with_model() {
    assume(obeys_key_model::<HmKey>());
    let mut m = HashMap::<HmKey, u8>::new();
    m.insert(HmKey { a: 1 }, 2);
    assert(m@.contains_key(HmKey { a: 1 }));
    let b = m.contains_key(&HmKey { a: 1 });
    assert(b);
}

// std's DefaultHasher: the same writes give the same digest; different ones say nothing
// expect: verified
fn hm_hasher_same_writes() {
    let mut h1 = DefaultHasher::new();
    let mut h2 = DefaultHasher::new();
    let v: Vec<u8> = vec![1u8, 2u8];
    h1.write(v.as_slice());
    h2.write(v.as_slice());
    assert(h1@ =~= h2@);
    let d1 = h1.finish();
    let d2 = h2.finish();
    assert(d1 == d2);
}

// expect: failed assertion
fn hm_hasher_different_writes_wrong() {
    let mut h1 = DefaultHasher::new();
    let h2 = DefaultHasher::new();
    let v: Vec<u8> = vec![1u8];
    h1.write(v.as_slice());
    let d1 = h1.finish();
    let d2 = h2.finish();
    assert(d1 == d2);
}

} // verus!
