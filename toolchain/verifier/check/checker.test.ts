import { describe, expect, it } from 'vitest';
import { parseFile } from '../parser';
import { Crate, tyStr } from '../resolver';
import type { Expr, FnItem } from '../ast';
import { checkCrate, type CheckedCrate } from './checker';
import { lowerTraits } from '../traits';

function check(body: string): { checked: CheckedCrate; fns: Map<string, FnItem> } {
  const file = parseFile('t.rs', `verus! {\n${body}\n}`);
  expect(file.diagnostics).toEqual([]);
  const checked = checkCrate(new Crate([file]));
  const fns = new Map<string, FnItem>();
  for (const it of file.items) if (it.k === 'fn') fns.set(it.name, it);
  return { checked, fns };
}

function errorsOf(body: string): Record<string, string[]> {
  const { checked, fns } = check(body);
  const out: Record<string, string[]> = {};
  for (const [name, f] of fns) out[name] = (checked.fnErrors.get(f) ?? []).map((e) => e.message);
  return out;
}

/** Types of the integer literals of a function, in source order. */
function literalTypes(body: string, fn: string): string[] {
  const { checked, fns } = check(body);
  const f = fns.get(fn)!;
  const lits: [number, string][] = [];
  for (const [e, t] of checked.exprTypes) if (e.k === 'int' && e.sp.start >= f.sp.start && e.sp.end <= f.sp.end) lits.push([e.sp.start, tyStr(t)]);
  return lits.sort((a, b) => a[0] - b[0]).map((x) => x[1]);
}

describe('integer literal inference (as rustc)', () => {
  it('types a literal from a later use, not from the first', () => {
    const src = `fn f(n: u8) -> u8 { let mut x = 250; x = x + 1; x }`;
    expect(literalTypes(src, 'f')).toEqual(['u8', 'u8']);
  });
  it('defaults to i32 in exec code and int in ghost code when nothing constrains it', () => {
    expect(literalTypes(`fn f() { let x = 7; }`, 'f')).toEqual(['i32']);
    expect(literalTypes(`proof fn f() { let x = 7; }`, 'f')).toEqual(['int']);
  });
  it('takes the type of a call argument, a comparison partner and a field', () => {
    const src = `struct S { a: u16 }\nfn g(v: u64) {}\nfn f(y: u32) { g(5); let b = y < 9; let s = S { a: 3 }; }`;
    expect(literalTypes(src, 'f')).toEqual(['u64', 'u32', 'u16']);
  });
  it('types `returns` against the result type and types trusted bodies without judging them', () => {
    expect(literalTypes(`fn f() -> u8 returns 20 { 20 }`, 'f')).toEqual(['u8', 'u8']);
    const errs = errorsOf(`#[verifier::external_body]\nspec fn g(x: nat) -> nat { 0 }\n#[verifier::external_body]\nfn h() -> u8 { let x: u64 = 1; x }\nfn k() -> u8 returns 300 { 1 }`);
    expect(errs.g).toEqual([]);
    expect(errs.h).toEqual([]);
    expect(errs.k!.join()).toMatch(/out of range for `u8`/);
    expect(literalTypes(`#[verifier::external_body]\nspec fn g(x: nat) -> nat { 0 }`, 'g')).toEqual(['nat']);
  });
  it('uses a cast target as a hint in exec code', () => {
    expect(literalTypes(`fn f() -> u8 { 7 as u8 }`, 'f')).toEqual(['u8']);
  });
});

describe('type errors (no implicit integer conversion)', () => {
  it('refuses an i32 returned as u8 and a u64 passed as u8', () => {
    const errs = errorsOf(`fn narrow(a: i32) -> u8 { a }\nfn id8(v: u8) -> u8 { v }\nfn pass_wide(a: u64) { let r = id8(a); }`);
    expect(errs.narrow!.join()).toMatch(/mismatched types: expected `u8`, found `i32`/);
    expect(errs.pass_wide!.join()).toMatch(/expected `u8`, found `u64`/);
    expect(errs.id8).toEqual([]);
  });
  it('refuses a literal out of range for its inferred type, in exec and ghost code', () => {
    const errs = errorsOf(`fn a() -> u8 { let x = 256; x }\nproof fn b() { let u: u8 = 300; }\nfn c() -> i8 { -128 }\nfn d() -> i8 { -129 }\nfn e() -> u8 { 300u8 }`);
    expect(errs.a!.join()).toMatch(/literal out of range for `u8`/);
    expect(errs.b!.join()).toMatch(/literal out of range for `u8`/);
    expect(errs.c).toEqual([]);
    expect(errs.d!.join()).toMatch(/out of range for `i8`/);
    expect(errs.e!.join()).toMatch(/out of range for `u8`/);
  });
  it('spec arithmetic on machine integers is int: returning it as u8 needs a cast', () => {
    const errs = errorsOf(`spec fn inc(y: u8) -> u8 { y + 1 }\nspec fn inc2(y: u8) -> u8 { (y + 1) as u8 }\nspec fn n(x: nat) -> nat { x + 1 }\nspec fn m(x: nat) -> nat { x - 1 }`);
    expect(errs.inc!.join()).toMatch(/expected `u8`, found `int`/);
    expect(errs.inc2).toEqual([]);
    expect(errs.n).toEqual([]);
    expect(errs.m!.join()).toMatch(/expected `nat`, found `int`/);
  });
  it('ghost compound assignment on a machine integer is allowed (its result is truncated); plain assignment of an int is not', () => {
    const errs = errorsOf(`proof fn f() { let mut x: u8 = 200; x += 100u8; }\nproof fn g() { let mut x: u8 = 200; x = x + 100u8; }\nproof fn h() { let mut x: u8 = 200; x = (x + 100u8) as u8; }`);
    expect(errs.f).toEqual([]);
    expect(errs.g!.join()).toMatch(/expected `u8`, found `int`/);
    expect(errs.h).toEqual([]);
  });
  it('spec code compares integers of different types; exec code does not', () => {
    const errs = errorsOf(`fn f(a: u8, b: u64) -> bool requires a == b { a == b }`);
    expect(errs.f).toHaveLength(1);
    expect(errs.f![0]).toMatch(/expected `u8`, found `u64`/);
  });
});

