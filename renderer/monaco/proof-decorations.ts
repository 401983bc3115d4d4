// Proof results drawn into Monaco: squiggles (markers) on failing obligations and errors with
// the related clause and counterexample, a gutter glyph per function with its status, the
// failing path's lines highlighted, and the counterexample's values inline after the code.
import * as monaco from './monaco';
import type { Counterexample, Diagnostic, FunctionResult } from '../../app/verification';
import { failedObligations, liveStatus, selectedObligation, type ProofState } from '../state/proof-store';
import { modelFor } from './setup';
import { toRange } from './editor-ref';

export const MARKER_OWNER = 'stratos-verifier';

/** `then-branch at 14:9` -> 14. */
export function pathLines(cx: Counterexample): number[] {
  const lines: number[] = [];
  for (const step of cx.path) {
    const m = /\bat (\d+):(\d+)/.exec(step);
    if (m) lines.push(Number(m[1]));
  }
  return lines;
}

/** The counterexample as one line of `name = value` pairs, for inline display. */
export function inlineValues(cx: Counterexample, maxLength = 120): string {
  const text = cx.variables.map((v) => `${v.name} = ${v.value}`).join(', ');
  return text.length > maxLength ? text.slice(0, maxLength - 1) + '…' : text;
}

export function counterexampleText(cx: Counterexample): string {
  const check =
    cx.check === 'confirmed'
      ? 'Confirmed: the code fails on these inputs'
      : cx.check === 'spurious'
        ? `Not reproduced by running the code: the proof lacks a fact${cx.checkDetail ? ` (${cx.checkDetail})` : ''}`
        : `Not checked by running the code${cx.checkDetail ? ` (${cx.checkDetail})` : ''}`;
  return [check, ...cx.variables.map((v) => `${v.name}: ${v.type} = ${v.value}`)].join('\n');
}

function markersFor(functions: FunctionResult[], state: ProofState, path: string): monaco.editor.IMarkerData[] {
  const markers: monaco.editor.IMarkerData[] = [];
  for (const fn of functions) {
    for (const ob of failedObligations(fn)) {
      markers.push({
        ...toRange(ob.span),
        severity: ob.status === 'failed' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
        message: `${ob.message} [${ob.kind}] in ${fn.name}${ob.counterexample ? '\n' + counterexampleText(ob.counterexample) : ''}`,
        source: 'verifier',
        relatedInformation: ob.relatedSpan
          ? [{ resource: monaco.Uri.parse(`workspace:///${fn.file}`), message: 'the clause that must hold', ...toRange(ob.relatedSpan) }]
          : undefined,
      });
    }
    if ((fn.status === 'unsupported' || fn.status === 'error') && fn.detail) {
      markers.push({ ...toRange(fn.span), severity: monaco.MarkerSeverity.Warning, message: `${fn.status}: ${fn.detail}`, source: 'verifier' });
    }
  }
  for (const d of state.diagnostics.filter((d) => d.file === path)) {
    markers.push({
      ...toRange(d.span),
      severity: d.severity === 'error' ? monaco.MarkerSeverity.Error : d.severity === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Info,
      message: d.message,
      source: d.source ?? 'verifier',
    });
  }
  return markers;
}

const glyphClass: Record<string, string> = {
  verified: 'glyph-verified',
  failed: 'glyph-failed',
  timeout: 'glyph-timeout',
  unsupported: 'glyph-unsupported',
  error: 'glyph-failed',
  running: 'glyph-running',
  stale: 'glyph-stale',
};

/** Sets markers on every open model and decorations on the editor's current model. */
export function renderProofs(
  collection: monaco.editor.IEditorDecorationsCollection,
  state: ProofState,
  openPaths: string[],
  activePath: string | null,
): void {
  const all = Object.values(state.functions);
  for (const path of openPaths) {
    const model = modelFor(path);
    if (!model) continue;
    const fns = all.filter((f) => f.result.file === path && !f.stale).map((f) => f.result);
    monaco.editor.setModelMarkers(model, MARKER_OWNER, markersFor(fns, state, path));
  }
  if (!activePath) return collection.clear();
  const decorations: monaco.editor.IModelDeltaDecoration[] = [];
  for (const f of all.filter((f) => f.result.file === activePath)) {
    const status = liveStatus(f);
    decorations.push({
      range: { startLineNumber: f.result.span.start.line, startColumn: 1, endLineNumber: f.result.span.start.line, endColumn: 1 },
      options: {
        glyphMarginClassName: `proof-glyph ${glyphClass[status] ?? ''}`,
        glyphMarginHoverMessage: { value: `**${f.result.name}**: ${status} (${f.result.timeMs.toFixed(0)} ms${f.result.cached ? ', cached' : ''})` },
      },
    });
  }
  const selected = selectedObligation(state);
  if (selected && selected.fn.result.file === activePath && !selected.fn.stale) {
    const { obligation } = selected;
    const cx = obligation.counterexample;
    decorations.push({ range: toRange(obligation.span), options: { className: 'failing-span' } });
    if (cx) {
      const values = inlineValues(cx);
      const lines = new Set([...pathLines(cx), obligation.span.start.line]);
      for (const line of lines) {
        decorations.push({
          range: { startLineNumber: line, startColumn: 1, endLineNumber: line, endColumn: 1 },
          options: { isWholeLine: true, className: 'failing-path-line' },
        });
      }
      decorations.push({
        range: { startLineNumber: obligation.span.start.line, startColumn: Number.MAX_SAFE_INTEGER, endLineNumber: obligation.span.start.line, endColumn: Number.MAX_SAFE_INTEGER },
        options: { showIfCollapsed: true, after: { content: `   ⟵ ${values}`, inlineClassName: 'inline-values' } },
      });
    }
  }
  collection.set(decorations);
}

export const BUILD_MARKER_OWNER = 'stratos-build';

/** rustc's and the eraser's diagnostics as squiggles (spans are in the original source). */
export function renderBuildMarkers(diagnostics: Diagnostic[], openPaths: string[]): void {
  for (const path of openPaths) {
    const model = modelFor(path);
    if (!model) continue;
    monaco.editor.setModelMarkers(
      model,
      BUILD_MARKER_OWNER,
      diagnostics
        .filter((d) => d.file === path)
        .map((d) => ({
          ...toRange(d.span),
          severity: d.severity === 'error' ? monaco.MarkerSeverity.Error : d.severity === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Info,
          message: d.message,
          source: d.source ?? 'rustc',
        })),
    );
  }
}
