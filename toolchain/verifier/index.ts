// Public API of the verifier (used by the IDE host and by `stratos verify`).

import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { availableParallelism } from 'node:os';
import { setMaxListeners } from 'node:events';
import type { Diagnostic, FunctionProfile, FunctionResult, ObligationResult, VerifyReport, VerifySummary, FunctionStatus } from '../../app/verification';
import type { FnItem, SourceFile, Sp } from './ast';
import { LineMap } from '../syntax/line-map';
import { parseFile } from './parser';
import { Crate, ResolveError } from './resolver';
import { checkCrate, type CheckedCrate } from './check/checker';
import { execTerminationWaived } from './check/termination';
import { ALT_OPTIONS, CrateVC, FnGen, computeSccs, hasVerusConfiguration, printQuery, type FnVC, type Obligation, type PrintOptions, type Query } from './vcgen';

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
import { hasExternalBody, parseAttr } from '../syntax/attributes';
import { nativeZ3Available } from './solver-choice';

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
   * `stratos verify --profile`: every query is solved by its own native z3 process with
   * `smt.qi.profile=true` (./qi-profile.ts), the cache neither read nor written, and each
   * function's result gets its quantifier instantiations per qid (`profile`). Needs
   * `solver: 'native'`: the wasm build gives only part of z3's per-quantifier counts.
   */
  profile?: boolean;
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
  wasmIncremental ??= new IncrementalSolver(new WasmSessionHost(p));
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

// Syntax trees of the last texts seen, per file: a live run re-parses only the edited files.
// (Later phases never mutate the tree; each run builds its own resolver and VC state.)
const parseCache = new Map<string, SourceFile>();
function parseCached(file: string, text: string): SourceFile {
  const hit = parseCache.get(file);
  if (hit && hit.text === text) return hit;
  const parsed = parseFile(file, text);
  if (parseCache.size > 2000) parseCache.clear();
  parseCache.set(file, parsed);
  return parsed;
}

