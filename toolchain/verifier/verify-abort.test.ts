// verifySources after its signal aborts: every pending await settles and the run reports, even
// while the solver slots are busy. No solver runs here: the test holds the native queue's only slot.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { incrementalSolverForTests, shutdownSolvers, verifySources } from './index';

const root = mkdtempSync(path.join(tmpdir(), 'stratos-verify-abort-'));
afterAll(async () => {
  await shutdownSolvers();
  rmSync(root, { recursive: true, force: true });
});

const settledWithin = <T>(p: Promise<T>, ms: number): Promise<{ value: T } | 'pending'> =>
  Promise.race([p.then((value) => ({ value })), new Promise<'pending'>((r) => setTimeout(() => r('pending'), ms))]);

describe('an aborted run', () => {
  it('reports at once, with the cache on, while every solver slot is still held', async () => {
    const src = `verus! {
fn a(x: u64) -> (r: u64) requires x < 10 ensures r == x + 1 { let y = x + 1; assert(y > x); y }
fn b(x: u64) -> (r: u64) requires x < 10 ensures r == x + 2 { let y = x + 2; assert(y > x); y }
fn c(x: u64) -> (r: u64) requires x < 10 ensures r == x + 3 { let y = x + 3; assert(y > x); y }
}
`;
    // the only native slot is busy: each function's incremental session waits for it
    const lease = await incrementalSolverForTests(1, 'native').host.open(0);
    expect(lease).not.toBeNull();
    const ctrl = new AbortController();
    const run = verifySources(new Map([['m.rs', src]]), { root, jobs: 1, solver: 'native', useCache: true, signal: ctrl.signal, giveUpAfterTimeouts: 3 });
    // (every function has started and waits for the slot)
    await new Promise((r) => setTimeout(r, 300));
    ctrl.abort();
    // the sessions waiting are refused; their goals, left to standalone queries, are not queued
    // (a query queued already aborted waited for the slot, and took the wake-up of the next)
    const report = await settledWithin(run, 3000);
    lease!.close();
    expect(report).not.toBe('pending');
    const fns = (report as { value: Awaited<typeof run> }).value.functions;
    expect(fns.map((f) => [f.name, f.status, f.detail])).toEqual(['a', 'b', 'c'].map((n) => [n, 'timeout', 'canceled']));
  });
});
