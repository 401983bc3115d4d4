//! TRUSTED: port I/O, COM1, isa-debug-exit, GDT/TSS/IDT, the `syscall` MSRs, CR3, and raw
//! physical-memory access through the boot identity map (first GiB).

use core::arch::asm;
use super::boot::{boot_pd, gdt64, kernel_stack, kernel_stack_top, STACK_SIZE};

pub const KERNEL_CS: u64 = 0x08;
pub const USER_DS: u64 = 0x1b;
pub const USER_CS: u64 = 0x23;
/// Written to isa-debug-exit: QEMU exits with (v << 1) | 1, so 0x10 -> 33 (success), 0x11 -> 35.
pub const EXIT_SUCCESS: u32 = 0x10;
pub const EXIT_FAILURE: u32 = 0x11;

/// Saved user context, in the order `trap_common` pushes it (lowest address first).
#[repr(C, align(16))]
#[derive(Clone, Copy)]
pub struct TrapFrame {
    /// FXSAVE image: x87/SSE state (MXCSR at byte 24).
    pub fx: [u8; 512],
    pub r15: u64, pub r14: u64, pub r13: u64, pub r12: u64,
    pub r11: u64, pub r10: u64, pub r9: u64, pub r8: u64,
    pub rbp: u64, pub rdi: u64, pub rsi: u64, pub rdx: u64,
    pub rcx: u64, pub rbx: u64, pub rax: u64,
    pub vector: u64, pub error: u64,
    pub rip: u64, pub cs: u64, pub rflags: u64, pub rsp: u64, pub ss: u64,
}

impl TrapFrame {
    pub const fn user(rip: u64, rsp: u64, arg: u64) -> TrapFrame {
        let mut fx = [0u8; 512];
        fx[0] = 0x7f; // FCW 0x037f
        fx[1] = 0x03;
        fx[24] = 0x80; // MXCSR 0x1f80: all SSE exceptions masked
        fx[25] = 0x1f;
        TrapFrame {
            fx,
            r15: 0, r14: 0, r13: 0, r12: 0, r11: 0, r10: 0, r9: 0, r8: 0,
            rbp: 0, rdi: arg, rsi: 0, rdx: 0, rcx: 0, rbx: 0, rax: 0,
            vector: 0, error: 0,
            rip, cs: USER_CS, rflags: 0x202, rsp, ss: USER_DS,
        }
    }
}

#[inline(always)]
pub fn outb(port: u16, v: u8) {
    unsafe { asm!("out dx, al", in("dx") port, in("al") v, options(nomem, nostack)) }
}
#[inline(always)]
pub fn inb(port: u16) -> u8 {
    let v: u8;
    unsafe { asm!("in al, dx", out("al") v, in("dx") port, options(nomem, nostack)) }
    v
}

const COM1: u16 = 0x3F8;
pub fn serial_init() {
    for (off, v) in [(1u16, 0x00u8), (3, 0x80), (0, 0x03), (1, 0x00), (3, 0x03), (2, 0xC7), (4, 0x0B)] {
        outb(COM1 + off, v);
    }
}
pub fn serial_putc(c: u8) {
    while inb(COM1 + 5) & 0x20 == 0 {}
    outb(COM1, c);
}

pub fn qemu_exit(code: u32) -> ! {
    unsafe { asm!("out dx, eax", in("dx") 0xf4u16, in("eax") code, options(nomem, nostack)) }
    loop {
        unsafe { asm!("cli; hlt") }
    }
}

pub struct Serial;
impl core::fmt::Write for Serial {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        for b in s.bytes() {
            serial_putc(b);
        }
        Ok(())
    }
}

#[macro_export]
macro_rules! kprintln {
    ($($arg:tt)*) => {{
        use core::fmt::Write;
        let _ = writeln!($crate::arch::cpu::Serial, $($arg)*);
    }};
}

#[repr(C, packed)]
struct Tss {
    _r0: u32, rsp0: u64, rsp1: u64, rsp2: u64, _r1: u64,
    ist: [u64; 7], _r2: u64, _r3: u16, iomap: u16,
}
static mut TSS: Tss = Tss { _r0: 0, rsp0: 0, rsp1: 0, rsp2: 0, _r1: 0, ist: [0; 7], _r2: 0, _r3: 0, iomap: 104 };

#[repr(C)]
#[derive(Clone, Copy)]
struct IdtEntry { off_lo: u16, sel: u16, ist: u8, attr: u8, off_mid: u16, off_hi: u32, _r: u32 }
static mut IDT: [IdtEntry; 64] = [IdtEntry { off_lo: 0, sel: 0, ist: 0, attr: 0, off_mid: 0, off_hi: 0, _r: 0 }; 64];

extern "C" {
    static isr_table: [u64; 33];
    fn syscall_entry();
    fn enter_user(frame: *const TrapFrame) -> !;
}

unsafe fn wrmsr(msr: u32, v: u64) {
    asm!("wrmsr", in("ecx") msr, in("eax") v as u32, in("edx") (v >> 32) as u32, options(nostack));
}

