import { describe, it, expect } from 'vitest';
import { parseFile } from './parser';
import { printExpr, printStmt, printType } from './printer';
import { lowerExecSpec } from './exec-spec';
import type { FnItem, Item } from './ast';

const expand = (src: string): Item[] => lowerExecSpec([parseFile('k.rs', `verus! { ${src} }`)])[0]!.items;
const summary = (it: Item): string => {
  if (it.k === 'struct') return `struct ${it.name} ${it.fields.map((f) => `${f.name}: ${printType(f.ty)}`).join(', ')}`;
  if (it.k === 'enum') return `enum ${it.name} ${it.variants.map((v) => `${v.name}(${v.fields.map((f) => printType(f.ty)).join(', ')})`).join(' ')}`;
  if (it.k === 'trait-impl') return `impl ${it.trait} for ${printType(it.selfTy)}`;
  if (it.k === 'fn') return `${it.mode} fn ${it.selfType ? `${it.selfType}::` : ''}${it.name}(${it.params.map((p) => `${p.name}: ${printType(p.ty)}`).join(', ')})`;
  if (it.k === 'error') return `error: ${it.diagnostic.message}`;
  if (it.k === 'unsupported') return `unsupported: ${it.what}`;
  return it.k;
};
const fnNamed = (items: Item[], name: string): FnItem => items.find((it): it is FnItem => it.k === 'fn' && it.name === name)!;
/** The exec code's obligations of `f`, as its check function states them. */
const checks = (src: string, name: string): string => fnNamed(expand(src), `exec_spec_check__${name}`).body!.stmts.map(printStmt).join(' ');

