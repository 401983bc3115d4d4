// `assert(e) by(compute)` / `by(compute_only)`: proof by computation. The assertion's term is
// simplified by rewriting, with
//   - the definitional axioms of its query's prelude: `(forall (x..) (= (f x..) rhs))`, optionally
//     guarded (`(=> g (= ..))`, used where `g` simplifies to true): spec fn definitions (a recursive
//     one through its fuel axioms), the collection axioms (`Seq::push`, `Seq::subrange`, ..);
//   - the definitions `(= c t)` among the facts the query asserts unguarded (the constants the
//     expression's own `let`s made);
//   - SMT-LIB's meaning of the built-in operators (integer arithmetic with Euclidean `div`/`mod`,
//     the bit-vector operators, datatype constructors, accessors and testers, arrays, `ite`) on
//     literals, and a few identities that hold for every value (`x + 0`, `x - x`, `x & x`, `t = t`).
// Invariant: every step replaces a term by one equal to it in every model of the query (its
// prelude and facts), so a result `true` is a theorem the solver would have to accept, and a
// residual can be sent to the solver in the goal's place. Nothing here knows the source language:
// what an expression means was decided by VC generation, which made the term.
//
// A recursive spec fn is unfolded only at literal arguments (each unfolding is one level of depth:
// past MAX_DEPTH the computation is refused, as Verus refuses it); others are unfolded anywhere.

import { parseSexp } from '../counterexample';
import { num, print, type Term } from '../smt';
import type { Command } from './query';

/** A definitional axiom read left to right: `lhs` (an application) rewrites to `rhs` where `guard` holds. */
interface Rule {
  vars: ReadonlySet<string>;
  lhs: Term[];
  rhs: Term;
  guard: Term | null;
}

interface Ctor {
  name: string;
  accessors: string[];
}

export type ComputeResult =
  | { k: 'term'; t: Term }
  /** Unfolding went deeper than MAX_DEPTH (a recursion that does not reach a base case soon). */
  | { k: 'too-deep' };

/** Nested unfoldings of definitions before the computation is refused. */
export const MAX_DEPTH = 1_000;
/** Rewriting steps before the computation stops (what is left is the residual). */
const MAX_STEPS = 2_000_000;
/** Arrays materialized for a comparison hold at most this many explicit elements. */
const MAX_ELEMS = 100_000;
/** A `store` chain read at an open index becomes cases only up to this length. */
const MAX_OPEN_STORES = 64;
/** A stretch of indices where the elements differ as terms is compared index by index up to this length. */
const MAX_STRETCH = 10_000;

class TooDeep extends Error {}

export class Computer {
  private rules = new Map<string, Rule[]>();
  /** Functions with a fuel argument that does not change their value (`f(succ(F), x) = f(F, x)`). */
  private fuelIrrelevant = new Set<string>();
  private ctors = new Map<string, Ctor>();
  private accessors = new Map<string, { ctor: string; index: number }>();
  private steps = 0;
  private depth = 0;
  /** Alternative definitions of constants, one of which holds (`arch%word_bits` 32 or 64). */
  private cases: Map<string, Term>[] = [];
  /** Results of definitions at values (`f(3)`), by the application's text. */
  private calls = new Map<string, Term>();
  /** Fresh index constants of pointwise comparisons. */
  private freshIndex = 0;
  /** Constants' simplified definitions. */
  private memo = new Map<string, Term>();

  /** Literal bounds the query asserts of a term (`(<= 0 x)`: a type's range), by its text. */
  private bounds = new Map<string, { lo: bigint | null; hi: bigint | null }>();

  /**
   * `ownFacts`: the facts the computed expression's evaluation made (their definitions are used);
   * `rangeFacts`: facts whose literal bounds of a term are used (only to see that converting an
   * integer to `n` bits and back gives it back: the range of its type).
   */
  constructor(prelude: readonly Command[], ownFacts: readonly Term[], rangeFacts: readonly Term[] = []) {
    for (const c of prelude) for (const cmd of typeof c === 'string' ? (parseSexp(c) as Term[]) : [c]) this.readCommand(cmd);
    for (const f of ownFacts) this.readDefinition(f, new Set(), null);
    for (const f of rangeFacts) this.readBound(f);
  }

  private readBound(f: Term): void {
    if (!Array.isArray(f) || f.length !== 3 || (f[0] !== '<=' && f[0] !== '<')) return;
    const strict = f[0] === '<' ? 1n : 0n;
    const lo = intOf(f[1]!);
    const hi = intOf(f[2]!);
    const [t, side] = lo !== null ? [f[2]!, 'lo' as const] : hi !== null ? [f[1]!, 'hi' as const] : [null, null];
    if (t === null || side === null) return;
    const key = print(t);
    const b = this.bounds.get(key) ?? { lo: null, hi: null };
    if (side === 'lo') b.lo = b.lo === null || lo! + strict > b.lo ? lo! + strict : b.lo;
    else b.hi = b.hi === null || hi! - strict < b.hi ? hi! - strict : b.hi;
    this.bounds.set(key, b);
  }

