// The one implementation of the app/ API, shared by both hosts. A host hands it whatever arrived
// (method name and params, untrusted); it validates, runs the toolchain, and returns a result or
// an ApiError payload. Events from the toolchain go to every subscribed host connection.
import { ApiError, type Reply, type ApiEvents, type EventName, type Method, type Params, type Result } from '../../app/api';
import { validateRequest } from '../../app/validate';
import type { WorkspaceInfo } from '../../app/workspace';
import type { WorkspaceService } from '../../toolchain/workspace/workspace-service';
import { computeStats } from '../../toolchain/stats/stats';
import { statsHistory } from '../../toolchain/stats/history';
import { readRustSources } from '../../toolchain/workspace/rust-sources';
import { workspaceSymbols } from '../../toolchain/verifier/symbols';
import { libraryFiles, libraryFor, usesLibrary } from '../../toolchain/verifier/library/load';
import { toWorkspacePath } from '../../toolchain/workspace/paths';
import { BootService } from '../boot/boot-service';
import { ProofService } from '../verification/proof-service';
import { SettingsStore } from './settings';

export type EventListener = <E extends EventName>(event: E, payload: ApiEvents[E]) => void;

/** The connection a request came on; what it starts (a QEMU boot) ends when it closes. */
export interface ClientContext {
  onClose(callback: () => void): void;
}

export interface Dispatcher {
  /** Never throws: failures come back as `{ error }`. */
  handle(method: unknown, params: unknown, client?: ClientContext): Promise<Reply>;
  subscribe(listener: EventListener): () => void;
  close(): Promise<void>;
}

type Handlers = { [M in Method]: (params: Params<M>, client?: ClientContext) => Promise<Result<M>> };

export async function createDispatcher(workspace: WorkspaceService, host: WorkspaceInfo['host']): Promise<Dispatcher> {
  const listeners = new Set<EventListener>();
  const emit: EventListener = (event, payload) => {
    for (const listener of listeners) listener(event, payload);
  };
  await workspace.watch((change) => emit('file.changed', change));
  const settings = new SettingsStore(workspace.root);
  const proofs = new ProofService(workspace, emit, { solver: async () => (await settings.get()).solver });
  const boot = new BootService(workspace.root, emit, {
    gate: async () => ((await settings.get()).proofGate ? proofs.gateRefusal() : null),
  });
  const overlay = async (buffers: { path: string; text: string }[]) =>
    new Map(buffers.map((b) => [toWorkspacePath(workspace.root, workspace.resolve(b.path)), b.text] as const));

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
    'settings.get': () => settings.get(),
    'settings.set': (patch) => settings.set(patch),
    'stats.get': async ({ buffers }) => computeStats(workspace.root, undefined, { overlay: await overlay(buffers) }),
    'library.read': async ({ path }) => {
      const text = libraryFiles().get(path);
      if (text === undefined) throw new ApiError('not-found', `${path} is not a file of the verifier's library`);
      return { path, text };
    },
    'symbols.list': async ({ buffers }) => {
      const files = await readRustSources(workspace.root);
      for (const [file, text] of await overlay(buffers)) if (file.endsWith('.rs')) files.set(file, text);
      // the library's definitions too, when the workspace's code can reach them (as the verifier reads it)
      if (usesLibrary(files)) for (const [file, text] of libraryFor(files)) files.set(file, text);
      return workspaceSymbols(files);
    },
    'stats.history': () => statsHistory(workspace.root),
    'boot.context': () => boot.context(),
    'boot.start': (params, client) => boot.start(client, params),
    'boot.stop': async () => {
      await boot.stop();
      return {};
    },
    'boot.input': async ({ data }) => {
      boot.input(data);
      return {};
    },
  };

  return {
    async handle(method, params, client) {
      try {
        const valid = validateRequest(method, params);
        const handler = handlers[method as Method] as (p: unknown, c?: ClientContext) => Promise<unknown>;
        return { result: await handler(valid, client) };
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
      await Promise.all([proofs.shutdown(), boot.stop()]);
      listeners.clear();
      await workspace.unwatch();
    },
  };
}
