// The proof state recorded during VC generation: what is known at each statement, from the
// generator's own states (no solver needed).
import { describe, expect, it } from 'vitest';
import { runFrontEnd } from './front-end';
import { proofStateReport } from './proof-state-report';
import type { ProofStateInfo } from '../../app/verification';

const SRC = `use vstd::prelude::*;
verus! {
fn inc(x: u64) -> (r: u64)
    requires x < 100,
    ensures r == x + 1,
{
    x + 1
}

fn sum_to(n: u64) -> (s: u64)
    requires n < 50,
    ensures s >= n,
{
    let mut i: u64 = 0;
    let mut s: u64 = 0;
    assert(s == 0);
    while i < n
        invariant i <= n, s >= i, n < 50, s <= 2 * i,
        decreases n - i,
    {
        if i % 2 == 0 {
            s = inc(s);
            assert(s >= 1);
        } else {
            s = s + 1;
        }
        i = i + 1;
    }
    s
}
}
`;

async function stateOf(fnName: string): Promise<ProofStateInfo> {
  const fe = await runFrontEnd(new Map([['a.rs', SRC]]), {});
  const u = fe.units.find((x) => x.vc.info.qname === fnName)!;
  fe.finishUnit(u);
  return proofStateReport(u.gen.proofState.result(), fe.lineMaps, new Map([['a.rs', SRC]]))!;
}

/** The facts known at the statement on `line` (1-based), as "kind: text". */
function factsAt(s: ProofStateInfo, line: number): string[] {
  const p = s.points.find((x) => x.line === line)!;
  expect(p, `a point at line ${line}`).toBeDefined();
  return p.known.map((i) => `${s.facts[i]!.kind}: ${s.facts[i]!.text}`);
}
const pathAt = (s: ProofStateInfo, line: number) => s.points.find((x) => x.line === line)!.path.map((p) => `${p.negated ? '!' : ''}${p.text}`);

describe('proof state', () => {
  it('knows the requires from the first statement on', async () => {
    const s = await stateOf('sum_to');
    expect(factsAt(s, 14)).toEqual(['requires: n < 50']);
    expect(pathAt(s, 14)).toEqual([]);
  });

  it('in a loop body: the invariants, the loop condition, and assertions made before the loop', async () => {
    const s = await stateOf('sum_to');
    const inBody = factsAt(s, 21);
    expect(inBody).toEqual(expect.arrayContaining(['invariant: i <= n', 'invariant: s >= i', 'invariant: s <= 2 * i', 'assert: assert(s == 0);']));
    expect(pathAt(s, 21)).toEqual(['i < n']);
    // inside the then-branch: its condition, and the callee's ensures after the call
    expect(pathAt(s, 23)).toEqual(['i < n', 'i % 2 == 0']);
    expect(factsAt(s, 23)).toContain('callee-ensures: r == x + 1');
    expect(s.facts.find((f) => f.kind === 'callee-ensures')).toMatchObject({ callee: 'inc', callLine: 22 });
    // the then-block's closing brace: what its statements established
    expect(factsAt(s, 24)).toEqual(expect.arrayContaining(['callee-ensures: r == x + 1', 'assert: assert(s >= 1);']));
    expect(pathAt(s, 24)).toEqual(['i < n', 'i % 2 == 0']);
    // the else-branch: the negated condition, and nothing learnt in the then-branch
    expect(pathAt(s, 25)).toEqual(['i < n', '!i % 2 == 0']);
    expect(factsAt(s, 25)).not.toContain('callee-ensures: r == x + 1');
    expect(factsAt(s, 25)).not.toContain('assert: assert(s >= 1);');
  });

  it('after a join, facts of one branch are not listed; after the loop, its exit condition', async () => {
    const s = await stateOf('sum_to');
    expect(factsAt(s, 27)).not.toContain('callee-ensures: r == x + 1');
    expect(factsAt(s, 27)).not.toContain('assert: assert(s >= 1);');
    expect(pathAt(s, 27)).toEqual(['i < n']);
    expect(pathAt(s, 29)).toEqual(['!i < n']);
  });

  it('marks which locals changed since a fact was known', async () => {
    const s = await stateOf('sum_to');
    const at = (line: number) => s.points.find((x) => x.line === line)!;
    const assertIdx = s.facts.findIndex((f) => f.text === 'assert(s == 0);');
    const invIdx = s.facts.findIndex((f) => f.text === 's >= i');
    // in the body, `s` was havocked by the loop after the assertion: the assertion speaks of the old s
    expect(at(21).mutations.some((m) => m.name === 's' && assertIdx < m.after)).toBe(true);
    // after both branches assigned s, the invariant read at the loop head speaks of the old s
    expect(at(27).mutations.some((m) => m.name === 's' && invIdx < m.after)).toBe(true);
    // at the loop head the invariant is about the current values
    expect(at(21).mutations.some((m) => m.name === 's' && invIdx < m.after)).toBe(false);
  });

  it('a function without statements (the callee above: a tail expression) still has its requires', async () => {
    const s = await stateOf('inc');
    expect(factsAt(s, 7)).toEqual(['requires: x < 100']);
  });
});
