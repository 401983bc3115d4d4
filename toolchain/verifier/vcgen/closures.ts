// Exec closures (Verus's `|x: u64| -> (r: u64) requires .. ensures .. { .. }` in exec code) and
// proof closures (`proof_fn|x: u64| ..` in proof code: the same, with a proof-code body).
// A closure value is an element of one uninterpreted sort (`$Closure`); what calling it needs and
// gives is stated by two predicates per signature, `requires(f, args)` and `ensures(f, args, r)`,
// which are also what `f.requires((a,))` / `f.ensures((a,), r)` mean in spec code.
// Where a closure is written: its body is verified (in a branch whose facts stay inside it:
// ExecMethods.scopedBranch) from its `requires` to its `ensures`, and the new value gets
//   forall args. R(args) ==> requires(f, args)        (it accepts what its clauses accept)
//   forall args, r. ensures(f, args, r) ==> E(args, r) (what it gives meets its clauses)
// with the captured values as they are there. A call asserts `requires` and assumes `ensures`.
// Invariant: a closure's body never changes the state around it: a write to a captured variable
// is `unsupported` (the value it captured and the variable would be two places; FnMut is not
// modelled), so the closure's clauses may read captured values as constants.

import type { Expr, FnItem } from '../ast';
import { UNIT, genericEnv, substTy, tyKey, type FnInfo, type Ty, type TyEnv } from '../resolver';
import { and, eq, implies, print, quote, sortKey, sortOf, type Term } from '../smt';
import { quantifier } from '../qid';
import { DivergeSignal, State, Unsupported, type FnCtx, type Mode, type V } from './state';
import type { FnGen } from './gen';
import { ANY_MASK } from './unwind-mask';

type ClosureTy = Extract<Ty, { k: 'closure' }>;
/** What calling a value of some type takes and gives. */
interface CallSig {
  params: Ty[];
  ret: Ty;
}

export class ClosureMethods {
  /**
   * The call signature of values of type `ty`: a closure's own, or the `Fn(A) -> B` bound of a
   * generic parameter of the function being verified (substituted types end in its parameters).
   */
  callSig(this: FnGen, ty: Ty): CallSig | null {
    if (ty.k === 'closure') return ty;
    if (ty.k !== 'param') return null;
    const f = this.info.item;
    const b = f.genericParams?.find((p) => p.name === ty.name)?.bounds.find((x) => x.fnSig)?.fnSig;
    if (!b) return null;
    return { params: b.params.map((t) => this.crate.resolveType(t, f)), ret: b.ret ? this.crate.resolveType(b.ret, f) : UNIT };
  }

  /** The `requires` / `ensures` predicate of callable values of type `ty` (a closure's, or an `Fn`-bounded parameter's), declared once per type and signature. */
  closurePredicate(this: FnGen, kind: 'requires' | 'ensures', ty: Ty): string {
    const sig = this.callSig(ty);
    if (!sig) throw new Error(`closurePredicate: \`${sortKey(ty)}\` is not callable`);
    const sorts = [ty, ...sig.params, ...(kind === 'ensures' ? [sig.ret] : [])];
    const name = quote(`call.${kind}<${sortKey(ty)};${sig.params.map(sortKey).join(',')};${sortKey(sig.ret)}>`);
    if (!this.axioms.has(name)) {
      sorts.forEach((t) => this.sorts.need(t));
      this.axioms.set(name, [`(declare-fun ${name} (${sorts.map((t) => print(sortOf(t))).join(' ')}) Bool)`]);
    }
    return name;
  }

