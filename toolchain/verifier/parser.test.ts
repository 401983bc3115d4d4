import { syntheticBigFile } from './tests/synthetic';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { charLiteralValue, parseExpr, parseFile } from './parser';
import { printExpr, printPat } from './printer';
import type { ConstItem, FnItem, Pat } from './ast';

const atoms = ['x', 'y', 'self.v', 'a[i]', 's@', '1', '0xffu64', 'true', 'old(x)', 'f(x, 2)', 's.len()', 'o.unwrap()', 'E::A', 'u64::MAX'];
const binops = ['+', '-', '*', '/', '%', '&', '|', '^', '<<', '>>', '==', '!=', '<', '<=', '>', '>=', '&&', '||', '==>', '<==>', '=~=', '==='];

const exprArb: fc.Arbitrary<string> = fc.letrec((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...atoms),
    fc.tuple(tie('e') as fc.Arbitrary<string>, fc.constantFrom(...binops), tie('e') as fc.Arbitrary<string>).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(fc.constantFrom('!', '-'), tie('e') as fc.Arbitrary<string>).map(([op, a]) => `${op}(${a})`),
    (tie('e') as fc.Arbitrary<string>).map((a) => `(${a})`),
    (tie('e') as fc.Arbitrary<string>).map((a) => `(${a}) as u32`),
    (tie('e') as fc.Arbitrary<string>).map((a) => `forall|i: int| 0 <= i < n ==> ${a}`),
    fc.tuple(tie('e') as fc.Arbitrary<string>, tie('e') as fc.Arbitrary<string>).map(([a, b]) => `if ${a} { ${b} } else { 0 }`),
  ),
})).e;

