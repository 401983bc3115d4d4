import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { lex } from './lexer';

function kinds(src: string) {
  return lex(src).tokens.filter((t) => t.kind !== 'eof').map((t) => `${t.kind}:${t.text}`);
}

const WS = /^[ \t\n\r\f\v\u200e\u200f\u2028\u2029\u0085]*$/;

describe('lexer', () => {
  it('lexes Verus punctuation longest-match', () => {
    expect(kinds('a ==> b <==> c <== d &&& e ||| f =~= g !~= h :: -> => ..= ..')).toEqual([
      'ident:a', 'punct:==>', 'ident:b', 'punct:<==>', 'ident:c', 'punct:<==', 'ident:d', 'punct:&&&',
      'ident:e', 'punct:|||', 'ident:f', 'punct:=~=', 'ident:g', 'punct:!~=', 'ident:h', 'punct:::',
      'punct:->', 'punct:=>', 'punct:..=', 'punct:..',
    ]);
  });
  it('lexes numbers with suffixes', () => {
    expect(kinds('0xffu64 1_000usize 1.5 2f64 0b1010 1..2 x.0')).toEqual([
      'int:0xffu64', 'int:1_000usize', 'float:1.5', 'float:2f64', 'int:0b1010', 'int:1', 'punct:..', 'int:2',
      'ident:x', 'punct:.', 'int:0',
    ]);
  });
  it('lexes strings, chars, lifetimes, comments', () => {
    const src = `r#"a"b"# b"x" br"y" 'a' '\\n' 'a fn<'b> /* /* nested */ */ // c\n/// doc\nx`;
    const toks = lex(src, { keepComments: true }).tokens.map((t) => `${t.kind}:${t.text}`);
    expect(toks).toEqual([
      'string:r#"a"b"#', 'string:b"x"', 'string:br"y"', "char:'a'", "char:'\\n'", "lifetime:'a", 'keyword:fn',
      'punct:<', "lifetime:'b", 'punct:>', 'block-comment:/* /* nested */ */', 'line-comment:// c', 'doc-comment:/// doc',
      'ident:x', 'eof:',
    ]);
  });
  it('contextual Verus words are identifiers', () => {
    expect(kinds('spec fn requires ensures')).toEqual(['ident:spec', 'keyword:fn', 'ident:requires', 'ident:ensures']);
  });
  it('reports lines and columns', () => {
    const t = lex('a\n  b').tokens;
    expect(t[1]).toMatchObject({ text: 'b', line: 2, column: 3 });
  });
  it('unterminated things give diagnostics, not exceptions', () => {
    expect(lex('"abc').diagnostics.length).toBe(1);
    expect(lex('/* abc').diagnostics.length).toBe(1);
    expect(lex('§').tokens[0]!.kind).toBe('unknown');
  });
  it('never throws and tokens tile the input (property)', () => {
    const alphabet = fc.constantFrom(...'ab_0x9u64 \n\t\'"#r/*!=<>&|.:-~@{}()[];,§é😀\\'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: alphabet, maxLength: 60 }), fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 40 })), (s) => {
        const { tokens } = lex(s, { keepComments: true });
        let pos = 0;
        for (const t of tokens) {
          if (t.kind === 'eof') {
            expect(s.slice(pos)).toMatch(WS);
            expect(t.start).toBe(s.length);
            continue;
          }
          expect(t.start).toBeGreaterThanOrEqual(pos);
          expect(s.slice(pos, t.start)).toMatch(WS);
          expect(t.end).toBeGreaterThan(t.start);
          expect(t.text).toBe(s.slice(t.start, t.end));
          pos = t.end;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
