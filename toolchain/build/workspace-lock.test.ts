import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireWorkspaceLock, lockFile, LockWaitAborted, processStartTime } from './workspace-lock';

let ws: string;
beforeEach(() => {
  ws = mkdtempSync(join(tmpdir(), 'stratos-lock-'));
});
afterEach(() => rmSync(ws, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('workspace locks', () => {
  it('one holder at a time: a second acquire waits until the first releases', async () => {
    const release = await acquireWorkspaceLock(ws, 'build', { purpose: 'first' });
    expect(JSON.parse(readFileSync(lockFile(ws, 'build'), 'utf8'))).toMatchObject({ pid: process.pid, purpose: 'first', startTime: processStartTime(process.pid) });
    const waits: string[] = [];
    let second = false;
    const pending = acquireWorkspaceLock(ws, 'build', { purpose: 'second', pollMs: 20, onWait: (h) => waits.push(h.purpose) }).then((r) => ((second = true), r));
    await sleep(150);
    expect(second).toBe(false);
    expect(waits).toEqual(['first']);
    await release();
    const releaseSecond = await pending;
    expect(JSON.parse(readFileSync(lockFile(ws, 'build'), 'utf8')).purpose).toBe('second');
    await releaseSecond();
    expect(existsSync(lockFile(ws, 'build'))).toBe(false);
  });

  it('the build and boot locks are independent', async () => {
    const boot = await acquireWorkspaceLock(ws, 'boot', { purpose: 'boot' });
    const build = await acquireWorkspaceLock(ws, 'build', { purpose: 'build' });
    await build();
    await boot();
  });

  it('a lock of a dead process, or of a reused pid, is stale and taken over', async () => {
    mkdirSync(join(ws, '.stratos'));
    const child = spawn('true');
    await new Promise((r) => child.once('exit', r));
    writeFileSync(lockFile(ws, 'build'), JSON.stringify({ pid: child.pid, startTime: '1', purpose: 'dead', since: '' }));
    await (await acquireWorkspaceLock(ws, 'build', { purpose: 'me' }))();
    // a live pid whose start time differs: the holder died and its pid went to another process
    writeFileSync(lockFile(ws, 'build'), JSON.stringify({ pid: process.pid, startTime: 'not-this-process', purpose: 'reused', since: '' }));
    await (await acquireWorkspaceLock(ws, 'build', { purpose: 'me' }))();
  });

  it('waits for a live process and takes the lock when it dies; an abort ends the wait', async () => {
    mkdirSync(join(ws, '.stratos'));
    const holder = spawn('sleep', ['30']);
    writeFileSync(lockFile(ws, 'boot'), JSON.stringify({ pid: holder.pid, startTime: processStartTime(holder.pid!), purpose: 'stratos boot', since: '' }));
    const controller = new AbortController();
    const aborted = acquireWorkspaceLock(ws, 'boot', { purpose: 'me', pollMs: 20, signal: controller.signal });
    await sleep(100);
    controller.abort();
    await expect(aborted).rejects.toBeInstanceOf(LockWaitAborted);
    const pending = acquireWorkspaceLock(ws, 'boot', { purpose: 'me', pollMs: 20 });
    await sleep(100);
    holder.kill('SIGKILL');
    await (await pending)();
  });
});
