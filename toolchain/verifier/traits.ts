// The trait phase, between parsing and name resolution: `impl Trait for Type` as Verus reads it.
// Each method of a trait impl becomes a method of `Type` (`x.m()` on a `Type` calls it, as an
// inherent method) whose contract is the trait's: the trait method's `requires` (an impl may not
// declare its own, as in Verus) and its `ensures` followed by the impl's own `ensures` (Verus lets
// an impl promise more). So the impl's body is verified against the trait's contract, and a
// caller on a concrete type gets exactly that contract, by the phases that already handle methods.
//
// Output: new `SourceFile`s (parse trees are shared between runs and never mutated): a trait impl
// method is a copy with the inherited clauses (deep copies of the trait's, its parameter names
// renamed to the impl's, a generic trait's parameters replaced by the impl's trait arguments);
// a trait method declaration is generic over `Self`, then the trait's parameters, then its own;
// every function gets one more generic parameter `A::X` for each associated type a bound of its
// parameter `A` gives (`withAssocParams`: a call fixes it from `A`'s argument, check/checker.ts),
// or, for a bound `A: T<X = u8>`, `A::X` fixed to that type. An impl whose conformance cannot be judged (an unsupported trait, a
// method name that another impl of the type also defines, a trait in another file) is replaced by
// an `unsupported` item, and rustc's / Verus's conformance errors are `error` items or the
// method's `traitImpl.errors`. Traits themselves are not functions: they stay as items (function
// keys reach them by name), or become `unsupported` items when a part of them is not modelled.

import { MARKER_TRAITS, implKey, isImplPrimitive, isMutRefParam, selfName, traitClosure } from './resolver';
import { derivedTraits, hasVerifierAttr, parseAttr } from '../syntax/attributes';
import type { AssocParam, EnumItem, ErrorItem, Expr, FnItem, GenericParam, Item, ParseDiagnostic, Pat, SourceFile, Sp, StructItem, TraitBound, TraitImplItem, TraitItem, TypeExpr } from './ast';

type Problem = { message: string; sp: Sp };

/** What the phase decided for one `impl Trait for Type` block. */
type ImplVerdict =
  | { k: 'ok'; trait: TraitItem; impl: TraitImplItem }
  /** std's `Drop` (no trait of the crate), its method within Verus's rules (`dropVerdict`) */
  | { k: 'drop' }
  /** std's `Clone` or `Copy` for a datatype of the crate (`cloneCopyVerdict`): `clone` is the type's own method */
  | { k: 'std' }
  | { k: 'unsupported'; what: string; sp: Sp }
  | { k: 'error'; problem: Problem };

