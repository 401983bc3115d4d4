// The external-trait phase, between the external-type and external-specification phases: traits
// Verus does not read, given their method declarations by a proxy trait, as Verus reads them.
//
//   #[verifier::external]                  #[verifier::external_trait_specification]
//   trait T<A> {                           trait ExT<A> {
//       fn f(&self, a: A) -> usize;            type ExternalTraitSpecificationFor: T<A>;
//   }                                          fn f(&self, a: A) -> (r: usize) ensures r > 7;
//                                          }
//
// The proxy's associated type (`ExternalTraitSpecificationFor`, or the one the attribute names) is
// bounded by the trait specified, with the proxy's own generic parameters in order. The two become
// one trait of the crate: `T`, where `T` is written, with the proxy's method declarations (their
// contracts, no bodies), associated types and supertraits. So impls of `T` are verified against
// the proxy's contracts and callers get them, by the trait phase (traits.ts), as for a trait written
// with them. A default body of `T`'s own is kept as a trusted (`external_body`) default: Verus does
// not verify an external trait's code. A method of `T` no proxy declares is not part of the trait
// (verified code cannot call it). Several proxies of one trait each give some of its methods.
//
// `#[verifier::external_trait_extension(TSpec via TSpecImpl)]` on a proxy adds its `spec fn`s that
// `T` does not declare. Verus makes `TSpec` (T with them) and `TSpecImpl` (where a type defines
// them): here both are `T` itself. A path or bound naming `TSpec` names `T`, and an `impl TSpecImpl
// for X` joins the crate's `impl T for X` (the two must have the same trait arguments); naming
// `TSpecImpl` anywhere else is Verus's error.
//
// Verus's errors (a proxy without the associated type, a body, generics or bounds that do not
// match, a duplicate method, a proxy of a trait the crate defines) are `error` items. A trait of the
// standard library (`core::iter::Iterator`), or one the crate does not have, makes the proxy
// `unsupported`. Every `external-trait` item is gone from the output: one without a specification
// is not visible to verified code, as before.
//
// Output: new `SourceFile`s (parse trees are shared between runs and never mutated).

import type { ExternalTraitItem, FnItem, Item, ParseDiagnostic, SourceFile, Sp, TraitImplItem, TraitItem } from './ast';
import { printType } from './printer';
import { STD_ROOTS, implKey, selfName } from './resolver';


/** What became of one external trait specified by proxies. */
interface Specified {
  target: ExternalTraitItem;
  trait: TraitItem;
  /** the extension's two trait names, both meaning the trait now */
  extension?: { spec: string; impl: string };
}

type Problem = { k: 'error' | 'unsupported'; message: string; sp: Sp };

export function isTraitProxy(it: Item): it is TraitItem & { externalSpec: NonNullable<TraitItem['externalSpec']> } {
  return it.k === 'trait' && !!it.externalSpec;
}

