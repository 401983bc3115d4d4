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

describe('generics (type parameters as uninterpreted sorts, spec fns per instantiation)', () => {
  it("a generic function's own parameters are uninterpreted sorts and usize constants in its queries", () => {
    const [q] = queries(`proof fn f<T, const N: usize>(x: T, y: T) { assert(x == y || N >= 0); }`, 'f');
    expect(q).toContain('(declare-sort |Param.T| 0)');
    expect(q).toContain('(declare-const |x| |Param.T|)');
    expect(q).toContain('(declare-const |const.N| Int)');
    // a usize: within the word width's range (open here: 32 or 64 bits)
    expect(q).toContain('(assert (and (<= 0 |const.N|) (<= |const.N| |arch%usize_max|)))');
    expect(q).toContain('(declare-const |arch%usize_max| Int)');
    const [q64] = queries(`global size_of usize == 8;\nproof fn f<T, const N: usize>(x: T, y: T) { assert(x == y || N >= 0); }`, 'f');
    expect(q64).toContain('(assert (and (<= 0 |const.N|) (<= |const.N| 18446744073709551615)))');
    expect(q64).not.toContain('arch%');
  });
  it('a generic spec fn has one declared function and definition per instantiation a query uses', () => {
    const [q] = queries(`spec fn pick<T>(b: bool, x: T, y: T) -> T { if b { x } else { y } }\nproof fn f(a: u64, c: bool) { assert(pick(true, a, 1) == a && pick(false, c, true) == true); }`, 'f');
    expect(q).toContain('(declare-fun |pick<u64>| (Bool Int Int) Int)');
    expect(q).toContain('(declare-fun |pick<bool>| (Bool Bool Bool) Bool)');
    expect(q).not.toContain('Param.T');
  });
  it("a generic callee's clauses are instantiated at the call's generic arguments", () => {
    const qs = queries(`struct B<const N: usize> { n: usize }\nfn cap<const N: usize>(b: &B<N>) -> (r: usize) requires b.n < N ensures r == N { N }\nfn f(b: B<7>) { let r = cap(&b); assert(r == 7); }`, 'f');
    expect(qs.some((q) => q.includes('(< (|B<7>.n| |b|) 7)'))).toBe(true);
    expect(qs.join('\n')).not.toContain('const.N');
  });
});
