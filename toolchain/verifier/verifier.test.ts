// Everything that needs the solver lives in this one file so that at most two solver workers run
// at a time (vitest runs files in parallel processes).
import { describe, it, expect, afterAll } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { verifySources, shutdownSolvers, solverPoolForTests, nativeZ3Available, incrementalSolverForTests } from './index';
import { NativeSolverQueue } from './solver-pool';
import type { ObligationResult, VerifyReport } from '../../app/verification';
import { corpusFiles, expectations, compare } from './tests/corpus-lib';

const JOBS = 2;
const tmpRoots: string[] = [];
function tmpRoot(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'stratos-verifier-'));
  tmpRoots.push(d);
  return d;
}
afterAll(async () => {
  await shutdownSolvers();
  for (const d of tmpRoots) rmSync(d, { recursive: true, force: true });
});

describe('corpus', () => {
  it('gives the expected verdict for every corpus function (the embedded wasm solver, incremental sessions)', async () => {
    const files = corpusFiles();
    const exps = expectations(files);
    const inc = incrementalSolverForTests(JOBS, 'wasm');
    const [checks0, unsat0] = [inc.checks, inc.unsat];
    const report = await verifySources(files, { root: tmpRoot(), jobs: JOBS, useCache: false, timeoutMs: 20_000, solver: 'wasm' });
    // the sessions did most of the work, and met queries they do not prove
    expect(inc.unsat - unsat0).toBeGreaterThan(report.summary.obligations / 2);
    expect(inc.checks - checks0).toBeGreaterThan(inc.unsat - unsat0);
    const c = compare(report, exps);
    // the corpus is big and covers every obligation kind
    expect(exps.length).toBeGreaterThanOrEqual(200);
    expect(c.failedTotal / (c.failedTotal + c.verifiedTotal)).toBeGreaterThanOrEqual(0.4);
    // and programs rustc or Verus rejects: each must be an `error` with a span
    expect(exps.filter((e) => e.verdict === 'error').length).toBeGreaterThan(10);
    const kinds = new Set(exps.filter((e) => e.verdict === 'failed').map((e) => e.kind));
    for (const k of ['precondition', 'postcondition', 'assertion', 'invariant-entry', 'invariant-preserved', 'overflow', 'underflow', 'division-by-zero', 'index-bounds', 'decreases', 'unwrap']) expect(kinds).toContain(k);
    expect(c.unmatched).toEqual([]);
    // every expected failure fails with the stated kind (soundness)
    expect(c.mismatches.filter((m) => m.exp.verdict === 'failed')).toEqual([]);
    // >= 95% of expected-verified verify (we aim for all)
    expect(c.verifiedOk / c.verifiedTotal).toBeGreaterThanOrEqual(0.95);
    expect(c.mismatches).toEqual([]);
    // the expected `error` / `unsupported` results, each with a span, and no other
    expect(c.reportedOk).toBe(c.reportedTotal);
    expect(report.summary.unsupported).toBe(exps.filter((e) => e.verdict === 'unsupported').length);
    expect(report.summary.error).toBe(exps.filter((e) => e.verdict === 'error').length);
    // obligation by obligation, the same as with every query standalone
    const standalone = await verifySources(files, { root: tmpRoot(), jobs: JOBS, useCache: false, timeoutMs: 20_000, solver: 'wasm', incremental: false });
    const got = verdicts(report);
    const alone = verdicts(standalone);
    // A wasm worker's standalone answer can depend on what its z3 context saw before (a query
    // needing ~3,600 quantifier instances once came back `unknown` in a loaded CI run and `unsat`
    // in every rerun): a function that differs is solved standalone once more and must then
    // match. An incremental `proved` that no standalone solve confirms still fails.
    for (let i = 0; i < alone.length; i++) {
      if (JSON.stringify(alone[i]) === JSON.stringify(got[i])) continue;
      const fn = standalone.functions[i];
      const again = await verifySources(files, { root: tmpRoot(), jobs: 1, useCache: false, timeoutMs: 20_000, solver: 'wasm', incremental: false, functionFilter: fn.name });
      const redo = verdicts(again).find((v) => v.fn === alone[i].fn);
      console.warn(`standalone rerun of ${alone[i].fn}: ${JSON.stringify(redo?.obligations.map((o) => o.status))}`);
      if (redo) alone[i] = redo;
    }
    expect(got).toEqual(alone);
  }, 360_000);
});

/** Each function's verdict and its obligations' (what incremental and standalone runs must agree on). */
function verdicts(r: VerifyReport) {
  return r.functions.map((f) => ({
    fn: `${f.file}:${f.name}`,
    status: f.status,
    obligations: f.obligations.map((o) => ({ kind: o.kind, line: o.span.start.line, col: o.span.start.column, status: o.status, message: o.message, counterexample: o.counterexample ? { check: o.counterexample.check, variables: o.counterexample.variables.map((v) => v.name) } : null })),
  }));
}

// ---------------- integer encoding vs concrete evaluation ----------------

type IntTy = 'u8' | 'u64' | 'i32';
const RANGE: Record<IntTy, [bigint, bigint]> = { u8: [0n, 255n], u64: [0n, (1n << 64n) - 1n], i32: [-(1n << 31n), (1n << 31n) - 1n] };
const BITS: Record<IntTy, bigint> = { u8: 8n, u64: 64n, i32: 32n };

type Node = { op: 'lit'; v: bigint } | { op: 'var'; name: 'a' | 'b' } | { op: string; l: Node; r: Node } | { op: 'cast'; from: IntTy; e: Node };

function wrapTo(x: bigint, t: IntTy): bigint {
  const m = 1n << BITS[t];
  let r = ((x % m) + m) % m;
  if (t === 'i32' && r >= m >> 1n) r -= m;
  return r;
}

/** Concrete Rust semantics: returns the value, or the kind of panic. */
function evalNode(n: Node, t: IntTy, env: { a: bigint; b: bigint }): bigint | string {
  if (n.op === 'lit') return (n as { v: bigint }).v;
  if (n.op === 'var') return env[(n as { name: 'a' | 'b' }).name];
  if (n.op === 'cast') {
    const c = n as { from: IntTy; e: Node };
    const v = evalNode(c.e, c.from, env);
    return typeof v === 'string' ? v : wrapTo(v, t);
  }
  const b = n as { op: string; l: Node; r: Node };
  const x = evalNode(b.l, t, env);
  if (typeof x === 'string') return x;
  const y = evalNode(b.r, t, env);
  if (typeof y === 'string') return y;
  const [lo, hi] = RANGE[t];
  let r: bigint;
  switch (b.op) {
    case '+': r = x + y; break;
    case '-': r = x - y; break;
    case '*': r = x * y; break;
    case '/': if (y === 0n) return 'division-by-zero'; if (t === 'i32' && x === lo && y === -1n) return 'overflow'; return x / y;
    case '%': if (y === 0n) return 'division-by-zero'; if (t === 'i32' && x === lo && y === -1n) return 'overflow'; return x % y;
    case '&': return wrapTo(wrapTo(x, 'u64') & wrapTo(y, 'u64'), t);
    case '|': return wrapTo(wrapTo(x, 'u64') | wrapTo(y, 'u64'), t);
    case '^': return wrapTo(wrapTo(x, 'u64') ^ wrapTo(y, 'u64'), t);
    default: throw new Error(b.op);
  }
  if (r > hi) return 'overflow';
  if (r < lo) return 'underflow';
  return r;
}

function show(n: Node, t: IntTy): string {
  if (n.op === 'lit') return `${(n as { v: bigint }).v}${t}`.replace(/^-(.*)$/, '(-$1)');
  if (n.op === 'var') return (n as { name: string }).name;
  if (n.op === 'cast') {
    const c = n as { from: IntTy; e: Node };
    return `((${show(c.e, c.from)}) as ${t})`;
  }
  const b = n as { op: string; l: Node; r: Node };
  return `(${show(b.l, t)} ${b.op} ${show(b.r, t)})`;
}

