// Proofs: the functions grouped per file (a Rust module), each file a collapsible header with its
// counts per status; one tree item per function with its status word, time, cached marker and a
// sparkline of its recent solver times; failed functions expand to their failed obligations.
// Filters by text and by status; "N of M verified". The list is virtualised (only the rows in
// view are in the DOM): a crate of ~900 functions renders a few dozen rows. A slow or timed-out
// function has a Profile button; its quantifier-instantiation profile shows above the list.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { costWarning, type TimingSample } from '../../app/proof-session';
import type { QuantifierProfile } from '../../app/verification';
import { countsText, proofList, STATUS_FILTERS, STATUS_ORDER, type FileRow, type StatusFilter } from '../state/proof-list';
import { failedObligations, liveStatus, mergedFailures, useProofs, worthProfiling, type LiveFunction, type LiveStatus, type ProfileView, type ProofActions } from '../state/proof-store';
import type { Navigation } from '../state/navigation';

const statusIcon: Record<LiveStatus, string> = { verified: '✓', failed: '✗', error: '!', timeout: '⏱', unsupported: '?', running: '…', stale: '~' };
/** Quantifiers listed in the profile, as the CLI's text report; the rest are counted. */
const PROFILE_TOP = 10;
/**
 * Row heights, fixed in styles.css: the list places rows it has not rendered yet exactly, and
 * measuring (kept, should a font make a row taller) finds nothing to correct while scrolling.
 */
const FILE_ROW_PX = 22;
const FUNCTION_ROW_PX = 20;
const OBLIGATION_ROW_PX = 18;

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

interface RowPlacement {
  index: number;
  start: number;
  measure(node: Element | null): void;
  /** The header of the file the top of the view is in: it stays at the top while its functions scroll. */
  sticky?: boolean;
}

/** The props a virtual row needs: absolutely placed (or sticky), measured, findable by index. */
function placed(row: RowPlacement, className: string) {
  return {
    'data-index': row.index,
    ref: row.measure,
    className: `${className} ${row.sticky ? 'sticky-row' : 'virtual-row'}`,
    style: row.sticky ? undefined : { transform: `translateY(${row.start}px)` },
  };
}

function FunctionItem({
  fn,
  nav,
  actions,
  expanded,
  setExpanded,
  row,
  position,
}: {
  fn: LiveFunction;
  nav: Navigation;
  actions: ProofActions;
  expanded: boolean;
  setExpanded(expanded: boolean): void;
  row: RowPlacement;
  position: { position: number; of: number };
}) {
  const status = liveStatus(fn);
  const failed = failedObligations(fn.result);
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
      aria-level={2}
      aria-posinset={position.position}
      aria-setsize={position.of}
      tabIndex={0}
      {...placed(row, `proof-item proof-status-${status}`)}
      onClick={(e) => {
        e.stopPropagation();
        if (expandable) setExpanded(!expanded);
        void nav.goToFunction(fn.result);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.stopPropagation();
          void nav.goToFunction(fn.result);
        }
      }}
    >
      <div className="proof-row" title={`${fn.result.name}\n${fn.result.file}:${fn.result.span.start.line}${fn.result.detail ? `\n${fn.result.detail}` : ''}`}>
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
                title={`${ob.kind}: ${ob.message} (line ${ob.span.start.line})`}
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

