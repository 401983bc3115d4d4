// The module-datatype phase, after parsing: datatypes of one name defined in several modules of
// the crate (`struct Car` at the root and `mod m { struct Car }`), which Rust tells apart by
// module, are told apart here by name, as every later phase finds a datatype by its name.
//
// Each such definition outside the root module is renamed `Car$m` (`Car$m$n` in `m::n`; a name
// no user code can write, and one segment: later phases read `m::Car::new` as a path); the
// root's keeps its name. A path in an item of module P that names
// the datatype is renamed with it:
//   - `Car` / `Car::new` / `Car { .. }` / `Car(..)`: the definition of the innermost module
//     enclosing P that has one (P itself, then its parents: Rust needs a `use` for a parent's,
//     which means the same);
//   - `m::Car`, `self::m::Car`, `super::Car`, `crate::m::Car`: the definition in that module.
// A function's `Self` type (`impl Car { .. }` in `m`) is renamed the same way. The crate's other
// names are left as written.
//
// Output: new `SourceFile`s (parse trees are shared between runs and never mutated); a crate
// without such datatypes is returned as it is.

import { mapNodes, type Item, type SourceFile } from './ast';

/** The name a datatype defined in `module` (not the root) is given. */
export function moduleDatatypeName(name: string, module: readonly string[]): string {
  return module.length ? `${name}$${module.join('$')}` : name;
}

export function lowerModuleDatatypes(files: SourceFile[], isLibraryFile: (path: string) => boolean): SourceFile[] {
  // the modules defining each datatype name (the crate's files only)
  const definedIn = new Map<string, string[][]>();
  for (const f of files) {
    if (isLibraryFile(f.path)) continue;
    for (const it of f.items) {
      if (it.k !== 'struct' && it.k !== 'enum') continue;
      const l = definedIn.get(it.name) ?? [];
      if (!l.some((m) => sameModule(m, it.module))) l.push(it.module);
      definedIn.set(it.name, l);
    }
  }
  const clashing = new Map([...definedIn].filter(([, mods]) => mods.length > 1));
  if (!clashing.size) return files;
  const defines = (name: string, module: readonly string[]): boolean => !!clashing.get(name)?.some((m) => sameModule(m, module));
  /** `name` seen from `module`: the innermost enclosing module's definition (null: none). */
  const fromScope = (name: string, module: readonly string[]): string | null => {
    for (let n = module.length; n >= 0; n--) if (defines(name, module.slice(0, n))) return moduleDatatypeName(name, module.slice(0, n));
    return null;
  };
  /** A path's segments with a clashing datatype named in them renamed (the same array: none). */
  const renamePath = (segs: string[], module: readonly string[]): string[] => {
    const at = segs.findIndex((s) => clashing.has(s));
    if (at < 0) return segs;
    const name = segs[at]!;
    const prefix = segs.slice(0, at);
    let target: string | null = null;
    if (!prefix.length) target = fromScope(name, module);
    else {
      // the module the prefix names: absolute (`crate::`), from here (`self::`, `super::`, or a
      // child module), or from the root
      const candidates: string[][] = [];
      if (prefix[0] === 'crate') candidates.push(prefix.slice(1));
      else if (prefix[0] === 'self' || prefix[0] === 'super') {
        let base = [...module];
        let i = 0;
        for (; prefix[i] === 'self' || prefix[i] === 'super'; i++) if (prefix[i] === 'super') base = base.slice(0, -1);
        candidates.push([...base, ...prefix.slice(i)]);
      } else candidates.push([...module, ...prefix], prefix);
      const m = candidates.find((c) => defines(name, c));
      if (m) target = moduleDatatypeName(name, m);
    }
    if (target === null) return segs;
    return [target, ...segs.slice(at + 1)];
  };
  const renameItem = (it: Item): Item => {
    const module = it.module;
    const edited = mapNodes(it, (o) => {
      let out = o;
      const set = (k: string, v: unknown): void => {
        if (out === o) out = { ...o };
        out[k] = v;
      };
      if (o.k === 'path' && Array.isArray(o.segs)) {
        const segs = renamePath(o.segs as string[], module);
        if (segs !== o.segs) {
          set('segs', segs);
          // (a type path's name is its last segment)
          if (typeof o.name === 'string') set('name', segs[segs.length - 1]);
        }
      }
      if ((o.k === 'variant' || o.k === 'struct') && Array.isArray(o.path)) {
        const path = renamePath(o.path as string[], module);
        if (path !== o.path) set('path', path);
      }
      if (typeof o.selfType === 'string' && clashing.has(o.selfType)) {
        const renamed = fromScope(o.selfType, module);
        if (renamed) set('selfType', renamed);
      }
      return out;
    }) as Item;
    if ((edited.k === 'struct' || edited.k === 'enum') && clashing.has(edited.name) && edited.module.length) return { ...edited, name: moduleDatatypeName(edited.name, edited.module) };
    return edited;
  };
  return files.map((f) => (isLibraryFile(f.path) ? f : { ...f, items: f.items.map(renameItem) }));
}

function sameModule(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
