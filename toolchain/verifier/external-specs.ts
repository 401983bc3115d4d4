// The external-specification phase, between parsing and the trait phase: specifications of
// functions Verus does not verify, as Verus reads them.
//
//   #[verifier::external_fn_specification]          assume_specification<T>[core::mem::swap::<T>]
//   fn ex_f(b: bool) -> (r: bool)                        (a: &mut T, b: &mut T)
//       requires .. ensures ..                           ensures *final(a) == *old(b), ..;
//   { f(b) }
//
// The function specified is an `#[verifier::external]` function of the crate (free, or of an
// inherent impl: `X::new`, `x.swap()`), or, for the library only, a function of Rust's standard
// library (`core::mem::swap`: its signature is the library's word; a crate without the library
// may specify one itself, with that signature). A constant is a function
// without arguments to Verus: `assume_specification[C] -> T ..;` specifies an external (or
// plain-Rust) constant of the crate, or a std constant the library declares, and also makes the
// constant readable (only `returns v`: the value `v`; otherwise an exec constant whose read is
// the specification's call). A specification that checks
// becomes a trusted function without a body (like `#[verifier::external_body]`) registered under
// the name of the function it specifies (`FnItem.specFor.target`), so every call of that function
// means it, by the phases that already handle calls. Its clauses keep its own parameter names and
// module, where they were written. Verus's errors (a mode, a place, a signature or bounds that do
// not match the function's, less visibility, two specifications of one function) are `error`
// items; a function we cannot see (plain Rust outside `verus!`, std without the library's word,
// a qualified path) makes the crate `unsupported`: what its callers mean is not known here.
//
// Output: new `SourceFile`s (parse trees are shared between runs and never mutated).

import { hasExternalBody, hasVerifierAttr } from '../syntax/attributes';
import type { ConstItem, Expr, FnItem, Item, ParseDiagnostic, SourceFile, Sp, TypeExpr, Visibility } from './ast';
import { someNode } from './ast';
import { STD_ROOTS, isImplPrimitive, memberPathName } from './resolver';
import { sameType } from './traits';
import { printType } from './printer';

type PathExpr = Extract<Expr, { k: 'path' }>;

/** What the phase decided for one specification. */
type Decision =
  /** `implGenerics`: how many of the specification's generic parameters are the target impl's (the first ones, as Verus compares them) */
  | { k: 'ok'; fn: FnItem; target: string; display: string; implGenerics?: number }
  | { k: 'error'; message: string; sp: Sp }
  | { k: 'unsupported'; what: string; sp: Sp };

/** Verus's own functions, which no specification may replace. */
const BUILTINS: ReadonlySet<string> = new Set(['admit', 'assume', 'old', 'final', 'arbitrary']);

/** A specification of another function: `assume_specification[..]` or the attribute. */
export function isExternalSpec(it: Item): it is FnItem {
  return it.k === 'fn' && (!!it.specFor || hasVerifierAttr(it.attrs, 'external_fn_specification'));
}

/**
 * `stdSignatures`: the library's specifications of std functions (its std_specs.rs), read for
 * their signatures only. A crate that does not load the library (names no `vstd`) may specify one
 * of those functions itself, as Verus lets a crate without vstd do; its signature is checked
 * against the library's. With the library loaded, the library's is the specification and a
 * second one is Verus's duplicate.
 */
