import { describe, expect, it } from 'vitest';
import { parseFile } from './parser';
import { lowerLocalBorrows } from './local-borrows';
import { printBlock } from './printer';
import type { FnItem } from './ast';

/** The function `f` of `src` before and after the phase. */
function lower(src: string): { before: FnItem; after: FnItem; text: () => string } {
  const file = parseFile('t.rs', `verus! {\n${src}\n}`);
  const [out] = lowerLocalBorrows([file]);
  const pick = (items: typeof file.items) => items.find((it): it is FnItem => it.k === 'fn' && it.name === 'f')!;
  const after = pick(out!.items);
  return { before: pick(file.items), after, text: () => printBlock(after.body!).replace(/\s+/g, ' ') };
}

describe('lowerLocalBorrows', () => {
  it('reads and writes through the borrow as the place itself, over the borrow only', () => {
    const { before, after, text } = lower(`fn f() { let mut x: u64 = 0; let r: &mut u64 = &mut x; *r = 5; g(r); r.h(); let y = *r; x = 1; }`);
    expect(after).not.toBe(before);
    const t = text();
    expect(t).toContain('let ghost r: u64 = x;');
    expect(t).toContain('x = 5;');
    expect(t).toContain('g((&mut x));');
    expect(t).toContain('x.h();');
    expect(t).toContain('let y = x;');
    expect(t).not.toMatch(/\*r/);
    expect(after.borrowErrors).toBeUndefined();
    // the parse tree is shared between runs: never mutated
    expect(printBlock(before.body!)).toContain('(*r) = 5;');
  });

  it('`let ref mut r = x;` is the borrow `let r = &mut x;`', () => {
    const { text, after } = lower(`fn f() { let mut x: u64 = 0; let ref mut r = x; *r = 5; let y = *r; }`);
    expect(text()).toContain('(&mut x);');
    expect(text()).toContain('x = 5;');
    expect(text()).toContain('let y = x;');
    expect(after.borrowErrors).toBeUndefined();
    expect(lower(`fn f() { let mut x: u64 = 0; let ref mut r = x; assert(x == 0); *r = 1; }`).after.borrowErrors?.map((e) => e.message)).toEqual(['cannot use `x` because it was mutably borrowed (by `r`, used later)']);
  });

  it('a use of the place while the borrow lasts is rustc\'s borrow error; after its last use it is free', () => {
    expect(lower(`fn f() { let mut x: u64 = 0; let r = &mut x; assert(x == 0); *r = 1; }`).after.borrowErrors?.map((e) => e.message)).toEqual(['cannot use `x` because it was mutably borrowed (by `r`, used later)']);
    expect(lower(`fn f() { let mut x: u64 = 0; let r = &mut x; *r = 1; assert(x == 1); }`).after.borrowErrors).toBeUndefined();
  });

  it('leaves as written what needs the prophecy model or may not be the borrow rustc sees', () => {
    for (const body of [
      'let mut x: u64 = 0; let r = &mut x; let s = r; *s = 1;', // moved
      'let mut x: u64 = 0; let r = &mut x; assert(*final(r) == 1); *r = 1;', // prophecy
      'let mut x: u64 = 0; let r = &mut x; let c = || *r; *r = 1;', // captured
      'let mut x: u64 = 0; let r = &mut x; *r = x + 1;', // both in one statement
      'let mut x: u64 = 0; let r = &mut x; if b { assert(x == 0); return; } *r = 1;', // may jump: the borrow may be dead there
      'let x: u64 = 0; let r = &mut x; *r = 1;', // not `mut`: rustc's error, left to the checker
      'let mut x: u64 = 0; let r = &mut x; let r = 5u64; *r = 1;', // shadowed
    ]) {
      const { before, after } = lower(`fn f(b: bool) { ${body} }`);
      expect(after, body).toBe(before);
    }
  });

  it('chains reborrows and reaches borrows in nested blocks and loops', () => {
    const f = lower(`fn f() { let mut u: u64 = 0; let r = &mut u; let r2 = &mut *r; *r2 = 3; *r = 4; while true invariant *r == 4 { *r = 4; } if true { let q = &mut u; *q = 5; } }`).after;
    const t = printBlock(f.body!).replace(/\s+/g, ' ');
    expect(t).toContain('let ghost r2 = u;');
    expect(t).toContain('u = 3;');
    const loop = f.body!.stmts.find((s) => s.k === 'expr' && s.e.k === 'while');
    expect(JSON.stringify(loop, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).not.toContain('"segs":["r"]');
    expect(t).toContain('let ghost q = u;');
  });
});
