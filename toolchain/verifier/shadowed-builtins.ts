// The shadowed-builtin phase, first after parsing: a crate that defines its own `Option` enum at
// its root (as Verus's older tests do) means that enum wherever its files name `Option`, as in
// Rust, where the crate's item shadows the prelude's.
//
// Every later phase knows the built-in `Option` by its name, so the crate's is renamed `Option$`
// (a name no user code can write): its declaration, and in the crate's files every path that
// names it (`Option<T>`, `Option::Some(..)`, patterns, `crate::Option`, `impl Option`), and bare
// `Some` / `None` in a file that imports the crate's variants (`use crate::Option::Some`, `use
// Option::*`). Qualified std paths (`core::option::Option`) and the library's files keep the
// built-in one. A crate whose `Option` is not a root-level enum is left as written (the checking
// phase reports the shadowing `unsupported`).
//
// Output: new `SourceFile`s (parse trees are shared between runs and never mutated).

import type { Item, SourceFile } from './ast';

/** The name the crate's own `Option` is given. */
export const CRATE_OPTION = 'Option$';

export function lowerShadowedBuiltins(files: SourceFile[], isLibraryFile: (path: string) => boolean): SourceFile[] {
  const user = files.filter((f) => !isLibraryFile(f.path));
  const own = user.flatMap((f) => f.items.filter((it) => (it.k === 'enum' || it.k === 'struct' || it.k === 'type') && it.name === 'Option'));
  if (own.length !== 1 || own[0]!.k !== 'enum' || own[0]!.module.length) return files;
  return files.map((f) => {
    if (isLibraryFile(f.path)) return f;
    const variantsImported = /\buse\s+(?:(?:crate|self)\s*::\s*)?Option\s*::\s*(?:\*|Some\b|None\b|\{)/.test(f.text);
    return { ...f, items: f.items.map((it) => renameOption(it, variantsImported) as Item) };
  });
}

/** A copy of `node` with the crate's `Option` renamed (see above). */
function renameOption(node: unknown, variantsImported: boolean): unknown {
  if (!node || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map((x) => renameOption(x, variantsImported));
  const o = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k] = k === 'sp' ? v : renameOption(v, variantsImported);
  // a type, expression path or pattern / struct-literal path naming it
  const rename = (segs: string[], typePath: boolean): string[] => {
    if (segs[0] === 'Option') return [CRATE_OPTION, ...segs.slice(1)];
    if ((segs[0] === 'crate' || segs[0] === 'self') && segs[1] === 'Option') return [CRATE_OPTION, ...segs.slice(2)];
    if (!typePath && variantsImported && segs.length === 1 && (segs[0] === 'Some' || segs[0] === 'None')) return [CRATE_OPTION, segs[0]];
    return segs;
  };
  if (o.k === 'path' && Array.isArray(o.segs)) {
    const typePath = typeof o.name === 'string';
    const segs = rename(o.segs as string[], typePath);
    out.segs = segs;
    // (a type path's name is its last segment: renamed with it)
    if (typePath && segs !== o.segs && o.name === 'Option') out.name = CRATE_OPTION;
  }
  if ((o.k === 'variant' || o.k === 'struct') && Array.isArray(o.path)) out.path = rename(o.path as string[], false);
  if (o.k === 'enum' && o.name === 'Option') out.name = CRATE_OPTION;
  if (o.selfType === 'Option') out.selfType = CRATE_OPTION;
  return out;
}
