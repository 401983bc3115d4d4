// Bit operations on integers (`int2bv` encodings, constant folding), `assert .. by(bit_vector)`
// (BvTranslator) and `assert .. by(nonlinear_arith)`.
// Invariant: a by(bit_vector) / by(nonlinear_arith) query is separate and sees only the
// assertion's `requires` over its free variables; in context the requires are obligations and
// the assertion is assumed after them.

import type { Block, Expr, Sp, Stmt } from '../ast';
import type { ObligationKind } from '../../../app/verification';
import type { Obligation } from './query';
import { Crate, ResolveError, bits, isIntKind, isMachine, signed, tyStr, type IntKind, type Ty } from '../resolver';
import { and, eq, implies, ite, not, num, or, quote, type Term } from '../smt';
import { Unsupported, State, type Mode } from './state';
import { widthOf, type WordBits } from '../word-size';
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

/**
 * A term of a bit-vector query: a bool (`w` 0), or an integer as a bit-vector of `w` bits read
 * as unsigned (`ext` 'zero') or two's complement (`ext` 'sign'). `kind`: the machine type the
 * expression has (for `!` and `<<`, whose meaning depends on it), null for `int` and literals.
 */
interface BvTerm {
  t: Term;
  w: number;
  ext: 'zero' | 'sign';
  kind: IntKind | null;
  /** an integer literal (or a constant): it takes the other operand's type */
  literal?: bigint;
}

const BOOL_TERM = (t: Term): BvTerm => ({ t, w: 0, ext: 'zero', kind: null });

function extend(x: BvTerm, to: number): Term {
  if (to === x.w) return x.t;
  // (a literal is written at the width it is needed at)
  if (x.literal !== undefined) return ['_', 'bv' + (x.literal >= 0n ? x.literal : (1n << BigInt(to)) + x.literal).toString(), String(to)];
  return [['_', x.ext === 'sign' ? 'sign_extend' : 'zero_extend', String(to - x.w)], x.t];
}
function truncate(t: Term, to: number): Term {
  return [['_', 'extract', String(to - 1), '0'], t];
}
function extendOrTruncate(x: BvTerm, to: number): Term {
  return to > x.w ? extend(x, to) : to < x.w ? truncate(x.t, to) : x.t;
}
/** The same value, two's complement (one more bit for an unsigned one). */
function asSigned(x: BvTerm): BvTerm {
  return x.ext === 'sign' ? x : { ...x, t: extend(x, x.w + 1), w: x.w + 1, ext: 'sign' };
}
/** Both operands at one width and reading, the values unchanged (Verus's make_same_bv_typ). */
function sameRepresentation(a: BvTerm, b: BvTerm): [BvTerm, BvTerm] {
  const aw = a.ext === 'zero' && b.ext === 'sign' ? a.w + 1 : a.w;
  const bw = b.ext === 'zero' && a.ext === 'sign' ? b.w + 1 : b.w;
  const w = Math.max(aw, bw);
  const ext = a.ext === 'sign' || b.ext === 'sign' ? 'sign' : 'zero';
  return [{ ...a, t: extend(a, w), w, ext }, { ...b, t: extend(b, w), w, ext }];
}
/** A literal in the fewest bits that hold it exactly. */
function literalTerm(v: bigint): BvTerm {
  if (v >= 0n) {
    const w = Math.max(v.toString(2).length, 1);
    return { t: ['_', 'bv' + v.toString(), String(w)], w, ext: 'zero', kind: null, literal: v };
  }
  const w = (-1n - v).toString(2).length + 1;
  return { t: ['_', 'bv' + ((1n << BigInt(w)) + v).toString(), String(w)], w, ext: 'sign', kind: null, literal: v };
}

/**
 * Translates a bit_vector assertion into BV terms, as Verus does: every integer term means its
 * exact integer value (`+`, `-`, `*` computed in enough bits to lose nothing, comparisons of any
 * two widths, casts truncating to their type), so a fact proved here is the same fact in the
 * integer encoding of the function, where it is then assumed.
 */
