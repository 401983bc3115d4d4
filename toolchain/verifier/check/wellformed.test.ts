import { afterAll, describe, expect, it } from 'vitest';
import { verifySources, shutdownSolvers } from '../index';

afterAll(() => shutdownSolvers());

async function statuses(src: string): Promise<Record<string, string>> {
  const report = await verifySources(new Map([['t.rs', `verus! {\n${src}\n}`]]), { root: '/nonexistent', useCache: false, jobs: 1, timeoutMs: 5000 });
  return Object.fromEntries(report.functions.map((f) => [f.name, `${f.status}${f.detail ? ': ' + f.detail : ''}`]));
}

describe('well-formedness before verification', () => {
  it('a recursive spec fn without decreases is an error, and so is every function relying on it', async () => {
    const s = await statuses(`spec fn f(x: int) -> int { f(x) + 1 }\nproof fn uses() ensures false { assert(f(0) == f(0) + 1); }\nspec fn g(x: nat) -> nat decreases x { if x == 0 { 0 } else { g((x - 1) as nat) } }`);
    expect(s.f).toMatch(/^error: recursive function must have a decreases clause/);
    expect(s.uses).toMatch(/^error: uses `f`, which has type or mode errors/);
    expect(s.g).toBe('verified');
  });
  it('a datatype with no non-recursive variant is an error', async () => {
    const s = await statuses(`struct Inf { next: Box<Inf> }\nenum Stream { Cons(u8, Box<Stream>) }\nenum List { Nil, Cons(u8, Box<List>) }\nspec fn len(l: List) -> nat decreases l { 0 }\nstruct Fun { f: spec_fn(int) -> Fun }\nenum FunTree { Leaf, Node(spec_fn(int) -> FunTree) }`);
    expect(s['<struct Inf>']).toMatch(/^error: datatype must have at least one non-recursive variant \(every value of `Inf`/);
    expect(s['<enum Stream>']).toMatch(/^error: datatype must have at least one non-recursive variant \(every value of `Stream`/);
    expect(s['<enum List>']).toBeUndefined();
    // (a spec_fn's values give results of its result type: one of them is needed to build any)
    expect(s['<struct Fun>']).toMatch(/^error: datatype must have at least one non-recursive variant/);
    expect(s['<enum FunTree>']).toBeUndefined();
  });
  it('a type error in a function makes its callers errors too, never verified', async () => {
    const s = await statuses(`fn bad(a: u64) -> (r: u8) ensures r == 1000 { a }\nfn caller() { let x = bad(1); assert(false); }`);
    expect(s.bad).toMatch(/^error: mismatched types: expected `u8`, found `u64`/);
    expect(s.caller).toMatch(/^error: uses `bad`/);
  });
  it('a user type that shadows a built-in one (Seq, Map, ...) makes the crate unsupported, never an internal error; a crate\'s own enum Option is its own', async () => {
    const s = await statuses(`struct Seq<V> { v: V }\nfn test() { let x = Seq { v: 3u8 }; assert(false); }`);
    expect(s.test).toMatch(/^unsupported: unsupported: the crate defines its own `Seq`/);
    const o = await statuses(`enum Option<V> { Some(V), None }\nfn test() { let x = Option::Some(3u8); assert(false); }`);
    expect(o.test).toBe('failed');
  });
});
