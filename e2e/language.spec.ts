import { expect, test, type Page } from '@playwright/test';
import * as path from 'node:path';
import { repoRoot, startHost, type RunningHost } from './host';

let host: RunningHost;

test.beforeEach(async () => {
  host = await startHost(path.join(repoRoot, 'e2e', 'fixtures', 'proof-state'));
});

test.afterEach(async () => {
  await host.stop();
});

async function openLib(page: Page) {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto(host.url);
  await expect(page.getByRole('region', { name: 'Proofs' }).getByRole('treeitem', { name: /^count_up failed/ })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('tree', { name: 'Workspace files' }).getByRole('treeitem', { name: 'lib.rs', exact: true }).click();
}

/** Puts the cursor inside `word` on the first line containing `lineText`. */
async function cursorInWord(page: Page, lineText: string, word: string) {
  const line = page.locator('.monaco-editor .view-line', { hasText: lineText }).first();
  await line.getByText(word, { exact: true }).first().click();
}

test('go to definition across files, hover with the callee contract, references of a spec fn', async ({ page }) => {
  await openLib(page);

  // Hover on a call: the callee's signature with its requires/ensures.
  await page.locator('.monaco-editor .view-line', { hasText: 's = step(s);' }).getByText('step', { exact: true }).hover();
  const hover = page.locator('.monaco-hover-content').filter({ hasText: 'exec fn step' });
  await expect(hover).toContainText('exec fn step', { timeout: 10_000 });
  await expect(hover).toContainText('requires within(x)');
  await expect(hover).toContainText('ensures r == x + 1');

  // F12 on the call: step.rs opens at step's definition.
  await cursorInWord(page, 's = step(s);', 'step');
  await page.keyboard.press('F12');
  await expect(page.getByRole('tab', { name: /^step\.rs/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.monaco-editor .view-line', { hasText: 'pub fn step(x: u64) -> (r: u64)' })).toBeVisible();

  // Hover on a spec fn's use shows its body; Shift+F12 lists its references in both files.
  await cursorInWord(page, 'requires within(x),', 'within');
  await page.keyboard.press('Shift+F12');
  const peek = page.locator('.zone-widget .ref-tree');
  await expect(peek).toContainText('lib.rs', { timeout: 10_000 });
  await expect(peek).toContainText('step.rs');
});

test("quick fix: assert the callee's precondition at the call, in the caller's terms", async ({ page }) => {
  await openLib(page);
  const proofs = page.getByRole('region', { name: 'Proofs' });
  await expect(proofs.getByRole('treeitem', { name: /^twice failed/ })).toBeVisible();
  // the clause link of the counterexample opens the callee's file at its requires
  await proofs.getByRole('treeitem', { name: /^twice failed/ }).getByRole('treeitem', { name: /^precondition/ }).click();
  await expect(page.getByRole('region', { name: 'Counterexample' }).getByRole('button', { name: 'The clause at src/step.rs:8' })).toBeVisible();
  await page.getByRole('tab', { name: /^lib\.rs/ }).click();
  await page.locator('.monaco-editor .view-line', { hasText: 'step(n)' }).first().click();
  await page.keyboard.press('Control+.');
  await page.getByText("Assert the callee's precondition here").click();
  await expect(page.locator('.monaco-editor .view-line', { hasText: 'assert(within(n));' })).toBeVisible();
  // the failure moves to the assertion, where the user proves it
  await expect(proofs.getByRole('treeitem', { name: /^twice failed/ }).getByRole('treeitem', { name: /^assertion/ })).toBeVisible({ timeout: 30_000 });
});
