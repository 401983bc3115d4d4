// The exec-spec phase, after spec-derive: vstd's `exec_spec_verified! { .. }` and
// `exec_spec_unverified! { .. }` (vstd::contrib::exec_spec). In Verus the macros compile each spec
// item they enclose into executable code:
//
//   struct S { a: u32, b: Seq<u8> }            pub struct ExecS { a: u32, b: Vec<u8> }
//                                        =>    impl DeepView for ExecS { type V = S; .. }
//   spec fn f(s: S, i: usize) -> u8            fn exec_f(s: &ExecS, i: usize) -> (r: u8)
//       recommends i < s.b.len()                   requires i < s.deep_view().b.len()
//   { s.b[i as int] }                              ensures r.deep_view() == f(s.deep_view(), i)
//
// A spec type's exec counterpart: integers, `bool` and `char` themselves, `SpecString` `String`
// (borrowed `&str`), `Seq<T>` `Vec` (borrowed a slice), `Set<T>` `HashSet`, `Option` and tuples of the counterparts,
// a datatype of the macros `Exec<Name>` (borrowed `&Exec<Name>`). A function's parameters are
// borrowed, its result owned; methods take `&self`. Its precondition is the spec fn's
// `recommends` and its `decreases .. when` condition.
//
// The exec body is not written out here: it is modelled. The macro builds it from calls to
// vstd's executable operations, each specified to return exactly the spec operation's value
// (`exec_add` ensures `res.deep_view() == a.deep_view().add(b.deep_view())`, ..), so the body
// meets its postcondition wherever every operation it performs is defined. What is left to verify
// is the exec code's own obligations: fixed-width arithmetic in range (in the type Rust infers
// for the exec code, where literals take the other operand's type and `as int` is erased),
// divisors non-zero, indexes in bounds, `unwrap` of `Some`, the preconditions of `subrange`,
// `first`, .. and of the called functions, each under the conditions that reach it (`&&`, `||`,
// `==>`, `if`, `match` short-circuit as in exec code; a quantifier's body is evaluated for each
// value of its range). `exec_spec_verified!` states them as a proof fn per spec fn,
// `exec_spec_check__<f>`, with an assertion at each operation's span; `exec_spec_unverified!`
// trusts the generated code, as Verus does.
//
// The macro's own errors are `error` items: `self` by value or `&mut self`, generic functions,
// trait impls, a type without an exec counterpart (`int`, `nat`), a call of a function outside
// the macros, a quantifier whose variables are not each bounded as `lo <= x < hi`, mismatched
// integer types. `Map` and `Multiset` (whose exec counterparts' deep views are not
// modelled) and expressions outside the subset below are `unsupported`.
//
// Output: new `SourceFile`s with the generated items after the marked ones (parse trees are
// shared between runs and never mutated); no `execSpec` mark is read after this phase.

import type { Block, EnumItem, Expr, FnItem, Item, Pat, SourceFile, Sp, Stmt, StructItem, TypeExpr } from './ast';
import { parseGenerated } from './parser';
import { printType } from './printer';

/** A value's type in the exec code the macro generates: what its arithmetic and calls need. */
type ExecTy =
  | { k: 'int'; name: string }
  /** an integer literal: it takes the other operand's type */
  | { k: 'literal' }
  | { k: 'bool' }
  | { k: 'char' }
  | { k: 'seq'; elem: ExecTy; string: boolean }
  | { k: 'set'; elem: ExecTy }
  | { k: 'option'; inner: ExecTy }
  | { k: 'tuple'; elems: ExecTy[] }
  | { k: 'datatype'; name: string }
  /** the element of `Seq::empty()`, the value of `None`: known only from context */
  | { k: 'unknown' };

/** The macro refuses the program (`error`) or the verifier does not model it (`unsupported`). */
class ExecSpecGap {
  constructor(
    readonly message: string,
    readonly sp: Sp,
    readonly kind: 'error' | 'unsupported',
  ) {}
}

type Datatype = StructItem | EnumItem;

interface Context {
  /** the datatypes inside the macros, by name */
  datatypes: ReadonlyMap<string, Datatype>;
  /** the spec fns inside the macros: free ones by name, methods by `Type::name` */
  fns: ReadonlyMap<string, FnItem>;
}

const INT_TYPES: ReadonlySet<string> = new Set(['u8', 'u16', 'u32', 'u64', 'u128', 'usize', 'i8', 'i16', 'i32', 'i64', 'i128', 'isize']);
const CHECK_PREFIX = 'exec_spec_check__';
const REQUIRES_PREFIX = 'exec_spec_requires__';
const RESULT = 'exec_spec_result';

