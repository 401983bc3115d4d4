// `proof fn f(..) by(integer_ring)`: a lemma over `int` parameters proved by ideal membership
// (ring/ideal.ts), as Verus proves it with Singular, not by the SMT solver.
//
//   requires  a == b            the generator a - b
//             a % m == b % m    the generator a - b - m*k (k a fresh integer); `a % m == 0` too
//             m != 0            no generator (it justifies a divisor, see below)
//   ensures   a == b            a - b is in the ideal of the generators
//             a % m == b % m    a - b is in that ideal plus m, with integer cofactors
//
// A `%` / `/` inside a clause is a remainder variable r and a quotient q with the generator
// x - m*q - r; any other non-arithmetic term (a spec fn call) is an opaque variable, the same
// one for the same term. Both steps hold only when every divisor is non-zero, so the lemma is
// proved, and callers get its ensures, under that condition (`divisorGuard`): Verus's test
// `div_by_zero_fail` expects `x % x == 0` from such a lemma to say nothing about `x == 0`.
// Invariant: an obligation of such a lemma has the goal `true` only when ring/ideal.ts returned a
// checked certificate (an integer one for a congruence, whose modulus need not be prime); any
// other answer is the goal `false` with the reason, and no counterexample is sought.

import type { Sp } from '../ast';
import { tyStr } from '../resolver';
import { and, eq, not, print, type Term } from '../smt';
import { add, constant, mul, neg, rat, sub, variable, ZERO, type Poly } from '../ring/polynomial';
import { idealMembership } from '../ring/ideal';
import { Unsupported, State } from './state';
import { isNumeral } from './expr';
import type { FnGen } from './gen';
import type { Obligation } from './query';

/** What one `requires` / `ensures` clause says to the ring procedure. */
type RingClause =
  | { k: 'equal'; lhs: Term; rhs: Term }
  | { k: 'congruent'; lhs: Term; rhs: Term; modulus: Term }
  | { k: 'nonzero' }
  | { k: 'unsupported' };

const ARITH = new Set(['+', '-', '*', '|uf.mul|']);
const isDivision = (t: Term): t is Term[] => Array.isArray(t) && (t[0] === 'mod' || t[0] === 'div') && t.length === 3;

/** The divisors of the `%` and `/` in `terms` that are not non-zero numerals (each once). */
export function ringDivisors(terms: readonly Term[]): Term[] {
  const out = new Map<string, Term>();
  const walk = (t: Term): void => {
    if (!Array.isArray(t)) return;
    if (isDivision(t) && (isNumeral(t[2]!) ?? 0n) === 0n) out.set(print(t[2]!), t[2]!);
    t.forEach(walk);
  };
  terms.forEach(walk);
  return [...out.values()];
}
/** Every divisor in `terms` is non-zero: the condition of an integer_ring lemma's proof. */
export function divisorGuard(terms: readonly Term[]): Term {
  return and(...ringDivisors(terms).map((d) => not(eq(d, '0'))));
}

/** `t`'s conjuncts as the procedure reads them (`m != 0` only as a hypothesis). */
function classify(t: Term, hypothesis: boolean): RingClause[] {
  if (Array.isArray(t) && t[0] === 'and') return t.slice(1).flatMap((x) => classify(x, hypothesis));
  if (Array.isArray(t) && t[0] === '=' && t.length === 3) {
    const [a, b] = [t[1]!, t[2]!];
    const modOf = (x: Term) => (Array.isArray(x) && x[0] === 'mod' && x.length === 3 ? { x: x[1]!, m: x[2]! } : null);
    const ma = modOf(a);
    const mb = modOf(b);
    if (ma && mb && print(ma.m) === print(mb.m)) return [{ k: 'congruent', lhs: ma.x, rhs: mb.x, modulus: ma.m }];
    if (ma && isNumeral(b) === 0n) return [{ k: 'congruent', lhs: ma.x, rhs: '0', modulus: ma.m }];
    if (mb && isNumeral(a) === 0n) return [{ k: 'congruent', lhs: mb.x, rhs: '0', modulus: mb.m }];
    return [{ k: 'equal', lhs: a, rhs: b }];
  }
  if (hypothesis && Array.isArray(t) && t[0] === 'not' && Array.isArray(t[1]) && t[1][0] === '=') return [{ k: 'nonzero' }];
  return [{ k: 'unsupported' }];
}

