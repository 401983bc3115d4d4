// vstd::atomic: atomics whose value a tracked permission holds (`PAtomicU32` with
// `PermissionU32`, ..). `new` gives the atomic and the permission for its `id()`; each operation
// takes the permission (`Tracked(&perm)` to read, `Tracked(&mut perm)` to write) and says what it
// does to the permission's `view().value`. vstd's API and contracts, trusted (`external_body`).
// Not here: `fetch_add_wrapping` / `fetch_sub_wrapping` and `fetch_nand`, `PAtomicPtr`, and the
// atomic-update macros (`open_atomic_update!`, ..).
verus! {

#[verifier::external_body]
pub struct PAtomicU8 {
    ato: u8,
}

#[verifier::external_body]
pub tracked struct PermissionU8 {
    unused: u8,
}

pub ghost struct PermissionDataU8 {
    pub patomic: int,
    pub value: u8,
}

impl PermissionU8 {
    pub uninterp spec fn view(self) -> PermissionDataU8;

    pub open spec fn is_for(&self, patomic: PAtomicU8) -> bool {
        self.view().patomic == patomic.id()
    }

    pub open spec fn points_to(&self, v: u8) -> bool {
        self.view().value == v
    }

    #[verifier::inline]
    pub open spec fn value(&self) -> u8 {
        self.view().value
    }

    #[verifier::inline]
    pub open spec fn id(&self) -> int {
        self.view().patomic
    }
}

impl PAtomicU8 {
    pub uninterp spec fn id(&self) -> int;

    // (vstd writes `res.1@.view()`; the types here erase `Tracked`, so `res.1@` would already be
    // the permission's `view()`)
    #[verifier::external_body]
    pub fn new(i: u8) -> (res: (PAtomicU8, Tracked<PermissionU8>))
        ensures
            equal(res.1.view(), PermissionDataU8 { patomic: res.0.id(), value: i }),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn load(&self, Tracked(perm): Tracked<&PermissionU8>) -> (ret: u8)
        requires
            equal(self.id(), perm.view().patomic),
        ensures
            equal(perm.view().value, ret),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn store(&self, Tracked(perm): Tracked<&mut PermissionU8>, v: u8)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(final(perm).view().value, v) && equal(self.id(), final(perm).view().patomic),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn compare_exchange(&self, Tracked(perm): Tracked<&mut PermissionU8>, current: u8, new: u8) -> (ret: Result<u8, u8>)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(self.id(), final(perm).view().patomic) && match ret {
                Result::Ok(r) => current == old(perm).view().value && equal(final(perm).view().value, new) && equal(r, old(perm).view().value),
                Result::Err(r) => current != old(perm).view().value && equal(final(perm).view().value, old(perm).view().value) && equal(r, old(perm).view().value),
            },
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn compare_exchange_weak(&self, Tracked(perm): Tracked<&mut PermissionU8>, current: u8, new: u8) -> (ret: Result<u8, u8>)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(self.id(), final(perm).view().patomic) && match ret {
                Result::Ok(r) => current == old(perm).view().value && equal(final(perm).view().value, new) && equal(r, old(perm).view().value),
                Result::Err(r) => equal(final(perm).view().value, old(perm).view().value) && equal(r, old(perm).view().value),
            },
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn swap(&self, Tracked(perm): Tracked<&mut PermissionU8>, v: u8) -> (ret: u8)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(final(perm).view().value, v) && equal(old(perm).view().value, ret) && equal(self.id(), final(perm).view().patomic),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn into_inner(self, Tracked(perm): Tracked<PermissionU8>) -> (ret: u8)
        requires
            equal(self.id(), perm.view().patomic),
        ensures
            equal(perm.view().value, ret),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_add(&self, Tracked(perm): Tracked<&mut PermissionU8>, n: u8) -> (ret: u8)
        requires
            equal(self.id(), old(perm).view().patomic),
            (u8::MIN as int) <= old(perm).view().value + n,
            old(perm).view().value + n <= (u8::MAX as int),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == old(perm).view().value + n,
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_sub(&self, Tracked(perm): Tracked<&mut PermissionU8>, n: u8) -> (ret: u8)
        requires
            equal(self.id(), old(perm).view().patomic),
            (u8::MIN as int) <= old(perm).view().value - n,
            old(perm).view().value - n <= (u8::MAX as int),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == old(perm).view().value - n,
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_and(&self, Tracked(perm): Tracked<&mut PermissionU8>, n: u8) -> (ret: u8)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (old(perm).view().value & n),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_or(&self, Tracked(perm): Tracked<&mut PermissionU8>, n: u8) -> (ret: u8)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (old(perm).view().value | n),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_xor(&self, Tracked(perm): Tracked<&mut PermissionU8>, n: u8) -> (ret: u8)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (old(perm).view().value ^ n),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_max(&self, Tracked(perm): Tracked<&mut PermissionU8>, n: u8) -> (ret: u8)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (if old(perm).view().value > n { old(perm).view().value } else { n }),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_min(&self, Tracked(perm): Tracked<&mut PermissionU8>, n: u8) -> (ret: u8)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (if old(perm).view().value < n { old(perm).view().value } else { n }),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }
}

#[verifier::external_body]
pub struct PAtomicU16 {
    ato: u16,
}

#[verifier::external_body]
pub tracked struct PermissionU16 {
    unused: u16,
}

pub ghost struct PermissionDataU16 {
    pub patomic: int,
    pub value: u16,
}

impl PermissionU16 {
    pub uninterp spec fn view(self) -> PermissionDataU16;

    pub open spec fn is_for(&self, patomic: PAtomicU16) -> bool {
        self.view().patomic == patomic.id()
    }

    pub open spec fn points_to(&self, v: u16) -> bool {
        self.view().value == v
    }

    #[verifier::inline]
    pub open spec fn value(&self) -> u16 {
        self.view().value
    }

    #[verifier::inline]
    pub open spec fn id(&self) -> int {
        self.view().patomic
    }
}

impl PAtomicU16 {
    pub uninterp spec fn id(&self) -> int;

