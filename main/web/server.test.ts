import { mkdtempSync, mkdirSync, promises as fs, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WorkspaceService } from '../../toolchain/workspace/workspace-service';
import { createDispatcher, type Dispatcher, type EventListener } from '../api/dispatcher';
import { MAX_CLIENT_MESSAGE, startWebHost, type WebHost } from './server';

let root: string;
let staticDir: string;
let host: WebHost;
let dispatcher: Dispatcher;
let logLines: string[];

beforeEach(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'stratos-web-ws-'));
  mkdirSync(path.join(root, 'src'));
  writeFileSync(path.join(root, 'src', 'lib.rs'), 'pub fn f() {}\n');
  staticDir = mkdtempSync(path.join(tmpdir(), 'stratos-web-static-'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>x</title>');
  mkdirSync(path.join(staticDir, 'assets'));
  writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  dispatcher = await createDispatcher(new WorkspaceService(root), 'web');
  logLines = [];
  host = await startWebHost({ dispatcher, staticDir, port: 0, log: (line) => logLines.push(line) });
});

afterEach(async () => {
  await host.close();
  await dispatcher.close();
  await fs.rm(root, { recursive: true, force: true });
  await fs.rm(staticDir, { recursive: true, force: true });
});

function get(pathAndQuery: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path: pathAndQuery, headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function openSocket(query: string, headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api${query}`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, id: number, method: string, params: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const msg = JSON.parse(data.toString());
      if (msg.id === id) {
        ws.off('message', onMessage);
        resolve(msg);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, method, params }));
  });
}

describe('browser-mode host', () => {
  it('listens on 127.0.0.1 only and prints the URL with its token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('HTTP: 401 without a token, 403 with a wrong one, also for static files', async () => {
    expect((await get('/')).status).toBe(401);
    expect((await get('/assets/app.js')).status).toBe(401);
    expect((await get('/?token=nope')).status).toBe(403);
    expect((await get('/assets/app.js?token=' + 'a'.repeat(64))).status).toBe(403);
    expect((await get('/', { Cookie: `stratos_token_${host.port}=wrong` })).status).toBe(403);
  });

  it('HTTP: the right token serves the page with a strict CSP and sets the session cookie', async () => {
    const page = await get(`/?token=${host.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>x</title>');
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(String(page.headers['content-security-policy'])).not.toContain('unsafe-eval');
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toContain(`stratos_token_${host.port}=${host.token}`);
    expect(cookie).toContain('HttpOnly');
    const asset = await get('/assets/app.js', { Cookie: `stratos_token_${host.port}=${host.token}` });
    expect(asset.status).toBe(200);
    expect(asset.body).toBe('console.log(1)');
  });

  it('HTTP: refuses a foreign Host header (DNS rebinding) and paths outside the renderer', async () => {
    expect((await get(`/?token=${host.token}`, { Host: `evil.example:${host.port}` })).status).toBe(403);
    expect((await get(`/../../etc/passwd?token=${host.token}`)).status).toBe(404);
    expect((await get(`/%2e%2e/%2e%2e/etc/passwd?token=${host.token}`)).status).toBe(404);
  });

  it('WebSocket: refuses upgrades without the token, with a wrong one, or from another origin', async () => {
    const origin = { Origin: `http://127.0.0.1:${host.port}` };
    await expect(openSocket('', origin)).rejects.toThrow('HTTP 401');
    await expect(openSocket('?token=bad', origin)).rejects.toThrow('HTTP 403');
    await expect(openSocket(`?token=${host.token}`, { Origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(openSocket(`?token=${host.token}`, {})).rejects.toThrow('HTTP 403');
  });

  it('WebSocket: with the token, calls the API and validates every argument', async () => {
    const ws = await openSocket(`?token=${host.token}`, { Origin: `http://127.0.0.1:${host.port}` });
    try {
      const read = await call(ws, 1, 'file.read', { path: 'src/lib.rs' });
      expect((read.result as { text: string }).text).toBe('pub fn f() {}\n');
      const escape = await call(ws, 2, 'file.read', { path: '../../etc/passwd' });
      expect((escape.error as { code: string }).code).toBe('outside-workspace');
      const unknown = await call(ws, 3, 'process.exec', { cmd: 'rm -rf /' });
      expect((unknown.error as { code: string }).code).toBe('invalid-argument');
      const badType = await call(ws, 4, 'file.write', { path: 'src/lib.rs', text: 42 });
      expect((badType.error as { code: string }).code).toBe('invalid-argument');
    } finally {
      ws.close();
    }
  });

  it('WebSocket: each malformed frame closes only its connection with ws\'s close code and one log line; the host stays up', async () => {
    const origin = { Origin: `http://127.0.0.1:${host.port}` };
    // raw frames written past the client library, after a valid authenticated upgrade
    const mask = [1, 2, 3, 4];
    const length64 = (n: bigint) => {
      const b = Buffer.alloc(8);
      b.writeBigUInt64BE(n);
      return [...b];
    };
    const kinds: { name: string; frame: Buffer; code: number }[] = [
      { name: 'RSV1 without an extension', frame: Buffer.from([0xc1, 0x81, ...mask, 0x61 ^ 1]), code: 1002 },
      { name: 'unmasked client frame', frame: Buffer.from([0x81, 0x01, 0x61]), code: 1002 },
      { name: 'unknown opcode', frame: Buffer.from([0x83, 0x81, ...mask, 0x61 ^ 1]), code: 1002 },
      { name: 'text that is not UTF-8', frame: Buffer.from([0x81, 0x82, ...mask, 0xc3 ^ 1, 0x28 ^ 2]), code: 1007 },
      { name: 'a 2^63 length', frame: Buffer.from([0x82, 0xff, ...length64(2n ** 63n - 1n), ...mask]), code: 1009 },
      { name: 'a message over maxPayload', frame: Buffer.from([0x82, 0xff, ...length64(BigInt(MAX_CLIENT_MESSAGE) + 1n), ...mask]), code: 1009 },
    ];
    const healthy = await openSocket(`?token=${host.token}`, origin);
    let id = 1;
    const rounds = 5;
    try {
      for (let round = 0; round < rounds; round++) {
        for (const kind of kinds) {
          const bad = await openSocket(`?token=${host.token}`, origin);
          const closed = new Promise<number>((resolve) => bad.once('close', (code) => resolve(code)));
          bad.on('error', () => undefined);
          const logged = logLines.length;
          (bad as unknown as { _socket: { write(b: Buffer): void } })._socket.write(kind.frame);
          expect(await closed, kind.name).toBe(kind.code);
          // the host still serves everyone else, on an old connection and on a new one
          const read = await call(healthy, id++, 'file.read', { path: 'src/lib.rs' });
          expect((read.result as { text: string }).text).toBe('pub fn f() {}\n');
          expect(logLines.slice(logged), kind.name).toEqual([expect.stringMatching(new RegExp(`^stratos: WebSocket client dropped: .*\\(close code ${kind.code}\\)$`))]);
        }
      }
      const fresh = await openSocket(`?token=${host.token}`, origin);
      const read = await call(fresh, 1, 'file.read', { path: 'src/lib.rs' });
      expect((read.result as { text: string }).text).toBe('pub fn f() {}\n');
      fresh.close();
      expect(logLines).toHaveLength(rounds * kinds.length);
    } finally {
      healthy.close();
    }
  });

  it('WebSocket: the session cookie alone is accepted (how the page itself connects after load)', async () => {
    const ws = await openSocket('', { Origin: `http://localhost:${host.port}`, Cookie: `stratos_token_${host.port}=${host.token}` });
    ws.close();
  });
});

describe('browser-mode host: a client that stops reading', () => {
  /** A dispatcher whose events the test emits itself (a kernel flooding its console). */
  function floodDispatcher() {
    const listeners = new Set<EventListener>();
    const fake: Dispatcher = {
      handle: async () => ({ result: {} }),
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      close: async () => undefined,
    };
    const emit: EventListener = (event, payload) => listeners.forEach((l) => l(event, payload));
    return { fake, emit };
  }

  let floodHost: WebHost;
  let lines: string[];
  afterEach(async () => floodHost?.close());

  const pausedClient = async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${floodHost.port}/api?token=${floodHost.token}`, { headers: { Origin: `http://127.0.0.1:${floodHost.port}` } });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const received: string[] = [];
    ws.on('message', (d) => received.push(d.toString()));
    const socket = (ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    socket.pause();
    return { ws, received, resume: () => socket.resume() };
  };

  it('drops console output past the bound (the host stays small) and says so in one console line', async () => {
    const { fake, emit } = floodDispatcher();
    lines = [];
    floodHost = await startWebHost({ dispatcher: fake, staticDir, port: 0, log: (l) => lines.push(l) });
    const client = await pausedClient();
    const chunk = 'x'.repeat(64 * 1024 - 1) + '\n';
    const chunks = 4096; // 256 MB of console output
    const before = process.memoryUsage();
    let peak = 0;
    for (let i = 0; i < chunks; i++) {
      emit('boot.event', { sessionId: 7, event: { type: 'output', data: chunk } });
      if (i % 64 === 63) {
        const now = process.memoryUsage();
        peak = Math.max(peak, now.heapUsed + now.external - before.heapUsed - before.external);
        await new Promise((r) => setImmediate(r));
      }
    }
    // unbounded, all 256 MB would wait in the host for the client
    expect(peak).toBeLessThan(48 * 1024 * 1024);
    emit('boot.event', { sessionId: 7, event: { type: 'exit', result: { status: 0, reason: 'success', qemuExitCode: 33, signal: null, durationMs: 1, firstOutputMs: 1, summaryMs: null, summaryLine: null } } });
    client.resume();
    await expect.poll(() => client.received.some((m) => m.includes('"type":"exit"')), { timeout: 20_000 }).toBe(true);
    const outputs = client.received.map((m) => JSON.parse(m)).filter((m) => m.payload?.event?.type === 'output');
    const notices = outputs.filter((m) => String(m.payload.event.data).includes('console output dropped'));
    expect(notices).toHaveLength(1);
    const dropped = Number(/(\d+) characters of console output dropped/.exec(notices[0].payload.event.data)![1]);
    const delivered = outputs.filter((m) => m.payload.event.data === chunk).length;
    expect(delivered * chunk.length + dropped).toBe(chunks * chunk.length);
    expect(delivered).toBeLessThan(chunks / 8);
    // the notice comes after the delivered output and before the exit
    expect(client.received.findIndex((m) => m.includes('console output dropped'))).toBeLessThan(client.received.findIndex((m) => m.includes('"type":"exit"')));
    expect(lines).toEqual([]);
    client.ws.close();
  });

  it('closes a connection whose client read nothing of what cannot be dropped, with one log line; others go on', async () => {
    const { fake, emit } = floodDispatcher();
    lines = [];
    floodHost = await startWebHost({ dispatcher: fake, staticDir, port: 0, log: (l) => lines.push(l), flowLimits: { consoleBytes: 1024 * 1024, connectionBytes: 4 * 1024 * 1024 } });
    const stuck = await pausedClient();
    const closed = new Promise<void>((resolve) => stuck.ws.once('close', () => resolve()));
    const change = { path: 'src/' + 'a'.repeat(60_000) + '.rs', kind: 'changed' };
    for (let i = 0; i < 2000; i++) {
      emit('file.changed', change as never);
      if (i % 50 === 49) await new Promise((r) => setImmediate(r));
    }
    stuck.resume();
    await closed;
    expect(lines).toEqual([expect.stringMatching(/^stratos: WebSocket client dropped: not reading \(\d+ bytes queued\)$/)]);
    const reading = await pausedClient();
    reading.resume();
    emit('file.changed', { path: 'src/lib.rs', kind: 'changed' } as never);
    await expect.poll(() => reading.received.length).toBe(1);
    reading.ws.close();
  });
});
