//! Per-process x86-64 4-level page tables for the user region.
//!
//! Layout: the user region is [USER_BASE, USER_END) = [1 GiB, 1 GiB + 8 MiB). Its walk always
//! goes PML4[0] -> PDPT[1] -> PD[k] (k < USER_PTS) -> PT[j]; PDPT[0] points at the kernel's
//! boot PD (the first GiB identity-mapped, supervisor only), so the kernel is mapped everywhere.
//! Invariant (`wf`): the three upper tables and every present PT are distinct pages owned by this
//! address space's `mem`; PML4[0], PDPT[0], PDPT[1] and PD[k] hold exactly the entries above
//! (PD[k] is empty when `pts[k] == 0`); and the leaf level refines the abstract view:
//! for every user page `va`, `mapping@` contains `va` iff its PT entry is present, and then
//! `mapping@[va]` is the (physical page, writable) that entry encodes.
//! `wf` and the entry encodings (`table_entry`, `present`, `decode`) are opaque: callers carry
//! them as names (the kernel's invariant holds one `wf` per process) and the functions here see
//! their bodies only where they reveal them, mostly in one lemma per step (`lemma_fresh_wf`,
//! `lemma_pt_installed`, `lemma_leaf_written`); `lemma_mapped_user` and `lemma_tables_owned`
//! hand out the parts of `wf` that callers need.

use vstd::prelude::*;
use crate::mm::page_alloc::*;
use crate::mm::pt_mem::*;

verus! {

pub const ADDR_MASK: u64 = 0x000F_FFFF_FFFF_F000;
pub const USER_BASE: u64 = 0x4000_0000;
pub const USER_END: u64 = 0x4080_0000;
pub const USER_PTS: usize = 4;

#[derive(Clone, Copy)]
pub struct MapEntry {
    pub pa: u64,
    pub writable: bool,
}

pub open spec fn is_user_va(va: u64) -> bool {
    &&& USER_BASE <= va < USER_END
    &&& va % 4096 == 0
}

/// Physical pages the tables may point at: 4 KiB aligned, inside the identity-mapped first GiB.
pub open spec fn is_phys_page(pa: u64) -> bool {
    &&& pa < 0x4000_0000
    &&& pa % 4096 == 0
}

/// The PD slot of a user address (the walk's PD index, see `lemma_hw_indices`).
pub open spec fn spec_pd_index(va: u64) -> int {
    (va - USER_BASE) / 0x20_0000
}

/// The PT slot of an address (the walk's PT index, see `lemma_hw_indices`).
pub open spec fn spec_pt_index(va: u64) -> int {
    ((va / 4096) % 512) as int
}

// The entry encodings are opaque: their bit operations would put every query that mentions an
// entry (every one that sees `wf`) on the solver's slow bit-vector path. Only the functions that
// build or read entries reveal them.

/// A present, writable, user entry pointing at table `pa`.
#[verifier::opaque]
pub open spec fn table_entry(pa: u64) -> u64 {
    pa | 7u64
}

#[verifier::opaque]
pub open spec fn present(pte: u64) -> bool {
    pte & 1u64 == 1u64
}

#[verifier::opaque]
pub open spec fn decode(pte: u64) -> MapEntry {
    MapEntry { pa: pte & ADDR_MASK, writable: pte & 2u64 == 2u64 }
}

/// The walk's index facts for a user address, by bit-vector reasoning.
pub proof fn lemma_user_indices(va: u64)
    requires USER_BASE <= va < USER_END,
    ensures
        (va >> 39u64) & 511u64 == 0,
        (va >> 30u64) & 511u64 == 1,
        (va >> 21u64) & 511u64 < 4,
        (va >> 12u64) & 511u64 < 512,
{
    assert(0x4000_0000u64 <= va && va < 0x4080_0000u64 ==> (va >> 39u64) & 511u64 == 0 && (va >> 30u64) & 511u64 == 1
        && (va >> 21u64) & 511u64 < 4 && (va >> 12u64) & 511u64 < 512) by(bit_vector);
}

/// The indices the hardware walk takes, `(va >> 12) & 511` and `(va >> 21) & 511`, are the
/// arithmetic indices the specs use.
pub proof fn lemma_hw_indices(va: u64)
    ensures
        (va >> 12u64) & 511u64 == (va / 4096u64) % 512u64,
        (va >> 21u64) & 511u64 == (va / 0x20_0000u64) % 512u64,
{
    assert((va >> 12u64) & 511u64 == (va / 4096u64) % 512u64) by(bit_vector);
    assert((va >> 21u64) & 511u64 == (va / 0x20_0000u64) % 512u64) by(bit_vector);
}

/// `present` written out for one entry: a ground fact where a revealed definition would be a
/// quantifier to instantiate.
pub proof fn lemma_present_is(pte: u64)
    ensures present(pte) == (pte & 1u64 == 1u64),
{
    reveal(present);
}

/// `decode` written out for one entry (see `lemma_present_is`).
pub proof fn lemma_decode_is(pte: u64)
    ensures decode(pte) == (MapEntry { pa: pte & ADDR_MASK, writable: pte & 2u64 == 2u64 }),
{
    reveal(decode);
}

/// The zero entry is not present.
pub proof fn lemma_zero_absent()
    ensures !present(0u64),
{
    reveal(present);
    assert(0u64 & 1u64 == 0u64) by(bit_vector);
}

/// Two different page-aligned addresses are at least a page apart.
pub proof fn lemma_next_page(x: u64, va: u64)
    requires x % 4096 == 0, va % 4096 == 0, x >= va, x != va,
    ensures x >= va + 4096,
{
}

/// Only user pages are mapped: the part of `wf` that callers walking the user region need.
pub proof fn lemma_mapped_user(a: AddressSpace)
    requires a.wf(),
    ensures forall|va: u64| #[trigger] a.mapping@.contains_key(va) ==> is_user_va(va) && a.pts[spec_pd_index(va)] != 0,
{
    reveal(AddressSpace::wf);
    assert forall|va: u64| #[trigger] a.mapping@.contains_key(va) implies is_user_va(va) && a.pts[spec_pd_index(va)] != 0 by {
        assert(a.refines_at(va));
    }
}

