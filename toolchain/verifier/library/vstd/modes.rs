// vstd::modes: moving tracked values.
verus! {

/// Swaps two tracked values (the primitive tracked code uses to move a value out from behind a
/// `&mut`). Trusted: an axiom, as in vstd.
pub axiom fn tracked_swap<V>(tracked a: &mut V, tracked b: &mut V)
    ensures
        *final(a) == *old(b),
        *final(b) == *old(a),
;

} // verus!
