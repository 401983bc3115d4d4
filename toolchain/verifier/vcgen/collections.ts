// Seq/array, Set and Map encodings: literals, empty values, Seq, Set and Map operations and the helper
// functions (subrange, concatenation, repetition) with their axioms.
// Invariant: Seq values are canonical (len, array with the default element outside [0, len)), so
// extensional equality is `=`; an operation that builds a value is a function of its own, defined
// by one axiom whose body is its inline encoding (so its applications can be triggers, as vstd's
// spec fns); a function's declaration and axioms are recorded once in FnGen.axioms under its name.

import type { Expr, Sp } from '../ast';
import { BOOL, NAT, type Ty } from '../resolver';
import { and, eq, ite, num, print, quote, sortKey, sortOf, type Term } from '../smt';
import { quantifier } from '../qid';
import { Unsupported, type Mode, type State, type V } from './state';
import type { Command } from './query';
import type { FnGen } from './gen';

export class CollectionMethods {
  /** Array-level helper functions of Seq<E>: sub (subrange), cat (concatenation), rep ([v; n]). */
  seqFun(this: FnGen, kind: 'sub' | 'cat' | 'rep', elem: Ty): string {
    const key = sortKey({ k: 'seq', elem });
    const name = quote(`${key}.${kind}`);
    if (this.axioms.has(name)) return name;
    const E = sortOf(elem);
    const A: Term = ['Array', 'Int', E];
    const d = this.sorts.dflt(elem);
    const origin = { k: 'axiom' as const, name: `${key}.${kind}` };
    let lines: Command[];
    if (kind === 'sub') {
      const app: Term = [name, 'a', 'i', 'n'];
      lines = [
        `(declare-fun ${name} (${print(A)} Int Int) ${print(A)})`,
        ['assert', quantifier('forall', [['a', A], ['i', 'Int'], ['n', 'Int'], ['k', 'Int']], ['=', ['select', app, 'k'], ['ite', ['and', ['<=', '0', 'k'], ['<', 'k', 'n']], ['select', 'a', ['+', 'k', 'i']], d]], [[['select', app, 'k']]], origin)],
      ];
    } else if (kind === 'cat') {
      const app: Term = [name, 'a', 'la', 'b'];
      lines = [
        `(declare-fun ${name} (${print(A)} Int ${print(A)}) ${print(A)})`,
        ['assert', quantifier('forall', [['a', A], ['la', 'Int'], ['b', A], ['k', 'Int']], ['=', ['select', app, 'k'], ['ite', ['<', 'k', 'la'], ['select', 'a', 'k'], ['select', 'b', ['-', 'k', 'la']]]], [[['select', app, 'k']]], origin)],
      ];
    } else {
      const app: Term = [name, 'v', 'n'];
      lines = [
        `(declare-fun ${name} (${print(E)} Int) ${print(A)})`,
        ['assert', quantifier('forall', [['v', E], ['n', 'Int'], ['k', 'Int']], ['=', ['select', app, 'k'], ['ite', ['and', ['<=', '0', 'k'], ['<', 'k', 'n']], 'v', d]], [[['select', app, 'k']]], origin)],
      ];
    }
    this.axioms.set(name, lines);
    return name;
  }

  /**
   * An operation of a collection type as a function of its own, `T.op(args)`, defined once per
   * type by `forall args {T.op(args)}. T.op(args) = body(args)`. As vstd's spec fns in Verus, its
   * applications can be triggers (an inlined `store` or `exists` cannot), and z3 learns what an
   * application means when it meets one. The axiom is the old inline encoding, so what the
   * operation means is unchanged.
   */
  opFun(this: FnGen, ty: Ty, kind: string, params: [string, Term][], ret: Term, body: (...xs: Term[]) => Term): string {
    const key = sortKey(ty);
    const name = quote(`${key}.${kind}`);
    if (this.axioms.has(name)) return name;
    const xs = params.map(([x]) => x);
    const app: Term = [name, ...xs];
    this.axioms.set(name, [
      `(declare-fun ${name} (${params.map(([, sort]) => print(sort)).join(' ')}) ${print(ret)})`,
      ['assert', quantifier('forall', params, ['=', app, body(...xs)], [[app]], { k: 'axiom', name: `${key}.${kind}` })],
    ]);
    return name;
  }

