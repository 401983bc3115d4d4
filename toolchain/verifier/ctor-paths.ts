// The constructor-path phase, after the variant-import one: a constructor named through `Self`
// or through a type alias is written out with its datatype's own name, as rustc resolves it, so
// that every later phase finds the datatype by its name.
//
//   impl W { fn new(x: u64) -> Self { Self(x) } }      `Self(x)`      -> `W(x)`   (tuple struct)
//   impl U { fn mk() -> Self { Self } }                `Self`         -> `U`      (unit struct)
//   type Node = Direction;  Node::Left(1)              `Node::Left`   -> `Direction::Left`
//   type Ani = Animal;      Ani { legs: 3 }            `Ani { .. }`   -> `Animal { .. }`
//
// An alias is followed only when it names a datatype of the crate without type arguments and has
// no parameters of its own (`type Y<T> = E<T>` stays as written). rustc does not let an alias name
// a tuple struct's constructor or a unit struct's value (`Ani(3)`, `Ani`): those stay as written,
// and stay errors. `Self` is replaced only in a function of an impl of a crate struct, as a
// called constructor or a value (`Self { .. }`, `Self::V` and patterns the checker reads itself).
//
// Output: new `SourceFile`s (parse trees are shared between runs and never mutated); items the
// phase does not rewrite keep their identity.

import { mapNodes, type Item, type SourceFile, type TypeAliasItem } from './ast';

export function lowerCtorPaths(files: SourceFile[]): SourceFile[] {
  const structs = new Map<string, number>();
  const enums = new Set<string>();
  const aliasDefs = new Map<string, TypeAliasItem[]>();
  for (const f of files) {
    for (const it of f.items) {
      if (it.k === 'struct') structs.set(it.name, (structs.get(it.name) ?? 0) + 1);
      else if (it.k === 'enum' && !it.union) enums.add(it.name);
      else if (it.k === 'type') aliasDefs.set(it.name, [...(aliasDefs.get(it.name) ?? []), it]);
    }
  }
  // `type A = D;` of one crate datatype `D`, defined once, without parameters or arguments
  const aliases = new Map<string, string>();
  for (const [name, defs] of aliasDefs) {
    const t = defs.length === 1 && !defs[0]!.generics?.length ? defs[0]!.ty : null;
    if (t?.k === 'path' && t.segs.length === 1 && !t.args.length && t.name !== name && (structs.get(t.name) === 1 || enums.has(t.name))) aliases.set(name, t.name);
  }
  const selfStructs = new Set([...structs].filter(([, n]) => n === 1).map(([s]) => s));
  if (!aliases.size && !files.some((f) => f.items.some((it) => it.k === 'fn' && it.selfType && selfStructs.has(it.selfType)))) return files;
  return files.map((f) => {
    const items = f.items.map((it): Item => {
      const self = it.k === 'fn' && it.selfType && selfStructs.has(it.selfType) ? it.selfType : null;
      return rewrite(it, aliases, self) as Item;
    });
    return items.every((it, i) => it === f.items[i]) ? f : { ...f, items };
  });
}

/**
 * `node` with its constructor paths written out: a copy where something changed, the node
 * itself where nothing did.
 */
function rewrite(node: unknown, aliases: ReadonlyMap<string, string>, self: string | null): unknown {
  // `A::V` of an alias `A` of an enum: in an expression path (a called or a unit variant), a
  // pattern, a struct-like literal
  const variantPath = (segs: string[]): string[] => (segs.length === 2 && aliases.has(segs[0]!) ? [aliases.get(segs[0]!)!, segs[1]!] : segs);
  return mapNodes(node, (o) => {
    // an expression path (a type path has a `name`)
    if (o.k === 'path' && Array.isArray(o.segs) && typeof o.name !== 'string') {
      const segs = o.segs as string[];
      const next = self && segs.length === 1 && segs[0] === 'Self' ? [self] : variantPath(segs);
      if (next !== segs) return { ...o, segs: next };
    }
    // a struct literal or a pattern with braces: `A { .. }` of an alias `A` of a struct (or enum variant)
    if ((o.k === 'variant' || o.k === 'struct') && Array.isArray(o.path)) {
      const path = o.path as string[];
      const braces = o.k === 'struct' || Array.isArray(o.fields);
      const next = braces && path.length === 1 && aliases.has(path[0]!) ? [aliases.get(path[0]!)!] : variantPath(path);
      if (next !== path) return { ...o, path: next };
    }
    return o;
  });
}