    // (vstd writes `res.1@.view()`; the types here erase `Tracked`, so `res.1@` would already be
    // the permission's `view()`)
    #[verifier::external_body]
    pub fn new(i: u16) -> (res: (PAtomicU16, Tracked<PermissionU16>))
        ensures
            equal(res.1.view(), PermissionDataU16 { patomic: res.0.id(), value: i }),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn load(&self, Tracked(perm): Tracked<&PermissionU16>) -> (ret: u16)
        requires
            equal(self.id(), perm.view().patomic),
        ensures
            equal(perm.view().value, ret),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn store(&self, Tracked(perm): Tracked<&mut PermissionU16>, v: u16)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(final(perm).view().value, v) && equal(self.id(), final(perm).view().patomic),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn compare_exchange(&self, Tracked(perm): Tracked<&mut PermissionU16>, current: u16, new: u16) -> (ret: Result<u16, u16>)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(self.id(), final(perm).view().patomic) && match ret {
                Result::Ok(r) => current == old(perm).view().value && equal(final(perm).view().value, new) && equal(r, old(perm).view().value),
                Result::Err(r) => current != old(perm).view().value && equal(final(perm).view().value, old(perm).view().value) && equal(r, old(perm).view().value),
            },
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn compare_exchange_weak(&self, Tracked(perm): Tracked<&mut PermissionU16>, current: u16, new: u16) -> (ret: Result<u16, u16>)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(self.id(), final(perm).view().patomic) && match ret {
                Result::Ok(r) => current == old(perm).view().value && equal(final(perm).view().value, new) && equal(r, old(perm).view().value),
                Result::Err(r) => equal(final(perm).view().value, old(perm).view().value) && equal(r, old(perm).view().value),
            },
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn swap(&self, Tracked(perm): Tracked<&mut PermissionU16>, v: u16) -> (ret: u16)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(final(perm).view().value, v) && equal(old(perm).view().value, ret) && equal(self.id(), final(perm).view().patomic),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn into_inner(self, Tracked(perm): Tracked<PermissionU16>) -> (ret: u16)
        requires
            equal(self.id(), perm.view().patomic),
        ensures
            equal(perm.view().value, ret),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_add(&self, Tracked(perm): Tracked<&mut PermissionU16>, n: u16) -> (ret: u16)
        requires
            equal(self.id(), old(perm).view().patomic),
            (u16::MIN as int) <= old(perm).view().value + n,
            old(perm).view().value + n <= (u16::MAX as int),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == old(perm).view().value + n,
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_sub(&self, Tracked(perm): Tracked<&mut PermissionU16>, n: u16) -> (ret: u16)
        requires
            equal(self.id(), old(perm).view().patomic),
            (u16::MIN as int) <= old(perm).view().value - n,
            old(perm).view().value - n <= (u16::MAX as int),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == old(perm).view().value - n,
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_and(&self, Tracked(perm): Tracked<&mut PermissionU16>, n: u16) -> (ret: u16)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (old(perm).view().value & n),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_or(&self, Tracked(perm): Tracked<&mut PermissionU16>, n: u16) -> (ret: u16)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (old(perm).view().value | n),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_xor(&self, Tracked(perm): Tracked<&mut PermissionU16>, n: u16) -> (ret: u16)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (old(perm).view().value ^ n),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_max(&self, Tracked(perm): Tracked<&mut PermissionU16>, n: u16) -> (ret: u16)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (if old(perm).view().value > n { old(perm).view().value } else { n }),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_min(&self, Tracked(perm): Tracked<&mut PermissionU16>, n: u16) -> (ret: u16)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (if old(perm).view().value < n { old(perm).view().value } else { n }),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }
}

#[verifier::external_body]
pub struct PAtomicU32 {
    ato: u32,
}

#[verifier::external_body]
pub tracked struct PermissionU32 {
    unused: u32,
}

pub ghost struct PermissionDataU32 {
    pub patomic: int,
    pub value: u32,
}

impl PermissionU32 {
    pub uninterp spec fn view(self) -> PermissionDataU32;

    pub open spec fn is_for(&self, patomic: PAtomicU32) -> bool {
        self.view().patomic == patomic.id()
    }

    pub open spec fn points_to(&self, v: u32) -> bool {
        self.view().value == v
    }

    #[verifier::inline]
    pub open spec fn value(&self) -> u32 {
        self.view().value
    }

    #[verifier::inline]
    pub open spec fn id(&self) -> int {
        self.view().patomic
    }
}

impl PAtomicU32 {
    pub uninterp spec fn id(&self) -> int;

    // (vstd writes `res.1@.view()`; the types here erase `Tracked`, so `res.1@` would already be
    // the permission's `view()`)
    #[verifier::external_body]
    pub fn new(i: u32) -> (res: (PAtomicU32, Tracked<PermissionU32>))
        ensures
            equal(res.1.view(), PermissionDataU32 { patomic: res.0.id(), value: i }),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn load(&self, Tracked(perm): Tracked<&PermissionU32>) -> (ret: u32)
        requires
            equal(self.id(), perm.view().patomic),
        ensures
            equal(perm.view().value, ret),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn store(&self, Tracked(perm): Tracked<&mut PermissionU32>, v: u32)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(final(perm).view().value, v) && equal(self.id(), final(perm).view().patomic),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn compare_exchange(&self, Tracked(perm): Tracked<&mut PermissionU32>, current: u32, new: u32) -> (ret: Result<u32, u32>)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(self.id(), final(perm).view().patomic) && match ret {
                Result::Ok(r) => current == old(perm).view().value && equal(final(perm).view().value, new) && equal(r, old(perm).view().value),
                Result::Err(r) => current != old(perm).view().value && equal(final(perm).view().value, old(perm).view().value) && equal(r, old(perm).view().value),
            },
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn compare_exchange_weak(&self, Tracked(perm): Tracked<&mut PermissionU32>, current: u32, new: u32) -> (ret: Result<u32, u32>)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(self.id(), final(perm).view().patomic) && match ret {
                Result::Ok(r) => current == old(perm).view().value && equal(final(perm).view().value, new) && equal(r, old(perm).view().value),
                Result::Err(r) => equal(final(perm).view().value, old(perm).view().value) && equal(r, old(perm).view().value),
            },
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn swap(&self, Tracked(perm): Tracked<&mut PermissionU32>, v: u32) -> (ret: u32)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(final(perm).view().value, v) && equal(old(perm).view().value, ret) && equal(self.id(), final(perm).view().patomic),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn into_inner(self, Tracked(perm): Tracked<PermissionU32>) -> (ret: u32)
        requires
            equal(self.id(), perm.view().patomic),
        ensures
            equal(perm.view().value, ret),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_add(&self, Tracked(perm): Tracked<&mut PermissionU32>, n: u32) -> (ret: u32)
        requires
            equal(self.id(), old(perm).view().patomic),
            (u32::MIN as int) <= old(perm).view().value + n,
            old(perm).view().value + n <= (u32::MAX as int),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == old(perm).view().value + n,
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_sub(&self, Tracked(perm): Tracked<&mut PermissionU32>, n: u32) -> (ret: u32)
        requires
            equal(self.id(), old(perm).view().patomic),
            (u32::MIN as int) <= old(perm).view().value - n,
            old(perm).view().value - n <= (u32::MAX as int),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == old(perm).view().value - n,
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_and(&self, Tracked(perm): Tracked<&mut PermissionU32>, n: u32) -> (ret: u32)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (old(perm).view().value & n),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_or(&self, Tracked(perm): Tracked<&mut PermissionU32>, n: u32) -> (ret: u32)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (old(perm).view().value | n),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_xor(&self, Tracked(perm): Tracked<&mut PermissionU32>, n: u32) -> (ret: u32)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (old(perm).view().value ^ n),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_max(&self, Tracked(perm): Tracked<&mut PermissionU32>, n: u32) -> (ret: u32)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (if old(perm).view().value > n { old(perm).view().value } else { n }),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_min(&self, Tracked(perm): Tracked<&mut PermissionU32>, n: u32) -> (ret: u32)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (if old(perm).view().value < n { old(perm).view().value } else { n }),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }
}

