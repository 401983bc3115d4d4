// Public API of the verifier (used by the IDE host and by `stratos verify`).

import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { availableParallelism } from 'node:os';
import { setMaxListeners } from 'node:events';
import type { Diagnostic, FunctionProfile, FunctionResult, ObligationResult, VerifyReport, VerifySummary, FunctionStatus, Span } from '../../app/verification';
import type { FnItem, SourceFile, Sp } from './ast';
import { LineMap } from '../syntax/line-map';
import { parseFile } from './parser';
import { Crate, ResolveError, reportedFnName } from './resolver';
import { checkCrate, type CheckedCrate } from './check/checker';
import { execTerminationWaived } from './check/termination';
import { ALT_OPTIONS, hasQuantifier, CrateVC, FnGen, computeSccs, hasVerusConfiguration, printQuery, type FnVC, type Obligation, type PrintOptions, type Query } from './vcgen';

/** How long the other configuration of an int<->bv race may go on after one gave up. */
const RACER_GRACE_MS = 2000;
/** How long Verus' configuration has an int<->bv query alone before z3's default one races it. */
const RACE_STAGGER_MS = 1500;
import { NativeSolverQueue, SolverPool, WasmSessionHost, type SolverJob, type SolverResult } from './solver-pool';
import { IncrementalSolver } from './incremental-solver';
import { NativeSessionHost } from './native-session';
import type { Term } from './smt';
import { planIncremental, type PlanInput } from './incremental-plan';
import { ResultCache, cacheKey } from './cache';
import { openCacheBackend, parseCacheSpec } from './cache-backend';
import { inShard, type Shard } from './shard';
import { ProfilingSolver, addCounts, type QiCounts } from './qi-profile';
import { ModelReader, parseModel } from './counterexample';
import { checkCounterexample } from './interpreter';
import { readRustSources } from '../workspace/rust-sources';
import { hasExternalBody } from '../syntax/attributes';
import { fmtPos, runFrontEnd, type Unit } from './front-end';
import { proofStateReport } from './proof-state-report';
import { functionKey } from '../../app/proof-session';
import { nativeZ3Available } from './solver-choice';
import { isLibraryFile } from './library/load';

export { autoSolver, nativeZ3Available } from './solver-choice';

export interface VerifyOptions {
  root: string;
  jobs?: number;
  timeoutMs?: number;
  useCache?: boolean;
  /**
   * Where cached results live: `local` (the default: `root`/.stratos/cache) or a `redis://` /
   * `rediss://` URL shared by machines (cache-backend.ts). Ignored when `useCache` is false.
   */
  cache?: string;
  /**
   * Verify only the functions of this shard's files (shard.ts); the whole crate is still read.
   * The report holds only this shard's functions and diagnostics.
   */
  shard?: Shard;
  functionFilter?: string;
  signal?: AbortSignal;
  onFunctionResult?: (r: FunctionResult) => void;
  /**
   * Called once the front end is done, before any solving: how many results the run will report
   * (each function, and each item reported on its own), for "k of N" progress.
   */
  onStart?: (info: { total: number; affected: string[] }) => void;
  dumpSmtDir?: string;
  solver?: 'wasm' | 'native';
  /**
   * Default true, either solver: each function's queries in one incremental z3 session (the
   * prelude sent once, each goal checked inside push/pop); every answer but `unsat` is re-solved
   * standalone. False: every query standalone (`stratos verify --no-incremental`).
   */
  incremental?: boolean;
  /**
   * Do not re-solve a query that timed out earlier in this process with at least this run's
   * limit; report it as a timeout again at once. For live runs on each edit: an unchanged query
   * that just timed out would otherwise hold a solver worker for its whole limit on every
   * keystroke. Explicit runs (the Verify button, `stratos verify`) leave it off and retry.
   */
  reuseTimeouts?: boolean;
  /** Files (as keyed in `files`) whose functions are generated and solved first: the ones being edited. */
  priorityFiles?: string[];
  /**
   * Verus' `--no-cheating`: every `assume(..)`, `admit()` and `#[verifier::external_body]` is a
   * failed obligation at its span (a proof that relies on them proves nothing).
   */
  noCheating?: boolean;
  /**
   * Verus' `exec_allows_no_decreases_clause` for the whole run: exec loops and recursive exec
   * functions may go without `decreases` (partial correctness).
   */
  execAllowsNoDecreasesClause?: boolean;
  /**
   * Verus' `-V check-api-safety`: the public API must be safe to use from unverified safe code
   * (check/api-safety.ts).
   */
  checkApiSafety?: boolean;
  /**
   * Verus' `--no-external-by-default`: the code outside `verus! { }` is Verus code and verified,
   * not plain Rust.
   */
  noExternalByDefault?: boolean;
  /**
   * `stratos verify --profile`: every query is solved by its own native z3 process with
   * `smt.qi.profile=true` (./qi-profile.ts), the cache neither read nor written, and each
   * function's result gets its quantifier instantiations per qid (`profile`). Needs
   * `solver: 'native'`: the wasm build gives only part of z3's per-quantifier counts.
   */
  profile?: boolean;
  /** Each function's proof state (what is known at each statement) in its result: the IDE's panel. */
  proofState?: boolean;
  /**
   * Give up on a function once this many of its queries have timed out standalone: its queries
   * not yet solved are reported as timeouts not tried (`stratos verify --give-up-after N`). For
   * whole-crate runs, where one function whose goals all time out would otherwise hold solver
   * slots for minutes. Default: never (every query is tried).
   */
  giveUpAfterTimeouts?: number;
}

