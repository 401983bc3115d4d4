// The state-machine phase, first after parsing: Verus's `state_machine!` macro, checked and
// expanded into ordinary items, as the macro expands into Rust items in Verus.
//
//   state_machine!{ X {
//       fields { pub a: int, pub m: Map<int, int> }
//       init!{ initialize(a: int) { init a = a; init m = Map::empty(); } }
//       transition!{ tr(k: int) { require pre.a > 0; assert pre.a != 0; update m[k] = pre.a; } }
//       #[invariant] pub fn inv(&self) -> bool { .. }
//       #[inductive(tr)] fn tr_inductive(pre: Self, post: Self, k: int) { .. }
//   }}
//
// becomes, in a module `X`: a ghost struct `State` of the fields; per transition the spec fns
// `State::tr(pre, post, k)` (its relation), `State::tr_strong(..)` and `State::tr_enabled(pre, k)`;
// per `init!` the spec fn
// `State::initialize(post, a)`; `State::invariant(&self)`, the conjunction of the `#[invariant]`
// fns; the enums `Step` / `Config` and `State::next_by` / `next` / `init_by` / `init`; each
// `#[inductive]` lemma with its contract (the relation and the invariant before, the invariant
// after); and per transition that `assert`s something, a lemma that the invariant (and the
// `require`s before it) imply the assertion: Verus's safety condition.
//
// The relation reads a transition as a sequence of conditions: `require e` is a conjunct; a field's
// value after the transition is fixed (`post.f == v`) right after its last update on each path
// (`v` accumulates `update f[k] = e` as `insert` / `update`); a field not updated keeps its value;
// `assert e` is a conjunct in the strong relation, and in the weak one the condition of what follows
// (`e ==> rest`). `if` / `match` carry what follows them into each branch.
//
// `tokenized_state_machine!` is checked the same way (its well-formedness errors are Verus's), but
// its sharding strategies and tokens are not modelled: a well-formed one is `unsupported`.
//
// Invariant: after this phase no `state-machine` item is left; a machine with an error leaves one
// `error` item per error (the diagnostics are the file's) and nothing else.

import type { Block, Expr, FnItem, GenericParam, Item, Param, Pat, SourceFile, Sp, StateMachineItem, Stmt, TransitionDecl, TransitionStmt, TypeExpr } from './ast';

interface SmError {
  message: string;
  sp: Sp;
}

/** A transition's statements after the updates are read: what the relation is built from. */
type SimpleStmt =
  | { k: 'require' | 'assert'; e: Expr; sp: Sp }
  | { k: 'post'; field: string; value: Expr; sp: Sp }
  | { k: 'let'; pat: Pat; ty: TypeExpr | null; init: Expr; sp: Sp }
  | { k: 'if'; cond: Expr; then: SimpleStmt[]; els: SimpleStmt[]; sp: Sp }
  | { k: 'match'; scrut: Expr; arms: { pat: Pat; guard: Expr | null; body: SimpleStmt[]; sp: Sp }[]; sp: Sp };

/** `post.f` placed in a transition (before its value is known). */
type Placed = TransitionStmt | { k: 'post'; field: string; sp: Sp };

const STRATEGIES = new Set(['variable', 'constant', 'not_tokenized', 'multiset', 'option', 'map', 'set', 'count', 'bool', 'persistent_map', 'persistent_option', 'persistent_set', 'persistent_count', 'persistent_bool', 'storage_option', 'storage_map', 'storage_multiset', 'imap', 'iset', 'persistent_imap', 'persistent_iset', 'storage_imap']);

export function lowerStateMachines(files: SourceFile[]): SourceFile[] {
  let machines = 0;
  return files.map((f) => {
    if (!f.items.some((it) => it.k === 'state-machine')) return f;
    const diagnostics = [...f.diagnostics];
    const items: Item[] = [];
    for (const it of f.items) {
      if (it.k !== 'state-machine') {
        items.push(it);
        continue;
      }
      const errors = checkStateMachine(it);
      if (errors.length) {
        for (const e of errors) {
          const diagnostic = { message: e.message, sp: e.sp };
          diagnostics.push(diagnostic);
          items.push({ k: 'error', what: e.message, diagnostic, sp: e.sp, module: it.module });
        }
        continue;
      }
      const gap = it.tokenized
        ? '`tokenized_state_machine!` (its sharding strategies and tokens are not modelled; only its well-formedness is checked)'
        : ++machines > 1
          ? 'a second `state_machine!` in one crate (the machines\' `State` / `Step` types would share names)'
          : someLetMatch(it) ?? shadowingBinders(it);
      if (gap) {
        items.push({ k: 'unsupported', what: gap, sp: it.sp, module: it.module });
        continue;
      }
      items.push(...expandStateMachine(it));
    }
    return { ...f, items, diagnostics };
  });
}

