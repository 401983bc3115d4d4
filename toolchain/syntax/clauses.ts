// Verus' specification clauses and item modifiers: the one list read by the verifier's parser,
// the ghost-code eraser (toolchain/erase) and the line statistics (toolchain/stats). They used to
// keep their own lists and disagreed (a `returns` clause reached rustc; the parser read
// `no_unwind` and dropped it). A clause the verifier does not implement is `unsupported` here, so
// the function carrying it is reported unsupported instead of verified without it.

/** What the verifier does with a clause. */
export type ClauseTreatment =
  | 'requires'
  | 'ensures'
  | 'recommends'
  | 'decreases'
  /** `returns e` means `ensures result == e`. */
  | 'returns'
  /** Loop invariants: checked on entry and at the end of the body. */
  | 'invariant'
  /** `decreases .. when c` / `decreases .. via g`: Verus's termination hints (`decreases_when(c)`, `decreases_by(g)`) */
  | 'decreases-when'
  | 'decreases-via'
  /** `no_unwind` / `no_unwind when c`: the exec fn does not unwind (when `c` holds at its entry) */
  | 'no-unwind'
  /** `opens_invariants any | none | [e, ..]`: the invariant namespaces a call of the fn may open */
  | 'opens-invariants'
  /** `default_ensures`: what a trait method's default body gives besides its `ensures` */
  | 'default-ensures'
  /** Not implemented: the function (or loop) is reported `unsupported`, naming the clause. */
  | 'unsupported';

export interface VerusClause {
  keyword: string;
  /** Treatment in a function signature (between the return type and the body); null: not allowed there. */
  inFn: ClauseTreatment | null;
  /** Treatment in a `while` / `loop` head; null: not allowed there. */
  inLoop: ClauseTreatment | null;
  /**
   * Only inside another clause (`decreases e when c via lemma`, `no_unwind when c`): it ends the
   * expression list before it but does not start a clause of its own for the eraser and the
   * statistics, which treat it as part of the clause it continues (so an exec variable named
   * `when` is not erased).
   */
  continuation: boolean;
}

export const VERUS_CLAUSES: readonly VerusClause[] = [
  { keyword: 'requires', inFn: 'requires', inLoop: null, continuation: false },
  { keyword: 'ensures', inFn: 'ensures', inLoop: 'ensures', continuation: false },
  { keyword: 'recommends', inFn: 'recommends', inLoop: null, continuation: false },
  { keyword: 'decreases', inFn: 'decreases', inLoop: 'decreases', continuation: false },
  { keyword: 'returns', inFn: 'returns', inLoop: null, continuation: false },
  { keyword: 'invariant', inFn: null, inLoop: 'invariant', continuation: false },
  // treated like `invariant` (not assumed after a `break`: sound for both)
  { keyword: 'invariant_except_break', inFn: null, inLoop: 'invariant', continuation: false },
  { keyword: 'invariant_ensures', inFn: null, inLoop: 'unsupported', continuation: false },
  { keyword: 'opens_invariants', inFn: 'opens-invariants', inLoop: null, continuation: false },
  { keyword: 'no_unwind', inFn: 'no-unwind', inLoop: null, continuation: false },
  // trait methods' default implementations (traits are unsupported anyway)
  { keyword: 'default_ensures', inFn: 'default-ensures', inLoop: null, continuation: false },
  // `decreases .. when c`: a spec fn's definition holds only when c does
  { keyword: 'when', inFn: 'decreases-when', inLoop: null, continuation: true },
  // `decreases .. via lemma`: termination proved by a lemma
  { keyword: 'via', inFn: 'decreases-via', inLoop: null, continuation: true },
];

const BY_KEYWORD: ReadonlyMap<string, VerusClause> = new Map(VERUS_CLAUSES.map((c) => [c.keyword, c]));

/** The clause named by `word`, if it is one. */
export function verusClause(word: string): VerusClause | undefined {
  return BY_KEYWORD.get(word);
}

/** Every clause keyword: an expression list in a clause ends at any of them. */
export const CLAUSE_KEYWORDS: ReadonlySet<string> = new Set(BY_KEYWORD.keys());

/** Keywords that start a clause (running to the next one, the body `{` or `;`). */
export const CLAUSE_STARTS: ReadonlySet<string> = new Set(VERUS_CLAUSES.filter((c) => !c.continuation).map((c) => c.keyword));

/** What the verifier does with a word in front of `fn` (or another item keyword). */
export type ModifierTreatment =
  /** sets the function's mode */
  | 'mode'
  /** `open` / `closed`: whether a spec fn's body is visible outside its module */
  | 'visibility'
  /** no effect on verification (`tracked` results are ordinary values here) */
  | 'ignored'
  /** `broadcast proof fn` (a lemma made an axiom where it is `broadcast use`d), `broadcast use`, `broadcast group` */
  | 'broadcast'
  /** the item is reported `unsupported` */
  | 'unsupported';

export interface VerusModifier {
  keyword: string;
  treatment: ModifierTreatment;
  /** Ghost level of the item for the statistics. */
  mode: 'exec' | 'spec' | 'proof' | null;
}

export const VERUS_MODIFIERS: readonly VerusModifier[] = [
  { keyword: 'spec', treatment: 'mode', mode: 'spec' },
  { keyword: 'proof', treatment: 'mode', mode: 'proof' },
  { keyword: 'exec', treatment: 'mode', mode: 'exec' },
  { keyword: 'open', treatment: 'visibility', mode: null },
  { keyword: 'closed', treatment: 'visibility', mode: null },
  { keyword: 'tracked', treatment: 'ignored', mode: null },
  { keyword: 'ghost', treatment: 'ignored', mode: null },
  // a body-less spec fn is uninterpreted anyway
  { keyword: 'uninterp', treatment: 'ignored', mode: null },
  { keyword: 'broadcast', treatment: 'broadcast', mode: null },
  // an axiom is a proof fn without a body whose postcondition is trusted (as `external_body`)
  { keyword: 'axiom', treatment: 'mode', mode: 'proof' },
];

const MODIFIER_BY_KEYWORD: ReadonlyMap<string, VerusModifier> = new Map(VERUS_MODIFIERS.map((m) => [m.keyword, m]));

/** The Verus item modifier named by `word`, if it is one. */
export function verusModifier(word: string): VerusModifier | undefined {
  return MODIFIER_BY_KEYWORD.get(word);
}
