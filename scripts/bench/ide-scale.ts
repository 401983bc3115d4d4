// The IDE with a large workspace (issue 15, item 5): Chromium through Playwright against browser
// mode on a copy of a crate (default: Atmosphere's, ~900 functions), cold (no result cache).
// Measures, from the page's own clock:
// 1. time to the first function row in Proofs, and to the run's end (every result in the store);
// 2. the renderer's long tasks (PerformanceObserver 'longtask') from UI-ready to the run's end,
//    and in a warm run (the Verify button, every answer cached): its time and long tasks;
// 3. scrolling the Proofs list top to bottom with the mouse wheel: long tasks and the longest
//    gap between animation frames;
// 4. typing in the editor while runs stream results (one keystroke every 250 ms, longer than the
//    edit debounce, so every keystroke starts a run that re-reports every function): per
//    keystroke, keydown to the next frame, and the long tasks meanwhile.
// `npm run bench -- ide-scale [PATH] [--screenshots DIR]`.
import { chromium, type Page } from '@playwright/test';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { startHost } from '../../e2e/host';
import { defaultInput } from './atmosphere';

const KEYSTROKES = 40;
const KEY_INTERVAL_MS = 250;
const SCROLL_STEPS = 60;

interface PageProbe {
  longTasks: { start: number; duration: number }[];
  firstRowAt: number | null;
  keyLatencies: number[];
  frameGaps: number[];
  framesOn: boolean;
}

const probe = (page: Page) => page.evaluate(() => (window as unknown as { __probe: PageProbe }).__probe);

function installProbe(): void {
  const p: PageProbe = { longTasks: [], firstRowAt: null, keyLatencies: [], frameGaps: [], framesOn: false };
  (window as unknown as { __probe: PageProbe }).__probe = p;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) p.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const watchFirstRow = new MutationObserver(() => {
    if (document.querySelector('[aria-label="Proofs"] [role="treeitem"]')) {
      p.firstRowAt = performance.now();
      watchFirstRow.disconnect();
    }
  });
  document.addEventListener('DOMContentLoaded', () => watchFirstRow.observe(document.body, { subtree: true, childList: true }));
  // keydown (its hardware time) to the frame after the one that handles it: what the user waits
  window.addEventListener(
    'keydown',
    (e) => {
      const at = e.timeStamp;
      requestAnimationFrame(() => setTimeout(() => p.keyLatencies.push(performance.now() - at), 0));
    },
    true,
  );
  let last = 0;
  const frame = (t: number) => {
    if (p.framesOn && last) p.frameGaps.push(t - last);
    last = t;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/**
 * The probe as page source. tsx compiles named functions into `__name(fn, "name")` calls, a
 * helper the page does not have (the script would stop at the first one): the page gets its own.
 */
const probeScript = `var __name = (fn) => fn;\n(${installProbe.toString()})();`;

const stats = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const pct = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : 0);
  return { n: xs.length, p50: pct(0.5), p95: pct(0.95), max: sorted.at(-1) ?? 0 };
};
const longTaskText = (ts: { duration: number }[]) =>
  `${ts.length} over 50 ms, longest ${ts.length ? Math.max(...ts.map((t) => t.duration)).toFixed(0) : 0} ms, ${ts.reduce((a, t) => a + t.duration, 0).toFixed(0)} ms in all`;

async function waitIdle(page: Page, timeout = 600_000) {
  await page.getByLabel('Verification status').filter({ hasNotText: 'Verifying' }).filter({ hasNotText: 'Not verified yet' }).waitFor({ timeout });
}

