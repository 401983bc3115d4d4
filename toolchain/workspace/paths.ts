// Confinement of workspace-relative paths. Every path that crosses the API goes through
// `resolvePath` before any file-system call: `..`, absolute paths, symlinks whose target leaves
// the workspace, and any alias (a symlink anywhere on the path) of an internal directory such as
// `.git` or `.stratos` are refused: the checks apply to the path as given AND to the path it
// resolves to. The I/O itself then walks the resolved segments without following symlinks
// (./safe-open), so a swap after this check cannot lead elsewhere.
import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import { ApiError } from '../../app/api';

/** Directories the IDE never shows, watches or lets the API touch as files. */
export const IGNORED_DIRECTORIES = new Set(['.git', 'node_modules', 'target', '.stratos']);

export function toWorkspacePath(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..' + path.sep) && rel !== '..' && !path.isAbsolute(rel));
}

/** Real path of `target`, or of its deepest existing ancestor joined with the rest. */
function realpathAllowingMissing(target: string): string {
  const missing: string[] = [];
  let current = target;
  for (;;) {
    try {
      return path.join(realpathSync(current), ...missing.reverse());
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw e;
      const parent = path.dirname(current);
      if (parent === current) return target;
      missing.push(path.basename(current));
      current = parent;
    }
  }
}

/** A workspace path after the checks: as given (normalized) and as the file system resolves it. */
export interface ResolvedPath {
  /** `root` joined with the normalized relative path (symlinks not followed). */
  absolute: string;
  /** The real path (symlinks followed; missing trailing segments kept as given). */
  real: string;
  /** Segments of `real` below `root`: the names to walk without following symlinks. */
  realSegments: string[];
}

/**
 * Resolves a workspace-relative path to an absolute one inside `root` (a real path), or throws
 * ApiError('outside-workspace'). `allowInternal` admits `.stratos/` (the host's own state).
 */
export function resolveInside(root: string, relative: string, options: { allowInternal?: boolean } = {}): string {
  return resolvePath(root, relative, options).absolute;
}

function internalSegment(segments: readonly string[]): string | undefined {
  return segments.find((s) => IGNORED_DIRECTORIES.has(s));
}

export function resolvePath(root: string, relative: string, options: { allowInternal?: boolean } = {}): ResolvedPath {
  if (path.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative) || relative.startsWith('\\')) {
    throw new ApiError('outside-workspace', `'${relative}' is an absolute path; paths are relative to the workspace`);
  }
  const normalized = path.posix.normalize(relative.replace(/\\/g, '/'));
  if (normalized === '..' || normalized.startsWith('../')) {
    throw new ApiError('outside-workspace', `'${relative}' leaves the workspace`);
  }
  const segments = normalized.split('/');
  const internal = internalSegment(segments);
  if (!options.allowInternal && internal) {
    throw new ApiError('outside-workspace', `'${relative}' is inside a directory the IDE does not manage (${internal})`);
  }
  const absolute = path.resolve(root, normalized);
  if (!isInside(root, absolute)) {
    throw new ApiError('outside-workspace', `'${relative}' leaves the workspace`);
  }
  const real = realpathAllowingMissing(absolute);
  if (!isInside(root, real)) {
    throw new ApiError('outside-workspace', `'${relative}' is a symbolic link that leaves the workspace`);
  }
  const realSegments = path.relative(root, real).split(path.sep).filter((s) => s !== '');
  const realInternal = internalSegment(realSegments);
  if (realInternal && !(options.allowInternal && realSegments[0] === '.stratos' && realInternal === '.stratos' && internal === '.stratos')) {
    throw new ApiError('outside-workspace', `'${relative}' is a symbolic link into a directory the IDE does not manage (${realInternal})`);
  }
  return { absolute, real, realSegments };
}