function nodeArb(t: IntTy, depth: number): fc.Arbitrary<Node> {
  const [lo, hi] = RANGE[t];
  const lit = fc.oneof(fc.bigInt({ min: lo, max: hi }), fc.constantFrom(lo, hi, 0n, 1n, 2n)).map((v) => ({ op: 'lit', v }) as Node);
  const leaf = fc.oneof(lit, fc.constantFrom<Node>({ op: 'var', name: 'a' }, { op: 'var', name: 'b' }));
  if (depth <= 0) return leaf;
  const sub = nodeArb(t, depth - 1);
  return fc.oneof(
    { weight: 2, arbitrary: leaf },
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom('+', '-', '*', '/', '%', '&', '|', '^'), sub, sub).map(([op, l, r]) => ({ op, l, r }) as Node) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom<IntTy>('u8', 'u64', 'i32').filter((f) => f !== t), fc.constant(0)).chain(([from]) => nodeArb(from, 0).map((e) => ({ op: 'cast', from, e }) as Node)) },
  );
}

describe('integer encoding agrees with concrete evaluation', () => {
  for (const t of ['u8', 'u64', 'i32'] as IntTy[]) {
    it(`random ${t} expressions`, async () => {
      const [lo, hi] = RANGE[t];
      const cases = fc.sample(fc.tuple(nodeArb(t, 2), fc.bigInt({ min: lo, max: hi }), fc.bigInt({ min: lo, max: hi })), { numRuns: 14, seed: t.length * 7919 });
      const fns: string[] = [];
      const expected: { name: string; verdict: string }[] = [];
      cases.forEach(([n, a, b], i) => {
        // casts inside read the variables at their own type: keep variables out of casts
        const res = evalNode(n, t, { a, b });
        const name = `e${i}`;
        const body = `let a: ${t} = ${a}${t}; let b: ${t} = ${b}${t}; let r: ${t} = ${show(n, t)};`;
        if (typeof res === 'string') {
          fns.push(`fn ${name}() { ${body} }`);
          expected.push({ name, verdict: res });
        } else {
          fns.push(`fn ${name}() { ${body} assert(r == ${res}); }`);
          expected.push({ name, verdict: 'verified' });
        }
      });
      const src = `verus! {\n${fns.join('\n')}\n}\n`;
      const report = await verifySources(new Map([['enc.rs', src]]), { root: tmpRoot(), jobs: JOBS, useCache: false });
      for (const e of expected) {
        const f = report.functions.find((x) => x.name === e.name)!;
        const failed = f.obligations.filter((o) => o.status === 'failed').map((o) => o.kind);
        const what = `${fns[Number(e.name.slice(1))]} => ${f.status} ${f.detail ?? ''} [${f.obligations.filter((o) => o.status !== 'proved').map((o) => `${o.kind}:${o.status}:${o.message}`).join('; ')}]`;
        if (e.verdict === 'verified') expect(f.status, what).toBe('verified');
        else expect(failed, what).toContain(e.verdict);
      }
    }, 120_000);
  }
});

// ---------------- counterexamples checked by running the code ----------------

