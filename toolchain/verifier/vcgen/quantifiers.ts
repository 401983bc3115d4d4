// forall / exists and trigger selection (#[trigger], #![trigger ..], otherwise automatic).
// Invariant: every quantifier carries trigger groups that each mention all of its bound
// variables and contain no interpreted symbol; when none can be found it is an error, never a
// quantifier without a pattern.

import { createHash } from 'node:crypto';
import type { Expr, Sp } from '../ast';
import { BOOL, ResolveError, type Ty } from '../resolver';
import type { QuantParam } from '../check/checker';
import { and, foldGround, implies, print, quote, sortOf, type Term } from '../smt';
import { quantifier, withoutQids, type QuantOrigin } from '../qid';
import type { Command } from './query';
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
  // a datatype tester `((_ is V) x)` (Verus's `x is V`, vstd's `is_None()`): z3 matches it as a function
  if (Array.isArray(h) && h[0] === '_' && h[1] === 'is') return t.slice(1).every((x) => triggerable(x, allowArithmetic));
  // the empty / full set `((as const (Array T Bool)) false)`: a ground term z3 takes in a pattern
  // (`s1 + Set::empty()` is a trigger, as in Verus)
  if (Array.isArray(h) && h[0] === 'as' && h[1] === 'const') return t.length === 2 && (t[1] === 'false' || t[1] === 'true');
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
  /** A binder's type, as the checking phase typed it (annotated or inferred from its uses). */
  binderType(this: FnGen, p: QuantParam): Ty {
    const recorded = this.cvc.checked.binderTypes.get(p);
    const ty = recorded && this.instTy(recorded);
    if (!ty) throw new Unsupported(`the type of \`${p.name}\` is not known`, p.sp);
    return ty;
  }

  evQuant(this: FnGen, e: Extract<Expr, { k: 'quant' }>, st: State, m: Mode): V {
    if (e.q === 'choose') return this.evChoose(e, st);
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
      // (a term that is a bound variable itself, as `c as u32` of a `char` is here, where a
      // character is its code: z3 takes no such pattern, Verus's casts are functions)
      if (g.some((t) => typeof t === 'string' && mine.has(t))) throw new Unsupported('a trigger that is the quantified variable itself (a cast that is the identity here, such as `c as u32` of a `char`)', e.sp);
      const vs = new Set<string>();
      for (const t of g) termVars(t, mine, vs);
      if (vs.size < mine.size) throw new ResolveError('trigger does not mention all quantified variables', e.sp);
    }
    const inner = e.q === 'forall' ? implies(and(...ranges), body.t) : and(...ranges, body.t);
    return { t: quantifier(e.q, binders, inner, groups, this.sourceQid(e.q, e.sp)), ty: BOOL };
  }

  /** The origin of a quantifier written at `sp` (QuantSpots); one whose node the crate's syntax
   * does not hold is named after the function being generated. */
  sourceQid(this: FnGen, what: 'forall' | 'exists' | 'choose', sp: Sp): QuantOrigin {
    return this.cvc.quantSpots.origin(what, sp) ?? { k: 'axiom', name: `${what}-in-${this.info.qname}` };
  }
}

/**
 * `choose|x: T| body`: Verus's Hilbert choice. It is a function of the values the body reads
 * (its free variables), `choose@H(v1, .., vn)`, declared once with the axiom
 *   forall v1..vn. let r = choose@H(v1..vn) in inv_T(r) && ((exists x. inv_T(x) && body(x)) ==> body(r))
 * so a chosen value satisfies the body exactly when some value does, and is always of its type.
 * The function is closed (its axiom mentions no constant of a query), named by a hash of its
 * axiom, so the same choice in two places (a spec fn's definition and its caller) is one function.
 */
