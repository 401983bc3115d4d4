// Reads a Z3 model (its S-expression text) back into source-level values: Rust notation for the
// report and concrete values for the interpreter.

import type { CounterexampleVariable } from '../../app/verification';
import { Crate, isRawPtr, tyStr, type Ty } from './resolver';
import { datatypeOf } from './smt';
import type { ScopeVar } from './vcgen';

/** S-expressions of model text; `bigint`: an integer the evaluator computed (never in parsed text). */
export type SExp = string | bigint | SExp[];

export function parseSexp(text: string): SExp[] {
  const out: SExp[] = [];
  const stack: SExp[][] = [out];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '(') {
      const l: SExp[] = [];
      stack[stack.length - 1]!.push(l);
      stack.push(l);
      i++;
    } else if (c === ')') {
      if (stack.length > 1) stack.pop();
      i++;
    } else if (c === ' ' || c === '\n' || c === '\t' || c === '\r') i++;
    else if (c === '|') {
      const j = text.indexOf('|', i + 1);
      const e = j < 0 ? n : j + 1;
      stack[stack.length - 1]!.push(text.slice(i, e));
      i = e;
    } else if (c === '"') {
      let j = i + 1;
      while (j < n && !(text[j] === '"' && text[j + 1] !== '"')) j += text[j] === '"' ? 2 : 1;
      stack[stack.length - 1]!.push(text.slice(i, j + 1));
      i = j + 1;
    } else if (c === ';') {
      while (i < n && text[i] !== '\n') i++;
    } else {
      let j = i;
      while (j < n && !' \n\t\r()|'.includes(text[j]!)) j++;
      stack[stack.length - 1]!.push(text.slice(i, j));
      i = j;
    }
  }
  return out;
}

function unbar(s: string): string {
  return s.startsWith('|') && s.endsWith('|') ? s.slice(1, -1) : s;
}

export interface Model {
  consts: Map<string, SExp>;
  funs: Map<string, { params: string[]; body: SExp }>;
}

export function parseModel(text: string): Model {
  const top = parseSexp(text);
  const consts = new Map<string, SExp>();
  const funs = new Map<string, { params: string[]; body: SExp }>();
  const visit = (x: SExp): void => {
    if (!Array.isArray(x)) return;
    if (x[0] === 'define-fun' && typeof x[1] === 'string' && Array.isArray(x[2])) {
      const name = unbar(x[1]);
      if (x[2].length === 0) consts.set(name, x[4]!);
      else funs.set(name, { params: x[2].map((p) => (Array.isArray(p) ? unbar(String(p[0])) : '')), body: x[4]! });
      return;
    }
    for (const y of x) visit(y);
  };
  for (const t of top) visit(t);
  return { consts, funs };
}

/** Concrete value used by the interpreter. */
export type CV =
  | { k: 'int'; v: bigint }
  | { k: 'bool'; v: boolean }
  | { k: 'dt'; ctor: string; fields: CV[] }
  | { k: 'seq'; elems: CV[] }
  | { k: 'unknown' };

/** The operators whose arguments the evaluator reads as integers. */
const ARITH_HEADS: ReadonlySet<string> = new Set(['-', '+', '*', '=', '<', '<=', '>', '>=']);
/** Numerals in a model longer than this are not read (bounded work: see Evaluator.int). */
export const MAX_MODEL_DIGITS = 10_000;
const MODEL_INT_BOUND = 10n ** BigInt(MAX_MODEL_DIGITS);

