// A well-formed `state_machine!` as ordinary items of a module of its name: the `State` struct,
// its relations as spec fns, the inductive and safety lemmas as proof fns with their contracts,
// `Step` / `Config` with `next_by` / `next` / `init_by` / `init`, and `take_step`.

import type { Block, Expr, FnItem, GenericParam, Item, Param, Pat, Sp, StateMachineItem, Stmt, TransitionDecl, TransitionStmt, TypeExpr } from '../ast';
import { relation, simplify, withoutPosts, type SimpleStmt } from './relations';
import { bool, bin, exprBlock, fieldOf, invCall, mcall, path, relCall, relCallOn, someStmt, tyPath } from './syntax';

export function expandStateMachine(sm: StateMachineItem): Item[] {
  const module = [...sm.module, sm.name];
  const sp = sm.sp;
  const gnames = sm.generics.map((g) => g.name);
  const selfTy: TypeExpr = { k: 'path', name: 'State', segs: ['State'], args: gnames.map((g) => tyPath(g, sp)), sp };
  const out: Item[] = [];
  out.push({ k: 'struct', dataMode: 'ghost', name: 'State', fields: sm.fields.map((f) => ({ name: f.name, ty: f.ty, sp: f.sp, vis: { k: 'pub' } })), tupleLike: false, generics: gnames, genericParams: sm.generics, sp: sm.nameSp, module, vis: { k: 'pub' } });
  // the machine's own types (Label, InitLabel) and functions (methods of State)
  sm.items.forEach((it, i) => {
    const role = sm.roles[i];
    if (it.k !== 'fn') return out.push(it);
    const fn: FnItem = { ...it, module };
    if (role?.role === 'invariant' && fn.mode === 'exec') fn.mode = 'spec';
    if (role?.role === 'invariant') fn.open = true;
    if (role?.role === 'inductive') {
      const t = sm.transitions.find((x) => x.name === role.transition)!;
      const call = t.kind === 'init' ? relCall(t.name, ['post', ...t.params.map((p) => p.name)], it.nameSp) : relCall(`${t.name}_strong`, ['pre', 'post', ...t.params.map((p) => p.name)], it.nameSp);
      fn.mode = 'proof';
      fn.requires = [call, ...(t.kind === 'init' ? [] : [invCall('pre', it.nameSp)]), ...it.requires];
      fn.ensures = [invCall('post', it.nameSp), ...it.ensures];
    }
    out.push(asMethod(fn, sm, selfTy));
  });
  const method = (name: string, mode: FnItem['mode'], params: Param[], ret: TypeExpr | null, body: Expr | null, at: Sp, extra: Partial<FnItem> = {}): FnItem =>
    asMethod({ k: 'fn', name, mode, open: mode === 'spec', attrs: [], params, ret: ret ? { name: null, ty: ret } : null, requires: [], ensures: [], recommends: [], decreases: [], returns: null, unsupportedClauses: [], body: body ? { stmts: [{ k: 'expr', e: body, semi: false, sp: at }], sp: at } : null, generics: [], selfType: 'State', nameSp: at, sp: at, module, vis: { k: 'pub' }, ...extra }, sm, selfTy);
  const param = (name: string, ty: TypeExpr, at: Sp): Param => ({ name, ty, isSelf: false, sp: at });
  const boolTy = tyPath('bool', sp);
  // the invariant: every #[invariant] fn
  const invs = sm.items.filter((it, i): it is FnItem => it.k === 'fn' && sm.roles[i]?.role === 'invariant');
  const invBody = invs.length ? invs.map((f) => mcall(path(['self'], f.nameSp), f.name, [], f.nameSp)).reduce((a, b) => bin('&&', a, b, sp)) : bool(true, sp);
  out.push(method('invariant', 'spec', [{ name: 'self', ty: { k: 'ref', mut: false, inner: tyPath('Self', sp), sp }, isSelf: true, sp }], boolTy, invBody, sm.nameSp));
  // the relations, and the safety conditions of the asserts
  for (const t of sm.transitions) {
    const params = t.params.map((p) => param(p.name, p.ty, p.sp));
    const simple = simplify(sm, t);
    if (t.kind === 'property') {
      out.push(safetyLemma(t, simple, t.name, params, method, param, selfTy));
      continue;
    }
    const states = t.kind === 'init' ? [param('post', selfTy, t.nameSp)] : [param('pre', selfTy, t.nameSp), param('post', selfTy, t.nameSp)];
    out.push(method(t.name, 'spec', [...states, ...params], boolTy, relation(simple, false, t.nameSp), t.nameSp));
    if (t.kind !== 'init') out.push(method(`${t.name}_strong`, 'spec', [...states, ...params], boolTy, relation(simple, true, t.nameSp), t.nameSp));
    // Verus's enabling condition: the weak relation without what it says of `post`
    if (t.kind !== 'init') out.push(method(`${t.name}_enabled`, 'spec', [param('pre', selfTy, t.nameSp), ...params], boolTy, relation(withoutPosts(simple), false, t.nameSp), t.nameSp));
    if (t.kind !== 'init' && someAssert(simple)) out.push(safetyLemma(t, simple, `${t.name}_asserts`, params, method, param, selfTy));
    // `X::take_step::tr(pre, params) -> post`: the state a transition makes, where it is enabled
    // (a tokenized machine's transitions are taken through its tokens, which are not modelled)
    if (t.kind === 'transition' && !sm.tokenized) out.push(takeStep(sm, t, simple, params, param, selfTy, [...module, 'take_step']));
  }
  // Step / Config, next_by / next / init_by / init
  const steps = sm.transitions.filter((t) => t.kind === 'transition' || t.kind === 'readonly');
  const inits = sm.transitions.filter((t) => t.kind === 'init');
  for (const [enumName, ts, isInit] of [['Step', steps, false], ['Config', inits, true]] as const) {
    out.push({
      k: 'enum',
      dataMode: 'ghost',
      // (Verus's `#[is_variant]`: `step.is_tr()`)
      attrs: ['is_variant'],
      name: enumName,
      variants: [...ts.map((t) => ({ name: t.name, fields: t.params.map((p, i) => ({ name: String(i), ty: selfAsState(p.ty, selfTy) })), tupleLike: true, sp: t.nameSp })), { name: 'dummy_to_use_type_params', fields: [{ name: '0', ty: selfTy }], tupleLike: true, sp }],
      generics: gnames,
      genericParams: sm.generics,
      sp: sm.nameSp,
      module,
      vis: { k: 'pub' },
    });
    const enumTy: TypeExpr = { k: 'path', name: enumName, segs: [enumName], args: gnames.map((g) => tyPath(g, sp)), sp };
    const states = isInit ? ['post'] : ['pre', 'post'];
    const arms = ts.map((t) => {
      const vars = t.params.map((_, i) => `a${i}`);
      const pat: Pat = { k: 'variant', path: [enumName, t.name], args: vars.map((v): Pat => ({ k: 'bind', name: v, mut: false, sp })), fields: null, rest: false, sp };
      return { pat, guard: null as Expr | null, body: relCall(t.name, [...states, ...vars], t.nameSp), sp };
    });
    arms.push({ pat: { k: 'variant', path: [enumName, 'dummy_to_use_type_params'], args: [{ k: 'wild', sp }], fields: null, rest: false, sp }, guard: null, body: bool(false, sp), sp });
    const by = isInit ? 'init_by' : 'next_by';
    const stateParams = states.map((s) => param(s, selfTy, sp));
    out.push(method(by, 'spec', [...stateParams, param(isInit ? 'step' : 'step', enumTy, sp)], boolTy, { k: 'match', scrut: path(['step'], sp), arms, sp }, sm.nameSp));
    const exists: Expr = { k: 'quant', q: 'exists', params: [{ name: 'step', ty: enumTy, sp }], triggers: [], body: relCall(by, [...states, 'step'], sp), sp };
    out.push(method(isInit ? 'init' : 'next', 'spec', stateParams, boolTy, exists, sm.nameSp));
  }
  return out;
}

