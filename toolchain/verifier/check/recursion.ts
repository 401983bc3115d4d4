// Recursion rules Verus checks before verification, over the call graph the checking phase saw
// (every call it typed, in clauses and bodies): a recursive proof fn needs a `decreases` clause,
// and so does a recursive exec fn unless it opts out of termination checking (termination.ts);
// `reveal_with_fuel(f, n)` with n > 1 needs a spec fn `f` that has one and is recursive.
// (Recursive spec fns without `decreases` are reported by the driver from the SCCs VC generation
// computes anyway; exec loops are checked where they are typed.)

import type { FnItem, Sp } from '../ast';
import type { CheckError } from './checker';
import { execTerminationWaived, type TerminationOptions } from './termination';

export interface CallGraph {
  /** the user functions each function calls (not through a trusted `external_body` body) */
  calls: Map<FnItem, Set<FnItem>>;
  /** `reveal_with_fuel(target, fuel)` statements */
  fuels: { fn: FnItem; target: FnItem; fuel: number; sp: Sp }[];
}

const trusted = (f: FnItem): boolean => f.attrs.some((a) => a.includes('external_body'));

/** Strongly connected components (Tarjan); a component is recursive when it has a cycle. */
export function recursiveFns(g: CallGraph): Set<FnItem> {
  const index = new Map<FnItem, number>();
  const low = new Map<FnItem, number>();
  const stack: FnItem[] = [];
  const on = new Set<FnItem>();
  const out = new Set<FnItem>();
  let next = 0;
  const succ = (f: FnItem): FnItem[] => (trusted(f) ? [] : [...(g.calls.get(f) ?? [])]);
  const visit = (v: FnItem): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    on.add(v);
    for (const w of succ(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const comp: FnItem[] = [];
    for (;;) {
      const w = stack.pop()!;
      on.delete(w);
      comp.push(w);
      if (w === v) break;
    }
    if (comp.length > 1 || succ(v).includes(v)) for (const w of comp) out.add(w);
  };
  for (const f of g.calls.keys()) if (!index.has(f)) visit(f);
  return out;
}

export function recursionErrors(g: CallGraph, options: TerminationOptions): Map<FnItem, CheckError[]> {
  const out = new Map<FnItem, CheckError[]>();
  const add = (f: FnItem, err: CheckError) => out.set(f, [...(out.get(f) ?? []), err]);
  const rec = recursiveFns(g);
  for (const f of rec) {
    const needsMeasure = f.mode === 'proof' || (f.mode === 'exec' && !execTerminationWaived(f, options));
    if (needsMeasure && f.body && !trusted(f) && !f.decreases.length) add(f, { message: 'recursive function must have a decreases clause', sp: f.nameSp });
  }
  for (const r of g.fuels) {
    if (r.fuel <= 1 || r.target.mode !== 'spec') continue;
    if (!r.target.decreases.length) add(r.fn, { message: 'reveal_with_fuel statements require a spec function with a decreases clause', sp: r.sp });
    else if (!rec.has(r.target)) add(r.fn, { message: 'this function is not recursive (nor mutually recursive), so fuel cannot be set to more than 1', sp: r.sp });
  }
  return out;
}
