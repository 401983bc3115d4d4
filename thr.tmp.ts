import { mkdtempSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { verifySources, shutdownSolvers } from './toolchain/verifier/index';
import { VerifierThread } from './toolchain/verifier/thread/verifier-thread';
import { readRustSources } from './toolchain/workspace/rust-sources';
const mk = () => { const root = mkdtempSync(path.join(tmpdir(), 'thr-')); cpSync('kernel-workspace/src', path.join(root, 'src'), { recursive: true }); return root; };
const mode = process.argv[2];
const root = mk();
const files = await readRustSources(root);
const t0 = performance.now();
if (mode === 'inline') {
  const r = await verifySources(files, { root, solver: 'native' });
  console.log('inline', ((performance.now() - t0) / 1000).toFixed(1), 's', r.summary.solverMs, r.summary.wallMs);
  await shutdownSolvers();
} else {
  const th = new VerifierThread();
  const r = await th.verify(files, { root, solver: 'native', reuseTimeouts: mode === 'live', priorityFiles: [] });
  console.log('thread', ((performance.now() - t0) / 1000).toFixed(1), 's', r.summary.solverMs, r.summary.wallMs);
  await th.shutdown();
}
