// What the Problems panel lists: build diagnostics, the verifier's diagnostics and every
// obligation not proved (or a function unsupported / in error without one), grouped per file and
// flattened into the rows a virtualised list renders. Pure: the panel and its tests share it.
import type { Diagnostic, FunctionResult, Span } from '../../app/verification';
import { failedObligations, type LiveFunction } from './proof-store';

/** Where a click on a problem goes. */
export type ProblemTarget = { kind: 'span' } | { kind: 'obligation'; key: string; index: number } | { kind: 'function'; fn: FunctionResult };

export interface Problem {
  key: string;
  /** Workspace-relative; '' for a diagnostic about the run, not a file. */
  file: string;
  span: Span;
  severity: 'error' | 'warning' | 'info';
  message: string;
  target: ProblemTarget;
}

export interface ProblemFileRow {
  kind: 'file';
  file: string;
  errors: number;
  others: number;
  /** Problems of the file that pass the filter. */
  shown: number;
  collapsed: boolean;
}

export interface ProblemRow {
  kind: 'problem';
  problem: Problem;
}

export interface ProblemListView {
  rows: (ProblemFileRow | ProblemRow)[];
  shown: number;
  total: number;
  files: number;
}

export function collectProblems(functions: Record<string, LiveFunction>, diagnostics: Diagnostic[], buildDiagnostics: Diagnostic[]): Problem[] {
  const problems: Problem[] = [];
  buildDiagnostics.forEach((d, i) => problems.push({ key: `b${i}`, file: d.file, span: d.span, severity: d.severity, message: `${d.message} (${d.source ?? 'build'})`, target: { kind: 'span' } }));
  diagnostics.forEach((d, i) => problems.push({ key: `d${i}`, file: d.file, span: d.span, severity: d.severity, message: d.message, target: { kind: 'span' } }));
  for (const fn of Object.values(functions)) {
    fn.result.obligations.forEach((ob, index) => {
      if (ob.status === 'proved') return;
      problems.push({
        key: `${fn.key}#${index}`,
        file: fn.result.file,
        span: ob.span,
        severity: ob.status === 'failed' ? 'error' : 'warning',
        message: `${ob.message} (${ob.kind}, ${fn.result.name})${fn.stale ? ' [stale]' : ''}`,
        target: { kind: 'obligation', key: fn.key, index },
      });
    });
    if ((fn.result.status === 'unsupported' || fn.result.status === 'error') && failedObligations(fn.result).length === 0) {
      problems.push({
        key: `${fn.key}#status`,
        file: fn.result.file,
        span: fn.result.span,
        severity: fn.result.status === 'error' ? 'error' : 'warning',
        message: `${fn.result.name}: ${fn.result.status}${fn.result.detail ? `: ${fn.result.detail}` : ''}`,
        target: { kind: 'function', fn: fn.result },
      });
    }
  }
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.span.start.line - b.span.start.line || a.span.start.column - b.span.start.column);
  return problems;
}

/** A case-insensitive substring of the problem's file, its `file:line:col` or its message. */
export function problemMatches(p: Problem, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  return `${p.file}:${p.span.start.line}:${p.span.start.column} ${p.message}`.toLowerCase().includes(needle);
}

/** `problems` sorted by file (as `collectProblems` returns them), grouped and filtered. */
export function problemList(problems: Problem[], text: string, collapsed: ReadonlySet<string>): ProblemListView {
  const rows: (ProblemFileRow | ProblemRow)[] = [];
  let shown = 0;
  let files = 0;
  for (let i = 0; i < problems.length; ) {
    const file = problems[i]!.file;
    let end = i;
    while (end < problems.length && problems[end]!.file === file) end++;
    const group = problems.slice(i, end);
    i = end;
    const matching = group.filter((p) => problemMatches(p, text));
    if (!matching.length) continue;
    files++;
    shown += matching.length;
    const errors = group.filter((p) => p.severity === 'error').length;
    const isCollapsed = collapsed.has(file);
    rows.push({ kind: 'file', file, errors, others: group.length - errors, shown: matching.length, collapsed: isCollapsed });
    if (!isCollapsed) for (const problem of matching) rows.push({ kind: 'problem', problem });
  }
  return { rows, shown, total: problems.length, files };
}
