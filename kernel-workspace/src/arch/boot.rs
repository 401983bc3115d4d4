//! TRUSTED: multiboot v1 header, 32-bit entry, switch to long mode, exception/interrupt stubs,
//! `syscall` entry and the single return-to-user path.
//!
//! Invariant kept by this file: whenever the CPU runs in ring 3 the kernel stack is empty, so
//! every entry (syscall, exception, interrupt) builds one `TrapFrame` just below
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
    ISR_NOERR 0
    ISR_NOERR 1
    ISR_NOERR 2
    ISR_NOERR 3
    ISR_NOERR 4
    ISR_NOERR 5
    ISR_NOERR 6
    ISR_NOERR 7
    ISR_ERR 8
    ISR_NOERR 9
    ISR_ERR 10
    ISR_ERR 11
    ISR_ERR 12
    ISR_ERR 13
    ISR_ERR 14
    ISR_NOERR 15
    ISR_NOERR 16
    ISR_ERR 17
    ISR_NOERR 18
    ISR_NOERR 19
    ISR_NOERR 20
    ISR_ERR 21
    ISR_NOERR 22
    ISR_NOERR 23
    ISR_NOERR 24
    ISR_NOERR 25
    ISR_NOERR 26
    ISR_NOERR 27
    ISR_NOERR 28
    ISR_ERR 29
    ISR_ERR 30
    ISR_NOERR 31
    ISR_NOERR 32

    .section .rodata, "a"
    .balign 8
    .global isr_table
isr_table:
    .quad isr_0, isr_1, isr_2, isr_3, isr_4, isr_5, isr_6, isr_7
    .quad isr_8, isr_9, isr_10, isr_11, isr_12, isr_13, isr_14, isr_15
    .quad isr_16, isr_17, isr_18, isr_19, isr_20, isr_21, isr_22, isr_23
    .quad isr_24, isr_25, isr_26, isr_27, isr_28, isr_29, isr_30, isr_31
    .quad isr_32

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
    pushq %rax
    pushq %rbx
    pushq %rcx
    pushq %rdx
    pushq %rsi
    pushq %rdi
    pushq %rbp
    pushq %r8
    pushq %r9
    pushq %r10
    pushq %r11
    pushq %r12
    pushq %r13
    pushq %r14
    pushq %r15
    cld
    movq %rsp, %rdi
    call nimbus_trap
    .global trap_return
trap_return:
    popq %r15
    popq %r14
    popq %r13
    popq %r12
    popq %r11
    popq %r10
    popq %r9
    popq %r8
    popq %rbp
    popq %rdi
    popq %rsi
    popq %rdx
    popq %rcx
    popq %rbx
    popq %rax
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
