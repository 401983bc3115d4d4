import { describe, it, expect } from 'vitest';
import { lex } from '../syntax/lexer';
import { expandStructWithInvariants } from './struct-invariants';
import { parseFile } from './parser';
import { printType } from './printer';
import type { FnItem, Item, StructItem, TraitImplItem } from './ast';

/** The expansion of `src` as text (tokens joined by spaces), and the macro's errors. */
function expand(src: string): { text: string; errors: string[] } {
  const r = expandStructWithInvariants(lex(src).tokens);
  return { text: r.tokens.filter((t) => t.kind !== 'eof').map((t) => t.text).join(' '), errors: r.errors.map((e) => e.message) };
}

const COUNTER = [
  'struct_with_invariants! {',
  '    pub struct Counter {',
  '        pub value: AtomicU64<_, (), _>,',
  '        pub limit: u64,',
  '    }',
  '    pub open spec fn wf(&self) -> bool {',
  '        predicate { self.limit > 0 }',
  '        invariant on value with (limit) is (v: u64, g: ()) {',
  '            v <= limit',
  '        }',
  '    }',
  '}',
].join('\n');

describe('struct_with_invariants! (struct-invariants.ts)', () => {
  it('fills in the constant and predicate types, states them in the spec fn and defines the predicate', () => {
    const f = parseFile('a.rs', `verus! {\n${COUNTER}\n}`);
    expect(f.diagnostics).toEqual([]);
    const s = f.items.find((it): it is StructItem => it.k === 'struct' && it.name === 'Counter')!;
    expect(s.fields.map((x) => `${x.name}: ${printType(x.ty)}`)).toEqual(['value: AtomicU64<u64, (), InvariantPredicate_auto_Counter_value>', 'limit: u64']);
    const wf = f.items.find((it): it is FnItem => it.k === 'fn' && it.name === 'wf')!;
    expect(wf).toMatchObject({ selfType: 'Counter', mode: 'spec', open: true });
    const impl = f.items.find((it): it is TraitImplItem => it.k === 'trait-impl')!;
    expect(impl.trait).toBe('AtomicInvariantPredicate');
    expect(impl.traitArgs.map(printType)).toEqual(['u64', 'u64', '()']);
    const inv = f.items.find((it): it is FnItem => it.k === 'fn' && it.name === 'atomic_inv')!;
    expect(inv.params.map((p) => p.name)).toEqual(['__k', 'v', 'g']);
    expect(inv.open).toBeFalsy();
    const { text } = expand(COUNTER);
    // the spec fn: the predicate, then the field well formed with its constant
    expect(text).toContain('( { self . limit > 0 } ) && ( { self . value . well_formed ( ) && self . value . constant ( ) == self . limit } )');
    // the invariant's body sees the `with` fields by name
    expect(text).toContain('let limit = __k ; { v <= limit }');
  });

  it('keeps the source spans of what the user wrote', () => {
    const src = `verus! {\n${COUNTER}\n}`;
    const f = parseFile('a.rs', src);
    const inv = f.items.find((it): it is FnItem => it.k === 'fn' && it.name === 'atomic_inv')!;
    const stmts = inv.body!.stmts;
    const body = stmts[stmts.length - 1]!;
    expect(body.k).toBe('expr');
    const e = (body as { e: { k: string; block: { stmts: { sp: { start: number; end: number } }[] } } }).e;
    expect(src.slice(e.block.stmts[0]!.sp.start, e.block.stmts[0]!.sp.end)).toBe('v <= limit');
  });

  it('packs several `with` fields and `forall` variables into a tuple constant, and reads `where` / `specifically`', () => {
    const { text, errors } = expand([
      'struct_with_invariants! {',
      '    struct S<T> {',
      '        cells: Vec<AtomicBool<_, T, _>>,',
      '        a: u8,',
      '        b: Seq<T>,',
      '    }',
      '    spec fn wf(&self) -> bool {',
      '        invariant on cells with (a, b) forall |i: int| where (0 <= i < self.cells@.len()) specifically (self.cells@[i]) is (v: bool, g: T) {',
      '            v && i < a',
      '        }',
      '    }',
      '}',
    ].join('\n'));
    expect(errors).toEqual([]);
    expect(text).toContain('cells : Vec < AtomicBool < ( u8 , Seq < T > , int ) , T , InvariantPredicate_auto_S_cells < T > > > ,');
    expect(text).toContain('impl < T > vstd :: atomic_ghost :: AtomicInvariantPredicate < ( u8 , Seq < T > , int ) , bool , T > for InvariantPredicate_auto_S_cells < T >');
    expect(text).toContain('let ( a , b , i ) = __k ;');
    expect(text).toContain('forall | i : int | ( 0 <= i < self . cells @ . len ( ) ) ==> ( ( self . cells @ [ i ] ) . well_formed ( ) && ( self . cells @ [ i ] ) . constant ( ) == ( self . a , self . b , i ) )');
  });

  it('reads an invariant type (one parameter, no `well_formed`) and a type argument written `<<A as Tr>::T`', () => {
    const inv = expand('struct_with_invariants! { struct S { i: LocalInvariant<_, u8, _> } spec fn wf(&self) -> bool { invariant on i is (v: u8) { v > 0 } } }');
    expect(inv.errors).toEqual([]);
    expect(inv.text).toContain('vstd :: invariant :: InvariantPredicate < ( ) , u8 >');
    expect(inv.text).toContain('( { self . i . constant ( ) == ( ) } )');
    const ptr = expand('struct_with_invariants! { struct S<A: Tr> { p: AtomicPtr<<A as Tr>::T, _, (), _>, } spec fn wf(&self) -> bool { invariant on p is (v: *mut <A as Tr>::T, g: ()) { true } } }');
    expect(ptr.errors).toEqual([]);
    expect(ptr.text).toContain('p : AtomicPtr < < A as Tr > :: T , ( ) , ( ) , InvariantPredicate_auto_S_p < A > >');
    expect(ptr.text).toContain('AtomicInvariantPredicate < ( ) , * mut < A as Tr > :: T , ( ) >');
  });

  it('states the clauses in the order they are written, whatever the fields\' order', () => {
    const { text, errors } = expand('struct_with_invariants! { pub(crate) struct S { a: AtomicBool<_, (), _>, b: AtomicBool<_, (), _> } spec fn wf(&self) -> bool { invariant on b is (v: bool, g: ()) { v } predicate { true } invariant on a is (v: bool, g: ()) { !v } } }');
    expect(errors).toEqual([]);
    expect(text).toContain('pub ( crate ) struct S {');
    expect(text).toContain('( { self . b . well_formed ( ) && self . b . constant ( ) == ( ) } ) && ( { true } ) && ( { self . a . well_formed ( ) && self . a . constant ( ) == ( ) } )');
  });

  it('reports the macro\'s errors at their spans', () => {
    const err = (body: string, fields = 'a: AtomicU64<_, (), _>, n: u64,') => expand(`struct_with_invariants! { struct S { ${fields} } spec fn wf(&self) -> bool { ${body} } }`).errors;
    expect(err('')).toEqual(["struct_with_invariants!: the field `a` leaves its type's parameters `_` but has no `invariant on a`"]);
    expect(err('invariant on b is (v: u64, g: ()) { true }')).toEqual(['struct_with_invariants!: no field `b` in `S`']);
    expect(err('invariant on n is (v: u64, g: ()) { true } invariant on a is (v: u64, g: ()) { true }')[0]).toMatch(/the field `n` has an invariant but its type leaves nothing to fill in/);
    expect(err('invariant on a is (v: u64) { true }')).toEqual(["struct_with_invariants!: expected 2 parameters after `is` (the atomic's value, then its ghost value), found 1"]);
    expect(err('invariant on a with (zz) is (v: u64, g: ()) { true }')).toEqual(['struct_with_invariants!: no field `zz` in `S`']);
    expect(err('invariant on a is (v: u64, g: ()) { true } invariant on a is (v: u64, g: ()) { true }')).toEqual(['struct_with_invariants!: a second invariant on `a`']);
    expect(err('v > 0')).toEqual(['struct_with_invariants!: expected `predicate` or `invariant`, found `v`']);
    expect(err('invariant on a is (v: u64, g: ()) { true }', 'a: AtomicU64<u8, (), _>,')[0]).toMatch(/constant and predicate type arguments must be `_`/);
    expect(err('invariant on a forall |i: int| is (v: u64, g: ()) { true }')[0]).toMatch(/`forall` needs `specifically/);
    const src = 'verus! { struct_with_invariants! { struct S { a: AtomicU64<_, (), _> } spec fn wf(&self) -> bool { invariant on b is (v: u64, g: ()) { true } } } }';
    const d = parseFile('a.rs', src).diagnostics;
    expect(d.map((x) => src.slice(x.sp.start, x.sp.end))).toEqual(['b']);
  });

  it('leaves a file without the macro as it is', () => {
    const toks = lex('struct S { a: u8 }').tokens;
    expect(expandStructWithInvariants(toks).tokens).toBe(toks);
    const items: Item[] = parseFile('a.rs', 'verus! { fn struct_with_invariants() {} }').items;
    expect(items.map((it) => it.k)).toEqual(['fn']);
  });
});
