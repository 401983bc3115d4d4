// The result cache: what is stored, under which key, and what happens when the store fails.
// The key is the SHA-256 of the exact query text plus the options that influence the answer, NOT
// the solver that answered: an `unsat` is a proof whichever z3 build found it, and a failure keeps
// its model, so a CLI run with native z3 fills the cache for the IDE's wasm solver and the other
// way round. Only definitive answers (sat/unsat, and `unknown` from incomplete quantifier
// instantiation, which is a failure) are stored; timeouts and errors are always re-run.
// Where entries live is a `CacheBackend` (cache-backend.ts): `.stratos/cache` or a Redis server.
// A backend that fails or is slow never fails a run: the query is solved, and the run's report
// carries one warning (`ResultCache.warning`).

import { createHash } from 'node:crypto';
import type { SolverResult } from './solver-pool';
import type { FunctionResult } from '../../app/verification';
import type { CacheBackend } from './cache-backend';
import type { StoredFunction } from './fn-key';

/** Bumped whenever the key or the stored value changes meaning (2: the solver left the key). */
export const CACHE_FORMAT = 2;

export function cacheKey(query: string, options: Record<string, unknown>): string {
  const h = createHash('sha256');
  h.update(`stratos-verifier-cache-v${CACHE_FORMAT}\0${JSON.stringify(options)}\0`);
  h.update(query);
  return h.digest('hex');
}

/** Whether an answer may be stored and reused: never a timeout, an error or a cancellation. */
export function isCacheable(r: SolverResult): boolean {
  return r.result === 'sat' || r.result === 'unsat' || (r.result === 'unknown' && /incomplete/i.test(r.reason));
}

/** A stored entry's JSON object, or null when the text is not one (a torn or foreign entry). */
function parseObject(text: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A stored entry read back, or null when it is not a well-formed cacheable answer. */
export function decodeEntry(text: string): SolverResult | null {
  const r = parseObject(text);
  if (!r) return null;
  if (typeof r.result !== 'string' || typeof r.reason !== 'string' || typeof r.ms !== 'number') return null;
  if (r.model !== null && typeof r.model !== 'string') return null;
  const res = { result: r.result, model: r.model, reason: r.reason, ms: r.ms } as SolverResult;
  return isCacheable(res) ? res : null;
}

/** A stored function entry read back, or null unless it is a well-formed `verified` result. */
export function decodeFunctionEntry(text: string): StoredFunction | null {
  const e = parseObject(text) as { kind?: unknown; result?: Record<string, unknown>; callees?: unknown } | null;
  if (!e) return null;
  const r = e.result;
  if (e.kind !== 'function' || !r || typeof r !== 'object' || !Array.isArray(e.callees) || !e.callees.every((c) => typeof c === 'string')) return null;
  if (r.status !== 'verified' || typeof r.name !== 'string' || typeof r.file !== 'string' || !Array.isArray(r.obligations)) return null;
  if (!(r.obligations as { status?: unknown }[]).every((o) => o && o.status === 'proved')) return null;
  return { result: r as unknown as FunctionResult, callees: e.callees as string[] };
}

/**
 * Function entries decoded in this process, per store location and key, most recent last: the
 * IDE runs the front end on every edit and would otherwise read and parse every unchanged
 * function's stored result again (~10 KB of JSON each with its proof state). An entry under a
 * key never changes meaning (the key hashes everything the result depends on), so a remembered
 * one is as good as a fresh read.
 */
const decodedFunctions = new Map<string, StoredFunction>();
const DECODED_FUNCTIONS_LIMIT = 4096;
function rememberFunction(id: string, entry: StoredFunction): void {
  decodedFunctions.delete(id);
  decodedFunctions.set(id, entry);
  if (decodedFunctions.size > DECODED_FUNCTIONS_LIMIT) decodedFunctions.delete(decodedFunctions.keys().next().value!);
}

/** One run's view of a backend: counts, the storable-answer rule, and failure isolation. */
export class ResultCache {
  hits = 0;
  misses = 0;
  /** The first backend failure of this run (the backend is not used again in this run). */
  warning: string | null = null;
  constructor(readonly backend: CacheBackend) {}

  /** Waits until every entry this run put is stored (a run's last step). */
  async flush(): Promise<void> {
    try {
      await this.backend.flush();
    } catch {
      /* a failed write is a miss later, never a failed run */
    }
  }

  async get(key: string): Promise<SolverResult | null> {
    if (this.warning !== null) {
      this.misses++;
      return null;
    }
    let text: string | null;
    try {
      text = await this.backend.get(key);
    } catch (e) {
      this.fail(e);
      this.misses++;
      return null;
    }
    const r = text === null ? null : decodeEntry(text);
    if (r) this.hits++;
    else this.misses++;
    return r;
  }

  async put(key: string, r: SolverResult): Promise<void> {
    if (!isCacheable(r) || this.warning !== null) return;
    try {
      await this.backend.put(key, JSON.stringify(r));
    } catch (e) {
      this.fail(e);
    }
  }

  /** Function-key entries (fn-key.ts): a `verified` function's result and callees. */
  functionHits = 0;
  async getFunction(key: string): Promise<StoredFunction | null> {
    if (this.warning !== null) return null;
    const id = this.backend.location === undefined ? undefined : `${this.backend.location}\0${key}`;
    const known = id === undefined ? undefined : decodedFunctions.get(id);
    if (known) {
      this.functionHits++;
      return known;
    }
    let text: string | null;
    try {
      text = await this.backend.get(key);
    } catch (e) {
      this.fail(e);
      return null;
    }
    const entry = text === null ? null : decodeFunctionEntry(text);
    if (entry) {
      this.functionHits++;
      if (id !== undefined) rememberFunction(id, entry);
    }
    return entry;
  }

  async putFunction(key: string, entry: StoredFunction): Promise<void> {
    if (entry.result.status !== 'verified' || this.warning !== null) return;
    try {
      const text = JSON.stringify({ kind: 'function', ...entry });
      // remembered as a later read would decode it (a fresh object, not the caller's)
      const decoded = this.backend.location === undefined ? null : decodeFunctionEntry(text);
      if (decoded) rememberFunction(`${this.backend.location}\0${key}`, decoded);
      await this.backend.put(key, text);
    } catch (e) {
      this.fail(e);
    }
  }

  private fail(e: unknown): void {
    this.warning ??= `result cache ${this.backend.name} unavailable (${e instanceof Error ? e.message : String(e)}); the remaining queries of this run were solved without it`;
  }
}
