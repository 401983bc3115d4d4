import { describe, expect, it } from 'vitest';
import { parseFile } from './parser';
import { lowerCtorPaths } from './ctor-paths';
import { printBlock } from './printer';
import type { FnItem, SourceFile } from './ast';

function lower(src: string): { file: SourceFile; out: SourceFile; body: (name: string) => string } {
  const file = parseFile('t.rs', `verus! {\n${src}\n}`);
  expect(file.diagnostics).toEqual([]);
  const [out] = lowerCtorPaths([file]);
  const body = (name: string) => printBlock(out!.items.find((it): it is FnItem => it.k === 'fn' && (it.name === name || `${it.selfType}::${it.name}` === name))!.body!).replace(/\s+/g, ' ');
  return { file, out: out!, body };
}

describe('lowerCtorPaths', () => {
  it('writes `Self(..)` and the unit `Self` of a struct impl with the struct`s name', () => {
    const { body } = lower(`struct W(u64);
struct U;
impl W { fn new(x: u64) -> Self { Self(x) } fn get(self) -> u64 { let Self(v) = self; v } }
impl U { fn mk() -> Self { Self } }`);
    expect(body('W::new')).toContain('W(x)');
    expect(body('U::mk')).toMatch(/\{ U \}/);
    // a pattern `Self(v)` the checker reads itself
    expect(body('W::get')).toContain('let Self(v)');
  });

  it('follows an alias of a crate datatype in variant paths, struct literals and patterns', () => {
    const { body } = lower(`enum D { L(u8), R { a: u8 } }
type Dd = D;
struct P { a: u8 }
type Pp = P;
fn f(d: D) -> u8 { let x = Dd::L(3); let p = Pp { a: 1 }; let Pp { a } = p; match d { Dd::L(v) => v, Dd::R { a } => a } }`);
    const t = body('f');
    expect(t).toContain('D::L(3)');
    expect(t).toContain('P { a: 1 }');
    expect(t).not.toMatch(/Dd::|Pp/);
  });

  it('leaves what rustc refuses or an alias it cannot follow as written, and files without them untouched', () => {
    const { body, file, out } = lower(`struct A(u8);
type Aa = A;
type G<T> = Option<T>;
enum E { V }
type Twice = E;
type Twice = E;
fn f() { let a = Aa(3); let o = G::Some(1); let e = Twice::V; }`);
    const t = body('f');
    expect(t).toContain('Aa(3)');
    expect(t).toContain('G::Some(1)');
    expect(t).toContain('Twice::V');
    expect(out).toBe(file);
  });
});
