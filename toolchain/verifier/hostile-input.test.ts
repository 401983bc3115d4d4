import { afterAll, describe, it, expect } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifySources, shutdownSolvers, nativeZ3Available } from './index';

// Bounded work on hostile input, end to end: an `error` with a span or a verdict, never an
// internal error, within a generous guard.
describe('hostile input', () => {
  afterAll(() => shutdownSolvers());
  it.skipIf(!nativeZ3Available())('a 20,000-digit literal and a 2,000-term chain are errors with spans; the rest of the file is verified', async () => {
    const big = '1' + '0'.repeat(19_999);
    const text = `use vstd::prelude::*;
verus! {
fn huge_literal(x: u64) { assert(x < ${big}); }
fn long_chain(x: u64) { assert(x${' + 0'.repeat(2000)} == x); }
fn neighbour(x: u64) { assert(x + 0 == x); }
}`;
    const t0 = performance.now();
    const report = await verifySources(new Map([['h.rs', text]]), { root: mkdtempSync(join(tmpdir(), 'hostile-')), solver: 'native', useCache: false, jobs: 1 });
    expect(performance.now() - t0).toBeLessThan(20_000);
    const by = new Map(report.functions.map((f) => [f.name, f]));
    expect(by.get('huge_literal')).toMatchObject({ status: 'error', detail: expect.stringMatching(/^integer literal is too large: 20000 digits.* at h\.rs:3:/) });
    expect(by.get('long_chain')).toMatchObject({ status: 'error', detail: expect.stringMatching(/too deeply nested or too long.* at h\.rs:4:/) });
    expect(by.get('neighbour')?.status).toBe('verified');
    expect(report.functions.some((f) => /internal/i.test(f.detail ?? ''))).toBe(false);
  }, 60_000);
});
