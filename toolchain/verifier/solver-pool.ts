// Pool of z3-solver (wasm) worker threads, one query at a time per worker, plus a native `z3`
// backend. The wasm module is compiled once here and instantiated in each worker. A worker that
// crashes or does not answer after its timeout (plus grace) is terminated and replaced; a query
// whose worker crashed is tried once more on a fresh one.

import { Worker } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import type { Reply, SessionHost, SessionLease, SmtSession } from './incremental-solver';
import { Z3Process } from './native-session';

export type SolverVerdict = 'sat' | 'unsat' | 'unknown' | 'timeout' | 'error' | 'canceled';

export interface SolverJob {
  query: string;
  timeoutMs: number;
  wantModel: boolean;
  signal?: AbortSignal;
  /** Called when a solver starts on the query (it may wait in the queue before). */
  onStart?: () => void;
  /** Goes to the front of the queue (a racer for a query that is already being solved). */
  urgent?: boolean;
  /** Native queue only: waiting jobs start in decreasing priority (default 0), FIFO among equals. */
  priority?: number;
}

export interface SolverResult {
  result: SolverVerdict;
  model: string | null;
  reason: string;
  ms: number;
}

/** A query waiting for a worker, or (`lease`) an incremental session waiting for one. */
interface Pending {
  job: SolverJob;
  resolve: (r: SolverResult) => void;
  id: number;
  /** Waiting jobs start in decreasing priority, FIFO among equals. */
  priority: number;
  lease?: WasmSession;
  /** Times a worker died under this query (a crash is no answer: the query gets one more worker). */
  crashes?: number;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  current: Pending | null;
  timers: NodeJS.Timeout[];
  dead: boolean;
  isReady: boolean;
}

type WorkerMessage = { type: string; id?: number; result?: SolverVerdict; model?: string | null; reason?: string; ms?: number; message?: string; out?: string; error?: string };

let wasmModulePromise: Promise<WebAssembly.Module> | null = null;
function wasmModule(): Promise<WebAssembly.Module> {
  if (!wasmModulePromise) {
    const req = createRequire(import.meta.url);
    const file = req.resolve('z3-solver/build/z3-built.wasm');
    wasmModulePromise = WebAssembly.compile(readFileSync(file));
  }
  return wasmModulePromise;
}

function workerPath(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.join(here, 'solver-worker.mjs');
}

export class SolverPool {
  private slots: Slot[] = [];
  private queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  /** Number of workers replaced after a crash or hang (for tests and diagnostics). */
  replaced = 0;
  /** Extra time past the solver timeout before the watchdog interrupts, then terminates. */
  graceMs = 1500;
  /** Time a cancelled query's worker gets to stop before it is terminated and replaced. */
  cancelGraceMs = 250;

  constructor(public readonly size: number) {}

  private async spawnSlot(): Promise<Slot> {
    const mod = await wasmModule();
    const worker = new Worker(workerPath(), { workerData: { wasmModule: mod } });
    let readyResolve!: () => void;
    let readyReject!: (e: Error) => void;
    const ready = new Promise<void>((res, rej) => {
      readyResolve = res;
      readyReject = rej;
    });
    const slot: Slot = { worker, ready, current: null, timers: [], dead: false, isReady: false };
    worker.on('message', (msg: WorkerMessage) => {
      if (msg.type === 'ready') readyResolve();
      else if (msg.type === 'evaluated') slot.current?.lease?.onEvaluated(msg);
      else if (msg.type === 'fatal') readyReject(new Error(msg.message));
      else if (msg.type === 'result' && slot.current && slot.current.id === msg.id) {
        const p = slot.current;
        this.clearTimers(slot);
        slot.current = null;
        let result = msg.result!;
        const reason = msg.reason ?? '';
        if (result === 'unknown' && /timeout|canceled|cancelled|interrupted/i.test(reason)) result = p.job.signal?.aborted ? 'canceled' : 'timeout';
        p.resolve({ result, model: msg.model ?? null, reason, ms: msg.ms ?? 0 });
        this.pump();
      }
    });
    const onDeath = (why: string) => {
      if (slot.dead) return;
      slot.dead = true;
      readyReject(new Error(why));
      this.clearTimers(slot);
      const p = slot.current;
      slot.current = null;
      const idx = this.slots.indexOf(slot);
      if (idx >= 0) this.slots.splice(idx, 1);
      if (p?.lease) p.lease.lost(`solver worker ${why}`);
      else if (p) this.crashedUnder(p, why);
      if (!this.closed) {
        this.replaced++;
        this.pump();
      }
    };
    worker.on('error', (e) => onDeath(`crashed (${e.message})`));
    worker.on('exit', (code) => onDeath(`exited with code ${code}`));
    this.slots.push(slot);
    return slot;
  }

