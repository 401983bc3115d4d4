// Proof state: what the verifier knows at the cursor's line (as Lean's infoview shows the goal
// state) — the facts its queries there assume, as source clauses with links, the branch
// conditions on the way, and the goals checked on that line.
import { useCursor } from '../state/cursor-store';
import type { Navigation } from '../state/navigation';
import { useProofs } from '../state/proof-store';
import { proofStateAt, type FactRow } from '../state/proof-state-view';
import type { Span } from '../../app/verification';
import { modelFor } from '../monaco/setup';
import { toRange } from '../monaco/editor-ref';

/** A clause's text as the editor has it (one line at most; empty when the file is not open). */
function clauseText(file: string, span: Span): string {
  const model = modelFor(file);
  if (!model || span.start.line !== span.end.line) return '';
  return model.getValueInRange(toRange(span)).trim().replace(/,$/, '');
}

/** Source clauses, each a link to where it is written, with what the verifier calls it. */
function ClauseList({ label, empty, rows, nav }: { label: string; empty: string; rows: FactRow[]; nav: Navigation }) {
  if (!rows.length) return <p className="muted">{empty}</p>;
  return (
    <ul className="ps-list" aria-label={label}>
      {rows.map((f, i) => (
        <li key={i}>
          <span className="muted">{f.label}</span>{' '}
          <button className="link" onClick={() => void nav.goTo(f.file, f.span)} title={`${f.file}:${f.span.start.line}`}>
            <code>{f.text}</code>
          </button>
          {f.earlier.length > 0 && <span className="stale-note"> (about earlier values of {f.earlier.join(', ')})</span>}
        </li>
      ))}
    </ul>
  );
}

export function ProofStatePanel({ nav }: { nav: Navigation }) {
  const file = useCursor((s) => s.file);
  const line = useCursor((s) => s.line);
  const functions = useProofs((s) => s.functions);
  const view = proofStateAt(functions, file, line);
  return (
    <section className="side-panel ps-panel" aria-label="Proof state">
      <h2 className="panel-title">Proof state</h2>
      {view.kind === 'none' ? (
        <p className="empty">{view.message}</p>
      ) : (
        <>
          <p className="ps-title">
            <strong>{view.fn}</strong>, line {view.line} <span className="muted">({view.status})</span>
            {view.stale && <span className="stale-note"> — from text you have changed since</span>}
          </p>
          {view.goals.length > 0 && (
            <>
              <h3 className="cx-subtitle">Goals on this line</h3>
              <ul className="ps-list" aria-label="Goals">
                {view.goals.map((g) => {
                  // several invariants end on one line: each goal names its clause
                  const clause = g.clause ? clauseText(view.file, g.clause) : '';
                  return (
                    <li key={g.index} className={g.status === 'proved' ? 'ps-goal proved' : 'ps-goal open'}>
                      <button className="link" onClick={() => void nav.showObligation(view.key, g.index, view.file, g.span)}>
                        {g.status === 'proved' ? '✓' : '✗'} {g.text}
                        {clause && (
                          <>
                            {' — '}
                            <code>{clause}</code>
                          </>
                        )}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
          <h3 className="cx-subtitle">Path condition</h3>
          <ClauseList label="Path condition" empty="Reached on every path (no branch condition)." rows={view.path.map((p) => ({ ...p, file: view.file, earlier: [] }))} nav={nav} />
          <h3 className="cx-subtitle">Known facts</h3>
          <ClauseList label="Known facts" empty="No facts from requires, invariants, calls or assertions here." rows={view.facts} nav={nav} />
        </>
      )}
    </section>
  );
}