/// The table structure half of `wf` (all but the leaf level), for taking the tables apart.
pub proof fn lemma_wf_tables(a: AddressSpace)
    requires a.wf(),
    ensures
        a.owns(a.pml4) && a.owns(a.pdpt) && a.owns(a.pd),
        is_phys_page(a.pml4) && is_phys_page(a.pdpt) && is_phys_page(a.pd),
        a.pml4 != a.pdpt && a.pml4 != a.pd && a.pdpt != a.pd,
        forall|p: u64| #[trigger] a.mem.tables@.contains_key(p) ==> a.mem.tables@[p].len() == 512,
        forall|k: int| 0 <= k < USER_PTS ==> #[trigger] a.pt_ok(k),
{
    reveal(AddressSpace::wf);
}

/// The PD and every present PT are table pages of `a` (what writing an entry needs of `wf`).
pub proof fn lemma_tables_owned(a: AddressSpace)
    requires a.wf(),
    ensures
        a.owns(a.pd),
        forall|k: int| 0 <= k < USER_PTS && #[trigger] a.pts[k] != 0 ==> a.owns(a.pts[k]),
{
    reveal(AddressSpace::wf);
    assert forall|k: int| 0 <= k < USER_PTS && #[trigger] a.pts[k] != 0 implies a.owns(a.pts[k]) by {
        assert(a.pt_ok(k));
    }
}

/// Two different user pages under the same PD entry have different PT indices.
pub proof fn lemma_index_injective(a: u64, b: u64)
    requires
        is_user_va(a),
        is_user_va(b),
        a != b,
        spec_pd_index(a) == spec_pd_index(b),
    ensures spec_pt_index(a) != spec_pt_index(b),
{
}

/// An address space whose tables are just the three upper ones, linked as the layout says,
/// with no PT and no mapping, is well formed (the state `new` builds).
pub proof fn lemma_fresh_wf(a: AddressSpace)
    requires
        is_phys_page(a.pml4) && is_phys_page(a.pdpt) && is_phys_page(a.pd),
        a.pml4 != a.pdpt && a.pml4 != a.pd && a.pdpt != a.pd,
        forall|t: u64| #[trigger] a.mem.tables@.contains_key(t) <==> (t == a.pml4 || t == a.pdpt || t == a.pd),
        forall|t: u64| #[trigger] a.mem.tables@.contains_key(t) ==> a.mem.tables@[t].len() == 512,
        a.mem.tables@[a.pml4][0] == table_entry(a.pdpt),
        a.mem.tables@[a.pdpt][0] == a.kernel_entry,
        a.mem.tables@[a.pdpt][1] == table_entry(a.pd),
        forall|k: int| 0 <= k < USER_PTS ==> #[trigger] a.pts[k] == 0,
        forall|k: int| 0 <= k < USER_PTS ==> #[trigger] a.mem.tables@[a.pd][k] == 0,
        a.mapping@ == Map::<u64, MapEntry>::empty(),
    ensures a.wf(),
{
    reveal(AddressSpace::wf);
    assert forall|k: int| 0 <= k < USER_PTS implies #[trigger] a.pt_ok(k) by {
        assert(a.mem.tables@[a.pd][k] == 0);
    }
    assert forall|va: u64| is_user_va(va) implies #[trigger] a.refines_at(va) by {
        assert(0 <= spec_pd_index(va) < USER_PTS);
        assert(a.pts[spec_pd_index(va)] == 0);
    }
}

/// `after` is `before` with a zeroed PT `pt` installed in its empty PD slot `k`: a new table
/// page, its PD entry and `pts[k]`; nothing else differs (the step of `ensure_pt`).
pub open spec fn pt_installed(before: AddressSpace, after: AddressSpace, k: int, pt: u64) -> bool {
    &&& 0 <= k < USER_PTS
    &&& before.pts[k] == 0
    &&& is_phys_page(pt) && pt != 0
    &&& !before.owns(pt)
    &&& after.pml4 == before.pml4 && after.pdpt == before.pdpt && after.pd == before.pd
    &&& after.kernel_entry == before.kernel_entry
    &&& after.mapping@ == before.mapping@
    &&& after.pts[k] == pt
    &&& forall|j: int| 0 <= j < USER_PTS && j != k ==> after.pts[j] == before.pts[j]
    &&& forall|t: u64| #[trigger] after.mem.tables@.contains_key(t) <==> (before.mem.tables@.contains_key(t) || t == pt)
    &&& is_zero_table(after.mem.tables@[pt])
    &&& after.mem.tables@[before.pd] == before.mem.tables@[before.pd].update(k, table_entry(pt))
    &&& forall|t: u64| t != pt && t != before.pd && #[trigger] before.mem.tables@.contains_key(t)
            ==> after.mem.tables@[t] == before.mem.tables@[t]
}

