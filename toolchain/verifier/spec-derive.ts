// The spec-derive phase, first after parsing: vstd's attribute macros `#[make_spec_type]` and
// `#[self_view]` (vstd::contrib::spec_derive), expanded into ordinary items as the macros expand
// into Rust items in Verus.
//
//   #[make_spec_type(exclude(y))]          pub struct SSpec { pub x: u32, pub z: Seq<u8> }
//   pub struct S {                   =>    impl DeepView for S { type V = SSpec;
//       pub x: u32,                            open spec fn deep_view(&self) -> SSpec {
//       pub y: String,                             SSpec { x: self.x.deep_view(), z: self.z.deep_view() } } }
//       pub z: Vec<u8>,                    impl View for S { type V = SSpec;
//   }                                          open spec fn view(&self) -> SSpec { self.deep_view() } }
//
// Each field of the spec type has its type's deep view: integers, `bool` and `char` themselves,
// `String` / `str` `Seq<char>`, a reference, `Box`, `Rc` or `Arc` its target's, `Vec`, slices and
// arrays a `Seq` of their elements', tuples and `Option` theirs, `HashMap<K, V>` a
// `Map<K's, V's>`, a datatype of the crate marked `#[make_spec_type]` its `..Spec` type and one
// marked `#[self_view]` itself. Enums get an enum of the same variants, tuple and unit structs
// structs of the same form. `#[make_spec_type(closed)]` makes `deep_view` closed (a type with
// private fields). `#[self_view]` makes `view` and `deep_view` the value itself.
//
// The macro's errors are `error` items at the attribute: an option other than `exclude(..)` and
// `closed`, excluding a field the struct lacks, generic type parameters (lifetimes are fine), a
// type that contains itself, and a field of a crate type without a derived deep view (rustc's
// unsatisfied `DeepView` bound). A field type whose deep view is not derived here (another
// library type, a type parameter, a crate type whose `DeepView` impl is written by hand) leaves
// the datatype `unsupported`.
//
// The generated items are read by the parser from the text the macro would write; every span in
// them is the attribute's. Output: new `SourceFile`s (parse trees are shared between runs and
// never mutated); no `specDerive` is read after this phase.

import type { EnumItem, Item, SourceFile, StructItem, TypeExpr } from './ast';
import { parseGenerated } from './parser';

type Derived = StructItem | EnumItem;

/** A field type's deep view as Verus source, or why there is none. */
type DeepViewType = { text: string } | { error: string } | { unsupported: string };

const SELF_VIEW_PRIMITIVES: ReadonlySet<string> = new Set(['u8', 'u16', 'u32', 'u64', 'u128', 'usize', 'i8', 'i16', 'i32', 'i64', 'i128', 'isize', 'int', 'nat', 'bool', 'char']);
const TRANSPARENT_WRAPPERS: ReadonlySet<string> = new Set(['Box', 'Rc', 'Arc']);

export function lowerSpecDerive(files: SourceFile[]): SourceFile[] {
  const derived = files.flatMap((f) => f.items.filter((it): it is Derived => (it.k === 'struct' || it.k === 'enum') && !!it.specDerive));
  if (!derived.length) return files;
  const byName = new Map(derived.map((d) => [d.name, d]));
  const handWritten = new Set(files.flatMap((f) => f.items.flatMap((it) => (it.k === 'trait-impl' && it.trait === 'DeepView' && it.selfTy.k === 'path' ? [it.selfTy.name] : []))));
  const crateTypes = new Set(files.flatMap((f) => f.items.flatMap((it) => (it.k === 'struct' || it.k === 'enum' ? [it.name] : it.k === 'external-type' ? [it.dt.name] : []))));
  const context: DeriveContext = { byName, handWritten, crateTypes };
  return files.map((f) => {
    if (!f.items.some((it) => (it.k === 'struct' || it.k === 'enum') && it.specDerive)) return f;
    const items: Item[] = [];
    for (const it of f.items) {
      items.push(it);
      if ((it.k === 'struct' || it.k === 'enum') && it.specDerive) items.push(...expand(it, context));
    }
    return { ...f, items };
  });
}

interface DeriveContext {
  byName: ReadonlyMap<string, Derived>;
  handWritten: ReadonlySet<string>;
  crateTypes: ReadonlySet<string>;
}