  /**
   * `Seq::new(n, |i| e)` is (n, lambda i. ite(0 <= i < n, e, default)), canonical like every Seq;
   * `Set::new(|x: T| p)` is lambda x. inv_T(x) && p (only values of T are members, as in Verus:
   * two such sets are equal exactly when they agree on T). The body is evaluated as spec code
   * with the parameter bound; a body that would need facts or declarations of its own (anything
   * not a pure term of the parameter) is unsupported.
   */
  closureCollection(this: FnGen, e: Extract<Expr, { k: 'call' }>, owner: 'Seq' | 'Set', st: State, m: Mode): V {
    const clo = owner === 'Seq' ? e.args[1] : e.args[0];
    if (clo?.k !== 'closure' || clo.params.length !== 1) throw new Unsupported(`\`${owner}::new\` without a closure of one parameter`, e.sp);
    // (in generic code, at the instantiation being generated)
    const recorded = this.cvc.checked.exprTypes.get(e);
    const resTy = recorded && this.instTy(recorded);
    if (!resTy || (resTy.k !== 'seq' && resTy.k !== 'set')) throw new Unsupported(`the type of this \`${owner}::new\` is not known`, e.sp);
    const p = clo.params[0]!;
    const pty = this.binderType(p);
    this.sorts.need(pty);
    const sym = quote(`${p.name}$lam${this.qcount++}`);
    const inner = st.clone();
    inner.push();
    inner.declare(p.name, { ty: pty, term: sym, mut: false });
    const bound = new Set(m.bound);
    bound.add(sym);
    const before = { decls: this.decls.length, facts: this.facts.length, obs: this.obligations.length };
    const body = this.ev(clo.body, inner, { ...m, pure: true, exec: false, bound, triggers: null, path: [] });
    if (this.decls.length !== before.decls || this.facts.length !== before.facts || this.obligations.length !== before.obs) throw new Unsupported(`this \`${owner}::new\` closure cannot be encoded as a function of its parameter`, clo.sp);
    if (resTy.k === 'seq') {
      const v = this.fit(body, resTy.elem);
      this.checkNoPlaceholder(v.t);
      const n = this.fit(this.ev(e.args[0]!, st, { ...m, pure: true, exec: false }), NAT);
      const dt = this.sorts.datatype(resTy);
      const lam: Term = ['lambda', [[sym, 'Int']], ite(and(['<=', '0', sym], ['<', sym, n.t]), v.t, this.sorts.dflt(resTy.elem))];
      return { t: [dt.ctors[0]!.ctor, n.t, lam], ty: resTy };
    }
    this.checkNoPlaceholder(body.t);
    return { t: ['lambda', [[sym, sortOf(pty)]], and(this.typeInv(sym, pty), body.t)], ty: resTy };
  }

  /**
   * A spec closure `|x: A, y: B| e` (a `spec_fn(A, B) -> C`): the SMT lambda over its parameters
   * (an array: `f(a, b)` is `select`). The body may mention the values around it (free constants of
   * the lambda) but must be a plain term: nothing declared, assumed or to prove.
   */
  specClosure(this: FnGen, e: Extract<Expr, { k: 'closure' }>, st: State, m: Mode): V {
    const recorded = this.cvc.checked.exprTypes.get(e);
    const ty = recorded && this.instTy(recorded);
    if (!ty || ty.k !== 'fn') throw new Unsupported('the type of this closure is not known', e.sp);
    const inner = st.clone();
    inner.push();
    const bound = new Set(m.bound);
    const vars: [string, Term][] = e.params.map((p, i) => {
      const pty = ty.params[i]!;
      this.sorts.need(pty);
      const sym = quote(`${p.name}$lam${this.qcount++}`);
      inner.declare(p.name, { ty: pty, term: sym, mut: false });
      bound.add(sym);
      return [sym, sortOf(pty)];
    });
    this.sorts.need(ty.ret);
    const before = { decls: this.decls.length, facts: this.facts.length, obs: this.obligations.length };
    const body = this.fit(this.ev(e.body, inner, { ...m, pure: true, exec: false, bound, triggers: null, path: [] }), ty.ret);
    if (this.decls.length !== before.decls || this.facts.length !== before.facts || this.obligations.length !== before.obs) throw new Unsupported('this closure cannot be encoded as a function of its parameters', e.sp);
    this.checkNoPlaceholder(body.t);
    return { t: ['lambda', vars, body.t], ty };
  }

