//! TRUSTED hardware layer (outside `verus!`): boot, CPU tables, traps, port I/O, raw memory.
pub mod boot;
pub mod cpu;
pub mod mem;