describe('parser', () => {
  it('reads comparisons as Verus: inequalities and `==` chain, the others associate to the left', () => {
    // `0 <= i < n` is a chain; `a != 0 == false` is `(a != 0) == false`
    expect(parseExpr('0 <= i < n').expr).toMatchObject({ k: 'chain', ops: ['<=', '<'] });
    expect(parseExpr('a != 0 == false').expr).toMatchObject({ k: 'binary', op: '==', l: { k: 'binary', op: '!=' }, r: { k: 'bool' } });
    expect(parseExpr('x =~= y == false').expr).toMatchObject({ k: 'binary', op: '==', l: { k: 'binary', op: '=~=' } });
    // (Verus's exec_spec tests write `recommends 0 <= i < a.len() == b.len()`)
    expect(parseExpr('0 <= i < n == b').expr).toMatchObject({ k: 'chain', ops: ['<=', '<', '=='] });
    expect(parseExpr('a == b < c <= d').expr).toMatchObject({ k: 'chain', ops: ['==', '<', '<='] });
    expect(parseExpr('a != b < c').expr).toMatchObject({ k: 'binary', op: '<', l: { k: 'binary', op: '!=' } });
  });

  it('reads byte string literals as their bytes (escapes, raw); C strings are unsupported, non-ASCII bytes an error', () => {
    expect(parseExpr('b"RIFF"').expr).toMatchObject({ k: 'bytes', value: [82, 73, 70, 70] });
    expect(parseExpr('b"\\x00\\xff\\n\\\\\\""').expr).toMatchObject({ k: 'bytes', value: [0, 255, 10, 92, 34] });
    expect(parseExpr('br"a\\n"').expr).toMatchObject({ k: 'bytes', value: [97, 92, 110] });
    expect(parseExpr('b""').expr).toMatchObject({ k: 'bytes', value: [] });
    expect(parseExpr('c"x"').expr).toMatchObject({ k: 'unsupported', what: 'C string literal' });
    const bad = parseExpr('b"\u00e9"');
    expect(bad.expr).toBeNull();
    expect(bad.diagnostics[0]!.message).toMatch(/invalid byte string literal/);
    // printed back as escapes, read again as the same bytes
    expect(parseExpr(printExpr(parseExpr('b"A\\x01"').expr!)).expr).toMatchObject({ k: 'bytes', value: [65, 1] });
  });

  it("reads Verus's `s has x` / `s !has x` as `spec_has` at the comparisons' precedence", () => {
    expect(parseExpr('a has b + 1').expr).toMatchObject({ k: 'method', name: 'spec_has', recv: { k: 'path', segs: ['a'] }, args: [{ k: 'binary', op: '+' }] });
    expect(parseExpr('a !has b <==> c has d').expr).toMatchObject({ k: 'binary', op: '<==>', l: { k: 'unary', op: '!', e: { k: 'method', name: 'spec_has' } }, r: { k: 'method', name: 'spec_has' } });
    expect(parseExpr('a has b && c').expr).toMatchObject({ k: 'binary', op: '&&', l: { k: 'method', name: 'spec_has' } });
    // (`!` apart from `has` is not the operator)
    expect(parseExpr('a ! has b').expr).toBeNull();
  });

  it('reads `x @ P` as a binding with its sub-pattern, and `..` in tuple-like patterns at its position', () => {
    const arm = (src: string) => {
      const f = parseFile('t.rs', `verus! { fn f(x: u8) { match x { ${src} => {} } } }`);
      const body = (f.items[0] as { body: { stmts: { e?: { arms?: { pat: unknown }[] } }[] } }).body;
      return body.stmts[0]!.e!.arms![0]!.pat;
    };
    expect(arm('d @ 0..=9')).toMatchObject({ k: 'bind', name: 'd', sub: { k: 'range', inclusive: true } });
    expect(arm('V(y @ W(z), ..)')).toMatchObject({ k: 'variant', restAt: 1, args: [{ k: 'bind', name: 'y', sub: { k: 'variant', path: ['W'] } }] });
    expect(arm('(a, .., b)')).toMatchObject({ k: 'tuple', restAt: 1, elems: [{ name: 'a' }, { name: 'b' }] });
    expect(arm('(..)')).toMatchObject({ k: 'tuple', restAt: 0, elems: [] });
    expect(printPat(arm('e @ (1 | 2)') as Pat)).toBe('e @ (1 | 2)');
    expect(printPat(arm('S(a, .., b)') as Pat)).toBe('S(a, .., b)');
  });

  it('reads the `?` operator as a postfix operation', () => {
    expect(parseExpr('f(x)?.g()?').expr).toMatchObject({ k: 'try', e: { k: 'method', name: 'g', recv: { k: 'try', e: { k: 'call' } } } });
    expect(printExpr(parseExpr('a? + 1').expr!)).toBe('(a? + 1)');
  });

  it('never throws on random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        parseFile('x.rs', s);
        parseFile('x.rs', `verus! { ${s} }`);
        parseFile('x.rs', `verus! { fn f(x: u64) -> (r: u64) requires ${s} { ${s} } }`);
      }),
      { numRuns: 1500 },
    );
  });

  it('never throws on random token soup inside verus!', () => {
    const tok = fc.constantFrom('fn', 'f', '(', ')', '{', '}', '[', ']', '<', '>', '>>', ',', ';', ':', 'u64', 'x', 'let', 'while', 'invariant', 'ensures', 'requires', 'match', '=>', 'if', 'else', '&&&', '==>', '|', 'forall', '#', '!', 'struct', 'impl', 'enum', '1', '.', '@', '::', '->', 'mut', '&', 'broadcast', 'use', 'group', 'Tracked', '*', 'const', 'let', 'move', '||');
    fc.assert(
      fc.property(fc.array(tok, { maxLength: 80 }), (ts) => {
        parseFile('x.rs', `verus! { ${ts.join(' ')} }`);
      }),
      { numRuns: 1500 },
    );
  });

  it('survives deep nesting and truncation', () => {
    const deep = '('.repeat(5000) + 'x' + ')'.repeat(5000);
    expect(() => parseFile('x.rs', `verus! { fn f() { let a = ${deep}; } }`)).not.toThrow();
    const src = 'verus! { fn f(x: u64) -> (r: u64) requires x < 10 ensures r == x { x } }';
    for (let i = 0; i < src.length; i++) expect(() => parseFile('x.rs', src.slice(0, i))).not.toThrow();
  });

  it('pretty-print / re-parse round trip', () => {
    fc.assert(
      fc.property(exprArb, (s) => {
        const a = parseExpr(s);
        if (!a.expr || a.diagnostics.length) return; // generated text may be ill-formed (e.g. chained ==>)
        const p1 = printExpr(a.expr);
        const b = parseExpr(p1);
        expect(b.diagnostics).toEqual([]);
        expect(printExpr(b.expr!)).toBe(p1);
      }),
      { numRuns: 1500 },
    );
  });

  it('parses Verus items and skips plain Rust', () => {
    const f = parseFile(
      'k.rs',
      `#![no_std]
use core::panic::PanicInfo;
fn boot() { let s = "verus! {"; }
verus! {
pub struct S { pub a: [u64; 4], pub g: Ghost<Set<usize>> }
impl S {
    pub closed spec fn wf(&self) -> bool { &&& self.a@.len() == 4 &&& true }
    pub fn m(&mut self, i: usize) -> (r: Option<u64>) requires old(self).wf(), i < 4 ensures self.wf() { None }
}
pub enum E { A, B(u8), C { x: u16 } }
const N: usize = 4;
}
`,
    );
    expect(f.diagnostics).toEqual([]);
    // (a plain-Rust function is external to Verus: its signature is kept, its body is not read)
    expect(f.items.map((i) => `${i.k}:${'name' in i ? i.name : i.k === 'external-fn' ? i.fn.name : ''}`)).toEqual(['external-fn:boot', 'struct:S', 'fn:wf', 'fn:m', 'enum:E', 'const:N']);
    expect(f.items[0]).toMatchObject({ fn: { body: null } });
  });

  it('keeps a plain-Rust function or datatype it can read as an external item, and skips one it cannot', () => {
    const f = parseFile('k.rs', 'pub fn foo(x: u8) -> u8 { x }\npub(crate) struct P { a: u8 }\nfn odd() { async { 1 }.await; }\nmod m { fn inner() {} }\n');
    expect(f.diagnostics).toEqual([]);
    expect(f.plainRust).toBe(true);
    expect(f.items.map((i) => (i.k === 'external-fn' ? `fn:${i.fn.name}` : i.k === 'external-type' ? `type:${i.dt.name}` : i.k))).toEqual(['fn:foo', 'type:P']);
    // (one a Verus attribute marks is Verus's to read: reported, not external)
    const marked = parseFile('k.rs', '#[verifier::verify]\npub struct A(pub u8);\nfn g() {}\n');
    expect(marked.items.map((i) => (i.k === 'external-fn' ? `fn:${i.fn.name}` : i.k === 'external-type' ? `type:${i.dt.name}` : i.k))).toEqual(['unsupported', 'fn:g']);
  });

  it('reads `exec const X: T ensures .. { body }` as the exec function X (result X) and the exec constant whose value is its call', () => {
    const f = parseFile('k.rs', 'verus! {\nstruct S;\nimpl S {\n    exec const D: u64 ensures Self::D > 2 { 3 }\n}\nexec const E: u8 ensures E == 1, { 1 }\n}\n');
    expect(f.diagnostics).toEqual([]);
    const made = f.items.filter((i) => i.k === 'fn' || i.k === 'const');
    expect(made.map((i) => `${i.k}:${i.selfType ?? ''}:${i.name}`)).toEqual(['fn:S:D', 'const:S:D', 'fn::E', 'const::E']);
    const d = made[0] as FnItem;
    expect([d.mode, d.ret?.name, d.constFn, d.ensures.map(printExpr)]).toEqual(['exec', 'D', true, ['(D > 2)']]);
    const dc = made[1] as ConstItem;
    expect([dc.mode, dc.viaFn, printExpr(dc.value)]).toEqual(['exec', true, 'S::D()']);
  });

  it("reads a datatype marked with vstd's #[make_spec_type] / #[self_view] as Verus code, the attribute kept for spec-derive.ts; on another item it is an error", () => {
    const f = parseFile('k.rs', '#[make_spec_type(exclude(b), closed)]\n#[derive(Clone)]\npub struct A { pub a: u8, b: u8 }\n#[derive(Copy, Clone)]\n#[self_view]\nenum E { X }\nfn g() {}\n');
    expect(f.diagnostics).toEqual([]);
    expect(f.items.map((i) => (i.k === 'struct' || i.k === 'enum' ? `${i.name}:${i.specDerive?.kind}${i.specDerive?.args}` : i.k === 'external-fn' ? `fn:${i.fn.name}` : i.k))).toEqual(['A:make_spec_type(exclude(b),closed)', 'E:self_view', 'fn:g']);
    const onFn = parseFile('k.rs', '#[make_spec_type]\npub fn f() {}\n#[self_view]\npub mod m { pub struct B { pub x: u8 } }\n');
    expect(onFn.diagnostics.map((d) => d.message)).toEqual(['`#[make_spec_type]` applies to a struct or an enum only', '`#[self_view]` applies to a struct or an enum only']);
    expect(onFn.items.filter((i) => i.k === 'struct' || i.k === 'fn')).toEqual([]);
  });

  it('parses a 10,000-line file whole (its speed is `npm run bench -- verifier`)', () => {
    const src = syntheticBigFile();
    expect(src.split('\n').length).toBeGreaterThan(10000);
    const f = parseFile('big.rs', src);
    expect(f.items.length).toBe(1430);
    expect(f.diagnostics).toEqual([]);
  });
});

