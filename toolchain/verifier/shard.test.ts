import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { inShard, parseShard, shardOfFile } from './shard';

const filePath = fc.array(fc.stringMatching(/^[a-z_]{1,8}$/), { minLength: 1, maxLength: 4 }).map((segs) => `src/${segs.join('/')}.rs`);

describe('--shard i/n', () => {
  it('reads i/n and refuses anything else with a message', () => {
    expect(parseShard('1/2')).toEqual({ index: 1, count: 2 });
    expect(parseShard('3/3')).toEqual({ index: 3, count: 3 });
    for (const bad of ['0/2', '3/2', '1/0', '1', '1/2/3', 'a/b', '-1/2', '']) expect(typeof parseShard(bad)).toBe('string');
  });

  it('puts every file in exactly one shard', () => {
    fc.assert(
      fc.property(fc.uniqueArray(filePath, { maxLength: 30 }), fc.integer({ min: 1, max: 8 }), (files, n) => {
        for (const f of files) {
          const owners = Array.from({ length: n }, (_, i) => i + 1).filter((i) => inShard(f, { index: i, count: n }));
          expect(owners).toEqual([shardOfFile(f, n)]);
        }
      }),
    );
  });

  it('keeps every file in its shard when unrelated files are added or removed', () => {
    fc.assert(
      fc.property(fc.uniqueArray(filePath, { minLength: 1, maxLength: 20 }), fc.uniqueArray(filePath, { maxLength: 20 }), fc.integer({ min: 1, max: 8 }), (files, extra, n) => {
        const before = new Map(files.map((f) => [f, shardOfFile(f, n)]));
        const all = [...extra, ...files];
        const after = new Map(all.map((f) => [f, shardOfFile(f, n)]));
        for (const f of files) expect(after.get(f)).toBe(before.get(f));
      }),
    );
  });

  it('gives the same split for Windows and POSIX separators', () => {
    expect(shardOfFile('src\\mm\\page_table.rs', 5)).toBe(shardOfFile('src/mm/page_table.rs', 5));
  });

  it('spreads files over all shards', () => {
    const files = Array.from({ length: 200 }, (_, i) => `src/m${i}.rs`);
    const counts = [0, 0, 0, 0];
    for (const f of files) counts[shardOfFile(f, 4) - 1]!++;
    for (const c of counts) expect(c).toBeGreaterThan(25);
  });
});
