// The local-borrow phase, between the trait phase and name resolution: a `&mut` borrow of a local
// place held in a local variable, in the one form whose meaning needs no prophecy.
//
//   let r = &mut x;        // or `&mut x.f.g`: a place rooted at a `let mut` local or a `mut` parameter
//                          // (`let ref mut r = x;` is the same borrow)
//   *r = 30;               // reads and writes through `r`: `*r`, `r.f`, `r.m(..)`, `f(.., r, ..)`
//   assert(*r == 30);
//   (last use of r)        // after it the borrow is over (rustc's non-lexical lifetimes)
//
// While the borrow lasts, rustc lets nothing else use `x`, so the program means the same as the one
// that uses `x` itself wherever it uses `*r`: that is the rewrite (`*r` -> `x`, `r.f` -> `x.f`,
// `f(r)` -> `f(&mut x)`). The borrow lasts from its `let` to the last statement of the block that
// names `r`. Each rewritten place keeps `through: r`, so the checking phase still refuses to move a
// value out from behind the reference. The `let` becomes `let ghost r: T = x;` (the annotation's type
// is still checked; `x` must be initialized). A statement strictly inside the borrow that names `x`
// is rustc's borrow error ("cannot use `x` because it was mutably borrowed"), unless it may jump out
// (`return`, `break`, `continue`: the borrow may be dead there). Anything else is left as written,
// and the checking phase reports it `unsupported`: `r` moved, stored, returned, captured by a closure,
// re-pointed, shadowed, or given to `final` / `has_resolved` / `old`; a statement naming both `r` and
// `x`; a borrow of another place (`&mut *p`, an element, a parameter's referent) or in a closure.
//
// Output: new `SourceFile`s (parse trees are shared between runs and never mutated). Functions keep
// their identity only when nothing was rewritten; errors are `FnItem.borrowErrors`.

import { someNode, type Block, type Expr, type FnItem, type Item, type SourceFile, type Sp, type Stmt } from './ast';

type PathExpr = Extract<Expr, { k: 'path' }>;

/** Verus's own functions over a reference: what they mean needs the prophecy model. */
const PROPHECY_FNS: ReadonlySet<string> = new Set(['final', 'has_resolved', 'after_borrow', 'old', 'fin', 'mut_ref_current', 'mut_ref_future']);

/** A local in scope: whether it may be borrowed mutably. */
type Scope = Map<string, { mutable: boolean }>;

export function lowerLocalBorrows(files: SourceFile[]): SourceFile[] {
  return files.map((f) => {
    let changed = false;
    const items = f.items.map((it): Item => {
      // (exec code only: a borrow in ghost code is a mode question the checking phase answers)
      if (it.k !== 'fn' || it.mode !== 'exec' || !it.body || !someLocalBorrow(it.body)) return it;
      const scope: Scope = new Map(it.params.map((p) => [p.name, { mutable: !!p.mut && p.ty.k !== 'ref' }]));
      const errors: { message: string; sp: Sp }[] = [];
      const body = rewriteBlock(it.body, scope, errors);
      if (body === it.body && !errors.length) return it;
      changed = true;
      const out: FnItem = { ...it, body };
      if (errors.length) out.borrowErrors = errors;
      return out;
    });
    return changed ? { ...f, items } : f;
  });
}

/** Whether a block holds `&mut ..` or a `ref mut` binding anywhere (most functions do not: left untouched). */
function someLocalBorrow(b: Block): boolean {
  return someNode(b, (n) => (n.k === 'unary' && (n as Expr & { k: 'unary' }).op === '&mut') || (n.k === 'bind' && !!(n as { ref?: boolean }).ref));
}

/**
 * A block with its borrows rewritten (the same object when nothing changed). A statement's nested
 * blocks are rewritten when the statement is reached (after any borrow before it was), each with
 * the locals in scope there.
 */
