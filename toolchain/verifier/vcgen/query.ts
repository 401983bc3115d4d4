// Obligations and their queries: where an obligation is recorded, what its query contains (a
// Query is data: options, prelude, declarations, facts, goal), the prelude (sorts, collection
// axioms, spec fn definitions) of a function's queries, and printQuery, the one printer.
// Invariant: an obligation's query sees exactly the declarations and facts generated before it
// (they only grow) and asserts the negation of its goal guarded by its branch path; the prelude
// depends on the whole function, so queries are assembled in finish(), after generation. Every
// query text sent to a solver (and hashed for the cache) comes from printQuery.

import type { ObligationKind } from '../../../app/verification';
import type { Sp } from '../ast';
import type { FnInfo, Ty } from '../resolver';
import { and, implies, print, printShared, quote, type Term } from '../smt';
import { quantifier } from '../qid';
import { State } from './state';
import { Computer, MAX_DEPTH } from './compute';
import { specBodyVisible, within } from '../check/visibility';
import { hasVerifierAttr } from '../../syntax/attributes';
import { WORD_SIZE_DECLS, mentionsWordSize, rangeTerms } from '../word-size';
import type { FnGen } from './gen';

export interface ScopeVar {
  name: string;
  ty: Ty;
  term: string; // SMT constant
}

export interface Crossed {
  kind: 'loop' | 'call';
  name: string;
  line: number;
  sp: Sp;
}

export interface Obligation {
  kind: ObligationKind;
  message: string;
  sp: Sp;
  related?: Sp;
  /** Set by FnGen.finish (the prelude depends on the whole function). */
  query?: Query;
  scope: ScopeVar[];
  labels: string[];
  /** Branch conditions (SMT text) with their labels; the counterexample path lists those true in the model. */
  trace: { cond: string; label: string }[];
  crossed: Crossed[];
  /** The assertion's `#[verifier::proof_note("..")]` / `#[verifier::custom_err("..")]`. */
  note?: ObligationNote;
  /** The file of `related` when it is not the function's own (a callee's requires). */
  relatedFile?: string;
  /** A precondition: the callee's clause with its parameters replaced by the call's arguments (source text). */
  assertion?: string;
  /**
   * Decided without the solver and failed (an assertion by computation short of true, an
   * integer_ring postcondition with no certificate): its goal is `false`, no model says anything.
   */
  noCounterexample?: boolean;
}

/** `custom_err` replaces the obligation's message when it fails; `proof_note` is added to it. */
export interface ObligationNote {
  kind: 'proof_note' | 'custom_err';
  text: string;
}

export interface FnVC {
  info: FnInfo;
  obligations: Obligation[];
  /** `file`: where `sp` is, when not in this function's file (a callee's clause). */
  unsupported?: { message: string; sp: Sp; file?: string };
  error?: { message: string; sp: Sp; file?: string };
  /** Every type and mode error the checking phase found (the first is `error`). */
  checkErrors?: { message: string; sp: Sp }[];
  /** Resolved callees (for recursion detection). */
  callees: Set<string>;
  /**
   * Spec fns: the function's own definition (with its dependencies) and `(check-sat)`, sent to the
   * solver only to find out whether the definition can be encoded (a solver error makes the
   * spec fn an `error`; any other answer is ignored).
   */
  defCheck?: Query;
}

/**
 * An SMT command of a prelude: a declaration as text, or an assertion `['assert', term]` (kept as
 * a term so that a printer can tell quantified axioms from the others).
 */
export type Command = Term;

/** One solver query as data. Its text is `printQuery`'s, and only that. */
export interface Query {
  /** `(set-option :smt.mbqi ..)`, always the first line (false in every generated query). */
  mbqi: boolean;
  /** The solver configuration after it: ORDINARY_OPTIONS or NONLINEAR_OPTIONS, or none (bit-vector queries). */
  options: readonly string[];
  /** Sorts, function declarations and their axioms. */
  prelude: readonly Command[];
  /** The function's constants (`declare-const` commands). */
  decls: readonly string[];
  /** Asserted facts. */
  facts: readonly Term[];
  /** Asserted negated (the path is already in it); absent in a definition check. */
  goal?: Term;
}

export interface PrintOptions {
  /** Overrides `q.mbqi` (the MBQI retry for a candidate model). */
  mbqi?: boolean;
  /** Replaces `q.options` (the alternative configuration of the int<->bv race). */
  options?: readonly string[];
  /** Leaves out every assertion with a quantifier (axioms, facts and the goal): candidate models. */
  dropQuantifiedFacts?: boolean;
}

