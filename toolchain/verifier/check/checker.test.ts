import { describe, expect, it } from 'vitest';
import { parseFile } from '../parser';
import { Crate, tyStr } from '../resolver';
import type { Expr, FnItem } from '../ast';
import { checkCrate, type CheckedCrate } from './checker';

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
  it('int values may appear in exec signatures (Verus accepts them; they have no overflow obligations)', () => {
    expect(errorsOf(`fn f(a: int, b: int) -> bool { let c = a + b; c < 3 }`).f).toEqual([]);
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
