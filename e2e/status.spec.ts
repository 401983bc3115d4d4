import { expect, test, type Page } from '@playwright/test';
import * as path from 'node:path';
import { repoRoot, startHost, type RunningHost } from './host';

let host: RunningHost;

test.beforeEach(async () => {
  host = await startHost(path.join(repoRoot, 'e2e', 'fixtures', 'timeout'));
});

test.afterEach(async () => {
  await host.stop();
});

const fnItem = (page: Page, name: string, status: string) => page.getByRole('region', { name: 'Proofs' }).getByRole('treeitem', { name: new RegExp(`^${name} ${status}`) });

// Bug 1 of the proof-UX issue: an edit that interrupts a run used to leave the status bar on the
// cancelled run's summary ("k/N verified · solver 0.00 s", no "Verifying…") and the rows `stale`
// instead of `running`, because the store took the old run's verify.done for the new run's.
test('an edit that interrupts a run shows the new run as running, never the cancelled one as done', async ({ page }) => {
  // On a busy host the reply to `verify.run` can come after the cancelled run's verify.done: delay
  // the replies to verify.run requests (events pass at once) once `slowReplies` is set.
  let slowReplies = false;
  const runRequests = new Set<number>();
  await page.routeWebSocket(/\/api/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((m) => {
      const msg = JSON.parse(String(m)) as { id?: number; method?: string };
      if (msg.method === 'verify.run' && msg.id !== undefined) runRequests.add(msg.id);
      server.send(m);
    });
    server.onMessage((m) => {
      const msg = JSON.parse(String(m)) as { id?: number };
      if (slowReplies && msg.id !== undefined && runRequests.has(msg.id)) setTimeout(() => ws.send(m), 1500);
      else ws.send(m);
    });
  });
  await page.goto(host.url);
  await expect(fnItem(page, 'cubes', 'failed')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('tree', { name: 'Workspace files' }).getByRole('treeitem', { name: 'lib.rs', exact: true }).click();
  await page.locator('.monaco-editor .view-line', { hasText: 'requires x > 0, y > 0, z > 0;' }).first().click();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  // each keystroke changes cubes' query: a nonlinear goal that keeps the solver busy for seconds
  await page.keyboard.type(', x + y > 1');
  await expect(fnItem(page, 'cubes', 'running')).toBeVisible({ timeout: 10_000 });
  await page.waitForTimeout(400);
  slowReplies = true;
  await page.keyboard.type('0');
  // sample the status bar and the row while the second run goes
  const status = page.getByLabel('Verification status');
  const samples: { status: string; row: string }[] = [];
  for (let i = 0; i < 30; i++) {
    const row = (await page.getByRole('region', { name: 'Proofs' }).getByRole('treeitem', { name: /^cubes / }).getAttribute('aria-label')) ?? '';
    samples.push({ status: (await status.textContent()) ?? '', row });
    if (/^cubes (failed|timeout)/.test(row) && !/^Verifying/.test(samples.at(-1)!.status)) break;
    await page.waitForTimeout(100);
  }
  const during = samples.filter((s) => /^cubes running/.test(s.row));
  expect(during.length, JSON.stringify(samples)).toBeGreaterThan(0);
  // while cubes runs, the bar says so; it never shows a finished summary of the cancelled run
  for (const s of during) expect(s.status, JSON.stringify(samples)).toMatch(/^Verifying/);
  expect(samples.some((s) => /solver 0\.00 s/.test(s.status)), JSON.stringify(samples)).toBe(false);
  expect(samples.some((s) => /^cubes stale/.test(s.row)), JSON.stringify(samples)).toBe(false);
});
