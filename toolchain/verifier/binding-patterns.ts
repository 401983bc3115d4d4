// The binding-pattern phase, after the constructor-path one: rustc reads a one-name pattern (`K`,
// `let K = e;`, `Some(K) => ..`) as a binding unless the name is a unit struct, an enum variant or a
// constant in scope. The parser cannot know the names, so it reads a capitalized one as a path;
// here each such pattern that names no datatype, variant or constant of the crate or the library
// becomes the binding it is.
//
//   if c is Some { let KEY = c->0; KEY.a }      `KEY` -> a binding (no `KEY` is defined)
//   match o { None => 0, Some(X) => X }         `None` stays a path; `X` a binding
//
// A name that some enum of the crate or library has as a variant stays a path wherever it is
// written (`use E::*` may bring it into scope; the checker judges it), as does every constant and
// unit struct. Output: new `SourceFile`s where something changed (trees are never mutated).

import { mapNodes, type Item, type Pat, type SourceFile } from './ast';

export function lowerBindingPatterns(files: SourceFile[]): SourceFile[] {
  const known = new Set<string>(['None', 'Some', 'Ok', 'Err', 'Self']);
  for (const f of files) {
    for (const it of f.items) {
      if (it.k === 'struct' || it.k === 'const') known.add(it.name);
      else if (it.k === 'enum') for (const v of it.variants) known.add(v.name);
      else if (it.k === 'external-type') {
        if (it.dt.k === 'struct') known.add(it.dt.name);
        else for (const v of it.dt.variants) known.add(v.name);
      } else if (it.k === 'external-fn' && it.fn.constFn) known.add(it.fn.name);
      else if (it.k === 'fn' && it.constFn) known.add(it.name);
    }
  }
  return files.map((f) => {
    const items = f.items.map((it) => (it.k === 'fn' || it.k === 'trait' || it.k === 'const' ? (rewrite(it, known) as Item) : it));
    return items.every((it, i) => it === f.items[i]) ? f : { ...f, items };
  });
}

function rewrite(node: unknown, known: ReadonlySet<string>): unknown {
  return mapNodes(node, (o) => {
    if (o.k !== 'variant' || !Array.isArray(o.path)) return o;
    const p = o as unknown as Extract<Pat, { k: 'variant' }>;
    if (p.path.length !== 1 || p.args !== null || p.fields !== null || known.has(p.path[0]!)) return o;
    const bind: Pat = { k: 'bind', name: p.path[0]!, mut: false, sp: p.sp };
    return bind as unknown as Record<string, unknown>;
  });
}
