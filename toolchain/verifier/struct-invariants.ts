// vstd's `struct_with_invariants!`, expanded before parsing, token by token, as Verus's proc macro
// expands it for rustc. The macro holds a struct, some of whose fields leave the constant `K` and
// the predicate `Pred` of an invariant type as `_`, and a spec fn whose body lists, instead of a
// boolean expression, one `invariant on FIELD ..` per such field and any `predicate { e }`:
//
//   struct_with_invariants! {                            struct S { a: AtomicU64<u32, G, InvariantPredicate_auto_S_a>, n: u32 }
//     struct S { a: AtomicU64<_, G, _>, n: u32 }         impl S {
//     spec fn wf(&self) -> bool {                            spec fn wf(&self) -> bool {
//       predicate { self.n > 0 }                 ==>           (self.n > 0) && (self.a.well_formed() && self.a.constant() == self.n)
//       invariant on a with (n) is (v: u64, g: G) {        } }
//         v < n as u64                                   struct InvariantPredicate_auto_S_a {}
//       }                                                impl AtomicInvariantPredicate<u32, u64, G> for InvariantPredicate_auto_S_a {
//     }                                                      closed spec fn atomic_inv(__k: u32, v: u64, g: G) -> bool { let n = __k; v < n as u64 }
//   }                                                    }
//
// `K` is the type of the `with (..)` fields and the `forall |..|` variables (a tuple of them, `()`
// for none); the spec fn states of each field that it is well formed (an atomic) and has that
// constant; `where (c)` makes it conditional and `specifically (e)` names the value that has the
// invariant (an element of a container field). The invariant types: atomic_ghost's `AtomicBool`,
// `AtomicU8` .. `AtomicIsize`, `AtomicPtr<T, _, G, _>` (`AtomicInvariantPredicate<K, V, G>`, two
// parameters after `is`), and invariant's `AtomicInvariant<_, V, _>` and `LocalInvariant<_, V, _>`
// (`InvariantPredicate<K, V>`, one parameter). The predicate type takes the struct's generic
// parameters; it is private and its predicate `closed` (the invariant's body may use what is
// private to the module, and is known there).
//
// The macro's own errors (a field without an invariant, an invariant on a field without an
// incomplete type, an unknown field, a malformed clause) are reported at their spans and the
// macro is dropped. Tokens keep their source spans; those made here take the span of the macro's
// name (the generated code has no other source).

import type { Token } from '../syntax/lexer';
import { lex } from '../syntax/lexer';
import { matchBrackets } from '../syntax/brackets';
import type { Sp } from './ast';

export interface StructInvariantsResult {
  tokens: Token[];
  errors: { message: string; sp: Sp }[];
}

/** An invariant type `struct_with_invariants!` fills in: where its `K` and `Pred` are, its trait. */
interface InvariantType {
  /** positions of `K`, of the ghost type `G` (an atomic's; an invariant type's value `V`) and of `Pred` among the type's arguments */
  k: number;
  ghost: number;
  pred: number;
  arity: number;
  /** the value type of an atomic (`AtomicPtr<T, ..>`: `*mut T`), null for an invariant type */
  value: ((args: Token[][]) => Token[]) | null;
}

const ATOMIC_VALUES: ReadonlyMap<string, string> = new Map([
  ['AtomicBool', 'bool'], ['AtomicU8', 'u8'], ['AtomicU16', 'u16'], ['AtomicU32', 'u32'], ['AtomicU64', 'u64'], ['AtomicUsize', 'usize'],
  ['AtomicI8', 'i8'], ['AtomicI16', 'i16'], ['AtomicI32', 'i32'], ['AtomicI64', 'i64'], ['AtomicIsize', 'isize'],
]);

function invariantType(name: string, sp: Sp): InvariantType | null {
  const v = ATOMIC_VALUES.get(name);
  if (v) return { k: 0, ghost: 1, pred: 2, arity: 3, value: () => made(v, sp) };
  if (name === 'AtomicPtr') return { k: 1, ghost: 2, pred: 3, arity: 4, value: (args) => [...made('* mut', sp), ...args[0]!] };
  if (name === 'AtomicInvariant' || name === 'LocalInvariant') return { k: 0, ghost: 1, pred: 2, arity: 3, value: null };
  return null;
}

/** A token range `[from, to)`. */
interface Range {
  from: number;
  to: number;
}