describe('recovery keeps every function', () => {
  const fiveFns = (broken: string) => `verus! {
fn one() -> u8 { 1u8 }
fn two() -> u8 { ${broken} }
impl S {
    fn three(&self) -> u8 { 3u8 }
    fn four(&self) -> u8 { if true { 4u8 } else { 4u8 } }
}
fn five() -> u8 { 5u8 }
}`;
  const fnNames = (src: string) => parseFile('x.rs', src).items.flatMap((it) => (it.k === 'fn' ? [it.name] : []));

  it('keeps the functions after a broken body, the broken one marked with its error', () => {
    const src = fiveFns('let x = ((1u8; if x { }');
    const f = parseFile('x.rs', src);
    const fns = f.items.filter((it) => it.k === 'fn');
    expect(fns.map((it) => it.name)).toEqual(['one', 'two', 'three', 'four', 'five']);
    const two = fns[1]!;
    expect(two.parseError?.inBody).toBe(true);
    expect(f.diagnostics).toContain(two.parseError!.diagnostic);
    // the error's span is inside the function
    expect(two.parseError!.diagnostic.sp.start).toBeGreaterThan(two.sp.start);
    expect(two.parseError!.diagnostic.sp.end).toBeLessThanOrEqual(two.sp.end);
    expect(fns.filter((it) => it.parseError)).toHaveLength(1);
  });

  it('keeps the functions after a broken signature', () => {
    const f = parseFile('x.rs', fiveFns('2u8').replace('fn two() -> u8', 'fn two(x: ) -> u8 requires x >'));
    const fns = f.items.filter((it) => it.k === 'fn');
    expect(fns.map((it) => it.name)).toEqual(['one', 'two', 'three', 'four', 'five']);
    expect(fns[1]!.parseError?.inBody).toBe(false);
  });

  it('garbage tokens inside one body never remove another function (property)', () => {
    // brackets come in pairs: a body whose braces do not balance has no defined end
    const tok = fc.constantFrom('let', 'x', '=', ';', '1u8', '+', '(', ')', '[', ']', '(1)', '[2]', '{ }', 'if', 'else', 'match', '=>', ',', '::', '.', '@', '|', 'forall', 'fn', 'struct', 'ensures', 'while', 'invariant', '#', '!', 'foo!', '->', '&mut', '<', '>', '>>', 'return', 'assert', 'proof', 'verus!');
    fc.assert(
      fc.property(fc.array(tok, { maxLength: 30 }), (ts) => {
        const body = ts.join(' ');
        // a stray ( or [ is closed by its function's `}` (brackets of other kinds are dropped)
        const names = fnNames(fiveFns(body));
        for (const n of ['one', 'three', 'four', 'five']) expect(names).toContain(n);
      }),
      { numRuns: 800 },
    );
  });
});

describe('clauses', () => {
  const fn = (src: string) => {
    const f = parseFile('x.rs', `verus! { ${src} }`);
    const it = f.items.find((x) => x.k === 'fn');
    if (!it || it.k !== 'fn') throw new Error('no fn');
    return { it, f };
  };
  it('`returns e` is kept as an expression', () => {
    const { it, f } = fn('fn twenty() -> u8 returns 20u8, { 19u8 }');
    expect(f.diagnostics).toEqual([]);
    expect(it.returns?.k).toBe('int');
    expect(it.body?.stmts).toHaveLength(1);
  });
  it('clauses the verifier does not implement are listed with their spans, never dropped', () => {
    const src = 'spec fn g(x: u64) -> bool recommends x > 0 via h default_ensures true { true }';
    const { it, f } = fn(src);
    expect(f.diagnostics).toEqual([]);
    expect(it.unsupportedClauses.map((c) => c.clause)).toEqual(['via']);
    const text = `verus! { ${src} }`;
    expect(text.slice(it.unsupportedClauses[0]!.sp.start, it.unsupportedClauses[0]!.sp.end)).toBe('via h');
    expect(it.recommends).toHaveLength(1);
    // (`default_ensures` is kept on the function: where it is allowed is the trait phase's question)
    expect(it.defaultEnsures).toMatchObject([{ k: 'bool', value: true }]);
  });
  it('`opens_invariants s` of a set is kept as its membership closure', () => {
    const src = 'fn g(x: u64, s: Set<int>) requires x > 0 opens_invariants s ensures true { }';
    const { it, f } = fn(src);
    expect(f.diagnostics).toEqual([]);
    expect(it.unsupportedClauses).toEqual([]);
    const mask = it.opensInvariants;
    expect(mask?.k).toBe('set');
    expect(mask?.k === 'set' && mask.member).toMatchObject({ k: 'closure', params: [{ name: '$opens_ns' }], body: { k: 'method', name: 'contains', recv: { k: 'path', segs: ['s'] } } });
    expect(`verus! { ${src} }`.slice(mask!.sp.start, mask!.sp.end)).toBe('opens_invariants s');
  });
  it('`no_unwind [when c]` and `opens_invariants any | none | [..]` are kept on the function', () => {
    const a = fn('fn g(x: u64) requires x > 0 opens_invariants any no_unwind ensures true { }').it;
    expect([a.opensInvariants?.k, a.noUnwind?.when, a.unsupportedClauses]).toEqual(['any', null, []]);
    const b = fn('fn h(x: u64) opens_invariants [x, 1int] no_unwind when x > 3 { }').it;
    expect(b.opensInvariants?.k === 'list' && b.opensInvariants.elems.length).toBe(2);
    expect(b.noUnwind?.when).toMatchObject({ k: 'binary', op: '>' });
    expect(fn('fn k() opens_invariants none { }').it.opensInvariants?.k).toBe('none');
  });
  it("macros read as code: `open_atomic_invariant!` as a marked block, `calc!` as nested assert-by, `decreases_to!` split at `=>`; calc's relations checked", () => {
    const inv = fn('fn f() { open_local_invariant!(&i => v => { let x = 1; }); }').it;
    const block = inv.body!.stmts[0]!.k === 'expr' ? inv.body!.stmts[0]!.e : null;
    expect(block?.k === 'block' && block.invariantBlock).toMatchObject({ atomic: false, inProof: false, bodyIndex: 3 });
    const c = fn('proof fn c(x: int) { calc! { (<=) x; (==) { } 3 - 1; (<) { } 5; }; }').it;
    const outer = c.body!.stmts[0]!.k === 'expr' && c.body!.stmts[0]!.e.k === 'block' ? c.body!.stmts[0]!.e.block.stmts[0] : null;
    expect(outer).toMatchObject({ k: 'assert', by: 'block', e: { op: '<=' } });
    expect(outer?.k === 'assert' && outer.proof?.stmts.map((s) => (s.k === 'assert' && s.e.k === 'binary' ? s.e.op : null))).toEqual(['==', '<']);
    const bad = fn('proof fn d(x: int) { calc! { (<=) x; (>) { } 1; }; }');
    expect(bad.f.diagnostics.map((d) => d.message)).toEqual(['inconsistent relation `>` with `<=`']);
    const dec = fn('proof fn e(a: nat, b: nat) { assert(decreases_to!(a, b => a)); }').it;
    expect(JSON.stringify(dec.body)).toContain('"split":2');
  });
  it('`decreases .. when .. via ..` keeps the decreases and reads when/via as termination hints; elsewhere they are unsupported clauses', () => {
    const { it } = fn('spec fn f(n: int) -> int decreases n when n >= 0 via lemma_f { 0 }');
    expect(it.decreases).toHaveLength(1);
    expect(it.decreasesWhen).toMatchObject({ k: 'binary', op: '>=' });
    expect(it.decreasesBy).toMatchObject({ path: { segs: ['lemma_f'] } });
    expect(it.unsupportedClauses).toEqual([]);
    const body = fn('spec fn g(n: int) -> int decreases n { decreases_when(n >= 0); decreases_by(lemma_g); 0 }').it;
    expect(body.decreasesWhen).toMatchObject({ k: 'binary', op: '>=' });
    expect(body.decreasesBy).toMatchObject({ path: { segs: ['lemma_g'] } });
    expect(body.body!.stmts).toHaveLength(1);
    expect(fn('spec fn h(n: int) -> int recommends n > 0 via lemma_h { 0 }').it.unsupportedClauses.map((c) => c.clause)).toEqual(['via']);
  });
  it('a loop with a clause the verifier does not implement is an unsupported expression', () => {
    const { it } = fn('fn l() { loop invariant_ensures true { break; } }');
    const st = it.body!.stmts[0]!;
    expect(st.k === 'expr' && st.e.k).toBe('unsupported');
  });
  it('a nested verus! block is transparent (as in Verus); an unknown item macro is an error item with a span', () => {
    const text = 'verus! {\n fn a() {}\n verus! { fn b() {} }\n foo! { fn c() {} }\n bar!(x);\n fn d() {}\n}';
    const f = parseFile('x.rs', text);
    const errors = f.items.flatMap((it) => (it.k === 'error' ? [it] : []));
    expect(errors.map((e) => e.what)).toEqual(['unknown macro `foo!`', 'unknown macro `bar!`']);
    expect(text.slice(errors[0]!.sp.start, errors[0]!.sp.end)).toBe('foo! { fn c() {} }');
    for (const e of errors) expect(f.diagnostics).toContain(e.diagnostic);
    expect(f.items.flatMap((it) => (it.k === 'fn' ? [it.name] : []))).toEqual(['a', 'b', 'd']);
  });
});

