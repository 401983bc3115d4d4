// Ghost-code erasure: Verus-annotated Rust -> plain Rust for rustc (docs/contracts.md §5).
//
// Every ghost token is replaced by spaces (newlines are kept), so each remaining character stays
// at its original line:column and rustc's diagnostics point into the annotated source. Only the
// inside of `verus! { ... }` is touched; code outside it is plain Rust and passes through as is.
//
// Erased inside verus!:
//   - the `verus! {` opener and its closing `}`; `use vstd::...;` / `use builtin...;`
//   - `spec fn` / `proof fn` items (with `open`/`closed`/`broadcast`, visibility, attributes)
//   - the clauses of toolchain/syntax/clauses.ts (`requires`, `ensures`, `returns`, ...), up to the body
//   - `proof { .. }`, `assert(..)` / `assert forall ..` (with `by ..`), `assume(..)`, `reveal(..)`
//   - `let ghost` / `let tracked` statements
//   - `global size_of T == N;` / `global layout T is ..;` items (facts for the verifier)
//   - `Ghost<..>` / `Tracked<..>` fields and parameters, `Ghost(..)` / `Tracked(..)` arguments and
//     struct-literal fields, and statements assigning `Ghost(..)`
//   - named returns `-> (r: T)` and `-> ((a, b): T)` become `-> T`
//   - `#[verifier::..]` / `#[verifier(..)]` and `#[trigger]` attributes
// Clause expressions must not contain top-level braces (wrap `match`/`if` in parentheses).
// Anything the eraser cannot erase is a diagnostic with a span, never a silent pass.

import { lex, type Token } from '../syntax/lexer';
import { CLAUSE_STARTS } from '../syntax/clauses';

export interface EraseDiagnostic {
  message: string;
  /** 1-based. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface EraseResult {
  text: string;
  diagnostics: EraseDiagnostic[];
  /** Number of `verus!` blocks found. */
  blocks: number;
}

/** Clause keywords erased up to the body (`decreases .. when ..` goes with its `decreases`). */
const CLAUSES = CLAUSE_STARTS;
const GHOST_WRAPPERS = new Set(['Ghost', 'Tracked']);
const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSERS = new Set([')', ']', '}']);
/** Tokens that must not survive erasure inside verus!. */
const GHOST_ONLY = new Set([...CLAUSES, 'Ghost', 'Tracked', 'spec', 'proof', 'assume', '==>', '<==>', '<==', '&&&', '|||']);

class Eraser {
  readonly toks: Token[];
  readonly blank: Uint8Array; // per token: 1 = erased
  /** per token: also blank the comments/whitespace before it (doc comments of erased items) */
  readonly blankBefore: Uint8Array;
  readonly diagnostics: EraseDiagnostic[] = [];
  /** match[i] = index of the bracket matching token i (for ( [ { ) ] }), or -1. */
  readonly match: Int32Array;

  constructor(readonly text: string) {
    const { tokens, diagnostics } = lex(text);
    this.toks = tokens.filter((t) => t.kind !== 'eof');
    this.blank = new Uint8Array(this.toks.length);
    this.blankBefore = new Uint8Array(this.toks.length);
    this.match = new Int32Array(this.toks.length).fill(-1);
    for (const d of diagnostics) this.diag(d.message, d.start, d.end);
    const stack: number[] = [];
    this.toks.forEach((t, i) => {
      if (t.kind !== 'punct') return;
      if (OPENERS[t.text]) stack.push(i);
      else if (CLOSERS.has(t.text)) {
        const o = stack.pop();
        if (o === undefined || OPENERS[this.toks[o]!.text] !== t.text) {
          this.diag(`unbalanced '${t.text}'`, t.start, t.end);
          if (o !== undefined) stack.push(o);
          return;
        }
        this.match[o] = i;
        this.match[i] = o;
      }
    });
    for (const o of stack) this.diag(`unclosed '${this.toks[o]!.text}'`, this.toks[o]!.start, this.toks[o]!.end);
  }

  diag(message: string, start: number, end: number): void {
    const pos = (off: number) => {
      let line = 1;
      let ls = 0;
      for (let i = 0; i < off && i < this.text.length; i++) {
        if (this.text.charCodeAt(i) === 10) {
          line++;
          ls = i + 1;
        }
      }
      return { line, column: off - ls + 1 };
    };
    const a = pos(start);
    const b = pos(end);
    this.diagnostics.push({ message: `erase: ${message}`, line: a.line, column: a.column, endLine: b.line, endColumn: b.column });
  }

