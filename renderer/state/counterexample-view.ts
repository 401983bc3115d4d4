// How a counterexample's values are shown: old(..) beside the current value, the failing
// clause's variables first, integers in hex beside decimal. Pure functions over the verifier's
// CounterexampleVariable list.
import type { CounterexampleVariable } from '../../app/verification';

export interface Row {
  name: string;
  type: string;
  value: string;
  old?: string;
}

/** Puts `old(x)` next to `x`; an `old(..)` without a current counterpart gets its own row. */
export function rowsOf(variables: CounterexampleVariable[]): Row[] {
  const rows: Row[] = [];
  const byName = new Map<string, Row>();
  for (const v of variables) {
    const m = /^old\((.*)\)$/.exec(v.name);
    if (m) continue;
    const row = { name: v.name, type: v.type, value: v.value };
    rows.push(row);
    byName.set(v.name, row);
  }
  for (const v of variables) {
    const m = /^old\((.*)\)$/.exec(v.name);
    if (!m) continue;
    const current = byName.get(m[1]!);
    if (current) current.old = v.value;
    else rows.push({ name: v.name, type: v.type, value: v.value });
  }
  return rows;
}

/** An integer with a machine-integer type, in hex beside decimal when it is big enough to be an address or a bit pattern. */
export function withHex(value: string): string {
  const m = /^(-?)(\d+)((?:u|i)(?:8|16|32|64|128|size))?$/.exec(value);
  if (!m) return value;
  const n = BigInt(m[2]!);
  if (n < 256n) return value;
  return `${value} (${m[1]}0x${n.toString(16)})`;
}

/**
 * The rows of the variables the failing clause mentions first (by their root name: `s` for
 * `s.len`, `a[3]`), in the model's order, then the others.
 */
export function byClause(rows: Row[], clauseText: string): { inClause: Row[]; others: Row[] } {
  const words = new Set(clauseText.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []);
  const root = (name: string) => /^(?:old\()?([A-Za-z_][A-Za-z0-9_]*)/.exec(name)?.[1] ?? name;
  const inClause = rows.filter((r) => words.has(root(r.name)));
  // nothing matched (no source text at hand): every row is shown as before
  if (!inClause.length) return { inClause: rows, others: [] };
  return { inClause, others: rows.filter((r) => !inClause.includes(r)) };
}

