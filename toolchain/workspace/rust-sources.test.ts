import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { findRustSources, isWorkspaceRustSource, readRustSources } from './rust-sources';

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'stratos-sources-'));
  roots.push(root);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

describe('rust sources of a workspace', () => {
  it('reads the .rs files, skipping target/, .stratos/, node_modules/ and .git/', async () => {
    const root = tree({ 'src/a.rs': 'a', 'src/m/b.rs': 'b', 'notes.txt': 'n', 'target/x.rs': 't', '.stratos/backups/y.rs': 's', 'node_modules/p/z.rs': 'z', '.git/w.rs': 'w' });
    expect([...(await readRustSources(root))]).toEqual([
      ['src/a.rs', 'a'],
      ['src/m/b.rs', 'b'],
    ]);
    expect([...(await readRustSources(root, ['src/m']))].map(([k]) => k)).toEqual(['src/m/b.rs']);
  });

  it('does not follow symlinked directories, and takes a symlinked file only inside the root', async () => {
    const outside = tree({ 'secret.rs': 'outside' });
    const root = tree({ 'src/a.rs': 'a' });
    symlinkSync(path.join(outside, 'secret.rs'), path.join(root, 'src/leak.rs'));
    symlinkSync(path.join(root, 'src/a.rs'), path.join(root, 'src/alias.rs'));
    symlinkSync(path.join(root, 'src'), path.join(root, 'src/loop'));
    const { files } = await findRustSources(root);
    expect(files.map((f) => path.relative(root, f))).toEqual(['src/a.rs', 'src/alias.rs']);
  });

  it('rejects a missing path', async () => {
    const root = tree({});
    await expect(findRustSources(root, ['nope'])).rejects.toThrow();
  });

  it('classifies workspace-relative paths', () => {
    expect(isWorkspaceRustSource('src/a.rs')).toBe(true);
    expect(isWorkspaceRustSource('target/debug/a.rs')).toBe(false);
    expect(isWorkspaceRustSource('src/a.txt')).toBe(false);
  });
});