export function lowerExecSpec(files: SourceFile[]): SourceFile[] {
  const marked = files.flatMap((f) => f.items.filter((it) => (it.k === 'fn' || it.k === 'struct' || it.k === 'enum' || it.k === 'trait-impl') && it.execSpec));
  if (!marked.length) return files;
  const datatypes = new Map<string, Datatype>();
  const fns = new Map<string, FnItem>();
  for (const it of marked) {
    if (it.k === 'struct' || it.k === 'enum') datatypes.set(it.name, it);
    else if (it.k === 'fn' && !it.traitImpl) fns.set(it.selfType ? `${it.selfType}::${it.name}` : it.name, it);
  }
  const cx: Context = { datatypes, fns };
  return files.map((f) => {
    if (!f.items.some((it) => (it.k === 'fn' || it.k === 'struct' || it.k === 'enum' || it.k === 'trait-impl') && it.execSpec)) return f;
    const items: Item[] = [];
    for (const it of f.items) {
      items.push(it);
      if (it.k === 'struct' || it.k === 'enum') {
        if (it.execSpec) items.push(...expandDatatype(it, cx));
      } else if (it.k === 'fn') {
        if (it.execSpec && !it.traitImpl) items.push(...expandFn(it, cx));
      } else if (it.k === 'trait-impl' && it.execSpec) items.push(gapItem(new ExecSpecGap('trait impls not supported in exec_spec', it.sp, 'error'), it.module));
    }
    return { ...f, items };
  });
}

function gapItem(gap: ExecSpecGap, module: string[]): Item {
  if (gap.kind === 'unsupported') return { k: 'unsupported', what: `exec_spec: ${gap.message}`, sp: gap.sp, module };
  return { k: 'error', what: 'exec_spec', diagnostic: { message: gap.message, sp: gap.sp }, sp: gap.sp, module };
}

// ---- types ----

/** A spec type as written inside the macros, as the exec code has it. */
function execTyOf(t: TypeExpr, cx: Context): ExecTy {
  if (t.k === 'tuple') return { k: 'tuple', elems: t.elems.map((e) => execTyOf(e, cx)) };
  if (t.k === 'ref') return execTyOf(t.inner, cx);
  if (t.k !== 'path' || t.segs.length !== 1) throw new ExecSpecGap(`the type \`${printType(t)}\` has no exec counterpart in exec_spec`, t.sp, 'error');
  const name = t.segs[0]!;
  const arg = (i: number): ExecTy => execTyOf(t.args[i]!, cx);
  if (INT_TYPES.has(name) && !t.args.length) return { k: 'int', name };
  if (name === 'bool' && !t.args.length) return { k: 'bool' };
  if (name === 'char' && !t.args.length) return { k: 'char' };
  if (name === 'SpecString' && !t.args.length) return { k: 'seq', elem: { k: 'char' }, string: true };
  if (name === 'Seq' && t.args.length === 1) return { k: 'seq', elem: arg(0), string: false };
  if (name === 'Option' && t.args.length === 1) return { k: 'option', inner: arg(0) };
  if (name === 'Set' && t.args.length === 1) return { k: 'set', elem: arg(0) };
  if ((name === 'Map' || name === 'Multiset') && t.args.length) throw new ExecSpecGap(`\`${name}\` (the deep views of its exec counterpart, \`${name === 'Map' ? 'HashMap' : 'ExecMultiset'}\`, are not modelled)`, t.sp, 'unsupported');
  if (cx.datatypes.has(name) && !t.args.length) return { k: 'datatype', name };
  throw new ExecSpecGap(`the type \`${printType(t)}\` has no exec counterpart in exec_spec`, t.sp, 'error');
}

/** The owned exec type, as Verus source. */
function ownedText(t: TypeExpr): string {
  if (t.k === 'tuple') return `(${t.elems.map(ownedText).join(', ')}${t.elems.length === 1 ? ',' : ''})`;
  if (t.k === 'ref') return ownedText(t.inner);
  const name = t.k === 'path' ? t.segs[0]! : '';
  if (t.k === 'path' && name === 'SpecString') return 'String';
  if (t.k === 'path' && name === 'Seq') return `Vec<${ownedText(t.args[0]!)}>`;
  if (t.k === 'path' && name === 'Option') return `Option<${ownedText(t.args[0]!)}>`;
  if (t.k === 'path' && name === 'Set') return `HashSet<${ownedText(t.args[0]!)}>`;
  if (t.k === 'path' && (INT_TYPES.has(name) || name === 'bool' || name === 'char')) return name;
  return `Exec${name}`;
}

/** The borrowed exec type of a parameter, as Verus source. */
function borrowedText(t: TypeExpr): string {
  const name = t.k === 'path' ? t.segs[0]! : '';
  if (t.k === 'path' && (INT_TYPES.has(name) || name === 'bool' || name === 'char')) return name;
  if (t.k === 'path' && name === 'SpecString') return '&str';
  if (t.k === 'path' && name === 'Seq') return `&[${ownedText(t.args[0]!)}]`;
  return `&${ownedText(t)}`;
}

// ---- datatypes ----

