import { describe, expect, it } from 'vitest';
import { blockerOf, countRows, isCrateWide, matchFunctions, modDeclarations, moduleOf, moduleTree, rankBlockers, verdictPercent, verusFunctions, type FunctionRow } from './lib';

describe('verusFunctions', () => {
  it('counts fn items inside verus! only, with the line of their name', () => {
    const src = ['fn outside() {}', 'verus! {', '  pub open spec fn a(x: u64) -> bool { x > 0 }', '  impl S {', '    proof fn b()', '      ensures true', '    {}', '  }', '}', 'fn after() {}'].join('\n');
    expect(verusFunctions(src)).toEqual([
      { name: 'a', line: 3 },
      { name: 'b', line: 5 },
    ]);
  });

  it('ignores fn in comments, strings, function pointer types and spec_fn', () => {
    const src = [
      'verus! {',
      '// fn commented() {}',
      '/* fn block() { /* nested */ fn still_comment() } */',
      'fn real(f: fn(u64) -> u64, g: spec_fn(int) -> int) {',
      '  let s = "fn in_string() {}";',
      "  let c = '{';",
      "  'outer: loop { break 'outer; }",
      '  let r = r#"fn raw() }"#;',
      '}',
      '}',
    ].join('\n');
    expect(verusFunctions(src)).toEqual([{ name: 'real', line: 4 }]);
  });

  it('counts a verus! block nested in another once', () => {
    expect(verusFunctions('verus! { fn a() {} verus! { fn b() {} } }').map((f) => f.name)).toEqual(['a', 'b']);
  });

  it('finds nothing in plain Rust', () => {
    expect(verusFunctions('fn main() { println!("verus! { fn x() {} }"); }')).toEqual([]);
  });
});

describe('module tree', () => {
  it('reads mod declarations, not commented ones, with inline modules and #[path]', () => {
    const src = ['pub mod a;', '// pub mod gone;', 'pub(crate) mod b;', 'mod inline { mod c; }', '#[path = "x/y.rs"]', 'mod d;', 'mod e { fn f() {} }'].join('\n');
    expect(modDeclarations(src)).toEqual([
      { name: 'a', inline: [] },
      { name: 'b', inline: [] },
      { name: 'c', inline: ['inline'] },
      { name: 'd', inline: [], pathAttr: 'x/y.rs' },
    ]);
  });

  it("follows rustc's file rules from lib.rs and lists what it does not reach", () => {
    const files: Record<string, string> = {
      'lib.rs': 'pub mod a;\npub mod b;\nmod missing;\n// mod old;',
      'a.rs': 'mod inner;',
      'a/inner.rs': '',
      'b/mod.rs': 'mod c;',
      'b/c.rs': '',
      'old.rs': '',
    };
    const tree = moduleTree('lib.rs', (f) => files[f] ?? '', (f) => f in files);
    expect(tree.files).toEqual(['lib.rs', 'a.rs', 'a/inner.rs', 'b/mod.rs', 'b/c.rs']);
    expect(tree.unresolved).toEqual([{ from: 'lib.rs', module: 'missing' }]);
  });
});

describe('blockerOf', () => {
  it.each([
    ['cannot find function `foo` at kernel/a.rs:3:4', 'cannot find function'],
    ['cannot find type `PageMap` in this scope', 'cannot find type'],
    ['unsupported attribute `#[verifier(when_used_as_spec(spec_len))]` at array_set.rs:67:5', 'unsupported attribute `#[verifier::when_used_as_spec]`'],
    ['unsupported attribute `#[verifier::when_used_as_spec(spec_len)]`', 'unsupported attribute `#[verifier::when_used_as_spec]`'],
    ['unsupported: attribute `#[verifier(when_used_as_spec(spec_len))]` at array_set.rs:67:5 changes the meaning of other code at a/b.rs:39:12', 'unsupported: attribute `#[verifier::when_used_as_spec]` changes the meaning of other code'],
    ['generic struct `Array<T, N>` is not supported', 'generic struct `…` is not supported'],
    ['`if let` is not supported; use `match` at kernel/x.rs:33:12', '`if let` is not supported; use `match`'],
    ['expected `;`, found `use` at kernel/kill.rs:374:27', 'expected `;`, found `use`'],
    ['closures are not supported', 'closures are not supported'],
  ])('%s', (message, construct) => {
    expect(blockerOf(message)).toBe(construct);
  });

  it('tells crate-wide gaps from a function own', () => {
    expect(isCrateWide('unsupported: attribute `#[verifier::when_used_as_spec]` changes the meaning of other code')).toBe(true);
    expect(isCrateWide('closures are not supported')).toBe(false);
  });
});

describe('matching, counting and ranking', () => {
  const fns = [
    { name: 'len', line: 10 },
    { name: 'push', line: 20 },
    { name: 'lemma', line: 30 },
    { name: 'lost', line: 40 },
  ];
  const results = [
    { name: 'Vec::len', file: 'a.rs', line: 10, status: 'verified' as const },
    // a result whose line is the item's first (its attributes), not the name's
    { name: 'Vec::push', file: 'a.rs', line: 18, status: 'unsupported' as const, detail: 'generic struct `Vec<T>` is not supported at a.rs:20:8' },
    { name: '<broadcast item>', file: 'a.rs', line: 29, endLine: 33, status: 'unsupported' as const, detail: 'unsupported: `broadcast` item' },
    { name: '<struct S>', file: 'a.rs', line: 50, endLine: 52, status: 'error' as const, detail: 'cannot find type `X`' },
  ];

  it('pairs results with verus! functions and keeps whole-item results apart', () => {
    const { rows, extra } = matchFunctions('a.rs', fns, results, 'expected `;`, found `use`');
    expect(rows.map((r) => [r.name, r.status, r.blocker])).toEqual([
      ['Vec::len', 'verified', undefined],
      ['Vec::push', 'unsupported', 'generic struct `…` is not supported'],
      ['lemma', 'unsupported', 'unsupported: `broadcast` item'],
      ['lost', 'missing', 'file does not parse: expected `;`, found `use`'],
    ]);
    expect(extra.map((e) => e.name)).toEqual(['<struct S>']);
  });

  it('counts statuses, the verdict share, and ranks blockers by functions blocked', () => {
    const row = (status: FunctionRow['status'], blocker?: string, file = 'k/a.rs'): FunctionRow => ({ file, name: 'f', line: 1, status, ...(blocker ? { blocker } : {}) });
    const rows = [row('verified'), row('failed'), row('timeout'), row('unsupported', 'closures'), row('error', 'generics'), row('unsupported', 'generics'), row('missing', 'no result reported', 'b.rs'), row('verified', undefined, 'b.rs')];
    const c = countRows(rows);
    expect(c).toMatchObject({ functions: 8, verified: 2, failed: 1, timeout: 1, unsupported: 2, error: 1, missing: 1, pending: 0 });
    expect(verdictPercent(c)).toBe(50);
    expect(verdictPercent(countRows([]))).toBe(0);
    expect(rankBlockers(rows).map((b) => [b.construct, b.functions])).toEqual([
      ['generics', 2],
      ['closures', 1],
      ['no result reported', 1],
    ]);
    expect(moduleOf('kernel/x.rs')).toBe('kernel');
    expect(moduleOf('array.rs')).toBe('array');
  });
});
