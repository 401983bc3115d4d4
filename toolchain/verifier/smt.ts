// SMT-LIB2 terms (S-expressions as nested arrays), sorts of semantic types, and datatype
// declarations. Everything here is deterministic so that the same input gives the same text.

import { stronglyConnected } from './graph';
import { Crate, genericEnv, intRange, RAW_CONST_PTR, RAW_MUT_PTR, substTy, tyStr, type IntKind, type Ty } from './resolver';
import { quantifier } from './qid';

export type Term = string | Term[];

export function print(t: Term): string {
  if (typeof t === 'string') return t;
  const parts: string[] = [];
  const walk = (x: Term): void => {
    if (typeof x === 'string') {
      parts.push(x);
      return;
    }
    parts.push('(');
    for (let i = 0; i < x.length; i++) {
      if (i) parts.push(' ');
      walk(x[i]!);
    }
    parts.push(')');
  };
  walk(t);
  return parts.join('');
}

// Terms are never mutated once built, and a function's queries share their prelude commands and
// facts (every query of a function repeats them; preludes are shared across functions too): the
// text of each top-level command is printed once.
const printed = new WeakMap<readonly Term[], string>();
/** `print(t)`, remembered for `t` (for terms that many queries repeat). */
export function printShared(t: Term): string {
  if (typeof t === 'string') return t;
  let s = printed.get(t);
  if (s === undefined) {
    s = print(t);
    printed.set(t, s);
  }
  return s;
}

/** A real number `n / d` (d > 0), as SMT-LIB's decimals: `(/ 2.0 10.0)`, `(- 3.0)`. */
export function realNum(n: bigint, d: bigint): Term {
  const dec = (x: bigint): Term => (x < 0n ? ['-', `${-x}.0`] : `${x}.0`);
  return d === 1n ? dec(n) : ['/', dec(n), dec(d)];
}

export function num(v: bigint | number): Term {
  const b = BigInt(v);
  return b < 0n ? ['-', (-b).toString()] : b.toString();
}
export const TRUE: Term = 'true';
export const FALSE: Term = 'false';
/** The sort of exec closure values (smt sortKey). */
export const CLOSURE_SORT = '$Closure'; // (no Rust type is named with a `$`)
export function and(...xs: Term[]): Term {
  const ys = xs.filter((x) => x !== 'true');
  if (ys.some((y) => y === 'false')) return 'false';
  if (ys.length === 0) return 'true';
  if (ys.length === 1) return ys[0]!;
  return ['and', ...ys];
}
export function or(...xs: Term[]): Term {
  const ys = xs.filter((x) => x !== 'false');
  if (ys.some((y) => y === 'true')) return 'true';
  if (ys.length === 0) return 'false';
  if (ys.length === 1) return ys[0]!;
  return ['or', ...ys];
}
export function not(x: Term): Term {
  if (x === 'true') return 'false';
  if (x === 'false') return 'true';
  if (Array.isArray(x) && x[0] === 'not') return x[1]!;
  return ['not', x];
}
export function implies(a: Term, b: Term): Term {
  if (a === 'true') return b;
  if (a === 'false' || b === 'true') return 'true';
  return ['=>', a, b];
}
export function eq(a: Term, b: Term): Term {
  return ['=', a, b];
}
export function ite(c: Term, a: Term, b: Term): Term {
  if (c === 'true') return a;
  if (c === 'false') return b;
  if (print(a) === print(b)) return a;
  return ['ite', c, a, b];
}

/**
 * Symbols of SMT-LIB and of z3's theories that a user's name (a function, a struct, a local)
 * must not become: `|x|` and `x` are the same symbol, so a spec fn called `distinct` would
 * otherwise be confused with the builtin (z3's wasm build rejects the declaration; the native
 * one overloads it). Such names get a `'`, which no Rust identifier contains.
 */
