// Binders: quantifier / choose / assert-forall binders whose type is inferred from their uses,
// `choose` and its meaning, unit values.
verus! {

// expect: verified
spec fn bnd_small(x: u8) -> bool {
    x < 200
}

// expect: verified
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

// ---- choose

// expect: verified
spec fn bnd_gt(i: int, k: int) -> bool {
    i > k
}

// expect: verified
spec fn bnd_never(n: nat) -> bool {
    false
}

// expect: verified
spec fn bnd_pick(s: Set<int>) -> int {
    choose|x: int| s.contains(x)
}

// expect: verified
proof fn bnd_choose_witness() {
    assert(bnd_pos(7));
    let i = choose|i: int| bnd_pos(i);
    assert(i > 0);
}

// expect: failed assertion
proof fn bnd_choose_no_witness() {
    // nothing says some value satisfies the body: the chosen value is arbitrary
    let i = choose|i: int| bnd_pos(i);
    assert(i > 0);
}

// expect: failed assertion
proof fn bnd_choose_unsatisfiable() {
    let i = choose|i: int| bnd_gt(i, 5) && !bnd_gt(i, 3);
    assert(bnd_gt(i, 5));
}

// expect: failed assertion
proof fn bnd_choose_unsatisfiable_false() {
    // an unsatisfiable choice is no contradiction
    let i = choose|i: int| bnd_gt(i, 5) && !bnd_gt(i, 3);
    assert(false);
}

// expect: verified
proof fn bnd_choose_nat_typed() {
    let n = choose|n: nat| bnd_never(n);
    assert(n >= 0);
}

// expect: failed assertion
proof fn bnd_choose_nat_typed_bad() {
    let n = choose|n: nat| bnd_never(n);
    assert(n > 0);
}

// expect: verified
proof fn bnd_choose_free_var(k: int) {
    assert(bnd_gt(k + 1, k));
    let c = choose|i: int| bnd_gt(i, k);
    assert(c > k);
}

// expect: failed assertion
proof fn bnd_choose_free_var_bad(k: int) {
    assert(bnd_gt(k + 1, k));
    let c = choose|i: int| bnd_gt(i, k);
    assert(c > k + 1);
}

// expect: verified
proof fn bnd_choose_in_spec_fn(s: Set<int>)
    requires s.contains(3),
    ensures s.contains(bnd_pick(s)),
{
}

// expect: failed postcondition
proof fn bnd_choose_in_spec_fn_bad(s: Set<int>)
    ensures s.contains(bnd_pick(s)),
{
}

// expect: verified
proof fn bnd_choose_pair() {
    assert(bnd_pos(1) && bnd_pos(2));
    let (a, b) = choose|x: int, y: int| bnd_pos(x) && bnd_pos(y);
    assert(a > 0 && b > 0);
}

// expect: failed assertion
proof fn bnd_choose_pair_bad() {
    assert(bnd_pos(1) && bnd_pos(2));
    let (a, b) = choose|x: int, y: int| bnd_pos(x) && bnd_pos(y);
    assert(a == b);
}

// expect: verified
proof fn bnd_choose_same_choice(k: int) {
    // the same choice is the same value (a function of the variables it reads)
    let c1 = choose|i: int| bnd_gt(i, k);
    let c2 = choose|i: int| bnd_gt(i, k);
    assert(c1 == c2);
}

// expect: verified
proof fn bnd_choose_same_after_constants(k: int) {
    // constants are evaluated first (as Verus): both bodies are `bnd_gt(i, k) && true`
    let c1 = choose|i: int| bnd_gt(i, k) && (1 + 1 == 2);
    let c2 = choose|i: int| bnd_gt(i, k) && (2 + 2 == 4);
    assert(c1 == c2);
}

// expect: failed assertion
proof fn bnd_choose_commuted(k: int) {
    // equivalent bodies written differently are different choices (no extensionality, as Verus)
    let c1 = choose|i: int| bnd_gt(i, k) && (2 + 2 == 4);
    let c2 = choose|i: int| (2 + 2 == 4) && bnd_gt(i, k);
    assert(c1 == c2);
}

// expect: failed assertion
proof fn bnd_choose_other_choice(k: int, j: int) {
    let c1 = choose|i: int| bnd_gt(i, k);
    let c2 = choose|i: int| bnd_gt(i, j);
    assert(c1 == c2);
}

// expect: failed assertion
proof fn bnd_choose_in_quantifier() {
    // each k has its own choice; nothing is known about them
    assert(forall|k: int| #[trigger] bnd_pos(k) ==> bnd_gt(choose|i: int| bnd_gt(i, k), k));
}

// expect: verified
proof fn bnd_choose_in_quantifier_ok() {
    assert forall|k: int| #[trigger] bnd_pos(k) implies bnd_gt(choose|i: int| bnd_gt(i, k), k) by {
        assert(bnd_gt(k + 1, k));
    }
}

// expect: error
fn bnd_choose_in_exec() -> (r: u8) {
    // a choice is a spec value: exec code cannot compute it
    let c = choose|i: u8| bnd_small(i);
    c
}

// expect: verified
fn bnd_choose_in_ghost_of_exec() {
    let ghost c = choose|i: int| bnd_pos(i);
    assert(bnd_pos(4));
    assert(c > 0);
}

// ---- unit values

// expect: verified
fn bnd_unit_callee(a: u8, b: u8)
    requires a == b,
    ensures a == b,
{
}

// expect: verified
fn bnd_unit_result() {
    let x: () = bnd_unit_callee(1, 1);
    assert(x == ());
}

// expect: failed assertion
fn bnd_unit_result_bad() {
    let x: () = bnd_unit_callee(1, 1);
    assert(x == ());
    assert(false);
}

// expect: verified
proof fn bnd_unit_named_return() -> (u: ())
    ensures u == (),
{
}

// expect: failed postcondition
proof fn bnd_unit_named_return_bad() -> (u: ())
    ensures u != (),
{
}

// expect: failed decreases
spec fn bnd_unit_spec_rec(i: nat)
    decreases i,
{
    if i != 0 { bnd_unit_spec_rec(i + 1) } else { () }
}

// expect: verified
spec fn bnd_unit_spec_rec_ok(i: nat)
    decreases i,
{
    if i != 0 { bnd_unit_spec_rec_ok((i - 1) as nat) } else { () }
}

// Verus's `choose_tuple::<(A, B), _>(|a, b| p)`: the `choose` of two binders, as a tuple of the
// written type.
// expect: verified
spec fn bi_le(i: int, j: int) -> bool {
    i <= j
}

// expect: verified
proof fn bi_choose_tuple() {
    assert(bi_le(7, 8));
    let (i, j) = choose_tuple::<(int, int), _>(|i: int, j: int| bi_le(i, j));
    assert(i <= j);
}

// expect: failed assertion
proof fn bi_choose_tuple_no_witness() {
    let (i, j) = choose_tuple::<(int, int), _>(|i: int, j: int| bi_le(i, j));
    assert(i <= j);
}

// expect: error
proof fn bi_choose_tuple_wrong_type() {
    let p = choose_tuple::<(int, nat), _>(|i: int, j: int| bi_le(i, j));
}

} // verus!