describe('modes (as Verus)', () => {
  it('keeps ghost values, views and old() out of exec code', () => {
    const errs = errorsOf(
      `fn a(g: Ghost<int>) { let e: bool = g@ == 1; }\nfn b(x: &mut u8) { let y = old(x); }\nfn c() { let ghost g: int = 1; let h = g; }\nfn d() { let ghost g: int = 1; let ghost h = g + 1; assert(h == 2); }`,
    );
    expect(errs.a!.join()).toMatch(/`@`.*ghost code/);
    expect(errs.b!.join()).toMatch(/`old`.*ghost code/);
    expect(errs.c!.join()).toMatch(/`g` is a ghost variable/);
    expect(errs.d).toEqual([]);
  });
  it('checks the callee mode against the code it is called from', () => {
    const errs = errorsOf(
      `spec fn s(x: int) -> int { x }\nproof fn p() {}\nfn e() {}\nfn exec_calls_spec() { let a = s(1); }\nfn exec_calls_proof() { p(); }\nfn exec_calls_proof_in_block() { proof { p(); } }\nproof fn proof_calls_exec() { e(); }\nspec fn spec_calls_proof() -> bool { p(); true }`,
    );
    expect(errs.exec_calls_spec!.join()).toMatch(/with mode spec in exec code/);
    expect(errs.exec_calls_proof!.join()).toMatch(/with mode proof in exec code/);
    expect(errs.exec_calls_proof_in_block).toEqual([]);
    expect(errs.proof_calls_exec!.join()).toMatch(/with mode exec in proof code/);
    expect(errs.spec_calls_proof!.join()).toMatch(/with mode proof in spec code/);
  });
  it('refuses ghost statements in spec functions and exec assignments from ghost code', () => {
    const errs = errorsOf(`spec fn s(x: int) -> int { proof { assert(false); } x }\nfn f() { let mut a: u8 = 0; proof { a = 1; } }\nproof fn w() { let mut i: int = 0; while i < 3 { i = i + 1; } }`);
    expect(errs.s!.join()).toMatch(/`proof` block is not allowed in spec code/);
    expect(errs.f!.join()).toMatch(/cannot mutate exec-mode place `a` in ghost code/);
    expect(errs.w!.join()).toMatch(/cannot use while in proof or spec mode/);
  });
  it('exec code moves a Ghost/Tracked value as a whole but never computes with it', () => {
    const errs = errorsOf(
      `fn g(x: Tracked<u8>) -> Tracked<u8> { let mut y = x; y }\nfn g2(x: Ghost<u8>) -> Ghost<u8> { x }\nfn h(x: Ghost<u8>) -> u8 { x }\nfn h2(x: Ghost<u8>) -> bool { x == 1 }\nfn k(x: Ghost<u8>) { proof { let y: u8 = x@; } }`,
    );
    expect(errs.g).toEqual([]);
    expect(errs.g2).toEqual([]);
    expect(errs.h!.join()).toMatch(/`x` holds a Ghost\/Tracked value/);
    expect(errs.h2!.join()).toMatch(/`x` holds a Ghost\/Tracked value/);
    expect(errs.k).toEqual([]);
  });
  it('exec code writes a Ghost/Tracked local only as a whole, also after `let mut x = x;`', () => {
    const errs = errorsOf(
      `fn d(x: Tracked<Ghost<u64>>) { let mut x = x; *x = Ghost(3); }\nfn f(x: Ghost<(Ghost<u64>, Ghost<u64>)>) { let mut x = x; x.0 = Ghost(3); }\nfn p(mut x: Tracked<(u8, u8)>) { x.1 = 2; }\nfn r(x: Ghost<u64>) -> u64 { let mut x = x; *x }\nfn w(x: Ghost<u64>) { let mut x = x; x = Ghost(5); }\nfn pr(x: Ghost<(u8, u8)>) { let mut x = x; proof { let ghost y = x.0; } }`,
    );
    expect(errs.d).toEqual(['cannot access proof-mode place in executable context']);
    expect(errs.f).toEqual(['cannot access spec-mode place in executable context']);
    expect(errs.p).toEqual(['cannot access proof-mode place in executable context']);
    expect(errs.r!.join()).toMatch(/`x` holds a Ghost\/Tracked value/);
    expect(errs.w).toEqual([]);
    expect(errs.pr).toEqual([]);
  });
  it('a by(bit_vector) query sees `*x` of a `&mut` parameter, never the reference or `old(x)`', () => {
    const errs = errorsOf(
      `fn r(x: &mut u64, y: &mut u64) { assert(*x == *y ==> x == y) by(bit_vector); }\nfn o(x: &mut u64) { assert(*old(x) & 0 == 0) by(bit_vector); }\nfn ok(x: &mut u64) { assert(*x & 0 == 0) by(bit_vector); }`,
    );
    expect(errs.r).toEqual(['bit_vector prover cannot handle type `&mut u64`', 'bit_vector prover cannot handle type `&mut u64`']);
    expect(errs.o).toEqual(['`old` is not supported in `bit_vector` assert']);
    expect(errs.ok).toEqual([]);
  });
  it('int values may appear in exec signatures (Verus accepts them; they have no overflow obligations)', () => {
    expect(errorsOf(`fn f(a: int, b: int) -> bool { let c = a + b; c < a }`).f).toEqual([]);
  });
});

