import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot, startHost, type RunningHost } from './host';

// Profiling runs z3 itself (smt.qi.profile); the wasm build gives only part of the counts.
const hasZ3 = spawnSync('z3', ['--version'], { stdio: 'ignore' }).status === 0;
const fixture = path.join(repoRoot, 'e2e', 'fixtures', 'profile');

let host: RunningHost | undefined;

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const proofs = (page: Page) => page.getByRole('region', { name: 'Proofs' });
const fnItem = (page: Page, name: string, status: string) => proofs(page).getByRole('treeitem', { name: new RegExp(`^${name} ${status}`) });
/** The line number Monaco marks as the cursor's line. */
const cursorLine = (page: Page) => page.locator('.monaco-editor .line-numbers.active-line-number');

test('a timed-out function is profiled: its quantifiers listed, each opening where it is written', async ({ page }) => {
  test.skip(!hasZ3, 'Profiling needs native z3');
  // the function times out at the default 10 s twice: once when the workspace opens, once profiled
  test.setTimeout(120_000);
  host = await startHost(fixture);
  const source = readFileSync(path.join(fixture, 'src', 'lib.rs'), 'utf8').split('\n');
  const loopLine = source.findIndex((l) => l.includes('forall|x: int| #[trigger] f(x) < f(x + 1)')) + 1;
  expect(loopLine).toBeGreaterThan(1);

  await page.goto(host.url);
  await expect(fnItem(page, 'tangled', 'timeout')).toBeVisible({ timeout: 60_000 });
  await expect(fnItem(page, 'easy', 'verified')).toBeVisible();
  // only slow or timed-out functions offer a profile
  await expect(proofs(page).getByRole('button', { name: 'Profile easy' })).toHaveCount(0);

  // the file open with the cursor at its start, so the link's effect is visible
  await page.getByRole('tree', { name: 'Workspace files' }).getByRole('treeitem', { name: 'lib.rs', exact: true }).click();
  await expect(page.getByRole('tab', { name: /^lib\.rs/ })).toHaveAttribute('aria-selected', 'true');
  await expect(cursorLine(page)).toHaveText('1');

  await proofs(page).getByRole('button', { name: 'Profile tangled' }).click();
  const profile = page.getByRole('region', { name: 'Quantifier profile' });
  await expect(profile).toContainText('Profiling tangled…');
  const rows = profile.getByRole('table', { name: 'Top quantifiers' }).getByRole('row');
  const site = `src/lib.rs:${loopLine}`;
  await expect(rows.filter({ has: page.getByRole('link', { name: site, exact: true }) })).toHaveCount(1, { timeout: 60_000 });
  await expect(profile).toContainText(/tangled \(timeout\): \d+ instances over 1 query/);
  await expect(rows.filter({ hasText: 'forall:tangled+2:9' })).toContainText(/^\d+/);

  await profile.getByRole('link', { name: site, exact: true }).click();
  await expect(cursorLine(page)).toHaveText(String(loopLine));
});

test('the proof gate names a timeout and offers "Verify with 60 s" in one click', async ({ page }) => {
  test.setTimeout(90_000);
  host = await startHost(fixture);
  await page.goto(host.url);
  await expect(fnItem(page, 'tangled', 'timeout')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Build & Boot' }).click();
  const gate = page.getByRole('alertdialog', { name: 'Proof gate' });
  await expect(gate).toContainText('tangled (timeout)');
  await expect(gate).toContainText('timed out: not proved within the time limit');
  await gate.getByRole('button', { name: 'Verify with 60 s' }).click();
  await expect(gate).toBeHidden();
  // the run with the longer limit starts at once (its end and the boot after it take up to a minute)
  await expect(page.getByLabel('Verification status')).toContainText('Verifying', { timeout: 5_000 });
  await expect(fnItem(page, 'tangled', 'running')).toBeVisible();
});
