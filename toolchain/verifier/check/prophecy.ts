// The prophecy check (part of the checking phase, after a function is typed): Verus's rules for
// prophetic values, which stop a proof from letting a value that is only known at the end of
// time (a prophecy) decide something that happens before.
//
// A value is prophetic when it comes from a `#[verifier::prophetic]` spec fn or one of Verus's
// prophetic builtins (`mut_ref_future`, `has_resolved`, `after_borrow`, `final`), from a local declared
// `#[verifier::prophetic]` or initialized with a prophetic value, or is computed from one (any
// operand, argument or branch prophetic; a proof fn's result with a prophetic argument). Code is
// prophecy-conditional inside a branch chosen by a prophetic value (`if`, `match`, a guard and the
// arms after it, the right operand of `&&` / `||` / `==>`). Verus refuses, and so does this check:
//   - a prophetic value as the body of a spec fn not marked prophetic, as a proof fn's result, in
//     a `decreases` clause, in a `Ghost(..)` made by exec or tracked code, as an argument of a
//     proof fn with tracked parameters (or a tracked result), or assigned to a local that is not
//     a prophetic location;
//   - in prophecy-conditional code: an assignment to a local that is not a prophetic location, a
//     call of a proof fn with tracked parameters, `return`, a loop, a mutable borrow.
// A prophetic location is a local declared prophetic, initialized with a prophetic value, or
// declared inside prophecy-conditional code.
//
// Input: the function and the callee of each call the checker resolved. Output: errors.

import type { Block, Expr, FnItem, Pat, Stmt } from '../ast';
import { hasVerifierAttr } from '../../syntax/attributes';
import type { CheckError } from './checker';

/** What the check reads from the checker. */
export interface ProphecyInput {
  /** The user function a call or method-call expression calls (null: a builtin, a closure, unknown). */
  callee(call: Expr): FnItem | null;
}

/** Where an expression's value goes: exec code, a tracked value, or a spec (ghost) value. */
type Flow = 'exec' | 'tracked' | 'spec';

interface Ctx {
  flow: Flow;
  /** inside code a prophetic value chooses */
  conditional: boolean;
}

/** Verus's builtins whose values are prophecies. */
const PROPHETIC_BUILTINS: ReadonlySet<string> = new Set(['mut_ref_future', 'has_resolved', 'after_borrow', 'final']);

export function isProphetic(f: FnItem): boolean {
  return f.mode === 'spec' && hasVerifierAttr(f.attrs, 'prophetic');
}

/** Whether calling `f` can create or consume tracked values (Verus: "proof-mode function with tracked parameters"). */
function hasTrackedParts(f: FnItem): boolean {
  return f.mode === 'proof' && (!!f.retTracked || f.params.some((p) => p.mode === 'tracked'));
}

export function prophecyErrors(fn: FnItem, input: ProphecyInput): CheckError[] {
  return new ProphecyCheck(fn, input).run();
}

class ProphecyCheck {
  private errors: CheckError[] = [];
  /** locals in scope, innermost last: whether each is a prophetic location */
  private scopes: Map<string, boolean>[] = [];

  constructor(private fn: FnItem, private input: ProphecyInput) {}

  run(): CheckError[] {
    const f = this.fn;
    this.scopes.push(new Map(f.params.map((p) => [p.name, false])));
    for (const d of f.decreases) if (this.expr(d, { flow: 'spec', conditional: false })) this.error("prophetic value not allowed for 'decreases' clause", d);
    if (f.body) {
      const top: Ctx = { flow: f.mode === 'exec' ? 'exec' : 'spec', conditional: false };
      const value = this.block(f.body, top);
      if (value && f.mode === 'spec' && !isProphetic(f)) this.error('prophetic value not allowed for body of non-prophetic spec function', f.body);
      if (value && f.mode === 'proof' && f.ret) this.error('prophetic value not allowed for return value', f.body);
    }
    return this.errors;
  }

