// The verifier thread's entry in development: worker threads do not load TypeScript by
// themselves, so this plain module installs tsx's loader in the thread, then loads the message
// loop. The Electron build bundles the loop instead (dist/electron/verifier-thread.mjs), and
// VerifierThread starts that bundle when it exists.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('./verifier-thread-main.ts', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  throw new Error(`${fileURLToPath(main)} is missing: a built host starts dist/electron/verifier-thread.mjs instead of this entry`);
}
const { register } = await import('tsx/esm/api');
register();
await import(main.href);
