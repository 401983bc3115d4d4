// Crash-safe, race-checked file replacement in one directory.
//
// Every replacement writes a temporary file beside the target (a short name, so a target name of
// up to NAME_MAX bytes still fits), fsyncs it, puts it in place, and fsyncs the directory, all
// before it returns: a kill -9 at any point leaves the old file or the new one, never a mix.
//
// A conditional replacement ("only if the file still holds what I read") must not overwrite a
// change another program makes between the check and the put-in-place. POSIX has no "rename if
// unchanged", so it is built from steps that each fail safe:
//   1. open the target (no symlink, regular file), fstat it, read it, ask the caller's `matches`;
//   2. write and fsync the temporary file T; write an intent file naming the target;
//   3. rename the target aside to a hold name H, then link T to the target name: link never
//      overwrites, so a file another program created in between wins (EEXIST -> changed);
//   4. check that H is the very file read in 1, unchanged (inode, size, mtime), and that nothing
//      wrote into it through a descriptor opened earlier; otherwise put H back -> changed.
// Between the rename and the link (two adjacent system calls) the target name is missing; a
// kill -9 exactly there leaves H and the intent, and `recoverInterruptedSaves` (run when the
// workspace service starts) links H back.
import { randomBytes } from 'node:crypto';
import { constants, linkSync, lstatSync, promises as fs, renameSync, unlinkSync, type BigIntStats } from 'node:fs';
import * as path from 'node:path';
import { holdDirectory, openRegularIn, type HeldDirectory } from './safe-open';

export const TEMP_MARKER = '.stratos-tmp-';
/** Our temporary names: `.stratos-tmp-<12 hex>` (+ `.old`, `.name`), and the older `.<target>.stratos-tmp-<12 hex>`. */
const TEMP_NAME = /^\..*\.stratos-tmp-[0-9a-f]{12}$|^\.stratos-tmp-[0-9a-f]{12}(\.old|\.name)?$/;
/** A temporary file younger than this may belong to a save in progress (maybe in another process). */
export const TEMP_MIN_AGE_MS = 60_000;

/** Test seam: lets a test fail the write between its phases (a simulated crash). */
export interface WriteHooks {
  afterTempWritten?: (tempPath: string) => void | Promise<void>;
}

/** When a replacement may happen: always, only if the target does not exist, or only if its text matches. */
export type ReplaceCondition = { kind: 'any' } | { kind: 'absent' } | { kind: 'matches'; matches: (text: string) => boolean };

/** 'changed': the target is not what the condition wanted (or changed during the save); 'exists'/'missing' likewise. */
export type ReplaceOutcome = 'replaced' | 'changed' | 'missing' | 'exists';

export function isTempName(name: string): boolean {
  return TEMP_NAME.test(name);
}

function newTempName(): string {
  return `${TEMP_MARKER}${randomBytes(6).toString('hex')}`;
}

function sameContent(a: BigIntStats, b: BigIntStats): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs;
}

function tryUnlink(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

async function writeTemp(dir: HeldDirectory, data: string, mode: number, hooks: WriteHooks): Promise<string> {
  const name = newTempName();
  const file = `${dir.prefix}/${name}`;
  const handle = await fs.open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), mode);
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } catch (e) {
    await handle.close();
    tryUnlink(file);
    throw e;
  }
  await handle.close();
  try {
    await hooks.afterTempWritten?.(file);
  } catch (e) {
    tryUnlink(file);
    throw e;
  }
  return name;
}

