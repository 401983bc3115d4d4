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
import { WebSocketServer, type ServerOptions, type WebSocket } from 'ws';
import type { ClientMessage, ServerMessage } from '../../app/api';
import type { Dispatcher } from '../api/dispatcher';
import { contentSecurityPolicy } from './csp';
import { OutboundFlow, type FlowLimits } from './outbound-flow';

export interface WebHostOptions {
  dispatcher: Dispatcher;
  /** Directory of the built renderer (index.html and assets). */
  staticDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Where the host reports a dropped client (one line each); default: stderr. */
  log?: (line: string) => void;
  /** Per-connection bounds on what waits for a slow client (outbound-flow.ts); default: its constants. */
  flowLimits?: FlowLimits;
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

/** Largest message a client may send (a save of a 64 MB file, as JSON, fits). */
export const MAX_CLIENT_MESSAGE = 128 * 1024 * 1024;
/** How long a closing connection may take to answer our close frame before it is cut. */
const CLOSE_TIMEOUT_MS = 5000;
/** How often a connection that dropped console output checks whether its client caught up. */
const DRAIN_CHECK_MS = 250;

/**
 * The close code ws sent for a protocol error (1002 protocol, 1007 bad UTF-8, 1009 too big):
 * ws keeps it on the error under a symbol it does not export.
 */
function closeCodeOf(error: Error): number | undefined {
  const key = Object.getOwnPropertySymbols(error).find((s) => s.description === 'status-code');
  const code = key === undefined ? undefined : (error as unknown as Record<symbol, unknown>)[key];
  return typeof code === 'number' ? code : undefined;
}

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

  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  // closeTimeout is a ws 8.18+ option its type declarations do not list yet
  const wssOptions: ServerOptions & { closeTimeout: number } = { noServer: true, maxPayload: MAX_CLIENT_MESSAGE, closeTimeout: CLOSE_TIMEOUT_MS };
  const wss = new WebSocketServer(wssOptions);
  const rejectUpgrade = (socket: Duplex, status: string) => {
    socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    socket.destroy();
  };
  server.on('upgrade', (req, socket, head) => {
    // node's HTTP server takes its own error listener off an upgraded socket: a reset before ws
    // owns it would otherwise be an unhandled 'error'
    socket.on('error', () => socket.destroy());
    if (!allowedHosts().includes(req.headers.host ?? '')) return rejectUpgrade(socket, '403 Forbidden');
    const verdict = checkToken(req, token, cookieName());
    if (verdict === 'missing') return rejectUpgrade(socket, '401 Unauthorized');
    if (verdict === 'wrong') return rejectUpgrade(socket, '403 Forbidden');
    if (!allowedOrigins().includes(req.headers.origin ?? '')) return rejectUpgrade(socket, '403 Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws));
  });

  const attach = (ws: WebSocket) => {
    const flow = new OutboundFlow(() => ws.bufferedAmount, options.flowLimits);
    let dropped = false;
    const drop = (why: string) => {
      if (dropped) return;
      dropped = true;
      log(`stratos: WebSocket client dropped: ${why}`);
    };
    const write = (message: ServerMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    let drainTimer: NodeJS.Timeout | undefined;
    const checkDrained = () => {
      drainTimer = undefined;
      flow.drainedNotices().forEach(write);
      if (flow.pendingDropped() > 0 && ws.readyState === ws.OPEN) drainTimer = setTimeout(checkDrained, DRAIN_CHECK_MS);
    };
    const send = (message: ServerMessage) => {
      if (ws.readyState !== ws.OPEN) return;
      const plan = flow.plan(message);
      if (plan === 'close') {
        // the client read nothing of what is queued: a close frame would queue behind it
        drop(`not reading (${ws.bufferedAmount} bytes queued)`);
        return ws.terminate();
      }
      plan.forEach(write);
      if (flow.pendingDropped() > 0 && !drainTimer) drainTimer = setTimeout(checkDrained, DRAIN_CHECK_MS);
    };
    const unsubscribe = options.dispatcher.subscribe((event, payload) => send({ event, payload }));
    const closeCallbacks: (() => void)[] = [];
    const client = { onClose: (callback: () => void) => void closeCallbacks.push(callback) };
    // A malformed frame (bad UTF-8, unknown opcode, unmasked, RSV bits, an absurd length, a
    // message over maxPayload) is an 'error' on this socket, which without a listener would end
    // the whole host. ws has already sent its close frame with the code (1002, 1007 or 1009) and
    // cuts the socket if the client does not answer it within CLOSE_TIMEOUT_MS; every other
    // client goes on. ws emits 'error' at most once per socket: one line in the log.
    ws.on('error', (error) => drop(`${error.message} (close code ${closeCodeOf(error) ?? 'none'})`));
    ws.on('close', () => {
      unsubscribe();
      clearTimeout(drainTimer);
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
