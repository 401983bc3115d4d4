// Incremental solving with native z3: one function's queries in one long-lived `z3 -in` process.
// The options and the prelude (~33 KB on the kernel) are sent once per function; each query adds
// its new declarations and facts at the base level and checks its goal inside (push) .. (pop).
// Only `unsat` is taken from a session: the context holds exactly the query's commands
// (incremental-plan.ts), so `unsat` is the standalone query's answer; any other answer (sat,
// unknown, timeout, error, crash) is returned for the caller to solve the query standalone, which
// gives the verdict and the model. A session that answers anything but `unsat`, or slowly, is
// reset before its next check (z3's search depends on what the context has seen).

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { NATIVE_DEFAULT_OPTIONS, parseNativeOutput, type NativeSolverQueue, type SolverResult } from './solver-pool';
import type { IncrementalPlan } from './incremental-plan';

/** What a process answered to one group of commands (up to its marker), or why it did not. */
type Reply = { ok: true; out: string; ms: number } | { ok: false; timedOut: boolean; reason: string; ms: number };

/** One `z3 -in` process; each `send` is framed by an `(echo)` of a marker unique to it. */
export class Z3Process {
  private readonly child: ChildProcessWithoutNullStreams;
  private out = '';
  private seq = 0;
  private waiting: { marker: string; t0: number; resolve: (r: Reply) => void; timer: ReturnType<typeof setTimeout> } | null = null;
  alive = true;

  constructor(bin: string) {
    this.child = spawn(bin, ['-in', '-smt2'], { stdio: ['pipe', 'pipe', 'pipe'] });
    // an idle process must not keep node alive
    this.child.unref();
    for (const s of [this.child.stdin, this.child.stdout, this.child.stderr]) (s as unknown as { unref?: () => void }).unref?.();
    // stderr is drained and dropped (a full pipe would stall z3)
    this.child.stderr.resume();
    this.child.stdout.on('data', (d: Buffer) => this.onData(d.toString()));
    this.child.on('error', (e) => this.end(`cannot run ${bin}: ${e.message}`, false));
    this.child.on('close', () => this.end(`native z3 exited: ${this.out.slice(0, 300)}`, false));
    this.child.stdin.on('error', () => undefined);
  }

  /** Sends `text`; answers with z3's output for it, or kills the process after `limitMs`. */
  send(text: string, limitMs: number): Promise<Reply> {
    if (!this.alive) return Promise.resolve({ ok: false, timedOut: false, reason: 'native z3 exited', ms: 0 });
    if (this.waiting) throw new Error('Z3Process.send: a send is in flight');
    const marker = `@@stratos-incremental-${++this.seq}`;
    return new Promise((resolve) => {
      const t0 = performance.now();
      const timer = setTimeout(() => this.end(`native z3 did not answer within ${limitMs} ms; process killed`, true), limitMs);
      this.waiting = { marker, t0, resolve, timer };
      this.out = '';
      this.child.stdin.write(`${text}(echo "${marker}")\n`);
    });
  }

  private onData(text: string): void {
    this.out += text;
    const w = this.waiting;
    if (!w) return;
    const at = this.out.indexOf(w.marker + '\n');
    if (at < 0) return;
    this.waiting = null;
    clearTimeout(w.timer);
    const out = this.out.slice(0, at);
    this.out = this.out.slice(at + w.marker.length + 1);
    w.resolve({ ok: true, out, ms: performance.now() - w.t0 });
  }

  /** Kills the process; a send in flight is answered with `reason`. */
  end(reason: string, timedOut: boolean): void {
    if (this.alive) {
      this.alive = false;
      this.child.kill('SIGKILL');
    }
    const w = this.waiting;
    this.waiting = null;
    if (w) {
      clearTimeout(w.timer);
      w.resolve({ ok: false, timedOut, reason, ms: performance.now() - w.t0 });
    }
  }
}

export interface IncrementalRun<T> {
  plan: Pick<IncrementalPlan<T>, 'base' | 'checks'>;
  /** Per check (z3's `:timeout`; the process is killed a grace period later). */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Sessions start in decreasing priority (the expected cost: longest functions first). */
  priority: number;
  /** Called with each answer as soon as it is known (a caller re-solves a non-`unsat` one at once). */
  onAnswer?: (a: CheckAnswer<T>) => void;
}

export interface CheckAnswer<T> {
  item: T;
  r: SolverResult;
}

/**
 * Whether a check's output is exactly a verdict and its reason line: anything else (an error, a
 * warning, stray output) makes the answer an error, so the query is solved standalone.
 */
