// The front end generates a function's verification conditions only when the function is about
// to be solved (finishUnit), with those of every function it reaches. Invariants checked here:
// the order in which functions are finished changes no query, error or verdict-relevant fact,
// and finishing one function alone finds what spans functions (recursion through others, a
// callee two calls away with type errors, a closed spec fn seen through another spec fn, whose
// body is hidden outside its module).
import { describe, expect, it } from 'vitest';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFrontEnd, type FrontEnd, type Unit } from './front-end';
import { printQuery } from './vcgen';
import { print } from './smt';
import { crateFileModules } from './resolver';
import { corpusFiles } from './tests/corpus-lib';
import { readRustSources } from '../workspace/rust-sources';

/** What a finished unit hands to the solver and the report, as text. */
function unitText(u: Unit): string {
  const parts = u.vc.obligations.map((ob) => `${ob.kind} ${ob.sp.start} ${ob.message}\n${ob.query ? printQuery(ob.query) : ''}`);
  if (u.vc.defCheck) parts.push(printQuery(u.vc.defCheck));
  if (u.vc.error) parts.push(`error ${u.vc.error.message}`);
  if (u.vc.unsupported) parts.push(`unsupported ${u.vc.unsupported.message}`);
  return parts.join('\n');
}

async function finishedInOrder(files: Map<string, string>, order: (units: Unit[]) => Unit[]): Promise<Map<string, string>> {
  const fe = await runFrontEnd(files, {});
  const out = new Map<string, string>();
  for (const u of order(fe.units)) {
    fe.finishUnit(u);
    out.set(`${u.file.path}::${u.vc.info.key}`, unitText(u));
  }
  return out;
}

async function expectOrderFree(files: Map<string, string>): Promise<void> {
  const forward = await finishedInOrder(files, (us) => us);
  const backward = await finishedInOrder(files, (us) => [...us].reverse());
  // every other one first, then the rest: neither order of the two above
  const interleaved = await finishedInOrder(files, (us) => [...us.filter((_, i) => i % 2), ...us.filter((_, i) => !(i % 2))]);
  expect(forward.size).toBeGreaterThan(10);
  for (const [name, text] of forward) {
    expect(backward.get(name), name).toBe(text);
    expect(interleaved.get(name), name).toBe(text);
  }
}

const unit = (fe: FrontEnd, name: string): Unit => fe.units.find((u) => u.vc.info.qname === name)!;

describe('the front end, generating per function', () => {
  it('gives every function the same queries whatever order functions are finished in: the corpus', async () => {
    await expectOrderFree(corpusFiles());
  }, 120_000);

  it('gives every function the same queries whatever order functions are finished in: Nimbus', async () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../kernel-workspace');
    await expectOrderFree(await readRustSources(root));
  }, 120_000);

  it('finds recursion through functions not finished yet: their calls get decreases checks', async () => {
    const src = `verus! {
fn ping(n: u64) decreases n { if n > 0 { pong(n - 1); } }
fn pong(n: u64) decreases n { if n > 0 { pang(n); } }
fn pang(n: u64) decreases n { ping(n); }
fn leaf(n: u64) { }
fn caller(n: u64) { leaf(n); ping(n); }
}
`;
    const fe = await runFrontEnd(new Map([['r.rs', src]]), {});
    const pang = unit(fe, 'pang');
    fe.finishUnit(pang);
    // pang -> ping is inside the cycle ping -> pong -> pang: a termination check
    expect(pang.vc.obligations.filter((ob) => ob.kind === 'decreases')).toHaveLength(1);
    const caller = unit(fe, 'caller');
    fe.finishUnit(caller);
    // caller reaches the cycle but is not in it
    expect(caller.vc.obligations.filter((ob) => ob.kind === 'decreases')).toHaveLength(0);
  });

  it('finds a callee with type errors two calls away, and hides a closed spec fn behind an open one outside its module', async () => {
    const src = `verus! {
fn bad(x: u64) -> u64 { x + true }
fn middle(x: u64) -> u64 { bad(x) }
fn top(x: u64) -> u64 { middle(x) }
mod inner {
    pub closed spec fn hidden(x: int) -> int { x + 1 }
    pub open spec fn shown(x: int) -> int { hidden(x) }
}
proof fn outside(x: int) ensures inner::shown(x) == x + 1 {}
}
`;
    const fe = await runFrontEnd(new Map([['b.rs', src]]), {});
    const top = unit(fe, 'top');
    fe.finishUnit(top);
    expect(top.vc.error?.message).toBe('uses `middle`, which has type or mode errors');
    // module privacy: outside \`inner\`, \`hidden\` is declared but its body is not stated
    const outside = unit(fe, 'outside');
    fe.finishUnit(outside);
    expect(outside.vc.unsupported).toBeUndefined();
    const prelude = outside.vc.obligations[0]!.query!.prelude.map((c) => (typeof c === 'string' ? c : print(c))).join('\n');
    expect(prelude).toContain('(declare-fun |hidden|');
    expect(prelude).toContain('(= (|shown| |x@|) (|hidden| |x@|))');
    expect(prelude).not.toMatch(/:pattern \(\(\|hidden\|/);
  });

  it('takes a crate file\'s module from its path below lib.rs: a closed body is hidden in other files', async () => {
    expect(crateFileModules(['lib.rs', 'a.rs', 'b/mod.rs', 'b/c.rs'], () => false)).toEqual(new Map([['lib.rs', []], ['a.rs', ['a']], ['b/mod.rs', ['b']], ['b/c.rs', ['b', 'c']]]));
    expect(crateFileModules(['x/src/main.rs', 'x/src/k/m.rs', 'y.rs'], () => false)).toEqual(new Map([['x/src/main.rs', []], ['x/src/k/m.rs', ['k', 'm']], ['y.rs', []]]));
    // loose files (no crate root) and library files share the root module, as before modules
    expect(crateFileModules(['p.rs', 'q.rs'], () => false)).toEqual(new Map([['p.rs', []], ['q.rs', []]]));
    const files = new Map([
      ['lib.rs', 'use vstd::prelude::*;\nverus! {\npub closed spec fn root_hidden(x: int) -> bool { x > 0 }\nproof fn in_root() { assert(a::a_hidden(1)); }\n}\n'],
      ['a.rs', 'use vstd::prelude::*;\nverus! {\npub closed spec fn a_hidden(x: int) -> bool { x > 1 }\nproof fn in_a() { assert(crate::root_hidden(1)); }\n}\n'],
    ]);
    const fe = await runFrontEnd(files, {});
    const preludeOf = (name: string): string => {
      const u = unit(fe, name);
      fe.finishUnit(u);
      return u.vc.obligations[0]!.query!.prelude.map((c) => (typeof c === 'string' ? c : print(c))).join('\n');
    };
    // the root module does not see inside `a`; `a`, inside the root, sees the root's body
    const root = preludeOf('in_root');
    expect(root).toContain('(declare-fun |a_hidden|');
    expect(root).not.toMatch(/:pattern \(\(\|a_hidden\|/);
    expect(preludeOf('in_a')).toMatch(/:pattern \(\(\|root_hidden\|/);
  });
});