export async function main(args: string[] = []): Promise<void> {
  const input = args.find((a, i) => !a.startsWith('-') && args[i - 1] !== '--screenshots') ?? defaultInput();
  const shotsAt = args.indexOf('--screenshots');
  const shots = shotsAt >= 0 ? args[shotsAt + 1]! : null;
  if (!existsSync(input)) {
    console.log(`ide-scale: ${input} not found; skipped`);
    return;
  }
  if (shots) mkdirSync(shots, { recursive: true });
  const host = await startHost(input);
  rmSync(path.join(host.workspace, '.stratos'), { recursive: true, force: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript({ content: probeScript });
    await page.goto(host.url);
    await page.getByRole('tree', { name: 'Workspace files' }).waitFor();
    // long tasks count from UI-ready: loading the bundle and Monaco is not this benchmark's subject
    const uiReadyAt = await page.evaluate(() => performance.now());
    await waitIdle(page);
    const idleAt = await page.evaluate(() => performance.now());
    const first = await probe(page);
    const rowsInDom = await page.getByRole('region', { name: 'Proofs' }).getByRole('treeitem').count();
    const count = await page.getByRole('region', { name: 'Proofs' }).getByLabel('Verified count').textContent();
    const status = await page.getByLabel('Verification status').textContent();
    const runTasks = first.longTasks.filter((t) => t.start >= uiReadyAt);
    console.log(`workspace: ${input} (copied to ${host.workspace}); cold, no result cache`);
    console.log(`run: ${status}; Proofs says "${count}"; ${rowsInDom} tree items in the DOM`);
    console.log(`first Proofs row ${first.firstRowAt ? (first.firstRowAt - uiReadyAt).toFixed(0) : '-'} ms after UI-ready; run's end ${(idleAt - uiReadyAt).toFixed(0)} ms after UI-ready`);
    console.log(`long tasks during the run: ${longTaskText(runTasks)}`);
    if (shots) await page.screenshot({ path: path.join(shots, 'after-run.png') });

    // A warm run: Verify again, every answer from the result cache, so results come fast.
    const warmStart = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await page.getByLabel('Verification status').filter({ hasText: 'Verifying' }).waitFor({ timeout: 5_000 }).catch(() => undefined);
    await waitIdle(page);
    const warmEnd = await page.evaluate(() => performance.now());
    const warm = await probe(page);
    console.log(`warm run (Verify, answers cached): ${(warmEnd - warmStart).toFixed(0)} ms from the click to the verdicts; long tasks ${longTaskText(warm.longTasks.filter((t) => t.start >= warmStart))}`);

    // Scrolling Proofs with the wheel, top to bottom.
    const proofs = page.getByRole('region', { name: 'Proofs' });
    const box = (await proofs.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 200));
    const scrollStart = await page.evaluate(() => {
      const p = (window as unknown as { __probe: PageProbe }).__probe;
      p.frameGaps = [];
      p.framesOn = true;
      return performance.now();
    });
    for (let i = 0; i < SCROLL_STEPS; i++) {
      await page.mouse.wheel(0, 400);
      await page.waitForTimeout(30);
    }
    await page.waitForTimeout(300);
    const scrolled = await probe(page);
    await page.evaluate(() => ((window as unknown as { __probe: PageProbe }).__probe.framesOn = false));
    const gaps = stats(scrolled.frameGaps);
    console.log(`scrolling Proofs (${SCROLL_STEPS} wheel steps of 400 px): long tasks ${longTaskText(scrolled.longTasks.filter((t) => t.start >= scrollStart))}; frame gaps p50 ${gaps.p50.toFixed(0)} ms, p95 ${gaps.p95.toFixed(0)} ms, max ${gaps.max.toFixed(0)} ms`);
    if (shots) await page.screenshot({ path: path.join(shots, 'scrolled.png') });

    // Typing while runs stream results: into a comment at the end of the crate's root file.
    const files = page.getByRole('tree', { name: 'Workspace files' });
    await files.getByRole('treeitem', { name: 'lib.rs', exact: true }).first().click();
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('// ');
    await waitIdle(page);
    const typeStart = await page.evaluate(() => {
      const p = (window as unknown as { __probe: PageProbe }).__probe;
      p.keyLatencies = [];
      return performance.now();
    });
    for (let i = 0; i < KEYSTROKES; i++) {
      await page.keyboard.type(String.fromCharCode(97 + (i % 26)));
      await page.waitForTimeout(KEY_INTERVAL_MS);
    }
    const typed = await probe(page);
    const keys = stats(typed.keyLatencies);
    const duringTyping = typed.longTasks.filter((t) => t.start >= typeStart);
    console.log(`typing (${KEYSTROKES} keys, one per ${KEY_INTERVAL_MS} ms, each starting a run): keydown to next frame p50 ${keys.p50.toFixed(0)} ms, p95 ${keys.p95.toFixed(0)} ms, max ${keys.max.toFixed(0)} ms; long tasks ${longTaskText(duringTyping)}`);
    if (shots) await page.screenshot({ path: path.join(shots, 'typing.png') });
    await waitIdle(page);
  } finally {
    await browser.close();
    await host.stop();
  }
}
