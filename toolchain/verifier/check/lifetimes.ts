// Named lifetimes of returned references: a small, sound part of rustc's borrow check.
//
// There is no borrow checker here. What this decides: a function (exec or proof) whose return
// type is `&'r T` (or `&'r mut T`, T without lifetimes) returns, on every path, a reference whose
// lifetime is known to be one of a set of the function's lifetimes: a parameter `x: &'a U`, a
// place behind it (`&x.f`, `&x[i]`, `&*x`), a call of a function returning `&'q V` with the
// lifetimes of the arguments given to its `&'q` parameters, an `if`/`match`/block of those, or an
// immutable local bound once at the body's top level (never assigned) to one of those.
// Without lifetime bounds (`'a: 'b`, `T: 'a`, `where`), two different named lifetimes of a
// signature are unrelated, and an elided parameter lifetime is a fresh one: such a reference
// outlives `'r` only when its lifetime is `'r` or `'static`; otherwise it is rustc's "lifetime may
// not live long enough". Anything else (lifetime bounds, other return types naming a lifetime,
// other returned expressions) is reported unsupported with its span, never passed.
// Elided return lifetimes (`-> &T`) are not checked (rustc's elision rules and borrows of locals).

import type { Block, Expr, FnItem, Pat, Sp, TypeExpr } from '../ast';

export interface LifetimeFinding {
  message: string;
  sp: Sp;
}

/** The named lifetimes a type mentions (`'_` is anonymous); `Self` holds the impl's. */
function named(t: TypeExpr, selfLts: string[], out = new Set<string>()): Set<string> {
  switch (t.k) {
    case 'ref':
      if (t.lifetime && t.lifetime !== "'_") out.add(t.lifetime);
      named(t.inner, selfLts, out);
      break;
    case 'path':
      for (const l of t.lifetimes ?? []) if (l !== "'_") out.add(l);
      if (t.name === 'Self' && t.segs.length === 1) for (const l of selfLts) out.add(l);
      for (const a of t.args) named(a, selfLts, out);
      break;
    case 'array':
    case 'slice':
      named(t.elem, selfLts, out);
      break;
    case 'tuple':
      for (const e of t.elems) named(e, selfLts, out);
      break;
  }
  return out;
}

/** Any lifetime (named, `'_` or elided) in a type other than a top-level reference's own. */
function hasInnerLifetimes(t: TypeExpr): boolean {
  switch (t.k) {
    case 'ref':
      return true;
    case 'path':
      return !!t.lifetimes?.length || t.args.some(hasInnerLifetimes);
    case 'array':
    case 'slice':
      return hasInnerLifetimes(t.elem);
    case 'tuple':
      return t.elems.some(hasInnerLifetimes);
    default:
      return false;
  }
}

/** `&'a T` / `&'a mut T` with T free of lifetimes: `'a` (a fresh name when elided); otherwise null. */
function plainRefLifetime(t: TypeExpr, selfLts: string[], fresh: () => string): string | null {
  if (t.k !== 'ref' || hasInnerLifetimes(t.inner)) return null;
  if (t.inner.k === 'path' && t.inner.name === 'Self' && selfLts.length) return null;
  return t.lifetime && t.lifetime !== "'_" ? t.lifetime : fresh();
}

function patNames(p: Pat, out: Set<string>): void {
  switch (p.k) {
    case 'bind': out.add(p.name); if (p.sub) patNames(p.sub, out); break;
    case 'tuple': for (const e of p.elems) patNames(e, out); break;
    case 'or': for (const a of p.alts) patNames(a, out); break;
    case 'variant':
      for (const a of p.args ?? []) patNames(a, out);
      for (const f of p.fields ?? []) patNames(f.pat, out);
      break;
  }
}