describe('places, borrows and tracked values (as Verus and rustc)', () => {
  it('refuses &mut of ghost places, in spec code and in assert-by proofs', () => {
    const errs = errorsOf(
      `proof fn a() { let ghost g: u64 = 3; let r = &mut g; }\nspec fn b() -> bool { let x = &mut 1u8; true }\nfn c() { let mut a: u8 = 24; assert(true) by { let x = &mut a; } }\nfn d() { let mut a: u8 = 24; proof { let tracked r = &mut a; } }`,
    );
    expect(errs.a!.join()).toMatch(/cannot take mutable borrow of ghost-mode place/);
    expect(errs.b!.join()).toMatch(/mutable borrow is not allowed in spec context/);
    expect(errs.c!.join()).toMatch(/not allowed in 'assert ... by' statement/);
    // a tracked borrow of an exec place is fine for Verus; mutation through it is not modelled here
    expect(errs.d!.join()).toMatch(/not supported: a local `&mut` reference/);
    const ok = errorsOf(`struct X { }\nfn e() { let mut x: u8 = 0; let ghost r = &mut x; assert(x == 0); }\nfn f() { let tracked x = X { }; proof { let tracked r = &mut x; } }`);
    expect(ok.e).toEqual([]);
    expect(ok.f!.join()).not.toMatch(/mutable borrow|ghost-mode|declared as mutable/);
  });
  it('refuses mutation through a spec-mode reference and spec values where tracked ones are needed', () => {
    const errs = errorsOf(
      `proof fn m(a: &mut u64) { *a = 1; }\nproof fn consume(tracked x: bool) {}\nproof fn ok(tracked x: bool) { consume(x); }\nproof fn spec_arg(x: bool) { consume(x); }\nproof fn in_by(tracked x: bool) { assert(true) by { consume(x); } }`,
    );
    expect(errs.m!.join()).toMatch(/cannot mutate through a spec-mode mutable reference/);
    expect(errs.ok).toEqual([]);
    expect(errs.spec_arg!.join()).toMatch(/expression has mode spec, expected mode proof/);
    expect(errs.in_by!.join()).toMatch(/expression has mode spec, expected mode proof/);
  });
  it('refuses &mut of an immutable binding and two &mut borrows of one place in a call', () => {
    const errs = errorsOf(
      `fn g(x: &mut u8, y: &mut u8) {}\nfn imm() { let v: u8 = 1; let mut w: u8 = 2; g(&mut v, &mut w); }\nfn twice() { let mut v: u8 = 1; g(&mut v, &mut v); }\nfn param_twice(x: &mut u8) { g(x, x); }\nstruct P { a: u8, b: u8 }\nfn fields() { let mut p = P { a: 1, b: 2 }; g(&mut p.a, &mut p.b); }\nfn whole_and_field(x: &mut u8) { let mut p = P { a: 1, b: 2 }; g(&mut p.a, &mut p.a); }`,
    );
    expect(errs.imm!.join()).toMatch(/cannot borrow `v` as mutable, as it is not declared as mutable/);
    expect(errs.twice!.join()).toMatch(/cannot borrow `v` as mutable more than once/);
    expect(errs.param_twice!.join()).toMatch(/cannot borrow `x` as mutable more than once/);
    expect(errs.fields).toEqual([]);
    expect(errs.whole_and_field!.join()).toMatch(/more than once/);
  });
  it('refuses ref mut bindings (mutation through them is not modelled) and `_` parameters', () => {
    const errs = errorsOf(`fn a() { let mut x: u8 = 0; let ref mut y = x; }\nproof fn b(x: (u8, u8)) { let (ref mut p, q) = x; }\nfn c(_: u8) {}\nfn d() { let x: u8 = 0; let ref y = x; }`);
    expect(errs.a!.join()).toMatch(/`ref mut` binding/);
    expect(errs.b!.join()).toMatch(/not allowed in spec mode/);
    expect(errs.c!.join()).toMatch(/plain identifier pattern/);
    expect(errs.d).toEqual([]);
  });
  it('an unsuffixed literal in exec code is never an int or nat', () => {
    const errs = errorsOf(`struct S { a: nat }\nfn f() { let s = S { a: 12 }; }\nfn g() { let ghost s = S { a: 12 }; }`);
    expect(errs.f!.join()).toMatch(/expected `nat`, found integer/);
    expect(errs.g).toEqual([]);
  });
  it('checks the arithmetic and literals of constants', () => {
    const file = parseFile('t.rs', `verus! {\nconst A: u8 = 255 + 1;\nconst B: u8 = 256 - 1;\nconst C: u8 = 254 + 1;\n}`);
    const checked = checkCrate(new Crate([file]));
    const msgs = file.items.map((it) => (it.k === 'const' ? (checked.constErrors.get(it) ?? []).map((e) => e.message).join() : ''));
    expect(msgs[0]).toMatch(/will overflow/);
    expect(msgs[1]).toMatch(/literal out of range for `u8`/);
    expect(msgs[2]).toBe('');
  });
});

describe('datatype well-formedness (as Verus)', () => {
  function typeErrors(body: string): Record<string, string> {
    const file = parseFile('t.rs', `verus! {\n${body}\n}`);
    const checked = checkCrate(new Crate([file]));
    const out: Record<string, string> = {};
    for (const it of file.items) if (it.k === 'struct' || it.k === 'enum') out[it.name] = (checked.typeErrors.get(it) ?? []).map((e) => e.message).join();
    return out;
  }
  it('refuses a datatype inside an ISet element, an IMap key or a rejected type parameter of itself', () => {
    const errs = typeErrors(
      `struct A { s: ISet<A> }\nenum B { L, N(IMap<B, int>) }\nstruct C { m: Map<int, C>, q: Seq<C> }\n#[verifier::reject_recursive_types(T)]\nstruct W<T> { s: Set<T> }\nenum D { L, N(Box<E>), F(W<Box<D>>) }\nenum E { L, N(Box<D>) }\nstruct V<T> { s: ISet<T> }`,
    );
    expect(errs.A).toMatch(/recursively uses type `A` in a non-positive position/);
    expect(errs.B).toMatch(/non-positive position/);
    expect(errs.C).toBe('');
    expect(errs.W).toBe('');
    expect(errs.D).toMatch(/recursively uses type `D`/);
    expect(errs.E).toBe('');
    expect(errs.V).toMatch(/type parameter `T` of `V` is used in a non-positive position/);
  });
  it('refuses #[derive(Copy)] with a field known not to be Copy (rustc E0204)', () => {
    const errs = typeErrors(
      `struct N { a: u8 }\n#[derive(Clone, Copy)]\nstruct D { a: u8 }\n#[derive(Clone, Copy)]\nstruct C1 { n: N }\n#[derive(Clone, Copy)]\nstruct C2 { b: Box<u8> }\n#[derive(Clone, Copy)]\nstruct C3 { t: (u8, Option<N>) }\n#[derive(Clone, Copy)]\nstruct C4<T> { t: T, d: D, g: Ghost<N>, p: PhantomData<N>, o: Option<D> }\n#[derive(Clone, Copy)]\nenum C5 { A(D), B(N) }`,
    );
    expect(errs.C1).toMatch(/the trait `Copy` cannot be implemented for this type .*`N`/);
    expect(errs.C2).toMatch(/`Box`/);
    expect(errs.C3).toMatch(/`N`/);
    expect(errs.C5).toMatch(/`N`/);
    for (const ok of ['N', 'D', 'C4']) expect(errs[ok], ok).toBe('');
  });
  it("accepts recursion through Verus's finite Set and Map and through arrays (as Verus)", () => {
    const errs = typeErrors(
      `struct A { s: Set<A> }\nenum B { L, N(Map<B, B>) }\nstruct V<T> { s: Set<T> }\nstruct F { f: Box<[F; 1]> }\nstruct G { g: [ISet<G>; 2] }`,
    );
    expect(errs.A).toBe('');
    expect(errs.B).toBe('');
    expect(errs.V).toBe('');
    expect(errs.F).toBe('');
    expect(errs.G).toMatch(/recursively uses type `G` in a non-positive position/);
  });
  it('needs a ground variant for generic datatypes and well-formed recursive-types attributes', () => {
    const errs = typeErrors(
      `#[verifier::accept_recursive_types(A)]\nstruct Wrap<A> { a: A }\nenum L<A> { Cons(A, Box<L<A>>) }\nenum M<A> { Nil, Cons(A, Box<M<A>>) }\n#[verifier::reject_recursive_types(D)]\nstruct X<A> { a: A }\n#[verifier::external_body]\n#[verifier::reject_recursive_types(K)]\nstruct Ext<K, V> { k: K }`,
    );
    expect(errs.Wrap).toMatch(/non-recursive variant/);
    expect(errs.L).toMatch(/non-recursive variant/);
    expect(errs.M).toBe('');
    expect(errs.X).toMatch(/`D` in `reject_recursive_types` is not a type parameter/);
    expect(errs.Ext).toMatch(/each type parameter must be one of/);
  });
});

