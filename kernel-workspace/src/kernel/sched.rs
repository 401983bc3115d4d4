//! Round-robin scheduler over the run queue.
//!
//! Invariant (part of `Kernel::wf`): a thread is `T_RUNNABLE` exactly when it sits in `runq`
//! (once), and `current` is the only `T_RUNNING` thread. Each operation goes from `wf` to `wf`
//! (`schedule` from `wf_idle`: no thread running); the proofs are the lemmas of `steps.rs`.
//! `schedule` runs the front of the queue; `yield_current` moves the running thread to the back,
//! so every runnable thread gets the CPU in turn.

use vstd::prelude::*;
use crate::kernel::proc::*;
use crate::kernel::queue::*;
use crate::kernel::state::*;
use crate::kernel::steps::*;

verus! {

impl Kernel {
    /// Run the next runnable thread: from between two threads (`wf_idle`) to the invariant.
    pub fn schedule(&mut self)
        requires old(self).wf_idle(),
        ensures
            self.wf(),
            self.sched_frame(old(self)),
            self.others_same(old(self), self.current as int),
            self.endpoints_same(old(self)),
            self.current == NO_THREAD || self.current < MAX_THREADS,
            old(self).runq.seq@.len() == 0 ==> self.current == NO_THREAD && self.runq.seq@ == old(self).runq.seq@,
            old(self).runq.seq@.len() > 0 ==> (
                self.current == old(self).runq.seq@[0]
                && self.threads[self.current as int].state == T_RUNNING
                && self.runq.seq@ == old(self).runq.seq@.subrange(1, old(self).runq.seq@.len() as int)),
    {
        if self.runq.is_empty() {
            self.current = NO_THREAD;
            proof { lemma_run_nobody(*old(self), *self); }
            return;
        }
        let t = self.runq.pop_front();
        proof {
            assert(old(self).runq.seq@[0] < MAX_THREADS);
        }
        self.threads[t].state = T_RUNNING;
        self.current = t;
        proof { lemma_run_front(*old(self), *self); }
    }

    /// Boot: run the first runnable thread.
    pub fn start(&mut self)
        requires
            old(self).wf(),
            old(self).current == NO_THREAD,
        ensures self.wf(),
    {
        self.schedule();
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

    /// Give the CPU to the next runnable thread (round robin): the running thread goes to the
    /// back of the run queue (when the queue has room) and the front runs.
    pub fn yield_current(&mut self)
        requires
            old(self).wf(),
            old(self).current < MAX_THREADS,
        ensures
            self.wf(),
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
        proof { lemma_requeue_current(*old(self), *self); }
        self.schedule();
    }

    /// Block the running thread on endpoint `ep`, whose waiters become (or stay) of `mode`,
    /// at the back of its queue; then run someone else.
    pub fn block_current(&mut self, ep: usize, mode: u8)
        requires
            old(self).wf(),
            old(self).current < MAX_THREADS,
            ep < MAX_EPS,
            mode == EP_SENDERS || mode == EP_RECEIVERS,
            old(self).eps[ep as int].seq@.len() < QCAP,
            old(self).eps[ep as int].seq@.len() == 0 || old(self).ep_mode[ep as int] == mode,
        ensures
            self.wf(),
            self.alloc == old(self).alloc && self.spaces == old(self).spaces && self.procs == old(self).procs,
            self.threads[old(self).current as int].state == waiting_state(mode),
            self.threads[old(self).current as int].endpoint == ep,
            self.eps[ep as int].seq@ == old(self).eps[ep as int].seq@.push(old(self).current),
            forall|i: int| 0 <= i < MAX_THREADS ==> #[trigger] self.threads[i].msg == old(self).threads[i].msg
                && self.threads[i].ret == old(self).threads[i].ret
                && self.threads[i].ret_msg == old(self).threads[i].ret_msg,
    {
        let cur = self.current;
        proof {
            assert(self.ep_ok(ep as int));
        }
        self.ep_mode[ep] = mode;
        self.threads[cur].state = if mode == EP_SENDERS { T_SEND_BLOCKED } else { T_RECV_BLOCKED };
        self.threads[cur].endpoint = ep;
        let mut q = self.eps[ep];
        q.push_back(cur);
        self.eps[ep] = q;
        proof {
            lemma_block_current(*old(self), *self, ep as int);
            // it is not in the run queue, so someone else runs
            assert(self.thread_ok(cur as int));
            assert(self.runq.seq@.len() > 0 ==> self.runq.seq@[0] != cur);
        }
        self.schedule();
    }
}

} // verus!
