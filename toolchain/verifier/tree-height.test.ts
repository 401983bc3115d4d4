import { describe, it, expect } from 'vitest';
import { parseFile } from './parser';
import { boundTreeHeight, TreeHeights } from './tree-height';
import type { Expr, FnItem, Item } from './ast';

const sp = (start: number, end: number) => ({ start, end });

describe('tree height', () => {
  it('counts objects on the longest path (arrays transparent, spans not looked into)', () => {
    const leaf: Expr = { k: 'int', value: 1n, suffix: '', sp: sp(0, 1) };
    const bin: Expr = { k: 'binary', op: '+', l: leaf, r: { k: 'binary', op: '+', l: leaf, r: leaf, sp: sp(0, 5) }, sp: sp(0, 9) };
    const th = new TreeHeights();
    expect(th.height(leaf)).toBe(1);
    expect(th.height(bin)).toBe(3);
    expect(th.height([[bin]])).toBe(3);
  });

  it('computes a shared subtree once: a doubling DAG of 60 levels is immediate', () => {
    let e: Expr = { k: 'int', value: 0n, suffix: '', sp: sp(0, 1) };
    for (let i = 0; i < 60; i++) e = { k: 'binary', op: '+', l: e, r: e, sp: sp(0, 1) };
    const t0 = performance.now();
    expect(new TreeHeights().height(e)).toBe(61);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('measures a left-deep chain of 200,000 without recursion and names its smallest too-high subtree', () => {
    let e: Expr = { k: 'path', segs: ['x'], generics: [], sp: sp(0, 1) };
    for (let i = 0; i < 200_000; i++) e = { k: 'binary', op: '+', l: e, r: { k: 'int', value: 0n, suffix: '', sp: sp(4 * i + 4, 4 * i + 5) }, sp: sp(0, 4 * i + 5) };
    const th = new TreeHeights();
    expect(th.height(e)).toBe(200_001);
    // the subtree with exactly limit + 1 levels: x and the first 10 `+ 0`
    expect(th.excess(e, 10)).toEqual(sp(0, 41));
    expect(th.excess(e, 200_001)).toBeNull();
  });

  it('refuses a function by where its height is: the body keeps the contract, the contract does not', () => {
    const chain = (n: number) => 'x' + ' + 0'.repeat(n);
    const src = `verus! {
fn body_high(x: u64) requires x < 5 { assert(${chain(50)} == x); }
fn contract_high(x: u64) requires ${chain(50)} == x { }
fn fine(x: u64) requires x < 5 { assert(${chain(5)} == x); }
const C: u64 = ${chain(50)};
}`;
    const f = parseFile('t.rs', src);
    const diags = [...f.diagnostics];
    const items = boundTreeHeight(f.items, diags, 20);
    const byName = new Map(items.filter((i): i is FnItem => i.k === 'fn').map((i) => [i.name, i]));
    expect(byName.get('body_high')!.parseError?.inBody).toBe(true);
    expect(byName.get('body_high')!.body).toBeNull();
    expect(byName.get('body_high')!.requires.length).toBe(1);
    expect(byName.get('contract_high')!.parseError?.inBody).toBe(false);
    expect(byName.get('fine')!.parseError).toBeUndefined();
    expect(byName.get('fine')!.body).not.toBeNull();
    const c = items.find((i: Item) => i.k === 'error');
    expect(c && c.k === 'error' && c.what).toBe('const C');
    const mine = diags.slice(f.diagnostics.length);
    expect(mine).toHaveLength(3);
    for (const d of mine) {
      expect(d.message).toMatch(/too deeply nested or too long.*more than 20 levels/);
      // each span lies inside the offending chain's text
      expect(src.slice(d.sp.start, d.sp.end)).toMatch(/^x( \+ 0)+$/);
    }
  });
});
