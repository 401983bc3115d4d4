// The external-type phase, between parsing and the external-specification phase: datatypes Verus
// does not read, given a specification by a proxy, as Verus reads them.
//
//   #[verifier::external]                      #[verifier::external_type_specification]
//   struct Foo<T> { t: T }                     struct ExFoo<T>(Foo<T>);
//
// A proxy is a tuple struct with one field, whose type names the datatype specified with the
// proxy's own generic parameters, in order. The datatype is an `#[verifier::external]` struct or
// enum of the crate, or the standard library's `Option` (which the verifier already knows: the
// proxy only has to be well-formed, and is vstd's duplicate when the crate uses vstd).
//
// - Without `#[verifier::external_body]` on the proxy, the datatype becomes transparent: a
//   datatype of the crate as written (its fields must be as visible as it is).
// - With it, the datatype becomes opaque: an `external_body` datatype, whose values only trusted
//   code builds or reads (check/checker.ts), with the proxy's `reject_recursive_types` /
//   `accept_recursive_types` attributes, renamed to the datatype's own parameters.
//
// Verus's errors (a mode, an enum or a field that is not one type, generics or bounds that do not
// match, less visibility, private fields of a transparent datatype, a builtin type, two
// specifications of one type) are `error` items. A datatype we cannot see (another type of the
// standard library, a path we do not follow, lifetimes, which the parser does not keep) makes the
// crate `unsupported`. Every `external-type` item is gone from the output: one without a
// specification is not visible to verified code, which then cannot name it (its name is in the
// file's `ignoredTypes`, for Verus's error where verified code does).
//
// Output: new `SourceFile`s (parse trees are shared between runs and never mutated).

import { hasExternalBody, hasVerifierAttr, parseAttr } from '../syntax/attributes';
import type { EnumItem, ExternalTypeItem, Item, ParseDiagnostic, SourceFile, Sp, StructItem, TypeExpr } from './ast';
import { scopeOf, within } from './check/visibility';
import { STD_ROOTS } from './resolver';

/** Verus's own types, which no proxy may specify. */
const VERUS_BUILTIN_TYPES: ReadonlySet<string> = new Set(['int', 'nat', 'Ghost', 'Tracked', 'FnSpec']);

/** The recursion attributes a proxy passes on to an opaque datatype. */
const POLARITY = /^(?:verifier::|verifier\()?(accept_recursive_types|reject_recursive_types|reject_recursive_types_in_ground_variants)\((\w+)\)\)?$/;

type Decision =
  /** `dt` replaces the external datatype `target` (same file, same place) */
  | { k: 'specify'; target: ExternalTypeItem; dt: StructItem | EnumItem }
  /** a proxy of a type the verifier already knows (`Option`): nothing changes */
  | { k: 'known' }
  | { k: 'error'; message: string; sp: Sp }
  | { k: 'unsupported'; what: string; sp: Sp };

export function isTypeProxy(it: Item): it is StructItem | EnumItem {
  return (it.k === 'struct' || it.k === 'enum') && hasVerifierAttr(it.attrs, 'external_type_specification');
}

