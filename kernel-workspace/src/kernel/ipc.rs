//! Synchronous IPC endpoints (L4 style): `send` and `recv` rendezvous on an endpoint.
//!
//! Invariant (per endpoint `e`): `eps[e]` is a well-formed queue whose ghost `seq@` is the
//! order in which its waiters arrived; `ep_mode[e]` says whether they are all senders
//! (`EP_SENDERS`, each `T_SEND_BLOCKED` holding its message) or all receivers (`EP_RECEIVERS`).
//! A message is delivered exactly once: it moves from the sender's `msg` (or the `send` argument)
//! into the `ret_msg` of the thread at the front of the queue, which is then dequeued.

use vstd::prelude::*;
use crate::kernel::proc::*;
use crate::kernel::queue::*;
use crate::kernel::state::*;

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
            ep < MAX_EPS,
            old(self).eps[ep as int].wf(),
            old(self).eps[ep as int].seq@.len() > 0,
            old(self).eps[ep as int].seq@[0] < MAX_THREADS,
            old(self).runq.wf(),
        ensures
            self.alloc == old(self).alloc && self.spaces == old(self).spaces && self.procs == old(self).procs,
            r == old(self).eps[ep as int].seq@[0],
            self.threads[r as int].ret_msg == msg,
            self.threads[r as int].ret == E_OK,
            self.eps[ep as int].wf(),
            self.eps[ep as int].seq@ == old(self).eps[ep as int].seq@.subrange(1, old(self).eps[ep as int].seq@.len() as int),
            self.delivered == old(self).delivered + 1 || old(self).delivered == u64::MAX,
            self.runq.wf(),
    {
        let mut q = self.eps[ep];
        let r = q.pop_front();
        self.eps[ep] = q;
        if q.is_empty() {
            self.ep_mode[ep] = EP_IDLE;
        }
        self.threads[r].ret = E_OK;
        self.threads[r].ret_msg = msg;
        self.wake(r);
        if self.delivered < u64::MAX {
            self.delivered = self.delivered + 1;
        }
        r
    }

    /// Take the message of the sender at the front of endpoint `ep`, waking it.
    fn take_from_sender(&mut self, ep: usize) -> (msg: u64)
        requires
            ep < MAX_EPS,
            old(self).eps[ep as int].wf(),
            old(self).eps[ep as int].seq@.len() > 0,
            old(self).eps[ep as int].seq@[0] < MAX_THREADS,
            old(self).runq.wf(),
        ensures
            self.alloc == old(self).alloc && self.spaces == old(self).spaces && self.procs == old(self).procs,
            msg == old(self).threads[old(self).eps[ep as int].seq@[0] as int].msg,
            self.eps[ep as int].wf(),
            self.eps[ep as int].seq@ == old(self).eps[ep as int].seq@.subrange(1, old(self).eps[ep as int].seq@.len() as int),
            self.runq.wf(),
    {
        let mut q = self.eps[ep];
        let s = q.pop_front();
        self.eps[ep] = q;
        if q.is_empty() {
            self.ep_mode[ep] = EP_IDLE;
        }
        let msg = self.threads[s].msg;
        self.threads[s].ret = E_OK;
        self.threads[s].ret_msg = 0;
        self.wake(s);
        if self.delivered < u64::MAX {
            self.delivered = self.delivered + 1;
        }
        msg
    }

    /// `send(ep, msg)` by the running thread: deliver to a waiting receiver, or wait.
    /// Returns false when the endpoint's queue is full (the caller gets an error).
    pub fn ipc_send(&mut self, ep: usize, msg: u64) -> (ok: bool)
        requires
            ep < MAX_EPS,
            old(self).current < MAX_THREADS,
            old(self).eps[ep as int].wf(),
            old(self).runq.wf(),
            forall|k: int| 0 <= k < old(self).eps[ep as int].seq@.len() ==> #[trigger] old(self).eps[ep as int].seq@[k] < MAX_THREADS,
            forall|k: int| 0 <= k < old(self).runq.seq@.len() ==> #[trigger] old(self).runq.seq@[k] < MAX_THREADS,
        ensures
            self.alloc == old(self).alloc && self.spaces == old(self).spaces && self.procs == old(self).procs,
            self.eps[ep as int].wf(),
            self.runq.wf(),
            // a waiting receiver gets exactly this message
            old(self).ep_mode[ep as int] == EP_RECEIVERS && old(self).eps[ep as int].seq@.len() > 0 ==>
                ok && self.threads[old(self).eps[ep as int].seq@[0] as int].ret_msg == msg,
    {
        let cur = self.current;
        if self.ep_mode[ep] == EP_RECEIVERS && !self.eps[ep].is_empty() {
            self.deliver_to_receiver(ep, msg);
            self.threads[cur].ret = E_OK;
            return true;
        }
        if self.eps[ep].is_full() {
            return false;
        }
        let mut q = self.eps[ep];
        q.push_back(cur);
        self.eps[ep] = q;
        self.ep_mode[ep] = EP_SENDERS;
        self.threads[cur].msg = msg;
        self.block_current(ep, T_SEND_BLOCKED);
        true
    }

    /// `recv(ep)` by the running thread: take a waiting sender's message, or wait.
    pub fn ipc_recv(&mut self, ep: usize) -> (ok: bool)
        requires
            ep < MAX_EPS,
            old(self).current < MAX_THREADS,
            old(self).eps[ep as int].wf(),
            old(self).runq.wf(),
            forall|k: int| 0 <= k < old(self).eps[ep as int].seq@.len() ==> #[trigger] old(self).eps[ep as int].seq@[k] < MAX_THREADS,
            forall|k: int| 0 <= k < old(self).runq.seq@.len() ==> #[trigger] old(self).runq.seq@[k] < MAX_THREADS,
        ensures
            self.alloc == old(self).alloc && self.spaces == old(self).spaces && self.procs == old(self).procs,
            self.eps[ep as int].wf(),
            self.runq.wf(),
            // a waiting sender's message goes to the caller
            old(self).ep_mode[ep as int] == EP_SENDERS && old(self).eps[ep as int].seq@.len() > 0 ==>
                ok && self.threads[old(self).current as int].ret_msg
                    == old(self).threads[old(self).eps[ep as int].seq@[0] as int].msg,
    {
        let cur = self.current;
        if self.ep_mode[ep] == EP_SENDERS && !self.eps[ep].is_empty() {
            let msg = self.take_from_sender(ep);
            self.threads[cur].ret = E_OK;
            self.threads[cur].ret_msg = msg;
            return true;
        }
        if self.eps[ep].is_full() {
            return false;
        }
        let mut q = self.eps[ep];
        q.push_back(cur);
        self.eps[ep] = q;
        self.ep_mode[ep] = EP_RECEIVERS;
        self.block_current(ep, T_RECV_BLOCKED);
        true
    }
}

} // verus!
