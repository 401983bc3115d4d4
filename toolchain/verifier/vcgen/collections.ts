// Seq/array, Set and Map encodings: literals, empty values, Seq, Set and Map operations and the helper
// functions (subrange, concatenation, repetition) with their axioms.
// Invariant: Seq values are canonical (len, array with the default element outside [0, len)), so
// extensional equality is `=`; a helper function's declaration and axioms are recorded once in
// FnGen.axioms under its name.

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
          return quantifier('exists', [[j, 'Int']], and(['<=', '0', j], ['<', j, qLen], eq(['select', qArr, j], a[0]!.t)), [[['select', qArr, j]]], this.sourceQid('contains', sp));
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

  /** A method of `Set<T>` (an SMT array to bool) on `s`, with evaluated arguments. */
  setOp(this: FnGen, name: string, s: Term, ty: Extract<Ty, { k: 'set' }>, a: V[], sp: Sp): V {
    const x = (i: number) => a[i]!.t;
    switch (name) {
      case 'contains': return { t: ['select', s, x(0)], ty: BOOL };
      case 'insert': return { t: ['store', s, x(0), 'true'], ty };
      case 'remove': return { t: ['store', s, x(0), 'false'], ty };
      case 'union': return { t: [['_', 'map', 'or'], s, x(0)], ty };
      case 'intersect': return { t: [['_', 'map', 'and'], s, x(0)], ty };
      case 'difference': return { t: [['_', 'map', 'and'], s, [['_', 'map', 'not'], x(0)]], ty };
      case 'subset_of': return { t: eq([['_', 'map', 'and'], s, x(0)], s), ty: BOOL };
    }
    throw new Unsupported(`Set::${name}`, sp);
  }

  /** A method of `Map<K, V>` (domain, values) on `m`, with evaluated arguments. */
  mapOp(this: FnGen, name: string, m: Term, ty: Extract<Ty, { k: 'map' }>, a: V[], sp: Sp): V {
    const dt = this.sorts.datatype(ty);
    const dom: Term = [dt.ctors[0]!.fields[0]!.acc, m];
    const vals: Term = [dt.ctors[0]!.fields[1]!.acc, m];
    switch (name) {
      case 'dom': return { t: dom, ty: { k: 'set', elem: ty.key } };
      case 'contains_key': return { t: ['select', dom, a[0]!.t], ty: BOOL };
      case 'insert': return { t: [dt.ctors[0]!.ctor, ['store', dom, a[0]!.t, 'true'], ['store', vals, a[0]!.t, a[1]!.t]], ty };
      case 'remove': return { t: [dt.ctors[0]!.ctor, ['store', dom, a[0]!.t, 'false'], ['store', vals, a[0]!.t, this.sorts.dflt(ty.val)]], ty };
      case 'index': return { t: ['select', vals, a[0]!.t], ty: ty.val };
    }
    throw new Unsupported(`Map::${name}`, sp);
  }
}