export function lowerExternalTypes(files: SourceFile[], isLibrary: (file: string) => boolean): SourceFile[] {
  if (!files.some((f) => f.items.some((it) => it.k === 'external-type' || isTypeProxy(it)))) return files;
  const externals = files.flatMap((f) => f.items.filter((it): it is ExternalTypeItem => it.k === 'external-type'));
  const usesLibrary = files.some((f) => isLibrary(f.path));
  /** the datatypes already specified, by a display name (two specifications are Verus's error) */
  const specified = new Set<string>();

  const decide = (p: StructItem | EnumItem, text: string): Decision => {
    const nameSp = p.sp;
    if (p.dataMode) return { k: 'error', message: 'external_type_specification can only be used with exec types', sp: nameSp };
    const field = p.k === 'struct' && p.tupleLike && p.fields.length === 1 ? p.fields[0]! : null;
    if (!field) return { k: 'error', message: '`external_type_specification` proxy type should use a struct with a single field to declare the external type (even if the external type is an enum)', sp: nameSp };
    const target = field.ty;
    if (target.k !== 'path') return { k: 'unsupported', what: 'an `external_type_specification` of a type that is not a named datatype', sp: field.sp };
    if (VERUS_BUILTIN_TYPES.has(target.name) && target.segs.length === 1) return { k: 'error', message: 'cannot apply `external_type_specification` to Verus verus_builtin types', sp: field.sp };
    // (lifetime parameters are not kept by the parser: whether they match is not known here)
    if (/'[A-Za-z_]/.test(text.slice(p.sp.start, p.sp.end).replace(/'(\\.|[^'\\])'/g, ''))) return { k: 'unsupported', what: 'an `external_type_specification` with lifetime parameters', sp: nameSp };
    const params = p.genericParams ?? [];
    const identity = target.args.length === params.length && target.args.every((a, i) => a.k === 'path' && a.segs.length === 1 && a.args.length === 0 && a.name === params[i]!.name);
    const mismatch: Decision = { k: 'error', message: 'expected generics to match', sp: field.sp };
    const proxyScope = scopeOf(p.vis, p.module);
    const opaque = hasExternalBody(p.attrs);

    const std = STD_ROOTS.has(target.segs[0]!);
    if (target.name === 'Option' && (target.segs.length === 1 || (std && target.segs.length === 3 && target.segs[1] === 'option'))) {
      const display = 'core::option::Option';
      if (usesLibrary || specified.has(display)) return { k: 'error', message: `duplicate specification for \`${display}\``, sp: nameSp };
      if (proxyScope !== null) return { k: 'error', message: '`external_type_specification` proxy type should be visible to the external type', sp: nameSp };
      if (params.length !== 1 || !identity) return mismatch;
      if (opaque) {
        const polarity = polarityOf(p);
        if (polarity.size < params.length) return { k: 'error', message: 'in external_body datatype, each type parameter must be one of: #[verifier::reject_recursive_types], #[verifier::reject_recursive_types_in_ground_variants], #[verifier::accept_recursive_types]', sp: nameSp };
        return { k: 'unsupported', what: 'an `external_body` specification of `Option` (the verifier knows its variants)', sp: nameSp };
      }
      specified.add(display);
      return { k: 'known' };
    }
    if (std) return { k: 'unsupported', what: `an \`external_type_specification\` of \`${target.segs.join('::')}\` (a type of Rust's standard library that the verifier's library does not specify)`, sp: field.sp };

    const module = target.segs[0] === 'crate' ? target.segs.slice(1, -1) : [...p.module, ...target.segs.slice(0, -1)];
    const ext = externals.find((e) => e.dt.name === target.name && e.module.join('::') === module.join('::'));
    if (!ext) return { k: 'unsupported', what: `an \`external_type_specification\` of \`${target.segs.join('::')}\`, which is not an \`#[verifier::external]\` datatype of the crate`, sp: field.sp };
    const display = [...ext.module, ext.dt.name].join('::');
    if (specified.has(display)) return { k: 'error', message: `duplicate specification for \`${display}\``, sp: nameSp };
    const extParams = ext.dt.genericParams ?? [];
    if (!identity || extParams.length !== params.length) return mismatch;
    for (let i = 0; i < params.length; i++) {
      const [mine, theirs] = [params[i]!, extParams[i]!];
      if (mine.kind !== theirs.kind) return mismatch;
      if (mine.kind === 'const' && !sameNamedType(mine.constTy, theirs.constTy)) return { k: 'error', message: `the const parameter \`${mine.name}\` is not of type of the datatype's`, sp: mine.sp };
      const names = (g: typeof mine) => g.bounds.map((b) => b.name).sort().join(',');
      if (names(mine) !== names(theirs)) return { k: 'error', message: 'trait bounds should match', sp: mine.sp };
    }
    const extScope = scopeOf(ext.dt.vis, ext.module);
    if (!within(extScope, proxyScope)) return { k: 'error', message: '`external_type_specification` proxy type should be visible to the external type', sp: nameSp };
    if (!opaque && ext.dt.k === 'struct' && ext.dt.fields.some((f) => !within(extScope, scopeOf(f.vis, ext.module)))) {
      return { k: 'error', message: "external_type_specification: private fields not supported for transparent datatypes (try 'external_body' instead?)", sp: nameSp };
    }
    specified.add(display);
    const attrs = (ext.dt.attrs ?? []).filter((a) => parseAttr(a).name !== 'external');
    if (opaque) attrs.push('verifier::external_body');
    // the proxy's polarity attributes, on the datatype's own parameter names (a transparent
    // datatype's too: `reject_recursive_types(U)` makes its uses with the user's type non-positive)
    for (const [name, kind] of polarityOf(p)) {
      const i = params.findIndex((g) => g.name === name);
      if (i >= 0) attrs.push(`verifier::${kind}(${extParams[i]!.name})`);
    }
    return { k: 'specify', target: ext, dt: { ...ext.dt, attrs } };
  };

  const decisions = new Map<Item, Decision>();
  for (const f of files) for (const it of f.items) if (isTypeProxy(it)) decisions.set(it, decide(it, f.text));
  const replacement = new Map<ExternalTypeItem, StructItem | EnumItem>();
  for (const d of decisions.values()) if (d.k === 'specify') replacement.set(d.target, d.dt);

  return files.map((f) => {
    if (!f.items.some((it) => it.k === 'external-type' || decisions.has(it))) return f;
    const diagnostics: ParseDiagnostic[] = [...f.diagnostics];
    const items: Item[] = [];
    const ignoredTypes: string[] = [...(f.ignoredTypes ?? [])];
    for (const it of f.items) {
      if (it.k === 'external-type') {
        const dt = replacement.get(it);
        if (dt) items.push(dt);
        else ignoredTypes.push(it.dt.name);
        continue;
      }
      const d = decisions.get(it);
      if (!d) {
        items.push(it);
        continue;
      }
      if (d.k === 'error') {
        const diagnostic = { message: d.message, sp: d.sp };
        diagnostics.push(diagnostic);
        items.push({ k: 'error', what: `external_type_specification ${(it as StructItem | EnumItem).name}`, diagnostic, sp: it.sp, module: it.module });
      }
      else if (d.k === 'unsupported') items.push({ k: 'unsupported', what: d.what, sp: d.sp, module: it.module, crate: true });
      // (a proxy that specified its datatype is gone: verified code may not name it)
    }
    return { ...f, items, diagnostics, ...(ignoredTypes.length ? { ignoredTypes } : {}) };
  });
}

/** A proxy's recursion attributes: parameter name -> attribute. */
function polarityOf(p: StructItem | EnumItem): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of p.attrs ?? []) {
    const m = POLARITY.exec(a);
    if (m) out.set(m[2]!, m[1]!);
  }
  return out;
}

/** Whether two const parameters' types are the same (`u8`, `usize`: named, without arguments). */
function sameNamedType(a: TypeExpr | undefined, b: TypeExpr | undefined): boolean {
  return a?.k === 'path' && b?.k === 'path' && a.args.length === 0 && b.args.length === 0 && a.segs.join('::') === b.segs.join('::');
}
