// Places and mutation in exec code: by-value `mut` parameters in postconditions, shadowing,
// `&mut` parameters, loops and the variables they do not assign.
verus! {

// expect: verified
fn pl_flip() -> bool { true }

// `ensures` names a by-value parameter's value at entry: assigning to `mut x` does not change it.
// expect: verified
fn pl_mut_param_keeps_entry(mut x: u64) -> (y: u64)
    ensures y == x,
{
    let z = x;
    x = 5;
    z
}

// expect: failed postcondition
fn pl_mut_param_returns_new(mut x: u64) -> (y: u64)
    ensures y == x,
{
    x = 20;
    x
}

// expect: failed postcondition
fn pl_mut_param_early_return(mut x: u64) -> (y: u64)
    ensures y == x,
{
    if pl_flip() {
        x = 20;
        return x;
    }
    x
}

// expect: verified
fn pl_mut_param_early_return_ok(mut x: u64) -> (y: u64)
    ensures y == x,
{
    if pl_flip() {
        return x;
    }
    let z = x;
    x = 3;
    z
}

// expect: failed postcondition
fn pl_mut_param_return_in_loop(mut x: u64) -> (y: u64)
    ensures y == x,
{
    if pl_flip() {
        x = 20;
    }
    loop
        decreases 1int,
    {
        return x;
    }
}

// expect: verified
fn pl_mut_param_return_in_loop_ok(mut x: u64) -> (y: u64)
    ensures y == x,
{
    loop
        decreases 1int,
    {
        return x;
    }
}

// expect: failed postcondition
fn pl_mut_param_nested_loops(mut x: u64) -> (y: u64)
    ensures y == x,
{
    let x0 = x;
    let mut i: u64 = 0;
    while i < 10
        invariant i <= 10,
        decreases 10 - i,
    {
        if pl_flip() {
            return x;
        }
        let mut j: u64 = 0;
        while j < 10
            invariant j <= 10,
            decreases 10 - j,
        {
            if pl_flip() {
                x = 20;
            }
            j = j + 1;
        }
        i = i + 1;
    }
    x0
}

// A local shadowing a parameter is not the parameter of `ensures`.
// expect: failed postcondition
fn pl_shadowed_param(x: u64) -> (r: u64)
    ensures r == x,
{
    let x = 5;
    x
}

// expect: verified
fn pl_shadowed_param_ok(x: u64) -> (r: u64)
    ensures r == x,
{
    let y = x;
    let x = 5u64;
    y
}

// A `&mut` parameter in `ensures` is its final referent, even when a local shadows its name.
// expect: verified
fn pl_shadowed_mut_ref(x: &mut u64)
    ensures *x == 7,
{
    *x = 7;
    let x = 5u64;
}

// expect: failed postcondition
fn pl_shadowed_mut_ref_bad(x: &mut u64)
    ensures *x == 5,
{
    *x = 7;
    let x = 5u64;
}

// Exec code moves a `Ghost`/`Tracked` local as a whole; a place inside it is ghost.
// expect: error
fn pl_write_inside_tracked(x: Tracked<Ghost<u64>>) {
    let mut x = x;
    *x = Ghost(3);
    assert(*x == 3);
}

// expect: error
fn pl_write_field_of_ghost(x: Ghost<(Ghost<u64>, Ghost<u64>)>) {
    let mut x = x;
    x.0 = Ghost(3);
    assert(x.0 == 3);
}

// expect: error
fn pl_read_inside_ghost_after_rebind(x: Ghost<u64>) -> u64 {
    let mut x = x;
    *x
}

// expect: verified
fn pl_write_whole_ghost(x: Ghost<u64>) {
    let mut x = x;
    x = Ghost(5);
    assert(x@ == 5);
}

// expect: failed assertion
fn pl_write_whole_ghost_wrong(x: Ghost<u64>) {
    let mut x = x;
    x = Ghost(5);
    assert(x@ == 6);
}

// The bit-vector query has no reference values: `*x` of a `&mut u64` is fine, `x` itself is not.
// expect: error
fn pl_bv_compares_mut_refs(x: &mut u64, y: &mut u64) {
    assert(*x == *y ==> x == y) by(bit_vector);
}

// expect: verified
fn pl_bv_derefs_mut_ref(x: &mut u64) {
    *x = 6;
    assert(*x & 1 == 0) by(bit_vector)
        requires *x == 6u64;
}

// expect: failed assertion
fn pl_bv_derefs_mut_ref_wrong(x: &mut u64) {
    *x = 6;
    assert(*x & 1 == 1) by(bit_vector)
        requires *x == 6u64;
}

// A returned reference must live as long as the return type says: `'a` and `'b` are unrelated.
// expect: error
fn pl_return_other_lifetime<'a, 'b>(x: &'a u64, y: &'b u64) -> &'b u64 {
    x
}

// expect: verified
fn pl_return_same_lifetime<'a, 'b>(x: &'a u64, y: &'b u64) -> (r: &'b u64)
    ensures *r == *y,
{
    y
}

// expect: failed postcondition
fn pl_return_same_lifetime_wrong_spec<'a, 'b>(x: &'a u64, y: &'b u64) -> (r: &'b u64)
    ensures *r == *x,
{
    y
}

// expect: error
fn pl_return_other_lifetime_in_branch<'a, 'b>(x: &'a u64, y: &'b u64, c: bool) -> &'a u64 {
    if c {
        return y;
    }
    x
}

// expect: error
fn pl_return_other_lifetime_via_call<'a, 'b>(x: &'a u64, y: &'b u64) -> &'b u64 {
    pl_return_same_lifetime(y, x)
}

