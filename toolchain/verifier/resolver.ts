// Name resolution and semantic types. All files passed form one crate namespace; paths resolve by
// their last segment (`crate::mm::Frame` -> `Frame`), and a name defined twice is an error at its
// use, never a guess.

import { printType } from './printer';
import { someNode, isTraitMethodDeclaration } from './ast';
import type { BroadcastGroupItem, ConstItem, EnumItem, Expr, FnItem, GenericParam, GlobalLayoutItem, GlobalSizeItem, Item, Param, SourceFile, Sp, StructItem, TraitImplItem, TrackedModes, TraitItem, TypeExpr } from './ast';

export type IntKind = 'int' | 'nat' | 'u8' | 'u16' | 'u32' | 'u64' | 'u128' | 'usize' | 'i8' | 'i16' | 'i32' | 'i64' | 'i128' | 'isize';

export type Ty =
  | { k: 'int'; kind: IntKind }
  | { k: 'bool' }
  /** A Unicode scalar value (its code point: 0..=0x10FFFF without the surrogates 0xD800..=0xDFFF). */
  | { k: 'char' }
  /** `str` (a `&str` is one, references are erased): an uninterpreted sort; its view is the library's `str::view` */
  | { k: 'str' }
  /** Verus's `real` (spec only): the mathematical reals */
  | { k: 'real' }
  | { k: 'struct'; name: string; /** generic arguments, one per generic parameter of the struct */ args: Ty[] }
  | { k: 'enum'; name: string; args: Ty[] } // user enums and Option<T>
  | { k: 'seq'; elem: Ty }
  /**
   * `[T; N]`: a length fixed by the type, a number or a const generic parameter's name; `[T]` (a
   * slice, always behind a reference, which the resolver erases): `len` null, each value has its own
   */
  | { k: 'array'; elem: Ty; len: ArrayLen }
  | { k: 'set'; elem: Ty }
  | { k: 'map'; key: Ty; val: Ty }
  | { k: 'tuple'; elems: Ty[] }
  /** `spec_fn(A, B) -> C`: a mathematical function (total: its value at every argument) */
  | { k: 'fn'; params: Ty[]; ret: Ty }
  /** An exec closure's own type (one per closure expression, `id`), called with `params`, giving `ret`. */
  | { k: 'closure'; id: number; params: Ty[]; ret: Ty; /** a `proof_fn`, with its flags (`Once`, `Mut`, `Copy`, ..) */ proof?: string[]; /** a `proof_fn`'s tracked parameters and result (absent: none) */ tracked?: TrackedModes }
  /**
   * A generic parameter of the function (or impl) being checked: a type parameter, or a const
   * parameter where it is a generic argument (`Array<T, N>`). Inside the generic code it stands
   * for every instantiation (an uninterpreted sort, a constant of unknown value).
   */
  | { k: 'param'; name: string }
  /** The value of a const generic argument (`Array<u64, 3>`): only as a generic argument. */
  | { k: 'cval'; n: bigint };

/** The never type `!` written as a type (a parameter's, a field's): a sort nothing is known of. */
export const NEVER: Ty = { k: 'param', name: '!' };

/** An array's length: a number, or the name of a const generic parameter; null for a slice. */
export type ArrayLen = number | string | null;

/** The generic parameters an item's types may name, and what `Self` is. */
export type TypeScope = string | null | FnItem | StructItem | EnumItem | TraitImplItem;

/** The bounds a `proof_fn<F>` marker parameter may have, and the flag each gives (`''`: none). */
export const PROOF_FN_BOUND_FLAGS: ReadonlyMap<string, string> = new Map([['ProofFn', ''], ['ProofFnOnce', 'Once'], ['ProofFnMut', 'Mut'], ['Copy', 'Copy'], ['Send', 'Send'], ['Sync', 'Sync']]);

/** The module path a crate file stands for (`a/b.rs` and `a/b/mod.rs` are `a::b`; `lib.rs`, `main.rs` the root). */
export function moduleOfFile(file: string): string[] {
  const parts = file.replace(/\\/g, '/').replace(/\.rs$/, '').split('/').filter((x) => x && x !== '.');
  const last = parts[parts.length - 1];
  if (last === 'mod' || last === 'lib' || last === 'main') parts.pop();
  return parts;
}

/**
 * The module each file of a crate stands for, for module privacy: the files under the directory
 * of the crate's root (`lib.rs` or `main.rs`, the shallowest one; library files never count) are
 * modules by their path below it (`moduleOfFile`). Files of no crate (a folder of loose files, a
 * single test file) and the library are all the crate root: one namespace, as before modules.
 */
export function crateFileModules(paths: readonly string[], isLibrary: (file: string) => boolean): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const norm = (p: string) => p.replace(/\\/g, '/');
  const roots = paths.filter((p) => !isLibrary(p) && /(^|\/)(lib|main)\.rs$/.test(norm(p))).sort((a, b) => norm(a).split('/').length - norm(b).split('/').length);
  const root = roots[0];
  const dir = root === undefined ? null : norm(root).split('/').slice(0, -1).join('/');
  for (const p of paths) {
    const n = norm(p);
    if (dir === null || isLibrary(p)) out.set(p, []);
    else if (dir === '') out.set(p, moduleOfFile(n));
    else out.set(p, n.startsWith(dir + '/') ? moduleOfFile(n.slice(dir.length + 1)) : []);
  }
  return out;
}

/** Marker traits: bounds that carry no methods and no specs, accepted on type parameters. */
export const MARKER_TRAITS: ReadonlySet<string> = new Set(['Copy', 'Clone', 'Sized', 'Send', 'Sync', 'Unpin']);

export const INT: Ty = { k: 'int', kind: 'int' };
export const NAT: Ty = { k: 'int', kind: 'nat' };
export const BOOL: Ty = { k: 'bool' };
export const CHAR: Ty = { k: 'char' };
export const REAL: Ty = { k: 'real' };
export const STR: Ty = { k: 'str' };
export const UNIT: Ty = { k: 'tuple', elems: [] };

const INT_KINDS = new Set(['int', 'nat', 'u8', 'u16', 'u32', 'u64', 'u128', 'usize', 'i8', 'i16', 'i32', 'i64', 'i128', 'isize']);

export function isIntKind(s: string): s is IntKind {
  return INT_KINDS.has(s);
}

/**
 * The name trait impls are keyed by for a type (`impl Tr for S`, `impl Tr for u8`): a datatype's
 * name, an integer kind or `bool`; null for any other type (no impl of a crate trait is modelled).
 */
export function implTypeName(t: { k: string; name?: string; kind?: string }): string | null {
  if (t.k === 'struct' || t.k === 'enum') return t.name ?? null;
  if (t.k === 'int') return t.kind ?? null;
  return t.k === 'bool' ? 'bool' : null;
}

/**
 * The crate-wide name a written path to a function or constant means: `Type::name` when its
 * second-to-last segment names a type (capitalized, `Self` = `selfType`, or an integer type or
 * `bool`, whose trait impls have methods), else its last segment (a function or constant of a
 * module: modules are resolved by `Crate.fn`).
 */
