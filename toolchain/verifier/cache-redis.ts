// The shared cache backend: a Redis server (ioredis), so CI runners, shards and developers'
// machines reuse each other's answers. Keys are namespaced `stratos:v<CACHE_FORMAT>:<sha256>`.
// Every operation is bounded in time and fails fast when the server is down (no offline queue,
// no retries per command): the caller (ResultCache) then solves without the cache.

import { Redis } from 'ioredis';
import type { CacheBackend } from './cache-backend';
import { CACHE_FORMAT } from './cache';

export interface RedisBackendOptions {
  /** Longest wait for one GET/SET. */
  opTimeoutMs: number;
  /** Longest wait for the connection (TCP, TLS, AUTH, ready check). */
  connectTimeoutMs: number;
  /** After a failed connection, how long operations fail at once instead of trying again. */
  retryAfterMs: number;
}

// (the IDE verifies on every edit: an unreachable server must not cost each run a connect timeout)
const DEFAULTS: RedisBackendOptions = { opTimeoutMs: 1000, connectTimeoutMs: 2000, retryAfterMs: 30_000 };

/** A URL as it may appear in messages and reports: without user name and password. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return '<cache URL>';
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export class RedisCacheBackend implements CacheBackend {
  readonly name: string;
  private readonly opts: RedisBackendOptions;
  private client: Redis | null = null;
  private pending: Promise<Redis> | null = null;
  private down: { until: number; error: Error } | null = null;

  constructor(
    private readonly url: string,
    opts: Partial<RedisBackendOptions> = {},
  ) {
    this.name = redactUrl(url);
    this.opts = { ...DEFAULTS, ...opts };
  }

  /** The namespaced Redis key of a cache key. */
  static redisKey(key: string): string {
    return `stratos:v${CACHE_FORMAT}:${key}`;
  }

  private connection(): Promise<Redis> {
    if (this.client?.status === 'ready') return Promise.resolve(this.client);
    if (this.down && performance.now() < this.down.until) return Promise.reject(this.down.error);
    // one connection attempt at a time; a failed one is retried by a later operation (the next
    // IDE run), never in a loop
    this.pending ??= this.connect().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  private async connect(): Promise<Redis> {
    this.client?.disconnect();
    this.client = null;
    const c = new Redis(this.url, {
      lazyConnect: true,
      connectTimeout: this.opts.connectTimeoutMs,
      commandTimeout: this.opts.opTimeoutMs,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    // connection errors reach the caller through the rejected operation; without a listener
    // ioredis would report them as unhandled. The socket's error (ECONNREFUSED, ...) says more
    // than connect()'s own "Connection is closed."
    let socketError: Error | null = null;
    c.on('error', (e: Error) => {
      socketError ??= e;
    });
    try {
      await withTimeout(c.connect(), this.opts.connectTimeoutMs, `connecting to ${this.name}`);
    } catch (e) {
      c.disconnect();
      const error = (socketError ?? e) as Error;
      this.down = { until: performance.now() + this.opts.retryAfterMs, error };
      throw error;
    }
    this.down = null;
    this.client = c;
    return c;
  }

  async get(key: string): Promise<string | null> {
    const c = await this.connection();
    return withTimeout(c.get(RedisCacheBackend.redisKey(key)), this.opts.opTimeoutMs, `GET on ${this.name}`);
  }

  async put(key: string, value: string): Promise<void> {
    const c = await this.connection();
    await withTimeout(c.set(RedisCacheBackend.redisKey(key), value), this.opts.opTimeoutMs, `SET on ${this.name}`);
  }

  /** Each `put` is sent before it resolves. */
  async flush(): Promise<void> {}

  async close(): Promise<void> {
    // a connection still being made would otherwise stay open and keep the process alive
    await this.pending?.catch(() => undefined);
    const c = this.client;
    this.client = null;
    if (!c) return;
    try {
      await withTimeout(c.quit(), this.opts.opTimeoutMs, `closing ${this.name}`);
    } catch {
      c.disconnect();
    }
  }
}
