// Name resolution and semantic types. All files passed form one crate namespace; paths resolve by
// their last segment (`crate::mm::Frame` -> `Frame`), and a name defined twice is an error at its
// use, never a guess.

import type { BroadcastGroupItem, ConstItem, EnumItem, Expr, FnItem, Item, SourceFile, Sp, StructItem, TypeExpr } from './ast';

export type IntKind = 'int' | 'nat' | 'u8' | 'u16' | 'u32' | 'u64' | 'u128' | 'usize' | 'i8' | 'i16' | 'i32' | 'i64' | 'i128' | 'isize';

export type Ty =
  | { k: 'int'; kind: IntKind }
  | { k: 'bool' }
  | { k: 'struct'; name: string }
  | { k: 'enum'; name: string; args: Ty[] } // user enums (args empty) and Option<T>
  | { k: 'seq'; elem: Ty }
  | { k: 'array'; elem: Ty; len: number }
  | { k: 'set'; elem: Ty }
  | { k: 'map'; key: Ty; val: Ty }
  | { k: 'tuple'; elems: Ty[] };

export const INT: Ty = { k: 'int', kind: 'int' };
export const NAT: Ty = { k: 'int', kind: 'nat' };
export const BOOL: Ty = { k: 'bool' };
export const UNIT: Ty = { k: 'tuple', elems: [] };

const INT_KINDS = new Set(['int', 'nat', 'u8', 'u16', 'u32', 'u64', 'u128', 'usize', 'i8', 'i16', 'i32', 'i64', 'i128', 'isize']);

export function isIntKind(s: string): s is IntKind {
  return INT_KINDS.has(s);
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
    case 'struct': return t.name;
    case 'enum': return t.args.length ? `${t.name}<${t.args.map(tyStr).join(', ')}>` : t.name;
    case 'seq': return `Seq<${tyStr(t.elem)}>`;
    case 'array': return `[${tyStr(t.elem)}; ${t.len}]`;
    case 'set': return `Set<${tyStr(t.elem)}>`;
    case 'map': return `Map<${tyStr(t.key)}, ${tyStr(t.val)}>`;
    case 'tuple': return `(${t.elems.map(tyStr).join(', ')}${t.elems.length === 1 ? ',' : ''})`;
  }
}

