// Confinement of workspace-relative paths. Every path that crosses the API goes through
// `resolveInside` before any file-system call: `..`, absolute paths, and symlinks whose target
// leaves the workspace are refused.
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

/**
 * Resolves a workspace-relative path to an absolute one inside `root` (a real path), or throws
 * ApiError('outside-workspace'). `allowInternal` admits `.stratos/` (the host's own state).
 */
export function resolveInside(root: string, relative: string, options: { allowInternal?: boolean } = {}): string {
  if (path.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative) || relative.startsWith('\\')) {
    throw new ApiError('outside-workspace', `'${relative}' is an absolute path; paths are relative to the workspace`);
  }
  const normalized = path.posix.normalize(relative.replace(/\\/g, '/'));
  if (normalized === '..' || normalized.startsWith('../')) {
    throw new ApiError('outside-workspace', `'${relative}' leaves the workspace`);
  }
  const segments = normalized.split('/');
  if (!options.allowInternal && segments.some((s) => IGNORED_DIRECTORIES.has(s))) {
    throw new ApiError('outside-workspace', `'${relative}' is inside a directory the IDE does not manage (${segments.find((s) => IGNORED_DIRECTORIES.has(s))})`);
  }
  const absolute = path.resolve(root, normalized);
  if (!isInside(root, absolute)) {
    throw new ApiError('outside-workspace', `'${relative}' leaves the workspace`);
  }
  const real = realpathAllowingMissing(absolute);
  if (!isInside(root, real)) {
    throw new ApiError('outside-workspace', `'${relative}' is a symbolic link that leaves the workspace`);
  }
  return absolute;
}
