//! TRUSTED: multiboot v1 header, 32-bit entry, switch to long mode, exception/interrupt stubs,
//! `syscall` entry and the single return-to-user path; the assembly is only the code that cannot
//! be Rust. The data it uses (GDT, `lgdt` operand, boot page tables, stacks, the saved user `rsp`)
//! are ordinary Rust statics below (unverified exec), exported unmangled so the assembly names
//! them; the image is linked non-PIE at 1 MiB, so the 32-bit code reaches them with 32-bit
//! absolute addresses.
//!
//! Invariant kept by this file: whenever the CPU runs in ring 3 the kernel stack is empty, so
//! every entry (syscall, exception, interrupt) builds one `TrapFrame` (the registers and the
//! FXSAVE area, so a preempted thread keeps its SSE state) just below
//! `kernel_stack_top()`, calls `nimbus_trap(frame)` and resumes whatever context `nimbus_trap`
//! left in that frame (the same thread or another one).

#![allow(non_upper_case_globals)]

core::arch::global_asm!(
    r#"
    .set MB_MAGIC, 0x1BADB002
    .set MB_FLAGS, 0x00010003
    .section .multiboot, "a"
    .balign 4
mb_header:
    .long MB_MAGIC
    .long MB_FLAGS
    .long -(MB_MAGIC + MB_FLAGS)
    .long mb_header
    .long __image_start
    .long __load_end
    .long __bss_end
    .long _start

    .section .text.boot, "ax"
    .code32
    .global _start
_start:
    cli
    movl $boot_stack + {stack_size}, %esp
    /* identity map the first GiB with 2 MiB pages (supervisor only) */
    movl $boot_pdpt, %eax
    orl $3, %eax
    movl %eax, boot_pml4
    movl $boot_pd, %eax
    orl $3, %eax
    movl %eax, boot_pdpt
    xorl %ecx, %ecx
1:  movl %ecx, %eax
    shll $21, %eax
    orl $0x83, %eax
    movl %eax, boot_pd(,%ecx,8)
    movl $0, boot_pd+4(,%ecx,8)
    incl %ecx
    cmpl $512, %ecx
    jne 1b
    /* CR4: PAE | OSFXSR | OSXMMEXCPT; CR0: MP, no EM (the host target's code uses SSE) */
    movl %cr4, %eax
    orl $0x620, %eax
    movl %eax, %cr4
    movl %cr0, %eax
    andl $0xFFFFFFFB, %eax
    orl $2, %eax
    movl %eax, %cr0
    movl $boot_pml4, %eax
    movl %eax, %cr3
    /* EFER: LME | SCE */
    movl $0xC0000080, %ecx
    rdmsr
    orl $0x101, %eax
    wrmsr
    movl %cr0, %eax
    orl $0x80000001, %eax
    movl %eax, %cr0
    lgdt gdt_ptr
    ljmp $0x08, $long_mode_entry

    .code64
long_mode_entry:
    movw $0x10, %ax
    movw %ax, %ds
    movw %ax, %es
    movw %ax, %ss
    xorw %ax, %ax
    movw %ax, %fs
    movw %ax, %gs
    /* kernel_main runs on the boot stack; the kernel stack is for traps only */
    leaq boot_stack + {stack_size}(%rip), %rsp
    call kernel_main
2:  hlt
    jmp 2b

    /* ---- traps: every entry builds a TrapFrame (see cpu.rs) ---- */
    .section .text, "ax"
    .macro ISR_NOERR n
    .global isr_\n
isr_\n:
    pushq $0
    pushq $\n
    jmp trap_common
    .endm
    .macro ISR_ERR n
    .global isr_\n
isr_\n:
    pushq $\n
    jmp trap_common
    .endm
    .irp n, 0,1,2,3,4,5,6,7,9,15,16,18,19,20,22,23,24,25,26,27,28,31,32
    ISR_NOERR \n
    .endr
    .irp n, 8,10,11,12,13,14,17,21,29,30
    ISR_ERR \n
    .endr

    .section .rodata, "a"
    .balign 8
    .global isr_table
isr_table:
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32
    .quad isr_\n
    .endr

    .section .text, "ax"
    .global syscall_entry
syscall_entry:
    /* rcx = user rip, r11 = user rflags, rsp = user rsp; interrupts are masked (FMASK) */
    movq %rsp, syscall_user_rsp(%rip)
    leaq kernel_stack + {stack_size}(%rip), %rsp
    pushq $0x1b
    pushq syscall_user_rsp(%rip)
    pushq %r11
    pushq $0x23
    pushq %rcx
    pushq $0
    pushq $0x100
trap_common:
    .irp r, rax,rbx,rcx,rdx,rsi,rdi,rbp,r8,r9,r10,r11,r12,r13,r14,r15
    pushq %\r
    .endr
    subq $512, %rsp
    fxsave64 (%rsp)
    cld
    movq %rsp, %rdi
    call nimbus_trap
    .global trap_return
trap_return:
    fxrstor64 (%rsp)
    addq $512, %rsp
    .irp r, r15,r14,r13,r12,r11,r10,r9,r8,rbp,rdi,rsi,rdx,rcx,rbx,rax
    popq %\r
    .endr
    addq $16, %rsp
    iretq

    /* enter_user(frame): frame sits just below kernel_stack_top(); resume it */
    .global enter_user
enter_user:
    movq %rdi, %rsp
    jmp trap_return
"#,
    stack_size = const STACK_SIZE,
    options(att_syntax)
);

