// Domain types of `stratos build` / `stratos boot` and of the IDE's Build & Boot flow (QEMU
// console). Pure data plus one pure function (the QEMU exit-code mapping); no Node imports.

import type { Diagnostic } from './verification';

/** `wait`: another build of the workspace (another process, or the IDE) holds its build lock. */
export type BuildPhase = 'wait' | 'erase' | 'compile' | 'check';

export interface BuildTimings {
  eraseMs: number;
  compileMs: number;
  totalMs: number;
}

export interface BuildResult {
  ok: boolean;
  /** Absolute path of the bootable ELF image, when the build succeeded. */
  image: string | null;
  /** True when nothing changed since the last successful build (rustc was not run). */
  cached: boolean;
  /** Erase and rustc diagnostics, spans in the original (annotated) source, workspace-relative files. */
  diagnostics: Diagnostic[];
  timings: BuildTimings;
  /** Number of source files erased. */
  files: number;
}

export type BuildEvent =
  | { type: 'phase'; phase: BuildPhase; message: string }
  | { type: 'diagnostic'; diagnostic: Diagnostic }
  | { type: 'done'; result: BuildResult };

/** Why a boot ended. */
export type BootReason =
  | 'success' // the kernel wrote the success code to isa-debug-exit
  | 'failure' // the kernel wrote another code
  | 'no-status' // QEMU exited 0: triple fault / reset under -no-reboot, never a success
  | 'timeout'
  | 'killed' // stopped by the user (kill()) or by a signal
  | 'error'; // QEMU could not be started

export interface BootResult {
  /** The kernel's own status: 0 only for the success code. */
  status: number;
  reason: BootReason;
  /** QEMU's raw exit code (null when killed by a signal). */
  qemuExitCode: number | null;
  signal: string | null;
  durationMs: number;
  /** ms from QEMU start to the first serial byte / to the summary line. */
  firstOutputMs: number | null;
  summaryMs: number | null;
  /** The kernel's final `NIMBUS: ...` verdict line, if it printed one. */
  summaryLine: string | null;
  message?: string;
}

export type BootEvent =
  | { type: 'started'; pid: number | null; command: string[] }
  | { type: 'output'; data: string }
  | { type: 'exit'; result: BootResult };

/** The value the kernel writes to port 0xf4 for success: QEMU exits with (v << 1) | 1 = 33. */
export const KERNEL_SUCCESS_CODE = 0x10;
export const QEMU_SUCCESS_EXIT = (KERNEL_SUCCESS_CODE << 1) | 1;

/** A line starting with this is the kernel's verdict. */
export const SUMMARY_PREFIX = 'NIMBUS: ';
export const SUMMARY_PATTERN = /^NIMBUS: (all tests passed|FAILED)\b.*$/m;

/**
 * Map QEMU's exit code to the kernel's status. 33 (success code 0x10) is the only 0; QEMU's own 0
 * (a triple fault under -no-reboot) is never success; another isa-debug-exit value v gives
 * (v - 0x10) or 1 when that is not positive.
 */
export function kernelStatusFromQemu(code: number): { status: number; reason: BootReason } {
  if (code === QEMU_SUCCESS_EXIT) return { status: 0, reason: 'success' };
  if (code === 0) return { status: 3, reason: 'no-status' };
  if ((code & 1) === 1) {
    const v = code >> 1;
    return { status: v > KERNEL_SUCCESS_CODE ? v - KERNEL_SUCCESS_CODE : 1, reason: 'failure' };
  }
  return { status: code, reason: 'failure' };
}
