// Live proof state: each function's latest result, whether it is current, running or stale, the
// selected obligation, the run summary for the status bar, and the quantifier profile of one
// function. Results come from `verify.*` events (a run's streamed results applied in batches); an
// edit marks its file's results stale until a run that saw the edit reports.
import { create } from 'zustand';
import type { IdeApi } from '../../app/api';
import { costWarning, functionKey, type ProofHistory, type TimingSample, type VerifyDone, type VerifyProgress, type VerifyStarted } from '../../app/proof-session';
import type { Diagnostic, FunctionProfile, FunctionResult, ObligationResult } from '../../app/verification';
import type { StatusFilter } from './proof-list';

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

/** The current run's progress: results reported of the total it announced, since when. */
export interface RunProgress {
  runId: number;
  done: number;
  total: number;
  startedAt: number;
}

export interface Selection {
  key: string;
  obligation: number;
}

/** The last "Profile" run: z3's quantifier instantiations for one function. */
export interface ProfileView {
  name: string;
  file: string;
  /** The host's run id; null until the host has answered the request. */
  runId: number | null;
  phase: 'running' | 'done' | 'failed';
  /** With phase 'done': the function's verdict in the profile run and its counts. */
  status?: FunctionResult['status'];
  profile?: FunctionProfile;
  /** With phase 'failed': why there is no profile (no native z3, cancelled, ...). */
  error?: string;
}

export interface ProofState {
  functions: Record<string, LiveFunction>;
  diagnostics: Diagnostic[];
  running: boolean;
  currentRun: number | null;
  lastRun: RunSummary | null;
  selection: Selection | null;
  history: ProofHistory;
  /** The Proofs panel's text filter (name or file) and status filter. */
  filter: string;
  statusFilter: StatusFilter;
  profile: ProfileView | null;
  /** Set once the current run has announced its total (`verify.started`). */
  progress: RunProgress | null;
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
  statusFilter: 'all',
  profile: null,
  progress: null,
}));

const set = useProofs.setState;
const get = useProofs.getState;

/**
 * "Verifying k of N · about T s left": N is what the run announced once its front end was done;
 * the estimate is the mean time per result so far (shown once a few results and a second are in).
 */
export function progressText(p: RunProgress | null, now: number): string {
  if (!p) return 'Verifying…';
  const elapsed = (now - p.startedAt) / 1000;
  const left = p.done >= 3 && elapsed >= 1 && p.done < p.total ? Math.ceil(((p.total - p.done) * elapsed) / p.done) : null;
  return `Verifying ${Math.min(p.done, p.total)} of ${p.total}${left !== null ? ` · about ${left} s left` : ''}`;
}

export function liveStatus(f: LiveFunction): LiveStatus {
  if (f.running) return 'running';
  if (f.stale) return 'stale';
  return f.result.status;
}

export function failedObligations(result: FunctionResult): ObligationResult[] {
  return result.obligations.filter((o) => o.status !== 'proved');
}

/**
 * The obligations not proved, identical rows (same kind, message, place and status: e.g. one
 * precondition checked on several paths) merged into one with a count; each row keeps the index
 * of its first obligation (the one its click selects).
 */
export function mergedFailures(obligations: ObligationResult[]): { ob: ObligationResult; index: number; count: number }[] {
  const rows: { ob: ObligationResult; index: number; count: number }[] = [];
  const byKey = new Map<string, { ob: ObligationResult; index: number; count: number }>();
  obligations.forEach((ob, index) => {
    if (ob.status === 'proved') return;
    const key = `${ob.kind}\0${ob.message}\0${ob.span.start.line}:${ob.span.start.column}\0${ob.status}`;
    const row = byKey.get(key);
    if (row) row.count++;
    else {
      const fresh = { ob, index, count: 1 };
      byKey.set(key, fresh);
      rows.push(fresh);
    }
  });
  return rows;
}

export interface FileBadge {
  state: 'verified' | 'failed' | 'running';
  verified: number;
  failed: number;
}

/** Every file's badge, computed once per `functions` object (each Explorer row reads its own). */
const badgesOf = new WeakMap<Record<string, LiveFunction>, Map<string, FileBadge>>();

/**
 * A file's badge in the Explorer: `failed` when any of its functions is not verified (failed,
 * timeout, error), else `running` while any is running or stale, else `verified`; null for a
 * file with no results.
 */
