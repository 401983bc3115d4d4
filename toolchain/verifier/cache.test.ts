import { describe, it, expect } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CACHE_FORMAT, ResultCache, cacheKey, decodeEntry, decodeFunctionEntry } from './cache';
import type { CacheBackend } from './cache-backend';
import { LocalCacheBackend } from './cache-local';
import type { SolverResult } from './solver-pool';

const unsat: SolverResult = { result: 'unsat', model: null, reason: '', ms: 12 };
const failed: SolverResult = { result: 'sat', model: '((define-fun x () Int 3))', reason: '', ms: 5 };

class MemoryBackend implements CacheBackend {
  readonly name = 'memory';
  readonly map = new Map<string, string>();
  gets = 0;
  puts = 0;
  async get(key: string) {
    this.gets++;
    return this.map.get(key) ?? null;
  }
  async put(key: string, value: string) {
    this.puts++;
    this.map.set(key, value);
  }
  async flush() {}
  async close() {}
}

class BrokenBackend extends MemoryBackend {
  override async get(): Promise<string | null> {
    this.gets++;
    throw new Error('connection refused');
  }
}

describe('cache key', () => {
  it('depends on the query text and the options, and on nothing about the solver', () => {
    const q = '(declare-const x Int)\n(assert (> x 0))\n(check-sat)\n';
    expect(cacheKey(q, { wantModel: true })).toBe(cacheKey(q, { wantModel: true }));
    expect(cacheKey(q, { wantModel: true })).not.toBe(cacheKey(q + ' ', { wantModel: true }));
    expect(cacheKey(q, { wantModel: true })).not.toBe(cacheKey(q, { wantModel: false }));
    expect(cacheKey.length).toBe(2);
    expect(cacheKey(q, {})).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is in format 2 (the format that dropped the solver from the key)', () => {
    expect(CACHE_FORMAT).toBe(2);
  });
});

describe('stored entries', () => {
  it('reads back definitive answers only', () => {
    expect(decodeEntry(JSON.stringify(unsat))).toEqual(unsat);
    expect(decodeEntry(JSON.stringify(failed))).toEqual(failed);
    const incomplete: SolverResult = { result: 'unknown', model: null, reason: '(incomplete quantifiers)', ms: 1 };
    expect(decodeEntry(JSON.stringify(incomplete))).toEqual(incomplete);
    for (const bad of [
      { ...unsat, result: 'timeout' },
      { ...unsat, result: 'error' },
      { ...unsat, result: 'unknown', reason: 'canceled' },
      { ...unsat, result: 'proved' },
      { ...unsat, model: 3 },
      { result: 'unsat' },
      null,
    ]) {
      expect(decodeEntry(JSON.stringify(bad))).toBeNull();
    }
    expect(decodeEntry('{"result": "unsat"')).toBeNull();
  });
});

describe('ResultCache', () => {
  it('stores sat/unsat, never a timeout or an error, and counts hits and misses', async () => {
    const b = new MemoryBackend();
    const c = new ResultCache(b);
    await c.put('a', unsat);
    await c.put('b', failed);
    await c.put('t', { result: 'timeout', model: null, reason: '', ms: 10_000 });
    await c.put('e', { result: 'error', model: null, reason: 'parse error', ms: 1 });
    expect([...b.map.keys()].sort()).toEqual(['a', 'b']);
    expect(await c.get('a')).toEqual(unsat);
    expect(await c.get('b')).toEqual(failed);
    expect(await c.get('t')).toBeNull();
    expect([c.hits, c.misses]).toEqual([2, 1]);
    expect(c.warning).toBeNull();
  });

  it('treats a corrupt or foreign entry as a miss', async () => {
    const b = new MemoryBackend();
    b.map.set('x', 'not json');
    b.map.set('y', JSON.stringify({ result: 'timeout', model: null, reason: '', ms: 1 }));
    const c = new ResultCache(b);
    expect(await c.get('x')).toBeNull();
    expect(await c.get('y')).toBeNull();
    expect(c.misses).toBe(2);
  });

  it('turns a failing backend into misses and one warning, and stops asking it for the run', async () => {
    const b = new BrokenBackend();
    const c = new ResultCache(b);
    expect(await c.get('a')).toBeNull();
    expect(await c.get('b')).toBeNull();
    await c.put('a', unsat);
    expect(b.gets).toBe(1);
    expect(b.puts).toBe(0);
    expect(c.misses).toBe(2);
    expect(c.warning).toMatch(/result cache memory unavailable \(connection refused\)/);
  });
});

