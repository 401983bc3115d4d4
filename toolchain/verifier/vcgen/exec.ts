// Exec and proof statements: function bodies, blocks, `let`, assert/assume, assignments to
// places, loops cut with their invariants, and joins of branch states.
// Invariant: an effect never rewrites a fact: a new value is a fresh constant with a defining
// fact; obligations are recorded under the current path; a loop havocs every variable it
// changes, and a change it did not havoc makes the function unsupported (never a silent pass).

import type { Block, Expr, Pat, Sp, Stmt } from '../ast';
import { isLibraryFile } from '../library/load';
import { BOOL, INT, ResolveError, UNIT, isMachine, type Ty } from '../resolver';
import { and, eq, ite, not, num, or, print, type Term } from '../smt';
import { Unsupported, DivergeSignal, State, type V, type Mode, type LoopCtx, type FnCtx, type Place } from './state';
import { revealGate, type ScopeVar, type Crossed, type ObligationNote } from './query';
import type { FnGen } from './gen';

export function rootVar(e: Expr): string | null {
  if (e.k === 'path' && e.segs.length === 1) return e.segs[0]!;
  if (e.k === 'field' || e.k === 'index') return rootVar(e.recv);
  if (e.k === 'unary' && (e.op === '*' || e.op === '&mut' || e.op === '&')) return rootVar(e.e);
  // `g@ = v` writes the `Ghost` place `g`; `t.borrow_mut()` is the `Tracked` place `t`
  if (e.k === 'view') return rootVar(e.e);
  if (e.k === 'method' && e.name === 'borrow_mut' && !e.args.length) return rootVar(e.recv);
  return null;
}

function patBinds(p: Pat, out: Set<string>): Set<string> {
  switch (p.k) {
    case 'bind': out.add(p.name); if (p.sub) patBinds(p.sub, out); break;
    case 'tuple': for (const q of p.elems) patBinds(q, out); break;
    case 'or': for (const q of p.alts) patBinds(q, out); break;
    case 'variant':
      for (const q of p.args ?? []) patBinds(q, out);
      for (const f of p.fields ?? []) patBinds(f.pat, out);
      break;
  }
  return out;
}

