// Incremental solving: one function's queries in one solver session (a long-lived `z3 -in`
// process, native-session.ts, or a wasm worker's SMT-LIB interpreter, wasm-session.ts). The
// options and the prelude (~33 KB on the kernel) are sent once per function; each query adds its
// new declarations and facts at the base level and checks its goal inside (push) .. (pop).
// Only `unsat` is taken from a session: the context holds exactly the query's commands
// (incremental-plan.ts), so `unsat` is the standalone query's answer; any other answer (sat,
// unknown, timeout, error, crash) is returned for the caller to solve the query standalone, which
// gives the verdict and the model. A session that answers anything but `unsat`, or slowly, is
// reset before its next check (z3's search depends on what the context has seen).

import { Z3_DEFAULT_OPTIONS, parseNativeOutput, type SolverResult } from './solver-pool';
import type { IncrementalPlan } from './incremental-plan';

/** What a session answered to one group of commands, or why it did not. */
export type Reply = { ok: true; out: string; ms: number } | { ok: false; timedOut: boolean; reason: string; ms: number };

/** A solver that reads SMT-LIB commands and keeps its context between sends. */
export interface SmtSession {
  /** z3's output for `text`; the session is ended (and the reply a failure) past `limitMs`. */
  send(text: string, limitMs: number): Promise<Reply>;
  readonly alive: boolean;
  /** Stops the session; a send in flight is answered with `reason`. */
  end(reason: string, timedOut: boolean): void;
}

/** One of the solver's slots, held for a whole function's checks. */
export interface SessionLease {
  /** A live session on this slot (a new one when the last died), or null when none can be had. */
  session(): SmtSession | null;
  /** Gives the slot back. */
  close(): void;
}

/** Where sessions come from: the native queue's slots or the wasm pool's workers. */
export interface SessionHost {
  /** Waits for a slot (decreasing priority); null when `signal` aborted first. */
  open(priority: number, signal?: AbortSignal): Promise<SessionLease | null>;
  /** Test hook: ends the sessions in use (as a solver crash would). */
  crashActive(): void;
  /** Ends the idle sessions. */
  shutdown(): void;
}

export interface IncrementalRun<T> {
  plan: Pick<IncrementalPlan<T>, 'base' | 'checks'>;
  /** Per check (z3's `:timeout`; the session is ended a grace period later). */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Sessions start in decreasing priority (the expected cost: longest functions first). */
  priority: number;
  /** Called with each answer as soon as it is known (a caller re-solves a non-`unsat` one at once). */
  onAnswer?: (a: CheckAnswer<T>) => void;
  /**
   * Called with the time of each load of the options and the prelude: solver time like a check's
   * (z3 parses and asserts them, as a standalone query's time includes its own).
   */
  onLoad?: (ms: number) => void;
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

/**
 * Printed before each check of a batch, so that each check's output is read on its own (stray
 * output from one check's commands makes that check an error, not its neighbours).
 */
const CHECK_MARKER = 'stratos-check';
/** Time to load the options and the prelude (they only declare and assert: z3 does no search). */
const LOAD_LIMIT_MS = 30_000;
/** Past z3's own timeout before a silent session is ended. */
const KILL_GRACE_MS = 3000;

/** Runs each function's checks in one session of `host`. */
export class IncrementalSolver {
  /** A check slower than this resets the session before the next one (context pollution). */
  slowCheckMs = 500;
  /** Checks run, sends of checks (fewer when batched), checks answered `unsat`, sessions reset (reloaded from scratch), sessions replaced. */
  checks = 0;
  sends = 0;
  unsat = 0;
  resets = 0;
  replaced = 0;

  /** How long a check runs in z3's incremental solver before z3 hands it to its one-shot solver. */
  oneShotAfterMs: number | null = 200;
  /**
   * At most this many checks in one send, once the previous ones were fast. Each send to the wasm
   * build costs ~6 ms besides the solving (z3-solver runs each call on a new thread and answers
   * through the main thread's queue); ten small checks in one send cost ~1 ms each.
   */
  batchChecks = 1;
  /** A check this fast lets the next ones go to the session together. */
  fastCheckMs = 20;

