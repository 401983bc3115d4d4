// Problems: parse/type errors and failed obligations across the workspace, grouped per file
// (collapsible), with a filter; click to jump. Virtualised: a crate with a thousand problems
// renders the rows in view only.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useBoot } from '../state/boot-store';
import { useProofs } from '../state/proof-store';
import { collectProblems, problemList, type Problem } from '../state/problem-list';
import type { Navigation } from '../state/navigation';

const ROW_PX = 20;

function open(p: Problem, nav: Navigation): void {
  const t = p.target;
  if (t.kind === 'obligation') void nav.showObligation(t.key, t.index, p.file, p.span);
  else if (t.kind === 'function') void nav.goToFunction(t.fn);
  else if (p.file) void nav.goTo(p.file, p.span);
}

export function ProblemsPanel({ nav }: { nav: Navigation }) {
  const functions = useProofs((s) => s.functions);
  const diagnostics = useProofs((s) => s.diagnostics);
  const buildDiagnostics = useBoot((s) => s.buildDiagnostics);
  const [filter, setFilter] = useState('');
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const problems = useMemo(() => collectProblems(functions, diagnostics, buildDiagnostics), [functions, diagnostics, buildDiagnostics]);
  const view = useMemo(() => problemList(problems, filter, collapsed), [problems, filter, collapsed]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: view.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_PX,
    getItemKey: (i) => {
      const r = view.rows[i]!;
      return r.kind === 'file' ? `file:${r.file}` : r.problem.key;
    },
    overscan: 10,
  });
  useEffect(() => virtualizer.scrollToOffset(0), [filter]);
  if (problems.length === 0) return <p className="empty">Parse errors, type errors and failed proof obligations will be listed here.</p>;
  const toggle = (file: string) =>
    setCollapsed((s) => {
      const next = new Set(s);
      if (!next.delete(file)) next.add(file);
      return next;
    });
  return (
    <div className="problems-panel">
      <div className="problems-filter">
        <input type="search" aria-label="Filter problems" placeholder="Filter by file or message" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <span aria-label="Problem count">
          {filter.trim() ? `${view.shown} of ${view.total}` : view.total} problem{view.total === 1 ? '' : 's'} in {view.files} file{view.files === 1 ? '' : 's'}
        </span>
      </div>
      <div className="problems-scroll" ref={scrollRef}>
        {view.rows.length === 0 && <p className="empty">No problem matches the filter.</p>}
        <ul className="problems" aria-label="Problems list" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = view.rows[item.index]!;
            return (
              <li key={item.key} className="virtual-row" style={{ transform: `translateY(${item.start}px)`, height: ROW_PX }}>
                {row.kind === 'file' ? (
                  <button className="problem-file" aria-expanded={!row.collapsed} onClick={() => toggle(row.file)}>
                    <span aria-hidden="true">{row.collapsed ? '▸ ' : '▾ '}</span>
                    {row.file || '(the run)'}{' '}
                    <span className="problem-counts">
                      {row.errors > 0 && `${row.errors} error${row.errors === 1 ? '' : 's'}`}
                      {row.errors > 0 && row.others > 0 && ', '}
                      {row.others > 0 && `${row.others} warning${row.others === 1 ? '' : 's'}`}
                      {row.shown < row.errors + row.others && ` (${row.shown} shown)`}
                    </span>
                  </button>
                ) : (
                  <button className={`problem severity-${row.problem.severity}`} onClick={() => open(row.problem, nav)} title={row.problem.message}>
                    <span className="problem-icon" aria-hidden="true">
                      {row.problem.severity === 'error' ? '✗' : '⚠'}
                    </span>
                    <span className="problem-location">
                      {row.problem.file}:{row.problem.span.start.line}:{row.problem.span.start.column}
                    </span>{' '}
                    {row.problem.message}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
