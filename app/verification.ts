// Domain types of verification results: the JSON contract of `stratos verify --json` (docs/contracts.md §3)
// and of the IDE's Proofs / Problems / Counterexample panels. Pure data, no behaviour.

/** 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

export interface Span {
  start: Position;
  end: Position;
}

export type FunctionMode = 'exec' | 'proof' | 'spec';

export type FunctionStatus = 'verified' | 'failed' | 'timeout' | 'unsupported' | 'error';

export type ObligationKind =
  | 'precondition'
  | 'postcondition'
  | 'assertion'
  | 'invariant-entry'
  | 'invariant-preserved'
  | 'overflow'
  | 'underflow'
  | 'division-by-zero'
  | 'index-bounds'
  | 'decreases'
  | 'unwrap';

export type ObligationStatus = 'proved' | 'failed' | 'timeout' | 'unknown';

export type CounterexampleCheck = 'confirmed' | 'spurious' | 'unchecked';

export interface CounterexampleVariable {
  /** Source name: `x`, `self.value`, `old(v)`, `r` (the named return). */
  name: string;
  /** Source type, in Rust notation: `u64`, `Option<u8>`, `Seq<int>`. */
  type: string;
  /** Value in Rust notation: `18446744073709551615u64`, `Some(3)`, `seq![1, 2]`. */
  value: string;
}

export interface Counterexample {
  variables: CounterexampleVariable[];
  /** Branches taken to reach the failing point, e.g. `then-branch at 14:9`. */
  path: string[];
  check: CounterexampleCheck;
  checkDetail?: string;
  /** Where the fact was lost when `check` is `spurious`: a loop or a callee's ensures. */
  checkSpan?: Span;
}

export interface ObligationResult {
  kind: ObligationKind;
  status: ObligationStatus;
  span: Span;
  /** The clause that produced the obligation (requires/ensures/invariant), when there is one. */
  relatedSpan?: Span;
  /** The file of `relatedSpan` when it is not the function's (a callee's requires). */
  relatedFile?: string;
  /** A precondition: the callee's clause in the caller's terms (its parameters replaced by the call's arguments), for the quick fix that asserts it at the call. */
  assertion?: string;
  message: string;
  /** For a timeout: what to try next, in plain words (a longer limit, `by(bit_vector)`, a profile). */
  hint?: string;
  counterexample?: Counterexample;
  /** Solver time of its query in this run, in ms (absent when the result came from the cache). */
  timeMs?: number;
}

export interface FunctionResult {
  /** `name` or `Type::name` for methods. */
  name: string;
  /** Workspace-relative path with forward slashes. */
  file: string;
  span: Span;
  /** The function's name in its signature (where the Proofs panel puts the cursor). */
  nameSpan?: Span;
  mode: FunctionMode;
  status: FunctionStatus;
  timeMs: number;
  cached: boolean;
  obligations: ObligationResult[];
  /** For `unsupported` and `error`: what and where. */
  detail?: string;
  /** Only with `stratos verify --profile`: z3's quantifier instantiations in this function's queries. */
  profile?: FunctionProfile;
  /** Only when asked for (the IDE): what the verifier knows at each statement of the body. */
  proofState?: ProofStateInfo;
}

/**
 * What the verifier assumes at each statement of a function: the facts its queries there are
 * built from, as source clauses. The IDE's `Proof state` panel shows the point of the cursor's line.
 */
export interface ProofStateInfo {
  /** Every source-level fact the function's queries assume, in generation order. */
  facts: ProofFact[];
  /** One per statement (the first on its line), in source order of generation. */
  points: ProofStatePoint[];
}

export interface ProofFact {
  kind: 'requires' | 'invariant' | 'loop-ensures' | 'callee-ensures' | 'assert' | 'assume';
  /** Where the clause is written (a callee's `ensures` may be in another file). */
  file: string;
  span: Span;
  /** The clause's source text (at most 300 characters). */
  text: string;
  /** `callee-ensures`: the callee and the line of the call. */
  callee?: string;
  callLine?: number;
}

export interface ProofStatePoint {
  /** The statement's first line (1-based) in the function's file. */
  line: number;
  /** Indices into `facts` that hold on every path to this statement. */
  known: number[];
  /** The branch conditions on the way here, outermost first. */
  path: { span: Span; text: string; negated: boolean; kind: 'if' | 'match-arm' | 'loop' }[];
  /** Locals changed after some facts: fact i with i < `after` that mentions `name` speaks of an earlier value. */
  mutations: { name: string; after: number }[];
}

/** z3's quantifier-instantiation profile of one function's queries (`smt.qi.profile`). */
export interface FunctionProfile {
  /** Instances of all quantifiers, summed over the function's queries. */
  instances: number;
  /** Queries profiled (each obligation's, plus candidate-model retries and a spec fn's definition check). */
  queries: number;
  /** Queries whose z3 process printed no counts (killed after its timeout, canceled, crashed): the counts are then a lower bound. */
  unprofiled: number;
  /** Every instantiated quantifier, most instances first. */
  quantifiers: QuantifierProfile[];
}

export interface QuantifierProfile {
  /** The quantifier's `:qid`: `forall:ITEM+LINE:COL` (LINE counted from the item's first line), `exists:..`, `choose:..`, `contains:..` (a `Seq::contains`), `spec:FN` (a spec fn's definition), `axiom:NAME` (the encoding's own axioms), or z3's name for one it made. */
  qid: string;
  instances: number;
  /** Where it is written (workspace-relative), for source quantifiers and spec fn definitions. */
  file?: string;
  span?: Span;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  file: string;
  span: Span;
  severity: Severity;
  message: string;
  /** Where it came from: the verifier's front end, rustc, ... */
  source?: string;
}

export interface VerifySummary {
  functions: number;
  verified: number;
  failed: number;
  timeout: number;
  unsupported: number;
  error: number;
  obligations: number;
  solverMs: number;
  wallMs: number;
  /** Solver queries answered from the result cache, and looked up there in vain (when a cache was used). */
  cacheHits?: number;
  cacheMisses?: number;
  /** Functions whose verdict was stored whole under their function key: not generated, no query looked up. */
  functionCacheHits?: number;
}

export interface VerifyReport {
  version: 1;
  functions: FunctionResult[];
  diagnostics: Diagnostic[];
  summary: VerifySummary;
  /** Present for `stratos verify --shard i/n`: this report holds only that shard's files. */
  shard?: { index: number; count: number };
}