// an immutable local bound once is its initializer
// expect: verified
fn pl_return_lifetime_of_local<'a>(x: &'a u64) -> &'a u64 {
    let z = x;
    z
}

// expect: error
fn pl_return_other_lifetime_of_local<'a, 'b>(x: &'a u64, y: &'b u64) -> &'a u64 {
    let z = y;
    z
}

// (assigned: not followed)
// expect: unsupported
fn pl_return_lifetime_of_assigned_local<'a>(x: &'a u64) -> &'a u64 {
    let mut z = x;
    z = x;
    z
}

// A loop keeps what it knows about a variable it does not assign; a `let mut k` in its body is
// another variable, so assigning that one changes nothing outside.
// expect: verified
fn pl_loop_shadow_keeps_outer(a: u64)
    requires a < 10,
{
    let mut i = a;
    let mut k: u64 = 12;
    while i < 20
        decreases 20 - i,
    {
        let mut k = i;
        i = i + 1;
        k = k + 1;
    }
    assert(k == 12);
}

// expect: failed assertion
fn pl_loop_assigns_outer_before_shadow(a: u64)
    requires a < 10,
{
    let mut i = a;
    let mut k: u64 = 12;
    while i < 20
        decreases 20 - i,
    {
        k = i;
        let mut k = i;
        i = i + 1;
        k = k + 1;
    }
    assert(k == 12);
}

// expect: failed assertion
fn pl_loop_assigns_outer_in_other_block(a: u64)
    requires a < 10,
{
    let mut i = a;
    let mut k: u64 = 12;
    while i < 20
        decreases 20 - i,
    {
        {
            let mut k = i;
            k = k + 1;
        }
        k = i;
        i = i + 1;
    }
    assert(k == 12);
}

// expect: verified
fn pl_loop_match_binding_is_local(a: u64, o: Option<u64>)
    requires a < 10,
{
    let mut i = a;
    let mut v: u64 = 3;
    while i < 20
        decreases 20 - i,
    {
        match o {
            Some(mut v) => { v = 0; }
            None => {}
        }
        i = i + 1;
    }
    assert(v == 3);
}

// An assignment evaluates its right operand first, then the place it writes.
// expect: verified
fn pl_assign_rhs_before_index() {
    let mut x: [u64; 2] = [0, 1];
    let mut a: usize = 0;
    x[a] = { a = a + 1; 5 };
    assert(x[0] == 0 && x[1] == 5);
}

// expect: failed assertion
fn pl_assign_rhs_before_index_wrong() {
    let mut x: [u64; 2] = [0, 1];
    let mut a: usize = 0;
    x[a] = { a = a + 1; 5 };
    assert(x[0] == 5);
}

// expect: verified
fn pl_compound_assign_rhs_first() {
    let mut x: [u64; 2] = [1, 1];
    let mut a: usize = 0;
    x[a] += { a = 1; 5 };
    assert(x[0] == 1 && x[1] == 6);
}

// expect: failed index-bounds
fn pl_assign_index_after_rhs_out_of_bounds() {
    let mut x: [u64; 2] = [0, 1];
    let mut a: usize = 1;
    x[a] = { a = a + 1; 5 };
}

// `decreases *old(s)` of a recursive call is measured with the value passed to it.
// expect: verified
fn pl_rec_mut_ref_decreases(s: &mut u64) -> u64
    decreases *old(s),
{
    if *s > 0 {
        *s = *s - 1;
        pl_rec_mut_ref_decreases(s)
    } else {
        *s
    }
}

// expect: failed decreases
fn pl_rec_mut_ref_not_decreasing(s: &mut u64) -> u64
    decreases *old(s),
{
    if *s > 0 {
        *s = *s;
        pl_rec_mut_ref_not_decreasing(s)
    } else {
        *s
    }
}

// `exec_allows_no_decreases_clause`: exec recursion without `decreases` is not checked for termination.
// expect: verified
#[verifier::exec_allows_no_decreases_clause]
fn pl_rec_allowed_without_decreases(s: &mut u64, i: usize) -> usize {
    if i < 10 {
        pl_rec_allowed_without_decreases(s, i + 1)
    } else {
        i
    }
}

// expect: error
fn pl_rec_without_decreases(s: &mut u64, i: usize) -> usize {
    if i < 10 {
        pl_rec_without_decreases(s, i + 1)
    } else {
        i
    }
}

// expect: failed postcondition
#[verifier::exec_allows_no_decreases_clause]
fn pl_rec_allowed_still_checks_ensures(i: usize) -> (r: usize)
    ensures r == 10,
{
    if i < 10 {
        pl_rec_allowed_still_checks_ensures(i + 1)
    } else {
        i
    }
}

// A spec read of a `let x;` before its assignment sees an arbitrary value (not a rustc error:
// spec code is erased); an exec read is rustc's "possibly-uninitialized".
// expect: failed assertion
fn pl_spec_read_before_init() {
    let x: u64;
    assert(x == 23);
    x = 23;
}

// expect: verified
fn pl_spec_read_after_init(a: bool) {
    let x: u64;
    if a { x = 1; } else { x = 2; }
    assert(a ==> x == 1);
}

// expect: error
fn pl_exec_read_before_init() -> u64 {
    let x: u64;
    let y = x;
    x = 1;
    y
}

// expect: error
fn pl_return_other_lifetime_of_shadow<'a, 'b>(x: &'a u64, y: &'b u64) -> &'b u64 {
    let y = x;
    y
}

} // verus!
