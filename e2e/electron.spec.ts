// Electron-only checks: the real window's security settings and the preload's surface. They need
// Electron's binary, which cannot be downloaded on machines without internet access: there they
// skip, saying so.
import { _electron as electron, expect, test } from '@playwright/test';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { findElectronBinary } from '../main/cli/electron-binary';
import { repoRoot } from './host';

const found = findElectronBinary(repoRoot);
const binary = 'binary' in found ? found.binary : undefined;

test.describe('Electron host', () => {
  test.skip(!binary, "Electron's binary is not installed (its download needs internet access; run `node node_modules/electron/install.js` where it is available)");

  test('the window is isolated and sandboxed, and the preload exposes only the app API', async () => {
    const workspace = mkdtempSync(path.join(tmpdir(), 'stratos-electron-'));
    cpSync(path.join(repoRoot, 'e2e', 'fixtures', 'workspace'), workspace, { recursive: true });
    const app = await electron.launch({
      executablePath: binary,
      args: [path.join(repoRoot, 'dist', 'electron', 'main.mjs'), '--workspace', workspace, '--no-sandbox'],
    });
    try {
      const window = await app.firstWindow();
      const surface = await window.evaluate(() => ({
        keys: Object.keys((window as unknown as { stratos: object }).stratos).sort(),
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
        module: typeof (window as unknown as { module?: unknown }).module,
        // contextBridge hands the page a frozen copy: the page cannot replace the bridge's functions.
        frozen: Object.isFrozen((window as unknown as { stratos: object }).stratos),
      }));
      expect(surface).toEqual({ keys: ['call', 'onEvent'], require: 'undefined', process: 'undefined', module: 'undefined', frozen: true });
      await expect(window.getByRole('tree', { name: 'Workspace files' }).getByRole('treeitem', { name: 'lib.rs' })).toBeVisible();
      const escape = await window.evaluate(() =>
        (window as unknown as { stratos: { call(m: string, p: unknown): Promise<unknown> } }).stratos.call('file.read', { path: '../../etc/passwd' }),
      );
      expect(escape).toMatchObject({ error: { code: 'outside-workspace' } });
    } finally {
      await app.close();
      rmSync(workspace, { recursive: true, force: true });
    }
  });
});
