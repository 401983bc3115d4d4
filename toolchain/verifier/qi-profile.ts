// `stratos verify --profile`: each query in its own native `z3` process with `smt.qi.profile=true`,
// its quantifier-instantiation counts read per qid (./qid.ts names every quantifier we emit).
// Separate from ./solver-pool.ts's reused processes: z3 prints the counts on stderr when a solver
// context is deleted, i.e. when the process ends, and a reused process would mix queries.
// Invariant: the verdict is read exactly as for an ordinary native query (parseNativeOutput); a
// process killed or crashed is a timeout / error without counts, never a verdict of `verified`.

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
  /** false when z3 printed no statistics (killed after its timeout, canceled, crashed) */
  complete: boolean;
}

/** Grace past the solver's own timeout before the process is killed (its counts are then lost). */
const KILL_GRACE_MS = 3000;

/** One query in its own `z3` process with `smt.qi.profile=true`. */
export function runProfiled(job: SolverJob, bin = 'z3'): Promise<ProfiledResult> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(bin, ['-in', '-smt2', `-t:${Math.max(1, job.timeoutMs)}`, 'smt.qi.profile=true'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let done = false;
    const finish = (p: ProfiledResult) => {
      if (done) return;
      done = true;
      clearTimeout(kill);
      job.signal?.removeEventListener('abort', onAbort);
      resolve(p);
    };
    const kill = setTimeout(() => {
      child.kill('SIGKILL');
      finish({ r: { result: 'timeout', model: null, reason: 'native z3 killed after timeout', ms: performance.now() - t0 }, instances: new Map(), complete: false });
    }, job.timeoutMs + KILL_GRACE_MS);
    const onAbort = () => {
      child.kill('SIGKILL');
      finish({ r: { result: 'canceled', model: null, reason: 'canceled', ms: performance.now() - t0 }, instances: new Map(), complete: false });
    };
    job.signal?.addEventListener('abort', onAbort, { once: true });
    job.onStart?.();
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', (e) => finish({ r: { result: 'error', model: null, reason: `cannot run ${bin}: ${e.message}`, ms: 0 }, instances: new Map(), complete: false }));
    child.on('close', (code, signal) => {
      const r = parseNativeOutput(out, performance.now() - t0);
      // z3 prints its statistics when it exits, whatever its status ((get-model) after unsat is
      // an error, status 1); a process ended by a signal (a crash) printed none
      finish({ r, instances: parseQiProfile(err), complete: signal === null && code !== null });
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
      if (job.signal?.aborted) return { r: { result: 'canceled', model: null, reason: 'canceled', ms: 0 }, instances: new Map(), complete: false };
      return runProfiled(job, this.bin);
    });
  }
}