const RESERVED = new Set([
  // core, ints, reals, arrays, reserved words
  'true', 'false', 'not', 'and', 'or', 'xor', 'distinct', 'ite', 'if', 'iff', 'implies',
  'div', 'mod', 'rem', 'abs', 'to_real', 'to_int', 'is_int', 'select', 'store', 'const', 'map',
  'let', 'forall', 'exists', 'match', 'par', 'as', 'lambda', 'pi', 'euler',
  'Int', 'Bool', 'Real', 'Array', 'BitVec', 'String', 'Seq', 'Set', 'Char', 'RegEx',
  // z3's other built-in sorts (a user `struct List` would redefine z3's `List`) and ours
  'List', 'RegLan', 'Unicode', 'FloatingPoint', 'Float16', 'Float32', 'Float64', 'Float128', 'RoundingMode', 'Fuel',
  // bit-vectors
  'concat', 'extract', 'repeat', 'rotate_left', 'rotate_right', 'zero_extend', 'sign_extend',
  'int2bv', 'bv2nat', 'bv2int',
  // z3's sets
  'union', 'intersection', 'subset', 'complement', 'as_array',
]);

export function quote(name: string): string {
  const clean = name.replace(/[|\\]/g, '_');
  const reserved = RESERVED.has(clean) || /^bv[a-z]+$/.test(clean);
  return '|' + (reserved ? `${clean}'` : clean) + '|';
}

/** Textual key of a type's sort, used inside quoted symbols. */
export function sortKey(t: Ty): string {
  t = t;
  switch (t.k) {
    // a char is its code point
    case 'int': case 'char': return 'Int';
    case 'real': return 'Real';
    case 'str': return STR_SORT_KEY;
    case 'bool': return 'Bool';
    // (`*const T` and `*mut T` are one sort: the same values, vstd's pointer model)
    case 'struct': case 'enum': return t.args.length ? `${t.name === RAW_CONST_PTR ? RAW_MUT_PTR : t.name}<${t.args.map(sortKey).join(',')}>` : t.name;
    // a generic parameter: an uninterpreted sort (a const one only names the instance of a datatype)
    case 'param': return `Param.${t.name}`;
    case 'cval': return String(t.n);
    case 'seq': case 'array': return `Seq<${sortKey(t.elem)}>`;
    case 'set': return `Set<${sortKey(t.elem)}>`;
    case 'map': return `Map<${sortKey(t.key)},${sortKey(t.val)}>`;
    case 'tuple': return `Tuple<${t.elems.map(sortKey).join(',')}>`;
    case 'fn': return `Fn<${t.params.map(sortKey).join(',')};${sortKey(t.ret)}>`;
    // every exec closure value is an element of one uninterpreted sort (what it does is stated by
    // its `requires` / `ensures` predicates, vcgen/closures.ts)
    case 'closure': return CLOSURE_SORT;
  }
}

/** `t` with each symbol of `map` replaced by its term (no binder of `t` may use those names). */
export function substSymbols(t: Term, map: ReadonlyMap<string, Term>): Term {
  if (typeof t === 'string') return map.get(t) ?? t;
  return t.map((x) => substSymbols(x, map));
}

export function sortOf(t: Ty): Term {
  t = t;
  switch (t.k) {
    case 'int': case 'char': return 'Int';
    case 'real': return 'Real';
    case 'bool': return 'Bool';
    case 'set': return ['Array', sortOf(t.elem), 'Bool'];
    // a spec_fn is an SMT array over its arguments (z3 reads a lambda as one; select applies it)
    case 'fn':
      if (!t.params.length) throw new UnencodableType('a `spec_fn` without parameters');
      return ['Array', ...t.params.map(sortOf), sortOf(t.ret)];
    default: return quote(sortKey(t));
  }
}

export interface DtField {
  name: string;
  /** the accessor as terms use it (for a boxed field: a macro that unboxes) */
  acc: string;
  ty: Ty;
  /** A field whose type reaches its own datatype through a Seq/array/Map value (see Boxed). */
  boxed?: Boxed;
}
export interface DtCtor {
  name: string; // source variant name ('mk' for structs)
  /** the constructor as terms apply it (with a boxed field: a macro that boxes) */
  ctor: string;
  /** the datatype's own constructor, for testers `(_ is ..)` (differs from `ctor` when a field is boxed) */
  tester: string;
  fields: DtField[];
}

/**
 * A recursive occurrence through a container (`struct S { x: Seq<Box<S>> }`): Verus allows it
 * (an empty Seq is a base case), but an SMT datatype with an array of itself is not well founded
 * for z3. The field is stored as a value of an uninterpreted sort (`Box<Seq<S>>`), in bijection
 * with the field's type through `box` / `unbox` (as Verus's Poly): the declared datatype has the
 * raw accessor and constructor, and `acc` / `ctor` are macros that unbox / box.
 */
