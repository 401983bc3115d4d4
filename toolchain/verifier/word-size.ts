// The width of `usize` / `isize`. As in Verus, a crate that does not fix it (`global size_of
// usize == 8;`) is verified for both 32 and 64 bits: the width is an SMT constant, 32 or 64,
// that every `usize` / `isize` range, cast, bit operation and `MAX` / `MIN` / `BITS` mentions.
// Invariant: with the width unknown, no term or fact here holds for one width only: a range is
// the width's constants, an operation whose result depends on the width is an `ite` over both.

import { bits, intRange, type IntKind } from './resolver';
import { ite, num, type Term } from './smt';

export const WORD_BITS = '|arch%word_bits|';
const USIZE_MAX = '|arch%usize_max|';
const ISIZE_MAX = '|arch%isize_max|';
const ISIZE_MIN = '|arch%isize_min|';

/** The width's constants, declared in the queries that mention them (of a crate that leaves the width open). */
export const WORD_SIZE_DECLS: string[] = [
  `(declare-const ${WORD_BITS} Int)`,
  `(declare-const ${USIZE_MAX} Int)`,
  `(declare-const ${ISIZE_MAX} Int)`,
  `(declare-const ${ISIZE_MIN} Int)`,
  `(assert (or (and (= ${WORD_BITS} 32) (= ${USIZE_MAX} ${(1n << 32n) - 1n}) (= ${ISIZE_MAX} ${(1n << 31n) - 1n}) (= ${ISIZE_MIN} (- ${1n << 31n}))) (and (= ${WORD_BITS} 64) (= ${USIZE_MAX} ${(1n << 64n) - 1n}) (= ${ISIZE_MAX} ${(1n << 63n) - 1n}) (= ${ISIZE_MIN} (- ${1n << 63n})))))`,
];

/** The crate's word width as fixed by a `global` item, or null (32 or 64: unknown). */
export type WordBits = 32 | 64 | null;

const archDependent = (kind: IntKind): boolean => kind === 'usize' || kind === 'isize';

/** The width of `kind` in bits, or null when it is the crate's open word width. */
export function widthOf(kind: IntKind, word: WordBits): number | null {
  return archDependent(kind) ? word : bits(kind);
}

/** The range of `kind` at width `w`. */
function rangeAt(kind: IntKind, w: number): { min: bigint; max: bigint } {
  const b = BigInt(w);
  return kind.startsWith('i') ? { min: -(1n << (b - 1n)), max: (1n << (b - 1n)) - 1n } : { min: 0n, max: (1n << b) - 1n };
}

/** The range of `kind` as terms (null: unbounded): numerals, or the width's constants. */
export function rangeTerms(kind: IntKind, word: WordBits): { min: Term | null; max: Term | null } {
  const w = widthOf(kind, word);
  if (w !== null && archDependent(kind)) {
    const r = rangeAt(kind, w);
    return { min: num(r.min), max: num(r.max) };
  }
  if (w === null) return kind === 'usize' ? { min: '0', max: USIZE_MAX } : { min: ISIZE_MIN, max: ISIZE_MAX };
  const r = intRange(kind);
  return { min: r.min === null ? null : num(r.min), max: r.max === null ? null : num(r.max) };
}

/**
 * A numeric range of `kind` that holds at every possible width: `narrow` the values `kind`
 * surely holds (32 bits when open), `wide` the values it may hold (64 bits when open).
 */
export function rangeBounds(kind: IntKind, word: WordBits, which: 'narrow' | 'wide'): { min: bigint | null; max: bigint | null } {
  if (!archDependent(kind)) return intRange(kind);
  return rangeAt(kind, word ?? (which === 'narrow' ? 32 : 64));
}

/** `f` at the width of `kind`; an `ite` over 32 and 64 bits when the width is open. */
export function byWidth(kind: IntKind, word: WordBits, f: (w: number) => Term): Term {
  const w = widthOf(kind, word);
  if (w !== null) return f(w);
  return ite(['=', WORD_BITS, '32'], f(32), f(64));
}

/** Whether a term or a prelude line mentions the open width's constants (then they are declared). */
export function mentionsWordSize(t: Term): boolean {
  if (typeof t === 'string') return t.includes('|arch%');
  return t.some(mentionsWordSize);
}
