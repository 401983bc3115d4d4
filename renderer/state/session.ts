// The editor session (open tabs, the active one, each tab's cursor) saved in the workspace's
// settings as it changes and restored after a reload, as VS Code restores its editors.
import type { IdeApi } from '../../app/api';
import type { EditorSession } from '../../app/boot-session';
import type { FileNode } from '../../app/workspace';
import type { Span } from '../../app/verification';
import { useCursor } from './cursor-store';
import { useWorkspace, type WorkspaceActions } from './workspace-store';

const SAVE_AFTER_MS = 500;

function filesOf(node: FileNode | null, out = new Set<string>()): Set<string> {
  if (!node) return out;
  if (node.kind === 'file') out.add(node.path);
  for (const c of node.children ?? []) filesOf(c, out);
  return out;
}

/** Opens the saved tabs that still exist, activates the saved one and puts its cursor back. */
export async function restoreSession(session: EditorSession | undefined, workspace: WorkspaceActions, goTo: (file: string, span: Span, how: { cursor: true }) => Promise<void>): Promise<void> {
  if (!session) return;
  const present = filesOf(useWorkspace.getState().tree);
  for (const path of session.tabs) if (present.has(path)) await workspace.openFile(path);
  const active = session.active && present.has(session.active) ? session.active : null;
  if (!active) return;
  const at = session.cursors[active] ?? { line: 1, column: 1 };
  await goTo(active, { start: at, end: at }, { cursor: true });
}

/** Saves the session whenever tabs, the active tab or a cursor change (debounced). */
export function persistSession(api: IdeApi, initial: EditorSession | undefined): () => void {
  const cursors: EditorSession['cursors'] = { ...(initial?.cursors ?? {}) };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const { tabs, active } = useWorkspace.getState();
      const paths = tabs.map((t) => t.path).slice(0, 100);
      for (const p of Object.keys(cursors)) if (!paths.includes(p)) delete cursors[p];
      void api.call('settings.set', { session: { tabs: paths, active, cursors: { ...cursors } } }).catch(() => undefined);
    }, SAVE_AFTER_MS);
  };
  const offTabs = useWorkspace.subscribe((s, prev) => {
    if (s.tabs.length !== prev.tabs.length || s.tabs.some((t, i) => t.path !== prev.tabs[i]?.path) || s.active !== prev.active) save();
  });
  const offCursor = useCursor.subscribe((c) => {
    if (!c.file) return;
    cursors[c.file] = { line: c.line, column: c.column };
    save();
  });
  return () => {
    clearTimeout(timer);
    offTabs();
    offCursor();
  };
}