/** The text of a query: one command a line, `(check-sat)` last. */
export function printQuery(q: Query, o: PrintOptions = {}): string {
  const drop = o.dropQuantifiedFacts === true;
  const lines = [`(set-option :smt.mbqi ${(o.mbqi ?? q.mbqi) ? 'true' : 'false'})`, ...(o.options ?? q.options)];
  for (const c of q.prelude) if (!(drop && isAssertion(c) && hasQuantifier(c))) lines.push(printShared(c));
  lines.push(...q.decls);
  for (const f of q.facts) if (!(drop && hasQuantifier(f))) lines.push(`(assert ${printShared(f)})`);
  if (q.goal !== undefined && !(drop && hasQuantifier(q.goal))) lines.push(`(assert (not ${print(q.goal)}))`);
  lines.push('(check-sat)');
  return lines.join('\n') + '\n';
}

/** Whether the query's text starts with Verus' configuration (MBQI off, VERUS_OPTIONS). */
export function hasVerusConfiguration(q: Query, o: PrintOptions = {}): boolean {
  const options = o.options ?? q.options;
  return !(o.mbqi ?? q.mbqi) && options.length >= VERUS_OPTIONS.length && VERUS_OPTIONS.every((x, i) => options[i] === x);
}

/** Whether a product of non-constants is `|uf.mul|` in the query (reasoned about linearly only). */
export function usesUninterpretedArith(q: Query): boolean {
  return q.prelude.includes(MUL_DECLS[0]!);
}

function mentionsLambda(t: Term): boolean {
  return Array.isArray(t) && (t[0] === 'lambda' || t.some(mentionsLambda));
}

/**
 * The boolean under which a `reveal(f)` in a body states `f`'s definition: the path assumes it
 * from the `reveal` on (vcgen/exec.ts), so the definition holds only there.
 */
export function revealGate(key: string): Term {
  return quote(`reveal%${key}`);
}

/** `(assert x)` as `(assert (=> gate x))`. */
function gated(c: Command, gate: Term): Command {
  return Array.isArray(c) && c[0] === 'assert' ? ['assert', implies(gate, c[1] as Term)] : c;
}

function isAssertion(c: Command): boolean {
  return Array.isArray(c) && c[0] === 'assert';
}

/** Whether a term has a quantifier. */
export function hasQuantifier(t: Term): boolean {
  if (typeof t === 'string') return false;
  if (t[0] === 'forall' || t[0] === 'exists') return true;
  return t.some(hasQuantifier);
}

export const MESSAGES: Record<ObligationKind, string> = {
  precondition: 'precondition not satisfied',
  postcondition: 'postcondition not satisfied',
  assertion: 'assertion failed',
  'invariant-entry': 'invariant not satisfied before loop',
  'invariant-preserved': 'invariant not satisfied at end of loop body',
  overflow: 'possible arithmetic overflow',
  underflow: 'possible arithmetic underflow',
  'division-by-zero': 'possible division by zero',
  'index-bounds': 'possible index out of bounds',
  decreases: 'could not prove termination',
  unwrap: 'precondition not satisfied: unwrap of None',
};

/** Verus' solver configuration (every option is set explicitly: z3-solver keeps options set by
 * `fromString` across queries). A query's options start with it, then one of NL_OFF / NL_ON.
 * `dt_lazy_splits 2` (z3's default is 1) splits a datatype term on its constructors only when a
 * constructor test or an accessor needs it: our structs, tuples, options and sequences are z3
 * datatypes, and with eager splits Atmosphere's `ProcessManager` frame conditions spent their
 * time in hundreds of thousands of constructor and accessor axioms (one `new_endpoint` goal:
 * over 30 s, with lazy splits 3.6 s; docs/benchmarks.md). */