class Evaluator {
  constructor(private m: Model) {}
  eval(x: SExp, env: Map<string, SExp> = new Map(), depth = 0): SExp {
    if (depth > 200) return x;
    if (typeof x === 'bigint') return x;
    if (typeof x === 'string') {
      const u = unbar(x);
      if (env.has(u)) return env.get(u)!;
      const c = this.m.consts.get(u);
      if (c !== undefined && depth < 100) return this.eval(c, new Map(), depth + 1);
      return x;
    }
    if (!x.length) return x;
    const h = x[0];
    if (h === 'ite') {
      const c = this.eval(x[1]!, env, depth + 1);
      return c === 'true' ? this.eval(x[2]!, env, depth + 1) : c === 'false' ? this.eval(x[3]!, env, depth + 1) : x;
    }
    if (h === 'let' && Array.isArray(x[1])) {
      const env2 = new Map(env);
      for (const b of x[1]) if (Array.isArray(b)) env2.set(unbar(String(b[0])), this.eval(b[1]!, env, depth + 1));
      return this.eval(x[2]!, env2, depth + 1);
    }
    const args = x.slice(1).map((a) => this.eval(a, env, depth + 1));
    // the arguments as integers only for the operators that compute on them (each numeral is
    // converted once: see int())
    const ints = typeof h === 'string' && ARITH_HEADS.has(h) ? args.map((a) => this.int(a)) : [];
    const allInt = ints.length > 0 && ints.every((v) => v !== null);
    switch (h) {
      case '-':
        if (allInt) {
          const v = this.num(args.length === 1 ? -ints[0]! : ints.slice(1).reduce((p, q) => p! - q!, ints[0]!)!);
          if (v !== null) return v;
        }
        break;
      case '+':
        if (allInt) {
          const v = this.num(ints.reduce((p, q) => p! + q!, 0n)!);
          if (v !== null) return v;
        }
        break;
      case '*':
        if (allInt) {
          const v = this.num(ints.reduce((p, q) => p! * q!, 1n)!);
          if (v !== null) return v;
        }
        break;
      case '=':
        if (args.length === 2 && typeof args[0] === 'string' && typeof args[1] === 'string') return args[0] === args[1] || (allInt && ints[0] === ints[1]) ? 'true' : 'false';
        if (allInt) return ints[0] === ints[1] ? 'true' : 'false';
        break;
      case '<': if (allInt) return ints[0]! < ints[1]! ? 'true' : 'false'; break;
      case '<=': if (allInt) return ints[0]! <= ints[1]! ? 'true' : 'false'; break;
      case '>': if (allInt) return ints[0]! > ints[1]! ? 'true' : 'false'; break;
      case '>=': if (allInt) return ints[0]! >= ints[1]! ? 'true' : 'false'; break;
      case 'and': return args.every((a) => a === 'true') ? 'true' : args.some((a) => a === 'false') ? 'false' : [h, ...args];
      case 'or': return args.some((a) => a === 'true') ? 'true' : args.every((a) => a === 'false') ? 'false' : [h, ...args];
      case 'not': return args[0] === 'true' ? 'false' : args[0] === 'false' ? 'true' : [h, ...args];
    }
    if (typeof h === 'string') {
      const f = this.m.funs.get(unbar(h));
      if (f && f.params.length === args.length) {
        const env2 = new Map<string, SExp>();
        f.params.forEach((p, i) => env2.set(p, args[i]!));
        return this.eval(f.body, env2, depth + 1);
      }
    }
    return [h!, ...args];
  }
  known(name: string): boolean {
    return this.m.consts.has(unbar(name));
  }
  /**
   * The integer a numeral (`123`, `(- 123)`) stands for, or null. Each numeral's text is
   * converted once (a 20,000-digit one takes ~1 ms, and an evaluation meets the same ones over and
   * over: every element of a sequence, every application of a model function); a numeral longer
   * than MAX_MODEL_DIGITS is not read (the value stays unknown).
   */
  int(x: SExp): bigint | null {
    if (typeof x === 'bigint') return x;
    if (typeof x === 'string') return this.numeral(x);
    if (x.length === 2 && x[0] === '-' && typeof x[1] === 'string') {
      const v = this.numeral(x[1]);
      return v === null ? null : -v;
    }
    return null;
  }
  private readonly numerals = new Map<string, bigint | null>();
  private numeral(s: string): bigint | null {
    const c = s.charCodeAt(0);
    if (!(c >= 48 && c <= 57) || s.length > MAX_MODEL_DIGITS) return null;
    let v = this.numerals.get(s);
    if (v === undefined) {
      v = /^\d+$/.test(s) ? BigInt(s) : null;
      this.numerals.set(s, v);
    }
    return v;
  }
  /** A computed integer, or null when it is too large to keep computing with. */
  private num(v: bigint): SExp | null {
    return v >= MODEL_INT_BOUND || v <= -MODEL_INT_BOUND ? null : v;
  }
  /**
   * The integer indices an array value singles out: the keys of its stores and the numerals its
   * model function compares its parameter with (`(ite (= x!0 57) ..)`). The solver wrote these
   * points because the query constrains them; every other index holds the default.
   */
  points(arr: SExp, out: Set<bigint> = new Set(), depth = 0): Set<bigint> {
    if (depth > 1000 || out.size > 256) return out;
    arr = this.eval(arr);
    if (!Array.isArray(arr)) return out;
    if (arr[0] === 'store') {
      const k = this.int(this.eval(arr[2]!));
      if (k !== null) out.add(k);
      return this.points(arr[1]!, out, depth + 1);
    }
    const body = arr[0] === '_' && arr[1] === 'as-array' && typeof arr[2] === 'string' ? this.m.funs.get(unbar(arr[2])) : undefined;
    const param = body ? body.params[0] : arr[0] === 'lambda' && Array.isArray(arr[1]) && Array.isArray(arr[1][0]) ? unbar(String(arr[1][0][0])) : undefined;
    const fnBody = body ? body.body : arr[0] === 'lambda' ? arr[2] : undefined;
    if (param === undefined || fnBody === undefined) return out;
    const visit = (x: SExp, d: number): void => {
      if (!Array.isArray(x) || d > 200 || out.size > 256) return;
      if (x[0] === '=' && x.length === 3) {
        const [a, b] = [x[1]!, x[2]!];
        const k = typeof a === 'string' && unbar(a) === param ? this.int(this.eval(b)) : typeof b === 'string' && unbar(b) === param ? this.int(this.eval(a)) : null;
        if (k !== null) out.add(k);
      }
      for (const y of x) visit(y, d + 1);
    };
    visit(fnBody, 0);
    return out;
  }

