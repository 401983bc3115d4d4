import { describe, expect, it } from 'vitest';
import { foldGround, print } from './smt';

describe('foldGround', () => {
  it('evaluates ground arithmetic and comparisons, leaving the connectives around them as written', () => {
    expect(print(foldGround(['and', ['f', 'x'], ['=', ['+', '1', '1'], '2']]))).toBe('(and (f x) true)');
    expect(print(foldGround(['and', ['=', ['+', '2', '2'], '4'], ['f', 'x']]))).toBe('(and true (f x))');
    expect(print(foldGround(['=', ['*', '2', '2'], ['-', '5', '1']]))).toBe('true');
    expect(print(foldGround(['<', ['-', '3'], '0']))).toBe('true');
    expect(print(foldGround(['or', ['f', 'x'], ['<=', '3', '2']]))).toBe('(or (f x) false)');
  });
  it('leaves terms with variables alone', () => {
    expect(print(foldGround(['=', ['+', 'x', '1'], '2']))).toBe('(= (+ x 1) 2)');
    expect(print(foldGround(['-', '0', '5']))).toBe('(- 5)');
  });
});