export function lowerExternalTraits(files: SourceFile[]): SourceFile[] {
  if (!files.some((f) => f.items.some((it) => it.k === 'external-trait' || isTraitProxy(it)))) return files;
  const externals = files.flatMap((f) => f.items.filter((it): it is ExternalTraitItem => it.k === 'external-trait'));
  const crateTraits = new Set(files.flatMap((f) => f.items.filter((it): it is TraitItem => it.k === 'trait' && !it.externalSpec).map((t) => t.name)));
  const proxies = files.flatMap((f) => f.items.filter(isTraitProxy));

  // each proxy: the external trait it specifies, or why not
  const problems = new Map<TraitItem, Problem>();
  const byTarget = new Map<ExternalTraitItem, TraitItem[]>();
  for (const p of proxies) {
    const r = targetOf(p, externals, crateTraits);
    if ('k' in r) problems.set(p, r);
    else byTarget.set(r.target, [...(byTarget.get(r.target) ?? []), p]);
  }
  const specified = new Map<ExternalTraitItem, Specified>();
  for (const [target, ps] of byTarget) {
    const merged = merge(target, ps);
    // (a problem of the proxies together is reported once, at the first)
    if ('k' in merged) problems.set(ps[0]!, merged);
    else specified.set(target, merged);
  }

  // the extension's names: `TSpec` is the trait; `TSpecImpl` only in `impl TSpecImpl for X`
  const renames = new Map<string, string>();
  const implNames = new Map<string, string>();
  for (const s of specified.values()) {
    if (!s.extension) continue;
    renames.set(s.extension.spec, s.trait.name);
    implNames.set(s.extension.impl, s.trait.name);
  }

  // the crate's impls of each specified trait (`TSpecImpl` ones join them)
  const implProblems = new Map<TraitImplItem, Problem>();
  const joined = new Map<TraitImplItem, TraitImplItem>();
  const absorbed = new Set<TraitImplItem>();
  // the impl each joined `impl TSpecImpl` joined, by `TSpecImpl|Type`: its methods see its associated types
  const partners = new Map<string, TraitImplItem>();
  for (const f of files) {
    for (const it of f.items) {
      if (it.k !== 'trait-impl' || !implNames.has(it.trait)) continue;
      const name = implNames.get(it.trait)!;
      const spec = [...specified.values()].find((s) => s.trait.name === name)!;
      const same = (x: TraitImplItem) => x.trait === name && printType(x.selfTy) === printType(it.selfTy);
      const partner = f.items.find((x): x is TraitImplItem => x.k === 'trait-impl' && same(x));
      const elsewhere = files.some((g) => g !== f && g.items.some((x) => x.k === 'trait-impl' && same(x)));
      if (!partner) {
        implProblems.set(it, elsewhere
          ? { k: 'unsupported', message: `an \`impl ${it.trait}\` in another file than its \`impl ${name}\``, sp: it.traitSp }
          : { k: 'error', message: `the trait bound \`${printType(it.selfTy)}: ${name}\` is not satisfied (required by \`${it.trait}\`)`, sp: it.traitSp });
        continue;
      }
      const args = (x: TraitImplItem) => x.traitArgs.map(printType).join(', ');
      if (args(partner) !== args(it) || partner.generics.join(',') !== it.generics.join(',')) {
        implProblems.set(it, { k: 'error', message: `${spec.extension!.spec} must have a matching impl: \`impl ${it.trait}\` and \`impl ${name}\` for \`${printType(it.selfTy)}\` differ in their generics`, sp: it.traitSp });
        continue;
      }
      // (an external impl of the trait gives none of its exec methods: only an extension's spec fns can be defined)
      if (partner.external && spec.trait.methods.some((m) => !isExtensionMethod(m, spec))) {
        implProblems.set(it, { k: 'unsupported', message: `an \`impl ${it.trait}\` joining an \`#[verifier::external]\` impl of \`${name}\`, whose methods are not read`, sp: it.traitSp });
        continue;
      }
      joined.set(partner, { ...partner, methods: [...partner.methods, ...it.methods], external: false });
      absorbed.add(it);
      partners.set(implKey(it.trait, selfName(it.selfTy)), partner);
    }
  }

  const unjoined = new Set([...implProblems.keys()].map((it) => implKey(it.trait, selfName(it.selfTy))));
  return files.map((f) => {
    const diagnostics: ParseDiagnostic[] = [...f.diagnostics];
    const report = (p: Problem, module: string[], what: string): Item => {
      if (p.k === 'unsupported') return { k: 'unsupported', what: p.message, sp: p.sp, module };
      const diagnostic = { message: p.message, sp: p.sp };
      diagnostics.push(diagnostic);
      return { k: 'error', what, diagnostic, sp: p.sp, module };
    };
    const items: Item[] = [];
    for (const it of f.items) {
      if (it.k === 'external-trait') {
        const s = specified.get(it);
        if (s) items.push(s.trait);
        continue;
      }
      if (isTraitProxy(it)) {
        const p = problems.get(it);
        if (p) items.push(report(p, it.module, `external_trait_specification ${it.name}`));
        continue;
      }
      // (the methods of an `impl TSpecImpl` that could not join: reported by the impl)
      if (it.k === 'fn' && it.traitImpl && implNames.has(it.traitImpl.trait) && unjoined.has(`${it.traitImpl.trait}|${it.selfType}`)) continue;
      if (it.k === 'trait-impl' && implProblems.has(it)) {
        items.push(report(implProblems.get(it)!, it.module, `impl ${it.trait} for ${printType(it.selfTy)}`));
        continue;
      }
      if (it.k === 'trait-impl' && absorbed.has(it)) continue;
      const item = it.k === 'trait-impl' ? joined.get(it) ?? it : it;
      const direct = renames.size || implNames.size ? directUse(item, implNames) : null;
      if (direct) {
        items.push(report({ k: 'error', message: `cannot use trait \`${direct.name}\` directly; use \`${[...specified.values()].find((s) => s.extension?.impl === direct.name)!.extension!.spec}\` instead`, sp: direct.sp }, it.module, `use of ${direct.name}`));
        continue;
      }
      const partner = it.k === 'fn' && it.traitImpl ? partners.get(`${it.traitImpl.trait}|${it.selfType}`) : undefined;
      // (the joined method belongs to the partner impl: its associated types, its place)
      const withAssoc = partner && it.k === 'fn' && it.traitImpl ? { ...it, implAssocTypes: partner.assocTypes, traitImpl: { ...it.traitImpl, implStart: partner.sp.start } } : item;
      items.push(renames.size || implNames.size ? renamed(withAssoc, renames, implNames) : withAssoc);
    }
    return { ...f, items, diagnostics };
  });
}

