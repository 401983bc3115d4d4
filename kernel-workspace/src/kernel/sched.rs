//! Round-robin scheduler over the run queue.
//!
//! Invariant (part of `Kernel::wf`): a thread is `T_RUNNABLE` exactly when it sits in `runq`,
//! and `current` is the only `T_RUNNING` thread. `schedule` runs the front of the queue;
//! `yield_current` moves the running thread to the back, so every runnable thread gets the CPU
//! in turn.

use vstd::prelude::*;
use crate::kernel::proc::*;
use crate::kernel::queue::*;
use crate::kernel::state::*;

verus! {

impl Kernel {
    /// Run the next runnable thread; `current` must not be running any more.
    pub fn schedule(&mut self)
        requires
            old(self).runq.wf(),
            old(self).current == NO_THREAD || old(self).threads[old(self).current as int].state != T_RUNNING,
            forall|k: int| 0 <= k < old(self).runq.seq@.len() ==> #[trigger] old(self).runq.seq@[k] < MAX_THREADS,
        ensures
            self.runq.wf(),
            self.sched_frame(old(self)),
            self.others_same(old(self), self.current as int),
            self.endpoints_same(old(self)),
            forall|k: int| 0 <= k < self.runq.seq@.len() ==> #[trigger] self.runq.seq@[k] < MAX_THREADS,
            self.current == NO_THREAD || self.current < MAX_THREADS,
            old(self).runq.seq@.len() == 0 ==> self.current == NO_THREAD && self.runq.seq@ == old(self).runq.seq@,
            old(self).runq.seq@.len() > 0 ==> (
                self.current == old(self).runq.seq@[0]
                && self.threads[self.current as int].state == T_RUNNING
                && self.runq.seq@ == old(self).runq.seq@.subrange(1, old(self).runq.seq@.len() as int)),
    {
        if self.runq.is_empty() {
            self.current = NO_THREAD;
            return;
        }
        let t = self.runq.pop_front();
        assert(self.runq.seq@.len() == 0 || self.runq.seq@[0] == old(self).runq.seq@[1]);
        self.threads[t].state = T_RUNNING;
        self.current = t;
    }

    /// Make blocked thread `t` runnable again (at the back of the run queue).
    pub fn wake(&mut self, t: usize) -> (ok: bool)
        requires
            old(self).runq.wf(),
            t < MAX_THREADS,
        ensures
            self.runq.wf(),
            self.sched_frame(old(self)),
            self.others_same(old(self), t as int),
            self.current == old(self).current,
            self.endpoints_same(old(self)),
            ok == (old(self).runq.seq@.len() < QCAP),
            ok ==> self.threads[t as int].state == T_RUNNABLE && self.runq.seq@ == old(self).runq.seq@.push(t),
            !ok ==> self.threads[t as int].state == old(self).threads[t as int].state,
            !ok ==> self.runq.seq@ == old(self).runq.seq@,
    {
        if self.runq.is_full() {
            return false;
        }
        self.threads[t].state = T_RUNNABLE;
        self.runq.push_back(t);
        true
    }

    /// Give the CPU to the next runnable thread (round robin).
    pub fn yield_current(&mut self)
        requires
            old(self).runq.wf(),
            old(self).current < MAX_THREADS,
            forall|k: int| 0 <= k < old(self).runq.seq@.len() ==> #[trigger] old(self).runq.seq@[k] < MAX_THREADS,
        ensures
            self.runq.wf(),
            self.sched_frame(old(self)),
            self.endpoints_same(old(self)),
            old(self).runq.seq@.len() < QCAP ==> self.current == (old(self).runq.seq@.push(old(self).current))[0],
    {
        let cur = self.current;
        if self.runq.is_full() {
            return;
        }
        self.threads[cur].state = T_RUNNABLE;
        self.runq.push_back(cur);
        self.schedule();
    }

    /// Block the running thread on endpoint `ep` with state `s`, then run someone else.
    pub fn block_current(&mut self, ep: usize, s: u8)
        requires
            old(self).runq.wf(),
            old(self).current < MAX_THREADS,
            s == T_SEND_BLOCKED || s == T_RECV_BLOCKED,
            forall|k: int| 0 <= k < old(self).runq.seq@.len() ==> #[trigger] old(self).runq.seq@[k] < MAX_THREADS,
        ensures
            self.runq.wf(),
            self.sched_frame(old(self)),
            self.threads[old(self).current as int].endpoint == ep,
            self.current != old(self).current ==> self.threads[old(self).current as int].state == s,
    {
        let cur = self.current;
        self.threads[cur].state = s;
        self.threads[cur].endpoint = ep;
        self.schedule();
    }
}

} // verus!
