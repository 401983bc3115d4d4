// Pure helpers of the Atmosphere benchmark (../atmosphere.ts): which files form the crate (the
// `mod` tree from lib.rs, as rustc and Verus read it), which functions are inside `verus!` (the
// denominator: only those are Verus code), and how `unsupported`/`error` messages are reduced to
// the construct that blocks a function, so that equal gaps rank together.
//
// The scanners work on tokens, not on our verifier's parser: the benchmark measures that parser,
// so it must not count with it.

/** A `fn` item found inside a `verus!` block. */
export interface VerusFunction {
  name: string;
  /** 1-based line of the function's name. */
  line: number;
}

/** Verdict classes of one function in the report. */
export type BenchStatus = 'verified' | 'failed' | 'timeout' | 'unsupported' | 'error' | 'pending' | 'missing';

/** One function's row: from the verifier's result matched to a `verus!` function. */
export interface FunctionRow {
  file: string;
  name: string;
  line: number;
  status: BenchStatus;
  /** For unsupported / error / missing: the construct that blocks it (see `blockerOf`). */
  blocker?: string;
  /** The verifier's message, as it was. */
  detail?: string;
  /** As in `ResultLike`: where a run's time went (slow functions hold the solver slots). */
  timeMs?: number;
  goals?: number;
  /**
   * When the blocker is crate-wide (an attribute that changes other code's meaning blocks every
   * function): what the checker found in this function itself, the gap to lift next.
   */
  behind?: string;
}

export interface StatusCounts {
  functions: number;
  verified: number;
  failed: number;
  timeout: number;
  unsupported: number;
  error: number;
  /** Parse-only runs: the front end accepted the function; it would be solved. */
  pending: number;
  /** No result reported for a function inside `verus!`. */
  missing: number;
}

export interface BlockerRank {
  construct: string;
  functions: number;
  /** A few of the functions it blocks (`file:line name`). */
  examples: string[];
}

interface Token {
  text: string;
  start: number;
}

/**
 * Rust tokens that matter to the scanners: identifiers, punctuation, and (as a single `"` token)
 * string literals; comments, character literals and lifetimes are skipped.
 */
export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = src.length;
  const isIdStart = (c: string) => /[A-Za-z_]/.test(c);
  const isId = (c: string) => /[A-Za-z0-9_]/.test(c);
  while (i < n) {
    const c = src[i]!;
    if (c === '/' && src[i + 1] === '/') {
      while (i < n && src[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      // block comments nest in Rust
      let depth = 0;
      do {
        if (src[i] === '/' && src[i + 1] === '*') {
          depth++;
          i += 2;
        } else if (src[i] === '*' && src[i + 1] === '/') {
          depth--;
          i += 2;
        } else i++;
      } while (i < n && depth > 0);
      continue;
    }
    // raw strings: r"..", r#".."#, br#".."#
    const raw = /^b?r(#*)"/.exec(src.slice(i, i + 40));
    if (raw) {
      const close = '"' + raw[1];
      const end = src.indexOf(close, i + raw[0].length);
      out.push({ text: '"', start: i });
      i = end < 0 ? n : end + close.length;
      continue;
    }
    if (c === '"' || (c === 'b' && src[i + 1] === '"')) {
      const start = i;
      i += c === 'b' ? 2 : 1;
      while (i < n && src[i] !== '"') i += src[i] === '\\' ? 2 : 1;
      i++;
      out.push({ text: '"', start });
      continue;
    }
    if (c === "'") {
      // a char literal ('a', '\n', '\u{..}') or a lifetime / loop label ('a): skipped either way
      const ch = /^'(\\(u\{[0-9a-fA-F]+\}|x[0-9a-fA-F]{2}|.)|[^\\'])'/.exec(src.slice(i, i + 12));
      if (ch) i += ch[0].length;
      else {
        i++;
        while (i < n && isId(src[i]!)) i++;
      }
      continue;
    }
    if (isIdStart(c)) {
      const start = i;
      while (i < n && isId(src[i]!)) i++;
      out.push({ text: src.slice(start, i), start });
      continue;
    }
    if (/\s/.test(c) || /[0-9]/.test(c)) {
      // numbers are skipped with their suffixes (`8usize`)
      if (/[0-9]/.test(c)) while (i < n && isId(src[i]!)) i++;
      else i++;
      continue;
    }
    out.push({ text: c, start: i });
    i++;
  }
  return out;
}

