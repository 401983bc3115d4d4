// Recursion rules Verus checks before verification, over the call graph the checking phase saw
// (every call it typed, in clauses and bodies): a recursive spec or proof fn needs a `decreases`
// clause, and so does a recursive exec fn unless it opts out of termination checking (termination.ts);
// `reveal_with_fuel(f, n)` with n > 1 needs a spec fn `f` that has one and is recursive.
// (Exec loops are checked where they are typed.)

import type { FnItem, Sp } from '../ast';
import type { CheckError } from './checker';
import { stronglyConnected } from '../graph';
import { execTerminationWaived, type TerminationOptions } from './termination';
import { hasExternalBody, hasVerifierAttr } from '../../syntax/attributes';

export interface CallGraph {
  /** the user functions each function calls (not through a trusted `external_body` body) */
  calls: Map<FnItem, Set<FnItem>>;
  /** `reveal_with_fuel(target, fuel)` statements */
  fuels: { fn: FnItem; target: FnItem; fuel: number; sp: Sp }[];
}

/** The functions on a call cycle (a component with two or more, or one that calls itself). */
export function recursiveFns(g: CallGraph): Set<FnItem> {
  const succ = (f: FnItem): FnItem[] => (hasExternalBody(f.attrs) ? [] : [...(g.calls.get(f) ?? [])]);
  const out = new Set<FnItem>();
  for (const comp of stronglyConnected(g.calls.keys(), succ)) {
    if (comp.length > 1 || succ(comp[0]!).includes(comp[0]!)) for (const f of comp) out.add(f);
  }
  return out;
}

export function recursionErrors(g: CallGraph, options: TerminationOptions): Map<FnItem, CheckError[]> {
  const out = new Map<FnItem, CheckError[]>();
  const add = (f: FnItem, err: CheckError) => out.set(f, [...(out.get(f) ?? []), err]);
  const rec = recursiveFns(g);
  for (const f of rec) {
    // a spec definition without a measure could state anything (f(x) == f(x) + 1)
    const needsMeasure = f.mode !== 'exec' || !execTerminationWaived(f, options);
    if (needsMeasure && f.body && !hasExternalBody(f.attrs) && !f.decreases.length) add(f, { message: 'recursive function must have a decreases clause', sp: f.nameSp });
    else if (hasVerifierAttr(f.attrs, 'inline')) add(f, { message: "'inline' functions cannot be recursive", sp: f.nameSp });
    // (an atomic call must be one step)
    if (hasVerifierAttr(f.attrs, 'atomic')) add(f, { message: "'atomic' cannot be used on a recursive function", sp: f.nameSp });
  }
  for (const r of g.fuels) {
    if (r.fuel <= 1 || r.target.mode !== 'spec') continue;
    if (!r.target.decreases.length) add(r.fn, { message: 'reveal_with_fuel statements require a spec function with a decreases clause', sp: r.sp });
    else if (!rec.has(r.target)) add(r.fn, { message: 'this function is not recursive (nor mutually recursive), so fuel cannot be set to more than 1', sp: r.sp });
  }
  return out;
}

/**
 * Verus: a cycle of calls through a trait method declaration (an impl's method calling generic
 * code that calls the trait's method) may not terminate, and no `decreases` is checked across
 * it: an error at each function of the cycle ("found a cyclic self-reference in a definition").
 */
export function traitCycleErrors(g: CallGraph, decls: ReadonlySet<FnItem>): Map<FnItem, CheckError[]> {
  const out = new Map<FnItem, CheckError[]>();
  const succ = (f: FnItem): FnItem[] => (hasExternalBody(f.attrs) ? [] : [...(g.calls.get(f) ?? [])]);
  for (const comp of stronglyConnected(g.calls.keys(), succ)) {
    if (!comp.some((f) => decls.has(f)) || (comp.length === 1 && !succ(comp[0]!).includes(comp[0]!))) continue;
    // (a default method has a body: it is on the cycle too)
    for (const f of comp) if (!decls.has(f) || f.body) out.set(f, [{ message: 'found a cyclic self-reference in a definition, which may result in nontermination', sp: f.nameSp }]);
  }
  return out;
}
