// FnGen: the generator of one function's verification conditions. This module holds its state
// (declarations, facts, obligations), the naming of SMT constants, type invariants of havocked
// values, typing of unsuffixed literals and of `None` / `X::empty()` placeholders, and the entry
// point run(); the other concerns are mixin modules installed by ./index.ts.
// Invariant: `decls` and `facts` are append-only (obligations record prefixes of them); every
// constant is declared once, with its type's range facts when havocked.

import { rangeTerms } from '../word-size';
import type { Expr, FnItem, Sp, TypeExpr } from '../ast';
import { LineMap } from '../../syntax/line-map';
import { Crate, ResolveError, UnsupportedType, UNIT, genericEnv, isIntKind, isMutRefParam, substTy, tyKey, tyStr, type ArrayLen, type FnInfo, type IntKind, type Ty, type TyEnv } from '../resolver';
import { SortRegistry, UnencodableType, and, eq, implies, ite, not, num, print, quote, sortKey, sortOf, type Term } from '../smt';
import { quantifier } from '../qid';
import { Unsupported, State, type V, type Mode, type FnCtx } from './state';
import type { CrateVC } from './spec-fns';
import type { Command, FnVC, Obligation, Query, QueryMethods } from './query';
import type { SpecFnMethods } from './spec-fns';
import type { ExecMethods } from './exec';
import type { ExprMethods } from './expr';
import type { CollectionMethods } from './collections';
import type { ChooseMethods, QuantifierMethods } from './quantifiers';
import type { CallMethods } from './calls';
import type { BitVectorMethods } from './bitvector';
import type { IntegerRingMethods } from './integer-ring';
import type { BroadcastMethods } from './broadcast';
import type { ClosureMethods } from './closures';
import type { TypeInvariantMethods } from './type-invariants';
import type { UnwindMaskMethods } from './unwind-mask';
import type { ApiSafetyMethods } from './api-safety';
import { hasExternalBody } from '../../syntax/attributes';
import { ProofStateRecorder, type KnownFactSite } from './proof-state';

// The methods of the other modules (installed by ./index.ts)
export interface FnGen extends QueryMethods, SpecFnMethods, ExecMethods, ExprMethods, CollectionMethods, QuantifierMethods, ChooseMethods, CallMethods, BitVectorMethods, IntegerRingMethods, BroadcastMethods, ClosureMethods, TypeInvariantMethods, UnwindMaskMethods, ApiSafetyMethods {}

/** The SMT name of a spec fn at generic arguments `tyArgs` (its key when it is not generic). */
export function specInstanceKey(info: FnInfo, tyArgs: Ty[]): string {
  return info.item.generics.length ? `${info.key}<${tyArgs.map(tyKey).join(',')}>` : info.key;
}

/** One line map per file of a crate, shared by its functions' generators. */
const lineMaps = new WeakMap<Crate, Map<string, LineMap>>();

export class FnGen {
  crate: Crate;
  decls: string[] = [];
  facts: Term[] = [];
  obligations: Obligation[] = [];
  sorts: SortRegistry;
  specUsed = new Set<string>();
  usesMul = false;
  /** Collection-operation functions and their axioms, by name. */
  axioms = new Map<string, Command[]>();
  /** `choose` functions (declaration and axiom) with the sorts they use, by name, in the order made. */
  chooseFns = new Map<string, { lines: Command[]; sorts: Ty[] }>();
  /** Obligations whose query finish() has yet to build: the generation state they see, or a query of their own. */
  pending = new Map<Obligation, { declN: number; factN: number; path: Term[]; goal: Term } | { query: Query }>();
  callees = new Set<string>();
  /** Assertions `by(compute)` / `by(compute_only)`: where the facts their expression defined begin. */
  byComputation = new Map<Obligation, { mode: 'compute' | 'compute_only'; factFrom: number }>();
  counter = new Map<string, number>();
  qcount = 0;
  /** The types of this function's code, for instantiating generic broadcast lemmas (vcgen/broadcast.ts). */
  functionTypes: import('../resolver').Ty[] | null = null;
  /** Deferred recursion checks: callee key -> obligations to keep if recursive */
  recCalls: { callee: string; ob: () => Obligation }[] = [];
  /** the byte string literals whose type invariant is already a fact (expr.ts `byteLiteral`) */
  byteLiterals = new Set<string>();
  fnCtx: FnCtx | null = null;
  reveals = new Set<string>();
  /** spec fns whose definitions this function hides (`hide(f)`) */
  hides = new Set<string>();
  /** `#[verifier::inline]` spec fns whose bodies are being inlined now (a recursive one is applied instead) */
  inlining = new Set<string>();
  /** The trait whose spec fns are read as their default bodies (vcgen/api-safety.ts), or null. */
  inlineTraitDefaults: string | null = null;
  /** A unit of `-V check-api-safety`'s obligation alone (vcgen/api-safety.ts). */
  apiSafetyOnly = false;
  /** Fuel set by `reveal_with_fuel` for recursive spec fns (default 1). */
  fuel = new Map<string, number>();

