import { describe, expect, it } from 'vitest';
import { parseFile } from '../parser';
import { Crate } from '../resolver';
import type { FnItem, Stmt } from '../ast';
import { checkCrate } from './checker';
import { broadcastCycleErrors, broadcastTargets } from './broadcast';

function crateOf(body: string): Crate {
  const file = parseFile('t.rs', `verus! {\n${body}\n}`);
  expect(file.diagnostics).toEqual([]);
  return new Crate([file]);
}

const lemmas = `
spec fn f(i: int) -> bool { true }
broadcast proof fn a(i: int) ensures #[trigger] f(i) {}
broadcast proof fn b(i: int) ensures #[trigger] f(i + 1) {}
proof fn plain(i: int) ensures f(i) {}
broadcast group g { a, b, }
broadcast group outer { g, a }
pub struct T {}
impl T {
    broadcast proof fn m(i: int) ensures #[trigger] f(i - 1) {}
    broadcast group tg { T::m, Self::m }
}
`;

const name = (s: string) => ({ segs: s.split('::'), sp: { start: 0, end: 0 } });

describe('broadcast use: what it names', () => {
  it('expands groups (nested, deduplicated) and qualified members', () => {
    const c = crateOf(lemmas);
    expect(broadcastTargets(c, [name('outer')], null).lemmas.map((l) => l.qname)).toEqual(['a', 'b']);
    expect(broadcastTargets(c, [name('T::tg')], null).lemmas.map((l) => l.qname)).toEqual(['T::m']);
    expect(broadcastTargets(c, [name('crate::a'), name('b')], null)).toMatchObject({ lemmas: [{ qname: 'a' }, { qname: 'b' }], errors: [], unsupported: null });
  });

  it('refuses a proof fn that is not broadcast and an unknown name; vstd names are unsupported', () => {
    const c = crateOf(lemmas);
    expect(broadcastTargets(c, [name('plain')], null).errors.map((e) => e.message)).toEqual(['plain is not a broadcast proof fn']);
    expect(broadcastTargets(c, [name('nope')], null).errors.map((e) => e.message)).toEqual(['cannot find broadcast proof fn or group `nope`']);
    const v = broadcastTargets(c, [name('vstd::seq_lib::group_seq_properties')], null);
    expect(v.errors).toEqual([]);
    expect(v.unsupported?.message).toMatch(/vstd's lemmas are not modelled/);
  });

  it('the checking phase records each statement\'s lemmas and each module\'s', () => {
    const c = crateOf(`${lemmas}
proof fn user() { broadcast use g; }
mod inner {
    use super::*;
    broadcast use super::a;
    proof fn in_mod() {}
}`);
    const checked = checkCrate(c);
    const fns = new Map(c.files[0]!.items.filter((it): it is FnItem => it.k === 'fn').map((f) => [f.name, f]));
    const stmt = fns.get('user')!.body!.stmts[0] as Stmt;
    expect(checked.broadcastUses.get(stmt)?.map((l) => l.qname)).toEqual(['a', 'b']);
    expect(checked.moduleBroadcasts.get(fns.get('in_mod')!)?.map((u) => u.lemma.qname)).toEqual(['a']);
    expect(checked.moduleBroadcasts.get(fns.get('user')!)).toBeUndefined();
    expect(checked.fnErrors.get(fns.get('user')!)).toBeUndefined();
  });
});

describe('broadcast use: cycles', () => {
  const fn = (name: string, attrs: string[] = []): FnItem => ({ name, attrs }) as unknown as FnItem;

  it('a use of a lemma that reaches the user back is an error at the use', () => {
    const [p, q, r] = [fn('p'), fn('q'), fn('r')];
    const sp = { start: 1, end: 2 };
    // p calls q, q uses p: q's use closes the cycle
    const errs = broadcastCycleErrors(new Map([[p, new Set([q])]]), new Map([[q, [{ lemma: p, sp }]], [r, [{ lemma: p, sp }]]]));
    expect([...errs.keys()]).toEqual([q]);
    expect(errs.get(q)![0]!.message).toBe('cannot recursively use a broadcast proof fn');
    // a lemma using itself
    expect([...broadcastCycleErrors(new Map(), new Map([[p, [{ lemma: p, sp }]]])).keys()]).toEqual([p]);
  });

  it('a trusted body has no edges and is never judged', () => {
    const sp = { start: 1, end: 2 };
    const t = fn('t', ['verifier::external_body']);
    const p = fn('p');
    expect(broadcastCycleErrors(new Map([[p, new Set([t])]]), new Map([[t, [{ lemma: p, sp }]]])).size).toBe(0);
  });
});
