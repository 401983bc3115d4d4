// Proofs: one tree item per function with its status word, time, cached marker and a sparkline
// of its recent solver times; failed functions expand to their failed obligations. Failures
// first, a filter box, and "N of M verified". A slow or timed-out function has a Profile button;
// its quantifier-instantiation profile shows above the list.
import { useMemo, useState } from 'react';
import { costWarning, type TimingSample } from '../../app/proof-session';
import type { QuantifierProfile } from '../../app/verification';
import { failedObligations, liveStatus, mergedFailures, useProofs, worthProfiling, type LiveFunction, type LiveStatus, type ProfileView, type ProofActions } from '../state/proof-store';
import type { Navigation } from '../state/navigation';

const statusOrder: Record<LiveStatus, number> = { failed: 0, error: 1, timeout: 2, unsupported: 3, running: 4, stale: 5, verified: 6 };
const statusIcon: Record<LiveStatus, string> = { verified: '✓', failed: '✗', error: '!', timeout: '⏱', unsupported: '?', running: '…', stale: '~' };
/** Quantifiers listed in the profile, as the CLI's text report; the rest are counted. */
const PROFILE_TOP = 10;

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

function FunctionItem({ fn, nav, actions }: { fn: LiveFunction; nav: Navigation; actions: ProofActions }) {
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
        void nav.goToFunction(fn.result);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.stopPropagation();
          void nav.goToFunction(fn.result);
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
        {!fn.running && worthProfiling(fn, history) && (
          <button
            className="proof-profile"
            aria-label={`Profile ${fn.result.name}`}
            title="Which quantifiers z3 instantiated, and how often (needs native z3)"
            onClick={(e) => {
              e.stopPropagation();
              void actions.profile({ name: fn.result.name, file: fn.result.file });
            }}
            // the tree item's Enter opens the function: not for a key meant for this button
            onKeyDown={(e) => e.stopPropagation()}
          >
            Profile
          </button>
        )}
      </div>
      {expandable && expanded && (
        <ul role="group">
          {mergedFailures(fn.result.obligations).map(({ ob, index, count }) =>
            (
              <li
                key={index}
                role="treeitem"
                aria-label={`${ob.kind}: ${ob.message} (line ${ob.span.start.line})${count > 1 ? ` ×${count}` : ''}`}
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
                {count > 1 && <span className="obligation-count"> ×{count}</span>}
                {ob.status !== 'failed' && <span className="obligation-status"> ({ob.status})</span>}
              </li>
            ),
          )}
        </ul>
      )}
    </li>
  );
}

/** Where a quantifier is written, as the CLI says it: its file and line, or what made it. */
function QuantifierSite({ q, nav }: { q: QuantifierProfile; nav: Navigation }) {
  if (q.file && q.span) {
    const { file, span } = q;
    return (
      <a
        href="#"
        title={`${file}:${span.start.line}:${span.start.column}`}
        onClick={(e) => {
          e.preventDefault();
          void nav.goTo(file, span);
        }}
      >
        {file}:{span.start.line}
      </a>
    );
  }
  return <span className="muted">{q.qid.startsWith('inv:') ? '(type invariant)' : '(encoding)'}</span>;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function QuantifierProfilePanel({ view, nav, onClose }: { view: ProfileView; nav: Navigation; onClose(): void }) {
  const { profile } = view;
  return (
    <section className="qi-profile" aria-label="Quantifier profile">
      <div className="qi-profile-header">
        <h3 className="qi-profile-title">Quantifier profile</h3>
        <button className="link" aria-label="Close quantifier profile" onClick={onClose}>
          close
        </button>
      </div>
      {view.phase === 'running' && <p className="qi-profile-note">Profiling {view.name}…</p>}
      {view.phase === 'failed' && (
        <p className="qi-profile-note qi-profile-error" role="alert">
          {view.error}
        </p>
      )}
      {view.phase === 'done' && profile && (
        <>
          <p className="qi-profile-note">
            <code>{view.name}</code> ({view.status}): {count(profile.instances, 'instance')} over {count(profile.queries, 'query', 'queries')}
          </p>
          {profile.unprofiled > 0 && (
            <p className="qi-profile-note stale-note">
              {profile.unprofiled} of {count(profile.queries, 'query', 'queries')} printed no counts (z3 killed or crashed): the totals are a lower bound.
            </p>
          )}
          {profile.quantifiers.length === 0 ? (
            <p className="qi-profile-note muted">No quantifier was instantiated.</p>
          ) : (
            <table className="qi-profile-table" aria-label="Top quantifiers">
              <thead>
                <tr>
                  <th scope="col">instances</th>
                  <th scope="col">where</th>
                  <th scope="col">qid</th>
                </tr>
              </thead>
              <tbody>
                {profile.quantifiers.slice(0, PROFILE_TOP).map((q) => (
                  <tr key={q.qid}>
                    <td className="qi-count">{q.instances}</td>
                    <td>
                      <QuantifierSite q={q} nav={nav} />
                    </td>
                    <td>
                      <code>{q.qid}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {profile.quantifiers.length > PROFILE_TOP && <p className="qi-profile-note muted">and {count(profile.quantifiers.length - PROFILE_TOP, 'more quantifier')}</p>}
        </>
      )}
    </section>
  );
}

export function ProofsPanel({ actions, nav }: { actions: ProofActions; nav: Navigation }) {
  const functions = useProofs((s) => s.functions);
  const filter = useProofs((s) => s.filter);
  const running = useProofs((s) => s.running);
  const profile = useProofs((s) => s.profile);
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
          {profile && <QuantifierProfilePanel view={profile} nav={nav} onClose={actions.closeProfile} />}
          <ul role="tree" aria-label="Functions" className="proof-tree">
            {list.map((fn) => (
              <FunctionItem key={fn.key} fn={fn} nav={nav} actions={actions} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
