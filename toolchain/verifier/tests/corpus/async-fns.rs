// `async fn` (library/vstd/future.rs): a call gives a future, `.await` in an async function its
// value, of which the callee's `ensures` hold; the view `f@` is that value for a future that is
// awaited (`f.awaited()`). A call is verified where it is written: its `requires` there.
use vstd::prelude::*;
use vstd::future::*;

verus! {

// expect: verified
async fn af_one() -> (r: u64)
    ensures r == 1,
{
    1
}

// expect: failed postcondition
async fn af_wrong() -> (r: u64)
    ensures r == 2,
{
    1
}

// expect: verified
async fn af_await() {
    let f = af_one();
    let v = f.await;
    assert(v == 1);
}

// expect: failed assertion
async fn af_await_wrong() {
    let v = af_one().await;
    assert(v == 2);
}

// (before it is awaited, the view is known only for a future that will be)
// expect: verified
async fn af_view_if_awaited() {
    let f = af_one();
    assert(f.awaited() ==> f@ == 1);
    let v = f.await;
    assert(f@ == 1);
}

// expect: failed assertion
async fn af_view_unawaited() {
    let f = af_one();
    assert(f@ == 1);
}

// expect: verified
async fn af_needs(x: u64) -> (r: u64)
    requires x < 100,
    ensures r == x + 1,
{
    x + 1
}

// (the precondition is the call's, where the future is made)
// expect: failed precondition
fn af_bad_call() {
    let f = af_needs(200);
}

// expect: error
fn af_await_outside() {
    let v = af_one().await;
}

// expect: verified
async fn af_set(x: &mut u64)
    ensures *x == 7,
{
    *x = 7;
}

// expect: verified
async fn af_mut_awaited() {
    let mut a: u64 = 1;
    let f = af_set(&mut a);
    f.await;
    assert(a == 7);
}

// (a future keeps its `&mut` borrow until it is awaited)
// expect: unsupported
async fn af_mut_later() {
    let mut a: u64 = 1;
    let f = af_set(&mut a);
    let b = 3u64;
    f.await;
}

// expect: verified
async fn af_read(x: &u64) -> (r: u64)
    ensures r == *x,
{
    *x
}

// expect: unsupported
async fn af_write_while_borrowed() {
    let mut a: u64 = 1;
    let f = af_read(&a);
    a = 2;
    let v = f.await;
}

} // verus!