  /** `#[verifier::nonlinear]`: multiplication in this function's own queries is z3's `*` (with its
   * nonlinear arithmetic), as in Verus; elsewhere a product of two variables is uninterpreted. */
  nonlinearFn: boolean;

  /** What the verifier knows at each statement (the IDE's proof-state panel). */
  proofState: ProofStateRecorder;

  /**
   * The item whose syntax is being evaluated and its generic arguments: this function (its own
   * generic parameters stay parameters: uninterpreted sorts and constants, so what is proved holds
   * for every instantiation), or, while a callee's `requires`/`ensures` are evaluated at a call,
   * the callee at the call's generic arguments.
   */
  cur: { item: FnItem; env: TyEnv };
  /** While a constant's value is evaluated: its impl's type, what `Self` means there (null at the root); undefined otherwise. */
  constSelfType: string | null | undefined = undefined;
  /** The SMT name of this function's spec fn instance (a generic spec fn has one per instantiation). */
  specKey: string;

  /** `tyArgs`: a generic spec fn's instantiation whose definition this generator builds. */
  constructor(public cvc: CrateVC, public info: FnInfo, tyArgs: Ty[] = []) {
    this.crate = cvc.crate;
    this.proofState = new ProofStateRecorder(info.file);
    this.sorts = new SortRegistry(cvc.crate);
    this.nonlinearFn = info.item.attrs.some((a) => /^verifier(::nonlinear|\(nonlinear\))$/.test(a)) || info.item.by?.kind === 'nonlinear_arith';
    // (no arguments: the function's own parameters)
    const args = tyArgs.length || !info.item.generics.length ? tyArgs : info.item.generics.map((g): Ty => ({ k: 'param', name: g }));
    const env = genericEnv(info.item, args);
    // (its own body returns the types its opaque ones stand for: check/checker.ts `opaqueTypes`)
    for (const [name, ty] of cvc.checked.opaqueTypes.get(info.item) ?? []) env.set(name, ty);
    this.cur = { item: info.item, env };
    this.specKey = specInstanceKey(info, args);
    if (info.item.mode === 'spec' && !cvc.instances.has(this.specKey)) cvc.instances.set(this.specKey, { info, tyArgs: args });
  }

  /**
   * The checking phase stops at a construct it cannot judge (the item is unsupported there): the
   * rest of that item (a callee's clause, an inline body) is left untyped. Meeting such a place
   * makes the user unsupported too (never an internal or a typing error).
   */
  throwCheckerGap(sp: Sp): void {
    const gap = this.cvc.checked.fnUnsupported.get(this.cur.item);
    if (gap) throw new Unsupported(`\`${this.cur.item.name}\` uses a construct that is not supported (${gap.message.replace(/^unsupported: /, '')})`, sp);
  }
  /** A type written in the current item's syntax, at its generic arguments. */
  synTy(t: TypeExpr): Ty {
    return substTy(this.crate.resolveType(t, this.cur.item), this.cur.env);
  }
  /** A type the checker recorded for the current item's syntax, at its generic arguments. */
  instTy(t: Ty): Ty {
    return substTy(t, this.cur.env);
  }
  /** Runs `fn` with the syntax of `item` at `env` being evaluated (a callee's clauses). */
  inItem<T>(item: FnItem, env: TyEnv, fn: () => T): T {
    const prev = this.cur;
    this.cur = { item, env };
    try {
      return fn();
    } catch (e) {
      // a problem in another function's syntax is reported at its place in that function's file
      if ((e instanceof ResolveError || e instanceof Unsupported) && e.file === undefined) e.file = this.crate.fnFiles.get(item);
      throw e;
    } finally {
      this.cur = prev;
    }
  }
  /** The generic arguments of a call of a generic function, in this generator's terms. */
  callTyArgs(call: import('../ast').Expr, f: FnItem, sp: Sp): Ty[] {
    if (!f.generics.length) return [];
    const recorded = this.cvc.checked.callTypeArgs.get(call);
    if (!recorded) this.throwCheckerGap(sp);
    if (!recorded) throw new ResolveError('type annotations needed: the generic arguments of this call are not known', sp);
    return recorded.map((t) => this.instTy(t));
  }
  /**
   * The length of sequence-like value `t` of type `ty` as a term: an array's is its type's (a
   * number, or a const generic parameter's value); a slice's or a sequence's is the value's own.
   */
  seqLen(ty: Extract<Ty, { k: 'array' | 'seq' }>, t: Term): Term {
    if (ty.k === 'array' && typeof ty.len === 'number') return num(ty.len);
    if (ty.k === 'array' && typeof ty.len === 'string') return this.sorts.constParam(ty.len);
    return [this.sorts.datatype(ty).ctors[0]!.fields[0]!.acc, t];
  }
  /** The value of const generic parameter `name` of the current item. */
  constParamValue(name: string): Term {
    const v = this.cur.env.get(name);
    if (v?.k === 'cval') return num(v.n);
    return this.sorts.constParam(v?.k === 'param' ? v.name : name, this.constParamKind(name));
  }
  /** The integer type of the current item's const generic parameter `name` (`usize` unless written otherwise). */
  constParamKind(name: string): IntKind {
    const ty = this.cur.item.genericParams?.find((p) => p.name === name && p.kind === 'const')?.constTy;
    return ty?.k === 'path' && isIntKind(ty.name) ? ty.name : 'usize';
  }