export function lowerExternalSpecs(files: SourceFile[], isLibrary: (file: string) => boolean, stdSignatures: readonly SourceFile[] = []): SourceFile[] {
  if (!files.some((f) => f.items.some(isExternalSpec))) return files;
  const stdTarget = (it: FnItem): string[] => (it.specFor ? [memberPathName(dropRelative(it.specFor.path.segs), null)] : []);
  // the standard-library functions the library specifies (a user's second specification is Verus's duplicate)
  const libraryStd = new Set(files.filter((f) => isLibrary(f.path)).flatMap((f) => f.items.filter(isExternalSpec).flatMap(stdTarget)));
  const withLibrary = files.some((f) => isLibrary(f.path));
  const stdSignature = new Map(withLibrary ? [] : stdSignatures.flatMap((f) => f.items.filter(isExternalSpec).flatMap((it) => stdTarget(it).map((t) => [t, it] as const))));
  const externals: { fn: FnItem; file: string }[] = [];
  const verified = new Set<string>();
  for (const f of files) {
    for (const it of f.items) {
      if (it.k === 'external-fn') externals.push({ fn: it.fn, file: f.path });
      else if (it.k === 'fn' && !isExternalSpec(it as Item)) verified.add(it.selfType ? `${it.selfType}::${it.name}` : it.name);
    }
  }

  const decide = (p: FnItem, file: string): Decision => {
    if (p.mode !== 'exec') return { k: 'error', message: `an \`assume_specification\` declaration cannot be marked \`${p.mode}\``, sp: p.nameSp };
    if (p.selfType !== null) return { k: 'error', message: '`assume_specification` declaration not supported here', sp: p.nameSp };
    if (hasExternalBody(p.attrs)) return { k: 'error', message: 'an `assume_specification` declaration cannot be marked `external_body`', sp: p.nameSp };
    const called = p.specFor ? { path: p.specFor.path, args: null } : bodyCall(p);
    if (!called) return { k: 'error', message: 'the body of an `external_fn_specification` function must be a call of the function it specifies', sp: p.body?.sp ?? p.nameSp };
    const path = called.path;
    // (the attribute's body passes the parameters on, in order: the call is the function's signature)
    if (called.args && (called.args.length !== p.params.length || called.args.some((a, i) => !(a.k === 'path' && a.segs.length === 1 && a.segs[0] === p.params[i]!.name)))) {
      return { k: 'error', message: 'the body of an `external_fn_specification` function must call the function it specifies with its parameters, in order', sp: path.sp };
    }
    if (path.segs.length === 1 && BUILTINS.has(path.segs[0]!)) return { k: 'error', message: 'cannot apply `assume_specification` to Verus verus_builtin functions', sp: path.sp };
    if (path.asTrait) return { k: 'unsupported', what: `a specification of \`<.. as ${path.asTrait.name}>::${path.segs[path.segs.length - 1]}\` (a trait's method)`, sp: path.sp };
    const segs = dropRelative(path.segs);
    if (segs.length >= 2 && p.generics.includes(segs[segs.length - 2]!)) {
      return { k: 'error', message: 'assume_specification cannot be used to specify generic specifications of trait methods; consider using external_trait_specification instead', sp: path.sp };
    }
    // (a method of a primitive type, `u16::wrapping_mul`, `char::is_whitespace`, is std's too)
    const primitive = segs.length === 2 && (isImplPrimitive(segs[0]!) || segs[0] === 'char');
    if (STD_ROOTS.has(segs[0]!) || primitive) {
      // (a constant of std the library declares, external: the crate may specify it)
      const declared = p.specFor?.ofConst ? externals.filter((x) => isLibrary(x.file) && x.fn.constFn && `${x.fn.selfType ? `${x.fn.selfType}::` : ''}${x.fn.name}` === segs.join('::')) : [];
      if (p.specFor?.ofConst && declared.length !== 1) return { k: 'unsupported', what: `a specification of \`${path.segs.join('::')}\`, a constant of the standard library the verifier's library does not declare (its type is not known here)`, sp: path.sp };
      if (declared.length === 1) return constSpecDecision(p, declared[0]!.fn, segs.join('::'));
      const target = primitive ? segs.join('::') : memberPathName(segs, null);
      if (visibilityRank(p.vis) < 2) return { k: 'error', message: 'an `assume_specification` declaration must be at least as visible as the function it provides a spec for', sp: p.nameSp };
      // the library's declarations are the signatures of std functions known here
      if (!isLibrary(file) && libraryStd.has(target)) return { k: 'error', message: `duplicate specification for \`${target}\` (the vstd library specifies it)`, sp: path.sp };
      const signature = stdSignature.get(target);
      if (!isLibrary(file) && !signature) return { k: 'unsupported', what: `a specification of \`${path.segs.join('::')}\`, a standard-library function the verifier's library does not specify (its signature is not known here)`, sp: path.sp };
      const mismatch = signature ? signatureMismatch(signature, p) : null;
      if (mismatch) return { k: 'error', message: mismatch, sp: p.nameSp };
      return { k: 'ok', fn: p, target, display: target };
    }
    const qname = memberPathName(segs, null);
    let found = externals.filter((x) => (x.fn.selfType ? `${x.fn.selfType}::${x.fn.name}` : x.fn.name) === qname);
    if (found.length > 1) {
      const written = segs.slice(0, -1).filter((s) => !/^[A-Z]/.test(s));
      const where = written.length ? written : p.module;
      found = found.filter((x) => x.fn.module.join('::') === where.join('::'));
    }
    if (found.length !== 1) {
      if (verified.has(qname)) return { k: 'error', message: `\`${qname}\` is verified code, with its own specification: only an external function can be given one`, sp: path.sp };
      return { k: 'unsupported', what: `a specification of \`${path.segs.join('::')}\`, which is not an \`#[verifier::external]\` function of the crate`, sp: path.sp };
    }
    const t = found[0]!.fn;
    const display = ['crate', ...t.module, qname].join('::');
    // (a constant is a function without arguments to Verus, specified as `[C] -> T`)
    if (!!t.constFn !== !!p.specFor?.ofConst) return { k: 'error', message: t.constFn ? `\`${qname}\` is a constant: its specification is \`assume_specification[${qname}] -> T ..;\`` : `\`${qname}\` is a function: its specification lists its parameters`, sp: path.sp };
    if (t.constFn) return constSpecDecision(p, t, qname, display);
    if (visibilityRank(t.vis) > visibilityRank(p.vis)) return { k: 'error', message: 'an `assume_specification` declaration must be at least as visible as the function it provides a spec for', sp: p.nameSp };
    // (a `where` bound on an impl's parameter is not recorded by the parser: the bounds could not be compared)
    if (t.otherBounds?.length || p.otherBounds?.length) return { k: 'unsupported', what: `a specification of \`${qname}\`, whose bounds include a \`where\` clause on an impl's parameter`, sp: path.sp };
    // (two opaque types, `impl Tr`, are compared by their bounds and what they stand for: not modelled)
    const opaque = (f: FnItem) => someNode([f.params.map((x) => x.ty), f.ret?.ty], (n) => n.k === 'impl');
    if (opaque(t) || opaque(p)) return { k: 'unsupported', what: `a specification of \`${qname}\`, whose signature has an opaque type (\`impl Trait\`)`, sp: path.sp };
    const mismatch = signatureMismatch(t, p);
    if (mismatch) return { k: 'error', message: mismatch, sp: p.nameSp };
    return { k: 'ok', fn: p, target: qname, display, ...(t.implGenerics ? { implGenerics: t.implGenerics } : {}) };
  };

  const decisions = new Map<FnItem, Decision>();
  const claimed = new Map<string, FnItem>();
  for (const f of files) {
    for (const it of f.items) {
      if (!isExternalSpec(it) || it.parseError) continue;
      let d = decide(it, f.path);
      if (d.k === 'ok') {
        if (claimed.has(d.target)) d = { k: 'error', message: `duplicate specification for \`${d.display}\``, sp: it.nameSp };
        else claimed.set(d.target, it);
      }
      decisions.set(it, d);
    }
  }

  return files.map((f) => {
    if (!f.items.some((it) => decisions.has(it as FnItem))) return f;
    const diagnostics: ParseDiagnostic[] = [...f.diagnostics];
    const items: Item[] = f.items.flatMap((it): Item[] => {
      const d = it.k === 'fn' ? decisions.get(it) : undefined;
      if (!d || it.k !== 'fn') return [it];
      if (d.k === 'error') {
        const diagnostic = { message: d.message, sp: d.sp };
        diagnostics.push(diagnostic);
        return [{ k: 'error', what: `specification ${it.name}`, diagnostic, sp: it.sp, module: it.module }];
      }
      if (d.k === 'unsupported') return [{ k: 'unsupported', what: d.what, crate: true, sp: d.sp, module: it.module }];
      // trusted, like `external_body`: never verified, and a cheat under `--no-cheating`
      // (`X::<A>::new(..)` of a generic impl's method gives the impl's arguments: the
      // specification's first generic parameters are the impl's)
      const spec: FnItem = { ...it, body: null, specFor: { ...(it.specFor ?? { path: bodyCall(it)!.path, sp: it.nameSp }), target: d.target }, attrs: [...it.attrs, 'verifier::external_body'], attrSps: [...(it.attrSps ?? it.attrs.map(() => it.nameSp)), it.specFor?.sp ?? it.nameSp], ...(d.implGenerics ? { implGenerics: d.implGenerics } : {}) };
      return it.specFor?.ofConst ? [spec, specifiedConst(it, d.target)] : [spec];
    });
    return { ...f, items, diagnostics };
  });
}

