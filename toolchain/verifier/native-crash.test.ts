// A native z3 that crashes on a query (z3 4.8 segfaults on some terms with lambdas) does not turn
// into a solver error: the wasm build answers the query. The `z3` on PATH here crashes on any input.
import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { shutdownSolvers, verifySources } from './index';

const root = mkdtempSync(path.join(tmpdir(), 'stratos-native-crash-'));
const bin = path.join(root, 'bin');
const savedPath = process.env.PATH;
afterAll(async () => {
  process.env.PATH = savedPath;
  await shutdownSolvers();
  rmSync(root, { recursive: true, force: true });
});

describe('a crash of native z3', () => {
  it('is answered by z3-solver: the verdicts are those of a working solver', async () => {
    mkdirSync(bin);
    writeFileSync(path.join(bin, 'z3'), '#!/bin/sh\nkill -SEGV $$\n');
    chmodSync(path.join(bin, 'z3'), 0o755);
    process.env.PATH = `${bin}:${savedPath}`;
    const src = `verus! {
fn good(x: u64) -> (r: u64) requires x < 10 ensures r == x + 1 { x + 1 }
fn bad(x: u64) -> (r: u64) requires x < 10 ensures r == x + 2 { x + 1 }
}
`;
    const report = await verifySources(new Map([['m.rs', src]]), { root, jobs: 1, solver: 'native', useCache: false, timeoutMs: 20_000 });
    const status = Object.fromEntries(report.functions.map((f) => [f.name, f.status]));
    expect(status).toEqual({ good: 'verified', bad: 'failed' });
  }, 120_000);
});
