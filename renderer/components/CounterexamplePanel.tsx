// Counterexample: the selected failed obligation's check in words first (confirmed by running
// the code, or a fact the proof lacks and where), then the values by source name with old(..)
// beside the current value, then the path taken.
import type { Counterexample } from '../../app/verification';
import { isLibraryPath } from '../../app/library';
import type { Navigation } from '../state/navigation';
import { selectedObligation, useProofs, type ProofActions } from '../state/proof-store';
import { byClause, rowsOf, withHex, type Row } from '../state/counterexample-view';
import { modelFor } from '../monaco/setup';
import { toRange } from '../monaco/editor-ref';

function ValuesTable({ rows, hasOld, label }: { rows: Row[]; hasOld: boolean; label: string }) {
  return (
    <table className="cx-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Variable</th>
          <th scope="col">Type</th>
          <th scope="col">Value</th>
          {hasOld && <th scope="col">old(..)</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.name}>
            <td>
              <code>{r.name}</code>
            </td>
            <td>
              <code>{r.type}</code>
            </td>
            <td>
              <code>{withHex(r.value)}</code>
            </td>
            {hasOld && (
              <td>
                <code>{r.old === undefined ? '' : withHex(r.old)}</code>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CheckLine({ cx, file, nav }: { cx: Counterexample; file: string; nav: Navigation }) {
  if (cx.check === 'confirmed') return <p className="cx-check confirmed">Confirmed: the code fails on these inputs.</p>;
  if (cx.check === 'spurious') {
    const line = cx.checkSpan?.start.line;
    return (
      <p className="cx-check spurious">
        Not reproduced by running the code: the proof lacks a fact{cx.checkDetail ? `; ${cx.checkDetail}` : ''}.{' '}
        {cx.checkSpan && (
          <button className="link" onClick={() => void nav.goTo(file, cx.checkSpan!)}>
            Go to line {line}
          </button>
        )}
      </p>
    );
  }
  return <p className="cx-check unchecked">Not checked by running the code{cx.checkDetail ? `: ${cx.checkDetail}` : '.'}</p>;
}

/** The longer limit a timed-out obligation is offered (a busy machine is slower). */
const RETRY_TIMEOUT_MS = 60_000;

export function CounterexamplePanel({ nav, actions }: { nav: Navigation; actions: ProofActions }) {
  const selection = useProofs((s) => s.selection);
  // only the selected function: a run's other results do not re-render this panel
  const selectedFn = useProofs((s) => (s.selection ? s.functions[s.selection.key] : undefined));
  const selected = selectedObligation({ ...useProofs.getState(), selection, functions: selectedFn && selection ? { [selection.key]: selectedFn } : {} });
  if (!selected) {
    return (
      <section className="side-panel cx-empty" aria-label="Counterexample">
        <h2 className="panel-title">Counterexample</h2>
        <p className="empty">Click a failed proof obligation to see the values that break it, in source terms.</p>
      </section>
    );
  }
  const { fn, obligation } = selected;
  const cx = obligation.counterexample;
  const rows = cx ? rowsOf(cx.variables) : [];
  const hasOld = rows.some((r) => r.old !== undefined);
  // the failing clause's text, from the open buffer: its variables come first
  const model = modelFor(fn.result.file);
  const clauseText = model ? [obligation.span, obligation.relatedSpan].map((sp) => (sp ? model.getValueInRange(toRange(sp)) : '')).join(' ') : '';
  const groups = byClause(rows, clauseText);
  return (
    <section className="side-panel cx-panel" aria-label="Counterexample">
      <h2 className="panel-title">Counterexample</h2>
      <p className="cx-title">
        <strong>{fn.result.name}</strong>: {obligation.status === 'proved' ? obligation.kind : obligation.message} <span className="muted">({obligation.kind}, line {obligation.span.start.line})</span>
        {fn.stale && <span className="stale-note"> — from text you have changed since</span>}
      </p>
      {obligation.relatedSpan && (
        <p>
          <button className="link" onClick={() => void nav.goTo(obligation.relatedFile ?? fn.result.file, obligation.relatedSpan!)}>
            The clause at {obligation.relatedFile ? `${obligation.relatedFile}:` : 'line '}
            {obligation.relatedSpan.start.line}
          </button>
          {obligation.relatedFile && isLibraryPath(obligation.relatedFile) && <span className="muted"> (the verifier's library, vstd's API; opens read-only)</span>}
        </p>
      )}
      {obligation.status === 'timeout' && (
        <div className="cx-timeout" role="group" aria-label="What to try">
          {obligation.hint && <p>{obligation.hint}</p>}
          <button onClick={() => void actions.verify('function', { functionName: fn.result.name, timeoutMs: RETRY_TIMEOUT_MS })}>
            Verify {fn.result.name} with {RETRY_TIMEOUT_MS / 1000} s
          </button>
        </div>
      )}
      {obligation.status === 'proved' ? (
        <p className="cx-check holds" role="status">
          ✓ Now holds: the last run proved this obligation{fn.stale ? ' (on text you have changed since)' : ''}.
        </p>
      ) : !cx ? (
        // (a timeout has said what to try above: no model is expected)
        obligation.status !== 'timeout' && <p className="empty">{obligation.status === 'failed' ? 'The solver gave no model for this obligation.' : `No counterexample: the obligation's status is ${obligation.status}.`}</p>
      ) : (
        <>
          <CheckLine cx={cx} file={fn.result.file} nav={nav} />
          <ValuesTable rows={groups.inClause} hasOld={hasOld} label="Counterexample values" />
          {groups.others.length > 0 && (
            <details className="cx-others">
              <summary>{groups.others.length} other value{groups.others.length === 1 ? '' : 's'} in scope</summary>
              <ValuesTable rows={groups.others} hasOld={hasOld} label="Other values in scope" />
            </details>
          )}
          {cx.path.length > 0 && (
            <>
              <h3 className="cx-subtitle">Path taken</h3>
              <ol className="cx-path" aria-label="Path taken">
                {cx.path.map((step, i) => {
                  const m = /\bat (\d+):(\d+)/.exec(step);
                  return (
                    <li key={i}>
                      {m ? (
                        <button
                          className="link"
                          onClick={() => {
                            const pos = { line: Number(m[1]), column: Number(m[2]) };
                            void nav.goTo(fn.result.file, { start: pos, end: pos });
                          }}
                        >
                          {step}
                        </button>
                      ) : (
                        step
                      )}
                    </li>
                  );
                })}
              </ol>
            </>
          )}
        </>
      )}
    </section>
  );
}
