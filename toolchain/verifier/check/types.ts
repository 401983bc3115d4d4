// The checker's working types: the resolver's semantic types plus three inference forms, an integer
// variable for an unsuffixed literal (Rust's `{integer}`), a type variable for a binder written
// without a type (`forall|x| ..`, `choose|x| ..`, Rust's `_`) and `any` for what the checker does
// not track. Only fully known types leave the checker (as resolver `Ty`s).

import { closureTypeStr, isRawPtr, RAW_MUT_PTR, tyStr, type IntKind, type Ty } from '../resolver';
import type { TrackedModes } from '../ast';

export type CTy =
  | { k: 'int'; kind: IntKind }
  | { k: 'ivar'; id: number }
  | { k: 'bool' }
  | { k: 'char' }
  | { k: 'str' }
  | { k: 'real' }
  | { k: 'struct'; name: string; args: CTy[] }
  | { k: 'enum'; name: string; args: CTy[] }
  | { k: 'seq'; elem: CTy }
  | { k: 'set'; elem: CTy }
  | { k: 'map'; key: CTy; val: CTy }
  /** `len`: a `cval`, a const `param`, or a `tvar` (a const generic argument to be inferred) */
  | { k: 'array'; elem: CTy; len: CTy }
  | { k: 'tuple'; elems: CTy[] }
  /** `spec_fn(A, B) -> C` */
  | { k: 'fn'; params: CTy[]; ret: CTy }
  /** an exec closure's own type (resolver.ts) */
  | { k: 'closure'; id: number; params: CTy[]; ret: CTy; proof?: string[]; tracked?: TrackedModes }
  /** A generic parameter of the item being checked (resolver `param`). */
  | { k: 'param'; name: string }
  /** A const generic argument's value. */
  | { k: 'cval'; n: bigint }
  /** A type to be inferred from the uses (a binder without a type annotation). */
  | { k: 'tvar'; id: number }
  /** Not tracked by the checker (a construct VC generation reports as unsupported), or `!`. */
  | { k: 'any' };

export const C_BOOL: CTy = { k: 'bool' };
export const C_CHAR: CTy = { k: 'char' };
export const C_REAL: CTy = { k: 'real' };
export const C_STR: CTy = { k: 'str' };
export const C_INT: CTy = { k: 'int', kind: 'int' };
export const C_NAT: CTy = { k: 'int', kind: 'nat' };
export const C_UNIT: CTy = { k: 'tuple', elems: [] };
export const C_ANY: CTy = { k: 'any' };
/** The `len` of a slice `[T]` (resolver: `len` null): no array has it, so a slice never unifies with an array. */
export const C_SLICE_LEN: CTy = { k: 'cval', n: -1n };
export const isSliceLen = (len: CTy): boolean => len.k === 'cval' && len.n === -1n;

export function fromTy(t: Ty): CTy {
  switch (t.k) {
    case 'struct': case 'enum': return { k: t.k, name: t.name, args: t.args.map(fromTy) };
    case 'seq': return { k: 'seq', elem: fromTy(t.elem) };
    case 'set': return { k: 'set', elem: fromTy(t.elem) };
    case 'map': return { k: 'map', key: fromTy(t.key), val: fromTy(t.val) };
    case 'array': return { k: 'array', elem: fromTy(t.elem), len: t.len === null ? C_SLICE_LEN : typeof t.len === 'string' ? { k: 'param', name: t.len } : { k: 'cval', n: BigInt(t.len) } };
    case 'tuple': return { k: 'tuple', elems: t.elems.map(fromTy) };
    case 'fn': return { k: 'fn', params: t.params.map(fromTy), ret: fromTy(t.ret) };
    case 'closure': return { ...t, params: t.params.map(fromTy), ret: fromTy(t.ret) };
    default: return t;
  }
}

