// The IDE with ~900 functions (issue 15, item 5): a generated workspace of 30 files of 30
// functions each (720 verify, 90 fail a postcondition, 90 are unsupported: a float literal).
// Proofs shows the totals, groups per file, filters by status and text, and opens a failed
// function at its name; Problems groups and filters; and a warm run streams the 900 cached results
// in batches.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startHost, type RunningHost } from './host';

const FILES = 30;
const PER_FILE = 30;
/**
 * The renderer's long tasks while results stream are logged here, not bounded: they depend on
 * the machine's load (a 200 ms bound flaked at 229 ms in CI), and performance is a benchmark's
 * business (`npm run bench -- ide-scale`, docs/benchmarks.md). Before results were batched and
 * the lists virtualised, a warm run (Verify, every answer cached) took 24.8–39.4 s from the click
 * to the verdicts on this workspace; after, 0.53–0.64 s. The bound below, 15 times the batched
 * figure and a third of the unbatched one, guards the batching, not the speed.
 */
const WARM_RUN_MS = 10_000;

interface Generated {
  dir: string;
  /** Each function's line (its `pub fn`), by name. */
  lines: Map<string, number>;
}

const fnName = (file: number, k: number) => `m${String(file).padStart(2, '0')}_fn_${String(k).padStart(2, '0')}`;
const fileName = (file: number) => `module_${String(file).padStart(2, '0')}.rs`;

/** In each file, function k: k % 10 === 7 fails its postcondition, k % 10 === 8 is unsupported. */
function generateWorkspace(): Generated {
  const dir = mkdtempSync(path.join(tmpdir(), 'stratos-scale-'));
  mkdirSync(path.join(dir, 'src'));
  const lines = new Map<string, number>();
  for (let f = 0; f < FILES; f++) {
    const out = ['verus! {', ''];
    for (let k = 0; k < PER_FILE; k++) {
      const name = fnName(f, k);
      lines.set(name, out.length + 1);
      if (k % 10 === 8) out.push(`pub fn ${name}(x: u64) -> u64 {`, '    let s = 1.5;', '    x', '}', '');
      else out.push(`pub fn ${name}(x: u64) -> (r: u64)`, '    requires x < 1000,', `    ensures r == x + ${k % 10 === 7 ? 8 : k % 10},`, '{', `    x + ${k % 10}`, '}', '');
    }
    out.push('} // verus!', '');
    writeFileSync(path.join(dir, 'src', fileName(f)), out.join('\n'));
  }
  const mods = Array.from({ length: FILES }, (_, f) => `mod ${fileName(f).slice(0, -3)};`);
  writeFileSync(path.join(dir, 'src', 'lib.rs'), ['#![no_std]', '', ...mods, ''].join('\n'));
  writeFileSync(path.join(dir, 'Cargo.toml'), '[package]\nname = "scale-fixture"\nversion = "0.1.0"\nedition = "2021"\n');
  return { dir, lines };
}

let generated: Generated;
let host: RunningHost;

test.beforeAll(() => {
  generated = generateWorkspace();
});

test.afterAll(() => {
  rmSync(generated.dir, { recursive: true, force: true });
});

test.beforeEach(async () => {
  host = await startHost(generated.dir);
});

test.afterEach(async () => {
  await host.stop();
});

const proofs = (page: Page) => page.getByRole('region', { name: 'Proofs' });
const functionItems = (page: Page) => proofs(page).locator('[role="treeitem"][aria-level="2"]');

