// The IDE's layout: Explorer left, editor centre, Proofs, Counterexample and Proof state right, the
// bottom panel with Problems / QEMU console / Proof dashboard (components/Workbench.tsx docks
// them), toolbar on top, status bar below.
import { useEffect, useMemo } from 'react';
import { api } from './api/client';
import { CounterexamplePanel } from './components/CounterexamplePanel';
import { EditorArea } from './components/Editor';
import { Explorer } from './components/Explorer';
import { BottomPanel, StatusBar, Toolbar } from './components/Panels';
import { ProofsPanel } from './components/ProofsPanel';
import { ProofStatePanel } from './components/ProofStatePanel';
import { Workbench } from './components/Workbench';
import { createBootActions, useBoot } from './state/boot-store';
import { createNavigation } from './state/navigation';
import { createProofActions, nextFailure, useProofs } from './state/proof-store';
import { createWorkspaceActions, useWorkspace } from './state/workspace-store';
import { focusRegion } from './state/focus-regions';
import { persistSession, restoreSession } from './state/session';

export function App() {
  const { workspace, proofs, boot, nav } = useMemo(() => {
    const proofRef: { current?: ReturnType<typeof createProofActions> } = {};
    const workspace = createWorkspaceActions(api, {
      onEdit: (path) => proofRef.current?.noteEdit(path, undefined, !useBoot.getState().settings?.verifyOnSaveOnly),
      onSaved: () => void proofRef.current?.verify('save'),
    });
    const proofs = createProofActions({ api, buffers: () => workspace.dirtyBuffers() });
    proofRef.current = proofs;
    const boot = createBootActions(api, {
      showConsole: () => workspace.showBottomTab('console'),
      trustedLines: () => api.call('stats.get', { buffers: [] }).then((r) => r.total.trusted, () => null),
      verifyWorkspace: (timeoutMs) => proofRef.current!.verifyAndWait('button', timeoutMs === undefined ? {} : { timeoutMs }),
      unsavedFiles: () => useWorkspace.getState().tabs.filter((t) => t.dirty).map((t) => t.path),
      saveAll: async () => {
        const dirty = useWorkspace.getState().tabs.filter((t) => t.dirty).map((t) => t.path);
        await Promise.all(dirty.map((p) => workspace.save(p).catch(() => undefined)));
        return useWorkspace.getState().tabs.every((t) => !t.dirty || !dirty.includes(t.path));
      },
    });
    return { workspace, proofs, boot, nav: createNavigation(workspace, proofs) };
  }, []);

  useEffect(() => {
    const unsubscribe = proofs.subscribe();
    const unsubscribeBoot = boot.subscribe();
    let stopSession = () => {};
    void workspace
      .init()
      .then(async () => {
        void proofs.verify('button');
        // the tabs and cursor of the last session, then keep them up to date
        const settings = await api.call('settings.get', {}).catch(() => null);
        await restoreSession(settings?.session, workspace, nav.goTo).catch(() => undefined);
        stopSession = persistSession(api, settings?.session);
      });
    const flush = () => workspace.flushBackups();
    const shortcuts = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        const path = useWorkspace.getState().active;
        if (path) void workspace.save(path);
      } else if ((e.ctrlKey || e.metaKey) && e.shiftKey && e.key.toLowerCase() === 'v') {
        e.preventDefault();
        void proofs.verify('button');
      } else if ((e.ctrlKey || e.metaKey) && e.shiftKey && e.key.toLowerCase() === 'b') {
        e.preventDefault();
        void boot.buildAndBoot();
      } else if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && /^Digit[1-6]$/.test(e.code)) {
        // Alt+1 … Alt+6: focus Explorer, editor, Proofs, Counterexample, Problems, Proof state
        e.preventDefault();
        const key = e.code.slice(5);
        // Problems lives in a tab: show it, then focus it once rendered
        if (key === '5') {
          workspace.showBottomTab('problems');
          requestAnimationFrame(() => focusRegion(key, document));
        } else focusRegion(key, document);
      }
    };
    // F8 / Shift+F8: next / previous failed obligation, from anywhere (before Monaco's own F8)
    const failures = (e: KeyboardEvent) => {
      if (e.key !== 'F8' || e.ctrlKey || e.metaKey || e.altKey) return;
      e.preventDefault();
      e.stopPropagation();
      const target = nextFailure(useProofs.getState(), e.shiftKey ? -1 : 1);
      if (target) void nav.showObligation(target.key, target.obligation, target.file, target.span);
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('keydown', shortcuts);
    window.addEventListener('keydown', failures, true);
    return () => {
      unsubscribe();
      unsubscribeBoot();
      stopSession();
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('keydown', shortcuts);
      window.removeEventListener('keydown', failures, true);
    };
  }, [workspace, proofs, boot, nav]);

  return (
    <div className="app">
      <Toolbar proofs={proofs} boot={boot} />
      <Workbench
        explorer={<Explorer onOpen={(path) => void workspace.openFile(path)} />}
        editor={<EditorArea actions={workspace} proofs={proofs} nav={nav} />}
        right={
          <div className="right-column">
            <ProofsPanel actions={proofs} nav={nav} />
            <CounterexamplePanel nav={nav} actions={proofs} />
            <ProofStatePanel nav={nav} />
          </div>
        }
        bottom={(controls) => <BottomPanel actions={workspace} nav={nav} boot={boot} api={api} {...controls} />}
      />
      <StatusBar actions={workspace} boot={boot} />
    </div>
  );
}