/** The external trait a proxy specifies, or why there is none. */
function targetOf(p: TraitItem & { externalSpec: NonNullable<TraitItem['externalSpec']> }, externals: readonly ExternalTraitItem[], crateTraits: ReadonlySet<string>): { target: ExternalTraitItem } | Problem {
  const assoc = p.assocTypes.find((a) => a.name === p.externalSpec.forAssoc);
  if (!assoc) return { k: 'error', message: `trait must declare a type ${p.externalSpec.forAssoc}`, sp: p.externalSpec.sp };
  const bound = assoc.bounds.length === 1 ? assoc.bounds[0]! : null;
  if (!bound || bound.maybe || bound.fnSig || bound.name === '?') return { k: 'unsupported', message: `\`type ${assoc.name}\` of \`${p.name}\` is not bounded by one trait`, sp: assoc.sp };
  const path = bound.root ? `${bound.root}::..::${bound.name}` : bound.name;
  if (bound.root && STD_ROOTS.has(bound.root)) return { k: 'unsupported', message: `a specification of the standard library's trait \`${path}\``, sp: bound.sp };
  if (crateTraits.has(bound.name)) return { k: 'error', message: `duplicate specification for trait \`${bound.name}\`: it is not \`#[verifier::external]\``, sp: bound.sp };
  const found = externals.filter((e) => e.trait.name === bound.name);
  if (!found.length) return { k: 'unsupported', message: `a specification of \`${path}\`, which is not an \`#[verifier::external]\` trait of the crate`, sp: bound.sp };
  if (found.length > 1) return { k: 'unsupported', message: `a specification of \`${bound.name}\`, an external trait defined ${found.length} times`, sp: bound.sp };
  const target = found[0]!;
  // the proxy's own parameters, in order (Verus's error otherwise)
  const args = bound.args ?? [];
  const identity = (bound.hasArgs ? !!bound.args : true) && !bound.assocEq && args.length === p.generics.length && args.every((a, i) => a.k === 'path' && a.segs.length === 1 && a.args.length === 0 && a.name === p.generics[i]!.name);
  if (!identity || target.trait.generics.length !== p.generics.length) return { k: 'error', message: 'expected generics to match', sp: bound.sp };
  for (const [i, mine] of p.generics.entries()) {
    const theirs = target.trait.generics[i]!;
    const names = (g: typeof mine) => g.bounds.map((b) => b.name).sort().join(',');
    if (mine.kind !== theirs.kind || names(mine) !== names(theirs)) return { k: 'error', message: 'external_trait_specification trait bound mismatch', sp: mine.sp };
  }
  return { target };
}

