// From a transition's statements to its relations (Verus's `to_relation` and simplification):
// each field's final value is placed where Verus places it, the updates (and a tokenized machine's
// special statements, strategies.ts) are read into values, and the statements become the weak
// relation (an `assert` conditions what follows it) or the strong one (an `assert` is a conjunct).

import type { Block, Expr, Pat, Sp, StateMachineItem, TransitionDecl, TransitionStmt, TypeExpr } from '../ast';
import { specialMeaning } from './strategies';
import { and, bin, bool, exprBlock, fieldOf, mcall } from './syntax';

/** A transition's statements after the updates are read: what the relation is built from. */
export type SimpleStmt =
  | { k: 'require'; e: Expr; sp: Sp }
  /** `proof`: the `by { .. }` that proves it (a user's assert, or a special statement's safety condition) */
  | { k: 'assert'; e: Expr; proof: Block | null; sp: Sp }
  | { k: 'post'; field: string; value: Expr; sp: Sp }
  | { k: 'let'; pat: Pat; ty: TypeExpr | null; init: Expr; sp: Sp }
  /** `require let PAT = e;` / `assert let PAT = e;`: `e` matches `PAT` (a condition as `require` / `assert` is), whose names are in scope after it */
  | { k: 'let-match'; kind: 'require' | 'assert'; pat: Pat; e: Expr; sp: Sp }
  | { k: 'if'; cond: Expr; then: SimpleStmt[]; els: SimpleStmt[]; sp: Sp }
  | { k: 'match'; scrut: Expr; arms: { pat: Pat; guard: Expr | null; body: SimpleStmt[]; sp: Sp }[]; sp: Sp };

/** `post.f` placed in a transition (before its value is known). */
type Placed = TransitionStmt | { k: 'post'; field: string; sp: Sp };

/** The field a statement changes: `update`, `init`, and the special statements that take or put something. */
function changedField(s: Placed): string | null {
  if (s.k === 'update' || s.k === 'init') return s.field;
  if (s.k === 'special' && ['remove', 'add', 'withdraw', 'deposit'].includes(s.op)) return s.field;
  return null;
}

/**
 * Where each field's final value is fixed (Verus's placement): at the end of the block of its last
 * change on each path, so after every `assert` of that block (in the weak relation those asserts
 * condition it); a field a branch changes gets its value at the end of the other branches too; a
 * field nothing changes, at the end of the transition.
 */
export function placePosts(sm: StateMachineItem, t: TransitionDecl): Placed[] {
  const place = (stmts: readonly Placed[], found: string[]): Placed[] => {
    const out = [...stmts];
    const tail: Placed[] = [];
    for (let i = stmts.length - 1; i >= 0; i--) {
      const s = stmts[i]!;
      const f = changedField(s);
      if (f !== null) {
        if (!found.includes(f)) {
          found.push(f);
          tail.push({ k: 'post', field: f, sp: s.sp });
        }
        continue;
      }
      if (s.k === 'if' || s.k === 'match') {
        const branches = s.k === 'if' ? [s.then, s.els ?? []] : s.arms.map((a) => a.body);
        const founds = branches.map(() => [...found]);
        const placed = branches.map((b, j) => place(b, founds[j]!));
        const added = [...new Set(founds.flatMap((f) => f.slice(found.length)))];
        placed.forEach((b, j) => {
          for (const f of added) if (!founds[j]!.includes(f)) b.push({ k: 'post', field: f, sp: s.sp });
        });
        found.push(...added);
        out[i] = s.k === 'if' ? { ...s, then: placed[0] as TransitionStmt[], els: placed[1] as TransitionStmt[] } : { ...s, arms: s.arms.map((a, j) => ({ ...a, body: placed[j] as TransitionStmt[] })) };
      }
    }
    return [...out, ...tail];
  };
  const found: string[] = [];
  const placed = place(t.body, found);
  for (const f of sm.fields) if (!found.includes(f.name)) placed.push({ k: 'post', field: f.name, sp: t.nameSp });
  return placed;
}

