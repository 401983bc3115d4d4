// Small builders of the syntax the state-machine phase makes (the macro's output is ordinary AST),
// and walks over a machine's transition statements.

import type { BinOp, Block, Expr, Pat, Sp, TransitionStmt, TypeExpr } from '../ast';

export const path = (segs: string[], sp: Sp): Expr => ({ k: 'path', segs, generics: [], sp });
export const bool = (value: boolean, sp: Sp): Expr => ({ k: 'bool', value, sp });
export const bin = (op: BinOp, l: Expr, r: Expr, sp: Sp): Expr => ({ k: 'binary', op, l, r, sp });
export const and = (l: Expr, r: Expr | null, sp: Sp): Expr => (r ? bin('&&', l, r, sp) : l);
export const fieldOf = (state: string, field: string, sp: Sp): Expr => ({ k: 'field', recv: path([state], sp), name: field, sp });
export const mcall = (recv: Expr, name: string, args: Expr[], sp: Sp): Expr => ({ k: 'method', recv, name, generics: [], args, sp, nameSp: sp });
export const relCall = (name: string, args: string[], sp: Sp): Expr => relCallOn('Self', name, args, sp);
export const relCallOn = (owner: string, name: string, args: string[], sp: Sp): Expr => ({ k: 'call', callee: path([owner, name], sp), args: args.map((a) => path([a], sp)), sp });
export const invCall = (state: string, sp: Sp): Expr => mcall(path([state], sp), 'invariant', [], sp);
export const tyPath = (name: string, sp: Sp): TypeExpr => ({ k: 'path', name, segs: [name], args: [], sp });
export const exprBlock = (e: Expr): Block => ({ stmts: [{ k: 'expr', e, semi: false, sp: e.sp }], sp: e.sp });

export function visitStmts(stmts: readonly TransitionStmt[], f: (s: TransitionStmt) => void): void {
  for (const s of stmts) {
    f(s);
    if (s.k === 'if') {
      visitStmts(s.then, f);
      visitStmts(s.els ?? [], f);
    } else if (s.k === 'match') for (const a of s.arms) visitStmts(a.body, f);
  }
}

export function someStmt(stmts: readonly TransitionStmt[], f: (s: TransitionStmt) => boolean): boolean {
  let found = false;
  visitStmts(stmts, (s) => (found ||= f(s)));
  return found;
}

/** The expressions a transition's statements hold (not the proofs of its asserts). */
export function stmtExprs(stmts: readonly TransitionStmt[]): Expr[] {
  const out: Expr[] = [];
  visitStmts(stmts, (s) => {
    if (s.k === 'let') out.push(s.init);
    else if (s.k === 'if') out.push(s.cond);
    else if (s.k === 'match') {
      out.push(s.scrut);
      for (const a of s.arms) if (a.guard) out.push(a.guard);
    } else if (s.k === 'require' || s.k === 'assert' || s.k === 'let-match') out.push(s.e);
    else if (s.k === 'update' || s.k === 'init') out.push(s.e, ...(s.index ? [s.index] : []));
  });
  return out;
}

/** Every path expression under `e` (a closure's or quantifier's own names included: they cannot be `pre` / `post`). */
export function walkPaths(node: unknown, f: (p: Extract<Expr, { k: 'path' }>) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((x) => walkPaths(x, f));
  const o = node as Record<string, unknown>;
  if (o.k === 'path' && Array.isArray(o.segs)) f(o as Extract<Expr, { k: 'path' }>);
  for (const key of Object.keys(o)) if (key !== 'sp') walkPaths(o[key], f);
}

export function patBinders(p: Pat): string[] {
  switch (p.k) {
    case 'bind':
      return [p.name, ...(p.sub ? patBinders(p.sub) : [])];
    case 'variant':
      return [...(p.args ?? []).flatMap(patBinders), ...(p.fields ?? []).flatMap((x) => patBinders(x.pat))];
    case 'tuple':
      return p.elems.flatMap(patBinders);
    case 'or':
      return p.alts.length ? patBinders(p.alts[0]!) : [];
    default:
      return [];
  }
}

/** A type as written, for comparing signatures textually as Verus's macro does. */
export function typeText(t: TypeExpr): string {
  switch (t.k) {
    case 'path':
      return t.segs.join('::') + (t.args.length ? `<${t.args.map(typeText).join(', ')}>` : '');
    case 'ref':
      return `&${t.mut ? 'mut ' : ''}${typeText(t.inner)}`;
    case 'tuple':
      return `(${t.elems.map(typeText).join(', ')})`;
    case 'array':
      return `[${typeText(t.elem)}; _]`;
    case 'slice':
      return `[${typeText(t.elem)}]`;
    default:
      return t.k;
  }
}

export function mentionsSuper(t: TypeExpr): boolean {
  if (t.k === 'path') return t.segs[0] === 'super' || t.args.some(mentionsSuper);
  if (t.k === 'ref' || t.k === 'ptr') return mentionsSuper(t.inner);
  if (t.k === 'tuple') return t.elems.some(mentionsSuper);
  if (t.k === 'array' || t.k === 'slice') return mentionsSuper(t.elem);
  return false;
}
