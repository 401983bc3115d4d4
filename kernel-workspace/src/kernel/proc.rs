//! Threads and processes: plain records, owned by the `Kernel` tables.
//!
//! A thread is in exactly one state; its `owner` is a live process while it is not `T_FREE`.
//! A process has an address space (in `Kernel::spaces`), a page quota for `sys_alloc` and the
//! number of pages charged against it (`pages <= quota`), and (ghost) the set of pool pages it
//! holds, which `Kernel::wf` keeps apart from every other live process's and from the free set.

use vstd::prelude::*;

verus! {

pub const MAX_PROCS: usize = 4;
pub const MAX_THREADS: usize = 8;
/// `Kernel::current` when no thread runs.
pub const NO_THREAD: usize = 8;

pub const T_FREE: u8 = 0;
pub const T_RUNNABLE: u8 = 1;
pub const T_RUNNING: u8 = 2;
pub const T_SEND_BLOCKED: u8 = 3;
pub const T_RECV_BLOCKED: u8 = 4;
pub const T_DEAD: u8 = 5;

#[derive(Clone, Copy)]
pub struct Thread {
    pub state: u8,
    pub owner: usize,
    /// Endpoint the thread waits on (when blocked).
    pub endpoint: usize,
    /// Outgoing message of a blocked sender.
    pub msg: u64,
    /// Syscall result to hand back when the thread next runs (rax, rdx).
    pub ret: u64,
    pub ret_msg: u64,
}

#[derive(Clone, Copy)]
pub struct Process {
    pub alive: bool,
    pub quota: u64,
    pub pages: u64,
    pub exited: bool,
    pub exit_code: u64,
    /// The pool pages this process uses: its table pages and the pool pages it maps.
    pub held: Ghost<Set<u64>>,
}

pub open spec fn valid_state(s: u8) -> bool {
    s <= T_DEAD
}

impl Thread {
    pub open spec fn blocked(&self) -> bool {
        self.state == T_SEND_BLOCKED || self.state == T_RECV_BLOCKED
    }

    pub open spec fn live(&self) -> bool {
        self.state != T_FREE && self.state != T_DEAD
    }

    pub fn empty() -> (t: Thread)
        ensures t.state == T_FREE,
    {
        Thread { state: T_FREE, owner: 0, endpoint: 0, msg: 0, ret: 0, ret_msg: 0 }
    }

    pub fn is_blocked(&self) -> (r: bool)
        ensures r == self.blocked(),
    {
        self.state == T_SEND_BLOCKED || self.state == T_RECV_BLOCKED
    }

    pub fn is_live(&self) -> (r: bool)
        ensures r == self.live(),
    {
        self.state != T_FREE && self.state != T_DEAD
    }
}

impl Process {
    pub fn empty() -> (p: Process)
        ensures !p.alive, p.pages == 0,
    {
        Process { alive: false, quota: 0, pages: 0, exited: false, exit_code: 0, held: Ghost(Set::empty()) }
    }

    pub fn new(quota: u64) -> (p: Process)
        ensures p.alive, p.quota == quota, p.pages == 0, !p.exited,
    {
        Process { alive: true, quota, pages: 0, exited: false, exit_code: 0, held: Ghost(Set::empty()) }
    }

    /// Whether one more page fits in the quota.
    pub fn can_charge(&self) -> (r: bool)
        ensures r == (self.pages < self.quota),
    {
        self.pages < self.quota
    }
}

} // verus!