#[verifier::external_body]
pub struct PAtomicU64 {
    ato: u64,
}

#[verifier::external_body]
pub tracked struct PermissionU64 {
    unused: u64,
}

pub ghost struct PermissionDataU64 {
    pub patomic: int,
    pub value: u64,
}

impl PermissionU64 {
    pub uninterp spec fn view(self) -> PermissionDataU64;

    pub open spec fn is_for(&self, patomic: PAtomicU64) -> bool {
        self.view().patomic == patomic.id()
    }

    pub open spec fn points_to(&self, v: u64) -> bool {
        self.view().value == v
    }

    #[verifier::inline]
    pub open spec fn value(&self) -> u64 {
        self.view().value
    }

    #[verifier::inline]
    pub open spec fn id(&self) -> int {
        self.view().patomic
    }
}

impl PAtomicU64 {
    pub uninterp spec fn id(&self) -> int;

    // (vstd writes `res.1@.view()`; the types here erase `Tracked`, so `res.1@` would already be
    // the permission's `view()`)
    #[verifier::external_body]
    pub fn new(i: u64) -> (res: (PAtomicU64, Tracked<PermissionU64>))
        ensures
            equal(res.1.view(), PermissionDataU64 { patomic: res.0.id(), value: i }),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn load(&self, Tracked(perm): Tracked<&PermissionU64>) -> (ret: u64)
        requires
            equal(self.id(), perm.view().patomic),
        ensures
            equal(perm.view().value, ret),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn store(&self, Tracked(perm): Tracked<&mut PermissionU64>, v: u64)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(final(perm).view().value, v) && equal(self.id(), final(perm).view().patomic),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn compare_exchange(&self, Tracked(perm): Tracked<&mut PermissionU64>, current: u64, new: u64) -> (ret: Result<u64, u64>)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(self.id(), final(perm).view().patomic) && match ret {
                Result::Ok(r) => current == old(perm).view().value && equal(final(perm).view().value, new) && equal(r, old(perm).view().value),
                Result::Err(r) => current != old(perm).view().value && equal(final(perm).view().value, old(perm).view().value) && equal(r, old(perm).view().value),
            },
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn compare_exchange_weak(&self, Tracked(perm): Tracked<&mut PermissionU64>, current: u64, new: u64) -> (ret: Result<u64, u64>)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(self.id(), final(perm).view().patomic) && match ret {
                Result::Ok(r) => current == old(perm).view().value && equal(final(perm).view().value, new) && equal(r, old(perm).view().value),
                Result::Err(r) => equal(final(perm).view().value, old(perm).view().value) && equal(r, old(perm).view().value),
            },
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn swap(&self, Tracked(perm): Tracked<&mut PermissionU64>, v: u64) -> (ret: u64)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(final(perm).view().value, v) && equal(old(perm).view().value, ret) && equal(self.id(), final(perm).view().patomic),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn into_inner(self, Tracked(perm): Tracked<PermissionU64>) -> (ret: u64)
        requires
            equal(self.id(), perm.view().patomic),
        ensures
            equal(perm.view().value, ret),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_add(&self, Tracked(perm): Tracked<&mut PermissionU64>, n: u64) -> (ret: u64)
        requires
            equal(self.id(), old(perm).view().patomic),
            (u64::MIN as int) <= old(perm).view().value + n,
            old(perm).view().value + n <= (u64::MAX as int),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == old(perm).view().value + n,
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_sub(&self, Tracked(perm): Tracked<&mut PermissionU64>, n: u64) -> (ret: u64)
        requires
            equal(self.id(), old(perm).view().patomic),
            (u64::MIN as int) <= old(perm).view().value - n,
            old(perm).view().value - n <= (u64::MAX as int),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == old(perm).view().value - n,
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_and(&self, Tracked(perm): Tracked<&mut PermissionU64>, n: u64) -> (ret: u64)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (old(perm).view().value & n),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_or(&self, Tracked(perm): Tracked<&mut PermissionU64>, n: u64) -> (ret: u64)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (old(perm).view().value | n),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_xor(&self, Tracked(perm): Tracked<&mut PermissionU64>, n: u64) -> (ret: u64)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (old(perm).view().value ^ n),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_max(&self, Tracked(perm): Tracked<&mut PermissionU64>, n: u64) -> (ret: u64)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (if old(perm).view().value > n { old(perm).view().value } else { n }),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_min(&self, Tracked(perm): Tracked<&mut PermissionU64>, n: u64) -> (ret: u64)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (if old(perm).view().value < n { old(perm).view().value } else { n }),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }
}

