// Strongly connected components (Tarjan), shared by the phases that reason about cycles: the
// checker's recursion rules, spec fn definitions, exec/proof recursion checks and datatype groups.

/**
 * The components of the graph, each listed after every component it points to (reverse
 * topological order). Nodes are visited in the order given and a component lists its nodes in
 * the order they leave the stack; callers that need a canonical order sort.
 */
export function stronglyConnected<T>(nodes: Iterable<T>, succ: (n: T) => Iterable<T>): T[][] {
  let index = 0;
  const idx = new Map<T, number>();
  const low = new Map<T, number>();
  const on = new Set<T>();
  const stack: T[] = [];
  const out: T[][] = [];
  const strong = (v: T): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of succ(v)) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) !== idx.get(v)) return;
    const comp: T[] = [];
    for (;;) {
      const w = stack.pop()!;
      on.delete(w);
      comp.push(w);
      if (w === v) break;
    }
    out.push(comp);
  };
  for (const n of nodes) if (!idx.has(n)) strong(n);
  return out;
}

/** Components of string-keyed graphs in a canonical order (sorted nodes, sorted components). */
export function sortedComponents(nodes: Iterable<string>, succ: (n: string) => Iterable<string>): string[][] {
  return stronglyConnected([...nodes].sort(), succ).map((c) => c.sort());
}