interface Field {
  name: string;
  sp: Sp;
  /** the field's tokens before its type (attributes, visibility, `name :`) */
  head: Range;
  ty: Range;
}

interface Clause {
  k: 'predicate' | 'invariant';
  sp: Sp;
  /** `predicate { e }`: e; an invariant's body */
  body: Range;
  field?: { name: string; sp: Sp };
  deps?: { name: string; sp: Sp }[];
  forall?: { name: Range; ty: Range }[];
  where?: Range;
  specifically?: Range;
  params?: Range[];
  paramsSp?: Sp;
}

/** What the macro holds, as token ranges of the source. */
interface MacroParts {
  name: string;
  /** the struct's first token (its attributes') */
  structFrom: number;
  /** inside the struct's `<..>` */
  generics: Range | null;
  /** its `where` clause, if any (up to its fields' `{`) */
  where: Range;
  fields: Field[];
  /** the spec fn up to its body's `{` */
  header: Range;
  clauses: Clause[];
  macroSp: Sp;
}

class MacroError extends Error {
  constructor(
    message: string,
    readonly sp: Sp,
  ) {
    super(message);
  }
}

/** Tokens made from `text`, each with the span `sp`. */
function made(text: string, sp: Sp): Token[] {
  const { tokens } = lex(text);
  return tokens.filter((t) => t.kind !== 'eof').map((t) => ({ ...t, start: sp.start, end: sp.end }));
}

export function expandStructWithInvariants(tokens: Token[]): StructInvariantsResult {
  if (!tokens.some((t) => t.kind === 'ident' && t.text === 'struct_with_invariants')) return { tokens, errors: [] };
  return new Expander(splitAngles(tokens)).run();
}

/**
 * The tokens with each `<<` / `>>` in a macro's struct as two, as a type reads them
 * (`AtomicPtr<<A as Tr>::T, _, G, _>`, `Option<AtomicU64<_, G, _>>`): a field's type arguments
 * are then single tokens apart.
 */
function splitAngles(tokens: Token[]): Token[] {
  const match = matchBrackets(tokens);
  const out: Token[] = [];
  let structEnd = -1;
  tokens.forEach((t, i) => {
    if (t.kind === 'ident' && t.text === 'struct_with_invariants' && tokens[i + 1]?.text === '!') {
      // (the struct ends at the `}` of the first `{` inside the macro's own)
      let j = i + 3;
      while (j < tokens.length && tokens[j]!.text !== '{') j++;
      structEnd = match[j] ?? -1;
    }
    if (i < structEnd && t.kind === 'punct' && (t.text === '<<' || t.text === '>>')) {
      const c = t.text[0]!;
      out.push({ ...t, text: c, end: t.start + 1 }, { ...t, text: c, start: t.start + 1, column: t.column + 1 });
    } else out.push(t);
  });
  return out;
}

class Expander {
  private readonly match: Int32Array;
  private readonly errors: { message: string; sp: Sp }[] = [];

  constructor(private readonly toks: Token[]) {
    this.match = matchBrackets(toks);
  }

  run(): StructInvariantsResult {
    const out: Token[] = [];
    for (let i = 0; i < this.toks.length; i++) {
      const t = this.toks[i]!;
      const close = this.isText(i + 1, '!') && (this.isText(i + 2, '{') || this.isText(i + 2, '(')) ? this.match[i + 2]! : -1;
      if (t.kind !== 'ident' || t.text !== 'struct_with_invariants' || close < 0) {
        out.push(t);
        continue;
      }
      const sp = { start: t.start, end: t.end };
      try {
        out.push(...this.expand(i + 3, close, sp));
      } catch (e) {
        if (!(e instanceof MacroError)) throw e;
        this.errors.push({ message: `struct_with_invariants!: ${e.message}`, sp: e.sp });
      }
      i = close + (this.isText(close + 1, ';') ? 1 : 0);
    }
    return { tokens: out, errors: this.errors };
  }