function expand(dt: Derived, cx: DeriveContext): Item[] {
  const attr = dt.specDerive!;
  const sp = attr.sp;
  const fail = (message: string): Item[] => [{ k: 'error', what: 'attribute', diagnostic: { message, sp }, sp, module: dt.module }];
  const unsupported = (what: string): Item[] => [{ k: 'unsupported', what, sp, module: dt.module }];
  if (dt.generics.length) return fail(`\`#[${attr.kind}]\` does not support generic type parameters (\`${dt.name}<${dt.generics.join(', ')}>\`)`);
  if (attr.kind === 'self_view') {
    if (attr.args) return fail('`#[self_view]` takes no arguments');
    return parseGenerated(selfViewText(dt.name), sp, dt.module, 'attribute', '`#[self_view]`');
  }
  const options = parseOptions(attr.args);
  if ('error' in options) return fail(options.error);
  const fieldsOf = (fs: { name: string; ty: TypeExpr }[]) => fs;
  if (options.exclude.length && dt.k === 'enum') return fail('`exclude(..)` names fields of a struct');
  if (dt.k === 'struct') {
    for (const x of options.exclude) if (!dt.fields.some((fl) => fl.name === x)) return fail(`Field '${x}' does not exist and cannot be excluded`);
  }
  const allFields = dt.k === 'struct' ? fieldsOf(dt.fields) : dt.variants.flatMap((v) => fieldsOf(v.fields));
  const kept = allFields.filter((fl) => !options.exclude.includes(fl.name));
  const types = new Map<TypeExpr, string>();
  for (const fl of kept) {
    const dv = deepViewType(fl.ty, dt.name, cx);
    if ('error' in dv) return fail(dv.error);
    if ('unsupported' in dv) return unsupported(`\`#[make_spec_type]\` on \`${dt.name}\`: ${dv.unsupported}`);
    types.set(fl.ty, dv.text);
  }
  const spec = `${dt.name}Spec`;
  const vis = dt.vis?.k === 'pub' ? 'pub ' : '';
  const openness = options.closed ? 'closed' : 'open';
  let typeText: string;
  let body: string;
  if (dt.k === 'struct') {
    const fields = dt.fields.filter((fl) => !options.exclude.includes(fl.name));
    if (dt.unit) {
      typeText = `${vis}struct ${spec};`;
      body = spec;
    } else if (dt.tupleLike) {
      typeText = `${vis}struct ${spec}(${fields.map((fl) => `pub ${types.get(fl.ty)}`).join(', ')});`;
      body = `${spec}(${fields.map((fl) => `self.${fl.name}.deep_view()`).join(', ')})`;
    } else {
      typeText = `${vis}struct ${spec} { ${fields.map((fl) => `pub ${fl.name}: ${types.get(fl.ty)}`).join(', ')} }`;
      body = `${spec} { ${fields.map((fl) => `${fl.name}: self.${fl.name}.deep_view()`).join(', ')} }`;
    }
  } else {
    const variantText = dt.variants.map((v) => {
      if (!v.fields.length) return v.name;
      if (v.tupleLike) return `${v.name}(${v.fields.map((fl) => types.get(fl.ty)).join(', ')})`;
      return `${v.name} { ${v.fields.map((fl) => `${fl.name}: ${types.get(fl.ty)}`).join(', ')} }`;
    });
    typeText = `${vis}enum ${spec} { ${variantText.join(', ')} }`;
    const arms = dt.variants.map((v) => {
      if (!v.fields.length) return `${dt.name}::${v.name} => ${spec}::${v.name}`;
      const binders = v.fields.map((_, i) => `__dv${i}`);
      if (v.tupleLike) return `${dt.name}::${v.name}(${binders.join(', ')}) => ${spec}::${v.name}(${binders.map((b) => `${b}.deep_view()`).join(', ')})`;
      return `${dt.name}::${v.name} { ${v.fields.map((fl, i) => `${fl.name}: ${binders[i]}`).join(', ')} } => ${spec}::${v.name} { ${v.fields.map((fl, i) => `${fl.name}: ${binders[i]}.deep_view()`).join(', ')} }`;
    });
    body = `match self { ${arms.join(', ')} }`;
  }
  const text =
    `${typeText}\n` +
    `impl DeepView for ${dt.name} { type V = ${spec}; ${openness} spec fn deep_view(&self) -> ${spec} { ${body} } }\n` +
    `impl View for ${dt.name} { type V = ${spec}; open spec fn view(&self) -> ${spec} { self.deep_view() } }\n`;
  return parseGenerated(text, sp, dt.module, 'attribute', `\`#[${dt.specDerive!.kind}]\``);
}

