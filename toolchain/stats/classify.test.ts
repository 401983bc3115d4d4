import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { LineCategory } from '../../app/stats';
import { classifySource } from './classify';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const LETTER: Record<string, LineCategory> = { E: 'exec', S: 'spec', P: 'proof', T: 'trusted', C: 'comment', B: 'blank' };

/** `12 P |     proof {` lines, so a failure shows which line went wrong. */
function annotated(text: string, cats: string[]): string[] {
  const lines = text.split('\n');
  return cats.map((c, i) => `${String(i + 1).padStart(3)} ${c.padEnd(7)} | ${lines[i]}`);
}

function expectFixture(name: string): void {
  const text = fixture(`${name}.rs`);
  const expected = fixture(`${name}.expected`)
    .trim()
    .split('\n')
    .map((l) => LETTER[l.trim()]!);
  const got = classifySource(text).lines;
  expect(annotated(text, got)).toEqual(annotated(text, expected));
}

function categories(src: string): string {
  return classifySource(src)
    .lines.map((c) => c[0]!.toUpperCase())
    .join('');
}

function countOf(lines: LineCategory[]): Record<LineCategory, number> {
  const c: Record<LineCategory, number> = { exec: 0, spec: 0, proof: 0, trusted: 0, comment: 0, blank: 0 };
  for (const l of lines) c[l]++;
  return c;
}

describe('line classifier on hand-annotated fixtures', () => {
  it('alloc.rs: every line as annotated in alloc.expected', () => expectFixture('alloc'));
  it('edge.rs: every line as annotated in edge.expected', () => expectFixture('edge'));

  it('alloc.rs: hand-counted totals per category', () => {
    expect(countOf(classifySource(fixture('alloc.rs')).lines)).toEqual({
      exec: 26,
      spec: 23,
      proof: 11,
      trusted: 14,
      comment: 5,
      blank: 12,
    });
  });

  it('edge.rs: hand-counted totals per category', () => {
    expect(countOf(classifySource(fixture('edge.rs')).lines)).toEqual({
      exec: 20,
      spec: 6,
      proof: 7,
      trusted: 8,
      comment: 3,
      blank: 1,
    });
  });

  it('attributes functions with names, modes, spans and trust', () => {
    const fns = classifySource(fixture('alloc.rs')).functions.map((f) => ({
      name: f.name,
      mode: f.mode,
      trusted: f.trusted,
      verified: f.verified,
      lines: [f.span.start.line, f.span.end.line],
    }));
    expect(fns).toEqual([
      { name: 'PageAllocator::view', mode: 'spec', trusted: false, verified: true, lines: [19, 21] },
      { name: 'PageAllocator::wf', mode: 'spec', trusted: false, verified: true, lines: [23, 26] },
      { name: 'PageAllocator::lemma_free_bounded', mode: 'proof', trusted: false, verified: true, lines: [28, 36] },
      { name: 'PageAllocator::alloc', mode: 'exec', trusted: false, verified: true, lines: [38, 67] },
      { name: 'PageAllocator::zero_page', mode: 'exec', trusted: true, verified: false, lines: [70, 76] },
      { name: 'outb', mode: 'exec', trusted: false, verified: false, lines: [88, 91] },
    ]);
    const alloc = classifySource(fixture('alloc.rs')).functions[3]!;
    expect(alloc.span).toEqual({ start: { line: 38, column: 5 }, end: { line: 67, column: 6 } });
  });

  it('names trait methods, trait impls and functions in nested modules', () => {
    const names = classifySource(fixture('edge.rs')).functions.map((f) => `${f.name}:${f.mode}`);
    expect(names).toEqual([
      'Frame::frames:spec',
      'Frame::count:exec',
      'Counter::frames:spec',
      'Counter::count:exec',
      'pigeonhole:proof',
      'lemma_mul:proof',
      'bits:exec',
      'debug_print:exec',
      'spin:exec',
    ]);
  });

  it('impl headers: generics, paths, references and where clauses', () => {
    const src = [
      'verus! {',
      'impl<T: Copy> Stack<T> { fn a(&self) {} }',
      'impl<const N: usize> core::fmt::Debug for mm::Table<N> where [u8; N]: Sized { fn b(&self) {} }',
      "impl<'a> Iterator for &'a mut Walker<'a, Vec<u8>> { fn c(&self) {} }",
      '}',
    ].join('\n');
    expect(classifySource(src).functions.map((f) => f.name)).toEqual(['Stack::a', 'Table::b', 'Walker::c']);
  });

  it('lists the trusted base with kinds, spans and enclosing functions', () => {
    const t = classifySource(fixture('alloc.rs')).trusted.map((e) => ({
      kind: e.kind,
      name: e.name,
      fn: e.function,
      lines: [e.span.start.line, e.span.end.line],
    }));
    expect(t).toEqual([
      { kind: 'assume', name: 'assume', fn: 'PageAllocator::alloc', lines: [58, 58] },
      { kind: 'external_body', name: 'PageAllocator::zero_page', fn: undefined, lines: [69, 76] },
      { kind: 'asm', name: 'global_asm!', fn: undefined, lines: [81, 85] },
      { kind: 'asm', name: 'asm!', fn: 'outb', lines: [90, 90] },
    ]);
    const kinds = classifySource(fixture('edge.rs')).trusted.map((e) => `${e.kind}:${e.name}`);
    expect(kinds).toEqual(['axiom:pigeonhole', 'admit:admit', 'external:debug_print', 'asm:asm!']);
  });

  it('marks exec lines outside verus! as unverified', () => {
    const c = classifySource(fixture('alloc.rs'));
    const lines = c.unverified.flatMap((u, i) => (u ? [i + 1] : []));
    expect(lines).toEqual([2, 4, 88, 89, 91]);
  });
});