export function lowerTraits(files: SourceFile[]): SourceFile[] {
  if (!files.some((f) => f.items.some((it) => it.k === 'trait' || it.k === 'trait-impl'))) return files;
  const traits = new Map<string, { item: TraitItem; file: string }[]>();
  const datatypes = new Set<string>();
  // methods per type over inherent and trait impls (`Type::name`): the trait of each ('' inherent)
  const methods = new Map<string, string[]>();
  const impls = new Map<string, { impl: TraitImplItem; file: string }[]>();
  // `#[verifier::external]` impls (`Trait|Type`): the type implements the trait, its methods are not read
  const externalImpls = new Set<string>();
  // the `drop` methods of `impl Drop for T`, by type
  const dropMethods = new Map<string, FnItem>();
  // the crate's datatypes by name, and the `clone` methods of `impl Clone for T` by type
  const datatypeItems = new Map<string, StructItem | EnumItem>();
  const cloneMethods = new Map<string, FnItem>();
  for (const f of files) {
    for (const it of f.items) {
      if (it.k === 'fn' && it.traitImpl?.trait === 'Drop' && it.selfType) dropMethods.set(it.selfType, it);
      if (it.k === 'fn' && it.traitImpl?.trait === 'Clone' && it.name === 'clone' && it.selfType) cloneMethods.set(it.selfType, it);
      if (it.k === 'struct' || it.k === 'enum') datatypeItems.set(it.name, it);
      if (it.k === 'trait') traits.set(it.name, [...(traits.get(it.name) ?? []), { item: it, file: f.path }]);
      if (it.k === 'struct' || it.k === 'enum') datatypes.add(it.name);
      if (it.k === 'fn' && it.selfType) methods.set(`${it.selfType}::${it.name}`, [...(methods.get(`${it.selfType}::${it.name}`) ?? []), it.traitImpl?.trait ?? '']);
      if (it.k === 'trait-impl' && it.external) externalImpls.add(implKey(it.trait, selfName(it.selfTy)));
      if (it.k === 'trait-impl' && !it.external) {
        impls.set(implKey(it.trait, selfName(it.selfTy)), [...(impls.get(implKey(it.trait, selfName(it.selfTy))) ?? []), { impl: it, file: f.path }]);
      }
    }
  }

  // the associated types a bound by trait `name` gives (its supertraits' included)
  const lookup = (name: string) => (traits.get(name)?.length === 1 ? traits.get(name)![0]!.item : undefined);
  const assocOf = (name: string): { trait: string; assoc: string; bounds: GenericParam['bounds'] }[] =>
    traitClosure(name, lookup).flatMap((t) => (lookup(t)?.assocTypes ?? []).map((a) => ({ trait: t, assoc: a.name, bounds: a.bounds })));

  const verdictOf = (impl: TraitImplItem, file: string): ImplVerdict => {
    const self = selfName(impl.selfTy);
    const found = traits.get(impl.trait);
    if (!found && impl.trait === 'Drop' && !impl.traitArgs.length) return dropVerdict(impl, dropMethods.get(self));
    // (with an inherent `clone` too, which of the two a call means is not modelled)
    if (!found && (impl.trait === 'Clone' || impl.trait === 'Copy') && !(methods.get(`${self}::clone`) ?? []).includes('')) {
      const v = cloneCopyVerdict(impl, datatypeItems, cloneMethods.get(self), impls);
      if (v) return v;
    }
    // (Verus: a closure's traits are its own to give)
    if (!found && ['Fn', 'FnMut', 'FnOnce'].includes(impl.trait)) return { k: 'error', problem: { message: `Verus does not support implementing this trait (\`${impl.trait}\`)`, sp: impl.traitSp } };
    // (Verus: what is `Send` / `Sync` is for its own rules to say)
    if (!found && (impl.trait === 'Send' || impl.trait === 'Sync') && impl.unsafeSp) return { k: 'error', problem: { message: `unsafe impl for \`${impl.trait}\` is not allowed`, sp: impl.unsafeSp } };
    // (a trait the crate does not define may be std's: `Clone`, `PartialEq`, ..)
    if (!found) return { k: 'unsupported', what: `impl of trait \`${impl.trait}\`, which the crate does not define`, sp: impl.traitSp };
    if (found.length > 1) return { k: 'unsupported', what: `impl of trait \`${impl.trait}\`, which is defined ${found.length} times`, sp: impl.traitSp };
    const trait = found[0]!.item;
    // (rustc E0200 / E0199)
    if (trait.unsafeSp && !impl.unsafeSp) return { k: 'error', problem: { message: `the trait \`${trait.name}\` requires an \`unsafe impl\` declaration`, sp: impl.traitSp } };
    if (!trait.unsafeSp && impl.unsafeSp) return { k: 'error', problem: { message: `implementing the trait \`${trait.name}\` is not unsafe`, sp: impl.unsafeSp } };
    const gap = traitGap(trait, traits);
    if (gap) return { k: 'unsupported', what: `impl of trait \`${impl.trait}\` (${gap.k === 'error' ? 'a trait with errors' : gap.what})`, sp: impl.traitSp };
    if (impl.unsupported) return { k: 'unsupported', what: impl.unsupported.what, sp: impl.unsupported.sp };
    // (a trait whose methods have clauses: copied into the impl, they would be reported in the
    // impl's file at the trait's places; one without any, such as vstd's `View`, copies nothing)
    const hasClauses = trait.methods.some((m) => m.requires.length || m.ensures.length || m.recommends.length || m.decreases.length || m.returns || m.noUnwind || m.opensInvariants);
    if (found[0]!.file !== file && hasClauses) return { k: 'unsupported', what: `impl of trait \`${impl.trait}\` in another file than the trait (its clauses are reported where the trait is written)`, sp: impl.traitSp };
    // (bounds by the crate's modelled traits are checked where the impl is used: check/checker.ts)
    const modelled = (b: TraitBound) => !b.maybe && !b.fnSig && (!b.hasArgs || !!b.args) && traits.get(b.name)?.length === 1 && !traitGap(traits.get(b.name)![0]!.item, traits);
    const bound = impl.genericParams.flatMap((p) => p.bounds).find((b) => !((MARKER_TRAITS.has(b.name) && !b.hasArgs && !b.maybe) || modelled(b)));
    if (bound) return { k: 'unsupported', what: `impl of trait \`${impl.trait}\` with a bound on its generic parameters (\`${bound.name}\`)`, sp: bound.sp };
    if (!(datatypes.has(self) || isImplPrimitive(self)) || impl.generics.includes(self) || (isImplPrimitive(self) && impl.selfTy.k === 'path' && impl.selfTy.segs.length > 1)) return { k: 'unsupported', what: `impl of trait \`${impl.trait}\` for \`${self}\` (only the crate's structs and enums, integers and \`bool\` implement traits here)`, sp: impl.selfTy.sp };
    // several impls of the trait for the type (`impl T for S<u8>`, `impl T for S<bool>`, `impl T<u8> for S`):
    // each impl's methods are told apart at a call by the receiver's type (check/checker.ts implMethod)
    const group = impls.get(implKey(impl.trait, self)) ?? [];
    if (group.length > 1 && group.some((x) => x.impl.generics.length)) return { k: 'unsupported', what: `more than one impl of trait \`${impl.trait}\` for \`${self}\`, one of them generic`, sp: impl.sp };
    for (const m of impl.methods) {
      const sources = methods.get(`${self}::${m}`) ?? [];
      if (sources.some((t) => t !== impl.trait) || sources.length > group.length) return { k: 'unsupported', what: `method \`${m}\` of trait \`${impl.trait}\`: \`${self}\` has another method of that name (method resolution between impls is not modelled)`, sp: impl.sp };
      if (!trait.methods.some((d) => d.name === m)) return { k: 'error', problem: { message: `method \`${m}\` is not a member of trait \`${impl.trait}\``, sp: impl.sp } };
    }
    // a generic trait's arguments (rustc E0107)
    if (impl.traitArgs.length !== trait.generics.length) return { k: 'error', problem: { message: `trait \`${impl.trait}\` takes ${trait.generics.length} generic argument${trait.generics.length === 1 ? '' : 's'} but ${impl.traitArgs.length} ${impl.traitArgs.length === 1 ? 'was' : 'were'} supplied`, sp: impl.traitSp } };
    // the associated types: exactly the trait's (rustc E0046 / E0437), each satisfying its bounds
    const extra = impl.assocTypes.find((b) => !trait.assocTypes.some((a) => a.name === b.name));
    if (extra) return { k: 'error', problem: { message: `type \`${extra.name}\` is not a member of trait \`${impl.trait}\``, sp: extra.sp } };
    const twice = impl.assocTypes.find((b, i) => impl.assocTypes.findIndex((x) => x.name === b.name) !== i);
    if (twice) return { k: 'error', problem: { message: `the name \`${twice.name}\` is defined multiple times`, sp: twice.sp } };
    for (const a of trait.assocTypes) {
      const b = impl.assocTypes.find((x) => x.name === a.name);
      if (!b) continue;
      for (const bound of a.bounds) {
        if (MARKER_TRAITS.has(bound.name) && !bound.hasArgs) continue;
        const bty = b.ty.k === 'path' && b.ty.segs.length === 1 && !b.ty.qself && !impl.generics.includes(b.ty.name) ? b.ty.name : null;
        if (!bty || !(datatypes.has(bty) || isImplPrimitive(bty)) || bound.hasArgs || bound.maybe || !traits.has(bound.name)) return { k: 'unsupported', what: `impl of trait \`${impl.trait}\`: whether its \`type ${a.name}\` satisfies \`${bound.name}\` is not checked here`, sp: b.sp };
        if (!impls.get(implKey(bound.name, bty))?.length && !externalImpls.has(implKey(bound.name, bty))) return { k: 'error', problem: { message: `the trait bound \`${bty}: ${bound.name}\` is not satisfied (required by \`type ${a.name}\` of \`${impl.trait}\`)`, sp: b.sp } };
      }
    }
    // (a trait's `uninterp spec fn` is never implemented: Verus's error when an impl does)
    const missing = [...trait.methods.filter((d) => !d.body && !d.uninterp && !impl.methods.includes(d.name)).map((d) => `\`${d.name}\``), ...trait.assocTypes.filter((a) => !impl.assocTypes.some((b) => b.name === a.name)).map((a) => `\`${a.name}\``)];
    if (missing.length) return { k: 'error', problem: { message: `not all trait items implemented, missing: ${missing.join(', ')}`, sp: impl.sp } };
    // rustc: an impl of `U` where `trait U: T` needs `impl T` for the same type (marker supertraits
    // are rustc's to check); an unsupported one leaves this one's bound unknown too
    for (const sup of trait.supertraits) {
      if (MARKER_TRAITS.has(sup.name)) continue;
      const supImpls = impls.get(implKey(sup.name, self)) ?? [];
      if (!supImpls.length) return { k: 'error', problem: { message: `the trait bound \`${self}: ${sup.name}\` is not satisfied (\`${impl.trait}\` needs its supertrait \`${sup.name}\`)`, sp: impl.traitSp } };
      if (supImpls.length > 1 || verdictOf(supImpls[0]!.impl, supImpls[0]!.file).k !== 'ok') return { k: 'unsupported', what: `impl of trait \`${impl.trait}\` for \`${self}\`: the impl of its supertrait \`${sup.name}\` is not supported`, sp: impl.traitSp };
    }
    return { k: 'ok', trait, impl };
  };

  return files.map((f) => {
    const verdicts = new Map<string, ImplVerdict>();
    for (const it of f.items) if (it.k === 'trait-impl' && !it.external) verdicts.set(implAt(it.trait, selfName(it.selfTy), it.sp.start), verdictOf(it, f.path));
    const diagnostics: ParseDiagnostic[] = [...f.diagnostics];
    const items: Item[] = [];
    for (const it of f.items) {
      // an impl of a marker trait (`Send`, `Sync`, ..) bounded by another trait: whether a type
      // implements the marker then depends on the crate's impls, and a cycle through them (which
      // Verus refuses) is not checked here: nothing of the crate is verified
      const bound = it.k === 'trait-impl' && MARKER_TRAITS.has(it.trait) ? it.genericParams.flatMap((p) => p.bounds).find((b) => !MARKER_TRAITS.has(b.name)) : undefined;
      if (it.k === 'trait-impl' && bound) {
        items.push({ k: 'unsupported', what: `an impl of \`${it.trait}\` bounded by \`${bound.name}\` (the trait cycles it may close are not checked)`, crate: true, sp: it.sp, module: it.module });
        continue;
      }
      // (kept for the bounds it satisfies; calls through it are not modelled)
      if (it.k === 'trait-impl' && it.external) {
        items.push({ ...it, verdict: 'unsupported' });
        continue;
      }
      if (it.k === 'trait') {
        const gap = traitGap(it, traits);
        if (gap?.k === 'unsupported') items.push({ k: 'unsupported', what: `trait \`${it.name}\`: ${gap.what}`, sp: gap.sp, module: it.module });
        else if (gap?.k === 'error') {
          const diagnostic = { message: gap.what, sp: gap.sp };
          diagnostics.push(diagnostic);
          items.push({ k: 'error', what: `trait ${it.name}`, diagnostic, sp: it.sp, module: it.module });
        } else {
          const methods = it.methods.map((d) => withAssocParams(declaration(d, it), assocOf));
          items.push({ ...it, methods });
          // a default method (exec or proof) is verified once, for every `Self: Trait`: a function of the file
          items.push(...methods.filter((d) => d.body));
        }
      } else if (it.k === 'trait-impl') {
        const v = verdicts.get(implAt(it.trait, selfName(it.selfTy), it.sp.start))!;
        items.push({ ...it, verdict: v.k === 'drop' || v.k === 'std' ? 'ok' : v.k });
        if (v.k === 'unsupported') items.push({ k: 'unsupported', what: v.what, sp: v.sp, module: it.module });
        if (v.k === 'error') {
          const diagnostic = { message: v.problem.message, sp: v.problem.sp };
          diagnostics.push(diagnostic);
          const err: ErrorItem = { k: 'error', what: `impl ${it.trait} for ${selfName(it.selfTy)}`, diagnostic, sp: it.sp, module: it.module };
          items.push(err);
        }
      } else if (it.k === 'fn' && it.traitImpl) {
        const v = verdicts.get(implAt(it.traitImpl.trait, it.selfType ?? '', it.traitImpl.implStart));
        // (`T::drop`: verified as the type's own method, which nothing may call: rustc's E0040)
        if (v?.k === 'drop') {
          items.push(withAssocParams({ ...it, traitImpl: undefined, dropImpl: true }, assocOf));
          continue;
        }
        // (`T::clone` of `impl Clone for T`: the type's own method, with its own contract)
        if (v?.k === 'std') {
          items.push(withAssocParams({ ...it, traitImpl: undefined }, assocOf));
          continue;
        }
        if (v?.k !== 'ok') continue; // reported by the impl's item
        // (a trait impl's method is as visible as the trait, as in Rust: what its open body may mention depends on it)
        const traitArgs = new Map(v.trait.generics.map((p, i) => [p.name, v.impl.traitArgs[i]!]));
        // (one of several impls of the trait for the type: which one, for the calls that choose)
        const group = impls.get(implKey(v.impl.trait, selfName(v.impl.selfTy))) ?? [];
        const implOf = group.length > 1 ? { index: group.findIndex((x) => x.impl === v.impl), of: group.length, traitArgs: v.impl.traitArgs } : undefined;
        items.push(withAssocParams({ ...implMethod(it, v.trait.methods.find((d) => d.name === it.name)!, !!v.trait.vis && v.trait.vis.k !== 'private', traitArgs), vis: v.trait.vis ?? { k: 'private' }, ...(implOf ? { implOf } : {}) }, assocOf));
      } else items.push(it.k === 'fn' ? withAssocParams(it, assocOf) : it);
    }
    return { ...f, items, diagnostics };
  });
}