/** `t` with generic parameters replaced by `env`'s types (a generic callee's types at a call). */
export function substCTy(t: CTy, env: ReadonlyMap<string, CTy>): CTy {
  switch (t.k) {
    case 'param': return env.get(t.name) ?? t;
    case 'struct': case 'enum': return { k: t.k, name: t.name, args: t.args.map((a) => substCTy(a, env)) };
    case 'seq': case 'set': return { k: t.k, elem: substCTy(t.elem, env) };
    case 'map': return { k: 'map', key: substCTy(t.key, env), val: substCTy(t.val, env) };
    case 'array': return { k: 'array', elem: substCTy(t.elem, env), len: substCTy(t.len, env) };
    case 'tuple': return { k: 'tuple', elems: t.elems.map((e) => substCTy(e, env)) };
    case 'fn': return { k: 'fn', params: t.params.map((e) => substCTy(e, env)), ret: substCTy(t.ret, env) };
    case 'closure': return { ...t, params: t.params.map((e) => substCTy(e, env)), ret: substCTy(t.ret, env) };
    default: return t;
  }
}

/**
 * Integer inference variables with union-find. Each literal gets one; a variable is fixed by the
 * first integer type it meets and, when nothing fixes it, defaults like rustc (`i32`) in exec
 * code and like Verus (`int`) in ghost code.
 */
export class IntVars {
  private parent: number[] = [];
  private kind: (IntKind | null)[] = [];
  private ghost: boolean[] = [];

  fresh(ghost: boolean): CTy {
    const id = this.parent.length;
    this.parent.push(id);
    this.kind.push(null);
    this.ghost.push(ghost);
    return { k: 'ivar', id };
  }
  find(id: number): number {
    while (this.parent[id] !== id) {
      this.parent[id] = this.parent[this.parent[id]!]!;
      id = this.parent[id]!;
    }
    return id;
  }
  kindOf(id: number): IntKind | null {
    return this.kind[this.find(id)]!;
  }
  /** Fixes a variable's kind; false when it already has another. */
  fix(id: number, k: IntKind): boolean {
    const r = this.find(id);
    const cur = this.kind[r];
    if (cur === null || cur === undefined) {
      this.kind[r] = k;
      return true;
    }
    return cur === k;
  }
  /** Merges two variables; false when their kinds disagree. */
  union(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return true;
    const ka = this.kind[ra]!;
    const kb = this.kind[rb]!;
    if (ka !== null && kb !== null && ka !== kb) return false;
    this.parent[rb] = ra;
    this.kind[ra] = ka ?? kb;
    // exec use wins: a literal that reaches exec code is a machine integer
    this.ghost[ra] = this.ghost[ra]! && this.ghost[rb]!;
    return true;
  }
  // ---- type variables (binders without annotation): bound once, by the first type they meet

  private tvals: (CTy | null)[] = [];
  freshType(): CTy {
    this.tvals.push(null);
    return { k: 'tvar', id: this.tvals.length - 1 };
  }
  typeOf(id: number): CTy | null {
    return this.tvals[id] ?? null;
  }
  /** Binds an unbound type variable (false when `t` contains it: an infinite type). */
  bindType(id: number, t: CTy): boolean {
    if (occurs(id, t, this)) return false;
    this.tvals[id] = t;
    return true;
  }

  /** The kind a variable ends with: fixed, or the default of where it was written. */
  resolved(id: number): IntKind {
    const r = this.find(id);
    return this.kind[r] ?? (this.ghost[r] ? 'int' : 'i32');
  }
}

function occurs(id: number, t: CTy, vars: IntVars): boolean {
  t = shallow(t, vars);
  switch (t.k) {
    case 'tvar': return t.id === id;
    case 'enum': case 'struct': return t.args.some((x) => occurs(id, x, vars));
    case 'seq': case 'set': return occurs(id, t.elem, vars);
    case 'array': return occurs(id, t.elem, vars) || occurs(id, t.len, vars);
    case 'map': return occurs(id, t.key, vars) || occurs(id, t.val, vars);
    case 'tuple': return t.elems.some((x) => occurs(id, x, vars));
    case 'fn': case 'closure': return t.params.some((x) => occurs(id, x, vars)) || occurs(id, t.ret, vars);
    default: return false;
  }
}

