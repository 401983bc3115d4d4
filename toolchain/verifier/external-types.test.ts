import { describe, it, expect } from 'vitest';
import { parseFile } from './parser';
import { lowerExternalTypes } from './external-types';
import type { Item } from './ast';

/** The crate's items after the phase (one user file; `library`: the crate uses vstd). */
function lower(body: string, library = false): Item[] {
  const files = [parseFile('a.rs', `verus! {\n${body}\n}`)];
  if (library) files.push(parseFile('/library/vstd/x.rs', 'verus! {}'));
  return lowerExternalTypes(files, (f) => f.startsWith('/library/'))[0]!.items;
}
const errors = (items: Item[]) => items.flatMap((it) => (it.k === 'error' ? [it.diagnostic.message] : []));
const unsupported = (items: Item[]) => items.flatMap((it) => (it.k === 'unsupported' ? [it.what] : []));

describe('external-type phase', () => {
  it('makes a specified external datatype the crate\'s: transparent, or opaque with the proxy\'s attributes on its own parameter names', () => {
    const items = lower([
      '#[verifier::external] struct Foo<X: Clone, Y> { x: X, y: Y }',
      '#[verifier::external_type_specification] #[verifier::external_body]',
      '#[verifier::reject_recursive_types(A)] #[verifier::accept_recursive_types(B)]',
      'struct ExFoo<A: Clone, B>(Foo<A, B>);',
      '#[verifier::external] enum E { One(u8), Two }',
      '#[verifier::external_type_specification] struct ExE(E);',
      '#[verifier::external] struct Unspecified { x: u8 }',
    ].join('\n'));
    expect(errors(items)).toEqual([]);
    expect(items.map((it) => it.k)).toEqual(['struct', 'enum']);
    expect(items[0]).toMatchObject({ name: 'Foo', attrs: ['verifier::external_body', 'verifier::reject_recursive_types(X)', 'verifier::accept_recursive_types(Y)'] });
    expect(items[1]).toMatchObject({ name: 'E', attrs: [] });
  });

  it('gives Verus\'s errors for a proxy that does not fit its datatype', () => {
    const cases: [string, string][] = [
      ['#[verifier::external] struct Foo<X, Y> { x: X, y: Y }\n#[verifier::external_type_specification] struct ExFoo<X, Y>(Foo<Y, X>);', 'expected generics to match'],
      ['#[verifier::external] struct Foo<X, Y> { x: X, y: Y }\n#[verifier::external_type_specification] struct ExFoo<X>(Foo<X, X>);', 'expected generics to match'],
      ['#[verifier::external] struct Foo<X, Y> { x: X, y: Y }\n#[verifier::external_type_specification] struct ExFoo<X: Clone, Y>(Foo<X, Y>);', 'trait bounds should match'],
      ['#[verifier::external] pub struct X { }\n#[verifier::external_type_specification] struct Ex(X);', '`external_type_specification` proxy type should be visible to the external type'],
      ['#[verifier::external] pub struct S<T> { t: T }\n#[verifier::external_type_specification] pub struct ExS<U>(S<U>);', "external_type_specification: private fields not supported for transparent datatypes (try 'external_body' instead?)"],
      ['#[verifier::external] struct X { }\n#[verifier::external_type_specification] struct ExX(X);\n#[verifier::external_type_specification] struct ExY(X);', 'duplicate specification for `X`'],
      ['#[verifier::external_type_specification] pub ghost struct ExOption<T>(core::option::Option<T>);', 'external_type_specification can only be used with exec types'],
      ['#[verifier::external_type_specification] enum Ex { Stuff(u8) }', '`external_type_specification` proxy type should use a struct with a single field to declare the external type (even if the external type is an enum)'],
      ['#[verifier::external_type_specification] pub struct Foo(int);', 'cannot apply `external_type_specification` to Verus verus_builtin types'],
      ['#[verifier::external_type_specification] struct ExOption1<T>(core::option::Option<T>);', '`external_type_specification` proxy type should be visible to the external type'],
      ['#[verifier::external_type_specification] #[verifier::external_body] pub struct ExOption<U>(core::option::Option<U>);', 'in external_body datatype, each type parameter must be one of: #[verifier::reject_recursive_types], #[verifier::reject_recursive_types_in_ground_variants], #[verifier::accept_recursive_types]'],
    ];
    for (const [src, message] of cases) expect(errors(lower(src)), src).toContain(message);
    // vstd already specifies `Option`
    expect(errors(lower('#[verifier::external_type_specification] pub struct ExOption1<T>(core::option::Option<T>);', true))).toEqual(['duplicate specification for `core::option::Option`']);
    expect(errors(lower('#[verifier::external_type_specification] pub struct ExOption1<T>(core::option::Option<T>);'))).toEqual([]);
  });

  it('reports what it cannot see as unsupported for the whole crate', () => {
    for (const src of [
      '#[verifier::external_type_specification] pub struct ExRange<Idx>(core::ops::Range<Idx>);',
      '#[verifier::external_type_specification] struct ExFoo(Elsewhere);',
      "#[verifier::external] struct Foo<'a, X> { x: &'a X }\n#[verifier::external_type_specification] struct ExFoo<'a, X>(Foo<'a, X>);",
    ]) {
      const items = lower(src);
      expect(unsupported(items).length, src).toBe(1);
      expect(items.some((it) => it.k === 'unsupported' && it.crate)).toBe(true);
    }
  });

  it('leaves a crate without external datatypes as it is', () => {
    const files = [parseFile('a.rs', 'verus! { struct S { x: u8 } }')];
    expect(lowerExternalTypes(files, () => false)).toBe(files);
  });
});