/// Installing a PT keeps every PD slot consistent with `pts`.
pub proof fn lemma_pt_installed_slots(before: AddressSpace, after: AddressSpace, k: int, pt: u64)
    requires
        pt_installed(before, after, k, pt),
        before.owns(before.pml4) && before.owns(before.pdpt) && before.owns(before.pd),
        before.mem.tables@[before.pd].len() == 512,
        forall|j: int| 0 <= j < USER_PTS ==> #[trigger] before.pt_ok(j),
    ensures forall|i: int| 0 <= i < USER_PTS ==> #[trigger] after.pt_ok(i),
{
    assert forall|i: int| 0 <= i < USER_PTS implies #[trigger] after.pt_ok(i) by {
        assert(before.pt_ok(i));
        if i == k {
            assert(after.mem.tables@[after.pd][k] == table_entry(pt));
            assert(after.owns(pt));
            assert(pt != before.pml4 && pt != before.pdpt && pt != before.pd);
            assert forall|j: int| 0 <= j < USER_PTS && j != k implies after.pts[j] != pt by {
                assert(before.pt_ok(j));
                assert(after.pts[j] == before.pts[j]);
                if before.pts[j] != 0 {
                    assert(before.owns(before.pts[j]));
                }
            }
        } else {
            assert(after.pts[i] == before.pts[i]);
            assert(after.mem.tables@[after.pd][i] == before.mem.tables@[before.pd][i]);
            if before.pts[i] != 0 {
                assert(before.owns(before.pts[i]));
                assert(after.owns(after.pts[i]));
                assert forall|j: int| 0 <= j < USER_PTS && j != i implies after.pts[j] != after.pts[i] by {
                    assert(before.pt_ok(j));
                    if j != k {
                        assert(after.pts[j] == before.pts[j]);
                    }
                }
            }
        }
    }
}

/// Installing a PT changes no leaf of a user page: the new PT is all zero, and every other
/// PT is another page than the new one and the PD.
pub proof fn lemma_pt_installed_leaves(before: AddressSpace, after: AddressSpace, k: int, pt: u64)
    requires
        pt_installed(before, after, k, pt),
        before.owns(before.pd),
        forall|j: int| 0 <= j < USER_PTS ==> #[trigger] before.pt_ok(j),
        forall|va: u64| is_user_va(va) ==> #[trigger] before.refines_at(va),
    ensures forall|va: u64| is_user_va(va) ==> #[trigger] after.refines_at(va),
{
    lemma_zero_absent();
    assert forall|x: u64| is_user_va(x) implies #[trigger] after.refines_at(x) by {
        assert(before.refines_at(x));
        let kx = spec_pd_index(x);
        if kx == k {
            assert(after.leaf(x) == 0u64);
        } else if after.pts[kx] != 0 {
            let t = before.pts[kx];
            assert(before.pt_ok(kx));
            assert(t != pt && t != before.pd && before.mem.tables@.contains_key(t));
            assert(after.mem.tables@[t] == before.mem.tables@[t]);
        }
    }
}

/// Installing a PT keeps the address space well formed and its mapping; the new PT is its
/// one new table page. The requires are what `PtMem::add_table` (giving `mid`) and
/// `PtMem::write` ensure.
pub proof fn lemma_pt_installed(before: AddressSpace, mid: Map<u64, Seq<u64>>, after: AddressSpace, k: int, pt: u64)
    requires
        before.wf(),
        0 <= k < USER_PTS,
        before.pts[k] == 0,
        is_phys_page(pt) && pt != 0,
        !before.owns(pt),
        mid.dom() == before.mem.tables@.dom().insert(pt),
        is_zero_table(mid[pt]),
        forall|t: u64| t != pt && before.mem.tables@.contains_key(t) ==> mid[t] == before.mem.tables@[t],
        after.mem.tables@ == mid.insert(before.pd, mid[before.pd].update(k, table_entry(pt))),
        after.pml4 == before.pml4 && after.pdpt == before.pdpt && after.pd == before.pd,
        after.kernel_entry == before.kernel_entry,
        after.mapping@ == before.mapping@,
        after.pts[k] == pt,
        forall|j: int| 0 <= j < USER_PTS && j != k ==> after.pts[j] == before.pts[j],
    ensures
        after.wf(),
        forall|x: u64| #[trigger] after.owns(x) <==> (before.owns(x) || x == pt),
{
    reveal(AddressSpace::wf);
    assert(before.mem.tables@.contains_key(before.pd));
    assert(mid[before.pd] == before.mem.tables@[before.pd]);
    assert forall|t: u64| #[trigger] after.mem.tables@.contains_key(t) <==> (before.mem.tables@.contains_key(t) || t == pt) by {
        assert(mid.contains_key(t) == (before.mem.tables@.contains_key(t) || t == pt));
    }
    assert(pt_installed(before, after, k, pt));
    lemma_pt_installed_slots(before, after, k, pt);
    lemma_pt_installed_leaves(before, after, k, pt);
    assert forall|q: u64| #[trigger] after.owns(q) implies after.is_table(q) by {
        if q != pt {
            assert(before.owns(q));
            assert(before.is_table(q));
            // the present PTs of `before` are where they were (slot `k` was empty)
            assert(before.pts[0] != 0 ==> after.pts[0] == before.pts[0]);
            assert(before.pts[1] != 0 ==> after.pts[1] == before.pts[1]);
            assert(before.pts[2] != 0 ==> after.pts[2] == before.pts[2]);
            assert(before.pts[3] != 0 ==> after.pts[3] == before.pts[3]);
        } else {
            assert(after.pts[k] == pt);
            assert(k == 0 || k == 1 || k == 2 || k == 3);
        }
    }
    assert forall|q: u64| #[trigger] after.mem.tables@.contains_key(q) implies after.mem.tables@[q].len() == 512 by {
        if q != pt {
            assert(before.mem.tables@.contains_key(q));
        }
    }
}

