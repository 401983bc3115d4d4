// The one Monaco editor instance, for code outside React that reveals spans in it.
import type * as Monaco from './monaco';
import type { Span } from '../../app/verification';

let current: Monaco.editor.IStandaloneCodeEditor | null = null;

export function setEditor(editor: Monaco.editor.IStandaloneCodeEditor | null): void {
  current = editor;
}

export function getEditor(): Monaco.editor.IStandaloneCodeEditor | null {
  return current;
}

export function toRange(span: Span) {
  return {
    startLineNumber: span.start.line,
    startColumn: span.start.column,
    endLineNumber: span.end.line,
    endColumn: span.end.column,
  };
}

/** Selects `span` in the editor and scrolls it to the centre (the model must be the active one). */
export function revealSpan(span: Span): void {
  if (!current) return;
  const range = toRange(span);
  current.setSelection(range);
  current.revealRangeInCenterIfOutsideViewport(range);
  current.focus();
}