/** The trait the proxies `ps` of `target` make, or Verus's error. */
function merge(target: ExternalTraitItem, ps: readonly TraitItem[]): Specified | Problem {
  const ext = target.trait;
  const extension = ps.find((p) => p.externalSpec?.extension)?.externalSpec?.extension;
  if (ps.length > 1 && ps.some((p) => p.generics.map((g) => g.name).join(',') !== ps[0]!.generics.map((g) => g.name).join(','))) {
    return { k: 'unsupported', message: `specifications of \`${ext.name}\` that name its generic parameters differently`, sp: ps[1]!.sp };
  }
  if (ps.filter((p) => p.externalSpec?.extension).length > 1) return { k: 'unsupported', message: `two extensions of \`${ext.name}\``, sp: ps[1]!.sp };
  const methods: FnItem[] = [];
  for (const p of ps) {
    for (const m of p.methods) {
      if (m.body) return { k: 'error', message: '`external_trait_specification` functions cannot have bodies', sp: m.nameSp };
      if (methods.some((x) => x.name === m.name)) return { k: 'error', message: `duplicate method \`${m.name}\` in the specifications of \`${ext.name}\``, sp: m.nameSp };
      const own = ext.methods.find((x) => x.name === m.name);
      if (!own) {
        if (p.externalSpec?.extension && m.mode === 'spec') {
          methods.push({ ...m, selfType: ext.name });
          continue;
        }
        return { k: 'error', message: `method \`${m.name}\` is not a member of trait \`${ext.name}\``, sp: m.nameSp };
      }
      if (own.params.length !== m.params.length || own.params.some((x, i) => x.isSelf !== m.params[i]!.isSelf)) return { k: 'error', message: `method \`${m.name}\` has ${m.params.length} parameter(s) but the declaration in trait \`${ext.name}\` has ${own.params.length}`, sp: m.nameSp };
      if (own.mode !== m.mode) return { k: 'error', message: `method \`${m.name}\`: mode ${m.mode} where \`${ext.name}\` declares ${own.mode}`, sp: m.nameSp };
      if (!own.body) {
        methods.push({ ...m, selfType: ext.name });
        continue;
      }
      // the external trait's default body, trusted: its parameters must be the proxy's names
      if (own.params.some((x, i) => x.name !== m.params[i]!.name)) return { k: 'unsupported', message: `method \`${m.name}\`: a default body of \`${ext.name}\` whose parameters the specification names differently`, sp: m.nameSp };
      methods.push({ ...m, selfType: ext.name, body: own.body, attrs: [...m.attrs, 'verifier::external_body'], attrSps: [...(m.attrSps ?? m.attrs.map(() => m.nameSp)), m.nameSp] });
    }
  }
  // the associated types: the proxies' (without the one naming the trait), which must be the trait's
  const assocTypes = ps.flatMap((p) => p.assocTypes.filter((a) => a.name !== p.externalSpec!.forAssoc));
  const unknown = ext.assocTypes.find((a) => !assocTypes.some((b) => b.name === a.name));
  if (unknown) return { k: 'error', message: `Verus does not recognize associated type \`${unknown.name}\` of trait \`${ext.name}\``, sp: ps[0]!.sp };
  const extra = assocTypes.find((a) => !ext.assocTypes.some((b) => b.name === a.name));
  if (extra) return { k: 'error', message: `type \`${extra.name}\` is not a member of trait \`${ext.name}\``, sp: extra.sp };
  const unique = assocTypes.filter((a, i) => assocTypes.findIndex((b) => b.name === a.name) === i);
  const first = ps[0]!;
  const unsupported = ps.find((p) => p.unsupported)?.unsupported ?? ext.unsupported;
  const trait: TraitItem = {
    k: 'trait', name: ext.name, methods, supertraits: first.supertraits, assocTypes: unique, generics: first.generics,
    ...(unsupported ? { unsupported } : {}), sp: ext.sp, module: target.module, ...(ext.vis ? { vis: ext.vis } : {}), ...(ext.unsafeSp ? { unsafeSp: ext.unsafeSp } : {}),
  };
  return { target, trait, ...(extension ? { extension: { spec: extension.spec, impl: extension.impl } } : {}) };
}

