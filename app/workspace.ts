// Domain types of the workspace: files as the IDE sees them. Paths are workspace-relative with
// forward slashes ("src/mm/alloc.rs"); the host resolves and confines them to the workspace.

export interface FileNode {
  name: string;
  path: string;
  kind: 'file' | 'directory';
  children?: FileNode[];
}

/** A file's content plus the version it was read at (a hash of its bytes). */
export interface FileContent {
  path: string;
  text: string;
  version: string;
}

/** An unsaved buffer kept under `.stratos/backups/` (hot exit). */
export interface Backup {
  path: string;
  text: string;
  /** The disk version the buffer was based on, or null for a file that is not on disk. */
  baseVersion: string | null;
  savedAt: number;
}

export type FileChangeKind = 'added' | 'removed' | 'changed';

export interface FileChange {
  path: string;
  kind: FileChangeKind;
  /** New version for 'added'/'changed'. */
  version?: string;
}

export interface WorkspaceInfo {
  name: string;
  /** Absolute path, for display only: requests always use workspace-relative paths. */
  root: string;
  host: 'electron' | 'web';
}