/**
 * Verus's `take_step::tr(pre, params) -> (post: State)`: requires `State::tr_enabled(pre, params)`,
 * ensures `State::tr(pre, post, params)`. Not trusted: its body builds `post` from the fields'
 * values on each path (the relation's own `post.f == v`), so the verifier proves the contract.
 */
function takeStep(sm: StateMachineItem, t: TransitionDecl, simple: SimpleStmt[], params: Param[], param: (name: string, ty: TypeExpr, at: Sp) => Param, selfTy: TypeExpr, module: string[]): FnItem {
  const at = t.nameSp;
  const build = (list: readonly SimpleStmt[], posts: Map<string, Expr>): Expr => {
    if (!list.length) return { k: 'struct', path: ['State'], fields: sm.fields.map((f) => ({ name: f.name, e: posts.get(f.name) ?? fieldOf('pre', f.name, at), sp: at })), base: null, sp: at };
    const [s, ...rest] = list as [SimpleStmt, ...SimpleStmt[]];
    switch (s.k) {
      case 'require': case 'assert':
        return build(rest, posts);
      case 'post':
        return build(rest, new Map([...posts, [s.field, s.value]]));
      case 'let':
        return { k: 'block', block: { stmts: [{ k: 'let', pat: s.pat, ghost: false, ty: s.ty, init: s.init, sp: s.sp }, { k: 'expr', e: build(rest, posts), semi: false, sp: s.sp }], sp: s.sp }, sp: s.sp };
      case 'let-match':
        // (where `e` does not match, the transition is not enabled: any state)
        return { k: 'match', scrut: s.e, arms: [{ pat: s.pat, guard: null, body: build(rest, posts), sp: s.sp }, { pat: { k: 'wild', sp: s.sp }, guard: null, body: path(['pre'], s.sp), sp: s.sp }], sp: s.sp };
      case 'if':
        return { k: 'if', cond: s.cond, then: exprBlock(build([...s.then, ...rest], posts)), els: { k: 'block', block: exprBlock(build([...s.els, ...rest], posts)), sp: s.sp }, sp: s.sp };
      case 'match':
        return { k: 'match', scrut: s.scrut, arms: s.arms.map((a) => ({ pat: a.pat, guard: a.guard, body: build([...a.body, ...rest], posts), sp: a.sp })), sp: s.sp };
    }
  };
  const names = ['pre', ...params.map((p) => p.name)];
  return {
    k: 'fn', name: t.name, mode: 'proof', open: false, attrs: [], params: [param('pre', selfTy, at), ...params], ret: { name: 'post', ty: selfTy },
    requires: [relCallOn('State', `${t.name}_enabled`, names, at)], ensures: [relCallOn('State', t.name, ['pre', 'post', ...params.map((p) => p.name)], at)],
    recommends: [], decreases: [], returns: null, unsupportedClauses: [],
    body: exprBlock(build(simple, new Map())), generics: sm.generics.map((g) => g.name), genericParams: sm.generics, selfType: null, nameSp: at, sp: at, module, vis: { k: 'pub' },
  };
}

