import { expect, test, type Page } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot, startHost, type RunningHost } from './host';

let host: RunningHost;

test.beforeEach(async () => {
  host = await startHost(path.join(repoRoot, 'e2e', 'fixtures', 'proofs'));
});

test.afterEach(async () => {
  await host.stop();
});

const proofs = (page: Page) => page.getByRole('region', { name: 'Proofs' });
const fnItem = (page: Page, name: string, status: string) => proofs(page).getByRole('treeitem', { name: new RegExp(`^${name} ${status}`) });

async function openFile(page: Page, name: string) {
  await page.getByRole('tree', { name: 'Workspace files' }).getByRole('treeitem', { name, exact: true }).click();
  await expect(page.getByRole('tab', { name: new RegExp(`^${name.replace('.', '\\.')}`) })).toHaveAttribute('aria-selected', 'true');
}

test('a wrong postcondition fails, shows its counterexample, and verifies once fixed', async ({ page }) => {
  await page.goto(host.url);
  await expect(fnItem(page, 'bump', 'failed')).toBeVisible({ timeout: 30_000 });
  await expect(fnItem(page, 'add_one', 'verified')).toBeVisible();
  await expect(fnItem(page, 'double', 'verified')).toBeVisible();
  await expect(proofs(page).getByLabel('Verified count')).toHaveText('2 of 3 verified');

  // Click the failed obligation: its span is revealed and its counterexample shown.
  await fnItem(page, 'bump', 'failed').getByRole('treeitem', { name: /^postcondition: postcondition not satisfied/ }).click();
  const cx = page.getByRole('region', { name: 'Counterexample' });
  await expect(cx).toContainText('bump');
  await expect(cx).toContainText(/Confirmed: the code fails on these inputs/);
  const table = cx.getByRole('table', { name: 'Counterexample values' });
  await expect(table.getByRole('row', { name: /^x u64 \d+u64/ })).toBeVisible();
  await expect(page.getByRole('tab', { name: /^lib\.rs/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.inline-values')).toContainText('x = ');

  // The same obligation is listed in Problems.
  await expect(page.getByRole('tabpanel', { name: 'Problems' })).toContainText('postcondition not satisfied');

  // Fix it in the editor and save: it verifies.
  await page.locator('.monaco-editor .view-line', { hasText: /^\s*x\s*(⟵.*)?$/ }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' + 1');
  await expect(fnItem(page, 'bump', '(stale|running|verified)')).toBeVisible();
  await page.keyboard.press('Control+S');
  await expect(fnItem(page, 'bump', 'verified')).toBeVisible({ timeout: 30_000 });
  await expect(proofs(page).getByLabel('Verified count')).toHaveText('3 of 3 verified');
  // the panel that showed the counterexample now says the obligation holds
  await expect(cx.getByRole('status')).toContainText('Now holds');
  await expect(cx).not.toContainText('not satisfied');
  expect(readFileSync(path.join(host.workspace, 'src', 'lib.rs'), 'utf8')).toContain('    x + 1\n}');
});

test('a syntax error shows in Problems without wiping the other functions\' results', async ({ page }) => {
  await page.goto(host.url);
  await expect(fnItem(page, 'double', 'verified')).toBeVisible({ timeout: 30_000 });
  await openFile(page, 'lib.rs');
  await page.locator('.monaco-editor .view-line', { hasText: /^\s*x\s*(⟵.*)?$/ }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' +* ;');
  const problems = page.getByRole('tabpanel', { name: 'Problems' });
  await expect(problems.getByRole('button', { name: /src\/lib\.rs:\d+:\d+/ }).first()).toBeVisible({ timeout: 30_000 });
  // The other file's function keeps its verdict.
  await expect(fnItem(page, 'double', 'verified')).toBeVisible();
  await expect(fnItem(page, 'add_one', '(verified|error)')).toBeVisible();
});

test('a solver timeout shows as timeout, and a per-function timeout applies to that function', async ({ page }) => {
  await host.stop();
  host = await startHost(path.join(repoRoot, 'e2e', 'fixtures', 'timeout'));
  await page.goto(host.url);
  // With the default 10 s, z3 gives up on this nonlinear goal after a few seconds (unknown: a
  // failure, as in Verus).
  await expect(fnItem(page, 'cubes', 'failed')).toBeVisible({ timeout: 60_000 });
  // Change its query (so it is not answered from the cache), then "Verify this function with
  // timeout…" at the cursor, answered with 0.5 s: it times out, and only it runs.
  await openFile(page, 'lib.rs');
  await page.locator('.monaco-editor .view-line', { hasText: 'requires x > 0, y > 0, z > 0;' }).first().click();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type(', x + y > 1');
  page.once('dialog', (dialog) => void dialog.accept('0.5'));
  await page.keyboard.press('Control+Alt+Shift+V');
  await expect(fnItem(page, 'cubes', 'timeout')).toBeVisible({ timeout: 30_000 });
  const time = Number(/(\d+) ms/.exec((await fnItem(page, 'cubes', 'timeout').locator('.proof-time').textContent()) ?? '')?.[1]);
  expect(time).toBeLessThan(5_000);
  // Only that function ran: `easy` keeps its result, and is not stale: the edit changed nothing it
  // depends on (the edit's own run re-verified only cubes, the function whose key changed)
  await expect(fnItem(page, 'easy', 'verified')).toBeVisible();
  // The timeout says what happened and what to try, in plain words, with the retry one click away.
  const row = fnItem(page, 'cubes', 'timeout').getByRole('treeitem', { name: /not proved within 0\.5 s/ }).first();
  await row.click();
  const cx = page.getByRole('region', { name: 'Counterexample' });
  await expect(cx).toContainText('not proved within 0.5 s');
  await expect(cx).not.toContainText('solver timeout');
  const tries = cx.getByRole('group', { name: 'What to try' });
  await expect(tries).toContainText('verify it again with a longer limit (it had 0.5 s)');
  await tries.getByRole('button', { name: 'Verify cubes with 60 s' }).click();
  await expect(fnItem(page, 'cubes', 'running')).toBeVisible();
});

test('a crashed solver worker does not stop the next run', async ({ page }) => {
  await host.stop();
  host = await startHost(path.join(repoRoot, 'e2e', 'fixtures', 'timeout'), { STRATOS_TEST_HOOKS: '1' });
  // the crash hook ends a z3-solver (wasm) worker: this workspace verifies with the wasm solver
  mkdirSync(path.join(host.workspace, '.stratos'), { recursive: true });
  writeFileSync(path.join(host.workspace, '.stratos', 'settings.json'), JSON.stringify({ solver: 'wasm' }));
  await page.goto(host.url);
  // While the first run is busy with `cubes`, crash a solver worker: the run still ends (the
  // query the crash interrupted is solved once more on a fresh worker, so it takes about as long
  // as a run without the crash).
  await expect(fnItem(page, 'easy', 'verified')).toBeVisible({ timeout: 20_000 });
  await page.waitForTimeout(300);
  const crashedAt = Date.now();
  host.signal('SIGUSR2');
  await expect(fnItem(page, 'cubes', '(timeout|failed)')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel('Verification status')).not.toHaveText('Verifying…');
  expect(Date.now() - crashedAt).toBeLessThan(20_000);
  // The next run works: a changed `easy` (a new query, not in the cache) is solved again.
  await openFile(page, 'lib.rs');
  await page.locator('.monaco-editor .view-line', { hasText: 'ensures r == x,' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type(' + 0');
  await expect(fnItem(page, 'easy', '(stale|running)')).toBeVisible();
  await expect(fnItem(page, 'easy', 'verified')).toBeVisible({ timeout: 30_000 });
  await expect(fnItem(page, 'easy', 'verified').locator('.proof-time')).not.toContainText('cached');
});

test('the status bar says which solver answered, and the Solver setting switches it', async ({ page }) => {
  await page.goto(host.url);
  const status = page.getByLabel('Verification status');
  await expect(fnItem(page, 'double', 'verified')).toBeVisible({ timeout: 30_000 });
  // auto: native z3 when installed (CI installs it), as the CLI
  const native = which('z3');
  await expect(status).toContainText(native ? 'native z3' : 'z3 wasm');
  await expect(page.getByLabel('Solver')).toHaveValue('auto');
  await page.getByLabel('Solver').selectOption('wasm');
  const settingsFile = path.join(host.workspace, '.stratos', 'settings.json');
  await expect.poll(() => (existsSync(settingsFile) ? readFileSync(settingsFile, 'utf8') : '')).toContain('"solver": "wasm"');
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(status).toContainText('z3 wasm', { timeout: 30_000 });
  await expect(proofs(page).getByLabel('Verified count')).toHaveText('2 of 3 verified');
});

function which(cmd: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((d) => existsSync(path.join(d, cmd)));
}

test('clicking a function in Proofs puts the cursor on its name, selecting nothing: a keystroke then replaces nothing', async ({ page }) => {
  await page.goto(host.url);
  await expect(fnItem(page, 'bump', 'failed')).toBeVisible({ timeout: 30_000 });
  await fnItem(page, 'bump', 'failed').locator('.proof-row').click();
  await expect(page.getByRole('tab', { name: /^lib\.rs/ })).toHaveAttribute('aria-selected', 'true');
  // `pub fn bump(` is line 14; the cursor is on the name
  await expect(page.locator('.monaco-editor .line-numbers.active-line-number')).toHaveText('14');
  await expect(page.locator('.monaco-editor .selected-text')).toHaveCount(0);
  await page.keyboard.type('d');
  // the keystroke went into the name, at its start; the body is all there
  await expect(page.locator('.monaco-editor .view-line', { hasText: 'pub fn dbump(x: u64)' })).toBeVisible();
  await expect(page.locator('.monaco-editor .view-line', { hasText: 'requires x < 1000,' })).toBeVisible();
});

test('closing a tab and discarding its edits re-verifies the file as it is on disk', async ({ page }) => {
  await page.goto(host.url);
  await expect(fnItem(page, 'add_one', 'verified')).toBeVisible({ timeout: 30_000 });
  await openFile(page, 'lib.rs');
  // break add_one in the buffer only
  await page.locator('.monaco-editor .view-line', { hasText: 'ensures r == x + 1,' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type(' + 1');
  await expect(fnItem(page, 'add_one', 'failed')).toBeVisible({ timeout: 30_000 });
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Close lib.rs' }).click();
  await expect(page.getByRole('tab', { name: /^lib\.rs/ })).toHaveCount(0);
  await expect(fnItem(page, 'add_one', 'verified')).toBeVisible({ timeout: 30_000 });
});

test("typing and saving at once never reports the IDE's own save as a change on disk", async ({ page }) => {
  await page.goto(host.url);
  await openFile(page, 'lib.rs');
  await page.locator('.monaco-editor .view-line', { hasText: 'ensures r == x + 1,' }).click();
  await page.keyboard.press('End');
  for (let i = 0; i < 5; i++) {
    // a keystroke and Ctrl+S with no pause: the save's own file event races its reply
    await page.keyboard.type(' ');
    await page.keyboard.press('Control+S');
  }
  await page.keyboard.type('//');
  await page.keyboard.press('Control+S');
  await expect(page.getByRole('tab', { name: /^lib\.rs/ })).not.toContainText('●');
  await expect.poll(() => readFileSync(path.join(host.workspace, 'src', 'lib.rs'), 'utf8')).toContain('ensures r == x + 1,     //\n');
  // no conflict bar, then or a moment later
  await page.waitForTimeout(1000);
  await expect(page.getByText(/changed on disk/)).toHaveCount(0);
});

test('the status bar counts "Verifying k of N" against the workspace\'s function count from the start', async ({ page }) => {
  // every text the status shows, as it changes
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __statusTexts: string[] }).__statusTexts = []);
    new MutationObserver(() => {
      const t = document.querySelector('[aria-label="Verification status"]')?.textContent ?? '';
      if (seen.at(-1) !== t) seen.push(t);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto(host.url);
  const status = page.getByLabel('Verification status');
  await expect(status).toHaveText(/^2\/3 verified/, { timeout: 30_000 });
  const texts = await page.evaluate(() => (window as unknown as { __statusTexts: string[] }).__statusTexts);
  // N is the workspace's count (3) from the run's first report on, never the count so far
  expect(texts.filter((t) => /^Verifying \d+ of \d+/.test(t)).length).toBeGreaterThan(0);
  expect(texts.filter((t) => /^Verifying \d+ of \d+/.test(t)).every((t) => / of 3\b/.test(t))).toBe(true);
});

test('the Explorer shows each file\'s proof state as a badge', async ({ page }) => {
  await page.goto(host.url);
  await expect(fnItem(page, 'bump', 'failed')).toBeVisible({ timeout: 30_000 });
  const files = page.getByRole('tree', { name: 'Workspace files' });
  await expect(files.getByRole('img', { name: 'lib.rs: 1 failed' })).toBeVisible();
  await expect(files.getByRole('img', { name: /^other\.rs: \d+ verified$/ })).toBeVisible();
});

test('F8 goes to the next failed obligation and shows its counterexample: one key from anywhere', async ({ page }) => {
  await page.goto(host.url);
  await expect(fnItem(page, 'bump', 'failed')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('region', { name: 'Proofs' }).click();
  await page.keyboard.press('F8');
  const cx = page.getByRole('region', { name: 'Counterexample' });
  await expect(cx).toContainText('bump');
  await expect(cx.getByRole('table', { name: 'Counterexample values' })).toBeVisible();
  // the obligation's line is the editor's cursor line (the failing `x` of bump)
  await expect(page.locator('.monaco-editor .line-numbers.active-line-number')).toHaveText('18');
  // the only failure: Shift+F8 wraps to it again, from the editor too (Monaco's own F8 does not take it)
  await page.keyboard.press('Shift+F8');
  await expect(cx).toContainText('bump');
});

test('keyboard: from a failed function in Proofs to its counterexample in at most 4 keys (Alt+3 focuses Proofs)', async ({ page }) => {
  await page.goto(host.url);
  await expect(fnItem(page, 'bump', 'failed')).toBeVisible({ timeout: 30_000 });
  // start from the editor, as a user would
  await openFile(page, 'lib.rs');
  await page.locator('.monaco-editor .view-line').first().click();
  const cx = page.getByRole('region', { name: 'Counterexample' });
  const keys = ['Alt+3'];
  await page.keyboard.press('Alt+3');
  // walk down the tree until the failed obligation has focus (at most two rows: the function, its obligation)
  for (let i = 0; i < 3; i++) {
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    if (/^postcondition: /.test(focused)) break;
    keys.push('ArrowDown');
    await page.keyboard.press('ArrowDown');
  }
  keys.push('Enter');
  await page.keyboard.press('Enter');
  await expect(cx).toContainText('bump');
  await expect(cx.getByRole('table', { name: 'Counterexample values' })).toBeVisible();
  expect(keys.length, keys.join(' ')).toBeLessThanOrEqual(4);
});
