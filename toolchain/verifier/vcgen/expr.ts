// Expression evaluation for spec and exec code: literals, paths, operators (machine-int
// overflow, division and shift obligations in exec code), casts, fields, indexing, if/match,
// patterns, struct literals, macros.
// Invariant: pure (spec) evaluation yields a term and records no obligation; exec evaluation may
// add facts and obligations and update the State, and returns null when control does not go on.

import { byWidth, rangeBounds, rangeTerms, widthOf } from '../word-size';
import type { Block, Expr, Pat, Sp } from '../ast';
import { positionalPats, wrapperPattern } from '../ast';
import { hasVerifierAttr } from '../../syntax/attributes';
import { isLibraryFile } from '../library/load';
import { BOOL, CHAR, INT, REAL, STR, ResolveError, UNIT, intRange, isIntKind, isMachine, isRawPtr, signed, tyEq, tyStr, type IntKind, type Ty } from '../resolver';
import { and, eq, implies, ite, not, num, or, print, quote, realNum, sortOf, strLiteralTerm, type Datatype, type Term } from '../smt';
import { quantifier } from '../qid';
import { Unsupported, DivergeSignal, State, type V, type Mode, type LoopCtx } from './state';
import { bvOp, foldBits } from './bitvector';
import type { FnGen } from './gen';
import { decreasesTo } from './spec-fns';

/** A tuple-like pattern's sub-pattern per field (the checking phase made sure they fit). */
function spread(elems: Pat[], restAt: number | undefined, n: number, sp: Sp): Pat[] {
  const ps = positionalPats(elems, restAt, n, sp);
  if (!ps) throw new ResolveError(`a pattern of ${elems.length} fields for ${n}`, sp);
  return ps;
}

export function isNumeral(t: Term): bigint | null {
  if (typeof t === 'string') return /^\d+$/.test(t) ? BigInt(t) : null;
  if (t.length === 2 && t[0] === '-' && typeof t[1] === 'string' && /^\d+$/.test(t[1])) return -BigInt(t[1]);
  return null;
}

/** A conservative value range of simple terms: numerals, `mod` by a constant, `bv2nat`. */
export function knownRange(t: Term): [bigint, bigint] | null {
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

export function foldConst(op: string, a: bigint, b: bigint): bigint | null {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    default: return null;
  }
}

export class ExprMethods {
  evalPure(this: FnGen, e: Expr, st: State, m: Mode, allowOld = false): V {
    void allowOld;
    return this.ev(e, st, { ...m, pure: true, exec: false });
  }
  evalBlockPure(this: FnGen, b: Block, st: State, m: Mode): V {
    const s2 = st.clone();
    s2.push();
    let last: V = { t: 'true', ty: UNIT };
    for (let i = 0; i < b.stmts.length; i++) {
      const s = b.stmts[i]!;
      if (s.k === 'let') {
        if (!s.init) throw new Unsupported('`let` without initializer in spec code', s.sp);
        const declTy = s.ty ? this.synTy(s.ty) : null;
        // (an untyped `None` / `X::empty()` takes the annotation's type, as in exec code)
        const v = declTy ? this.fit(this.ev(s.init, s2, m), declTy) : this.ev(s.init, s2, m);
        const ty = declTy ?? v.ty;
        this.bindPat(s.pat, { t: v.t, ty }, s2, m, false);
      } else if (s.k === 'expr') {
        if (i !== b.stmts.length - 1 || s.semi) throw new Unsupported('statements in spec code', s.sp);
        last = this.ev(s.e, s2, m);
      } else if (s.k === 'assert' || s.k === 'assume' || s.k === 'proof' || s.k === 'reveal' || s.k === 'broadcast-use') {
        // ghost statements inside spec blocks carry no meaning for the value
      } else throw new Unsupported('statement in spec code', s.sp);
    }
    return last;
  }

  /** Unified evaluator. In non-pure mode it may extend facts/obligations and update `st`;
   * returns null when control does not continue (return/break/continue). */
  ev(this: FnGen, e: Expr, st: State, m: Mode): V {
    const r = this.evOpt(e, st, m);
    if (!r) throw new DivergeSignal();
    return r;
  }