/**
 * Verus's safety condition of a transition's asserts (its own, and the inherent ones of its special
 * statements): from the invariant and what comes before each assert in the transition, it holds,
 * proved by its `by { .. }` if it has one.
 */
function safetyLemma(t: TransitionDecl, simple: SimpleStmt[], name: string, params: Param[], method: (name: string, mode: FnItem['mode'], params: Param[], ret: TypeExpr | null, body: Expr | null, at: Sp, extra?: Partial<FnItem>) => FnItem, param: (name: string, ty: TypeExpr, at: Sp) => Param, selfTy: TypeExpr): FnItem {
  const body: Block = { stmts: safetyStmts(simple), sp: t.sp };
  const fn = method(name, 'proof', [param('pre', selfTy, t.nameSp), ...params], null, null, t.nameSp, { requires: [invCall('pre', t.nameSp)] });
  return { ...fn, body };
}

function someAssert(stmts: readonly SimpleStmt[]): boolean {
  return stmts.some((s) => s.k === 'assert' || (s.k === 'let-match' && s.kind === 'assert') || (s.k === 'if' && (someAssert(s.then) || someAssert(s.els))) || (s.k === 'match' && s.arms.some((a) => someAssert(a.body))));
}

function safetyStmts(stmts: readonly SimpleStmt[]): Stmt[] {
  const out: Stmt[] = [];
  for (const [i, s] of stmts.entries()) {
    if (s.k === 'let-match') {
      // the rest in the scope of the pattern; elsewhere a `require let` is assumed away, an `assert let` fails
      const otherwise: Stmt = s.kind === 'require' ? { k: 'assume', e: bool(false, s.sp), sp: s.sp } : { k: 'assert', e: bool(false, s.sp), by: 'none', req: [], proof: null, sp: s.sp };
      const arm = (body: Stmt[]) => ({ k: 'block' as const, block: { stmts: body, sp: s.sp }, sp: s.sp });
      out.push({ k: 'expr', e: { k: 'match', scrut: s.e, arms: [{ pat: s.pat, guard: null, body: arm(safetyStmts(stmts.slice(i + 1))), sp: s.sp }, { pat: { k: 'wild', sp: s.sp }, guard: null, body: arm([otherwise]), sp: s.sp }], sp: s.sp }, semi: false, sp: s.sp });
      break;
    }
    if (s.k === 'require') out.push({ k: 'assume', e: s.e, sp: s.sp });
    else if (s.k === 'assert') out.push({ k: 'assert', e: s.e, by: s.proof ? 'block' : 'none', req: [], proof: s.proof, sp: s.sp });
    else if (s.k === 'let') out.push({ k: 'let', pat: s.pat, ghost: false, ty: s.ty, init: s.init, sp: s.sp });
    else if (s.k === 'if') {
      const then = { stmts: safetyStmts(s.then), sp: s.sp };
      const els: Expr = { k: 'block', block: { stmts: safetyStmts(s.els), sp: s.sp }, sp: s.sp };
      out.push({ k: 'expr', e: { k: 'if', cond: s.cond, then, els, sp: s.sp }, semi: false, sp: s.sp });
    } else if (s.k === 'match') {
      const arms = s.arms.map((a) => ({ pat: a.pat, guard: a.guard, body: { k: 'block' as const, block: { stmts: safetyStmts(a.body), sp: a.sp }, sp: a.sp }, sp: a.sp }));
      out.push({ k: 'expr', e: { k: 'match', scrut: s.scrut, arms, sp: s.sp }, semi: false, sp: s.sp });
    }
  }
  return out;
}