  /**
   * `t` simplified: a literal where the computation finished, or the residual term. Where the
   * query says one of several cases holds (the word width: 32 or 64 bits), `t` is computed in each:
   * the result is theirs when all agree, else `t` itself.
   */
  compute(t: Term): ComputeResult {
    if (!this.cases.length) return this.computeOnce(t);
    const results: Term[] = [];
    for (const c of this.cases) {
      this.memo = new Map(c);
      this.calls = new Map();
      const r = this.computeOnce(t);
      if (r.k === 'too-deep') return r;
      results.push(r.t);
    }
    return { k: 'term', t: results.every((r) => sameTerm(r, results[0]!)) ? results[0]! : t };
  }

  private computeOnce(t: Term): ComputeResult {
    this.steps = 0;
    try {
      return { k: 'term', t: this.norm(t) };
    } catch (e) {
      // (a JavaScript stack overflow is the same: nesting deeper than this can follow)
      if (e instanceof TooDeep || e instanceof RangeError) return { k: 'too-deep' };
      throw e;
    }
  }

  // ---- reading the query's definitions

  private readCommand(cmd: Term): void {
    if (!Array.isArray(cmd)) return;
    if (cmd[0] === 'declare-datatypes' && Array.isArray(cmd[2])) {
      for (const variants of cmd[2]) {
        if (!Array.isArray(variants)) continue;
        for (const v of variants) {
          const name = Array.isArray(v) ? v[0] : v;
          if (typeof name !== 'string') continue;
          const accessors = Array.isArray(v) ? v.slice(1).map((f) => (Array.isArray(f) ? (f[0] as string) : '')) : [];
          this.ctors.set(name, { name, accessors });
          accessors.forEach((a, index) => this.accessors.set(a, { ctor: name, index }));
        }
      }
      return;
    }
    if (cmd[0] === 'assert' && cmd[1] !== undefined) this.readAxiom(cmd[1]);
  }

  private readAxiom(t: Term): void {
    // `(or (and (= c 32) ..) (and (= c 64) ..))`: constants defined case by case
    if (Array.isArray(t) && t[0] === 'or' && !this.cases.length) {
      const cases = t.slice(1).map((d) => {
        const eqs = Array.isArray(d) && d[0] === 'and' ? d.slice(1) : [d];
        const m = new Map<string, Term>();
        for (const e of eqs) {
          if (!Array.isArray(e) || e[0] !== '=' || typeof e[1] !== 'string' || intOf(e[2]!) === null) return null;
          m.set(e[1], e[2]!);
        }
        return m;
      });
      if (cases.every((c) => c !== null)) this.cases = cases as Map<string, Term>[];
      return;
    }
    if (Array.isArray(t) && t[0] === 'forall' && Array.isArray(t[1])) {
      const vars = new Set(t[1].map((b) => (Array.isArray(b) ? (b[0] as string) : '')));
      let body = t[2]!;
      if (Array.isArray(body) && body[0] === '!') body = body[1]!;
      this.readDefinition(body, vars, null);
      return;
    }
    this.readDefinition(t, new Set(), null);
  }

  private readDefinition(t: Term, vars: ReadonlySet<string>, guard: Term | null): void {
    if (!Array.isArray(t)) return;
    if (t[0] === 'and') {
      for (const c of t.slice(1)) this.readDefinition(c, vars, guard);
      return;
    }
    if (t[0] === '=>' && t.length === 3 && guard === null) return this.readDefinition(t[2]!, vars, t[1]!);
    if (t[0] !== '=' || t.length !== 3) return;
    const [, lhs, rhs] = t as [string, Term, Term];
    if (typeof lhs === 'string') {
      // a constant's definition (only without binders: `(= x t)`)
      if (vars.size || guard !== null || /^[-\d]/.test(lhs) || lhs === 'true' || lhs === 'false' || mentions(rhs, lhs)) return;
      this.addRule(lhs, { vars, lhs: [lhs], rhs, guard: null });
      return;
    }
    const head = lhs[0];
    if (typeof head !== 'string' || this.ctors.has(head)) return;
    // `f(succ(fuel), x..) = f(fuel, x..)`: the value does not depend on the fuel
    if (Array.isArray(lhs[1]) && lhs[1][0] === 'fuel.succ' && Array.isArray(rhs) && rhs[0] === head && rhs[1] === lhs[1][1] && print(rhs.slice(2)) === print(lhs.slice(2))) {
      this.fuelIrrelevant.add(head);
      return;
    }
    // every variable of the right side (and the guard) is bound by matching the left side
    const bound = new Set<string>();
    collectVars(lhs, vars, bound);
    if (bound.size !== vars.size) return;
    if (mentionsUnbound(rhs, vars, bound) || (guard !== null && mentionsUnbound(guard, vars, bound))) return;
    this.addRule(head, { vars, lhs, rhs, guard });
  }