export function memberPathName(segs: readonly string[], selfType: string | null | undefined): string {
  const last = segs[segs.length - 1]!;
  const owner = segs.length >= 2 ? segs[segs.length - 2]! : null;
  if (owner && (/^[A-Z]/.test(owner) || isImplPrimitive(owner) || owner === 'char')) return `${owner === 'Self' ? selfType : owner}::${last}`;
  // a function of Rust's standard library (`std::mem::swap`): its whole path, rooted at `core`
  // (the library specifies such functions: external-specs.ts)
  if (segs.length >= 3 && (segs[0] === 'std' || segs[0] === 'core' || segs[0] === 'alloc')) return ['core', ...segs.slice(1)].join('::');
  return last;
}

/** The name calls resolve a function by: `f`, `Type::f`, or for a specification the function it specifies (external-specs.ts). */
export function fnQname(f: FnItem): string {
  return f.specFor?.target ?? (f.selfType ? `${f.selfType}::${f.name}` : f.name);
}

/**
 * A function's name in reports: its qualified name, or for a method of one of several impls of a
 * trait for its type (which share that name) Rust's `<S<u8> as T>::m` / `<S as T<u8>>::m`.
 */
export function reportedFnName(info: { qname: string; item: FnItem }): string {
  const f = info.item;
  if (!f.implOf || !f.traitImpl || !f.selfType) return info.qname;
  const args = f.selfArgs?.length ? `<${f.selfArgs.map(printType).join(', ')}>` : '';
  const traitArgs = f.implOf.traitArgs.length ? `<${f.implOf.traitArgs.map(printType).join(', ')}>` : '';
  return `<${f.selfType}${args} as ${f.traitImpl.trait}${traitArgs}>::${f.name}`;
}

/** The name an item declares, as paths name it (`f`, `Type::f`, `Type::C`; see `fnQname`), or null for an item without one. */
export function itemName(it: Item): string | null {
  if (it.k === 'fn') return fnQname(it);
  if (it.k === 'const' || it.k === 'broadcast-group') return it.selfType ? `${it.selfType}::${it.name}` : it.name;
  if (it.k === 'struct' || it.k === 'enum' || it.k === 'type' || it.k === 'trait') return it.name;
  return null;
}

/** Roots of paths into Rust's standard library. */
export const STD_ROOTS: ReadonlySet<string> = new Set(['std', 'core', 'alloc']);

/**
 * std's smart pointers, which types erase to what they hold (as Verus's encoding does): a `Box`
 * owns its value, an `Rc` / `Arc` shares it (no place behind one is written, `clone` is the same
 * value), a `ManuallyDrop` holds it (its value is what it wraps: vstd's `x@`, deref and
 * `into_inner`; only dropping differs). The checking phase keeps what the types lose: they are
 * moved, never copied.
 */
export type SmartPointer = 'Box' | 'Rc' | 'Arc' | 'ManuallyDrop';
export const SMART_POINTERS: ReadonlySet<string> = new Set<SmartPointer>(['Box', 'Rc', 'Arc', 'ManuallyDrop']);

/**
 * `Box::new(x)` / `Rc::new(x)` / `Arc::new(x)` / `ManuallyDrop::new(x)` (`new`), or
 * `ManuallyDrop::into_inner(x)` (read as `new`: the same value), or `Rc::clone(&x)` /
 * `Arc::clone(&x)` (`clone`): the pointer and what the call does.
 */
export function smartPointerCall(e: Expr): { ptr: SmartPointer; op: 'new' | 'clone'; arg: Expr } | null {
  if (e.k !== 'call' || e.callee.k !== 'path' || e.callee.segs.length !== 2 || e.args.length !== 1 || e.callee.generics.length > 1) return null;
  const [ptr, op] = e.callee.segs as [string, string];
  if (!SMART_POINTERS.has(ptr)) return null;
  if (op === 'new' || (op === 'into_inner' && ptr === 'ManuallyDrop')) return { ptr: ptr as SmartPointer, op: 'new', arg: e.args[0]! };
  if (op === 'clone' && ptr !== 'Box') return { ptr: ptr as SmartPointer, op, arg: e.args[0]! };
  return null;
}

/** The name an impl's self type goes by in impl tables (`?`: a type that is not a path). */
export function selfName(t: TypeExpr): string {
  return t.k === 'path' ? t.name : '?';
}

/** The key of the impls of `trait` for the type named `self` (a type may have several). */
export function implKey(trait: string, self: string): string {
  return `${trait}|${self}`;
}

/**
 * `trait` and every trait it implies through supertraits (`trait U: T + Copy`), transitively,
 * marker traits included (`lookup`: the crate's trait of a name, if exactly one).
 */
export function traitClosure(trait: string, lookup: (name: string) => TraitItem | undefined): string[] {
  const out: string[] = [];
  const visit = (t: string) => {
    if (out.includes(t)) return;
    out.push(t);
    for (const b of lookup(t)?.supertraits ?? []) if (!b.hasArgs && !b.maybe) visit(b.name);
  };
  visit(trait);
  return out;
}

/** `t` with the type parameters in `m` replaced (a generic alias at its arguments). */
export function substTypeExpr(t: TypeExpr, m: ReadonlyMap<string, TypeExpr>): TypeExpr {
  const go = (x: TypeExpr) => substTypeExpr(x, m);
  switch (t.k) {
    case 'path':
      if (t.segs.length === 1 && !t.args.length && !t.qself && m.has(t.name)) return m.get(t.name)!;
      return { ...t, args: t.args.map(go), ...(t.qself ? { qself: { ...t.qself, ty: go(t.qself.ty) } } : {}) };
    case 'ref': case 'ptr': return { ...t, inner: go(t.inner) };
    case 'array': case 'slice': return { ...t, elem: go(t.elem) };
    case 'tuple': return { ...t, elems: t.elems.map(go) };
    case 'fn': case 'proofFn': return { ...t, params: t.params.map(go), ret: go(t.ret) };
    case 'infer': case 'impl': case 'never': return t;
  }
}

/** Primitive types a crate trait may be implemented for (`impl Tr for u8`). */
export function isImplPrimitive(name: string): boolean {
  return isIntKind(name) || name === 'bool';
}

export function bits(k: IntKind): number {
  switch (k) {
    case 'u8': case 'i8': return 8;
    case 'u16': case 'i16': return 16;
    case 'u32': case 'i32': return 32;
    case 'u64': case 'i64': case 'usize': case 'isize': return 64;
    case 'u128': case 'i128': return 128;
    default: return 0;
  }
}
export function signed(k: IntKind): boolean {
  return k.startsWith('i') && k !== 'int';
}
export function isMachine(k: IntKind): boolean {
  return k !== 'int' && k !== 'nat';
}
export function intRange(k: IntKind): { min: bigint | null; max: bigint | null } {
  if (k === 'int') return { min: null, max: null };
  if (k === 'nat') return { min: 0n, max: null };
  const b = BigInt(bits(k));
  if (signed(k)) return { min: -(1n << (b - 1n)), max: (1n << (b - 1n)) - 1n };
  return { min: 0n, max: (1n << b) - 1n };
}