const lineOf = (src: string, offset: number): number => {
  let line = 1;
  for (let i = 0; i < offset; i++) if (src.charCodeAt(i) === 10) line++;
  return line;
};

/** Index of the token closing the group opened at `open` (or the last token when unbalanced). */
function closing(toks: Token[], open: number): number {
  const pairs: Record<string, string> = { '{': '}', '(': ')', '[': ']' };
  let depth = 0;
  for (let j = open; j < toks.length; j++) {
    const t = toks[j]!.text;
    if (t in pairs) depth++;
    else if (t === '}' || t === ')' || t === ']') {
      depth--;
      if (depth === 0) return j;
    }
  }
  return toks.length - 1;
}

/** The `fn` items inside the file's `verus! { .. }` blocks (nested blocks counted once). */
export function verusFunctions(src: string): VerusFunction[] {
  const toks = tokenize(src);
  const found: VerusFunction[] = [];
  for (let i = 0; i + 2 < toks.length; i++) {
    if (toks[i]!.text !== 'verus' || toks[i + 1]!.text !== '!' || !['{', '(', '['].includes(toks[i + 2]!.text)) continue;
    const end = closing(toks, i + 2);
    for (let j = i + 3; j < end; j++) {
      const name = toks[j + 1];
      // `fn NAME` is an item; `fn(..)` is a function pointer type
      if (toks[j]!.text === 'fn' && name && /^[A-Za-z_]\w*$/.test(name.text)) found.push({ name: name.text, line: lineOf(src, name.start) });
    }
    i = end;
  }
  return found;
}

/** A `mod NAME;` declaration of a file: where rustc looks for the module's own file. */
export interface ModDeclaration {
  name: string;
  /** Inline modules (`mod a { mod b; }`) around the declaration, outermost first. */
  inline: string[];
  /** `#[path = ".."]` on it. */
  pathAttr?: string;
}

/** The out-of-line module declarations of a file (`mod x;`, `pub mod x;`, `pub(crate) mod x;`). */
export function modDeclarations(src: string): ModDeclaration[] {
  const toks = tokenize(src);
  const out: ModDeclaration[] = [];
  const stack: { name: string; close: number }[] = [];
  for (let i = 0; i + 2 < toks.length; i++) {
    while (stack.length && i > stack[stack.length - 1]!.close) stack.pop();
    if (toks[i]!.text !== 'mod' || !/^[A-Za-z_]\w*$/.test(toks[i + 1]!.text)) continue;
    const name = toks[i + 1]!.text;
    const after = toks[i + 2]!.text;
    if (after === '{') {
      stack.push({ name, close: closing(toks, i + 2) });
      continue;
    }
    if (after !== ';') continue;
    // `#[path = "x.rs"]` before `pub mod x;`: the string token's text is read from the source
    let pathAttr: string | undefined;
    let k = i - 1;
    while (k >= 0 && ['pub', '(', ')', 'crate', 'super', 'in'].includes(toks[k]!.text)) k--;
    if (k >= 0 && toks[k]!.text === ']') {
      const m = /#\s*\[\s*path\s*=\s*"([^"]*)"\s*\]\s*$/.exec(src.slice(0, toks[k]!.start + 1));
      if (m) pathAttr = m[1];
    }
    out.push({ name, inline: stack.map((s) => s.name), ...(pathAttr !== undefined ? { pathAttr } : {}) });
  }
  return out;
}

const dirOf = (p: string): string => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');
const join = (...parts: string[]): string => parts.filter((p) => p !== '').join('/');
const normalize = (p: string): string => {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
};

/**
 * The files of a crate's module tree from its root file (`lib.rs`), by rustc's rules: a `mod x;`
 * in `lib.rs`/`main.rs`/`mod.rs` is `x.rs` or `x/mod.rs` beside it; in `a.rs` it is `a/x.rs` or
 * `a/x/mod.rs`; `#[path]` is relative to the declaring file's directory. `exists` tells which
 * relative paths (with `/`) are files. Declarations whose file is absent are in `unresolved`.
 */
