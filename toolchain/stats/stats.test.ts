import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatRatio, moduleOf, proofRatio, type StatsReport } from '../../app/stats';
import { computeStats, statsForSource, statsForSources } from './stats';

const fixturesDir = new URL('./fixtures/', import.meta.url).pathname;
const fixture = (name: string): string => readFileSync(path.join(fixturesDir, name), 'utf8');

const tmp = mkdtempSync(path.join(tmpdir(), 'stratos-stats-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function write(rel: string, text: string): void {
  const abs = path.join(tmp, rel);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, text);
}

const SMALL = ['verus! {', 'fn f(x: u8) -> u8', '  requires x < 9', '{', '  assert(x < 9);', '  x', '}', '}', ''].join('\n');

describe('statsForSource / statsForSources', () => {
  it('per-file counts, lines and ratio of alloc.rs', () => {
    const r = statsForSource('src/mm/alloc.rs', fixture('alloc.rs'));
    expect(r.file).toEqual({
      file: 'src/mm/alloc.rs',
      module: 'src/mm/alloc',
      unverified: 5,
      counts: { exec: 26, spec: 23, proof: 11, trusted: 14, comment: 5, blank: 12 },
      lines: 91,
      ratio: (23 + 11) / 26,
    });
  });

  it('per-function counts cover signature through closing brace', () => {
    const r = statsForSource('alloc.rs', fixture('alloc.rs'));
    const byName = new Map(r.functions.map((f) => [f.name, f]));
    expect(byName.get('PageAllocator::alloc')!.counts).toEqual({ exec: 13, spec: 8, proof: 7, trusted: 1, comment: 0, blank: 1 });
    expect(byName.get('PageAllocator::alloc')!.lines).toBe(30);
    expect(byName.get('PageAllocator::alloc')!.ratio).toBeCloseTo(15 / 13, 10);
    expect(byName.get('PageAllocator::lemma_free_bounded')!.counts).toEqual({ exec: 0, spec: 5, proof: 4, trusted: 0, comment: 0, blank: 0 });
    expect(byName.get('PageAllocator::lemma_free_bounded')!.ratio).toBeNull();
    expect(byName.get('PageAllocator::zero_page')).toMatchObject({
      trusted: true,
      verified: false,
      counts: { exec: 0, spec: 0, proof: 0, trusted: 6, comment: 1, blank: 0 },
    });
    expect(byName.get('outb')).toMatchObject({ file: 'alloc.rs', mode: 'exec', counts: { exec: 3, trusted: 1 } });
  });

  it('trusted base entries count their trusted lines; together they make up total.trusted', () => {
    const r = statsForSources(new Map([['alloc.rs', fixture('alloc.rs')]]));
    expect(r.trustedBase.map((e) => [e.kind, e.name, e.lines, e.span.start.line])).toEqual([
      ['assume', 'assume', 1, 58],
      ['external_body', 'PageAllocator::zero_page', 7, 69],
      ['asm', 'global_asm!', 5, 81],
      ['asm', 'asm!', 1, 90],
    ]);
    expect(r.trustedBase.reduce((a, e) => a + e.lines, 0)).toBe(r.total.trusted);
  });

  it('totals, ratio, modules and directories over several files', () => {
    const r = statsForSources(
      new Map([
        ['src/mm/alloc.rs', fixture('alloc.rs')],
        ['src/edge.rs', fixture('edge.rs')],
        ['src/mm/mod.rs', SMALL],
        ['README.md', '# not rust'],
        ['target/debug/gen.rs', 'fn generated() {}'],
      ]),
    );
    expect(r.version).toBe(1);
    expect(r.files.map((f) => f.file)).toEqual(['src/edge.rs', 'src/mm/alloc.rs', 'src/mm/mod.rs']);
    // alloc: 26/23/11/14/5/12, edge: 20/6/7/8/3/1, SMALL: lines 1,2,4,6,7,8 exec, 3 spec, 5 proof
    const small = r.files[2]!;
    expect(small.counts).toEqual({ exec: 6, spec: 1, proof: 1, trusted: 0, comment: 0, blank: 0 });
    expect(r.total).toMatchObject({
      exec: 26 + 20 + 6,
      spec: 23 + 6 + 1,
      proof: 11 + 7 + 1,
      trusted: 14 + 8,
      comment: 5 + 3,
      blank: 12 + 1,
      lines: 91 + 45 + 8,
      files: 3,
      functions: 6 + 9 + 1,
    });
    expect(r.total.ratio).toBeCloseTo((23 + 6 + 1 + 11 + 7 + 1) / (26 + 20 + 6), 10);
    expect(r.modules.map((m) => [m.module, m.functions, m.trustedEntries])).toEqual([
      ['src/edge', 9, 4],
      ['src/mm/alloc', 6, 4],
      ['src/mm', 1, 0],
    ]);
    const dirs = new Map(r.directories.map((d) => [d.directory, d]));
    expect([...dirs.keys()]).toEqual(['.', 'src', 'src/mm']);
    expect(dirs.get('.')!.lines).toBe(r.total.lines);
    expect(dirs.get('src/mm')).toMatchObject({ files: 2, functions: 7, lines: 99 });
    expect(r.functions.map((f) => f.file)).toEqual([...Array(9).fill('src/edge.rs'), ...Array(6).fill('src/mm/alloc.rs'), 'src/mm/mod.rs']);
  });

  it('JSON document round-trips with the documented top-level shape', () => {
    const r = statsForSources(new Map([['a.rs', SMALL]]));
    const j = JSON.parse(JSON.stringify(r)) as StatsReport;
    expect(Object.keys(j).sort()).toEqual(['diagnostics', 'directories', 'files', 'functions', 'modules', 'total', 'trustedBase', 'version']);
    expect(Object.keys(j.total).sort()).toEqual(
      ['blank', 'comment', 'exec', 'files', 'functions', 'lines', 'proof', 'ratio', 'spec', 'trusted', 'unverified'].sort(),
    );
    expect(j.functions[0]).toMatchObject({
      name: 'f',
      file: 'a.rs',
      span: { start: { line: 2, column: 1 }, end: { line: 7, column: 2 } },
      mode: 'exec',
      trusted: false,
    });
  });

  it('diagnostics name the file; malformed input never throws', () => {
    const r = statsForSources(new Map([['bad.rs', fixture('malformed.rs')]]));
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics.every((d) => d.file === 'bad.rs' && d.source === 'stats')).toBe(true);
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('a.rs', 'b/c.rs', 'd/mod.rs'), fc.string({ maxLength: 80 })), (files) => {
        const rep = statsForSources(new Map(Object.entries(files)));
        const sum = rep.files.reduce((a, f) => a + f.lines, 0);
        expect(rep.total.lines).toBe(sum);
        expect(rep.total.exec + rep.total.spec + rep.total.proof + rep.total.trusted + rep.total.comment + rep.total.blank).toBe(sum);
      }),
      { numRuns: 200 },
    );
  });
});

