import { describe, expect, it } from 'vitest';
import type { FunctionResult } from '../../app/verification';
import type { LiveFunction } from './proof-store';
import { proofStateAt } from './proof-state-view';

const sp = (line: number, a = 1, b = 10) => ({ start: { line, column: a }, end: { line, column: b } });

const result: FunctionResult = {
  name: 'sum_to',
  file: 'src/a.rs',
  span: sp(10, 1, 1),
  mode: 'exec',
  status: 'failed',
  timeMs: 1,
  cached: false,
  obligations: [
    { kind: 'invariant-preserved', status: 'failed', span: sp(20), message: 'invariant not preserved', relatedSpan: sp(17) },
    { kind: 'overflow', status: 'proved', span: sp(20), message: 'arithmetic overflow' },
  ],
  proofState: {
    facts: [
      { kind: 'requires', file: 'src/a.rs', span: sp(11), text: 'n < 50' },
      { kind: 'assert', file: 'src/a.rs', span: sp(15), text: 'assert(s == 0);' },
      { kind: 'invariant', file: 'src/a.rs', span: sp(17), text: 's >= i' },
      { kind: 'callee-ensures', file: 'src/b.rs', span: sp(3), text: 'r == x + 1', callee: 'inc', callLine: 19 },
    ],
    points: [
      { line: 13, known: [0], path: [], mutations: [] },
      { line: 18, known: [0, 1, 2], path: [{ span: sp(16), text: 'i < n', negated: false, kind: 'loop' }], mutations: [{ name: 's', after: 2 }] },
      { line: 20, known: [0, 1, 2, 3], path: [{ span: sp(16), text: 'i < n', negated: false, kind: 'loop' }], mutations: [{ name: 's', after: 2 }, { name: 's', after: 4 }] },
    ],
  },
};
const functions: Record<string, LiveFunction> = { k: { key: 'k', result, stale: false, running: false } };
(result.span as { end: { line: number } }).end.line = 30;

describe('proof state at the cursor', () => {
  it('takes the statement at or before the line, with the facts, the path and the goals of that line', () => {
    const v = proofStateAt(functions, 'src/a.rs', 20);
    expect(v.kind).toBe('state');
    if (v.kind !== 'state') return;
    expect(v.line).toBe(20);
    expect(v.facts.map((f) => f.label)).toEqual(['requires', 'assertion (proved)', 'loop invariant', 'ensures of inc (call at line 19)']);
    expect(v.path).toEqual([{ label: 'loop condition', text: 'i < n', span: sp(16) }]);
    expect(v.goals.map((g) => [g.index, g.status, g.text])).toEqual([
      [0, 'failed', 'the loop invariant at the end of the body: invariant not preserved'],
      [1, 'proved', 'no arithmetic overflow: holds'],
    ]);
    // the invariant's goal names its clause (several can end on one line); overflow has none
    expect(v.goals.map((g) => g.clause)).toEqual([sp(17), undefined]);
  });

  it("marks facts about a local's earlier value, not the callee's own names", () => {
    const v = proofStateAt(functions, 'src/a.rs', 20);
    if (v.kind !== 'state') throw new Error('no state');
    expect(v.facts.map((f) => f.earlier)).toEqual([[], ['s'], ['s'], []]);
    const atHead = proofStateAt(functions, 'src/a.rs', 19);
    if (atHead.kind !== 'state') throw new Error('no state');
    expect(atHead.line).toBe(18);
    // (a change recorded after 2 facts concerns facts 0 and 1 only)
    expect(atHead.facts.map((f) => f.earlier)).toEqual([[], ['s'], []]);
    expect(atHead.goals).toEqual([]);
  });

  it('the signature shows the first statement; outside functions and without a state it says why', () => {
    const v = proofStateAt(functions, 'src/a.rs', 11);
    expect(v.kind === 'state' && v.line).toBe(13);
    expect(proofStateAt(functions, 'src/a.rs', 40).kind).toBe('none');
    expect(proofStateAt(functions, null, 1).kind).toBe('none');
    const noState = { k: { key: 'k', result: { ...result, proofState: undefined, status: 'unsupported' as const }, stale: false, running: false } };
    const v2 = proofStateAt(noState, 'src/a.rs', 20);
    expect(v2.kind === 'none' && v2.message).toMatch(/unsupported/);
  });
});