#[verifier::external_body]
pub struct PAtomicUsize {
    ato: usize,
}

#[verifier::external_body]
pub tracked struct PermissionUsize {
    unused: usize,
}

pub ghost struct PermissionDataUsize {
    pub patomic: int,
    pub value: usize,
}

impl PermissionUsize {
    pub uninterp spec fn view(self) -> PermissionDataUsize;

    pub open spec fn is_for(&self, patomic: PAtomicUsize) -> bool {
        self.view().patomic == patomic.id()
    }

    pub open spec fn points_to(&self, v: usize) -> bool {
        self.view().value == v
    }

    #[verifier::inline]
    pub open spec fn value(&self) -> usize {
        self.view().value
    }

    #[verifier::inline]
    pub open spec fn id(&self) -> int {
        self.view().patomic
    }
}

impl PAtomicUsize {
    pub uninterp spec fn id(&self) -> int;

    // (vstd writes `res.1@.view()`; the types here erase `Tracked`, so `res.1@` would already be
    // the permission's `view()`)
    #[verifier::external_body]
    pub fn new(i: usize) -> (res: (PAtomicUsize, Tracked<PermissionUsize>))
        ensures
            equal(res.1.view(), PermissionDataUsize { patomic: res.0.id(), value: i }),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn load(&self, Tracked(perm): Tracked<&PermissionUsize>) -> (ret: usize)
        requires
            equal(self.id(), perm.view().patomic),
        ensures
            equal(perm.view().value, ret),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn store(&self, Tracked(perm): Tracked<&mut PermissionUsize>, v: usize)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(final(perm).view().value, v) && equal(self.id(), final(perm).view().patomic),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn compare_exchange(&self, Tracked(perm): Tracked<&mut PermissionUsize>, current: usize, new: usize) -> (ret: Result<usize, usize>)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(self.id(), final(perm).view().patomic) && match ret {
                Result::Ok(r) => current == old(perm).view().value && equal(final(perm).view().value, new) && equal(r, old(perm).view().value),
                Result::Err(r) => current != old(perm).view().value && equal(final(perm).view().value, old(perm).view().value) && equal(r, old(perm).view().value),
            },
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn compare_exchange_weak(&self, Tracked(perm): Tracked<&mut PermissionUsize>, current: usize, new: usize) -> (ret: Result<usize, usize>)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(self.id(), final(perm).view().patomic) && match ret {
                Result::Ok(r) => current == old(perm).view().value && equal(final(perm).view().value, new) && equal(r, old(perm).view().value),
                Result::Err(r) => equal(final(perm).view().value, old(perm).view().value) && equal(r, old(perm).view().value),
            },
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn swap(&self, Tracked(perm): Tracked<&mut PermissionUsize>, v: usize) -> (ret: usize)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(final(perm).view().value, v) && equal(old(perm).view().value, ret) && equal(self.id(), final(perm).view().patomic),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn into_inner(self, Tracked(perm): Tracked<PermissionUsize>) -> (ret: usize)
        requires
            equal(self.id(), perm.view().patomic),
        ensures
            equal(perm.view().value, ret),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_add(&self, Tracked(perm): Tracked<&mut PermissionUsize>, n: usize) -> (ret: usize)
        requires
            equal(self.id(), old(perm).view().patomic),
            (usize::MIN as int) <= old(perm).view().value + n,
            old(perm).view().value + n <= (usize::MAX as int),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == old(perm).view().value + n,
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_sub(&self, Tracked(perm): Tracked<&mut PermissionUsize>, n: usize) -> (ret: usize)
        requires
            equal(self.id(), old(perm).view().patomic),
            (usize::MIN as int) <= old(perm).view().value - n,
            old(perm).view().value - n <= (usize::MAX as int),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == old(perm).view().value - n,
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_and(&self, Tracked(perm): Tracked<&mut PermissionUsize>, n: usize) -> (ret: usize)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (old(perm).view().value & n),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_or(&self, Tracked(perm): Tracked<&mut PermissionUsize>, n: usize) -> (ret: usize)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (old(perm).view().value | n),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_xor(&self, Tracked(perm): Tracked<&mut PermissionUsize>, n: usize) -> (ret: usize)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (old(perm).view().value ^ n),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_max(&self, Tracked(perm): Tracked<&mut PermissionUsize>, n: usize) -> (ret: usize)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (if old(perm).view().value > n { old(perm).view().value } else { n }),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_min(&self, Tracked(perm): Tracked<&mut PermissionUsize>, n: usize) -> (ret: usize)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (if old(perm).view().value < n { old(perm).view().value } else { n }),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }
}

#[verifier::external_body]
pub struct PAtomicI8 {
    ato: i8,
}

#[verifier::external_body]
pub tracked struct PermissionI8 {
    unused: i8,
}

pub ghost struct PermissionDataI8 {
    pub patomic: int,
    pub value: i8,
}

impl PermissionI8 {
    pub uninterp spec fn view(self) -> PermissionDataI8;

    pub open spec fn is_for(&self, patomic: PAtomicI8) -> bool {
        self.view().patomic == patomic.id()
    }

    pub open spec fn points_to(&self, v: i8) -> bool {
        self.view().value == v
    }

    #[verifier::inline]
    pub open spec fn value(&self) -> i8 {
        self.view().value
    }

    #[verifier::inline]
    pub open spec fn id(&self) -> int {
        self.view().patomic
    }
}

impl PAtomicI8 {
    pub uninterp spec fn id(&self) -> int;