/**
 * `impl Drop for T` (std's trait): Verus's rules for its method, which runs wherever a value is
 * dropped, so that nothing a caller could not see happens there: one method `drop(&mut self)`, no
 * `requires`, `opens_invariants none` and `no_unwind`.
 */
function dropVerdict(impl: TraitImplItem, drop: FnItem | undefined): ImplVerdict {
  const error = (message: string, sp: Sp): ImplVerdict => ({ k: 'error', problem: { message, sp } });
  const other = impl.methods.find((m) => m !== 'drop');
  if (other) return error(`method \`${other}\` is not a member of trait \`Drop\``, impl.sp);
  if (!drop || !impl.methods.length) return error('not all trait items implemented, missing: `drop`', impl.sp);
  if (impl.assocTypes.length) return error(`type \`${impl.assocTypes[0]!.name}\` is not a member of trait \`Drop\``, impl.assocTypes[0]!.sp);
  if (drop.mode !== 'exec' || !drop.params[0]?.isSelf || !isMutRefParam(drop.params[0]) || drop.params.length !== 1 || drop.ret) return error('method `drop` has an incompatible type for trait `Drop`: expected `fn(&mut Self)`', drop.nameSp);
  if (drop.requires.length) return error('requires are not allowed on the implementation for Drop', drop.requires[0]!.sp);
  if (drop.opensInvariants?.k !== 'none') return error('the implementation for Drop must be marked opens_invariants none', drop.nameSp);
  if (!drop.noUnwind || drop.noUnwind.when) return error('the implementation for Drop must be marked no_unwind', drop.nameSp);
  return { k: 'drop' };
}

