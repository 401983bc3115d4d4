import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type IdeApi, type Method, type Params } from '../../app/api';
import type { FileChange } from '../../app/workspace';
import { createWorkspaceActions, useWorkspace } from './workspace-store';

// Monaco cannot run under Node; a text model here is a string with change listeners.
vi.mock('../monaco/setup', () => {
  interface FakeModel {
    getValue(): string;
    setValue(text: string): void;
    onDidChangeContent(listener: () => void): { dispose(): void };
    dispose(): void;
  }
  const models = new Map<string, FakeModel>();
  return {
    createModel(path: string, text: string): FakeModel {
      let value = text;
      const listeners: (() => void)[] = [];
      const model: FakeModel = {
        getValue: () => value,
        setValue(next) {
          value = next;
          for (const l of listeners) l();
        },
        onDidChangeContent(listener) {
          listeners.push(listener);
          return { dispose() {} };
        },
        dispose() {},
      };
      models.set(path, model);
      return model;
    },
    modelFor: (path: string) => models.get(path),
    disposeModel: (path: string) => models.delete(path),
  };
});

const { modelFor } = await import('../monaco/setup');

const versionOf = (text: string) => `v(${text})`;

/**
 * A host with one file: saves are answered after a delay, one at a time in arrival order, with the
 * service's rule (the disk must hold `expectedVersion`).
 */
function fakeHost(initial: string) {
  const host = {
    disk: initial,
    writes: [] as { text: string; expectedVersion: string | null | undefined }[],
    /** Called when a save reaches the disk, before its reply (the watcher may be that fast). */
    onDiskWrite: undefined as undefined | ((text: string) => Promise<void> | void),
    api: undefined as unknown as IdeApi,
  };
  let queue: Promise<unknown> = Promise.resolve();
  host.api = {
    async call<M extends Method>(method: M, params: Params<M>) {
      const p = params as Record<string, unknown>;
      if (method === 'file.read') return { path: p.path, text: host.disk, version: versionOf(host.disk) } as never;
      if (method === 'file.write') {
        const { text, expectedVersion } = p as { text: string; expectedVersion?: string | null };
        host.writes.push({ text, expectedVersion });
        const reply = queue.then(async () => {
          await new Promise((r) => setTimeout(r, 15));
          if (expectedVersion !== undefined && expectedVersion !== versionOf(host.disk)) throw new ApiError('conflict', 'changed on disk since it was opened');
          host.disk = text;
          await host.onDiskWrite?.(text);
          return { version: versionOf(text) };
        });
        queue = reply.catch(() => undefined);
        return reply as never;
      }
      if (method === 'backup.write' || method === 'backup.discard') return {} as never;
      if (method === 'history.keep') return { location: '.stratos/history/x' } as never;
      throw new Error(`unexpected ${method}`);
    },
    onEvent: () => () => undefined,
  };
  return host;
}

const type = (path: string, text: string) => modelFor(path)!.setValue(text);
const tab = (path: string) => useWorkspace.getState().tabs.find((t) => t.path === path)!;

beforeEach(() => {
  useWorkspace.setState({ tabs: [], active: null, error: null, status: '' });
});

describe('saving', () => {
  it('two quick saves: the second is based on the version acknowledged for the first, and the later text wins', async () => {
    const host = fakeHost('v0');
    const actions = createWorkspaceActions(host.api);
    await actions.openFile('src/a.rs');
    type('src/a.rs', 'one');
    const first = actions.save('src/a.rs');
    type('src/a.rs', 'two');
    const second = actions.save('src/a.rs');
    await Promise.all([first, second]);
    expect(host.writes.map((w) => w.expectedVersion)).toEqual([versionOf('v0'), versionOf('one')]);
    expect(host.disk).toBe('two');
    expect(tab('src/a.rs')).toMatchObject({ savedVersion: versionOf('two'), dirty: false });
    expect(tab('src/a.rs').conflict).toBeUndefined();
  });

  it("the watcher's event for our own save, arriving before the reply, is not taken for a change behind the editor", async () => {
    const host = fakeHost('v0');
    const actions = createWorkspaceActions(host.api);
    await actions.openFile('src/a.rs');
    const events: Promise<void>[] = [];
    host.onDiskWrite = (text) => {
      events.push(actions.onFileChanged({ path: 'src/a.rs', kind: 'changed', version: versionOf(text) } satisfies FileChange));
    };
    type('src/a.rs', 'one');
    await actions.save('src/a.rs');
    await Promise.all(events);
    expect(tab('src/a.rs')).toMatchObject({ savedVersion: versionOf('one'), dirty: false });
    expect(tab('src/a.rs').conflict).toBeUndefined();
  });

  it('a change made on disk behind the editor still stops the save with a conflict', async () => {
    const host = fakeHost('v0');
    const actions = createWorkspaceActions(host.api);
    await actions.openFile('src/a.rs');
    host.disk = 'edited elsewhere';
    type('src/a.rs', 'mine');
    await actions.save('src/a.rs');
    expect(host.disk).toBe('edited elsewhere');
    expect(tab('src/a.rs').conflict).toMatchObject({ kind: 'changed', diskText: 'edited elsewhere' });
  });
});

describe('opening', () => {
  it('opening a file again while its first read is in flight makes one tab and no edit', async () => {
    const host = fakeHost('v0');
    const edits: string[] = [];
    const actions = createWorkspaceActions(host.api, { onEdit: (path) => edits.push(path) });
    await Promise.all([actions.openFile('src/a.rs'), actions.openFile('src/a.rs'), actions.openFile('src/a.rs')]);
    expect(useWorkspace.getState().tabs.map((t) => t.path)).toEqual(['src/a.rs']);
    expect(useWorkspace.getState().active).toBe('src/a.rs');
    expect(tab('src/a.rs').dirty).toBe(false);
    expect(edits).toEqual([]);
  });
});

describe('library files', () => {
  it('open read-only through library.read, and a save writes nothing', async () => {
    const host = fakeHost('v0');
    const calls: string[] = [];
    const api: IdeApi = {
      ...host.api,
      async call<M extends Method>(method: M, params: Params<M>) {
        calls.push(method);
        if (method === 'library.read') return { path: (params as { path: string }).path, text: 'pub struct PPtr;' } as never;
        return host.api.call(method, params);
      },
    };
    const actions = createWorkspaceActions(api);
    await actions.openFile('<vstd>/simple_pptr.rs');
    expect(tab('<vstd>/simple_pptr.rs')).toMatchObject({ readOnly: true, dirty: false, savedVersion: null });
    expect(calls).toEqual(['library.read']);
    await actions.save('<vstd>/simple_pptr.rs');
    expect(host.writes).toEqual([]);
    expect(calls).toEqual(['library.read']);
    expect(actions.dirtyBuffers()).toEqual([]);
  });
});
