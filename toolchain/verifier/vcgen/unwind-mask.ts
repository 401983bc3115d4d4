// What a call may do besides return: unwind (`no_unwind [when c]`) and open invariants
// (`opens_invariants ..`), as Verus checks them at each call; and the invariant blocks
// (`open_atomic_invariant!` ..) that open one.
//
// Invariant: a function body is generated with its own unwind condition (`FnCtx.noUnwind`: the
// `when` condition at entry, `true` for a plain `no_unwind` and inside an invariant block, absent
// when it may unwind) and its mask (`FnCtx.mask`, Verus's `base ∪ plus \ minus`: absent for any
// namespace; an invariant block removes its namespace for its body). Where the unwind condition
// holds, every exec call must be shown not to unwind: a callee's own condition at the arguments,
// `false` for a callee that may unwind (an exec closure, an operation of the standard library vstd
// does not mark `no_unwind`). Every call's mask must be contained in the caller's, and an opened
// namespace in the mask. Proof and spec calls never unwind. An exec closure's body may unwind and
// open any invariant (its own context, as Verus gives it).

import type { Expr, FnItem, Sp } from '../ast';
import { eq, implies, not, or, substSymbols, type Term } from '../smt';
import { INT, UNIT } from '../resolver';
import { DivergeSignal, type Mode, type State, type V } from './state';
import type { FnGen } from './gen';

/**
 * A set of invariant namespaces: `base` (all or none), plus `plus` and the members of `plusSets`
 * (`opens_invariants s`: each a `spec_fn(int) -> bool`, `s`'s membership), minus `minus` (each
 * with where it was opened).
 */
export interface MaskTerms {
  base: 'full' | 'empty';
  plus: Term[];
  plusSets?: Term[];
  minus: { t: Term; sp: Sp }[];
}

export const ANY_MASK: MaskTerms = { base: 'full', plus: [], minus: [] };

/** Whether namespace `n` is a member of `set` (a membership closure: beta-reduced, else applied). */
function member(set: Term, n: Term): Term {
  if (Array.isArray(set) && set[0] === 'lambda' && Array.isArray(set[1]) && set[1].length === 1) return substSymbols(set[2]!, new Map([[(set[1] as Term[][])[0]![0] as string, n]]));
  return ['select', set, n];
}

/** `n` is in the namespaces `plus` and `plusSets` add. */
function inPlus(mask: MaskTerms, n: Term): Term {
  return or(...mask.plus.map((p) => eq(n, p)), ...(mask.plusSets ?? []).map((s) => member(s, n)));
}

const UNWIND_MESSAGE = "cannot show this call will not unwind, in function marked 'no_unwind'";

export class UnwindMaskMethods {
  /**
   * `f`'s unwind condition and mask, its clauses read by `evalClause` (the parameters bound to the
   * entry values or a call's arguments). A plain `no_unwind` is `true`; may unwind: null.
   */
  unwindAndMaskOf(this: FnGen, f: FnItem, evalClause: (e: Expr) => Term): { noUnwind: Term | null; mask: MaskTerms } {
    const noUnwind = f.mode !== 'exec' ? 'true' : f.noUnwind ? (f.noUnwind.when ? evalClause(f.noUnwind.when) : 'true') : null;
    const spec = f.opensInvariants;
    // (Verus's defaults: exec fns may open any invariant, proof fns none)
    const mask: MaskTerms = !spec ? (f.mode === 'exec' ? ANY_MASK : { base: 'empty', plus: [], minus: [] })
      : spec.k === 'any' ? ANY_MASK
      : spec.k === 'set' ? { base: 'empty', plus: [], plusSets: [evalClause(spec.member)], minus: [] }
      : { base: 'empty', plus: spec.k === 'none' ? [] : spec.elems.map(evalClause), minus: [] };
    return { noUnwind, mask };
  }