export const VERUS_OPTIONS = ['(set-option :auto_config false)', '(set-option :smt.case_split 3)', '(set-option :smt.arith.solver 2)', '(set-option :smt.dt_lazy_splits 2)'];
/** Ordinary queries: no nonlinear arithmetic (as Verus: products are linear monomials there). */
export const NL_OFF = '(set-option :smt.arith.nl false)';
/** `#[verifier::nonlinear]` functions and `by(nonlinear_arith)` queries. */
export const NL_ON = '(set-option :smt.arith.nl true)';
export const ORDINARY_OPTIONS = [...VERUS_OPTIONS, NL_OFF];
export const NONLINEAR_OPTIONS = [...VERUS_OPTIONS, NL_ON];
/** Alternative configuration tried when a query with int<->bv conversions does not finish. */
export const ALT_OPTIONS = ['(set-option :smt.case_split 1)', '(set-option :auto_config true)', '(set-option :smt.arith.solver 6)', NL_OFF];
export const FUEL_DECL = '(declare-datatypes ((Fuel 0)) (((fuel.zero) (fuel.succ (fuel.pred Fuel)))))';
const MUL: Term = ['|uf.mul|', 'x', 'y'];
const XY: Term = [['x', 'Int'], ['y', 'Int']];
/**
 * A product of two non-constants is `|uf.mul|`, defined as `*` (Verus' `Mul` and its prelude
 * axioms): with NL_OFF z3 reasons about it linearly (a monomial, `x*y = y*x`, `1*1 = 1` once `x`
 * is known), plus the product of two naturals is a natural; the wrapper lets a trigger name it.
 */
export const MUL_DECLS: Command[] = [
  '(declare-fun |uf.mul| (Int Int) Int)',
  ['assert', quantifier('forall', XY, ['=', MUL, ['*', 'x', 'y']], [[MUL]], { k: 'axiom', name: 'uf.mul' })],
  ['assert', quantifier('forall', XY, ['=>', ['and', ['<=', '0', 'x'], ['<=', '0', 'y']], ['<=', '0', MUL]], [[MUL]], { k: 'axiom', name: 'uf.mul.nat' })],
];

export class QueryMethods {
  oblige(this: FnGen, st: State, kind: ObligationKind, sp: Sp, goal: Term, related?: Sp, message?: string, extraScope?: ScopeVar[], note?: ObligationNote): Obligation | undefined {
    if (goal === 'true') {
      return undefined;
    }
    const ob = this.makeOb(st, kind, sp, goal, related, message, extraScope);
    if (note) ob.note = note;
    this.obligations.push(ob);
    return ob;
  }
  makeOb(this: FnGen, st: State, kind: ObligationKind, sp: Sp, goal: Term, related?: Sp, message?: string, extraScope?: ScopeVar[]): Obligation {
    const declN = this.decls.length;
    const factN = this.facts.length;
    const path = [...st.path];
    const scope = this.scopeOf(st, extraScope);
    const ob: Obligation = { kind, message: message ?? MESSAGES[kind], sp, related, scope, labels: [...st.labels], trace: st.trace.map((t) => ({ cond: print(t.cond), label: t.label })), crossed: [...st.crossed] };
    // The query is assembled in finish() (the prelude depends on the whole function).
    this.pending.set(ob, { declN, factN, path, goal });
    return ob;
  }
  scopeOf(this: FnGen, st: State, extra?: ScopeVar[]): ScopeVar[] {
    const out: ScopeVar[] = [];
    const seen = new Set<string>();
    const perScope: ScopeVar[][] = [];
    for (let i = st.scopes.length - 1; i >= 0; i--) {
      const here: ScopeVar[] = [];
      for (const [name, b] of st.scopes[i]!) {
        if (seen.has(name) || name.startsWith('$')) continue;
        seen.add(name);
        if (typeof b.term === 'string' && b.term.startsWith('|')) here.push({ name, ty: b.ty, term: b.term });
      }
      perScope.unshift(here);
    }
    for (const h of perScope) out.push(...h);
    if (this.fnCtx) {
      for (const [name, t] of this.fnCtx.old) {
        const b = st.lookup(name);
        if (b && typeof t === 'string') out.push({ name: `old(${name})`, ty: b.ty, term: t });
      }
    }
    if (extra) out.push(...extra);
    return out;
  }

