import { describe, expect, it } from 'vitest';
import { parseFile } from '../parser';
import { Crate } from '../resolver';
import type { FnItem } from '../ast';
import { scopeOf, within } from './visibility';
import { checkErrorsOf as errorsOf } from '../tests/check-errors';
import { checkCrate } from './checker';

describe('signature rules (check/signature.ts)', () => {
  it('refuses unsafe on proof/spec fns, mut params of spec fns, mut self, a return value named like a parameter', () => {
    const e = errorsOf(`unsafe proof fn a() {}\nunsafe fn b() {}\nspec fn c(mut x: int) -> int { x }\nfn d(mut x: u8) { x = 1; }\nstruct T {}\nimpl T { fn e(mut self) {} fn f(self) {} }\nfn g(x: u64) -> (x: bool) { true }\nfn h(x: u64) -> (r: bool) { true }`);
    expect(e.a).toEqual(["'unsafe' only makes sense on exec-mode functions"]);
    expect(e.b).toEqual([]);
    expect(e.c).toEqual(['mut argument not allowed for spec functions']);
    expect(e.d).toEqual([]);
    expect(e.e).toEqual(['The verifier does not yet support the following Rust feature: mut self']);
    expect(e.f).toEqual([]);
    expect(e.g![0]).toMatch(/^return value name collides with a parameter name/);
    expect(e.h).toEqual([]);
  });
  it('a by-value self is not mutable', () => {
    const e = errorsOf(`struct T { v: u8 }\nimpl T { fn f(self) { self = T { v: 1 }; } }`);
    expect(e.f!.join()).toMatch(/cannot assign twice to immutable variable `self`/);
  });
});

describe('recursion rules (check/recursion.ts)', () => {
  it('a recursive proof fn (directly or mutually) needs decreases; one with it is fine', () => {
    const e = errorsOf(`proof fn a(i: nat) { a(i); }\nproof fn b(i: nat) decreases i { if i > 0 { b((i - 1) as nat); } }\nproof fn c(i: nat) { d(i); }\nproof fn d(i: nat) decreases i { c(i); }\nproof fn leaf(i: nat) {}\nproof fn calls_leaf() { leaf(0); }`);
    expect(e.a).toEqual(['recursive function must have a decreases clause']);
    expect(e.b).toEqual([]);
    expect(e.c).toEqual(['recursive function must have a decreases clause']);
    expect(e.d).toEqual([]);
    expect(e.calls_leaf).toEqual([]);
  });
  it('reveal_with_fuel above 1 needs a recursive spec fn with decreases', () => {
    const e = errorsOf(`spec fn id(a: bool) -> bool { a }\nspec fn s(n: nat) -> nat decreases n { if n == 0 { 0 } else { s((n - 1) as nat) } }\nspec fn w(n: nat) -> nat decreases n { s(n) }\nproof fn p1() { reveal_with_fuel(id, 2); }\nproof fn p2() { reveal_with_fuel(id, 1); }\nproof fn p3() { reveal_with_fuel(w, 3); }\nproof fn p4() { reveal_with_fuel(s, 3); }`);
    expect(e.p1).toEqual(['reveal_with_fuel statements require a spec function with a decreases clause']);
    expect(e.p2).toEqual([]);
    expect(e.p3).toEqual(['this function is not recursive (nor mutually recursive), so fuel cannot be set to more than 1']);
    expect(e.p4).toEqual([]);
  });
});