  private error(message: string, at: { sp: Expr['sp'] }): void {
    if (!this.errors.some((e) => e.message === message && e.sp.start === at.sp.start)) this.errors.push({ message, sp: at.sp });
  }

  private lookup(name: string): boolean | null {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const v = this.scopes[i]!.get(name);
      if (v !== undefined) return v;
    }
    return null;
  }

  private bind(p: Pat, prophetic: boolean): void {
    const scope = this.scopes[this.scopes.length - 1]!;
    const walk = (q: Pat): void => {
      switch (q.k) {
        case 'bind': scope.set(q.name, prophetic); if (q.sub) walk(q.sub); break;
        case 'tuple': q.elems.forEach(walk); break;
        case 'variant': q.args?.forEach(walk); q.fields?.forEach((f) => walk(f.pat)); break;
        case 'or': q.alts.forEach(walk); break;
        default: break;
      }
    };
    walk(p);
  }

  /** Whether the block's value is prophetic (its statements checked). */
  private block(b: Block, ctx: Ctx): boolean {
    this.scopes.push(new Map());
    let value = false;
    b.stmts.forEach((s, i) => {
      const v = this.stmt(s, ctx);
      value = i === b.stmts.length - 1 && s.k === 'expr' && !s.semi ? v : false;
    });
    this.scopes.pop();
    return value;
  }

  private stmt(s: Stmt, ctx: Ctx): boolean {
    switch (s.k) {
      case 'let': {
        const flow: Flow = s.tracked ? 'tracked' : s.ghost || ctx.flow !== 'exec' ? 'spec' : 'exec';
        const v = s.init ? this.expr(s.init, { ...ctx, flow }) : false;
        if (s.els) this.block(s.els, ctx);
        this.bind(s.pat, v || !!s.prophetic || ctx.conditional);
        return false;
      }
      case 'expr': return this.expr(s.e, ctx);
      case 'assert':
        for (const r of s.req) this.expr(r, { ...ctx, flow: 'spec' });
        this.expr(s.e, { ...ctx, flow: 'spec' });
        if (s.proof) this.block(s.proof, { ...ctx, flow: 'spec' });
        return false;
      case 'assert-forall':
        this.scopes.push(new Map(s.params.map((p) => [p.name, false])));
        if (s.lhs) this.expr(s.lhs, { ...ctx, flow: 'spec' });
        this.expr(s.rhs, { ...ctx, flow: 'spec' });
        if (s.proof) this.block(s.proof, { ...ctx, flow: 'spec' });
        this.scopes.pop();
        return false;
      case 'assume': this.expr(s.e, { ...ctx, flow: 'spec' }); return false;
      case 'proof': this.block(s.block, { ...ctx, flow: 'spec' }); return false;
      default: return false;
    }
  }

  /** Whether `e`'s value is prophetic; its parts checked. */
  private expr(e: Expr, ctx: Ctx): boolean {
    const spec: Ctx = { ...ctx, flow: ctx.flow === 'exec' ? 'exec' : 'spec' };
    switch (e.k) {
      case 'path': return e.segs.length === 1 ? this.lookup(e.segs[0]!) === true : false;
      case 'call': return this.call(e, ctx);
      case 'method': {
        const callee = this.input.callee(e);
        const recv = this.expr(e.recv, spec);
        return this.applied(e, callee, [recv], e.args, ctx);
      }
      case 'if': {
        const c = this.expr(e.cond, spec);
        const inner: Ctx = { ...ctx, conditional: ctx.conditional || c };
        const t = this.block(e.then, inner);
        const f = e.els ? this.expr(e.els, inner) : false;
        return c || t || f;
      }
      case 'match': {
        let any = this.expr(e.scrut, spec);
        let conditional = ctx.conditional || any;
        const scrut = any;
        for (const arm of e.arms) {
          this.scopes.push(new Map());
          this.bind(arm.pat, scrut || conditional);
          if (arm.guard && this.expr(arm.guard, { ...spec, conditional })) {
            any = true;
            conditional = true;
          }
          if (this.expr(arm.body, { ...ctx, conditional })) any = true;
          this.scopes.pop();
        }
        return any;
      }
      case 'binary': {
        const l = this.expr(e.l, spec);
        const lazy = e.op === '&&' || e.op === '||' || e.op === '==>' || e.op === '<==';
        const r = this.expr(e.r, lazy && l ? { ...spec, conditional: true } : spec);
        return l || r;
      }
      case 'bullets': {
        let any = false;
        for (const item of e.items) if (this.expr(item, any ? { ...spec, conditional: true } : spec)) any = true;
        return any;
      }
      case 'block': return this.block(e.block, ctx);
      case 'assign': {
        const target = this.placeRoot(e.lhs);
        const located = target !== null && this.lookup(target) === true;
        const v = this.expr(e.rhs, spec);
        this.partsOfPlace(e.lhs, spec);
        if (!located && v) this.error('prophetic value not allowed for assignment to non-prophetic location', e);
        else if (!located && ctx.conditional) this.error('assignment to non-prophetic location cannot occur in prophecy-conditional context', e);
        return false;
      }
      case 'return':
        if (ctx.conditional) this.error('return cannot occur in prophecy-conditional context', e);
        if (e.e && this.expr(e.e, ctx) && this.fn.mode === 'proof') this.error('prophetic value not allowed for return value', e);
        return false;
      case 'while': case 'loop': {
        if (ctx.conditional) this.error('loop cannot occur in prophecy-conditional context', e);
        if (e.k === 'while') this.expr(e.cond, spec);
        for (const c of [...e.inv, ...e.invEnsures]) this.expr(c, { ...ctx, flow: 'spec' });
        for (const d of e.dec) if (this.expr(d, { ...ctx, flow: 'spec' })) this.error("prophetic value not allowed for 'decreases' clause", d);
        this.block(e.body, ctx);
        return false;
      }
      case 'unary':
        if (e.op === '&mut' && ctx.conditional) this.error('mutable borrow cannot occur in prophecy-conditional context', e);
        return this.expr(e.e, ctx);
      case 'closure': {
        this.scopes.push(new Map(e.params.map((p) => [p.name, false])));
        for (const c of [...(e.exec?.requires ?? []), ...(e.exec?.ensures ?? [])]) this.expr(c, { ...ctx, flow: 'spec' });
        const v = this.expr(e.body, e.exec ? { flow: 'exec', conditional: false } : { ...ctx, flow: 'spec' });
        this.scopes.pop();
        return v;
      }
      case 'quant': {
        this.scopes.push(new Map(e.params.map((p) => [p.name, false])));
        const v = this.expr(e.body, { ...ctx, flow: 'spec' });
        this.scopes.pop();
        return v;
      }
      default: {
        // operands, fields, tuples, casts, views, ...: prophetic when any part is
        let any = false;
        for (const part of subExprs(e)) if (this.expr(part, spec)) any = true;
        return any;
      }
    }
  }

  private call(e: Extract<Expr, { k: 'call' }>, ctx: Ctx): boolean {
    const segs = e.callee.k === 'path' ? e.callee.segs : null;
    const name = segs?.length === 1 ? segs[0]! : null;
    if ((name === 'Ghost' || name === 'Tracked') && e.args.length === 1) {
      const v = this.expr(e.args[0]!, { ...ctx, flow: name === 'Ghost' ? 'spec' : 'tracked' });
      if (name === 'Ghost' && v && ctx.flow !== 'spec') this.error("prophetic value not allowed for 'Ghost' wrapper", e);
      return v;
    }
    // Verus's `shr_ref_struct_wrap(r, &t, "V", "f")` makes a tracked reference of its arguments
    if (name === 'shr_ref_struct_wrap' && this.input.callee(e) === null && this.lookup(name) === null) {
      const v = e.args.map((a) => this.expr(a, { ...ctx, flow: 'tracked' })).some((x) => x);
      if (v) this.error('prophetic value not allowed for `shr_ref_struct_wrap`', e);
      if (ctx.conditional) this.error('`shr_ref_struct_wrap` cannot occur in prophecy-conditional context', e);
      return v;
    }
    const callee = this.input.callee(e);
    // Verus's prophetic builtins: a `&mut` value's final value (`mut_ref_future`, `*final(x)`),
    // whether it has been resolved, a place's value after its borrow ends
    if (name !== null && callee === null && this.lookup(name) === null && PROPHETIC_BUILTINS.has(name)) {
      for (const a of e.args) this.expr(a, { ...ctx, flow: 'spec' });
      return true;
    }
    const fnValue = e.callee.k !== 'path' || (name !== null && this.lookup(name) !== null) ? this.expr(e.callee, ctx) : false;
    return this.applied(e, callee, [fnValue], e.args, ctx);
  }

  /** A call's prophecy: the callee's kind, and what its receiver / callee value and arguments are. */
  private applied(e: Expr, callee: FnItem | null, already: boolean[], args: Expr[], ctx: Ctx): boolean {
    const tracked = callee !== null && hasTrackedParts(callee);
    const offset = callee && e.k === 'method' ? 1 : 0;
    let any = already.some((x) => x);
    args.forEach((a, i) => {
      const p = callee?.params[i + offset];
      const flow: Flow = !callee ? (ctx.flow === 'exec' ? 'exec' : 'spec') : callee.mode === 'exec' ? ctx.flow : callee.mode === 'proof' && p?.mode === 'tracked' ? 'tracked' : 'spec';
      if (this.expr(a, { ...ctx, flow })) any = true;
    });
    if (tracked && any) this.error('prophetic value not allowed for argument to proof-mode function with tracked parameters', e);
    if (tracked && ctx.conditional) this.error('call to proof-mode function with tracked parameters cannot occur in prophecy-conditional context', e);
    if (callee && isProphetic(callee)) return true;
    // (an exec fn's result is an exec value: its arguments were exec or wrapped values)
    return callee?.mode === 'exec' ? false : any;
  }

  /** The local a place is rooted at (`x`, `x.f`, `x[i]`), or null. */
  private placeRoot(e: Expr): string | null {
    let x = e;
    while (x.k === 'field' || x.k === 'index' || (x.k === 'unary' && x.op === '*') || x.k === 'view') x = x.k === 'field' || x.k === 'index' ? x.recv : x.e;
    return x.k === 'path' && x.segs.length === 1 ? x.segs[0]! : null;
  }

  /** Checks the index expressions inside a place. */
  private partsOfPlace(e: Expr, ctx: Ctx): void {
    if (e.k === 'index') {
      this.expr(e.idx, ctx);
      this.partsOfPlace(e.recv, ctx);
    } else if (e.k === 'field') this.partsOfPlace(e.recv, ctx);
    else if ((e.k === 'unary' && e.op === '*') || e.k === 'view') this.partsOfPlace(e.e, ctx);
  }
}

/** The direct sub-expressions of an expression the checks above do not treat on their own. */
function subExprs(e: Expr): Expr[] {
  switch (e.k) {
    case 'unary': case 'view': case 'cast': case 'trigger': return [e.e];
    case 'binary': return [e.l, e.r];
    case 'chain': return e.operands;
    case 'bullets': return e.items;
    case 'field': return [e.recv];
    case 'index': return [e.recv, e.idx];
    case 'struct': return [...e.fields.map((f) => f.e), ...(e.base ? [e.base] : [])];
    case 'tuple': case 'array': return e.elems;
    case 'array-rep': return [e.elem, e.len];
    case 'macro': return e.args;
    case 'return': return e.e ? [e.e] : [];
    default: return [];
  }
}