/**
 * Queries that timed out in this process: solver + cache key -> the longest limit they timed out
 * with (unlike an answer, a timeout depends on the solver, so the solver is part of this key).
 */
const timedOutQueries = new Map<string, number>();
const TIMED_OUT_MEMO_LIMIT = 10_000;

let pool: SolverPool | null = null;
let wasmIncremental: IncrementalSolver | null = null;
function getPool(jobs: number): SolverPool {
  if (pool && pool.size !== jobs) {
    const old = pool;
    pool = null;
    wasmIncremental = null;
    void old.shutdown();
  }
  if (!pool) pool = new SolverPool(jobs);
  return pool;
}

let profiler: ProfilingSolver | null = null;
function getProfiler(jobs: number): ProfilingSolver {
  if (!profiler || profiler.size !== jobs) profiler = new ProfilingSolver(jobs);
  return profiler;
}

let nativeQueue: NativeSolverQueue | null = null;
let nativeIncremental: IncrementalSolver | null = null;
function getNativeQueue(jobs: number): NativeSolverQueue {
  if (!nativeQueue || nativeQueue.size !== jobs) {
    nativeQueue?.shutdown();
    nativeIncremental?.shutdown();
    nativeIncremental = null;
    nativeQueue = new NativeSolverQueue(jobs);
  }
  return nativeQueue;
}
/** Incremental sessions share the solver's slots: the native queue's, or the wasm pool's workers. */
function getIncrementalSolver(solver: 'native' | 'wasm', jobs: number): IncrementalSolver {
  if (solver === 'native') {
    const queue = getNativeQueue(jobs);
    nativeIncremental ??= new IncrementalSolver(new NativeSessionHost(queue));
    return nativeIncremental;
  }
  const p = getPool(jobs);
  // (the wasm build is ~4-5x slower than native z3: its checks are given longer; z3's one-shot
  // fallback did not pay off there: 40-53 s against 37-40 s without it, on a noisy machine)
  wasmIncremental ??= new IncrementalSolver(new WasmSessionHost(p), { slowCheckMs: 2000, oneShotAfterMs: WASM_ONE_SHOT_AFTER_MS, batchChecks: WASM_BATCH_CHECKS });
  return wasmIncremental;
}
/** For tests: the live incremental solver (its reset and replacement counters). */
export function incrementalSolverForTests(jobs: number, solver: 'native' | 'wasm' = 'native'): IncrementalSolver {
  return getIncrementalSolver(solver, jobs);
}

/**
 * A check in an incremental session gets at most this long: a query that needs more is solved
 * standalone afterwards (with the run's whole limit), so a session never spends a whole timeout
 * on a query its context may have made slower.
 */
const INCREMENTAL_CHECK_LIMIT_MS = { native: 1000, wasm: 4000 };
/**
 * z3's incremental solver hands a wasm session's check to its one-shot solver after this long
 * (`combined_solver.solver2_timeout`, as native sessions do at 200 ms). Measured on Nimbus: the
 * run queue's pop_front and push_back spent 4.3-4.4 s each, two checks per function running into
 * the 4 s session limit that standalone took 0.1 s; with 300 ms 0.7-0.8 s. (An earlier trial
 * found no gain: the option then leaked from sessions into the worker's standalone queries.)
 */
const WASM_ONE_SHOT_AFTER_MS = 300;
/** Checks per send in a wasm session after fast ones (IncrementalSolver.batchChecks: a send costs the wasm build ~6 ms). */
const WASM_BATCH_CHECKS = 8;
const bitvectorTerms = new WeakMap<object, boolean>();
/** Whether a term converts to bit-vectors (memoized: a function's queries share their facts). */
function mentionsBitvectors(t: Term): boolean {
  if (typeof t === 'string') return t === 'int2bv';
  const known = bitvectorTerms.get(t);
  if (known !== undefined) return known;
  const r = t.some(mentionsBitvectors);
  bitvectorTerms.set(t, r);
  return r;
}
/**
 * Whether a query's own facts or goal convert between integers and bit-vectors: such a query is
 * raced in two configurations, and is solved standalone. (The prelude does not count: on the
 * kernel every prelude defines a spec fn with bit operations, and racing every query for it held
 * both solver slots with configurations that lose.)
 */
function ownPartUsesBitvectors(q: Query): boolean {
  return q.facts.some(mentionsBitvectors) || (q.goal !== undefined && mentionsBitvectors(q.goal));
}
/** Added to the priority of a query an incremental session did not prove (below the edited files' boost). */
const FALLBACK_PRIORITY = 1e9;
/** Added to the priority of the edited files' functions. */
const EDITED_PRIORITY = 1e12;
/** Each function's last solver time in this process (function key -> ms): longest first. */
const knownFunctionMs = new Map<string, number>();
/** Expected solver time per query of a function never timed in this process. */
const ESTIMATED_QUERY_MS = 30;

