import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, type Server, type Socket } from 'node:net';
import { Redis } from 'ioredis';
import { RedisCacheBackend, redactUrl } from './cache-redis';
import { parseCacheSpec } from './cache-backend';
import { freePort, redisSkipReason, startRedisServer, type RedisServer } from './tests/redis-server';

describe('cache spec', () => {
  it('accepts local and redis URLs, refuses the rest with a message', () => {
    expect(parseCacheSpec('local')).toEqual({ kind: 'local' });
    expect(parseCacheSpec('redis://127.0.0.1:6379')).toEqual({ kind: 'redis', url: 'redis://127.0.0.1:6379' });
    expect(parseCacheSpec('rediss://:pw@cache.example:6380/2')).toMatchObject({ kind: 'redis' });
    expect(parseCacheSpec('http://127.0.0.1:6379')).toMatch(/redis:\/\//);
    expect(parseCacheSpec('127.0.0.1:6379')).toMatch(/local.*redis/);
    expect(parseCacheSpec('')).toMatch(/local/);
  });

  it('never shows a password in a message', () => {
    expect(redactUrl('redis://user:s3cret@host:1/0')).not.toContain('s3cret');
    expect(new RedisCacheBackend('redis://:s3cret@127.0.0.1:1').name).toBe('redis://127.0.0.1:1');
  });
});

describe('Redis backend, server down or slow', () => {
  it('fails fast when nothing listens', async () => {
    const port = await freePort();
    const b = new RedisCacheBackend(`redis://127.0.0.1:${port}`);
    const t = performance.now();
    await expect(b.get('k')).rejects.toThrow(/ECONNREFUSED/);
    await expect(b.put('k', 'v')).rejects.toThrow(/ECONNREFUSED/);
    expect(performance.now() - t).toBeLessThan(5000);
    await b.close();
  });

  it('gives up within its time limit on a server that accepts but never answers', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as { port: number }).port;
    const b = new RedisCacheBackend(`redis://127.0.0.1:${port}`, { opTimeoutMs: 200, connectTimeoutMs: 300 });
    const t = performance.now();
    await expect(b.get('k')).rejects.toThrow(/no answer within|timed out|timeout/i);
    expect(performance.now() - t).toBeLessThan(3000);
    // the next run (an IDE edit) does not wait for it again
    const t2 = performance.now();
    await expect(b.get('k')).rejects.toThrow(/no answer within|timed out|timeout/i);
    expect(performance.now() - t2).toBeLessThan(100);
    await b.close();
    for (const s of sockets) s.destroy();
    await new Promise((r) => silent.close(r));
  });
});

const skip = redisSkipReason();
describe.skipIf(skip !== null)(`Redis backend on a real redis-server${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('stores and reads entries under stratos:v2:<key>', async () => {
    const b = new RedisCacheBackend(server.url);
    expect(await b.get('abc')).toBeNull();
    await b.put('abc', '{"x":1}');
    expect(await b.get('abc')).toBe('{"x":1}');
    await b.close();
    const raw = new Redis(server.url);
    try {
      expect(await raw.keys('*')).toEqual(['stratos:v2:abc']);
      expect(RedisCacheBackend.redisKey('abc')).toBe('stratos:v2:abc');
    } finally {
      raw.disconnect();
    }
  });

  it('uses a server that came up after a failed connection, once its back-off is over', async () => {
    const port = await freePort();
    const patient = new RedisCacheBackend(`redis://127.0.0.1:${port}`, { retryAfterMs: 0 });
    const backingOff = new RedisCacheBackend(`redis://127.0.0.1:${port}`, { retryAfterMs: 60_000 });
    await expect(patient.get('k')).rejects.toThrow(/ECONNREFUSED/);
    await expect(backingOff.get('k')).rejects.toThrow(/ECONNREFUSED/);
    const late = await startRedisServer(port);
    try {
      await patient.put('k', 'v');
      expect(await patient.get('k')).toBe('v');
      await expect(backingOff.get('k')).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      await patient.close();
      await backingOff.close();
      await late.stop();
    }
  });

  it('connects again after the connection was closed (a long-lived IDE process)', async () => {
    const b = new RedisCacheBackend(server.url);
    await b.put('again', 'v');
    await b.close();
    expect(await b.get('again')).toBe('v');
    await b.close();
  });
});
