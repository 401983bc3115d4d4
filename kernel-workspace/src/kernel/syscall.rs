//! The system-call layer: the only entry from user space. Every argument is validated before use.
//!
//! Invariant: from a well-formed kernel (`Kernel::wf`), whatever the arguments, a syscall leaves
//! the kernel well formed (`syscall` ensures `wf`); a refused call changes nothing but the
//! caller's return value and the `refused` count.
//!
//! ABI: number in rax, arguments in rdi, rsi; result in rax (0 or a value; errors are the
//! `E_*` codes, i.e. small negative numbers), a received message in rdx.

use vstd::prelude::*;
use crate::mm::page_alloc::*;
use crate::mm::page_table::*;
use crate::kernel::console::*;
use crate::kernel::ipc::*;
use crate::kernel::proc::*;
use crate::kernel::queue::*;
use crate::kernel::state::*;
use crate::kernel::steps::*;

verus! {

pub const SYS_PRINT: u64 = 0;
pub const SYS_SEND: u64 = 1;
pub const SYS_RECV: u64 = 2;
pub const SYS_ALLOC: u64 = 3;
pub const SYS_YIELD: u64 = 4;
pub const SYS_EXIT: u64 = 5;

pub const E_NOSYS: u64 = 0xFFFF_FFFF_FFFF_FFFF;
pub const E_FAULT: u64 = 0xFFFF_FFFF_FFFF_FFFE;
pub const E_BADEP: u64 = 0xFFFF_FFFF_FFFF_FFFD;
pub const E_NOMEM: u64 = 0xFFFF_FFFF_FFFF_FFFC;
pub const E_INVAL: u64 = 0xFFFF_FFFF_FFFF_FFFB;
pub const E_EXIST: u64 = 0xFFFF_FFFF_FFFF_FFFA;
pub const E_BUSY: u64 = 0xFFFF_FFFF_FFFF_FFF9;

pub const MAX_PRINT: u64 = 256;

/// The page containing byte address `va`.
pub fn page_of(va: u64) -> (p: u64)
    ensures
        p % 4096 == 0,
        p <= va,
{
    assert(va & 0xFFFF_FFFF_FFFF_F000u64 <= va && (va & 0xFFFF_FFFF_FFFF_F000u64) % 4096u64 == 0u64) by(bit_vector);
    va & 0xFFFF_FFFF_FFFF_F000
}

/// The offset of byte address `va` in its page.
pub fn page_offset(va: u64) -> (o: u64)
    ensures o < 4096,
{
    assert(va & 0xfffu64 < 4096u64) by(bit_vector);
    va & 0xfff
}

impl Kernel {
    /// Whether every byte of [va, va + len) is in a page mapped into process `p`.
    pub fn user_range_ok(&self, p: usize, va: u64, len: u64) -> (ok: bool)
        requires
            p < MAX_PROCS,
            self.spaces[p as int].wf(),
        ensures
            ok ==> len <= MAX_PRINT && va + len <= u64::MAX,
            ok && len > 0 ==> USER_BASE <= va && va + len <= USER_END,
    {
        if len > MAX_PRINT || va > u64::MAX - len {
            return false;
        }
        if len == 0 {
            return true;
        }
        if va < USER_BASE || va + len > USER_END {
            return false;
        }
        let mut page = page_of(va);
        while page < va + len
            invariant
                page % 4096 == 0,
                USER_BASE <= va,
                va + len <= USER_END,
                page <= va + len + 4096,
            decreases va + len + 4096 - page,
        {
            if !self.spaces[p].is_mapped(page) {
                return false;
            }
            page = page + 4096;
        }
        true
    }

    /// SYS_PRINT(va, len): write the caller's bytes to the console.
    pub fn sys_print(&self, p: usize, va: u64, len: u64) -> (r: u64)
        requires
            p < MAX_PROCS,
            self.spaces[p as int].wf(),
        ensures r == len || r == E_FAULT,
    {
        if !self.user_range_ok(p, va, len) {
            return E_FAULT;
        }
        let mut i: u64 = 0;
        while i < len
            invariant
                i <= len,
                len <= MAX_PRINT,
                va + len <= u64::MAX,
                self.spaces[p as int].wf(),
            decreases len - i,
        {
            let b = va + i;
            match self.spaces[p].translate(page_of(b)) {
                Some(e) => {
                    if e.pa <= u64::MAX - 4096 {
                        console_putc(phys_read_byte(e.pa + page_offset(b)));
                    }
                },
                None => return E_FAULT,
            }
            i = i + 1;
        }
        len
    }

    /// SYS_ALLOC(va): map a fresh zeroed writable page at `va`, charged to the caller's quota.
    pub fn sys_alloc(&mut self, p: usize, va: u64) -> (r: u64)
        requires
            old(self).wf(),
            p < MAX_PROCS,
            old(self).procs[p as int].alive,
        ensures
            self.wf(),
            r == E_OK ==> self.spaces[p as int].mapping@.contains_key(va)
                && !old(self).spaces[p as int].mapping@.contains_key(va)
                && self.procs[p as int].pages == old(self).procs[p as int].pages + 1,
            r != E_OK ==> self.spaces[p as int].mapping@ == old(self).spaces[p as int].mapping@
                && self.alloc.free@ == old(self).alloc.free@,
            // scheduling state is untouched, and so are the other processes
            self.threads == old(self).threads && self.runq == old(self).runq
                && self.current == old(self).current && self.eps == old(self).eps,
            forall|i: int| 0 <= i < MAX_PROCS && i != p ==> #[trigger] self.spaces[i] == old(self).spaces[i],
            self.procs[p as int].pages <= self.procs[p as int].quota || self.procs[p as int].pages == old(self).procs[p as int].pages,
    {
        proof {
            assert(self.space_ok(p as int));
        }
        if va < USER_BASE || va >= USER_END || va % 4096 != 0 {
            return E_INVAL;
        }
        if self.spaces[p].is_mapped(va) {
            return E_EXIST;
        }
        if !self.procs[p].can_charge() {
            return E_NOMEM;
        }
        let ghost k0 = *self;
        let ok = self.map_fresh_page(p, va);
        // what left the free set is the caller's now
        self.procs[p].held = Ghost(k0.procs[p as int].held@.union(k0.alloc.free@.difference(self.alloc.free@)));
        if !ok {
            proof { lemma_wf_alloc(k0, *self, p as int); }
            return E_NOMEM;
        }
        self.procs[p].pages = self.procs[p].pages + 1;
        proof { lemma_wf_alloc(k0, *self, p as int); }
        E_OK
    }

    /// Record the result the thread `cur` gets back from its syscall: a value and no message.
    fn set_result(&mut self, cur: usize, r: u64)
        requires cur < MAX_THREADS,
        ensures
            self.threads[cur as int].ret == r,
            self.threads[cur as int].ret_msg == 0,
            r != E_OK && r < 0xFFFF_FFFF_FFFF_FF00 ==> self.refused == old(self).refused,
            // nothing else changes: not the memory state, not the scheduling state
            self.alloc == old(self).alloc && self.spaces == old(self).spaces && self.procs == old(self).procs,
            self.runq == old(self).runq && self.eps == old(self).eps && self.current == old(self).current,
            self.ep_mode == old(self).ep_mode,
            forall|t: int| 0 <= t < MAX_THREADS ==> #[trigger] self.threads[t].state == old(self).threads[t].state
                && self.threads[t].owner == old(self).threads[t].owner
                && self.threads[t].endpoint == old(self).threads[t].endpoint,
    {
        self.threads[cur].ret = r;
        self.threads[cur].ret_msg = 0;
        if r >= E_BUSY && self.refused < u64::MAX {
            self.refused = self.refused + 1;
        }
    }

    /// The syscall entry: `nr` and its arguments come straight from user registers. Whatever
    /// they are, the kernel's invariant holds afterwards.
    pub fn syscall(&mut self, nr: u64, a0: u64, a1: u64)
        requires
            old(self).wf(),
            old(self).current < MAX_THREADS,
        ensures
            self.wf(),
    {
        let ghost k0 = *self;
        let cur = self.current;
        proof {
            assert(self.thread_ok(cur as int));
        }
        let p = self.threads[cur].owner;
        proof {
            assert(self.space_ok(p as int));
        }
        if nr == SYS_EXIT {
            self.exit_current(a0);
        } else if nr == SYS_YIELD {
            self.yield_current();
            let ghost k1 = *self;
            self.set_result(cur, E_OK);
            proof { lemma_wf_frame(k1, *self); }
        } else if nr == SYS_SEND || nr == SYS_RECV {
            if !Self::ep_valid(a0) {
                self.set_result(cur, E_BADEP);
                proof { lemma_wf_frame(k0, *self); }
                return;
            }
            let ep = a0 as usize;
            // a message received now or later lands in ret_msg; clear the last one
            self.threads[cur].ret_msg = 0;
            proof { lemma_wf_frame(k0, *self); }
            let ok = if nr == SYS_SEND { self.ipc_send(ep, a1) } else { self.ipc_recv(ep) };
            if !ok {
                let ghost k1 = *self;
                self.set_result(cur, E_BUSY);
                proof { lemma_wf_frame(k1, *self); }
            }
        } else if nr == SYS_PRINT {
            let r = self.sys_print(p, a0, a1);
            self.set_result(cur, r);
            proof { lemma_wf_frame(k0, *self); }
        } else if nr == SYS_ALLOC {
            let r = self.sys_alloc(p, a0);
            let ghost k1 = *self;
            self.set_result(cur, r);
            proof { lemma_wf_frame(k1, *self); }
        } else {
            self.set_result(cur, E_NOSYS);
            proof { lemma_wf_frame(k0, *self); }
        }
    }

    /// The running thread faulted: it exits with `code` (the kernel carries on).
    pub fn kill_current(&mut self, code: u64)
        requires
            old(self).wf(),
            old(self).current < MAX_THREADS,
        ensures
            self.wf(),
            self.threads[old(self).current as int].state == T_DEAD,
    {
        self.exit_current(code);
    }
}

} // verus!