  private isText(i: number, text: string): boolean {
    const t = this.toks[i];
    return !!t && t.text === text && t.kind !== 'string' && t.kind !== 'char';
  }
  private spOf(i: number): Sp {
    const t = this.toks[i]!;
    return { start: t.start, end: t.end };
  }
  private spOfRange(r: Range): Sp {
    return { start: this.toks[r.from]!.start, end: this.toks[Math.max(r.from, r.to - 1)]!.end };
  }
  private slice(r: Range): Token[] {
    return this.toks.slice(r.from, r.to);
  }
  private expectText(i: number, text: string, what: string): void {
    if (!this.isText(i, text)) throw new MacroError(`expected \`${text}\` ${what}, found \`${this.toks[i]?.text ?? ''}\``, this.spOf(i));
  }
  private ident(i: number, what: string): string {
    const t = this.toks[i]!;
    if (t.kind !== 'ident') throw new MacroError(`expected ${what}, found \`${t.text}\``, this.spOf(i));
    return t.text;
  }
  /** The index after a `pub` / `pub(..)` at `i`. */
  private skipVisibility(i: number): number {
    if (!this.isText(i, 'pub')) return i;
    return this.isText(i + 1, '(') ? this.match[i + 1]! + 1 : i + 1;
  }
  /** The index after the `#[..]` attributes at `i`. */
  private skipAttrs(i: number): number {
    while (this.isText(i, '#') && this.isText(i + 1, '[')) i = this.match[i + 1]! + 1;
    return i;
  }
  /**
   * Splits `[from, to)` at its top-level commas: brackets and `<..>` nest (a `>>` closes two, an
   * `->` none). Empty pieces (a trailing comma) are dropped.
   */
  private splitCommas(from: number, to: number): Range[] {
    const out: Range[] = [];
    let angle = 0;
    let start = from;
    for (let i = from; i < to; i++) {
      const t = this.toks[i]!;
      if (t.kind === 'punct') {
        if (t.text === '(' || t.text === '[' || t.text === '{') {
          i = this.match[i]!;
          continue;
        }
        if (t.text === '<' || t.text === '<<') angle += t.text.length;
        else if (t.text === '>' || t.text === '>>') angle = Math.max(0, angle - t.text.length);
        else if (t.text === ',' && angle === 0) {
          if (i > start) out.push({ from: start, to: i });
          start = i + 1;
        }
      }
    }
    if (to > start) out.push({ from: start, to });
    return out;
  }
  /** The `>` that closes the `<` at `open` (in the struct, where `splitAngles` made each one token). */
  private closeAngle(open: number, to: number): number {
    let angle = 0;
    for (let i = open; i < to; i++) {
      const t = this.toks[i]!;
      if (t.kind !== 'punct') continue;
      if (t.text === '(' || t.text === '[' || t.text === '{') i = this.match[i]!;
      else if (t.text === '<') angle++;
      else if (t.text === '>' && --angle === 0) return i;
    }
    throw new MacroError('unclosed `<`', this.spOf(open));
  }

  // ---------------- reading the macro ----------------

  private expand(from: number, to: number, macroSp: Sp): Token[] {
    // the struct: attributes, visibility, `struct Name<..> where .. { fields }`
    const structFrom = from;
    let i = this.skipVisibility(this.skipAttrs(from));
    if (this.isText(i, 'tracked') || this.isText(i, 'ghost')) i++;
    this.expectText(i, 'struct', 'at the start of struct_with_invariants!');
    const nameAt = i + 1;
    const name = this.ident(nameAt, 'the struct\'s name');
    i = nameAt + 1;
    let generics: Range | null = null;
    if (this.isText(i, '<')) {
      const close = this.closeAngle(i, to);
      generics = { from: i + 1, to: close };
      i = close + 1;
    }
    const whereFrom = i;
    while (i < to && !this.isText(i, '{')) {
      if (this.isText(i, '(') || this.isText(i, ';')) throw new MacroError('only a struct with named fields is supported', this.spOf(nameAt));
      i++;
    }
    const where = { from: whereFrom, to: i };
    this.expectText(i, '{', 'before the struct\'s fields');
    const fieldsClose = this.match[i]!;
    const fields = this.splitCommas(i + 1, fieldsClose).map((r) => this.field(r));
    // the spec fn: its header as written, then its clauses
    const fnFrom = fieldsClose + 1;
    let j = fnFrom;
    while (j < to && !this.isText(j, 'fn')) j++;
    if (j >= to) throw new MacroError('expected a spec fn after the struct', macroSp);
    if (!this.toks.slice(fnFrom, j).some((t) => t.text === 'spec')) throw new MacroError('the function must be a `spec` fn', this.spOf(j));
    this.ident(j + 1, 'the function\'s name');
    this.expectText(j + 2, '(', 'after the function\'s name');
    let k = this.match[j + 2]! + 1;
    while (k < to && !this.isText(k, '{')) k++;
    this.expectText(k, '{', 'before the function\'s body');
    const header = { from: fnFrom, to: k };
    const bodyClose = this.match[k]!;
    if (bodyClose + 1 < to) throw new MacroError('expected nothing after the spec fn', this.spOf(bodyClose + 1));
    const clauses = this.clauses(k + 1, bodyClose);
    return this.generate({ name, structFrom, generics, where, fields, header, clauses, macroSp });
  }

