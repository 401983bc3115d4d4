// Unions: an enum with a variant per field. `U { x: e }` builds variant `x`; exec and proof code
// read `u.x` with an obligation that `x` is the field the union holds; `is_variant(u, "x")` and
// `get_union_field::<_, T>(u, "x")` are Verus's spec builtins. What is not modelled (writing a
// field, `&mut` of one, generic unions) is unsupported.
verus! {

union UnU {
    x: u8,
    y: bool,
}

// expect: verified
fn un_build_and_read() {
    let u = UnU { x: 3 };
    assert(is_variant(u, "x"));
    assert(!is_variant(u, "y"));
    assert(get_union_field::<_, u8>(u, "x") == 3);
    unsafe {
        let j = u.x;
        assert(j == 3);
    }
}

// expect: failed precondition
fn un_read_other_field() {
    let u = UnU { x: 3 };
    unsafe {
        let j = u.y;
    }
}

// expect: failed precondition
proof fn un_read_unknown(tracked u: UnU) {
    unsafe {
        let tracked j = &u.y;
    }
}

// expect: verified
proof fn un_read_known(tracked u: UnU)
    requires is_variant(u, "y"),
{
    unsafe {
        let tracked j = &u.y;
    }
}

// expect: error
spec fn un_spec_read(u: UnU) -> u8 {
    u.x
}

// expect: error
fn un_get_in_exec(u: UnU) {
    let j = get_union_field::<_, u8>(u, "x");
}

// expect: error
proof fn un_get_wrong_type(u: UnU) {
    assert(get_union_field::<_, u16>(u, "x") == 5);
}

// expect: error
proof fn un_get_no_field(u: UnU) {
    assert(get_union_field::<_, u8>(u, "z") == 5);
}

// a tracked binding of a spec value (a union's field, or any spec place)
// expect: error
proof fn un_tracked_from_spec(u: UnU) {
    let tracked j = get_union_field::<_, u8>(u, "x");
}

// expect: error
proof fn un_tracked_from_spec_place(u: UnU) {
    let tracked j = u;
}

// expect: unsupported
fn un_assign() {
    let mut u = UnU { y: true };
    unsafe {
        u.x = 6;
    }
}

// expect: error
fn un_pattern(u: UnU) {
    unsafe {
        let UnU { x } = u;
    }
}

// Verus: no type invariant for a union
// expect: error
#[verifier::type_invariant]
spec fn un_inv(u: UnU) -> bool {
    true
}


// ---- the same builtins over an enum: `is_variant(e, "V")`, `get_variant_field::<_, T>(e, "V", "f")`

pub enum VbMaybe<T> {
    Some(T),
    None,
}

enum VbShape {
    Circle { r: u8 },
    Rect(u8, u16),
}

// expect: verified
proof fn vb_enum_builtins(a: VbMaybe<nat>, s: VbShape)
    requires
        a == VbMaybe::Some(10nat),
        s == (VbShape::Circle { r: 3 }),
{
    assert(verus_builtin::is_variant(a, "Some"));
    assert(!is_variant(a, "None"));
    assert(verus_builtin::get_variant_field::<_, nat>(a, "Some", "0") == 10);
    assert(get_variant_field::<_, u8>(s, "Circle", "r") == 3);
}

// expect: failed assertion
proof fn vb_enum_field_wrong(a: VbMaybe<nat>)
    requires
        a == VbMaybe::Some(10nat),
{
    assert(get_variant_field::<_, nat>(a, "Some", "0") == 11);
}

// expect: failed assertion
proof fn vb_enum_variant_wrong(s: VbShape)
    requires
        s == VbShape::Rect(1, 2),
{
    assert(is_variant(s, "Circle"));
}

// expect: error
proof fn vb_enum_no_variant(a: VbMaybe<nat>) {
    assert(is_variant(a, "Null"));
}

// expect: error
proof fn vb_enum_field_type(a: VbMaybe<nat>) {
    assert(get_variant_field::<_, u64>(a, "Some", "0") == 10);
}

// expect: error
proof fn vb_enum_no_field(a: VbMaybe<nat>) {
    assert(get_variant_field::<_, nat>(a, "Some", "1") == 10);
}

// expect: error
fn vb_enum_get_in_exec(a: VbMaybe<u8>) {
    let x = get_variant_field::<_, u8>(a, "Some", "0");
}

} // verus!