pub const STACK_SIZE: usize = 64 * 1024;

/// One 4 KiB page-table page.
#[repr(C, align(4096))]
pub struct PageTable(pub [u64; 512]);

/// A stack grows down from its end, which is 16-byte aligned as the ABI wants at a `call`.
#[repr(C, align(16))]
pub struct Stack(pub [u8; STACK_SIZE]);

/// The boot page tables, zero in the image (.bss) and filled by `_start` before paging is on:
/// `boot_pml4[0]` -> `boot_pdpt`, `boot_pdpt[0]` -> `boot_pd`, whose 512 entries map the first
/// GiB with 2 MiB supervisor pages. Every address space shares `boot_pd` (`cpu::boot_pd_addr`).
#[no_mangle]
pub static mut boot_pml4: PageTable = PageTable([0; 512]);
#[no_mangle]
pub static mut boot_pdpt: PageTable = PageTable([0; 512]);
#[no_mangle]
pub static mut boot_pd: PageTable = PageTable([0; 512]);

/// `kernel_main` runs on the boot stack; traps and syscalls run on the kernel stack.
#[no_mangle]
pub static mut boot_stack: Stack = Stack([0; STACK_SIZE]);
#[no_mangle]
pub static mut kernel_stack: Stack = Stack([0; STACK_SIZE]);

/// The end of the kernel stack: `syscall_entry` starts there, TSS.rsp0 points there.
pub fn kernel_stack_top() -> u64 {
    &raw const kernel_stack as u64 + STACK_SIZE as u64
}

/// The GDT. `cpu::init_cpu` writes the 16-byte TSS descriptor into entries 5 and 6.
/// Selector order as `sysret` needs it (STAR in cpu.rs): user data before user code.
#[no_mangle]
pub static mut gdt64: [u64; 7] = [
    0,
    0x0020_9A00_0000_0000, // 0x08: kernel code, 64-bit
    0x0000_9200_0000_0000, // 0x10: kernel data
    0x0000_F200_0000_0000, // 0x18: user data (selector 0x1b)
    0x0020_FA00_0000_0000, // 0x20: user code, 64-bit (selector 0x23)
    0, // 0x28: TSS, low half
    0, //       TSS, high half
];

/// The `lgdt` operand (limit, base) `_start` loads in 32-bit mode, which reads the base's low
/// 32 bits: the GDT lies below 4 GiB.
#[repr(C, packed)]
struct GdtPtr {
    limit: u16,
    base: *const [u64; 7],
}
#[no_mangle]
static mut gdt_ptr: GdtPtr = GdtPtr { limit: (core::mem::size_of::<[u64; 7]>() - 1) as u16, base: &raw const gdt64 };

/// The user `rsp` while `syscall_entry` switches to the kernel stack (interrupts are masked).
#[no_mangle]
static mut syscall_user_rsp: u64 = 0;
