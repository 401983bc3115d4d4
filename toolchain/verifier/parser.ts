// Hand-written, error-tolerant recursive-descent parser for the Verus subset.
// Never throws: syntax errors become diagnostics and the parser resynchronises at the next item.
// A syntax error inside a function keeps the function (marked with FnItem.parseError) and resumes
// after the `}` matching its body's `{`, so no later function of the file is lost.
// Only the contents of `verus! { ... }` are parsed into items; everything else is skipped.

import { lex, type Token } from '../syntax/lexer';
import { matchBrackets } from '../syntax/brackets';
import { attrFormToVerus } from './attr-form';
import { expandStructWithInvariants } from './struct-invariants';
import { CLAUSE_KEYWORDS, CLAUSE_STARTS, verusClause, verusModifier } from '../syntax/clauses';
import { attrTreatment, externalDerives, hasVerifierAttr, malformedVerifierAttr, modeAttr, parseAttr, verusAttrOutside, VERUS_MACROS_OUTSIDE, type AttrSite } from '../syntax/attributes';
import { boundTreeHeight, MAX_TREE_HEIGHT, TreeHeights, treeHeightMessage } from './tree-height';
import { respanned, someNode } from './ast';
import type { AssocTypeBinding, AssocTypeDecl, Block, BinOp, BroadcastName, ClosureSpec, ConstItem, EnumItem, Expr, FnItem, FnMode, GenericParam, Item, OtherBound, Param, ParseDiagnostic, Pat, SourceFile, SpecDerive, ExecSpecMark, SpecialElem, ElemValue, Sp, Stmt, StmtNote, StateMachineItem, StructItem, TraitBound, TransitionDecl, TransitionStmt, TraitImplItem, TraitItem, Visibility, TypeExpr } from './ast';

/** The machine integer types, whose `MIN` / `MAX` a pattern may name. */
const INT_TYPE_NAMES: ReadonlySet<string> = new Set(['u8', 'u16', 'u32', 'u64', 'u128', 'usize', 'i8', 'i16', 'i32', 'i64', 'i128', 'isize']);

/** The result's name when the signature names its parts by a pattern (`-> ((a, b): (A, B))`). */
const RET_OF_PATTERN = 'result$';

/** The names a pattern binds. */
function patNames(p: Pat): string[] {
  switch (p.k) {
    case 'bind': return [p.name, ...(p.sub ? patNames(p.sub) : [])];
    case 'tuple': return p.elems.flatMap(patNames);
    case 'variant': return [...(p.args ?? []).flatMap(patNames), ...(p.fields ?? []).flatMap((f) => patNames(f.pat))];
    case 'or': return p.alts.length ? patNames(p.alts[0]!) : [];
    default: return [];
  }
}

class ParseError extends Error {}

/** The function's name as a token-like span. */
function nameTokOf(f: FnItem): { start: number; end: number } {
  return f.nameSp;
}

const MAX_DEPTH = 200;
/** vstd's attribute macros that derive a datatype's views (contrib/spec_derive), read by spec-derive.ts. */
const SPEC_DERIVE: ReadonlySet<string> = new Set(['make_spec_type', 'self_view']);
/**
 * The longest integer literal accepted, in digits of its base (underscores not counted). Verus
 * accepts spec (`int`/`nat`) literals beyond u128 (rustc refuses those: "integer literal is too
 * large"), so the bound is far above any machine integer (u128::MAX has 39 decimal digits) yet
 * keeps a literal's BigInt, its SMT numeral and a model's value of that size cheap. A longer
 * literal is an `error` with its span.
 */
export const MAX_INT_LITERAL_DIGITS = 1000;

/**
 * A file's syntax tree. `wholeFileIsVerus` is Verus's `--no-external-by-default`: the code outside
 * `verus! { }` is Verus code too (verified), not plain Rust.
 */
export function parseFile(path: string, text: string, wholeFileIsVerus = false): SourceFile {
  const p = new Parser(text, true);
  let items: Item[] = p.attrFormUnsupported.map((u) => ({ k: 'unsupported', what: u.what, sp: u.sp, module: [] }));
  try {
    if (wholeFileIsVerus) p.parseWholeFileAsVerus(items);
    else items.push(...p.parseTop());
  } catch (e) {
    p.diags.push({ message: `internal parser error: ${(e as Error).message}`, sp: { start: 0, end: 0 } });
  }
  items = boundTreeHeight(items, p.diags);
  return { path, text, items, diagnostics: p.diags, ...(p.plainRust ? { plainRust: true } : {}) };
}

/** A constant Verus does not read (plain Rust, `#[verifier::external]`) as the external function without arguments Verus sees: its signature. */
function constAsExternalFn(c: ConstItem): FnItem {
  return { k: 'fn', name: c.name, mode: 'exec', open: false, attrs: [], params: [], ret: { name: null, ty: c.ty }, requires: [], ensures: [], recommends: [], decreases: [], returns: null, unsupportedClauses: [], body: null, generics: [], selfType: c.selfType, nameSp: c.sp, sp: c.sp, module: c.module, vis: c.vis, constFn: true };
}

/** Parses a standalone expression (used by tests). */
export function parseExpr(text: string): { expr: Expr | null; diagnostics: ParseDiagnostic[] } {
  const p = new Parser(text);
  try {
    const e = p.expr();
    if (p.peek().kind !== 'eof') p.error('unexpected token after expression');
    const high = new TreeHeights().excess(e, MAX_TREE_HEIGHT);
    if (high) p.error(treeHeightMessage(MAX_TREE_HEIGHT), high);
    return { expr: e, diagnostics: p.diags };
  } catch (e) {
    if (!(e instanceof ParseError)) p.diags.push({ message: `internal parser error: ${(e as Error).message}`, sp: { start: 0, end: 0 } });
    return { expr: null, diagnostics: p.diags };
  }
}

/**
 * Verus's builtin `spec_cast_integer::<A, B>(x)` (what `x as B` means in ghost code, written out):
 * the cast itself.
 */
function specCastInteger(e: Expr): Expr | null {
  if (e.k !== 'call' || e.callee.k !== 'path' || e.callee.segs[e.callee.segs.length - 1] !== 'spec_cast_integer') return null;
  const to = e.callee.generics[1];
  if (e.args.length !== 1 || e.callee.generics.length !== 2 || !to) return null;
  return { k: 'cast', e: e.args[0]!, ty: to, sp: e.sp };
}

/**
 * Verus's `choose_tuple::<(A, B), _>(|a: A, b: B| p)`, the form `choose|a: A, b: B| p` stands for:
 * that `choose`, and with the written tuple type a block `{ let c: (A, B) = choose ..; c }` that
 * checks it. Null for any other call.
 */
function chooseTuple(e: Expr): Expr | null {
  if (e.k !== 'call' || e.callee.k !== 'path' || e.callee.segs.length !== 1 || e.callee.segs[0] !== 'choose_tuple') return null;
  const f = e.args[0];
  if (e.args.length !== 1 || f?.k !== 'closure' || f.exec || f.params.length < 2) return null;
  const choose: Expr = { k: 'quant', q: 'choose', params: f.params, triggers: [], body: f.body, sp: e.sp };
  const ty = e.callee.generics[0];
  if (!ty || (ty.k === 'path' && ty.name === '_')) return choose;
  const sp = e.sp;
  return { k: 'block', block: { stmts: [{ k: 'let', pat: { k: 'bind', name: '$choose_tuple', mut: false, sp }, ghost: false, ty, init: choose, sp }, { k: 'expr', e: { k: 'path', segs: ['$choose_tuple'], generics: [], sp }, semi: false, sp }], sp }, sp };
}

export function parseItems(text: string): { items: Item[]; diagnostics: ParseDiagnostic[] } {
  const p = new Parser(text);
  const items: Item[] = [];
  try {
    p.parseItemsUntil(null, items, []);
  } catch (e) {
    if (!(e instanceof ParseError)) p.diags.push({ message: `internal parser error: ${(e as Error).message}`, sp: { start: 0, end: 0 } });
  }
  return { items: boundTreeHeight(items, p.diags), diagnostics: p.diags };
}

/**
 * The items a macro phase generates from `text` (spec-derive.ts, exec-spec.ts), in `module`, every
 * span `sp` (the code they come from); a text that does not parse is an internal `error` item
 * (`what`) naming the macro.
 */
export function parseGenerated(text: string, sp: Sp, module: string[], what: string, macro: string): Item[] {
  const { items, diagnostics } = parseItems(text);
  if (diagnostics.length) return [{ k: 'error', what, diagnostic: { message: `internal: the expansion of ${macro} does not parse (${diagnostics[0]!.message})`, sp }, sp, module }];
  return items.map((it) => ({ ...respanned(it, sp), module }) as Item);
}

const COMPARE: ReadonlySet<string> = new Set(['==', '!=', '<', '<=', '>', '>=', '=~=', '!~=', '=~~=', '!~~=', '===', '!==']);
const BIN_PREC: ReadonlyMap<string, number> = new Map([
  ['||', 1], ['&&', 2],
  ['==', 3], ['!=', 3], ['<', 3], ['<=', 3], ['>', 3], ['>=', 3], ['=~=', 3], ['!~=', 3], ['=~~=', 3], ['!~~=', 3], ['===', 3], ['!==', 3],
  ['|', 4], ['^', 5], ['&', 6], ['<<', 7], ['>>', 7], ['+', 8], ['-', 8], ['*', 9], ['/', 9], ['%', 9],
]);

/** calc!'s relations, each with the relations its steps may use (Verus's calc_macro). */
const CALC_STEPS: ReadonlyMap<string, readonly string[]> = new Map([
  ['==', ['==']],
  ['<', ['==', '<', '<=']],
  ['<=', ['==', '<', '<=']],
  ['>', ['==', '>', '>=']],
  ['>=', ['==', '>', '>=']],
  ['==>', ['==', '==>', '<==>']],
  ['<==>', ['==', '<==>']],
]);

/** Verus's macros that open an invariant for a block (vstd::invariant). */
const OPEN_INVARIANT_MACROS: ReadonlySet<string> = new Set(['open_atomic_invariant', 'open_local_invariant', 'open_atomic_invariant_in_proof', 'open_local_invariant_in_proof']);

class Parser {
  toks: Token[];
  i = 0;
  diags: ParseDiagnostic[] = [];
  /** set by `generics()` / `whereClause()` when they meet a lifetime bound */
  sawLifetimeBound = false;
  depth = 0;
  /** matchOf[i]: index of the bracket matching the ( [ { ) ] } at token i, or -1. */
  readonly matchOf: Int32Array;
  /** Forms of Verus's attribute syntax the rewriter did not read (items of the file). */
  attrFormUnsupported: { what: string; sp: Sp }[] = [];
  /** set by `parseTop`: the file has plain Rust outside `verus!` (anything but `use` items and attributes) */
  plainRust = false;
  /**
   * `attrForm`: a whole file, whose plain Rust items under Verus's attributes (`#[verus_spec]`,
   * `#[verus_verify]`) are first rewritten into the verus! form (attr-form.ts).
   */
  constructor(text: string, attrForm = false) {
    const { tokens, diagnostics } = lex(text);
    for (const d of diagnostics) this.diags.push({ message: d.message, sp: { start: d.start, end: d.end } });
    if (attrForm) {
      const form = attrFormToVerus(tokens);
      this.toks = form.tokens;
      for (const e of form.errors) this.diags.push({ message: e.message, sp: e.sp });
      this.attrFormUnsupported = form.unsupported;
    } else this.toks = tokens;
    const withInvariants = expandStructWithInvariants(this.toks);
    this.toks = withInvariants.tokens;
    for (const e of withInvariants.errors) this.diags.push({ message: e.message, sp: e.sp });
    this.matchOf = matchBrackets(this.toks);
  }

  peek(o = 0): Token {
    return this.toks[Math.min(this.i + o, this.toks.length - 1)]!;
  }
  next(): Token {
    const t = this.peek();
    if (this.i < this.toks.length - 1) this.i++;
    return t;
  }
  is(text: string, o = 0): boolean {
    const t = this.peek(o);
    return t.text === text && t.kind !== 'string' && t.kind !== 'char';
  }
  eat(text: string): boolean {
    if (this.is(text)) {
      this.next();
      return true;
    }
    return false;
  }
  /** `>>` / `>=` split for generics. */
  eatGt(): boolean {
    const t = this.peek();
    if (t.kind === 'punct' && t.text.startsWith('>') && t.text.length > 1) {
      const rest = t.text.slice(1);
      const nt: Token = { ...t, text: rest, start: t.start + 1, column: t.column + 1 };
      this.toks[this.i] = nt;
      return true; // consumed one `>` of a `>>`/`>=`
    }
    return this.eat('>');
  }
  expect(text: string): Token {
    if (this.is(text)) return this.next();
    this.error(`expected \`${text}\`, found \`${this.peek().text || 'end of file'}\``);
  }
  error(msg: string, sp?: Sp): never {
    const t = this.peek();
    this.diags.push({ message: msg, sp: sp ?? { start: t.start, end: t.end } });
    throw new ParseError(msg);
  }
  /** Records a diagnostic without unwinding. */
  report(message: string, sp: Sp): ParseDiagnostic {
    const d = { message, sp };
    this.diags.push(d);
    return d;
  }
  ident(): string {
    const t = this.peek();
    if (t.kind === 'ident' || (t.kind === 'keyword' && (t.text === 'self' || t.text === 'Self' || t.text === 'crate' || t.text === 'super'))) {
      this.next();
      return t.text;
    }
    this.error(`expected identifier, found \`${t.text || 'end of file'}\``);
  }
  lastEnd(): number {
    return this.toks[Math.max(0, this.i - 1)]!.end;
  }
  enter(): void {
    if (++this.depth > MAX_DEPTH) this.error('nesting too deep');
  }
  leave(): void {
    this.depth--;
  }

  // ---------------- top level ----------------
  /** The file's items, all Verus code; a `verus! { }` block in it is read as its contents. */
  parseWholeFileAsVerus(items: Item[]): void {
    while (this.peek().kind !== 'eof') {
      if (this.is('verus') && this.is('!', 1) && (this.is('{', 2) || this.is('(', 2) || this.is('[', 2))) {
        this.next();
        this.next();
        const open = this.next().text;
        const close = open === '{' ? '}' : open === '(' ? ')' : ']';
        this.parseItemsUntil(close, items, []);
        this.expect(close);
        continue;
      }
      if (this.is('verus')) {
        this.report('expected item, found `verus`', { start: this.peek().start, end: this.peek().end });
        this.next();
        continue;
      }
      // (stops before a `verus!` block, read above)
      this.parseItemsUntil('verus', items, []);
    }
  }

  parseTop(): Item[] {
    const items: Item[] = [];
    // closing-token indices of the plain-Rust groups the scan below is inside
    const outer: number[] = [];
    // the attributes just read outside verus! include a Verus one (`#[make_spec_type]`), or
    // `#[verifier::external]`
    let verusMarked = false;
    let externalMarked = false;
    while (this.peek().kind !== 'eof') {
      while (outer.length && outer[outer.length - 1]! < this.i) outer.pop();
      if (outer.length === 0 && this.is('verus') && this.is('!', 1) && (this.is('{', 2) || this.is('(', 2) || this.is('[', 2))) {
        this.next();
        this.next();
        const open = this.next().text;
        const close = open === '{' ? '}' : open === '(' ? ')' : ']';
        const start = this.i;
        try {
          this.parseItemsUntil(close, items, []);
          this.eat(close);
        } catch (e) {
          if (!(e instanceof ParseError)) throw e;
          // skip to the matching close of the macro
          this.i = start;
          this.skipBalancedUntil(close);
          this.eat(close);
        }
        continue;
      }
      // Outside verus!: plain Rust, not verified. What would make Verus verify or specify it
      // (a Verus attribute, `proof!`, a `verus!` block inside a module or function) is
      // reported `unsupported` at its span, never skipped in silence.
      const unsupported = (what: string, sp: Sp) => items.push({ k: 'unsupported', what, sp, module: [] });
      const t = this.peek();
      if (outer.length === 0 && t.text === '#' && this.is('[', 1) && this.specDeriveAhead()) {
        this.specDeriveItem(items);
        verusMarked = externalMarked = false;
        continue;
      }
      if (t.text === '#' && (this.is('[', 1) || (this.is('!', 1) && this.is('[', 2)))) {
        const [a] = this.attrList();
        if (a && verusAttrOutside(a.text)) {
          unsupported(`Verus attribute \`#[${a.text}]\` outside verus! (the code it marks is not verified)`, a.sp);
          verusMarked = true;
        }
        // (`#[verifier::external]`: Verus reads nothing inside the item, its Verus forms included)
        if (a && hasVerifierAttr([a.text], 'external')) externalMarked = true;
        continue;
      }
      if (outer.length === 0 && t.text === 'use') {
        // (an import names things; it is checked when something uses them)
        while (this.peek().kind !== 'eof' && !this.is(';')) this.next();
        this.eat(';');
        continue;
      }
      this.plainRust = true;
      // a top-level function or datatype of plain Rust is external to Verus, as if marked
      // `#[verifier::external]`: kept (signature, or datatype) for a specification that names it
      // and for Verus's error where verified code uses it; one we cannot read is skipped as before
      // (not one a Verus attribute marks: Verus reads that one, and it is reported above)
      const marked = verusMarked;
      verusMarked = false;
      const explicitlyExternal = externalMarked;
      externalMarked = false;
      if (outer.length === 0 && this.plainItemStart()) {
        const external = this.plainExternalItem(explicitlyExternal && !marked);
        if (external) {
          if (!marked) items.push(external);
          continue;
        }
      }
      if (t.text === 'impl') {
        // `impl !Send for T {}`: a negative impl says which trait bounds fail, and trait bounds
        // (Send, Sync, ...) are not checked here
        let j = this.i + 1;
        while (j < this.toks.length && !['{', ';', '}'].includes(this.toks[j]!.text)) {
          if (this.toks[j]!.text === '!' && this.toks[j + 1]?.kind === 'ident') {
            unsupported(`negative impl \`impl !${this.toks[j + 1]!.text}\` (trait bounds such as Send and Sync are not checked)`, { start: t.start, end: this.toks[j + 1]!.end });
            break;
          }
          j++;
        }
      }
      if (this.verusMacroAt(this.i) && (this.is('{', 2) || this.is('(', 2) || this.is('[', 2))) {
        const m = this.matchOf[this.i + 2]!;
        const end = m >= 0 ? this.toks[m]!.end : this.toks[this.i + 2]!.end;
        unsupported(t.text === 'verus' ? 'verus! block inside plain Rust code (a module or function outside verus!): not read' : `\`${t.text}!\` outside verus! (Verus code in plain Rust is not verified)`, { start: t.start, end });
        this.i = m >= 0 ? m + 1 : this.i + 3;
        continue;
      }
      this.next();
      const m = this.matchOf[this.i - 1]!;
      if (t.kind === 'punct' && (t.text === '{' || t.text === '(' || t.text === '[') && m >= 0) outer.push(m);
    }
    return items;
  }

  /** Whether the run of outer attributes here holds vstd's `#[make_spec_type]` or `#[self_view]`. */
  private specDeriveAhead(): boolean {
    let j = this.i;
    while (this.toks[j]?.text === '#' && this.toks[j + 1]?.text === '[') {
      const close = this.matchOf[j + 1]!;
      if (close < 0) return false;
      if (SPEC_DERIVE.has(this.toks[j + 2]?.text ?? '')) return true;
      j = close + 1;
    }
    return false;
  }

  /**
   * An item outside verus! marked `#[make_spec_type(..)]` / `#[self_view]`: vstd's attribute
   * macros put the item into `verus!` with what they derive, so it is read as Verus code, the
   * attribute kept on it (`specDerive`) for spec-derive.ts; on anything but a struct or an enum it
   * is the macro's error.
   */
  private specDeriveItem(items: Item[]): void {
    const before = this.i;
    const all = this.attrList();
    const derive = all.find((a) => SPEC_DERIVE.has(/^[a-z_]+/.exec(a.text)?.[0] ?? ''))!;
    // the item's keyword and name (after `pub` and its restriction)
    let j = this.i;
    if (this.is('pub')) j = this.is('(', 1) ? this.matchOf[this.i + 1]! + 1 : j + 1;
    const keyword = this.toks[j]?.text;
    const itemName = this.toks[j + 1]?.text;
    const made: Item[] = [];
    try {
      this.item(made, [], null, all.filter((a) => a !== derive));
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      this.recoverItemFrom(before, null);
    }
    made.push(...this.hoisted.splice(0));
    const name = /^[a-z_]+/.exec(derive.text)![0];
    const target = keyword === 'struct' || keyword === 'enum' ? made.find((it): it is StructItem | EnumItem => (it.k === 'struct' || it.k === 'enum') && it.name === itemName) : undefined;
    if (target) target.specDerive = { kind: name as SpecDerive['kind'], args: derive.text.slice(name.length), sp: derive.sp };
    else if (made.length) items.push({ k: 'error', what: 'attribute', diagnostic: this.report(`\`#[${name}]\` applies to a struct or an enum only`, derive.sp), sp: derive.sp, module: [] });
    items.push(...made.filter((it) => it === target || (it.k !== 'struct' && it.k !== 'enum' && it.k !== 'fn' && it.k !== 'trait')));
  }

  /** Whether token `j` starts a Verus macro (`verus!`, `proof!`, ..). */
  private verusMacroAt(j: number): boolean {
    const t = this.toks[j];
    return !!t && t.kind === 'ident' && this.toks[j + 1]?.text === '!' && (t.text === 'verus' || VERUS_MACROS_OUTSIDE.has(t.text));
  }

  /**
   * Whether tokens [from, to) of plain Rust hold Verus code (a `verus!` / `proof!` .. macro, a
   * Verus attribute): then the item is Verus's to read, and the scan reports that code.
   */
  private verusInside(from: number, to: number): boolean {
    for (let j = from; j < to; j++) {
      const t = this.toks[j]!;
      if (this.verusMacroAt(j)) return true;
      if (t.text === '#' && this.toks[j + 1]?.text === '[') {
        const close = this.matchOf[j + 1]!;
        if (close > j && verusAttrOutside(this.toks.slice(j + 2, close).map((x) => x.text).join(''))) return true;
      }
    }
    return false;
  }

  /** Whether a plain-Rust `fn` / `struct` / `enum` item starts here (after `pub` and its restriction). */
  private plainItemStart(): boolean {
    let j = 0;
    if (this.is('pub')) j = this.is('(', 1) ? 1 + (this.matchOf[this.i + 1]! - this.i) : 1;
    const k = this.toks[this.i + j];
    if (k?.text === 'const' && this.toks[this.i + j + 1]?.kind === 'ident' && this.toks[this.i + j + 2]?.text === ':') return true;
    return !!k && (k.text === 'fn' || k.text === 'struct' || k.text === 'enum') && this.toks[this.i + j + 1]?.kind === 'ident';
  }

  /**
   * The plain-Rust function or datatype here as an external item (`external-fn` with its signature,
   * `external-type`), or null, with nothing consumed or reported, when it does not parse as Verus
   * syntax.
   */
  private plainExternalItem(explicitlyExternal = false): Item | null {
    const at = this.i;
    const diags = this.diags.length;
    const bad = this.innerBad.length;
    const hoisted = this.hoisted.length;
    const made: Item[] = [];
    try {
      this.itemAfterAttrs(made, [], null, []);
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      made.length = 0;
    }
    const it = made.length === 1 ? made[0]! : null;
    // (a function marked `#[verifier::external]` keeps its signature whatever its body holds: the
    // body, Verus forms in it included, is not read)
    if (explicitlyExternal && it?.k === 'fn' && this.diags.length === diags) {
      this.innerBad.length = bad;
      this.hoisted.length = hoisted;
      return { k: 'external-fn', fn: { ...it, body: null }, sp: it.sp, module: [] };
    }
    const ok = this.diags.length === diags && this.innerBad.length === bad && this.hoisted.length === hoisted && it && ((it.k === 'fn' && !it.parseError) || it.k === 'struct' || it.k === 'enum' || it.k === 'const') && !this.verusInside(at, this.i);
    if (!ok) {
      this.i = at;
      this.diags.length = diags;
      this.innerBad.length = bad;
      this.hoisted.length = hoisted;
      return null;
    }
    if (it.k === 'fn') return { k: 'external-fn', fn: { ...it, body: null }, sp: it.sp, module: [] };
    // (a constant is a function without arguments to Verus: its signature, its value not read)
    if (it.k === 'const') return { k: 'external-fn', fn: constAsExternalFn(it), sp: it.sp, module: [] };
    return { k: 'external-type', dt: it as StructItem | EnumItem, sp: it.sp, module: [] };
  }

  /**
   * Skips the bracket group opening at the current token. An opener without its closer is an
   * error: skipping by counting would run past the end of the enclosing body.
   */
  skipBalanced(): void {
    const m = this.matchOf[this.i]!;
    if (m < 0) this.error(`unclosed \`${this.peek().text}\``);
    this.i = m + 1;
  }
  skipBalancedUntil(close: string): void {
    let depth = 0;
    while (this.peek().kind !== 'eof') {
      const t = this.peek();
      if (t.kind === 'punct') {
        if (t.text === '{' || t.text === '(' || t.text === '[') depth++;
        else if (t.text === '}' || t.text === ')' || t.text === ']') {
          if (depth === 0 && t.text === close) return;
          depth--;
        }
      }
      this.next();
    }
  }

  /** Skips to the start of the next plausible item after an error. */
  recoverItem(close: string | null): void {
    let depth = 0;
    while (this.peek().kind !== 'eof') {
      const t = this.peek();
      if (t.kind === 'punct') {
        if (t.text === '{' || t.text === '(' || t.text === '[') depth++;
        else if (t.text === '}' || t.text === ')' || t.text === ']') {
          if (depth === 0) {
            if (close !== null && t.text === close) return;
            this.next();
            continue;
          }
          depth--;
          if (depth === 0 && t.text === '}') {
            this.next();
            if (this.isItemStart()) return;
            continue;
          }
        } else if (t.text === ';' && depth === 0) {
          this.next();
          if (this.isItemStart()) return;
          continue;
        }
      }
      this.next();
    }
  }
  isItemStart(): boolean {
    const t = this.peek();
    return ['fn', 'struct', 'enum', 'impl', 'pub', 'const', 'use', 'mod', 'type', 'trait', '#'].includes(t.text) ||
      (t.kind === 'ident' && verusModifier(t.text) !== undefined) ||
      this.peek().kind === 'eof';
  }
  /**
   * After an error in the item starting at token `itemStart`: resumes after the item's first
   * top-level `{ }` group or `;` (found by bracket matching, so an error nested deep inside the
   * item cannot make its `}` look like the end of the enclosing block), or before the enclosing
   * block's closer. Falls back to token-level recovery when the brackets do not help.
   */
  recoverItemFrom(itemStart: number, close: string | null): void {
    const errorAt = this.i;
    let j = itemStart;
    for (; j < this.toks.length - 1; j++) {
      const t = this.toks[j]!;
      if (t.kind !== 'punct') continue;
      if (t.text === ';') {
        j++;
        break;
      }
      if (t.text === '}' || t.text === ')' || t.text === ']') break;
      if (t.text === '{' || t.text === '(' || t.text === '[') {
        const m = this.matchOf[j]!;
        if (m < 0) {
          j = -1;
          break;
        }
        if (t.text === '{') {
          j = m + 1;
          break;
        }
        j = m;
      }
    }
    if (j > errorAt) this.i = j;
    else this.recoverItem(close);
  }

  /**
   * A module's items (a file's, or a `mod m { .. }` block's), after its leading
   * `#![verifier::loop_isolation(b)]`, which holds for the functions inside it.
   */
  parseItemsUntil(close: string | null, out: Item[], module: string[]): void {
    const isolationBefore = this.moduleLoopIsolation;
    this.moduleLoopIsolation = this.leadingLoopIsolation() ?? isolationBefore;
    try {
      this.itemsUntil(close, out, module);
    } finally {
      this.moduleLoopIsolation = isolationBefore;
    }
  }

