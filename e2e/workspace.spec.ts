import { expect, test, type Page } from '@playwright/test';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { startHost, type RunningHost } from './host';

let host: RunningHost;

test.beforeEach(async () => {
  host = await startHost();
});

test.afterEach(async () => {
  await host.stop();
});

async function openFile(page: Page, name: string) {
  await page.getByRole('tree', { name: 'Workspace files' }).getByRole('treeitem', { name, exact: true }).click();
  await expect(page.getByRole('tab', { name: new RegExp(`^${name.replace('.', '\\.')}`) })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.monaco-editor .view-lines')).toBeVisible();
}

async function editorText(page: Page): Promise<string> {
  return (await page.locator('.monaco-editor .view-lines').innerText()).replace(/\u00a0/g, ' ');
}

async function typeAtEnd(page: Page, text: string) {
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

test('the IDE opens with every region and lists the workspace', async ({ page }) => {
  await page.goto(host.url);
  for (const region of ['Explorer', 'Editor', 'Proofs', 'Counterexample']) {
    await expect(page.getByRole(region === 'Explorer' ? 'navigation' : 'region', { name: region })).toBeVisible();
  }
  for (const tab of ['Problems', 'QEMU console', 'Proof dashboard']) {
    await expect(page.getByRole('tab', { name: tab })).toBeVisible();
  }
  for (const button of ['Verify', 'Build & Boot', 'Stop']) {
    await expect(page.getByRole('button', { name: button, exact: true })).toBeVisible();
  }
  const tree = page.getByRole('tree', { name: 'Workspace files' });
  await expect(tree.getByRole('treeitem', { name: 'src' })).toBeVisible();
  await expect(tree.getByRole('treeitem', { name: 'Cargo.toml' })).toBeVisible();
  await expect(tree.getByRole('treeitem', { name: 'lib.rs' })).toBeVisible();
  await expect(tree.getByRole('treeitem', { name: 'counter.rs' })).toBeVisible();
});

test('open a file, type, save with Ctrl+S, and the file on disk changes', async ({ page }) => {
  await page.goto(host.url);
  await openFile(page, 'lib.rs');
  expect(await editorText(page)).toContain('pub fn add_one(x: u64) -> (r: u64)');
  await typeAtEnd(page, '\n// saved from the browser');
  await expect(page.getByRole('tab', { name: 'lib.rs, unsaved' })).toBeVisible();
  await page.keyboard.press('Control+S');
  await expect(page.getByRole('tab', { name: 'lib.rs', exact: true })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Saved src/lib.rs');
  expect(readFileSync(path.join(host.workspace, 'src', 'lib.rs'), 'utf8')).toMatch(/\} \/\/ verus!\n+\/\/ saved from the browser/);
});

test('reloading the page with unsaved edits brings them back', async ({ page }) => {
  await page.goto(host.url);
  await openFile(page, 'counter.rs');
  await typeAtEnd(page, '\n// not saved yet');
  await expect(page.getByRole('tab', { name: 'counter.rs, unsaved' })).toBeVisible();
  await expect.poll(() => existsSync(path.join(host.workspace, '.stratos', 'backups'))).toBe(true);
  await page.waitForTimeout(600); // the backup is written 300 ms after the last keystroke
  await page.reload();
  await expect(page.getByRole('tab', { name: 'counter.rs, unsaved' })).toBeVisible();
  expect(await editorText(page)).toContain('// not saved yet');
  expect(readFileSync(path.join(host.workspace, 'src', 'counter.rs'), 'utf8')).not.toContain('not saved yet');
  await expect(page.getByRole('status')).toContainText('Restored 1 unsaved buffer');
});

test('a change on disk reloads a clean editor and asks before touching a dirty one', async ({ page }) => {
  await page.goto(host.url);
  await openFile(page, 'lib.rs');
  const file = path.join(host.workspace, 'src', 'lib.rs');
  writeFileSync(file, '// rewritten by another tool\n');
  await expect.poll(() => editorText(page)).toContain('// rewritten by another tool');

  await typeAtEnd(page, '\n// my edit');
  await expect(page.getByRole('tab', { name: 'lib.rs, unsaved' })).toBeVisible();
  writeFileSync(file, '// changed again behind a dirty buffer\n');
  const dialog = page.getByRole('alertdialog', { name: 'File changed on disk' });
  await expect(dialog).toBeVisible();
  expect(await editorText(page)).toContain('// my edit');
  // Saving now must not overwrite the disk silently.
  await page.keyboard.press('Control+S');
  expect(readFileSync(file, 'utf8')).toBe('// changed again behind a dirty buffer\n');
  await dialog.getByRole('button', { name: 'Keep mine' }).click();
  await expect(dialog).toBeHidden();
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+S');
  await expect(page.getByRole('status')).toHaveText('Saved src/lib.rs');
  expect(readFileSync(file, 'utf8')).toContain('// my edit');
  // The disk version the user overrode is kept.
  const history = path.join(host.workspace, '.stratos', 'history', 'src');
  expect(existsSync(history)).toBe(true);
});

test('the Explorer follows files added and removed on disk', async ({ page }) => {
  await page.goto(host.url);
  const tree = page.getByRole('tree', { name: 'Workspace files' });
  await expect(tree.getByRole('treeitem', { name: 'lib.rs' })).toBeVisible();
  writeFileSync(path.join(host.workspace, 'src', 'sched.rs'), '// new module\n');
  await expect(tree.getByRole('treeitem', { name: 'sched.rs' })).toBeVisible();
  rmSync(path.join(host.workspace, 'src', 'counter.rs'));
  await expect(tree.getByRole('treeitem', { name: 'counter.rs' })).toHaveCount(0);
});

test('Verus keywords and operators are highlighted apart from plain identifiers', async ({ page }) => {
  await page.goto(host.url);
  await openFile(page, 'lib.rs');
  const colorOf = (text: string) =>
    page.locator('.monaco-editor .view-line span span', { hasText: new RegExp(`^${text}$`) }).first().evaluate((el) => getComputedStyle(el).color);
  const requires = await colorOf('requires');
  const identifier = await colorOf('x');
  expect(requires).not.toBe(identifier);
  expect(await colorOf('ensures')).toBe(requires);
});

test('requests without the token are refused, for the page, its assets and the WebSocket', async ({ page, request }) => {
  const noToken = await request.get(host.origin + '/');
  expect(noToken.status()).toBe(401);
  const wrongToken = await request.get(host.origin + '/?token=' + '0'.repeat(64));
  expect(wrongToken.status()).toBe(403);
  await page.goto(host.origin + '/');
  await expect(page.locator('body')).toContainText('Unauthorized');
  const wsRefused = await page.evaluate(
    (origin) =>
      new Promise<boolean>((resolve) => {
        const ws = new WebSocket(origin.replace('http', 'ws') + '/api');
        ws.onopen = () => resolve(false);
        ws.onerror = () => resolve(true);
      }),
    host.origin,
  );
  expect(wsRefused).toBe(true);
});
