// Lexer for Rust + Verus source text. Stable interface used by the verifier, the ghost-code
// eraser (toolchain/erase) and the line statistics (toolchain/stats).
//
// Design choices:
// - Only Rust's strict and reserved keywords (plus `union`, `macro_rules`-free set) are `keyword`.
//   Verus' contextual words (spec, proof, exec, open, closed, tracked, ghost, requires, ensures,
//   invariant, decreases, forall, exists, choose, assert, assume, int, nat, ...) stay `ident`:
//   they are only keywords in some positions and the parser decides by context.
// - Comments are dropped unless `keepComments` is set. `///`, `//!`, `/** */` and `/*! */` are
//   `doc-comment`; other comments are `line-comment` / `block-comment` (block comments nest).
// - Numbers keep their suffix in `text` (`0xffu64`, `1_000usize`); `1.5` / `1e3` / `2f64` are float.
// - `'a` is a lifetime unless it forms a char literal `'a'` / `'\n'` / `'\u{1F600}'`.
// - Multi-char punctuation is longest-match, including Verus' `==>`, `<==>`, `<==`, `&&&`, `|||`,
//   `=~=`, `!~=`, `=~~=`, `===`, `!==`.
// - The lexer never throws. Unterminated literals/comments are tokens up to end of input plus a
//   diagnostic; unknown characters become `unknown` tokens with a diagnostic.
// - Tokens are in order, do not overlap, and every non-whitespace character belongs to exactly one
//   token (comments included when keepComments is set). The last token is always `eof`.

export type TokenKind =
  | 'ident'
  | 'keyword'
  | 'int'
  | 'float'
  | 'string'
  | 'char'
  | 'lifetime'
  | 'punct'
  | 'line-comment'
  | 'block-comment'
  | 'doc-comment'
  | 'unknown'
  | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
  line: number;
  column: number;
}

export interface LexDiagnostic {
  message: string;
  start: number;
  end: number;
  line: number;
  column: number;
}

export const KEYWORDS: ReadonlySet<string> = new Set([
  'as', 'break', 'const', 'continue', 'crate', 'else', 'enum', 'extern', 'false', 'fn', 'for',
  'if', 'impl', 'in', 'let', 'loop', 'match', 'mod', 'move', 'mut', 'pub', 'ref', 'return',
  'self', 'Self', 'static', 'struct', 'super', 'trait', 'true', 'type', 'unsafe', 'use', 'where',
  'while', 'async', 'await', 'dyn', 'abstract', 'become', 'box', 'do', 'final', 'macro',
  'override', 'priv', 'typeof', 'unsized', 'virtual', 'yield', 'try',
]);

// Longest first within each leading character is handled by trying lengths 4..1.
const PUNCTS: ReadonlySet<string> = new Set([
  '<==>', '=~~=', '!~~=',
  '===', '!==', '==>', '<==', '&&&', '|||', '=~=', '!~=', '..=', '...', '<<=', '>>=',
  '::', '->', '=>', '..', '==', '!=', '<=', '>=', '&&', '||', '+=', '-=', '*=', '/=', '%=',
  '^=', '&=', '|=', '<<', '>>',
  '+', '-', '*', '/', '%', '^', '!', '&', '|', '=', '<', '>', '@', '.', ',', ';', ':', '#', '$',
  '?', '~', '{', '}', '[', ']', '(', ')',
]);

const PUNCT_BY_FIRST: Map<string, string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const p of PUNCTS) {
    const l = m.get(p[0]!) ?? [];
    l.push(p);
    m.set(p[0]!, l);
  }
  for (const l of m.values()) l.sort((a, b) => b.length - a.length);
  return m;
})();

function isIdentStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || (c > '\x7f' && /\p{XID_Start}/u.test(c));
}
function isIdentContinue(c: string): boolean {
  return (
    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_' ||
    (c > '\x7f' && /\p{XID_Continue}/u.test(c))
  );
}
function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}
function isWs(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v' || c === '\u200e' || c === '\u200f' || c === '\u2028' || c === '\u2029' || c === '\u0085';
}