function expandDatatype(dt: Datatype, cx: Context): Item[] {
  const sp = dt.sp;
  try {
    if (dt.generics.length) throw new ExecSpecGap('generics not supported in exec_spec', dt.sp, 'error');
    const fields = dt.k === 'struct' ? dt.fields : dt.variants.flatMap((v) => v.fields);
    for (const f of fields) execTyOf(f.ty, cx);
  } catch (e) {
    if (e instanceof ExecSpecGap) return [gapItem(e, dt.module)];
    throw e;
  }
  const vis = dt.vis?.k === 'pub' ? 'pub ' : '';
  const exec = `Exec${dt.name}`;
  let typeText: string;
  let body: string;
  if (dt.k === 'struct') {
    const fvis = (f: StructItem['fields'][number]) => (f.vis?.k === 'pub' ? 'pub ' : '');
    if (dt.unit) {
      typeText = `${vis}struct ${exec};`;
      body = dt.name;
    } else if (dt.tupleLike) {
      typeText = `${vis}struct ${exec}(${dt.fields.map((f) => `${fvis(f)}${ownedText(f.ty)}`).join(', ')});`;
      body = `${dt.name}(${dt.fields.map((f) => `self.${f.name}.deep_view()`).join(', ')})`;
    } else {
      typeText = `${vis}struct ${exec} { ${dt.fields.map((f) => `${fvis(f)}${f.name}: ${ownedText(f.ty)}`).join(', ')} }`;
      body = `${dt.name} { ${dt.fields.map((f) => `${f.name}: self.${f.name}.deep_view()`).join(', ')} }`;
    }
  } else {
    const variants = dt.variants.map((v) => {
      if (!v.fields.length) return v.name;
      if (v.tupleLike) return `${v.name}(${v.fields.map((f) => ownedText(f.ty)).join(', ')})`;
      return `${v.name} { ${v.fields.map((f) => `${f.name}: ${ownedText(f.ty)}`).join(', ')} }`;
    });
    typeText = `${vis}enum ${exec} { ${variants.join(', ')} }`;
    const arms = dt.variants.map((v) => {
      if (!v.fields.length) return `${exec}::${v.name} => ${dt.name}::${v.name}`;
      const binders = v.fields.map((_, i) => `__dv${i}`);
      if (v.tupleLike) return `${exec}::${v.name}(${binders.join(', ')}) => ${dt.name}::${v.name}(${binders.map((b) => `${b}.deep_view()`).join(', ')})`;
      return `${exec}::${v.name} { ${v.fields.map((f, i) => `${f.name}: ${binders[i]}`).join(', ')} } => ${dt.name}::${v.name} { ${v.fields.map((f, i) => `${f.name}: ${binders[i]}.deep_view()`).join(', ')} }`;
    });
    body = `match self { ${arms.join(', ')} }`;
  }
  // (open only where every part of the spec type is visible wherever the impl is: else the body
  // is the module's, as a private type's constructor is)
  const visible = dt.vis?.k === 'pub' && (dt.k === 'enum' || dt.fields.every((f) => f.vis?.k === 'pub'));
  const text = `${typeText}\nimpl DeepView for ${exec} { type V = ${dt.name}; ${visible ? 'open' : 'closed'} spec fn deep_view(&self) -> ${dt.name} { ${body} } }\n`;
  return parseGenerated(text, sp, dt.module, 'exec_spec', 'exec_spec');
}

// ---- functions ----

function expandFn(fn: FnItem, cx: Context): Item[] {
  const mark = fn.execSpec!;
  let bodyChecks: Stmt[] = [];
  try {
    if (fn.mode !== 'spec') throw new ExecSpecGap('exec_spec compiles only spec functions', fn.nameSp, 'error');
    if (fn.generics.length) throw new ExecSpecGap('generics not supported in exec_spec', fn.nameSp, 'error');
    const self = fn.params.find((p) => p.isSelf);
    if (self) {
      if (self.ty.k !== 'ref') throw new ExecSpecGap('only `&self` is supported in exec_spec methods', self.sp, 'error');
      if (self.ty.mut) throw new ExecSpecGap('`&mut self` is not supported in exec_spec', self.sp, 'error');
    }
    if (!fn.ret) throw new ExecSpecGap('an exec_spec function needs a result', fn.nameSp, 'error');
    if (!fn.body) throw new ExecSpecGap('an exec_spec function needs a body', fn.nameSp, 'error');
    const env = new Map<string, ExecTy>();
    for (const p of fn.params) env.set(p.name, p.isSelf ? { k: 'datatype', name: fn.selfType ?? '' } : execTyOf(p.ty, cx));
    execTyOf(fn.ret.ty, cx);
    if (fn.selfType !== null && !cx.datatypes.has(fn.selfType)) throw new ExecSpecGap(`methods of \`${fn.selfType}\`, which is not a datatype of exec_spec`, fn.nameSp, 'error');
    bodyChecks = new Checker(cx).block(fn.body, env).stmts;
  } catch (e) {
    if (!(e instanceof ExecSpecGap)) throw e;
    return [gapItem(e, fn.module)];
  }
  const sp = fn.nameSp;
  const vis = fn.vis?.k === 'pub' ? 'pub ' : '';
  const params = fn.params.filter((p) => !p.isSelf);
  const isMethod = fn.params.some((p) => p.isSelf);
  const receiver = isMethod ? '&self' : '';
  const withSelf = (list: string[]) => [receiver, ...list].filter(Boolean).join(', ');
  const deepArgs = params.map((p) => `${p.name}.deep_view()`).join(', ');
  const specArgs = params.map((p) => p.name).join(', ');
  const callOf = (name: string, args: string, recv: string) => (isMethod ? `${recv}.${name}(${args})` : `${name}(${args})`);
  const preconditions = [...fn.recommends, ...(fn.decreasesWhen ? [fn.decreasesWhen] : [])];
  const hasRequires = preconditions.length > 0;
  const requiresName = REQUIRES_PREFIX + fn.name;
  const owner = (text: string) => (fn.selfType ? `impl ${fn.selfType} { ${text} }` : text);
  const execOwner = (text: string) => (fn.selfType ? `impl Exec${fn.selfType} { ${text} }` : text);
  const execFn =
    `#[verifier::external_body] ${vis}fn exec_${fn.name}(${withSelf(params.map((p) => `${p.name}: ${borrowedText(p.ty)}`))}) -> (${RESULT}: ${ownedText(fn.ret!.ty)})` +
    (hasRequires ? ` requires ${callOf(requiresName, deepArgs, 'self.deep_view()')}` : '') +
    ` ensures ${RESULT}.deep_view() == ${callOf(fn.name, deepArgs, 'self.deep_view()')} { unimplemented!() }`;
  const specParams = withSelf(params.map((p) => `${p.name}: ${printType(p.ty)}`));
  const out: Item[] = [...parseGenerated(execOwner(execFn), sp, fn.module, 'exec_spec', 'exec_spec')];
  if (hasRequires) {
    const [helper] = parseGenerated(owner(`${vis}${vis ? 'open ' : ''}spec fn ${requiresName}(${specParams}) -> bool { true }`), sp, fn.module, 'exec_spec', 'exec_spec') as FnItem[];
    out.push({ ...helper!, body: { stmts: [{ k: 'expr', e: conjunction(preconditions, sp), semi: false, sp }], sp } });
  }
  if (mark.verified && bodyChecks.length) {
    // (the exec code's sequences are in memory: their lengths fit a `usize`)
    const lengths = params.filter((p) => p.ty.k === 'path' && (p.ty.segs[0] === 'Seq' || p.ty.segs[0] === 'SpecString' || p.ty.segs[0] === 'Set')).map((p) => `${p.name}.len() <= usize::MAX`);
    const requires = [...(hasRequires ? [callOf(requiresName, specArgs, 'self')] : []), ...lengths];
    const [check] = parseGenerated(owner(`proof fn ${CHECK_PREFIX}${fn.name}(${specParams})${requires.length ? ` requires ${requires.join(', ')}` : ''} { }`), sp, fn.module, 'exec_spec', 'exec_spec') as FnItem[];
    out.push({ ...check!, body: { stmts: bodyChecks, sp: fn.body!.sp } });
  }
  return out;
}

