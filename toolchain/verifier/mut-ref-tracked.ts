// The mut_ref_tracked phase, after the constructor-path one: Verus's builtin
// `mut_ref_tracked(r)`, which views a mutable borrow `r: &mut T` of a tracked place as a
// `&mut Tracked<T>` in proof code, is the borrow itself here, since the types erase `Tracked`:
//
//   upd(mut_ref_tracked(&mut u));      ->   upd(&mut u)
//   **mut_ref_tracked(&mut u) = 19;    ->   **(&mut u) = 19
//   upd(mut_ref_tracked(r));           ->   upd(r)          (r: a `&mut` local or parameter)
//
// The argument keeps `viaMutRefTracked` (the call's span): the checking phase refuses it outside
// a `proof` block (Verus: "`mut_ref_tracked` must be in a 'proof' block"), and judges the
// borrowed place by the rules of a tracked `&mut` argument. Any other argument (a call, a block)
// is left as written, a call of an unknown function.
//
// Output: new `SourceFile`s (parse trees are shared between runs and never mutated); items the
// phase does not rewrite keep their identity.

import { mapNodes, type Expr, type Item, type SourceFile } from './ast';

export function lowerMutRefTracked(files: SourceFile[]): SourceFile[] {
  return files.map((f) => {
    if (!f.text.includes('mut_ref_tracked')) return f;
    const items = mapNodes(f.items, (o) => {
      const e = o as Expr;
      if (e.k !== 'call' || e.callee.k !== 'path' || e.callee.segs.length !== 1 || e.callee.segs[0] !== 'mut_ref_tracked' || e.args.length !== 1) return o;
      const a = e.args[0]!;
      const borrow = (a.k === 'unary' && a.op === '&mut') || (a.k === 'path' && a.segs.length === 1);
      return borrow ? { ...a, viaMutRefTracked: e.sp } : o;
    }) as Item[];
    return items === f.items ? f : { ...f, items };
  });
}