/**
 * The call a specification's body makes: `f(a, b)` (a path), or `a.m(b)` (`Type::m`, the type of
 * the first parameter); null for any other body.
 */
function bodyCall(p: FnItem): { path: PathExpr; args: Expr[] } | null {
  const stmts = p.body?.stmts ?? [];
  const written = stmts.length === 1 && stmts[0]!.k === 'expr' && !stmts[0]!.semi ? stmts[0]!.e : null;
  // (an `async fn`'s: `f(a, b).await`)
  const only = p.isAsync && written?.k === 'method' && written.name === '$await' ? written.recv : written;
  if (only?.k === 'call' && only.callee.k === 'path') return { path: only.callee, args: only.args };
  if (only?.k === 'method') {
    const recvTy = p.params[0]?.ty;
    const inner = recvTy?.k === 'ref' ? recvTy.inner : recvTy;
    if (inner?.k !== 'path') return null;
    const path: PathExpr = { k: 'path', segs: [inner.name, only.name], generics: only.generics, sp: only.nameSp };
    return { path, args: [only.recv, ...only.args] };
  }
  return null;
}

/** A written path without its leading `crate` / `self` / `super` (names resolve by their last segments). */
function dropRelative(segs: readonly string[]): string[] {
  let i = 0;
  while (i < segs.length - 1 && (segs[i] === 'crate' || segs[i] === 'self' || segs[i] === 'super')) i++;
  return segs.slice(i);
}

