// Takes the README's screenshot: the IDE in browser mode, headless Chromium, with a failed
// obligation selected so the Proofs, Counterexample and editor decorations show.
// Usage: npx tsx scripts/screenshot.ts [WORKSPACE] [FILE-TO-OPEN]
import { chromium } from '@playwright/test';
import * as path from 'node:path';
import { repoRoot, startHost } from '../e2e/host';

const workspace = path.resolve(process.argv[2] ?? path.join(repoRoot, 'e2e', 'fixtures', 'proofs'));
const fileToOpen = process.argv[3] ?? 'lib.rs';
const host = await startHost(workspace);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(host.url);
  await page.getByLabel('Verification status').filter({ hasText: /verified ·/ }).waitFor({ timeout: 600_000 });
  const failed = page.getByRole('region', { name: 'Proofs' }).getByRole('treeitem', { name: /^(postcondition|precondition|assertion|overflow|underflow|invariant|index|division|decreases|unwrap)/ });
  if ((await failed.count()) > 0) await failed.first().click();
  else await page.getByRole('tree', { name: 'Workspace files' }).getByRole('treeitem', { name: fileToOpen, exact: true }).first().click();
  await page.locator('.monaco-editor .view-lines').waitFor();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshot.png') });
  console.log('wrote docs/screenshot.png');
} finally {
  await browser.close();
  await host.stop();
}
