// Concrete execution of the exec subset, used to classify counterexamples: run the function on
// the model's inputs and see whether the failure really happens (`confirmed`), does not happen
// although the proof went through an abstraction (`spurious`: a loop invariant or a callee's
// ensures lost the fact), or cannot be decided (`unchecked`).

import { WORD_BITS, rangeBounds, widthOf } from './word-size';
import { positionalPats, type Block, type Expr, type FnItem, type Pat, type Sp, type Stmt } from './ast';
import type { LineMap } from '../syntax/line-map';
import { Crate, isIntKind, isMachine, signed, type FnInfo, type IntKind, type Ty } from './resolver';
import { datatypeOf } from './smt';
import type { CV, ModelReader } from './counterexample';
import { quote } from './smt';
import { usesUninterpretedArith, type Obligation } from './vcgen';
import type { CheckedCrate } from './check/checker';
import { hasExternalBody } from '../syntax/attributes';

export interface CheckResult {
  check: 'confirmed' | 'spurious' | 'unchecked';
  detail: string;
  span?: Sp;
}

class Unevaluable extends Error {
  /** Where the run stopped, when a source construct stopped it. */
  constructor(message: string, public sp?: Sp) {
    super(message);
  }
}
class Panic extends Error {
  constructor(public kind: string, public sp: Sp) {
    super(kind);
  }
}
class ReturnSignal {
  constructor(public v: CV) {}
}
class BreakSignal {}
class ContinueSignal {}

interface Event {
  kind: string;
  sp: Sp;
}

type Env = Map<string, { v: CV; ty: Ty }>[];

const MAX_STEPS = 200_000;

export class Interpreter {
  events: Event[] = [];
  /** Clauses whose truth the run could not decide (a quantifier, a value the model left open), in order. */
  undecided: { sp: Sp; why: Unevaluable }[] = [];
  steps = 0;
  depth = 0;
  constructor(
    private crate: Crate,
    /** the checking phase's types: the interpreter never works a type out itself */
    private checked: CheckedCrate,
    /** the width of `usize` / `isize` in this run: the crate's, or the model's when it is open */
    private word: 32 | 64 = 64,
  ) {}
  private rangeOf(k: IntKind): { min: bigint | null; max: bigint | null } {
    return rangeBounds(k, this.word, 'narrow');
  }

  private typeOf(e: Expr): Ty | null {
    return this.checked.exprTypes.get(e) ?? null;
  }
  private intKindOf(e: Expr): IntKind | null {
    const t = this.typeOf(e);
    return t && t.k === 'int' ? t.kind : null;
  }

  lookup(env: Env, name: string): { v: CV; ty: Ty } | null {
    for (let i = env.length - 1; i >= 0; i--) {
      const b = env[i]!.get(name);
      if (b) return b;
    }
    return null;
  }
  assign(env: Env, name: string, v: CV): void {
    for (let i = env.length - 1; i >= 0; i--) {
      const b = env[i]!.get(name);
      if (b) {
        env[i]!.set(name, { ...b, v });
        return;
      }
    }
    throw new Unevaluable(`unbound ${name}`);
  }

  /** Runs `fn` with the given arguments; returns the result and the final values of &mut params. */
  call(info: FnInfo, args: CV[], outer: boolean): { ret: CV; finals: CV[] } {
    const f = info.item;
    if (++this.depth > 200) throw new Unevaluable('recursion too deep');
    try {
      if (!f.body || hasExternalBody(f.attrs)) throw new Unevaluable(`\`${info.qname}\` has no body to run`);
      // values of a type parameter have no concrete representation here
      if (f.generics.length) throw new Unevaluable(`\`${info.qname}\` is generic`);
      const env: Env = [new Map()];
      const old = new Map<string, CV>();
      f.params.forEach((p, i) => {
        const ty = this.crate.resolveType(p.ty, f.selfType);
        env[0]!.set(p.name, { v: args[i]!, ty });
        old.set(p.name, args[i]!);
      });
      this.oldStack.push(old);
      try {
        if (outer) {
          for (const r of f.requires) if (!this.truth(this.spec(r, env))) throw new Unevaluable('the model does not satisfy the requires');
        }
        let ret: CV = { k: 'bool', v: true };
        try {
          const v = this.block(f.body, env);
          ret = v;
        } catch (e) {
          if (e instanceof ReturnSignal) ret = e.v;
          else throw e;
        }
        // postconditions
        // a by-value parameter (`mut` or not) is its entry value in `ensures`; `&mut` its final one
        const post: Env = [new Map(env[0]!)];
        for (const p of f.params) {
          const b = post[0]!.get(p.name);
          if (b && !(p.ty.k === 'ref' && p.ty.mut)) post[0]!.set(p.name, { ...b, v: old.get(p.name)! });
        }
        if (f.ret?.name) post.push(new Map([[f.ret.name, { v: ret, ty: this.crate.resolveType(f.ret.ty, f.selfType) }]]));
        for (const en of f.ensures) {
          let ok: boolean | null = null;
          try {
            ok = this.truth(this.spec(en, post));
          } catch (e) {
            if (!(e instanceof Unevaluable)) throw e;
            this.undecided.push({ sp: en.sp, why: e });
          }
          if (ok === false) this.events.push({ kind: 'postcondition', sp: en.sp });
        }
        const finals = f.params.map((p) => env[0]!.get(p.name)!.v);
        return { ret, finals };
      } finally {
        this.oldStack.pop();
      }
    } finally {
      this.depth--;
    }
  }
  oldStack: Map<string, CV>[] = [];

