import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Pat } from '../ast';
import { uncovered, type Ctor, type IntDomain } from './exhaustiveness';

// types for the tests: booleans, pairs of them, an enum `E { A(bool), B }`, and integers
type T = 'bool' | 'pair' | 'E' | 'int';
const sp = { start: 0, end: 0 };
const ctorsOf = (t: T): Ctor<T>[] | null => {
  switch (t) {
    case 'bool': return [{ name: 'true', fields: [] }, { name: 'false', fields: [] }];
    case 'pair': return [{ name: '()', fields: [{ name: '0', ty: 'bool' }, { name: '1', ty: 'bool' }] }];
    case 'E': return [{ name: 'A', fields: [{ name: '0', ty: 'bool' }] }, { name: 'B', fields: [] }];
    case 'int': return null;
  }
};
const b = (v: boolean): Pat => ({ k: 'lit', value: { k: 'bool', value: v, sp }, sp });
const wild: Pat = { k: 'wild', sp };
const pair = (x: Pat, y: Pat): Pat => ({ k: 'tuple', elems: [x, y], sp });

describe('exhaustiveness of match arms (rustc E0004)', () => {
  it('finds the value no arm covers, through nested patterns and or-patterns', () => {
    expect(uncovered([[b(true)]], ['bool'], ctorsOf)).toEqual(['false']);
    expect(uncovered([[b(true)], [b(false)]], ['bool'], ctorsOf)).toBeNull();
    expect(uncovered([[pair(b(true), wild)], [pair(b(false), b(true))]], ['pair'], ctorsOf)).toEqual(['(false, false)']);
    expect(uncovered([[{ k: 'or', alts: [pair(b(true), wild), pair(wild, b(false))], sp }], [pair(b(false), b(true))]], ['pair'], ctorsOf)).toBeNull();
    const a = (p: Pat): Pat => ({ k: 'variant', path: ['E', 'A'], args: [p], fields: null, rest: false, sp });
    expect(uncovered([[a(b(true))], [{ k: 'variant', path: ['E', 'B'], args: null, fields: null, rest: false, sp }]], ['E'], ctorsOf)).toEqual(['A(false)']);
    // integers: only a wildcard or a binding covers them
    expect(uncovered([[{ k: 'lit', value: { k: 'int', value: 0n, suffix: '', sp }, sp }]], ['int'], ctorsOf)).toEqual(['_']);
    expect(uncovered([[{ k: 'bind', name: 'x', mut: false, sp }]], ['int'], ctorsOf)).toBeNull();
  });

  it('agrees with trying every value, on random arms over pairs of booleans', () => {
    const lit = fc.oneof(fc.constant(wild), fc.boolean().map(b));
    const arm = fc.tuple(lit, lit).map(([x, y]) => pair(x, y));
    fc.assert(
      fc.property(fc.array(arm, { maxLength: 5 }), (arms) => {
        const matches = (p: Pat, v: boolean) => p.k === 'wild' || (p.k === 'lit' && p.value.k === 'bool' && p.value.value === v);
        const all = [true, false].flatMap((x) => [true, false].map((y) => [x, y] as const));
        const covered = all.every(([x, y]) => arms.some((p) => p.k === 'tuple' && matches(p.elems[0]!, x) && matches(p.elems[1]!, y)));
        expect(uncovered(arms.map((p) => [p]), ['pair'], ctorsOf) === null).toBe(covered);
      }),
    );
  });

  // a u8-like integer of values 0..=15 (small enough to try every value), literal and range arms
  const small: IntDomain<T> = {
    range: (t) => (t === 'int' ? { min: 0n, max: 15n } : null),
    value: (e) => (e.k === 'int' ? e.value : null),
  };
  const int = (v: number) => ({ k: 'int' as const, value: BigInt(v), suffix: '', sp });
  it('splits an integer column into the intervals its literal and range patterns bound', () => {
    const range = (lo: number | null, hi: number | null, inclusive = true): Pat => ({ k: 'range', lo: lo === null ? null : int(lo), hi: hi === null ? null : int(hi), inclusive, sp });
    expect(uncovered([[range(null, 9)], [range(10, null)]], ['int'], ctorsOf, 0, small)).toBeNull();
    expect(uncovered([[range(0, 9)], [range(11, 15)]], ['int'], ctorsOf, 0, small)).toEqual(['10']);
    expect(uncovered([[range(0, 10, false)], [range(11, null)]], ['int'], ctorsOf, 0, small)).toEqual(['10']);
    // (a pair of an integer and a boolean: the boolean is split inside each interval)
    expect(uncovered([[range(0, 7), b(true)], [range(0, 15), b(false)], [range(8, 15), wild]], ['int', 'bool'], ctorsOf, 0, small)).toBeNull();
    expect(uncovered([[range(0, 7), b(true)], [range(8, 15), wild]], ['int', 'bool'], ctorsOf, 0, small)).toEqual(['0', 'false']);
  });

  it('agrees with trying every value, on random literal and range arms over 0..=15', () => {
    const pat = fc.oneof(
      fc.constant(wild),
      fc.integer({ min: 0, max: 15 }).map((v): Pat => ({ k: 'lit', value: int(v), sp })),
      fc.tuple(fc.option(fc.integer({ min: 0, max: 15 })), fc.option(fc.integer({ min: 0, max: 16 })), fc.boolean()).map(([lo, hi, inclusive]): Pat => ({ k: 'range', lo: lo === null ? null : int(lo), hi: hi === null ? null : int(hi), inclusive: hi === null ? false : inclusive, sp })),
    );
    fc.assert(
      fc.property(fc.array(pat, { maxLength: 5 }), (arms) => {
        const matches = (p: Pat, v: number): boolean => {
          if (p.k === 'wild') return true;
          if (p.k === 'lit') return p.value.k === 'int' && Number(p.value.value) === v;
          if (p.k !== 'range') return false;
          const lo = p.lo?.k === 'int' ? Number(p.lo.value) : 0;
          const hi = p.hi?.k === 'int' ? Number(p.hi.value) : 15;
          return lo <= v && (p.hi === null || p.inclusive ? v <= hi : v < hi);
        };
        const covered = Array.from({ length: 16 }, (_, v) => v).every((v) => arms.some((p) => matches(p, v)));
        expect(uncovered(arms.map((p) => [p]), ['int'], ctorsOf, 0, small) === null).toBe(covered);
      }),
    );
  });
});