  /** vstd's `Map::new(s, fv)`: the domain `s`, and `fv(k)` at each key in it (the default elsewhere, as every map here). */
  mapNew(this: FnGen, e: Extract<Expr, { k: 'call' }>, st: State, m: Mode): V {
    const recorded = this.cvc.checked.exprTypes.get(e);
    const ty = recorded && this.instTy(recorded);
    if (!ty || ty.k !== 'map') throw new Unsupported('the type of this `Map::new` is not known', e.sp);
    const pm = { ...m, pure: true, exec: false };
    const dom = this.fit(this.ev(e.args[0]!, st, pm), { k: 'set', elem: ty.key });
    const fv = this.fit(this.ev(e.args[1]!, st, pm), { k: 'fn', params: [ty.key], ret: ty.val });
    const dt = this.sorts.datatype(ty);
    const k = quote(`k$map${this.qcount++}`);
    const vals: Term = ['lambda', [[k, sortOf(ty.key)]], ite(['select', dom.t, k], ['select', fv.t, k], this.sorts.dflt(ty.val))];
    return { t: [dt.ctors[0]!.ctor, dom.t, vals], ty };
  }

  emptyOf(this: FnGen, ty: Ty): Term {
    const n = ty;
    if (n.k === 'seq' || n.k === 'array') return this.seqLit(n, []);
    if (n.k === 'set') return [['as', 'const', ['Array', sortOf(n.elem), 'Bool']], 'false'];
    if (n.k === 'map') {
      const dt = this.sorts.datatype(n);
      return [dt.ctors[0]!.ctor, [['as', 'const', ['Array', sortOf(n.key), 'Bool']], 'false'], [['as', 'const', ['Array', sortOf(n.key), sortOf(n.val)]], this.sorts.dflt(n.val)]];
    }
    throw new Error('emptyOf');
  }
  seqLit(this: FnGen, ty: Ty, elems: Term[]): Term {
    const n = ty as { k: 'seq' | 'array'; elem: Ty };
    const dt = this.sorts.datatype(ty);
    let arr: Term = [['as', 'const', ['Array', 'Int', sortOf(n.elem)]], this.sorts.dflt(n.elem)];
    elems.forEach((x, i) => {
      arr = ['store', arr, num(i), x];
    });
    return [dt.ctors[0]!.ctor, num(elems.length), arr];
  }

  /** `s.subrange(i, j)` of a Seq type as a function of its own (declared with its definition). */
  seqSubrangeFun(this: FnGen, ty: Extract<Ty, { k: 'seq' }>): string {
    const dt = this.sorts.datatype(ty);
    const mk = dt.ctors[0]!.ctor;
    const lenOf = (q: Term): Term => [dt.ctors[0]!.fields[0]!.acc, q];
    const arrOf = (q: Term): Term => [dt.ctors[0]!.fields[1]!.acc, q];
    const E = sortOf(ty.elem);
    const dflt = this.sorts.dflt(ty.elem);
    return this.opFun(ty, 'subrange', [['s', sortOf(ty)], ['i', 'Int'], ['j', 'Int']], sortOf(ty), (q, i2, j2) => {
      const ok = and(['<=', '0', i2], ['<=', i2, j2], ['<=', j2, lenOf(q)]);
      return ite(ok, [mk, ['-', j2, i2], [this.seqFun('sub', ty.elem), arrOf(q), i2, ['-', j2, i2]]], [mk, '0', [['as', 'const', ['Array', 'Int', E]], dflt]]);
    });
  }

