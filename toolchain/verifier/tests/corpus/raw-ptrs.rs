// Raw pointers as vstd's raw_ptr models them (library/vstd/raw_ptr_types.rs): a pointer is its
// view `p@` (address, provenance, metadata `()`); a cast to another pointer type keeps the address
// and provenance, a cast to an integer is the address; exec `==` compares addresses only. The
// permissions (raw_ptr.rs) are in library/raw-ptr.test.ts: this crate uses simple_pptr's `PointsTo`.
use vstd::prelude::*;

verus! {

// expect: verified
fn rp_cast_keeps_view(x: *mut u8) {
    let y = x as *const u8;
    let z = y as *mut u16;
    assert(y == x);
    assert(z@.addr == x@.addr && z@.provenance == x@.provenance);
    assert(z@.metadata == ());
}

// (a round trip through another pointee gives the pointer back)
// expect: verified
fn rp_cast_round_trip(x: *mut u8) {
    let z = x as *mut u16;
    let w = z as *mut u8;
    assert(w == x);
}

// expect: verified
fn rp_view_is_the_pointer(x: *const u8, y: *const u8) {
    assume(x@ == y@);
    assert(x == y);
}

// (the address alone is not the pointer: the provenance may differ)
// expect: failed assertion
fn rp_addr_is_not_the_pointer(x: *mut u8, y: *mut u8) {
    assume(x@.addr == y@.addr);
    assert(x == y);
}

// expect: verified
fn rp_addr_cast(x: *mut u64) {
    let a = x as usize;
    assert(a == x@.addr);
    let b = x as u8;
    assert(b == x@.addr as u8);
    assert(x.addr() == a);
}

// (`as u8` keeps the low byte only)
// expect: failed assertion
fn rp_narrow_addr_cast(x: *mut u64) {
    let b = x as u8;
    assert(b == x@.addr);
}

// expect: verified
fn rp_with_addr(a: *const u64) {
    let b = a.with_addr(7);
    assert(b@.addr == 7 && b@.provenance == a@.provenance);
}

// expect: failed assertion
fn rp_with_addr_moves(a: *const u64) {
    let b = a.with_addr(7);
    assert(a == b);
}

// expect: verified
fn rp_null() {
    let x: *const u8 = core::ptr::null();
    let y: *mut u8 = core::ptr::null_mut();
    assert(x == y);
    assert(x@.addr == 0);
}

// (exec `==` is Rust's: the same address, perhaps another provenance)
// expect: failed assertion
fn rp_exec_eq_is_addr_only(x: *mut u8, y: *mut u8) {
    if x == y {
        assert(x@.addr == y@.addr);
        assert(x == y);
    }
}

// expect: verified
fn rp_exec_ne(x: *mut u8, y: *mut u8) {
    if x != y {
        assert(x@.addr != y@.addr);
    }
}

// expect: verified
proof fn rp_spec_casts<T>(x: *mut T) {
    assert(x@.addr == x as int);
    assert(x@.addr as u16 == x as u16);
}

// a `*mut T` where a `*const T` is wanted: coerced
// expect: verified
fn rp_takes_const(p: *const u32) -> (r: usize)
    ensures r == p@.addr,
{
    p.addr()
}

// expect: verified
fn rp_coerce(p: *mut u32) {
    let r = rp_takes_const(p);
    assert(r == p@.addr);
}

// (and not the other way)
// expect: verified
fn rp_takes_mut(p: *mut u32) {}

// expect: error
fn rp_no_const_to_mut(p: *const u32) {
    rp_takes_mut(p);
}

// expect: error
fn rp_int_to_ptr(x: usize) {
    let y = x as *mut u8;
}

// expect: error
fn rp_deref(x: *mut u8) {
    let y = unsafe { *x };
}

// expect: unsupported
fn rp_order(x: *const u8, y: *const u8) -> bool {
    x < y
}

// (a pointer to an unsized type carries a length: not modelled)
// expect: unsupported
fn rp_slice_ptr(x: *mut [u8]) {
}

} // verus!
