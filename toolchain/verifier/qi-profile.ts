// `stratos verify --profile`: each query in its own native `z3` process with `smt.qi.profile=true`,
// its quantifier-instantiation counts read per qid (./qid.ts names every quantifier we emit).
// Separate from ./solver-pool.ts's reused processes: z3 prints the counts on stderr when a solver
// context is deleted, i.e. when the process ends, and a reused process would mix queries.
// Invariant: the verdict is read exactly as for an ordinary native query (parseNativeOutput); a
// process interrupted, killed or crashed is a timeout / canceled / error, never `verified`.

import { spawn } from 'node:child_process';
import pLimit from 'p-limit';
import { parseNativeOutput, querySuffix, type SolverJob, type SolverResult } from './solver-pool';

/** Instances per qid. */
export type QiCounts = Map<string, number>;

const LINE_PREFIX = '[quantifier_instances]';

/**
 * z3's profile lines, summed per qid. z3 4.8.12 prints, for each quantifier of a solver context
 * that was instantiated, when the context is deleted:
 *   `[quantifier_instances] QID : INSTANCES : SIMPLIFY_TRUE : CHECKER_SAT : MAX_GENERATION : MAX_COST`
 * (z3 4.8.7 and older: `QID : INSTANCES : MAX_GENERATION : MAX_COST`). Quantifiers that share a
 * qid (the same source quantifier asserted twice) and contexts that z3 makes for one query each
 * have their own line: all of them are instances z3 made, so they are added up. Other lines
 * (warnings) are ignored.
 */
export function parseQiProfile(text: string): QiCounts {
  const counts: QiCounts = new Map();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line.startsWith(LINE_PREFIX)) continue;
    // qids never hold white space (qid.ts), so " : " separates the fields
    const fields = line.slice(LINE_PREFIX.length).split(/\s+:\s+/).map((f) => f.trim());
    if (fields.length < 4) continue;
    const [qid, ...nums] = fields;
    if (!qid || !nums.every((n) => /^[0-9]+(\.[0-9]+)?(e[+-]?[0-9]+)?$/.test(n))) continue;
    counts.set(qid, (counts.get(qid) ?? 0) + Number(nums[0]));
  }
  return counts;
}

/** Adds `b`'s counts to `a`. */
export function addCounts(a: QiCounts, b: QiCounts): void {
  for (const [q, n] of b) a.set(q, (a.get(q) ?? 0) + n);
}

export interface ProfiledResult {
  r: SolverResult;
  instances: QiCounts;
  /** false when z3 printed no counts (killed because it did not exit after an interrupt, crashed, could not start) */
  complete: boolean;
  /** false for a query canceled while it waited for a process (it was never run) */
  started: boolean;
}

/** Grace past the solver's own timeout before the process is interrupted. */
const INTERRUPT_GRACE_MS = 3000;
/** After an interrupt, how long z3 has to print its counts and exit before it is killed. */
const KILL_GRACE_MS = 2000;

/**
 * One query in its own `z3` process with `smt.qi.profile=true`. A canceled query (the losing side
 * of an int<->bv race: often the very query whose quantifiers blew up) or one past its timeout is
 * interrupted with SIGINT, on which z3 stops searching, answers `unknown` and still prints its
 * counts as it exits; only a process that does not exit after that is killed (no counts).
 */
export function runProfiled(job: SolverJob, bin = 'z3'): Promise<ProfiledResult> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(bin, ['-in', '-smt2', `-t:${Math.max(1, job.timeoutMs)}`, 'smt.qi.profile=true'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let done = false;
    /** why the process was interrupted: the result whatever it answers then */
    let interrupted: SolverResult | null = null;
    let killTimer: ReturnType<typeof setTimeout> | undefined;
    const finish = (p: ProfiledResult) => {
      if (done) return;
      done = true;
      clearTimeout(overdue);
      clearTimeout(killTimer);
      job.signal?.removeEventListener('abort', onAbort);
      resolve(p);
    };
    const interrupt = (why: SolverResult) => {
      if (interrupted || done) return;
      interrupted = why;
      child.kill('SIGINT');
      killTimer = setTimeout(() => {
        child.kill('SIGKILL');
        finish({ r: { ...why, ms: performance.now() - t0 }, instances: parseQiProfile(err), complete: false, started: true });
      }, KILL_GRACE_MS);
    };
    const overdue = setTimeout(() => interrupt({ result: 'timeout', model: null, reason: 'native z3 interrupted after timeout', ms: 0 }), job.timeoutMs + INTERRUPT_GRACE_MS);
    const onAbort = () => interrupt({ result: 'canceled', model: null, reason: 'canceled', ms: 0 });
    job.signal?.addEventListener('abort', onAbort, { once: true });
    if (job.signal?.aborted) onAbort();
    job.onStart?.();
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', (e) => finish({ r: { result: 'error', model: null, reason: `cannot run ${bin}: ${e.message}`, ms: 0 }, instances: new Map(), complete: false, started: true }));
    child.on('close', (code, signal) => {
      const ms = performance.now() - t0;
      // an interrupted query's answer (`unknown`, interrupted) is no verdict: it keeps its reason
      const r = interrupted ? { ...interrupted, ms } : parseNativeOutput(out, ms);
      // z3 prints its counts when it exits, whatever its status ((get-model) after unsat is an
      // error, status 1); a process ended by a signal (a crash, a kill) printed none
      finish({ r, instances: parseQiProfile(err), complete: signal === null && code !== null, started: true });
    });
    child.stdin.on('error', () => {
      /* a process that died early: reported by 'close' */
    });
    child.stdin.end(job.query + querySuffix(job));
  });
}

/** At most `size` profiled queries at a time. */
export class ProfilingSolver {
  private readonly limit;
  constructor(
    public readonly size: number,
    private readonly bin = 'z3',
  ) {
    this.limit = pLimit(size);
  }
  run(job: SolverJob): Promise<ProfiledResult> {
    return this.limit(() => {
      if (job.signal?.aborted) return { r: { result: 'canceled', model: null, reason: 'canceled', ms: 0 }, instances: new Map(), complete: false, started: false };
      return runProfiled(job, this.bin);
    });
  }
}
