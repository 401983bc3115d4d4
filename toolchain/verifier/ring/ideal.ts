// Ideal membership by Buchberger's algorithm, with a certificate: whether `goal` is a combination
// `sum(h_k * g_k)` of the generators `g_k` with polynomial cofactors `h_k`, the question a
// `by(integer_ring)` lemma asks (Verus asks it of Singular).
// Invariant: an answer `member` carries cofactors that were checked by plain polynomial arithmetic
// to reproduce `goal` exactly; no caller has to trust the Gröbner basis computation, which only
// finds them. Rational cofactors are reported with their common denominator, so that a caller can
// tell an integer certificate (what a congruence needs) from a rational one.

import { ZERO, add, compareMonomials, denominator, equal, isZero, monoCoprime, monoDiv, monoDivides, monoLcm, mul, mulTerm, rat, ratDiv, sub, type Monomial, type Poly, type Rat } from './polynomial';

export type Membership =
  | { k: 'member'; cofactors: Poly[]; /** the least common denominator of the cofactors' coefficients */ denominator: bigint }
  | { k: 'not-member'; remainder: Poly }
  | { k: 'gave-up'; reason: string };

/** How much work one question may take before it gives up (an answer, not a hang). */
export interface Limits {
  maxBasis: number;
  maxPairs: number;
  maxTerms: number;
}
export const DEFAULT_LIMITS: Limits = { maxBasis: 120, maxPairs: 4000, maxTerms: 4000 };

/** A polynomial of the basis with its expression over the original generators. */
interface Tracked {
  p: Poly;
  rep: Poly[];
}

class GaveUp extends Error {}

export function idealMembership(generators: readonly Poly[], goal: Poly, nvars: number, limits: Limits = DEFAULT_LIMITS): Membership {
  const unit = (k: number): Poly[] => generators.map((_, i) => (i === k ? [{ m: new Array<number>(nvars).fill(0), c: rat(1n) }] : ZERO));
  const basis: Tracked[] = generators.flatMap((g, k) => (isZero(g) ? [] : [monic({ p: g, rep: unit(k) })]));
  try {
    // (often the generators already reduce the goal: no basis computation needed)
    let r = reduce({ p: goal, rep: generators.map(() => ZERO) }, basis, limits);
    if (!isZero(r.p)) {
      groebner(basis, limits);
      r = reduce({ p: goal, rep: generators.map(() => ZERO) }, basis, limits);
    }
    if (!isZero(r.p)) return { k: 'not-member', remainder: r.p };
    // reduce() leaves goal - sum(rep_k * g_k) = remainder = 0: the certificate is `rep`
    const cofactors = r.rep;
    if (!checkCertificate(generators, cofactors, goal)) throw new Error('integer_ring: the certificate does not reproduce the goal');
    let d = 1n;
    for (const h of cofactors) {
      const dh = denominator(h);
      d = (d * dh) / gcdBig(d, dh);
    }
    return { k: 'member', cofactors, denominator: d };
  } catch (e) {
    if (e instanceof GaveUp) return { k: 'gave-up', reason: e.message };
    throw e;
  }
}

/** Checks `goal == sum(cofactors[k] * generators[k])` (the certificate check, for tests and callers). */
export function checkCertificate(generators: readonly Poly[], cofactors: readonly Poly[], goal: Poly): boolean {
  let sum: Poly = ZERO;
  cofactors.forEach((h, k) => (sum = add(sum, mul(h, generators[k]!))));
  return equal(sum, goal);
}

function gcdBig(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}
function scale(t: Tracked, m: Monomial, c: Rat): Tracked {
  return { p: mulTerm(t.p, m, c), rep: t.rep.map((h) => mulTerm(h, m, c)) };
}
function minus(a: Tracked, b: Tracked): Tracked {
  return { p: sub(a.p, b.p), rep: a.rep.map((h, k) => sub(h, b.rep[k]!)) };
}
function monic(t: Tracked): Tracked {
  const lc = t.p[0]!.c;
  return scale(t, t.p[0]!.m.map(() => 0), ratDiv(rat(1n), lc));
}

/**
 * `t` reduced by `basis` as far as it goes: `p` becomes the remainder and `rep` accumulates what
 * was subtracted (`t.p = sum(rep_k * g_k) + remainder`, with the generators of `rep`).
 */
function reduce(t: Tracked, basis: readonly Tracked[], limits: Limits): Tracked {
  let p = t.p;
  let rep = t.rep;
  const rest: Poly[number][] = [];
  while (p.length) {
    if (p.length > limits.maxTerms) throw new GaveUp(`a polynomial grew past ${limits.maxTerms} terms`);
    const lt = p[0]!;
    const g = basis.find((b) => monoDivides(b.p[0]!.m, lt.m));
    if (!g) {
      rest.push(lt);
      p = p.slice(1);
      continue;
    }
    const m = monoDiv(lt.m, g.p[0]!.m);
    const c = ratDiv(lt.c, g.p[0]!.c);
    p = sub(p, mulTerm(g.p, m, c));
    rep = rep.map((h, k) => add(h, mulTerm(g.rep[k]!, m, c)));
  }
  return { p: rest, rep };
}

/** Completes `basis` in place to a Gröbner basis of the same ideal (Buchberger, first criterion). */
function groebner(basis: Tracked[], limits: Limits): void {
  const pairs: [number, number][] = [];
  for (let j = 0; j < basis.length; j++) for (let i = 0; i < j; i++) pairs.push([i, j]);
  let done = 0;
  while (pairs.length) {
    if (++done > limits.maxPairs) throw new GaveUp(`more than ${limits.maxPairs} S-polynomials`);
    const [i, j] = pairs.shift()!;
    const a = basis[i]!;
    const b = basis[j]!;
    const la = a.p[0]!.m;
    const lb = b.p[0]!.m;
    if (monoCoprime(la, lb)) continue;
    const l = monoLcm(la, lb);
    const s = minus(scale(a, monoDiv(l, la), ratDiv(rat(1n), a.p[0]!.c)), scale(b, monoDiv(l, lb), ratDiv(rat(1n), b.p[0]!.c)));
    const r = reduce({ p: s.p, rep: s.rep.map(() => ZERO) }, basis, limits);
    if (isZero(r.p)) continue;
    // r.p = s.p - sum(r.rep * g): its expression over the generators is s.rep - r.rep
    const added = monic({ p: r.p, rep: s.rep.map((h, k) => sub(h, r.rep[k]!)) });
    if (basis.length >= limits.maxBasis) throw new GaveUp(`the Gröbner basis grew past ${limits.maxBasis} polynomials`);
    basis.push(added);
    for (let k = 0; k < basis.length - 1; k++) pairs.push([k, basis.length - 1]);
    // (smaller leading monomials first: they reduce the others)
    pairs.sort((x, y) => compareMonomials(monoLcm(basis[x[0]]!.p[0]!.m, basis[x[1]]!.p[0]!.m), monoLcm(basis[y[0]]!.p[0]!.m, basis[y[1]]!.p[0]!.m)));
  }
}
