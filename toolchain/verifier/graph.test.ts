import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sortedComponents, stronglyConnected } from './graph';

describe('stronglyConnected', () => {
  it('finds cycles and self-loops, each component after the ones it points to', () => {
    const edges: Record<string, string[]> = { a: ['b'], b: ['a', 'c'], c: ['c'], d: [] };
    expect(sortedComponents(Object.keys(edges), (n) => edges[n]!)).toEqual([['c'], ['a', 'b'], ['d']]);
  });

  it('puts two nodes in one component exactly when each reaches the other (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 7 })), { maxLength: 20 }), (pairs) => {
        const succ = (n: number) => pairs.filter(([a]) => a === n).map(([, b]) => b);
        const reach = (from: number, to: number): boolean => {
          const seen = new Set<number>();
          const todo = [from];
          while (todo.length) {
            const x = todo.pop()!;
            if (x === to) return true;
            if (seen.has(x)) continue;
            seen.add(x);
            todo.push(...succ(x));
          }
          return false;
        };
        const nodes = [0, 1, 2, 3, 4, 5, 6, 7];
        const comps = stronglyConnected(nodes, succ);
        const compOf = new Map<number, number>();
        comps.forEach((c, i) => c.forEach((n) => compOf.set(n, i)));
        for (const a of nodes) for (const b of nodes) expect(compOf.get(a) === compOf.get(b)).toBe(reach(a, b) && reach(b, a));
        // reverse topological order: an edge never points to a later component
        for (const [a, b] of pairs) expect(compOf.get(b)!).toBeLessThanOrEqual(compOf.get(a)!);
      }),
    );
  });
});