describe('attributes, options and code outside verus!', () => {
  const run = async (src: string, opts: { noCheating?: boolean; checkApiSafety?: boolean; noExternalByDefault?: boolean } = {}) => {
    const r = await verifySources(new Map([['a.rs', src]]), { root: tmpRoot(), jobs: JOBS, useCache: false, ...opts });
    return Object.fromEntries(r.functions.map((f) => [f.name, f.status]));
  };
  const plain = `fn ok(x: u8) -> (r: u8) requires x < 9 ensures r == x + 1 { x + 1 }
fn bad(x: u8) -> (r: u8) ensures r == 0 { 0 }`;

  it("a problem in a callee's clause is reported at its place in the callee's file", async () => {
    // the ensures has no trigger term that mentions both variables (`<` is interpreted)
    const callee = `verus! {\n\npub proof fn lemma_order()\n    ensures forall|a: int, b: int| a < b ==> a + 1 <= b,\n{\n}\n}\n`;
    const caller = `verus! {\nproof fn user() { lemma_order(); }\n}\n`;
    const r = await verifySources(new Map([['lemmas.rs', callee], ['user.rs', caller]]), { root: tmpRoot(), jobs: JOBS, useCache: false });
    const user = r.functions.find((f) => f.name === 'user')!;
    expect(user.status).toBe('error');
    expect(user.detail).toMatch(/^Could not automatically infer triggers .* at lemmas\.rs:4:13$/);
    // the diagnostic is on the caller's name, in the caller's file, and names the callee's place
    const d = r.diagnostics.find((x) => x.file === 'user.rs')!;
    expect(d.span.start).toEqual({ line: 2, column: 10 });
    expect(d.message).toMatch(/\(at lemmas\.rs:4:13\)$/);
  });

  it('a type invariant is checked where its values are built, and reaches no other function', async () => {
    expect(await run(`verus! {\n${plain}\n}`)).toEqual({ ok: 'verified', bad: 'verified' });
    const inv = `verus! {\nstruct X { v: u8 }\nimpl X {\n#[verifier::type_invariant]\nspec fn inv(&self) -> bool { self.v < 5 }\n}\nfn build() -> X { X { v: 7 } }\n${plain}\n}`;
    expect(await run(inv)).toEqual({ 'X::inv': 'verified', build: 'failed', ok: 'verified', bad: 'verified' });
  });

  it('a specification of a function we cannot see and unknown verifier attributes reach the whole crate', async () => {
    const r = await run(`verus! {\n#[verifier::no_such_thing]\nfn g() {}\n${plain}\n}`);
    expect(r).toEqual({ g: 'unsupported', ok: 'unsupported', bad: 'unsupported' });
    // (plain Rust inside a plain module, not read: what its callers mean is not known here)
    const outside = await run(`mod m { pub fn hidden(b: bool) -> bool { b } }\nverus! {\n#[verifier::external_fn_specification]\nfn ex_hidden(b: bool) -> (r: bool) ensures r == b { m::hidden(b) }\n${plain}\n}`);
    expect(outside).toMatchObject({ ok: 'unsupported', bad: 'unsupported' });
    // (a top-level plain-Rust function is an external one: its specification is read, as Verus does)
    const top = await run(`fn hidden(b: bool) -> bool { b }\nverus! {\n#[verifier::external_fn_specification]\nfn ex_hidden(b: bool) -> (r: bool) ensures r == b { hidden(b) }\nfn use_it() { let x = hidden(true); assert(x); }\nfn use_it_wrong() { let x = hidden(true); assert(!x); }\n${plain}\n}`);
    expect(top).toMatchObject({ ok: 'verified', bad: 'verified', use_it: 'verified', use_it_wrong: 'failed' });
    // a specification's attribute on a function without the call is Verus's error
    expect(await run(`verus! {\n#[verifier(external_fn_specification)]\nfn g() {}\n${plain}\n}`)).toMatchObject({ ok: 'verified', bad: 'verified', '<specification g>': 'error' });
    // an attribute of its own on a struct too
    expect(await run(`verus! {\n#[verifier(external_type_specification)]\nstruct ExX(u8);\n${plain}\n}`)).toMatchObject({ ok: 'unsupported', bad: 'unsupported' });
    // a std function the library specifies: a crate without the library may specify it itself,
    // with the library's signature; with the library loaded it is Verus's duplicate
    const swapSpec = (bound: string) => `#[verifier(external_fn_specification)]\npub fn sw<T${bound}>(a: &mut T, b: &mut T) ensures *final(a) == *old(b), *final(b) == *old(a) { std::mem::swap(a, b) }`;
    const swaps = 'fn sw_ok() { let mut x: u8 = 1; let mut y: u8 = 2; std::mem::swap(&mut x, &mut y); assert(x == 2 && y == 1); }\nfn sw_bad() { let mut x: u8 = 1; let mut y: u8 = 2; std::mem::swap(&mut x, &mut y); assert(x == 1); }';
    expect(await run(`verus! {\n${swapSpec('')}\n${swaps}\n}`)).toMatchObject({ sw_ok: 'verified', sw_bad: 'failed' });
    expect(Object.entries(await run(`verus! {\n${swapSpec(': Copy')}\n${swaps}\n}`))).toContainEqual(['<specification sw>', 'error']);
    expect(Object.entries(await run(`use vstd::prelude::*;\nverus! {\n${swapSpec('')}\n${swaps}\n}`))).toContainEqual(['<specification sw>', 'error']);
  });

  it('Verus attributes and macros in plain Rust are unsupported, plain attributes are not', async () => {
    // (at the top level, the attribute form is verified code: attr-form.ts)
    const top = await run(`#[verus_spec(r => ensures r == 1)]\nfn outside() -> u8 { 2 }\nverus! {\n${plain}\n}`);
    expect(top).toEqual({ outside: 'failed', ok: 'verified', bad: 'verified' });
    const out = await run(`mod m { #[verus_spec(r => ensures r == 1)]\nfn outside() -> u8 { 2 } }\nverus! {\n${plain}\n}`);
    expect(Object.values(out).filter((s) => s === 'unsupported')).toHaveLength(1);
    expect(out.ok).toBe('verified');
    const inFn = await run(`fn outside() { proof! { assert(false); } }\nmod m { verus! { proof fn p() { assert(false); } } }\nverus! {\n${plain}\n}`);
    expect(Object.values(inFn).filter((s) => s === 'unsupported')).toHaveLength(2);
    const rust = await run(`#[derive(Clone)]\n#[cfg(test)]\nfn outside() {}\n#![allow(unused)]\nverus! {\n${plain}\n}`);
    expect(rust).toEqual({ ok: 'verified', bad: 'verified' });
  });

  it('a crate with no function inside verus! is unsupported, not verified; so is a negative impl', async () => {
    const nothing = await run(`struct Foo { i: u8 }\npub fn f<T: Sync>(t: T) {}\npub fn g(x: Foo) { f(x); }`);
    expect(Object.values(nothing)).toEqual(['unsupported']);
    expect(Object.keys(nothing)[0]).toMatch(/no verus! function/);
    const neg = await run(`struct Foo { i: u8 }\nimpl !Sync for Foo { }\npub fn f<T: Sync>(t: T) {}\nverus! {\n${plain}\n}`);
    expect(neg).toMatchObject({ ok: 'verified', bad: 'verified' });
    expect(Object.entries(neg).filter(([k, v]) => /negative impl `impl !Sync`/.test(k) && v === 'unsupported')).toHaveLength(1);
  });

  it('a crate of declarations only is checked whole: verified with nothing to prove, or its errors and gaps', async () => {
    // nothing but datatypes and traits inside verus!: no result, nothing to prove
    expect(await run(`verus! {\nstruct S { x: u8 }\nenum E<A> { L(A), N }\ntrait T { spec fn f(&self) -> int; }\n#[verifier::reject_recursive_types(A)]\nstruct W<A>(spec_fn(A) -> int);\n}`)).toEqual({});
    // plain Rust beside it is not checked: not verified
    expect(Object.values(await run(`struct P;\nverus! {\nstruct S { x: u8 }\n}`))).toEqual(['unsupported']);
    // a field type that does not resolve is an error though no function uses it
    expect(await run(`verus! {\nstruct S { x: Foo }\n}`)).toEqual({ '<struct S>': 'error' });
    // a datatype this verifier cannot encode is unsupported though no function uses it
    expect(await run(`verus! {\ntrait T { type X; }\nstruct Q<A: T>(A::X);\n}`)).toEqual({ '<struct Q>': 'unsupported' });
    // Verus's errors on declarations
    const errs = async (src: string) => Object.values(await run(`verus! {\n${src}\n}`));
    expect(await errs('struct S { f: spec_fn(S) -> int }')).toEqual(['error']);
    expect(await errs('struct W<A>(spec_fn(A) -> int);')).toEqual(['error']);
    expect(await errs('trait T { type A: T; }')).toEqual(['error']);
    expect(await errs('trait T1 { type A: T2; }\ntrait T2 { type A: T1; }')).toContain('error');
    expect(await errs('pub trait T { open spec fn foo(&self) -> bool; }')).toEqual(['error']);
    expect(await errs('#[is_variant]\npub struct M<T> { t: T }')).toEqual(['error']);
    expect(await errs('#[verifier(external_fn_specification)]\n#[verifier(external)]\npub fn sw<T>(a: &mut T, b: &mut T) { std::mem::swap(a, b) }')).toContain('error');
    // a transparent external type specification's polarity holds at the type's uses
    expect(await errs('#[verifier(external)]\npub enum SomeS<T> { No, Yes(T) }\n#[verifier(external_type_specification)]\n#[verifier(reject_recursive_types(U))]\npub struct ExSomeS<U>(SomeS<U>);\nstruct Test { t: Box<SomeS<Test>> }')).toEqual(['error']);
    // with a function, the positivity error is still the datatype's
    const withFn = await run(`verus! {\nstruct S { f: spec_fn(S) -> int }\nproof fn p(s: S) ensures false { }\n}`);
    expect(withFn['<struct S>']).toBe('error');
    expect(withFn.p).not.toBe('verified');
  });

  it('--no-cheating: assume, admit and external_body fail at their spans, assume_termination is an error', async () => {
    const src = `verus! {
fn a(x: u8) { assume(x == 1); assert(x == 1); }
proof fn b() { admit(); assert(false); }
#[verifier::external_body]
fn c() -> (r: u8) ensures r == 1 { 2 }
fn d(x: u8) { proof { assume(x == 1); } }
fn e(x: u8) requires x == 1 { assert(x == 1); }
#[verifier::assume_termination]
fn f(x: u8) { f(x); }
}`;
    expect(await run(src, { noCheating: true })).toEqual({ a: 'failed', b: 'failed', c: 'failed', d: 'failed', e: 'verified', f: 'error' });
    const without = await run(src);
    expect([without.a, without.c, without.d, without.e, without.f]).toEqual(['verified', 'verified', 'verified', 'verified', 'verified']);
  });
  it('--no-external-by-default: the code outside verus! is verified too (a wrong function fails), and a verus! block in it is read', async () => {
    const src = `fn ok(x: u8) -> (r: u8) requires x < 9 ensures r == x + 1 { x + 1 }
fn wrong(x: u8) -> (r: u8) ensures r == x { 0 }
verus! { fn inside(x: u8) ensures x == x {} }
fn calls() { let y = ok(3); assert(y == 4); }`;
    expect(await run(src, { noExternalByDefault: true })).toEqual({ ok: 'verified', wrong: 'failed', inside: 'verified', calls: 'verified' });
    // (by default only the verus! block is Verus code)
    expect(await run(src)).toEqual({ inside: 'verified' });
    // Verus's expanded form of a trait method's clauses is no one's source: unsupported, not read as
    // a method; but Verus's checks of it against the method apply (its body's end, its signature)
    const expanded = await run('trait T { fn VERUS_SPEC__f(&self) { no_method_body() } fn f(&self); }', { noExternalByDefault: true });
    expect(Object.values(expanded)).toEqual(['unsupported']);
    for (const [spec, message] of [
      ['fn VERUS_SPEC__f(&self) { }', 'must end with call to no_method_body()'],
      ['fn VERUS_SPEC__f(&self, x: u8) { no_method_body() }', 'different number of parameters'],
      ['fn VERUS_SPEC__f(&self) -> u8 { no_method_body() }', 'different return'],
      ['fn VERUS_SPEC__g(&self) { no_method_body() }', 'no matching method found'],
    ]) {
      const r = await verifySources(new Map([['a.rs', `trait T { ${spec} fn f(&self); }`]]), { root: tmpRoot(), jobs: JOBS, useCache: false, noExternalByDefault: true });
      expect(JSON.stringify(r)).toContain(message);
    }
  });
  it("--check-api-safety: a public safe API requires nothing of safe callers, and a public safe trait ensures only what any implementation gives", async () => {
    const src = `verus! {
pub fn pub_requires(x: u8) requires x > 0 {}
fn private_requires(x: u8) requires x > 0 {}
pub unsafe fn unsafe_requires(x: u8) requires x > 0 {}
pub trait Tr {
    open spec fn holds() -> bool { true }
    open spec fn never() -> bool { false }
    fn always(x: u8) -> (y: u8) ensures Self::never() ==> y == 0;
    fn claims(x: u8) -> (y: u8) ensures Self::holds() ==> y == 0;
    fn claims_final(t: &mut u64) ensures *final(t) == 8 { *t = 8; }
    proof fn lemma(x: int) -> (r: int) ensures r == x + 1;
    proof fn proved(x: int) -> (r: int) ensures r == x + 1 { x + 1 }
}
pub unsafe trait Unsafe { fn claims(x: u8) -> (y: u8) ensures y == 0; }
trait Private { fn claims(x: u8) -> (y: u8) ensures y == 0; }
} // verus!`;
    const on = await run(src, { checkApiSafety: true });
    expect(on).toMatchObject({ '<check-api-safety: pub_requires>': 'error', private_requires: 'verified', unsafe_requires: 'verified', 'Tr::always (check-api-safety)': 'verified', 'Tr::claims (check-api-safety)': 'failed', 'Tr::claims_final (check-api-safety)': 'failed', 'Tr::claims_final': 'verified', 'Tr::lemma (check-api-safety)': 'failed', 'Tr::proved': 'verified' });
    // (a proof method with a body proves its own ensures; unsafe and private traits owe nothing)
    expect(Object.keys(on).filter((n) => n.includes('check-api-safety')).sort()).toEqual(['<check-api-safety: pub_requires>', 'Tr::always (check-api-safety)', 'Tr::claims (check-api-safety)', 'Tr::claims_final (check-api-safety)', 'Tr::lemma (check-api-safety)']);
    const off = await run(src);
    expect(Object.keys(off).some((n) => n.includes('check-api-safety'))).toBe(false);
    expect(off.pub_requires).toBe('verified');
    // an impl of a public trait with a `requires` (or inheriting such a default body), an unwinding or invariant clause in one
    const impls = await run(`verus! {
pub trait T { fn m(x: u8) requires x > 0; fn d(x: u8) requires x > 0 {} }
pub trait U { fn n() no_unwind; fn o() opens_invariants none; fn p() opens_invariants any; }
struct S {}
impl T for S { fn m(x: u8) {} }
} // verus!`, { checkApiSafety: true });
    expect(impls).toMatchObject({ '<check-api-safety: S::m>': 'error', '<check-api-safety: impl>': 'error', '<check-api-safety: U::n>': 'error', '<check-api-safety: U::o>': 'error' });
    expect(impls['<check-api-safety: U::p>']).toBeUndefined();
  });
});

