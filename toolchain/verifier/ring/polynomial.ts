// Polynomials with rational coefficients over numbered variables, in the lexicographic monomial
// order (variable 0 highest): the arithmetic the integer-ring decision procedure needs.
// Invariant: a `Poly` is a list of terms with non-zero, normalized coefficients and pairwise
// distinct monomials, sorted from the greatest monomial down; every function returns one again
// and never mutates its arguments.

/** A rational number `n / d` with `d > 0` and `gcd(n, d) = 1`. */
export interface Rat {
  readonly n: bigint;
  readonly d: bigint;
}

/** Exponents by variable index; all monomials of one computation have the same length. */
export type Monomial = readonly number[];

export interface PolyTerm {
  readonly m: Monomial;
  readonly c: Rat;
}

export type Poly = readonly PolyTerm[];

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
};

export function rat(n: bigint, d = 1n): Rat {
  if (d === 0n) throw new Error('rational with denominator 0');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}
export const ratAdd = (a: Rat, b: Rat): Rat => rat(a.n * b.d + b.n * a.d, a.d * b.d);
export const ratMul = (a: Rat, b: Rat): Rat => rat(a.n * b.n, a.d * b.d);
export const ratNeg = (a: Rat): Rat => ({ n: -a.n, d: a.d });
export const ratDiv = (a: Rat, b: Rat): Rat => rat(a.n * b.d, a.d * b.n);

/** Lexicographic order: positive when `a` is the greater monomial. */
export function compareMonomials(a: Monomial, b: Monomial): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
export const monoMul = (a: Monomial, b: Monomial): Monomial => a.map((e, i) => e + b[i]!);
export const monoDivides = (a: Monomial, b: Monomial): boolean => a.every((e, i) => e <= b[i]!);
export const monoDiv = (a: Monomial, b: Monomial): Monomial => a.map((e, i) => e - b[i]!);
export const monoLcm = (a: Monomial, b: Monomial): Monomial => a.map((e, i) => Math.max(e, b[i]!));
/** Whether two monomials share no variable (Buchberger's first criterion). */
export const monoCoprime = (a: Monomial, b: Monomial): boolean => a.every((e, i) => e === 0 || b[i] === 0);

export const ZERO: Poly = [];
export const constant = (c: Rat, nvars: number): Poly => (c.n === 0n ? ZERO : [{ m: new Array<number>(nvars).fill(0), c }]);
export function variable(i: number, nvars: number): Poly {
  const m = new Array<number>(nvars).fill(0);
  m[i] = 1;
  return [{ m, c: rat(1n) }];
}

export function add(a: Poly, b: Poly): Poly {
  const out: PolyTerm[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const cmp = compareMonomials(a[i]!.m, b[j]!.m);
    if (cmp > 0) out.push(a[i++]!);
    else if (cmp < 0) out.push(b[j++]!);
    else {
      const c = ratAdd(a[i]!.c, b[j]!.c);
      if (c.n !== 0n) out.push({ m: a[i]!.m, c });
      i++;
      j++;
    }
  }
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}
export const neg = (a: Poly): Poly => a.map((t) => ({ m: t.m, c: ratNeg(t.c) }));
export const sub = (a: Poly, b: Poly): Poly => add(a, neg(b));
/** `a * c * x^m` (order is kept: monomial orders are compatible with multiplication). */
export function mulTerm(a: Poly, m: Monomial, c: Rat): Poly {
  if (c.n === 0n) return ZERO;
  return a.map((t) => ({ m: monoMul(t.m, m), c: ratMul(t.c, c) }));
}
export function mul(a: Poly, b: Poly): Poly {
  let out: Poly = ZERO;
  for (const t of b) out = add(out, mulTerm(a, t.m, t.c));
  return out;
}
export const isZero = (a: Poly): boolean => a.length === 0;
export function equal(a: Poly, b: Poly): boolean {
  return a.length === b.length && a.every((t, i) => compareMonomials(t.m, b[i]!.m) === 0 && t.c.n === b[i]!.c.n && t.c.d === b[i]!.c.d);
}
/** The least common multiple of the coefficients' denominators. */
export function denominator(a: Poly): bigint {
  let l = 1n;
  for (const t of a) l = (l * t.c.d) / gcd(l, t.c.d);
  return l;
}

/** `a` as text over `names` (for messages and tests). */
export function show(a: Poly, names: readonly string[]): string {
  if (!a.length) return '0';
  return a
    .map((t, k) => {
      const vars = t.m.flatMap((e, i) => (e === 0 ? [] : [e === 1 ? names[i]! : `${names[i]}^${e}`])).join('*');
      const mag = t.c.n < 0n ? -t.c.n : t.c.n;
      const coef = t.c.d === 1n ? `${mag}` : `${mag}/${t.c.d}`;
      const body = vars ? (coef === '1' ? vars : `${coef}*${vars}`) : coef;
      return (t.c.n < 0n ? (k ? ' - ' : '-') : k ? ' + ' : '') + body;
    })
    .join('');
}
