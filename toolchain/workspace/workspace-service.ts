// The workspace as a service: the file tree, reads with versions, atomic saves that refuse to
// overwrite a change made behind the editor, hot-exit backups of unsaved buffers, and a live
// watch of the disk. Every path is confined to the workspace by ./paths, and every open goes
// through ./safe-open (no FIFO or device is ever opened, no swapped symlink is followed).
//
// Saves to one file are linearizable: they run one at a time per file, in the order they arrive,
// and the version check happens inside the same step as the replacement (./atomic-write), so the
// later of two saves always wins and a save based on a version the disk no longer holds is
// refused with `conflict`. A save is acknowledged only once it is durable (temp fsynced, put in
// place, directory fsynced).
import { createHash } from 'node:crypto';
import { promises as fs, realpathSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { ApiError } from '../../app/api';
import type { Backup, FileChange, FileContent, FileNode } from '../../app/workspace';
import { TEMP_MARKER, isTempName, recoverInterruptedSaves, replaceIn, type ReplaceCondition, type ReplaceOutcome, type WriteHooks } from './atomic-write';
import { IGNORED_DIRECTORIES, resolvePath, toWorkspacePath, type ResolvedPath } from './paths';
import { NotRegularFileError, holdDirectory, openRegularIn } from './safe-open';

const BACKUP_DIR = '.stratos/backups';
const HISTORY_DIR = '.stratos/history';
/** Longest file name most file systems take (NAME_MAX), in bytes. */
const NAME_MAX = 255;
/** Directories never entered when sweeping leftovers of interrupted saves (`.stratos` is swept). */
const NOT_SWEPT = new Set(['.git', 'node_modules', 'target']);

export function versionOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 32);
}

function ioError(e: unknown, relative: string): ApiError {
  if (e instanceof ApiError) return e;
  if (e instanceof NotRegularFileError) return new ApiError('invalid-argument', e.message);
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT':
      return new ApiError('not-found', `'${relative}' does not exist`);
    case 'EISDIR':
      return new ApiError('invalid-argument', `'${relative}' is a directory`);
    case 'ENAMETOOLONG':
      return new ApiError('invalid-argument', `'${relative}': a name on this path is too long for the file system (${err.message})`);
    case 'ENOTDIR':
      return new ApiError('invalid-argument', `'${relative}': a segment of this path is not a directory`);
    case 'ELOOP':
      return new ApiError('outside-workspace', `'${relative}': a symbolic link on this path changed or loops; not followed`);
    case 'ERR_INVALID_ARG_VALUE':
    case 'ERR_INVALID_ARG_TYPE':
      return new ApiError('invalid-argument', `'${relative}': ${err.message}`);
    default:
      return new ApiError('io', `${relative}: ${err.message}`);
  }
}

export class WorkspaceService {
  readonly root: string;
  /** Resolves once the leftovers of saves interrupted by a crash are recovered or swept. */
  readonly ready: Promise<void>;
  private watcher: FSWatcher | undefined;
  /** The tail of each file's save queue, keyed by its real path. */
  private readonly saveQueues = new Map<string, Promise<void>>();

  constructor(
    root: string,
    private readonly writeHooks: WriteHooks = {},
  ) {
    this.root = realpathSync(root);
    this.ready = this.sweepInterruptedSaves();
  }

  get name(): string {
    return path.basename(this.root);
  }

  resolve(relative: string): string {
    return this.resolvePath(relative).absolute;
  }

  private resolvePath(relative: string, options: { allowInternal?: boolean } = {}): ResolvedPath {
    try {
      return resolvePath(this.root, relative, options);
    } catch (e) {
      throw ioError(e, relative);
    }
  }

