import { describe, it, expect } from 'vitest';
import { parseFile } from './parser';
import { printType } from './printer';
import { lowerSpecDerive } from './spec-derive';
import type { Item } from './ast';

const expand = (src: string): Item[] => lowerSpecDerive([parseFile('k.rs', src)])[0]!.items;
const summary = (it: Item): string => {
  if (it.k === 'struct') return `struct ${it.name}${it.tupleLike ? '()' : ''} ${it.fields.map((f) => `${f.name}: ${printType(f.ty)}`).join(', ')}`;
  if (it.k === 'enum') return `enum ${it.name} ${it.variants.map((v) => `${v.name}(${v.fields.map((f) => printType(f.ty)).join(', ')})`).join(' ')}`;
  if (it.k === 'trait-impl') return `impl ${it.trait} for ${printType(it.selfTy)} V=${it.assocTypes.map((a) => printType(a.ty)).join()}`;
  if (it.k === 'fn') return `fn ${it.selfType}::${it.name} ${it.open ? 'open' : 'closed'}`;
  if (it.k === 'error') return `error: ${it.diagnostic.message}`;
  if (it.k === 'unsupported') return `unsupported: ${it.what}`;
  return it.k;
};

describe('spec-derive (#[make_spec_type] / #[self_view])', () => {
  it("makes a spec type of the fields' deep views, without the excluded ones, and the DeepView and View impls", () => {
    const items = expand(
      "#[make_spec_type(exclude(y), closed)]\npub struct S<'a> { pub x: u32, pub y: String, pub z: Vec<u8>, pub t: &'a i32, pub v: &'a Vec<(i32, &'a Vec<String>)>, pub w: &'a [&'a [E]], pub o: Option<Box<str>> }\n#[self_view]\npub enum E { A }\n",
    );
    expect(items.map(summary)).toEqual([
      "struct S x: u32, y: String, z: Vec<u8>, t: &i32, v: &Vec<(i32, &Vec<String>)>, w: &[&[E]], o: Option<Box<str>>",
      'struct SSpec x: u32, z: Seq<u8>, t: i32, v: Seq<(i32, Seq<Seq<char>>)>, w: Seq<Seq<E>>, o: Option<Seq<char>>',
      'fn S::deep_view closed',
      'impl DeepView for S V=SSpec',
      'fn S::view open',
      'impl View for S V=SSpec',
      'enum E A()',
      'fn E::view open',
      'impl View for E V=E',
      'fn E::deep_view open',
      'impl DeepView for E V=E',
    ]);
  });

  it('derives an enum of the same variants, and tuple and unit structs of the same form', () => {
    const items = expand('#[make_spec_type]\nenum E { A, B(u8, String), C { v: Vec<String> } }\n#[make_spec_type]\nstruct P(pub String, pub u8);\n#[make_spec_type]\nstruct U;\n');
    expect(items.map(summary).filter((s) => /Spec/.test(s) && !s.startsWith('impl'))).toEqual(['enum ESpec A() B(u8, Seq<char>) C(Seq<Seq<char>>)', 'struct PSpec() 0: Seq<char>, 1: u8', 'struct USpec ']);
  });

  it("reports the macro's errors at the attribute, and a field type whose deep view is not derived here as unsupported", () => {
    const errors = (src: string) => expand(src).filter((i) => i.k === 'error' || i.k === 'unsupported').map(summary);
    expect(errors('#[make_spec_type(exclude(q))]\nstruct S { a: u8 }\n')).toEqual(["error: Field 'q' does not exist and cannot be excluded"]);
    expect(errors('#[make_spec_type(skip(a))]\nstruct S { a: u8 }\n')).toEqual(['error: unknown option `skip(a)` of `#[make_spec_type]` (expected `exclude(..)` or `closed`)']);
    expect(errors('#[make_spec_type]\nstruct S<T> { a: T }\n')).toEqual(['error: `#[make_spec_type]` does not support generic type parameters (`S<T>`)']);
    expect(errors('#[make_spec_type]\nstruct S { a: Option<Box<S>> }\n')).toEqual(['error: `#[make_spec_type]` does not support a type that contains itself (`S`)']);
    expect(errors('#[self_view(x)]\nstruct S { a: u8 }\n')).toEqual(['error: `#[self_view]` takes no arguments']);
    expect(errors('pub struct Plain { a: u8 }\n#[make_spec_type]\nstruct S { p: Plain }\n')[0]).toMatch(/^error: the trait bound `Plain: DeepView` is not satisfied/);
    expect(errors('#[make_spec_type]\nstruct S { p: std::cell::Cell<u8> }\n')).toEqual(['unsupported: `#[make_spec_type]` on `S`: a field of type `std::cell::Cell`']);
    // (a crate type whose DeepView is written by hand: its `V` is not read here)
    expect(errors('verus! { struct H { a: u8 } impl DeepView for H { type V = u8; spec fn deep_view(&self) -> u8 { self.a } } }\n#[make_spec_type]\nstruct S { h: H }\n')).toEqual(['unsupported: `#[make_spec_type]` on `S`: a field of type `H` (its deep view is not derived here)']);
  });
});
