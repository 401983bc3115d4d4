// Reliability of the workspace service under races and crashes (issue 14, rows 2, 5, 6 and 9):
// linearizable saves, kill -9 durability, FIFOs never opened, the boundary under symlink swaps,
// temp-file sweeping and long names. Every loop here is bounded in time.
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, constants, existsSync, mkdirSync, mkdtempSync, openSync, promises as fs, readdirSync, readFileSync, renameSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api';
import { readRustSources } from './rust-sources';
import { WorkspaceService, versionOf } from './workspace-service';

const REPO = path.resolve(__dirname, '../..');
let root: string;
let outside: string;
const fifos: string[] = [];

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'stratos-rel-'));
  outside = mkdtempSync(path.join(tmpdir(), 'stratos-rel-outside-'));
  mkdirSync(path.join(root, 'src'));
  writeFileSync(path.join(root, 'src', 'main.rs'), 'fn main() {}\n');
});

afterEach(async () => {
  // A reader blocked on a FIFO (the bug this file tests) is released by opening the writing end.
  for (const fifo of fifos.splice(0)) {
    try {
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // no reader waiting
    }
  }
  await fs.rm(root, { recursive: true, force: true });
  await fs.rm(outside, { recursive: true, force: true });
});

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (e) {
    return e instanceof ApiError ? e.code : `unexpected: ${String(e)}`;
  }
}