function rewriteBlock(b: Block, outer: Scope, errors: { message: string; sp: Sp }[]): Block {
  const scope: Scope = new Map(outer);
  let stmts = b.stmts;
  for (let i = 0; i < stmts.length; i++) {
    // (the blocks nested in a statement see the locals declared before it)
    const s = rewriteNested(stmts[i]!, scope, errors);
    if (s !== stmts[i]) stmts = [...stmts.slice(0, i), s, ...stmts.slice(i + 1)];
    if (s.k === 'let') declare(s, scope);
    const borrow = localBorrow(s, scope);
    if (!borrow) continue;
    const { r, place, root } = borrow;
    const borrowed = fieldPath(place)!;
    let last = i;
    for (let j = i + 1; j < stmts.length; j++) if (namesAny(stmts[j]!, r)) last = j;
    const rewritten: Stmt[] = [];
    const conflicts: { message: string; sp: Sp }[] = [];
    let ok = true;
    for (let j = i + 1; j <= last && ok; j++) {
      const t = stmts[j]!;
      if (!namesAny(t, r)) {
        const use = firstOverlappingUse(t, root, borrowed);
        if (use) {
          // (`after_borrow(x)`, `has_resolved(x)` are uses of `x` Verus allows during the borrow:
          // prophecy, not modelled)
          if (mayJump(t) || [...PROPHECY_FNS].some((n) => namesAny(t, n))) ok = false;
          else conflicts.push({ message: `cannot use \`${root}\` because it was mutably borrowed (by \`${r}\`, used later)`, sp: use });
        }
        if (bindsName(t, root)) ok = false;
        rewritten.push(t);
        continue;
      }
      if (firstOverlappingUse(t, root, []) || bindsName(t, root) || bindsName(t, r)) {
        ok = false;
        break;
      }
      const u = rewriteUses(t, r, place);
      if (!u.ok) ok = false;
      else rewritten.push(u.node as Stmt);
    }
    if (!ok) continue;
    errors.push(...conflicts);
    const let_ = s as Extract<Stmt, { k: 'let' }>;
    // the borrow itself stays, unbound (its own checks: mutability, modes of the place, a field of
    // a value with a type invariant); and a ghost copy under the annotation, so that the annotated
    // type is still checked
    const refMut = let_.pat.k === 'bind' && !!let_.pat.ref;
    const borrowStmt: Stmt = { k: 'expr', e: { k: 'unary', op: '&mut', e: place, sp: let_.init!.sp, ...(refMut ? { refMutBinding: true as const } : {}) }, semi: true, sp: s.sp };
    const ty = let_.pat.k === 'bind' && let_.pat.ref ? let_.ty : let_.ty?.k === 'ref' ? let_.ty.inner : null;
    const ghostLet: Stmt = { k: 'let', pat: { k: 'bind', name: r, mut: false, sp: let_.pat.sp }, ghost: true, ty, init: withThrough(place, r, place.sp), sp: s.sp };
    stmts = [...stmts.slice(0, i), borrowStmt, ghostLet, ...rewritten, ...stmts.slice(last + 1)];
    i++;
  }
  return stmts.every((s, i) => s === b.stmts[i]) && stmts.length === b.stmts.length ? b : { ...b, stmts };
}

/** `s` with the blocks nested in it rewritten (loop bodies, branches, inner blocks; not closures). */
function rewriteNested(s: Stmt, scope: Scope, errors: { message: string; sp: Sp }[]): Stmt {
  const visit = (o: unknown): unknown => {
    if (Array.isArray(o)) {
      const m = o.map(visit);
      return m.every((x, i) => x === o[i]) ? o : m;
    }
    if (!o || typeof o !== 'object') return o;
    const n = o as Record<string, unknown>;
    // (a closure's body is another function's, and ghost code's borrows are a mode question: as written)
    if (n.k === 'closure' || n.k === 'proof' || n.k === 'assert' || n.k === 'assert-forall' || (n.k === 'let' && n.ghost)) return o;
    if (Array.isArray(n.stmts) && n.sp && !('k' in n)) return rewriteBlock(o as Block, scope, errors);
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(n)) {
      const w = v && typeof v === 'object' ? visit(v) : v;
      if (w !== v) changed = true;
      out[k] = w;
    }
    return changed ? out : o;
  };
  return visit(s) as Stmt;
}

