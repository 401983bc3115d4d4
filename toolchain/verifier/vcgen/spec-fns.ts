// Spec fn encodings shared by all functions of a crate (CrateVC): dependency SCCs, recursive
// definitions with fuel, decreases checks, and the checks of a spec fn itself.
// Invariant: a definition is emitted only when it is sound: a non-recursive one as a declared
// function with its defining axiom; a recursive one indexed by fuel and only with a checkable
// `decreases`; otherwise (or when the body cannot be encoded) the function is only declared.

import { sortedComponents } from '../graph';
import type { FnItem, Sp } from '../ast';
import { Crate, INT, ResolveError, UNIT, implTypeName, tyStr, type FnInfo, type Ty } from '../resolver';
import type { CheckedCrate } from '../check/checker';
import { and, eq, implies, or, print, quote, sortOf, type Term } from '../smt';
import { quantifier, type QuantOrigin } from '../qid';
import { QuantSpots } from './quant-sites';
import { DivergeSignal, Unsupported, State, type Mode, type V } from './state';
import { hasQuantifier, type Command } from './query';
import { FnGen, specInstanceKey } from './gen';
import { hasExternalBody } from '../../syntax/attributes';

export interface SpecDef {
  lines: Command[];
  /** Definition of an opaque spec fn, emitted only for functions that `reveal` it. */
  revealLines?: Command[];
  axioms: Map<string, Command[]>;
  /** `choose` functions of the body (FnGen.chooseFns). */
  chooseFns: Map<string, { lines: Command[]; sorts: Ty[] }>;
  deps: Set<string>;
  sorts: Ty[];
  usesMul: boolean;
  recursive: boolean;
  /** Const generic parameters (their SMT constants) the definition mentions. */
  consts: string[];
  /** Types whose default constant the definition or its axioms mention (`Seq::subrange`'s axiom: `dflt.E`). */
  dflts: Ty[];
  /** Why the body could not be encoded (the definition is then left out: the fn is uninterpreted). */
  error?: { message: string; sp: Sp };
}

export class CrateVC {
  /** Spec fn definitions by instance key (`specInstanceKey`: the fn's key, or key<generic arguments>). */
  specDefs = new Map<string, SpecDef>();
  /** Each spec fn instance used: the function and its generic arguments. */
  instances = new Map<string, { info: FnInfo; tyArgs: Ty[] }>();
  recursive = new Set<string>(); // spec fns in recursive SCCs
  scc = new Map<string, Set<string>>();
  /** Where the crate's quantifiers are written, and the sites of the qids made (--profile). */
  readonly quantSpots: QuantSpots;
  constructor(public crate: Crate, public checked: CheckedCrate) {
    this.quantSpots = new QuantSpots(crate);
  }

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
    const sccs = computeSccs([...deps.keys()], (k) => [...(deps.get(k) ?? [])].filter((d) => deps.has(d)));
    for (const comp of sccs) {
      const set = new Set(comp);
      const rec = comp.length > 1 || (deps.get(comp[0]!)?.has(comp[0]!) ?? false);
      for (const k of comp) {
        this.scc.set(k, set);
        if (rec) this.recursive.add(k);
      }
    }
  }

  /**
   * The key of spec fn `info` at generic arguments `tyArgs` (registered for the prelude). A
   * generic spec fn gets one declared function and definition per instantiation a query uses;
   * an instantiation that keeps growing (`f<T>` using `f<Seq<T>>`) is refused.
   */
  specInstance(info: FnInfo, tyArgs: Ty[], sp: Sp): string {
    const key = specInstanceKey(info, tyArgs);
    if (key.length > 400) throw new Unsupported(`spec fn \`${info.qname}\` instantiated at ever larger generic arguments`, sp);
    if (!this.instances.has(key)) this.instances.set(key, { info, tyArgs });
    return key;
  }

  /** The definition of spec fn `info` at generic arguments `tyArgs` (none: its own parameters). */
  specDef(info: FnInfo, tyArgs: Ty[] = info.item.generics.map((g): Ty => ({ k: 'param', name: g }))): SpecDef {
    const key = this.specInstance(info, tyArgs, info.item.nameSp);
    const cached = this.specDefs.get(key);
    if (cached) return cached;
    // placeholder to break cycles
    const def: SpecDef = { lines: [], axioms: new Map(), chooseFns: new Map(), deps: new Set(), sorts: [], consts: [], dflts: [], usesMul: false, recursive: this.recursive.has(info.key) };
    this.specDefs.set(key, def);
    const g = new FnGen(this, info, tyArgs);
    g.buildSpecDef(def);
    return def;
  }
}

