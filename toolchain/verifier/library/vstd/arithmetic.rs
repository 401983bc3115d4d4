// vstd's arithmetic lemmas (arithmetic/div_mod.rs, arithmetic/mul.rs): the most used of them, with
// vstd's statements and triggers, trusted (vstd proves them; their proofs need lemmas the library
// does not have). Named by their last path segment, as every library item:
// `vstd::arithmetic::div_mod::lemma_mod_breakdown` is `lemma_mod_breakdown`. Not in the default
// group, as in vstd.
verus! {

/// `x` is `d` times its quotient plus its remainder.
pub broadcast proof fn lemma_fundamental_div_mod(x: int, d: int)
    requires
        d != 0,
    ensures
        x == #[trigger] (d * (x / d) + (x % d)),
{
    admit();
}

/// The quotient of a nonnegative by a positive number is nonnegative.
pub broadcast proof fn lemma_div_pos_is_pos(x: int, d: int)
    requires
        0 <= x,
        0 < d,
    ensures
        0 <= #[trigger] (x / d),
{
    admit();
}

/// A remainder by a positive modulus lies in `[0, m)`.
pub broadcast proof fn lemma_mod_bound(x: int, m: int)
    requires
        0 < m,
    ensures
        0 <= #[trigger] (x % m) < m,
{
    admit();
}

/// A number below the modulus is its own remainder.
pub proof fn lemma_small_mod(x: nat, m: nat)
    requires
        x < m,
        0 < m,
    ensures
        x % m == x,
{
    admit();
}

/// A multiple of `m` leaves no remainder.
pub broadcast proof fn lemma_mod_multiples_basic(x: int, m: int)
    requires
        m > 0,
    ensures
        #[trigger] ((x * m) % m) == 0,
{
    admit();
}

/// `x % (y * z) == y * ((x / y) % z) + x % y` (vstd writes its trigger `#![trigger x % (y * z)]`).
pub broadcast proof fn lemma_mod_breakdown(x: int, y: int, z: int)
    requires
        0 <= x,
        0 < y,
        0 < z,
    ensures
        y * z > 0,
        #[trigger] (x % (y * z)) == y * ((x / y) % z) + x % y,
{
    admit();
}

/// The product of two positive numbers is positive.
pub broadcast proof fn lemma_mul_strictly_positive(x: int, y: int)
    ensures
        (0 < x && 0 < y) ==> (0 < #[trigger] (x * y)),
{
    admit();
}

/// The product of two nonnegative numbers is nonnegative.
pub broadcast proof fn lemma_mul_nonnegative(x: int, y: int)
    requires
        0 <= x,
        0 <= y,
    ensures
        0 <= #[trigger] (x * y),
{
    admit();
}

/// `n` is a power of two (vstd's arithmetic::power2, opaque there too).
#[verifier::opaque]
pub open spec fn is_pow2(n: int) -> bool
    decreases n,
{
    if n <= 0 {
        false
    } else if n == 1 {
        true
    } else {
        n % 2 == 0 && is_pow2(n / 2)
    }
}

} // verus!
