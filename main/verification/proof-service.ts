// Live verification for the IDE: runs the verifier on the workspace as the editor sees it
// (unsaved buffers over the disk), streams each function's result as it comes, cancels a run
// as soon as a newer one starts (results of stale text are never reported as current), and keeps
// each function's solver-time history in .stratos/ for the proof-cost warnings. The verifier runs
// on its own thread (VerifierThread): its front end takes seconds on a large crate, and the host's
// thread must keep serving file reads, saves and the QEMU console meanwhile.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { recordRun, type ProofHistory, type VerifyDone, type VerifyRequest } from '../../app/proof-session';
import { proofGateRefusal } from '../../app/proof-gate';
import type { VerifyReport } from '../../app/verification';
import { autoSolver, nativeZ3Available } from '../../toolchain/verifier/solver-choice';
import { VerifierThread } from '../../toolchain/verifier/thread/verifier-thread';
import type { SolverChoice } from '../../app/boot-session';
import { writeFileAtomic } from '../../toolchain/workspace/atomic-write';
import { toWorkspacePath } from '../../toolchain/workspace/paths';
import { readRustSources } from '../../toolchain/workspace/rust-sources';
import type { WorkspaceService } from '../../toolchain/workspace/workspace-service';
import type { EventListener } from '../api/dispatcher';

export const DEFAULT_TIMEOUT_MS = 10_000;
const HISTORY_FILE = '.stratos/proof-history.json';

function emptyReport(): VerifyReport {
  return {
    version: 1,
    functions: [],
    diagnostics: [],
    summary: { functions: 0, verified: 0, failed: 0, timeout: 0, unsupported: 0, error: 0, obligations: 0, solverMs: 0, wallMs: 0 },
  };
}

/** The identity of a set of sources: which text a verification verified. */
export function sourcesKey(files: Map<string, string>): string {
  const hash = createHash('sha256');
  for (const [file, text] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) hash.update(file).update('\0').update(text).update('\0');
  return hash.digest('hex');
}

/** `auto`: native z3 when it is on PATH (as the CLI), else the embedded wasm build. */
function resolveSolver(choice: SolverChoice): 'native' | 'wasm' {
  if (choice === 'auto') return autoSolver();
  // a forced native solver that is not installed falls back to the one that always works
  if (choice === 'native' && !nativeZ3Available()) return 'wasm';
  return choice;
}

/** Why a profile run cannot start: the wasm build gives only part of z3's counts (docs/contracts.md §3). */
function profileNeedsNative(): string {
  const why = nativeZ3Available() ? 'the Solver setting is z3 wasm: choose auto or native z3' : 'z3 is not installed (Debian: apt-get install z3)';
  return `Profiling needs native z3 (z3 on PATH); ${why}`;
}

/** The run in progress; `done` settles when its verify.done has been emitted. */
interface CurrentRun {
  runId: number;
  controller: AbortController;
  done: Promise<void>;
}

export class ProofService {
  private nextRunId = 1;
  private current: CurrentRun | undefined;
  private history: ProofHistory | undefined;
  /** The latest finished whole-workspace verification and the sources it verified (the proof gate's input). */
  private latestWhole: { sourcesKey: string; report: VerifyReport } | undefined;
  /** The verifier's thread, started by the first run and kept (its caches live there). */
  private readonly verifier = new VerifierThread();

  constructor(
    private readonly workspace: WorkspaceService,
    private readonly emit: EventListener,
    private readonly options: { jobs?: number; /** the settings' solver choice, read at each run */ solver?: () => Promise<SolverChoice> } = {},
  ) {}

  /**
   * Starts a run and returns at once; the run reports through events. The older run is cancelled
   * and this one becomes `current` before the first await, so of many overlapping requests only
   * the newest reaches the verifier (the others end at once with `cancelled: true`).
   */
  async run(request: VerifyRequest): Promise<{ runId: number }> {
    // the buffers' paths are checked first: a refused request leaves the run in progress alone
    const edited = request.buffers.filter((b) => b.path.endsWith('.rs')).map((b) => [toWorkspacePath(this.workspace.root, this.workspace.resolve(b.path)), b.text] as const);
    this.cancel();
    const runId = this.nextRunId++;
    const controller = new AbortController();
    let started!: () => void;
    const run: CurrentRun = { runId, controller, done: new Promise<void>((resolve) => (started = resolve)) };
    this.current = run;
    let files: Map<string, string>;
    try {
      files = await readRustSources(this.workspace.root);
    } catch (e) {
      if (this.current === run) this.current = undefined;
      started();
      throw e;
    }
    for (const [file, text] of edited) files.set(file, text);
    const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    // Start after this request's reply has been sent, so the renderer knows the run id before
    // the run's first event arrives.
    const done = new Promise((resolve) => setImmediate(resolve)).then(() =>
      this.execute(runId, files, edited.map(([file]) => file), request, timeoutMs, controller.signal),
    );
    void done.then(started);
    return { runId };
  }

