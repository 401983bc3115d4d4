import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from './boot';

const FAILING = 'verus! {\npub fn one() -> (r: u64)\n    ensures r == 1,\n{\n    2\n}\n}\n';
const VERIFIED = FAILING.replace('    2\n', '    1\n');

let ws: string;
let stderr: string;

beforeEach(() => {
  ws = mkdtempSync(join(tmpdir(), 'stratos-cli-boot-'));
  mkdirSync(join(ws, 'src'));
  stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(ws, { recursive: true, force: true });
});

// No linker.ld in these workspaces: a build that starts fails at once ("linker.ld not found"),
// which tells whether the gate let the boot go on, without rustc or QEMU.
describe('stratos boot: the proof gate', () => {
  it('verifies first and refuses a workspace with a function not verified, naming it, without building', async () => {
    writeFileSync(join(ws, 'src', 'main.rs'), FAILING);
    expect(await run(['--workspace', ws])).toBe(1);
    expect(stderr).toContain('stratos boot: Proof gate: 1 function is not verified: one (failed, src/main.rs); not booting (--no-gate boots anyway)');
    expect(stderr).not.toContain('linker.ld');
    expect(existsSync(join(ws, 'target'))).toBe(false);
  }, 60_000);

  it('--no-gate boots without verifying', async () => {
    writeFileSync(join(ws, 'src', 'main.rs'), FAILING);
    expect(await run(['--workspace', ws, '--no-gate'])).toBe(1);
    expect(stderr).not.toContain('Proof gate');
    expect(stderr).toContain('linker.ld not found');
    expect(stderr).toContain('stratos boot: build failed');
  }, 60_000);

  it('lets a verified workspace through to the build', async () => {
    writeFileSync(join(ws, 'src', 'main.rs'), VERIFIED);
    expect(await run(['--workspace', ws])).toBe(1);
    expect(stderr).not.toContain('Proof gate:');
    expect(stderr).toContain('linker.ld not found');
  }, 60_000);
});
