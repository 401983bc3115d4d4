// Start-up benchmark: time from spawning `stratos ide --web` to its "listening" line, and from
// there to the Explorer showing the workspace in Chromium; plus the renderer bundle's size.
import { chromium } from '@playwright/test';
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot, startHost } from '../../e2e/host';

function dirSize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    total += entry.isDirectory() ? dirSize(p) : statSync(p).size;
  }
  return total;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function main(): Promise<void> {
  const runs = 5;
  const listening: number[] = [];
  const explorer: number[] = [];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const host = await startHost(path.join(repoRoot, 'kernel-workspace'));
      listening.push(host.startupMs);
      const page = await browser.newPage();
      await page.goto(host.url);
      await page.getByRole('tree', { name: 'Workspace files' }).getByRole('treeitem').first().waitFor();
      explorer.push(performance.now() - t0);
      await page.close();
      await host.stop();
    }
  } finally {
    await browser.close();
  }
  const dist = path.join(repoRoot, 'dist', 'renderer');
  const assets = readdirSync(path.join(dist, 'assets'));
  const js = assets.filter((a) => a.endsWith('.js')).reduce((n, a) => n + statSync(path.join(dist, 'assets', a)).size, 0);
  console.log(`startup: process spawn -> "listening" line: median ${median(listening).toFixed(0)} ms (runs: ${listening.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`startup: process spawn -> Explorer shows the workspace in Chromium: median ${median(explorer).toFixed(0)} ms`);
  console.log(`renderer bundle: ${(dirSize(dist) / 1e6).toFixed(2)} MB on disk, ${(js / 1e6).toFixed(2)} MB of JavaScript in ${assets.length} assets`);
}
