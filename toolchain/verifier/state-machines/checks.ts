// Verus's well-formedness rules for a state machine, with its messages: the machine's fields and
// labels, each transition's statements, the `#[invariant]` / `#[inductive]` functions, and what a
// tokenized machine adds (sharding strategies and their special statements, `birds_eye` scopes).

import type { Block, Expr, FnItem, Sp, StateMachineItem, TransitionDecl, TransitionStmt } from '../ast';
import { strategyOf } from './relations';
import { mentionsSuper, patBinders, stmtExprs, typeText, visitStmts, walkPaths } from './syntax';

export interface SmError {
  message: string;
  sp: Sp;
}

const STRATEGIES = new Set(['variable', 'constant', 'not_tokenized', 'multiset', 'option', 'map', 'set', 'count', 'bool', 'persistent_map', 'persistent_option', 'persistent_set', 'persistent_count', 'persistent_bool', 'storage_option', 'storage_map', 'storage_multiset', 'imap', 'iset', 'persistent_imap', 'persistent_iset', 'storage_imap']);

export function checkStateMachine(sm: StateMachineItem): SmError[] {
  const errors: SmError[] = [];
  const err = (message: string, sp: Sp) => errors.push({ message, sp });
  if (!sm.fieldsSp) err('expected a `fields` block in the state machine', sm.nameSp);
  for (const x of sm.extraFields) err('Expected only one declaration of `fields` block', x);
  const fieldNames = new Set(sm.fields.map((f) => f.name));
  for (const f of sm.fields) {
    if (!sm.tokenized && f.sharding.length) err('sharding strategy only makes sense for tokenized state machines', f.sharding[0]!.sp);
    if (sm.tokenized && !f.sharding.length) err('tokenized state machine requires a sharding strategy', f.sp);
    if (f.sharding.length > 1) err('duplicate sharding attribute', f.sharding[1]!.sp);
    const s = f.sharding[0];
    if (sm.tokenized && s && !STRATEGIES.has(s.strategy)) err(`unrecognized sharding strategy: '${s.strategy}'`, s.sp);
    if (sm.tokenized && s?.strategy === 'storage_multiset') err('storage_multiset strategy not implemented', s.sp);
  }
  // Label / InitLabel: the only types a machine may declare, over the machine's own parameters
  const generics = new Set(sm.generics.map((g) => g.name));
  const labels = new Map<string, string[]>();
  sm.items.forEach((it) => {
    if (it.k !== 'struct' && it.k !== 'enum' && it.k !== 'type') return;
    if (it.name !== 'Label' && it.name !== 'InitLabel') return err('state machine only supports the declaration of a `Label` and `InitLabel` types', it.sp);
    const gs = it.generics ?? [];
    for (const g of gs) if (!generics.has(g)) err(`invalid generic param \`${g}\` for \`${it.name}\` (it must be one of the state machine's)`, it.sp);
    labels.set(it.name, gs);
  });
  // names: transitions and functions
  const seen = new Set<string>();
  const names = [...sm.transitions.map((t) => ({ name: t.name, sp: t.nameSp })), ...sm.items.filter((it): it is FnItem => it.k === 'fn').map((f) => ({ name: f.name, sp: f.nameSp }))];
  for (const n of names) {
    if (seen.has(n.name)) err(`duplicate item name \`${n.name}\``, n.sp);
    seen.add(n.name);
  }
  for (const t of sm.transitions) checkTransition(sm, t, fieldNames, labels, err);
  checkFunctions(sm, err);
  if (sm.nonTypeGeneric) err('Only generic type parameters are supported in a state machine', sm.nonTypeGeneric);
  if (sm.tokenized) {
    checkTokenizedFields(sm, err);
    for (const t of sm.transitions) checkTokenizedTransition(sm, t, err);
  }
  return errors;
}

