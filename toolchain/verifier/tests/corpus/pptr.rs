// vstd's permission model from the verifier's library (toolchain/verifier/library/vstd):
// `PPtr<V>` is an address, `PointsTo<V>` the tracked permission that says what it holds.
// Reads need a permission for that address holding a value; writes change what the permission
// says, and nothing else.
use vstd::prelude::*;
use vstd::simple_pptr::*;

verus! {

// expect: verified
fn pptr_write_then_read(ptr: PPtr<u64>, Tracked(perm): Tracked<PointsTo<u64>>) -> (r: u64)
    requires
        perm.pptr() == ptr,
    ensures
        r == 7,
{
    let tracked mut perm = perm;
    ptr.write(Tracked(&mut perm), 7);
    *ptr.borrow(Tracked(&perm))
}

// expect: failed postcondition
fn pptr_write_then_read_wrong(ptr: PPtr<u64>, Tracked(perm): Tracked<PointsTo<u64>>) -> (r: u64)
    requires
        perm.pptr() == ptr,
    ensures
        r == 8,
{
    let tracked mut perm = perm;
    ptr.write(Tracked(&mut perm), 7);
    *ptr.borrow(Tracked(&perm))
}

// Reading what the permission says the memory holds.
// expect: verified
fn pptr_read_init(ptr: PPtr<u64>, Tracked(perm): Tracked<&PointsTo<u64>>) -> (r: u64)
    requires
        perm.pptr() == ptr,
        perm.is_init(),
    ensures
        r == perm.value(),
{
    *ptr.borrow(Tracked(perm))
}

// Reading without knowing the memory is initialized.
// expect: failed precondition
fn pptr_read_without_init(ptr: PPtr<u64>, Tracked(perm): Tracked<&PointsTo<u64>>) -> (r: u64)
    requires
        perm.pptr() == ptr,
{
    *ptr.borrow(Tracked(perm))
}

// Reading through a permission for another address.
// expect: failed precondition
fn pptr_read_other_address(ptr: PPtr<u64>, Tracked(perm): Tracked<&PointsTo<u64>>) -> (r: u64)
    requires
        perm.addr() == ptr.0 + 8,
        perm.is_init(),
{
    *ptr.borrow(Tracked(perm))
}

// `from_usize` gives the pointer of that address, `addr` gives it back.
// expect: verified
fn pptr_from_usize_read(a: usize, Tracked(perm): Tracked<&PointsTo<u64>>) -> (r: u64)
    requires
        perm.addr() == a,
        perm.is_init(),
    ensures
        r == perm.value(),
{
    let p = PPtr::<u64>::from_usize(a);
    assert(p.addr() == a);
    *p.borrow(Tracked(perm))
}

// The pointer from another address does not match the permission.
// expect: failed precondition
fn pptr_from_usize_wrong_address(a: usize, Tracked(perm): Tracked<&PointsTo<u64>>) -> (r: u64)
    requires
        a < 100,
        perm.addr() == a,
        perm.is_init(),
{
    let p = PPtr::<u64>::from_usize(a + 1);
    *p.borrow(Tracked(perm))
}

// After a write, the old value is gone.
// expect: failed assertion
fn pptr_old_value_after_write(ptr: PPtr<u64>, Tracked(perm): Tracked<PointsTo<u64>>)
    requires
        perm.pptr() == ptr,
        perm.is_init(),
        perm.value() == 1,
{
    let tracked mut perm = perm;
    ptr.write(Tracked(&mut perm), 2);
    assert(perm.value() == 1);
}

// A write keeps the permission's address.
// expect: verified
fn pptr_write_keeps_address(ptr: PPtr<u64>, Tracked(perm): Tracked<PointsTo<u64>>)
    requires
        perm.pptr() == ptr,
{
    let tracked mut perm = perm;
    ptr.write(Tracked(&mut perm), 2);
    assert(perm.pptr() == ptr);
    assert(perm.addr() == ptr.addr());
    assert(perm.is_init() && perm.value() == 2);
}

// take empties the memory, put fills it again.
// expect: verified
fn pptr_take_put(ptr: PPtr<u64>, Tracked(perm): Tracked<PointsTo<u64>>) -> (r: u64)
    requires
        perm.pptr() == ptr,
        perm.is_init(),
    ensures
        r == perm.value(),
{
    let tracked mut perm = perm;
    let v = ptr.take(Tracked(&mut perm));
    assert(perm.is_uninit());
    ptr.put(Tracked(&mut perm), v);
    assert(perm.is_init());
    v
}

// put needs uninitialized memory.
// expect: failed precondition
fn pptr_put_twice(ptr: PPtr<u64>, Tracked(perm): Tracked<PointsTo<u64>>)
    requires
        perm.pptr() == ptr,
        perm.is_uninit(),
{
    let tracked mut perm = perm;
    ptr.put(Tracked(&mut perm), 1);
    ptr.put(Tracked(&mut perm), 2);
}

// take leaves nothing to read.
// expect: failed precondition
fn pptr_read_after_take(ptr: PPtr<u64>, Tracked(perm): Tracked<PointsTo<u64>>) -> (r: u64)
    requires
        perm.pptr() == ptr,
        perm.is_init(),
{
    let tracked mut perm = perm;
    let v = ptr.take(Tracked(&mut perm));
    *ptr.borrow(Tracked(&perm))
}

// A permission threaded through a helper: the helper's contract is all the caller knows.
// expect: verified
fn pptr_helper_read(ptr: PPtr<u64>, Tracked(perm): Tracked<&PointsTo<u64>>) -> (r: u64)
    requires
        perm.pptr() == ptr,
        perm.is_init(),
    ensures
        r == perm.value(),
{
    *ptr.borrow(Tracked(perm))
}

// expect: verified
fn pptr_thread_permission(ptr: PPtr<u64>, Tracked(perm): Tracked<PointsTo<u64>>) -> (r: u64)
    requires
        perm.pptr() == ptr,
    ensures
        r == 42,
{
    let tracked mut perm = perm;
    ptr.write(Tracked(&mut perm), 42);
    pptr_helper_read(ptr, Tracked(&perm))
}

// expect: failed postcondition
fn pptr_thread_permission_wrong(ptr: PPtr<u64>, Tracked(perm): Tracked<PointsTo<u64>>) -> (r: u64)
    requires
        perm.pptr() == ptr,
    ensures
        r == 41,
{
    let tracked mut perm = perm;
    ptr.write(Tracked(&mut perm), 42);
    pptr_helper_read(ptr, Tracked(&perm))
}

// Unwrapping a returned `Tracked` with a `let Tracked(x)` pattern.
// expect: verified
fn pptr_let_tracked_pattern() -> (r: u64)
    ensures r == 5,
{
    let (p, Tracked(perm)) = PPtr::<u64>::new(5);
    p.into_inner(Tracked(perm))
}

// Two permissions: writing through one says nothing new about the other's address.
// expect: failed assertion
fn pptr_two_permissions(p: PPtr<u64>, q: PPtr<u64>, Tracked(pp): Tracked<PointsTo<u64>>, Tracked(qp): Tracked<&PointsTo<u64>>)
    requires
        pp.pptr() == p,
        qp.pptr() == q,
{
    let tracked mut pp = pp;
    p.write(Tracked(&mut pp), 5);
    assert(qp.value() == 5);
}

// A generic user of the library: the value written is the value read, for every type.
// expect: verified
fn pptr_generic_replace<T>(ptr: PPtr<T>, Tracked(perm): Tracked<PointsTo<T>>, v: T) -> (r: T)
    requires
        perm.pptr() == ptr,
        perm.is_init(),
    ensures
        r == perm.value(),
{
    let tracked mut perm = perm;
    ptr.replace(Tracked(&mut perm), v)
}

// Writing needs a mutable borrow of the permission: a shared one is refused before any VC.
// expect: error
fn pptr_write_through_shared(ptr: PPtr<u64>, Tracked(perm): Tracked<&PointsTo<u64>>)
    requires
        perm.pptr() == ptr,
{
    ptr.write(Tracked(perm), 1);
}

// A ghost permission cannot be borrowed mutably (it is spec, not tracked).
// expect: error
fn pptr_write_ghost_perm(ptr: PPtr<u64>, Ghost(perm): Ghost<PointsTo<u64>>)
    requires
        perm.pptr() == ptr,
{
    let ghost mut perm = perm;
    ptr.write(Tracked(&mut perm), 1);
}

// The user's own function taking `Tracked<&mut PointsTo>`: a tracked `&mut` parameter, written
// through in its body, whose value at the return is what its caller sees.
// expect: verified
fn pptr_user_mut_perm(ptr: PPtr<u64>, Tracked(perm): Tracked<&mut PointsTo<u64>>)
    requires
        old(perm).pptr() == ptr,
    ensures
        perm.pptr() == ptr,
        perm.mem_contents() == MemContents::Init(1u64),
{
    ptr.write(Tracked(perm), 1);
}

// expect: failed postcondition
fn pptr_user_mut_perm_wrong(ptr: PPtr<u64>, Tracked(perm): Tracked<&mut PointsTo<u64>>)
    requires
        old(perm).pptr() == ptr,
    ensures
        perm.mem_contents() == MemContents::Init(2u64),
{
    ptr.write(Tracked(perm), 1);
}

// expect: verified
fn pptr_user_mut_perm_caller(ptr: PPtr<u64>, Tracked(perm): Tracked<PointsTo<u64>>)
    requires
        perm.pptr() == ptr,
{
    let tracked mut perm = perm;
    pptr_user_mut_perm(ptr, Tracked(&mut perm));
    assert(perm.value() == 1);
    let v = ptr.read(Tracked(&perm));
    assert(v == 1);
}

// expect: failed assertion
fn pptr_user_mut_perm_caller_wrong(ptr: PPtr<u64>, Tracked(perm): Tracked<PointsTo<u64>>)
    requires
        perm.pptr() == ptr,
{
    let tracked mut perm = perm;
    pptr_user_mut_perm(ptr, Tracked(&mut perm));
    assert(perm.value() == 0);
}

// Moving the value out frees the memory.
// expect: verified
fn pptr_into_inner(p: PPtr<u64>, Tracked(perm): Tracked<PointsTo<u64>>) -> (r: u64)
    requires
        perm.pptr() == p,
        perm.is_init(),
        perm.value() == 3,
    ensures
        r == 3,
{
    p.into_inner(Tracked(perm))
}

// Freeing memory that still holds a value.
// expect: failed precondition
fn pptr_free_initialized(p: PPtr<u64>, Tracked(perm): Tracked<PointsTo<u64>>)
    requires
        perm.pptr() == p,
        perm.is_init(),
{
    p.free(Tracked(perm));
}

// Taking the value out first makes it freeable.
// expect: verified
fn pptr_take_then_free(p: PPtr<u64>, Tracked(perm): Tracked<PointsTo<u64>>) -> (r: u64)
    requires
        perm.pptr() == p,
        perm.is_init(),
    ensures
        r == perm.value(),
{
    let tracked mut perm = perm;
    let v = p.take(Tracked(&mut perm));
    p.free(Tracked(perm));
    v
}

// A permission is linear: moving it twice would make two permissions for one place (rustc's
// move check, which Verus relies on).
// expect: error
fn pptr_duplicate_permission(ptr: PPtr<u64>, Tracked(perm): Tracked<PointsTo<u64>>)
    requires
        perm.pptr() == ptr,
{
    let tracked mut a = perm;
    let tracked mut b = perm;
    ptr.write(Tracked(&mut a), 1);
    ptr.write(Tracked(&mut b), 2);
    assert(a.value() == 1);
}

// Also inside a datatype holding one.
pub struct PptrHolder {
    pub perm: Tracked<PointsTo<u64>>,
}

// expect: error
fn pptr_duplicate_holder(h: PptrHolder) -> (r: (PptrHolder, PptrHolder)) {
    (h, h)
}

// A pointer is Copy, whatever it points to.
// expect: verified
fn pptr_copy_pointer<T>(p: PPtr<T>) -> (r: (PPtr<T>, PPtr<T>))
    ensures
        r.0 == p && r.1 == p,
{
    (p, p)
}

// A permission cannot be forged: its field is private to the library.
// expect: error
proof fn pptr_forge_permission() {
    let tracked p = PointsTo::<u64> { token: 0 };
}

// Nor opened up.
// expect: error
proof fn pptr_read_token(tracked p: PointsTo<u64>) {
    assert(p.token >= 0);
}


// a `Tracked` local moved whole as an element of a returned tuple
// expect: verified
fn tw_tuple_of_tracked(p: PPtr<u64>, Tracked(perm): Tracked<PointsTo<u64>>) -> (r: (PPtr<u64>, Tracked<PointsTo<u64>>))
    requires
        perm.pptr() == p,
        perm.is_init(),
    ensures
        r.0 == p,
        r.1@.value() == perm.value(),
{
    let tp = Tracked(perm);
    (p, tp)
}

// expect: error
fn tw_tuple_of_tracked_twice(p: PPtr<u64>, Tracked(perm): Tracked<PointsTo<u64>>) -> (r: (Tracked<PointsTo<u64>>, Tracked<PointsTo<u64>>)) {
    let tp = Tracked(perm);
    (tp, tp)
}

// ---- `let (p, Tracked(perm)) = ..`: the tracked value inside the wrapper, owned by `perm`

// expect: verified
fn tpat_alloc_write() {
    let (pptr, Tracked(perm)) = PPtr::<u64>::empty();
    pptr.put(Tracked(&mut perm), 5);
    assert(perm.value() == 5);
}

// expect: failed assertion
fn tpat_alloc_write_wrong() {
    let (pptr, Tracked(perm)) = PPtr::<u64>::empty();
    pptr.put(Tracked(&mut perm), 5);
    assert(perm.value() == 6);
}

// expect: verified
proof fn tpat_eat(tracked p: PointsTo<u64>) {}

// expect: error
fn tpat_consumed_twice() {
    let (pptr, Tracked(perm)) = PPtr::<u64>::empty();
    proof { tpat_eat(perm); tpat_eat(perm); }
}

// expect: error
fn tpat_used_in_exec_code() {
    let (pptr, Tracked(perm)) = PPtr::<u64>::empty();
    let p2 = perm;
}

// ---- a reference kept in a variable borrows its place: writing or moving that place while the
// reference lives is rustc's borrow error, and references are copies here

struct RbPair { a: u64, b: u64 }

// expect: unsupported
fn rb_write_while_borrowed() {
    let mut a: u64 = 5;
    let r = &a;
    a = 6;
    let c = *r;
}

// (a use in an assertion is spec code, which Verus's lifetime check does not see: the borrow ended
// at the `let`, and `r` is the value it was given)
// expect: verified
fn rb_write_after_borrow() {
    let mut a: u64 = 5;
    let r = &a;
    a = 6;
    assert(*r == 5);
}

// A disjoint field may be written.
// expect: verified
fn rb_disjoint_field(p: &mut RbPair) {
    let r = &p.a;
    p.b = 5;
    assert(*r == p.a);
}

// expect: failed assertion
fn rb_disjoint_field_wrong(p: &mut RbPair) {
    let r = &p.a;
    p.b = 5;
    assert(*r == p.b);
}

// expect: unsupported
fn rb_pptr_take_while_borrowed() {
    let (pptr, Tracked(perm)) = PPtr::<u64>::empty();
    pptr.put(Tracked(&mut perm), 5);
    let x: &u64 = pptr.borrow(Tracked(&perm));
    let _ = pptr.take(Tracked(&mut perm));
    let z: u64 = *x;
}

} // verus!