/// `after` is `before` with `v` written into the leaf entry of user page `va`, whose PT exists,
/// and the mapping following the entry: `va` mapped to `decode(v)` if `v` is present, unmapped
/// if not; nothing else differs (the step of `map` and `unmap`).
pub open spec fn leaf_written(before: AddressSpace, after: AddressSpace, va: u64, v: u64) -> bool {
    &&& is_user_va(va)
    &&& before.pts[spec_pd_index(va)] != 0
    &&& after.pml4 == before.pml4 && after.pdpt == before.pdpt && after.pd == before.pd
    &&& after.kernel_entry == before.kernel_entry
    &&& after.pts == before.pts
    &&& after.mem.tables@ == before.mem.tables@.insert(before.pts[spec_pd_index(va)],
            before.mem.tables@[before.pts[spec_pd_index(va)]].update(spec_pt_index(va), v))
    &&& present(v) ==> after.mapping@ == before.mapping@.insert(va, decode(v))
    &&& !present(v) ==> after.mapping@ == before.mapping@.remove(va)
}

/// Writing a leaf entry keeps every user page's leaf refining the mapping: the leaf of `va` is
/// the new entry, and every other user page's leaf is elsewhere (another PT index of the same
/// PT, or another PT).
pub proof fn lemma_leaf_written_leaves(before: AddressSpace, after: AddressSpace, va: u64, v: u64)
    requires
        leaf_written(before, after, va, v),
        before.mem.tables@[before.pts[spec_pd_index(va)]].len() == 512,
        forall|j: int| 0 <= j < USER_PTS ==> #[trigger] before.pt_ok(j),
        forall|x: u64| is_user_va(x) ==> #[trigger] before.refines_at(x),
    ensures forall|x: u64| is_user_va(x) ==> #[trigger] after.refines_at(x),
{
    let k = spec_pd_index(va);
    assert(after.leaf(va) == v);
    assert forall|x: u64| is_user_va(x) implies #[trigger] after.refines_at(x) by {
        assert(before.refines_at(x));
        let kx = spec_pd_index(x);
        if x != va && after.pts[kx] != 0 {
            if kx == k {
                lemma_index_injective(x, va);
            } else {
                assert(before.pt_ok(kx));
                assert(after.pts[kx] != before.pts[k]);
            }
            assert(after.leaf(x) == before.leaf(x));
        }
    }
}

/// Writing a leaf entry keeps the address space well formed; its table pages stay the same.
pub proof fn lemma_leaf_written(before: AddressSpace, after: AddressSpace, va: u64, v: u64)
    requires
        before.wf(),
        leaf_written(before, after, va, v),
    ensures
        after.wf(),
        forall|q: u64| #[trigger] after.owns(q) == before.owns(q),
{
    reveal(AddressSpace::wf);
    let k = spec_pd_index(va);
    assert(before.pt_ok(k));
    assert(before.mem.tables@.contains_key(before.pts[k]));
    lemma_leaf_written_leaves(before, after, va, v);
    assert forall|q: u64| #[trigger] after.owns(q) == before.owns(q) by {}
    assert forall|i: int| 0 <= i < USER_PTS implies #[trigger] after.pt_ok(i) by {
        assert(before.pt_ok(i));
    }
    assert forall|q: u64| #[trigger] after.owns(q) implies after.is_table(q) by {
        assert(before.owns(q));
        assert(before.is_table(q));
    }
    assert forall|q: u64| #[trigger] after.mem.tables@.contains_key(q) implies after.mem.tables@[q].len() == 512 by {
        assert(before.mem.tables@.contains_key(q));
    }
}

/// Index into the PD for a user address.
pub fn pd_index(va: u64) -> (i: usize)
    requires USER_BASE <= va < USER_END,
    ensures
        i == spec_pd_index(va),
        i < USER_PTS,
{
    ((va - USER_BASE) / 0x20_0000) as usize
}