  block(b: Block, env: Env): CV {
    env.push(new Map());
    try {
      let last: CV = { k: 'bool', v: true };
      for (const s of b.stmts) last = this.stmt(s, env);
      return last;
    } finally {
      env.pop();
    }
  }

  stmt(s: Stmt, env: Env): CV {
    if (++this.steps > MAX_STEPS) throw new Unevaluable('step limit');
    switch (s.k) {
      case 'let': {
        if (s.ghost) return unit();
        if (!s.init) throw new Unevaluable('uninitialised let');
        const v = this.exec(s.init, env);
        const ty = s.pat.k === 'bind' ? this.checked.bindingTypes.get(s.pat) : null;
        if (s.pat.k === 'bind' && !ty) throw new Unevaluable('a binding the checker did not type');
        this.bindPat(s.pat, v, ty!, env);
        return unit();
      }
      case 'expr': {
        const v = this.exec(s.e, env);
        return s.semi ? unit() : v;
      }
      case 'assert': {
        try {
          if (!this.truth(this.spec(s.e, env))) this.events.push({ kind: 'assertion', sp: s.sp });
        } catch (e) {
          if (!(e instanceof Unevaluable)) throw e;
          this.undecided.push({ sp: s.sp, why: e });
        }
        return unit();
      }
      case 'proof':
        // ghost code does not run; its assertions are still checked where they can be evaluated
        for (const g of s.block.stmts) if (g.k === 'assert') this.stmt(g, env);
        return unit();
      case 'assume': case 'reveal': case 'assert-forall': case 'broadcast-use':
        return unit();
      case 'unsupported':
        throw new Unevaluable('unsupported statement');
    }
  }

  bindPat(p: Pat, v: CV, ty: Ty, env: Env): void {
    if (p.k === 'bind' && !p.sub) env[env.length - 1]!.set(p.name, { v, ty });
    else if (p.k === 'wild') return;
    else throw new Unevaluable('pattern in let');
  }


  // exec expressions (with machine-int checks)
  exec(e: Expr, env: Env): CV {
    return this.ev(e, env, true);
  }
  spec(e: Expr, env: Env): CV {
    return this.ev(e, env, false);
  }
  truth(v: CV): boolean {
    if (v.k !== 'bool') throw new Unevaluable('not a boolean');
    return v.v;
  }


  private intOf(v: CV): bigint {
    if (v.k !== 'int') throw new Unevaluable('not an integer');
    return v.v;
  }

