// More expected failures: each one a program that a sloppy verifier would wrongly accept.
verus! {

struct Duo { a: u64, b: u64 }

impl Duo {
    // expect: verified
    fn set_a(&mut self, v: u64)
        ensures self.a == v,
    {
        self.a = v;
    }
}

// expect: failed assertion
fn mut_self_call_havocs_unmentioned_fields(p: &mut Duo)
    requires old(p).b == 5,
{
    p.set_a(1);
    assert(p.b == 5);
}

// expect: failed postcondition
fn old_is_the_entry_value(x: &mut u32)
    requires *old(x) < 10,
    ensures *x == *old(x),
{
    *x = *x + 1;
    *x = *x - 1;
    *x = *x + 1;
}

// expect: failed assertion
fn spec_cast_truncates(x: u16)
    requires x == 300,
{
    assert((x as u8) == 300);
}

// expect: failed overflow
fn overflow_in_loop_body(n: u8) {
    let mut i: u8 = 0;
    let mut acc: u8 = 0;
    while i < n
        invariant i <= n,
        decreases n - i,
    {
        acc = acc + 2;
        i = i + 1;
    }
}

// expect: failed unwrap
fn unwrap_in_loop(v: [Option<u8>; 4]) -> u8 {
    let mut i: usize = 0;
    let mut last: u8 = 0;
    while i < 4
        invariant i <= 4,
        decreases 4 - i,
    {
        last = v[i].unwrap();
        i = i + 1;
    }
    last
}

// expect: failed division-by-zero
fn modulo_by_field(p: Duo) -> u64 {
    p.a % p.b
}

// expect: failed index-bounds
fn index_after_loop(a: [u32; 8]) -> u32 {
    let mut i: usize = 0;
    while i < 8
        invariant i <= 8,
        decreases 8 - i,
    {
        i = i + 1;
    }
    a[i]
}

// expect: failed precondition
fn precondition_in_branch(x: u64, c: bool) -> u64 {
    if c {
        take_small(x)
    } else {
        0
    }
}

// expect: verified
fn take_small(x: u64) -> (r: u64)
    requires x < 100,
    ensures r == x,
{
    x
}

// expect: failed invariant-entry
fn invariant_uses_stale_fact(n: u64)
    requires n > 10,
{
    let mut i: u64 = n;
    i = 0;
    while i < n
        invariant i >= 10, i <= n,
        decreases n - i,
    {
        i = i + 1;
    }
}

// expect: failed postcondition
fn match_arm_forgotten(o: Option<u32>) -> (r: u32)
    ensures o.is_some() ==> r == o.unwrap(),
{
    match o {
        Some(v) => if v > 3 { v } else { 0 },
        None => 0,
    }
}

// expect: failed decreases
fn loop_decreases_on_wrong_var(n: u64) {
    let mut i: u64 = 0;
    let mut j: u64 = 100;
    while i < n
        invariant i <= n,
        decreases j,
    {
        i = i + 1;
    }
}


// `axiom fn`: a proof fn without a body whose postcondition is trusted
// expect: verified
axiom fn misc_axiom_pos(x: int)
    requires x > 0,
    ensures x * x > 0;

// expect: verified
proof fn misc_axiom_use(y: int)
    requires y > 3,
{
    misc_axiom_pos(y);
    assert(y * y > 0);
}

// expect: failed precondition
proof fn misc_axiom_unmet(y: int) {
    misc_axiom_pos(y);
}

// (Verus: an axiom has no body)
// expect: error
axiom fn misc_axiom_with_body(x: int)
    ensures x == x,
{
}


} // verus!
