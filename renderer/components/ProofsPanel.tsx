// Proofs: one tree item per function with its status word, time, cached marker and a sparkline
// of its recent solver times; failed functions expand to their failed obligations. Failures
// first, a filter box, and "N of M verified".
import { useMemo, useState } from 'react';
import { costWarning, type TimingSample } from '../../app/proof-session';
import { failedObligations, liveStatus, useProofs, type LiveFunction, type LiveStatus, type ProofActions } from '../state/proof-store';
import type { Navigation } from '../state/navigation';

const statusOrder: Record<LiveStatus, number> = { failed: 0, error: 1, timeout: 2, unsupported: 3, running: 4, stale: 5, verified: 6 };
const statusIcon: Record<LiveStatus, string> = { verified: '✓', failed: '✗', error: '!', timeout: '⏱', unsupported: '?', running: '…', stale: '~' };

export function Sparkline({ samples }: { samples: TimingSample[] }) {
  const times = samples.filter((s) => !s.cached).map((s) => s.timeMs).slice(-12);
  if (times.length < 2) return null;
  const max = Math.max(...times, 1);
  const points = times.map((t, i) => `${(i / (times.length - 1)) * 40},${12 - (t / max) * 11}`).join(' ');
  return (
    <svg className="sparkline" width="40" height="12" aria-hidden="true">
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1" />
    </svg>
  );
}

function FunctionItem({ fn, nav }: { fn: LiveFunction; nav: Navigation }) {
  const status = liveStatus(fn);
  const failed = failedObligations(fn.result);
  const [expanded, setExpanded] = useState(true);
  const history = useProofs((s) => s.history[fn.key]);
  const warning = history ? costWarning(history) : undefined;
  const selection = useProofs((s) => s.selection);
  const expandable = failed.length > 0;
  const warningText = warning
    ? warning.kind === 'slow'
      ? `slow: ${warning.factor.toFixed(1)}x its previous verified time`
      : `brittle: ${(warning.fractionOfTimeout * 100).toFixed(0)}% of its timeout`
    : '';
  return (
    <li
      role="treeitem"
      aria-label={`${fn.result.name} ${status}${warning ? ` ${warning.kind}` : ''}`}
      aria-expanded={expandable ? expanded : undefined}
      className={`proof-item proof-status-${status}`}
      tabIndex={0}
      onClick={(e) => {
        e.stopPropagation();
        if (expandable) setExpanded((x) => !x);
        void nav.goTo(fn.result.file, fn.result.span);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.stopPropagation();
          void nav.goTo(fn.result.file, fn.result.span);
        }
      }}
    >
      <div className="proof-row" title={`${fn.result.file}:${fn.result.span.start.line}${fn.result.detail ? `\n${fn.result.detail}` : ''}`}>
        <span className={`proof-icon icon-${status}`} aria-hidden="true">
          {statusIcon[status]}
        </span>
        <span className="proof-name">{fn.result.name}</span>
        <span className="proof-status">{status}</span>
        {warning && (
          <span className="proof-warning" title={warningText}>
            ⚠ {warning.kind}
          </span>
        )}
        <span className="proof-time">
          {fn.result.timeMs.toFixed(0)} ms{fn.result.cached ? ' · cached' : ''}
        </span>
        {history && <Sparkline samples={history} />}
      </div>
      {expandable && expanded && (
        <ul role="group">
          {fn.result.obligations.map((ob, index) =>
            ob.status === 'proved' ? null : (
              <li
                key={index}
                role="treeitem"
                aria-label={`${ob.kind}: ${ob.message} (line ${ob.span.start.line})`}
                aria-selected={selection?.key === fn.key && selection.obligation === index}
                className="obligation-item"
                tabIndex={0}
                onClick={(e) => {
                  e.stopPropagation();
                  void nav.showObligation(fn.key, index, fn.result.file, ob.span);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.stopPropagation();
                    void nav.showObligation(fn.key, index, fn.result.file, ob.span);
                  }
                }}
              >
                <span className="obligation-kind">{ob.kind}</span> {ob.message} <span className="obligation-line">line {ob.span.start.line}</span>
                {ob.status !== 'failed' && <span className="obligation-status"> ({ob.status})</span>}
              </li>
            ),
          )}
        </ul>
      )}
    </li>
  );
}

export function ProofsPanel({ actions, nav }: { actions: ProofActions; nav: Navigation }) {
  const functions = useProofs((s) => s.functions);
  const filter = useProofs((s) => s.filter);
  const running = useProofs((s) => s.running);
  const list = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return Object.values(functions)
      .filter((f) => !needle || f.result.name.toLowerCase().includes(needle) || f.result.file.toLowerCase().includes(needle))
      .sort((a, b) => statusOrder[liveStatus(a)] - statusOrder[liveStatus(b)] || a.result.file.localeCompare(b.result.file) || a.result.span.start.line - b.result.span.start.line);
  }, [functions, filter]);
  const all = Object.values(functions);
  const verified = all.filter((f) => liveStatus(f) === 'verified').length;
  return (
    <section className="side-panel proofs-panel" aria-label="Proofs">
      <h2 className="panel-title">Proofs</h2>
      {all.length === 0 ? (
        <p className="empty">{running ? 'Verifying the workspace…' : "Each function's proof status (verified, failed, timeout, unsupported) with its solver time will appear here."}</p>
      ) : (
        <>
          <div className="proofs-header">
            <span className="proofs-count" aria-label="Verified count">
              {verified} of {all.length} verified
            </span>
            <input type="search" aria-label="Filter functions" placeholder="Filter" value={filter} onChange={(e) => actions.setFilter(e.target.value)} />
          </div>
          <ul role="tree" aria-label="Functions" className="proof-tree">
            {list.map((fn) => (
              <FunctionItem key={fn.key} fn={fn} nav={nav} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