/**
 * `impl Clone for T` / `impl Copy for T {}` (std's traits) of a datatype `T` of the crate, not
 * generic: `clone(&self) -> Self` becomes `T`'s own method; `Copy` needs `Clone` (rustc's E0277;
 * E0119 against a `derive` of the same trait; that the fields are `Copy`, E0204, the checking
 * phase judges for every `Copy` datatype, derived or implemented). Null where this is not that
 * form (another impl of a std trait: unsupported).
 */
function cloneCopyVerdict(impl: TraitImplItem, datatypes: ReadonlyMap<string, StructItem | EnumItem>, clone: FnItem | undefined, impls: ReadonlyMap<string, { impl: TraitImplItem }[]>): ImplVerdict | null {
  const self = selfName(impl.selfTy);
  const item = datatypes.get(self);
  if (!item || impl.generics.length || impl.traitArgs.length || item.generics.length || impl.selfTy.k !== 'path' || impl.selfTy.args.length || impl.unsupported) return null;
  const error = (message: string, sp: Sp): ImplVerdict => ({ k: 'error', problem: { message, sp } });
  if (derives(item, impl.trait)) return error(`conflicting implementations of trait \`${impl.trait}\` for type \`${self}\` (it also derives it)`, impl.traitSp);
  if ((impls.get(implKey(impl.trait, self))?.length ?? 0) > 1) return null;
  if (impl.assocTypes.length) return error(`type \`${impl.assocTypes[0]!.name}\` is not a member of trait \`${impl.trait}\``, impl.assocTypes[0]!.sp);
  if (impl.trait === 'Copy') {
    const other = impl.methods[0];
    if (other) return error(`method \`${other}\` is not a member of trait \`Copy\``, impl.sp);
    if (!derives(item, 'Clone') && !impls.get(implKey('Clone', self))?.length) return error(`the trait bound \`${self}: Clone\` is not satisfied (\`Copy\` needs it)`, impl.traitSp);
    return { k: 'std' };
  }
  const other = impl.methods.find((m) => m !== 'clone');
  if (other) return other === 'clone_from' ? null : error(`method \`${other}\` is not a member of trait \`Clone\``, impl.sp);
  if (!clone) return error('not all trait items implemented, missing: `clone`', impl.sp);
  const ret = clone.ret?.ty;
  const selfRet = ret?.k === 'path' && ret.segs.length === 1 && !ret.args.length && (ret.name === 'Self' || ret.name === self);
  const selfParam = clone.params.length === 1 && clone.params[0]!.isSelf && clone.params[0]!.ty.k === 'ref' && !clone.params[0]!.ty.mut;
  if (clone.mode !== 'exec' || !selfParam || !selfRet || clone.generics.length) return error('method `clone` has an incompatible type for trait `Clone`: expected `fn(&Self) -> Self`', clone.nameSp);
  if (clone.requires.length) return error('trait method implementation cannot declare requires', clone.requires[0]!.sp);
  return { k: 'std' };
}

/** Whether `item` derives `trait` (`#[derive(.., Clone, ..)]`). */
function derives(item: StructItem | EnumItem, trait: string): boolean {
  return derivedTraits(item.attrs).includes(trait);
}

/** The first part of a trait the verifier does not model (or rustc refuses), or null. */
function traitGap(t: TraitItem, traits: ReadonlyMap<string, { item: TraitItem }[]>): { k: 'unsupported' | 'error'; what: string; sp: Sp } | null {
  const expanded = expandedSpecGap(t);
  if (expanded) return expanded;
  if (t.externalMethod) return { k: 'error', what: "a trait item cannot be marked 'external'", sp: t.externalMethod };
  if (t.unsupported) return { k: 'unsupported', ...t.unsupported };
  // (its impls would need the bound at their arguments, and callers' call graph edges through it)
  const bounded = t.generics.flatMap((p) => p.bounds).find((b) => !MARKER_TRAITS.has(b.name) || b.hasArgs || b.maybe);
  if (bounded) return { k: 'unsupported', what: `a bound on a generic trait's parameter (\`${bounded.name}\`)`, sp: bounded.sp };
  const sup = supertraitGap(t, traits, [t.name]);
  if (sup) return sup;
  const cycle = assocBoundCycle(t, traits);
  if (cycle) return { k: 'error', what: 'found a cyclic self-reference in a definition', sp: cycle };
  return methodGap(t);
}

/**
 * Verus's checks of its expanded form of a method's clauses, `fn VERUS_SPEC__f(..) { requires(..);
 * ..; no_method_body() }`, against the method `f` it specifies (Verus's messages). One that passes
 * them is still not modelled: `unsupported`.
 */
function expandedSpecGap(t: TraitItem): { k: 'unsupported' | 'error'; what: string; sp: Sp } | null {
  for (const spec of t.expandedSpecs ?? []) {
    const error = (what: string) => ({ k: 'error' as const, what, sp: spec.nameSp });
    const m = t.methods.find((x) => x.name === spec.name.slice('VERUS_SPEC__'.length));
    if (!m) return error('no matching method found for method specification');
    const last = spec.body?.stmts[spec.body.stmts.length - 1];
    const endsRight = last?.k === 'expr' && !last.semi && last.e.k === 'call' && !last.e.args.length && last.e.callee.k === 'path' && last.e.callee.segs[last.e.callee.segs.length - 1] === 'no_method_body';
    if (!endsRight) return error('trait method declaration body must end with call to no_method_body()');
    const same = (a: unknown, b: unknown) => JSON.stringify(stripSpans(a)) === JSON.stringify(stripSpans(b));
    if (!same(spec.generics, m.generics)) return error('method specification has different type parameters from method');
    if (spec.params.length !== m.params.length) return error('method specification has different number of parameters from method');
    if (spec.params.some((p, i) => !same([p.ty, !!p.isSelf], [m.params[i]!.ty, !!m.params[i]!.isSelf]))) return error('method specification has different parameters from method');
    if (!same(spec.ret?.ty ?? null, m.ret?.ty ?? null)) return error('method specification has a different return from method');
    return { k: 'unsupported', what: `\`${spec.name}\`: Verus's expanded form of a method specification`, sp: spec.nameSp };
  }
  return null;
}

