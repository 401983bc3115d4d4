// std's smart pointers: `Box<T>` owns its value, `Rc<T>` / `Arc<T>` share it. The types erase
// them to what they hold (as Verus's encoding does), so `*p` is that value, and the checking
// phase keeps what the types lose: a pointer is moved, never copied; nothing behind an `Rc` /
// `Arc` is written; a pointer used by value as anything but another one of its kind is
// `unsupported`.
use vstd::prelude::*;
use std::rc::Rc;
use std::sync::Arc;

verus! {

struct SpObj { a: u64 }

// expect: verified
fn sp_shared(v: u64) -> (r: u64)
    ensures r == v,
{
    let x = Rc::new(v);
    let x2 = x.clone();
    let y = Arc::new(SpObj { a: v });
    let y2 = Arc::clone(&y);
    assert(*x2 == v);
    y2.a
}

// expect: failed assertion
fn sp_shared_wrong(v: u64) {
    let x = Rc::new(v);
    let x2 = Rc::clone(&x);
    assert(*x2 == v + 1);
}

// expect: verified
fn sp_pass_on(x: Rc<u64>) -> (r: Rc<u64>)
    ensures *r == *x,
{
    let y = x;
    y
}

// a pointer is moved, never copied (the `u64` it holds would be)
// expect: error
fn sp_rc_moved_twice(x: Rc<u64>) {
    let a = x;
    let b = x;
}

// expect: error
fn sp_box_moved_twice(x: Box<u64>) {
    let a = x;
    let b = x;
}

// expect: error
fn sp_box_local_moved_twice() {
    let b = Box::new(5u64);
    let c = b;
    let d = b;
}

// reading through a box copies the value it holds
// expect: verified
fn sp_box_deref(b: Box<u64>) -> (r: u64)
    ensures r == *b,
{
    let c = *b;
    let d = *b;
    d
}

// rustc: an `Rc` has no `DerefMut`
// expect: error
fn sp_rc_write(x: Rc<u64>) {
    let mut y = x;
    *y = 5;
}

// expect: error
fn sp_arc_field_write(x: Arc<SpObj>) {
    let mut y = x;
    y.a = 5;
}

// expect: error
fn sp_rc_push(x: Rc<Vec<u8>>) {
    let mut y = x;
    y.push(1);
}

// (the types would take the `Rc` for the `u64` it holds)
// expect: unsupported
fn sp_rc_as_value(x: Rc<u64>) -> u64 {
    x
}

// expect: unsupported
fn sp_rc_inside(x: Vec<Rc<u64>>) {}

// (rustc refuses a `Box<u64>` where a `u64` is expected; the types here could not tell them apart)
// expect: unsupported
fn sp_box_as_value(b: Box<u64>) -> u64 {
    b
}

// a pointer's view is the view of what it holds (vstd)
// expect: verified
fn sp_box_view(b: Box<Vec<u8>>) -> (r: usize)
    ensures r == b@.len(),
{
    b.len()
}


// `Box::new` / `Rc::new` allocate: they may unwind (vstd marks none of them `no_unwind`)
// expect: failed precondition
fn sp_box_in_no_unwind()
    no_unwind
{
    let b = Box::new(8u64);
}

// expect: failed precondition
fn sp_rc_clone_in_no_unwind(r: Rc<u64>)
    no_unwind
{
    let s = r.clone();
}

// `Box::default()` (`Rc`, `Arc`): the pointee's `default()` (the pointer is erased)
// expect: verified
fn sp_box_default() {
    let b: Box<u32> = Box::default();
    assert(*b == 0);
    let v: Box<Vec<u64>> = Box::default();
    assert(v@.len() == 0);
    let r: Rc<u8> = Rc::default();
    let a: Arc<u64> = Arc::default();
    assert(*a == 0);
    assert(*r == 0);
}

// expect: failed assertion
fn sp_box_default_wrong() {
    let b: Box<u32> = Box::default();
    assert(*b == 1);
}

struct SpNoDefault { x: u8 }

// A pointee without a `default()` the library gives.
// expect: unsupported
fn sp_box_default_unknown() {
    let b: Box<SpNoDefault> = Box::default();
}

} // verus!