function isOneAnswer(out: string): boolean {
  const lines = out.split('\n').filter((l) => l.trim() !== '');
  return lines.length === 2 && /^(sat|unsat|unknown|timeout)$/.test(lines[0]!.trim()) && /^\(:reason-unknown "[^"]*"\)$/.test(lines[1]!.trim());
}

/** Time to load the options and the prelude (they only declare and assert: z3 does no search). */
const LOAD_LIMIT_MS = 30_000;
/** Past z3's own timeout before a silent process is killed. */
const KILL_GRACE_MS = 3000;

/** Incremental sessions over the native queue's slots (a session holds one slot while it runs). */
export class IncrementalNativeSolver {
  private idle: Z3Process[] = [];
  private active = new Set<Z3Process>();
  /** A check slower than this resets the session before the next one (context pollution). */
  slowCheckMs = 500;
  /** Checks run, checks answered `unsat`, sessions reset (reloaded from scratch), processes replaced. */
  checks = 0;
  unsat = 0;
  resets = 0;
  replaced = 0;

  constructor(
    private readonly queue: NativeSolverQueue,
    private readonly bin = 'z3',
  ) {}

  /** Runs a plan's checks in order in one session: each answer, `unsat` or why not. */
  async run<T>(job: IncrementalRun<T>): Promise<CheckAnswer<T>[]> {
    const { plan, timeoutMs, signal } = job;
    const answers: CheckAnswer<T>[] = [];
    const answer = (item: T, r: SolverResult) => {
      answers.push({ item, r });
      job.onAnswer?.({ item, r });
    };
    const giveUp = (from: number, r: SolverResult) => {
      for (const c of plan.checks.slice(from)) answer(c.item, r);
    };
    if (!plan.checks.length) return answers;
    if (!(await this.queue.acquire(job.priority, signal))) {
      giveUp(0, { result: 'canceled', model: null, reason: 'canceled', ms: 0 });
      return answers;
    }
    let proc = this.takeProcess();
    const onAbort = () => proc.end('canceled', false);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      // the base-level commands this session has been given (all sent again after a reset)
      let sent = '';
      let loaded = false;
      for (let i = 0; i < plan.checks.length; i++) {
        const check = plan.checks[i]!;
        if (signal?.aborted) return (giveUp(i, { result: 'canceled', model: null, reason: 'canceled', ms: 0 }), answers);
        sent += check.add;
        let text = check.add;
        if (!loaded) {
          if (!proc.alive) {
            this.active.delete(proc);
            proc = this.takeProcess();
            this.replaced++;
          }
          // `(reset)` clears assertions and declarations, not options: z3's defaults come back first
          const load = await proc.send(`(reset)\n${NATIVE_DEFAULT_OPTIONS}(set-option :timeout ${Math.max(1, timeoutMs)})\n${plan.base}${sent}`, LOAD_LIMIT_MS);
          if (!load.ok || /\(error /.test(load.out)) {
            // (the standalone queries show the error, or prove the context was not at fault)
            giveUp(i, { result: 'error', model: null, reason: `incremental session could not load the context: ${load.ok ? load.out.slice(0, 300) : load.reason}`, ms: 0 });
            return answers;
          }
          loaded = true;
          text = '';
        }
        const reply = await proc.send(`${text}(push)\n${check.goal}(check-sat)\n(get-info :reason-unknown)\n(pop)\n`, timeoutMs + KILL_GRACE_MS);
        let r: SolverResult;
        if (!reply.ok) r = { result: signal?.aborted ? 'canceled' : reply.timedOut ? 'timeout' : 'error', model: null, reason: reply.reason, ms: reply.ms };
        else if (!isOneAnswer(reply.out)) r = { result: 'error', model: null, reason: `unexpected output: ${reply.out.slice(0, 500)}`, ms: reply.ms };
        else r = parseNativeOutput(reply.out, reply.ms);
        this.checks++;
        if (r.result === 'unsat') this.unsat++;
        answer(check.item, r);
        if (r.result !== 'unsat' || r.ms > this.slowCheckMs) {
          loaded = false;
          this.resets++;
        }
      }
      return answers;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      this.active.delete(proc);
      if (proc.alive) this.idle.push(proc);
      this.queue.release();
    }
  }

  private takeProcess(): Z3Process {
    let p = this.idle.pop();
    while (p && !p.alive) p = this.idle.pop();
    p ??= new Z3Process(this.bin);
    this.active.add(p);
    return p;
  }

  /** Test hook: kills the processes of the sessions running now (as a z3 crash would). */
  crashActive(): void {
    for (const p of this.active) p.end('crashed (test)', false);
  }

  /** Ends the idle processes. */
  shutdown(): void {
    for (const p of this.idle) p.end('shutdown', false);
    this.idle = [];
  }
}