/**
 * Where trait `t` reaches itself through the bounds of associated types (`trait T { type A: T; }`)
 * and supertraits, or null: Verus's error, as the bound's axioms would be about themselves.
 * (Only a cycle with an associated type's bound in it: one of supertraits alone is rustc's E0391.)
 */
function assocBoundCycle(t: TraitItem, traits: ReadonlyMap<string, { item: TraitItem }[]>): Sp | null {
  const edges = (x: TraitItem): { name: string; sp: Sp; assoc: boolean }[] => [
    ...x.supertraits.map((b) => ({ name: b.name, sp: b.sp, assoc: false })),
    ...(x.assocTypes ?? []).flatMap((a) => a.bounds.map((b) => ({ name: b.name, sp: b.sp, assoc: true }))),
  ];
  const seen = new Set<string>();
  const stack: { trait: TraitItem; viaAssoc: boolean; sp: Sp | null }[] = [{ trait: t, viaAssoc: false, sp: null }];
  while (stack.length) {
    const { trait, viaAssoc, sp } = stack.pop()!;
    for (const e of edges(trait)) {
      const at = sp ?? e.sp;
      if (e.name === t.name && (viaAssoc || e.assoc)) return at;
      const next = traits.get(e.name);
      const key = `${e.name}|${viaAssoc || e.assoc}`;
      if (next?.length !== 1 || seen.has(key)) continue;
      seen.add(key);
      stack.push({ trait: next[0]!.item, viaAssoc: viaAssoc || e.assoc, sp: at });
    }
  }
  return null;
}

/**
 * Supertraits are marker traits or traits of the crate that are themselves modelled; a cycle of
 * supertraits is rustc's E0391. (`path`: the traits from the one judged down to `t`.)
 */
function supertraitGap(t: TraitItem, traits: ReadonlyMap<string, { item: TraitItem }[]>, path: string[]): { k: 'unsupported' | 'error'; what: string; sp: Sp } | null {
  for (const b of t.supertraits) {
    if (b.name === '?' || b.maybe || b.hasArgs) return { k: 'unsupported', what: `supertrait bound \`${b.maybe ? '?' : ''}${b.name}\` (only marker traits and the crate's own traits without arguments)`, sp: b.sp };
    if (MARKER_TRAITS.has(b.name)) continue;
    const found = traits.get(b.name);
    if (!found) return { k: 'unsupported', what: `supertrait bound \`${b.name}\`, a trait the crate does not define`, sp: b.sp };
    if (found.length > 1) return { k: 'unsupported', what: `supertrait bound \`${b.name}\`, a trait defined ${found.length} times`, sp: b.sp };
    if (path.includes(b.name)) return { k: 'error', what: `cycle detected when computing the supertraits of \`${path[0]}\` (through \`${[...path, b.name].join('` -> `')}\`)`, sp: b.sp };
    const inner = supertraitGap(found[0]!.item, traits, [...path, b.name]);
    if (inner) return inner.k === 'error' ? { ...inner, sp: b.sp } : { k: 'unsupported', what: `supertrait \`${b.name}\` is not supported`, sp: b.sp };
    if (found[0]!.item.unsupported || methodGap(found[0]!.item)) return { k: 'unsupported', what: `supertrait \`${b.name}\` is not supported`, sp: b.sp };
  }
  return null;
}

/**
 * What an attribute on a trait method declaration means: nothing the model needs (`ok`), Verus's
 * error, or null (not modelled). (Verus's messages, so that a reader finds them in its docs.)
 */
function traitMethodAttr(a: string, d: FnItem): { k: 'ok' } | { k: 'error'; message: string } | null {
  // (documentation changes nothing)
  if (/^doc\b/.test(a)) return { k: 'ok' };
  const p = parseAttr(a);
  if (!p.verifier) return null;
  switch (p.name) {
    // the default body's loops and calls may run forever (check/termination.ts reads it there)
    case 'exec_allows_no_decreases_clause':
      return d.body ? { k: 'ok' } : { k: 'error', message: 'trait method declaration cannot declare exec_allows_no_decreases_clause' };
    // a trusted default body (the declaration's contract is the trait's either way)
    case 'external_body':
      return d.body ? { k: 'ok' } : null;
    // an impl may not add `ensures` (checked at each impl: implMethod)
    case 'impls_cannot_extend_spec':
      if (d.mode !== 'exec') return { k: 'error', message: 'only exec trait functions can be marked impls_cannot_extend_spec' };
      if (d.defaultEnsures?.length) return { k: 'error', message: 'impls_cannot_extend_spec functions cannot use default_ensures' };
      return { k: 'ok' };
    case 'atomic':
      return { k: 'error', message: "'atomic' not supported for trait functions" };
    case 'type_invariant':
      return { k: 'error', message: '#[verifier::type_invariant] function cannot be a trait function' };
    case 'external_fn_specification':
      return { k: 'error', message: '`assume_specification` declaration not supported here' };
    case 'opaque':
      return d.body ? null : { k: 'error', message: 'opaque has no effect on a function without a body' };
    // a call through the trait (at a type parameter) is prophetic; an impl's method is prophetic
    // only when it says so too (implMethod), and never when the trait's is not
    case 'prophetic':
      return d.mode === 'spec' ? { k: 'ok' } : null;
    // an exec method's result mode: its impls must agree (implMethod); the checking phase reports
    // the attribute itself unsupported
    case 'returns':
      return d.mode === 'exec' ? { k: 'ok' } : null;
  }
  return null;
}

