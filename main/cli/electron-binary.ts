// Finds Electron's binary without `require('electron')`, which would try to download it (and
// hang or fail on machines without internet access). The electron package records the
// executable's path in path.txt once its install script has downloaded it.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export function findElectronBinary(packageRoot: string): { binary: string } | { missing: string } {
  const dir = path.join(packageRoot, 'node_modules', 'electron');
  if (!existsSync(path.join(dir, 'package.json'))) return { missing: 'Electron is not installed (npm package missing)' };
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) {
    return { missing: "Electron's binary is not installed (its download needs internet access: node node_modules/electron/install.js)" };
  }
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { binary } : { missing: `Electron's binary is missing at ${binary}` };
}
