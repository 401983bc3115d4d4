// Control flow: if/else, early return, while loops with invariants and decreases, loop/break.
verus! {

// expect: verified
fn abs_diff(a: u64, b: u64) -> (r: u64)
    ensures r == if a > b { a - b } else { b - a },
{
    if a > b { a - b } else { b - a }
}

// expect: failed underflow
fn abs_diff_wrong_branch(a: u64, b: u64) -> u64 {
    if a >= b { b - a } else { a - b }
}

// expect: verified
fn early_return(x: u32) -> (r: u32)
    ensures r <= 10,
{
    if x > 10 {
        return 10;
    }
    x
}

// expect: failed postcondition
fn early_return_wrong(x: u32) -> (r: u32)
    ensures r <= 10,
{
    if x > 10 {
        return x;
    }
    x
}

// expect: verified
fn else_if_chain(x: i32) -> (r: i32)
    ensures r >= -1 && r <= 1, x > 0 ==> r == 1, x < 0 ==> r == -1,
{
    if x > 0 {
        1
    } else if x < 0 {
        -1
    } else {
        0
    }
}

// expect: failed postcondition
fn else_if_chain_wrong(x: i32) -> (r: i32)
    ensures x >= 0 ==> r == 1,
{
    if x > 0 { 1 } else if x < 0 { -1 } else { 0 }
}

// expect: verified
fn mutate_in_branch(c: bool) -> (r: u8)
    ensures c ==> r == 5, !c ==> r == 7,
{
    let mut x: u8 = 7;
    if c {
        x = 5;
    }
    x
}

// expect: verified
fn count_up(n: u64) -> (r: u64)
    ensures r == n,
{
    let mut i: u64 = 0;
    while i < n
        invariant i <= n,
        decreases n - i,
    {
        i = i + 1;
    }
    i
}

// expect: failed invariant-entry
fn invariant_false_on_entry(n: u64) {
    let mut i: u64 = 0;
    while i < n
        invariant i >= 1, i <= n,
        decreases n - i,
    {
        i = i + 1;
    }
}

// expect: failed invariant-preserved
fn invariant_not_preserved(n: u64)
    requires n < 100,
{
    let mut i: u64 = 0;
    while i < n
        invariant i <= n, i % 2 == 0,
        decreases n - i,
    {
        i = i + 1;
    }
}

// expect: failed decreases
fn decreases_wrong(n: u64) {
    let mut i: u64 = 0;
    while i < n
        invariant i <= n,
        decreases i,
    {
        i = i + 1;
    }
}

// expect: failed postcondition
fn loop_forgets_facts(n: u64) -> (r: u64)
    requires n == 10,
    ensures r == 10,
{
    let mut i: u64 = 0;
    let mut m: u64 = n;
    while i < 5
        invariant i <= 5,
        decreases 5 - i,
    {
        i = i + 1;
        m = m + 0;
    }
    m
}

// expect: verified
fn loop_keeps_unmodified(n: u64) -> (r: u64)
    requires n == 10,
    ensures r == 10,
{
    let mut i: u64 = 0;
    while i < 5
        invariant i <= 5,
        decreases 5 - i,
    {
        i = i + 1;
    }
    n
}

// expect: failed postcondition
fn loop_only_knows_invariant(n: u64) -> (r: u64)
    requires n < 100,
    ensures r == n,
{
    let mut i: u64 = 0;
    while i < n
        invariant i <= n + 1,
        decreases n - i,
    {
        i = i + 1;
    }
    i
}

// expect: failed overflow
fn loop_overflow_without_bound(n: u64) -> u64 {
    let mut i: u64 = 0;
    let mut s: u64 = 0;
    while i < n
        invariant i <= n,
        decreases n - i,
    {
        s = s + i;
        i = i + 1;
    }
    s
}

// expect: verified
fn sum_with_bound(n: u64) -> (r: u64)
    requires n <= 1000,
    ensures r <= 1000 * 1000,
{
    let mut i: u64 = 0;
    let mut s: u64 = 0;
    while i < n
        invariant i <= n, n <= 1000, s <= i * 1000,
        decreases n - i,
    {
        s = s + 1000;
        i = i + 1;
    }
    s
}

// expect: verified
fn loop_break(n: u32) -> (r: u32)
    requires n > 3,
    ensures r == 3,
{
    let mut i: u32 = 0;
    loop
        invariant i <= 3,
        decreases 3 - i,
    {
        if i == 3 {
            break;
        }
        i = i + 1;
    }
    i
}

// expect: failed postcondition
fn loop_break_wrong(n: u32) -> (r: u32)
    ensures r == 4,
{
    let mut i: u32 = 0;
    loop
        invariant i <= 3,
        decreases 3 - i,
    {
        if i == 3 {
            break;
        }
        i = i + 1;
    }
    i
}

// expect: verified
fn while_with_break(n: u64) -> (r: u64)
    ensures r <= n,
{
    let mut i: u64 = 0;
    while i < n
        invariant i <= n,
        decreases n - i,
    {
        if i == 7 {
            break;
        }
        i = i + 1;
    }
    i
}

// expect: verified
fn return_inside_loop(n: u64) -> (r: u64)
    requires n >= 5,
    ensures r == 5,
{
    let mut i: u64 = 0;
    while i < n
        invariant i <= 5, i <= n,
        decreases n - i,
    {
        if i == 5 {
            return i;
        }
        i = i + 1;
    }
    5
}

// expect: verified
fn nested_loops(n: u32) -> (r: u32)
    requires n <= 100,
    ensures r == n,
{
    let mut i: u32 = 0;
    while i < n
        invariant i <= n, n <= 100,
        decreases n - i,
    {
        let mut j: u32 = 0;
        while j < 3
            invariant j <= 3, i < n,
            decreases 3 - j,
        {
            j = j + 1;
        }
        i = i + 1;
    }
    i
}

// expect: failed invariant-entry
fn nested_inner_entry(n: u32)
    requires n <= 100,
{
    let mut i: u32 = 0;
    while i < n
        invariant i <= n,
        decreases n - i,
    {
        let mut j: u32 = 0;
        while j < 3
            invariant j <= 3, i + 1 < n,
            decreases 3 - j,
        {
            j = j + 1;
        }
        i = i + 1;
    }
}

// expect: failed decreases
fn loop_decreases_not_bounded(n: i32) {
    let mut i: i32 = 10;
    while i > n
        invariant i <= 10,
        decreases i,
    {
        i = i - 1;
    }
}

// expect: verified
fn continue_in_loop(n: u64) -> (r: u64)
    requires n < 1000,
    ensures r <= n,
{
    let mut i: u64 = 0;
    let mut evens: u64 = 0;
    while i < n
        invariant i <= n, evens <= i,
        decreases n - i,
    {
        i = i + 1;
        if i % 2 == 1 {
            continue;
        }
        evens = evens + 1;
    }
    evens
}

// expect: failed invariant-preserved
fn continue_breaks_invariant(n: u64)
    requires n < 1000,
{
    let mut i: u64 = 0;
    let mut k: u64 = 0;
    while i < n
        invariant i <= n, k == i,
        decreases n - i,
    {
        i = i + 1;
        if i == 3 {
            continue;
        }
        k = k + 1;
    }
}

// expect: verified
fn let_shadowing(x: u8) -> (r: u8)
    requires x < 10,
    ensures r == x + 2,
{
    let y = x + 1;
    let y = y + 1;
    y
}

// expect: failed assertion
fn assert_in_branch(x: u8) {
    if x > 5 {
        assert(x > 6);
    }
}

// expect: verified
fn assume_then_assert(x: u8) {
    assume(x == 3);
    assert(x < 4);
}

// expect: verified
fn block_expression(x: u16) -> (r: u16)
    requires x < 100,
    ensures r == x * 2 + 1,
{
    let y = {
        let t = x * 2;
        t + 1
    };
    y
}

// expect: verified
fn short_circuit_guard(a: u32, b: u32) -> (r: bool)
    ensures r == (b != 0 && a / b > 2),
{
    b != 0 && a / b > 2
}

// expect: failed division-by-zero
fn short_circuit_wrong(a: u32, b: u32) -> bool {
    b == 0 || a / b > 2 || a / (b - b) > 1
}


// labelled loops: `break 'x` / `continue 'x` leave or restart the loop they name
// expect: failed assertion
#[verifier::exec_allows_no_decreases_clause]
fn lbl_break_outer(b: bool) {
    'x: while b {
        'y: while b {
            break 'x;
        }
    }
    assert(!b);
}

