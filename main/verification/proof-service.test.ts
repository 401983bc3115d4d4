import { mkdtempSync, mkdirSync, promises as fs, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiEvents, EventName } from '../../app/api';
import type { VerifyDone, VerifyProgress } from '../../app/proof-session';
import { nativeZ3Available } from '../../toolchain/verifier/index';
import { WorkspaceService } from '../../toolchain/workspace/workspace-service';
import type { SolverChoice } from '../../app/boot-session';
import { VerifierThread } from '../../toolchain/verifier/thread/verifier-thread';
import { ProofService } from './proof-service';

const GOOD = `verus! {
pub fn add_one(x: u64) -> (r: u64)
    requires x < 100,
    ensures r == x + 1,
{
    x + 1
}
}
`;
const BAD = GOOD.replace('x + 1\n}', 'x\n}');

let root: string;
let events: { event: EventName; payload: unknown }[];
let service: ProofService;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'stratos-proofs-'));
  mkdirSync(path.join(root, 'src'));
  writeFileSync(path.join(root, 'src', 'lib.rs'), GOOD);
  events = [];
  service = new ProofService(new WorkspaceService(root), <E extends EventName>(event: E, payload: ApiEvents[E]) => events.push({ event, payload }), { jobs: 1 });
});

afterEach(async () => {
  await service.idle();
  // ends the service's verifier thread, with its solvers
  await service.shutdown();
  await fs.rm(root, { recursive: true, force: true });
});

const done = () => events.filter((e) => e.event === 'verify.done').map((e) => e.payload as VerifyDone);

