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

/**
 * Selects `span` in the editor and scrolls it to the centre (the model must be the active one).
 * `cursor`: only puts the cursor at the span's start, selecting nothing (a keystroke then
 * replaces nothing).
 */
export function revealSpan(span: Span, how: { cursor?: boolean } = {}): void {
  if (!current) return;
  const range = toRange(span);
  if (how.cursor) current.setPosition({ lineNumber: span.start.line, column: span.start.column });
  else current.setSelection(range);
  current.revealRangeInCenterIfOutsideViewport(range);
  current.focus();
}
