// Module privacy of spec fn bodies (Verus): a `closed` (or unmarked) spec fn's body is visible
// in its own module and the modules inside it only; elsewhere the function is uninterpreted and
// only its lemmas say anything about it. `open` bodies are visible where the function is,
// `open(crate)` / `open(in m)` where they say. Each hidden body has a program that must fail
// outside its module beside the same program inside it, or through a lemma, that verifies.
use vstd::prelude::*;

verus! {

mod pv_inner {
    // expect: verified
    pub closed spec fn pv_hidden(x: int) -> bool {
        x > 0
    }

    // expect: verified
    pub open spec fn pv_shown(x: int) -> bool {
        pv_hidden(x)
    }

    // expect: verified
    pub proof fn pv_reveal(x: int)
        requires
            x > 0,
        ensures
            pv_hidden(x),
    {
    }

    // expect: verified
    pub spec fn pv_unmarked(x: int) -> int {
        x + 1
    }

    // expect: verified
    pub open(crate) spec fn pv_open_crate(x: int) -> int {
        x + 2
    }

    // expect: verified
    proof fn pv_inside() {
        assert(pv_hidden(1));
        assert(pv_shown(1));
        assert(pv_unmarked(1) == 2);
    }

    pub mod pv_child {
        // expect: verified
        proof fn pv_child_sees_parent() {
            assert(super::pv_hidden(2));
        }

        // expect: verified
        pub closed spec fn pv_child_hidden(x: int) -> bool {
            x == 7
        }
    }

    // expect: failed assertion
    proof fn pv_parent_not_child() {
        assert(pv_child::pv_child_hidden(7));
    }
}

// expect: failed assertion
proof fn pv_outside_hidden() {
    assert(pv_inner::pv_hidden(1));
}

// expect: failed assertion
proof fn pv_outside_through_open() {
    assert(pv_inner::pv_shown(1));
}

// expect: failed assertion
proof fn pv_outside_unmarked() {
    assert(pv_inner::pv_unmarked(1) == 2);
}

// expect: verified
proof fn pv_outside_lemma() {
    pv_inner::pv_reveal(1);
    assert(pv_inner::pv_shown(1));
}

// expect: verified
proof fn pv_outside_open_crate() {
    assert(pv_inner::pv_open_crate(1) == 3);
}

// expect: verified
proof fn pv_outside_congruence(a: int, b: int)
    requires
        a == b,
    ensures
        pv_inner::pv_hidden(a) == pv_inner::pv_hidden(b),
{
}

mod pv_outer {
    pub mod pv_leaf {
        // expect: verified
        pub open(super) spec fn pv_to_outer() -> int {
            5
        }
    }

    // expect: verified
    proof fn pv_outer_sees() {
        assert(pv_leaf::pv_to_outer() == 5);
    }
}

// `open(super)` of `pv_outer::pv_leaf` reaches `pv_outer`, not the crate root
// expect: failed assertion
proof fn pv_root_not_in_super_scope() {
    assert(pv_outer::pv_leaf::pv_to_outer() == 5);
}

mod pv_traits {
    pub trait PvShape {
        spec fn pv_size(&self) -> int;
    }

    pub struct PvSquare {
        pub side: u8,
    }

    impl PvShape for PvSquare {
        // an open method of a trait impl is as visible as the trait
        // expect: verified
        open spec fn pv_size(&self) -> int {
            self.side + 1
        }
    }
}

use pv_traits::PvShape;

// expect: verified
proof fn pv_trait_impl_body_seen(s: pv_traits::PvSquare)
    requires
        s.side == 3,
    ensures
        s.pv_size() == 4,
{
}

// ---- `reveal` of a body this code cannot see is Verus's error

mod pv_hidden {
    // expect: verified
    pub closed spec fn pv_closed_count(u: u64) -> u64
        decreases u,
    {
        if u == 0 { 0 } else { pv_closed_count((u - 1) as u64) }
    }

    // expect: verified
    #[verifier::opaque]
    pub open spec fn pv_open_succ(u: u64) -> int {
        u + 1
    }

    // Inside its module the closed body is visible.
    // expect: verified
    pub proof fn pv_reveal_inside() {
        reveal(pv_closed_count);
        assert(pv_closed_count(0) == 0);
    }
}

// expect: error
proof fn pv_reveal_closed_outside() {
    reveal(pv_hidden::pv_closed_count);
    assert(pv_hidden::pv_closed_count(0) == 0);
}

// expect: verified
proof fn pv_reveal_open_outside() {
    reveal(pv_hidden::pv_open_succ);
    assert(pv_hidden::pv_open_succ(0) == 1);
}

// expect: failed assertion
proof fn pv_reveal_open_outside_wrong() {
    reveal(pv_hidden::pv_open_succ);
    assert(pv_hidden::pv_open_succ(0) == 0);
}

// ---- a public function's `requires` / `ensures` mention only what its callers can see

mod pv_clauses {
    // expect: verified
    spec fn pv_small(x: u64) -> bool {
        x < 10
    }

    // expect: verified
    pub open spec fn pv_small_pub(x: u64) -> bool {
        x < 10
    }

    pub struct PvBox { pub shown: u64, hidden: u64 }

    // A private spec fn in a public function's precondition.
    // expect: error
    pub fn pv_requires_private(x: u64)
        requires pv_small(x),
    {
    }

    // A field of a struct whose other fields are private (an opaque datatype to callers).
    // expect: error
    pub fn pv_ensures_opaque_field(b: &PvBox) -> (r: u64)
        ensures r == b.shown,
    {
        b.shown
    }

    // A private function may say the same.
    // expect: verified
    fn pv_requires_private_ok(x: u64)
        requires pv_small(x),
    {
        assert(x < 10);
    }

    // expect: verified
    pub fn pv_requires_public(x: u64) -> (r: u64)
        requires pv_small_pub(x),
        ensures r < 20,
    {
        x + x
    }

    // expect: failed postcondition
    pub fn pv_requires_public_wrong(x: u64) -> (r: u64)
        requires pv_small_pub(x),
        ensures r < 10,
    {
        x + x
    }
}


// ---- `#[verifier(opaque_outside_module)]`: the body is seen in its module (and the modules
// inside it) and revealed elsewhere

mod pv_opaque_outside {
    pub struct PvCar {
        pub doors: u8,
    }

    // expect: verified
    #[verifier(opaque_outside_module)]
    pub open spec fn pv_four_doors(c: PvCar) -> bool {
        c.doors == 4
    }

    // expect: verified
    proof fn pv_inside_sees_body() {
        assert(pv_four_doors(PvCar { doors: 4 }));
    }

    pub mod pv_nested {
        // expect: verified
        proof fn pv_nested_sees_body() {
            assert(super::pv_four_doors(super::PvCar { doors: 4 }));
        }
    }
}

// expect: failed assertion
proof fn pv_oom_hidden() {
    assert(pv_opaque_outside::pv_four_doors(pv_opaque_outside::PvCar { doors: 4 }));
}

// expect: verified
proof fn pv_oom_revealed() {
    reveal(pv_opaque_outside::pv_four_doors);
    assert(pv_opaque_outside::pv_four_doors(pv_opaque_outside::PvCar { doors: 4 }));
}

// (revealed, the body is the body: three doors are not four)
// expect: failed assertion
proof fn pv_oom_revealed_wrong() {
    reveal(pv_opaque_outside::pv_four_doors);
    assert(pv_opaque_outside::pv_four_doors(pv_opaque_outside::PvCar { doors: 3 }));
}

} // verus!
