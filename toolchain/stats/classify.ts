// Line classification of one Rust + Verus source file, over the token stream of
// toolchain/syntax/lexer.ts. The rules are documented in docs/stats.md; in short:
//
//   1. Every code token gets a category. Structural rules paint ranges of tokens, outer first,
//      inner constructs override (a spec clause inside a proof fn is spec, a proof block inside an
//      exec body is proof). Trusted constructs (external_body/external/axiom items, assume,
//      admit, asm) are a separate mark that wins over every category.
//   2. A line's category is the highest-priority category among the code tokens touching it
//      (trusted > proof > spec > exec); a line with no code token is `comment` when a comment
//      has text on it, `blank` otherwise.
//
// Never throws on malformed input: unbalanced delimiters are closed where they can be and
// reported as diagnostics; internal failures fall back to a code/comment/blank count.

import type { FunctionMode, Span } from '../../app/verification';
import type { LineCategory, TrustedKind } from '../../app/stats';
import { lex, type Token } from '../syntax/lexer';
import { CLAUSE_STARTS, VERUS_MODIFIERS } from '../syntax/clauses';
import { LineMap } from '../syntax/line-map';

/** Bump when a rule changes: cached per-commit statistics are recomputed. */
export const CLASSIFIER_VERSION = 2;

export interface ClassifiedFunction {
  name: string;
  mode: FunctionMode;
  trusted: boolean;
  verified: boolean;
  span: Span;
}

export interface ClassifiedTrusted {
  kind: TrustedKind;
  name: string;
  function?: string;
  span: Span;
}

export interface ClassifyDiagnostic {
  span: Span;
  severity: 'warning' | 'error';
  message: string;
}

export interface FileClassification {
  /** Number of physical lines (a final newline does not start a new line; empty text has 0). */
  lineCount: number;
  /** Category of line i + 1. */
  lines: LineCategory[];
  /** Line i + 1 is exec and none of its code is inside a `verus! { }` block. */
  unverified: boolean[];
  functions: ClassifiedFunction[];
  trusted: ClassifiedTrusted[];
  diagnostics: ClassifyDiagnostic[];
}

const EXEC = 0;
const SPEC = 1;
const PROOF = 2;
type Cat = typeof EXEC | typeof SPEC | typeof PROOF;
type Mode = 'exec' | 'spec' | 'proof';
const CAT_OF_MODE: Record<Mode, Cat> = { exec: EXEC, spec: SPEC, proof: PROOF };

/** Function and loop specification clauses (Verus). A clause runs until the next one or the body. */
const CLAUSE_KEYWORDS = CLAUSE_STARTS;
const ASM_MACROS = new Set(['asm', 'global_asm', 'naked_asm', 'llvm_asm']);
const PROOF_STATEMENTS = new Set(['reveal', 'reveal_with_fuel', 'hide']);
/** Words that may precede `fn` (or another item keyword) in an item's head: Rust's and Verus'. */
const QUALIFIERS = new Set(['pub', 'unsafe', 'async', 'default', 'extern', 'const', ...VERUS_MODIFIERS.map((m) => m.keyword)]);
const MAX_DIAGNOSTICS = 20;
/** Deeper nesting is not descended into (its tokens keep the enclosing category). */
const MAX_DEPTH = 400;

interface Ctx {
  /** Inside a `verus! { }` block. */
  verus: boolean;
  /** The ghost level of the surrounding code: only exec code can contain proof/spec regions. */
  mode: Mode;
  /** `impl`/`trait` type, for `Type::method` names. */
  owner?: string;
  /** Enclosing function (qualified name). */
  fn?: string;
  /** Record functions found at this level (item level, not nested in bodies). */
  record: boolean;
  /** Inside a trusted item (an external_body/external impl, trait or mod). */
  trusted?: boolean;
}

const isComment = (t: Token): boolean =>
  t.kind === 'line-comment' || t.kind === 'block-comment' || t.kind === 'doc-comment';

/** Classify one source file. Never throws. */
export function classifySource(text: string): FileClassification {
  const index = new LineMap(text);
  try {
    return new Classifier(text, index).run();
  } catch (e) {
    return fallback(index, `internal error in the line classifier (${(e as Error)?.message ?? e}); counted lines as code/comment/blank only`);
  }
}

/** Code/comment/blank split without structure: used only if the classifier itself fails. */
function fallback(index: LineMap, message: string): FileClassification {
  const lines: LineCategory[] = [];
  for (let l = 1; l <= index.lineCount; l++) {
    const t = index.lineText(l).trim();
    lines.push(t === '' ? 'blank' : t.startsWith('//') ? 'comment' : 'exec');
  }
  const here = { line: 1, column: 1 };
  return {
    lineCount: index.lineCount,
    lines,
    unverified: lines.map(() => false),
    functions: [],
    trusted: [],
    diagnostics: [{ span: { start: here, end: here }, severity: 'error', message }],
  };
}

