// Reads the cases out of one file of Verus's test suite (source/rust_verify_test/tests/*.rs).
// Pure: takes the file's name and text, returns the cases; the runner does the I/O.
//
// A case is one invocation of `test_verify_one_file!` (or its `_with_options` / `_bv_` forms):
//   #[test] NAME [options =>] BODY => RESULT_PATTERN [=> ASSERTION]
// BODY is pieces joined by `+`: `verus_code! {..}`, `verus_code_str! {..}`, `code! {..}`,
// `code_str! {..}`, string literals, and file-level constants (`const X: &str = ...;`).

import { stringLiteralValue } from '../../../toolchain/verifier/parser';

/** What Verus says about a case. */
export type Expectation =
  /** `=> Ok(..)`: every function verifies. */
  | 'verifies'
  /** A verification failure (`assert_one_fails`, `assert_fails(e, N)`, ...). */
  | 'fails'
  /** Verus rejects the program before verification (`assert_vir_error_msg`, `assert_rust_error_msg`, ...). */
  | 'rejects'
  /** A custom assertion we cannot classify; counted, not run. */
  | 'other';

export interface ConformanceCase {
  /** The test file's name, e.g. `adts.rs`. */
  file: string;
  name: string;
  /** The program as one Rust file: verus pieces wrapped in `verus! { }`, raw pieces as they are. */
  source: string;
  expect: Expectation;
  /** For `fails`: how many failures Verus reports; null when the assertion only says "some". */
  failsCount: number | null;
  /** 1-based lines of `source` that carry a `FAILS` comment (where Verus reports each failure). */
  failsLines: number[];
  /** Options of `test_verify_one_file_with_options!` (e.g. `vstd`, `exec_allows_no_decreases_clause`). */
  options: string[];
  /** `#[ignore]` (or a conditional ignore): Verus does not run it by default. */
  ignored: boolean;
  /** The assertion as written, for `other` cases and for reading the JSON. */
  assertion: string;
  /** 1-based line of the case's name in the test file. */
  line: number;
}

/** A file's case that could not be read (unknown body piece, unbalanced braces, ...). */
export interface ExtractProblem {
  file: string;
  line: number;
  message: string;
}

export interface ExtractResult {
  cases: ConformanceCase[];
  problems: ExtractProblem[];
}

// ---------------------------------------------------------------------------------------------
// Tokens. Only as much of Rust's lexer as it takes to match brackets and split a macro's input:
// strings (with escapes, raw and byte forms), chars versus lifetimes, nested block comments.

type TokenKind = 'ident' | 'punct' | 'string' | 'char' | 'lifetime' | 'number' | 'open' | 'close';

interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
}

const IDENT_START = /[A-Za-z_]/;
const IDENT_CHAR = /[A-Za-z0-9_]/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  const push = (kind: TokenKind, start: number, end: number) => tokens.push({ kind, text: text.slice(start, end), start, end });
  while (i < n) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      // block comments nest in Rust
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        if (text[i] === '/' && text[i + 1] === '*') (depth++, (i += 2));
        else if (text[i] === '*' && text[i + 1] === '/') (depth--, (i += 2));
        else i++;
      }
      continue;
    }
    const raw = /^(?:b|c)?r(#*)"/.exec(text.slice(i, i + 260));
    if (raw && (i === 0 || !IDENT_CHAR.test(text[i - 1]!))) {
      const close = '"' + raw[1]!;
      const end = text.indexOf(close, i + raw[0].length);
      const stop = end < 0 ? n : end + close.length;
      push('string', i, stop);
      i = stop;
      continue;
    }
    if (c === '"' || ((c === 'b' || c === 'c') && text[i + 1] === '"' && (i === 0 || !IDENT_CHAR.test(text[i - 1]!)))) {
      const start = i;
      i = text.indexOf('"', i) + 1;
      while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i = Math.min(n, i + 1);
      push('string', start, i);
      continue;
    }
    if (c === '\'' || (c === 'b' && text[i + 1] === '\'')) {
      const start = i;
      const q = c === 'b' ? i + 1 : i;
      if (text[q + 1] === '\\') {
        // an escaped char: '\n', '\'', '\u{1F600}'
        let j = q + 2;
        while (j < n && text[j] !== '\'') j++;
        push('char', start, j + 1);
        i = j + 1;
        continue;
      }
      const cp = text.codePointAt(q + 1);
      const width = cp !== undefined && cp > 0xffff ? 2 : 1;
      if (text[q + 1 + width] === '\'') {
        push('char', start, q + 2 + width);
        i = q + 2 + width;
        continue;
      }
      // a lifetime or label: 'a, 'static, 'outer
      let j = q + 1;
      while (j < n && IDENT_CHAR.test(text[j]!)) j++;
      push('lifetime', start, j);
      i = j;
      continue;
    }
    if (IDENT_START.test(c)) {
      const start = i;
      while (i < n && IDENT_CHAR.test(text[i]!)) i++;
      push('ident', start, i);
      continue;
    }
    if (/[0-9]/.test(c)) {
      const start = i;
      while (i < n && /[0-9A-Za-z_]/.test(text[i]!)) i++;
      push('number', start, i);
      continue;
    }
    if (c === '(' || c === '[' || c === '{') {
      push('open', i, i + 1);
      i++;
      continue;
    }
    if (c === ')' || c === ']' || c === '}') {
      push('close', i, i + 1);
      i++;
      continue;
    }
    if (c === '=' && text[i + 1] === '>') {
      push('punct', i, i + 2);
      i += 2;
      continue;
    }
    push('punct', i, i + 1);
    i++;
  }
  return tokens;
}

