// The renderer's workspace state: the file tree, the open tabs and what each knows about the
// disk. Text lives in Monaco models (../monaco/setup); this store holds what React renders.
// Rules: a save names the disk version it is based on, so a change behind the editor is never
// overwritten silently; saves of one file go out one at a time, each based on the version the
// host acknowledged for the previous one (two quick saves never share a base, and a reply never
// moves a tab's version back); unsaved text is backed up while typing (hot exit); on a conflict the
// side the user drops is kept in .stratos/history.
import { create } from 'zustand';
import { ApiError, type IdeApi } from '../../app/api';
import type { FileChange, FileNode, WorkspaceInfo } from '../../app/workspace';
import { isLibraryPath } from '../../app/library';
import { createModel, disposeModel, modelFor } from '../monaco/setup';

export interface Conflict {
  kind: 'changed' | 'removed';
  /** Disk text when the conflict was seen ('changed' only). */
  diskText?: string;
  diskVersion?: string;
}

export interface Tab {
  path: string;
  /** Disk version the buffer is based on; null for a file that is not (or no longer) on disk. */
  savedVersion: string | null;
  dirty: boolean;
  conflict?: Conflict;
  /** A file of the verifier's library (app/library.ts): shown, never edited or saved. */
  readOnly?: true;
}

export type BottomTab = 'problems' | 'console' | 'dashboard';

export interface WorkspaceState {
  info: WorkspaceInfo | null;
  tree: FileNode | null;
  tabs: Tab[];
  active: string | null;
  bottomTab: BottomTab;
  /** One line for the status bar: the last thing that happened. */
  status: string;
  error: string | null;
}

const BACKUP_DELAY_MS = 300;

export const useWorkspace = create<WorkspaceState>(() => ({
  info: null,
  tree: null,
  tabs: [],
  active: null,
  bottomTab: 'problems',
  status: 'Starting…',
  error: null,
}));

const set = useWorkspace.setState;
const get = useWorkspace.getState;

function updateTab(path: string, patch: Partial<Tab> | ((tab: Tab) => Partial<Tab>)): void {
  set((s) => ({ tabs: s.tabs.map((t) => (t.path === path ? { ...t, ...(typeof patch === 'function' ? patch(t) : patch) } : t)) }));
}

