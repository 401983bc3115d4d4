//! TRUSTED: byte output to the serial console and byte reads of physical memory, for
//! `sys_print`. No spec beyond termination: what they print or read does not affect the state.

use vstd::prelude::*;
use crate::arch::cpu;

verus! {

#[verifier::external_body]
pub fn console_putc(b: u8) {
    cpu::serial_putc(b);
}

#[verifier::external_body]
pub fn phys_read_byte(pa: u64) -> (b: u8) {
    cpu::phys_read_u8(pa)
}

#[verifier::external_body]
pub fn zero_page(pa: u64) {
    cpu::phys_zero_page(pa);
}

} // verus!