function checkTransition(sm: StateMachineItem, t: TransitionDecl, fields: Set<string>, labels: Map<string, string[]>, err: (m: string, sp: Sp) => void): void {
  // the first parameter is the label, when the machine declares one
  const label = t.kind === 'init' ? 'InitLabel' : 'Label';
  const what = t.kind === 'init' ? "an 'init' definition" : `a '${t.kind}'`;
  if (labels.has(label) && t.kind !== 'property') {
    const gs = labels.get(label)!;
    const first = t.params[0];
    const want = gs.length ? `${label}<${gs.join(', ')}>` : label;
    if (!first || typeText(first.ty) !== want) err(`the first param to ${what} must be '${label}'`, first?.sp ?? t.nameSp);
  }
  for (const p of t.params) if (mentionsSuper(p.ty)) err('`super::` path not allowed here', p.ty.sp);
  // bound names are unique in a transition (its parameters too)
  const bound = new Set(t.params.map((p) => p.name));
  visitStmts(t.body, (s) => {
    if (s.k === 'let') {
      for (const n of patBinders(s.pat)) {
        if (bound.has(n)) err(`bound variables with the same name \`${n}\` in a transition (use distinct names)`, s.pat.sp);
        bound.add(n);
      }
      if (s.birdsEye && !sm.tokenized) err('`birds_eye` only makes sense for tokenized state machines', s.sp);
      if (s.birdsEye && t.kind === 'init') err('`birds_eye` has no effect in an init!', s.sp);
    }
    if ((s.k === 'require' || s.k === 'let-match') && s.birdsEye && !sm.tokenized) err('`birds_eye` only makes sense for tokenized state machines', s.sp);
    const binders = s.k === 'let-match' ? patBinders(s.pat) : s.k === 'special' ? s.bound : [];
    for (const n of binders) {
      if (bound.has(n)) err(`bound variables with the same name \`${n}\` in a transition (use distinct names)`, s.sp);
      bound.add(n);
    }
    if (s.k === 'if-let') err('state machine transitions do not support if-let conditionals', s.sp);
    if ((s.k === 'update' || s.k === 'init' || s.k === 'special') && !fields.has(s.field)) err(`field '${s.field}' not found`, s.fieldSp);
    if (s.k === 'init' && t.kind !== 'init') err("'init' statement not allowed outside 'init' routine", s.sp);
    if (s.k === 'update' && t.kind === 'init') err("'update' statement not allowed in initialization", s.sp);
    if (s.k === 'update' && t.kind === 'readonly') err("'update' statement not allowed in readonly transition", s.sp);
    if (s.k === 'update' && t.kind === 'property') err("'update' statement not allowed in property definition", s.sp);
    if (s.k === 'assert' && t.kind === 'init') err("'assert' statement not allowed in initialization", s.sp);
    if (s.k === 'special' && !sm.tokenized) err(`'${s.op}' statement only makes sense for tokenized state machines`, s.sp);
    if (s.k === 'special' && t.kind === 'init' && s.op !== 'init') err(`'${s.op}' statement not allowed in initialization`, s.sp);
    if (s.k === 'special' && t.kind === 'readonly' && (s.op === 'add' || s.op === 'remove' || s.op === 'deposit' || s.op === 'withdraw')) err(`'${s.op}' statement not allowed in readonly transition`, s.sp);
    if (s.k === 'special' && t.kind === 'property' && s.op !== 'have' && s.op !== 'guard') err(`'${s.op}' statement not allowed in 'property' definition`, s.sp);
  });
  // what expressions may name: `pre` (not in an init), never `post` or `self`, no `super::`
  for (const e of stmtExprs(t.body)) {
    walkPaths(e, (p) => {
      const head = p.segs[0];
      if (head === 'post' && p.segs.length === 1) err('cannot refer directly to `post`', p.sp);
      else if (head === 'pre' && p.segs.length === 1 && t.kind === 'init') err("no previous state to refer to ('pre') in an 'init' routine", p.sp);
      else if (head === 'self' && p.segs.length === 1) err('`self` is meaningless in a transition; use `pre` for the state before it', p.sp);
      else if (head === 'super') err('`super::` path not allowed here', p.sp);
    });
  }
  if (t.kind === 'init') checkInitializes(sm, t, err);
  else if (t.kind === 'transition') checkUpdatesOnce(t.body, new Map(), err);
}

