import { chmodSync, mkdtempSync, promises as fs, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiEvents, EventName } from '../../app/api';
import type { BootEventMessage } from '../../app/boot-session';
import type { BuildResult } from '../../app/build';
import type { BuildOptions } from '../../toolchain/build/build';
import { bootKernel, type BootHandle, type BootOptions } from '../../toolchain/qemu/qemu';
import { BootService, type BootTools } from './boot-service';

let root: string;
let events: { event: EventName; payload: unknown }[];
/** Every QEMU stand-in started: its process group. */
let started: BootHandle[];
let builds: number;

/** Stands in for qemu-system-x86_64: prints a banner and runs until killed. */
function fakeQemu(dir: string): string {
  const file = path.join(dir, 'fake-qemu.sh');
  writeFileSync(file, '#!/bin/bash\necho "NIMBUS: booting"\nexec sleep 60\n');
  chmodSync(file, 0o755);
  return file;
}

/** Whether process group `pgid` has a running member (a killed process not yet reaped is a zombie: dead). */
function groupAlive(pgid: number | null): boolean {
  if (pgid === null) return false;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(group) === pgid && state !== 'Z' && state !== 'X') return true;
  }
  return false;
}

const alive = () => started.filter((h) => groupAlive(h.pid)).length;

function tools(qemu: string): BootTools {
  return {
    // a build that takes a while and stops when told to, as rustc does
    build: async (options: BuildOptions): Promise<BuildResult> => {
      builds++;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 80);
        options.signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
      });
      const ok = !options.signal?.aborted;
      return { ok, image: ok ? path.join(root, 'nimbus.elf') : null, cached: false, diagnostics: [], files: 1, timings: { eraseMs: 0, compileMs: 0, totalMs: 0 } };
    },
    boot: (options: BootOptions) => {
      const handle = bootKernel({ ...options, qemu });
      started.push(handle);
      return handle;
    },
    qemuInstalled: () => true,
  };
}

const listener = <E extends EventName>(event: E, payload: ApiEvents[E]) => void events.push({ event, payload });
const exits = () => events.filter((e) => e.event === 'boot.event' && (e.payload as BootEventMessage).event.type === 'exit').map((e) => e.payload as BootEventMessage);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'stratos-boot-'));
  events = [];
  started = [];
  builds = 0;
});

afterEach(async () => {
  for (const h of started) h.kill();
  await fs.rm(root, { recursive: true, force: true });
});

describe('BootService', () => {
  it('five overlapping starts, during a running boot: never two QEMUs at once, the newest runs, Stop leaves none', async () => {
    const service = new BootService(root, listener, {
      // an asynchronous gate, so the starts interleave with sessions already building or booting
      gate: async () => (await sleep(Math.random() * 40), null),
      tools: tools(fakeQemu(root)),
    });
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, alive())), 5);
    try {
      const first = await service.start();
      await expect.poll(() => alive(), { timeout: 5000 }).toBe(1);
      const starts: Promise<{ sessionId: number }>[] = [];
      for (let i = 0; i < 5; i++) {
        starts.push(service.start());
        await sleep(25);
      }
      const ids = (await Promise.all(starts)).map((s) => s.sessionId);
      const newest = Math.max(...ids);
      await expect.poll(() => events.some((e) => e.event === 'boot.event' && (e.payload as BootEventMessage).sessionId === newest && (e.payload as BootEventMessage).event.type === 'started'), { timeout: 5000 }).toBe(true);
      await sleep(100);
      peak = Math.max(peak, alive());
      expect(peak).toBe(1);
      expect(alive()).toBe(1);
      // every replaced session ended, as killed
      expect(exits().map((e) => e.sessionId).sort()).toEqual([first.sessionId, ...ids.filter((id) => id !== newest)].sort());
      expect(exits().every((e) => e.event.type === 'exit' && e.event.result.reason === 'killed')).toBe(true);
      await service.stop();
      expect(alive()).toBe(0);
      expect(exits().map((e) => e.sessionId)).toContain(newest);
    } finally {
      clearInterval(sampler);
    }
  });

  it('the QEMU of a session dies with the connection that started it', async () => {
    const service = new BootService(root, listener, { tools: tools(fakeQemu(root)) });
    const closeCallbacks: (() => void)[] = [];
    await service.start({ onClose: (callback) => void closeCallbacks.push(callback) });
    await expect.poll(() => alive(), { timeout: 5000 }).toBe(1);
    closeCallbacks.forEach((callback) => callback());
    await expect.poll(() => alive(), { timeout: 5000 }).toBe(0);
  });

  it('waits for the workspace boot lock another process holds, saying who holds it; Stop ends the wait', async () => {
    const { spawn } = await import('node:child_process');
    const holder = spawn('sleep', ['30']);
    try {
      const { processStartTime } = await import('../../toolchain/build/workspace-lock');
      await fs.mkdir(path.join(root, '.stratos'));
      writeFileSync(path.join(root, '.stratos', 'boot.lock'), JSON.stringify({ pid: holder.pid, startTime: processStartTime(holder.pid!), purpose: 'stratos boot', since: '' }));
      const service = new BootService(root, listener, { tools: tools(fakeQemu(root)) });
      const { sessionId } = await service.start();
      await expect.poll(() => events.some((e) => e.event === 'build.event' && JSON.stringify(e.payload).includes(`waiting for stratos boot (pid ${holder.pid}) to finish`)), { timeout: 5000 }).toBe(true);
      await sleep(300);
      expect(builds).toBe(0);
      await service.stop();
      expect(exits()).toEqual([expect.objectContaining({ sessionId, event: expect.objectContaining({ result: expect.objectContaining({ reason: 'killed' }) }) })]);
      expect(started).toHaveLength(0);
    } finally {
      holder.kill();
    }
  });

  it('a lock left by a dead process does not block; the session releases its own lock when it ends', async () => {
    await fs.mkdir(path.join(root, '.stratos'));
    writeFileSync(path.join(root, '.stratos', 'boot.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, startTime: '1', purpose: 'stratos boot', since: '' }));
    const service = new BootService(root, listener, { tools: tools(fakeQemu(root)) });
    await service.start();
    await expect.poll(() => alive(), { timeout: 5000 }).toBe(1);
    expect(JSON.parse(await fs.readFile(path.join(root, '.stratos', 'boot.lock'), 'utf8')).pid).toBe(process.pid);
    await service.stop();
    await expect(fs.access(path.join(root, '.stratos', 'boot.lock'))).rejects.toThrow();
  });

  it('the proof gate refuses a start (proof-gate, naming the functions) unless bypassed', async () => {
    const service = new BootService(root, listener, { gate: async () => 'Proof gate: 1 function is not verified: alloc (failed, src/mm.rs)', tools: tools(fakeQemu(root)) });
    await expect(service.start()).rejects.toMatchObject({ code: 'proof-gate', message: expect.stringContaining('alloc (failed, src/mm.rs)') });
    expect(builds).toBe(0);
    await service.start(undefined, { bypassProofGate: true });
    await expect.poll(() => alive(), { timeout: 5000 }).toBe(1);
    await service.stop();
    expect(alive()).toBe(0);
  });
});