    // (vstd writes `res.1@.view()`; the types here erase `Tracked`, so `res.1@` would already be
    // the permission's `view()`)
    #[verifier::external_body]
    pub fn new(i: i8) -> (res: (PAtomicI8, Tracked<PermissionI8>))
        ensures
            equal(res.1.view(), PermissionDataI8 { patomic: res.0.id(), value: i }),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn load(&self, Tracked(perm): Tracked<&PermissionI8>) -> (ret: i8)
        requires
            equal(self.id(), perm.view().patomic),
        ensures
            equal(perm.view().value, ret),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn store(&self, Tracked(perm): Tracked<&mut PermissionI8>, v: i8)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(final(perm).view().value, v) && equal(self.id(), final(perm).view().patomic),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn compare_exchange(&self, Tracked(perm): Tracked<&mut PermissionI8>, current: i8, new: i8) -> (ret: Result<i8, i8>)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(self.id(), final(perm).view().patomic) && match ret {
                Result::Ok(r) => current == old(perm).view().value && equal(final(perm).view().value, new) && equal(r, old(perm).view().value),
                Result::Err(r) => current != old(perm).view().value && equal(final(perm).view().value, old(perm).view().value) && equal(r, old(perm).view().value),
            },
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn compare_exchange_weak(&self, Tracked(perm): Tracked<&mut PermissionI8>, current: i8, new: i8) -> (ret: Result<i8, i8>)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(self.id(), final(perm).view().patomic) && match ret {
                Result::Ok(r) => current == old(perm).view().value && equal(final(perm).view().value, new) && equal(r, old(perm).view().value),
                Result::Err(r) => equal(final(perm).view().value, old(perm).view().value) && equal(r, old(perm).view().value),
            },
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn swap(&self, Tracked(perm): Tracked<&mut PermissionI8>, v: i8) -> (ret: i8)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(final(perm).view().value, v) && equal(old(perm).view().value, ret) && equal(self.id(), final(perm).view().patomic),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn into_inner(self, Tracked(perm): Tracked<PermissionI8>) -> (ret: i8)
        requires
            equal(self.id(), perm.view().patomic),
        ensures
            equal(perm.view().value, ret),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_add(&self, Tracked(perm): Tracked<&mut PermissionI8>, n: i8) -> (ret: i8)
        requires
            equal(self.id(), old(perm).view().patomic),
            (i8::MIN as int) <= old(perm).view().value + n,
            old(perm).view().value + n <= (i8::MAX as int),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == old(perm).view().value + n,
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_sub(&self, Tracked(perm): Tracked<&mut PermissionI8>, n: i8) -> (ret: i8)
        requires
            equal(self.id(), old(perm).view().patomic),
            (i8::MIN as int) <= old(perm).view().value - n,
            old(perm).view().value - n <= (i8::MAX as int),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == old(perm).view().value - n,
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_and(&self, Tracked(perm): Tracked<&mut PermissionI8>, n: i8) -> (ret: i8)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (old(perm).view().value & n),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_or(&self, Tracked(perm): Tracked<&mut PermissionI8>, n: i8) -> (ret: i8)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (old(perm).view().value | n),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_xor(&self, Tracked(perm): Tracked<&mut PermissionI8>, n: i8) -> (ret: i8)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (old(perm).view().value ^ n),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_max(&self, Tracked(perm): Tracked<&mut PermissionI8>, n: i8) -> (ret: i8)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (if old(perm).view().value > n { old(perm).view().value } else { n }),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_min(&self, Tracked(perm): Tracked<&mut PermissionI8>, n: i8) -> (ret: i8)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (if old(perm).view().value < n { old(perm).view().value } else { n }),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }
}

#[verifier::external_body]
pub struct PAtomicI16 {
    ato: i16,
}

#[verifier::external_body]
pub tracked struct PermissionI16 {
    unused: i16,
}

pub ghost struct PermissionDataI16 {
    pub patomic: int,
    pub value: i16,
}

impl PermissionI16 {
    pub uninterp spec fn view(self) -> PermissionDataI16;

    pub open spec fn is_for(&self, patomic: PAtomicI16) -> bool {
        self.view().patomic == patomic.id()
    }

    pub open spec fn points_to(&self, v: i16) -> bool {
        self.view().value == v
    }

    #[verifier::inline]
    pub open spec fn value(&self) -> i16 {
        self.view().value
    }

    #[verifier::inline]
    pub open spec fn id(&self) -> int {
        self.view().patomic
    }
}

impl PAtomicI16 {
    pub uninterp spec fn id(&self) -> int;

    // (vstd writes `res.1@.view()`; the types here erase `Tracked`, so `res.1@` would already be
    // the permission's `view()`)
    #[verifier::external_body]
    pub fn new(i: i16) -> (res: (PAtomicI16, Tracked<PermissionI16>))
        ensures
            equal(res.1.view(), PermissionDataI16 { patomic: res.0.id(), value: i }),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn load(&self, Tracked(perm): Tracked<&PermissionI16>) -> (ret: i16)
        requires
            equal(self.id(), perm.view().patomic),
        ensures
            equal(perm.view().value, ret),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn store(&self, Tracked(perm): Tracked<&mut PermissionI16>, v: i16)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(final(perm).view().value, v) && equal(self.id(), final(perm).view().patomic),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn compare_exchange(&self, Tracked(perm): Tracked<&mut PermissionI16>, current: i16, new: i16) -> (ret: Result<i16, i16>)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(self.id(), final(perm).view().patomic) && match ret {
                Result::Ok(r) => current == old(perm).view().value && equal(final(perm).view().value, new) && equal(r, old(perm).view().value),
                Result::Err(r) => current != old(perm).view().value && equal(final(perm).view().value, old(perm).view().value) && equal(r, old(perm).view().value),
            },
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn compare_exchange_weak(&self, Tracked(perm): Tracked<&mut PermissionI16>, current: i16, new: i16) -> (ret: Result<i16, i16>)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(self.id(), final(perm).view().patomic) && match ret {
                Result::Ok(r) => current == old(perm).view().value && equal(final(perm).view().value, new) && equal(r, old(perm).view().value),
                Result::Err(r) => equal(final(perm).view().value, old(perm).view().value) && equal(r, old(perm).view().value),
            },
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn swap(&self, Tracked(perm): Tracked<&mut PermissionI16>, v: i16) -> (ret: i16)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(final(perm).view().value, v) && equal(old(perm).view().value, ret) && equal(self.id(), final(perm).view().patomic),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn into_inner(self, Tracked(perm): Tracked<PermissionI16>) -> (ret: i16)
        requires
            equal(self.id(), perm.view().patomic),
        ensures
            equal(perm.view().value, ret),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_add(&self, Tracked(perm): Tracked<&mut PermissionI16>, n: i16) -> (ret: i16)
        requires
            equal(self.id(), old(perm).view().patomic),
            (i16::MIN as int) <= old(perm).view().value + n,
            old(perm).view().value + n <= (i16::MAX as int),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == old(perm).view().value + n,
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_sub(&self, Tracked(perm): Tracked<&mut PermissionI16>, n: i16) -> (ret: i16)
        requires
            equal(self.id(), old(perm).view().patomic),
            (i16::MIN as int) <= old(perm).view().value - n,
            old(perm).view().value - n <= (i16::MAX as int),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == old(perm).view().value - n,
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_and(&self, Tracked(perm): Tracked<&mut PermissionI16>, n: i16) -> (ret: i16)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (old(perm).view().value & n),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_or(&self, Tracked(perm): Tracked<&mut PermissionI16>, n: i16) -> (ret: i16)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (old(perm).view().value | n),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_xor(&self, Tracked(perm): Tracked<&mut PermissionI16>, n: i16) -> (ret: i16)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (old(perm).view().value ^ n),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_max(&self, Tracked(perm): Tracked<&mut PermissionI16>, n: i16) -> (ret: i16)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (if old(perm).view().value > n { old(perm).view().value } else { n }),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_min(&self, Tracked(perm): Tracked<&mut PermissionI16>, n: i16) -> (ret: i16)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (if old(perm).view().value < n { old(perm).view().value } else { n }),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }
}

