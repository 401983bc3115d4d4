//! TRUSTED accessor for page-table memory.
//!
//! A `PtMem` owns a set of 4 KiB table pages (disjoint from every other `PtMem`, because each page
//! comes from `PageAllocator::alloc`, which never hands a page out twice). Its ghost map `tables@`
//! mirrors the 512 entries of each owned page; the bodies below touch physical memory through the
//! boot identity map. Their specs are trusted: they are the whole interface between verified code
//! and page-table memory.

use vstd::prelude::*;
use crate::arch::cpu;

verus! {

#[derive(Clone, Copy)]
pub struct PtMem {
    pub tables: Ghost<Map<u64, Seq<u64>>>,
}

/// A table of 512 zero entries.
pub open spec fn is_zero_table(s: Seq<u64>) -> bool {
    &&& s.len() == 512
    &&& forall|i: int| 0 <= i < 512 ==> s[i] == 0
}

impl PtMem {
    #[verifier::external_body]
    pub fn empty() -> (r: PtMem)
        ensures r.tables@ == Map::<u64, Seq<u64>>::empty(),
    {
        PtMem { tables: Ghost(Map::empty()) }
    }

    /// Zero page `pa` and take it over as a page table.
    #[verifier::external_body]
    pub fn add_table(&mut self, pa: u64)
        requires !old(self).tables@.contains_key(pa),
        ensures
            self.tables@.dom() == old(self).tables@.dom().insert(pa),
            is_zero_table(self.tables@[pa]),
            forall|t: u64| t != pa && old(self).tables@.contains_key(t) ==> self.tables@[t] == old(self).tables@[t],
    {
        cpu::phys_zero_page(pa);
    }

    /// Give up table page `pa` (its memory goes back to the allocator).
    #[verifier::external_body]
    pub fn remove_table(&mut self, pa: u64)
        requires old(self).tables@.contains_key(pa),
        ensures self.tables@ == old(self).tables@.remove(pa),
    {
    }

    #[verifier::external_body]
    pub fn read(&self, table: u64, idx: usize) -> (v: u64)
        requires self.tables@.contains_key(table), idx < 512,
        ensures v == self.tables@[table][idx as int],
    {
        cpu::phys_read_u64(table + (idx as u64) * 8)
    }

    #[verifier::external_body]
    pub fn write(&mut self, table: u64, idx: usize, v: u64)
        requires old(self).tables@.contains_key(table), idx < 512,
        ensures self.tables@ == old(self).tables@.insert(table, old(self).tables@[table].update(idx as int, v)),
    {
        cpu::phys_write_u64(table + (idx as u64) * 8, v);
    }
}

} // verus!
