// Domain types of live verification in the IDE: what the renderer asks for, what streams back,
// and the proof-cost history behind the "slow / brittle" warnings. Pure data and pure functions.
import type { FunctionResult, VerifyReport } from './verification';

export interface BufferText {
  path: string;
  text: string;
}

export type VerifyReason = 'edit' | 'save' | 'button' | 'function';

export interface VerifyRequest {
  /** Unsaved editor buffers; they override the files on disk. */
  buffers: BufferText[];
  reason: VerifyReason;
  /** Only this function (`name` or `Type::name`). */
  functionName?: string;
  /** Per-query timeout in ms (default: the verifier's, 10 s). */
  timeoutMs?: number;
  /**
   * z3's quantifier-instantiation profile of `functionName` (as `stratos verify --profile`): its
   * result then carries `profile`. Only with `functionName`; needs native z3, otherwise the run
   * ends with `VerifyDone.error`.
   */
  profile?: true;
}

/** A run's front end is done: it will report `total` results (functions and items reported alone). */
export interface VerifyStarted {
  runId: number;
  total: number;
  /**
   * The functions this run generates and solves again (`functionKey`s): the others' verdicts are
   * reused whole because nothing they depend on changed (their function keys are unchanged).
   * Absent: every function is re-verified.
   */
  affected?: string[];
}

export interface VerifyProgress {
  runId: number;
  result: FunctionResult;
}

export interface VerifyDone {
  runId: number;
  /** True when a newer run (or a cancel) stopped this one: its results are partial. */
  cancelled: boolean;
  report: VerifyReport;
  /** Functions answered from the cache, of `report.functions.length`. */
  cacheHits: number;
  /** Which z3 answered: native z3 on PATH or the embedded z3-solver (wasm). */
  solver: 'native' | 'wasm';
  /** Set when the run failed as a whole (a crash of the verifier itself). */
  error?: string;
}

/** Key of a function across runs: its file and name. */
export function functionKey(f: { file: string; name: string }): string {
  return `${f.file}::${f.name}`;
}

export interface TimingSample {
  timeMs: number;
  status: FunctionResult['status'];
  cached: boolean;
  at: number;
  timeoutMs: number;
}

/** functionKey -> the last samples, oldest first. */
export type ProofHistory = Record<string, TimingSample[]>;

export const HISTORY_LENGTH = 20;

export type CostWarning = { kind: 'slow'; factor: number } | { kind: 'brittle'; fractionOfTimeout: number };

/**
 * Warns before a proof starts failing: its time grew 3x or more over its previous verified run,
 * or it came within 20% of its timeout. Cached samples say nothing about solver time: skipped.
 */
export function costWarning(samples: TimingSample[]): CostWarning | undefined {
  const solved = samples.filter((s) => !s.cached);
  const last = solved.at(-1);
  if (!last) return undefined;
  if (last.status === 'verified' && last.timeMs >= 0.8 * last.timeoutMs) {
    return { kind: 'brittle', fractionOfTimeout: last.timeMs / last.timeoutMs };
  }
  // a failing proof's time says how long the solver looked for a counterexample: not a cost warning
  if (last.status !== 'verified') return undefined;
  const previous = solved.slice(0, -1).reverse().find((s) => s.status === 'verified');
  if (previous && previous.timeMs > 0 && last.timeMs >= 3 * previous.timeMs && last.timeMs >= 50) {
    return { kind: 'slow', factor: last.timeMs / previous.timeMs };
  }
  return undefined;
}

/** Adds a run's results to the history, keeping the last HISTORY_LENGTH samples per function. */
export function recordRun(history: ProofHistory, results: FunctionResult[], timeoutMs: number, at: number): ProofHistory {
  const next: ProofHistory = { ...history };
  for (const r of results) {
    const key = functionKey(r);
    next[key] = [...(next[key] ?? []), { timeMs: r.timeMs, status: r.status, cached: r.cached, at, timeoutMs }].slice(-HISTORY_LENGTH);
  }
  return next;
}