  seqOp(this: FnGen, name: string, s: V, a: V[], sp: Sp): V {
    const ty = s.ty as { k: 'seq'; elem: Ty };
    const dt = this.sorts.datatype(ty);
    const mk = dt.ctors[0]!.ctor;
    const len: Term = [dt.ctors[0]!.fields[0]!.acc, s.t];
    const arr: Term = [dt.ctors[0]!.fields[1]!.acc, s.t];
    const dflt = this.sorts.dflt(ty.elem);
    const sub = (i: Term, j: Term): Term => {
      const ok = and(['<=', '0', i], ['<=', i, j], ['<=', j, len]);
      return ite(ok, [mk, ['-', j, i], [this.seqFun('sub', ty.elem), arr, i, ['-', j, i]]], [mk, '0', [['as', 'const', ['Array', 'Int', sortOf(ty.elem)]], dflt]]);
    };
    const E = sortOf(ty.elem);
    const S = sortOf(ty);
    // s's length and array in an axiom over `s`
    const lenOf = (q: Term): Term => [dt.ctors[0]!.fields[0]!.acc, q];
    const arrOf = (q: Term): Term => [dt.ctors[0]!.fields[1]!.acc, q];
    const op = (kind: string, params: [string, Term][], ret: Term, body: (...xs: Term[]) => Term, args: Term[], resTy: Ty): V =>
      ({ t: [this.opFun(ty, kind, params, ret, body), s.t, ...args], ty: resTy });
    const subrangeFun = (): string => this.seqSubrangeFun(ty);
    const subrange = (i: Term, j: Term): V => ({ t: [subrangeFun(), s.t, i, j], ty });
    switch (name) {
      case 'len': return { t: len, ty: NAT };
      case 'push': return op('push', [['s', S], ['v', E]], S, (q, v) => [mk, ['+', lenOf(q), '1'], ['store', arrOf(q), lenOf(q), v]], [a[0]!.t], ty);
      case 'update':
        return op('update', [['s', S], ['i', 'Int'], ['v', E]], S, (q, i, v) => [mk, lenOf(q), ite(and(['<=', '0', i], ['<', i, lenOf(q)]), ['store', arrOf(q), i, v], arrOf(q))], [a[0]!.t, a[1]!.t], ty);
      case 'index': return { t: ['select', arr, a[0]!.t], ty: ty.elem };
      case 'last': return { t: ['select', arr, ['-', len, '1']], ty: ty.elem };
      case 'first': return { t: ['select', arr, '0'], ty: ty.elem };
      case 'subrange': return subrange(a[0]!.t, a[1]!.t);
      case 'take': return subrange('0', a[0]!.t);
      case 'skip': return subrange(a[0]!.t, len);
      // (a function of its own, as vstd's open spec fn is: `s.drop_last()` is a trigger term)
      case 'drop_last': return op('drop_last', [['s', S]], S, (q) => [subrangeFun(), q, '0', ['-', lenOf(q), '1']], [], ty);
      case 'add':
        return op('add', [['s', S], ['b', S]], S, (q, b) => [mk, ['+', lenOf(q), lenOf(b)], [this.seqFun('cat', ty.elem), arrOf(q), lenOf(q), arrOf(b)]], [a[0]!.t], ty);
      case 'contains':
        // vstd's `exists|i| 0 <= i < s.len() && s[i] == x`
        return op('contains', [['s', S], ['x', E]], 'Bool', (q, x) => quantifier('exists', [['j', 'Int']], and(['<=', '0', 'j'], ['<', 'j', lenOf(q)], eq(['select', arrOf(q), 'j'], x)), [[['select', arrOf(q), 'j']]], { k: 'axiom', name: `${sortKey(ty)}.contains-witness` }), [a[0]!.t], BOOL);
    }
    throw new Unsupported(`Seq::${name}`, sp);
  }

  setInsertFun(this: FnGen, ty: Extract<Ty, { k: 'set' }>): string {
    return this.opFun(ty, 'insert', [['s', sortOf(ty)], ['x', sortOf(ty.elem)]], sortOf(ty), (q, e) => ['store', q, e, 'true']);
  }
  setRemoveFun(this: FnGen, ty: Extract<Ty, { k: 'set' }>): string {
    return this.opFun(ty, 'remove', [['s', sortOf(ty)], ['x', sortOf(ty.elem)]], sortOf(ty), (q, e) => ['store', q, e, 'false']);
  }

  /** What the axioms of `Set<T>`'s `finite` and `len` are written with: sorts, `insert` / `remove`, binders, the empty set. */
  setAxiomParts(this: FnGen, ty: Extract<Ty, { k: 'set' }>) {
    const key = sortKey(ty);
    const S = sortOf(ty);
    const E = sortOf(ty.elem);
    return {
      S,
      ins: this.setInsertFun(ty),
      rem: this.setRemoveFun(ty),
      origin: (what: string) => ({ k: 'axiom' as const, name: `${key}.${what}` }),
      s: ['s', S] as [string, Term],
      a: ['a', E] as [string, Term],
      empty: [['as', 'const', ['Array', E, 'Bool']], 'false'] as Term,
    };
  }

