//! Process and thread creation and exit.
//!
//! `spawn` builds a process: a fresh address space whose user region maps the program's code
//! pages read-only and a zeroed, writable stack below `USER_END`, and one runnable thread.
//! Building the address space (`build_space`: `map_code`, `map_stack`) only needs the allocator
//! and that one address space, so it is stated without the kernel's invariant: it keeps the
//! rest of the kernel (`space_frame`) and takes every page it uses from the free set
//! (`space_built`), which is what `lemma_wf_spawned` needs.
//! `exit_current` ends the running thread's process: every pool page it maps goes back to the
//! allocator, then its page tables, and the next runnable thread runs.

use vstd::prelude::*;
use crate::mm::page_alloc::*;
use crate::mm::page_table::*;
use crate::kernel::console::*;
use crate::kernel::proc::*;
use crate::kernel::queue::*;
use crate::kernel::state::*;
use crate::kernel::steps::*;

verus! {

pub const STACK_PAGES: u64 = 2;
pub const USER_STACK_TOP: u64 = 0x4080_0000;

impl Kernel {
    /// Only the allocator and process `p`'s address space may differ from `o`.
    pub open spec fn space_frame(&self, o: &Kernel, p: int) -> bool {
        &&& self.procs == o.procs && self.threads == o.threads && self.runq == o.runq
        &&& self.current == o.current && self.eps == o.eps && self.ep_mode == o.ep_mode
        &&& forall|i: int| 0 <= i < MAX_PROCS && i != p ==> #[trigger] self.spaces[i] == o.spaces[i]
    }

    /// Process `p`'s address space is well formed and built of pages taken from `free0`: its
    /// tables and the pool pages it maps were in `free0` and are not free now.
    pub open spec fn space_built(&self, p: int, free0: Set<u64>) -> bool {
        &&& self.spaces[p].wf()
        &&& self.spaces[p].disjoint_from(&self.alloc)
        &&& forall|x: u64| #[trigger] self.spaces[p].owns(x) ==> free0.contains(x)
        &&& forall|va: u64| #[trigger] self.spaces[p].mapping@.contains_key(va) && is_pool_page(self.spaces[p].mapping@[va].pa)
                ==> free0.contains(self.spaces[p].mapping@[va].pa) && !self.alloc.free@.contains(self.spaces[p].mapping@[va].pa)
    }

    /// Map `n` code pages starting at physical `code_pa` at USER_BASE, read-only.
    fn map_code(&mut self, p: usize, code_pa: u64, n: u64) -> (ok: bool)
        requires
            p < MAX_PROCS,
            old(self).alloc.wf(),
            old(self).spaces[p as int].wf(),
            old(self).spaces[p as int].disjoint_from(&old(self).alloc),
            old(self).spaces[p as int].mapping@ == Map::<u64, MapEntry>::empty(),
            code_pa % 4096 == 0,
            code_pa + n * 4096 <= POOL_BASE,
            n <= 512,
        ensures
            self.alloc.wf(),
            self.spaces[p as int].wf(),
            self.spaces[p as int].disjoint_from(&self.alloc),
            self.alloc.free@.subset_of(old(self).alloc.free@),
            // new table pages were free; the code pages are not pool pages
            forall|x: u64| #[trigger] self.spaces[p as int].owns(x) ==> old(self).spaces[p as int].owns(x) || old(self).alloc.free@.contains(x),
            forall|va: u64| #[trigger] self.spaces[p as int].mapping@.contains_key(va) ==> self.spaces[p as int].mapping@[va].pa < POOL_BASE,
            self.procs == old(self).procs && self.threads == old(self).threads && self.runq == old(self).runq
                && self.current == old(self).current && self.eps == old(self).eps && self.ep_mode == old(self).ep_mode,
            forall|i: int| 0 <= i < MAX_PROCS && i != p ==> #[trigger] self.spaces[i] == old(self).spaces[i],
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
                self.alloc.free@.subset_of(old(self).alloc.free@),
                forall|x: u64| #[trigger] s.owns(x) ==> old(self).spaces[p as int].owns(x) || old(self).alloc.free@.contains(x),
                forall|va: u64| #[trigger] s.mapping@.contains_key(va) ==> va < USER_BASE + i * 4096 && s.mapping@[va].pa < POOL_BASE,
                self.procs == old(self).procs && self.threads == old(self).threads && self.runq == old(self).runq
                    && self.current == old(self).current && self.eps == old(self).eps && self.ep_mode == old(self).ep_mode,
                self.spaces == old(self).spaces,
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
            ok ==> self.spaces[p as int].mapping@ == old(self).spaces[p as int].mapping@.insert(va, self.spaces[p as int].mapping@[va]),
            !ok ==> self.spaces[p as int].mapping@ == old(self).spaces[p as int].mapping@
                && self.alloc.free@ == old(self).alloc.free@,
            // a new table page was free
            forall|x: u64| #[trigger] self.spaces[p as int].owns(x) ==> old(self).spaces[p as int].owns(x) || old(self).alloc.free@.contains(x),
            self.procs == old(self).procs && self.threads == old(self).threads && self.runq == old(self).runq
                && self.current == old(self).current && self.eps == old(self).eps && self.ep_mode == old(self).ep_mode,
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

    /// Map the fresh, writable stack pages of process `p` below USER_STACK_TOP (none of them
    /// mapped yet). False when memory is exhausted.
    fn map_stack(&mut self, p: usize, free0: Ghost<Set<u64>>) -> (ok: bool)
        requires
            p < MAX_PROCS,
            old(self).alloc.wf(),
            old(self).alloc.free@.subset_of(free0@),
            old(self).space_built(p as int, free0@),
        ensures
            self.alloc.wf(),
            self.alloc.free@.subset_of(old(self).alloc.free@),
            self.space_frame(old(self), p as int),
            ok ==> self.space_built(p as int, free0@),
    {
        let mut k: u64 = 1;
        while k <= STACK_PAGES
            invariant
                1 <= k <= STACK_PAGES + 1,
                p < MAX_PROCS,
                self.alloc.wf(),
                self.alloc.free@.subset_of(old(self).alloc.free@),
                old(self).alloc.free@.subset_of(free0@),
                self.space_frame(old(self), p as int),
                self.space_built(p as int, free0@),
            decreases STACK_PAGES + 1 - k,
        {
            let va = USER_STACK_TOP - k * 4096;
            if self.spaces[p].is_mapped(va) || !self.map_fresh_page(p, va) {
                return false;
            }
            k = k + 1;
        }
        true
    }

    /// Build process `p`'s address space from free pages: the program's `code_pages` pages at
    /// physical `code_pa` mapped read-only at USER_BASE, and a fresh writable stack. False when
    /// memory is exhausted (the pages taken so far stay taken).
    fn build_space(&mut self, p: usize, code_pa: u64, code_pages: u64) -> (ok: bool)
        requires
            p < MAX_PROCS,
            old(self).alloc.wf(),
            code_pa % 4096 == 0,
            code_pa + code_pages * 4096 <= POOL_BASE,
            code_pages <= 512,
        ensures
            self.alloc.wf(),
            self.alloc.free@.subset_of(old(self).alloc.free@),
            self.space_frame(old(self), p as int),
            ok ==> self.space_built(p as int, old(self).alloc.free@),
    {
        let ghost free0 = self.alloc.free@;
        let space = match AddressSpace::new(&mut self.alloc, self.kernel_entry) {
            Some(s) => s,
            None => return false,
        };
        self.spaces[p] = space;
        if !self.map_code(p, code_pa, code_pages) {
            return false;
        }
        self.map_stack(p, Ghost(free0))
    }

    /// Create a process running the program whose `code_pages` pages start at physical
    /// `code_pa` (below the page pool), with a page quota for `sys_alloc`. Returns its thread id.
    /// On failure the kernel stays well formed (pages taken for a half-built process are not
    /// returned; boot gives up then).
    pub fn spawn(&mut self, code_pa: u64, code_pages: u64, quota: u64) -> (r: Option<usize>)
        requires
            old(self).wf(),
            code_pa % 4096 == 0,
            code_pa + code_pages * 4096 <= POOL_BASE,
            code_pages <= 512,
        ensures
            self.wf(),
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
        let ghost k0 = *self;
        if !self.build_space(p, code_pa, code_pages) {
            proof { lemma_wf_build(k0, *self, p as int); }
            return None;
        }
        self.procs[p] = Process::new(quota);
        // every page it took from the free set is the new process's
        self.procs[p].held = Ghost(k0.alloc.free@.difference(self.alloc.free@));
        self.threads[t] = Thread { state: T_FREE, owner: p, endpoint: 0, msg: 0, ret: 0, ret_msg: 0 };
        let woke = self.wake(t);
        proof {
            assert(woke);
            lemma_wf_spawned(k0, *self, p as int, t);
        }
        Some(t)
    }

    /// Unmap every page of process `p`'s user region, returning its pool pages (never a table
    /// page, never a page already free) to the allocator; only pages in `held` become free.
    fn release_user_pages(&mut self, p: usize, held: Ghost<Set<u64>>)
        requires
            p < MAX_PROCS,
            old(self).alloc.wf(),
            old(self).spaces[p as int].wf(),
            old(self).spaces[p as int].disjoint_from(&old(self).alloc),
            forall|va: u64| #[trigger] old(self).spaces[p as int].mapping@.contains_key(va) && is_pool_page(old(self).spaces[p as int].mapping@[va].pa)
                ==> held@.contains(old(self).spaces[p as int].mapping@[va].pa),
        ensures
            self.alloc.wf(),
            self.spaces[p as int].wf(),
            self.spaces[p as int].disjoint_from(&self.alloc),
            old(self).alloc.free@.subset_of(self.alloc.free@),
            self.alloc.free@.subset_of(old(self).alloc.free@.union(held@)),
            forall|x: u64| #[trigger] self.spaces[p as int].owns(x) == old(self).spaces[p as int].owns(x),
            forall|x: u64| #[trigger] self.spaces[p as int].mapping@.contains_key(x) ==> false,
            forall|i: int| 0 <= i < MAX_PROCS && i != p ==> #[trigger] self.spaces[i] == old(self).spaces[i],
            self.procs == old(self).procs && self.threads == old(self).threads && self.runq == old(self).runq
                && self.current == old(self).current && self.eps == old(self).eps && self.ep_mode == old(self).ep_mode,
    {
        let mut s = self.spaces[p];
        s.unmap_all(&mut self.alloc, Ghost(held@));
        self.spaces[p] = s;
    }

    /// The running thread's process exits with `code`: its pages go back to the allocator,
    /// its thread is dead, and the next runnable thread runs.
    pub fn exit_current(&mut self, code: u64)
        requires
            old(self).wf(),
            old(self).current < MAX_THREADS,
        ensures
            self.wf(),
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
        let ghost k0 = *self;
        self.release_user_pages(p, Ghost(k0.procs[p as int].held@));
        let ghost k1 = *self;
        let mut s = self.spaces[p];
        s.destroy(&mut self.alloc);
        self.spaces[p] = s;
        proof {
            // destroy frees table pages, which `p` holds
            assert forall|x: u64| #[trigger] self.alloc.free@.contains(x) implies k0.alloc.free@.contains(x) || k0.procs[p as int].held@.contains(x) by {
                if !k1.alloc.free@.contains(x) {
                    assert(k1.spaces[p as int].owns(x));
                    assert(k0.spaces[p as int].owns(x));
                }
            }
        }
        self.procs[p].alive = false;
        self.procs[p].exited = true;
        self.procs[p].exit_code = code;
        self.threads[cur].state = T_DEAD;
        proof {
            lemma_wf_exited(k0, *self);
            assert(self.runq.seq@ == old(self).runq.seq@);
            assert(self.runq.seq@.len() > 0 ==> self.runq.seq@[0] != cur);
        }
        self.schedule();
    }
}

} // verus!