function conjunction(es: Expr[], sp: Sp): Expr {
  return es.reduce((a, b) => ({ k: 'binary', op: '&&', l: a, r: b, sp }));
}

// ---- the exec code's obligations ----

/** What evaluating an expression in the exec code asks (assertions, under their conditions), and the value's type. */
interface Checked {
  stmts: Stmt[];
  ty: ExecTy;
}

type Env = ReadonlyMap<string, ExecTy>;

const BOOL: ExecTy = { k: 'bool' };
const USIZE: ExecTy = { k: 'int', name: 'usize' };

const path = (segs: string[], sp: Sp): Expr => ({ k: 'path', segs, generics: [], sp });
const method = (recv: Expr, name: string, args: Expr[], sp: Sp): Expr => ({ k: 'method', recv, name, generics: [], args, sp, nameSp: sp });
const assertion = (e: Expr, sp: Sp): Stmt => ({ k: 'assert', e, by: 'none', req: [], proof: null, sp });
const stmtOf = (e: Expr, sp: Sp): Stmt => ({ k: 'expr', e, semi: false, sp });
/** `if cond { then } else { els }` as a statement (nothing when both are empty). */
function branch(cond: Expr, then: Stmt[], els: Stmt[], sp: Sp): Stmt[] {
  if (!then.length && !els.length) return [];
  const block = (stmts: Stmt[]): Block => ({ stmts, sp });
  return [stmtOf({ k: 'if', cond, then: block(then), els: els.length ? { k: 'block', block: block(els), sp } : null, sp }, sp)];
}
const not = (e: Expr): Expr => ({ k: 'unary', op: '!', e, sp: e.sp });
const inRange = (e: Expr, ty: string, sp: Sp): Expr => ({ k: 'chain', ops: ['<=', '<='], operands: [path([ty, 'MIN'], sp), e, path([ty, 'MAX'], sp)], sp });

class Checker {
  constructor(private readonly cx: Context) {}

  block(b: Block, env: Env): Checked {
    const scope = new Map(env);
    const stmts: Stmt[] = [];
    let ty: ExecTy = { k: 'tuple', elems: [] };
    b.stmts.forEach((st, i) => {
      if (st.k === 'let' && st.init && !st.els) {
        const init = this.expr(st.init, scope);
        stmts.push(...init.stmts, { ...st, ghost: false });
        this.bind(st.pat, init.ty, scope);
      } else if (st.k === 'expr' && i === b.stmts.length - 1 && !st.semi) {
        const tail = this.expr(st.e, scope);
        stmts.push(...tail.stmts);
        ty = tail.ty;
      } else throw new ExecSpecGap('this statement in an exec_spec function', st.sp, 'unsupported');
    });
    // (the `let`s are needed only by assertions after them)
    return { stmts: stmts.some((st) => st.k !== 'let') ? stmts : [], ty };
  }