  ev(e: Expr, env: Env, exec: boolean): CV {
    if (++this.steps > MAX_STEPS) throw new Unevaluable('step limit');
    switch (e.k) {
      case 'int': return { k: 'int', v: e.value };
      case 'bool': return { k: 'bool', v: e.value };
      case 'path': {
        if (e.segs.length === 1) {
          const b = this.lookup(env, e.segs[0]!);
          if (b) return b.v;
          if (e.segs[0] === 'None') return { k: 'dt', ctor: 'None', fields: [] };
        }
        if (e.segs.length === 2 && isIntKind(e.segs[0]!)) {
          const r = this.rangeOf(e.segs[0] as IntKind);
          if (e.segs[1] === 'MAX' && r.max !== null) return { k: 'int', v: r.max };
          if (e.segs[1] === 'MIN' && r.min !== null) return { k: 'int', v: r.min };
        }
        if (e.segs.length >= 2) {
          const en = this.crate.enumItem(e.segs[e.segs.length - 2]!);
          if (en) return { k: 'dt', ctor: e.segs[e.segs.length - 1]!, fields: [] };
        }
        const c = this.crate.constItem(e.segs[e.segs.length - 1]!, e.sp);
        if (c) return this.spec(c.value, [new Map()]);
        throw new Unevaluable(`unknown name ${e.segs.join('::')}`);
      }
      case 'unary': {
        if (e.op === '&' || e.op === '&mut' || e.op === '*') return this.ev(e.e, env, exec);
        const v = this.ev(e.e, env, exec);
        if (e.op === '!') {
          if (v.k === 'bool') return { k: 'bool', v: !v.v };
          const k = this.intKindOf(e.e);
          if (!k || !isMachine(k)) throw new Unevaluable('! on unknown type');
          return { k: 'int', v: signed(k) ? -this.intOf(v) - 1n : this.rangeOf(k).max! - this.intOf(v) };
        }
        const r = -this.intOf(v);
        const k = this.intKindOf(e.e);
        if (exec && k && isMachine(k) && r > this.rangeOf(k).max!) throw new Panic('overflow', e.sp);
        return { k: 'int', v: r };
      }
      case 'binary': return this.binary(e, env, exec);
      case 'chain': {
        const vals = e.operands.map((o) => this.ev(o, env, exec));
        for (let i = 0; i < e.ops.length; i++) if (!cmp(e.ops[i]!, vals[i]!, vals[i + 1]!)) return { k: 'bool', v: false };
        return { k: 'bool', v: true };
      }
      case 'bullets': {
        for (const it of e.items) {
          const v = this.truth(this.ev(it, env, exec));
          if (e.op === '&&' && !v) return { k: 'bool', v: false };
          if (e.op === '||' && v) return { k: 'bool', v: true };
        }
        return { k: 'bool', v: e.op === '&&' };
      }
      case 'cast': {
        const v = this.ev(e.e, env, exec);
        const to = this.crate.resolveType(e.ty, null);
        if (to.k !== 'int') throw new Unevaluable('cast');
        const x = v.k === 'bool' ? (v.v ? 1n : 0n) : this.intOf(v);
        // `as nat` clips a negative value to 0 (Verus's nClip)
        if (to.kind === 'nat') return { k: 'int', v: x < 0n ? 0n : x };
        if (!isMachine(to.kind)) return { k: 'int', v: x };
        return { k: 'int', v: wrap(x, to.kind, widthOf(to.kind, this.word)!) };
      }
      case 'field': {
        const r = this.ev(e.recv, env, exec);
        return this.field(r, e, env);
      }
      case 'index': {
        const r = this.ev(e.recv, env, exec);
        const i = this.intOf(this.ev(e.idx, env, exec));
        if (r.k !== 'seq') throw new Unevaluable('index');
        if (i < 0n || i >= BigInt(r.elems.length)) {
          if (exec) throw new Panic('index-bounds', e.sp);
          throw new Unevaluable('spec index out of range');
        }
        return r.elems[Number(i)]!;
      }
      case 'view': {
        // a datatype's `@` may be its `view` method's value (Verus's desugaring), not modelled here
        const r = this.ev(e.e, env, exec);
        if (r.k === 'dt') throw new Unevaluable('view of a datatype');
        return r;
      }
      case 'if': {
        const c = this.truth(this.ev(e.cond, env, exec));
        if (c) return this.block(e.then, env);
        if (e.els) return this.ev(e.els, env, exec);
        return unit();
      }
      case 'match': {
        const s = this.ev(e.scrut, env, exec);
        for (const arm of e.arms) {
          const binds = new Map<string, { v: CV; ty: Ty }>();
          if (this.matchPat(arm.pat, s, binds)) {
            env.push(binds);
            try {
              if (arm.guard && !this.truth(this.ev(arm.guard, env, exec))) continue;
              return this.ev(arm.body, env, exec);
            } finally {
              env.pop();
            }
          }
        }
        throw new Unevaluable('no match arm');
      }
      case 'block': return this.block(e.block, env);
      case 'return': throw new ReturnSignal(e.e ? this.ev(e.e, env, exec) : unit());
      case 'break': throw new BreakSignal();
      case 'continue': throw new ContinueSignal();
      case 'while': case 'loop': return this.loop(e, env);
      case 'assign': {
        const rhs = this.ev(e.rhs, env, exec);
        let v = rhs;
        if (e.op !== '=') {
          const cur = this.ev(e.lhs, env, exec);
          v = this.arith(e.op.slice(0, -1), cur, rhs, this.intKindOf(e.lhs) ?? this.intKindOf(e.rhs), exec, e.sp);
        }
        this.store(e.lhs, v, env, exec);
        return unit();
      }
      case 'call': return this.callExpr(e, env, exec);
      case 'method': return this.method(e, env, exec);
      case 'struct': {
        const name = e.path[e.path.length - 1]!;
        const base = e.base ? this.ev(e.base, env, exec) : null;
        if (this.crate.structs.has(name)) {
          const dt = datatypeOf(this.crate, { k: 'struct', name, args: [] })!;
          if (this.crate.struct(name, e.sp).generics.length) throw new Unevaluable('a generic struct');
          const fields = dt.ctors[0]!.fields.map((f, i) => {
            const fe = e.fields.find((x) => x.name === f.name);
            if (fe) return this.ev(fe.e, env, exec);
            if (base && base.k === 'dt') return base.fields[i]!;
            throw new Unevaluable('missing field');
          });
          return { k: 'dt', ctor: 'mk', fields };
        }
        const en = e.path.length >= 2 ? this.crate.enumItem(e.path[e.path.length - 2]!) : null;
        const variant = en?.variants.find((v) => v.name === name);
        if (!variant) throw new Unevaluable('struct literal');
        return { k: 'dt', ctor: name, fields: variant.fields.map((f) => this.ev(e.fields.find((x) => x.name === f.name)!.e, env, exec)) };
      }
      case 'tuple': return e.elems.length ? { k: 'dt', ctor: 'mk', fields: e.elems.map((x) => this.ev(x, env, exec)) } : unit();
      case 'array': return { k: 'seq', elems: e.elems.map((x) => this.ev(x, env, exec)) };
      case 'array-rep': {
        const v = this.ev(e.elem, env, exec);
        const n = this.crate.constIntValue(e.len);
        if (n === null || n > 100_000n) throw new Unevaluable('array length');
        return { k: 'seq', elems: Array.from({ length: Number(n) }, () => v) };
      }
      case 'macro': {
        if (e.name === 'seq') return { k: 'seq', elems: e.args.map((x) => this.ev(x, env, exec)) };
        throw new Unevaluable('macro');
      }
      case 'trigger': return this.ev(e.e, env, exec);
      case 'quant':
        // (said in words by checkCounterexample: which clause, and why running code cannot decide it)
        throw new Unevaluable(`${e.q} over ${e.params.map((p) => p.name).join(', ')}`, e.sp);
      default:
        throw new Unevaluable(`expression ${e.k}`);
    }
  }