  private addRule(head: string, r: Rule): void {
    const rs = this.rules.get(head) ?? [];
    rs.push(r);
    this.rules.set(head, rs);
  }

  // ---- simplification

  private norm(t: Term): Term {
    if (++this.steps > MAX_STEPS) return t;
    if (typeof t === 'string') {
      // (a term VC generation keeps as its printed text: `(fuel.succ fuel.zero)`)
      if (t.startsWith('(')) return this.norm(parseSexp(t)[0] as Term);
      const m = this.memo.get(t);
      if (m !== undefined) return m;
      const r = this.rules.get(t)?.find((x) => x.lhs.length === 1);
      if (!r) return t;
      // (a cycle of definitions stops at the constant itself)
      this.memo.set(t, t);
      const v = this.unfold(() => this.norm(r.rhs));
      this.memo.set(t, v);
      return v;
    }
    const head = t[0];
    if (typeof head !== 'string') {
      // `((_ int2bv 64) x)`, `((as const (Array Int Int)) v)`, `((_ is C) x)`, `((_ extract i j) x)`
      const args = t.slice(1).map((a) => this.norm(a));
      return this.indexed(head, args) ?? [head, ...args];
    }
    switch (head) {
      case '_':
        return t;
      case 'forall': case 'exists': case 'lambda':
        return t;
      case 'let': {
        const binds = new Map<string, Term>();
        for (const b of t[1] as Term[][]) binds.set(b[0] as string, this.norm(b[1]!));
        return this.norm(substitute(t[2]!, binds));
      }
      case '!':
        return this.norm(t[1]!);
      case 'ite': {
        const c = this.norm(t[1]!);
        if (c === 'true') return this.norm(t[2]!);
        if (c === 'false') return this.norm(t[3]!);
        const a = this.norm(t[2]!);
        const b = this.norm(t[3]!);
        return sameTerm(a, b) ? a : ['ite', c, a, b];
      }
      case 'and': case 'or': {
        const unit = head === 'and' ? 'true' : 'false';
        const zero = head === 'and' ? 'false' : 'true';
        const rest: Term[] = [];
        for (const a of t.slice(1)) {
          const v = this.norm(a);
          if (v === zero) return zero;
          if (v !== unit) rest.push(v);
        }
        return rest.length === 0 ? unit : rest.length === 1 ? rest[0]! : [head, ...rest];
      }
      case '=>': {
        const a = this.norm(t[1]!);
        if (a === 'false') return 'true';
        const b = this.norm(t[2]!);
        if (a === 'true') return b;
        if (b === 'true') return 'true';
        return ['=>', a, b];
      }
      case 'not': {
        const a = this.norm(t[1]!);
        return a === 'true' ? 'false' : a === 'false' ? 'true' : ['not', a];
      }
    }
    const args = t.slice(1).map((a) => this.norm(a));
    return this.apply(head, args) ?? this.byRule(head, args) ?? [head, ...args];
  }

  /** Unfolds one definition (a level of depth). */
  private unfold(f: () => Term): Term {
    if (++this.depth > MAX_DEPTH) throw new TooDeep();
    try {
      return f();
    } finally {
      this.depth--;
    }
  }