export function lex(text: string, options?: { keepComments?: boolean }): { tokens: Token[]; diagnostics: LexDiagnostic[] } {
  const keep = options?.keepComments ?? false;
  const tokens: Token[] = [];
  const diagnostics: LexDiagnostic[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  let lineStart = 0;

  // Position tracking: we advance `line`/`lineStart` lazily by scanning consumed text.
  let scanPos = 0;
  function syncTo(pos: number): void {
    while (scanPos < pos) {
      if (text.charCodeAt(scanPos) === 10) {
        line++;
        lineStart = scanPos + 1;
      }
      scanPos++;
    }
  }
  function push(kind: TokenKind, start: number, end: number): void {
    syncTo(start);
    const tok: Token = { kind, text: text.slice(start, end), start, end, line, column: start - lineStart + 1 };
    if (keep || (kind !== 'line-comment' && kind !== 'block-comment' && kind !== 'doc-comment')) tokens.push(tok);
  }
  function diag(message: string, start: number, end: number): void {
    syncTo(start);
    diagnostics.push({ message, start, end, line, column: start - lineStart + 1 });
  }

  // Scans a quoted body starting after the opening quote; returns the index after the closing quote.
  function scanQuoted(from: number, quote: string): { end: number; ok: boolean } {
    let j = from;
    while (j < n) {
      const c = text[j]!;
      if (c === '\\') {
        j += 2;
        continue;
      }
      if (c === quote) return { end: j + 1, ok: true };
      j++;
    }
    return { end: n, ok: false };
  }
  function scanRaw(from: number): { end: number; ok: boolean } | null {
    // from points at 'r' (after optional b/c prefix); expects #*"
    let j = from + 1;
    let hashes = 0;
    while (j < n && text[j] === '#') {
      hashes++;
      j++;
    }
    if (text[j] !== '"') return null;
    j++;
    const close = '"' + '#'.repeat(hashes);
    const k = text.indexOf(close, j);
    if (k < 0) return { end: n, ok: false };
    return { end: k + close.length, ok: true };
  }
  function scanSuffix(j: number): number {
    if (j < n && isIdentStart(text[j]!)) {
      j++;
      while (j < n && isIdentContinue(text[j]!)) j++;
    }
    return j;
  }

  while (i < n) {
    const c = text[i]!;
    if (isWs(c)) {
      i++;
      continue;
    }
    const start = i;
    const c1 = i + 1 < n ? text[i + 1]! : '';
    // Comments
    if (c === '/' && c1 === '/') {
      let j = text.indexOf('\n', i);
      if (j < 0) j = n;
      const isDoc = (text[i + 2] === '/' && text[i + 3] !== '/') || text[i + 2] === '!';
      push(isDoc ? 'doc-comment' : 'line-comment', start, j);
      i = j;
      continue;
    }
    if (c === '/' && c1 === '*') {
      let depth = 1;
      let j = i + 2;
      while (j < n && depth > 0) {
        if (text[j] === '/' && text[j + 1] === '*') {
          depth++;
          j += 2;
        } else if (text[j] === '*' && text[j + 1] === '/') {
          depth--;
          j += 2;
        } else j++;
      }
      if (depth > 0) diag('unterminated block comment', start, n);
      const t2 = text[i + 2];
      const isDoc = (t2 === '*' && text[i + 3] !== '*' && text[i + 3] !== '/') || t2 === '!';
      push(isDoc ? 'doc-comment' : 'block-comment', start, j);
      i = j;
      continue;
    }
    // Raw strings / byte strings / C strings
    if (c === 'r' && (c1 === '"' || c1 === '#')) {
      const r = scanRaw(i);
      if (r) {
        if (!r.ok) diag('unterminated raw string', start, n);
        const e = r.ok ? scanSuffix(r.end) : r.end;
        push('string', start, e);
        i = e;
        continue;
      }
    }
    if ((c === 'b' || c === 'c') && c1 === 'r' && (text[i + 2] === '"' || text[i + 2] === '#')) {
      const r = scanRaw(i + 1);
      if (r) {
        if (!r.ok) diag('unterminated raw string', start, n);
        const e = r.ok ? scanSuffix(r.end) : r.end;
        push('string', start, e);
        i = e;
        continue;
      }
    }
    if ((c === 'b' || c === 'c') && c1 === '"') {
      const r = scanQuoted(i + 2, '"');
      if (!r.ok) diag('unterminated string literal', start, n);
      const e = r.ok ? scanSuffix(r.end) : r.end;
      push('string', start, e);
      i = e;
      continue;
    }
    if (c === 'b' && c1 === "'") {
      const r = scanQuoted(i + 2, "'");
      if (!r.ok) diag('unterminated byte literal', start, n);
      const e = r.ok ? scanSuffix(r.end) : r.end;
      push('char', start, e);
      i = e;
      continue;
    }
    // Raw identifiers r#ident
    if (c === 'r' && c1 === '#' && i + 2 < n && isIdentStart(text[i + 2]!)) {
      let j = i + 3;
      while (j < n && isIdentContinue(text[j]!)) j++;
      push('ident', start, j);
      i = j;
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < n && isIdentContinue(text[j]!)) j++;
      const word = text.slice(i, j);
      push(KEYWORDS.has(word) ? 'keyword' : 'ident', start, j);
      i = j;
      continue;
    }
    if (isDigit(c)) {
      let j = i;
      let kind: TokenKind = 'int';
      if (c === '0' && (c1 === 'x' || c1 === 'o' || c1 === 'b')) {
        j = i + 2;
        const re = c1 === 'x' ? /[0-9a-fA-F_]/ : c1 === 'o' ? /[0-7_]/ : /[01_]/;
        while (j < n && re.test(text[j]!)) j++;
        // suffix like u64 (hex digits could eat 'e'/'f' — that's standard Rust behaviour)
        j = scanSuffix(j);
      } else {
        while (j < n && (isDigit(text[j]!) || text[j] === '_')) j++;
        // fractional part: `1.5`, but not `1..2`, `1.foo()`, or tuple index `t.0.1`
        if (text[j] === '.' && text[j + 1] !== '.' && !(j + 1 < n && isIdentStart(text[j + 1]!))) {
          kind = 'float';
          j++;
          while (j < n && (isDigit(text[j]!) || text[j] === '_')) j++;
        }
        if ((text[j] === 'e' || text[j] === 'E') && (isDigit(text[j + 1] ?? '') || ((text[j + 1] === '+' || text[j + 1] === '-') && isDigit(text[j + 2] ?? '')))) {
          kind = 'float';
          j += 2;
          while (j < n && (isDigit(text[j]!) || text[j] === '_')) j++;
        }
        const sStart = j;
        j = scanSuffix(j);
        const suffix = text.slice(sStart, j);
        if (suffix === 'f32' || suffix === 'f64') kind = 'float';
      }
      push(kind, start, j);
      i = j;
      continue;
    }
    if (c === '"') {
      const r = scanQuoted(i + 1, '"');
      if (!r.ok) diag('unterminated string literal', start, n);
      const e = r.ok ? scanSuffix(r.end) : r.end;
      push('string', start, e);
      i = e;
      continue;
    }
    if (c === "'") {
      // char literal or lifetime
      if (c1 === '\\') {
        const r = scanQuoted(i + 1, "'");
        if (!r.ok) diag('unterminated character literal', start, n);
        push('char', start, r.end);
        i = r.end;
        continue;
      }
      if (c1 !== '' && text[i + 2] === "'" && c1 !== "'") {
        push('char', start, i + 3);
        i += 3;
        continue;
      }
      // non-BMP char literal like '😀'
      const cp = text.codePointAt(i + 1);
      if (cp !== undefined && cp > 0xffff && text[i + 3] === "'") {
        push('char', start, i + 4);
        i += 4;
        continue;
      }
      if (c1 !== '' && isIdentStart(c1)) {
        let j = i + 2;
        while (j < n && isIdentContinue(text[j]!)) j++;
        push('lifetime', start, j);
        i = j;
        continue;
      }
      diag('unexpected quote', start, i + 1);
      push('unknown', start, i + 1);
      i++;
      continue;
    }
    let matched = '';
    const cands = PUNCT_BY_FIRST.get(c);
    if (cands) {
      for (const p of cands) {
        if (p.length === 1 || text.startsWith(p, i)) {
          matched = p;
          break;
        }
      }
    }
    if (matched) {
      push('punct', start, i + matched.length);
      i += matched.length;
      continue;
    }
    // Unknown character (keep surrogate pairs together)
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    diag(`unknown character '${text.slice(i, i + len)}'`, start, i + len);
    push('unknown', start, i + len);
    i += len;
  }
  syncTo(n);
  tokens.push({ kind: 'eof', text: '', start: n, end: n, line, column: n - lineStart + 1 });
  return { tokens, diagnostics };
}
