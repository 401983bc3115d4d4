import { describe, expect, it } from 'vitest';
import { parseFile } from '../parser';
import { Crate } from '../resolver';
import { checkCrate } from './checker';

function findings(body: string): Record<string, { errors: string[]; unsupported: string | null }> {
  const file = parseFile('t.rs', `verus! {\n${body}\n}`);
  expect(file.diagnostics).toEqual([]);
  const checked = checkCrate(new Crate([file]));
  const out: Record<string, { errors: string[]; unsupported: string | null }> = {};
  for (const it of file.items) {
    if (it.k !== 'fn') continue;
    out[it.name] = { errors: (checked.fnErrors.get(it) ?? []).map((e) => e.message), unsupported: checked.fnUnsupported.get(it)?.message ?? null };
  }
  return out;
}

const LONG = 'lifetime may not live long enough';

describe('named lifetimes of returned references (check/lifetimes.ts)', () => {
  it('a returned parameter must have the return type\'s lifetime (or \'static)', () => {
    const r = findings(
      `fn same<'a, 'b>(x: &'a u32, y: &'b u32) -> &'b u32 { y }\nfn other<'a, 'b>(x: &'a u32, y: &'b u32) -> &'b u32 { x }\nfn stat<'a>(x: &'static u32) -> &'a u32 { x }\nfn elided<'a>(x: &'a u32, y: &u32) -> &'a u32 { y }\nproof fn pf<'a, 'b>(tracked x: &'a u32, tracked z: &'b u32) -> tracked &'b u32 { x }`,
    );
    expect(r.same).toEqual({ errors: [], unsupported: null });
    expect(r.other!.errors).toEqual([LONG]);
    expect(r.stat).toEqual({ errors: [], unsupported: null });
    expect(r.elided!.errors).toEqual([LONG]);
    expect(r.pf!.errors).toEqual([LONG]);
  });
  it('follows an immutable local bound once at the top level to its initializer (which may name the parameter it shadows)', () => {
    const r = findings(
      `fn local_ok<'a, 'b>(x: &'a u32, y: &'b u32, c: bool) -> &'a u32 { let z = if c { x } else { x }; z }\nfn local_bad<'a, 'b>(x: &'a u32, y: &'b u32, c: bool) -> &'a u32 { let z = if c { x } else { y }; z }\nfn shadow_ok<'a>(x: &'a u32, c: bool) -> &'a u32 { let x = if c { x } else { x }; x }\nfn shadow_bad<'a, 'b>(x: &'a u32, y: &'b u32) -> &'b u32 { let y = x; y }\nfn assigned<'a, 'b>(x: &'a u32, y: &'b u32) -> &'a u32 { let mut z = x; z = y; z }\nfn twice<'a, 'b>(x: &'a u32, y: &'b u32) -> &'a u32 { let z = x; let z = y; z }`,
    );
    expect(r.local_ok).toEqual({ errors: [], unsupported: null });
    expect(r.local_bad!.errors).toEqual([LONG]);
    expect(r.shadow_ok).toEqual({ errors: [], unsupported: null });
    expect(r.shadow_bad!.errors).toEqual([LONG]);
    // (a local assigned or bound twice is not followed)
    expect(r.assigned!.unsupported).toMatch(/not supported: returning a reference/);
    expect(r.twice!.unsupported).toMatch(/not supported: returning a reference/);
  });
  it('follows places behind a parameter, branches, early returns and calls', () => {
    const r = findings(
      `struct S { f: u32 }\nfn place<'a, 'b>(x: &'a S, y: &'b S) -> &'a u32 { &x.f }\nfn place_bad<'a, 'b>(x: &'a S, y: &'b S) -> &'a u32 { &(*y).f }\nfn branch<'a, 'b>(x: &'a u32, y: &'b u32, c: bool) -> &'a u32 { if c { x } else { y } }\nfn early<'a, 'b>(x: &'a u32, y: &'b u32, c: bool) -> &'a u32 { if c { return y; } x }\nfn pick<'p, 'q>(u: &'p u32, v: &'q u32) -> &'q u32 { v }\nfn call_ok<'a, 'b>(x: &'a u32, y: &'b u32) -> &'b u32 { pick(x, y) }\nfn call_bad<'a, 'b>(x: &'a u32, y: &'b u32) -> &'b u32 { pick(y, x) }`,
    );
    expect(r.place).toEqual({ errors: [], unsupported: null });
    expect(r.place_bad!.errors).toEqual([LONG]);
    expect(r.branch!.errors).toEqual([LONG]);
    expect(r.early!.errors).toEqual([LONG]);
    expect(r.call_ok).toEqual({ errors: [], unsupported: null });
    expect(r.call_bad!.errors).toEqual([LONG]);
  });
  it('reports what it cannot decide as unsupported, and leaves elided return lifetimes alone', () => {
    const r = findings(
      `struct S { f: u32 }\nfn local<'a>(x: &'a S) -> &'a u32 { let z; z = &x.f; z }\nfn bounded<'a, 'b: 'a>(x: &'a u32, y: &'b u32) -> &'a u32 { y }\nfn by_value<'a>(x: S, y: &'a S) -> &'a u32 { &x.f }\nfn elided_ret(x: &S) -> &u32 { &x.f }`,
    );
    expect(r.local!.unsupported).toMatch(/not supported: returning a reference with the named lifetime `'a`/);
    expect(r.bounded!.unsupported).toMatch(/lifetime bounds/);
    expect(r.by_value!.unsupported).toMatch(/not supported/);
    expect(r.elided_ret).toEqual({ errors: [], unsupported: null });
  });
});