  /**
   * A worker died while solving `p` (the pool's own terminations clear `current` first). A wasm
   * instance's heap never shrinks and is capped at 2 GiB, so a worker that has served thousands of
   * queries can abort on one that needs little (seen once in CI, on a query whose z3 peak is about 50 MB): the query goes
   * to the front of the queue for a fresh worker, once. Dying twice is its answer.
   */
  private crashedUnder(p: Pending, why: string): void {
    p.crashes = (p.crashes ?? 0) + 1;
    if (p.crashes === 1 && !this.closed && !p.job.signal?.aborted) {
      p.priority = Infinity;
      this.enqueue(p);
      return;
    }
    p.resolve({ result: 'unknown', model: null, reason: `solver worker ${why}, the second worker to die on this query; it was replaced`, ms: 0 });
  }

  private clearTimers(slot: Slot): void {
    for (const t of slot.timers) clearTimeout(t);
    slot.timers = [];
  }

  run(job: SolverJob): Promise<SolverResult> {
    if (this.closed) return Promise.resolve({ result: 'error', model: null, reason: 'solver pool is shut down', ms: 0 });
    if (job.signal?.aborted) return Promise.resolve({ result: 'canceled', model: null, reason: 'canceled', ms: 0 });
    return new Promise((resolve) => {
      const p: Pending = { job, resolve, id: this.nextId++, priority: job.urgent ? Infinity : (job.priority ?? 0) };
      this.enqueue(p);
      job.signal?.addEventListener(
        'abort',
        () => {
          const qi = this.queue.indexOf(p);
          if (qi >= 0) {
            this.queue.splice(qi, 1);
            resolve({ result: 'canceled', model: null, reason: 'canceled', ms: 0 });
            return;
          }
          const slot = this.slots.find((s) => s.current === p);
          if (!slot) return;
          slot.worker.postMessage({ type: 'interrupt' });
          // z3 polls for interruption between steps, and some steps on a large query are long:
          // a worker that has not answered soon is replaced, so a cancelled run never holds a
          // worker that the next run is waiting for
          slot.timers.push(
            setTimeout(() => {
              if (slot.current !== p) return;
              slot.current = null;
              this.clearTimers(slot);
              resolve({ result: 'canceled', model: null, reason: 'canceled (worker replaced)', ms: 0 });
              slot.isReady = false; // no new job until its replacement is up (on 'exit')
              void slot.worker.terminate();
            }, this.cancelGraceMs),
          );
        },
        { once: true },
      );
      this.pump();
    });
  }

  /** Decreasing priority, FIFO among equals. */
  private enqueue(p: Pending): void {
    const at = this.queue.findIndex((w) => w.priority < p.priority);
    if (at < 0) this.queue.push(p);
    else this.queue.splice(at, 0, p);
  }

