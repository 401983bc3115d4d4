// Function keys: the key of a function changes with everything its queries depend on, and (the
// invariant the verifier relies on to reuse a stored verdict) two crates that give a function the
// same key generate the same queries for it — checked over random edits of the corpus and Nimbus.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFrontEnd } from './front-end';
import { printQuery } from './vcgen';
import { corpusFiles } from './tests/corpus-lib';
import { readRustSources } from '../workspace/rust-sources';

/** Each verified-able function's key and the text of every query generated for it. */
async function keysAndQueries(files: Map<string, string>, options: { noCheating?: boolean } = {}): Promise<Map<string, { key: string | undefined; queries: string[] }>> {
  const fe = await runFrontEnd(files, { ...options, reuse: async () => null });
  const out = new Map<string, { key: string | undefined; queries: string[] }>();
  for (const u of fe.units) {
    fe.finishUnit(u);
    const queries = u.vc.obligations.map((ob) => `${ob.kind} ${ob.sp.start} ${ob.message}\n${ob.query ? printQuery(ob.query) : ''}`);
    if (u.vc.defCheck) queries.push(printQuery(u.vc.defCheck));
    if (u.vc.error) queries.push(`error ${u.vc.error.message}`);
    if (u.vc.unsupported) queries.push(`unsupported ${u.vc.unsupported.message}`);
    out.set(`${u.file.path}::${u.vc.info.qname}`, { key: u.key, queries });
  }
  return out;
}

const crate = (extra: Partial<Record<string, string>> = {}): Map<string, string> =>
  new Map(
    Object.entries({
      'a.rs': `verus! {
spec fn double(x: int) -> int { x + x }
fn inc(x: u32) -> (r: u32) requires x < 100 ensures r == x + 1 { x + 1 }
fn uses_inc(y: u32) -> (r: u32) requires y < 50 ensures r == y + 1 { inc(y) }
proof fn uses_double(a: int) ensures double(a) == 2 * a {}
fn unrelated(z: u8) -> u8 { z }
}
`,
      'b.rs': `verus! {
struct P { x: u32 }
fn get(p: P) -> (r: u32) ensures r == p.x { p.x }
}
`,
      ...extra,
    }).filter((e): e is [string, string] => e[1] !== undefined),
  );

async function keysOf(files: Map<string, string>, options: { noCheating?: boolean } = {}): Promise<Record<string, string | undefined>> {
  const m = await keysAndQueries(files, options);
  return Object.fromEntries([...m].map(([k, v]) => [k.replace(/^.*::/, ''), v.key]));
}

