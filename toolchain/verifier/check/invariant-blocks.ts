// Verus's rules for invariant blocks (`open_atomic_invariant!` and the like, read by parser.ts
// openInvariant) and `#[verifier(atomic)]` functions: part of the checking phase, after a
// function is typed.
//
//   - An invariant block may not be left early: no `return`, no `break` / `continue` of a loop
//     outside it, no `?` ("invariant block might exit early").
//   - The body of an atomic block in exec code, and of an atomic function, holds at most one
//     atomic operation (a call of a `#[verifier(atomic)]` exec fn) and nothing else that runs exec
//     code of its own: no other exec call (a closure, a method of the standard library, an exec
//     index `a[i]`, which calls vstd's `array_index_get`), no exec loop. Proof and spec code, and
//     the bodies of closures it makes, do not count.
//   - A local invariant stays borrowed until its block ends (vstd's guard has the borrow's
//     lifetime; an atomic one's does not): the block may not move or assign the variable it is
//     read from (rustc: "cannot move out of `l` because it is borrowed").
//   - `#[verifier(atomic)]` is not for trait methods (nor recursive functions: check/recursion.ts).
//
// Input: the function and the callee of each call the checker resolved. Output: errors.

import { isTraitMethodDeclaration, someNode, type Block, type Expr, type FnItem, type Stmt } from '../ast';
import { hasVerifierAttr } from '../../syntax/attributes';
import type { CheckError } from './checker';

export interface InvariantBlockInput {
  /** The function a call or method-call expression calls (null: a builtin, a closure, unknown). */
  callee(call: Expr): FnItem | null;
}

export function isAtomicFn(f: FnItem): boolean {
  return hasVerifierAttr(f.attrs, 'atomic');
}

export function invariantBlockErrors(fn: FnItem, input: InvariantBlockInput): CheckError[] {
  const errors: CheckError[] = [];
  if (isAtomicFn(fn) && (fn.traitImpl || isTraitMethodDeclaration(fn))) errors.push({ message: "'atomic' not supported for trait functions", sp: fn.nameSp });
  if (!fn.body) return errors;
  const locals = localNames(fn);
  if (isAtomicFn(fn) && fn.mode === 'exec') {
    const err = atomicityError(fn.body, input, locals);
    if (err) errors.push({ message: `atomic function ${err.what}`, sp: err.sp });
  }
  someNode(fn.body, (n) => {
    const e = n as Expr;
    if (e.k !== 'block' || !e.invariantBlock) return false;
    const body = invariantBody(e);
    const exit = earlyExit(body);
    if (exit) errors.push({ message: 'invariant block might exit early', sp: exit });
    const root = e.invariantBlock.atomic ? null : rootLocal(openedInvariant(e));
    const moved = root ? moveOf(body, root, input) : null;
    if (moved) errors.push({ message: `cannot move out of \`${root}\` because it is borrowed`, sp: moved });
    if (e.invariantBlock.atomic && !e.invariantBlock.inProof && fn.mode === 'exec') {
      const err = atomicityError(body, input, locals);
      if (err) errors.push({ message: `open_atomic_invariant ${err.what}`, sp: err.sp });
    }
    return false;
  });
  return errors;
}

/** The user's block inside an invariant block's statements. */
export function invariantBody(e: Extract<Expr, { k: 'block' }>): Block {
  const s = e.block.stmts[e.invariantBlock!.bodyIndex]!;
  return s.k === 'expr' && s.e.k === 'block' ? s.e.block : { stmts: [s], sp: s.sp };
}

/** The invariant expression an invariant block opens (the initializer of its first `let ghost`). */
function openedInvariant(e: Extract<Expr, { k: 'block' }>): Expr | null {
  const s = e.block.stmts.find((x) => x.k === 'let');
  return s?.k === 'let' ? s.init : null;
}

/** The local variable a place expression (`&l`, `l.borrow()`, `&self.inv`) is read from. */
function rootLocal(e: Expr | null): string | null {
  while (e) {
    if (e.k === 'path') return e.segs.length === 1 ? e.segs[0]! : null;
    if (e.k === 'unary' && (e.op === '&' || e.op === '*')) e = e.e;
    else if (e.k === 'field') e = e.recv;
    else if (e.k === 'method' && e.name === 'borrow' && !e.args.length) e = e.recv;
    else return null;
  }
  return null;
}

