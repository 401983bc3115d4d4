// Build & Boot state: the session in progress, its phase, the console stream (kept outside
// React: the terminal subscribes to it), the build's diagnostics for Problems, and the proof
// gate that refuses a boot while the proofs are not all verified.
import { create } from 'zustand';
import { ApiError, type IdeApi } from '../../app/api';
import type { BootContext, BootEventMessage, BuildEventMessage, IdeSettings, SolverChoice } from '../../app/boot-session';
import type { BootResult } from '../../app/build';
import type { Diagnostic } from '../../app/verification';
import { liveStatus, useProofs, type LiveFunction } from './proof-store';

export type BootPhase = 'idle' | 'building' | 'booting' | 'running' | 'exited';

export interface BootHeader {
  commit: string | null;
  dirty: boolean;
  verified: number;
  total: number;
  trustedLines: number | null;
}

export interface GateRefusal {
  /** Functions that are not verified, with their status. */
  functions: { name: string; file: string; status: string }[];
  /** The host's own refusal (it gates on the saved workspace's latest verification), when it refused. */
  hostMessage?: string;
}

export interface BootState {
  phase: BootPhase;
  sessionId: number | null;
  header: BootHeader | null;
  result: BootResult | null;
  buildDiagnostics: Diagnostic[];
  settings: IdeSettings | null;
  gate: GateRefusal | null;
  /** Build & Boot was asked for while these files had unsaved edits (the build reads the disk). */
  unsaved: string[] | null;
}

export const useBoot = create<BootState>(() => ({
  phase: 'idle',
  sessionId: null,
  header: null,
  result: null,
  buildDiagnostics: [],
  settings: null,
  gate: null,
  unsaved: null,
}));

const set = useBoot.setState;
const get = useBoot.getState;

/** The console's byte stream: the terminal writes what arrives and replays it when it mounts. */
type ConsoleSink = (text: string) => void;
const sinks = new Set<ConsoleSink>();
let transcript = '';
const MAX_TRANSCRIPT = 2_000_000;

export function subscribeConsole(sink: ConsoleSink): () => void {
  sink(transcript);
  sinks.add(sink);
  return () => sinks.delete(sink);
}

function writeConsole(text: string): void {
  transcript = (transcript + text).slice(-MAX_TRANSCRIPT);
  for (const sink of sinks) sink(text);
}

/** Each boot starts on a clean console (ESC c resets the terminal and its scrollback). */
function clearConsole(): void {
  transcript = '';
  for (const sink of sinks) sink('\x1bc');
}

const dim = (s: string) => `\x1b[2m${s}\x1b[0m`;
const bold = (s: string) => `\x1b[1m${s}\x1b[0m`;
const red = (s: string) => `\x1b[31m${s}\x1b[0m`;
const green = (s: string) => `\x1b[32m${s}\x1b[0m`;

/** Functions that keep a boot behind the proof gate: anything not verified now. */
export function unverified(functions: Record<string, LiveFunction>): GateRefusal['functions'] {
  return Object.values(functions)
    .filter((f) => liveStatus(f) !== 'verified')
    .map((f) => ({ name: f.result.name, file: f.result.file, status: liveStatus(f) }));
}

/** The longer per-query limit the gate offers when proofs timed out (a busy machine is slower). */
export const LONG_TIMEOUT_MS = 60_000;

export interface BootHooks {
  showConsole(): void;
  trustedLines(): Promise<number | null>;
  /** Verifies the workspace (with this per-query limit, else the default), resolving when the run ends. */
  verifyWorkspace(timeoutMs?: number): Promise<unknown>;
  /** Files open with unsaved edits. */
  unsavedFiles(): string[];
  /** Saves every file with unsaved edits; false when a save failed (the reason is shown by the workspace). */
  saveAll(): Promise<boolean>;
}