  /**
   * `Set<T>::finite`: a predicate (a set may be infinite: `Set::new(|x: int| true)`), known by
   * vstd's axioms of the version whose `Set::new` makes a set (`axiom_set_empty_finite`,
   * `axiom_set_insert_finite`, `axiom_set_remove_finite`; the union, intersection and difference
   * ones come with those operations, `finiteOpAxiom`). It was `true` before: with `Set::new`
   * giving any set, that let a proof show a finite set of all integers, and `false` from it.
   */
  setFiniteFun(this: FnGen, ty: Extract<Ty, { k: 'set' }>): string {
    const name = quote(`${sortKey(ty)}.finite`);
    if (this.axioms.has(name)) return name;
    const { S, ins, rem, origin, s, a, empty } = this.setAxiomParts(ty);
    const fin = (q: Term): Term => [name, q];
    this.axioms.set(name, [
      `(declare-fun ${name} (${print(S)}) Bool)`,
      ['assert', fin(empty)],
      ['assert', quantifier('forall', [s, a], ['=>', fin('s'), fin([ins, 's', 'a'])], [[fin([ins, 's', 'a'])]], origin('insert-finite'))],
      ['assert', quantifier('forall', [s, a], ['=>', fin('s'), fin([rem, 's', 'a'])], [[fin([rem, 's', 'a'])]], origin('remove-finite'))],
    ]);
    return name;
  }

  /** vstd's axiom that `union` / `intersect` / `difference` (the function `op`) keeps sets finite. */
  finiteOpAxiom(this: FnGen, ty: Extract<Ty, { k: 'set' }>, kind: 'union' | 'intersect' | 'difference', op: string): void {
    const key = sortKey(ty);
    const name = quote(`${key}.${kind}-finite`);
    if (this.axioms.has(name)) return;
    const fin = this.setFiniteFun(ty);
    const S = sortOf(ty);
    const app: Term = [op, 's', 't'];
    const pre: Term = kind === 'union' ? ['and', [fin, 's'], [fin, 't']] : kind === 'intersect' ? ['or', [fin, 's'], [fin, 't']] : [fin, 's'];
    this.axioms.set(name, [['assert', quantifier('forall', [['s', S], ['t', S]], ['=>', pre, [fin, app]], [[[fin, app]]], { k: 'axiom', name: `${key}.${kind}-finite` })]]);
  }

  /**
   * `Set<T>::len`: closed in vstd, so a function known only by vstd's broadcast lemmas about it,
   * stated here as axioms (with vstd's triggers): `axiom_set_empty_len`, and for a finite set
   * `axiom_set_insert_len`, `axiom_set_remove_len`, `axiom_set_contains_len`; and that it is a
   * `nat`. (An array here may hold infinitely many elements; the axioms say nothing of an
   * infinite set's `len`, so every finite set of their instances has a model.)
   */
  setLenFun(this: FnGen, ty: Extract<Ty, { k: 'set' }>): string {
    const name = quote(`${sortKey(ty)}.len`);
    if (this.axioms.has(name)) return name;
    const { S, ins, rem, origin, s, a, empty } = this.setAxiomParts(ty);
    const fin = (q: Term): Term => [this.setFiniteFun(ty), q];
    const len = (q: Term): Term => [name, q];
    this.axioms.set(name, [
      `(declare-fun ${name} (${print(S)}) Int)`,
      ['assert', quantifier('forall', [s], ['<=', '0', len('s')], [[len('s')]], origin('len-nat'))],
      ['assert', eq(len(empty), '0')],
      ['assert', quantifier('forall', [s, a], ['=>', fin('s'), eq(len([ins, 's', 'a']), ['+', len('s'), ite(['select', 's', 'a'], '0', '1')])], [[len([ins, 's', 'a'])]], origin('insert-len'))],
      ['assert', quantifier('forall', [s, a], ['=>', fin('s'), eq(len('s'), ['+', len([rem, 's', 'a']), ite(['select', 's', 'a'], '1', '0')])], [[len([rem, 's', 'a'])]], origin('remove-len'))],
      ['assert', quantifier('forall', [s, a], ['=>', ['and', fin('s'), ['select', 's', 'a']], ['not', eq(len('s'), '0')]], [[['select', 's', 'a'], len('s')]], origin('contains-len'))],
    ]);
    return name;
  }

