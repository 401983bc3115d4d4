// `proof fn f(..) by(integer_ring)`: lemmas over `int` proved by ideal membership
// (toolchain/verifier/ring/), as Verus proves them with Singular. Equalities need any
// certificate; a congruence `a % m == b % m` needs one with integer coefficients, and callers get
// the ensures only where every divisor is non-zero.
use vstd::prelude::*;

verus! {

// expect: verified
proof fn ir_square_of_sum(x: int, y: int, z: int) by(integer_ring)
    ensures
        (x + y + z) * (x + y + z) == x * x + y * y + z * z + 2 * (x * y + y * z + z * x),
{
}

// expect: failed postcondition
proof fn ir_square_of_sum_wrong(x: int, y: int) by(integer_ring)
    ensures
        (x + y) * (x + y) == x * x + y * y + x * y,
{
}

// expect: verified
proof fn ir_congruence_times(x: int, y: int, z: int, m: int) by(integer_ring)
    requires
        (x - y) % m == 0,
        m != 0,
    ensures
        (x * z - y * z) % m == 0,
{
}

// expect: failed postcondition
proof fn ir_congruence_sum_wrong(x: int, y: int, z: int, m: int) by(integer_ring)
    requires
        (x - y) % m == 0,
        m != 0,
    ensures
        (x * z + y * z) % m == 0,
{
}

// Over the rationals 2 is a unit, so `x` is in the ideal of `2 * x - m * k` and `m`; over the
// integers it is not (x = 1, m = 2): the certificate's denominator must be 1.
// expect: failed postcondition
proof fn ir_half_is_not_divisible(x: int, m: int) by(integer_ring)
    requires
        (2 * x) % m == 0,
        m != 0,
    ensures
        x % m == 0,
{
}

// expect: failed postcondition
proof fn ir_modulus_two_is_not_a_unit(x: int, m: int) by(integer_ring)
    requires
        m == 2,
    ensures
        x % m == 0,
{
}

// An equality needs no integer certificate: 2 * (x - y) == 0 gives x == y in the integers.
// expect: verified
proof fn ir_cancel_two(x: int, y: int) by(integer_ring)
    requires
        2 * x == 2 * y,
    ensures
        x == y,
{
}

// expect: verified
proof fn ir_mul_mod_noop(x: int, y: int, m: int) by(integer_ring)
    requires
        m != 0,
    ensures
        ((x % m) * y) % m == (x * y) % m,
        ((x % m) * (y % m)) % m == (x * y) % m,
{
}

// expect: failed postcondition
proof fn ir_remainder_is_not_the_value(x: int, m: int) by(integer_ring)
    requires
        m != 0,
    ensures
        x % m == x,
{
}

// Division and remainder of one pair: x == m * (x / m) + x % m.
// expect: verified
proof fn ir_div_mod(x: int, m: int) by(integer_ring)
    requires
        m != 0,
    ensures
        x == m * (x / m) + x % m,
{
}

// Montgomery reduction: from a*R == RR*s, R_INV*R == 1 and RR == R*R (mod M), a == s*R (mod M).
// expect: verified
proof fn ir_montgomery(a: int, s: int, r: int, m: int, rr: int, r_inv: int) by(integer_ring)
    requires
        m != 0,
        (a * r - rr * s) % m == 0,
        (r_inv * r - 1) % m == 0,
        (rr - r * r % m) == 0,
    ensures
        (a - s * r) % m == 0,
{
}

// A spec fn call is an opaque variable: its definition is not used unless a requires states it.
// expect: verified
spec fn ir_square(a: int) -> int {
    a * a
}

// expect: failed postcondition
proof fn ir_opaque_call(x: int) by(integer_ring)
    ensures
        ir_square(x) == x * x,
{
}

// expect: verified
proof fn ir_stated_call(x: int, y: int, m: int) by(integer_ring)
    requires
        m != 0,
        (ir_square(x) - ir_square(y)) % m == 0,
        ir_square(x) == x * x,
        ir_square(y) == y * y,
    ensures
        (x * x * x * x - y * y * y * y) % m == 0,
{
}

// expect: failed postcondition
proof fn ir_machine_integers(x: u32, y: u32) by(integer_ring)
    ensures
        x * y == y * x,
{
}

// expect: failed postcondition
proof fn ir_inequality_requires(x: int, m: int) by(integer_ring)
    requires
        x % m > 0,
    ensures
        (x * m) % m == 0,
{
}

// expect: failed postcondition
proof fn ir_inequality_ensures(x: int, m: int) by(integer_ring)
    requires
        m != 0,
    ensures
        x % m < m,
{
}

// expect: failed postcondition
proof fn ir_nonzero_ensures(x: int) by(integer_ring)
    requires
        x == 1,
    ensures
        x != 0,
{
}

// expect: verified
proof fn ir_self_mod(x: int) by(integer_ring)
    ensures
        x % x == 0,
{
}

// The lemma says nothing about a zero divisor: `0 % 0` is unspecified.
// expect: failed assertion
proof fn ir_use_at_zero_divisor() {
    ir_self_mod(0);
    assert(0int % 0int == 0);
}

// expect: verified
proof fn ir_use_at_non_zero_divisor(a: int)
    requires
        a > 0,
{
    ir_self_mod(a);
    assert(a % a == 0);
}

// expect: unsupported
proof fn ir_with_body(x: int) by(integer_ring)
    ensures
        x * x == x * x,
{
    assert(true);
}

} // verus!
