import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StatsReport } from '../../app/stats';
import { help, run } from '../cli/stats';

const fixtures = new URL('./fixtures/', import.meta.url).pathname;

async function capture(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    err += String(s);
    return true;
  });
  try {
    const code = await run(args);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('stratos stats', () => {
  it('--json prints one version-1 document', async () => {
    const { code, out } = await capture([fixtures, '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out) as StatsReport;
    expect(r.version).toBe(1);
    expect(r.files.map((f) => f.file)).toEqual(['alloc.rs', 'edge.rs', 'malformed.rs']);
    expect(r.total.exec).toBe(26 + 20 + r.files[2]!.counts.exec);
    expect(r.total.ratio).toBeCloseTo((r.total.spec + r.total.proof) / r.total.exec, 12);
  });

  it('human output: a table per file, totals and the ratio as N.NN:1', async () => {
    const { code, out } = await capture([path.join(fixtures, 'alloc.rs'), '--functions', '--trusted']);
    expect(code).toBe(0);
    expect(out).toMatch(/^file\s+exec\s+spec\s+proof\s+trusted\s+comment\s+blank\s+lines\s+ratio$/m);
    expect(out).toMatch(/^alloc\.rs\s+26\s+23\s+11\s+14\s+5\s+12\s+91\s+1\.31:1$/m);
    expect(out).toMatch(/^total \(1 file\)\s+26\s+23\s+11\s+14\s+5\s+12\s+91\s+1\.31:1$/m);
    expect(out).toContain('proof-to-code ratio (spec + proof) / exec: 1.31:1');
    expect(out).toContain('trusted base: 4 entries');
    expect(out).toMatch(/PageAllocator::alloc\s+alloc\.rs:38\s+exec/);
    expect(out).toMatch(/global_asm!\s+asm\s+alloc\.rs:81-85\s+5/);
  });

  it('--annotate prints every line with its category', async () => {
    const { code, out } = await capture([path.join(fixtures, 'alloc.rs'), '--annotate']);
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe('== alloc.rs');
    expect(lines).toHaveLength(92);
    expect(lines[12]).toBe('   12 spec  |     pub ghost_free: Ghost<Set<usize>>,');
    expect(lines[58]).toBe('   58 TRUST |                     assume(self.wf());');
  });

  it('--history --json gives the totals per commit', async () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'stratos-cli-history-'));
    try {
      const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };
      writeFileSync(path.join(repo, 'a.rs'), 'verus! {\nspec fn f() -> int { 1 }\n}\n');
      execFileSync('git', ['init', '-q'], { cwd: repo, env });
      execFileSync('git', ['add', '.'], { cwd: repo, env });
      execFileSync('git', ['commit', '-qm', 'c1'], { cwd: repo, env });
      const { code, out } = await capture([repo, '--history', '5', '--json']);
      expect(code).toBe(0);
      const doc = JSON.parse(out) as { version: number; history: Array<{ subject: string; total: { spec: number; ratio: number } }> };
      expect(doc.version).toBe(1);
      expect(doc.history.map((h) => [h.subject, h.total.spec, h.total.ratio])).toEqual([['c1', 1, 0.5]]);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  it('exit 2 on usage and I/O errors', async () => {
    expect((await capture(['--bogus'])).code).toBe(2);
    expect((await capture(['a', 'b'])).code).toBe(2);
    const missing = await capture([path.join(fixtures, 'does-not-exist')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('cannot read');
    expect(help).toContain('--json');
  });
});