// expect: verified
#[verifier::exec_allows_no_decreases_clause]
fn lbl_break_inner(b: bool) {
    'x: while b {
        'y: while b {
            break 'y;
        }
    }
    assert(!b);
}

// expect: verified
#[verifier::exec_allows_no_decreases_clause]
fn lbl_never_leaves() {
    'x: loop {
        'y: loop {
            break 'y;
        }
    }
    assert(false);
}

// expect: failed assertion
#[verifier::exec_allows_no_decreases_clause]
fn lbl_leaves_outer() {
    'x: loop {
        'y: loop {
            break 'x;
        }
    }
    assert(false);
}

// expect: error
#[verifier::exec_allows_no_decreases_clause]
fn lbl_undeclared() {
    loop {
        break 'z;
    }
}

// expect: failed invariant-preserved
#[verifier::exec_allows_no_decreases_clause]
fn lbl_continue_outer_checks_invariant(n: u8) {
    let mut i: u8 = 0;
    let mut c: u8 = 0;
    'outer: while i < n
        invariant
            i <= n,
            c <= i,
    {
        i = i + 1;
        c = i;
        let mut j: u8 = 0;
        while j < 3
            invariant
                j <= 3,
                c == i,
                i <= n,
            decreases 3 - j,
        {
            j = j + 1;
            if j == 2 {
                c = n;
                continue 'outer;
            }
        }
    }
}