export function moduleTree(root: string, read: (file: string) => string, exists: (file: string) => boolean): { files: string[]; unresolved: { from: string; module: string }[] } {
  const files: string[] = [];
  const unresolved: { from: string; module: string }[] = [];
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    files.push(file);
    const base = file.split('/').pop()!;
    const ownsDir = base === 'mod.rs' || file === root;
    const modDir = ownsDir ? dirOf(file) : join(dirOf(file), base.replace(/\.rs$/, ''));
    for (const d of modDeclarations(read(file))) {
      let candidates: string[];
      if (d.pathAttr !== undefined && d.inline.length === 0) candidates = [normalize(join(dirOf(file), d.pathAttr))];
      else {
        const dir = join(modDir, ...d.inline);
        candidates = d.pathAttr !== undefined ? [normalize(join(dir, d.pathAttr))] : [join(dir, `${d.name}.rs`), join(dir, d.name, 'mod.rs')];
      }
      const hit = candidates.find(exists);
      if (hit) visit(hit);
      else unresolved.push({ from: file, module: join(...d.inline, d.name) });
    }
  };
  visit(root);
  return { files, unresolved };
}

/** Keywords and Verus constructs kept when a message's backticked text is reduced. */
const CONSTRUCT_WORDS = new Set(
  'as async await box break broadcast choose const continue crate dyn else enum exists extern fn for forall ghost if impl in let loop match mod move mut open closed proof pub ref return self Self spec static struct super trait tracked type unsafe use where while yield reveal reveal_with_fuel assert assume decreases ensures requires invariant old'.split(' '),
);

/**
 * The construct an `unsupported`/`error` message names, without the user's identifiers,
 * positions and paths: 'cannot find function `foo` at a.rs:3:4' -> 'cannot find function',
 * '#[verifier::when_used_as_spec(spec_len)]' -> '#[verifier::when_used_as_spec]', 'generic
 * type parameters of `Array<T, N>`' -> 'generic type parameters of `…`'.
 */
export function blockerOf(message: string): string {
  let m = message.trim();
  // positions and workspace paths: "at kernel/a.rs:12:5", a leading "12:5 "
  m = m.replace(/\s*\bat [\w./-]+\.rs(:\d+:\d+)?/g, '');
  m = m.replace(/[\w./-]+\.rs(:\d+:\d+)?/g, 'FILE');
  m = m.replace(/^\d+:\d+:?\s+/, '');
  // attributes keep their path, not their arguments
  // (`#[verifier(when_used_as_spec(f))]` and `#[verifier::when_used_as_spec(f)]` are one attribute)
  m = m.replace(/#!?\[\s*([\w:]+)\s*(?:\(\s*(\w+))?[^`]*\]/g, (_, p: string, inner?: string) => (p === 'verifier' && inner ? `#[verifier::${inner}]` : `#[${p}]`));
  // backticked text: a keyword or attribute stays; a name or type is the user's: dropped
  m = m.replace(/`([^`]*)`/g, (whole, inner: string) => {
    const t = inner.trim();
    if (t.startsWith('#[') || t.split(/\s+/).every((w) => CONSTRUCT_WORDS.has(w))) return whole;
    // operators and punctuation (`?`, `===`, `..`, `'a`) name constructs
    if (!/[A-Za-z0-9_]/.test(t)) return whole;
    return '`…`';
  });
  // names that remain unquoted after "cannot find X", "no method named": the shape is the gap
  m = m.replace(/^(cannot find (?:function|type|value|struct|macro|module|trait|method|field|variant|name))\b.*$/i, '$1');
  m = m.replace(/\s*`…`(\s*`…`)*\s*$/, '');
  m = m.replace(/\s+/g, ' ').replace(/[\s:;,.]+$/, '');
  return m;
}

/** Adds a row's status to the counts. */
export function countRows(rows: FunctionRow[]): StatusCounts {
  const c: StatusCounts = { functions: 0, verified: 0, failed: 0, timeout: 0, unsupported: 0, error: 0, pending: 0, missing: 0 };
  for (const r of rows) {
    c.functions++;
    c[r.status]++;
  }
  return c;
}

/** Functions reaching a verdict (verified, failed or timeout) over all functions, in percent. */
export function verdictPercent(c: StatusCounts): number {
  return c.functions === 0 ? 0 : (100 * (c.verified + c.failed + c.timeout)) / c.functions;
}

