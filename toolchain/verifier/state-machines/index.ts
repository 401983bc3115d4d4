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
// value after the transition is fixed (`post.f == v`) at the end of the block of its last update on
// each path, after that block's asserts (`v` accumulates `update f[k] = e` as `insert` / `update`);
// a field not updated keeps its value;
// `assert e` is a conjunct in the strong relation, and in the weak one the condition of what follows
// (`e ==> rest`). `if` / `match` carry what follows them into each branch.
//
// `tokenized_state_machine!` is checked the same way (its well-formedness errors are Verus's) and
// expanded the same way: its special statements (`remove`, `have`, `add`, `deposit`, `withdraw`,
// `guard`) become conditions on a field's value and its updates by the field's sharding strategy
// (strategies.ts), an `add` / `deposit` / `withdraw` / `guard` condition being an `assert` (Verus's
// inherent safety condition, proved in the transition's `_asserts` lemma, by its `by { .. }` if it
// has one). The tokens and `Instance` Verus makes of it are not made: code that names them does not
// resolve. A special statement strategies.ts gives no meaning leaves the machine `unsupported`.
//
// Invariant: after this phase no `state-machine` item is left; a machine with an error leaves one
// `error` item per error (the diagnostics are the file's) and nothing else.

import type { Item, SourceFile, StateMachineItem } from '../ast';
import { checkStateMachine } from './checks';
import { expandStateMachine } from './expand';
import { strategyOf } from './relations';
import { specialMeaning } from './strategies';
import { path, patBinders, visitStmts } from './syntax';

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
      const gap = ++machines > 1
        ? 'a second `state_machine!` in one crate (the machines\' `State` / `Step` types would share names)'
        : shadowingBinders(it) ?? specialGap(it);
      if (gap) {
        items.push({ k: 'unsupported', what: gap, sp: it.sp, module: it.module });
        continue;
      }
      items.push(...expandStateMachine(it));
    }
    return { ...f, items, diagnostics };
  });
}

/** A special statement of a tokenized machine that strategies.ts gives no meaning. */
function specialGap(sm: StateMachineItem): string | null {
  for (const t of sm.transitions) {
    let gap: string | null = null;
    visitStmts(t.body, (s) => {
      if (s.k !== 'special') return;
      const meaning = specialMeaning(strategyOf(sm, s.field), sm.fields.find((f) => f.name === s.field)!.ty, s, path(['pre'], s.sp));
      if (meaning.k === 'unsupported') gap ??= `${meaning.what} in transition \`${t.name}\``;
    });
    if (gap) return gap;
  }
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
