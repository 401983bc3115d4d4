import { describe, expect, it } from 'vitest';
import { foldGround, print } from './smt';

describe('foldGround', () => {
  it('evaluates ground arithmetic and comparisons and simplifies the connectives around them', () => {
    expect(print(foldGround(['and', ['f', 'x'], ['=', ['+', '1', '1'], '2']]))).toBe('(f x)');
    expect(print(foldGround(['=', ['*', '2', '2'], ['-', '5', '1']]))).toBe('true');
    expect(print(foldGround(['<', ['-', '3'], '0']))).toBe('true');
    expect(print(foldGround(['or', ['f', 'x'], ['<=', '3', '2']]))).toBe('(f x)');
    expect(print(foldGround(['and', ['f', 'x'], ['>', '1', '2']]))).toBe('false');
  });
  it('leaves terms with variables alone', () => {
    expect(print(foldGround(['=', ['+', 'x', '1'], '2']))).toBe('(= (+ x 1) 2)');
    expect(print(foldGround(['-', '0', '5']))).toBe('(- 5)');
  });
});
