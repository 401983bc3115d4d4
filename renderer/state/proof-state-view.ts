// The Proof state panel's content for a cursor position: the function around the cursor, the
// statement point at or before the cursor's line, the facts the verifier assumes there (as
// source clauses, each marked when a local it mentions changed since), the branch conditions on
// the way, and the obligations checked on that line (the goals).
import type { FunctionResult, ObligationResult, ProofFact, ProofStatePoint, Span } from '../../app/verification';
import type { LiveFunction } from './proof-store';

export interface FactRow {
  label: string;
  text: string;
  file: string;
  span: Span;
  /** Locals the clause mentions that changed after it was known: it speaks of their earlier values. */
  earlier: string[];
}

export interface PathRow {
  label: string;
  text: string;
  span: Span;
}

export interface GoalRow {
  index: number;
  status: ObligationResult['status'];
  /** In words: what is checked and how it ended. */
  text: string;
  span: Span;
  /** The clause checked (an invariant, an ensures), when it is written in this function's file. */
  clause?: Span;
}

const GOAL_LABEL: Record<ObligationResult['kind'], string> = {
  precondition: "the callee's precondition",
  postcondition: 'the postcondition',
  assertion: 'the assertion',
  'invariant-entry': 'the loop invariant on entry',
  'invariant-preserved': 'the loop invariant at the end of the body',
  overflow: 'no arithmetic overflow',
  underflow: 'no arithmetic underflow',
  'division-by-zero': 'no division by zero',
  'index-bounds': 'the index in bounds',
  decreases: 'termination (decreases)',
  unwrap: 'the value is present',
};

function goalText(o: ObligationResult): string {
  const what = GOAL_LABEL[o.kind];
  if (o.status === 'proved') return `${what}: holds`;
  if (o.status === 'timeout') return `${what}: not proved in time`;
  return `${what}: ${o.message}`;
}

export type ProofStateView =
  | { kind: 'none'; message: string }
  | { kind: 'state'; key: string; fn: string; file: string; status: FunctionResult['status']; stale: boolean; line: number; facts: FactRow[]; path: PathRow[]; goals: GoalRow[] };

const FACT_LABEL: Record<ProofFact['kind'], string> = {
  requires: 'requires',
  invariant: 'loop invariant',
  'loop-ensures': 'loop ensures',
  'callee-ensures': 'ensures',
  assert: 'assertion (proved)',
  assume: 'assume (trusted)',
};

function factLabel(f: ProofFact): string {
  if (f.kind === 'callee-ensures') return `ensures of ${f.callee ?? 'callee'}${f.callLine ? ` (call at line ${f.callLine})` : ''}`;
  return FACT_LABEL[f.kind];
}

function pathLabel(p: ProofStatePoint['path'][number]): string {
  if (p.kind === 'match-arm') return 'match arm';
  if (p.kind === 'loop') return p.negated ? 'after the loop: not' : 'loop condition';
  return p.negated ? 'else of' : 'if';
}

const mentions = (text: string, name: string): boolean => new RegExp(`(^|[^A-Za-z0-9_])${name.replace(/[^A-Za-z0-9_]/g, '')}($|[^A-Za-z0-9_])`).test(text);

/** The innermost function of `file` whose span holds `line`. */
export function functionAt(functions: Record<string, LiveFunction>, file: string, line: number): LiveFunction | undefined {
  return Object.values(functions)
    .filter((f) => f.result.file === file && f.result.span.start.line <= line && line <= f.result.span.end.line)
    .sort((a, b) => b.result.span.start.line - a.result.span.start.line)[0];
}

export function proofStateAt(functions: Record<string, LiveFunction>, file: string | null, line: number): ProofStateView {
  if (!file) return { kind: 'none', message: 'Put the cursor in a function to see what the verifier knows there.' };
  const fn = functionAt(functions, file, line);
  if (!fn) return { kind: 'none', message: 'Put the cursor in a function to see what the verifier knows there.' };
  const r = fn.result;
  const state = r.proofState;
  if (!state || !state.points.length) {
    const why = r.status === 'unsupported' || r.status === 'error' ? `${r.name} is ${r.status}: it has no proof state.` : r.mode === 'spec' ? `${r.name} is a spec function: it has no statements.` : `${r.name} has no proof state yet.`;
    return { kind: 'none', message: why };
  }
  // the statement at or before the cursor's line (the signature: the first statement's)
  let point = state.points[0]!;
  for (const p of state.points) if (p.line <= line && p.line >= point.line) point = p;
  const facts: FactRow[] = point.known.map((i) => {
    const f = state.facts[i]!;
    // a callee's clause names the callee's parameters, not this function's locals
    const earlier = f.kind === 'callee-ensures' ? [] : [...new Set(point.mutations.filter((m) => i < m.after && mentions(f.text, m.name)).map((m) => m.name))];
    return { label: factLabel(f), text: f.text, file: f.file, span: f.span, earlier };
  });
  const path = point.path.map((p) => ({ label: pathLabel(p), text: p.text, span: p.span }));
  const goals: GoalRow[] = [];
  r.obligations.forEach((o, index) => {
    if (o.span.start.line <= line && line <= o.span.end.line) goals.push({ index, status: o.status, text: goalText(o), span: o.span, ...(o.relatedSpan && !o.relatedFile ? { clause: o.relatedSpan } : {}) });
  });
  return { kind: 'state', key: fn.key, fn: r.name, file: r.file, status: r.status, stale: fn.stale, line: point.line, facts, path, goals };
}
