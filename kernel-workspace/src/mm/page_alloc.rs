//! Physical page allocator for the kernel's page pool.
//!
//! Invariant (`wf`): `free@` is exactly the set of pool pages whose `used` flag is clear, every
//! page in it is a 4 KiB-aligned address inside the pool, and `nfree` counts them.
//! Abstract view: the ghost set `free@` of free physical pages. `alloc` hands out a page that was
//! free and removes it; `free` takes back an allocated page. A page is never handed out twice:
//! once allocated it is not in `free@` until `free` puts it back.
//! `wf` is opaque outside this file: its users only pass it along.

use vstd::prelude::*;

verus! {

pub const PAGE_SIZE: u64 = 4096;
pub const POOL_BASE: u64 = 0x80_0000;
pub const POOL_PAGES: usize = 512;
pub const POOL_END: u64 = 0xA0_0000;

/// The address of pool page `i`.
pub open spec fn page_addr(i: int) -> int {
    POOL_BASE + i * 4096
}

/// `p` is a page of the pool.
pub open spec fn is_pool_page(p: u64) -> bool {
    &&& POOL_BASE <= p < POOL_END
    &&& p % 4096 == 0
}

#[derive(Clone, Copy)]
pub struct PageAllocator {
    pub used: [bool; POOL_PAGES],
    pub nfree: usize,
    pub free: Ghost<Set<u64>>,
}

impl PageAllocator {
    #[verifier::opaque]
    pub open spec fn wf(&self) -> bool {
        &&& self.nfree <= POOL_PAGES
        &&& forall|i: int| 0 <= i < POOL_PAGES ==>
                (#[trigger] self.used[i] <==> !self.free@.contains(page_addr(i) as u64))
        &&& forall|p: u64| #[trigger] self.free@.contains(p) ==> is_pool_page(p)
    }

    pub open spec fn is_free_page(&self, p: u64) -> bool {
        self.free@.contains(p)
    }

    /// A pool with every page free.
    pub fn new() -> (r: PageAllocator)
        ensures
            r.wf(),
            r.nfree == POOL_PAGES,
            forall|i: int| 0 <= i < POOL_PAGES ==> !r.used[i],
    {
        proof { reveal(PageAllocator::wf); }
        let mut r = PageAllocator { used: [true; POOL_PAGES], nfree: 0, free: Ghost(Set::empty()) };
        let mut i: usize = 0;
        while i < POOL_PAGES
            invariant
                i <= POOL_PAGES,
                r.nfree == i,
                forall|j: int| 0 <= j < POOL_PAGES ==> (#[trigger] r.used[j] <==> !r.free@.contains(page_addr(j) as u64)),
                forall|j: int| 0 <= j < i ==> !r.used[j],
                forall|j: int| i <= j < POOL_PAGES ==> r.used[j],
                forall|p: u64| #[trigger] r.free@.contains(p) ==> is_pool_page(p),
            decreases POOL_PAGES - i,
        {
            let p = Self::addr_of(i);
            r.used[i] = false;
            r.nfree = r.nfree + 1;
            r.free = Ghost(r.free@.insert(p));
            i = i + 1;
        }
        r
    }

    /// The pool index of page `p`.
    pub fn index_of(p: u64) -> (i: usize)
        requires is_pool_page(p),
        ensures
            i < POOL_PAGES,
            page_addr(i as int) == p,
    {
        ((p - POOL_BASE) / PAGE_SIZE) as usize
    }

    /// The address of pool page `i`.
    pub fn addr_of(i: usize) -> (p: u64)
        requires i < POOL_PAGES,
        ensures
            p == page_addr(i as int),
            is_pool_page(p),
    {
        POOL_BASE + (i as u64) * PAGE_SIZE
    }

    /// Hand out a free page (lowest address first), or None when the pool is exhausted.
    pub fn alloc(&mut self) -> (r: Option<u64>)
        requires old(self).wf(),
        ensures
            self.wf(),
            (match r {
                Some(p) => {
                    &&& old(self).free@.contains(p)
                    &&& self.free@ == old(self).free@.remove(p)
                    &&& is_pool_page(p)
                },
                None => self.free@ == old(self).free@,
            }),
    {
        proof { reveal(PageAllocator::wf); }
        let mut i: usize = 0;
        while i < POOL_PAGES
            invariant
                i <= POOL_PAGES,
                self.wf(),
                self.free@ == old(self).free@,
            decreases POOL_PAGES - i,
        {
            if !self.used[i] {
                let p = Self::addr_of(i);
                self.used[i] = true;
                if self.nfree > 0 {
                    self.nfree = self.nfree - 1;
                }
                self.free = Ghost(self.free@.remove(p));
                return Some(p);
            }
            i = i + 1;
        }
        None
    }

    /// Take back an allocated page.
    pub fn free(&mut self, p: u64)
        requires
            old(self).wf(),
            is_pool_page(p),
            !old(self).free@.contains(p),
        ensures
            self.wf(),
            self.free@ == old(self).free@.insert(p),
    {
        proof { reveal(PageAllocator::wf); }
        let i = Self::index_of(p);
        self.used[i] = false;
        if self.nfree < POOL_PAGES {
            self.nfree = self.nfree + 1;
        }
        self.free = Ghost(self.free@.insert(p));
    }

    /// Whether page `p` is free.
    pub fn is_free(&self, p: u64) -> (r: bool)
        requires
            self.wf(),
            is_pool_page(p),
        ensures r == self.free@.contains(p),
    {
        proof { reveal(PageAllocator::wf); }
        let i = Self::index_of(p);
        !self.used[i]
    }

    /// Number of free pages (a count of clear `used` flags).
    pub fn count_free(&self) -> (n: usize)
        requires self.wf(),
        ensures n <= POOL_PAGES,
    {
        let mut n: usize = 0;
        let mut i: usize = 0;
        while i < POOL_PAGES
            invariant
                i <= POOL_PAGES,
                n <= i,
            decreases POOL_PAGES - i,
        {
            if !self.used[i] {
                n = n + 1;
            }
            i = i + 1;
        }
        n
    }
}

} // verus!
