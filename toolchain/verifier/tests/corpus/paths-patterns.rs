// Parenthesized patterns, exec `a.index(i)` on arrays, `reveal` of a spec fn named through its
// module, `..` in tuple and tuple-like patterns (it stands for as many fields as are left out).
verus! {

// expect: verified
fn pp_paren_pattern() {
    let (x): usize = 0;
    assert(x == 0);
}

// expect: failed assertion
fn pp_paren_pattern_bad() {
    let (x): usize = 0;
    assert(x == 1);
}

// expect: verified
fn pp_one_tuple_pattern() {
    let (y,) = (5u8,);
    assert(y == 5);
}

// expect: verified
fn pp_array_index_method(a: &[u8; 5]) {
    let x = *a.index(2);
    assert(x == a[2]);
}

// expect: failed assertion
fn pp_array_index_method_other(a: &[u8; 5]) {
    let x = *a.index(2);
    assert(x == a[3]);
}

// expect: failed index-bounds
fn pp_array_index_method_bounds(a: &[u8; 5]) {
    let x = *a.index(7);
}

// an array's range is a slice (slices.rs)
// expect: verified
fn pp_array_range_index(a: &[u8; 5]) {
    let x = &a[1..3];
    assert(x@ == a@.subrange(1, 3));
}

// expect: failed index-bounds
fn pp_array_range_index_bounds(a: &[u8; 5]) {
    let x = &a[1..6];
}

mod pp_hidden {
    // expect: verified
    #[verifier::opaque]
    pub open spec fn pp_secret() -> bool {
        true
    }
}

// expect: verified
proof fn pp_reveal_through_module() {
    reveal(pp_hidden::pp_secret);
    assert(pp_hidden::pp_secret());
}

// expect: failed assertion
proof fn pp_no_reveal() {
    assert(pp_hidden::pp_secret());
}


// `let PAT = e else { .. };`: the bindings for the rest of the block, the else block diverges
enum LeX {
    A(usize),
    B(bool),
}

// expect: verified
spec fn le_is_a(x: LeX) -> bool {
    x is A
}

// expect: verified
fn le_returns(x: LeX) -> (ret: bool)
    ensures
        le_is_a(x) == ret,
{
    let LeX::A(a) = x else {
        return false;
    };
    true
}

// expect: failed postcondition
fn le_returns_wrong(x: LeX) -> (ret: bool)
    ensures
        le_is_a(x) == ret,
{
    let LeX::A(a) = x else {
        return true;
    };
    true
}

// expect: verified
fn le_binding_value(o: Option<u8>) -> (r: u8)
    ensures
        o is Some ==> r == o->0,
        o is None ==> r == 0,
{
    let Some(v) = o else { return 0 };
    let w = v;
    w
}

// expect: error
fn le_else_falls_through(o: Option<u8>) -> u8 {
    let Some(v) = o else { 0 };
    v
}

// expect: failed assertion
fn le_break_leaves_loop_early(n: u8, o: Option<u8>) {
    let mut i = 0u8;
    while i < n
        invariant
            i <= n,
        decreases n - i,
    {
        let Some(k) = o else { break };
        i = i + 1;
    }
    assert(i == n);
}

// ---- a name two modules define means, in each of them, the module's own item

mod md_a {
    // expect: verified
    pub open spec fn md_val() -> int { 1 }

    // expect: verified
    pub proof fn md_use_own() {
        assert(md_val() == 1);
    }
}

mod md_b {
    // expect: verified
    pub open spec fn md_val() -> int { 2 }

    // expect: failed assertion
    pub proof fn md_use_other_wrong() {
        assert(md_val() == 1);
    }
}

mod md_c {
    use super::md_a::*;
    use super::md_b::*;

    // Neither is this module's own: ambiguous, as rustc says for two glob imports.
    // expect: error
    pub proof fn md_ambiguous() {
        assert(md_val() == 1);
    }

    // A written module path names one of them.
    // expect: verified
    pub proof fn md_by_path() {
        assert(crate::md_a::md_val() == 1);
        assert(super::md_b::md_val() == 2);
    }

    // expect: failed assertion
    pub proof fn md_by_path_wrong() {
        assert(crate::md_b::md_val() == 1);
    }
}

// ---- `let E::V(a, b) = e;` of an enum with one variant always matches

enum SvPair { Pair(bool, bool) }

// expect: verified
fn sv_single_variant() {
    let SvPair::Pair(y, z) = SvPair::Pair(true, false);
    assert(y && !z);
}

// expect: failed assertion
fn sv_single_variant_wrong() {
    let SvPair::Pair(y, z) = SvPair::Pair(true, false);
    assert(z);
}

// a refutable pattern in a `let` without `else`: rustc's E0005
// expect: error
fn sv_refutable(o: Option<u8>) {
    let Some(x) = o;
}

// ---- range patterns: `a..=b`, `..=b`, `a..b`, `a..` (bounds: literals or constants)

const PP_LOW: u8 = 10;
const PP_HIGH: u8 = 20;

// expect: verified
fn pp_range_class(x: u8) -> (r: u8)
    ensures
        x <= 9 ==> r == 0,
        10 <= x <= 20 ==> r == 1,
        x > 20 ==> r == 2,
{
    match x {
        ..=9 => 0,
        PP_LOW..=PP_HIGH => 1,
        21.. => 2,
        _ => 3,
    }
}

// ranges covering every u8 without `_`: exhaustive (rustc)
// expect: verified
fn pp_ranges_cover_u8(x: u8) -> u8 {
    match x {
        ..=9 => 0,
        10.. => 1,
    }
}

// expect: failed postcondition
fn pp_range_class_wrong(x: u8) -> (r: u8)
    ensures
        x <= 10 ==> r == 0,
{
    match x {
        ..5 => 2,
        0..10 => 0,
        _ => 1,
    }
}

// expect: verified
spec fn pp_spec_range(x: int) -> bool {
    match x {
        3..=5 => true,
        _ => false,
    }
}

// expect: verified
proof fn pp_spec_range_uses() {
    assert(pp_spec_range(4));
    assert(!pp_spec_range(6));
}

// expect: failed assertion
proof fn pp_spec_range_wrong() {
    assert(pp_spec_range(6));
}

// an empty range is rustc's error (E0030)
// expect: error
fn pp_empty_range(x: u8) -> u8 {
    match x {
        5..=3 => 0,
        _ => 1,
    }
}

// ranges that leave 201..=255 out (rustc's E0004)
// expect: error
fn pp_ranges_not_exhaustive(x: u8) -> u8 {
    match x {
        0..=100 => 0,
        101..=200 => 1,
    }
}

// rustc does not list `usize` values by ranges: a `_` arm is needed even when they cover it
// expect: error
fn pp_usize_ranges_need_wild(x: usize) -> u8 {
    match x {
        0..=10 => 0,
        11.. => 1,
    }
}

// ---- paths through modules named like types (`M1::f`, `crate::M2::S(..)`)

mod PpUpperMod {
    pub struct PpPair(pub u8, pub u8);

    // expect: verified
    pub fn pp_twice(x: u8) -> (r: u16)
        ensures r == 2 * x,
    {
        x as u16 * 2
    }
}

// expect: verified
fn pp_through_upper_module() {
    let p = crate::PpUpperMod::PpPair(3, 4);
    let r = PpUpperMod::pp_twice(p.0);
    assert(r == 6 && p.1 == 4);
}

// expect: failed assertion
fn pp_through_upper_module_wrong() {
    let p = crate::PpUpperMod::PpPair(3, 4);
    let r = PpUpperMod::pp_twice(p.1);
    assert(r == 6);
}

// expect: failed assertion
fn pp_through_upper_module_field_wrong() {
    let p = crate::PpUpperMod::PpPair(3, 4);
    assert(p.0 == 4);
}

struct PpTriple(u8, u8, u8);

enum PpFour {
    V(u8, u8, u8, u8),
    W,
}

// expect: verified
fn pp_rest_patterns() {
    let (a, .., d) = (1u8, 2u8, 3u8, 4u8);
    assert(a == 1 && d == 4);
    let (.., c, d2) = (1u8, 2u8, 3u8, 4u8);
    assert(c == 3 && d2 == 4);
    let e = PpFour::V(1, 2, 3, 4);
    match e {
        PpFour::V(w, .., z) => { assert(w == 1 && z == 4); }
        PpFour::W => { assert(false); }
    }
    let t = PpTriple(7, 8, 9);
    let PpTriple(x, ..) = t;
    let PpTriple(.., y) = t;
    let PpTriple(p, q, r) = t;
    assert(x == 7 && y == 9 && q == 8);
}

// `..` is as many fields as make the variant's: `z` is the fourth, not the third
// expect: failed assertion
fn pp_rest_after_is_last_field() {
    let e = PpFour::V(1, 2, 3, 4);
    let PpFour::V(w, .., z) = e else { return; };
    assert(z == 3);
}

// expect: failed assertion
fn pp_rest_before_is_last_fields() {
    match PpFour::V(1, 2, 3, 4) {
        PpFour::V(.., c, d) => { assert(c == 2); }
        PpFour::W => {}
    }
}

// expect: failed assertion
fn pp_rest_in_tuple() {
    let (a, .., d) = (1u8, 2u8, 3u8, 4u8);
    assert(d == 3);
}

// (rustc E0023)
// expect: error
fn pp_pattern_too_few_fields(e: PpFour) {
    match e {
        PpFour::V(a, b) => {}
        PpFour::W => {}
    }
}

// expect: error
fn pp_tuple_struct_too_few_fields(t: PpTriple) {
    let PpTriple(a, b) = t;
}

// expect: error
fn pp_tuple_pattern_too_many(t: (u8, u8)) {
    let (a, b, .., c) = t;
}

// `V { 1: a, 0: b }`: a tuple-like variant's fields named by position
// expect: verified
fn pp_numeric_field_names() {
    match PpFour::V(1, 2, 3, 4) {
        PpFour::V { 3: d, 0: a, .. } => { assert(a == 1 && d == 4); }
        PpFour::W => { assert(false); }
    }
    let t = PpTriple { 2: 9, 0: 7, 1: 8 };
    let PpTriple { 1: y, .. } = t;
    assert(y == 8);
}

// expect: failed assertion
fn pp_numeric_field_names_wrong() {
    match PpFour::V(1, 2, 3, 4) {
        PpFour::V { 2: c, .. } => { assert(c == 2); }
        PpFour::W => {}
    }
}

enum PpOpt<V> {
    Some(V),
    None,
}

// expect: verified
spec fn pp_at_spec(x: PpOpt<PpOpt<u8>>) -> (u8, PpOpt<u8>) {
    match x {
        PpOpt::Some(y @ PpOpt::Some(z)) => (z, y),
        PpOpt::Some(y @ PpOpt::None) => (0, y),
        PpOpt::None => (1, PpOpt::None),
    }
}

// `x @ P`: `x` is the whole value `P` matches
// expect: verified
fn pp_at_patterns(n: u8, x: PpOpt<PpOpt<u8>>) -> (r: u8)
    ensures
        n <= 9 ==> r == n,
        n > 9 ==> r == 10,
{
    match x {
        PpOpt::Some(y @ PpOpt::Some(z)) => { assert(y == PpOpt::Some(z)); }
        _ => {}
    }
    assert(pp_at_spec(PpOpt::Some(PpOpt::Some(4))) == (4u8, PpOpt::Some(4u8)));
    assert(pp_at_spec(PpOpt::Some(PpOpt::None)) == (0u8, PpOpt::<u8>::None));
    let t @ (a, b) = (1u8, 2u8);
    assert(t.0 == a && b == 2);
    match n {
        d @ 0..=9 => d,
        _ => 10,
    }
}

// expect: failed postcondition
fn pp_at_range_is_the_value(n: u8) -> (r: u8)
    ensures
        r == n,
{
    match n {
        d @ 0..=9 => d,
        _ => 10,
    }
}

// expect: failed assertion
fn pp_at_sub_is_checked() {
    assert(pp_at_spec(PpOpt::Some(PpOpt::Some(4))) == (4u8, PpOpt::Some(5u8)));
}

// (the sub-pattern decides what the arm covers)
// expect: error
fn pp_at_not_exhaustive(n: u8) {
    match n {
        d @ 0..=9 => {}
        11..=255 => {}
    }
}

enum PpShade {
    PpLight,
    PpDark(u8),
}

use PpShade::*;

// `use E::*;` names `E`'s variants bare, in expressions and patterns
// expect: verified
fn pp_variant_import(s: PpShade) -> (r: u8)
    ensures
        s == PpLight ==> r == 0,
{
    let d = PpDark(3);
    assert(d == PpShade::PpDark(3));
    match s {
        PpLight => 0,
        PpDark(x) => x,
    }
}

// expect: failed assertion
fn pp_variant_import_wrong() {
    let d = PpDark(3);
    assert(d == PpShade::PpDark(4));
}

// Or-patterns that bind: each name is the value of the first alternative that matches.
#[is_variant]
enum PpSignal {
    PpRaise(u64),
    PpLower(u64),
    PpHold(u64),
    PpIdle,
}

// expect: verified
spec fn pp_level(s: PpSignal) -> int {
    match s {
        PpSignal::PpRaise(x) | PpSignal::PpLower(x) => x as int + 1,
        PpSignal::PpHold(x) => x as int,
        PpSignal::PpIdle => 0,
    }
}

// expect: verified
proof fn pp_or_binding_spec(s: PpSignal) {
    assert(s.is_PpRaise() ==> pp_level(s) == s.get_PpRaise_0() as int + 1);
    assert(s.is_PpLower() ==> pp_level(s) == s.get_PpLower_0() as int + 1);
}

// expect: failed assertion
proof fn pp_or_binding_spec_wrong(s: PpSignal) {
    assert(s.is_PpLower() ==> pp_level(s) == s.get_PpLower_0() as int);
}

// expect: verified
fn pp_or_binding_exec(s: PpSignal) -> (r: u64)
    ensures
        s.is_PpLower() ==> r == s.get_PpLower_0(),
        s.is_PpIdle() ==> r == 0,
{
    match s {
        PpSignal::PpRaise(x) | PpSignal::PpLower(x) | PpSignal::PpHold(x) => x,
        PpSignal::PpIdle => 0,
    }
}

// The first alternative that matches binds: (5, 0) matches both and takes `x` from the first.
// expect: verified
fn pp_or_binding_order(p: (u8, u8)) -> (r: u8)
    ensures
        p.1 == 0 ==> r == p.0,
        p.1 != 0 ==> r == p.1,
{
    match p {
        (x, 0) | (_, x) => x,
    }
}

// expect: failed postcondition
fn pp_or_binding_order_wrong(p: (u8, u8)) -> (r: u8)
    ensures
        r == p.1,
{
    match p {
        (x, 0) | (_, x) => x,
    }
}

// expect: error
fn pp_or_binding_missing(s: PpSignal) -> u64 {
    match s {
        PpSignal::PpRaise(x) | PpSignal::PpLower(y) => 1,
        _ => 0,
    }
}

// expect: error
fn pp_or_binding_types_differ(p: (u8, bool)) -> u8 {
    match p {
        (x, true) | (_, x) => 1,
    }
}

// Rust tries each alternative with the guard: on (true, false) the first binds a = false, the
// guard fails, and the second binds a = true and enters the arm. Verus refuses the combination.
// expect: error
fn pp_or_pattern_with_guard() {
    match (true, false) {
        (true, a) | (a, false) if a => {
            assert(false);
        },
        _ => {},
    }
}

// Constructors named through `Self` or a type alias (ctor-paths.ts), as rustc resolves them.
struct CpWrap(u64);

struct CpUnit;

enum CpDir {
    Left(u8),
    Right { a: u8 },
}

type CpDirAlias = CpDir;

struct CpPoint {
    x: u8,
}

type CpPointAlias = CpPoint;

impl CpWrap {
    // expect: verified
    fn new(x: u64) -> (r: Self)
        ensures
            r.0 == x,
    {
        Self(x)
    }

    // expect: failed postcondition
    fn new_wrong(x: u64) -> (r: Self)
        ensures
            r.0 == x + 1,
    {
        Self(x)
    }
}

impl CpUnit {
    // expect: verified
    fn mk() -> (r: Self) {
        Self
    }
}

// expect: verified
fn cp_alias_variants(d: CpDir) -> (r: u8)
    ensures
        d is Left ==> r == d->Left_0,
{
    let p = CpPointAlias { x: 1 };
    let CpPointAlias { x } = p;
    assert(x == 1);
    match d {
        CpDirAlias::Left(v) => v,
        CpDirAlias::Right { a } => a,
    }
}

// expect: failed assertion
fn cp_alias_variant_wrong() {
    let d = CpDirAlias::Left(3);
    assert(d is Right);
}

// rustc does not let an alias name a tuple struct's constructor
type CpWrapAlias = CpWrap;

// expect: error
fn cp_alias_tuple_ctor() {
    let w = CpWrapAlias(3);
}

// `box p` patterns (rustc's `box_patterns`): a Box is erased, the pattern is its inner one
enum PpNat {
    Zero,
    Succ(Box<PpNat>),
}

// expect: verified
spec fn pp_height(n: PpNat) -> nat
    decreases n
{
    match n {
        PpNat::Zero => 0,
        PpNat::Succ(box m) => pp_height(m) + 1,
    }
}

// expect: verified
proof fn pp_height_two() {
    let two = PpNat::Succ(Box::new(PpNat::Succ(Box::new(PpNat::Zero))));
    reveal_with_fuel(pp_height, 3);
    assert(pp_height(two) == 2);
}

// expect: failed assertion
proof fn pp_height_two_wrong() {
    let two = PpNat::Succ(Box::new(PpNat::Succ(Box::new(PpNat::Zero))));
    reveal_with_fuel(pp_height, 3);
    assert(pp_height(two) == 1);
}

// An integer type's `MIN` / `MAX` as a pattern, and as a range pattern's bound
// expect: verified
fn pp_int_bounds_in_patterns(x: u8, y: i16) {
    let a = match x { u8::MAX => 1u8, _ => 0u8 };
    assert(a == 1 <==> x == 255);
    let b = match y { i16::MIN ..= -1 => true, _ => false };
    assert(b <==> y < 0);
}

// expect: failed assertion
fn pp_int_bounds_in_patterns_wrong(x: u8) {
    let a = match x { u8::MIN => 1u8, _ => 0u8 };
    assert(a == 1 <==> x == 255);
}

// expect: verified
fn pp_int_bounds_exhaustive(x: u8) -> (r: bool) ensures r {
    match x { u8::MIN ..= 127 => true, 128 ..= u8::MAX => true }
}

// expect: error
fn pp_int_bounds_not_exhaustive(x: u8) -> bool {
    match x { u8::MIN ..= 127 => true, 128 ..= 254 => true }
}

// ---- a constant's name as a pattern: values equal to it (its mode rules hold there too)
const PP_K: u64 = 20;
spec const PP_SPEC: u64 = 3;

// expect: verified
fn pp_const_pattern(x: u64) {
    let z = match x { PP_K => 0, t => t };
    assert(x == 20 ==> z == 0);
    assert(x != 20 ==> z == x);
}

// expect: failed assertion
fn pp_const_pattern_wrong(x: u64) {
    let z = match x { PP_K => 0, t => t };
    assert(z == x);
}

// expect: error
fn pp_spec_const_pattern(x: u64) {
    match x { PP_SPEC => {}, _ => {} }
}

// (refutable: not a `let` pattern)
// expect: error
fn pp_const_pattern_let(x: u64) {
    let PP_K = x;
}

// ---- datatypes of one name in two modules: each path means the one its module sees

struct PpCar {
    passengers: int,
}

mod pp_garage {
    pub struct PpCar {
        pub four_doors: bool,
    }

    impl PpCar {
        // expect: verified
        pub fn new() -> (c: PpCar)
            ensures c.four_doors,
        {
            PpCar { four_doors: true }
        }
    }

    pub mod inner {
        // expect: verified
        pub fn from_parent() -> (c: super::PpCar)
            ensures c.four_doors,
        {
            super::PpCar::new()
        }
    }
}

// expect: verified
fn pp_two_cars(p: int) {
    let c = pp_garage::PpCar::new();
    assert(c.four_doors);
    let d = crate::pp_garage::inner::from_parent();
    assert(d.four_doors);
    assert((PpCar { passengers: p }).passengers == p);
}

// expect: failed assertion
fn pp_two_cars_wrong() {
    let c = pp_garage::PpCar::new();
    assert(!c.four_doors);
}

// a tuple struct's pattern in a `match` binds its fields by position, `..` included
pub struct PpTwo(pub u8, pub u8);

// expect: verified
spec fn pp_tuple_struct_first(t: PpTwo) -> u8 {
    match t { PpTwo(a, ..) => a }
}

// expect: verified
proof fn pp_tuple_struct_match(t: PpTwo) {
    match t { PpTwo(_, b) => { assert(b == t.1); } }
    assert(pp_tuple_struct_first(t) == t.0);
}

// expect: failed assertion
proof fn pp_tuple_struct_match_bad(t: PpTwo) {
    match t { PpTwo(a, _) => { assert(a == t.1); } }
}

// a capitalized name that names nothing is a binding, as in rustc (`KEY` below)
// expect: verified
spec fn pp_upper_binding(o: Option<u8>) -> u8 {
    if o is Some { let KEY = o->0; KEY } else { 0 }
}

// expect: verified
proof fn pp_upper_binding_value(o: Option<u8>)
    requires o == Some(7u8),
{
    assert(pp_upper_binding(o) == 7);
}

// expect: failed assertion
proof fn pp_upper_binding_value_bad(o: Option<u8>)
    requires o == Some(7u8),
{
    assert(pp_upper_binding(o) == 8);
}

// expect: failed assertion
proof fn pp_upper_binding_in_match(o: Option<u8>)
    requires o == Some(3u8),
{
    match o {
        Some(PP_BOUND) => { assert(PP_BOUND == 4); }
        None => {}
    }
}

// expect: failed assertion
proof fn pp_tuple_struct_rest_bad(t: PpTwo) {
    match t { PpTwo(.., b) => { assert(b == t.0); } }
}

} // verus!
