import { spawn } from 'node:child_process';
import { mkdtempSync, promises as fs, readdirSync, readFileSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api';
import type { FileChange } from '../../app/workspace';
import { TEMP_MARKER } from './atomic-write';
import { WorkspaceService, versionOf } from './workspace-service';

let root: string;
let outside: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'stratos-ws-'));
  outside = mkdtempSync(path.join(tmpdir(), 'stratos-outside-'));
  mkdirSync(path.join(root, 'src'));
  writeFileSync(path.join(root, 'src', 'main.rs'), 'fn main() {}\n');
  writeFileSync(path.join(outside, 'secret.txt'), 'secret');
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
  await fs.rm(outside, { recursive: true, force: true });
});

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    return e instanceof ApiError ? e.code : `unexpected: ${String(e)}`;
  }
  return 'no error';
}

describe('path confinement', () => {
  it('refuses .., absolute paths and internal directories', async () => {
    const ws = new WorkspaceService(root);
    expect(await errorCode(ws.read('../' + path.basename(outside) + '/secret.txt'))).toBe('outside-workspace');
    expect(await errorCode(ws.read('src/../../x'))).toBe('outside-workspace');
    expect(await errorCode(ws.read(path.join(outside, 'secret.txt')))).toBe('outside-workspace');
    expect(await errorCode(ws.write('/etc/passwd', 'x'))).toBe('outside-workspace');
    expect(await errorCode(ws.read('.git/config'))).toBe('outside-workspace');
    expect(await errorCode(ws.read('.stratos/backups/x.json'))).toBe('outside-workspace');
  });

  it('refuses symlinks whose target leaves the workspace, for reads and writes', async () => {
    symlinkSync(outside, path.join(root, 'link'));
    symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'file-link'));
    const ws = new WorkspaceService(root);
    expect(await errorCode(ws.read('link/secret.txt'))).toBe('outside-workspace');
    expect(await errorCode(ws.read('file-link'))).toBe('outside-workspace');
    expect(await errorCode(ws.write('link/new.rs', 'x'))).toBe('outside-workspace');
    expect(readdirSync(outside)).toEqual(['secret.txt']);
  });

  it('allows symlinks that stay inside', async () => {
    symlinkSync(path.join(root, 'src'), path.join(root, 'alias'));
    const ws = new WorkspaceService(root);
    expect((await ws.read('alias/main.rs')).text).toBe('fn main() {}\n');
  });
});

describe('reading and saving', () => {
  it('lists the tree without internal directories', async () => {
    mkdirSync(path.join(root, '.stratos'));
    mkdirSync(path.join(root, 'target'));
    const tree = await new WorkspaceService(root).tree();
    expect(tree.children?.map((c) => c.path)).toEqual(['src']);
    expect(tree.children?.[0]?.children?.map((c) => c.path)).toEqual(['src/main.rs']);
  });

  it('saves atomically and returns the new version', async () => {
    const ws = new WorkspaceService(root);
    const { version } = await ws.write('src/main.rs', 'fn main() { loop {} }\n');
    expect(version).toBe(versionOf('fn main() { loop {} }\n'));
    expect(readFileSync(path.join(root, 'src/main.rs'), 'utf8')).toBe('fn main() { loop {} }\n');
    expect(readdirSync(path.join(root, 'src'))).toEqual(['main.rs']);
  });

  it('a crash between writing the temporary file and the rename leaves the old file intact', async () => {
    const ws = new WorkspaceService(root, {
      afterTempWritten: () => {
        throw new Error('simulated crash');
      },
    });
    expect(await errorCode(ws.write('src/main.rs', 'new content'))).toBe('io');
    expect(readFileSync(path.join(root, 'src/main.rs'), 'utf8')).toBe('fn main() {}\n');
    expect(readdirSync(path.join(root, 'src')).filter((n) => n.includes(TEMP_MARKER))).toEqual([]);
  });

  it('kill -9 at random moments leaves either the old or the new file, never a truncated one', async () => {
    const target = path.join(root, 'src', 'big.rs');
    const versions = ['A'.repeat(2_000_000), 'B'.repeat(2_000_000)];
    writeFileSync(target, versions[0]!);
    const script = `
      import { writeFileAtomic } from ${JSON.stringify(path.resolve(__dirname, 'atomic-write.ts'))};
      const texts = [${JSON.stringify('A')}.repeat(2000000), ${JSON.stringify('B')}.repeat(2000000)];
      let i = 1;
      for (;;) { await writeFileAtomic(${JSON.stringify(target)}, texts[i % 2]); i++; process.stdout.write('.'); }
    `;
    let completedWrites = 0;
    for (let round = 0; round < 6; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        stdio: ['ignore', 'pipe', 'ignore'],
        cwd: path.resolve(__dirname, '../..'),
      });
      child.stdout.on('data', (d: Buffer) => (completedWrites += d.length));
      await new Promise((r) => setTimeout(r, 600 + round * 137));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const content = readFileSync(target, 'utf8');
      expect(versions).toContain(content);
    }
    // The kills must have landed while saves were really happening.
    expect(completedWrites).toBeGreaterThan(3);
  }, 60_000);

  it('refuses to overwrite a file that changed on disk behind a dirty buffer', async () => {
    const ws = new WorkspaceService(root);
    const opened = await ws.read('src/main.rs');
    writeFileSync(path.join(root, 'src/main.rs'), 'changed behind the editor\n');
    expect(await errorCode(ws.write('src/main.rs', 'my edit', opened.version))).toBe('conflict');
    expect(readFileSync(path.join(root, 'src/main.rs'), 'utf8')).toBe('changed behind the editor\n');
    // Once the user chose to keep their edit, the host saves against the new disk version.
    const disk = await ws.read('src/main.rs');
    await ws.write('src/main.rs', 'my edit', disk.version);
    expect(readFileSync(path.join(root, 'src/main.rs'), 'utf8')).toBe('my edit');
    // Whichever side the user drops is kept in .stratos/history.
    const { location } = await ws.keepInHistory('src/main.rs', 'changed behind the editor\n');
    expect(location).toMatch(/^\.stratos\/history\/src\/main\.rs~/);
    expect(readFileSync(path.join(root, location), 'utf8')).toBe('changed behind the editor\n');
    // A file created as new must not exist yet.
    expect(await errorCode(ws.write('src/main.rs', 'x', null))).toBe('conflict');
  });
});