describe('the width of usize: open (32 or 64 bits) unless a global item fixes it', () => {
  const run = async (src: string) => {
    const r = await verifySources(new Map([['a.rs', `verus! {\n${src}\n}\n`]]), { root: tmpRoot(), jobs: JOBS, useCache: false });
    return Object.fromEntries(r.functions.map((f) => [f.name, f.status]));
  };
  const probes = `fn is64() { assert(usize::MAX == 0xffff_ffff_ffff_ffff); }
fn is32() { assert(usize::BITS == 32 && isize::MIN == -0x8000_0000); }
fn cast(x: u64) -> (r: usize) ensures r == x { x as usize }
proof fn bv(a: usize) { assert(a & 0xffu64 as usize <= 0xffu64 as usize) by (bit_vector); }
proof fn bv32(a: usize) { assert(a as u64 <= 0xffff_ffffu64) by (bit_vector); }`;

  it('open: what holds at one width only fails, by(bit_vector) on usize is proved at both widths', async () => {
    expect(await run(probes)).toEqual({ is64: 'failed', is32: 'failed', cast: 'failed', bv: 'verified', bv32: 'failed' });
  });
  it('`global size_of usize == 8` (or `global layout usize is size == 8`): 64 bits', async () => {
    expect(await run(`global size_of usize == 8;\n${probes}`)).toEqual({ is64: 'verified', is32: 'failed', cast: 'verified', bv: 'verified', bv32: 'failed' });
    expect(await run(`global layout usize is size == 8, align == 8;\n${probes}`)).toEqual({ is64: 'verified', is32: 'failed', cast: 'verified', bv: 'verified', bv32: 'failed' });
  });
  it('`global size_of isize == 4`: 32 bits for both', async () => {
    expect(await run(`global size_of isize == 4;\n${probes}`)).toEqual({ is64: 'failed', is32: 'verified', cast: 'failed', bv: 'verified', bv32: 'verified' });
  });
  it("a counterexample at 32 bits is run at 32 bits (the model's width)", async () => {
    const src = `verus! {\nfn narrow(x: u64) -> (r: usize) ensures r == x { x as usize }\n}\n`;
    const report = await verifySources(new Map([['n.rs', src]]), { root: tmpRoot(), jobs: JOBS, useCache: false });
    const ob = report.functions.find((f) => f.name === 'narrow')!.obligations.find((o) => o.status === 'failed')!;
    expect(ob.counterexample!.check).toBe('confirmed');
  });
  it("Verus's errors: set twice, set to both widths, a size other than 4 or 8", async () => {
    expect((await run(`global size_of usize == 8;\nmod m { global size_of usize == 8; }\n${probes}`))['<global item>']).toBe('error');
    expect((await run(`global size_of usize == 4;\nglobal size_of isize == 8;\n${probes}`))['<global item>']).toBe('error');
    expect((await run(`global size_of usize == 2;\n${probes}`))['<global item>']).toBe('error');
  });
});


describe("a crate's own Option (shadowed-builtins.ts)", () => {
  it('is the crate\'s enum wherever the crate names it, the built-in one elsewhere; its variants are its own', async () => {
    const src = `verus! {
use crate::Option::Some;
use crate::Option::None;
pub enum Option<A> { None, Some(A) }
impl<A> Option<A> {
    pub open spec fn is_it(&self) -> bool { self is Some }
}
fn own(x: Option<u8>) -> (r: u8)
    ensures x is Some ==> r == 1,
{
    match x { Some(_) => 1, None => 0 }
}
fn own_wrong(x: Option<u8>) -> (r: u8)
    ensures r == 1,
{
    match x { Some(_) => 1, None => 0 }
}
fn own_method(x: Option<u8>) requires x.is_it() {
    assert(x is Some);
}
fn own_method_wrong(x: Option<u8>) requires x.is_it() {
    assert(x is None);
}
fn builtin(y: core::option::Option<u8>) -> (r: u8)
    ensures y.is_some() ==> r == 2,
{
    if y.is_some() { 2 } else { 0 }
}
} // verus!`;
    const r = await verifySources(new Map([['a.rs', src]]), { root: tmpRoot(), jobs: JOBS, useCache: false });
    expect(Object.fromEntries(r.functions.map((f) => [f.name, f.status]))).toEqual({ 'Option$::is_it': 'verified', own: 'verified', own_wrong: 'failed', own_method: 'verified', own_method_wrong: 'failed', builtin: 'verified' });
    // non-exhaustive matches are checked with its own variants
    const bad = await verifySources(new Map([['b.rs', 'verus! {\nenum Option<A> { None, Some(A) }\nfn f(x: Option<u8>) -> u8 { match x { Option::None => 0 } }\n}']]), { root: tmpRoot(), jobs: JOBS, useCache: false });
    expect(bad.functions.find((f) => f.name === 'f')).toMatchObject({ status: 'error' });
    expect(bad.functions.find((f) => f.name === 'f')?.detail).toMatch(/non-exhaustive patterns: `Some\(_\)` not covered/);
  });
});