/** Strongly connected components in a canonical order (sorted), as query texts depend on it. */
export function computeSccs(nodes: string[], succ: (n: string) => string[]): string[][] {
  return sortedComponents(nodes, succ);
}

/** Replaces quantified conjuncts with `true` (guards of recursive definitions stay quantifier-free). */
export function stripQuantifiers(t: Term): Term {
  if (typeof t === 'string') return t;
  if (t[0] === 'forall' || t[0] === 'exists') return 'true';
  if (t[0] === 'and') return and(...t.slice(1).map(stripQuantifiers));
  if (t[0] === '=>') return implies(t[1]!, stripQuantifiers(t[2]!));
  return t;
}

export function lexLess(newM: V[], oldM: V[]): Term {
  // lexicographic: exists i. new[0..i) == old[0..i) && 0 <= old[i] && new[i] < old[i]; or, for a
  // callee with more measures than the caller, equal on the caller's (Verus: the extra ones are
  // ignored; a cycle must come back through a strict decrease)
  const n = Math.min(newM.length, oldM.length);
  const alts: Term[] = [];
  for (let i = 0; i < n; i++) {
    const eqs: Term[] = [];
    for (let j = 0; j < i; j++) eqs.push(eq(newM[j]!.t, oldM[j]!.t));
    alts.push(and(...eqs, ['<=', '0', oldM[i]!.t], ['<', newM[i]!.t, oldM[i]!.t]));
  }
  if (newM.length > oldM.length) alts.push(and(...oldM.map((o, j) => eq(newM[j]!.t, o.t))));
  return or(...alts);
}

/**
 * Verus's `decreases_to!(old.. => new..)`, a spec value, exactly as Verus defines it: at the first
 * differing position `0 <= new < old`; equal on the shared positions: true iff `new` is longer.
 */
export function decreasesTo(newM: V[], oldM: V[]): Term {
  const n = Math.min(newM.length, oldM.length);
  let rest: Term = newM.length > oldM.length ? 'true' : 'false';
  for (let i = n - 1; i >= 0; i--) rest = or(and(['<=', '0', newM[i]!.t], ['<', newM[i]!.t, oldM[i]!.t]), and(eq(newM[i]!.t, oldM[i]!.t), rest));
  return rest;
}

export class SpecFnMethods {
  collectSpecDeps(this: FnGen): void {
    const f = this.info.item;
    const st = new State();
    for (const p of this.paramTypes(f)) st.declare(p.name, { ty: p.ty, term: quote(p.name), mut: false });
    const m = this.specMode([]);
    if (f.body) this.evalBlockPure(f.body, st, m);
  }

  /** The origin of this spec fn's defining axiom (`fuel`: a recursive one's second axiom). */
  specQid(this: FnGen, fuel: boolean): QuantOrigin {
    return this.cvc.quantSpots.sites.note({ k: 'spec-fn', fn: this.info.qname, ...(fuel ? { fuel } : {}) }, { file: this.info.file, sp: this.info.item.nameSp });
  }

