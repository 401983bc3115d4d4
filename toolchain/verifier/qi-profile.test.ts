import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseQiProfile, runProfiled } from './qi-profile';
import { nativeZ3Available, shutdownSolvers, verifySources } from './index';

// z3 4.8.12's stderr for the slow query of the kernel's lemma_wf_spawned (steps.rs:390), with our qids
const FIXTURE = readFileSync(join(__dirname, 'tests', 'qi-profile', 'z3-4.8.12-lemma_wf_spawned.stderr'), 'utf8');

describe('reading z3 smt.qi.profile output', () => {
  it('sums the instances of a real profile per qid', () => {
    const counts = parseQiProfile(FIXTURE);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(59419);
    // three lines (the quantifier in three contexts / copies) for the same qid
    expect(counts.get('contains:Kernel::thread_ok+2:70')).toBe(75 + 4893 + 4903);
    expect(counts.get('forall:lemma_wf_spawned+30:5')).toBe(3580);
    expect(counts.get('spec:is_pool_page')).toBe(2026);
    // a quantifier reported with 0 instances (only checker / simplifier hits) counts 0
    expect(counts.get('forall:Kernel::wf_except_current+8:13')).toBe(0);
  });
  it('reads the older four-field format and ignores other lines', () => {
    const counts = parseQiProfile(
      [
        'WARNING: something',
        '[quantifier_instances]  k!12 :    474 :   2 : 3',
        '[quantifier_instances] a:b+1:2 :      5 :   0 :   0 :   1 : 2.5',
        '[quantifier_instances] broken : x : 1 : 2',
        '[quantifier_instances] short : 1',
        'unsat',
      ].join('\n'),
    );
    expect([...counts]).toEqual([
      ['k!12', 474],
      ['a:b+1:2', 5],
    ]);
  });
});

describe.skipIf(!nativeZ3Available())('profiled solving (skipped when z3 is not on PATH)', () => {
  afterAll(() => shutdownSolvers());

  it('one process per query: the verdict and the counts of that query', async () => {
    const query = [
      '(set-option :smt.mbqi false)',
      '(declare-fun f (Int) Int)',
      '(assert (forall ((x Int)) (! (> (f x) x) :pattern ((f x)) :qid |forall:t+0:1|)))',
      '(assert (or (< (f 1) 0) (< (f 2) 0) (< (f 3) 0)))',
      '(check-sat)',
      '',
    ].join('\n');
    const p = await runProfiled({ query, timeoutMs: 5000, wantModel: true });
    expect(p.r.result).toBe('unsat');
    expect(p.complete).toBe(true);
    // three ground terms f(1), f(2), f(3): each instance is needed, and there are no others
    expect([...p.instances]).toEqual([['forall:t+0:1', 3]]);
  });
  // a matching loop: z3 instantiates until it is stopped
  const LOOP = [
    '(set-option :smt.mbqi false)',
    '(declare-fun f (Int) Int)',
    '(declare-fun g (Int) Int)',
    '(assert (forall ((x Int)) (! (and (> (f (+ x 1)) (f x)) (> (g (f x)) (g (+ x 2)))) :pattern ((f x)) :qid |loop:f|)))',
    '(assert (forall ((x Int)) (! (> (f (g x)) (f (+ x 3))) :pattern ((g x)) :qid |loop:g|)))',
    '(assert (> (f 0) 0))',
    '(assert (< (f 7) (g 5)))',
    '(check-sat)',
    '',
  ].join('\n');
  it('a query past its timeout is a timeout, with the counts of what z3 did', async () => {
    const p = await runProfiled({ query: LOOP, timeoutMs: 300, wantModel: true });
    expect(p.r.result).toBe('timeout');
    expect(p.complete).toBe(true);
    expect(p.instances.get('loop:f')).toBeGreaterThan(0);
    expect(p.instances.get('loop:g')).toBeGreaterThan(0);
  });
  it('a canceled query (the loser of a race) is interrupted, canceled, and keeps its counts', async () => {
    const ctrl = new AbortController();
    const t0 = performance.now();
    setTimeout(() => ctrl.abort(), 300);
    const p = await runProfiled({ query: LOOP, timeoutMs: 30_000, wantModel: true, signal: ctrl.signal });
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(p.r.result).toBe('canceled');
    expect(p.complete).toBe(true);
    expect(p.instances.get('loop:f')).toBeGreaterThan(0);
  });
  it('a z3 that cannot run is an error without counts, never a verdict', async () => {
    const p = await runProfiled({ query: '(check-sat)\n', timeoutMs: 1000, wantModel: false }, 'z3-not-installed-here');
    expect(p.r.result).toBe('error');
    expect(p.complete).toBe(false);
    expect(p.instances.size).toBe(0);
  });

  it('end to end: a function whose quantifier is instantiated three times, and the same verdicts as without --profile', async () => {
    const src = `verus! {
spec fn f(i: int) -> bool;
proof fn three()
    requires forall|i: int| #[trigger] f(i),
{
    assert(f(1) && f(2) && f(3));
}
proof fn wrong()
    requires forall|i: int| #[trigger] f(i),
{
    assert(f(1) && !f(2));
}
}`;
    const files = new Map([['t.rs', src]]);
    const plain = await verifySources(files, { root: '/nonexistent', useCache: false, solver: 'native', jobs: 1 });
    const prof = await verifySources(files, { root: '/nonexistent', useCache: false, solver: 'native', jobs: 1, profile: true });
    expect(prof.functions.map((f) => [f.name, f.status])).toEqual(plain.functions.map((f) => [f.name, f.status]));
    expect(prof.functions.find((f) => f.name === 'wrong')!.status).toBe('failed');
    expect(plain.functions.every((f) => f.profile === undefined)).toBe(true);
    const three = prof.functions.find((f) => f.name === 'three')!;
    expect(three.status).toBe('verified');
    expect(three.profile).toEqual({
      instances: 3,
      queries: 1,
      unprofiled: 0,
      quantifiers: [{ qid: 'forall:three+1:14', instances: 3, file: 't.rs', span: { start: { line: 4, column: 14 }, end: { line: 4, column: 44 } } }],
    });
  });
  it('--profile needs the native solver', async () => {
    await expect(verifySources(new Map([['t.rs', 'verus! { proof fn p() {} }']]), { root: '/nonexistent', useCache: false, solver: 'wasm', profile: true })).rejects.toThrow(/native/);
  });
});
