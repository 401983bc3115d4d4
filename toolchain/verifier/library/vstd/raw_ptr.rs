// vstd::raw_ptr's permissions, as the verifier reads them: the tracked tokens that make reading and
// writing through a raw pointer safe (`PointsTo<T>` for typed memory, `PointsToRaw` for a set of
// bytes, `Dealloc` for giving an allocation back) and the exec functions that take them
// (`ptr_mut_write`, `ptr_mut_read`, `ptr_ref`, `allocate`, `deallocate`). Trusted: the functions are
// `external_body`, the permissions' contents uninterpreted spec functions; names, signatures and
// clauses follow vstd's raw_ptr. The pointers are raw_ptr_types.rs's. Read only by a crate that
// names this API (cell.rs and simple_pptr.rs define other `PointsTo` types, so a crate using two of
// these modules is not modelled).
verus! {

/// The permission to read and write the `T` at one pointer: which pointer (`ptr()`) and what the
/// memory there holds (`opt_value()`).
#[verifier::external_body]
#[verifier::reject_recursive_types_in_ground_variants(T)]
pub tracked struct PointsTo<T> {
    token: nat,
}

impl<T> PointsTo<T> {
    pub uninterp spec fn ptr(&self) -> *mut T;

    pub uninterp spec fn opt_value(&self) -> MemContents<T>;

    pub open spec fn is_init(&self) -> bool {
        self.opt_value().is_init()
    }

    pub open spec fn is_uninit(&self) -> bool {
        self.opt_value().is_uninit()
    }

    pub open spec fn value(&self) -> T
        recommends
            self.is_init(),
    {
        self.opt_value().value()
    }

    /// The pointer of a permission is not null.
    #[verifier::external_body]
    pub proof fn is_nonnull(tracked &self)
        ensures
            self.ptr()@.addr != 0,
    {
    }

    /// The pointer of a permission is aligned for `T`.
    #[verifier::external_body]
    pub proof fn is_aligned(tracked &self)
        ensures
            self.ptr()@.addr as nat % align_of::<T>() == 0,
    {
    }

    /// Forget the contents (leaking them).
    #[verifier::external_body]
    pub proof fn leak_contents(tracked &mut self)
        ensures
            self.ptr() == old(self).ptr(),
            self.is_uninit(),
    {
    }

    /// Two permissions cover disjoint memory.
    #[verifier::external_body]
    pub proof fn is_disjoint<S>(tracked &mut self, tracked other: &PointsTo<S>)
        requires
            size_of::<T>() != 0,
            size_of::<S>() != 0,
        ensures
            *old(self) == *self,
            self.ptr()@.addr + size_of::<T>() <= other.ptr()@.addr || other.ptr()@.addr
                + size_of::<S>() <= self.ptr()@.addr,
    {
    }

    /// The bytes of uninitialized memory, as a raw permission.
    #[verifier::external_body]
    pub proof fn into_raw(tracked self) -> (tracked points_to_raw: PointsToRaw)
        requires
            self.is_uninit(),
        ensures
            points_to_raw.is_range(self.ptr()@.addr as int, size_of::<T>() as int),
            points_to_raw.provenance() == self.ptr()@.provenance,
    {
        unimplemented!()
    }
}

/// The permission to a set of bytes of one allocation (`dom()`), none of them readable.
#[verifier::external_body]
pub tracked struct PointsToRaw {
    token: nat,
}

impl PointsToRaw {
    pub uninterp spec fn provenance(self) -> Provenance;

    pub uninterp spec fn dom(self) -> Set<int>;

    pub open spec fn is_range(self, start: int, len: int) -> bool {
        Set::range(start, start + len) =~= self.dom()
    }

    pub open spec fn contains_range(self, start: int, len: int) -> bool {
        Set::range(start, start + len) <= self.dom()
    }

    #[verifier::external_body]
    pub proof fn empty(provenance: Provenance) -> (tracked points_to_raw: Self)
        ensures
            points_to_raw.dom() == Set::<int>::empty(),
            points_to_raw.provenance() == provenance,
    {
        unimplemented!()
    }

    /// The bytes of `range` and the rest.
    #[verifier::external_body]
    pub proof fn split(tracked self, range: Set<int>) -> (tracked res: (Self, Self))
        requires
            range.subset_of(self.dom()),
        ensures
            res.0.provenance() == self.provenance(),
            res.1.provenance() == self.provenance(),
            res.0.dom() == range,
            res.1.dom() == self.dom().difference(range),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub proof fn join(tracked self, tracked other: Self) -> (tracked joined: Self)
        requires
            self.provenance() == other.provenance(),
        ensures
            joined.provenance() == self.provenance(),
            joined.dom() == self.dom() + other.dom(),
    {
        unimplemented!()
    }

    /// The bytes of one `V` at an aligned address, as a typed (uninitialized) permission.
    #[verifier::external_body]
    pub proof fn into_typed<V>(tracked self, start: usize) -> (tracked points_to: PointsTo<V>)
        requires
            start != 0 || size_of::<V>() != 0,
            start as int % align_of::<V>() as int == 0,
            self.is_range(start as int, size_of::<V>() as int),
        ensures
            points_to.ptr() == ptr_mut_from_data::<V>(
                PtrData { addr: start, provenance: self.provenance(), metadata: () },
            ),
            points_to.is_uninit(),
    {
        unimplemented!()
    }
}

/// The permission to give an allocation back to the global allocator.
#[verifier::external_body]
pub tracked struct Dealloc {
    token: nat,
}

pub struct DeallocData {
    pub addr: usize,
    pub size: nat,
    pub align: nat,
    pub provenance: Provenance,
}

impl Dealloc {
    pub uninterp spec fn view(self) -> DeallocData;

    pub open spec fn addr(self) -> usize {
        self.view().addr
    }

    pub open spec fn size(self) -> nat {
        self.view().size
    }

    pub open spec fn align(self) -> nat {
        self.view().align
    }

    pub open spec fn provenance(self) -> Provenance {
        self.view().provenance
    }
}

/// `core::ptr::write` through a permission.
#[verifier::external_body]
pub fn ptr_mut_write<T>(ptr: *mut T, Tracked(perm): Tracked<&mut PointsTo<T>>, v: T)
    requires
        old(perm).ptr() == ptr,
    ensures
        perm.ptr() == ptr,
        perm.opt_value() == MemContents::Init(v),
    opens_invariants none
    no_unwind
{
    unimplemented!()
}

/// `core::ptr::read` through a permission: moves the value out.
#[verifier::external_body]
pub fn ptr_mut_read<T>(ptr: *const T, Tracked(perm): Tracked<&mut PointsTo<T>>) -> (v: T)
    requires
        old(perm).ptr()@ == ptr@,
        old(perm).is_init(),
    ensures
        perm.ptr() == old(perm).ptr(),
        perm.is_uninit(),
        v == old(perm).value(),
    opens_invariants none
    no_unwind
{
    unimplemented!()
}

/// `&*ptr` through a permission.
#[verifier::external_body]
pub fn ptr_ref<T>(ptr: *const T, Tracked(perm): Tracked<&PointsTo<T>>) -> (v: &T)
    requires
        perm.ptr()@ == ptr@,
        perm.is_init(),
    ensures
        v == perm.value(),
    opens_invariants none
    no_unwind
{
    unimplemented!()
}

/// A new allocation of `size` bytes aligned to `align`, with its raw permission and the
/// permission to free it.
#[verifier::external_body]
pub fn allocate(size: usize, align: usize) -> (pt: (*mut u8, Tracked<PointsToRaw>, Tracked<Dealloc>))
    requires
        valid_layout(size, align),
        size != 0,
    ensures
        pt.1@.is_range(pt.0@.addr as int, size as int),
        pt.0@.addr + size <= usize::MAX + 1,
        pt.2@@ == (DeallocData {
            addr: pt.0@.addr,
            size: size as nat,
            align: align as nat,
            provenance: pt.1@.provenance(),
        }),
        pt.0@.addr as int % align as int == 0,
        pt.0@.provenance == pt.1@.provenance(),
    opens_invariants none
{
    unimplemented!()
}

/// Frees an allocation: its `Dealloc` and the raw permission to all its bytes are given up.
#[verifier::external_body]
pub fn deallocate(
    p: *mut u8,
    size: usize,
    align: usize,
    Tracked(pt): Tracked<PointsToRaw>,
    Tracked(dealloc): Tracked<Dealloc>,
)
    requires
        dealloc.addr() == p@.addr,
        dealloc.size() == size,
        dealloc.align() == align,
        dealloc.provenance() == pt.provenance(),
        pt.is_range(dealloc.addr() as int, dealloc.size() as int),
        p@.provenance == dealloc.provenance(),
    opens_invariants none
{
    unimplemented!()
}

} // verus!
