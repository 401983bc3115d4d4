// The obligation `-V check-api-safety` adds for a public safe trait's exec method (and its proof
// method without a default body), as Verus states it: unverified safe code may implement the trait
// with any body, so the `ensures` must hold of any result and any final value of each `&mut`
// parameter, given the `requires` and the trait's spec fns read as their default bodies (the
// spec fns an implementation may not override in a way that helps it). check/api-safety.ts says
// which functions; this generator runs as a unit of its own (a fresh FnGen: no fact of a body's
// verification is in scope).
//
// Invariant: the trait's spec fns are inlined only while the clauses are read
// (`FnGen.inlineTraitDefaults`); nothing else of the function is generated.

import { UNIT } from '../resolver';
import { State } from './state';
import type { FnGen } from './gen';

export class ApiSafetyMethods {
  apiSafetyEnsures(this: FnGen): void {
    const f = this.info.item;
    const { st, old, ps } = this.entryState(f);
    const retTy = f.ret ? this.retType(f) : UNIT;
    const retName = f.ret?.name ?? null;
    this.fnCtx = { fn: f, info: this.info, old, retTy, retName, loops: [], returns: () => {} };
    this.inlineTraitDefaults = f.selfType;
    try {
      for (const r of f.requires) this.assume(st, this.evalPure(r, st, this.specMode([]), true).t, { kind: 'requires', sp: r.sp });
      // any implementation: an arbitrary result, an arbitrary final value behind each `&mut`
      const post = new State();
      for (const p of ps) post.declare(p.name, { ty: p.ty, term: p.mut ? this.havoc(p.name, p.ty) : st.lookup(p.name)!.term, mut: false });
      const ret = this.havoc(retName ?? '$ret', retTy);
      if (retName) post.declare(retName, { ty: retTy, term: ret, mut: false });
      const message = `Safe API violation: 'ensures' clause is nontrivial for trait function \`${this.info.qname}\`. Unverified, safe client code may be able to implement this trait without satisfying the postcondition.`;
      for (const e of f.ensures) this.oblige(st, 'postcondition', f.nameSp, this.evalPure(e, post, this.specMode([]), true).t, e.sp, message);
      if (f.returns) {
        const r = this.evalPure(f.returns, post, this.specMode([]), true);
        this.oblige(st, 'postcondition', f.nameSp, this.compare('==', { t: ret, ty: retTy }, r, f.returns.sp).t, f.returns.sp, message);
      }
    } finally {
      this.inlineTraitDefaults = null;
      this.fnCtx = null;
    }
  }
}