describe('statement and quantifier attributes', () => {
  it('allows one proof_note / custom_err per assertion and keeps its text on the statement', () => {
    const e = errorsOf(`proof fn a() {\n#[verifier::proof_note("x")]\n#[verifier::custom_err("y")]\nassert(true);\n}\nproof fn b() {\n#[verifier::custom_err("one two")]\nassert(true);\n}`);
    expect(e.a).toEqual(['at most one `proof_note` attribute is allowed']);
    expect(e.b).toEqual([]);
    const file = parseFile('t.rs', `verus! { proof fn b() { #[verifier::custom_err("one \\"two\\"")] assert(true); } }`);
    const f = file.items[0] as FnItem;
    expect(f.body!.stmts[0]).toMatchObject({ k: 'assert', notes: [{ kind: 'custom_err', text: 'one "two"' }] });
  });
  it('refuses unknown inner quantifier attributes and #[trigger EXPR]', () => {
    const e = errorsOf(`spec fn f(x: int) -> bool;\nspec fn a() -> bool { forall|x: int| #![autos] f(x) }\nspec fn b() -> bool { forall|x: int| #![auto] f(x) }\nspec fn c() -> bool { forall|x: int| #[trigger f(x)] f(x) }\nspec fn d() -> bool { forall|x: int| #[trigger] f(x) }`);
    expect(e.a).toEqual(['expected trigger']);
    expect(e.b).toEqual([]);
    expect(e.c).toEqual(['invalid trigger attribute: to provide a trigger expression, use the #![trigger <expr>] attribute']);
    expect(e.d).toEqual([]);
  });
  it('loop_isolation(false) loops may not have invariant_except_break or ensures', () => {
    const loop = (clause: string) => `let mut i: u8 = 0; while i < 3 ${clause} invariant i <= 3 decreases 3 - i { i = i + 1; }`;
    const e = errorsOf(`#[verifier::loop_isolation(false)]\nfn a() { ${loop('invariant_except_break i < 3')} }\n#[verifier::loop_isolation(false)]\nfn b() { ${loop('')} }\nfn c() { ${loop('invariant_except_break i < 3')} }\nfn d() { let mut i: u8 = 0; #[verifier::loop_isolation(false)] loop invariant i <= 3 ensures i == 3 decreases 3 - i { if i == 3 { break; } i = i + 1; } }`);
    expect(e.a![0]).toMatch(/^loop invariants with 'loop_isolation\(false\)' cannot be invariant_except_break or ensures/);
    expect(e.b).toEqual([]);
    expect(e.c).toEqual([]);
    expect(e.d![0]).toMatch(/^loop invariants with 'loop_isolation\(false\)'/);
  });
});

describe('visibility of open spec fn bodies (check/visibility.ts)', () => {
  it('scopes: private is the module, pub(crate) the crate, pub(super) the parent, pub(in path) that path, pub everywhere', () => {
    const sp = { start: 0, end: 0 };
    expect(scopeOf({ k: 'private' }, ['a', 'b'])).toEqual(['a', 'b']);
    expect(scopeOf(undefined, [])).toEqual([]);
    expect(scopeOf({ k: 'pub' }, ['a'])).toBeNull();
    expect(scopeOf({ k: 'in', path: ['crate'], sp }, ['a', 'b'])).toEqual([]);
    expect(scopeOf({ k: 'in', path: ['super'], sp }, ['a', 'b'])).toEqual(['a']);
    expect(scopeOf({ k: 'in', path: ['crate', 'a'], sp }, ['a', 'b'])).toEqual(['a']);
    expect(scopeOf({ k: 'in', path: ['self'], sp }, ['a', 'b'])).toEqual(['a', 'b']);
    expect(within(['a', 'b'], ['a'])).toBe(true);
    expect(within(['a'], ['a', 'b'])).toBe(false);
    expect(within(null, [])).toBe(false);
    expect(within([], null)).toBe(true);
  });
  it('refuses private fields, datatypes, functions and consts in a pub open body; closed bodies and transparent types are fine', () => {
    const e = errorsOf(`mod m {
      pub struct Car { n: nat, pub d: bool }
      pub struct Bike { pub t: bool }
      struct Hidden { pub f: u8 }
      enum E { C }
      spec fn helper() -> bool { true }
      const K: u8 = 0;
      pub open spec fn f1(c: Car) -> nat { c.n }
      pub open spec fn f2(c: Car) -> bool { c.d }
      pub open spec fn f3() -> Car { Car { n: 0, d: true } }
      pub open spec fn f4() -> bool { let _e = E::C; true }
      pub open spec fn f5(h: Hidden) -> bool { h.f == 0 }
      pub open spec fn f6() -> bool { helper() }
      pub open spec fn f7() -> u8 { K }
      pub closed spec fn g1(c: Car) -> nat { c.n }
      pub open spec fn g2(b: Bike) -> bool { b.t && (Bike { t: true }).t }
      pub(crate) open spec fn g3(h: Hidden) -> bool { h.f == 0 }
    }`);
    expect(e.f1).toEqual(['disallowed: field expression for an opaque datatype']);
    expect(e.f2).toEqual(['disallowed: field expression for an opaque datatype']);
    expect(e.f3).toEqual(['disallowed: constructor for an opaque datatype']);
    expect(e.f4).toEqual(['disallowed: constructor for a non-visible datatype']);
    expect(e.f5).toEqual(['disallowed: field expression for a non-visible datatype']);
    expect(e.f6).toEqual(['in pub open spec function, cannot refer to private function']);
    expect(e.f7).toEqual(['in pub open spec function, cannot refer to private const']);
    expect(e.g1).toEqual([]);
    expect(e.g2).toEqual([]);
    // pub(crate) in `m`: the body is visible in the whole crate, `Hidden` only in `m`
    expect(e.g3).toEqual(['disallowed: field expression for a non-visible datatype']);
  });
  it('open(..) restricts where the body is visible, and may not reach further than the function', () => {
    const e = errorsOf(`mod m { pub mod n {
      spec fn p() -> bool { true }
      pub open(in crate::m) spec fn a() -> bool { p() }
      pub(in crate::m) open(crate) spec fn b() -> bool { true }
      pub open(self) spec fn c() -> bool { p() }
      pub(crate) open(super) spec fn d() -> bool { true }
    } }`);
    expect(e.a).toEqual(['in pub open spec function, cannot refer to private function']);
    expect(e.b).toEqual(["the function body is declared 'open' to a wider scope than the function itself"]);
    expect(e.c).toEqual([]);
    expect(e.d).toEqual([]);
  });
});