describe('function keys', () => {
  it('change with the function, its callees, the spec fns and types it uses, same-named items, its position and the options; not with unrelated code', async () => {
    const base = await keysOf(crate());
    expect(Object.values(base).every((k) => typeof k === 'string' && k.length === 64)).toBe(true);
    // an unrelated function's body
    const a = crate().get('a.rs')!;
    const unrelatedEdit = await keysOf(crate({ 'a.rs': a.replace('fn unrelated(z: u8) -> u8 { z }', 'fn unrelated(z: u8) -> u8 { z / 1 }') }));
    expect(unrelatedEdit.uses_inc).toBe(base.uses_inc);
    expect(unrelatedEdit.get).toBe(base.get);
    expect(unrelatedEdit.unrelated).not.toBe(base.unrelated);
    // a callee's contract (an edit of the same length: the positions after it stay)
    const calleeEdit = await keysOf(crate({ 'a.rs': a.replace('requires x < 100', 'requires x < 101') }));
    expect(calleeEdit.uses_inc).not.toBe(base.uses_inc);
    expect(calleeEdit.inc).not.toBe(base.inc);
    expect(calleeEdit.unrelated).toBe(base.unrelated);
    // a spec fn's body
    expect((await keysOf(crate({ 'a.rs': a.replace('{ x + x }', '{ x + x + 0 }') }))).uses_double).not.toBe(base.uses_double);
    // a datatype
    const b = crate().get('b.rs')!;
    expect((await keysOf(crate({ 'b.rs': b.replace('x: u32 }', 'x: u32, y: u8 }') }))).get).not.toBe(base.get);
    // a new item named like something a function mentions, in another file
    expect((await keysOf(crate({ 'c.rs': 'verus! {\nfn inc(q: u8) {}\n}\n' }))).uses_inc).not.toBe(base.uses_inc);
    // its position (spans are part of the stored result)
    expect((await keysOf(crate({ 'b.rs': '\n' + b }))).get).not.toBe(base.get);
    // an option that changes queries
    expect((await keysOf(crate(), { noCheating: true })).get).not.toBe(base.get);
  });

  const mutations = (files: Map<string, string>) =>
    fc.record({ file: fc.constantFrom(...files.keys()), at: fc.nat(), how: fc.constantFrom('bump-int', 'flip-cmp', 'drop-line') });
  /** Applies one edit at the `at`-th site of its kind (modulo the number of sites), or none. */
  const mutate = (text: string, m: { at: number; how: string }): string => {
    const re = m.how === 'bump-int' ? /\b\d+\b/g : m.how === 'flip-cmp' ? /<=|>=|<(?![<=])|>(?![>=])/g : /\n[^\n]*;[^\n]*(?=\n)/g;
    const sites = [...text.matchAll(re)];
    if (!sites.length) return text;
    const s = sites[m.at % sites.length]!;
    const i = s.index!;
    const replacement = m.how === 'bump-int' ? String(BigInt(s[0]) + 1n) : m.how === 'flip-cmp' ? ({ '<=': '<', '>=': '>', '<': '<=', '>': '>=' } as Record<string, string>)[s[0]]! : '\n';
    return text.slice(0, i) + replacement + text.slice(i + s[0].length);
  };
  const sameKeySameQueries = async (files: Map<string, string>, runs: number) => {
    const before = await keysAndQueries(files);
    let keptKeys = 0;
    await fc.assert(
      fc.asyncProperty(mutations(files), async (m) => {
        const edited = new Map(files);
        edited.set(m.file, mutate(files.get(m.file)!, m));
        const after = await keysAndQueries(edited);
        for (const [fn, b] of before) {
          const x = after.get(fn);
          if (!x || x.key === undefined || x.key !== b.key) continue;
          keptKeys++;
          expect(x.queries, `${fn} kept its key after ${JSON.stringify(m)}`).toEqual(b.queries);
        }
      }),
      { numRuns: runs, seed: 20261201 },
    );
    // the edits left most functions' keys alone: the property was checked on many functions
    expect(keptKeys).toBeGreaterThan(runs * 10);
  };

  it('a ghost call of a when_used_as_spec fn reaches the spec fn it names: its key changes with that body', async () => {
    const src = (body: string) => new Map([['w.rs', `verus! {
spec fn sd(x: u8) -> u8 { ${body} }
#[verifier::when_used_as_spec(sd)]
fn d(x: u8) -> u8 { x }
proof fn p() { assert(d(3) == 3); }
}
`]]);
    const a = await keysAndQueries(src('x'));
    const b = await keysAndQueries(src('0'));
    expect(a.get('w.rs::p')!.key).not.toBe(b.get('w.rs::p')!.key);
    expect(a.get('w.rs::p')!.queries).not.toEqual(b.get('w.rs::p')!.queries);
  });

  it('a call of an external function reaches its specification: its key changes with the specification', async () => {
    const src = (ens: string) => new Map([['e.rs', `verus! {
#[verifier::external]
fn neg(b: bool) -> bool { !b }
#[verifier::external_fn_specification]
fn ex_neg(b: bool) -> (r: bool) ensures ${ens} { neg(b) }
fn caller() { let r = neg(true); assert(r == false); }
}
`]]);
    const a = await keysAndQueries(src('r == !b'));
    const b = await keysAndQueries(src('r == b'));
    expect(a.get('e.rs::caller')!.key).not.toBe(b.get('e.rs::caller')!.key);
    expect(a.get('e.rs::caller')!.queries).not.toEqual(b.get('e.rs::caller')!.queries);
  });

  it('a module-level `broadcast use` reaches the lemma it names: the key of every function of the module changes with the lemma', async () => {
    const src = (ens: string) => new Map([['m.rs', `verus! {
spec fn g(i: int) -> bool { i > 0 }
broadcast proof fn lem(i: int) ensures #[trigger] g(i) == (i > 0) { }
mod inner {
    use super::*;
    broadcast use super::lem;
    proof fn p() { assert(g(1)); }
}
}
`.replace('g(i) == (i > 0)', ens)]]);
    const a = await keysAndQueries(src('g(i) == (i > 0)'));
    const b = await keysAndQueries(src('g(i) == (i > 1)'));
    expect(a.get('m.rs::p')!.key).toEqual(expect.any(String));
    expect(a.get('m.rs::p')!.key).not.toBe(b.get('m.rs::p')!.key);
    expect(a.get('m.rs::p')!.queries).not.toEqual(b.get('m.rs::p')!.queries);
  });

  // (each edit regenerates every query of the whole corpus: ~100 s alone, more beside the other
  // test files; the bound is for a hang, as the corpus tests' own)
  it('same key, same queries: over random edits of the corpus', async () => {
    await sameKeySameQueries(corpusFiles(), 20);
  }, 360_000);

  it('same key, same queries: over random edits of Nimbus', async () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../kernel-workspace');
    await sameKeySameQueries(await readRustSources(root), 12);
  }, 120_000);
});
