// Verus's attribute form: plain Rust items that `#[verus_spec]` / `#[verus_verify]` make verified
// code, with `proof!{..}` and `proof_decl!{..}` in their bodies and `#[verus_spec(..)]` on loops.
// Plain items without them are not verified (Verus: external by default).
use vstd::prelude::*;

// expect: verified
#[verus_spec(r =>
    requires x < 10
    ensures r == x + 1
)]
fn af_increment(x: u32) -> u32 {
    x + 1
}

// expect: failed postcondition
#[verus_spec(r =>
    requires x < 10
    ensures r == x + 2
)]
fn af_increment_wrong(x: u32) -> u32 {
    x + 1
}

// expect: failed overflow
#[verus_spec]
fn af_no_requires(x: u32) -> u32 {
    x + 1
}

// expect: verified
#[verus_verify]
fn af_call() {
    let y = af_increment(3);
    proof! { assert(y == 4); }
}

// expect: failed precondition
#[verus_verify]
fn af_call_outside_requires() {
    let _ = af_increment(30);
}

// expect: verified
#[verus_spec]
fn af_while() {
    let mut i = 0;
    #[verus_spec(
        invariant
            i <= 10,
        decreases 10 - i
    )]
    while i < 10 {
        i = i + 1;
    }
    proof! { assert(i == 10); }
}

// expect: failed assertion
#[verus_spec]
fn af_while_without_invariant() {
    let mut i = 0;
    #[verus_spec(decreases 10 - i)]
    while i < 10 {
        i = i + 1;
    }
    proof! { assert(i == 10); }
}

// expect: failed invariant-entry
#[verus_spec]
fn af_while_false_invariant() {
    let mut i = 0;
    #[verus_spec(invariant i <= 10, false decreases 10 - i)]
    while i < 10 {
        i = i + 1;
    }
}

// expect: verified
#[verus_spec(v =>
    ensures v == n
)]
fn af_for_named_iterator(n: u32) -> u32 {
    let mut v: u32 = 0;
    #[verus_spec(it =>
        invariant v == it.index(), it.index() <= n
    )]
    for _i in 0..n {
        v = v + 1;
    }
    v
}

// expect: verified
#[verus_spec]
fn af_proof_decl() {
    proof_decl! {
        let ghost mut g;
        let tracked t = false;
        g = 2int;
        assert(!t);
    }
    proof! { assert(g == 2); }
}

// expect: failed assertion
#[verus_spec]
fn af_proof_decl_wrong() {
    proof_decl! {
        let ghost g = 2int;
        assert(g == 3);
    }
}

// expect: verified
#[verus_verify(external_body)]
#[verus_spec(r => ensures r)]
fn af_trusted() -> bool {
    false
}

// expect: verified
#[verus_spec]
fn af_use_trusted() {
    let r = af_trusted();
    proof! { assert(r); }
}

// not verified: Verus's `external`, and plain Rust is what it means
#[verus_verify(external)]
fn af_external(x: u32) -> u32 {
    x + 1
}

fn af_plain(x: u32) -> u32 {
    x + 1
}

#[verus_verify]
struct AfCounter {
    n: u32,
}

#[verus_verify]
impl AfCounter {
    // expect: verified
    #[verus_spec(r =>
        requires self.n < 100
        ensures r == self.n + 1
    )]
    fn af_next(&self) -> u32 {
        self.n + 1
    }

    // expect: failed overflow
    fn af_next_unchecked(&self) -> u32 {
        self.n + 1
    }
}

#[verus_verify]
trait AfShape {
    #[verus_spec(r =>
        ensures r > 0
    )]
    fn af_sides(&self) -> u32;
}

#[verus_verify]
impl AfShape for AfCounter {
    // expect: failed postcondition
    fn af_sides(&self) -> u32 {
        self.n
    }
}

// ---- `with`: ghost inputs (more parameters) and a ghost output (the result and it, a pair), given
// at a call by `#[verus_spec(with a, b => p)]` or `proof_with!{a, b => p}`, returned by
// `#[verus_spec(with |= g)]` at the body's tail

// expect: verified
#[verus_spec(ret =>
    with
        Tracked(y): Tracked<&mut int>,
        Ghost(w): Ghost<u32>,
        -> z: Ghost<u32>
    requires
        x < 100,
    ensures
        *y == x,
        ret == x,
        z@ == x,
)]
fn af_with(x: u32) -> u32 {
    proof! {
        *y = x as int;
    }
    #[verus_spec(with |= Ghost(x))]
    x
}

// expect: verified
#[verus_spec]
fn af_with_caller() {
    proof_decl! {
        let tracked mut y = 0int;
    }
    #[verus_spec(with Tracked(&mut y), Ghost(0) => Ghost(z))]
    let r = af_with(7);
    proof! {
        assert(y == 7);
        assert(z == 7);
        assert(r == 7);
    }
}

// the ghost output is what the callee promises, no more
// expect: failed assertion
#[verus_spec]
fn af_with_caller_wrong() {
    proof_decl! {
        let tracked mut y = 0int;
    }
    #[verus_spec(with Tracked(&mut y), Ghost(0) => Ghost(z))]
    let r = af_with(7);
    proof! {
        assert(z == 8);
    }
}

// a body that does not give what it promises of its ghost output
// expect: failed postcondition
#[verus_spec(ret =>
    with
        -> z: Ghost<u32>
    ensures
        z@ == x,
)]
fn af_with_wrong_output(x: u32) -> u32 {
    #[verus_spec(with |= Ghost(0))]
    x
}

// a call that leaves out the ghost inputs
// expect: error
#[verus_spec]
fn af_with_missing_inputs() {
    let r = af_with(7);
}

// constants: `#[verus_spec]` makes one Verus's, `#[verus_spec(ensures ..)]` an exec constant
// with that contract (`exec const X: T ensures .. { value }`); a plain one is not Verus's
#[verus_spec]
const AF_DUAL: u64 = 42;

// expect: verified
#[verus_spec(ensures AF_ENSURED == 42)]
const AF_ENSURED: u64 = 40 + 2;

// expect: failed postcondition
#[verus_spec(ensures AF_ENSURED_WRONG == 41)]
const AF_ENSURED_WRONG: u64 = 42;

const AF_PLAIN: u64 = 42;

// expect: verified
#[verus_spec]
fn af_reads_constants() {
    let v = AF_DUAL;
    let w = AF_ENSURED;
    proof! {
        assert(v == 42);
        assert(AF_DUAL == 42);
        assert(w == 42);
    }
}

// (an exec constant is read in exec code only: Verus's "cannot read const with mode exec")
// expect: error
#[verus_spec]
fn af_reads_exec_constant_in_ghost() {
    proof! {
        assert(AF_ENSURED == 42);
    }
}

// expect: error
#[verus_spec]
fn af_reads_plain_constant() {
    let v = AF_PLAIN;
}

// `#[verus_spec(r: T => requires .. ensures ..)]` on a closure in a verified function: the
// closure's clauses (the name and type of its result from the spec)
// expect: verified
#[verus_spec]
fn af_closure_spec() {
    let f = #[verus_spec(z: u64 =>
        requires y == 2
        ensures z == 2
    )]
    |y: u64| { y };
    proof! {
        assert(f.requires((2,)));
        assert(!f.ensures((2,), 3));
    }
    let t = f(2);
    proof! { assert(t == 2); }
}

// expect: failed precondition
#[verus_spec]
fn af_closure_spec_requires() {
    let f = #[verus_spec(z: u64 =>
        requires y == 2
        ensures z == 2
    )]
    |y: u64| { y };
    let t = f(3);
}
