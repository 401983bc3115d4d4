import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { erase } from './erase';
import { lex } from '../syntax/lexer';

const GHOST = new Set(['requires', 'ensures', 'invariant', 'decreases', 'spec', 'proof', 'Ghost', 'Tracked', 'assume', '==>', '&&&', '<==>', 'forall']);

const WS = join(__dirname, '..', '..', 'kernel-workspace', 'src');

function rustFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? rustFiles(p) : p.endsWith('.rs') ? [p] : [];
  });
}

/** Every character of `out` is either the original character at the same offset or a blank. */
function expectPositionsKept(src: string, out: string) {
  expect(out.length).toBe(src.length);
  for (let i = 0; i < src.length; i++) {
    if (out[i] !== src[i]) {
      expect(out[i]).toBe(' ');
      expect(src[i]).not.toBe('\n');
    }
  }
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('erase', () => {
  it('keeps every non-ghost character at its line:column in every kernel file', () => {
    const files = rustFiles(WS);
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      const r = erase(src);
      expect(r.diagnostics, f).toEqual([]);
      expectPositionsKept(src, r.text);
      const srcLines = src.split('\n');
      const outLines = r.text.split('\n');
      expect(outLines.length).toBe(srcLines.length);
      // no ghost syntax survives
      const left = lex(r.text).tokens.filter((t) => GHOST.has(t.text));
      expect(left.map((t) => `${f}:${t.line}:${t.column} ${t.text}`)).toEqual([]);
    }
  });

  it('removes the verus! wrapper, spec/proof fns, clauses and ghost statements', () => {
    const src = `use vstd::prelude::*;
verus! {
global size_of usize == 8;
pub open spec fn f(x: int) -> bool { x > 0 }
proof fn lemma(x: u64) ensures x == x {}
fn g(a: u64, Ghost(b): Ghost<int>) -> (r: u64)
    requires a < 10,
    ensures r == a + 1,
{
    let ghost c = a;
    proof { lemma(a); }
    assert(a < 10);
    assert(a & 1 == a % 2) by(bit_vector);
    assert forall|i: int| 0 <= i < 3 implies f(i) by { lemma(a); }
    assume(a == a);
    let mut i = 0;
    while i < a
        invariant i <= a,
        decreases a - i,
    {
        i = i + 1;
    }
    a + 1
}
}
`;
    const r = erase(src);
    expect(r.diagnostics).toEqual([]);
    expect(r.blocks).toBe(1);
    expectPositionsKept(src, r.text);
    expect(squash(r.text)).toBe('fn g(a: u64 ) -> u64 { let mut i = 0; while i < a { i = i + 1; } a + 1 }');
    // rustc would see `a + 1` at its original line and column
    const line = src.split('\n').findIndex((l) => l.trim() === 'a + 1');
    expect(r.text.split('\n')[line]).toBe(src.split('\n')[line]);
  });

  it('erases a result named by a pattern, and keeps a tuple return type', () => {
    const src = `verus! {
fn f(x: u64) -> ((a, b): (u64, bool))
    ensures a == x,
{
    (x, true)
}
fn g() -> ((u8, u8), u32) { ((1, 2), 3) }
}`;
    const r = erase(src);
    expect(r.diagnostics).toEqual([]);
    expectPositionsKept(src, r.text);
    expect(squash(r.text)).toBe('fn f(x: u64) -> (u64, bool) { (x, true) } fn g() -> ((u8, u8), u32) { ((1, 2), 3) }');
  });

  it('erases ghost fields, ghost arguments, struct-literal ghost fields and ghost assignments', () => {
    const src = `verus! {
pub struct S {
    pub a: u64,
    /// doc of the ghost field
    pub m: Ghost<Map<u64, (u64, u64)>>,
}
fn h(s: &mut S, t: Tracked<Set<u64>>, x: u64) {
    s.m = Ghost(s.m@.insert(1, (2, 3)));
    let v = S { a: 1, m: Ghost(Map::empty()) };
    k(x, Ghost(3), Tracked(t), x);
}
}`;
    const r = erase(src);
    expect(r.diagnostics).toEqual([]);
    expectPositionsKept(src, r.text);
    expect(squash(r.text)).toBe('pub struct S { pub a: u64, } fn h(s: &mut S, x: u64) { let v = S { a: 1 }; k(x, x); }');
  });

  it('strips #[verifier::..] and #[trigger] but keeps external_body bodies (trusted code)', () => {
    const src = `verus! {
#[verifier::external_body]
pub fn raw(p: u64) -> (v: u64)
    ensures v == 0,
{
    unsafe { *(p as *const u64) }
}
}`;
    const r = erase(src);
    expect(r.diagnostics).toEqual([]);
    expect(squash(r.text)).toBe('pub fn raw(p: u64) -> u64 { unsafe { *(p as *const u64) } }');
  });

  it('erases every clause of toolchain/syntax/clauses.ts (returns, no_unwind, decreases .. when ..)', () => {
    const src = 'verus! {\nfn t(when: u8) -> u8\n    returns 20u8,\n    no_unwind\n{ let via = when; via }\nfn r(n: u64) -> u64 decreases n when n > 0 via lemma { n }\n}\n';
    const r = erase(src);
    expect(r.diagnostics).toEqual([]);
    expectPositionsKept(src, r.text);
    // an exec variable named like a clause continuation is not erased
    expect(squash(r.text)).toBe('fn t(when: u8) -> u8 { let via = when; via } fn r(n: u64) -> u64 { n }');
  });

  it('leaves code outside verus! alone (assert! stays)', () => {
    const src = 'fn main() { assert!(1 < 2); let requires = 3; }\n';
    expect(erase(src).text).toBe(src);
  });

  it('fails loudly, with a span, on what it cannot erase', () => {
    const r = erase('verus! {\nfn f() {\n    let ghost x = 1\n}\n}\n');
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics[0]!.line).toBe(3);
    expect(r.diagnostics[0]!.message).toMatch(/erase:/);
    const r2 = erase('verus! {\nfn f() {\n');
    expect(r2.diagnostics.length).toBeGreaterThan(0);
  });

  it('erases the whole kernel fast', () => {
    const files = rustFiles(WS).map((f) => readFileSync(f, 'utf8'));
    const t = performance.now();
    for (const src of files) erase(src);
    expect(performance.now() - t).toBeLessThan(1000);
  });
});
