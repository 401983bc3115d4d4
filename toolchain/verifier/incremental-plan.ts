// Turns one function's queries into an incremental script: the shared part (options and prelude)
// once, then for each query only the declarations and facts it adds to the previous one, and its
// goal inside (push) .. (pop). Invariant: for every check, base + the declarations sent so far +
// the facts sent so far + its goal + `(check-sat)` is exactly the query's standalone text
// (`printQuery`): the session holds the same commands (declarations may come after facts, never
// before their uses); a query for which that does not hold is solved standalone, never approximated.

import { print, printShared } from './smt';
import { printQuery, type Query } from './vcgen';

export interface PlannedCheck<T> {
  /** The caller's handle for the query (an obligation). */
  item: T;
  /** Commands asserted at the base level before this check (declarations and new facts). */
  add: string;
  /** The negated goal, asserted inside (push) .. (pop). */
  goal: string;
}

export interface IncrementalPlan<T> {
  /** Options and prelude, sent once per session. */
  base: string;
  checks: PlannedCheck<T>[];
  /** Queries that do not fit the plan (another prelude or configuration, no goal): solve standalone. */
  standalone: T[];
}

export interface PlanInput<T> {
  item: T;
  query: Query;
  /** `printQuery(query)`: the standalone text (the cache key's text). */
  text: string;
}

/** The shared head of a query's text: the options and the prelude. */
function baseOf(q: Query): string {
  const head = printQuery({ ...q, decls: [], facts: [], goal: undefined });
  return head.slice(0, head.length - '(check-sat)\n'.length);
}

/**
 * Plans the queries sharing the most common prelude (by identity: FnGen.finish gives all of a
 * function's ordinary obligations the same prelude object) and configuration. Checks are ordered
 * by how many facts and declarations they see, so each one's context extends the previous one's.
 */
export function planIncremental<T>(inputs: PlanInput<T>[]): IncrementalPlan<T> {
  const standalone: T[] = [];
  const counts = new Map<Query['prelude'], number>();
  for (const x of inputs) if (x.query.goal !== undefined) counts.set(x.query.prelude, (counts.get(x.query.prelude) ?? 0) + 1);
  let main: Query['prelude'] | null = null;
  for (const [p, n] of counts) if (main === null || n > counts.get(main)!) main = p;
  const first = inputs.find((x) => x.query.prelude === main && x.query.goal !== undefined);
  if (!first) return { base: '', checks: [], standalone: inputs.map((x) => x.item) };
  const sameConfig = (q: Query) => q.prelude === main && q.mbqi === first.query.mbqi && q.options.length === first.query.options.length && q.options.every((o, i) => o === first.query.options[i]);
  const fits = inputs.filter((x) => x.query.goal !== undefined && sameConfig(x.query));
  for (const x of inputs) if (!fits.includes(x)) standalone.push(x.item);
  // stable sort: generation order among equals
  fits.sort((a, b) => a.query.facts.length - b.query.facts.length || a.query.decls.length - b.query.decls.length);
  const base = baseOf(first.query);
  const checks: PlannedCheck<T>[] = [];
  let decls: readonly string[] = [];
  let facts: Query['facts'] = [];
  // the text of the declarations and facts sent so far, in printQuery's order
  let declText = '';
  let factText = '';
  for (const x of fits) {
    const q = x.query;
    // the context only grows: this query's declarations and facts must start with the ones sent
    const extends_ = q.decls.length >= decls.length && q.facts.length >= facts.length && decls.every((d, i) => q.decls[i] === d) && facts.every((f, i) => q.facts[i] === f);
    if (!extends_) {
      standalone.push(x.item);
      continue;
    }
    let newDecls = '';
    for (const d of q.decls.slice(decls.length)) newDecls += d + '\n';
    let newFacts = '';
    for (const f of q.facts.slice(facts.length)) newFacts += `(assert ${printShared(f)})\n`;
    const goal = `(assert (not ${print(q.goal!)}))\n`;
    // the safety net of the invariant: the session will hold exactly the standalone query's
    // commands (a declaration may come after facts sent for an earlier check; those facts
    // cannot mention it, or the earlier check's own query would not have declared its symbols)
    if (base + declText + newDecls + factText + newFacts + goal + '(check-sat)\n' !== x.text) {
      standalone.push(x.item);
      continue;
    }
    declText += newDecls;
    factText += newFacts;
    decls = q.decls;
    facts = q.facts;
    checks.push({ item: x.item, add: newDecls + newFacts, goal });
  }
  return { base, checks, standalone };
}