/** `Self` in a transition's parameter type is the machine's `State` (in the `Step` / `Config` enums it would name the enum). */
function selfAsState(ty: TypeExpr, selfTy: TypeExpr): TypeExpr {
  const map = (node: unknown): unknown => {
    if (!node || typeof node !== 'object') return node;
    if (Array.isArray(node)) return node.map(map);
    const o = node as Record<string, unknown>;
    if (o.k === 'path' && Array.isArray(o.segs) && o.segs.length === 1 && o.segs[0] === 'Self') return { ...selfTy, sp: o.sp };
    return Object.fromEntries(Object.entries(o).map(([key, v]) => [key, key === 'sp' ? v : map(v)]));
  };
  return map(ty) as TypeExpr;
}

/** A function of the machine as a method of `State` in the machine's module, generic over the machine's parameters. */
function asMethod(fn: FnItem, sm: StateMachineItem, selfTy: TypeExpr): FnItem {
  if (!sm.generics.length) return { ...fn, selfType: 'State' };
  const g: GenericParam[] = sm.generics;
  return { ...fn, selfType: 'State', generics: [...g.map((x) => x.name), ...fn.generics], implGenerics: g.length, genericParams: [...g, ...(fn.genericParams ?? [])], selfArgs: selfTy.k === 'path' ? selfTy.args : [] };
}