  /** Value of an array term at index `i`. */
  select(arr: SExp, i: SExp, depth = 0): SExp | null {
    if (depth > 1000) return null;
    arr = this.eval(arr);
    if (Array.isArray(arr)) {
      if (Array.isArray(arr[0]) && arr[0][0] === 'as' && arr[0][1] === 'const') return this.eval(arr[1]!);
      if (arr[0] === 'store') {
        const k = this.eval(arr[2]!);
        if (sexpEq(k, i)) return this.eval(arr[3]!);
        return this.select(arr[1]!, i, depth + 1);
      }
      if (arr[0] === '_' && arr[1] === 'as-array' && typeof arr[2] === 'string') {
        const f = this.m.funs.get(unbar(arr[2]));
        if (!f) return null;
        return this.eval(f.body, new Map([[f.params[0]!, i]]));
      }
      if (arr[0] === 'lambda' && Array.isArray(arr[1]) && Array.isArray(arr[1][0])) {
        return this.eval(arr[2]!, new Map([[unbar(String(arr[1][0][0])), i]]));
      }
    }
    return null;
  }
}

function sexpText(x: SExp): string {
  return JSON.stringify(x, (_k, v) => (typeof v === 'bigint' ? (v < 0n ? ['-', (-v).toString()] : v.toString()) : v));
}
function sexpEq(a: SExp, b: SExp): boolean {
  if (a === b) return true;
  return sexpText(a) === sexpText(b);
}

/** A sequence this long or shorter is shown whole. */
const MAX_ELEMS = 16;
/** A longer one: its first elements, then the relevant ones (at most this many), folded between. */
const HEAD_ELEMS = 8;
const MAX_RELEVANT = 8;

export class ModelReader {
  private ev: Evaluator;
  constructor(private crate: Crate, model: Model) {
    this.ev = new Evaluator(model);
  }

  concrete(term: string, ty: Ty): CV {
    return this.toCV(this.ev.eval(term), ty, 0);
  }

  /** Default value of a type: what an unconstrained model constant may take. */
  defaultCV(ty: Ty, depth = 0): CV {
    ty = ty;
    if (depth > 8) return { k: 'unknown' };
    switch (ty.k) {
      case 'int': return { k: 'int', v: 0n };
      case 'bool': return { k: 'bool', v: false };
      case 'array': if (typeof ty.len !== 'number') return ty.len === null ? { k: 'seq', elems: [] } : { k: 'unknown' };
        return { k: 'seq', elems: Array.from({ length: ty.len }, () => this.defaultCV(ty.elem, depth + 1)) };
      case 'seq': return { k: 'seq', elems: [] };
      case 'struct': case 'enum': case 'tuple': {
        const dt = datatypeOf(this.crate, ty);
        if (!dt) return { k: 'unknown' };
        const c = dt.ctors.find((cc) => cc.fields.length === 0) ?? dt.ctors[0]!;
        return { k: 'dt', ctor: c.name, fields: c.fields.map((f) => this.defaultCV(f.ty, depth + 1)) };
      }
      default: return { k: 'unknown' };
    }
  }

