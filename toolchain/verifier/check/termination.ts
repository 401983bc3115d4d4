// Termination of exec code, as Verus checks it: every exec loop and every recursive exec function
// needs a `decreases` clause, unless the function (or the whole run) opts out. Proof functions
// never opt out; spec functions are checked where their definitions are encoded.
import type { FnItem } from '../ast';
import { hasVerifierAttr } from '../../syntax/attributes';

export interface TerminationOptions {
  /** Verus's `exec_allows_no_decreases_clause` for the whole run (a crate-wide opt-out). */
  execAllowsNoDecreasesClause?: boolean;
}

/** The attributes by which an exec function opts out of termination checking. */
const WAIVERS = ['exec_allows_no_decreases_clause', 'assume_termination'];

/** Whether `f`'s loops and recursion may go without `decreases` (exec functions only). */
export function execTerminationWaived(f: FnItem, opts: TerminationOptions): boolean {
  if (f.mode !== 'exec') return false;
  if (opts.execAllowsNoDecreasesClause) return true;
  return WAIVERS.some((name) => hasVerifierAttr(f.attrs, name));
}