export function tyStr(t: Ty): string {
  switch (t.k) {
    case 'int': return t.kind;
    case 'bool': return 'bool';
    case 'char': return 'char';
    case 'str': return 'str';
    case 'real': return 'real';
    case 'struct': case 'enum':
      if (isRawPtr(t)) return `*${t.name === RAW_MUT_PTR ? 'mut' : 'const'} ${tyStr(t.args[0]!)}`;
      return t.args.length ? `${t.name}<${t.args.map(tyStr).join(', ')}>` : t.name;
    case 'seq': return `Seq<${tyStr(t.elem)}>`;
    case 'array': return t.len === null ? `[${tyStr(t.elem)}]` : `[${tyStr(t.elem)}; ${t.len}]`;
    // (an opaque type's name carries where it is written: rustc shows only `impl Tr`)
    case 'param': return isOpaqueParam(t.name) ? t.name.slice(0, t.name.indexOf('@')) : t.name;
    case 'cval': return String(t.n);
    case 'set': return `Set<${tyStr(t.elem)}>`;
    case 'map': return `Map<${tyStr(t.key)}, ${tyStr(t.val)}>`;
    case 'tuple': return `(${t.elems.map(tyStr).join(', ')}${t.elems.length === 1 ? ',' : ''})`;
    case 'fn': return `spec_fn(${t.params.map(tyStr).join(', ')}) -> ${tyStr(t.ret)}`;
    case 'closure': return closureTypeStr(t, tyStr);
  }
}

/** A closure type as written: `impl Fn(A) -> B`, `proof_fn[Once](tracked A) -> tracked B`. */
export function closureTypeStr<T>(t: { params: T[]; ret: T; proof?: string[]; tracked?: TrackedModes }, str: (t: T) => string): string {
  const mode = (tracked: boolean | undefined) => (tracked ? 'tracked ' : '');
  const kind = t.proof ? `proof_fn${t.proof.length ? `[${t.proof.join(', ')}]` : ''}` : 'impl Fn';
  return `${kind}(${t.params.map((p, i) => mode(t.tracked?.params[i]) + str(p)).join(', ')}) -> ${mode(t.tracked?.ret)}${str(t.ret)}`;
}

/** Whether two closure types give their parameters and result the same modes. */
export function sameTrackedModes(a: TrackedModes | undefined, b: TrackedModes | undefined): boolean {
  const params = Math.max(a?.params.length ?? 0, b?.params.length ?? 0);
  for (let i = 0; i < params; i++) if (!!a?.params[i] !== !!b?.params[i]) return false;
  return !!a?.ret === !!b?.ret;
}

/** Whether a generic parameter's name is that of a function's opaque type (`impl Tr`, the resolver's `opaqueType`). */
export function isOpaqueParam(name: string): boolean {
  return name.startsWith('impl ');
}

/** A type's exact key: as `tyStr`, but a generic parameter is marked (`$T`), never taken for a struct `T`. */
export function tyKey(t: Ty): string {
  switch (t.k) {
    case 'struct': case 'enum': return t.args.length ? `${t.name}<${t.args.map(tyKey).join(', ')}>` : t.name;
    case 'seq': return `Seq<${tyKey(t.elem)}>`;
    case 'array': return t.len === null ? `[${tyKey(t.elem)}]` : `[${tyKey(t.elem)}; ${typeof t.len === 'string' ? '$' + t.len : t.len}]`;
    case 'set': return `Set<${tyKey(t.elem)}>`;
    case 'map': return `Map<${tyKey(t.key)}, ${tyKey(t.val)}>`;
    case 'tuple': return `(${t.elems.map(tyKey).join(', ')}${t.elems.length === 1 ? ',' : ''})`;
    case 'fn': return `spec_fn(${t.params.map(tyKey).join(', ')}) -> ${tyKey(t.ret)}`;
    case 'closure': return `closure#${t.id}${t.proof ? `[${t.proof.join(',')}]` : ''}${closureTypeStr({ ...t, proof: undefined }, tyKey).slice('impl Fn'.length)}`;
    case 'param': return '$' + t.name;
    default: return tyStr(t);
  }
}

export function tyEq(a: Ty, b: Ty): boolean {
  return tyKey(a) === tyKey(b);
}

/** A substitution of generic parameters (by name) for generic arguments. */
export type TyEnv = ReadonlyMap<string, Ty>;

/** `t` with the parameters of `env` replaced (those not in `env` stay). */
/**
 * The built-in collection a type or path name stands for. (vstd's `ISet` / `IMap` are not
 * these: they are the library's own types, library/vstd/iset.rs and imap.rs.)
 */
export function builtinCollection(name: string | undefined): 'Seq' | 'Set' | 'Map' | null {
  switch (name) {
    case 'Seq': return 'Seq';
    case 'Set': return 'Set';
    case 'Map': return 'Map';
    default: return null;
  }
}

export function substTy(t: Ty, env: TyEnv): Ty {
  if (!env.size) return t;
  switch (t.k) {
    case 'param': return env.get(t.name) ?? t;
    case 'struct': case 'enum': return t.args.length ? { k: t.k, name: t.name, args: t.args.map((a) => substTy(a, env)) } : t;
    case 'seq': case 'set': return { k: t.k, elem: substTy(t.elem, env) };
    case 'map': return { k: 'map', key: substTy(t.key, env), val: substTy(t.val, env) };
    case 'tuple': return { k: 'tuple', elems: t.elems.map((e) => substTy(e, env)) };
    case 'fn': return { k: 'fn', params: t.params.map((e) => substTy(e, env)), ret: substTy(t.ret, env) };
    case 'closure': return { ...t, params: t.params.map((e) => substTy(e, env)), ret: substTy(t.ret, env) };
    case 'array': {
      let len: ArrayLen = t.len;
      if (typeof len === 'string') {
        const v = env.get(len);
        if (v?.k === 'cval') len = Number(v.n);
        else if (v?.k === 'param') len = v.name;
      }
      return { k: 'array', elem: substTy(t.elem, env), len };
    }
    default: return t;
  }
}

/** Whether `t` mentions a generic parameter. */
export function hasParam(t: Ty): boolean {
  switch (t.k) {
    case 'param': return true;
    case 'struct': case 'enum': return t.args.some(hasParam);
    case 'seq': case 'set': return hasParam(t.elem);
    case 'array': return typeof t.len === 'string' || hasParam(t.elem);
    case 'map': return hasParam(t.key) || hasParam(t.val);
    case 'tuple': return t.elems.some(hasParam);
    case 'fn': case 'closure': return t.params.some(hasParam) || hasParam(t.ret);
    default: return false;
  }
}

/**
 * `Tracked(x): Tracked<&mut T>`: the callee mutates the caller's tracked place through `x`, as
 * through `x: &mut T` (only `external_body` functions may declare one: check/checker.ts).
 */
export function isWrappedMutRef(p: Param): boolean {
  const inner = p.unwrap === 'Tracked' && p.ty.k === 'path' ? p.ty.args[0] : undefined;
  return inner?.k === 'ref' && inner.mut;
}