describe('plain Rust outside verus!', () => {
  it("a #[verifier::external] function keeps its signature and its body is not read, Verus forms in it included", () => {
    const f = parseFile('x.rs', '#[verifier::external]\nfn ext(x: u32) -> u32 {\n    #[verus_spec(with Tracked::assume_new() => _)]\n    g(0)\n}\nfn plain() { proof! { assert(false); } }\nverus! { fn ok() {} }');
    const unsupported = f.items.flatMap((it) => (it.k === 'unsupported' ? [it.what] : []));
    expect(unsupported).toEqual(['`proof!` outside verus! (Verus code in plain Rust is not verified)']);
    expect(f.items.some((it) => it.k === 'external-fn' && it.fn.name === 'ext' && it.fn.body === null)).toBe(true);
  });
});

describe("attributes Verus refuses", () => {
  it('a malformed verifier attribute, or two #[verus_spec] on one item, is an error item at the attribute', () => {
    const text = 'verus! {\n#[verifier:ext_equal]\nstruct S { a: u8 }\n#[verus_spec(ret => ensures ret == x)]\n#[verus_spec]\nfn f(x: u64) -> u64 { x }\nimpl S {\n#[verifier(is_variant)]\nfn g(&self) {}\n}\n#[verifier::rlimit(10)]\nfn h() {}\n}';
    const f = parseFile('x.rs', text);
    const errors = f.items.flatMap((it) => (it.k === 'error' ? [it] : []));
    expect(errors.map((e) => [e.diagnostic.message, text.slice(e.sp.start, e.sp.end)])).toEqual([
      ['unexpected token, expected `]`', '#[verifier:ext_equal]'],
      ['Multiple #[verus_spec] attributes are not allowed.', '#[verus_spec]'],
      ['unrecognized verifier attribute', '#[verifier(is_variant)]'],
    ]);
  });
});

describe('statements', () => {
  it('a statement that starts with a block-like expression ends with it (no binary continuation)', () => {
    const f = parseFile('t.rs', 'verus! { fn f(x: &mut u8, c: bool) { if c { } *x = 5; match c { _ => {} } -1; { } *x = 6; } }');
    expect(f.diagnostics).toEqual([]);
    const fn = f.items[0]!;
    if (fn.k !== 'fn') throw new Error('expected a function');
    expect(fn.body!.stmts.map((s) => (s.k === 'expr' ? s.e.k : s.k))).toEqual(['if', 'assign', 'match', 'unary', 'block', 'assign']);
  });
});

describe('enum variant operators', () => {
  it('reads `x->0` (a tuple field), `x->V_f`, and `x !is V` as `!(x is V)`', () => {
    const arrow = parseExpr('o->0 == s->Some_0').expr!;
    expect(arrow.k === 'binary' && [arrow.l, arrow.r].map((x) => (x.k === 'method' ? x.name : x.k))).toEqual(['$arrow:0', '$arrow:Some_0']);
    const notIs = parseExpr('x !is A && y is B').expr!;
    if (notIs.k !== 'binary') throw new Error('expected `&&`');
    expect(notIs.l.k === 'unary' && notIs.l.op === '!' && notIs.l.e.k === 'method' ? notIs.l.e.name : null).toBe('$is:A');
    expect(notIs.r.k === 'method' ? notIs.r.name : null).toBe('$is:B');
  });
});

describe('patterns', () => {
  it('reads `(p)` as a parenthesized pattern and `(p,)` as a one-element tuple, as Rust does', () => {
    const f = parseFile('x.rs', 'verus! { fn f() { let (x): usize = 0; let (y,) = (1,); let (a, b) = (1, 2); } }');
    expect(f.diagnostics).toEqual([]);
    const fn = f.items[0]!;
    if (fn.k !== 'fn') throw new Error('expected a function');
    const pats = fn.body!.stmts.map((s) => (s.k === 'let' ? s.pat.k : s.k));
    expect(pats).toEqual(['bind', 'tuple', 'tuple']);
  });
});

describe('bounded work on hostile input', () => {
  const fnWith = (e: string) => `verus! {\nfn f(x: u64) {\n    assert(${e});\n}\nfn g(x: u64) { assert(x == x); }\n}`;
  const noInternal = (f: ReturnType<typeof parseFile>) => expect(f.diagnostics.filter((d) => /internal/.test(d.message))).toEqual([]);

  it('refuses an integer literal over 1000 digits with its span, in any base', () => {
    for (const lit of ['1' + '0'.repeat(1000), '0x' + 'f'.repeat(1001), '0b' + '1'.repeat(1001), '1_' + '0'.repeat(1000)]) {
      const src = fnWith(`x < ${lit}`);
      const f = parseFile('t.rs', src);
      const d = f.diagnostics.find((x) => /integer literal is too large/.test(x.message));
      expect(d, lit.slice(0, 4)).toBeDefined();
      expect(src.slice(d!.sp.start, d!.sp.end)).toBe(lit);
      const g = f.items.find((i) => i.k === 'fn' && i.name === 'g');
      expect(g && g.k === 'fn' && g.parseError).toBeUndefined();
    }
    const ok = parseExpr('1' + '0'.repeat(999));
    expect(ok.diagnostics).toEqual([]);
    expect(ok.expr).toMatchObject({ k: 'int', value: 10n ** 999n });
  });

  it('handles a 20,000,000-digit literal in linear time (never converted)', () => {
    const t0 = performance.now();
    const f = parseFile('t.rs', fnWith(`x < ${'9'.repeat(20_000_000)}`));
    expect(f.diagnostics[0]!.message).toMatch(/integer literal is too large: 20000000 digits/);
    expect(performance.now() - t0).toBeLessThan(20_000);
  });

  it('reads chains of 20,000 binary operators, `==>`, casts and `else if` without overflowing, and refuses them with a span', () => {
    const chains = [
      'x' + ' + 0'.repeat(20_000) + ' == x',
      'x > 0' + ' && x > 0'.repeat(20_000),
      'x > 0 ==> '.repeat(20_000) + 'x > 0',
      'x' + ' as int'.repeat(20_000) + ' > 0',
      'x' + ' <== x'.repeat(20_000),
      'if x == 0 { true }' + ' else if x == 1 { true }'.repeat(20_000) + ' else { false }',
    ];
    for (const c of chains) {
      const f = parseFile('t.rs', fnWith(c));
      noInternal(f);
      const fi = f.items.find((i) => i.k === 'fn' && i.name === 'f');
      expect(fi && fi.k === 'fn' && fi.parseError?.diagnostic.message, c.slice(0, 20)).toMatch(/too deeply nested or too long/);
      const g = f.items.find((i) => i.k === 'fn' && i.name === 'g');
      expect(g && g.k === 'fn' && g.parseError).toBeUndefined();
    }
  });

  it('keeps `==>` right-associative and `<==` left-associative after the loop rewrite', () => {
    expect(printExpr(parseExpr('a ==> b ==> c').expr!)).toBe(printExpr(parseExpr('a ==> (b ==> c)').expr!));
    expect(printExpr(parseExpr('a <== b <== c').expr!)).toBe(printExpr(parseExpr('(a <== b) <== c').expr!));
    expect(printExpr(parseExpr('a ==> b ==> c <== d').expr!)).toBe(printExpr(parseExpr('a ==> (b ==> (c <== d))').expr!));
    const e = parseExpr('a ==> b ==> c').expr!;
    expect(e).toMatchObject({ k: 'binary', op: '==>', l: { k: 'path', segs: ['a'] }, r: { k: 'binary', op: '==>', sp: { start: 6, end: 13 } }, sp: { start: 0, end: 13 } });
  });

  it('builds an `else if` chain as nested ifs, each spanning to the chain end', () => {
    const src = 'if a { 1 } else if b { 2 } else if c { 3 } else { 4 }';
    const e = parseExpr(src).expr!;
    expect(e).toMatchObject({ k: 'if', sp: { start: 0, end: src.length }, els: { k: 'if', sp: { start: 16, end: src.length }, els: { k: 'if', sp: { start: 32, end: src.length }, els: { k: 'block' } } } });
    expect(parseExpr('if a { 1 }').expr).toMatchObject({ k: 'if', els: null });
  });

  it('parses a chain just under the height bound without an error', () => {
    const f = parseFile('t.rs', fnWith('x' + ' + 0'.repeat(150) + ' == x'));
    expect(f.diagnostics).toEqual([]);
  });
});

