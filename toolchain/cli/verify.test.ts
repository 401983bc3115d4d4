import { describe, expect, it } from 'vitest';
import type { FunctionResult, VerifyReport } from '../../app/verification';
import { profileReport } from './verify';

const span = (line: number, column: number) => ({ start: { line, column }, end: { line, column: column + 6 } });
const fn = (name: string, profile: FunctionResult['profile']): FunctionResult => ({ name, file: 'a.rs', span: span(1, 1), mode: 'proof', status: 'verified', timeMs: 12, cached: false, obligations: [], profile });
const report = (functions: FunctionResult[]): VerifyReport => ({ version: 1, functions, diagnostics: [], summary: { functions: functions.length, verified: functions.length, failed: 0, timeout: 0, unsupported: 0, error: 0, obligations: 0, solverMs: 0, wallMs: 0 } });

describe('the --profile text report', () => {
  it('lists functions with the most instances first, each with its top quantifiers and where they are written', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ qid: `axiom:a${i}`, instances: 12 - i }));
    const text = profileReport(
      report([
        fn('quiet', { instances: 0, queries: 2, unprofiled: 0, quantifiers: [] }),
        fn('small', { instances: 5, queries: 1, unprofiled: 1, quantifiers: [{ qid: 'forall:small+1:5', instances: 5, file: 'a.rs', span: span(9, 5) }] }),
        fn('big', { instances: 78 + 100, queries: 3, unprofiled: 0, quantifiers: [{ qid: 'inv:Seq<Int>@s', instances: 100 }, ...many] }),
        fn('unprofiled', undefined),
      ]),
    );
    const lines = text.split('\n');
    expect(lines.findIndex((l) => l.startsWith('big '))).toBeLessThan(lines.findIndex((l) => l.startsWith('small ')));
    expect(text).toContain('big  verified  solver 12 ms  178 instances in 3 queries\n       100  (type invariant)  inv:Seq<Int>@s\n        12  (encoding)  axiom:a0\n');
    expect(text).toContain('(3 more quantifiers in --json)');
    expect(text).toContain('small  verified  solver 12 ms  5 instances in 1 queries; 1 without counts (z3 killed or crashed): a lower bound\n         5  a.rs:9:5  forall:small+1:5\n');
    expect(text).toContain('1 function(s) instantiated no quantifier.');
    expect(text).not.toContain('unprofiled');
  });
  it('is empty without --profile', () => {
    expect(profileReport(report([fn('f', undefined)]))).toBe('');
  });
});