/** A parameter through which the callee writes the caller's place: `x: &mut T`, `Tracked(x): Tracked<&mut T>`. */
export function isMutRefParam(p: Param): boolean {
  return (p.ty.k === 'ref' && p.ty.mut) || isWrappedMutRef(p);
}

/** The environment mapping `item`'s generic parameters to `args` (in order). */
export function genericEnv(item: { generics: string[] }, args: Ty[]): Map<string, Ty> {
  const env = new Map<string, Ty>();
  item.generics.forEach((g, i) => {
    const a = args[i];
    if (a) env.set(g, a);
  });
  return env;
}

export interface FnInfo {
  item: FnItem;
  file: string;
  /** Qualified display name: `name` or `Type::name`. */
  qname: string;
  /** SMT-safe unique key. */
  key: string;
}

export class ResolveError extends Error {
  constructor(message: string, public sp: Sp, public file?: string) {
    super(message);
  }
}

/** The library's structs that stand for Rust's raw pointer types `*mut T` and `*const T` (library/vstd/raw_ptr.rs). */
export const RAW_MUT_PTR = 'RawMutPtr';
/** The library's struct of the future an `async fn` call gives (library/vstd/future.rs). */
export const ASYNC_FUTURE = 'AsyncFuture';
export const RAW_CONST_PTR = 'RawConstPtr';
export function isRawPtr<T extends { k: string }>(t: T): t is Extract<T, { k: 'struct' }> {
  const n = (t as { name?: string }).name;
  return t.k === 'struct' && (n === RAW_MUT_PTR || n === RAW_CONST_PTR);
}

/** A type the verifier reads but gives no meaning (a raw pointer to an unsized type): its user is `unsupported`, not in error. */
export class UnsupportedType extends ResolveError {}

export class Crate {
  structs = new Map<string, { item: StructItem; file: string }[]>();
  enums = new Map<string, { item: EnumItem; file: string }[]>();
  fns = new Map<string, FnInfo[]>(); // by qname
  fnsByName = new Map<string, FnInfo[]>(); // free fns by last name
  consts = new Map<string, { item: ConstItem; file: string }[]>();
  aliases = new Map<string, TypeExpr>();
  /** The type parameters of generic aliases (`type Y<T> = Bar<T>;`). */
  aliasGenerics = new Map<string, string[]>();
  /** `broadcast group`s by qualified name (`name` or `Type::name`) */
  broadcastGroups = new Map<string, { item: BroadcastGroupItem; file: string }[]>();
  /** traits by name (traits.ts gave their impls' methods to the types) */
  traits = new Map<string, { item: TraitItem; file: string }[]>();
  /** `impl Trait for Type` blocks by `Trait|Type` (the type's name), with traits.ts's verdict */
  traitImpls = new Map<string, TraitImplItem[]>();
  /** Each opaque type a function returns (`impl Tr`), by its parameter name (`opaqueType`): the function and the traits bounding it. */
  readonly opaqueTypes = new Map<string, { fn: FnItem; bounds: string[] }>();
  files: SourceFile[];

  /**
   * The width of `usize` / `isize` in bits when a `global size_of` item fixes it, else null: 32
   * or 64, unknown to the proofs (Verus's default).
   */
  wordBits: 32 | 64 | null = null;
  /** The crate's `global size_of T == N` / `global layout T ..` items for types other than usize / isize. */
  readonly globalLayouts: GlobalLayoutItem[];
  /** Problems with `global size_of` items (Verus's errors), by item. */
  readonly globalSizeErrors = new Map<GlobalSizeItem, string>();
  /** The module each file stands for (`crateFileModules`); a file not listed is the crate root. */
  readonly fileModules: Map<string, string[]>;
  /** Whether a file is the standard library's (library/load.ts). */
  readonly isLibrary: (file: string) => boolean;
  constructor(files: SourceFile[], isLibrary: (file: string) => boolean = () => false) {
    this.files = files;
    this.isLibrary = isLibrary;
    this.fileModules = crateFileModules(files.map((f) => f.path), isLibrary);
    for (const f of files) for (const it of f.items) this.add(it, f.path);
    for (const f of files) for (const t of f.ignoredTypes ?? []) this.externalTypes.add(t);
    for (const f of files) for (const it of f.items) for (const m of it.module) this.moduleNames.add(m);
    this.readWordBits(files);
    this.globalLayouts = files.flatMap((f) => f.items.filter((it): it is GlobalLayoutItem => it.k === 'global-layout'));
    // a name several modules define: each function's key (its SMT name) says its module
    for (const [q, l] of this.fns) if (l.length > 1) for (const info of l) info.key = `${info.file}#${info.item.module.join('::')}::${q}${info.item.implOf ? `#impl${info.item.implOf.index}` : ''}`;
  }
  /** `global size_of usize == N` and the like: the crate's word width, once (Verus's rules). */
  private readWordBits(files: SourceFile[]): void {
    let set: { bits: 32 | 64; ty: string } | null = null;
    for (const f of files) {
      for (const it of f.items) {
        if (it.k !== 'global-size') continue;
        if (it.bytes !== 4 && it.bytes !== 8) {
          this.globalSizeErrors.set(it, `the size of \`${it.ty}\` must be 4 or 8 bytes`);
          continue;
        }
        const bits = it.bytes === 4 ? 32 : 64;
        if (set && set.ty === it.ty) this.globalSizeErrors.set(it, `the size of \`${it.ty}\` can only be set once per crate`);
        else if (set && set.bits !== bits) this.globalSizeErrors.set(it, `usize or isize have already been set to ${set.bits} bits`);
        else set = { bits, ty: it.ty };
      }
    }
    if (set && !this.globalSizeErrors.size) this.wordBits = set.bits;
  }
  /** The module a function is defined in: its file's module, then the `mod` blocks around it. */
  /**
   * `trait` and every trait it implies through supertraits (`trait U: T + Copy`), transitively,
   * marker traits included; a trait the crate does not define (or defines twice) implies only itself.
   */
  traitsImplied(trait: string): string[] {
    return traitClosure(trait, (t) => {
      const l = this.traits.get(t);
      return l?.length === 1 ? l[0]!.item : undefined;
    });
  }
  /** `<Ty as Trait>::X`: the generic parameter `A::X` for a parameter `A`, the impl's binding for a type. */
  private qualifiedAssocType(t: TypeExpr & { k: 'path' }, q: NonNullable<(TypeExpr & { k: 'path' })['qself']>, scope: TypeScope, depth: number): Ty {
    if (q.traitHasArgs) throw new UnsupportedType(`\`<.. as ${q.trait}<..>>::${t.name}\`: a generic trait`, t.sp);
    const base = this.resolveType(q.ty, scope, depth + 1);
    if (base.k === 'param') {
      const fixed = typeof scope === 'object' && scope?.k === 'fn' ? scope.assocFixed?.find((a) => a.name === `${base.name}::${t.name}`) : undefined;
      if (fixed && this.traitsImplied(q.trait).includes(fixed.trait)) return this.resolveType(fixed.ty, scope, depth + 1);
      const hidden = scopeInfo(scope).params.get(`${base.name}::${t.name}`);
      const hiddenParam = typeof scope === 'object' && scope?.k === 'fn' ? scope.assocParams?.find((a) => a.name === hidden?.name) : undefined;
      if (hidden && hiddenParam && this.traitsImplied(q.trait).includes(hiddenParam.trait)) return { k: 'param', name: hidden.name };
      throw new UnsupportedType(`associated type \`<${base.name} as ${q.trait}>::${t.name}\` (not declared by a bound of \`${base.name}\`)`, t.sp);
    }
    return this.assocTypeAt(q.trait, base, t.name, t.sp);
  }

