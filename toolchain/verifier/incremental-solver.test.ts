// The same protocol tests for both session hosts: native z3 processes (skipped when z3 is not on
// PATH) and the wasm pool's workers. One solver slot per test.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { nativeZ3Available } from './index';
import { NativeSolverQueue, SolverPool, WasmSessionHost, type SolverJob, type SolverResult } from './solver-pool';
import { IncrementalSolver } from './incremental-solver';
import { NativeSessionHost } from './native-session';
import type { PlannedCheck } from './incremental-plan';

const base = '(set-option :smt.mbqi false)\n(declare-const x Int)\n';
const check = (item: string, add: string, goal: string): PlannedCheck<string> => ({ item, add, goal: `(assert (not ${goal}))\n` });
/** Runs checks in one session over `base`: each check's item and verdict. */
async function verdicts(s: IncrementalSolver, checks: PlannedCheck<string>[]): Promise<[string, string][]> {
  const answers = await s.run({ plan: { base, checks }, timeoutMs: 5000, priority: 0 });
  return answers.map((a) => [a.item, a.r.result]);
}
/** An unsatisfiable pigeonhole instance that z3 takes long on (p pigeons, h holes). */
function pigeonholeGoal(p: number, h: number): { decls: string; goal: string } {
  const v = (i: number, j: number) => `p${i}_${j}`;
  let decls = '';
  const parts: string[] = [];
  for (let i = 0; i < p; i++) for (let j = 0; j < h; j++) decls += `(declare-const ${v(i, j)} Bool)\n`;
  for (let i = 0; i < p; i++) parts.push(`(or ${Array.from({ length: h }, (_, j) => v(i, j)).join(' ')})`);
  for (let j = 0; j < h; j++) for (let a = 0; a < p; a++) for (let b = a + 1; b < p; b++) parts.push(`(not (and ${v(a, j)} ${v(b, j)}))`);
  // the goal is negated by the check: its negation is the pigeonhole formula
  return { decls, goal: `(not (and ${parts.join(' ')}))` };
}

interface Harness {
  solver: IncrementalSolver;
  /** A standalone query on the same slots. */
  standalone(job: SolverJob): Promise<SolverResult>;
  /** Holds the only slot until the returned function is called. */
  hold(): Promise<() => void>;
  /** After a crash mid-check: whether the session is replaced (native) or its checks go standalone (wasm). */
  replacesCrashedSession: boolean;
  close(): void;
}

const wasmPool = new SolverPool(1);
afterAll(() => wasmPool.shutdown());
/** Sessions on the wasm pool's one worker. */
function wasmHarness(options: ConstructorParameters<typeof IncrementalSolver>[1] = {}): Harness {
  const solver = new IncrementalSolver(new WasmSessionHost(wasmPool), options);
  return {
    solver,
    standalone: (job) => wasmPool.run(job),
    hold: async () => {
      const s = await wasmPool.lease(0);
      expect(s).not.toBeNull();
      return () => s!.close();
    },
    replacesCrashedSession: false,
    close: () => solver.shutdown(),
  };
}
const hosts: { name: string; skip: boolean; make: () => Harness }[] = [
  {
    name: 'native z3 processes (skipped when z3 is not on PATH)',
    skip: !nativeZ3Available(),
    make: () => {
      const queue = new NativeSolverQueue(1);
      const solver = new IncrementalSolver(new NativeSessionHost(queue));
      return {
        solver,
        standalone: (job) => queue.run(job),
        hold: async () => {
          expect(await queue.acquire(0)).toBe(true);
          return () => queue.release();
        },
        replacesCrashedSession: true,
        close: () => {
          solver.shutdown();
          queue.shutdown();
        },
      };
    },
  },
  {
    name: 'wasm workers, checks batched after fast ones',
    skip: false,
    // (every check counts as fast and none as slow: the batching does not depend on the machine's speed)
    make: () => wasmHarness({ batchChecks: 8, fastCheckMs: 60_000, slowCheckMs: 60_000 }),
  },
  { name: 'wasm workers', skip: false, make: () => wasmHarness() },
];

let harness: Harness | undefined;
afterEach(() => {
  harness?.close();
  harness = undefined;
});