  /** A method of `Set<T>` (an SMT array to bool) on `s`, with evaluated arguments. */
  setOp(this: FnGen, name: string, s: Term, ty: Extract<Ty, { k: 'set' }>, a: V[], sp: Sp): V {
    const x = (i: number) => a[i]!.t;
    const S = sortOf(ty);
    const E = sortOf(ty.elem);
    const op = (kind: string, params: [string, Term][], ret: Term, body: (...xs: Term[]) => Term, resTy: Ty): V =>
      ({ t: [this.opFun(ty, kind, params, ret, body), s, ...a.map((v) => v.t)], ty: resTy });
    switch (name) {
      case 'contains': return { t: ['select', s, x(0)], ty: BOOL };
      case 'insert': return { t: [this.setInsertFun(ty), s, x(0)], ty };
      case 'remove': return { t: [this.setRemoveFun(ty), s, x(0)], ty };
      case 'finite': return { t: [this.setFiniteFun(ty), s], ty: BOOL };
      case 'len': return { t: [this.setLenFun(ty), s], ty: NAT };
      case 'union': case 'intersect': case 'difference': {
        const body = { union: (q: Term, r: Term): Term => [['_', 'map', 'or'], q, r], intersect: (q: Term, r: Term): Term => [['_', 'map', 'and'], q, r], difference: (q: Term, r: Term): Term => [['_', 'map', 'and'], q, [['_', 'map', 'not'], r]] }[name];
        const f = this.opFun(ty, name, [['s', S], ['t', S]], S, body);
        this.finiteOpAxiom(ty, name, f);
        return { t: [f, s, x(0)], ty };
      }
      case 'subset_of': return op('subset_of', [['s', S], ['t', S]], 'Bool', (q, r) => eq([['_', 'map', 'and'], q, r], q), BOOL);
    }
    throw new Unsupported(`Set::${name}`, sp);
  }

  /** A method of `Map<K, V>` (domain, values) on `m`, with evaluated arguments. */
  mapOp(this: FnGen, name: string, m: Term, ty: Extract<Ty, { k: 'map' }>, a: V[], sp: Sp): V {
    const dt = this.sorts.datatype(ty);
    const domOf = (q: Term): Term => [dt.ctors[0]!.fields[0]!.acc, q];
    const valsOf = (q: Term): Term => [dt.ctors[0]!.fields[1]!.acc, q];
    const dom = domOf(m);
    const vals = valsOf(m);
    const M = sortOf(ty);
    const K = sortOf(ty.key);
    switch (name) {
      case 'dom': return { t: dom, ty: { k: 'set', elem: ty.key } };
      case 'contains_key': return { t: ['select', dom, a[0]!.t], ty: BOOL };
      // (the domain changes by the Set's own `insert` / `remove`, so that what is known of those, such
      // as the size of a set with one more element, is known of a map's domain)
      case 'insert': {
        const setTy: Extract<Ty, { k: 'set' }> = { k: 'set', elem: ty.key };
        const f = this.opFun(ty, 'insert', [['m', M], ['k', K], ['v', sortOf(ty.val)]], M, (q, k, v) => [dt.ctors[0]!.ctor, [this.setInsertFun(setTy), domOf(q), k], ['store', valsOf(q), k, v]]);
        return { t: [f, m, a[0]!.t, a[1]!.t], ty };
      }
      case 'remove': {
        const setTy: Extract<Ty, { k: 'set' }> = { k: 'set', elem: ty.key };
        const f = this.opFun(ty, 'remove', [['m', M], ['k', K]], M, (q, k) => [dt.ctors[0]!.ctor, [this.setRemoveFun(setTy), domOf(q), k], ['store', valsOf(q), k, this.sorts.dflt(ty.val)]]);
        return { t: [f, m, a[0]!.t], ty };
      }
      case 'index': return { t: ['select', vals, a[0]!.t], ty: ty.val };
    }
    throw new Unsupported(`Map::${name}`, sp);
  }
}
