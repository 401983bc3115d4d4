// vstd::raw_ptr as the library gives it (library/vstd/raw_ptr_types.rs, raw_ptr.rs): a raw pointer
// is its `PtrData`; memory behind it is read and written only with a permission for that pointer.
import { afterAll, describe, expect, it } from 'vitest';
import { verifySources, shutdownSolvers } from '../index';

afterAll(() => shutdownSolvers());

async function statuses(body: string): Promise<Record<string, string>> {
  const src = `use vstd::prelude::*;\nuse vstd::raw_ptr::*;\nuse vstd::layout::*;\nverus! {\nglobal layout u32 is size == 4, align == 4;\n${body}\n}\n`;
  // (native z3, installed by .ci/run: the wasm build answers `unknown` slowly to some of the failing queries)
  const report = await verifySources(new Map([['t.rs', src]]), { root: '/nonexistent', useCache: false, jobs: 1, solver: 'native', timeoutMs: 20_000 });
  return Object.fromEntries(report.functions.map((f) => [f.name, `${f.status}${f.detail ? ': ' + f.detail : ''}`]));
}

describe('vstd::raw_ptr', () => {
  it('allocates, writes, reads and frees through permissions; a wrong pointer, uninitialized memory or a wrong size fails', async () => {
    const s = await statuses(`
fn rp_ok() {
    layout_for_type_is_valid::<u32>();
    let (p, Tracked(raw), Tracked(dealloc)) = allocate(4, 4);
    let tracked mut pt = raw.into_typed::<u32>(p as usize);
    let q = p as *mut u32;
    ptr_mut_write(q, Tracked(&mut pt), 5);
    let r = ptr_ref(q, Tracked(&pt));
    assert(*r == 5);
    let v = ptr_mut_read(q, Tracked(&mut pt));
    assert(v == 5 && pt.is_uninit());
    let tracked raw = pt.into_raw();
    deallocate(p, 4, 4, Tracked(raw), Tracked(dealloc));
}
fn rp_wrong_value() {
    layout_for_type_is_valid::<u32>();
    let (p, Tracked(raw), Tracked(dealloc)) = allocate(4, 4);
    let tracked mut pt = raw.into_typed::<u32>(p as usize);
    let q = p as *mut u32;
    ptr_mut_write(q, Tracked(&mut pt), 5);
    let v = ptr_mut_read(q, Tracked(&mut pt));
    assert(v == 6);
}
fn rp_wrong_pointer(x: *mut u32) {
    layout_for_type_is_valid::<u32>();
    let (p, Tracked(raw), Tracked(dealloc)) = allocate(4, 4);
    let tracked mut pt = raw.into_typed::<u32>(p as usize);
    ptr_mut_write(x, Tracked(&mut pt), 5);
}
fn rp_read_uninit() {
    layout_for_type_is_valid::<u32>();
    let (p, Tracked(raw), Tracked(dealloc)) = allocate(4, 4);
    let tracked mut pt = raw.into_typed::<u32>(p as usize);
    let v = ptr_mut_read(p as *mut u32, Tracked(&mut pt));
}
fn rp_typed_too_small() {
    layout_for_type_is_valid::<u32>();
    let (p, Tracked(raw), Tracked(dealloc)) = allocate(2, 2);
    let tracked pt = raw.into_typed::<u32>(p as usize);
}
fn rp_free_typed_memory() {
    layout_for_type_is_valid::<u32>();
    let (p, Tracked(raw), Tracked(dealloc)) = allocate(8, 4);
    let tracked (a, b) = raw.split(Set::range(p@.addr as int, p@.addr + 4));
    deallocate(p, 8, 4, Tracked(a), Tracked(dealloc));
}`);
    expect(s.rp_ok).toBe('verified');
    for (const f of ['rp_wrong_value', 'rp_wrong_pointer', 'rp_read_uninit', 'rp_typed_too_small', 'rp_free_typed_memory']) expect(s[f], f).toBe('failed');
  });

  it('refuses a permission used after it was given up, and a shared permission where a write needs it mutably', async () => {
    const s = await statuses(`
fn rp_after_free() {
    layout_for_type_is_valid::<u32>();
    let (p, Tracked(raw), Tracked(dealloc)) = allocate(4, 4);
    deallocate(p, 4, 4, Tracked(raw), Tracked(dealloc));
    let tracked pt = raw.into_typed::<u32>(p as usize);
}
fn rp_shared_write(x: *mut u32, Tracked(pt): Tracked<PointsTo<u32>>) {
    ptr_mut_write(x, Tracked(&pt), 5);
}`);
    expect(s.rp_after_free).toMatch(/^error: use of moved value: `raw`/);
    expect(s.rp_shared_write).toMatch(/^error: mismatched types/);
  });
});
