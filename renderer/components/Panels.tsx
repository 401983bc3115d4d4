// The panels later issues fill (Proofs, Counterexample, Problems, QEMU console, Proof dashboard),
// each a named region with an empty state that says what will appear there.
import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Navigation } from '../state/navigation';
import { progressText, useProofs, type ProofActions } from '../state/proof-store';
import { useWorkspace, type BottomTab, type WorkspaceActions } from '../state/workspace-store';
import type { IdeApi } from '../../app/api';
import { useBoot, type BootActions } from '../state/boot-store';
import type { SolverChoice } from '../../app/boot-session';
import { Dashboard } from './Dashboard';
import { FOCUS_HINT } from '../state/focus-regions';
import { ProblemsPanel } from './ProblemsPanel';
import { QemuConsole } from './QemuConsole';

const bottomTabs: { id: BottomTab; label: string; empty: ReactNode }[] = [
  { id: 'problems', label: 'Problems', empty: 'Parse errors, type errors and failed proof obligations will be listed here.' },
  { id: 'console', label: 'QEMU console', empty: "The kernel's serial console appears here when you Build & Boot." },
  { id: 'dashboard', label: 'Proof dashboard', empty: 'Lines of exec, spec, proof and trusted code per module, and the proof-to-code ratio, will appear here.' },
];

export function BottomPanel({ actions, nav, boot, api, maximized, toggleMaximized }: { actions: WorkspaceActions; nav: Navigation; boot: BootActions; api: IdeApi; maximized: boolean; toggleMaximized: () => void }) {
  const current = useWorkspace((s) => s.bottomTab);
  return (
    <section className="bottom-panel" aria-label="Panels">
      <div role="tablist" aria-label="Panels" className="bottom-tabs">
        {bottomTabs.map((t) => (
          <button
            key={t.id}
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={current === t.id}
            aria-controls={`panel-${t.id}`}
            onClick={() => actions.showBottomTab(t.id)}
          >
            {t.label}
          </button>
        ))}
        <button className="panel-maximize" aria-label={maximized ? 'Restore panel' : 'Maximize panel'} aria-pressed={maximized} title={maximized ? 'Back to the docked size' : 'Use the whole window (the dashboard, a long console)'} onClick={toggleMaximized}>
          {maximized ? '🗗' : '🗖'}
        </button>
      </div>
      {bottomTabs.map((t) => (
        <div
          key={t.id}
          role="tabpanel"
          id={`panel-${t.id}`}
          aria-labelledby={`tab-${t.id}`}
          aria-label={t.label}
          hidden={current !== t.id}
          className="bottom-content"
        >
          {t.id === 'problems' ? (
            <ProblemsPanel nav={nav} />
          ) : t.id === 'console' ? (
            <QemuConsole actions={boot} />
          ) : (
            <Dashboard api={api} nav={nav} visible={current === 'dashboard'} />
          )}
        </div>
      ))}
    </section>
  );
}

export function Toolbar({ proofs, boot }: { proofs: ProofActions; boot: BootActions }) {
  const running = useProofs((s) => s.running);
  const phase = useBoot((s) => s.phase);
  const booting = phase === 'building' || phase === 'booting' || phase === 'running';
  return (
    <header className="toolbar" role="toolbar" aria-label="Main toolbar">
      <span className="brand">Stratosphere</span>
      <button onClick={() => void proofs.verify('button')} title="Verify the whole workspace now (Ctrl+Shift+V)" aria-busy={running}>
        Verify
      </button>
      <button onClick={() => void boot.buildAndBoot()} title="Build the kernel and boot it in QEMU (Ctrl+Shift+B)">
        Build &amp; Boot
      </button>
      <button onClick={() => void boot.stop()} disabled={!booting} title="Stop QEMU and everything it started">
        Stop
      </button>
    </header>
  );
}

const SOLVER_LABEL = { native: 'native z3', wasm: 'z3 wasm' } as const;

export function StatusBar({ actions, boot }: { actions: WorkspaceActions; boot: BootActions }) {
  const solverChoice = useBoot((s) => s.settings?.solver ?? 'auto');
  const saveOnly = useBoot((s) => s.settings?.verifyOnSaveOnly ?? false);
  const status = useWorkspace((s) => s.status);
  const error = useWorkspace((s) => s.error);
  const info = useWorkspace((s) => s.info);
  const dirty = useWorkspace((s) => s.tabs.filter((t) => t.dirty).length);
  const running = useProofs((s) => s.running);
  const progress = useProofs((s) => s.progress);
  const lastRun = useProofs((s) => s.lastRun);
  const counts = useProofs(
    useShallow((s) => {
      const all = Object.values(s.functions);
      return { total: all.length, verified: all.filter((f) => f.result.status === 'verified' && !f.stale && !f.running).length };
    }),
  );
  const proofText = running
    ? progressText(progress, Date.now())
    : lastRun?.error
      ? `Verification failed: ${lastRun.error}`
      : lastRun
        ? `${counts.verified}/${counts.total} verified · solver ${(lastRun.solverMs / 1000).toFixed(2)} s · ${lastRun.cacheHits}/${lastRun.total} cached${lastRun.solver ? ` · ${SOLVER_LABEL[lastRun.solver]}` : ''}`
        : 'Not verified yet';
  return (
    <footer className="status-bar" aria-label="Status bar">
      <span role="status">{status}</span>
      <span className="proof-status-text" aria-label="Verification status">
        {proofText}
      </span>
      {error && (
        <span role="alert" className="status-error">
          {error}{' '}
          <button aria-label="Dismiss error" onClick={actions.dismissError}>
            ×
          </button>
        </span>
      )}
      <label className="solver-choice" title="For large workspaces: edits mark results stale, saving verifies">
        <input type="checkbox" checked={saveOnly} onChange={(e) => void boot.setVerifyOnSaveOnly(e.target.checked)} /> Verify on save only
      </label>
      <label className="solver-choice">
        Solver{' '}
        <select aria-label="Solver" value={solverChoice} onChange={(e) => void boot.setSolver(e.target.value as SolverChoice)} title="Which z3 verifies: auto is native z3 when installed, else the embedded wasm build">
          <option value="auto">auto</option>
          <option value="native">native z3</option>
          <option value="wasm">z3 wasm</option>
        </select>
      </label>
      <span className="status-hint" title="Keyboard: focus a region; in the editor, Ctrl+M makes Tab move focus instead of indenting">
        {FOCUS_HINT}
      </span>
      <span className="status-right">
        {dirty > 0 ? `${dirty} unsaved · ` : ''}
        {info ? `${info.name} · ${info.host === 'web' ? 'browser mode' : 'Electron'}` : ''}
      </span>
    </footer>
  );
}