  /** A built-in operator at simplified arguments, or null when it does not simplify. */
  private apply(op: string, a: Term[]): Term | null {
    const ints = a.map(intOf);
    const allInts = ints.every((x) => x !== null);
    switch (op) {
      case '+': {
        if (allInts) return num(ints.reduce((s, x) => s! + x!, 0n)!);
        const rest = a.filter((_, i) => ints[i] !== 0n);
        return rest.length === 1 ? rest[0]! : rest.length < a.length ? ['+', ...rest] : null;
      }
      case '-': {
        if (a.length === 1) return ints[0] !== null ? num(-ints[0]!) : null;
        if (allInts) return num(ints.slice(1).reduce((s, x) => s! - x!, ints[0]!)!);
        if (a.length === 2 && ints[1] === 0n) return a[0]!;
        if (a.length === 2 && sameTerm(a[0]!, a[1]!)) return '0';
        return null;
      }
      case '*': {
        if (allInts) return num(ints.reduce((s, x) => s! * x!, 1n)!);
        if (ints.some((x) => x === 0n)) return '0';
        const rest = a.filter((_, i) => ints[i] !== 1n);
        return rest.length === 1 ? rest[0]! : rest.length < a.length ? ['*', ...rest] : null;
      }
      case 'div': case 'mod': {
        const [x, y] = ints;
        // (by zero: SMT-LIB leaves the value open)
        if (y === 1n) return op === 'div' ? a[0]! : '0';
        if (x === null || x === undefined || y === null || y === undefined || y === 0n) return null;
        const q = euclidDiv(x, y);
        return num(op === 'div' ? q : x - q * y);
      }
      case 'abs':
        return ints[0] !== null ? num(ints[0]! < 0n ? -ints[0]! : ints[0]!) : null;
      case '<': case '<=': case '>': case '>=': {
        if (allInts && a.length === 2) return boolTerm(compareInts(op, ints[0]!, ints[1]!));
        if (a.length === 2 && sameTerm(a[0]!, a[1]!)) return boolTerm(op === '<=' || op === '>=');
        return null;
      }
      case '=': {
        if (a.length !== 2) return null;
        const d = this.equal(a[0]!, a[1]!);
        return d === null ? null : boolTerm(d);
      }
      case 'distinct': {
        if (a.length !== 2) return null;
        const d = this.equal(a[0]!, a[1]!);
        return d === null ? null : boolTerm(!d);
      }
      case 'xor': {
        const [x, y] = a;
        return (x === 'true' || x === 'false') && (y === 'true' || y === 'false') ? boolTerm(x !== y) : null;
      }
      case 'select': {
        if (a.length !== 2) return null;
        const arr = a[0]!;
        if (Array.isArray(arr) && arr[0] === 'lambda' && Array.isArray(arr[1]) && arr[1].length === 1) {
          return this.unfold(() => this.norm(substitute(arr[2]!, new Map([[(arr[1] as Term[][])[0]![0] as string, a[1]!]]))));
        }
        const i = intOf(a[1]!);
        if (i === null) return this.selectOpen(arr, a[1]!);
        return this.selectAt(arr, i);
      }
      case 'bv2nat': {
        const b = bvOf(a[0]!);
        if (b) return num(b.v);
        // `bv2nat(int2bv_n(x))` is `x` where 0 <= x < 2^n
        const x = a[0]!;
        if (Array.isArray(x) && Array.isArray(x[0]) && x[0][0] === '_' && x[0][1] === 'int2bv' && x.length === 2) {
          const r = this.bounds.get(print(x[1]!));
          if (r && r.lo !== null && r.hi !== null && r.lo >= 0n && r.hi < 1n << BigInt(x[0][2] as string)) return x[1]!;
        }
        return null;
      }
    }
    if (op.startsWith('bv')) return bvOp(op, a);
    const acc = this.accessors.get(op);
    if (acc && a.length === 1) {
      const v = a[0]!;
      if (Array.isArray(v) && v[0] === acc.ctor) return v[acc.index + 1]!;
      return null;
    }
    return null;
  }

  /** `select` of an array built by `store` and `(as const ..)` at a literal index. */
  private selectAt(arr: Term, i: bigint): Term | null {
    while (Array.isArray(arr) && arr[0] === 'store') {
      const j = intOf(arr[2]!);
      if (j === null) return null;
      if (j === i) return arr[3]!;
      arr = arr[1]!;
    }
    if (Array.isArray(arr) && Array.isArray(arr[0]) && arr[0][0] === 'as' && arr[0][1] === 'const') return arr[1]!;
    return null;
  }

  /**
   * `select` of a short `store` chain at an index that is not a literal: `(ite (= k i) v ..)`,
   * the array axioms read as cases (what a pointwise comparison of arrays splits on).
   */
  private selectOpen(arr: Term, k: Term): Term | null {
    const cases: [Term, Term][] = [];
    while (Array.isArray(arr) && arr[0] === 'store' && arr.length === 4) {
      if (cases.length >= MAX_OPEN_STORES) return null;
      cases.push([arr[2]!, arr[3]!]);
      arr = arr[1]!;
    }
    if (!(Array.isArray(arr) && Array.isArray(arr[0]) && arr[0][0] === 'as' && arr[0][1] === 'const')) return null;
    let t: Term = arr[1]!;
    for (const [i, v] of cases.reverse()) t = ['ite', ['=', k, i], v, t];
    return this.norm(t);
  }

