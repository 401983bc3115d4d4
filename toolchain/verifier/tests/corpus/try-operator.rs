// The `?` operator on `Option` and on the library's `Result` (whose `Ok` / `Err` every file names
// bare, as Rust's prelude gives them): the value of `Some` / `Ok`, else the function returns
// `None` / `Err(e)` there (a postcondition that does not hold then fails at the `?`).
use vstd::prelude::*;

verus! {

// expect: verified
fn tq_option_none() -> (res: Option<u32>)
    ensures
        res.is_none(),
{
    let x: Option<u8> = None;
    let y = x?;
    assert(false);
    return None;
}

// expect: failed assertion
fn tq_option_some_goes_on() -> (res: Option<u32>) {
    let x: Option<u8> = Some(5);
    let y = x?;
    assert(false);
    return None;
}

// expect: failed postcondition
fn tq_option_returns_none() -> (res: Option<u32>)
    ensures
        res.is_some(),
{
    let x: Option<u8> = None;
    let y = x?;
    return Some(13);
}

// expect: verified
fn tq_result_passes_the_error(x: Result<u8, bool>) -> (res: Result<u32, bool>)
    ensures
        x is Ok ==> res == Ok::<u32, bool>(x->Ok_0 as u32),
        x is Err ==> res == Err::<u32, bool>(x->Err_0),
{
    let y = x?;
    Ok(y as u32)
}

// expect: failed assertion
fn tq_result_value() -> (res: Result<u32, bool>) {
    let x: Result<u8, bool> = Ok(5);
    let y = x?;
    assert(y == 6);
    return Err(false);
}

// expect: failed postcondition
fn tq_result_returns_err() -> (res: Result<u32, bool>)
    ensures
        res.is_ok(),
{
    let x: Result<u8, bool> = Err(false);
    let y = x?;
    return Ok(13);
}

// expect: verified
proof fn tq_result_api() {
    let ok = Result::<i8, bool>::Ok(1);
    assert(ok is Ok && ok.unwrap() == 1 && ok.is_ok());
    let e = Result::<i8, bool>::Err(true);
    assert(e is Err && e->Err_0 && e.unwrap_err());
}

// expect: failed precondition
fn tq_unwrap_err_value() {
    let e = Result::<i8, bool>::Err(true);
    let v = e.unwrap();
}

// (rustc's error)
// expect: error
fn tq_not_in_an_option_function() -> u8 {
    let x: Option<u8> = None;
    let y = x?;
    0
}

// expect: error
fn tq_result_in_option_function(x: Result<u8, bool>) -> Option<u8> {
    let y = x?;
    Some(y)
}

// `Option::ok_or`: `Ok` of the value, or `Err` of the argument
// expect: verified
fn tq_ok_or(o: Option<u8>) -> (r: Result<u8, u16>)
    ensures o is Some ==> r == Ok::<u8, u16>(o->0), o is None ==> r == Err::<u8, u16>(7),
{
    o.ok_or(7)
}

// expect: failed postcondition
fn tq_ok_or_bad(o: Option<u8>) -> (r: Result<u8, u16>)
    ensures r is Ok,
{
    o.ok_or(7)
}

// expect: failed postcondition
fn tq_ok_or_value_bad(o: Option<u8>) -> (r: Result<u8, u16>)
    ensures o is None ==> r == Err::<u8, u16>(8),
{
    o.ok_or(7)
}

// expect: failed postcondition
fn tq_ok_or_some_bad(o: Option<u8>) -> (r: Result<u8, u16>)
    requires o is Some,
    ensures r is Err,
{
    o.ok_or(7)
}

} // verus!
