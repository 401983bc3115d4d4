import { describe, expect, it } from 'vitest';
import { parseFile } from './parser';
import { lowerBindingPatterns } from './binding-patterns';
import type { FnItem, Pat } from './ast';

const pats = (src: string): Pat[] => {
  const [f] = lowerBindingPatterns([parseFile('k.rs', `verus! { ${src} }`)]);
  const fn = f!.items.find((it): it is FnItem => it.k === 'fn' && it.name === 'p')!;
  return fn.body!.stmts.flatMap((s) => (s.k === 'let' ? [s.pat] : s.k === 'expr' && s.e.k === 'match' ? s.e.arms.map((a) => a.pat) : []));
};

describe('binding patterns', () => {
  it('reads a capitalized name that names no datatype, variant or constant as a binding', () => {
    expect(pats('proof fn p(x: u8) { let KEY = x; }')).toMatchObject([{ k: 'bind', name: 'KEY' }]);
    expect(pats('proof fn p(o: Option<u8>) { match o { Some(X) => {}, None => {} } }')).toMatchObject([{ k: 'variant', path: ['Some'], args: [{ k: 'bind', name: 'X' }] }, { k: 'variant', path: ['None'] }]);
  });
  it('keeps a name that is a unit struct, a variant or a constant a path', () => {
    expect(pats('struct U; enum E { A, B } const C: u8 = 3; proof fn p(e: E, x: u8) { match e { A => {}, B => {} } match x { C => {}, _ => {} } }')).toMatchObject([
      { k: 'variant', path: ['A'] },
      { k: 'variant', path: ['B'] },
      { k: 'variant', path: ['C'] },
      { k: 'wild' },
    ]);
  });
});