/** A file's header: its path, its counts per status, collapsible. */
function FileItem({ row, place, toggle }: { row: FileRow; place: RowPlacement; toggle(): void }) {
  const counts = countsText(row.counts);
  return (
    <li
      role="treeitem"
      aria-label={`${row.file}: ${counts}${row.shown < row.total ? ` (${row.shown} shown)` : ''}`}
      aria-expanded={!row.collapsed}
      aria-level={1}
      aria-posinset={row.position}
      aria-setsize={row.of}
      tabIndex={0}
      title={`${row.file}\n${counts}`}
      {...placed(place, 'proof-file')}
      onClick={toggle}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ' || (e.key === 'ArrowLeft' && !row.collapsed) || (e.key === 'ArrowRight' && row.collapsed)) {
          e.preventDefault();
          e.stopPropagation();
          toggle();
        }
      }}
    >
      <span className="proof-file-caret" aria-hidden="true">
        {row.collapsed ? '▸' : '▾'}
      </span>
      <span className="proof-file-name">{row.file}</span>
      <span className="proof-file-counts" aria-hidden="true">
        {STATUS_ORDER.filter((st) => row.counts[st]).map((st) => (
          <span key={st} className={`icon-${st}`}>
            {statusIcon[st]}
            {row.counts[st]}
          </span>
        ))}
      </span>
    </li>
  );
}