/// GDT's TSS descriptor, TSS.rsp0, IDT (exceptions + vector 32), and the syscall MSRs.
pub fn init_cpu() {
    unsafe {
        let stack_top = kernel_stack_top();
        TSS.rsp0 = stack_top;
        let base = &raw const TSS as u64;
        let limit = (core::mem::size_of::<Tss>() - 1) as u64;
        let gdt = &raw mut gdt64;
        (*gdt)[5] = (limit & 0xFFFF) | ((base & 0xFF_FFFF) << 16) | (0x89 << 40) | (((limit >> 16) & 0xF) << 48) | (((base >> 24) & 0xFF) << 56);
        (*gdt)[6] = base >> 32;
        asm!("ltr ax", in("ax") 0x28u16, options(nostack));
        let idt = &raw mut IDT;
        let table = &raw const isr_table;
        for v in 0..33 {
            let h = (*table)[v];
            (*idt)[v] = IdtEntry {
                off_lo: h as u16, sel: KERNEL_CS as u16, ist: 0,
                attr: if v == 3 { 0xEE } else { 0x8E },
                off_mid: (h >> 16) as u16, off_hi: (h >> 32) as u32, _r: 0,
            };
        }
        let idtr: [u16; 5] = [
            (core::mem::size_of::<[IdtEntry; 64]>() - 1) as u16,
            idt as u64 as u16, (idt as u64 >> 16) as u16, (idt as u64 >> 32) as u16, (idt as u64 >> 48) as u16,
        ];
        asm!("lidt [{}]", in(reg) &idtr, options(nostack));
        // STAR: kernel CS 0x08 (SS 0x10); user base 0x10 (CS 0x20|3, SS 0x18|3). LSTAR: entry.
        wrmsr(0xC000_0081, (0x10u64 << 48) | (KERNEL_CS << 32));
        wrmsr(0xC000_0082, syscall_entry as *const () as usize as u64);
        wrmsr(0xC000_0084, 0x4700); // FMASK: IF, DF, TF, AC, NT
    }
}

/// Remap the PICs to vectors 32..47 (the BIOS leaves IRQ0 on vector 8, the double fault) and
/// mask every IRQ.
pub fn init_pic() {
    outb(0x20, 0x11); outb(0xA0, 0x11);
    outb(0x21, 32); outb(0xA1, 40);
    outb(0x21, 4); outb(0xA1, 2);
    outb(0x21, 1); outb(0xA1, 1);
    outb(0x21, 0xFF); outb(0xA1, 0xFF);
}

/// PIT channel 0 at ~1 kHz on IRQ0 (vector 32), the only unmasked IRQ.
pub fn init_timer() {
    outb(0x21, 0xFE);
    let divisor: u16 = 1193;
    outb(0x43, 0x36);
    outb(0x40, divisor as u8);
    outb(0x40, (divisor >> 8) as u8);
}
pub fn timer_eoi() {
    outb(0x20, 0x20);
}

pub fn write_cr3(root: u64) {
    unsafe { asm!("mov cr3, {}", in(reg) root, options(nostack)) }
}
pub fn read_cr2() -> u64 {
    let v: u64;
    unsafe { asm!("mov {}, cr2", out(reg) v, options(nomem, nostack)) }
    v
}

/// The frame every trap builds sits just below the kernel stack's top.
pub fn trap_frame_slot() -> *mut TrapFrame {
    unsafe { (&raw mut kernel_stack as *mut u8).add(STACK_SIZE - core::mem::size_of::<TrapFrame>()) as *mut TrapFrame }
}
pub fn start_user(frame: &TrapFrame) -> ! {
    unsafe {
        let slot = trap_frame_slot();
        *slot = *frame;
        enter_user(slot)
    }
}

/// Physical memory below 1 GiB is identity-mapped (supervisor) in every address space.
pub fn phys_read_u64(pa: u64) -> u64 {
    unsafe { core::ptr::read_volatile(pa as *const u64) }
}
pub fn phys_write_u64(pa: u64, v: u64) {
    unsafe { core::ptr::write_volatile(pa as *mut u64, v) }
}
pub fn phys_read_u8(pa: u64) -> u8 {
    unsafe { core::ptr::read_volatile(pa as *const u8) }
}
pub fn phys_zero_page(pa: u64) {
    unsafe { core::ptr::write_bytes(pa as *mut u8, 0, 4096) }
}

extern "C" {
    static __user_phys_start: u8;
    static __user_virt_start: u8;
    static __user_virt_end: u8;
    static __bss_end: u8;
}
pub fn user_image() -> (u64, u64, u64) {
    (&raw const __user_phys_start as u64, &raw const __user_virt_start as u64, &raw const __user_virt_end as u64)
}
pub fn boot_pd_addr() -> u64 {
    &raw const boot_pd as u64
}
pub fn image_end() -> u64 {
    &raw const __bss_end as u64
}