export class BvTranslator {
  /** fresh bit-vector constants the query declares (a division by zero's value) */
  readonly extraDecls: string[] = [];
  /** the value of each division by zero met, by its operands */
  private readonly divisionsByZero = new Map<string, string>();
  /** the variables of the quantifiers around the expression being translated, innermost last */
  private bound: Map<string, BvTerm>[] = [];
  /**
   * `userView(e)`: whether `x@` at `e` is a user type's `view()` (not the value a `Ghost` /
   * `Tracked` wrapper holds). `word`: the width of `usize` this translation takes (Verus proves a
   * query that depends on it at 32 and at 64 bits when the crate does not fix it: forWordWidths).
   */
  constructor(private crate: Crate, private env: (name: string) => { ty: Ty; sym: string } | null, private userView: (e: Expr) => boolean = () => true, private word: WordBits = crate.wordBits) {}
  /** The bit width of `kind` here: `usize` / `isize` need the word width fixed. */
  width(kind: IntKind, sp: Expr['sp']): number {
    const w = widthOf(kind, this.word);
    if (w === null) throw new WordWidthNeeded(`\`${kind}\` in by(bit_vector) while the width of usize is not fixed (\`global size_of usize == 8;\`)`, sp);
    return w;
  }
  bool(e: Expr): Term {
    const r = this.tr(e);
    if (r.w !== 0) throw new Unsupported('by(bit_vector) assertion must be boolean', e.sp);
    return r.t;
  }
  private int(e: Expr): BvTerm {
    const r = this.tr(e);
    if (r.w === 0) throw new Unsupported('a boolean where by(bit_vector) needs an integer', e.sp);
    return r;
  }
  /** A machine integer of `kind` as a term (a variable, a constant of the type). */
  private typed(t: Term, kind: IntKind, sp: Expr['sp']): BvTerm {
    return { t, w: this.width(kind, sp), ext: signed(kind) ? 'sign' : 'zero', kind };
  }
  /**
   * The machine type an operation of `a` and `b` has (Rust gives both operands one type; a
   * literal takes the other's, and must be a value of it, as rustc requires).
   */
  private operationKind(a: BvTerm, b: BvTerm, sp: Expr['sp']): IntKind | null {
    const kind = a.kind ?? b.kind;
    for (const x of [a, b]) {
      if (x.literal === undefined || !kind) continue;
      const w = this.width(kind, sp);
      const [lo, hi] = signed(kind) ? [-(1n << BigInt(w - 1)), (1n << BigInt(w - 1)) - 1n] : [0n, (1n << BigInt(w)) - 1n];
      if (x.literal < lo || x.literal > hi) throw new Unsupported(`a literal outside \`${kind}\` in a bit operation in by(bit_vector)`, sp);
    }
    return kind;
  }
  tr(e: Expr): BvTerm {
    switch (e.k) {
      case 'bool':
        return BOOL_TERM(e.value ? 'true' : 'false');
      case 'int': {
        const lit = literalTerm(e.value);
        return this.suffixed(lit, e.suffix, e.sp);
      }
      case 'path': {
        const intType = e.segs.length === 2 ? this.crate.intTypeNamed(e.segs[0]!) : null;
        if (intType && isMachine(intType) && (e.segs[1] === 'MAX' || e.segs[1] === 'MIN')) {
          const w = this.width(intType, e.sp);
          const v = e.segs[1] === 'MAX' ? (signed(intType) ? (1n << BigInt(w - 1)) - 1n : (1n << BigInt(w)) - 1n) : signed(intType) ? -(1n << BigInt(w - 1)) : 0n;
          return { ...literalTerm(v), kind: intType, literal: undefined };
        }
        if (e.segs.length === 1) {
          for (let i = this.bound.length - 1; i >= 0; i--) {
            const b = this.bound[i]!.get(e.segs[0]!);
            if (b) return b;
          }
          const v = this.env(e.segs[0]!);
          if (v) {
            const k = v.ty;
            if (k.k === 'bool') return BOOL_TERM(v.sym);
            if (k.k !== 'int' || !isMachine(k.kind)) throw notBitVectorType(k, e.sp);
            return this.typed(v.sym, k.kind, e.sp);
          }
        }
        const c = this.crate.constIntValue(e);
        if (c !== null) return literalTerm(c);
        throw new Unsupported('name in by(bit_vector)', e.sp);
      }
      case 'unary': {
        if (e.op === '&' || e.op === '*') return this.tr(e.e);
        if (e.op === '!') {
          const x = this.tr(e.e);
          if (x.w === 0) return BOOL_TERM(not(x.t));
          if (!x.kind) throw new Unsupported('`!` of an integer without a machine type in by(bit_vector)', e.sp);
          if (signed(x.kind)) {
            const s = asSigned(x);
            return { t: ['bvnot', s.t], w: s.w, ext: 'sign', kind: x.kind };
          }
          const w = this.width(x.kind, e.sp);
          return { t: ['bvnot', extendOrTruncate(x, w)], w, ext: 'zero', kind: x.kind };
        }
        // `-x` is `0 - x` (a negative literal is a literal)
        if (e.e.k === 'int') return this.suffixed(literalTerm(-e.e.value), e.e.suffix, e.sp);
        return this.arith('-', literalTerm(0n), this.int(e.e));
      }
      case 'cast': {
        const to = this.crate.resolveType(e.ty, null);
        const x = this.int(e.e);
        if (to.k !== 'int') throw new Unsupported('cast in by(bit_vector)', e.sp);
        if (to.kind === 'int') return { ...x, kind: null, literal: undefined };
        if (to.kind === 'nat') {
          if (x.ext !== 'zero') throw new Unsupported('not supported: nat cast here', e.sp);
          return { ...x, kind: null, literal: undefined };
        }
        return this.clip(x, to.kind, e.sp);
      }
      case 'binary': {
        const op = e.op;
        if (['&&', '||', '==>', '<==', '<==>'].includes(op)) {
          const a = this.bool(e.l);
          const b = this.bool(e.r);
          return BOOL_TERM(op === '&&' ? and(a, b) : op === '||' ? or(a, b) : op === '==>' ? implies(a, b) : op === '<==' ? implies(b, a) : eq(a, b));
        }
        const l = this.tr(e.l);
        const r = this.tr(e.r);
        if ((l.w === 0) !== (r.w === 0)) throw new Unsupported('a boolean and an integer compared in by(bit_vector)', e.sp);
        if (op === '==' || op === '!=') {
          const [a, b] = l.w === 0 ? [l, r] : sameRepresentation(l, r);
          return BOOL_TERM(op === '==' ? eq(a.t, b.t) : not(eq(a.t, b.t)));
        }
        if (l.w === 0) throw new Unsupported(`operator \`${op}\` on booleans in by(bit_vector)`, e.sp);
        switch (op) {
          case '<': case '<=': case '>': case '>=': {
            const [a, b] = sameRepresentation(l, r);
            const name = { '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' }[op];
            return BOOL_TERM([(a.ext === 'sign' ? 'bvs' : 'bvu') + name, a.t, b.t]);
          }
          case '&': case '|': case '^': {
            const kind = this.operationKind(l, r, e.sp);
            const [a, b] = sameRepresentation(l, r);
            return { t: [op === '&' ? 'bvand' : op === '|' ? 'bvor' : 'bvxor', a.t, b.t], w: a.w, ext: a.ext, kind };
          }
          case '<<': case '>>':
            return this.shift(op, l, r, e.sp);
          case '+': case '-': case '*':
            return this.arith(op, l, r);
          case '/': case '%':
            return this.divide(op, l, r, e.sp);
        }
        throw new Unsupported(`operator \`${op}\` in by(bit_vector)`, e.sp);
      }
      case 'call': {
        // Verus's `add(a, b)` / `sub` / `mul`: the operation, wrapped to the operands' type
        const name = e.callee.k === 'path' && e.callee.segs.length === 1 ? e.callee.segs[0]! : '';
        if (!['add', 'sub', 'mul'].includes(name) || e.args.length !== 2 || this.crate.fnsByName.has(name)) throw new Unsupported('call in by(bit_vector)', e.sp);
        const a = this.int(e.args[0]!);
        const b = this.int(e.args[1]!);
        const kind = this.operationKind(a, b, e.sp);
        if (!kind || (a.kind && b.kind && a.kind !== b.kind)) throw new Unsupported('operands of different types in by(bit_vector)', e.sp);
        return this.clip(this.arith(name === 'add' ? '+' : name === 'sub' ? '-' : '*', a, b), kind, e.sp);
      }
      case 'view':
        // `g@` of a `Ghost<usize>`: the value it holds (types erase the wrapper)
        if (this.userView(e)) throw new Unsupported('`@` of a user type in by(bit_vector)', e.sp);
        return this.tr(e.e);
      case 'if': {
        // `if c { a } else { b }` with blocks holding one expression each
        const only = (b: Block | null): Expr | null => {
          const st = b?.stmts.length === 1 ? b.stmts[0]! : null;
          return st?.k === 'expr' && !st.semi ? st.e : null;
        };
        const thenE = only(e.then);
        const elsE = e.els?.k === 'block' ? only(e.els.block) : e.els?.k === 'if' ? e.els : null;
        if (!thenE || !elsE) throw new Unsupported('`if` with statements in by(bit_vector)', e.sp);
        const c = this.bool(e.cond);
        const a = this.tr(thenE);
        const b = this.tr(elsE);
        if ((a.w === 0) !== (b.w === 0)) throw new Unsupported('`if` of a boolean and an integer in by(bit_vector)', e.sp);
        if (a.w === 0) return BOOL_TERM(ite(c, a.t, b.t));
        const [x, y] = sameRepresentation(a, b);
        return { t: ite(c, x.t, y.t), w: x.w, ext: x.ext, kind: a.kind === b.kind ? a.kind : null };
      }
      case 'trigger':
        // (`#[trigger] e` marks a trigger of the quantifier around it; the mark itself is `e`)
        return this.tr(e.e);
      case 'quant': {
        // `forall|a: u32, ..| body` over machine integers and bools (its triggers kept)
        if (e.q === 'choose') throw new Unsupported('`choose` in by(bit_vector)', e.sp);
        const scope = new Map<string, BvTerm>();
        const binders: Term[] = [];
        for (const p of e.params) {
          const ty = p.ty.k === 'infer' ? null : this.crate.resolveType(p.ty, null);
          const sym = quote(`${p.name}@${this.bound.length}`);
          if (ty?.k === 'bool') {
            scope.set(p.name, BOOL_TERM(sym));
            binders.push([sym, 'Bool']);
          } else if (ty?.k === 'int' && isMachine(ty.kind)) {
            const x = this.typed(sym, ty.kind, p.sp);
            scope.set(p.name, x);
            binders.push([sym, ['_', 'BitVec', String(x.w)]]);
          } else throw new Unsupported('a quantified variable other than a machine integer or a bool (with its type written) in by(bit_vector)', p.sp);
        }
        this.bound.push(scope);
        try {
          const body = this.bool(e.body);
          const triggers = e.triggers.map((group) => group.map((t) => this.tr(t).t));
          const pattern: Term = triggers.length ? ['!', body, ...triggers.flatMap((g): Term[] => [':pattern', g])] : body;
          return BOOL_TERM([e.q, binders, pattern]);
        } finally {
          this.bound.pop();
        }
      }
      case 'chain':
        throw new Unsupported('chained comparison in by(bit_vector)', e.sp);
      case 'block': {
        // `{ let z = y; e }`: each name bound to its value's term, for the tail
        const stmts = e.block.stmts;
        const tail = stmts[stmts.length - 1];
        if (e.invariantBlock || tail?.k !== 'expr' || tail.semi) throw new Unsupported('a block other than `{ let x = e; .. tail }` in by(bit_vector)', e.sp);
        const scope = new Map<string, BvTerm>();
        this.bound.push(scope);
        try {
          for (const st of stmts.slice(0, -1)) {
            if (st.k !== 'let' || st.pat.k !== 'bind' || st.pat.sub || st.ty || !st.init) throw new Unsupported('a statement other than `let x = e;` (without a type) in a block in by(bit_vector)', st.sp);
            scope.set(st.pat.name, this.tr(st.init));
          }
          return this.tr(tail.e);
        } finally {
          this.bound.pop();
        }
      }
      default:
        throw new Unsupported('expression in by(bit_vector)', e.sp);
    }
  }

