// Results shared across machines: a small crate verified in 2 shards against one real
// redis-server, then a whole run (with the other solver) that must be all cache hits and give
// exactly the verdicts, obligations and counterexamples the shards computed. Skips, saying why,
// when Debian's redis-server is not installed.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { FunctionResult, VerifyReport } from '../../app/verification';
import { nativeZ3Available, shutdownSolvers, verifySources } from './index';
import { closeCacheBackends } from './cache-backend';
import { shardOfFile } from './shard';
import { redisSkipReason, startRedisServer, type RedisServer } from './tests/redis-server';

const JOBS = 2;
// 2 shards by file hash: a.rs, b.rs, d.rs are shard 1; c.rs, e.rs, f.rs shard 2 (checked below)
const FILES = new Map([
  ['a.rs', 'verus! {\nfn inc(x: u64) -> (r: u64) requires x < 10 ensures r == x + 1 { x + 1 }\nfn inc_wrong(x: u64) -> (r: u64) requires x < 10 ensures r == x + 2 { x + 1 }\n}\n'],
  ['b.rs', 'verus! {\nfn twice(x: u64) -> (r: u64) requires x < 5 ensures r == x + 2 { inc(inc(x)) }\n}\n'],
  ['c.rs', 'verus! {\nspec fn double(x: int) -> int { 2 * x }\nfn dbl(x: u64) -> (r: u64) requires x < 100 ensures r == double(x as int) { x * 2 }\n}\n'],
  ['d.rs', 'verus! {\nfn add(x: u64, y: u64) -> u64 { x + y }\n}\n'],
  ['e.rs', 'verus! {\nfn e_ok(x: u8) -> (r: u8) ensures r <= x { x / 2 }\nconst ;\n}\n'],
  ['f.rs', 'verus! {\nfn pick(c: bool, x: u32) -> (r: u32) requires x < 1000 ensures c ==> r > x { if c { x + 1 } else { x } }\n}\n'],
]);

/** What a verdict consists of (not timings, not whether it came from the cache). */
function verdicts(fs: FunctionResult[]) {
  return Object.fromEntries(
    fs.map((f) => [f.name, { file: f.file, status: f.status, detail: f.detail, obligations: f.obligations.map((o) => ({ kind: o.kind, status: o.status, span: o.span, message: o.message, counterexample: o.counterexample })) }]),
  );
}
const lookups = (r: VerifyReport) => (r.summary.cacheHits ?? NaN) + (r.summary.cacheMisses ?? NaN);