// ---------------------------------------------------------------------------------------------
// Checks: Verus's well-formedness rules for a machine, with its messages.

function checkStateMachine(sm: StateMachineItem): SmError[] {
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

const strategyOf = (sm: StateMachineItem, field: string): string => sm.fields.find((f) => f.name === field)?.sharding[0]?.strategy ?? 'variable';

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

/** `require let` / `assert let` in a transition: read and checked, not given a meaning. */
function someLetMatch(sm: StateMachineItem): string | null {
  for (const t of sm.transitions) if (someStmt(t.body, (s) => s.k === 'let-match')) return `\`require let\` / \`assert let\` in transition \`${t.name}\``;
  return null;
}

/** A match arm's binding that shadows another name of the transition: the relation carries what follows a match into its arms, where it would be captured. */
function shadowingBinders(sm: StateMachineItem): string | null {
  for (const t of sm.transitions) {
    const names = new Set(t.params.map((p) => p.name));
    visitStmts(t.body, (s) => {
      if (s.k === 'let') for (const n of patBinders(s.pat)) names.add(n);
    });
    let clash: string | null = null;
    visitStmts(t.body, (s) => {
      if (s.k !== 'match') return;
      for (const a of s.arms)
        for (const n of patBinders(a.pat)) {
          if (names.has(n)) clash ??= n;
          names.add(n);
        }
    });
    if (clash) return `a \`match\` arm in transition \`${t.name}\` binds \`${clash}\`, a name bound elsewhere in it`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Expansion.

function expandStateMachine(sm: StateMachineItem): Item[] {
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
    if (t.kind === 'property') {
      out.push(safetyLemma(t, t.name, params, method, param, selfTy));
      continue;
    }
    const simple = simplify(sm, t);
    const states = t.kind === 'init' ? [param('post', selfTy, t.nameSp)] : [param('pre', selfTy, t.nameSp), param('post', selfTy, t.nameSp)];
    out.push(method(t.name, 'spec', [...states, ...params], boolTy, relation(simple, false, t.nameSp), t.nameSp));
    if (t.kind !== 'init') out.push(method(`${t.name}_strong`, 'spec', [...states, ...params], boolTy, relation(simple, true, t.nameSp), t.nameSp));
    // Verus's enabling condition: the weak relation without what it says of `post`
    if (t.kind !== 'init') out.push(method(`${t.name}_enabled`, 'spec', [param('pre', selfTy, t.nameSp), ...params], boolTy, relation(withoutPosts(simple), false, t.nameSp), t.nameSp));
    if (t.kind !== 'init' && someStmt(t.body, (s) => s.k === 'assert')) out.push(safetyLemma(t, `${t.name}_asserts`, params, method, param, selfTy));
    // `X::take_step::tr(pre, params) -> post`: the state a transition makes, where it is enabled
    if (t.kind === 'transition') out.push(takeStep(sm, t, simple, params, param, selfTy, [...module, 'take_step']));
  }
  // Step / Config, next_by / next / init_by / init
  const steps = sm.transitions.filter((t) => t.kind === 'transition' || t.kind === 'readonly');
  const inits = sm.transitions.filter((t) => t.kind === 'init');
  for (const [enumName, ts, isInit] of [['Step', steps, false], ['Config', inits, true]] as const) {
    out.push({
      k: 'enum',
      dataMode: 'ghost',
      name: enumName,
      variants: [...ts.map((t) => ({ name: t.name, fields: t.params.map((p, i) => ({ name: String(i), ty: p.ty })), tupleLike: true, sp: t.nameSp })), { name: 'dummy_to_use_type_params', fields: [{ name: '0', ty: selfTy }], tupleLike: true, sp }],
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

/** Verus's safety condition of a transition's asserts: from the invariant (and what it requires), each assert holds. */
function safetyLemma(t: TransitionDecl, name: string, params: Param[], method: (name: string, mode: FnItem['mode'], params: Param[], ret: TypeExpr | null, body: Expr | null, at: Sp, extra?: Partial<FnItem>) => FnItem, param: (name: string, ty: TypeExpr, at: Sp) => Param, selfTy: TypeExpr): FnItem {
  const body: Block = { stmts: safetyStmts(t.body), sp: t.sp };
  const fn = method(name, 'proof', [param('pre', selfTy, t.nameSp), ...params], null, null, t.nameSp, { requires: [invCall('pre', t.nameSp)] });
  return { ...fn, body };
}

function safetyStmts(stmts: TransitionStmt[]): Stmt[] {
  const out: Stmt[] = [];
  for (const s of stmts) {
    if (s.k === 'require') out.push({ k: 'assume', e: s.e, sp: s.sp });
    else if (s.k === 'assert') out.push({ k: 'assert', e: s.e, by: s.proof ? 'block' : 'none', req: [], proof: s.proof, sp: s.sp });
    else if (s.k === 'let') out.push({ k: 'let', pat: s.pat, ghost: false, ty: s.ty, init: s.init, sp: s.sp });
    else if (s.k === 'if') {
      const then = { stmts: safetyStmts(s.then), sp: s.thenSp };
      const els: Expr | null = s.els ? { k: 'block', block: { stmts: safetyStmts(s.els), sp: s.elsSp ?? s.sp }, sp: s.elsSp ?? s.sp } : null;
      out.push({ k: 'expr', e: { k: 'if', cond: s.cond, then, els, sp: s.sp }, semi: false, sp: s.sp });
    } else if (s.k === 'match') {
      const arms = s.arms.map((a) => ({ pat: a.pat, guard: a.guard, body: { k: 'block' as const, block: { stmts: safetyStmts(a.body), sp: a.sp }, sp: a.sp }, sp: a.sp }));
      out.push({ k: 'expr', e: { k: 'match', scrut: s.scrut, arms, sp: s.sp }, semi: false, sp: s.sp });
    }
  }
  return out;
}

/** A function of the machine as a method of `State` in the machine's module, generic over the machine's parameters. */
function asMethod(fn: FnItem, sm: StateMachineItem, selfTy: TypeExpr): FnItem {
  if (!sm.generics.length) return { ...fn, selfType: 'State' };
  const g: GenericParam[] = sm.generics;
  return { ...fn, selfType: 'State', generics: [...g.map((x) => x.name), ...fn.generics], implGenerics: g.length, genericParams: [...g, ...(fn.genericParams ?? [])], selfArgs: selfTy.k === 'path' ? selfTy.args : [] };
}

// ---------------------------------------------------------------------------------------------
// From statements to a relation.

/** Where each field's final value is fixed: after its last update on each path (Verus's placement), else at the end. */
function placePosts(sm: StateMachineItem, t: TransitionDecl): Placed[] {
  const place = (stmts: readonly Placed[], found: string[]): Placed[] => {
    const out: Placed[] = [];
    for (let i = stmts.length - 1; i >= 0; i--) {
      const s = stmts[i]!;
      if ((s.k === 'update' || s.k === 'init') && !found.includes(s.field)) {
        found.push(s.field);
        out.unshift(s, { k: 'post', field: s.field, sp: s.sp });
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
        if (s.k === 'if') out.unshift({ ...s, then: placed[0] as TransitionStmt[], els: placed[1] as TransitionStmt[] });
        else out.unshift({ ...s, arms: s.arms.map((a, j) => ({ ...a, body: placed[j] as TransitionStmt[] })) });
        continue;
      }
      out.unshift(s);
    }
    return out;
  };
  const found: string[] = [];
  const placed = place(t.body, found);
  for (const f of sm.fields) if (!found.includes(f.name)) placed.push({ k: 'post', field: f.name, sp: t.nameSp });
  return placed;
}

/** The transition with its updates read: each `post` gets the field's value there. */
function simplify(sm: StateMachineItem, t: TransitionDecl): SimpleStmt[] {
  const fieldTy = new Map(sm.fields.map((f) => [f.name, f.ty]));
  type Values = Map<string, Expr>;
  const run = (stmts: readonly Placed[], values: Values): { out: SimpleStmt[]; values: Values } => {
    const out: SimpleStmt[] = [];
    let vals = new Map(values);
    const lets: Extract<TransitionStmt, { k: 'let' }>[] = [];
    for (const s of stmts) {
      if (s.k === 'require' || s.k === 'assert') out.push({ k: s.k, e: s.e, sp: s.sp });
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
function withoutPosts(stmts: SimpleStmt[]): SimpleStmt[] {
  return stmts.flatMap((s): SimpleStmt[] => {
    if (s.k === 'post') return [];
    if (s.k === 'if') return [{ ...s, then: withoutPosts(s.then), els: withoutPosts(s.els) }];
    if (s.k === 'match') return [{ ...s, arms: s.arms.map((a) => ({ ...a, body: withoutPosts(a.body) })) }];
    return [s];
  });
}

/** `update f[k] = e`: a map's `insert`, a sequence's `update`. */
function indexUpdate(cur: Expr, index: Expr, e: Expr, ty: TypeExpr, sp: Sp): Expr {
  const name = ty.k === 'path' ? ty.segs[ty.segs.length - 1] : '';
  return mcall(cur, name === 'Seq' ? 'update' : 'insert', [index, e], sp);
}

/** The relation: conjuncts in order; what follows an `if` / `match` goes into each branch; `assert` per `strong`. */
function relation(stmts: SimpleStmt[], strong: boolean, sp: Sp): Expr {
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

// ---------------------------------------------------------------------------------------------
// Small builders and walks.

const path = (segs: string[], sp: Sp): Expr => ({ k: 'path', segs, generics: [], sp });
const bool = (value: boolean, sp: Sp): Expr => ({ k: 'bool', value, sp });
const bin = (op: '&&' | '==>' | '==', l: Expr, r: Expr, sp: Sp): Expr => ({ k: 'binary', op, l, r, sp });
const and = (l: Expr, r: Expr | null, sp: Sp): Expr => (r ? bin('&&', l, r, sp) : l);
const fieldOf = (state: string, field: string, sp: Sp): Expr => ({ k: 'field', recv: path([state], sp), name: field, sp });
const mcall = (recv: Expr, name: string, args: Expr[], sp: Sp): Expr => ({ k: 'method', recv, name, generics: [], args, sp, nameSp: sp });
const relCall = (name: string, args: string[], sp: Sp): Expr => relCallOn('Self', name, args, sp);
const relCallOn = (owner: string, name: string, args: string[], sp: Sp): Expr => ({ k: 'call', callee: path([owner, name], sp), args: args.map((a) => path([a], sp)), sp });
const invCall = (state: string, sp: Sp): Expr => mcall(path([state], sp), 'invariant', [], sp);
const tyPath = (name: string, sp: Sp): TypeExpr => ({ k: 'path', name, segs: [name], args: [], sp });
const exprBlock = (e: Expr): Block => ({ stmts: [{ k: 'expr', e, semi: false, sp: e.sp }], sp: e.sp });

function visitStmts(stmts: readonly TransitionStmt[], f: (s: TransitionStmt) => void): void {
  for (const s of stmts) {
    f(s);
    if (s.k === 'if') {
      visitStmts(s.then, f);
      visitStmts(s.els ?? [], f);
    } else if (s.k === 'match') for (const a of s.arms) visitStmts(a.body, f);
  }
}

function someStmt(stmts: readonly TransitionStmt[], f: (s: TransitionStmt) => boolean): boolean {
  let found = false;
  visitStmts(stmts, (s) => (found ||= f(s)));
  return found;
}

/** The expressions a transition's statements hold (not the proofs of its asserts). */
function stmtExprs(stmts: readonly TransitionStmt[]): Expr[] {
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
function walkPaths(node: unknown, f: (p: Extract<Expr, { k: 'path' }>) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((x) => walkPaths(x, f));
  const o = node as Record<string, unknown>;
  if (o.k === 'path' && Array.isArray(o.segs)) f(o as Extract<Expr, { k: 'path' }>);
  for (const key of Object.keys(o)) if (key !== 'sp') walkPaths(o[key], f);
}

function patBinders(p: Pat): string[] {
  switch (p.k) {
    case 'bind':
      return [p.name];
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
function typeText(t: TypeExpr): string {
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

function mentionsSuper(t: TypeExpr): boolean {
  if (t.k === 'path') return t.segs[0] === 'super' || t.args.some(mentionsSuper);
  if (t.k === 'ref' || t.k === 'ptr') return mentionsSuper(t.inner);
  if (t.k === 'tuple') return t.elems.some(mentionsSuper);
  if (t.k === 'array' || t.k === 'slice') return mentionsSuper(t.elem);
  return false;
}