  /** A literal with its type suffix (`7u8`), which it must be a value of (rustc). */
  private suffixed(lit: BvTerm, suffix: string, sp: Expr['sp']): BvTerm {
    if (!suffix || !isIntKind(suffix) || !isMachine(suffix)) return lit;
    this.operationKind(lit, { t: '', w: 1, ext: 'zero', kind: suffix }, sp);
    return { ...lit, kind: suffix };
  }

  /** `x as kind`: the value truncated to the type (Verus's clip). */
  private clip(x: BvTerm, kind: IntKind, sp: Expr['sp']): BvTerm {
    const w = this.width(kind, sp);
    const ext = signed(kind) ? 'sign' : 'zero';
    if (w > x.w) {
      // a wider type keeps the value, unless a negative one becomes unsigned
      if (x.ext === 'sign' && ext === 'zero') return { t: extend(x, w), w, ext, kind };
      return { ...x, kind, literal: undefined };
    }
    return { t: w < x.w ? truncate(x.t, w) : x.t, w, ext, kind };
  }

  /** `+`, `-`, `*` computed exactly, in enough bits for any operands of their widths. */
  private arith(op: '+' | '-' | '*', a: BvTerm, b: BvTerm): BvTerm {
    let w: number;
    let ext: 'zero' | 'sign';
    const [za, zb] = [a.ext === 'zero', b.ext === 'zero'];
    if (op === '+') {
      if (za === zb) [w, ext] = [Math.max(a.w, b.w) + 1, a.ext];
      else [w, ext] = [za ? Math.max(a.w + 2, b.w + 1) : Math.max(a.w + 1, b.w + 2), 'sign'];
    } else if (op === '-') {
      w = za && !zb ? Math.max(a.w + 2, b.w + 1) : !za && zb ? Math.max(a.w + 1, b.w + 2) : Math.max(a.w + 1, b.w + 1);
      ext = 'sign';
    } else {
      [w, ext] = [a.w + b.w, za && zb ? 'zero' : 'sign'];
    }
    return { t: [op === '+' ? 'bvadd' : op === '-' ? 'bvsub' : 'bvmul', extend(a, w), extend(b, w)], w, ext, kind: null };
  }