/// Index into a PT.
pub fn pt_index(va: u64) -> (i: usize)
    ensures
        i == spec_pt_index(va),
        i < 512,
{
    ((va / 4096) % 512) as usize
}

/// The leaf entry for `pa`: present, user, writable when asked.
pub fn make_pte(pa: u64, writable: bool) -> (pte: u64)
    requires is_phys_page(pa),
    ensures
        present(pte),
        decode(pte) == (MapEntry { pa: pa, writable: writable }),
{
    let flags: u64 = if writable { 7 } else { 5 };
    let pte = pa | flags;
    assert(pte & 0x000F_FFFF_FFFF_F000u64 == pa && pte & 1u64 == 1u64 && (pte & 2u64 == 2u64) == (flags == 7u64))
        by(bit_vector)
        requires pte == pa | flags, pa % 4096u64 == 0u64, pa < 0x4000_0000u64, flags == 7u64 || flags == 5u64;
    // the encodings as ground facts about this `pte` (no quantifier to instantiate: z3-solver's
    // z3 did not match a revealed definition's bit operations with the assertion's in 10 s)
    proof {
        lemma_present_is(pte);
        lemma_decode_is(pte);
    }
    pte
}

/// The entry for a lower-level table.
pub fn make_table_entry(pa: u64) -> (e: u64)
    requires is_phys_page(pa),
    ensures
        e == table_entry(pa),
        present(e),
{
    reveal(table_entry);
    reveal(present);
    assert(pa % 4096 == 0 ==> (pa | 7u64) & 1u64 == 1u64) by(bit_vector);
    pa | 7
}

pub fn pte_present(pte: u64) -> (r: bool)
    ensures r == present(pte),
{
    reveal(present);
    pte & 1 == 1
}

pub fn pte_decode(pte: u64) -> (e: MapEntry)
    ensures e == decode(pte),
{
    reveal(decode);
    MapEntry { pa: pte & ADDR_MASK, writable: pte & 2 == 2 }
}

/// Table memory holding just the three upper tables, zeroed but for the entries the layout
/// fixes: PML4[0] -> `pdpt`, PDPT[0] = `kernel_entry`, PDPT[1] -> `pd`.
fn upper_tables(pml4: u64, pdpt: u64, pd: u64, kernel_entry: u64) -> (mem: PtMem)
    requires
        is_phys_page(pml4) && is_phys_page(pdpt) && is_phys_page(pd),
        pml4 != pdpt && pml4 != pd && pdpt != pd,
    ensures
        forall|t: u64| #[trigger] mem.tables@.contains_key(t) <==> (t == pml4 || t == pdpt || t == pd),
        forall|t: u64| #[trigger] mem.tables@.contains_key(t) ==> mem.tables@[t].len() == 512,
        mem.tables@[pml4][0] == table_entry(pdpt),
        mem.tables@[pdpt][0] == kernel_entry,
        mem.tables@[pdpt][1] == table_entry(pd),
        forall|k: int| 0 <= k < USER_PTS ==> #[trigger] mem.tables@[pd][k] == 0,
{
    let mut mem = PtMem::empty();
    mem.add_table(pml4);
    mem.add_table(pdpt);
    mem.add_table(pd);
    mem.write(pml4, 0, make_table_entry(pdpt));
    mem.write(pdpt, 0, kernel_entry);
    mem.write(pdpt, 1, make_table_entry(pd));
    mem
}

#[derive(Clone, Copy)]
pub struct AddressSpace {
    pub pml4: u64,
    pub pdpt: u64,
    pub pd: u64,
    pub pts: [u64; USER_PTS],
    pub kernel_entry: u64,
    pub mem: PtMem,
    pub mapping: Ghost<Map<u64, MapEntry>>,
}

impl AddressSpace {
    pub open spec fn owns(&self, p: u64) -> bool {
        self.mem.tables@.contains_key(p)
    }

    /// `p` is one of this address space's table pages.
    pub open spec fn is_table(&self, p: u64) -> bool {
        p == self.pml4 || p == self.pdpt || p == self.pd
            || (p != 0 && (p == self.pts[0] || p == self.pts[1] || p == self.pts[2] || p == self.pts[3]))
    }

    pub open spec fn pt_ok(&self, k: int) -> bool {
        if self.pts[k] == 0 {
            self.mem.tables@[self.pd][k] == 0
        } else {
            &&& self.owns(self.pts[k])
            &&& is_phys_page(self.pts[k])
            &&& self.pts[k] != self.pml4 && self.pts[k] != self.pdpt && self.pts[k] != self.pd
            &&& forall|j: int| 0 <= j < USER_PTS && j != k ==> self.pts[j] != self.pts[k]
            &&& self.mem.tables@[self.pd][k] == table_entry(self.pts[k])
        }
    }

    pub open spec fn leaf(&self, va: u64) -> u64 {
        self.mem.tables@[self.pts[spec_pd_index(va)]][spec_pt_index(va)]
    }

    pub open spec fn refines_at(&self, va: u64) -> bool {
        if self.pts[spec_pd_index(va)] == 0 {
            !self.mapping@.contains_key(va)
        } else {
            &&& self.mapping@.contains_key(va) <==> present(self.leaf(va))
            &&& self.mapping@.contains_key(va) ==> self.mapping@[va] == decode(self.leaf(va))
        }
    }