/** Visits every expression and binding pattern under `x` (expressions, statements, blocks). */
function walk(x: unknown, onExpr: (e: Expr) => void, onPat: (p: Pat) => void): void {
  if (!x || typeof x !== 'object') return;
  if (Array.isArray(x)) {
    for (const y of x) walk(y, onExpr, onPat);
    return;
  }
  const o = x as { k?: string; pat?: Pat };
  if (o.k === 'let' && o.pat) onPat(o.pat);
  if (o.k === 'match') for (const a of (o as Extract<Expr, { k: 'match' }>).arms) onPat(a.pat);
  if (o.k && 'sp' in o && !('stmts' in o)) onExpr(o as Expr);
  for (const [k, v] of Object.entries(o)) if (k !== 'sp' && k !== 'ty' && v && typeof v === 'object') walk(v, onExpr, onPat);
}

/**
 * The findings for `f`: errors ("lifetime may not live long enough") and the unsupported
 * constructs (at most one is needed: the function is then not verified).
 */
export function checkReturnLifetimes(f: FnItem, callee: (e: Extract<Expr, { k: 'call' }>) => FnItem | null): { errors: LifetimeFinding[]; unsupported: LifetimeFinding | null } {
  const errors: LifetimeFinding[] = [];
  const none = { errors, unsupported: null };
  if (!f.ret || !f.body || f.mode === 'spec') return none;
  const selfLts = f.selfLifetimes ?? [];
  const retLts = named(f.ret.ty, selfLts);
  if (!retLts.size) return none;
  const unsupported = (what: string, sp: Sp) => ({ errors, unsupported: { message: `not supported: ${what} (lifetimes are checked only for returned parameters, places behind them and calls)`, sp } });
  if (f.lifetimeBounds) return unsupported('a function returning a reference with a named lifetime under lifetime bounds', f.ret.ty.sp);
  let n = 0;
  const fresh = () => `'_#${n++}`;
  const r = plainRefLifetime(f.ret.ty, selfLts, fresh);
  if (r === null || r.startsWith("'_#")) return unsupported(`the return type \`${typeText(f.ret.ty)}\` names a lifetime`, f.ret.ty.sp);

  // parameters and their lifetimes; a name bound again in the body is not surely the parameter
  const params = new Map<string, string | null>();
  for (const p of f.params) params.set(p.name, plainRefLifetime(p.ty, selfLts, fresh));
  // (how many patterns of the body bind each name: one that binds it is not surely the parameter)
  const bindings = new Map<string, number>();
  walk(f.body, () => {}, (p) => {
    const names = new Set<string>();
    patNames(p, names);
    for (const x of names) bindings.set(x, (bindings.get(x) ?? 0) + 1);
  });
  // an immutable local the body binds once, at its top level, and never assigns: its value is its
  // initializer's (`let x = if b { self } else { y }; x`)
  const assigned = new Set<string>();
  walk(f.body, (e) => {
    if (e.k === 'assign' && e.lhs.k === 'path' && e.lhs.segs.length === 1) assigned.add(e.lhs.segs[0]!);
  }, () => {});
  const locals = new Map<string, Expr>();
  for (const st of f.body.stmts) {
    if (st.k !== 'let' || !st.init || st.els || st.pat.k !== 'bind' || st.pat.mut || st.pat.ref || st.pat.sub) continue;
    const x = st.pat.name;
    if (bindings.get(x) === 1 && !assigned.has(x)) locals.set(x, st.init);
  }
  const visiting = new Set<string>();

  let gap: LifetimeFinding | null = null;
  /** The lifetimes whose intersection is the value's lifetime, or null when unknown. */
  const lts = (e: Expr): Set<string> | null => {
    switch (e.k) {
      // a string literal is `&'static str`: it outlives every lifetime
      case 'str': case 'bytes':
        return new Set();
      case 'path': {
        const local = e.segs.length === 1 ? locals.get(e.segs[0]!) : undefined;
        if (local && !visiting.has(e.segs[0]!)) {
          visiting.add(e.segs[0]!);
          try {
            return lts(local);
          } finally {
            visiting.delete(e.segs[0]!);
          }
        }
        // (inside a local's own initializer its name still means the parameter it shadows)
        if (e.segs.length !== 1 || (bindings.has(e.segs[0]!) && !visiting.has(e.segs[0]!)) || !params.has(e.segs[0]!)) return null;
        const l = params.get(e.segs[0]!)!;
        return l === null ? null : new Set([l]);
      }
      case 'unary': {
        if (e.op === '&' || e.op === '&mut') return placeLts(e.e);
        return null;
      }
      case 'block':
        return blockLts(e.block);
      case 'if': {
        if (!e.els) return null;
        return union(blockLts(e.then), lts(e.els));
      }
      case 'match': {
        let acc: Set<string> | null = new Set();
        for (const a of e.arms) acc = union(acc, lts(a.body));
        return e.arms.length ? acc : null;
      }
      case 'call': {
        const g = callee(e);
        if (!g || !g.ret || g.lifetimeBounds) return null;
        let m = 0;
        const gFresh = () => `'_#g${m++}`;
        const gSelf = g.selfLifetimes ?? [];
        const q = plainRefLifetime(g.ret.ty, gSelf, gFresh);
        if (q === null || q.startsWith("'_#")) return null;
        if (q === "'static") return new Set(["'static"]);
        let acc: Set<string> | null = new Set();
        let constrained = false;
        for (let i = 0; i < g.params.length; i++) {
          const pt = g.params[i]!.ty;
          if (!named(pt, gSelf).has(q)) continue;
          // `q` only as the parameter's own top-level reference lifetime
          if (plainRefLifetime(pt, gSelf, gFresh) !== q || !e.args[i]) return null;
          constrained = true;
          acc = union(acc, lts(e.args[i]!));
        }
        return constrained ? acc : null;
      }
      default:
        return null;
    }
  };
  /** `&place`: a place behind a reference parameter lives as long as that reference. */
  const placeLts = (p: Expr): Set<string> | null => {
    let root = p;
    while (root.k === 'field' || root.k === 'index' || (root.k === 'unary' && root.op === '*')) root = root.k === 'unary' ? root.e : root.recv;
    if (root === p || root.k !== 'path') return null;
    return lts(root);
  };
  const blockLts = (b: Block): Set<string> | null => {
    const last = b.stmts[b.stmts.length - 1];
    if (!last || last.k !== 'expr' || last.semi) return null;
    return lts(last.e);
  };
  const union = (a: Set<string> | null, b: Set<string> | null): Set<string> | null => (a && b ? new Set([...a, ...b]) : null);

  const judge = (e: Expr): void => {
    const s = lts(e);
    if (!s) {
      gap ??= { message: `not supported: returning a reference with the named lifetime \`${r}\` from this expression (lifetimes are checked only for returned parameters, places behind them and calls)`, sp: e.sp };
      return;
    }
    if ([...s].some((l) => l !== r && l !== "'static")) errors.push({ message: 'lifetime may not live long enough', sp: e.sp });
  };
  // every `return e` and the body's value
  walk(f.body, (e) => {
    if (e.k === 'return') {
      if (e.e) judge(e.e);
    }
  }, () => {});
  const last = f.body.stmts[f.body.stmts.length - 1];
  if (last && last.k === 'expr' && !last.semi && !diverges(last.e)) judge(last.e);
  return { errors, unsupported: gap };
}

function diverges(e: Expr): boolean {
  return e.k === 'return' || (e.k === 'loop' && !JSON.stringify(e.body, (k, v) => (typeof v === 'bigint' ? v.toString() : v)).includes('"k":"break"'));
}

function typeText(t: TypeExpr): string {
  switch (t.k) {
    case 'ref': return `&${t.lifetime ? `${t.lifetime} ` : ''}${t.mut ? 'mut ' : ''}${typeText(t.inner)}`;
    case 'path': {
      const args = [...(t.lifetimes ?? []), ...t.args.map(typeText)];
      return `${t.segs.join('::')}${args.length ? `<${args.join(', ')}>` : ''}`;
    }
    case 'array': return `[${typeText(t.elem)}; _]`;
    case 'slice': return `[${typeText(t.elem)}]`;
    case 'tuple': return `(${t.elems.map(typeText).join(', ')})`;
    default: return '_';
  }
}
