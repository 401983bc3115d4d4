import { describe, expect, it } from 'vitest';
import { parseFile } from './parser';
import { lowerMutRefTracked } from './mut-ref-tracked';
import { printBlock } from './printer';
import { someNode, type FnItem } from './ast';

function lower(src: string) {
  const file = parseFile('t.rs', `verus! {\n${src}\n}`);
  expect(file.diagnostics).toEqual([]);
  const [out] = lowerMutRefTracked([file]);
  const fn = (name: string) => out!.items.find((it): it is FnItem => it.k === 'fn' && it.name === name)!;
  return { file, out: out!, fn, body: (name: string) => printBlock(fn(name).body!).replace(/\s+/g, ' ') };
}

describe('lowerMutRefTracked', () => {
  it('writes `mut_ref_tracked(&mut x)` and `mut_ref_tracked(r)` as the borrow, marked with the call`s span', () => {
    const { body, fn } = lower(`fn a() { let tracked mut u: u64 = 0; proof { upd(mut_ref_tracked(&mut u)); **mut_ref_tracked(&mut u) = 19u64; } }
fn b(tracked r: &mut X) { proof { upd(mut_ref_tracked(r)); } }`);
    expect(body('a')).toContain('upd((&mut u))');
    expect(body('a')).toContain('(*(*(&mut u))) = 19u64');
    expect(body('a')).not.toContain('mut_ref_tracked');
    expect(body('b')).toContain('upd(r)');
    const marked = (name: string) => someNode(fn(name).body, (n) => !!(n as { viaMutRefTracked?: unknown }).viaMutRefTracked);
    expect(marked('a')).toBe(true);
    expect(marked('b')).toBe(true);
  });

  it('leaves any other argument as written, and a file without the call untouched', () => {
    const { body } = lower('fn c() { proof { upd(mut_ref_tracked(pick())); } }');
    expect(body('c')).toContain('mut_ref_tracked(pick())');
    const plain = parseFile('t.rs', 'verus! { fn d() {} }');
    expect(lowerMutRefTracked([plain])[0]).toBe(plain);
  });
});
