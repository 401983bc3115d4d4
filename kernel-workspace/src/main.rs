//! Nimbus: a small L4-style x86-64 microkernel, verified with Verus-style specs.
//!
//! `arch/` is the trusted hardware layer (plain Rust and assembly); `mm/` and `kernel/` are the
//! verified state machine (inside `verus!`); `user/` holds the ring-3 test programs. This file
//! is the trusted glue: it boots, creates the processes, and turns every trap into a call of the
//! verified `Kernel` followed by a context switch to whatever thread the kernel says is current.
//!
//! The kernel's invariant (`Kernel::wf`) holds from `Kernel::new` on: every `Kernel` operation
//! called here requires it and ensures it again (`spawn`, `start`, `syscall`, `yield_current`,
//! `kill_current`). What this glue must itself get right: it calls nothing else that changes the
//! kernel state, the user image lies below the page pool (checked), and it calls `syscall`,
//! `yield_current` and `kill_current` only while a thread runs (a trap from user mode).

#![no_std]
#![no_main]
#![allow(dead_code, unused_imports, unused_variables, unused_mut, unused_parens)]

pub mod arch;
pub mod kernel;
pub mod mm;
pub mod user;

use arch::cpu::{self, TrapFrame};
use kernel::lifecycle::USER_STACK_TOP;
use kernel::proc::{MAX_THREADS, NO_THREAD, T_DEAD};
use kernel::state::Kernel;
use mm::page_alloc::POOL_BASE;
use mm::page_table::USER_BASE;

verus! {

// Nimbus runs on x86-64 only: its proofs may rely on `usize` being 64 bits wide (without this,
// as in Verus, they must hold for 32-bit targets too).
global size_of usize == 8;

} // verus!

const PROGRAMS: [(&str, u64); 3] = [("ping", 0), ("pong", 0), ("bad", 6)];
const FAULT_EXIT: u64 = 0xDEAD;

static mut KERNEL: core::mem::MaybeUninit<Kernel> = core::mem::MaybeUninit::uninit();
static mut CTX: [TrapFrame; MAX_THREADS] = [TrapFrame::user(0, 0, 0); MAX_THREADS];
/// The thread's saved frame ended in a syscall: hand it the kernel's result when it resumes.
static mut IN_SYSCALL: [bool; MAX_THREADS] = [false; MAX_THREADS];
/// Timer interrupts taken, and how many of them switched threads.
static mut TICKS: u64 = 0;
static mut PREEMPTIONS: u64 = 0;

fn k() -> &'static mut Kernel {
    unsafe { (*(&raw mut KERNEL)).assume_init_mut() }
}

#[no_mangle]
pub extern "C" fn kernel_main() -> ! {
    cpu::serial_init();
    kprintln!("NIMBUS: booting");
    cpu::init_cpu();
    cpu::init_pic();
    if cpu::image_end() > POOL_BASE {
        panic!("image overlaps the page pool");
    }
    let (uphys, ustart, uend) = cpu::user_image();
    if ustart != USER_BASE {
        panic!("user section not at USER_BASE");
    }
    let kern = unsafe { (*(&raw mut KERNEL)).write(Kernel::new(cpu::boot_pd_addr() | 3)) };
    let entries: [extern "C" fn() -> !; 3] = [user::ping, user::pong, user::bad];
    for (i, (name, quota)) in PROGRAMS.iter().enumerate() {
        match kern.spawn(uphys, (uend - ustart) / 4096, *quota) {
            Some(t) => unsafe {
                (*(&raw mut CTX))[t] = TrapFrame::user(entries[i] as usize as u64, USER_STACK_TOP - 8, 0);
                kprintln!("NIMBUS: spawned {} as thread {} (process {})", name, t, kern.threads[t].owner);
            },
            None => panic!("cannot spawn {}", name),
        }
    }
    kprintln!("NIMBUS: {} free pages; entering user space", kern.alloc.count_free());
    cpu::init_timer();
    kern.start();
    let mut frame = TrapFrame::user(0, 0, 0);
    resume(&mut frame);
    cpu::start_user(&frame)
}

