// Live proof state: each function's latest result, whether it is current, running or stale, the
// selected obligation, and the run summary for the status bar. Results come from `verify.*`
// events; an edit marks its file's results stale until a run that saw the edit reports.
import { create } from 'zustand';
import type { IdeApi } from '../../app/api';
import { functionKey, type ProofHistory, type VerifyDone, type VerifyProgress } from '../../app/proof-session';
import type { Diagnostic, FunctionResult, ObligationResult } from '../../app/verification';

export type LiveStatus = FunctionResult['status'] | 'running' | 'stale';

export interface LiveFunction {
  key: string;
  result: FunctionResult;
  /** The text of its file changed since this result was computed. */
  stale: boolean;
  /** A run that will re-check it is in progress. */
  running: boolean;
}

export interface RunSummary {
  runId: number;
  verified: number;
  total: number;
  solverMs: number;
  wallMs: number;
  cacheHits: number;
  cancelled: boolean;
  error?: string;
  /** Which z3 answered (absent when the run failed before solving). */
  solver?: 'native' | 'wasm';
}

export interface Selection {
  key: string;
  obligation: number;
}

export interface ProofState {
  functions: Record<string, LiveFunction>;
  diagnostics: Diagnostic[];
  running: boolean;
  currentRun: number | null;
  lastRun: RunSummary | null;
  selection: Selection | null;
  history: ProofHistory;
  filter: string;
}

export const useProofs = create<ProofState>(() => ({
  functions: {},
  diagnostics: [],
  running: false,
  currentRun: null,
  lastRun: null,
  selection: null,
  history: {},
  filter: '',
}));

const set = useProofs.setState;
const get = useProofs.getState;

export function liveStatus(f: LiveFunction): LiveStatus {
  if (f.running) return 'running';
  if (f.stale) return 'stale';
  return f.result.status;
}

export function failedObligations(result: FunctionResult): ObligationResult[] {
  return result.obligations.filter((o) => o.status !== 'proved');
}

export function selectedObligation(state: ProofState): { fn: LiveFunction; obligation: ObligationResult } | null {
  if (!state.selection) return null;
  const fn = state.functions[state.selection.key];
  const obligation = fn?.result.obligations[state.selection.obligation];
  return fn && obligation ? { fn, obligation } : null;
}

export interface ProofActionsDeps {
  api: IdeApi;
  /** The unsaved buffers to verify (path and text), from the workspace store. */
  buffers(): { path: string; text: string }[];
}

export function createProofActions({ api, buffers }: ProofActionsDeps) {
  /** Edits per file: a run remembers them at its start; results are current only if unchanged. */
  const editCounter = new Map<string, number>();
  const runSnapshots = new Map<number, { edits: Map<string, number>; functionName?: string }>();
  let editTimer: ReturnType<typeof setTimeout> | undefined;

  const onProgress = ({ runId, result }: VerifyProgress) => {
    if (runId !== get().currentRun) return;
    const snapshot = runSnapshots.get(runId)?.edits;
    const stale = (editCounter.get(result.file) ?? 0) !== (snapshot?.get(result.file) ?? 0);
    const key = functionKey(result);
    set((s) => ({ functions: { ...s.functions, [key]: { key, result, stale, running: false } } }));
  };

  const onDone = (done: VerifyDone) => {
    if (done.runId !== get().currentRun) return;
    const run = runSnapshots.get(done.runId);
    const snapshot = run?.edits;
    runSnapshots.delete(done.runId);
    const summary: RunSummary = {
      runId: done.runId,
      verified: done.report.summary.verified,
      total: done.report.summary.functions,
      solverMs: done.report.summary.solverMs,
      wallMs: done.report.summary.wallMs,
      cacheHits: done.cacheHits,
      cancelled: done.cancelled,
      error: done.error,
      solver: done.solver,
    };
    set((s) => {
      const functions: Record<string, LiveFunction> = {};
      if (!done.cancelled && !done.error) {
        // A whole-workspace run is the truth: functions it did not report no longer exist.
        // A one-function run only replaces that function.
        if (run?.functionName) Object.assign(functions, s.functions);
        for (const result of done.report.functions) {
          const key = functionKey(result);
          const stale = (editCounter.get(result.file) ?? 0) !== (snapshot?.get(result.file) ?? 0);
          functions[key] = { key, result, stale, running: false };
        }
      } else {
        for (const [key, f] of Object.entries(s.functions)) functions[key] = { ...f, running: false, stale: f.stale || f.running };
      }
      const keepSelection = s.selection && functions[s.selection.key] ? s.selection : null;
      return {
        functions,
        diagnostics: done.cancelled || done.error ? s.diagnostics : done.report.diagnostics,
        running: false,
        currentRun: null,
        lastRun: summary,
        selection: keepSelection,
      };
    });
    void api.call('verify.history', {}).then((history) => set({ history }), () => undefined);
  };

  const actions = {
    subscribe() {
      const off = api.onEvent((event, payload) => {
        if (event === 'verify.progress') onProgress(payload as VerifyProgress);
        else if (event === 'verify.done') onDone(payload as VerifyDone);
      });
      void api.call('verify.history', {}).then((history) => set({ history }), () => undefined);
      return off;
    },

    async verify(reason: 'edit' | 'save' | 'button' | 'function', options: { functionName?: string; timeoutMs?: number } = {}) {
      clearTimeout(editTimer);
      const snapshot = new Map(editCounter);
      set((s) => {
        const functions: Record<string, LiveFunction> = {};
        for (const [key, f] of Object.entries(s.functions)) {
          const included = !options.functionName || f.result.name === options.functionName;
          functions[key] = included ? { ...f, running: true } : f;
        }
        return { functions, running: true };
      });
      try {
        const { runId } = await api.call('verify.run', { buffers: buffers(), reason, ...options });
        runSnapshots.set(runId, { edits: snapshot, functionName: options.functionName });
        set({ currentRun: runId });
      } catch (e) {
        set({ running: false, lastRun: { runId: -1, verified: 0, total: 0, solverMs: 0, wallMs: 0, cacheHits: 0, cancelled: false, error: e instanceof Error ? e.message : String(e) } });
      }
    },

    /**
     * Called on every keystroke in a file: marks its results stale and re-verifies after a short
     * pause. The pause is short because a newer run cancels the older one at once (its solver
     * workers freed, its unchanged queries served from the cache).
     */
    noteEdit(path: string, debounceMs = 150) {
      editCounter.set(path, (editCounter.get(path) ?? 0) + 1);
      set((s) => {
        let changed = false;
        const functions = { ...s.functions };
        for (const [key, f] of Object.entries(functions)) {
          if (f.result.file === path && !f.stale) {
            functions[key] = { ...f, stale: true };
            changed = true;
          }
        }
        return changed ? { functions } : {};
      });
      if (!path.endsWith('.rs')) return;
      clearTimeout(editTimer);
      editTimer = setTimeout(() => void actions.verify('edit'), debounceMs);
    },

    select(selection: Selection | null) {
      set({ selection });
    },

    setFilter(filter: string) {
      set({ filter });
    },
  };
  return actions;
}

export type ProofActions = ReturnType<typeof createProofActions>;
