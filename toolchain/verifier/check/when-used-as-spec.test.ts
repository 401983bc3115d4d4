import { describe, expect, it } from 'vitest';
import { parseFile } from '../parser';
import { Crate } from '../resolver';
import type { FnItem } from '../ast';
import { checkCrate, type CheckedCrate } from './checker';
import { whenUsedAsSpecAttr } from './when-used-as-spec';

function check(body: string): { checked: CheckedCrate; fns: Map<string, FnItem> } {
  const file = parseFile('t.rs', `verus! {\n${body}\n}`);
  expect(file.diagnostics).toEqual([]);
  const checked = checkCrate(new Crate([file]));
  const fns = new Map<string, FnItem>();
  const walk = (items: typeof file.items) => {
    for (const it of items) if (it.k === 'fn') fns.set(it.selfType ? `${it.selfType}::${it.name}` : it.name, it);
  };
  walk(file.items);
  return { checked, fns };
}

const errs = (body: string, fn: string): string[] => {
  const { checked, fns } = check(body);
  return (checked.fnErrors.get(fns.get(fn)!) ?? []).map((e) => e.message);
};

/** The qnames the calls in `fn` resolve to through `when_used_as_spec`, in source order. */
function specCallsIn(body: string, fn: string): string[] {
  const { checked, fns } = check(body);
  const f = fns.get(fn)!;
  return [...checked.specCalls].filter(([e]) => e.sp.start >= f.sp.start && e.sp.end <= f.sp.end).sort((a, b) => a[0].sp.start - b[0].sp.start).map(([, info]) => info.qname);
}

const base = `spec fn sd(x: u8) -> u8 { x }\n#[verifier::when_used_as_spec(sd)]\nfn d(x: u8) -> u8 { x }\n`;

describe('when_used_as_spec', () => {
  it('reads the target name in both spellings', () => {
    const { fns } = check(`${base}spec fn s2(x: u8) -> u8 { x }\n#[verifier(when_used_as_spec(s2))]\nfn e(x: u8) -> u8 { x }`);
    expect(whenUsedAsSpecAttr(fns.get('d')!)?.name).toBe('sd');
    expect(whenUsedAsSpecAttr(fns.get('e')!)?.name).toBe('s2');
    expect(whenUsedAsSpecAttr(fns.get('sd')!)).toBeNull();
  });

  it('a call in spec or proof code means the spec fn; in exec code it is the exec fn', () => {
    const src = `${base}proof fn p() { assert(d(1) == 1); }\nfn x(a: u8) requires d(a) < 9 { let b = d(a); proof { let c = d(a); } assert(d(a) == a); }`;
    expect(errs(src, 'p')).toEqual([]);
    expect(errs(src, 'x')).toEqual([]);
    expect(specCallsIn(src, 'p')).toEqual(['sd']);
    // requires, the proof block and the assert: three ghost calls; `let b = d(a)` is exec
    expect(specCallsIn(src, 'x')).toEqual(['sd', 'sd', 'sd']);
  });

  it('methods name a method of the same type', () => {
    const src = `struct S { v: u8 }\nimpl S {\nspec fn sl(&self) -> u8 { self.v }\n#[verifier::when_used_as_spec(sl)]\nfn l(&self) -> u8 { self.v }\n}\nproof fn p(s: S) { assert(s.l() == s.v); }`;
    expect(errs(src, 'S::l')).toEqual([]);
    expect(specCallsIn(src, 'p')).toEqual(['S::sl']);
  });

  it('rejects a wrong attribute as Verus does', () => {
    expect(errs(`#[verifier::when_used_as_spec(nope)]\nfn d(x: u8) -> u8 { x }`, 'd')).toEqual(['cannot find function referred to in when_used_as_spec']);
    expect(errs(`proof fn sd(x: u8) -> u8 { x }\n#[verifier::when_used_as_spec(sd)]\nfn d(x: u8) -> u8 { x }`, 'd')).toEqual(['when_used_as_spec must point from an exec function to a spec function']);
    expect(errs(`spec fn sd(x: u8) -> u8 { x }\n#[verifier::when_used_as_spec(sd)]\nproof fn d(x: u8) -> u8 { x }`, 'd')).toEqual(['when_used_as_spec must point from an exec function to a spec function']);
    expect(errs(`spec fn sd(x: int) -> u8 { 0 }\n#[verifier::when_used_as_spec(sd)]\nfn d(x: u8) -> u8 { x }`, 'd')).toEqual(['when_used_as_spec function should have the same parameters']);
    expect(errs(`spec fn sd(x: u8, y: u8) -> u8 { 0 }\n#[verifier::when_used_as_spec(sd)]\nfn d(x: u8) -> u8 { x }`, 'd')).toEqual(['when_used_as_spec function should have the same parameters']);
    expect(errs(`spec fn sd(x: u8) -> bool { true }\n#[verifier::when_used_as_spec(sd)]\nfn d(x: u8) -> u8 { x }`, 'd')).toEqual(['when_used_as_spec function should have the same return types']);
    expect(errs(`spec fn sd(x: u8) -> u8 { x }\n#[verifier::when_used_as_spec(sd)]\npub fn d(x: u8) -> u8 { x }`, 'd')).toEqual(['when_used_as_spec refers to function which is more private']);
    expect(errs(`spec fn sd(a: &mut u8) -> u8 { 0 }\n#[verifier::when_used_as_spec(sd)]\nfn d(a: &mut u8) -> u8 { 0 }`, 'd')).toEqual(['when_used_as_spec not supported for function with &mut param']);
  });

  it('a wrong attribute gives the exec fn no spec meaning: ghost calls of it are mode errors', () => {
    const src = `#[verifier::when_used_as_spec(nope)]\nfn d(x: u8) -> u8 { x }\nproof fn p() { assert(d(1) == 1); }`;
    expect(errs(src, 'p')).toEqual(['cannot call function `d` with mode exec in spec code']);
    expect(specCallsIn(src, 'p')).toEqual([]);
  });
});
