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

const proofs = (page: Page) => page.getByRole('region', { name: 'Proofs' });
const panel = (page: Page) => page.getByRole('region', { name: 'Proof state' });

async function cursorOn(page: Page, text: string) {
  await page.locator('.monaco-editor .view-line', { hasText: text }).first().click();
}

test('the proof state follows the cursor through a failing loop: invariants, path condition, goals, links', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto(host.url);
  await expect(proofs(page).getByRole('treeitem', { name: /^count_up failed/ })).toBeVisible({ timeout: 30_000 });
  await expect(panel(page)).toContainText('Put the cursor in a function');
  await page.getByRole('tree', { name: 'Workspace files' }).getByRole('treeitem', { name: 'lib.rs', exact: true }).click();

  // In the else-branch of the loop body: the invariants, the loop condition and the negated `if`.
  await cursorOn(page, 's = s + 3;');
  const facts = panel(page).getByRole('list', { name: 'Known facts' });
  const pathCond = panel(page).getByRole('list', { name: 'Path condition' });
  await expect(panel(page)).toContainText('count_up, line 22');
  await expect(facts.getByRole('listitem').filter({ hasText: 'requires' })).toContainText('n < 50');
  await expect(facts.getByRole('listitem').filter({ hasText: 'loop invariant' })).toHaveText([/i <= n/, /s >= i/, /s <= 2 \* i/]);
  await expect(pathCond.getByRole('listitem')).toHaveText([/loop condition\s*i < n/, /else of\s*i % 2 == 0/]);
  // nothing learnt in the then-branch is known here
  await expect(facts).not.toContainText('r == x + 1');

  // At the end of the then-branch, after the call: the callee's ensures (written in step.rs), under `if`.
  await cursorOn(page, '} else {');
  await expect(panel(page)).toContainText('count_up, line 21');
  await expect(pathCond.getByRole('listitem')).toHaveText([/loop condition\s*i < n/, /^if\s*i % 2 == 0/]);
  await expect(facts.getByRole('listitem').filter({ hasText: 'ensures of step (call at line 20)' })).toContainText('r == x + 1');

  // After the branches join, `s` has changed: the invariant read at the loop head speaks of its earlier value.
  await cursorOn(page, 'i = i + 1;');
  await expect(facts.getByRole('listitem').filter({ hasText: 's >= i' })).toContainText('about earlier values of s');

  // The end of the body: the failing invariant is this line's goal; clicking it shows its counterexample.
  await page.locator('.monaco-editor .view-line', { hasText: /^\s*}\s*$/ }).nth(1).click();
  const goals = panel(page).getByRole('list', { name: 'Goals' });
  await expect(goals.getByRole('button', { name: /^✗ the loop invariant at the end of the body: invariant not satisfied/ })).toHaveCount(1);
  // each of the three invariants' goals names its clause: the failing one is `s <= 2 * i`
  await expect(goals.getByRole('button', { name: /^✗ the loop invariant/ })).toContainText('s <= 2 * i');
  await expect(goals.getByRole('button', { name: /^✓ the loop invariant/ })).toHaveText([/i <= n/, /s >= i/]);
  await goals.getByRole('button', { name: /^✗ the loop invariant/ }).click();
  await expect(page.getByRole('region', { name: 'Counterexample' })).toContainText('count_up');

  // A fact's link opens where it is written, across files: the callee's ensures in step.rs.
  await cursorOn(page, 'i = i + 1;');
  await cursorOn(page, '} else {');
  await facts.getByRole('button', { name: 'r == x + 1' }).click();
  await expect(page.getByRole('tab', { name: /^step\.rs/ })).toHaveAttribute('aria-selected', 'true');
});