  /**
   * Whether `ty`'s impl of `trait` would be one of vstd's own (a library trait at a type that is
   * not the crate's, such as `View for Vec<T>`): those impls are not modelled, so a missing one is
   * a gap, not an unsatisfied bound.
   */
  libraryImplsUnmodelled(trait: string, ty: Ty): boolean {
    if (ty.k === 'param') return false;
    const libraryTrait = (this.traits.get(trait) ?? []).every((t) => this.isLibrary(t.file));
    const name = ty.k === 'struct' || ty.k === 'enum' ? ty.name : null;
    const crateType = !!name && [...(this.structs.get(name) ?? []), ...(this.enums.get(name) ?? [])].some((x) => !this.isLibrary(x.file));
    return libraryTrait && !crateType;
  }

  /**
   * The associated type `X` of `ty`'s impl of `trait`: the impl's binding, its generic parameters
   * being `ty`'s arguments (an impl over every argument of its type, as static dispatch needs).
   */
  assocTypeAt(trait: string, ty: Ty, assoc: string, sp: Sp): Ty {
    const name = implTypeName(ty);
    if (!name) throw new UnsupportedType(`associated type \`${assoc}\` of \`${tyStr(ty)}\` (only the crate's datatypes, integer types and \`bool\` implement traits here)`, sp);
    const impls = this.traitImpls.get(`${trait}|${name}`) ?? [];
    if (!impls.length && this.libraryImplsUnmodelled(trait, ty)) throw new UnsupportedType(`associated type \`${assoc}\` of \`${tyStr(ty)}\`'s impl of vstd's \`${trait}\` (vstd's impls for its own and built-in types are not modelled)`, sp);
    if (!impls.length) throw new ResolveError(`the trait bound \`${tyStr(ty)}: ${trait}\` is not satisfied`, sp);
    const impl = impls[0]!;
    if (impls.length > 1 || impl.verdict !== 'ok') throw new UnsupportedType(`associated type \`${assoc}\` of an impl of \`${trait}\` for \`${name}\` that is not modelled`, sp);
    const binding = impl.assocTypes.find((b) => b.name === assoc);
    if (!binding) throw new ResolveError(`cannot find associated type \`${assoc}\` in trait \`${trait}\``, sp);
    const args = ty.k === 'struct' || ty.k === 'enum' ? ty.args : [];
    const overAll = impl.selfTy.k === 'path' && impl.selfTy.args.length === impl.generics.length && impl.selfTy.args.every((x, j) => x.k === 'path' && x.segs.length === 1 && x.name === impl.generics[j]);
    if (!overAll || args.length !== impl.generics.length) throw new UnsupportedType(`associated type \`${assoc}\` of an impl of \`${trait}\` for some arguments of \`${name}\` only`, sp);
    return substTy(this.resolveType(binding.ty, impl), new Map(impl.generics.map((g, i) => [g, args[i]!])));
  }

  moduleOf(f: FnItem): string[] {
    return [...(this.fileModules.get(this.fnFiles.get(f) ?? '') ?? []), ...f.module];
  }
  /** Names of the crate's modules (`mod m { .. }` blocks and files), for paths through them. */
  private readonly moduleNames = new Set<string>();
  /**
   * What a written path to a fn or const means (`memberPathName`), with an owner segment that names
   * one of the crate's modules and no type read as that module (`M1::f` is the free function `f`,
   * as `m1::f` is): Verus's tests name modules `M1`, `M2`, ...
   */
  memberName(segs: readonly string[], selfType: string | null | undefined): string {
    const owner = segs.length >= 2 ? segs[segs.length - 2]! : null;
    if (owner && /^[A-Z]/.test(owner) && this.moduleNames.has(owner) && !this.structs.has(owner) && !this.enums.has(owner) && !this.traits.has(owner) && !this.aliases.has(owner)) return segs[segs.length - 1]!;
    return memberPathName(segs, selfType);
  }
  /**
   * A path to a datatype's member through modules (`crate::m::S::f`), as the two segments `S::f`
   * that name it in its module; any other path as written.
   */
  typeMemberSegs(segs: readonly string[]): readonly string[] {
    if (segs.length <= 2) return segs;
    const owner = segs[segs.length - 2]!;
    return this.throughModules(segs.slice(0, -2)) && (this.structs.has(owner) || this.enums.has(owner)) ? segs.slice(-2) : segs;
  }
  /** Whether every segment of a path's prefix is `crate`, `self`, `super` or one of the crate's modules. */
  private throughModules(prefix: readonly string[]): boolean {
    return prefix.every((s) => s === 'crate' || s === 'self' || s === 'super' || this.moduleNames.has(s));
  }
  /** Whether a called path names a tuple struct's constructor: `S(..)`, or through modules (`crate::m::S(..)`). */
  isStructCtorPath(segs: readonly string[]): boolean {
    const last = segs[segs.length - 1]!;
    return this.structs.has(last) && this.throughModules(segs.slice(0, -1));
  }
  /** Specifications of other functions (external-specs.ts), by their own names: the function each specifies. */
  readonly specificationNames = new Map<string, string>();
  /** `#[verifier::external]` functions (`f`, `Type::f`): verified code may not call them. */
  readonly externalFns = new Set<string>();
  /** Constants of plain Rust (outside verus!), kept as external functions without arguments, as Verus reads a constant. */
  readonly externalConsts = new Set<string>();
  /** `#[verifier::external]` datatypes without a specification: verified code may not name them. */
  readonly externalTypes = new Set<string>();
  /** The file of each function item (a trait's method declarations: the trait's file). */
  readonly fnFiles = new Map<FnItem, string>();
  private add(it: Item, file: string): void {
    const push = <T>(m: Map<string, T[]>, k: string, v: T) => {
      const l = m.get(k);
      if (l) l.push(v);
      else m.set(k, [v]);
    };
    if (it.k === 'struct') push(this.structs, it.name, { item: it, file });
    else if (it.k === 'enum') push(this.enums, it.name, { item: it, file });
    else if (it.k === 'const') push(this.consts, it.selfType ? `${it.selfType}::${it.name}` : it.name, { item: it, file });
    else if (it.k === 'type') {
      this.aliases.set(it.name, it.ty);
      if (it.generics) this.aliasGenerics.set(it.name, it.generics);
    }
    else if (it.k === 'trait') {
      push(this.traits, it.name, { item: it, file });
      // its method declarations: `Trait::m`, generic over `Self` (called by generic code)
      // (a default method is also an item of the file, added as such)
      for (const d of it.methods) this.fnFiles.set(d, file);
      for (const d of it.methods.filter((x) => !x.body)) push(this.fns, `${it.name}::${d.name}`, { item: d, file, qname: `${it.name}::${d.name}`, key: `${it.name}::${d.name}` });
    } else if (it.k === 'trait-impl') push(this.traitImpls, implKey(it.trait, selfName(it.selfTy)), it);
    else if (it.k === 'broadcast-group') push(this.broadcastGroups, it.selfType ? `${it.selfType}::${it.name}` : it.name, { item: it, file });
    else if (it.k === 'external-fn') {
      this.externalFns.add(fnQname(it.fn));
      if (it.fn.constFn) this.externalConsts.add(fnQname(it.fn));
    }
    else if (it.k === 'fn') {
      if (it.specFor?.target) this.specificationNames.set(it.name, it.specFor.target);
      const qname = fnQname(it);
      const info: FnInfo = { item: it, file, qname, key: qname };
      this.fnFiles.set(it, file);
      push(this.fns, qname, info);
      if (!qname.includes('::')) push(this.fnsByName, qname, info);
    }
  }