  evOpt(this: FnGen, e: Expr, st: State, m: Mode): V | null {
    switch (e.k) {
      case 'int': {
        if (e.suffix) {
          if (!isIntKind(e.suffix)) throw new Unsupported(`integer suffix ${e.suffix}`, e.sp);
          return { t: num(e.value), ty: { k: 'int', kind: e.suffix } };
        }
        // the checking phase typed every literal (Rust's inference); VC generation only reads it
        const ty = this.cvc.checked.exprTypes.get(e);
        if (!ty) {
          // the checking phase stops at a construct it cannot judge (the item is unsupported
          // there): the rest of that item (a callee's clause, an inline body) is left untyped
          this.throwCheckerGap(e.sp);
          throw new Error(`the checking phase left the literal at offset ${e.sp.start} untyped`);
        }
        return { t: num(e.value), ty };
      }
      case 'bool':
        return { t: e.value ? 'true' : 'false', ty: BOOL };
      case 'char':
        return { t: String(e.value), ty: CHAR };
      case 'real':
        return { t: realNum(e.num, e.den), ty: REAL };
      case 'str':
        this.sorts.need(STR);
        return { t: strLiteralTerm(e.value), ty: STR };
      case 'bytes':
        return this.byteLiteral(e.value);
      case 'try':
        return this.evTry(e, st, m);
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
        if (this.cvc.checked.variantOps.get(e)?.op === 'read') return this.unionRead(r, e.name, st, m, e.sp);
        return this.field(r, e.name, e.sp);
      }
      case 'index': {
        // `x[i]` on a user type: the `spec_index` / `index` call the checking phase resolved
        const viaIndex = this.cvc.checked.operatorCalls.get(e);
        if (viaIndex) return this.evMethod(viaIndex, st, m);
        // (`u.a[i]` of a union: Rust evaluates the index before it reads the place `u.a`)
        if (this.cvc.checked.variantOps.get(e.recv)?.op === 'read' && e.idx.k !== 'range') {
          const i = this.ev(e.idx, st, m);
          return this.index(this.ev(e.recv, st, m), i, st, m, e.sp);
        }
        const r = this.ev(e.recv, st, m);
        if (e.idx.k === 'range') return this.checkedRangeIndex(r, e.idx, st, m, e.sp);
        const i = this.ev(e.idx, st, m);
        return this.index(r, i, st, m, e.sp);
      }
      case 'view': {
        const viaView = this.cvc.checked.operatorCalls.get(e);
        if (viaView) return this.evMethod(viaView, st, m);
        const r = this.ev(e.e, st, m);
        const ty = r.ty;
        if (ty.k === 'array') return { t: r.t, ty: { k: 'seq', elem: ty.elem } };
        return r;
      }
      case 'cast': {
        const v = this.ev(e.e, st, m);
        const to = this.synTy(e.ty);
        const float = this.cvc.checked.floatCasts.get(e);
        if (float) return float === 'same' ? { t: v.t, ty: to } : this.floatCast(v, to, st, e.sp);
        return this.cast(v, to, e.sp);
      }
      case 'if':
        return this.evIf(e, st, m);
      case 'match':
        return this.evMatch(e, st, m);
      case 'block':
        if (m.pure) return this.evalBlockPure(e.block, st, m);
        if (e.invariantBlock) return this.invariantBlock(e, st, m);
        if (e.isolationBoundary && this.fnCtx) {
          const saved = this.fnCtx.isolationBoundary;
          this.fnCtx.isolationBoundary = st.scopes.length;
          try {
            return this.execBlock(e.block, st, m);
          } finally {
            this.fnCtx.isolationBoundary = saved;
          }
        }
        return this.execBlock(e.block, st, m);
      case 'closure':
        return this.cvc.checked.exprTypes.get(e)?.k === 'closure' ? this.execClosure(e, st) : this.specClosure(e, st, m);
      case 'quant':
        return this.evQuant(e, st, m);
      case 'struct':
        return this.evStruct(e, st, m);
      case 'tuple': {
        // `()` is the unit datatype's one value (a unit variable has that sort too)
        if (e.elems.length === 0) return { t: this.sorts.datatype(UNIT).ctors[0]!.ctor, ty: UNIT };
        const vs = e.elems.map((x) => this.ev(x, st, m));
        const ty: Ty = { k: 'tuple', elems: vs.map((v) => v.ty) };
        const dt = this.sorts.datatype(ty);
        return { t: [dt.ctors[0]!.ctor, ...vs.map((v) => v.t)], ty };
      }
      case 'array': {
        if (!e.elems.length) throw new Unsupported('empty array literal', e.sp);
        const vs = e.elems.map((x) => this.ev(x, st, m));
        const elemTy = vs[0]!.ty;
        const ty: Ty = { k: 'array', elem: elemTy, len: vs.length };
        return { t: this.seqLit(ty, vs.map((v) => v.t)), ty };
      }
      case 'array-rep': {
        const v = this.ev(e.elem, st, m);
        const n = this.crate.constIntValue(e.len);
        const elemTy = v.ty;
        if (n === null) {
          // `[a; N]` of a const generic parameter: its length is the parameter's value
          const param = e.len.k === 'path' && e.len.segs.length === 1 ? this.cur.item.genericParams?.find((p) => p.kind === 'const' && p.name === (e.len as { segs: string[] }).segs[0]) : undefined;
          if (!param) throw new Unsupported('array length must be constant', e.len.sp);
          const len = this.ev(e.len, st, m).t;
          const ty: Ty = { k: 'array', elem: elemTy, len: param.name };
          const dt = this.sorts.datatype(ty);
          return { t: [dt.ctors[0]!.ctor, len, [this.seqFun('rep', elemTy), v.t, len]], ty };
        }
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
        const l = this.targetLoop(e.label);
        // (the checker knows every label: one not found here is named from its loop's condition)
        if (!l || m.pure) throw new Unsupported(e.label ? '`break` from the condition of its loop' : '`break` outside a loop', e.sp);
        l.breaks.push(st.clone());
        return null;
      }
      case 'continue': {
        const l = this.targetLoop(e.label);
        if (!l || m.pure) throw new Unsupported(e.label ? '`continue` from the condition of its loop' : '`continue` outside a loop', e.sp);
        l.check(st, e.sp);
        return null;
      }
      case 'while': case 'loop':
        if (m.pure) throw new Unsupported('loop in spec code', e.sp);
        return this.execLoop(e, st, m);
      case 'assign':
        if (m.pure) throw new Unsupported('assignment in spec code', e.sp);
        return this.execAssign(e, st, m);
      case 'range':
        throw new Unsupported('unsupported: range expression', e.sp);
      case 'unsupported':
        throw new Unsupported(`unsupported: ${e.what}`, e.sp);
    }
  }

  /** The loop a `break` / `continue` leaves: the innermost, or the one with its label (checked). */
  targetLoop(this: FnGen, label: string | undefined): LoopCtx | undefined {
    const loops = this.fnCtx?.loops ?? [];
    return label === undefined ? loops[loops.length - 1] : [...loops].reverse().find((l) => l.label === label);
  }

  evPath(this: FnGen, e: Extract<Expr, { k: 'path' }>, st: State, m: Mode): V {
    const fnItem = this.cvc.checked.fnValues.get(e);
    if (fnItem) return this.fnItemValue(fnItem, e);
    // `U` of a unit struct: its one value (a constructor without fields, at the checker's type)
    if (this.cvc.checked.unitStructs.has(e)) {
      const recorded = this.cvc.checked.exprTypes.get(e);
      if (!recorded || recorded.k !== 'struct') throw new ResolveError(`type annotations needed for \`${e.segs.join('::')}\``, e.sp);
      const ty = this.instTy(recorded);
      const built: V = { t: this.sorts.datatype(ty).ctors[0]!.ctor, ty };
      if (!m.pure) this.checkInvariant(st, built, e.sp);
      return built;
    }
    const segs = e.segs;
    const last = segs[segs.length - 1]!;
    if (segs.length === 1) {
      const b = st.lookup(last);
      if (b) return { t: b.term, ty: b.ty };
      // a const generic parameter: its value at the current instantiation, or its constant
      const gp = this.cur.item.genericParams?.find((p) => p.name === last && p.kind === 'const');
      if (gp) return { t: this.constParamValue(last), ty: { k: 'int', kind: this.constParamKind(last) } };
    }
    // integer type constants
    const intType = segs.length === 2 ? this.crate.intTypeNamed(segs[0]!) : null;
    if (intType && (last === 'MAX' || last === 'MIN' || last === 'BITS')) {
      const k = intType;
      const r = rangeTerms(k, this.crate.wordBits);
      if (last === 'BITS') return { t: byWidth(k, this.crate.wordBits, (w) => num(w)), ty: { k: 'int', kind: 'u32' } };
      const v = last === 'MAX' ? r.max : r.min;
      if (v === null) throw new Unsupported(`${segs.join('::')}`, e.sp);
      return { t: v, ty: { k: 'int', kind: k } };
    }
    // enum variant without payload
    const variant = this.findVariant(segs, e.sp, undefined, e);
    if (variant) {
      if (variant.ctor.fields.length) throw new Unsupported('enum variant constructor used as a value', e.sp);
      if (!m.pure) this.checkInvariant(st, { t: variant.ctor.ctor, ty: variant.ty }, e.sp);
      return { t: variant.ctor.ctor, ty: variant.ty };
    }
    // const
    // (in a constant's value, `Self` is the constant's impl's type, not the reader's)
    const cname = this.crate.memberName(segs, this.constSelfType !== undefined ? this.constSelfType : this.cur.item.selfType);
    const c = this.crate.constItem(cname, e.sp);
    if (c) {
      const ty = this.crate.resolveType(c.ty, c.selfType);
      const outer = this.constSelfType;
      // an exec constant with a contract: the call of its function, here (exec code only: the checker's rule)
      if (c.viaFn) {
        this.constSelfType = c.selfType;
        try {
          return this.ev(c.value, st, m);
        } finally {
          this.constSelfType = outer;
        }
      }
      const cst = new State();
      this.constSelfType = c.selfType;
      let v: V;
      try {
        v = this.ev(c.value, cst, this.specMode([]));
      } finally {
        this.constSelfType = outer;
      }
      // (its value is built in spec mode: where exec code reads it, the type's invariant is asserted)
      if (!m.pure) this.checkInvariant(st, { t: v.t, ty }, e.sp);
      return { t: v.t, ty };
    }
    if (last === 'None' && (segs.length === 1 || (segs.length === 2 && segs[0] === 'Option'))) {
      // the type the checking phase inferred from the context; else typed later by `fit`
      const ty = this.recordedType(e);
      if (ty?.k === 'enum' && ty.name === 'Option') return { t: this.sorts.datatype(ty).ctors[0]!.ctor, ty };
      return { t: this.placeholder(['$none'], e.sp), ty: UNIT };
    }
    throw new ResolveError(`cannot find value \`${segs.join('::')}\``, e.sp);
  }

  /** `at`: the expression naming the variant (its checked type gives a generic enum's arguments). */
  findVariant(this: FnGen, segs: string[], sp: Sp, expected?: Ty, at?: Expr): { ty: Ty; dt: Datatype; ctor: Datatype['ctors'][number] } | null {
    const last = segs[segs.length - 1]!;
    if (segs.length === 1 && (last === 'Some' || last === 'None')) {
      // Option: the payload type is decided by the caller (see evCall / patterns)
      if (expected && expected.k === 'enum' && (expected as { name: string }).name === 'Option') {
        const dt = this.sorts.datatype(expected);
        return { ty: expected, dt, ctor: dt.ctors.find((c) => c.name === last)! };
      }
      return null;
    }
    if (segs.length < 2) return null;
    let en = segs[segs.length - 2]!;
    if (en === 'Self') en = this.cur.item.selfType ?? en;
    if (en === 'Option' && expected) return this.findVariant([last], sp, expected);
    const item = this.crate.enumItem(en);
    if (!item) return null;
    // a generic enum's arguments: the expected type (a pattern), else the checker's type of the expression
    const recorded = item.generics.length && !expected && at ? this.cvc.checked.exprTypes.get(at) : undefined;
    if (item.generics.length && !expected && recorded?.k !== 'enum') throw new ResolveError(`type annotations needed for \`${en}::${last}\``, sp);
    const ty: Ty = !item.generics.length ? { k: 'enum', name: en, args: [] } : expected?.k === 'enum' && expected.name === en ? expected : this.instTy(recorded!);
    const dt = this.sorts.datatype(ty);
    const ctor = dt.ctors.find((c) => c.name === last);
    if (!ctor) throw new ResolveError(`no variant \`${last}\` in enum \`${en}\``, sp);
    return { ty, dt, ctor };
  }

  evUnary(this: FnGen, e: Extract<Expr, { k: 'unary' }>, st: State, m: Mode): V {
    if (e.op === '&' || e.op === '&mut' || e.op === '*') return this.ev(e.e, st, m);
    const v = this.ev(e.e, st, m);
    const ty = v.ty;
    if (e.op === '!') {
      if (ty.k === 'bool') return { t: not(v.t), ty: BOOL };
      if (ty.k === 'int' && isMachine(ty.kind)) {
        if (signed(ty.kind)) return { t: ['-', ['-', v.t], '1'], ty };
        return { t: ['-', rangeTerms(ty.kind, this.crate.wordBits).max!, v.t], ty };
      }
      throw new Unsupported('`!` on this type', e.sp);
    }
    // negation
    if (ty.k === 'real') return { t: ['-', v.t], ty };
    const c = isNumeral(v.t);
    // (`-1i32` is a literal of its type, as rustc reads it: bit operations on it take its width)
    const typedLiteral = e.e.k === 'int' && !!e.e.suffix && ty.k === 'int' && isMachine(ty.kind) && signed(ty.kind);
    if (c !== null) return { t: num(-c), ty: ty.k === 'int' && !m.exec && !typedLiteral ? INT : v.ty };
    if (ty.k === 'int' && m.exec && isMachine(ty.kind)) {
      if (!signed(ty.kind)) throw new ResolveError('cannot negate an unsigned integer', e.sp);
      this.oblige(st, 'overflow', e.sp, ['<', rangeTerms(ty.kind, this.crate.wordBits).min!, v.t]);
      return { t: ['-', v.t], ty };
    }
    return { t: ['-', v.t], ty: m.exec ? v.ty : INT };
  }

  compare(this: FnGen, op: string, a: V, b: V, sp: Sp): V {
    a = this.fit(a, b.ty);
    b = this.fit(b, a.ty);
    // `=~=` on a library type with extensional equality and uninterpreted operations (`Multiset`):
    // an application of its own, equal to `==`, so the library's axiom about it has a term to
    // trigger on
    if (op === '=~=' || op === '!~=' || op === '=~~=' || op === '!~~=') {
      const ty = a.ty;
      const def = ty.k === 'struct' ? this.crate.structs.get(ty.name)?.[0] : undefined;
      if (def && isLibraryFile(def.file) && hasVerifierAttr(def.item.attrs ?? [], 'ext_equal')) {
        const sort = sortOf(ty);
        const f = this.opFun(ty, 'ext_eq', [['a', sort], ['b', sort]], 'Bool', (x, y) => eq(x, y));
        const app: Term = [f, a.t, b.t];
        return { t: op.startsWith('!') ? not(app) : app, ty: BOOL };
      }
    }
    switch (op) {
      case '==': case '=~=': case '=~~=': case '===': return { t: eq(a.t, b.t), ty: BOOL };
      case '!=': case '!~=': case '!~~=': case '!==': return { t: not(eq(a.t, b.t)), ty: BOOL };
      case '<': case '<=': case '>': case '>=': return { t: [op, a.t, b.t], ty: BOOL };
    }
    throw new ResolveError(`bad comparison ${op}`, sp);
  }

  evBinary(this: FnGen, e: Extract<Expr, { k: 'binary' }>, st: State, m: Mode): V {
    // `a + b` on a Set (..): the library's `spec_add` (..) the checking phase resolved
    const viaMethod = this.cvc.checked.operatorCalls.get(e);
    if (viaMethod) return this.ev(viaMethod, st, m);
    const op = e.op;
    if (op === '&&' || op === '||' || op === '==>' || op === '<==' || op === '<==>') {
      const l = this.ev(e.l, st, m);
      if (op === '<==>') return { t: eq(l.t, this.ev(e.r, st, m).t), ty: BOOL };
      if (op === '<==') return { t: implies(this.ev(e.r, st, m).t, l.t), ty: BOOL };
      const guard = op === '||' ? not(l.t) : l.t;
      // (proof code goes the exec way too: an assignment in the rhs happens only where it runs)
      if (m.pure) {
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
    if (['==', '!=', '<', '<=', '>', '>=', '=~=', '!~=', '=~~=', '!~~=', '===', '!=='].includes(op)) return this.compare(op, l, r, e.sp);
    // (spec `/` and `%` of one unsigned machine type keep it: the checking phase's type)
    return this.arith(op, l, r, st, m, e.sp, op === '/' || op === '%' ? this.cvc.checked.exprTypes.get(e) : undefined);
  }

  arith(this: FnGen, op: string, l: V, r: V, st: State, m: Mode, sp: Sp, checkedTy?: Ty): V {
    const lt = l.ty;
    const rt = r.ty;
    if (lt.k === 'seq' && op === '+') return this.seqOp('add', { t: l.t, ty: lt }, [r], sp);
    if (lt.k === 'bool' && (op === '&' || op === '|' || op === '^')) {
      return { t: op === '&' ? and(l.t, r.t) : op === '|' ? or(l.t, r.t) : not(eq(l.t, r.t)), ty: BOOL };
    }
    if (lt.k === 'real' && rt.k === 'real') return this.realArith(op, l.t, r.t, m, sp);
    if (lt.k !== 'int' || rt.k !== 'int') throw new ResolveError(`operator \`${op}\` needs integer operands, found ${tyStr(lt)} and ${tyStr(rt)}`, sp);
    // machine kind of the operation
    let kind: IntKind | null = lt.k === 'int' ? lt.kind : rt.k === 'int' && op !== '<<' && op !== '>>' ? rt.kind : null;
    if (op === '<<' || op === '>>') kind = lt.k === 'int' ? lt.kind : null;
    const a = l.t;
    const b = r.t;
    const ca = isNumeral(a);
    const cb = isNumeral(b);
    const exec = m.exec && (kind === null || isMachine(kind));
    const kept = exec ? undefined : checkedTy;
    const resTy: Ty = exec ? { k: 'int', kind: kind! } : (op === '<<' || op === '>>' || op === '&' || op === '|' || op === '^') && kind ? { k: 'int', kind } : kept?.k === 'int' && isMachine(kept.kind) ? kept : INT;
    const range = kind ? rangeTerms(kind, this.crate.wordBits) : { min: null, max: null };
    let t: Term;
    switch (op) {
      case '+': t = ['+', a, b]; break;
      case '-': t = ['-', a, b]; break;
      case '*':
        if (ca !== null || cb !== null || m.nonlinear || this.nonlinearFn) t = ['*', a, b];
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
        const minNum = range.min === null ? null : isNumeral(range.min);
        if (exec && trunc && (cb === null || cb === -1n) && (ca === null || minNum === null || ca === minNum)) this.oblige(st, 'overflow', sp, not(and(eq(a, range.min!), eq(b, num(-1)))));
        return { t, ty: resTy };
      }
      case '&': case '|': case '^': case '<<': case '>>': {
        if (!kind || !isMachine(kind)) throw new ResolveError(`bit operator \`${op}\` needs machine integer operands`, sp);
        const word = this.crate.wordBits;
        if (op === '<<' || op === '>>') {
          if (exec || m.exec) this.oblige(st, 'overflow', sp, and(['<=', '0', b], ['<', b, byWidth(kind, word, (w) => num(w))]), undefined, 'possible bit shift underflow/overflow: the shift amount must be at least 0 and less than the bit width');
        }
        // an amount whose type is wider than the value's may be 2^w or more, which `int2bv` would
        // wrap: at least the width shifts every bit out, as by(bit_vector) reads it
        const mayWrap = (w: number): boolean => (op === '<<' || op === '>>') && !(rt.k === 'int' && isMachine(rt.kind) && (widthOf(rt.kind, word) ?? 64) <= w);
        const shiftedOut: Term = op === '<<' || !signed(kind) ? '0' : ite(['<', a, '0'], num(-1), '0');
        if (ca !== null && cb !== null) {
          const v = byWidth(kind, word, (w) => {
            const x = foldBits(op, ca, cb, kind, w);
            if (x === null && mayWrap(w) && cb >= BigInt(w)) return op === '<<' || !signed(kind) || ca >= 0n ? '0' : num(-1);
            return x === null ? bvOp(op, a, b, kind, w) : num(x);
          });
          return { t: v, ty: { k: 'int', kind } };
        }
        // (a constant amount below 2^w is exact in `int2bv`, where at least the width already
        // shifts every bit out: no `ite`, so that the term can be a trigger as written)
        t = byWidth(kind, word, (w) => {
          if (!mayWrap(w)) return bvOp(op, a, b, kind, w);
          if (cb !== null) return cb >= 1n << BigInt(w) ? shiftedOut : bvOp(op, a, b, kind, w);
          return ite(['>=', b, num(w)], shiftedOut, bvOp(op, a, b, kind, w));
        });
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
      if (range.max !== null && (op === '+' || op === '*' || signed(kind))) this.oblige(st, 'overflow', sp, ['<=', t, range.max]);
      if (range.min !== null && (op === '-' || signed(kind))) this.oblige(st, 'underflow', sp, ['<=', range.min, t]);
    }
    return { t, ty: resTy };
  }

  /**
   * `+ - * /` of two reals (ghost code), SMT-LIB's real arithmetic; `/` by zero is some real
   * (SMT-LIB's `/` is total). A product or quotient of two values that are not literals is read
   * only in `by(nonlinear_arith)` (and where its goal is assumed): elsewhere Verus does not give the
   * solver its nonlinear meaning, and z3 finds proofs with it that Verus does not.
   */
  realArith(this: FnGen, op: string, a: Term, b: Term, m: Mode, sp: Sp): V {
    if (op !== '+' && op !== '-' && op !== '*' && op !== '/') throw new ResolveError(`operator \`${op}\` on reals`, sp);
    const literal = (t: Term): boolean => (typeof t === 'string' ? /^\d+\.\d+$/.test(t) : (t[0] === '-' && t.length === 2) || t[0] === '/' ? t.slice(1).every(literal) : false);
    const linear = op === '*' ? literal(a) || literal(b) : op === '/' ? literal(b) : true;
    if (!linear && !m.nonlinear && !m.realProducts && !this.nonlinearFn) throw new Unsupported(`\`${op}\` of two reals that are not literals outside \`by(nonlinear_arith)\``, sp);
    return { t: [op, a, b], ty: REAL };
  }

  /** A nondeterministic cast from or to a float type: a fresh value of which `float_cast_spec(v, to)` holds (vstd). */
  floatCast(this: FnGen, v: V, to: Ty, st: State, sp: Sp): V {
    const spec = this.crate.fn('float_cast_spec', sp, this.cur.item, ['float_cast_spec']);
    if (!spec) throw new Unsupported('a float cast without the library\'s `float_cast_spec`', sp);
    const key = this.cvc.specInstance(spec, [v.ty, to], sp);
    this.specUsed.add(key);
    const c = this.havoc('cast', to);
    this.assume(st, [quote(key), v.t, c]);
    return { t: c, ty: to };
  }

  cast(this: FnGen, v: V, to: Ty, sp: Sp): V {
    const from = v.ty;
    const tn = to;
    // a raw pointer (library/vstd/raw_ptr.rs: a struct of its `PtrData`) as another pointer type:
    // the same address and provenance, with `()` metadata; as an integer: its address
    if (isRawPtr(from)) {
      const data = this.sorts.datatype(from).ctors[0]!.fields[0]!;
      const dataDt = this.sorts.datatype(data.ty).ctors[0]!;
      const field = (name: string) => [dataDt.fields.find((f) => f.name === name)!.acc, [data.acc, v.t]] as Term;
      if (isRawPtr(tn)) {
        const toDt = this.sorts.datatype(tn).ctors[0]!;
        const toData = this.sorts.datatype(toDt.fields[0]!.ty).ctors[0]!;
        const unit = this.sorts.datatype(UNIT).ctors[0]!.ctor;
        return { t: [toDt.ctor, [toData.ctor, field('addr'), field('provenance'), unit]], ty: tn };
      }
      if (tn.k === 'int') return tn.kind === 'usize' ? { t: field('addr'), ty: tn } : this.cast({ t: field('addr'), ty: { k: 'int', kind: 'usize' } }, tn, sp);
      throw new Unsupported(`cast of a raw pointer to ${tyStr(tn)}`, sp);
    }
    // an integer as a real (Verus's ghost `as real`)
    if (tn.k === 'real') {
      if (from.k === 'real') return v;
      if (from.k === 'int') return { t: ['to_real', v.t], ty: REAL };
      throw new Unsupported(`cast from ${tyStr(from)} to real`, sp);
    }
    // `u8 as char` (the only cast to char rustc allows): the same code point; Verus's ghost code
    // casts any integer: a scalar value is itself, anything else some char (`char.clip`)
    if (tn.k === 'char' && from.k === 'int') return { t: from.kind === 'u8' ? v.t : [this.charClip(), v.t], ty: CHAR };
    if (tn.k !== 'int') {
      if (tyEq(from, tn)) return v;
      throw new Unsupported(`cast to ${tyStr(tn)}`, sp);
    }
    if (from.k === 'bool') return { t: ite(v.t, '1', '0'), ty: tn };
    // a char is its code point (0..=0x10FFFF): `as u32` and wider keep it, narrower ones wrap
    if (from.k === 'char') return this.cast({ t: v.t, ty: { k: 'int', kind: 'u32' } }, tn, sp);
    if (from.k !== 'int') throw new Unsupported(`cast from ${tyStr(from)}`, sp);
    // `as int` keeps the value; `as nat` clips a negative value to 0, as Verus's nClip
    if (tn.kind === 'nat') return { t: intRange(from.kind).min !== null && intRange(from.kind).min! >= 0n ? v.t : ite(['>=', v.t, '0'], v.t, '0'), ty: tn };
    if (!isMachine(tn.kind)) return { t: v.t, ty: tn };
    const word = this.crate.wordBits;
    const c = isNumeral(v.t);
    // values the target surely holds (at every possible width of usize) need no wrapping
    const tr = rangeBounds(tn.kind, word, 'narrow');
    if (c !== null && c >= tr.min! && c <= tr.max!) return { t: v.t, ty: tn };
    const kr = knownRange(v.t);
    if (kr && kr[0] >= tr.min! && kr[1] <= tr.max!) return { t: v.t, ty: tn };
    if (from.k === 'int') {
      const fr = rangeBounds(from.kind, word, 'wide');
      if (fr.min !== null && fr.max !== null && fr.min >= tr.min! && fr.max <= tr.max!) return { t: v.t, ty: tn };
    }
    return { t: byWidth(tn.kind, word, (width) => this.wrapTo(v.t, tn.kind, width)), ty: tn };
  }
  /** `char.clip`: an integer as a char (itself when it is a Unicode scalar value, else some char). */
  /**
   * A byte string literal: `(bytes.lit ID)`, one uninterpreted `[u8; N]` per distinct content (so
   * two literals are equal exactly when their bytes are, by the injectivity axiom), whose length
   * and byte ranges (its type's invariant) are facts of the query; its bytes are known only after
   * `reveal_byteslit`, as in Verus.
   */
  byteLiteral(this: FnGen, bytes: number[]): V {
    const ty: Ty = { k: 'array', elem: { k: 'int', kind: 'u8' }, len: bytes.length };
    const t = this.sorts.byteLiteral(bytes, ty);
    const key = print(t);
    if (!this.byteLiterals.has(key)) {
      this.byteLiterals.add(key);
      this.facts.push(this.typeInv(t, ty));
    }
    return { t, ty };
  }

  charClip(this: FnGen): string {
    const name = quote('char.clip');
    if (this.axioms.has(name)) return name;
    const app: Term = [name, 'x'];
    this.axioms.set(name, [
      `(declare-fun ${name} (Int) Int)`,
      ['assert', quantifier('forall', [['x', 'Int']], and(this.typeInv(app, CHAR), implies(this.typeInv('x', CHAR), eq(app, 'x'))), [[app]], { k: 'axiom', name: 'char.clip' })],
    ]);
    return name;
  }
  /** `t` as a `kind` of `width` bits: a literal folded, else the in-range case first. */
  wrapTo(this: FnGen, t: Term, kind: IntKind, width: number): Term {
    const w = BigInt(width);
    const mod = 1n << w;
    const c = isNumeral(t);
    if (c !== null) {
      let x = ((c % mod) + mod) % mod;
      if (signed(kind) && x >= mod >> 1n) x -= mod;
      return num(x);
    }
    // the same value as the wrapped one, with the in-range case first: z3 then needs no
    // modular arithmetic where the range is known from the context (`i as usize` for 0 <= i < N)
    const min = signed(kind) ? -(mod >> 1n) : 0n;
    const max = signed(kind) ? (mod >> 1n) - 1n : mod - 1n;
    const inRange = and(['<=', num(min), t], ['<=', t, num(max)]);
    if (signed(kind)) {
      const half = num(mod >> 1n);
      return ite(inRange, t, ['-', ['mod', ['+', t, half], num(mod)], half]);
    }
    return ite(inRange, t, ['mod', t, num(mod)]);
  }

  field(this: FnGen, r: V, name: string, sp: Sp): V {
    const ty = r.ty;
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

  index(this: FnGen, r: V, i: V, st: State, m: Mode, sp: Sp): V {
    const ty = r.ty;
    if (ty.k === 'seq' || ty.k === 'array') {
      const dt = this.sorts.datatype(ty);
      const len: Term = this.seqLen(ty, r.t);
      if (m.exec && !m.pure) this.oblige(st, 'index-bounds', sp, and(['<=', '0', i.t], ['<', i.t, len]));
      // (vstd's `array_index_get` / `slice_index_get` are not `no_unwind`)
      if (m.exec && !m.pure) this.builtinCall(st, sp, 'false');
      return { t: ['select', [dt.ctors[0]!.fields[1]!.acc, r.t], i.t], ty: ty.elem };
    }
    if (ty.k === 'map') {
      const dt = this.sorts.datatype(ty);
      return { t: ['select', [dt.ctors[0]!.fields[1]!.acc, r.t], i.t], ty: ty.val };
    }
    throw new ResolveError(`cannot index into ${tyStr(ty)}`, sp);
  }

  /**
   * `r[lo..hi]` (Rust's range forms; `..=hi` is `..hi + 1`, a missing bound the start or the end)
   * of an array or slice: the slice of those elements, and whether the bounds are in range (exec
   * code must show they are: `index-bounds`, as rustc's panic).
   */
  rangeIndex(this: FnGen, r: V, range: Extract<Expr, { k: 'range' }>, st: State, m: Mode, sp: Sp): { slice: V; inBounds: Term } {
    const ty = r.ty;
    if (ty.k !== 'array') throw new ResolveError(`cannot index into ${tyStr(ty)} with a range`, sp);
    const len = this.seqLen(ty, r.t);
    const lo = range.lo ? this.ev(range.lo, st, m).t : '0';
    const hi = range.hi ? (range.inclusive ? ['+', this.ev(range.hi, st, m).t, '1'] : this.ev(range.hi, st, m).t) : len;
    const inBounds = and(['<=', '0', lo], ['<=', lo, hi], ['<=', hi, len]);
    const elems = this.seqOp('subrange', { t: r.t, ty: { k: 'seq', elem: ty.elem } }, [{ t: lo, ty: INT }, { t: hi, ty: INT }], sp);
    return { slice: { t: elems.t, ty: { k: 'array', elem: ty.elem, len: null } }, inBounds };
  }

  /** `r[..]` of exec code: the slice, once its bounds are shown in range. */
  checkedRangeIndex(this: FnGen, r: V, range: Extract<Expr, { k: 'range' }>, st: State, m: Mode, sp: Sp): V {
    const { slice, inBounds } = this.rangeIndex(r, range, st, m, sp);
    if (m.exec && !m.pure) this.oblige(st, 'index-bounds', sp, inBounds);
    if (m.exec && !m.pure) this.builtinCall(st, sp, 'false');
    return slice;
  }

  /**
   * `e?`: on `Some(v)` / `Ok(v)` the value is `v`; otherwise the function returns `None` /
   * `Err(x)` from here (the checking phase made sure its return type has that variant, and the same
   * error type), and the code after it runs only on the first path.
   */
  evTry(this: FnGen, e: Extract<Expr, { k: 'try' }>, st: State, m: Mode): V | null {
    if (m.pure) throw new Unsupported('the `?` operator in spec code', e.sp);
    const v0 = this.evOpt(e.e, st, m);
    if (!v0) return null;
    const v: V = typeof v0.t === 'string' ? v0 : { t: this.define('$try', v0), ty: v0.ty };
    const retTy = this.fnCtx!.retTy;
    if (v.ty.k !== 'enum' || retTy.k !== 'enum' || retTy.name !== v.ty.name) throw new ResolveError('`?` of a value that is not the function\'s kind of `Option` / `Result`', e.sp);
    const [okName, errName] = v.ty.name === 'Option' ? ['Some', 'None'] : ['Ok', 'Err'];
    const dt = this.sorts.datatype(v.ty);
    const ok = dt.ctors.find((c) => c.name === okName)!;
    const err = dt.ctors.find((c) => c.name === errName)!;
    const rErr = this.sorts.datatype(retTy).ctors.find((c) => c.name === errName)!;
    const isOk: Term = [['_', 'is', ok.tester], v.t];
    const pos = this.lineCol(e.sp.start);
    const early = this.branchOf(st, not(isOk), `\`?\` returning early at ${pos}`, e.sp, true);
    const residual: Term = err.fields.length ? [rErr.ctor, [err.fields[0]!.acc, v.t]] : rErr.ctor;
    this.fnCtx!.returns(early, { t: residual, ty: retTy }, e.sp);
    st.path.push(isOk);
    st.trace.push({ cond: isOk, label: `\`?\` going on at ${pos}` });
    return { t: [ok.fields[0]!.acc, v.t], ty: ok.fields[0]!.ty };
  }

  /**
   * A copy of `st` that goes on under `cond` (one side of a two-way branch at `sp`): its path,
   * the proof state's branch, and the label and trace a counterexample's path is read from.
   */
  branchOf(this: FnGen, st: State, cond: Term, label: string, sp: Sp, negated: boolean): State {
    const s = st.clone();
    s.path.push(cond);
    this.proofState.branch(cond, { sp, negated, kind: 'if' });
    s.labels.push(label);
    s.trace.push({ cond, label });
    return s;
  }

  evIf(this: FnGen, e: Extract<Expr, { k: 'if' }>, st: State, m: Mode): V | null {
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
      return { t: ite(c.t, a2.t, b.t), ty: a2.ty };
    }
    const pos = this.lineCol(e.sp.start);
    const base = st.path.length;
    const s1 = this.branchOf(st, c.t, `then-branch at ${pos}`, e.cond.sp, false);
    const s2 = this.branchOf(st, not(c.t), `else-branch at ${pos}`, e.cond.sp, true);
    const v1 = this.execBlock(e.then, s1, m);
    const v2 = e.els ? this.evOpt(e.els, s2, m) : { t: 'true', ty: UNIT };
    const live: { s: State; v: V }[] = [];
    if (v1) live.push({ s: s1, v: v1 });
    if (v2) live.push({ s: s2, v: v2 });
    return this.mergeValues(st, live, base);
  }

  evMatch(this: FnGen, e: Extract<Expr, { k: 'match' }>, st: State, m: Mode): V | null {
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
        const pty = typed[0]!.v.ty;
        for (const v of vals) if (isPh(v.v)) v.v = this.fit(v.v, pty);
      } else if (vals.every((v) => print(v.v.t) === print(vals[0]!.v.t))) return vals[0]!.v; // typed by the context
      let t = vals[vals.length - 1]!.v.t;
      for (let i = vals.length - 2; i >= 0; i--) t = ite(vals[i]!.c, vals[i]!.v.t, t);
      return { t, ty: vals[0]!.v.ty };
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
      this.proofState.branch(s2.path[s2.path.length - 1]!, { sp: a.arm.pat.sp, negated: false, kind: 'match-arm' });
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
  patCond(this: FnGen, p: Pat, v: V, binds: [string, V][], sp: Sp): Term {
    switch (p.k) {
      case 'wild':
        return 'true';
      case 'bind':
        binds.push([p.name, v]);
        return p.sub ? this.patCond(p.sub, v, binds, sp) : 'true';
      case 'lit': {
        const lv = this.ev(p.value, new State(), this.specMode([]));
        return eq(v.t, lv.t);
      }
      case 'range': {
        const lo = p.lo && this.ev(p.lo, new State(), this.specMode([])).t;
        const hi = p.hi && this.ev(p.hi, new State(), this.specMode([])).t;
        return and(lo ? ['<=', lo, v.t] : 'true', hi ? [p.inclusive ? '<=' : '<', v.t, hi] : 'true');
      }
      case 'or': {
        // each name is the value the first matching alternative binds (the checking phase made sure
        // all of them bind the same names, at the same types)
        const alts = p.alts.map((a) => {
          const b: [string, V][] = [];
          return { c: this.patCond(a, v, b, sp), b };
        });
        const last = alts[alts.length - 1]!;
        for (const [name, lastV] of last.b) {
          let t = lastV.t;
          for (let i = alts.length - 2; i >= 0; i--) {
            const own = alts[i]!.b.find(([n]) => n === name);
            if (!own) throw new ResolveError(`variable \`${name}\` is not bound in all patterns`, p.sp);
            t = ite(alts[i]!.c, own[1].t, t);
          }
          binds.push([name, { t, ty: lastV.ty }]);
        }
        return or(...alts.map((a) => a.c));
      }
      case 'tuple': {
        const ty = v.ty;
        if (ty.k !== 'tuple') throw new ResolveError('tuple pattern on non-tuple', p.sp);
        return and(...spread(p.elems, p.restAt, ty.elems.length, p.sp).map((q, i) => this.patCond(q, this.field(v, String(i), p.sp), binds, sp)));
      }
      case 'variant': {
        // (a constant's name: the value must equal it)
        const constant = this.cvc.checked.constPatterns.get(p);
        if (constant) return eq(v.t, this.ev(constant, new State(), this.specMode([])).t);
        const ty = v.ty;
        const vr = this.findVariant(p.path, p.sp, ty);
        if (!vr) {
          if (ty.k === 'struct' && p.path[p.path.length - 1] === ty.name) {
            // (`S { a, .. }`, and `S(a, .., z)` of a tuple struct: its fields by position)
            const positional = p.args ? spread(p.args, p.restAt, this.sorts.datatype(ty).ctors[0]!.fields.length, p.sp).map((q, i) => this.patCond(q, this.field(v, String(i), p.sp), binds, sp)) : [];
            return and(...(p.fields ?? []).map((f) => this.patCond(f.pat, this.field(v, f.name, p.sp), binds, sp)), ...positional);
          }
          throw new ResolveError(`cannot resolve pattern \`${p.path.join('::')}\``, p.sp);
        }
        const ctor = vr.ctor;
        const conds: Term[] = [vr.dt.ctors.length > 1 ? [['_', 'is', ctor.tester], v.t] : 'true'];
        if (p.args) {
          spread(p.args, p.restAt, ctor.fields.length, p.sp).forEach((q, i) => {
            const f = ctor.fields[i]!;
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

  bindPat(this: FnGen, p: Pat, v: V, st: State, m: Mode, mut: boolean): void {
    if (p.k === 'bind') {
      st.declare(p.name, { ty: v.ty, term: v.t, mut: mut || p.mut });
      if (p.sub) this.bindPat(p.sub, v, st, m, mut);
      return;
    }
    if (p.k === 'wild') return;
    if (p.k === 'tuple') {
      const n = v.ty.k === 'tuple' ? v.ty.elems.length : p.elems.length;
      spread(p.elems, p.restAt, n, p.sp).forEach((q, i) => this.bindPat(q, this.field(v, String(i), p.sp), st, m, mut));
      return;
    }
    // `let S { a, b: x } = s;` / `let S(a, _) = s;`: a struct pattern always matches
    const last = p.k === 'variant' ? p.path[p.path.length - 1] : undefined;
    // `let Tracked(x) = t;`: the wrapped value (types erase the wrapper)
    const w = wrapperPattern(p);
    if (w && !(v.ty.k === 'enum' && this.sorts.datatype(v.ty).ctors.some((c) => c.name === w.wrapper))) {
      this.bindPat(w.inner, v, st, m, mut);
      return;
    }
    // `let E::V(a, b) = e;` of an enum with one variant: always matches
    if (p.k === 'variant' && v.ty.k === 'enum' && v.ty.name !== 'Option') {
      const dt = this.sorts.datatype(v.ty);
      const c = dt.ctors.length === 1 && dt.ctors[0]!.name === last ? dt.ctors[0]! : undefined;
      if (c) {
        if (p.args) spread(p.args, p.restAt, c.fields.length, p.sp).forEach((q, i) => { const f = c.fields[i]!; this.bindPat(q, { t: [f.acc, v.t], ty: f.ty }, st, m, mut); });
        for (const fp of p.fields ?? []) {
          const f = c.fields.find((x) => x.name === fp.name);
          if (f) this.bindPat(fp.pat, { t: [f.acc, v.t], ty: f.ty }, st, m, mut);
        }
        return;
      }
    }
    if (p.k === 'variant' && v.ty.k === 'struct' && (last === v.ty.name || last === 'Self')) {
      for (const f of p.fields ?? []) this.bindPat(f.pat, this.field(v, f.name, p.sp), st, m, mut);
      if (p.args) spread(p.args, p.restAt, this.sorts.datatype(v.ty).ctors[0]!.fields.length, p.sp).forEach((q, i) => this.bindPat(q, this.field(v, String(i), p.sp), st, m, mut));
      return;
    }
    throw new Unsupported('refutable pattern in `let`', p.sp);
  }

  /**
   * `u.x` of a union in exec / proof code: Verus's obligation that `x` is the field the union holds
   * (reading another is undefined behaviour), then that field's value.
   */
  unionRead(this: FnGen, u: V, field: string, st: State, m: Mode, sp: Sp): V {
    const c = this.sorts.datatype(u.ty).ctors.find((x) => x.name === field);
    if (!c) throw new ResolveError(`no field \`${field}\` for this union`, sp);
    if (!m.pure) this.oblige(st, 'precondition', sp, [['_', 'is', c.tester], u.t], undefined, `to access this field, the union must be in the correct variant (\`${field}\`)`);
    return { t: [c.fields[0]!.acc, u.t], ty: c.fields[0]!.ty };
  }
  evStruct(this: FnGen, e: Extract<Expr, { k: 'struct' }>, st: State, m: Mode): V {
    // `U { x: e }` of a union: its variant `x`
    if (this.cvc.checked.variantOps.get(e)?.op === 'build') {
      const recorded = this.recordedType(e);
      if (!recorded || recorded.k !== 'enum') throw new ResolveError('the type of this union expression is not known', e.sp);
      const c = this.sorts.datatype(recorded).ctors.find((x) => x.name === e.fields[0]!.name)!;
      const v = this.fit(this.ev(e.fields[0]!.e, st, m), c.fields[0]!.ty);
      return { t: [c.ctor, v.t], ty: recorded };
    }
    const last = e.path[e.path.length - 1]!;
    let ty: Ty;
    let ctor: Datatype['ctors'][number];
    // (a `ghost` field's value is spec code: no machine arithmetic, as inside `Ghost(..)`)
    let ghostFields = new Set<string>();
    const vr = e.path.length >= 2 ? this.findVariant(e.path, e.sp, undefined, e) : null;
    if (vr) {
      ty = vr.ty;
      ctor = vr.ctor;
      ghostFields = new Set((ty.k === 'enum' ? this.crate.variantFields(ty.name, ctor.name) : []).filter((f) => f.mode === 'ghost').map((f) => f.name));
    } else {
      const name = last === 'Self' ? this.cur.item.selfType! : last;
      const item = this.crate.struct(name, e.sp);
      ghostFields = new Set(item.fields.filter((f) => f.mode === 'ghost').map((f) => f.name));
      // (a generic struct's arguments: the checker's type of the literal)
      const recorded = this.cvc.checked.exprTypes.get(e);
      if (!recorded || recorded.k !== 'struct') throw new ResolveError(`type annotations needed for \`${name}\``, e.sp);
      ty = this.instTy(recorded);
      ctor = this.sorts.datatype(ty).ctors[0]!;
    }
    // Rust evaluates the field expressions in source order, then the `..base` expression
    const vals = new Map<string, V>();
    for (const f of e.fields) vals.set(f.name, this.ev(f.e, st, ghostFields.has(f.name) ? { ...m, exec: false } : m));
    const base = e.base ? this.ev(e.base, st, m) : null;
    const args: Term[] = ctor.fields.map((f) => {
      const v = vals.get(f.name);
      if (v) return this.fit(v, f.ty).t;
      if (base) return [f.acc, base.t];
      throw new ResolveError(`missing field \`${f.name}\``, e.sp);
    });
    for (const k of vals.keys()) if (!ctor.fields.some((f) => f.name === k)) throw new ResolveError(`no field \`${k}\``, e.sp);
    const built: V = { t: args.length ? [ctor.ctor, ...args] : ctor.ctor, ty };
    // (a value built by exec or proof code; spec code's values carry no invariant)
    if (!m.pure) this.checkInvariant(st, built, e.sp);
    return built;
  }

  evMacro(this: FnGen, e: Extract<Expr, { k: 'macro' }>, st: State, m: Mode): V {
    if (e.name === 'decreases_to' && e.split !== undefined) {
      const vs = e.args.map((a) => this.measureOf(this.ev(a, st, { ...m, exec: false }), a.sp));
      return { t: decreasesTo(vs.slice(e.split), vs.slice(0, e.split)), ty: BOOL };
    }
    if ((e.name === 'seq' || e.name === 'set') && !e.args.length) {
      // `seq![]` / `set![]`: the empty value of the type the checking phase inferred from its context
      const recorded = this.cvc.checked.exprTypes.get(e);
      const ty = recorded && this.instTy(recorded);
      if (ty && ty.k === (e.name === 'seq' ? 'seq' : 'set')) return { t: this.emptyOf(ty), ty };
    }
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
      // vstd's `set!`: `Set::empty().insert(a).insert(b) ..`
      const ty: Extract<Ty, { k: 'set' }> = { k: 'set', elem };
      let t: Term = [['as', 'const', ['Array', sortOf(elem), 'Bool']], 'false'];
      for (const v of vs) t = [this.setInsertFun(ty), t, v.t];
      return { t, ty };
    }
    if (e.name === 'map') {
      // vstd's `map!`: `Map::empty().insert(k1, v1).insert(k2, v2) ..` (a later key overwrites)
      const recorded = this.cvc.checked.exprTypes.get(e);
      const ty = recorded && this.instTy(recorded);
      if (!ty || ty.k !== 'map') throw new Unsupported('`map!` whose key and value types are not known', e.sp);
      let t = this.emptyOf(ty);
      for (let i = 0; i + 1 < e.args.length; i += 2) {
        const k = this.fit(this.ev(e.args[i]!, st, m), ty.key);
        const v = this.fit(this.ev(e.args[i + 1]!, st, m), ty.val);
        t = this.mapOp('insert', t, ty, [k, v], e.sp).t;
      }
      return { t, ty };
    }
    throw new Unsupported(`macro \`${e.name}!\``, e.sp);
  }
  specElemTy(this: FnGen, vs: V[]): Ty {
    return vs[0]?.ty ?? INT;
  }
}
