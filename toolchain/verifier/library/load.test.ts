// The standard library joins a crate that names vstd, is never reported as the user's code, and
// is part of the function keys of the functions that use it.
import { afterAll, describe, expect, it } from 'vitest';
import { runFrontEnd } from '../front-end';
import { verifySources, shutdownSolvers } from '../index';
import { isLibraryFile, libraryFiles, libraryFor, usesLibrary } from './load';

const user = `use vstd::simple_pptr::*;
verus! {
fn lib_user(ptr: PPtr<u64>, Tracked(perm): Tracked<PointsTo<u64>>) -> (r: u64)
    requires perm.pptr() == ptr,
    ensures r == 7,
{
    let tracked mut perm = perm;
    ptr.write(Tracked(&mut perm), 7);
    *ptr.borrow(Tracked(&perm))
}
fn lib_free(x: u8) -> u8 { x }
}
`;

afterAll(() => shutdownSolvers());

async function frontEnd(files: Map<string, string>, library?: ReadonlyMap<string, string>) {
  return runFrontEnd(files, { reuse: async () => null, library });
}

describe('the vstd library', () => {
  it('is loaded only for a crate that names vstd', async () => {
    expect(usesLibrary(new Map([['a.rs', user]]))).toBe(true);
    expect(usesLibrary(new Map([['a.rs', 'verus! { fn f() {} }']]))).toBe(false);
    // std's types that the library defines bring it in without a vstd path
    expect(usesLibrary(new Map([['a.rs', 'verus! { struct P<T> { t: core::marker::PhantomData<T> } }']]))).toBe(true);
    expect(usesLibrary(new Map([['a.rs', 'use std::collections::HashMap;']]))).toBe(true);
    expect(usesLibrary(new Map([['a.rs', 'verus! { struct MyHashMapLike {} }']]))).toBe(false);
    const without = await frontEnd(new Map([['a.rs', 'verus! { fn f() {} }']]));
    expect(without.parsed.some((f) => isLibraryFile(f.path))).toBe(false);
    const withLib = await frontEnd(new Map([['a.rs', user]]));
    expect(withLib.parsed.some((f) => isLibraryFile(f.path))).toBe(true);
  });

  it('checks without problems and gives the user no results, diagnostics or units of its own', async () => {
    const fe = await frontEnd(new Map([['a.rs', user]]));
    expect(fe.functions.filter((f) => isLibraryFile(f.file))).toEqual([]);
    expect(fe.diagnostics.filter((d) => isLibraryFile(d.file))).toEqual([]);
    expect(fe.units.map((u) => u.vc.info.qname).sort()).toEqual(['lib_free', 'lib_user']);
    const libUser = fe.units.find((u) => u.vc.info.qname === 'lib_user')!;
    fe.finishUnit(libUser);
    expect(libUser.vc.unsupported).toBeUndefined();
    expect(libUser.vc.error).toBeUndefined();
    // the library's contracts are what the user's function calls
    expect([...libUser.vc.callees]).toEqual(expect.arrayContaining(['PPtr::borrow', 'PPtr::write', 'PointsTo::pptr']));
    const libraryKeys = new Set(fe.parsed.filter((f) => isLibraryFile(f.path)).flatMap((f) => f.items.flatMap((it) => (it.k === 'fn' ? [it.selfType ? `${it.selfType}::${it.name}` : it.name] : []))));
    expect([...libUser.vc.callees].filter((k) => !libraryKeys.has(k))).toEqual([]);
  });

  it("is part of the keys of the functions using it: a change in the library changes their keys, not the others'", async () => {
    const lib = libraryFiles();
    const file = [...lib.keys()].find((p) => p.endsWith('simple_pptr.rs'))!;
    const edited = new Map(lib);
    edited.set(file, lib.get(file)!.replace('perm.mem_contents() == MemContents::Init(in_v),', 'perm.mem_contents() == MemContents::Init(in_v), perm.is_init(),'));
    expect(edited.get(file)).not.toBe(lib.get(file));
    const keys = async (l: ReadonlyMap<string, string>) => Object.fromEntries((await frontEnd(new Map([['a.rs', user]]), l)).units.map((u) => [u.vc.info.qname, u.key]));
    const before = await keys(lib);
    const after = await keys(edited);
    expect(after.lib_user).not.toBe(before.lib_user);
    expect(after.lib_free).toBe(before.lib_free);
  });

  /** Whether the library a crate of one file `text` reads has the on-demand file `name`. */
  const readsFile = (text: string, name: string) => [...libraryFor(new Map([['a.rs', text]])).keys()].some((p) => p.endsWith(name));
  /** `qname` of the crate of one file `text` checks: neither unsupported nor an error. */
  const checks = async (text: string, qname: string) => {
    const fe = await frontEnd(new Map([['a.rs', text]]));
    const u = fe.units.find((x) => x.vc.info.qname === qname)!;
    fe.finishUnit(u);
    expect(u.vc.unsupported).toBeUndefined();
    expect(u.vc.error).toBeUndefined();
  };

  it('reads an on-demand file (atomic.rs) only for a crate that names it, and that file checks', async () => {
    expect(readsFile(user, 'atomic.rs')).toBe(false);
    const atomics = `use vstd::prelude::*;\nuse vstd::atomic::*;\nverus! {\nfn at_user() { let (a, Tracked(mut p)) = PAtomicU32::new(5); let v = a.load(Tracked(&p)); assert(v == 5); }\n}\n`;
    expect(readsFile(atomics, 'atomic.rs')).toBe(true);
    await checks(atomics, 'at_user');
  });

  it("reads deep_view.rs for a crate that names `deep_view`, not for one that defines its own `DeepView`, whose impls then mean what they say", async () => {
    const named = `use vstd::prelude::*;\nverus! {\nproof fn dv_user(v: Vec<u8>) ensures v.deep_view() == v@ {}\n}\n`;
    expect(readsFile(user, 'deep_view.rs')).toBe(false);
    expect(readsFile(named, 'deep_view.rs')).toBe(true);
    await checks(named, 'dv_user');
    // (an integer's built-in deep view is itself; here it is the crate's `deep_view`, which is not)
    const own = `use vstd::prelude::*;\nverus! {\npub trait DeepView { spec fn deep_view(&self) -> int; }\nimpl DeepView for u8 { open spec fn deep_view(&self) -> int { *self as int + 1 } }\nproof fn dv_own(x: u8) ensures x.deep_view() == x as int + 1 {}\nproof fn dv_own_not_identity(x: u8) ensures x.deep_view() == x as int {}\n}\n`;
    expect(readsFile(own, 'deep_view.rs')).toBe(false);
    const report = await verifySources(new Map([['a.rs', own]]), { root: '/nonexistent', useCache: false, jobs: 1, solver: 'native', timeoutMs: 20_000 });
    expect(report.functions.filter((f) => f.name.startsWith('dv_own')).map((f) => [f.name, f.status])).toEqual([['dv_own', 'verified'], ['dv_own_not_identity', 'failed']]);
  }, 60_000);

  it('gives a crate that names `f32` / `f64` the library and its float.rs, without `use vstd`', async () => {
    const floats = `verus! {\nfn fl_user(n: i32) { let x: f64 = n as f64; assert(vstd::float::float_cast_spec(n, x)); }\n}\n`;
    expect(usesLibrary(new Map([['a.rs', floats]]))).toBe(true);
    expect(readsFile(floats, 'float.rs')).toBe(true);
    expect(readsFile(user, 'float.rs')).toBe(false);
    await checks(floats, 'fl_user');
  });

  it('makes every user function unsupported when the library itself does not check', async () => {
    const lib = libraryFiles();
    const file = [...lib.keys()].find((p) => p.endsWith('simple_pptr.rs'))!;
    const broken = new Map(lib);
    broken.set(file, lib.get(file)!.replace('u == self.0,', 'u == self.nonexistent_field,'));
    const fe = await frontEnd(new Map([['a.rs', user]]), broken);
    for (const u of fe.units) expect(u.vc.unsupported?.message).toMatch(/the vstd library does not check/);
  });

  it('reads raw_ptr_types.rs (not the permissions of raw_ptr.rs) for a crate that writes a raw pointer type, and it checks', async () => {
    const raw = `use vstd::prelude::*;\nverus! {\nfn raw_user(x: *mut u8, y: *const u8) { let z = x as *const u8; assert(z@ == x@); let a = x as usize; assert(a == x@.addr); }\n}\n`;
    expect(usesLibrary(new Map([['a.rs', raw.replace('use vstd::prelude::*;\n', '')]]))).toBe(true);
    expect(readsFile(raw, 'raw_ptr_types.rs')).toBe(true);
    expect(readsFile(raw, '/raw_ptr.rs')).toBe(false);
    expect(readsFile(raw, 'cell.rs')).toBe(false);
    expect(readsFile(user, 'raw_ptr_types.rs')).toBe(false);
    await checks(raw, 'raw_user');
  });

  it('reads one `PointsTo` module for an import of another that nothing uses, and refuses a crate that uses two', async () => {
    // (cell's `use` only: raw_ptr's API is what the crate uses)
    const rawOnly = `use vstd::prelude::*;\nuse vstd::{cell::*};\nuse vstd::raw_ptr::*;\nverus! {\nfn raw_user(x: *mut u8, Tracked(pt): Tracked<&mut PointsTo<u8>>) requires old(pt).ptr() == x { ptr_mut_write(x, Tracked(pt), 5); }\n}\n`;
    expect(readsFile(rawOnly, '/raw_ptr.rs')).toBe(true);
    expect(readsFile(rawOnly, 'raw_ptr_types.rs')).toBe(true);
    expect(readsFile(rawOnly, 'cell.rs')).toBe(false);
    await checks(rawOnly, 'raw_user');
    // (a word of raw_ptr's API in a comment is no use of it)
    const pptrWithComment = `use vstd::prelude::*;\nuse vstd::simple_pptr::*;\nverus! {\n// pages we allocate and deallocate\nfn pp_user(p: PPtr<u8>) {}\n}\n`;
    expect(readsFile(pptrWithComment, 'simple_pptr.rs')).toBe(true);
    expect(readsFile(pptrWithComment, '/raw_ptr.rs')).toBe(false);
    await checks(pptrWithComment, 'pp_user');
    const both = `use vstd::prelude::*;\nuse vstd::cell::*;\nuse vstd::raw_ptr::*;\nverus! {\nfn both_user(c: PCell<u8>, x: *mut u8, Tracked(d): Tracked<Dealloc>) {}\n}\n`;
    const fe = await frontEnd(new Map([['a.rs', both]]));
    const u = fe.units.find((x) => x.vc.info.qname === 'both_user')!;
    expect(u.vc.unsupported?.message).toMatch(/`vstd::cell` at a.rs:5:17 and `vstd::raw_ptr` in one crate: their two `PointsTo` types are not told apart/);
  });

  it('does not silently replace a user item of the same name, nor let it replace the library one', async () => {
    const own = `use vstd::prelude::*;\nverus! {\nstruct PPtr { a: u64 }\nfn own_ptr(p: PPtr) -> u64 { p.a }\n}\n`;
    const fe = await frontEnd(new Map([['a.rs', own]]));
    const u = fe.units.find((x) => x.vc.info.qname === 'own_ptr')!;
    expect(u.vc.unsupported?.message).toMatch(/the crate defines its own `PPtr` at a.rs:3:1, which the vstd library also defines/);
  });
});
