// vstd's `Prophecy<T>` from the verifier's library: its value `p@` is known from allocation on
// and fixed by its one `resolve`, for a `T: Structural` (integers, booleans, datatypes deriving
// `Structural`). A `let ghost` local may be assigned in proof code (Verus declares it mutable).
use vstd::prelude::*;
use vstd::proph::*;

verus! {

// expect: verified
fn pv_decide_early() {
    let ghost x: int = 1;
    let p = Prophecy::<bool>::new();
    proof {
        if p@ {
            x = 2;
        } else {
            x = 3;
        }
    }
    p.resolve(&true);
    assert(x == 2);
}

// expect: failed assertion
fn pv_decide_early_wrong() {
    let ghost x: int = 1;
    let p = Prophecy::<bool>::new();
    proof {
        if p@ {
            x = 2;
        } else {
            x = 3;
        }
    }
    p.resolve(&false);
    assert(x == 2);
}

// (before its resolution nothing is known of the value)
// expect: failed assertion
fn pv_unknown_before() {
    let p = Prophecy::<u64>::new();
    assert(p@ == 7);
    p.resolve(&7);
}

#[derive(PartialEq, Eq, Structural)]
struct PvPair {
    a: u64,
    b: bool,
}

// expect: verified
fn pv_datatype() {
    let p = Prophecy::<PvPair>::new();
    p.resolve(&PvPair { a: 1, b: false });
    assert(p@ == PvPair { a: 1, b: false });
}

struct PvPlain {
    a: u64,
}

// (only a `Structural` type)
// expect: error
fn pv_not_structural() {
    let p = Prophecy::<PvPlain>::new();
}

// (an exec local is still rustc's: assigning it twice is refused)
// expect: error
fn pv_exec_immutable() {
    let x: u64 = 1;
    x = 2;
}

// (a proof fn's spec parameter is not mutable: Verus's "variable `x` is not marked mutable")
// expect: error
proof fn pv_spec_param_immutable(x: u64) {
    x = 5;
}

} // verus!
