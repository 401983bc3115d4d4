// The IDE API: every request the renderer can make and every event a host can push. Both hosts
// (Electron IPC, browser-mode WebSocket) carry exactly these, and validate every argument with
// the validators in ./validate before acting on it.
import type { BufferText } from './proof-session';
import type { WorkspaceSymbols } from './symbols';
import type { BootContext, BootEventMessage, BuildEventMessage, IdeSettings } from './boot-session';
import type { ProofHistory, VerifyDone, VerifyProgress, VerifyRequest, VerifyStarted } from './proof-session';
import type { CommitStats, StatsReport } from './stats';
import type { Backup, FileChange, FileContent, FileNode, WorkspaceInfo } from './workspace';

/** Requests: method name -> [params, result]. */
export interface ApiRequests {
  'workspace.info': [Record<string, never>, WorkspaceInfo];
  'workspace.tree': [Record<string, never>, FileNode];
  'file.read': [{ path: string }, FileContent];
  /**
   * Atomic, durable save (acknowledged after the fsyncs). With `expectedVersion`, refuses (error
   * code `conflict`) when the file on disk is no longer that version, so a change behind the
   * editor is never overwritten silently; `null`: the file must not exist yet. Saves to one file
   * are applied one at a time, in arrival order (docs/contracts.md, section 6).
   */
  'file.write': [{ path: string; text: string; expectedVersion?: string | null }, { version: string }];
  'backup.write': [{ path: string; text: string; baseVersion: string | null }, Record<string, never>];
  'backup.discard': [{ path: string }, Record<string, never>];
  'backup.list': [Record<string, never>, Backup[]];
  /**
   * Keeps a copy of text that a conflict resolution is about to drop (the editor's buffer on
   * "Reload", the disk's version on "Keep mine") under `.stratos/history/`, so nothing is lost.
   */
  'history.keep': [{ path: string; text: string }, { location: string }];
  /**
   * Starts a verification of the workspace as the editor sees it (unsaved buffers override the
   * disk). A newer run cancels the one in progress. `verify.started` gives the number of results
   * to come (once the front end is done), results stream as `verify.progress` events and end with
   * `verify.done`.
   */
  'verify.run': [VerifyRequest, { runId: number }];
  'verify.cancel': [Record<string, never>, Record<string, never>];
  /** Each function's solver time over its last runs (kept in `.stratos/`). */
  'verify.history': [Record<string, never>, ProofHistory];
  'settings.get': [Record<string, never>, IdeSettings];
  'settings.set': [Partial<IdeSettings>, IdeSettings];
  /** Line statistics of the workspace as the editor sees it (the same numbers as `stratos stats --json`). */
  'stats.get': [{ buffers: BufferText[] }, StatsReport];
  /** A file of the verifier's library (`<vstd>/FILE.rs`, app/library.ts), to read, never to write. */
  'library.read': [{ path: string }, { path: string; text: string }];
  /**
   * Definitions and spec fn uses in the workspace as the editor sees it (go to definition, hover,
   * references), with the library's when the workspace uses vstd.
   */
  'symbols.list': [{ buffers: BufferText[] }, WorkspaceSymbols];
  /** Totals at each commit of the workspace's git history. */
  'stats.history': [Record<string, never>, CommitStats[]];
  'boot.context': [Record<string, never>, BootContext];
  /**
   * Builds the kernel, then boots it in QEMU; progress streams as `build.event` and `boot.event`.
   * A boot in progress is stopped first (the new one starts when the old one's QEMU is gone). The
   * QEMU process belongs to the connection that started it: it is killed when that connection
   * closes (window closed, page reloaded). Refused with `proof-gate` while the proof gate is on
   * and the latest verification of the saved workspace is not all verified, unless
   * `bypassProofGate` ("Boot anyway").
   */
  'boot.start': [{ bypassProofGate?: true }, { sessionId: number }];
  'boot.stop': [Record<string, never>, Record<string, never>];
  /** Text typed into the console, sent to the kernel's serial port. */
  'boot.input': [{ data: string }, Record<string, never>];
}

/** Events pushed by the host. */
export interface ApiEvents {
  'file.changed': FileChange;
  'verify.started': VerifyStarted;
  'verify.progress': VerifyProgress;
  'verify.done': VerifyDone;
  'build.event': BuildEventMessage;
  'boot.event': BootEventMessage;
}

export type Method = keyof ApiRequests;
export type Params<M extends Method> = ApiRequests[M][0];
export type Result<M extends Method> = ApiRequests[M][1];
export type EventName = keyof ApiEvents;

/** What the renderer holds: one function to call, one to listen. */
export interface IdeApi {
  call<M extends Method>(method: M, params: Params<M>): Promise<Result<M>>;
  onEvent(listener: <E extends EventName>(event: E, payload: ApiEvents[E]) => void): () => void;
}

/** `proof-gate`: boot.start refused because the saved workspace's latest verification is not all verified. */
export type ApiErrorCode = 'invalid-argument' | 'outside-workspace' | 'not-found' | 'conflict' | 'io' | 'proof-gate' | 'internal';

/** The error every host returns, serialisable across IPC and WebSocket. */
export interface ApiErrorPayload {
  code: ApiErrorCode;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Wire messages of the WebSocket transport (Electron IPC carries the same request/response). */
export type ClientMessage = { id: number; method: string; params: unknown };
export type ServerMessage =
  | { id: number; result: unknown }
  | { id: number; error: ApiErrorPayload }
  | { event: string; payload: unknown };

/** A host's answer to one request: never a thrown error, so it crosses IPC bridges intact. */
export type Reply = { result: unknown } | { error: ApiErrorPayload };

/** What the Electron preload exposes on `window.stratos`, and nothing else. */
export interface HostBridge {
  call(method: string, params: unknown): Promise<Reply>;
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
}
