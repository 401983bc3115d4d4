import { describe, expect, it } from 'vitest';
import { classify, customErrorMessages, expectedMessages, extractCases, failsLinesOf, tokenize, importsBuiltins } from './extract';

// Samples in the shape of Verus's test files, written for these tests.

describe('tokenize', () => {
  it('keeps brackets inside strings, chars and comments out of the bracket stream', () => {
    const text = `f("}", '{', r#"a "}" b"#, b'}') /* { /* nested } */ { */ // }\n{ 'a: loop {} }`;
    const brackets = tokenize(text).filter((t) => t.kind === 'open' || t.kind === 'close').map((t) => t.text).join('');
    expect(brackets).toBe('(){{}}');
  });

  it('tells lifetimes from chars', () => {
    const kinds = tokenize(`fn f<'a>(x: &'a u8) -> char { '\\n'; 'x' }`).filter((t) => t.kind === 'lifetime' || t.kind === 'char').map((t) => `${t.kind}:${t.text}`);
    expect(kinds).toEqual(["lifetime:'a", "lifetime:'a", "char:'\\n'", "char:'x'"]);
  });
});

describe('classify', () => {
  it('reads the expectation from the pattern and the assertion', () => {
    expect(classify('Ok(())', '')).toEqual({ expect: 'verifies', failsCount: null });
    expect(classify('Ok(_w)', '{ /* warnings are fine */ }').expect).toBe('verifies');
    expect(classify('Err(e)', 'assert_one_fails(e)')).toEqual({ expect: 'fails', failsCount: 1 });
    expect(classify('Err(e)', 'assert_fails(e, 3)')).toEqual({ expect: 'fails', failsCount: 3 });
    expect(classify('Err(e)', 'assert_fails_type_invariant_error(e, 2)')).toEqual({ expect: 'fails', failsCount: 2 });
    expect(classify('Err(e)', 'assert_expand_fails(e, 2)')).toEqual({ expect: 'fails', failsCount: 1 });
    expect(classify('Err(e)', '{ assert_one_fails(e); }')).toEqual({ expect: 'fails', failsCount: 1 });
    expect(classify('Err(e)', 'assert_vir_error_msg(e, "not allowed")').expect).toBe('rejects');
    expect(classify('Err(e)', 'assert_rust_error_msg(e, "mismatched types")').expect).toBe('rejects');
    expect(classify('Err(e)', 'assert_spec_borrowed(e, "x")').expect).toBe('rejects');
    // a proof note is attached to a failed obligation; other help texts come with rejections
    expect(classify('Err(e)', 'assert_help_error_msg(e, "note: Property 732")')).toEqual({ expect: 'fails', failsCount: null });
    expect(classify('Err(e)', 'assert_help_error_msg(e.clone(), &format!("note: {label}"))')).toEqual({ expect: 'fails', failsCount: null });
    expect(classify('Err(e)', 'assert_help_error_msg(e, "pub assume_specification [crate::foo] ();")').expect).toBe('rejects');
    // the message of a custom_err attribute is that obligation's failure
    expect(classify('Err(e)', 'assert_vir_error_msg(e, "Custom assert error")', ['Custom assert error']).expect).toBe('fails');
    expect(classify('Err(e)', 'assert_vir_error_msg(e, "at most one")', ['Custom assert error']).expect).toBe('rejects');
    // Verus's own message of a failed obligation (a union read in the wrong variant) is a failure
    expect(classify('Err(err)', 'assert_vir_error_msg(err, "to access this field, the union must be in the correct variant")').expect).toBe('fails');
    // an assertion by computation that does not compute to true fails at the assertion
    expect(classify('Err(err)', 'assert_vir_error_msg(err, "failed to simplify down to true")').expect).toBe('fails');
    expect(classify('Err(err)', 'assert_vir_error_msg(err, "assertion failed")').expect).toBe('fails');
    expect(classify('Err(e)', 'assert_any_vir_error_msg(e, "postcondition not satisfied")').expect).toBe('fails');
    expect(classify('Err(e)', 'assert_vir_error_msg(e, "unable to prove safety condition that the pattern matches")').expect).toBe('fails');
    expect(classify('Err(e)', 'assert_any_vir_error_msg(e, "unable to prove safety condition that the pattern matches")').expect).toBe('fails');
    expect(classify('Err(e)', 'assert_any_vir_error_msg(e, "Misuse of #[verus_spec]")').expect).toBe('rejects');
    // on an assertion and, with `#!`, on a requires / ensures clause
    expect(customErrorMessages('#[verifier::custom_err("A")] assert(x);\n requires #![verifier::custom_err("B")] x == y,')).toEqual(['A', 'B']);
    expect(classify('Err(e)', '{ assert!(e.errors.len() == 2); }').expect).toBe('other');
    expect(classify('Err(_)', '').expect).toBe('other');
  });
});