describe('ProofService', () => {
  it('verifies the disk, streams each function, and records its time', async () => {
    const { runId } = await service.run({ buffers: [], reason: 'button' });
    await service.idle();
    const progress = events.filter((e) => e.event === 'verify.progress').map((e) => e.payload as VerifyProgress);
    expect(progress.map((p) => [p.runId, p.result.name, p.result.status])).toEqual([[runId, 'add_one', 'verified']]);
    expect(done()).toHaveLength(1);
    expect(done()[0]!.cancelled).toBe(false);
    const history = await service.getHistory();
    expect(history['src/lib.rs::add_one']).toHaveLength(1);
    const stored = JSON.parse(await fs.readFile(path.join(root, '.stratos', 'proof-history.json'), 'utf8'));
    expect(Object.keys(stored)).toEqual(['src/lib.rs::add_one']);
  });

  it('runs with the solver the settings choose (auto: native z3 when installed, as the CLI) and says which', async () => {
    const choose = (solver: SolverChoice) => new ProofService(new WorkspaceService(root), <E extends EventName>(event: E, payload: ApiEvents[E]) => events.push({ event, payload }), { jobs: 1, solver: async () => solver });
    for (const [choice, expected] of [['auto', nativeZ3Available() ? 'native' : 'wasm'], ['wasm', 'wasm'], ['native', nativeZ3Available() ? 'native' : 'wasm']] as const) {
      events = [];
      const s = choose(choice);
      await s.run({ buffers: [], reason: 'button' });
      await s.idle();
      await s.shutdown();
      expect(done().map((d) => [d.solver, d.report.summary.verified])).toEqual([[expected, 1]]);
    }
  });

  it('verifies unsaved buffers instead of the disk', async () => {
    await service.run({ buffers: [{ path: 'src/lib.rs', text: BAD }], reason: 'edit' });
    await service.idle();
    const report = done()[0]!.report;
    expect(report.functions.map((f) => f.status)).toEqual(['failed']);
    expect(report.functions[0]!.obligations.find((o) => o.status === 'failed')?.kind).toBe('postcondition');
  });

  it('refuses buffers outside the workspace', async () => {
    await expect(service.run({ buffers: [{ path: '../evil.rs', text: BAD }], reason: 'edit' })).rejects.toThrow(/leaves the workspace/);
  });

  it('a newer run cancels the older one, whose results are never reported as current', async () => {
    const first = await service.run({ buffers: [{ path: 'src/lib.rs', text: BAD }], reason: 'edit' });
    const second = await service.run({ buffers: [], reason: 'edit' });
    await service.idle();
    await new Promise((r) => setTimeout(r, 50));
    const byRun = new Map(done().map((d) => [d.runId, d]));
    expect(byRun.get(second.runId)?.cancelled).toBe(false);
    expect(byRun.get(second.runId)?.report.functions.map((f) => f.status)).toEqual(['verified']);
    const stale = byRun.get(first.runId);
    if (stale) expect(stale.cancelled).toBe(true);
    // No progress event of the cancelled run arrives after the newer run started.
    const firstProgress = events.findIndex((e) => e.event === 'verify.progress' && (e.payload as VerifyProgress).runId === first.runId);
    const secondStart = events.findIndex((e) => (e.payload as { runId?: number }).runId === second.runId);
    if (firstProgress >= 0) expect(firstProgress).toBeLessThan(secondStart);
  });
  it('of 30 overlapping runs only the newest reaches the verifier; the others end cancelled at once', async () => {
    const verify = vi.spyOn(VerifierThread.prototype, 'verify');
    try {
      const heapBefore = process.memoryUsage().heapUsed;
      const starts = await Promise.all(Array.from({ length: 30 }, (_, i) => service.run({ buffers: [{ path: 'src/lib.rs', text: i % 2 ? BAD : GOOD }], reason: 'edit' })));
      await service.idle();
      const runIds = starts.map((s) => s.runId);
      const last = Math.max(...runIds);
      expect(done().map((d) => d.runId).sort((a, b) => a - b)).toEqual([...runIds].sort((a, b) => a - b));
      expect(done().filter((d) => !d.cancelled).map((d) => d.runId)).toEqual([last]);
      expect(verify).toHaveBeenCalledTimes(1);
      const progressRuns = new Set(events.filter((e) => e.event === 'verify.progress').map((e) => (e.payload as VerifyProgress).runId));
      expect([...progressRuns]).toEqual([last]);
      // the newest run's text (i = 29: BAD) is the one verified
      expect(done().find((d) => d.runId === last)!.report.functions.map((f) => f.status)).toEqual(['failed']);
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
    } finally {
      verify.mockRestore();
    }
  });

  it('a refused request (a buffer outside the workspace) does not cancel the run in progress', async () => {
    const first = await service.run({ buffers: [], reason: 'button' });
    await expect(service.run({ buffers: [{ path: '../evil.rs', text: BAD }], reason: 'edit' })).rejects.toThrow(/leaves the workspace/);
    await service.idle();
    expect(done().map((d) => [d.runId, d.cancelled])).toEqual([[first.runId, false]]);
  });

  it('the proof gate: open after a verified run of the saved sources, closed with the failing functions, or when the saved text was never verified', async () => {
    expect(await service.gateRefusal()).toMatch(/has not been verified yet/);
    await service.run({ buffers: [], reason: 'button' });
    await service.idle();
    expect(await service.gateRefusal()).toBeNull();
    // a save the verifier has not seen yet closes it again
    writeFileSync(path.join(root, 'src', 'lib.rs'), BAD);
    expect(await service.gateRefusal()).toMatch(/has not been verified yet/);
    await service.run({ buffers: [], reason: 'save' });
    await service.idle();
    expect(await service.gateRefusal()).toBe('Proof gate: 1 function is not verified: add_one (failed, src/lib.rs)');
    // unsaved buffers that verify do not open it: the build compiles the disk
    await service.run({ buffers: [{ path: 'src/lib.rs', text: GOOD }], reason: 'edit' });
    await service.idle();
    expect(await service.gateRefusal()).toMatch(/has not been verified yet/);
  });

  const QUANTIFIED = `verus! {
spec fn p(i: int) -> bool;
proof fn three()
    requires forall|i: int| #[trigger] p(i),
    ensures p(1) && p(2) && p(3),
{
}
}
`;

  it('a profile run without native z3 ends with a clear error instead of throwing', async () => {
    writeFileSync(path.join(root, 'src', 'lib.rs'), QUANTIFIED);
    const wasm = new ProofService(new WorkspaceService(root), <E extends EventName>(event: E, payload: ApiEvents[E]) => events.push({ event, payload }), { jobs: 1, solver: async () => 'wasm' });
    await wasm.run({ buffers: [], reason: 'function', functionName: 'three', profile: true });
    await wasm.idle();
    expect(done()).toHaveLength(1);
    expect(done()[0]!.error).toMatch(/^Profiling needs native z3 \(z3 on PATH\); /);
    expect(done()[0]!.report.functions).toEqual([]);
  });

  it.skipIf(!nativeZ3Available())('a profile run gives the function its quantifier counts and leaves the time history alone', async () => {
    writeFileSync(path.join(root, 'src', 'lib.rs'), QUANTIFIED);
    await service.run({ buffers: [], reason: 'function', functionName: 'three', profile: true });
    await service.idle();
    expect(done()[0]!.error).toBeUndefined();
    const [three] = done()[0]!.report.functions;
    expect(three?.status).toBe('verified');
    expect(three?.profile?.quantifiers).toEqual([{ qid: 'forall:three+1:14', instances: 3, file: 'src/lib.rs', span: expect.objectContaining({ start: { line: 4, column: 14 } }) }]);
    // its times (one z3 process per query) would skew the slow/brittle warnings
    expect(await service.getHistory()).toEqual({});
  });
});
