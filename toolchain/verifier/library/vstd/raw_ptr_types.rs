// vstd::raw_ptr's pointer model, as the verifier reads it: Rust's raw pointers `*mut T` and
// `*const T` to a sized `T`, each its `PtrData` (address, provenance, metadata; for a thin pointer
// the metadata is `()`). The checker reads the type `*mut T` as the struct `RawMutPtr<T>` below and
// `*const T` as `RawConstPtr<T>` (one SMT sort: the same values); a cast between pointer types keeps
// the address and the provenance, a cast to an integer is the address. A pointer is its `PtrData`
// and nothing else, so two pointers with the same view are equal (vstd's `ptrs_mut_eq`). Exec `==`
// compares addresses (and metadata) only, as Rust does: two pointers it calls equal may differ in
// provenance. Names, signatures and clauses follow vstd's raw_ptr. Read by a crate that writes a
// raw pointer type or names raw_ptr's API (the permissions are in raw_ptr.rs).
verus! {

/// Which allocation a pointer may reach. `Provenance::null()` is that of no allocation.
#[verifier::external_body]
#[derive(Clone, Copy)]
pub struct Provenance {
    id: int,
}

impl Provenance {
    pub uninterp spec fn null() -> Self;
}

/// A pointer in Rust's abstract machine: an address, a provenance, and the metadata of an unsized
/// pointee (`()` here: only pointers to sized types are read).
#[derive(Clone, Copy)]
pub struct PtrData<T> {
    pub addr: usize,
    pub provenance: Provenance,
    pub metadata: (),
}

/// `*mut T`.
#[derive(Clone, Copy)]
pub struct RawMutPtr<T> {
    data: PtrData<T>,
}

/// `*const T`.
#[derive(Clone, Copy)]
pub struct RawConstPtr<T> {
    data: PtrData<T>,
}

/// The pointer of the given model.
pub open spec fn ptr_mut_from_data<T>(data: PtrData<T>) -> *mut T {
    RawMutPtr { data }
}

/// The pointer of the given model.
pub open spec fn ptr_from_data<T>(data: PtrData<T>) -> *const T {
    RawConstPtr { data }
}

/// The view of a pointer made from `data` is `data` (vstd's axiom; here by definition).
pub broadcast proof fn axiom_ptr_mut_from_data<T>(data: PtrData<T>)
    ensures
        (#[trigger] ptr_mut_from_data::<T>(data))@ == data,
{
}

/// Pointers with one view are one pointer (vstd's axiom; here by definition).
pub broadcast proof fn ptrs_mut_eq<T>(a: *mut T)
    ensures
        ptr_mut_from_data::<T>(#[trigger] a@) == a,
{
}

pub broadcast group group_raw_ptr_axioms {
    axiom_ptr_mut_from_data,
    ptrs_mut_eq,
}

impl<T> RawMutPtr<T> {
    pub open spec fn view(self) -> PtrData<T> {
        self.data
    }

    pub open spec fn spec_addr(self) -> usize {
        self.data.addr
    }

    /// `p.addr()`: the address (in ghost code, `spec_addr`).
    #[verifier::external_body]
    #[verifier::when_used_as_spec(spec_addr)]
    pub fn addr(self) -> (addr: usize)
        ensures
            addr == self.spec_addr(),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    pub open spec fn spec_with_addr(self, addr: usize) -> *mut T {
        RawMutPtr { data: PtrData { addr: addr, provenance: self.data.provenance, metadata: () } }
    }

    /// `p.with_addr(a)`: the pointer with address `a` and `p`'s provenance.
    #[verifier::external_body]
    #[verifier::when_used_as_spec(spec_with_addr)]
    pub fn with_addr(self, addr: usize) -> (q: *mut T)
        ensures
            q == self.spec_with_addr(addr),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    /// Exec `==` of two pointers (Rust's): the same address and metadata; the provenance may differ.
    #[verifier::external_body]
    pub fn exec_eq(self, other: *mut T) -> (res: bool)
        ensures
            res <==> self@.addr == other@.addr && self@.metadata == other@.metadata,
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn exec_ne(self, other: *mut T) -> (res: bool)
        ensures
            res <==> !(self@.addr == other@.addr && self@.metadata == other@.metadata),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }
}

impl<T> RawConstPtr<T> {
    pub open spec fn view(self) -> PtrData<T> {
        self.data
    }

    pub open spec fn spec_addr(self) -> usize {
        self.data.addr
    }

    #[verifier::external_body]
    #[verifier::when_used_as_spec(spec_addr)]
    pub fn addr(self) -> (addr: usize)
        ensures
            addr == self.spec_addr(),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    pub open spec fn spec_with_addr(self, addr: usize) -> *const T {
        RawConstPtr { data: PtrData { addr: addr, provenance: self.data.provenance, metadata: () } }
    }

    #[verifier::external_body]
    #[verifier::when_used_as_spec(spec_with_addr)]
    pub fn with_addr(self, addr: usize) -> (q: *const T)
        ensures
            q == self.spec_with_addr(addr),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn exec_eq(self, other: *const T) -> (res: bool)
        ensures
            res <==> self@.addr == other@.addr && self@.metadata == other@.metadata,
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn exec_ne(self, other: *const T) -> (res: bool)
        ensures
            res <==> !(self@.addr == other@.addr && self@.metadata == other@.metadata),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }
}

/// The null pointer (address 0, no provenance).
pub open spec fn ptr_null<T>() -> *const T {
    ptr_from_data(PtrData::<T> { addr: 0, provenance: Provenance::null(), metadata: () })
}

/// std's `core::ptr::null()`.
#[verifier::when_used_as_spec(ptr_null)]
pub assume_specification<T>[ core::ptr::null::<T> ]() -> (res: *const T)
    ensures
        res == ptr_null::<T>(),
    opens_invariants none
    no_unwind
;

/// The null pointer (address 0, no provenance).
pub open spec fn ptr_null_mut<T>() -> *mut T {
    ptr_mut_from_data(PtrData::<T> { addr: 0, provenance: Provenance::null(), metadata: () })
}

/// std's `core::ptr::null_mut()`.
#[verifier::when_used_as_spec(ptr_null_mut)]
pub assume_specification<T>[ core::ptr::null_mut::<T> ]() -> (res: *mut T)
    ensures
        res == ptr_null_mut::<T>(),
    opens_invariants none
    no_unwind
;

} // verus!
