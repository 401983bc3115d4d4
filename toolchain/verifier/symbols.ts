// The workspace's definitions for the editor's go to definition, hover and find references,
// read from the parser's syntax trees: functions (with their specs), structs and enums, fields,
// consts; and the uses of each spec fn (identifier tokens with its name).

import type { SymbolInfo, SymbolReference, WorkspaceSymbols } from '../../app/symbols';
import type { Sp } from './ast';
import { parseFile } from './parser';
import { LineMap } from '../syntax/line-map';
import { lex } from '../syntax/lexer';

const MAX_DETAIL_LINES = 40;

function clipLines(text: string): string {
  const lines = text.split('\n');
  // re-indent: the first line's own indentation is gone (it starts at the item)
  const indent = Math.min(...lines.slice(1).filter((l) => l.trim()).map((l) => l.length - l.trimStart().length), Infinity);
  const out = [lines[0]!, ...lines.slice(1).map((l) => (Number.isFinite(indent) ? l.slice(Math.min(indent, l.length - l.trimStart().length)) : l))];
  return out.length > MAX_DETAIL_LINES ? `${out.slice(0, MAX_DETAIL_LINES).join('\n')}\n…` : out.join('\n');
}

/** The identifier `name` at or after `from` within `sp` (an item's own name). */
function nameSpan(text: string, name: string, sp: Sp, from = sp.start): Sp {
  const re = new RegExp(`\\b${name}\\b`, 'g');
  re.lastIndex = from;
  const m = re.exec(text);
  return m && m.index < sp.end ? { start: m.index, end: m.index + name.length } : { start: sp.start, end: sp.start };
}

export function workspaceSymbols(files: Map<string, string>): WorkspaceSymbols {
  const symbols: SymbolInfo[] = [];
  const parsed = [...files].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([p, t]) => parseFile(p, t));
  // spec fns with a body, by type, for a struct's invariant (`wf` / `inv`)
  const invariants = new Map<string, string>();
  for (const f of parsed) {
    for (const it of f.items) {
      if (it.k === 'fn' && it.mode === 'spec' && it.selfType && (it.name === 'wf' || it.name === 'inv')) invariants.set(it.selfType, clipLines(f.text.slice(it.sp.start, it.sp.end)));
    }
  }
  for (const f of parsed) {
    const lm = new LineMap(f.text);
    const add = (s: Omit<SymbolInfo, 'file' | 'span'>, sp: Sp) => symbols.push({ ...s, file: f.path, span: lm.span(sp) });
    for (const it of f.items) {
      if (it.k === 'fn') {
        // a spec fn's body is its meaning; for the others the signature and specs are the contract
        const end = it.mode !== 'spec' && it.body ? it.body.sp.start : it.sp.end;
        const qname = it.selfType ? `${it.selfType}::${it.name}` : it.name;
        add({ name: it.name, qname, kind: 'fn', mode: it.mode, detail: clipLines(f.text.slice(it.sp.start, end).trimEnd()) }, it.nameSp);
      } else if (it.k === 'struct' || it.k === 'enum') {
        const inv = invariants.get(it.name);
        const detail = clipLines(f.text.slice(it.sp.start, it.sp.end)) + (inv ? `\n\n// invariant\n${inv}` : '');
        add({ name: it.name, qname: it.name, kind: it.k, detail }, nameSpan(f.text, it.name, it.sp, f.text.indexOf(it.k, it.sp.start)));
        if (it.k === 'struct') {
          for (const field of it.fields) {
            if (/^\d+$/.test(field.name)) continue;
            add({ name: field.name, qname: `${it.name}::${field.name}`, kind: 'field', detail: `${it.name}.${clipLines(f.text.slice(field.sp.start, field.sp.end))}` }, nameSpan(f.text, field.name, field.sp));
          }
        }
      } else if (it.k === 'const') {
        add({ name: it.name, qname: it.selfType ? `${it.selfType}::${it.name}` : it.name, kind: 'const', detail: clipLines(f.text.slice(it.sp.start, it.sp.end)) }, nameSpan(f.text, it.name, it.sp));
      }
    }
  }
  // uses of spec fns: identifier tokens with their name (outside the definition's own name)
  const specNames = new Map<string, SymbolInfo[]>();
  for (const s of symbols) if (s.kind === 'fn' && s.mode === 'spec') specNames.set(s.name, [...(specNames.get(s.name) ?? []), s]);
  const references: Record<string, SymbolReference[]> = {};
  for (const f of parsed) {
    const lm = new LineMap(f.text);
    // the lexer's identifiers: never a word inside a comment or a string
    for (const t of lex(f.text).tokens) {
      if (t.kind !== 'ident') continue;
      const defs = specNames.get(t.text);
      if (!defs) continue;
      const span = lm.span({ start: t.start, end: t.end });
      for (const d of defs) {
        if (d.file === f.path && d.span.start.line === span.start.line && d.span.start.column === span.start.column) continue;
        (references[d.qname] ??= []).push({ file: f.path, span });
      }
    }
  }
  return { symbols, references };
}

