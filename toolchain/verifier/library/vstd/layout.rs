// vstd::layout: the size and alignment of a type as spec values (`size_of::<T>()`,
// `align_of::<T>()`), known for the primitive types (vstd's `layout_of_primitives`, in the default
// broadcast group) and for a crate's type through its `global size_of T == N;` / `global layout T
// is size == N, align == M;` items (the verifier assumes those in every function); Verus's
// `unsigned_max` / `signed_max` / `signed_min` of the widths 8 to 64 and `arch_word_bits()`.
verus! {

pub uninterp spec fn size_of<V>() -> nat;

/// A size and an alignment the allocator accepts (Rust's `Layout::from_size_align`): the
/// alignment a power of two, the size rounded up to it no more than `isize::MAX`.
pub open spec fn valid_layout(size: usize, align: usize) -> bool {
    is_pow2(align as int) && size <= isize::MAX as int - (isize::MAX as int % align as int)
}

pub uninterp spec fn align_of<V>() -> nat;

#[verifier::inline]
pub open spec fn size_of_as_usize<V>() -> usize {
    size_of::<V>() as usize
}

#[verifier::inline]
pub open spec fn align_of_as_usize<V>() -> usize {
    align_of::<V>() as usize
}

/// std's `core::mem::size_of::<V>()`.
#[verifier::when_used_as_spec(size_of_as_usize)]
pub assume_specification<V>[ core::mem::size_of::<V> ]() -> (u: usize)
    ensures
        u as nat == size_of::<V>(),
    opens_invariants none
    no_unwind
;

/// std's `core::mem::align_of::<V>()`.
#[verifier::when_used_as_spec(align_of_as_usize)]
pub assume_specification<V>[ core::mem::align_of::<V> ]() -> (u: usize)
    ensures
        u as nat == align_of::<V>(),
    opens_invariants none
    no_unwind
;

/// A type's size and alignment are a valid layout (vstd's trusted lemma; exec, as in vstd, so that
/// only a type of the program can be asked about).
#[verifier::external_body]
pub exec fn layout_for_type_is_valid<V>()
    ensures
        valid_layout(size_of::<V>() as usize, align_of::<V>() as usize),
        size_of::<V>() as usize as nat == size_of::<V>(),
        align_of::<V>() as usize as nat == align_of::<V>(),
        align_of::<V>() != 0,
        size_of::<V>() % align_of::<V>() == 0,
    opens_invariants none
    no_unwind
{
}

/// The size and alignment of the primitive types (vstd's axiom).
#[verifier::external_body]
pub broadcast proof fn layout_of_primitives()
    ensures
        size_of::<bool>() == 1,
        size_of::<char>() == 4,
        size_of::<u8>() == 1,
        size_of::<i8>() == 1,
        size_of::<u16>() == 2,
        size_of::<i16>() == 2,
        size_of::<u32>() == 4,
        size_of::<i32>() == 4,
        size_of::<u64>() == 8,
        size_of::<i64>() == 8,
        size_of::<u128>() == 16,
        size_of::<i128>() == 16,
        size_of::<usize>() == size_of::<isize>(),
        size_of::<usize>() * 8 == usize::BITS,
        size_of::<()>() == 0,
        align_of::<()>() == 1,
{
}

pub broadcast group group_layout_axioms {
    layout_of_primitives,
}

pub uninterp spec fn unsigned_max(bits: nat) -> nat;

pub uninterp spec fn signed_max(bits: nat) -> nat;

pub uninterp spec fn signed_min(bits: nat) -> int;

pub uninterp spec fn arch_word_bits() -> nat;

/// Verus's prelude facts about them.
#[verifier::external_body]
pub broadcast proof fn integer_bounds_of_widths()
    ensures
        unsigned_max(8) == 0xff,
        unsigned_max(16) == 0xffff,
        unsigned_max(32) == 0xffff_ffff,
        unsigned_max(64) == 0xffff_ffff_ffff_ffff,
        signed_max(8) == 0x7f,
        signed_max(16) == 0x7fff,
        signed_max(32) == 0x7fff_ffff,
        signed_max(64) == 0x7fff_ffff_ffff_ffff,
        signed_min(8) == -0x80,
        signed_min(16) == -0x8000,
        signed_min(32) == -0x8000_0000,
        signed_min(64) == -0x8000_0000_0000_0000,
        arch_word_bits() == usize::BITS,
{
}

} // verus!