describe('output', () => {
  it('records a type for every literal of a checked function', () => {
    const { checked, fns } = check(`fn f(a: [u8; 4]) -> u8 requires a[0] < 10 { let mut i = 0; while i < 3 invariant i <= 3 decreases 3 - i { i = i + 1; } a[i] + 1 }`);
    const f = fns.get('f')!;
    expect(checked.fnErrors.get(f)).toBeUndefined();
    const lits = [...checked.exprTypes.keys()].filter((e: Expr) => e.k === 'int' && e.sp.start >= f.sp.start);
    expect(lits.length).toBe(8);
  });
});

describe('definite initialization (as rustc)', () => {
  it('refuses a read of a `let x;` not assigned on every path, and a second assignment', () => {
    const errs = errorsOf(
      `fn a(b: bool) -> u8 { let r: u8; if b { r = 1; } else { r = 0; } r }\nfn c(b: bool) -> u8 { let r: u8; if b { r = 1; } r }\nfn d(b: u8) -> u8 { let r: u8; match b { 0 => { r = 1; } _ => { return 0; } } r }\nfn e(b: u8) -> u8 { let r: u8; match b { 0 => { r = 1; } _ => {} } r }\nfn f() -> u8 { let r: u8; r = 1; r = 2; r }\nfn g() -> u8 { let mut r: u8; r = 1; r = 2; r }`,
    );
    expect(errs.a).toEqual([]);
    expect(errs.c!.join()).toMatch(/used binding `r` is possibly-uninitialized/);
    expect(errs.d).toEqual([]);
    expect(errs.e!.join()).toMatch(/possibly-uninitialized/);
    expect(errs.f!.join()).toMatch(/cannot assign twice/);
    expect(errs.g).toEqual([]);
  });
  it('spec code may read a `let x;` not yet assigned (erased before rustc sees it); exec and tracked code may not', () => {
    const errs = errorsOf(
      `fn s() { let x: u64; assert(x == 23); x = 23; }\nfn ex() -> u64 { let x: u64; let y = x; x = 1; y }\nstruct S {}\nproof fn tr(b: bool) -> (tracked t: S) { let tracked mut s: S; if b { s = S {}; } s }`,
    );
    expect(errs.s).toEqual([]);
    expect(errs.ex!.join()).toMatch(/used binding `x` is possibly-uninitialized/);
    expect(errs.tr!.join()).toMatch(/used binding `s` is possibly-uninitialized/);
  });
});

describe('isolated queries', () => {
  it('accepts a possibly-zero divisor in by(bit_vector) (its value there is unknown: corpus bit-vector.rs) and refuses outside variables in a nonlinear_arith proof', () => {
    const errs = errorsOf(
      `fn a(x: u32, y: u32) { assert(y != 0 ==> x % y < y) by(bit_vector); }\nfn b(x: u64) { assert((x / 4096u64) % 512u64 < 512u64) by(bit_vector); }\nproof fn c(x: int, y: int, z: int) requires y == 0, z == 0 { assert(x + y == x) by(nonlinear_arith) requires y == 0 { assert(z == 0); } }\nproof fn d(x: int, y: int) requires y == 0 { assert(x + y == x) by(nonlinear_arith) requires y == 0 { let w = x; assert(w + y == x); } }`,
    );
    expect(errs.a).toEqual([]);
    expect(errs.b).toEqual([]);
    expect(errs.c!.join()).toMatch(/variable `z` not mentioned in requires\/ensures/);
    expect(errs.d).toEqual([]);
  });
});

describe('datatype attributes', () => {
  it('derive(Structural) needs Structural fields; a signature cannot mention a #[verifier::external] type', () => {
    const file = parseFile('t.rs', `verus! {\n#[derive(PartialEq, Eq)]\nstruct O { }\n#[derive(PartialEq, Eq, Structural)]\nstruct T { o: O }\n#[derive(PartialEq, Eq, Structural)]\nstruct U { a: u8, t: T }\n#[verifier::external]\nstruct X { }\n#[verifier::external_body]\nfn stuff(x: X) -> u8 { 0 }\n}`);
    const checked = checkCrate(new Crate([file]));
    const msg = (name: string) => {
      const it = file.items.find((x) => (x.k === 'struct' || x.k === 'fn') && x.name === name)!;
      return (it.k === 'fn' ? checked.fnErrors.get(it) : checked.typeErrors.get(it as never))?.map((e) => e.message).join() ?? '';
    };
    expect(msg('T')).toMatch(/`O: Structural` is not satisfied/);
    expect(msg('U')).toBe('');
    // the parser drops #[verifier::external] items, as Verus does: the type is not there at all
    expect(msg('stuff')).toMatch(/cannot find type `X`/);
  });
});