/** The top-level module folder of a crate file: `kernel/x.rs` -> `kernel`, `array.rs` -> `array`. */
export function moduleOf(file: string): string {
  const first = file.split('/')[0]!;
  return first.endsWith('.rs') ? first.slice(0, -3) : first;
}

/** Whether an unsupported message blocks every function of the crate, not only its own. */
export function isCrateWide(message: string): boolean {
  return /changes the meaning of other code|shadows the built-in one/.test(message);
}

/**
 * Blockers ranked by how many functions each blocks (then by name), with a few examples each.
 * `key` picks the blocker of a row (default: its first one).
 */
export function rankBlockers(rows: FunctionRow[], examplesPerBlocker = 3, key: (r: FunctionRow) => string | undefined = (r) => r.blocker): BlockerRank[] {
  const by = new Map<string, FunctionRow[]>();
  for (const r of rows) {
    const k = key(r);
    if (k !== undefined) by.set(k, [...(by.get(k) ?? []), r]);
  }
  return [...by]
    .map(([construct, rs]) => ({ construct, functions: rs.length, examples: rs.slice(0, examplesPerBlocker).map((r) => `${r.file}:${r.line} ${r.name}`) }))
    .sort((a, b) => b.functions - a.functions || (a.construct < b.construct ? -1 : 1));
}

/** A verifier result reduced to what matching needs. */
export interface ResultLike {
  name: string;
  file: string;
  /** 1-based line of the name (or of the item when the name's span is unknown). */
  line: number;
  status: 'verified' | 'failed' | 'timeout' | 'unsupported' | 'error' | 'pending';
  detail?: string;
  /** Last line of the item: a whole-item result (`<broadcast item>`) covers the functions in it. */
  endLine?: number;
  /** The verifier's time on the function (solver time of its goals), and how many goals it had. */
  timeMs?: number;
  goals?: number;
}

/**
 * Pairs the `verus!` functions of a file with the verifier's results for it: by name and line
 * (a result's name is `f` or `Type::f`). A function without a result is `missing`, blocked by the
 * file's first syntax error when it has one. Results matching no `verus!` function (items the
 * verifier reports as a whole: `<struct S>`, `<syntax errors in F>`) are returned as `extra`.
 */
export function matchFunctions(file: string, fns: VerusFunction[], results: ResultLike[], syntaxError?: string): { rows: FunctionRow[]; extra: ResultLike[] } {
  const pool = [...results];
  const rows: FunctionRow[] = [];
  const lastSegment = (n: string): string => n.split('::').pop()!;
  const covering = new Set<ResultLike>();
  for (const f of fns) {
    let at = pool.findIndex((r) => r.line === f.line && lastSegment(r.name) === f.name);
    // a result whose span starts at the item (its attributes) rather than at the name
    if (at < 0) at = pool.findIndex((r) => lastSegment(r.name) === f.name && r.line <= f.line && f.line - r.line <= 10);
    if (at < 0) {
      // an item reported as a whole (`<broadcast item>`, unsupported) is its functions' verdict
      const whole = results.find((r) => r.name.startsWith('<') && r.endLine !== undefined && r.line <= f.line && f.line <= r.endLine && (r.status === 'unsupported' || r.status === 'error'));
      if (whole) {
        covering.add(whole);
        rows.push({ file, name: f.name, line: f.line, status: whole.status, blocker: blockerOf(whole.detail ?? whole.name), ...(whole.detail !== undefined ? { detail: whole.detail } : {}) });
        continue;
      }
      rows.push({ file, name: f.name, line: f.line, status: 'missing', blocker: syntaxError !== undefined ? `file does not parse: ${blockerOf(syntaxError)}` : 'no result reported' });
      continue;
    }
    const r = pool.splice(at, 1)[0]!;
    const row: FunctionRow = { file, name: r.name, line: f.line, status: r.status };
    if (r.detail !== undefined) row.detail = r.detail;
    if (r.timeMs !== undefined) row.timeMs = r.timeMs;
    if (r.goals !== undefined) row.goals = r.goals;
    if (r.status === 'unsupported' || r.status === 'error') row.blocker = blockerOf(r.detail ?? r.status);
    rows.push(row);
  }
  return { rows, extra: pool.filter((r) => !covering.has(r)) };
}