/** Where `body` moves or assigns the local `name` (as a by-value argument or receiver, or an assignment's target), or null. */
function moveOf(body: Block, name: string, input: InvariantBlockInput): Expr['sp'] | null {
  const isIt = (e: Expr | undefined): boolean => !!e && e.k === 'path' && e.segs.length === 1 && e.segs[0] === name;
  let at: Expr['sp'] | null = null;
  someNode(body, (n) => {
    const e = n as Expr;
    // (a spec fn reads its arguments: ghost code moves nothing)
    if (e.k === 'call' && e.args.some(isIt) && input.callee(e)?.mode !== 'spec') at = e.args.find(isIt)!.sp;
    else if (e.k === 'method' && isIt(e.recv)) {
      const self = input.callee(e)?.params[0];
      if (self?.isSelf && self.ty.k !== 'ref') at = e.recv.sp;
    } else if (e.k === 'assign') {
      let lhs = e.lhs;
      while (lhs.k === 'field' || lhs.k === 'index') lhs = lhs.recv;
      if (isIt(lhs)) at = lhs.sp;
    }
    return at !== null;
  });
  return at;
}

/** Every name a parameter, `let` or closure parameter binds in `f` (a call of one is a closure call). */
function localNames(f: FnItem): Set<string> {
  const out = new Set(f.params.map((p) => p.name));
  someNode(f.body, (n) => {
    if (n.k === 'bind') out.add((n as unknown as { name: string }).name);
    if (n.k === 'closure') for (const p of (n as Extract<Expr, { k: 'closure' }>).params) out.add(p.name);
    return false;
  });
  return out;
}

/** Where `body` may leave its block other than at its end (null: nowhere). */
function earlyExit(body: Block): Expr['sp'] | null {
  let at: Expr['sp'] | null = null;
  const walk = (node: unknown, loops: number): void => {
    if (at || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const x of node) walk(x, loops);
      return;
    }
    const o = node as Expr;
    if (o.k === 'closure') return;
    // (`e?` is read as a match that returns)
    if (o.k === 'return') {
      at = o.sp;
      return;
    }
    if ((o.k === 'break' || o.k === 'continue') && (loops === 0 || o.label)) {
      at = o.sp;
      return;
    }
    const inner = o.k === 'while' || o.k === 'loop' ? loops + 1 : loops;
    for (const key of Object.keys(o)) if (key !== 'sp') walk((o as unknown as Record<string, unknown>)[key], inner);
  };
  walk(body, 0);
  return at;
}

/**
 * What in exec code `body` breaks atomicity (`cannot contain ..`), or null: an exec loop, a call
 * that is not of an atomic exec fn, a second atomic call.
 */
function atomicityError(body: Block, input: InvariantBlockInput, locals: ReadonlySet<string>): { what: string; sp: Expr['sp'] } | null {
  let atomicOps = 0;
  let err: { what: string; sp: Expr['sp'] } | null = null;
  const nonAtomic = (sp: Expr['sp']) => (err ??= { what: 'cannot contain non-atomic operations', sp });
  const walk = (node: unknown): void => {
    if (err || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const x of node) walk(x);
      return;
    }
    const o = node as Expr | Stmt;
    // ghost code, and the bodies of closures (run where they are called)
    if (o.k === 'proof' || o.k === 'assert' || o.k === 'assume' || o.k === 'assert-forall' || o.k === 'closure' || (o.k === 'let' && o.ghost)) return;
    if (o.k === 'while' || o.k === 'loop') {
      err = { what: "cannot contain an 'exec' loop", sp: o.sp };
      return;
    }
    if (o.k === 'call' || o.k === 'method') {
      const f = input.callee(o);
      if (f) {
        if (f.mode === 'exec') {
          if (!isAtomicFn(f)) return void nonAtomic(o.sp);
          if (++atomicOps > 1) return void (err = { what: 'cannot contain more than one atomic operation', sp: o.sp });
        }
      } else if (o.k === 'method' || (o.callee.k === 'path' && o.callee.segs.length === 1 && locals.has(o.callee.segs[0]!))) {
        // a closure's call, a method the standard library gives a built-in type
        return void nonAtomic(o.sp);
      }
    }
    if (o.k === 'index') return void nonAtomic(o.sp);
    for (const key of Object.keys(o)) if (key !== 'sp') walk((o as unknown as Record<string, unknown>)[key]);
  };
  walk(body);
  return err;
}
