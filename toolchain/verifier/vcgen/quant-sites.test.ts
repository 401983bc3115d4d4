import { describe, expect, it } from 'vitest';
import { parseFile } from '../parser';
import { Crate } from '../resolver';
import { checkCrate } from '../check/checker';
import { CrateVC, FnGen, printQuery } from './index';

/** The printed queries of function `fn` in `src` (file t.rs), and the crate's generator state. */
function gen(src: string, fn: string): { queries: string[]; cvc: CrateVC; text: string } {
  const text = `verus! {\n${src}\n}`;
  const file = parseFile('t.rs', text);
  const crate = new Crate([file]);
  const cvc = new CrateVC(crate, checkCrate(crate));
  cvc.analyzeSpecFns();
  const g = new FnGen(cvc, crate.fns.get(fn)![0]!);
  const vc = g.run();
  expect(vc.error ?? vc.unsupported).toBeUndefined();
  g.finish();
  return { queries: vc.obligations.map((o) => printQuery(o.query!)), cvc, text };
}

const SRC = `spec fn p(i: int) -> bool;
spec fn all_p(s: Seq<int>) -> bool {
    forall|i: int| 0 <= i < s.len() ==> #[trigger] p(s[i])
}
proof fn needs(s: Seq<int>)
    requires all_p(s), s.contains(3),
{
}
proof fn user(s: Seq<int>)
    requires all_p(s), exists|k: int| p(k) && s.contains(k),
{
    needs(s);
    assert forall|j: int| 0 <= j < s.len() implies p(s[j]) by {}
    assert(s.len() >= 0);
}`;

const qids = (q: string) => [...q.matchAll(/:qid \|([^|]*)\|/g)].map((m) => m[1]!);

describe('qids of generated queries', () => {
  it('every quantifier of every query has one', () => {
    const { queries } = gen(SRC, 'user');
    for (const q of queries) {
      const quantifiers = (q.match(/\((forall|exists) \(/g) ?? []).length;
      expect(quantifiers).toBeGreaterThan(0);
      expect(qids(q).length).toBe(quantifiers);
    }
  });
  it('a source quantifier is named by its item and position in it, and its site is its file and span', () => {
    const { queries, cvc, text } = gen(SRC, 'user');
    const all = new Set(queries.flatMap(qids));
    // the spec fn's definition, its forall (line 1 of all_p), the caller's exists and assert forall,
    // (the assumed fact after it); `s.contains(..)` is the Seq operation's function, defined by
    // one axiom per element type whose body is vstd's `exists`
    for (const id of ['spec:all_p', 'forall:all_p+1:5', 'exists:user+1:24', 'forall:user+4:5', 'axiom:Seq<Int>.contains', 'axiom:Seq<Int>.contains-witness', 'inv:Seq<Int>@s']) expect(all).toContain(id);
    expect([...all].filter((id) => id.startsWith('contains:'))).toEqual([]);
    const at = (id: string) => {
      const s = cvc.quantSpots.sites.get(id)!;
      expect(s.file).toBe('t.rs');
      return text.slice(s.sp.start, s.sp.end);
    };
    expect(at('forall:all_p+1:5')).toMatch(/^forall\|i: int\|/);
    expect(at('forall:user+4:5')).toMatch(/^assert forall\|j: int\|/);
    expect(at('exists:user+1:24')).toMatch(/^exists\|k: int\|/);
    expect(at('spec:all_p')).toBe('all_p');
  });
  it('moving an item in its file changes no query text (the cache key)', () => {
    const before = gen(SRC, 'user').queries;
    const moved = gen(`spec fn unrelated(x: int) -> bool {\n    x > 0\n}\n\n\n${SRC}`, 'user').queries;
    expect(moved).toEqual(before);
  });
  it('two `choose` with the same body in two places are one function', () => {
    const { queries } = gen(`spec fn p(i: int) -> bool;
spec fn a() -> int { choose|i: int| p(i) }
proof fn f() {
    let x = choose|i: int| p(i);
    assert(x == a());
}`, 'f');
    const names = new Set(queries.flatMap((q) => [...q.matchAll(/declare-fun (\|choose@[0-9a-f]+\|)/g)].map((m) => m[1])));
    expect(names.size).toBe(1);
  });
});