export interface Boxed {
  sort: string;
  box: string;
  unbox: string;
  rawAcc: string;
}

/**
 * A datatype the encoding cannot express soundly: its recursion goes through a `Set` element or a
 * `Map` key (Verus's finite sets; ours are SMT arrays, all subsets, so the type would contain its
 * own powerset). VC generation reports the function using it `unsupported`.
 */
export class UnencodableType extends Error {}

/** Which user datatypes each one reaches through its fields (per crate, computed once). */
const reachCache = new WeakMap<Crate, Map<string, Set<string>>>();
function userDatatypesIn(t: Ty, out: Set<string>): void {
  switch (t.k) {
    case 'struct': out.add(t.name); return;
    case 'enum': if (t.name !== 'Option') out.add(t.name); t.args.forEach((a) => userDatatypesIn(a, out)); return;
    case 'seq': case 'array': case 'set': userDatatypesIn(t.elem, out); return;
    case 'map': userDatatypesIn(t.key, out); userDatatypesIn(t.val, out); return;
    case 'tuple': t.elems.forEach((a) => userDatatypesIn(a, out)); return;
    case 'fn': case 'closure': t.params.forEach((a) => userDatatypesIn(a, out)); userDatatypesIn(t.ret, out); return;
    default: return;
  }
}
function reachMap(crate: Crate): Map<string, Set<string>> {
  let m = reachCache.get(crate);
  if (m) return m;
  const direct = new Map<string, Set<string>>();
  const fieldTys = (name: string): Ty[] => {
    try {
      const st = crate.structs.get(name)?.[0]?.item;
      if (st) return st.fields.map((f) => crate.resolveType(f.ty, st));
      const en = crate.enums.get(name)?.[0]?.item;
      if (en) return en.variants.flatMap((v) => v.fields.map((f) => crate.resolveType(f.ty, en)));
    } catch {
      /* an unresolvable field is reported where the type is used */
    }
    return [];
  };
  for (const name of [...crate.structs.keys(), ...crate.enums.keys()]) {
    const out = new Set<string>();
    for (const t of fieldTys(name)) userDatatypesIn(t, out);
    direct.set(name, out);
  }
  m = new Map();
  for (const name of direct.keys()) {
    const seen = new Set<string>();
    const stack = [...(direct.get(name) ?? [])];
    while (stack.length) {
      const x = stack.pop()!;
      if (seen.has(x)) continue;
      seen.add(x);
      stack.push(...(direct.get(x) ?? []));
    }
    m.set(name, seen);
  }
  reachCache.set(crate, m);
  return m;
}

/** How a field of user datatype `owner` with type `t` is stored: as is, or boxed. */
function fieldStorage(crate: Crate, owner: string, t: Ty): 'plain' | 'boxed' {
  const reach = reachMap(crate);
  // a type that mentions a datatype of owner's recursion group
  const inGroup = (x: Ty): boolean => {
    const names = new Set<string>();
    userDatatypesIn(x, names);
    return [...names].some((n) => n === owner || reach.get(n)?.has(owner));
  };
  let boxed = false;
  const walk = (x: Ty): void => {
    switch (x.k) {
      case 'enum': if (x.name === 'Option') x.args.forEach(walk); return; // a user enum declares its own fields
      case 'tuple': x.elems.forEach(walk); return;
      case 'fn':
        if (inGroup(x)) throw new UnencodableType(`datatype \`${owner}\` contains itself through a \`spec_fn\``);
        return;
      case 'seq': case 'array':
        if (inGroup(x.elem)) boxed = true;
        walk(x.elem);
        return;
      case 'set':
        if (inGroup(x.elem)) throw new UnencodableType(`datatype \`${owner}\` contains itself through a \`Set\` element, which this verifier's (possibly infinite) sets cannot encode`);
        walk(x.elem);
        return;
      case 'map':
        if (inGroup(x.key)) throw new UnencodableType(`datatype \`${owner}\` contains itself through a \`Map\` key, which this verifier's (possibly infinite) maps cannot encode`);
        if (inGroup(x.val)) boxed = true;
        walk(x.key);
        walk(x.val);
        return;
      default: return;
    }
  };
  walk(t);
  return boxed ? 'boxed' : 'plain';
}
export interface Datatype {
  key: string;
  sort: string;
  ctors: DtCtor[];
}