  /**
   * A function item as a value (check/checker.ts `fnValue`): one constant per function, whose
   * predicates are the function's clauses (Verus's `FnDef`):
   *   forall args. requires(f, args) <==> R(args)     forall args, r. ensures(f, args, r) ==> E(args, r)
   * Definitions of a fresh constant's predicates: they add no fact about anything else.
   */
  fnItemValue(this: FnGen, info: FnInfo, e: Expr): V {
    const recorded = this.cvc.checked.exprTypes.get(e);
    const ty = recorded && this.instTy(recorded);
    if (!ty || ty.k !== 'closure') throw new Unsupported('the type of this function value is not known', e.sp);
    // (a generic function's value: at the generic arguments the checking phase recorded)
    const tyArgs = info.item.generics.length ? this.callTyArgs(e, info.item, e.sp) : [];
    const env = genericEnv(info.item, tyArgs);
    const name = quote(`fnval.${info.key}${tyArgs.length ? `<${tyArgs.map(tyKey).join(',')}>` : ''}`);
    if (this.axioms.has(name)) return { t: name, ty };
    // (declared before its clauses are read: they may name the function value itself, `f == f`)
    this.axioms.set(name, [`(declare-const ${name} ${print(sortOf(ty))})`]);
    const f = info.item;
    const req = this.closurePredicate('requires', ty);
    const ens = this.closurePredicate('ensures', ty);
    this.sorts.need(ty);
    // the clauses are the function's own, and for an impl's method of a trait also the trait
    // declaration's at the impl's type (check/checker.ts traitDeclOf: a non-generic trait)
    const sources: { item: FnItem; env: TyEnv }[] = [{ item: f, env }];
    const ti = f.traitImpl;
    if (ti) {
      const decl = this.crate.fn(`${ti.trait}::${f.name}`, e.sp);
      if (!decl) throw new Unsupported(`the trait declaration of \`${info.qname}\``, e.sp);
      // (the impl's type at the value's arguments: `Y::<bool>::m` of `impl<A> Tr for Y<A>`)
      const selfTy = substTy(this.crate.resolveType({ k: 'path', name: 'Self', segs: ['Self'], args: [], sp: e.sp }, f), env);
      sources.push({ item: decl.item, env: genericEnv(decl.item, [selfTy]) });
    }
    const binders: [string, Term][] = ty.params.map((t, i) => [quote(`${f.params[i]?.name ?? 'arg'}$fnval${this.qcount++}`), sortOf(t)]);
    const args = binders.map(([x]) => x);
    const r = quote(`result$fnval${this.qcount++}`);
    const before = { decls: this.decls.length, facts: this.facts.length, obs: this.obligations.length };
    const spec = (bound: string[]): Mode => ({ ...this.specMode([]), bound: new Set(bound) });
    const pres: Term[] = [];
    const posts: Term[] = [];
    for (const src of sources) {
      // (each source's own parameter and result names, bound to the same symbols)
      const qs = new State();
      qs.push();
      this.paramTypes(src.item, src.env).forEach((p, i) => qs.declare(p.name, { ty: ty.params[i]!, term: args[i]!, mut: false }));
      if (src.item.ret?.name) qs.declare(src.item.ret.name, { ty: ty.ret, term: r, mut: false });
      const clause = (x: Expr, bound: string[]) => this.inItem(src.item, src.env, () => this.evalPure(x, qs, spec(bound)).t);
      for (const x of src.item.requires) pres.push(clause(x, args));
      for (const x of src.item.ensures) posts.push(clause(x, [...args, r]));
      // (`returns e` is the postcondition `result == e`)
      if (src.item.returns) posts.push(eq(r, clause(src.item.returns, [...args, r])));
    }
    const pre = and(...pres);
    const post = and(...posts);
    if (this.decls.length !== before.decls || this.facts.length !== before.facts || this.obligations.length !== before.obs) throw new Unsupported(`the clauses of \`${info.qname}\` cannot be encoded as functions of its parameters`, e.sp);
    const origin = { k: 'axiom' as const, name: `fnval.${info.key}` };
    const reqApp: Term = [req, name, ...args];
    const ensApp: Term = [ens, name, ...args, r];
    // (facts of the whole function, not axioms: the clauses may call spec fns, declared after the axioms)
    this.facts.push(binders.length ? quantifier('forall', binders, eq(reqApp, pre), [[reqApp]], origin) : eq(reqApp, pre));
    // (`ensures` one way only: the results the function may give, a subset of what its clauses
    // allow; each direct call adds that its result is one: vcgen/calls.ts)
    this.facts.push(quantifier('forall', [...binders, [r, sortOf(ty.ret)]], implies(ensApp, post), [[ensApp]], origin));
    return { t: name, ty };
  }

