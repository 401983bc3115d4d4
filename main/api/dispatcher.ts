// The one implementation of the app/ API, shared by both hosts. A host hands it whatever arrived
// (method name and params, untrusted); it validates, runs the toolchain, and returns a result or
// an ApiError payload. Events from the toolchain go to every subscribed host connection.
import { ApiError, type Reply, type ApiEvents, type EventName, type Method, type Params, type Result } from '../../app/api';
import { validateRequest } from '../../app/validate';
import type { WorkspaceInfo } from '../../app/workspace';
import type { WorkspaceService } from '../../toolchain/workspace/workspace-service';
import { ProofService } from '../verification/proof-service';

export type EventListener = <E extends EventName>(event: E, payload: ApiEvents[E]) => void;

export interface Dispatcher {
  /** Never throws: failures come back as `{ error }`. */
  handle(method: unknown, params: unknown): Promise<Reply>;
  subscribe(listener: EventListener): () => void;
  close(): Promise<void>;
}

type Handlers = { [M in Method]: (params: Params<M>) => Promise<Result<M>> };

export async function createDispatcher(workspace: WorkspaceService, host: WorkspaceInfo['host']): Promise<Dispatcher> {
  const listeners = new Set<EventListener>();
  const emit: EventListener = (event, payload) => {
    for (const listener of listeners) listener(event, payload);
  };
  await workspace.watch((change) => emit('file.changed', change));
  const proofs = new ProofService(workspace, emit);

  const handlers: Handlers = {
    'workspace.info': async () => ({ name: workspace.name, root: workspace.root, host }),
    'workspace.tree': () => workspace.tree(),
    'file.read': ({ path }) => workspace.read(path),
    'file.write': ({ path, text, expectedVersion }) => workspace.write(path, text, expectedVersion),
    'backup.write': async ({ path, text, baseVersion }) => {
      await workspace.writeBackup(path, text, baseVersion);
      return {};
    },
    'backup.discard': async ({ path }) => {
      await workspace.discardBackup(path);
      return {};
    },
    'backup.list': () => workspace.listBackups(),
    'history.keep': ({ path, text }) => workspace.keepInHistory(path, text),
    'verify.run': (request) => proofs.run(request),
    'verify.cancel': async () => {
      proofs.cancel();
      return {};
    },
    'verify.history': () => proofs.getHistory(),
  };

  return {
    async handle(method, params) {
      try {
        const valid = validateRequest(method, params);
        const handler = handlers[method as Method] as (p: unknown) => Promise<unknown>;
        return { result: await handler(valid) };
      } catch (e) {
        if (e instanceof ApiError) return { error: { code: e.code, message: e.message } };
        return { error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await proofs.shutdown();
      listeners.clear();
      await workspace.unwatch();
    },
  };
}
