import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { formatRatio, type StatsReport } from '../app/stats';
import { repoRoot, startHost, type RunningHost } from './host';

const kernel = path.join(repoRoot, 'kernel-workspace');
let host: RunningHost;

test.afterEach(async () => {
  await host.stop();
  expect(qemuProcesses(host.workspace)).toEqual([]);
});

/** Processes (QEMU and its watchdog) booting an image from this workspace. */
function qemuProcesses(workspace: string): string[] {
  const out = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l.includes('qemu-system-x86_64') && l.includes(workspace));
}

/** QEMU itself (not its watchdog wrapper). */
function qemus(workspace: string): string[] {
  return qemuProcesses(workspace).filter((l) => /^\s*\d+ qemu-system-x86_64 /.test(l));
}

/** Whether the console's whole scrollback (not only the visible rows) holds `text`. */
async function consoleHas(page: Page, text: string): Promise<boolean> {
  const box = page.getByRole('searchbox', { name: 'Search console' });
  await box.fill(text);
  await box.press('Enter');
  return (await page.getByRole('status', { name: 'Search result' }).textContent()) === 'found';
}

function editFile(file: string, from: string | RegExp, to: string) {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  expect(next, `the seed edit of ${file} must apply`).not.toBe(text);
  writeFileSync(file, next);
}

const consolePanel = (page: Page) => page.getByRole('tabpanel', { name: 'QEMU console' });
const consoleText = (page: Page) => page.locator('.terminal-host .xterm-rows').innerText();

async function bootAnyway(page: Page) {
  await page.getByRole('button', { name: 'Build & Boot' }).click();
  const gate = page.getByRole('alertdialog', { name: 'Proof gate' });
  await expect(gate).toBeVisible();
  await gate.getByRole('button', { name: 'Boot anyway' }).click();
}

test('Build & Boot shows the kernel banner and its user-space output, and reports the exit status', async ({ page }) => {
  host = await startHost(kernel);
  await page.goto(host.url);
  const started = Date.now();
  await bootAnyway(page);
  await expect(consolePanel(page)).toBeVisible();
  await expect.poll(() => consoleHas(page, 'NIMBUS: booting'), { timeout: 60_000 }).toBe(true);
  const clickToBanner = Date.now() - started;
  await expect.poll(() => consoleHas(page, 'NIMBUS: all tests passed'), { timeout: 60_000 }).toBe(true);
  expect(await consoleHas(page, 'ping: sent 100, got 101')).toBe(true);
  expect(await consoleHas(page, 'bad: call 1 refused as expected')).toBe(true);
  expect(await consoleHas(page, 'no such line in the transcript')).toBe(false);
  await expect(page.getByRole('status', { name: 'QEMU state' })).toHaveText(/exited: status 0 \(success\)/);
  await expect(page.getByLabel('Booted')).toContainText(/verified · trusted \d+ lines/);
  test.info().annotations.push({ type: 'click-to-banner', description: `${clickToBanner} ms` });
});

test('Stop ends a running QEMU and leaves no process behind', async ({ page }) => {
  host = await startHost(kernel);
  // This copy of the kernel never exits by itself, so only Stop can end it.
  editFile(path.join(host.workspace, 'src', 'arch', 'cpu.rs'), 'pub fn qemu_exit(code: u32) -> ! {', 'pub fn qemu_exit(code: u32) -> ! {\n    loop { unsafe { asm!("hlt") } }');
  await page.goto(host.url);
  await bootAnyway(page);
  await expect.poll(() => consoleText(page), { timeout: 60_000 }).toContain('NIMBUS: all tests passed');
  await expect(page.getByRole('status', { name: 'QEMU state' })).toHaveText('running');
  expect(qemus(host.workspace)).toHaveLength(1);
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByRole('status', { name: 'QEMU state' })).toHaveText(/exited: .*\(killed\)/);
  expect(qemuProcesses(host.workspace)).toEqual([]);

  // Reloading the page while QEMU runs kills it too.
  await page.getByRole('button', { name: 'Restart' }).click();
  await expect(page.getByRole('status', { name: 'QEMU state' })).toHaveText('running', { timeout: 60_000 });
  await expect.poll(() => qemus(host.workspace).length).toBe(1);
  await page.reload();
  await expect.poll(() => qemuProcesses(host.workspace), { timeout: 10_000 }).toEqual([]);
});

