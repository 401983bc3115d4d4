// std's BTreeMap / BTreeSet through the library's specification (library/vstd/btree.rs), and the
// `default()` constructors of the library's collections: what each operation does to the view
// holds for a key type whose ordering obeys `obeys_cmp` (the integer types by the library's
// axioms; a user's type only where the user assumes it). Programs that must fail sit next to the
// ones that verify.
use std::collections::BTreeMap;
use std::collections::BTreeSet;
use std::collections::HashMap;
use vstd::prelude::*;

verus! {

// expect: verified
fn bt_insert_get_remove() {
    let mut m = BTreeMap::<u32, i8>::new();
    assert(m@ == Map::<u32, i8>::empty());
    let b = m.is_empty();
    assert(b);
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
    let c = m.contains_key(&6);
    assert(!c);
    m.clear();
    assert(m@.is_empty());
}

// expect: failed assertion
fn bt_insert_keeps_old_value_wrong() {
    let mut m = BTreeMap::<u32, i8>::new();
    m.insert(3, 4);
    m.insert(3, 5);
    assert(m@[3] == 4);
}

// expect: failed assertion
fn bt_len_wrong() {
    let mut m = BTreeMap::<u64, u64>::new();
    m.insert(1, 1);
    m.insert(1, 2);
    assert(m.len() == 2);
}

// expect: verified
fn bts_insert_contains_remove() {
    let mut s = BTreeSet::<i64>::new();
    let fresh = s.insert(-7);
    assert(fresh);
    let again = s.insert(-7);
    assert(!again);
    assert(s.len() == 1);
    match s.get(&-7) {
        Some(k) => assert(*k == -7),
        None => assert(false),
    }
    let r = s.remove(&-7);
    assert(r && s@.is_empty());
}

// expect: failed assertion
fn bts_remove_absent_wrong() {
    let mut s = BTreeSet::<u64>::new();
    let r = s.remove(&7);
    assert(r);
}

struct BtKey {
    a: u8,
}

// expect: verified
fn bt_user_key_with_assumed_order() {
    assume(vstd::laws_cmp::obeys_cmp::<BtKey>());
    let mut m = BTreeMap::<BtKey, u8>::new();
    m.insert(BtKey { a: 1 }, 2);
    assert(m@.contains_key(BtKey { a: 1 }));
}

// expect: failed assertion
fn bt_user_key_without_order() {
    let mut m = BTreeMap::<BtKey, u8>::new();
    m.insert(BtKey { a: 1 }, 2);
    assert(m@.contains_key(BtKey { a: 1 }));
}

// expect: failed assertion
fn bt_user_key_len_unknown() {
    let mut m = BTreeMap::<BtKey, u8>::new();
    m.insert(BtKey { a: 1 }, 2);
    assert(m.len() == 1);
}

// expect: verified
fn defaults_are_empty() {
    let v: Vec<u32> = Vec::default();
    assert(v@.len() == 0);
    let s = String::default();
    assert(s@.len() == 0);
    let h: HashMap<u32, u32> = HashMap::default();
    assert(h@.len() == 0);
    let b: BTreeSet<u8> = BTreeSet::default();
    assert(b@ == Set::<u8>::empty());
}

// expect: failed assertion
fn default_vec_wrong() {
    let v: Vec<u32> = Vec::default();
    assert(v@.len() == 1);
}

} // verus!
