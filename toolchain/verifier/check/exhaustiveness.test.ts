import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Pat } from '../ast';
import { uncovered, type Ctor } from './exhaustiveness';

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
});