export function tyEq(a: Ty, b: Ty): boolean {
  return tyStr(a) === tyStr(b);
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

/** A type the verifier reads but gives no meaning (raw pointers): its user is `unsupported`, not in error. */
export class UnsupportedType extends ResolveError {}

export class Crate {
  structs = new Map<string, { item: StructItem; file: string }[]>();
  enums = new Map<string, { item: EnumItem; file: string }[]>();
  fns = new Map<string, FnInfo[]>(); // by qname
  fnsByName = new Map<string, FnInfo[]>(); // free fns by last name
  consts = new Map<string, { item: ConstItem; file: string }[]>();
  aliases = new Map<string, TypeExpr>();
  /** `broadcast group`s by qualified name (`name` or `Type::name`) */
  broadcastGroups = new Map<string, { item: BroadcastGroupItem; file: string }[]>();
  files: SourceFile[];

  constructor(files: SourceFile[]) {
    this.files = files;
    for (const f of files) for (const it of f.items) this.add(it, f.path);
  }
  private add(it: Item, file: string): void {
    const push = <T>(m: Map<string, T[]>, k: string, v: T) => {
      const l = m.get(k);
      if (l) l.push(v);
      else m.set(k, [v]);
    };
    if (it.k === 'struct') push(this.structs, it.name, { item: it, file });
    else if (it.k === 'enum') push(this.enums, it.name, { item: it, file });
    else if (it.k === 'const') push(this.consts, it.selfType ? `${it.selfType}::${it.name}` : it.name, { item: it, file });
    else if (it.k === 'type') this.aliases.set(it.name, it.ty);
    else if (it.k === 'broadcast-group') push(this.broadcastGroups, it.selfType ? `${it.selfType}::${it.name}` : it.name, { item: it, file });
    else if (it.k === 'fn') {
      const qname = it.selfType ? `${it.selfType}::${it.name}` : it.name;
      const info: FnInfo = { item: it, file, qname, key: qname };
      push(this.fns, qname, info);
      if (!it.selfType) push(this.fnsByName, it.name, info);
    }
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
  fn(qname: string, sp: Sp): FnInfo | null {
    const l = this.fns.get(qname);
    if (!l) return null;
    if (l.length > 1) throw new ResolveError(`ambiguous name \`${qname}\`: defined ${l.length} times`, sp);
    return l[0]!;
  }
  constItem(name: string, sp: Sp): ConstItem | null {
    const l = this.consts.get(name);
    if (!l) return null;
    if (l.length > 1) throw new ResolveError(`ambiguous name \`${name}\`: defined ${l.length} times`, sp);
    return l[0]!.item;
  }

  /** Semantic type of a type expression. `selfType` replaces `Self`. */
  resolveType(t: TypeExpr, selfType: string | null, depth = 0): Ty {
    if (depth > 30) throw new ResolveError('type alias cycle', t.sp);
    switch (t.k) {
      case 'ref':
        return this.resolveType(t.inner, selfType, depth + 1);
      case 'array': {
        const n = this.constIntValue(t.len);
        if (n === null) throw new ResolveError('array length must be an integer constant', t.len.sp);
        return { k: 'array', elem: this.resolveType(t.elem, selfType, depth + 1), len: Number(n) };
      }
      case 'slice':
        throw new ResolveError('slices are not supported (use a fixed-size array)', t.sp);
      case 'tuple':
        return { k: 'tuple', elems: t.elems.map((e) => this.resolveType(e, selfType, depth + 1)) };
      case 'infer':
        throw new ResolveError('type annotations needed', t.sp);
      case 'ptr':
        throw new UnsupportedType(`raw pointer type \`*${t.mut ? 'mut' : 'const'} ..\``, t.sp);
      case 'path': {
        let name = t.name;
        if (name === 'Self') {
          if (!selfType) throw new ResolveError('`Self` outside of an impl', t.sp);
          name = selfType;
        }
        const arg = (i: number) => {
          const a = t.args[i];
          if (!a) throw new ResolveError(`\`${name}\` needs a type argument`, t.sp);
          return this.resolveType(a, selfType, depth + 1);
        };
        if (isIntKind(name)) return { k: 'int', kind: name };
        if (name === 'bool') return BOOL;
        if (name === 'Ghost' || name === 'Tracked' || name === 'Box') return arg(0);
        if (name === 'Option') return { k: 'enum', name: 'Option', args: [arg(0)] };
        if (name === 'Seq') return { k: 'seq', elem: arg(0) };
        if (name === 'Set') return { k: 'set', elem: arg(0) };
        if (name === 'Map') return { k: 'map', key: arg(0), val: arg(1) };
        const alias = this.aliases.get(name);
        if (alias) return this.resolveType(alias, selfType, depth + 1);
        if (this.structs.has(name)) {
          const s = this.struct(name, t.sp);
          if (s.generics.length) throw new ResolveError(`generic struct \`${name}\` is not supported`, t.sp);
          return { k: 'struct', name };
        }
        const e = this.enumItem(name);
        if (e) {
          if (e.generics.length) throw new ResolveError(`generic enum \`${name}\` is not supported`, t.sp);
          return { k: 'enum', name, args: [] };
        }
        throw new ResolveError(`cannot find type \`${name}\``, t.sp);
      }
    }
  }

  /** Integer value of a constant expression (literals, consts, + - * / << of constants). */
  constIntValue(e: Expr, depth = 0): bigint | null {
    if (depth > 50) return null;
    switch (e.k) {
      case 'int':
        return e.value;
      case 'path': {
        const c = this.constItem(e.segs.length > 1 && /^[A-Z]/.test(e.segs[e.segs.length - 2]!) ? e.segs.slice(-2).join('::') : e.segs[e.segs.length - 1]!, e.sp);
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
