// What a call may do besides return: unwind (`no_unwind [when c]`) and open invariants
// (`opens_invariants ..`), as Verus checks them at each call.
//
// Invariant: a function body is generated with its own unwind condition (`FnCtx.noUnwind`: the
// `when` condition at entry, `true` for a plain `no_unwind`, absent when it may unwind) and its
// mask (`FnCtx.mask`: absent for any namespace). Where that condition holds, every exec call must
// be shown not to unwind: a callee's own condition at the arguments, `false` for a callee that may
// unwind (an exec closure, an operation of the standard library vstd does not mark `no_unwind`).
// Every call's mask must be contained in the caller's. Proof and spec calls never unwind. An exec
// closure's body may unwind and open any invariant (its own context, as Verus gives it).

import type { FnItem, Sp } from '../ast';
import { eq, implies, or, type Term } from '../smt';
import type { State } from './state';
import type { FnGen } from './gen';

/** A function's mask: any namespace, or those listed (evaluated at the call's arguments). */
export type MaskTerms = { any: true } | { any: false; elems: Term[] };

const UNWIND_MESSAGE = "cannot show this call will not unwind, in function marked 'no_unwind'";

export class UnwindMaskMethods {
  /**
   * `f`'s unwind condition and mask, its clauses read by `evalClause` (the parameters bound to the
   * entry values or a call's arguments). A plain `no_unwind` is `true`; may unwind: null.
   */
  unwindAndMaskOf(this: FnGen, f: FnItem, evalClause: (e: import('../ast').Expr) => Term): { noUnwind: Term | null; mask: MaskTerms } {
    const noUnwind = f.mode !== 'exec' ? 'true' : f.noUnwind ? (f.noUnwind.when ? evalClause(f.noUnwind.when) : 'true') : null;
    const spec = f.opensInvariants;
    // (Verus's defaults: exec fns may open any invariant, proof fns none)
    const mask: MaskTerms = spec ? (spec.k === 'any' ? { any: true } : { any: false, elems: spec.k === 'none' ? [] : spec.elems.map(evalClause) }) : f.mode === 'exec' ? { any: true } : { any: false, elems: [] };
    return { noUnwind, mask };
  }

  /** A call of a callee with this unwind condition and mask: the caller's rules for it. */
  checkCallEffects(this: FnGen, st: State, sp: Sp, callee: { noUnwind: Term | null; mask: MaskTerms }, whenSp?: Sp): void {
    if (callee.noUnwind !== 'true') this.mayUnwindHere(st, sp, callee.noUnwind ?? 'false', whenSp);
    const caller = this.fnCtx?.mask;
    if (!caller || caller.any) return;
    if (callee.mask.any) {
      this.oblige(st, 'precondition', sp, 'false', undefined, 'callee may open invariants that caller cannot (callee may open any invariant)');
      return;
    }
    for (const n of callee.mask.elems) this.oblige(st, 'precondition', sp, or(...caller.elems.map((c) => eq(n, c))), undefined, 'cannot show this invariant namespace is allowed to be opened');
  }

  /**
   * An exec operation that unwinds unless `noUnwind` holds (`false`: it may unwind), in the body
   * of a function that must not unwind where its own condition holds.
   */
  mayUnwindHere(this: FnGen, st: State, sp: Sp, noUnwind: Term = 'false', whenSp?: Sp): void {
    const mine = this.fnCtx?.noUnwind;
    if (!mine) return;
    this.oblige(st, 'precondition', sp, implies(mine, noUnwind), whenSp, UNWIND_MESSAGE);
  }
}