  private field(r: Range): Field {
    let i = this.skipVisibility(this.skipAttrs(r.from));
    if (this.isText(i, 'ghost') || this.isText(i, 'tracked')) i++;
    const name = this.ident(i, 'a field name');
    this.expectText(i + 1, ':', 'after the field\'s name');
    return { name, sp: this.spOf(i), head: { from: r.from, to: i + 2 }, ty: { from: i + 2, to: r.to } };
  }

  private clauses(from: number, to: number): Clause[] {
    const out: Clause[] = [];
    let i = from;
    while (i < to) {
      const sp = this.spOf(i);
      if (this.isText(i, 'predicate')) {
        this.expectText(i + 1, '{', 'after `predicate`');
        const close = this.match[i + 1]!;
        out.push({ k: 'predicate', sp, body: { from: i + 2, to: close } });
        i = close + 1;
        continue;
      }
      if (!this.isText(i, 'invariant')) throw new MacroError(`expected \`predicate\` or \`invariant\`, found \`${this.toks[i]!.text}\``, sp);
      this.expectText(i + 1, 'on', 'after `invariant`');
      const field = { name: this.ident(i + 2, 'a field name'), sp: this.spOf(i + 2) };
      i += 3;
      const c: Clause = { k: 'invariant', sp, body: { from: i, to: i }, field };
      if (this.isText(i, 'with')) {
        this.expectText(i + 1, '(', 'after `with`');
        const close = this.match[i + 1]!;
        c.deps = this.splitCommas(i + 2, close).map((r) => {
          if (r.to !== r.from + 1) throw new MacroError('expected a field name', this.spOfRange(r));
          return { name: this.ident(r.from, 'a field name'), sp: this.spOf(r.from) };
        });
        i = close + 1;
      }
      if (this.isText(i, 'forall')) {
        this.expectText(i + 1, '|', 'after `forall`');
        let close = i + 2;
        while (close < to && !this.isText(close, '|')) close++;
        c.forall = this.splitCommas(i + 2, close).map((r) => {
          this.ident(r.from, 'a variable');
          this.expectText(r.from + 1, ':', 'after the variable (its type)');
          return { name: { from: r.from, to: r.from + 1 }, ty: { from: r.from + 2, to: r.to } };
        });
        i = close + 1;
      }
      for (const word of ['where', 'specifically'] as const) {
        if (!this.isText(i, word)) continue;
        this.expectText(i + 1, '(', `after \`${word}\``);
        const close = this.match[i + 1]!;
        c[word] = { from: i + 2, to: close };
        i = close + 1;
      }
      if (c.forall && !c.specifically) throw new MacroError('an invariant with `forall` needs `specifically (..)`: the value that has the invariant', sp);
      this.expectText(i, 'is', 'before the invariant\'s parameters');
      this.expectText(i + 1, '(', 'after `is`');
      const pclose = this.match[i + 1]!;
      c.params = this.splitCommas(i + 2, pclose);
      c.paramsSp = { start: this.toks[i]!.start, end: this.toks[pclose]!.end };
      for (const p of c.params) {
        this.ident(p.from, 'a parameter name');
        this.expectText(p.from + 1, ':', 'after the parameter (its type)');
      }
      this.expectText(pclose + 1, '{', 'before the invariant\'s body');
      const bclose = this.match[pclose + 1]!;
      c.body = { from: pclose + 2, to: bclose };
      out.push(c);
      i = bclose + 1;
    }
    return out;
  }

  // ---------------- the expansion ----------------