  /** The first declaration of the struct or enum a checked type names (none for a built-in one). */
  datatypeItem(t: { k: 'struct' | 'enum'; name: string }): StructItem | EnumItem | undefined {
    return t.k === 'struct' ? this.structs.get(t.name)?.[0]?.item : this.enums.get(t.name)?.[0]?.item;
  }

  struct(name: string, sp: Sp): StructItem {
    const l = this.structs.get(name);
    if (!l) throw new ResolveError(`cannot find struct \`${name}\``, sp);
    if (l.length > 1) throw new ResolveError(`ambiguous name \`${name}\`: defined ${l.length} times`, sp);
    return l[0]!.item;
  }
  enumItem(name: string): EnumItem | null {
    const l = this.enums.get(name);
    if (!l) return null;
    if (l.length > 1) throw new ResolveError(`ambiguous name \`${name}\`: defined ${l.length} times`, l[1]!.item.sp);
    return l[0]!.item;
  }
  /** The fields of the crate enum `name`'s variant `variant` (with their modes), or [] when there is none. */
  variantFields(name: string, variant: string): EnumItem['variants'][number]['fields'] {
    return this.enumItem(name)?.variants.find((x) => x.name === variant)?.fields ?? [];
  }
  /**
   * The function named `qname`. Names resolve by their last segments (modules are not paths here);
   * when several modules define the name, the one of the module of `from` (the function naming
   * it: its file and its `mod` blocks there) is meant, as in Rust an item of the module itself
   * comes before glob-imported ones; otherwise the name is ambiguous.
   */
  fn(qname: string, sp: Sp, from?: FnItem, written?: readonly string[]): FnInfo | null {
    const l = this.fns.get(qname);
    if (!l) return null;
    // a written module path (`crate::a::b::f`): the function of the module it names
    const modules = (written ?? []).slice(0, -1).filter((x) => x !== 'crate' && x !== 'self' && x !== 'super' && !/^[A-Z]/.test(x));
    if (l.length > 1 && modules.length) {
      const named = l.filter((x) => [...moduleOfFile(x.file), ...x.item.module].join('::').endsWith(modules.join('::')));
      if (named.length === 1) return named[0]!;
    }
    if (l.length > 1 && from) {
      const where = (f: FnItem) => `${this.fnFiles.get(f)}#${f.module.join('::')}`;
      const own = l.filter((x) => where(x.item) === where(from));
      if (own.length === 1) return own[0]!;
    }
    // (several impls of one trait for a type: the checker chooses by the type's arguments, implMethod)
    if (l.length > 1 && l.every((x) => x.item.implOf)) throw new UnsupportedType(`\`${qname}\`, which ${l.length} impls of one trait for the type define, named without its type's arguments`, sp);
    if (l.length > 1) throw new ResolveError(`ambiguous name \`${qname}\`: defined ${l.length} times`, sp);
    return l[0]!;
  }
  /** The integer type a type name means: `u64`, or an alias of one (`type SLLIndex = i32;`). */
  intTypeNamed(name: string): IntKind | null {
    if (isIntKind(name)) return name;
    const alias = this.aliases.get(name);
    if (!alias || alias.k !== 'path' || alias.args.length) return null;
    return alias.name !== name && isIntKind(alias.name) ? alias.name : null;
  }
  constItem(name: string, sp: Sp): ConstItem | null {
    const l = this.consts.get(name);
    if (!l) return null;
    if (l.length > 1) throw new ResolveError(`ambiguous name \`${name}\`: defined ${l.length} times`, sp);
    return l[0]!.item;
  }

