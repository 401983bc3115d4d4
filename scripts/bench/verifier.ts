// `npm run bench -- verifier`: verifier benchmarks on the corpus (toolchain/verifier/tests/corpus).
//   cold run (wall, Σ solver time, front-end time), warm re-run (all cache hits), one function
//   edited (only its queries re-run), z3-solver (wasm) vs native z3 on the same dumped queries
//   (median ratio), the ten slowest functions, and the parser alone on a 10,000-line file.
// Options: --jobs N (default 2), --native-sample N (queries compared with native z3, default 80).

import { mkdtempSync, rmSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { verifySources, shutdownSolvers, lastFrontEndMs, solverPoolForTests } from '../../toolchain/verifier/index';
import { runNative } from '../../toolchain/verifier/solver-pool';
import { corpusFiles } from '../../toolchain/verifier/tests/corpus-lib';
import { syntheticBigFile } from '../../toolchain/verifier/tests/synthetic';
import { parseFile } from '../../toolchain/verifier/parser';

function opt(args: string[], name: string, dflt: number): number {
  const i = args.findIndex((a) => a === name || a.startsWith(name + '='));
  if (i < 0) return dflt;
  const v = args[i]!.includes('=') ? args[i]!.split('=')[1] : args[i + 1];
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? n : dflt;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export async function main(args: string[]): Promise<void> {
  const jobs = opt(args, '--jobs', 2);
  const sample = opt(args, '--native-sample', 80);
  const files = corpusFiles();
  const root = mkdtempSync(path.join(tmpdir(), 'stratos-bench-verifier-'));
  const dump = path.join(root, 'smt');
  try {
    const fnCount = (r: Awaited<ReturnType<typeof verifySources>>) => r.functions.length;
    // warm the worker pool first so the cold run measures verification, not wasm start-up
    const tStart = performance.now();
    await verifySources(new Map([['warm.rs', 'verus! { fn w(x: u8) -> u8 { x + 1 } fn v(x: u8) -> u8 { x - 1 } }']]), { root, jobs, useCache: false });
    const poolStartMs = performance.now() - tStart;

    const cold = await verifySources(files, { root, jobs, useCache: true, dumpSmtDir: dump });
    const coldFront = lastFrontEndMs;
    const lines = [...files.values()].reduce((n, t) => n + t.split('\n').length, 0);
    console.log(`corpus: ${files.size} files, ${lines} lines, ${fnCount(cold)} functions, ${cold.summary.obligations} obligations, jobs ${jobs}`);
    console.log(`pool start (2 workers, wasm instantiate + first query): ${poolStartMs.toFixed(0)} ms`);
    // the parser alone on a 10,000-line file (best of five after a JIT warm-up)
    const big = syntheticBigFile();
    for (let i = 0; i < 3; i++) parseFile('big.rs', big);
    let parseMs = Infinity;
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      parseFile('big.rs', big);
      parseMs = Math.min(parseMs, performance.now() - t);
    }
    console.log(`parser: ${big.split('\n').length}-line file in ${parseMs.toFixed(1)} ms (best of 5)`);
    console.log(`cold run: wall ${cold.summary.wallMs} ms, Σ solver ${cold.summary.solverMs} ms, front end (parse+VC gen) ${coldFront.toFixed(0)} ms; verified ${cold.summary.verified}, failed ${cold.summary.failed}, timeout ${cold.summary.timeout}`);

    const warm = await verifySources(files, { root, jobs, useCache: true });
    const cachedFns = warm.functions.filter((f) => f.cached || f.obligations.length === 0).length;
    console.log(`warm re-run (cache): wall ${warm.summary.wallMs} ms, Σ solver ${warm.summary.solverMs} ms, ${cachedFns}/${fnCount(warm)} functions fully cached`);

    // edit one function: add_small in arith.rs gets a different bound
    const edited = new Map(files);
    const arith = edited.get('corpus/arith.rs')!;
    edited.set('corpus/arith.rs', arith.replace('requires x < 100, y < 100,', 'requires x < 101, y < 100,'));
    const edit = await verifySources(edited, { root, jobs, useCache: true });
    const rerun = edit.functions.filter((f) => !f.cached && f.obligations.length > 0);
    console.log(`one function edited (add_small): wall ${edit.summary.wallMs} ms, Σ solver ${edit.summary.solverMs} ms, re-verified: ${rerun.map((f) => f.name).join(', ') || 'none'}`);

    const slow = [...cold.functions].sort((a, b) => b.timeMs - a.timeMs).slice(0, 10);
    console.log('slowest ten functions (cold, Σ solver time of their queries):');
    for (const f of slow) console.log(`  ${f.timeMs.toFixed(0).padStart(6)} ms  ${f.name} (${f.file}, ${f.obligations.length} obligations, ${f.status})`);

    // wasm vs native on the same dumped queries (sequential, one worker, same timeout)
    let native = true;
    try {
      execFileSync('z3', ['--version'], { stdio: 'pipe' });
    } catch {
      native = false;
    }
    if (!native) {
      console.log('native z3 not found on PATH: skipping the z3-solver vs native comparison');
    } else {
      const all = readdirSync(dump).filter((f) => f.endsWith('.smt2')).sort();
      const step = Math.max(1, Math.floor(all.length / sample));
      const chosen = all.filter((_, i) => i % step === 0).slice(0, sample);
      const pool = solverPoolForTests(jobs);
      const ratios: number[] = [];
      const ratiosNoSpawn: number[] = [];
      let wasmTotal = 0;
      let nativeTotal = 0;
      const version = execFileSync('z3', ['--version']).toString().trim();
      const spawnMs = median(
        await Promise.all(
          [0, 1, 2, 3, 4].map(async () => (await runNative({ query: '(check-sat)\n', timeoutMs: 5000, wantModel: false })).ms),
        ),
      );
      for (const f of chosen) {
        const q = readFileSync(path.join(dump, f), 'utf8');
        const w = await pool.run({ query: q, timeoutMs: 10_000, wantModel: false });
        const n = await runNative({ query: q, timeoutMs: 10_000, wantModel: false });
        if ((w.result !== 'sat' && w.result !== 'unsat') || (n.result !== 'sat' && n.result !== 'unsat')) continue;
        wasmTotal += w.ms;
        nativeTotal += n.ms;
        ratios.push(w.ms / n.ms);
        ratiosNoSpawn.push(w.ms / Math.max(1, n.ms - spawnMs));
      }
      console.log(`z3-solver (wasm) vs native ${version} on ${ratios.length} dumped corpus queries (sequential):`);
      console.log(`  Σ wasm ${wasmTotal.toFixed(0)} ms, Σ native ${nativeTotal.toFixed(0)} ms (incl. process start, median ${spawnMs.toFixed(0)} ms/query)`);
      console.log(`  median ratio wasm/native ${median(ratios).toFixed(2)} (with native process start), ${median(ratiosNoSpawn).toFixed(2)} (native start subtracted)`);
    }
  } finally {
    await shutdownSolvers();
    rmSync(root, { recursive: true, force: true });
  }
}
