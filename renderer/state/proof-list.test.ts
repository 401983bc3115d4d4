import { describe, expect, it } from 'vitest';
import type { FunctionResult } from '../../app/verification';
import { countsText, proofList, type FileRow, type FunctionRow } from './proof-list';
import type { LiveFunction } from './proof-store';

const span = (line: number) => ({ start: { line, column: 1 }, end: { line, column: 20 } });

function live(name: string, file: string, line: number, status: FunctionResult['status'], patch: Partial<LiveFunction> = {}): LiveFunction {
  return { key: `${file}::${name}`, result: { name, file, span: span(line), mode: 'exec', status, timeMs: 1, cached: false, obligations: [] }, stale: false, running: false, ...patch };
}

function byKey(...fns: LiveFunction[]): Record<string, LiveFunction> {
  return Object.fromEntries(fns.map((f) => [f.key, f]));
}

const functions = byKey(
  live('ok_b', 'src/b.rs', 10, 'verified'),
  live('bad_b', 'src/b.rs', 20, 'failed'),
  live('odd_b', 'src/b.rs', 5, 'unsupported'),
  live('ok_a', 'src/a.rs', 3, 'verified'),
  live('slow_a', 'src/a.rs', 9, 'timeout', { stale: true }),
  live('err_c', 'src/c.rs', 1, 'error', { running: true }),
);
const all = { text: '', status: 'all' as const };
const shape = (rows: (FileRow | FunctionRow)[]) => rows.map((r) => (r.kind === 'file' ? `${r.file} ${r.shown}/${r.total}${r.collapsed ? ' collapsed' : ''}` : `  ${r.fn.result.name}`));

describe('proofList', () => {
  it('groups per file in path order, worst status first inside a file, with every function counted', () => {
    const view = proofList(functions, all, new Set());
    expect(shape(view.rows)).toEqual(['src/a.rs 2/2', '  slow_a', '  ok_a', 'src/b.rs 3/3', '  bad_b', '  odd_b', '  ok_b', 'src/c.rs 1/1', '  err_c']);
    expect(view).toMatchObject({ shown: 6, total: 6 });
    const a = view.rows[0] as FileRow;
    // live statuses: a stale result counts as stale, a running one as running
    expect(a.counts).toEqual({ stale: 1, verified: 1 });
    expect(countsText((view.rows[3] as FileRow).counts)).toBe('1 failed, 1 unsupported, 1 verified');
    expect([a.position, a.of]).toEqual([1, 3]);
    expect(view.rows.filter((r): r is FunctionRow => r.kind === 'function' && r.fn.result.file === 'src/b.rs').map((r) => [r.position, r.of])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('a collapsed file keeps its header and counts, and hides its functions', () => {
    const view = proofList(functions, all, new Set(['src/b.rs']));
    expect(shape(view.rows)).toEqual(['src/a.rs 2/2', '  slow_a', '  ok_a', 'src/b.rs 3/3 collapsed', 'src/c.rs 1/1', '  err_c']);
    expect(view.shown).toBe(6);
  });

  it('filters by the latest verdict, also while stale or running, and drops files with nothing left', () => {
    expect(shape(proofList(functions, { text: '', status: 'failed' }, new Set()).rows)).toEqual(['src/b.rs 1/3', '  bad_b']);
    expect(shape(proofList(functions, { text: '', status: 'timeout' }, new Set()).rows)).toEqual(['src/a.rs 1/2', '  slow_a']);
    expect(shape(proofList(functions, { text: '', status: 'error' }, new Set()).rows)).toEqual(['src/c.rs 1/1', '  err_c']);
    expect(shape(proofList(functions, { text: '', status: 'not-verified' }, new Set()).rows)).toEqual(['src/a.rs 1/2', '  slow_a', 'src/b.rs 2/3', '  bad_b', '  odd_b', 'src/c.rs 1/1', '  err_c']);
    const verified = proofList(functions, { text: '', status: 'verified' }, new Set());
    expect(verified).toMatchObject({ shown: 2, total: 6 });
  });

  it('filters by a case-insensitive part of the name or the file, together with the status', () => {
    expect(shape(proofList(functions, { text: ' OK_', status: 'all' }, new Set()).rows)).toEqual(['src/a.rs 1/2', '  ok_a', 'src/b.rs 1/3', '  ok_b']);
    expect(shape(proofList(functions, { text: 'b.rs', status: 'all' }, new Set()).rows)).toEqual(['src/b.rs 3/3', '  bad_b', '  odd_b', '  ok_b']);
    expect(shape(proofList(functions, { text: 'b.rs', status: 'verified' }, new Set()).rows)).toEqual(['src/b.rs 1/3', '  ok_b']);
    expect(proofList(functions, { text: 'nothing', status: 'all' }, new Set())).toEqual({ rows: [], shown: 0, total: 6 });
  });
});
