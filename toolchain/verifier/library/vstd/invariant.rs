// vstd::invariant: invariants that hold of a tracked value between program points, opened for the
// length of a block (`open_atomic_invariant!(&inv => v => { .. })`, `open_local_invariant!`, and
// their `_in_proof` forms taking a credit). The verifier reads each such block as: the namespace
// is in the current mask, and is out of it inside the block; `v` is a tracked value the invariant
// holds of (`open_*_invariant_begin`); the invariant must hold of it again at the end
// (`open_invariant_end`, `open_local_invariant_end`); the block does not unwind or exit early,
// and an atomic one holds at most one atomic exec operation (check/invariant-blocks.ts). Names,
// signatures and clauses follow vstd's; everything here is trusted (axioms, `external_body`). The
// datatypes' private field means nothing (user code cannot build one), as `PointsTo`'s.
verus! {

pub trait InvariantPredicate<K, V> {
    spec fn inv(k: K, v: V) -> bool;
}

/// An invariant any thread may open, for one atomic operation.
pub tracked struct AtomicInvariant<K, V, Pred> {
    token: nat,
}

/// An invariant the thread holding it may open (it is not `Sync`).
pub tracked struct LocalInvariant<K, V, Pred> {
    token: nat,
}

impl<K, V, Pred> AtomicInvariant<K, V, Pred> {
    pub uninterp spec fn constant(&self) -> K;

    pub uninterp spec fn namespace(&self) -> int;
}

impl<K, V, Pred: InvariantPredicate<K, V>> AtomicInvariant<K, V, Pred> {
    pub open spec fn inv(&self, v: V) -> bool {
        Pred::inv(self.constant(), v)
    }

    #[verifier::external_body]
    pub proof fn new(k: K, tracked v: V, ns: int) -> (tracked i: AtomicInvariant<K, V, Pred>)
        requires
            Pred::inv(k, v),
        ensures
            i.constant() == k,
            i.namespace() == ns,
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub proof fn into_inner(tracked self) -> (tracked v: V)
        ensures
            self.inv(v),
        opens_invariants [self.namespace()]
    {
        unimplemented!()
    }
}

impl<K, V, Pred> LocalInvariant<K, V, Pred> {
    pub uninterp spec fn constant(&self) -> K;

    pub uninterp spec fn namespace(&self) -> int;
}

impl<K, V, Pred: InvariantPredicate<K, V>> LocalInvariant<K, V, Pred> {
    pub open spec fn inv(&self, v: V) -> bool {
        Pred::inv(self.constant(), v)
    }

    #[verifier::external_body]
    pub proof fn new(k: K, tracked v: V, ns: int) -> (tracked i: LocalInvariant<K, V, Pred>)
        requires
            Pred::inv(k, v),
        ensures
            i.constant() == k,
            i.namespace() == ns,
    {
        unimplemented!()
    }

    #[verifier::external_body]
    pub proof fn into_inner(tracked self) -> (tracked v: V)
        ensures
            self.inv(v),
    {
        unimplemented!()
    }
}

/// The right to open one invariant in proof code.
pub tracked struct OpenInvariantCredit {
    token: nat,
}

#[verifier::external_body]
pub fn create_open_invariant_credit() -> Tracked<OpenInvariantCredit>
    opens_invariants none
    no_unwind
{
    unimplemented!()
}

#[verifier::external_body]
pub proof fn spend_open_invariant_credit_in_proof(tracked credit: OpenInvariantCredit) {
}

/// What an invariant block holds at its start (`open_atomic_invariant!`).
#[verifier::external_body]
pub proof fn open_atomic_invariant_begin<K, V, Pred: InvariantPredicate<K, V>>(tracked i: &AtomicInvariant<K, V, Pred>) -> (tracked v: V)
    ensures
        i.inv(v),
{
    unimplemented!()
}

/// What an invariant block holds at its start (`open_local_invariant!`).
#[verifier::external_body]
pub proof fn open_local_invariant_begin<K, V, Pred: InvariantPredicate<K, V>>(tracked i: &LocalInvariant<K, V, Pred>) -> (tracked v: V)
    ensures
        i.inv(v),
{
    unimplemented!()
}

/// What an atomic invariant block must give back at its end (to the invariant as it was opened).
#[verifier::external_body]
#[verifier::custom_req_err("Cannot show invariant holds at end of block")]
pub proof fn open_atomic_invariant_end<K, V, Pred: InvariantPredicate<K, V>>(i: &AtomicInvariant<K, V, Pred>, tracked v: V)
    requires
        i.inv(v),
{
}

/// What a local invariant block must give back at its end (to the invariant as it was opened).
#[verifier::external_body]
#[verifier::custom_req_err("Cannot show invariant holds at end of block")]
pub proof fn open_local_invariant_end<K, V, Pred: InvariantPredicate<K, V>>(i: &LocalInvariant<K, V, Pred>, tracked v: V)
    requires
        i.inv(v),
{
}

} // verus!