  /**
   * `/`, `%` as Verus's (and SMT-LIB's integer) Euclidean division: `a == b * q + r` with
   * `0 <= r < |b|`. A division by zero is some value, one for each division and operands.
   */
  private divide(op: '/' | '%', a: BvTerm, b: BvTerm, sp: Expr['sp']): BvTerm {
    // (a quotient of values of one machine type has that type, as the checker types it)
    const kind = this.operationKind(a, b, sp);
    const resultKind = kind && (a.kind ?? kind) === (b.kind ?? kind) ? kind : null;
    let w: number;
    let t: Term;
    let ext: 'zero' | 'sign';
    let bt: Term;
    if (a.ext === 'zero' && b.ext === 'zero') {
      w = Math.max(a.w, b.w);
      bt = extend(b, w);
      t = [op === '/' ? 'bvudiv' : 'bvurem', extend(a, w), bt];
      ext = 'zero';
    } else {
      // two's complement one bit wider than both (`-128 / -1` is 128), from z3's truncating
      // division: a negative remainder moves up by |b|, and the quotient one step away from b's sign
      const [sa, sb] = [asSigned(a), asSigned(b)];
      w = Math.max(sa.w, sb.w) + 1;
      const [x, y] = [extend(sa, w), extend(sb, w)];
      bt = y;
      const zero: Term = ['_', 'bv0', String(w)];
      const one: Term = ['_', 'bv1', String(w)];
      const r0: Term = ['bvsrem', x, y];
      const negative: Term = ['bvslt', r0, zero];
      if (op === '%') t = ite(negative, ['bvadd', r0, ite(['bvslt', y, zero], ['bvneg', y], y)], r0);
      else {
        const q0: Term = ['bvsdiv', x, y];
        t = ite(negative, ite(['bvslt', y, zero], ['bvadd', q0, one], ['bvsub', q0, one]), q0);
      }
      ext = 'sign';
    }
    if (b.literal !== undefined && b.literal !== 0n) return { t, w, ext, kind: ext === 'zero' ? resultKind : null };
    // (under a quantifier one constant would stand for the values at every binding, which the
    // integer encoding does not say)
    if (this.bound.length) throw new Unsupported('a division by a value that may be zero under a quantifier in by(bit_vector)', sp);
    // (the same division of the same operands is the same value, as a function of them is in the
    // integer encoding: `x % y == x % y` holds)
    const key = JSON.stringify([op, a.t, b.t, w]);
    let arbitrary = this.divisionsByZero.get(key);
    if (!arbitrary) {
      arbitrary = `bv_div0_${this.extraDecls.length}`;
      this.divisionsByZero.set(key, arbitrary);
      this.extraDecls.push(`(declare-const ${arbitrary} (_ BitVec ${w}))`);
    }
    return { t: ite(eq(bt, ['_', 'bv0', String(w)]), arbitrary, t), w, ext, kind: ext === 'zero' ? resultKind : null };
  }

