import { describe, expect, it } from 'vitest';
import { parseFile } from './parser';
import { lowerModuleDatatypes } from './module-datatypes';
import { printBlock } from './printer';
import type { FnItem, SourceFile } from './ast';

function lower(src: string): { out: SourceFile; body: (name: string) => string; names: string[] } {
  const file = parseFile('t.rs', `verus! {\n${src}\n}`);
  expect(file.diagnostics).toEqual([]);
  const [out] = lowerModuleDatatypes([file], () => false);
  const body = (name: string) => printBlock(out!.items.find((it): it is FnItem => it.k === 'fn' && (it.name === name || `${it.selfType}::${it.name}` === name))!.body!).replace(/\s+/g, ' ');
  const names = out!.items.flatMap((it) => (it.k === 'struct' || it.k === 'enum' ? [it.name] : []));
  return { out: out!, body, names };
}

describe('lowerModuleDatatypes', () => {
  it('leaves a crate whose datatype names are all distinct as it is', () => {
    const file = parseFile('t.rs', 'verus! { struct A; mod m { struct B; } }');
    expect(lowerModuleDatatypes([file], () => false)[0]).toBe(file);
  });

  it('renames the definitions outside the root and the paths that mean them', () => {
    const { body, names } = lower(`struct Car { n: u8 }
mod m {
    pub struct Car { pub d: bool }
    impl Car { pub fn new() -> Car { Car { d: true } } }
    pub fn here() -> Car { Car::new() }
    pub mod n {
        pub fn up() -> super::Car { super::Car::new() }
        pub fn scoped() -> Car { Car::new() }
    }
}
fn root() -> Car { let c = m::Car::new(); let d = crate::m::n::up(); Car { n: 1 } }`);
    expect(names.sort()).toEqual(['Car', 'Car$m']);
    expect(body('Car$m::new')).toContain('Car$m { d: true }');
    expect(body('here')).toContain('Car$m::new()');
    expect(body('up')).toContain('Car$m::new()');
    // (a module without its own: the innermost enclosing one that has one)
    expect(body('scoped')).toContain('Car$m::new()');
    expect(body('root')).toContain('Car$m::new()');
    expect(body('root')).toContain('Car { n: 1 }');
  });
});
