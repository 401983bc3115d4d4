//! User programs (ring 3). They live in the `.user` section, linked at USER_BASE, and may only
//! call code in that section: everything here is `#[inline(always)]` or placed in `.user_text`,
//! and their constant strings are in `.user_rodata`. They talk to the kernel only by `syscall`.
//!
//! - `ping` / `pong`: ROUNDS round trips over endpoints 0 and 1 (pong replies msg + 1).
//! - `bad`: deliberately bad syscalls; each must come back with the expected error code.
//!   Its exit code is the number of surprises (0 = all refused as expected).

use core::arch::asm;

pub const ROUNDS: u64 = 10;
/// Bad syscalls `bad` makes (the kernel must refuse each one).
pub const BAD_CALLS: u64 = 9;

const SYS_PRINT: u64 = 0;
const SYS_SEND: u64 = 1;
const SYS_RECV: u64 = 2;
const SYS_ALLOC: u64 = 3;
const SYS_EXIT: u64 = 5;
const E_NOSYS: u64 = u64::MAX;
const E_FAULT: u64 = u64::MAX - 1;
const E_BADEP: u64 = u64::MAX - 2;
const E_NOMEM: u64 = u64::MAX - 3;
const E_INVAL: u64 = u64::MAX - 4;
const E_EXIST: u64 = u64::MAX - 5;

#[inline(always)]
fn syscall(nr: u64, a0: u64, a1: u64) -> (u64, u64) {
    let r: u64;
    let m: u64;
    unsafe {
        asm!("syscall", inlateout("rax") nr => r, in("rdi") a0, in("rsi") a1, lateout("rdx") m,
             out("rcx") _, out("r11") _, clobber_abi("C"));
    }
    (r, m)
}

#[inline(always)]
fn exit(code: u64) -> ! {
    syscall(SYS_EXIT, code, 0);
    loop {}
}

/// A line buffer on the user stack.
struct Line {
    buf: [u8; 96],
    len: usize,
}

impl Line {
    #[inline(always)]
    fn new() -> Line {
        Line { buf: [0; 96], len: 0 }
    }
    #[inline(always)]
    fn str(&mut self, s: &[u8]) -> &mut Line {
        let mut i = 0;
        while i < s.len() && self.len < self.buf.len() {
            unsafe { core::ptr::write_volatile(&mut self.buf[self.len], s[i]) };
            self.len += 1;
            i += 1;
        }
        self
    }
    #[inline(always)]
    fn num(&mut self, mut v: u64) -> &mut Line {
        let mut digits = [0u8; 20];
        let mut n = 0;
        loop {
            unsafe { core::ptr::write_volatile(&mut digits[n], b'0' + (v % 10) as u8) };
            n += 1;
            v /= 10;
            if v == 0 || n == 20 {
                break;
            }
        }
        while n > 0 && self.len < self.buf.len() {
            n -= 1;
            self.buf[self.len] = digits[n];
            self.len += 1;
        }
        self
    }
    #[inline(always)]
    fn print(&mut self) {
        self.str(b"\n");
        syscall(SYS_PRINT, self.buf.as_ptr() as u64, self.len as u64);
        self.len = 0;
    }
}

#[link_section = ".user_rodata"]
static PING: [u8; 16] = *b"ping: sent      ";
#[link_section = ".user_rodata"]
static GOT: [u8; 7] = *b", got  ";
#[link_section = ".user_rodata"]
static PONG: [u8; 16] = *b"pong: received  ";
#[link_section = ".user_rodata"]
static REPLY: [u8; 11] = *b", replied  ";
#[link_section = ".user_rodata"]
static PING_DONE: [u8; 26] = *b"ping: all rounds matched  ";
#[link_section = ".user_rodata"]
static BAD: [u8; 11] = *b"bad: call  ";
#[link_section = ".user_rodata"]
static REFUSED: [u8; 21] = *b" refused as expected ";
#[link_section = ".user_rodata"]
static SURPRISE: [u8; 24] = *b" NOT refused as expected";
#[link_section = ".user_rodata"]
static BAD_DONE: [u8; 23] = *b"bad: kernel still fine ";
#[link_section = ".user_rodata"]
static HELLO: [u8; 13] = *b"hello, world ";

