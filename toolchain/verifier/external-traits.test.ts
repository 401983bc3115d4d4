import { describe, it, expect } from 'vitest';
import { parseFile } from './parser';
import { lowerExternalTraits } from './external-traits';
import type { FnItem, Item, TraitImplItem, TraitItem } from './ast';

/** The crate's items after the phase (one file). */
function lower(body: string): Item[] {
  return lowerExternalTraits([parseFile('a.rs', `verus! {\n${body}\n}`)])[0]!.items;
}
const errors = (items: Item[]) => items.flatMap((it) => (it.k === 'error' ? [it.diagnostic.message] : []));
const unsupported = (items: Item[]) => items.flatMap((it) => (it.k === 'unsupported' ? [it.what] : []));

const EXTERNAL_T = '#[verifier::external] trait T<A> { type X; fn f(&self, a: A) -> usize; fn d(u: u32) -> u32 { u } fn hidden(&self); }';

describe('external-trait phase', () => {
  it('makes a specified external trait the crate\'s, with the proxy\'s declarations, and drops an unspecified one', () => {
    const items = lower([
      EXTERNAL_T,
      '#[verifier::external_trait_specification]',
      'trait ExT<B> {',
      '    type ExternalTraitSpecificationFor: T<B>;',
      '    type X;',
      '    fn f(&self, a: B) -> (r: usize) requires true ensures r > 7;',
      '    fn d(u: u32) -> (r: u32) requires u >= 100;',
      '}',
      '#[verifier::external] trait Unspecified { fn g(); }',
    ].join('\n'));
    expect(errors(items)).toEqual([]);
    expect(items.map((it) => it.k)).toEqual(['trait']);
    const t = items[0] as TraitItem;
    expect(t).toMatchObject({ name: 'T', generics: [{ name: 'B' }], assocTypes: [{ name: 'X' }] });
    // (`hidden` is not specified: verified code cannot call it)
    expect(t.methods.map((m) => [m.name, m.selfType, m.ensures.length, !!m.body])).toEqual([['f', 'T', 1, false], ['d', 'T', 0, true]]);
    // the external default body is kept as a trusted one
    expect(t.methods[1]!.attrs).toContain('verifier::external_body');
  });

  it('gives Verus\'s errors for a proxy that does not fit its trait', () => {
    const cases: [string, string][] = [
      ['trait T {}\n#[verifier::external_trait_specification] trait Ex { type ExternalTraitSpecificationFor: T; }', 'duplicate specification for trait `T`: it is not `#[verifier::external]`'],
      ['#[verifier::external] trait T { fn f(); }\n#[verifier::external_trait_specification] trait Ex1 { type ExternalTraitSpecificationFor: T; fn f(); }\n#[verifier::external_trait_specification] trait Ex2 { type ExternalTraitSpecificationFor: T; fn f(); }', 'duplicate method `f` in the specifications of `T`'],
      ['#[verifier::external] trait T { fn f() {} }\n#[verifier::external_trait_specification] trait Ex { type ExternalTraitSpecificationFor: T; fn f() {} }', '`external_trait_specification` functions cannot have bodies'],
      ['#[verifier::external] trait T { fn f(); }\n#[verifier::external_trait_specification] trait Ex { fn f(); }', 'trait must declare a type ExternalTraitSpecificationFor'],
      ['#[verifier::external] trait T<A, B> {}\n#[verifier::external_trait_specification] trait Ex<A, B> { type ExternalTraitSpecificationFor: T<B, A>; }', 'expected generics to match'],
      ['#[verifier::external] trait T<A> {}\n#[verifier::external_trait_specification] trait Ex<A: Copy> { type ExternalTraitSpecificationFor: T<A>; }', 'external_trait_specification trait bound mismatch'],
      ['#[verifier::external] trait T { fn f(); }\n#[verifier::external_trait_specification] trait Ex { type ExternalTraitSpecificationFor: T; fn g(); }', 'method `g` is not a member of trait `T`'],
      ['#[verifier::external] trait T { fn f(x: u8); }\n#[verifier::external_trait_specification] trait Ex { type ExternalTraitSpecificationFor: T; fn f(); }', 'method `f` has 0 parameter(s) but the declaration in trait `T` has 1'],
      ['#[verifier::external] trait T { type Owned; }\n#[verifier::external_trait_specification] trait Ex { type ExternalTraitSpecificationFor: T; }', 'Verus does not recognize associated type `Owned` of trait `T`'],
    ];
    for (const [src, message] of cases) expect(errors(lower(src)), src).toEqual([message]);
  });

  it('leaves a specification of a standard-library trait, or of a trait the crate does not have, unsupported', () => {
    expect(unsupported(lower('#[verifier::external_trait_specification] pub trait ExIter { type ExternalTraitSpecificationFor: core::iter::Iterator; }'))).toEqual(["a specification of the standard library's trait `core::..::Iterator`"]);
    expect(unsupported(lower('#[verifier::external_trait_specification] pub trait ExOwned { type ExternalTraitSpecificationFor: ToOwned; }'))).toEqual(['a specification of `ToOwned`, which is not an `#[verifier::external]` trait of the crate']);
  });

  it('reads an extension\'s traits as the trait itself: `TSpec` paths and bounds name it, an `impl TSpecImpl` joins the type\'s impl', () => {
    const items = lower([
      '#[verifier::external] trait T { fn f(&self) -> u8; }',
      '#[verifier::external_trait_specification]',
      '#[verifier::external_trait_extension(TSpec via TSpecImpl)]',
      'trait Ex { type ExternalTraitSpecificationFor: T; fn f(&self) -> (r: u8) requires self.s(); spec fn s(&self) -> bool; }',
      'impl T for u32 { type X = u16; fn f(&self) -> u8 { 1 } }',
      'impl TSpecImpl for u32 { open spec fn s(&self) -> bool { true } }',
      'proof fn p<A: TSpec>(a: A) { assert(TSpec::s(&a) == <A as TSpec>::s(&a)); }',
    ].join('\n'));
    expect(errors(items)).toEqual([]);
    const impl = items.find((it): it is TraitImplItem => it.k === 'trait-impl')!;
    expect(impl).toMatchObject({ trait: 'T', methods: ['f', 's'] });
    expect(items.filter((it) => it.k === 'trait-impl')).toHaveLength(1);
    const s = items.find((it): it is FnItem => it.k === 'fn' && it.name === 's')!;
    expect(s.traitImpl?.trait).toBe('T');
    expect(s.implAssocTypes?.map((b) => b.name)).toEqual(['X']);
    const p = items.find((it): it is FnItem => it.k === 'fn' && it.name === 'p')!;
    expect(p.genericParams?.[0]?.bounds[0]?.name).toBe('T');
    expect(JSON.stringify(p.body)).not.toContain('TSpec');
  });

  it('refuses `TSpecImpl` named anywhere but its impl, and an `impl TSpecImpl` without a matching impl of the trait', () => {
    const ext = '#[verifier::external] trait T<A> {}\n#[verifier::external_trait_specification]\n#[verifier::external_trait_extension(TSpec via TSpecImpl)]\ntrait Ex<A> { type ExternalTraitSpecificationFor: T<A>; spec fn s() -> bool; }\n';
    expect(errors(lower(`${ext}impl T<u8> for u8 {}\nimpl TSpecImpl<u8> for u8 { spec fn s() -> bool { true } }\nspec fn g() -> bool { <u8 as TSpecImpl<u8>>::s() }`))).toEqual(['cannot use trait `TSpecImpl` directly; use `TSpec` instead']);
    expect(errors(lower(`${ext}impl<A> T<A> for u32 {}\nimpl TSpecImpl<u8> for u32 { spec fn s() -> bool { true } }`))).toEqual(['TSpec must have a matching impl: `impl TSpecImpl` and `impl T` for `u32` differ in their generics']);
    expect(errors(lower(`${ext}impl TSpecImpl<u8> for u32 { spec fn s() -> bool { true } }`))).toEqual(['the trait bound `u32: T` is not satisfied (required by `TSpecImpl`)']);
    // (the unjoined impl's methods go with it)
    expect(lower(`${ext}impl TSpecImpl<u8> for u32 { spec fn s() -> bool { true } }`).some((it) => it.k === 'fn')).toBe(false);
  });
});