function selfViewText(name: string): string {
  return `impl View for ${name} { type V = ${name}; open spec fn view(&self) -> ${name} { *self } }\n` + `impl DeepView for ${name} { type V = ${name}; open spec fn deep_view(&self) -> ${name} { *self } }\n`;
}

/** `(exclude(a, b), closed)` as written after `make_spec_type`, without whitespace. */
function parseOptions(args: string): { exclude: string[]; closed: boolean } | { error: string } {
  const out = { exclude: [] as string[], closed: false };
  if (!args) return out;
  const inner = /^\((.*)\)$/.exec(args)?.[1];
  if (inner === undefined) return { error: `\`#[make_spec_type${args}]\`: expected \`(exclude(..))\` or \`(closed)\`` };
  for (const option of inner.match(/[a-z_]+(\([^)]*\))?/g) ?? []) {
    const m = /^([a-z_]+)(?:\(([^)]*)\))?$/.exec(option)!;
    if (m[1] === 'closed' && m[2] === undefined) out.closed = true;
    else if (m[1] === 'exclude' && m[2] !== undefined) out.exclude.push(...m[2].split(',').filter(Boolean));
    else return { error: `unknown option \`${option}\` of \`#[make_spec_type]\` (expected \`exclude(..)\` or \`closed\`)` };
  }
  return out;
}

/** The deep view of a field's type, as Verus source (`self` is the datatype being derived). */
function deepViewType(t: TypeExpr, self: string, cx: DeriveContext): DeepViewType {
  const each = (ts: TypeExpr[], wrap: (parts: string[]) => string): DeepViewType => {
    const parts: string[] = [];
    for (const x of ts) {
      const dv = deepViewType(x, self, cx);
      if (!('text' in dv)) return dv;
      parts.push(dv.text);
    }
    return { text: wrap(parts) };
  };
  switch (t.k) {
    case 'ref':
      return deepViewType(t.inner, self, cx);
    case 'slice':
    case 'array':
      return each([t.elem], ([e]) => `Seq<${e}>`);
    case 'tuple':
      return each(t.elems, (parts) => (parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`));
    case 'path': {
      const name = t.segs[t.segs.length - 1]!;
      if (t.qself || t.segs.length > 1) return { unsupported: `a field of type \`${t.segs.join('::')}\`` };
      if (name === self) return { error: `\`#[make_spec_type]\` does not support a type that contains itself (\`${self}\`)` };
      if (!t.args.length && SELF_VIEW_PRIMITIVES.has(name)) return { text: name };
      if (!t.args.length && (name === 'String' || name === 'str')) return { text: 'Seq<char>' };
      if (t.args.length === 1 && TRANSPARENT_WRAPPERS.has(name)) return deepViewType(t.args[0]!, self, cx);
      if (t.args.length === 1 && name === 'Vec') return each(t.args, ([e]) => `Seq<${e}>`);
      if (t.args.length === 1 && name === 'Option') return each(t.args, ([e]) => `Option<${e}>`);
      if (t.args.length === 2 && name === 'HashMap') return each(t.args, ([k, v]) => `Map<${k}, ${v}>`);
      const marked = cx.byName.get(name);
      if (marked && !t.args.length) return { text: marked.specDerive!.kind === 'self_view' ? name : `${name}Spec` };
      if (cx.crateTypes.has(name) && !cx.handWritten.has(name)) return { error: `the trait bound \`${name}: DeepView\` is not satisfied (a field's type needs a deep view: \`#[make_spec_type]\` or \`#[self_view]\` on \`${name}\`)` };
      return { unsupported: `a field of type \`${name}\` (its deep view is not derived here)` };
    }
    default:
      return { unsupported: `a field of this type (\`${t.k}\`)` };
  }
}