/** The datatype behind a type, or null for Int/Bool/Set. */
export function datatypeOf(crate: Crate, t: Ty): Datatype | null {
  t = t;
  const key = sortKey(t);
  const sort = quote(key);
  const f = (c: string, n: string, ty: Ty): DtField => ({ name: n, acc: quote(`${key}.${c}${c ? '.' : ''}${n}`), ty });
  // a user datatype's field, boxed when its type reaches the datatype through a container
  const uf = (c: string, n: string, ty: Ty): DtField => {
    const fd = f(c, n, ty);
    if (fieldStorage(crate, t.k === 'struct' || t.k === 'enum' ? t.name : key, ty) === 'plain') return fd;
    const bk = `Box<${sortKey(ty)}>`;
    return { ...fd, boxed: { sort: quote(bk), box: quote(`box.${sortKey(ty)}`), unbox: quote(`unbox.${sortKey(ty)}`), rawAcc: quote(`${key}.${c}${c ? '.' : ''}${n}$raw`) } };
  };
  const userCtor = (name: string, ctorName: string, fields: DtField[]): DtCtor => {
    const any = fields.some((x) => x.boxed);
    return { name, ctor: quote(ctorName), tester: quote(any ? `${ctorName}$raw` : ctorName), fields };
  };
  const c0 = (name: string, ctor: string, fields: DtField[]): DtCtor => ({ name, ctor, tester: ctor, fields });
  switch (t.k) {
    case 'struct': {
      const s = crate.struct(t.name, { start: 0, end: 0 });
      // a generic struct's instance: its fields at the generic arguments
      const env = genericEnv(s, t.args);
      return {
        key, sort,
        ctors: [userCtor('mk', `${key}.mk`, s.fields.map((fd) => uf('', fd.name, substTy(crate.resolveType(fd.ty, s), env))))],
      };
    }
    case 'enum': {
      if (t.name === 'Option') {
        return {
          key, sort,
          ctors: [
            c0('None', quote(`${key}.None`), []),
            c0('Some', quote(`${key}.Some`), [f('Some', '0', t.args[0]!)]),
          ],
        };
      }
      const e = crate.enumItem(t.name)!;
      // a generic enum's instance: its variants' fields at the generic arguments
      const env = genericEnv(e, t.args);
      return {
        key, sort,
        ctors: e.variants.map((v) => userCtor(v.name, `${key}.${v.name}`, v.fields.map((fd) => uf(v.name, fd.name, substTy(crate.resolveType(fd.ty, e), env))))),
      };
    }
    case 'seq': case 'array':
      return {
        key, sort,
        ctors: [c0('mk', quote(`${key}.mk`), [f('', 'len', { k: 'int', kind: 'int' }), { name: 'arr', acc: quote(`${key}.arr`), ty: { k: 'set', elem: t.elem } /* placeholder, sort printed specially */ }])],
      };
    case 'map':
      return {
        key, sort,
        ctors: [c0('mk', quote(`${key}.mk`), [{ name: 'dom', acc: quote(`${key}.dom`), ty: { k: 'set', elem: t.key } }, { name: 'vals', acc: quote(`${key}.vals`), ty: t.val }])],
      };
    case 'tuple':
      return { key, sort, ctors: [c0('mk', quote(`${key}.mk`), t.elems.map((e, i) => f('', String(i), e)))] };
    default:
      return null;
  }
}

/** Sort of a datatype field as SMT text (seq arr / map vals are arrays). */
export function fieldSort(t: Ty, dt: Datatype, field: DtField): Term {
  t = t;
  if (field.boxed) return field.boxed.sort;
  if ((t.k === 'seq' || t.k === 'array') && field.name === 'arr') return ['Array', 'Int', sortOf(t.elem)];
  if (t.k === 'map' && field.name === 'vals') return ['Array', sortOf(t.key), sortOf(t.val)];
  void dt;
  return sortOf(field.ty);
}