describe('hot-exit backups', () => {
  it('restores unsaved buffers after a restart and forgets them once discarded', async () => {
    const first = new WorkspaceService(root);
    const opened = await first.read('src/main.rs');
    await first.writeBackup('src/main.rs', 'unsaved work', opened.version);
    await first.writeBackup('src/new.rs', 'brand new', null);

    const second = new WorkspaceService(root); // a new process after a crash
    const backups = await second.listBackups();
    expect(backups.map((b) => [b.path, b.text, b.baseVersion])).toEqual([
      ['src/main.rs', 'unsaved work', opened.version],
      ['src/new.rs', 'brand new', null],
    ]);
    await second.discardBackup('src/main.rs');
    expect((await second.listBackups()).map((b) => b.path)).toEqual(['src/new.rs']);
  });

  it('ignores corrupt backups and backups naming paths outside the workspace', async () => {
    const ws = new WorkspaceService(root);
    await ws.writeBackup('src/main.rs', 'ok', null);
    const dir = path.join(root, '.stratos', 'backups');
    writeFileSync(path.join(dir, 'corrupt.json'), '{"path": "src/x.rs", "te');
    writeFileSync(path.join(dir, 'evil.json'), JSON.stringify({ path: '../evil', text: 'x', baseVersion: null, savedAt: 0 }));
    expect((await ws.listBackups()).map((b) => b.path)).toEqual(['src/main.rs']);
  });
});

describe('watching', () => {
  it('reports files added, changed and removed on disk', async () => {
    const ws = new WorkspaceService(root);
    const changes: FileChange[] = [];
    await ws.watch((c) => changes.push(c));
    try {
      writeFileSync(path.join(root, 'src', 'added.rs'), 'a');
      const until = async (pred: () => boolean) => {
        for (let i = 0; i < 100 && !pred(); i++) await new Promise((r) => setTimeout(r, 50));
        expect(pred()).toBe(true);
      };
      await until(() => changes.some((c) => c.path === 'src/added.rs' && c.kind === 'added'));
      writeFileSync(path.join(root, 'src', 'main.rs'), 'changed');
      await until(() => changes.some((c) => c.path === 'src/main.rs' && c.kind === 'changed' && c.version === versionOf('changed')));
      await fs.rm(path.join(root, 'src', 'added.rs'));
      await until(() => changes.some((c) => c.path === 'src/added.rs' && c.kind === 'removed'));
      mkdirSync(path.join(root, '.stratos'), { recursive: true });
      writeFileSync(path.join(root, '.stratos', 'ignored.json'), '{}');
      await new Promise((r) => setTimeout(r, 300));
      expect(changes.some((c) => c.path.startsWith('.stratos'))).toBe(false);
    } finally {
      await ws.unwatch();
    }
  });
});