  field(r: CV, e: Extract<Expr, { k: 'field' }>, env: Env): CV {
    if (r.k !== 'dt') throw new Unevaluable('field of non-struct');
    const t = this.typeOf(e.recv);
    if (t && (t.k === 'struct' || t.k === 'tuple')) {
      const dt = datatypeOf(this.crate, t)!;
      const idx = dt.ctors[0]!.fields.findIndex((f) => f.name === e.name);
      if (idx >= 0) return r.fields[idx]!;
    }
    if (/^\d+$/.test(e.name)) return r.fields[Number(e.name)]!;
    throw new Unevaluable('field');
  }

  matchPat(p: Pat, v: CV, binds: Map<string, { v: CV; ty: Ty }>): boolean {
    switch (p.k) {
      case 'wild': return true;
      case 'bind': {
        const ty = this.checked.bindingTypes.get(p);
        if (!ty) throw new Unevaluable('a binding the checker did not type');
        binds.set(p.name, { v, ty });
        return !p.sub || this.matchPat(p.sub, v, binds);
      }
      case 'lit': {
        const l = this.spec(p.value, [new Map()]);
        return cvEq(l, v);
      }
      case 'range': {
        const lo = p.lo && this.spec(p.lo, [new Map()]);
        const hi = p.hi && this.spec(p.hi, [new Map()]);
        return (!lo || cmp('<=', lo, v)) && (!hi || cmp(p.inclusive ? '<=' : '<', v, hi));
      }
      case 'or': {
        // (an alternative that fails part-way leaves no bindings behind)
        for (const a of p.alts) {
          const own = new Map<string, { v: CV; ty: Ty }>();
          if (!this.matchPat(a, v, own)) continue;
          for (const [n, b] of own) binds.set(n, b);
          return true;
        }
        return false;
      }
      case 'tuple': return v.k === 'dt' && (positionalPats(p.elems, p.restAt, v.fields.length, p.sp)?.every((q, i) => this.matchPat(q, v.fields[i]!, binds)) ?? false);
      case 'variant': {
        if (v.k !== 'dt') return false;
        const name = p.path[p.path.length - 1]!;
        if (v.ctor !== name && !(v.ctor === 'mk' && this.crate.structs.has(name))) return false;
        if (p.args) return positionalPats(p.args, p.restAt, v.fields.length, p.sp)?.every((q, i) => this.matchPat(q, v.fields[i]!, binds)) ?? false;
        if (p.fields) {
          const en = p.path.length >= 2 ? this.crate.enumItem(p.path[p.path.length - 2]!) : null;
          const variant = en?.variants.find((x) => x.name === name);
          return p.fields.every((fp) => {
            const idx = variant ? variant.fields.findIndex((f) => f.name === fp.name) : -1;
            return idx >= 0 && this.matchPat(fp.pat, v.fields[idx]!, binds);
          });
        }
        return true;
      }
    }
  }

