import { describe, expect, it } from 'vitest';
import { checkErrorsOf } from '../tests/check-errors';

const PRELUDE = `#[verifier::prophetic] uninterp spec fn proph() -> bool;
#[verifier::prophetic] uninterp spec fn proph_int() -> int;
proof fn tracked_lemma(b: bool, tracked t: ()) { }
proof fn lemma_add(a: int, b: int) -> (r: int) ensures r == a + b { a + b }
`;

/** Check errors of every function (by name), with prophetic fns and lemmas declared. */
const errorsOf = (body: string) => checkErrorsOf(body, PRELUDE);

describe('prophetic values (check/prophecy.ts)', () => {
  it('a non-prophetic spec fn may not compute with a prophecy; a prophetic one may', () => {
    const e = errorsOf(`spec fn a(b: bool) -> int { if b { proph_int() } else { 0 } }\n#[verifier::prophetic] spec fn b() -> int { proph_int() + 1 }\nspec fn c() -> int { b() }\nspec fn d(x: int) -> int { x + 1 }`);
    expect(e.a).toEqual(['prophetic value not allowed for body of non-prophetic spec function']);
    expect(e.b).toEqual([]);
    expect(e.c).toEqual(['prophetic value not allowed for body of non-prophetic spec function']);
    expect(e.d).toEqual([]);
  });
  it('Ghost(..) of a prophecy only as a spec value; tracked lemmas take no prophecy', () => {
    const e = errorsOf(`proof fn a() { let x = proph(); let y = Ghost(x); }\nproof fn b() { let x = proph(); let tracked y = Ghost(x); }\nfn c() { let ghost x = proph(); let y = Ghost(x); }\nfn d() { #[verifier::prophetic] let ghost x = false; let y = Ghost(x); }\nfn e() { let ghost x = proph(); proof { tracked_lemma(x, ()); } }\nproof fn f() { lemma_add(proph_int(), 1); }`);
    expect(e.a).toEqual([]);
    expect(e.b).toEqual(["prophetic value not allowed for 'Ghost' wrapper"]);
    expect(e.c).toEqual(["prophetic value not allowed for 'Ghost' wrapper"]);
    expect(e.d).toEqual(["prophetic value not allowed for 'Ghost' wrapper"]);
    expect(e.e).toEqual(['prophetic value not allowed for argument to proof-mode function with tracked parameters']);
    expect(e.f).toEqual([]);
  });
  it('assignments: prophetic locations only, and none to others under a prophetic condition', () => {
    const e = errorsOf(`proof fn a() { let mut x = proph(); x = proph(); }\nproof fn b() { let mut x = false; x = proph(); }\nproof fn c() { let mut x = false; if proph() { x = true; } }\nproof fn d() { let mut x = false; let y = proph() ==> ({ x = true; false }); }\nproof fn e(b: bool) { let mut x = false; match b { true => { x = true; } false if proph() => { } false => { } } }\nproof fn f(b: bool) { let mut x = false; match b { false if proph() => { } false => { x = true; } true => { } } }\nproof fn g() { let mut z = proph_int(); if proph() { let mut x = 0; x = proph_int(); z = x; } }\nproof fn h() { let mut x = false; if lemma_add(proph_int(), 0) == 0 { x = true; } }`);
    expect(e.a).toEqual([]);
    expect(e.b).toEqual(['prophetic value not allowed for assignment to non-prophetic location']);
    expect(e.c).toEqual(['assignment to non-prophetic location cannot occur in prophecy-conditional context']);
    expect(e.d).toEqual(['assignment to non-prophetic location cannot occur in prophecy-conditional context']);
    expect(e.e).toEqual([]);
    expect(e.f).toEqual(['assignment to non-prophetic location cannot occur in prophecy-conditional context']);
    expect(e.g).toEqual([]);
    expect(e.h).toEqual(['assignment to non-prophetic location cannot occur in prophecy-conditional context']);
  });
  it('no return, tracked call or loop under a prophetic condition; no prophetic result or measure', () => {
    const e = errorsOf(`proof fn a() { if proph() { return; } }\nproof fn b() { if proph() { tracked_lemma(true, ()); } }\nfn c() { proof { if proph() { tracked_lemma(true, ()); } } }\nproof fn d() -> int { proph_int() }\nproof fn e() -> int { return proph_int(); }\nproof fn f() decreases proph_int() { f(); }\n#[verifier::exec_allows_no_decreases_clause] fn g() { loop decreases proph_int() { } }\nproof fn h() { if proph() { } }`);
    expect(e.a).toEqual(['return cannot occur in prophecy-conditional context']);
    expect(e.b).toEqual(['call to proof-mode function with tracked parameters cannot occur in prophecy-conditional context']);
    expect(e.c).toEqual(['call to proof-mode function with tracked parameters cannot occur in prophecy-conditional context']);
    expect(e.d).toEqual(['prophetic value not allowed for return value']);
    expect(e.e).toEqual(['prophetic value not allowed for return value']);
    expect(e.f).toEqual(["prophetic value not allowed for 'decreases' clause"]);
    expect(e.g).toEqual(["prophetic value not allowed for 'decreases' clause"]);
    expect(e.h).toEqual([]);
  });
});