  /** A call of a callee with this unwind condition and mask: the caller's rules for it. */
  checkCallEffects(this: FnGen, st: State, sp: Sp, callee: { noUnwind: Term | null; mask: MaskTerms }, whenSp?: Sp): void {
    if (callee.noUnwind !== 'true') this.mayUnwindHere(st, sp, callee.noUnwind ?? 'false', whenSp);
    const caller = this.fnCtx?.mask ?? ANY_MASK;
    if (callee.mask.base === 'empty') {
      for (const n of callee.mask.plus) this.maskContains(st, caller, n, sp, true);
      for (const s of callee.mask.plusSets ?? []) {
        // each member of the set: allowed by the caller's own set (a fresh namespace stands for
        // every one) and not one of the invariants open here
        if (caller.base === 'empty') {
          const n = this.havoc('opened_namespace', INT);
          this.oblige(st, 'precondition', sp, implies(member(s, n), inPlus(caller, n)), undefined, 'callee may open invariants that caller cannot');
        }
        for (const m of caller.minus) this.oblige(st, 'precondition', sp, not(member(s, m.t)), m.sp, 'callee may open invariants disallowed at call-site');
      }
      return;
    }
    if (caller.base === 'empty') {
      this.oblige(st, 'precondition', sp, 'false', undefined, 'callee may open invariants that caller cannot (callee may open any invariant)');
      return;
    }
    // (an invariant open here may be opened again by the callee)
    for (const m of caller.minus) this.oblige(st, 'precondition', m.sp, 'false', sp, 'callee may open invariants disallowed at call-site');
  }

  /** The namespace `n` is in `mask` (opened at `sp`, or by a call there). */
  maskContains(this: FnGen, st: State, mask: MaskTerms, n: Term, sp: Sp, byCall: boolean): void {
    if (mask.base === 'empty') {
      this.oblige(st, 'precondition', sp, inPlus(mask, n), undefined, byCall ? 'cannot show this invariant namespace is allowed to be opened' : 'cannot show invariant namespace is in the mask given by the scope');
    }
    // (reported at the call, or at the block already open when a block opens)
    for (const m of mask.minus) this.oblige(st, 'precondition', byCall ? sp : m.sp, not(eq(n, m.t)), byCall ? m.sp : sp, 'possible invariant collision');
  }

  /**
   * An exec operation the verifier builds in that Verus reads as a call of one of vstd's
   * specifications (an array or slice index, `Option::unwrap`, ..): it may open any invariant,
   * and unwind unless vstd marks it `no_unwind` (`noUnwind` 'true').
   */
  builtinCall(this: FnGen, st: State, sp: Sp, noUnwind: 'true' | 'false'): void {
    this.checkCallEffects(st, sp, { noUnwind: noUnwind === 'true' ? 'true' : null, mask: ANY_MASK });
  }

  /**
   * An exec operation that unwinds unless `noUnwind` holds (`false`: it may unwind), in the body
   * of a function that must not unwind where its own condition holds.
   */
  mayUnwindHere(this: FnGen, st: State, sp: Sp, noUnwind: Term = 'false', whenSp?: Sp): void {
    const mine = this.fnCtx?.noUnwind;
    if (!mine) return;
    this.oblige(st, 'precondition', sp, implies(mine, noUnwind), whenSp, this.fnCtx?.noUnwindInBlock ? 'cannot show this call will not unwind' : UNWIND_MESSAGE);
  }

  /**
   * An invariant block (parser.ts openInvariant): its statements as any others, the namespace in
   * the mask when it opens, out of it (and no unwinding) until the end.
   */
  invariantBlock(this: FnGen, e: Extract<Expr, { k: 'block' }>, st: State, m: Mode): V | null {
    const ib = e.invariantBlock!;
    const stmts = e.block.stmts;
    const outer = this.fnCtx!;
    st.push();
    try {
      for (let i = 0; i < ib.bodyIndex; i++) if (this.execStmt(stmts[i]!, st, m, false) === null) return null;
      const ns = st.lookup(ib.nsLocal)!.term;
      const mask = outer.mask ?? ANY_MASK;
      this.maskContains(st, mask, ns, ib.sp, false);
      this.fnCtx = { ...outer, mask: { ...mask, minus: [...mask.minus, { t: ns, sp: ib.sp }] }, noUnwind: 'true', noUnwindInBlock: true };
      try {
        for (let i = ib.bodyIndex; i < stmts.length; i++) if (this.execStmt(stmts[i]!, st, m, false) === null) return null;
      } finally {
        this.fnCtx = outer;
      }
      return { t: 'true', ty: UNIT };
    } catch (err) {
      if (err instanceof DivergeSignal) return null;
      throw err;
    } finally {
      st.pop();
    }
  }
}