/** Private < restricted (`pub(crate)`, `pub(in m)`) < `pub`. */
function visibilityRank(v: Visibility | undefined): number {
  return !v || v.k === 'private' ? 0 : v.k === 'in' ? 1 : 2;
}

/**
 * Verus's comparison of a specification `p` with the function `t` it specifies: the same generic
 * parameters (by position; the impl's first) with the same trait bounds, the same parameter and
 * return types (`Self` being `t`'s impl type). Lifetimes are not compared.
 */
/** A specification of the constant `t` (of the crate, or of std as the library declares it): its type must be the constant's. */
function constSpecDecision(p: FnItem, t: FnItem, target: string, display = target): Decision {
  const mismatch = signatureMismatch(t, p);
  if (mismatch || !p.ret) return { k: 'error', message: `mismatched types: \`${target}\` is a \`${t.ret ? printType(t.ret.ty) : '()'}\``, sp: p.ret?.ty.sp ?? p.nameSp };
  return { k: 'ok', fn: p, target, display };
}

/**
 * The constant a specification `assume_specification[C] -> T ..;` makes readable: with only
 * `returns v`, a constant of value `v` (spec and exec, as Verus reads it); otherwise an exec
 * constant whose read is the call of the (trusted) specification: a value its `ensures` describe.
 */
function specifiedConst(p: FnItem, target: string): ConstItem {
  const segs = target.split('::');
  const name = segs[segs.length - 1]!;
  const selfType = segs.length > 1 ? segs.slice(0, -1).join('::') : null;
  const base = { k: 'const' as const, name, ty: p.ret!.ty, selfType, sp: p.sp, module: p.module, vis: p.vis };
  if (p.returns && !p.ensures.length) return { ...base, value: p.returns };
  return { ...base, value: { k: 'call', callee: { k: 'path', segs, generics: [], sp: p.nameSp }, args: [], sp: p.nameSp }, mode: 'exec', viaFn: true };
}

function signatureMismatch(t: FnItem, p: FnItem): string | null {
  const signature = 'assume_specification requires function type signature to match';
  if (t.generics.length !== p.generics.length || t.params.length !== p.params.length) return signature;
  const rename = new Map<string, TypeExpr>(t.generics.map((g, i) => [g, { k: 'path', name: p.generics[i]!, segs: [p.generics[i]!], args: [], sp: p.nameSp }]));
  const bounds = (f: FnItem, i: number) => [...new Set((f.genericParams?.[i]?.bounds ?? []).filter((b) => !b.maybe).map((b) => b.name))].sort().join('+');
  if (t.generics.some((_, i) => bounds(t, i) !== bounds(p, i))) return 'assume_specification trait bound mismatch';
  if (t.params.some((x, i) => !sameType(x.ty, p.params[i]!.ty, t, rename))) return signature;
  const unit = (r: FnItem['ret']) => !r || (r.ty.k === 'tuple' && r.ty.elems.length === 0);
  if (unit(t.ret) !== unit(p.ret) || (t.ret && p.ret && !unit(t.ret) && !sameType(t.ret.ty, p.ret.ty, t, rename))) return signature;
  return null;
}
