// Opening files without being fooled by what the path turns into between a check and the use.
//
// Two hazards: a name that is not a regular file (a FIFO blocks a reader forever and with it a
// libuv worker thread; a device may do anything on open), and a directory on the path swapped for
// a symlink after the path was checked (the write or read lands outside the workspace).
//
// Against the first, every read lstat/stats first, opens with O_NONBLOCK (a FIFO opens at once)
// and fstats the descriptor it got. Against the second, a confined access walks from the
// workspace root one directory at a time with O_NOFOLLOW|O_DIRECTORY and then names files
// relative to the directory it holds. Node has no openat(); on Linux `/proc/self/fd/N/name` is the
// same thing (the kernel resolves `/proc/self/fd/N` to the very directory open on N, whatever its
// path has become). Where /proc is missing (macOS) the walk lstats each segment instead, which
// leaves a window between the check and the use (see docs/ARCHITECTURE.md, security notes).
import { constants, existsSync, promises as fs, type BigIntStats } from 'node:fs';
import * as path from 'node:path';

/** Error for a name that exists but is not a regular file; `code` lets callers map it. */
export class NotRegularFileError extends Error {
  readonly code = 'ENOTREGULAR';
  constructor(readonly file: string, kind: string) {
    super(`'${file}' is not a regular file (${kind}); it is never opened`);
  }
}

/** A directory held open; `prefix` names it (a /proc path tied to the descriptor, or its path). */
export interface HeldDirectory {
  prefix: string;
  /** Whether `prefix` follows the descriptor (true) or is only the path that was checked. */
  pinned: boolean;
  sync(): Promise<void>;
  close(): Promise<void>;
}

const PROC_FD = '/proc/self/fd';
const HAS_PROC_FD = process.platform === 'linux' && existsSync(PROC_FD);
const O_DIRECTORY = constants.O_DIRECTORY ?? 0;
const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const O_NONBLOCK = constants.O_NONBLOCK ?? 0;

export function kindOf(st: { isFile(): boolean; isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isSymbolicLink(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'directory';
  if (st.isFIFO()) return 'FIFO';
  if (st.isSocket()) return 'socket';
  if (st.isSymbolicLink()) return 'symbolic link';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  return 'special file';
}

/**
 * Reads a regular file as UTF-8, following symlinks; anything else is refused with
 * NotRegularFileError before it is opened (and again on the descriptor, against a swap).
 */
export async function readRegularFile(file: string): Promise<string> {
  const before = await fs.stat(file);
  if (!before.isFile()) throw new NotRegularFileError(file, kindOf(before));
  const handle = await fs.open(file, constants.O_RDONLY | O_NONBLOCK);
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new NotRegularFileError(file, kindOf(st));
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * Opens `root`/`segments` one directory at a time, never following a symlink; with `create`,
 * missing directories are made on the way. Throws ELOOP/ENOTDIR when a segment is a symlink or
 * not a directory.
 */
export async function holdDirectory(root: string, segments: readonly string[], options: { create?: boolean } = {}): Promise<HeldDirectory> {
  if (!HAS_PROC_FD) return checkDirectoryByPath(root, segments, options);
  let handle = await fs.open(root, constants.O_RDONLY | O_DIRECTORY);
  try {
    for (const segment of segments) {
      const name = `${PROC_FD}/${handle.fd}/${segment}`;
      let next: fs.FileHandle;
      try {
        next = await fs.open(name, constants.O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || !options.create) throw e;
        await fs.mkdir(name).catch((err: NodeJS.ErrnoException) => {
          if (err.code !== 'EEXIST') throw err;
        });
        next = await fs.open(name, constants.O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
      }
      await handle.close();
      handle = next;
    }
  } catch (e) {
    await handle.close();
    throw e;
  }
  const held = handle;
  return { prefix: `${PROC_FD}/${held.fd}`, pinned: true, sync: () => held.sync(), close: () => held.close() };
}

async function checkDirectoryByPath(root: string, segments: readonly string[], options: { create?: boolean }): Promise<HeldDirectory> {
  let current = root;
  for (const segment of segments) {
    current = path.join(current, segment);
    let st;
    try {
      st = await fs.lstat(current);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || !options.create) throw e;
      await fs.mkdir(current).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'EEXIST') throw err;
      });
      st = await fs.lstat(current);
    }
    if (st.isSymbolicLink()) throw Object.assign(new Error(`'${current}' is a symbolic link`), { code: 'ELOOP' });
    if (!st.isDirectory()) throw Object.assign(new Error(`'${current}' is not a directory`), { code: 'ENOTDIR' });
  }
  const dir = current;
  return {
    prefix: dir,
    pinned: false,
    sync: async () => {
      const h = await fs.open(dir, 'r');
      try {
        await h.sync();
      } finally {
        await h.close();
      }
    },
    close: async () => undefined,
  };
}

/** An open regular file in a held directory, with the stat taken when it was opened. */
export interface OpenedRegular {
  handle: fs.FileHandle;
  stat: BigIntStats;
}

/**
 * Opens `name` in `dir` for reading when it is a regular file and not a symlink; null when it
 * does not exist. FIFOs, devices and sockets are refused before and after the open.
 */
export async function openRegularIn(dir: HeldDirectory, name: string, shownAs: string): Promise<OpenedRegular | null> {
  const file = `${dir.prefix}/${name}`;
  let before;
  try {
    before = await fs.lstat(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  if (before.isSymbolicLink()) throw Object.assign(new Error(`'${shownAs}' became a symbolic link`), { code: 'ELOOP' });
  if (!before.isFile()) throw new NotRegularFileError(shownAs, kindOf(before));
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  const stat = await handle.stat({ bigint: true });
  if (!stat.isFile()) {
    await handle.close();
    throw new NotRegularFileError(shownAs, kindOf(stat));
  }
  return { handle, stat };
}