/** Records the locals a `let` binds (`let mut x`: mutable). */
function declare(s: Extract<Stmt, { k: 'let' }>, scope: Scope): void {
  const walk = (p: Extract<Stmt, { k: 'let' }>['pat']): void => {
    switch (p.k) {
      case 'bind': scope.set(p.name, { mutable: p.mut && !p.ref && !s.ghost }); if (p.sub) walk(p.sub); break;
      case 'tuple': p.elems.forEach(walk); break;
      case 'variant': p.args?.forEach(walk); p.fields?.forEach((f) => walk(f.pat)); break;
      case 'or': p.alts.forEach(walk); break;
      default: break;
    }
  };
  walk(s.pat);
}

/**
 * `let r = &mut PLACE;` (exec, `r` not `mut`), or `let ref mut r = PLACE;` (the same borrow),
 * PLACE rooted at a mutable local: the borrow.
 */
function localBorrow(s: Stmt, scope: Scope): { r: string; place: Expr; root: string } | null {
  if (s.k !== 'let' || s.ghost || s.tracked || s.els || s.pat.k !== 'bind') return null;
  const refMut = !!s.pat.ref && s.pat.mut;
  if (!refMut && (s.pat.mut || s.pat.ref)) return null;
  // (`let ref mut r: T = x;` annotates the place's type, `let r: &mut T = &mut x;` the reference's)
  if (s.ty && !refMut && !(s.ty.k === 'ref' && s.ty.mut)) return null;
  const init = s.init;
  // (`mut_ref_tracked(&mut x)`, lowered to its borrow, is judged by the checking phase)
  if (!init || (!refMut && (init.k !== 'unary' || init.op !== '&mut' || init.viaMutRefTracked))) return null;
  let root: Expr = refMut ? init : (init as Extract<Expr, { k: 'unary' }>).e;
  const place = root;
  while (root.k === 'field') root = root.recv;
  if (root.k !== 'path' || root.segs.length !== 1 || root.generics.length) return null;
  const name = root.segs[0]!;
  if (name === s.pat.name || !scope.get(name)?.mutable) return null;
  return { r: s.pat.name, place, root: name };
}

/** A copy of `place` at the span `sp`, its root marked as read through the reference `r`. */
function withThrough(place: Expr, r: string, sp: Sp): Expr {
  if (place.k === 'field') return { ...place, recv: withThrough(place.recv, r, sp), sp };
  return { ...(place as PathExpr), segs: [...(place as PathExpr).segs], through: r, sp };
}

/**
 * `node` with every use of `r` replaced by `place` (`*r`, `r.f`, `r.m(..)`, an argument `r` of a
 * call); not ok when `r` stands anywhere else (moved, compared, captured, given to a prophecy fn).
 */
function rewriteUses(stmt: Stmt, r: string, place: Expr): { ok: boolean; node: unknown } {
  let ok = true;
  const isR = (e: unknown): boolean => {
    const x = e as Expr | undefined;
    return !!x && x.k === 'path' && x.segs.length === 1 && x.segs[0] === r && !x.generics.length;
  };
  const throughR = (e: Expr): boolean => (e.k === 'unary' && e.op === '*' && isR(e.e)) || (e.k === 'field' && (isR(e.recv) || throughR(e.recv)));
  // A call given `r`, or a method called on it, may return a reference that keeps the borrow
  // alive past the statement (`let c = f(r);`): only where the result is dropped (a statement of
  // its own) or is a spec value (ghost code: an assertion, a loop's clauses).
  const top = stmt.k === 'expr' ? stmt.e : null;
  const visit = (o: unknown, ghost: boolean): unknown => {
    if (!ok) return o;
    if (Array.isArray(o)) return o.map((x) => visit(x, ghost));
    if (typeof o === 'string') {
      if (o === r) ok = false;
      return o;
    }
    if (!o || typeof o !== 'object') return o;
    const e = o as Expr;
    if (e.k === 'closure') {
      if (namesAny(e, r)) ok = false;
      return o;
    }
    // `&*r`, `&mut r.f`: another reference to the place, which may outlive the statement (a
    // reborrow `let r2 = &mut *r;` is a borrow of its own: rewriteBlock)
    if (e.k === 'unary' && (e.op === '&' || e.op === '&mut') && throughR(e.e) && !(stmt.k === 'let' && stmt.init === e && e.op === '&mut')) {
      ok = false;
      return o;
    }
    if (e.k === 'unary' && e.op === '*' && isR(e.e)) return withThrough(place, r, e.sp);
    if (e.k === 'field' && isR(e.recv)) return { ...e, recv: withThrough(place, r, e.recv.sp) };
    const dropped = ghost || e === top;
    if (e.k === 'method' && isR(e.recv)) {
      if (!dropped) ok = false;
      return { ...e, recv: withThrough(place, r, e.recv.sp), args: e.args.map((a) => visit(a, ghost)) };
    }
    // (a function: lower-case; `Ghost(r)`, `Some(r)`, a tuple struct would store the reference)
    if (e.k === 'call' && e.args.some(isR)) {
      const callee = e.callee.k === 'path' ? e.callee.segs[e.callee.segs.length - 1]! : '';
      if (!dropped || !/^[a-z_]/.test(callee) || PROPHECY_FNS.has(callee)) {
        ok = false;
        return o;
      }
      return { ...e, args: e.args.map((a) => (isR(a) ? { k: 'unary', op: '&mut', e: withThrough(place, r, a.sp), sp: a.sp } : visit(a, ghost))) };
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) {
      // spec-only parts: an assertion's claim, a loop's clauses
      const inGhost = ghost || (e.k === 'assert' as string && k === 'e') || ((e.k === 'while' || e.k === 'loop') && (k === 'inv' || k === 'invEnsures' || k === 'dec'));
      out[k] = k === 'sp' ? v : visit(v, inGhost);
    }
    return out;
  };
  const node2 = visit(stmt, false);
  return { ok, node: node2 };
}

