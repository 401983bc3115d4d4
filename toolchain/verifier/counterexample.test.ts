import { describe, it, expect } from 'vitest';
import { ModelReader, parseModel, MAX_MODEL_DIGITS } from './counterexample';
import { Crate, INT } from './resolver';

const SEQ_INT = { k: 'seq', elem: INT } as const;

/** A Seq<int> of 4,096 elements, each computed by model functions from a `digits`-digit value. */
function bigModel(digits: number): string {
  const big = '7' + '3'.repeat(digits - 1);
  return `(
  (define-fun big () Int ${big})
  (define-fun g ((x!0 Int)) Int (ite (= x!0 ${big}) ${big} (+ x!0 ${big})))
  (define-fun f ((i Int)) Int (g (+ big 0)))
  (define-fun s () (Seq Int) (mk 4096 (_ as-array f)))
)`;
}

describe('counterexample evaluation', () => {
  it('reads a model over a large numeral quickly: each numeral is converted once (was 33 s)', () => {
    const digits = MAX_MODEL_DIGITS - 10;
    const t0 = performance.now();
    const r = new ModelReader(new Crate([]), parseModel(bigModel(digits)));
    const cv = r.concrete('s', SEQ_INT);
    expect(cv.k).toBe('seq');
    if (cv.k !== 'seq') return;
    expect(cv.elems).toHaveLength(4096);
    expect(cv.elems[4095]).toEqual({ k: 'int', v: BigInt('7' + '3'.repeat(digits - 1)) });
    expect(r.truth('(and (> big 5) (< big (+ big 1)))')).toBe(true);
    expect(r.show('s', SEQ_INT).startsWith('seq![7333')).toBe(true);
    expect(performance.now() - t0).toBeLessThan(20_000);
  });

  it('leaves a numeral over MAX_MODEL_DIGITS unknown instead of computing with it', () => {
    const r = new ModelReader(new Crate([]), parseModel(bigModel(20_000)));
    const t0 = performance.now();
    expect(r.show('big', INT)).toBe('?');
    expect(r.truth('(> big 5)')).toBeNull();
    expect(r.concrete('s', SEQ_INT).k).toBe('seq');
    expect(performance.now() - t0).toBeLessThan(20_000);
  });

  it('computes with integers exactly (negatives, equality of computed and written numerals)', () => {
    const model = `(
  (define-fun a () Int (- 12))
  (define-fun b () Int 30)
  (define-fun sum () Int (+ a b))
  (define-fun diff () Int (- a b))
  (define-fun cube () Int (* a a a))
  (define-fun arr () (Array Int Int) (store (store ((as const (Array Int Int)) 0) 18 5) 2 9))
  (define-fun s () (Seq Int) (mk 3 (store (store ((as const (Array Int Int)) 1) (+ b a) 4) 0 (- b 31))))
)`;
    const r = new ModelReader(new Crate([]), parseModel(model));
    expect(r.show('sum', INT)).toBe('18');
    expect(r.show('diff', INT)).toBe('-42');
    expect(r.show('cube', INT)).toBe('-1728');
    expect(r.truth('(= (+ a b) 18)')).toBe(true);
    expect(r.truth('(< a (- 11))')).toBe(true);
    expect(r.truth('(= (- 12) a)')).toBe(true);
    // s[0] = 30 - 31, s[18]: the store's key is computed (+ b a) = 18, a BigInt compared with the index
    expect(r.show('s', SEQ_INT)).toBe('seq![-1, 1, 1]');
    expect(r.concrete('s', SEQ_INT)).toEqual({ k: 'seq', elems: [{ k: 'int', v: -1n }, { k: 'int', v: 1n }, { k: 'int', v: 1n }] });
  });

  it('folds a long sequence to its first elements and the relevant indices: the model\'s points and the scope\'s integer values', () => {
    const model = `(
  (define-fun i () Int 70)
  (define-fun j () Int 5000)
  (define-fun s () (Seq Int) (mk 100 (store (store ((as const (Array Int Int)) 0) 57 9) 3 4)))
  (define-fun f ((x!0 Int)) Int (ite (= x!0 42) 7 (ite (= 99 x!0) 8 1)))
  (define-fun t () (Seq Int) (mk 100 (_ as-array f)))
  (define-fun short () (Seq Int) (mk 3 ((as const (Array Int Int)) 2)))
)`;
    const r = new ModelReader(new Crate([]), parseModel(model));
    const vars = r.variables([
      { name: 'i', ty: INT, term: 'i' },
      { name: 'j', ty: INT, term: 'j' },
      { name: 's', ty: SEQ_INT, term: 's' },
      { name: 't', ty: SEQ_INT, term: 't' },
      { name: 'short', ty: SEQ_INT, term: 'short' },
    ]);
    const value = (n: string) => vars.find((v) => v.name === n)!.value;
    // index 3 is in the head; 57 is a store, 70 is i's value; j's 5000 is out of range
    expect(value('s')).toBe('seq![0, 0, 0, 4, 0, 0, 0, 0, .., [57] = 9, .., [70] = 0, .. (len 100)]');
    // the model function's points; the last index ends the list without a trailing `..`
    expect(value('t')).toBe('seq![1, 1, 1, 1, 1, 1, 1, 1, .., [42] = 7, .., [70] = 1, .., [99] = 8 (len 100)]');
    expect(value('short')).toBe('seq![2, 2, 2]');
  });
});