describe('local mutable references (not modelled: refused, never copied)', () => {
  it('refuses a let-bound &mut, a moved &mut parameter, bindings in a match on &mut and &mut fields', () => {
    const errs = errorsOf(
      `fn a() { let mut x: u8 = 0; let r = &mut x; *r = 5; }\nfn b(x: &mut u8) { let r = x; }\nfn c() { let mut o: Option<u8> = Some(0); match &mut o { Some(v) => {} None => {} } }\nfn d() { let mut o: Option<u8> = Some(0); match &mut o { Some(_) => {} None => {} } }\nfn e() { let mut x: u8 = 0; let ghost r = &mut x; }`,
    );
    expect(errs.a!.join()).toMatch(/local `&mut` reference/);
    expect(errs.b!.join()).toMatch(/local `&mut` reference/);
    expect(errs.c!.join()).toMatch(/bindings in a match on a `&mut` reference/);
    expect(errs.d).toEqual([]);
    expect(errs.e).toEqual([]);
    const file = parseFile('t.rs', `verus! {\nstruct P<'a> { r: &'a mut u64 }\n}`);
    const checked = checkCrate(new Crate([file]));
    expect(checked.typeErrors.get(file.items[0] as never)?.[0]?.message).toMatch(/`&mut` field/);
  });
});

describe('binder types inferred from their uses (as rustc)', () => {
  const binderTypes = (body: string): Record<string, string> => {
    const { checked } = check(body);
    const out: Record<string, string> = {};
    for (const [p, t] of checked.binderTypes) out[p.name] = tyStr(t);
    return out;
  };
  it('types a binder from a call argument, a comparison with a literal and a Seq index', () => {
    const src = `spec fn g(x: u16) -> bool { true }\nproof fn f(s: Seq<bool>) { assert(forall|a| g(a)); assert(exists|b| 0 <= b); assert(forall|c| s[c]); }`;
    expect(binderTypes(src)).toEqual({ a: 'u16', b: 'int', c: 'int' });
  });
  it('types `choose` and the variable it is bound to', () => {
    const src = `spec fn g(x: nat) -> bool { true }\nproof fn f() { let v = choose|k| g(k); assert(v >= 0); }`;
    expect(binderTypes(src)).toEqual({ k: 'nat' });
    expect(errorsOf(src).f).toEqual([]);
  });
  it('reports a binder nothing fixes, and a conflicting use', () => {
    expect(errorsOf(`proof fn f() { assert(forall|x| x == x); }`).f!.join()).toMatch(/type annotations needed: cannot infer the type of `x`/);
    expect(errorsOf(`spec fn g(x: u16) -> bool { true }\nspec fn h(x: bool) -> bool { true }\nproof fn f() { assert(forall|a| g(a) && h(a)); }`).f!.join()).toMatch(/mismatched types: expected `bool`, found `u16`/);
  });
});

describe('choose and quantifiers are spec expressions', () => {
  it('refuses them in exec code and accepts them in ghost code of an exec fn', () => {
    const errs = errorsOf(`spec fn g(x: int) -> bool { true }\nfn f() -> bool { let c = choose|i: int| g(i); forall|i: int| g(i) }\nfn h() { let ghost c = choose|i: int| g(i); assert(exists|i: int| g(i) || !g(i)); }`);
    expect(errs.f!.join()).toMatch(/expression has mode spec, expected mode exec: `choose`/);
    expect(errs.f!.join()).toMatch(/`forall` can only be used in ghost code/);
    expect(errs.h).toEqual([]);
  });
});

describe('binders of a trusted body', () => {
  it('are not judged (only the signature of an external_body fn counts)', () => {
    expect(errorsOf(`#[verifier::external_body]\nproof fn f() { assert(forall|x| x == x); }`).f).toEqual([]);
    expect(errorsOf(`proof fn g() { assert(forall|x| x == x); }`).g!.join()).toMatch(/type annotations needed/);
  });
});

