// Bracket matching over tokens: which `(` `[` `{` closes where. Read by the parser and by the
// attribute-form rewriter, which both skip groups by it instead of counting brackets.

import type { Token } from './lexer';

/**
 * For each bracket token ( [ { ) ] }, the index of its partner, or -1. A closer pairs with the
 * nearest open bracket of its kind (the unclosed ones in between stay -1), and a closer with no
 * opener of its kind open is unpaired: one stray `(` or `)` inside a function body does not
 * shift which `}` closes the body.
 */
export function matchBrackets(tokens: readonly Token[]): Int32Array {
  const OPEN_OF: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const match = new Int32Array(tokens.length).fill(-1);
  const stack: number[] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== 'punct') return;
    if (t.text === '(' || t.text === '[' || t.text === '{') stack.push(i);
    else if (OPEN_OF[t.text]) {
      const want = OPEN_OF[t.text];
      let k = stack.length - 1;
      while (k >= 0 && tokens[stack[k]!]!.text !== want) k--;
      if (k < 0) return;
      match[stack[k]!] = i;
      match[i] = stack[k]!;
      stack.length = k;
    }
  });
  return match;
}