describe('ratio and modules', () => {
  it('ratio is (spec + proof) / exec, null without exec lines', () => {
    expect(proofRatio({ exec: 4, spec: 3, proof: 9 })).toBe(3);
    expect(proofRatio({ exec: 0, spec: 3, proof: 9 })).toBeNull();
    expect(formatRatio(3.123)).toBe('3.12:1');
    expect(formatRatio(null)).toBe('n/a');
    expect(statsForSources(new Map([['s.rs', 'verus! {\nspec fn f() -> int { 1 }\n}\n']])).total).toMatchObject({ exec: 2, spec: 1, ratio: 0.5 });
    expect(statsForSources(new Map([['c.rs', '// only a comment\n']])).total.ratio).toBeNull();
  });

  it('module names', () => {
    expect(moduleOf('src/mm/alloc.rs')).toBe('src/mm/alloc');
    expect(moduleOf('src/mm/mod.rs')).toBe('src/mm');
    expect(moduleOf('src/lib.rs')).toBe('src');
    expect(moduleOf('main.rs')).toBe('.');
    expect(moduleOf('src\\ipc.rs')).toBe('src/ipc');
  });
});

describe('computeStats', () => {
  write('ws/src/main.rs', SMALL);
  write('ws/src/mm/alloc.rs', fixture('alloc.rs'));
  write('ws/target/debug/build/out.rs', 'fn skipped() {}\n');
  write('ws/.stratos/cache.rs', 'fn skipped() {}\n');
  write('ws/node_modules/x/y.rs', 'fn skipped() {}\n');
  write('ws/notes.txt', 'not rust');

  it('walks the workspace, skipping target/, .stratos/ and node_modules/', async () => {
    const r = await computeStats(path.join(tmp, 'ws'));
    expect(r.files.map((f) => f.file)).toEqual(['src/main.rs', 'src/mm/alloc.rs']);
    expect(r.functions.some((f) => f.name === 'skipped')).toBe(false);
    expect(r.total.lines).toBe(8 + 91);
  });

  it('restricts to paths, and agrees with statsForSources', async () => {
    const r = await computeStats(path.join(tmp, 'ws'), ['src/mm']);
    expect(r.files.map((f) => f.file)).toEqual(['src/mm/alloc.rs']);
    const same = statsForSources(new Map([['src/mm/alloc.rs', fixture('alloc.rs')]]));
    expect(r).toEqual(same);
  });

  it('unsaved buffers override the files on disk', async () => {
    const r = await computeStats(path.join(tmp, 'ws'), undefined, { overlay: new Map([['src/main.rs', '// emptied\n']]) });
    expect(r.files[0]).toMatchObject({ file: 'src/main.rs', lines: 1, counts: { comment: 1 } });
  });

  it('rejects a missing root or path', async () => {
    await expect(computeStats(path.join(tmp, 'nope'))).rejects.toThrow();
    await expect(computeStats(path.join(tmp, 'ws'), ['src/missing.rs'])).rejects.toThrow();
  });
});