/** The field names of a place below its root (`x.a.b`: `a`, `b`), or null for another expression. */
function fieldPath(e: Expr): string[] | null {
  if (e.k === 'path') return [];
  if (e.k === 'field') {
    const p = fieldPath(e.recv);
    return p && [...p, e.name];
  }
  return null;
}

/**
 * The span of the first use in `node` of the root `name` at a place that overlaps `borrowed`
 * (its fields below the root: `x.a` and `x.b` do not overlap, `x` and `x.a` do).
 */
function firstOverlappingUse(node: unknown, name: string, borrowed: readonly string[]): Sp | null {
  let at: Sp | null = null;
  const visit = (o: unknown): void => {
    if (at || !o || typeof o !== 'object') return;
    if (Array.isArray(o)) return o.forEach(visit);
    const e = o as Expr;
    if (e.k === 'field') {
      const p = fieldPath(e);
      let root: Expr = e;
      while (root.k === 'field') root = root.recv;
      if (p && root.k === 'path' && root.segs.length === 1 && root.segs[0] === name) {
        const n = Math.min(p.length, borrowed.length);
        if (p.slice(0, n).every((f, i) => f === borrowed[i])) at = e.sp;
        return;
      }
    }
    if (e.k === 'path' && e.segs.length === 1 && e.segs[0] === name) {
      at = e.sp;
      return;
    }
    for (const v of Object.values(o)) visit(v);
  };
  visit(node);
  return at;
}

/** Whether the string `name` appears anywhere in `node` (a path, a binder, a field: any use). */
function namesAny(node: unknown, name: string): boolean {
  let found = false;
  const visit = (o: unknown): void => {
    if (found) return;
    if (typeof o === 'string') found = o === name;
    else if (Array.isArray(o)) o.forEach(visit);
    else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) if (k !== 'sp' && k !== 'k') visit(v);
  };
  visit(node);
  return found;
}

/** Whether `name` is bound anywhere in `node` (a pattern, a closure or quantifier parameter): its uses after may mean another variable. */
function bindsName(node: unknown, name: string): boolean {
  let found = false;
  const visit = (o: unknown): void => {
    if (found || !o || typeof o !== 'object') return;
    if (Array.isArray(o)) return o.forEach(visit);
    const n = o as Record<string, unknown>;
    // (a path's segments, a field's or a method's name are uses, not binders)
    if (n.name === name && n.k !== 'field' && n.k !== 'method' && n.k !== 'macro') {
      found = true;
      return;
    }
    for (const v of Object.values(n)) visit(v);
  };
  visit(node);
  return found;
}

/** Whether `node` may leave the block early (the borrow may be dead on that path). */
function mayJump(node: unknown): boolean {
  return someNode(node, (n) => n.k === 'return' || n.k === 'break' || n.k === 'continue' || n.k === 'try');
}
