// Domain types of the IDE's Build & Boot flow and its settings. Pure data.
import type { BootEvent, BuildEvent } from './build';

/**
 * Which z3 verifies: `auto` is native z3 when it is installed (on PATH), else the embedded
 * z3-solver (wasm) — the CLI's default too; `native` and `wasm` force one.
 */
export type SolverChoice = 'auto' | 'native' | 'wasm';
export const SOLVER_CHOICES: readonly SolverChoice[] = ['auto', 'native', 'wasm'];

export interface IdeSettings {
  /** Refuse to boot while any function is failed, unsupported or unverified (default on). */
  proofGate: boolean;
  /** The solver of the IDE's verification runs (default `auto`, as the CLI). */
  solver: SolverChoice;
  /** Verify as you type (default), or only when a file is saved (for large workspaces). */
  verifyOnSaveOnly: boolean;
  /** The workbench's panel sizes as last arranged (absent: the defaults). */
  layout?: WorkbenchLayout;
  /** Open tabs, the active one and each tab's cursor, restored after a reload. */
  session?: EditorSession;
}

/** Panel groups of the workbench and their panels' sizes, in percent of the group. */
export const LAYOUT_GROUPS = { outer: ['explorer', 'center'], center: ['top', 'bottom'], top: ['editor', 'right'] } as const;
export type WorkbenchLayout = { [G in keyof typeof LAYOUT_GROUPS]?: Record<string, number> };

export interface EditorSession {
  tabs: string[];
  active: string | null;
  cursors: Record<string, { line: number; column: number }>;
}

/** At most this many tabs are remembered. */
export const MAX_SESSION_TABS = 100;

export const DEFAULT_SETTINGS: IdeSettings = { proofGate: true, solver: 'auto', verifyOnSaveOnly: false };

/** What the console header says about the workspace being booted. */
export interface BootContext {
  /** Short commit id of the workspace's git HEAD, or null outside git. */
  commit: string | null;
  /** Uncommitted changes in the workspace. */
  dirty: boolean;
  /** Paths of the tools, or null when missing (with how to install them). */
  qemu: string | null;
  rustc: string | null;
  missing: string[];
}

export interface BuildEventMessage {
  sessionId: number;
  event: BuildEvent;
}

export interface BootEventMessage {
  sessionId: number;
  event: BootEvent;
}
