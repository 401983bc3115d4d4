// vstd::cell as the library gives it (library/vstd/cell.rs): a cell's permission is what its
// operations need, and nothing relates two cells.
import { afterAll, describe, expect, it } from 'vitest';
import { verifySources, shutdownSolvers } from '../index';

afterAll(() => shutdownSolvers());

async function statuses(body: string): Promise<Record<string, string>> {
  const src = `use vstd::prelude::*;\nuse vstd::cell::*;\nverus! {\n${body}\n}\n`;
  const report = await verifySources(new Map([['t.rs', src]]), { root: '/nonexistent', useCache: false, jobs: 1, timeoutMs: 20_000 });
  return Object.fromEntries(report.functions.map((f) => [f.name, `${f.status}${f.detail ? ': ' + f.detail : ''}`]));
}

describe('vstd::cell', () => {
  it('follows a cell through put, borrow, replace, take and into_inner; a wrong value, a wrong cell or an empty one fails', async () => {
    const s = await statuses(`
fn cell_ok() {
    let (c, Tracked(mut t)) = PCell::<u32>::empty();
    c.put(Tracked(&mut t), 5);
    let x = *c.borrow(Tracked(&t));
    assert(x == 5);
    let y = c.replace(Tracked(&mut t), 7);
    assert(y == 5);
    let z = c.take(Tracked(&mut t));
    assert(z == 7);
    c.put(Tracked(&mut t), 9);
    let w = c.into_inner(Tracked(t));
    assert(w == 9);
}
fn cell_new_ok() {
    let (c, Tracked(t)) = PCell::new(3u8);
    assert(t.is_init() && t.value() == 3 && t.id() == c.id());
}
fn cell_wrong_value() {
    let (c, Tracked(mut t)) = PCell::<u32>::empty();
    c.put(Tracked(&mut t), 5);
    let z = c.take(Tracked(&mut t));
    assert(z == 6);
}
fn cell_wrong_cell() {
    let (c1, Tracked(mut t1)) = PCell::<u32>::empty();
    let (c2, Tracked(mut t2)) = PCell::<u32>::empty();
    c1.put(Tracked(&mut t2), 5);
}
fn cell_take_empty() {
    let (c, Tracked(mut t)) = PCell::<u32>::empty();
    let z = c.take(Tracked(&mut t));
}
fn cell_put_twice() {
    let (c, Tracked(mut t)) = PCell::<u32>::empty();
    c.put(Tracked(&mut t), 7);
    c.put(Tracked(&mut t), 5);
}`);
    expect(s.cell_ok).toBe('verified');
    expect(s.cell_new_ok).toBe('verified');
    for (const f of ['cell_wrong_value', 'cell_wrong_cell', 'cell_take_empty', 'cell_put_twice']) expect(s[f]).toBe('failed');
  });

  it('is not modelled in a crate that also uses simple_pptr (two types named PointsTo)', async () => {
    const s = await statuses(`use vstd::simple_pptr::*;\nfn both(p: PPtr<u8>) {}`);
    expect(s.both).toMatch(/^unsupported: .*`vstd::cell` .* and `vstd::simple_pptr` in one crate/);
  });
});
