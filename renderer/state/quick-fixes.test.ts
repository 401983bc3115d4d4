import { describe, expect, it } from 'vitest';
import type { ObligationResult } from '../../app/verification';
import { quickFixes } from './quick-fixes';

const span = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, column: c1 }, end: { line: l2, column: c2 } });

/** Applies edits (non-overlapping) to `text`, last first. */
function apply(text: string, edits: { span: ReturnType<typeof span>; text: string }[]): string {
  const lines = text.split('\n');
  const offset = (l: number, c: number) => lines.slice(0, l - 1).reduce((n, x) => n + x.length + 1, 0) + c - 1;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.span.start.line, b.span.start.column) - offset(a.span.start.line, a.span.start.column))) {
    out = out.slice(0, offset(e.span.start.line, e.span.start.column)) + e.text + out.slice(offset(e.span.end.line, e.span.end.column));
  }
  return out;
}

describe('quick fixes', () => {
  it("asserts a callee's precondition at the call, in the caller's terms", () => {
    const text = 'fn f(n: u64) {\n    let a = step(n + 1);\n}\n';
    const ob: ObligationResult = { kind: 'precondition', status: 'failed', span: span(2, 13, 2, 24), message: 'precondition not satisfied', assertion: '(n + 1) < 1000' };
    const [fix] = quickFixes(ob, text);
    expect(fix!.title).toBe("Assert the callee's precondition here");
    expect(apply(text, fix!.edits)).toBe('fn f(n: u64) {\n    assert((n + 1) < 1000);\n    let a = step(n + 1);\n}\n');
  });

  it('proves a bit-vector assertion by(bit_vector), and offers nothing for a proved one', () => {
    const text = 'fn g(x: u64) {\n    assert(x & 1 <= 1);\n}\n';
    const ob: ObligationResult = { kind: 'assertion', status: 'timeout', span: span(2, 5, 2, 24), message: 'assertion not proved within 10 s' };
    const fixes = quickFixes(ob, text);
    expect(fixes.map((f) => f.title)).toEqual(['Prove it by(bit_vector)']);
    expect(apply(text, fixes[0]!.edits)).toBe('fn g(x: u64) {\n    assert(x & 1 <= 1) by(bit_vector);\n}\n');
    expect(quickFixes({ ...ob, status: 'proved' }, text)).toEqual([]);
    expect(quickFixes({ ...ob, span: span(2, 5, 2, 24) }, 'fn g(x: u64) {\n    assert(x + 1 <= 1);\n}\n')).toEqual([]);
  });

  it('adds a fact lost at a loop to its invariant, with or without an invariant list', () => {
    const text = ['fn h(n: u64) {', '    let mut i = 0;', '    while i < n', '        invariant i <= n', '    {', '        i = i + 1;', '    }', '    assert(n >= 0);', '}', ''].join('\n');
    const ob: ObligationResult = {
      kind: 'assertion',
      status: 'failed',
      span: span(8, 5, 8, 20),
      message: 'assertion failed',
      counterexample: { variables: [], path: [], check: 'spurious', checkSpan: span(3, 5, 3, 16) },
    };
    const fix = quickFixes(ob, text).find((f) => f.title.startsWith('Add'))!;
    expect(fix.title).toBe('Add `n >= 0` to the loop invariant (line 3)');
    expect(apply(text, fix.edits).split('\n').slice(2, 6)).toEqual(['    while i < n', '        invariant i <= n,', '            n >= 0,', '    {']);
    const bare = text.replace('        invariant i <= n\n', '');
    const fix2 = quickFixes({ ...ob, span: span(7, 5, 7, 20) }, bare).find((f) => f.title.startsWith('Add'))!;
    expect(apply(bare, fix2.edits).split('\n').slice(2, 5)).toEqual(['    while i < n', '        invariant n >= 0,', '    {']);
  });
});