/** The first part of a trait's methods the verifier does not model (or Verus refuses), or null. */
function methodGap(t: TraitItem): { k: 'unsupported' | 'error'; what: string; sp: Sp } | null {
  for (const d of t.methods) {
    for (const [i, a] of d.attrs.entries()) {
      const r = traitMethodAttr(a, d);
      const sp = d.attrSps?.[i] ?? d.nameSp;
      // (in a trait, `when_used_as_spec(g)` names another method of the trait: Verus's error when
      // there is none; with one, the attribute is not modelled here)
      const wuas = /^verifier(?:::when_used_as_spec\((\w+)\)|\(when_used_as_spec\((\w+)\)\))$/.exec(a);
      if (wuas && !t.methods.some((x) => x.name === (wuas[1] ?? wuas[2]))) return { k: 'error', what: 'cannot find function referred to in when_used_as_spec', sp };
      if (!r) return { k: 'unsupported', what: `attribute on the trait method \`${d.name}\``, sp };
      if (r.k === 'error') return { k: 'error', what: r.message, sp };
    }
    if (!d.body && (d.open || d.closed)) return { k: 'error', what: "trait function declarations cannot be open or closed, as they don't have a body", sp: d.nameSp };
    // (Verus's `default_ensures`: what the default body gives, so only a method with one)
    if (d.defaultEnsures?.length && !d.body) return { k: 'error', what: 'default_ensures not allowed here', sp: d.defaultEnsures[0]!.sp };
    if (d.unsupportedClauses.length || d.returns || d.decreases.length || d.broadcast) return { k: 'unsupported', what: `a clause or modifier of the trait method \`${d.name}\` (\`returns\`, \`decreases\`, \`broadcast\`, ..)`, sp: d.nameSp };
    if (d.params.some((p) => p.attrs?.length)) return { k: 'unsupported', what: `an attribute on a parameter of the trait method \`${d.name}\``, sp: d.nameSp };
    if (d.params.some((p) => p.unwrap)) return { k: 'unsupported', what: `a \`Tracked(x)\` / \`Ghost(x)\` parameter of the trait method \`${d.name}\``, sp: d.nameSp };
    if (t.methods.filter((x) => x.name === d.name).length > 1) return { k: 'unsupported', what: `method \`${d.name}\` declared twice`, sp: d.nameSp };
  }
  return null;
}

/** The trait method `d` as generic code sees it: a function generic over `Self: Trait`. */
function declaration(d: FnItem, t: TraitItem): FnItem {
  // (`Self: T<A, B>` for a generic trait: its parameters are the declaration's, after `Self`)
  const args: TypeExpr[] = t.generics.map((p) => ({ k: 'path', name: p.name, segs: [p.name], args: [], sp: p.sp }));
  const self = { name: 'Self', kind: 'type' as const, bounds: [{ name: t.name, hasArgs: args.length > 0, ...(args.length ? { args } : {}), maybe: false, sp: d.nameSp }], sp: d.nameSp };
  // (as visible as the trait, as in Rust; the trait's parameters then the method's own follow `Self`)
  return { ...d, selfType: t.name, generics: ['Self', ...t.generics.map((p) => p.name), ...d.generics], implGenerics: 1 + t.generics.length, genericParams: [self, ...t.generics, ...(d.genericParams ?? [])], vis: t.vis ?? { k: 'private' } };
}

/**
 * `f` with a generic parameter `A::X` for each associated type `X` a bound of its parameter `A`
 * gives (`A: T`, `T` or a supertrait declaring `type X`), after its own parameters: generic code
 * sees `A::X` as one more type parameter; a call fixes it by `A`'s argument (check/checker.ts).
 * Two bounds of one parameter giving the same name give none (a use of it is `unsupported`).
 */
function withAssocParams(f: FnItem, assocOf: (trait: string) => { trait: string; assoc: string; bounds: GenericParam['bounds'] }[]): FnItem {
  const extra: GenericParam[] = [];
  const params: AssocParam[] = [];
  const ambiguous = new Set<string>();
  const fixed: (AssocParam & { ty: TypeExpr })[] = [];
  for (const p of f.genericParams ?? []) {
    if (p.kind !== 'type') continue;
    for (const b of p.bounds) {
      if ((b.hasArgs && !b.args) || b.maybe) continue;
      for (const a of assocOf(b.name)) {
        const name = `${p.name}::${a.assoc}`;
        // `A: T<X = u8>`: `A::X` is `u8`, not a parameter
        const eq = a.trait === b.name ? b.assocEq?.find((x) => x.name === a.assoc) : undefined;
        if (eq) {
          if (!fixed.some((x) => x.name === name)) fixed.push({ name, base: p.name, trait: a.trait, assoc: a.assoc, ty: eq.ty });
          continue;
        }
        const seen = params.find((x) => x.name === name);
        if (seen) {
          // (rustc E0221, an ambiguous associated type: left out, so a use of it is unsupported)
          if (seen.trait !== a.trait) ambiguous.add(name);
          continue;
        }
        params.push({ name, base: p.name, trait: a.trait, assoc: a.assoc });
        extra.push({ name, kind: 'type', bounds: a.bounds, sp: b.sp });
      }
    }
  }
  const keep = params.filter((x) => !ambiguous.has(x.name) && !fixed.some((y) => y.name === x.name));
  if (!keep.length && !fixed.length) return f;
  return { ...f, generics: [...f.generics, ...keep.map((x) => x.name)], genericParams: [...(f.genericParams ?? []), ...extra.filter((x) => keep.some((y) => y.name === x.name))], ...(keep.length ? { assocParams: keep } : {}), ...(fixed.length ? { assocFixed: fixed } : {}) };
}

