//! Memory management: the physical page allocator and per-process page tables.
pub mod page_alloc;
pub mod page_table;
pub mod pt_mem;
