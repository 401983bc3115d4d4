// Crate-wide facts of a function: the crate's `global size_of T == N` / `global layout` items
// (`assumeGlobalLayouts`, vstd's `size_of::<T>()` at those values), and broadcast lemmas.
// Broadcast lemmas as facts. `broadcast proof fn p(x: T) requires r ensures e`, where a function
// `broadcast use`s it (check/broadcast.ts resolved which), is the fact
//   forall x: T. inv_T(x) && r ==> e
// triggered by the `#[trigger]` terms of r and e together (one multi-pattern, as Verus), or, when
// there are none, by automatic selection. The lemma itself is verified as any proof fn; using its
// fact is sound because the checking phase refuses a lemma that reaches its own use.
// A generic lemma (`p<V>(m: Multiset<V>)`) is a fact per instantiation: generics are monomorphic
// here, so its type parameters take the types this function's own code has that its parameter
// types match (`Multiset<int>` in the function: `V = int`). Each instance is the lemma at those
// types, so it holds; an instantiation not found only leaves that fact out (incompleteness).
// Invariant: the fact is built from the lemma's contract alone, closed (its only variables are its
// bound parameters), so it is the same fact in every function; a lemma whose fact cannot be built
// makes the using function `unsupported` or an `error`, never a silently missing fact.

import { ResolveError, substTy, tyEq, tyKey, type FnInfo, type Ty, type TyEnv } from '../resolver';
import { someNode, type Expr, type FnItem, type Sp } from '../ast';
import { and, eq, implies, num, quote, sortOf, type Term } from '../smt';
import { quantifier } from '../qid';
import { Unsupported, State, type Mode } from './state';
import { autoTriggers, termVars, triggerable } from './quantifiers';
import type { FnGen } from './gen';

/** At most this many instances of one generic lemma in one function (the first found). */
const MAX_INSTANCES = 16;

/** Bounds that give a type parameter no operation: they do not restrict a lemma's instantiation. */
const MARKER_TRAITS: ReadonlySet<string> = new Set(['Copy', 'Clone', 'Sized', 'Send', 'Sync', 'Unpin']);

export class BroadcastMethods {
  /**
   * The crate's `global size_of T == N` / `global layout T is size == N, align == M` items as
   * facts: vstd's `size_of::<T>()` / `align_of::<T>()` (library/vstd/layout.rs) at those values.
   */
  assumeGlobalLayouts(this: FnGen, st: State): void {
    const layouts = this.crate.globalLayouts;
    if (!layouts.length) return;
    const at = (name: string, ty: Ty, sp: Sp): Term | null => {
      const info = this.crate.fns.get(name)?.find((x) => this.crate.isLibrary(x.file));
      if (!info) return null;
      const key = this.cvc.specInstance(info, [ty], sp);
      this.specUsed.add(key);
      return quote(key);
    };
    for (const g of layouts) {
      const ty = this.crate.resolveType(g.ty, null);
      const size = at('size_of', ty, g.sp);
      if (size) this.assume(st, eq(size, num(g.size)));
      const align = g.align === null ? null : at('align_of', ty, g.sp);
      if (align && g.align !== null) this.assume(st, eq(align, num(g.align)));
    }
  }

  /** The facts a `broadcast use` of `info` gives this function: one, or one per instantiation of a generic lemma. */
  broadcastFacts(this: FnGen, info: FnInfo, sp: Sp): Term[] {
    // a lemma with a construct not modelled has no fact we could state: its user is not verified
    const gap = this.cvc.checked.fnUnsupported.get(info.item) ?? (info.item.unsupportedAttrs?.[0] ? { message: `attribute \`#[${info.item.unsupportedAttrs[0].attr}]\`` } : undefined);
    if (gap) throw new Unsupported(`\`broadcast use\` of \`${info.qname}\`, which is not supported (${gap.message.replace(/^unsupported: /, '')})`, sp);
    if (!info.item.generics.length) return [this.broadcastFact(info, sp, new Map())];
    return this.broadcastInstantiations(info.item).map((env) => this.broadcastFact(info, sp, env));
  }