#[verifier::external_body]
pub struct PAtomicI32 {
    ato: i32,
}

#[verifier::external_body]
pub tracked struct PermissionI32 {
    unused: i32,
}

pub ghost struct PermissionDataI32 {
    pub patomic: int,
    pub value: i32,
}

impl PermissionI32 {
    pub uninterp spec fn view(self) -> PermissionDataI32;

    pub open spec fn is_for(&self, patomic: PAtomicI32) -> bool {
        self.view().patomic == patomic.id()
    }

    pub open spec fn points_to(&self, v: i32) -> bool {
        self.view().value == v
    }

    #[verifier::inline]
    pub open spec fn value(&self) -> i32 {
        self.view().value
    }

    #[verifier::inline]
    pub open spec fn id(&self) -> int {
        self.view().patomic
    }
}

impl PAtomicI32 {
    pub uninterp spec fn id(&self) -> int;

    // (vstd writes `res.1@.view()`; the types here erase `Tracked`, so `res.1@` would already be
    // the permission's `view()`)
    #[verifier::external_body]
    pub fn new(i: i32) -> (res: (PAtomicI32, Tracked<PermissionI32>))
        ensures
            equal(res.1.view(), PermissionDataI32 { patomic: res.0.id(), value: i }),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn load(&self, Tracked(perm): Tracked<&PermissionI32>) -> (ret: i32)
        requires
            equal(self.id(), perm.view().patomic),
        ensures
            equal(perm.view().value, ret),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn store(&self, Tracked(perm): Tracked<&mut PermissionI32>, v: i32)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(final(perm).view().value, v) && equal(self.id(), final(perm).view().patomic),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn compare_exchange(&self, Tracked(perm): Tracked<&mut PermissionI32>, current: i32, new: i32) -> (ret: Result<i32, i32>)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(self.id(), final(perm).view().patomic) && match ret {
                Result::Ok(r) => current == old(perm).view().value && equal(final(perm).view().value, new) && equal(r, old(perm).view().value),
                Result::Err(r) => current != old(perm).view().value && equal(final(perm).view().value, old(perm).view().value) && equal(r, old(perm).view().value),
            },
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn compare_exchange_weak(&self, Tracked(perm): Tracked<&mut PermissionI32>, current: i32, new: i32) -> (ret: Result<i32, i32>)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(self.id(), final(perm).view().patomic) && match ret {
                Result::Ok(r) => current == old(perm).view().value && equal(final(perm).view().value, new) && equal(r, old(perm).view().value),
                Result::Err(r) => equal(final(perm).view().value, old(perm).view().value) && equal(r, old(perm).view().value),
            },
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn swap(&self, Tracked(perm): Tracked<&mut PermissionI32>, v: i32) -> (ret: i32)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(final(perm).view().value, v) && equal(old(perm).view().value, ret) && equal(self.id(), final(perm).view().patomic),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn into_inner(self, Tracked(perm): Tracked<PermissionI32>) -> (ret: i32)
        requires
            equal(self.id(), perm.view().patomic),
        ensures
            equal(perm.view().value, ret),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_add(&self, Tracked(perm): Tracked<&mut PermissionI32>, n: i32) -> (ret: i32)
        requires
            equal(self.id(), old(perm).view().patomic),
            (i32::MIN as int) <= old(perm).view().value + n,
            old(perm).view().value + n <= (i32::MAX as int),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == old(perm).view().value + n,
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_sub(&self, Tracked(perm): Tracked<&mut PermissionI32>, n: i32) -> (ret: i32)
        requires
            equal(self.id(), old(perm).view().patomic),
            (i32::MIN as int) <= old(perm).view().value - n,
            old(perm).view().value - n <= (i32::MAX as int),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == old(perm).view().value - n,
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_and(&self, Tracked(perm): Tracked<&mut PermissionI32>, n: i32) -> (ret: i32)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (old(perm).view().value & n),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_or(&self, Tracked(perm): Tracked<&mut PermissionI32>, n: i32) -> (ret: i32)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (old(perm).view().value | n),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_xor(&self, Tracked(perm): Tracked<&mut PermissionI32>, n: i32) -> (ret: i32)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (old(perm).view().value ^ n),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_max(&self, Tracked(perm): Tracked<&mut PermissionI32>, n: i32) -> (ret: i32)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (if old(perm).view().value > n { old(perm).view().value } else { n }),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_min(&self, Tracked(perm): Tracked<&mut PermissionI32>, n: i32) -> (ret: i32)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (if old(perm).view().value < n { old(perm).view().value } else { n }),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }
}

#[verifier::external_body]
pub struct PAtomicI64 {
    ato: i64,
}

#[verifier::external_body]
pub tracked struct PermissionI64 {
    unused: i64,
}

pub ghost struct PermissionDataI64 {
    pub patomic: int,
    pub value: i64,
}

impl PermissionI64 {
    pub uninterp spec fn view(self) -> PermissionDataI64;

