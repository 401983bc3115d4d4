// Bit operations on integers (`int2bv` encodings, constant folding), `assert .. by(bit_vector)`
// (BvTranslator) and `assert .. by(nonlinear_arith)`.
// Invariant: a by(bit_vector) / by(nonlinear_arith) query is separate and sees only the
// assertion's `requires` over its free variables; in context the requires are obligations and
// the assertion is assumed after them.

import type { Expr, Sp, Stmt } from '../ast';
import type { ObligationKind } from '../../../app/verification';
import type { Obligation } from './query';
import { Crate, bits, isIntKind, isMachine, signed, type IntKind, type Ty } from '../resolver';
import { and, eq, implies, ite, not, num, or, quote, type Term } from '../smt';
import { Unsupported, State, type Mode } from './state';
import { widthOf } from '../word-size';
import { FnGen } from './gen';

export function foldBits(op: string, a: bigint, b: bigint, kind: IntKind, width = bits(kind)): bigint | null {
  const w = BigInt(width);
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

export function bvOp(op: string, a: Term, b: Term, kind: IntKind, w = bits(kind)): Term {
  const toBv = (x: Term): Term => [['_', 'int2bv', String(w)], x];
  const fn = op === '&' ? 'bvand' : op === '|' ? 'bvor' : op === '^' ? 'bvxor' : op === '<<' ? 'bvshl' : signed(kind) ? 'bvashr' : 'bvlshr';
  const r: Term = ['bv2nat', [fn, toBv(a), toBv(b)]];
  if (!signed(kind)) return r;
  const half = num(1n << BigInt(w - 1));
  const full = num(1n << BigInt(w));
  return ite(['>=', r, half], ['-', r, full], r);
}

/**
 * The value of an integer expression of literals only (`+ - * / %`, exact integers; a division by
 * zero or a negative result is not folded), with a literal's suffix if one has one; else null.
 */
export function constIntExpr(e: Expr): { value: bigint; suffix: string } | null {
  if (e.k === 'int') return e.value >= 0n ? { value: e.value, suffix: e.suffix } : null;
  if (e.k !== 'binary' || !['+', '-', '*', '/', '%'].includes(e.op)) return null;
  const a = constIntExpr(e.l);
  const b = constIntExpr(e.r);
  if (!a || !b || (a.suffix && b.suffix && a.suffix !== b.suffix)) return null;
  let v: bigint;
  switch (e.op) {
    case '+': v = a.value + b.value; break;
    case '-': v = a.value - b.value; break;
    case '*': v = a.value * b.value; break;
    case '/': if (b.value === 0n) return null; v = a.value / b.value; break;
    default: if (b.value === 0n) return null; v = a.value % b.value; break;
  }
  return v >= 0n ? { value: v, suffix: a.suffix || b.suffix } : null;
}

/** Translates a bit_vector assertion into BV terms (unsigned machine ints only). */
export class BvTranslator {
  /** `userView(e)`: whether `x@` at `e` is a user type's `view()` (not the value a `Ghost` / `Tracked` wrapper holds). */
  constructor(private crate: Crate, private env: (name: string) => { ty: Ty; sym: string } | null, private userView: (e: Expr) => boolean = () => true) {}
  /** The bit width of `kind` here: `usize` / `isize` need the crate's word width fixed. */
  width(kind: IntKind, sp: Expr['sp']): number {
    const w = widthOf(kind, this.crate.wordBits);
    if (w === null) throw new Unsupported(`\`${kind}\` in by(bit_vector) while the width of usize is not fixed (\`global size_of usize == 8;\`)`, sp);
    return w;
  }
  bool(e: Expr): Term {
    const r = this.tr(e, null);
    if (r.w !== 0) throw new Unsupported('by(bit_vector) assertion must be boolean', e.sp);
    return r.t;
  }
  /**
   * Two operands of one width: a literal takes the other operand's width (the left one's, or,
   * when the left one has none of its own, the right one's).
   */
  operands(l: Expr, r: Expr, want: number | null, sp: Expr['sp']): [{ t: Term; w: number }, { t: Term; w: number }] {
    let a: { t: Term; w: number };
    let b: { t: Term; w: number };
    try {
      a = this.tr(l, want);
      b = this.tr(r, a.w || want);
    } catch {
      b = this.tr(r, want);
      a = this.tr(l, b.w);
    }
    if (a.w !== b.w) throw new Unsupported('operands of different widths in by(bit_vector)', sp);
    return [a, b];
  }
  tr(e: Expr, want: number | null): { t: Term; w: number } {
    switch (e.k) {
      case 'bool':
        return { t: e.value ? 'true' : 'false', w: 0 };
      case 'int': {
        let w = want ?? 0;
        if (e.suffix && isIntKind(e.suffix)) w = this.width(e.suffix, e.sp);
        if (!w) throw new Unsupported('integer literal width unknown in by(bit_vector); add a suffix', e.sp);
        const mod = 1n << BigInt(w);
        if (e.value >= mod) throw new Unsupported('literal too large for its width', e.sp);
        return { t: [['_', 'bv' + e.value.toString(), String(w)]][0]!, w };
      }
      case 'path': {
        const intType = e.segs.length === 2 ? this.crate.intTypeNamed(e.segs[0]!) : null;
        if (intType && e.segs[1] === 'MAX') {
          const w = this.width(intType, e.sp);
          return { t: ['_', 'bv' + ((1n << BigInt(w)) - 1n).toString(), String(w)], w };
        }
        const c = this.crate.constIntValue(e);
        if (e.segs.length === 1) {
          const v = this.env(e.segs[0]!);
          if (v) {
            const k = v.ty;
            if (k.k === 'bool') return { t: v.sym, w: 0 };
            if (k.k !== 'int' || !isMachine(k.kind)) throw new Unsupported('by(bit_vector) supports machine integers only', e.sp);
            return { t: v.sym, w: this.width(k.kind, e.sp) };
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
        const w2 = this.width(to.kind, e.sp);
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
        // `2 * 1024 * 1024`: literals only, computed exactly (as integers), then one literal
        const folded = constIntExpr(e);
        if (folded !== null) return this.tr({ k: 'int', value: folded.value, suffix: folded.suffix, sp: e.sp }, want);
        if (['&&', '||', '==>', '<==>'].includes(op)) {
          const a = this.bool(e.l);
          const b = this.bool(e.r);
          return { t: op === '&&' ? and(a, b) : op === '||' ? or(a, b) : op === '==>' ? implies(a, b) : eq(a, b), w: 0 };
        }
        const [a, b] = this.operands(e.l, e.r, want, e.sp);
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
      case 'call': {
        // Verus's `add(a, b)` / `sub` / `mul`: wrapping, as bit-vector arithmetic is
        const name = e.callee.k === 'path' && e.callee.segs.length === 1 ? e.callee.segs[0]! : '';
        if (!['add', 'sub', 'mul'].includes(name) || e.args.length !== 2 || this.crate.fnsByName.has(name)) throw new Unsupported('call in by(bit_vector)', e.sp);
        const [a, b] = this.operands(e.args[0]!, e.args[1]!, want, e.sp);
        if (a.w === 0) throw new Unsupported('operands of different widths in by(bit_vector)', e.sp);
        return { t: [name === 'add' ? 'bvadd' : name === 'sub' ? 'bvsub' : 'bvmul', a.t, b.t], w: a.w };
      }
      case 'view':
        // `g@` of a `Ghost<usize>`: the value it holds (types erase the wrapper)
        if (this.userView(e)) throw new Unsupported('`@` of a user type in by(bit_vector)', e.sp);
        return this.tr(e.e, want);
      case 'chain':
        throw new Unsupported('chained comparison in by(bit_vector)', e.sp);
      default:
        throw new Unsupported('expression in by(bit_vector)', e.sp);
    }
  }
}

export class BitVectorMethods {
  /**
   * `proof fn f(..) by(bit_vector) requires R ensures E { }`: `R ==> E` is one bit-vector query
   * over the parameters (as for `assert(E) by(bit_vector) requires R`); callers use the contract.
   */
  bitVectorFn(this: FnGen): void {
    const f = this.info.item;
    if (f.body?.stmts.length) throw new Unsupported('a `by(bit_vector)` function with a body', f.body.sp);
    if (f.ret) throw new Unsupported('a `by(bit_vector)` function with a result', f.ret.ty.sp);
    // the contract resolves as any function's (its callers read it int-encoded)
    this.checkSignature();
    const vars = new Map(this.paramTypes(f).map((p) => [p.name, { ty: p.ty, sym: quote(p.name) }]));
    const tr = new BvTranslator(this.crate, (name) => vars.get(name) ?? null, (e) => this.cvc.checked.operatorCalls.has(e));
    const facts = f.requires.map((r) => tr.bool(r));
    const goal = and(...f.ensures.map((e) => tr.bool(e)));
    this.bitVectorObligation(new State(), 'postcondition', f.nameSp, vars, tr, facts, goal);
  }

  /**
   * An obligation whose query is `facts ==> goal` in bit-vector terms over `vars` (unsigned
   * machine integers) alone: no solver configuration besides MBQI off, no prelude.
   */
  bitVectorObligation(this: FnGen, st: State, kind: ObligationKind, sp: Sp, vars: Map<string, { ty: Ty; sym: string }>, tr: BvTranslator, facts: Term[], goal: Term): Obligation {
    const decls: string[] = [];
    for (const [, v] of [...vars].sort()) {
      const k = v.ty;
      if (k.k !== 'int' || !isMachine(k.kind) || signed(k.kind)) throw new Unsupported('by(bit_vector) supports unsigned machine integers only', sp);
      decls.push(`(declare-const ${v.sym} (_ BitVec ${tr.width(k.kind, sp)}))`);
    }
    const ob = this.makeOb(st, kind, sp, 'true');
    this.pending.set(ob, { query: { mbqi: false, options: [], prelude: [], decls, facts, goal } });
    this.obligations.push(ob);
    return ob;
  }

  bitVectorAssert(this: FnGen, s: Extract<Stmt, { k: 'assert' }>, st: State): void {
    // The BV query contains only the assertion and its requires, over the free variables.
    const vars = new Map<string, { ty: Ty; sym: string }>();
    const bvEnv = (name: string): { ty: Ty; sym: string } | null => {
      const b = st.lookup(name);
      if (!b) return null;
      let v = vars.get(name);
      if (!v) {
        v = { ty: b.ty, sym: quote(name) };
        vars.set(name, v);
      }
      return v;
    };
    const tr = new BvTranslator(this.crate, bvEnv, (e) => this.cvc.checked.operatorCalls.has(e));
    const reqs = s.req.map((r) => tr.bool(r));
    const goal = tr.bool(s.e);
    const ob = this.bitVectorObligation(st, 'assertion', s.sp, vars, tr, reqs, goal);
    ob.scope = ob.scope.filter((v) => vars.has(v.name));
    // requires are checked in context; then the (int-encoded) assertion is assumed
    for (const r of s.req) this.oblige(st, 'assertion', r.sp, this.ev(r, st, { exec: false, pure: true, nonlinear: false, bound: new Set(), triggers: null, path: [] }).t, r.sp, 'requires of by(bit_vector) not satisfied');
    this.assume(st, this.ev(s.e, st, { exec: false, pure: true, nonlinear: false, bound: new Set(), triggers: null, path: [] }).t);
  }

  nonlinearAssert(this: FnGen, s: Extract<Stmt, { k: 'assert' }>, st: State): void {
    // Separate query: only the free variables' types, the requires, and the goal, with real `*`.
    const sub = new FnGen(this.cvc, this.info);
    // its query has z3's multiplication and nonlinear arithmetic (NL_ON), as Verus' nonlinear query
    sub.nonlinearFn = true;
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
      this.pending.set(o2, { query: ob.query! });
      o2.scope = o2.scope.filter((v) => names.has(v.name));
      this.obligations.push(o2);
    }
    const gm: Mode = { exec: false, pure: true, nonlinear: false, bound: new Set(), triggers: null, path: [] };
    for (const r of s.req) this.oblige(st, 'assertion', r.sp, this.ev(r, st, gm).t, r.sp, 'requires of by(nonlinear_arith) not satisfied');
    // assume the goal in context: encode with the same (uninterpreted) multiplication as elsewhere
    this.assume(st, this.ev(s.e, st, gm).t);
  }
}