  async tree(): Promise<FileNode> {
    // Lists regular files and directories only; nothing is opened (a FIFO cannot block a listing).
    const walk = async (absolute: string, name: string): Promise<FileNode> => {
      const entries = await fs.readdir(absolute, { withFileTypes: true });
      const children: FileNode[] = [];
      for (const entry of entries) {
        if (IGNORED_DIRECTORIES.has(entry.name) || entry.name.includes(TEMP_MARKER)) continue;
        const child = path.join(absolute, entry.name);
        if (entry.isDirectory()) children.push(await walk(child, entry.name));
        else if (entry.isFile()) children.push({ name: entry.name, path: toWorkspacePath(this.root, child), kind: 'file' });
      }
      children.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'directory' ? -1 : 1));
      return { name, path: toWorkspacePath(this.root, absolute), kind: 'directory', children };
    };
    return walk(this.root, this.name);
  }

  /** Text of a confined regular file, or null when it does not exist. */
  private async readConfined(resolved: ResolvedPath, relative: string): Promise<string | null> {
    const name = resolved.realSegments.at(-1);
    if (name === undefined) throw new ApiError('invalid-argument', `'${relative}' is a directory`);
    let dir;
    try {
      dir = await holdDirectory(this.root, resolved.realSegments.slice(0, -1));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    try {
      const opened = await openRegularIn(dir, name, relative);
      if (!opened) return null;
      try {
        return await opened.handle.readFile('utf8');
      } finally {
        await opened.handle.close();
      }
    } finally {
      await dir.close();
    }
  }

  async read(relative: string): Promise<FileContent> {
    const resolved = this.resolvePath(relative);
    let text: string | null;
    try {
      text = await this.readConfined(resolved, relative);
    } catch (e) {
      throw ioError(e, relative);
    }
    if (text === null) throw new ApiError('not-found', `'${relative}' does not exist`);
    return { path: toWorkspacePath(this.root, resolved.absolute), text, version: versionOf(text) };
  }

  /** Version of the file on disk, or null when there is none. */
  async diskVersion(relative: string): Promise<string | null> {
    try {
      const text = await this.readConfined(this.resolvePath(relative), relative);
      return text === null ? null : versionOf(text);
    } catch (e) {
      throw ioError(e, relative);
    }
  }

  /** Runs `job` after every earlier job queued under `key`. */
  private serialize<T>(key: string, job: () => Promise<T>): Promise<T> {
    const previous = this.saveQueues.get(key) ?? Promise.resolve();
    const run = previous.then(job);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.saveQueues.set(key, tail);
    void tail.then(() => {
      if (this.saveQueues.get(key) === tail) this.saveQueues.delete(key);
    });
    return run;
  }

  /**
   * One confined, queued, durable replacement. The directories on the way are opened from the
   * root without following symlinks (and created when missing); the replacement happens in the
   * directory held open.
   */
  private replace(relative: string, text: string, condition: ReplaceCondition, options: { allowInternal?: boolean } = {}): Promise<ReplaceOutcome> {
    const resolved = this.resolvePath(relative, options);
    const name = resolved.realSegments.at(-1);
    if (name === undefined) return Promise.reject(new ApiError('invalid-argument', `'${relative}' is a directory`));
    return this.serialize(resolved.real, async () => {
      await this.ready;
      try {
        const dir = await holdDirectory(this.root, resolved.realSegments.slice(0, -1), { create: true });
        try {
          return await replaceIn(dir, name, text, condition, this.writeHooks);
        } finally {
          await dir.close();
        }
      } catch (e) {
        throw ioError(e, relative);
      }
    });
  }

  /**
   * Atomic, durable save. `expectedVersion` undefined: unconditional; null: the file must not
   * exist yet; a string: the disk must still hold that version, otherwise `conflict`.
   */
  async write(relative: string, text: string, expectedVersion?: string | null): Promise<{ version: string }> {
    const condition: ReplaceCondition =
      expectedVersion === undefined ? { kind: 'any' } : expectedVersion === null ? { kind: 'absent' } : { kind: 'matches', matches: (disk) => versionOf(disk) === expectedVersion };
    const outcome = await this.replace(relative, text, condition);
    switch (outcome) {
      case 'replaced':
        return { version: versionOf(text) };
      case 'missing':
        throw new ApiError('conflict', `'${relative}' was deleted on disk since it was opened`);
      case 'exists':
        throw new ApiError('conflict', `'${relative}' already exists on disk`);
      case 'changed':
        throw new ApiError('conflict', `'${relative}' changed on disk since it was opened`);
    }
  }

  private backupLocation(relative: string): string {
    const key = createHash('sha256').update(relative).digest('hex').slice(0, 24);
    return `${BACKUP_DIR}/${key}.json`;
  }

  private normalize(relative: string): string {
    return toWorkspacePath(this.root, this.resolve(relative));
  }

  async writeBackup(relative: string, text: string, baseVersion: string | null): Promise<void> {
    const backup: Backup = { path: this.normalize(relative), text, baseVersion, savedAt: Date.now() };
    await this.replace(this.backupLocation(backup.path), JSON.stringify(backup), { kind: 'any' }, { allowInternal: true });
  }

  async discardBackup(relative: string): Promise<void> {
    const location = this.backupLocation(this.normalize(relative));
    const resolved = this.resolvePath(location, { allowInternal: true });
    await this.serialize(resolved.real, () => fs.rm(resolved.real, { force: true })).catch((e: unknown) => {
      throw ioError(e, location);
    });
  }

  async listBackups(): Promise<Backup[]> {
    await this.ready;
    const dir = this.resolvePath(BACKUP_DIR, { allowInternal: true }).real;
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch {
      return [];
    }
    const backups: Backup[] = [];
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      try {
        const text = await this.readConfined(this.resolvePath(`${BACKUP_DIR}/${name}`, { allowInternal: true }), name);
        if (text === null) continue;
        const parsed = JSON.parse(text) as Backup;
        if (typeof parsed.path !== 'string' || typeof parsed.text !== 'string') continue;
        this.resolve(parsed.path); // a backup naming a path outside the workspace is ignored
        backups.push(parsed);
      } catch {
        // A corrupt backup cannot be restored; it is left on disk for a person to inspect.
      }
    }
    return backups.sort((a, b) => a.path.localeCompare(b.path));
  }

  /** Stores a copy of `text` under `.stratos/history/` and returns its workspace-relative location. */
  async keepInHistory(relative: string, text: string): Promise<{ location: string }> {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const normalized = this.normalize(relative);
    const slash = normalized.lastIndexOf('/');
    const base = fitName(normalized.slice(slash + 1), NAME_MAX - 1 - stamp.length);
    const location = `${HISTORY_DIR}/${normalized.slice(0, slash + 1)}${base}~${stamp}`;
    await this.replace(location, text, { kind: 'any' }, { allowInternal: true });
    return { location };
  }

  /** Recovers or removes what a kill -9 left mid-save anywhere in the workspace (see ./atomic-write). */
  private async sweepInterruptedSaves(): Promise<void> {
    const visit = async (dir: string): Promise<void> => {
      let entries: Dirent[];
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      if (entries.some((e) => isTempName(e.name))) await recoverInterruptedSaves(dir);
      for (const entry of entries) if (entry.isDirectory() && !NOT_SWEPT.has(entry.name)) await visit(path.join(dir, entry.name));
    };
    await visit(this.root).catch(() => undefined);
  }

  /** Starts watching the disk; resolves once the initial scan is done. */
  async watch(listener: (change: FileChange) => void): Promise<void> {
    await this.unwatch();
    const root = this.root;
    const watcher = watch(root, {
      ignoreInitial: true,
      ignored: (p: string) => {
        const rel = path.relative(root, p);
        return rel.split(path.sep).some((s) => IGNORED_DIRECTORIES.has(s) || s.includes(TEMP_MARKER));
      },
    });
    this.watcher = watcher;
    const emit = async (kind: FileChange['kind'], absolute: string, isFile: boolean) => {
      const rel = toWorkspacePath(root, absolute);
      if (kind === 'removed' || !isFile) return listener({ path: rel, kind });
      try {
        // Through the confined read: a FIFO or a link out of the workspace is never opened.
        listener({ path: rel, kind, version: (await this.read(rel)).version });
      } catch {
        // Gone again before we could read it (the 'unlink' event follows), or not a regular file.
      }
    };
    watcher.on('add', (p) => void emit('added', p, true));
    watcher.on('addDir', (p) => void emit('added', p, false));
    watcher.on('change', (p) => void emit('changed', p, true));
    watcher.on('unlink', (p) => void emit('removed', p, true));
    watcher.on('unlinkDir', (p) => void emit('removed', p, false));
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  }

  async unwatch(): Promise<void> {
    await this.watcher?.close();
    this.watcher = undefined;
  }
}

/** `name` cut to at most `maxBytes` UTF-8 bytes (whole characters), with a short hash when cut. */
function fitName(name: string, maxBytes: number): string {
  if (Buffer.byteLength(name) <= maxBytes) return name;
  const hash = '-' + createHash('sha256').update(name).digest('hex').slice(0, 8);
  let kept = '';
  for (const ch of name) {
    if (Buffer.byteLength(kept + ch) + hash.length > maxBytes) break;
    kept += ch;
  }
  return kept + hash;
}