  /** The variables a pattern binds, with their types (`ty`: the matched value's). */
  private bind(p: Pat, ty: ExecTy, env: Map<string, ExecTy>): void {
    switch (p.k) {
      case 'wild':
      case 'lit':
      case 'range':
        return;
      case 'bind':
        env.set(p.name, ty);
        if (p.sub) this.bind(p.sub, ty, env);
        return;
      case 'tuple': {
        const elems = ty.k === 'tuple' ? ty.elems : [];
        p.elems.forEach((q, i) => this.bind(q, (p.restAt !== undefined && i >= p.restAt ? elems[elems.length - (p.elems.length - i)] : elems[i]) ?? { k: 'unknown' }, env));
        return;
      }
      case 'or':
        for (const alt of p.alts) this.bind(alt, ty, env);
        return;
      case 'variant': {
        const last = p.path[p.path.length - 1]!;
        if (ty.k === 'option' && last === 'Some') {
          for (const q of p.args ?? []) this.bind(q, ty.inner, env);
          return;
        }
        const fields = this.variantFields(p.path, ty, p.sp);
        if (p.args) {
          p.args.forEach((q, i) => {
            const at = p.restAt !== undefined && i >= p.restAt ? fields.length - (p.args!.length - i) : i;
            this.bind(q, fields[at] ? execTyOf(fields[at]!.ty, this.cx) : { k: 'unknown' }, env);
          });
        }
        for (const f of p.fields ?? []) {
          const field = fields.find((x) => x.name === f.name);
          this.bind(f.pat, field ? execTyOf(field.ty, this.cx) : { k: 'unknown' }, env);
        }
        return;
      }
    }
  }

  private variantFields(pathSegs: string[], ty: ExecTy, sp: Sp): { name: string; ty: TypeExpr }[] {
    const dt = ty.k === 'datatype' ? this.cx.datatypes.get(ty.name) : this.cx.datatypes.get(pathSegs[0]!);
    if (!dt) return [];
    if (dt.k === 'struct') return dt.fields;
    const v = dt.variants.find((x) => x.name === pathSegs[pathSegs.length - 1]);
    if (!v) throw new ExecSpecGap(`no variant \`${pathSegs.join('::')}\` of \`${dt.name}\``, sp, 'error');
    return v.fields;
  }

  expr(e: Expr, env: Env): Checked {
    const none = (ty: ExecTy): Checked => ({ stmts: [], ty });
    switch (e.k) {
      case 'int':
        return none(e.suffix && INT_TYPES.has(e.suffix) ? { k: 'int', name: e.suffix } : { k: 'literal' });
      case 'bool':
        return none(BOOL);
      case 'char':
        return none({ k: 'char' });
      case 'view':
        if (e.e.k === 'str') return none({ k: 'seq', elem: { k: 'char' }, string: true });
        break;
      case 'path':
        return none(this.pathTy(e, env));
      case 'unary': {
        const inner = this.expr(e.e, env);
        if (e.op === '!') return { stmts: inner.stmts, ty: BOOL };
        if (e.op === '*') return inner;
        if (e.op === '-') {
          if (inner.ty.k !== 'int') return inner;
          if (inner.ty.name.startsWith('u')) throw new ExecSpecGap(`cannot negate a \`${inner.ty.name}\``, e.sp, 'error');
          return { stmts: [...inner.stmts, assertion(inRange(e, inner.ty.name, e.sp), e.sp)], ty: inner.ty };
        }
        break;
      }
      case 'binary':
        return this.binary(e, env);
      case 'chain': {
        const parts = e.operands.map((x) => this.expr(x, env));
        for (let i = 1; i < parts.length; i++) this.sameInt(parts[i - 1]!.ty, parts[i]!.ty, e.sp);
        return { stmts: parts.flatMap((p) => p.stmts), ty: BOOL };
      }
      case 'bullets': {
        // `&&& a &&& b`: `b` is evaluated where `a` holds (`|||`: where it does not)
        const go = (i: number): Stmt[] => {
          if (i >= e.items.length) return [];
          const item = this.expr(e.items[i]!, env);
          const rest = go(i + 1);
          return [...item.stmts, ...branch(e.op === '&&' ? e.items[i]! : not(e.items[i]!), rest, [], e.sp)];
        };
        return { stmts: go(0), ty: BOOL };
      }
      case 'if': {
        const cond = this.expr(e.cond, env);
        const then = this.block(e.then, env);
        const els = e.els ? this.expr(e.els, env) : { stmts: [], ty: then.ty };
        return { stmts: [...cond.stmts, ...branch(e.cond, then.stmts, els.stmts, e.sp)], ty: then.ty.k === 'unknown' ? els.ty : then.ty };
      }
      case 'block':
        if (!e.invariantBlock) return this.block(e.block, env);
        break;
      case 'match': {
        const scrut = this.expr(e.scrut, env);
        let ty: ExecTy = { k: 'unknown' };
        let any = false;
        const arms = e.arms.map((arm) => {
          const scope = new Map(env);
          this.bind(arm.pat, scrut.ty, scope);
          const guard = arm.guard ? this.expr(arm.guard, scope) : null;
          const body = this.expr(arm.body, scope);
          if (ty.k === 'unknown') ty = body.ty;
          const stmts = [...(guard?.stmts ?? []), ...(arm.guard ? branch(arm.guard, body.stmts, [], arm.sp) : body.stmts)];
          if (stmts.length) any = true;
          return { pat: arm.pat, guard: null, body: { k: 'block', block: { stmts, sp: arm.sp }, sp: arm.sp } as Expr, sp: arm.sp };
        });
        return { stmts: [...scrut.stmts, ...(any ? [stmtOf({ k: 'match', scrut: e.scrut, arms, sp: e.sp }, e.sp)] : [])], ty };
      }
      case 'cast': {
        const inner = this.expr(e.e, env);
        const target = e.ty.k === 'path' && e.ty.segs.length === 1 ? e.ty.segs[0]! : '';
        // (`as int` / `as nat` are erased in the exec code)
        if (target === 'int' || target === 'nat') return inner;
        if (INT_TYPES.has(target)) return { stmts: inner.stmts, ty: { k: 'int', name: target } };
        if (target === 'char') return { stmts: inner.stmts, ty: { k: 'char' } };
        break;
      }
      case 'tuple': {
        const parts = e.elems.map((x) => this.expr(x, env));
        return { stmts: parts.flatMap((p) => p.stmts), ty: { k: 'tuple', elems: parts.map((p) => p.ty) } };
      }
      case 'struct': {
        if (e.base) break;
        const parts = e.fields.map((f) => this.expr(f.e, env));
        const dt = this.cx.datatypes.get(e.path[0]!);
        if (!dt) throw new ExecSpecGap(`\`${e.path.join('::')}\` is not a datatype of exec_spec`, e.sp, 'error');
        return { stmts: parts.flatMap((p) => p.stmts), ty: { k: 'datatype', name: dt.name } };
      }
      case 'field':
        return this.field(e, env);
      case 'index': {
        const recv = this.expr(e.recv, env);
        const idx = this.expr(e.idx, env);
        if (recv.ty.k !== 'seq') break;
        return { stmts: [...recv.stmts, ...idx.stmts, assertion({ k: 'chain', ops: ['<=', '<'], operands: [{ k: 'int', value: 0n, suffix: '', sp: e.sp }, e.idx, method(e.recv, 'len', [], e.sp)], sp: e.sp }, e.sp)], ty: recv.ty.elem };
      }
      case 'call':
        return this.call(e, env);
      case 'method':
        return this.methodCall(e, env);
      case 'macro':
        if (e.name === 'seq') {
          const parts = e.args.map((x) => this.expr(x, env));
          return { stmts: parts.flatMap((p) => p.stmts), ty: { k: 'seq', elem: parts[0]?.ty ?? { k: 'unknown' }, string: false } };
        }
        break;
      case 'quant':
        if (e.q !== 'choose') return this.quantifier(e, env);
        break;
      default:
        break;
    }
    throw new ExecSpecGap(`this expression in an exec_spec function (\`${e.k}\`)`, e.sp, 'unsupported');
  }

