import { describe, expect, it } from 'vitest';
import type { Diagnostic, FunctionResult, ObligationResult } from '../../app/verification';
import { collectProblems, problemList } from './problem-list';
import type { LiveFunction } from './proof-store';

const span = (line: number, column = 1) => ({ start: { line, column }, end: { line, column: column + 5 } });
const ob = (line: number, status: ObligationResult['status']): ObligationResult => ({ kind: 'postcondition', status, span: span(line, 5), message: 'postcondition not satisfied' });

function live(name: string, file: string, status: FunctionResult['status'], obligations: ObligationResult[], patch: Partial<FunctionResult> = {}): LiveFunction {
  return { key: `${file}::${name}`, result: { name, file, span: span(2), mode: 'exec', status, timeMs: 1, cached: false, obligations, ...patch }, stale: false, running: false };
}

const functions = Object.fromEntries(
  [
    live('bad', 'src/b.rs', 'failed', [ob(7, 'proved'), ob(9, 'failed')]),
    live('slow', 'src/a.rs', 'timeout', [ob(4, 'timeout')]),
    live('odd', 'src/b.rs', 'unsupported', [], { detail: 'unsupported: string literal', span: span(20) }),
    live('fine', 'src/c.rs', 'verified', [ob(1, 'proved')]),
  ].map((f) => [f.key, f]),
);
const diagnostics: Diagnostic[] = [{ file: 'src/b.rs', span: span(21, 13), severity: 'warning', message: 'not verified: unsupported: string literal' }];
const build: Diagnostic[] = [{ file: 'src/main.rs', span: span(3), severity: 'error', message: 'mismatched types', source: 'rustc' }];

describe('Problems', () => {
  const problems = collectProblems(functions, diagnostics, build);

  it('lists every obligation not proved, unsupported functions and diagnostics, by file and line', () => {
    expect(problems.map((p) => `${p.file}:${p.span.start.line} ${p.severity} ${p.message}`)).toEqual([
      'src/a.rs:4 warning postcondition not satisfied (postcondition, slow)',
      'src/b.rs:9 error postcondition not satisfied (postcondition, bad)',
      'src/b.rs:20 warning odd: unsupported: unsupported: string literal',
      'src/b.rs:21 warning not verified: unsupported: string literal',
      'src/main.rs:3 error mismatched types (rustc)',
    ]);
    expect(problems[1]!.target).toEqual({ kind: 'obligation', key: 'src/b.rs::bad', index: 1 });
  });

  it('groups per file with counts, collapses a file, and filters by file, place or message', () => {
    const view = problemList(problems, '', new Set(['src/a.rs']));
    expect(view.rows.map((r) => (r.kind === 'file' ? `${r.file} ${r.errors}e ${r.others}w${r.collapsed ? ' collapsed' : ''}` : `  ${r.problem.span.start.line}`))).toEqual([
      'src/a.rs 0e 1w collapsed',
      'src/b.rs 1e 2w',
      '  9',
      '  20',
      '  21',
      'src/main.rs 1e 0w',
      '  3',
    ]);
    expect(view).toMatchObject({ shown: 5, total: 5, files: 3 });
    const filtered = problemList(problems, 'STRING literal', new Set());
    expect(filtered).toMatchObject({ shown: 2, total: 5, files: 1 });
    expect(filtered.rows[0]).toMatchObject({ kind: 'file', file: 'src/b.rs', shown: 2, errors: 1, others: 2 });
    expect(problemList(problems, 'src/b.rs:9', new Set()).shown).toBe(1);
    expect(problemList(problems, 'nothing like it', new Set()).rows).toEqual([]);
  });
});