  private async execute(runId: number, files: Map<string, string>, edited: string[], request: VerifyRequest, timeoutMs: number, signal: AbortSignal): Promise<void> {
    let message: VerifyDone;
    const solver = resolveSolver((await this.options.solver?.().catch(() => 'auto' as const)) ?? 'auto');
    if (signal.aborted) {
      // replaced before it started: the verifier never sees it
      this.emit('verify.done', { runId, cancelled: true, report: emptyReport(), cacheHits: 0, solver });
      if (this.current?.runId === runId) this.current = undefined;
      return;
    }
    try {
      if (request.profile && solver !== 'native') throw new Error(profileNeedsNative());
      const full = await this.verifier.verify(files, {
        root: this.workspace.root,
        solver,
        // a shared Redis cache for the IDE too (docs/contracts.md §3); unset: .stratos/cache
        cache: process.env.STRATOS_CACHE || undefined,
        timeoutMs,
        jobs: this.options.jobs,
        functionFilter: request.functionName,
        profile: request.profile,
        // the Proof state panel: what is known at each statement
        proofState: true,
        // live runs (each edit or save) do not re-solve an unchanged query that just timed out;
        // the Verify button and "Verify this function" retry it
        reuseTimeouts: request.reason === 'edit' || request.reason === 'save',
        // the edited buffers' functions are generated and solved first, so the function being
        // edited gets its verdict first even when other functions are slow
        priorityFiles: edited,
        signal,
        onFunctionResult: (result) => {
          if (!signal.aborted) this.emit('verify.progress', { runId, result });
        },
        onStart: ({ total, affected }) => {
          if (!signal.aborted) this.emit('verify.started', { runId, total, affected });
        },
      });
      // each function's proof state went out with its verify.progress; verify.done (and the
      // memory of the last run) carry the verdicts only
      const report = { ...full, functions: full.functions.map(({ proofState: _s, ...f }) => f) };
      const cancelled = signal.aborted;
      if (!cancelled && !request.profile) this.remember(files, report, request.functionName !== undefined);
      // a profile run's times (a z3 process per query, no cache) are not comparable with the
      // others': kept out of the history behind the slow/brittle warnings
      if (!cancelled && !request.profile) await this.record(report, timeoutMs);
      message = { runId, cancelled, report, cacheHits: report.functions.filter((f) => f.cached).length, solver };
    } catch (e) {
      message = { runId, cancelled: signal.aborted, report: emptyReport(), cacheHits: 0, solver, error: e instanceof Error ? e.message : String(e) };
    }
    this.emit('verify.done', message);
    if (this.current?.runId === runId) this.current = undefined;
  }

  /** Keeps what the proof gate decides on: a whole run, or one function re-verified on the same sources. */
  private remember(files: Map<string, string>, report: VerifyReport, oneFunction: boolean): void {
    const key = sourcesKey(files);
    if (!oneFunction) {
      this.latestWhole = { sourcesKey: key, report };
      return;
    }
    if (this.latestWhole?.sourcesKey !== key) return;
    const fresh = new Map(report.functions.map((f) => [`${f.file}::${f.name}`, f]));
    this.latestWhole = {
      sourcesKey: key,
      report: { ...this.latestWhole.report, functions: this.latestWhole.report.functions.map((f) => fresh.get(`${f.file}::${f.name}`) ?? f) },
    };
  }

  /**
   * The proof gate: why the workspace as saved (the sources a build compiles) may not boot now, or
   * null when its latest verification verified every function. Sources never verified as they
   * are on disk (unsaved edits verified only, or no run yet) are refused too.
   */
  async gateRefusal(): Promise<string | null> {
    const disk = sourcesKey(await readRustSources(this.workspace.root));
    if (!this.latestWhole || this.latestWhole.sourcesKey !== disk) {
      return 'Proof gate: the workspace as saved has not been verified yet: save, let the verification finish (or press Verify), then Build & Boot';
    }
    return proofGateRefusal(this.latestWhole.report);
  }

  cancel(): void {
    this.current?.controller.abort();
  }

  /** Waits for the run in progress, if any (tests and shutdown). */
  async idle(): Promise<void> {
    await this.current?.done;
  }

  /** Cancels any run and ends the verifier's thread (its solvers and cache connections), so the process can exit. */
  async shutdown(): Promise<void> {
    this.cancel();
    await Promise.race([this.idle(), new Promise((r) => setTimeout(r, 2000))]);
    await this.verifier.shutdown();
  }

  async getHistory(): Promise<ProofHistory> {
    if (!this.history) {
      try {
        this.history = JSON.parse(await fs.readFile(path.join(this.workspace.root, HISTORY_FILE), 'utf8')) as ProofHistory;
      } catch {
        this.history = {};
      }
    }
    return this.history;
  }

  private async record(report: VerifyReport, timeoutMs: number): Promise<void> {
    this.history = recordRun(await this.getHistory(), report.functions, timeoutMs, Date.now());
    const file = path.join(this.workspace.root, HISTORY_FILE);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, JSON.stringify(this.history));
  }
}