/** Index of the token that closes the bracket opened at `open`, or -1 when unbalanced. */
function matching(tokens: Token[], open: number): number {
  let depth = 0;
  for (let k = open; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind === 'open') depth++;
    else if (t.kind === 'close' && --depth === 0) return k;
  }
  return -1;
}

/** The index after the bracket group opened at `open` (the end of input when unbalanced). */
function afterGroup(tokens: Token[], open: number): number {
  const close = matching(tokens, open);
  return close < 0 ? tokens.length : close + 1;
}

/** The value of a Rust string literal token (the verifier's parser decodes it, escapes and raw strings as rustc). */
function stringValue(lit: string): string {
  const value = stringLiteralValue(lit);
  if (value === null) throw new Error(`a string literal with an escape rustc does not accept: ${lit.slice(0, 40)}`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Bodies: the `+`-joined pieces of a case or of a constant.

/** One piece of a program: Verus code (to wrap in `verus! {}`) or plain Rust. */
interface Piece {
  verus: boolean;
  code: string;
}

const VERUS_MACROS = new Set(['verus_code', 'verus_code_str']);
const RAW_MACROS = new Set(['code', 'code_str']);
/** Methods that turn a `&str` into a `String` without changing it. */
const IDENTITY_METHODS = new Set(['to_string', 'to_owned', 'into', 'as_str']);

/**
 * Reads the pieces of `tokens[from, to)`. Throws with a message on a shape it does not know
 * (the caller records a problem for that case).
 */
function readPieces(text: string, tokens: Token[], from: number, to: number, consts: Map<string, Piece[]>): Piece[] {
  const pieces: Piece[] = [];
  let k = from;
  while (k < to) {
    const t = tokens[k]!;
    if (t.kind === 'punct' && (t.text === '+' || t.text === '&')) {
      k++;
      continue;
    }
    if (t.kind === 'open' && t.text === '(') {
      // a parenthesised sub-expression
      const close = matching(tokens, k);
      if (close < 0) throw new Error('unbalanced parentheses');
      pieces.push(...readPieces(text, tokens, k + 1, close, consts));
      k = skipMethods(tokens, close + 1, to);
      continue;
    }
    if (t.kind === 'string') {
      pieces.push({ verus: false, code: stringValue(t.text) });
      k = skipMethods(tokens, k + 1, to);
      continue;
    }
    if (t.kind === 'ident' && tokens[k + 1]?.text === '!' && tokens[k + 2]?.kind === 'open') {
      const close = matching(tokens, k + 2);
      if (close < 0) throw new Error(`unbalanced brackets in ${t.text}!`);
      const code = text.slice(tokens[k + 2]!.end, tokens[close]!.start);
      if (VERUS_MACROS.has(t.text)) pieces.push({ verus: true, code });
      else if (RAW_MACROS.has(t.text)) pieces.push({ verus: false, code });
      else throw new Error(`unknown macro ${t.text}! in a test body`);
      k = skipMethods(tokens, close + 1, to);
      continue;
    }
    if (t.kind === 'ident') {
      const c = consts.get(t.text);
      if (!c) throw new Error(`unknown name ${t.text} in a test body`);
      pieces.push(...c);
      k = skipMethods(tokens, k + 1, to);
      continue;
    }
    throw new Error(`unexpected '${t.text}' in a test body`);
  }
  return pieces;
}

/** Skips `.to_string()`-like calls after a piece. */
function skipMethods(tokens: Token[], k: number, to: number): number {
  while (k + 3 < to + 1 && tokens[k]?.text === '.' && IDENTITY_METHODS.has(tokens[k + 1]?.text ?? '') && tokens[k + 2]?.text === '(' && tokens[k + 3]?.text === ')') k += 4;
  if (tokens[k]?.text === '.') throw new Error(`unknown method .${tokens[k + 1]?.text ?? ''} on a test body piece`);
  return k;
}

/**
 * The program Verus verifies, as one file: each verus piece is wrapped in its own `verus! { }`
 * so its lines stay contiguous. Verus's test harness links vstd only when the code names it
 * (`vstd::`) or the options ask for it (`vstd`); then all verus pieces share one
 * `use vstd::prelude::*;` line at the top, and without it the case is verified without vstd.
 */
export function assembleSource(pieces: Piece[], options: readonly string[]): string {
  const parts: string[] = [];
  const vstd = options.includes('vstd') || pieces.some((p) => p.code.includes('vstd::'));
  if (vstd && pieces.some((p) => p.verus)) parts.push('use vstd::prelude::*;\n');
  for (const p of pieces) parts.push(p.verus ? `verus! {\n${p.code}\n}\n` : p.code.endsWith('\n') ? p.code : p.code + '\n');
  return parts.join('');
}

/** 1-based lines carrying a `FAILS` marker in a comment (Verus checks the reported span's text). */
export function failsLinesOf(source: string): number[] {
  const lines: number[] = [];
  source.split('\n').forEach((l, i) => {
    if (/\/\/.*\bFAILS\b|\/\*.*\bFAILS\b/.test(l)) lines.push(i + 1);
  });
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Expectations

/** Assertion helpers that mean "Verus rejects the program" though their names do not say error. */
const REJECT_HELPERS = new Set(['assert_spec_borrowed', 'assert_spec_borrowed_field']);

/** The messages of a case's `#[verifier::custom_err("..")]` attributes (also `#![..]`, on a clause). */
export function customErrorMessages(source: string): string[] {
  return [...source.matchAll(/#!?\[verifier::custom_err\("([^"\\]*)"\)\]/g)].map((m) => m[1]!);
}

/**
 * What Verus says, from the result pattern (`Ok(..)` / `Err(..)`) and the assertion after it.
 * `customErrors`: the messages of the case's `#[verifier::custom_err("..")]` attributes; an
 * error with one of them is that obligation failing, not a rejection.
 */
/** Messages Verus gives a failed obligation of its own (reported through `assert_vir_error_msg`). */
const OBLIGATION_MESSAGES: readonly string[] = [
  // reading a union's field: the precondition that the union holds it
  'to access this field, the union must be in the correct variant',
  // `-V check-api-safety`: a public trait method's `ensures` that an implementation may not meet
  "Safe API violation: 'ensures' clause is nontrivial",
  // a call's invariant mask not within the caller's, an invariant opened outside the mask, one
  // given back broken
  'callee may open invariants disallowed at call-site',
  'cannot show invariant namespace is in the mask given by the scope',
  'Cannot show invariant holds at end of block',
  // a pattern that must match and may not: a state machine's `assert let` (its safety condition),
  // a refutable `let` of tracked data
  'unable to prove safety condition that the pattern matches',
  'unable to prove this pattern will successfully match',
  // a postcondition or precondition not proved (Verus's words for those failures)
  'postcondition not satisfied',
  'precondition not satisfied',
  // a failed assertion, and an assertion by computation that does not compute to true (Verus
  // reports them at the assertion, as the verifier's failures; `assert_fails` counts them too)
  'assertion failed',
  'assert_by_compute_only failed to simplify down to true',
  'failed to simplify down to true',
  'expression simplifies to false',
  "Proof by computation included a closure literal that wasn't applied",
  "Proof by computation included a closure literal that wasn't applied.  This is not yet supported.",
];

/**
 * The error messages a rejecting case's assertion names (`assert_vir_error_msg(e, "..")`,
 * `assert_rust_error_msg`, ..): each string literal in it long enough to be a message, not a
 * word that any error could contain.
 */
export function expectedMessages(assertion: string): string[] {
  return tokenize(assertion).filter((t) => t.kind === 'string').map((t) => stringLiteralValue(t.text)).filter((m): m is string => m !== null && m.length >= 12);
}

export function classify(pattern: string, assertion: string, customErrors: readonly string[] = []): { expect: Expectation; failsCount: number | null } {
  if (/^\s*Ok\b/.test(pattern)) return { expect: 'verifies', failsCount: null };
  // a block holding one call reads as that call: `{ assert_one_fails(e); }`
  const block = /^\s*\{\s*([^;{}]*\))\s*;?\s*\}\s*$/.exec(assertion);
  if (block) assertion = block[1]!;
  const call = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*\(([^]*)\)\s*;?\s*$/.exec(assertion);
  if (!/^\s*Err\b/.test(pattern) || !call) return { expect: 'other', failsCount: null };
  const fn = call[1]!;
  const args = call[2]!.split(',').map((a) => a.trim());
  const count = (i: number): number | null => (args[i] !== undefined && /^\d+$/.test(args[i]!) ? Number(args[i]) : null);
  switch (fn) {
    case 'assert_one_fails':
      return { expect: 'fails', failsCount: 1 };
    case 'assert_fails':
    case 'assert_fails_type_invariant_error': // N failures, each "may fail to meet its declared type invariant"
      return { expect: 'fails', failsCount: count(1) };
    case 'assert_expand_fails': // one failure plus expand-errors notes
      return { expect: 'fails', failsCount: 1 };
    case 'assert_has_recommends_failure': // some failure, with a "recommendation not met" note
      return { expect: 'fails', failsCount: null };
    case 'assert_fails_bv_32bit':
    case 'assert_fails_bv_64bit':
      return { expect: 'fails', failsCount: 1 };
    case 'assert_fails_bv_32bit_64bit': // fails under both arch sizes
      return { expect: 'fails', failsCount: 2 };
    case 'assert_help_error_msg':
      // a `note: ..` is the proof_note of a failed obligation (a verification failure); other
      // help texts come with errors that reject the program
      if (/^"note: /.test(args[1] ?? '') || /^&format!\("note: /.test(args[1] ?? '')) return { expect: 'fails', failsCount: null };
      break;
    // (`any`: one of several errors; a failed obligation among them means verification ran, so
    // nothing rejected the program)
    case 'assert_vir_error_msg':
    case 'assert_any_vir_error_msg':
      if (customErrors.some((m) => args[1] === JSON.stringify(m))) return { expect: 'fails', failsCount: null };
      // Verus's own text of a failed obligation (not an error that rejects the program)
      // (the message may hold commas: the whole text after the first argument)
      if (OBLIGATION_MESSAGES.some((m) => call[2]!.slice(call[2]!.indexOf(',') + 1).trim() === JSON.stringify(m))) return { expect: 'fails', failsCount: null };
      break;
  }
  if (/error/.test(fn) || REJECT_HELPERS.has(fn)) return { expect: 'rejects', failsCount: null };
  return { expect: 'other', failsCount: null };
}

// ---------------------------------------------------------------------------------------------
// Files

const TEST_MACROS = new Set(['test_verify_one_file', 'test_verify_one_file_with_options', 'test_verify_one_bv_file', 'test_verify_one_bv_file_with_options']);

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Top-level `const NAME: &str = BODY;` definitions, in file order (a constant may use earlier ones). */
function readConsts(text: string, tokens: Token[]): Map<string, Piece[]> {
  const consts = new Map<string, Piece[]>();
  let depth = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind === 'open') depth++;
    else if (t.kind === 'close') depth--;
    if (depth !== 0 || t.kind !== 'ident' || (t.text !== 'const' && t.text !== 'static')) continue;
    const name = tokens[k + 1];
    if (name?.kind !== 'ident' || tokens[k + 2]?.text !== ':') continue;
    let eq = k + 3;
    while (eq < tokens.length && tokens[eq]!.text !== '=' && tokens[eq]!.text !== ';') eq++;
    let semi = eq;
    while (semi < tokens.length && tokens[semi]!.text !== ';') semi = tokens[semi]!.kind === 'open' ? afterGroup(tokens, semi) : semi + 1;
    if (tokens[eq]?.text !== '=') continue;
    try {
      consts.set(name.text, readPieces(text, tokens, eq + 1, semi, consts));
    } catch {
      // not every constant is a piece of code (numbers, arrays of options): a case that uses
      // such a name fails to read with "unknown name"
    }
    k = semi;
  }
  return consts;
}

export function extractCases(file: string, text: string): ExtractResult {
  const tokens = tokenize(text);
  const problems: ExtractProblem[] = [];
  const cases: ConformanceCase[] = [];
  const consts = readConsts(text, tokens);
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'ident' || !TEST_MACROS.has(t.text) || tokens[k + 1]?.text !== '!' || tokens[k + 2]?.kind !== 'open') continue;
    // `macro_rules! test_verify_one_file` itself, and invocations inside macro_rules bodies ($name), are skipped below
    const open = k + 2;
    const close = matching(tokens, open);
    if (close < 0) {
      problems.push({ file, line: lineOf(text, t.start), message: 'unbalanced brackets' });
      break;
    }
    try {
      const c = readCase(file, text, tokens, open + 1, close, t.text.endsWith('_with_options'), consts);
      if (c) cases.push(c);
    } catch (e) {
      problems.push({ file, line: lineOf(text, t.start), message: (e as Error).message });
    }
    k = close;
  }
  return { cases, problems };
}

