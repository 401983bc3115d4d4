//! Synchronous IPC endpoints (L4 style): `send` and `recv` rendezvous on an endpoint.
//!
//! Invariant (per endpoint `e`, `Kernel::ep_ok`): `eps[e]` is a well-formed queue whose ghost
//! `seq@` is the order in which its waiters arrived, no thread twice; `ep_mode[e]` says whether
//! they are all senders (`EP_SENDERS`, each `T_SEND_BLOCKED` holding its message) or all
//! receivers (`EP_RECEIVERS`, each `T_RECV_BLOCKED`), and each waiter's `endpoint` is `e`.
//! Every operation here goes from `Kernel::wf` to `Kernel::wf`.
//! A message is delivered exactly once: it moves from the sender's `msg` (or the `send` argument)
//! into the `ret_msg` of the thread at the front of the queue, which is then dequeued.

use vstd::prelude::*;
use crate::kernel::proc::*;
use crate::kernel::queue::*;
use crate::kernel::state::*;
use crate::kernel::steps::*;

verus! {

pub const E_OK: u64 = 0;

impl Kernel {
    /// Whether `ep` names an endpoint.
    pub fn ep_valid(ep: u64) -> (r: bool)
        ensures r == (ep < MAX_EPS as u64),
    {
        ep < MAX_EPS as u64
    }

    /// Hand `msg` to the receiver at the front of endpoint `ep`, waking it.
    fn deliver_to_receiver(&mut self, ep: usize, msg: u64) -> (r: usize)
        requires
            old(self).wf(),
            ep < MAX_EPS,
            old(self).eps[ep as int].seq@.len() > 0,
        ensures
            self.wf(),
            self.alloc == old(self).alloc && self.spaces == old(self).spaces && self.procs == old(self).procs,
            self.current == old(self).current,
            r == old(self).eps[ep as int].seq@[0],
            r < MAX_THREADS,
            self.threads[r as int].ret_msg == msg,
            self.threads[r as int].ret == E_OK,
            // it runs again (the run queue has room for every thread that is not running)
            old(self).runq.seq@.len() < QCAP ==> self.threads[r as int].state == T_RUNNABLE,
            self.eps[ep as int].seq@ == old(self).eps[ep as int].seq@.subrange(1, old(self).eps[ep as int].seq@.len() as int),
            self.delivered == old(self).delivered + 1 || old(self).delivered == u64::MAX,
    {
        proof {
            assert(self.ep_ok(ep as int));
        }
        let mut q = self.eps[ep];
        let r = q.pop_front();
        self.eps[ep] = q;
        if q.is_empty() {
            self.ep_mode[ep] = EP_IDLE;
        }
        self.threads[r].ret = E_OK;
        self.threads[r].ret_msg = msg;
        let ghost before_wake = *self;
        let woke = self.wake(r);
        if self.delivered < u64::MAX {
            self.delivered = self.delivered + 1;
        }
        proof {
            // only `r`'s result fields changed before it woke, and waking changes only its state
            assert(before_wake.others_same(old(self), r as int));
            assert(before_wake.runq == old(self).runq);
            assert forall|i: int| 0 <= i < MAX_THREADS && i != r as int implies #[trigger] self.threads[i].state == old(self).threads[i].state by {
                assert(self.threads[i].state == before_wake.threads[i].state);
            }
            lemma_dequeue_wake(*old(self), *self, ep as int, r, woke);
        }
        r
    }

    /// Take the message of the sender at the front of endpoint `ep`, waking it.
    fn take_from_sender(&mut self, ep: usize) -> (msg: u64)
        requires
            old(self).wf(),
            ep < MAX_EPS,
            old(self).eps[ep as int].seq@.len() > 0,
        ensures
            self.wf(),
            self.alloc == old(self).alloc && self.spaces == old(self).spaces && self.procs == old(self).procs,
            self.current == old(self).current,
            old(self).eps[ep as int].seq@[0] < MAX_THREADS,
            msg == old(self).threads[old(self).eps[ep as int].seq@[0] as int].msg,
            old(self).runq.seq@.len() < QCAP ==> self.threads[old(self).eps[ep as int].seq@[0] as int].state == T_RUNNABLE,
            self.eps[ep as int].seq@ == old(self).eps[ep as int].seq@.subrange(1, old(self).eps[ep as int].seq@.len() as int),
    {
        proof {
            assert(self.ep_ok(ep as int));
        }
        let mut q = self.eps[ep];
        let s = q.pop_front();
        self.eps[ep] = q;
        if q.is_empty() {
            self.ep_mode[ep] = EP_IDLE;
        }
        let msg = self.threads[s].msg;
        self.threads[s].ret = E_OK;
        self.threads[s].ret_msg = 0;
        let ghost before_wake = *self;
        let woke = self.wake(s);
        if self.delivered < u64::MAX {
            self.delivered = self.delivered + 1;
        }
        proof {
            // only `s`'s result fields changed before it woke, and waking changes only its state
            assert(before_wake.others_same(old(self), s as int));
            assert(before_wake.runq == old(self).runq);
            assert forall|i: int| 0 <= i < MAX_THREADS && i != s as int implies #[trigger] self.threads[i].state == old(self).threads[i].state by {
                assert(self.threads[i].state == before_wake.threads[i].state);
            }
            lemma_dequeue_wake(*old(self), *self, ep as int, s, woke);
        }
        msg
    }

    /// `send(ep, msg)` by the running thread: deliver to a waiting receiver, or wait.
    /// Returns false when the endpoint's queue is full (the caller gets an error).
    pub fn ipc_send(&mut self, ep: usize, msg: u64) -> (ok: bool)
        requires
            old(self).wf(),
            ep < MAX_EPS,
            old(self).current < MAX_THREADS,
        ensures
            self.wf(),
            self.alloc == old(self).alloc && self.spaces == old(self).spaces && self.procs == old(self).procs,
            // a waiting receiver gets exactly this message
            old(self).ep_mode[ep as int] == EP_RECEIVERS && old(self).eps[ep as int].seq@.len() > 0 ==>
                ok && self.threads[old(self).eps[ep as int].seq@[0] as int].ret_msg == msg
                && (old(self).runq.seq@.len() < QCAP ==> self.threads[old(self).eps[ep as int].seq@[0] as int].state == T_RUNNABLE),
            // otherwise the sender waits at the back of the queue, holding its message
            !(old(self).ep_mode[ep as int] == EP_RECEIVERS && old(self).eps[ep as int].seq@.len() > 0) && ok ==>
                self.threads[old(self).current as int].state == T_SEND_BLOCKED
                && self.threads[old(self).current as int].msg == msg
                && self.eps[ep as int].seq@ == old(self).eps[ep as int].seq@.push(old(self).current),
    {
        let ghost k0 = *self;
        let cur = self.current;
        proof {
            assert(self.ep_ok(ep as int));
        }
        if self.ep_mode[ep] == EP_RECEIVERS && !self.eps[ep].is_empty() {
            self.deliver_to_receiver(ep, msg);
            let ghost k1 = *self;
            self.threads[cur].ret = E_OK;
            proof { lemma_wf_frame(k1, *self); }
            return true;
        }
        if self.eps[ep].is_full() {
            return false;
        }
        self.threads[cur].msg = msg;
        proof { lemma_wf_frame(k0, *self); }
        self.block_current(ep, EP_SENDERS);
        true
    }

    /// `recv(ep)` by the running thread: take a waiting sender's message, or wait.
    pub fn ipc_recv(&mut self, ep: usize) -> (ok: bool)
        requires
            old(self).wf(),
            ep < MAX_EPS,
            old(self).current < MAX_THREADS,
        ensures
            self.wf(),
            self.alloc == old(self).alloc && self.spaces == old(self).spaces && self.procs == old(self).procs,
            // a waiting sender's message goes to the caller
            old(self).ep_mode[ep as int] == EP_SENDERS && old(self).eps[ep as int].seq@.len() > 0 ==>
                ok && self.threads[old(self).current as int].ret_msg
                    == old(self).threads[old(self).eps[ep as int].seq@[0] as int].msg
                && (old(self).runq.seq@.len() < QCAP ==> self.threads[old(self).eps[ep as int].seq@[0] as int].state == T_RUNNABLE),
            // otherwise the receiver waits at the back of the queue
            !(old(self).ep_mode[ep as int] == EP_SENDERS && old(self).eps[ep as int].seq@.len() > 0) && ok ==>
                self.threads[old(self).current as int].state == T_RECV_BLOCKED
                && self.eps[ep as int].seq@ == old(self).eps[ep as int].seq@.push(old(self).current),
    {
        let cur = self.current;
        proof {
            assert(self.ep_ok(ep as int));
        }
        if self.ep_mode[ep] == EP_SENDERS && !self.eps[ep].is_empty() {
            let msg = self.take_from_sender(ep);
            let ghost k1 = *self;
            self.threads[cur].ret = E_OK;
            self.threads[cur].ret_msg = msg;
            proof { lemma_wf_frame(k1, *self); }
            return true;
        }
        if self.eps[ep].is_full() {
            return false;
        }
        self.block_current(ep, EP_RECEIVERS);
        true
    }
}

} // verus!
