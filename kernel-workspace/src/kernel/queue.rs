//! Bounded FIFO of thread ids (ring buffer), used for the run queue and endpoint wait queues.
//!
//! Invariant (`wf`): `head < QCAP`, `len <= QCAP`, and the ghost sequence `seq@` lists the
//! queued ids in order: `seq@[k] == slots[(head + k) % QCAP]` for every `k < len`.

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

impl ThreadQueue {
    pub open spec fn wf(&self) -> bool {
        &&& self.head < QCAP
        &&& self.len <= QCAP
        &&& self.seq@.len() == self.len
        &&& forall|k: int| 0 <= k < self.len ==> #[trigger] self.seq@[k] == self.slots[(self.head + k) % (QCAP as int)]
    }

    pub fn new() -> (q: ThreadQueue)
        ensures
            q.wf(),
            q.seq@ == Seq::<usize>::empty(),
    {
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
        self.slots[self.head]
    }

    /// Whether `t` is queued.
    pub fn contains(&self, t: usize) -> (r: bool)
        requires self.wf(),
        ensures r == self.seq@.contains(t),
    {
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
