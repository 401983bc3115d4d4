//! The verified kernel state machine (everything here is inside `verus!` except `console`'s
//! trusted bodies).
pub mod console;
pub mod ipc;
pub mod lifecycle;
pub mod proc;
pub mod queue;
pub mod sched;
pub mod state;
pub mod steps;
pub mod syscall;
