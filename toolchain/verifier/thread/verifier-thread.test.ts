import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FunctionResult, VerifyReport } from '../../../app/verification';
import { nativeZ3Available, shutdownSolvers, verifySources } from '../index';
import { VerifierThread, threadEntryPath, type ThreadVerifyOptions } from './verifier-thread';

const SMALL = `verus! {
pub fn add_one(x: u64) -> (r: u64)
    requires x < 100,
    ensures r == x + 1,
{
    x + 1
}

pub fn add_one_wrong(x: u64) -> (r: u64)
    requires x < 100,
    ensures r == x + 1,
{
    x
}
}
`;

/** A crate whose front end alone (parse, check, VC generation) takes long: `count` looping functions. */
function bigCrate(count: number): Map<string, string> {
  const fns: string[] = [];
  for (let i = 0; i < count; i++) {
    fns.push(`pub fn sum_${i}(a: &[u64; 8], k: u64) -> (r: u64)
    requires k <= 8, forall|j: int| 0 <= j < 8 ==> a[j] < 1000,
    ensures r <= 8000,
{
    let mut i: u64 = 0;
    let mut s: u64 = 0;
    while i < k
        invariant i <= k, k <= 8, s <= i * 1000, forall|j: int| 0 <= j < 8 ==> a[j] < 1000,
        decreases k - i,
    {
        s = s + a[i as usize];
        i = i + 1;
    }
    if s > ${i} { s - 1 } else { s }
}
`);
  }
  return new Map([['src/lib.rs', `verus! {\n${fns.join('\n')}}\n`]]);
}

const BIG = bigCrate(300);
/** The longest a host timer may wait while the verifier works elsewhere. */
const MAX_GAP_MS = 200;

let root: string;
let options: ThreadVerifyOptions;
const thread = new VerifierThread();

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'stratos-vthread-'));
  options = { root, solver: nativeZ3Available() ? 'native' : 'wasm', useCache: false, jobs: 1, timeoutMs: 10_000 };
});

afterAll(async () => {
  await thread.shutdown();
  // the control runs of this file verify on the test's own thread too
  await shutdownSolvers();
  rmSync(root, { recursive: true, force: true });
});

const verdicts = (report: VerifyReport) => report.functions.map((f) => [f.name, f.status, f.obligations.map((o) => [o.kind, o.status])]);

/** Runs `run` while a 10 ms timer ticks on this thread; the longest gap between two ticks. */
async function longestTimerGap<T>(run: () => Promise<T>): Promise<{ value: T; gapMs: number }> {
  let last = performance.now();
  let gapMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    gapMs = Math.max(gapMs, now - last);
    last = now;
  }, 10);
  try {
    const value = await run();
    gapMs = Math.max(gapMs, performance.now() - last);
    return { value, gapMs };
  } finally {
    clearInterval(timer);
  }
}

/**
 * A run of BIG through `verify`, cancelled once `streamed` functions have been reported: the
 * whole front end runs before the first result, so this covers it without solving 300 functions.
 */
function bigRunCancelledAfter(streamed: number, verify: (files: Map<string, string>, o: ThreadVerifyOptions & { signal: AbortSignal; onFunctionResult: (r: FunctionResult) => void }) => Promise<VerifyReport>): Promise<VerifyReport> {
  const controller = new AbortController();
  let seen = 0;
  return verify(BIG, {
    ...options,
    signal: controller.signal,
    onFunctionResult: () => {
      if (++seen === streamed) controller.abort();
    },
  });
}

describe('VerifierThread', () => {
  it('streams every function and reports the verdicts verifySources gives on the same input', async () => {
    const files = new Map([['src/lib.rs', SMALL]]);
    const streamed: FunctionResult[] = [];
    const report = await thread.verify(files, { ...options, onFunctionResult: (r) => streamed.push(r) });
    expect(streamed.map((r) => [r.name, r.status]).sort()).toEqual([
      ['add_one', 'verified'],
      ['add_one_wrong', 'failed'],
    ]);
    expect(report.summary).toMatchObject({ functions: 2, verified: 1, failed: 1 });
    expect(report.functions.find((f) => f.name === 'add_one_wrong')?.obligations.find((o) => o.status === 'failed')?.kind).toBe('postcondition');
    const direct = await verifySources(files, options);
    expect(verdicts(report)).toEqual(verdicts(direct));
  });

  it('a cancelled run answers promptly, its unfinished functions canceled', async () => {
    const controller = new AbortController();
    let cancelledAt = 0;
    const run = thread.verify(BIG, {
      ...options,
      signal: controller.signal,
      onFunctionResult: () => {
        if (cancelledAt) return;
        cancelledAt = performance.now();
        controller.abort();
      },
    });
    const report = await run;
    const answeredAfterMs = performance.now() - cancelledAt;
    expect(cancelledAt).toBeGreaterThan(0);
    expect(answeredAfterMs).toBeLessThan(2000);
    // every function is still in the report; most never reached the solver
    expect(report.functions).toHaveLength(300);
    expect(report.functions.filter((f) => f.detail === 'canceled').length).toBeGreaterThan(250);
  });

  it('a run whose thread dies fails with the exit code, and the next run starts a new thread', async () => {
    let killed: Promise<void> | undefined;
    const run = thread.verify(BIG, {
      ...options,
      onFunctionResult: () => {
        killed ??= thread.terminateForTests();
      },
    });
    await expect(run).rejects.toThrow(/^verifier thread exited with code 1/);
    await killed;
    const report = await thread.verify(new Map([['src/lib.rs', SMALL]]), options);
    expect(report.summary).toMatchObject({ functions: 2, verified: 1, failed: 1 });
  });

  it("keeps the caller's event loop responsive while it verifies a large crate", async () => {
    // warm: the first run starts the thread (loading the verifier takes a moment, on this thread too)
    await thread.verify(new Map([['src/lib.rs', SMALL]]), options);
    const { value: report, gapMs } = await longestTimerGap(() => bigRunCancelledAfter(20, (files, o) => thread.verify(files, o)));
    expect(report.functions).toHaveLength(300);
    expect(gapMs).toBeLessThan(MAX_GAP_MS);
  });

  it('(control) the same run on the calling thread does stall its event loop, so the test above can fail', async () => {
    await verifySources(new Map([['src/lib.rs', SMALL]]), options);
    const { value: report, gapMs } = await longestTimerGap(() => bigRunCancelledAfter(20, verifySources));
    expect(report.functions).toHaveLength(300);
    expect(gapMs).toBeGreaterThan(MAX_GAP_MS);
  });
});

describe("the thread's script", () => {
  it("is the build's bundle only when it was built from exactly these sources, else the sources through tsx", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'stratos-entry-'));
    try {
      const here = path.join(dir, 'toolchain', 'verifier', 'thread');
      const built = path.join(dir, 'dist', 'electron');
      mkdirSync(here, { recursive: true });
      expect(threadEntryPath(here, () => 'abc')).toBe(path.join(here, 'verifier-thread-entry.mjs'));
      mkdirSync(built, { recursive: true });
      writeFileSync(path.join(built, 'verifier-fingerprint.txt'), 'abc');
      expect(threadEntryPath(here, () => 'abc')).toBe(path.join(built, 'verifier-thread.mjs'));
      // a source changed since the build: not the bundle
      expect(threadEntryPath(here, () => 'abd')).toBe(path.join(here, 'verifier-thread-entry.mjs'));
      // inside a build, its own bundle
      writeFileSync(path.join(here, 'verifier-thread.mjs'), '');
      expect(threadEntryPath(here, () => 'abd')).toBe(path.join(here, 'verifier-thread.mjs'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
