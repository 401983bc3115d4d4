import { mkdtempSync, mkdirSync, promises as fs, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BootEventMessage } from '../../app/boot-session';
import { WorkspaceService } from '../../toolchain/workspace/workspace-service';
import { createDispatcher, type Dispatcher } from './dispatcher';

let root: string;
let dispatcher: Dispatcher;
let exits: BootEventMessage[];

beforeEach(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'stratos-dispatch-'));
  mkdirSync(path.join(root, 'src'));
  // fails its postcondition; no linker.ld, so a build that starts fails at once (no rustc run)
  writeFileSync(path.join(root, 'src', 'main.rs'), 'verus! {\npub fn one() -> (r: u64)\n    ensures r == 1,\n{\n    2\n}\n}\n');
  dispatcher = await createDispatcher(new WorkspaceService(root), 'web');
  exits = [];
  dispatcher.subscribe((event, payload) => {
    if (event === 'boot.event' && (payload as BootEventMessage).event.type === 'exit') exits.push(payload as BootEventMessage);
  });
});

afterEach(async () => {
  await dispatcher.close();
  await fs.rm(root, { recursive: true, force: true });
});

describe('the host enforces the proof gate on boot.start', () => {
  it('refuses before any verification, and after one with a failing function (named); Boot anyway and the setting pass', async () => {
    const refused = await dispatcher.handle('boot.start', {});
    expect(refused).toEqual({ error: { code: 'proof-gate', message: expect.stringMatching(/has not been verified yet/) } });
    await dispatcher.handle('verify.run', { buffers: [], reason: 'button' });
    await new Promise<void>((resolve) => dispatcher.subscribe((event) => event === 'verify.done' && resolve()));
    expect(await dispatcher.handle('boot.start', {})).toEqual({ error: { code: 'proof-gate', message: 'Proof gate: 1 function is not verified: one (failed, src/main.rs)' } });
    expect(exits).toEqual([]);
    expect(await dispatcher.handle('boot.start', { bypassProofGate: false })).toMatchObject({ error: { code: 'invalid-argument' } });

    const anyway = await dispatcher.handle('boot.start', { bypassProofGate: true });
    expect(anyway).toEqual({ result: { sessionId: expect.any(Number) } });
    await expect.poll(() => exits.length, { timeout: 10_000 }).toBe(1);
    expect(exits[0]!.event.type === 'exit' && exits[0]!.event.result.message).toBe('the build failed: see Problems');

    await dispatcher.handle('settings.set', { proofGate: false });
    expect(await dispatcher.handle('boot.start', {})).toEqual({ result: { sessionId: expect.any(Number) } });
    await expect.poll(() => exits.length, { timeout: 10_000 }).toBe(2);
  });
});

describe('the verifier\'s library in the editor', () => {
  it('library.read gives a library file\'s text, and refuses a name the library does not have', async () => {
    const read = await dispatcher.handle('library.read', { path: '<vstd>/simple_pptr.rs' });
    expect(read).toMatchObject({ result: { path: '<vstd>/simple_pptr.rs', text: expect.stringContaining('PointsTo') } });
    expect(await dispatcher.handle('library.read', { path: '<vstd>/nope.rs' })).toMatchObject({ error: { code: 'not-found' } });
    expect(await dispatcher.handle('library.read', { path: 'src/main.rs' })).toMatchObject({ error: { code: 'invalid-argument' } });
  });

  it('symbols.list has the library\'s definitions only when the workspace uses vstd', async () => {
    const plain = (await dispatcher.handle('symbols.list', { buffers: [] })) as { result: { symbols: { qname: string; file: string }[] } };
    expect(plain.result.symbols.some((s) => s.file.startsWith('<vstd>/'))).toBe(false);
    const uses = 'use vstd::simple_pptr::*;\nverus! {\npub fn one() -> (r: u64)\n    ensures r == 1,\n{\n    1\n}\n}\n';
    const withLib = (await dispatcher.handle('symbols.list', { buffers: [{ path: 'src/main.rs', text: uses }] })) as { result: { symbols: { qname: string; file: string }[] } };
    expect(withLib.result.symbols).toContainEqual(expect.objectContaining({ qname: 'PPtr', file: '<vstd>/simple_pptr.rs' }));
  });
});
