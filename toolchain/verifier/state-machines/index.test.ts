// The state-machine phase without the solver: Verus's well-formedness errors, with its messages,
// and what a well-formed machine expands into. (Verification of the expansion: verifier.test.ts.)
import { describe, expect, it } from 'vitest';
import { parseFile } from '../parser';
import { lowerStateMachines } from './index';

const lower = (body: string, macro = 'state_machine') => lowerStateMachines([parseFile('sm.rs', `verus! {\n${macro}!{ X {\n${body}\n}}\n}\n`)])[0]!;
const errorsOf = (body: string, macro?: string) => lower(body, macro).items.flatMap((it) => (it.k === 'error' ? [it.what] : []));

describe('state machine checks', () => {
  const cases: [string, string][] = [
    ['fields { pub t: int } transition!{ tr() { update whats_this = 5; } }', "field 'whats_this' not found"],
    ['fields { pub t: int } transition!{ tr() { update t = 5; update t = 6; } }', "field 't' might be updated multiple times"],
    ['fields { pub t: int } transition!{ tr() { update t = 5; if true { update t = 6; } } }', 'might be updated multiple times'],
    ['fields { pub t: int } init!{ i() { init t = 5; init t = 6; } }', "field 't' might be initialized multiple times"],
    ['fields { pub t: int } init!{ i() { if true { init t = 6; } else { } } }', 'the else-branch does not initialize'],
    ['fields { pub t: int } init!{ i() { if true { } else { init t = 6; } } }', 'the if-branch does not initialize'],
    ['fields { pub t: int } init!{ i(o: Option<int>) { match o { Some(x) => { init t = x; } None => { } } } }', 'all branches of a match-statement must initialize'],
    ['fields { pub t: int } init!{ i() { } }', "initialization procedure does not initialize field 't'"],
    ['fields { pub t: int } init!{ i() { init t = 1; update t = 5; } }', "'update' statement not allowed in initialization"],
    ['fields { pub t: int } init!{ i() { assert(true); init t = 6; } }', "'assert' statement not allowed in initialization"],
    ['fields { pub t: int } init!{ i() { init t = pre.t; } }', 'no previous state to refer to'],
    ['fields { pub t: int } transition!{ tr() { init t = 5; } }', "'init' statement not allowed outside 'init' routine"],
    ['fields { pub t: int } readonly!{ tr() { update t = 5; } }', "'update' statement not allowed in readonly transition"],
    ['fields { pub t: int } property!{ tr() { update t = 5; } }', "'update' statement not allowed in property definition"],
    ['fields { pub t: int } transition!{ tr() { update t = post.t; } }', 'cannot refer directly to `post`'],
    ['fields { pub t: int } transition!{ tr() { update t = self.t; } }', '`self` is meaningless'],
    ['fields { pub t: int } transition!{ tr(x: int) { let x = 5; } }', 'bound variables with the same name'],
    ['fields { pub t: int } transition!{ tr() { if true { let x = 5; } else { let x = 6; } } }', 'bound variables with the same name'],
    ['fields { pub t: int } transition!{ tr() { birds_eye let x = 5; update t = 5; } }', '`birds_eye` only makes sense for tokenized state machines'],
    ['fields { #[sharding(variable)] pub t: int }', 'sharding strategy only makes sense for tokenized state machines'],
    ['fields { pub t: int } transition!{ tr(o: Option<int>) { if let Some(x) = o { update t = x; } } }', 'do not support if-let conditionals'],
    ['fields { pub t: int } transition!{ a() { } } transition!{ a() { } }', 'duplicate item name'],
    ['fields { pub t: int } pub struct Weird { }', 'only supports the declaration of a `Label` and `InitLabel` types'],
    ['fields { pub t: int } pub struct Label { } transition!{ tr(x: int) { } }', "the first param to a 'transition' must be 'Label'"],
    ['fields { pub t: int } pub struct InitLabel { } init!{ i() { init t = 0; } }', "the first param to an 'init' definition must be 'InitLabel'"],
    ['fields { pub t: int } transition!{ tr(b: super::Bar) { } }', '`super::` path not allowed here'],
    ['fields { pub t: int } transition!{ tr() { } } #[invariant] pub fn inv(&self) -> bool { true }', 'missing inductiveness proofs for 1 transition(s)'],
    ['fields { pub t: int } transition!{ tr() { } } #[inductive(tr)] fn tr_inductive(pre: Self, post: Self, extra: int) { }', "params for 'inductive' lemma should be: `pre: Self, post: Self`"],
    ['fields { pub t: int } readonly!{ tr() { } } #[inductive(tr)] fn tr_inductive(pre: Self, post: Self) { }', "'inductive' lemma does not make sense for a 'readonly' transition"],
    ['fields { pub t: int } #[inductive(nope)] fn nope_inductive(pre: Self, post: Self) { }', 'could not find transition `nope`'],
    ['fields { pub t: int } #[invariant] pub fn inv(&self, x: int) -> bool { true }', 'an invariant function must take 1 argument (self)'],
    ['fields { pub t: int } #[invariant] pub proof fn inv(&self) -> bool { true }', 'an invariant function should be `spec`'],
    ['fields { pub t: int } fields { pub u: int }', 'Expected only one declaration of `fields` block'],
  ];
  it.each(cases)('%s', (body, message) => {
    expect(errorsOf(body).join('\n')).toContain(message);
  });
  const tokenizedCases: [string, string][] = [
    ['fields { #[sharding(variable)] pub instance: int }', "'instance' is a reserved identifier"],
    ['fields { #[sharding(variable)] pub t: int } transition!{ tr(param_token_a: int) { } }', "'param_token_a' is a reserved identifier"],
    ['fields { #[sharding(variable)] #[verifier::spec] pub t: int }', 'should not be explicitly labelled'],
    ['fields { #[sharding(option)] pub t: int }', "a field of sharding strategy 'option' must be of the form Option<_>"],
    ['fields { #[sharding(map)] pub t: Map<int> }', 'must be of the form Map<_, _>'],
    ['fields { #[sharding(count)] pub t: int }', 'must be nat'],
    ['fields { #[sharding(constant)] pub t: int } transition!{ tr() { update t = 5; } }', "'update' statement not allowed for field with sharding strategy 'constant'"],
    ['fields { #[sharding(variable)] pub t: int } transition!{ tr() { add t += Some(5); } }', "'add' statement not allowed for field with sharding strategy 'variable'"],
    ['fields { #[sharding(multiset)] pub t: Multiset<int> } transition!{ tr() { add t += Some(5); } }', "element but the given field has sharding strategy 'multiset'"],
    ['fields { #[sharding(option)] pub t: Option<int> } transition!{ tr() { deposit t += Some(5); } }', 'is only for storage types'],
    ['fields { #[sharding(storage_option)] pub t: Option<int> } transition!{ tr() { add t += Some(5); } }', 'use deposit/withdraw/guard statements for storage strategies'],
    ['fields { #[sharding(storage_option)] pub t: Option<int> } transition!{ tr() { guard t >= Some(5); } }', "'guard' statement only allowed in 'readonly' transition or 'property' definition"],
    ['fields { #[sharding(option)] pub t: Option<int> } transition!{ tr() { if true { add t += Some(5); } } }', 'statements are not supported inside conditionals'],
    ['fields { #[sharding(option)] pub t: Option<int> } transition!{ tr() { have t >= Some(5); remove t -= Some(5); } }', 'remove -> have -> add'],
    ['fields { #[sharding(option)] pub t: Option<int> } transition!{ tr() { remove t -= Some(5) by { }; } }', 'adding a proof body is meaningless'],
    ['fields { #[sharding(option)] pub t: Option<int> } transition!{ tr() { add t += Some(let x); } }', "pattern-binding cannot be used in an 'add' statement"],
    ['fields { #[sharding(persistent_option)] pub t: Option<int> } transition!{ tr() { remove t -= Some(5); } }', "a persistent field's value can only grow"],
    ['fields { #[sharding(persistent_bool)] pub t: bool } transition!{ tr() { add t += true; } }', 'use `(union)=` instead of `+=`'],
    ['fields { #[sharding(bool)] pub t: bool } transition!{ tr() { add t (union)= true; } }', 'use `+=` instead of `(union)=`'],
    ['fields { #[sharding(variable)] pub v: int } transition!{ tr() { update v = { let s = pre; s.v }; } }', '`pre` cannot be used opaquely'],
    ['fields { #[sharding(variable)] pub v: int } transition!{ tr() { update v = pre.nope; } }', 'any field access must be a state field'],
    ['fields { #[sharding(not_tokenized)] pub t: int, #[sharding(variable)] pub v: int } transition!{ tr() { update v = pre.t; } }', 'cannot be directly referenced here'],
    ['fields { #[sharding(storage_option)] pub so: Option<int> } property!{ tr() { birds_eye let x = 5; require(x == 5); } }', "'require' statements should not be in the scope of a `birds_eye` let-binding"],
    ['fields { #[sharding(storage_option)] pub so: Option<int> } property!{ tr() { birds_eye let x = 5; guard so >= Some(x); } }', 'a guard value must be a deterministic function'],
    ['fields { #[sharding(storage_option)] pub so: Option<int> } property!{ tr() { if true { birds_eye let x = 5; assert(x == 5); } require(true); } }', "'require' statements should not be preceeded by an assert which is in the scope of a `birds_eye` let-binding"],
    ['fields { #[sharding(option)] pub t: Option<int> } transition!{ tr(x: int) { remove t -= Some(let x); } }', 'bound variables with the same name'],
    ['fields { #[sharding(storage_imap)] pub v: IMap<int, int> } transition!{ tr() { withdraw v -= [5 => { let s = pre; s.v }]; } }', '`pre` cannot be used opaquely'],
    ['fields { #[sharding(variable)] pub opt: Option<int> } transition!{ tr1() { require birds_eye let x = 5; } }', "'require' statements should not be in the scope of a `birds_eye` let-binding"],
    ['fields { #[sharding(storage_option)] pub so: Option<int> } property!{ tr() { if true && let x = 5 { assert(x == 5); } } }', 'do not support if-let conditionals'],
    ['fields { #[sharding(storage_option)] pub so: Option<int> } transition!{ tr() { if 0 == 0 { withdraw so -= Some(let x); assert(x == 5); } require(true); } }', "'require' statements should not be preceeded by an assert"],
  ];
  it.each(tokenizedCases)('tokenized: %s', (body, message) => {
    expect(errorsOf(body, 'tokenized_state_machine').join('\n')).toContain(message);
  });
  it('what a tokenized machine may do is not an error: a birds_eye let reads any field; a storage guard in a property', () => {
    expect(errorsOf('fields { #[sharding(storage_option)] pub t: Option<int> } property!{ tr() { guard t >= Some(5) by { }; birds_eye let u = pre.t; assert(u is Some); } }', 'tokenized_state_machine')).toEqual([]);
    expect(errorsOf('fields { #[sharding(option)] pub t: Option<int> } transition!{ tr() { remove t -= Some(5); have t >= Some(5); add t += Some(6); } }', 'tokenized_state_machine')).toEqual([]);
  });
  it('lemmas: the contract is implicit, and a mode is not written; the machine takes type parameters only', () => {
    expect(errorsOf('fields { pub t: int } transition!{ tr() { } } #[inductive(tr)] fn tr_inductive(pre: Self, post: Self) { requires(true); }').join()).toContain('the precondition and postcondition are implicit');
    expect(errorsOf('fields { pub t: int } transition!{ tr() { } } #[inductive(tr)] #[verifier::proof] fn tr_inductive(pre: Self, post: Self) { }').join()).toContain('should not be explicitly labelled');
    expect(lowerStateMachines([parseFile('sm.rs', "verus! {\nstate_machine!{ X<'a> { fields { pub t: int } }}\n}\n")])[0]!.items.flatMap((it) => (it.k === 'error' ? [it.what] : []))).toEqual(['Only generic type parameters are supported in a state machine']);
  });
  it('`require let` / `assert let` expand: the relation matches the value against the pattern', () => {
    const f = lower('fields { pub o: Option<int> } transition!{ tr() { require let Option::Some(x) = pre.o; } }');
    const tr = f.items.find((it) => it.k === 'fn' && it.name === 'tr');
    expect(tr?.k === 'fn' && tr.body?.stmts[0]?.k === 'expr' && tr.body.stmts[0].e.k).toBe('match');
  });
  it('a tokenized machine: sharding strategies are checked; a well-formed one expands as a machine does (its tokens are not made), unless a special statement has no meaning here', () => {
    expect(errorsOf('fields { pub t: int }', 'tokenized_state_machine')).toEqual(['tokenized state machine requires a sharding strategy']);
    expect(errorsOf('fields { #[sharding(foo)] pub t: int }', 'tokenized_state_machine')).toEqual(["unrecognized sharding strategy: 'foo'"]);
    const ok = lower('fields { #[sharding(variable)] pub t: int } init!{ i() { init t = 0; } }', 'tokenized_state_machine');
    expect(ok.items.map((it) => `${it.k}:${'name' in it ? it.name : ''}`)).toEqual(['struct:State', 'fn:invariant', 'fn:i', 'enum:Step', 'fn:next_by', 'fn:next', 'enum:Config', 'fn:init_by', 'fn:init']);
    const multisetBind = lower('fields { #[sharding(multiset)] pub t: Multiset<int> } transition!{ tr() { remove t -= {let x}; } }', 'tokenized_state_machine');
    expect(multisetBind.items.map((it) => (it.k === 'unsupported' ? it.what : it.k))).toEqual(["a 'remove' statement of this form on a field of sharding strategy 'multiset' in transition `tr`"]);
  });
  it('a well-formed machine expands into the state, its relations, Step / Config and their functions, in the module of the machine', () => {
    const f = lower('fields { pub t: int } init!{ i() { init t = 0; } } transition!{ tr(n: int) { assert n > 0; update t = n; } } #[invariant] pub fn inv(&self) -> bool { self.t >= 0 } #[inductive(i)] fn i_inductive(post: Self) { } #[inductive(tr)] fn tr_inductive(pre: Self, post: Self, n: int) { }');
    expect(f.items.map((it) => `${it.k}:${'name' in it ? it.name : ''}`)).toEqual([
      'struct:State', 'fn:inv', 'fn:i_inductive', 'fn:tr_inductive', 'fn:invariant', 'fn:i', 'fn:tr', 'fn:tr_strong', 'fn:tr_enabled', 'fn:tr_asserts', 'fn:tr', 'enum:Step', 'fn:next_by', 'fn:next', 'enum:Config', 'fn:init_by', 'fn:init',
    ]);
    // (Verus's `X::take_step::tr` is in a module of its own)
    expect(f.items.map((it) => it.module.join('::'))).toEqual(f.items.map((it, i) => (i === 10 ? 'X::take_step' : 'X')));
    const lemma = f.items.find((it) => it.k === 'fn' && it.name === 'tr_inductive');
    expect(lemma?.k === 'fn' && [lemma.mode, lemma.requires.length, lemma.ensures.length]).toEqual(['proof', 2, 1]);
  });
});