/** Ends the worker pool so that the process can exit. */
export async function shutdownSolvers(): Promise<void> {
  const p = pool;
  pool = null;
  nativeQueue?.shutdown();
  nativeQueue = null;
  nativeIncremental?.shutdown();
  nativeIncremental = null;
  wasmIncremental = null;
  if (p) await p.shutdown();
}

/** For tests: the live pool (created on demand). */
export function solverPoolForTests(jobs: number): SolverPool {
  return pool ?? getPool(jobs);
}

/** Verifies the `.rs` files under `paths` (files or directories, relative to `options.root`). */
export async function verifyPaths(paths: string[], options: VerifyOptions): Promise<VerifyReport> {
  return verifySources(await readRustSources(options.root, paths), options);
}

/** The quantifier instantiations counted for one function's queries (`profile`). */
interface ProfileAcc {
  counts: QiCounts;
  queries: number;
  unprofiled: number;
}

export async function verifySources(files: Map<string, string>, options: VerifyOptions): Promise<VerifyReport> {
  const t0 = performance.now();
  // every queued query listens on the signal
  if (options.signal) setMaxListeners(0, options.signal);
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  const timeoutMs = options.timeoutMs ?? 10_000;
  const solverName = options.solver ?? 'wasm';
  const profile = options.profile === true;
  if (profile && solverName !== 'native') throw new Error('--profile needs the native solver (z3 on PATH): the wasm build gives only part of the per-quantifier counts');
  // a profile run measures the solver: nothing from the cache, and its slower runs not stored
  let cache: ResultCache | null = null;
  if (options.useCache !== false && !profile) {
    const spec = parseCacheSpec(options.cache ?? 'local');
    if (typeof spec === 'string') throw new Error(spec);
    cache = new ResultCache(openCacheBackend(spec, options.root));
  }
  const mine = (file: string): boolean => inShard(file, options.shard);
  const diagnostics: Diagnostic[] = [];
  const functions: FunctionResult[] = [];

  // ---- front end ----
  const fe = await runFrontEnd(files, { ...options, reuse: cache && !options.dumpSmtDir ? (key) => cache!.getFunction(key) : undefined });
  const { parsed, lineMaps, crate, checked, cvc, units, finishUnit, selectedByFilter } = fe;
  diagnostics.push(...fe.diagnostics);
  functions.push(...fe.functions);
  let frontMs = performance.now() - t0;

  // ---- filter ----
  const selected = units.filter((u) => selectedByFilter(u.vc.info.qname, u.vc.info.item.name) && mine(u.file.path));
  const priority = new Set(options.priorityFiles ?? []);
  const ordered = [...selected.filter((u) => priority.has(u.file.path)), ...selected.filter((u) => !priority.has(u.file.path))];
  // (`file::name`, as app/proof-session.ts's functionKey: a function whose stored verdict is reused is not affected)
  options.onStart?.({ total: functions.filter((f) => mine(f.file)).length + selected.length, affected: [...functions.filter((f) => mine(f.file)), ...selected.filter((u) => !u.reused).map((u) => ({ file: u.file.path, name: reportedFnName(u.vc.info) }))].map(functionKey) });

  if (options.dumpSmtDir) {
    mkdirSync(options.dumpSmtDir, { recursive: true });
    for (const u of selected) {
      finishUnit(u);
      u.vc.obligations.forEach((ob, i) => {
        const name = `${reportedFnName(u.vc.info).replace(/[^A-Za-z0-9_]+/g, '_')}.${i}.${ob.kind}.smt2`;
        writeFileSync(path.join(options.dumpSmtDir!, name), ob.query ? printQuery(ob.query) : '');
      });
    }
  }

  // ---- solving ----
  let solverMs = 0;
  // a timeout depends on the solver (an answer does not: the cache key has no solver)
  const timedOutKey = (key: string): string => `${solverName}\0${key}`;
  // `variant`: how the query is printed (the main query, or a retry for a candidate model); the
  // cache key is the hash of the printed text
  // `how.lookedUp`: the incremental path already missed the cache for this query (no second
  // lookup: one per query, as the cache's hit/miss counts say)
  // `how.signal`: the function's own signal (the run's, or one that also aborts when the function
  // is given up on)
  const solve = async (query: Query, variant: PrintOptions, wantModel: boolean, how: { timeoutOverride?: number; prof?: ProfileAcc; priority?: number; lookedUp?: boolean; alone?: boolean; signal?: AbortSignal } = {}): Promise<{ r: SolverResult; cached: boolean; key: string; spentMs?: number }> => {
    const { timeoutOverride, prof, priority } = how;
    const signal = how.signal ?? options.signal;
    const q = printQuery(query, variant);
    const key = cacheKey(q, { wantModel: true });
    const hit = how.lookedUp ? null : await cache?.get(key);
    if (hit) return { r: hit, cached: true, key };
    const limit = timeoutOverride ?? timeoutMs;
    const memoKey = timedOutKey(key);
    const timedOutWith = timedOutQueries.get(memoKey);
    if (options.reuseTimeouts && !profile && timedOutWith !== undefined && timedOutWith >= limit) {
      return { r: { result: 'timeout', model: null, reason: `timed out after ${timedOutWith} ms in an earlier run; not re-solved until it changes (Verify retries it)`, ms: 0 }, cached: true, key };
    }
    // a cancelled run (or a function given up on) queues no more work, nor starts the racers
    // below (they would follow the signal's abort event, which has already fired)
    if (signal?.aborted) return { r: { result: 'canceled', model: null, reason: 'canceled', ms: 0 }, cached: false, key, spentMs: 0 };
    const job: SolverJob = { query: q, timeoutMs: limit, wantModel: true, signal, priority };
    void wantModel;
    const runJob = (j: SolverJob): Promise<SolverResult> => {
      if (profile) {
        return getProfiler(jobs).run(j).then((p) => {
          if (prof && p.started) {
            prof.queries++;
            if (!p.complete) prof.unprofiled++;
            addCounts(prof.counts, p.instances);
          }
          return p.r;
        });
      }
      return solverName === 'native' ? getNativeQueue(jobs).run(j) : getPool(jobs).run(j);
    };
    let r: SolverResult;
    let spentMs = 0;
    if (!how.alone && hasVerusConfiguration(query, variant) && ownPartUsesBitvectors(query)) {
      // portfolio for int<->bv queries: Verus' configuration first; when it has not answered
      // after a moment, z3's default configuration races it; the first definite answer wins
      const ctrls = [new AbortController(), new AbortController()];
      const link = () => ctrls.forEach((c) => c.abort());
      signal?.addEventListener('abort', link, { once: true });
      let settled = false;
      const graces: ReturnType<typeof setTimeout>[] = [];
      const finish = (res: SolverResult, i: number) => {
        if (res.result === 'sat' || res.result === 'unsat') {
          settled = true;
          ctrls[1 - i]!.abort();
        } else if (res.result === 'unknown') {
          // this configuration gave up (a failure): the other gets a short grace to prove the
          // query, not its whole timeout, so a failure is reported seconds after it is found
          graces.push(setTimeout(() => {
            if (!settled) ctrls[1 - i]!.abort();
          }, RACER_GRACE_MS));
        }
        return res;
      };
      // The moment counts from when a solver starts on the query, not from when it was queued;
      // the racer then goes to the front of the queue (behind the rest of the run it would start
      // only after the first attempt has long timed out).
      let started!: () => void;
      const startedSolving = new Promise<void>((res) => (started = res));
      const first = runJob({ ...job, signal: ctrls[0]!.signal, onStart: started }).then((x) => finish(x, 0));
      let second: Promise<SolverResult> | null = null;
      const stagger = startedSolving.then(() => new Promise<void>((res) => setTimeout(res, Math.min(RACE_STAGGER_MS, timeoutMs / 4))));
      await Promise.race([first, stagger]);
      if (!settled && !signal?.aborted) second = runJob({ ...job, query: printQuery(query, { ...variant, options: ALT_OPTIONS }), signal: ctrls[1]!.signal, urgent: true }).then((x) => finish(x, 1));
      const both = await Promise.all(second ? [first, second] : [first]);
      for (const g of graces) clearTimeout(g);
      signal?.removeEventListener('abort', link);
      const definitive = both.find((x) => x.result === 'sat' || x.result === 'unsat');
      r = definitive ?? both.find((x) => x.result === 'unknown') ?? both[0]!;
      spentMs = both.reduce((n, x) => n + x.ms, 0);
      solverMs += spentMs;
    } else {
      r = await runJob(job);
      spentMs = r.ms;
      solverMs += r.ms;
    }
    if (r.result === 'timeout' && solverName === 'wasm' && !signal?.aborted && nativeZ3Available()) {
      // the wasm build is much slower than native z3 on some quantified queries: give the
      // native solver (same query text, same timeout) a chance before reporting a timeout
      const n = await getNativeQueue(jobs).run(job);
      solverMs += n.ms;
      spentMs += n.ms;
      if (n.result === 'sat' || n.result === 'unsat') r = { ...n, reason: 'answered by native z3 after z3-solver timed out' };
    }
    if (r.result === 'error' && solverName === 'native' && /native z3 exited/.test(r.reason) && !signal?.aborted) {
      // native z3 crashed on this query (z3 4.8 segfaults on some terms with lambdas): the wasm
      // build, a newer z3, answers it instead of a solver error
      const w = await getPool(jobs).run(job);
      solverMs += w.ms;
      spentMs += w.ms;
      if (w.result !== 'error' && w.result !== 'canceled') r = { ...w, reason: `${w.reason ? `${w.reason}; ` : ''}answered by z3-solver after native z3 crashed` };
    }
    await cache?.put(key, r);
    if (r.result === 'timeout' && !options.signal?.aborted) {
      if (timedOutQueries.size >= TIMED_OUT_MEMO_LIMIT) timedOutQueries.clear();
      timedOutQueries.set(memoKey, Math.max(limit, timedOutWith ?? 0));
    } else if (r.result === 'sat' || r.result === 'unsat') timedOutQueries.delete(memoKey);
    // (spentMs: every configuration's and solver's time on this query, the losers' included)
    return { r, cached: false, key, spentMs };
  };

  /** A function's profile: its counts, most instances first, with the source site of each qid that has one. */
  const profileOf = (p: ProfileAcc): FunctionProfile => {
    const quantifiers = [...p.counts]
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([qid, instances]) => {
        const site = cvc.quantSpots.sites.get(qid);
        const lm = site && lineMaps.get(site.file);
        return site && lm ? { qid, instances, file: site.file, span: lm.span(site.sp) } : { qid, instances };
      });
    return { instances: quantifiers.reduce((n, q) => n + q.instances, 0), queries: p.queries, unprofiled: p.unprofiled, quantifiers };
  };
  // (a profile run solves each query in its own profiled process)
  const incremental = options.incremental !== false && !profile;
  type Answer = { r: SolverResult; cached: boolean; key: string };
  /**
   * Native z3, incrementally: the unit's uncached ordinary queries in one session. Gives, per
   * query it takes, a promise of the answer that stands (a cache hit, or `unsat` from the session)
   * or null as soon as the session answered anything else: that query (and every query not in
   * the map) is left to `solve`, standalone, which gives its verdict and model as without this
   * path. `addMs` gets the session's solver time, its loads and wasted checks included. `looked`: the
   * obligations whose cache lookup missed here (solve does not look them up again). `signal`: the
   * function's (it also aborts when the function is given up on).
   */
  const solveIncrementally = async (u: Unit, priority: number, addMs: (ms: number) => void, looked: Set<Obligation>, signal: AbortSignal | undefined): Promise<Map<Obligation, Promise<Answer | null>>> => {
    const answers = new Map<Obligation, Promise<Answer | null>>();
    const inputs: (PlanInput<Obligation> & { key: string })[] = [];
    for (const ob of u.vc.obligations) {
      const query = ob.query!;
      const text = printQuery(query);
      // bit operations in the function's own facts or goal (not only in its prelude's spec fns)
      // go standalone: z3's incremental solver is often much slower on them (measured on the
      // kernel: `page_of` 65 ms standalone, over 1.5 s incremental)
      if (ownPartUsesBitvectors(query)) continue;
      const key = cacheKey(text, { wantModel: true });
      const hit = await cache?.get(key);
      if (hit) {
        answers.set(ob, Promise.resolve({ r: hit, cached: true, key }));
        continue;
      }
      if (cache) looked.add(ob);
      const timedOutWith = timedOutQueries.get(timedOutKey(key));
      if (options.reuseTimeouts && timedOutWith !== undefined && timedOutWith >= timeoutMs) continue;
      inputs.push({ item: ob, query, text, key });
    }
    if (options.signal?.aborted) return answers;
    const keys = new Map(inputs.map((x) => [x.item, x.key]));
    const plan = planIncremental(inputs);
    const settle = new Map<Obligation, (a: Answer | null) => void>();
    for (const c of plan.checks) answers.set(c.item, new Promise((resolve) => settle.set(c.item, resolve)));
    const limit = Math.min(timeoutMs, INCREMENTAL_CHECK_LIMIT_MS[solverName]);
    const onAnswer = ({ item, r }: { item: Obligation; r: SolverResult }) => {
      solverMs += r.ms;
      addMs(r.ms);
      const key = keys.get(item)!;
      if (r.result === 'unsat') {
        // cached under the standalone query's key: the same answer either mode would store
        void cache?.put(key, r);
        timedOutQueries.delete(timedOutKey(key));
        settle.get(item)?.({ r, cached: false, key });
      } else settle.get(item)?.(null);
      settle.delete(item);
    };
    void getIncrementalSolver(solverName, jobs)
      .run({ plan, timeoutMs: limit, signal, priority, onAnswer, onLoad: (ms) => ((solverMs += ms), addMs(ms)) })
      .catch(() => undefined)
      .finally(() => {
        // (every check is answered; should one not be, it is solved standalone)
        for (const s of settle.values()) s(null);
      });
    return answers;
  };

  const resultOf = (u: Unit, status: FunctionResult['status']): FunctionResult => ({
    name: reportedFnName(u.vc.info),
    file: u.file.path,
    span: u.lines.span(u.vc.info.item.sp),
    nameSpan: u.lines.span(u.vc.info.item.nameSp),
    mode: u.mode,
    status,
    timeMs: 0,
    cached: false,
    obligations: [],
  });
  const sourceTexts = new Map(parsed.map((f) => [f.path, f.text]));
  const withoutUnaskedState = (r: FunctionResult): FunctionResult => {
    if (options.proofState || !r.proofState) return r;
    const { proofState: _s, ...rest } = r;
    return rest;
  };
  const verifyUnit = async (u: Unit): Promise<FunctionResult> => {
    if (u.reused) {
      // stored whole under its function key: nothing was generated or solved
      const r: FunctionResult = withoutUnaskedState({ ...u.reused, cached: true, timeMs: 0, obligations: u.reused.obligations.map(({ timeMs: _t, ...o }) => o) });
      options.onFunctionResult?.(r);
      return r;
    }
    const info = u.vc.info;
    const base = resultOf(u, 'verified');
    // A problem in a callee's clause is in the callee's file: the result says where; the
    // diagnostic stays on this function (its name), naming that place.
    const place = (p: { message: string; sp: Sp; file?: string }): { at: string; span: Span; message: string } => {
      const lm = p.file !== undefined ? lineMaps.get(p.file) : undefined;
      if (!lm) return { at: `${u.file.path}:${fmtPos(u.lines, p.sp.start)}`, span: u.lines.span(p.sp), message: p.message };
      const at = `${p.file}:${fmtPos(lm, p.sp.start)}`;
      return { at, span: u.lines.span(info.item.nameSp), message: `${p.message} (at ${at})` };
    };
    if (u.vc.unsupported) {
      const p = place(u.vc.unsupported);
      const r: FunctionResult = { ...base, status: 'unsupported', detail: `${u.vc.unsupported.message} at ${p.at}` };
      r.obligations = [];
      diagnostics.push({ file: u.file.path, span: p.span, severity: 'warning', message: `not verified: ${p.message}`, source: 'stratos-verifier' });
      options.onFunctionResult?.(r);
      return r;
    }
    if (u.vc.error) {
      const r: FunctionResult = { ...base, status: 'error', detail: `${u.vc.error.message} at ${place(u.vc.error).at}` };
      for (const err of u.vc.checkErrors ?? [u.vc.error]) {
        const p = place(err);
        diagnostics.push({ file: u.file.path, span: p.span, severity: 'error', message: p.message, source: 'stratos-verifier' });
      }
      options.onFunctionResult?.(r);
      return r;
    }
    if (hasExternalBody(info.item.attrs)) base.detail = 'trusted: #[verifier::external_body]';
    let allCached = u.vc.obligations.length > 0;
    let fnSolverMs = 0;
    const prof: ProfileAcc | undefined = profile ? { counts: new Map(), queries: 0, unprofiled: 0 } : undefined;
    const withProfile = (r: FunctionResult): FunctionResult => {
      if (prof) r.profile = profileOf(prof);
      return r;
    };
    // longest functions first (by their time in an earlier run of this process, else their
    // number of queries); the edited files' functions before all others
    const fnPriority = (priority.has(u.file.path) ? EDITED_PRIORITY : 0) + (knownFunctionMs.get(info.key) ?? u.vc.obligations.length * ESTIMATED_QUERY_MS);
    const looked = new Set<Obligation>();
    // --give-up-after: this function's standalone queries share a signal that also aborts once
    // enough of them have timed out; the ones it cancels are reported as not tried
    const giveUpAfter = options.giveUpAfterTimeouts;
    const giveUp = giveUpAfter !== undefined ? new AbortController() : undefined;
    const fnSignal = giveUp ? (options.signal ? AbortSignal.any([options.signal, giveUp.signal]) : giveUp.signal) : options.signal;
    if (fnSignal && fnSignal !== options.signal) setMaxListeners(0, fnSignal);
    let fnTimeouts = 0;
    // (the session stops too when the function is given up on: its checks left are not tried)
    const early = incremental ? await solveIncrementally(u, fnPriority, (ms) => (fnSolverMs += ms), looked, fnSignal) : new Map<Obligation, Promise<Answer | null>>();
    const obs = await Promise.all(
      u.vc.obligations.map(async (ob): Promise<ObligationResult> => {
        const query = ob.query!; // (finishUnit: every obligation of a unit without error has one)
        const pre = await early.get(ob);
        // a query the session did not prove is likely slow: it goes before the waiting sessions
        // (longest work first), still after the edited files' functions
        const solved = pre ? null : await solve(query, {}, true, { prof, priority: early.has(ob) ? fnPriority + FALLBACK_PRIORITY : fnPriority, lookedUp: looked.has(ob), signal: fnSignal });
        if (solved?.r.result === 'timeout' && ++fnTimeouts >= giveUpAfter!) giveUp?.abort();
        if (solved?.r.result === 'canceled' && giveUp?.signal.aborted && !options.signal?.aborted) {
          solved.r = { result: 'timeout', model: null, reason: `not tried: ${fnTimeouts} other goals of this function timed out first (give up after ${giveUpAfter})`, ms: 0 };
        }
        const { r, cached, key } = pre ?? solved!;
        if (!cached) {
          allCached = false;
          if (!pre) fnSolverMs += solved?.spentMs ?? r.ms;
        }
        let res = r;
        if (r.result === 'unknown' && /incomplete/i.test(r.reason) && !r.model) {
          // z3 gives no model when quantifier instantiation is incomplete: ask for a candidate
          // model of the quantifier-free part (only for the counterexample; the verdict stands)
          // first with MBQI on (a real model of every axiom), then without the quantified facts;
          // each try gets at most 3 s, so a failure is not reported a whole timeout late
          const c1 = await solve(query, { mbqi: true }, true, { timeoutOverride: Math.min(3000, timeoutMs), prof });
          if (c1.r.result === 'sat' && c1.r.model) res = { ...r, model: c1.r.model };
          else if (!options.signal?.aborted) {
            const c = await solve(query, { dropQuantifiedFacts: true }, true, { timeoutOverride: Math.min(3000, timeoutMs), prof });
            if (c.r.result === 'sat' && c.r.model) res = { ...r, model: c.r.model, reason: `${r.reason}; candidate model without the quantified facts` };
          }
          // remember the failure together with its model, so a re-run is a plain cache hit
          if (res.model) await cache?.put(key, res);
        }
        const out = toObligationResult(ob, res, u, crate, checked, timeoutMs, lineMaps);
        // how long the solver took on it in this run (absent when the cache answered)
        if (!cached) out.timeMs = Math.round(r.ms);
        return out;
      }),
    );
    if (u.vc.defCheck) {
      // a spec fn whose definition the solver rejects is not verified (its callers' queries
      // would end in solver errors)
      // (only a solver error matters here: no second configuration races it)
      const { r } = await solve(u.vc.defCheck, {}, false, { timeoutOverride: Math.min(5000, timeoutMs), prof, alone: true });
      if (r.result === 'error') {
        const message = `the definition of spec fn \`${info.qname}\` cannot be encoded: solver error: ${r.reason}`;
        diagnostics.push({ file: u.file.path, span: u.lines.span(info.item.nameSp), severity: 'error', message, source: 'stratos-verifier' });
        const res = withProfile({ ...base, obligations: obs, status: 'error', detail: `${message} at ${u.file.path}:${fmtPos(u.lines, info.item.nameSp.start)}` });
        options.onFunctionResult?.(res);
        return res;
      }
    }
    base.obligations = obs;
    // time spent by the solver on this function's queries (0 when served from the cache)
    base.timeMs = Math.round(fnSolverMs * 10) / 10;
    base.cached = allCached;
    if (!allCached && !options.signal?.aborted) knownFunctionMs.set(info.key, fnSolverMs);
    base.status = functionStatus(obs);
    if (options.signal?.aborted && base.status !== 'verified' && obs.some((o) => /\(canceled\)$/.test(o.message))) {
      // an interrupted run proves nothing either way
      base.status = 'timeout';
      base.detail = 'canceled';
    }
    const errOb = obs.find((o) => o.status === 'unknown' && /^solver error/.test(o.message));
    if (errOb) {
      base.status = 'error';
      base.detail = errOb.message;
    }
    withProfile(base);
    // stored with its proof state whatever this run asked for (a later IDE run may reuse it)
    const state = proofStateReport(u.gen.proofState.result(), lineMaps, sourceTexts);
    if (state) base.proofState = state;
    if (u.key !== undefined && base.status === 'verified' && !options.signal?.aborted) await cache?.putFunction(u.key, { result: base, callees: [...u.vc.callees] });
    const reported = withoutUnaskedState(base);
    options.onFunctionResult?.(reported);
    return reported;
  };
  const results = new Map<Unit, Promise<FunctionResult>>();
  for (const u of ordered) {
    if (options.signal?.aborted) {
      // a cancelled run stops generating queries at once; its report is thrown away
      results.set(u, Promise.resolve({ ...resultOf(u, 'timeout'), detail: 'canceled' }));
      continue;
    }
    const t = performance.now();
    finishUnit(u);
    frontMs += performance.now() - t;
    results.set(u, verifyUnit(u));
    // let solver answers and progress events through between functions
    await new Promise((resolve) => setImmediate(resolve));
  }
  for (const u of selected) functions.push(await results.get(u)!);
  // A crate of which nothing is checked (no function inside `verus! { }`: plain Rust, whose types,
  // trait bounds and borrows are not checked here) is not a verified one: say so, per file.
  // (other shards' functions count: a shard of a crate with functions may have none of its own)
  // A crate of declarations inside `verus!` only (datatypes, traits, specs without bodies to
  // verify) has been checked whole by the phases before this one: nothing is left to prove.
  const userFiles = parsed.filter((x) => !isLibraryFile(x.path));
  const onlyVerusDeclarations = userFiles.every((f) => !f.plainRust) && userFiles.some((f) => f.items.length > 0);
  if (!functions.length && !units.length && !options.functionFilter && !onlyVerusDeclarations) {
    for (const f of userFiles) {
      const r: FunctionResult = { name: `<no verus! function in ${f.path}>`, file: f.path, span: lineMaps.get(f.path)!.span({ start: 0, end: 0 }), mode: 'exec', status: 'unsupported', timeMs: 0, cached: false, obligations: [], detail: 'unsupported: nothing verified: no function inside `verus! { }` (plain Rust outside it is not checked)' };
      functions.push(r);
      if (mine(f.path)) options.onFunctionResult?.(r);
    }
  }
  // a shard reports only its own files' results and diagnostics
  const reported = options.shard ? functions.filter((f) => mine(f.file)) : functions;
  const reportedDiagnostics = options.shard ? diagnostics.filter((d) => mine(d.file)) : diagnostics;
  if (cache?.warning) {
    const at = { line: 1, column: 1 };
    reportedDiagnostics.push({ file: '', span: { start: at, end: at }, severity: 'warning', message: cache.warning, source: 'stratos-cache' });
  }
  // the local cache writes behind: the run ends when its entries are stored
  await cache?.flush();
  const summary: VerifySummary = {
    functions: reported.length,
    verified: reported.filter((f) => f.status === 'verified').length,
    failed: reported.filter((f) => f.status === 'failed').length,
    timeout: reported.filter((f) => f.status === 'timeout').length,
    unsupported: reported.filter((f) => f.status === 'unsupported').length,
    error: reported.filter((f) => f.status === 'error').length,
    obligations: reported.reduce((n, f) => n + f.obligations.length, 0),
    solverMs: Math.round(solverMs),
    wallMs: Math.round(performance.now() - t0),
    ...(cache ? { cacheHits: cache.hits, cacheMisses: cache.misses, functionCacheHits: cache.functionHits } : {}),
  };
  lastFrontEndMs = frontMs;
  return { version: 1, functions: reported, diagnostics: reportedDiagnostics, summary, ...(options.shard ? { shard: { ...options.shard } } : {}) };
}

