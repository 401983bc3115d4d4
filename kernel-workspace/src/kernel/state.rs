//! The kernel's whole state and its well-formedness.
//!
//! Invariant (`Kernel::wf`):
//!   - the page allocator, the run queue and every endpoint queue are well formed;
//!   - every live process's address space is well formed, its table pages are not free, and so
//!     are the pool pages it maps (no page is handed out twice);
//!   - scheduling: a thread is `T_RUNNABLE` iff it is in the run queue; `current` is the one
//!     `T_RUNNING` thread (or `NO_THREAD`); ids in the run queue and the endpoint queues are
//!     valid thread ids;
//!   - every live thread's owner is a live process.

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

/// A step that leaves the memory state, the queues and every thread's state, owner and endpoint
/// alone (it may change results, messages and counters) keeps the invariant.
pub proof fn lemma_wf_frame(a: Kernel, b: Kernel)
    requires
        a.wf(),
        b.alloc == a.alloc && b.spaces == a.spaces && b.procs == a.procs,
        b.runq == a.runq && b.eps == a.eps && b.current == a.current,
        forall|t: int| 0 <= t < MAX_THREADS ==> #[trigger] b.threads[t].state == a.threads[t].state
            && b.threads[t].owner == a.threads[t].owner
            && b.threads[t].endpoint == a.threads[t].endpoint,
    ensures b.wf(),
{
    assert forall|p: int| 0 <= p < MAX_PROCS implies #[trigger] b.space_ok(p) by {
        assert(a.space_ok(p));
    }
    assert forall|t: int| 0 <= t < MAX_THREADS implies #[trigger] b.thread_ok(t) by {
        assert(a.thread_ok(t));
    }
}

/// A refused `sys_alloc` of process `p`: the free set and `p`'s mapping are as before, `p`'s
/// address space is well formed and disjoint from the allocator, nothing else of the memory or
/// scheduling state changed. The invariant still holds.
pub proof fn lemma_wf_alloc_refused(a: Kernel, b: Kernel, p: int)
    requires
        a.wf(),
        0 <= p < MAX_PROCS,
        b.alloc.wf(),
        b.alloc.free@ == a.alloc.free@,
        b.spaces[p].wf(),
        b.spaces[p].disjoint_from(&b.alloc),
        b.spaces[p].mapping@ == a.spaces[p].mapping@,
        forall|i: int| 0 <= i < MAX_PROCS && i != p ==> #[trigger] b.spaces[i] == a.spaces[i],
        forall|i: int| 0 <= i < MAX_PROCS ==> #[trigger] b.procs[i].alive == a.procs[i].alive,
        b.threads == a.threads && b.runq == a.runq && b.eps == a.eps && b.current == a.current,
    ensures b.wf(),
{
    assert forall|q: int| 0 <= q < MAX_PROCS implies #[trigger] b.space_ok(q) by {
        assert(a.space_ok(q));
        if q != p && a.procs[q].alive {
            assert(b.spaces[q] == a.spaces[q]);
            assert forall|x: u64| #[trigger] b.spaces[q].owns(x) implies !b.alloc.free@.contains(x) && is_pool_page(x) by {
                assert(a.spaces[q].owns(x));
            }
        }
    }
    assert forall|t: int| 0 <= t < MAX_THREADS implies #[trigger] b.thread_ok(t) by {
        assert(a.thread_ok(t));
    }
}

impl Kernel {
    pub open spec fn space_ok(&self, p: int) -> bool {
        self.procs[p].alive ==> {
            &&& self.spaces[p].wf()
            &&& self.spaces[p].disjoint_from(&self.alloc)
            &&& forall|va: u64| #[trigger] self.spaces[p].mapping@.contains_key(va)
                    && is_pool_page(self.spaces[p].mapping@[va].pa)
                    ==> !self.alloc.free@.contains(self.spaces[p].mapping@[va].pa)
        }
    }

    pub open spec fn thread_ok(&self, t: int) -> bool {
        &&& valid_state(self.threads[t].state)
        &&& (self.threads[t].state == T_RUNNABLE <==> self.runq.seq@.contains(t as usize))
        &&& (self.threads[t].state != T_FREE && self.threads[t].state != T_DEAD) ==>
                self.threads[t].owner < MAX_PROCS && self.procs[self.threads[t].owner as int].alive
        &&& self.threads[t].blocked() ==> self.threads[t].endpoint < MAX_EPS
    }

    pub open spec fn wf(&self) -> bool {
        &&& self.alloc.wf()
        &&& self.runq.wf()
        &&& forall|e: int| 0 <= e < MAX_EPS ==> #[trigger] self.eps[e].wf()
        &&& forall|e: int, k: int| 0 <= e < MAX_EPS && 0 <= k < self.eps[e].seq@.len() ==> #[trigger] self.eps[e].seq@[k] < MAX_THREADS
        &&& forall|p: int| 0 <= p < MAX_PROCS ==> #[trigger] self.space_ok(p)
        &&& forall|t: int| 0 <= t < MAX_THREADS ==> #[trigger] self.thread_ok(t)
        &&& forall|k: int| 0 <= k < self.runq.seq@.len() ==> #[trigger] self.runq.seq@[k] < MAX_THREADS
        &&& self.current == NO_THREAD || (self.current < MAX_THREADS && self.threads[self.current as int].state == T_RUNNING)
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