  /**
   * Holds a worker for an incremental session (incremental-solver.ts) until the session closes:
   * null when `signal` aborted (or the pool shut down) before a worker was free.
   */
  lease(priority: number, signal?: AbortSignal): Promise<WasmSession | null> {
    if (this.closed || signal?.aborted) return Promise.resolve(null);
    return new Promise((resolve) => {
      const p: Pending = { job: { query: '', timeoutMs: 0, wantModel: false }, id: this.nextId++, priority, resolve: () => resolve(null) };
      p.lease = new WasmSession(this, p, (session) => resolve(session));
      this.enqueue(p);
      signal?.addEventListener(
        'abort',
        () => {
          const qi = this.queue.indexOf(p);
          if (qi < 0) return;
          this.queue.splice(qi, 1);
          resolve(null);
        },
        { once: true },
      );
      this.pump();
    });
  }

  /** Posts to the worker holding `p` (a session's lease); false when that worker is gone. */
  postTo(p: Pending, msg: object): boolean {
    const slot = this.slots.find((s) => s.current === p && !s.dead);
    if (!slot) return false;
    slot.worker.postMessage(msg);
    return true;
  }

  /** A session that ended: its worker takes the next job (the session's eval is over). */
  releaseLease(p: Pending): void {
    const slot = this.slots.find((s) => s.current === p);
    if (!slot) return;
    slot.current = null;
    this.pump();
  }

  /** A session whose eval does not stop when interrupted: its worker is terminated and replaced. */
  killLease(p: Pending): void {
    const slot = this.slots.find((s) => s.current === p);
    if (!slot) return;
    slot.isReady = false;
    void slot.worker.terminate();
  }

  private starting = 0;
  private pump(): void {
    if (this.closed) return;
    while (this.queue.length) {
      const slot = this.slots.find((s) => !s.current && !s.dead && s.isReady);
      if (!slot) {
        const busyOrStarting = this.slots.length + this.starting;
        if (busyOrStarting < this.size) {
          this.starting++;
          void this.spawnSlot().then(
            (s) => {
              s.ready.then(
                () => {
                  this.starting--;
                  s.isReady = true;
                  this.pump();
                },
                (e: Error) => {
                  this.starting--;
                  this.failAll(`cannot start solver: ${e.message}`);
                },
              );
            },
            (e: Error) => {
              this.starting--;
              this.failAll(`cannot start solver: ${e.message}`);
            },
          );
          continue;
        }
        return;
      }
      const p = this.queue.shift()!;
      slot.current = p;
      if (p.lease) p.lease.grant();
      else this.dispatch(slot, p);
    }
  }

  private failAll(reason: string): void {
    if (this.slots.some((s) => s.isReady && !s.dead) || this.starting > 0) return;
    for (const p of this.queue.splice(0)) p.resolve({ result: 'error', model: null, reason, ms: 0 });
  }

  private dispatch(slot: Slot, p: Pending): void {
    if (slot.dead) return;
    if (p.job.signal?.aborted) {
      slot.current = null;
      p.resolve({ result: 'canceled', model: null, reason: 'canceled', ms: 0 });
      this.pump();
      return;
    }
    p.job.onStart?.();
    slot.worker.postMessage({ type: 'check', id: p.id, query: Z3_DEFAULT_OPTIONS + p.job.query, timeoutMs: p.job.timeoutMs, wantModel: p.job.wantModel });
    // watchdog: interrupt, then terminate and replace
    slot.timers.push(
      setTimeout(() => {
        if (slot.current === p) slot.worker.postMessage({ type: 'interrupt' });
      }, p.job.timeoutMs + this.graceMs),
    );
    slot.timers.push(
      setTimeout(() => {
        if (slot.current === p) {
          slot.current = null;
          p.resolve({ result: 'timeout', model: null, reason: 'solver did not answer; worker terminated and replaced', ms: p.job.timeoutMs });
          slot.isReady = false;
          void slot.worker.terminate();
        }
      }, p.job.timeoutMs + this.graceMs * 3),
    );
  }

  /** Test hook: terminate the workers held by sessions (as a crash would). */
  crashLeased(): void {
    for (const s of this.slots) if (s.current?.lease) void s.worker.terminate();
  }