function isExtensionMethod(m: FnItem, s: Specified): boolean {
  return !!s.extension && !s.target.trait.methods.some((x) => x.name === m.name);
}

/** A node's trait-name slots: a path's segments, a bound's name, a qualified path's trait. */
function traitNameSlots(o: Record<string, unknown>): { key: 'segs' | 'name' | 'trait'; holder: Record<string, unknown> }[] {
  const out: { key: 'segs' | 'name' | 'trait'; holder: Record<string, unknown> }[] = [];
  if (o.k === 'path' && Array.isArray(o.segs)) out.push({ key: 'segs', holder: o });
  // (a type's path also has its last segment as `name`)
  if (o.k === 'path' && typeof o.name === 'string') out.push({ key: 'name', holder: o });
  // a trait bound (`A: TSpec`), `<X as TSpec>::f` in an expression
  if ('hasArgs' in o && typeof o.name === 'string' && 'maybe' in o) out.push({ key: 'name', holder: o });
  if (o.asTrait && typeof o.asTrait === 'object') out.push({ key: 'name', holder: o.asTrait as Record<string, unknown> });
  if (o.qself && typeof o.qself === 'object') out.push({ key: 'trait', holder: o.qself as Record<string, unknown> });
  return out;
}

/** The first place `it` names an extension's `TSpecImpl` other than in `impl TSpecImpl for X` (already joined). */
function directUse(it: Item, implNames: ReadonlyMap<string, string>): { name: string; sp: Sp } | null {
  let found: { name: string; sp: Sp } | null = null;
  const visit = (node: unknown, sp: Sp): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((n) => visit(n, sp));
    const o = node as Record<string, unknown>;
    const here = (o.sp as Sp | undefined) ?? sp;
    for (const { key, holder } of traitNameSlots(o)) {
      const v = holder[key];
      const names = Array.isArray(v) ? v : [v];
      const hit = names.find((n) => typeof n === 'string' && implNames.has(n));
      if (hit) found = { name: hit as string, sp: here };
    }
    for (const [key, v] of Object.entries(o)) if (key !== 'sp' && key !== 'traitImpl') visit(v, here);
  };
  // (the impl's own header is `impl T`, after joining; its methods' `traitImpl` is renamed)
  if (it.k === 'trait-impl') return null;
  visit(it, it.sp);
  return found;
}

/** `it` with the extension's trait names (`TSpec`, and `TSpecImpl` in an impl's methods) replaced by the trait's; the same object when none occurs. */
function renamed<T extends Item>(it: T, renames: ReadonlyMap<string, string>, implNames: ReadonlyMap<string, string>): T {
  const swap = (n: unknown): unknown => (typeof n === 'string' ? renames.get(n) ?? n : n);
  const map = (node: unknown): unknown => {
    if (!node || typeof node !== 'object') return node;
    if (Array.isArray(node)) {
      const out = node.map(map);
      return out.some((x, i) => x !== node[i]) ? out : node;
    }
    const o = node as Record<string, unknown>;
    let copy: Record<string, unknown> | null = null;
    for (const [key, v] of Object.entries(o)) {
      if (key === 'sp') continue;
      const nv = map(v);
      if (nv !== v) (copy ??= { ...o })[key] = nv;
    }
    const cur = copy ?? o;
    for (const { key, holder } of traitNameSlots(cur)) {
      const v = holder[key];
      const nv = Array.isArray(v) ? (v.some((x) => renames.has(x as string)) ? v.map(swap) : v) : swap(v);
      if (nv === v) continue;
      if (holder === cur) (copy ??= { ...o })[key] = nv;
      else {
        const field = Object.entries(cur).find(([, x]) => x === holder)![0];
        (copy ??= { ...o })[field] = { ...holder, [key]: nv };
      }
    }
    return copy ?? o;
  };
  const out = map(it) as T;
  if (out.k === 'fn' && out.traitImpl && implNames.has(out.traitImpl.trait)) return { ...out, traitImpl: { ...out.traitImpl, trait: implNames.get(out.traitImpl.trait)! } };
  return out;
}
