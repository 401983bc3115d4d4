// rustc's exhaustiveness check of `match`: the arms without a guard must cover every value of
// the scrutinee's type (E0004), else the program is rejected. VC generation takes the arms as
// covering (after a `match` some arm was taken), so a non-exhaustive match must never reach it.
// The algorithm is the usual one on pattern matrices (Maranget, "Warnings for pattern matching"):
// a constructor set that is complete in the first column splits the matrix per constructor;
// otherwise only the rows whose first pattern is a wildcard can cover the missing values.

import { positionalPats, type Expr, type Pat } from '../ast';

/** A constructor of a type: an enum variant, the one of a struct or tuple, `true` / `false`. */
export interface Ctor<T> {
  name: string;
  /** its fields in order (a tuple's by index) */
  fields: { name: string; ty: T }[];
}

/**
 * The constructors of a type, or null for a type with too many values to list (integers, ...),
 * which only wildcards cover.
 */
export type CtorsOf<T> = (ty: T) => Ctor<T>[] | null;

/**
 * Integer types whose values literal and range patterns split into intervals (rustc: the fixed
 * width integers, not `usize` / `isize`; Verus's `int` / `nat` too).
 */
export interface IntDomain<T> {
  /** The values of an integer type (a null bound: unbounded), or null (not listable by ranges). */
  range(ty: T): { min: bigint | null; max: bigint | null } | null;
  /** The value of a literal or constant bound, or null when it is not known. */
  value(e: Expr): bigint | null;
}

const WILD: Pat = { k: 'wild', sp: { start: 0, end: 0 } };
// (stand-ins for the ends of `int`)
const NEG_INF = -(1n << 512n);
const POS_INF = 1n << 512n;

/** The values an integer pattern matches, inclusive; `wild` for all; null when not known. */
function intervalOf(p: Pat, value: (e: Expr) => bigint | null, lo: bigint, hi: bigint): [bigint, bigint] | 'wild' | null {
  if (isWild(p)) return 'wild';
  if (p.k === 'lit') {
    const v = value(p.value);
    return v === null ? null : [v, v];
  }
  if (p.k === 'range') {
    const a = p.lo ? value(p.lo) : lo;
    const b = p.hi ? value(p.hi) : hi;
    if (a === null || b === null) return null;
    return [a, p.hi && !p.inclusive ? b - 1n : b];
  }
  return null;
}

/** Whether `p` matches every value (a wildcard or a plain binding). */
function isWild(p: Pat): boolean {
  return p.k === 'wild' || (p.k === 'bind' && !p.sub);
}

/** The patterns `p` matches by: an or-pattern's alternatives, `x @ P`'s `P` (each in turn). */
function alternatives(p: Pat): Pat[] {
  if (p.k === 'bind' && p.sub) return alternatives(p.sub);
  return p.k === 'or' ? p.alts.flatMap(alternatives) : [p];
}

/** The constructor `p` names, when it names one of `ctors`. */
function ctorName<T>(p: Pat, ctors: Ctor<T>[]): string | null {
  if (p.k === 'tuple') return ctors.length === 1 ? ctors[0]!.name : null;
  if (p.k === 'lit') return p.value.k === 'bool' ? String(p.value.value) : null;
  if (p.k === 'variant') {
    // a struct's pattern names the struct, a variant's its variant (last segment)
    if (ctors.length === 1 && ctors[0]!.name === '()') return null;
    const last = p.path[p.path.length - 1]!;
    return ctors.find((c) => c.name === last)?.name ?? (ctors.length === 1 ? ctors[0]!.name : null);
  }
  return null;
}

