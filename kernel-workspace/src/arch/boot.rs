//! TRUSTED: multiboot v1 header, 32-bit entry, switch to long mode, exception/interrupt stubs,
//! `syscall` entry and the single return-to-user path.
//!
//! Invariant kept by this file: whenever the CPU runs in ring 3 the kernel stack is empty, so
//! every entry (syscall, exception, interrupt) builds one `TrapFrame` (the registers and the
//! FXSAVE area, so a preempted thread keeps its SSE state) just below
//! `kernel_stack_top`, calls `nimbus_trap(frame)` and resumes whatever context `nimbus_trap`
//! left in that frame (the same thread or another one).

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
    movl $boot_stack_top, %esp
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
    leaq boot_stack_top(%rip), %rsp
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
    leaq kernel_stack_top(%rip), %rsp
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

    /* enter_user(frame): frame sits just below kernel_stack_top; resume it */
    .global enter_user
enter_user:
    movq %rdi, %rsp
    jmp trap_return

    .section .data, "aw"
    .balign 16
    .global gdt64
gdt64:
    .quad 0
    .quad 0x00209A0000000000
    .quad 0x0000920000000000
    .quad 0x0000F20000000000
    .quad 0x0020FA0000000000
    .quad 0, 0
gdt64_end:
    .balign 8
gdt_ptr:
    .word gdt64_end - gdt64 - 1
    .quad gdt64
syscall_user_rsp:
    .quad 0

    .section .bss, "aw", @nobits
    .balign 4096
    .global boot_pml4
boot_pml4: .skip 4096
boot_pdpt: .skip 4096
    .global boot_pd
boot_pd: .skip 4096
    .skip 65536
boot_stack_top:
    .balign 16
    .skip 65536
    .global kernel_stack_top
kernel_stack_top:
"#,
    options(att_syntax)
);