describe('extractCases', () => {
  const file = [
    'const SHARED: &str = verus_code_str! {',
    '    spec fn double(x: int) -> int { 2 * x }',
    '};',
    '',
    'test_verify_one_file! {',
    '    #[test] plain_ok verus_code! {',
    '        fn id(x: u8) -> (r: u8) ensures r == x { x }',
    '    } => Ok(())',
    '}',
    '',
    'test_verify_one_file! {',
    '    #[ignore] #[test] uses_const SHARED.to_string() + verus_code_str! {',
    '        proof fn p() {',
    "            let s = \"}\"; let c = '{';",
    '            assert(double(1) == 3); // FAILS',
    '        }',
    '    } => Err(err) => assert_one_fails(err)',
    '}',
    '',
    'test_verify_one_file! {',
    '    #[test] names_vstd verus_code! {',
    '        proof fn q() { vstd::seq::lemma_x(); }',
    '    } => Ok(())',
    '}',
    '',
    'test_verify_one_file_with_options! {',
    '    #[test] raw_rust ["vstd"] => code! {',
    '        fn main() {}',
    '    } => Err(err) => assert_vir_error_msg(err, "something")',
    '}',
    '',
    'macro_rules! template {',
    '    ($name:ident) => { test_verify_one_file! { #[test] $name verus_code! { } => Ok(()) } };',
    '}',
  ].join('\n');
  const { cases, problems } = extractCases('sample.rs', file);

  it('finds every case and skips macro_rules templates', () => {
    expect(problems).toEqual([]);
    expect(cases.map((c) => [c.name, c.expect, c.ignored, c.line])).toEqual([
      ['plain_ok', 'verifies', false, 6],
      ['uses_const', 'fails', true, 12],
      ['names_vstd', 'verifies', false, 21],
      ['raw_rust', 'rejects', false, 27],
    ]);
  });

  it('wraps verus pieces in verus! and keeps raw code as it is', () => {
    expect(cases[0]!.source).toBe('verus! {\n\n        fn id(x: u8) -> (r: u8) ensures r == x { x }\n    \n}\n');
    expect(cases[3]!.source.trim()).toBe('fn main() {}');
    expect(cases[3]!.options).toEqual(['vstd']);
  });

  it('links vstd as Verus\'s harness does: when the code names it or the options ask for it', () => {
    expect(cases[0]!.source).not.toContain('use vstd::prelude');
    expect(cases[2]!.source.startsWith('use vstd::prelude::*;\n')).toBe(true);
  });

  it('concatenates constants and maps FAILS lines into the generated source', () => {
    const c = cases[1]!;
    expect(c.source).toContain('spec fn double');
    expect(c.source.indexOf('spec fn double')).toBeLessThan(c.source.indexOf('proof fn p'));
    expect(c.failsCount).toBe(1);
    expect(c.failsLines).toHaveLength(1);
    expect(c.source.split('\n')[c.failsLines[0]! - 1]).toContain('assert(double(1) == 3)');
  });

  it('reports a body it cannot read instead of guessing', () => {
    const r = extractCases('bad.rs', 'test_verify_one_file! { #[test] t make_code(1) => Ok(()) }');
    expect(r.cases).toEqual([]);
    expect(r.problems[0]!.message).toMatch(/make_code/);
  });
});

describe('failsLinesOf', () => {
  it('finds FAILS markers in line and block comments only', () => {
    expect(failsLinesOf('a\nb // FAILS\nc /* FAILS */\nFAILS_NOT_A_COMMENT')).toEqual([2, 3]);
  });
});

describe('expectedMessages', () => {
  it('reads the messages a rejecting assertion names, not short words', () => {
    expect(expectedMessages(`assert_vir_error_msg(err, "'add' statements are not supported inside conditionals")`)).toEqual(["'add' statements are not supported inside conditionals"]);
    expect(expectedMessages('assert_rust_error_msg(e, "mismatched \\"types\\"")')).toEqual(['mismatched "types"']);
    expect(expectedMessages('assert_spec_borrowed(e, "x")')).toEqual([]);
    expect(expectedMessages('assert_one_fails(e)')).toEqual([]);
  });
});

describe('importsBuiltins', () => {
  it('is a glob import of vstd\'s prelude or of verus_builtin at the top of the crate', () => {
    expect(importsBuiltins('use vstd::prelude::*;\nverus! {}')).toBe(true);
    expect(importsBuiltins('  use vstd::{prelude::*, seq::*};')).toBe(true);
    expect(importsBuiltins('use verus_builtin::*;\nuse verus_builtin_macros::*;')).toBe(true);
    expect(importsBuiltins('use vstd::{seq::*, seq_lib::*};\nuse verus_builtin_macros::*;')).toBe(false);
    expect(importsBuiltins('use vstd::prelude::Seq;')).toBe(false);
    expect(importsBuiltins('// use vstd::prelude::*;')).toBe(false);
  });
});