/** Front-end time (parse + VC generation) of the last run, for benchmarks. */
export let lastFrontEndMs = 0;

function functionStatus(obs: ObligationResult[]): FunctionStatus {
  if (obs.some((o) => o.status === 'failed')) return 'failed';
  if (obs.some((o) => o.status === 'timeout')) return 'timeout';
  if (obs.some((o) => o.status === 'unknown')) return 'failed';
  return 'verified';
}

/** What a timed-out obligation's user can try, from what its query holds. */
function timeoutHint(ob: Obligation, limitMs: number): string {
  const q = ob.query;
  const tips = [`verify it again with a longer limit (it had ${limitMs / 1000} s)`];
  if (q && ownPartUsesBitvectors(q)) tips.push('if the goal is about bits, prove it in an `assert(..) by(bit_vector)` step');
  if (q && (q.facts.some(hasQuantifier) || (q.goal !== undefined && hasQuantifier(q.goal)))) tips.push("profile the function to see which quantifiers fired most (a trigger that matches too much), then add an intermediate `assert` or a narrower trigger");
  else tips.push('split the proof with intermediate `assert`s so each step is small');
  return `Try: ${tips.join('; ')}.`;
}

/** `lineMaps`: the front end's, of every parsed file (a callee's requires may be in another file). */
function toObligationResult(ob: Obligation, r: SolverResult, u: Unit, crate: Crate, checked: CheckedCrate, limitMs: number, lineMaps: Map<string, LineMap>): ObligationResult {
  const res: ObligationResult = {
    kind: ob.kind,
    status: 'proved',
    span: u.lines.span(ob.sp),
    message: ob.message,
  };
  // a failed assertion's `custom_err` is its message; a `proof_note` goes with Verus's own
  if (ob.note) res.message = ob.note.kind === 'custom_err' ? ob.note.text : `${ob.message} (note: ${ob.note.text})`;
  if (ob.related) {
    // a callee's requires is written in the callee's file: its lines are that file's
    const lm = ob.relatedFile ? lineMaps.get(ob.relatedFile) : u.lines;
    if (lm) res.relatedSpan = lm.span(ob.related);
    if (ob.relatedFile) res.relatedFile = ob.relatedFile;
  }
  if (ob.assertion) res.assertion = ob.assertion;
  switch (r.result) {
    case 'unsat':
      res.status = 'proved';
      break;
    case 'unknown':
    case 'sat': {
      if (r.result === 'unknown' && !/incomplete/i.test(r.reason)) {
        res.status = 'unknown';
        res.message = `${ob.message} (solver returned unknown${r.reason ? ': ' + r.reason : ''})`;
        break;
      }
      // Like Verus, "unknown" because quantifier instantiation is incomplete is a failure.
      res.status = 'failed';
      // (decided without the solver, its goal is `false`: any model says nothing)
      if (ob.noCounterexample) break;
      try {
        const model = r.model ? parseModel(r.model) : null;
        const reader = model ? new ModelReader(crate, model) : null;
        const variables = reader ? reader.variables(ob.scope) : [];
        const check = reader ? checkCounterexample(crate, checked, u.vc.info, ob, reader, u.lines) : { check: 'unchecked' as const, detail: 'no model' };
        const path = reader ? ob.trace.filter((t) => reader.truth(t.cond) === true).map((t) => t.label) : ob.labels;
        res.counterexample = { variables, path, check: check.check, checkDetail: check.detail };
        if (check.span) res.counterexample.checkSpan = u.lines.span(check.span);
      } catch (e) {
        res.counterexample = { variables: [], path: ob.labels, check: 'unchecked', checkDetail: `could not read the model: ${(e as Error).message}` };
      }
      break;
    }
    case 'timeout':
      res.status = 'timeout';
      // what happened, in plain words: not proved in time (neither proved nor refuted)
      res.message = `${ob.kind} not proved within ${limitMs / 1000} s`;
      // a live run that did not solve it again says so (an explicit Verify retries it)
      if (/earlier run/.test(r.reason)) res.message += ` (${r.reason})`;
      // given up on (--give-up-after): never sent to the solver
      if (/^not tried/.test(r.reason)) res.message = `${ob.kind} ${r.reason}`;
      res.hint = timeoutHint(ob, limitMs);
      break;
    case 'canceled':
      res.status = 'unknown';
      res.message = `${ob.message} (canceled)`;
      break;
    case 'error':
      res.status = 'unknown';
      res.message = `solver error: ${r.reason}`;
      break;
  }
  return res;
}