  /**
   * Whether two arrays over integers are equal, element by element: each one's element at a
   * fresh index `k` is computed, and the integers are split where the conditions it meets
   * (`k < c`, `k = c`, `k + d <= c`, ..) change truth: at each breakpoint the elements are
   * computed; on each stretch between breakpoints every condition is constant, so the elements
   * are the same term in `k` on both sides or the stretch is not decided. Null when undecided.
   */
  private pointwiseEqual(a: Term, b: Term): boolean | null {
    const k = `|k!${++this.freshIndex}|`;
    const fa = this.norm(['select', a, k]);
    const fb = this.norm(['select', b, k]);
    const atoms = new Map<string, Atom>();
    collectAtoms(fa, k, atoms);
    collectAtoms(fb, k, atoms);
    const bps = [...new Set([...atoms.values()].map((x) => x.breakpoint))].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    const at = (f: Term, v: bigint): Term => this.norm(substitute(f, new Map([[k, num(v)]])));
    let undecided = false;
    const compareAt = (v: bigint): boolean => {
      const d = this.equal(at(fa, v), at(fb, v));
      if (d === null) undecided = true;
      return d !== false;
    };
    for (const p of bps) if (!compareAt(p)) return false;
    // the stretches between breakpoints (exclusive bounds; null: unbounded)
    const stretches: [bigint | null, bigint | null][] = [];
    if (!bps.length) stretches.push([null, null]);
    else {
      stretches.push([null, bps[0]!]);
      for (let i = 0; i + 1 < bps.length; i++) if (bps[i + 1]! - bps[i]! > 1n) stretches.push([bps[i]!, bps[i + 1]!]);
      stretches.push([bps[bps.length - 1]!, null]);
    }
    for (const [lo, hi] of stretches) {
      const r = lo !== null ? lo + 1n : hi !== null ? hi - 1n : 0n;
      // every condition on k is constant on the stretch: its value at r
      const sa = this.norm(decideAtoms(fa, atoms, r));
      const sb = this.norm(decideAtoms(fb, atoms, r));
      if (sameTerm(sa, sb)) continue;
      if (!mentions(sa, k) && !mentions(sb, k)) {
        const d = this.equal(sa, sb);
        if (d === false) return false;
        if (d === null) undecided = true;
        continue;
      }
      if (lo !== null && hi !== null && hi - lo <= BigInt(MAX_STRETCH)) {
        for (let v = lo + 1n; v < hi; v++) if (!compareAt(v)) return false;
        continue;
      }
      undecided = true;
    }
    return undecided ? null : true;
  }

  /** Whether `t` is an array this computation can read element by element. */
  private arrayLike(t: Term): boolean {
    if (!Array.isArray(t)) return false;
    if (t[0] === 'store' || t[0] === 'lambda') return true;
    if (Array.isArray(t[0]) && t[0][0] === 'as' && t[0][1] === 'const') return true;
    if (typeof t[0] !== 'string') return false;
    return (this.rules.get('select') ?? []).some((r) => Array.isArray(r.lhs[1]) && r.lhs[1][0] === t[0]);
  }

  /** Indexed operators: `(_ int2bv n)`, `(_ is C)`, `(as const ..)`, `(_ extract i j)`, extensions. */
  private indexed(head: Term[], args: Term[]): Term | null {
    if (head[0] === 'as') return null;
    if (head[0] !== '_') return null;
    const name = head[1];
    if (name === 'is' && typeof head[2] === 'string' && args.length === 1) {
      const v = args[0]!;
      const ctor = typeof v === 'string' ? (this.ctors.has(v) ? v : null) : typeof v[0] === 'string' && this.ctors.has(v[0]) ? v[0] : null;
      return ctor === null ? null : boolTerm(ctor === head[2]);
    }
    const n = typeof head[2] === 'string' ? Number(head[2]) : NaN;
    if (name === 'int2bv' && Number.isInteger(n)) {
      const x = intOf(args[0]!);
      return x === null ? null : bvLit(mod2(x, n), n);
    }
    const b = args.length === 1 ? bvOf(args[0]!) : null;
    if (!b) return null;
    if (name === 'zero_extend') return bvLit(b.v, b.w + n);
    if (name === 'sign_extend') return bvLit(mod2(toSigned(b.v, b.w), b.w + n), b.w + n);
    if (name === 'extract') {
      const lo = Number(head[3]);
      return bvLit((b.v >> BigInt(lo)) & ((1n << BigInt(n - lo + 1)) - 1n), n - lo + 1);
    }
    return null;
  }

  /** A user function's definition at these arguments, when one applies. */
  private byRule(head: string, args: Term[]): Term | null {
    const rs = this.rules.get(head);
    if (!rs) return null;
    // (a definition is a function: at values, one result, computed once: `fib(30)` is 30 unfoldings)
    const key = args.every((a) => this.isValue(a)) ? print([head, ...args]) : null;
    if (key !== null) {
      const known = this.calls.get(key);
      if (known !== undefined) return known;
      const v = this.byRuleOnce(head, rs, args);
      if (v !== null) this.calls.set(key, v);
      return v;
    }
    return this.byRuleOnce(head, rs, args);
  }

  private byRuleOnce(head: string, rs: Rule[], args: Term[]): Term | null {
    const recursive = this.fuelIrrelevant.has(head);
    // a recursive definition only at literal arguments: elsewhere it would unfold without end
    if (recursive && !args.slice(1).every((a) => this.isValue(a))) return null;
    for (const r of rs) {
      if (r.lhs.length !== args.length + 1) continue;
      const binds = new Map<string, Term>();
      let from = 0;
      const fuel = r.lhs[1];
      if (recursive && Array.isArray(fuel) && fuel[0] === 'fuel.succ' && typeof fuel[1] === 'string' && r.vars.has(fuel[1]) && !(Array.isArray(args[0]) && args[0][0] === 'fuel.succ')) {
        // f(F, x..) = f(succ(F), x..) (the fuel axiom): the definition at succ(F) applies
        binds.set(fuel[1], args[0]!);
        from = 1;
      }
      if (!args.every((a, i) => i < from || this.match(r.lhs[i + 1]!, a, r.vars, binds))) continue;
      if (r.guard !== null && this.norm(substitute(r.guard, binds)) !== 'true') continue;
      return this.unfold(() => this.norm(substitute(r.rhs, binds)));
    }
    return null;
  }

