// The verifier's standard library (vstd's API written in Verus source) is not part of any
// workspace: its files are named `<vstd>/FILE.rs`, a path no workspace file can have. The IDE
// opens them read-only (`library.read`), so go to definition and a failing library clause lead to
// the text the verifier read.

export const LIBRARY_PREFIX = '<vstd>/';

/** Whether a path names a library file (`<vstd>/simple_pptr.rs`), never a workspace one. */
export function isLibraryPath(path: string): boolean {
  return path.startsWith(LIBRARY_PREFIX);
}

/** The shape of a library file's path: one plain file name under the prefix, nothing to traverse. */
export const LIBRARY_PATH = /^<vstd>\/[A-Za-z0-9_]+\.rs$/;