/** An `init!` initializes each field exactly once on every path. */
function checkInitializes(sm: StateMachineItem, t: TransitionDecl, err: (m: string, sp: Sp) => void): void {
  const walk = (stmts: TransitionStmt[], done: Set<string>): Set<string> => {
    const out = new Set(done);
    for (const s of stmts) {
      if (s.k === 'init') {
        if (out.has(s.field)) err(`field '${s.field}' might be initialized multiple times`, s.sp);
        out.add(s.field);
      } else if (s.k === 'if') {
        const a = walk(s.then, out);
        const b = walk(s.els ?? [], out);
        for (const f of a) if (!b.has(f)) err(`the else-branch does not initialize field '${f}' (the if-branch does)`, s.elsSp ?? s.sp);
        for (const f of b) if (!a.has(f)) err(`the if-branch does not initialize field '${f}' (the else-branch does)`, s.thenSp);
        for (const f of a) out.add(f);
      } else if (s.k === 'match') {
        const arms = s.arms.map((a) => walk(a.body, out));
        const all = new Set(arms.flatMap((a) => [...a]));
        for (const f of all) if (arms.some((a) => !a.has(f))) err(`all branches of a match-statement must initialize the same fields ('${f}' is not initialized in every arm)`, s.sp);
        for (const f of all) out.add(f);
      }
    }
    return out;
  };
  const done = walk(t.body, new Set());
  for (const f of sm.fields) if (!done.has(f.name)) err(`initialization procedure does not initialize field '${f.name}'`, t.nameSp);
}

/** A transition updates each field (as a whole) at most once on every path. */
function checkUpdatesOnce(stmts: TransitionStmt[], done: Map<string, Sp>, err: (m: string, sp: Sp) => void): Map<string, Sp> {
  const out = new Map(done);
  for (const s of stmts) {
    if (s.k === 'update' && !s.index) {
      if (out.has(s.field)) err(`field '${s.field}' might be updated multiple times`, s.sp);
      out.set(s.field, s.sp);
    } else if (s.k === 'if' || s.k === 'match') {
      const branches = s.k === 'if' ? [s.then, s.els ?? []] : s.arms.map((a) => a.body);
      for (const b of branches) for (const [f, sp] of checkUpdatesOnce(b, out, err)) if (!out.has(f)) out.set(f, sp);
    }
  }
  return out;
}

