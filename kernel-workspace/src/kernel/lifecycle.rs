//! Process and thread creation and exit.
//!
//! `spawn` builds a process: a fresh address space whose user region maps the program's code
//! pages read-only and a zeroed, writable stack below `USER_END`, and one runnable thread.
//! `exit_current` ends the running thread's process: every pool page it maps goes back to the
//! allocator, then its page tables, and the next runnable thread runs.

use vstd::prelude::*;
use crate::mm::page_alloc::*;
use crate::mm::page_table::*;
use crate::kernel::console::*;
use crate::kernel::proc::*;
use crate::kernel::queue::*;
use crate::kernel::state::*;

verus! {

pub const STACK_PAGES: u64 = 2;
pub const USER_STACK_TOP: u64 = 0x4080_0000;

impl Kernel {
    /// Map `n` code pages starting at physical `code_pa` at USER_BASE, read-only.
    fn map_code(&mut self, p: usize, code_pa: u64, n: u64) -> (ok: bool)
        requires
            p < MAX_PROCS,
            old(self).alloc.wf(),
            old(self).spaces[p as int].wf(),
            old(self).spaces[p as int].disjoint_from(&old(self).alloc),
            old(self).spaces[p as int].mapping@ == Map::<u64, MapEntry>::empty(),
            code_pa % 4096 == 0,
            code_pa + n * 4096 <= 0x4000_0000,
            n <= 512,
        ensures
            self.alloc.wf(),
            self.spaces[p as int].wf(),
            self.spaces[p as int].disjoint_from(&self.alloc),
            self.procs == old(self).procs && self.threads == old(self).threads && self.runq == old(self).runq
                && self.current == old(self).current && self.eps == old(self).eps,
    {
        let mut s = self.spaces[p];
        let mut i: u64 = 0;
        while i < n
            invariant
                i <= n,
                n <= 512,
                self.alloc.wf(),
                s.wf(),
                s.disjoint_from(&self.alloc),
                forall|va: u64| #[trigger] s.mapping@.contains_key(va) ==> va < USER_BASE + i * 4096,
                self.procs == old(self).procs && self.threads == old(self).threads && self.runq == old(self).runq
                    && self.current == old(self).current && self.eps == old(self).eps,
            decreases n - i,
        {
            let va = USER_BASE + i * 4096;
            if !s.map(&mut self.alloc, va, code_pa + i * 4096, false) {
                self.spaces[p] = s;
                return false;
            }
            i = i + 1;
        }
        self.spaces[p] = s;
        true
    }

    /// Allocate, zero and map a writable page at user address `va` of process `p`.
    /// Returns false (nothing changed) when memory is exhausted.
    pub fn map_fresh_page(&mut self, p: usize, va: u64) -> (ok: bool)
        requires
            p < MAX_PROCS,
            old(self).alloc.wf(),
            old(self).spaces[p as int].wf(),
            old(self).spaces[p as int].disjoint_from(&old(self).alloc),
            is_user_va(va),
            !old(self).spaces[p as int].mapping@.contains_key(va),
        ensures
            self.alloc.wf(),
            self.spaces[p as int].wf(),
            self.spaces[p as int].disjoint_from(&self.alloc),
            self.alloc.free@.subset_of(old(self).alloc.free@),
            ok ==> self.spaces[p as int].mapping@.contains_key(va) && self.spaces[p as int].mapping@[va].writable
                && old(self).alloc.free@.contains(self.spaces[p as int].mapping@[va].pa)
                && !self.alloc.free@.contains(self.spaces[p as int].mapping@[va].pa),
            !ok ==> self.spaces[p as int].mapping@ == old(self).spaces[p as int].mapping@
                && self.alloc.free@ == old(self).alloc.free@,
            self.procs == old(self).procs && self.threads == old(self).threads && self.runq == old(self).runq
                && self.current == old(self).current && self.eps == old(self).eps,
            forall|i: int| 0 <= i < MAX_PROCS && i != p ==> #[trigger] self.spaces[i] == old(self).spaces[i],
    {
        let pa = match self.alloc.alloc() {
            Some(pa) => pa,
            None => return false,
        };
        zero_page(pa);
        let mut s = self.spaces[p];
        proof {
            assert forall|q: u64| #[trigger] s.owns(q) implies !self.alloc.free@.contains(q) && is_pool_page(q) by {
                assert(old(self).spaces[p as int].owns(q));
            }
            assert(!s.owns(pa));
        }
        if !s.map(&mut self.alloc, va, pa, true) {
            self.alloc.free(pa);
            proof {
                assert(self.alloc.free@ =~= old(self).alloc.free@);
                assert forall|q: u64| #[trigger] s.owns(q) implies !self.alloc.free@.contains(q) && is_pool_page(q) by {
                    assert(old(self).spaces[p as int].owns(q));
                }
            }
            self.spaces[p] = s;
            return false;
        }
        self.spaces[p] = s;
        true
    }

    /// Create a process running the program whose `code_pages` pages start at physical
    /// `code_pa`, with a page quota for `sys_alloc`. Returns its thread id.
    pub fn spawn(&mut self, code_pa: u64, code_pages: u64, quota: u64) -> (r: Option<usize>)
        requires
            old(self).alloc.wf(),
            old(self).runq.wf(),
            code_pa % 4096 == 0,
            code_pa + code_pages * 4096 <= 0x4000_0000,
            code_pages <= 512,
        ensures
            self.alloc.wf(),
            self.runq.wf(),
            (match r {
                Some(t) => t < MAX_THREADS && self.threads[t as int].state == T_RUNNABLE
                    && self.runq.seq@ == old(self).runq.seq@.push(t)
                    && self.procs[self.threads[t as int].owner as int].alive,
                None => true,
            }),
    {
        let p = match self.find_free_proc() {
            Some(p) => p,
            None => return None,
        };
        let t = match self.find_free_thread() {
            Some(t) => t,
            None => return None,
        };
        if self.runq.is_full() {
            return None;
        }
        let space = match AddressSpace::new(&mut self.alloc, self.kernel_entry) {
            Some(s) => s,
            None => return None,
        };
        self.spaces[p] = space;
        if !self.map_code(p, code_pa, code_pages) {
            return None;
        }
        let mut k: u64 = 1;
        while k <= STACK_PAGES
            invariant
                1 <= k <= STACK_PAGES + 1,
                p < MAX_PROCS,
                self.alloc.wf(),
                self.runq.wf(),
                self.spaces[p as int].wf(),
                self.spaces[p as int].disjoint_from(&self.alloc),
                self.runq == old(self).runq,
                self.runq.seq@.len() < QCAP,
                t < MAX_THREADS,
            decreases STACK_PAGES + 1 - k,
        {
            let va = USER_STACK_TOP - k * 4096;
            if self.spaces[p].is_mapped(va) || !self.map_fresh_page(p, va) {
                return None;
            }
            k = k + 1;
        }
        self.procs[p] = Process::new(quota);
        self.threads[t] = Thread { state: T_FREE, owner: p, endpoint: 0, msg: 0, ret: 0, ret_msg: 0 };
        self.wake(t);
        Some(t)
    }

    /// Unmap every page of process `p`'s user region, returning its pool pages (never a table
    /// page, never a page already free) to the allocator.
    fn release_user_pages(&mut self, p: usize)
        requires
            p < MAX_PROCS,
            old(self).alloc.wf(),
            old(self).spaces[p as int].wf(),
            old(self).spaces[p as int].disjoint_from(&old(self).alloc),
        ensures
            self.alloc.wf(),
            self.spaces[p as int].wf(),
            self.spaces[p as int].disjoint_from(&self.alloc),
            old(self).alloc.free@.subset_of(self.alloc.free@),
            forall|x: u64| #[trigger] self.spaces[p as int].mapping@.contains_key(x) ==> false,
            self.procs == old(self).procs && self.threads == old(self).threads && self.runq == old(self).runq
                && self.current == old(self).current && self.eps == old(self).eps,
    {
        let mut s = self.spaces[p];
        s.unmap_all(&mut self.alloc);
        self.spaces[p] = s;
    }

    /// The running thread's process exits with `code`; the next runnable thread runs.
    pub fn exit_current(&mut self, code: u64)
        requires
            old(self).wf(),
            old(self).current < MAX_THREADS,
        ensures
            self.alloc.wf(),
            self.runq.wf(),
            old(self).alloc.free@.subset_of(self.alloc.free@),
            self.threads[old(self).current as int].state == T_DEAD,
            self.procs[old(self).threads[old(self).current as int].owner as int].exited,
            self.procs[old(self).threads[old(self).current as int].owner as int].exit_code == code,
    {
        let cur = self.current;
        proof {
            assert(self.thread_ok(cur as int));
            // it is running, so it is not queued: the thread scheduled at the end is another one
            assert(!self.runq.seq@.contains(cur));
        }
        let p = self.threads[cur].owner;
        proof {
            assert(self.space_ok(p as int));
        }
        self.release_user_pages(p);
        let mut s = self.spaces[p];
        s.destroy(&mut self.alloc);
        self.spaces[p] = s;
        self.procs[p].alive = false;
        self.procs[p].exited = true;
        self.procs[p].exit_code = code;
        self.threads[cur].state = T_DEAD;
        proof {
            assert(self.runq.seq@ == old(self).runq.seq@);
            assert(self.runq.seq@.len() > 0 ==> self.runq.seq@[0] != cur);
        }
        self.schedule();
    }
}

} // verus!