  arith(op: string, a: CV, b: CV, kind: IntKind | null, exec: boolean, sp: Sp): CV {
    if (a.k === 'bool' && b.k === 'bool') {
      if (op === '&') return { k: 'bool', v: a.v && b.v };
      if (op === '|') return { k: 'bool', v: a.v || b.v };
      if (op === '^') return { k: 'bool', v: a.v !== b.v };
    }
    if (a.k === 'seq' && b.k === 'seq' && op === '+') return { k: 'seq', elems: [...a.elems, ...b.elems] };
    const x = this.intOf(a);
    const y = this.intOf(b);
    const machine = exec && kind !== null && isMachine(kind);
    let r: bigint;
    switch (op) {
      case '+': r = x + y; break;
      case '-': r = x - y; break;
      case '*': r = x * y; break;
      case '/': case '%': {
        if (y === 0n) {
          if (exec) throw new Panic('division-by-zero', sp);
          throw new Unevaluable('spec division by zero');
        }
        if (machine && signed(kind!)) {
          r = op === '/' ? x / y : x % y; // BigInt truncates like Rust
          if (op === '/' && r > this.rangeOf(kind!).max!) throw new Panic('overflow', sp);
        } else {
          // Euclidean (nonnegative operands in exec)
          const q = y > 0n ? floorDiv(x, y) : -floorDiv(x, -y);
          r = op === '/' ? q : x - q * y;
        }
        return { k: 'int', v: r };
      }
      case '&': case '|': case '^': case '<<': case '>>': {
        if (!kind || !isMachine(kind)) throw new Unevaluable('bit op type');
        const w = BigInt(widthOf(kind, this.word)!);
        if (op === '<<' || op === '>>') {
          if (y < 0n || y >= w) {
            if (exec) throw new Panic('overflow', sp);
          }
        }
        const mod = 1n << w;
        const u = (z: bigint) => ((z % mod) + mod) % mod;
        let res: bigint;
        if (op === '&') res = u(x) & u(y);
        else if (op === '|') res = u(x) | u(y);
        else if (op === '^') res = u(x) ^ u(y);
        else if (op === '<<') res = y >= w ? 0n : u(u(x) << y);
        else res = signed(kind) ? (y >= w ? (x < 0n ? -1n : 0n) : x >> y) : y >= w ? 0n : u(x) >> y;
        return { k: 'int', v: wrap(res, kind, widthOf(kind, this.word)!) };
      }
      default: throw new Unevaluable(`op ${op}`);
    }
    if (machine) {
      const rg = this.rangeOf(kind!);
      if (r > rg.max!) throw new Panic('overflow', sp);
      if (r < rg.min!) throw new Panic('underflow', sp);
    }
    return { k: 'int', v: r };
  }

  binary(e: Extract<Expr, { k: 'binary' }>, env: Env, exec: boolean): CV {
    const op = e.op;
    if (op === '&&' || op === '||' || op === '==>') {
      const l = this.truth(this.ev(e.l, env, exec));
      if (op === '&&' && !l) return { k: 'bool', v: false };
      if (op === '||' && l) return { k: 'bool', v: true };
      if (op === '==>' && !l) return { k: 'bool', v: true };
      return { k: 'bool', v: this.truth(this.ev(e.r, env, exec)) };
    }
    if (op === '<==>') return { k: 'bool', v: this.truth(this.ev(e.l, env, exec)) === this.truth(this.ev(e.r, env, exec)) };
    if (op === '<==') return { k: 'bool', v: this.truth(this.ev(e.l, env, exec)) || !this.truth(this.ev(e.r, env, exec)) };
    const a = this.ev(e.l, env, exec);
    const b = this.ev(e.r, env, exec);
    if (['==', '!=', '<', '<=', '>', '>=', '=~=', '!~=', '=~~=', '!~~=', '===', '!=='].includes(op)) return { k: 'bool', v: cmp(op, a, b) };
    const kind = this.intKindOf(e);
    if (exec && kind === null && ['+', '-', '*'].includes(op)) throw new Unevaluable('untyped arithmetic');
    return this.arith(op, a, b, kind, exec, e.sp);
  }

  store(lhs: Expr, v: CV, env: Env, exec: boolean): void {
    if (lhs.k === 'path' && lhs.segs.length === 1) return this.assign(env, lhs.segs[0]!, v);
    if (lhs.k === 'unary' && lhs.op === '*') return this.store(lhs.e, v, env, exec);
    if (lhs.k === 'field') {
      const r = this.ev(lhs.recv, env, exec);
      if (r.k !== 'dt') throw new Unevaluable('field store');
      const t = this.typeOf(lhs.recv);
      let idx = /^\d+$/.test(lhs.name) ? Number(lhs.name) : -1;
      if (t && (t.k === 'struct' || t.k === 'tuple')) idx = datatypeOf(this.crate, t)!.ctors[0]!.fields.findIndex((f) => f.name === lhs.name);
      if (idx < 0) throw new Unevaluable('field store');
      const fields = [...r.fields];
      fields[idx] = v;
      return this.store(lhs.recv, { ...r, fields }, env, exec);
    }
    if (lhs.k === 'index') {
      const r = this.ev(lhs.recv, env, exec);
      const i = this.intOf(this.ev(lhs.idx, env, exec));
      if (r.k !== 'seq') throw new Unevaluable('index store');
      if (i < 0n || i >= BigInt(r.elems.length)) throw new Panic('index-bounds', lhs.sp);
      const elems = [...r.elems];
      elems[Number(i)] = v;
      return this.store(lhs.recv, { k: 'seq', elems }, env, exec);
    }
    throw new Unevaluable('store');
  }

