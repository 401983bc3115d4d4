// The attribute form of Verus, read before parsing: plain Rust items that Verus's proc macros
// (`#[verus_spec]`, `#[verus_verify]`, `proof!`) turn into verified code are rewritten, token by
// token, into the `verus! { }` form the parser reads, as those macros rewrite them for rustc.
//
//   #[verus_verify(rlimit(2))]             verus! {
//   #[verus_spec(r =>                      #[verifier::rlimit(2)]
//       requires x < 10                    fn f(x: u32) -> (r: u32)
//       ensures r == x + 1)]       ==>         requires x < 10
//   fn f(x: u32) -> u32 {                      ensures r == x + 1
//       #[verus_spec(invariant i <= x)]    { .. while i < x invariant i <= x { .. }
//       while i < x { .. }                      proof { assert(..); } .. }
//       proof!{ assert(..); } ..           }
//   }
//
// What is read: a top-level `fn` with `#[verus_spec(..)]` or `#[verus_verify(..)]`; a top-level
// struct, enum, impl or trait with `#[verus_verify(..)]` (every function in it is verified, each
// with its own `#[verus_spec(..)]`); in their bodies, `#[verus_spec(..)]` on `while`, `loop` and
// `for` (`iter =>` names a `for` loop's ghost iterator) and on closures whose body is a block
// (`r: T =>` is the result `-> (r: T)`), `proof!{..}`, and `proof_decl!{..}`
// (its `let ghost` / `let tracked` declarations stay in the enclosing block; its other
// statements are proof code). `#[verus_verify(external)]` leaves the item plain Rust, which is
// what it means: not verified, not visible.
//
// Ghost inputs and outputs: a spec's `with Tracked(y): Tracked<&mut T>, .., -> z: Ghost<U>` adds
// the inputs as parameters and makes the result the pair `(result, z)` (named `__with_ret`; the
// clauses' `ret` / `z` read its halves), `#[verus_spec(with |= g)]` (or `proof_with!{|= g}`) at
// the body's tail returns `(value, g)`; at a call, `#[verus_spec(with a, b => p)]` (or
// `proof_with!{a, b => p}` before it) adds `a, b` as arguments and binds the output: `let x =
// f(..);` becomes `let (x, p) = f(.., a, b);`, `=> _` in an expression takes the pair's first
// half, `=> Ghost(z)` in an expression assigns a ghost variable declared before.
//
// Not read (reported `unsupported` at their spans): a ghost output given elsewhere than at the
// body's tail (a `return`), `with` on a loop, `dual_spec`, `#[verus_spec]` with another clause
// than `ensures` on a const or static (`#[verus_spec(ensures E)] const X: T = v;` is the exec
// constant `exec const X: T ensures E { v }`),
// a return pattern other than a name, and any of these forms inside a plain Rust item (the parser
// reports those). Everything else is copied as it is.
//
// Tokens keep their source spans; the few made here (`verus ! {`, a signature's `( r : .. )`,
// `#[verifier::..]`) take the span of the attribute they come from. The output is therefore not
// in source order, which the parser does not need.

import type { Token } from '../syntax/lexer';
import { matchBrackets } from '../syntax/brackets';
import { CLAUSE_KEYWORDS } from '../syntax/clauses';
import type { Sp } from './ast';

export interface AttrFormResult {
  tokens: Token[];
  /** forms of the attribute syntax not read here */
  unsupported: { what: string; sp: Sp }[];
  /** Verus's errors for misused attributes */
  errors: { message: string; sp: Sp }[];
}

/** An attribute `#[..]` as tokens: its index range and the first word of its path. */
interface Attr {
  from: number;
  /** one past its `]` */
  to: number;
  name: string;
  /** the tokens inside `name(..)`, or null when it has no argument list */
  args: { from: number; to: number } | null;
  sp: Sp;
}

/** `#[verus_verify(..)]` arguments: Verus's own `#[verifier::..]` attribute of the same name. */
const VERIFY_ARGS: ReadonlySet<string> = new Set(['rlimit', 'spinoff_prover', 'external_derive', 'ext_equal']);
const EXTERNAL_ARGS: ReadonlySet<string> = new Set(['external', 'external_body', 'external_type_specification', 'external_trait_specification']);
const MODIFIER_ARGS: ReadonlySet<string> = new Set(['reject_recursive_types', 'reject_recursive_types_in_ground_variants', 'accept_recursive_types']);

const LOOP_WORDS: ReadonlySet<string> = new Set(['while', 'loop', 'for']);

/** Whether the tokens hold any part of the attribute form (most files do not: returned as they are). */
function mentionsAttrForm(tokens: readonly Token[]): boolean {
  return tokens.some((t) => t.kind === 'ident' && (t.text === 'verus_spec' || t.text === 'verus_verify'));
}

export function attrFormToVerus(tokens: Token[]): AttrFormResult {
  if (!mentionsAttrForm(tokens)) return { tokens, unsupported: [], errors: [] };
  return new AttrFormRewriter(tokens).run();
}

/** The name of a function's result and ghost output pair (`with -> z: T`): no user writes it. */
const WITH_RET = '__with_ret';

class AttrFormRewriter {
  private readonly match: Int32Array;
  /** Inside the body of a function with a ghost output (`with -> z: T`). */
  private ghostOutput = false;
  private readonly unsupported: { what: string; sp: Sp }[] = [];
  /** the trait of the impl whose items are being read (`impl X for T`), null elsewhere */
  private traitImplOf: string | null = null;
  private readonly errors: { message: string; sp: Sp }[] = [];

  constructor(private readonly toks: Token[]) {
    this.match = matchBrackets(toks);
  }