/**
 * The variables of one lemma's polynomials. Variables are numbered in the lexicographic order the
 * procedure uses: first those a `requires` defines (`p == x * y`: eliminated first, which keeps
 * the basis small), then remainders, then the others, quotients last.
 */
class RingVariables {
  readonly names: string[] = [];
  private readonly rank = new Map<string, number>();
  /** `x % m` / `x / m` by the text of `(x, m)`: one remainder and one quotient per pair. */
  readonly divisions = new Map<string, { x: Term; m: Term; r: string; q: string }>();
  private index = new Map<string, number>();
  private fresh = 0;

  /** Registers the variables of `t`; `rank` orders them (lower first). */
  collect(t: Term, rank: number): void {
    if (isNumeral(t) !== null) return;
    if (Array.isArray(t) && ARITH.has(String(t[0]))) return t.slice(1).forEach((x) => this.collect(x, rank));
    if (isDivision(t)) {
      const key = print([t[1]!, t[2]!]);
      if (!this.divisions.has(key)) {
        const d = { x: t[1]!, m: t[2]!, r: `(${print(t[1]!)} % ${print(t[2]!)})`, q: `(${print(t[1]!)} / ${print(t[2]!)})` };
        this.divisions.set(key, d);
        this.add(d.r, 1);
        this.add(d.q, 3);
        this.collect(d.x, rank);
        this.collect(d.m, rank);
      }
      return;
    }
    this.add(print(t), rank);
  }
  /** A fresh integer (the multiple of a modulus a congruence stands for). */
  freshMultiple(): string {
    const name = `k${this.fresh++}`;
    this.add(name, 3);
    return name;
  }
  add(name: string, rank: number): void {
    this.rank.set(name, Math.min(this.rank.get(name) ?? rank, rank));
  }
  /** Fixes the numbering; no variable may be added after it. */
  seal(): void {
    const order = [...this.rank.keys()].map((n, i) => ({ n, i, r: this.rank.get(n)! })).sort((a, b) => a.r - b.r || a.i - b.i);
    this.names.push(...order.map((o) => o.n));
    this.index = new Map(this.names.map((n, i) => [n, i]));
  }
  variable(name: string): Poly {
    return variable(this.index.get(name)!, this.names.length);
  }
  poly(t: Term): Poly {
    const n = this.names.length;
    const c = isNumeral(t);
    if (c !== null) return constant(rat(c), n);
    if (Array.isArray(t) && ARITH.has(String(t[0]))) {
      const args = t.slice(1).map((x) => this.poly(x));
      if (t[0] === '+') return args.reduce(add, ZERO);
      if (t[0] === '-') return args.length === 1 ? neg(args[0]!) : args.slice(1).reduce(sub, args[0]!);
      return args.reduce(mul, constant(rat(1n), n));
    }
    if (isDivision(t)) {
      const d = this.divisions.get(print([t[1]!, t[2]!]))!;
      return this.variable(t[0] === 'mod' ? d.r : d.q);
    }
    return this.variable(print(t));
  }
}

