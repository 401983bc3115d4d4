//! Bounded FIFO of thread ids (ring buffer), used for the run queue and endpoint wait queues.
//!
//! Invariant (`wf`): `head < QCAP`, `len <= QCAP`, and the ghost sequence `seq@` lists the
//! queued ids in order: `seq@[k] == slots[(head + k) % QCAP]` for every `k < len`.
//! The lemmas below say what popping the front or pushing at the back does to membership and to
//! `distinct` (no id twice), which the kernel's invariant keeps for every queue.

use vstd::prelude::*;

verus! {

pub const QCAP: usize = 8;

#[derive(Clone, Copy)]
pub struct ThreadQueue {
    pub slots: [usize; QCAP],
    pub head: usize,
    pub len: usize,
    pub seq: Ghost<Seq<usize>>,
}

/// No id occurs twice in `s`. Opaque: the lemmas below are what the kernel needs of it (its
/// pairwise quantifier, left visible, would be instantiated for every two reads of every queue).
#[verifier::opaque]
pub open spec fn distinct(s: Seq<usize>) -> bool {
    forall|i: int, j: int| 0 <= i < s.len() && 0 <= j < s.len() && i != j ==> #[trigger] s[i] != #[trigger] s[j]
}

/// `t` is in a non-empty `s` exactly when it is the front or in the rest.
pub proof fn lemma_contains_pop(s: Seq<usize>, t: usize)
    requires s.len() > 0,
    ensures s.contains(t) == (s[0] == t || s.subrange(1, s.len() as int).contains(t)),
{
    let rest = s.subrange(1, s.len() as int);
    assert forall|k: int| 0 < k < s.len() && #[trigger] s[k] == t implies rest.contains(t) by {
        assert(rest[k - 1] == t);
    }
    assert forall|k: int| 0 <= k < rest.len() && #[trigger] rest[k] == t implies s.contains(t) by {
        assert(s[k + 1] == t);
    }
    if s[0] == t {
        assert(s[0] == t);
    }
}

/// `t` is in `s.push(x)` exactly when it is `x` or in `s`.
pub proof fn lemma_contains_push(s: Seq<usize>, x: usize, t: usize)
    ensures s.push(x).contains(t) == (x == t || s.contains(t)),
{
    let q = s.push(x);
    assert forall|k: int| 0 <= k < s.len() && #[trigger] s[k] == t implies q.contains(t) by {
        assert(q[k] == t);
    }
    assert forall|k: int| 0 <= k < q.len() && #[trigger] q[k] == t implies x == t || s.contains(t) by {
        if k < s.len() {
            assert(s[k] == t);
        }
    }
    assert(q[s.len() as int] == x);
}

/// Popping the front of a distinct sequence leaves a distinct rest without the front.
pub proof fn lemma_distinct_pop(s: Seq<usize>)
    requires s.len() > 0, distinct(s),
    ensures
        distinct(s.subrange(1, s.len() as int)),
        !s.subrange(1, s.len() as int).contains(s[0]),
{
    reveal(distinct);
    let rest = s.subrange(1, s.len() as int);
    assert forall|i: int, j: int| 0 <= i < rest.len() && 0 <= j < rest.len() && i != j implies #[trigger] rest[i] != #[trigger] rest[j] by {
        assert(rest[i] == s[i + 1] && rest[j] == s[j + 1]);
    }
    assert forall|k: int| 0 <= k < rest.len() implies #[trigger] rest[k] != s[0] by {
        assert(rest[k] == s[k + 1]);
    }
}

/// Pushing an id that is not in a distinct sequence keeps it distinct.
pub proof fn lemma_distinct_push(s: Seq<usize>, x: usize)
    requires distinct(s), !s.contains(x),
    ensures distinct(s.push(x)),
{
    reveal(distinct);
    let q = s.push(x);
    assert forall|i: int, j: int| 0 <= i < q.len() && 0 <= j < q.len() && i != j implies #[trigger] q[i] != #[trigger] q[j] by {
        if i < s.len() {
            assert(q[i] == s[i]);
        }
        if j < s.len() {
            assert(q[j] == s[j]);
        }
    }
}

impl ThreadQueue {
    pub open spec fn wf(&self) -> bool {
        &&& self.head < QCAP
        &&& self.len <= QCAP
        &&& self.seq@.len() == self.len
        &&& self.ring_ok()
    }

    /// The ghost sequence is the ring's contents. Opaque: only the queue's own operations look
    /// inside (elsewhere, instantiating it on both arrays of a queue feeds itself forever).
    #[verifier::opaque]
    pub open spec fn ring_ok(&self) -> bool {
        forall|k: int| 0 <= k < self.len ==> #[trigger] self.seq@[k] == self.slots[(self.head + k) % (QCAP as int)]
    }

    pub fn new() -> (q: ThreadQueue)
        ensures
            q.wf(),
            q.seq@ == Seq::<usize>::empty(),
    {
        reveal(ThreadQueue::ring_ok);
        ThreadQueue { slots: [0; QCAP], head: 0, len: 0, seq: Ghost(Seq::empty()) }
    }

    pub fn len(&self) -> (n: usize)
        requires self.wf(),
        ensures n == self.seq@.len(),
    {
        self.len
    }

    pub fn is_empty(&self) -> (r: bool)
        requires self.wf(),
        ensures r == (self.seq@.len() == 0),
    {
        self.len == 0
    }

    pub fn is_full(&self) -> (r: bool)
        requires self.wf(),
        ensures r == (self.seq@.len() == QCAP),
    {
        self.len == QCAP
    }

    /// Append `t` at the back.
    pub fn push_back(&mut self, t: usize)
        requires
            old(self).wf(),
            old(self).seq@.len() < QCAP,
        ensures
            self.wf(),
            self.seq@ == old(self).seq@.push(t),
    {
        reveal(ThreadQueue::ring_ok);
        let tail = (self.head + self.len) % QCAP;
        self.slots[tail] = t;
        self.len = self.len + 1;
        self.seq = Ghost(self.seq@.push(t));
    }

    /// Remove and return the front id.
    pub fn pop_front(&mut self) -> (t: usize)
        requires
            old(self).wf(),
            old(self).seq@.len() > 0,
        ensures
            self.wf(),
            t == old(self).seq@[0],
            self.seq@ == old(self).seq@.subrange(1, old(self).seq@.len() as int),
    {
        reveal(ThreadQueue::ring_ok);
        let t = self.slots[self.head];
        self.head = (self.head + 1) % QCAP;
        self.len = self.len - 1;
        self.seq = Ghost(self.seq@.subrange(1, self.seq@.len() as int));
        t
    }

    /// The front id, without removing it.
    pub fn peek(&self) -> (t: usize)
        requires
            self.wf(),
            self.seq@.len() > 0,
        ensures t == self.seq@[0],
    {
        reveal(ThreadQueue::ring_ok);
        self.slots[self.head]
    }

    /// Whether `t` is queued.
    pub fn contains(&self, t: usize) -> (r: bool)
        requires self.wf(),
        ensures r == self.seq@.contains(t),
    {
        reveal(ThreadQueue::ring_ok);
        let mut k: usize = 0;
        while k < self.len
            invariant
                self.wf(),
                k <= self.len,
                forall|j: int| 0 <= j < k ==> self.seq@[j] != t,
            decreases self.len - k,
        {
            if self.slots[(self.head + k) % QCAP] == t {
                assert(self.seq@[k as int] == t);
                return true;
            }
            k = k + 1;
        }
        false
    }
}

} // verus!
