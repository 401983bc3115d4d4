// vstd's layout: `size_of::<T>()` / `align_of::<T>()` of the primitive types (vstd's axioms, in the
// default broadcast group), of a crate's type through its `global size_of` / `global layout`
// item, `core::mem::size_of::<T>()` as the same value; Verus's `unsigned_max` and the like.
use vstd::prelude::*;

verus! {

#[repr(C)]
struct LyPair {
    a: u64,
    b: u32,
}

#[repr(C)]
struct LyBox<V> {
    v: V,
}

global layout LyPair is size == 16, align == 8;

global size_of LyBox<u64> == 8;

// expect: verified
proof fn ly_primitives() {
    assert(size_of::<bool>() == 1);
    assert(size_of::<u32>() == 4);
    assert(size_of::<i128>() == 16);
    assert(size_of::<()>() == 0);
    assert(size_of::<usize>() == size_of::<isize>());
}

// (alignments of primitives are the platform's)
// expect: failed assertion
proof fn ly_alignment_unknown() {
    assert(align_of::<u32>() == 4);
}

// expect: verified
fn ly_globals() {
    assert(core::mem::size_of::<LyPair>() == 16);
    assert(core::mem::align_of::<LyPair>() == 8);
    assert(core::mem::size_of::<LyBox<u64>>() == 8);
}

// expect: failed assertion
fn ly_other_instance() {
    assert(core::mem::size_of::<LyBox<u32>>() == 8);
}

// expect: failed assertion
fn ly_align_not_given() {
    assert(core::mem::align_of::<LyBox<u64>>() == 8);
}

// expect: verified
proof fn ly_widths() {
    assert(unsigned_max(8) == 255);
    assert(signed_max(32) == 0x7fff_ffff);
    assert(signed_min(16) == -32768);
}

// expect: failed assertion
proof fn ly_widths_wrong() {
    assert(unsigned_max(8) == 256);
}

// expect: error
fn ly_spec_in_exec(y: nat) {
    let x = unsigned_max(y);
}

} // verus!