describe("Verus's state_machine! (state-machines/)", () => {
  const run = async (src: string) => {
    const r = await verifySources(new Map([['sm.rs', `verus! {\n${src}\n}\n`]]), { root: tmpRoot(), jobs: JOBS, useCache: false });
    return Object.fromEntries(r.functions.map((f) => [f.name, f.status]));
  };
  // one machine per crate (its types are named `State`, `Step`, `Config`)
  const machine = (extra: string) => `state_machine!{ X {
    fields { pub a: int, pub b: int, pub m: Map<int, int> }
    init!{ initialize(a: int) { require a >= 0; init a = a; init b = a; init m = Map::empty(); } }
    transition!{ grow(n: int) { require n >= 0; update b = pre.b + n; update m[n] = pre.a; } }
    transition!{ shrink(n: int) {
        require n >= 0;
        assert pre.a <= pre.b;
        if pre.b - n >= pre.a { update b = pre.b - n; }
    } }
    readonly!{ peek(v: int) { require pre.b == v; } }
    readonly!{ same(other: Self) { require pre.b == other.b; } }
    #[invariant] pub fn le(&self) -> bool { self.a <= self.b }
    ${extra}
}}`;
  const lemmas = `#[inductive(initialize)] fn initialize_inductive(post: Self, a: int) { }
    #[inductive(grow)] fn grow_inductive(pre: Self, post: Self, n: int) { }
    #[inductive(shrink)] fn shrink_inductive(pre: Self, post: Self, n: int) { }`;

  it('relations, invariant, inductive lemmas, safety conditions, steps; and what does not follow from them fails', async () => {
    const r = await run(`${machine(lemmas)}
proof fn grow_spec(s: X::State, t: X::State) requires X::State::grow(s, t, 3), s.b == 1 ensures t.b == 4, t.a == s.a, t.m[3] == s.a { }
proof fn grow_frame_wrong(s: X::State, t: X::State) requires X::State::grow(s, t, 3) ensures t.a == s.a + 1 { }
proof fn shrink_else_keeps(s: X::State, t: X::State) requires X::State::shrink_strong(s, t, 5), s.b - 5 < s.a ensures t == s { }
proof fn weak_assert_is_vacuous(s: X::State, t: X::State) requires X::State::shrink(s, t, 1) ensures t.b < s.b { }
proof fn strong_has_the_assert(s: X::State, t: X::State) requires X::State::shrink_strong(s, t, 1) ensures s.a <= s.b { }
proof fn readonly_keeps(s: X::State, t: X::State) requires X::State::peek(s, t, 7) ensures t == s, s.b == 7 { }
proof fn init_spec(t: X::State) requires X::State::initialize(t, 2) ensures t.a == 2, t.b == 2, t.m =~= Map::empty() { }
proof fn next_preserves(s: X::State, t: X::State) requires X::State::next(s, t), s.invariant() ensures t.invariant() {
    let step = choose |step: X::Step| X::State::next_by(s, t, step);
    match step {
        X::Step::grow(n) => X::State::grow_inductive(s, t, n),
        X::Step::shrink(n) => X::State::shrink_inductive(s, t, n),
        X::Step::peek(v) => { }
        X::Step::same(o) => { }
        _ => { }
    }
}
proof fn next_not_always_growing(s: X::State, t: X::State) requires X::State::next(s, t) ensures t.b >= s.b { }
proof fn enabled_is_the_requires(s: X::State) ensures X::State::grow_enabled(s, 3), !X::State::grow_enabled(s, -1) { }
proof fn enabled_wrong(s: X::State) ensures X::State::grow_enabled(s, -1) { }
proof fn step_taken(s: X::State) { let t = X::take_step::grow(s, 2); assert(t.b == s.b + 2 && t.a == s.a); }
proof fn step_not_enabled(s: X::State) { let t = X::take_step::grow(s, -2); }
proof fn step_is_variant(s: X::Step) requires s.is_grow() { match s { X::Step::grow(_) => { } _ => assert(false) } }
proof fn step_is_variant_wrong(s: X::Step) requires s.is_grow() ensures s.is_shrink() { }`);
    expect(r).toMatchObject({
      'State::initialize_inductive': 'verified', 'State::grow_inductive': 'verified', 'State::shrink_inductive': 'verified', 'State::shrink_asserts': 'verified',
      grow_spec: 'verified', grow_frame_wrong: 'failed', shrink_else_keeps: 'verified', weak_assert_is_vacuous: 'failed', strong_has_the_assert: 'verified',
      readonly_keeps: 'verified', init_spec: 'verified', next_preserves: 'verified', next_not_always_growing: 'failed',
      enabled_is_the_requires: 'verified', enabled_wrong: 'failed', step_taken: 'verified', step_not_enabled: 'failed', grow: 'verified', shrink: 'verified',
      step_is_variant: 'verified', step_is_variant_wrong: 'failed',
    });
  });
  it('a transition that breaks the invariant fails its inductive lemma; an assert the invariant does not give fails its safety condition', async () => {
    const r = await run(machine(`transition!{ swap() { update a = pre.b; update b = pre.a; } }
    transition!{ check(n: int) { require n > 0; assert pre.a < pre.b + n; assert pre.a < pre.b; } }
    #[inductive(swap)] fn swap_inductive(pre: Self, post: Self) { }
    #[inductive(check)] fn check_inductive(pre: Self, post: Self, n: int) { }
    ${lemmas}`));
    expect(r).toMatchObject({ 'State::swap_inductive': 'failed', 'State::check_asserts': 'failed', 'State::check_inductive': 'verified', 'State::shrink_asserts': 'verified' });
    // an init whose `require` is missing does not establish the invariant
    const r2 = await run(`state_machine!{ Y {
    fields { pub a: int, pub b: int }
    init!{ initialize(a: int, b: int) { init a = a; init b = b; } }
    #[invariant] pub fn le(&self) -> bool { self.a <= self.b }
    #[inductive(initialize)] fn initialize_inductive(post: Self, a: int, b: int) { }
}}`);
    expect(r2).toMatchObject({ 'State::initialize_inductive': 'failed' });
  });
  it("malformed machines are Verus's errors; a tokenized machine's statement without a meaning here is unsupported", async () => {
    const bad = await run(machine(''));
    expect(Object.values(bad)).toEqual(['error']);
    const multisetBind = await run(`use vstd::prelude::*;\ntokenized_state_machine!{ T { fields { #[sharding(multiset)] pub a: Multiset<int> } transition!{ tr() { remove a -= {let x}; } } }}`);
    expect(Object.values(multisetBind)).toEqual(['unsupported']);
  });
  it("a tokenized machine: special statements are conditions on a field's value and its updates, by sharding strategy; an inherent safety condition that does not follow fails", async () => {
    const r = await run(`use vstd::prelude::*;
tokenized_state_machine!{ T {
    fields {
        #[sharding(variable)] pub n: int,
        #[sharding(option)] pub o: Option<int>,
        #[sharding(map)] pub m: Map<int, int>,
        #[sharding(multiset)] pub s: Multiset<int>,
        #[sharding(count)] pub c: nat,
        #[sharding(storage_option)] pub st: Option<int>,
    }
    init!{ initialize() { init n = 0; init o = Option::None; init m = Map::empty(); init s = Multiset::empty(); init c = 0; init st = Option::None; } }
    transition!{ fill() { require pre.n == 0; update n = 1; add o += Some(5); } }
    transition!{ fill_again() { add o += Some(6); } }
    transition!{ drain() { remove o -= Some(5); update n = 0; } }
    transition!{ swap(k: int) { remove m -= [k => 1]; have m >= [k + 1 => 3]; add m += [k => 2]; } }
    transition!{ bump(x: int) { add s += {x}; remove c -= (2); } }
    transition!{ deposit_it() { deposit st += Some(3); } }
    transition!{ withdraw_it() { withdraw st -= Some(3) by { assume(false); }; } }
    transition!{ take_one() { remove o -= Some(let v); require v > 0; update n = 0; } }
    transition!{ take_five() { remove o -= Some(let 5); update n = 0; } }
    #[invariant] pub fn inv(&self) -> bool { (self.o is None) == (self.n == 0) }
    #[inductive(initialize)] fn initialize_inductive(post: Self) { }
    #[inductive(fill)] fn fill_inductive(pre: Self, post: Self) { }
    #[inductive(drain)] fn drain_inductive(pre: Self, post: Self) { }
    #[inductive(fill_again)] fn fill_again_inductive(pre: Self, post: Self) { }
    #[inductive(swap)] fn swap_inductive(pre: Self, post: Self, k: int) { }
    #[inductive(bump)] fn bump_inductive(pre: Self, post: Self, x: int) { }
    #[inductive(deposit_it)] fn deposit_it_inductive(pre: Self, post: Self) { }
    #[inductive(withdraw_it)] fn withdraw_it_inductive(pre: Self, post: Self) { }
    #[inductive(take_one)] fn take_one_inductive(pre: Self, post: Self) { }
    #[inductive(take_five)] fn take_five_inductive(pre: Self, post: Self) { }
}}
proof fn fill_spec(s: T::State, t: T::State) requires T::State::fill_strong(s, t) ensures s.o is None, t.o == Some(5int) { }
proof fn fill_weak_wrong(s: T::State, t: T::State) requires T::State::fill(s, t) ensures s.o is None { }
proof fn swap_spec(s: T::State, t: T::State, k: int) requires T::State::swap(s, t, k)
    ensures s.m.contains_pair(k, 1), s.m.contains_pair(k + 1, 3), t.m == s.m.remove(k).insert(k, 2), t.o == s.o { }
proof fn swap_keeps_wrong(s: T::State, t: T::State, k: int) requires T::State::swap(s, t, k) ensures t.m == s.m { }
proof fn bump_spec(s: T::State, t: T::State, x: int) requires T::State::bump(s, t, x) ensures s.c >= 2, t.c == s.c - 2, t.s == s.s.insert(x) { }
proof fn bump_wrong(s: T::State, t: T::State, x: int) requires T::State::bump(s, t, x) ensures t.c == s.c { }
proof fn take_spec(s: T::State, t: T::State) requires T::State::take_one(s, t) ensures s.o is Some, s.o->Some_0 > 0, t.n == 0, t.o is None { }
proof fn take_wrong(s: T::State, t: T::State) requires T::State::take_one(s, t) ensures s.o->Some_0 == 1 { }
proof fn take_five_spec(s: T::State, t: T::State) requires T::State::take_five(s, t) ensures s.o == Some(5int), t.o is None { }
proof fn take_five_wrong(s: T::State, t: T::State) requires T::State::take_five(s, t) ensures s.o == Some(6int) { }`);
    expect(r).toMatchObject({
      'State::initialize_inductive': 'verified', 'State::fill_inductive': 'verified', 'State::drain_inductive': 'verified', 'State::swap_inductive': 'verified',
      'State::take_one_inductive': 'verified', 'State::fill_again_inductive': 'failed',
      // the invariant and `require pre.n == 0` give `pre.o is None`; nothing gives it to fill_again
      'State::fill_asserts': 'verified', 'State::fill_again_asserts': 'failed',
      // after removing `k`, adding it back is safe; a deposit into a storage that may be full is not; a `by` proves the withdraw
      'State::swap_asserts': 'verified', 'State::deposit_it_asserts': 'failed', 'State::withdraw_it_asserts': 'verified',
      fill_spec: 'verified', fill_weak_wrong: 'failed', swap_spec: 'verified', swap_keeps_wrong: 'failed', bump_spec: 'verified', bump_wrong: 'failed', take_spec: 'verified', take_wrong: 'failed', take_five_spec: 'verified', take_five_wrong: 'failed',
    });
  });
});