  run(): AttrFormResult {
    const out: Token[] = [];
    const eof = this.toks.length - 1;
    let i = 0;
    while (i < eof) {
      const t = this.toks[i]!;
      if (this.isMacro(i, 'verus')) {
        // a verus! block: already the form the parser reads
        const close = this.match[i + 2]!;
        const end = close >= 0 ? close + 1 : eof;
        out.push(...this.toks.slice(i, end));
        i = end;
        continue;
      }
      if (this.isOuterAttr(i)) {
        const attrs = this.attrsAt(i);
        const itemFrom = attrs[attrs.length - 1]!.to;
        if (attrs.some((a) => a.name === 'verus_spec' || a.name === 'verus_verify')) {
          const itemTo = this.itemEnd(itemFrom);
          const item = this.item(attrs, itemFrom, itemTo);
          if (item.verified) out.push(this.synth('verus', 'ident', attrs[0]!.sp), this.synth('!', 'punct', attrs[0]!.sp), this.synth('{', 'punct', attrs[0]!.sp), ...item.tokens, this.synth('}', 'punct', attrs[0]!.sp));
          else out.push(...item.tokens);
          i = itemTo;
          continue;
        }
        out.push(...this.toks.slice(i, itemFrom));
        i = itemFrom;
        continue;
      }
      // plain Rust: copied whole, nested groups included (the parser reports Verus forms in it)
      const close = this.opener(i) ? this.match[i]! : -1;
      const end = close > i ? close + 1 : i + 1;
      out.push(...this.toks.slice(i, end));
      i = end;
    }
    out.push(this.toks[eof]!);
    return { tokens: out, unsupported: this.unsupported, errors: this.errors };
  }

  // ---------------- items ----------------

