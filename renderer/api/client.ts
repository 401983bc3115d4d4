// The renderer's only door to the host: the app/ API over Electron's preload bridge when it is
// there, otherwise over the browser-mode WebSocket (authenticated by the page's cookie).
import { ApiError, type ApiEvents, type EventName, type HostBridge, type IdeApi, type ServerMessage } from '../../app/api';

type Listener = <E extends EventName>(event: E, payload: ApiEvents[E]) => void;

function webSocketApi(): IdeApi {
  const listeners = new Set<Listener>();
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let socket: WebSocket | undefined;
  let ready: Promise<WebSocket> | undefined;

  const connect = (): Promise<WebSocket> => {
    if (ready) return ready;
    ready = new Promise((resolve, reject) => {
      const url = new URL('/api', window.location.href);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      const token = new URLSearchParams(window.location.search).get('token');
      if (token) url.searchParams.set('token', token);
      const ws = new WebSocket(url);
      ws.onopen = () => {
        socket = ws;
        resolve(ws);
      };
      ws.onerror = () => reject(new ApiError('io', 'cannot connect to the Stratosphere host'));
      ws.onclose = () => {
        socket = undefined;
        ready = undefined;
        for (const p of pending.values()) p.reject(new ApiError('io', 'connection to the Stratosphere host closed'));
        pending.clear();
      };
      ws.onmessage = (e) => {
        const message = JSON.parse(String(e.data)) as ServerMessage;
        if ('event' in message) {
          for (const l of listeners) l(message.event as EventName, message.payload as never);
        } else {
          const p = pending.get(message.id);
          pending.delete(message.id);
          if (!p) return;
          if ('error' in message) p.reject(new ApiError(message.error.code, message.error.message));
          else p.resolve(message.result);
        }
      };
    });
    return ready;
  };

  return {
    async call(method, params) {
      const ws = socket ?? (await connect());
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        ws.send(JSON.stringify({ id, method, params }));
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      void connect().catch(() => undefined);
      return () => listeners.delete(listener);
    },
  };
}

function bridgeApi(bridge: HostBridge): IdeApi {
  return {
    async call(method, params) {
      const reply = await bridge.call(method, params);
      if ('error' in reply) throw new ApiError(reply.error.code, reply.error.message);
      return reply.result as never;
    },
    onEvent: (listener) => bridge.onEvent((event, payload) => listener(event as EventName, payload as never)),
  };
}

export const api: IdeApi = window.stratos ? bridgeApi(window.stratos) : webSocketApi();