  private toCV(x: SExp, ty: Ty, depth: number): CV {
    ty = ty;
    if (depth > 8) return { k: 'unknown' };
    // a constant the model leaves unconstrained: any value will do
    if (typeof x === 'string' && x.startsWith('|') && !this.ev.known(x)) return this.defaultCV(ty, depth);
    switch (ty.k) {
      case 'int': {
        const v = this.ev.int(x);
        return v === null ? { k: 'unknown' } : { k: 'int', v };
      }
      case 'bool':
        return x === 'true' ? { k: 'bool', v: true } : x === 'false' ? { k: 'bool', v: false } : { k: 'unknown' };
      case 'struct': case 'enum': case 'tuple': {
        const dt = datatypeOf(this.crate, ty);
        if (!dt) return { k: 'unknown' };
        const head = Array.isArray(x) ? x[0] : x;
        const c = dt.ctors.find((cc) => cc.ctor === head || unbar(cc.ctor) === unbar(String(head)));
        if (!c) return { k: 'unknown' };
        const args = Array.isArray(x) ? x.slice(1) : [];
        return { k: 'dt', ctor: c.name, fields: c.fields.map((f, i) => (args[i] !== undefined ? this.toCV(this.ev.eval(args[i]!), f.ty, depth + 1) : { k: 'unknown' })) };
      }
      case 'seq': case 'array': {
        if (!Array.isArray(x) || x.length !== 3) return { k: 'unknown' };
        const len = this.ev.int(this.ev.eval(x[1]!));
        if (len === null || len < 0n || len > 4096n) return { k: 'unknown' };
        const elems: CV[] = [];
        for (let i = 0n; i < len; i++) {
          const v = this.ev.select(x[2]!, i.toString());
          elems.push(v === null ? this.defaultCV(ty.elem, depth + 1) : this.toCV(v, ty.elem, depth + 1));
        }
        return { k: 'seq', elems };
      }
      default:
        return { k: 'unknown' };
    }
  }

  /** Truth value of a boolean SMT term in the model, or null when the model does not decide it. */
  truth(term: string): boolean | null {
    const parsed = parseSexp(term)[0];
    if (parsed === undefined) return null;
    const v = this.ev.eval(parsed);
    return v === 'true' ? true : v === 'false' ? false : null;
  }

  show(term: string, ty: Ty): string {
    return this.fmt(this.ev.eval(term), ty, 0);
  }