/** `str` values are an uninterpreted sort (Verus: `StrSlice`); what a literal holds is its view's business. */
const STR_SORT_KEY = 'str';
const STR_LIT = quote('str.lit');
const STR_LIT_ID = quote('str.lit.id');
/**
 * A string literal is `str.lit` of a number its text determines (strLiteralTerm); `str.lit` is
 * injective, so distinct literals are distinct values, and nothing else about them is known
 * until `reveal_strlit` states their characters (as Verus).
 */
const STR_LITERAL_DECLS: string[] = [
  `(declare-fun ${STR_LIT} (Int) ${quote(STR_SORT_KEY)})`,
  `(declare-fun ${STR_LIT_ID} (${quote(STR_SORT_KEY)}) Int)`,
  `(assert (forall ((i Int)) (! (= (${STR_LIT_ID} (${STR_LIT} i)) i) :pattern ((${STR_LIT} i)) :qid |axiom:str.lit|)))`,
];

/** The term of a string literal: `str.lit` of its UTF-8 bytes read as one number (after a 1 byte, so `""` and `"\0"` differ). */
const BYTES_LIT = quote('bytes.lit');
/**
 * The byte string literals' function, and the literals a query uses told apart (distinct contents,
 * distinct values: a ground fact, so no quantifier slows a search for a counterexample).
 */
function bytesLiteralDecls(sort: string, ids: string[]): string[] {
  const out = [`(declare-fun ${BYTES_LIT} (Int) ${sort})`];
  if (ids.length > 1) out.push(`(assert (distinct ${ids.map((id) => `(${BYTES_LIT} ${id})`).join(' ')}))`);
  return out;
}