  t(i: number): Token | undefined {
    return this.toks[i];
  }
  is(i: number, text: string): boolean {
    const t = this.toks[i];
    return t !== undefined && t.text === text && t.kind !== 'string' && t.kind !== 'char';
  }
  isIdent(i: number, text?: string): boolean {
    const t = this.toks[i];
    return t !== undefined && (t.kind === 'ident' || t.kind === 'keyword') && (text === undefined || t.text === text);
  }
  erase(from: number, to: number): void {
    for (let i = from; i <= to && i < this.toks.length; i++) this.blank[i] = 1;
  }
  /** Index after the angle-bracket group starting at `lt` (a `<`). */
  skipAngles(lt: number): number {
    let depth = 0;
    for (let i = lt; i < this.toks.length; i++) {
      const x = this.toks[i]!;
      if (x.kind !== 'punct') continue;
      if (x.text === '<') depth++;
      else if (x.text === '>') depth--;
      else if (x.text === '>>') depth -= 2;
      else if (OPENERS[x.text]) i = this.match[i]! < 0 ? i : this.match[i]!;
      else if (x.text === ';' || x.text === '{' || CLOSERS.has(x.text)) return -1;
      if (depth <= 0) return i + 1;
    }
    return -1;
  }
  /** End (inclusive) of a group starting at an opener. */
  close(i: number): number {
    const m = this.match[i]!;
    return m < 0 ? this.toks.length - 1 : m;
  }

  run(): number {
    let blocks = 0;
    for (let i = 0; i < this.toks.length; i++) {
      if (this.is(i, 'use') && (this.isIdent(i + 1, 'vstd') || this.isIdent(i + 1, 'builtin') || this.isIdent(i + 1, 'builtin_macros'))) {
        i = this.eraseToSemi(i);
        continue;
      }
      if (this.isIdent(i, 'verus') && this.is(i + 1, '!') && this.is(i + 2, '{')) {
        const end = this.match[i + 2]!;
        if (end < 0) {
          this.diag('verus! block is not closed', this.toks[i]!.start, this.toks[i + 2]!.end);
          continue;
        }
        blocks++;
        this.erase(i, i + 2);
        this.erase(end, end);
        this.region(i + 3, end);
        this.check(i + 3, end);
        i = end;
      }
    }
    return blocks;
  }

  /** Erase ghost code among tokens [from, to). */
  region(from: number, to: number): void {
    for (let i = from; i < to; i++) {
      if (this.blank[i]) continue;
      const x = this.toks[i]!;
      // attributes: #[verifier::..], #[verifier(..)], #[trigger]
      if (x.text === '#' && this.is(i + 1, '[')) {
        const end = this.close(i + 1);
        const head = this.toks[i + 2]?.text;
        if (head === 'verifier' || head === 'trigger' || head === 'via_fn' || head === 'when_used_as_spec') {
          this.erase(i, end);
        }
        i = end;
        continue;
      }
      if (x.kind === 'string' || x.kind === 'char') continue;
      if ((x.text === 'spec' || x.text === 'proof') && x.kind === 'ident' && this.ghostFnAhead(i)) {
        i = this.eraseGhostFn(i);
        continue;
      }
      if (x.text === 'use' && (this.isIdent(i + 1, 'vstd') || this.isIdent(i + 1, 'builtin') || this.isIdent(i + 1, 'builtin_macros'))) {
        i = this.eraseToSemi(i);
        continue;
      }
      if (x.kind === 'ident' && CLAUSES.has(x.text)) {
        i = this.eraseClauses(i);
        continue;
      }
      if (x.text === 'proof' && this.is(i + 1, '{')) {
        const end = this.close(i + 1);
        this.erase(i, end);
        i = end;
        continue;
      }
      if ((x.text === 'assert' || x.text === 'assume') && x.kind === 'ident' && !this.is(i + 1, '!') &&
          (this.is(i + 1, '(') || this.isIdent(i + 1, 'forall'))) {
        i = this.eraseAssert(i);
        continue;
      }
      if ((x.text === 'reveal' || x.text === 'reveal_with_fuel') && this.is(i + 1, '(')) {
        i = this.eraseToSemi(i);
        continue;
      }
      if (x.text === 'let' && (this.isIdent(i + 1, 'ghost') || this.isIdent(i + 1, 'tracked'))) {
        i = this.eraseToSemi(i);
        continue;
      }
      if (x.kind === 'ident' && x.text === 'global' && (this.isIdent(i + 1, 'size_of') || this.isIdent(i + 1, 'layout'))) {
        i = this.eraseToSemi(i);
        continue;
      }
      if (x.text === '->' && this.is(i + 1, '(') && this.t(i + 2)?.kind === 'ident' && this.is(i + 3, ':')) {
        // named return: -> (r: T)  =>  -> T
        const close = this.close(i + 1);
        this.erase(i + 1, i + 3);
        this.erase(close, close);
        continue;
      }
      if (x.text === '->' && this.is(i + 1, '(') && this.is(i + 2, '(') && this.is(this.close(i + 2) + 1, ':')) {
        // a result named by a pattern: -> ((a, b): T)  =>  -> T
        const close = this.close(i + 1);
        this.erase(i + 1, this.close(i + 2) + 1);
        this.erase(close, close);
        continue;
      }
      if (x.kind === 'ident' && GHOST_WRAPPERS.has(x.text) && (this.is(i + 1, '<') || this.is(i + 1, '('))) {
        i = this.eraseGhostElement(i);
        continue;
      }
      if (x.kind === 'ident' && (x.text === 'tracked' || x.text === 'ghost') && this.t(i + 1)?.kind === 'ident' && this.is(i + 2, ':')) {
        // `tracked x: T` / `ghost x: T` parameters
        i = this.eraseGhostElement(i);
        continue;
      }
    }
  }