interface Unit {
  vc: FnVC;
  gen: FnGen;
  file: SourceFile;
  lines: LineMap;
  mode: 'exec' | 'proof' | 'spec';
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
  const parsed: SourceFile[] = [];
  for (const [p, text] of [...files].sort((a, b) => (a[0] < b[0] ? -1 : 1))) parsed.push(parseCached(p, text));
  const lineMaps = new Map(parsed.map((f) => [f.path, new LineMap(f.text)]));
  const filter = options.functionFilter;
  const selectedByFilter = (qname: string, name: string): boolean => !filter || qname === filter || name === filter || qname.endsWith('::' + filter);
  // Every function of a file is in the results, as a verdict or as an `error` with a span: a
  // syntax error inside a function is that function's error; only the others make the file's
  // `<syntax errors in FILE>` result.
  for (const f of parsed) {
    const lm = lineMaps.get(f.path)!;
    for (const d of f.diagnostics) diagnostics.push({ file: f.path, span: lm.span(d.sp), severity: 'error', message: d.message, source: 'stratos-verifier' });
    const erroneous = f.items.filter((it) => (it.k === 'fn' && it.parseError) || it.k === 'error');
    const loose = f.diagnostics.filter((d) => !erroneous.some((it) => it.sp.start <= d.sp.start && d.sp.end <= it.sp.end));
    if (loose.length) {
      functions.push({ name: `<syntax errors in ${f.path}>`, file: f.path, span: lm.span(loose[0]!.sp), mode: 'exec', status: 'error', timeMs: 0, cached: false, obligations: [], detail: loose[0]!.message });
    }
  }
  // a function whose signature did not parse has no contract its callers could rely on
  const contractsKnown = (f: SourceFile): SourceFile => ({ ...f, items: f.items.filter((it) => !(it.k === 'fn' && it.parseError && !it.parseError.inBody)) });
  const crate = new Crate(parsed.map(contractsKnown));
  // types and modes are checked before any verification condition is generated
  const checked = checkCrate(crate, { execAllowsNoDecreasesClause: options.execAllowsNoDecreasesClause });
  const cvc = new CrateVC(crate, checked);
  const units: Unit[] = [];
  try {
    cvc.analyzeSpecFns();
  } catch {
    /* errors surface per function */
  }
  // An attribute whose absence changes what other code means (`#[verifier::type_invariant]`,
  // `when_used_as_spec`, ...; toolchain/syntax/attributes.ts): every function is unsupported.
  let crateGap: string | null = null;
  for (const f of parsed) {
    for (const it of f.items) {
      const at = it.k === 'unsupported' && it.crate ? { attr: it.what, sp: it.sp } : it.k === 'fn' ? it.unsupportedAttrs?.find((a) => a.crate) : undefined;
      if (at && crateGap === null) {
        const what = 'attr' in at && it.k === 'fn' ? `attribute \`#[${at.attr}]\`` : at.attr;
        crateGap = `${what} at ${f.path}:${fmtPos(lineMaps.get(f.path)!, at.sp.start)} changes the meaning of other code`;
      }
    }
  }
  // A user type named like a built-in one (`Option`, `Seq`, ...): the verifier resolves those by
  // name, so no function of the crate can be encoded faithfully.
  const shadow = checked.shadowedBuiltins[0];
  if (shadow && crateGap === null) crateGap = `the crate defines its own \`${shadow.name}\` at ${shadow.file}:${fmtPos(lineMaps.get(shadow.file)!, shadow.sp.start)}, which shadows the built-in one`;
  for (const f of parsed) {
    const lm = lineMaps.get(f.path)!;
    for (const it of f.items) {
      const typeErrors = it.k === 'struct' || it.k === 'enum' ? checked.typeErrors.get(it) : it.k === 'const' ? checked.constErrors.get(it) : undefined;
      if (typeErrors?.length && (it.k === 'struct' || it.k === 'enum' || it.k === 'const')) {
        for (const err of typeErrors) diagnostics.push({ file: f.path, span: lm.span(err.sp), severity: 'error', message: err.message, source: 'stratos-verifier' });
        functions.push({ name: `<${it.k} ${it.name}>`, file: f.path, span: lm.span(it.sp), mode: 'spec', status: 'error', timeMs: 0, cached: false, obligations: [], detail: typeErrors[0]!.message });
        continue;
      }
      if (it.k === 'unsupported') {
        functions.push({ name: `<${it.what}>`, file: f.path, span: lm.span(it.sp), mode: 'exec', status: 'unsupported', timeMs: 0, cached: false, obligations: [], detail: `unsupported: ${it.what}` });
        continue;
      }
      if (it.k === 'error') {
        functions.push({ name: `<${it.what}>`, file: f.path, span: lm.span(it.sp), mode: 'exec', status: 'error', timeMs: 0, cached: false, obligations: [], detail: `${it.diagnostic.message} at ${f.path}:${fmtPos(lm, it.diagnostic.sp.start)}` });
        continue;
      }
      if (it.k !== 'fn') continue;
      const qname = it.selfType ? `${it.selfType}::${it.name}` : it.name;
      if (it.parseError) {
        // its contract (when the signature was read) still serves its callers
        if (!selectedByFilter(qname, it.name)) continue;
        const r: FunctionResult = { name: qname, file: f.path, span: lm.span(it.sp), mode: it.mode, status: 'error', timeMs: 0, cached: false, obligations: [], detail: `${it.parseError.diagnostic.message} at ${f.path}:${fmtPos(lm, it.parseError.diagnostic.sp.start)}` };
        functions.push(r);
        if (mine(f.path)) options.onFunctionResult?.(r);
        continue;
      }
      const info = (crate.fns.get(qname) ?? []).find((x) => x.item === it)!;
      const gen = new FnGen(cvc, info);
      const errors = checked.fnErrors.get(it);
      const badAttr = it.unsupportedAttrs?.[0];
      const cheats = options.noCheating ? cheatsIn(it) : [];
      // an attribute we do not implement comes first: the errors found without it may be spurious
      const vc: FnVC = badAttr
        ? { info, obligations: [], callees: new Set(), unsupported: { message: `unsupported attribute \`#[${badAttr.attr}]\``, sp: badAttr.sp } }
        : crateGap
          ? { info, obligations: [], callees: new Set(), unsupported: { message: `unsupported: ${crateGap}`, sp: it.nameSp } }
          : cheats.some((c) => c.error)
            ? { info, obligations: [], callees: new Set(), error: cheats.find((c) => c.error)! }
            : cheats.length
              ? cheatingVC(info, gen, cheats)
            : errors
              ? { info, obligations: [], callees: new Set(), error: errors[0]!, checkErrors: errors }
              : checked.fnUnsupported.has(it)
                ? { info, obligations: [], callees: new Set(), unsupported: checked.fnUnsupported.get(it)! }
                : gen.run();
      units.push({ vc, gen, file: f, lines: lm, mode: it.mode });
    }
  }
  // a function that relies on one with type or mode errors has no trustworthy encoding either
  const unitByKey = new Map(units.map((u) => [u.vc.info.key, u]));
  // Module privacy is not modeled: a spec fn that is not `open` has its body visible only in its
  // own module (and the modules inside it) in Verus, but in every query here. A function outside
  // that module whose queries would see such a body (through the spec fns it uses) is unsupported.
  const within = (inner: string[], outer: string[]) => outer.every((m, i) => inner[i] === m);
  for (const u of units) {
    if (u.vc.error || u.vc.unsupported) continue;
    const seen = new Set<string>();
    const stack = [...u.vc.callees];
    while (stack.length) {
      const k = stack.pop()!;
      if (seen.has(k)) continue;
      seen.add(k);
      const cu = unitByKey.get(k);
      if (cu?.mode === 'spec') stack.push(...cu.vc.callees);
    }
    for (const k of seen) {
      const f = unitByKey.get(k)?.vc.info.item;
      if (f && f.mode === 'spec' && !f.open && f.body && !within(u.vc.info.item.module, f.module)) {
        u.vc.unsupported = { message: `uses the closed spec fn \`${unitByKey.get(k)!.vc.info.qname}\` of module \`${f.module.join('::') || 'crate'}\` outside it: module privacy (hidden bodies) is not supported`, sp: u.vc.info.item.nameSp };
        break;
      }
    }
  }
  // recursion among exec/proof functions: decreases checks for calls inside an SCC
  const execUnits = units.filter((u) => u.mode !== 'spec');
  const byKey = new Map(execUnits.map((u) => [u.vc.info.key, u]));
  const sccs = computeSccs([...byKey.keys()], (k) => [...(byKey.get(k)?.vc.callees ?? [])].filter((c) => byKey.has(c)));
  const sccOf = new Map<string, Set<string>>();
  for (const c of sccs) for (const k of c) sccOf.set(k, new Set(c));
  for (const u of execUnits) {
    const comp = sccOf.get(u.vc.info.key)!;
    const recursive = u.gen.recCalls.filter((rc) => comp.has(rc.callee));
    // (a missing `decreases` is the checker's error; an exec function that opts out of
    // termination checking and states no measure has nothing to check)
    if (!u.vc.info.item.decreases.length && execTerminationWaived(u.vc.info.item, options)) continue;
    for (const rc of recursive) u.gen.obligations.push(rc.ob());
  }
  const broken = new Map<string, string>();
  for (const u of units) if (u.vc.error && u.vc.checkErrors) broken.set(u.vc.info.key, u.vc.info.qname);
  for (let changed = true; changed; ) {
    changed = false;
    for (const u of units) {
      if (broken.has(u.vc.info.key)) continue;
      const bad = [...u.vc.callees].find((c) => broken.has(c) && unitByKey.has(c));
      if (bad === undefined) continue;
      broken.set(u.vc.info.key, u.vc.info.qname);
      if (!u.vc.error) u.vc.error = { message: `uses \`${broken.get(bad)}\`, which has type or mode errors`, sp: u.vc.info.item.nameSp };
      changed = true;
    }
  }
  // Obligations are generated per function just before it is solved (finishUnit), in priority
  // order: the edited function's verdict does not wait for the queries of all the others.
  // (Generation order does not change any query's text, so cache keys are stable.)
  const finished = new Set<Unit>();
  const finishUnit = (u: Unit): void => {
    if (finished.has(u)) return;
    finished.add(u);
    try {
      u.gen.finish();
      u.vc.obligations = u.gen.obligations;
      u.vc.defCheck = u.gen.defCheck;
      if (u.vc.obligations.some((ob) => !ob.query)) throw new Error('an obligation has no query');
    } catch (e) {
      // e.g. a `None` whose type was never inferred (see FnGen.finish)
      if (e instanceof ResolveError) u.vc.error = { message: e.message, sp: e.sp };
      else u.vc.error = { message: `internal error: ${(e as Error).message}`, sp: u.vc.info.item.nameSp };
    }
  };
  let frontMs = performance.now() - t0;