  /** Test hook: make one busy (or any) worker crash. */
  crashOne(): void {
    const s = this.slots.find((x) => x.current) ?? this.slots[0];
    if (s) void s.worker.terminate();
  }

  async shutdown(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.resolve({ result: 'canceled', model: null, reason: 'shutdown', ms: 0 });
    await Promise.all(
      this.slots.map(async (s) => {
        this.clearTimers(s);
        const bye = new Promise<void>((res) => {
          s.worker.once('exit', () => res());
        });
        try {
          s.worker.postMessage({ type: 'shutdown' });
        } catch {
          /* ignore */
        }
        const t = setTimeout(() => void s.worker.terminate(), 2000);
        await bye;
        clearTimeout(t);
      }),
    );
    this.slots = [];
  }
}

/**
 * An incremental session on a wasm worker: SMT-LIB text through z3's own command interpreter
 * (`Z3_eval_smtlib2_string`, whose context keeps declarations, assertions and scopes between
 * calls). Ending a session with an eval in flight interrupts it; a worker that does not stop
 * within the pool's cancel grace is terminated (the pool replaces it), so a session never holds
 * a worker past its end.
 */
export class WasmSession implements SmtSession {
  alive = true;
  private seq = 0;
  private inFlight: { id: number; t0: number; resolve: (r: Reply) => void; timer: ReturnType<typeof setTimeout> } | null = null;
  /** The id of an eval still running in the worker after the session ended. */
  private draining: number | null = null;
  private closed = false;
  private granted = false;

  constructor(
    private readonly pool: SolverPool,
    private readonly p: Pending,
    private readonly onGrant: (s: WasmSession) => void,
  ) {}

  /** The pool gave this session a worker. */
  grant(): void {
    this.granted = true;
    this.onGrant(this);
  }

  send(text: string, limitMs: number): Promise<Reply> {
    if (!this.alive) return Promise.resolve({ ok: false, timedOut: false, reason: 'solver worker session ended', ms: 0 });
    if (this.inFlight) throw new Error('WasmSession.send: a send is in flight');
    const id = ++this.seq;
    return new Promise((resolve) => {
      const t0 = performance.now();
      const timer = setTimeout(() => this.end(`solver worker did not answer within ${limitMs} ms`, true), limitMs);
      this.inFlight = { id, t0, resolve, timer };
      if (!this.pool.postTo(this.p, { type: 'eval', id, text })) this.lost('solver worker is gone');
    });
  }

  onEvaluated(msg: { id?: number; out?: string; error?: string }): void {
    const w = this.inFlight;
    if (w && w.id === msg.id) {
      this.inFlight = null;
      clearTimeout(w.timer);
      const ms = performance.now() - w.t0;
      w.resolve(msg.error !== undefined ? { ok: false, timedOut: false, reason: `solver error: ${msg.error}`, ms } : { ok: true, out: msg.out ?? '', ms });
    } else if (this.draining === msg.id) {
      this.draining = null;
      this.maybeRelease();
    }
  }

  end(reason: string, timedOut: boolean): void {
    if (!this.alive) return;
    this.alive = false;
    const w = this.inFlight;
    if (!w) return;
    this.inFlight = null;
    clearTimeout(w.timer);
    w.resolve({ ok: false, timedOut, reason, ms: performance.now() - w.t0 });
    this.draining = w.id;
    this.pool.postTo(this.p, { type: 'interrupt' });
    setTimeout(() => {
      if (this.draining === w.id) this.pool.killLease(this.p);
    }, this.pool.cancelGraceMs);
  }

  /** The worker died: the send in flight fails, nothing is left to drain. */
  lost(why: string): void {
    this.draining = null;
    this.end(why, false);
    this.draining = null;
  }

  /** The session is done with its worker. */
  close(): void {
    this.closed = true;
    this.alive = false;
    this.maybeRelease();
  }

  private maybeRelease(): void {
    if (this.closed && this.granted && this.draining === null) this.pool.releaseLease(this.p);
  }
}

