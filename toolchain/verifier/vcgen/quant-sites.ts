// Where the quantifiers of a crate are written: the item (function or constant) and file of each
// `forall` / `exists` / `choose` / `assert forall`, found by the span
// object of its syntax node. A span holds offsets only; the same expression is evaluated in
// other functions' generators too (a callee's `requires`, a spec fn's body), so the file cannot
// come from the generator that meets it.
// Invariant: a qid made here is relative to its item (see ../qid.ts), the site it points at is
// absolute (file and span).

import type { Item, Sp } from '../ast';
import type { Crate } from '../resolver';
import { LineMap } from '../../syntax/line-map';
import { QidSites, type QuantOrigin } from '../qid';

interface Spot {
  file: string;
  item: string;
  /** line of the item's first character */
  itemLine: number;
  lines: LineMap;
}

/** Node kinds whose span may become a quantifier. */
const QUANTIFYING = new Set(['quant', 'assert-forall', 'closure']);

export class QuantSpots {
  private spots: Map<Sp, Spot> | null = null;
  /** The qids made with a site, for the profile report. */
  readonly sites = new QidSites();
  constructor(private readonly crate: Crate) {}

  private index(): Map<Sp, Spot> {
    const spots = new Map<Sp, Spot>();
    for (const f of this.crate.files) {
      const lines = new LineMap(f.text);
      // (a trait's method declarations are items of their own: generic callers evaluate their clauses)
      for (const it of f.items.flatMap((x): Item[] => (x.k === 'trait' ? x.methods : [x]))) {
        const item = itemName(it);
        if (item === null) continue;
        const spot: Spot = { file: f.path, item, itemLine: lines.pos(it.sp.start).line, lines };
        const walk = (o: unknown): void => {
          if (!o || typeof o !== 'object') return;
          if (Array.isArray(o)) {
            for (const x of o) walk(x);
            return;
          }
          const n = o as { k?: unknown; sp?: Sp };
          if (typeof n.k === 'string' && QUANTIFYING.has(n.k) && n.sp) spots.set(n.sp, spot);
          for (const [k, v] of Object.entries(o)) if (k !== 'sp' && k !== 'nameSp' && v && typeof v === 'object') walk(v);
        };
        walk(it);
      }
    }
    return spots;
  }

  /**
   * The origin of a quantifier written at `sp` (the span object of its node), with its site
   * noted; null when `sp` is no quantifier's node of this crate.
   */
  origin(what: 'forall' | 'exists' | 'choose', sp: Sp): QuantOrigin | null {
    this.spots ??= this.index();
    const s = this.spots.get(sp);
    if (!s) return null;
    const p = s.lines.pos(sp.start);
    return this.sites.note({ k: 'source', what, item: s.item, line: p.line - s.itemLine, column: p.column }, { file: s.file, sp });
  }
}

function itemName(it: Item): string | null {
  if (it.k === 'fn' || it.k === 'const') return it.selfType ? `${it.selfType}::${it.name}` : it.name;
  return null;
}