describe('generics', () => {
  /** The generic arguments the checker recorded for the calls of a function, in source order. */
  function callArgs(body: string, fn: string): string[] {
    const { checked, fns } = check(body);
    const f = fns.get(fn)!;
    const out: [number, string][] = [];
    for (const [e, tys] of checked.callTypeArgs) if (e.sp.start >= f.sp.start && e.sp.end <= f.sp.end) out.push([e.sp.start, tys.map(tyStr).join(', ')]);
    return out.sort((a, b) => a[0] - b[0]).map((x) => x[1]);
  }

  it('types a generic function with its parameters as opaque types', () => {
    const errs = errorsOf(`fn id<T>(x: T) -> T { x }\nfn bad<T>(x: T) -> u64 { x }\nfn mixed<A, B>(a: A, b: B) -> A { b }\nfn arith<T>(a: T, b: T) -> T { a + b }`);
    expect(errs.id).toEqual([]);
    expect(errs.bad!.join()).toMatch(/expected `u64`, found `T`/);
    expect(errs.mixed!.join()).toMatch(/expected `A`, found `B`/);
    expect(errs.arith!.join()).toMatch(/cannot apply binary operator `\+`/);
  });

  it('refuses exec `==` and any order on a type parameter, allows spec `==`', () => {
    const errs = errorsOf(`fn e<T>(a: T, b: T) -> bool { a == b }\nfn eo<T>(a: Option<T>, b: Option<T>) -> bool { a != b }\nproof fn o<T>(a: T, b: T) { assert(a <= b); }\nproof fn s<T>(a: T, b: T) { assert(a == b); }`);
    expect(errs.e!.join()).toMatch(/`==` cannot be applied to type `T`/);
    expect(errs.eo!.join()).toMatch(/`!=` cannot be applied to type `Option<T>`/);
    expect(errs.o!.join()).toMatch(/`<=` cannot be applied to type `T`/);
    expect(errs.s).toEqual([]);
  });

  it('infers generic arguments from arguments, the result, turbofish and the receiver', () => {
    const src = `fn id<T>(x: T) -> T { x }
struct P<A, const N: usize> { a: A }
impl<A, const N: usize> P<A, N> {
  fn get(&self) -> A { self.a }
  fn conv<B>(&self, b: B) -> B { b }
}
fn f(p: P<bool, 3>) { let a = id(5u8); let b: u16 = id(7); let c = id::<u32>(1); let d = p.get(); let e = p.conv::<u64>(2); }`;
    expect(errorsOf(src).f).toEqual([]);
    expect(callArgs(src, 'f')).toEqual(['u8', 'u16', 'u32', 'bool, 3', 'bool, 3, u64']);
  });

  it("keeps the caller's own parameters in recorded arguments and binds `Self::f` to the impl's", () => {
    const src = `fn id<T>(x: T) -> T { x }
struct S<const N: usize> { n: usize }
impl<const N: usize> S<N> {
  fn k() -> usize { 0 }
  fn g<U>(u: U) -> U { let x = Self::k(); id(u) }
}`;
    expect(errorsOf(src).g).toEqual([]);
    expect(callArgs(src, 'g')).toEqual(['N', 'U']);
  });

  it('refuses wrong numbers of generic arguments, uninferable ones and const/type confusion', () => {
    const errs = errorsOf(`fn id<T>(x: T) -> T { x }
fn none<T>() -> u8 { 0 }
struct P<A, const N: usize> { a: A }
fn two(a: u8) -> u8 { id::<u8, u8>(a) }
fn infer() -> u8 { none() }
fn few(p: P<u8>) {}
fn ctype<const N: usize>(x: N) {}
fn tconst(p: P<u8, u8>) {}
fn nval<T>() -> u8 { T }`);
    expect(errs.two!.join()).toMatch(/takes 1 generic argument but 2 generic arguments were supplied/);
    expect(errs.infer!.join()).toMatch(/type annotations needed: cannot infer the generic arguments of `none`/);
    expect(errs.few!.join()).toMatch(/struct takes 2 generic arguments but 1 generic argument was supplied/);
    expect(errs.ctype!.join()).toMatch(/expected type, found const parameter `N`/);
    expect(errs.tconst!.join()).toMatch(/expected a constant value/);
    expect(errs.nval!.join()).toMatch(/expected value, found type parameter `T`/);
  });

  it("types a generic struct's fields at its arguments and a const parameter as a usize value", () => {
    const errs = errorsOf(`struct P<A, B> { a: A, b: B }
fn f(p: P<u64, bool>) -> u64 { p.b }
fn g(p: P<u64, bool>) -> bool { p.b }
fn h() -> P<u8, u16> { P { a: 1, b: 2 } }
fn k<const N: usize>() -> usize { N }
fn m<const N: usize>() -> u8 { N }`);
    expect(errs.f!.join()).toMatch(/expected `u64`, found `bool`/);
    expect(errs.g).toEqual([]);
    expect(errs.h).toEqual([]);
    expect(errs.k).toEqual([]);
    expect(errs.m!.join()).toMatch(/expected `u8`, found `usize`/);
  });

  it('moves a value of a type parameter (no Copy bound) on use by value, as rustc', () => {
    const errs = errorsOf(`proof fn c<A>(tracked a: A) {}
proof fn twice<A>(tracked a: A) { c(a); c(a); }
proof fn branch<A>(tracked a: A, b: bool) { if b { c(a); } c(a); }
proof fn both<A>(tracked a: A, b: bool) { if b { c(a); } else { c(a); } }
proof fn spec_ok<A>(a: A) { assert(a == a); }
fn id<A>(a: A) -> A { a }
fn copy<A: Copy>(a: A) -> (A, A) { (id(a), a) }
fn refs<A>(a: &A) { r(a); r(a); }
fn r<A>(a: &A) {}
fn reinit<A>(a: A, b: A) -> A { let mut x = a; let y = x; x = b; x }
fn elem<A>(v: [A; 2]) -> A { v[0] }
struct P<A, B> { a: A, b: B }
fn parts<A, B>(p: P<A, B>) -> (B, A) { (p.b, p.a) }
fn part_whole<A, B>(p: P<A, B>) -> (A, P<A, B>) { (p.a, p) }`);
    expect(errs.twice!.join()).toMatch(/use of moved value: `a`/);
    expect(errs.branch!.join()).toMatch(/use of moved value: `a`/);
    expect(errs.elem!.join()).toMatch(/cannot move out of an array element of non-Copy type `A`/);
    expect(errs.part_whole!.join()).toMatch(/use of moved value: `p`/);
    for (const ok of ['both', 'spec_ok', 'copy', 'refs', 'reinit', 'parts']) expect(errs[ok], ok).toEqual([]);
  });

  it('moves an exec value of a datatype without Copy, and a Box, on use by value; a destructuring moves only what it binds by value', () => {
    const errs = errorsOf(`struct S { a: u8 }
struct N { v: S, k: u8 }
#[derive(Clone, Copy)]
struct K { a: u8 }
fn twice(s: S) { let a = s; let b = s; }
fn copy_ok(k: K) { let a = k; let b = k; }
fn box_param(b: Box<u8>) { let c = b; let d = b; }
fn box_local() { let b = Box::new(5u8); let c = b; let d = b; }
fn box_deref_ok(b: Box<u8>) { let c = *b; let d = *b; }
fn fields_ok(n: N) { let N { v: _, k } = n; let m = n; }
fn field_moved(n: N) { let N { v, k } = n; let m = n; }
fn wild_ok(n: N) { let _ = n; let m = n; }
struct M { a: u8 }
impl Copy for M {}
fn manual_copy_ok(m: M) { let a = m; let b = m; }`);
    expect(errs.twice!.join()).toMatch(/use of moved value: `s`/);
    expect(errs.box_param!.join()).toMatch(/use of moved value: `b`/);
    expect(errs.box_local!.join()).toMatch(/use of moved value: `b`/);
    expect(errs.field_moved!.join()).toMatch(/use of moved value: `n`/);
    for (const ok of ['copy_ok', 'box_deref_ok', 'fields_ok', 'wild_ok', 'manual_copy_ok']) expect(errs[ok], ok).toEqual([]);
  });

  it('makes a call with a reference as generic argument unsupported (types erase references)', () => {
    const { checked, fns } = check(`spec fn size<T>() -> nat { 0 }\nfn id<T>(x: T) -> T { x }\nproof fn p() { assert(size::<&u8>() == size::<u8>()); }\nfn q(v: u8) { let a = id(&v); }\nfn k(v: u8) { let a = id(v); }`);
    expect(checked.fnUnsupported.get(fns.get('p')!)?.message).toMatch(/reference .* as a generic argument/);
    expect(checked.fnUnsupported.get(fns.get('q')!)?.message).toMatch(/reference .* as a generic argument/);
    expect(checked.fnUnsupported.get(fns.get('k')!)).toBeUndefined();
  });
});