describe.each(hosts)('incremental sessions on $name', ({ skip, make }) => {
  const fresh = (): IncrementalSolver => {
    harness = make();
    return harness.solver;
  };
  if (skip) {
    it.skip('needs native z3 on PATH', () => undefined);
    return;
  }
  it('answers each check in order, framed by its marker, whatever z3 prints around the verdict', async () => {
    const answers = await verdicts(fresh(), [
      check('a', '(assert (> x 5))\n', '(> x 4)'),
      check('b', '(echo "unsat")\n', '(> x 7)'),
      check('c', '(declare-const y Int)\n(assert (= y (* 2 x)))\n', '(> y 10)'),
      check('d', '', '(< y 0)'),
    ]);
    expect(answers).toEqual([
      ['a', 'unsat'],
      // the echoed "unsat" comes before this check's own output: the first line is the verdict
      ['b', 'error'],
      ['c', 'unsat'],
      ['d', 'sat'],
    ]);
  });

  it("reports each load of the context as solver time: once per session start and once after a reset", async () => {
    const s = fresh();
    const loads: number[] = [];
    // a `sat` answer resets the session: the next check loads the context again
    const answers = await s.run({ plan: { base, checks: [check('a', '(assert (> x 5))\n', '(> x 9)'), check('b', '', '(> x 3)')] }, timeoutMs: 5000, priority: 0, onLoad: (ms) => loads.push(ms) });
    expect(answers.map((a) => a.r.result)).toEqual(['sat', 'unsat']);
    expect(loads).toHaveLength(2);
    for (const ms of loads) expect(ms).toBeGreaterThan(0);
  });

  it('a goal never leaks: not into the next check, not into another function run on the same process', async () => {
    const s = fresh();
    const one = await s.run({ plan: { base, checks: [check('x=0', '', '(not (= x 0))'), check('x=1', '', '(not (= x 1))')] }, timeoutMs: 5000, priority: 0 });
    // each goal alone is satisfiable; had `x = 0` stayed, `x = 1` would be unsat
    expect(one.map((a) => a.r.result)).toEqual(['sat', 'sat']);
    // facts of one function are gone in the next (the process is reused: one slot)
    const f = await s.run({ plan: { base, checks: [check('f', '(declare-const y Int)\n(assert (= y 3))\n', '(= y 3)')] }, timeoutMs: 5000, priority: 0 });
    expect(f[0]!.r.result).toBe('unsat');
    const g = await s.run({ plan: { base, checks: [check('g', '(declare-const y Int)\n', '(not (= y 4))')] }, timeoutMs: 5000, priority: 0 });
    expect(g[0]!.r.result).toBe('sat');
  });

  it('checks after fast ones may share a send: each is answered on its own, and no goal leaks into the next', async () => {
    const s = fresh();
    const answers = await verdicts(s, [
      check('a', '(assert (> x 5))\n', '(> x 4)'),
      check('b', '', '(not (= x 7))'),
      check('c', '', '(not (= x 8))'),
      check('d', '(declare-const y Int)\n(assert (= y x))\n', '(> y 5)'),
    ]);
    // had b's `x = 7` stayed, c's `x = 8` would be unsat
    expect(answers).toEqual([
      ['a', 'unsat'],
      ['b', 'sat'],
      ['c', 'sat'],
      ['d', 'unsat'],
    ]);
    expect(s.checks).toBe(4);
    if (s.batchChecks > 1) expect(s.sends).toBe(2);
    else expect(s.sends).toBe(4);
  });

  it('a check past its timeout is a timeout, and the session goes on with the next check', async () => {
    const s = fresh();
    const ph = pigeonholeGoal(11, 10);
    const answers = await s.run({ plan: { base, checks: [check('slow', ph.decls, ph.goal), check('next', '(assert (> x 1))\n', '(> x 0)')] }, timeoutMs: 300, priority: 0 });
    expect(answers[0]!.r.result).toBe('timeout');
    expect(answers[1]!.r.result).toBe('unsat');
    expect(s.resets).toBeGreaterThanOrEqual(1);
  });

  it('a crashed process is replaced, the check in flight is an error (re-solved standalone by the caller), the rest are answered', async () => {
    const s = fresh();
    const ph = pigeonholeGoal(11, 10);
    const run = s.run({ plan: { base, checks: [check('slow', ph.decls, ph.goal), check('next', '(assert (> x 1))\n', '(> x 0)')] }, timeoutMs: 20_000, priority: 0 });
    setTimeout(() => s.crashActive(), 300);
    const answers = await run;
    expect(answers[0]!.r.result).toBe('error');
    if (harness!.replacesCrashedSession) {
      expect(answers[1]!.r.result).toBe('unsat');
      expect(s.replaced).toBe(1);
    } else {
      // never `unsat` from a session that is gone: the caller solves it standalone
      expect(answers[1]!.r.result).toBe('error');
    }
    // the slot is usable again
    expect((await harness!.standalone({ query: '(declare-const x Int)\n(assert (> x 0))\n(check-sat)\n', timeoutMs: 5000, wantModel: false })).result).toBe('sat');
  });

  it("a session's options do not carry over: the next standalone query and session start from z3's defaults", async () => {
    const s = fresh();
    // a resource limit of 1 makes z3 give up at once; the wasm build keeps options set through
    // its command interpreter as global parameters, so without the reset this leaks
    const starved = await s.run({ plan: { base: `${base}(set-option :rlimit 1)\n`, checks: [check('a', '(assert (> x 5))\n', '(> x 4)')] }, timeoutMs: 5000, priority: 0 });
    expect(starved[0]!.r.result).not.toBe('unsat');
    const after = await harness!.standalone({ query: '(declare-const x Int)\n(assert (> x 5))\n(assert (< x 4))\n(check-sat)\n', timeoutMs: 5000, wantModel: false });
    expect(after.result).toBe('unsat');
    const next = await s.run({ plan: { base, checks: [check('b', '(assert (> x 5))\n', '(> x 4)')] }, timeoutMs: 5000, priority: 0 });
    expect(next[0]!.r.result).toBe('unsat');
  });

  it('a context z3 rejects makes every check an error (each is then solved standalone), never unsat', async () => {
    const s = fresh();
    const answers = await s.run({ plan: { base, checks: [check('a', '(assert (> z 5))\n', '(> z 4)'), check('b', '', 'false')] }, timeoutMs: 5000, priority: 0 });
    expect(answers.map((a) => a.r.result)).toEqual(['error', 'error']);
  });

  it('a slow check resets the session before the next one', async () => {
    const s = fresh();
    s.slowCheckMs = 0;
    const answers = await s.run({ plan: { base, checks: [check('a', '(assert (> x 5))\n', '(> x 4)'), check('b', '(assert (> x 6))\n', '(> x 5)'), check('c', '', '(> x 0)')] }, timeoutMs: 5000, priority: 0 });
    expect(answers.map((a) => a.r.result)).toEqual(['unsat', 'unsat', 'unsat']);
    expect(s.resets).toBe(3);
  });

  it('a cancelled run answers canceled and frees its slot', async () => {
    const s = fresh();
    const ph = pigeonholeGoal(11, 10);
    const ctrl = new AbortController();
    const run = s.run({ plan: { base, checks: [check('slow', ph.decls, ph.goal), check('next', '', '(> x 0)')] }, timeoutMs: 20_000, signal: ctrl.signal, priority: 0 });
    setTimeout(() => ctrl.abort(), 200);
    expect((await run).map((a) => a.r.result)).toEqual(['canceled', 'canceled']);
    const after = await harness!.standalone({ query: '(declare-const x Int)\n(assert (> x 0))\n(check-sat)\n', timeoutMs: 5000, wantModel: false });
    expect(after.result).toBe('sat');
  });

  it('sessions wait for the queue slot in decreasing priority', async () => {
    const s = fresh();
    const order: string[] = [];
    const release = await harness!.hold();
    const runs = [1, 5, 3].map((p) => s.run({ plan: { base, checks: [check(`p${p}`, '', 'true')] }, timeoutMs: 5000, priority: p }).then(() => order.push(`p${p}`)));
    release();
    await Promise.all(runs);
    expect(order).toEqual(['p5', 'p3', 'p1']);
  });
});
