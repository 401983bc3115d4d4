// Where the IDE's own files are: the package root, the built renderer, the bundled workspace.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const rendererDist = path.join(packageRoot, 'dist', 'renderer');
export const electronDist = path.join(packageRoot, 'dist', 'electron');
export const bundledWorkspace = path.join(packageRoot, 'kernel-workspace');

export function rendererIsBuilt(): boolean {
  return existsSync(path.join(rendererDist, 'index.html'));
}