  /** Spec fns: the definition check (see FnVC.defCheck), built by finish(). */
  defCheck: Query | undefined;

  myMeasure: V[] = [];

  // `None` / `X::empty()` whose type is not known yet are placeholder terms (`($none)`,
  // `($empty Seq)`) that `fit` replaces once the context gives the type. One left in a finished
  // query or definition is an error at the placeholder's span (never a solver error).
  placeholderSps = new WeakMap<Term[], Sp>();
  fresh(base: string, ty: Ty): string {
    const n = this.counter.get(base) ?? 0;
    this.counter.set(base, n + 1);
    const name = quote(n === 0 ? base : `${base}~${n}`);
    this.sorts.need(ty);
    this.decls.push(`(declare-const ${name} ${print(sortOf(ty))})`);
    return name;
  }
  define(base: string, v: V): string {
    const c = this.fresh(base, v.ty);
    // (statements and unit-returning calls stand for `()` by the term `true`: a unit variable
    // has the unit datatype's sort, whose one value is its constructor)
    const t = v.ty.k === 'tuple' && !v.ty.elems.length && v.t === 'true' ? this.sorts.datatype(v.ty).ctors[0]!.ctor : v.t;
    this.facts.push(eq(c, t));
    return c;
  }
  /** Assumes `t` on the current path; `site`: the source it comes from (for the proof state). */
  assume(st: { path: Term[] }, t: Term, site?: Omit<KnownFactSite, 'file'> & { file?: string }): void {
    this.facts.push(implies(and(...st.path), t));
    if (site) this.proofState.fact(site, st.path);
  }

