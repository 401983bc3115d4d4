import { mkdtempSync, mkdirSync, promises as fs, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WorkspaceService } from '../../toolchain/workspace/workspace-service';
import { createDispatcher, type Dispatcher } from '../api/dispatcher';
import { startWebHost, type WebHost } from './server';

let root: string;
let staticDir: string;
let host: WebHost;
let dispatcher: Dispatcher;

beforeEach(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'stratos-web-ws-'));
  mkdirSync(path.join(root, 'src'));
  writeFileSync(path.join(root, 'src', 'lib.rs'), 'pub fn f() {}\n');
  staticDir = mkdtempSync(path.join(tmpdir(), 'stratos-web-static-'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>x</title>');
  mkdirSync(path.join(staticDir, 'assets'));
  writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  dispatcher = await createDispatcher(new WorkspaceService(root), 'web');
  host = await startWebHost({ dispatcher, staticDir, port: 0 });
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

  it('WebSocket: malformed frames from an authenticated client drop that client, never the host', async () => {
    const origin = { Origin: `http://127.0.0.1:${host.port}` };
    // raw frames written past the client library: RSV1 without an extension, an unmasked client
    // frame, an unknown opcode, a text frame that is not UTF-8, a 2^63 length
    const mask = [1, 2, 3, 4];
    const frames = [
      Buffer.from([0xc1, 0x81, ...mask, 0x61 ^ 1]),
      Buffer.from([0x81, 0x01, 0x61]),
      Buffer.from([0x83, 0x81, ...mask, 0x61 ^ 1]),
      Buffer.from([0x81, 0x82, ...mask, 0xc3 ^ 1, 0x28 ^ 2]),
      Buffer.from([0x82, 0xff, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, ...mask]),
    ];
    for (const frame of frames) {
      const bad = await openSocket(`?token=${host.token}`, origin);
      const closed = new Promise<void>((resolve) => bad.once('close', () => resolve()));
      bad.on('error', () => undefined);
      (bad as unknown as { _socket: { write(b: Buffer): void } })._socket.write(frame);
      await closed;
    }
    // the host still serves everyone else
    const ws = await openSocket(`?token=${host.token}`, origin);
    try {
      const read = await call(ws, 1, 'file.read', { path: 'src/lib.rs' });
      expect((read.result as { text: string }).text).toBe('pub fn f() {}\n');
    } finally {
      ws.close();
    }
  });

  it('WebSocket: the session cookie alone is accepted (how the page itself connects after load)', async () => {
    const ws = await openSocket('', { Origin: `http://localhost:${host.port}`, Cookie: `stratos_token_${host.port}=${host.token}` });
    ws.close();
  });
});
