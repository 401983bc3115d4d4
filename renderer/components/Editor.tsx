// The editor area: one Monaco editor showing the active tab's model, tabs with dirty markers,
// Ctrl+S to save, and the bar that asks what to do when a file changed on disk behind a buffer.
import { useEffect, useRef } from 'react';
import type * as Monaco from '../monaco/monaco';
import { setEditor } from '../monaco/editor-ref';
import { renderBuildMarkers, renderProofs } from '../monaco/proof-decorations';
import { useBoot } from '../state/boot-store';
import { modelFor, setupMonaco } from '../monaco/setup';
import type { Navigation } from '../state/navigation';
import { failedObligations, liveStatus, useProofs, type LiveFunction, type ProofActions } from '../state/proof-store';
import { useWorkspace, type WorkspaceActions } from '../state/workspace-store';
import { useCursor } from '../state/cursor-store';
import { functionAt as functionIn } from '../state/proof-state-view';
import { registerLanguageFeatures } from '../monaco/language-features';
import { api } from '../api/client';

function pathOfModel(model: Monaco.editor.ITextModel | null): string | null {
  return model ? model.uri.path.replace(/^\//, '') : null;
}

function functionAt(path: string, line: number): LiveFunction | undefined {
  return functionIn(useProofs.getState().functions, path, line);
}

/** Asks for a timeout in seconds; undefined when cancelled or invalid. */
function askTimeoutMs(name: string): number | undefined {
  const answer = window.prompt(`Timeout for ${name}, in seconds (0.1 to 600):`, '30');
  const seconds = Number(answer);
  if (!answer || !Number.isFinite(seconds) || seconds < 0.1 || seconds > 600) return undefined;
  return Math.round(seconds * 1000);
}

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
            aria-label={`${baseName(tab.path)}${tab.dirty ? ', unsaved' : ''}${tab.readOnly ? ', read-only' : ''}`}
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

export function EditorArea({ actions, proofs, nav }: { actions: WorkspaceActions; proofs: ProofActions; nav: Navigation }) {
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
    setEditor(instance);

    // Proof results in the editor: markers, gutter glyphs, the failing path, inline values.
    const decorations = instance.createDecorationsCollection();
    const redraw = () => {
      const ws = useWorkspace.getState();
      renderProofs(decorations, useProofs.getState(), ws.tabs.map((t) => t.path), pathOfModel(instance.getModel()));
      renderBuildMarkers(useBoot.getState().buildDiagnostics, ws.tabs.map((t) => t.path));
    };
    const unsubscribeProofs = useProofs.subscribe(redraw);
    const unsubscribeBoot = useBoot.subscribe((s, prev) => {
      if (s.buildDiagnostics !== prev.buildDiagnostics) redraw();
    });
    const unsubscribeTabs = useWorkspace.subscribe((s, prev) => {
      if (s.tabs !== prev.tabs || s.active !== prev.active) redraw();
    });
    const modelListener = instance.onDidChangeModel(redraw);
    // go to definition, hover, find references
    const languageFeatures = registerLanguageFeatures(monaco, { api, buffers: () => actions.dirtyBuffers(), goTo: (file, span) => nav.goTo(file, span) });
    // the Proof state panel follows the cursor
    const followCursor = () => useCursor.setState({ file: pathOfModel(instance.getModel()), line: instance.getPosition()?.lineNumber ?? 1, column: instance.getPosition()?.column ?? 1 });
    const cursorListener = instance.onDidChangeCursorPosition(followCursor);
    const cursorModelListener = instance.onDidChangeModel(followCursor);

    // A click on a function's gutter glyph shows its first failed obligation.
    const mouseListener = instance.onMouseDown((e) => {
      if (e.target.type !== monaco.editor.MouseTargetType.GUTTER_GLYPH_MARGIN || !e.target.position) return;
      const path = pathOfModel(instance.getModel());
      const fn = path ? functionAt(path, e.target.position.lineNumber) : undefined;
      if (!fn) return;
      const index = fn.result.obligations.findIndex((o) => o.status !== 'proved');
      if (index >= 0) void nav.showObligation(fn.key, index, fn.result.file, fn.result.obligations[index]!.span);
    });

    const verifyCommand = monaco.editor.registerCommand('stratos.verifyFunction', (_accessor, name: string, timeoutMs?: number) => {
      void proofs.verify('function', { functionName: name, timeoutMs });
    });
    const timeoutCommand = monaco.editor.registerCommand('stratos.verifyFunctionWithTimeout', (_accessor, name: string) => {
      const timeoutMs = askTimeoutMs(name);
      if (timeoutMs !== undefined) void proofs.verify('function', { functionName: name, timeoutMs });
    });
    const lensChanged = new monaco.Emitter<Monaco.languages.CodeLensProvider>();
    const unsubscribeLens = useProofs.subscribe((s, prev) => {
      if (s.functions !== prev.functions) lensChanged.fire(lensProvider);
    });
    const lensProvider: Monaco.languages.CodeLensProvider = {
      onDidChange: lensChanged.event,
      provideCodeLenses(model) {
        const path = pathOfModel(model);
        const lenses: Monaco.languages.CodeLens[] = [];
        for (const fn of Object.values(useProofs.getState().functions)) {
          if (fn.result.file !== path) continue;
          // a verified spec fn has nothing to say ("verified · 0 ms" on every definition is noise)
          if (fn.result.mode === 'spec' && fn.result.status === 'verified') continue;
          const range = { startLineNumber: fn.result.span.start.line, startColumn: 1, endLineNumber: fn.result.span.start.line, endColumn: 1 };
          const failed = failedObligations(fn.result).length;
          // a stale or running function keeps its lens (its height: the text does not jump), its
          // last numbers dropped
          const live = liveStatus(fn);
          const detail = fn.stale || fn.running ? '' : `${failed ? ` (${failed} failed)` : ''} · ${fn.result.timeMs.toFixed(0)} ms`;
          lenses.push({
            range,
            command: {
              id: 'stratos.verifyFunction',
              title: `${live}${detail} · Verify this function`,
              arguments: [fn.result.name],
            },
          });
          lenses.push({ range, command: { id: 'stratos.verifyFunctionWithTimeout', title: 'Verify with timeout…', arguments: [fn.result.name] } });
        }
        return { lenses, dispose() {} };
      },
    };
    const lensRegistration = monaco.languages.registerCodeLensProvider('verus-rust', lensProvider);
    const action = instance.addAction({
      id: 'stratos.verifyFunctionAtCursor',
      label: 'Verify this function',
      contextMenuGroupId: 'navigation',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyMod.Alt | monaco.KeyCode.KeyV],
      run: (ed) => {
        const path = pathOfModel(ed.getModel());
        const line = ed.getPosition()?.lineNumber;
        const fn = path && line ? functionAt(path, line) : undefined;
        if (fn) void proofs.verify('function', { functionName: fn.result.name });
        else void proofs.verify('button');
      },
    });
    const timeoutAction = instance.addAction({
      id: 'stratos.verifyFunctionAtCursorWithTimeout',
      label: 'Verify this function with timeout…',
      contextMenuGroupId: 'navigation',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyMod.Alt | monaco.KeyMod.Shift | monaco.KeyCode.KeyV],
      run: (ed) => {
        const path = pathOfModel(ed.getModel());
        const line = ed.getPosition()?.lineNumber;
        const fn = path && line ? functionAt(path, line) : undefined;
        if (!fn) return;
        const timeoutMs = askTimeoutMs(fn.result.name);
        if (timeoutMs !== undefined) void proofs.verify('function', { functionName: fn.result.name, timeoutMs });
      },
    });
    return () => {
      timeoutAction.dispose();
      unsubscribeProofs();
      unsubscribeBoot();
      unsubscribeTabs();
      unsubscribeLens();
      modelListener.dispose();
      cursorListener.dispose();
      languageFeatures.dispose();
      cursorModelListener.dispose();
      mouseListener.dispose();
      verifyCommand.dispose();
      timeoutCommand.dispose();
      lensRegistration.dispose();
      action.dispose();
      setEditor(null);
      instance.dispose();
    };
  }, [actions, proofs, nav]);

  const readOnly = useWorkspace((s) => s.tabs.find((t) => t.path === s.active)?.readOnly === true);
  useEffect(() => {
    const model = active ? (modelFor(active) ?? null) : null;
    editor.current?.setModel(model);
    editor.current?.updateOptions({ readOnly, readOnlyMessage: { value: "This is the verifier's library (vstd's API): read-only." } });
    if (model) editor.current?.focus();
  }, [active, readOnly]);

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