#[link_section = ".user_text"]
pub extern "C" fn ping() -> ! {
    let mut failures = 0;
    let mut i: u64 = 1;
    while i <= ROUNDS {
        syscall(SYS_SEND, 0, i * 100);
        let (r, m) = syscall(SYS_RECV, 1, 0);
        if r != 0 || m != i * 100 + 1 {
            failures += 1;
        }
        Line::new().str(&PING[..11]).num(i * 100).str(&GOT[..6]).num(m).print();
        i += 1;
    }
    if failures == 0 {
        Line::new().str(&PING_DONE[..24]).print();
    }
    exit(failures)
}

#[link_section = ".user_text"]
pub extern "C" fn pong() -> ! {
    let mut failures = 0;
    let mut i: u64 = 1;
    while i <= ROUNDS {
        let (r, m) = syscall(SYS_RECV, 0, 0);
        if r != 0 || m != i * 100 {
            failures += 1;
        }
        Line::new().str(&PONG[..15]).num(m).str(&REPLY[..10]).num(m + 1).print();
        syscall(SYS_SEND, 1, m + 1);
        i += 1;
    }
    exit(failures)
}

#[inline(always)]
fn expect(n: u64, got: u64, want: u64, surprises: &mut u64) {
    let mut l = Line::new();
    l.str(&BAD[..10]).num(n);
    if got == want {
        l.str(&REFUSED[..20]);
    } else {
        *surprises += 1;
        l.str(&SURPRISE[..24]);
    }
    l.print();
}

#[link_section = ".user_text"]
pub extern "C" fn bad() -> ! {
    let mut s = 0u64;
    // 1. print from a kernel address (mapped, but not in the user region)
    expect(1, syscall(SYS_PRINT, 0x10_0000, 16).0, E_FAULT, &mut s);
    // 2. print from an unmapped user address
    expect(2, syscall(SYS_PRINT, 0x4070_0000, 8).0, E_FAULT, &mut s);
    // 3. print with a range that wraps around the address space
    expect(3, syscall(SYS_PRINT, u64::MAX - 3, 16).0, E_FAULT, &mut s);
    // 4. send to an endpoint that does not exist
    expect(4, syscall(SYS_SEND, 999, 1).0, E_BADEP, &mut s);
    // 5. receive on a wild endpoint id
    expect(5, syscall(SYS_RECV, u64::MAX, 0).0, E_BADEP, &mut s);
    // 6. an unknown syscall number
    expect(6, syscall(77, 1, 2).0, E_NOSYS, &mut s);
    // 7. map a page over the kernel
    expect(7, syscall(SYS_ALLOC, 0x10_0000, 0).0, E_INVAL, &mut s);
    // 8. map a page where one is already mapped (the code)
    expect(8, syscall(SYS_ALLOC, 0x4000_0000, 0).0, E_EXIST, &mut s);
    // 9. exhaust memory: allocate until the kernel says no
    let mut va: u64 = 0x4040_0000;
    let mut got = 0;
    let mut last;
    loop {
        last = syscall(SYS_ALLOC, va, 0).0;
        if last != 0 {
            break;
        }
        // the fresh page is ours and writable
        unsafe { core::ptr::write_volatile(va as *mut u64, va) };
        if unsafe { core::ptr::read_volatile(va as *const u64) } != va {
            s += 1;
        }
        got += 1;
        va += 4096;
    }
    expect(9, last, E_NOMEM, &mut s);
    if got == 0 {
        s += 1;
    }
    // the kernel still works for us
    let (r, _) = syscall(SYS_PRINT, HELLO.as_ptr() as u64, 0);
    if r != 0 {
        s += 1;
    }
    Line::new().str(&BAD_DONE[..22]).print();
    exit(s)
}
