// The Rust sources of a workspace: the one walk shared by the verifier (`stratos verify`), the
// statistics (`stratos stats`, the dashboard) and the IDE's live verification, so that all three
// see the same files. Skips the directories the IDE never manages (IGNORED_DIRECTORIES), does not
// follow symlinked directories (no cycles), takes a symlinked `.rs` file only when its target
// is a file inside the root, and never opens anything but a regular file (a FIFO named `x.rs`
// would block a reader forever).
import { promises as fs, realpathSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { IGNORED_DIRECTORIES, toWorkspacePath } from './paths';
import { NotRegularFileError, kindOf, readRegularFile } from './safe-open';

export interface RustSourceWalk {
  /** Absolute paths of the `.rs` files found, sorted. */
  files: string[];
  /** Directories that could not be read, with the reason (the walk goes on without them). */
  unreadable: { path: string; message: string }[];
}

/** Whether a workspace-relative path names a Rust source the tools consider (not under target/, .git/, ...). */
export function isWorkspaceRustSource(relative: string): boolean {
  const parts = relative.split(/[\\/]/);
  return relative.endsWith('.rs') && !parts.some((part) => IGNORED_DIRECTORIES.has(part));
}

/**
 * Finds the `.rs` files under `root`, or only under `paths` (files or directories, relative to
 * `root` or absolute). Rejects when `root` or one of `paths` does not exist.
 */
export async function findRustSources(root: string, paths?: string[]): Promise<RustSourceWalk> {
  const absRoot = path.resolve(root);
  const realRoot = realpathSync(absRoot);
  const found = new Set<string>();
  const unreadable: RustSourceWalk['unreadable'] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      unreadable.push({ path: dir, message: (e as Error).message });
      return;
    }
    for (const entry of entries) {
      const absolute = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!IGNORED_DIRECTORIES.has(entry.name)) await walk(absolute);
      } else if (entry.name.endsWith('.rs')) {
        if (entry.isFile()) found.add(absolute);
        else if (entry.isSymbolicLink() && (await isFileInside(absolute, realRoot))) found.add(absolute);
      }
    }
  };
  for (const p of paths && paths.length > 0 ? paths : [absRoot]) {
    const absolute = path.resolve(absRoot, p);
    const st = await fs.stat(absolute);
    if (st.isDirectory()) await walk(absolute);
    else if (!st.isFile()) throw new NotRegularFileError(absolute, kindOf(st));
    else if (absolute.endsWith('.rs')) found.add(absolute);
  }
  return { files: [...found].sort(), unreadable };
}

/** The `.rs` files under `root` (or `paths`), read, keyed by workspace-relative path with `/`. */
export async function readRustSources(root: string, paths?: string[]): Promise<Map<string, string>> {
  const absRoot = path.resolve(root);
  const { files } = await findRustSources(absRoot, paths);
  const out = new Map<string, string>();
  for (const file of files) out.set(toWorkspacePath(absRoot, file), await readRegularFile(file));
  return out;
}

async function isFileInside(link: string, realRoot: string): Promise<boolean> {
  try {
    const target = await fs.realpath(link);
    const rel = path.relative(realRoot, target);
    return !rel.startsWith('..') && !path.isAbsolute(rel) && (await fs.stat(target)).isFile();
  } catch {
    return false;
  }
}