  /**
   * The instantiations of a generic lemma's type parameters that its parameter types take among
   * the types of this function's code (its parameters, result, and every typed expression, with
   * the types inside them): each parameter type matched alone, then pairs merged, complete ones kept.
   */
  broadcastInstantiations(this: FnGen, lemma: FnItem): TyEnv[] {
    const generics = new Set(lemma.generics);
    const candidates = this.typesOfFunction();
    // the lemma's parameter types, and the types of its clauses' expressions (a lemma may have
    // no parameter of a type it is about: `axiom_len_empty<V>()`)
    const patterns = new Map<string, Ty>();
    for (const p of lemma.params) {
      const t = this.crate.resolveType(p.ty, lemma);
      patterns.set(tyKey(t), t);
    }
    for (const t of exprTypesIn([lemma.requires, lemma.ensures], this.cvc.checked.exprTypes)) patterns.set(tyKey(t), t);
    const partial: Map<string, Ty>[] = [];
    for (const pattern of patterns.values()) {
      // (a bare type parameter would match every type: a bounded one takes only this function's
      // own type parameters that have its bounds, as generic code instantiates a bounded lemma)
      if (pattern.k === 'param' && !this.hasBoundsOf(lemma, pattern.name, candidates)) continue;
      for (const c of pattern.k === 'param' ? candidates.filter((c) => c.k === 'param' && this.hasBoundsOf(lemma, pattern.name, [c])) : candidates) {
        const m = new Map<string, Ty>();
        if (matchTy(pattern, c, generics, m) && m.size) partial.push(m);
      }
    }
    const merged = [...partial];
    for (const a of partial) for (const b of partial) if (a !== b) {
      const m = new Map(a);
      if ([...b].every(([k, v]) => !m.has(k) || tyEq(m.get(k)!, v))) for (const [k, v] of b) m.set(k, v);
      merged.push(m);
    }
    const out: TyEnv[] = [];
    const seen = new Set<string>();
    for (const m of merged) {
      if (m.size !== generics.size) continue;
      const key = lemma.generics.map((g) => tyKey(m.get(g)!)).join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(m);
      if (out.length >= MAX_INSTANCES) break;
    }
    return out;
  }

  /**
   * Whether some of `candidates` is a type parameter of this function with every trait bound the
   * lemma's parameter `g` has (a bounded lemma instantiates only at parameters bound alike).
   */
  hasBoundsOf(this: FnGen, lemma: FnItem, g: string, candidates: Ty[]): boolean {
    const want = (lemma.genericParams?.find((p) => p.name === g)?.bounds ?? []).filter((b) => !MARKER_TRAITS.has(b.name)).map((b) => b.name);
    // (an unbounded `a: A` would take every type parameter: it instantiates nothing by itself)
    if (!want.length) return false;
    const own = this.info.item.genericParams ?? [];
    return candidates.some((c) => c.k === 'param' && own.some((p) => p.name === c.name && p.kind === 'type' && want.every((w) => p.bounds.some((b) => b.name === w))));
  }

  /** The types this function's code has (at its instantiation), with the types inside them. */
  typesOfFunction(this: FnGen): Ty[] {
    if (this.functionTypes) return this.functionTypes;
    const f = this.info.item;
    const found = new Map<string, Ty>();
    const add = (t: Ty): void => {
      const k = tyKey(t);
      if (found.has(k)) return;
      found.set(k, t);
      switch (t.k) {
        case 'struct': case 'enum': return t.args.forEach(add);
        case 'seq': case 'set': case 'array': return add(t.elem);
        case 'map': add(t.key); return add(t.val);
        case 'tuple': return t.elems.forEach(add);
        case 'fn': case 'closure': t.params.forEach(add); return add(t.ret);
        default: return;
      }
    };
    for (const p of this.paramTypes(f)) add(p.ty);
    add(this.retType(f));
    for (const t of exprTypesIn([f.requires, f.ensures, f.body], this.cvc.checked.exprTypes)) add(substTy(t, this.cur.env));
    this.functionTypes = [...found.values()];
    return this.functionTypes;
  }