export function createBootActions(api: IdeApi, hooks: BootHooks) {
  const onBuild = ({ sessionId, event }: BuildEventMessage) => {
    if (sessionId !== get().sessionId) return;
    if (event.type === 'phase') writeConsole(dim(`[build] ${event.message}`) + '\r\n');
    else if (event.type === 'diagnostic') {
      const d = event.diagnostic;
      writeConsole(red(`${d.file}:${d.span.start.line}:${d.span.start.column}: ${d.severity}: ${d.message}`) + '\r\n');
      set((s) => ({ buildDiagnostics: [...s.buildDiagnostics, d] }));
    } else {
      const r = event.result;
      set({ buildDiagnostics: r.diagnostics, phase: r.ok ? 'booting' : 'exited' });
      writeConsole(
        (r.ok ? green(`[build] ok${r.cached ? ' (unchanged, not rebuilt)' : ''} in ${r.timings.totalMs.toFixed(0)} ms`) : red('[build] failed: see Problems')) + '\r\n',
      );
    }
  };

  const onBoot = ({ sessionId, event }: BootEventMessage) => {
    if (sessionId !== get().sessionId) return;
    if (event.type === 'started') {
      set({ phase: 'running' });
      writeConsole(dim(`[qemu] ${event.command.join(' ')}`) + '\r\n');
    } else if (event.type === 'output') {
      writeConsole(event.data.replace(/\r?\n/g, '\r\n'));
    } else {
      const r = event.result;
      set({ phase: 'exited', result: r });
      const line = `[qemu] exited: kernel status ${r.status} (${r.reason})${r.summaryMs !== null ? `, summary after ${r.summaryMs.toFixed(0)} ms` : ''}, ${(r.durationMs / 1000).toFixed(2)} s${r.message ? ` — ${r.message}` : ''}`;
      writeConsole('\r\n' + (r.status === 0 ? green(line) : red(line)) + '\r\n');
    }
  };

  let lastBypass = false;
  const actions = {
    subscribe() {
      void api.call('settings.get', {}).then((settings) => set({ settings }), () => undefined);
      return api.onEvent((event, payload) => {
        if (event === 'build.event') onBuild(payload as BuildEventMessage);
        else if (event === 'boot.event') onBoot(payload as BootEventMessage);
      });
    },

    /**
     * The Build & Boot button. The build compiles the files on disk: with unsaved edits open it
     * first asks (save them all, or boot what is saved). Then the proof gate, unless `anyway`.
     */
    async buildAndBoot(anyway = false, unsavedChecked = false) {
      const unsaved = unsavedChecked ? [] : hooks.unsavedFiles();
      if (unsaved.length) {
        set({ unsaved, gate: null });
        hooks.showConsole();
        return;
      }
      set({ unsaved: null });
      const settings = get().settings ?? (await api.call('settings.get', {}));
      const proofs = useProofs.getState();
      const blocking = unverified(proofs.functions);
      const noResults = Object.keys(proofs.functions).length === 0;
      if (!anyway && settings.proofGate && (blocking.length > 0 || noResults)) {
        set({ gate: { functions: noResults ? [{ name: 'the workspace', file: '', status: 'not verified yet' }] : blocking } });
        hooks.showConsole();
        return;
      }
      set({ gate: null });
      await actions.start();
    },

    async bootAnyway(remember: boolean) {
      if (remember) set({ settings: await api.call('settings.set', { proofGate: false }) });
      set({ gate: null });
      await actions.start(true);
    },

    async setProofGate(on: boolean) {
      set({ settings: await api.call('settings.set', { proofGate: on }) });
    },

    /** Verify only on save (large workspaces) instead of as you type (a setting of the workspace). */
    async setVerifyOnSaveOnly(on: boolean) {
      set({ settings: await api.call('settings.set', { verifyOnSaveOnly: on }) });
    },

    /** The solver of the next verification runs (a setting of the workspace). */
    async setSolver(solver: SolverChoice) {
      set({ settings: await api.call('settings.set', { solver }) });
    },

    dismissGate() {
      set({ gate: null, unsaved: null });
    },

    /** "Save all and boot": the editors' text is what gets built. */
    async saveAllAndBoot() {
      set({ unsaved: null });
      if (!(await hooks.saveAll())) return;
      // the gate judges the saved text: wait for its verification (cached where unchanged)
      await hooks.verifyWorkspace();
      await actions.buildAndBoot(false, true);
    },

    /** "Boot the saved files": the build reads the disk, the unsaved edits stay in the editors. */
    async bootSaved() {
      await actions.buildAndBoot(false, true);
    },

    /**
     * The gate's "Verify with 60 s": proofs that timed out get a longer limit, then the boot goes
     * through the gate again (it boots if they are all verified now, else the gate says why not).
     */
    async verifyLongerAndBoot() {
      set({ gate: null });
      await hooks.verifyWorkspace(LONG_TIMEOUT_MS);
      await actions.buildAndBoot(false, true);
    },

    /** Starts a boot; the host applies the proof gate too unless `bypassProofGate` ("Boot anyway"). */
    async start(bypassProofGate = false) {
      lastBypass = bypassProofGate;
      hooks.showConsole();
      const proofs = Object.values(useProofs.getState().functions);
      const [context, trustedLines] = await Promise.all([api.call('boot.context', {}), hooks.trustedLines()]);
      const header: BootHeader = {
        commit: context.commit,
        dirty: context.dirty,
        verified: proofs.filter((f) => liveStatus(f) === 'verified').length,
        total: proofs.length,
        trustedLines,
      };
      set({ sessionId: null, header, buildDiagnostics: [], result: null, phase: 'building' });
      clearConsole();
      writeConsole(
          bold(`=== Build & Boot: ${header.commit ?? 'no git'}${header.dirty ? ' (uncommitted changes)' : ''}, ${header.verified}/${header.total} functions verified, trusted base ${header.trustedLines ?? '?'} lines ===`) +
          '\r\n',
      );
      for (const m of context.missing) writeConsole(red(`[missing] ${m}`) + '\r\n');
      try {
        const { sessionId } = await api.call('boot.start', bypassProofGate ? { bypassProofGate: true } : {});
        set({ sessionId });
      } catch (e) {
        if (!(e instanceof ApiError && e.code === 'proof-gate')) throw e;
        set({ phase: 'idle', gate: { functions: [], hostMessage: e.message } });
        writeConsole(red(e.message) + '\r\n');
      }
    },

    async stop() {
      await api.call('boot.stop', {});
    },

    async restart() {
      await actions.stop();
      // a restart of a boot started with "Boot anyway" is one too; any other goes through the
      // proof gate again (the proofs may have changed since that boot)
      if (lastBypass) await actions.start(true);
      else await actions.buildAndBoot(false, true);
    },

    input(data: string) {
      if (get().phase === 'running') void api.call('boot.input', { data }).catch(() => undefined);
    },
  };
  return actions;
}

export type BootActions = ReturnType<typeof createBootActions>;