  /**
   * `<<` of a machine integer (its type's width; the bits shifted out are lost) and `>>` (exact).
   * The shift amount must be unsigned; an amount of at least the width shifts every bit out (the
   * integer encoding reads a wider amount type so too: expr.ts).
   */
  private shift(op: '<<' | '>>', l: BvTerm, r: BvTerm, sp: Expr['sp']): BvTerm {
    // (Verus refuses a shift by a signed amount or a negative literal; a literal `2` is unsigned here)
    if (r.ext !== 'zero') throw new ResolveError('not supported: bit-shift with possibly negative shift', sp);
    const kind = l.kind;
    if (!kind) throw new Unsupported(`\`${op}\` of an integer without a machine type in by(bit_vector)`, sp);
    const w = this.width(kind, sp);
    // (at the wider width of the two, then the value's: an amount of `w` or more leaves 0)
    if (op === '<<' && r.w > w) {
      const atW: BvTerm = { ...l, t: extendOrTruncate(l, w), w };
      return { t: truncate(['bvshl', extend(atW, r.w), r.t], w), w, ext: signed(kind) ? 'sign' : 'zero', kind };
    }
    if (op === '<<') return { t: ['bvshl', extendOrTruncate(l, w), extend(r, w)], w, ext: signed(kind) ? 'sign' : 'zero', kind };
    // (both at the wider width, the result at the value's)
    const lw = Math.max(l.w, r.w);
    const shifted: Term = [l.ext === 'sign' ? 'bvashr' : 'bvlshr', extend(l, lw), extend(r, lw)];
    return { t: l.w < lw ? truncate(shifted, l.w) : shifted, w: l.w, ext: l.ext, kind };
  }
}

