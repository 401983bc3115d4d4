#!/usr/bin/env node
// Builds what the hosts serve: the renderer with Vite (dist/renderer) and the Electron main
// process and preload with esbuild (dist/electron; CommonJS, `electron` left external).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { copyFileSync, cpSync, rmSync, writeFileSync } from 'node:fs';
import { sourceFingerprint } from '../toolchain/verifier/fingerprint.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const started = performance.now();
await viteBuild({ configFile: path.join(root, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
const outdir = path.join(root, 'dist/electron');
rmSync(outdir, { recursive: true, force: true });
const fingerprint = sourceFingerprint(path.join(root, 'toolchain/verifier'));
// The main process is an ES module (the toolchain locates its solver worker through
// import.meta.url); the sandboxed preload must be CommonJS.
// The verifier's thread (toolchain/verifier/thread) is its own bundle beside main.mjs, with the
// same options: VerifierThread starts dist/electron/verifier-thread.mjs when it exists.
await esbuild({
  entryPoints: {
    main: path.join(root, 'main/electron/main.ts'),
    'verifier-thread': path.join(root, 'toolchain/verifier/thread/verifier-thread-main.ts'),
  },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['electron', 'z3-solver', 'fsevents'],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  // the verifier's function keys name the sources, not the bundle: the CLI (from sources) and
  // the built IDE reuse each other's verdicts
  define: { __STRATOS_VERIFIER_FINGERPRINT__: JSON.stringify(fingerprint) },
  logLevel: 'warning',
});
// which sources the verifier's thread bundle was built from (VerifierThread uses it only for them)
writeFileSync(path.join(outdir, 'verifier-fingerprint.txt'), fingerprint);
await esbuild({
  entryPoints: { preload: path.join(root, 'main/electron/preload.ts') },
  outdir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron'],
  logLevel: 'warning',
});
// The solver's worker thread is loaded from beside the bundles (main.mjs and verifier-thread.mjs).
copyFileSync(path.join(root, 'toolchain/verifier/solver-worker.mjs'), path.join(outdir, 'solver-worker.mjs'));
// The verifier's standard library (Verus source, toolchain/verifier/library/load.ts) is read from beside the bundles.
cpSync(path.join(root, 'toolchain/verifier/library/vstd'), path.join(outdir, 'library/vstd'), { recursive: true });
console.log(`Built dist/renderer and dist/electron in ${((performance.now() - started) / 1000).toFixed(1)} s`);
