// Test support: the checking phase's errors, function by function, for a small program.

import { expect } from 'vitest';
import { parseFile } from '../parser';
import { Crate } from '../resolver';
import type { FnItem } from '../ast';
import { checkCrate } from '../check/checker';

/** The check errors of every function of `verus! { prelude body }`, by name (`[]` for one without). */
export function checkErrorsOf(body: string, prelude = ''): Record<string, string[]> {
  const file = parseFile('t.rs', `verus! {\n${prelude}${body}\n}`);
  expect(file.diagnostics).toEqual([]);
  const checked = checkCrate(new Crate([file]));
  const out: Record<string, string[]> = {};
  for (const it of file.items) if (it.k === 'fn') out[it.name] = (checked.fnErrors.get(it as FnItem) ?? []).map((e) => e.message);
  return out;
}