class Classifier {
  private readonly toks: Token[];
  private readonly comments: Token[];
  private readonly n: number;
  /** For an opener, the index of its closer (n when unclosed); -1 otherwise. */
  private readonly match: Int32Array;
  private readonly cat: Uint8Array;
  private readonly trustedMark: Uint8Array;
  private readonly inVerus: Uint8Array;
  private readonly functions: ClassifiedFunction[] = [];
  private readonly trusted: ClassifiedTrusted[] = [];
  private readonly diagnostics: ClassifyDiagnostic[] = [];
  private droppedDiagnostics = 0;
  private depth = 0;
  private tooDeep = false;

  constructor(
    private readonly text: string,
    private readonly index: LineMap,
  ) {
    const { tokens, diagnostics } = lex(text, { keepComments: true });
    this.toks = tokens.filter((t) => t.kind !== 'eof' && !isComment(t));
    this.comments = tokens.filter(isComment);
    this.n = this.toks.length;
    this.match = new Int32Array(this.n).fill(-1);
    this.cat = new Uint8Array(this.n);
    this.trustedMark = new Uint8Array(this.n);
    this.inVerus = new Uint8Array(this.n);
    for (const d of diagnostics) this.diag(d.start, Math.max(d.end, d.start), d.message);
    this.matchDelimiters();
  }

  run(): FileClassification {
    this.walkItems(0, this.n, { verus: false, mode: 'exec', record: true });
    return this.lineCategories();
  }

  // ---------------------------------------------------------------------------------------------
  // Tokens

  private diag(start: number, end: number, message: string): void {
    if (this.diagnostics.length >= MAX_DIAGNOSTICS) {
      this.droppedDiagnostics++;
      return;
    }
    this.diagnostics.push({
      span: { start: this.index.position(start), end: this.index.position(end) },
      severity: 'warning',
      message,
    });
  }

  private t(i: number): Token | undefined {
    return this.toks[i];
  }
  private isP(i: number, s: string): boolean {
    const t = this.toks[i];
    return t !== undefined && t.kind === 'punct' && t.text === s;
  }
  private isW(i: number, s: string): boolean {
    const t = this.toks[i];
    return t !== undefined && (t.kind === 'ident' || t.kind === 'keyword') && t.text === s;
  }
  private isWord(i: number): boolean {
    const t = this.toks[i];
    return t !== undefined && (t.kind === 'ident' || t.kind === 'keyword');
  }
  private isOpener(i: number): boolean {
    return i < this.n && this.match[i]! >= 0;
  }
  /** Index just after the group opened at i. */
  private after(i: number): number {
    return Math.min(this.match[i]! + 1, this.n);
  }
  /** `.name` or `::name`: a method or path segment, not a Verus statement keyword. */
  private isMember(i: number): boolean {
    return this.isP(i - 1, '.') || this.isP(i - 1, '::');
  }

