// One build and one boot at a time per workspace, across processes: `stratos build`, `stratos
// boot` and the IDE's host each hold a lock file under the workspace's .stratos/ while they work:
//   .stratos/build.lock   held by a build (erase, rustc, link) — two builds would clobber target/
//   .stratos/boot.lock    held by a whole boot (its build, then QEMU until it ends)
// A boot takes boot.lock first and build.lock inside it; a build never takes boot.lock, so the
// two cannot deadlock. The file holds its holder's pid and the process's start time (Linux: from
// /proc), so a lock left by a process that died (kill -9) is stale and taken over, even when its
// pid has been reused since. A second holder waits (polling) until the lock is free or its
// signal aborts the wait.
import { randomBytes } from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';

export type WorkspaceLockName = 'build' | 'boot';

/** What a lock file holds. */
export interface LockHolder {
  pid: number;
  /** The holder process's start time (clock ticks since boot, /proc/PID/stat), null where unknown. */
  startTime: string | null;
  /** What it is doing, for the message of whoever waits ("stratos boot", "IDE Build & Boot"). */
  purpose: string;
  since: string;
}

export interface LockOptions {
  purpose: string;
  /** Aborting stops the wait: acquire rejects with LockWaitAborted. */
  signal?: AbortSignal;
  /** Called once when the lock is held by another live process and the caller starts waiting. */
  onWait?: (holder: LockHolder) => void;
  /** Poll interval while waiting (default 200 ms). */
  pollMs?: number;
}

/** Releases a held lock (idempotent). */
export type ReleaseLock = () => Promise<void>;

export class LockWaitAborted extends Error {
  constructor(name: WorkspaceLockName) {
    super(`stopped while waiting for the workspace's ${name} lock`);
    this.name = 'LockWaitAborted';
  }
}

/** A lock file created but not yet written is this old before it counts as abandoned. */
const UNWRITTEN_GRACE_MS = 10_000;

export function lockFile(workspace: string, name: WorkspaceLockName): string {
  return path.join(path.resolve(workspace), '.stratos', `${name}.lock`);
}

/** The start time of process `pid` (Linux), or null where /proc does not tell. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may hold spaces and parentheses: count fields after the last ')'
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null; // field 22 of the whole line
  } catch {
    return null;
  }
}

/** Whether the process that wrote `holder` still runs (the same process, not a reuse of its pid). */
export function holderAlive(holder: LockHolder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (holder.startTime === null) return true;
  const now = processStartTime(holder.pid);
  return now === null || now === holder.startTime;
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || !Number.isInteger(value.pid) || value.pid <= 0) return null;
    return {
      pid: value.pid,
      startTime: typeof value.startTime === 'string' ? value.startTime : null,
      purpose: typeof value.purpose === 'string' ? value.purpose : 'unknown',
      since: typeof value.since === 'string' ? value.since : '',
    };
  } catch {
    return null;
  }
}

/** Who holds the lock now (a live holder), or null when it is free or stale. */
export async function currentHolder(workspace: string, name: WorkspaceLockName): Promise<LockHolder | null> {
  try {
    const holder = parseHolder(await fs.readFile(lockFile(workspace, name), 'utf8'));
    return holder && holderAlive(holder) ? holder : null;
  } catch {
    return null;
  }
}

/**
 * Takes a stale lock file out of the way. Renaming first means only one of several processes
 * that saw the same stale file removes it; if what it renamed is no longer that stale file (a
 * live holder took the lock in between), it is put back.
 */
async function breakStale(file: string, seen: string): Promise<void> {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await fs.rename(file, aside);
  } catch {
    return; // someone else moved it first
  }
  const moved = await fs.readFile(aside, 'utf8').catch(() => seen);
  if (moved !== seen) {
    await fs.link(aside, file).catch(() => undefined);
  }
  await fs.rm(aside, { force: true });
}

/** Waits until the workspace's `name` lock is free, takes it, and returns its release. */
export async function acquireWorkspaceLock(workspace: string, name: WorkspaceLockName, options: LockOptions): Promise<ReleaseLock> {
  const file = lockFile(workspace, name);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const mine: LockHolder = { pid: process.pid, startTime: processStartTime(process.pid), purpose: options.purpose, since: new Date().toISOString() };
  const text = JSON.stringify(mine) + '\n';
  let waiting = false;
  for (;;) {
    if (options.signal?.aborted) throw new LockWaitAborted(name);
    try {
      const handle = await fs.open(file, 'wx');
      try {
        await handle.writeFile(text);
      } finally {
        await handle.close();
      }
      let released = false;
      return async () => {
        if (released) return;
        released = true;
        // only our own file: a holder that broke it as stale (we were thought dead) keeps theirs
        const onDisk = await fs.readFile(file, 'utf8').catch(() => null);
        if (onDisk === text) await fs.rm(file, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const seen = await fs.readFile(file, 'utf8').catch(() => null);
    if (seen === null) continue; // released in between
    const holder = parseHolder(seen);
    if (holder ? !holderAlive(holder) : await olderThan(file, UNWRITTEN_GRACE_MS)) {
      await breakStale(file, seen);
      continue;
    }
    if (holder && !waiting) {
      waiting = true;
      options.onWait?.(holder);
    }
    await sleep(options.pollMs ?? 200, options.signal);
  }
}

async function olderThan(file: string, ms: number): Promise<boolean> {
  try {
    return Date.now() - (await fs.stat(file)).mtimeMs > ms;
  } catch {
    return false;
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Runs `work` holding the lock, and releases it however `work` ends. */
export async function withWorkspaceLock<T>(workspace: string, name: WorkspaceLockName, options: LockOptions, work: () => Promise<T>): Promise<T> {
  const release = await acquireWorkspaceLock(workspace, name, options);
  try {
    return await work();
  } finally {
    await release();
  }
}