  private generate(m: MacroParts): Token[] {
    const g = (text: string) => made(text, m.macroSp);
    const params = m.generics ? this.splitCommas(m.generics.from, m.generics.to) : [];
    for (const p of params) if (this.slice(p).some((t) => t.text === '=')) throw new MacroError('a default for a generic parameter is not supported', this.spOfRange(p));
    const genericDecl = m.generics ? [...g('<'), ...this.slice(m.generics), ...g('>')] : [];
    const genericArgs: Token[] = [];
    params.forEach((p, n) => {
      const t = this.toks[p.from]!;
      const nameTok = t.text === 'const' ? this.toks[p.from + 1]! : t;
      genericArgs.push(...(n ? g(',') : []), nameTok);
    });
    const args = params.length ? [...g('<'), ...genericArgs, ...g('>')] : [];
    const where = this.slice(m.where);
    const byName = new Map(m.fields.map((f) => [f.name, f]));
    const invariants = new Map<string, Clause>();
    for (const c of m.clauses) {
      if (c.k !== 'invariant') continue;
      const f = c.field!;
      if (!byName.has(f.name)) throw new MacroError(`no field \`${f.name}\` in \`${m.name}\``, f.sp);
      if (invariants.has(f.name)) throw new MacroError(`a second invariant on \`${f.name}\``, f.sp);
      invariants.set(f.name, c);
      for (const d of c.deps ?? []) {
        if (!byName.has(d.name)) throw new MacroError(`no field \`${d.name}\` in \`${m.name}\``, d.sp);
        if (d.name === f.name) throw new MacroError(`the invariant on \`${f.name}\` depends on \`${f.name}\` itself`, d.sp);
      }
    }
    // the fields, their `_` filled in; each invariant's predicate type and trait impl
    const fieldTokens: Token[] = [];
    const predicateItems: Token[] = [];
    const wfTerms = new Map<string, Token[]>();
    const incomplete = new Map<string, { found: IncompleteType; clause: Clause | undefined }>();
    for (const f of m.fields) {
      const found = this.incompleteType(f.ty);
      if (found) incomplete.set(f.name, { found, clause: invariants.get(f.name) });
      else if (invariants.has(f.name)) throw new MacroError(`the field \`${f.name}\` has an invariant but its type leaves nothing to fill in (expected e.g. \`AtomicU64<_, G, _>\`)`, invariants.get(f.name)!.field!.sp);
    }
    for (const f of m.fields) {
      const inc = incomplete.get(f.name);
      if (!inc) {
        fieldTokens.push(...this.toks.slice(f.head.from, f.ty.to), ...g(','));
        continue;
      }
      const c = inc.clause;
      if (!c) throw new MacroError(`the field \`${f.name}\` leaves its type's parameters \`_\` but has no \`invariant on ${f.name}\``, f.sp);
      const kTypes: Token[][] = [];
      for (const d of c.deps ?? []) {
        if (incomplete.has(d.name)) throw new MacroError(`the invariant on \`${f.name}\` depends on \`${d.name}\`, whose type this macro fills in (not supported)`, d.sp);
        kTypes.push(this.slice(byName.get(d.name)!.ty));
      }
      for (const v of c.forall ?? []) kTypes.push(this.slice(v.ty));
      const K = tupleOf(kTypes, g);
      const predName = `InvariantPredicate_auto_${m.name}_${f.name}`;
      const predTy = [...g(predName), ...args];
      const { type: inv, args: tyArgs } = inc.found;
      const argTokens = tyArgs.map((a) => this.slice(a));
      const filled = argTokens.map((a, n) => (n === inv.k ? K : n === inv.pred ? predTy : a));
      fieldTokens.push(...this.toks.slice(f.head.from, inc.found.open + 1), ...filled.flatMap((a, n) => (n ? [...g(','), ...a] : a)), ...g('>'), ...this.toks.slice(inc.found.close + 1, f.ty.to), ...g(','));
      // the trait impl of the predicate type: `K` bound to the names of the fields and variables
      const wanted = inv.value ? 2 : 1;
      if (c.params!.length !== wanted) throw new MacroError(`expected ${wanted} parameter${wanted > 1 ? 's' : ''} after \`is\` (${inv.value ? 'the atomic\'s value, then its ghost value' : 'the invariant\'s value'}), found ${c.params!.length}`, c.paramsSp!);
      const names: Token[][] = [...(c.deps ?? []).map((d) => g(d.name)), ...(c.forall ?? []).map((v) => this.slice(v.name))];
      const bind = names.length === 0 ? [] : [...g('let'), ...tupleOf(names, g), ...g('= __k ;')];
      // (`AtomicInvariantPredicate<K, V, G>` of an atomic; `InvariantPredicate<K, V>` of an invariant type)
      const [traitName, fnName, traitArgs] = inv.value
        ? ['vstd::atomic_ghost::AtomicInvariantPredicate', 'atomic_inv', [...K, ...g(','), ...inv.value(argTokens), ...g(','), ...argTokens[inv.ghost]!]]
        : ['vstd::invariant::InvariantPredicate', 'inv', [...K, ...g(','), ...argTokens[inv.ghost]!]];
      predicateItems.push(
        ...g(`struct ${predName}`), ...genericDecl, ...where, ...g('{ }'),
        ...g('impl'), ...genericDecl, ...g(traitName), ...g('<'), ...traitArgs, ...g('> for'), ...predTy, ...where, ...g('{'),
        ...g(`closed spec fn ${fnName} ( __k :`), ...K, ...c.params!.flatMap((p) => [...g(','), ...this.slice(p)]), ...g(') -> bool {'),
        ...bind, ...g('{'), ...this.slice(c.body), ...g('}'), ...g('} }'),
      );
      // the spec fn's conjunct: the value is well formed (an atomic) and has the constant
      const value = c.specifically ? [...g('('), ...this.slice(c.specifically), ...g(')')] : g(`self . ${f.name}`);
      const kValue = tupleOf([...(c.deps ?? []).map((d) => g(`self . ${d.name}`)), ...(c.forall ?? []).map((v) => this.slice(v.name))], g);
      let term = [...(inv.value ? [...value, ...g('. well_formed ( ) &&')] : []), ...value, ...g('. constant ( ) =='), ...kValue];
      if (c.where) term = [...g('('), ...this.slice(c.where), ...g(') ==> ('), ...term, ...g(')')];
      if (c.forall) term = [...g('forall |'), ...c.forall.flatMap((v, n) => [...(n ? g(',') : []), ...this.slice(v.name), ...g(':'), ...this.slice(v.ty)]), ...g('|'), ...term];
      wfTerms.set(f.name, term);
    }
    // (in the order the clauses are written)
    const conjuncts = m.clauses.map((c) => (c.k === 'predicate' ? this.slice(c.body) : wfTerms.get(c.field!.name)!));
    // (each a block in parentheses: a `predicate { .. }` may hold statements)
    const body = conjuncts.length ? conjuncts.flatMap((t, n) => [...(n ? g('&&') : []), ...g('( {'), ...t, ...g('} )')]) : g('true');
    return [
      ...this.toks.slice(m.structFrom, m.where.from), ...where, ...g('{'), ...fieldTokens, ...g('}'),
      ...g('impl'), ...genericDecl, ...g(m.name), ...args, ...where, ...g('{'),
      ...this.slice(m.header), ...g('{'), ...body, ...g('}'),
      ...g('}'),
      ...predicateItems,
    ];
  }