/** Replaces solved variables (for messages and for comparing shapes). */
/** Whether `t` is an integer, `bool` or `char`: a value whose `clone()` (std's impl) is itself. */
export function isScalar(t: CTy, vars: IntVars): boolean {
  const k = shallow(t, vars).k;
  return k === 'int' || k === 'ivar' || k === 'bool' || k === 'char';
}

export function shallow(t: CTy, vars: IntVars): CTy {
  if (t.k === 'tvar') {
    const b = vars.typeOf(t.id);
    return b ? shallow(b, vars) : t;
  }
  if (t.k === 'ivar') {
    const k = vars.kindOf(t.id);
    return k ? { k: 'int', kind: k } : t;
  }
  return t;
}

export function cTyStr(t: CTy, vars: IntVars): string {
  const s = (x: CTy): string => cTyStr(x, vars);
  switch (t.k) {
    case 'ivar': {
      const k = vars.kindOf(t.id);
      return k ?? '{integer}';
    }
    case 'any': return '_';
    case 'tvar': {
      const b = vars.typeOf(t.id);
      return b ? s(b) : '_';
    }
    case 'enum': case 'struct':
      if (isRawPtr(t)) return `*${t.name === RAW_MUT_PTR ? 'mut' : 'const'} ${s(t.args[0]!)}`;
      return t.args.length ? `${t.name}<${t.args.map(s).join(', ')}>` : t.name;
    case 'param': return tyStr(t);
    case 'cval': return String(t.n);
    case 'seq': return `Seq<${s(t.elem)}>`;
    case 'set': return `Set<${s(t.elem)}>`;
    case 'map': return `Map<${s(t.key)}, ${s(t.val)}>`;
    case 'array': return isSliceLen(t.len) ? `[${s(t.elem)}]` : `[${s(t.elem)}; ${s(t.len)}]`;
    case 'tuple': return `(${t.elems.map(s).join(', ')}${t.elems.length === 1 ? ',' : ''})`;
    case 'fn': return `spec_fn(${t.params.map(s).join(', ')}) -> ${s(t.ret)}`;
    case 'closure': return closureTypeStr(t, s);
    default: return tyStr(t);
  }
}

/** The final semantic type, or null where something is not known. */
export function toTy(t: CTy, vars: IntVars): Ty | null {
  const all = (xs: CTy[]): Ty[] | null => {
    const out: Ty[] = [];
    for (const x of xs) {
      const y = toTy(x, vars);
      if (!y) return null;
      out.push(y);
    }
    return out;
  };
  switch (t.k) {
    case 'ivar': return { k: 'int', kind: vars.resolved(t.id) };
    case 'any': return null;
    case 'tvar': {
      const b = vars.typeOf(t.id);
      return b ? toTy(b, vars) : null;
    }
    case 'enum': case 'struct': {
      const a = all(t.args);
      return a && { k: t.k, name: t.name, args: a };
    }
    case 'seq': case 'set': {
      const e = toTy(t.elem, vars);
      return e && { k: t.k, elem: e };
    }
    case 'map': {
      const a = all([t.key, t.val]);
      return a && { k: 'map', key: a[0]!, val: a[1]! };
    }
    case 'array': {
      const e = toTy(t.elem, vars);
      const n = toTy(t.len, vars);
      if (e && isSliceLen(t.len)) return { k: 'array', elem: e, len: null };
      const len = n?.k === 'cval' ? Number(n.n) : n?.k === 'param' ? n.name : null;
      return e && len !== null ? { k: 'array', elem: e, len } : null;
    }
    case 'tuple': {
      const a = all(t.elems);
      return a && { k: 'tuple', elems: a };
    }
    case 'fn': {
      const a = all([...t.params, t.ret]);
      return a && { k: 'fn', params: a.slice(0, -1), ret: a[a.length - 1]! };
    }
    case 'closure': {
      const a = all([...t.params, t.ret]);
      return a && { ...t, params: a.slice(0, -1), ret: a[a.length - 1]! };
    }
    default: return t;
  }
}

export function isIntLike(t: CTy): boolean {
  return t.k === 'int' || t.k === 'ivar';
}
