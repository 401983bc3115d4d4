import { describe, expect, it } from 'vitest';
import { workspaceSymbols } from './symbols';

const A = `verus! {
pub struct Pool { pub free: u64, used: u64 }
impl Pool {
    pub open spec fn wf(&self) -> bool { self.used <= self.free }
    pub fn take(&mut self) -> (r: u64)
        requires old(self).wf(),
        ensures self.wf(),
    {
        0
    }
}
pub open spec fn small(x: u64) -> bool { x < 10 }
}
`;
const B = `verus! {
fn user(x: u64)
    requires small(x), // small is not counted in this comment
{
    assert(small(x));
}
}
`;

describe('workspace symbols', () => {
  const ws = workspaceSymbols(new Map([['a.rs', A], ['b.rs', B]]));
  const byQ = (q: string) => ws.symbols.find((s) => s.qname === q)!;

  it('finds functions (with their mode), structs, fields, at their names', () => {
    expect(byQ('Pool::take')).toMatchObject({ kind: 'fn', mode: 'exec', file: 'a.rs', span: { start: { line: 5, column: 12 } } });
    expect(byQ('Pool')).toMatchObject({ kind: 'struct', span: { start: { line: 2, column: 12 } } });
    expect(byQ('Pool::free')).toMatchObject({ kind: 'field', span: { start: { line: 2, column: 23 } } });
    expect(byQ('small')).toMatchObject({ kind: 'fn', mode: 'spec', file: 'a.rs' });
  });

  it("a hover's text: an exec fn's contract without its body, a spec fn whole, a struct with its invariant", () => {
    expect(byQ('Pool::take').detail).toContain('ensures self.wf(),');
    expect(byQ('Pool::take').detail).not.toContain('0\n');
    expect(byQ('small').detail).toBe('pub open spec fn small(x: u64) -> bool { x < 10 }');
    expect(byQ('Pool').detail).toContain('// invariant\npub open spec fn wf(&self) -> bool { self.used <= self.free }');
    expect(byQ('Pool::free').detail).toBe('Pool.free: u64');
  });

  it("a spec fn's references: its uses in code, not its definition, comments or strings", () => {
    const refs = ws.references['small']!.map((r) => `${r.file}:${r.span.start.line}:${r.span.start.column}`);
    expect(refs).toEqual(['b.rs:3:14', 'b.rs:5:12']);
    expect(ws.references['Pool::wf']!.map((r) => `${r.file}:${r.span.start.line}`)).toEqual(['a.rs:6', 'a.rs:7']);
  });
});
