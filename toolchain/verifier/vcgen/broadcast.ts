// Broadcast lemmas as facts. `broadcast proof fn p(x: T) requires r ensures e`, where a function
// `broadcast use`s it (check/broadcast.ts resolved which), is the fact
//   forall x: T. inv_T(x) && r ==> e
// triggered by the `#[trigger]` terms of r and e together (one multi-pattern, as Verus), or, when
// there are none, by automatic selection. The lemma itself is verified as any proof fn; using its
// fact is sound because the checking phase refuses a lemma that reaches its own use.
// Invariant: the fact is built from the lemma's contract alone, closed (its only variables are its
// bound parameters), so it is the same fact in every function; a lemma whose fact cannot be built
// makes the using function `unsupported` or an `error`, never a silently missing fact.

import type { Sp } from '../ast';
import { ResolveError, type FnInfo } from '../resolver';
import { and, implies, quote, sortOf, type Term } from '../smt';
import { quantifier } from '../qid';
import { Unsupported, State, type Mode } from './state';
import { autoTriggers, termVars, triggerable } from './quantifiers';
import type { FnGen } from './gen';

export class BroadcastMethods {
  broadcastFact(this: FnGen, info: FnInfo, sp: Sp): Term {
    const f = info.item;
    if (f.generics.length) throw new Unsupported(`\`broadcast use\` of the generic lemma \`${info.qname}\``, sp);
    if (f.ret) throw new Unsupported(`\`broadcast use\` of \`${info.qname}\`, a lemma with a return value`, sp);
    const ps = this.paramTypes(f);
    if (ps.some((p) => p.mut)) throw new Unsupported(`\`broadcast use\` of \`${info.qname}\`, a lemma with a \`&mut\` parameter`, sp);
    this.callees.add(info.key);
    const st = new State();
    const binders: Term[] = [];
    const ranges: Term[] = [];
    const bound = new Set<string>();
    for (const p of ps) {
      const sym = quote(`${p.name}$bc${this.qcount++}`);
      this.sorts.need(p.ty);
      binders.push([sym, sortOf(p.ty)]);
      const inv = this.typeInv(sym, p.ty);
      if (inv !== 'true') ranges.push(inv);
      st.declare(p.name, { ty: p.ty, term: sym, mut: false });
      bound.add(sym);
    }
    const trig: Term[] = [];
    const m: Mode = { exec: false, pure: true, nonlinear: false, bound, triggers: trig, path: [] };
    // the lemma's contract is read on its own: `old` and the user's locals mean nothing there
    const saved = this.fnCtx;
    this.fnCtx = null;
    let req: Term[];
    let ens: Term[];
    try {
      req = f.requires.map((r) => this.ev(r, st, m).t);
      ens = f.ensures.map((e) => this.ev(e, st, m).t);
    } finally {
      this.fnCtx = saved;
    }
    const body = implies(and(...ranges, ...req), and(...ens));
    this.checkNoPlaceholder(body);
    if (!binders.length) return body;
    const groups = trig.length ? [trig] : autoTriggers(body, bound);
    if (!groups) throw new ResolveError(`Could not automatically infer triggers for the broadcast lemma \`${info.qname}\`. Use #[trigger] annotations in its requires / ensures.`, f.nameSp);
    for (const g of groups) {
      for (const t of g) if (!triggerable(t, true)) throw new ResolveError('trigger must be a function call, a field access, or arithmetic operator', f.nameSp);
      const vs = new Set<string>();
      for (const t of g) termVars(t, bound, vs);
      if (vs.size < bound.size) throw new ResolveError(`the triggers of the broadcast lemma \`${info.qname}\` do not mention all of its parameters`, f.nameSp);
    }
    return quantifier('forall', binders, body, groups, { k: 'axiom', name: `broadcast:${info.qname}` });
  }
}