function tabOf(path: string): Tab | undefined {
  return get().tabs.find((t) => t.path === path);
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export interface WorkspaceHooks {
  /** Every change of a buffer's text by the user (typing, undo, paste). */
  onEdit?(path: string): void;
  /** After a successful save. */
  onSaved?(path: string): void;
}

export function createWorkspaceActions(api: IdeApi, hooks: WorkspaceHooks = {}) {
  const backupTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Text of each model when it was last known to equal the disk (to spot undo back to clean). */
  const cleanText = new Map<string, string>();
  let treeTimer: ReturnType<typeof setTimeout> | undefined;
  /** The last save queued for each path; the next one starts when it has settled. */
  const saveQueues = new Map<string, Promise<void>>();
  /** Set while the store itself rewrites a model, so that is not taken for typing. */
  let applying = false;

  const refreshTree = async () => {
    try {
      set({ tree: await api.call('workspace.tree', {}) });
    } catch (e) {
      set({ error: `Cannot list the workspace: ${describe(e)}` });
    }
  };

  const attachModel = (path: string, text: string) => {
    const model = createModel(path, text);
    model.onDidChangeContent(() => {
      if (applying) return;
      const dirty = model.getValue() !== cleanText.get(path);
      updateTab(path, { dirty });
      scheduleBackup(path);
      hooks.onEdit?.(path);
    });
    return model;
  };

  const setModelText = (path: string, text: string) => {
    const model = modelFor(path);
    if (!model) return;
    applying = true;
    try {
      model.setValue(text);
    } finally {
      applying = false;
    }
  };

  const scheduleBackup = (path: string) => {
    clearTimeout(backupTimers.get(path));
    backupTimers.set(
      path,
      setTimeout(() => {
        backupTimers.delete(path);
        void backupNow(path);
      }, BACKUP_DELAY_MS),
    );
  };

  const backupNow = async (path: string) => {
    const tab = tabOf(path);
    const model = modelFor(path);
    if (!tab || !model) return;
    try {
      if (tab.dirty) await api.call('backup.write', { path, text: model.getValue(), baseVersion: tab.savedVersion });
      else await api.call('backup.discard', { path });
    } catch (e) {
      set({ error: `Backup of ${path} failed: ${describe(e)}` });
    }
  };

  /** Files whose `file.read` for a new tab is in flight. */
  const opening = new Map<string, Promise<void>>();

  const openTab = (tab: Tab, text: string, clean: string) => {
    cleanText.set(tab.path, clean);
    attachModel(tab.path, text);
    set((s) => ({ tabs: [...s.tabs, tab], active: tab.path }));
  };

  const saveNow = async (path: string, text: string) => {
    const tab = tabOf(path);
    const model = modelFor(path);
    if (!tab || !model) return;
    if (tab.conflict) {
      set({ status: `${path} changed on disk: choose Reload or Keep mine first` });
      return;
    }
    try {
      const { version } = await api.call('file.write', { path, text, expectedVersion: tab.savedVersion });
      cleanText.set(path, text);
      updateTab(path, { savedVersion: version, dirty: model.getValue() !== text });
      clearTimeout(backupTimers.get(path));
      await api.call('backup.discard', { path });
      set({ status: `Saved ${path}`, error: null });
      hooks.onSaved?.(path);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'conflict') {
        const disk = await api.call('file.read', { path }).catch(() => null);
        updateTab(path, { conflict: disk ? { kind: 'changed', diskText: disk.text, diskVersion: disk.version } : { kind: 'removed' } });
        set({ status: `Not saved: ${describe(e)}` });
      } else {
        set({ error: `Saving ${path} failed: ${describe(e)} (your text is still in the editor and in the backup)` });
      }
    }
  };

  const onDiskChange = async (change: FileChange) => {
    if (change.kind !== 'changed') {
      clearTimeout(treeTimer);
      treeTimer = setTimeout(() => void refreshTree(), 100);
    }
    const tab = tabOf(change.path);
    if (!tab) return;
    if (change.kind === 'removed') {
      // The buffer stays open and becomes unsaved: deleting the file never deletes the text.
      if (tab.dirty) updateTab(change.path, { conflict: { kind: 'removed' } });
      else {
        cleanText.set(change.path, '');
        updateTab(change.path, { dirty: true, savedVersion: null });
        scheduleBackup(change.path);
        set({ status: `${change.path} was deleted on disk; its text is kept in the editor (save to recreate it)` });
      }
      return;
    }
    if (change.version === tab.savedVersion) return; // our own save, or no real change
    const disk = await api.call('file.read', { path: change.path }).catch(() => null);
    if (!disk || disk.version === tabOf(change.path)?.savedVersion) return;
    const current = tabOf(change.path)!;
    if (!current.dirty) {
      cleanText.set(change.path, disk.text);
      setModelText(change.path, disk.text);
      updateTab(change.path, { savedVersion: disk.version, dirty: false, conflict: undefined });
      set({ status: `Reloaded ${change.path}: it changed on disk` });
      hooks.onEdit?.(change.path);
    } else {
      updateTab(change.path, { conflict: { kind: 'changed', diskText: disk.text, diskVersion: disk.version } });
    }
  };

  const actions = {
    async init() {
      try {
        const info = await api.call('workspace.info', {});
        set({ info });
        await refreshTree();
        api.onEvent((event, payload) => {
          if (event === 'file.changed') void actions.onFileChanged(payload as FileChange);
        });
        const backups = await api.call('backup.list', {});
        for (const backup of backups) {
          let disk: { text: string; version: string } | null = null;
          try {
            disk = await api.call('file.read', { path: backup.path });
          } catch (e) {
            if (!(e instanceof ApiError && e.code === 'not-found')) throw e;
          }
          const tab: Tab = { path: backup.path, savedVersion: backup.baseVersion, dirty: true };
          if (disk && disk.version !== backup.baseVersion) tab.conflict = { kind: 'changed', diskText: disk.text, diskVersion: disk.version };
          if (!disk && backup.baseVersion !== null) tab.conflict = { kind: 'removed' };
          openTab(tab, backup.text, disk?.text ?? '');
        }
        set({
          status: backups.length > 0 ? `Restored ${backups.length} unsaved buffer(s) from the last session` : `Opened ${info.name}`,
        });
      } catch (e) {
        set({ error: `Cannot reach the Stratosphere host: ${describe(e)}`, status: 'Disconnected' });
      }
    },

    /**
     * Opens a tab (or activates it). A second open of a file whose read is still in flight (F8
     * held down over a crate's failures) waits for the first: opening it twice made two tabs, and
     * the second read, written into the first one's model, counted as an edit and re-verified.
     */
    async openFile(path: string) {
      if (tabOf(path)) return set({ active: path });
      const inFlight = opening.get(path);
      if (inFlight) {
        await inFlight;
        if (tabOf(path)) set({ active: path });
        return;
      }
      // the verifier's library is read, never written: a read-only tab with no disk version
      const read: Promise<{ tab: Tab; text: string }> = isLibraryPath(path)
        ? api.call('library.read', { path }).then((file) => ({ tab: { path: file.path, savedVersion: null, dirty: false, readOnly: true }, text: file.text }))
        : api.call('file.read', { path }).then((file) => ({ tab: { path: file.path, savedVersion: file.version, dirty: false }, text: file.text }));
      const open = read.then(
        ({ tab, text }) => openTab(tab, text, text),
        (e) => set({ error: `Cannot open ${path}: ${describe(e)}` }),
      );
      opening.set(path, open);
      try {
        await open;
      } finally {
        opening.delete(path);
      }
    },

    activate(path: string) {
      set({ active: path });
    },

    closeTab(path: string) {
      const tab = tabOf(path);
      if (!tab) return;
      if (tab.dirty && !window.confirm(`${path} has unsaved changes. Close it and lose them?`)) return;
      actions.closeTabUnconditionally(path);
    },

    /** Queues a save of the buffer's text as it is now, after the saves queued before it. */
    save(path: string): Promise<void> {
      const text = modelFor(path)?.getValue();
      if (text === undefined) return Promise.resolve();
      if (tabOf(path)?.readOnly) {
        set({ status: `${path} is the verifier's library: read-only` });
        return Promise.resolve();
      }
      const previous = saveQueues.get(path) ?? Promise.resolve();
      const run = previous.catch(() => undefined).then(() => saveNow(path, text));
      saveQueues.set(path, run);
      void run
        .finally(() => {
          if (saveQueues.get(path) === run) saveQueues.delete(path);
        })
        .catch(() => undefined);
      return run;
    },

    async onFileChanged(change: FileChange) {
      // A save in flight is about to tell us its version; the event may well be that save.
      await saveQueues.get(change.path)?.catch(() => undefined);
      return onDiskChange(change);
    },

    /** "Reload": the disk wins; the buffer is kept in history. "Keep mine": the buffer wins; the disk text is kept. */
    async resolveConflict(path: string, choice: 'reload' | 'keep') {
      const tab = tabOf(path);
      const model = modelFor(path);
      if (!tab?.conflict || !model) return;
      const { conflict } = tab;
      try {
        if (choice === 'reload') {
          const { location } = await api.call('history.keep', { path, text: model.getValue() });
          if (conflict.kind === 'removed') {
            actions.closeTabUnconditionally(path);
          } else {
            cleanText.set(path, conflict.diskText ?? '');
            setModelText(path, conflict.diskText ?? '');
            updateTab(path, { savedVersion: conflict.diskVersion ?? null, dirty: false, conflict: undefined });
            await api.call('backup.discard', { path });
          }
          set({ status: `Reloaded ${path} from disk; your edits are kept in ${location}` });
        } else {
          let note = '';
          if (conflict.kind === 'changed') {
            const { location } = await api.call('history.keep', { path, text: conflict.diskText ?? '' });
            note = `; the disk version is kept in ${location}`;
          }
          updateTab(path, { savedVersion: conflict.kind === 'changed' ? (conflict.diskVersion ?? null) : null, dirty: true, conflict: undefined });
          set({ status: `Kept your version of ${path}${note}. Save to write it.` });
        }
      } catch (e) {
        set({ error: `Resolving the conflict on ${path} failed: ${describe(e)}` });
      }
    },

    closeTabUnconditionally(path: string) {
      // unsaved edits thrown away: the verifier's view of the file goes back to the disk's text
      const discarded = tabOf(path)?.dirty === true;
      clearTimeout(backupTimers.get(path));
      backupTimers.delete(path);
      void api.call('backup.discard', { path }).catch(() => undefined);
      disposeModel(path);
      cleanText.delete(path);
      set((s) => {
        const tabs = s.tabs.filter((t) => t.path !== path);
        return { tabs, active: s.active === path ? (tabs.at(-1)?.path ?? null) : s.active };
      });
      if (discarded) hooks.onEdit?.(path);
    },

    showBottomTab(tab: BottomTab) {
      set({ bottomTab: tab });
    },

    /** Unsaved buffers as the verifier should see them. */
    dirtyBuffers(): { path: string; text: string }[] {
      return get()
        .tabs.filter((t) => t.dirty)
        .flatMap((t) => {
          const model = modelFor(t.path);
          return model ? [{ path: t.path, text: model.getValue() }] : [];
        });
    },

    dismissError() {
      set({ error: null });
    },

    /** Writes pending backups now (before the page goes away). */
    flushBackups() {
      for (const path of [...backupTimers.keys()]) {
        clearTimeout(backupTimers.get(path));
        backupTimers.delete(path);
        void backupNow(path);
      }
    },
  };
  return actions;
}

export type WorkspaceActions = ReturnType<typeof createWorkspaceActions>;
