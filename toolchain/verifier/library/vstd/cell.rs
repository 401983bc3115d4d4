// vstd::cell, as the verifier reads it: a `PCell<V>` is a cell known only by its identity
// (`id()`), and a tracked permission (`PointsTo<V>`, this module's own type of that name) says
// which cell it covers and what the cell holds. Everything here is trusted: the exec functions
// are `external_body` (their contracts are the axioms), the identities and contents uninterpreted
// spec functions, so two cells are not known to differ and a permission of one cell cannot be
// shown to fit another. Names, signatures and clauses follow vstd's cell (`pcell_points![c => m]`
// written out as the `PointsToData` it builds). Read only by a crate that names `cell::` or
// `PCell`; simple_pptr's `PointsTo` is another type, so a crate naming both is not modelled.
verus! {

/// The identity of a cell.
#[verifier::external_body]
pub struct CellId {
    id: int,
}

/// A cell whose contents are read and written with its permission.
#[verifier::external_body]
#[verifier::accept_recursive_types(V)]
pub struct PCell<V> {
    v: Option<V>,
}

/// The permission to read and write one cell.
#[verifier::external_body]
#[verifier::reject_recursive_types_in_ground_variants(V)]
pub tracked struct PointsTo<V> {
    v: Option<V>,
}

/// What a permission says: its cell, and what the cell holds.
pub ghost struct PointsToData<V> {
    pub pcell: CellId,
    pub mem_contents: MemContents<V>,
}

impl<V> PointsTo<V> {
    /// The identity of the cell this permission covers.
    pub uninterp spec fn id(&self) -> CellId;

    /// What the cell holds: uninitialized, or a value.
    pub uninterp spec fn mem_contents(&self) -> MemContents<V>;

    pub open spec fn view(self) -> PointsToData<V> {
        PointsToData { pcell: self.id(), mem_contents: self.mem_contents() }
    }

    #[verifier::inline]
    pub open spec fn is_init(&self) -> bool {
        self.mem_contents().is_init()
    }

    #[verifier::inline]
    pub open spec fn is_uninit(&self) -> bool {
        self.mem_contents().is_uninit()
    }

    #[verifier::inline]
    pub open spec fn value(&self) -> V
        recommends
            self.is_init(),
    {
        self.mem_contents().value()
    }
}

impl<V> PCell<V> {
    /// The cell's identity.
    pub uninterp spec fn id(&self) -> CellId;

    /// A new, uninitialized cell and its permission.
    #[verifier::external_body]
    pub fn empty() -> (pt: (PCell<V>, Tracked<PointsTo<V>>))
        ensures
            pt.1@@ == (PointsToData { pcell: pt.0.id(), mem_contents: MemContents::<V>::Uninit }),
    {
        unimplemented!()
    }

    /// A new cell holding `v`, and its permission.
    #[verifier::external_body]
    pub fn new(v: V) -> (pt: (PCell<V>, Tracked<PointsTo<V>>))
        ensures
            pt.1@@ == (PointsToData { pcell: pt.0.id(), mem_contents: MemContents::Init(v) }),
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn put(&self, Tracked(perm): Tracked<&mut PointsTo<V>>, v: V)
        requires
            old(perm)@ == (PointsToData { pcell: self.id(), mem_contents: MemContents::<V>::Uninit }),
        ensures
            perm@ == (PointsToData { pcell: self.id(), mem_contents: MemContents::Init(v) }),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn take(&self, Tracked(perm): Tracked<&mut PointsTo<V>>) -> (v: V)
        requires
            self.id() == old(perm)@.pcell,
            old(perm).is_init(),
        ensures
            perm.id() == old(perm)@.pcell,
            perm.mem_contents() == MemContents::<V>::Uninit,
            v == old(perm).value(),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn replace(&self, Tracked(perm): Tracked<&mut PointsTo<V>>, in_v: V) -> (out_v: V)
        requires
            self.id() == old(perm)@.pcell,
            old(perm).is_init(),
        ensures
            perm.id() == old(perm)@.pcell,
            perm.mem_contents() == MemContents::Init(in_v),
            out_v == old(perm).value(),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub fn borrow(&self, Tracked(perm): Tracked<&PointsTo<V>>) -> (v: &V)
        requires
            self.id() == perm@.pcell,
            perm.is_init(),
        ensures
            *v == perm.value(),
        opens_invariants none
        no_unwind
    {
        unimplemented!()
    }

    pub fn into_inner(self, Tracked(perm): Tracked<PointsTo<V>>) -> (v: V)
        requires
            self.id() == perm@.pcell,
            perm.is_init(),
        ensures
            v == perm.value(),
        opens_invariants none
        no_unwind
    {
        let tracked mut perm = perm;
        self.take(Tracked(&mut perm))
    }
}

} // verus!