  private matchDelimiters(): void {
    const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
    const stack: number[] = [];
    for (let i = 0; i < this.n; i++) {
      const t = this.toks[i]!;
      if (t.kind !== 'punct') continue;
      if (t.text === '(' || t.text === '[' || t.text === '{') {
        stack.push(i);
      } else if (t.text === ')' || t.text === ']' || t.text === '}') {
        const want = pairs[t.text]!;
        let k = stack.length - 1;
        while (k >= 0 && this.toks[stack[k]!]!.text !== want) k--;
        if (k < 0) {
          this.diag(t.start, t.end, `unmatched '${t.text}'`);
          continue;
        }
        // Openers above the match were never closed: they end here.
        while (stack.length - 1 > k) {
          const o = stack.pop()!;
          this.match[o] = i;
          this.diag(this.toks[o]!.start, this.toks[o]!.end, `unclosed '${this.toks[o]!.text}'`);
        }
        this.match[stack.pop()!] = i;
      }
    }
    while (stack.length > 0) {
      const o = stack.pop()!;
      this.match[o] = this.n;
      this.diag(this.toks[o]!.start, this.toks[o]!.end, `unclosed '${this.toks[o]!.text}'`);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Painting

  private paint(lo: number, hi: number, c: Cat): void {
    for (let i = Math.max(lo, 0); i < hi && i < this.n; i++) this.cat[i] = c;
  }

  private span(lo: number, hi: number): Span {
    const first = this.toks[Math.min(lo, this.n - 1)]!;
    const last = this.toks[Math.min(Math.max(hi - 1, lo), this.n - 1)]!;
    return { start: this.index.position(first.start), end: this.index.position(last.end) };
  }

  private markTrusted(lo: number, hi: number, kind: TrustedKind, name: string, ctx: Ctx): void {
    if (lo >= hi || lo >= this.n) return;
    for (let i = lo; i < hi && i < this.n; i++) this.trustedMark[i] = 1;
    const entry: ClassifiedTrusted = { kind, name, span: this.span(lo, hi) };
    if (ctx.fn !== undefined) entry.function = ctx.fn;
    this.trusted.push(entry);
  }

  // ---------------------------------------------------------------------------------------------
  // Structure

  /** Skip `<...>` starting at i (which is `<`); returns the index after the closing `>`. */
  private skipAngles(i: number, hi: number): number {
    let depth = 0;
    let j = i;
    while (j < hi) {
      const t = this.toks[j]!;
      if (this.isOpener(j)) {
        j = this.after(j);
        continue;
      }
      if (t.kind === 'punct') {
        if (t.text === '<') depth++;
        else if (t.text === '<<') depth += 2;
        else if (t.text === '>' || t.text === '>=') depth--;
        else if (t.text === '>>' || t.text === '>>=') depth -= 2;
        else if (t.text === ';' || t.text === '}') return j;
      }
      j++;
      if (depth <= 0) return j;
    }
    return j;
  }

  /** Index after the next `;` at this level (groups skipped), or hi. */
  private statementEnd(i: number, hi: number): number {
    let j = i;
    while (j < hi) {
      if (this.isOpener(j)) {
        j = this.after(j);
        continue;
      }
      if (this.isP(j, ';')) return j + 1;
      j++;
    }
    return hi;
  }

  /** Item level: file, `mod`, `impl`, `trait`, `extern` blocks, `verus! { }`. */
  private walkItems(lo: number, hi: number, ctx: Ctx): void {
    if (!this.enter(lo)) return;
    let i = lo;
    while (i < hi) {
      const next = this.item(i, hi, ctx);
      i = next > i ? next : i + 1;
    }
    this.depth--;
  }

  /** Depth guard for the recursive walks; false (after one diagnostic) when too deep. */
  private enter(at: number): boolean {
    if (this.depth >= MAX_DEPTH) {
      if (!this.tooDeep && at < this.n) {
        this.tooDeep = true;
        this.diag(this.toks[at]!.start, this.toks[at]!.end, `nesting deeper than ${MAX_DEPTH} levels: inner code keeps the enclosing category`);
      }
      return false;
    }
    this.depth++;
    return true;
  }

  /** Parses one item starting at i; returns the index after it. */
  private item(start: number, hi: number, ctx: Ctx): number {
    let i = start;
    // Outer attributes (inner attributes `#![...]` too: they are exec code of their own).
    const attrs: Array<[number, number]> = [];
    while (i < hi && this.isP(i, '#')) {
      let j = i + 1;
      if (this.isP(j, '!')) j++;
      if (!(this.isP(j, '[') && this.isOpener(j))) break;
      const end = this.after(j);
      if (this.isP(i + 1, '!')) {
        // Inner attribute: an item of its own.
        this.walkBody(j + 1, end - 1, ctx);
        return end;
      }
      attrs.push([i, end]);
      i = end;
    }
    const headStart = i;
    // Qualifiers.
    const quals = new Set<string>();
    while (i < hi && this.isWord(i) && QUALIFIERS.has(this.t(i)!.text)) {
      const w = this.t(i)!.text;
      if (w === 'const' && !(this.isW(i + 1, 'fn') || this.isW(i + 1, 'unsafe') || this.isW(i + 1, 'async') || this.isW(i + 1, 'extern'))) break;
      if (w === 'extern') {
        const k = this.t(i + 1)?.kind === 'string' ? i + 2 : i + 1;
        if (!(this.isW(k, 'fn') || this.isW(k, 'unsafe'))) break;
        quals.add(w);
        i = k;
        continue;
      }
      if (w === 'unsafe' && !this.isWord(i + 1)) break;
      quals.add(w);
      i++;
      if (w === 'pub' && this.isP(i, '(') && this.isOpener(i)) i = this.after(i);
    }
    const verus = ctx.verus;
    const t = this.t(i);
    if (t === undefined || i >= hi) {
      this.walkBody(start, hi, ctx);
      return hi;
    }
    const attrInfo = this.attrTrust(attrs);
    const word = t.kind === 'ident' || t.kind === 'keyword' ? t.text : '';

    // Macro invocation: path ! group
    if (t.kind === 'ident' && (this.isP(i + 1, '!') || this.isP(i + 1, '::'))) {
      let j = i;
      while (this.isWord(j) && this.isP(j + 1, '::')) j += 2;
      if (this.isWord(j) && this.isP(j + 1, '!')) {
        const name = this.t(j)!.text;
        let g = j + 2;
        if (name === 'macro_rules' && this.isWord(g)) g++;
        if (g < hi && this.isOpener(g)) {
          let end = this.after(g);
          if (end < hi && this.isP(end, ';')) end++;
          if (attrs.length) this.walkBody(start, headStart, ctx);
          this.macro(i, j, g, end, ctx);
          return end;
        }
      }
    }

    let end: number;
    let named: string | undefined;
    switch (word) {
      case 'fn':
        end = this.fn(start, headStart, i, hi, quals, attrInfo, ctx);
        return end;
      case 'impl':
      case 'trait': {
        const { body, name } = word === 'impl' ? this.implHead(i, hi) : this.traitHead(i, hi);
        named = name;
        if (body < 0) {
          end = this.statementEnd(i, hi);
          this.walkBody(i, end, ctx);
        } else {
          end = this.after(body);
          this.walkBody(start, body, ctx);
          this.walkItems(body + 1, Math.min(this.match[body]!, hi), {
            ...ctx,
            owner: name,
            trusted: ctx.trusted || (verus && attrInfo !== undefined),
          });
        }
        break;
      }
      case 'mod': {
        let j = i + 1;
        if (this.isWord(j)) j++;
        if (this.isP(j, '{') && this.isOpener(j)) {
          end = this.after(j);
          this.walkItems(j + 1, Math.min(this.match[j]!, hi), {
            ...ctx,
            owner: undefined,
            trusted: ctx.trusted || (verus && attrInfo !== undefined),
          });
        } else end = this.statementEnd(i, hi);
        break;
      }
      case 'extern': {
        // `extern crate x;` or `extern "C" { ... }`
        let j = i + 1;
        if (this.t(j)?.kind === 'string') j++;
        if (this.isP(j, '{') && this.isOpener(j)) {
          end = this.after(j);
          this.walkItems(j + 1, Math.min(this.match[j]!, hi), ctx);
        } else end = this.statementEnd(i, hi);
        break;
      }
      case 'struct':
      case 'union':
      case 'enum': {
        end = this.adtEnd(i, hi);
        if (verus && word !== 'enum') this.ghostFields(i, end);
        // Only macros matter inside a type definition (no clauses or proof statements).
        this.walkBody(i, end, { ...ctx, mode: 'spec' });
        break;
      }
      case 'use':
      case 'const':
      case 'static':
      case 'type':
      case 'let':
        end = this.statementEnd(i, hi);
        this.walkBody(i + 1, end, ctx);
        break;
      case 'group':
        if (verus && quals.has('broadcast')) {
          // `broadcast group name { lemmas }`
          end = this.isWord(i + 1) && this.isOpener(i + 2) ? this.after(i + 2) : this.statementEnd(i, hi);
          break;
        }
        return this.statementOrGroup(start, hi, ctx);
      default:
        return this.statementOrGroup(start, hi, ctx);
    }
    // Painting of non-fn items.
    if (verus) {
      if (quals.has('spec') || quals.has('ghost')) this.paint(start, end, SPEC);
      else if (quals.has('proof') || quals.has('broadcast') || quals.has('tracked')) this.paint(start, end, PROOF);
      if (attrInfo) this.markTrusted(start, end, attrInfo, named ?? this.itemName(i), ctx);
    }
    return end;
  }

  /** Anything that is not a recognised item: one statement (to `;`) or one group. */
  private statementOrGroup(start: number, hi: number, ctx: Ctx): number {
    if (this.isOpener(start)) {
      const end = this.after(start);
      this.walkBody(start + 1, Math.min(end - 1, hi), ctx);
      return end;
    }
    this.walkBody(start, start + 1, ctx);
    return start + 1;
  }

  private itemName(i: number): string {
    const kw = this.t(i)?.text ?? '';
    const name = this.isWord(i + 1) ? this.t(i + 1)!.text : '';
    return name ? name : kw;
  }

  /** The trust attribute among `#[...]` groups, if any. */
  private attrTrust(attrs: Array<[number, number]>): TrustedKind | undefined {
    for (const [lo, hi] of attrs) {
      let hasVerifier = false;
      for (let k = lo; k < hi; k++) {
        const w = this.t(k)!;
        if (w.kind !== 'ident') continue;
        if (w.text === 'verifier') hasVerifier = true;
        if (w.text === 'external_body' || w.text === 'external_fn_specification') return 'external_body';
        if (w.text === 'external' && hasVerifier) return 'external';
      }
    }
    return undefined;
  }

  /** End of a struct/union/enum item starting at keyword i. */
  private adtEnd(i: number, hi: number): number {
    let j = i + 1;
    while (j < hi) {
      if (this.isP(j, '{') && this.isOpener(j)) return this.after(j);
      if (this.isP(j, '(') && this.isOpener(j)) {
        const k = this.after(j);
        // tuple struct: optional where clause then `;`
        return this.statementEnd(k, hi);
      }
      if (this.isP(j, ';')) return j + 1;
      if (this.isOpener(j)) j = this.after(j);
      else j++;
    }
    return hi;
  }

  /** Paint `Ghost<..>` / `Tracked<..>` fields of the struct starting at keyword i as spec. */
  private ghostFields(i: number, end: number): void {
    let g = -1;
    for (let j = i + 1; j < end; j++) {
      if ((this.isP(j, '{') || this.isP(j, '(')) && this.isOpener(j)) {
        g = j;
        break;
      }
    }
    if (g < 0) return;
    const close = Math.min(this.match[g]!, end);
    const named = this.isP(g, '{');
    let a = g + 1;
    let angle = 0;
    let j = a;
    const field = (lo: number, hi: number, withComma: number): void => {
      if (lo >= hi) return;
      let k = lo;
      // attributes and visibility
      while (k < hi && this.isP(k, '#') && this.isOpener(k + 1)) k = this.after(k + 1);
      if (this.isW(k, 'pub')) {
        k++;
        if (this.isP(k, '(') && this.isOpener(k)) k = this.after(k);
      }
      if (named) {
        while (k < hi && !this.isP(k, ':')) k++;
        k++;
      }
      while (k < hi && this.isP(k, '::')) k++;
      // Path segments up to the first generic argument list.
      let ghost = false;
      while (k < hi && this.isWord(k)) {
        const w = this.t(k)!.text;
        if ((w === 'Ghost' || w === 'Tracked') && this.isP(k + 1, '<')) ghost = true;
        if (this.isP(k + 1, '::')) k += 2;
        else break;
      }
      if (ghost) this.paint(lo, withComma, SPEC);
    };
    while (j < close) {
      if (this.isOpener(j)) {
        j = this.after(j);
        continue;
      }
      const tx = this.t(j)!;
      if (tx.kind === 'punct') {
        if (tx.text === '<') angle++;
        else if (tx.text === '<<') angle += 2;
        else if (tx.text === '>') angle--;
        else if (tx.text === '>>') angle -= 2;
        else if (tx.text === ',' && angle <= 0) {
          field(a, j, j + 1);
          a = j + 1;
          angle = 0;
        }
      }
      j++;
    }
    field(a, close, close);
  }

  /** `impl<..> [Trait for] Type<..> [where ..] {`: the body's `{` index and the type name. */
  private implHead(i: number, hi: number): { body: number; name: string } {
    let j = i + 1;
    if (this.isP(j, '<')) j = this.skipAngles(j, hi);
    const headStart = j;
    let body = -1;
    let forAt = -1;
    let whereAt = -1;
    let angle = 0;
    for (; j < hi; j++) {
      const t = this.t(j)!;
      if (t.kind === 'punct') {
        if (t.text === '{' && this.isOpener(j)) {
          body = j;
          break;
        }
        if (t.text === ';') break;
        if (t.text === '<') angle++;
        else if (t.text === '>') angle--;
        else if (t.text === '>>') angle -= 2;
        else if (t.text === '<<') angle += 2;
      } else if (t.text === 'for' && angle <= 0 && forAt < 0 && whereAt < 0) forAt = j;
      else if (t.text === 'where' && angle <= 0 && whereAt < 0) whereAt = j;
      if (this.isOpener(j) && !this.isP(j, '{')) j = this.after(j) - 1;
    }
    const tyStart = forAt >= 0 ? forAt + 1 : headStart;
    const tyEnd = whereAt >= 0 ? whereAt : body >= 0 ? body : j;
    return { body, name: this.typeName(tyStart, tyEnd) };
  }

  private traitHead(i: number, hi: number): { body: number; name: string } {
    const name = this.isWord(i + 1) ? this.t(i + 1)!.text : 'trait';
    for (let j = i + 1; j < hi; j++) {
      if (this.isP(j, '{') && this.isOpener(j)) return { body: j, name };
      if (this.isP(j, ';')) break;
      if (this.isOpener(j)) j = this.after(j) - 1;
    }
    return { body: -1, name };
  }

  /** Last path segment of a type: `&'a mut foo::Bar<T>` -> `Bar`. */
  private typeName(lo: number, hi: number): string {
    let k = lo;
    while (k < hi && (this.isP(k, '&') || this.isP(k, '&&') || this.isW(k, 'mut') || this.isW(k, 'dyn') || this.t(k)?.kind === 'lifetime' || this.isP(k, '::')))
      k++;
    let name = '';
    while (k < hi && this.isWord(k)) {
      name = this.t(k)!.text;
      if (this.isP(k + 1, '::')) k += 2;
      else break;
    }
    if (name) return name;
    const raw = this.toks
      .slice(lo, Math.min(hi, lo + 8))
      .map((t) => t.text)
      .join('');
    return raw || 'impl';
  }

  /** A function item; `fnAt` is the `fn` keyword. Returns the index after it. */
  private fn(
    start: number,
    headStart: number,
    fnAt: number,
    hi: number,
    quals: Set<string>,
    attrTrust: TrustedKind | undefined,
    ctx: Ctx,
  ): number {
    const verus = ctx.verus;
    const rawName = this.isWord(fnAt + 1) ? this.t(fnAt + 1)!.text : '<anonymous>';
    const name = ctx.owner !== undefined ? `${ctx.owner}::${rawName}` : rawName;
    let j = fnAt + 2;
    if (this.isP(j, '<')) j = this.skipAngles(j, hi);
    if (this.isP(j, '(') && this.isOpener(j)) j = this.after(j);
    let body = -1;
    let end = hi;
    const clauses: number[] = [];
    while (j < hi) {
      if (this.isP(j, '{') && this.isOpener(j)) {
        body = j;
        end = Math.min(this.after(j), hi);
        break;
      }
      if (this.isP(j, ';')) {
        end = j + 1;
        break;
      }
      if (verus && this.t(j)!.kind === 'ident' && CLAUSE_KEYWORDS.has(this.t(j)!.text)) clauses.push(j);
      if (this.isOpener(j)) j = this.after(j);
      else j++;
    }
    const mode: Mode = verus && quals.has('spec') ? 'spec' : verus && (quals.has('proof') || quals.has('axiom')) ? 'proof' : 'exec';
    const cat = CAT_OF_MODE[mode];
    // Signature (with attributes) and body in the function's mode, clauses spec.
    this.paint(start, end, cat);
    const headerEnd = body >= 0 ? body : end;
    for (let c = 0; c < clauses.length; c++) this.paint(clauses[c]!, c + 1 < clauses.length ? clauses[c + 1]! : headerEnd, SPEC);
    const trustKind: TrustedKind | undefined = verus ? (attrTrust ?? (quals.has('axiom') ? 'axiom' : undefined)) : undefined;
    const inner: Ctx = { verus, mode, fn: name, record: false };
    // Attributes and parameters may hold macros (asm in a #[naked] fn's attributes is not a thing,
    // but keep scanning uniform).
    if (body >= 0) this.walkBody(body + 1, Math.min(this.match[body]!, hi), inner);
    if (trustKind) this.markTrusted(start, end, trustKind, name, ctx);
    if (ctx.record) {
      const trusted = trustKind !== undefined || ctx.trusted === true;
      this.functions.push({
        name,
        mode,
        trusted,
        verified: verus && !trusted,
        span: this.span(headStart, end),
      });
    }
    return end;
  }

  /** A macro invocation `path!(...)` spanning [start, end); `nameAt` is its last path segment, `g` its group. */
  private macro(start: number, nameAt: number, g: number, end: number, ctx: Ctx): void {
    const name = this.t(nameAt)!.text;
    const close = Math.min(this.match[g]!, this.n);
    if (ASM_MACROS.has(name)) {
      this.markTrusted(start, end, 'asm', `${name}!`, ctx);
      return;
    }
    if (name === 'verus') {
      for (let k = start; k < end; k++) this.inVerus[k] = 1;
      this.walkItems(g + 1, close, { verus: true, mode: 'exec', record: ctx.record && ctx.fn === undefined });
      return;
    }
    if (name === 'macro_rules') return;
    this.walkBody(g + 1, close, ctx);
  }

  /** Expressions and statements: bodies of functions, blocks, macro arguments. */
  private walkBody(lo: number, hi: number, ctx: Ctx): void {
    if (!this.enter(lo)) return;
    try {
      this.walkBodyAt(lo, hi, ctx);
    } finally {
      this.depth--;
    }
  }

  private walkBodyAt(lo: number, hi: number, ctx: Ctx): void {
    let i = lo;
    while (i < hi) {
      const t = this.toks[i]!;
      // Macro invocations: path ! group
      if (t.kind === 'ident' && i + 2 < hi && this.isP(i + 1, '!') && this.isOpener(i + 2) && !this.isP(i - 1, '.')) {
        let start = i;
        while (this.isP(start - 1, '::') && this.isWord(start - 2) && start - 2 >= lo) start -= 2;
        let end = this.after(i + 2);
        if (end < hi && this.isP(end, ';') && ASM_MACROS.has(t.text)) end++;
        this.macro(start, i, i + 2, Math.min(end, hi), ctx);
        i = Math.max(end, i + 1);
        continue;
      }
      if (this.isOpener(i)) {
        this.walkBody(i + 1, Math.min(this.match[i]!, hi), ctx);
        i = this.after(i);
        continue;
      }
      if (ctx.verus && t.kind === 'ident' && !this.isMember(i)) {
        const w = t.text;
        if ((w === 'assume' || w === 'admit') && this.isP(i + 1, '(') && this.isOpener(i + 1)) {
          const end = Math.min(this.after(i + 1), hi);
          this.markTrusted(i, end, w, w, ctx);
          this.walkBody(i + 2, end - 1, ctx);
          i = end;
          continue;
        }
        if (ctx.mode === 'exec') {
          const proofCtx: Ctx = { ...ctx, mode: 'proof' };
          if (w === 'proof' && this.isP(i + 1, '{') && this.isOpener(i + 1)) {
            const end = Math.min(this.after(i + 1), hi);
            this.paint(i, end, PROOF);
            this.walkBody(i + 2, end - 1, proofCtx);
            i = end;
            continue;
          }
          if (w === 'assert' && !this.isP(i + 1, '!')) {
            const end = this.assertEnd(i, hi);
            this.paint(i, end, PROOF);
            this.walkBody(i + 1, end, proofCtx);
            i = end;
            continue;
          }
          if (PROOF_STATEMENTS.has(w) && this.isP(i + 1, '(')) {
            const end = this.statementEnd(i, hi);
            this.paint(i, end, PROOF);
            i = end;
            continue;
          }
          if (CLAUSE_KEYWORDS.has(w)) {
            const end = this.clauseEnd(i, hi);
            this.paint(i, end, SPEC);
            this.walkBody(i + 1, end, { ...ctx, mode: 'spec' });
            i = end;
            continue;
          }
        }
      }
      if (ctx.verus && ctx.mode === 'exec') {
        const end = this.ghostStatementEnd(i, lo, hi);
        if (end > i) {
          this.paint(i, end, PROOF);
          this.walkBody(i, end, { ...ctx, mode: 'proof' });
          i = end;
          continue;
        }
      }
      if (ctx.verus && ctx.mode === 'exec' && this.isW(i, 'let') && (this.isW(i + 1, 'ghost') || this.isW(i + 1, 'tracked'))) {
        const end = this.statementEnd(i, hi);
        this.paint(i, end, PROOF);
        this.walkBody(i + 2, end, { ...ctx, mode: 'proof' });
        i = end;
        continue;
      }
      // Nested function item (only in exec code: ghost code has no nested fns worth a category).
      if (ctx.verus && ctx.mode === 'exec' && this.isW(i, 'fn') && this.isWord(i + 1)) {
        let s = i;
        const quals = new Set<string>();
        while (s - 1 >= lo && this.isWord(s - 1) && QUALIFIERS.has(this.t(s - 1)!.text)) {
          s--;
          quals.add(this.t(s)!.text);
        }
        const end = this.fn(s, s, i, hi, quals, undefined, { ...ctx, record: false, owner: undefined });
        i = Math.max(end, i + 1);
        continue;
      }
      i++;
    }
  }

  /** `Ghost(..)` / `Tracked(..)` at j: the index after its argument group, or -1. */
  private ghostValueEnd(j: number, hi: number): number {
    if ((this.isW(j, 'Ghost') || this.isW(j, 'Tracked')) && this.isP(j + 1, '(') && this.isOpener(j + 1)) {
      const end = this.after(j + 1);
      return end <= hi ? end : -1;
    }
    return -1;
  }

  /**
   * A statement or struct-literal field whose whole value is ghost, erased from the compiled code:
   * `let x = Ghost(..);`, `place = Tracked(..);`, `field: Ghost(..),`. Returns its end, or -1.
   */
  private ghostStatementEnd(i: number, lo: number, hi: number): number {
    const atStart = i === lo || this.isP(i - 1, ';') || this.isP(i - 1, '}') || this.isP(i - 1, '{') || this.isP(i - 1, ',');
    if (!atStart) return -1;
    const closeStatement = (k: number): number => {
      if (k < 0) return -1;
      if (k < hi && this.isP(k, ';')) return k + 1;
      return -1;
    };
    // `field: Ghost(..)` followed by `,` or the end of the struct literal
    if (this.isWord(i) && this.isP(i + 1, ':') && (i === lo || this.isP(i - 1, ',') || this.isP(i - 1, '{'))) {
      const k = this.ghostValueEnd(i + 2, hi);
      if (k >= 0 && (k === hi || this.isP(k, ','))) return k < hi ? k + 1 : k;
      return -1;
    }
    // `let pat [: T] = Ghost(..);` / `place = Ghost(..);`
    let j = i;
    if (this.isW(i, 'let')) {
      j = i + 1;
      while (j < hi && !this.isP(j, '=') && !this.isP(j, ';')) j = this.isOpener(j) ? this.after(j) : j + 1;
    } else {
      // A place expression: a path, fields, indexing, a deref.
      while (j < hi) {
        const t = this.t(j)!;
        if (t.kind === 'ident' || t.kind === 'int' || this.isW(j, 'self') || this.isP(j, '.') || this.isP(j, '::') || this.isP(j, '*')) j++;
        else if (this.isP(j, '[') && this.isOpener(j)) j = this.after(j);
        else break;
      }
      if (j === i) return -1;
    }
    if (!this.isP(j, '=')) return -1;
    return closeStatement(this.ghostValueEnd(j + 1, hi));
  }

  /** `assert(..)`, `assert(..) by (..) { .. }`, `assert forall|..| .. by { .. }`: its end. */
  private assertEnd(i: number, hi: number): number {
    let j = i + 1;
    let sawBy = false;
    while (j < hi) {
      if (this.isW(j, 'by')) sawBy = true;
      if (this.isP(j, '{') && this.isOpener(j) && sawBy) {
        let end = Math.min(this.after(j), hi);
        if (end < hi && this.isP(end, ';')) end++;
        return end;
      }
      if (this.isOpener(j)) {
        j = this.after(j);
        continue;
      }
      if (this.isP(j, ';')) return j + 1;
      j++;
    }
    return hi;
  }

  /** A clause runs to the next clause keyword, the body `{`, or `;` (exclusive). */
  private clauseEnd(i: number, hi: number): number {
    let j = i + 1;
    while (j < hi) {
      const t = this.t(j)!;
      if (t.kind === 'ident' && CLAUSE_KEYWORDS.has(t.text) && !this.isMember(j)) return j;
      if (this.isP(j, '{') || this.isP(j, ';')) return j;
      if (this.isOpener(j)) {
        j = this.after(j);
        continue;
      }
      j++;
    }
    return hi;
  }

  // ---------------------------------------------------------------------------------------------
  // Lines

  private lineCategories(): FileClassification {
    const L = this.index.lineCount;
    // rank: -1 none, 0 exec, 1 spec, 2 proof, 3 trusted
    const rank = new Int8Array(L + 2).fill(-1);
    const verusLine = new Uint8Array(L + 2);
    const commentLine = new Uint8Array(L + 2);
    for (let i = 0; i < this.n; i++) {
      const t = this.toks[i]!;
      const a = this.index.lineOf(t.start);
      const b = this.index.lineOf(Math.max(t.start, t.end - 1));
      const r = this.trustedMark[i] ? 3 : this.cat[i]!;
      for (let l = a; l <= b && l <= L; l++) {
        if (r > rank[l]!) rank[l] = r;
        if (this.inVerus[i]) verusLine[l] = 1;
      }
    }
    for (const c of this.comments) {
      const a = this.index.lineOf(c.start);
      const b = this.index.lineOf(Math.max(c.start, c.end - 1));
      for (let l = a; l <= b && l <= L; l++) commentLine[l] = 1;
    }
    const names: LineCategory[] = ['exec', 'spec', 'proof', 'trusted'];
    const lines: LineCategory[] = [];
    const unverified: boolean[] = [];
    for (let l = 1; l <= L; l++) {
      const r = rank[l]!;
      let c: LineCategory;
      if (r >= 0) c = names[r]!;
      else if (commentLine[l] && this.index.lineText(l).trim() !== '') c = 'comment';
      else c = 'blank';
      lines.push(c);
      unverified.push(c === 'exec' && !verusLine[l]);
    }
    if (this.droppedDiagnostics > 0) {
      const here = { line: 1, column: 1 };
      this.diagnostics.push({
        span: { start: here, end: here },
        severity: 'warning',
        message: `${this.droppedDiagnostics} more diagnostics not shown`,
      });
    }
    return {
      lineCount: L,
      lines,
      unverified,
      functions: this.functions,
      trusted: this.trusted,
      diagnostics: this.diagnostics,
    };
  }
}
