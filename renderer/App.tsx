// The IDE's layout: Explorer left, editor centre, Proofs and Counterexample right, the bottom
// panel with Problems / QEMU console / Proof dashboard, toolbar on top, status bar below.
import { useEffect, useMemo } from 'react';
import { api } from './api/client';
import { EditorArea } from './components/Editor';
import { Explorer } from './components/Explorer';
import { BottomPanel, CounterexamplePanel, ProofsPanel, StatusBar, Toolbar } from './components/Panels';
import { createWorkspaceActions, useWorkspace } from './state/workspace-store';

export function App() {
  const actions = useMemo(() => createWorkspaceActions(api), []);

  useEffect(() => {
    void actions.init();
    const flush = () => actions.flushBackups();
    const saveShortcut = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        const path = useWorkspace.getState().active;
        if (path) void actions.save(path);
      }
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('keydown', saveShortcut);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('keydown', saveShortcut);
    };
  }, [actions]);

  return (
    <div className="app">
      <Toolbar />
      <Explorer onOpen={(path) => void actions.openFile(path)} />
      <EditorArea actions={actions} />
      <div className="right-column">
        <ProofsPanel />
        <CounterexamplePanel />
      </div>
      <BottomPanel actions={actions} />
      <StatusBar actions={actions} />
    </div>
  );
}