export class IntegerRingMethods {
  /** The obligations of a `by(integer_ring)` lemma, decided by ring/ideal.ts. */
  integerRingFn(this: FnGen): void {
    const f = this.info.item;
    if (f.body?.stmts.length) throw new Unsupported('a `by(integer_ring)` function with a body', f.body.sp);
    if (f.ret) throw new Unsupported('a `by(integer_ring)` function with a result', f.ret.ty.sp);
    // the contract resolves as any function's (its callers read it with the divisor guard: calls.ts)
    this.checkSignature();
    const st = new State();
    const ps = this.paramTypes(f);
    const decided = (sp: Sp, ok: boolean, message: string): Obligation => {
      const ob = this.makeOb(st, 'postcondition', sp, 'true', undefined, message);
      this.pending.set(ob, { query: { mbqi: false, options: [], prelude: [], decls: [], facts: [], goal: ok ? 'true' : 'false' } });
      if (!ok) ob.noCounterexample = true;
      this.obligations.push(ob);
      return ob;
    };
    const badParam = f.params.find((_, i) => { const t = ps[i]!.ty; return t.k !== 'int' || t.kind !== 'int'; });
    if (badParam) {
      decided(badParam.sp, false, `integer_ring: parameter \`${badParam.name}\` has type \`${tyStr(ps[f.params.indexOf(badParam)]!.ty)}\`; only \`int\` parameters are supported`);
      return;
    }
    for (const p of ps) st.declare(p.name, { ty: p.ty, term: this.havoc(p.name, p.ty), mut: false });
    const requires = f.requires.map((r) => ({ sp: r.sp, clauses: classify(this.evalPure(r, st, this.specMode([])).t, true) }));
    const ensures = f.ensures.map((e) => ({ sp: e.sp, clauses: classify(this.evalPure(e, st, this.specMode([])).t, false) }));
    const unsupported = [...requires, ...ensures].find((c) => c.clauses.some((x) => x.k === 'unsupported'));
    if (unsupported) {
      const which = requires.includes(unsupported) ? 'requires' : 'ensures';
      decided(unsupported.sp, false, `integer_ring: this ${which} is not supported (only \`a == b\`, \`a % m == b % m\`${which === 'requires' ? ' and `m != 0`' : ''} over \`int\`)`);
      return;
    }

    // the variables, in the order the procedure eliminates them
    const vars = new RingVariables();
    const sides = (c: RingClause): Term[] => (c.k === 'equal' ? [c.lhs, c.rhs] : c.k === 'congruent' ? [c.lhs, c.rhs, c.modulus] : []);
    for (const { clauses } of requires) {
      for (const c of clauses) {
        // (`p == x * y`: a variable alone on one side is defined by the other)
        if (c.k === 'equal') for (const s of [c.lhs, c.rhs]) if (typeof s === 'string' && isNumeral(s) === null) vars.add(s, 0);
        sides(c).forEach((s) => vars.collect(s, 2));
      }
    }
    for (const { clauses } of ensures) for (const c of clauses) sides(c).forEach((s) => vars.collect(s, 2));
    // (each `requires` congruence's multiple is named before the variables are sealed)
    const multipleOf = new Map(requires.flatMap((r) => r.clauses.filter((c) => c.k === 'congruent').map((c) => [c, vars.freshMultiple()] as const)));
    vars.seal();

    // the generators: the requires, then the definitions of remainders and quotients
    const generators: Poly[] = [];
    for (const { clauses } of requires) {
      for (const c of clauses) {
        if (c.k === 'equal') generators.push(sub(vars.poly(c.lhs), vars.poly(c.rhs)));
        if (c.k === 'congruent') generators.push(sub(sub(vars.poly(c.lhs), vars.poly(c.rhs)), mul(vars.poly(c.modulus), vars.variable(multipleOf.get(c)!))));
      }
    }
    for (const d of vars.divisions.values()) generators.push(sub(sub(vars.poly(d.x), mul(vars.poly(d.m), vars.variable(d.q))), vars.variable(d.r)));

    for (const { sp, clauses } of ensures) {
      for (const c of clauses) {
        if (c.k !== 'equal' && c.k !== 'congruent') continue;
        const goal = sub(vars.poly(c.lhs), vars.poly(c.rhs));
        const gens = c.k === 'congruent' ? [...generators, vars.poly(c.modulus)] : generators;
        const answer = idealMembership(gens, goal, vars.names.length);
        if (answer.k === 'member' && (c.k === 'equal' || answer.denominator === 1n)) decided(sp, true, 'postcondition not satisfied');
        else if (answer.k === 'member') decided(sp, false, `integer_ring: postcondition not proved: the congruence has only a certificate with rational coefficients (denominator ${answer.denominator}), which does not show divisibility`);
        else if (answer.k === 'gave-up') decided(sp, false, `integer_ring: postcondition not proved: the procedure gave up (${answer.reason})`);
        else decided(sp, false, 'integer_ring: postcondition not satisfied: it is not in the ideal the requires generate');
      }
    }
  }
}