/** A translation that needs the width of `usize`, which the crate does not fix. */
class WordWidthNeeded extends Unsupported {}

/**
 * Runs `translate` with the crate's width of `usize`, or, when the query depends on a width the
 * crate does not fix, once with each of 32 and 64 bits (Verus's two queries; both must hold).
 */
function forWordWidths(crate: Crate, translate: (word: WordBits) => void): void {
  try {
    translate(crate.wordBits);
  } catch (e) {
    if (!(e instanceof WordWidthNeeded) || crate.wordBits !== null) throw e;
    translate(32);
    translate(64);
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
    forWordWidths(this.crate, (word) => {
      const tr = new BvTranslator(this.crate, (name) => vars.get(name) ?? null, (e) => this.cvc.checked.operatorCalls.has(e), word);
      const facts = f.requires.map((r) => tr.bool(r));
      const goal = and(...f.ensures.map((e) => tr.bool(e)));
      this.bitVectorObligation(new State(), 'postcondition', f.nameSp, vars, tr, facts, goal);
    });
  }

  /**
   * An obligation whose query is `facts ==> goal` in bit-vector terms over `vars` (unsigned
   * machine integers) alone: no solver configuration besides MBQI off, no prelude.
   */
  bitVectorObligation(this: FnGen, st: State, kind: ObligationKind, sp: Sp, vars: Map<string, { ty: Ty; sym: string }>, tr: BvTranslator, facts: Term[], goal: Term): Obligation {
    const decls: string[] = [];
    for (const [, v] of [...vars].sort()) {
      const k = v.ty;
      if (k.k === 'bool') {
        decls.push(`(declare-const ${v.sym} Bool)`);
        continue;
      }
      if (k.k !== 'int' || !isMachine(k.kind)) throw notBitVectorType(k, sp);
      decls.push(`(declare-const ${v.sym} (_ BitVec ${tr.width(k.kind, sp)}))`);
    }
    decls.push(...tr.extraDecls);
    const ob = this.makeOb(st, kind, sp, 'true');
    this.pending.set(ob, { query: { mbqi: false, options: [], prelude: [], decls, facts, goal } });
    this.obligations.push(ob);
    return ob;
  }

  bitVectorAssert(this: FnGen, s: Extract<Stmt, { k: 'assert' }>, st: State): void {
    // The BV query contains only the assertion and its requires, over the free variables.
    forWordWidths(this.crate, (word) => {
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
      const tr = new BvTranslator(this.crate, bvEnv, (e) => this.cvc.checked.operatorCalls.has(e), word);
      const reqs = s.req.map((r) => tr.bool(r));
      const goal = tr.bool(s.e);
      const ob = this.bitVectorObligation(st, 'assertion', s.sp, vars, tr, reqs, goal);
      ob.scope = ob.scope.filter((v) => vars.has(v.name));
    });
    // requires are checked in context; then the (int-encoded) assertion is assumed
    for (const r of s.req) this.oblige(st, 'assertion', r.sp, this.ev(r, st, this.specMode([])).t, r.sp, 'requires of by(bit_vector) not satisfied');
    this.assume(st, this.ev(s.e, st, this.specMode([])).t);
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
    const gm: Mode = { exec: false, pure: true, nonlinear: false, realProducts: true, bound: new Set(), triggers: null, path: [] };
    for (const r of s.req) this.oblige(st, 'assertion', r.sp, this.ev(r, st, gm).t, r.sp, 'requires of by(nonlinear_arith) not satisfied');
    // assume the goal in context: encode with the same (uninterpreted) multiplication as elsewhere
    this.assume(st, this.ev(s.e, st, gm).t);
  }
}

/**
 * A variable of type `k` in a bit-vector assertion, which Verus's bit-vector prover refuses (its
 * messages): an unbounded integer, a datatype; other types are not modelled here.
 */
function notBitVectorType(k: Ty, sp: Sp): Error {
  if (k.k === 'int') return new ResolveError('expected finite-width integer for bit-vector (by(bit_vector) supports machine integers only)', sp);
  if (k.k === 'struct' || k.k === 'enum') return new ResolveError(`bit_vector prover cannot handle type \`${tyStr(k)}\``, sp);
  return new Unsupported('by(bit_vector) supports machine integers only', sp);
}
