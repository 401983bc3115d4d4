// Problems: parse/type errors and failed obligations across the workspace; click to jump.
import { useBoot } from '../state/boot-store';
import { failedObligations, useProofs } from '../state/proof-store';
import type { Navigation } from '../state/navigation';
import type { Span } from '../../app/verification';

interface Problem {
  key: string;
  file: string;
  span: Span;
  severity: 'error' | 'warning' | 'info';
  message: string;
  open(): void;
}

export function ProblemsPanel({ nav }: { nav: Navigation }) {
  const functions = useProofs((s) => s.functions);
  const diagnostics = useProofs((s) => s.diagnostics);
  const buildDiagnostics = useBoot((s) => s.buildDiagnostics);
  const problems: Problem[] = [];
  buildDiagnostics.forEach((d, i) =>
    problems.push({ key: `b${i}`, file: d.file, span: d.span, severity: d.severity, message: `${d.message} (${d.source ?? 'build'})`, open: () => void nav.goTo(d.file, d.span) }),
  );
  diagnostics.forEach((d, i) =>
    problems.push({ key: `d${i}`, file: d.file, span: d.span, severity: d.severity, message: d.message, open: () => void (d.file && nav.goTo(d.file, d.span)) }),
  );
  for (const fn of Object.values(functions)) {
    fn.result.obligations.forEach((ob, index) => {
      if (ob.status === 'proved') return;
      problems.push({
        key: `${fn.key}#${index}`,
        file: fn.result.file,
        span: ob.span,
        severity: ob.status === 'failed' ? 'error' : 'warning',
        message: `${ob.message} (${ob.kind}, ${fn.result.name})${fn.stale ? ' [stale]' : ''}`,
        open: () => void nav.showObligation(fn.key, index, fn.result.file, ob.span),
      });
    });
    if ((fn.result.status === 'unsupported' || fn.result.status === 'error') && failedObligations(fn.result).length === 0) {
      problems.push({
        key: `${fn.key}#status`,
        file: fn.result.file,
        span: fn.result.span,
        severity: fn.result.status === 'error' ? 'error' : 'warning',
        message: `${fn.result.name}: ${fn.result.status}${fn.result.detail ? `: ${fn.result.detail}` : ''}`,
        open: () => void nav.goToFunction(fn.result),
      });
    }
  }
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.span.start.line - b.span.start.line);
  if (problems.length === 0) return <p className="empty">Parse errors, type errors and failed proof obligations will be listed here.</p>;
  return (
    <ul className="problems" aria-label="Problems list">
      {problems.map((p) => (
        <li key={p.key}>
          <button className={`problem severity-${p.severity}`} onClick={p.open}>
            <span className="problem-icon" aria-hidden="true">
              {p.severity === 'error' ? '✗' : '⚠'}
            </span>
            <span className="problem-location">
              {p.file}:{p.span.start.line}:{p.span.start.column}
            </span>{' '}
            {p.message}
          </button>
        </li>
      ))}
    </ul>
  );
}
