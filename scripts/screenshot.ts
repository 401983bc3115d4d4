// Takes the README's screenshot: the IDE in browser mode on the Nimbus workspace, headless.
// Usage: npx tsx scripts/screenshot.ts [FILE-TO-OPEN]
import { chromium } from '@playwright/test';
import * as path from 'node:path';
import { repoRoot, startHost } from '../e2e/host';

const fileToOpen = process.argv[2] ?? 'main.rs';
const host = await startHost(path.join(repoRoot, 'kernel-workspace'));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(host.url);
  const tree = page.getByRole('tree', { name: 'Workspace files' });
  await tree.getByRole('treeitem', { name: fileToOpen, exact: true }).first().click();
  await page.locator('.monaco-editor .view-lines').waitFor();
  await page.waitForTimeout(Number(process.env.SCREENSHOT_WAIT_MS ?? 1500));
  await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshot.png') });
  console.log('wrote docs/screenshot.png');
} finally {
  await browser.close();
  await host.stop();
}
