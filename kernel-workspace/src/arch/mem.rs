//! The memory functions the compiler's code calls (`memcpy`, `memmove`, `memset`, `memcmp`,
//! `bcmp`): the host target expects the C library to provide them and a freestanding image has
//! none. Plain Rust outside `verus!` (unverified exec), no assembly.
//!
//! Invariant: none of them may end up calling itself (or another of them). The optimizer
//! recognises copy and fill loops and turns them into `memcpy`/`memset` calls, which here would
//! recurse forever; so every byte is read and written with `read_volatile`/`write_volatile`, which
//! it must keep as separate one-byte accesses. Check with
//! `objdump -d target/stratos/nimbus.elf`: none of these functions contains a `call`
//! (except `bcmp`, which is `memcmp`).

use core::ptr::{read_volatile, write_volatile};

#[no_mangle]
pub unsafe extern "C" fn memcpy(dest: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    let mut i = 0;
    while i < n {
        write_volatile(dest.add(i), read_volatile(src.add(i)));
        i += 1;
    }
    dest
}

/// The regions may overlap: copy upwards when `dest` is below `src` and downwards otherwise, so
/// every byte of `src` is read before it is overwritten.
#[no_mangle]
pub unsafe extern "C" fn memmove(dest: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    if (dest as usize) <= (src as usize) {
        let mut i = 0;
        while i < n {
            write_volatile(dest.add(i), read_volatile(src.add(i)));
            i += 1;
        }
    } else {
        let mut i = n;
        while i > 0 {
            i -= 1;
            write_volatile(dest.add(i), read_volatile(src.add(i)));
        }
    }
    dest
}

#[no_mangle]
pub unsafe extern "C" fn memset(dest: *mut u8, c: i32, n: usize) -> *mut u8 {
    let mut i = 0;
    while i < n {
        write_volatile(dest.add(i), c as u8);
        i += 1;
    }
    dest
}

/// The difference of the first differing bytes (as unsigned bytes), or 0 when all `n` are equal.
#[no_mangle]
pub unsafe extern "C" fn memcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    let mut i = 0;
    while i < n {
        let (x, y) = (read_volatile(a.add(i)), read_volatile(b.add(i)));
        if x != y {
            return x as i32 - y as i32;
        }
        i += 1;
    }
    0
}

/// Zero iff the regions are equal (the compiler emits it for `==` on byte slices).
#[no_mangle]
pub unsafe extern "C" fn bcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    memcmp(a, b, n)
}

#[no_mangle]
pub extern "C" fn rust_eh_personality() {}
