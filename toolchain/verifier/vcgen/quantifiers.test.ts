import { describe, expect, it } from 'vitest';
import { print, type Term } from '../smt';
import { autoTriggers, triggerable } from './quantifiers';

const groups = (body: Term, vars: string[], all = false) => autoTriggers(body, new Set(vars), all)?.map((g) => g.map(print)) ?? null;

describe('trigger terms (as Verus)', () => {
  it('a user trigger may be arithmetic, at its head too; automatic selection takes none', () => {
    const add: Term = ['+', 'i', '1'];
    expect(triggerable(add, true)).toBe(true);
    expect(triggerable(add)).toBe(false);
    expect(triggerable(['f', ['div', 'i', '2']], true)).toBe(true);
    expect(triggerable(['f', ['div', 'i', '2']])).toBe(false);
  });
  it('never a comparison, equality, connective or ite', () => {
    for (const h of ['<=', '=', 'and', 'not', 'ite', '=>']) expect(triggerable([h, 'a', 'b'], true)).toBe(false);
    // the empty set is a ground constant array: fine inside a pattern; one over a variable is not
    const empty: Term = [['as', 'const', ['Array', 'Int', 'Bool']], 'false'];
    expect(triggerable(['set.union', 's', empty])).toBe(true);
    expect(triggerable(['set.union', 's', [['as', 'const', ['Array', 'Int', 'Int']], 'x']])).toBe(false);
  });
  it('bit operations are trigger terms, in automatic selection too', () => {
    const shr: Term = ['bv2nat', ['bvlshr', [['_', 'int2bv', '32'], 'i'], [['_', 'int2bv', '32'], '1']]];
    expect(triggerable(shr)).toBe(true);
    expect(groups(['=', shr, shr], ['i'])).toEqual([[print(shr)]]);
    // but not over arithmetic: `(i / 2) >> 1`
    const shrDiv: Term = ['bv2nat', ['bvlshr', [['_', 'int2bv', '32'], ['div', 'i', '2']], [['_', 'int2bv', '32'], '1']]];
    expect(groups(['=', shrDiv, shrDiv], ['i'])).toBeNull();
  });
});

describe('automatic trigger selection', () => {
  it('looks inside a nested quantifier for terms without its variables', () => {
    const body: Term = ['forall', [['y', 'Int']], ['!', ['=>', ['p', 'x'], ['q', 'x', 'y']], ':pattern', [['q', 'x', 'y']]]];
    expect(groups(body, ['x'])).toEqual([['(p x)']]);
  });
  it('never picks a term mentioning a nested quantifier\'s variable', () => {
    const body: Term = ['forall', [['y', 'Int']], ['!', ['q', 'x', 'y'], ':pattern', [['q', 'x', 'y']]]];
    expect(groups(body, ['x'])).toBeNull();
  });
  it('#![all_triggers] adds every minimal multi-pattern', () => {
    const body: Term = ['=>', ['and', ['bar', 'i'], ['qux', 'j']], ['and', ['res', 'i', 'j'], ['baz', 'j']]];
    expect(groups(body, ['i', 'j'])).toEqual([['(res i j)']]);
    const all = groups(body, ['i', 'j'], true)!;
    expect(all).toContainEqual(['(res i j)']);
    expect(all).toContainEqual(['(bar i)', '(qux j)']);
    expect(all).toContainEqual(['(bar i)', '(baz j)']);
    // every group covers both variables, and no group has a redundant term
    for (const g of all) expect(g.length === 1 || g.length === 2).toBe(true);
  });
});