describe('counterexamples', () => {
  it('are confirmed by concrete execution, or named spurious with the abstraction that lost the fact', async () => {
    const src = `verus! {
fn add_bad(x: u64) -> (r: u64)
    ensures r == x + 1,
{
    x + 1
}
fn real_bug(a: u32, b: u32) -> (r: u32)
    requires b < 10,
    ensures r < 10,
{
    if a > 5 { b + 1 } else { b }
}
fn loop_weak(n: u64) -> (r: u64)
    requires n < 100,
    ensures r == n,
{
    let mut i: u64 = 0;
    while i < n
        invariant i <= n + 1,
        decreases n - i,
    {
        i = i + 1;
    }
    i
}
fn weak(x: u8) -> (r: u8)
    ensures r > 0,
{
    if x == 0 { 1 } else { x }
}
fn uses_weak(x: u8) -> (r: u8)
    requires x > 0,
    ensures r == x,
{
    weak(x)
}
struct P { v: u64 }
impl P {
    fn bump(&mut self) ensures self.v == old(self).v + 1 { self.v = self.v + 1; }
}
fn idx(a: [u8; 4], i: usize) -> u8 { a[i] }
fn all_small(a: [u8; 4]) -> (r: bool)
    ensures r == (forall|i: int| 0 <= i < 4 ==> a[i] < 10),
{
    true
}
}
`;
    const report = await verifySources(new Map([['cx.rs', src]]), { root: tmpRoot(), jobs: JOBS, useCache: false });
    const ob = (fn: string) => report.functions.find((f) => f.name === fn)!.obligations.find((o) => o.status === 'failed')!;
    const add = ob('add_bad');
    expect(add.kind).toBe('overflow');
    expect(add.counterexample!.check).toBe('confirmed');
    expect(add.counterexample!.variables).toContainEqual({ name: 'x', type: 'u64', value: '18446744073709551615u64' });

    const bug = ob('real_bug');
    expect(bug.kind).toBe('postcondition');
    expect(bug.counterexample!.check).toBe('confirmed');
    expect(bug.counterexample!.path).toEqual(['then-branch at 11:5']);
    expect(bug.counterexample!.variables.find((v) => v.name === 'r')!.value).toBe('10u32');

    const lw = ob('loop_weak');
    expect(lw.counterexample!.check).toBe('spurious');
    expect(lw.counterexample!.checkDetail).toContain('loop invariant of the loop at line 18');

    const uw = ob('uses_weak');
    expect(uw.counterexample!.check).toBe('spurious');
    expect(uw.counterexample!.checkDetail).toContain('ensures of `weak`');

    const bump = ob('P::bump');
    expect(bump.kind).toBe('overflow');
    expect(bump.counterexample!.check).toBe('confirmed');
    expect(bump.counterexample!.variables.map((v) => v.name)).toEqual(expect.arrayContaining(['self', 'self.v', 'old(self)']));

    const ix = ob('idx');
    expect(ix.kind).toBe('index-bounds');
    expect(ix.counterexample!.check).toBe('confirmed');

    // a clause with a quantifier cannot be run: said in words, with the clause's line
    const q = ob('all_small');
    expect(q.counterexample!.check).toBe('unchecked');
    expect(q.counterexample!.checkDetail).toMatch(/^the clause at line \d+ says something for every i, and running the code cannot try every value/);
    expect(q.counterexample!.checkDetail).not.toMatch(/expression quant/);
  }, 120_000);
});

describe('corpus with native z3', () => {
  // `stratos verify` uses native z3 when it is installed: the same verdicts are required of it,
  // incrementally (the default) and with every query standalone, obligation by obligation
  it.skipIf(!nativeZ3Available())('gives the expected verdict for every corpus function, the same incrementally and standalone (skipped when z3 is not on PATH)', async () => {
    const files = corpusFiles();
    const inc = incrementalSolverForTests(JOBS);
    const [checks0, unsat0] = [inc.checks, inc.unsat];
    const report = await verifySources(files, { root: tmpRoot(), jobs: JOBS, useCache: false, timeoutMs: 20_000, solver: 'native' });
    const c = compare(report, expectations(files));
    expect(c.unmatched).toEqual([]);
    expect(c.mismatches).toEqual([]);
    // the incremental path did the work (most queries), and it also met queries it does not prove
    expect(inc.unsat - unsat0).toBeGreaterThan(report.summary.obligations / 2);
    expect(inc.checks - checks0).toBeGreaterThan(inc.unsat - unsat0);
    const standalone = await verifySources(files, { root: tmpRoot(), jobs: JOBS, useCache: false, timeoutMs: 20_000, solver: 'native', incremental: false });
    expect(verdicts(report)).toEqual(verdicts(standalone));
  }, 360_000);
});

// ---------------- pool, timeouts, crashes, cache ----------------

/** The pigeonhole principle, P pigeons in H < P holes: unsatisfiable and hard for CDCL. */
function pigeonhole(P: number, H: number): string {
  const vars: string[] = [];
  const clauses: string[] = [];
  for (let i = 0; i < P; i++) for (let j = 0; j < H; j++) vars.push(`(declare-const p${i}_${j} Bool)`);
  for (let i = 0; i < P; i++) clauses.push(`(assert (or ${Array.from({ length: H }, (_, j) => `p${i}_${j}`).join(' ')}))`);
  for (let j = 0; j < H; j++) for (let i = 0; i < P; i++) for (let k = i + 1; k < P; k++) clauses.push(`(assert (or (not p${i}_${j}) (not p${k}_${j})))`);
  return vars.join('\n') + '\n' + clauses.join('\n') + '\n(check-sat)\n';
}

