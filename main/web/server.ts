// Browser-mode host: the built renderer and the app/ API over HTTP + WebSocket on 127.0.0.1 only.
// A random token, new at each start, is required on every HTTP request and WebSocket upgrade:
// in the `token` query parameter, or in the HttpOnly cookie the first authorised page load sets.
// The Host header (DNS rebinding) and the WebSocket's Origin must name this very server.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ClientMessage, ServerMessage } from '../../app/api';
import type { Dispatcher } from '../api/dispatcher';
import { contentSecurityPolicy } from './csp';

export interface WebHostOptions {
  dispatcher: Dispatcher;
  /** Directory of the built renderer (index.html and assets). */
  staticDir: string;
  /** 0 picks a free port. */
  port: number;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
};

export type AuthVerdict = 'ok' | 'missing' | 'wrong';

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** The token check shared by HTTP and WebSocket: query parameter first, then the cookie. */
export function checkToken(req: IncomingMessage, token: string, cookieName: string): AuthVerdict {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const given = url.searchParams.get('token') ?? cookieValue(req.headers.cookie, cookieName);
  if (given === undefined || given === null || given === '') return 'missing';
  return sameToken(given, token) ? 'ok' : 'wrong';
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = randomBytes(32).toString('hex');
  const staticRoot = path.resolve(options.staticDir);
  let port = options.port;
  const cookieName = () => `stratos_token_${port}`;
  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];
  const allowedOrigins = () => allowedHosts().map((h) => `http://${h}`);

  const refuse = (res: ServerResponse, status: 401 | 403 | 404 | 405, message: string) => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(message + '\n');
  };

  const serveStatic = async (req: IncomingMessage, res: ServerResponse, setCookie: boolean) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return refuse(res, 404, 'Not found');
    }
    const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
    const file = path.resolve(staticRoot, relative);
    if (!file.startsWith(staticRoot + path.sep)) return refuse(res, 404, 'Not found');
    let stat;
    try {
      stat = await fs.stat(file);
    } catch {
      return refuse(res, 404, 'Not found');
    }
    if (!stat.isFile()) return refuse(res, 404, 'Not found');
    const headers: Record<string, string | string[]> = {
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': String(stat.size),
      'Content-Security-Policy': contentSecurityPolicy([`ws://127.0.0.1:${port}`, `ws://localhost:${port}`]),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': relative === 'index.html' ? 'no-store' : 'private, max-age=3600',
    };
    if (setCookie) headers['Set-Cookie'] = `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  };

  const server = createServer((req, res) => {
    if (!allowedHosts().includes(req.headers.host ?? '')) return refuse(res, 403, 'Forbidden: unexpected Host header');
    const verdict = checkToken(req, token, cookieName());
    if (verdict === 'missing') return refuse(res, 401, 'Unauthorized: this Stratosphere IDE needs the token printed at its start');
    if (verdict === 'wrong') return refuse(res, 403, 'Forbidden: wrong token');
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed');
    const viaQuery = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.has('token');
    void serveStatic(req, res, viaQuery).catch(() => {
      if (!res.headersSent) refuse(res, 404, 'Not found');
      else res.destroy();
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 128 * 1024 * 1024 });
  const rejectUpgrade = (socket: Duplex, status: string) => {
    socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    socket.destroy();
  };
  server.on('upgrade', (req, socket, head) => {
    if (!allowedHosts().includes(req.headers.host ?? '')) return rejectUpgrade(socket, '403 Forbidden');
    const verdict = checkToken(req, token, cookieName());
    if (verdict === 'missing') return rejectUpgrade(socket, '401 Unauthorized');
    if (verdict === 'wrong') return rejectUpgrade(socket, '403 Forbidden');
    if (!allowedOrigins().includes(req.headers.origin ?? '')) return rejectUpgrade(socket, '403 Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws));
  });

  const attach = (ws: WebSocket) => {
    const send = (message: ServerMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    const unsubscribe = options.dispatcher.subscribe((event, payload) => send({ event, payload }));
    const closeCallbacks: (() => void)[] = [];
    const client = { onClose: (callback: () => void) => void closeCallbacks.push(callback) };
    // A malformed frame (bad UTF-8, unknown opcode, unmasked, RSV bits, an absurd length, a
    // message over maxPayload) is an 'error' on this socket: without a listener it would end the
    // whole host. The socket is dropped; every other client goes on.
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      unsubscribe();
      for (const callback of closeCallbacks.splice(0)) callback();
    });
    ws.on('message', async (data) => {
      let message: ClientMessage;
      try {
        message = JSON.parse(data.toString()) as ClientMessage;
      } catch {
        return ws.close(1003, 'malformed message');
      }
      if (typeof message !== 'object' || message === null || typeof message.id !== 'number') {
        return ws.close(1003, 'malformed message');
      }
      const reply = await options.dispatcher.handle(message.method, message.params, client);
      send({ id: message.id, ...reply } as ServerMessage);
    });
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