  /** First-order matching of a rule's left side against a term. */
  private match(p: Term, t: Term, vars: ReadonlySet<string>, binds: Map<string, Term>): boolean {
    if (typeof p === 'string') {
      if (!vars.has(p)) return sameTerm(p, t);
      const b = binds.get(p);
      if (b !== undefined) return sameTerm(b, t);
      binds.set(p, t);
      return true;
    }
    if (!Array.isArray(t) || p.length !== t.length) return false;
    return p.every((x, i) => this.match(x, t[i]!, vars, binds));
  }

  /** A value: a literal, or a constructor or array built of values (no constant, no open term). */
  private isValue(t: Term): boolean {
    // (a type's default element, `|dflt.Int|`, is one fixed value: the filler of every sequence literal)
    if (typeof t === 'string') return intOf(t) !== null || t === 'true' || t === 'false' || this.ctors.has(t) || t.startsWith('|dflt.');
    if (intOf(t) !== null || bvOf(t) !== null) return true;
    if (t[0] === 'store') return t.slice(1).every((x) => this.isValue(x));
    if (Array.isArray(t[0]) && t[0][0] === 'as' && t[0][1] === 'const') return t.slice(1).every((x) => this.isValue(x));
    return typeof t[0] === 'string' && this.ctors.has(t[0]) && t.slice(1).every((x) => this.isValue(x));
  }

  /** Whether two simplified terms are equal: decided for literals and identical terms, else null. */
  private equal(a: Term, b: Term): boolean | null {
    if (sameTerm(a, b)) return true;
    const x = intOf(a);
    const y = intOf(b);
    if (x !== null && y !== null) return x === y;
    if ((a === 'true' || a === 'false') && (b === 'true' || b === 'false')) return a === b;
    const bx = bvOf(a);
    const by = bvOf(b);
    if (bx && by) return bx.w === by.w ? bx.v === by.v : null;
    const ca = this.ctorOf(a);
    const cb = this.ctorOf(b);
    if (ca && cb) {
      // distinct constructors of a datatype are distinct values; the same one, field by field
      if (ca !== cb) return false;
      return this.allEqual((a as Term[]).slice(1), (b as Term[]).slice(1));
    }
    const ma = this.arrayValue(a);
    const mb = this.arrayValue(b);
    if (!(ma && mb) && this.arrayLike(a) && this.arrayLike(b)) return this.pointwiseEqual(a, b);
    if (ma && mb) {
      const keys = new Set([...ma.elems.keys(), ...mb.elems.keys()]);
      const xs: Term[] = [];
      const ys: Term[] = [];
      for (const k of keys) {
        xs.push(ma.elems.get(k) ?? ma.dflt);
        ys.push(mb.elems.get(k) ?? mb.dflt);
      }
      const same = this.allEqual(xs, ys);
      if (same === false) return false;
      const d = this.equal(ma.dflt, mb.dflt);
      // (finitely many stores: two arrays with different defaults differ somewhere else)
      if (d === false) return false;
      return same === true && d === true ? true : null;
    }
    return null;
  }

  private allEqual(xs: Term[], ys: Term[]): boolean | null {
    let all = true;
    for (let i = 0; i < xs.length; i++) {
      const d = this.equal(xs[i]!, ys[i]!);
      if (d === false) return false;
      if (d === null) all = false;
    }
    return all ? true : null;
  }

  private ctorOf(t: Term): string | null {
    if (typeof t === 'string') return this.ctors.has(t) ? t : null;
    return typeof t[0] === 'string' && this.ctors.has(t[0]) ? t[0] : null;
  }

  /** An array as its explicit elements and default: `store` chains on `(as const ..)` at literal indices. */
  private arrayValue(t: Term): { elems: Map<bigint, Term>; dflt: Term } | null {
    const stores: [bigint, Term][] = [];
    while (Array.isArray(t) && t[0] === 'store' && t.length === 4) {
      const i = intOf(t[2]!);
      if (i === null || stores.length > MAX_ELEMS) return null;
      stores.push([i, t[3]!]);
      t = t[1]!;
    }
    if (!(Array.isArray(t) && Array.isArray(t[0]) && t[0][0] === 'as' && t[0][1] === 'const')) return null;
    const elems = new Map<bigint, Term>();
    // (the outermost store wins)
    for (const [i, v] of stores.reverse()) elems.set(i, v);
    return { elems, dflt: t[1]! };
  }
}

// ---- terms

function sameTerm(a: Term, b: Term): boolean {
  return a === b || print(a) === print(b);
}

function boolTerm(b: boolean): Term {
  return b ? 'true' : 'false';
}