// `-> !`: a function that never returns (read as `ensures false`)
// expect: verified
#[verifier::external_body]
fn nv_abort() -> ! {
    loop {}
}

// expect: verified
fn nv_after_abort_unreachable() {
    nv_abort();
    assert(false);
}

// expect: verified
fn nv_let_else(o: Option<u8>) -> (r: u8)
    ensures
        r == o->0,
{
    let Some(v) = o else {
        nv_abort();
    };
    v
}

// expect: failed postcondition
fn nv_returns_normally() -> ! {
}


// expect: verified
#[verifier::external_body]
fn nv_abort_positive(x: u8) -> !
    requires
        x > 0,
{
    loop {}
}

// expect: failed precondition
fn nv_call_checks_requires() {
    nv_abort_positive(0);
}


// expect: verified
#[verifier::exec_allows_no_decreases_clause]
fn le_else_loops_forever(x: u64) {
    let y = x else {
        loop {}
    };
    assert(y == x);
}

// expect: error
#[verifier::exec_allows_no_decreases_clause]
fn lbl_unlabelled_break_in_while_condition(n: u64) {
    let mut i = 0u64;
    loop {
        while ({ if n == 0 { break; } i < 10 }) {
            i += 1;
        }
    }
}

// expect: unsupported
#[verifier::exec_allows_no_decreases_clause]
fn lbl_labelled_break_in_while_condition(n: u64) {
    let mut i = 0u64;
    'a: while ({ if n == 0 { break 'a; } i < 10 }) {
        i += 1;
    }
}


// expect: error
#[verifier::exec_allows_no_decreases_clause]
fn lbl_continue_to_loop_with_decreases() {
    'a: loop
        decreases 3u8,
    {
        loop {
            continue 'a;
        }
    }
}

// expect: error
#[verifier::exec_allows_no_decreases_clause]
fn lbl_break_across_isolation(b: bool) {
    #[verifier::loop_isolation(false)]
    'outer: loop {
        #[verifier::loop_isolation(true)]
        while b {
            break 'outer;
        }
        break;
    }
}


// a `Ghost` local written with `g@ = v` in a loop is one of the loop's variables
// expect: verified
fn lg_ghost_in_loop(n: u64) -> (r: Ghost<Seq<u64>>)
    ensures
        r@.len() == n,
{
    let mut g: Ghost<Seq<u64>> = Ghost(Seq::empty());
    let mut i: u64 = 0;
    while i < n
        invariant
            i <= n,
            g@.len() == i,
        decreases n - i,
    {
        proof {
            g@ = g@.push(i);
        }
        i = i + 1;
    }
    g
}

// expect: failed postcondition
fn lg_ghost_in_loop_forgotten(n: u64) -> (r: Ghost<Seq<u64>>)
    ensures
        r@.len() == 0,
{
    let mut g: Ghost<Seq<u64>> = Ghost(Seq::empty());
    let mut i: u64 = 0;
    while i < n
        invariant
            i <= n,
        decreases n - i,
    {
        proof {
            g@ = g@.push(i);
        }
        i = i + 1;
    }
    g
}

// (a `loop`'s value is not modelled)
// expect: unsupported
fn ct_break_with_value() {
    let x = loop
        decreases 1int,
    {
        break 5u8;
    };
    assert(x == 5);
}


// ---- `#[verifier::allow_complex_invariants]`: `invariant_except_break` / `ensures` on loops
// that see the facts before them (`loop_isolation(false)`)

// expect: verified
#[verifier::loop_isolation(false)]
#[verifier::allow_complex_invariants]
fn ci_except_break() {
    let mut i: u32 = 0;
    while i < 10
        invariant_except_break
            i <= 10,
        invariant
            0 <= i <= 10,
        decreases 10 - i,
    {
        i = i + 1;
    }
    assert(i == 10);
}

// expect: failed invariant-preserved
#[verifier::loop_isolation(false)]
#[verifier::allow_complex_invariants]
fn ci_except_break_broken() {
    let mut i: u32 = 0;
    while i < 100
        invariant_except_break
            i < 10,
        invariant
            i <= 100,
        decreases 100 - i,
    {
        i = i + 1;
    }
}

