// The verifier off the caller's thread: one long-lived worker thread runs verifySources, so the
// front end (parse, check, VC generation: seconds on a large crate) never stalls the caller's
// event loop. The worker keeps the verifier's module state (parse cache, solver pools, timed-out
// memo) between runs; if it dies, the run in progress fails and the next run starts a new one.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FunctionResult, VerifyReport } from '../../../app/verification';
import type { HostMessage, ThreadVerifyOptions, WorkerMessage } from './messages';
import { verifierFingerprint } from '../fn-key';

export type { ThreadVerifyOptions } from './messages';

export interface ThreadRunOptions extends ThreadVerifyOptions {
  signal?: AbortSignal;
  onFunctionResult?: (result: FunctionResult) => void;
  onStart?: (info: { total: number; affected: string[] }) => void;
}

/** A run waiting for its worker's answer. */
interface PendingRun {
  resolve: (report: VerifyReport) => void;
  reject: (error: Error) => void;
  onFunctionResult?: (result: FunctionResult) => void;
  onStart?: (info: { total: number; affected: string[] }) => void;
  /** Stops listening on the caller's signal. */
  detach: () => void;
}

/** One started worker and what is known about how it ends. */
interface LiveWorker {
  worker: Worker;
  /** shutdown() asked it to exit. */
  stopping: boolean;
  /** The uncaught error that killed it, if any (reported with its exit code). */
  error?: Error;
}

/** Every started worker, for the e2e fault injection that reaches them without an API. */
const liveWorkers = new Set<LiveWorker>();

/** Fault injection for the e2e tests: each verifier thread ends one of its solver workers. */
export function crashSolverWorkersForTests(): void {
  for (const live of liveWorkers) live.worker.postMessage({ type: 'crash-solver-for-tests' } satisfies HostMessage);
}

/** How long a worker gets to close its solvers and caches before it is terminated. */
const SHUTDOWN_GRACE_MS = 2000;

/**
 * The worker's script: the bundle beside the Electron build's main.mjs (where this module's
 * code is then bundled too); from the sources, the build's bundle when it was built from exactly
 * these sources (scripts/build.mjs writes their fingerprint beside it: tsx's transform keeps every
 * function's name with a call per closure created, which made the front end of each edit's run
 * slower); else the development entry next to this file, which loads the TypeScript through tsx.
 */
export function threadEntryPath(here = path.dirname(fileURLToPath(import.meta.url)), sources: () => string = verifierFingerprint): string {
  const bundled = path.join(here, 'verifier-thread.mjs');
  if (existsSync(bundled)) return bundled;
  const built = path.resolve(here, '..', '..', '..', 'dist', 'electron');
  try {
    if (readFileSync(path.join(built, 'verifier-fingerprint.txt'), 'utf8') === sources()) return path.join(built, 'verifier-thread.mjs');
  } catch {
    /* not built */
  }
  return path.join(here, 'verifier-thread-entry.mjs');
}

export class VerifierThread {
  private live: LiveWorker | null = null;
  private readonly runs = new Map<number, PendingRun>();
  private nextId = 1;

  /** verifySources on the worker thread: same files, options, streaming and report. */
  verify(files: Map<string, string>, options: ThreadRunOptions): Promise<VerifyReport> {
    const { signal, onFunctionResult, onStart, ...threadOptions } = options;
    const live = this.live ?? this.start();
    const id = this.nextId++;
    return new Promise<VerifyReport>((resolve, reject) => {
      const cancel = () => this.post(live, { type: 'cancel', id });
      this.runs.set(id, { resolve, reject, onFunctionResult, onStart, detach: () => signal?.removeEventListener('abort', cancel) });
      // a run in progress keeps the process alive; an idle thread does not
      live.worker.ref();
      this.post(live, { type: 'verify', id, files: [...files], options: threadOptions });
      if (signal?.aborted) cancel();
      else signal?.addEventListener('abort', cancel, { once: true });
    });
  }

  /** Asks the worker to end its solvers and cache connections and exit; terminates it after 2 s. */
  async shutdown(): Promise<void> {
    const live = this.live;
    if (!live) return;
    live.stopping = true;
    live.worker.ref();
    const exited = new Promise<void>((resolve) => live.worker.once('exit', () => resolve()));
    this.post(live, { type: 'shutdown' });
    const timer = setTimeout(() => void live.worker.terminate(), SHUTDOWN_GRACE_MS);
    await exited;
    clearTimeout(timer);
  }

  /** For tests: kills the worker as a crash would (the run in progress fails). */
  async terminateForTests(): Promise<void> {
    await this.live?.worker.terminate();
  }

  private start(): LiveWorker {
    const live: LiveWorker = { worker: new Worker(threadEntryPath()), stopping: false };
    live.worker.unref();
    live.worker.on('message', (message: WorkerMessage) => this.receive(live, message));
    live.worker.on('error', (error) => {
      live.error = error;
    });
    live.worker.on('exit', (code) => {
      liveWorkers.delete(live);
      if (this.live === live) this.live = null;
      const why = live.stopping ? 'verifier thread shut down' : `verifier thread exited with code ${code}${live.error ? `: ${live.error.message}` : ''}`;
      for (const id of [...this.runs.keys()]) this.settle(id)?.reject(new Error(why));
    });
    this.live = live;
    liveWorkers.add(live);
    return live;
  }

  private receive(live: LiveWorker, message: WorkerMessage): void {
    switch (message.type) {
      case 'started':
        this.runs.get(message.id)?.onStart?.({ total: message.total, affected: message.affected });
        break;
      case 'result': {
        const run = this.runs.get(message.id);
        try {
          run?.onFunctionResult?.(message.result);
        } catch (e) {
          // the caller's callback failed: the run fails with its error, as verifySources' would
          this.settle(message.id)?.reject(e instanceof Error ? e : new Error(String(e)));
          this.post(live, { type: 'cancel', id: message.id });
        }
        break;
      }
      case 'done':
        this.settle(message.id)?.resolve(message.report);
        break;
      case 'failed':
        this.settle(message.id)?.reject(new Error(message.message));
        break;
    }
  }

  /** Removes a run from the pending ones (undefined if it already ended). */
  private settle(id: number): PendingRun | undefined {
    const run = this.runs.get(id);
    if (!run) return undefined;
    this.runs.delete(id);
    run.detach();
    if (this.runs.size === 0 && !this.live?.stopping) this.live?.worker.unref();
    return run;
  }

  private post(live: LiveWorker, message: HostMessage): void {
    live.worker.postMessage(message);
  }
}