function intOf(t: Term): bigint | null {
  if (typeof t === 'string') return /^\d+$/.test(t) ? BigInt(t) : null;
  if (t.length === 2 && t[0] === '-' && typeof t[1] === 'string' && /^\d+$/.test(t[1])) return -BigInt(t[1]);
  return null;
}

function compareInts(op: string, x: bigint, y: bigint): boolean {
  return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
}

/** SMT-LIB's integer division: the remainder is at least 0 and less than |y|. */
function euclidDiv(x: bigint, y: bigint): bigint {
  let q = x / y;
  if (x - q * y < 0n) q += y > 0n ? -1n : 1n;
  return q;
}

function mentions(t: Term, name: string): boolean {
  return typeof t === 'string' ? t === name : t.some((x) => mentions(x, name));
}

function collectVars(t: Term, vars: ReadonlySet<string>, out: Set<string>): void {
  if (typeof t === 'string') {
    if (vars.has(t)) out.add(t);
  } else for (const x of t) collectVars(x, vars, out);
}

function mentionsUnbound(t: Term, vars: ReadonlySet<string>, bound: ReadonlySet<string>): boolean {
  if (typeof t === 'string') return vars.has(t) && !bound.has(t);
  return t.some((x) => mentionsUnbound(x, vars, bound));
}

let renames = 0;

/**
 * Replaces free occurrences of the bound names (a binder inside shadows them); a binder that
 * would capture a name free in a replacement is renamed first.
 */
function substitute(t: Term, binds: ReadonlyMap<string, Term>): Term {
  if (typeof t === 'string') return binds.get(t) ?? t;
  if ((t[0] === 'forall' || t[0] === 'exists' || t[0] === 'lambda' || t[0] === 'let') && Array.isArray(t[1])) {
    const inner = new Map(binds);
    const free = new Set<string>();
    for (const v of binds.values()) collectSymbols(v, free);
    const rename = new Map<string, Term>();
    const binders = (t[1] as Term[]).map((b) => {
      if (!Array.isArray(b)) return b;
      const name = b[0] as string;
      inner.delete(name);
      if (!free.has(name)) return b;
      const fresh = `${name}!c${++renames}`;
      rename.set(name, fresh);
      return [fresh, ...b.slice(1)];
    });
    const body = (x: Term): Term => substitute(rename.size ? substitute(x, rename) : x, inner);
    if (t[0] === 'let') return ['let', (t[1] as Term[][]).map((b, i) => [(binders[i] as Term[])[0]!, substitute(b[1]!, binds)]), body(t[2]!)];
    return [t[0], binders, ...t.slice(2).map(body)];
  }
  return t.map((x) => substitute(x, binds));
}

function collectSymbols(t: Term, out: Set<string>): void {
  if (typeof t === 'string') out.add(t);
  else for (const x of t) collectSymbols(x, out);
}

// ---- conditions on an array index

/** A condition on an index `k`, `k + d op c`: its truth changes only at `breakpoint`. */
interface Atom {
  breakpoint: bigint;
  holds: (k: bigint) => boolean;
}

/** `t` as `k + d`, or null. */
function offsetOf(t: Term, k: string): bigint | null {
  if (t === k) return 0n;
  if (!Array.isArray(t) || t.length !== 3) return null;
  if (t[0] === '+' && t[1] === k && intOf(t[2]!) !== null) return intOf(t[2]!);
  if (t[0] === '+' && t[2] === k && intOf(t[1]!) !== null) return intOf(t[1]!);
  if (t[0] === '-' && t[1] === k && intOf(t[2]!) !== null) return -intOf(t[2]!)!;
  return null;
}