  /**
   * Semantic type of a type expression in `scope`: a function (its generic parameters, the impl's
   * included, and `Self`), a datatype (its parameters; `Self` is the datatype at them), or just
   * the name `Self` stands for.
   */
  resolveType(t: TypeExpr, scope: TypeScope, depth = 0): Ty {
    if (depth > 30) throw new ResolveError('type alias cycle', t.sp);
    const sc = scopeInfo(scope);
    switch (t.k) {
      case 'ref':
        return this.resolveType(t.inner, scope, depth + 1);
      case 'array': {
        const n = this.constIntValue(t.len);
        if (n !== null) return { k: 'array', elem: this.resolveType(t.elem, scope, depth + 1), len: Number(n) };
        const p = t.len.k === 'path' && t.len.segs.length === 1 ? sc.params.get(t.len.segs[0]!) : undefined;
        if (p?.kind === 'const') return { k: 'array', elem: this.resolveType(t.elem, scope, depth + 1), len: p.name };
        throw new ResolveError('array length must be an integer constant', t.len.sp);
      }
      case 'slice':
        return { k: 'array', elem: this.resolveType(t.elem, scope, depth + 1), len: null };
      case 'tuple':
        return { k: 'tuple', elems: t.elems.map((e) => this.resolveType(e, scope, depth + 1)) };
      case 'infer':
        throw new ResolveError('type annotations needed', t.sp);
      case 'impl':
        return this.opaqueType(t, scope);
      case 'never':
        // (`!` as a type: an uninterpreted sort, as a generic parameter's; no value of it is ever
        // made, and nothing is assumed of one but its type)
        return NEVER;
      case 'ptr': {
        // vstd's raw_ptr model (library/vstd/raw_ptr.rs, read when a crate writes a pointer type):
        // `*mut T` is the struct `RawMutPtr<T>`, `*const T` is `RawConstPtr<T>`
        const name = t.mut ? RAW_MUT_PTR : RAW_CONST_PTR;
        if (!this.structs.has(name)) throw new UnsupportedType(`raw pointer type \`*${t.mut ? 'mut' : 'const'} ..\``, t.sp);
        const inner = this.resolveType(t.inner, scope, depth + 1);
        // (a pointer to an unsized type carries metadata, a length: not modelled)
        const unsized = (inner.k === 'array' && inner.len === null) || inner.k === 'str' || (inner.k === 'param' && sc.params.get(inner.name)?.bounds.some((b) => b.maybe));
        if (unsized) throw new UnsupportedType(`a raw pointer to an unsized type (\`*${t.mut ? 'mut' : 'const'} ${tyStr(inner)}\`: its metadata is not modelled)`, t.sp);
        return { k: 'struct', name, args: [inner] };
      }
      case 'fn':
        return { k: 'fn', params: t.params.map((e) => this.resolveType(e, scope, depth + 1)), ret: this.resolveType(t.ret, scope, depth + 1) };
      case 'proofFn': {
        // any proof closure of this signature (id -1): its flags are the written ones and those
        // the marker parameter's bounds give (`F: ProofFnOnce` is `Once`, `F: Copy` is `Copy`)
        const bounds = t.marker && typeof scope === 'object' && scope && 'genericParams' in scope ? (scope.genericParams ?? []).find((g) => g.name === t.marker)?.bounds ?? [] : [];
        const fromBounds = bounds.map((b) => PROOF_FN_BOUND_FLAGS.get(b.name)).filter((x): x is string => !!x);
        // (a marker without a `ProofFn*` bound gives a value that cannot be called: rustc's
        // "expected function")
        const uncallable = t.marker && !bounds.some((b) => b.name.startsWith('ProofFn')) ? ['NotCallable'] : [];
        const proof = [...new Set([...t.flags, ...fromBounds, ...uncallable])].sort();
        return { k: 'closure', id: -1, params: t.params.map((e) => this.resolveType(e, scope, depth + 1)), ret: this.resolveType(t.ret, scope, depth + 1), proof, ...(t.tracked ? { tracked: t.tracked } : {}) };
      }
      case 'path': {
        if (t.qself) return this.qualifiedAssocType(t, t.qself, scope, depth);
        // `A::X` / `Self::X`: an associated type (a generic parameter traits.ts added for a bounded
        // `A`, or what the impl of the function binds)
        if (t.segs.length === 2 && !t.args.length && (t.segs[0] === 'Self' || sc.params.has(t.segs[0]!))) {
          const fixed = typeof scope === 'object' && scope?.k === 'fn' ? scope.assocFixed?.find((a) => a.name === t.segs.join('::')) : undefined;
          if (fixed) return this.resolveType(fixed.ty, scope, depth + 1);
          const hidden = sc.params.get(t.segs.join('::'));
          if (hidden) return { k: 'param', name: hidden.name };
          const binding = t.segs[0] === 'Self' && typeof scope === 'object' && scope?.k === 'fn' ? scope.implAssocTypes?.find((b) => b.name === t.segs[1]) : undefined;
          if (binding) return this.resolveType(binding.ty, scope, depth + 1);
          throw new UnsupportedType(`associated type \`${t.segs.join('::')}\` (not declared by a bound of \`${t.segs[0]}\`, ambiguous, or of a datatype's parameter)`, t.sp);
        }
        let name = t.name;
        // a trait method declaration: `Self` is its generic parameter (traits.ts)
        if (name === 'Self' && t.segs.length === 1 && sc.params.get('Self')?.kind === 'type') return { k: 'param', name };
        if (name === 'Self') {
          if (!sc.selfType) throw new ResolveError('`Self` outside of an impl', t.sp);
          if (sc.self) return sc.self();
          if (sc.selfExpr) return this.resolveType(sc.selfExpr, scope, depth + 1);
          name = sc.selfType;
        }
        const param = t.segs.length === 1 ? sc.params.get(name) : undefined;
        if (param) {
          if (param.kind === 'const') throw new ResolveError(`expected type, found const parameter \`${name}\``, t.sp);
          if (t.args.length) throw new ResolveError(`type parameter \`${name}\` takes no generic arguments`, t.sp);
          return { k: 'param', name };
        }
        const arg = (i: number) => {
          const a = t.args[i];
          if (!a) throw new ResolveError(`\`${name}\` needs a type argument`, t.sp);
          return this.resolveType(a, scope, depth + 1);
        };
        if (isIntKind(name)) return { k: 'int', kind: name };
        if (name === 'bool') return BOOL;
        if (name === 'char') return CHAR;
        if (name === 'real') return REAL;
        if (name === 'str') return STR;
        if (name === 'Ghost' || name === 'Tracked' || name === 'Box') return arg(0);
        // (a crate's own `ManuallyDrop` is its datatype)
        if (name === 'ManuallyDrop' && !this.structs.has(name) && !this.enumItem(name)) return arg(0);
        // (a crate's own `Rc` / `Arc` is its datatype)
        if ((name === 'Rc' || name === 'Arc') && !this.structs.has(name) && !this.enumItem(name)) return arg(0);
        if (name === 'Option') return { k: 'enum', name: 'Option', args: [arg(0)] };
        if (name === 'Seq') return { k: 'seq', elem: arg(0) };
        if (name === 'Set') return { k: 'set', elem: arg(0) };
        if (name === 'Map') return { k: 'map', key: arg(0), val: arg(1) };
        const alias = this.aliases.get(name);
        if (alias) {
          // a generic alias is its type at the written arguments
          const params = this.aliasGenerics.get(name) ?? [];
          if (t.args.length !== params.length) throw new ResolveError(`type alias \`${name}\` takes ${params.length} generic argument${params.length === 1 ? '' : 's'} but ${t.args.length} ${t.args.length === 1 ? 'was' : 'were'} supplied`, t.sp);
          return this.resolveType(params.length ? substTypeExpr(alias, new Map(params.map((p, i) => [p, t.args[i]!] as const))) : alias, scope, depth + 1);
        }
        if (this.structs.has(name)) {
          const s = this.struct(name, t.sp);
          return { k: 'struct', name, args: this.genericArgs(s, t, scope, depth) };
        }
        const e = this.enumItem(name);
        if (e) return { k: 'enum', name, args: this.genericArgs(e, t, scope, depth) };
        // (Verus's words for a type it does not read)
        if (this.externalTypes.has(name) && t.segs.length === 1) throw new ResolveError(`cannot use type \`${name}\` which is ignored`, t.sp);
        throw new ResolveError(`cannot find type \`${name}\``, t.sp);
      }
    }
  }