export function ProofsPanel({ actions, nav }: { actions: ProofActions; nav: Navigation }) {
  const functions = useProofs((s) => s.functions);
  const filter = useProofs((s) => s.filter);
  const statusFilter = useProofs((s) => s.statusFilter);
  const running = useProofs((s) => s.running);
  const profile = useProofs((s) => s.profile);
  const [collapsedFiles, setCollapsedFiles] = useState<ReadonlySet<string>>(new Set());
  /** Functions whose failed obligations are folded (kept here: a row scrolled away unmounts). */
  const [foldedFunctions, setFoldedFunctions] = useState<ReadonlySet<string>>(new Set());
  const view = useMemo(() => proofList(functions, { text: filter, status: statusFilter }, collapsedFiles), [functions, filter, statusFilter, collapsedFiles]);
  const verified = useMemo(() => Object.values(functions).filter((f) => liveStatus(f) === 'verified').length, [functions]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const { rows } = view;
  const fileRowIndexes = useMemo(() => rows.flatMap((r, i) => (r.kind === 'file' ? [i] : [])), [rows]);
  const stickyIndex = useRef(-1);
  // the rows in view, plus the header of the file the first of them belongs to
  const rangeExtractor = useCallback(
    (range: Range) => {
      let header = -1;
      for (const i of fileRowIndexes) {
        if (i > range.startIndex) break;
        header = i;
      }
      stickyIndex.current = header;
      const inView = defaultRangeExtractor(range);
      return header < 0 || inView.includes(header) ? inView : [header, ...inView];
    },
    [fileRowIndexes],
  );
  const virtualizer = useVirtualizer({
    rangeExtractor,
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => {
      const r = rows[i]!;
      if (r.kind === 'file') return FILE_ROW_PX;
      const unfolded = !foldedFunctions.has(r.fn.key) && failedObligations(r.fn.result).length > 0;
      return FUNCTION_ROW_PX + (unfolded ? mergedFailures(r.fn.result.obligations).length * OBLIGATION_ROW_PX : 0);
    },
    getItemKey: (i) => {
      const r = rows[i]!;
      return r.kind === 'file' ? `file:${r.file}` : r.fn.key;
    },
    overscan: 10,
  });
  const toggleIn = (set: (f: (s: ReadonlySet<string>) => ReadonlySet<string>) => void, key: string, on: boolean) =>
    set((s) => {
      const next = new Set(s);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  // a new filter shows its matches from the first
  useEffect(() => virtualizer.scrollToOffset(0), [filter, statusFilter]);
  // F8, a click in Problems or the gutter: the selected function's row comes into view
  const selectedKey = useProofs((s) => s.selection?.key);
  useEffect(() => {
    if (!selectedKey) return;
    const index = rows.findIndex((r) => r.kind === 'function' && r.fn.key === selectedKey);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
    // only when the selection changes, not when results move the rows
  }, [selectedKey]);
  const files = rows.filter((r) => r.kind === 'file');
  const allCollapsed = files.length > 0 && files.every((r) => r.collapsed);
  // Up/Down move between rows, scrolling the next one into view (it may not be rendered yet).
  const onTreeKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    // inside an expanded function: its obligations come between it and the next row
    const current = e.target as HTMLElement;
    const ob = current.closest<HTMLElement>('.obligation-item');
    const step = (el: Element | null | undefined) => {
      if (!(el instanceof HTMLElement)) return false;
      e.preventDefault();
      el.focus();
      return true;
    };
    if (e.key === 'ArrowDown' && !ob && current.matches('[data-index]') && step(current.querySelector('.obligation-item'))) return;
    if (e.key === 'ArrowDown' && ob && step(ob.nextElementSibling)) return;
    if (e.key === 'ArrowUp' && ob && step(ob.previousElementSibling ?? ob.closest('[data-index]'))) return;
    const at = current.closest('[data-index]')?.getAttribute('data-index');
    if (at == null) return;
    e.preventDefault();
    const target = Number(at) + (e.key === 'ArrowDown' ? 1 : -1);
    if (target < 0 || target >= rows.length) return;
    virtualizer.scrollToIndex(target, { align: 'auto' });
    const focus = (tries: number) => {
      const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target}"]`);
      if (el) el.focus();
      else if (tries > 0) requestAnimationFrame(() => focus(tries - 1));
    };
    focus(5);
  };
  return (
    <section className="side-panel proofs-panel" aria-label="Proofs">
      <h2 className="panel-title">Proofs</h2>
      {view.total === 0 ? (
        <p className="empty">{running ? 'Verifying the workspace…' : "Each function's proof status (verified, failed, timeout, unsupported) with its solver time will appear here."}</p>
      ) : (
        <>
          <div className="proofs-header">
            <span className="proofs-count" aria-label="Verified count">
              {verified} of {view.total} verified
            </span>
            <button
              className="link"
              onClick={() => setCollapsedFiles(allCollapsed ? new Set() : new Set(files.map((r) => (r as FileRow).file)))}
              title={allCollapsed ? 'Show every file\'s functions' : 'Show only the files, with their counts'}
            >
              {allCollapsed ? 'Expand all' : 'Collapse all'}
            </button>
          </div>
          <div className="proofs-filters">
            <input type="search" aria-label="Filter functions" placeholder="Filter by name or file" value={filter} onChange={(e) => actions.setFilter(e.target.value)} />
            <select aria-label="Filter by status" value={statusFilter} onChange={(e) => actions.setStatusFilter(e.target.value as StatusFilter)}>
              {STATUS_FILTERS.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
          </div>
          {(filter.trim() || statusFilter !== 'all') && (
            <p className="proofs-shown" aria-label="Shown count">
              {view.shown} of {view.total} shown
            </p>
          )}
          {profile && <QuantifierProfilePanel view={profile} nav={nav} onClose={actions.closeProfile} />}
          <div className="proof-scroll" ref={scrollRef}>
            {rows.length === 0 && <p className="empty">No function matches the filters.</p>}
            <ul role="tree" aria-label="Functions" className="proof-tree" style={{ height: virtualizer.getTotalSize() }} onKeyDown={onTreeKey}>
              {virtualizer.getVirtualItems().map((item) => {
                const row = rows[item.index]!;
                const place = { index: item.index, start: item.start, measure: virtualizer.measureElement, sticky: row.kind === 'file' && item.index === stickyIndex.current && item.start < virtualizer.scrollOffset! };
                return row.kind === 'file' ? (
                  <FileItem key={item.key} row={row} place={place} toggle={() => toggleIn(setCollapsedFiles, row.file, !row.collapsed)} />
                ) : (
                  <FunctionItem
                    key={item.key}
                    fn={row.fn}
                    nav={nav}
                    actions={actions}
                    expanded={!foldedFunctions.has(row.fn.key)}
                    setExpanded={(expanded) => toggleIn(setFoldedFunctions, row.fn.key, !expanded)}
                    row={place}
                    position={row}
                  />
                );
              })}
            </ul>
          </div>
        </>
      )}
    </section>
  );
}
