import { describe, expect, it } from 'vitest';
import { parseFile } from './parser';
import { lowerTraits } from './traits';
import type { FnItem, Item } from './ast';

function lower(body: string): { items: Item[]; before: string; after: () => string } {
  const file = parseFile('t.rs', `verus! {\n${body}\n}`);
  const before = JSON.stringify(file.items, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
  const [out] = lowerTraits([file]);
  return { items: out!.items, before, after: () => JSON.stringify(file.items, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)) };
}
const method = (items: Item[], q: string) => items.find((it): it is FnItem => it.k === 'fn' && `${it.selfType}::${it.name}` === q);
const what = (items: Item[]) => items.filter((it) => it.k === 'unsupported' || it.k === 'error').map((it) => (it.k === 'error' ? `error: ${it.diagnostic.message}` : `unsupported: ${(it as { what: string }).what}`));

describe('lowerTraits', () => {
  it("gives an impl method the trait's requires and ensures (then its own), renamed to its parameters, without touching the parse tree", () => {
    const { items, before, after } = lower(`trait Tr { fn f(&self, a: u64) -> (r: u64) requires a > 0 ensures r < a; }
struct S { x: u64 }
impl Tr for S { fn f(&self, b: u64) -> (out: u64) ensures out == 0 { 0 } }`);
    const f = method(items, 'S::f')!;
    expect(f.requires).toHaveLength(1);
    expect(f.ensures).toHaveLength(2);
    const names: string[] = [];
    JSON.stringify([f.requires, f.ensures], (_k, v: { k?: string; segs?: string[] } | bigint) => {
      if (typeof v === 'bigint') return String(v);
      if (v && typeof v === 'object' && v.k === 'path' && v.segs) names.push(v.segs.join('::'));
      return typeof v === 'bigint' ? String(v) : v;
    });
    expect(names).toEqual(['b', 'out', 'b', 'out']);
    expect(after()).toBe(before);
    expect(what(items)).toEqual([]);
  });

  it('reports impls it does not model as unsupported, and missing or extra methods as errors', () => {
    const { items } = lower(`trait G<A: Tr> { fn f(&self); }
trait Tr { fn f(&self); }
trait Assoc { const X: u8; }
trait Tys { type X; }
struct S { x: u64 }
struct U { x: u64 }
struct V { x: u64 }
impl PartialEq for S { fn eq(&self, o: &Self) -> bool { true } }
impl Tr for (u64, u64) { fn f(&self) {} }
impl Tr for S { fn f(&self) {} }
struct W { x: u64 }
impl Tr for W {}
impl Tr for U { fn f(&self) {} fn g(&self) {} }
impl S { fn f(&self) {} }
impl Tr for V { fn f(&self) {} }
impl Assoc for V { const X: u8 = 1; }
impl Tys for V { type Y = u8; }
impl Tys for W {}`);
    expect(what(items)).toEqual([
      "unsupported: trait `G`: a bound on a generic trait's parameter (`Tr`)",
      'unsupported: trait `Assoc`: associated constant',
      'unsupported: impl of trait `PartialEq`, which the crate does not define',
      'unsupported: impl of trait `Tr` for `a tuple`: a type other than a named one',
      'unsupported: method `f` of trait `Tr`: `S` has another method of that name (method resolution between impls is not modelled)',
      'error: not all trait items implemented, missing: `f`',
      'error: method `g` is not a member of trait `Tr`',
      'unsupported: impl of trait `Assoc` (associated constant)',
      'error: type `Y` is not a member of trait `Tys`',
      'error: not all trait items implemented, missing: `X`',
    ]);
    expect(method(items, 'V::f')?.traitImpl?.trait).toBe('Tr');
    expect(method(items, 'U::f')).toBeUndefined();
  });

  it("checks `unsafe trait` against `unsafe impl` (rustc E0199 / E0200), refuses `unsafe impl Send / Sync` (Verus); a marker trait's impl bounded by another trait leaves the whole crate unsupported, even an external one", () => {
    const { items } = lower(`pub unsafe trait Un { fn f(&self); }
pub trait Safe { fn f(&self); }
struct S {}
struct T {}
struct R<A> { a: A }
struct Q<A> { a: A }
impl Un for S { fn f(&self) {} }
unsafe impl Safe for S { fn f(&self) {} }
unsafe impl Un for T { fn f(&self) {} }
unsafe impl<A: Sync> Sync for R<A> {}
#[verifier::external]
unsafe impl<A: Safe> Send for Q<A> {}`);
    expect(what(items)).toEqual([
      'error: the trait `Un` requires an `unsafe impl` declaration',
      'error: implementing the trait `Safe` is not unsafe',
      // (Verus: Send and Sync are for its own rules to grant)
      'error: unsafe impl for `Sync` is not allowed',
      'unsupported: an impl of `Send` bounded by `Safe` (the trait cycles it may close are not checked)',
    ]);
    expect(items.filter((it) => it.k === 'unsupported' && it.crate)).toHaveLength(1);
    expect(method(items, 'T::f')?.traitImpl?.trait).toBe('Un');
  });

  it('refuses a rename that a binder of the trait clauses would capture', () => {
    const { items } = lower(`trait Tr { spec fn p(&self, i: int) -> bool; fn f(&self, a: u64) requires forall|b: int| self.p(b) ==> b < a; }
struct S { x: u64 }
impl Tr for S { spec fn p(&self, i: int) -> bool { true } fn f(&self, b: u64) {} }`);
    expect(method(items, 'S::f')!.traitImpl?.unsupported?.message).toMatch(/renames `a` to `b`/);
  });
});