  /**
   * Whether this spec fn's body defines it at the instance being built. A trait's default spec
   * body defines the method only at a datatype whose impl keeps the default: at a type parameter
   * (generic code, the default body's own check) an impl may override it, so there the method is
   * uninterpreted, as in Verus. (An overriding impl is reached by `traitDispatch` instead.)
   */
  defaultBodyDefines(this: FnGen): boolean {
    const f = this.info.item;
    if (f.generics[0] !== 'Self' || !f.selfType || !this.crate.traits.has(f.selfType)) return true;
    const self = this.cur.env.get('Self');
    const selfName = self ? implTypeName(self) : null;
    if (!selfName) return false;
    const impls = this.crate.traitImpls.get(`${f.selfType}|${selfName}`) ?? [];
    if (impls.length !== 1 || impls[0]!.verdict !== 'ok') return false;
    return !(this.crate.fns.get(`${selfName}::${f.name}`) ?? []).some((x) => x.item.traitImpl?.trait === f.selfType);
  }

  buildSpecDef(this: FnGen, def: SpecDef): void {
    const f = this.info.item;
    const ps = this.paramTypes(f);
    const retTy = this.retType(f);
    const name = quote(this.specKey);
    const st = new State();
    const rec = def.recursive;
    const fuel = '|fuel@|';
    for (const p of ps) st.declare(p.name, { ty: p.ty, term: quote(`${p.name}@`), mut: false });
    const sig: Term[] = ps.map((p) => [quote(`${p.name}@`), sortOf(p.ty)]);
    const argSorts = ps.map((p) => print(sortOf(p.ty))).join(' ');
    const retSort = print(sortOf(retTy));
    let body: Term | null = null;
    // `decreases_when(c)`: the definition holds where `c` does (only there is termination known)
    let when: Term = 'true';
    const opaque = f.attrs.some((a) => a.includes('opaque'));
    // (a definition with an unsupported clause such as `when` might not hold: only declared)
    if (f.body && !hasExternalBody(f.attrs) && !(opaque && rec) && !f.unsupportedClauses.length && this.defaultBodyDefines()) {
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
        if (f.decreasesWhen) {
          const before = { decls: this.decls.length, facts: this.facts.length };
          when = this.evalPure(f.decreasesWhen, st, this.specMode([])).t;
          if (this.decls.length !== before.decls || this.facts.length !== before.facts) throw new Unsupported('a `decreases_when` condition that is not a plain term', f.decreasesWhen.sp);
        }
      } catch (e) {
        body = null; // errors are reported when this spec fn itself is verified
        if (e instanceof ResolveError) def.error = { message: e.message, sp: e.sp };
      }
    }
    this.sorts.need(retTy);
    for (const p of ps) this.sorts.need(p.ty);
    // an uninterpreted (or trusted) spec fn's result is still a value of its type (`-> nat`: at
    // least 0); built before the sorts and defaults it uses are collected below
    const app0: Term = ps.length ? [name, ...ps.map((p) => quote(`${p.name}@`))] : name;
    const resultInv = body === null && !rec ? this.typeInv(app0, retTy) : 'true';
    // a recursive one's value is of its type too, at every fuel (Verus's `has_type` of a spec fn's
    // result; its body is of the type wherever its calls are): a fact the definition gives only
    // at fuel where it unfolds. (Only a quantifier-free range: `nat`, machine integers.)
    const recApp: Term = [name, fuel, ...ps.map((p) => quote(`${p.name}@`))];
    const recInv = rec && body !== null ? this.typeInv(recApp, retTy) : 'true';
    const recResultInv = hasQuantifier(recInv) ? 'true' : recInv;
    def.deps = new Set([...this.specUsed].filter((k) => k !== this.specKey));
    def.usesMul = this.usesMul;
    def.axioms = this.axioms;
    def.chooseFns = this.chooseFns;
    def.sorts = this.sortsNeeded(ps.map((p) => p.ty).concat([retTy]));
    def.consts = this.sorts.constsUsed();
    def.dflts = this.sorts.dfltsUsed();
    if (body === null) {
      def.lines = [`(declare-fun ${name} (${rec ? 'Fuel ' : ''}${argSorts}) ${retSort})`];
      if (resultInv !== 'true') def.lines.push(['assert', ps.length ? quantifier('forall', sig, resultInv, [[app0]], { k: 'axiom', name: `${name}.result` }) : resultInv]);
      return;
    }
    if (!rec) {
      // declare + defining axiom (not define-fun: a macro would be expanded inside triggers)
      let lines: Command[];
      if (!ps.length) lines = [`(declare-fun ${name} () ${retSort})`, ['assert', implies(when, ['=', name, body])]];
      else {
        const app0: Term = [name, ...ps.map((p) => quote(`${p.name}@`))];
        lines = [`(declare-fun ${name} (${argSorts}) ${retSort})`, ['assert', quantifier('forall', sig, implies(when, ['=', app0, body]), [[app0]], this.specQid(false))]];
      }
      if (opaque) {
        def.lines = [lines[0]!];
        def.revealLines = lines.slice(1);
      } else def.lines = lines;
      return;
    }
    const args = ps.map((p) => quote(`${p.name}@`));
    const guard = and(stripQuantifiers(and(...ps.map((p) => this.typeInv(quote(`${p.name}@`), p.ty)))), when);
    const app: Term = [name, ['fuel.succ', fuel], ...args];
    const binders: Term = [[fuel, 'Fuel'], ...sig];
    def.lines = [
      `(declare-fun ${name} (Fuel${argSorts ? ' ' + argSorts : ''}) ${retSort})`,
      ['assert', quantifier('forall', binders, implies(guard, ['=', app, body]), [[app]], this.specQid(false))],
      ['assert', quantifier('forall', binders, ['=', app, [name, fuel, ...args]], [[app]], this.specQid(true))],
    ];
    if (recResultInv !== 'true') def.lines.push(['assert', quantifier('forall', binders, recResultInv, [[recApp]], { k: 'axiom', name: `${name}.result` })]);
  }
  /**
   * The body's value as the spec fn's result: `None` / `X::empty()` typed by the return type; a
   * body that cannot be encoded as a term of the return sort is an error (never a solver error).
   */
  specBody(this: FnGen, v: V, retTy: Ty): V {
    v = this.fit(v, retTy);
    this.checkNoPlaceholder(v.t);
    const want = print(sortOf(retTy));
    const got = print(sortOf(v.ty));
    if (got !== want) throw new ResolveError(`mismatched types: expected ${tyStr(retTy)}, found ${tyStr(v.ty)}`, this.info.item.body?.sp ?? this.info.item.nameSp);
    return v;
  }
  sortsNeeded(this: FnGen, tys: Ty[]): Ty[] {
    return tys;
  }

  /** A spec fn as a unit: termination of its recursive calls. */
  checkSpecFn(this: FnGen): void {
    const f = this.info.item;
    const st = new State();
    const ps = this.paramTypes(f);
    for (const p of ps) {
      const c = this.havoc(p.name, p.ty);
      st.declare(p.name, { ty: p.ty, term: c, mut: false });
    }
    for (const r of f.requires.concat(f.recommends)) void r; // recommends are not checked
    if (!f.body) return;
    // the module-level `broadcast use`: its lemmas' facts hold in the termination check too
    for (const u of this.cvc.checked.moduleBroadcasts.get(f) ?? []) for (const fact of this.broadcastFacts(u.lemma, u.sp)) this.assume(st, fact);
    const scc = this.cvc.scc.get(this.info.key);
    const selfRec = this.cvc.recursive.has(this.info.key);
    const m = this.specMode([]);
    // termination hints: the recursion is checked where `decreases_when`'s condition holds, after
    // the body of the `decreases_by` proof fn (same parameters: it runs on these values)
    if (f.decreasesWhen) this.assume(st, this.evalPure(f.decreasesWhen, st, this.specMode([])).t);
    const by = this.cvc.checked.decreasesBy.get(f);
    if (by?.body) this.runTerminationProof(by, st);
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
    if (hasExternalBody(f.attrs)) return;
    const retTy = this.retType(f);
    this.specBody(v, retTy);
    // the definition used by callers: one that could not be encoded makes this fn an error
    const def = this.cvc.specDef(this.info);
    if (def.error) throw new ResolveError(def.error.message, def.error.sp);
    void selfRec;
  }

  /** Runs the body of `g` (a `#[verifier::decreases_by]` proof fn) on the parameters bound in `st`. */
  runTerminationProof(this: FnGen, g: FnItem, st: State): void {
    const saved = this.fnCtx;
    this.fnCtx = { fn: g, info: this.info, old: new Map(), retTy: UNIT, retName: null, loops: [], returns: () => {} };
    const proof: Mode = { exec: false, pure: false, nonlinear: false, bound: new Set(), triggers: null, path: [] };
    try {
      this.inItem(g, new Map(), () => this.execBlock(g.body!, st, proof));
    } catch (e) {
      if (!(e instanceof DivergeSignal)) throw e;
    } finally {
      this.fnCtx = saved;
    }
  }

  decreasesCheck(this: FnGen, st: State, callee: FnInfo, args: Term[], measure: V[], sp: Sp): void {
    const cf = callee.item;
    if (!measure.length || !cf.decreases.length) {
      this.oblige(st, 'decreases', sp, 'false', undefined, 'could not prove termination (recursive function without `decreases`)');
      return;
    }
    const cst = new State();
    const cps = this.paramTypes(cf);
    cps.forEach((p, i) => cst.declare(p.name, { ty: p.ty, term: args[i] ?? 'false', mut: false }));
    const newM = cf.decreases.map((d) => this.evalPure(d, cst, this.specMode([])));
    this.oblige(st, 'decreases', sp, this.lexLessMeasures(newM, measure, sp), cf.decreases[0]!.sp, 'could not prove termination');
  }

  /** `lexLess` of two `decreases` measures, each compared through `measureOf`. */
  lexLessMeasures(this: FnGen, newM: V[], oldM: V[], sp: Sp): Term {
    return lexLess(newM.map((v) => this.measureOf(v, sp)), oldM.map((v) => this.measureOf(v, sp)));
  }

  /**
   * A `decreases` value as an integer: an integer itself; a datatype's value (the crate's, or an
   * `Option`) its height (as Verus): a field's value, an element of a Seq/array field (in range)
   * and the content of an `Option` are lower than the value holding them. (Not a `Map`'s values:
   * our maps may have infinite domains, whose values need not have a bound on their heights.)
   */
  measureOf(this: FnGen, v: V, sp: Sp): V {
    if (v.ty.k === 'int') return v;
    if (v.ty.k === 'struct' || v.ty.k === 'enum') return { t: [this.heightFn(v.ty), v.t], ty: INT };
    if (v.ty.k === 'seq') return { t: [this.seqHeightFn(v.ty), v.t], ty: INT };
    throw new Unsupported(`\`decreases\` on a value of type \`${tyStr(v.ty)}\``, sp);
  }

  /**
   * The height of a Seq, as vstd's lemmas give it: a shorter `subrange` (`take`, `skip`,
   * `drop_last`) is below the Seq, and so is an element in range (of a type with a height). (A
   * model: the length plus the elements' greatest height, plus one.)
   */
  seqHeightFn(this: FnGen, ty: Extract<Ty, { k: 'seq' }>): string {
    const dt = this.sorts.datatype(ty);
    const name = quote(`height.${dt.key}`);
    const declKey = quote(`height.0.${dt.key}`);
    if (this.axioms.has(declKey)) return name;
    this.axioms.set(declKey, [`(declare-fun ${name} (${dt.sort}) Int)`]);
    const [s, i, j] = [quote('s@h'), quote('i@h'), quote('j@h')];
    const len: Term = [dt.ctors[0]!.fields[0]!.acc, s];
    const sub: Term = [this.seqSubrangeFun(ty), s, i, j];
    const lines: Command[] = [
      ['assert', quantifier('forall', [[s, dt.sort]], ['<=', '0', [name, s]], [[[name, s]]], { k: 'axiom', name: `height.${dt.key}` })],
      ['assert', quantifier('forall', [[s, dt.sort], [i, 'Int'], [j, 'Int']], implies(and(['<=', '0', i], ['<=', i, j], ['<=', j, len], ['<', ['-', j, i], len]), ['<', [name, sub], [name, s]]), [[[name, sub]]], { k: 'axiom', name: `height.${dt.key}.subrange` })],
    ];
    const elem = ty.elem;
    if (elem.k === 'struct' || elem.k === 'enum' || elem.k === 'seq') {
      const h: Term = [elem.k === 'seq' ? this.seqHeightFn(elem) : this.heightFn(elem), ['select', [dt.ctors[0]!.fields[1]!.acc, s], i]];
      lines.push(['assert', quantifier('forall', [[s, dt.sort], [i, 'Int']], implies(and(['<=', '0', i], ['<', i, len]), ['<', h, [name, s]]), [[h]], { k: 'axiom', name: `height.${dt.key}.index` })]);
    }
    this.axioms.set(quote(`height.1.${dt.key}`), lines);
    return name;
  }

  /** The height function of a user datatype, declared with its axioms (and those of the datatypes below it). */
  heightFn(this: FnGen, ty: Ty): string {
    const dt = this.sorts.datatype(ty);
    const name = quote(`height.${dt.key}`);
    const declKey = quote(`height.0.${dt.key}`);
    if (this.axioms.has(declKey)) return name;
    this.axioms.set(declKey, [`(declare-fun ${name} (${dt.sort}) Int)`]);
    const x = quote('x@h');
    const lines: Command[] = [['assert', quantifier('forall', [[x, dt.sort]], ['<=', '0', [name, x]], [[[name, x]]], { k: 'axiom', name: `height.${dt.key}` })]];
    let n = 0;
    // `h` (a height of a value below `x`, where `conds` hold) is lower than `x`'s
    const lower = (h: Term, conds: Term[], vars: Term[]): void => {
      lines.push(['assert', quantifier('forall', [[x, dt.sort], ...vars], implies(and(...conds), ['<', h, [name, x]]), [[h]], { k: 'axiom', name: `height.${dt.key}.below` })]);
    };
    // the values below `t` (of type `t`'s type) and the conditions and index variables they need
    const below = (t: Term, fty: Ty, conds: Term[], vars: Term[], depth: number): void => {
      if (depth > 3) return;
      // (an `Option`'s height is below the value holding it, and its content's below its own)
      if (fty.k === 'struct' || fty.k === 'enum') {
        lower([this.heightFn(fty), t], conds, vars);
        return;
      }
      if (fty.k === 'tuple') {
        const tdt = this.sorts.datatype(fty);
        tdt.ctors[0]!.fields.forEach((f) => below([f.acc, t], f.ty, conds, vars, depth + 1));
        return;
      }
      if (fty.k === 'seq' || fty.k === 'array') {
        // (a Seq field's own height too: `decreases` may go from the value to the Seq)
        if (fty.k === 'seq') lower([this.seqHeightFn(fty), t], conds, vars);
        const sdt = this.sorts.datatype(fty);
        const i = quote(`i@h${n++}`);
        const len: Term = [sdt.ctors[0]!.fields[0]!.acc, t];
        below(['select', [sdt.ctors[0]!.fields[1]!.acc, t], i], fty.elem, [...conds, ['<=', '0', i], ['<', i, len]], [...vars, [i, 'Int']], depth + 1);
      }
    };
    for (const c of dt.ctors) for (const f of c.fields) below([f.acc, x], f.ty, dt.ctors.length > 1 ? [[['_', 'is', c.tester], x]] : [], [], 0);
    this.axioms.set(quote(`height.1.${dt.key}`), lines);
    return name;
  }
}