  typeInv(t: Term, ty: Ty, depth = 0, inQuant = false): Term {
    ty = ty;
    switch (ty.k) {
      case 'int': {
        const r = rangeTerms(ty.kind, this.crate.wordBits);
        const cs: Term[] = [];
        if (r.min !== null) cs.push(['<=', r.min, t]);
        if (r.max !== null) cs.push(['<=', t, r.max]);
        return and(...cs);
      }
      case 'bool': case 'str': case 'real':
        return 'true';
      // a Unicode scalar value: no surrogate code points
      case 'char':
        return and(['<=', '0', t], ['<=', t, String(0x10ffff)], ['or', ['<', t, String(0xd800)], ['<', String(0xdfff), t]]);
      case 'struct': case 'tuple': case 'enum': {
        if (depth > 3) return 'true';
        const dt = this.sorts.datatype(ty);
        const parts: Term[] = [];
        for (const c of dt.ctors) {
          const fs = c.fields.map((f) => this.typeInv([f.acc, t], f.ty, depth + 1, inQuant)).filter((x) => x !== 'true');
          if (!fs.length) continue;
          parts.push(dt.ctors.length > 1 ? implies([['_', 'is', c.tester], t], and(...fs)) : and(...fs));
        }
        return and(...parts);
      }
      case 'seq': case 'array': {
        const dt = this.sorts.datatype(ty);
        const len = [dt.ctors[0]!.fields[0]!.acc, t];
        const arr = [dt.ctors[0]!.fields[1]!.acc, t];
        // inside another quantifier only the length (nested quantifiers cost much more than they help)
        // (an array's length is its type's; a slice's at most `usize::MAX`, like any slice in Rust)
        const lenInv: Term = ty.k === 'array' && ty.len !== null ? eq(len, this.seqLen(ty, t)) : ty.k === 'array' ? this.typeInv(len, { k: 'int', kind: 'usize' }) : ['<=', '0', len];
        if (inQuant) return lenInv;
        const k = quote(`k@${this.qcount++}`);
        const sel: Term = ['select', arr, k];
        const inRange = and(['<=', '0', k], ['<', k, len]);
        const einv = depth > 3 ? 'true' : this.typeInv(sel, ty.elem, depth + 1, true);
        const body = ite(inRange, einv, eq(sel, this.sorts.dflt(ty.elem)));
        const q: Term = quantifier('forall', [[k, 'Int']], body, [[sel]], { k: 'type-inv', ty: sortKey(ty), of: print(t) });
        return and(lenInv, q);
      }
      case 'map': {
        if (inQuant) return 'true';
        const dt = this.sorts.datatype(ty);
        const dom = [dt.ctors[0]!.fields[0]!.acc, t];
        const vals = [dt.ctors[0]!.fields[1]!.acc, t];
        const k = quote(`k@${this.qcount++}`);
        const sel: Term = ['select', vals, k];
        return quantifier('forall', [[k, sortOf(ty.key)]], implies(not(['select', dom, k]), eq(sel, this.sorts.dflt(ty.val))), [[sel]], { k: 'type-inv', ty: sortKey(ty), of: print(t) });
      }
      // (a spec_fn's results are not assumed in range: nothing needs it, and an uninterpreted one
      // would need a quantifier)
      case 'set': case 'param': case 'cval': case 'fn': case 'closure':
        return 'true';
    }
  }
  havoc(base: string, ty: Ty): string {
    const c = this.fresh(base, ty);
    const inv = this.typeInv(c, ty);
    // one fact per conjunct (the quantifier-free ones survive in candidate-model queries)
    const flat = (t: Term): Term[] => (Array.isArray(t) && t[0] === 'and' ? t.slice(1).flatMap(flat) : [t]);
    if (inv !== 'true') this.facts.push(...flat(inv));
    return c;
  }

  run(): FnVC {
    const res: FnVC = { info: this.info, obligations: [], callees: this.callees };
    try {
      const f = this.info.item;
      const clause = f.unsupportedClauses[0];
      if (clause) throw new Unsupported(`unsupported: \`${clause.clause}\` clause`, clause.sp);
      if (f.by && f.mode !== 'proof') throw new Unsupported(`\`by(${f.by.kind})\` on a function that is not a proof fn`, f.by.sp);
      if (this.apiSafetyOnly) this.apiSafetyEnsures();
      else if (f.mode === 'spec') this.checkSpecFn();
      else if (f.by?.kind === 'bit_vector') this.bitVectorFn();
      else if (f.by?.kind === 'integer_ring') this.integerRingFn();
      else if (hasExternalBody(f.attrs) || !f.body) {
        // trusted: body not verified, but the signature and the specs must resolve
        this.checkSignature();
      } else this.checkBody();
      res.obligations = this.obligations;
    } catch (e) {
      const elsewhere = (x: { file?: string }) => (x.file !== undefined && x.file !== this.info.file ? { file: x.file } : {});
      if (e instanceof Unsupported) res.unsupported = { message: e.message, sp: e.sp, ...elsewhere(e) };
      else if (e instanceof UnencodableType) res.unsupported = { message: e.message, sp: this.info.item.nameSp };
      else if (e instanceof UnsupportedType) res.unsupported = { message: `unsupported: ${e.message}`, sp: e.sp, ...elsewhere(e) };
      else if (e instanceof ResolveError) res.error = { message: e.message, sp: e.sp, ...elsewhere(e) };
      else res.error = { message: `internal error: ${(e as Error).message}`, sp: this.info.item.nameSp };
    }
    return res;
  }

  /**
   * A function's entry: each parameter a havocked value of its type, bound in a new state; `old`
   * the entry value of each `&mut` parameter.
   */
  entryState(f: FnItem): { st: State; old: Map<string, Term>; ps: { name: string; ty: Ty; mut: boolean }[] } {
    const st = new State();
    const old = new Map<string, Term>();
    const ps = this.paramTypes(f);
    for (const p of ps) {
      const c = this.havoc(p.name, p.ty);
      st.declare(p.name, { ty: p.ty, term: c, mut: p.mut });
      if (p.mut) old.set(p.name, c);
    }
    return { st, old, ps };
  }