describe('generic parameters the verifier covers', () => {
  it('accepts marker bounds and integer const parameters; a bound with methods, a where bound on a type, a const parameter of another type are unsupported', () => {
    const { checked, fns } = check(`fn m<T: Copy + Clone + ?Sized, const N: usize, const K: i16>(x: u8) {}
fn o<T: PartialOrd>(x: T) -> T { x.foo() }
fn w<T>(x: T) where Self: Sized {}
fn c<const B: bool>() {}
fn d<T: Iterator<Item = u8>>() {}`);
    const un = (n: string) => checked.fnUnsupported.get(fns.get(n)!)?.message ?? null;
    expect(un('m')).toBeNull();
    expect(un('o')).toMatch(/trait bound `T: PartialOrd`/);
    expect(checked.fnErrors.get(fns.get('o')!) ?? []).toEqual([]);
    expect(un('w')).toMatch(/`where` clause bound/);
    expect(un('c')).toMatch(/const generic parameter `B` of a type other than an integer type of fixed width or `usize`/);
    expect(un('d')).toMatch(/trait bound `T: Iterator`/);
  });
});

describe('traits (traits.ts, then the checker)', () => {
  function checkTraits(body: string) {
    const [file] = lowerTraits([parseFile('t.rs', `verus! {\n${body}\n}`)]);
    expect(file!.diagnostics).toEqual([]);
    const checked = checkCrate(new Crate([file!]));
    const fn = (q: string) => file!.items.find((it): it is FnItem => it.k === 'fn' && (it.selfType ? `${it.selfType}::${it.name}` : it.name) === q)!;
    return { checked, errors: (q: string) => (checked.fnErrors.get(fn(q)) ?? []).map((e) => e.message), unsupported: (q: string) => checked.fnUnsupported.get(fn(q))?.message ?? null, fn };
  }
  const trait = `trait Tr { spec fn v(&self) -> int; fn get(&self, a: u64) -> (r: u64) requires a < 10 ensures r == a; }
struct S { x: u64 }
struct N { x: u64 }`;

  it('a method of `x: T` with `T: Tr` calls the trait declaration; a bound by a crate trait is supported', () => {
    const { checked, errors, unsupported, fn } = checkTraits(`${trait}
impl Tr for S { spec fn v(&self) -> int { 0 } fn get(&self, b: u64) -> u64 { b } }
fn g<T: Tr>(t: &T) -> u64 { t.get(3) }
fn h<T>(t: &T) -> u64 where T: Tr { T::get(t, 3) }`);
    expect(unsupported('g')).toBeNull();
    expect(errors('g')).toEqual([]);
    expect(errors('h')).toEqual([]);
    const calls = [...checked.traitCalls.values()].map((i) => i.qname);
    expect(calls).toEqual(['Tr::get', 'Tr::get']);
    // the impl's method has the trait's contract, with its own parameter name
    const get = fn('S::get');
    expect(get.requires).toHaveLength(1);
    expect(get.requires[0]!.k === 'binary' && get.requires[0]!.l.k === 'path' ? get.requires[0]!.l.segs : null).toEqual(['b']);
    expect(get.ret?.name).toBe('r');
  });

  it('checks bounds at call sites: a datatype needs an impl, a parameter the bound', () => {
    const { errors } = checkTraits(`${trait}
impl Tr for S { spec fn v(&self) -> int { 0 } fn get(&self, a: u64) -> u64 { a } }
fn g<T: Tr>(t: &T) {}
fn ok(s: &S) { g(s) }
fn no_impl(n: &N) { g(n) }
fn no_bound<U>(u: &U) { g(u) }`);
    expect(errors('ok')).toEqual([]);
    expect(errors('no_impl')).toEqual(['the trait bound `N: Tr` is not satisfied']);
    expect(errors('no_bound')).toEqual(['the trait bound `U: Tr` is not satisfied']);
  });

  it('reports Verus conformance errors of an impl method', () => {
    const { errors } = checkTraits(`${trait}
impl Tr for S { fn v(&self) -> int { 0 } fn get(&self, a: u64) -> u64 requires a < 5 { a } }
impl Tr for N { spec fn v(&self) -> int { 0 } fn get(&self, a: u32) -> u64 { 0 } }`);
    expect(errors('S::v')[0]).toMatch(/function must have mode spec/);
    expect(errors('S::get')).toContain('trait method implementation cannot declare requires');
    expect(errors('N::get')[0]).toMatch(/incompatible type for trait/);
  });

  it('a cycle through a trait method is an error', () => {
    const { errors } = checkTraits(`trait L { proof fn go(&self) ensures false; }
struct S { x: u64 }
proof fn loop_<T: L>(t: &T) ensures false { t.go(); }
impl L for S { proof fn go(&self) { loop_(self); } }`);
    expect(errors('S::go')).toContain('found a cyclic self-reference in a definition, which may result in nontermination');
    expect(errors('loop_')).toContain('found a cyclic self-reference in a definition, which may result in nontermination');
  });
});

describe('checks Verus and rustc make', () => {
  it('spec fns have no requires/ensures; tracked receivers and broadcast parameters; no move out of a reference', () => {
    const errs = errorsOf(`spec fn s() -> bool ensures true { true }
struct X { x: u64 }
impl X { proof fn p(tracked &self) {} }
proof fn q(x: &X) { x.p(); }
proof fn q_ok(tracked x: &X) { x.p(); }
proof fn consume(tracked v: X) {}
proof fn mv(tracked x: &X) { consume(*x); }
broadcast proof fn b(tracked x: &X) ensures true {}`);
    expect(errs.s).toEqual(['spec functions cannot have requires/ensures']);
    expect(errs.q).toEqual(['expression has mode spec, expected mode proof']);
    expect(errs.q_ok).toEqual([]);
    expect(errs.mv).toEqual(['cannot move out of `*x` which is behind a shared reference']);
    expect(errs.b).toEqual(['broadcast function must have spec parameters']);
  });
});

