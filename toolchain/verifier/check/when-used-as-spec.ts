// `#[verifier::when_used_as_spec(g)]` on an exec fn `f` (also `#[verifier(when_used_as_spec(g))]`):
// a call of `f` in spec or proof code means `g(args)`, a spec fn with `f`'s signature (a method of
// the same type for a method). Exec code calls `f` as usual. This file checks the attribute the way
// Verus does (the target exists, is spec, has the same parameters, return type and type
// parameters, is at least as visible, no `&mut` parameter) and gives the checker the target; the
// checker records, per call in ghost code, which spec fn it means (CheckedCrate.specCalls).
// `#[verifier::allow_in_spec]` on an exec fn with a `returns e` clause: a call in ghost code means
// `e` at the arguments (CheckedCrate.allowInSpecCalls; vcgen/calls.ts).

import type { FnItem, Sp, TypeExpr, Visibility } from '../ast';
import type { Crate, FnInfo } from '../resolver';
import { hasVerifierAttr, parseAttr } from '../../syntax/attributes';
import type { CheckError } from './checker';

export interface WhenUsedAsSpec {
  /** The spec fn calls of `f` in ghost code mean; null when the attribute is wrong (see errors). */
  target: FnInfo | null;
  /** Errors of `f` itself (Verus rejects the crate). */
  errors: CheckError[];
}

/** The `when_used_as_spec` attribute of `f`: the name it gives (null: not a plain name) and where it is. */
export function whenUsedAsSpecAttr(f: FnItem): { name: string | null; sp: Sp } | null {
  for (let i = 0; i < f.attrs.length; i++) {
    const a = parseAttr(f.attrs[i]!);
    if (!a.verifier || a.name !== 'when_used_as_spec') continue;
    const m = /when_used_as_spec\(([^()]*)\)/.exec(a.text);
    const arg = m?.[1] ?? '';
    const name = /^(?:Self::)?([A-Za-z_][A-Za-z0-9_]*)$/.exec(arg)?.[1] ?? null;
    return { name, sp: f.attrSps?.[i] ?? f.nameSp };
  }
  return null;
}

function visRank(v: Visibility | undefined): number {
  if (!v || v.k === 'private') return 0;
  return v.k === 'pub' ? 2 : 1;
}

/** Whether `g` is visible wherever `f` is. */
function atLeastAsVisible(g: FnItem, f: FnItem): boolean {
  const rg = visRank(g.vis);
  const rf = visRank(f.vis);
  if (rg !== rf) return rg > rf;
  if (g.vis?.k === 'in' && f.vis?.k === 'in') {
    // `pub(in a)` is visible wherever `pub(in a::b)` is; other pairs are told apart conservatively
    const gp = g.vis.path;
    const fp = f.vis.path;
    return gp.length <= fp.length && gp.every((s, i) => s === fp[i]);
  }
  return true;
}

/**
 * Checks `f`'s `when_used_as_spec` attribute (null: it has none). `tyKey` gives a resolved type's
 * text (equal texts: equal types) or null when it cannot be resolved.
 */
export function checkWhenUsedAsSpec(crate: Crate, f: FnItem, tyKey: (t: TypeExpr, scope: FnItem) => string | null): WhenUsedAsSpec | null {
  const at = whenUsedAsSpecAttr(f);
  if (!at) return null;
  const fail = (message: string): WhenUsedAsSpec => ({ target: null, errors: [{ message, sp: at.sp }] });
  if (f.attrs.some((a) => {
    const p = parseAttr(a);
    return p.verifier && p.name === 'allow_in_spec';
  })) return fail("a function cannot be marked both 'when_used_as_spec' and 'allow_in_spec'");
  if (at.name === null) return fail('cannot find function referred to in when_used_as_spec');
  const qname = f.selfType ? `${f.selfType}::${at.name}` : at.name;
  const found = crate.fns.get(qname) ?? [];
  if (found.length === 0) return fail('cannot find function referred to in when_used_as_spec');
  if (found.length > 1) return fail(`ambiguous name \`${qname}\` referred to in when_used_as_spec: defined ${found.length} times`);
  const info = found[0]!;
  const g = info.item;
  if (f.mode !== 'exec' || g.mode !== 'spec') return fail('when_used_as_spec must point from an exec function to a spec function');
  if (f.generics.length !== g.generics.length) return fail('when_used_as_spec function should have the same type bounds');
  if (f.params.some((p) => p.ty.k === 'ref' && p.ty.mut)) return fail('when_used_as_spec not supported for function with &mut param');
  // generic fns: the same parameters by name (a call's generic arguments are then `g`'s too)
  if (f.generics.join(',') !== g.generics.join(',')) return fail('when_used_as_spec function should have the same type bounds');
  {
    const same = (a: TypeExpr, b: TypeExpr): boolean => {
      const x = tyKey(a, f);
      const y = tyKey(b, g);
      return x !== null && x === y;
    };
    if (f.params.length !== g.params.length || f.params.some((p, i) => p.isSelf !== g.params[i]!.isSelf || !same(p.ty, g.params[i]!.ty))) {
      return fail('when_used_as_spec function should have the same parameters');
    }
    const unit: TypeExpr = { k: 'tuple', elems: [], sp: f.nameSp };
    if (!same(f.ret?.ty ?? unit, g.ret?.ty ?? unit)) return fail('when_used_as_spec function should have the same return types');
  }
  if (!atLeastAsVisible(g, f)) return fail('when_used_as_spec refers to function which is more private');
  return { target: info, errors: [] };
}

export function allowsInSpec(f: FnItem): boolean {
  return hasVerifierAttr(f.attrs, 'allow_in_spec');
}

/** Verus's rules on `#[verifier::allow_in_spec]` (at `f`'s name): an exec fn, its spec meaning a `returns` clause. */
export function allowInSpecErrors(f: FnItem): CheckError[] {
  if (!allowsInSpec(f)) return [];
  const fail = (message: string): CheckError[] => [{ message, sp: f.nameSp }];
  if (f.mode !== 'exec') return fail('allow_in_spec is only allowed on exec functions');
  if (f.params.some((p) => p.ty.k === 'ref' && p.ty.mut)) return fail('allow_in_spec not supported for function with &mut param');
  if (!f.returns) return fail('allow_in_spec requires a `returns` clause (its meaning in spec code)');
  return [];
}
