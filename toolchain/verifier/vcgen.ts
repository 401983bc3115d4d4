// Verification-condition generation by symbolic execution over the structured AST.
// One SMT query per obligation: the facts known at that point (guarded by the branch path),
// then `(assert (not goal))`. Loops are cut with their invariants; calls use callee specs only.

import type { ObligationKind } from '../../app/verification';
import type { Block, Expr, FnItem, Pat, Sp, Stmt } from './ast';
import { BOOL, Crate, INT, NAT, ResolveError, UNIT, bits, intRange, isIntKind, isMachine, norm, signed, tyEq, tyStr, type FnInfo, type IntKind, type Ty } from './resolver';
import type { CheckedCrate } from './check/checker';
import { SortRegistry, and, datatypeOf, eq, implies, ite, not, num, or, print, quote, sortKey, sortOf, type Datatype, type Term } from './smt';

export class Unsupported extends Error {
  constructor(message: string, public sp: Sp) {
    super(message);
  }
}

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
  query: string;
  scope: ScopeVar[];
  labels: string[];
  /** Branch conditions (SMT text) with their labels; the counterexample path lists those true in the model. */
  trace: { cond: string; label: string }[];
  crossed: Crossed[];
}

export interface FnVC {
  info: FnInfo;
  obligations: Obligation[];
  unsupported?: { message: string; sp: Sp };
  error?: { message: string; sp: Sp };
  /** Every type and mode error the checking phase found (the first is `error`). */
  checkErrors?: { message: string; sp: Sp }[];
  /** Resolved callees (for recursion detection). */
  callees: Set<string>;
  /**
   * Spec fns: the function's own definition (with its dependencies) and `(check-sat)`, sent to the
   * solver only to find out whether the definition can be encoded (a solver error makes the
   * spec fn an `error`; any other answer is ignored).
   */
  defCheck?: string;
}

const MESSAGES: Record<ObligationKind, string> = {
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

interface V {
  t: Term;
  ty: Ty;
}
interface Binding {
  ty: Ty;
  term: Term;
  mut: boolean;
  /** `let ghost` bindings: the only locals ghost code of an exec function may assign. */
  ghost?: boolean;
}

class State {
  scopes: Map<string, Binding>[] = [new Map()];
  path: Term[] = [];
  labels: string[] = [];
  /** Branches taken so far, kept across joins: the model decides which were taken. */
  trace: { cond: Term; label: string }[] = [];
  crossed: Crossed[] = [];
  clone(): State {
    const s = new State();
    s.scopes = this.scopes.map((m) => new Map(m));
    s.path = [...this.path];
    s.labels = [...this.labels];
    s.trace = [...this.trace];
    s.crossed = [...this.crossed];
    return s;
  }
  lookup(name: string): Binding | null {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const b = this.scopes[i]!.get(name);
      if (b) return b;
    }
    return null;
  }
  set(name: string, b: Binding): void {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      if (this.scopes[i]!.has(name)) {
        this.scopes[i]!.set(name, b);
        return;
      }
    }
    throw new Error(`unbound ${name}`);
  }
  declare(name: string, b: Binding): void {
    this.scopes[this.scopes.length - 1]!.set(name, b);
  }
  push(): void {
    this.scopes.push(new Map());
  }
  pop(): void {
    this.scopes.pop();
  }
}

/** Per-mode evaluation flags. */
interface Mode {
  /** exec arithmetic: machine-int overflow obligations */
  exec: boolean;
  /** pure expression evaluation (spec): if -> ite, no statements with effects */
  pure: boolean;
  nonlinear: boolean;
  /** bound quantifier variables (for trigger selection) */
  bound: Set<string>;
  /** trigger collection for the innermost quantifier */
  triggers: Term[] | null;
  /** decreases hook for spec fn bodies */
  recHook?: (callee: FnInfo, args: Term[], sp: Sp, path: Term[], inQuant: boolean) => void;
  /** inside a recursive spec fn body: SCC members and the fuel variable */
  fuelVar?: string;
  scc?: Set<string>;
  path: Term[];
}

interface LoopCtx {
  breaks: State[];
  check: (st: State, sp: Sp) => void;
}

interface FnCtx {
  fn: FnItem;
  info: FnInfo;
  old: Map<string, Term>;
  retTy: Ty;
  retName: string | null;
  loops: LoopCtx[];
  returns: (st: State, v: V, sp: Sp) => void;
}

// ----------------------------------------------------------------------------------------------
// Spec-function encodings (shared across all functions of a crate)

export interface SpecDef {
  lines: string[];
  /** Definition of an opaque spec fn, emitted only for functions that `reveal` it. */
  revealLines?: string[];
  axioms: Map<string, string[]>;
  deps: Set<string>;
  sorts: Ty[];
  usesMul: boolean;
  recursive: boolean;
  /** Why the body could not be encoded (the definition is then left out: the fn is uninterpreted). */
  error?: { message: string; sp: Sp };
}

/** Verus' solver configuration (every option is set explicitly: z3-solver keeps options set by
 * `fromString` across queries). */
export const VERUS_OPTIONS = ['(set-option :auto_config false)', '(set-option :smt.case_split 3)', '(set-option :smt.arith.solver 2)'];
/** Alternative configuration tried when a query with int<->bv conversions does not finish. */
export const ALT_OPTIONS = ['(set-option :smt.case_split 1)', '(set-option :auto_config true)', '(set-option :smt.arith.solver 6)'];
const PRELUDE_OPTIONS = ['(set-option :smt.mbqi false)', ...VERUS_OPTIONS];
const FUEL_DECL = '(declare-datatypes ((Fuel 0)) (((fuel.zero) (fuel.succ (fuel.pred Fuel)))))';
const MUL_DECLS = [
  '(declare-fun |uf.mul| (Int Int) Int)',
  '(declare-fun |uf.div| (Int Int) Int)',
  '(declare-fun |uf.mod| (Int Int) Int)',
  '(declare-fun |uf.tdiv| (Int Int) Int)',
  '(declare-fun |uf.tmod| (Int Int) Int)',
];

export class CrateVC {
  specDefs = new Map<string, SpecDef>();
  recursive = new Set<string>(); // spec fns in recursive SCCs
  scc = new Map<string, Set<string>>();
  constructor(public crate: Crate, public checked: CheckedCrate) {}

  allFns(): FnInfo[] {
    const out: FnInfo[] = [];
    for (const l of this.crate.fns.values()) out.push(...l);
    return out;
  }

  /** Phase A: dependency graph of spec fns, SCCs. */
  analyzeSpecFns(): void {
    const specs = this.allFns().filter((f) => f.item.mode === 'spec');
    const deps = new Map<string, Set<string>>();
    for (const f of specs) {
      const g = new FnGen(this, f);
      try {
        g.collectSpecDeps();
      } catch {
        /* reported when the fn is verified */
      }
      deps.set(f.key, g.callees);
    }
    const sccs = tarjan([...deps.keys()], (k) => [...(deps.get(k) ?? [])].filter((d) => deps.has(d)));
    for (const comp of sccs) {
      const set = new Set(comp);
      const rec = comp.length > 1 || (deps.get(comp[0]!)?.has(comp[0]!) ?? false);
      for (const k of comp) {
        this.scc.set(k, set);
        if (rec) this.recursive.add(k);
      }
    }
  }

  specDef(info: FnInfo): SpecDef {
    const cached = this.specDefs.get(info.key);
    if (cached) return cached;
    // placeholder to break cycles
    const def: SpecDef = { lines: [], axioms: new Map(), deps: new Set(), sorts: [], usesMul: false, recursive: this.recursive.has(info.key) };
    this.specDefs.set(info.key, def);
    const g = new FnGen(this, info);
    g.buildSpecDef(def);
    return def;
  }
}

function tarjan(nodes: string[], succ: (n: string) => string[]): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const on = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  const strong = (v: string): void => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    on.add(v);
    for (const w of succ(v)) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      for (;;) {
        const w = stack.pop()!;
        on.delete(w);
        comp.push(w);
        if (w === v) break;
      }
      out.push(comp.sort());
    }
  };
  for (const n of [...nodes].sort()) if (!idx.has(n)) strong(n);
  return out;
}

export function computeSccs(nodes: string[], succ: (n: string) => string[]): string[][] {
  return tarjan(nodes, succ);
}

function isNumeral(t: Term): bigint | null {
  if (typeof t === 'string') return /^\d+$/.test(t) ? BigInt(t) : null;
  if (t.length === 2 && t[0] === '-' && typeof t[1] === 'string' && /^\d+$/.test(t[1])) return -BigInt(t[1]);
  return null;
}

const INTERPRETED = new Set(['+', '-', '*', 'div', 'mod', '<', '<=', '>', '>=', '=', 'and', 'or', 'not', '=>', 'ite', 'distinct', 'bv2nat', 'store', 'lambda', 'forall', 'exists', 'let', 'abs', 'bvand', 'bvor', 'bvxor', 'bvnot', 'bvshl', 'bvlshr', 'bvashr']);

function termVars(t: Term, bound: Set<string>, out: Set<string>): void {
  if (typeof t === 'string') {
    if (bound.has(t)) out.add(t);
    return;
  }
  for (const x of t) termVars(x, bound, out);
}
function triggerable(t: Term): boolean {
  if (typeof t === 'string') return true;
  const h = t[0]!;
  if (typeof h !== 'string' || INTERPRETED.has(h) || h === 'as') return false;
  return t.slice(1).every(triggerable);
}

// ----------------------------------------------------------------------------------------------

export class FnGen {
  crate: Crate;
  decls: string[] = [];
  facts: Term[] = [];
  obligations: Obligation[] = [];
  sorts: SortRegistry;
  specUsed = new Set<string>();
  usesMul = false;
  /** Collection-operation functions and their axioms, by name. */
  axioms = new Map<string, string[]>();
  callees = new Set<string>();
  private counter = new Map<string, number>();
  private qcount = 0;
  /** Deferred recursion checks: callee key -> obligations to keep if recursive */
  recCalls: { callee: string; ob: () => Obligation }[] = [];
  private fnCtx: FnCtx | null = null;
  private reveals = new Set<string>();
  /** Fuel set by `reveal_with_fuel` for recursive spec fns (default 1). */
  private fuel = new Map<string, number>();

  constructor(public cvc: CrateVC, public info: FnInfo) {
    this.crate = cvc.crate;
    this.sorts = new SortRegistry(cvc.crate);
  }

