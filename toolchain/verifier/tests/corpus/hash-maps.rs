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

// `m[k]` in ghost code is the view's value (vstd's `spec_index`)
// expect: verified
proof fn hm_spec_index(m: HashMap<u64, Vec<bool>>, k: u64)
    requires
        m@.contains_key(k),
        m[k]@ == seq![true],
    ensures
        m@[k]@ == seq![true],
{
}

// expect: failed postcondition
proof fn hm_spec_index_wrong(m: HashMap<u64, Vec<bool>>, k: u64)
    requires
        m@.contains_key(k),
        m[k]@ == seq![true],
    ensures
        m@[k]@ == seq![false],
{
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


// vstd's `StringHashMap` / `StringHashSet`: keys by their characters
// expect: verified
fn shm_insert_get() {
    let mut m = vstd::hash_map::StringHashMap::<u8>::new();
    let k: String = "key".to_owned();
    m.insert(k.clone(), 7);
    assert(m@.contains_key(k@) && m@[k@] == 7);
    let v = m.get(k.as_str());
    match v {
        Some(x) => assert(*x == 7),
        None => assert(false),
    }
    m.clear();
    assert(!m@.contains_key(k@));
    assert(m.len() == 0) by {
        vstd::hash_map::axiom_string_hash_map_spec_len(&m);
    }
}

// expect: failed assertion
fn shm_removed_still_there() {
    let mut m = vstd::hash_map::StringHashMap::<u8>::new();
    let k: String = "key".to_owned();
    m.insert(k.clone(), 7);
    m.remove(k.as_str());
    assert(m@.contains_key(k@));
}

// expect: verified
fn shs_insert_twice() {
    let mut s = vstd::hash_set::StringHashSet::new();
    let a: String = "a".to_owned();
    let first = s.insert(a.clone());
    let second = s.insert(a.clone());
    assert(first && !second);
    assert(s.len() == 1) by {
        vstd::hash_set::axiom_string_hash_set_spec_len(&s);
    }
}

// expect: failed assertion
fn shs_len_wrong() {
    let mut s = vstd::hash_set::StringHashSet::new();
    let a: String = "a".to_owned();
    s.insert(a.clone());
    assert(s.len() == 2) by {
        vstd::hash_set::axiom_string_hash_set_spec_len(&s);
    }
}

// vstd's HashMapWithView / HashSetWithView (library/vstd/hash_with_view.rs): keys known by their
// view; making one needs the key model and an injective view
pub struct HwKey {
    pub a: u16,
    pub b: u16,
}

impl Hash for HwKey {
    // expect: verified
    #[verifier::external_body]
    fn hash<H: Hasher>(&self, state: &mut H) {
    }
}

impl View for HwKey {
    type V = (HwKey, int);

    // expect: verified
    open spec fn view(&self) -> (HwKey, int) {
        (*self, self.a + self.b)
    }
}

// expect: verified
fn hw_map() {
    assume(obeys_key_model::<HwKey>());
    let mut m = vstd::hash_map::HashMapWithView::<HwKey, u32>::new();
    m.insert(HwKey { a: 1, b: 2 }, 7);
    let w = (HwKey { a: 1, b: 2 }, 3int);
    assert(m@[w] == 7);
    assert(m.len() == 1) by {
        vstd::hash_map::axiom_hash_map_with_view_spec_len(&m);
    }
    let b = m.contains_key(&HwKey { a: 1, b: 2 });
    assert(b);
    m.remove(&HwKey { a: 1, b: 2 });
    assert(!m@.contains_key(w));
}

// (the view of a key is not the key: a lookup by the key's value alone means nothing)
// expect: failed assertion
fn hw_map_wrong_view() {
    assume(obeys_key_model::<HwKey>());
    let mut m = vstd::hash_map::HashMapWithView::<HwKey, u32>::new();
    m.insert(HwKey { a: 1, b: 2 }, 7);
    assert(m@.contains_key((HwKey { a: 1, b: 2 }, 4int)));
}

// expect: failed precondition
fn hw_map_without_model() {
    let mut m = vstd::hash_map::HashMapWithView::<HwKey, u32>::new();
}

// expect: verified
fn hw_set() {
    assume(obeys_key_model::<HwKey>());
    let mut s = vstd::hash_set::HashSetWithView::<HwKey>::new();
    let fresh = s.insert(HwKey { a: 1, b: 2 });
    assert(fresh);
    assert(s@.contains((HwKey { a: 1, b: 2 }, 3int)));
    let again = s.insert(HwKey { a: 1, b: 2 });
    assert(!again);
}

// A view that forgets part of the key: two keys of one view would be one entry, so none can be made.
pub struct HwLossy {
    pub a: u16,
    pub b: u16,
}

impl Hash for HwLossy {
    // expect: verified
    #[verifier::external_body]
    fn hash<H: Hasher>(&self, state: &mut H) {
    }
}

impl View for HwLossy {
    type V = u16;

    // expect: verified
    open spec fn view(&self) -> u16 {
        self.a
    }
}

// expect: failed precondition
fn hw_lossy_view() {
    assume(obeys_key_model::<HwLossy>());
    let mut s = vstd::hash_set::HashSetWithView::<HwLossy>::new();
}

} // verus!