export class ExecMethods {
  /**
   * A copy of `st` for code whose facts must not reach the code after it (an `assert .. by`
   * proof, an `assert forall` body, a closure's body): its path gets a fresh boolean, so what it
   * assumes (`assume(false)`, an unsatisfiable `implies` premise or `requires`) is guarded by a
   * condition the solver may take false everywhere else, while its own obligations still see it.
   */
  scopedBranch(this: FnGen, st: State): State {
    const s2 = st.clone();
    s2.path.push(this.fresh('$scoped', BOOL));
    return s2;
  }
  checkBody(this: FnGen): void {
    const f = this.info.item;
    const { st, old } = this.entryState(f);
    // The postcondition sees the parameters only, never the body's locals (a `let x` shadowing a
    // parameter `x` is not the `x` of `ensures`): a by-value parameter, `mut` or not, is its
    // value at entry (as in Verus: assigning to a `mut x` does not change what `ensures` says
    // about `x`); a `&mut` parameter is its current referent (`old(x)` is its entry value).
    const entry = new Map(st.scopes[0]!);
    // the module-level `broadcast use`: its lemmas' facts hold in the whole function
    for (const u of this.cvc.checked.moduleBroadcasts.get(f) ?? []) for (const fact of this.broadcastFacts(u.lemma, u.sp)) this.assume(st, fact);
    // the crate's `global size_of T == N` / `global layout T is size == N, align == M` items
    this.assumeGlobalLayouts(st);
    const retTy = this.retType(f);
    const retName = f.ret?.name ?? null;
    const exec = f.mode === 'exec';
    const ctx: FnCtx = {
      fn: f, info: this.info, old, retTy, retName, loops: [],
      returns: (rst, v, sp) => {
        // est: the state at the return (its locals are shown in counterexamples);
        // pst: what the postcondition is evaluated in (see `entry` above)
        const est = rst.clone();
        est.push();
        const pst = rst.clone();
        pst.scopes = [new Map([...entry].map(([n, b]) => [n, b.mut ? (rst.scopes[0]!.get(n) ?? b) : b]))];
        pst.push();
        let extra: ScopeVar[] | undefined;
        v = this.fit(v, retTy);
        if (retName) {
          const rc = this.define(retName, { t: v.t, ty: retTy });
          est.declare(retName, { ty: retTy, term: rc, mut: false });
          pst.declare(retName, { ty: retTy, term: rc, mut: false });
        }
        // (a trait method's default body also gives its `default_ensures`)
        for (const e of [...f.ensures, ...(f.defaultEnsures ?? [])]) {
          const g = this.evalPure(e, pst, this.specMode(est.path), true);
          this.oblige(est, 'postcondition', sp, g.t, e.sp, undefined, extra);
        }
        if (f.returns) {
          const r = this.evalPure(f.returns, pst, this.specMode(est.path), true);
          this.oblige(est, 'postcondition', sp, this.compare('==', v, r, f.returns.sp).t, f.returns.sp, undefined, extra);
        }
        extra = undefined;
      },
    };
    this.fnCtx = ctx;
    for (const r of f.requires) this.assume(st, this.evalPure(r, st, this.specMode([]), true).t, { kind: 'requires', sp: r.sp });
    // what the body's calls may do: its own `no_unwind` condition and mask, at entry
    const effects = this.unwindAndMaskOf(f, (e) => this.evalPure(e, st, this.specMode([]), true).t);
    if (effects.noUnwind !== null && f.mode === 'exec') ctx.noUnwind = effects.noUnwind;
    if (effects.mask.base === 'empty') ctx.mask = effects.mask;
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
      if (v) this.proofState.point({ start: body.sp.end - 1, end: body.sp.end }, st.path);
    } catch (e) {
      if (!(e instanceof DivergeSignal)) throw e;
      v = null;
    }
    if (v) ctx.returns(st, v, tailSp);
    st.pop();
  }
  /** Merges live branch states into `st`; returns the merged value (or null if none live). */
  mergeValues(this: FnGen, st: State, live: { s: State; v: V }[], base: number): V | null {
    if (!live.length) {
      st.path.push('false');
      return null;
    }
    const states = live.map((l) => l.s);
    this.mergeInto(st, states, base, true);
    let ty = live[0]!.v.ty;
    const isPh = (v: V) => Array.isArray(v.t) && (v.t[0] === '$none' || v.t[0] === '$empty');
    for (const l of live) if (!isPh(l.v)) ty = l.v.ty;
    for (const l of live) if (isPh(l.v) && !(ty.k === 'tuple')) l.v = this.fit(l.v, ty);
    if (ty.k === 'tuple' && (ty as { elems: Ty[] }).elems.length === 0) return { t: 'true', ty: UNIT };
    if (live.length === 1) return live[0]!.v;
    const conds = states.map((s) => and(...s.path.slice(base)));
    let t: Term = live[live.length - 1]!.v.t;
    for (let i = live.length - 2; i >= 0; i--) t = ite(conds[i]!, live[i]!.v.t, t);
    if (typeof t === 'string') return { t, ty };
    const c = this.define('$val', { t, ty });
    return { t: c, ty };
  }

  /** Joins states (which extend st's path from index `base`) back into st. */
  mergeInto(this: FnGen, st: State, states: State[], base: number, replacePath: boolean): void {
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
          if (first !== print(b.term)) {
            st.scopes[i]!.set(name, vals[0]!);
            this.proofState.mutated(name, st.path);
          }
          continue;
        }
        // changed in some branch: facts from before the branches speak of its earlier value
        this.proofState.mutated(name, st.path);
        let t: Term = vals[vals.length - 1]!.term;
        for (let j = vals.length - 2; j >= 0; j--) t = ite(conds[j]!, vals[j]!.term, t);
        const c = this.define(name, { t, ty: b.ty });
        st.scopes[i]!.set(name, { ...b, term: c });
      }
    }
  }

  place(this: FnGen, e: Expr, st: State, m: Mode): Place {
    if (e.k === 'path' && e.segs.length === 1) {
      const b = st.lookup(e.segs[0]!);
      if (!b) throw new ResolveError(`cannot find value \`${e.segs[0]}\``, e.sp);
      return { root: e.segs[0]!, steps: [], sp: e.sp };
    }
    if (e.k === 'unary' && (e.op === '*' || e.op === '&mut')) return this.place(e.e, st, m);
    // `x.borrow_mut()` of a `Tracked<T>` (the checker's wrapperBorrows): the place `x` itself
    if (e.k === 'method' && e.name === 'borrow_mut' && this.cvc.checked.wrapperBorrows.has(e)) return this.place(e.recv, st, m);
    // `g@ = v` of a `Ghost<T>` / `Tracked<T>` (wrapperBorrows): the place `g` itself
    if (e.k === 'view' && this.cvc.checked.wrapperBorrows.has(e)) return this.place(e.e, st, m);
    if (e.k === 'field') {
      const p = this.place(e.recv, st, m);
      return { ...p, steps: [...p.steps, { k: 'field', name: e.name }], sp: e.sp };
    }
    if (e.k === 'index') {
      const p = this.place(e.recv, st, m);
      const i = this.ev(e.idx, st, m);
      const cur = this.readPlace(p, st);
      const cty = cur.ty;
      // `v[i] = x` of a `Vec` (std's `IndexMut`): `i` within the view, which `writePlace` updates
      // as `Vec::set` does (vstd: the index does not unwind once in bounds)
      if (this.isLibraryVec(cty)) {
        const view = this.vecView(cur, st, e.sp);
        if (view.ty.k !== 'seq') throw new Unsupported('the view of a `Vec`', e.sp);
        if (m.exec) this.oblige(st, 'index-bounds', e.sp, and(['<=', '0', i.t], ['<', i.t, this.seqLen(view.ty, view.t)]));
        const it = typeof i.t === 'string' ? i.t : this.define('$idx', i);
        const out: Place = { ...p, steps: [...p.steps, { k: 'vec-index', idx: it }], sp: e.sp };
        // (Verus reads it as a call of `index_mut`, whose result it cannot tie back to a vector
        // inside a value with a type invariant: there the invariant is not re-established)
        if (this.insideInvariant(out, st, e.sp)) throw new Unsupported('`v[i]` as a place, of a `Vec` inside a datatype with a type invariant', e.sp);
        return out;
      }
      if (cty.k !== 'array' && cty.k !== 'seq') throw new Unsupported('index assignment on non-array', e.sp);
      if (m.exec) this.oblige(st, 'index-bounds', e.sp, and(['<=', '0', i.t], ['<', i.t, this.seqLen(cty, cur.t)]));
      if (m.exec) this.builtinCall(st, e.sp, 'false');
      const it = typeof i.t === 'string' ? i.t : this.define('$idx', i);
      return { ...p, steps: [...p.steps, { k: 'index', idx: it }], sp: e.sp };
    }
    throw new Unsupported('assignment to this expression', e.sp);
  }
  placeName(this: FnGen, p: Place): string {
    return p.root + p.steps.map((s) => (s.k === 'field' ? '.' + s.name : '[]')).join('');
  }
  /** The library's `Vec<T>` (library/vstd/vec.rs). */
  isLibraryVec(this: FnGen, ty: Ty): boolean {
    return ty.k === 'struct' && ty.name === 'Vec' && ty.args.length === 1 && isLibraryFile(this.crate.structs.get('Vec')?.[0]?.file ?? '');
  }
  /** `v@` of a library `Vec` value: its `Seq` (the library's `view`). */
  vecView(this: FnGen, v: V, st: State, sp: Sp): V {
    const view = this.crate.fn('Vec::view', sp);
    if (!view || v.ty.k !== 'struct') throw new Unsupported('the view of a `Vec`', sp);
    return this.callFn(view, [{ e: { k: 'path', segs: ['$vec'], generics: [], sp }, v }], st, this.specMode([]), sp, { k: 'path', segs: ['$vec'], generics: [], sp }, v.ty.args)!;
  }
  readPlace(this: FnGen, p: Place, st: State): V {
    const b = st.lookup(p.root)!;
    let v: V = { t: b.term, ty: b.ty };
    const spec = this.specMode([]);
    for (const s of p.steps) {
      if (s.k === 'field') v = this.field(v, s.name, p.sp);
      else v = this.index(s.k === 'vec-index' ? this.vecView(v, st, p.sp) : v, { t: s.idx, ty: { k: 'int', kind: 'usize' } }, st, spec, p.sp);
    }
    return v;
  }
  writePlace(this: FnGen, p: Place, val: Term, st: State): void {
    const b = st.lookup(p.root)!;
    this.proofState.mutated(p.root, st.path);
    const rec = (cur: V, i: number): Term => {
      if (i === p.steps.length) return val;
      const s = p.steps[i]!;
      const ty = cur.ty;
      if (s.k === 'field') {
        const dt = this.sorts.datatype(ty);
        const c = dt.ctors[0]!;
        return [c.ctor, ...c.fields.map((f) => (f.name === s.name ? rec({ t: [f.acc, cur.t], ty: f.ty }, i + 1) : [f.acc, cur.t]))];
      }
      if (s.k === 'vec-index') {
        // a new vector whose view is the old one's with the element replaced (`Vec::set`'s `ensures`)
        const view = this.vecView(cur, st, p.sp);
        const elemTy = (view.ty as { elem: Ty }).elem;
        const elem = rec({ t: ['select', [this.sorts.datatype(view.ty).ctors[0]!.fields[1]!.acc, view.t], s.idx], ty: elemTy }, i + 1);
        const updated = this.seqOp('update', view, [{ t: s.idx, ty: INT }, { t: elem, ty: elemTy }], p.sp);
        const next = this.fresh(`${p.root}$vec`, ty);
        this.assume(st, eq(this.vecView({ t: next, ty }, st, p.sp).t, updated.t));
        return next;
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

  execBlock(this: FnGen, b: Block, st: State, m: Mode): V | null {
    st.push();
    try {
      let last: V = { t: 'true', ty: UNIT };
      for (let i = 0; i < b.stmts.length; i++) {
        const s = b.stmts[i]!;
        const r = this.execStmt(s, st, m, i === b.stmts.length - 1);
        if (r === null) return null;
        last = r;
      }
      // the block's closing brace: what its statements established (e.g. a call's ensures)
      this.proofState.point({ start: b.sp.end - 1, end: b.sp.end }, st.path);
      return last;
    } catch (e) {
      if (e instanceof DivergeSignal) return null;
      throw e;
    } finally {
      st.pop();
    }
  }

  execStmt(this: FnGen, s: Stmt, st: State, m: Mode, isLast: boolean): V | null {
    const ghostM: Mode = { ...m, exec: false };
    this.proofState.point(s.sp, st.path);
    switch (s.k) {
      case 'let': {
        const ghost = s.ghost;
        const mm = ghost ? ghostM : m;
        let v: V;
        const declTy = s.ty ? this.synTy(s.ty) : null;
        if (s.init) {
          const r = this.evOpt(this.derefCoerced(s.init), st, mm);
          if (!r) return null;
          v = r;
          if (declTy) {
            v = this.fit(v, declTy);
            v = { t: v.t, ty: declTy };
          }
        } else {
          // `let x;`: the checking phase typed x from its later assignments
          const recorded = s.pat.k === 'bind' ? this.cvc.checked.bindingTypes.get(s.pat) : undefined;
          const ty = declTy ?? (recorded && this.instTy(recorded));
          if (!ty) throw new ResolveError('type annotations needed', s.sp);
          v = { t: this.havoc(s.pat.k === 'bind' ? s.pat.name : '$uninit', ty), ty };
        }
        if (s.pat.k === 'bind' && !s.pat.sub) {
          const c = this.define(s.pat.name, v);
          st.declare(s.pat.name, { ty: v.ty, term: c, mut: s.pat.mut || ghost, ghost });
          return { t: 'true', ty: UNIT };
        }
        this.bindPat(s.pat, v, st, mm, false);
        return { t: 'true', ty: UNIT };
      }
      case 'expr': {
        // a local borrow's `&mut place;` (local-borrows.ts): as a call's borrow, not of a field of a
        // value with a type invariant
        if (s.e.k === 'unary' && s.e.op === '&mut') this.refuseFieldBorrow(this.place(s.e.e, st, m), st, s.sp, !!s.e.refMutBinding);
        const v = this.evOpt(s.e, st, m);
        if (!v) return null;
        return s.semi && !isLast ? { t: 'true', ty: UNIT } : s.semi ? { t: 'true', ty: UNIT } : v;
      }
      case 'assume': {
        const v = this.ev(s.e, st, { ...ghostM, pure: true });
        this.assume(st, v.t, { kind: 'assume', sp: s.sp });
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
          const s2 = this.scopedBranch(st);
          const r = this.execBlock(s.proof, s2, ghostM);
          const v = this.ev(s.e, r ? s2 : s2, { ...ghostM, pure: true });
          if (r) this.oblige(s2, 'assertion', s.sp, v.t, undefined, undefined, undefined, noteOf(s));
          const v2 = this.ev(s.e, st, { ...ghostM, pure: true });
          this.assume(st, v2.t, { kind: 'assert', sp: s.sp });
          return { t: 'true', ty: UNIT };
        }
        const factFrom = this.facts.length;
        const v = this.ev(s.e, st, { ...ghostM, pure: true });
        const ob = this.oblige(st, 'assertion', s.sp, v.t, undefined, undefined, undefined, noteOf(s));
        // `by(compute)`: simplified by computation when the queries are built (vcgen/compute.ts),
        // with the definitions the expression's own evaluation made from `factFrom` on
        if (ob && (s.by === 'compute' || s.by === 'compute_only')) this.byComputation.set(ob, { mode: s.by, factFrom });
        this.assume(st, v.t, { kind: 'assert', sp: s.sp });
        return { t: 'true', ty: UNIT };
      }
      case 'assert-forall': {
        // skolemize: fresh constants for the variables
        const s2 = this.scopedBranch(st);
        s2.push();
        for (const p of s.params) {
          const ty = this.binderType(p);
          const c = this.havoc(`${p.name}$sk`, ty);
          s2.declare(p.name, { ty, term: c, mut: false });
        }
        if (s.lhs) this.assume(s2, this.ev(s.lhs, s2, { ...ghostM, pure: true }).t);
        const r = s.proof ? this.execBlock(s.proof, s2, ghostM) : { t: 'true', ty: UNIT };
        if (r) this.oblige(s2, 'assertion', s.sp, this.ev(s.rhs, s2, { ...ghostM, pure: true }).t, undefined, undefined, undefined, noteOf(s));
        const body: Expr = s.lhs ? { k: 'binary', op: '==>', l: s.lhs, r: s.rhs, sp: s.sp } : s.rhs;
        const q: Expr = { k: 'quant', q: 'forall', params: s.params, triggers: s.triggers, ...(s.allTriggers ? { allTriggers: true } : {}), body, sp: s.sp };
        this.assume(st, this.ev(q, st, { ...ghostM, pure: true }).t, { kind: 'assert', sp: s.sp });
        return { t: 'true', ty: UNIT };
      }
      case 'proof': {
        const r = this.execBlock(s.block, st, ghostM);
        return r ? { t: 'true', ty: UNIT } : null;
      }
      case 'reveal': {
        const segs = s.name;
        const q = this.crate.memberName(segs, this.cur.item.selfType);
        let info = this.crate.fn(q, s.sp, this.cur.item);
        // `m::f` where `m` is a module (not a type): the free function `f` declared in that module
        const owner = segs[segs.length - 2];
        if (!info && owner !== undefined && !this.crate.structs.has(owner) && !this.crate.enums.has(owner)) {
          const cands = (this.crate.fnsByName.get(segs[segs.length - 1]!) ?? []).filter((x) => {
            const mod = segs.slice(0, -1).filter((p) => p !== 'crate' && p !== 'self' && p !== 'super');
            return mod.length > 0 && x.item.module.slice(-mod.length).join('::') === mod.join('::');
          });
          if (cands.length > 1) throw new ResolveError(`ambiguous name \`${segs.join('::')}\``, s.sp);
          info = cands[0] ?? null;
        }
        if (!info || info.item.mode !== 'spec') throw new ResolveError(`\`${segs.join('::')}\` is not a spec function`, s.sp);
        // `hide(f)` (the header of the body: check/checker.ts hideRules) and a `reveal(f)` after it
        if (s.hide) {
          this.hides.add(info.key);
          return { t: 'true', ty: UNIT };
        }
        if (s.fuel !== null) {
          this.hides.delete(info.key);
          if (s.fuel < 0) throw new Unsupported('reveal_with_fuel needs a literal fuel (at most 64)', s.sp);
          if (!this.cvc.recursive.has(info.key)) return { t: 'true', ty: UNIT };
          this.fuel.set(info.key, Math.max(1, s.fuel));
          return { t: 'true', ty: UNIT };
        }
        const hidden = this.hides.has(info.key);
        if (!hidden && !info.item.attrs.some((a) => a.includes('opaque'))) return { t: 'true', ty: UNIT };
        // (a hidden recursive fn's fuel axioms are stated under the gate like any definition)
        if (!hidden && this.cvc.recursive.has(info.key)) throw new Unsupported('`reveal` of an opaque recursive spec fn', s.sp);
        // the definition holds from here on, as in Verus (after `assert .. by { reveal(f); }`, not
        // at all): it is stated under a boolean `revealGate` (vcgen/query.ts `prelude`) that the
        // path assumes from here (a generic fn's at every instance the function uses; type
        // arguments written in `reveal` are ignored, as in Verus)
        if (!info.item.generics.length) this.specUsed.add(info.key);
        this.reveals.add(info.key);
        this.assume(st, revealGate(info.key));
        return { t: 'true', ty: UNIT };
      }
      case 'broadcast-use': {
        // the checking phase resolved the names (groups expanded); each lemma's fact holds from here on
        const lemmas = this.cvc.checked.broadcastUses.get(s);
        if (!lemmas) throw new Unsupported('`broadcast use` not resolved by the checking phase', s.sp);
        for (const info of lemmas) for (const fact of this.broadcastFacts(info, s.sp)) this.assume(st, fact);
        return { t: 'true', ty: UNIT };
      }
      case 'unsupported':
        throw new Unsupported(`unsupported: ${s.what}`, s.sp);
    }
  }

  execAssign(this: FnGen, e: Extract<Expr, { k: 'assign' }>, st: State, m: Mode): V | null {
    // (the checking phase refused assignments to immutable bindings, second assignments of a
    // `let x;` and exec places written from ghost code)
    // Rust evaluates the right operand first, then the place (its indices and their bounds), for
    // `=` and for compound assignments of primitive values (the only ones here): in
    // `x[a] = { a = a + 1; 5 }` the index is the new `a`; `a[3] = loop {}` never indexes.
    const r = this.evOpt(e.rhs, st, m);
    if (!r) return null;
    const place = this.place(e.lhs, st, m);
    let v: V;
    if (e.op === '=') {
      v = r;
    } else {
      const cur = this.readPlace(place, st);
      v = this.arith(e.op.slice(0, -1), cur, r, st, m, e.sp);
      // ghost `x op= y` on a machine integer: the int result is truncated to x's type (Verus)
      const placeTy = cur.ty;
      const resTy = v.ty;
      if (placeTy.k === 'int' && isMachine(placeTy.kind) && resTy.k === 'int' && !isMachine(resTy.kind)) v = this.cast(v, placeTy, e.sp);
    }
    this.writePlace(place, v.t, st);
    // (a spec-mode variable's value carries no invariant)
    if (!this.cvc.checked.specWrites.has(e)) this.checkInvariantsAround(place, st, e.sp);
    return { t: 'true', ty: UNIT };
  }

  /**
   * Variables of the enclosing scopes assigned in a loop body (roots of places, &mut arguments,
   * &mut self receivers). A name the body declares again (`let mut k` in the body, a match arm's
   * binding) is the body's own variable from there on: assigning it changes nothing outside.
   */
  modifiedVars(this: FnGen, b: Block | Expr, st: State, out: Set<string>): void {
    const locals: Set<string>[] = [];
    const isLocal = (n: string) => locals.some((l) => l.has(n));
    const add = (r: string | null) => {
      if (r && !isLocal(r)) out.add(r);
    };
    const visitE = (e: Expr | null): void => {
      if (!e) return;
      switch (e.k) {
        case 'assign': {
          const r = rootVar(e.lhs);
          add(r);
          visitE(e.rhs);
          visitE(e.lhs);
          return;
        }
        case 'unary':
          if (e.op === '&mut') add(rootVar(e.e));
          visitE(e.e);
          return;
        case 'method': {
          const r = rootVar(e.recv);
          if (r && !isLocal(r)) {
            const b2 = st.lookup(r);
            if (b2) {
              // conservatively: any method of that name taking `&mut self` (a user type's, or the
              // library's on a built-in type: `m.borrow_mut().tracked_insert(..)`)
              for (const [q, infos] of this.crate.fns) {
                if (q.endsWith('::' + e.name) && infos.some((i) => i.item.params[0]?.isSelf && i.item.params[0].ty.k === 'ref' && i.item.params[0].ty.mut)) out.add(r);
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
        case 'match':
          visitE(e.scrut);
          for (const a of e.arms) {
            locals.push(patBinds(a.pat, new Set()));
            visitE(a.guard);
            visitE(a.body);
            locals.pop();
          }
          return;
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
      const mine = new Set<string>();
      locals.push(mine);
      for (const s of bl.stmts) {
        if (s.k === 'let') {
          visitE(s.init);
          patBinds(s.pat, mine);
        } else if (s.k === 'expr') visitE(s.e);
        else if (s.k === 'proof') visitB(s.block);
      }
      locals.pop();
    };
    if ('stmts' in b) visitB(b);
    else visitE(b);
  }

  execLoop(this: FnGen, e: Extract<Expr, { k: 'while' | 'loop' }>, st: State, m: Mode): V | null {
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
    // (a `for` loop's snapshot of a bound the body assigns, forgotten by an isolated loop)
    if (this.cvc.checked.isolatedLoops.has(e)) for (const n of e.forgets ?? []) mod.add(n);
    // (inside a loop isolation boundary: every variable declared outside it)
    const boundary = this.fnCtx?.isolationBoundary;
    if (boundary !== undefined) for (const scope of st.scopes.slice(0, boundary)) for (const name of scope.keys()) mod.add(name);
    const loopSt = st.clone();
    for (const name of [...mod].sort()) {
      const b = loopSt.lookup(name);
      if (!b) continue; // declared inside the loop
      const c = this.havoc(name, b.ty);
      loopSt.set(name, { ...b, term: c });
    }
    loopSt.crossed.push({ kind: 'loop', name: `loop at line ${line}`, line, sp: e.sp });
    // 3. assume invariants
    for (const name of [...mod].sort()) this.proofState.mutated(name, st.path);
    for (const inv of e.inv) this.assume(loopSt, this.ev(inv, loopSt, ghostM).t, { kind: 'invariant', sp: inv.sp });
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
    if (e.k === 'while') this.proofState.branch(cond, { sp: e.cond.sp, negated: false, kind: 'loop' });
    bodySt.labels.push(`loop body at line ${line}`);
    bodySt.trace.push({ cond: cond, label: `loop body at line ${line} (an arbitrary iteration)` });
    const ctx: LoopCtx = {
      ...(e.label ? { label: e.label } : {}),
      breaks: [],
      check: (s, sp) => {
        // invariants and the measure name the loop's variables: at a `continue` the body's own
        // locals (a `let x` shadowing the loop's `x`) are out of their scope
        const inLoopScope = s.clone();
        inLoopScope.scopes = inLoopScope.scopes.slice(0, loopSt.scopes.length);
        for (const inv of e.inv) {
          const v = this.ev(inv, inLoopScope, ghostM);
          this.oblige(s, 'invariant-preserved', sp, v.t, inv.sp);
        }
        if (measure.length) {
          const nm = e.dec.map((d) => this.ev(d, inLoopScope, ghostM));
          this.oblige(s, 'decreases', sp, this.lexLessMeasures(nm, measure, e.dec[0]!.sp), e.dec[0]!.sp, 'decreases not satisfied at end of loop');
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
      this.proofState.branch(exitSt.path[exitSt.path.length - 1]!, { sp: e.cond.sp, negated: true, kind: 'loop' });
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
    for (const en of e.invEnsures) this.assume(st, this.ev(en, st, ghostM).t, { kind: 'loop-ensures', sp: en.sp });
    return { t: 'true', ty: UNIT };
  }
}

/** The note of an assertion (the checking phase allows at most one). */
export function noteOf(s: { notes?: { kind: 'proof_note' | 'custom_err'; text: string }[] }): ObligationNote | undefined {
  const n = s.notes?.[0];
  return n ? { kind: n.kind, text: n.text } : undefined;
}