describe('constructs of real Verus kernels (issue 15)', () => {
  const items = (src: string) => {
    const f = parseFile('k.rs', `verus! { ${src} }`);
    return { f, items: f.items };
  };
  const fnOf = (src: string) => {
    const { f, items: its } = items(src);
    expect(f.diagnostics).toEqual([]);
    return its.find((it) => it.k === 'fn') as Extract<(typeof its)[number], { k: 'fn' }>;
  };

  it('reads `broadcast proof fn`, module-level `broadcast use` and `broadcast group` as items', () => {
    const { f, items: its } = items(`
      pub broadcast proof fn lemma(i: int) ensures #[trigger] g(i) {}
      broadcast use lemma, crate::m::other;
      broadcast use { a, T::b, };
      impl T { pub broadcast group props { T::x, y, } }`);
    expect(f.diagnostics).toEqual([]);
    expect(its.map((i) => i.k)).toEqual(['fn', 'broadcast-use', 'broadcast-use', 'broadcast-group']);
    expect(its[0]).toMatchObject({ k: 'fn', name: 'lemma', mode: 'proof', broadcast: { start: expect.any(Number) } });
    expect(its[1]).toMatchObject({ names: [{ segs: ['lemma'] }, { segs: ['crate', 'm', 'other'] }] });
    expect(its[2]).toMatchObject({ names: [{ segs: ['a'] }, { segs: ['T', 'b'] }] });
    expect(its[3]).toMatchObject({ name: 'props', selfType: 'T', members: [{ segs: ['T', 'x'] }, { segs: ['y'] }] });
  });

  it('refuses `broadcast` on a function that is not a proof fn', () => {
    const { items: its } = items('broadcast spec fn f() -> bool { true }');
    expect(its[0]).toMatchObject({ k: 'fn', parseError: { diagnostic: { message: 'only `proof` functions can be marked `broadcast`' } } });
  });

  it('reads `broadcast use` statements in bodies and in `assert .. by` blocks', () => {
    const f = fnOf('proof fn p() { broadcast use A::x; assert(true) by { broadcast use {y, z}; }; }');
    expect(f.body!.stmts[0]).toMatchObject({ k: 'broadcast-use', names: [{ segs: ['A', 'x'] }] });
    expect(f.body!.stmts[1]).toMatchObject({ k: 'assert', proof: { stmts: [{ k: 'broadcast-use', names: [{ segs: ['y'] }, { segs: ['z'] }] }] } });
  });

  it('reads `Tracked(x): Tracked<T>` / `Ghost(x): Ghost<T>` parameters as the binding x, marked', () => {
    const f = fnOf('fn f(a: u64, Tracked(perm): Tracked<Perm>, Ghost(mut g): Ghost<int>) {}');
    expect(f.params.map((p) => [p.name, p.unwrap ?? null, p.mut ?? false])).toEqual([['a', null, false], ['perm', 'Tracked', false], ['g', 'Ghost', true]]);
    const bad = parseFile('k.rs', 'verus! { fn f(Tracked(x): Ghost<u8>) {} }');
    expect(bad.diagnostics[0]?.message).toMatch(/needs a parameter of type `Tracked<T>`/);
  });

  it('reads raw pointer types, in casts too', () => {
    const e = parseExpr('&x as *const T as usize').expr!;
    expect(e).toMatchObject({ k: 'cast', ty: { k: 'path', name: 'usize' }, e: { k: 'cast', ty: { k: 'ptr', mut: false, inner: { k: 'path', name: 'T' } } } });
    expect(parseExpr('p as *mut MaybeUninit<T>').expr).toMatchObject({ k: 'cast', ty: { k: 'ptr', mut: true, inner: { name: 'MaybeUninit' } } });
  });

  it('reads closures: plain-name parameters as a `closure` node (with an exec closure\'s `move`, result and clauses), pattern parameters whole as `unsupported`', () => {
    expect(parseExpr('|i: int| i + 1')).toMatchObject({ diagnostics: [], expr: { k: 'closure', params: [{ name: 'i', ty: { k: 'path', name: 'int' } }], body: { k: 'binary', op: '+' }, sp: { start: 0, end: 14 } } });
    expect(parseExpr('|p| s.contains(p)').expr).toMatchObject({ k: 'closure', params: [{ name: 'p', ty: { k: 'infer' } }], body: { k: 'method' } });
    expect(parseExpr('|| 0').expr).toMatchObject({ k: 'closure', params: [] });
    // exec closures: `move`, a result annotation (named or not) and clauses are kept
    expect(parseExpr('move |x| x').expr).toMatchObject({ k: 'closure', exec: { move: true, ret: null, requires: [], ensures: [] } });
    expect(parseExpr('|x| -> u8 { x }').expr).toMatchObject({ k: 'closure', exec: { move: false, ret: { name: null, ty: { name: 'u8' } } }, body: { k: 'block' } });
    const clauses = parseExpr('|y: u64| -> (z: u64) requires y == 2, y > 0 ensures z == 2 { y }');
    expect(clauses.diagnostics).toEqual([]);
    expect(clauses.expr).toMatchObject({ k: 'closure', exec: { ret: { name: 'z', ty: { name: 'u64' } }, requires: [{ k: 'binary' }, { k: 'binary' }], ensures: [{ k: 'binary' }] }, body: { k: 'block' } });
    expect(parseExpr('|x| x').expr).not.toHaveProperty('exec');
    // (`|mut x: T|` is a parameter the body may assign)
    expect(parseExpr('|mut x: int| x').expr).toMatchObject({ k: 'closure', params: [{ name: 'x', mut: true }] });
    for (const src of ['|(a, b): (int, int)| a', '|ref x: int| x']) {
      const r = parseExpr(src);
      expect(r.diagnostics).toEqual([]);
      expect(r.expr).toMatchObject({ k: 'unsupported', what: 'closure with a pattern parameter', sp: { start: 0, end: src.length } });
    }
    const call = parseExpr('Seq::new(n, |i| a[i] + 1)').expr!;
    expect(call).toMatchObject({ k: 'call', args: [{ k: 'path' }, { k: 'closure', body: { k: 'binary' } }] });
  });

  it('reads `e matches P` as a match whose bindings reach the rest of an `&&` chain or the right of `==>`', () => {
    expect(parseExpr('a matches S::A(v) && v == 3 && v > 0').expr).toMatchObject({ k: 'match', scrut: { k: 'path', segs: ['a'] }, arms: [{ pat: { k: 'variant' }, body: { k: 'binary', op: '&&' } }, { pat: { k: 'wild' }, body: { k: 'bool', value: false } }] });
    expect(parseExpr('a matches S::A(v) ==> v == 3').expr).toMatchObject({ k: 'match', arms: [{ body: { k: 'binary', op: '==' } }, { body: { k: 'bool', value: true } }] });
    // `||` ends the `&&` chain the bindings reach
    expect(parseExpr('a matches S::A(v) && v == 3 || v == 4').expr).toMatchObject({ k: 'binary', op: '||', l: { k: 'match' }, r: { k: 'binary', op: '==' } });
    expect(parseExpr('a matches S::B').expr).toMatchObject({ k: 'match', arms: [{ body: { k: 'bool', value: true } }, { body: { k: 'bool', value: false } }] });
  });

  it('reads `if let` as the `match` it means, in `else if` chains and as a statement', () => {
    const src = 'if let Some(x) = o { x } else if c { 1 } else { 2 }';
    expect(parseExpr(src).expr).toMatchObject({
      k: 'match', scrut: { k: 'path', segs: ['o'] }, sp: { start: 0, end: src.length },
      arms: [{ pat: { k: 'variant', path: ['Some'] }, body: { k: 'block' } }, { pat: { k: 'wild' }, body: { k: 'if', els: { k: 'block' } } }],
    });
    expect(parseExpr('if c { 0 } else if let Some(x) = o { x } else { 2 }').expr).toMatchObject({ k: 'if', els: { k: 'match', arms: [{}, { pat: { k: 'wild' }, body: { k: 'block' } }] } });
    const f = fnOf('fn f(o: Option<u8>) { if let Some(x) = o { g(x); } h(); }');
    expect(f.body!.stmts.map((s) => s.k)).toEqual(['expr', 'expr']);
    expect(f.body!.stmts[0]).toMatchObject({ e: { k: 'match', arms: [{}, { body: { k: 'block', block: { stmts: [] } } }] } });
  });

  it('reads `for x in it: lo..hi` as the loop over Verus\'s range iterator; other `for` loops whole, as unsupported', () => {
    const f = fnOf('fn f(n: u64) { for i in iter: 0..n invariant i <= n, { g(i); } }');
    const loop = f.body!.stmts[0]!;
    expect(loop).toMatchObject({ k: 'expr', e: { k: 'block' } });
    const stmts = (loop as { e: { block: { stmts: unknown[] } } }).e.block.stmts;
    expect(stmts).toMatchObject([
      { k: 'let', pat: { name: '$for_start' }, init: { k: 'int', value: 0n } },
      { k: 'let', pat: { name: '$for_end' }, init: { k: 'path', segs: ['n'] } },
      // (the iterator's `seq()`: every value of the range, a ghost local)
      { k: 'let', pat: { name: '$for_seq' }, ghost: true, init: { k: 'call', callee: { segs: ['Seq', 'new'] } } },
      { k: 'let', pat: { name: 'i', mut: true }, init: { k: 'path', segs: ['$for_start'] } },
      {
        k: 'expr',
        e: {
          k: 'while', cond: { op: '<' },
          inv: [{ op: '<=', l: { segs: ['$for_start'] } }, { op: '<=', r: { segs: ['$for_end'] } }, { op: '<=', l: { segs: ['i'] }, r: { segs: ['n'] } }],
          dec: [{ op: '-', l: { segs: ['$for_end'] }, r: { segs: ['i'] } }],
          body: { stmts: [{ k: 'let', pat: { name: '$for_next' } }, { k: 'expr', e: { k: 'assign' } }, { k: 'let', pat: { name: 'i' }, init: { segs: ['$for_next'] } }, { k: 'expr', e: { k: 'call' } }] },
        },
      },
    ]);
    for (const src of ['for x in v.iter().rev() { }', 'for x in it: 0..n invariant it.cur <= n { }', 'for (a, b) in 0..n { }', 'for x in it: v.iter() { v.push(1); }']) {
      const g = fnOf(`fn f(n: u64) { ${src} }`);
      expect(g.body!.stmts[0]).toMatchObject({ k: 'expr', e: { k: 'unsupported', what: '`for` loop' } });
    }
    const loopOf = (src: string) => {
      const b = fnOf(`fn f(n: u64) { ${src} }`).body!.stmts[0]!;
      const stmts = b.k === 'expr' && b.e.k === 'block' ? b.e.block.stmts : [];
      return { stmts, loop: stmts.find((x) => x.k === 'expr') };
    };
    // `lo..=hi` is `lo..hi + 1`; `ensures` / `invariant_except_break` are the loop's own
    expect(loopOf('for x in 0..=n { }').stmts[1]).toMatchObject({ k: 'let', pat: { name: '$for_end' }, init: { k: 'binary', op: '+', l: { segs: ['n'] } } });
    expect(loopOf('for x in 0..n invariant_except_break x <= n ensures true { }').loop).toMatchObject({ e: { k: 'while', invEnsures: [{ k: 'bool' }], complex: {} } });
    // a bound the body assigns: its snapshot is one the loop forgets (when isolated)
    expect(loopOf('for x in 0..m { m = m + 1; }').loop).toMatchObject({ e: { k: 'while', fromFor: true, forgets: ['$for_end'] } });
    expect(loopOf('for x in 0..n { }').loop).not.toHaveProperty('e.forgets');
    // `#[verifier::loop_isolation(false)]` on a `for` is its loop's
    expect(loopOf('#[verifier::loop_isolation(false)] for x in 0..n { }').loop).toMatchObject({ e: { k: 'while', isolation: false } });
    // over a collection place: by index, `it.index()` / `it.seq()` / `it.history()` read as the loop's values
    const c = fnOf('fn f(v: &Vec<u8>) { for x in it: v.iter() invariant it.index() <= it.seq().len(), it.history().len() >= 0 { } }');
    const block = c.body!.stmts[0]!.k === 'expr' ? c.body!.stmts[0]!.e : null;
    const inner = block?.k === 'block' ? block.block.stmts : [];
    expect(inner.map((s) => (s.k === 'let' && s.pat.k === 'bind' ? s.pat.name : s.k))).toEqual(['$for_src', '$for_seq', '$for_i', 'expr']);
    const text = JSON.stringify(inner[3], (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
    expect(text).not.toContain('"it"');
    expect(text).toContain('"take"');
  });

  it('reads `===` / `!==` as comparisons and a trailing comma in `#![trigger ..]`', () => {
    expect(parseExpr('c ==> old === new').expr).toMatchObject({ k: 'binary', op: '==>', r: { k: 'binary', op: '===' } });
    expect(parseExpr('a !== b').expr).toMatchObject({ k: 'binary', op: '!==' });
    const q = parseExpr('forall|i: int| #![trigger f(i), ] f(i)');
    expect(q.diagnostics).toEqual([]);
    expect(q.expr).toMatchObject({ k: 'quant', triggers: [[{ k: 'call' }]] });
  });
});

describe('generic parameters', () => {
  it("gives a method's `where` bound on its impl's parameter to that method's copy of the parameter only", () => {
    const f = parseFile('w.rs', `verus! {
impl<S, R> H<S, R> {
  fn a(&self) where S: Tr, Self: Sized {}
  fn b(&self) {}
}
}`);
    expect(f.diagnostics).toEqual([]);
    const fns = f.items.filter((i) => i.k === 'fn');
    const [a, b] = fns as Extract<(typeof fns)[number], { k: 'fn' }>[];
    expect(a!.genericParams!.map((p) => [p.name, p.bounds.map((x) => x.name)])).toEqual([['S', ['Tr']], ['R', []]]);
    // (a bound on anything but a parameter stays one the verifier does not read)
    expect(a!.otherBounds).toHaveLength(1);
    expect(b!.genericParams!.map((p) => [p.name, p.bounds.map((x) => x.name)])).toEqual([['S', []], ['R', []]]);
  });

  it('reads a statement-opening `#[trigger]` as a trigger of its first term, and spec_cast_integer as a cast', () => {
    const f = parseFile('t.rs', `verus! {
spec fn p(s: Seq<int>) -> bool { forall|i: int| { let x = 1; #[trigger] s[i] > x } }
spec fn q(x: nat) -> int { spec_cast_integer::<nat, int>(x) }
}`);
    expect(f.diagnostics).toEqual([]);
    const [p, q] = f.items as Extract<(typeof f.items)[number], { k: 'fn' }>[];
    const quant = (p!.body!.stmts[0] as { e: Extract<Parameters<typeof printExpr>[0], { k: 'quant' }> }).e;
    expect(quant.body).toMatchObject({ k: 'block', block: { stmts: [{ k: 'let' }, { k: 'expr', e: { k: 'binary', op: '>', l: { k: 'trigger' } } }] } });
    expect(q!.body!.stmts[0]).toMatchObject({ e: { k: 'cast', e: { k: 'path', segs: ['x'] }, ty: { k: 'path', name: 'int' } } });
  });

  it('reads type and const parameters with their bounds, where clauses and the impl\'s self arguments', () => {
    const f = parseFile('g.rs', `verus! {
struct S<T: Copy + ?Sized, const N: usize> where T: Clone { t: T }
impl<'a, A: Copy, const N: usize> S<Option<A>, N> where Vec<A>: Foo {
  fn m<U: Iterator<Item = u8>>(&self, u: U) where U: Send {}
}
fn g<T = u8, 'b: 'a>() {}
fn h() { let x = S::<u8, 3>::new(); let y = f::<u8>(); }
}`);
    expect(f.diagnostics).toEqual([]);
    const s = f.items.find((i) => i.k === 'struct')!;
    if (s.k !== 'struct') throw new Error();
    expect(s.generics).toEqual(['T', 'N']);
    expect(s.genericParams!.map((p) => [p.name, p.kind, p.bounds.map((b) => `${b.maybe ? '?' : ''}${b.name}`)])).toEqual([['T', 'type', ['Copy', '?Sized', 'Clone']], ['N', 'const', []]]);
    const m = f.items.find((i) => i.k === 'fn' && i.name === 'm')!;
    if (m.k !== 'fn') throw new Error();
    expect(m.generics).toEqual(['A', 'N', 'U']);
    expect(m.implGenerics).toBe(2);
    expect(m.genericParams!.find((p) => p.name === 'U')!.bounds.map((b) => [b.name, b.hasArgs])).toEqual([['Iterator', true], ['Send', false]]);
    expect(m.otherBounds).toHaveLength(1);
    expect(m.selfArgs!.map((a) => (a.k === 'path' ? a.name : a.k))).toEqual(['Option', 'N']);
    const g = f.items.find((i) => i.k === 'fn' && i.name === 'g')!;
    if (g.k !== 'fn') throw new Error();
    // a default is a bound the verifier does not read; a lifetime bound is recorded as such
    expect(g.genericParams!.map((p) => [p.name, p.bounds.map((b) => b.name)])).toEqual([['T', ['?']]]);
    expect(g.lifetimeBounds).toBe(true);
  });
  it('reads a bound written as a path (`crate::m::Tr`, `super::Tr`) as its trait', () => {
    const f = parseFile('g.rs', 'verus! {\nfn f<A: crate::m::Tr, B: super::Tr2 + ::core::marker::Copy>() {}\n}');
    expect(f.diagnostics).toEqual([]);
    const fn = f.items.find((i) => i.k === 'fn')!;
    if (fn.k !== 'fn') throw new Error();
    expect(fn.genericParams!.map((p) => [p.name, p.bounds.map((b) => b.name)])).toEqual([['A', ['Tr']], ['B', ['Tr2', 'Copy']]]);
  });
});

describe('char literals', () => {
  it('decode to their code points, as rustc reads them', () => {
    expect(charLiteralValue("'a'")).toBe(97);
    expect(charLiteralValue("'💩'")).toBe(0x1f4a9);
    expect(charLiteralValue("'\\n'")).toBe(10);
    expect(charLiteralValue("'\\''")).toBe(39);
    expect(charLiteralValue("'\\x7f'")).toBe(127);
    expect(charLiteralValue("'\\u{1F_600}'")).toBe(0x1f600);
    expect(charLiteralValue("'\\xff'", true)).toBe(255);
  });
  it('refuses what rustc refuses: \\x past 0x7f in a char, surrogates, past 0x10FFFF, two chars', () => {
    expect(charLiteralValue("'\\x80'")).toBeNull();
    expect(charLiteralValue("'\\u{D800}'")).toBeNull();
    expect(charLiteralValue("'\\u{110000}'")).toBeNull();
    expect(charLiteralValue("'ab'")).toBeNull();
    expect(charLiteralValue("'\\q'")).toBeNull();
  });
  it('byte literals are u8 integers, chars are their own type', () => {
    expect(parseExpr("b'a'").expr).toMatchObject({ k: 'int', value: 97n, suffix: 'u8' });
    expect(parseExpr("'a'").expr).toMatchObject({ k: 'char', value: 97 });
  });
});

describe('chained equality', () => {
  it('consecutive `==` chain as in Verus (`a == b == c` is `a == b && b == c`), with inequalities too; `!=` associates left', () => {
    expect(parseExpr('a == b == c').expr).toMatchObject({ k: 'chain', ops: ['==', '=='] });
    expect(parseExpr('a == b == c == d').expr).toMatchObject({ k: 'chain', ops: ['==', '==', '=='] });
    expect(parseExpr('a < b == c').expr).toMatchObject({ k: 'chain', ops: ['<', '=='] });
    expect(parseExpr('a == b < c').expr).toMatchObject({ k: 'chain', ops: ['==', '<'] });
    expect(parseExpr('a != b == c').expr).toMatchObject({ k: 'binary', op: '==', l: { k: 'binary', op: '!=' } });
  });
});

describe('reveal paths', () => {
  const stmt = (src: string) => parseFile('x.rs', `verus! { fn f() { ${src} } }`).items[0];
  it('reads `<A as Tr>::f` (generic arguments ignored) and `A::<_>::f` as A\'s f; `<Self as Tr>::f` is marked', () => {
    expect(stmt('reveal(<A<_> as Tr<_>>::f);')).toMatchObject({ body: { stmts: [{ k: 'reveal', name: ['A', 'f'], qualified: true }] } });
    expect(stmt('reveal(A::<_>::f);')).toMatchObject({ body: { stmts: [{ k: 'reveal', name: ['A', 'f'] }] } });
    expect(stmt('reveal(<Self as Tr>::f);')).toMatchObject({ body: { stmts: [{ k: 'reveal', selfQualified: true }] } });
  });
  it('`hide(f)` is a reveal statement marked `hide`, with the same paths', () => {
    expect(stmt('hide(<A as Tr>::f);')).toMatchObject({ body: { stmts: [{ k: 'reveal', name: ['A', 'f'], qualified: true, hide: true }] } });
    expect(stmt('hide(g);')).toMatchObject({ body: { stmts: [{ k: 'reveal', name: ['g'], hide: true }] } });
    expect(stmt('hide(g,);')).toMatchObject({ body: { stmts: [{ k: 'reveal', name: ['g'], fuel: null, hide: true }] } });
    expect(stmt('reveal_with_fuel(g, 2,);')).toMatchObject({ body: { stmts: [{ k: 'reveal', name: ['g'], fuel: 2 }] } });
  });

  it("reads vstd's `seq![e; n]` as `Seq::new(n, |_x| e)`, and `seq![a, b]` as before", () => {
    expect(parseExpr('seq![5; 10]').expr).toMatchObject({ k: 'call', callee: { k: 'path', segs: ['Seq', 'new'] }, args: [{ k: 'int', value: 10n }, { k: 'closure', params: [{ name: '_x' }], body: { k: 'int', value: 5n } }] });
    expect(parseExpr('seq![5, 10]').expr).toMatchObject({ k: 'macro', name: 'seq', args: [{ k: 'int' }, { k: 'int' }] });
    expect(parseExpr('seq![]').expr).toMatchObject({ k: 'macro', name: 'seq', args: [] });
  });

  it('reads `box p` as the pattern `p` (the types erase a Box)', () => {
    const f = parseFile('t.rs', 'verus! { spec fn f(n: Option<Box<u8>>) -> u8 { match n { Some(box m) => m, None => 0 } } }');
    expect(f.diagnostics).toEqual([]);
    const arms = (f.items[0] as unknown as { body: { stmts: { e: { arms: { pat: unknown }[] } }[] } }).body.stmts[0]!.e.arms;
    expect(arms[0]!.pat).toMatchObject({ k: 'variant', args: [{ k: 'bind', name: 'm' }] });
  });

  it("reads a tuple struct's field modes (`struct S(ghost A, tracked B, C)`)", () => {
    const f = parseFile('t.rs', 'verus! { struct S(ghost u8, tracked u16, pub u32); }');
    expect(f.diagnostics).toEqual([]);
    expect((f.items[0] as unknown as { fields: unknown[] }).fields).toMatchObject([{ name: '0', mode: 'ghost' }, { name: '1', mode: 'tracked' }, { name: '2' }]);
    expect((f.items[0] as unknown as { fields: { mode?: string }[] }).fields[2]!.mode).toBeUndefined();
  });

  it('reads a clause list ended by `;` before the next clause (`requires a; ensures b`)', () => {
    const f = parseFile('t.rs', 'verus! { fn f(x: u32) requires x < 10; ensures x == 1, { } }');
    expect(f.diagnostics).toEqual([]);
    expect(f.items[0]).toMatchObject({ k: 'fn', requires: [{ k: 'binary', op: '<' }], ensures: [{ k: 'binary', op: '==' }] });
  });

  it("refuses what Verus refuses to read: a parameter pattern, parentheses around a quantifier's closure", () => {
    for (const src of ['fn f((a, b): (u8, u8)) {}', 'fn f(a @ b: u8) {}']) expect(parseFile('t.rs', `verus! { ${src} }`).diagnostics[0]!.message).toMatch(/plain identifier pattern/);
    expect(parseExpr('forall (|i: int| i == i)').diagnostics[0]!.message).toMatch(/forall, choose, and exists do not allow parentheses/);
  });

  it('reads `proof_fn(tracked A, B) -> tracked C` and `proof_fn|tracked x: A| ..` with their modes', () => {
    const f = parseFile('t.rs', 'verus! { proof fn p(tracked f: proof_fn(tracked u8, u16) -> tracked u8, g: proof_fn(u8) -> u8) { let tracked h = proof_fn|tracked x: u8, y: u8| -> tracked u8 { x }; } }');
    expect(f.diagnostics).toEqual([]);
    const fn = f.items[0] as unknown as { params: { ty: { tracked?: unknown } }[]; body: { stmts: { init: { params: { tracked?: boolean }[] } }[] } };
    expect(fn.params[0]!.ty.tracked).toEqual({ params: [true, false], ret: true });
    expect(fn.params[1]!.ty.tracked).toBeUndefined();
    expect(fn.body.stmts[0]!.init.params.map((p) => !!p.tracked)).toEqual([true, false]);
  });
});

describe('extern blocks', () => {
  it('reads an `extern "C"` block: an external fn is ignored, a specification attribute is an error, the rest unsupported', () => {
    const items = parseFile('x.rs', 'verus! {\nextern "C" {\n#[verifier(external)]\nfn a();\n#[verifier(external_fn_specification)]\nfn b();\nfn c(x: u8) -> u8;\ntype T;\n}\nfn d() {}\n}').items;
    expect(items.map((it) => (it.k === 'error' ? `error: ${it.diagnostic.message}` : it.k === 'unsupported' ? `unsupported: ${it.what}` : it.k === 'external-fn' ? `external ${it.fn.name}` : it.k === 'fn' ? `fn ${it.name}` : it.k))).toEqual([
      'external a',
      'error: assume_specification not supported here',
      'unsupported: the foreign function `c` (an `extern` block)',
      'unsupported: an item of an `extern` block other than a function',
      'fn d',
    ]);
  });
});

describe('assert_by', () => {
  it("reads Verus's older `assert_by(e, { .. });` as `assert(e) by { .. }`", () => {
    const f = parseFile('x.rs', 'verus! { proof fn p() { assert_by(1 + 1 == 2, { assert(true); }); } }').items[0];
    expect(f).toMatchObject({ k: 'fn', body: { stmts: [{ k: 'assert', by: 'block', e: { k: 'binary', op: '==' }, proof: { stmts: [{ k: 'assert' }] } }] } });
  });
});

describe('matches in bullet lists', () => {
  it("refuses `e matches P &&& q` unless the `matches` is an item of the `&&&` list (Verus's parser)", () => {
    expect(parseExpr('{ x matches Some(y) &&& true }').diagnostics.map((d) => d.message)).toEqual(['in &&&, a matches expression needs to be prefixed with &&&']);
    expect(parseExpr('{ &&& x matches Some(y) &&& y > 0 }').diagnostics).toEqual([]);
    expect(parseExpr('{ ||| x matches Some(y) ||| true }').diagnostics).toEqual([]);
    expect(parseExpr('{ ||| x matches Some(y) && y matches Some(z) ||| true }').diagnostics).toEqual([]);
  });
});