export function fileProofBadge(functions: Record<string, LiveFunction>, file: string): FileBadge | null {
  let badges = badgesOf.get(functions);
  if (!badges) {
    const tally = new Map<string, { verified: number; failed: number; running: number }>();
    for (const f of Object.values(functions)) {
      let t = tally.get(f.result.file);
      if (!t) tally.set(f.result.file, (t = { verified: 0, failed: 0, running: 0 }));
      const st = liveStatus(f);
      if (st === 'running' || st === 'stale') t.running++;
      else if (st === 'verified') t.verified++;
      else if (st !== 'unsupported') t.failed++;
    }
    badges = new Map();
    for (const [path, t] of tally) badges.set(path, { state: t.failed ? 'failed' : t.running ? 'running' : 'verified', verified: t.verified, failed: t.failed });
    badgesOf.set(functions, badges);
  }
  return badges.get(file) ?? null;
}

/**
 * F8 / Shift+F8, as in VS Code: the failed obligation after (or before) the selected one, over all
 * files in order of file, line and column, wrapping around; null when nothing failed.
 */
export function nextFailure(state: Pick<ProofState, 'functions' | 'selection'>, direction: 1 | -1): { key: string; obligation: number; file: string; span: ObligationResult['span'] } | null {
  const all: { key: string; obligation: number; file: string; span: ObligationResult['span'] }[] = [];
  for (const fn of Object.values(state.functions)) {
    if (fn.stale) continue;
    for (const row of mergedFailures(fn.result.obligations)) all.push({ key: fn.key, obligation: row.index, file: fn.result.file, span: row.ob.span });
  }
  if (!all.length) return null;
  all.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.span.start.line - b.span.start.line || a.span.start.column - b.span.start.column));
  const at = state.selection ? all.findIndex((x) => x.key === state.selection!.key && x.obligation === state.selection!.obligation) : -1;
  const next = at < 0 ? (direction === 1 ? 0 : all.length - 1) : (at + direction + all.length) % all.length;
  return all[next]!;
}

export function selectedObligation(state: ProofState): { fn: LiveFunction; obligation: ObligationResult } | null {
  if (!state.selection) return null;
  const fn = state.functions[state.selection.key];
  const obligation = fn?.result.obligations[state.selection.obligation];
  return fn && obligation ? { fn, obligation } : null;
}

/** A function slow enough to be worth profiling: it timed out, took 2 s or more, or has a cost warning. */
export const SLOW_MS = 2000;
export function worthProfiling(fn: LiveFunction, history: TimingSample[] | undefined): boolean {
  if (fn.result.status === 'timeout') return true;
  if (!fn.result.cached && fn.result.timeMs >= SLOW_MS) return true;
  return history !== undefined && costWarning(history) !== undefined;
}

/** The profile a finished profile run gives `view`'s function, or why it gives none. */
export function settleProfile(view: ProfileView, done: VerifyDone): ProfileView {
  const failed = (error: string): ProfileView => ({ ...view, runId: done.runId, phase: 'failed', error });
  if (done.error) return failed(done.error);
  if (done.cancelled) return failed(`Profiling ${view.name} was cancelled by a newer run (an edit, a save or Verify).`);
  const result = done.report.functions.find((f) => f.name === view.name && f.file === view.file);
  if (!result) return failed(`The profile run did not report ${view.name} in ${view.file} (renamed or removed?).`);
  // error and unsupported functions have no query, hence no counts
  if (!result.profile) return failed(`No profile: ${view.name} is ${result.status}${result.detail ? ` (${result.detail})` : ''}.`);
  return { ...view, runId: done.runId, phase: 'done', status: result.status, profile: result.profile };
}

/**
 * Streamed results are applied together, at most once per this many milliseconds: a run of a
 * large crate reports hundreds of functions within a second, and one store update (hence one
 * render of every panel that reads `functions`) per result made the renderer the bottleneck.
 */
export const RESULT_BATCH_MS = 50;

export interface ProofActionsDeps {
  api: IdeApi;
  /** The unsaved buffers to verify (path and text), from the workspace store. */
  buffers(): { path: string; text: string }[];
  /** Runs `flush` later, to apply the results received meanwhile (default: after RESULT_BATCH_MS). */
  schedule?(flush: () => void): void;
}