  // ---------------- naming ----------------
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
    this.facts.push(eq(c, v.t));
    return c;
  }
  assume(st: { path: Term[] }, t: Term): void {
    this.facts.push(implies(and(...st.path), t));
  }

  // ---------------- type invariants ----------------
  typeInv(t: Term, ty: Ty, depth = 0, inQuant = false): Term {
    ty = norm(ty);
    switch (ty.k) {
      case 'int': {
        const r = intRange(ty.kind);
        const cs: Term[] = [];
        if (r.min !== null) cs.push(['<=', num(r.min), t]);
        if (r.max !== null) cs.push(['<=', t, num(r.max)]);
        return and(...cs);
      }
      case 'lit':
        return 'true';
      case 'bool':
        return 'true';
      case 'struct': case 'tuple': case 'enum': {
        if (depth > 3) return 'true';
        const dt = this.sorts.datatype(ty);
        const parts: Term[] = [];
        for (const c of dt.ctors) {
          const fs = c.fields.map((f) => this.typeInv([f.acc, t], f.ty, depth + 1, inQuant)).filter((x) => x !== 'true');
          if (!fs.length) continue;
          parts.push(dt.ctors.length > 1 ? implies([['_', 'is', c.ctor], t], and(...fs)) : and(...fs));
        }
        return and(...parts);
      }
      case 'seq': case 'array': {
        const dt = this.sorts.datatype(ty);
        const len = [dt.ctors[0]!.fields[0]!.acc, t];
        const arr = [dt.ctors[0]!.fields[1]!.acc, t];
        // inside another quantifier only the length (nested quantifiers cost much more than they help)
        if (inQuant) return ty.k === 'array' ? eq(len, num(ty.len)) : ['<=', '0', len];
        const k = quote(`k@${this.qcount++}`);
        const sel: Term = ['select', arr, k];
        const inRange = and(['<=', '0', k], ['<', k, len]);
        const einv = depth > 3 ? 'true' : this.typeInv(sel, ty.elem, depth + 1, true);
        const body = ite(inRange, einv, eq(sel, this.sorts.dflt(ty.elem)));
        const q: Term = ['forall', [[k, 'Int']], ['!', body, ':pattern', [sel]]];
        return and(ty.k === 'array' ? eq(len, num(ty.len)) : ['<=', '0', len], q);
      }
      case 'map': {
        if (inQuant) return 'true';
        const dt = this.sorts.datatype(ty);
        const dom = [dt.ctors[0]!.fields[0]!.acc, t];
        const vals = [dt.ctors[0]!.fields[1]!.acc, t];
        const k = quote(`k@${this.qcount++}`);
        const sel: Term = ['select', vals, k];
        return ['forall', [[k, sortOf(ty.key)]], ['!', implies(not(['select', dom, k]), eq(sel, this.sorts.dflt(ty.val))), ':pattern', [sel]]];
      }
      case 'set':
        return 'true';
    }
  }
  havoc(base: string, ty: Ty): string {
    const c = this.fresh(base, ty);
    const inv = this.typeInv(c, ty);
    // one fact per conjunct (the quantifier-free ones survive in candidate-model queries)
    const flat = (t: Term): Term[] => (Array.isArray(t) && t[0] === 'and' ? t.slice(1).flatMap(flat) : [t]);
    if (inv !== 'true') this.facts.push(...flat(inv));
    const n = norm(ty);
    if (n.k === 'lit') n.cell.pending.push((k) => this.facts.push(this.typeInv(c, { k: 'int', kind: k })));
    return c;
  }

  // ---------------- obligations ----------------
  oblige(st: State, kind: ObligationKind, sp: Sp, goal: Term, related?: Sp, message?: string, extraScope?: ScopeVar[]): void {
    if (goal === 'true') {
      return;
    }
    const ob = this.makeOb(st, kind, sp, goal, related, message, extraScope);
    this.obligations.push(ob);
  }
  makeOb(st: State, kind: ObligationKind, sp: Sp, goal: Term, related?: Sp, message?: string, extraScope?: ScopeVar[]): Obligation {
    const declN = this.decls.length;
    const factN = this.facts.length;
    const path = [...st.path];
    const scope = this.scopeOf(st, extraScope);
    const ob: Obligation = { kind, message: message ?? MESSAGES[kind], sp, related, query: '', scope, labels: [...st.labels], trace: st.trace.map((t) => ({ cond: print(t.cond), label: t.label })), crossed: [...st.crossed] };
    // The query text is assembled lazily in finish() (the prelude depends on the whole function).
    (ob as unknown as { _q: unknown })._q = { declN, factN, path, goal };
    return ob;
  }
  scopeOf(st: State, extra?: ScopeVar[]): ScopeVar[] {
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

  /** Builds the final query texts. */
  finish(extraPreludeDeps: Set<string> = new Set()): void {
    const prelude = this.prelude([...this.specUsed, ...extraPreludeDeps].sort(), this.reveals);
    let factsChecked = 0;
    for (const ob of this.obligations) {
      const q = (ob as unknown as { _q?: { declN: number; factN: number; path: Term[]; goal: Term; raw?: string } })._q;
      if (!q) continue;
      if (q.raw !== undefined) {
        ob.query = q.raw;
      } else {
        // a `None` / `X::empty()` never typed would reach the solver as `($none)`: an error here
        for (; factsChecked < q.factN; factsChecked++) this.checkNoPlaceholder(this.facts[factsChecked]!);
        for (const c of q.path) this.checkNoPlaceholder(c);
        this.checkNoPlaceholder(q.goal);
        const parts = [...prelude, ...this.decls.slice(0, q.declN)];
        for (const f of this.facts.slice(0, q.factN)) parts.push(`(assert ${print(f)})`);
        parts.push(`(assert (not ${print(implies(and(...q.path), q.goal))}))`);
        parts.push('(check-sat)');
        ob.query = parts.join('\n') + '\n';
      }
      delete (ob as unknown as { _q?: unknown })._q;
    }
    if (this.info.item.mode === 'spec') {
      // (built after the obligations: it may add sorts and axioms, which must not change them)
      const self = new Set([this.info.key]);
      this.defCheck = [...this.prelude([...new Set([...this.specUsed, ...self])].sort(), new Set([...this.reveals, ...self])), '(check-sat)'].join('\n') + '\n';
    }
  }
  defCheck: string | undefined;

  /** Options, sorts, axioms and the spec fn definitions (transitively) needed by `keys`. */
  private prelude(keys: string[], reveals: Set<string>): string[] {
    // collect spec fn definitions transitively
    const lines: string[] = [];
    const seen = new Set<string>();
    let usesMul = this.usesMul;
    let usesFuel = false;
    const order: string[] = [];
    const visit = (k: string): void => {
      if (seen.has(k)) return;
      seen.add(k);
      const info = this.crate.fns.get(k)?.[0];
      if (!info) return;
      const def = this.cvc.specDef(info);
      for (const d of [...def.deps].sort()) visit(d);
      for (const s of def.sorts) this.sorts.need(s);
      if (def.usesMul) usesMul = true;
      for (const [k2, v] of def.axioms) if (!this.axioms.has(k2)) this.axioms.set(k2, v);
      if (def.recursive) usesFuel = true;
      order.push(k);
    };
    for (const k of keys) visit(k);
    // recursive defs: declare all first, then axioms
    const declLines: string[] = [];
    const defLines: string[] = [];
    for (const k of order) {
      const def = this.cvc.specDefs.get(k)!;
      for (const l of def.lines) (l.startsWith('(declare-fun') ? declLines : defLines).push(l);
    }
    for (const k of [...reveals].sort()) defLines.push(...(this.cvc.specDefs.get(k)?.revealLines ?? []));
    lines.push(...declLines, ...defLines);
    const axLines: string[] = [];
    for (const k2 of [...this.axioms.keys()].sort()) axLines.push(...this.axioms.get(k2)!);
    return [...PRELUDE_OPTIONS, ...(usesFuel ? [FUEL_DECL] : []), ...this.sorts.declarations(), ...(usesMul ? MUL_DECLS : []), ...axLines, ...lines];
  }

  // ---------------- entry points ----------------
  run(): FnVC {
    const res: FnVC = { info: this.info, obligations: [], callees: this.callees };
    try {
      const f = this.info.item;
      if (f.generics.length) throw new Unsupported('generic functions are not supported', f.nameSp);
      const clause = f.unsupportedClauses[0];
      if (clause) throw new Unsupported(`unsupported: \`${clause.clause}\` clause`, clause.sp);
      if (f.mode === 'spec') this.checkSpecFn();
      else if (f.attrs.some((a) => a.includes('external_body')) || !f.body) {
        // trusted: body not verified, but the signature and the specs must resolve
        this.checkSignature();
      } else this.checkBody();
      res.obligations = this.obligations;
    } catch (e) {
      if (e instanceof Unsupported) res.unsupported = { message: e.message, sp: e.sp };
      else if (e instanceof ResolveError) res.error = { message: e.message, sp: e.sp };
      else res.error = { message: `internal error: ${(e as Error).message}`, sp: this.info.item.nameSp };
    }
    return res;
  }

  /** Trusted functions (external_body, no body): types and specs are resolved like any other's. */
  private checkSignature(): void {
    const f = this.info.item;
    const st = new State();
    const old = new Map<string, Term>();
    for (const p of this.paramTypes(f)) {
      const c = this.havoc(p.name, p.ty);
      st.declare(p.name, { ty: p.ty, term: c, mut: p.mut });
      if (p.mut) old.set(p.name, c);
    }
    const retTy = f.ret ? this.crate.resolveType(f.ret.ty, f.selfType) : UNIT;
    const retName = f.ret?.name ?? null;
    this.fnCtx = { fn: f, info: this.info, old, retTy, retName, loops: [], returns: () => {} };
    for (const r of f.requires) this.evalPure(r, st, this.specMode([]), true);
    for (const d of f.decreases) this.evalPure(d, st, this.specMode([]));
    const est = st.clone();
    est.push();
    if (retName) est.declare(retName, { ty: retTy, term: this.havoc(retName, retTy), mut: false });
    for (const e of f.ensures) this.evalPure(e, est, this.specMode([]), true);
    this.fnCtx = null;
  }

  private paramTypes(f: FnItem): { name: string; ty: Ty; mut: boolean }[] {
    return f.params.map((p) => ({ name: p.name, ty: this.crate.resolveType(p.ty, f.selfType), mut: p.ty.k === 'ref' && p.ty.mut }));
  }

  collectSpecDeps(): void {
    const f = this.info.item;
    const st = new State();
    for (const p of this.paramTypes(f)) st.declare(p.name, { ty: p.ty, term: quote(p.name), mut: false });
    const m = this.specMode([]);
    if (f.body) this.evalBlockPure(f.body, st, m);
  }

  private specMode(path: Term[]): Mode {
    return { exec: false, pure: true, nonlinear: false, bound: new Set(), triggers: null, path };
  }

  buildSpecDef(def: SpecDef): void {
    const f = this.info.item;
    const ps = this.paramTypes(f);
    const retTy = f.ret ? this.crate.resolveType(f.ret.ty, f.selfType) : UNIT;
    const name = quote(this.info.key);
    const st = new State();
    const rec = def.recursive;
    const fuel = '|fuel@|';
    for (const p of ps) st.declare(p.name, { ty: p.ty, term: quote(`${p.name}@`), mut: false });
    const sig = ps.map((p) => `(${quote(`${p.name}@`)} ${print(sortOf(p.ty))})`).join(' ');
    const argSorts = ps.map((p) => print(sortOf(p.ty))).join(' ');
    const retSort = print(sortOf(retTy));
    let body: Term | null = null;
    const opaque = f.attrs.some((a) => a.includes('opaque'));
    // (a definition with an unsupported clause such as `when` might not hold: only declared)
    if (f.body && !f.attrs.some((a) => a.includes('external_body')) && !(opaque && rec) && !f.unsupportedClauses.length) {
      try {
        const m = this.specMode([]);
        if (rec) {
          m.fuelVar = fuel;
          m.scc = this.cvc.scc.get(this.info.key);
          // a recursive call whose termination cannot be checked: no definition (sound)
          m.recHook = (callee, _args, sp, _path, inQuant) => {
            if (inQuant && m.scc?.has(callee.key)) throw new Unsupported('recursive call inside a quantifier', sp);
          };
          if (!f.decreases.length) throw new Unsupported('recursive spec fn without decreases', f.nameSp);
        }
        body = this.specBody(this.evalBlockPure(f.body, st, m), retTy).t;
      } catch (e) {
        body = null; // errors are reported when this spec fn itself is verified
        if (e instanceof ResolveError) def.error = { message: e.message, sp: e.sp };
      }
    }
    this.sorts.need(retTy);
    for (const p of ps) this.sorts.need(p.ty);
    def.deps = new Set([...this.specUsed].filter((k) => k !== this.info.key));
    def.usesMul = this.usesMul;
    def.axioms = this.axioms;
    def.sorts = this.sortsNeeded(ps.map((p) => p.ty).concat([retTy]));
    if (body === null) {
      def.lines = [`(declare-fun ${name} (${rec ? 'Fuel ' : ''}${argSorts}) ${retSort})`];
      return;
    }
    if (!rec) {
      // declare + defining axiom (not define-fun: a macro would be expanded inside triggers)
      let lines: string[];
      if (!ps.length) lines = [`(declare-fun ${name} () ${retSort})`, `(assert (= ${name} ${print(body)}))`];
      else {
        const app0 = `(${name} ${ps.map((p) => quote(`${p.name}@`)).join(' ')})`;
        lines = [`(declare-fun ${name} (${argSorts}) ${retSort})`, `(assert (forall (${sig}) (! (= ${app0} ${print(body)}) :pattern (${app0}))))`];
      }
      if (opaque) {
        def.lines = [lines[0]!];
        def.revealLines = lines.slice(1);
      } else def.lines = lines;
      return;
    }
    const args = ps.map((p) => quote(`${p.name}@`)).join(' ');
    const guard = stripQuantifiers(and(...ps.map((p) => this.typeInv(quote(`${p.name}@`), p.ty))));
    const app = `(${name} (fuel.succ ${fuel})${args ? ' ' + args : ''})`;
    const binders = `((${fuel} Fuel)${sig ? ' ' + sig : ''})`;
    def.lines = [
      `(declare-fun ${name} (Fuel${argSorts ? ' ' + argSorts : ''}) ${retSort})`,
      `(assert (forall ${binders} (! ${print(implies(guard, ['=', app, body]))} :pattern (${app}))))`,
      `(assert (forall ${binders} (! (= ${app} (${name} ${fuel}${args ? ' ' + args : ''})) :pattern (${app}))))`,
    ];
  }
  /**
   * The body's value as the spec fn's result: `None` / `X::empty()` typed by the return type; a
   * body that cannot be encoded as a term of the return sort is an error (never a solver error).
   */
  private specBody(v: V, retTy: Ty): V {
    v = this.fit(v, retTy);
    this.checkNoPlaceholder(v.t);
    const want = print(sortOf(retTy));
    const got = norm(v.ty).k === 'lit' ? 'Int' : print(sortOf(v.ty));
    if (got !== want) throw new ResolveError(`mismatched types: expected ${tyStr(retTy)}, found ${tyStr(v.ty)}`, this.info.item.body?.sp ?? this.info.item.nameSp);
    return v;
  }
  private sortsNeeded(tys: Ty[]): Ty[] {
    return tys;
  }

  /** A spec fn as a unit: termination of its recursive calls. */
  private checkSpecFn(): void {
    const f = this.info.item;
    const st = new State();
    const ps = this.paramTypes(f);
    for (const p of ps) {
      const c = this.havoc(p.name, p.ty);
      st.declare(p.name, { ty: p.ty, term: c, mut: false });
    }
    for (const r of f.requires.concat(f.recommends)) void r; // recommends are not checked
    if (!f.body) return;
    const scc = this.cvc.scc.get(this.info.key);
    const selfRec = this.cvc.recursive.has(this.info.key);
    const m = this.specMode([]);
    if (selfRec) {
      const measure = f.decreases.map((d) => this.evalPure(d, st, this.specMode([])));
      m.recHook = (callee, args, sp, path, inQuant) => {
        if (!scc?.has(callee.key)) return;
        if (inQuant) throw new Unsupported('recursive call inside a quantifier', sp);
        const pst = new State();
        pst.path = path;
        this.decreasesCheck(pst, callee, args, measure, sp);
      };
    }
    const v = this.evalBlockPure(f.body, st, m);
    if (f.attrs.some((a) => a.includes('external_body'))) return;
    const retTy = f.ret ? this.crate.resolveType(f.ret.ty, f.selfType) : UNIT;
    this.specBody(v, retTy);
    // the definition used by callers: one that could not be encoded makes this fn an error
    const def = this.cvc.specDef(this.info);
    if (def.error) throw new ResolveError(def.error.message, def.error.sp);
    void selfRec;
  }

  decreasesCheck(st: State, callee: FnInfo, args: Term[], measure: V[], sp: Sp): void {
    const cf = callee.item;
    if (!measure.length || !cf.decreases.length) {
      this.oblige(st, 'decreases', sp, 'false', undefined, 'could not prove termination (recursive function without `decreases`)');
      return;
    }
    const cst = new State();
    const cps = this.paramTypes(cf);
    cps.forEach((p, i) => cst.declare(p.name, { ty: p.ty, term: args[i] ?? 'false', mut: false }));
    const newM = cf.decreases.map((d) => this.evalPure(d, cst, this.specMode([])));
    this.oblige(st, 'decreases', sp, lexLess(newM, measure), cf.decreases[0]!.sp, 'could not prove termination');
  }

  private checkBody(): void {
    const f = this.info.item;
    const st = new State();
    const ps = this.paramTypes(f);
    const old = new Map<string, Term>();
    for (const p of ps) {
      const c = this.havoc(p.name, p.ty);
      st.declare(p.name, { ty: p.ty, term: c, mut: p.mut });
      if (p.mut) old.set(p.name, c);
    }
    const retTy = f.ret ? this.crate.resolveType(f.ret.ty, f.selfType) : UNIT;
    const retName = f.ret?.name ?? null;
    const exec = f.mode === 'exec';
    const ctx: FnCtx = {
      fn: f, info: this.info, old, retTy, retName, loops: [],
      returns: (rst, v, sp) => {
        const est = rst.clone();
        est.push();
        let extra: ScopeVar[] | undefined;
        v = this.fit(v, retTy);
        if (retName) {
          const rc = this.define(retName, { t: v.t, ty: retTy });
          est.declare(retName, { ty: retTy, term: rc, mut: false });
        }
        for (const e of f.ensures) {
          const g = this.evalPure(e, est, this.specMode(est.path), true);
          this.oblige(est, 'postcondition', sp, g.t, e.sp, undefined, extra);
        }
        if (f.returns) {
          const r = this.evalPure(f.returns, est, this.specMode(est.path), true);
          this.oblige(est, 'postcondition', sp, this.compare('==', v, r, f.returns.sp).t, f.returns.sp, undefined, extra);
        }
        extra = undefined;
      },
    };
    this.fnCtx = ctx;
    for (const r of f.requires) this.assume(st, this.evalPure(r, st, this.specMode([]), true).t);
    // recursion: measure of this function at entry
    this.myMeasure = f.decreases.length ? f.decreases.map((d) => this.evalPure(d, st, this.specMode([]))) : [];
    const body = f.body!;
    const m: Mode = { exec, pure: false, nonlinear: false, bound: new Set(), triggers: null, path: [] };
    const lastStmt = body.stmts[body.stmts.length - 1];
    const tailSp = lastStmt && lastStmt.k === 'expr' && !lastStmt.semi ? lastStmt.e.sp : { start: body.sp.end - 1, end: body.sp.end };
    // like execBlock, but the implicit return is checked while the body's locals are in scope
    // (so that counterexamples show them)
    st.push();
    let v: V | null = { t: 'true', ty: UNIT };
    try {
      for (let i = 0; i < body.stmts.length && v; i++) v = this.execStmt(body.stmts[i]!, st, m, i === body.stmts.length - 1);
    } catch (e) {
      if (!(e instanceof DivergeSignal)) throw e;
      v = null;
    }
    if (v) ctx.returns(st, v, tailSp);
    st.pop();
  }
  private myMeasure: V[] = [];

  // ---------------- pure (spec) evaluation ----------------
  evalPure(e: Expr, st: State, m: Mode, allowOld = false): V {
    void allowOld;
    return this.ev(e, st, { ...m, pure: true, exec: false });
  }
  evalBlockPure(b: Block, st: State, m: Mode): V {
    const s2 = st.clone();
    s2.push();
    let last: V = { t: 'true', ty: UNIT };
    for (let i = 0; i < b.stmts.length; i++) {
      const s = b.stmts[i]!;
      if (s.k === 'let') {
        if (!s.init) throw new Unsupported('`let` without initializer in spec code', s.sp);
        const declTy = s.ty ? this.crate.resolveType(s.ty, this.info.item.selfType) : null;
        const v = this.ev(s.init, s2, m);
        const ty = declTy ?? v.ty;
        this.bindPat(s.pat, { t: v.t, ty }, s2, m, false);
      } else if (s.k === 'expr') {
        if (i !== b.stmts.length - 1 || s.semi) throw new Unsupported('statements in spec code', s.sp);
        last = this.ev(s.e, s2, m);
      } else if (s.k === 'assert' || s.k === 'assume' || s.k === 'proof' || s.k === 'reveal') {
        // ghost statements inside spec blocks carry no meaning for the value
      } else throw new Unsupported('statement in spec code', s.sp);
    }
    return last;
  }

  // ---------------- expressions ----------------
  /** Unified evaluator. In non-pure mode it may extend facts/obligations and update `st`;
   * returns null when control does not continue (return/break/continue). */
  ev(e: Expr, st: State, m: Mode): V {
    const r = this.evOpt(e, st, m);
    if (!r) throw new DivergeSignal();
    return r;
  }

  evOpt(e: Expr, st: State, m: Mode): V | null {
    switch (e.k) {
      case 'int': {
        if (e.suffix) {
          if (!isIntKind(e.suffix)) throw new Unsupported(`integer suffix ${e.suffix}`, e.sp);
          return { t: num(e.value), ty: { k: 'int', kind: e.suffix } };
        }
        // the checking phase typed every literal (Rust's inference); VC generation only reads it
        const ty = this.cvc.checked.exprTypes.get(e);
        if (!ty) throw new Error(`the checking phase left the literal at offset ${e.sp.start} untyped`);
        return { t: num(e.value), ty };
      }
      case 'bool':
        return { t: e.value ? 'true' : 'false', ty: BOOL };
      case 'path':
        return this.evPath(e, st, m);
      case 'unary':
        return this.evUnary(e, st, m);
      case 'binary':
        return this.evBinary(e, st, m);
      case 'chain': {
        const vals: V[] = [];
        for (const o of e.operands) vals.push(this.ev(o, st, m));
        const cs: Term[] = [];
        for (let i = 0; i < e.ops.length; i++) cs.push(this.compare(e.ops[i]!, vals[i]!, vals[i + 1]!, e.sp).t);
        return { t: and(...cs), ty: BOOL };
      }
      case 'bullets': {
        if (m.pure || !m.exec) {
          const items = e.items.map((x, i) => this.ev(x, st, { ...m, path: e.op === '&&' ? [...m.path, ...e.items.slice(0, i).map((y) => this.ev(y, st, m).t)] : m.path }).t);
          return { t: e.op === '&&' ? and(...items) : or(...items), ty: BOOL };
        }
        return this.ev(e.items.reduce((a, b) => ({ k: 'binary', op: e.op, l: a, r: b, sp: e.sp })), st, m);
      }
      case 'call':
        return this.evCall(e, st, m);
      case 'method':
        return this.evMethod(e, st, m);
      case 'field': {
        const r = this.ev(e.recv, st, m);
        return this.field(r, e.name, e.sp);
      }
      case 'index': {
        const r = this.ev(e.recv, st, m);
        const i = this.ev(e.idx, st, m);
        return this.index(r, i, st, m, e.sp);
      }
      case 'view': {
        const r = this.ev(e.e, st, m);
        const ty = norm(r.ty);
        if (ty.k === 'array') return { t: r.t, ty: { k: 'seq', elem: ty.elem } };
        return r;
      }
      case 'cast': {
        const v = this.ev(e.e, st, m);
        const to = this.crate.resolveType(e.ty, this.info.item.selfType);
        return this.cast(v, to, e.sp);
      }
      case 'if':
        return this.evIf(e, st, m);
      case 'match':
        return this.evMatch(e, st, m);
      case 'block':
        if (m.pure) return this.evalBlockPure(e.block, st, m);
        return this.execBlock(e.block, st, m);
      case 'quant':
        return this.evQuant(e, st, m);
      case 'struct':
        return this.evStruct(e, st, m);
      case 'tuple': {
        if (e.elems.length === 0) return { t: 'true', ty: UNIT };
        const vs = e.elems.map((x) => this.ev(x, st, m));
        const ty: Ty = { k: 'tuple', elems: vs.map((v) => this.defaultLit(v.ty)) };
        const dt = this.sorts.datatype(ty);
        return { t: [dt.ctors[0]!.ctor, ...vs.map((v) => v.t)], ty };
      }
      case 'array': {
        if (!e.elems.length) throw new Unsupported('empty array literal', e.sp);
        const vs = e.elems.map((x) => this.ev(x, st, m));
        const elemTy = this.defaultLit(vs.find((v) => norm(v.ty).k !== 'lit')?.ty ?? vs[0]!.ty);
        const ty: Ty = { k: 'array', elem: elemTy, len: vs.length };
        return { t: this.seqLit(ty, vs.map((v) => v.t)), ty };
      }
      case 'array-rep': {
        const v = this.ev(e.elem, st, m);
        const n = this.crate.constIntValue(e.len);
        if (n === null) throw new Unsupported('array length must be constant', e.len.sp);
        const elemTy = this.defaultLit(v.ty);
        const ty: Ty = { k: 'array', elem: elemTy, len: Number(n) };
        const dt = this.sorts.datatype(ty);
        return { t: [dt.ctors[0]!.ctor, num(n), [this.seqFun('rep', elemTy), v.t, num(n)]], ty };
      }
      case 'macro':
        return this.evMacro(e, st, m);
      case 'trigger': {
        const v = this.ev(e.e, st, m);
        if (m.triggers) m.triggers.push(v.t);
        return v;
      }
      case 'return': {
        if (m.pure) throw new Unsupported('`return` in spec code', e.sp);
        const v = e.e ? this.ev(e.e, st, m) : { t: 'true', ty: UNIT };
        this.fnCtx!.returns(st, v, e.sp);
        return null;
      }
      case 'break': {
        const l = this.fnCtx?.loops[this.fnCtx.loops.length - 1];
        if (!l || m.pure) throw new Unsupported('`break` outside a loop', e.sp);
        l.breaks.push(st.clone());
        return null;
      }
      case 'continue': {
        const l = this.fnCtx?.loops[this.fnCtx.loops.length - 1];
        if (!l || m.pure) throw new Unsupported('`continue` outside a loop', e.sp);
        l.check(st, e.sp);
        return null;
      }
      case 'while': case 'loop':
        if (m.pure) throw new Unsupported('loop in spec code', e.sp);
        return this.execLoop(e, st, m);
      case 'assign':
        if (m.pure) throw new Unsupported('assignment in spec code', e.sp);
        return this.execAssign(e, st, m);
      case 'unsupported':
        throw new Unsupported(`unsupported: ${e.what}`, e.sp);
    }
  }

  defaultLit(t: Ty): Ty {
    const n = norm(t);
    if (n.k === 'lit') {
      n.cell.kind = 'i32';
      for (const p of n.cell.pending.splice(0)) p('i32');
      return { k: 'int', kind: 'i32' };
    }
    return n;
  }
  /** Unifies an unresolved literal type with a known int type. */
  unify(a: Ty, b: Ty): void {
    const na = norm(a);
    const nb = norm(b);
    if (na.k === 'lit' && nb.k === 'int') {
      na.cell.kind = nb.kind;
      for (const p of na.cell.pending.splice(0)) p(nb.kind);
    } else if (nb.k === 'lit' && na.k === 'int') {
      nb.cell.kind = na.kind;
      for (const p of nb.cell.pending.splice(0)) p(na.kind);
    }
  }

  /** Array-level helper functions of Seq<E>: sub (subrange), cat (concatenation), rep ([v; n]). */
  seqFun(kind: 'sub' | 'cat' | 'rep', elem: Ty): string {
    const key = sortKey({ k: 'seq', elem });
    const name = quote(`${key}.${kind}`);
    if (this.axioms.has(name)) return name;
    const E = print(sortOf(elem));
    const A = `(Array Int ${E})`;
    const d = print(this.sorts.dflt(elem));
    let lines: string[];
    if (kind === 'sub') {
      lines = [
        `(declare-fun ${name} (${A} Int Int) ${A})`,
        `(assert (forall ((a ${A}) (i Int) (n Int) (k Int)) (! (= (select (${name} a i n) k) (ite (and (<= 0 k) (< k n)) (select a (+ k i)) ${d})) :pattern ((select (${name} a i n) k)))))`,
      ];
    } else if (kind === 'cat') {
      lines = [
        `(declare-fun ${name} (${A} Int ${A}) ${A})`,
        `(assert (forall ((a ${A}) (la Int) (b ${A}) (k Int)) (! (= (select (${name} a la b) k) (ite (< k la) (select a k) (select b (- k la)))) :pattern ((select (${name} a la b) k)))))`,
      ];
    } else {
      lines = [
        `(declare-fun ${name} (${E} Int) ${A})`,
        `(assert (forall ((v ${E}) (n Int) (k Int)) (! (= (select (${name} v n) k) (ite (and (<= 0 k) (< k n)) v ${d})) :pattern ((select (${name} v n) k)))))`,
      ];
    }
    this.axioms.set(name, lines);
    return name;
  }

  // `None` / `X::empty()` whose type is not known yet are placeholder terms (`($none)`,
  // `($empty Seq)`) that `fit` replaces once the context gives the type. One left in a finished
  // query or definition is an error at the placeholder's span (never a solver error).
  private placeholderSps = new WeakMap<Term[], Sp>();
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

  emptyOf(ty: Ty): Term {
    const n = norm(ty);
    if (n.k === 'seq' || n.k === 'array') return this.seqLit(n, []);
    if (n.k === 'set') return [['as', 'const', ['Array', sortOf(n.elem), 'Bool']], 'false'];
    if (n.k === 'map') {
      const dt = this.sorts.datatype(n);
      return [dt.ctors[0]!.ctor, [['as', 'const', ['Array', sortOf(n.key), 'Bool']], 'false'], [['as', 'const', ['Array', sortOf(n.key), sortOf(n.val)]], this.sorts.dflt(n.val)]];
    }
    throw new Error('emptyOf');
  }
  /** Gives an untyped `X::empty()` its type from context. */
  fit(v: V, ty: Ty): V {
    if (Array.isArray(v.t) && v.t[0] === '$none') {
      const n = norm(ty);
      if (n.k !== 'enum' || n.name !== 'Option') throw new ResolveError(`mismatched types: expected ${tyStr(n)}, found Option`, this.placeholderSp(v.t));
      return { t: this.sorts.datatype(n).ctors[0]!.ctor, ty: n };
    }
    if (Array.isArray(v.t) && v.t[0] === '$empty') {
      const n = norm(ty);
      const want = v.t[1] === 'Seq' ? 'seq' : v.t[1] === 'Set' ? 'set' : 'map';
      if (n.k !== want) throw new ResolveError(`mismatched types: expected ${tyStr(n)}, found ${v.t[1]}`, this.placeholderSp(v.t));
      return { t: this.emptyOf(n), ty: n };
    }
    this.unify(v.ty, ty);
    return v;
  }
  seqLit(ty: Ty, elems: Term[]): Term {
    const n = norm(ty) as { k: 'seq' | 'array'; elem: Ty };
    const dt = this.sorts.datatype(ty);
    let arr: Term = [['as', 'const', ['Array', 'Int', sortOf(n.elem)]], this.sorts.dflt(n.elem)];
    elems.forEach((x, i) => {
      arr = ['store', arr, num(i), x];
    });
    return [dt.ctors[0]!.ctor, num(elems.length), arr];
  }

  evPath(e: Extract<Expr, { k: 'path' }>, st: State, m: Mode): V {
    const segs = e.segs;
    const last = segs[segs.length - 1]!;
    if (segs.length === 1) {
      const b = st.lookup(last);
      if (b) return { t: b.term, ty: b.ty };
    }
    // integer type constants
    if (segs.length === 2 && isIntKind(segs[0]!) && (last === 'MAX' || last === 'MIN' || last === 'BITS')) {
      const k = segs[0] as IntKind;
      const r = intRange(k);
      if (last === 'BITS') return { t: num(bits(k)), ty: { k: 'int', kind: 'u32' } };
      const v = last === 'MAX' ? r.max : r.min;
      if (v === null) throw new Unsupported(`${segs.join('::')}`, e.sp);
      return { t: num(v), ty: { k: 'int', kind: k } };
    }
    // enum variant without payload
    const variant = this.findVariant(segs, e.sp);
    if (variant) {
      if (variant.ctor.fields.length) throw new Unsupported('enum variant constructor used as a value', e.sp);
      return { t: variant.ctor.ctor, ty: variant.ty };
    }
    // const
    const cname = segs.length >= 2 && /^[A-Z]/.test(segs[segs.length - 2]!) ? `${segs[segs.length - 2] === 'Self' ? this.info.item.selfType : segs[segs.length - 2]}::${last}` : last;
    const c = this.crate.constItem(cname, e.sp) ?? (cname !== last ? null : null);
    if (c) {
      const ty = this.crate.resolveType(c.ty, c.selfType);
      const cst = new State();
      const v = this.ev(c.value, cst, this.specMode([]));
      this.unify(v.ty, ty);
      return { t: v.t, ty };
    }
    if (segs.length === 1 && last === 'None') return { t: this.placeholder(['$none'], e.sp), ty: UNIT };
    throw new ResolveError(`cannot find value \`${segs.join('::')}\``, e.sp);
  }

  findVariant(segs: string[], sp: Sp, expected?: Ty): { ty: Ty; dt: Datatype; ctor: Datatype['ctors'][number] } | null {
    const last = segs[segs.length - 1]!;
    if (segs.length === 1 && (last === 'Some' || last === 'None')) {
      // Option: the payload type is decided by the caller (see evCall / patterns)
      if (expected && norm(expected).k === 'enum' && (norm(expected) as { name: string }).name === 'Option') {
        const dt = this.sorts.datatype(expected);
        return { ty: expected, dt, ctor: dt.ctors.find((c) => c.name === last)! };
      }
      return null;
    }
    if (segs.length < 2) return null;
    let en = segs[segs.length - 2]!;
    if (en === 'Self') en = this.info.item.selfType ?? en;
    if (en === 'Option' && expected) return this.findVariant([last], sp, expected);
    const item = this.crate.enumItem(en);
    if (!item) return null;
    const ty: Ty = { k: 'enum', name: en, args: [] };
    const dt = this.sorts.datatype(ty);
    const ctor = dt.ctors.find((c) => c.name === last);
    if (!ctor) throw new ResolveError(`no variant \`${last}\` in enum \`${en}\``, sp);
    return { ty, dt, ctor };
  }

  evUnary(e: Extract<Expr, { k: 'unary' }>, st: State, m: Mode): V {
    if (e.op === '&' || e.op === '&mut' || e.op === '*') return this.ev(e.e, st, m);
    const v = this.ev(e.e, st, m);
    const ty = norm(v.ty);
    if (e.op === '!') {
      if (ty.k === 'bool') return { t: not(v.t), ty: BOOL };
      if (ty.k === 'int' && isMachine(ty.kind)) {
        if (signed(ty.kind)) return { t: ['-', ['-', v.t], '1'], ty };
        return { t: ['-', num(intRange(ty.kind).max!), v.t], ty };
      }
      throw new Unsupported('`!` on this type', e.sp);
    }
    // negation
    const c = isNumeral(v.t);
    if (c !== null) return { t: num(-c), ty: ty.k === 'int' && !m.exec ? INT : v.ty };
    if (ty.k === 'int' && m.exec && isMachine(ty.kind)) {
      if (!signed(ty.kind)) throw new ResolveError('cannot negate an unsigned integer', e.sp);
      this.oblige(st, 'overflow', e.sp, ['<', num(intRange(ty.kind).min!), v.t]);
      return { t: ['-', v.t], ty };
    }
    return { t: ['-', v.t], ty: m.exec ? v.ty : INT };
  }

  compare(op: string, a: V, b: V, sp: Sp): V {
    a = this.fit(a, b.ty);
    b = this.fit(b, a.ty);
    switch (op) {
      case '==': case '=~=': return { t: eq(a.t, b.t), ty: BOOL };
      case '!=': case '!~=': return { t: not(eq(a.t, b.t)), ty: BOOL };
      case '<': case '<=': case '>': case '>=': return { t: [op, a.t, b.t], ty: BOOL };
    }
    throw new ResolveError(`bad comparison ${op}`, sp);
  }

  evBinary(e: Extract<Expr, { k: 'binary' }>, st: State, m: Mode): V {
    const op = e.op;
    if (op === '&&' || op === '||' || op === '==>' || op === '<==' || op === '<==>') {
      const l = this.ev(e.l, st, m);
      if (op === '<==>') return { t: eq(l.t, this.ev(e.r, st, m).t), ty: BOOL };
      if (op === '<==') return { t: implies(this.ev(e.r, st, m).t, l.t), ty: BOOL };
      const guard = op === '||' ? not(l.t) : l.t;
      if (m.pure || !m.exec) {
        const r = this.ev(e.r, st, { ...m, path: [...m.path, guard] });
        return { t: op === '&&' ? and(l.t, r.t) : op === '||' ? or(l.t, r.t) : implies(l.t, r.t), ty: BOOL };
      }
      // exec short-circuit: evaluate rhs under the guard
      const base = st.path.length;
      const s2 = st.clone();
      s2.path.push(guard);
      const s3 = st.clone();
      s3.path.push(not(guard));
      let r: V | null;
      try {
        r = this.evOpt(e.r, s2, m);
      } catch (err) {
        if (!(err instanceof DivergeSignal)) throw err;
        r = null;
      }
      if (!r) {
        // the rhs never finishes (return/break/continue): only the path where the lhs decides
        // goes on, and there the value is the lhs's (true for `||`, false for `&&`)
        this.mergeInto(st, [s3], base, true);
        return { t: op === '&&' ? 'false' : 'true', ty: BOOL };
      }
      this.mergeInto(st, [s2, s3], base, true);
      return { t: op === '&&' ? and(l.t, r.t) : op === '||' ? or(l.t, r.t) : implies(l.t, r.t), ty: BOOL };
    }
    const l = this.ev(e.l, st, m);
    const r = this.ev(e.r, st, m);
    if (['==', '!=', '<', '<=', '>', '>=', '=~=', '!~='].includes(op)) return this.compare(op, l, r, e.sp);
    return this.arith(op, l, r, st, m, e.sp);
  }

  arith(op: string, l: V, r: V, st: State, m: Mode, sp: Sp): V {
    this.unify(l.ty, r.ty);
    const lt = norm(l.ty);
    const rt = norm(r.ty);
    if (lt.k === 'seq' && op === '+') return this.seqOp('add', { t: l.t, ty: lt }, [r], sp);
    if (lt.k === 'bool' && (op === '&' || op === '|' || op === '^')) {
      return { t: op === '&' ? and(l.t, r.t) : op === '|' ? or(l.t, r.t) : not(eq(l.t, r.t)), ty: BOOL };
    }
    if ((lt.k !== 'int' && lt.k !== 'lit') || (rt.k !== 'int' && rt.k !== 'lit')) throw new ResolveError(`operator \`${op}\` needs integer operands, found ${tyStr(lt)} and ${tyStr(rt)}`, sp);
    // machine kind of the operation
    let kind: IntKind | null = lt.k === 'int' ? lt.kind : rt.k === 'int' && op !== '<<' && op !== '>>' ? rt.kind : null;
    if (op === '<<' || op === '>>') kind = lt.k === 'int' ? lt.kind : null;
    const a = l.t;
    const b = r.t;
    const ca = isNumeral(a);
    const cb = isNumeral(b);
    const exec = m.exec && (kind === null || isMachine(kind));
    if (m.exec && kind === null) {
      // both unsuffixed literals: Rust would infer i32 unless context says otherwise; fold constants
      if (ca !== null && cb !== null) {
        const v = foldConst(op, ca, cb);
        if (v !== null) return { t: num(v), ty: { k: 'lit', cell: { kind: null, pending: [] } } };
      }
      kind = (this.defaultLit(lt) as { kind: IntKind }).kind;
    }
    const resTy: Ty = exec ? { k: 'int', kind: kind! } : (op === '<<' || op === '>>' || op === '&' || op === '|' || op === '^') && kind ? { k: 'int', kind } : INT;
    const range = kind ? intRange(kind) : { min: null, max: null };
    let t: Term;
    switch (op) {
      case '+': t = ['+', a, b]; break;
      case '-': t = ['-', a, b]; break;
      case '*':
        if (ca !== null || cb !== null || m.nonlinear) t = ['*', a, b];
        else {
          this.usesMul = true;
          t = ['|uf.mul|', a, b];
        }
        break;
      case '/': case '%': {
        if (exec || m.exec) this.oblige(st, 'division-by-zero', sp, not(eq(b, '0')));
        const trunc = exec && kind !== null && signed(kind);
        if (cb !== null && cb !== 0n) {
          const base = op === '/' ? 'div' : 'mod';
          if (trunc) t = ite(['>=', a, '0'], [base, a, b], ['-', [base, ['-', a], b]]);
          else t = [base, a, b];
          if (trunc && op === '/' && cb < 0n) {
            // truncating division by a negative constant
            t = ['-', ite(['>=', a, '0'], ['div', a, num(-cb)], ['-', ['div', ['-', a], num(-cb)]])];
          }
          if (trunc && op === '%' && cb < 0n) t = ite(['>=', a, '0'], ['mod', a, num(-cb)], ['-', ['mod', ['-', a], num(-cb)]]);
        } else {
          // division by a variable: exact SMT semantics (z3 decides it when the divisor is fixed);
          // Rust truncates toward zero, SMT `div` is Euclidean
          const base = op === '/' ? 'div' : 'mod';
          if (trunc) {
            const absQ: Term = ['div', ite(['>=', a, '0'], a, ['-', a]), ite(['>=', b, '0'], b, ['-', b])];
            const q: Term = ite(eq(['>=', a, '0'], ['>=', b, '0']), absQ, ['-', absQ]);
            t = op === '/' ? q : ['-', a, ['*', b, q]];
            if (op === '%') t = ite(['>=', a, '0'], ['mod', a, ite(['>=', b, '0'], b, ['-', b])], ['-', ['mod', ['-', a], ite(['>=', b, '0'], b, ['-', b])]]);
          } else t = [base, a, b];
        }
        // `MIN / -1` and `MIN % -1` both panic in Rust (attempt to ... with overflow)
        if (exec && trunc && (cb === null || cb === -1n) && (ca === null || ca === range.min)) this.oblige(st, 'overflow', sp, not(and(eq(a, num(range.min!)), eq(b, num(-1)))));
        return { t, ty: resTy };
      }
      case '&': case '|': case '^': case '<<': case '>>': {
        if (!kind || !isMachine(kind)) throw new ResolveError(`bit operator \`${op}\` needs machine integer operands`, sp);
        const w = bits(kind);
        if (op === '<<' || op === '>>') {
          if (exec || m.exec) this.oblige(st, 'overflow', sp, and(['<=', '0', b], ['<', b, num(w)]), undefined, 'possible arithmetic overflow: shift amount must be less than the bit width');
        }
        if (ca !== null && cb !== null) {
          const v = foldBits(op, ca, cb, kind);
          if (v !== null) return { t: num(v), ty: { k: 'int', kind } };
        }
        t = bvOp(op, a, b, kind);
        return { t, ty: { k: 'int', kind } };
      }
      default:
        throw new ResolveError(`unknown operator ${op}`, sp);
    }
    if (ca !== null && cb !== null) {
      const v = foldConst(op, ca, cb);
      if (v !== null) t = num(v);
    }
    if (exec && kind) {
      if (range.max !== null && (op === '+' || op === '*' || signed(kind))) this.oblige(st, 'overflow', sp, ['<=', t, num(range.max)]);
      if (range.min !== null && (op === '-' || signed(kind))) this.oblige(st, 'underflow', sp, ['<=', num(range.min), t]);
    }
    return { t, ty: resTy };
  }

  cast(v: V, to: Ty, sp: Sp): V {
    const from = norm(v.ty);
    const tn = norm(to);
    if (tn.k !== 'int') {
      if (tyEq(from, tn)) return v;
      throw new Unsupported(`cast to ${tyStr(tn)}`, sp);
    }
    if (from.k === 'bool') return { t: ite(v.t, '1', '0'), ty: tn };
    if (from.k !== 'int' && from.k !== 'lit') throw new Unsupported(`cast from ${tyStr(from)}`, sp);
    if (!isMachine(tn.kind)) return { t: v.t, ty: tn }; // as int / as nat (nat: Verus clips; we only allow when nonnegative)
    const c = isNumeral(v.t);
    const w = BigInt(bits(tn.kind));
    const mod = 1n << w;
    if (c !== null) {
      let x = ((c % mod) + mod) % mod;
      if (signed(tn.kind) && x >= mod >> 1n) x -= mod;
      return { t: num(x), ty: tn };
    }
    // no-op casts (source range, or the range of the term, within the target range)
    const kr = knownRange(v.t);
    if (kr) {
      const tr = intRange(tn.kind);
      if (kr[0] >= tr.min! && kr[1] <= tr.max!) return { t: v.t, ty: tn };
    }
    if (from.k === 'int') {
      const fr = intRange(from.kind);
      const tr = intRange(tn.kind);
      if (fr.min !== null && fr.max !== null && fr.min >= tr.min! && fr.max <= tr.max!) return { t: v.t, ty: tn };
    }
    if (signed(tn.kind)) {
      const half = num(mod >> 1n);
      return { t: ['-', ['mod', ['+', v.t, half], num(mod)], half], ty: tn };
    }
    return { t: ['mod', v.t, num(mod)], ty: tn };
  }

  field(r: V, name: string, sp: Sp): V {
    const ty = norm(r.ty);
    if (ty.k === 'struct' || ty.k === 'tuple') {
      const dt = this.sorts.datatype(ty);
      const f = dt.ctors[0]!.fields.find((x) => x.name === name);
      if (!f) throw new ResolveError(`no field \`${name}\` on type ${tyStr(ty)}`, sp);
      // simplify acc(mk(...))
      if (Array.isArray(r.t) && r.t[0] === dt.ctors[0]!.ctor) return { t: r.t[1 + dt.ctors[0]!.fields.indexOf(f)]!, ty: f.ty };
      return { t: [f.acc, r.t], ty: f.ty };
    }
    throw new ResolveError(`no field \`${name}\` on type ${tyStr(ty)}`, sp);
  }

  index(r: V, i: V, st: State, m: Mode, sp: Sp): V {
    const ty = norm(r.ty);
    if (ty.k === 'seq' || ty.k === 'array') {
      this.unify(i.ty, { k: 'int', kind: 'usize' });
      const dt = this.sorts.datatype(ty);
      const len: Term = ty.k === 'array' ? num(ty.len) : [dt.ctors[0]!.fields[0]!.acc, r.t];
      if (m.exec && !m.pure) this.oblige(st, 'index-bounds', sp, and(['<=', '0', i.t], ['<', i.t, len]));
      return { t: ['select', [dt.ctors[0]!.fields[1]!.acc, r.t], i.t], ty: ty.elem };
    }
    if (ty.k === 'map') {
      const dt = this.sorts.datatype(ty);
      return { t: ['select', [dt.ctors[0]!.fields[1]!.acc, r.t], i.t], ty: ty.val };
    }
    throw new ResolveError(`cannot index into ${tyStr(ty)}`, sp);
  }

  // ---------------- if / match ----------------
  evIf(e: Extract<Expr, { k: 'if' }>, st: State, m: Mode): V | null {
    const c = this.ev(e.cond, st, m);
    if (m.pure) {
      const a = this.evalBlockPure(e.then, st, { ...m, path: [...m.path, c.t] });
      if (!e.els) return { t: 'true', ty: UNIT };
      let b = this.ev(e.els, st, { ...m, path: [...m.path, not(c.t)] });
      let a2 = a;
      const isPh = (v: V) => Array.isArray(v.t) && (v.t[0] === '$none' || v.t[0] === '$empty');
      // both branches untyped (`if c { None } else { None }`): the context types the whole `if`
      if (isPh(a) && isPh(b) && print(a.t) === print(b.t)) return a;
      if (isPh(a)) a2 = this.fit(a, b.ty);
      if (isPh(b)) b = this.fit(b, a2.ty);
      this.unify(a2.ty, b.ty);
      return { t: ite(c.t, a2.t, b.t), ty: norm(a2.ty).k === 'lit' ? b.ty : a2.ty };
    }
    const pos = this.lineCol(e.sp.start);
    const base = st.path.length;
    const s1 = st.clone();
    s1.path.push(c.t);
    s1.labels.push(`then-branch at ${pos}`);
    s1.trace.push({ cond: c.t, label: `then-branch at ${pos}` });
    const s2 = st.clone();
    s2.path.push(not(c.t));
    s2.labels.push(`else-branch at ${pos}`);
    s2.trace.push({ cond: not(c.t), label: `else-branch at ${pos}` });
    const v1 = this.execBlock(e.then, s1, m);
    const v2 = e.els ? this.evOpt(e.els, s2, m) : { t: 'true', ty: UNIT };
    const live: { s: State; v: V }[] = [];
    if (v1) live.push({ s: s1, v: v1 });
    if (v2) live.push({ s: s2, v: v2 });
    return this.mergeValues(st, live, base);
  }

  lineCol(off: number): string {
    const text = this.crate.files.find((f) => f.path === this.info.file)?.text ?? '';
    let line = 1;
    let col = 1;
    for (let i = 0; i < off && i < text.length; i++) {
      if (text.charCodeAt(i) === 10) {
        line++;
        col = 1;
      } else col++;
    }
    return `${line}:${col}`;
  }
  line(off: number): number {
    return Number(this.lineCol(off).split(':')[0]);
  }

  /** Merges live branch states into `st`; returns the merged value (or null if none live). */
  mergeValues(st: State, live: { s: State; v: V }[], base: number): V | null {
    if (!live.length) {
      st.path.push('false');
      return null;
    }
    const states = live.map((l) => l.s);
    this.mergeInto(st, states, base, true);
    let ty = live[0]!.v.ty;
    const isPh = (v: V) => Array.isArray(v.t) && (v.t[0] === '$none' || v.t[0] === '$empty');
    for (const l of live) if (norm(l.v.ty).k !== 'lit' && !isPh(l.v)) ty = l.v.ty;
    for (const l of live) if (isPh(l.v) && !(norm(ty).k === 'tuple')) l.v = this.fit(l.v, ty);
    for (const l of live) this.unify(l.v.ty, ty);
    if (norm(ty).k === 'tuple' && (norm(ty) as { elems: Ty[] }).elems.length === 0) return { t: 'true', ty: UNIT };
    if (live.length === 1) return live[0]!.v;
    const conds = states.map((s) => and(...s.path.slice(base)));
    let t: Term = live[live.length - 1]!.v.t;
    for (let i = live.length - 2; i >= 0; i--) t = ite(conds[i]!, live[i]!.v.t, t);
    if (typeof t === 'string') return { t, ty };
    const c = this.define('$val', { t, ty });
    return { t: c, ty };
  }

  /** Joins states (which extend st's path from index `base`) back into st. */
  mergeInto(st: State, states: State[], base: number, replacePath: boolean): void {
    const conds = states.map((s) => and(...s.path.slice(base)));
    if (replacePath) {
      st.path = st.path.slice(0, base);
      if (states.length === 1) st.path.push(...states[0]!.path.slice(base));
      else {
        const d = or(...conds);
        const isComplement = states.length === 2 && print(conds[1]!) === print(not(conds[0]!));
        if (!isComplement) st.path.push(d);
      }
      if (states.length === 1) st.labels = [...states[0]!.labels];
      const seenT = new Set(st.trace.map((t) => t.label + print(t.cond)));
      for (const s2 of states)
        for (const t of s2.trace) {
          const k = t.label + print(t.cond);
          if (!seenT.has(k)) {
            seenT.add(k);
            st.trace.push(t);
          }
        }
      const crossed = new Map<string, Crossed>();
      for (const s of states) for (const c of s.crossed) crossed.set(`${c.kind}:${c.name}:${c.sp.start}`, c);
      st.crossed = [...crossed.values()];
    }
    for (let i = 0; i < st.scopes.length; i++) {
      for (const [name, b] of st.scopes[i]!) {
        const vals = states.map((s) => s.scopes[i]?.get(name) ?? b);
        const first = print(vals[0]!.term);
        if (vals.every((v) => print(v.term) === first)) {
          if (first !== print(b.term)) st.scopes[i]!.set(name, vals[0]!);
          continue;
        }
        let t: Term = vals[vals.length - 1]!.term;
        for (let j = vals.length - 2; j >= 0; j--) t = ite(conds[j]!, vals[j]!.term, t);
        const c = this.define(name, { t, ty: b.ty });
        st.scopes[i]!.set(name, { ...b, term: c });
      }
    }
  }

  evMatch(e: Extract<Expr, { k: 'match' }>, st: State, m: Mode): V | null {
    const s = this.ev(e.scrut, st, m);
    let scrut = s;
    if (!m.pure && typeof s.t !== 'string') scrut = { t: this.define('$scrut', s), ty: s.ty };
    const arms: { cond: Term; binds: [string, V][]; arm: (typeof e.arms)[number] }[] = [];
    for (const arm of e.arms) {
      const binds: [string, V][] = [];
      const cond = this.patCond(arm.pat, scrut, binds, arm.pat.sp);
      arms.push({ cond, binds, arm });
    }
    if (m.pure) {
      // nested ite; the last arm is the fallback
      const vals: { c: Term; v: V }[] = [];
      let prev: Term[] = [];
      for (const a of arms) {
        const s2 = st.clone();
        s2.push();
        for (const [n, v] of a.binds) s2.declare(n, { ty: v.ty, term: v.t, mut: false });
        let c = a.cond;
        if (a.arm.guard) c = and(c, this.ev(a.arm.guard, s2, m).t);
        const v = this.ev(a.arm.body, s2, { ...m, path: [...m.path, ...prev.map(not), c] });
        vals.push({ c, v });
        prev = [...prev, c];
      }
      if (!vals.length) throw new Unsupported('empty match', e.sp);
      // arms that are `None` / `X::empty()` get their type from the other arms (like mergeValues)
      const isPh = (v: V) => Array.isArray(v.t) && (v.t[0] === '$none' || v.t[0] === '$empty');
      const typed = vals.filter((v) => !isPh(v.v));
      if (typed.length) {
        let pty = typed[0]!.v.ty;
        for (const v of typed) if (norm(v.v.ty).k !== 'lit') pty = v.v.ty;
        for (const v of vals) if (isPh(v.v)) v.v = this.fit(v.v, pty);
      } else if (vals.every((v) => print(v.v.t) === print(vals[0]!.v.t))) return vals[0]!.v; // typed by the context
      let t = vals[vals.length - 1]!.v.t;
      for (let i = vals.length - 2; i >= 0; i--) t = ite(vals[i]!.c, vals[i]!.v.t, t);
      let ty = vals[0]!.v.ty;
      for (const v of vals) if (norm(v.v.ty).k !== 'lit') ty = v.v.ty;
      return { t, ty };
    }
    const base = st.path.length;
    const live: { s: State; v: V }[] = [];
    const prev: Term[] = [];
    for (const a of arms) {
      const s2 = st.clone();
      s2.push();
      for (const [n, v] of a.binds) {
        const c = typeof v.t === 'string' ? v.t : this.define(n, v);
        s2.declare(n, { ty: v.ty, term: c, mut: false });
      }
      let c = a.cond;
      if (a.arm.guard) c = and(c, this.ev(a.arm.guard, s2, { ...m, pure: true, exec: false }).t);
      s2.path.push(and(...prev.map(not), c));
      s2.labels.push(`match arm at ${this.lineCol(a.arm.sp.start)}`);
      s2.trace.push({ cond: s2.path[s2.path.length - 1]!, label: `match arm at ${this.lineCol(a.arm.sp.start)}` });
      prev.push(c);
      const v = this.evOpt(a.arm.body, s2, m);
      s2.pop();
      if (v) live.push({ s: s2, v });
    }
    return this.mergeValues(st, live, base);
  }

  /** Condition for `pat` to match `v`, collecting bindings. */
  patCond(p: Pat, v: V, binds: [string, V][], sp: Sp): Term {
    switch (p.k) {
      case 'wild':
        return 'true';
      case 'bind':
        binds.push([p.name, v]);
        return 'true';
      case 'lit': {
        const lv = this.ev(p.value, new State(), this.specMode([]));
        return eq(v.t, lv.t);
      }
      case 'or': {
        const cs = p.alts.map((a) => {
          const b: [string, V][] = [];
          const c = this.patCond(a, v, b, sp);
          if (b.length) throw new Unsupported('bindings in or-patterns', p.sp);
          return c;
        });
        return or(...cs);
      }
      case 'tuple': {
        const ty = norm(v.ty);
        if (ty.k !== 'tuple') throw new ResolveError('tuple pattern on non-tuple', p.sp);
        return and(...p.elems.map((q, i) => this.patCond(q, this.field(v, String(i), p.sp), binds, sp)));
      }
      case 'variant': {
        const ty = norm(v.ty);
        const vr = this.findVariant(p.path, p.sp, ty);
        if (!vr) {
          if (ty.k === 'struct' && p.path[p.path.length - 1] === ty.name) {
            return and(...(p.fields ?? []).map((f) => this.patCond(f.pat, this.field(v, f.name, p.sp), binds, sp)));
          }
          throw new ResolveError(`cannot resolve pattern \`${p.path.join('::')}\``, p.sp);
        }
        const ctor = vr.ctor;
        const conds: Term[] = [vr.dt.ctors.length > 1 ? [['_', 'is', ctor.ctor], v.t] : 'true'];
        if (p.args) {
          p.args.forEach((q, i) => {
            const f = ctor.fields[i];
            if (!f) throw new ResolveError('too many fields in pattern', q.sp);
            conds.push(this.patCond(q, { t: [f.acc, v.t], ty: f.ty }, binds, sp));
          });
        }
        if (p.fields) {
          for (const fp of p.fields) {
            const f = ctor.fields.find((x) => x.name === fp.name);
            if (!f) throw new ResolveError(`no field ${fp.name}`, p.sp);
            conds.push(this.patCond(fp.pat, { t: [f.acc, v.t], ty: f.ty }, binds, sp));
          }
        }
        return and(...conds);
      }
    }
  }

  bindPat(p: Pat, v: V, st: State, m: Mode, mut: boolean): void {
    if (p.k === 'bind') {
      st.declare(p.name, { ty: v.ty, term: v.t, mut: mut || p.mut });
      return;
    }
    if (p.k === 'wild') return;
    if (p.k === 'tuple') {
      p.elems.forEach((q, i) => this.bindPat(q, this.field(v, String(i), p.sp), st, m, mut));
      return;
    }
    throw new Unsupported('refutable pattern in `let`', p.sp);
  }

  // ---------------- quantifiers ----------------
  evQuant(e: Extract<Expr, { k: 'quant' }>, st: State, m: Mode): V {
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
    const groups: Term[][] = [];
    if (e.triggers.length) {
      for (const g of e.triggers) groups.push(g.map((x) => this.ev(x, s2, { ...m2, triggers: null }).t));
    } else if (trig.length) groups.push(trig);
    else {
      const auto = this.autoTriggers(body.t, mine);
      if (!auto) throw new ResolveError('could not infer triggers for this quantifier; add #[trigger]', e.sp);
      groups.push(...auto);
    }
    for (const g of groups) {
      for (const t of g) if (!triggerable(t)) throw new ResolveError('invalid trigger: arithmetic and logical operators cannot be triggers', e.sp);
      const vs = new Set<string>();
      for (const t of g) termVars(t, mine, vs);
      if (vs.size < mine.size) throw new ResolveError('trigger does not mention all quantified variables', e.sp);
    }
    const inner = e.q === 'forall' ? implies(and(...ranges), body.t) : and(...ranges, body.t);
    const pats: Term[] = [];
    for (const g of groups) pats.push(':pattern', g);
    return { t: [e.q, binders, ['!', inner, ...pats]], ty: BOOL };
  }

  autoTriggers(body: Term, vars: Set<string>): Term[][] | null {
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

  // ---------------- struct literals, macros ----------------
  evStruct(e: Extract<Expr, { k: 'struct' }>, st: State, m: Mode): V {
    const last = e.path[e.path.length - 1]!;
    let ty: Ty;
    let ctor: Datatype['ctors'][number];
    const vr = e.path.length >= 2 ? this.findVariant(e.path, e.sp) : null;
    if (vr) {
      ty = vr.ty;
      ctor = vr.ctor;
    } else {
      const name = last === 'Self' ? this.info.item.selfType! : last;
      ty = { k: 'struct', name };
      this.crate.struct(name, e.sp);
      ctor = this.sorts.datatype(ty).ctors[0]!;
    }
    // Rust evaluates the field expressions in source order, then the `..base` expression
    const vals = new Map<string, V>();
    for (const f of e.fields) vals.set(f.name, this.ev(f.e, st, m));
    const base = e.base ? this.ev(e.base, st, m) : null;
    const args: Term[] = ctor.fields.map((f) => {
      const v = vals.get(f.name);
      if (v) return this.fit(v, f.ty).t;
      if (base) return [f.acc, base.t];
      throw new ResolveError(`missing field \`${f.name}\``, e.sp);
    });
    for (const k of vals.keys()) if (!ctor.fields.some((f) => f.name === k)) throw new ResolveError(`no field \`${k}\``, e.sp);
    return { t: args.length ? [ctor.ctor, ...args] : ctor.ctor, ty };
  }

  evMacro(e: Extract<Expr, { k: 'macro' }>, st: State, m: Mode): V {
    if (e.name === 'seq') {
      if (!e.args.length) throw new Unsupported('empty seq![] needs a type', e.sp);
      const vs = e.args.map((a) => this.ev(a, st, m));
      const elem = this.specElemTy(vs);
      const ty: Ty = { k: 'seq', elem };
      return { t: this.seqLit(ty, vs.map((v) => v.t)), ty };
    }
    if (e.name === 'set') {
      if (!e.args.length) throw new Unsupported('empty set![] needs a type', e.sp);
      const vs = e.args.map((a) => this.ev(a, st, m));
      const elem = this.specElemTy(vs);
      let t: Term = [['as', 'const', ['Array', sortOf(elem), 'Bool']], 'false'];
      for (const v of vs) t = ['store', t, v.t, 'true'];
      return { t, ty: { k: 'set', elem } };
    }
    throw new Unsupported(`macro \`${e.name}!\``, e.sp);
  }
  specElemTy(vs: V[]): Ty {
    const t = vs.find((v) => norm(v.ty).k !== 'lit')?.ty;
    if (t) return norm(t);
    return INT;
  }

  // ---------------- calls ----------------
  evCall(e: Extract<Expr, { k: 'call' }>, st: State, m: Mode): V | null {
    if (e.callee.k !== 'path') throw new Unsupported('call of a non-path expression', e.sp);
    const segs = e.callee.segs;
    const last = segs[segs.length - 1]!;
    const sp = e.sp;
    if (segs.length === 1) {
      if (last === 'old') {
        const a = e.args[0];
        if (!a || !this.fnCtx) throw new ResolveError('`old` needs an argument', sp);
        let base = a;
        while (base.k === 'unary' && base.op === '*') base = base.e;
        if (base.k !== 'path' || base.segs.length !== 1) throw new Unsupported('`old` of a non-variable', sp);
        const ov = this.fnCtx.old.get(base.segs[0]!) ?? (st.lookup('$old:' + base.segs[0]!)?.term ?? null);
        const b = st.lookup(base.segs[0]!);
        if (ov === null || !b) throw new ResolveError('`old` can only be applied to `&mut` parameters', sp);
        return { t: ov, ty: b.ty };
      }
      if (last === 'Ghost' || last === 'Tracked') return this.ev(e.args[0]!, st, { ...m, exec: false });
      if (last === 'Some') {
        const v = this.ev(e.args[0]!, st, m);
        const ty: Ty = { k: 'enum', name: 'Option', args: [this.defaultLit(v.ty)] };
        const dt = this.sorts.datatype(ty);
        return { t: [dt.ctors[1]!.ctor, v.t], ty };
      }
    }
    if (segs.length === 2 && (segs[0] === 'Seq' || segs[0] === 'Set' || segs[0] === 'Map') && last === 'empty') {
      const g = e.callee.generics;
      if (g.length) {
        const tyArgs = g.map((x) => this.crate.resolveType(x, this.info.item.selfType));
        const ty: Ty = segs[0] === 'Seq' ? { k: 'seq', elem: tyArgs[0]! } : segs[0] === 'Set' ? { k: 'set', elem: tyArgs[0]! } : { k: 'map', key: tyArgs[0]!, val: tyArgs[1]! };
        return { t: this.emptyOf(ty), ty };
      }
      // typed later from context (comparison, let annotation, field, argument)
      return { t: this.placeholder(['$empty', segs[0]!], sp), ty: { k: 'tuple', elems: [] } };
    }
    // enum variant / tuple struct constructor
    const vr = this.findVariant(segs, sp);
    if (vr) {
      const args = e.args.map((a, i) => {
        const v = this.ev(a, st, m);
        if (vr.ctor.fields[i]) this.unify(v.ty, vr.ctor.fields[i]!.ty);
        return v.t;
      });
      if (args.length !== vr.ctor.fields.length) throw new ResolveError('wrong number of fields', sp);
      return { t: args.length ? [vr.ctor.ctor, ...args] : vr.ctor.ctor, ty: vr.ty };
    }
    if (segs.length === 1 && this.crate.structs.has(last)) {
      const ty: Ty = { k: 'struct', name: last };
      const dt = this.sorts.datatype(ty);
      const args = e.args.map((a) => this.ev(a, st, m).t);
      return { t: [dt.ctors[0]!.ctor, ...args], ty };
    }
    // function
    let qname = last;
    if (segs.length >= 2 && /^[A-Z]/.test(segs[segs.length - 2]!)) {
      const t = segs[segs.length - 2] === 'Self' ? this.info.item.selfType : segs[segs.length - 2]!;
      qname = `${t}::${last}`;
    }
    const info = this.crate.fn(qname, sp);
    if (!info) throw new ResolveError(`cannot find function \`${segs.join('::')}\``, sp);
    return this.callFn(info, e.args.map((a) => ({ e: a })), st, m, sp);
  }

  evMethod(e: Extract<Expr, { k: 'method' }>, st: State, m: Mode): V | null {
    const recv = this.ev(e.recv, st, m);
    const ty = norm(recv.ty);
    const name = e.name;
    const sp = e.sp;
    const argv = () => e.args.map((a) => this.ev(a, st, m));
    if (ty.k === 'enum' && (name.startsWith('$is:') || name.startsWith('$arrow:'))) {
      const dt = this.sorts.datatype(ty);
      if (name.startsWith('$is:')) {
        const c = dt.ctors.find((x) => x.name === name.slice(4));
        if (!c) throw new ResolveError(`no variant \`${name.slice(4)}\``, sp);
        return { t: dt.ctors.length > 1 ? [['_', 'is', c.ctor], recv.t] : 'true', ty: BOOL };
      }
      const fname = name.slice(7);
      for (const c of dt.ctors) {
        const f = c.fields.find((x) => x.name === fname);
        if (f) return { t: [f.acc, recv.t], ty: f.ty };
      }
      throw new ResolveError(`no field \`${fname}\` in any variant`, sp);
    }
    if (ty.k === 'struct' || (ty.k === 'enum' && ty.name !== 'Option')) {
      const tn = (ty as { name: string }).name;
      const info = this.crate.fn(`${tn}::${name}`, e.nameSp);
      if (!info) throw new ResolveError(`no method \`${name}\` on type ${tn}`, e.nameSp);
      return this.callFn(info, [{ e: e.recv, v: recv }, ...e.args.map((a) => ({ e: a }))], st, m, sp);
    }
    if (ty.k === 'enum' && ty.name === 'Option') {
      const dt = this.sorts.datatype(ty);
      const isSome: Term = [['_', 'is', dt.ctors[1]!.ctor], recv.t];
      if (name === 'is_some') return { t: isSome, ty: BOOL };
      if (name === 'is_none') return { t: not(isSome), ty: BOOL };
      if (name === 'unwrap' || name === 'expect' || name === 'get_Some_0') {
        if (m.exec && !m.pure && name !== 'get_Some_0') this.oblige(st, 'unwrap', sp, isSome);
        return { t: [dt.ctors[1]!.fields[0]!.acc, recv.t], ty: ty.args[0]! };
      }
      if (name === 'unwrap_or') {
        const d = argv()[0]!;
        return { t: ite(isSome, [dt.ctors[1]!.fields[0]!.acc, recv.t], d.t), ty: ty.args[0]! };
      }
      throw new Unsupported(`Option::${name}`, e.nameSp);
    }
    if (ty.k === 'seq' || ty.k === 'array') {
      if (ty.k === 'array' && name === 'len') return { t: num(ty.len), ty: { k: 'int', kind: 'usize' } };
      if (ty.k === 'array' && name === 'set') throw new Unsupported('array set method', sp);
      return this.seqOp(name, { t: recv.t, ty: { k: 'seq', elem: ty.elem } }, argv(), e.nameSp);
    }
    if (ty.k === 'set') {
      const a = argv();
      const x = (i: number) => a[i]!.t;
      const s = recv.t;
      switch (name) {
        case 'contains': return { t: ['select', s, x(0)], ty: BOOL };
        case 'insert': return { t: ['store', s, x(0), 'true'], ty };
        case 'remove': return { t: ['store', s, x(0), 'false'], ty };
        case 'union': return { t: [['_', 'map', 'or'], s, x(0)], ty };
        case 'intersect': return { t: [['_', 'map', 'and'], s, x(0)], ty };
        case 'difference': return { t: [['_', 'map', 'and'], s, [['_', 'map', 'not'], x(0)]], ty };
        case 'subset_of': return { t: eq([['_', 'map', 'and'], s, x(0)], s), ty: BOOL };
      }
      throw new Unsupported(`Set::${name}`, e.nameSp);
    }
    if (ty.k === 'map') {
      const a = argv();
      const dt = this.sorts.datatype(ty);
      const dom: Term = [dt.ctors[0]!.fields[0]!.acc, recv.t];
      const vals: Term = [dt.ctors[0]!.fields[1]!.acc, recv.t];
      switch (name) {
        case 'dom': return { t: dom, ty: { k: 'set', elem: ty.key } };
        case 'contains_key': return { t: ['select', dom, a[0]!.t], ty: BOOL };
        case 'insert': return { t: [dt.ctors[0]!.ctor, ['store', dom, a[0]!.t, 'true'], ['store', vals, a[0]!.t, a[1]!.t]], ty };
        case 'remove': return { t: [dt.ctors[0]!.ctor, ['store', dom, a[0]!.t, 'false'], ['store', vals, a[0]!.t, this.sorts.dflt(ty.val)]], ty };
        case 'index': return { t: ['select', vals, a[0]!.t], ty: ty.val };
      }
      throw new Unsupported(`Map::${name}`, e.nameSp);
    }
    if (ty.k === 'int' || ty.k === 'lit') {
      throw new Unsupported(`integer method \`${name}\``, e.nameSp);
    }
    throw new Unsupported(`method \`${name}\` on ${tyStr(ty)}`, e.nameSp);
  }

  seqOp(name: string, s: V, a: V[], sp: Sp): V {
    const ty = norm(s.ty) as { k: 'seq'; elem: Ty };
    const dt = this.sorts.datatype(ty);
    const mk = dt.ctors[0]!.ctor;
    const len: Term = [dt.ctors[0]!.fields[0]!.acc, s.t];
    const arr: Term = [dt.ctors[0]!.fields[1]!.acc, s.t];
    const dflt = this.sorts.dflt(ty.elem);
    const sub = (i: Term, j: Term): Term => {
      const ok = and(['<=', '0', i], ['<=', i, j], ['<=', j, len]);
      return ite(ok, [mk, ['-', j, i], [this.seqFun('sub', ty.elem), arr, i, ['-', j, i]]], [mk, '0', [['as', 'const', ['Array', 'Int', sortOf(ty.elem)]], dflt]]);
    };
    switch (name) {
      case 'len': return { t: len, ty: NAT };
      case 'push': return { t: [mk, ['+', len, '1'], ['store', arr, len, a[0]!.t]], ty };
      case 'update': return { t: [mk, len, ite(and(['<=', '0', a[0]!.t], ['<', a[0]!.t, len]), ['store', arr, a[0]!.t, a[1]!.t], arr)], ty };
      case 'index': return { t: ['select', arr, a[0]!.t], ty: ty.elem };
      case 'last': return { t: ['select', arr, ['-', len, '1']], ty: ty.elem };
      case 'first': return { t: ['select', arr, '0'], ty: ty.elem };
      case 'subrange': return { t: sub(a[0]!.t, a[1]!.t), ty };
      case 'take': return { t: sub('0', a[0]!.t), ty };
      case 'skip': return { t: sub(a[0]!.t, len), ty };
      case 'drop_last': return { t: sub('0', ['-', len, '1']), ty };
      case 'add': {
        const b = a[0]!;
        const blen: Term = [dt.ctors[0]!.fields[0]!.acc, b.t];
        const barr: Term = [dt.ctors[0]!.fields[1]!.acc, b.t];
        return { t: [mk, ['+', len, blen], [this.seqFun('cat', ty.elem), arr, len, barr]], ty };
      }
      case 'contains': {
        // z3 ignores a pattern with `ite` in it, so a choice between two sequences (subrange's
        // encoding) is split into a choice between two `contains`, each with a clean pattern
        const lenAcc = dt.ctors[0]!.fields[0]!.acc;
        const arrAcc = dt.ctors[0]!.fields[1]!.acc;
        const isIte = (t: Term): t is Term[] => Array.isArray(t) && t[0] === 'ite';
        const within = (qLen: Term, qArr: Term): Term => {
          if (isIte(qArr)) return ite(qArr[1]!, within(qLen, qArr[2]!), within(qLen, qArr[3]!));
          if (qLen === '0') return 'false';
          const j = quote(`j@${this.qcount++}`);
          return ['exists', [[j, 'Int']], ['!', and(['<=', '0', j], ['<', j, qLen], eq(['select', qArr, j], a[0]!.t)), ':pattern', [['select', qArr, j]]]];
        };
        const contains = (q: Term): Term => {
          if (isIte(q)) return ite(q[1]!, contains(q[2]!), contains(q[3]!));
          const isMk = Array.isArray(q) && q[0] === mk;
          return within(isMk ? q[1]! : [lenAcc, q], isMk ? q[2]! : [arrAcc, q]);
        };
        return { t: contains(s.t), ty: BOOL };
      }
    }
    throw new Unsupported(`Seq::${name}`, sp);
  }

  /** A call of a user function (spec: function application; exec/proof: modular via specs). */
  callFn(info: FnInfo, args: { e: Expr; v?: V }[], st: State, m: Mode, sp: Sp): V | null {
    const f = info.item;
    if (f.generics.length) throw new Unsupported(`call of generic function \`${info.qname}\``, sp);
    this.callees.add(info.key);
    const ps = this.paramTypes(f);
    if (ps.length !== args.length) throw new ResolveError(`\`${info.qname}\` takes ${ps.length} arguments but ${args.length} were supplied`, sp);
    const retTy = f.ret ? this.crate.resolveType(f.ret.ty, f.selfType) : UNIT;
    if (f.mode === 'spec') {
      const vals = args.map((a, i) => {
        const v = this.fit(a.v ?? this.ev(a.e, st, { ...m, exec: false }), ps[i]!.ty);
        return v.t;
      });
      this.specUsed.add(info.key);
      if (m.recHook) m.recHook(info, vals, sp, m.path, m.bound.size > 0);
      const name = quote(info.key);
      if (this.cvc.recursive.has(info.key)) {
        let fuel = 'fuel.zero';
        for (let i = 0; i < (this.fuel.get(info.key) ?? 1); i++) fuel = `(fuel.succ ${fuel})`;
        if (m.fuelVar && m.scc?.has(info.key)) fuel = m.fuelVar;
        return { t: [name, fuel, ...vals], ty: retTy };
      }
      return { t: vals.length ? [name, ...vals] : name, ty: retTy };
    }
    if (m.pure) throw new ResolveError(`cannot call ${f.mode} function \`${info.qname}\` in spec code`, sp);
    if (f.mode === 'exec' && !m.exec && this.info.item.mode !== 'exec') throw new ResolveError(`cannot call exec function \`${info.qname}\` from proof code`, sp);
    // evaluate arguments; &mut args are places
    const pre: Term[] = [];
    const places: (Place | null)[] = [];
    for (let i = 0; i < args.length; i++) {
      const p = ps[i]!;
      const a = args[i]!;
      const argMode = f.mode === 'proof' ? { ...m, exec: false } : m;
      if (p.mut) {
        let pe = a.e;
        if (pe.k === 'unary' && pe.op === '&mut') pe = pe.e;
        const place = this.place(pe, st, argMode);
        places.push(place);
        const v = this.readPlace(place, st);
        pre.push(v.t);
      } else {
        // the callee assumes its parameters are in range: a ghost `int` needs `as`
        const v = this.fit(a.v ?? this.ev(a.e, st, argMode), p.ty);
        pre.push(v.t);
        places.push(null);
      }
    }
    // preconditions
    const cst = new State();
    ps.forEach((p, i) => cst.declare(p.name, { ty: p.ty, term: pre[i]!, mut: false }));
    const oldMap = new Map<string, Term>();
    ps.forEach((p, i) => {
      if (p.mut) oldMap.set(p.name, pre[i]!);
    });
    const savedCtx = this.fnCtx;
    const withOld = <T>(old: Map<string, Term>, fn: () => T): T => {
      const prev = this.fnCtx;
      this.fnCtx = { ...(prev ?? ({} as FnCtx)), old, loops: prev?.loops ?? [] } as FnCtx;
      try {
        return fn();
      } finally {
        this.fnCtx = prev;
      }
    };
    for (const r of f.requires) {
      const g = withOld(oldMap, () => this.evalPure(r, cst, this.specMode(st.path)));
      this.oblige(st, 'precondition', sp, g.t, r.sp);
    }
    // recursion check (kept only if the callee is in this function's SCC; decided later)
    if (savedCtx) {
      const measure = this.myMeasure;
      const ob = () => {
        const cf = info.item;
        if (!measure.length || !cf.decreases.length) return this.makeOb(st, 'decreases', sp, 'false', undefined, 'could not prove termination (recursive function without `decreases`)');
        const newM = cf.decreases.map((d) => this.evalPure(d, cst, this.specMode([])));
        return this.makeOb(st, 'decreases', sp, lexLess(newM, measure), cf.decreases[0]!.sp, 'could not prove termination');
      };
      const made = ob();
      this.recCalls.push({ callee: info.key, ob: () => made });
    }
    // havoc &mut places, return value
    const post = new State();
    ps.forEach((p, i) => {
      if (p.mut) {
        const place = places[i]!;
        const nv = this.havoc(this.placeName(place), p.ty);
        this.writePlace(place, nv, st);
        post.declare(p.name, { ty: p.ty, term: nv, mut: false });
      } else post.declare(p.name, { ty: p.ty, term: pre[i]!, mut: false });
    });
    let ret: V = { t: 'true', ty: UNIT };
    const rtn = norm(retTy);
    if (!(rtn.k === 'tuple' && rtn.elems.length === 0)) {
      const rc = this.havoc(`${info.item.name}$ret`, retTy);
      ret = { t: rc, ty: retTy };
      if (f.ret?.name) post.declare(f.ret.name, { ty: retTy, term: rc, mut: false });
    }
    for (const en of f.ensures) {
      const g = withOld(oldMap, () => this.evalPure(en, post, this.specMode(st.path)));
      this.assume(st, g.t);
    }
    if (f.returns) {
      const r = withOld(oldMap, () => this.evalPure(f.returns!, post, this.specMode(st.path)));
      this.assume(st, this.compare('==', ret, r, sp).t);
    }
    if (f.mode === 'exec' && f.body && !f.attrs.some((a) => a.includes('external_body'))) st.crossed.push({ kind: 'call', name: info.qname, line: this.line(sp.start), sp });
    else if (f.mode === 'proof') st.crossed.push({ kind: 'call', name: info.qname, line: this.line(sp.start), sp });
    return ret;
  }

  // ---------------- places ----------------
  place(e: Expr, st: State, m: Mode): Place {
    if (e.k === 'path' && e.segs.length === 1) {
      const b = st.lookup(e.segs[0]!);
      if (!b) throw new ResolveError(`cannot find value \`${e.segs[0]}\``, e.sp);
      return { root: e.segs[0]!, steps: [], sp: e.sp };
    }
    if (e.k === 'unary' && (e.op === '*' || e.op === '&mut')) return this.place(e.e, st, m);
    if (e.k === 'field') {
      const p = this.place(e.recv, st, m);
      return { ...p, steps: [...p.steps, { k: 'field', name: e.name }], sp: e.sp };
    }
    if (e.k === 'index') {
      const p = this.place(e.recv, st, m);
      const i = this.ev(e.idx, st, m);
      this.unify(i.ty, { k: 'int', kind: 'usize' });
      const cur = this.readPlace(p, st);
      const cty = norm(cur.ty);
      if (cty.k !== 'array' && cty.k !== 'seq') throw new Unsupported('index assignment on non-array', e.sp);
      if (m.exec) this.oblige(st, 'index-bounds', e.sp, and(['<=', '0', i.t], ['<', i.t, cty.k === 'array' ? num(cty.len) : [this.sorts.datatype(cty).ctors[0]!.fields[0]!.acc, cur.t]]));
      const it = typeof i.t === 'string' ? i.t : this.define('$idx', i);
      return { ...p, steps: [...p.steps, { k: 'index', idx: it }], sp: e.sp };
    }
    throw new Unsupported('assignment to this expression', e.sp);
  }
  placeName(p: Place): string {
    return p.root + p.steps.map((s) => (s.k === 'field' ? '.' + s.name : '[]')).join('');
  }
  readPlace(p: Place, st: State): V {
    const b = st.lookup(p.root)!;
    let v: V = { t: b.term, ty: b.ty };
    for (const s of p.steps) v = s.k === 'field' ? this.field(v, s.name, p.sp) : this.index(v, { t: s.idx, ty: { k: 'int', kind: 'usize' } }, st, { exec: false, pure: true, nonlinear: false, bound: new Set(), triggers: null, path: [] }, p.sp);
    return v;
  }
  writePlace(p: Place, val: Term, st: State): void {
    const b = st.lookup(p.root)!;
    const rec = (cur: V, i: number): Term => {
      if (i === p.steps.length) return val;
      const s = p.steps[i]!;
      const ty = norm(cur.ty);
      if (s.k === 'field') {
        const dt = this.sorts.datatype(ty);
        const c = dt.ctors[0]!;
        return [c.ctor, ...c.fields.map((f) => (f.name === s.name ? rec({ t: [f.acc, cur.t], ty: f.ty }, i + 1) : [f.acc, cur.t]))];
      }
      const dt = this.sorts.datatype(ty);
      const c = dt.ctors[0]!;
      const elemTy = (ty as { elem: Ty }).elem;
      const arr: Term = [c.fields[1]!.acc, cur.t];
      return [c.ctor, [c.fields[0]!.acc, cur.t], ['store', arr, s.idx, rec({ t: ['select', arr, s.idx], ty: elemTy }, i + 1)]];
    };
    const nt = rec({ t: b.term, ty: b.ty }, 0);
    const c = typeof nt === 'string' && p.steps.length === 0 ? nt : this.define(p.root, { t: nt, ty: b.ty });
    st.set(p.root, { ...b, term: c });
  }

  // ---------------- statements ----------------
  execBlock(b: Block, st: State, m: Mode): V | null {
    st.push();
    try {
      let last: V = { t: 'true', ty: UNIT };
      for (let i = 0; i < b.stmts.length; i++) {
        const s = b.stmts[i]!;
        const r = this.execStmt(s, st, m, i === b.stmts.length - 1);
        if (r === null) return null;
        last = r;
      }
      return last;
    } catch (e) {
      if (e instanceof DivergeSignal) return null;
      throw e;
    } finally {
      st.pop();
    }
  }

  execStmt(s: Stmt, st: State, m: Mode, isLast: boolean): V | null {
    const ghostM: Mode = { ...m, exec: false };
    switch (s.k) {
      case 'let': {
        const ghost = s.ghost;
        const mm = ghost ? ghostM : m;
        let v: V;
        const declTy = s.ty ? this.crate.resolveType(s.ty, this.info.item.selfType) : null;
        if (s.init) {
          const r = this.evOpt(s.init, st, mm);
          if (!r) return null;
          v = r;
          if (declTy) {
            v = this.fit(v, declTy);
            v = { t: v.t, ty: declTy };
          }
        } else {
          if (!declTy) throw new ResolveError('type annotations needed', s.sp);
          v = { t: this.havoc(s.pat.k === 'bind' ? s.pat.name : '$uninit', declTy), ty: declTy };
        }
        if (s.pat.k === 'bind') {
          const c = this.define(s.pat.name, v);
          st.declare(s.pat.name, { ty: v.ty, term: c, mut: s.pat.mut || ghost, ghost });
          return { t: 'true', ty: UNIT };
        }
        this.bindPat(s.pat, v, st, mm, false);
        return { t: 'true', ty: UNIT };
      }
      case 'expr': {
        const v = this.evOpt(s.e, st, m);
        if (!v) return null;
        return s.semi && !isLast ? { t: 'true', ty: UNIT } : s.semi ? { t: 'true', ty: UNIT } : v;
      }
      case 'assume': {
        const v = this.ev(s.e, st, { ...ghostM, pure: true });
        this.assume(st, v.t);
        return { t: 'true', ty: UNIT };
      }
      case 'assert': {
        if (s.by === 'bit_vector') {
          this.bitVectorAssert(s, st);
          return { t: 'true', ty: UNIT };
        }
        if (s.by === 'nonlinear_arith') {
          this.nonlinearAssert(s, st);
          return { t: 'true', ty: UNIT };
        }
        if (s.proof) {
          const s2 = st.clone();
          const r = this.execBlock(s.proof, s2, ghostM);
          const v = this.ev(s.e, r ? s2 : s2, { ...ghostM, pure: true });
          if (r) this.oblige(s2, 'assertion', s.sp, v.t);
          const v2 = this.ev(s.e, st, { ...ghostM, pure: true });
          this.assume(st, v2.t);
          return { t: 'true', ty: UNIT };
        }
        const v = this.ev(s.e, st, { ...ghostM, pure: true });
        this.oblige(st, 'assertion', s.sp, v.t);
        this.assume(st, v.t);
        return { t: 'true', ty: UNIT };
      }
      case 'assert-forall': {
        // skolemize: fresh constants for the variables
        const s2 = st.clone();
        s2.push();
        for (const p of s.params) {
          const ty = this.crate.resolveType(p.ty, this.info.item.selfType);
          const c = this.havoc(`${p.name}$sk`, ty);
          s2.declare(p.name, { ty, term: c, mut: false });
        }
        if (s.lhs) this.assume(s2, this.ev(s.lhs, s2, { ...ghostM, pure: true }).t);
        const r = s.proof ? this.execBlock(s.proof, s2, ghostM) : { t: 'true', ty: UNIT };
        if (r) this.oblige(s2, 'assertion', s.sp, this.ev(s.rhs, s2, { ...ghostM, pure: true }).t);
        const body: Expr = s.lhs ? { k: 'binary', op: '==>', l: s.lhs, r: s.rhs, sp: s.sp } : s.rhs;
        const q: Expr = { k: 'quant', q: 'forall', params: s.params, triggers: s.triggers, body, sp: s.sp };
        this.assume(st, this.ev(q, st, { ...ghostM, pure: true }).t);
        return { t: 'true', ty: UNIT };
      }
      case 'proof': {
        const r = this.execBlock(s.block, st, ghostM);
        return r ? { t: 'true', ty: UNIT } : null;
      }
      case 'reveal': {
        const segs = s.name;
        const q = segs.length >= 2 && /^[A-Z]/.test(segs[segs.length - 2]!) ? `${segs[segs.length - 2] === 'Self' ? this.info.item.selfType : segs[segs.length - 2]}::${segs[segs.length - 1]}` : segs[segs.length - 1]!;
        const info = this.crate.fn(q, s.sp);
        if (!info || info.item.mode !== 'spec') throw new ResolveError(`\`${segs.join('::')}\` is not a spec function`, s.sp);
        if (s.fuel !== null) {
          if (s.fuel < 0) throw new Unsupported('reveal_with_fuel needs a literal fuel (at most 64)', s.sp);
          if (!this.cvc.recursive.has(info.key)) return { t: 'true', ty: UNIT };
          this.fuel.set(info.key, Math.max(1, s.fuel));
          return { t: 'true', ty: UNIT };
        }
        if (!info.item.attrs.some((a) => a.includes('opaque'))) return { t: 'true', ty: UNIT };
        if (this.cvc.recursive.has(info.key)) throw new Unsupported('`reveal` of an opaque recursive spec fn', s.sp);
        // the definition is a true fact: making it visible to the whole function is sound
        this.specUsed.add(info.key);
        this.reveals.add(info.key);
        return { t: 'true', ty: UNIT };
      }
      case 'unsupported':
        throw new Unsupported(`unsupported: ${s.what}`, s.sp);
    }
  }

  execAssign(e: Extract<Expr, { k: 'assign' }>, st: State, m: Mode): V | null {
    const place = this.place(e.lhs, st, m);
    const b = st.lookup(place.root)!;
    if (this.info.item.mode === 'exec' && !m.exec && !b.ghost) {
      // ghost code is erased: it must not change exec state
      throw new ResolveError(`cannot assign to exec variable \`${place.root}\` in ghost code`, e.lhs.sp);
    }
    if (!b.mut && place.steps.length === 0 && !this.fnCtx?.old.has(place.root)) {
      // Rust would reject assignment to an immutable binding; be strict
      throw new ResolveError(`cannot assign twice to immutable variable \`${place.root}\``, e.lhs.sp);
    }
    let v: V;
    if (e.op === '=') {
      const r = this.evOpt(e.rhs, st, m);
      if (!r) return null;
      v = r;
    } else {
      const cur = this.readPlace(place, st);
      const r = this.evOpt(e.rhs, st, m);
      if (!r) return null;
      v = this.arith(e.op.slice(0, -1), cur, r, st, m, e.sp);
      // ghost `x op= y` on a machine integer: the int result is truncated to x's type (Verus)
      const placeTy = norm(cur.ty);
      const resTy = norm(v.ty);
      if (placeTy.k === 'int' && isMachine(placeTy.kind) && resTy.k === 'int' && !isMachine(resTy.kind)) v = this.cast(v, placeTy, e.sp);
    }
    const cur = this.readPlace(place, st);
    this.unify(v.ty, cur.ty);
    this.writePlace(place, v.t, st);
    return { t: 'true', ty: UNIT };
  }

  /** Variables assigned in a loop body (roots of places, &mut arguments, &mut self receivers). */
  modifiedVars(b: Block | Expr, st: State, out: Set<string>): void {
    const visitE = (e: Expr | null): void => {
      if (!e) return;
      switch (e.k) {
        case 'assign': {
          const r = rootVar(e.lhs);
          if (r) out.add(r);
          visitE(e.rhs);
          visitE(e.lhs);
          return;
        }
        case 'unary':
          if (e.op === '&mut') {
            const r = rootVar(e.e);
            if (r) out.add(r);
          }
          visitE(e.e);
          return;
        case 'method': {
          const r = rootVar(e.recv);
          if (r) {
            const b2 = st.lookup(r);
            if (b2) {
              const ty = norm(b2.ty);
              // conservatively: any user method on a struct receiver taking &mut self
              if (ty.k === 'struct' || ty.k === 'enum') {
                for (const [q, infos] of this.crate.fns) {
                  if (q.endsWith('::' + e.name) && infos.some((i) => i.item.params[0]?.isSelf && i.item.params[0].ty.k === 'ref' && i.item.params[0].ty.mut)) out.add(r);
                }
              }
            }
          }
          visitE(e.recv);
          e.args.forEach(visitE);
          return;
        }
        case 'call':
          e.args.forEach(visitE);
          return;
        case 'binary': visitE(e.l); visitE(e.r); return;
        case 'chain': e.operands.forEach(visitE); return;
        case 'bullets': e.items.forEach(visitE); return;
        case 'field': visitE(e.recv); return;
        case 'index': visitE(e.recv); visitE(e.idx); return;
        case 'view': case 'cast': case 'trigger': visitE(e.e); return;
        case 'if': visitE(e.cond); visitB(e.then); visitE(e.els); return;
        case 'match': visitE(e.scrut); e.arms.forEach((a) => visitE(a.body)); return;
        case 'block': visitB(e.block); return;
        case 'while': visitE(e.cond); visitB(e.body); return;
        case 'loop': visitB(e.body); return;
        case 'return': visitE(e.e); return;
        case 'struct': e.fields.forEach((f) => visitE(f.e)); return;
        case 'tuple': case 'array': e.elems.forEach(visitE); return;
        default: return;
      }
    };
    const visitB = (bl: Block): void => {
      for (const s of bl.stmts) {
        if (s.k === 'let') visitE(s.init);
        else if (s.k === 'expr') visitE(s.e);
        else if (s.k === 'proof') visitB(s.block);
      }
    };
    if ('stmts' in b) visitB(b);
    else visitE(b);
  }

  execLoop(e: Extract<Expr, { k: 'while' | 'loop' }>, st: State, m: Mode): V | null {
    const ghostM: Mode = { ...m, exec: false, pure: true };
    const line = this.line(e.sp.start);
    // 1. invariants on entry
    for (const inv of e.inv) {
      const v = this.ev(inv, st, ghostM);
      this.oblige(st, 'invariant-entry', inv.sp, v.t, inv.sp);
    }
    // 2. havoc modified variables
    const mod = new Set<string>();
    this.modifiedVars(e.body, st, mod);
    if (e.k === 'while') this.modifiedVars(e.cond, st, mod);
    const loopSt = st.clone();
    for (const name of [...mod].sort()) {
      const b = loopSt.lookup(name);
      if (!b) continue; // declared inside the loop
      const c = this.havoc(name, b.ty);
      loopSt.set(name, { ...b, term: c });
    }
    loopSt.crossed.push({ kind: 'loop', name: `loop at line ${line}`, line, sp: e.sp });
    // 3. assume invariants
    for (const inv of e.inv) this.assume(loopSt, this.ev(inv, loopSt, ghostM).t);
    // decreases measure at the start of the iteration
    const measure = e.dec.map((d) => {
      const v = this.ev(d, loopSt, ghostM);
      return { t: typeof v.t === 'string' ? v.t : this.define('$dec', v), ty: v.ty };
    });
    const base = loopSt.path.length;
    const bodySt = loopSt.clone();
    let cond: Term = 'true';
    if (e.k === 'while') {
      const c = this.ev(e.cond, bodySt, m);
      cond = c.t;
    }
    const exitSt = bodySt.clone();
    bodySt.path.push(cond);
    bodySt.labels.push(`loop body at line ${line}`);
    bodySt.trace.push({ cond: cond, label: `loop body at line ${line} (an arbitrary iteration)` });
    const ctx: LoopCtx = {
      breaks: [],
      check: (s, sp) => {
        for (const inv of e.inv) {
          const v = this.ev(inv, s, ghostM);
          this.oblige(s, 'invariant-preserved', sp, v.t, inv.sp);
        }
        if (measure.length) {
          const nm = e.dec.map((d) => this.ev(d, s, ghostM));
          this.oblige(s, 'decreases', sp, lexLess(nm, measure), e.dec[0]!.sp, 'decreases not satisfied at end of loop');
        }
      },
    };
    // soundness guard: every variable of the enclosing scopes that the body changes must have
    // been havocked above (otherwise facts from before the loop would leak into it)
    const guard = (s2: State) => {
      for (let i = 0; i < loopSt.scopes.length; i++) {
        for (const [name, b] of loopSt.scopes[i]!) {
          const after = s2.scopes[i]?.get(name);
          if (after && print(after.term) !== print(b.term) && !mod.has(name)) throw new Unsupported(`the loop changes \`${name}\` in a way the verifier does not track`, e.sp);
        }
      }
    };
    const origCheck = ctx.check;
    ctx.check = (s2, sp) => {
      guard(s2);
      origCheck(s2, sp);
    };
    this.fnCtx!.loops.push(ctx);
    const r = this.execBlock(e.body, bodySt, m);
    this.fnCtx!.loops.pop();
    for (const b of ctx.breaks) guard(b);
    if (r) ctx.check(bodySt, { start: e.body.sp.end - 1, end: e.body.sp.end });
    // exit
    const exits: State[] = [];
    if (e.k === 'while') {
      exitSt.path.push(not(cond));
      exitSt.labels.push(`loop exit at line ${line}`);
      exitSt.trace.push({ cond: not(cond), label: `loop exit at line ${line}` });
      exits.push(exitSt);
    }
    for (const b of ctx.breaks) {
      b.labels.push(`break from loop at line ${line}`);
      exits.push(b);
    }
    // loop `ensures` clauses are checked at every exit, assumed after
    for (const x of exits) {
      for (const en of e.invEnsures) {
        const v = this.ev(en, x, ghostM);
        this.oblige(x, 'assertion', en.sp, v.t, en.sp, 'loop postcondition not satisfied');
      }
    }
    if (!exits.length) {
      st.path.push('false');
      return null;
    }
    // the exit states extend loopSt's path from `base`; join into st
    st.scopes = loopSt.scopes.map((s) => new Map(s));
    st.path = [...loopSt.path];
    st.crossed = [...loopSt.crossed];
    st.labels = [...loopSt.labels];
    // exit states may have extra scopes popped already; align
    for (const x of exits) while (x.scopes.length > st.scopes.length) x.scopes.pop();
    this.mergeInto(st, exits, base, true);
    if (exits.length === 1) st.labels = [...exits[0]!.labels];
    for (const en of e.invEnsures) this.assume(st, this.ev(en, st, ghostM).t);
    return { t: 'true', ty: UNIT };
  }

  // ---------------- bit-vector and nonlinear assertions ----------------
  bitVectorAssert(s: Extract<Stmt, { k: 'assert' }>, st: State): void {
    // The BV query contains only the assertion and its requires, over the free variables.
    const vars = new Map<string, { ty: Ty; sym: string }>();
    const bvEnv = (name: string): { ty: Ty; sym: string } | null => {
      const b = st.lookup(name);
      if (!b) return null;
      let v = vars.get(name);
      if (!v) {
        v = { ty: norm(b.ty), sym: quote(name) };
        vars.set(name, v);
      }
      return v;
    };
    const tr = new BvTranslator(this.crate, bvEnv);
    const reqs = s.req.map((r) => tr.bool(r));
    const goal = tr.bool(s.e);
    const lines = [...PRELUDE_OPTIONS.slice(0, 1)];
    for (const [, v] of [...vars].sort()) {
      const k = norm(v.ty);
      if (k.k !== 'int' || !isMachine(k.kind) || signed(k.kind)) throw new Unsupported('by(bit_vector) supports unsigned machine integers only', s.sp);
      lines.push(`(declare-const ${v.sym} (_ BitVec ${bits(k.kind)}))`);
    }
    for (const r of reqs) lines.push(`(assert ${print(r)})`);
    lines.push(`(assert (not ${print(goal)}))`, '(check-sat)');
    const ob = this.makeOb(st, 'assertion', s.sp, 'true');
    (ob as unknown as { _q: { raw: string } })._q.raw = lines.join('\n') + '\n';
    ob.scope = ob.scope.filter((v) => vars.has(v.name));
    this.obligations.push(ob);
    // requires are checked in context; then the (int-encoded) assertion is assumed
    for (const r of s.req) this.oblige(st, 'assertion', r.sp, this.ev(r, st, { exec: false, pure: true, nonlinear: false, bound: new Set(), triggers: null, path: [] }).t, r.sp, 'requires of by(bit_vector) not satisfied');
    this.assume(st, this.ev(s.e, st, { exec: false, pure: true, nonlinear: false, bound: new Set(), triggers: null, path: [] }).t);
  }

  nonlinearAssert(s: Extract<Stmt, { k: 'assert' }>, st: State): void {
    // Separate query: only the free variables' types, the requires, and the goal, with real `*`.
    const sub = new FnGen(this.cvc, this.info);
    const s2 = new State();
    const names = new Set<string>();
    const collect = (e: Expr): void => {
      JSON.stringify(e, (k, v) => {
        if (v && typeof v === 'object' && v.k === 'path' && Array.isArray(v.segs) && v.segs.length === 1) names.add(v.segs[0]);
        return typeof v === 'bigint' ? v.toString() : v;
      });
    };
    collect(s.e);
    s.req.forEach(collect);
    for (const n of [...names].sort()) {
      const b = st.lookup(n);
      if (!b) continue;
      const c = sub.havoc(n, b.ty);
      s2.declare(n, { ty: b.ty, term: c, mut: false });
    }
    const nm: Mode = { exec: false, pure: true, nonlinear: true, bound: new Set(), triggers: null, path: [] };
    for (const r of s.req) sub.assume(s2, sub.ev(r, s2, nm).t);
    const goal = sub.ev(s.e, s2, nm).t;
    sub.oblige(s2, 'assertion', s.sp, goal);
    sub.finish();
    for (const ob of sub.obligations) {
      const o2 = this.makeOb(st, 'assertion', s.sp, 'true');
      (o2 as unknown as { _q: { raw: string } })._q.raw = ob.query;
      o2.scope = o2.scope.filter((v) => names.has(v.name));
      this.obligations.push(o2);
    }
    const gm: Mode = { exec: false, pure: true, nonlinear: false, bound: new Set(), triggers: null, path: [] };
    for (const r of s.req) this.oblige(st, 'assertion', r.sp, this.ev(r, st, gm).t, r.sp, 'requires of by(nonlinear_arith) not satisfied');
    // assume the goal in context: encode with the same (uninterpreted) multiplication as elsewhere
    this.assume(st, this.ev(s.e, st, gm).t);
  }
}

class DivergeSignal extends Error {}

interface Place {
  root: string;
  steps: ({ k: 'field'; name: string } | { k: 'index'; idx: Term })[];
  sp: Sp;
}

/** Replaces quantified conjuncts with `true` (guards of recursive definitions stay quantifier-free). */
function stripQuantifiers(t: Term): Term {
  if (typeof t === 'string') return t;
  if (t[0] === 'forall' || t[0] === 'exists') return 'true';
  if (t[0] === 'and') return and(...t.slice(1).map(stripQuantifiers));
  if (t[0] === '=>') return implies(t[1]!, stripQuantifiers(t[2]!));
  return t;
}

function rootVar(e: Expr): string | null {
  if (e.k === 'path' && e.segs.length === 1) return e.segs[0]!;
  if (e.k === 'field' || e.k === 'index') return rootVar(e.recv);
  if (e.k === 'unary' && (e.op === '*' || e.op === '&mut' || e.op === '&')) return rootVar(e.e);
  return null;
}

function lexLess(newM: V[], oldM: V[]): Term {
  // lexicographic: exists i. new[0..i) == old[0..i) && 0 <= old[i] && new[i] < old[i]
  const n = Math.min(newM.length, oldM.length);
  const alts: Term[] = [];
  for (let i = 0; i < n; i++) {
    const eqs: Term[] = [];
    for (let j = 0; j < i; j++) eqs.push(eq(newM[j]!.t, oldM[j]!.t));
    alts.push(and(...eqs, ['<=', '0', oldM[i]!.t], ['<', newM[i]!.t, oldM[i]!.t]));
  }
  return or(...alts);
}

/** A conservative value range of simple terms: numerals, `mod` by a constant, `bv2nat`. */
function knownRange(t: Term): [bigint, bigint] | null {
  const c = isNumeral(t);
  if (c !== null) return [c, c];
  if (!Array.isArray(t)) return null;
  if (t[0] === 'mod' && t.length === 3) {
    const d = isNumeral(t[2]!);
    if (d !== null && d > 0n) return [0n, d - 1n];
  }
  if (t[0] === 'bv2nat' && Array.isArray(t[1]) && Array.isArray(t[1][1]) && Array.isArray(t[1][1][0]) && t[1][1][0][1] === 'int2bv') {
    const w = BigInt(String(t[1][1][0][2]));
    return [0n, (1n << w) - 1n];
  }
  return null;
}

function foldConst(op: string, a: bigint, b: bigint): bigint | null {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    default: return null;
  }
}
function foldBits(op: string, a: bigint, b: bigint, kind: IntKind): bigint | null {
  const w = BigInt(bits(kind));
  const mod = 1n << w;
  const u = (x: bigint) => ((x % mod) + mod) % mod;
  let r: bigint;
  switch (op) {
    case '&': r = u(a) & u(b); break;
    case '|': r = u(a) | u(b); break;
    case '^': r = u(a) ^ u(b); break;
    case '<<': if (b < 0n || b >= w) return null; r = u(a << b); break;
    case '>>': if (b < 0n || b >= w) return null; r = signed(kind) ? a >> b : u(a) >> b; break;
    default: return null;
  }
  r = u(r);
  if (signed(kind) && r >= mod >> 1n) r -= mod;
  return r;
}

