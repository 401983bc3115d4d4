// The default cache backend: the workspace's .stratos/cache directory, one small JSON file per
// entry. A missing or unreadable file is a miss and a failed write is ignored (a read-only
// workspace just means no cache), so this backend never makes a run warn.

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CacheBackend } from './cache-backend';

export class LocalCacheBackend implements CacheBackend {
  readonly name = '.stratos/cache';
  readonly dir: string;
  constructor(root: string) {
    this.dir = path.join(root, '.stratos', 'cache');
  }
  private file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), key.slice(2) + '.json');
  }
  async get(key: string): Promise<string | null> {
    try {
      return readFileSync(this.file(key), 'utf8');
    } catch {
      return null;
    }
  }
  async put(key: string, value: string): Promise<void> {
    try {
      const f = this.file(key);
      mkdirSync(path.dirname(f), { recursive: true });
      // write then rename: a concurrent reader never sees half an entry
      const tmp = `${f}.${process.pid}.tmp`;
      writeFileSync(tmp, value);
      renameSync(tmp, f);
    } catch {
      /* a read-only workspace just means no cache */
    }
  }
  async close(): Promise<void> {}
}
