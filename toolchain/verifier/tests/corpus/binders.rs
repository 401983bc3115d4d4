// Binders: quantifier / choose / assert-forall binders whose type is inferred from their uses,
// `choose` and its meaning, unit values.
verus! {

spec fn bnd_small(x: u8) -> bool {
    x < 200
}

spec fn bnd_pos(i: int) -> bool {
    0 < i
}

// expect: verified
proof fn bnd_infer_from_call_arg() {
    // `i` is a u8 (from `bnd_small`'s parameter): its range is known
    assert(forall|i| #[trigger] bnd_small(i) ==> i < 256);
}

// expect: failed assertion
proof fn bnd_infer_from_call_arg_bad() {
    assert(forall|i| #[trigger] bnd_small(i) ==> i < 100);
}

// expect: verified
proof fn bnd_infer_exists_int() {
    assert(bnd_pos(3));
    assert(exists|i| 0 <= i && bnd_pos(i));
}

// expect: failed assertion
proof fn bnd_infer_exists_bad() {
    // no witness is known
    assert(exists|i| i < 0 && bnd_pos(i));
}

// expect: verified
proof fn bnd_infer_seq_index(s: Seq<u32>)
    requires forall|i| 0 <= i < s.len() ==> #[trigger] s[i] > 3,
{
    assert forall|j| 0 <= j < s.len() implies #[trigger] s[j] > 2 by {}
}

// expect: failed assertion
proof fn bnd_infer_seq_index_bad(s: Seq<u32>)
    requires forall|i| 0 <= i < s.len() ==> #[trigger] s[i] > 3,
{
    assert forall|j| 0 <= j < s.len() implies #[trigger] s[j] > 4 by {}
}

// expect: error
proof fn bnd_infer_unknown() {
    // nothing fixes the binder's type: rustc's "type annotations needed"
    assert(forall|x| x == x);
}

}
