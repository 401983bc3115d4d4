// Where cached results live: the `CacheBackend` interface and the choice of backend from a cache
// spec (`local`, or a `redis://` / `rediss://` URL), as given to `stratos verify --cache` or in the
// STRATOS_CACHE environment variable. The policy (what is stored, failure handling) is cache.ts's.

import { LocalCacheBackend } from './cache-local';
import { RedisCacheBackend, redactUrl } from './cache-redis';

/** A key-value store of cache entries (JSON text); errors and timeouts are thrown, not hidden. */
export interface CacheBackend {
  /** For messages: `.stratos/cache` or the Redis URL without its credentials. */
  readonly name: string;
  /**
   * The store itself, the same for every instance opened on it (the local directory): ResultCache
   * remembers the function entries it decoded per location (cache.ts). Absent for a shared
   * server, whose contents other machines may clear, and for a store that lives as long as its
   * instance.
   */
  readonly location?: string;
  get(key: string): Promise<string | null>;
  put(key: string, value: string): Promise<void>;
  /** Resolves once every `put` so far is stored (a backend may write behind). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export type CacheSpec = { kind: 'local' } | { kind: 'redis'; url: string };

/** Reads a cache spec; a string is the error message for bad input. */
export function parseCacheSpec(spec: string): CacheSpec | string {
  if (spec === 'local') return { kind: 'local' };
  let u: URL;
  try {
    u = new URL(spec);
  } catch {
    return `cache must be \`local\` or a redis://HOST:PORT URL, not \`${spec}\``;
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') return `cache must be \`local\` or a redis:// or rediss:// URL, not a ${u.protocol} URL`;
  if (!u.hostname) return `cache URL \`${redactUrl(spec)}\` has no host`;
  return { kind: 'redis', url: spec };
}

// One Redis connection per URL per process: the IDE verifies on every edit and reuses it.
const redisBackends = new Map<string, RedisCacheBackend>();

/** The backend for a spec; `root` is the workspace whose `.stratos/cache` `local` means. */
export function openCacheBackend(spec: CacheSpec, root: string): CacheBackend {
  if (spec.kind === 'local') return new LocalCacheBackend(root);
  let b = redisBackends.get(spec.url);
  if (!b) {
    b = new RedisCacheBackend(spec.url);
    redisBackends.set(spec.url, b);
  }
  return b;
}

/** Closes the Redis connections so that the process can exit (CLI end, IDE shutdown, tests). */
export async function closeCacheBackends(): Promise<void> {
  const all = [...redisBackends.values()];
  redisBackends.clear();
  await Promise.all(all.map((b) => b.close()));
}