test('~900 functions: totals, batched streaming of results, grouping, filters, and a failed one opened at its name', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(host.url);
  // count from UI-ready: loading the bundle and Monaco is not what this test is about
  await page.getByRole('tree', { name: 'Workspace files' }).waitFor();
  await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks = []));
  await expect(page.getByLabel('Verification status')).toHaveText(/^720\/900 verified/, { timeout: 60_000 });
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  const longest = longTasks.length ? Math.max(...longTasks) : 0;
  const inLongTasks = longTasks.reduce((a, d) => a + d, 0);
  console.log(`cold run: longest renderer task ${longest.toFixed(0)} ms, ${longTasks.length} over 50 ms, ${inLongTasks.toFixed(0)} ms in them`);

  // A warm run (Verify: every answer from the cache) streams its 900 results much faster.
  await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks = []));
  // (the status goes to "Verifying…" and back within a second: watched in the page, not polled)
  const warmRun = page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const status = document.querySelector('[aria-label="Verification status"]')!;
        const started = performance.now();
        let verifying = false;
        new MutationObserver(() => {
          const text = status.textContent ?? '';
          if (text.startsWith('Verifying')) verifying = true;
          else if (verifying && /^720\/900 verified/.test(text)) resolve(performance.now() - started);
        }).observe(status, { subtree: true, childList: true, characterData: true });
      }),
  );
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  const warmMs = await warmRun;
  const warmTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  const warmLongest = warmTasks.length ? Math.max(...warmTasks) : 0;
  console.log(`warm run: ${warmMs.toFixed(0)} ms to the verdicts; longest renderer task ${warmLongest.toFixed(0)} ms, ${warmTasks.length} over 50 ms`);
  expect(warmMs).toBeLessThan(WARM_RUN_MS);

  // Totals, and only the rows in view are in the DOM.
  await expect(proofs(page).getByLabel('Verified count')).toHaveText('720 of 900 verified');
  expect(await proofs(page).getByRole('treeitem').count()).toBeLessThan(150);

  // Grouped per file, with each file's counts; a group collapses and expands.
  const group = (file: number) => proofs(page).getByRole('treeitem', { name: new RegExp(`^src/${fileName(file).replace('.', '\\.')}: `) });
  await expect(group(0)).toHaveAccessibleName('src/module_00.rs: 3 failed, 3 unsupported, 24 verified');
  await expect(group(0)).toHaveAttribute('aria-expanded', 'true');
  await expect(proofs(page).getByRole('treeitem', { name: /^m00_fn_07 failed/ })).toBeVisible();
  await group(0).click();
  await expect(group(0)).toHaveAttribute('aria-expanded', 'false');
  await expect(proofs(page).getByRole('treeitem', { name: /^m00_fn_07 failed/ })).toHaveCount(0);
  // the next file's header follows right after the collapsed one
  await expect(group(1)).toBeVisible();
  await group(0).click();
  await expect(proofs(page).getByRole('treeitem', { name: /^m00_fn_07 failed/ })).toBeVisible();

  // Scrolled into a file's functions, that file's header stays at the top of the list.
  const list = proofs(page).getByRole('tree', { name: 'Functions' });
  const box = (await list.boundingBox())!;
  await page.mouse.move(box.x + 100, box.y + 100);
  await page.mouse.wheel(0, 2_000);
  await expect(group(0)).not.toBeInViewport();
  const topmost = await functionItems(page).evaluateAll((els) => {
    const top = els[0]!.closest('[role="tree"]')!.parentElement!.getBoundingClientRect().top;
    // the first function row below the header that sticks at the top
    const below = els.filter((e) => e.getBoundingClientRect().top >= top + 20).sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
    return below[0]?.getAttribute('aria-label') ?? '';
  });
  const topFile = Number(/^m(\d\d)_fn_(\d\d)/.exec(topmost)![1]);
  expect(Number(/^m\d\d_fn_(\d\d)/.exec(topmost)![1])).toBeGreaterThan(0);
  await expect(group(topFile)).toBeInViewport();
  await page.mouse.wheel(0, -10_000);

  // F8 across the crate's failures (three per file, in file order): the tenth is module_03's
  // first; its row is scrolled into view, and each file opened once (keys faster than reads)
  for (let i = 0; i < 10; i++) await page.keyboard.press('F8');
  await expect(page.getByRole('region', { name: 'Counterexample' })).toContainText('m03_fn_07');
  await expect(proofs(page).getByRole('treeitem', { name: /^m03_fn_07 failed/ })).toBeInViewport();
  await expect(page.getByRole('tab', { name: /^module_\d\d\.rs/ })).toHaveCount(4);

  // The status filter narrows to the failed ones: 90, three per file, each saying so.
  await proofs(page).getByRole('combobox', { name: 'Filter by status' }).selectOption('failed');
  await expect(proofs(page).getByLabel('Shown count')).toHaveText('90 of 900 shown');
  await expect(group(0)).toHaveAccessibleName('src/module_00.rs: 3 failed, 3 unsupported, 24 verified (3 shown)');
  const shown = await functionItems(page).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  expect(shown.length).toBeGreaterThan(5);
  for (const label of shown) expect(label).toMatch(/^m\d\d_fn_\d7 failed/);
  // Down arrow moves to the next row, rendered on demand.
  await group(0).focus();
  await page.keyboard.press('ArrowDown');
  await expect(proofs(page).getByRole('treeitem', { name: /^m00_fn_07 failed/ })).toBeFocused();

  // With the text filter too: one function; a click opens its file with the cursor on its name.
  await proofs(page).getByRole('searchbox', { name: 'Filter functions' }).fill('m17_fn_27');
  await expect(proofs(page).getByLabel('Shown count')).toHaveText('1 of 900 shown');
  await expect(functionItems(page)).toHaveCount(1);
  await proofs(page).getByRole('treeitem', { name: /^m17_fn_27 failed/ }).locator('.proof-row').click();
  await expect(page.getByRole('tab', { name: /^module_17\.rs/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.monaco-editor .line-numbers.active-line-number')).toHaveText(String(generated.lines.get('m17_fn_27')));
  // The click also folded its failed obligations (as for any expandable row); a second unfolds
  // them, and the obligation shows the counterexample.
  const failedRow = proofs(page).getByRole('treeitem', { name: /^m17_fn_27 failed/ });
  await expect(failedRow).toHaveAttribute('aria-expanded', 'false');
  await failedRow.locator('.proof-row').click();
  await failedRow.getByRole('treeitem', { name: /^postcondition: postcondition not satisfied/ }).click();
  await expect(page.getByRole('region', { name: 'Counterexample' })).toContainText('m17_fn_27');

  // Unsupported ones are a status of their own.
  await proofs(page).getByRole('searchbox', { name: 'Filter functions' }).fill('');
  await proofs(page).getByRole('combobox', { name: 'Filter by status' }).selectOption('unsupported');
  await expect(proofs(page).getByLabel('Shown count')).toHaveText('90 of 900 shown');

  // Problems: grouped per file, filterable; a problem row still names file:line:col. Per file:
  // 3 failed postconditions (errors), and per unsupported function the verifier's diagnostic at
  // the construct and the function's own row (warnings).
  const problems = page.getByRole('tabpanel', { name: 'Problems' });
  await expect(problems.getByLabel('Problem count')).toHaveText('270 problems in 30 files');
  await problems.getByRole('searchbox', { name: 'Filter problems' }).fill('module_05.rs');
  await expect(problems.getByLabel('Problem count')).toHaveText('9 of 270 problems in 1 file');
  await expect(problems.getByRole('button', { name: /^src\/module_05\.rs 3 errors, 6 warnings/ })).toHaveAttribute('aria-expanded', 'true');
  await expect(problems.getByRole('button', { name: /src\/module_05\.rs:\d+:\d+ .*postcondition not satisfied/ })).toHaveCount(3);
  await problems.getByRole('button', { name: /^src\/module_05\.rs 3 errors/ }).click();
  await expect(problems.getByRole('button', { name: /src\/module_05\.rs:\d+:\d+/ })).toHaveCount(0);
});
