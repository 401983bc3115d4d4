import { describe, expect, it } from 'vitest';
import { parseFile } from './parser';
import { Crate } from './resolver';
import { checkCrate } from './check/checker';
import { CrateVC, FnGen, printQuery, type Obligation } from './vcgen';
import { corpusFiles } from './tests/corpus-lib';
import { planIncremental, type PlanInput } from './incremental-plan';

/** Every function's obligations (with their queries) of a crate. */
function obligationsByFunction(files: Map<string, string>): Obligation[][] {
  const crate = new Crate([...files].map(([p, t]) => parseFile(p, t)));
  const cvc = new CrateVC(crate, checkCrate(crate));
  try {
    cvc.analyzeSpecFns();
  } catch {
    /* per function below */
  }
  const out: Obligation[][] = [];
  for (const infos of crate.fns.values()) {
    for (const info of infos) {
      try {
        const gen = new FnGen(cvc, info);
        const vc = gen.run();
        if (vc.error || vc.unsupported) continue;
        gen.finish();
        if (gen.obligations.every((o) => o.query)) out.push(gen.obligations);
      } catch {
        /* a function the verifier reports as an error has no queries */
      }
    }
  }
  return out;
}

const inputsOf = (obs: Obligation[]): PlanInput<Obligation>[] => obs.map((ob) => ({ item: ob, query: ob.query!, text: printQuery(ob.query!) }));

describe('incremental plan', () => {
  it('over the corpus: each planned check replays exactly its standalone query, and every query is planned or standalone once', () => {
    const fns = obligationsByFunction(corpusFiles());
    expect(fns.length).toBeGreaterThan(150);
    let planned = 0;
    let total = 0;
    for (const obs of fns) {
      const inputs = inputsOf(obs);
      const plan = planIncremental(inputs);
      total += inputs.length;
      planned += plan.checks.length;
      expect([...plan.checks.map((c) => c.item), ...plan.standalone].sort((a, b) => obs.indexOf(a) - obs.indexOf(b))).toEqual(obs);
      // replay what the session holds for each check: its commands, declarations first, are the standalone text
      let decls = '';
      let facts = '';
      for (const c of plan.checks) {
        for (const line of c.add.split('\n').filter(Boolean)) {
          if (line.startsWith('(assert ')) facts += line + '\n';
          else decls += line + '\n';
        }
        expect(plan.base + decls + facts + c.goal + '(check-sat)\n').toBe(printQuery(c.item.query!));
      }
    }
    // nearly everything goes through sessions (the rest: by(bit_vector) and other own-prelude queries)
    expect(planned / total).toBeGreaterThan(0.8);
  });

  it('checks are ordered by the context they see, and the prelude is sent once', () => {
    const [obs] = obligationsByFunction(
      new Map([['t.rs', `verus! {\nfn f(a: u8, b: u8) -> (r: u8) requires a < 10, b < 10 ensures r == a + b + 1 { let x = a + b; assert(x < 20); let y = x + 1; y }\n}`]]),
    );
    const plan = planIncremental(inputsOf(obs!).reverse());
    expect(plan.standalone).toEqual([]);
    expect(plan.checks.length).toBe(obs!.length);
    const factCounts = plan.checks.map((c) => c.item.query!.facts.length);
    expect(factCounts).toEqual([...factCounts].sort((a, b) => a - b));
    expect(plan.checks.map((c) => c.add).join('')).not.toContain('(set-option');
    expect(plan.base).toContain('(set-option :smt.mbqi false)');
  });

  it('a query whose text is not its context replayed goes standalone (the safety net)', () => {
    const [obs] = obligationsByFunction(new Map([['t.rs', `verus! {\nproof fn f(a: int) requires a > 0 { assert(a > -1); assert(a + 1 > 1); }\n}`]]));
    const inputs = inputsOf(obs!);
    inputs[1] = { ...inputs[1]!, text: inputs[1]!.text.replace('(check-sat)', '(assert false)\n(check-sat)') };
    const plan = planIncremental(inputs);
    expect(plan.standalone).toEqual([obs![1]]);
    expect(plan.checks.map((c) => c.item)).toEqual([obs![0]]);
  });

  it('a query with another configuration or prelude, or without a goal, goes standalone', () => {
    const [obs] = obligationsByFunction(new Map([['t.rs', `verus! {\nproof fn f(a: int) requires a > 0 { assert(a > -1); assert(a + 1 > 1); assert(a > 0); }\n}`]]));
    const inputs = inputsOf(obs!);
    inputs[1] = { ...inputs[1]!, query: { ...inputs[1]!.query, options: [] } };
    inputs[2] = { ...inputs[2]!, query: { ...inputs[2]!.query, goal: undefined } };
    const plan = planIncremental(inputs);
    expect(plan.checks.map((c) => c.item)).toEqual([obs![0]]);
    expect(plan.standalone).toEqual([obs![1], obs![2]]);
  });
});