/** A comparison of `k + d` with a literal, as the condition `k op c`; null for any other term. */
function atomOf(t: Term, k: string): Atom | null {
  if (!Array.isArray(t) || t.length !== 3 || typeof t[0] !== 'string' || !['=', '<', '<=', '>', '>='].includes(t[0])) return null;
  const flip: Record<string, string> = { '=': '=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
  let op = t[0];
  let d = offsetOf(t[1]!, k);
  let c = intOf(t[2]!);
  if (d === null || c === null) {
    d = offsetOf(t[2]!, k);
    c = intOf(t[1]!);
    op = flip[op]!;
  }
  if (d === null || c === null) return null;
  const bound = c - d;
  const holds = (x: bigint): boolean => (op === '=' ? x === bound : compareInts(op, x, bound));
  // `k < c` changes between c - 1 and c, `k <= c` between c and c + 1: both have c as a point of their own
  return { breakpoint: bound, holds };
}

/**
 * The conditions `k + d op c` in `t`. (Any other term with `k` stays a term in `k` on a stretch,
 * where only the same term on both sides, or index by index, is decided.)
 */
function collectAtoms(t: Term, k: string, out: Map<string, Atom>): void {
  if (!mentions(t, k) || !Array.isArray(t)) return;
  const a = atomOf(t, k);
  if (a) out.set(print(t), a);
  else for (const x of t) collectAtoms(x, k, out);
}

/** `t` with each condition on `k` replaced by its truth at `k = r`. */
function decideAtoms(t: Term, atoms: ReadonlyMap<string, Atom>, r: bigint): Term {
  if (!Array.isArray(t)) return t;
  const a = atoms.get(print(t));
  if (a) return boolTerm(a.holds(r));
  return t.map((x) => decideAtoms(x, atoms, r));
}

// ---- bit vectors: `(_ bvV W)` literals

function bvLit(v: bigint, w: number): Term {
  return ['_', `bv${v}`, String(w)];
}

function bvOf(t: Term): { v: bigint; w: number } | null {
  if (Array.isArray(t) && t.length === 3 && t[0] === '_' && typeof t[1] === 'string' && /^bv\d+$/.test(t[1]) && typeof t[2] === 'string') return { v: BigInt(t[1].slice(2)), w: Number(t[2]) };
  return null;
}

function mod2(x: bigint, w: number): bigint {
  const m = 1n << BigInt(w);
  return ((x % m) + m) % m;
}

function toSigned(v: bigint, w: number): bigint {
  return v >= 1n << BigInt(w - 1) ? v - (1n << BigInt(w)) : v;
}

function bvOp(op: string, a: Term[]): Term | null {
  const bs = a.map(bvOf);
  // identities at any value: x & x, x | x, x ^ x
  if (a.length === 2 && sameTerm(a[0]!, a[1]!) && (op === 'bvand' || op === 'bvor')) return a[0]!;
  if (a.length === 2 && op === 'bvxor' && sameTerm(a[0]!, a[1]!)) {
    const w = widthOf(a[0]!) ?? widthOf(a[1]!);
    return w === null ? null : bvLit(0n, w);
  }
  if (a.length === 2 && (op === 'bvand' || op === 'bvor' || op === 'bvxor')) {
    // with zero: x & 0 = 0, x | 0 = x, x ^ 0 = x
    const zi = bs.findIndex((b) => b !== null && b.v === 0n);
    if (zi >= 0) return op === 'bvand' ? a[zi]! : a[1 - zi]!;
  }
  if (!bs.every((b) => b !== null)) return null;
  const v = bs.map((b) => b!.v);
  const w = bs[0]!.w;
  if (bs.some((b) => b!.w !== w) && !['concat'].includes(op)) return null;
  const lit = (x: bigint) => bvLit(mod2(x, w), w);
  const [x, y] = v as [bigint, bigint];
  switch (op) {
    case 'bvand': return lit(x & y);
    case 'bvor': return lit(x | y);
    case 'bvxor': return lit(x ^ y);
    case 'bvnot': return lit(~x);
    case 'bvneg': return lit(-x);
    case 'bvadd': return lit(x + y);
    case 'bvsub': return lit(x - y);
    case 'bvmul': return lit(x * y);
    case 'bvshl': return y >= BigInt(w) ? lit(0n) : lit(x << y);
    case 'bvlshr': return y >= BigInt(w) ? lit(0n) : lit(x >> y);
    case 'bvashr': return lit(toSigned(x, w) >> (y >= BigInt(w) ? BigInt(w - 1) : y));
    // (SMT-LIB fixes division by zero for bit vectors: all ones, and the dividend)
    case 'bvudiv': return y === 0n ? lit(-1n) : lit(x / y);
    case 'bvurem': return y === 0n ? lit(x) : lit(x % y);
    case 'bvult': return boolTerm(x < y);
    case 'bvule': return boolTerm(x <= y);
    case 'bvugt': return boolTerm(x > y);
    case 'bvuge': return boolTerm(x >= y);
    case 'bvslt': return boolTerm(toSigned(x, w) < toSigned(y, w));
    case 'bvsle': return boolTerm(toSigned(x, w) <= toSigned(y, w));
    case 'bvsgt': return boolTerm(toSigned(x, w) > toSigned(y, w));
    case 'bvsge': return boolTerm(toSigned(x, w) >= toSigned(y, w));
    case 'concat': return bvLit((x << BigInt(bs[1]!.w)) | y, w + bs[1]!.w);
  }
  return null;
}

/** The width of a bit-vector term when its outermost operator tells it. */
function widthOf(t: Term): number | null {
  const b = bvOf(t);
  if (b) return b.w;
  if (Array.isArray(t) && Array.isArray(t[0]) && t[0][0] === '_' && t[0][1] === 'int2bv') return Number(t[0][2]);
  if (Array.isArray(t) && typeof t[0] === 'string' && ['bvand', 'bvor', 'bvxor', 'bvnot', 'bvadd', 'bvsub', 'bvmul', 'bvshl', 'bvlshr', 'bvashr'].includes(t[0])) {
    for (const x of t.slice(1)) {
      const w = widthOf(x);
      if (w !== null) return w;
    }
  }
  return null;
}