export function createProofActions({ api, buffers, schedule = (flush) => void setTimeout(flush, RESULT_BATCH_MS) }: ProofActionsDeps) {
  /** Edits per file: a run remembers them at its start; results are current only if unchanged. */
  const editCounter = new Map<string, number>();
  const runSnapshots = new Map<number, { edits: Map<string, number>; functionName?: string }>();
  let editTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * The newest `verify.run` request and the newest one answered (sequence numbers). Until the
   * newest is answered, the run it supersedes may still report (its cancelled `verify.done`):
   * that run is no longer the current one, although the new run's id is not known yet. Replies
   * may come in another order than the requests (the host reads the workspace for each): only
   * the newest request's reply names the current run.
   */
  let latestRequest = 0;
  let latestAnswered = 0;
  const awaitingNewest = () => latestAnswered !== latestRequest;

  const onStarted = ({ runId, total, affected }: VerifyStarted) => {
    flushResults();
    if (runId !== get().currentRun || awaitingNewest()) return;
    set((s) => {
      if (!affected) return { progress: { runId, done: 0, total, startedAt: Date.now() } };
      // only what the run re-verifies runs; every other function keeps its verdict, and is not
      // stale: nothing it depends on changed (its function key is the same)
      const again = new Set(affected);
      const edits = runSnapshots.get(runId)?.edits;
      const editedSince = (file: string) => (editCounter.get(file) ?? 0) !== (edits?.get(file) ?? 0);
      const functions: Record<string, LiveFunction> = {};
      for (const [key, f] of Object.entries(s.functions)) functions[key] = again.has(key) ? { ...f, running: true } : { ...f, running: false, stale: editedSince(f.result.file) };
      return { functions, progress: { runId, done: 0, total, startedAt: Date.now() } };
    });
  };

  /** Results received and not applied yet (each of the run that was current when it came). */
  let pending: { runId: number; fn: LiveFunction }[] = [];
  let flushScheduled = false;

  /**
   * Applies the pending results in one store update. Called by the timer, and first thing by
   * every action that reads or rewrites `functions` (a new run, an edit, a run's end), so the
   * order of events is kept as if each result had been applied when it came.
   */
  const flushResults = () => {
    if (!pending.length) return;
    const batch = pending.filter((p) => p.runId === get().currentRun);
    pending = [];
    if (!batch.length) return;
    set((s) => {
      const functions = { ...s.functions };
      for (const { fn } of batch) functions[fn.key] = fn;
      const p = s.progress;
      const progress = p && p.runId === batch[0]!.runId ? { ...p, done: p.done + batch.length } : p;
      return { functions, progress };
    });
  };

  const onProgress = ({ runId, result }: VerifyProgress) => {
    if (runId !== get().currentRun) return;
    const snapshot = runSnapshots.get(runId)?.edits;
    const stale = (editCounter.get(result.file) ?? 0) !== (snapshot?.get(result.file) ?? 0);
    const key = functionKey(result);
    pending.push({ runId, fn: { key, result, stale, running: false } });
    // a function of a file the user edited is what they wait for: shown now, not a batch later
    // (the edited files' functions come first in a run and are few)
    if (editCounter.has(result.file)) return flushResults();
    if (flushScheduled) return;
    flushScheduled = true;
    schedule(() => {
      flushScheduled = false;
      flushResults();
    });
  };

  /** Callers waiting for a run's end (`verifyAndWait`). */
  const waiters = new Map<number, (done: VerifyDone) => void>();
  /**
   * The last runs' ends, for a caller that learns its run id only after the end came (the id
   * arrives with the `verify.run` reply; a run answered from the cache can end right after it).
   */
  const ended = new Map<number, VerifyDone>();
  const ENDED_KEPT = 16;

  const onDone = (done: VerifyDone) => {
    flushResults();
    ended.set(done.runId, done);
    if (ended.size > ENDED_KEPT) ended.delete(ended.keys().next().value!);
    waiters.get(done.runId)?.(done);
    waiters.delete(done.runId);
    // before the current-run check: a profile run cancelled by a newer run is no longer current,
    // and its panel must still say why it stopped
    const profile = get().profile;
    if (profile?.phase === 'running' && profile.runId === done.runId) set({ profile: settleProfile(profile, done) });
    if (done.runId !== get().currentRun || awaitingNewest()) {
      runSnapshots.delete(done.runId);
      return;
    }
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
        for (const reported of done.report.functions) {
          const key = functionKey(reported);
          // (the proof state came with the function's verify.progress, not with verify.done)
          const state = reported.proofState ?? s.functions[key]?.result.proofState;
          const result = state ? { ...reported, proofState: state } : reported;
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
        progress: null,
        lastRun: summary,
        selection: keepSelection,
      };
    });
    void api.call('verify.history', {}).then((history) => set({ history }), () => undefined);
  };

  const actions = {
    subscribe() {
      const off = api.onEvent((event, payload) => {
        if (event === 'verify.started') onStarted(payload as VerifyStarted);
        else if (event === 'verify.progress') onProgress(payload as VerifyProgress);
        else if (event === 'verify.done') onDone(payload as VerifyDone);
      });
      void api.call('verify.history', {}).then((history) => set({ history }), () => undefined);
      return off;
    },

    /** Starts a run; returns its id, or undefined when the host refused it (then in lastRun.error). */
    async verify(reason: 'edit' | 'save' | 'button' | 'function', options: { functionName?: string; timeoutMs?: number; profile?: true } = {}): Promise<number | undefined> {
      clearTimeout(editTimer);
      flushResults();
      const snapshot = new Map(editCounter);
      set((s) => {
        const functions: Record<string, LiveFunction> = {};
        // an edit's or a save's run says which functions it re-verifies (verify.started): until
        // then every verdict stays as it is; an explicit run marks what it asked for
        const explicit = reason === 'button' || reason === 'function';
        for (const [key, f] of Object.entries(s.functions)) {
          const included = explicit && (!options.functionName || f.result.name === options.functionName);
          functions[key] = included ? { ...f, running: true } : f;
        }
        // the run in progress (if any) is superseded from now on, not from the host's reply
        return { functions, running: true, currentRun: null, progress: null };
      });
      const seq = ++latestRequest;
      try {
        const { runId } = await api.call('verify.run', { buffers: buffers(), reason, ...options });
        runSnapshots.set(runId, { edits: snapshot, functionName: options.functionName });
        // a newer request made after this one owns the status (whenever its reply comes)
        if (seq === latestRequest) {
          latestAnswered = seq;
          set({ currentRun: runId });
        }
        return runId;
      } catch (e) {
        if (seq === latestRequest) {
          latestAnswered = seq;
          set({ running: false, lastRun: { runId: -1, verified: 0, total: 0, solverMs: 0, wallMs: 0, cacheHits: 0, cancelled: false, error: e instanceof Error ? e.message : String(e) } });
        }
        return undefined;
      }
    },

    /** Starts a run and waits for its end: its `verify.done`, or undefined when the host refused it. */
    async verifyAndWait(reason: 'edit' | 'save' | 'button' | 'function', options: { functionName?: string; timeoutMs?: number } = {}): Promise<VerifyDone | undefined> {
      let resolveDone!: (d: VerifyDone) => void;
      const endedRun = new Promise<VerifyDone>((r) => (resolveDone = r));
      const runId = await actions.verify(reason, options);
      if (runId === undefined) return undefined;
      const already = ended.get(runId);
      if (already) return already;
      waiters.set(runId, resolveDone);
      return endedRun;
    },

    /**
     * Re-verifies one function with z3's quantifier-instantiation profile; the counts land in
     * `profile`. Uses the timeout of the function's last run, so the profile shows what made
     * that run slow.
     */
    async profile(fn: { name: string; file: string }) {
      const timeoutMs = get().history[functionKey(fn)]?.at(-1)?.timeoutMs;
      const view: ProfileView = { name: fn.name, file: fn.file, runId: null, phase: 'running' };
      set({ profile: view });
      const runId = await actions.verify('function', { functionName: fn.name, timeoutMs, profile: true });
      // another Profile click while this request was in flight owns the panel now
      if (get().profile !== view) return;
      if (runId === undefined) set({ profile: { ...view, phase: 'failed', error: get().lastRun?.error ?? 'The host refused the profile run.' } });
      else set({ profile: { ...view, runId } });
    },

    /**
     * Called on every keystroke in a file: marks its results stale and re-verifies after a short
     * pause. The pause is short because a newer run cancels the older one at once (its solver
     * workers freed, its unchanged queries served from the cache).
     */
    noteEdit(path: string, debounceMs = 150, verify = true) {
      flushResults();
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
      // "verify on save only": the edit marks results stale; the save verifies
      if (!path.endsWith('.rs') || !verify) return;
      clearTimeout(editTimer);
      editTimer = setTimeout(() => void actions.verify('edit'), debounceMs);
    },

    closeProfile() {
      set({ profile: null });
    },

    select(selection: Selection | null) {
      set({ selection });
    },

    setFilter(filter: string) {
      set({ filter });
    },

    setStatusFilter(statusFilter: StatusFilter) {
      set({ statusFilter });
    },

    /** Applies the results received so far now (the timer would a little later). */
    flushResults,
  };
  return actions;
}

export type ProofActions = ReturnType<typeof createProofActions>;
