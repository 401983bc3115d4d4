// A hash of the verifier's own sources, in plain JavaScript so that both the verifier (fn-key.ts,
// when it runs from its sources) and the build (scripts/build.mjs, which writes it into the
// bundles) compute the same value: a function key made by `stratos verify` from the sources and
// one made by the built IDE from the same sources are equal, so each reuses the other's verdicts.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** `verifierDir` is toolchain/verifier; the walk covers it, toolchain/syntax and the app/ types it reads. */
export function sourceFingerprint(verifierDir) {
  const h = createHash('sha256');
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) {
        if (name !== 'tests' && name !== 'node_modules') walk(p);
      } else if (/\.(ts|mjs)$/.test(name) && !name.endsWith('.test.ts')) files.push(p);
    }
  };
  walk(verifierDir);
  walk(path.join(verifierDir, '..', 'syntax'));
  for (const f of ['verification.ts', 'library.ts']) files.push(path.join(verifierDir, '..', '..', 'app', f));
  for (const f of files) h.update(path.relative(verifierDir, f)).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex');
}
