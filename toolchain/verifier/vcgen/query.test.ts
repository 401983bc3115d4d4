import { describe, expect, it } from 'vitest';
import { parseFile } from '../parser';
import { Crate } from '../resolver';
import { checkCrate } from '../check/checker';
import { CrateVC, FnGen, printQuery } from './index';

/** The printed queries of function `fn` in `src`. */
function queries(src: string, fn: string): string[] {
  const file = parseFile('t.rs', `verus! {\n${src}\n}`);
  const crate = new Crate([file]);
  const cvc = new CrateVC(crate, checkCrate(crate));
  cvc.analyzeSpecFns();
  const info = crate.fns.get(fn)![0]!;
  const gen = new FnGen(cvc, info);
  const vc = gen.run();
  expect(vc.error ?? vc.unsupported).toBeUndefined();
  gen.finish();
  return vc.obligations.map((o) => printQuery(o.query!));
}

describe('multiplication and nonlinear arithmetic (as Verus)', () => {
  it('an ordinary query: the product is |uf.mul|, defined as `*`, with nonlinear arithmetic off', () => {
    const [q] = queries(`proof fn f(a: int, b: int) { assert(a * b == b * a); }`, 'f');
    expect(q).toContain('(set-option :smt.arith.nl false)');
    expect(q).toContain('(|uf.mul| |a| |b|)');
    expect(q).toContain('(assert (forall ((x Int) (y Int)) (! (= (|uf.mul| x y) (* x y)) :pattern ((|uf.mul| x y)) :qid |axiom:uf.mul|)))');
  });
  it('a #[verifier::nonlinear] function: z3 multiplication, nonlinear arithmetic on', () => {
    const [q] = queries(`#[verifier::nonlinear]\nproof fn f(a: int, b: int) requires a > 0, b > 0 ensures a * b > 0 {}`, 'f');
    expect(q).toContain('(set-option :smt.arith.nl true)');
    expect(q).toContain('(* |a| |b|)');
    expect(q).not.toContain('uf.mul');
  });
  it('a by(nonlinear_arith) query has nonlinear arithmetic on; the rest of the function off', () => {
    const qs = queries(`proof fn f(a: int, b: int) requires a > 0, b > 0 { assert(a * b > 0) by(nonlinear_arith) requires a > 0, b > 0; assert(a * b > 0); }`, 'f');
    const nl = qs.filter((q) => q.includes('(set-option :smt.arith.nl true)'));
    expect(nl.length).toBe(1);
    expect(nl[0]).toContain('(* |a| |b|)');
    expect(qs.filter((q) => q.includes('(set-option :smt.arith.nl false)')).length).toBe(qs.length - 1);
  });
});