  /** An exec closure written at `e`: its body verified here, its value with its two facts. */
  execClosure(this: FnGen, e: Extract<Expr, { k: 'closure' }>, st: State): V {
    const recorded = this.cvc.checked.exprTypes.get(e);
    const ty = recorded && this.instTy(recorded);
    if (!ty || ty.k !== 'closure') throw new Unsupported('the type of this closure is not known', e.sp);
    if (!this.fnCtx) throw new Unsupported('a closure outside a function body', e.sp);
    const clauses = { requires: e.exec?.requires ?? [], ensures: e.exec?.ensures ?? [], retName: e.exec?.ret?.name ?? null };
    this.closureBody(e, ty, clauses, st);
    const f = this.fresh('closure', ty);
    const req = this.closurePredicate('requires', ty);
    const ens = this.closurePredicate('ensures', ty);
    // the clauses as functions of bound parameters (and result): the values around are constants
    const qs = st.clone();
    qs.push();
    const bound = new Set<string>();
    const binders: [string, Term][] = e.params.map((p, i) => {
      const sym = quote(`${p.name}$clo${this.qcount++}`);
      qs.declare(p.name, { ty: ty.params[i]!, term: sym, mut: false });
      bound.add(sym);
      return [sym, sortOf(ty.params[i]!)];
    });
    const args = binders.map(([x]) => x);
    const before = { decls: this.decls.length, facts: this.facts.length, obs: this.obligations.length };
    const spec: Mode = { ...this.specMode(st.path), bound };
    const pre = and(...clauses.requires.map((r) => this.evalPure(r, qs, spec).t));
    const r = quote(`${clauses.retName ?? 'result'}$clo${this.qcount++}`);
    if (clauses.retName) qs.declare(clauses.retName, { ty: ty.ret, term: r, mut: false });
    const post = and(...clauses.ensures.map((en) => this.evalPure(en, qs, { ...spec, bound: new Set([...bound, r]) }).t));
    if (this.decls.length !== before.decls || this.facts.length !== before.facts || this.obligations.length !== before.obs) throw new Unsupported("this closure's `requires` / `ensures` cannot be encoded as functions of its parameters", e.sp);
    this.checkNoPlaceholder(pre);
    this.checkNoPlaceholder(post);
    const origin = this.sourceQid('forall', e.sp);
    const reqApp: Term = [req, f, ...args];
    this.assume(st, binders.length ? quantifier('forall', binders, implies(pre, reqApp), [[reqApp]], origin) : implies(pre, reqApp));
    if (post !== 'true') {
      const ensApp: Term = [ens, f, ...args, r];
      this.assume(st, quantifier('forall', [...binders, [r, sortOf(ty.ret)]], implies(ensApp, post), [[ensApp]], origin));
    }
    return { t: f, ty };
  }