  loop(e: Extract<Expr, { k: 'while' | 'loop' }>, env: Env): CV {
    const checkInv = (kind: string) => {
      for (const inv of e.inv) {
        try {
          if (!this.truth(this.spec(inv, env))) this.events.push({ kind, sp: inv.sp });
        } catch (err) {
          if (!(err instanceof Unevaluable)) throw err;
          this.undecided.push({ sp: inv.sp, why: err });
        }
      }
    };
    checkInv('invariant-entry');
    for (;;) {
      if (++this.steps > MAX_STEPS) throw new Unevaluable('step limit');
      if (e.k === 'while' && !this.truth(this.exec(e.cond, env))) return unit();
      try {
        this.block(e.body, env);
      } catch (s) {
        if (s instanceof BreakSignal) return unit();
        if (!(s instanceof ContinueSignal)) throw s;
      }
      checkInv('invariant-preserved');
    }
  }

  callExpr(e: Extract<Expr, { k: 'call' }>, env: Env, exec: boolean): CV {
    if (e.callee.k !== 'path') throw new Unevaluable('call');
    const segs = e.callee.segs;
    const last = segs[segs.length - 1]!;
    if (segs.length === 1 && last === 'old') {
      let a = e.args[0]!;
      while (a.k === 'unary') a = a.e;
      if (a.k !== 'path') throw new Unevaluable('old');
      const v = this.oldStack[this.oldStack.length - 1]?.get(a.segs[0]!);
      if (!v) throw new Unevaluable('old');
      return v;
    }
    // (postconditions are evaluated at the return: `final(x)` is x there)
    if (segs.length === 1 && last === 'final') return this.ev(e.args[0]!, env, exec);
    if (segs.length === 1 && (last === 'Ghost' || last === 'Tracked')) return this.spec(e.args[0]!, env);
    if (segs.length === 1 && last === 'Some') return { k: 'dt', ctor: 'Some', fields: [this.ev(e.args[0]!, env, exec)] };
    if (segs.length === 2 && segs[0] === 'Seq' && last === 'empty') return { k: 'seq', elems: [] };
    if (segs.length === 2 && (segs[0] === 'Set' || segs[0] === 'Map') && last === 'empty') return { k: 'unknown' };
    if (segs.length >= 2 && this.crate.enumItem(segs[segs.length - 2]!)) return { k: 'dt', ctor: last, fields: e.args.map((a) => this.ev(a, env, exec)) };
    if (this.crate.isStructCtorPath(segs)) return { k: 'dt', ctor: 'mk', fields: e.args.map((a) => this.ev(a, env, exec)) };
    const q = this.crate.memberName(segs, null);
    const info = this.crate.fn(q, e.sp);
    if (!info) throw new Unevaluable(`unknown function ${q}`);
    return this.invoke(info, e.args.map((a) => ({ e: a })), env, exec, e.sp);
  }

  method(e: Extract<Expr, { k: 'method' }>, env: Env, exec: boolean): CV {
    const r = this.ev(e.recv, env, exec);
    const t = this.typeOf(e.recv);
    if (t && (t.k === 'struct' || (t.k === 'enum' && t.name !== 'Option'))) {
      if (e.name.startsWith('$is:')) return { k: 'bool', v: r.k === 'dt' && r.ctor === e.name.slice(4) };
      const info = this.crate.fn(`${t.name}::${e.name}`, e.sp);
      if (!info) throw new Unevaluable('method');
      return this.invoke(info, [{ e: e.recv, v: r }, ...e.args.map((a) => ({ e: a }))], env, exec, e.sp);
    }
    if (r.k === 'dt' && (r.ctor === 'Some' || r.ctor === 'None')) {
      switch (e.name) {
        case 'is_some': return { k: 'bool', v: r.ctor === 'Some' };
        case 'is_none': return { k: 'bool', v: r.ctor === 'None' };
        case 'unwrap': case 'expect': case 'get_Some_0':
          if (r.ctor === 'None') {
            if (exec) throw new Panic('unwrap', e.sp);
            throw new Unevaluable('unwrap None in spec');
          }
          return r.fields[0]!;
      }
    }
    if (r.k === 'seq') {
      const args = e.args.map((a) => this.ev(a, env, exec));
      switch (e.name) {
        case 'len': return { k: 'int', v: BigInt(r.elems.length) };
        case 'push': return { k: 'seq', elems: [...r.elems, args[0]!] };
        case 'last': if (r.elems.length) return r.elems[r.elems.length - 1]!; break;
        case 'first': if (r.elems.length) return r.elems[0]!; break;
        case 'drop_last': return { k: 'seq', elems: r.elems.slice(0, -1) };
        case 'index': return r.elems[Number(this.intOf(args[0]!))] ?? (() => { throw new Unevaluable('index'); })();
        case 'subrange': return { k: 'seq', elems: r.elems.slice(Number(this.intOf(args[0]!)), Number(this.intOf(args[1]!))) };
        case 'update': {
          const el = [...r.elems];
          el[Number(this.intOf(args[0]!))] = args[1]!;
          return { k: 'seq', elems: el };
        }
      }
    }
    throw new Unevaluable(`method ${e.name}`);
  }