  /**
   * `impl Tr + ..` in an exec function's result: the function's opaque type. It is a type of its
   * own, a generic parameter no caller chooses (an uninterpreted sort), of which callers know only
   * its bounds. The function's body returns a value of some concrete type; the checking phase
   * records which (`CheckedCrate.opaqueTypes`) and the function's own verification condition
   * reads that type in its place, as Verus does.
   */
  private opaqueType(t: Extract<TypeExpr, { k: 'impl' }>, scope: TypeScope): Ty {
    const f = typeof scope === 'object' && scope?.k === 'fn' ? scope : null;
    const inResult = !!f?.ret && someNode(f.ret.ty, (n) => n === (t as unknown));
    if (!f || !inResult) throw new UnsupportedType("an opaque type (`impl Trait`) other than a function's result", t.sp);
    if (isTraitMethodDeclaration(f)) throw new ResolveError('Verus does not yet support Opaque types in trait def', t.sp);
    if (f.traitImpl) throw new UnsupportedType('an opaque type (`impl Trait`) returned by a trait method', t.sp);
    // (two specifications' opaque types are told apart by where they are written)
    if (f.specFor) throw new UnsupportedType('an opaque type (`impl Trait`) in a specification of another function', t.sp);
    if (f.mode !== 'exec') throw new UnsupportedType(`an opaque type (\`impl Trait\`) returned by a ${f.mode} function`, t.sp);
    // (the type a generic function returns may depend on its arguments: one sort would not do)
    if (f.generics.length) throw new UnsupportedType('an opaque type (`impl Trait`) returned by a generic function', t.sp);
    for (const b of t.bounds) {
      const trait = this.traits.get(b.name);
      // (an associated type of an opaque type is another unknown type, not modelled)
      if (b.maybe || b.hasArgs || trait?.length !== 1 || this.traitsImplied(b.name).some((x) => this.traits.get(x)?.[0]?.item.assocTypes.length)) throw new UnsupportedType(`an opaque type bounded by \`${b.name === '?' ? printType(t) : b.name}\` (only the crate's own traits, without generic arguments or associated types)`, b.sp);
    }
    const bounds = t.bounds.map((b) => b.name);
    const name = `impl ${bounds.join(' + ')}@${f.selfType ? f.selfType + '::' : ''}${f.name}:${t.sp.start}`;
    this.opaqueTypes.set(name, { fn: f, bounds });
    return { k: 'param', name };
  }

  /** The generic arguments written for datatype `item` (`S<u64, 3>`), checked against its parameters. */
  private genericArgs(item: StructItem | EnumItem, t: Extract<TypeExpr, { k: 'path' }>, scope: TypeScope, depth: number): Ty[] {
    const ps = item.genericParams ?? item.generics.map((g): GenericParam => ({ name: g, kind: 'type', bounds: [], sp: item.sp }));
    if (t.args.length !== ps.length) {
      const what = item.k === 'struct' ? 'struct' : 'enum';
      if (!t.args.length) throw new ResolveError(`missing generics for ${what} \`${item.name}\``, t.sp);
      throw new ResolveError(`${what} takes ${ps.length} generic argument${ps.length === 1 ? '' : 's'} but ${t.args.length} generic argument${t.args.length === 1 ? ' was' : 's were'} supplied`, t.sp);
    }
    return ps.map((p, i) => (p.kind === 'const' ? this.constArg(t.args[i]!, scope) : this.typeArg(t.args[i]!, scope, depth)));
  }
  /** A generic argument for a type parameter (a const parameter there is an error). */
  typeArg(a: TypeExpr, scope: TypeScope, depth = 0): Ty {
    if (a.k === 'path' && /^[0-9]/.test(a.name)) throw new ResolveError(`expected type, found \`${a.name}\``, a.sp);
    return this.resolveType(a, scope, depth + 1);
  }
  /** A generic argument for a const parameter: a literal, a constant, or a const parameter in scope. */
  constArg(a: TypeExpr, scope: TypeScope): Ty {
    if (a.k === 'path' && a.segs.length === 1) {
      if (/^[0-9]/.test(a.name)) {
        const n = parseIntLiteral(a.name);
        if (n !== null) return { k: 'cval', n };
      }
      const p = scopeInfo(scope).params.get(a.name);
      if (p?.kind === 'const') return { k: 'param', name: p.name };
      if (p) throw new ResolveError(`expected a constant value, found type parameter \`${a.name}\``, a.sp);
      const c = this.constItem(a.name, a.sp);
      const v = c ? this.constIntValue(c.value) : null;
      if (v !== null) return { k: 'cval', n: v };
    }
    throw new ResolveError('expected a constant value (a literal, a constant or a const parameter) as const generic argument', a.sp);
  }

  /** Integer value of a constant expression (literals, consts, + - * / << of constants). */
  constIntValue(e: Expr, depth = 0): bigint | null {
    if (depth > 50) return null;
    switch (e.k) {
      case 'int':
        return e.value;
      case 'path': {
        // `u8::MAX`, `i16::MIN` (not `usize` / `isize`, whose width a crate may leave open)
        const [ty, bound] = e.segs;
        if (e.segs.length === 2 && isIntKind(ty!) && ty !== 'usize' && ty !== 'isize' && (bound === 'MIN' || bound === 'MAX')) return intRange(ty)[bound === 'MIN' ? 'min' : 'max'];
        const c = this.constItem(this.memberName(e.segs, null), e.sp);
        return c ? this.constIntValue(c.value, depth + 1) : null;
      }
      case 'cast':
        return this.constIntValue(e.e, depth + 1);
      case 'unary': {
        const v = this.constIntValue(e.e, depth + 1);
        return v === null ? null : e.op === '-' ? -v : null;
      }
      case 'binary': {
        const a = this.constIntValue(e.l, depth + 1);
        const b = this.constIntValue(e.r, depth + 1);
        if (a === null || b === null) return null;
        switch (e.op) {
          case '+': return a + b;
          case '-': return a - b;
          case '*': return a * b;
          case '/': return b === 0n ? null : a / b;
          case '%': return b === 0n ? null : a % b;
          case '<<': return b < 0n || b > 127n ? null : a << b;
          case '>>': return b < 0n ? null : a >> b;
          case '&': return a & b;
          case '|': return a | b;
          default: return null;
        }
      }
      default:
        return null;
    }
  }
}

/** An integer literal as written in a const generic argument (`3`, `0x10`, `4usize`), or null. */
function parseIntLiteral(text: string): bigint | null {
  const m = /^(0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|[0-9][0-9_]*)([iu](8|16|32|64|128|size))?$/.exec(text);
  if (!m) return null;
  try {
    return BigInt(m[1]!.replace(/_/g, ''));
  } catch {
    return null;
  }
}

interface ScopeInfo {
  selfType: string | null;
  /** `Self` when the scope gives its generic arguments (a generic impl or datatype) */
  self?: () => Ty;
  /** `Self` as the impl wrote it (`impl<T> S<T>`: `S<T>`), resolved in the function's scope */
  selfExpr?: TypeExpr;
  params: Map<string, GenericParam>;
}

/** What a type scope makes visible (`generics` without `genericParams`: type parameters). */
function scopeInfo(scope: TypeScope): ScopeInfo {
  if (scope === null || typeof scope === 'string') return { selfType: scope, params: new Map() };
  const ps = scope.genericParams ?? scope.generics.map((g): GenericParam => ({ name: g, kind: 'type', bounds: [], sp: scope.sp }));
  const params = new Map(ps.map((p) => [p.name, p]));
  if (scope.k === 'trait-impl') return { selfType: scope.selfTy.k === 'path' ? scope.selfTy.name : null, params, selfExpr: scope.selfTy };
  if (scope.k === 'fn') {
    const fn = scope;
    const selfType = fn.selfType;
    if (!selfType || !fn.selfArgs) return { selfType, params };
    return { selfType, params, selfExpr: { k: 'path', name: selfType, segs: [selfType], args: fn.selfArgs, sp: fn.nameSp } };
  }
  const item = scope;
  const self = (): Ty => ({ k: item.k, name: item.name, args: ps.map((p): Ty => ({ k: 'param', name: p.name })) });
  return { selfType: item.name, params, self };
}