describe('local backend', () => {
  it('keeps entries in .stratos/cache and misses what it does not have', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'stratos-cache-'));
    try {
      const b = new LocalCacheBackend(root);
      const key = cacheKey('(check-sat)', {});
      expect(await b.get(key)).toBeNull();
      await b.put(key, 'v');
      expect(await b.get(key)).toBe('v');
      expect(b.dir).toBe(path.join(root, '.stratos', 'cache'));
      // a second instance (another run) reads the same entry once the first has flushed
      await b.flush();
      expect(await new LocalCacheBackend(root).get(key)).toBe('v');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('function entries (function keys)', () => {
  const verified = { name: 'f', file: 'a.rs', span: { start: { line: 1, column: 1 }, end: { line: 2, column: 1 } }, mode: 'exec', status: 'verified', timeMs: 3, cached: false, obligations: [{ kind: 'postcondition', status: 'proved', span: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } }, message: 'ok' }] };
  it('reads back only a well-formed verified result with its callees', () => {
    expect(decodeFunctionEntry(JSON.stringify({ kind: 'function', result: verified, callees: ['g'] }))?.callees).toEqual(['g']);
    // anything else is a miss: the function is generated and solved again
    expect(decodeFunctionEntry(JSON.stringify({ kind: 'function', result: { ...verified, status: 'failed' }, callees: [] }))).toBeNull();
    expect(decodeFunctionEntry(JSON.stringify({ kind: 'function', result: { ...verified, obligations: [{ ...verified.obligations[0], status: 'failed' }] }, callees: [] }))).toBeNull();
    expect(decodeFunctionEntry(JSON.stringify({ result: verified, callees: [] }))).toBeNull();
    expect(decodeFunctionEntry(JSON.stringify({ kind: 'function', result: verified, callees: [1] }))).toBeNull();
    expect(decodeFunctionEntry('{"kind":"function",')).toBeNull();
    // a query entry is not a function entry, and the other way round
    expect(decodeFunctionEntry(JSON.stringify({ result: 'unsat', model: null, reason: '', ms: 1 }))).toBeNull();
    expect(decodeEntry(JSON.stringify({ kind: 'function', result: verified, callees: [] }))).toBeNull();
  });

  it('a function entry decoded once is not read again from the same store, in any later run of the process', async () => {
    class Located extends MemoryBackend {
      constructor(readonly location: string) {
        super();
      }
    }
    const store = new Located(`test:${Math.random()}`);
    store.map.set('k', JSON.stringify({ kind: 'function', result: verified, callees: ['g'] }));
    expect((await new ResultCache(store).getFunction('k'))?.callees).toEqual(['g']);
    // a second run (a new ResultCache, as each run makes) over another instance of the same store
    const again = new Located(store.location);
    const second = new ResultCache(again);
    expect((await second.getFunction('k'))?.callees).toEqual(['g']);
    expect(second.functionHits).toBe(1);
    expect(again.gets).toBe(0);
    // what a run stores is remembered too; another store, or one without a location, is read
    await new ResultCache(again).putFunction('k2', { result: verified as never, callees: [] });
    expect(await new ResultCache(new Located(store.location)).getFunction('k2')).not.toBeNull();
    const other = new Located(`test:${Math.random()}`);
    expect(await new ResultCache(other).getFunction('k')).toBeNull();
    expect(other.gets).toBe(1);
    const plain = new MemoryBackend();
    plain.map.set('k', store.map.get('k')!);
    await new ResultCache(plain).getFunction('k');
    await new ResultCache(plain).getFunction('k');
    expect(plain.gets).toBe(2);
  });
});

describe('the local backend writes behind', () => {
  it('answers an entry it has not written yet, and flush stores every entry on disk', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'stratos-cache-wb-'));
    try {
      const a = new LocalCacheBackend(root);
      const keys = Array.from({ length: 50 }, (_, i) => `${(i * 7919).toString(16).padStart(4, '0')}abcdef${i}`);
      for (const k of keys) await a.put(k, `v${k}`);
      // from memory before the disk has them
      expect(await a.get(keys[3]!)).toBe(`v${keys[3]}`);
      await a.flush();
      const b = new LocalCacheBackend(root);
      for (const k of keys) expect(await b.get(k)).toBe(`v${k}`);
      // a later value for the same key wins
      await a.put(keys[0]!, 'newer');
      await a.flush();
      expect(await new LocalCacheBackend(root).get(keys[0]!)).toBe('newer');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