  private pathTy(e: Extract<Expr, { k: 'path' }>, env: Env): ExecTy {
    const segs = e.segs;
    if (segs.length === 1) {
      const local = env.get(segs[0]!);
      if (local) return local;
      if (segs[0] === 'None') return { k: 'option', inner: { k: 'unknown' } };
      const dt = this.cx.datatypes.get(segs[0]!);
      if (dt?.k === 'struct' && dt.unit) return { k: 'datatype', name: dt.name };
    }
    if (segs.length === 2 && INT_TYPES.has(segs[0]!) && (segs[1] === 'MAX' || segs[1] === 'MIN')) return { k: 'int', name: segs[0]! };
    if (segs.length === 2 && this.cx.datatypes.get(segs[0]!)?.k === 'enum') return { k: 'datatype', name: segs[0]! };
    throw new ExecSpecGap(`\`${segs.join('::')}\` in an exec_spec function`, e.sp, segs.length === 1 ? 'error' : 'unsupported');
  }

  /** Two integer operands of one exec operation: the type the exec code computes in. */
  private sameInt(a: ExecTy, b: ExecTy, sp: Sp): ExecTy {
    if (a.k === 'int' && b.k === 'int' && a.name !== b.name) throw new ExecSpecGap(`mismatched types: \`${a.name}\` and \`${b.name}\` in exec code`, sp, 'error');
    return a.k === 'int' ? a : b;
  }

  private binary(e: Extract<Expr, { k: 'binary' }>, env: Env): Checked {
    const l = this.expr(e.l, env);
    const r = this.expr(e.r, env);
    switch (e.op) {
      case '&&':
      case '==>':
        return { stmts: [...l.stmts, ...branch(e.l, r.stmts, [], e.sp)], ty: BOOL };
      case '||':
        return { stmts: [...l.stmts, ...branch(not(e.l), r.stmts, [], e.sp)], ty: BOOL };
      case '==':
      case '!=':
      case '<':
      case '<=':
      case '>':
      case '>=':
        this.sameInt(l.ty, r.ty, e.sp);
        return { stmts: [...l.stmts, ...r.stmts], ty: BOOL };
      case '+':
      case '-':
      case '*':
      case '/':
      case '%': {
        const ty = this.sameInt(l.ty, r.ty, e.sp);
        const stmts = [...l.stmts, ...r.stmts];
        if (ty.k !== 'int') {
          if (ty.k === 'literal') return { stmts, ty };
          break;
        }
        if (e.op === '/' || e.op === '%') {
          // (exec division of signed integers truncates where spec division is Euclidean)
          if (ty.name.startsWith('i')) throw new ExecSpecGap(`\`${e.op}\` of signed integers in an exec_spec function`, e.sp, 'unsupported');
          return { stmts: [...stmts, assertion({ k: 'binary', op: '!=', l: e.r, r: { k: 'int', value: 0n, suffix: '', sp: e.sp }, sp: e.sp }, e.sp)], ty };
        }
        return { stmts: [...stmts, assertion(inRange(e, ty.name, e.sp), e.sp)], ty };
      }
      case '&':
      case '|':
      case '^': {
        const ty = this.sameInt(l.ty, r.ty, e.sp);
        if (ty.k === 'bool' || ty.k === 'int' || ty.k === 'literal') return { stmts: [...l.stmts, ...r.stmts], ty };
        break;
      }
      default:
        break;
    }
    throw new ExecSpecGap(`\`${e.op}\` in an exec_spec function`, e.sp, 'unsupported');
  }

