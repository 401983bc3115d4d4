// `stratos verify --shard i/n`: which functions a shard verifies. The split is by file (a Rust
// module), so a shard's functions share their file's spec fns, datatypes and prelude, and it
// depends on nothing but the file's workspace-relative path and n: a file's shard is the SHA-256
// of its path modulo n. Adding, removing or editing other files never moves a file to another
// shard, every function lands in exactly one shard, and the union of the n shards' results is
// the whole run. (Every shard still parses and checks the whole crate: callers need callees'
// contracts.)

import { createHash } from 'node:crypto';

/** Shard `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** Reads `i/n` (1 <= i <= n); a string is the error message for bad input. */
export function parseShard(text: string): Shard | string {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return `shard must be i/n (e.g. 1/4), not \`${text}\``;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) return `shard ${text}: need 1 <= i <= n`;
  return { index, count };
}

/** The shard (1-based) of `count` that verifies the functions of `file`. */
export function shardOfFile(file: string, count: number): number {
  const h = createHash('sha256').update(file.replace(/\\/g, '/')).digest();
  return (h.readUInt32BE(0) % count) + 1;
}

/** Whether `shard` verifies the functions of `file` (no shard: every file). */
export function inShard(file: string, shard: Shard | undefined): boolean {
  return !shard || shardOfFile(file, shard.count) === shard.index;
}
