//! The kernel's whole state and its well-formedness.
//!
//! Invariant (`Kernel::wf`):
//!   - the page allocator, the run queue and every endpoint queue are well formed;
//!   - memory: every live process is within its page quota and its address space is well
//!     formed; the pool pages it uses (its table pages and the pool pages it maps) are in its
//!     ghost `held` set; a held page is never free and never held by another live process (so
//!     one process's exit frees no page of another, and no page is handed out twice);
//!   - scheduling: a thread is `T_RUNNABLE` iff it is in the run queue, which holds no id twice;
//!     every waiter of an endpoint is blocked on it in the state the endpoint's mode says (all
//!     senders or all receivers), no id twice; so a thread waits in at most one place;
//!     `current` is the one `T_RUNNING` thread (or `NO_THREAD` and none runs);
//!   - every live thread's owner is a live process, and a live process has one live thread.
//!
//! `wf_except_current` is all of it but the last scheduling clause: between two threads (inside
//! `schedule`) no thread runs (`wf_idle`).

use vstd::prelude::*;
use crate::mm::page_alloc::*;
use crate::mm::page_table::*;
use crate::mm::pt_mem::*;
use crate::kernel::queue::*;
use crate::kernel::proc::*;

verus! {

pub const MAX_EPS: usize = 4;
pub const EP_IDLE: u8 = 0;
pub const EP_SENDERS: u8 = 1;
pub const EP_RECEIVERS: u8 = 2;

pub struct Kernel {
    pub alloc: PageAllocator,
    pub spaces: [AddressSpace; MAX_PROCS],
    pub procs: [Process; MAX_PROCS],
    pub threads: [Thread; MAX_THREADS],
    pub eps: [ThreadQueue; MAX_EPS],
    pub ep_mode: [u8; MAX_EPS],
    pub runq: ThreadQueue,
    pub current: usize,
    /// IPC messages delivered, and syscalls refused with an error code.
    pub delivered: u64,
    pub refused: u64,
    pub kernel_entry: u64,
}

/// The state a waiter of an endpoint in `mode` is blocked in.
pub open spec fn waiting_state(mode: u8) -> u8 {
    if mode == EP_SENDERS { T_SEND_BLOCKED } else { T_RECV_BLOCKED }
}

impl Kernel {
    /// Process `p`, when live: within its page quota; its address space is well formed; its
    /// table pages and the pool pages it maps are in its `held` set, and no held page is free.
    pub open spec fn space_ok(&self, p: int) -> bool {
        self.procs[p].alive ==> {
            &&& self.procs[p].pages <= self.procs[p].quota
            &&& self.spaces[p].wf()
            &&& self.spaces[p].disjoint_from(&self.alloc)
            &&& forall|x: u64| #[trigger] self.spaces[p].owns(x) ==> self.procs[p].held@.contains(x)
            &&& forall|va: u64| #[trigger] self.spaces[p].mapping@.contains_key(va)
                    && is_pool_page(self.spaces[p].mapping@[va].pa)
                    ==> self.procs[p].held@.contains(self.spaces[p].mapping@[va].pa)
            &&& forall|x: u64| #[trigger] self.procs[p].held@.contains(x) ==> !self.alloc.free@.contains(x)
        }
    }

    /// Two live processes hold no page in common.
    pub open spec fn held_apart(&self, p: int, q: int) -> bool {
        self.procs[p].alive && self.procs[q].alive && p != q ==>
            forall|x: u64| #[trigger] self.procs[p].held@.contains(x) ==> !self.procs[q].held@.contains(x)
    }

    /// Thread `t`: a valid state; runnable exactly when queued to run; a live thread's owner is
    /// a live process; a blocked thread names an endpoint.
    pub open spec fn thread_ok(&self, t: int) -> bool {
        &&& valid_state(self.threads[t].state)
        &&& (self.threads[t].state == T_RUNNABLE <==> self.runq.seq@.contains(t as usize))
        &&& (self.threads[t].state != T_FREE && self.threads[t].state != T_DEAD) ==>
                self.threads[t].owner < MAX_PROCS && self.procs[self.threads[t].owner as int].alive
        &&& self.threads[t].blocked() ==> self.threads[t].endpoint < MAX_EPS
    }

    /// Endpoint `e`: a well-formed queue of distinct waiters, each blocked on `e` in the state
    /// the endpoint's mode says; a non-empty queue holds senders or receivers, never idle.
    pub open spec fn ep_ok(&self, e: int) -> bool {
        &&& self.eps[e].wf()
        &&& distinct(self.eps[e].seq@)
        &&& self.eps[e].seq@.len() > 0 ==> self.ep_mode[e] == EP_SENDERS || self.ep_mode[e] == EP_RECEIVERS
        &&& forall|k: int| 0 <= k < self.eps[e].seq@.len() ==> #[trigger] self.eps[e].seq@[k] < MAX_THREADS
                && self.threads[self.eps[e].seq@[k] as int].state == waiting_state(self.ep_mode[e])
                && self.threads[self.eps[e].seq@[k] as int].endpoint == e
    }

    /// Threads `t1` and `t2`, both live, of the same process are the same thread.
    pub open spec fn sole_thread(&self, t1: int, t2: int) -> bool {
        self.threads[t1].live() && self.threads[t2].live() && self.threads[t1].owner == self.threads[t2].owner
            ==> t1 == t2
    }

    /// The invariant but for which thread runs.
    pub open spec fn wf_except_current(&self) -> bool {
        &&& self.alloc.wf()
        &&& self.runq.wf()
        &&& distinct(self.runq.seq@)
        &&& forall|k: int| 0 <= k < self.runq.seq@.len() ==> #[trigger] self.runq.seq@[k] < MAX_THREADS
        &&& forall|e: int| 0 <= e < MAX_EPS ==> #[trigger] self.ep_ok(e)
        &&& forall|p: int| 0 <= p < MAX_PROCS ==> #[trigger] self.space_ok(p)
        &&& forall|p: int, q: int| 0 <= p < MAX_PROCS && 0 <= q < MAX_PROCS ==> #[trigger] self.held_apart(p, q)
        &&& forall|t: int| 0 <= t < MAX_THREADS ==> #[trigger] self.thread_ok(t)
        &&& forall|t1: int, t2: int| 0 <= t1 < MAX_THREADS && 0 <= t2 < MAX_THREADS ==> #[trigger] self.sole_thread(t1, t2)
    }

    /// The kernel's invariant: `current` is the one running thread, or none runs.
    pub open spec fn wf(&self) -> bool {
        &&& self.wf_except_current()
        &&& self.current == NO_THREAD || (self.current < MAX_THREADS && self.threads[self.current as int].state == T_RUNNING)
        &&& forall|t: int| 0 <= t < MAX_THREADS && #[trigger] self.threads[t].state == T_RUNNING ==> t == self.current
    }

    /// Between two threads: the invariant, and no thread runs.
    pub open spec fn wf_idle(&self) -> bool {
        &&& self.wf_except_current()
        &&& forall|t: int| 0 <= t < MAX_THREADS ==> #[trigger] self.threads[t].state != T_RUNNING
    }

    /// Frame of the scheduler's operations: only thread states, thread endpoints, the run
    /// queue and `current` may differ from `o`.
    pub open spec fn sched_frame(&self, o: &Kernel) -> bool {
        &&& self.alloc == o.alloc
        &&& self.spaces == o.spaces
        &&& self.procs == o.procs
        &&& self.eps == o.eps
        &&& self.ep_mode == o.ep_mode
        &&& self.delivered == o.delivered
        &&& self.refused == o.refused
        &&& self.kernel_entry == o.kernel_entry
        &&& forall|i: int| 0 <= i < MAX_THREADS ==> #[trigger] self.threads[i].ret == o.threads[i].ret
                && self.threads[i].ret_msg == o.threads[i].ret_msg
                && self.threads[i].msg == o.threads[i].msg
                && self.threads[i].owner == o.threads[i].owner
    }

    /// Thread states other than thread `t`'s are those of `o`.
    pub open spec fn others_same(&self, o: &Kernel, t: int) -> bool {
        forall|i: int| 0 <= i < MAX_THREADS && i != t ==> #[trigger] self.threads[i].state == o.threads[i].state
    }

    /// Every thread's endpoint is that of `o`.
    pub open spec fn endpoints_same(&self, o: &Kernel) -> bool {
        forall|i: int| 0 <= i < MAX_THREADS ==> #[trigger] self.threads[i].endpoint == o.threads[i].endpoint
    }

    /// An address space with no tables, for unused process slots.
    pub fn no_space() -> (a: AddressSpace)
        ensures a.mapping@ == Map::<u64, MapEntry>::empty(),
    {
        AddressSpace {
            pml4: 0,
            pdpt: 0,
            pd: 0,
            pts: [0; USER_PTS],
            kernel_entry: 0,
            mem: PtMem::empty(),
            mapping: Ghost(Map::empty()),
        }
    }

    /// The boot state: all pool pages free, no process, no thread running.
    pub fn new(kernel_entry: u64) -> (k: Kernel)
        ensures
            k.wf(),
            k.current == NO_THREAD,
            k.runq.seq@ == Seq::<usize>::empty(),
    {
        proof {
            reveal(distinct);
        }
        Kernel {
            alloc: PageAllocator::new(),
            spaces: [Self::no_space(); MAX_PROCS],
            procs: [Process::empty(); MAX_PROCS],
            threads: [Thread::empty(); MAX_THREADS],
            eps: [ThreadQueue::new(); MAX_EPS],
            ep_mode: [EP_IDLE; MAX_EPS],
            runq: ThreadQueue::new(),
            current: NO_THREAD,
            delivered: 0,
            refused: 0,
            kernel_entry,
        }
    }

    /// The process running now, if any.
    pub fn current_proc(&self) -> (p: Option<usize>)
        requires self.wf(),
        ensures
            (match p {
                Some(i) => self.current < MAX_THREADS && i == self.threads[self.current as int].owner && i < MAX_PROCS,
                None => self.current == NO_THREAD,
            }),
    {
        if self.current < MAX_THREADS {
            assert(self.thread_ok(self.current as int));
            Some(self.threads[self.current].owner)
        } else {
            None
        }
    }

    /// CR3 of process `p`.
    pub fn space_root(&self, p: usize) -> (r: u64)
        requires p < MAX_PROCS,
        ensures r == self.spaces[p as int].pml4,
    {
        self.spaces[p].root()
    }

    /// A free process slot.
    pub fn find_free_proc(&self) -> (r: Option<usize>)
        ensures
            (match r {
                Some(p) => p < MAX_PROCS && !self.procs[p as int].alive && !self.procs[p as int].exited,
                None => true,
            }),
    {
        let mut p: usize = 0;
        while p < MAX_PROCS
            invariant p <= MAX_PROCS,
            decreases MAX_PROCS - p,
        {
            if !self.procs[p].alive && !self.procs[p].exited {
                return Some(p);
            }
            p = p + 1;
        }
        None
    }

    /// A free thread slot.
    pub fn find_free_thread(&self) -> (r: Option<usize>)
        ensures
            (match r {
                Some(t) => t < MAX_THREADS && self.threads[t as int].state == T_FREE,
                None => true,
            }),
    {
        let mut t: usize = 0;
        while t < MAX_THREADS
            invariant t <= MAX_THREADS,
            decreases MAX_THREADS - t,
        {
            if self.threads[t].state == T_FREE {
                return Some(t);
            }
            t = t + 1;
        }
        None
    }

    /// Whether every thread that ever ran has finished.
    pub fn all_exited(&self) -> (r: bool)
        ensures r ==> forall|t: int| 0 <= t < MAX_THREADS ==> !(#[trigger] self.threads[t]).live(),
    {
        let mut t: usize = 0;
        while t < MAX_THREADS
            invariant
                t <= MAX_THREADS,
                forall|j: int| 0 <= j < t ==> !(#[trigger] self.threads[j]).live(),
            decreases MAX_THREADS - t,
        {
            if self.threads[t].is_live() {
                return false;
            }
            t = t + 1;
        }
        true
    }

    /// Exit code of process `p` (0 while it has not exited).
    pub fn exit_code(&self, p: usize) -> (c: u64)
        requires p < MAX_PROCS,
        ensures c == self.procs[p as int].exit_code,
    {
        self.procs[p].exit_code
    }
}

} // verus!