/// Load the current thread's saved context into `frame` and switch to its address space.
fn resume(frame: &mut TrapFrame) {
    let kern = k();
    let t = kern.current;
    if t == NO_THREAD {
        finish();
    }
    unsafe {
        *frame = (*(&raw const CTX))[t];
        if (*(&raw const IN_SYSCALL))[t] {
            frame.rax = kern.threads[t].ret;
            frame.rdx = kern.threads[t].ret_msg;
        }
    }
    cpu::write_cr3(kern.space_root(kern.threads[t].owner));
}

#[no_mangle]
pub extern "C" fn nimbus_trap(frame: &mut TrapFrame) {
    let kern = k();
    let prev = kern.current;
    let from_user = frame.cs & 3 == 3;
    let is_syscall = frame.vector == 0x100;
    if is_syscall {
        kern.syscall(frame.rax, frame.rdi, frame.rsi);
    } else if frame.vector == 32 {
        cpu::timer_eoi();
        unsafe { TICKS += 1 };
        if from_user {
            kern.yield_current();
            if kern.current != prev {
                unsafe { PREEMPTIONS += 1 };
            }
        }
    } else if from_user && prev < MAX_THREADS {
        kprintln!(
            "NIMBUS: thread {} fault {} (error {:#x}) at {:#x}, cr2 {:#x}: killed",
            prev, frame.vector, frame.error, frame.rip, cpu::read_cr2()
        );
        kern.kill_current(FAULT_EXIT);
    } else {
        panic!("kernel fault {} (error {:#x}) at {:#x}, cr2 {:#x}", frame.vector, frame.error, frame.rip, cpu::read_cr2());
    }
    let next = kern.current;
    if next == prev && next != NO_THREAD {
        if is_syscall {
            frame.rax = kern.threads[next].ret;
            frame.rdx = kern.threads[next].ret_msg;
        }
        return;
    }
    if prev < MAX_THREADS && kern.threads[prev].state != T_DEAD {
        unsafe {
            (*(&raw mut CTX))[prev] = *frame;
            (*(&raw mut IN_SYSCALL))[prev] = is_syscall;
        }
    }
    resume(frame);
}

/// No thread can run: check what happened and end the QEMU run with a status.
fn finish() -> ! {
    let kern = k();
    let ipc_expected = 2 * user::ROUNDS;
    let mut codes_ok = true;
    for p in 0..PROGRAMS.len() {
        if !kern.procs[p].exited || kern.exit_code(p) != 0 {
            kprintln!("NIMBUS: process {} ({}) exit code {:#x}", p, PROGRAMS[p].0, kern.exit_code(p));
            codes_ok = false;
        }
    }
    let all = kern.all_exited();
    let ok = all && codes_ok && kern.delivered == ipc_expected && kern.refused == user::BAD_CALLS;
    let free = kern.alloc.count_free();
    kprintln!(
        "NIMBUS: all processes done; {} free pages (every page returned: {}); {} timer ticks, {} preemptions",
        free, free == mm::page_alloc::POOL_PAGES, unsafe { TICKS }, unsafe { PREEMPTIONS }
    );
    if ok && free == mm::page_alloc::POOL_PAGES {
        kprintln!("NIMBUS: all tests passed (ipc {}/{}, bad syscalls {}/{})", kern.delivered, ipc_expected, kern.refused, user::BAD_CALLS);
        cpu::qemu_exit(cpu::EXIT_SUCCESS)
    }
    kprintln!(
        "NIMBUS: FAILED (ipc {}/{}, bad syscalls {}/{}, {})",
        kern.delivered, ipc_expected, kern.refused, user::BAD_CALLS,
        if all { "all exited" } else { "deadlock: threads still blocked" }
    );
    cpu::qemu_exit(cpu::EXIT_FAILURE)
}

#[panic_handler]
fn panic(info: &core::panic::PanicInfo) -> ! {
    kprintln!("NIMBUS: kernel panic: {}", info);
    cpu::qemu_exit(cpu::EXIT_FAILURE)
}