    pub open spec fn is_for(&self, patomic: PAtomicI64) -> bool {
        self.view().patomic == patomic.id()
    }

    pub open spec fn points_to(&self, v: i64) -> bool {
        self.view().value == v
    }

    #[verifier::inline]
    pub open spec fn value(&self) -> i64 {
        self.view().value
    }

    #[verifier::inline]
    pub open spec fn id(&self) -> int {
        self.view().patomic
    }
}

impl PAtomicI64 {
    pub uninterp spec fn id(&self) -> int;

    // (vstd writes `res.1@.view()`; the types here erase `Tracked`, so `res.1@` would already be
    // the permission's `view()`)
    #[verifier::external_body]
    pub fn new(i: i64) -> (res: (PAtomicI64, Tracked<PermissionI64>))
        ensures
            equal(res.1.view(), PermissionDataI64 { patomic: res.0.id(), value: i }),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn load(&self, Tracked(perm): Tracked<&PermissionI64>) -> (ret: i64)
        requires
            equal(self.id(), perm.view().patomic),
        ensures
            equal(perm.view().value, ret),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn store(&self, Tracked(perm): Tracked<&mut PermissionI64>, v: i64)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(final(perm).view().value, v) && equal(self.id(), final(perm).view().patomic),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn compare_exchange(&self, Tracked(perm): Tracked<&mut PermissionI64>, current: i64, new: i64) -> (ret: Result<i64, i64>)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(self.id(), final(perm).view().patomic) && match ret {
                Result::Ok(r) => current == old(perm).view().value && equal(final(perm).view().value, new) && equal(r, old(perm).view().value),
                Result::Err(r) => current != old(perm).view().value && equal(final(perm).view().value, old(perm).view().value) && equal(r, old(perm).view().value),
            },
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn compare_exchange_weak(&self, Tracked(perm): Tracked<&mut PermissionI64>, current: i64, new: i64) -> (ret: Result<i64, i64>)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(self.id(), final(perm).view().patomic) && match ret {
                Result::Ok(r) => current == old(perm).view().value && equal(final(perm).view().value, new) && equal(r, old(perm).view().value),
                Result::Err(r) => equal(final(perm).view().value, old(perm).view().value) && equal(r, old(perm).view().value),
            },
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn swap(&self, Tracked(perm): Tracked<&mut PermissionI64>, v: i64) -> (ret: i64)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(final(perm).view().value, v) && equal(old(perm).view().value, ret) && equal(self.id(), final(perm).view().patomic),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn into_inner(self, Tracked(perm): Tracked<PermissionI64>) -> (ret: i64)
        requires
            equal(self.id(), perm.view().patomic),
        ensures
            equal(perm.view().value, ret),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_add(&self, Tracked(perm): Tracked<&mut PermissionI64>, n: i64) -> (ret: i64)
        requires
            equal(self.id(), old(perm).view().patomic),
            (i64::MIN as int) <= old(perm).view().value + n,
            old(perm).view().value + n <= (i64::MAX as int),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == old(perm).view().value + n,
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_sub(&self, Tracked(perm): Tracked<&mut PermissionI64>, n: i64) -> (ret: i64)
        requires
            equal(self.id(), old(perm).view().patomic),
            (i64::MIN as int) <= old(perm).view().value - n,
            old(perm).view().value - n <= (i64::MAX as int),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == old(perm).view().value - n,
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_and(&self, Tracked(perm): Tracked<&mut PermissionI64>, n: i64) -> (ret: i64)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (old(perm).view().value & n),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_or(&self, Tracked(perm): Tracked<&mut PermissionI64>, n: i64) -> (ret: i64)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (old(perm).view().value | n),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_xor(&self, Tracked(perm): Tracked<&mut PermissionI64>, n: i64) -> (ret: i64)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (old(perm).view().value ^ n),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_max(&self, Tracked(perm): Tracked<&mut PermissionI64>, n: i64) -> (ret: i64)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (if old(perm).view().value > n { old(perm).view().value } else { n }),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_min(&self, Tracked(perm): Tracked<&mut PermissionI64>, n: i64) -> (ret: i64)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (if old(perm).view().value < n { old(perm).view().value } else { n }),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }
}

#[verifier::external_body]
pub struct PAtomicIsize {
    ato: isize,
}

#[verifier::external_body]
pub tracked struct PermissionIsize {
    unused: isize,
}

pub ghost struct PermissionDataIsize {
    pub patomic: int,
    pub value: isize,
}

impl PermissionIsize {
    pub uninterp spec fn view(self) -> PermissionDataIsize;

    pub open spec fn is_for(&self, patomic: PAtomicIsize) -> bool {
        self.view().patomic == patomic.id()
    }

    pub open spec fn points_to(&self, v: isize) -> bool {
        self.view().value == v
    }

    #[verifier::inline]
    pub open spec fn value(&self) -> isize {
        self.view().value
    }

    #[verifier::inline]
    pub open spec fn id(&self) -> int {
        self.view().patomic
    }
}

impl PAtomicIsize {
    pub uninterp spec fn id(&self) -> int;