/** The transition with its updates read: each `post` gets the field's value there. */
export function simplify(sm: StateMachineItem, t: TransitionDecl): SimpleStmt[] {
  const fieldTy = new Map(sm.fields.map((f) => [f.name, f.ty]));
  type Values = Map<string, Expr>;
  const run = (stmts: readonly Placed[], values: Values): { out: SimpleStmt[]; values: Values } => {
    const out: SimpleStmt[] = [];
    let vals = new Map(values);
    const lets: Extract<TransitionStmt, { k: 'let' }>[] = [];
    for (const s of stmts) {
      if (s.k === 'require') out.push({ k: 'require', e: s.e, sp: s.sp });
      else if (s.k === 'assert') out.push({ k: 'assert', e: s.e, proof: s.proof, sp: s.sp });
      // (a value never leaves the scope of a `let-match`: a field changed after it has its value placed in that scope)
      else if (s.k === 'let-match') out.push({ k: 'let-match', kind: s.kind, pat: s.pat, e: s.e, sp: s.sp });
      else if (s.k === 'special') {
        const cur = vals.get(s.field) ?? fieldOf('pre', s.field, s.sp);
        const meaning = specialMeaning(strategyOf(sm, s.field), fieldTy.get(s.field)!, s, cur);
        // (lowerStateMachines leaves a machine with an unsupported statement unexpanded)
        if (meaning.k !== 'ok') throw new Error(`special statement without a meaning: ${meaning.what}`);
        if (meaning.cond?.k === 'require') out.push({ k: 'require', e: meaning.cond.e, sp: s.sp });
        if (meaning.cond?.k === 'assert') out.push({ k: 'assert', e: meaning.cond.e, proof: s.proofBlock, sp: s.sp });
        if (meaning.bind?.refutable) out.push({ k: 'let-match', kind: meaning.cond?.k ?? 'require', pat: meaning.bind.pat, e: meaning.bind.init, sp: s.sp });
        else if (meaning.bind) {
          lets.push({ k: 'let', pat: meaning.bind.pat, ty: null, init: meaning.bind.init, birdsEye: false, sp: s.sp });
          out.push({ k: 'let', pat: meaning.bind.pat, ty: null, init: meaning.bind.init, sp: s.sp });
        }
        if (meaning.update) vals.set(s.field, meaning.update);
      }
      else if (s.k === 'post') out.push({ k: 'post', field: s.field, value: vals.get(s.field) ?? fieldOf('pre', s.field, s.sp), sp: s.sp });
      else if (s.k === 'let') {
        lets.push(s);
        out.push({ k: 'let', pat: s.pat, ty: s.ty, init: s.init, sp: s.sp });
      } else if (s.k === 'update' || s.k === 'init') {
        const cur = vals.get(s.field) ?? fieldOf('pre', s.field, s.sp);
        vals.set(s.field, s.index ? indexUpdate(cur, s.index, s.e, fieldTy.get(s.field)!, s.sp) : s.e);
      } else if (s.k === 'if' || s.k === 'match') {
        const branches = s.k === 'if' ? [s.then, s.els ?? []] : s.arms.map((a) => a.body);
        const results = branches.map((b) => run(b as Placed[], vals));
        // a field a branch changed: its value is the branch's (the fields' values merge as the branches do)
        const merged = new Map(vals);
        for (const f of new Set(results.flatMap((r) => [...r.values.keys()]))) {
          if (results.every((r) => r.values.get(f) === vals.get(f))) continue;
          const per = results.map((r) => r.values.get(f) ?? vals.get(f) ?? fieldOf('pre', f, s.sp));
          merged.set(f, s.k === 'if' ? { k: 'if', cond: s.cond, then: exprBlock(per[0]!), els: { k: 'block', block: exprBlock(per[1]!), sp: s.sp }, sp: s.sp } : { k: 'match', scrut: s.scrut, arms: s.arms.map((a, j) => ({ pat: a.pat, guard: a.guard, body: per[j]!, sp: a.sp })), sp: s.sp });
        }
        vals = merged;
        if (s.k === 'if') out.push({ k: 'if', cond: s.cond, then: results[0]!.out, els: results[1]!.out, sp: s.sp });
        else out.push({ k: 'match', scrut: s.scrut, arms: s.arms.map((a, j) => ({ pat: a.pat, guard: a.guard, body: results[j]!.out, sp: a.sp })), sp: s.sp });
      }
    }
    // a value that names a `let` of this block leaves it with the `let`s around it (names are unique in a transition)
    if (lets.length) for (const [f, v] of vals) if (v !== values.get(f)) vals.set(f, lets.reduceRight<Expr>((e, l) => ({ k: 'block', block: { stmts: [{ k: 'let', pat: l.pat, ghost: false, ty: l.ty, init: l.init, sp: l.sp }, { k: 'expr', e, semi: false, sp: l.sp }], sp: l.sp }, sp: l.sp }), v));
    return { out, values: vals };
  };
  return run(placePosts(sm, t), new Map()).out;
}