export function strLiteralTerm(text: string): Term {
  const hex = [...new TextEncoder().encode(text)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return [STR_LIT, BigInt('0x01' + hex).toString()];
}

/** Collects datatype declarations needed by a set of types, in a deterministic order. */
export class SortRegistry {
  private dts = new Map<string, { dt: Datatype; ty: Ty }>();
  private dflts = new Map<string, Ty>();
  /** uninterpreted sorts of generic type parameters, by sort */
  private params = new Set<string>();
  /** const generic parameters (usize constants), by SMT name */
  private consts = new Set<string>();
  /** the sort of `[u8; N]` values when a byte string literal is used, and each literal's id */
  private bytesSort: string | null = null;
  private bytesIds = new Set<string>();
  constructor(private crate: Crate) {}
  /** Byte string literal `bytes` (of array type `ty`): its term, the content's numeral as its id. */
  byteLiteral(bytes: number[], ty: Ty): Term {
    this.need(ty);
    this.bytesSort = print(sortOf(ty));
    const id = BigInt('0x01' + bytes.map((b) => b.toString(16).padStart(2, '0')).join('')).toString();
    this.bytesIds.add(id);
    return [BYTES_LIT, id];
  }
  /**
   * The constant standing for const generic parameter `name` of integer type `kind`, declared
   * with that type's range (a `usize` one's name has no suffix).
   */
  constParam(name: string, kind: IntKind = 'usize'): string {
    const c = quote(kind === 'usize' ? `const.${name}` : `const.${name}%${kind}`);
    this.consts.add(c);
    return c;
  }
  /** The const generic parameters used so far (to carry a definition's into a query). */
  /** The types whose default constant (`dflt.T`) was asked for. */
  dfltsUsed(): Ty[] {
    return [...this.dflts.keys()].sort().map((k) => this.dflts.get(k)!);
  }
  constsUsed(): string[] {
    return [...this.consts].sort();
  }
  needConst(c: string): void {
    this.consts.add(c);
  }
  need(t: Ty): void {
    t = t;
    if (t.k === 'param') {
      this.params.add(print(sortOf(t)));
      return;
    }
    if (t.k === 'closure') {
      this.params.add(print(sortOf(t)));
      t.params.forEach((p) => this.need(p));
      this.need(t.ret);
      return;
    }
    if (t.k === 'cval') return;
    if (t.k === 'str') {
      this.params.add(print(sortOf(t)));
      return;
    }
    if (t.k === 'struct' || t.k === 'enum') t.args.forEach((a) => this.need(a));
    if (t.k === 'set') {
      this.need(t.elem);
      return;
    }
    // (a spec_fn is an array over its parameters' sorts: those are needed)
    if (t.k === 'fn') {
      t.params.forEach((p) => this.need(p));
      this.need(t.ret);
      return;
    }
    if (t.k === 'int' || t.k === 'bool' || t.k === 'char') return;
    const key = sortKey(t);
    if (this.dts.has(key)) return;
    const dt = datatypeOf(this.crate, t);
    if (!dt) return;
    this.dts.set(key, { dt, ty: t });
    if (t.k === 'seq' || t.k === 'array') {
      this.need(t.elem);
      return;
    }
    if (t.k === 'map') {
      this.need(t.key);
      this.need(t.val);
      return;
    }
    for (const c of dt.ctors) for (const f of c.fields) this.need(f.ty);
  }
  dflt(t: Ty): Term {
    t = t;
    this.need(t);
    const key = sortKey(t);
    this.dflts.set(key, t);
    return quote(`dflt.${key}`);
  }
  /** `usizeMax`: the largest `usize` (a const generic is one), a numeral or the word width's constant. */
  declarations(usizeMax: Term): string[] {
    const out: string[] = [];
    for (const p of [...this.params].sort()) out.push(`(declare-sort ${p} 0)`);
    if (this.params.has(quote(STR_SORT_KEY))) out.push(...STR_LITERAL_DECLS);
    for (const c of [...this.consts].sort()) {
      // (the type is in the name: a definition's constants reach a query by name, needConst)
      const kind = constKindOfName(c);
      const range = kind ? intRange(kind) : null;
      const bounds = range && range.min !== null && range.max !== null ? `(assert (and (<= ${print(num(range.min))} ${c}) (<= ${c} ${print(num(range.max))})))` : `(assert (and (<= 0 ${c}) (<= ${c} ${print(usizeMax)})))`;
      out.push(`(declare-const ${c} Int)`, bounds);
    }
    const keys = [...this.dts.keys()].sort();
    // boxed fields: their sorts first, their box/unbox bijection and the macros after the datatypes
    const boxes = new Map<string, { b: Boxed; ty: Ty }>();
    for (const k of keys) for (const c of this.dts.get(k)!.dt.ctors) for (const f of c.fields) if (f.boxed) boxes.set(f.boxed.sort, { b: f.boxed, ty: f.ty });
    for (const [sort] of [...boxes].sort((a, b) => (a[0] < b[0] ? -1 : 1))) out.push(`(declare-sort ${sort} 0)`);
    // one declare-datatypes per group of mutually recursive datatypes, each after those it uses
    // (one group for all would put, e.g., a tuple under a Set's array in a contravariant position)
    // (by quoted sort: a datatype named like a z3 sort, `String`, is `|String'|`)
    const keyOfSort = new Map(keys.map((k) => [quote(k), k]));
    const uses = (k: string): string[] => {
      const { dt, ty } = this.dts.get(k)!;
      const out2 = new Set<string>();
      const visit = (t: Term): void => {
        if (typeof t === 'string') {
          const used = keyOfSort.get(t);
          if (used !== undefined) out2.add(used);
          return;
        }
        t.forEach(visit);
      };
      for (const c of dt.ctors) for (const f of c.fields) visit(fieldSort(ty, dt, f));
      return [...out2].sort();
    };
    for (const group of stronglyConnected(keys, uses).map((c) => c.sort())) {
      const heads = group.map((k) => `(${quote(k)} 0)`).join(' ');
      const bodies = group
        .map((k) => {
          const { dt, ty } = this.dts.get(k)!;
          const ctors = dt.ctors.map((c) => (c.fields.length ? `(${c.tester} ${c.fields.map((f) => `(${f.boxed ? f.boxed.rawAcc : f.acc} ${print(fieldSort(ty, dt, f))})`).join(' ')})` : `(${c.tester})`));
          return `(${ctors.join(' ')})`;
        })
        .join(' ');
      out.push(`(declare-datatypes (${heads}) (${bodies}))`);
    }
    for (const [sort, { b, ty }] of [...boxes].sort((a, b2) => (a[0] < b2[0] ? -1 : 1))) {
      const s = print(sortOf(ty));
      out.push(`(declare-fun ${b.box} (${s}) ${sort})`, `(declare-fun ${b.unbox} (${sort}) ${s})`);
      // (as text, like the other declarations here)
      out.push(print(['assert', quantifier('forall', [['x', sortOf(ty)]], ['=', [b.unbox, [b.box, 'x']], 'x'], [[[b.box, 'x']]], { k: 'axiom', name: `box.${sortKey(ty)}` })]));
      out.push(print(['assert', quantifier('forall', [['b', sort]], ['=', [b.box, [b.unbox, 'b']], 'b'], [[[b.unbox, 'b']]], { k: 'axiom', name: `unbox.${sortKey(ty)}` })]));
    }
    for (const k of keys) {
      const { dt, ty } = this.dts.get(k)!;
      for (const c of dt.ctors) {
        if (c.tester === c.ctor) continue;
        for (const f of c.fields) if (f.boxed) out.push(`(define-fun ${f.acc} ((x ${dt.sort})) ${print(sortOf(f.ty))} (${f.boxed.unbox} (${f.boxed.rawAcc} x)))`);
        const ps = c.fields.map((f, i) => `(a${i} ${print(f.boxed ? sortOf(f.ty) : fieldSort(ty, dt, f))})`).join(' ');
        const args = c.fields.map((f, i) => (f.boxed ? `(${f.boxed.box} a${i})` : `a${i}`)).join(' ');
        out.push(`(define-fun ${c.ctor} (${ps}) ${dt.sort} (${c.tester} ${args}))`);
      }
    }
    for (const k of [...this.dflts.keys()].sort()) out.push(`(declare-const ${quote(`dflt.${k}`)} ${print(sortOf(this.dflts.get(k)!))})`);
    if (this.bytesSort) out.push(...bytesLiteralDecls(this.bytesSort, [...this.bytesIds].sort()));
    return out;
  }
  datatype(t: Ty): Datatype {
    const d = datatypeOf(this.crate, t);
    if (!d) throw new Error(`no datatype for ${tyStr(t)}`);
    this.need(t);
    return d;
  }
}

/** The integer value of a numeral term (`5`, `(- 5)`), or null. */
function numeralValue(t: Term): bigint | null {
  if (typeof t === 'string') return /^[0-9]+$/.test(t) ? BigInt(t) : null;
  if (t.length === 2 && t[0] === '-' && typeof t[1] === 'string' && /^[0-9]+$/.test(t[1])) return -BigInt(t[1]);
  return null;
}

/**
 * Evaluates ground integer arithmetic and comparisons (`(= (+ 1 1) 2)` is `true`): an equivalent
 * term, used where two terms are compared by how they are written after Verus's constant
 * simplification (two `choose` with such bodies are the same choice). Connectives are left as
 * they are, as Verus leaves them.
 */
export function foldGround(t: Term): Term {
  if (typeof t === 'string') return t;
  const xs = t.map((x, i) => (i === 0 ? x : foldGround(x)));
  const h = xs[0];
  const args = xs.slice(1);
  const vals = args.map(numeralValue);
  const ground = args.length > 0 && vals.every((v) => v !== null);
  const v = vals as bigint[];
  switch (h) {
    case '+': return ground ? num(v.reduce((a, b) => a + b, 0n)) : xs;
    case '*': return ground ? num(v.reduce((a, b) => a * b, 1n)) : xs;
    case '-': return ground ? num(v.length === 1 ? -v[0]! : v.slice(1).reduce((a, b) => a - b, v[0]!)) : xs;
    case '=': return ground && v.length === 2 ? (v[0] === v[1] ? 'true' : 'false') : xs;
    case '<': return ground && v.length === 2 ? (v[0]! < v[1]! ? 'true' : 'false') : xs;
    case '<=': return ground && v.length === 2 ? (v[0]! <= v[1]! ? 'true' : 'false') : xs;
    case '>': return ground && v.length === 2 ? (v[0]! > v[1]! ? 'true' : 'false') : xs;
    case '>=': return ground && v.length === 2 ? (v[0]! >= v[1]! ? 'true' : 'false') : xs;
    // connectives keep their shape, as in Verus: `f(i) && true` and `true && f(i)` are two choices
    default: return xs;
  }
}

/** The integer type a const generic parameter's constant name carries (`|const.N%u8|`), if not `usize`. */
function constKindOfName(c: string): IntKind | null {
  const m = /%([iu](?:8|16|32|64|128))\|?$/.exec(c);
  return m ? (m[1] as IntKind) : null;
}