describe('classification rules, one at a time', () => {
  it('comments and blank lines', () => {
    expect(categories('// a\n\n/// b\n  \t\nfn f() {} // trailing\n/* c */ fn g() {}\n')).toBe('CBCBEE');
    // whitespace-only lines inside a block comment are blank; a final newline opens no line
    expect(categories('/*\n\n*/\n')).toBe('CBC');
    expect(categories('')).toBe('');
    expect(categories('\n')).toBe('B');
    expect(categories('x\r\n\r\ny')).toBe('EBE');
  });

  it('Verus keywords mean nothing outside verus!', () => {
    expect(categories('spec fn f() -> int { 1 }\nfn g() { assert(x); proof { } }\n')).toBe('EE');
  });

  it('spec fn items are spec, proof fn items proof with spec clauses', () => {
    const src = ['verus! {', 'spec fn f() -> int {', '  1', '}', 'proof fn l()', '  ensures f() == 1,', '{', '}', '}'].join('\n');
    expect(categories(src)).toBe('ESSSPSPPE');
  });

  it('exec fn: signature and body exec, clauses spec until the body', () => {
    const src = ['verus! {', 'fn f(x: u8) -> (r: u8)', '  requires x < 5,', '    x > 0', '  ensures r == x', '{', '  x', '}', '}'].join(
      '\n',
    );
    expect(categories(src)).toBe('EESSSEEEE');
  });

  it('proof statements inside exec bodies', () => {
    const src = [
      'verus! {',
      'fn f() {',
      '  let a = 1;',
      '  assert(a == 1);',
      '  assert(a == 1) by {',
      '    lemma();',
      '  }',
      '  let b = 2;',
      '  let ghost g = a;',
      '  let tracked t = perm;',
      '  proof { lemma(); }',
      '  reveal(f);',
      '  assert!(a == 1);',
      '  x.assert(1);',
      '}',
      '}',
    ].join('\n');
    expect(categories(src)).toBe('EEEPPPPEPPPPEEEE');
  });

  it('statements and fields whose whole value is Ghost(..)/Tracked(..) are proof', () => {
    const src = [
      'verus! {',
      'fn f(&mut self) {',
      '    self.mapping = Ghost(self.mapping@.insert(va, e));',
      '    let g = Ghost(5);',
      '    let t: Tracked<P> = Tracked(p);',
      '    let x = foo(a, Ghost(b));',
      '    let s = S {',
      '        a: 1,',
      '        m: Ghost(Map::empty()),',
      '        t: Tracked(perm)',
      '    };',
      '    x = Ghost(1) + 2;',
      '    self.v[i] = Ghost(3);',
      '    Ghost(x)',
      '}',
      '}',
    ].join('\n');
    expect(categories(src)).toBe('EEPPPEEEPPEEPEEE');
  });

  it('assert ... by(...) without a block ends at its semicolon', () => {
    const src = ['verus! {', 'fn f() {', '  assert(x) by (nonlinear_arith)', '    requires y;', '  let z = 1;', '}', '}'].join('\n');
    expect(categories(src)).toBe('EEPPEEE');
  });

  it('loop clauses are spec, the loop body is not', () => {
    const src = ['verus! {', 'fn f() {', '  while i < n', '    invariant i <= n,', '    decreases n - i', '  {', '    i += 1;', '  }', '}', '}'].join(
      '\n',
    );
    expect(categories(src)).toBe('EEESSEEEEE');
  });

  it('ghost fields are spec, other fields exec', () => {
    const src = ['verus! {', 'struct S {', '  a: u64,', '  b: Ghost<Map<u64, u64>>,', '  c: vstd::Tracked<P>,', '  d: Option<Ghost<u8>>,', '}', 'struct T(', '  u8,', '  Ghost<int>,', ');', 'struct U(u8, Ghost<int>);', '}'].join('\n');
    // a line holding a ghost field is spec (spec > exec), so is a one-line struct with one
    expect(categories(src)).toBe('EEESSEEEESESE');
  });

  it('trusted wins over every other category on a line', () => {
    const src = ['verus! {', 'proof fn l() { assume(false); }', 'fn f() { proof { admit(); } }', '#[verifier(external_body)]', 'fn g()', '  ensures true', '{ }', '}'].join(
      '\n',
    );
    expect(categories(src)).toBe('ETTTTTTE');
  });

  it('functions inside a trusted impl or mod are flagged trusted; one entry for the item', () => {
    const src = ['verus! {', '#[verifier::external_body]', 'impl<T> Port<T> {', '  fn read(&self) -> u8 { 0 }', '}', '#[verifier::external]', 'mod raw {', '  fn poke() {}', '}', 'fn ok() {}', '}'].join(
      '\n',
    );
    const c = classifySource(src);
    expect(c.lines.map((l) => l[0]!.toUpperCase()).join('')).toBe('ETTTTTTTTEE');
    expect(c.functions.map((f) => [f.name, f.trusted, f.verified])).toEqual([
      ['Port::read', true, false],
      ['poke', true, false],
      ['ok', false, true],
    ]);
    expect(c.trusted.map((t) => `${t.kind}:${t.name}`)).toEqual(['external_body:Port', 'external:raw']);
  });

  it('asm is trusted inside and outside verus!', () => {
    const src = ['fn f() {', '  unsafe { asm!("nop"); }', '  x();', '}', 'core::arch::global_asm!("', '  nop', '");'].join('\n');
    expect(categories(src)).toBe('ETEETTT');
  });

  it('proof beats spec beats exec on a mixed line', () => {
    const src = ['verus! {', 'fn f() -> (r: u8) ensures r == 1 { assert(true); 1 }', 'fn g() -> (r: u8) ensures r == 1 { 1 }', '}'].join('\n');
    expect(categories(src)).toBe('EPSE');
  });
});