  invoke(info: FnInfo, args: { e: Expr; v?: CV }[], env: Env, exec: boolean, sp: Sp): CV {
    const f = info.item;
    // values of a type parameter have no concrete representation here
    if (f.generics.length) throw new Unevaluable(`\`${info.qname}\` is generic`);
    const vals = args.map((a) => a.v ?? this.ev(a.e, env, exec));
    if (f.mode === 'spec') {
      if (!f.body || hasExternalBody(f.attrs)) throw new Unevaluable('uninterpreted spec fn');
      const fenv: Env = [new Map()];
      f.params.forEach((p, i) => fenv[0]!.set(p.name, { v: vals[i]!, ty: this.crate.resolveType(p.ty, f.selfType) }));
      if (++this.depth > 200) throw new Unevaluable('spec recursion too deep');
      try {
        return this.block(f.body, fenv);
      } finally {
        this.depth--;
      }
    }
    if (f.mode === 'proof') return unit();
    // exec: check the callee's requires at the call site, then run its body
    const penv: Env = [new Map()];
    f.params.forEach((p, i) => penv[0]!.set(p.name, { v: vals[i]!, ty: this.crate.resolveType(p.ty, f.selfType) }));
    this.oldStack.push(new Map(f.params.map((p, i) => [p.name, vals[i]!])));
    try {
      for (const r of f.requires) {
        let ok: boolean | null = null;
        try {
          ok = this.truth(this.spec(r, penv));
        } catch (err) {
          if (!(err instanceof Unevaluable)) throw err;
        }
        if (ok === false) {
          this.events.push({ kind: 'precondition', sp });
          throw new Panic('precondition', sp);
        }
      }
    } finally {
      this.oldStack.pop();
    }
    const saved = this.events.length;
    const { ret, finals } = this.call(info, vals, false);
    // failures inside the callee are not failures of the caller's obligations
    this.events.length = saved;
    // write back &mut arguments
    f.params.forEach((p, i) => {
      if (p.ty.k === 'ref' && p.ty.mut) {
        let a = args[i]!.e;
        if (a.k === 'unary' && a.op === '&mut') a = a.e;
        this.store(a, finals[i]!, env, exec);
      }
    });
    return ret;
  }
}

function unit(): CV {
  return { k: 'bool', v: true };
}
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}
function wrap(x: bigint, k: IntKind, width: number): bigint {
  const w = BigInt(width);
  const mod = 1n << w;
  let r = ((x % mod) + mod) % mod;
  if (signed(k) && r >= mod >> 1n) r -= mod;
  return r;
}
function cvEq(a: CV, b: CV): boolean {
  if (a.k === 'unknown' || b.k === 'unknown') throw new Unevaluable('unknown value');
  return JSON.stringify(a, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)) === JSON.stringify(b, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
}
function cmp(op: string, a: CV, b: CV): boolean {
  if (op === '==' || op === '=~=' || op === '=~~=' || op === '===') return cvEq(a, b);
  if (op === '!=' || op === '!~=' || op === '!~~=' || op === '!==') return !cvEq(a, b);
  if (a.k !== 'int' || b.k !== 'int') throw new Unevaluable('comparison');
  switch (op) {
    case '<': return a.v < b.v;
    case '<=': return a.v <= b.v;
    case '>': return a.v > b.v;
    case '>=': return a.v >= b.v;
  }
  throw new Unevaluable('comparison');
}

function sameSpan(a: Sp, b: Sp): boolean {
  return a.start === b.start && a.end === b.end;
}

function wellTyped(crate: Crate, v: CV, ty: Ty, word: 32 | 64, depth = 0): boolean {
  const t = ty;
  if (v.k === 'unknown') return true;
  if (depth > 8) return true;
  if (t.k === 'int') {
    if (v.k !== 'int') return false;
    const r = rangeBounds(t.kind, word, 'narrow');
    return (r.min === null || v.v >= r.min) && (r.max === null || v.v <= r.max);
  }
  // (a slice, `len` null: any length a `usize` holds)
  if (t.k === 'array') return v.k === 'seq' && (t.len === null ? BigInt(v.elems.length) <= (1n << BigInt(word)) - 1n : v.elems.length === t.len) && v.elems.every((e) => wellTyped(crate, e, t.elem, word, depth + 1));
  if (t.k === 'seq') return v.k === 'seq' && v.elems.every((e) => wellTyped(crate, e, t.elem, word, depth + 1));
  if ((t.k === 'struct' || t.k === 'enum' || t.k === 'tuple') && v.k === 'dt') {
    const dt = datatypeOf(crate, t);
    const c = dt?.ctors.find((x) => x.name === v.ctor);
    return !!c && c.fields.every((f, i) => wellTyped(crate, v.fields[i]!, f.ty, word, depth + 1));
  }
  return true;
}

function containsUnknown(v: CV): boolean {
  if (v.k === 'unknown') return true;
  if (v.k === 'dt') return v.fields.some(containsUnknown);
  if (v.k === 'seq') return v.elems.some(containsUnknown);
  return false;
}