export class ChooseMethods {
  evChoose(this: FnGen, e: Extract<Expr, { k: 'quant' }>, st: State): V {
    if (mentionsCall(e.body, 'old') || e.triggers.some((g) => g.some((t) => mentionsCall(t, 'old')))) throw new Unsupported('`old` inside `choose`', e.sp);
    const own = new Set(e.params.map((p) => p.name));
    const names = new Set<string>();
    pathNames(e, names);
    const free = [...names].filter((n) => !own.has(n) && st.lookup(n)).sort().map((n) => ({ name: n, b: st.lookup(n)! }));
    const tys = e.params.map((p) => this.binderType(p));
    // the choice's type as the checking phase gave it (the binder's, or the tuple of them)
    const recordedTy = this.cvc.checked.exprTypes.get(e);
    const resTy = recordedTy && this.instTy(recordedTy);
    if (!resTy) throw new Unsupported('the type of this `choose` is not known', e.sp);
    // the body is evaluated closed: its free variables are the function's parameters
    const saved = { q: this.qcount, decls: this.decls.length, facts: this.facts.length, obs: this.obligations.length };
    this.qcount = 0;
    try {
      const cst = new State();
      const sig: Term[] = [];
      const fvs: string[] = [];
      free.forEach((x, i) => {
        const sym = quote(`fv@${i}`);
        this.sorts.need(x.b.ty);
        cst.declare(x.name, { ty: x.b.ty, term: sym, mut: false });
        sig.push([sym, sortOf(x.b.ty)]);
        fvs.push(sym);
      });
      this.sorts.need(resTy);
      const scc = this.cvc.scc.get(this.info.key);
      const cm: Mode = {
        exec: false, pure: true, nonlinear: false, bound: new Set(fvs), triggers: null, path: [],
        // termination of a recursive call is checked where it is made; inside a choice it is not
        recHook: (callee, _args, sp) => {
          if (this.cvc.recursive.has(callee.key) && scc?.has(callee.key)) throw new Unsupported('a recursive call inside `choose`', sp);
        },
      };
      const exists = foldGround(this.evQuant({ ...e, q: 'exists' }, cst, cm).t);
      const r = quote('choose@r');
      const rst = cst.clone();
      rst.push();
      if (tys.length === 1) rst.declare(e.params[0]!.name, { ty: resTy, term: r, mut: false });
      else {
        const ctor = this.sorts.datatype(resTy).ctors[0]!;
        e.params.forEach((p, i) => rst.declare(p.name, { ty: tys[i]!, term: [ctor.fields[i]!.acc, r], mut: false }));
      }
      const body = foldGround(this.ev(e.body, rst, { ...cm, triggers: null }).t);
      this.checkNoPlaceholder(exists);
      if (this.decls.length !== saved.decls || this.facts.length !== saved.facts || this.obligations.length !== saved.obs) throw new Unsupported('this `choose` body cannot be encoded as a function of its variables', e.sp);
      this.checkNoPlaceholder(body);
      const inv = this.typeInv(r, resTy);
      const resSort = print(sortOf(resTy));
      const argSorts = free.map((x) => print(sortOf(x.b.ty))).join(' ');
      const meaning = and(inv, implies(exists, body));
      // (named by the meaning without qids: the same choice written in two places is one function)
      const name = quote(`choose@${createHash('sha256').update(`${argSorts}|${resSort}|${print(withoutQids(meaning))}`).digest('hex').slice(0, 24)}`);
      if (!this.chooseFns.has(name)) {
        const app: Term = fvs.length ? [name, ...fvs] : name;
        const def: Term = ['let', [[r, app]], meaning];
        const lines: Command[] = [`(declare-fun ${name} (${argSorts}) ${resSort})`, ['assert', fvs.length ? quantifier('forall', sig, def, [[app]], this.sourceQid('choose', e.sp)) : def]];
        this.chooseFns.set(name, { lines, sorts: [resTy, ...free.map((x) => x.b.ty)] });
      }
      return { t: free.length ? [name, ...free.map((x) => x.b.term)] : name, ty: resTy };
    } finally {
      this.qcount = Math.max(this.qcount, saved.q);
    }
  }
}

/** Whether `e` calls the function `name` (a one-segment path). */
function mentionsCall(e: unknown, name: string): boolean {
  if (!e || typeof e !== 'object') return false;
  if (Array.isArray(e)) return e.some((x) => mentionsCall(x, name));
  const o = e as Record<string, unknown>;
  if (o.k === 'call' && (o.callee as { k?: string; segs?: string[] })?.k === 'path' && (o.callee as { segs: string[] }).segs.join('::') === name) return true;
  return Object.keys(o).some((k) => k !== 'sp' && mentionsCall(o[k], name));
}

/** The one-segment paths an expression mentions (an over-approximation of what it reads). */
function pathNames(e: unknown, out: Set<string>): void {
  if (!e || typeof e !== 'object') return;
  if (Array.isArray(e)) return e.forEach((x) => pathNames(x, out));
  const o = e as Record<string, unknown>;
  if (o.k === 'path' && Array.isArray(o.segs) && o.segs.length === 1) out.add(o.segs[0] as string);
  for (const k of Object.keys(o)) if (k !== 'sp') pathNames(o[k], out);
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