/** One case from the tokens between the test macro's braces; null for a macro_rules template. */
function readCase(file: string, text: string, tokens: Token[], from: number, to: number, withOptions: boolean, consts: Map<string, Piece[]>): ConformanceCase | null {
  let k = from;
  let ignored = false;
  while (tokens[k]?.text === '#' && tokens[k + 1]?.text === '[') {
    const close = matching(tokens, k + 1);
    if (tokens.slice(k + 2, close).some((a) => a.kind === 'ident' && a.text === 'ignore')) ignored = true;
    k = close + 1;
  }
  if (tokens[k]?.text === '$') return null;
  const nameTok = tokens[k]!;
  if (nameTok.kind !== 'ident') throw new Error(`expected a test name, found '${nameTok.text}'`);
  k++;
  const options: string[] = [];
  if (withOptions) {
    if (tokens[k]?.text === '&') k++;
    if (tokens[k]?.text !== '[') throw new Error('expected the options list');
    const close = matching(tokens, k);
    for (const o of tokens.slice(k + 1, close)) if (o.kind === 'string') options.push(stringValue(o.text));
    k = close + 1;
    if (tokens[k]?.text !== '=>') throw new Error("expected '=>' after the options");
    k++;
  }
  // the body runs to the first top-level `=>`
  const arrowAfter = (start: number): number => {
    let j = start;
    while (j < to && tokens[j]!.text !== '=>') j = tokens[j]!.kind === 'open' ? afterGroup(tokens, j) : j + 1;
    return j;
  };
  const bodyEnd = arrowAfter(k);
  const pieces = readPieces(text, tokens, k, bodyEnd, consts);
  const patternEnd = arrowAfter(bodyEnd + 1);
  const pattern = text.slice(tokens[bodyEnd + 1]!.start, tokens[patternEnd - 1]!.end);
  const assertion = patternEnd < to ? text.slice(tokens[patternEnd + 1]!.start, tokens[to - 1]!.end).trim() : '';
  const source = assembleSource(pieces, options);
  const { expect, failsCount } = classify(pattern, assertion, customErrorMessages(source));
  return {
    file,
    name: nameTok.text,
    source,
    expect,
    failsCount,
    failsLines: failsLinesOf(source),
    options,
    ignored,
    assertion: assertion || pattern,
    line: lineOf(text, nameTok.start),
  };
}

/** Whether a crate's root imports all of verus_builtin's names (a glob of vstd's prelude or of verus_builtin). */
export function importsBuiltins(source: string): boolean {
  return /^\s*use\s+(?:vstd::(?:prelude::\*|\{[^}]*\bprelude::\*[^}]*\})|verus_builtin::\*|builtin::\*)\s*;/m.test(source);
}