/** Incremental sessions on the wasm pool's workers (one session per worker, no replacement within a lease). */
export class WasmSessionHost implements SessionHost {
  constructor(private readonly pool: SolverPool) {}

  async open(priority: number, signal?: AbortSignal): Promise<SessionLease | null> {
    const s = await this.pool.lease(priority, signal);
    if (!s) return null;
    let given = false;
    return {
      session: () => {
        // a session that ended (timeout, crash) is not replaced: its checks are solved standalone
        if (given && !s.alive) return null;
        given = true;
        return s;
      },
      close: () => s.close(),
    };
  }

  crashActive(): void {
    this.pool.crashLeased();
  }

  shutdown(): void {
    // the pool owns the workers
  }
}

/** Reads z3's answer to one query: the verdict, then the model or an error, then the reason. */
export function parseNativeOutput(out: string, ms: number): SolverResult {
  const first = out.split('\n')[0]!.trim();
  const reasonMatch = /^\(:reason-unknown "([^"]*)"\)\s*$/m.exec(out);
  const reason = reasonMatch?.[1] ?? '';
  const rest = out.slice(out.indexOf('\n') + 1, reasonMatch ? reasonMatch.index : undefined).trim();
  const model = rest && !rest.startsWith('(error') ? rest : null;
  if (first === 'unsat') return { result: 'unsat', model: null, reason: '', ms };
  if (first === 'sat') return { result: 'sat', model, reason: '', ms };
  if (first === 'timeout' || (first === 'unknown' && /timeout|canceled/.test(reason))) return { result: 'timeout', model: null, reason: reason || first, ms };
  // like the wasm build, "unknown" because quantifier instantiation is incomplete comes with
  // its reason and a candidate model, so it reads as a failure with a counterexample
  if (first === 'unknown') return { result: 'unknown', model, reason: reason || 'unknown', ms };
  return { result: 'error', model: null, reason: out.slice(0, 500), ms };
}

/** What follows a query: the model when wanted, and why z3 gave up when it did. */
export function querySuffix(job: SolverJob): string {
  return (job.wantModel ? '(get-model)\n' : '') + '(get-info :reason-unknown)\n';
}

/** One query in its own `z3` process (used for one-off checks; the queue reuses processes). */
export function runNative(job: SolverJob, bin = 'z3'): Promise<SolverResult> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(bin, ['-in', '-smt2', `-t:${Math.max(1, job.timeoutMs)}`], { stdio: ['pipe', 'pipe', 'ignore'] });
    let out = '';
    let done = false;
    const finish = (r: SolverResult) => {
      if (done) return;
      done = true;
      clearTimeout(kill);
      resolve(r);
    };
    const kill = setTimeout(() => {
      child.kill('SIGKILL');
      finish({ result: 'timeout', model: null, reason: 'native z3 killed after timeout', ms: performance.now() - t0 });
    }, job.timeoutMs + 3000);
    job.signal?.addEventListener('abort', () => {
      child.kill('SIGKILL');
      finish({ result: 'canceled', model: null, reason: 'canceled', ms: performance.now() - t0 });
    });
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', (e) => finish({ result: 'error', model: null, reason: `cannot run ${bin}: ${e.message}`, ms: 0 }));
    child.on('close', () => finish(parseNativeOutput(out, performance.now() - t0)));
    child.stdin.end(job.query + querySuffix(job));
  });
}

/**
 * Options our queries and sessions set, put back to z3's defaults before each standalone query
 * and each session's load: `(reset)` clears assertions and declarations but not options, and in
 * the wasm build an option set through the command interpreter is a global parameter that every
 * later solver of the worker reads (measured: a session's `:timeout` or `:rlimit` made the next
 * standalone query on the same worker give up).
 */