  /** At `spec`/`proof` (possibly after open/closed/broadcast): is this a ghost fn item? */
  ghostFnAhead(i: number): boolean {
    return this.is(i + 1, 'fn');
  }

  eraseGhostFn(i: number): number {
    // walk back over qualifiers, visibility and attributes
    let start = i;
    for (;;) {
      const p = start - 1;
      if (p < 0 || this.blank[p]) break;
      const pt = this.toks[p]!;
      if (pt.kind === 'ident' && (pt.text === 'open' || pt.text === 'closed' || pt.text === 'broadcast')) start = p;
      else if (pt.text === 'pub') start = p;
      else if (pt.text === ')' && this.isIdent(this.match[p]! - 1, 'pub')) start = this.match[p]! - 1;
      else if (pt.text === ']' && this.is(this.match[p]! - 1, '#')) start = this.match[p]! - 1;
      else break;
    }
    // find the body: first `{` or `;` at depth 0 after the parameter list
    let j = i + 2;
    while (j < this.toks.length && !this.is(j, '(')) j++;
    for (j = this.close(j) + 1; j < this.toks.length; j++) {
      if (this.is(j, ';')) break;
      if (this.is(j, '{')) {
        j = this.close(j);
        break;
      }
      if (this.is(j, '(') || this.is(j, '[')) j = this.close(j);
    }
    this.erase(start, j);
    this.blankBefore[start] = 1;
    return j;
  }

  eraseToSemi(i: number): number {
    let j = i;
    for (; j < this.toks.length; j++) {
      if (this.is(j, ';')) break;
      if (OPENERS[this.toks[j]!.text] && this.toks[j]!.kind === 'punct') j = this.close(j);
      else if (this.is(j, '}')) {
        this.diag('expected `;` to end the ghost statement', this.toks[i]!.start, this.toks[j]!.end);
        j--;
        break;
      }
    }
    this.erase(i, j);
    return j;
  }

  eraseClauses(i: number): number {
    let j = i;
    for (; j < this.toks.length; j++) {
      if (this.is(j, '{') || this.is(j, ';')) break;
      if (this.is(j, '}')) {
        this.diag('clause without a body', this.toks[i]!.start, this.toks[j]!.end);
        break;
      }
      if (this.is(j, '(') || this.is(j, '[')) j = this.close(j);
    }
    // a body-less declaration keeps its `;`
    this.erase(i, j - 1);
    return j - 1;
  }

  eraseAssert(i: number): number {
    let j = i + 1;
    for (; j < this.toks.length; j++) {
      if (this.is(j, ';')) break;
      if (this.is(j, '(') || this.is(j, '[')) j = this.close(j);
      else if (this.is(j, '{')) {
        j = this.close(j);
        if (this.is(j + 1, ';')) j++;
        break;
      } else if (this.is(j, '}')) {
        this.diag('cannot find the end of this assertion', this.toks[i]!.start, this.toks[j]!.end);
        j--;
        break;
      }
    }
    this.erase(i, j);
    return j;
  }