  /** `focus`: indices worth showing in a long sequence (the values of the integer variables in scope). */
  private fmt(x: SExp, ty: Ty, depth: number, focus: readonly bigint[] = []): string {
    ty = ty;
    if (depth > 6) return '..';
    switch (ty.k) {
      case 'int': {
        const v = this.ev.int(x);
        if (v === null) return '?';
        return ty.kind === 'int' || ty.kind === 'nat' ? v.toString() : `${v}${ty.kind}`;
      }
      case 'bool':
        return x === 'true' || x === 'false' ? x : '?';
      case 'char': {
        const v = this.ev.int(x);
        return v === null ? '?' : charLiteral(v);
      }
      case 'str':
        return '?';
      // (a model's real: `(/ 1.0 5.0)` or `0.2`)
      case 'real':
        return typeof x === 'string' ? `${x}real` : Array.isArray(x) && x[0] === '/' && x.length === 3 ? `${String(x[1])}/${String(x[2])}` : '?';
      case 'struct': case 'enum': case 'tuple': {
        const dt = datatypeOf(this.crate, ty);
        if (!dt) return '?';
        const head = Array.isArray(x) ? x[0] : x;
        const c = dt.ctors.find((cc) => unbar(cc.ctor) === unbar(String(head)));
        if (!c) return '?';
        const args = Array.isArray(x) ? x.slice(1) : [];
        const fv = c.fields.map((f, i) => (args[i] !== undefined ? this.fmt(this.ev.eval(args[i]!), f.ty, depth + 1, focus) : '?'));
        // (a raw pointer is its view, the library's struct around it an encoding)
        if (isRawPtr(ty as Ty)) return `pointer with view ${fv[0]}`;
        if (ty.k === 'tuple') return `(${fv.join(', ')}${fv.length === 1 ? ',' : ''})`;
        if (ty.k === 'struct') return `${ty.name} { ${c.fields.map((f, i) => `${f.name}: ${fv[i]}`).join(', ')} }`;
        const prefix = ty.name === 'Option' ? c.name : `${ty.name}::${c.name}`;
        if (!c.fields.length) return prefix;
        const item = this.crate.enumItem(ty.name);
        const tupleLike = ty.name === 'Option' || (item?.variants.find((v) => v.name === c.name)?.tupleLike ?? true);
        return tupleLike ? `${prefix}(${fv.join(', ')})` : `${prefix} { ${c.fields.map((f, i) => `${f.name}: ${fv[i]}`).join(', ')} }`;
      }
      case 'seq': case 'array': {
        if (!Array.isArray(x) || x.length !== 3) return '?';
        const len = this.ev.int(this.ev.eval(x[1]!));
        if (len === null) return '?';
        const at = (i: bigint) => {
          const v = this.ev.select(x[2]!, i.toString());
          return v === null ? '?' : this.fmt(v, ty.elem, depth + 1, focus);
        };
        const shown: string[] = [];
        let more = '';
        if (len <= BigInt(MAX_ELEMS)) {
          for (let i = 0n; i < len; i++) shown.push(at(i));
        } else {
          // folded: the first elements, then the indices the failing clause's variables hold and
          // the ones the model singles out, each as `[i] = v`, with `..` for what lies between
          for (let i = 0n; i < BigInt(HEAD_ELEMS); i++) shown.push(at(i));
          const relevant = [...new Set([...focus, ...this.ev.points(x[2]!)])]
            .filter((i) => i >= BigInt(HEAD_ELEMS) && i < len)
            .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
            .slice(0, MAX_RELEVANT);
          let next = BigInt(HEAD_ELEMS);
          for (const i of relevant) {
            if (i > next) shown.push('..');
            shown.push(`[${i}] = ${at(i)}`);
            next = i + 1n;
          }
          more = next < len ? `, .. (len ${len})` : ` (len ${len})`;
        }
        if (ty.k === 'array') return `[${shown.join(', ')}${more}]`;
        return `seq![${shown.join(', ')}${more}]`;
      }
      case 'set': {
        // list the stores over the base constant
        const members: string[] = [];
        let cur: SExp = x;
        let guard = 0;
        while (Array.isArray(cur) && cur[0] === 'store' && guard++ < 64) {
          if (this.ev.eval(cur[3]!) === 'true') members.push(this.fmt(this.ev.eval(cur[2]!), ty.elem, depth + 1, focus));
          cur = this.ev.eval(cur[1]!);
        }
        const base = Array.isArray(cur) && Array.isArray(cur[0]) && cur[0][1] === 'const' ? this.ev.eval(cur[1]!) : null;
        if (base === 'false') return `set![${members.reverse().join(', ')}]`;
        if (base === 'true') return `Set::full()`;
        return members.length ? `set![${members.reverse().join(', ')}, ..]` : 'set![..]';
      }
      case 'map':
        return 'map![..]';
      case 'fn': case 'closure':
        return '|..| ..';
      // a value of a type parameter: the model's name for it (an element of an uninterpreted sort)
      case 'param': case 'cval':
        return typeof x === 'string' ? unbar(x) : '?';
    }
  }

  variables(scope: ScopeVar[]): CounterexampleVariable[] {
    const out: CounterexampleVariable[] = [];
    // the indices worth showing in a long sequence: the integer variables' values
    const focus: bigint[] = [];
    for (const v of scope) {
      if (v.ty.k !== 'int') continue;
      const i = this.ev.int(this.ev.eval(v.term));
      if (i !== null && i >= 0n && i < 1n << 32n) focus.push(i);
    }
    for (const v of scope) {
      let value = this.fmt(this.ev.eval(v.term), v.ty, 0, focus);
      const ty = v.ty;
      // big structs: the fields follow on their own lines
      if (ty.k === 'struct' && value.length > 160) value = `${ty.name} { .. }`;
      out.push({ name: v.name, type: tyStr(v.ty), value });
      if (ty.k === 'struct' && !isRawPtr(ty)) {
        const dt = datatypeOf(this.crate, ty);
        const x = this.ev.eval(v.term);
        if (dt && Array.isArray(x)) {
          dt.ctors[0]!.fields.forEach((f, i) => {
            const a = x[i + 1];
            if (a !== undefined) out.push({ name: `${v.name}.${f.name}`, type: tyStr(f.ty), value: this.fmt(this.ev.eval(a), f.ty, 1, focus) });
          });
        }
      }
    }
    return out;
  }
}

/** A code point as Rust writes the char (`'a'`, `'\u{3000}'`). */
function charLiteral(v: bigint): string {
  if (v >= 0x20n && v < 0x7fn && v !== 0x27n && v !== 0x5cn) return `'${String.fromCodePoint(Number(v))}'`;
  return `'\\u{${v.toString(16)}}'`;
}