  /**
   * Verifies a closure's body where it is written: the parameters are any values meeting its
   * `requires`, every way out (the tail, a `return`) must meet its `ensures`.
   */
  closureBody(this: FnGen, e: Extract<Expr, { k: 'closure' }>, ty: ClosureTy, clauses: { requires: Expr[]; ensures: Expr[]; retName: string | null }, st: State): void {
    const bst = this.scopedBranch(st);
    bst.push();
    const paramDepth = bst.scopes.length;
    // (a `mut` parameter is assigned in the body; the clauses read the value passed)
    const passed = e.params.map((p, i) => this.havoc(p.name, ty.params[i]!));
    e.params.forEach((p, i) => bst.declare(p.name, { ty: ty.params[i]!, term: passed[i]!, mut: !!p.mut }));
    for (const r of clauses.requires) this.assume(bst, this.evalPure(r, bst, this.specMode(bst.path)).t, { kind: 'requires', sp: r.sp });
    const outer = this.fnCtx!;
    // (an exec closure's body may unwind and open any invariant; a proof closure's opens none)
    const ctx: FnCtx = {
      ...outer, retTy: ty.ret, retName: clauses.retName, loops: [], noUnwind: undefined, noUnwindInBlock: undefined, mask: ty.proof ? { base: 'empty', plus: [], minus: [] } : undefined,
      returns: (rst, v, sp) => {
        // the clauses see the parameters and the values around the closure, not the body's locals
        const pst = rst.clone();
        pst.scopes = pst.scopes.slice(0, paramDepth);
        pst.push();
        e.params.forEach((p, i) => p.mut && pst.declare(p.name, { ty: ty.params[i]!, term: passed[i]!, mut: false }));
        v = this.fit(v, ty.ret);
        if (clauses.retName) pst.declare(clauses.retName, { ty: ty.ret, term: this.define(clauses.retName, v), mut: false });
        for (const en of clauses.ensures) this.oblige(rst, 'postcondition', sp, this.evalPure(en, pst, this.specMode(rst.path)).t, en.sp);
      },
    };
    // (a `proof_fn`'s body is proof code: no overflow or exec obligations)
    const m: Mode = { exec: !ty.proof, pure: false, nonlinear: false, bound: new Set(), triggers: null, path: [] };
    this.fnCtx = ctx;
    try {
      const v = this.ev(e.body, bst, m);
      const tailSp = e.body.k === 'block' ? { start: e.body.sp.end - 1, end: e.body.sp.end } : e.body.sp;
      ctx.returns(bst, v, tailSp);
    } catch (err) {
      if (!(err instanceof DivergeSignal)) throw err;
    } finally {
      this.fnCtx = outer;
    }
    // (the branch is dropped: a write to what the closure captured would be lost with it)
    for (let i = 0; i < st.scopes.length; i++) {
      for (const [name, b] of st.scopes[i]!) {
        const after = bst.scopes[i]?.get(name);
        if (after && print(after.term) !== print(b.term)) throw new Unsupported(`a closure that changes the captured variable \`${name}\` (only closures that read what they capture are modelled)`, e.sp);
      }
    }
  }

  /** `f(a, b)` of an exec closure value `f`: its `requires` at the arguments, then its `ensures`. */
  callClosure(this: FnGen, f: V, argExprs: Expr[], st: State, m: Mode, call: Expr): V {
    const ty = this.callSig(f.ty);
    if (!ty) throw new Unsupported('a call of a value that is not callable', call.sp);
    const args = argExprs.map((a, i) => this.fit(this.ev(a, st, m), ty.params[i]!).t);
    this.oblige(st, 'precondition', call.sp, [this.closurePredicate('requires', f.ty), f.t, ...args], undefined, "the closure's precondition may not hold");
    // (Verus: a call of an exec closure may unwind and open any invariant)
    if (!(f.ty.k === 'closure' && f.ty.proof)) this.checkCallEffects(st, call.sp, { noUnwind: null, mask: ANY_MASK });
    const r = this.havoc('closure$ret', ty.ret);
    this.assume(st, [this.closurePredicate('ensures', f.ty), f.t, ...args, r]);
    st.crossed.push({ kind: 'call', name: 'closure', line: this.line(call.sp.start), sp: call.sp });
    return { t: r, ty: ty.ret };
  }

  /**
   * `f.requires((a, b))` / `f.ensures((a, b), r)` (and `call_requires` / `call_ensures`): the
   * predicate at the components of the argument tuple.
   */
  closureClause(this: FnGen, kind: 'requires' | 'ensures', f: V, args: Expr[], st: State, m: Mode): V {
    const ty = this.callSig(f.ty);
    if (!ty) throw new Unsupported(`\`${kind}\` of a value that is not callable`, args[0]?.sp ?? { start: 0, end: 0 });
    const pm = { ...m, pure: true, exec: false };
    const tuple = args[0]!;
    let comps: Term[];
    if (tuple.k === 'tuple') comps = tuple.elems.map((x, i) => this.fit(this.ev(x, st, pm), ty.params[i]!).t);
    else {
      const tv = this.ev(tuple, st, pm);
      comps = this.sorts.datatype(tv.ty).ctors[0]!.fields.map((fd) => [fd.acc, tv.t]);
    }
    const extra = kind === 'ensures' ? [this.fit(this.ev(args[1]!, st, pm), ty.ret).t] : [];
    return { t: [this.closurePredicate(kind, f.ty), f.t, ...comps, ...extra], ty: { k: 'bool' } };
  }
}
