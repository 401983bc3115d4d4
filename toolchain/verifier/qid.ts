// Quantifier ids: every quantifier the verifier emits carries a `:qid` naming where it comes
// from, so z3's instantiation profile (`stratos verify --profile`, ./qi-profile.ts) can point at
// the source. This module is the one place that makes a qid, and `quantifier` the one builder of
// a quantified term.
// Invariant: a qid depends only on what the quantifier is (its item and its position inside that
// item, the spec fn, the axiom's name), never on file paths or on where the item sits in its
// file: moving an item or editing the code above it does not change any query text (the cache
// key). The report maps a source qid back to file:line:col (QidSites).

import type { Sp } from './ast';
import type { Term } from './smt';

/** Where a quantifier comes from. */
export type QuantOrigin =
  /** a `forall` / `exists` / `choose` written in an item:
   * `line` counts from the item's first line (0 = that line), `column` is 1-based */
  | { k: 'source'; what: 'forall' | 'exists' | 'choose'; item: string; line: number; column: number }
  /** the defining axiom of a spec fn (`fuel`: the second axiom of a recursive one) */
  | { k: 'spec-fn'; fn: string; fuel?: boolean }
  /** the range facts of the elements of a Seq / array / Map value `of` (an SMT term) of type `ty` */
  | { k: 'type-inv'; ty: string; of: string }
  /** an axiom of the encoding: collection operations and helpers (`Seq<Int>.contains`), boxes, `uf.mul`, heights */
  | { k: 'axiom'; name: string };

/** The qid's text (without the `|..|` quoting): what z3's profile prints. */
export function qidText(o: QuantOrigin): string {
  let s: string;
  switch (o.k) {
    case 'source': s = `${o.what}:${o.item}+${o.line}:${o.column}`; break;
    case 'spec-fn': s = `spec${o.fuel ? '-fuel' : ''}:${o.fn}`; break;
    case 'type-inv': s = `inv:${o.ty}@${o.of.replace(/\|/g, '')}`; break;
    case 'axiom': s = `axiom:${o.name}`; break;
  }
  // inside |..| every printable character but `|` and `\` is allowed; z3's profile lines are
  // split on " : ", so no white space either
  return s.replace(/[|\\\s]/g, '_');
}

/** The qid as an SMT-LIB symbol. */
export function qidSymbol(o: QuantOrigin): string {
  return `|${qidText(o)}|`;
}

/**
 * `(q (binders) (! body :pattern (..) .. :qid id))`: the one way a quantifier is built. A
 * quantifier without patterns is never made here (the callers' invariant: triggers or an error).
 */
export function quantifier(q: 'forall' | 'exists', binders: Term[], body: Term, patterns: Term[][], origin: QuantOrigin): Term {
  if (!patterns.length) throw new Error('a quantifier needs at least one pattern');
  const attrs: Term[] = [];
  for (const p of patterns) attrs.push(':pattern', p);
  attrs.push(':qid', qidSymbol(origin));
  return [q, binders, ['!', body, ...attrs]];
}

/** `t` without its `:qid` attributes: the quantifiers as they are, wherever they were written
 * (two `choose` with the same body are one choice, wherever each is). */
export function withoutQids(t: Term): Term {
  if (typeof t === 'string') return t;
  const out: Term[] = [];
  for (let i = 0; i < t.length; i++) {
    if (t[0] === '!' && t[i] === ':qid') {
      i++;
      continue;
    }
    out.push(withoutQids(t[i]!));
  }
  return out;
}

/** Every qid in `t`, in order (with repetitions). */
export function qidsIn(t: Term, out: string[] = []): string[] {
  if (typeof t === 'string') return out;
  for (let i = 0; i < t.length; i++) {
    if (t[0] === '!' && t[i] === ':qid' && typeof t[i + 1] === 'string') out.push((t[i + 1] as string).replace(/^\|(.*)\|$/, '$1'));
    else qidsIn(t[i]!, out);
  }
  return out;
}

/** What a source qid points at: the file and span of the quantifier (or spec fn). */
export interface QidSite {
  file: string;
  sp: Sp;
}

/** Source qids seen while generating a crate's queries -> their sites (for the profile report). */
export class QidSites {
  private readonly sites = new Map<string, QidSite>();
  /** The qid of `origin`, remembering where it points. */
  note(origin: QuantOrigin, site: QidSite | null): QuantOrigin {
    if (site) {
      const id = qidText(origin);
      if (!this.sites.has(id)) this.sites.set(id, site);
    }
    return origin;
  }
  get(qid: string): QidSite | undefined {
    return this.sites.get(qid);
  }
}
