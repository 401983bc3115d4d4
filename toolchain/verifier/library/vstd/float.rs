// vstd::float, and the primitive types `f32` / `f64` as this library gives them: values known by
// their bits, which nothing reads (arithmetic, comparisons and literals are not modelled; `==` in
// spec code is equality of the bits, as in Verus). What the
// verifier knows of a float is what a cast gives: an `as` cast between an integer type (other than
// `usize` / `isize`) and a float type, or between the two float types, is nondeterministic, and all
// that is known of its result is `float_cast_spec(from, to)` (check/checker.ts, vcgen/expr.ts); a
// float type cast to itself is the same value. Read only by a crate that names a float type.
verus! {

/// An IEEE 754 single-precision value, known by its bits (private: nothing here reads them).
#[derive(Clone, Copy)]
pub struct f32 {
    bits: u32,
}

/// An IEEE 754 double-precision value, known by its bits (private: nothing here reads them).
#[derive(Clone, Copy)]
pub struct f64 {
    bits: u64,
}

/// An IEEE 754 half-precision value (rustc's unstable `f16`), known by its bits; Verus casts to
/// or from it nothing.
#[derive(Clone, Copy)]
pub struct f16 {
    bits: u16,
}

/// An IEEE 754 quadruple-precision value (rustc's unstable `f128`), known by its bits; Verus casts
/// to or from it nothing.
#[derive(Clone, Copy)]
pub struct f128 {
    bits: u128,
}

/// What an `as` cast from `from` to a value of another numeric type gives: `to` is one of the
/// values the cast may give (vstd states no more of it).
pub uninterp spec fn float_cast_spec<From, To>(from: From, to: To) -> bool;

} // verus!
