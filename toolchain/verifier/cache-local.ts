// The default cache backend: the workspace's .stratos/cache directory, one small JSON file per
// entry. A missing or unreadable file is a miss and a failed write is ignored (a read-only
// workspace just means no cache), so this backend never makes a run warn.
// Writes go behind: `put` returns at once and the file is written on libuv's threads (measured on
// a cold Nimbus run: ~1,400 synchronous create-write-rename sequences held the verifier's thread
// 1.8-2.4 s, while solver sessions waited for it); an entry waiting to be written is read from
// memory, and `flush` waits for them all (a run ends with it).

import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { CacheBackend } from './cache-backend';

export class LocalCacheBackend implements CacheBackend {
  readonly name = '.stratos/cache';
  readonly dir: string;
  readonly location: string;
  /** Entries written behind, not on disk yet. */
  private readonly unwritten = new Map<string, string>();
  private readonly writes = new Set<Promise<void>>();
  private readonly lastWrite = new Map<string, Promise<void>>();
  private readonly madeDirs = new Set<string>();
  private seq = 0;
  constructor(root: string) {
    this.dir = path.join(root, '.stratos', 'cache');
    this.location = `local:${path.resolve(this.dir)}`;
  }
  private file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), key.slice(2) + '.json');
  }
  async get(key: string): Promise<string | null> {
    const pending = this.unwritten.get(key);
    if (pending !== undefined) return pending;
    try {
      return readFileSync(this.file(key), 'utf8');
    } catch {
      return null;
    }
  }
  async put(key: string, value: string): Promise<void> {
    this.unwritten.set(key, value);
    // writes of one key in order: the last value put is the one on disk
    const before = this.lastWrite.get(key) ?? Promise.resolve();
    const w: Promise<void> = before.then(() => this.write(key, value)).finally(() => {
      this.writes.delete(w);
      if (this.lastWrite.get(key) === w) this.lastWrite.delete(key);
      if (this.unwritten.get(key) === value) this.unwritten.delete(key);
    });
    this.writes.add(w);
    this.lastWrite.set(key, w);
  }
  private async write(key: string, value: string): Promise<void> {
    try {
      const f = this.file(key);
      const dir = path.dirname(f);
      if (!this.madeDirs.has(dir)) {
        await mkdir(dir, { recursive: true });
        this.madeDirs.add(dir);
      }
      // write then rename: a concurrent reader never sees half an entry
      const tmp = `${f}.${process.pid}.${++this.seq}.tmp`;
      await writeFile(tmp, value);
      await rename(tmp, f);
    } catch {
      /* a read-only workspace just means no cache */
    }
  }
  async flush(): Promise<void> {
    while (this.writes.size) await Promise.all([...this.writes]);
  }
  async close(): Promise<void> {
    await this.flush();
  }
}