test('a rustc error shows in Problems at the right line', async ({ page }) => {
  host = await startHost(kernel);
  const main = path.join(host.workspace, 'src', 'main.rs');
  const lines = readFileSync(main, 'utf8').split('\n');
  const at = lines.findIndex((l) => l.startsWith('const FAULT_EXIT')) + 1;
  expect(at).toBeGreaterThan(0);
  lines.splice(at, 0, 'const BROKEN: u32 = "not a number";');
  writeFileSync(main, lines.join('\n'));
  await page.goto(host.url);
  await bootAnyway(page);
  await expect(page.getByRole('status', { name: 'QEMU state' })).toHaveText(/exited: .*\(error\)/, { timeout: 60_000 });
  await page.getByRole('tab', { name: 'Problems' }).click();
  const problem = page.getByRole('tabpanel', { name: 'Problems' }).getByRole('button', { name: new RegExp(`src/main\\.rs:${at + 1}:\\d+ .*mismatched types`) });
  await expect(problem).toBeVisible();
  await problem.click();
  await expect(page.getByRole('tab', { name: /^main\.rs/ })).toHaveAttribute('aria-selected', 'true');
});

test('the proof gate refuses a boot while a function fails', async ({ page }) => {
  host = await startHost(path.join(repoRoot, 'e2e', 'fixtures', 'proofs'));
  await page.goto(host.url);
  await expect(page.getByRole('region', { name: 'Proofs' }).getByRole('treeitem', { name: /^bump failed/ })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Build & Boot' }).click();
  const gate = page.getByRole('alertdialog', { name: 'Proof gate' });
  await expect(gate).toContainText('bump (failed)');
  await expect(gate).not.toContainText('add_one');
  await gate.getByRole('button', { name: 'Cancel' }).click();
  await expect(gate).toBeHidden();
  await expect(page.getByRole('status', { name: 'QEMU state' })).toHaveText('idle');
});

test('Restart goes through the proof gate again: a function that failed since the last boot refuses it', async ({ page }) => {
  host = await startHost(path.join(repoRoot, 'e2e', 'fixtures', 'proofs'));
  const lib = path.join(host.workspace, 'src', 'lib.rs');
  editFile(lib, /(ensures r > x,\n\{\n    )x\n/, '$1x + 1\n');
  await page.goto(host.url);
  const proofsRegion = page.getByRole('region', { name: 'Proofs' });
  await expect(proofsRegion.getByLabel('Verified count')).toHaveText('3 of 3 verified', { timeout: 30_000 });
  // all verified: the boot starts (this fixture is no kernel: its build fails, which ends it)
  await page.getByRole('button', { name: 'Build & Boot' }).click();
  await expect(page.getByRole('status', { name: 'QEMU state' })).toHaveText(/exited/, { timeout: 60_000 });
  // bump breaks on disk (as a pull or another editor would do it) and is re-verified
  editFile(lib, /(ensures r > x,\n\{\n    )x \+ 1\n/, '$1x\n');
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(proofsRegion.getByRole('treeitem', { name: /^bump failed/ })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Restart' }).click();
  const gate = page.getByRole('alertdialog', { name: 'Proof gate' });
  await expect(gate).toContainText('bump (failed)');
  await gate.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status', { name: 'QEMU state' })).not.toHaveText(/building|running/);
});

test("the dashboard's ratio equals stratos stats --json's", async ({ page }) => {
  host = await startHost(kernel);
  const json = execFileSync(process.execPath, [path.join(repoRoot, 'bin', 'stratos.mjs'), 'stats', host.workspace, '--json'], { encoding: 'utf8' });
  const report = JSON.parse(json) as StatsReport;
  await page.goto(host.url);
  await page.getByRole('tab', { name: 'Proof dashboard' }).click();
  await expect(page.getByLabel('Workspace proof-to-code ratio')).toHaveText(formatRatio(report.total.ratio));
  const table = page.getByRole('table', { name: 'Lines per module' });
  await expect(table.getByRole('row')).toHaveCount(report.modules.length + 1);
  await expect(page.getByRole('list', { name: 'Trusted base' }).getByRole('listitem')).toHaveCount(report.trustedBase.length);
  // Rows open their code.
  await page.getByRole('radio', { name: 'Per function' }).check();
  const fn = report.functions[0]!;
  await page.getByRole('table', { name: 'Lines per function' }).getByRole('row', { name: new RegExp(`^${fn.name.replace(/[:]/g, '\\$&')} `) }).first().click();
  await expect(page.getByRole('tab', { name: new RegExp(`^${path.basename(fn.file).replace('.', '\\.')}`) })).toHaveAttribute('aria-selected', 'true');
});

test('the trend runs oldest to newest, and a commit made meanwhile appears when the dashboard is shown again', async ({ page }) => {
  host = await startHost(path.join(repoRoot, 'e2e', 'fixtures', 'proofs'));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.invalid', ...args], { cwd: host.workspace });
  const lib = path.join(host.workspace, 'src', 'lib.rs');
  const addProof = (n: number) => {
    // one more proof function: the ratio grows with each commit
    const lemma = `\nproof fn lemma_${n}(x: int)\n    ensures x + ${n} > x,\n{\n    assert(x + ${n} > x);\n    assert(x + ${n} >= x);\n}\n`;
    writeFileSync(lib, readFileSync(lib, 'utf8').replace('} // verus!', `${lemma}} // verus!`));
  };
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'first');
  addProof(1);
  git('commit', '-qam', 'second');
  addProof(2);
  git('commit', '-qam', 'third');
  await page.goto(host.url);
  await page.getByRole('tab', { name: 'Proof dashboard' }).click();
  const trend = page.getByRole('img', { name: /^Trend over/ });
  await expect(trend).toHaveAttribute('aria-label', /^Trend over 3 commits/);
  const [from, to] = /ratio from ([\d.]+):1 to ([\d.]+):1/.exec((await trend.getAttribute('aria-label')) ?? '')!.slice(1).map(Number);
  expect(from).toBeLessThan(to!);
  addProof(3);
  git('commit', '-qam', 'fourth');
  await page.getByRole('tab', { name: 'Problems' }).click();
  await page.getByRole('tab', { name: 'Proof dashboard' }).click();
  await expect(trend).toHaveAttribute('aria-label', /^Trend over 4 commits/);
});

test('Build & Boot with unsaved edits says the build reads the disk and offers "Save all and boot"', async ({ page }) => {
  host = await startHost(path.join(repoRoot, 'e2e', 'fixtures', 'proofs'));
  const lib = path.join(host.workspace, 'src', 'lib.rs');
  await page.goto(host.url);
  await expect(page.getByRole('region', { name: 'Proofs' }).getByRole('treeitem', { name: /^bump failed/ })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('tree', { name: 'Workspace files' }).getByRole('treeitem', { name: 'lib.rs', exact: true }).click();
  // fix bump in the editor only
  await page.locator('.monaco-editor .view-line', { hasText: /^\s*x\s*(⟵.*)?$/ }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' + 1');
  await page.getByRole('button', { name: 'Build & Boot' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Unsaved changes' });
  await expect(dialog).toContainText('1 file has unsaved changes');
  await expect(dialog).toContainText('src/lib.rs');
  await expect(dialog).toContainText('The build compiles the files on disk');
  expect(readFileSync(lib, 'utf8')).not.toContain('x + 1\n}\n\n} // verus!');
  await dialog.getByRole('button', { name: 'Save all and boot' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => readFileSync(lib, 'utf8')).toContain('    x + 1\n}\n\n} // verus!');
  // saved and verified: no gate; the build starts (this fixture is no kernel: it fails, which ends it)
  await expect(page.getByRole('status', { name: 'QEMU state' })).toHaveText(/building|exited/, { timeout: 60_000 });
  await expect(page.getByRole('alertdialog', { name: 'Proof gate' })).toHaveCount(0);
});