function bvOp(op: string, a: Term, b: Term, kind: IntKind): Term {
  const w = bits(kind);
  const toBv = (x: Term): Term => [['_', 'int2bv', String(w)], x];
  const fn = op === '&' ? 'bvand' : op === '|' ? 'bvor' : op === '^' ? 'bvxor' : op === '<<' ? 'bvshl' : signed(kind) ? 'bvashr' : 'bvlshr';
  const r: Term = ['bv2nat', [fn, toBv(a), toBv(b)]];
  if (!signed(kind)) return r;
  const half = num(1n << BigInt(w - 1));
  const full = num(1n << BigInt(w));
  return ite(['>=', r, half], ['-', r, full], r);
}

/** Translates a bit_vector assertion into BV terms (unsigned machine ints only). */
class BvTranslator {
  constructor(private crate: Crate, private env: (name: string) => { ty: Ty; sym: string } | null) {}
  bool(e: Expr): Term {
    const r = this.tr(e, null);
    if (r.w !== 0) throw new Unsupported('by(bit_vector) assertion must be boolean', e.sp);
    return r.t;
  }
  private tr(e: Expr, want: number | null): { t: Term; w: number } {
    switch (e.k) {
      case 'bool':
        return { t: e.value ? 'true' : 'false', w: 0 };
      case 'int': {
        let w = want ?? 0;
        if (e.suffix && isIntKind(e.suffix)) w = bits(e.suffix);
        if (!w) throw new Unsupported('integer literal width unknown in by(bit_vector); add a suffix', e.sp);
        const mod = 1n << BigInt(w);
        if (e.value >= mod) throw new Unsupported('literal too large for its width', e.sp);
        return { t: [['_', 'bv' + e.value.toString(), String(w)]][0]!, w };
      }
      case 'path': {
        if (e.segs.length === 2 && isIntKind(e.segs[0]!) && e.segs[1] === 'MAX') {
          const k = e.segs[0] as IntKind;
          const w = bits(k);
          return { t: ['_', 'bv' + ((1n << BigInt(w)) - 1n).toString(), String(w)], w };
        }
        const c = this.crate.constIntValue(e);
        if (e.segs.length === 1) {
          const v = this.env(e.segs[0]!);
          if (v) {
            const k = norm(v.ty);
            if (k.k === 'bool') return { t: v.sym, w: 0 };
            if (k.k !== 'int' || !isMachine(k.kind)) throw new Unsupported('by(bit_vector) supports machine integers only', e.sp);
            return { t: v.sym, w: bits(k.kind) };
          }
        }
        if (c !== null && want) return { t: ['_', 'bv' + c.toString(), String(want)], w: want };
        throw new Unsupported('name in by(bit_vector)', e.sp);
      }
      case 'unary': {
        if (e.op === '!') {
          const x = this.tr(e.e, want);
          return x.w === 0 ? { t: not(x.t), w: 0 } : { t: ['bvnot', x.t], w: x.w };
        }
        if (e.op === '&' || e.op === '*') return this.tr(e.e, want);
        throw new Unsupported('negation in by(bit_vector)', e.sp);
      }
      case 'cast': {
        const to = this.crate.resolveType(e.ty, null);
        if (to.k !== 'int' || !isMachine(to.kind) || signed(to.kind)) throw new Unsupported('cast in by(bit_vector)', e.sp);
        const w2 = bits(to.kind);
        let x: { t: Term; w: number };
        try {
          x = this.tr(e.e, null);
        } catch {
          x = this.tr(e.e, w2);
        }
        if (x.w === w2) return x;
        if (x.w < w2) return { t: [['_', 'zero_extend', String(w2 - x.w)], x.t], w: w2 };
        return { t: [['_', 'extract', String(w2 - 1), '0'], x.t], w: w2 };
      }
      case 'binary': {
        const op = e.op;
        if (['&&', '||', '==>', '<==>'].includes(op)) {
          const a = this.bool(e.l);
          const b = this.bool(e.r);
          return { t: op === '&&' ? and(a, b) : op === '||' ? or(a, b) : op === '==>' ? implies(a, b) : eq(a, b), w: 0 };
        }
        let a: { t: Term; w: number };
        let b: { t: Term; w: number };
        try {
          a = this.tr(e.l, want);
          b = this.tr(e.r, a.w || want);
        } catch (err) {
          b = this.tr(e.r, want);
          a = this.tr(e.l, b.w);
          void err;
        }
        if (a.w !== b.w) throw new Unsupported('operands of different widths in by(bit_vector)', e.sp);
        switch (op) {
          case '==': return { t: eq(a.t, b.t), w: 0 };
          case '!=': return { t: not(eq(a.t, b.t)), w: 0 };
          case '<': return { t: ['bvult', a.t, b.t], w: 0 };
          case '<=': return { t: ['bvule', a.t, b.t], w: 0 };
          case '>': return { t: ['bvugt', a.t, b.t], w: 0 };
          case '>=': return { t: ['bvuge', a.t, b.t], w: 0 };
          case '&': return { t: ['bvand', a.t, b.t], w: a.w };
          case '|': return { t: ['bvor', a.t, b.t], w: a.w };
          case '^': return { t: ['bvxor', a.t, b.t], w: a.w };
          case '<<': return { t: ['bvshl', a.t, b.t], w: a.w };
          case '>>': return { t: ['bvlshr', a.t, b.t], w: a.w };
          case '/': return { t: ['bvudiv', a.t, b.t], w: a.w };
          case '%': return { t: ['bvurem', a.t, b.t], w: a.w };
        }
        throw new Unsupported(`operator \`${op}\` in by(bit_vector) (its integer meaning differs from wrapping bit-vector arithmetic)`, e.sp);
      }
      case 'chain':
        throw new Unsupported('chained comparison in by(bit_vector)', e.sp);
      default:
        throw new Unsupported('expression in by(bit_vector)', e.sp);
    }
  }
}
