// The variant-import phase, after the shadowed-builtin one: `use E::*;`, `use E::{A, B};` or
// `use E::A;` (with any module path before `E`) of an enum `E` of the crate lets a file name
// `E`'s variants bare, as in Rust: `A`, `B(x)`, `C { f: 1 }`, and the same in patterns (`use
// Opt::Some;` makes `Some(x)` the crate's `Opt::Some`). Every later phase finds a variant through
// its enum, so this phase writes such a bare name out as `E::A` in the file's expressions and
// patterns.
//
// Rust's prelude is imported everywhere: the library's `Result` (library/vstd/result.rs) gives
// `Ok` and `Err` to every user file, unless the crate has its own `Result`.
//
// The imports are read from the file's text (the parser keeps no `use` items: names resolve by
// their last segment) and hold for the whole file. A name is left as written when the crate has
// another item of that name (a struct, a function, a constant, another enum's imported variant):
// which one the file means would depend on module scoping, which is not modelled.
//
// Output: new `SourceFile`s (parse trees are shared between runs and never mutated).

import { mapNodes, type EnumItem, type Item, type SourceFile } from './ast';
import { itemName } from './resolver';

/** A `use` declaration's path (`a::b::{c, d}` / `a::*`) split into its prefix and its leaves. */
interface UseDecl {
  prefix: string[];
  /** the names imported from `prefix`; `*` for a glob */
  leaves: string[];
}

export function lowerVariantImports(files: SourceFile[], isLibraryFile: (path: string) => boolean): SourceFile[] {
  const user = files.filter((f) => !isLibraryFile(f.path));
  // Rust's prelude: the library's `Result` variants
  const prelude = files.some((f) => isLibraryFile(f.path) && f.items.some((it) => it.k === 'enum' && it.name === 'Result' && !it.module.length));
  if (!prelude && !user.some((f) => /\buse\b/.test(f.text))) return files;
  const enums = new Map<string, EnumItem[]>();
  const otherNames = new Set<string>();
  for (const f of user) {
    for (const it of f.items) {
      if (it.k === 'enum' && !it.union) enums.set(it.name, [...(enums.get(it.name) ?? []), it]);
      const n = itemName(it);
      if (n !== null) otherNames.add(n);
    }
  }
  const preludeResult = prelude && !otherNames.has('Result');
  if (!enums.size && !preludeResult) return files;
  return files.map((f) => {
    if (isLibraryFile(f.path)) return f;
    const imported = new Map<string, string | null>(preludeResult ? [['Ok', 'Result'], ['Err', 'Result']] : []);
    for (const u of useDecls(f.text)) {
      const enumName = u.prefix[u.prefix.length - 1];
      const found = enumName !== undefined ? enums.get(enumName) : undefined;
      if (!found || found.length !== 1) continue;
      const variants = found[0]!.variants.map((v) => v.name);
      for (const leaf of u.leaves) {
        for (const v of leaf === '*' ? variants : variants.includes(leaf) ? [leaf] : []) {
          // (two enums giving one name: ambiguous, left as written)
          imported.set(v, imported.has(v) && imported.get(v) !== enumName ? null : enumName!);
        }
      }
    }
    const bare = new Map([...imported].filter((e): e is [string, string] => e[1] !== null && !otherNames.has(e[0])));
    if (!bare.size) return f;
    const items = f.items.map((it) => qualify(it, bare) as Item);
    return items.every((it, i) => it === f.items[i]) ? f : { ...f, items };
  });
}

/** The name an item declares (for the clash check), or null. */
/**
 * The `use` declarations of a file's text, each flattened to a prefix and its leaves (`use
 * a::b::{c, d as e, f::g};` gives `a::b` with `c` and `d` only: a renamed leaf or a nested path is
 * not a variant import read here).
 */
export function useDecls(text: string): UseDecl[] {
  const out: UseDecl[] = [];
  // (comments removed first, so that one cannot hide or fake a declaration)
  const code = text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ');
  for (const m of code.matchAll(/\buse\s+([\w:\s{},*]+?)\s*;/g)) {
    // (spaces around `::` and the braces go; a space inside a leaf, `B as C`, stays)
    const body = m[1]!.trim().replace(/\s*(::|\{|\}|,)\s*/g, '$1');
    const group = /^(.*)::\{([^{}]*)\}$/.exec(body);
    if (group) {
      const prefix = group[1]!.split('::').filter((s) => s && s !== 'crate' && s !== 'self' && s !== 'super');
      const leaves = group[2]!.split(',').filter((l) => /^(\w+|\*)$/.test(l));
      out.push({ prefix, leaves });
      continue;
    }
    const segs = body.split('::');
    if (segs.length < 2 || !segs.every((s) => /^(\w+|\*)$/.test(s))) continue;
    out.push({ prefix: segs.slice(0, -1).filter((s) => s !== 'crate' && s !== 'self' && s !== 'super'), leaves: [segs[segs.length - 1]!] });
  }
  return out;
}

/**
 * `node` with each bare imported variant name written out as `E::V`: a copy where something
 * changed, the node itself where nothing did (so items the file does not rewrite keep their
 * identity, as the later phases' caches expect).
 */
function qualify(node: unknown, bare: ReadonlyMap<string, string>): unknown {
  const full = (segs: string[]): string[] => (segs.length === 1 && bare.has(segs[0]!) ? [bare.get(segs[0]!)!, segs[0]!] : segs);
  return mapNodes(node, (o) => {
    // an expression path (a type path has a `name`: types are not variants)
    if (o.k === 'path' && Array.isArray(o.segs) && typeof o.name !== 'string') {
      const segs = full(o.segs as string[]);
      if (segs !== o.segs) return { ...o, segs };
    }
    // a pattern or a struct-like literal
    if ((o.k === 'variant' || o.k === 'struct') && Array.isArray(o.path)) {
      const path = full(o.path as string[]);
      if (path !== o.path) return { ...o, path };
    }
    return o;
  });
}