  // ---- filter ----
  const selected = units.filter((u) => selectedByFilter(u.vc.info.qname, u.vc.info.item.name) && mine(u.file.path));
  const priority = new Set(options.priorityFiles ?? []);
  const ordered = [...selected.filter((u) => priority.has(u.file.path)), ...selected.filter((u) => !priority.has(u.file.path))];

  if (options.dumpSmtDir) {
    mkdirSync(options.dumpSmtDir, { recursive: true });
    for (const u of selected) {
      finishUnit(u);
      u.vc.obligations.forEach((ob, i) => {
        const name = `${u.vc.info.qname.replace(/[^A-Za-z0-9_]+/g, '_')}.${i}.${ob.kind}.smt2`;
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
  const solve = async (query: Query, variant: PrintOptions, wantModel: boolean, how: { timeoutOverride?: number; prof?: ProfileAcc; priority?: number; lookedUp?: boolean; alone?: boolean } = {}): Promise<{ r: SolverResult; cached: boolean; key: string }> => {
    const { timeoutOverride, prof, priority } = how;
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
    const job: SolverJob = { query: q, timeoutMs: limit, wantModel: true, signal: options.signal, priority };
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
    if (!how.alone && hasVerusConfiguration(query, variant) && ownPartUsesBitvectors(query)) {
      // portfolio for int<->bv queries: Verus' configuration first; when it has not answered
      // after a moment, z3's default configuration races it; the first definite answer wins
      const ctrls = [new AbortController(), new AbortController()];
      const link = () => ctrls.forEach((c) => c.abort());
      options.signal?.addEventListener('abort', link, { once: true });
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
      if (!settled && !options.signal?.aborted) second = runJob({ ...job, query: printQuery(query, { ...variant, options: ALT_OPTIONS }), signal: ctrls[1]!.signal, urgent: true }).then((x) => finish(x, 1));
      const both = await Promise.all(second ? [first, second] : [first]);
      for (const g of graces) clearTimeout(g);
      options.signal?.removeEventListener('abort', link);
      const definitive = both.find((x) => x.result === 'sat' || x.result === 'unsat');
      r = definitive ?? both.find((x) => x.result === 'unknown') ?? both[0]!;
      solverMs += both.reduce((n, x) => n + x.ms, 0);
    } else {
      r = await runJob(job);
      solverMs += r.ms;
    }
    if (r.result === 'timeout' && solverName === 'wasm' && !options.signal?.aborted && nativeZ3Available()) {
      // the wasm build is much slower than native z3 on some quantified queries: give the
      // native solver (same query text, same timeout) a chance before reporting a timeout
      const n = await getNativeQueue(jobs).run(job);
      solverMs += n.ms;
      if (n.result === 'sat' || n.result === 'unsat') r = { ...n, reason: 'answered by native z3 after z3-solver timed out' };
    }
    await cache?.put(key, r);
    if (r.result === 'timeout' && !options.signal?.aborted) {
      if (timedOutQueries.size >= TIMED_OUT_MEMO_LIMIT) timedOutQueries.clear();
      timedOutQueries.set(memoKey, Math.max(limit, timedOutWith ?? 0));
    } else if (r.result === 'sat' || r.result === 'unsat') timedOutQueries.delete(memoKey);
    return { r, cached: false, key };
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
   * path. `addMs` gets the session's solver time, wasted checks included. `looked`: the
   * obligations whose cache lookup missed here (solve does not look them up again).
   */
  const solveIncrementally = async (u: Unit, priority: number, addMs: (ms: number) => void, looked: Set<Obligation>): Promise<Map<Obligation, Promise<Answer | null>>> => {
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
      .run({ plan, timeoutMs: limit, signal: options.signal, priority, onAnswer })
      .catch(() => undefined)
      .finally(() => {
        // (every check is answered; should one not be, it is solved standalone)
        for (const s of settle.values()) s(null);
      });
    return answers;
  };

  const resultOf = (u: Unit, status: FunctionResult['status']): FunctionResult => ({
    name: u.vc.info.qname,
    file: u.file.path,
    span: u.lines.span(u.vc.info.item.sp),
    mode: u.mode,
    status,
    timeMs: 0,
    cached: false,
    obligations: [],
  });
  const verifyUnit = async (u: Unit): Promise<FunctionResult> => {
    const info = u.vc.info;
    const base = resultOf(u, 'verified');
    if (u.vc.unsupported) {
      const r: FunctionResult = { ...base, status: 'unsupported', detail: `${u.vc.unsupported.message} at ${u.file.path}:${fmtPos(u.lines, u.vc.unsupported.sp.start)}` };
      r.obligations = [];
      diagnostics.push({ file: u.file.path, span: u.lines.span(u.vc.unsupported.sp), severity: 'warning', message: `not verified: ${u.vc.unsupported.message}`, source: 'stratos-verifier' });
      options.onFunctionResult?.(r);
      return r;
    }
    if (u.vc.error) {
      const r: FunctionResult = { ...base, status: 'error', detail: `${u.vc.error.message} at ${u.file.path}:${fmtPos(u.lines, u.vc.error.sp.start)}` };
      for (const err of u.vc.checkErrors ?? [u.vc.error]) diagnostics.push({ file: u.file.path, span: u.lines.span(err.sp), severity: 'error', message: err.message, source: 'stratos-verifier' });
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
    const early = incremental ? await solveIncrementally(u, fnPriority, (ms) => (fnSolverMs += ms), looked) : new Map<Obligation, Promise<Answer | null>>();
    const obs = await Promise.all(
      u.vc.obligations.map(async (ob): Promise<ObligationResult> => {
        const query = ob.query!; // (finishUnit: every obligation of a unit without error has one)
        const pre = await early.get(ob);
        // a query the session did not prove is likely slow: it goes before the waiting sessions
        // (longest work first), still after the edited files' functions
        const { r, cached, key } = pre ?? (await solve(query, {}, true, { prof, priority: early.has(ob) ? fnPriority + FALLBACK_PRIORITY : fnPriority, lookedUp: looked.has(ob) }));
        if (!cached) {
          allCached = false;
          if (!pre) fnSolverMs += r.ms;
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
        const out = toObligationResult(ob, res, u, crate, checked);
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
    options.onFunctionResult?.(base);
    return base;
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
  if (!functions.length && !units.length && !filter) {
    for (const f of parsed) {
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
    ...(cache ? { cacheHits: cache.hits, cacheMisses: cache.misses } : {}),
  };
  lastFrontEndMs = frontMs;
  return { version: 1, functions: reported, diagnostics: reportedDiagnostics, summary, ...(options.shard ? { shard: { ...options.shard } } : {}) };
}

/** Front-end time (parse + VC generation) of the last run, for benchmarks. */
export let lastFrontEndMs = 0;

/**
 * `--no-cheating`, as Verus reports it: each `assume(..)`, `admit()` and
 * `#[verifier::external_body]` is a failed obligation at its span (the function proves nothing);
 * `#[verifier::assume_termination]` is an error.
 */
function cheatsIn(f: FnItem): { message: string; sp: Sp; error?: boolean }[] {
  const out: { message: string; sp: Sp; error?: boolean }[] = [];
  f.attrs.forEach((a, i) => {
    const sp = f.attrSps?.[i] ?? f.nameSp;
    const p = parseAttr(a);
    if (p.verifier && p.name === 'external_body') out.push({ message: '#[verifier::external_body] not allowed with --no-cheating', sp });
    if (p.verifier && p.name === 'assume_termination') out.push({ message: '#[verifier::assume_termination] not allowed with --no-cheating', sp, error: true });
  });
  const walk = (o: unknown): void => {
    if (Array.isArray(o)) return o.forEach(walk);
    if (!o || typeof o !== 'object') return;
    const n = o as { k?: string; callee?: { k?: string; segs?: string[] }; sp?: Sp };
    if (n.k === 'assume' && n.sp) out.push({ message: 'assume not allowed with --no-cheating', sp: n.sp });
    if (n.k === 'call' && n.sp && n.callee?.k === 'path' && n.callee.segs?.[n.callee.segs.length - 1] === 'admit') out.push({ message: 'admit not allowed with --no-cheating', sp: n.sp });
    for (const v of Object.values(o)) if (v && typeof v === 'object') walk(v);
  };
  walk([f.requires, f.ensures, f.recommends, f.decreases, f.body]);
  return out;
}

/**
 * A function with cheats under `--no-cheating`: one failing obligation per cheat (its query asks
 * the solver for `false`), nothing else generated. They join the generator's obligations, which
 * are the function's once it is finished.
 */
function cheatingVC(info: FnVC['info'], gen: FnGen, cheats: { message: string; sp: Sp }[]): FnVC {
  for (const c of cheats) {
    gen.obligations.push({ kind: 'assertion', message: c.message, sp: c.sp, scope: [], labels: [], trace: [], crossed: [], query: { mbqi: false, options: [], prelude: [], decls: [], facts: [], goal: 'false' } });
  }
  return { info, obligations: [], callees: new Set() };
}

function fmtPos(lm: LineMap, off: number): string {
  const p = lm.pos(off);
  return `${p.line}:${p.column}`;
}

function functionStatus(obs: ObligationResult[]): FunctionStatus {
  if (obs.some((o) => o.status === 'failed')) return 'failed';
  if (obs.some((o) => o.status === 'timeout')) return 'timeout';
  if (obs.some((o) => o.status === 'unknown')) return 'failed';
  return 'verified';
}

function toObligationResult(ob: Obligation, r: SolverResult, u: Unit, crate: Crate, checked: CheckedCrate): ObligationResult {
  const res: ObligationResult = {
    kind: ob.kind,
    status: 'proved',
    span: u.lines.span(ob.sp),
    message: ob.message,
  };
  // a failed assertion's `custom_err` is its message; a `proof_note` goes with Verus's own
  if (ob.note) res.message = ob.note.kind === 'custom_err' ? ob.note.text : `${ob.message} (note: ${ob.note.text})`;
  if (ob.related) res.relatedSpan = u.lines.span(ob.related);
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
      res.message = `${ob.message} (solver timeout${r.reason ? ': ' + r.reason : ''})`;
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