  private field(e: Extract<Expr, { k: 'field' }>, env: Env): Checked {
    const recv = this.expr(e.recv, env);
    if (recv.ty.k === 'tuple') {
      const ty = recv.ty.elems[Number(e.name)];
      if (ty) return { stmts: recv.stmts, ty };
    }
    if (recv.ty.k === 'datatype') {
      const dt = this.cx.datatypes.get(recv.ty.name);
      const f = dt?.k === 'struct' ? dt.fields.find((x) => x.name === e.name) : undefined;
      if (f) return { stmts: recv.stmts, ty: execTyOf(f.ty, this.cx) };
    }
    throw new ExecSpecGap(`the field \`${e.name}\` in an exec_spec function`, e.sp, 'unsupported');
  }

  /** A call of a function of the macros asks its precondition. */
  private precondition(fn: FnItem, recv: Expr | null, args: Expr[], sp: Sp): Stmt[] {
    if (!fn.recommends.length && !fn.decreasesWhen) return [];
    const name = REQUIRES_PREFIX + fn.name;
    return [assertion(recv ? method(recv, name, args, sp) : { k: 'call', callee: path([name], sp), args, sp }, sp)];
  }

  private call(e: Extract<Expr, { k: 'call' }>, env: Env): Checked {
    const args = e.args.map((x) => this.expr(x, env));
    const stmts = args.flatMap((a) => a.stmts);
    if (e.callee.k !== 'path') throw new ExecSpecGap('a call of a computed function in an exec_spec function', e.sp, 'unsupported');
    const segs = e.callee.segs;
    const fn = segs.length === 1 ? this.cx.fns.get(segs[0]!) : undefined;
    if (fn) return { stmts: [...stmts, ...this.precondition(fn, null, e.args, e.sp)], ty: execTyOf(fn.ret!.ty, this.cx) };
    if (segs.length === 1 && segs[0] === 'Some') return { stmts, ty: { k: 'option', inner: args[0]?.ty ?? { k: 'unknown' } } };
    const dt = this.cx.datatypes.get(segs[0]!);
    if (dt && segs.length <= 2) return { stmts, ty: { k: 'datatype', name: dt.name } };
    if (segs.length === 2 && segs[0] === 'Seq' && segs[1] === 'empty' && !e.args.length) return { stmts, ty: { k: 'seq', elem: { k: 'unknown' }, string: false } };
    if (segs.length === 2 && segs[0] === 'Set' && segs[1] === 'empty' && !e.args.length) return { stmts, ty: { k: 'set', elem: { k: 'unknown' } } };
    if (segs.length === 2 && (segs[0] === 'Map' || segs[0] === 'Multiset')) throw new ExecSpecGap(`\`${segs.join('::')}\` (\`${segs[0]}\` is not modelled in exec_spec)`, e.sp, 'unsupported');
    if (segs.length === 2 && (segs[0] === 'Seq' || segs[0] === 'Set' || segs[0] === 'Option')) throw new ExecSpecGap(`\`${segs.join('::')}\` in an exec_spec function`, e.sp, 'unsupported');
    throw new ExecSpecGap(`cannot find function \`exec_${segs[segs.length - 1]}\`: \`${segs.join('::')}\` is not a spec fn of an exec_spec macro`, e.callee.sp, 'error');
  }