// expect: failed assertion
#[verifier::loop_isolation(false)]
#[verifier::allow_complex_invariants]
fn ci_loop_ensures_wrong() {
    let mut i: u32 = 0;
    loop
        invariant
            i <= 10,
        ensures
            i == 9,
        decreases 10 - i,
    {
        if i == 10 {
            break;
        }
        i = i + 1;
    }
}

// expect: error
#[verifier::allow_complex_invariants]
fn ci_needs_no_isolation() {
}

// ---- `#![verifier::loop_isolation(false)]` at the top of a module holds for its functions (and
// the modules inside it), unless a function says otherwise

mod loops_not_isolated {
    #![verifier::loop_isolation(false)]

    mod inner {
        // expect: verified
        #[verifier::allow_complex_invariants]
        fn ci_module_default() {
            let mut i: u32 = 0;
            while i < 10
                invariant_except_break
                    i <= 10,
                invariant
                    0 <= i <= 10,
                decreases 10 - i,
            {
                i = i + 1;
            }
            assert(i == 10);
        }
    }

    // expect: error
    #[verifier::loop_isolation(true)]
    #[verifier::allow_complex_invariants]
    fn ci_module_overridden() {
    }
}

// expect: error
#[verifier::allow_complex_invariants]
fn ci_outside_the_module() {
}

// ---- `while let P = e`: Rust's `loop { match e { P => body, _ => break } }`, the clauses the loop's

enum CtMaybe {
    Some(u64),
    None,
}

// expect: verified
fn ct_while_let(v: Vec<u64>) {
    let mut i: usize = 0;
    while let Some(x) = if i < v.len() { Some(v[i]) } else { None }
        invariant i <= v.len(),
        decreases v.len() - i,
    {
        assert(x == v[i as int]);
        i = i + 1;
    }
    // (the loop ends where the pattern does not match)
    assert(i == v.len());
}

// expect: failed assertion
fn ct_while_let_after_wrong(v: Vec<u64>) {
    let mut i: usize = 0;
    while let Some(x) = if i < v.len() { Some(v[i]) } else { None }
        invariant i <= v.len(),
        decreases v.len() - i,
    {
        i = i + 1;
    }
    assert(i < v.len());
}

// expect: failed decreases
fn ct_while_let_no_progress() {
    let mut i: u64 = 0;
    while let CtMaybe::Some(x) = if i < 3 { CtMaybe::Some(i) } else { CtMaybe::None }
        invariant i <= 3,
        decreases 3 - i,
    {
        if x == 1 {
            continue;
        }
        i = i + 1;
    }
}

// ---- `#[verifier::allow(..)]` of a warning Verus would give: no meaning

// expect: verified
#[verifier::allow(decreases_when_exec_allows_no_decreases_clause)]
fn ct_allow_warning(i: u64) -> (r: u64)
    ensures r == i,
    decreases i,
{
    if i == 0 { 0 } else { 1 + ct_allow_warning(i - 1) }
}

// expect: failed postcondition
#[verifier::allow(decreases_when_exec_allows_no_decreases_clause)]
fn ct_allow_warning_wrong(i: u64) -> (r: u64)
    ensures r == i + 1,
    decreases i,
{
    if i == 0 { 0 } else { 1 + ct_allow_warning_wrong(i - 1) }
}

// `#[verus::internal(loop_isolation_boundary)]` on a block: a loop inside it knows nothing of the
// variables declared outside the block (only its invariants); those declared inside keep their values
// expect: verified
#[verifier::exec_allows_no_decreases_clause]
fn ctl_isolation_boundary_inner(n: u64) {
    let mut i = 0;
    #[verus::internal(loop_isolation_boundary)]
    {
        let x = 5;
        let mut j = 0;
        while j < 10 {
            assert(x == 5);
            j = j + 1;
        }
    }
}

// expect: failed assertion
#[verifier::exec_allows_no_decreases_clause]
fn ctl_isolation_boundary_outer(n: u64) {
    let y = 5;
    #[verus::internal(loop_isolation_boundary)]
    {
        let mut j = 0;
        while j < 10 {
            assert(y == 5);
            j = j + 1;
        }
    }
}

// expect: failed assertion
#[verifier::exec_allows_no_decreases_clause]
fn ctl_isolation_boundary_param(x: u64) {
    #[verus::internal(loop_isolation_boundary)]
    {
        let mut j = 0;
        while j < 10 {
            assert(x == x + 0 && j < 10 ==> x < 100);
            j = j + 1;
        }
    }
}

// expect: failed assertion
#[verifier::exec_allows_no_decreases_clause]
fn ctl_isolation_boundary_mut_outer() {
    let mut n: u64 = 3;
    #[verus::internal(loop_isolation_boundary)]
    {
        let mut j = 0;
        while j < 10 {
            assert(n == 3);
            j = j + 1;
        }
    }
}

} // verus!