    // (vstd writes `res.1@.view()`; the types here erase `Tracked`, so `res.1@` would already be
    // the permission's `view()`)
    #[verifier::external_body]
    pub fn new(i: isize) -> (res: (PAtomicIsize, Tracked<PermissionIsize>))
        ensures
            equal(res.1.view(), PermissionDataIsize { patomic: res.0.id(), value: i }),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn load(&self, Tracked(perm): Tracked<&PermissionIsize>) -> (ret: isize)
        requires
            equal(self.id(), perm.view().patomic),
        ensures
            equal(perm.view().value, ret),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn store(&self, Tracked(perm): Tracked<&mut PermissionIsize>, v: isize)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(final(perm).view().value, v) && equal(self.id(), final(perm).view().patomic),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn compare_exchange(&self, Tracked(perm): Tracked<&mut PermissionIsize>, current: isize, new: isize) -> (ret: Result<isize, isize>)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(self.id(), final(perm).view().patomic) && match ret {
                Result::Ok(r) => current == old(perm).view().value && equal(final(perm).view().value, new) && equal(r, old(perm).view().value),
                Result::Err(r) => current != old(perm).view().value && equal(final(perm).view().value, old(perm).view().value) && equal(r, old(perm).view().value),
            },
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn compare_exchange_weak(&self, Tracked(perm): Tracked<&mut PermissionIsize>, current: isize, new: isize) -> (ret: Result<isize, isize>)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(self.id(), final(perm).view().patomic) && match ret {
                Result::Ok(r) => current == old(perm).view().value && equal(final(perm).view().value, new) && equal(r, old(perm).view().value),
                Result::Err(r) => equal(final(perm).view().value, old(perm).view().value) && equal(r, old(perm).view().value),
            },
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn swap(&self, Tracked(perm): Tracked<&mut PermissionIsize>, v: isize) -> (ret: isize)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(final(perm).view().value, v) && equal(old(perm).view().value, ret) && equal(self.id(), final(perm).view().patomic),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn into_inner(self, Tracked(perm): Tracked<PermissionIsize>) -> (ret: isize)
        requires
            equal(self.id(), perm.view().patomic),
        ensures
            equal(perm.view().value, ret),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_add(&self, Tracked(perm): Tracked<&mut PermissionIsize>, n: isize) -> (ret: isize)
        requires
            equal(self.id(), old(perm).view().patomic),
            (isize::MIN as int) <= old(perm).view().value + n,
            old(perm).view().value + n <= (isize::MAX as int),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == old(perm).view().value + n,
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_sub(&self, Tracked(perm): Tracked<&mut PermissionIsize>, n: isize) -> (ret: isize)
        requires
            equal(self.id(), old(perm).view().patomic),
            (isize::MIN as int) <= old(perm).view().value - n,
            old(perm).view().value - n <= (isize::MAX as int),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == old(perm).view().value - n,
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_and(&self, Tracked(perm): Tracked<&mut PermissionIsize>, n: isize) -> (ret: isize)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (old(perm).view().value & n),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_or(&self, Tracked(perm): Tracked<&mut PermissionIsize>, n: isize) -> (ret: isize)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (old(perm).view().value | n),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_xor(&self, Tracked(perm): Tracked<&mut PermissionIsize>, n: isize) -> (ret: isize)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (old(perm).view().value ^ n),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_max(&self, Tracked(perm): Tracked<&mut PermissionIsize>, n: isize) -> (ret: isize)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (if old(perm).view().value > n { old(perm).view().value } else { n }),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_min(&self, Tracked(perm): Tracked<&mut PermissionIsize>, n: isize) -> (ret: isize)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (if old(perm).view().value < n { old(perm).view().value } else { n }),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }
}

#[verifier::external_body]
pub struct PAtomicBool {
    ato: bool,
}

#[verifier::external_body]
pub tracked struct PermissionBool {
    unused: bool,
}

pub ghost struct PermissionDataBool {
    pub patomic: int,
    pub value: bool,
}

impl PermissionBool {
    pub uninterp spec fn view(self) -> PermissionDataBool;

    pub open spec fn is_for(&self, patomic: PAtomicBool) -> bool {
        self.view().patomic == patomic.id()
    }

    pub open spec fn points_to(&self, v: bool) -> bool {
        self.view().value == v
    }

    #[verifier::inline]
    pub open spec fn value(&self) -> bool {
        self.view().value
    }

    #[verifier::inline]
    pub open spec fn id(&self) -> int {
        self.view().patomic
    }
}

impl PAtomicBool {
    pub uninterp spec fn id(&self) -> int;

    // (vstd writes `res.1@.view()`; the types here erase `Tracked`, so `res.1@` would already be
    // the permission's `view()`)
    #[verifier::external_body]
    pub fn new(i: bool) -> (res: (PAtomicBool, Tracked<PermissionBool>))
        ensures
            equal(res.1.view(), PermissionDataBool { patomic: res.0.id(), value: i }),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn load(&self, Tracked(perm): Tracked<&PermissionBool>) -> (ret: bool)
        requires
            equal(self.id(), perm.view().patomic),
        ensures
            equal(perm.view().value, ret),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn store(&self, Tracked(perm): Tracked<&mut PermissionBool>, v: bool)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(final(perm).view().value, v) && equal(self.id(), final(perm).view().patomic),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn compare_exchange(&self, Tracked(perm): Tracked<&mut PermissionBool>, current: bool, new: bool) -> (ret: Result<bool, bool>)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(self.id(), final(perm).view().patomic) && match ret {
                Result::Ok(r) => current == old(perm).view().value && equal(final(perm).view().value, new) && equal(r, old(perm).view().value),
                Result::Err(r) => current != old(perm).view().value && equal(final(perm).view().value, old(perm).view().value) && equal(r, old(perm).view().value),
            },
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn compare_exchange_weak(&self, Tracked(perm): Tracked<&mut PermissionBool>, current: bool, new: bool) -> (ret: Result<bool, bool>)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(self.id(), final(perm).view().patomic) && match ret {
                Result::Ok(r) => current == old(perm).view().value && equal(final(perm).view().value, new) && equal(r, old(perm).view().value),
                Result::Err(r) => equal(final(perm).view().value, old(perm).view().value) && equal(r, old(perm).view().value),
            },
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn swap(&self, Tracked(perm): Tracked<&mut PermissionBool>, v: bool) -> (ret: bool)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(final(perm).view().value, v) && equal(old(perm).view().value, ret) && equal(self.id(), final(perm).view().patomic),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn into_inner(self, Tracked(perm): Tracked<PermissionBool>) -> (ret: bool)
        requires
            equal(self.id(), perm.view().patomic),
        ensures
            equal(perm.view().value, ret),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_and(&self, Tracked(perm): Tracked<&mut PermissionBool>, n: bool) -> (ret: bool)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (old(perm).view().value && n),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_or(&self, Tracked(perm): Tracked<&mut PermissionBool>, n: bool) -> (ret: bool)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (old(perm).view().value || n),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::atomic]
    pub fn fetch_xor(&self, Tracked(perm): Tracked<&mut PermissionBool>, n: bool) -> (ret: bool)
        requires
            equal(self.id(), old(perm).view().patomic),
        ensures
            equal(old(perm).view().value, ret),
            final(perm).view().patomic == old(perm).view().patomic,
            final(perm).view().value == (old(perm).view().value != n),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }
}

} // verus!
