import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { add, constant, mul, rat, sub, variable, type Poly } from './polynomial';
import { checkCertificate, idealMembership } from './ideal';

const N = 3;
const x = variable(0, N);
const y = variable(1, N);
const z = variable(2, N);
const k = (c: number): Poly => constant(rat(BigInt(c)), N);

/** A random polynomial of degree <= 2 over x, y, z with small integer coefficients. */
const poly: fc.Arbitrary<Poly> = fc
  .array(fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 1 })), { maxLength: 4 })
  .map((terms) => terms.reduce<Poly>((p, [c, ex, ey, ez]) => add(p, mul(k(c), mul(ex === 2 ? mul(x, x) : ex === 1 ? x : k(1), mul(ey ? y : k(1), ez ? z : k(1))))), []));

describe('ideal membership', () => {
  it('finds a checked certificate for every combination of the generators', () => {
    fc.assert(
      fc.property(fc.array(poly, { minLength: 1, maxLength: 3 }), fc.array(poly, { minLength: 3, maxLength: 3 }), (gens, hs) => {
        const goal = gens.reduce<Poly>((s, g, i) => add(s, mul(hs[i]!, g)), []);
        const r = idealMembership(gens, goal, N, { maxBasis: 40, maxPairs: 400, maxTerms: 400 });
        if (r.k === 'not-member') return false;
        return r.k === 'gave-up' || checkCertificate(gens, r.cofactors, goal);
      }),
      { numRuns: 150 },
    );
  });

  it('says no for what is not in the ideal', () => {
    expect(idealMembership([x], k(1), N).k).toBe('not-member');
    expect(idealMembership([sub(x, y)], add(x, y), N).k).toBe('not-member');
    // x^2 is in <x>, x is not in <x^2>
    expect(idealMembership([x], mul(x, x), N).k).toBe('member');
    expect(idealMembership([mul(x, x)], x, N).k).toBe('not-member');
  });

  it('reports a rational certificate with its denominator (2 is a unit over Q, not over Z)', () => {
    const r = idealMembership([mul(k(2), x)], x, N);
    expect(r.k).toBe('member');
    expect(r.k === 'member' && r.denominator).toBe(2n);
    const s = idealMembership([sub(mul(x, y), z), sub(y, k(1))], sub(x, z), N);
    expect(s.k === 'member' && s.denominator).toBe(1n);
  });

  it('needs the Gröbner basis where the generators alone do not reduce the goal', () => {
    // y*z - 1 and x*z - 1 give x - y (x = x*(y*z) = y*(x*z) = y)
    const r = idealMembership([sub(mul(y, z), k(1)), sub(mul(x, z), k(1))], sub(x, y), N);
    expect(r.k).toBe('member');
  });

  it('rejects a certificate that does not reproduce the goal', () => {
    const gens = [sub(x, y)];
    expect(checkCertificate(gens, [k(1)], sub(x, y))).toBe(true);
    expect(checkCertificate(gens, [k(2)], sub(x, y))).toBe(false);
    expect(checkCertificate(gens, [z], sub(x, y))).toBe(false);
  });

  it('gives up within its limits instead of running on', () => {
    const gens = [sub(mul(mul(x, x), y), z), sub(mul(x, mul(y, y)), x), sub(mul(z, z), mul(x, y))];
    const r = idealMembership(gens, add(x, k(7)), N, { maxBasis: 4, maxPairs: 3, maxTerms: 50 });
    expect(['gave-up', 'not-member']).toContain(r.k);
  });
});
