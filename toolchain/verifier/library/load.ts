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
 * std's types (and constants) the library defines: a crate that names one has the library, as a
 * Verus crate has std (and vstd's specifications of it) without naming vstd.
 */
const STD_TYPES_OF_THE_LIBRARY = ['PhantomData', 'HashMap', 'HashSet', 'DefaultHasher', 'BTreeMap', 'BTreeSet', 'f16', 'f32', 'f64', 'f128', 'REPLACEMENT_CHARACTER'];

/**
 * Verus's builtin spec fns (its prelude, there without vstd) that the library defines: a crate
 * that calls one has the library.
 */
const BUILTIN_FNS_OF_THE_LIBRARY = ['arch_word_bits', 'unsigned_max', 'signed_max', 'signed_min', 'admit'];

/** Whether the user's crate refers to vstd (a `use vstd::..` or any `vstd::` path), to a std type of the library or to a builtin it defines. */
export function usesLibrary(files: ReadonlyMap<string, string>): boolean {
  const std = new RegExp(`\\b(${STD_TYPES_OF_THE_LIBRARY.join('|')})\\b`);
  const builtin = new RegExp(`\\b(${BUILTIN_FNS_OF_THE_LIBRARY.join('|')})\\s*\\(`);
  for (const [file, text] of files) if (!isLibraryFile(file) && (/\bvstd\s*::/.test(text) || std.test(text) || builtin.test(text) || RAW_PTR_TYPE.test(text))) return true;
  return false;
}

/**
 * vstd's three modules that each define a `PointsTo` (and the library files that hold them): a
 * crate uses one of them when it names that module's API (a raw pointer type is raw_ptr's; an
 * import of `cell::*` that nothing of it is used through is not a use of cell).
 */
type PointsToModule = 'simple_pptr' | 'cell' | 'raw_ptr';
const SIMPLE_PPTR_USE = /\b(?:simple_pptr|PPtr)\b/;
const CELL_USE = /\b(?:cell\s*::|PCell\b)/;
const RAW_PTR_API = /\b(?:ptr_mut_write|ptr_mut_read|ptr_ref2?|ptr_mut_ref|PointsToRaw|IsExposed|expose_provenance|with_exposed_provenance|allocate|deallocate|Dealloc)\b/;
const RAW_PTR_IMPORT = /\bvstd\s*::\s*\{?\s*raw_ptr\b|\braw_ptr\b/;
/** A raw pointer type written (`*mut T`, `*const T`) or named: raw_ptr_types.rs gives it its meaning. */
const RAW_PTR_TYPE = /\*\s*(?:mut|const)\b|\b(?:Provenance|PtrData|ptr_null(?:_mut)?|ptr_(?:mut_)?from_data)\b/;

/** The `PointsTo` modules a crate's user files use, each with where its first use is. */
function pointsToModules(user: [string, string][]): Map<PointsToModule, { file: string; offset: number }> {
  const find = (re: RegExp) => {
    for (const [file, text] of user) {
      // (in code, not in comments: "`Box::new` may allocate" names nothing; blanked out, not
      // removed, so that offsets stay those of the text)
      const m = re.exec(text.replace(/\/\/[^\n]*/g, (c) => ' '.repeat(c.length)));
      if (m) return { file, offset: m.index };
    }
    return null;
  };
  const out = new Map<PointsToModule, { file: string; offset: number }>();
  const pptr = find(SIMPLE_PPTR_USE);
  const cellNamed = find(CELL_USE);
  const rawImport = find(RAW_PTR_IMPORT);
  const raw = find(RAW_PTR_API) ?? (rawImport && !cellNamed && !pptr && find(/\bPointsTo\b/) ? rawImport : null);
  const cell = find(/\bPCell\b/) ?? (raw ? null : cellNamed);
  if (cell) out.set('cell', cell);
  if (pptr) out.set('simple_pptr', pptr);
  if (raw) out.set('raw_ptr', rawImport ?? raw);
  return out;
}

/**
 * Library files read only by a crate whose text names them (a large API most crates never use,
 * which would cost every run its checking time, or names a crate may define itself, which would
 * clash with the library's): the file, and what the user's code must mention.
 */
const ON_DEMAND: ReadonlyMap<string, RegExp> = new Map([
  ['atomic.rs', /\b(?:atomic\s*::|PAtomic|Permission(?:U|I)(?:8|16|32|64|size)\b|PermissionBool\b)/],
  // (names a crate may well define itself, `array_view`: read only by one that names `vstd::array` or calls `array_index_get`)
  ['array.rs', /\b(?:array\s*::|array_index_get\b)/],
  ['float.rs', /\bf(?:16|32|64|128)\b/],
  // (atomics on memory a raw pointer reaches: a crate naming both atomics and raw pointers)
  ['atomic_raw_ptr.rs', /^(?=[\s\S]*\b(?:atomic\s*::|PAtomic))(?=[\s\S]*\*\s*(?:mut|const)\b)/],
  // (vstd::atomic_ghost, and the types `struct_with_invariants!` fills in)
  ['atomic_ghost.rs', /\b(?:atomic_ghost|struct_with_invariants)\b/],
  ['atomic_ghost_ptr.rs', /^(?=[\s\S]*\b(?:atomic_ghost|struct_with_invariants)\b)(?=[\s\S]*\*\s*(?:mut|const)\b)/],
  ['hash_with_view.rs', /\b(?:HashMapWithView|HashSetWithView)\b/],
  ['future.rs', /\basync\s+fn\b/],
  // (a crate may define its own `DeepView`: then it is that one)
  ['deep_view.rs', /^(?![\s\S]*\btrait\s+DeepView\b)[\s\S]*\b(?:deep_view|DeepView|make_spec_type|self_view|exec_spec_(?:un)?verified)\b/],
  // (vstd::contrib::exec_spec: `SpecString` and what exec-spec.ts's generated code names)
  ['exec_spec.rs', /\bexec_spec_(?:un)?verified\b/],
  // (`Structural`, a name of Verus's builtins other code may not expect the library to define)
  ['proph.rs', /\bproph\s*::/],
]);
/** The files of the `PointsTo` modules (read for the crate's uses of them: `pointsToModules`). */
const POINTS_TO_FILES: ReadonlyMap<string, PointsToModule> = new Map([
  ['simple_pptr.rs', 'simple_pptr'],
  ['cell.rs', 'cell'],
  ['raw_ptr.rs', 'raw_ptr'],
]);

/** The library files a crate that uses the library reads: all but the on-demand ones it does not name. */
export function libraryFor(files: ReadonlyMap<string, string>, library: ReadonlyMap<string, string> = libraryFiles()): Map<string, string> {
  const userFiles = [...files].filter(([f]) => !isLibraryFile(f)).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const user = userFiles.map(([, t]) => t);
  const modules = pointsToModules(userFiles);
  const out = new Map<string, string>();
  for (const [file, text] of library) {
    const base = path.basename(file);
    const pointsTo = POINTS_TO_FILES.get(base);
    if (pointsTo) {
      if (modules.has(pointsTo)) out.set(file, text);
      continue;
    }
    // (the pointer types: a crate that writes one, or uses raw_ptr's permissions, which take them)
    if (base === 'raw_ptr_types.rs') {
      if (modules.has('raw_ptr') || user.some((t) => RAW_PTR_TYPE.test(t))) out.set(file, text);
      continue;
    }
    const trigger = ON_DEMAND.get(base);
    if (!trigger || user.some((t) => trigger.test(t))) out.set(file, text);
  }
  return out;
}

/**
 * A use of two of vstd's modules whose types are named alike (`raw_ptr::PointsTo`,
 * `cell::PointsTo`, `simple_pptr::PointsTo` are three types), which names resolved by their last
 * segment cannot tell apart: the two modules, and where the crate first uses the first of them.
 */
export function clashingModuleUse(files: ReadonlyMap<string, string>): { file: string; offset: number; modules: [string, string] } | null {
  const modules = [...pointsToModules([...files].filter(([f]) => !isLibraryFile(f)).sort((a, b) => (a[0] < b[0] ? -1 : 1)))];
  if (modules.length < 2) return null;
  return { ...modules[0]![1], modules: [modules[0]![0], modules[1]![0]] };
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
