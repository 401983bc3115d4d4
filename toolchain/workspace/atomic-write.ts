// Crash-safe file replacement: write a temporary file beside the target, fsync it, rename it over
// the target, fsync the directory. A crash (even kill -9) at any point leaves either the old file
// or the new one, never a truncated mix; a leftover temporary file is harmless and swept later.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export const TEMP_MARKER = '.stratos-tmp-';

/** Test seam: lets a test fail the write between its phases (a simulated crash). */
export interface WriteHooks {
  afterTempWritten?: (tempPath: string) => void | Promise<void>;
}

export async function writeFileAtomic(target: string, data: string, hooks: WriteHooks = {}): Promise<void> {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}${TEMP_MARKER}${randomBytes(6).toString('hex')}`);
  let mode: number | undefined;
  try {
    mode = (await fs.stat(target)).mode;
  } catch {
    mode = undefined;
  }
  const handle = await fs.open(temp, 'wx', mode ?? 0o644);
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await hooks.afterTempWritten?.(temp);
    await fs.rename(temp, target);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
  const dirHandle = await fs.open(dir, 'r');
  try {
    await dirHandle.sync();
  } finally {
    await dirHandle.close();
  }
}

/** Removes temporary files left by a crash mid-save (they never replace anything by themselves). */
export async function sweepTempFiles(dir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await fs.readdir(dir);
  } catch {
    return;
  }
  await Promise.all(entries.filter((e) => e.includes(TEMP_MARKER)).map((e) => fs.rm(path.join(dir, e), { force: true })));
}
