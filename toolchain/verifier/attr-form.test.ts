import { describe, it, expect } from 'vitest';
import { parseFile } from './parser';
import type { FnItem, Item } from './ast';

const fns = (items: Item[]) => items.filter((it): it is FnItem => it.k === 'fn');
const unsupported = (items: Item[]) => items.filter((it) => it.k === 'unsupported').map((it) => (it as { what: string }).what);

describe('attribute form (#[verus_spec] / #[verus_verify] outside verus!)', () => {
  it('reads a function\'s spec: the return value named, the clauses after the signature, the body\'s forms', () => {
    const src = [
      'use vstd::prelude::*;',
      '#[verus_spec(r =>',
      '    requires x < 10',
      '    ensures r == x + 1',
      ')]',
      'fn f(x: u32) -> u32 where {',
      '    let mut i = 0;',
      '    #[verus_spec(invariant i <= 3 decreases 3 - i)]',
      '    while i < 3 { i = i + 1; }',
      '    proof! { assert(i == 3); }',
      '    x + 1',
      '}',
    ].join('\n');
    const f = parseFile('a.rs', src);
    expect(f.diagnostics).toEqual([]);
    const [fn] = fns(f.items);
    expect(fn).toMatchObject({ name: 'f', ret: { name: 'r' }, requires: [{ k: 'binary', op: '<' }], ensures: [{ k: 'binary', op: '==' }] });
    const loop = fn!.body!.stmts.find((s) => s.k === 'expr' && s.e.k === 'while');
    expect(loop).toMatchObject({ e: { k: 'while', inv: [{ k: 'binary', op: '<=' }], dec: [{ k: 'binary', op: '-' }] } });
    // spans stay the source's: the clause is where it was written, in the attribute
    expect(src.slice(fn!.requires[0]!.sp.start, fn!.requires[0]!.sp.end)).toBe('x < 10');
  });

  it('leaves plain Rust plain: unmarked items and `#[verus_verify(external)]` are not verified', () => {
    const f = parseFile('a.rs', 'fn plain(x: u32) -> u32 { x + 1 }\n#[verus_verify(external)]\nfn ext() -> u8 { 1 }\n#[verus_verify]\nfn checked() {}\n');
    expect(fns(f.items).map((x) => x.name)).toEqual(['checked']);
    expect(unsupported(f.items)).toEqual([]);
  });

  it('verifies every function of a marked impl, and gives a trait method its spec', () => {
    const f = parseFile('a.rs', [
      '#[verus_verify] struct S { n: u32 }',
      '#[verus_verify] trait T { #[verus_spec(r => ensures r > 0)] fn m(&self) -> u32; }',
      '#[verus_verify] impl S { fn a(&self) -> u32 { self.n } #[verus_spec(requires self.n < 5)] fn b(&self) {} }',
    ].join('\n'));
    expect(f.diagnostics).toEqual([]);
    const kinds = f.items.map((it) => it.k);
    expect(kinds).toContain('struct');
    expect(kinds).toContain('trait');
    expect(fns(f.items).map((x) => [x.name, x.requires.length])).toEqual([['a', 0], ['b', 1]]);
  });

  it('splits proof_decl!: its ghost and tracked lets stay in the block, the rest is proof code; an exec let is Verus\'s error', () => {
    const f = parseFile('a.rs', '#[verus_spec]\nfn g() {\n    proof_decl! { let ghost mut x; x = 2int; let tracked y = false; assert(!y); }\n}\n');
    expect(f.diagnostics).toEqual([]);
    const kinds = fns(f.items)[0]!.body!.stmts.map((s) => (s.k === 'expr' ? s.e.k : s.k));
    expect(kinds).toEqual(['let', 'proof', 'let', 'proof']);
    const bad = parseFile('b.rs', '#[verus_spec]\nfn g() {\n    proof_decl! { let x = true; }\n}\n');
    expect(bad.diagnostics.map((d) => d.message)).toEqual(['Exec local is not allowed in proof_decl']);
  });

  it('gives Verus\'s errors for misused attributes', () => {
    const msgs = (src: string) => parseFile('a.rs', src).diagnostics.map((d) => d.message);
    expect(msgs('#[verus_verify(external, spinoff_prover)]\nfn f() {}')).toEqual(['conflict parameters in #[verus_verify(...)]']);
    expect(msgs('#[verus_spec(ensures true)]\n#[verus_verify(rlimit(1))]\nfn f() {}')).toEqual(['#[verus_verify] attributes should be applied before #[verus_spec].']);
    expect(msgs('#[verus_spec(ensures true)]\n#[verus_spec(ensures true)]\nfn f() {}')).toEqual(['Multiple #[verus_spec] attributes are not allowed']);
    expect(msgs('#[verus_verify(frobnicate)]\nfn f() {}')).toEqual(['unsupported parameters frobnicate in #[verus_verify(...)]']);
    // `dual_spec` of a fn with a `&mut` parameter (the spec fn is its `when_used_as_spec`), or of a
    // trait impl's method (the spec fn would be a method the trait lacks)
    expect(msgs('#[verus_verify(dual_spec(spec_f))]\n#[verus_spec(returns f(x, y))]\nfn f(x: &mut u32, y: u32) -> u32 { *x }')).toEqual(['when_used_as_spec not supported for function with &mut param']);
    expect(msgs('trait X { fn f(&self) -> u32; }\n#[verus_verify]\nimpl X for u32 {\n#[verus_verify(dual_spec(spec_f))]\nfn f(&self) -> u32 { *self } }')).toEqual(['method `spec_f` is not a member of trait `X`']);
    expect(msgs('#[verus_verify]\nimpl<T> X<T> for Vec<T> {\n#[verus_verify(dual_spec)]\nfn f(&self) -> u32 { 0 } }')).toEqual(['method `__VERUS_SPEC_f` is not a member of trait `X`']);
  });

  it('reports what it does not read as unsupported, never verified without it', () => {
    const cases: [string, RegExp][] = [
      // (a ghost output given on another path than the body's tail; `with` on a loop)
      ['#[verus_spec(r => with Tracked(y): Tracked<&mut int>, -> z: Ghost<int> ensures r == 1)]\nfn f() -> u32 { return 1; }', /a ghost output/],
      ['#[verus_spec]\nfn f() { #[verus_spec(with Ghost(0))]\nwhile true {} }', /`with` in `#\[verus_spec/],
      ['#[verus_verify(dual_spec)]\n#[verus_spec(returns x)]\nfn f(x: u32) -> u32 { x }', /dual_spec/],
      ['#[verus_spec(requires true)]\nconst C: u32 = 1;', /on a `const` item other than `ensures/],
      ['#[verus_spec(requires true)]\nstatic f: u32 = 1;', /on a `static` item other than `ensures/],
      ['#[verus_spec((a, b) => ensures a == b)]\nfn f() -> (u32, u32) { (1, 1) }', /return pattern other than a name/],
      ['#[verus_spec]\nfn f() { proof_with!{Ghost(0)} let x = 1; }', /proof_with!/],
      // (ghost arguments of a call that is not the whole expression)
      ['#[verus_spec]\nfn f() { #[verus_spec(with Ghost(0))]\nlet x = g(1).h(2); }', /on a statement or expression/],
      // a Verus form inside a plain (unmarked) item: the parser's report
      ['mod m { #[verus_spec(ensures false)] fn f() {} }', /outside verus!/],
      ['fn plain() { proof! { assert(false); } }', /outside verus!/],
    ];
    for (const [src, what] of cases) {
      const f = parseFile('a.rs', src);
      expect(unsupported(f.items).some((u) => what.test(u)), src).toBe(true);
      // the function whose spec is not read is left plain Rust, not verified without its spec
      if (!/proof_with|while|with Ghost/.test(src)) expect(fns(f.items).map((x) => x.name), src).not.toContain('f');
    }
  });
});