  broadcastFact(this: FnGen, info: FnInfo, sp: Sp, env: TyEnv): Term {
    const f = info.item;
    if (f.ret) throw new Unsupported(`\`broadcast use\` of \`${info.qname}\`, a lemma with a return value`, sp);
    const ps = this.paramTypes(f, env);
    if (ps.some((p) => p.mut)) throw new Unsupported(`\`broadcast use\` of \`${info.qname}\`, a lemma with a \`&mut\` parameter`, sp);
    this.callees.add(info.key);
    const st = new State();
    const binders: Term[] = [];
    const ranges: Term[] = [];
    const bound = new Set<string>();
    for (const p of ps) {
      const sym = quote(`${p.name}$bc${this.qcount++}`);
      this.sorts.need(p.ty);
      binders.push([sym, sortOf(p.ty)]);
      const inv = this.typeInv(sym, p.ty);
      if (inv !== 'true') ranges.push(inv);
      st.declare(p.name, { ty: p.ty, term: sym, mut: false });
      bound.add(sym);
    }
    const trig: Term[] = [];
    const m: Mode = { exec: false, pure: true, nonlinear: false, bound, triggers: trig, path: [] };
    // the lemma's contract is read on its own: `old` and the user's locals mean nothing there
    const saved = this.fnCtx;
    this.fnCtx = null;
    let req: Term[];
    let ens: Term[];
    let written: Term[][] = [];
    try {
      [req, ens] = this.inItem(f, env, () => [f.requires.map((r) => this.ev(r, st, m).t), f.ensures.map((e) => this.ev(e, st, m).t)]);
      written = this.inItem(f, env, () => (f.clauseTriggers ?? []).map((g) => g.map((x) => this.ev(x, st, { ...m, triggers: null }).t)));
    } finally {
      this.fnCtx = saved;
    }
    const body = implies(and(...ranges, ...req), and(...ens));
    this.checkNoPlaceholder(body);
    if (!binders.length) return body;
    const groups = written.length ? written : trig.length ? [trig] : autoTriggers(body, bound, !!f.allTriggers);
    if (!groups) {
      // (Verus's `=~=` is a function a trigger may use; here it is `==` of canonical values)
      const extEq = someNode([f.requires, f.ensures], (n) => n.k === 'binary' && ['=~=', '=~~=', '!~=', '!~~='].includes((n as unknown as { op: string }).op));
      if (extEq) throw new Unsupported(`the triggers of the broadcast lemma \`${info.qname}\`, whose only candidates are \`=~=\` terms (extensional equality is \`==\` here, not a function)`, f.nameSp);
      throw new ResolveError(`Could not automatically infer triggers for the broadcast lemma \`${info.qname}\`. Use #[trigger] annotations in its requires / ensures.`, f.nameSp);
    }
    for (const g of groups) {
      for (const t of g) if (!triggerable(t, true)) throw new ResolveError('trigger must be a function call, a field access, or arithmetic operator', f.nameSp);
      const vs = new Set<string>();
      for (const t of g) termVars(t, bound, vs);
      if (vs.size < bound.size) throw new ResolveError(`the triggers of the broadcast lemma \`${info.qname}\` do not mention all of its parameters`, f.nameSp);
    }
    return quantifier('forall', binders, body, groups, { k: 'axiom', name: `broadcast:${info.qname}` });
  }
}

/** Whether `concrete` is `pattern` with its `generics` replaced (`out` gets and must agree with the replacements). */
function matchTy(pattern: Ty, concrete: Ty, generics: ReadonlySet<string>, out: Map<string, Ty>): boolean {
  if (pattern.k === 'param' && generics.has(pattern.name)) {
    const prev = out.get(pattern.name);
    if (prev) return tyEq(prev, concrete);
    out.set(pattern.name, concrete);
    return true;
  }
  const all = (ps: readonly Ty[], cs: readonly Ty[]) => ps.length === cs.length && ps.every((p, i) => matchTy(p, cs[i]!, generics, out));
  switch (pattern.k) {
    case 'struct': case 'enum': return concrete.k === pattern.k && concrete.name === pattern.name && all(pattern.args, concrete.args);
    case 'seq': case 'set': return concrete.k === pattern.k && matchTy(pattern.elem, concrete.elem, generics, out);
    case 'array': return concrete.k === 'array' && concrete.len === pattern.len && matchTy(pattern.elem, concrete.elem, generics, out);
    case 'map': return concrete.k === 'map' && matchTy(pattern.key, concrete.key, generics, out) && matchTy(pattern.val, concrete.val, generics, out);
    case 'tuple': return concrete.k === 'tuple' && all(pattern.elems, concrete.elems);
    case 'fn': return concrete.k === 'fn' && all(pattern.params, concrete.params) && matchTy(pattern.ret, concrete.ret, generics, out);
    default: return tyEq(pattern, concrete);
  }
}

/** The types the checking phase recorded for the expressions under `node`. */
function exprTypesIn(node: unknown, exprTypes: ReadonlyMap<Expr, Ty>): Ty[] {
  const out: Ty[] = [];
  const visit = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(visit);
    const t = exprTypes.get(n as Expr);
    if (t) out.push(t);
    for (const [k, v] of Object.entries(n)) if (k !== 'sp') visit(v);
  };
  visit(node);
  return out;
}
