#!/usr/bin/env node
// Builds what the hosts serve: the renderer with Vite (dist/renderer) and the Electron main
// process and preload with esbuild (dist/electron; CommonJS, `electron` left external).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const started = performance.now();
await viteBuild({ configFile: path.join(root, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
await esbuild({
  entryPoints: { main: path.join(root, 'main/electron/main.ts'), preload: path.join(root, 'main/electron/preload.ts') },
  outdir: path.join(root, 'dist/electron'),
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron', 'z3-solver', 'fsevents'],
  logLevel: 'warning',
});
console.log(`Built dist/renderer and dist/electron in ${((performance.now() - started) / 1000).toFixed(1)} s`);