function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not complete within ${ms} ms`)), ms))]);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('linearizable saves', () => {
  it('two quick saves to one path: the later one always wins (20 rounds)', async () => {
    const ws = new WorkspaceService(root);
    let laterWins = 0;
    for (let round = 0; round < 20; round++) {
      const first = `first ${round}\n`.repeat(20_000);
      const second = `second ${round}\n`;
      await Promise.all([ws.write('src/main.rs', first), ws.write('src/main.rs', second)]);
      if (readFileSync(path.join(root, 'src/main.rs'), 'utf8') === second) laterWins++;
    }
    expect(laterWins).toBe(20);
  });

  it('quick saves chained on the version each one produces all succeed, in order', async () => {
    const ws = new WorkspaceService(root);
    let base = versionOf('fn main() {}\n');
    const saves: Promise<string>[] = [];
    for (let i = 0; i < 10; i++) {
      const text = `v${i}\n`.repeat(1000 * (10 - i));
      saves.push(outcome(ws.write('src/main.rs', text, base)));
      base = versionOf(text);
    }
    expect(await Promise.all(saves)).toEqual(Array(10).fill('ok'));
    expect(readFileSync(path.join(root, 'src/main.rs'), 'utf8')).toBe('v9\n'.repeat(1000));
  });

  it('a stale expectedVersion is refused with conflict', async () => {
    const ws = new WorkspaceService(root);
    const v0 = versionOf('fn main() {}\n');
    await ws.write('src/main.rs', 'one', v0);
    expect(await outcome(ws.write('src/main.rs', 'two', v0))).toBe('conflict');
    expect(readFileSync(path.join(root, 'src/main.rs'), 'utf8')).toBe('one');
  });

  it('an external writer racing saves is never overwritten silently (300 rounds, in place and by rename)', async () => {
    const ws = new WorkspaceService(root);
    const file = path.join(root, 'src/main.rs');
    const counts = { ok: 0, conflict: 0, lost: 0 };
    const deadline = Date.now() + 20_000;
    for (let round = 0; round < 300 && Date.now() < deadline; round++) {
      const { version } = await ws.read('src/main.rs');
      const external = `external ${round}\n`;
      const save = outcome(ws.write('src/main.rs', `saved ${round}\n`.repeat(2000), version));
      await sleep(Math.random() * 4);
      if (round % 2 === 0) {
        await fs.writeFile(file, external); // in place (truncate + write), as rustfmt does
      } else {
        const temp = path.join(outside, 'ext');
        await fs.writeFile(temp, external);
        await fs.copyFile(temp, path.join(root, 'src', 'ext.tmp'));
        await fs.rename(path.join(root, 'src', 'ext.tmp'), file); // replaced by rename, as many editors do
      }
      const result = await save;
      if (result === 'ok') counts.ok++;
      else if (result === 'conflict') counts.conflict++;
      else throw new Error(result);
      // The external write happened after the read the save was based on: whatever the order,
      // the disk must end with it (the save either came first or was refused).
      if (readFileSync(file, 'utf8') !== external) counts.lost++;
    }
    console.log(`external-writer race: ${JSON.stringify(counts)}`);
    expect(counts.lost).toBe(0);
    expect(counts.ok + counts.conflict).toBeGreaterThanOrEqual(100);
  }, 60_000);

  it('kill -9 while saves are in flight: the disk holds the last acknowledged version or a newer one (10 rounds)', async () => {
    const file = path.join(root, 'src', 'main.rs');
    const textOf = (k: number) => `version ${k}\n` + `${k % 10}`.repeat(300_000) + '\n';
    const script = `
      import { WorkspaceService, versionOf } from ${JSON.stringify(path.resolve(__dirname, 'workspace-service.ts'))};
      import { readFileSync } from 'node:fs';
      const ws = new WorkspaceService(${JSON.stringify(root)});
      const textOf = ${textOf.toString()};
      const first = Number(/^version (\\d+)/.exec(readFileSync(${JSON.stringify(file)}, 'utf8'))?.[1] ?? 0);
      let base = versionOf(readFileSync(${JSON.stringify(file)}, 'utf8'));
      let next = first + 1;
      const inFlight = new Set();
      for (;;) {
        while (inFlight.size < 3) {
          const k = next++;
          const text = textOf(k);
          const p = ws.write('src/main.rs', text, base).then(
            () => { process.stdout.write(k + '\\n'); inFlight.delete(p); },
            (e) => { process.stderr.write('save ' + k + ' failed: ' + e.code + ' ' + e.message + '\\n'); process.exit(1); },
          );
          inFlight.add(p);
          base = versionOf(text);
        }
        await Promise.race(inFlight);
      }
    `;
    writeFileSync(file, textOf(0));
    const figures: string[] = [];
    for (let round = 0; round < 10; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'], cwd: REPO });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const exited = new Promise<NodeJS.Signals | number | null>((r) => child.once('exit', (code, signal) => r(signal ?? code)));
      // Wait for the first acknowledgements, then kill at a random moment.
      for (let i = 0; i < 200 && !out.includes('\n'); i++) await sleep(25);
      await sleep(50 + Math.random() * 400);
      child.kill('SIGKILL');
      const how = await exited;
      expect(err).toBe('');
      expect(how).toBe('SIGKILL');
      const acknowledged = out.split('\n').filter(Boolean).map(Number);
      const lastAck = Math.max(0, ...acknowledged);
      new WorkspaceService(root); // a restart: recovery of an interrupted save
      await sleep(50);
      await new WorkspaceService(root).ready;
      const content = readFileSync(file, 'utf8');
      const onDisk = Number(/^version (\d+)/.exec(content)?.[1] ?? -1);
      figures.push(`${acknowledged.length} acks, last ${lastAck}, disk ${onDisk}`);
      expect(onDisk).toBeGreaterThanOrEqual(lastAck);
      expect(content).toBe(textOf(onDisk));
    }
    console.log(`kill -9 rounds: ${figures.join('; ')}`);
  }, 120_000);
});

describe('files that are not regular files', () => {
  it('four FIFOs under src/ never block reads, listing, the watcher or source reading', async () => {
    const ws = new WorkspaceService(root);
    await ws.watch(() => undefined);
    try {
      for (const name of ['a.rs', 'b.rs', 'c.rs', 'd.txt']) {
        const fifo = path.join(root, 'src', name);
        execFileSync('mkfifo', [fifo]);
        fifos.push(fifo);
      }
      await sleep(300); // the watcher sees them appear
      for (const name of ['a.rs', 'b.rs', 'c.rs', 'd.txt']) {
        const error = await within(2000, ws.read(`src/${name}`).then(() => null, (e: unknown) => e), `read src/${name}`);
        expect(error).toBeInstanceOf(ApiError);
        expect((error as ApiError).message).toMatch(/not a regular file/);
      }
      expect(await within(2000, outcome(ws.write('src/a.rs', 'x', versionOf(''))), 'save over a FIFO')).toBe('invalid-argument');
      const tree = await within(2000, ws.tree(), 'tree');
      expect(tree.children?.find((c) => c.path === 'src')?.children?.map((c) => c.path)).toEqual(['src/main.rs']);
      const sources = await within(2000, readRustSources(root), 'readRustSources');
      expect([...sources.keys()]).toEqual(['src/main.rs']);
      await expect(within(2000, readRustSources(root, ['src/a.rs']), 'readRustSources of a FIFO')).rejects.toThrow(/not a regular file/);
      // Every libuv worker thread is still free: ordinary I/O completes promptly.
      expect((await within(2000, ws.read('src/main.rs'), 'read after FIFOs')).text).toBe('fn main() {}\n');
      expect(await within(2000, outcome(ws.write('src/main.rs', 'fn main() { }\n')), 'save after FIFOs')).toBe('ok');
    } finally {
      await ws.unwatch();
    }
  });
});

describe('the workspace boundary against symlinks', () => {
  it('aliases of .git and .stratos are refused, for reads and writes', async () => {
    mkdirSync(path.join(root, '.git', 'hooks'), { recursive: true });
    writeFileSync(path.join(root, '.git', 'config'), '[core]\n');
    mkdirSync(path.join(root, '.stratos'));
    writeFileSync(path.join(root, '.stratos', 'settings.json'), '{}');
    symlinkSync(path.join(root, '.git'), path.join(root, 'gitlink'));
    symlinkSync('../.stratos', path.join(root, 'src', 'st'));
    symlinkSync('../.stratos/settings.json', path.join(root, 'src', 'settings.json'));
    const ws = new WorkspaceService(root);
    expect(await outcome(ws.write('gitlink/hooks/post-checkout', '#!/bin/sh\n'))).toBe('outside-workspace');
    expect(await outcome(ws.read('gitlink/config'))).toBe('outside-workspace');
    expect(await outcome(ws.write('src/st/settings.json', '{"proofGate":false}'))).toBe('outside-workspace');
    expect(await outcome(ws.write('src/settings.json', '{"proofGate":false}'))).toBe('outside-workspace');
    expect(await outcome(ws.read('src/settings.json'))).toBe('outside-workspace');
    expect(existsSync(path.join(root, '.git', 'hooks', 'post-checkout'))).toBe(false);
    expect(readFileSync(path.join(root, '.stratos', 'settings.json'), 'utf8')).toBe('{}');
  });

  it('directories swapped for symlinks to outside while saves and reads run: nothing lands or is read outside', async () => {
    // src/d is always a symlink, switched atomically between src/real (inside) and outside;
    // src/e is a real directory, switched for a symlink to outside (a short gap in between).
    const src = path.join(root, 'src');
    mkdirSync(path.join(src, 'real'));
    mkdirSync(path.join(src, 'e'));
    for (const dir of [path.join(src, 'real'), path.join(src, 'e'), outside]) writeFileSync(path.join(dir, 'r.rs'), dir === outside ? 'SECRET' : 'inside');
    symlinkSync(path.join(src, 'real'), path.join(src, 'd'));
    symlinkSync(outside, path.join(src, 'evil'));
    const swapper = spawn(
      process.execPath,
      [
        '-e',
        `const fs = require('fs'); const p = require('path'); const s = ${JSON.stringify(src)}; const out = ${JSON.stringify(outside)};
         const end = Date.now() + 30000; let swaps = 0;
         const link = (target, name) => { try { fs.unlinkSync(p.join(s, 'tmp')); } catch {} fs.symlinkSync(target, p.join(s, 'tmp')); fs.renameSync(p.join(s, 'tmp'), p.join(s, name)); };
         while (Date.now() < end) {
           try {
             link(out, 'd'); link(p.join(s, 'real'), 'd');
             fs.renameSync(p.join(s, 'e'), p.join(s, 'ereal')); fs.renameSync(p.join(s, 'evil'), p.join(s, 'e'));
             fs.renameSync(p.join(s, 'e'), p.join(s, 'evil')); fs.renameSync(p.join(s, 'ereal'), p.join(s, 'e'));
             swaps++;
           } catch (err) {
             // A save recreated src/e while it was away: put the real directory back.
             try { if (fs.existsSync(p.join(s, 'ereal'))) { fs.rmSync(p.join(s, 'e'), { recursive: true, force: true }); fs.renameSync(p.join(s, 'ereal'), p.join(s, 'e')); } } catch {}
           }
         }`,
      ],
      { stdio: 'ignore' },
    );
    const ws = new WorkspaceService(root);
    const counts = { writes: 0, written: 0, reads: 0, secret: 0, refused: 0 };
    const deadline = Date.now() + 15_000;
    try {
      let next = 0;
      const lane = async () => {
        while (next < 3000 && Date.now() < deadline) {
          const i = next++;
          const dir = i % 2 === 0 ? 'd' : 'e';
          counts.writes++;
          if ((await outcome(ws.write(`src/${dir}/f${i}.rs`, `${i}`))) === 'ok') counts.written++;
          else counts.refused++;
          counts.reads++;
          try {
            if ((await ws.read(`src/${dir}/r.rs`)).text === 'SECRET') counts.secret++;
          } catch {
            counts.refused++;
          }
        }
      };
      await Promise.all([lane(), lane(), lane(), lane()]);
    } finally {
      swapper.kill('SIGKILL');
    }
    const landedOutside = readdirSync(outside).filter((n) => n !== 'r.rs');
    console.log(`symlink race: ${JSON.stringify(counts)}, landed outside: ${landedOutside.length}`);
    expect(landedOutside).toEqual([]);
    expect(counts.secret).toBe(0);
    expect(counts.writes).toBeGreaterThanOrEqual(1000);
    expect(counts.written).toBeGreaterThan(0);
  }, 60_000);
});

describe('temporary files and long names', () => {
  it('temp files left by a crash are swept at start: only ours, only older than a minute', async () => {
    const src = path.join(root, 'src');
    const old = Date.now() / 1000 - 120;
    for (const name of ['.stratos-tmp-0123456789ab', '.main.rs.stratos-tmp-abcdefabcdef', '.stratos-tmp-fe5800000000']) writeFileSync(path.join(src, name), 'partial');
    for (const name of ['.stratos-tmp-0123456789ab', '.main.rs.stratos-tmp-abcdefabcdef']) utimesSync(path.join(src, name), old, old);
    writeFileSync(path.join(src, 'notes.stratos-tmp.txt'), 'user file');
    utimesSync(path.join(src, 'notes.stratos-tmp.txt'), old, old);
    writeFileSync(path.join(src, '.stratos-tmp-fe5800000000'), 'being written by a live save');
    await new WorkspaceService(root).ready;
    expect(readdirSync(src).sort()).toEqual(['.stratos-tmp-fe5800000000', 'main.rs', 'notes.stratos-tmp.txt']);
  });

  it('a save interrupted between moving the old file aside and linking the new one is restored at start', async () => {
    const src = path.join(root, 'src');
    // The state a kill -9 leaves in that window: the old file under the hold name, the intent, the new temp.
    renameSync(path.join(src, 'main.rs'), path.join(src, '.stratos-tmp-00000000000a.old'));
    writeFileSync(path.join(src, '.stratos-tmp-00000000000a.name'), 'main.rs');
    writeFileSync(path.join(src, '.stratos-tmp-00000000000a'), 'unacknowledged new text');
    await new WorkspaceService(root).ready;
    expect(readFileSync(path.join(src, 'main.rs'), 'utf8')).toBe('fn main() {}\n');
  });

  it('names of 230-255 bytes can be saved; longer ones give invalid-argument, not internal', async () => {
    const ws = new WorkspaceService(root);
    for (const length of [230, 250, 255]) {
      const name = 'n'.repeat(length - 3) + '.rs';
      expect(await outcome(ws.write(`src/${name}`, 'x', null))).toBe('ok');
      expect((await ws.read(`src/${name}`)).text).toBe('x');
      expect(await outcome(ws.write(`src/${name}`, 'y', versionOf('x')))).toBe('ok');
      expect(await outcome(ws.keepInHistory(`src/${name}`, 'old'))).toBe('ok');
    }
    const tooLong = 'n'.repeat(300) + '.rs';
    expect(await outcome(ws.write(`src/${tooLong}`, 'x'))).toBe('invalid-argument');
    expect(await outcome(ws.read(`src/${tooLong}`))).toBe('invalid-argument');
    expect(readdirSync(path.join(root, 'src')).filter((n) => n.includes('stratos-tmp'))).toEqual([]);
  });
});
