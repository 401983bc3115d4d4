// forall / exists and trigger selection (#[trigger], #![trigger ..], otherwise automatic).
// Invariant: every quantifier carries trigger groups that each mention all of its bound
// variables and contain no interpreted symbol; when none can be found it is an error, never a
// quantifier without a pattern.

import type { Expr } from '../ast';
import { BOOL, ResolveError, type Ty } from '../resolver';
import type { QuantParam } from '../check/checker';
import { and, implies, print, quote, sortOf, type Term } from '../smt';
import { Unsupported, State, type V, type Mode } from './state';
import type { FnGen } from './gen';

export const INTERPRETED = new Set(['+', '-', '*', 'div', 'mod', '<', '<=', '>', '>=', '=', 'and', 'or', 'not', '=>', 'ite', 'distinct', 'bv2nat', 'store', 'lambda', 'forall', 'exists', 'let', 'abs', 'bvand', 'bvor', 'bvxor', 'bvnot', 'bvshl', 'bvlshr', 'bvashr']);

export function termVars(t: Term, bound: Set<string>, out: Set<string>): void {
  if (typeof t === 'string') {
    if (bound.has(t)) out.add(t);
    return;
  }
  for (const x of t) termVars(x, bound, out);
}
/** Interpreted symbols z3 accepts inside a pattern's arguments (never at its head): `f(a + b)`. */
const ARITHMETIC = new Set(['+', '-', '*', 'div', 'mod', 'bvand', 'bvor', 'bvxor', 'bvnot', 'bvshl', 'bvlshr', 'bvashr', 'bv2nat']);

/**
 * A user's `#[trigger]`: an uninterpreted application at the head; arithmetic may appear inside
 * (`f(a + b)`, as Verus allows). Automatic selection stays with terms free of interpreted symbols.
 */
export function triggerable(t: Term, allowArithmetic = false, inside = false): boolean {
  if (typeof t === 'string') return true;
  const h = t[0]!;
  if (typeof h !== 'string' || h === 'as') return false;
  if (INTERPRETED.has(h) && !(allowArithmetic && inside && ARITHMETIC.has(h))) return false;
  return t.slice(1).every((x) => triggerable(x, allowArithmetic, true));
}

export class QuantifierMethods {
  /** A binder's type, as the checking phase typed it (annotated or inferred from its uses). */
  binderType(this: FnGen, p: QuantParam): Ty {
    const ty = this.cvc.checked.binderTypes.get(p);
    if (!ty) throw new Unsupported(`the type of \`${p.name}\` is not known`, p.sp);
    return ty;
  }

  evQuant(this: FnGen, e: Extract<Expr, { k: 'quant' }>, st: State, m: Mode): V {
    if (e.q === 'choose') throw new Unsupported('`choose`', e.sp);
    const s2 = st.clone();
    s2.push();
    const binders: Term[] = [];
    const ranges: Term[] = [];
    const bound = new Set(m.bound);
    const mine = new Set<string>();
    for (const p of e.params) {
      const ty = this.binderType(p);
      const sym = quote(`${p.name}$${this.qcount++}`);
      this.sorts.need(ty);
      binders.push([sym, sortOf(ty)]);
      const inv = this.typeInv(sym, ty);
      if (inv !== 'true') ranges.push(inv);
      s2.declare(p.name, { ty, term: sym, mut: false });
      bound.add(sym);
      mine.add(sym);
    }
    const trig: Term[] = [];
    const m2: Mode = { ...m, pure: true, exec: false, bound, triggers: trig, path: [] };
    const body = this.ev(e.body, s2, m2);
    const groups: Term[][] = [];
    if (e.triggers.length) {
      for (const g of e.triggers) groups.push(g.map((x) => this.ev(x, s2, { ...m2, triggers: null }).t));
    } else if (trig.length) groups.push(trig);
    else {
      const auto = autoTriggers(body.t, mine);
      if (!auto) throw new ResolveError('could not infer triggers for this quantifier; add #[trigger]', e.sp);
      groups.push(...auto);
    }
    for (const g of groups) {
      for (const t of g) if (!triggerable(t, true)) throw new ResolveError('invalid trigger: arithmetic and logical operators cannot be triggers', e.sp);
      const vs = new Set<string>();
      for (const t of g) termVars(t, mine, vs);
      if (vs.size < mine.size) throw new ResolveError('trigger does not mention all quantified variables', e.sp);
    }
    const inner = e.q === 'forall' ? implies(and(...ranges), body.t) : and(...ranges, body.t);
    const pats: Term[] = [];
    for (const g of groups) pats.push(':pattern', g);
    return { t: [e.q, binders, ['!', inner, ...pats]], ty: BOOL };
  }
}

/** Trigger groups for a quantifier without `#[trigger]`: up to three minimal terms mentioning every
 * bound variable, else one multi-pattern covering them; null when none exists. */
export function autoTriggers(body: Term, vars: Set<string>): Term[][] | null {
  const cands: { t: Term; vs: Set<string>; size: number }[] = [];
  const seen = new Set<string>();
  const walk = (t: Term): void => {
    if (typeof t === 'string') return;
    const h = t[0];
    if (h === 'forall' || h === 'exists') return;
    if (typeof h === 'string' && !INTERPRETED.has(h) && h !== '!' && h !== 'as' && triggerable(t)) {
      const vs = new Set<string>();
      termVars(t, vars, vs);
      const key = print(t);
      if (vs.size && !seen.has(key)) {
        seen.add(key);
        cands.push({ t, vs, size: key.length });
      }
    }
    for (const x of t) walk(x);
  };
  walk(body);
  if (!cands.length) return null;
  const full = cands.filter((c) => c.vs.size === vars.size);
  if (full.length) {
    // minimal full candidates: no other full candidate is a subterm of it
    const texts = full.map((c) => print(c.t));
    const minimal = full.filter((c, i) => !texts.some((t2, j) => j !== i && texts[i]!.includes(t2) && t2 !== texts[i]));
    minimal.sort((a, b) => a.size - b.size || (print(a.t) < print(b.t) ? -1 : 1));
    return minimal.slice(0, 3).map((c) => [c.t]);
  }
  // multi-pattern: greedy cover
  const sorted = [...cands].sort((a, b) => b.vs.size - a.vs.size || a.size - b.size);
  const covered = new Set<string>();
  const group: Term[] = [];
  for (const c of sorted) {
    if ([...c.vs].some((v) => !covered.has(v))) {
      group.push(c.t);
      for (const v of c.vs) covered.add(v);
    }
    if (covered.size === vars.size) return [group];
  }
  return null;
}