  /** Trusted functions (external_body, no body): types and specs are resolved like any other's. */
  checkSignature(): void {
    const f = this.info.item;
    const { st, old } = this.entryState(f);
    const retTy = f.ret ? this.synTy(f.ret.ty) : UNIT;
    const retName = f.ret?.name ?? null;
    this.fnCtx = { fn: f, info: this.info, old, retTy, retName, loops: [], returns: () => {} };
    for (const r of f.requires) this.evalPure(r, st, this.specMode([]), true);
    for (const d of f.decreases) this.evalPure(d, st, this.specMode([]));
    const est = st.clone();
    est.push();
    if (retName) est.declare(retName, { ty: retTy, term: this.havoc(retName, retTy), mut: false });
    for (const e of [...f.ensures, ...(f.defaultEnsures ?? [])]) this.evalPure(e, est, this.specMode([]), true);
    this.fnCtx = null;
  }

  /** `f`'s parameters at generic arguments `env` (by default: this function's own). */
  paramTypes(f: FnItem, env: TyEnv = this.cur.env): { name: string; ty: Ty; mut: boolean }[] {
    return f.params.map((p) => ({ name: p.name, ty: substTy(this.crate.resolveType(p.ty, f), env), mut: isMutRefParam(p) }));
  }
  /** `f`'s return type at generic arguments `env`. */
  retType(f: FnItem, env: TyEnv = this.cur.env): Ty {
    return f.ret ? substTy(this.crate.resolveType(f.ret.ty, f), env) : UNIT;
  }

  specMode(path: Term[]): Mode {
    return { exec: false, pure: true, nonlinear: false, bound: new Set(), triggers: null, path };
  }

  /** The type the checking phase recorded for `e`, at the instantiation being generated (null if none). */
  recordedType(e: Expr): Ty | null {
    const recorded = this.cvc.checked.exprTypes.get(e);
    return recorded ? this.instTy(recorded) : null;
  }

  placeholder(t: Term[], sp: Sp): Term[] {
    this.placeholderSps.set(t, sp);
    return t;
  }
  placeholderSp(t: Term): Sp {
    return (Array.isArray(t) && this.placeholderSps.get(t)) || this.info.item.nameSp;
  }
  /** The first placeholder left in `t`, or null. */
  findPlaceholder(t: Term): Term[] | null {
    if (typeof t === 'string') return null;
    if (t[0] === '$none' || t[0] === '$empty') return t;
    for (const x of t) {
      const r = this.findPlaceholder(x);
      if (r) return r;
    }
    return null;
  }
  /** Throws an error at the placeholder's span when `t` still contains one. */
  checkNoPlaceholder(t: Term): void {
    const ph = this.findPlaceholder(t);
    if (ph) throw new ResolveError(`type annotations needed: cannot infer the type of \`${ph[0] === '$none' ? 'None' : `${ph[1]}::empty()`}\``, this.placeholderSp(ph));
  }

  /**
   * Gives an untyped `None` / `X::empty()` its type from context; a statement's unit result
   * (`true`, never stored) used as a value of type `()` becomes the unit datatype's value.
   */
  fit(v: V, ty: Ty): V {
    if (v.t === 'true' && v.ty.k === 'tuple' && !v.ty.elems.length && ty.k === 'tuple' && !ty.elems.length) return { t: this.sorts.datatype(UNIT).ctors[0]!.ctor, ty: UNIT };
    if (Array.isArray(v.t) && v.t[0] === '$none') {
      const n = ty;
      if (n.k !== 'enum' || n.name !== 'Option') throw new ResolveError(`mismatched types: expected ${tyStr(n)}, found Option`, this.placeholderSp(v.t));
      return { t: this.sorts.datatype(n).ctors[0]!.ctor, ty: n };
    }
    if (Array.isArray(v.t) && v.t[0] === '$empty') {
      const n = ty;
      const want = v.t[1] === 'Seq' ? 'seq' : v.t[1] === 'Set' ? 'set' : 'map';
      if (n.k !== want) throw new ResolveError(`mismatched types: expected ${tyStr(n)}, found ${v.t[1]}`, this.placeholderSp(v.t));
      return { t: this.emptyOf(n), ty: n };
    }
    return v;
  }
  /** The function's file's line map (labels of branches and crossed loops/calls). */
  private lineMap(): LineMap {
    let lm = lineMaps.get(this.crate);
    if (!lm) lineMaps.set(this.crate, (lm = new Map()));
    let m = lm.get(this.info.file);
    if (!m) lm.set(this.info.file, (m = new LineMap(this.crate.files.find((f) => f.path === this.info.file)?.text ?? '')));
    return m;
  }
  lineCol(off: number): string {
    const p = this.lineMap().pos(off);
    return `${p.line}:${p.column}`;
  }
  line(off: number): number {
    return this.lineMap().pos(off).line;
  }
}