const skip = redisSkipReason();
describe.skipIf(skip !== null)(`shards against a shared Redis cache${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let server: RedisServer;
  const roots: string[] = [];
  const root = () => {
    const d = mkdtempSync(path.join(tmpdir(), 'stratos-shared-cache-'));
    roots.push(d);
    return d;
  };
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await shutdownSolvers();
    await closeCacheBackends();
    await server?.stop();
    for (const d of roots) rmSync(d, { recursive: true, force: true });
  });

  it('2 shards fill the cache; a whole run with the other solver is all hits with the same verdicts', async () => {
    expect([...FILES.keys()].map((f) => shardOfFile(f, 2))).toEqual([1, 1, 2, 1, 2, 2]);
    // the shards solve with native z3 when it is installed, the whole run would use the IDE's
    // wasm build: the cache key does not depend on the solver
    const shardSolver = nativeZ3Available() ? 'native' : 'wasm';
    // each shard on its own "machine": its own workspace root, so nothing comes from .stratos/cache
    const s1 = await verifySources(FILES, { root: root(), jobs: JOBS, cache: server.url, shard: { index: 1, count: 2 }, solver: shardSolver });
    const s2 = await verifySources(FILES, { root: root(), jobs: JOBS, cache: server.url, shard: { index: 2, count: 2 }, solver: shardSolver });
    expect(s1.shard).toEqual({ index: 1, count: 2 });
    expect(s1.diagnostics.filter((d) => !d.file)).toEqual([]);
    expect(s1.summary.cacheHits).toBe(0);
    expect(s1.summary.cacheMisses).toBeGreaterThan(0);
    // each shard reports only its own files, results and diagnostics alike
    expect(new Set(s1.functions.map((f) => f.file))).toEqual(new Set(['a.rs', 'b.rs', 'd.rs']));
    expect(new Set(s2.functions.map((f) => f.file))).toEqual(new Set(['c.rs', 'e.rs', 'f.rs']));
    expect(s1.diagnostics.every((d) => shardOfFile(d.file, 2) === 1)).toBe(true);
    expect(s2.diagnostics.some((d) => d.file === 'e.rs')).toBe(true);
    expect(s1.summary.functions + s2.summary.functions).toBe(s1.functions.length + s2.functions.length);

    const whole = await verifySources(FILES, { root: root(), jobs: JOBS, cache: server.url, solver: 'wasm' });
    // every function in exactly one shard, and the shards together are the whole run
    const names = (r: VerifyReport) => r.functions.map((f) => f.name);
    expect([...names(s1), ...names(s2)].sort()).toEqual(names(whole).sort());
    expect(new Set([...names(s1), ...names(s2)]).size).toBe(whole.functions.length);
    // the fast path changes nothing: same verdicts, obligations and counterexamples
    expect(verdicts(whole.functions)).toEqual(verdicts([...s1.functions, ...s2.functions]));
    expect(whole.diagnostics).toEqual([...s1.diagnostics, ...s2.diagnostics].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)));
    const v = verdicts(whole.functions);
    expect(Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x.status]))).toEqual({
      '<syntax errors in e.rs>': 'error',
      inc: 'verified',
      inc_wrong: 'failed',
      twice: 'verified',
      double: 'verified',
      dbl: 'verified',
      add: 'failed',
      e_ok: 'verified',
      pick: 'verified',
    });
    expect(v.inc_wrong!.obligations.find((o) => o.status === 'failed')!.counterexample?.variables.length).toBeGreaterThan(0);
    // all hits, no miss, no solver time: each verified function whole under its function key
    // (nothing generated), each failed one query by query (its counterexample is re-read)
    expect(whole.summary.cacheMisses).toBe(0);
    const verified = whole.functions.filter((f) => f.status === 'verified').length;
    expect(whole.summary.functionCacheHits).toBe(verified);
    expect(whole.summary.cacheHits).toBeGreaterThan(0);
    expect(whole.summary.cacheHits).toBeLessThan(lookups(s1) + lookups(s2));
    expect(whole.summary.solverMs).toBe(0);
    expect(whole.functions.filter((f) => f.obligations.length).every((f) => f.cached)).toBe(true);
  }, 180_000);

  it('a Redis that is down changes no verdict: the queries are solved, with one warning', async () => {
    const reference = await verifySources(FILES, { root: root(), jobs: JOBS, useCache: false, solver: nativeZ3Available() ? 'native' : 'wasm' });
    await server.stop();
    const r = await verifySources(FILES, { root: root(), jobs: JOBS, cache: server.url, solver: nativeZ3Available() ? 'native' : 'wasm' });
    expect(verdicts(r.functions)).toEqual(verdicts(reference.functions));
    expect(r.functions.some((f) => f.cached)).toBe(false);
    const warnings = r.diagnostics.filter((d) => d.source === 'stratos-cache');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.severity).toBe('warning');
    expect(warnings[0]!.message).toMatch(/result cache redis:\/\/127\.0\.0\.1:\d+.* unavailable/);
  }, 180_000);
});

describe('shards of a crate without verus! functions', () => {
  it('report each file once, in its own shard', async () => {
    const plain = new Map([
      ['a.rs', 'fn main() {}\n'],
      ['c.rs', 'fn other() {}\n'],
    ]);
    const dir = mkdtempSync(path.join(tmpdir(), 'stratos-shard-'));
    try {
      const s1 = await verifySources(plain, { root: dir, useCache: false, shard: { index: 1, count: 2 } });
      const s2 = await verifySources(plain, { root: dir, useCache: false, shard: { index: 2, count: 2 } });
      expect(s1.functions.map((f) => f.name)).toEqual(['<no verus! function in a.rs>']);
      expect(s2.functions.map((f) => f.name)).toEqual(['<no verus! function in c.rs>']);
      expect(s1.functions[0]!.status).toBe('unsupported');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a shard with no functions of its own in a crate that has some is empty, not "unsupported"', async () => {
    const crate = new Map([
      ['a.rs', 'verus! {\nspec fn one() -> int { 1 }\n}\n'],
      ['c.rs', 'fn plain() {}\n'],
    ]);
    const dir = mkdtempSync(path.join(tmpdir(), 'stratos-shard-'));
    try {
      const s2 = await verifySources(crate, { root: dir, useCache: false, shard: { index: 2, count: 2 } });
      expect(s2.functions).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