/** Attributes of an impl method that keep its mode and signature what is written (trusted body, opacity, ..). */
// (`exec_allows_no_decreases_clause` only relaxes the check of the method's own body)
const BENIGN_IMPL_ATTR = /^(verifier::external_body|verifier\(external_body\)|verifier::opaque|verifier\(opaque\)|verifier::rlimit|verifier\(rlimit|verifier::inline|verifier\(inline\)|verifier::exec_allows_no_decreases_clause$|verifier\(exec_allows_no_decreases_clause\)$|allow\(|doc|inline|must_use)/;

/** One impl block: its trait, type and place (a type may have several impls of one trait). */
function implAt(trait: string, self: string, start: number | undefined): string {
  return `${trait}|${self}|${start ?? '?'}`;
}

/** The impl method `m` with the contract of its declaration `d` in the trait, and its conformance errors. */
function implMethod(m: FnItem, d: FnItem, traitVisible: boolean, traitArgs: ReadonlyMap<string, TypeExpr>): FnItem {
  const errors: Problem[] = [];
  const unsupported = (message: string, sp: Sp): FnItem => ({ ...m, traitImpl: { ...m.traitImpl!, unsupported: { message: `unsupported: ${message}`, sp } } });
  // (an impl's own marking is Verus's error; the trait's forbids the impl any `ensures`)
  if (hasVerifierAttr(m.attrs, 'impls_cannot_extend_spec')) errors.push({ message: 'only exec trait functions can be marked impls_cannot_extend_spec', sp: m.nameSp });
  if (m.defaultEnsures?.length) errors.push({ message: 'default_ensures not allowed here', sp: m.defaultEnsures[0]!.sp });
  if (hasVerifierAttr(d.attrs, 'impls_cannot_extend_spec') && m.ensures.length) errors.push({ message: 'trait method implementation cannot declare ensures clauses because the trait declaration is marked impls_cannot_extend_spec', sp: m.ensures[0]!.sp });
  // (a prophetic impl of a trait method that is not would let a call through the trait, read as
  // not prophetic, give a prophetic value)
  const prophetic = hasVerifierAttr(m.attrs, 'prophetic');
  if (prophetic && !hasVerifierAttr(d.attrs, 'prophetic')) errors.push({ message: 'implementation of trait function cannot be marked prophetic if the trait function is not', sp: m.nameSp });
  const attr = m.attrs.findIndex((a) => !BENIGN_IMPL_ATTR.test(a) && !hasVerifierAttr([a], 'impls_cannot_extend_spec') && !hasVerifierAttr([a], 'returns') && !(prophetic && hasVerifierAttr([a], 'prophetic')));
  if (attr >= 0) return unsupported(`attribute \`#[${m.attrs[attr]}]\` on a trait impl's method (its mode against the trait's is not checked)`, m.attrSps?.[attr] ?? m.nameSp);
  const pattr = m.params.find((p) => p.attrs?.length);
  if (pattr) return unsupported('an attribute on a parameter of a trait impl\'s method', pattr.sp);
  if (m.mode !== d.mode) errors.push({ message: `function must have mode ${d.mode} (as \`${d.name}\` in the trait)`, sp: m.nameSp });
  else if (!!m.retTracked !== !!d.retTracked && m.ret && d.ret) errors.push({ message: `function return value must have mode ${d.retTracked ? 'proof' : d.mode === 'exec' ? 'exec' : 'spec'}`, sp: m.nameSp });
  // an exec fn's `#[verifier::returns(spec)]` (Verus's older spelling of a ghost result)
  else if (m.mode === 'exec' && returnsMode(m) !== returnsMode(d)) errors.push({ message: `function return value must have mode ${returnsMode(d)}`, sp: m.nameSp });
  // Verus: the body of a spec fn implementing a visible trait's method says whether it is visible
  if (m.mode === 'spec' && m.body && !m.open && !m.closed && !m.openVis && traitVisible) errors.push({ message: 'open/closed is required for implementations of non-private traits', sp: m.nameSp });
  if (m.requires.length) errors.push({ message: 'trait method implementation cannot declare requires', sp: m.requires[0]!.sp });
  // (a trait's `uninterp spec fn` stays without a definition: an impl would give it one)
  if (d.uninterp) errors.push({ message: 'trait method implementation cannot be marked as `uninterp`', sp: m.nameSp });
  // (Verus: a call through the trait and one on the type must mean the same)
  if (m.noUnwind) errors.push({ message: 'trait method implementation cannot declare an unwind specification', sp: m.noUnwind.sp });
  if (m.opensInvariants) errors.push({ message: 'trait method implementation cannot declare an opens_invariants spec', sp: m.opensInvariants.sp });
  if (m.params.length !== d.params.length) errors.push({ message: `method \`${m.name}\` has ${m.params.length} parameter${m.params.length === 1 ? '' : 's'} but the declaration in the trait has ${d.params.length}`, sp: m.nameSp });
  // a generic method: the impl's own parameters are the trait's (rustc E0049), by the same names
  // (types are compared as written), with no bound the trait's lacks (rustc E0276)
  const own = (m.genericParams ?? []).slice(m.implGenerics ?? 0);
  const declared = d.genericParams ?? [];
  if (own.length !== declared.length) errors.push({ message: `method \`${m.name}\` has ${own.length} type parameter${own.length === 1 ? '' : 's'} but its trait declaration has ${declared.length}`, sp: m.nameSp });
  else if (own.some((p, i) => p.name !== declared[i]!.name || p.kind !== declared[i]!.kind)) return unsupported(`generic method \`${m.name}\` whose impl names or kinds its type parameters otherwise than the trait`, m.nameSp);
  else {
    for (const [i, p] of own.entries()) {
      const extra = p.bounds.find((b) => !declared[i]!.bounds.some((x) => x.name === b.name && x.hasArgs === b.hasArgs && x.maybe === b.maybe));
      // (a bound the parser could not read, `crate::m::Tr`, cannot be compared)
      if (extra?.name === '?' || declared[i]!.bounds.some((x) => x.name === '?')) return unsupported(`generic method \`${m.name}\`: a bound of its type parameters this verifier does not read`, m.nameSp);
      if (extra) errors.push({ message: `impl has stricter requirements than trait: \`${p.name}: ${extra.name}\``, sp: extra.sp });
    }
  }
  const rename = new Map<string, string>();
  m.params.forEach((p, i) => {
    const q = d.params[i];
    if (!q) return;
    if (p.mode !== q.mode && m.mode === d.mode) errors.push({ message: `parameter must have mode ${q.mode === 'tracked' ? 'proof' : d.mode === 'exec' ? 'exec' : 'spec'}`, sp: p.sp });
    else if (p.isSelf !== q.isSelf || p.unwrap !== q.unwrap || !sameType(q.ty, p.ty, m, traitArgs)) errors.push({ message: `method \`${m.name}\` has an incompatible type for trait: parameter \`${p.name}\` is not declared as the trait's \`${q.name}\``, sp: p.sp });
    if (p.name !== q.name) rename.set(q.name, p.name);
  });
  // (no return type is `()`: `fn e(&self)` implements `fn e(&self) -> V` at `V = ()`)
  const unit: TypeExpr = { k: 'tuple', elems: [], sp: m.nameSp };
  if ((m.ret || d.ret) && !sameType(d.ret?.ty ?? unit, m.ret?.ty ?? unit, m, traitArgs)) errors.push({ message: `method \`${m.name}\` has an incompatible type for trait: its return type differs from the trait's`, sp: m.nameSp });
  let ret = m.ret;
  if (m.ret && d.ret?.name) {
    if (m.ret.name === null) ret = { name: d.ret.name, ty: m.ret.ty };
    else if (m.ret.name !== d.ret.name) rename.set(d.ret.name, m.ret.name);
  }
  // a renamed name must not meet a binder of the trait's clauses with either name
  const binders = new Set<string>();
  for (const c of [...d.requires, ...d.ensures, ...(d.noUnwind?.when ? [d.noUnwind.when] : []), ...(d.opensInvariants?.k === 'list' ? d.opensInvariants.elems : d.opensInvariants?.k === 'set' ? [d.opensInvariants.member] : [])]) collectBinders(c, binders);
  for (const [from, to] of rename) if (binders.has(from) || binders.has(to)) return unsupported(`the trait's clauses bind \`${binders.has(from) ? from : to}\` and the impl renames \`${from}\` to \`${to}\``, m.nameSp);
  // (a generic trait's parameters, in types written in the clauses, are the impl's arguments)
  const inherit = (es: Expr[]): Expr[] => es.map((e) => substTypeParams(renamePaths(structuredClone(e), rename), traitArgs));
  const noUnwind = d.noUnwind ? { when: d.noUnwind.when && inherit([d.noUnwind.when])[0]!, sp: d.noUnwind.sp } : undefined;
  const mask = d.opensInvariants;
  const opensInvariants = mask?.k === 'list' ? { ...mask, elems: inherit(mask.elems) } : mask?.k === 'set' ? { ...mask, member: inherit([mask.member])[0]! } : mask;
  return { ...m, ret, requires: inherit(d.requires), ensures: [...inherit(d.ensures), ...m.ensures], noUnwind, opensInvariants, traitImpl: { ...m.traitImpl!, errors: [...(m.traitImpl!.errors ?? []), ...errors] } };
}

/** The mode `#[verifier::returns(spec|proof|exec)]` gives an exec fn's result (`exec` without it). */
export function returnsMode(f: FnItem): string {
  for (const a of f.attrs) {
    const m = /^verifier(?:::|\()returns\((\w+)\)\)?$/.exec(a.replace(/\s+/g, ''));
    if (m) return m[1]!;
  }
  return 'exec';
}

/** Types written the same, the trait's `Self` being the impl's type (or `Self`). Lifetimes are not compared. */
export function sameType(inTrait: TypeExpr, inImpl: TypeExpr, m: FnItem, traitArgs: ReadonlyMap<string, TypeExpr> = new Map()): boolean {
  // a generic trait's parameter: the impl's argument for it
  if (inTrait.k === 'path' && inTrait.segs.length === 1 && !inTrait.args.length && !inTrait.qself && traitArgs.has(inTrait.name)) return JSON.stringify(stripSpans(traitArgs.get(inTrait.name))) === JSON.stringify(stripSpans(inImpl));
  // the trait's `Self::X`: the impl's binding of `X` (or `Self::X` written again)
  if (inTrait.k === 'path' && inTrait.segs.length === 2 && inTrait.segs[0] === 'Self' && !inTrait.args.length) {
    if (inImpl.k === 'path' && inImpl.segs.length === 2 && inImpl.segs[0] === 'Self' && inImpl.segs[1] === inTrait.segs[1]) return true;
    const binding = m.implAssocTypes?.find((b) => b.name === inTrait.segs[1]);
    return !!binding && JSON.stringify(stripSpans(binding.ty)) === JSON.stringify(stripSpans(inImpl));
  }
  if (inTrait.k === 'path' && inTrait.name === 'Self' && inTrait.segs.length === 1) {
    if (inImpl.k === 'path' && inImpl.name === 'Self') return true;
    return inImpl.k === 'path' && inImpl.name === m.selfType && inImpl.args.length === (m.selfArgs?.length ?? 0) && inImpl.args.every((a, i) => sameType(m.selfArgs![i]!, a, m, traitArgs));
  }
  switch (inTrait.k) {
    case 'path': return inImpl.k === 'path' && inImpl.name === inTrait.name && inImpl.args.length === inTrait.args.length && inTrait.args.every((a, i) => sameType(a, inImpl.args[i]!, m, traitArgs));
    case 'ref': return inImpl.k === 'ref' && inImpl.mut === inTrait.mut && sameType(inTrait.inner, inImpl.inner, m, traitArgs);
    case 'tuple': return inImpl.k === 'tuple' && inImpl.elems.length === inTrait.elems.length && inTrait.elems.every((a, i) => sameType(a, inImpl.elems[i]!, m, traitArgs));
    case 'array': return inImpl.k === 'array' && sameType(inTrait.elem, inImpl.elem, m, traitArgs) && JSON.stringify(stripSpans(inTrait.len)) === JSON.stringify(stripSpans(inImpl.len));
    case 'slice': return inImpl.k === 'slice' && sameType(inTrait.elem, inImpl.elem, m, traitArgs);
    default: return false;
  }
}

function stripSpans(o: unknown): unknown {
  return JSON.parse(JSON.stringify(o, (k, v: unknown) => (k === 'sp' ? undefined : typeof v === 'bigint' ? String(v) : v)));
}

/** Names bound inside an expression (quantifier, `choose` and closure parameters, patterns). */
function collectBinders(o: unknown, out: Set<string>): void {
  if (!o || typeof o !== 'object') return;
  if (Array.isArray(o)) {
    for (const x of o) collectBinders(x, out);
    return;
  }
  const n = o as { k?: string; params?: { name: string }[]; name?: string };
  if ((n.k === 'quant' || n.k === 'closure' || n.k === 'assert-forall') && n.params) for (const p of n.params) out.add(p.name);
  if (n.k === 'bind' && typeof n.name === 'string') out.add((o as Extract<Pat, { k: 'bind' }>).name);
  for (const v of Object.values(o)) if (v && typeof v === 'object') collectBinders(v, out);
}

/** `e` (a fresh copy) with every type written as one of `params` (`A`) replaced by a copy of its type. */
function substTypeParams<T>(e: T, params: ReadonlyMap<string, TypeExpr>): T {
  if (!params.size) return e;
  const isParam = (o: unknown): o is TypeExpr & { k: 'path' } => {
    const n = o as { k?: string; segs?: string[]; args?: unknown[]; qself?: unknown };
    return !!o && typeof o === 'object' && n.k === 'path' && Array.isArray(n.segs) && n.segs.length === 1 && Array.isArray(n.args) && !n.args.length && !n.qself && params.has(n.segs[0]!);
  };
  const walk = (o: unknown): void => {
    if (!o || typeof o !== 'object') return;
    const entries = Array.isArray(o) ? o.map((v, i) => [i, v] as const) : Object.entries(o);
    for (const [k, v] of entries) {
      if (isParam(v)) (o as Record<string | number, unknown>)[k] = structuredClone(params.get(v.segs[0]!)!);
      else walk(v);
    }
  };
  walk(e);
  return e;
}

/** `e` (a fresh copy) with every one-segment path named in `rename` renamed. */
function renamePaths<T>(e: T, rename: ReadonlyMap<string, string>): T {
  if (!rename.size) return e;
  const walk = (o: unknown): void => {
    if (!o || typeof o !== 'object') return;
    if (Array.isArray(o)) {
      for (const x of o) walk(x);
      return;
    }
    const n = o as { k?: string; segs?: string[] };
    if (n.k === 'path' && Array.isArray(n.segs) && n.segs.length === 1 && rename.has(n.segs[0]!) && !('args' in n)) n.segs = [rename.get(n.segs[0]!)!];
    for (const v of Object.values(o)) if (v && typeof v === 'object') walk(v);
  };
  walk(e);
  return e;
}