  /**
   * An item with its attributes, rewritten. `verified`: whether it goes inside `verus! { }`
   * (`#[verus_verify(external)]` leaves it plain Rust).
   */
  private item(attrs: Attr[], from: number, to: number): { tokens: Token[]; verified: boolean } {
    const out: Token[] = [];
    const specs = attrs.filter((a) => a.name === 'verus_spec');
    const verifies = attrs.filter((a) => a.name === 'verus_verify');
    let external = false;
    let nonExternal = false;
    let refused = false;
    for (const v of verifies) {
      for (const arg of this.commaSplit(v.args)) {
        const name = this.toks[arg.from]!;
        const sp = this.span(arg.from, arg.to);
        if (name.kind !== 'ident') {
          this.errors.push({ message: 'unsupported parameters in #[verus_verify(...)]', sp });
          continue;
        }
        if (name.text === 'dual_spec') {
          const refusal = this.dualSpecError(arg, from, to);
          if (refusal) this.errors.push({ message: refusal, sp });
          else this.unsupported.push({ what: '`#[verus_verify(dual_spec)]` (a spec function made from an exec function\'s body)', sp });
          refused = true;
          continue;
        }
        if (EXTERNAL_ARGS.has(name.text)) external = true;
        else if (VERIFY_ARGS.has(name.text)) nonExternal = true;
        else if (!MODIFIER_ARGS.has(name.text)) {
          this.errors.push({ message: `unsupported parameters ${name.text} in #[verus_verify(...)]`, sp });
          continue;
        }
        // `#[verifier::ARG]`, read by the parser like any other verifier attribute
        out.push(...this.verifierAttr(this.toks.slice(arg.from, arg.to), sp));
      }
    }
    if (external && nonExternal) this.errors.push({ message: 'conflict parameters in #[verus_verify(...)]', sp: verifies[0]!.sp });
    if (specs.length > 1) this.errors.push({ message: 'Multiple #[verus_spec] attributes are not allowed', sp: specs[1]!.sp });
    if (specs.length && verifies.some((v) => v.from > specs[0]!.from)) this.errors.push({ message: '#[verus_verify] attributes should be applied before #[verus_spec].', sp: verifies[0]!.sp });
    const plainExternal = verifies.some((v) => this.commaSplit(v.args).some((a) => this.toks[a.from]!.text === 'external' && a.to === a.from + 1));
    // (a `#[doc]` stands where the first Verus attribute was, so that the item's span starts
    // there, as an item's span starts at its attributes)
    const first = attrs.find((a) => a.name === 'verus_spec' || a.name === 'verus_verify')!;
    out.unshift(this.synth('#', 'punct', first.sp), this.synth('[', 'punct', first.sp), this.synth('doc', 'ident', first.sp), this.synth(']', 'punct', first.sp));
    for (const a of attrs) if (a.name !== 'verus_spec' && a.name !== 'verus_verify') out.push(...this.toks.slice(a.from, a.to));
    // left out of verus!: plain Rust is what Verus calls external; an item whose form is not
    // read here is reported and left plain too
    const plain = () => ({ tokens: [...attrs.filter((a) => a.name !== 'verus_spec' && a.name !== 'verus_verify').flatMap((a) => this.toks.slice(a.from, a.to)), ...this.toks.slice(from, to)], verified: false });
    if (plainExternal || refused) return plain();
    const kw = this.itemKeyword(from, to);
    if (kw?.text === 'fn') {
      const fn = this.fnItem(specs[0] ?? null, from, kw.at, to);
      // (a spec this rewriter does not read leaves the function plain Rust, reported unsupported)
      if (!fn) return plain();
      out.push(...fn);
      return { tokens: out, verified: true };
    }
    if (kw?.text === 'const' || kw?.text === 'static') {
      const konst = this.constItem(specs[0] ?? null, from, kw.at, to);
      if (!konst) return plain();
      out.push(...konst);
      return { tokens: out, verified: true };
    }
    if (specs.length) {
      this.unsupported.push({ what: `\`#[verus_spec]\` on ${kw ? `a \`${kw.text}\` item` : 'this item'}`, sp: specs[0]!.sp });
      return plain();
    }
    if (kw && (kw.text === 'impl' || kw.text === 'trait')) {
      // the items inside are verified too, each with its own `#[verus_spec]`
      const open = this.findAtDepth0(kw.at, to, '{');
      if (open < 0) return { tokens: [...out, ...this.toks.slice(from, to)], verified: true };
      const close = this.match[open]!;
      const outer = this.traitImplOf;
      this.traitImplOf = kw.text === 'impl' ? this.implementedTrait(kw.at, open) : null;
      try {
        out.push(...this.toks.slice(from, open + 1), ...this.items(open + 1, close), ...this.toks.slice(close, to));
      } finally {
        this.traitImplOf = outer;
      }
      return { tokens: out, verified: true };
    }
    return { tokens: [...out, ...this.toks.slice(from, to)], verified: true };
  }

  /**
   * `const X: T = v;` (or a `static`) under `#[verus_spec]` / `#[verus_spec(ensures E)]`: the item
   * itself, or the exec constant with that contract, `exec const X: T ensures E { v }` (Verus's
   * form). Null (reported) for another spec (`requires`, a result pattern) or a form not read here.
   */
  private constItem(spec: Attr | null, from: number, at: number, to: number): Token[] | null {
    const eq = this.findAtDepth0(at, to, '=');
    const semi = this.findAtDepth0(at, to, ';');
    const sp = spec?.sp ?? spanOf(this.toks[at]!);
    const args = spec?.args && spec.args.to > spec.args.from ? spec.args : null;
    if (eq < 0 || semi < eq) {
      this.unsupported.push({ what: 'this `const` item', sp });
      return null;
    }
    if (!args) return this.toks.slice(from, to);
    if (this.toks[args.from]!.text !== 'ensures' || this.findAtDepth0(args.from, args.to, '=>') >= 0) {
      this.unsupported.push({ what: `\`#[verus_spec(..)]\` on a \`${this.toks[at]!.text}\` item other than \`ensures ..\``, sp });
      return null;
    }
    return [
      ...this.toks.slice(from, at),
      this.synth('exec', 'ident', sp),
      ...this.toks.slice(at, eq),
      ...this.toks.slice(args.from, args.to),
      this.synth('{', 'punct', sp),
      ...this.toks.slice(eq + 1, semi),
      this.synth('}', 'punct', sp),
      ...this.toks.slice(semi + 1, to),
    ];
  }

  /**
   * Verus's error for `dual_spec` (`arg`, written `dual_spec` or `dual_spec(name)`) on the fn at
   * `[from, to)`, or null: the spec fn it makes would be a method missing from the trait of the
   * impl it is in (rustc's error), or its exec fn has a `&mut` parameter, which `when_used_as_spec`
   * refuses.
   */
  private dualSpecError(arg: { from: number; to: number }, from: number, to: number): string | null {
    const kw = this.itemKeyword(from, to);
    if (kw?.text !== 'fn') return null;
    const name = this.toks[kw.at + 1]?.text ?? '';
    const given = this.isPunct(arg.from + 1, '(') ? this.toks[arg.from + 2] : undefined;
    const specName = given?.kind === 'ident' ? given.text : `__VERUS_SPEC_${name}`;
    if (this.traitImplOf) return `method \`${specName}\` is not a member of trait \`${this.traitImplOf}\``;
    const params = this.findAtDepth0(kw.at, to, '(');
    if (params < 0) return null;
    for (let k = params + 1; k < this.match[params]!; k++) if (this.isPunct(k, '&') && this.toks[k + 1]?.text === 'mut') return 'when_used_as_spec not supported for function with &mut param';
    return null;
  }

  /**
   * An item inside verified code (an impl's method, a function in a body): one left plain is
   * marked `#[verifier::external]`, which is what plain Rust means there.
   */
  private nestedItem(attrs: Attr[], from: number, to: number): Token[] {
    const item = this.item(attrs, from, to);
    if (item.verified) return item.tokens;
    const sp = attrs[0]!.sp;
    return [...this.verifierAttr([this.synth('external', 'ident', sp)], sp), ...item.tokens];
  }

  /** The items of an impl or trait body, each rewritten. */
  private items(from: number, to: number): Token[] {
    const out: Token[] = [];
    let i = from;
    while (i < to) {
      const attrs = this.isOuterAttr(i) ? this.attrsAt(i) : [];
      const itemFrom = attrs.length ? attrs[attrs.length - 1]!.to : i;
      const itemTo = Math.min(this.itemEnd(itemFrom), to);
      if (itemTo <= itemFrom) {
        out.push(...this.toks.slice(i, to));
        break;
      }
      const kw = this.itemKeyword(itemFrom, itemTo);
      if (attrs.some((a) => a.name === 'verus_spec' || a.name === 'verus_verify')) out.push(...this.nestedItem(attrs, itemFrom, itemTo));
      else if (kw?.text === 'fn') out.push(...this.toks.slice(i, itemFrom), ...(this.fnItem(null, itemFrom, kw.at, itemTo) ?? this.toks.slice(itemFrom, itemTo)));
      else out.push(...this.toks.slice(i, itemTo));
      i = itemTo;
    }
    return out;
  }

  /**
   * A function with its `#[verus_spec(..)]`: the return value named by the pattern before `=>`,
   * the clauses placed after the return type and `where` clause, the body's forms rewritten.
   */
  private fnItem(spec: Attr | null, from: number, fnAt: number, to: number): Token[] | null {
    const params = this.findAtDepth0(fnAt, to, '(');
    if (params < 0) return this.toks.slice(from, to);
    const afterParams = this.match[params]! + 1;
    // the signature's end: the body's `{` or the declaration's `;`
    let end = afterParams;
    while (end < to && !(this.isPunct(end, '{') || this.isPunct(end, ';'))) end = this.opener(end) ? this.match[end]! + 1 : end + 1;
    let whereAt = end;
    for (let k = afterParams; k < end; k = this.opener(k) ? this.match[k]! + 1 : k + 1) {
      if (this.toks[k]!.text === 'where') {
        whereAt = k;
        break;
      }
    }
    const out: Token[] = this.toks.slice(from, afterParams);
    const content = spec?.args ?? { from: 0, to: 0 };
    let clausesFrom = content.from;
    let retName: Token | null = null;
    if (spec?.args) {
      const arrow = this.patternArrow(content.from, content.to);
      if (arrow >= 0) {
        const pat = this.toks.slice(content.from, arrow);
        if (pat.length !== 1 || pat[0]!.kind !== 'ident') {
          this.unsupported.push({ what: 'a return pattern other than a name in `#[verus_spec(pattern => ..)]`', sp: this.span(content.from, arrow) });
          return null;
        }
        retName = pat[0]!;
        clausesFrom = arrow + 1;
      }
    }
    // `with` ghost inputs (more parameters) and a ghost output (the result becomes a pair)
    const w = spec?.args ? this.withSection(clausesFrom, content.to) : null;
    if (w === 'refused') return null;
    const arrowAt = this.isPunct(afterParams, '->') ? afterParams : -1;
    if (w) {
      clausesFrom = w.rest;
      if (w.inputs.length) {
        const close = afterParams - 1;
        out.pop();
        const sp = this.span(w.inputs[0]!.from, w.inputs[0]!.to);
        if (close > params + 1 && !this.isPunct(close - 1, ',')) out.push(this.synth(',', 'punct', sp));
        w.inputs.forEach((r, k) => out.push(...(k ? [this.synth(',', 'punct', sp)] : []), ...this.toks.slice(r.from, r.to)));
        out.push(this.toks[close]!);
      }
      if (w.output && (arrowAt < 0 || this.hasReturn(end, to))) {
        this.unsupported.push({ what: '`with -> ..` (a ghost output) of a function without a result type, or with `return`', sp: spanOf(w.output.name) });
        return null;
      }
      // (an unnamed result with a ghost output: a name no clause mentions)
      if (w.output && !retName) retName = this.synth('__with_result', 'ident', spanOf(w.output.name));
    }
    const output = w?.output ?? null;
    // the return type, named when the spec names it (with a ghost output: a pair named `__with_ret`)
    if (arrowAt >= 0 && retName && output) {
      const sp = spanOf(retName);
      out.push(this.toks[arrowAt]!, this.synth('(', 'punct', sp), this.synth(WITH_RET, 'ident', sp), this.synth(':', 'punct', sp), this.synth('(', 'punct', sp), ...this.toks.slice(arrowAt + 1, whereAt), this.synth(',', 'punct', sp), ...this.toks.slice(output.ty.from, output.ty.to), this.synth(')', 'punct', sp), this.synth(')', 'punct', sp));
    } else if (arrowAt >= 0 && retName) {
      const sp = spanOf(retName);
      out.push(this.toks[arrowAt]!, this.synth('(', 'punct', sp), retName, this.synth(':', 'punct', sp), ...this.toks.slice(arrowAt + 1, whereAt), this.synth(')', 'punct', sp));
    } else {
      if (retName && arrowAt < 0) this.errors.push({ message: 'Closure must have a return type', sp: spanOf(retName) });
      out.push(...this.toks.slice(afterParams, whereAt));
    }
    out.push(...this.toks.slice(whereAt, end));
    if (spec?.args) {
      const clauses = this.toks.slice(clausesFrom, content.to);
      out.push(...(output && retName ? this.renameResults(clauses, retName.text, output.name.text) : clauses));
    }
    if (end < to && this.isPunct(end, '{')) {
      const close = this.match[end]!;
      const saved = this.ghostOutput;
      this.ghostOutput = !!output;
      try {
        out.push(this.toks[end]!, ...this.body(end + 1, close), ...this.toks.slice(close, to));
      } finally {
        this.ghostOutput = saved;
      }
    } else out.push(...this.toks.slice(end, to));
    return out;
  }

  /** Whether the function body in `from..to` has a `return` (a ghost output is given at its tail only here). */
  private hasReturn(from: number, to: number): boolean {
    for (let k = from; k < to; k++) if (this.toks[k]!.text === 'return') return true;
    return false;
  }

  /**
   * `with ..` among a spec's clauses (from `from`): the ghost inputs (`Tracked(y): Tracked<&mut T>`,
   * a parameter each), the ghost output (`-> z: Ghost<T>`), and where the clauses resume; null
   * without `with`; `refused` (reported) for a form not read.
   */
  private withSection(from: number, to: number): { inputs: { from: number; to: number }[]; output: { name: Token; ty: { from: number; to: number } } | null; rest: number } | 'refused' | null {
    if (from >= to || this.toks[from]!.text !== 'with') return this.refuseWith(from, to) ? 'refused' : null;
    let end = from + 1;
    while (end < to && !(this.toks[end]!.kind === 'ident' && CLAUSE_KEYWORDS.has(this.toks[end]!.text))) end = this.opener(end) ? this.match[end]! + 1 : end + 1;
    const inputs: { from: number; to: number }[] = [];
    let output: { name: Token; ty: { from: number; to: number } } | null = null;
    // (`Ghost(w): Ghost<u32> -> z: T`: the output may follow the last input without a comma)
    const parts = this.typeCommaSplit(from + 1, end).flatMap((part) => {
      const arrow = this.findAtDepth0(part.from + 1, part.to, '->');
      return arrow > part.from ? [{ from: part.from, to: arrow }, { from: arrow, to: part.to }] : [part];
    });
    for (const part of parts) {
      if (this.isPunct(part.from, '->')) {
        const name = this.toks[part.from + 1]!;
        if (output || name.kind !== 'ident' || !this.isPunct(part.from + 2, ':')) {
          this.unsupported.push({ what: 'this `with -> ..` ghost output', sp: this.span(part.from, part.to) });
          return 'refused';
        }
        output = { name, ty: { from: part.from + 3, to: part.to } };
      } else inputs.push(part);
    }
    return { inputs, output, rest: end };
  }

  /** Comma-separated parts of `from..to` at depth 0, `<..>` of types included. */
  private typeCommaSplit(from: number, to: number): { from: number; to: number }[] {
    const parts: { from: number; to: number }[] = [];
    let start = from;
    let angle = 0;
    for (let k = from; k <= to; ) {
      if (k === to || (angle === 0 && this.isPunct(k, ','))) {
        if (k > start) parts.push({ from: start, to: k });
        start = k + 1;
        k++;
        continue;
      }
      if (this.isPunct(k, '<')) angle++;
      else if (this.isPunct(k, '>')) angle = Math.max(0, angle - 1);
      else if (this.isPunct(k, '>>')) angle = Math.max(0, angle - 2);
      k = this.opener(k) ? this.match[k]! + 1 : k + 1;
    }
    return parts;
  }

  /** Clause tokens with the result's name read from the pair (`ret` -> `__with_ret.0`, the ghost output's `z` -> `__with_ret.1`). */
  private renameResults(toks: Token[], ret: string, ghost: string): Token[] {
    const out: Token[] = [];
    toks.forEach((t, k) => {
      const prev = toks[k - 1];
      const next = toks[k + 1];
      const name = t.kind === 'ident' && (t.text === ret || t.text === ghost) && !(prev && prev.kind === 'punct' && (prev.text === '.' || prev.text === '::')) && !(next && next.kind === 'punct' && (next.text === '::' || next.text === '('));
      if (!name) return out.push(t);
      const sp = spanOf(t);
      out.push(this.synth('(', 'punct', sp), this.synth(WITH_RET, 'ident', sp), this.synth('.', 'punct', sp), this.synth(t.text === ret ? '0' : '1', 'int', sp), this.synth(')', 'punct', sp));
    });
    return out;
  }

  // ---------------- bodies ----------------

  /** Statements and expressions between two token indices, with the attribute form rewritten. */
  private body(from: number, to: number): Token[] {
    const out: Token[] = [];
    let i = from;
    while (i < to) {
      if (this.isOuterAttr(i)) {
        const attrs = this.attrsAt(i);
        const next = attrs[attrs.length - 1]!.to;
        const spec = attrs.find((a) => a.name === 'verus_spec');
        const word = this.toks[next];
        if (spec && word && LOOP_WORDS.has(word.text)) {
          for (const a of attrs) if (a !== spec) out.push(...this.toks.slice(a.from, a.to));
          i = this.loop(spec, next, to, out);
          continue;
        }
        // `#[verus_spec(r: T => requires .. ensures ..)] |x: A| { .. }`: an exec closure's clauses
        if (spec && word && (word.text === '|' || word.text === '||' || (word.text === 'move' && ['|', '||'].includes(this.toks[next + 1]?.text ?? '')))) {
          const done = this.closure(spec, next, to, out);
          if (done >= 0) {
            for (const a of attrs) if (a !== spec) out.unshift(...this.toks.slice(a.from, a.to));
            i = done;
            continue;
          }
        }
        if (attrs.some((a) => a.name === 'verus_spec' || a.name === 'verus_verify')) {
          if (word?.text === 'fn') {
            // a function inside a body: verified as Verus's macro verifies it
            const end = Math.min(this.itemEnd(next), to);
            out.push(...this.nestedItem(attrs, next, end));
            i = end;
            continue;
          }
          // `#[verus_spec(with ..)]` on a call, or `#[verus_spec(with |= g)]` on a returned value
          if (spec?.args && attrs.length === 1 && this.toks[spec.args.from]!.text === 'with') {
            const done = this.withAt(spec.args, next, to, out);
            if (done >= 0) {
              i = done;
              continue;
            }
          }
          for (const a of attrs) {
            if (a.name === 'verus_spec') this.unsupported.push({ what: '`#[verus_spec(..)]` on a statement or expression (ghost inputs and outputs of a call)', sp: a.sp });
          }
        }
        out.push(...this.toks.slice(i, next));
        i = next;
        continue;
      }
      if (this.isMacro(i, 'proof')) {
        const close = this.match[i + 2]!;
        out.push(this.toks[i]!, this.toks[i + 2]!, ...this.body(i + 3, close), this.toks[close]!);
        i = close + 1;
        continue;
      }
      if (this.isMacro(i, 'proof_decl') || this.isMacro(i, 'proof_declare')) {
        const close = this.match[i + 2]!;
        out.push(...this.proofDecl(i, close));
        i = close + 1;
        continue;
      }
      if (this.toks[i]!.text === 'proof_with' && this.isPunct(i + 1, '!') && this.opener(i + 2)) {
        // `proof_with!{args => pat}` (or `( .. );`) before a call: `#[verus_spec(with args => pat)]` on it
        const close = this.match[i + 2]!;
        const after = this.isPunct(close + 1, ';') ? close + 2 : close + 1;
        const done = this.withAt({ from: i + 3, to: close }, after, to, out, true);
        if (done >= 0) {
          i = done;
          continue;
        }
        this.unsupported.push({ what: '`proof_with!` (ghost inputs and outputs of a call)', sp: this.span(i, close + 1) });
        out.push(...this.toks.slice(i, close + 1));
        i = close + 1;
        continue;
      }
      if (this.opener(i)) {
        const close = this.match[i]!;
        out.push(this.toks[i]!, ...this.body(i + 1, close), this.toks[close]!);
        i = close + 1;
        continue;
      }
      out.push(this.toks[i]!);
      i++;
    }
    return out;
  }

  /**
   * An exec closure at `at` under `#[verus_spec(..)]`: the spec's clauses follow its parameters,
   * its `r: T =>` is the result `-> (r: T)` (a name alone needs the closure's own `-> T`). Only a
   * closure whose body is a block is read; returns the index after it, or -1 (not read).
   */
  private closure(spec: Attr, at: number, to: number, out: Token[]): number {
    let k = at;
    if (this.toks[k]!.text === 'move') k++;
    let paramsEnd = k;
    if (this.toks[k]!.text === '|') {
      paramsEnd = k + 1;
      while (paramsEnd < to && !this.isPunct(paramsEnd, '|')) paramsEnd = this.opener(paramsEnd) ? this.match[paramsEnd]! + 1 : paramsEnd + 1;
      if (paramsEnd >= to) return -1;
    }
    const head = this.toks.slice(at, paramsEnd + 1);
    let bodyAt = paramsEnd + 1;
    let ownRet: Token[] = [];
    if (this.isPunct(bodyAt, '->')) {
      let e = bodyAt + 1;
      while (e < to && !this.isPunct(e, '{')) e = this.opener(e) ? this.match[e]! + 1 : e + 1;
      ownRet = this.toks.slice(bodyAt + 1, e);
      bodyAt = e;
    }
    if (!this.isPunct(bodyAt, '{')) return -1;
    const args = spec.args ?? { from: 0, to: 0 };
    let clausesFrom = args.from;
    const sp = spec.sp;
    const ret: Token[] = [];
    const arrow = spec.args ? this.patternArrow(args.from, args.to) : -1;
    if (arrow >= 0) {
      const pat = this.toks.slice(args.from, arrow);
      const colon = pat.findIndex((t) => t.text === ':');
      const name = colon < 0 ? pat : pat.slice(0, colon);
      const ty = colon < 0 ? ownRet : pat.slice(colon + 1);
      if (name.length !== 1 || name[0]!.kind !== 'ident' || !ty.length) return -1;
      ret.push(this.synth('->', 'punct', sp), this.synth('(', 'punct', sp), name[0]!, this.synth(':', 'punct', sp), ...ty, this.synth(')', 'punct', sp));
      clausesFrom = arrow + 1;
    } else if (ownRet.length) ret.push(this.synth('->', 'punct', sp), ...ownRet);
    const close = this.match[bodyAt]!;
    out.push(...head, ...ret, ...this.toks.slice(clausesFrom, args.to), this.toks[bodyAt]!, ...this.body(bodyAt + 1, close), this.toks[close]!);
    return close + 1;
  }

  /**
   * The ghost arguments of a call (`with a, b => p` in `args`, then the statement or expression at
   * `at`): the call at `at` gets `a, b` as more arguments, and a ghost output `p` is bound by a
   * `let` of the pair (`let x = f(..);` -> `let (x, p) = f(.., a, b);`) or dropped (`=> _` in an
   * expression: `f(.., a, b).0`). `with |= g` gives the value a function with a ghost output
   * returns at its tail: `(value, g)`. Returns the index after what it rewrote, or -1 (not read).
   */
  private withAt(args: { from: number; to: number }, at: number, to: number, out: Token[], macro = false): number {
    const from = macro ? args.from : args.from + 1;
    const sp = this.span(args.from, args.to);
    // `with |= g`: the returned value of the function's tail
    if (this.isPunct(from, '|=')) {
      if (!this.ghostOutput || this.stmtEnd(at, to) < to) return -1;
      out.push(this.synth('(', 'punct', sp), ...this.body(at, to), this.synth(',', 'punct', sp), ...this.toks.slice(from + 1, args.to), this.synth(')', 'punct', sp));
      return to;
    }
    let arrow = -1;
    for (let k = from; k < args.to; k = this.opener(k) ? this.match[k]! + 1 : k + 1) if (this.isPunct(k, '=>')) arrow = k;
    const ghostArgs = this.typeCommaSplit(from, arrow >= 0 ? arrow : args.to);
    const pat = arrow >= 0 ? this.toks.slice(arrow + 1, args.to) : null;
    const dropped = !pat || (pat.length === 1 && pat[0]!.text === '_');
    // the call's argument list: the first `( .. )` at depth 0 after `at`, before the statement's end
    const stmtEnd = this.stmtEnd(at, to);
    const isLet = this.toks[at]!.text === 'let';
    const eq = isLet ? this.findAtDepth0(at, stmtEnd, '=') : -1;
    if (isLet && (eq < 0 || this.findAtDepth0(at, eq, ':') >= 0)) return -1;
    const callFrom = isLet ? eq + 1 : at;
    const open = this.findAtDepth0(callFrom, stmtEnd, '(');
    if (open < 0 || ghostArgs.length === 0) return -1;
    const close = this.match[open]!;
    // (the call must be the whole expression: in `f(x).g(y)` the arguments would go to another
    // call than the one the attribute is on; `f(x)?` is fine without a ghost output, which would
    // make the result a pair)
    if (this.isPunct(close + 1, '.') || this.isPunct(close + 1, '(') || this.isPunct(close + 1, '[') || (pat && this.isPunct(close + 1, '?'))) return -1;
    const extended = (): Token[] => {
      const call: Token[] = [...this.toks.slice(callFrom, open + 1), ...this.body(open + 1, close)];
      if (close > open + 1 && !this.isPunct(close - 1, ',')) call.push(this.synth(',', 'punct', sp));
      ghostArgs.forEach((r, k) => call.push(...(k ? [this.synth(',', 'punct', sp)] : []), ...this.body(r.from, r.to)));
      call.push(this.toks[close]!);
      return call;
    };
    if (isLet) {
      // `let x = f(..);` -> `let (x, p) = f(.., a, b);` (with no output: more arguments only)
      const bound = this.toks.slice(at + 1, eq);
      if (pat) out.push(this.toks[at]!, this.synth('(', 'punct', sp), ...bound, this.synth(',', 'punct', sp), ...pat, this.synth(')', 'punct', sp), this.toks[eq]!, ...extended());
      else out.push(this.toks[at]!, ...bound, this.toks[eq]!, ...extended());
      out.push(...this.body(close + 1, stmtEnd));
      return stmtEnd;
    }
    const atStatement = out.length === 0 || ['{', '}', ';'].includes(out[out.length - 1]!.text);
    // inside an expression, an output into a ghost variable declared before (`=> Ghost(z)`):
    // `({ let (__with_v, Ghost(__with_g)) = f(.., a, b); proof { z = __with_g; } __with_v })`
    const into = pat && pat.length === 4 && (pat[0]!.text === 'Ghost' || pat[0]!.text === 'Tracked') && pat[1]!.text === '(' && pat[2]!.kind === 'ident' && pat[3]!.text === ')' ? pat[2]! : null;
    const tail = stmtEnd === to && !this.isPunct(to - 1, ';');
    if (!dropped && (!atStatement || tail) && into) {
      const v = this.synth('__with_v', 'ident', sp);
      const g = this.synth('__with_g', 'ident', sp);
      out.push(this.synth('(', 'punct', sp), this.synth('{', 'punct', sp), this.synth('let', 'keyword', sp), this.synth('(', 'punct', sp), v, this.synth(',', 'punct', sp), pat![0]!, pat![1]!, g, pat![3]!, this.synth(')', 'punct', sp), this.synth('=', 'punct', sp), ...extended(), this.synth(';', 'punct', sp));
      out.push(this.synth('proof', 'ident', sp), this.synth('{', 'punct', sp), into, this.synth('=', 'punct', sp), g, this.synth(';', 'punct', sp), this.synth('}', 'punct', sp), v, this.synth('}', 'punct', sp), this.synth(')', 'punct', sp));
      return close + 1;
    }
    if (!dropped) {
      if (!atStatement) return -1;
      // a statement `f(..);` binding the output: `let (_, p) = f(.., a, b);`
      out.push(this.synth('let', 'keyword', sp), this.synth('(', 'punct', sp), this.synth('_', 'ident', sp), this.synth(',', 'punct', sp), ...pat!, this.synth(')', 'punct', sp), this.synth('=', 'punct', sp), ...extended());
      out.push(...this.body(close + 1, stmtEnd));
      return stmtEnd;
    }
    // (an output dropped inside an expression: the pair's first half)
    if (pat && !atStatement) out.push(this.synth('(', 'punct', sp), ...extended(), this.synth(')', 'punct', sp), this.synth('.', 'punct', sp), this.synth('0', 'int', sp));
    else out.push(...extended());
    return close + 1;
  }

  /** One past the statement that starts at `at` (its `;` at depth 0), or `to`. */
  private stmtEnd(at: number, to: number): number {
    for (let k = at; k < to; k = this.opener(k) ? this.match[k]! + 1 : k + 1) if (this.isPunct(k, ';')) return k + 1;
    return to;
  }

  /** A loop under `#[verus_spec(..)]`, its clauses placed before its body; returns the index after it. */
  private loop(spec: Attr, at: number, to: number, out: Token[]): number {
    let open = at + 1;
    while (open < to && !this.isPunct(open, '{')) open = this.opener(open) ? this.match[open]! + 1 : open + 1;
    if (open >= to) {
      out.push(...this.toks.slice(spec.from, to));
      return to;
    }
    const close = this.match[open]!;
    const content = spec.args ?? { from: 0, to: 0 };
    let clausesFrom = content.from;
    const arrow = spec.args ? this.patternArrow(content.from, content.to) : -1;
    const header = this.toks.slice(at, open);
    if (arrow >= 0) {
      const pat = this.toks.slice(content.from, arrow);
      const inAt = header.findIndex((t) => t.kind === 'keyword' && t.text === 'in');
      if (this.toks[at]!.text === 'for' && inAt >= 0 && pat.length === 1 && pat[0]!.kind === 'ident') {
        // `for x in iter: e`: the ghost iterator's name
        header.splice(inAt + 1, 0, pat[0]!, this.synth(':', 'punct', spanOf(pat[0]!)));
      } else this.unsupported.push({ what: 'a pattern in a loop\'s `#[verus_spec(pattern => ..)]` other than a `for` loop\'s iterator name', sp: this.span(content.from, arrow) });
      clausesFrom = arrow + 1;
    }
    if (spec.args) this.refuseWith(clausesFrom, content.to);
    out.push(...header, ...(spec.args ? this.toks.slice(clausesFrom, content.to) : []), this.toks[open]!, ...this.body(open + 1, close), this.toks[close]!);
    return close + 1;
  }

  /**
   * `proof_decl!{ .. }`: its `let ghost` / `let tracked` declarations belong to the enclosing
   * block; the statements between them are proof code.
   */
  private proofDecl(at: number, close: number): Token[] {
    const out: Token[] = [];
    const macroSp = this.span(at, close + 1);
    let proof: Token[] = [];
    const flush = () => {
      if (proof.length) out.push(this.synth('proof', 'ident', macroSp), this.synth('{', 'punct', macroSp), ...proof, this.synth('}', 'punct', macroSp));
      proof = [];
    };
    let i = at + 3;
    while (i < close) {
      // one statement: up to its `;` at this depth, or a block-like statement's last group
      let end = i;
      while (end < close && !this.isPunct(end, ';')) {
        if (this.opener(end)) {
          end = this.match[end]! + 1;
          if (this.isPunct(end - 1, '}') && !this.isPunct(end, '.') && this.toks[end]?.text !== 'else' && this.toks[i]!.text !== 'let') break;
          continue;
        }
        end++;
      }
      if (end < close && this.isPunct(end, ';')) end++;
      if (this.toks[i]!.text === 'let') {
        const mode = this.toks[i + 1]!;
        if (mode.text !== 'ghost' && mode.text !== 'tracked') this.errors.push({ message: 'Exec local is not allowed in proof_decl', sp: this.span(i, end) });
        flush();
        out.push(...this.body(i, end));
      } else proof.push(...this.body(i, end));
      i = end;
    }
    flush();
    return out;
  }

  /** `with ..` among a spec's clauses (ghost inputs and outputs): not read; reported, and true. */
  private refuseWith(from: number, to: number): boolean {
    for (let k = from; k < to; k = this.opener(k) ? this.match[k]! + 1 : k + 1) {
      if (this.toks[k]!.kind === 'ident' && this.toks[k]!.text === 'with') {
        this.unsupported.push({ what: '`with` in `#[verus_spec(..)]` (ghost inputs and outputs)', sp: this.span(k, k + 1) });
        return true;
      }
    }
    return false;
  }

  // ---------------- tokens ----------------

  /** The index of a spec's `=>` after a leading pattern (`r =>`, `(a, b) =>`), or -1. */
  private patternArrow(from: number, to: number): number {
    for (let k = from; k < to; k = this.opener(k) ? this.match[k]! + 1 : k + 1) {
      const t = this.toks[k]!;
      if (this.isPunct(k, '=>')) return k;
      if (t.kind === 'ident' && CLAUSE_KEYWORDS.has(t.text)) return -1;
    }
    return -1;
  }

  /** The trait of `impl<..> Trait<..> for T` (tokens `[implAt, open)`), or null for an inherent impl. */
  private implementedTrait(implAt: number, open: number): string | null {
    let angle = 0;
    let last: string | null = null;
    for (let k = implAt + 1; k < open; k++) {
      const t = this.toks[k]!;
      if (t.text === '<') angle++;
      else if (t.text === '>') angle--;
      else if (t.text === '>>') angle -= 2;
      else if (angle === 0 && t.kind === 'ident') last = t.text;
      else if (angle === 0 && t.kind === 'keyword' && t.text === 'for') return last;
    }
    return null;
  }

  /** The item's keyword (`fn`, `struct`, `impl`, ..) after its visibility and qualifiers. */
  private itemKeyword(from: number, to: number): { text: string; at: number } | null {
    for (let k = from; k < to; k = this.opener(k) ? this.match[k]! + 1 : k + 1) {
      const t = this.toks[k]!;
      if (['fn', 'struct', 'enum', 'union', 'impl', 'trait', 'const', 'static', 'type', 'mod', 'use'].includes(t.text) && (t.kind === 'keyword' || t.text === 'union')) {
        // `const fn`: a function
        if (t.text === 'const' && this.toks[k + 1]?.text === 'fn') continue;
        return { text: t.text, at: k };
      }
    }
    return null;
  }

  /** One past an item's end: its first top-level `{ }` group, or its `;`. */
  private itemEnd(from: number): number {
    const eof = this.toks.length - 1;
    let k = from;
    while (k < eof) {
      if (this.isPunct(k, ';')) return k + 1;
      if (this.isPunct(k, '}') || this.isPunct(k, ')') || this.isPunct(k, ']')) return k;
      if (this.opener(k)) {
        const m = this.match[k]!;
        if (m < 0) return eof;
        if (this.isPunct(k, '{')) return m + 1;
        k = m + 1;
        continue;
      }
      k++;
    }
    return eof;
  }

  private findAtDepth0(from: number, to: number, text: string): number {
    for (let k = from; k < to; k = this.opener(k) && !this.isPunct(k, text) ? this.match[k]! + 1 : k + 1) if (this.isPunct(k, text)) return k;
    return -1;
  }

  /** The outer attributes starting at `i`. */
  private attrsAt(i: number): Attr[] {
    const attrs: Attr[] = [];
    while (this.isOuterAttr(i)) {
      const close = this.match[i + 1]!;
      const nameTok = this.toks[i + 2]!;
      // `name(..)` directly inside the brackets
      const argsOpen = this.isPunct(i + 3, '(') && this.match[i + 3] === close - 1 ? i + 3 : -1;
      attrs.push({ from: i, to: close + 1, name: nameTok.kind === 'ident' ? nameTok.text : '', args: argsOpen >= 0 ? { from: argsOpen + 1, to: close - 1 } : null, sp: this.span(i, close + 1) });
      i = close + 1;
    }
    return attrs;
  }

  /** The comma-separated parts of a token range, at its own depth. */
  private commaSplit(range: { from: number; to: number } | null): { from: number; to: number }[] {
    if (!range) return [];
    const parts: { from: number; to: number }[] = [];
    let start = range.from;
    for (let k = range.from; k <= range.to; ) {
      if (k === range.to || this.isPunct(k, ',')) {
        if (k > start) parts.push({ from: start, to: k });
        start = k + 1;
        k++;
        continue;
      }
      k = this.opener(k) ? this.match[k]! + 1 : k + 1;
    }
    return parts;
  }

  private isOuterAttr(i: number): boolean {
    return this.isPunct(i, '#') && this.isPunct(i + 1, '[') && this.match[i + 1]! > i;
  }
  /** `NAME ! {` with its group closed. */
  private isMacro(i: number, name: string): boolean {
    const t = this.toks[i]!;
    return t.kind === 'ident' && t.text === name && this.isPunct(i + 1, '!') && this.isPunct(i + 2, '{') && this.match[i + 2]! > i;
  }
  private isPunct(i: number, text: string): boolean {
    const t = this.toks[i];
    return !!t && t.kind === 'punct' && t.text === text;
  }
  private opener(i: number): boolean {
    return (this.isPunct(i, '(') || this.isPunct(i, '[') || this.isPunct(i, '{')) && this.match[i]! > i;
  }
  private span(from: number, to: number): Sp {
    return { start: this.toks[from]!.start, end: this.toks[Math.max(from, to - 1)]!.end };
  }
  /** `#[verifier::ARG]`, made at `sp`. */
  private verifierAttr(arg: Token[], sp: Sp): Token[] {
    return [this.synth('#', 'punct', sp), this.synth('[', 'punct', sp), this.synth('verifier', 'ident', sp), this.synth('::', 'punct', sp), ...arg, this.synth(']', 'punct', sp)];
  }
  /** A token made here, placed at `sp` (it stands for the attribute it comes from). */
  private synth(text: string, kind: Token['kind'], sp: Sp): Token {
    const near = this.toks.find((t) => t.start >= sp.start) ?? this.toks[this.toks.length - 1]!;
    return { kind, text, start: sp.start, end: sp.start, line: near.line, column: near.column };
  }
}

function spanOf(t: Token): Sp {
  return { start: t.start, end: t.end };
}
