// Quick fixes for a failed proof obligation, as text edits of its file: assert a callee's
// precondition at the call (in the caller's terms, from the verifier), prove a bit-vector
// assertion `by(bit_vector)`, and add a fact the proof lost at a loop to that loop's invariant.
import type { ObligationResult, Span } from '../../app/verification';

export interface TextEdit {
  span: Span;
  text: string;
}

export interface QuickFix {
  title: string;
  edits: TextEdit[];
}

const at = (line: number, column: number): Span => ({ start: { line, column }, end: { line, column } });
const indentOf = (line: string) => /^\s*/.exec(line)![0];
const BIT_OPS = /[&|^]|<<|>>/;

/** The text of `span` in `lines` (1-based lines and columns). */
function textOf(lines: string[], span: Span): string {
  if (span.start.line === span.end.line) return lines[span.start.line - 1]?.slice(span.start.column - 1, span.end.column - 1) ?? '';
  const first = lines[span.start.line - 1]?.slice(span.start.column - 1) ?? '';
  const middle = lines.slice(span.start.line, span.end.line - 1);
  const last = lines[span.end.line - 1]?.slice(0, span.end.column - 1) ?? '';
  return [first, ...middle, last].join('\n');
}

/** `assert(e);` (not already `by(..)`) -> e */
function assertedExpr(statement: string): string | null {
  const m = /^assert\s*\(([\s\S]*)\)\s*;?\s*$/.exec(statement.trim());
  return m ? m[1]!.trim() : null;
}

export function quickFixes(ob: ObligationResult, text: string): QuickFix[] {
  if (ob.status === 'proved') return [];
  const lines = text.split('\n');
  const fixes: QuickFix[] = [];
  const line = ob.span.start.line;
  if (ob.kind === 'precondition' && ob.assertion) {
    fixes.push({ title: "Assert the callee's precondition here", edits: [{ span: at(line, 1), text: `${indentOf(lines[line - 1] ?? '')}assert(${ob.assertion});\n` }] });
  }
  if (ob.kind === 'assertion') {
    const statement = textOf(lines, ob.span);
    const e = assertedExpr(statement);
    if (e !== null && BIT_OPS.test(e)) fixes.push({ title: 'Prove it by(bit_vector)', edits: [{ span: ob.span, text: `assert(${e}) by(bit_vector);` }] });
  }
  const cx = ob.counterexample;
  if ((ob.kind === 'assertion' || ob.kind === 'postcondition') && cx?.check === 'spurious' && cx.checkSpan) {
    const loopLine = cx.checkSpan.start.line;
    if (/^\s*(while|loop|for)\b/.test(lines[loopLine - 1] ?? '')) {
      const clause = ob.kind === 'assertion' ? assertedExpr(textOf(lines, ob.span)) : ob.relatedSpan ? textOf(lines, ob.relatedSpan).trim() : null;
      const edit = clause ? invariantEdit(lines, loopLine, clause) : null;
      if (edit) fixes.push({ title: `Add \`${clause}\` to the loop invariant (line ${loopLine})`, edits: edit });
    }
  }
  return fixes;
}

/** Adds `clause` as the first invariant of the loop whose header is on `loopLine`. */
function invariantEdit(lines: string[], loopLine: number, clause: string): TextEdit[] | null {
  const headerIndent = indentOf(lines[loopLine - 1]!);
  for (let i = loopLine; i <= lines.length && i < loopLine + 40; i++) {
    const l = lines[i - 1]!;
    const kw = /^(\s*)invariant\b(.*)$/.exec(l);
    if (kw) {
      // `invariant a, b,` on one line: the new clause goes on its own line after it
      const rest = kw[2]!.trim();
      const edits: TextEdit[] = [];
      if (rest && !rest.endsWith(',')) edits.push({ span: at(i, l.length + 1), text: ',' });
      edits.push({ span: at(i + 1, 1), text: `${kw[1]}    ${clause},\n` });
      return edits;
    }
    // the body starts: the loop has no invariant yet
    if (i > loopLine && /^\s*\{/.test(l)) return [{ span: at(i, 1), text: `${headerIndent}    invariant ${clause},\n` }];
    if (i === loopLine && /\{\s*$/.test(l)) return null;
  }
  return null;
}