describe("a trait constant's value (associated constants are not modelled, their values are checked)", () => {
  const constErrors = (body: string): Record<string, string[]> => {
    const file = parseFile('t.rs', `verus! {\n${body}\n}`);
    expect(file.diagnostics).toEqual([]);
    const checked = checkCrate(new Crate([file]));
    const out: Record<string, string[]> = {};
    for (const it of file.items) if (it.k === 'const') out[it.name] = (checked.constErrors.get(it) ?? []).map((e) => e.message);
    return out;
  };
  it('calls no exec function (not even a const fn) and reads no spec or exec const, in an impl and in a default', () => {
    const e = constErrors(`const fn f() -> u8 { 3 }
spec const Q: u8 = 3;
exec const R: u8 = 3;
const P: u8 = 3;
trait T { const A: u8 = f(); const B: u8 = Q; const C: u8 = R; const D: u8 = P + 1; const E: u8; }
impl T for bool { const A: u8 = f(); const B: u8 = Q; const C: u8 = R; const D: u8 = P; const E: u8 = 1; }
trait G<X> { const A: Option<X> = None; const B: u8 = f(); }`);
    expect(e['A (default of trait `T`)']).toEqual(['cannot call function `f` with mode exec']);
    expect(e['A (of `impl T for bool`)']![0]).toMatch(/^Verus does not support const items in traits, except for/);
    expect(e['B (default of trait `T`)']).toEqual(['expression has mode spec, expected mode exec']);
    expect(e['B (of `impl T for bool`)']).toEqual(['expression has mode spec, expected mode exec']);
    expect(e['C (default of trait `T`)']).toEqual(['cannot read const with mode exec']);
    expect(e['C (of `impl T for bool`)']).toEqual(['cannot read const with mode exec']);
    expect(e['D (default of trait `T`)']).toEqual([]);
    expect(e['E (of `impl T for bool`)']).toEqual([]);
    // (a generic trait's value may name its parameters: not checked here, left to the trait's `unsupported`)
    expect(e['A (default of trait `G`)']).toBeUndefined();
    expect(e['B (default of trait `G`)']).toEqual(['cannot call function `f` with mode exec']);
  });
});
