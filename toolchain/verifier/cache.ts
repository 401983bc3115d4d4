// Result cache in the workspace's .stratos/cache: one small JSON file per query, keyed by the
// SHA-256 of the exact query text plus the solver and the options that influence the answer.
// Only definitive answers (sat/unsat) are stored; timeouts and errors are always re-run.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { SolverResult } from './solver-pool';

export const CACHE_FORMAT = 1;

export function cacheKey(query: string, solver: string, options: Record<string, unknown>): string {
  const h = createHash('sha256');
  h.update(`stratos-verifier-cache-v${CACHE_FORMAT}\0${solver}\0${JSON.stringify(options)}\0`);
  h.update(query);
  return h.digest('hex');
}

export class ResultCache {
  readonly dir: string;
  hits = 0;
  misses = 0;
  constructor(root: string) {
    this.dir = path.join(root, '.stratos', 'cache');
  }
  private file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), key.slice(2) + '.json');
  }
  get(key: string): SolverResult | null {
    try {
      const r = JSON.parse(readFileSync(this.file(key), 'utf8')) as SolverResult;
      if (r.result !== 'sat' && r.result !== 'unsat' && !(r.result === 'unknown' && /incomplete/i.test(r.reason))) return null;
      this.hits++;
      return r;
    } catch {
      this.misses++;
      return null;
    }
  }
  put(key: string, r: SolverResult): void {
    if (r.result !== 'sat' && r.result !== 'unsat' && !(r.result === 'unknown' && /incomplete/i.test(r.reason))) return;
    try {
      const f = this.file(key);
      mkdirSync(path.dirname(f), { recursive: true });
      const tmp = `${f}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(r));
      renameSync(tmp, f);
    } catch {
      /* a read-only workspace just means no cache */
    }
  }
}
