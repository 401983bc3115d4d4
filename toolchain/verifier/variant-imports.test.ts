import { describe, expect, it } from 'vitest';
import { parseFile } from './parser';
import { printExpr, printPat } from './printer';
import { lowerVariantImports, useDecls } from './variant-imports';
import type { Expr, FnItem, Pat, SourceFile } from './ast';

const lower = (files: SourceFile[]) => lowerVariantImports(files, () => false);
const fnNamed = (f: SourceFile, name: string) => f.items.find((it): it is FnItem => it.k === 'fn' && it.name === name)!;

describe('variant imports', () => {
  it('reads use declarations: paths, groups, globs; renamed and nested leaves are not variant imports', () => {
    expect(useDecls('use crate::m::E::*; use E::{A, B as C, f::g, D}; use self::E::X;\n// use E::Hidden;')).toEqual([
      { prefix: ['m', 'E'], leaves: ['*'] },
      { prefix: ['E'], leaves: ['A', 'D'] },
      { prefix: ['E'], leaves: ['X'] },
    ]);
  });

  it('writes an imported bare variant out in expressions and patterns, and nothing else', () => {
    const src = `verus! {
enum Color { Red, Green(u8) }
use Color::*;
fn f(c: Color) -> u8 { let g = Green(1); match c { Red => 0, Green(x) => x } }
}`;
    const [out] = lower([parseFile('a.rs', src)]);
    const f = fnNamed(out!, 'f');
    const body = f.body!.stmts;
    const init = (body[0] as { init: Expr }).init;
    expect(printExpr(init)).toBe('Color::Green(1)');
    const m = (body[1] as { e: Extract<Expr, { k: 'match' }> }).e;
    expect(m.arms.map((a) => printPat(a.pat as Pat))).toEqual(['Color::Red', 'Color::Green(x)']);
    // the parse tree it was given is unchanged
    const before = fnNamed(parseFile('a.rs', src), 'f');
    expect(printExpr((before.body!.stmts[0] as { init: Expr }).init)).toBe('Green(1)');
    // a file or an item with nothing to rewrite keeps its identity
    const plain = parseFile('p.rs', `verus! {\nenum Color { Red }\nuse Color::*;\nfn g() -> u8 { 1 }\nfn h() { let r = Red; }\n}`);
    const [q] = lower([plain]);
    expect(fnNamed(q!, 'g')).toBe(fnNamed(plain, 'g'));
    expect(fnNamed(q!, 'h')).not.toBe(fnNamed(plain, 'h'));
    const none = parseFile('n.rs', `verus! {\nfn g() -> u8 { 1 }\n}`);
    expect(lower([none])[0]).toBe(none);
  });

  it('leaves a name alone when the crate has another item of that name, or when two enums give it', () => {
    const clash = `verus! {
enum Color { Red, Green(u8) }
struct Red { }
use Color::*;
fn f() -> u8 { let g = Green(1); 0 }
fn h() -> Red { Red { } }
}`;
    const [a] = lower([parseFile('a.rs', clash)]);
    expect(printExpr((fnNamed(a!, 'f').body!.stmts[0] as { init: Expr }).init)).toBe('Color::Green(1)');
    const hb = fnNamed(a!, 'h').body!.stmts[0] as { e: Expr };
    expect(hb.e).toMatchObject({ k: 'struct', path: ['Red'] });
    const twice = `verus! {
enum A { X }
enum B { X }
use A::*;
use B::*;
fn f() { let v = X; }
}`;
    const [b] = lower([parseFile('b.rs', twice)]);
    expect(printExpr((fnNamed(b!, 'f').body!.stmts[0] as { init: Expr }).init)).toBe('X');
  });
});
