// `npm run bench -- boot`: how long the kernel takes to build (clean and incremental) and to boot
// under QEMU's software emulation to its first serial line and to the summary line.
// Options: --runs=N (default 5).

import { fileURLToPath } from 'node:url';
import { buildKernel } from '../../toolchain/build/build';
import { bootKernel, findQemu } from '../../toolchain/qemu/qemu';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

export async function main(args: string[]): Promise<void> {
  const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 5);
  const workspace = fileURLToPath(new URL('../../kernel-workspace', import.meta.url));
  const clean = await buildKernel({ workspace, force: true });
  if (!clean.ok || !clean.image) {
    console.log('build failed:', clean.diagnostics.slice(0, 3));
    process.exitCode = 1;
    return;
  }
  const cached = await buildKernel({ workspace });
  console.log(`build (forced):   erase ${clean.timings.eraseMs.toFixed(0)} ms, rustc+link ${clean.timings.compileMs.toFixed(0)} ms, total ${clean.timings.totalMs.toFixed(0)} ms`);
  console.log(`build (no change): ${cached.timings.totalMs.toFixed(0)} ms (cached: ${cached.cached})`);
  if (!findQemu()) {
    console.log('boot: qemu-system-x86_64 not installed, skipped');
    return;
  }
  const first: number[] = [];
  const summary: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await bootKernel({ image: clean.image, timeoutS: 30 }).result;
    if (r.status !== 0 || r.summaryMs === null) {
      console.log(`boot run ${i + 1}: status ${r.status} (${r.reason}) ${r.message ?? ''}`);
      process.exitCode = 1;
      return;
    }
    first.push(r.firstOutputMs ?? NaN);
    summary.push(r.summaryMs);
    total.push(r.durationMs);
  }
  console.log(`boot (${runs} runs, median): first serial byte ${median(first).toFixed(0)} ms, summary line ${median(summary).toFixed(0)} ms, QEMU exit ${median(total).toFixed(0)} ms`);
  console.log(`boot (min/max summary): ${Math.min(...summary).toFixed(0)} / ${Math.max(...summary).toFixed(0)} ms`);
}