/** Classifies the counterexample of a failed obligation by running the function concretely. */
export function checkCounterexample(crate: Crate, checked: CheckedCrate, info: FnInfo, ob: Obligation, reader: ModelReader, lines: LineMap): CheckResult {
  const f: FnItem = info.item;
  if (f.mode !== 'exec') return { check: 'unchecked', detail: `${f.mode} code is not executable` };
  if (f.generics.length) return { check: 'unchecked', detail: 'generic code is not run concretely' };
  if (ob.kind === 'decreases') return { check: 'unchecked', detail: 'termination is not checked by running the code' };
  let args: CV[];
  try {
    args = f.params.map((p) => reader.concrete(quote(p.name), crate.resolveType(p.ty, f.selfType)));
  } catch {
    return { check: 'unchecked', detail: 'the model does not determine the inputs' };
  }
  // values the reader cannot decode (sets, maps) stay unknown: using one stops the run (unchecked)
  void containsUnknown;
  // an open word width: the run uses the model's (64 bits when the model does not say)
  let word: 32 | 64 = crate.wordBits ?? 64;
  if (crate.wordBits === null) {
    try {
      const w = reader.concrete(WORD_BITS, { k: 'int', kind: 'int' });
      if (w.k === 'int' && w.v === 32n) word = 32;
    } catch {
      /* not in the model: the query does not depend on it */
    }
  }
  if (!f.params.every((p, i) => wellTyped(crate, args[i]!, crate.resolveType(p.ty, f.selfType), word)))
    return { check: 'unchecked', detail: 'the model gives an input outside its type' };
  const it = new Interpreter(crate, checked, word);
  let panic: Panic | null = null;
  try {
    it.call(info, args, true);
  } catch (e) {
    if (e instanceof Panic) panic = e;
    else if (e instanceof Unevaluable) {
      if (!it.events.some((ev) => ev.kind === ob.kind && sameSpan(ev.sp, ob.kind === 'postcondition' || ob.kind === 'invariant-entry' || ob.kind === 'invariant-preserved' ? ob.related ?? ob.sp : ob.sp))) {
        const q = quantifierStop(e, ob, lines);
        if (q) return q;
        return { check: 'unchecked', detail: `could not run the code on these inputs (${e.message})` };
      }
    } else if (e instanceof ReturnSignal || e instanceof BreakSignal || e instanceof ContinueSignal) {
      /* ignore */
    } else return { check: 'unchecked', detail: `could not run the code (${(e as Error).message})` };
  }
  const target = ob.kind === 'postcondition' || ob.kind === 'invariant-entry' || ob.kind === 'invariant-preserved' ? ob.related ?? ob.sp : ob.sp;
  const hit = (panic && panic.kind === ob.kind && sameSpan(panic.sp, ob.sp)) || it.events.some((ev) => ev.kind === ob.kind && sameSpan(ev.sp, target));
  if (hit) return { check: 'confirmed', detail: 'running the code on these inputs reaches this failure' };
  const abstraction = ob.crossed[ob.crossed.length - 1];
  if (abstraction) {
    const p = lines.pos(abstraction.sp.start);
    if (abstraction.kind === 'loop')
      return { check: 'spurious', detail: `the code does not fail on these inputs: the loop invariant of the loop at line ${p.line} is too weak to prove this`, span: abstraction.sp };
    return { check: 'spurious', detail: `the code does not fail on these inputs: the ensures of \`${abstraction.name}\` (called at line ${p.line}) is too weak to prove this`, span: abstraction.sp };
  }
  if (ob.query && usesUninterpretedArith(ob.query))
    return { check: 'spurious', detail: 'the code does not fail on these inputs: nonlinear arithmetic is only reasoned about linearly outside by(nonlinear_arith)' };
  // the failing clause itself could not be decided: say why, in words
  const undecided = it.undecided.find((u) => sameSpan(u.sp, target))?.why;
  const q = undecided && quantifierStop(undecided, ob, lines);
  if (q) return q;
  return { check: 'unchecked', detail: panic ? `the run stopped earlier (${panic.kind})` : 'the concrete run did not reach this failure' };
}

/**
 * A run stopped by a quantifier, in words: which clause (its line when it is the failing clause
 * itself, in the function's own file) says what, and what would make the check run.
 */
function quantifierStop(e: Unevaluable, ob: Obligation, lines: LineMap): CheckResult | null {
  if (!e.sp || !/^(forall|exists|choose) over /.test(e.message)) return null;
  const [q, , ...names] = e.message.split(' ');
  const says = `${q === 'forall' ? 'something for every' : q === 'exists' ? 'that there is a' : 'chooses a'} ${names.join(' ')}`;
  const clause = ob.relatedFile ? undefined : ob.related ?? ob.sp;
  const own = clause !== undefined && clause.start <= e.sp.start && e.sp.end <= clause.end;
  const where = own ? `the clause at line ${lines.pos(e.sp.start).line} says ${says}` : `a spec the check reaches says ${says}`;
  return {
    check: 'unchecked',
    detail: `${where}, and running the code cannot try every value; the check can run once the clause is stated without the quantifier (for instance the instance the proof needs, as an assertion)`,
    ...(own ? { span: e.sp } : {}),
  };
}