  /** Builds the final queries. */
  finish(this: FnGen, extraPreludeDeps: Set<string> = new Set()): void {
    const prelude = this.prelude([...this.specUsed, ...extraPreludeDeps].sort(), this.reveals, this.reveals);
    // An open word width's constants are declared only for functions whose queries mention them:
    // their disjunction alone can send z3's nonlinear arithmetic astray (corpus: lemma_sum_formula).
    // (One prelude object for all of a function's obligations: the incremental plan shares it.)
    const fnPrelude = this.withWordSize(prelude, [...this.facts, ...[...this.pending.values()].flatMap((q) => ('query' in q ? [] : [...q.path, q.goal]))]);
    let factsChecked = 0;
    for (const ob of this.obligations) {
      const q = this.pending.get(ob);
      if (!q) continue;
      if ('query' in q) {
        ob.query = q.query;
      } else {
        // a `None` / `X::empty()` never typed would reach the solver as `($none)`: an error here
        for (; factsChecked < q.factN; factsChecked++) this.checkNoPlaceholder(this.facts[factsChecked]!);
        for (const c of q.path) this.checkNoPlaceholder(c);
        this.checkNoPlaceholder(q.goal);
        const computed = this.byComputation.get(ob);
        const c = computed ? this.computedGoal(computed.mode, q.goal, fnPrelude, this.facts.slice(computed.factFrom, q.factN), this.facts.slice(0, q.factN)) : { goal: q.goal };
        if (c.failure) {
          ob.message = c.failure;
          ob.noCounterexample = true;
        }
        const goal = c.goal;
        ob.query = { mbqi: false, options: this.nonlinearFn ? NONLINEAR_OPTIONS : ORDINARY_OPTIONS, prelude: fnPrelude, decls: this.decls.slice(0, q.declN), facts: this.facts.slice(0, q.factN), goal: implies(and(...q.path), goal) };
      }
      this.pending.delete(ob);
    }
    if (this.info.item.mode === 'spec') {
      // (built after the obligations: it may add sorts and axioms, which must not change them)
      const self = new Set([this.specKey]);
      const defPrelude = this.prelude([...new Set([...this.specUsed, ...self])].sort(), new Set([...this.reveals, ...self]));
      this.defCheck = { mbqi: false, options: ORDINARY_OPTIONS, prelude: this.withWordSize(defPrelude, []), decls: [], facts: [] };
    }
  }
  /**
   * The goal of an assertion `by(compute)` / `by(compute_only)`, simplified by computation with the
   * query's definitions (vcgen/compute.ts): `true` when the computation proves it; otherwise, for
   * `compute`, the residual, which the solver proves in the assertion's context. Where Verus
   * reports the computation itself as the assertion's failure (`compute_only` short of `true`, a
   * recursion too deep, a closure left unapplied), the goal is `false` with Verus's message.
   */
  computedGoal(this: FnGen, mode: 'compute' | 'compute_only', goal: Term, prelude: readonly Command[], ownFacts: readonly Term[], facts: readonly Term[]): { goal: Term; failure?: string } {
    const r = new Computer(prelude, ownFacts, facts).compute(goal);
    if (r.k === 'too-deep') return { goal: 'false', failure: `assert_by_compute exceeded maximum recursion depth (${MAX_DEPTH} nested definitions)` };
    if (r.t === 'true') return { goal: 'true' };
    if (mentionsLambda(r.t)) return { goal: 'false', failure: "Proof by computation included a closure literal that wasn't applied.  This is not yet supported." };
    if (mode === 'compute_only') return { goal: 'false', failure: r.t === 'false' ? 'assert_by_compute_only: expression simplifies to false' : 'assert_by_compute_only failed to simplify down to true' };
    return { goal: r.t };
  }
  /** `prelude`, after the open word width's constants when it or `terms` mention them. */
  withWordSize(this: FnGen, prelude: Command[], terms: Term[]): Command[] {
    if (this.crate.wordBits !== null || !(prelude.some(mentionsWordSize) || terms.some(mentionsWordSize))) return prelude;
    return [...WORD_SIZE_DECLS, ...prelude];
  }
  /** Whether spec fn `info`'s body is visible where this function is defined (module privacy). */
  bodyVisible(this: FnGen, info: FnInfo): boolean {
    return specBodyVisible(info.item, this.crate.moduleOf(info.item), this.crate.moduleOf(this.info.item));
  }
  /**
   * Sorts, axioms and the spec fn definitions (transitively) needed by `keys`. `reveals`: the spec
   * fns whose definitions are visible; those also in `gates` (the body's `reveal(f)`s) are stated
   * under `revealGate`, which the path assumes from each reveal on.
   */
  prelude(this: FnGen, keys: string[], reveals: Set<string>, gates: ReadonlySet<string> = new Set()): Command[] {
    // collect spec fn definitions transitively
    const lines: Command[] = [];
    const seen = new Set<string>();
    const hidden = new Set<string>();
    let usesMul = this.usesMul;
    let usesFuel = false;
    const order: string[] = [];
    const infos = new Map<string, FnInfo>();
    const visit = (k: string): void => {
      if (seen.has(k)) return;
      seen.add(k);
      const inst = this.cvc.instances.get(k);
      const info = inst?.info ?? this.crate.fns.get(k)?.[0];
      if (!info) return;
      infos.set(k, info);
      const def = this.cvc.specDef(info, inst?.tyArgs);
      // a body hidden from this function's module (Verus's `closed`): the function is only
      // declared here, and what only its body mentions is not needed
      if (!this.bodyVisible(info) || (this.hides.has(info.key) && !gates.has(info.key))) {
        for (const s of def.sorts) this.sorts.need(s);
        for (const c of def.consts) this.sorts.needConst(c);
        if (def.recursive) usesFuel = true;
        hidden.add(k);
        order.push(k);
        return;
      }
      for (const d of [...def.deps].sort()) visit(d);
      for (const s of def.sorts) this.sorts.need(s);
      for (const c of def.consts) this.sorts.needConst(c);
      for (const t of def.dflts) this.sorts.dflt(t);
      if (def.usesMul) usesMul = true;
      for (const [k2, v] of def.axioms) if (!this.axioms.has(k2)) this.axioms.set(k2, v);
      for (const [k2, v] of def.chooseFns) if (!this.chooseFns.has(k2)) this.chooseFns.set(k2, v);
      if (def.recursive) usesFuel = true;
      order.push(k);
    };
    for (const k of keys) visit(k);
    // recursive defs: declare all first, then axioms
    const declLines: Command[] = [];
    const defLines: Command[] = [];
    // (a function hidden by `hide(f)` and revealed later: its definition from the reveal on)
    const gateOf = (k: string): Term | null => {
      const key = infos.get(k)?.key ?? k;
      return gates.has(key) ? revealGate(key) : null;
    };
    for (const k of order) {
      const def = this.cvc.specDefs.get(k)!;
      const gate = this.hides.has(infos.get(k)?.key ?? k) ? gateOf(k) : null;
      for (const l of def.lines) if (!isAssertion(l)) declLines.push(l);
      else if (!hidden.has(k)) defLines.push(gate ? gated(l, gate) : l);
    }
    // (`#[verifier(opaque_outside_module)]`: revealed in its own module and the modules inside it)
    const here = this.crate.moduleOf(this.info.item);
    const ownModule = (k: string): boolean => {
      const info = infos.get(k);
      return !!info && hasVerifierAttr(info.item.attrs, 'opaque_outside_module') && within(here, this.crate.moduleOf(info.item));
    };
    // (a generic spec fn revealed: each of its instances)
    const revealedInstance = (k: string): boolean => reveals.has(infos.get(k)?.key ?? k);
    const revealed = new Set([...reveals, ...order.filter((k) => ownModule(k) || revealedInstance(k))]);
    for (const k of [...revealed].sort()) {
      if (hidden.has(k)) continue;
      // (revealed in its own module: everywhere in the function)
      const gate = ownModule(k) ? null : gateOf(k);
      defLines.push(...(this.cvc.specDefs.get(k)?.revealLines ?? []).map((l) => (gate ? gated(l, gate) : l)));
    }
    declLines.push(...[...gates].sort().map((key): Command => `(declare-const ${print(revealGate(key))} Bool)`));
    // `choose` functions: after the spec fns their axioms call, before the definitions using them
    const chooseLines: Command[] = [];
    for (const c of this.chooseFns.values()) {
      for (const t of c.sorts) this.sorts.need(t);
      chooseLines.push(...c.lines);
    }
    lines.push(...declLines, ...chooseLines, ...defLines);
    // every helper's declarations before any axiom (one helper's axiom may use another's function)
    const axDecls: Command[] = [];
    const axAsserts: Command[] = [];
    for (const k2 of [...this.axioms.keys()].sort()) for (const l of this.axioms.get(k2)!) (isAssertion(l) ? axAsserts : axDecls).push(l);
    const axLines = [...axDecls, ...axAsserts];
    return [...(usesFuel ? [FUEL_DECL] : []), ...this.sorts.declarations(rangeTerms('usize', this.crate.wordBits).max!), ...(usesMul ? MUL_DECLS : []), ...axLines, ...lines];
  }
}
