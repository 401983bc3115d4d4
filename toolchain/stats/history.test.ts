import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { statsToCsv } from '../../app/stats';
import { statsHistory } from './history';
import { statsForSources } from './stats';

const tmp = mkdtempSync(path.join(tmpdir(), 'stratos-history-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function sh(cwd: string, ...args: string[]): void {
  execFileSync('git', args, { cwd, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
}
function write(rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
  writeFileSync(path.join(tmp, rel), text);
}

describe('statsHistory', () => {
  const ws = path.join(tmp, 'ws');
  write('ws/src/a.rs', 'verus! {\nfn f() {\n    assert(true);\n}\n}\n');
  write('outside.rs', 'fn not_in_workspace() {}\n');
  sh(tmp, 'init', '-q');
  sh(tmp, 'add', '.');
  sh(tmp, 'commit', '-qm', 'first');
  write('ws/src/b.rs', 'verus! {\nspec fn g() -> int {\n    1\n}\n}\n');
  write('ws/target/gen.rs', 'fn skipped() {}\n');
  sh(tmp, 'add', '-f', '.');
  sh(tmp, 'commit', '-qm', 'second, with a "quoted" subject');
  // The working tree differs from every commit: history must come from the commits.
  write('ws/src/a.rs', '// emptied\n');

  it('computes totals from each commit, oldest first, relative to a subdirectory root', async () => {
    const h = await statsHistory(ws, { cacheFile: null });
    expect(h.map((c) => c.subject)).toEqual(['first', 'second, with a "quoted" subject']);
    expect(h[0]!.total).toMatchObject({ files: 1, exec: 4, proof: 1, spec: 0, ratio: 0.25 });
    expect(h[1]!.total).toMatchObject({ files: 2, exec: 6, proof: 1, spec: 3, ratio: 4 / 6 });
    expect(h[1]!.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(Number.isNaN(Date.parse(h[1]!.date))).toBe(false);
  });

  it('caches per commit and reuses the cache', async () => {
    const cacheFile = path.join(tmp, 'cache', 'history.json');
    const first = await statsHistory(ws, { cacheFile });
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8'));
    expect(Object.keys(cache.commits).sort()).toEqual(first.map((c) => c.commit).sort());
    // Tamper with the cache: a second run must return the cached value, not recompute.
    cache.commits[first[0]!.commit].total.exec = 999;
    writeFileSync(cacheFile, JSON.stringify(cache));
    const second = await statsHistory(ws, { cacheFile });
    expect(second[0]!.total.exec).toBe(999);
    expect(second[1]!.total.exec).toBe(6);
  });

  it('limits the number of commits and rejects outside a git work tree', async () => {
    expect((await statsHistory(ws, { cacheFile: null, maxCommits: 1 })).map((c) => c.subject)).toEqual(['second, with a "quoted" subject']);
    const plain = mkdtempSync(path.join(tmpdir(), 'stratos-nogit-'));
    try {
      await expect(statsHistory(plain, { cacheFile: null })).rejects.toThrow();
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});

describe('statsToCsv', () => {
  const report = statsForSources(
    new Map([
      ['src/a,b.rs', 'verus! {\n#[verifier::external_body]\nfn f() {}\nfn g() { assert(true); }\n}\n'],
      ['src/c.rs', '// nothing\n'],
    ]),
  );

  it('files: header, quoted cells, empty ratio when null', () => {
    expect(statsToCsv(report, 'files')).toBe(
      [
        'file,module,exec,spec,proof,trusted,comment,blank,lines,ratio,unverified',
        '"src/a,b.rs","src/a,b",2,0,1,2,0,0,5,0.5,0',
        'src/c.rs,src/c,0,0,0,0,1,0,1,,0',
        '',
      ].join('\n'),
    );
  });

  it('functions and trusted base', () => {
    const fns = statsToCsv(report, 'functions').trim().split('\n');
    expect(fns[0]).toBe('name,file,line,column,endLine,endColumn,mode,trustedFunction,verified,exec,spec,proof,trusted,comment,blank,lines,ratio');
    expect(fns.slice(1)).toEqual(['f,"src/a,b.rs",3,1,3,10,exec,true,false,0,0,0,1,0,0,1,', 'g,"src/a,b.rs",4,1,4,25,exec,false,true,0,0,1,0,0,0,1,']);
    expect(statsToCsv(report, 'trustedBase').trim().split('\n')).toEqual([
      'kind,name,file,line,endLine,lines,function',
      'external_body,f,"src/a,b.rs",2,3,2,',
    ]);
    expect(statsToCsv(report, 'modules').split('\n')[0]).toBe('module,file,functions,trustedEntries,exec,spec,proof,trusted,comment,blank,lines,ratio');
    expect(statsToCsv(report, 'directories').split('\n')[1]).toBe('.,2,2,2,0,1,2,1,0,6,0.5');
  });
});
