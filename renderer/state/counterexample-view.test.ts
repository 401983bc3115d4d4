import { describe, expect, it } from 'vitest';
import { byClause, rowsOf, withHex } from './counterexample-view';

describe('counterexample values', () => {
  it('shows addresses and bit patterns in hex beside decimal', () => {
    expect(withHex('4096u64')).toBe('4096u64 (0x1000)');
    expect(withHex('18446744073709551615u64')).toBe('18446744073709551615u64 (0xffffffffffffffff)');
    expect(withHex('-300i32')).toBe('-300i32 (-0x12c)');
    expect(withHex('255u8')).toBe('255u8');
    expect(withHex('true')).toBe('true');
    expect(withHex('seq![1, 2]')).toBe('seq![1, 2]');
  });

  it("puts the failing clause's variables first and the rest aside", () => {
    const rows = rowsOf([
      { name: 'a', type: 'u64', value: '1u64' },
      { name: 's.len', type: 'int', value: '3' },
      { name: 'old(a)', type: 'u64', value: '0u64' },
      { name: 'unused', type: 'bool', value: 'false' },
    ]);
    const g = byClause(rows, 'r == a + s.len()');
    expect(g.inClause.map((r) => r.name)).toEqual(['a', 's.len']);
    expect(g.inClause[0]!.old).toBe('0u64');
    expect(g.others.map((r) => r.name)).toEqual(['unused']);
    // no clause text at hand: everything, as before
    expect(byClause(rows, '').inClause).toHaveLength(3);
  });
});
