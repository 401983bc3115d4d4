// std's Vec through the library's specification (library/vstd/vec.rs): the view, exec indexing
// with its bounds precondition, the vec! macro, moves. Programs that must fail or be rejected sit
// next to the ones that verify.
use vstd::prelude::*;

verus! {

// expect: verified
fn vec_push_index_set() {
    let mut v: Vec<u64> = Vec::new();
    v.push(3);
    v.push(5);
    assert(v@.len() == 2);
    assert(v[1] == 5);
    let x = v[0];
    assert(x == 3);
    v.set(0, 7);
    assert(v@ =~= seq![7u64, 5]);
    let n = v.len();
    assert(n == 2);
}

// expect: failed precondition
fn vec_index_unknown_len(v: &Vec<u64>) {
    let x = v[0];
}

// expect: verified
fn vec_index_in_bounds(v: &Vec<u64>, i: usize)
    requires
        i < v.len(),
{
    let x = v[i];
    assert(x == v@[i as int]);
}

// expect: verified
fn vec_pop_shrinks(v: &mut Vec<u64>)
    requires
        old(v).len() > 0,
    ensures
        v.len() == old(v).len() - 1,
{
    let x = v.pop();
    assert(x is Some);
}

// expect: failed assertion
fn vec_pop_maybe_empty(v: &mut Vec<u64>) {
    let x = v.pop();
    assert(x is Some);
}

// expect: verified
proof fn vec_len_fits_usize(v: Vec<u8>) {
    assert(v@.len() <= usize::MAX);
    assert(v.len() == v@.len());
}

// expect: failed assertion
fn vec_push_on_unknown(v: &mut Vec<u64>) {
    v.push(1);
    assert(v@.len() == 1);
}

// expect: verified
fn vec_macro() {
    let v = vec![1u8, 2, 3];
    assert(v@.len() == 3);
    assert(v[2] == 3);
    let w: Vec<u64> = vec![];
    assert(w@.len() == 0);
}

// expect: failed assertion
fn vec_macro_wrong() {
    let v = vec![1u8, 2, 3];
    assert(v[2] == 2);
}

// expect: error
fn vec_use_after_move() {
    let v = vec![1u8, 2, 3];
    let w = v;
    let n = v.len();
}

// expect: error
fn vec_assign_while_indexing() {
    let mut a: Vec<u64> = vec![0, 1];
    let b: Vec<u64> = vec![2, 3];
    let j = a[({ a = b; 0 })];
}

// expect: verified
fn vec_remove_insert(v: &mut Vec<u64>)
    requires
        old(v).len() == 3,
    ensures
        v@ == old(v)@.insert(0, 9).remove(3),
{
    let last = v.remove(2);
    v.insert(0, 9);
    assert(last == old(v)@[2]);
    assert(v@ =~= old(v)@.insert(0, 9).remove(3));
}

// expect: error
fn vec_private_field(v: &Vec<u64>) -> usize {
    v.len
}


// ---- `v[i] = x` (std's `IndexMut`): `i` within the vector, the view's element replaced

// expect: verified
fn vec_index_assign() {
    let mut v = vec![1u8, 2, 3];
    v[1] = 5;
    assert(v@ =~= seq![1u8, 5, 3]);
    assert(v.len() == 3);
}

// expect: verified
fn vec_index_assign_field() {
    let mut v = vec![(1u8, 11u8), (2, 12)];
    v[1].0 = 5;
    assert(v@ =~= seq![(1u8, 11u8), (5, 12)]);
}

// expect: verified
fn vec_index_assign_param(v: &mut Vec<u8>)
    requires
        old(v).len() > 2,
    ensures
        final(v)@ == old(v)@.update(2, 9),
{
    v[2] = 9;
}

// expect: verified
fn vec_index_compound() {
    let mut v = vec![1u8, 2, 3];
    v[0] += 7;
    assert(v[0] == 8);
}

// expect: failed index-bounds
fn vec_index_assign_out_of_bounds() {
    let mut v = vec![1u8, 2, 3];
    v[3] = 5;
}

// (the old element is gone)
// expect: failed assertion
fn vec_index_assign_old_value() {
    let mut v = vec![1u8, 2, 3];
    v[0] = 7;
    assert(v[0] == 1);
}

// (only that element changes: the others are not anything)
// expect: failed assertion
fn vec_index_assign_other_changed() {
    let mut v = vec![1u8, 2, 3];
    v[0] = 7;
    assert(v[1] == 7);
}

// expect: failed overflow
fn vec_index_compound_overflow() {
    let mut v = vec![250u8, 2, 3];
    v[0] += 7;
}

} // verus!
