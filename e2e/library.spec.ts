import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot, startHost, type RunningHost } from './host';

// The verifier's library (vstd's API in Verus source) opens read-only: from a failing clause
// written in it, and by go to definition.
let host: RunningHost;

test.beforeEach(async () => {
  host = await startHost(path.join(repoRoot, 'e2e', 'fixtures', 'vstd-lib'));
});

test.afterEach(async () => {
  await host.stop();
});

test("a library clause and a library type open the library's source, read-only", async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto(host.url);
  const proofs = page.getByRole('region', { name: 'Proofs' });
  await expect(proofs.getByRole('treeitem', { name: /^read_without_init failed/ })).toBeVisible({ timeout: 30_000 });

  // the failing precondition is `perm.is_init()` in the library's PPtr::borrow (its line read
  // from the library's source, which may move)
  const lib = readFileSync(path.join(repoRoot, 'toolchain', 'verifier', 'library', 'vstd', 'simple_pptr.rs'), 'utf8').split('\n');
  const borrowAt = lib.findIndex((l) => l.includes('pub fn borrow(self'));
  const clauseLine = lib.findIndex((l, i) => i > borrowAt && l.includes('perm.is_init(),')) + 1;
  expect(borrowAt).toBeGreaterThan(0);
  await proofs.getByRole('treeitem', { name: /^read_without_init failed/ }).getByRole('treeitem', { name: /^precondition/ }).click();
  const clause = page.getByRole('region', { name: 'Counterexample' }).getByRole('button', { name: `The clause at <vstd>/simple_pptr.rs:${clauseLine}` });
  await expect(clause).toBeVisible();
  await clause.click();
  const libTab = page.getByRole('tab', { name: 'simple_pptr.rs, read-only' });
  await expect(libTab).toHaveAttribute('aria-selected', 'true');
  const isInit = page.locator('.monaco-editor .view-line', { hasText: 'perm.is_init(),' }).first();
  await expect(isInit).toBeVisible();

  // typing changes nothing: no unsaved marker, the text stays
  await isInit.click();
  await page.keyboard.type('zzz');
  await expect(page.locator('.monaco-editor .view-line', { hasText: 'zzz' })).toHaveCount(0);
  await expect(libTab).toHaveAttribute('aria-label', 'simple_pptr.rs, read-only');

  // go to definition of a library type from the user's code
  await page.getByRole('tab', { name: /^lib\.rs/ }).click();
  await page.locator('.monaco-editor .view-line', { hasText: 'fn read_without_init(ptr: PPtr<u64>' }).getByText('PPtr', { exact: true }).first().click();
  await page.keyboard.press('F12');
  await expect(libTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.monaco-editor .view-line', { hasText: 'pub struct PPtr' }).first()).toBeVisible();
});
