// The verifier's standard library: Verus source (library/vstd/*.rs, vstd's API in our own text)
// parsed with the user's files whenever one of them names `vstd`. Its items are trusted
// (`external_body` functions, bodiless spec fns): they join the crate's namespace, so `use
// vstd::simple_pptr::*` code resolves as in Verus, but they are never verified or reported as the
// user's functions. A user extends the library the same way: a `.rs` file in library/vstd/.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIBRARY_PREFIX, isLibraryPath } from '../../../app/library';

/** Library files are named `<vstd>/FILE.rs` (app/library.ts): a path no user file can have. */
export { LIBRARY_PREFIX };

export function isLibraryFile(file: string): boolean {
  return isLibraryPath(file);
}

/**
 * std's types the library defines: a crate that names one has the library, as a Verus crate has
 * std (and vstd's specifications of it) without naming vstd.
 */
const STD_TYPES_OF_THE_LIBRARY = ['PhantomData', 'HashMap', 'HashSet', 'DefaultHasher', 'BTreeMap', 'BTreeSet', 'f32', 'f64'];

/**
 * Verus's builtin spec fns (its prelude, there without vstd) that the library defines: a crate
 * that calls one has the library.
 */
const BUILTIN_FNS_OF_THE_LIBRARY = ['arch_word_bits', 'unsigned_max', 'signed_max', 'signed_min'];

/** Whether the user's crate refers to vstd (a `use vstd::..` or any `vstd::` path), to a std type of the library or to a builtin it defines. */
export function usesLibrary(files: ReadonlyMap<string, string>): boolean {
  const std = new RegExp(`\\b(${STD_TYPES_OF_THE_LIBRARY.join('|')})\\b`);
  const builtin = new RegExp(`\\b(${BUILTIN_FNS_OF_THE_LIBRARY.join('|')})\\s*\\(`);
  for (const [file, text] of files) if (!isLibraryFile(file) && (/\bvstd\s*::/.test(text) || std.test(text) || builtin.test(text))) return true;
  return false;
}

/** A crate's use of vstd's simple_pptr, of vstd's cell, and of vstd's raw_ptr API beyond `MemContents`. */
const SIMPLE_PPTR_USE = /\b(?:simple_pptr|PPtr)\b/;
const CELL_USE = /\b(?:cell\s*::|PCell\b)/;
const RAW_PTR_API = /\b(?:ptr_mut_write|ptr_mut_read|ptr_ref2?|ptr_mut_ref|PointsToRaw|IsExposed|expose_provenance|with_exposed_provenance|allocate|deallocate|Dealloc|Provenance|PtrData|cast_ptr_to_\w+)\b|\*\s*(?:mut|const)\b/;

/**
 * Library files read only by a crate whose text names them (a large API most crates never use,
 * which would cost every run its checking time, or names a crate may define itself, which would
 * clash with the library's): the file, and what the user's code must mention.
 */
const ON_DEMAND: ReadonlyMap<string, RegExp> = new Map([
  ['atomic.rs', /\b(?:atomic\s*::|PAtomic|Permission(?:U|I)(?:8|16|32|64|size)\b|PermissionBool\b)/],
  // (names a crate may well define itself, `array_view`: read only by one that names `vstd::array` or calls `array_index_get`)
  ['array.rs', /\b(?:array\s*::|array_index_get\b)/],
  ['float.rs', /\bf(?:32|64)\b/],
  // (two modules of vstd, each with its own `PointsTo`: a crate names one of them)
  ['simple_pptr.rs', SIMPLE_PPTR_USE],
  ['cell.rs', CELL_USE],
  // (`Structural`, a name of Verus's builtins other code may not expect the library to define)
  ['proph.rs', /\bproph\s*::/],
]);

/** The library files a crate that uses the library reads: all but the on-demand ones it does not name. */
export function libraryFor(files: ReadonlyMap<string, string>, library: ReadonlyMap<string, string> = libraryFiles()): Map<string, string> {
  const user = [...files].filter(([f]) => !isLibraryFile(f)).map(([, t]) => t);
  const out = new Map<string, string>();
  for (const [file, text] of library) {
    const trigger = ON_DEMAND.get(path.basename(file));
    if (!trigger || user.some((t) => trigger.test(t))) out.set(file, text);
  }
  return out;
}

/**
 * A use of vstd modules whose types are named alike (`raw_ptr::PointsTo`, `cell::PointsTo`,
 * `simple_pptr::PointsTo` are three types), which names resolved by their last segment cannot
 * tell apart: raw_ptr's API (the library does not hold it), or both cell and simple_pptr. An
 * import of raw_ptr (`use vstd::{raw_ptr::*}`) that nothing of its own is used through is not one.
 */
export function clashingModuleUse(files: ReadonlyMap<string, string>): { file: string; module: string; offset: number } | null {
  const user = [...files].filter(([f]) => !isLibraryFile(f)).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const find = (re: RegExp) => {
    for (const [file, text] of user) {
      const m = re.exec(text);
      if (m) return { file, offset: m.index };
    }
    return null;
  };
  const rawPtr = find(/\bvstd\s*::\s*\{?\s*raw_ptr\b|\braw_ptr\b/);
  if (rawPtr && (find(RAW_PTR_API) || (!find(CELL_USE) && find(/\bPointsTo\b/)))) return { ...rawPtr, module: 'raw_ptr' };
  const cell = find(CELL_USE);
  if (cell && find(SIMPLE_PPTR_USE)) return { ...cell, module: 'cell' };
  return null;
}

/**
 * Where the library's sources are: beside this module when the verifier runs from its sources,
 * `library/vstd` beside the bundle otherwise (scripts/build.mjs copies the folder there).
 */
function libraryDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.basename(here) === 'library' ? path.join(here, 'vstd') : path.join(here, 'library', 'vstd');
}

let memo: Map<string, string> | null = null;
/** The library's files, by their `<vstd>/` path (read once per process). */
export function libraryFiles(): ReadonlyMap<string, string> {
  if (memo) return memo;
  const dir = libraryDir();
  const out = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) if (name.endsWith('.rs')) out.set(LIBRARY_PREFIX + name, readFileSync(path.join(dir, name), 'utf8'));
  memo = out;
  return out;
}
