// Verus's termination hints on a spec fn: `decreases_when(c);` (the definition holds, and the
// recursion is checked, where `c` does) and `decreases_by(g);` (the body of the proof fn `g`,
// marked `#[verifier::decreases_by]`, proves the termination obligations), with Verus's rules on
// `g`. The checker types `c`; VC generation (vcgen/spec-fns.ts) gives both their meaning.
import type { FnItem, Sp } from '../ast';
import type { Crate } from '../resolver';
import { hasVerifierAttr } from '../../syntax/attributes';
import { printType } from '../printer';

/** `#[verifier::decreases_by]` (or its older spelling `#[via_fn]`) on `f`. */
export function isDecreasesByFn(f: FnItem): boolean {
  return hasVerifierAttr(f.attrs, 'decreases_by') || f.attrs.includes('via_fn');
}

export interface HintError {
  message: string;
  sp: Sp;
}

/** The proof fn that `f`'s `decreases_by(g)` names, or null (an error is pushed to `errors`). */
export function decreasesByTarget(crate: Crate, f: FnItem, errors: HintError[]): FnItem | null {
  const by = f.decreasesBy;
  if (!by) return null;
  if (f.mode !== 'spec') {
    errors.push({ message: '`decreases_by` is only allowed in spec functions', sp: by.sp });
    return null;
  }
  const segs = by.path.segs;
  const g = namedTarget(crate, f);
  if (!g) {
    errors.push({ message: `cannot find function \`${segs.join('::')}\` in this scope`, sp: by.path.sp });
    return null;
  }
  const problem = ((): string | null => {
    if (g.mode !== 'proof' || !isDecreasesByFn(g)) return 'proof function must be marked #[verifier::decreases_by] or #[verifier::recommends_by] to be used as decreases_by/recommends_by';
    if (g.decreases.length) return 'decreases_by/recommends_by function cannot have its own decreases clause';
    if (g.requires.length) return 'decreases_by/recommends_by function cannot have requires clauses';
    if (g.ensures.length) return 'decreases_by/recommends_by function cannot have ensures clauses';
    const same = g.params.length === f.params.length && g.params.every((p, i) => p.name === f.params[i]!.name && printType(p.ty) === printType(f.params[i]!.ty) && p.mode === undefined);
    if (!same) return 'decreases_by/recommends_by function should have the same parameters';
    if (g.generics.length || f.generics.length || by.path.generics.length) return 'unsupported: `decreases_by` with generic functions';
    return null;
  })();
  if (problem) {
    errors.push({ message: problem, sp: by.path.sp });
    return null;
  }
  return g;
}

/** The function `f`'s `decreases_by(g)` names (by name only), or null. */
function namedTarget(crate: Crate, f: FnItem): FnItem | null {
  const segs = f.decreasesBy?.path.segs;
  if (!segs) return null;
  const name = crate.memberName(segs, f.selfType);
  return crate.fn(name, f.decreasesBy!.path.sp)?.item ?? null;
}

/** Verus's rules on `#[verifier::decreases_by]` proof fns themselves: each is named by some `decreases_by`. */
export function unusedDecreasesBy(crate: Crate): Map<FnItem, HintError> {
  const named = new Set<FnItem>();
  const marked: FnItem[] = [];
  for (const file of crate.files) {
    for (const it of file.items) {
      if (it.k !== 'fn') continue;
      if (isDecreasesByFn(it)) marked.push(it);
      const g = namedTarget(crate, it);
      if (g) named.add(g);
    }
  }
  const out = new Map<FnItem, HintError>();
  // (a `via` this verifier does not read, after `recommends`, may name any of them)
  const unread = crate.files.some((file) => file.items.some((it) => it.k === 'fn' && it.unsupportedClauses.some((c) => c.clause === 'via')));
  if (unread) return out;
  for (const g of marked) if (!named.has(g)) out.set(g, { message: 'a function marked #[verifier::decreases_by] cannot be verified unless it is used in some decreases_by/recommends_by', sp: g.nameSp });
  return out;
}

/**
 * A `decreases_by` proof fn may not reach (call, or use in any clause, transitively) the spec fn
 * whose termination it proves: that would be circular (Verus: "found cyclic dependency").
 */
export function decreasesByCycles(by: ReadonlyMap<FnItem, FnItem>, calls: ReadonlyMap<FnItem, ReadonlySet<FnItem>>): Map<FnItem, HintError> {
  const out = new Map<FnItem, HintError>();
  for (const [f, g] of by) {
    const seen = new Set<FnItem>([g]);
    const todo = [g];
    while (todo.length) for (const c of calls.get(todo.pop()!) ?? []) if (!seen.has(c)) seen.add(c), todo.push(c);
    if (seen.has(f)) out.set(f, { message: 'found cyclic dependency in decreases_by function', sp: f.decreasesBy!.sp });
  }
  return out;
}
