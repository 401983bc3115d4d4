// vstd's `struct_with_invariants!` (struct-invariants.ts) over atomic_ghost's atomics and
// invariant's `LocalInvariant`: the macro fills in each `_` constant and predicate type, makes
// the spec fn state that each such field is well formed with its constant, and gives each
// invariant's predicate type its trait impl (reported at the macro's name, one per invariant).
use vstd::prelude::*;

verus! {

use vstd::atomic_ghost::*;
use vstd::invariant::*;

// expect: verified
struct_with_invariants! {
    pub struct SwiCounter {
        pub value: AtomicU64<_, (), _>,
        pub limit: u64,
    }

    // expect: verified
    pub open spec fn wf(&self) -> bool {
        predicate { self.limit > 0 }
        invariant on value with (limit) is (v: u64, g: ()) {
            v <= limit
        }
    }
}

// expect: verified
fn swi_make(limit: u64) -> (c: SwiCounter)
    requires
        limit > 0,
    ensures
        c.wf(),
        c.limit == limit,
{
    let value = AtomicU64::new(Ghost(limit), 0, Tracked(()));
    SwiCounter { value, limit }
}

// the stored value breaks the invariant: `new`'s precondition
// expect: failed precondition
fn swi_make_over(limit: u64) -> (c: SwiCounter)
    requires
        0 < limit < 100,
{
    let value = AtomicU64::new(Ghost(limit), limit + 1, Tracked(()));
    SwiCounter { value, limit }
}

// the atomic's constant is not the field it depends on
// expect: failed postcondition
fn swi_make_wrong_constant(limit: u64) -> (c: SwiCounter)
    requires
        limit > 1,
    ensures
        c.wf(),
{
    let value = AtomicU64::new(Ghost((limit - 1) as u64), 0, Tracked(()));
    SwiCounter { value, limit }
}

// the `predicate { .. }` conjunct is part of `wf`
// expect: failed postcondition
fn swi_make_zero_limit() -> (c: SwiCounter)
    ensures
        c.wf(),
{
    let value = AtomicU64::new(Ghost(0), 0, Tracked(()));
    SwiCounter { value, limit: 0 }
}

// expect: verified
fn swi_read_back(c: SwiCounter) -> (v: u64)
    requires
        c.wf(),
    ensures
        v <= c.limit,
{
    let (v, Tracked(g)) = c.value.into_inner();
    v
}

// expect: failed postcondition
fn swi_read_back_strict(c: SwiCounter) -> (v: u64)
    requires
        c.wf(),
    ensures
        v < c.limit,
{
    let (v, Tracked(g)) = c.value.into_inner();
    v
}

// expect: verified
proof fn swi_limit_positive(c: SwiCounter)
    requires
        c.wf(),
    ensures
        c.limit > 0,
{
}

// expect: failed postcondition
proof fn swi_limit_big(c: SwiCounter)
    requires
        c.wf(),
    ensures
        c.limit > 1,
{
}

// a container field: each element has the invariant, its index the constant
// expect: verified
struct_with_invariants! {
    struct SwiMany {
        cells: Vec<AtomicU32<_, (), _>>,
    }

    // expect: verified
    spec fn wf(&self) -> bool {
        invariant on cells forall |i: int| where (0 <= i < self.cells@.len()) specifically (self.cells@[i]) is (v: u32, g: ()) {
            v % 2 == 0 && i >= 0
        }
    }
}

// expect: verified
proof fn swi_many_constant(m: SwiMany, i: int)
    requires
        m.wf(),
        0 <= i < m.cells@.len(),
    ensures
        m.cells@[i].constant() == i,
        m.cells@[i].well_formed(),
{
}

// `where` bounds the elements that have it
// expect: failed postcondition
proof fn swi_many_constant_past_end(m: SwiMany, i: int)
    requires
        m.wf(),
        0 <= i <= m.cells@.len(),
    ensures
        m.cells@[i].constant() == i,
{
}

// expect: verified
fn swi_many_read(m: SwiMany) -> (v: u32)
    requires
        m.wf(),
        m.cells@.len() > 0,
    ensures
        v % 2 == 0,
{
    m.cells[0].load();
    let cells = m.cells;
    let mut cells = cells;
    let c = cells.pop().unwrap();
    let (v, Tracked(g)) = c.into_inner();
    v
}

// an invariant's value (`LocalInvariant<K, V, Pred>`, one parameter after `is`)
// expect: verified
struct_with_invariants! {
    struct SwiGuarded {
        inv: Tracked<LocalInvariant<_, u8, _>>,
        id: int,
    }

    // expect: verified
    spec fn wf(&self) -> bool {
        invariant on inv with (id) is (v: u8) {
            v as int == id
        }
    }
}

// expect: verified
proof fn swi_guarded_constant(g: SwiGuarded)
    requires
        g.wf(),
    ensures
        g.inv@.constant() == g.id,
        g.inv@.inv(g.id as u8) || g.id > 255 || g.id < 0,
{
}

// expect: failed postcondition
proof fn swi_guarded_other_value(g: SwiGuarded)
    requires
        g.wf(),
    ensures
        g.inv@.inv(0),
{
}

// an atomic's operations need it well formed, which only `wf` says
// expect: failed precondition
fn swi_load_unknown(c: SwiCounter) {
    c.value.load();
}

// expect: failed postcondition
proof fn swi_guarded_wrong_constant(g: SwiGuarded)
    requires
        g.wf(),
    ensures
        g.inv@.constant() == g.id + 1,
{
}

} // verus!