  /** A `Ghost<..>`/`Ghost(..)` inside a field, parameter, argument, struct-literal field or statement. */
  eraseGhostElement(i: number): number {
    // element start: back to `,` `;` an opener or `}` at depth 0
    let s = i;
    let sep = -1;
    for (let p = i - 1; p >= 0; p--) {
      const pt = this.toks[p]!;
      if (pt.kind === 'punct' && CLOSERS.has(pt.text)) {
        if (pt.text === '}' && !this.is(this.match[p]! - 1, '#')) {
          sep = p;
          break;
        }
        p = this.match[p]!;
        s = p;
        if (this.is(p - 1, '#')) s = p - 1;
        if (this.is(p - 1, '#')) p--;
        continue;
      }
      if (pt.kind === 'punct' && (pt.text === ',' || pt.text === ';' || OPENERS[pt.text])) {
        sep = p;
        break;
      }
      s = p;
    }
    // element end: forward to `,` `;` or a closer at depth 0
    let e = i;
    let term = -1;
    for (let j = i; j < this.toks.length; j++) {
      const x = this.toks[j]!;
      if (x.kind === 'punct' && OPENERS[x.text]) {
        j = this.close(j);
        e = j;
        continue;
      }
      if (x.kind === 'punct' && x.text === '<' && this.t(j - 1)?.kind === 'ident' && /^[A-Z]/.test(this.toks[j - 1]!.text)) {
        const after = this.skipAngles(j);
        if (after < 0) {
          this.diag('cannot find the end of this ghost type', this.toks[i]!.start, x.end);
          return i;
        }
        j = after - 1;
        e = j;
        continue;
      }
      if (x.kind === 'punct' && (x.text === ',' || x.text === ';' || CLOSERS.has(x.text))) {
        term = j;
        break;
      }
      e = j;
    }
    if (term < 0) {
      this.diag('cannot find the end of this ghost element', this.toks[i]!.start, this.toks[i]!.end);
      return i;
    }
    this.blankBefore[s] = 1;
    const tt = this.toks[term]!.text;
    const st = sep >= 0 ? this.toks[sep]!.text : '';
    if (tt === ';') {
      // a statement (`x = Ghost(..);`, `let g: Ghost<..> = ..;`) goes entirely
      this.erase(s, term);
      return term;
    }
    if (tt === ',') {
      this.erase(s, term);
      return term;
    }
    // last element of a list: take the separating comma before it, if any
    if (st === ',') this.erase(sep, e);
    else this.erase(s, e);
    return e;
  }

  /** Ghost-only tokens left in exec code mean the eraser did not understand something. */
  check(from: number, to: number): void {
    for (let i = from; i < to; i++) {
      if (this.blank[i]) continue;
      const x = this.toks[i]!;
      if (x.kind === 'string' || x.kind === 'char') continue;
      if (GHOST_ONLY.has(x.text) && (x.kind === 'ident' || x.kind === 'punct')) {
        if ((x.text === 'spec' || x.text === 'proof') && !this.is(i + 1, 'fn') && !this.is(i + 1, '{')) continue;
        this.diag(`cannot erase '${x.text}' here`, x.start, x.end);
      }
    }
  }

  output(): string {
    const out = this.text.split('');
    for (let i = 0; i < this.toks.length; i++) {
      if (!this.blank[i]) continue;
      // blank the token and, when the next token is erased too, everything in between (comments)
      const t = this.toks[i]!;
      if (this.blankBefore[i]) {
        const prevEnd = i > 0 ? this.toks[i - 1]!.end : 0;
        for (let k = prevEnd; k < t.start; k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = ' ';
      }
      const end = i + 1 < this.toks.length && this.blank[i + 1] ? this.toks[i + 1]!.start : t.end;
      for (let k = t.start; k < end; k++) {
        const c = out[k]!;
        if (c === '\n' || c === '\r') continue;
        // a surrogate pair is one character (one column) for rustc: keep one space for it
        const code = c.charCodeAt(0);
        out[k] = code >= 0xdc00 && code <= 0xdfff ? '' : ' ';
      }
    }
    return out.join('');
  }
}

/** Erase the ghost code of one source file. Fast: one lexing pass plus linear scans. */
export function erase(text: string): EraseResult {
  const e = new Eraser(text);
  const blocks = e.run();
  return { text: e.output(), diagnostics: e.diagnostics, blocks };
}