/** The statements without the conditions on `post`. */
export function withoutPosts(stmts: SimpleStmt[]): SimpleStmt[] {
  return stmts.flatMap((s): SimpleStmt[] => {
    if (s.k === 'post') return [];
    if (s.k === 'if') return [{ ...s, then: withoutPosts(s.then), els: withoutPosts(s.els) }];
    if (s.k === 'match') return [{ ...s, arms: s.arms.map((a) => ({ ...a, body: withoutPosts(a.body) })) }];
    return [s];
  });
}

/** A field's sharding strategy (`variable` in a machine that is not tokenized). */
export const strategyOf = (sm: StateMachineItem, field: string): string => sm.fields.find((f) => f.name === field)?.sharding[0]?.strategy ?? 'variable';

/** `update f[k] = e`: a map's `insert`, a sequence's `update`. */
function indexUpdate(cur: Expr, index: Expr, e: Expr, ty: TypeExpr, sp: Sp): Expr {
  const name = ty.k === 'path' ? ty.segs[ty.segs.length - 1] : '';
  return mcall(cur, name === 'Seq' ? 'update' : 'insert', [index, e], sp);
}

/** The relation: conjuncts in order; what follows an `if` / `match` goes into each branch; `assert` per `strong`. */
export function relation(stmts: SimpleStmt[], strong: boolean, sp: Sp): Expr {
  const rel = (list: readonly SimpleStmt[]): Expr | null => {
    if (!list.length) return null;
    const [s, ...rest] = list as [SimpleStmt, ...SimpleStmt[]];
    switch (s.k) {
      case 'require':
        return and(s.e, rel(rest), s.sp);
      case 'assert': {
        const r = rel(rest);
        return strong ? and(s.e, r, s.sp) : r ? bin('==>', s.e, r, s.sp) : null;
      }
      case 'post':
        return and(bin('==', fieldOf('post', s.field, s.sp), s.value, s.sp), rel(rest), s.sp);
      case 'let-match': {
        // where `e` does not match: the transition is not taken (`require`), or, in the weak relation, anything goes (`assert`)
        const otherwise = bool(s.kind === 'assert' && !strong, s.sp);
        return { k: 'match', scrut: s.e, arms: [{ pat: s.pat, guard: null, body: rel(rest) ?? bool(true, s.sp), sp: s.sp }, { pat: { k: 'wild', sp: s.sp }, guard: null, body: otherwise, sp: s.sp }], sp: s.sp };
      }
      case 'let': {
        const r = rel(rest);
        return r && { k: 'block', block: { stmts: [{ k: 'let', pat: s.pat, ghost: false, ty: s.ty, init: s.init, sp: s.sp }, { k: 'expr', e: r, semi: false, sp: s.sp }], sp: s.sp }, sp: s.sp };
      }
      case 'if': {
        const a = rel([...s.then, ...rest]);
        const b = rel([...s.els, ...rest]);
        if (!a && !b) return null;
        return { k: 'if', cond: s.cond, then: exprBlock(a ?? bool(true, s.sp)), els: { k: 'block', block: exprBlock(b ?? bool(true, s.sp)), sp: s.sp }, sp: s.sp };
      }
      case 'match': {
        const arms = s.arms.map((a) => ({ pat: a.pat, guard: a.guard, body: rel([...a.body, ...rest]) ?? bool(true, a.sp), sp: a.sp }));
        return { k: 'match', scrut: s.scrut, arms, sp: s.sp };
      }
    }
  };
  return rel(stmts) ?? bool(true, sp);
}
