// The editor area: one Monaco editor showing the active tab's model, tabs with dirty markers,
// Ctrl+S to save, and the bar that asks what to do when a file changed on disk behind a buffer.
import { useEffect, useRef } from 'react';
import type * as Monaco from '../monaco/monaco';
import { modelFor, setupMonaco } from '../monaco/setup';
import { useWorkspace, type WorkspaceActions } from '../state/workspace-store';

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function Tabs({ actions }: { actions: WorkspaceActions }) {
  const tabs = useWorkspace((s) => s.tabs);
  const active = useWorkspace((s) => s.active);
  return (
    <div role="tablist" aria-label="Open files" className="editor-tabs">
      {tabs.map((tab) => (
        <div key={tab.path} className={`editor-tab ${tab.path === active ? 'active' : ''}`} title={tab.path}>
          <button
            role="tab"
            aria-selected={tab.path === active}
            aria-label={`${baseName(tab.path)}${tab.dirty ? ', unsaved' : ''}`}
            onClick={() => actions.activate(tab.path)}
          >
            {baseName(tab.path)}
            {tab.dirty && (
              <span className="dirty-marker" aria-hidden="true">
                {' '}●
              </span>
            )}
          </button>
          <button className="tab-close" aria-label={`Close ${baseName(tab.path)}`} onClick={() => actions.closeTab(tab.path)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

function ConflictBar({ actions }: { actions: WorkspaceActions }) {
  const tab = useWorkspace((s) => s.tabs.find((t) => t.path === s.active));
  if (!tab?.conflict) return null;
  const what = tab.conflict.kind === 'changed' ? 'changed on disk' : 'was deleted on disk';
  return (
    <div role="alertdialog" aria-label="File changed on disk" className="conflict-bar">
      <span>
        <strong>{tab.path}</strong> {what} while you have unsaved edits. Whichever you choose, the other version is
        kept in <code>.stratos/history/</code>.
      </span>
      <button onClick={() => void actions.resolveConflict(tab.path, 'reload')}>
        {tab.conflict.kind === 'changed' ? 'Reload from disk' : 'Close the buffer'}
      </button>
      <button onClick={() => void actions.resolveConflict(tab.path, 'keep')}>Keep mine</button>
    </div>
  );
}

export function EditorArea({ actions }: { actions: WorkspaceActions }) {
  const container = useRef<HTMLDivElement>(null);
  const editor = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const active = useWorkspace((s) => s.active);

  useEffect(() => {
    const monaco = setupMonaco();
    const instance = monaco.editor.create(container.current!, {
      model: null,
      theme: 'stratosphere-dark',
      automaticLayout: true,
      glyphMargin: true,
      minimap: { enabled: false },
      fontSize: 13,
      matchBrackets: 'always',
      bracketPairColorization: { enabled: true },
      ariaLabel: 'Code editor',
    });
    instance.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => {
      const path = useWorkspace.getState().active;
      if (path) void actions.save(path);
    });
    editor.current = instance;
    return () => instance.dispose();
  }, [actions]);

  useEffect(() => {
    const model = active ? (modelFor(active) ?? null) : null;
    editor.current?.setModel(model);
    if (model) editor.current?.focus();
  }, [active]);

  return (
    <section className="editor-area" aria-label="Editor">
      <Tabs actions={actions} />
      <ConflictBar actions={actions} />
      <div className="editor-host" ref={container} />
      {!active && (
        <div className="editor-empty empty">
          Open a file from the Explorer. Kernel sources are Rust with Verus specifications inside <code>verus! {'{ … }'}</code>.
        </div>
      )}
    </section>
  );
}
