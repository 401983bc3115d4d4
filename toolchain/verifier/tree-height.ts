// Bounded work on hostile input: the height of each item's syntax tree.
//
// The parser reads a chain of binary operators (`x + 0 + 0 ...`), casts (`x as int as int ...`)
// or postfix operators (`s.f().f() ...`) with loops, so it survives a chain of any length; but
// every later phase (resolver, checker, vcgen, the SMT printer, the interpreter) walks the tree
// recursively, and a left-deep chain of ~800 `&&` overflowed the checker's stack on the main
// thread ("Maximum call stack size exceeded", the whole run lost). Rather than rewrite every phase
// to iterate, the parser refuses an item whose tree is higher than MAX_TREE_HEIGHT: a function
// gets an `error` (its body, or its contract when that is where the height is, is not read), any
// other item becomes an error item, each with the span of the smallest subtree over the bound.
//
// The height counts the objects on the longest path from the item down (an expression, statement,
// block, match arm, type, pattern, span: each one level; arrays are transparent). Measured with
// node's default stack of ~1 MB (the CLI's main thread), the phases survive a tree of ~780 levels
// (a chain of `&&`, the costliest per level; `+`, method calls ~870, casts ~1,100, `else if`
// ~1,160), but code that has not been optimized yet by the JIT uses bigger frames: a 300-term `&&`
// chain overflowed the checker in a test process. The bound is a quarter of the measured depth.
// Real code stays far below it (the corpus and the Nimbus kernel reach ~40).

import type { Item, ParseDiagnostic, Sp } from './ast';

export const MAX_TREE_HEIGHT = 200;

type Node = object;

/** The objects directly under `o` (spans are leaves: not looked into). */
function children(o: Node): Node[] {
  const out: Node[] = [];
  if (Array.isArray(o)) {
    for (const v of o as unknown[]) if (typeof v === 'object' && v !== null) out.push(v);
    return out;
  }
  const r = o as Record<string, unknown>;
  for (const key in r) {
    if (key === 'sp' || key === 'nameSp') continue;
    const v = r[key];
    if (typeof v === 'object' && v !== null) out.push(v);
  }
  return out;
}

/** Heights of the objects under `root` (computed once each: shared subtrees cost nothing more). */
export class TreeHeights {
  private readonly memo = new Map<Node, number>();

  /** The height of `root`, without recursion (a tree of any height). */
  height(root: Node): number {
    const known = this.memo.get(root);
    if (known !== undefined) return known;
    // post-order with an explicit stack: a node is finished once its children are
    const nodes: Node[] = [root];
    const kidsOf: (Node[] | null)[] = [null];
    while (nodes.length) {
      const o = nodes[nodes.length - 1]!;
      let kids = kidsOf[kidsOf.length - 1]!;
      if (kids === null) {
        if (this.memo.has(o)) {
          nodes.pop();
          kidsOf.pop();
          continue;
        }
        kids = children(o);
        kidsOf[kidsOf.length - 1] = kids;
        let pending = false;
        for (const c of kids) {
          if (!this.memo.has(c)) {
            nodes.push(c);
            kidsOf.push(null);
            pending = true;
          }
        }
        if (pending) continue;
      }
      nodes.pop();
      kidsOf.pop();
      let h = 0;
      // a cycle (none in the AST) would leave a child unknown: it counts as a leaf
      for (const c of kids) {
        const ch = this.memo.get(c) ?? 1;
        if (ch > h) h = ch;
      }
      this.memo.set(o, Array.isArray(o) ? h : h + 1);
    }
    return this.memo.get(root)!;
  }

  /**
   * The span of the smallest subtree of `root` higher than `limit` (on a path of the highest
   * children), or null when `root` is within the limit.
   */
  excess(root: Node, limit: number): Sp | null {
    if (this.height(root) <= limit) return null;
    let cur: Node = root;
    let sp: Sp | null = spanOf(root);
    for (;;) {
      let best: Node | null = null;
      let bestH = -1;
      for (const c of children(cur)) {
        const h = this.height(c);
        if (h > bestH) {
          best = c;
          bestH = h;
        }
      }
      if (!best || bestH <= limit) return sp;
      cur = best;
      sp = spanOf(cur) ?? sp;
    }
  }
}

function spanOf(o: Node): Sp | null {
  if (Array.isArray(o)) return null;
  const sp = (o as { sp?: unknown }).sp;
  if (typeof sp === 'object' && sp !== null && typeof (sp as Sp).start === 'number' && typeof (sp as Sp).end === 'number') return sp as Sp;
  return null;
}

export function treeHeightMessage(limit: number): string {
  return `expression too deeply nested or too long: its syntax tree is more than ${limit} levels high (split it, e.g. with \`let\` bindings or a spec fn)`;
}

/**
 * Refuses the items whose syntax tree is higher than `limit` (see the header): a function keeps
 * its item with `parseError` (inBody when its signature and clauses are within the limit, so its
 * callers still see its contract) and no body; another item is replaced by an error item. The
 * diagnostics are appended to `diags`. Returns the items to keep.
 */
export function boundTreeHeight(items: Item[], diags: ParseDiagnostic[], limit = MAX_TREE_HEIGHT): Item[] {
  const th = new TreeHeights();
  const out: Item[] = [];
  for (const it of items) {
    if (it.k === 'fn') {
      if (it.parseError) {
        out.push(it);
        continue;
      }
      const contract = [it.params, it.ret, it.requires, it.ensures, it.recommends, it.decreases, it.returns];
      const inContract = th.excess(contract, limit);
      const where = inContract ?? (it.body ? th.excess(it.body, limit) : null);
      if (where) {
        const diagnostic = { message: treeHeightMessage(limit), sp: where };
        diags.push(diagnostic);
        it.parseError = { diagnostic, inBody: inContract === null };
        it.body = null;
        // no tree over the bound stays in the syntax tree: every later reader (the checker, `stats`,
        // `erase`) may walk it recursively, filtered or not
        if (inContract) {
          Object.assign(it, { params: [], ret: null, requires: [], ensures: [], recommends: [], decreases: [], returns: null });
        }
      }
      out.push(it);
      continue;
    }
    if (it.k === 'error' || it.k === 'unsupported' || it.k === 'broadcast-use' || it.k === 'broadcast-group' || it.k === 'trait-impl' || it.k === 'global-size' || it.k === 'global-layout' || it.k === 'external-fn') {
      out.push(it);
      continue;
    }
    // (an external datatype or trait may become one of the crate: external-types.ts, external-traits.ts)
    const where = th.excess(it.k === 'external-type' ? it.dt : it.k === 'external-trait' ? it.trait : it, limit);
    if (!where) {
      out.push(it);
      continue;
    }
    const diagnostic = { message: treeHeightMessage(limit), sp: where };
    diags.push(diagnostic);
    out.push({ k: 'error', what: `${it.k} ${it.k === 'external-type' ? it.dt.name : it.k === 'external-trait' ? it.trait.name : it.name}`, diagnostic, sp: it.sp, module: it.module });
  }
  return out;
}