/** The sub-patterns of `p` for the fields of `c` (a missing one, or one after `..`, is `_`). */
function subPatterns<T>(p: Pat, c: Ctor<T>): Pat[] {
  if (p.k === 'tuple') return positionalPats(p.elems, p.restAt, c.fields.length, p.sp) ?? c.fields.map(() => WILD);
  if (p.k === 'variant') {
    if (p.args) return positionalPats(p.args, p.restAt, c.fields.length, p.sp) ?? c.fields.map(() => WILD);
    if (p.fields) return c.fields.map((f) => p.fields!.find((x) => x.name === f.name)?.pat ?? WILD);
  }
  return c.fields.map(() => WILD);
}

/**
 * A list of values (as pattern text, one per column) that no row of `rows` matches, or null when
 * the rows cover every value of `tys`.
 */
export function uncovered<T>(rows: Pat[][], tys: T[], ctorsOf: CtorsOf<T>, depth = 0, ints?: IntDomain<T>): string[] | null {
  if (!tys.length) return rows.length ? null : [];
  // (a type this deep is left to the rows' own shape: no witness is looked for further)
  if (depth > 64) return null;
  const flat = rows.flatMap((r) => alternatives(r[0]!).map((a) => [a, ...r.slice(1)]));
  const [ty, ...rest] = tys as [T, ...T[]];
  const ctors = ctorsOf(ty);
  const defaults = () => flat.filter((r) => isWild(r[0]!)).map((r) => r.slice(1));
  const domain = !ctors && ints ? ints.range(ty) : null;
  if (domain) {
    // an integer column: the bounds of its patterns split the type's values into intervals,
    // each of which a pattern matches wholly or not at all (a "constructor" of no fields)
    const lo = domain.min ?? NEG_INF;
    const hi = domain.max ?? POS_INF;
    const withIv = flat.map((r) => ({ r, iv: intervalOf(r[0]!, ints!.value, lo, hi) }));
    const cuts = new Set<bigint>([lo]);
    for (const { iv } of withIv) {
      if (!iv || iv === 'wild') continue;
      if (iv[0] > lo && iv[0] <= hi) cuts.add(iv[0]);
      if (iv[1] >= lo && iv[1] < hi) cuts.add(iv[1] + 1n);
    }
    const starts = [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (let i = 0; i < starts.length; i++) {
      const x = starts[i]!;
      const y = i + 1 < starts.length ? starts[i + 1]! - 1n : hi;
      const spec = withIv.filter(({ iv }) => iv === 'wild' || (iv !== null && iv[0] <= x && y <= iv[1])).map(({ r }) => r.slice(1));
      const w = uncovered(spec, rest, ctorsOf, depth + 1, ints);
      if (w) return [x === NEG_INF ? (y === POS_INF ? '_' : `..=${y}`) : String(x), ...w];
    }
    return null;
  }
  if (!ctors) {
    const w = uncovered(defaults(), rest, ctorsOf, depth + 1, ints);
    return w && ['_', ...w];
  }
  const used = new Set(flat.map((r) => ctorName(r[0]!, ctors)).filter((x): x is string => x !== null));
  const render = (c: Ctor<T>, subs: string[]) => (c.name === '()' ? `(${subs.join(', ')})` : subs.length ? `${c.name}(${subs.join(', ')})` : c.name);
  if (ctors.every((c) => used.has(c.name))) {
    for (const c of ctors) {
      const spec = flat.flatMap((r) => {
        if (isWild(r[0]!)) return [[...c.fields.map(() => WILD), ...r.slice(1)]];
        return ctorName(r[0]!, ctors) === c.name ? [[...subPatterns(r[0]!, c), ...r.slice(1)]] : [];
      });
      const w = uncovered(spec, [...c.fields.map((f) => f.ty), ...rest], ctorsOf, depth + 1, ints);
      if (w) return [render(c, w.slice(0, c.fields.length)), ...w.slice(c.fields.length)];
    }
    return null;
  }
  const w = uncovered(defaults(), rest, ctorsOf, depth + 1, ints);
  if (!w) return null;
  const missing = ctors.find((c) => !used.has(c.name))!;
  return [render(missing, missing.fields.map(() => '_')), ...w];
}