  private methodCall(e: Extract<Expr, { k: 'method' }>, env: Env): Checked {
    const recv = this.expr(e.recv, env);
    const args = e.args.map((x) => this.expr(x, env));
    const stmts = [...recv.stmts, ...args.flatMap((a) => a.stmts)];
    const t = recv.ty;
    const sp = e.sp;
    const len = () => method(e.recv, 'len', [], sp);
    const zero: Expr = { k: 'int', value: 0n, suffix: '', sp };
    const need = (cond: Expr): Stmt[] => [...stmts, assertion(cond, sp)];
    const arg = (i: number) => e.args[i]!;
    const le = (...operands: Expr[]): Expr => ({ k: 'chain', ops: operands.slice(1).map(() => '<=' as const), operands, sp });
    if (e.name.startsWith('$is:')) return { stmts, ty: BOOL };
    if (t.k === 'datatype') {
      const fn = this.cx.fns.get(`${t.name}::${e.name}`);
      if (fn) return { stmts: [...stmts, ...this.precondition(fn, e.recv, e.args, sp)], ty: execTyOf(fn.ret!.ty, this.cx) };
      throw new ExecSpecGap(`cannot find method \`exec_${e.name}\`: \`${t.name}::${e.name}\` is not a spec fn of an exec_spec macro`, e.nameSp, 'error');
    }
    if (t.k === 'seq') {
      const elem = t.elem;
      const same: ExecTy = t;
      const one: Expr = { k: 'int', value: 1n, suffix: '', sp };
      switch (e.name) {
        case 'len':
          return { stmts, ty: USIZE };
        case 'index':
          return { stmts: need({ k: 'chain', ops: ['<=', '<'], operands: [zero, arg(0), len()], sp }), ty: elem };
        case 'first':
        case 'last':
          return { stmts: need(le(one, len())), ty: elem };
        case 'drop_first':
        case 'drop_last':
          return { stmts: need(le(one, len())), ty: same };
        case 'subrange':
          return { stmts: need(le(zero, arg(0), arg(1), len())), ty: same };
        case 'take':
        case 'skip':
          return { stmts: need(le(zero, arg(0), len())), ty: same };
        case 'add':
        case 'push':
        case 'update':
          return { stmts, ty: same };
        case 'contains':
        case 'is_prefix_of':
        case 'is_suffix_of':
          return { stmts, ty: BOOL };
        case 'index_of':
          return { stmts, ty: USIZE };
        case 'index_of_first':
        case 'index_of_last':
          return { stmts, ty: { k: 'option', inner: USIZE } };
        default:
          break;
      }
    }
    if (t.k === 'set') {
      // (vstd's exec operations of a `HashSet` have no precondition)
      switch (e.name) {
        case 'len':
          return { stmts, ty: USIZE };
        case 'contains':
          return { stmts, ty: BOOL };
        case 'insert':
        case 'remove':
        case 'union':
        case 'intersect':
        case 'difference':
          return { stmts, ty: t };
        default:
          break;
      }
    }
    if (t.k === 'option') {
      if (e.name === 'unwrap') return { stmts: need(method(e.recv, '$is:Some', [], sp)), ty: t.inner };
      if (e.name === 'is_some' || e.name === 'is_none') return { stmts, ty: BOOL };
    }
    throw new ExecSpecGap(`the method \`${e.name}\` in an exec_spec function`, e.nameSp, 'unsupported');
  }

  /**
   * `forall |x: T| lo <= x < hi ==> P` / `exists |x: T| lo <= x < hi && P`: the exec code loops
   * over each variable's range, so `P` is evaluated for each value of it.
   */
  private quantifier(e: Extract<Expr, { k: 'quant' }>, env: Env): Checked {
    const names = new Set(e.params.map((p) => p.name));
    const conjuncts = (x: Expr): Expr[] => (x.k === 'binary' && x.op === '&&' ? [...conjuncts(x.l), ...conjuncts(x.r)] : [x]);
    const isBound = (x: Expr): boolean => x.k === 'chain' && x.operands.length === 3 && x.ops.every((op) => op === '<' || op === '<=') && x.operands[1]!.k === 'path' && x.operands[1]!.segs.length === 1 && names.has(x.operands[1]!.segs[0]!);
    let bounds: Expr[];
    let body: Expr;
    if (e.q === 'forall') {
      if (e.body.k !== 'binary' || e.body.op !== '==>') throw new ExecSpecGap('exec_spec reads `forall` only as `forall |x| lo <= x < hi ==> ..`', e.sp, 'error');
      bounds = conjuncts(e.body.l);
      body = e.body.r;
      if (!bounds.every(isBound)) throw new ExecSpecGap('exec_spec reads `forall` only as `forall |x| lo <= x < hi ==> ..`', e.body.l.sp, 'error');
    } else {
      const parts = conjuncts(e.body);
      const n = parts.findIndex((x) => !isBound(x));
      if (n <= 0 || n === parts.length) throw new ExecSpecGap('exec_spec reads `exists` only as `exists |x| lo <= x < hi && ..`', e.sp, 'error');
      bounds = parts.slice(0, n);
      body = conjunction(parts.slice(n), e.body.sp);
    }
    const bounded = new Set(bounds.map((b) => (b as Extract<Expr, { k: 'chain' }>).operands[1]!).map((v) => (v as Extract<Expr, { k: 'path' }>).segs[0]));
    const unbounded = e.params.find((p) => !bounded.has(p.name));
    if (unbounded) throw new ExecSpecGap(`exec_spec needs a range \`lo <= ${unbounded.name} < hi\` for each quantified variable`, unbounded.sp, 'error');
    const scope = new Map(env);
    for (const p of e.params) {
      const ty = p.ty.k === 'path' && p.ty.segs.length === 1 ? p.ty.segs[0]! : '';
      if (INT_TYPES.has(ty)) scope.set(p.name, { k: 'int', name: ty });
      else if (ty === 'char') scope.set(p.name, { k: 'char' });
      else throw new ExecSpecGap(`exec_spec quantifies only over integers and \`char\` (\`${p.name}\`)`, p.sp, 'error');
    }
    const stmts = [...bounds.flatMap((b) => (b as Extract<Expr, { k: 'chain' }>).operands.flatMap((x) => this.expr(x, scope).stmts)), ...this.expr(body, scope).stmts];
    if (!stmts.length) return { stmts: [], ty: BOOL };
    const vars: Expr[] = e.params.map((p) => path([p.name], p.sp));
    const trigger: Expr = { k: 'call', callee: path(['exec_spec_evaluated'], e.sp), args: [vars.length === 1 ? vars[0]! : { k: 'tuple', elems: vars, sp: e.sp }], sp: e.sp };
    return { stmts: [{ k: 'assert-forall', params: e.params, triggers: [[trigger]], lhs: conjunction(bounds, e.sp), rhs: trigger, proof: { stmts, sp: e.sp }, sp: e.sp }], ty: BOOL };
  }
}