    #[verifier::opaque]
    pub open spec fn wf(&self) -> bool {
        &&& self.owns(self.pml4) && self.owns(self.pdpt) && self.owns(self.pd)
        &&& is_phys_page(self.pml4) && is_phys_page(self.pdpt) && is_phys_page(self.pd)
        &&& self.pml4 != self.pdpt && self.pml4 != self.pd && self.pdpt != self.pd
        &&& self.mem.tables@[self.pml4][0] == table_entry(self.pdpt)
        &&& self.mem.tables@[self.pdpt][0] == self.kernel_entry
        &&& self.mem.tables@[self.pdpt][1] == table_entry(self.pd)
        &&& forall|p: u64| #[trigger] self.mem.tables@.contains_key(p) ==> self.mem.tables@[p].len() == 512
        &&& forall|p: u64| #[trigger] self.owns(p) ==> self.is_table(p)
        &&& forall|k: int| 0 <= k < USER_PTS ==> #[trigger] self.pt_ok(k)
        &&& forall|va: u64| #[trigger] self.mapping@.contains_key(va) ==> is_user_va(va)
        &&& forall|va: u64| is_user_va(va) ==> #[trigger] self.refines_at(va)
    }

    /// Every page this address space's tables occupy was taken from `alloc`.
    pub open spec fn disjoint_from(&self, alloc: &PageAllocator) -> bool {
        forall|p: u64| #[trigger] self.owns(p) ==> !alloc.free@.contains(p) && is_pool_page(p)
    }

    /// A fresh address space with no user mappings; `kernel_entry` goes in PDPT[0].
    pub fn new(alloc: &mut PageAllocator, kernel_entry: u64) -> (r: Option<AddressSpace>)
        requires old(alloc).wf(),
        ensures
            alloc.wf(),
            alloc.free@.subset_of(old(alloc).free@),
            (match r {
                Some(a) => a.wf() && a.mapping@ == Map::<u64, MapEntry>::empty() && a.disjoint_from(alloc)
                    // its tables were free pages
                    && forall|x: u64| #[trigger] a.owns(x) ==> old(alloc).free@.contains(x),
                None => alloc.free@ == old(alloc).free@,
            }),
    {
        let pml4 = match alloc.alloc() {
            Some(p) => p,
            None => return None,
        };
        let pdpt = match alloc.alloc() {
            Some(p) => p,
            None => {
                alloc.free(pml4);
                return None;
            },
        };
        let pd = match alloc.alloc() {
            Some(p) => p,
            None => {
                alloc.free(pdpt);
                alloc.free(pml4);
                return None;
            },
        };
        let mem = upper_tables(pml4, pdpt, pd, kernel_entry);
        let a = AddressSpace {
            pml4,
            pdpt,
            pd,
            pts: [0; USER_PTS],
            kernel_entry,
            mem,
            mapping: Ghost(Map::empty()),
        };
        proof { lemma_fresh_wf(a); }
        Some(a)
    }

    /// Whether `p` is one of the table pages (so must never be handed to user space or freed
    /// as a data page).
    pub fn is_table_page(&self, p: u64) -> (r: bool)
        requires self.wf(),
        ensures !r ==> !self.owns(p),
    {
        proof { reveal(AddressSpace::wf); }
        p == self.pml4 || p == self.pdpt || p == self.pd
            || (p != 0 && (p == self.pts[0] || p == self.pts[1] || p == self.pts[2] || p == self.pts[3]))
    }

    /// The CR3 value of this address space.
    pub fn root(&self) -> (r: u64)
        ensures r == self.pml4,
    {
        self.pml4
    }

    /// Look up user page `va` (any value is accepted; non-user addresses are never mapped).
    pub fn translate(&self, va: u64) -> (r: Option<MapEntry>)
        requires self.wf(),
        ensures
            (match r {
                Some(e) => self.mapping@.contains_key(va) && self.mapping@[va] == e,
                None => !self.mapping@.contains_key(va),
            }),
    {
        proof { reveal(AddressSpace::wf); }
        if va < USER_BASE || va >= USER_END || va % 4096 != 0 {
            return None;
        }
        let k = pd_index(va);
        proof {
            assert(self.pt_ok(k as int));
            assert(self.refines_at(va));
        }
        let pt = self.pts[k];
        if pt == 0 {
            return None;
        }
        let pte = self.mem.read(pt, pt_index(va));
        if pte_present(pte) {
            Some(pte_decode(pte))
        } else {
            None
        }
    }

    /// Whether user page `va` is mapped.
    pub fn is_mapped(&self, va: u64) -> (r: bool)
        requires self.wf(),
        ensures r == self.mapping@.contains_key(va),
    {
        match self.translate(va) {
            Some(_) => true,
            None => false,
        }
    }