describe('exec-spec (exec_spec_verified! / exec_spec_unverified!)', () => {
  it('makes an Exec datatype of the exec counterparts of the fields, with its DeepView impl', () => {
    const items = expand('exec_spec_verified! { struct S { a: u32, b: SpecString, c: Seq<Seq<u8>>, d: Option<(T, bool)> } enum T { A, B(Seq<char>) } }');
    expect(items.map(summary)).toEqual([
      'struct S a: u32, b: SpecString, c: Seq<Seq<u8>>, d: Option<(T, bool)>',
      'struct ExecS a: u32, b: String, c: Vec<Vec<u8>>, d: Option<(ExecT, bool)>',
      'spec fn ExecS::deep_view(self: &Self)',
      'impl DeepView for ExecS',
      'enum T A() B(Seq<char>)',
      'enum ExecT A() B(Vec<char>)',
      'spec fn ExecT::deep_view(self: &Self)',
      'impl DeepView for ExecT',
    ]);
  });

  it('gives each spec fn an exec version with borrowed parameters, its recommends as a precondition and, when verified, a check', () => {
    const items = expand('exec_spec_verified! { spec fn f(s: SpecString, v: Seq<u8>, i: usize) -> Seq<u8> recommends i < v.len() { v } } exec_spec_unverified! { spec fn g(x: u32) -> u32 { x } }');
    expect(items.map(summary)).toEqual([
      'spec fn f(s: SpecString, v: Seq<u8>, i: usize)',
      'exec fn exec_f(s: &str, v: &[u8], i: usize)',
      'spec fn exec_spec_requires__f(s: SpecString, v: Seq<u8>, i: usize)',
      'spec fn g(x: u32)',
      'exec fn exec_g(x: u32)',
    ]);
    const exec = fnNamed(items, 'exec_f');
    expect(exec.attrs).toContain('verifier::external_body');
    expect(printType(exec.ret!.ty)).toBe('Vec<u8>');
    expect(exec.requires.map(printExpr)).toEqual(['exec_spec_requires__f(s.deep_view(), v.deep_view(), i.deep_view())']);
    expect(exec.ensures.map(printExpr)).toEqual(['(exec_spec_result.deep_view() == f(s.deep_view(), v.deep_view(), i.deep_view()))']);
    // (`v` has no obligations, so no check is made)
    expect(items.some((it) => it.k === 'fn' && it.name.startsWith('exec_spec_check__'))).toBe(false);
  });

  it('reads a `Set` as a `HashSet` of the exec counterparts, borrowed, its length a `usize` that fits one', () => {
    const items = expand('exec_spec_verified! { spec fn h(s: Set<Seq<u8>>) -> Set<Seq<u8>> { s.insert(Seq::empty()) } spec fn n(s: Set<u8>) -> usize { (s.len() + 1) as usize } }');
    expect(printType(fnNamed(items, 'exec_h').params[0]!.ty)).toBe('&HashSet<Vec<u8>>');
    expect(printType(fnNamed(items, 'exec_h').ret!.ty)).toBe('HashSet<Vec<u8>>');
    const check = fnNamed(items, 'exec_spec_check__n');
    expect(check.requires.map(printExpr)).toEqual(['(s.len() <= usize::MAX)']);
    expect(check.body!.stmts.map(printStmt).join(' ')).toContain('usize::MIN <= (s.len() + 1) <= usize::MAX');
  });

  it('checks arithmetic in the exec type Rust infers (literals take the other operand’s, `as int` is erased)', () => {
    expect(checks('exec_spec_verified! { spec fn f(x: u32) -> u32 { (x * x + 1) as u32 } }', 'f')).toBe('assert((u32::MIN <= (x * x) <= u32::MAX)); assert((u32::MIN <= ((x * x) + 1) <= u32::MAX));');
    expect(checks('exec_spec_verified! { spec fn f(x: u8) -> bool { (x as int) + 1 > 3 } }', 'f')).toBe('assert((u8::MIN <= ((x as int) + 1) <= u8::MAX));');
    expect(checks('exec_spec_verified! { spec fn f(x: u64, y: u64) -> u64 { x / y } }', 'f')).toBe('assert((y != 0));');
  });

  it('checks an operand of `&&`, `||`, `==>` and `if` only where it is evaluated', () => {
    expect(checks('exec_spec_verified! { spec fn f(s: Seq<u8>, i: usize) -> bool { i < s.len() && s[i as int] == 0 } }', 'f')).toBe('if (i < s.len()) { assert((0 <= (i as int) < s.len())); }');
    expect(checks('exec_spec_verified! { spec fn f(x: u8) -> u8 { if x > 0 { (x - 1) as u8 } else { x } } }', 'f')).toBe('if (x > 0) { assert((u8::MIN <= (x - 1) <= u8::MAX)); }');
  });

  it('asks a callee’s precondition, and a quantifier’s body for each value of its range', () => {
    expect(checks('exec_spec_verified! { spec fn g(x: u8) -> u8 recommends x < 9 { x } spec fn f(x: u8) -> u8 { g(x) } }', 'f')).toBe('assert(exec_spec_requires__g(x));');
    const [q] = fnNamed(expand('exec_spec_verified! { spec fn f(s: Seq<u8>) -> bool { forall |i: usize| 0 <= i < s.len() ==> s[i as int + 1] > 0 } }'), 'exec_spec_check__f').body!.stmts;
    expect(q).toMatchObject({ k: 'assert-forall', params: [{ name: 'i' }] });
    if (q?.k !== 'assert-forall') return;
    expect([printExpr(q.lhs!), printExpr(q.rhs), printExpr(q.triggers[0]![0]!)]).toEqual(['(0 <= i < s.len())', 'exec_spec_evaluated(i)', 'exec_spec_evaluated(i)']);
    expect(q.proof!.stmts.map(printStmt)).toEqual(['assert((usize::MIN <= ((i as int) + 1) <= usize::MAX));', 'assert((0 <= ((i as int) + 1) < s.len()));']);
  });

  it("reports the macros' errors, and types whose exec counterparts are not modelled as unsupported", () => {
    const errors = (src: string) => expand(src).filter((it) => it.k === 'error' || it.k === 'unsupported').map(summary);
    expect(errors('exec_spec_verified! { struct W { v: u32 } impl W { spec fn g(self) -> u32 { self.v } } }')).toEqual(['error: only `&self` is supported in exec_spec methods']);
    expect(errors('exec_spec_verified! { struct W { v: u32 } impl W { spec fn g(&mut self) -> u32 { self.v } } }')).toEqual(['error: `&mut self` is not supported in exec_spec']);
    expect(errors('exec_spec_verified! { struct W { v: u32 } impl<T> W { spec fn g(&self) -> u32 { self.v } } }')).toEqual(['error: generics not supported in exec_spec']);
    expect(errors('trait Tr { spec fn l() -> u32; } exec_spec_verified! { struct W { v: u32 } impl Tr for W { open spec fn l() -> u32 { 0 } } }')).toEqual(['error: trait impls not supported in exec_spec']);
    expect(errors('exec_spec_verified! { spec fn f(x: int) -> bool { x > 0 } }')).toEqual(['error: the type `int` has no exec counterpart in exec_spec']);
    expect(errors('exec_spec_verified! { spec fn f(x: u8) -> bool { h(x) } } spec fn h(x: u8) -> bool { true }')).toEqual(['error: cannot find function `exec_h`: `h` is not a spec fn of an exec_spec macro']);
    expect(errors('exec_spec_verified! { spec fn f(s: Seq<u8>) -> bool { forall |i: usize| s[i as int] > 0 } }')).toEqual(['error: exec_spec reads `forall` only as `forall |x| lo <= x < hi ==> ..`']);
    expect(errors('exec_spec_verified! { spec fn f(x: u32, y: u64) -> bool { x + 1 == y } }')).toEqual(['error: mismatched types: `u32` and `u64` in exec code']);
    expect(errors('exec_spec_verified! { spec fn f(s: Map<u8, u8>) -> bool { true } }')).toEqual(['unsupported: exec_spec: `Map` (the deep views of its exec counterpart, `HashMap`, are not modelled)']);
    expect(errors('exec_spec_verified! { spec fn f(s: Set<u8>) -> bool { s.subset_of(s) } }')).toEqual(['unsupported: exec_spec: the method `subset_of` in an exec_spec function']);
    expect(errors('exec_spec_verified! { spec fn f(s: Set<u8>) -> bool { s.contains(1u8) } }')).toEqual([]);
    expect(errors('exec_spec_verified! { spec fn f(x: i32, y: i32) -> i32 { x / y } }')).toEqual(['unsupported: exec_spec: `/` of signed integers in an exec_spec function']);
  });
});
