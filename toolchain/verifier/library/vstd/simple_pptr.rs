// vstd::simple_pptr, the permission model of Verus's standard library, as the verifier reads it:
// a pointer is a plain address (`PPtr<V>`), and a tracked permission (`PointsTo<V>`) says which
// address it covers and what that memory holds. Everything here is trusted: the exec functions are
// `external_body` (their contracts are the axioms), the permission's address and contents are
// uninterpreted spec functions. Names, signatures and clauses follow vstd's simple_pptr. What
// the memory holds is a `MemContents` (mem_contents.rs). Read only by a crate that names
// `simple_pptr` or `PPtr` (vstd::cell's `PointsTo` is another type of the same name: cell.rs).
verus! {

/// A pointer: an address, nothing more. Two pointers to the same address are equal.
#[derive(Clone, Copy)]
pub struct PPtr<V>(pub usize);

/// The permission to read and write the `V` at one address. Its address and contents are known
/// only through `addr()` and `mem_contents()`; user code cannot build one with useful values (the
/// field is private and means nothing).
pub tracked struct PointsTo<V> {
    token: nat,
}

impl<V> PointsTo<V> {
    pub uninterp spec fn addr(&self) -> usize;

    pub uninterp spec fn mem_contents(&self) -> MemContents<V>;

    pub open spec fn pptr(&self) -> PPtr<V> {
        PPtr(self.addr())
    }

    pub open spec fn opt_value(&self) -> MemContents<V> {
        self.mem_contents()
    }

    pub open spec fn is_init(&self) -> bool {
        self.mem_contents().is_init()
    }

    pub open spec fn is_uninit(&self) -> bool {
        self.mem_contents().is_uninit()
    }

    pub open spec fn value(&self) -> V
        recommends
            self.is_init(),
    {
        self.mem_contents().value()
    }
}

impl<V> PPtr<V> {
    #[verifier::inline]
    // (vstd's is `spec_addr(p: PPtr<V>)`; the checker of `when_used_as_spec` wants `self` as `addr`)
    pub open spec fn spec_addr(self) -> usize {
        self.0
    }

    /// In ghost code `p.addr()` is `spec_addr(p)`.
    #[verifier::external_body]
    #[verifier::when_used_as_spec(spec_addr)]
    pub fn addr(self) -> (u: usize)
        ensures
            u == self.0,
    {
        self.0
    }

    #[verifier::external_body]
    pub fn from_addr(u: usize) -> (s: Self)
        ensures
            s.0 == u,
    {
        PPtr(u)
    }

    #[verifier::external_body]
    pub fn from_usize(u: usize) -> (s: Self)
        ensures
            s.0 == u,
    {
        PPtr(u)
    }

    /// A new allocation, uninitialized.
    #[verifier::external_body]
    pub fn empty() -> (pt: (PPtr<V>, Tracked<PointsTo<V>>))
        ensures
            pt.1@.pptr() == pt.0,
            pt.1@.mem_contents() == MemContents::<V>::Uninit,
    {
        unimplemented!()
    }

    /// A new allocation holding `v`.
    #[verifier::external_body]
    pub fn new(v: V) -> (pt: (PPtr<V>, Tracked<PointsTo<V>>))
        ensures
            pt.1@.pptr() == pt.0,
            pt.1@.mem_contents() == MemContents::Init(v),
    {
        unimplemented!()
    }

    /// Frees uninitialized memory, consuming its permission.
    #[verifier::external_body]
    pub fn free(self, Tracked(perm): Tracked<PointsTo<V>>)
        requires
            perm.pptr() == self,
            perm.is_uninit(),
    {
        unimplemented!()
    }

    /// Moves the value out and frees the memory, consuming its permission.
    #[verifier::external_body]
    pub fn into_inner(self, Tracked(perm): Tracked<PointsTo<V>>) -> (v: V)
        requires
            perm.pptr() == self,
            perm.is_init(),
        ensures
            v == perm.value(),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn borrow(self, Tracked(perm): Tracked<&PointsTo<V>>) -> (v: &V)
        requires
            perm.pptr() == self,
            perm.is_init(),
        ensures
            v == perm.value(),
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn read(self, Tracked(perm): Tracked<&PointsTo<V>>) -> (v: V)
        requires
            perm.pptr() == self,
            perm.is_init(),
        ensures
            v == perm.value(),
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn write(self, Tracked(perm): Tracked<&mut PointsTo<V>>, in_v: V)
        requires
            old(perm).pptr() == self,
        ensures
            perm.pptr() == old(perm).pptr(),
            perm.mem_contents() == MemContents::Init(in_v),
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn put(self, Tracked(perm): Tracked<&mut PointsTo<V>>, v: V)
        requires
            old(perm).pptr() == self,
            old(perm).is_uninit(),
        ensures
            perm.pptr() == old(perm).pptr(),
            perm.mem_contents() == MemContents::Init(v),
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn take(self, Tracked(perm): Tracked<&mut PointsTo<V>>) -> (v: V)
        requires
            old(perm).pptr() == self,
            old(perm).is_init(),
        ensures
            perm.pptr() == old(perm).pptr(),
            perm.is_uninit(),
            v == old(perm).value(),
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn replace(self, Tracked(perm): Tracked<&mut PointsTo<V>>, in_v: V) -> (out_v: V)
        requires
            old(perm).pptr() == self,
            old(perm).is_init(),
        ensures
            perm.pptr() == old(perm).pptr(),
            perm.mem_contents() == MemContents::Init(in_v),
            out_v == old(perm).value(),
        no_unwind
    {
        unimplemented!()
    }
}

} // verus!
