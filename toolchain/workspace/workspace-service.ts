// The workspace as a service: the file tree, reads with versions, atomic saves that refuse to
// overwrite a change made behind the editor, hot-exit backups of unsaved buffers, and a live
// watch of the disk. Every path is confined to the workspace by ./paths.
import { createHash } from 'node:crypto';
import { promises as fs, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { ApiError } from '../../app/api';
import type { Backup, FileChange, FileContent, FileNode } from '../../app/workspace';
import { TEMP_MARKER, sweepTempFiles, writeFileAtomic, type WriteHooks } from './atomic-write';
import { IGNORED_DIRECTORIES, resolveInside, toWorkspacePath } from './paths';

const BACKUP_DIR = '.stratos/backups';
const HISTORY_DIR = '.stratos/history';

export function versionOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 32);
}

function ioError(e: unknown, relative: string): ApiError {
  if (e instanceof ApiError) return e;
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return new ApiError('not-found', `'${relative}' does not exist`);
  if (err.code === 'EISDIR') return new ApiError('invalid-argument', `'${relative}' is a directory`);
  return new ApiError('io', `${relative}: ${err.message}`);
}

export class WorkspaceService {
  readonly root: string;
  private watcher: FSWatcher | undefined;

  constructor(
    root: string,
    private readonly writeHooks: WriteHooks = {},
  ) {
    this.root = realpathSync(root);
  }

  get name(): string {
    return path.basename(this.root);
  }

  resolve(relative: string): string {
    return resolveInside(this.root, relative);
  }

  async tree(): Promise<FileNode> {
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

  async read(relative: string): Promise<FileContent> {
    const absolute = this.resolve(relative);
    try {
      const text = await fs.readFile(absolute, 'utf8');
      return { path: toWorkspacePath(this.root, absolute), text, version: versionOf(text) };
    } catch (e) {
      throw ioError(e, relative);
    }
  }

  /** Version of the file on disk, or null when there is none. */
  async diskVersion(relative: string): Promise<string | null> {
    try {
      return versionOf(await fs.readFile(this.resolve(relative), 'utf8'));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw ioError(e, relative);
    }
  }

  /**
   * Atomic save. `expectedVersion` undefined: unconditional; null: the file must not exist yet;
   * a string: the disk must still hold that version, otherwise `conflict`.
   */
  async write(relative: string, text: string, expectedVersion?: string | null): Promise<{ version: string }> {
    const absolute = this.resolve(relative);
    if (expectedVersion !== undefined) {
      const onDisk = await this.diskVersion(relative);
      if (onDisk !== expectedVersion) {
        throw new ApiError(
          'conflict',
          onDisk === null
            ? `'${relative}' was deleted on disk since it was opened`
            : `'${relative}' changed on disk since it was opened`,
        );
      }
    }
    try {
      await fs.mkdir(path.dirname(absolute), { recursive: true });
      await writeFileAtomic(absolute, text, this.writeHooks);
    } catch (e) {
      throw ioError(e, relative);
    }
    return { version: versionOf(text) };
  }

  private backupFile(relative: string): string {
    const key = createHash('sha256').update(relative).digest('hex').slice(0, 24);
    return resolveInside(this.root, `${BACKUP_DIR}/${key}.json`, { allowInternal: true });
  }

  private normalize(relative: string): string {
    return toWorkspacePath(this.root, this.resolve(relative));
  }

  async writeBackup(relative: string, text: string, baseVersion: string | null): Promise<void> {
    const backup: Backup = { path: this.normalize(relative), text, baseVersion, savedAt: Date.now() };
    const file = this.backupFile(backup.path);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, JSON.stringify(backup));
  }

  async discardBackup(relative: string): Promise<void> {
    await fs.rm(this.backupFile(this.normalize(relative)), { force: true });
  }

  async listBackups(): Promise<Backup[]> {
    const dir = resolveInside(this.root, BACKUP_DIR, { allowInternal: true });
    await sweepTempFiles(dir);
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch {
      return [];
    }
    const backups: Backup[] = [];
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      try {
        const parsed = JSON.parse(await fs.readFile(path.join(dir, name), 'utf8')) as Backup;
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
    const location = `${HISTORY_DIR}/${this.normalize(relative)}~${stamp}`;
    const file = resolveInside(this.root, location, { allowInternal: true });
    await fs.mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, text);
    return { location };
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
        listener({ path: rel, kind, version: versionOf(await fs.readFile(absolute, 'utf8')) });
      } catch {
        // Gone again before we could read it: the 'unlink' event follows.
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
