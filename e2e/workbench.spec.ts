import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot, startHost, type RunningHost } from './host';

let host: RunningHost;

test.beforeEach(async () => {
  host = await startHost(path.join(repoRoot, 'e2e', 'fixtures', 'proof-state'));
});

test.afterEach(async () => {
  await host.stop();
});

const settingsOf = () => JSON.parse(readFileSync(path.join(host.workspace, '.stratos', 'settings.json'), 'utf8')) as { layout?: Record<string, Record<string, number>>; session?: { tabs: string[]; active: string; cursors: Record<string, { line: number }> } };
const width = async (page: Page, name: string) => (await page.getByRole('region', { name }).boundingBox())!.width;

test('panels resize, collapse and maximise; sizes, tabs and the cursor come back after a reload', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(host.url);
  await expect(page.getByRole('region', { name: 'Proofs' }).getByRole('treeitem', { name: /^count_up failed/ })).toBeVisible({ timeout: 30_000 });

  // The keyboard reaches the Explorer (Alt+1), moves in its tree (Down) and opens a file (Enter).
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('tree', { name: 'Workspace files' }).getByRole('treeitem', { name: 'src', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('tree', { name: 'Workspace files' }).getByRole('treeitem', { name: 'step.rs', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: /^step\.rs/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Alt+6');
  await expect(page.getByRole('region', { name: 'Proof state' })).toBeFocused();

  // Resize the side panels with the keyboard on their separator: Proofs grows.
  const before = await width(page, 'Proofs');
  await page.getByRole('separator', { name: 'Resize side panels' }).focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
  await expect.poll(() => width(page, 'Proofs')).toBeGreaterThan(before + 20);
  const grown = await width(page, 'Proofs');

  // Collapse and restore the bottom panel; maximise it over the workbench and back.
  await page.getByRole('button', { name: 'Toggle bottom panel' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Problems' })).not.toBeInViewport();
  await page.getByRole('button', { name: 'Toggle bottom panel' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Problems' })).toBeInViewport();
  await page.getByRole('button', { name: 'Maximize panel' }).click();
  const bottom = await page.getByRole('region', { name: 'Panels' }).boundingBox();
  expect(bottom!.height).toBeGreaterThan(700);
  await page.getByRole('button', { name: 'Restore panel' }).click();

  // Two tabs, the cursor on line 22 of lib.rs.
  const files = page.getByRole('tree', { name: 'Workspace files' });
  await files.getByRole('treeitem', { name: 'step.rs', exact: true }).click();
  await files.getByRole('treeitem', { name: 'lib.rs', exact: true }).click();
  await page.locator('.monaco-editor .view-line', { hasText: 's = s + 3;' }).first().click();
  await expect(page.getByRole('region', { name: 'Proof state' })).toContainText('count_up, line 22');
  await expect.poll(() => settingsOf().session?.cursors['src/lib.rs']?.line, { timeout: 5_000 }).toBe(22);
  await expect.poll(() => settingsOf().layout?.top?.right ?? 0).toBeGreaterThan(28);

  // Reload: the same sizes, tabs, active tab and cursor (the Proof state follows it).
  await page.reload();
  await expect(page.getByRole('tab', { name: /^step\.rs/ })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('tab', { name: /^lib\.rs/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Proof state' })).toContainText('count_up, line 22', { timeout: 30_000 });
  expect(Math.abs((await width(page, 'Proofs')) - grown)).toBeLessThan(4);
});