  constructor(
    readonly host: SessionHost,
    options: { slowCheckMs?: number; oneShotAfterMs?: number | null; batchChecks?: number; fastCheckMs?: number } = {},
  ) {
    if (options.fastCheckMs !== undefined) this.fastCheckMs = options.fastCheckMs;
    if (options.slowCheckMs !== undefined) this.slowCheckMs = options.slowCheckMs;
    if (options.oneShotAfterMs !== undefined) this.oneShotAfterMs = options.oneShotAfterMs;
    if (options.batchChecks !== undefined) this.batchChecks = Math.max(1, options.batchChecks);
  }

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
    const lease = await this.host.open(job.priority, signal);
    if (!lease) {
      giveUp(0, { result: 'canceled', model: null, reason: 'canceled', ms: 0 });
      return answers;
    }
    let session: SmtSession | null = lease.session();
    const onAbort = () => session?.end('canceled', false);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      // the base-level commands this session has been given (all sent again after a reset)
      let sent = '';
      let loaded = false;
      // time per check of the last send (batches follow fast checks only)
      let lastCheckMs = Infinity;
      for (let i = 0; i < plan.checks.length; ) {
        if (signal?.aborted) return (giveUp(i, { result: 'canceled', model: null, reason: 'canceled', ms: 0 }), answers);
        const batch = loaded && lastCheckMs < this.fastCheckMs ? Math.min(this.batchChecks, plan.checks.length - i) : 1;
        const group = plan.checks.slice(i, i + batch);
        for (const c of group) sent += c.add;
        if (!loaded && !session?.alive) {
          const had = session !== null;
          session = lease.session();
          if (had && session) this.replaced++;
        }
        if (!session) return (giveUp(i, { result: 'error', model: null, reason: 'no incremental session could be started', ms: 0 }), answers);
        let firstAdd = group[0]!.add;
        if (!loaded) {
          // `(reset)` clears assertions and declarations, not options: z3's defaults come back first
          // z3's incremental solver (used once a context has scopes) skips preprocessing that its
          // one-shot solver does, and some queries are much slower in it: past
          // `combined_solver.solver2_timeout` z3 solves the check again with the one-shot solver
          // on the same assertions (measured on Nimbus, 200 ms: the session checks' time went from
          // 21-28 s to 10-12 s and the checks not proved there from 4-7 to 0-1)
          const load = await session.send(`(reset)\n${Z3_DEFAULT_OPTIONS}(set-option :timeout ${Math.max(1, timeoutMs)})\n${this.oneShotAfterMs === null ? '' : `(set-option :combined_solver.solver2_timeout ${this.oneShotAfterMs})\n`}${plan.base}${sent}`, LOAD_LIMIT_MS);
          job.onLoad?.(load.ms);
          if (!load.ok || /\(error /.test(load.out)) {
            // (the standalone queries show the error, or prove the context was not at fault)
            giveUp(i, { result: 'error', model: null, reason: `incremental session could not load the context: ${load.ok ? load.out.slice(0, 300) : load.reason}`, ms: 0 });
            return answers;
          }
          loaded = true;
          firstAdd = '';
        }
        const framed = batch > 1;
        const text = group.map((c, j) => `${framed ? `(echo "${CHECK_MARKER}")\n` : ''}${j === 0 ? firstAdd : c.add}(push)\n${c.goal}(check-sat)\n(get-info :reason-unknown)\n(pop)\n`).join('');
        const reply = await session.send(text, batch * timeoutMs + KILL_GRACE_MS);
        this.sends++;
        // each check's own output (a batch's are read between the markers)
        const outs = !reply.ok ? [] : framed ? reply.out.split(`${CHECK_MARKER}\n`).slice(1) : [reply.out];
        const perCheckMs = reply.ms / batch;
        lastCheckMs = perCheckMs;
        let reset = reply.ms > this.slowCheckMs;
        group.forEach((check, j) => {
          let r: SolverResult;
          const out = outs[j];
          if (!reply.ok) r = { result: signal?.aborted ? 'canceled' : reply.timedOut ? 'timeout' : 'error', model: null, reason: reply.reason, ms: perCheckMs };
          else if (out === undefined || (framed && outs.length !== batch) || !isOneAnswer(out)) r = { result: 'error', model: null, reason: `unexpected output: ${(out ?? reply.out).slice(0, 500)}`, ms: perCheckMs };
          else r = parseNativeOutput(out, perCheckMs);
          this.checks++;
          if (r.result === 'unsat') this.unsat++;
          else reset = true;
          answer(check.item, r);
        });
        if (reset) {
          loaded = false;
          this.resets++;
        }
        i += batch;
      }
      return answers;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      lease.close();
    }
  }

  /** Test hook: ends the sessions running now (as a solver crash would). */
  crashActive(): void {
    this.host.crashActive();
  }

  shutdown(): void {
    this.host.shutdown();
  }
}