export const Z3_DEFAULT_OPTIONS =
  '(set-option :smt.mbqi true)\n(set-option :auto_config true)\n(set-option :smt.case_split 1)\n(set-option :smt.arith.solver 6)\n' +
  '(set-option :smt.arith.nl true)\n(set-option :smt.dt_lazy_splits 1)\n(set-option :rlimit 0)\n(set-option :combined_solver.solver2_timeout 4294967295)\n';
/** Past a query's own timeout before a silent process is killed. */
const KILL_GRACE_MS = 3000;

/**
 * One standalone query on a long-lived `z3 -in` process (native-session.ts), `(reset)` first:
 * starting a process costs ~20 ms, a third of the average kernel query. A query that runs past
 * its timeout (plus grace), is cancelled, or meets a dead process ends the process; the queue
 * starts another.
 */
async function runOnProcess(proc: Z3Process, job: SolverJob): Promise<SolverResult> {
  const onAbort = () => proc.end('canceled', false);
  job.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const reply = await proc.send(`(reset)\n${Z3_DEFAULT_OPTIONS}(set-option :timeout ${Math.max(1, job.timeoutMs)})\n${job.query}${querySuffix(job)}`, job.timeoutMs + KILL_GRACE_MS);
    if (reply.ok) return parseNativeOutput(reply.out, reply.ms);
    if (job.signal?.aborted) return { result: 'canceled', model: null, reason: 'canceled', ms: reply.ms };
    return { result: reply.timedOut ? 'timeout' : 'error', model: null, reason: reply.timedOut ? 'native z3 killed after timeout' : reply.reason, ms: reply.ms };
  } finally {
    job.signal?.removeEventListener('abort', onAbort);
  }
}

/** Native `z3`: at most `size` queries at a time, each session process reused across queries. */
export class NativeSolverQueue {
  private running = 0;
  private waiting: { go: () => void; priority: number }[] = [];
  private idle: Z3Process[] = [];
  constructor(
    public readonly size: number,
    private readonly bin = 'z3',
  ) {}

  /**
   * Waits for one of the `size` slots (shared by standalone queries and incremental sessions):
   * false when `signal` aborted first. Each `true` must be followed by one `release()`.
   */
  async acquire(priority: number, signal?: AbortSignal): Promise<boolean> {
    // (an already-aborted signal never fires its event: such a waiter would never leave the queue)
    if (signal?.aborted) return false;
    if (this.running < this.size) {
      this.running++;
      return true;
    }
    const granted = await new Promise<boolean>((resolve) => {
      const onAbort = () => {
        const i = this.waiting.indexOf(entry);
        if (i >= 0) this.waiting.splice(i, 1);
        resolve(false);
      };
      // release() hands its slot over (`running` still counts it): no newcomer takes it first,
      // and no wake-up is lost
      const entry = { go: () => (signal?.removeEventListener('abort', onAbort), resolve(true)), priority };
      // decreasing priority, FIFO among equals
      const at = this.waiting.findIndex((w) => w.priority < priority);
      if (at < 0) this.waiting.push(entry);
      else this.waiting.splice(at, 0, entry);
      // a query cancelled while waiting leaves the queue at once
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    // aborted between the hand-over and now: the slot goes on to the next waiter
    if (granted && signal?.aborted) {
      this.release();
      return false;
    }
    return granted;
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next.go();
    else this.running--;
  }

  async run(job: SolverJob): Promise<SolverResult> {
    if (!(await this.acquire(job.urgent ? Infinity : (job.priority ?? 0), job.signal))) return { result: 'canceled', model: null, reason: 'canceled', ms: 0 };
    let proc = this.idle.pop();
    while (proc && !proc.alive) proc = this.idle.pop();
    proc ??= new Z3Process(this.bin);
    try {
      job.onStart?.();
      return await runOnProcess(proc, job);
    } finally {
      if (proc.alive) this.idle.push(proc);
      this.release();
    }
  }

  /** Ends the idle processes. */
  shutdown(): void {
    for (const p of this.idle) p.end('shutdown', false);
    this.idle = [];
  }
}
