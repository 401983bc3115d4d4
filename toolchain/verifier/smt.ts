// SMT-LIB2 terms (S-expressions as nested arrays), sorts of semantic types, and datatype
// declarations. Everything here is deterministic so that the same input gives the same text.

import { Crate, tyStr, type Ty } from './resolver';

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

export function num(v: bigint | number): Term {
  const b = BigInt(v);
  return b < 0n ? ['-', (-b).toString()] : b.toString();
}
export const TRUE: Term = 'true';
export const FALSE: Term = 'false';
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
    case 'int': return 'Int';
    case 'bool': return 'Bool';
    case 'struct': return t.name;
    case 'enum': return t.args.length ? `${t.name}<${t.args.map(sortKey).join(',')}>` : t.name;
    case 'seq': case 'array': return `Seq<${sortKey(t.elem)}>`;
    case 'set': return `Set<${sortKey(t.elem)}>`;
    case 'map': return `Map<${sortKey(t.key)},${sortKey(t.val)}>`;
    case 'tuple': return `Tuple<${t.elems.map(sortKey).join(',')}>`;
  }
}

export function sortOf(t: Ty): Term {
  t = t;
  switch (t.k) {
    case 'int': return 'Int';
    case 'bool': return 'Bool';
    case 'set': return ['Array', sortOf(t.elem), 'Bool'];
    default: return quote(sortKey(t));
  }
}

export interface DtField {
  name: string;
  acc: string;
  ty: Ty;
}
export interface DtCtor {
  name: string; // source variant name ('mk' for structs)
  ctor: string; // quoted SMT constructor
  fields: DtField[];
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
  switch (t.k) {
    case 'struct': {
      const s = crate.struct(t.name, { start: 0, end: 0 });
      return {
        key, sort,
        ctors: [{ name: 'mk', ctor: quote(`${key}.mk`), fields: s.fields.map((fd) => f('', fd.name, crate.resolveType(fd.ty, t.name))) }],
      };
    }
    case 'enum': {
      if (t.name === 'Option') {
        return {
          key, sort,
          ctors: [
            { name: 'None', ctor: quote(`${key}.None`), fields: [] },
            { name: 'Some', ctor: quote(`${key}.Some`), fields: [f('Some', '0', t.args[0]!)] },
          ],
        };
      }
      const e = crate.enumItem(t.name)!;
      return {
        key, sort,
        ctors: e.variants.map((v) => ({ name: v.name, ctor: quote(`${key}.${v.name}`), fields: v.fields.map((fd) => f(v.name, fd.name, crate.resolveType(fd.ty, t.name))) })),
      };
    }
    case 'seq': case 'array':
      return {
        key, sort,
        ctors: [{ name: 'mk', ctor: quote(`${key}.mk`), fields: [f('', 'len', { k: 'int', kind: 'int' }), { name: 'arr', acc: quote(`${key}.arr`), ty: { k: 'set', elem: t.elem } /* placeholder, sort printed specially */ }] }],
      };
    case 'map':
      return {
        key, sort,
        ctors: [{ name: 'mk', ctor: quote(`${key}.mk`), fields: [{ name: 'dom', acc: quote(`${key}.dom`), ty: { k: 'set', elem: t.key } }, { name: 'vals', acc: quote(`${key}.vals`), ty: t.val }] }],
      };
    case 'tuple':
      return { key, sort, ctors: [{ name: 'mk', ctor: quote(`${key}.mk`), fields: t.elems.map((e, i) => f('', String(i), e)) }] };
    default:
      return null;
  }
}

/** Sort of a datatype field as SMT text (seq arr / map vals are arrays). */
export function fieldSort(t: Ty, dt: Datatype, field: DtField): Term {
  t = t;
  if ((t.k === 'seq' || t.k === 'array') && field.name === 'arr') return ['Array', 'Int', sortOf(t.elem)];
  if (t.k === 'map' && field.name === 'vals') return ['Array', sortOf(t.key), sortOf(t.val)];
  void dt;
  return sortOf(field.ty);
}

/** Collects datatype declarations needed by a set of types, in a deterministic order. */
export class SortRegistry {
  private dts = new Map<string, { dt: Datatype; ty: Ty }>();
  private dflts = new Map<string, Ty>();
  constructor(private crate: Crate) {}
  need(t: Ty): void {
    t = t;
    if (t.k === 'set') {
      this.need(t.elem);
      return;
    }
    if (t.k === 'int' || t.k === 'bool') return;
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
  declarations(): string[] {
    const out: string[] = [];
    const keys = [...this.dts.keys()].sort();
    if (keys.length) {
      const heads = keys.map((k) => `(${quote(k)} 0)`).join(' ');
      const bodies = keys
        .map((k) => {
          const { dt, ty } = this.dts.get(k)!;
          const ctors = dt.ctors.map((c) => (c.fields.length ? `(${c.ctor} ${c.fields.map((f) => `(${f.acc} ${print(fieldSort(ty, dt, f))})`).join(' ')})` : `(${c.ctor})`));
          return `(${ctors.join(' ')})`;
        })
        .join(' ');
      out.push(`(declare-datatypes (${heads}) (${bodies}))`);
    }
    for (const k of [...this.dflts.keys()].sort()) out.push(`(declare-const ${quote(`dflt.${k}`)} ${print(sortOf(this.dflts.get(k)!))})`);
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
 * Evaluates ground integer arithmetic and comparisons and simplifies the connectives around them
 * (`(= (+ 1 1) 2)` is `true`): an equivalent term, used where two terms should be compared by
 * their meaning rather than by how they were written (Verus simplifies constants the same way).
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
    case 'and': return and(...args);
    case 'or': return or(...args);
    case 'not': return args.length === 1 ? not(args[0]!) : xs;
    case '=>': return args.length === 2 ? implies(args[0]!, args[1]!) : xs;
    default: return xs;
  }
}