    /// Make sure the PT covering `va` exists, taking a page from `alloc` if needed.
    fn ensure_pt(&mut self, alloc: &mut PageAllocator, va: u64) -> (ok: bool)
        requires
            old(self).wf(),
            old(alloc).wf(),
            old(self).disjoint_from(old(alloc)),
            is_user_va(va),
        ensures
            self.wf(),
            alloc.wf(),
            self.disjoint_from(alloc),
            self.mapping@ == old(self).mapping@,
            alloc.free@.subset_of(old(alloc).free@),
            forall|x: u64| #[trigger] self.owns(x) ==> old(self).owns(x) || old(alloc).free@.contains(x),
            ok ==> self.pts[spec_pd_index(va)] != 0,
            !ok ==> alloc.free@ == old(alloc).free@ && self.mem.tables@ == old(self).mem.tables@,
    {
        let k = pd_index(va);
        if self.pts[k] != 0 {
            return true;
        }
        let pt = match alloc.alloc() {
            Some(p) => p,
            None => return false,
        };
        proof {
            assert(old(self).owns(pt) ==> !old(alloc).free@.contains(pt));
            assert(!self.owns(pt));
            lemma_tables_owned(*self);
        }
        let ghost before = *self;
        self.mem.add_table(pt);
        let ghost mid = self.mem.tables@;
        self.mem.write(self.pd, k, make_table_entry(pt));
        self.pts[k] = pt;
        proof {
            lemma_pt_installed(before, mid, *self, k as int, pt);
            assert forall|p: u64| #[trigger] self.owns(p) implies !alloc.free@.contains(p) && is_pool_page(p) by {
                if p != pt {
                    assert(before.owns(p));
                }
            }
        }
        true
    }

    /// Map user page `va` to physical page `pa`. False (and nothing changed) when no page is
    /// left for a page table.
    pub fn map(&mut self, alloc: &mut PageAllocator, va: u64, pa: u64, writable: bool) -> (ok: bool)
        requires
            old(self).wf(),
            old(alloc).wf(),
            old(self).disjoint_from(old(alloc)),
            is_user_va(va),
            is_phys_page(pa),
            !old(self).mapping@.contains_key(va),
        ensures
            self.wf(),
            alloc.wf(),
            self.disjoint_from(alloc),
            alloc.free@.subset_of(old(alloc).free@),
            // a new table page was a free page
            forall|x: u64| #[trigger] self.owns(x) ==> old(self).owns(x) || old(alloc).free@.contains(x),
            ok ==> self.mapping@ == old(self).mapping@.insert(va, MapEntry { pa: pa, writable: writable }),
            !ok ==> self.mapping@ == old(self).mapping@ && alloc.free@ == old(alloc).free@
                && self.mem.tables@ == old(self).mem.tables@,
    {
        if !self.ensure_pt(alloc, va) {
            return false;
        }
        let ghost mid = *self;
        let k = pd_index(va);
        proof { lemma_tables_owned(*self); }
        let pt = self.pts[k];
        let j = pt_index(va);
        let pte = make_pte(pa, writable);
        self.mem.write(pt, j, pte);
        self.mapping = Ghost(self.mapping@.insert(va, MapEntry { pa: pa, writable: writable }));
        proof {
            lemma_leaf_written(mid, *self, va, pte);
            assert forall|q: u64| #[trigger] self.owns(q) implies old(self).owns(q) || old(alloc).free@.contains(q) by {
                assert(mid.owns(q));
            }
            assert forall|p: u64| #[trigger] self.owns(p) implies !alloc.free@.contains(p) && is_pool_page(p) by {
                assert(mid.owns(p));
            }
        }
        true
    }

    /// Remove the mapping of user page `va`; returns what it was.
    pub fn unmap(&mut self, va: u64) -> (r: Option<MapEntry>)
        requires old(self).wf(),
        ensures
            self.wf(),
            self.mapping@ == old(self).mapping@.remove(va),
            // only a leaf entry changes: the table pages stay the same
            forall|q: u64| #[trigger] self.owns(q) == old(self).owns(q),
            (match r {
                Some(e) => old(self).mapping@.contains_key(va) && old(self).mapping@[va] == e,
                None => !old(self).mapping@.contains_key(va),
            }),
    {
        let old_entry = self.translate(va);
        match old_entry {
            Some(_) => {
                proof {
                    lemma_mapped_user(*self);
                    lemma_tables_owned(*self);
                }
                let k = pd_index(va);
                let pt = self.pts[k];
                let j = pt_index(va);
                let ghost before = *self;
                self.mem.write(pt, j, 0);
                self.mapping = Ghost(self.mapping@.remove(va));
                proof {
                    lemma_zero_absent();
                    lemma_leaf_written(before, *self, va, 0);
                }
            },
            None => {},
        }
        old_entry
    }

    /// Unmap every user page, giving its physical page back to `alloc` when it is a pool page
    /// that is neither one of the tables nor already free. `held` (ghost) is a set holding every
    /// pool page mapped here: only its pages become free.
    pub fn unmap_all(&mut self, alloc: &mut PageAllocator, held: Ghost<Set<u64>>)
        requires
            old(self).wf(),
            old(alloc).wf(),
            old(self).disjoint_from(old(alloc)),
            forall|va: u64| #[trigger] old(self).mapping@.contains_key(va) && is_pool_page(old(self).mapping@[va].pa)
                ==> held@.contains(old(self).mapping@[va].pa),
        ensures
            self.wf(),
            alloc.wf(),
            self.disjoint_from(alloc),
            old(alloc).free@.subset_of(alloc.free@),
            alloc.free@.subset_of(old(alloc).free@.union(held@)),
            forall|x: u64| #[trigger] self.owns(x) == old(self).owns(x),
            // nothing stays mapped
            forall|x: u64| #[trigger] self.mapping@.contains_key(x) ==> false,
    {
        proof { lemma_mapped_user(*self); }
        let mut va: u64 = USER_BASE;
        while va < USER_END
            invariant
                USER_BASE <= va <= USER_END,
                va % 4096 == 0,
                alloc.wf(),
                self.wf(),
                self.disjoint_from(alloc),
                old(alloc).free@.subset_of(alloc.free@),
                alloc.free@.subset_of(old(alloc).free@.union(held@)),
                forall|x: u64| #[trigger] self.owns(x) == old(self).owns(x),
                // what is still mapped is as it was
                forall|x: u64| #[trigger] self.mapping@.contains_key(x) ==> old(self).mapping@.contains_key(x)
                    && self.mapping@[x] == old(self).mapping@[x],
                // the pages below va are unmapped
                forall|x: u64| #[trigger] self.mapping@.contains_key(x) ==> x >= va,
            decreases USER_END - va,
        {
            match self.unmap(va) {
                Some(e) => {
                    if e.pa >= POOL_BASE && e.pa < POOL_END && e.pa % 4096 == 0 {
                        let table = self.is_table_page(e.pa);
                        let free = alloc.is_free(e.pa);
                        if !table && !free {
                            proof {
                                assert(!self.mem.tables@.contains_key(e.pa));
                            }
                            alloc.free(e.pa);
                        }
                    }
                },
                None => {},
            }
            proof {
                // va is unmapped now, and mapped addresses are page aligned: the rest lie above
                lemma_mapped_user(*self);
                assert forall|x: u64| #[trigger] self.mapping@.contains_key(x) implies x >= va + 4096 by {
                    lemma_next_page(x, va);
                }
            }
            va = va + 4096;
        }
        proof { lemma_mapped_user(*self); }
    }

    /// Give every table page back to `alloc`; the address space must not be used afterwards.
    pub fn destroy(&mut self, alloc: &mut PageAllocator)
        requires
            old(self).wf(),
            old(alloc).wf(),
            old(self).disjoint_from(old(alloc)),
        ensures
            alloc.wf(),
            old(alloc).free@.subset_of(alloc.free@),
            // only its table pages become free
            forall|x: u64| #[trigger] alloc.free@.contains(x) ==> old(alloc).free@.contains(x) || old(self).owns(x),
    {
        proof { lemma_wf_tables(*self); }
        let mut k: usize = 0;
        while k < USER_PTS
            invariant
                k <= USER_PTS,
                alloc.wf(),
                old(alloc).free@.subset_of(alloc.free@),
                forall|x: u64| #[trigger] alloc.free@.contains(x) ==> old(alloc).free@.contains(x) || old(self).owns(x),
                forall|x: u64| #[trigger] self.owns(x) ==> old(self).owns(x),
                self.pml4 == old(self).pml4 && self.pdpt == old(self).pdpt && self.pd == old(self).pd,
                self.owns(self.pml4) && self.owns(self.pdpt) && self.owns(self.pd),
                is_phys_page(self.pml4) && is_phys_page(self.pdpt) && is_phys_page(self.pd),
                self.pml4 != self.pdpt && self.pml4 != self.pd && self.pdpt != self.pd,
                self.disjoint_from(alloc),
                forall|p: u64| #[trigger] self.mem.tables@.contains_key(p) ==> self.mem.tables@[p].len() == 512,
                forall|j: int| k <= j < USER_PTS ==> #[trigger] self.pt_ok(j),
                forall|j: int| 0 <= j < k ==> #[trigger] self.pts[j] == 0,
            decreases USER_PTS - k,
        {
            let ghost before = *self;
            proof {
                assert(self.pt_ok(k as int));
            }
            let pt = self.pts[k];
            if pt != 0 {
                self.mem.write(self.pd, k, 0);
                self.mem.remove_table(pt);
                self.pts[k] = 0;
                alloc.free(pt);
                proof {
                    assert forall|j: int| k < j < USER_PTS implies #[trigger] self.pt_ok(j) by {
                        assert(before.pt_ok(j));
                    }
                    assert forall|p: u64| #[trigger] self.owns(p) implies !alloc.free@.contains(p) && is_pool_page(p) by {
                        assert(before.owns(p));
                    }
                    assert(before.owns(pt));
                    assert forall|x: u64| #[trigger] self.owns(x) implies old(self).owns(x) by {
                        assert(before.owns(x));
                    }
                    assert forall|x: u64| #[trigger] alloc.free@.contains(x) implies old(alloc).free@.contains(x) || old(self).owns(x) by {
                        if x != pt {
                            assert(before.mem.tables@.contains_key(x) || !before.owns(x));
                        }
                    }
                }
            }
            k = k + 1;
        }
        self.mem.remove_table(self.pd);
        alloc.free(self.pd);
        self.mem.remove_table(self.pdpt);
        alloc.free(self.pdpt);
        self.mem.remove_table(self.pml4);
        alloc.free(self.pml4);
    }
}

} // verus!
