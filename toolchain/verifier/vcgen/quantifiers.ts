// forall / exists and trigger selection (#[trigger], #![trigger ..], otherwise automatic).
// Invariant: every quantifier carries trigger groups that each mention all of its bound
// variables and contain no interpreted symbol; when none can be found it is an error, never a
// quantifier without a pattern.

import type { Expr } from '../ast';
import { BOOL, ResolveError } from '../resolver';
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
/** Arithmetic z3 accepts in a pattern: Verus allows it in a user's `#[trigger]`, at the head too
 * (`#[trigger] (i + 1)`), but never in an automatically selected trigger. */
const ARITHMETIC = new Set(['+', '-', '*', 'div', 'mod']);
/** Bit operations on machine integers, `(bv2nat (bvlshr ((_ int2bv 32) i) ..))`: Verus treats them
 * as function applications (its `bitshr` etc. are uninterpreted), in automatic selection too. */
const BITWISE = new Set(['bv2nat', 'bvand', 'bvor', 'bvxor', 'bvnot', 'bvshl', 'bvlshr', 'bvashr']);
const isInt2bv = (h: Term): boolean => Array.isArray(h) && h.length === 3 && h[0] === '_' && h[1] === 'int2bv';

/**
 * Whether `t` may stand in a pattern: applications of uninterpreted functions, datatype
 * accessors, bit operations and, in a user's `#[trigger]` (`allowArithmetic`), integer arithmetic;
 * never comparisons, equality, boolean connectives, `ite` or binders.
 */
export function triggerable(t: Term, allowArithmetic = false): boolean {
  if (typeof t === 'string') return true;
  const h = t[0]!;
  if (isInt2bv(h)) return t.slice(1).every((x) => triggerable(x, allowArithmetic));
  if (typeof h !== 'string' || h === 'as') return false;
  if (INTERPRETED.has(h) && !BITWISE.has(h) && !(allowArithmetic && ARITHMETIC.has(h))) return false;
  return t.slice(1).every((x) => triggerable(x, allowArithmetic));
}

/** Symbols bound inside `t` by a nested quantifier (or `let`/`lambda`): a trigger of an
 * enclosing quantifier must not mention them. */
function innerBound(t: Term, out: Set<string>): void {
  if (typeof t === 'string') return;
  const h = t[0];
  if ((h === 'forall' || h === 'exists' || h === 'lambda' || h === 'let') && Array.isArray(t[1])) {
    for (const b of t[1]) if (Array.isArray(b) && typeof b[0] === 'string') out.add(b[0]);
  }
  for (const x of t) innerBound(x, out);
}

export class QuantifierMethods {
  evQuant(this: FnGen, e: Extract<Expr, { k: 'quant' }>, st: State, m: Mode): V {
    if (e.q === 'choose') throw new Unsupported('`choose`', e.sp);
    const s2 = st.clone();
    s2.push();
    const binders: Term[] = [];
    const ranges: Term[] = [];
    const bound = new Set(m.bound);
    const mine = new Set<string>();
    for (const p of e.params) {
      if (p.ty.k === 'infer') throw new ResolveError('quantified variables need a type annotation', p.sp);
      const ty = this.crate.resolveType(p.ty, this.info.item.selfType);
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
    // A `#[trigger]` term that mentions none of this quantifier's variables but those of an
    // enclosing one belongs to the enclosing quantifier (as in Verus: `forall|x| forall|y|
    // #[trigger] f(x) && #[trigger] g(y)` triggers on f(x) outside and g(y) inside).
    const own: Term[] = [];
    for (const t of trig) {
      const vs = new Set<string>();
      termVars(t, mine, vs);
      const outer = new Set<string>();
      termVars(t, m.bound, outer);
      if (vs.size === 0 && outer.size > 0 && m.triggers) m.triggers.push(t);
      else own.push(t);
    }
    const groups: Term[][] = [];
    if (e.triggers.length) {
      for (const g of e.triggers) groups.push(g.map((x) => this.ev(x, s2, { ...m2, triggers: null }).t));
    } else if (own.length) groups.push(own);
    else {
      const auto = autoTriggers(body.t, mine, e.allTriggers === true);
      if (!auto) throw new ResolveError('Could not automatically infer triggers for this quantifier. Use #[trigger] annotations to manually mark trigger terms instead.', e.sp);
      groups.push(...auto);
    }
    for (const g of groups) {
      for (const t of g) if (!triggerable(t, true)) throw new ResolveError('trigger must be a function call, a field access, or arithmetic operator', e.sp);
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
 * bound variable, else one multi-pattern covering them; null when none exists. Terms inside a
 * nested quantifier count when they mention none of its own variables. With `all`
 * (`#![all_triggers]`), every minimal term and every minimal multi-pattern (up to three terms). */
export function autoTriggers(body: Term, vars: Set<string>, all = false): Term[][] | null {
  const cands: { t: Term; vs: Set<string>; size: number }[] = [];
  const seen = new Set<string>();
  const walk = (t: Term, hidden: Set<string>): void => {
    if (typeof t === 'string') return;
    const h = t[0];
    if (h === 'forall' || h === 'exists' || h === 'lambda' || h === 'let') {
      const inner = new Set(hidden);
      innerBound([h, t[1]!], inner);
      for (const x of t.slice(2)) walk(x, inner);
      return;
    }
    const candidate = typeof h === 'string' && (!INTERPRETED.has(h) || h === 'bv2nat') && h !== '!' && h !== 'as' && h !== '_';
    if (candidate && triggerable(t)) {
      const vs = new Set<string>();
      termVars(t, vars, vs);
      const hid = new Set<string>();
      termVars(t, hidden, hid);
      const key = print(t);
      if (vs.size && !hid.size && !seen.has(key)) {
        seen.add(key);
        cands.push({ t, vs, size: key.length });
      }
    }
    for (const x of t) walk(x, hidden);
  };
  walk(body, new Set());
  if (!cands.length) return null;
  const full = cands.filter((c) => c.vs.size === vars.size);
  const texts = new Map(cands.map((c) => [c, print(c.t)]));
  // minimal: no other candidate with the same variables is a proper subterm of it
  const minimalAmong = (cs: typeof cands) => cs.filter((c) => !cs.some((d) => d !== c && texts.get(c)!.includes(texts.get(d)!) && texts.get(d) !== texts.get(c) && [...c.vs].every((v) => d.vs.has(v))));
  const byText = (a: { t: Term; size: number }, b: { t: Term; size: number }) => a.size - b.size || (print(a.t) < print(b.t) ? -1 : 1);
  const singles = minimalAmong(full).sort(byText);
  if (!all) {
    if (singles.length) return singles.slice(0, 3).map((c) => [c.t]);
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
  const groups: Term[][] = singles.map((c) => [c.t]);
  const partial = minimalAmong(cands.filter((c) => c.vs.size < vars.size)).sort(byText);
  const covers = (cs: typeof cands) => new Set(cs.flatMap((c) => [...c.vs])).size === vars.size;
  const LIMIT = 32;
  const pick = (start: number, chosen: typeof cands): void => {
    if (groups.length >= LIMIT) return;
    if (chosen.length >= 2 && covers(chosen)) {
      // minimal: dropping any term loses a variable
      if (chosen.every((_, i) => !covers(chosen.filter((__, j) => j !== i)))) groups.push(chosen.map((c) => c.t));
      return;
    }
    if (chosen.length === 3) return;
    for (let i = start; i < partial.length; i++) pick(i + 1, [...chosen, partial[i]!]);
  };
  pick(0, []);
  return groups.length ? groups : null;
}