  /** `#![verifier::loop_isolation(b)]` (consumed) at the parser's position: `b`; else null. */
  private leadingLoopIsolation(): boolean | null {
    let found: boolean | null = null;
    while (this.is('#') && this.is('!', 1) && this.is('[', 2)) {
      const close = this.matchOf[this.i + 2] ?? -1;
      const text = close > 0 ? this.toks.slice(this.i + 3, close).map((t) => t.text).join('') : '';
      const m = /^verifier(?:::loop_isolation\((true|false)\)|\(loop_isolation\((true|false)\)\))$/.exec(text);
      if (!m) break;
      found = (m[1] ?? m[2]) === 'true';
      this.i = close + 1;
    }
    return found;
  }

  private itemsUntil(close: string | null, out: Item[], module: string[]): void {
    while (this.peek().kind !== 'eof' && !(close !== null && this.is(close))) {
      const before = this.i;
      try {
        this.item(out, module, null);
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        this.recoverItemFrom(before, close);
      }
      // (the items written inside its bodies join the module after it)
      out.push(...this.hoisted.splice(0));
      if (this.i === before) this.next();
    }
  }

  attrs(): string[] {
    return this.attrList().map((a) => a.text);
  }
  /** `#[..]` / `#![..]` attributes: their text without whitespace (`verifier::external_body`) and span. */
  attrList(): { text: string; sp: Sp; str?: string; words?: string[] }[] {
    const out: { text: string; sp: Sp; str?: string; words?: string[] }[] = [];
    while (this.is('#') && (this.is('[', 1) || (this.is('!', 1) && this.is('[', 2)))) {
      const start = this.next().start;
      this.eat('!');
      const from = this.i;
      this.skipBalanced();
      // the first string literal as written (`proof_note("..")`: `text` has no whitespace)
      const inside = this.toks.slice(from + 1, this.i - 1);
      const lit = inside.find((t) => t.kind === 'string');
      const str = lit && lit.text.startsWith('"') ? lit.text.slice(1, -1).replace(/\\(.)/g, '$1') : undefined;
      const text = inside.map((t) => t.text).join('').replace(/\s+/g, '');
      // (the words of an attribute whose arguments are words: `external_trait_extension(TSpec via TSpecImpl)`)
      const words = /^verifier::external_trait_extension\(/.test(text) ? inside.filter((t) => t.kind === 'ident').map((t) => t.text) : undefined;
      out.push({ text, sp: { start, end: this.lastEnd() }, ...(str !== undefined ? { str } : {}), ...(words ? { words } : {}) });
    }
    return out;
  }
  /**
   * Attributes inside an item (fields, parameters, statements) that the verifier does not
   * implement; `item` takes the ones read while it parses and marks itself with them.
   */
  innerBad: { attr: string; sp: Sp; crate: boolean }[] = [];
  /** Items written inside bodies, waiting to join their module's items (`nestedItem`). */
  private hoisted: Item[] = [];
  /** The token index of each enclosing block's `{`, innermost last. */
  private blockOpens: number[] = [];
  /** The module of the item being parsed. */
  private moduleNow: string[] = [];
  /** The innermost enclosing module's `#![verifier::loop_isolation(b)]`, if any. */
  private moduleLoopIsolation: boolean | null = null;
  innerAttrs(site: AttrSite, applied: (a: { text: string; sp: Sp }) => boolean = () => false): { text: string; sp: Sp; str?: string }[] {
    const list = this.attrList().filter((a) => !applied(a));
    for (const a of list) {
      const malformed = malformedVerifierAttr(a.text);
      if (malformed) this.hoisted.push({ k: 'error', what: 'attribute', diagnostic: this.report(malformed, a.sp), sp: a.sp, module: this.moduleNow });
      const t = attrTreatment(a.text, site);
      if (t !== 'ok') this.innerBad.push({ attr: a.text, sp: a.sp, crate: t === 'crate' });
    }
    return list;
  }

  /** `pub`, `pub(crate)`, `pub(super)`, `pub(self)`, `pub(in path)`, or nothing (private). */
  visibility(): Visibility {
    const t = this.peek();
    if (!this.eat('pub')) return { k: 'private' };
    if (!this.is('(')) return { k: 'pub' };
    return this.restriction(t.start);
  }
  /** `(crate)`, `(super)`, `(self)`, `(in a::b)` after `pub` / `open`. */
  restriction(start: number): Visibility {
    const open = this.i;
    const close = this.matchOf[open] ?? -1;
    const words = close > open ? this.toks.slice(open + 1, close).filter((t) => t.text !== '::').map((t) => t.text) : [];
    this.skipBalanced();
    const sp = { start, end: this.lastEnd() };
    if (words[0] === 'in') return { k: 'in', path: words.slice(1), sp };
    if (words.length === 1 && ['crate', 'super', 'self'].includes(words[0]!)) return { k: 'in', path: words, sp };
    // another form (`pub(x)` is not Rust): the narrowest reading
    return { k: 'in', path: ['self'], sp };
  }

  /**
   * `#[verifier::spec]` / `#[verifier::proof]` on an item: its mode (false when the item says
   * another one, or is not a function or datatype). Any other attribute: nothing to apply (true).
   */
  applyModeAttr(text: string, made: Item[]): boolean {
    const mode = modeAttr(text);
    if (mode !== 'spec' && mode !== 'proof') return true;
    const it = made.length === 1 ? made[0]! : null;
    if (it?.k === 'fn') {
      if (it.mode !== 'exec' && it.mode !== mode) return false;
      it.mode = mode;
      return true;
    }
    if (it?.k === 'struct' || it?.k === 'enum') {
      const dataMode = mode === 'spec' ? 'ghost' : 'tracked';
      if (it.dataMode && it.dataMode !== dataMode) return false;
      it.dataMode = dataMode;
      return true;
    }
    return false;
  }

  item(out: Item[], module: string[], selfType: string | null, attrList: { text: string; sp: Sp; str?: string; words?: string[] }[] = this.attrList()): void {
    const outAt = out.length;
    const badAt = this.innerBad.length;
    let site: AttrSite = 'item';
    const moduleBefore = this.moduleNow;
    this.moduleNow = module;
    try {
      site = this.itemAfterAttrs(out, module, selfType, attrList);
    } finally {
      this.moduleNow = moduleBefore;
      // the item's own attributes and the ones read inside it (not those of items nested in it:
      // each `item` call takes its own)
      const bad = this.innerBad.splice(badAt);
      let external = false;
      const made = out.slice(outAt);
      const self = site === 'fn' && made.length === 1 ? made[0]! : null;
      const specAttrs = attrList.filter((a) => /^verus_spec\b/.test(a.text));
      if (specAttrs.length > 1) out.push({ k: 'error', what: 'attribute', diagnostic: this.report('Multiple #[verus_spec] attributes are not allowed.', specAttrs[1]!.sp), sp: specAttrs[1]!.sp, module });
      for (const a of attrList) {
        const t = attrTreatment(a.text, site);
        const malformed = malformedVerifierAttr(a.text);
        if (malformed) {
          out.push({ k: 'error', what: 'attribute', diagnostic: this.report(malformed, a.sp), sp: a.sp, module });
          continue;
        }
        // (Verus's error for a specification attribute on anything but a function)
        if (site !== 'fn' && hasVerifierAttr([a.text], 'external_fn_specification')) {
          const what = site === 'item' && made.some((it) => it.k === 'const') ? 'use `external_fn_specification` on fn whose body is a const' : '`external_fn_specification` attribute not supported here';
          out.push({ k: 'error', what: 'external_fn_specification', diagnostic: this.report(what, a.sp), sp: a.sp, module });
          continue;
        }
        if (site !== 'type' && hasVerifierAttr([a.text], 'external_type_specification')) {
          out.push({ k: 'error', what: 'external_type_specification', diagnostic: this.report('`external_type_specification` attribute not supported here', a.sp), sp: a.sp, module });
          continue;
        }
        if (t === 'external') external = true;
        else if (this.externalTraitAttr(a, made)) continue;
        else if (externalDeriveRead(a.text, made)) continue;
        else if (t !== 'ok') bad.unshift({ attr: a.text, sp: a.sp, crate: t === 'crate' });
        else if (!this.applyModeAttr(a.text, made)) bad.unshift({ attr: a.text, sp: a.sp, crate: false });
      }
      if (external) {
        // `#[verifier::external]`: Verus neither verifies the item nor lets verified code use it
        // (with another attribute that we do not implement, the item is still reported); a
        // function's signature stays for a specification that may name it (external-specs.ts)
        out.splice(outAt);
        const fnSpec = self?.k === 'fn' ? attrList.find((a) => hasVerifierAttr([a.text], 'external_fn_specification')) : undefined;
        if (fnSpec) out.push({ k: 'error', what: 'external_fn_specification', diagnostic: this.report('an `assume_specification` declaration cannot be marked `external`', fnSpec.sp), sp: fnSpec.sp, module });
        else if (self?.k === 'fn' && !self.parseError) out.push({ k: 'external-fn', fn: { ...self, body: null }, sp: self.sp, module });
        // a constant, a function without arguments to Verus: its signature stays, its value unread
        for (const it of made) if (it.k === 'const' && !it.viaFn) out.push({ k: 'external-fn', fn: constAsExternalFn(it), sp: it.sp, module });
        // (an impl still decides which types implement its trait: traits.ts)
        for (const it of made) if (it.k === 'trait-impl') out.push({ ...it, methods: [], external: true });
        // a trait stays for a specification that may name it (external-traits.ts)
        for (const it of made) if (it.k === 'trait') out.push({ k: 'external-trait', trait: it, sp: it.sp, module });
        // a datatype stays for a specification that may name it (external-types.ts)
        for (const it of made) {
          if (it.k !== 'struct' && it.k !== 'enum') continue;
          const spec = attrList.find((a) => hasVerifierAttr([a.text], 'external_type_specification'));
          if (spec) out.push({ k: 'error', what: 'external_type_specification', diagnostic: this.report('a type cannot be marked both `external_type_specification` and `external`', spec.sp), sp: spec.sp, module });
          else out.push({ k: 'external-type', dt: it, sp: it.sp, module });
        }
        for (const b of bad) out.push({ k: 'unsupported', what: `attribute \`#[${b.attr}]\``, sp: b.sp, module, ...(b.crate ? { crate: true } : {}) });
      } else if (bad.length) {
        // a `global` item under an attribute not implemented (`#[cfg(..)]`) fixes no width
        for (let i = out.length - 1; i >= outAt; i--) if (out[i]!.k === 'global-size') out.splice(i, 1);
        const fns = made.filter((it): it is FnItem => it.k === 'fn');
        for (const f of fns) f.unsupportedAttrs = [...(f.unsupportedAttrs ?? []), ...bad];
        if (self?.k !== 'fn') {
          for (const b of bad) out.push({ k: 'unsupported', what: `attribute \`#[${b.attr}]\``, sp: b.sp, module, ...(b.crate ? { crate: true } : {}) });
        }
      }
    }
  }

  /**
   * `#[verifier::external_trait_specification]` (optionally naming its associated type) and
   * `#[verifier::external_trait_extension(TSpec via TSpecImpl)]` on a trait: recorded on it for
   * external-traits.ts (true); any other attribute, or these on another item: false.
   */
  externalTraitAttr(a: { text: string; sp: Sp; words?: string[] }, made: Item[]): boolean {
    const trait = made.length === 1 && made[0]!.k === 'trait' ? made[0] : null;
    if (!trait) return false;
    const spec = /^verifier::external_trait_specification(?:\((\w+)\))?$/.exec(a.text);
    if (spec) {
      trait.externalSpec = { ...trait.externalSpec, forAssoc: spec[1] ?? 'ExternalTraitSpecificationFor', sp: a.sp };
      return true;
    }
    const w = a.words;
    if (w?.length === 5 && w[3] === 'via') {
      trait.externalSpec = { forAssoc: trait.externalSpec?.forAssoc ?? 'ExternalTraitSpecificationFor', sp: trait.externalSpec?.sp ?? a.sp, extension: { spec: w[2]!, impl: w[4]!, sp: a.sp } };
      return true;
    }
    return false;
  }

  /** The item after its attributes; returns what kind of item it was, for the attributes. */
  itemAfterAttrs(out: Item[], module: string[], selfType: string | null, attrList: { text: string; sp: Sp; str?: string }[]): AttrSite {
    const start = attrList[0]?.sp.start ?? this.peek().start;
    const attrs = attrList.map((a) => a.text);
    const vis = this.visibility();
    const pub = vis.k !== 'private';
    const t = this.peek();
    if (t.kind === 'ident' && t.text === 'broadcast' && this.is('use', 1)) {
      this.next();
      this.next();
      const names = this.broadcastNames();
      this.expect(';');
      out.push({ k: 'broadcast-use', names, sp: { start, end: this.lastEnd() }, module });
      return 'item';
    }
    if (t.kind === 'ident' && t.text === 'broadcast' && this.peek(1).kind === 'ident' && this.peek(1).text === 'group' && this.peek(2).kind === 'ident') {
      this.next();
      this.next();
      const name = this.ident();
      this.expect('{');
      const members = this.commaList('}', () => this.broadcastName());
      out.push({ k: 'broadcast-group', name, selfType, members, sp: { start, end: this.lastEnd() }, module, vis });
      return 'item';
    }
    // `extern "C" { .. }`: foreign functions and types, which Verus does not verify or let verified
    // code use (`#[verifier::external]` on one makes it an ignored function, as anywhere)
    if (t.text === 'extern' && this.peek(1).kind === 'string' && this.is('{', 2)) {
      this.next();
      this.next();
      this.next();
      this.foreignItems(module, out);
      return 'item';
    }
    // (`extern crate x;`, `use ..;`; `extern "abi" fn` is a function)
    if (t.text === 'use' || (t.text === 'extern' && !(this.peek(1).kind === 'string' && this.is('fn', 2)) && !this.is('fn', 1))) {
      while (!this.is(';') && this.peek().kind !== 'eof') {
        if (this.is('{')) this.skipBalanced();
        else this.next();
      }
      this.expect(';');
      return 'item';
    }
    if (t.text === 'mod') {
      this.next();
      const name = this.ident();
      if (this.eat(';')) return 'item';
      this.expect('{');
      this.parseItemsUntil('}', out, [...module, name]);
      this.expect('}');
      return 'item';
    }
    // `tracked struct` / `ghost enum`: a datatype whose values exist only in proof / spec code
    if (t.kind === 'ident' && (t.text === 'tracked' || t.text === 'ghost') && (this.is('struct', 1) || this.is('enum', 1))) {
      this.next();
      const dataMode = t.text;
      const dt = this.is('struct') ? this.structItem(start, module) : this.enumItem(start, module);
      return out.push({ ...dt, dataMode, attrs, vis }), 'type';
    }
    if ((t.text === 'union' && this.peek(1).kind === 'ident') || (t.kind === 'ident' && (t.text === 'tracked' || t.text === 'ghost') && this.is('union', 1))) {
      const moded = t.text !== 'union' ? this.next() : null;
      return out.push({ ...this.unionItem(start, module, moded ? { start: moded.start, end: moded.end } : null), attrs, vis }), 'type';
    }
    if (t.text === 'struct') return out.push({ ...this.structItem(start, module), attrs, vis }), 'type';
    if (t.text === 'enum') return out.push({ ...this.enumItem(start, module), attrs, vis }), 'type';
    if (t.text === 'impl') return this.implItem(out, module), 'item';
    if (t.text === 'const' && !this.is('fn', 1)) return out.push(this.constItem(start, selfType, module, vis)), 'item';
    if (t.text === 'type') {
      this.next();
      const name = this.ident();
      // `type Y<T> = ..`: type parameters (lifetimes erased; a const parameter is not modelled)
      const params = this.genericParams();
      this.expect('=');
      const ty = this.type();
      this.expect(';');
      const sp = { start, end: this.lastEnd() };
      if (params.some((p) => p.kind !== 'type')) out.push({ k: 'unsupported', what: `type alias \`${name}\` with a const parameter`, sp, module });
      else out.push({ k: 'type', name, ...(params.length ? { generics: params.map((p) => p.name) } : {}), ty, sp, module });
      return 'item';
    }
    if (t.text === 'trait') {
      const consts: ConstItem[] = [];
      out.push(this.traitItem(start, module, vis, consts), ...consts);
      return 'item';
    }
    // `unsafe trait` (implementing it is unsafe) / `unsafe impl`
    if (t.text === 'unsafe' && (this.is('trait', 1) || this.is('impl', 1))) {
      const unsafeSp = { start: t.start, end: t.end };
      this.next();
      if (this.is('trait')) {
        const consts: ConstItem[] = [];
        out.push({ ...this.traitItem(start, module, vis, consts), unsafeSp }, ...consts);
        return 'item';
      }
      const before = out.length;
      this.implItem(out, module);
      // (the impl just made: its methods refer to it)
      for (const it of out.slice(before)) if (it.k === 'trait-impl') it.unsafeSp = unsafeSp;
      return 'item';
    }
    if (t.kind === 'ident' && t.text === 'global') {
      const g = this.globalSizeItem(start, module);
      if (g) return out.push(g), 'item';
    }
    // `static X: T = v;`: an exec constant whose value readers do not see (as Verus reads it)
    if (t.text === 'static' && this.peek(1).kind === 'ident' && this.is(':', 2)) return out.push(...this.execConstWithEnsures(start, selfType, module, vis, [], 'static')), 'item';
    if (t.text === 'static' || t.text === 'union' || t.text === 'macro_rules' || (t.kind === 'ident' && t.text === 'global')) {
      this.next();
      this.recoverItemSimple();
      out.push({ k: 'unsupported', what: `\`${t.text}\` item`, sp: { start, end: this.lastEnd() }, module });
      return 'item';
    }
    // function with modifiers
    let mode: FnMode = 'exec';
    let open = false;
    // `open` / `closed` / `uninterp` tokens, for the checks below
    const marks = new Map<string, Token>();
    let unsafeSp: Sp | undefined;
    let isAsync = false;
    let openVis: Visibility | undefined;
    let broadcastSp: Sp | undefined;
    for (;;) {
      const w = this.peek();
      const modifier = w.kind === 'ident' && !this.is('!', 1) ? verusModifier(w.text) : undefined;
      if (modifier?.treatment === 'unsupported') {
        this.next();
        this.recoverItemSimple();
        out.push({ k: 'unsupported', what: `\`${w.text}\` item`, sp: { start, end: this.lastEnd() }, module });
        return 'item';
      }
      if (modifier) {
        if (modifier.treatment === 'mode') mode = modifier.mode!;
        if (modifier.treatment === 'broadcast') broadcastSp = { start: w.start, end: w.end };
        if (w.text === 'open') open = true;
        marks.set(w.text, w);
        this.next();
        if (this.is('(')) {
          // `open(super)`, `open(in m)`: the body is visible in part of the crate only; module
          // privacy is not modeled by VC generation, so it counts as closed there (visible in its
          // own module); the checking phase reads the restriction (check/visibility.ts)
          if (w.text === 'open' && !(this.is('crate', 1) && this.is(')', 2))) open = false;
          if (w.text === 'open') openVis = this.restriction(w.start);
          else this.skipBalanced(); // spec(checked)
        }
        continue;
      }
      if (w.text === 'static' && marks.has('exec') && marks.size === 1 && this.peek(1).kind === 'ident' && this.is(':', 2)) return out.push(...this.execConstWithEnsures(start, selfType, module, vis, attrList.map((a) => a.text), 'static')), 'item';
      // `spec const X: T = e;` / `exec const ..`: a constant of one mode (a plain `const` is both)
      if (w.text === 'const' && (marks.has('spec') || marks.has('exec') || marks.has('proof')) && this.peek(1).kind === 'ident' && this.is(':', 2) && marks.size === 1) {
        const constMode = marks.has('spec') ? 'spec' : marks.has('exec') ? 'exec' : 'proof';
        if (constMode === 'exec' && this.constWithEnsures()) return out.push(...this.execConstWithEnsures(start, selfType, module, vis, attrList.map((a) => a.text), 'const')), 'item';
        return out.push({ ...this.constItem(start, selfType, module, vis), mode: constMode }), 'item';
      }
      if (w.text === 'const' || w.text === 'unsafe' || w.text === 'async' || w.text === 'extern') {
        if (w.text === 'unsafe') unsafeSp = { start: w.start, end: w.end };
        if (w.text === 'async') isAsync = true;
        this.next();
        // (`extern "rust-call" fn`: the calling convention, no meaning here)
        if (w.text === 'extern' && this.peek().kind === 'string' && this.is('fn', 1)) this.next();
        continue;
      }
      break;
    }
    // `assume_specification<..>[path](..) -> .. clauses;`: a specification of another function
    // (a function without a body here, external-specs.ts), or of a constant (`[C] -> u8 returns ..`)
    const assume = this.peek().kind === 'ident' && this.peek().text === 'assume_specification' && (this.is('[', 1) || this.is('<', 1));
    if (assume) {
      let j = this.i;
      while (j < this.toks.length && this.toks[j]!.text !== '[') j++;
      const close = this.matchOf[j] ?? -1;
      if (close < 0 || (this.toks[close + 1]?.text !== '(' && this.toks[close + 1]?.text !== '->')) {
        this.recoverItemSimple();
        out.push({ k: 'unsupported', what: '`assume_specification` of this form', crate: true, sp: { start, end: this.lastEnd() }, module });
        return 'item';
      }
      // (`[<*const T as PartialOrd>::lt]`: a method of a raw pointer type: not modelled)
      if (this.toks[j + 1]?.text === '<' && this.toks[j + 2]?.text === '*') {
        this.recoverItemSimple();
        out.push({ k: 'unsupported', what: '`assume_specification` of a method of a raw pointer type', crate: true, sp: { start, end: this.lastEnd() }, module });
        return 'item';
      }
    }
    if (this.is('fn') || assume) {
      const fn = this.fnItem(start, attrs, mode, open, selfType, module, assume);
      if (fn.name.startsWith('VERUS_SPEC__')) {
        // (what Verus's syntax macro expands a trait method's clauses to: a name no user writes)
        out.push({ k: 'unsupported', what: `\`${fn.name}\`: Verus's expanded form of a method specification`, sp: fn.nameSp, module, expandedSpec: fn });
        return 'item';
      }
      fn.attrSps = attrList.map((a) => a.sp);
      this.autoSpec(fn);
      const reqErr = attrList.find((a) => /^verifier(::|\()custom_req_err\b/.test(a.text));
      if (reqErr?.str !== undefined) fn.customReqErr = reqErr.str;
      if (unsafeSp) fn.unsafeSp = unsafeSp;
      if (isAsync) fn.isAsync = true;
      fn.vis = vis;
      if (openVis) fn.openVis = openVis;
      if (marks.has('closed')) fn.closed = true;

      if (marks.has('uninterp')) fn.uninterp = true;
      if (broadcastSp) fn.broadcast = broadcastSp;
      else if (fn.allTriggers) fn.unsupportedClauses.push({ clause: '`#![all_triggers]` in the postcondition of a function that is not `broadcast`', sp: fn.allTriggers });
      else if (fn.clauseTriggers) fn.unsupportedClauses.push({ clause: '`#![trigger ..]` in the postcondition of a function that is not `broadcast`', sp: fn.clauseTriggers[0]![0]!.sp });
      // Verus' checks of the modifiers (it rejects these programs)
      const openOrClosed = marks.get('open') ?? marks.get('closed');
      const un = marks.get('uninterp');
      let bad: [string, { start: number; end: number }] | null = null;
      if (openOrClosed && mode !== 'spec') bad = ['only `spec` functions can be marked `open` or `closed`', openOrClosed];
      else if (marks.has('open') && !pub && selfType === null) bad = ['function is marked `open` but not marked `pub`; for the body of a function to be visible, the function symbol must also be visible', marks.get('open')!];
      else if (un && mode !== 'spec') bad = ['only `spec` functions can be marked `uninterp`', un];
      else if (broadcastSp && mode !== 'proof') bad = ['only `proof` functions can be marked `broadcast`', broadcastSp];
      else if (un && (fn.body || marks.has('open'))) bad = ['an `uninterp` spec function cannot have a body or be `open`', un];
      else if (fn.name === 'main' && module.length === 0 && selfType === null && mode !== 'exec') bad = ['`main` function must be an exec function', nameTokOf(fn)];
      // `axiom fn f(..) ensures ..;`: a proof fn whose postcondition is trusted, as Verus reads it
      // (the body-less `external_body` proof fn it stands for)
      if (marks.has('axiom')) {
        if (fn.body) bad ??= ['an `axiom` cannot have a body', marks.get('axiom')!];
        fn.attrs = [...fn.attrs, 'verifier::external_body'];
        fn.body = { stmts: [], sp: { start: this.lastEnd(), end: this.lastEnd() } };
      }
      if (bad && !fn.parseError) fn.parseError = { diagnostic: this.report(bad[0], { start: bad[1].start, end: bad[1].end }), inBody: true };
      out.push(fn);
      return 'fn';
    }
    if (this.is('verus') && this.is('!', 1) && (this.is('{', 2) || this.is('(', 2) || this.is('[', 2))) {
      // a verus! block inside verus! adds nothing (Verus accepts it): its items are this block's
      this.macroItems(out, module);
      return 'item';
    }
    if ((this.is('exec_spec_verified') || this.is('exec_spec_unverified')) && this.is('!', 1) && (this.is('{', 2) || this.is('(', 2) || this.is('[', 2))) {
      // vstd's exec_spec macros: their items are this block's, each marked for exec-spec.ts, which
      // adds the executable versions the macro generates
      const verified = this.peek().text === 'exec_spec_verified';
      const from = out.length;
      this.macroItems(out, module);
      const mark: ExecSpecMark = { verified, sp: { start, end: this.lastEnd() } };
      for (const it of out.slice(from)) if (it.k === 'fn' || it.k === 'struct' || it.k === 'enum' || it.k === 'trait-impl') it.execSpec = mark;
      return 'item';
    }
    if ((this.is('state_machine') || this.is('tokenized_state_machine')) && this.is('!', 1)) {
      out.push(this.stateMachine(start, module));
      return 'item';
    }
    if (this.peek().kind === 'ident' && this.is('!', 1)) {
      // A macro at item level hides whatever items it makes: an error, never a silent skip.
      const nameTok = this.next();
      this.next();
      if (!this.is('{') && !this.is('(') && !this.is('[')) this.error(`expected \`{\`, \`(\` or \`[\` after \`${nameTok.text}!\``);
      this.skipBalanced();
      this.eat(';');
      const sp = { start, end: this.lastEnd() };
      const what = `unknown macro \`${nameTok.text}!\``;
      const diagnostic = this.report(`${what}: its contents are not verified`, sp);
      out.push({ k: 'error', what, diagnostic, sp, module });
      return 'item';
    }
    this.error(`expected item, found \`${this.peek().text}\``);
  }
  /** `name! { items }` (or `( .. )` / `[ .. ]`, then an optional `;`): its items, read into `out`. */
  private macroItems(out: Item[], module: string[]): void {
    this.next();
    this.next();
    const close = this.next().text === '{' ? '}' : this.toks[this.i - 1]!.text === '(' ? ')' : ']';
    this.parseItemsUntil(close, out, module);
    this.expect(close);
    this.eat(';');
  }

  /** The terms of a `#[trigger ..]` / `#![trigger ..]` group, up to its `]` (not consumed). */
  private triggerTerms(): Expr[] {
    const group: Expr[] = [];
    do group.push(this.expr());
    while (this.eat(',') && !this.is(']'));
    return group;
  }

  /**
   * The items of an `extern "ABI" { .. }` block, up to its `}`: each function is read as a function
   * without a body; under `#[verifier::external]` it is an ignored function (calls are Verus's
   * error), a specification attribute on it is Verus's error, and anything else (a function
   * without the attribute, a foreign type) is `unsupported`.
   */
  private foreignItems(module: string[], out: Item[]): void {
    const items: Item[] = [];
    while (!this.is('}') && this.peek().kind !== 'eof') {
      const start = this.peek().start;
      if (this.is('type') || this.is('static') || this.is('pub')) {
        while (!this.is(';') && !this.is('}') && this.peek().kind !== 'eof') this.next();
        this.eat(';');
        out.push({ k: 'unsupported', what: 'an item of an `extern` block other than a function', sp: { start, end: this.lastEnd() }, module });
        continue;
      }
      const before = items.length;
      this.item(items, module, null);
      for (const it of items.slice(before)) {
        if (it.k === 'fn' && hasVerifierAttr(it.attrs, 'external_fn_specification')) out.push({ k: 'error', what: 'external_fn_specification', diagnostic: this.report('assume_specification not supported here', it.nameSp), sp: it.nameSp, module });
        else if (it.k === 'fn') out.push({ k: 'unsupported', what: `the foreign function \`${it.name}\` (an \`extern\` block)`, sp: it.nameSp, module });
        else out.push(it);
      }
    }
    this.expect('}');
  }

  /**
   * vstd's `#[auto_spec]` (`vstd::contrib::auto_spec`, which the file must import or name) on an
   * exec fn: the function is `#[verifier::allow_in_spec]` with its body, proof blocks dropped, as
   * its `returns` clause (its meaning in spec code, and its postcondition). A body with other
   * statements than `let` and `proof { .. }` is an unsupported clause; check/when-used-as-spec.ts
   * judges the result as any `allow_in_spec` fn.
   */
  private autoSpec(fn: FnItem): void {
    const at = fn.attrs.findIndex((a) => /^(?:(?:vstd::)?contrib::)?auto_spec$/.test(a));
    if (at < 0) return;
    const sp = fn.attrSps?.[at] ?? fn.nameSp;
    if (!this.namesAutoSpec()) {
      fn.parseError ??= { diagnostic: this.report('cannot find attribute `auto_spec` in this scope', sp), inBody: true };
      return;
    }
    fn.attrs = fn.attrs.map((a, i) => (i === at ? 'verifier::allow_in_spec' : a));
    const body = fn.body;
    if (fn.mode !== 'exec' || !body || fn.returns) return;
    const kept = body.stmts.filter((st) => st.k !== 'proof');
    const tail = kept[kept.length - 1];
    if (!tail || tail.k !== 'expr' || tail.semi || !kept.slice(0, -1).every((st) => st.k === 'let')) {
      fn.unsupportedClauses.push({ clause: '`#[auto_spec]` of a body other than `let`s and proof blocks before its value', sp });
      return;
    }
    const value: Expr = kept.length === 1 ? tail.e : { k: 'block', block: { stmts: kept, sp: body.sp }, sp: body.sp };
    // (an integer body is read at the result's type, as its exec value is: `x + y` of `u32`s
    // means `(x + y) as u32`)
    const ret = fn.ret?.ty;
    fn.returns = ret?.k === 'path' && ret.segs.length === 1 && INT_TYPE_NAMES.has(ret.segs[0]!) ? { k: 'cast', e: value, ty: ret, sp: value.sp } : value;
  }

  /** Whether the file imports or names `vstd::contrib::auto_spec` (`contrib::auto_spec`, `contrib::*`, `contrib::{.., auto_spec}`). */
  private namesAutoSpec(): boolean {
    return this.toks.some((t, i) => {
      if (t.text !== 'contrib' || this.toks[i + 1]?.text !== '::') return false;
      const next = this.toks[i + 2];
      if (next?.text === 'auto_spec' || next?.text === '*') return true;
      if (next?.text !== '{') return false;
      const close = this.matchOf[i + 2] ?? -1;
      return close > 0 && this.toks.slice(i + 3, close).some((x) => x.text === 'auto_spec');
    });
  }

  /**
   * `state_machine!{ Name<..> { .. } }` / `tokenized_state_machine!{ .. }`, read as written: the
   * `fields` block, the `init!` / `transition!` / `readonly!` / `property!` declarations, and the
   * other items (functions, `Label` types) with their `#[invariant]` / `#[inductive(..)]` roles.
   * state-machines/ checks it and expands it into ordinary items.
   */
  stateMachine(start: number, module: string[]): StateMachineItem {
    const tokenized = this.next().text === 'tokenized_state_machine';
    this.next();
    const open = this.next().text;
    const close = open === '{' ? '}' : open === '(' ? ')' : open === '[' ? ']' : this.error('expected `{` after the state machine macro');
    const nameTok = this.peek();
    const name = this.ident();
    // `X<'a>`, `X<const N: usize>`: Verus's macro takes type parameters only
    const nonType = this.is('<') && (this.peek(1).kind === 'lifetime' || this.is('const', 1)) ? { start: this.peek(1).start, end: this.peek(1).end } : null;
    const generics = this.genericParams();
    const sm: StateMachineItem = { k: 'state-machine', tokenized, name, nameSp: { start: nameTok.start, end: nameTok.end }, generics, fields: [], fieldsSp: null, extraFields: [], transitions: [], items: [], roles: [], sp: { start, end: start }, module, ...(nonType ? { nonTypeGeneric: nonType } : {}) };
    this.expect('{');
    while (!this.eat('}')) {
      const attrList = this.attrList();
      const t = this.peek();
      if (t.text === 'fields' && this.is('{', 1)) {
        const fs = this.next().start;
        this.next();
        while (!this.eat('}')) {
          const attrs = this.attrList();
          const sharding = attrs
            .map((a) => ({ m: /^sharding\s*\(\s*(\w+)\s*\)$/.exec(a.text), sp: a.sp }))
            .filter((a) => a.m)
            .map((a) => ({ strategy: a.m![1]!, sp: a.sp }));
          const others = attrs.filter((a) => /^verifier(::|\()(spec|proof|exec)\)?$/.test(a.text));
          const vis = this.visibility();
          const s = this.peek().start;
          const fname = this.ident();
          this.expect(':');
          const ty = this.type();
          sm.fields.push({ name: fname, ty, sp: { start: s, end: this.lastEnd() }, vis, sharding, ...(others.length ? { modeAttrs: others.map((a) => a.sp) } : {}) });
          if (!this.eat(',')) {
            this.expect('}');
            break;
          }
        }
        const sp = { start: fs, end: this.lastEnd() };
        if (sm.fieldsSp) sm.extraFields.push(sp);
        else sm.fieldsSp = sp;
        continue;
      }
      if ((t.text === 'init' || t.text === 'transition' || t.text === 'readonly' || t.text === 'property') && this.is('!', 1)) {
        sm.transitions.push(this.transitionDecl());
        continue;
      }
      // any other item; its `#[invariant]` / `#[inductive(tr)]` attribute is the macro's
      let role: StateMachineItem['roles'][number] = null;
      const rest = attrList.filter((a) => {
        const m = /^inductive\s*\(\s*(\w+)\s*\)$/.exec(a.text);
        if (a.text === 'invariant' || m) role = { role: m ? 'inductive' : 'invariant', transition: m?.[1] ?? null, sp: a.sp };
        return !(a.text === 'invariant' || m);
      });
      // (a mode written as an attribute on an invariant or lemma: Verus's error, kept for the check)
      const modeAttr = rest.find((a) => /^verifier(::|\()(spec|proof|exec)\)?$/.test(a.text));
      if (role && modeAttr) (role as { modeAttr?: Sp }).modeAttr = modeAttr.sp;
      const at = sm.items.length;
      this.item(sm.items, [...module, name], 'State', rest);
      for (let i = at; i < sm.items.length; i++) sm.roles.push(role);
    }
    this.expect(close);
    this.eat(';');
    sm.sp = { start, end: this.lastEnd() };
    return sm;
  }
  /** `transition!{ name(params) { stmts } }` (also `init!`, `readonly!`, `property!`). */
  transitionDecl(): TransitionDecl {
    const start = this.peek().start;
    const kind = this.next().text as TransitionDecl['kind'];
    this.next();
    this.expect('{');
    const nameTok = this.peek();
    const name = this.ident();
    this.expect('(');
    const params = this.commaList(')', () => {
      const s = this.peek().start;
      const n = this.ident();
      this.expect(':');
      const ty = this.type();
      return { name: n, ty, sp: { start: s, end: this.lastEnd() } };
    });
    const body = this.transitionBlock();
    this.expect('}');
    return { kind, name, nameSp: { start: nameTok.start, end: nameTok.end }, params, body, sp: { start, end: this.lastEnd() } };
  }
  transitionBlock(): TransitionStmt[] {
    this.expect('{');
    const out: TransitionStmt[] = [];
    while (!this.eat('}')) {
      if (this.eat(';')) continue;
      out.push(this.transitionStmt());
    }
    return out;
  }
  transitionStmt(): TransitionStmt {
    const s = this.peek().start;
    const t = this.peek();
    const sp = () => ({ start: s, end: this.lastEnd() });
    if (t.text === 'let' || (t.text === 'birds_eye' && (this.is('let', 1) || this.is('require', 1)))) {
      const birdsEye = this.eat('birds_eye');
      if (this.eat('require')) {
        const e = this.expr();
        this.expect(';');
        return { k: 'require', e, sp: sp(), birdsEye };
      }
      this.expect('let');
      const pat = this.pat();
      const ty = this.eat(':') ? this.type() : null;
      this.expect('=');
      const init = this.expr();
      this.expect(';');
      return { k: 'let', pat, ty, init, birdsEye, sp: sp() };
    }
    if (t.text === 'if') {
      this.next();
      // `if let ..` / `if c && let ..` (a let-chain): Verus refuses both in a transition
      let j = this.i;
      while (j < this.toks.length && this.toks[j]!.text !== '{' && this.toks[j]!.text !== 'let') j = this.toks[j]!.text === '(' || this.toks[j]!.text === '[' ? this.matchOf[j]! + 1 : j + 1;
      if (this.toks[j]?.text === 'let') {
        // Verus refuses `if let` in a transition: read past it
        while (!this.is('{') && this.peek().kind !== 'eof') this.is('(') || this.is('[') ? this.skipBalanced() : this.next();
        this.skipBalanced();
        while (this.eat('else')) {
          while (!this.is('{') && this.peek().kind !== 'eof') this.is('(') || this.is('[') ? this.skipBalanced() : this.next();
          this.skipBalanced();
        }
        return { k: 'if-let', sp: sp() };
      }
      const cond = this.exprNS();
      const thenStart = this.peek().start;
      const then = this.transitionBlock();
      const thenSp = { start: thenStart, end: this.lastEnd() };
      let els: TransitionStmt[] | null = null;
      let elsSp: Sp | null = null;
      if (this.eat('else')) {
        const es = this.peek().start;
        els = this.is('if') ? [this.transitionStmt()] : this.transitionBlock();
        elsSp = { start: es, end: this.lastEnd() };
      }
      return { k: 'if', cond, then, els, sp: sp(), thenSp, elsSp };
    }
    if (t.text === 'match') {
      this.next();
      const scrut = this.exprNS();
      this.expect('{');
      const arms: Extract<TransitionStmt, { k: 'match' }>['arms'] = [];
      while (!this.eat('}')) {
        const as = this.peek().start;
        const pat = this.pat();
        const guard = this.eat('if') ? this.expr() : null;
        this.expect('=>');
        const body = this.is('{') ? this.transitionBlock() : [this.transitionStmt()];
        arms.push({ pat, guard, body, sp: { start: as, end: this.lastEnd() } });
        this.eat(',');
      }
      return { k: 'match', scrut, arms, sp: sp() };
    }
    if ((t.text === 'require' || t.text === 'assert') && (this.is('let', 1) || (this.is('birds_eye', 1) && this.is('let', 2)))) {
      // `require let PAT = e;` / `assert let PAT = e;` (a pattern that must match): read, not modelled
      this.next();
      const birdsEye = this.eat('birds_eye');
      this.expect('let');
      const pat = this.pat();
      this.expect('=');
      const e = this.expr();
      this.expect(';');
      return { k: 'let-match', kind: t.text, pat, e, birdsEye, sp: sp() };
    }
    if (t.text === 'require' || t.text === 'assert') {
      this.next();
      const e = this.expr();
      if (t.text === 'require') {
        this.expect(';');
        return { k: 'require', e, sp: sp() };
      }
      const proof = this.eat('by') ? this.block() : null;
      if (!proof) this.expect(';');
      else this.eat(';');
      return { k: 'assert', e, proof, sp: sp() };
    }
    if ((t.text === 'update' || t.text === 'init') && this.peek(1).kind === 'ident') {
      this.next();
      const ft = this.peek();
      const field = this.ident();
      let index: Expr | null = null;
      if (this.eat('[')) {
        index = this.expr();
        this.expect(']');
      }
      this.expect('=');
      const e = this.expr();
      this.expect(';');
      return { k: t.text, field, fieldSp: { start: ft.start, end: ft.end }, index, e, sp: sp() };
    }
    if (['add', 'remove', 'have', 'deposit', 'withdraw', 'guard'].includes(t.text) && this.peek(1).kind === 'ident') {
      // `add f += Some(e);`, `remove f -= {e};`, `have f >= [k => let v];`, `add f (union)= set {e} by { .. };`
      this.next();
      const ft = this.peek();
      const field = this.ident();
      let operator = this.peek().text;
      if (this.is('(') && this.is('union', 1) && this.is(')', 2)) {
        this.i += 3;
        operator = '(union)=';
      } else this.next();
      this.eat('=');
      const es = this.i;
      const head = this.peek().text;
      const elem: Extract<TransitionStmt, { k: 'special' }>['elem'] = head === 'Some' && this.is('(', 1) ? 'option' : head === '{' ? 'multiset' : head === 'set' && this.is('{', 1) ? 'set' : head === '[' ? 'map' : head === 'true' ? 'bool' : head === '(' ? 'general' : 'other';
      while (!this.is(';') && !this.is('by') && !this.is('}') && this.peek().kind !== 'eof') {
        if (this.is('{') || this.is('(') || this.is('[')) this.skipBalanced();
        else this.next();
      }
      const toks = this.toks.slice(es, this.i);
      const binds = toks.some((x) => x.text === 'let');
      const opaquePre = toks.some((x, j) => x.text === 'pre' && toks[j + 1]?.text !== '.');
      const bound = toks.flatMap((x, j) => (x.text === 'let' && toks[j + 1]?.kind === 'ident' && toks[j + 2]?.text !== '::' && toks[j + 2]?.text !== '(' ? [toks[j + 1]!.text] : []));
      const end = this.i;
      const value = this.specialElem(es, end);
      const proof = this.eat('by');
      const proofBlock = proof ? this.block() : null;
      this.eat(';');
      return { k: 'special', op: t.text, field, fieldSp: { start: ft.start, end: ft.end }, operator, elem, value, binds, bound, opaquePre, proof, proofBlock, sp: sp() };
    }
    this.error(`expected a transition statement (\`require\`, \`assert\`, \`update\`, \`init\`, \`let\`, \`if\`, \`match\`), found \`${t.text}\``);
  }
  /**
   * The element of a special statement, read again from its tokens `[from, to)`: `Some(v)`, `{v}`,
   * `set {v}`, `[k => v]`, `true`, `(e)`, where `v` may be `let PAT`. Null when the tokens are not
   * exactly one of these (the statement is then read but given no meaning).
   */
  private specialElem(from: number, to: number): SpecialElem | null {
    const save = this.i;
    const diags = this.diags.length;
    const value = (): ElemValue => (this.eat('let') ? { k: 'let', pat: this.pat() } : { k: 'expr', e: this.expr() });
    try {
      this.i = from;
      let out: SpecialElem | null = null;
      if (this.is('Some') && this.is('(', 1)) {
        this.i += 2;
        const v = value();
        this.expect(')');
        out = { k: 'option', v };
      } else if (this.is('set') && this.is('{', 1)) {
        this.i += 2;
        const v = value();
        this.expect('}');
        out = { k: 'set', v };
      } else if (this.eat('{')) {
        const v = value();
        this.expect('}');
        out = { k: 'multiset', v };
      } else if (this.eat('[')) {
        const key = this.expr();
        this.expect('=>');
        const v = value();
        this.expect(']');
        out = { k: 'map', key, v };
      } else if (this.eat('true')) out = { k: 'bool' };
      else if (this.eat('(')) {
        const e = this.expr();
        this.expect(')');
        out = { k: 'general', e };
      }
      return out && this.i === to ? out : null;
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      this.diags.length = diags;
      return null;
    } finally {
      this.i = save;
    }
  }
  /** `a::b, c` or `{a::b, c}` after `broadcast use` (a trailing comma allowed in braces). */
  broadcastNames(): BroadcastName[] {
    const names: BroadcastName[] = [];
    if (this.eat('{')) {
      while (!this.eat('}')) {
        names.push(this.broadcastName());
        if (!this.eat(',')) {
          this.expect('}');
          break;
        }
      }
      return names;
    }
    do names.push(this.broadcastName());
    while (this.eat(','));
    return names;
  }
  broadcastName(): BroadcastName {
    const s = this.peek().start;
    this.eat('::');
    const segs = [this.ident()];
    while (this.eat('::')) segs.push(this.ident());
    return { segs, sp: { start: s, end: this.lastEnd() } };
  }
  /**
   * `global size_of usize == N;` or `global layout usize is size == N(, align == M)?;` (also
   * `isize`), or null with nothing consumed: other `global` items (layouts of other types).
   */
  private globalSizeItem(start: number, module: string[]): Item | null {
    const at = (i: number, text: string) => this.peek(i).text === text;
    const layout = at(1, 'layout');
    if (!layout && !at(1, 'size_of')) return null;
    const ty = this.peek(2).text;
    if (ty !== 'usize' && ty !== 'isize') return this.globalLayoutItem(start, module, layout);
    // the tokens before the size: `global size_of T ==` or `global layout T is size ==`
    const head = layout ? ['is', 'size', '=='] : ['=='];
    if (!head.every((w, k) => at(3 + k, w))) return null;
    const n = this.peek(3 + head.length);
    if (n.kind !== 'int') return null;
    for (let k = 0; k < 4 + head.length; k++) this.next();
    const bytes = Number(n.text.replace(/_/g, '').replace(/(usize|u\d+)$/, ''));
    if (layout && this.is(',')) {
      // `align == M`: the alignment says nothing the proofs use
      this.next();
      if (!(this.peek().text === 'align' && this.is('==', 1) && this.peek(2).kind === 'int')) this.error('expected `align == N`');
      else for (let k = 0; k < 3; k++) this.next();
    }
    this.expect(';');
    return { k: 'global-size', ty, bytes, sp: { start, end: this.lastEnd() }, module };
  }
  /** `global size_of T == N;` / `global layout T is size == N[, align == M];` of another type (null: not that form, nothing read). */
  private globalLayoutItem(start: number, module: string[], layout: boolean): Item | null {
    const save = this.i;
    // (the parser's own integer literal: hex, `_`, suffix, bounded length)
    const int = (): bigint | null => {
      if (this.peek().kind !== 'int') return null;
      const lit = this.primary();
      return lit.k === 'int' ? lit.value : null;
    };
    this.next();
    this.next();
    const ty = this.type();
    const word = (w: string) => (this.peek().text === w ? (this.next(), true) : false);
    let size: bigint | null = null;
    let align: bigint | null = null;
    if ((!layout || (word('is') && word('size'))) && word('==')) size = int();
    if (size !== null && layout && this.is(',')) {
      this.next();
      align = word('align') && word('==') ? int() : null;
      if (align === null) size = null;
    }
    if (size === null || !this.is(';')) {
      this.i = save;
      return null;
    }
    this.next();
    return { k: 'global-layout', ty, size, align, sp: { start, end: this.lastEnd() }, module };
  }

  recoverItemSimple(): void {
    while (this.peek().kind !== 'eof' && !this.is(';') && !this.is('{')) this.next();
    if (this.is('{')) this.skipBalanced();
    else this.eat(';');
  }

  /**
   * `<'a, 'b>` made of lifetimes only: read (lifetimes are erased), true; anything else (or no
   * `<`): nothing read, false.
   */
  lifetimeParams(): boolean {
    if (!this.is('<')) return false;
    let j = 1;
    while (this.peek(j).kind === 'lifetime' && (this.is(',', j + 1) || this.peek(j + 1).text.startsWith('>'))) {
      if (this.peek(j + 1).text.startsWith('>')) {
        this.i += j + 1;
        this.eatGt();
        return true;
      }
      j += 2;
    }
    return false;
  }

  /**
   * `<A, (B, u8), X = u16>` of a bound whose arguments are types (lifetimes are erased) and
   * associated-type bindings: both; anything else (a const argument): nothing read, null.
   */
  typeArgsOnly(): { types: TypeExpr[]; bindings: AssocTypeBinding[] } | null {
    const start = this.i;
    const diags = this.diags.length;
    try {
      this.expect('<');
      const out: TypeExpr[] = [];
      const bindings: AssocTypeBinding[] = [];
      while (!this.eatGt()) {
        if (this.peek().kind === 'lifetime') this.next();
        else if (this.peek().kind === 'ident' && this.is('=', 1)) {
          const bs = this.peek().start;
          const bname = this.ident();
          this.expect('=');
          bindings.push({ name: bname, ty: this.type(), sp: { start: bs, end: this.lastEnd() } });
        } else {
          if (this.peek().kind === 'int' || this.is('{') || this.is('-')) throw new ParseError('not a type argument');
          out.push(this.type());
        }
        if (!this.eat(',') && !this.peek().text.startsWith('>')) throw new ParseError('expected `,` or `>`');
      }
      return { types: out, bindings };
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      this.i = start;
      this.diags.length = diags;
      return null;
    }
  }

  /** The names of `genericParams()`. */
  generics(): string[] {
    return this.genericParams().map((g) => g.name);
  }
  /**
   * `<..>` of an item: its type and const parameters with their bounds (lifetimes are not kept;
   * a bound on or by one sets `sawLifetimeBound`). Anything not read as a parameter or bound is
   * skipped up to the next `,` / `>` and kept as an unreadable bound (`?`), so the item is
   * reported unsupported, never silently accepted.
   */
  genericParams(): GenericParam[] {
    const out: GenericParam[] = [];
    if (!this.eat('<')) return out;
    // a generic parameter list never holds a brace, `;` or `)`: stop there, so that a stray `<`
    // cannot swallow the rest of the block
    const ends = () => this.peek().kind === 'eof' || this.is('{') || this.is('}') || this.is(';') || this.is(')');
    while (!this.eatGt()) {
      if (ends()) this.error('unterminated generics');
      const s = this.peek().start;
      if (this.peek().kind === 'lifetime') {
        this.next();
        if (this.eat(':')) {
          this.sawLifetimeBound = true;
          this.skipGenericItem();
        }
      } else if (this.eat('const')) {
        const name = this.ident();
        this.expect(':');
        const constTy = this.type();
        const bounds: TraitBound[] = [];
        if (this.eat('=')) {
          const ds = this.peek().start;
          this.skipGenericItem();
          bounds.push({ name: '?', hasArgs: false, maybe: false, sp: { start: ds, end: this.lastEnd() } });
        }
        out.push({ name, kind: 'const', bounds, constTy, sp: { start: s, end: this.lastEnd() } });
      } else if (this.peek().kind === 'ident') {
        const name = this.next().text;
        const bounds = this.eat(':') ? this.traitBounds() : [];
        if (this.eat('=')) {
          const ds = this.peek().start;
          this.skipGenericItem();
          bounds.push({ name: '?', hasArgs: false, maybe: false, sp: { start: ds, end: this.lastEnd() } });
        }
        out.push({ name, kind: 'type', bounds, sp: { start: s, end: this.lastEnd() } });
      } else {
        this.skipGenericItem();
        if (out.length) out[out.length - 1]!.bounds.push({ name: '?', hasArgs: false, maybe: false, sp: { start: s, end: this.lastEnd() } });
      }
      if (!this.is(',') && !this.is('>') && !this.peek().text.startsWith('>')) {
        // something not understood inside the parameter: skipped, and the parameter unsupported
        const us = this.peek().start;
        this.skipGenericItem();
        if (out.length) out[out.length - 1]!.bounds.push({ name: '?', hasArgs: false, maybe: false, sp: { start: us, end: this.lastEnd() } });
      }
      this.eat(',');
    }
    return out;
  }
  /** Skips to the next `,` or `>` (or `{` / `;` / `where`) outside brackets and angle brackets. */
  skipGenericItem(): void {
    let angle = 0;
    while (this.peek().kind !== 'eof') {
      if (this.is('{') && angle === 0) return;
      if (this.is('(') || this.is('[') || (this.is('{') && angle > 0)) {
        this.skipBalanced();
        continue;
      }
      if (this.is(';') || this.is('}') || this.is(')')) return;
      if (angle === 0 && (this.is(',') || this.peek().text.startsWith('>'))) return;
      if (this.is('<')) angle++;
      else if (this.peek().text.startsWith('>') && this.peek().kind === 'punct' && this.peek().text !== '>=') {
        this.eatGt();
        angle--;
        continue;
      }
      this.next();
    }
  }
  /** `A + B<X> + ?Sized + 'a`: the bounds after a `:` (lifetimes set `sawLifetimeBound`). */
  traitBounds(): TraitBound[] {
    const out: TraitBound[] = [];
    for (;;) {
      const s = this.peek().start;
      if (this.peek().kind === 'lifetime') {
        this.next();
        this.sawLifetimeBound = true;
      } else {
        const maybe = this.eat('?');
        // (`crate::m::Tr`, `super::Tr`: a trait names resolve by the last segment)
        const pathStart = ['crate', 'super', 'self'].includes(this.peek().text) && this.is('::', 1);
        if (this.peek().kind !== 'ident' && !this.is('::') && !pathStart) {
          this.skipGenericItem();
          out.push({ name: '?', hasArgs: false, maybe, sp: { start: s, end: this.lastEnd() } });
          return out;
        }
        const first = pathStart ? this.next().text : undefined;
        this.eat('::');
        let name = this.ident();
        let root = first;
        while (this.is('::') && this.peek(1).kind === 'ident') {
          this.next();
          root ??= name;
          name = this.ident();
        }
        let hasArgs = false;
        let fnSig: TraitBound['fnSig'];
        let args: TypeExpr[] | null = null;
        let typeArgs: { types: TypeExpr[]; bindings: AssocTypeBinding[] } | null = null;
        let assocEq: AssocTypeBinding[] | null = null;
        if ((name === 'Fn' || name === 'FnMut' || name === 'FnOnce') && this.is('(')) {
          hasArgs = true;
          this.next();
          const params = this.commaList(')', () => this.type());
          fnSig = { params, ret: this.eat('->') ? this.type() : null };
        } else if (this.is('<') && (typeArgs = this.typeArgsOnly()) !== null) {
          hasArgs = true;
          args = typeArgs.types;
          if (typeArgs.bindings.length) assocEq = typeArgs.bindings;
        } else if (this.is('<') || this.is('(')) {
          hasArgs = true;
          if (this.is('(')) {
            this.skipBalanced();
            if (this.eat('->')) this.type();
          } else {
            this.next();
            let depth = 1;
            while (depth > 0 && this.peek().kind !== 'eof' && !this.is('{') && !this.is(';')) {
              if (this.eatGt()) depth--;
              else if (this.next().text === '<') depth++;
            }
          }
        }
        out.push({ name, ...(root ? { root } : {}), hasArgs, maybe, ...(fnSig ? { fnSig } : {}), ...(args ? { args } : {}), ...(assocEq ? { assocEq } : {}), sp: { start: s, end: this.lastEnd() } });
      }
      if (!this.eat('+')) return out;
    }
  }
  /**
   * A `where` clause: bounds on a parameter by name are added to `params`; any other predicate is
   * an `OtherBound` (a bound on a lifetime sets `sawLifetimeBound`).
   */
  whereClause(params: GenericParam[] = [], other: OtherBound[] = []): void {
    if (!this.eat('where')) return;
    // (a function's `requires` / `ensures` .. follow its `where` clause)
    const clauseStart = () => this.peek().kind === 'ident' && CLAUSE_STARTS.has(this.peek().text) && !this.is('.', 1) && !this.is('::', 1) && !this.is(':', 1);
    while (!this.is('{') && !this.is(';') && this.peek().kind !== 'eof' && !clauseStart()) {
      const s = this.peek().start;
      if (this.peek().kind === 'lifetime') {
        this.sawLifetimeBound = true;
        this.skipGenericItem();
      } else if ((this.peek().kind === 'ident' || this.is('Self')) && this.is(':', 1) && params.some((p) => p.name === this.peek().text && p.kind === 'type')) {
        const p = params.find((x) => x.name === this.peek().text)!;
        this.next();
        this.next();
        p.bounds.push(...this.traitBounds());
      } else if (this.peek().kind === 'ident' && this.is(':', 1) && !this.is('::', 1)) {
        // (a bound on a name that is not a parameter here: a method's bound on its impl's parameter)
        const name = this.next().text;
        this.next();
        const bounds = this.traitBounds();
        other.push({ sp: { start: s, end: this.lastEnd() }, onName: { name, bounds } });
      } else {
        this.skipGenericItem();
        other.push({ sp: { start: s, end: this.lastEnd() } });
      }
      if (!this.eat(',')) {
        if (!this.is('{') && !this.is(';') && this.peek().kind !== 'eof' && !clauseStart()) {
          // not understood: skipped as a bound of its own
          const us = this.peek().start;
          this.next();
          other.push({ sp: { start: us, end: this.lastEnd() } });
        }
      }
    }
  }

  /** `struct` / `enum` / `union` NAME<..> where ..: the parts before the body. */
  datatypeHead(keyword: string): { name: string; genericParams: GenericParam[]; generics: string[]; otherBounds: OtherBound[] } {
    this.expect(keyword);
    const name = this.ident();
    const genericParams = this.genericParams();
    const otherBounds: OtherBound[] = [];
    this.whereClause(genericParams, otherBounds);
    return { name, genericParams, generics: genericParams.map((g) => g.name), otherBounds };
  }

  /**
   * `ghost` / `tracked` before a datatype's field (`S(ghost A)`, `V { tracked f: A }`): its own
   * mode, read; `named`: a field with a name (else a positional one, where a type follows).
   */
  /**
   * A field's attributes, Verus's older spelling of its mode among them (`#[verifier::spec]` is
   * `ghost`, `#[verifier::proof]` `tracked`, `#[verifier::exec]` none); the others as any item's.
   */
  fieldModeAttrs(): { mode?: 'ghost' | 'tracked' } {
    let mode: 'ghost' | 'tracked' | undefined;
    this.innerAttrs('item', (a) => {
      const m = modeAttr(a.text);
      if (m && m !== 'exec') mode = m === 'spec' ? 'ghost' : 'tracked';
      return m !== null;
    });
    return mode ? { mode } : {};
  }

  fieldMode(named: boolean): { mode?: 'ghost' | 'tracked' } {
    if (!(this.is('ghost') || this.is('tracked'))) return {};
    const moded = named ? this.peek(1).kind === 'ident' && this.is(':', 2) : !this.is(',', 1) && !this.is(')', 1) && !this.is('::', 1) && !this.is('<', 1);
    return moded ? { mode: this.next().text as 'ghost' | 'tracked' } : {};
  }

  structItem(start: number, module: string[]): StructItem {
    const { name, genericParams, generics, otherBounds } = this.datatypeHead('struct');
    const fields: StructItem['fields'] = [];
    let tupleLike = false;
    let unit = false;
    if (this.eat('{')) {
      while (!this.eat('}')) {
        const attrMode = this.fieldModeAttrs();
        const vis = this.visibility();
        const fs = this.peek().start;
        // `ghost f: T` / `tracked f: T`: the field's own mode
        const written = this.fieldMode(true);
        const mode = written.mode ? written : attrMode;
        const fname = this.ident();
        this.expect(':');
        const ty = this.type();
        fields.push({ name: fname, ty, sp: { start: fs, end: this.lastEnd() }, vis, ...mode });
        if (!this.eat(',')) {
          this.expect('}');
          break;
        }
      }
    } else if (this.eat('(')) {
      tupleLike = true;
      let idx = 0;
      while (!this.eat(')')) {
        const attrMode = this.fieldModeAttrs();
        const vis = this.visibility();
        const fs = this.peek().start;
        // `ghost T` / `tracked T`: the field's own mode (`struct S(ghost A, B);`)
        const written = this.fieldMode(false);
        const mode = written.mode ? written : attrMode;
        const ty = this.type();
        fields.push({ name: String(idx++), ty, sp: { start: fs, end: this.lastEnd() }, vis, ...mode });
        if (!this.eat(',')) {
          this.expect(')');
          break;
        }
      }
      this.expect(';');
    } else {
      this.expect(';');
      unit = true;
    }
    return { k: 'struct', name, fields, tupleLike, ...(unit ? { unit } : {}), generics, genericParams, otherBounds, sp: { start, end: this.lastEnd() }, module };
  }

  /** `union U<..> { x: A, y: B }`: an enum with a variant per field (`EnumItem.union`). */
  unionItem(start: number, module: string[], modeSp: Sp | null): EnumItem {
    const { name, genericParams, generics, otherBounds } = this.datatypeHead('union');
    const variants: EnumItem['variants'] = [];
    let fieldModeSp: Sp | null = null;
    let privateField = false;
    this.expect('{');
    while (!this.eat('}')) {
      const attrs = this.attrList();
      const moded = attrs.find((a) => modeAttr(a.text) === 'spec' || modeAttr(a.text) === 'proof');
      if (moded) fieldModeSp ??= moded.sp;
      if (this.visibility().k !== 'pub') privateField = true;
      if ((this.is('ghost') || this.is('tracked')) && this.peek(1).kind === 'ident') fieldModeSp ??= { start: this.peek().start, end: this.next().end };
      const fs = this.peek().start;
      const fname = this.ident();
      this.expect(':');
      const ty = this.type();
      variants.push({ name: fname, fields: [{ name: '0', ty }], tupleLike: true, sp: { start: fs, end: this.lastEnd() } });
      if (!this.eat(',')) {
        this.expect('}');
        break;
      }
    }
    return { k: 'enum', name, variants, generics, genericParams, otherBounds, sp: { start, end: this.lastEnd() }, module, union: { modeSp, fieldModeSp, privateField } };
  }
  enumItem(start: number, module: string[]): EnumItem {
    const { name, genericParams, generics, otherBounds } = this.datatypeHead('enum');
    this.expect('{');
    const variants: EnumItem['variants'] = [];
    while (!this.eat('}')) {
      this.innerAttrs('item');
      const vs = this.peek().start;
      const vname = this.ident();
      const fields: { name: string; ty: TypeExpr; mode?: 'ghost' | 'tracked' }[] = [];
      let tupleLike = false;
      if (this.eat('(')) {
        tupleLike = true;
        let idx = 0;
        while (!this.eat(')')) {
          const mode = this.fieldMode(false);
          fields.push({ name: String(idx++), ty: this.type(), ...mode });
          if (!this.eat(',')) {
            this.expect(')');
            break;
          }
        }
      } else if (this.eat('{')) {
        while (!this.eat('}')) {
          const mode = this.fieldMode(true);
          const fname = this.ident();
          this.expect(':');
          fields.push({ name: fname, ty: this.type(), ...mode });
          if (!this.eat(',')) {
            this.expect('}');
            break;
          }
        }
      }
      if (this.eat('=')) this.expr();
      variants.push({ name: vname, fields, tupleLike, sp: { start: vs, end: this.lastEnd() } });
      if (!this.eat(',')) {
        this.expect('}');
        break;
      }
    }
    return { k: 'enum', name, variants, generics, genericParams, otherBounds, sp: { start, end: this.lastEnd() }, module };
  }

  implItem(out: Item[], module: string[]): void {
    const start = this.peek().start;
    this.expect('impl');
    this.sawLifetimeBound = false;
    const gps = this.genericParams();
    const g = gps.map((x) => x.name);
    const ty = this.type();
    let traitRef: TypeExpr | null = null;
    let selfTy = ty;
    if (this.eat('for')) {
      const ty2 = this.type();
      // a generic trait (`impl T<u8> for S`) or an impl for a reference: not modelled (skip body,
      // report); still an impl of the trait, so that what relies on it is unsupported, not an error
      // (lifetime arguments, `impl<'a> T<'a> for S`, are erased as everywhere)
      if (ty.k !== 'path' || ty2.k !== 'path') {
        this.whereClause();
        this.skipBalanced();
        const shown = ty2.k === 'path' ? ty2.name : ty2.k === 'tuple' ? 'a tuple' : ty2.k === 'ref' ? `&${tyName(ty2.inner)}` : ty2.k;
        const what = `impl of trait \`${tyName(ty)}\` for \`${shown}\`: a type other than a named one`;
        if (ty.k === 'path') out.push({ k: 'trait-impl', trait: tyName(ty), traitSp: ty.sp, selfTy: ty2, generics: gps.map((x) => x.name), genericParams: gps, methods: [], assocTypes: [], traitArgs: ty.args, unsupported: { what, sp: { start, end: this.lastEnd() } }, sp: { start, end: this.lastEnd() }, module });
        else out.push({ k: 'unsupported', what, sp: { start, end: this.lastEnd() }, module });
        return;
      }
      traitRef = ty;
      selfTy = ty2;
    }
    const implOther: OtherBound[] = [];
    this.whereClause(gps, implOther);
    const implLifetimeBound = this.sawLifetimeBound;
    const selfType = tyName(selfTy);
    const traitImpl: TraitImplItem | null = traitRef ? { k: 'trait-impl', trait: tyName(traitRef), traitSp: traitRef.sp, selfTy, generics: g, genericParams: gps, methods: [], assocTypes: [], traitArgs: traitRef.k === 'path' ? traitRef.args : [], sp: { start, end: start }, module } : null;
    this.expect('{');
    while (!this.is('}') && this.peek().kind !== 'eof') {
      const before = this.i;
      try {
        const inner: Item[] = [];
        if (traitImpl && this.is('type')) {
          // `type X = T;` (a generic one, `type X<'a> = ..`, is not modelled)
          const s0 = this.peek().start;
          this.next();
          const aname = this.ident();
          this.lifetimeParams();
          if (!this.eat('=')) {
            this.recoverItemSimple();
            traitImpl.unsupported ??= { what: 'generic associated type in a trait impl', sp: { start: s0, end: this.lastEnd() } };
            continue;
          }
          const ty = this.type();
          if (!this.is(';')) {
            this.recoverItemSimple();
            traitImpl.unsupported ??= { what: 'associated type with a `where` clause in a trait impl', sp: { start: s0, end: this.lastEnd() } };
            continue;
          }
          this.expect(';');
          traitImpl.assocTypes.push({ name: aname, ty, sp: { start: s0, end: this.lastEnd() } });
          continue;
        }
        if (traitImpl && this.is('const') && !this.is('fn', 1)) {
          // an associated constant: not modelled (its value is checked as Verus checks it)
          const s0 = this.peek().start;
          const c = this.assocConst(`of \`impl ${traitImpl.trait} for ${tyName(selfTy)}\``, 'impl', module, g);
          if (c) out.push(c);
          traitImpl.unsupported ??= { what: 'associated constant in a trait impl', sp: { start: s0, end: this.lastEnd() } };
          continue;
        }
        this.item(inner, module, selfType);
        for (const it of inner) {
          // (an external method of a trait impl is not kept: Verus rejects it, the impl lacks it)
          if (it.k === 'external-fn' && traitImpl) continue;
          const fn = it.k === 'fn' ? it : it.k === 'external-fn' ? it.fn : null;
          if (fn) {
            const it = fn;
            it.selfType = selfType;
            if (traitImpl) {
              it.traitImpl = { trait: traitImpl.trait, traitSp: traitImpl.traitSp, implStart: start };
              // (the array is filled as the impl is read: a binding may follow the method)
              it.implAssocTypes = traitImpl.assocTypes;
              traitImpl.methods.push(it.name);
            }
            if (g.length) {
              it.generics = [...g, ...it.generics];
              it.implGenerics = g.length;
              // (a method's `where S: Tr` on the impl's `S` bounds `S` in this method only)
              const onImpl = (it.otherBounds ?? []).filter((b) => b.onName && gps.some((p) => p.kind === 'type' && p.name === b.onName!.name));
              const implParams = gps.map((p) => {
                const extra = onImpl.filter((b) => b.onName!.name === p.name).flatMap((b) => b.onName!.bounds);
                return extra.length ? { ...p, bounds: [...p.bounds, ...extra] } : p;
              });
              if (onImpl.length) {
                const rest = it.otherBounds!.filter((b) => !onImpl.includes(b));
                if (rest.length) it.otherBounds = rest;
                else delete it.otherBounds;
              }
              it.genericParams = [...implParams, ...(it.genericParams ?? [])];
            }
            if (implOther.length) it.otherBounds = [...implOther, ...(it.otherBounds ?? [])];
            if (selfTy.k === 'path' && selfTy.args.length) it.selfArgs = selfTy.args;
            if (implLifetimeBound) it.lifetimeBounds = true;
            if (selfTy.k === 'path' && selfTy.lifetimes) it.selfLifetimes = selfTy.lifetimes;
          }
          out.push(it);
        }
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        this.recoverItemFrom(before, '}');
      }
      if (this.i === before) this.next();
    }
    this.expect('}');
    if (traitImpl) out.push({ ...traitImpl, sp: { start, end: this.lastEnd() } });
  }

  /**
   * `trait Name { method declarations }`. What the verifier does not model (generic parameters,
   * supertraits, `where` bounds, associated types and constants) is read and
   * recorded as the trait's `unsupported` part.
   */
  traitItem(start: number, module: string[], vis: Visibility, consts: ConstItem[]): TraitItem {
    this.expect('trait');
    const name = this.ident();
    let unsupported: TraitItem['unsupported'];
    const mark = (what: string, sp: Sp) => (unsupported ??= { what, sp });
    const gs = this.peek().start;
    const gps = this.genericParams();
    if (gps.some((p) => p.kind === 'const')) mark('generic trait with a const parameter', { start: gs, end: this.lastEnd() });
    // `trait U: T` is `trait U where Self: T`: both are the trait's supertraits
    const selfParam: GenericParam = { name: 'Self', kind: 'type', bounds: [], sp: { start, end: start } };
    if (this.eat(':')) selfParam.bounds.push(...this.traitBounds());
    if (this.is('where')) {
      const other: OtherBound[] = [];
      this.whereClause([selfParam, ...gps], other);
      if (other[0]) mark('`where` clause on a trait', other[0].sp);
      if (gps.some((p) => p.bounds.length)) mark('`where` clause on a trait', gps.find((p) => p.bounds.length)!.bounds[0]!.sp);
    }
    this.expect('{');
    const methods: FnItem[] = [];
    const assocTypes: AssocTypeDecl[] = [];
    const expandedSpecs: FnItem[] = [];
    let externalMethod: Sp | undefined;
    while (!this.is('}') && this.peek().kind !== 'eof') {
      const before = this.i;
      try {
        if (this.is('type')) {
          // `type X;` / `type X: Bound;` (generic ones, defaults and `where` clauses are not modelled)
          const s0 = this.peek().start;
          this.next();
          const aname = this.ident();
          // (lifetime parameters, `type T<'a>;`, are erased as everywhere)
          this.lifetimeParams();
          const bounds = this.eat(':') ? this.traitBounds() : [];
          if (!this.is(';')) {
            this.recoverItemSimple();
            mark('generic associated type, or one with a default or a `where` clause', { start: s0, end: this.lastEnd() });
            continue;
          }
          this.expect(';');
          assocTypes.push({ name: aname, bounds, sp: { start: s0, end: this.lastEnd() } });
          continue;
        }
        if (this.is('const') && !this.is('fn', 1)) {
          const s0 = this.peek().start;
          const c = this.assocConst(`default of trait \`${name}\``, 'default', module, gps.map((p) => p.name));
          if (c) consts.push(c);
          mark('associated constant', { start: s0, end: this.lastEnd() });
          continue;
        }
        const inner: Item[] = [];
        this.item(inner, module, name);
        for (const it of inner) {
          if (it.k === 'fn') {
            methods.push(it);
            if (it.parseError) mark('trait method that does not parse', it.nameSp);
          } else if (it.k === 'unsupported' && it.expandedSpec) expandedSpecs.push(it.expandedSpec);
          else if (it.k === 'external-fn') externalMethod ??= it.fn.nameSp;
          else if (it.k === 'unsupported') mark(it.what, it.sp);
          else mark('item in a trait', it.sp);
        }
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        this.recoverItemFrom(before, '}');
        mark('trait item that does not parse', { start: this.toks[before]!.start, end: this.lastEnd() });
      }
      if (this.i === before) this.next();
    }
    this.expect('}');
    return { k: 'trait', name, methods, supertraits: selfParam.bounds, assocTypes, generics: gps, ...(unsupported ? { unsupported } : {}), ...(expandedSpecs.length ? { expandedSpecs } : {}), ...(externalMethod ? { externalMethod } : {}), sp: { start, end: this.lastEnd() }, module, vis };
  }

  fnItem(start: number, attrs: string[], mode: FnMode, open: boolean, selfType: string | null, module: string[], assume = false): FnItem {
    if (!assume) this.expect('fn');
    const nameTok = this.peek();
    const name = assume ? this.next().text : this.ident();
    const fn: FnItem = {
      k: 'fn', name, mode, open, attrs, params: [], ret: null, requires: [], ensures: [], recommends: [], decreases: [], returns: null, unsupportedClauses: [],
      body: null, generics: [], selfType, nameSp: { start: nameTok.start, end: nameTok.end }, sp: { start, end: nameTok.end }, module,
      ...(this.moduleLoopIsolation !== null ? { moduleLoopIsolation: this.moduleLoopIsolation } : {}),
    };
    // token index of the body's opening brace, once reached
    let bodyOpen = -1;
    let retPat: Pat | null = null;
    const fnStart = this.i;
    this.sawLifetimeBound = false;
    try {
      fn.genericParams = this.genericParams();
      fn.generics = fn.genericParams.map((x) => x.name);
      if (assume) {
        const at = this.peek().start;
        this.expect('[');
        const path = this.expr();
        this.expect(']');
        if (path.k !== 'path') this.error('expected the path of a function in `assume_specification[..]`', path.sp);
        else fn.specFor = { path, sp: { start: at, end: this.lastEnd() } };
      }
      // `assume_specification[C] -> T ..;`: of a constant, a function without arguments to Verus
      const ofConst = assume && !!fn.specFor && this.is('->');
      if (ofConst) fn.specFor!.ofConst = true;
      else this.expect('(');
      const params = fn.params;
      while (!ofConst && !this.eat(')')) {
        // Verus's older spelling of a parameter's mode: `#[verifier::proof] x: T` is `tracked x: T`,
        // `#[verifier::spec] x: T` is `ghost x: T`
        let attrMode: 'tracked' | 'ghost' | undefined;
        const pattrs = this.innerAttrs('item', (a) => {
          const p = parseAttr(a.text);
          if (!p.verifier || (p.name !== 'proof' && p.name !== 'spec') || attrMode) return false;
          attrMode = p.name === 'proof' ? 'tracked' : 'ghost';
          return true;
        }).map((a) => a.text);
        const ps = this.peek().start;
        const paramsBefore = params.length;
        // tracked / ghost param modifiers
        let pmode: 'tracked' | 'ghost' | undefined = attrMode;
        if (this.peek().kind === 'ident' && (this.peek().text === 'tracked' || this.peek().text === 'ghost') && !this.is(':', 1)) {
          const written = this.next().text as 'tracked' | 'ghost';
          // (a mode written twice is not a form Verus reads)
          if (pmode) this.error('a parameter mode both as an attribute and as a keyword');
          pmode = written;
        }
        if (this.is('&') || this.is('&&') || this.is('self') || (this.is('mut') && this.is('self', 1))) {
          // self forms
          let ref = false;
          let mut = false;
          let mutSelf = false;
          let lifetime: string | undefined;
          if (this.eat('&')) {
            ref = true;
            if (this.peek().kind === 'lifetime') lifetime = this.next().text;
            mut = this.eat('mut');
          } else if (this.eat('mut')) mutSelf = true;
          this.expect('self');
          let ty: TypeExpr = { k: 'path', name: 'Self', segs: ['Self'], args: [], sp: { start: ps, end: this.lastEnd() } };
          if (ref) ty = { k: 'ref', mut, inner: ty, sp: ty.sp, ...(lifetime ? { lifetime } : {}) };
          if (this.eat(':')) ty = this.type();
          params.push({ name: 'self', ty, isSelf: true, sp: { start: ps, end: this.lastEnd() }, ...(mutSelf ? { mut: true } : {}), ...(pmode ? { mode: pmode } : {}) });
        } else if (!pmode && this.peek().kind === 'ident' && (this.peek().text === 'Tracked' || this.peek().text === 'Ghost') && this.is('(', 1)) {
          // `Tracked(x): Tracked<T>` / `Ghost(x): Ghost<T>`: x is the value inside the wrapper
          const wrapper = this.next().text as 'Tracked' | 'Ghost';
          this.next();
          const pmut = this.eat('mut');
          const pname = this.ident();
          this.expect(')');
          this.expect(':');
          const ty = this.type();
          if (ty.k !== 'path' || ty.name !== wrapper || ty.args.length !== 1) this.error(`the pattern \`${wrapper}(${pname})\` needs a parameter of type \`${wrapper}<T>\``, ty.sp);
          params.push({ name: pname, ty, isSelf: false, sp: { start: ps, end: this.lastEnd() }, unwrap: wrapper, ...(pmut ? { mut: true } : {}) });
        } else {
          const pmut = this.eat('mut');
          // (Verus reads a parameter only as a name: `(a, b): (A, B)` and `a @ b: A` are its errors)
          if (this.is('(') || this.is('[') || (this.peek().kind === 'ident' && this.is('@', 1))) this.error('Verus expects a plain identifier pattern for a function parameter');
          const pname = this.ident();
          this.expect(':');
          const ty = this.type();
          params.push({ name: pname, ty, isSelf: false, sp: { start: ps, end: this.lastEnd() }, ...(pmode ? { mode: pmode } : {}), ...(pmut ? { mut: true } : {}) });
        }
        if (pattrs.length && params.length > paramsBefore) params[params.length - 1]!.attrs = pattrs;
        if (!this.eat(',')) {
          this.expect(')');
          break;
        }
      }
      if (this.is('->') && this.is('!', 1)) {
        this.next();
        this.next();
        fn.diverging = true;
      } else if (this.eat('->')) {
        const inner = this.is('(') && this.is('(', 1) ? this.matchOf[this.i + 1]! : -1;
        if (inner > 0 && this.toks[inner + 1]?.text === ':') {
          // `-> ((a, b): (A, B))`: the result's parts named by a tuple pattern; each `ensures`
          // clause reads them from the result (`{ let (a, b) = result; clause }`, below)
          const open = this.peek();
          this.next();
          retPat = this.pat();
          this.expect(':');
          const ty = this.type();
          this.expect(')');
          fn.ret = { name: RET_OF_PATTERN, ty };
          const taken = patNames(retPat).find((n) => fn.params.some((p) => p.name === n));
          if (taken) this.error('return value name collides with a parameter name', { start: open.start, end: this.lastEnd() });
        } else if (this.is('(') && (this.peek(1).kind === 'ident' || this.is('tracked', 1)) && (this.is(':', 2) || this.is(':', 3))) {
          this.next();
          if (this.peek().text === 'tracked' && !this.is(':', 1)) {
            this.next();
            fn.retTracked = true;
          }
          const rname = this.ident();
          this.expect(':');
          if (fn.retTracked && this.is('!') && this.is(')', 1)) {
            // `-> (tracked x: !)`: a tracked value of the empty type cannot be made, so the
            // function never returns (Verus's lifetime check reads it as a real divergence)
            this.next();
            this.next();
            fn.diverging = true;
          } else {
            const ty = this.type();
            this.expect(')');
            fn.ret = { name: rname, ty };
          }
        } else {
          if (this.peek().text === 'tracked' && this.peek().kind === 'ident') {
            this.next();
            fn.retTracked = true;
          }
          fn.ret = { name: null, ty: this.type() };
        }
      }
      const other: OtherBound[] = [];
      this.whereClause(fn.genericParams, other);
      if (other.length) fn.otherBounds = other;
      if (this.sawLifetimeBound) fn.lifetimeBounds = true;
      // `proof fn f(..) by(bit_vector)` / `by(nonlinear_arith)` / `by(integer_ring)`: how the whole function is proved
      if (this.is('by') && this.is('(', 1) && this.peek(2).kind === 'ident' && this.is(')', 3)) {
        const at = this.peek();
        const how = this.peek(2).text;
        for (let k = 0; k < 4; k++) this.next();
        const sp = { start: at.start, end: this.lastEnd() };
        if (how === 'bit_vector' || how === 'nonlinear_arith' || how === 'integer_ring') fn.by = { kind: how, sp };
        else fn.unsupportedClauses.push({ clause: `by(${how})`, sp });
      }
      // Verus's older spelling of a function proved by bit-vectors: `#[verifier(bit_vector)]`
      const bvAttr = attrs.some((a) => { const p = parseAttr(a); return p.verifier && p.name === 'bit_vector'; });
      if (bvAttr && !fn.by) fn.by = { kind: 'bit_vector', sp: fn.nameSp };
      this.fnClauses(fn);
      if (retPat) {
        const pat = retPat;
        fn.ensures = fn.ensures.map((e): Expr => ({
          k: 'block',
          block: { stmts: [{ k: 'let', pat, ghost: false, ty: null, init: { k: 'path', segs: [RET_OF_PATTERN], generics: [], sp: e.sp }, sp: e.sp }, { k: 'expr', e, semi: false, sp: e.sp }], sp: e.sp },
          sp: e.sp,
        }));
      }
      // `-> !`: a normal return is impossible; callers go on nowhere. (A spec fn's `!` result is a
      // value of the empty type, not a divergence: the resolver's `NEVER`.)
      if (fn.diverging && fn.mode === 'spec') {
        fn.diverging = false;
        fn.ret = { name: null, ty: { k: 'never', sp: fn.nameSp } };
      }
      if (fn.diverging) fn.ensures.push({ k: 'bool', value: false, sp: fn.nameSp });
      if (!this.eat(';')) {
        if (this.is('{')) bodyOpen = this.i;
        fn.body = this.block();
        this.terminationHints(fn);
      }
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      // the error is this function's; the file's other functions are still read
      fn.parseError = { diagnostic: this.diags[this.diags.length - 1]!, inBody: bodyOpen >= 0 };
      fn.body = null;
      this.noStruct = false;
      this.inQuantParams = false;
      this.skipRestOfFn(fnStart, bodyOpen);
    }
    fn.sp = { start, end: this.lastEnd() };
    return fn;
  }

  /**
   * After an error in a function: resumes after the `}` matching the body's `{` (bracket
   * matching over tokens). Without a body yet (an error in the signature), the body is the first
   * top-level `{ }` group after `fn`, unless a `;` or the next item comes first.
   */
  skipRestOfFn(fnStart: number, bodyOpen: number): void {
    const errorAt = this.i;
    let open = bodyOpen;
    if (open < 0) {
      for (let j = fnStart; j < this.toks.length - 1; j++) {
        const t = this.toks[j]!;
        if (t.kind === 'keyword' && ['fn', 'struct', 'enum', 'impl', 'mod', 'trait', 'use'].includes(t.text)) {
          if (j >= errorAt) this.i = j;
          return;
        }
        if (t.kind !== 'punct') continue;
        if (t.text === ';' || t.text === '}' || t.text === ')' || t.text === ']') {
          // `;`: a body-less declaration; a closer: the end of the enclosing block
          if (j >= errorAt) this.i = t.text === ';' ? j + 1 : j;
          return;
        }
        if (t.text === '{') {
          open = j;
          break;
        }
        if (t.text === '(' || t.text === '[') {
          if (this.matchOf[j]! < 0) return;
          j = this.matchOf[j]!;
        }
      }
    }
    const close = open >= 0 ? this.matchOf[open]! : -1;
    // an unclosed body: resume where the error was (later errors show up as such)
    if (close >= 0 && close + 1 > errorAt) this.i = close + 1;
  }

  /**
   * The statements that open a body and belong to the function: `decreases_when(c);`,
   * `decreases_by(g);`, and Verus's older clauses (`requires(e);`, ..): moved to the item.
   */
  terminationHints(fn: FnItem): void {
    const stmts = fn.body!.stmts;
    for (;;) {
      const s = stmts[0];
      const e = s?.k === 'expr' && s.semi ? s.e : null;
      if (!e || e.k !== 'call' || e.callee.k !== 'path' || e.args.length !== 1) return;
      // (also written through Verus's builtin crate: `verus_builtin::decreases(n);`)
      const segs = e.callee.segs;
      if (segs.length !== 1 && !(segs.length === 2 && (segs[0] === 'verus_builtin' || segs[0] === 'builtin'))) return;
      const which = segs[segs.length - 1];
      const arg = e.args[0]!;
      // Verus's older clause syntax: `requires(e);` / `requires([a, b]);` (also `ensures`,
      // `recommends`, `decreases`) first in the body
      const clause = which === 'requires' ? fn.requires : which === 'ensures' ? fn.ensures : which === 'recommends' ? fn.recommends : which === 'decreases' ? fn.decreases : null;
      if (which === 'decreases_when' && !fn.decreasesWhen) fn.decreasesWhen = arg;
      else if (which === 'decreases_by' && !fn.decreasesBy && arg.k === 'path') fn.decreasesBy = { path: arg, sp: e.sp };
      else if (clause && arg.k !== 'closure') clause.push(...(arg.k === 'array' ? arg.elems : [arg]));
      // `ensures(|r: T| e)`: the result named `r`
      else if (which === 'ensures' && arg.k === 'closure' && !arg.exec && arg.params.length === 1 && fn.ret && (fn.ret.name === null || fn.ret.name === arg.params[0]!.name)) {
        fn.ret = { ...fn.ret, name: arg.params[0]!.name };
        fn.ensures.push(...(arg.body.k === 'array' ? arg.body.elems : [arg.body]));
      } else return;
      stmts.shift();
    }
  }

  /** The clauses between a function's signature and its body (toolchain/syntax/clauses.ts). */
  fnClauses(fn: FnItem): void {
    for (;;) {
      // (`requires a; ensures b`: a clause list may end with `;` before the next clause, as Verus reads it)
      if (this.is(';') && this.peek(1).kind === 'ident' && verusClause(this.peek(1).text)?.inFn) this.next();
      const w = this.peek();
      if (w.kind !== 'ident') break;
      const treatment = verusClause(w.text)?.inFn;
      if (!treatment) break;
      this.next();
      switch (treatment) {
        case 'ensures':
          // (`#![all_triggers]` opening a broadcast lemma's postcondition: its quantifier's triggers)
          {
            const triggers: Expr[][] = [];
            this.clauseList(fn.ensures, (a) => a.text === 'all_triggers' && !!(fn.allTriggers = a.sp), triggers);
            if (triggers.length) fn.clauseTriggers = [...(fn.clauseTriggers ?? []), ...triggers];
          }
          break;
        case 'requires':
        case 'recommends':
        case 'decreases':
          this.clauseList(fn[treatment]);
          break;
        case 'returns': {
          const es: Expr[] = [];
          this.clauseList(es);
          if (es.length !== 1) this.error('`returns` takes one expression', { start: w.start, end: this.lastEnd() });
          if (fn.returns) this.error('a second `returns` clause', { start: w.start, end: this.lastEnd() });
          fn.returns = es[0]!;
          break;
        }
        case 'invariant':
          this.error(`\`${w.text}\` is a loop clause`, { start: w.start, end: w.end });
          break;
        // (only right after `decreases`, once each; anywhere else: not modelled)
        case 'default-ensures':
          this.clauseList((fn.defaultEnsures ??= []));
          break;
        case 'decreases-when':
        case 'decreases-via': {
          const sp = { start: w.start, end: w.end };
          if (!fn.decreases.length || (treatment === 'decreases-when' ? fn.decreasesWhen : fn.decreasesBy)) {
            this.clauseList([]);
            fn.unsupportedClauses.push({ clause: w.text, sp: { start: w.start, end: this.lastEnd() } });
          } else if (treatment === 'decreases-when') fn.decreasesWhen = this.expr(true);
          else {
            const p = this.expr(true);
            if (p.k === 'path') fn.decreasesBy = { path: p, sp: { ...sp, end: this.lastEnd() } };
            else fn.unsupportedClauses.push({ clause: w.text, sp: { start: w.start, end: this.lastEnd() } });
          }
          this.eat(',');
          break;
        }
        case 'no-unwind': {
          // (`when` is a continuation keyword: a clause list would stop at it)
          let when: Expr | null = null;
          if (this.peek().kind === 'ident' && this.peek().text === 'when' && !this.is('.', 1) && !this.is('::', 1)) {
            this.next();
            when = this.expr(true);
          }
          if (fn.noUnwind) this.error('a second `no_unwind` clause', { start: w.start, end: this.lastEnd() });
          fn.noUnwind = { when, sp: { start: w.start, end: this.lastEnd() } };
          this.eat(',');
          break;
        }
        case 'opens-invariants': {
          const word = this.peek();
          let mask: FnItem['opensInvariants'] | null = null;
          if (word.kind === 'ident' && (word.text === 'any' || word.text === 'none') && !this.is('.', 1) && !this.is('::', 1) && !this.is('(', 1)) {
            this.next();
            mask = { k: word.text, sp: { start: w.start, end: this.lastEnd() } };
          } else {
            const e = this.expr(true);
            const sp = { start: w.start, end: this.lastEnd() };
            if (e.k === 'array') mask = { k: 'list', elems: e.elems, sp };
            else {
              // a set of namespaces: its membership, `|n: int| e.contains(n)` (Verus requires `e`
              // to be a `Set<int>` or `ISet<int>`; the checker types the call)
              const n = '$opens_ns';
              const member: Expr = { k: 'closure', params: [{ name: n, ty: { k: 'path', name: 'int', segs: ['int'], args: [], sp: e.sp }, sp: e.sp }], body: { k: 'method', recv: e, name: 'contains', generics: [], args: [{ k: 'path', segs: [n], generics: [], sp: e.sp }], sp: e.sp, nameSp: e.sp }, sp: e.sp };
              mask = { k: 'set', member, sp };
            }
          }
          if (fn.opensInvariants) this.error('a second `opens_invariants` clause', { start: w.start, end: this.lastEnd() });
          if (mask) fn.opensInvariants = mask;
          this.eat(',');
          break;
        }
        case 'unsupported':
          this.clauseList([]);
          fn.unsupportedClauses.push({ clause: w.text, sp: { start: w.start, end: this.lastEnd() } });
          break;
      }
    }
  }

  clauseList(out: Expr[], applied: (a: { text: string; sp: Sp }) => boolean = () => false, triggers?: Expr[][]): void {
    // A clause's first expression may be a block (`requires { &&& a &&& b },`): a clause keyword
    // is never followed by the body (a clause has at least one expression), so a `{` there whose
    // `}` a `,`, another clause or the body follows is an expression.
    const blockFirst = (): boolean => {
      const close = this.matchOf[this.i]!;
      if (close < 0) return false;
      const after = this.toks[close + 1];
      return !!after && (after.text === ',' || after.text === '{' || (after.kind === 'ident' && CLAUSE_KEYWORDS.has(after.text)));
    };
    const start = out.length;
    while ((!this.is('{') || (out.length === start && blockFirst())) && !this.is(';') && this.peek().kind !== 'eof') {
      if (this.peek().kind === 'ident' && CLAUSE_KEYWORDS.has(this.peek().text) && !this.is('.', 1) && !this.is('::', 1)) return;
      // `#![verifier::proof_note("..")]` before a clause: a message decoration (any other
      // attribute makes the function unsupported)
      // (`#[trigger] e` opening a clause is the trigger of its first term, not an attribute)
      // `#![trigger e, ..]` opening a clause (of a broadcast lemma's postcondition): its trigger
      while (triggers && this.is('#') && this.is('!', 1) && this.is('[', 2) && this.peek(3).text === 'trigger') {
        for (let k = 0; k < 4; k++) this.next();
        triggers.push(this.triggerTerms());
        this.expect(']');
      }
      if (this.is('#') && !(this.is('[', 1) && this.peek(2).text === 'trigger')) {
        // (Verus counts `proof_note` and `custom_err` together, as on assertions)
        const notes = this.innerAttrs('stmt', applied).filter((a) => /^verifier(::|\()(proof_note|custom_err)\b/.test(a.text));
        if (notes.length > 1) this.error('at most one `proof_note` attribute is allowed', notes[1]!.sp);
      }
      out.push(this.expr(true));
      if (!this.eat(',')) return;
    }
  }

  // ---------------- types ----------------
  /**
   * A generic argument: a type, or a const argument (an integer literal as a path type named by
   * its text, which the resolver reads as a value; a `{ .. }` block, kept as `{..}`, which it refuses).
   */
  genericArg(): TypeExpr {
    const t = this.peek();
    if (t.kind === 'int') {
      this.next();
      return { k: 'path', name: t.text, segs: [t.text], args: [], sp: { start: t.start, end: t.end } };
    }
    if (this.is('{')) {
      this.skipBalanced();
      return { k: 'path', name: '{..}', segs: ['{..}'], args: [], sp: { start: t.start, end: this.lastEnd() } };
    }
    return this.type();
  }
  type(): TypeExpr {
    this.enter();
    try {
      return this.type0();
    } finally {
      this.leave();
    }
  }
  type0(): TypeExpr {
    const s = this.peek().start;
    if (this.eat('!')) return { k: 'never', sp: { start: s, end: this.lastEnd() } };
    if (this.eat('&') || (this.is('&&') && (this.next(), true))) {
      const lifetime = this.peek().kind === 'lifetime' ? this.next().text : undefined;
      const mut = this.eat('mut');
      const inner = this.type();
      return { k: 'ref', mut, inner, sp: { start: s, end: this.lastEnd() }, ...(lifetime ? { lifetime } : {}) };
    }
    if (this.eat('[')) {
      const elem = this.type();
      if (this.eat(';')) {
        const len = this.expr();
        this.expect(']');
        return { k: 'array', elem, len, sp: { start: s, end: this.lastEnd() } };
      }
      this.expect(']');
      return { k: 'slice', elem, sp: { start: s, end: this.lastEnd() } };
    }
    if (this.eat('(')) {
      const elems: TypeExpr[] = [];
      while (!this.eat(')')) {
        elems.push(this.type());
        if (!this.eat(',')) {
          this.expect(')');
          break;
        }
      }
      if (elems.length === 1 && this.toks[this.i - 2]?.text !== ',') return elems[0]!;
      return { k: 'tuple', elems, sp: { start: s, end: this.lastEnd() } };
    }
    if (this.eat('_')) return { k: 'infer', sp: { start: s, end: this.lastEnd() } };
    if (this.is('*') && (this.is('mut', 1) || this.is('const', 1))) {
      this.next();
      const mut = this.next().text === 'mut';
      const inner = this.type();
      return { k: 'ptr', mut, inner, sp: { start: s, end: this.lastEnd() } };
    }
    if (this.peek().kind === 'ident' && this.peek().text === 'spec_fn' && this.is('(', 1)) {
      this.next();
      this.next();
      const params = this.commaList(')', () => this.type());
      this.expect('->');
      const ret = this.type();
      return { k: 'fn', params, ret, sp: { start: s, end: this.lastEnd() } };
    }
    if (this.peek().kind === 'ident' && this.peek().text === 'proof_fn' && (this.is('(', 1) || this.is('<', 1) || this.is('[', 1))) {
      this.next();
      let marker: string | null = null;
      let lifetime = false;
      if (this.eat('<')) {
        // `proof_fn<'a>`: a lifetime (kept as a flag); `proof_fn<F>`: the marker parameter
        while (!this.eatGt()) {
          const g = this.next();
          if (g.kind === 'ident') marker = g.text;
          if (g.kind === 'lifetime') lifetime = true;
          this.eat(',');
        }
      }
      const flags = this.eat('[') ? this.commaList(']', () => this.ident()) : [];
      this.expect('(');
      // (`tracked` before a parameter or the result type: that one is a tracked value)
      const trackedHere = () => this.peek().kind === 'ident' && this.peek().text === 'tracked' && !this.is(',', 1) && !this.is(')', 1) && (this.next(), true);
      const trackedParams: boolean[] = [];
      const params = this.commaList(')', () => {
        trackedParams.push(trackedHere());
        return this.type();
      });
      let ret: TypeExpr = { k: 'tuple', elems: [], sp: { start: this.lastEnd(), end: this.lastEnd() } };
      let trackedRet = false;
      if (this.eat('->')) {
        trackedRet = trackedHere();
        ret = this.type();
      }
      const tracked = trackedRet || trackedParams.some((x) => x) ? { tracked: { params: trackedParams, ret: trackedRet } } : {};
      return { k: 'proofFn', params, ret, flags, marker, ...(lifetime ? { lifetime } : {}), ...tracked, sp: { start: s, end: this.lastEnd() } };
    }
    if (this.is('dyn')) {
      // (Verus refuses a trait object of several traits, `Fn(..)` ones included; one of a single
      // trait is not modelled here)
      const at = this.i;
      this.next();
      const bounds = this.traitBounds();
      if (bounds.length > 1 || bounds.some((b) => !!b.fnSig)) this.error('The verifier does not yet support the following Rust feature: dyn with more that one trait');
      this.i = at;
      this.error('unsupported type: a trait object (`dyn Trait`)');
    }
    if (this.eat('impl')) return { k: 'impl', bounds: this.traitBounds(), sp: { start: s, end: this.lastEnd() } };
    // (Verus refuses function pointer types)
    if (this.is('fn')) this.error('The verifier does not yet support the following Rust feature: function pointer types');
    if (this.eat('<')) {
      // `<Ty as Trait>::X`: an associated type of `Ty`'s impl of `Trait`
      const qty = this.type();
      this.expect('as');
      const tr = this.type();
      if (!this.eatGt()) this.error('expected `>`');
      this.expect('::');
      const aname = this.ident();
      if (tr.k !== 'path') this.error('expected a trait', tr.sp);
      const trait = tr.k === 'path' ? tr.name : '?';
      // (lifetime arguments, `<S as T<'a>>::X<'b>`, are erased as everywhere)
      if (this.is('<') && !this.lifetimeParams()) this.error('unsupported type: a generic associated type with type arguments');
      return { k: 'path', name: aname, segs: [aname], args: [], qself: { ty: qty, trait, traitHasArgs: tr.k === 'path' && tr.args.length > 0 }, sp: { start: s, end: this.lastEnd() } };
    }
    const segs: string[] = [];
    let args: TypeExpr[] = [];
    const lifetimes: string[] = [];
    this.eat('::');
    for (;;) {
      segs.push(this.ident());
      if (this.is('<') || (this.is('::') && this.is('<', 1))) {
        this.eat('::');
        this.next();
        args = [];
        while (!this.eatGt()) {
          if (this.peek().kind === 'lifetime') {
            lifetimes.push(this.next().text);
          } else args.push(this.genericArg());
          if (!this.eat(',')) {
            if (!this.eatGt()) this.error('expected `>`');
            break;
          }
        }
      }
      if (this.is('::') && (this.peek(1).kind === 'ident' || this.peek(1).kind === 'keyword')) {
        this.next();
        continue;
      }
      break;
    }
    return { k: 'path', name: segs[segs.length - 1]!, segs, args, sp: { start: s, end: this.lastEnd() }, ...(lifetimes.length ? { lifetimes } : {}) };
  }

  // ---------------- blocks and statements ----------------
  /**
   * Whether the tokens ahead (attributes, `pub`, Verus's modifiers such as `proof`) start an item
   * written inside a body: `fn`, `struct`, `const X`, ..
   */
  private nestedItemAhead(): boolean {
    let j = this.i;
    while (this.toks[j]?.text === '#') {
      const open = this.toks[j + 1]?.text === '!' ? j + 2 : j + 1;
      if (this.toks[open]?.text !== '[' || this.matchOf[open]! < 0) return false;
      j = this.matchOf[open]! + 1;
    }
    if (this.toks[j]?.text === 'pub') j = this.toks[j + 1]?.text === '(' && this.matchOf[j + 1]! > 0 ? this.matchOf[j + 1]! + 1 : j + 1;
    // (`broadcast use a;` is a statement)
    if (this.toks[j]?.text === 'broadcast' && this.toks[j + 1]?.text === 'use') return false;
    while (this.toks[j]?.kind === 'ident' && verusModifier(this.toks[j]!.text) !== undefined) j++;
    const t = this.toks[j];
    if (!t || t.kind !== 'keyword') return false;
    if (t.text === 'const') return this.toks[j + 1]?.text !== '{';
    return ['fn', 'struct', 'enum', 'impl', 'use', 'static', 'mod', 'trait'].includes(t.text);
  }

  /**
   * An item written inside a body. A function, struct, enum, constant or an impl of such a struct
   * whose name the file uses only inside the enclosing block means what it would at module level
   * (it cannot see the body's locals; Rust's scoping only hides it elsewhere): it is hoisted to the
   * module's items (`hoisted`, flushed by `parseItemsUntil`), and its statement does nothing; so
   * does a `use`. Anything else (`mod`, `trait`, `static`, a name used outside the block) stays
   * `unsupported`.
   */
  private nestedItem(): Stmt {
    const s = this.peek().start;
    const startTok = this.i;
    const items: Item[] = [];
    this.item(items, this.moduleNow, null);
    const sp = { start: s, end: this.lastEnd() };
    const nothing: Stmt = { k: 'expr', e: { k: 'block', block: { stmts: [], sp }, sp }, semi: true, sp };
    // a `use` inside a body means what it does at module level, where imports are read as names
    // (paths resolve by their own segments)
    if (!items.length && this.toks.slice(startTok, this.i).some((t) => t.kind === 'keyword' && t.text === 'use') && this.toks[this.i - 1]?.text === ';') return nothing;
    const open = this.blockOpens[this.blockOpens.length - 1];
    const close = open === undefined ? -1 : this.matchOf[open]!;
    const nameOf = (it: Item): string | null => {
      if (it.k === 'fn' || it.k === 'struct' || it.k === 'enum' || it.k === 'const') return it.k === 'fn' && it.selfType ? it.selfType : it.name;
      return null;
    };
    // (every use of the name inside the block: no other item of the file can mean it)
    const local = (name: string) => close > (open ?? 0) && this.toks.every((t, i) => t.text !== name || t.kind !== 'ident' || (i > open! && i < close));
    const names = items.map(nameOf);
    if (!items.length || names.some((n) => n === null || !local(n))) return { k: 'unsupported', what: 'nested item', sp };
    this.hoisted.push(...items);
    return nothing;
  }

  block(): Block {
    this.enter();
    this.blockOpens.push(this.i);
    try {
      const s = this.expect('{').start;
      const stmts: Stmt[] = [];
      while (!this.is('}')) {
        if (this.peek().kind === 'eof') this.error('unterminated block');
        if (this.eat(';')) continue;
        stmts.push(this.stmt());
      }
      this.next();
      return { stmts: letElseAsMatch(stmts, this.lastEnd()), sp: { start: s, end: this.lastEnd() } };
    } finally {
      this.blockOpens.pop();
      this.leave();
    }
  }

  stmt(): Stmt {
    if (this.nestedItemAhead()) return this.nestedItem();
    // (`#[trigger] e ..` opening a statement marks the term `e`, as inside an expression)
    // (`#[verus::internal(loop_isolation_boundary)]` on a block: read below)
    const boundary = (a: { text: string }) => a.text === 'verus::internal(loop_isolation_boundary)';
    let boundarySp: Sp | null = null;
    const attrs = this.is('#') && this.is('[', 1) && this.peek(2).text === 'trigger' ? [] : this.innerAttrs('stmt', (a) => boundary(a) && !!(boundarySp = a.sp));
    const st = this.stmtAfterAttrs();
    if (boundarySp) {
      if (st.k === 'expr' && st.e.k === 'block' && !st.e.invariantBlock) st.e.isolationBoundary = true;
      else this.innerBad.push({ attr: 'verus::internal(loop_isolation_boundary)', sp: boundarySp, crate: false });
    }
    // `#[verifier::proof_note("..")]` / `#[verifier::custom_err("..")]` on an assertion: data
    // for its obligation (the checking phase allows one)
    const notes: StmtNote[] = [];
    for (const a of attrs) {
      const name = parseAttr(a.text);
      if (name.verifier && (name.name === 'proof_note' || name.name === 'custom_err')) notes.push({ kind: name.name, text: a.str ?? '', sp: a.sp });
    }
    if (notes.length && (st.k === 'assert' || st.k === 'assume' || st.k === 'assert-forall')) st.notes = notes;
    // `#[verifier::spec] let` is `let ghost`, `#[verifier::proof] let` is `let tracked`
    for (const a of attrs) {
      const name = parseAttr(a.text);
      if (!name.verifier || (name.name !== 'spec' && name.name !== 'proof')) continue;
      if (st.k === 'let' && !st.ghost && (a.text === `verifier::${name.name}` || a.text === `verifier(${name.name})`)) {
        st.ghost = true;
        if (name.name === 'proof') st.tracked = true;
      } else this.innerBad.push({ attr: a.text, sp: a.sp, crate: false });
    }
    // `#[verifier::prophetic]` marks a `let` (a prophetic location); elsewhere it has no meaning here
    for (const a of attrs) {
      const name = parseAttr(a.text);
      if (!name.verifier || name.name !== 'prophetic') continue;
      if (st.k === 'let' && (a.text === 'verifier::prophetic' || a.text === 'verifier(prophetic)')) st.prophetic = true;
      else this.innerBad.push({ attr: a.text, sp: a.sp, crate: false });
    }
    // `#[verifier::loop_isolation(..)]` on the loop itself
    const iso = attrs.map((a) => /^verifier(?:::loop_isolation\((true|false)\)|\(loop_isolation\((true|false)\)\))$/.exec(a.text)).find((m) => m);
    // (on a `for` loop: the loop it is read as, inside its block)
    const forLoop = st.k === 'expr' && st.e.k === 'block' ? st.e.block.stmts.find((x) => x.k === 'expr' && x.e.k === 'while' && x.e.fromFor) : undefined;
    const loop = forLoop?.k === 'expr' ? forLoop.e : st.k === 'expr' ? st.e : null;
    if (iso && (loop?.k === 'while' || loop?.k === 'loop')) loop.isolation = (iso[1] ?? iso[2]) === 'true';
    return st;
  }

  stmtAfterAttrs(): Stmt {
    const s = this.peek().start;
    const t = this.peek();
    if (t.text === 'let') {
      this.next();
      let ghost = false;
      let tracked = false;
      if (this.peek().kind === 'ident' && (this.peek().text === 'ghost' || this.peek().text === 'tracked') && !this.is(':', 1) && !this.is('=', 1)) {
        ghost = true;
        tracked = this.next().text === 'tracked';
      }
      const pat = this.pat();
      let ty: TypeExpr | null = null;
      if (this.eat(':')) ty = this.type();
      let init: Expr | null = null;
      if (this.eat('=')) init = this.expr();
      let els: Block | undefined;
      if (init && this.eat('else')) {
        if (ghost || ty) this.error('unsupported: `let ghost`, `let tracked` or a type annotation with `let .. else`');
        els = this.block();
      }
      this.expect(';');
      return { k: 'let', pat, ghost, ty, init, sp: { start: s, end: this.lastEnd() }, ...(tracked ? { tracked } : {}), ...(els ? { els } : {}) };
    }
    if (t.kind === 'ident' && (t.text === 'assert' || t.text === 'assume') && this.is('(', 1)) {
      this.next();
      this.next();
      const e = this.expr();
      this.expect(')');
      if (t.text === 'assume') {
        this.eat(';');
        return { k: 'assume', e, sp: { start: s, end: this.lastEnd() } };
      }
      let by: 'none' | 'bit_vector' | 'nonlinear_arith' | 'compute' | 'compute_only' | 'block' = 'none';
      let proof: Block | null = null;
      const req: Expr[] = [];
      if (this.is('by')) {
        this.next();
        if (this.eat('(')) {
          const w = this.ident();
          this.expect(')');
          if (w === 'bit_vector') by = 'bit_vector';
          else if (w === 'nonlinear_arith') by = 'nonlinear_arith';
          else if (w === 'compute' || w === 'compute_only') by = w;
          else this.error(`unsupported \`by(${w})\``);
          if (this.is('requires')) {
            this.next();
            this.clauseList(req);
          }
          if (this.is('{')) proof = this.block();
          if ((by === 'compute' || by === 'compute_only') && (req.length || proof)) this.error(`\`by(${by})\` takes no \`requires\` and no proof block`);
        } else {
          by = 'block';
          proof = this.block();
        }
      }
      this.eat(';');
      return { k: 'assert', e, by, req, proof, sp: { start: s, end: this.lastEnd() } };
    }
    // Verus's older `assert_by(e, { proof });`: `assert(e) by { proof }`
    if (t.kind === 'ident' && t.text === 'assert_by' && this.is('(', 1)) {
      this.next();
      this.next();
      const e = this.expr();
      this.expect(',');
      const proof = this.block();
      this.eat(',');
      this.expect(')');
      this.eat(';');
      return { k: 'assert', e, by: 'block', req: [], proof, sp: { start: s, end: this.lastEnd() } };
    }
    if (t.kind === 'ident' && t.text === 'assert' && this.is('forall', 1)) {
      this.next();
      this.next();
      const { params, triggers, attrs, all } = this.quantHead();
      const body = this.expr();
      let lhs: Expr | null = null;
      let rhs = body;
      if (this.is('implies')) {
        this.next();
        lhs = body;
        rhs = this.expr();
      }
      let proof: Block | null = null;
      if (this.is('by')) {
        this.next();
        proof = this.block();
      }
      this.eat(';');
      return { k: 'assert-forall', params, triggers, ...(all ? { allTriggers: true } : {}), lhs, rhs, proof, sp: { start: s, end: this.lastEnd() }, ...(attrs ? { attrs } : {}) };
    }
    if (t.kind === 'ident' && t.text === 'proof' && this.is('{', 1)) {
      this.next();
      const block = this.block();
      return { k: 'proof', block, sp: { start: s, end: this.lastEnd() } };
    }
    if (t.kind === 'ident' && (t.text === 'reveal' || t.text === 'reveal_with_fuel' || t.text === 'hide') && this.is('(', 1)) {
      const hide = t.text === 'hide';
      this.next();
      this.next();
      // `<A as Tr>::f` names A's implementation of f (`A<_>`, `Tr<_>`: the generic arguments do
      // not matter here); `A::<_>::f` likewise
      let selfQualified = false;
      let qualified = false;
      const segs: string[] = [];
      if (this.eat('<')) {
        qualified = true;
        const self = this.type();
        this.expect('as');
        this.type();
        if (!this.eatGt()) this.expect('>');
        if (self.k !== 'path') this.error('invalid reveal/hide', self.sp);
        selfQualified = self.name === 'Self';
        segs.push(self.name);
        this.expect('::');
      }
      segs.push(this.ident());
      while (this.eat('::')) {
        if (this.is('<')) {
          this.typeArgsOnly();
          this.expect('::');
        }
        segs.push(this.ident());
      }
      let fuel: number | null = null;
      // (`hide(f,)`: a trailing comma, as Rust allows)
      if (this.eat(',') && !this.is(')')) {
        const f = this.expr();
        fuel = f.k === 'int' && f.value <= 64n ? Number(f.value) : -1;
        this.eat(',');
      }
      this.expect(')');
      this.eat(';');
      return { k: 'reveal', name: segs, fuel, sp: { start: s, end: this.lastEnd() }, ...(qualified ? { qualified } : {}), ...(selfQualified ? { selfQualified } : {}), ...(hide ? { hide } : {}) };
    }
    if (t.kind === 'ident' && t.text === 'broadcast' && this.is('use', 1)) {
      this.next();
      this.next();
      const names = this.broadcastNames();
      this.expect(';');
      return { k: 'broadcast-use', names, sp: { start: s, end: this.lastEnd() } };
    }
    // Rust: a statement that starts with a block-like expression (`if`, `match`, a block, a loop)
    // ends with it, so `if c { } *x = 5;` is two statements, not a multiplication
    const startsBlockLike = ['if', 'match', 'while', 'loop', 'for', '{'].includes(t.text) || (t.text === 'unsafe' && this.is('{', 1)) || (t.kind === 'lifetime' && this.is(':', 1));
    let e = startsBlockLike ? this.primary() : this.expr();
    if (startsBlockLike && (this.is('.') || this.is('?'))) e = this.postfix(e);
    // (a `for` loop is a block, or `unsupported` when it is not over a range)
    const blockLike = e.k === 'if' || e.k === 'match' || e.k === 'block' || e.k === 'while' || e.k === 'loop' || t.text === 'for';
    if (this.eat(';')) return { k: 'expr', e, semi: true, sp: { start: s, end: this.lastEnd() } };
    if (!blockLike && !this.is('}')) this.error(`expected \`;\`, found \`${this.peek().text}\``);
    return { k: 'expr', e, semi: false, sp: { start: s, end: this.lastEnd() } };
  }

  // ---------------- patterns ----------------
  pat(): Pat {
    this.enter();
    try {
      const s = this.peek().start;
      this.eat('|');
      const first = this.pat1();
      if (!this.is('|')) return first;
      const alts = [first];
      while (this.eat('|')) alts.push(this.pat1());
      return { k: 'or', alts, sp: { start: s, end: this.lastEnd() } };
    } finally {
      this.leave();
    }
  }
  /** A range pattern's bound: an integer or char literal (possibly negative) or a path to a constant. */
  rangeBound(): Expr {
    const t = this.peek();
    if (t.kind === 'int' || t.kind === 'char' || (t.text === '-' && this.peek(1).kind === 'int')) return this.unary();
    const s = t.start;
    const segs = [this.ident()];
    while (this.eat('::')) segs.push(this.ident());
    return { k: 'path', segs, generics: [], sp: { start: s, end: this.lastEnd() } };
  }
  pat1(): Pat {
    const s = this.peek().start;
    const t = this.peek();
    if (this.eat('_')) return { k: 'wild', sp: { start: s, end: this.lastEnd() } };
    // `box p` (rustc's `box_patterns`): the types erase a `Box`, so the pattern is its inner one
    // (that the place is a `Box` is rustc's type check, not ours)
    if (t.text === 'box' && t.kind !== 'punct' && (this.peek(1).kind === 'ident' || this.is('(', 1) || this.is('_', 1) || this.is('&', 1))) {
      this.next();
      return this.pat1();
    }
    if (this.is('..=') || (this.is('..') && (this.peek(1).kind === 'int' || this.peek(1).kind === 'char' || this.peek(1).kind === 'ident' || (this.is('-', 1) && this.peek(2).kind === 'int')))) {
      // `..=hi` / `..hi`
      const inclusive = this.next().text === '..=';
      const hi = this.rangeBound();
      return { k: 'range', lo: null, hi, inclusive, sp: { start: s, end: this.lastEnd() } };
    }
    const rangeAfter = (lo: Expr): Pat | null => {
      if (!this.is('..=') && !this.is('..')) return null;
      const inclusive = this.next().text === '..=';
      // `lo..` (no upper bound) before `=>`, `|`, `,`, `)`, `if`
      const open = !inclusive && (this.is('=>') || this.is('|') || this.is(',') || this.is(')') || this.is('if'));
      const hi = open ? null : this.rangeBound();
      return { k: 'range', lo, hi, inclusive, sp: { start: s, end: this.lastEnd() } };
    };
    if (t.kind === 'int' || t.kind === 'char' || t.text === 'true' || t.text === 'false' || (t.text === '-' && this.peek(1).kind === 'int')) {
      const value = this.unary();
      return rangeAfter(value) ?? { k: 'lit', value, sp: { start: s, end: this.lastEnd() } };
    }
    // `u64::MAX` / `isize::MIN` (an integer type's bound constants): a literal pattern, or a range's bound
    if (t.kind === 'ident' && INT_TYPE_NAMES.has(t.text) && this.is('::', 1) && (this.peek(2).text === 'MIN' || this.peek(2).text === 'MAX')) {
      const value = this.rangeBound();
      return rangeAfter(value) ?? { k: 'lit', value, sp: { start: s, end: this.lastEnd() } };
    }
    // `A..=B` with named constants as bounds
    if (t.kind === 'ident' && (this.is('..=', 1) || (this.is('..', 1) && (this.peek(2).kind === 'int' || this.peek(2).kind === 'ident')))) {
      const lo = this.rangeBound();
      return rangeAfter(lo)!;
    }
    if (this.eat('(')) {
      const elems: Pat[] = [];
      let trailingComma = false;
      let restAt: number | undefined;
      while (!this.eat(')')) {
        if (this.is('..') && (this.is(',', 1) || this.is(')', 1))) {
          const r = this.next();
          if (restAt !== undefined) this.error('`..` can only be used once per tuple pattern', { start: r.start, end: r.end });
          restAt = elems.length;
        } else elems.push(this.pat());
        trailingComma = this.eat(',');
        if (!trailingComma) {
          this.expect(')');
          break;
        }
      }
      // `(p)` is a parenthesized pattern, `(p,)` a one-element tuple (as in Rust)
      if (elems.length === 1 && !trailingComma && restAt === undefined) return elems[0]!;
      return { k: 'tuple', elems, sp: { start: s, end: this.lastEnd() }, ...(restAt !== undefined ? { restAt } : {}) };
    }
    const ref = this.eat('ref');
    const mut = this.eat('mut');
    if (this.peek().kind === 'ident' && (this.peek().text === 'ghost' || this.peek().text === 'tracked') && this.peek(1).kind === 'ident') this.next();
    const path: string[] = [this.ident()];
    while (this.eat('::')) path.push(this.ident());
    if (this.eat('(')) {
      const args: Pat[] = [];
      let restAt: number | undefined;
      while (!this.eat(')')) {
        if (this.is('..') && (this.is(',', 1) || this.is(')', 1))) {
          const r = this.next();
          if (restAt !== undefined) this.error('`..` can only be used once per tuple struct or variant pattern', { start: r.start, end: r.end });
          restAt = args.length;
        } else args.push(this.pat());
        if (!this.eat(',')) {
          this.expect(')');
          break;
        }
      }
      return { k: 'variant', path, args, fields: null, rest: false, sp: { start: s, end: this.lastEnd() }, ...(restAt !== undefined ? { restAt } : {}) };
    }
    if (this.is('{')) {
      this.next();
      const fields: { name: string; pat: Pat }[] = [];
      let rest = false;
      while (!this.eat('}')) {
        if (this.eat('..')) {
          rest = true;
          this.expect('}');
          break;
        }
        const fs = this.peek().start;
        const mutF = this.eat('mut');
        // (`V { 0: a, 1: b }` names a tuple-like variant's fields by position)
        const fname = !mutF && this.peek().kind === 'int' && /^\d+$/.test(this.peek().text) && this.is(':', 1) ? this.next().text : this.ident();
        if (this.eat(':')) fields.push({ name: fname, pat: this.pat() });
        else fields.push({ name: fname, pat: { k: 'bind', name: fname, mut: mutF, sp: { start: fs, end: this.lastEnd() } } });
        if (!this.eat(',')) {
          this.expect('}');
          break;
        }
      }
      return { k: 'variant', path, args: null, fields, rest, sp: { start: s, end: this.lastEnd() } };
    }
    if (path.length === 1 && /^[a-z_]/.test(path[0]!) && path[0] !== 'None') {
      // `x @ P`: `x` is the value `P` matches
      const sub = this.eat('@') ? this.pat1() : undefined;
      return { k: 'bind', name: path[0]!, mut, sp: { start: s, end: this.lastEnd() }, ...(ref ? { ref: true } : {}), ...(sub ? { sub } : {}) };
    }
    return { k: 'variant', path, args: null, fields: null, rest: false, sp: { start: s, end: this.lastEnd() } };
  }

  // ---------------- expressions ----------------
  /** noStruct: a `{` after a path is not a struct literal (conditions, clause lists). */
  noStruct = false;
  expr(noStruct = false): Expr {
    const save = this.noStruct;
    this.noStruct = noStruct;
    this.enter();
    try {
      return this.exprAssign();
    } finally {
      this.noStruct = save;
      this.leave();
    }
  }
  exprNS(): Expr {
    return this.expr(true);
  }
  exprAssign(): Expr {
    const s = this.peek().start;
    const range = (lo: Expr | null): Expr => {
      const inclusive = this.next().text === '..=';
      const hi = !this.is(')') && !this.is(']') && !this.is('{') && !this.is(',') && !this.is(';') ? this.exprIff() : null;
      return { k: 'range', lo, hi, inclusive, sp: { start: s, end: this.lastEnd() } };
    };
    if (this.is('..') || this.is('..=')) return range(null);
    const lhs = this.exprIff();
    if (this.is('..') || this.is('..=')) return range(lhs);
    const t = this.peek();
    if (t.kind === 'punct' && ['=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<=', '>>='].includes(t.text)) {
      this.next();
      const rhs = this.exprAssign();
      return { k: 'assign', op: t.text, lhs, rhs, sp: { start: s, end: this.lastEnd() } };
    }
    return lhs;
  }
  bin(op: BinOp, l: Expr, r: Expr): Expr {
    return { k: 'binary', op, l, r, sp: { start: l.sp.start, end: r.sp.end } };
  }
  exprIff(): Expr {
    let l = this.exprImplies();
    while (this.is('<==>')) {
      this.next();
      const r = this.exprImplies();
      l = this.bin('<==>', l, r);
    }
    return l;
  }
  /**
   * `a ==> b ==> c` is `a ==> (b ==> c)`; `a <== b <== c` is `(a <== b) <== c`; the last operand
   * of a `==>` chain may be a `<==` chain. A loop, not recursion: a chain of any length parses
   * without stack depth (the tree height bound below then refuses what later phases cannot take).
   */
  exprImplies(): Expr {
    const heads: Expr[] = [];
    for (;;) {
      const l = this.exprOr();
      if (this.eat('==>')) {
        // `e matches P ==> rest`: the bindings of P are in scope in the rest of the chain
        if (this.bareMatches.has(l)) {
          let acc = this.matchesWith(l, this.exprImplies(), true);
          for (let i = heads.length - 1; i >= 0; i--) acc = this.bin('==>', heads[i]!, acc);
          return acc;
        }
        heads.push(l);
        continue;
      }
      let acc = l;
      while (this.eat('<==')) acc = this.bin('<==', acc, this.exprOr());
      for (let i = heads.length - 1; i >= 0; i--) acc = this.bin('==>', heads[i]!, acc);
      return acc;
    }
  }
  exprOr(): Expr {
    return this.binExpr(1);
  }
  /**
   * Verus's `e matches P`: true when `e` has the pattern `P`. Its bindings are in scope in the rest
   * of an `&&` chain after it (`e matches P && rest`: `match e { P => rest, _ => false }`) and on
   * the right of `==>` (`e matches P ==> rest`: `_ => true`, see exprImplies); a bare one is
   * `match e { P => true, _ => false }` (kept in `bareMatches` until an `==>` may claim it).
   */
  private bareMatches = new WeakSet<Expr>();
  private matchesExpr(scrut: Expr): Expr {
    this.next();
    const pat = this.pat();
    // (Verus's parser: `e matches P &&& q` where the `matches` is not in an item of a `&&&` list)
    if ((this.is('&&&') || this.is('|||')) && !this.inBulletItem) this.error(`in ${this.peek().text}, a matches expression needs to be prefixed with ${this.peek().text}`);
    if (this.eat('&&')) return this.matchesWith({ k: 'match', scrut, arms: [{ pat, guard: null, body: { k: 'bool', value: true, sp: pat.sp }, sp: pat.sp }], sp: { start: scrut.sp.start, end: this.lastEnd() } }, this.binExpr(2), false);
    const bare: Expr = { k: 'match', scrut, arms: [{ pat, guard: null, body: { k: 'bool', value: true, sp: pat.sp }, sp: pat.sp }, { pat: { k: 'wild', sp: pat.sp }, guard: null, body: { k: 'bool', value: false, sp: pat.sp }, sp: pat.sp }], sp: { start: scrut.sp.start, end: this.lastEnd() } };
    this.bareMatches.add(bare);
    return bare;
  }
  /** `matches` with a right-hand side: `P => rest, _ => otherwise`. */
  private matchesWith(m: Expr, rest: Expr, otherwise: boolean): Expr {
    if (m.k !== 'match') return m;
    const arm = m.arms[0]!;
    return { k: 'match', scrut: m.scrut, arms: [{ ...arm, body: rest }, { pat: { k: 'wild', sp: arm.pat.sp }, guard: null, body: { k: 'bool', value: otherwise, sp: arm.pat.sp }, sp: arm.pat.sp }], sp: { start: m.sp.start, end: rest.sp.end } };
  }

  /** Precedence climbing for `||` (1) .. `* / %` (9); comparisons (3) chain like Verus. */
  binExpr(minPrec: number): Expr {
    let l = this.exprCast();
    for (;;) {
      const t = this.peek();
      if (t.kind === 'ident' && t.text === 'matches' && minPrec <= 2) {
        l = this.matchesExpr(l);
        continue;
      }
      // Verus's `s has x` (`s.spec_has(x)`) and `s !has x` (`!` written against `has`), at the
      // comparisons' precedence
      const hasAt = t.kind === 'ident' && t.text === 'has' ? 1 : t.text === '!' && this.peek(1).kind === 'ident' && this.peek(1).text === 'has' && this.peek(1).start === t.end ? 2 : 0;
      if (hasAt && minPrec <= 3) {
        const nameTok = this.peek(hasAt - 1);
        for (let i = 0; i < hasAt; i++) this.next();
        const r = this.binExpr(4);
        const sp = { start: l.sp.start, end: r.sp.end };
        const call: Expr = { k: 'method', recv: l, name: 'spec_has', generics: [], args: [r], sp, nameSp: { start: nameTok.start, end: nameTok.end } };
        l = hasAt === 2 ? { k: 'unary', op: '!', e: call, sp } : call;
        continue;
      }
      if (t.kind !== 'punct') return l;
      const prec = BIN_PREC.get(t.text);
      if (prec === undefined || prec < minPrec) return l;
      if (t.text === '|' && this.inQuantParams) return l;
      if (prec === 3) {
        const ops: BinOp[] = [];
        const operands: Expr[] = [l];
        while (this.peek().kind === 'punct' && COMPARE.has(this.peek().text)) {
          ops.push(this.next().text as BinOp);
          operands.push(this.binExpr(4));
        }
        l = this.comparisons(ops, operands);
        continue;
      }
      this.next();
      const r = this.binExpr(prec + 1);
      l = this.bin(t.text as BinOp, l, r);
    }
  }
  /**
   * A sequence of comparisons, as Verus reads it: left-associative, except that consecutive
   * inequalities (`<` `<=` `>` `>=`) and `==` chain (`0 <= i < n` is `0 <= i && i < n`;
   * `a.len() == b.len() + 1 == 4` and `0 <= i < a.len() == b.len()`, which Verus's tests
   * write, are chains too); so `a != 0 == false` is `(a != 0) == false`.
   */
  private comparisons(ops: BinOp[], operands: Expr[]): Expr {
    const inequality = (op: BinOp | undefined) => op === '<' || op === '<=' || op === '>' || op === '>=';
    const chainable = (op: BinOp) => op === '==' || inequality(op);
    const chains = (run: { ops: BinOp[] }, op: BinOp) => chainable(op) && run.ops.every(chainable);
    const start = operands[0]!.sp.start;
    let acc = operands[0]!;
    // the inequalities ending at `acc` and their operands, while `acc` is (or is one) of them
    let run: { ops: BinOp[]; operands: Expr[] } | null = null;
    ops.forEach((op, i) => {
      const rhs = operands[i + 1]!;
      if (run && chains(run, op)) {
        run.ops.push(op);
        run.operands.push(rhs);
        acc = { k: 'chain', ops: [...run.ops], operands: [...run.operands], sp: { start, end: rhs.sp.end } };
      } else {
        run = inequality(op) || op === '==' ? { ops: [op], operands: [acc, rhs] } : null;
        acc = this.bin(op, acc, rhs);
      }
    });
    return acc;
  }
  inQuantParams = false;
  /** Reading an item of a `&&&` / `|||` list (a `matches` in it may be followed by the next item) */
  private inBulletItem = false;
  exprCast(): Expr {
    let e = this.unary();
    while (this.is('as')) {
      this.next();
      const ty = this.type();
      e = { k: 'cast', e, ty, sp: { start: e.sp.start, end: this.lastEnd() } };
    }
    return e;
  }
  unary(): Expr {
    this.enter();
    try {
      const s = this.peek().start;
      if (this.is('!') || this.is('-') || this.is('*')) {
        const op = this.next().text as '!' | '-' | '*';
        const e = this.unary();
        return { k: 'unary', op, e, sp: { start: s, end: this.lastEnd() } };
      }
      if (this.is('&') || this.is('&&')) {
        const double = this.next().text === '&&';
        // (`&raw const e` / `&raw mut e`: Verus refuses raw borrows in verified code)
        if (this.peek().kind === 'ident' && this.peek().text === 'raw' && (this.is('const', 1) || this.is('mut', 1))) this.error('Verus does not support raw borrows (`&raw const` / `&raw mut`) in verified code');
        const mut = this.eat('mut');
        let e = this.unary();
        e = { k: 'unary', op: mut ? '&mut' : '&', e, sp: { start: s, end: this.lastEnd() } };
        if (double) e = { k: 'unary', op: '&', e, sp: e.sp };
        return e;
      }
      if (this.is('#') && this.is('[', 1) && this.peek(2).text === 'trigger') {
        this.next();
        const open = this.i;
        this.skipBalanced();
        // `#[trigger f(x)]`: an expression inside the attribute (the checking phase refuses it)
        const attrArgs = this.i - open > 3 ? { start: this.toks[open + 2]!.end, end: this.toks[this.i - 1]!.start } : null;
        const e = this.unary();
        return { k: 'trigger', e, sp: { start: s, end: this.lastEnd() }, ...(attrArgs ? { attrArgs } : {}) };
      }
      // `#[verifier::proof_note("..")] e`: a message decoration of an assertion's expression, read
      // as on a statement (any other attribute there makes the function unsupported)
      if (this.is('#') && this.is('[', 1)) {
        this.innerAttrs('stmt');
        return this.unary();
      }
      return this.postfix(this.primary());
    } finally {
      this.leave();
    }
  }
  /** Items read by `item`, separated by commas (a trailing one allowed), up to and including `close`. */
  commaList<T>(close: string, item: () => T): T[] {
    const out: T[] = [];
    while (!this.eat(close)) {
      out.push(item());
      if (!this.eat(',')) {
        this.expect(close);
        break;
      }
    }
    return out;
  }

  args(close: string): Expr[] {
    const save = this.noStruct;
    this.noStruct = false;
    try {
      return this.commaList(close, () => this.expr());
    } finally {
      this.noStruct = save;
    }
  }
  postfix(e: Expr): Expr {
    for (;;) {
      const s = e.sp.start;
      // `f.await`: the value of a future (a method the checking phase gives its meaning)
      if (this.is('.') && this.peek(1).text === 'await') {
        this.next();
        const at = this.next();
        e = { k: 'method', recv: e, name: '$await', generics: [], args: [], sp: { start: s, end: this.lastEnd() }, nameSp: { start: at.start, end: at.end } };
        continue;
      }
      if (this.is('(')) {
        this.next();
        const args = this.args(')');
        e = { k: 'call', callee: e, args, sp: { start: s, end: this.lastEnd() } };
        e = chooseTuple(e) ?? specCastInteger(e) ?? e;
        continue;
      }
      if (this.is('[')) {
        this.next();
        const save = this.noStruct;
        this.noStruct = false;
        const idx = this.expr();
        this.noStruct = save;
        this.expect(']');
        e = { k: 'index', recv: e, idx, sp: { start: s, end: this.lastEnd() } };
        continue;
      }
      if (this.is('@')) {
        this.next();
        e = { k: 'view', e, sp: { start: s, end: this.lastEnd() } };
        continue;
      }
      if (this.is('?')) {
        this.next();
        e = { k: 'try', e, sp: { start: s, end: this.lastEnd() } };
        continue;
      }
      // `x->f`, `x->Variant_f`, `x->0` (a tuple variant's field)
      if (this.is('->') && (this.peek(1).kind === 'ident' || (this.peek(1).kind === 'int' && /^[0-9]+$/.test(this.peek(1).text)))) {
        this.next();
        const nameTok = this.next();
        e = { k: 'method', recv: e, name: '$arrow:' + nameTok.text, generics: [], args: [], sp: { start: s, end: this.lastEnd() }, nameSp: { start: nameTok.start, end: nameTok.end } };
        continue;
      }
      // `x is V` and `x !is V` / `x isnt V` (`!(x is V)`)
      const isnt = this.peek().kind === 'ident' && this.peek().text === 'isnt' && (this.peek(1).kind === 'ident' || this.peek(1).kind === 'keyword');
      const negatedIs = isnt || (this.is('!') && this.peek(1).kind === 'ident' && this.peek(1).text === 'is' && (this.peek(2).kind === 'ident' || this.peek(2).kind === 'keyword'));
      if (negatedIs || (this.peek().kind === 'ident' && this.peek().text === 'is' && (this.peek(1).kind === 'ident' || this.peek(1).kind === 'keyword'))) {
        if (negatedIs && !isnt) this.next();
        this.next();
        const segs: string[] = [this.ident()];
        while (this.eat('::')) segs.push(this.ident());
        e = { k: 'method', recv: e, name: '$is:' + segs[segs.length - 1], generics: [], args: [], sp: { start: s, end: this.lastEnd() }, nameSp: { start: s, end: this.lastEnd() } };
        if (negatedIs) e = { k: 'unary', op: '!', e, sp: e.sp };
        continue;
      }
      if (this.is('.')) {
        this.next();
        const t = this.peek();
        if (t.kind === 'int') {
          this.next();
          e = { k: 'field', recv: e, name: t.text, sp: { start: s, end: this.lastEnd() } };
          continue;
        }
        if (t.kind === 'float') {
          // t.0.1 lexed as float "0.1"
          this.next();
          const [a, b] = t.text.split('.');
          e = { k: 'field', recv: e, name: a!, sp: { start: s, end: t.start + a!.length } };
          e = { k: 'field', recv: e, name: b!, sp: { start: s, end: this.lastEnd() } };
          continue;
        }
        const nameTok = this.peek();
        const name = this.ident();
        let generics: TypeExpr[] = [];
        if (this.is('::') && this.is('<', 1)) {
          this.next();
          this.next();
          while (!this.eatGt()) {
            generics.push(this.genericArg());
            if (!this.eat(',')) {
              if (!this.eatGt()) this.error('expected `>`');
              break;
            }
          }
        }
        if (this.is('(')) {
          this.next();
          const args = this.args(')');
          e = { k: 'method', recv: e, name, generics, args, sp: { start: s, end: this.lastEnd() }, nameSp: { start: nameTok.start, end: nameTok.end } };
        } else {
          generics = [];
          e = { k: 'field', recv: e, name, sp: { start: s, end: this.lastEnd() } };
        }
        continue;
      }
      return e;
    }
  }
  quantHead(): { params: { name: string; ty: TypeExpr; sp: Sp }[]; triggers: Expr[][]; attrs?: { name: string; sp: Sp }[]; all: boolean } {
    this.expect('|');
    const params: { name: string; ty: TypeExpr; sp: Sp }[] = [];
    while (!this.eat('|')) {
      const ps = this.peek().start;
      const name = this.ident();
      let ty: TypeExpr = { k: 'infer', sp: { start: ps, end: this.lastEnd() } };
      if (this.eat(':')) {
        const save = this.inQuantParams;
        this.inQuantParams = true;
        ty = this.type();
        this.inQuantParams = save;
      }
      params.push({ name, ty, sp: { start: ps, end: this.lastEnd() } });
      if (!this.eat(',')) {
        this.expect('|');
        break;
      }
    }
    const triggers: Expr[][] = [];
    // the other inner attributes (`#![auto]`, ...), for the checking phase
    const attrs: { name: string; sp: Sp }[] = [];
    let all = false;
    while (this.is('#') && this.is('!', 1) && this.is('[', 2)) {
      const as = this.next().start;
      this.next();
      this.next();
      const w = this.ident();
      if (w === 'trigger') {
        triggers.push(this.triggerTerms());
      } else if (w === 'all_triggers') {
        all = true;
      } else {
        while (!this.is(']') && this.peek().kind !== 'eof') this.next();
      }
      this.expect(']');
      if (w !== 'trigger') attrs.push({ name: w, sp: { start: as, end: this.lastEnd() } });
    }
    return { params, triggers, all, ...(attrs.length ? { attrs } : {}) };
  }
  /**
   * `<Type as Trait>::name` (the `<` is next): read as `Type::name` with the trait kept for the
   * checker (the type's own segments and generic arguments lead the path). `<Type>::name` is
   * `Type::name`.
   */
  qualifiedPathHead(): { segs: string[]; generics: TypeExpr[]; asTrait?: { name: string; sp: Sp; args?: TypeExpr[] } } {
    this.expect('<');
    const self = this.type();
    let asTrait: { name: string; sp: Sp; args?: TypeExpr[] } | undefined;
    if (this.eat('as')) {
      const tr = this.type();
      if (tr.k !== 'path') this.error('expected a trait after `as`');
      asTrait = { name: tr.name, sp: tr.sp, ...(tr.args.length ? { args: tr.args } : {}) };
    }
    if (!this.eatGt()) this.error('expected `>`');
    this.expect('::');
    const name = this.ident();
    if (self.k !== 'path') this.error('unsupported: a qualified path on a type that is not a named type', self.sp);
    return { segs: [...self.segs, name], generics: self.args, ...(asTrait ? { asTrait } : {}) };
  }

  /**
   * `vec![a, b]` (after its opening bracket), expanded as std's macro does: a new vector with each
   * element pushed, `{ let mut v = Vec::new(); v.push(a); v.push(b); v }` (the local's name is no
   * Rust identifier, so it shadows nothing). `vec![x; n]` is unsupported.
   */
  /**
   * `open_atomic_invariant!(inv => v => { body })`, `open_local_invariant!(..)`, and the
   * `_in_proof` forms (`credit => inv => v => { body }`), desugared as `InvariantBlock` says
   * (ast.ts): the checking phase and VC generation read the statements as any others, and the
   * block's own rules (mask, unwinding, early exits, atomicity) from the marker.
   */
  openInvariant(name: string, close: string, start: number): Expr {
    const atomic = name.startsWith('open_atomic');
    const inProof = name.endsWith('_in_proof');
    const credit = inProof ? this.expr() : null;
    if (credit) this.expect('=>');
    const inv = this.expr();
    const headSp = { start, end: this.lastEnd() };
    this.expect('=>');
    const binderTok = this.peek();
    const binder = this.ident();
    const binderSp = { start: binderTok.start, end: binderTok.end };
    this.expect('=>');
    const body = this.block();
    const closeTok = this.peek();
    this.expect(close);
    const sp = { start, end: this.lastEnd() };
    const endSp = { start: closeTok.start, end: closeTok.end };
    const path = (n: string, at: Sp): Expr => ({ k: 'path', segs: [n], generics: [], sp: at });
    const call = (f: string, args: Expr[], at: Sp): Expr => ({ k: 'call', callee: path(f, at), args, sp: at });
    // (another use of `inv`, its own node: the checking phase records types per node)
    const copy = (): Expr => structuredClone(inv);
    const nsLocal = `$inv_ns_${start}`;
    // (the invariant as opened: what the end gives back to, whatever the block does to `inv`)
    const opened = `$inv_${start}`;
    const which = atomic ? 'atomic' : 'local';
    const stmts: Stmt[] = [];
    if (credit) stmts.push({ k: 'expr', e: call('spend_open_invariant_credit_in_proof', [credit], credit.sp), semi: true, sp: credit.sp });
    stmts.push({ k: 'let', pat: { k: 'bind', name: opened, mut: false, sp: inv.sp }, ghost: true, ty: null, init: copy(), sp: inv.sp });
    stmts.push({ k: 'let', pat: { k: 'bind', name: nsLocal, mut: false, sp: inv.sp }, ghost: true, ty: null, init: { k: 'method', recv: path(opened, inv.sp), name: 'namespace', generics: [], args: [], nameSp: inv.sp, sp: inv.sp }, sp: inv.sp });
    stmts.push({ k: 'let', pat: { k: 'bind', name: binder, mut: true, sp: binderSp }, ghost: true, tracked: true, ty: null, init: call(`open_${which}_invariant_begin`, [inv], headSp), sp: headSp });
    const bodyIndex = stmts.length;
    stmts.push({ k: 'expr', e: { k: 'block', block: body, sp: body.sp }, semi: true, sp: body.sp });
    const end = call(`open_${which}_invariant_end`, [path(opened, endSp), path(binder, endSp)], endSp);
    // (exec code calls a proof fn in a proof block)
    stmts.push(inProof ? { k: 'expr', e: end, semi: true, sp: endSp } : { k: 'proof', block: { stmts: [{ k: 'expr', e: end, semi: true, sp: endSp }], sp: endSp }, sp: endSp });
    return { k: 'block', block: { stmts, sp }, sp, invariantBlock: { atomic, inProof, nsLocal, bodyIndex, sp: headSp } };
  }

  /** Expressions separated by commas up to (not including) `end`. */
  commaListUntil(end: string): Expr[] {
    const out: Expr[] = [];
    while (!this.is(end) && this.peek().kind !== 'eof') {
      out.push(this.expr());
      if (!this.eat(',')) break;
    }
    return out;
  }

  /**
   * Whether the macro arguments up to `close` are one expression or two (at most one top-level
   * `,`, a trailing one aside) and no top-level `=>` (a proof form's binder).
   */
  isOneOrTwoArgs(close: string): boolean {
    let commas = 0;
    for (let j = this.i; j < this.toks.length; j++) {
      const t = this.toks[j]!.text;
      if (t === close) return commas <= 1 || (commas === 2 && this.toks[j - 1]!.text === ',');
      if (t === ',') commas++;
      if (t === '=>') return false;
      if (t === '(' || t === '[' || t === '{') j = this.matchOf[j] ?? j;
    }
    return false;
  }

  /**
   * Verus's `calc! { (R) e0; (R1)? { p1 } e1; .. en; }`: `assert(e0 R en) by { assert(e0 R1 e1)
   * by { p1 }; .. }`, each step with its own proof (what one assumes reaches neither the others
   * nor the code after), a step's relation one the chain's allows (Verus's error otherwise).
   */
  calcMacro(close: string, start: number): Expr {
    const relation = (): { op: BinOp; sp: Sp } => {
      const s = this.peek().start;
      this.expect('(');
      const t = this.next();
      this.expect(')');
      if (!CALC_STEPS.has(t.text)) this.error(`unsupported relation \`${t.text}\` in calc!`, { start: s, end: this.lastEnd() });
      return { op: t.text as BinOp, sp: { start: s, end: this.lastEnd() } };
    };
    const top = relation();
    const allowed = CALC_STEPS.get(top.op) ?? [];
    const exprs: Expr[] = [this.expr()];
    this.expect(';');
    const steps: { op: BinOp; proof: Block }[] = [];
    while (!this.is(close) && this.peek().kind !== 'eof') {
      let op = top.op;
      if (this.is('(')) {
        const r = relation();
        if (!allowed.includes(r.op)) this.error(`inconsistent relation \`${r.op}\` with \`${top.op}\``, r.sp);
        op = r.op;
      }
      steps.push({ op, proof: this.block() });
      exprs.push(this.expr());
      this.expect(';');
    }
    this.expect(close);
    const sp = { start, end: this.lastEnd() };
    if (!steps.length) this.error('calc! needs at least one step', sp);
    const bin = (op: BinOp, l: Expr, r: Expr): Expr => ({ k: 'binary', op, l, r, sp: { start: l.sp.start, end: r.sp.end } });
    const stepAsserts: Stmt[] = steps.map((s, i) => ({ k: 'assert', e: bin(s.op, exprs[i]!, exprs[i + 1]!), by: 'block', req: [], proof: s.proof, sp: { start: exprs[i]!.sp.start, end: exprs[i + 1]!.sp.end } }));
    const whole: Stmt = { k: 'assert', e: bin(top.op, exprs[0]!, exprs[exprs.length - 1]!), by: 'block', req: [], proof: { stmts: stepAsserts, sp }, sp };
    return { k: 'block', block: { stmts: [whole], sp }, sp };
  }

  vecMacro(close: string, start: number): Expr {
    const save = this.noStruct;
    this.noStruct = false;
    let args: Expr[];
    try {
      args = this.commaList(close, () => {
        const a = this.expr();
        if (this.is(';')) this.error('unsupported: `vec![x; n]`');
        return a;
      });
    } finally {
      this.noStruct = save;
    }
    const sp: Sp = { start, end: this.lastEnd() };
    const local = 'vec$';
    const v: Expr = { k: 'path', segs: [local], generics: [], sp };
    const stmts: Stmt[] = [
      { k: 'let', pat: { k: 'bind', name: local, mut: true, sp }, ghost: false, ty: null, init: { k: 'call', callee: { k: 'path', segs: ['Vec', 'new'], generics: [], sp }, args: [], sp }, sp },
      ...args.map((a): Stmt => ({ k: 'expr', e: { k: 'method', recv: v, name: 'push', generics: [], args: [a], sp: a.sp, nameSp: a.sp }, semi: true, sp: a.sp })),
      { k: 'expr', e: v, semi: false, sp },
    ];
    return { k: 'block', block: { stmts, sp }, sp };
  }

  primary(): Expr {
    const t = this.peek();
    const s = t.start;
    const sp = (): Sp => ({ start: s, end: this.lastEnd() });
    if (t.kind === 'int') {
      this.next();
      const m = /^(0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|[0-9_]+)([a-z0-9]*)$/.exec(t.text);
      if (!m) this.error(`bad integer literal ${t.text}`);
      const digits = m[1]!.replace(/_/g, '');
      // bounded work on hostile input: see MAX_INT_LITERAL_DIGITS
      const ndigits = digits.length - (/^0[xob]/.test(digits) ? 2 : 0);
      if (ndigits > MAX_INT_LITERAL_DIGITS) this.error(`integer literal is too large: ${ndigits} digits, at most ${MAX_INT_LITERAL_DIGITS} are accepted`, sp());
      let value: bigint;
      try {
        value = digits.startsWith('0o') ? BigInt('0o' + digits.slice(2)) : BigInt(digits);
      } catch {
        this.error(`bad integer literal ${t.text}`);
      }
      // `5real`: Verus's real literal
      if (m[2] === 'real') return { k: 'real', num: value, den: 1n, suffixed: true, sp: sp() };
      return { k: 'int', value, suffix: m[2] ?? '', sp: sp() };
    }
    if (t.kind === 'char') {
      this.next();
      const byte = t.text.startsWith('b');
      const value = charLiteralValue(byte ? t.text.slice(1) : t.text, byte);
      if (value === null || (byte && value > 0xff)) this.error(`invalid ${byte ? 'byte' : 'character'} literal ${t.text}`, sp());
      // a byte literal `b'a'` is a `u8`
      return byte ? { k: 'int', value: BigInt(value), suffix: 'u8', sp: sp() } : { k: 'char', value, sp: sp() };
    }
    if (t.kind === 'string') {
      this.next();
      // a C string (`c".."`) is a pointer: not modelled
      if (t.text.startsWith('c')) return { k: 'unsupported', what: 'C string literal', sp: sp() };
      if (t.text.startsWith('b')) {
        // (a byte string holds ASCII characters and escapes only, as rustc requires)
        const value = stringLiteralValue(t.text);
        if (value === null || /[^\x00-\x7f]/.test(t.text)) this.error('invalid byte string literal (only ASCII characters and escapes)', sp());
        return { k: 'bytes', value: [...value].map((c) => c.codePointAt(0)!), sp: sp() };
      }
      const value = stringLiteralValue(t.text);
      if (value === null) this.error(`invalid string literal`, sp());
      return { k: 'str', value, sp: sp() };
    }
    if (t.kind === 'float') {
      this.next();
      // `0.2real`, `2.0`: a real (the checking phase refuses an unsuffixed one in exec code);
      // `1.5f64`, an exponent: floats, not modelled
      const m = /^([0-9_]+)\.([0-9_]*)(real)?$/.exec(t.text);
      if (!m || m[1]!.length + m[2]!.length > MAX_INT_LITERAL_DIGITS) return { k: 'unsupported', what: `${t.kind} literal`, sp: sp() };
      const frac = m[2]!.replace(/_/g, '');
      const den = 10n ** BigInt(frac.length);
      return { k: 'real', num: BigInt(m[1]!.replace(/_/g, '') + frac || '0'), den, suffixed: !!m[3], sp: sp() };
    }
    if (t.text === 'true' || t.text === 'false') {
      this.next();
      return { k: 'bool', value: t.text === 'true', sp: sp() };
    }
    if (t.text === '&&&' || t.text === '|||') {
      const items: Expr[] = [];
      while (this.is(t.text)) {
        this.next();
        const outer = this.inBulletItem;
        this.inBulletItem = true;
        try {
          items.push(this.exprIff());
        } finally {
          this.inBulletItem = outer;
        }
      }
      // `&&& e matches P &&& rest ..`: P's bindings are in scope in the items after it, as in an
      // `&&` chain (`match e { P => &&& rest .., _ => false }`)
      if (t.text === '&&&') {
        for (let i = items.length - 2; i >= 0; i--) {
          if (!this.bareMatches.has(items[i]!)) continue;
          const rest = items.splice(i + 1);
          const restE: Expr = rest.length === 1 ? rest[0]! : { k: 'bullets', op: '&&', items: rest, sp: { start: rest[0]!.sp.start, end: rest[rest.length - 1]!.sp.end } };
          items[i] = this.matchesWith(items[i]!, restE, false);
        }
      }
      return { k: 'bullets', op: t.text === '&&&' ? '&&' : '||', items, sp: sp() };
    }
    if (t.text === '(') {
      this.next();
      if (this.eat(')')) return { k: 'tuple', elems: [], sp: sp() };
      const save = this.noStruct;
      this.noStruct = false;
      const first = this.expr();
      if (this.eat(')')) {
        this.noStruct = save;
        return { ...first, sp: first.sp } as Expr;
      }
      const elems = [first];
      while (this.eat(',')) {
        if (this.is(')')) break;
        elems.push(this.expr());
      }
      this.noStruct = save;
      this.expect(')');
      return { k: 'tuple', elems, sp: sp() };
    }
    if (t.text === '[') {
      this.next();
      if (this.eat(']')) return { k: 'array', elems: [], sp: sp() };
      const first = this.expr();
      if (this.eat(';')) {
        const len = this.expr();
        this.expect(']');
        return { k: 'array-rep', elem: first, len, sp: sp() };
      }
      const elems = [first];
      while (this.eat(',')) {
        if (this.is(']')) break;
        elems.push(this.expr());
      }
      this.expect(']');
      return { k: 'array', elems, sp: sp() };
    }
    if (t.text === '{') {
      const save = this.noStruct;
      this.noStruct = false;
      const block = this.block();
      this.noStruct = save;
      return { k: 'block', block, sp: sp() };
    }
    if (t.text === 'unsafe' && this.is('{', 1)) {
      this.next();
      const block = this.block();
      return { k: 'block', block, sp: sp() };
    }
    if (t.text === 'if') return this.ifExpr();
    if (t.text === 'match') {
      this.next();
      const scrut = this.exprNS();
      this.expect('{');
      const arms: { pat: Pat; guard: Expr | null; body: Expr; sp: Sp }[] = [];
      while (!this.eat('}')) {
        const as = this.peek().start;
        this.innerAttrs('stmt');
        const pat = this.pat();
        let guard: Expr | null = null;
        if (this.eat('if')) guard = this.expr();
        this.expect('=>');
        // `=> assert(e),`: Verus's assert/assume are unit expressions; the arm is that one statement
        const t0 = this.peek();
        const bodyStart = t0.start;
        const body: Expr = t0.kind === 'ident' && (t0.text === 'assert' || t0.text === 'assume') && this.is('(', 1)
          ? (() => {
              const st = this.stmtAfterAttrs();
              const bsp = { start: bodyStart, end: this.lastEnd() };
              return { k: 'block' as const, block: { stmts: [st], sp: bsp }, sp: bsp };
            })()
          : this.expr();
        const isBlock = body.k === 'block' || body.k === 'if' || body.k === 'match';
        arms.push({ pat, guard, body, sp: { start: as, end: this.lastEnd() } });
        if (!this.eat(',') && !isBlock) {
          this.expect('}');
          break;
        }
      }
      return { k: 'match', scrut, arms, sp: sp() };
    }
    if (t.text === 'while' && this.is('let', 1)) return this.whileLet();
    if (t.text === 'while' || t.text === 'loop') {
      this.next();
      const cond: Expr = t.text === 'while' ? this.exprNS() : { k: 'bool', value: true, sp: sp() };
      const { inv, invEnsures, dec, unsupportedClause, complex } = this.loopClauses();
      const body = this.block();
      // the loop is not verified without its clause: never a silent pass
      if (unsupportedClause) return { k: 'unsupported', what: `\`${unsupportedClause.clause}\` clause`, sp: unsupportedClause.sp };
      const more = complex ? { complex } : {};
      if (t.text === 'while') return { k: 'while', cond, inv, invEnsures, dec, body, sp: sp(), ...more };
      return { k: 'loop', inv, invEnsures, dec, body, sp: sp(), ...more };
    }
    if (t.text === 'for') return this.forLoop();
    if (t.text === 'return') {
      this.next();
      let e: Expr | null = null;
      if (!this.is(';') && !this.is('}') && !this.is(',') && !this.is(')')) e = this.expr();
      return { k: 'return', e, sp: sp() };
    }
    if (t.text === 'break') {
      this.next();
      const label = this.peek().kind === 'lifetime' ? this.next().text : undefined;
      if (!this.is(';') && !this.is('}') && !this.is(',') && !this.is(')')) {
        // (`break v` out of a `loop`: the loop's value is not modelled)
        this.expr();
        return { k: 'unsupported', what: '`break` with a value', sp: sp() };
      }
      return { k: 'break', sp: sp(), ...(label ? { label } : {}) };
    }
    if (t.text === 'continue') {
      this.next();
      const label = this.peek().kind === 'lifetime' ? this.next().text : undefined;
      return { k: 'continue', sp: sp(), ...(label ? { label } : {}) };
    }
    if (t.kind === 'lifetime' && this.is(':', 1)) {
      // `'outer: loop { .. }`: a labelled loop (a `for` is a block around its `while`)
      this.next();
      this.next();
      // (Verus refuses a labelled block)
      if (this.is('{')) this.error('The verifier does not yet support the following Rust feature: block with label');
      if (!this.is('loop') && !this.is('while') && !this.is('for')) this.error('unsupported: a label on something other than a loop');
      const loop = this.primary();
      const target = loop.k === 'block' ? loop.block.stmts.map((x) => (x.k === 'expr' ? x.e : null)).find((x) => x?.k === 'while') : loop;
      if (target && (target.k === 'while' || target.k === 'loop')) target.label = t.text;
      else if (loop.k !== 'unsupported') this.error('unsupported: this labelled loop');
      return loop;
    }
    if (t.text === '|' || t.text === '||' || (t.text === 'move' && (this.is('|', 1) || this.is('||', 1) || this.isProofFn(1)))) return this.closure();
    if (this.isProofFn(0)) return this.closure();
    if (t.kind === 'ident' && (t.text === 'forall' || t.text === 'exists' || t.text === 'choose') && this.is('(', 1) && (this.is('|', 2) || this.is('||', 2))) {
      this.error(`forall, choose, and exists do not allow parentheses around the closure (write \`${t.text} |..| ..\`)`);
    }
    if (t.kind === 'ident' && (t.text === 'forall' || t.text === 'exists' || t.text === 'choose') && this.is('|', 1)) {
      this.next();
      const { params, triggers, attrs, all } = this.quantHead();
      const save = this.noStruct;
      this.noStruct = false;
      const body = this.exprIff();
      this.noStruct = save;
      return { k: 'quant', q: t.text as 'forall' | 'exists' | 'choose', params, triggers, ...(all ? { allTriggers: true } : {}), body, sp: sp(), ...(attrs ? { attrs } : {}) };
    }
    const qualified = t.text === '<' ? this.qualifiedPathHead() : null;
    if (qualified || t.kind === 'ident' || (t.kind === 'keyword' && ['self', 'Self', 'crate', 'super'].includes(t.text)) || t.text === '::') {
      if (!qualified) this.eat('::');
      const segs: string[] = qualified ? qualified.segs : [this.ident()];
      let generics: TypeExpr[] = qualified?.generics ?? [];
      let genericsSeg = qualified ? qualified.segs.length - 2 : 0;
      for (;;) {
        if (this.is('::') && this.is('<', 1)) {
          this.next();
          this.next();
          generics = [];
          genericsSeg = segs.length - 1;
          while (!this.eatGt()) {
            generics.push(this.genericArg());
            if (!this.eat(',')) {
              if (!this.eatGt()) this.error('expected `>`');
              break;
            }
          }
          continue;
        }
        if (this.is('::')) {
          this.next();
          segs.push(this.ident());
          continue;
        }
        break;
      }
      // macro call
      if (this.is('!') && (this.is('(', 1) || this.is('[', 1) || this.is('{', 1)) && segs.length === 1) {
        this.next();
        const open = this.next().text;
        const close = open === '(' ? ')' : open === '[' ? ']' : '}';
        const name = segs[0]!;
        if (name === 'vec') return this.vecMacro(close, s);
        if (OPEN_INVARIANT_MACROS.has(name)) return this.openInvariant(name, close, s);
        if (name === 'calc') return this.calcMacro(close, s);
        if (name === 'decreases_to') {
          // `decreases_to!(a, b => c, d)`: [c, d] is below [a, b] in `decreases` order
          const from = this.commaListUntil('=>');
          this.expect('=>');
          const to = this.args(close);
          return { k: 'macro', name, args: [...from, ...to], split: from.length, sp: sp() };
        }
        if (EXT_EQUAL_MACROS.has(name) && this.isOneOrTwoArgs(close)) {
          // vstd's `assert_seqs_equal!(a == b)` / `assert_seqs_equal!(a, b)` (and the maps' and
          // sets'): `assert(a =~= b)`; the form with a proof for each element is not read
          const args = this.args(close);
          const eq = args.length === 1 ? args[0]! : null;
          const e: Expr = eq ? (eq.k === 'binary' && eq.op === '==' ? { ...eq, op: '=~=' } : eq) : { k: 'binary', op: '=~=', l: args[0]!, r: args[1]!, sp: { start: args[0]!.sp.start, end: args[1]!.sp.end } };
          return { k: 'block', block: { stmts: [{ k: 'assert', e, by: 'none', req: [], proof: null, sp: sp() }], sp: sp() }, sp: sp() };
        }
        if (name === 'iset') {
          // vstd's `iset![a, b]` expands to `ISet::empty().insert(a).insert(b)` (library/vstd/iset.rs)
          return this.insertChain('ISet', this.args(close).map((e) => [e]), sp());
        }
        if (name === 'map' || name === 'imap') {
          // `map![k1 => v1, k2 => v2]`: keys and values alternate in `args`
          const args: Expr[] = [];
          while (!this.is(close) && this.peek().kind !== 'eof') {
            args.push(this.expr());
            this.expect('=>');
            args.push(this.expr());
            if (!this.eat(',')) break;
          }
          this.expect(close);
          // vstd's `imap![k => v]` expands to `IMap::empty().insert(k, v)` (library/vstd/imap.rs)
          if (name === 'imap') return this.insertChain('IMap', args.flatMap((_, i) => (i % 2 ? [] : [[args[i]!, args[i + 1]!]])), sp());
          return { k: 'macro', name, args, sp: sp() };
        }
        if (name === 'seq' && !this.is(close)) {
          // `seq![e; n]`: vstd's `Seq::new(n, |_x| e)`
          const save = this.i;
          const elem = this.expr();
          if (this.eat(';')) {
            const n = this.expr();
            this.expect(close);
            const at = elem.sp;
            const fn: Expr = { k: 'closure', params: [{ name: '_x', ty: { k: 'infer', sp: at }, sp: at }], body: elem, sp: at };
            return { k: 'call', callee: { k: 'path', segs: ['Seq', 'new'], generics: [], sp: sp() }, args: [n, fn], sp: sp() };
          }
          this.i = save;
        }
        if (['seq', 'set', 'assert', 'assert_eq'].includes(name)) {
          const args = this.args(close);
          return { k: 'macro', name, args, sp: sp() };
        }
        this.i--;
        this.skipBalanced();
        return { k: 'macro', name, args: [], sp: sp() };
      }
      if (this.is('{') && !this.noStruct && (/^[A-Z]/.test(segs[segs.length - 1]!) )) {
        this.next();
        const fields: { name: string; e: Expr; sp: Sp }[] = [];
        let base: Expr | null = null;
        while (!this.eat('}')) {
          if (this.eat('..')) {
            base = this.expr();
            this.expect('}');
            break;
          }
          const fs = this.peek().start;
          const fname = this.peek().kind === 'int' ? this.next().text : this.ident();
          let fe: Expr;
          if (this.eat(':')) fe = this.expr();
          else fe = { k: 'path', segs: [fname], generics: [], sp: { start: fs, end: this.lastEnd() } };
          fields.push({ name: fname, e: fe, sp: { start: fs, end: this.lastEnd() } });
          if (!this.eat(',')) {
            this.expect('}');
            break;
          }
        }
        return { k: 'struct', path: segs, fields, base, sp: sp(), ...(generics.length ? { generics } : {}) };
      }
      return { k: 'path', segs, generics, ...(generics.length ? { genericsSeg } : {}), ...(qualified ? { asTrait: qualified.asTrait } : {}), sp: sp() };
    }
    if (t.kind === 'keyword' && t.text === 'final' && this.is('(', 1)) {
      // Verus's `final(x)`: the value a `&mut` parameter holds when the function returns
      this.next();
      return { k: 'path', segs: ['final'], generics: [], sp: sp() };
    }
    this.error(`expected expression, found \`${t.text || 'end of file'}\``);
  }
  /**
   * A trait's or an impl's `const X: T;` / `const X: T = e;` from its `const` keyword: with a
   * value, a constant no path names (`X`, `of`), whose value the checking phase judges as Verus
   * judges a trait constant's (`traitConst`); none when it names `Self` or a generic parameter.
   */
  private assocConst(of: string, traitConst: 'default' | 'impl', module: string[], generics: readonly string[]): ConstItem | null {
    const start = this.peek().start;
    this.expect('const');
    const name = this.ident();
    this.expect(':');
    const ty = this.type();
    const value = this.eat('=') ? this.expr() : null;
    this.expect(';');
    const named = new Set(['Self', ...generics]);
    if (!value || someNode([ty, value], (n) => (n.k === 'path' && ((n as { segs?: string[] }).segs ?? [(n as { name?: string }).name]).some((x) => named.has(x!))))) return null;
    return { k: 'const', name: `${name} (${of})`, ty, value, selfType: null, traitConst, sp: { start, end: this.lastEnd() }, module };
  }
  /** `const X: T = e;` from its `const` keyword. */
  /** Whether `const X: T ensures ..` starts here (the type's end found by its `ensures`). */
  private constWithEnsures(): boolean {
    for (let j = this.i; j < this.toks.length; j = this.matchOf[j]! > j ? this.matchOf[j]! + 1 : j + 1) {
      const t = this.toks[j]!.text;
      if (t === 'ensures') return true;
      if (t === '=' || t === ';' || t === '{' || t === '}') return false;
    }
    return false;
  }

  /**
   * `exec const X: T ensures E { body }`, and a static (`[exec] static X: T [ensures E] = v;`,
   * or with a block), as Verus reads them, as functions without arguments: the exec function `X`
   * with result `X`, the contract and the body, verified like any function, and the exec constant
   * `X` whose value is that function's call (an exec read of it is the call: a value the `ensures`
   * describe, a static's value itself unknown to its readers). A `static mut` is `unsupported`.
   */
  private execConstWithEnsures(start: number, selfType: string | null, module: string[], vis: Visibility | undefined, attrs: string[], keyword: 'const' | 'static'): Item[] {
    const kw = this.expect(keyword);
    if (keyword === 'static' && this.is('mut')) {
      this.recoverItemSimple();
      return [{ k: 'unsupported', what: '`static mut` item', sp: { start: kw.start, end: this.lastEnd() }, module }];
    }
    const nameTok = this.peek();
    const name = this.ident();
    const nameSp = { start: nameTok.start, end: nameTok.end };
    this.expect(':');
    const ty = this.type();
    const ensures: Expr[] = [];
    if (keyword === 'const' || this.is('ensures')) {
      this.expect('ensures');
      this.clauseList(ensures);
    }
    let body: Block;
    if (keyword === 'static' && this.eat('=')) {
      const value = this.expr();
      this.expect(';');
      body = { stmts: [{ k: 'expr', e: value, semi: false, sp: value.sp }], sp: value.sp };
    } else body = this.block();
    const sp = { start, end: this.lastEnd() };
    // (in its `ensures` the constant is the result: an associated one's `Self::X` too)
    const asResult = (n: unknown): unknown => {
      if (!n || typeof n !== 'object') return n;
      if (Array.isArray(n)) return n.map(asResult);
      const o = n as Expr;
      if (o.k === 'path' && o.segs.length === 2 && selfType && (o.segs[0] === 'Self' || o.segs[0] === selfType) && o.segs[1] === name) return { ...o, segs: [name] };
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(o)) out[k] = k === 'sp' ? v : asResult(v);
      return out;
    };
    const fn: FnItem = { k: 'fn', name, mode: 'exec', open: false, attrs, params: [], ret: { name, ty }, requires: [], ensures: asResult(ensures) as Expr[], recommends: [], decreases: [], returns: null, unsupportedClauses: [], body, generics: [], selfType, nameSp, sp, module, vis, constFn: true };
    const call: Expr = { k: 'call', callee: { k: 'path', segs: selfType ? [selfType, name] : [name], generics: [], sp: nameSp }, args: [], sp: nameSp };
    return [fn, { k: 'const', name, ty, value: call, selfType, sp, module, vis, mode: 'exec', viaFn: true }];
  }

  private constItem(start: number, selfType: string | null, module: string[], vis: Visibility | undefined): ConstItem {
    this.expect('const');
    const name = this.ident();
    this.expect(':');
    const ty = this.type();
    this.expect('=');
    const value = this.expr();
    this.expect(';');
    return { k: 'const', name, ty, value, selfType, sp: { start, end: this.lastEnd() }, module, vis };
  }
  /** The clauses of a loop (`invariant`, `ensures`, `decreases`, ..) before its body. */
  loopClauses(): { inv: Expr[]; invEnsures: Expr[]; dec: Expr[]; unsupportedClause: { clause: string; sp: Sp } | null; complex: Sp | undefined } {
    const inv: Expr[] = [];
    const invEnsures: Expr[] = [];
    const dec: Expr[] = [];
    let unsupportedClause: { clause: string; sp: Sp } | null = null;
    let complex: Sp | undefined;
    for (;;) {
      const w = this.peek();
      if (w.kind !== 'ident') break;
      const treatment = verusClause(w.text)?.inLoop;
      if (!treatment) break;
      if ((w.text === 'invariant_except_break' || treatment === 'ensures') && !complex) complex = { start: w.start, end: w.end };
      this.next();
      if (treatment === 'invariant') this.clauseList(inv);
      else if (treatment === 'ensures') this.clauseList(invEnsures);
      else if (treatment === 'decreases') this.clauseList(dec);
      else {
        this.clauseList([]);
        unsupportedClause ??= { clause: w.text, sp: { start: w.start, end: this.lastEnd() } };
      }
    }
    return { inv, invEnsures, dec, unsupportedClause, complex };
  }

  /**
   * `for x in lo..hi invariant I decreases D { body }` (also Verus's `for x in it: lo..hi`), read
   * as Verus's range iterator means it (its ghost iterator's invariant `start <= cur <= end`, `x`
   * in the invariant being the next value `cur`, `end - cur` decreasing):
   *   { let start = lo; let end = hi; let mut x = start;
   *     while x < end invariant start <= x <= end, I decreases D (or end - x)
   *     { let next = x; x = x + 1; let x = next; body } }
   * (`start`, `end`, `next` are names no user code can write). Over a collection (`for x in it: v`,
   * `v.iter()`, `&v`; `v` a Vec, slice or array place), by index:
   *   { let src = v; let ghost seq = src@; let mut i: usize = 0;
   *     while i < src.len() invariant i <= seq.len(), I decreases D (or seq.len() - i)
   *     { let cur = i; let x = &src[cur]; i = i + 1; body } }
   * The ghost iterator `it` is read through `it.index()` (in the invariant, `ensures` and
   * `decreases` the number of elements taken, in the body the current one's position), and over a
   * collection `it.seq()` and `it.history()` (`seq.take(index)`). `invariant_except_break` and
   * `ensures` are the generated loop's. `lo..=hi` is `lo..hi + 1` (exec arithmetic). A bound that
   * names a variable the body assigns is one the loop `forgets` when isolated (Verus then relates
   * the iterator to nothing before the loop). Any other `for` (a
   * pattern that is not a name over a range, another iterator, a collection the body writes,
   * another use of `it`, a clause not modelled) is read whole and stands as `unsupported` at its
   * span.
   */
  /** `T::empty().insert(..a).insert(..b)`: the expansion of vstd's `iset!` / `imap!` literals. */
  private insertChain(type: string, inserts: Expr[][], at: Sp): Expr {
    const empty: Expr = { k: 'call', callee: { k: 'path', segs: [type, 'empty'], generics: [], sp: at }, args: [], sp: at };
    return inserts.reduce<Expr>((acc, args) => ({ k: 'method', recv: acc, name: 'insert', generics: [], args, sp: at, nameSp: at }), empty);
  }

  forLoop(): Expr {
    const s = this.expect('for').start;
    const pat = this.pat();
    this.expect('in');
    let label: string | null = null;
    if (this.peek().kind === 'ident' && this.is(':', 1)) {
      label = this.next().text;
      this.next();
    }
    const save = this.noStruct;
    this.noStruct = true;
    let lo: Expr;
    let hi: Expr | null = null;
    let inclusive = false;
    try {
      lo = this.exprIff();
      if (this.is('..') || this.is('..=')) {
        inclusive = this.next().text === '..=';
        hi = this.exprIff();
      }
    } finally {
      this.noStruct = save;
    }
    const headEnd = this.lastEnd();
    const { inv, invEnsures, dec, unsupportedClause, complex } = this.loopClauses();
    const body = this.block();
    const sp = { start: s, end: this.lastEnd() };
    const unsupported: Expr = { k: 'unsupported', what: '`for` loop', sp };
    if (unsupportedClause) return unsupported;
    // (`invariant_except_break` / `ensures`: the loop's own, Verus's rule for them applies)
    const extras = complex ? { complex } : {};
    const hsp = { start: s, end: headEnd };
    const path = (n: string): Expr => ({ k: 'path', segs: [n], generics: [], sp: hsp });
    const bind = (n: string, mut = false): Pat => ({ k: 'bind', name: n, mut, sp: hsp });
    const letStmt = (n: string, init: Expr, mut = false, ghost = false): Stmt => ({ k: 'let', pat: bind(n, mut), ghost, ty: null, init, sp: hsp });
    const bin = (op: BinOp, l: Expr, r: Expr): Expr => ({ k: 'binary', op, l, r, sp: hsp });
    const one: Expr = { k: 'int', value: 1n, suffix: '', sp: hsp };
    const asInt = (e: Expr): Expr => ({ k: 'cast', e, ty: { k: 'path', name: 'int', segs: ['int'], args: [], sp: hsp }, sp: hsp });
    const method = (recv: Expr, name: string, args: Expr[] = []): Expr => ({ k: 'method', recv, name, generics: [], args, sp: hsp, nameSp: hsp });
    const assign = (n: string, e: Expr): Stmt => ({ k: 'expr', e: { k: 'assign', op: '=', lhs: path(n), rhs: e, sp: hsp }, semi: true, sp: hsp });
    // the ghost iterator `label`: `label.index()` (and, over a collection, `.seq()`, `.history()`)
    // read as the loop's own values, in the invariant (before an element is taken) and in the
    // body (the element taken is at `index()`); any other use of it is not modelled
    const withLabel = (node: Expr[] | Block, views: Partial<Record<'index' | 'seq' | 'history' | 'unref', Expr>>): Expr[] | Block | null => {
      if (label === null) return node;
      let other = false;
      const copy = (n: unknown): unknown => {
        if (!n || typeof n !== 'object') return n;
        if (Array.isArray(n)) return n.map(copy);
        const o = n as Expr;
        // `it.seq().unref()` of an iterator over references (`v.iter()`): the elements themselves
        // (references are erased: the same sequence)
        if (o.k === 'method' && o.name === 'unref' && !o.args.length && o.recv.k === 'method' && o.recv.name === 'seq' && !o.recv.args.length && o.recv.recv.k === 'path' && o.recv.recv.segs.length === 1 && o.recv.recv.segs[0] === label) {
          if (views.unref) return structuredClone(views.unref);
          other = true;
          return n;
        }
        if (o.k === 'method' && o.recv.k === 'path' && o.recv.segs.length === 1 && o.recv.segs[0] === label && !o.args.length && (o.name === 'index' || o.name === 'seq' || o.name === 'history')) {
          const v = views[o.name];
          if (v) return structuredClone(v);
          other = true;
          return n;
        }
        if (o.k === 'path' && o.segs[0] === label) other = true;
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(o)) out[k] = k === 'sp' ? v : copy(v);
        return out;
      };
      const out = copy(node) as Expr[] | Block;
      return other ? null : out;
    };
    if (hi) {
      // over `lo..hi`: the element is the counter (its bounds read once, before the loop)
      const name = pat.k === 'bind' && !pat.mut && !pat.ref && !pat.sub ? pat.name : pat.k === 'wild' ? '$for_item' : null;
      if (name === null) return unsupported;
      // a bound naming what the body assigns: Verus's isolated loop then relates the iterator's
      // bound to nothing before the loop, so the snapshot here is forgotten at each iteration
      const assigned = assignedNames(body);
      const forgets = (bound: Expr) => [...assigned].some((n) => mentionsPath(bound, n));
      const forgotten = [...(forgets(lo) ? ['$for_start'] : []), ...(forgets(hi) ? ['$for_end'] : [])];
      // `it.seq()`: every value the range gives, `Seq::new(end - start, |k| start + k)` (its
      // elements `int`s; a ghost local, so that a trigger may name it); `it.history()`: the
      // first `index()` of them
      const k: Expr = path('$for_k');
      const natTy = { k: 'path' as const, name: 'nat', segs: ['nat'], args: [], sp: hsp };
      const count: Expr = { k: 'cast', e: bin('-', path('$for_end'), path('$for_start')), ty: natTy, sp: hsp };
      const values: Expr = { k: 'closure', params: [{ name: '$for_k', ty: { k: 'path', name: 'int', segs: ['int'], args: [], sp: hsp }, sp: hsp }], body: bin('+', path('$for_start'), k), sp: hsp };
      const rangeSeq: Expr = { k: 'call', callee: { k: 'path', segs: ['Seq', 'new'], generics: [], sp: hsp }, args: [count, values], sp: hsp };
      const views = (index: Expr) => ({ index, seq: path('$for_seq'), history: method(path('$for_seq'), 'take', [index]) });
      const inIterator = views(bin('-', path(name), path('$for_start')));
      const userInv = withLabel(inv, inIterator) as Expr[] | null;
      const userEnsures = withLabel(invEnsures, inIterator) as Expr[] | null;
      const userDec = withLabel(dec, inIterator) as Expr[] | null;
      const userBody = withLabel(body, views(bin('-', path('$for_next'), path('$for_start')))) as Block | null;
      if (!userInv || !userEnsures || !userDec || !userBody) return unsupported;
      const loopBody: Block = {
        stmts: [
          letStmt('$for_next', path(name)),
          assign(name, bin('+', path(name), one)),
          { k: 'let', pat: pat.k === 'bind' ? pat : bind(name), ghost: false, ty: null, init: path('$for_next'), sp: pat.sp },
          ...userBody.stmts,
        ],
        sp: body.sp,
      };
      const loop: Expr = {
        k: 'while', cond: bin('<', path(name), path('$for_end')),
        inv: [bin('<=', path('$for_start'), path(name)), bin('<=', path(name), path('$for_end')), ...userInv],
        invEnsures: userEnsures, dec: userDec.length ? userDec : [bin('-', path('$for_end'), path(name))], body: loopBody, sp, ...extras, fromFor: true,
        ...(forgotten.length ? { forgets: forgotten } : {}),
      };
      // `lo..=hi` iterates `lo..hi + 1` (`hi + 1` is exec arithmetic: at the type's maximum it overflows)
      const end = inclusive ? bin('+', hi, { ...one, sp: hi.sp }) : hi;
      const stmts: Stmt[] = [letStmt('$for_start', lo), letStmt('$for_end', end), ...(label !== null ? [letStmt('$for_seq', rangeSeq, false, true)] : []), letStmt(name, path('$for_start'), true), { k: 'expr', e: loop, semi: false, sp }];
      return { k: 'block', block: { stmts, sp }, sp };
    }
    // over a collection (a Vec, a slice or an array, or `c.iter()` of one): by index, each
    // element a place of the collection (`&c[i]`: references are erased; nothing is moved)
    const src = lo.k === 'method' && lo.name === 'iter' && !lo.args.length ? lo.recv : lo.k === 'unary' && lo.op === '&' ? lo.e : lo;
    // (a place, not another iterator: `v.iter().rev()`, `map(..)` are not modelled)
    let place = src;
    while (place.k === 'field') place = place.recv;
    if (place.k !== 'path' || place.segs.length !== 1) return unsupported;
    // (a collection the body writes: rustc's borrow error, or a loop over a copy; not modelled)
    if (assignedNames(body).has(place.segs[0]!) || mentionsMutation(body, place.segs[0]!)) return unsupported;
    const at = (i: string): Expr => asInt(path(i));
    // (`.iter()` / `&v` give references to the elements; `v` itself its elements)
    const byRef = src !== lo;
    const unref = byRef ? { unref: path('$for_seq') } : {};
    const inInv = { index: at('$for_i'), seq: path('$for_seq'), history: method(path('$for_seq'), 'take', [at('$for_i')]), ...unref };
    const inBody = { index: at('$for_cur'), seq: path('$for_seq'), history: method(path('$for_seq'), 'take', [at('$for_cur')]), ...unref };
    const userInv = withLabel(inv, inInv) as Expr[] | null;
    const userEnsures = withLabel(invEnsures, inInv) as Expr[] | null;
    const userDec = withLabel(dec, inInv) as Expr[] | null;
    const userBody = withLabel(body, inBody) as Block | null;
    if (!userInv || !userEnsures || !userDec || !userBody) return unsupported;
    const index: Expr = { k: 'index', recv: path('$for_src'), idx: path('$for_cur'), sp: hsp };
    const elem: Expr = byRef ? { k: 'unary', op: '&', e: index, sp: hsp } : index;
    const loopBody: Block = {
      stmts: [
        letStmt('$for_cur', path('$for_i')),
        { k: 'let', pat, ghost: false, ty: null, init: elem, sp: pat.sp },
        assign('$for_i', bin('+', path('$for_i'), one)),
        ...userBody.stmts,
      ],
      sp: body.sp,
    };
    const len = bin('-', method(path('$for_seq'), 'len'), at('$for_i'));
    const loop: Expr = {
      k: 'while', cond: bin('<', path('$for_i'), method(path('$for_src'), 'len')),
      inv: [bin('<=', at('$for_i'), method(path('$for_seq'), 'len')), ...userInv],
      invEnsures: userEnsures, dec: userDec.length ? userDec : [len], body: loopBody, sp, ...extras, fromFor: true,
    };
    const stmts: Stmt[] = [
      letStmt('$for_src', src),
      letStmt('$for_seq', { k: 'view', e: path('$for_src'), sp: hsp }, false, true),
      { k: 'let', pat: bind('$for_i', true), ghost: false, ty: { k: 'path', name: 'usize', segs: ['usize'], args: [], sp: hsp }, init: { k: 'int', value: 0n, suffix: '', sp: hsp }, sp: hsp },
      { k: 'expr', e: loop, semi: false, sp },
    ];
    return { k: 'block', block: { stmts, sp }, sp };
  }

  /**
   * A closure `|x, y: T| e` / `move |x| -> (r: T) requires .. ensures .. { .. }` / `|| e`. Its
   * parameters must be plain names (a pattern parameter makes it `unsupported`, read whole);
   * `move`, a result annotation and clauses are kept in `exec` (the checker decides whether the
   * closure is a spec or an exec one). After a result annotation or a clause the body is a block.
   */
  /** `proof_fn` followed by `|`, `||` or `[` (its flags) at offset `o`. */
  isProofFn(o: number): boolean {
    return this.peek(o).kind === 'ident' && this.peek(o).text === 'proof_fn' && (this.is('|', o + 1) || this.is('||', o + 1) || this.is('[', o + 1));
  }
  closure(): Expr {
    const s = this.peek().start;
    const isMove = this.eat('move');
    let proofFn: string[] | undefined;
    if (this.isProofFn(0)) {
      this.next();
      proofFn = this.eat('[') ? this.commaList(']', () => this.ident()) : [];
    }
    let plain = true;
    const params: { name: string; ty: TypeExpr; sp: Sp; tracked?: boolean; mut?: boolean }[] = [];
    if (!this.eat('||')) {
      this.expect('|');
      const save = this.inQuantParams;
      this.inQuantParams = true;
      try {
        while (!this.eat('|')) {
          const ps = this.peek().start;
          // (`|#[verifier::spec] y: T|`: Verus's older spelling of a parameter's mode, refused on a closure)
          if (this.is('#') && this.is('[', 1)) {
            let moded = false;
            this.innerAttrs('stmt', (a) => (moded ||= /^verifier(::|\()(spec|proof)\)?$/.test(a.text)));
            if (moded) this.error('closures only accept exec-mode parameters');
          }
          // `proof_fn|tracked x: T| ..`: a tracked parameter
          const tracked = !!proofFn && this.peek().kind === 'ident' && this.peek().text === 'tracked' && this.peek(1).kind === 'ident' && (this.next(), true);
          const p = this.pat1();
          let ty: TypeExpr = { k: 'infer', sp: { start: ps, end: this.lastEnd() } };
          if (this.eat(':')) ty = this.type();
          // (`|mut x: T|`: a parameter the body may assign, as a function's `mut x`)
          if (p.k === 'bind' && !p.ref && !p.sub) params.push({ name: p.name, ty, sp: { start: ps, end: this.lastEnd() }, ...(tracked ? { tracked } : {}), ...(p.mut ? { mut: true } : {}) });
          else plain = false;
          if (!this.eat(',')) {
            this.expect('|');
            break;
          }
        }
      } finally {
        this.inQuantParams = save;
      }
    }
    let ret: ClosureSpec['ret'] = null;
    if (this.eat('->')) {
      const rs = this.peek().start;
      const trackedName = this.is('(') && this.peek(1).text === 'tracked' && this.peek(2).kind === 'ident' && this.is(':', 3);
      if ((this.is('(') && this.peek(1).kind === 'ident' && this.is(':', 2)) || trackedName) {
        this.next();
        if (trackedName) this.next();
        const name = this.next().text;
        this.expect(':');
        const ty = this.type();
        this.expect(')');
        ret = { name, ty, sp: { start: rs, end: this.lastEnd() }, ...(trackedName ? { tracked: true } : {}) };
      } else {
        const tracked = this.peek().text === 'tracked' && this.peek().kind !== 'punct' ? (this.next(), true) : false;
        ret = { name: null, ty: this.type(), sp: { start: rs, end: this.lastEnd() }, ...(tracked ? { tracked } : {}) };
      }
    }
    const requires: Expr[] = [];
    const ensures: Expr[] = [];
    while (this.peek().kind === 'ident' && (this.is('requires') || this.is('ensures'))) this.clauseList(this.next().text === 'requires' ? requires : ensures);
    const extra = isMove || ret !== null || requires.length > 0 || ensures.length > 0 || proofFn !== undefined;
    let body: Expr;
    if (ret || requires.length || ensures.length) {
      const b = this.block();
      body = { k: 'block', block: b, sp: b.sp };
    } else body = this.expr();
    const sp = { start: s, end: this.lastEnd() };
    if (!plain) return { k: 'unsupported', what: 'closure with a pattern parameter', sp };
    return { k: 'closure', params, body, sp, ...(extra ? { exec: { move: isMove, ret, requires, ensures, ...(proofFn ? { proofFn } : {}) } } : {}) };
  }
  /**
   * `while let P = e invariant I decreases D { body }`: Rust's reading, `loop { match e { P =>
   * body, _ => break } }`, with the clauses the loop's (the invariant at each iteration's start,
   * where `e` is evaluated again; the measure at each iteration's end).
   */
  whileLet(): Expr {
    const s = this.expect('while').start;
    this.expect('let');
    const pat = this.pat();
    this.expect('=');
    const scrut = this.exprNS();
    const headEnd = this.lastEnd();
    const { inv, invEnsures, dec, unsupportedClause, complex } = this.loopClauses();
    const body = this.block();
    const sp = { start: s, end: this.lastEnd() };
    if (unsupportedClause) return { k: 'unsupported', what: `\`${unsupportedClause.clause}\` clause`, sp: unsupportedClause.sp };
    const hsp = { start: s, end: headEnd };
    const exit: Expr = { k: 'block', block: { stmts: [{ k: 'expr', e: { k: 'break', sp: hsp }, semi: true, sp: hsp }], sp: hsp }, sp: hsp };
    const choose: Expr = {
      k: 'match', scrut, sp: { start: scrut.sp.start, end: body.sp.end },
      arms: [
        { pat, guard: null, body: { k: 'block', block: body, sp: body.sp }, sp: { start: pat.sp.start, end: body.sp.end } },
        { pat: { k: 'wild', sp: hsp }, guard: null, body: exit, sp: hsp },
      ],
    };
    return { k: 'loop', inv, invEnsures, dec, body: { stmts: [{ k: 'expr', e: choose, semi: false, sp: choose.sp }], sp: body.sp }, sp, ...(complex ? { complex } : {}) };
  }

  /** `if c {..} else if c2 {..} .. else {..}`: the `else if` chain read with a loop (any length). */
  ifExpr(): Expr {
    // `if let P = e { a } else { b }` is `match e { P => { a }, _ => { b } }` (Rust's own reading)
    const heads: { s: number; cond: Expr; pat: Pat | null; then: Block }[] = [];
    let els: Expr | null = null;
    for (;;) {
      const s = this.expect('if').start;
      let pat: Pat | null = null;
      if (this.eat('let')) {
        pat = this.pat();
        this.expect('=');
      }
      const cond = this.exprNS();
      const then = this.block();
      heads.push({ s, cond, pat, then });
      if (!this.eat('else')) break;
      if (this.is('if')) continue;
      const b = this.block();
      els = { k: 'block', block: b, sp: b.sp };
      break;
    }
    const end = this.lastEnd();
    for (let i = heads.length - 1; i >= 0; i--) {
      const h = heads[i]!;
      const sp = { start: h.s, end };
      if (h.pat) {
        const thenE: Expr = { k: 'block', block: h.then, sp: h.then.sp };
        const other: Expr = els ?? { k: 'block', block: { stmts: [], sp: { start: end, end } }, sp: { start: end, end } };
        els = {
          k: 'match', scrut: h.cond, sp,
          arms: [
            { pat: h.pat, guard: null, body: thenE, sp: { start: h.s, end: h.then.sp.end } },
            { pat: { k: 'wild', sp: { start: h.then.sp.end, end } }, guard: null, body: other, sp: { start: h.then.sp.end, end } },
          ],
        };
      } else els = { k: 'if', cond: h.cond, then: h.then, els, sp };
    }
    return els!;
  }
}

/** vstd's macros asserting that two collections are equal by extensionality. */
const EXT_EQUAL_MACROS: ReadonlySet<string> = new Set(['assert_seqs_equal', 'assert_maps_equal', 'assert_sets_equal']);

/** The standard collections' methods that take `&mut self`. */
const MUTATING_METHODS = new Set(['push', 'pop', 'insert', 'remove', 'set', 'clear', 'truncate', 'swap', 'extend', 'append', 'retain', 'sort', 'reverse', 'resize', 'drain', 'split_off', 'dedup', 'fill', 'swap_remove', 'push_back', 'push_front', 'pop_back', 'pop_front']);
/** Whether a block borrows local `name` mutably (`&mut v`, `v.push(..)` of a standard collection: an over-approximation). */
function mentionsMutation(node: unknown, name: string): boolean {
  if (!node || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some((x) => mentionsMutation(x, name));
  const o = node as Expr;
  let root: Expr | null = o.k === 'unary' && o.op === '&mut' ? o.e : o.k === 'method' && MUTATING_METHODS.has(o.name) ? o.recv : null;
  while (root && (root.k === 'field' || root.k === 'index')) root = root.recv;
  if (root?.k === 'path' && root.segs.length === 1 && root.segs[0] === name) return true;
  return Object.keys(o).some((k) => k !== 'sp' && mentionsMutation((o as unknown as Record<string, unknown>)[k], name));
}
/** Whether a syntax tree mentions the one-segment path `name` (an over-approximation: anywhere). */
/** The local names a block assigns (`x = ..`, `x += ..`, `x.f = ..`). */
function assignedNames(node: unknown, out = new Set<string>()): Set<string> {
  if (!node || typeof node !== 'object') return out;
  if (Array.isArray(node)) {
    for (const x of node) assignedNames(x, out);
    return out;
  }
  const o = node as Record<string, unknown>;
  if (o.k === 'assign') {
    let lhs = o.lhs as Expr;
    while (lhs.k === 'field' || lhs.k === 'index' || (lhs.k === 'unary' && lhs.op === '*')) lhs = lhs.k === 'unary' ? lhs.e : lhs.recv;
    if (lhs.k === 'path' && lhs.segs.length === 1) out.add(lhs.segs[0]!);
  }
  for (const k of Object.keys(o)) if (k !== 'sp') assignedNames(o[k], out);
  return out;
}

function mentionsPath(node: unknown, name: string): boolean {
  if (!node || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some((x) => mentionsPath(x, name));
  const o = node as Record<string, unknown>;
  if (o.k === 'path' && Array.isArray(o.segs) && o.segs[0] === name) return true;
  return Object.keys(o).some((k) => k !== 'sp' && mentionsPath(o[k], name));
}

export function tyName(t: TypeExpr): string {
  if (t.k === 'path') return t.name;
  if (t.k === 'ref') return tyName(t.inner);
  return '?';
}

/**
 * `let PAT = e else { E }; rest` is `match e { PAT => { rest }, _ => { E } }` (Rust's meaning:
 * the bindings are in scope for the rest of the block; `E` must diverge, which the checker
 * checks). The match is the block's last statement, so its value is the block's.
 */
function letElseAsMatch(stmts: Stmt[], blockEnd: number): Stmt[] {
  const at = stmts.findIndex((st) => st.k === 'let' && st.els);
  if (at < 0) return stmts;
  const le = stmts[at] as Extract<Stmt, { k: 'let' }>;
  const rest = letElseAsMatch(stmts.slice(at + 1), blockEnd);
  const restSp: Sp = { start: le.sp.end, end: blockEnd };
  const match: Expr = {
    k: 'match',
    scrut: le.init!,
    arms: [
      { pat: le.pat, guard: null, body: { k: 'block', block: { stmts: rest, sp: restSp }, sp: restSp }, sp: le.sp },
      { pat: { k: 'wild', sp: le.els!.sp }, guard: null, body: { k: 'block', block: le.els!, sp: le.els!.sp }, sp: le.els!.sp },
    ],
    sp: le.sp,
    letElse: true,
  };
  return [...stmts.slice(0, at), { k: 'expr', e: match, semi: false, sp: { start: le.sp.start, end: blockEnd } }];
}

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { n: 10, r: 13, t: 9, '\\': 92, '0': 0, "'": 39, '"': 34 };

/**
 * The code point of a char literal's text (`'a'`, `'\\n'`, `'\\x7f'`, `'\\u{1F600}'`), or null
 * when it is not a valid one (rustc: `\\x` above 0x7f but in a byte literal, a surrogate or a value
 * past 0x10FFFF).
 */
export function charLiteralValue(text: string, byte = false): number | null {
  if (text.length < 3 || text[0] !== "'" || text[text.length - 1] !== "'") return null;
  const body = text.slice(1, -1);
  if (body[0] !== '\\') {
    const cp = body.codePointAt(0)!;
    return String.fromCodePoint(cp).length === body.length ? cp : null;
  }
  const esc = body.slice(1);
  if (esc.length === 1 && esc in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[esc]!;
  const x = (byte ? /^x([0-9a-fA-F]{2})$/ : /^x([0-7][0-9a-fA-F])$/).exec(esc);
  if (x) return parseInt(x[1]!, 16);
  const u = /^u\{([0-9a-fA-F_]{1,8})\}$/.exec(esc);
  if (!u) return null;
  const v = parseInt(u[1]!.replace(/_/g, ''), 16);
  return v <= 0x10ffff && !(v >= 0xd800 && v <= 0xdfff) ? v : null;
}

/**
 * The text of a string literal's token (`"a\\n"`, `r#"a"#`, also `b".."` / `c".."`), escapes
 * decoded (a `\\` before a line break skips it and the next line's leading whitespace, as rustc),
 * or null when an escape is not one rustc accepts. (The conformance benchmark reads Verus's test
 * programs out of the suite's string literals with it.)
 */
export function stringLiteralValue(text: string): string | null {
  const byte = text[0] === 'b';
  if (/^[bc]/.test(text)) text = text.slice(1);
  const raw = /^r(#*)"([\s\S]*)"\1$/.exec(text);
  if (raw) return raw[2]!;
  if (text.length < 2 || text[0] !== '"' || text[text.length - 1] !== '"') return null;
  const body = text.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = body[i + 1];
    if (n === '\n' || (n === '\r' && body[i + 2] === '\n')) {
      i += n === '\r' ? 2 : 1;
      while (i + 1 < body.length && /\s/.test(body[i + 1]!)) i++;
      continue;
    }
    const m = /^\\(x[0-9a-fA-F]{2}|u\{[0-9a-fA-F_]{1,8}\}|.)/.exec(body.slice(i));
    if (!m) return null;
    const v = charLiteralValue(`'${m[0]}'`, byte);
    if (v === null) return null;
    out += String.fromCodePoint(v);
    i += m[0].length - 1;
  }
  return out;
}

/**
 * `#[verifier::external_derive]` (every derived impl) or `#[verifier::external_derive(T, ..)]`
 * on a datatype, when the impls it makes external are only `Clone`, `Copy` and `Debug`: read, as
 * what the model takes of those impls is unchanged (a derived `clone` is not modelled, and the
 * checking phase gives Verus's error for a call of an external one; `Copy` stays a marker).
 * Another trait (`PartialEq`: `==`) would change what is modelled: not read.
 */
function externalDeriveRead(text: string, made: readonly Item[]): boolean {
  const it = made.length === 1 ? made[0]! : null;
  if (!hasVerifierAttr([text], 'external_derive') || !it || (it.k !== 'struct' && it.k !== 'enum')) return false;
  return (externalDerives(it.attrs) ?? []).every((x) => x === 'Clone' || x === 'Copy' || x === 'Debug');
}