/** The `#[invariant]` and `#[inductive(..)]` functions. */
function checkFunctions(sm: StateMachineItem, err: (m: string, sp: Sp) => void): void {
  const lemmas = new Set<string>();
  const hasInvariant = sm.roles.some((r) => r?.role === 'invariant');
  sm.items.forEach((it, i) => {
    const role = sm.roles[i];
    if (!role || it.k !== 'fn') return;
    if (role.modeAttr) err(`\`${it.name}\` should not be explicitly labelled with a mode: the macro makes an invariant \`spec\` and an inductive lemma \`proof\``, role.modeAttr);
    if (role.role === 'inductive' && (it.requires.length || it.ensures.length || startsWithClauseCall(it.body)))
      err(`the precondition and postcondition are implicit in an 'inductive' lemma (the transition and the invariant before it, the invariant after it); \`${it.name}\` should not state them`, it.nameSp);
    if (role.role === 'invariant') {
      if (it.mode === 'proof') err('an invariant function should be `spec`', it.nameSp);
      if (it.params.length !== 1 || !it.params[0]!.isSelf) err('an invariant function must take 1 argument (self)', it.nameSp);
      if (!it.ret || typeText(it.ret.ty) !== 'bool') err('an invariant function must return a bool', it.nameSp);
      if (it.generics.length) err('an invariant function must take 0 type arguments', it.nameSp);
      return;
    }
    const name = role.transition!;
    if (it.mode === 'spec') err('an inductiveness lemma should be `proof`', it.nameSp);
    if (lemmas.has(name)) err(`duplicate 'inductive' lemma for transition \`${name}\``, it.nameSp);
    lemmas.add(name);
    const t = sm.transitions.find((x) => x.name === name);
    if (!t) return err(`could not find transition \`${name}\``, role.sp);
    if (t.kind === 'readonly' || t.kind === 'property') return err(`'inductive' lemma does not make sense for a '${t.kind}' transition`, role.sp);
    if (it.generics.length) err("'inductive' lemma should have no generic parameters", it.nameSp);
    if (it.ret) err("'inductive' lemma should have no return type", it.nameSp);
    const want = [...(t.kind === 'init' ? [] : ['pre: Self']), 'post: Self', ...t.params.map((p) => `${p.name}: ${typeText(p.ty)}`)];
    const have = it.params.map((p) => `${p.isSelf ? 'self' : p.name}: ${typeText(p.ty)}`);
    if (want.join(', ') !== have.join(', ')) err(`params for 'inductive' lemma should be: \`${want.join(', ')}\``, it.nameSp);
  });
  if (!hasInvariant) return;
  const missing = sm.transitions.filter((t) => (t.kind === 'init' || t.kind === 'transition') && !lemmas.has(t.name));
  if (missing.length) err(`missing inductiveness proofs for ${missing.length} transition(s): ${missing.map((t) => `#[inductive(${t.name})]`).join(', ')}`, sm.nameSp);
}

/** Names the tokenized macro keeps for the code it generates. */
const isReserved = (n: string): boolean => n === 'instance' || n.startsWith('param_token_');

/** The type a field of each sharding strategy must have (`_`: any type). */
const SHAPES: Record<string, string> = {
  option: 'Option<_>', storage_option: 'Option<_>', persistent_option: 'Option<_>',
  map: 'Map<_, _>', storage_map: 'Map<_, _>', persistent_map: 'Map<_, _>',
  imap: 'IMap<_, _>', storage_imap: 'IMap<_, _>', persistent_imap: 'IMap<_, _>',
  multiset: 'Multiset<_>', storage_multiset: 'Multiset<_>',
  set: 'Set<_>', persistent_set: 'Set<_>', iset: 'ISet<_>', persistent_iset: 'ISet<_>',
  count: 'nat', persistent_count: 'nat', bool: 'bool', persistent_bool: 'bool',
};

/** The strategies an element written as `Some(..)`, `[k => v]`, `{..}`, `set {..}`, `true` belongs to. */
const ELEMENT_STRATEGIES: Record<string, { what: string; strategies: string[] }> = {
  option: { what: 'an optional', strategies: ['option', 'storage_option', 'persistent_option'] },
  map: { what: 'a map', strategies: ['map', 'storage_map', 'persistent_map', 'imap', 'storage_imap', 'persistent_imap'] },
  multiset: { what: 'a multiset', strategies: ['multiset', 'storage_multiset'] },
  set: { what: 'a set', strategies: ['set', 'persistent_set', 'iset', 'persistent_iset'] },
  bool: { what: 'a boolean', strategies: ['bool', 'persistent_bool'] },
};


function checkTokenizedFields(sm: StateMachineItem, err: (m: string, sp: Sp) => void): void {
  if (isReserved(sm.name)) err(`'${sm.name}' is a reserved identifier in a tokenized state machine`, sm.nameSp);
  for (const f of sm.fields) {
    if (isReserved(f.name)) err(`'${f.name}' is a reserved identifier in a tokenized state machine`, f.sp);
    if (f.modeAttrs?.length) err(`field '${f.name}' should not be explicitly labelled with a mode: a state machine's fields are ghost`, f.modeAttrs[0]!);
    const s = f.sharding[0]?.strategy;
    const shape = s ? SHAPES[s] : undefined;
    if (!shape || f.ty.k !== 'path') continue;
    const [name, args] = shape.includes('<') ? [shape.slice(0, shape.indexOf('<')), shape.split('_').length - 1] : [shape, 0];
    const ok = f.ty.segs[f.ty.segs.length - 1] === name && f.ty.args.length === args;
    if (!ok) err(`a field of sharding strategy '${s}' must be ${args ? 'of the form ' : ''}${shape}`, f.ty.sp);
  }
}

function checkTokenizedTransition(sm: StateMachineItem, t: TransitionDecl, err: (m: string, sp: Sp) => void): void {
  const persistent = (s: string) => s.startsWith('persistent_');
  const storage = (s: string) => s.startsWith('storage_');
  for (const p of t.params) if (isReserved(p.name)) err(`'${p.name}' is a reserved identifier in a tokenized state machine`, p.sp);
  // the special statements
  const order: Record<string, number> = { remove: 0, have: 1, add: 2 };
  const last = new Map<string, string>();
  const visit = (stmts: readonly TransitionStmt[], nested: boolean) => {
    for (const s of stmts) {
      if (s.k === 'if') {
        visit(s.then, true);
        visit(s.els ?? [], true);
        continue;
      }
      if (s.k === 'match') {
        for (const a of s.arms) visit(a.body, true);
        continue;
      }
      if (s.k === 'let') for (const n of patBinders(s.pat)) if (isReserved(n)) err(`'${n}' is a reserved identifier in a tokenized state machine`, s.pat.sp);
      if (s.k === 'update' && !['variable', 'not_tokenized'].includes(strategyOf(sm, s.field)) && sm.fields.some((f) => f.name === s.field)) err(`'update' statement not allowed for field with sharding strategy '${strategyOf(sm, s.field)}'`, s.sp);
      if (s.k !== 'special' || !sm.fields.some((f) => f.name === s.field)) continue;
      const st = strategyOf(sm, s.field);
      if (s.opaquePre && t.kind !== 'init') err('`pre` cannot be used opaquely: only its fields may be named', s.sp);
      for (const n of s.bound) if (isReserved(n)) err(`'${n}' is a reserved identifier in a tokenized state machine`, s.sp);
      if (nested) err(`'${s.op}' statements are not supported inside conditionals`, s.sp);
      if (['variable', 'constant', 'not_tokenized'].includes(st)) {
        err(`'${s.op}' statement not allowed for field with sharding strategy '${st}'`, s.sp);
        continue;
      }
      const storageOp = s.op === 'deposit' || s.op === 'withdraw' || s.op === 'guard';
      if (storageOp && !storage(st)) err(`'${s.op}' statement is only for storage types (the field has sharding strategy '${st}')`, s.sp);
      if (!storageOp && storage(st)) err(`use deposit/withdraw/guard statements for storage strategies (the field has sharding strategy '${st}')`, s.sp);
      const family = ELEMENT_STRATEGIES[s.elem];
      if (family && !family.strategies.includes(st)) err(`'${s.op}' statement expected ${family.what} element but the given field has sharding strategy '${st}'`, s.sp);
      if (s.op === 'guard' && t.kind !== 'readonly' && t.kind !== 'property') err("'guard' statement only allowed in 'readonly' transition or 'property' definition", s.sp);
      if (persistent(st) && (s.op === 'remove' || s.op === 'withdraw')) err("a persistent field's value can only grow, never remove or modify its data", s.sp);
      if (persistent(st) && s.operator === '+=') err(`for the persistent strategy \`${st}\`, use \`(union)=\` instead of \`+=\``, s.sp);
      if (!persistent(st) && s.operator === '(union)=') err('use `+=` instead of `(union)=` (the field is not persistent)', s.sp);
      if (s.binds && (s.op === 'add' || s.op === 'deposit' || s.op === 'guard')) err(`pattern-binding cannot be used in ${s.op === 'add' ? 'an' : 'a'} '${s.op}' statement`, s.sp);
      if (s.proof && (s.op === 'remove' || s.op === 'have' || (s.op === 'add' && (st === 'multiset' || st === 'storage_multiset')))) err(`adding a proof body is meaningless: a '${s.op}' statement on this field has no safety condition`, s.sp);
      const rank = order[s.op];
      const prev = last.get(s.field);
      if (rank !== undefined && prev !== undefined && order[prev]! > rank) err(`'${s.op}' after '${prev}' on field '${s.field}': the statements on a field must be in the order remove -> have -> add`, s.sp);
      if (rank !== undefined) last.set(s.field, s.op);
    }
  };
  visit(t.body, false);
  // `birds_eye` (and a `withdraw`'s binding) scope over the rest of their block: nothing there may
  // become a precondition of an exchange, and a guard must not depend on them
  const scoped = (stmts: readonly TransitionStmt[], scope: string | null, past: { v: boolean }) => {
    let sc = scope;
    for (const s of stmts) {
      if (s.k === 'let' && s.birdsEye && t.kind !== 'init') sc ??= 'birds_eye';
      else if (s.k === 'if' || s.k === 'match') {
        const branches = s.k === 'if' ? [s.then, s.els ?? []] : s.arms.map((a) => a.body);
        const pasts = branches.map(() => ({ v: past.v }));
        branches.forEach((b, j) => scoped(b, sc, pasts[j]!));
        past.v = pasts.some((p) => p.v);
      } else if (s.k === 'assert' || (s.k === 'let-match' && s.kind === 'assert')) {
        if (sc) past.v = true;
      } else if (s.k === 'require' || (s.k === 'let-match' && s.kind === 'require') || (s.k === 'special' && (s.op === 'remove' || s.op === 'have' || s.op === 'deposit'))) {
        const name = s.k === 'special' ? s.op : 'require';
        if (s.k === 'let-match' && s.birdsEye) sc ??= 'birds_eye';
        if (sc) err(`'${name}' statements should not be in the scope of a \`${sc}\` let-binding: preconditions of an exchange cannot depend on such bindings`, s.sp);
        else if (past.v) err(`'${name}' statements should not be preceeded by an assert which is in the scope of a \`birds_eye\` let-binding: preconditions of an exchange cannot depend on such bindings`, s.sp);
      } else if (s.k === 'special' && s.op === 'guard') {
        if (sc) err(`a guard value must be a deterministic function of the local inputs: a 'guard' cannot be in the scope of a \`${sc}\` let-binding`, s.sp);
      }
      if (s.k === 'special' && s.op === 'withdraw' && s.binds) sc ??= 'withdraw';
    }
  };
  scoped(t.body, null, { v: false });
  // `pre`: only its fields, and only those of strategies whose value is not sharded
  // (a `birds_eye let` may read any field: it sees the whole state)
  const visitPre = (node: unknown, birdsEye = false): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((x) => visitPre(x, birdsEye));
    const e = node as Expr;
    const isPre = (x: Expr) => x.k === 'path' && x.segs.length === 1 && x.segs[0] === 'pre';
    if (e.k === 'field' && isPre(e.recv)) {
      const f = sm.fields.find((x) => x.name === e.name);
      if (/^\d+$/.test(e.name)) err('expected a named field of `pre`', e.sp);
      else if (!f) err(`any field access must be a state field: \`${e.name}\` is not a field of the machine`, e.sp);
      else if (!birdsEye && !['variable', 'constant'].includes(strategyOf(sm, e.name))) err(`the field \`${e.name}\` of sharding strategy '${strategyOf(sm, e.name)}' cannot be directly referenced here`, e.sp);
      return;
    }
    if (e.k === 'path' && isPre(e)) return void err('`pre` cannot be used opaquely: only its fields may be named', e.sp);
    for (const key of Object.keys(e)) if (key !== 'sp') visitPre((e as unknown as Record<string, unknown>)[key], birdsEye);
  };
  if (t.kind !== 'init') {
    const birdsEyeInits = new Set<Expr>();
    visitStmts(t.body, (s) => {
      if (s.k === 'let' && s.birdsEye) birdsEyeInits.add(s.init);
    });
    visitPre([...birdsEyeInits], true);
    visitPre(stmtExprs(t.body).filter((e) => !birdsEyeInits.has(e)));
  }
}

/** A lemma whose body starts with `requires(..)` / `ensures(..)` (Verus's older clause syntax). */
function startsWithClauseCall(body: Block | null): boolean {
  const first = body?.stmts[0];
  return !!first && first.k === 'expr' && first.e.k === 'call' && first.e.callee.k === 'path' && ['requires', 'ensures'].includes(first.e.callee.segs.join('::'));
}