  /** The invariant type with `_` arguments in a field's type (`Option<AtomicU64<_, G, _>>`'s inner one). */
  private incompleteType(ty: Range): IncompleteType | null {
    for (let i = ty.from; i < ty.to - 1; i++) {
      const t = this.toks[i]!;
      if (t.kind !== 'ident' || !this.isText(i + 1, '<')) continue;
      const type = invariantType(t.text, this.spOf(i));
      if (!type) continue;
      const close = this.closeAngle(i + 1, ty.to);
      const args = this.splitCommas(i + 2, close);
      const isHole = (r: Range) => r.to === r.from + 1 && this.toks[r.from]!.text === '_';
      if (!args.some(isHole)) continue;
      if (args.length !== type.arity) throw new MacroError(`\`${t.text}\` takes ${type.arity} type arguments`, this.spOf(i));
      args.forEach((a, n) => {
        const hole = n === type.k || n === type.pred;
        if (hole !== isHole(a)) throw new MacroError(hole ? `\`${t.text}\`'s constant and predicate type arguments must be \`_\` (the macro fills them in)` : `\`${t.text}\`'s other type arguments must be given`, this.spOfRange(a));
      });
      return { type, open: i + 1, close, args };
    }
    return null;
  }
}

interface IncompleteType {
  type: InvariantType;
  /** the `<` and the `>` of its arguments */
  open: number;
  close: number;
  args: Range[];
}

/** `()` for no element, the element for one, a tuple for more. */
function tupleOf(elems: Token[][], g: (text: string) => Token[]): Token[] {
  if (elems.length === 1) return elems[0]!;
  return [...g('('), ...elems.flatMap((e, n) => [...(n ? g(',') : []), ...e]), ...g(')')];
}