describe('operators on user types (Verus desugaring)', () => {
  const src = `struct B { s: Ghost<Seq<u8>> }
impl B {
  spec fn view(&self) -> Seq<u8> { self.s@ }
  spec fn spec_index(&self, i: int) -> u8 { self.s@[i] }
  fn index(&self, i: usize) -> u8 { 0 }
}
struct G { b: Ghost<B> }
proof fn p(b: B, g: G) { let a = b@; let x = b[1]; let y = g.b@; }
fn e(b: &B) -> u8 { b[0] }`;
  it('records the view / spec_index / index call each operator means, typed as that call', () => {
    const { checked, fns } = check(src);
    expect(checked.fnErrors.get(fns.get('p')!) ?? []).toEqual([]);
    expect(checked.fnErrors.get(fns.get('e')!) ?? []).toEqual([]);
    const calls = [...checked.operatorCalls].map(([op, call]) => `${op.k}:${call.name}:${tyStr(checked.exprTypes.get(op)!)}`).sort();
    expect(calls).toEqual(['index:index:u8', 'index:spec_index:u8', 'view:view:Seq<u8>']);
  });
  it('takes `@` of a field declared `Ghost<B>` as the `B` itself', () => {
    const { checked } = check(src);
    const views = [...checked.exprTypes].filter(([e]) => e.k === 'view').map(([, t]) => tyStr(t)).sort();
    // (`b@`, `g.b@`, and `self.s@` in the two spec fns)
    expect(views).toEqual(['B', 'Seq<u8>', 'Seq<u8>', 'Seq<u8>']);
  });
  it('refuses an index without the method and a spec method in exec code', () => {
    const errs = errorsOf(`struct N { v: u8 }\nproof fn q(n: N) { let x = n[0]; }\nstruct W { v: u8 }\nimpl W { spec fn spec_index(&self, i: int) -> u8 { self.v } }\nfn r(w: W) -> u8 { w[0] }`);
    expect(errs.q!.join()).toMatch(/cannot index into a value of type `N`/);
    expect(errs.r!.join()).toMatch(/cannot index into a value of type `W`/);
  });
});

describe('enum variants: is, !is, ->', () => {
  it('checks that the variant and the field exist and that an unqualified field is unique', () => {
    const errs = errorsOf(`enum E { A { f: u8, g: u8 }, B { f: u8 }, C(u8) }
proof fn ok(e: E) { let a = e is A; let b = e !is B; let c = e->g; let d = e->B_f; let x = e->0; let o: Option<u8> = None; let y = o->0; }
proof fn no_variant(e: E) { let a = e is D; }
proof fn ambiguous(e: E) { let a = e->f; }
proof fn no_field(e: E) { let a = e->C_1; }`);
    expect(errs.ok).toEqual([]);
    expect(errs.no_variant!.join()).toMatch(/no variant `D`/);
    expect(errs.ambiguous!.join()).toMatch(/more than one variant/);
    expect(errs.no_field!.join()).toMatch(/no field `C_1`/);
  });
});

describe('Ghost / Tracked wrappers at written types (the resolver erases them, rustc does not)', () => {
  it('refuses a plain value where a wrapper is written and a wrapped one where none is', () => {
    const errs = errorsOf(`struct H { g: Ghost<u8> }
fn takes(x: Ghost<u8>) {}
fn let_plain() { let x: Ghost<u8> = 3u8; }
fn arg_plain() { takes(3u8); }
fn result_plain() -> (r: Tracked<u8>) { 3u8 }
fn field_plain() { let h = H { g: 3u8 }; }
fn wrapped_as_plain(h: H) -> (r: u8) { h.g }
fn agreeing(x: Ghost<u8>) -> (r: Ghost<u8>) { takes(x); let y: Ghost<u8> = x; let h = H { g: Ghost(4u8) }; h.g }
fn generic<T>(t: T) -> (r: T) { t }`);
    for (const f of ['let_plain', 'arg_plain', 'result_plain', 'field_plain']) expect(errs[f]!.join(), f).toMatch(/mismatched types: expected `(Ghost|Tracked)<u8>`, found a value that is neither/);
    expect(errs.wrapped_as_plain!.join()).toMatch(/mismatched types: expected `u8`, found a `Ghost<..>`/);
    expect(errs.agreeing).toEqual([]);
    expect(errs.generic).toEqual([]);
  });
});

describe('modes of places and values', () => {
  it('refuses a spec value in an enum variant built with braces where a tracked value is wanted', () => {
    const errs = errorsOf(`struct P { id: int }
spec fn describe(i: int) -> P;
enum Slot { Held { p: P }, Empty }
proof fn forged() -> (tracked s: Slot) { Slot::Held { p: describe(1) } }
proof fn held(tracked q: P) -> (tracked s: Slot) { Slot::Held { p: q } }`);
    expect(errs.forged!.join()).toMatch(/expression has mode spec, expected mode proof/);
    expect(errs.held).toEqual([]);
  });
  it('refuses writing, in ghost code, a field a struct not declared tracked gives no mode', () => {
    const errs = errorsOf(`struct E { a: u64 }
tracked struct T { ghost a: u64, b: u64 }
fn exec_field(Tracked(x): Tracked<&mut E>) { proof { x.a = 5; } }
fn tracked_fields(Tracked(x): Tracked<&mut T>) { proof { x.a = 5; x.b = 6; } }`);
    expect(errs.exec_field!.join()).toMatch(/cannot mutate exec-mode place in ghost code/);
    expect(errs.tracked_fields).toEqual([]);
  });
  it('does not compare two `&mut` references in ghost code (Verus compares the references)', () => {
    const { checked, fns } = check(`fn two(a: &mut u64, b: &mut u64) { assert(a == b); }
fn referents(a: &mut u64, b: &mut u64) { assert(*a == *b); }
struct Q { v: u64 }
impl Q { spec fn set(self, v: u64) -> Q { Q { v } } fn set_v(&mut self, v: u64) ensures old(self).set(v) == self { self.v = v; } }`);
    expect(checked.fnUnsupported.get(fns.get('two')!)?.message).toMatch(/`==` of `&mut` references in ghost code/);
    expect(checked.fnUnsupported.get(fns.get('referents')!)).toBeUndefined();
    expect(checked.fnErrors.get(fns.get('referents')!) ?? []).toEqual([]);
  });
});