describe('malformed input', () => {
  it('reports unbalanced delimiters and unterminated literals as diagnostics', () => {
    const c = classifySource(fixture('malformed.rs'));
    expect(c.lines.length).toBe(9);
    const messages = c.diagnostics.map((d) => d.message);
    expect(messages).toContain('unterminated string literal');
    expect(messages).toContain("unclosed '{'");
    expect(messages).toContain("unclosed '('");
    expect(c.diagnostics.every((d) => !d.message.startsWith('internal error'))).toBe(true);
    // spans stay inside the file
    for (const d of c.diagnostics) expect(d.span.end.line).toBeLessThanOrEqual(9);
    expect(categories('}}} fn f() { ) ] }')).toBe('E');
  });

  it('pathologically deep nesting degrades gracefully, without the fallback', () => {
    const depth = 50_000;
    const src = 'verus! {\nfn f() {\n  assert(x);\n' + '{'.repeat(depth) + '\n' + '}'.repeat(depth) + '\n}\n}\n';
    const c = classifySource(src);
    expect(c.lines).toEqual(['exec', 'exec', 'proof', 'exec', 'exec', 'exec', 'exec']);
    expect(c.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('nesting deeper than')]);
    expect(c.functions.map((f) => f.name)).toEqual(['f']);
  });

  const rustish = fc.constantFrom(
    'verus!', '{', '}', '(', ')', '[', ']', '<', '>', ';', ',', '#', '!', '::', '|', '\n', '\n', ' ', '"', "'", '/*', '*/', '//',
    'fn', 'f', 'spec', 'proof', 'open', 'pub', 'impl', 'trait', 'struct', 'for', 'mod', 'requires', 'ensures', 'invariant',
    'decreases', 'assert', 'assume', 'admit', 'by', 'let', 'ghost', 'tracked', 'while', 'asm', 'global_asm', 'Ghost',
    '#[verifier::external_body]', 'axiom', 'broadcast', 'use', 'x', '1', '\r\n',
  );
  const sources = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 100 }),
    fc.array(rustish, { maxLength: 120 }).map((a) => a.join(' ')),
    fc.array(rustish, { maxLength: 120 }).map((a) => a.join('')),
  );

  it('never throws, never falls back, and counts every line exactly once (property)', () => {
    fc.assert(
      fc.property(sources, (src) => {
        const c = classifySource(src);
        const expectedLines = src === '' ? 0 : src.split('\n').length - (src.endsWith('\n') ? 1 : 0);
        expect(c.lineCount).toBe(expectedLines);
        expect(c.lines.length).toBe(expectedLines);
        expect(Object.values(countOf(c.lines)).reduce((a, b) => a + b, 0)).toBe(expectedLines);
        expect(c.diagnostics.filter((d) => d.message.startsWith('internal error'))).toEqual([]);
        for (const f of c.functions) {
          expect(f.span.start.line).toBeGreaterThanOrEqual(1);
          expect(f.span.end.line).toBeLessThanOrEqual(Math.max(expectedLines, 1));
          expect(f.span.start.line).toBeLessThanOrEqual(f.span.end.line);
        }
        for (const t of c.trusted) {
          expect(t.span.end.line).toBeLessThanOrEqual(Math.max(expectedLines, 1));
          // a trusted entry's first line is counted trusted
          expect(c.lines[t.span.start.line - 1]).toBe('trusted');
        }
        // whitespace-only lines are blank, whatever surrounds them, unless inside a string literal
        src.split('\n').forEach((l, i) => {
          if (i < expectedLines && c.lines[i] === 'comment') expect(l.trim()).not.toBe('');
        });
      }),
      { numRuns: 1500 },
    );
  });
});