describe('solver pool and cache', () => {
  it('reports a query past its timeout as timeout', async () => {
    const pool = solverPoolForTests(JOBS);
    const php = pigeonhole(10, 9);
    const t = performance.now();
    const r = await pool.run({ query: php, timeoutMs: 300, wantModel: false });
    expect(r.result).toBe('timeout');
    expect(performance.now() - t).toBeLessThan(8000);
    // and the pool still answers afterwards
    const ok = await pool.run({ query: '(declare-const x Int)\n(assert (> x 0))\n(check-sat)\n', timeoutMs: 5000, wantModel: true });
    expect(ok.result).toBe('sat');
  }, 60_000);

  it('frees the workers of cancelled queries at once', async () => {
    const pool = solverPoolForTests(JOBS);
    const controller = new AbortController();
    // keep every worker busy with a query that would run for a minute
    const busy = Array.from({ length: JOBS }, (_, i) => pool.run({ query: pigeonhole(10 + i, 9 + i), timeoutMs: 60_000, wantModel: false, signal: controller.signal }));
    await new Promise((r) => setTimeout(r, 300));
    const t = performance.now();
    controller.abort();
    const next = await pool.run({ query: '(declare-const x Int)\n(assert (> x 0))\n(check-sat)\n', timeoutMs: 5000, wantModel: false });
    expect(next.result).toBe('sat');
    expect(performance.now() - t).toBeLessThan(5000);
    for (const r of await Promise.all(busy)) expect(r.result).toBe('canceled');
  }, 60_000);

  it('live runs do not re-solve an unchanged query that just timed out; explicit runs do', async () => {
    // Fermat's last theorem for cubes: true, and far beyond z3's nonlinear arithmetic
    const src = `verus! {
proof fn cubes(x: int, y: int, z: int)
    requires x > 0, y > 0, z > 0,
    ensures x * x * x + y * y * y != z * z * z,
{
    assert(x * x * x + y * y * y != z * z * z) by(nonlinear_arith)
        requires x > 0, y > 0, z > 0;
}
fn easy(x: u64) -> (r: u64) requires x < 10 ensures r == x + 1 { x + 1 }
}
`;
    const root = tmpRoot();
    const run = (reuseTimeouts: boolean, timeoutMs = 400) => verifySources(new Map([['t.rs', src]]), { root, jobs: JOBS, timeoutMs, reuseTimeouts });
    const status = (r: Awaited<ReturnType<typeof run>>) => Object.fromEntries(r.functions.map((f) => [f.name, f.status]));
    const first = await run(true);
    expect(status(first)).toEqual({ cubes: 'timeout', easy: 'verified' });
    // the same text again in a live run: still a timeout (never verified), without the solver
    const live = await run(true);
    expect(status(live)).toEqual({ cubes: 'timeout', easy: 'verified' });
    expect(live.summary.solverMs).toBe(0);
    expect(live.functions.find((f) => f.name === 'cubes')!.obligations.some((o) => /earlier run/.test(o.message))).toBe(true);
    // an explicit run retries, and so does a live run with a longer limit
    const explicit = await run(false);
    expect(status(explicit).cubes).toBe('timeout');
    expect(explicit.summary.solverMs).toBeGreaterThan(0);
    const longer = await run(true, 800);
    expect(longer.summary.solverMs).toBeGreaterThan(0);
  }, 60_000);

  it('gives up on a function after N timed-out goals: the rest are timeouts not tried, other functions unaffected', async () => {
    // four ways of writing Fermat's n = 3 case: each true, none provable by z3 in 300 ms
    const hard = (goal: string) => `    assert(${goal}) by(nonlinear_arith)
        requires x > 0, y > 0, z > 0;`;
    const goals = ['x * x * x + y * y * y != z * z * z', 'y * y * y + x * x * x != z * z * z', 'z * z * z != x * x * x + y * y * y', 'z * z * z != y * y * y + x * x * x'];
    const src = `verus! {
proof fn four_hard(x: int, y: int, z: int)
    requires x > 0, y > 0, z > 0,
{
${goals.map(hard).join('\n')}
}
fn easy(x: u64) -> (r: u64) requires x < 10 ensures r == x + 1 { x + 1 }
}
`;
    const run = (giveUpAfterTimeouts?: number) => verifySources(new Map([['t.rs', src]]), { root: tmpRoot(), jobs: 1, timeoutMs: 300, useCache: false, giveUpAfterTimeouts });
    const given = await run(1);
    const hardFn = given.functions.find((f) => f.name === 'four_hard')!;
    expect(hardFn.status).toBe('timeout');
    expect(given.functions.find((f) => f.name === 'easy')!.status).toBe('verified');
    const tried = hardFn.obligations.filter((o) => /not proved within/.test(o.message));
    const skipped = hardFn.obligations.filter((o) => /not tried: 1 other goals of this function timed out first/.test(o.message));
    expect(tried.length).toBeGreaterThanOrEqual(1);
    expect(skipped.length).toBeGreaterThanOrEqual(1);
    expect(skipped.every((o) => o.status === 'timeout' && o.timeMs === 0)).toBe(true);
    // without the option every goal is tried
    const all = await run(undefined);
    const allHard = all.functions.find((f) => f.name === 'four_hard')!;
    expect(allHard.obligations.filter((o) => /not tried/.test(o.message))).toEqual([]);
    expect(allHard.obligations.filter((o) => /not proved within/.test(o.message)).length).toBeGreaterThanOrEqual(4);
  }, 60_000);

  it.skipIf(!nativeZ3Available())('native z3 (skipped when z3 is not on PATH): verdicts, models, timeouts, and a failure with its counterexample', async () => {
    const native = new NativeSolverQueue(2);
    const head = '(set-option :smt.mbqi false)\n(declare-fun f (Int) Int)\n(declare-const y Int)\n(assert (< (f y) 5))\n';
    const sat = await native.run({ query: head + '(check-sat)\n', timeoutMs: 5000, wantModel: true });
    expect(sat.result).toBe('sat');
    expect(sat.model).toMatch(/define-fun y/);
    const unsat = await native.run({ query: head + '(assert (> (f y) 7))\n(check-sat)\n', timeoutMs: 5000, wantModel: true });
    expect(unsat).toMatchObject({ result: 'unsat', model: null });
    const slow = await native.run({ query: pigeonhole(12, 11), timeoutMs: 300, wantModel: false });
    expect(slow.result).toBe('timeout');
    // processes are reused across queries: nothing of one query (declarations, options,
    // a timeout) carries over to the next
    const quantified = '(declare-fun g (Int) Int)\n(assert (forall ((x Int)) (! (>= (g x) x) :pattern ((g x)))))\n(assert (= (g 3) 5))\n(check-sat)\n';
    const noMbqi = await native.run({ query: '(set-option :auto_config false)\n(set-option :smt.mbqi false)\n' + quantified, timeoutMs: 5000, wantModel: false });
    expect(noMbqi.result).toBe('unknown');
    const results = await Promise.all(Array.from({ length: 6 }, () => native.run({ query: quantified, timeoutMs: 5000, wantModel: false })));
    expect(results.map((r) => r.result)).toEqual(Array(6).fill('sat'));
    const redeclared = await native.run({ query: head + '(check-sat)\n', timeoutMs: 5000, wantModel: false });
    expect(redeclared.result).toBe('sat');
    const cancel = new AbortController();
    const cancelled = native.run({ query: pigeonhole(12, 11), timeoutMs: 60_000, wantModel: false, signal: cancel.signal });
    setTimeout(() => cancel.abort(), 200);
    expect((await cancelled).result).toBe('canceled');
    const afterCancel = await native.run({ query: head + '(check-sat)\n', timeoutMs: 5000, wantModel: false });
    expect(afterCancel.result).toBe('sat');
    native.shutdown();
    const src = 'verus! {\nfn off_by_one(x: u64) -> (r: u64) requires x < 100 ensures r == x + 1 { x }\nfn ok(x: u64) -> (r: u64) requires x < 100 ensures r == x + 1 { x + 1 }\n}\n';
    const report = await verifySources(new Map([['n.rs', src]]), { root: tmpRoot(), jobs: JOBS, useCache: false, solver: 'native' });
    const byName = new Map(report.functions.map((f) => [f.name, f]));
    expect(byName.get('ok')!.status).toBe('verified');
    const failed = byName.get('off_by_one')!;
    expect(failed.status).toBe('failed');
    expect(failed.obligations[0]!.kind).toBe('postcondition');
    expect(failed.obligations[0]!.counterexample!.variables.map((v) => v.name)).toContain('x');
    expect(failed.obligations[0]!.counterexample!.check).toBe('confirmed');
  }, 60_000);

  it('replaces a crashed worker and the run goes on', async () => {
    const pool = solverPoolForTests(JOBS);
    const q = (i: number) => `(declare-const x Int)\n(assert (= x ${i}))\n(check-sat)\n`;
    const before = pool.replaced;
    let crashed = false;
    const crashFirst = () => {
      if (!crashed) pool.crashOne();
      crashed = true;
    };
    const jobs = Array.from({ length: 8 }, (_, i) => pool.run({ query: q(i), timeoutMs: 5000, wantModel: false, onStart: crashFirst }));
    const results = await Promise.all(jobs);
    expect(pool.replaced).toBeGreaterThan(before);
    // the query the crash interrupted is solved again on a fresh worker
    expect(results.map((r) => r.result)).toEqual(Array(8).fill('sat'));
    const after = await pool.run({ query: q(99), timeoutMs: 5000, wantModel: false });
    expect(after.result).toBe('sat');
  }, 60_000);

  it('gives a query whose worker dies one fresh worker, and reports a second death as unknown', async () => {
    const pool = solverPoolForTests(JOBS);
    const hard = pigeonhole(10, 9);
    // the worker dies as the query starts, once: the second worker solves it (to its timeout)
    let starts = 0;
    const once = await pool.run({ query: hard, timeoutMs: 1500, wantModel: false, onStart: () => ++starts === 1 && pool.crashOne() });
    expect(starts).toBe(2);
    expect(once.result).toBe('timeout');
    // it dies on every start: the second death is the answer, not a third worker
    starts = 0;
    const twice = await pool.run({ query: hard, timeoutMs: 1500, wantModel: false, onStart: () => (++starts, pool.crashOne()) });
    expect(starts).toBe(2);
    expect(twice.result).toBe('unknown');
    expect(twice.reason).toMatch(/the second worker to die on this query/);
  }, 60_000);

  it.skipIf(!nativeZ3Available())('native z3: incremental and standalone runs share the cache, a failure keeps its counterexample (skipped when z3 is not on PATH)', async () => {
    const root = tmpRoot();
    const src = `verus! {
fn a(x: u64) -> (r: u64) requires x < 10 ensures r == x + 1 { let y = x + 1; assert(y > x); y }
fn bad(x: u64) -> (r: u64) requires x < 10 ensures r > 10 { x + 1 }
}
`;
    const files = new Map([['m.rs', src]]);
    const inc = await verifySources(files, { root, jobs: JOBS, solver: 'native' });
    expect(inc.functions.map((f) => [f.name, f.status, f.cached])).toEqual([['a', 'verified', false], ['bad', 'failed', false]]);
    const failed = inc.functions[1]!.obligations.find((o) => o.status === 'failed')!;
    expect(failed.counterexample!.variables.map((v) => v.name)).toContain('x');
    expect(failed.counterexample!.check).toBe('confirmed');
    // the standalone run finds every query in the cache the incremental run filled, and back
    const std = await verifySources(files, { root, jobs: JOBS, solver: 'native', incremental: false });
    expect(std.functions.map((f) => [f.name, f.status, f.cached])).toEqual([['a', 'verified', true], ['bad', 'failed', true]]);
    // (timeMs: this run's solver time, absent when cached)
    const timeless = (os: ObligationResult[]) => os.map(({ timeMs: _t, ...o }) => o);
    expect(timeless(std.functions[1]!.obligations)).toEqual(timeless(inc.functions[1]!.obligations));
    const again = await verifySources(files, { root, jobs: JOBS, solver: 'native' });
    expect(again.functions.every((f) => f.cached)).toBe(true);
  }, 60_000);

  it('caches results and re-runs only the queries of an edited function', async () => {
    const root = tmpRoot();
    const v1 = `verus! {
fn a(x: u64) -> (r: u64) requires x < 10 ensures r == x + 1 { x + 1 }
fn b(x: u64) -> (r: u64) requires x < 10 ensures r == x + 2 { x + 2 }
fn c(x: u64) -> (r: u64) requires x < 10 ensures r == x * 2 { x * 2 }
}
`;
    const first = await verifySources(new Map([['m.rs', v1]]), { root, jobs: JOBS });
    expect(first.functions.every((f) => f.status === 'verified' && !f.cached)).toBe(true);
    const second = await verifySources(new Map([['m.rs', v1]]), { root, jobs: JOBS });
    expect(second.functions.every((f) => f.status === 'verified' && f.cached)).toBe(true);
    expect(second.summary.solverMs).toBe(0);
    // edit b only (its body and spec); a and c are served from the cache
    const v2 = v1.replace('ensures r == x + 2 { x + 2 }', 'ensures r == x + 3 { x + 3 }');
    const third = await verifySources(new Map([['m.rs', v2]]), { root, jobs: JOBS });
    const byName = new Map(third.functions.map((f) => [f.name, f]));
    expect(byName.get('a')!.cached).toBe(true);
    expect(byName.get('c')!.cached).toBe(true);
    expect(byName.get('b')!.cached).toBe(false);
    expect(byName.get('b')!.status).toBe('verified');
  }, 60_000);

  it('the order functions are generated and solved in (edited files first) changes no verdict and no query', async () => {
    const files = new Map([
      ['a.rs', 'verus! {\nfn inc(x: u64) -> (r: u64) requires x < 10 ensures r == x + 1 { x + 1 }\nfn inc_wrong(x: u64) -> (r: u64) requires x < 10 ensures r == x + 2 { x + 1 }\n}\n'],
      ['b.rs', 'verus! {\nfn twice(x: u64) -> (r: u64) requires x < 5 ensures r == x + 2 { inc(inc(x)) }\nfn twice_wrong(x: u64) -> (r: u64) requires x < 5 ensures r == x + 3 { inc(inc(x)) }\n}\n'],
    ]);
    const root = tmpRoot();
    const verdicts = (r: Awaited<ReturnType<typeof verifySources>>) => Object.fromEntries(r.functions.map((f) => [f.name, f.status]));
    const expected = { inc: 'verified', inc_wrong: 'failed', twice: 'verified', twice_wrong: 'failed' };
    const bFirst = await verifySources(files, { root, jobs: JOBS, priorityFiles: ['b.rs'] });
    expect(verdicts(bFirst)).toEqual(expected);
    // the other order finds every query in the cache: the query texts are the same
    const aFirst = await verifySources(files, { root, jobs: JOBS, priorityFiles: ['a.rs'] });
    expect(verdicts(aFirst)).toEqual(expected);
    expect(aFirst.functions.every((f) => f.cached)).toBe(true);
    expect(aFirst.summary.solverMs).toBe(0);
  }, 60_000);

  it('reports unsupported constructs with their span, never as verified', async () => {
    const src = `verus! {
fn uses_rev_for(v: [u64; 3]) {
    for x in it: v.iter().rev() { }
}
fn generic<T: PartialOrd>(x: T) -> T { x }
}
`;
    const r = await verifySources(new Map([['u.rs', src]]), { root: tmpRoot(), jobs: JOBS, useCache: false });
    for (const f of r.functions) {
      expect(f.status, `${f.name}: ${f.detail}`).toBe('unsupported');
      expect(f.detail).toMatch(/u\.rs:\d+:\d+/);
    }
  }, 60_000);
});
