import { describe, expect, it } from 'vitest';
import { verusLanguage, verusOperators } from './verus-language';

// A minimal Monarch-shaped Rust grammar: the real one is Monaco's, exercised in the e2e tests.
const rust = {
  tokenPostfix: '.rust',
  keywords: ['fn'],
  tokenizer: {
    root: [
      [/[a-zA-Z][a-zA-Z0-9_]*/, { cases: { '@keywords': 'keyword', '@default': 'identifier' } }],
      [/[=<>&|]+/, 'operator'],
    ],
  },
};

describe('Verus language definition', () => {
  const lang = verusLanguage(rust as never) as unknown as {
    tokenizer: { root: [RegExp, unknown][] };
    verusKeywords: string[];
  };

  it('classifies Verus keywords before Rust identifiers', () => {
    const identifierRule = lang.tokenizer.root.find((r) => typeof r[1] === 'object' && r[1] !== null && 'cases' in (r[1] as object));
    const cases = (identifierRule![1] as { cases: Record<string, string> }).cases;
    expect(Object.keys(cases)[0]).toBe('@verusKeywords');
    for (const word of ['requires', 'ensures', 'invariant', 'decreases', 'spec', 'proof', 'ghost', 'tracked', 'forall', 'exists', 'old', 'assert', 'assume']) {
      expect(lang.verusKeywords).toContain(word);
    }
  });

  it('matches the longest Verus operator at a position', () => {
    const operatorRule = lang.tokenizer.root[1]![0];
    for (const op of verusOperators) expect(operatorRule.exec(`a ${op} b`)?.[0]).toBe(op);
    expect(operatorRule.exec('a <==> b')?.[0]).toBe('<==>');
    expect(operatorRule.exec('a == b')).toBeNull();
  });
});