/** Replaces `name` in the held directory `dir` with `data` when `condition` allows it. */
export async function replaceIn(dir: HeldDirectory, name: string, data: string, condition: ReplaceCondition, hooks: WriteHooks = {}): Promise<ReplaceOutcome> {
  const target = `${dir.prefix}/${name}`;
  if (condition.kind !== 'matches') {
    let mode = 0o644;
    if (condition.kind === 'any') {
      try {
        const st = await fs.lstat(target);
        if (st.isFile()) mode = st.mode & 0o7777;
      } catch {
        // new file
      }
    }
    const temp = `${dir.prefix}/${await writeTemp(dir, data, mode, hooks)}`;
    try {
      if (condition.kind === 'any') renameSync(temp, target);
      else {
        try {
          linkSync(temp, target);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
          throw e;
        }
      }
    } finally {
      tryUnlink(temp);
    }
    await dir.sync();
    return 'replaced';
  }

  const opened = await openRegularIn(dir, name, name);
  if (!opened) return 'missing';
  const { handle: original, stat: checked } = opened;
  try {
    if (!condition.matches(await original.readFile('utf8'))) return 'changed';
    const tempName = await writeTemp(dir, data, Number(checked.mode) & 0o7777, hooks);
    const temp = `${dir.prefix}/${tempName}`;
    const hold = `${temp}.old`;
    const intent = `${temp}.name`;
    try {
      await fs.writeFile(intent, name, { flag: 'wx' });
      const ours = lstatSync(temp, { bigint: true }).ino;
      // The two adjacent calls of the swap; see the header.
      try {
        renameSync(target, hold);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
        throw e;
      }
      try {
        linkSync(temp, target);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') return 'changed'; // created by someone else meanwhile: theirs stays
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') {
          putBack(hold, target);
          throw e;
        }
        renameSync(temp, target); // a file system without hard links: plain replacement
      }
      const heldAside = lstatSync(hold, { bigint: true });
      const stillUnread = await original.stat({ bigint: true });
      if (!sameContent(heldAside, checked) || !sameContent(stillUnread, checked)) {
        // Changed between our read and the swap: the other program's file goes back in place.
        if (lstatSync(target, { bigint: true }).ino === ours) renameSync(hold, target);
        return 'changed';
      }
    } finally {
      tryUnlink(hold);
      tryUnlink(temp);
      tryUnlink(intent);
    }
    await dir.sync();
    return 'replaced';
  } finally {
    await original.close();
  }
}

function putBack(hold: string, target: string): void {
  try {
    linkSync(hold, target);
  } catch {
    // someone else's file is there now; it is newer than the one held aside
  }
}

/** Unconditional crash-safe replacement of an absolute path (the host's own files: settings, backups, history). */
export async function writeFileAtomic(target: string, data: string, hooks: WriteHooks = {}): Promise<void> {
  const dir = await holdDirectory(path.dirname(target), []);
  try {
    await replaceIn(dir, path.basename(target), data, { kind: 'any' }, hooks);
  } finally {
    await dir.close();
  }
}

/**
 * Finishes or cleans up what a kill -9 left in `dir`: a target missing beside its hold and intent
 * is linked back (link never overwrites, so this is safe even beside a live save), and temporary
 * files older than TEMP_MIN_AGE_MS are removed. Other files are never touched.
 */
export async function recoverInterruptedSaves(dir: string, now = Date.now()): Promise<void> {
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter(isTempName);
  } catch {
    return;
  }
  for (const intent of names.filter((n) => n.endsWith('.name'))) {
    const hold = path.join(dir, intent.slice(0, -'.name'.length) + '.old');
    try {
      const target = (await fs.readFile(path.join(dir, intent), 'utf8')).trim();
      if (target && !target.includes('/') && !target.includes('\\') && target !== '.' && target !== '..') putBack(hold, path.join(dir, target));
    } catch {
      // unreadable intent: nothing to restore
    }
  }
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      const st = await fs.lstat(file);
      // A hold keeps the old file's mtime, so its age is also read from ctime (set by the rename).
      if (!st.isFile() || now - Math.max(st.mtimeMs, name.endsWith('.old') ? st.ctimeMs : 0) < TEMP_MIN_AGE_MS) continue;
      await fs.rm(file, { force: true });
    } catch {
      // gone meanwhile
    }
  }
}
