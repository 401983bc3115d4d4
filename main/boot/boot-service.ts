// Build & Boot for the IDE: builds the kernel (erase + rustc), then boots the image in QEMU,
// streaming the build log and the serial console as events.
// - One boot at a time. `start` makes its session current synchronously (before any await) and
//   stops the one it replaces; the new session runs only after the old one has ended, QEMU
//   included, so overlapping starts serialize and never run side by side. Across processes
//   (`stratos boot`, `stratos build`, another IDE) the workspace's boot and build locks
//   (toolchain/build/workspace-lock.ts) do the same: a session waits for them, saying so.
// - A session's QEMU is killed when the connection that started it closes, on Stop, on a newer
//   boot and on shutdown, so no QEMU process is ever left behind.
// - The proof gate: unless the request bypasses it ("Boot anyway") or the setting is off, a boot
//   is refused while the latest verification of the saved workspace is not all verified.
import { execFile } from 'node:child_process';
import { ApiError } from '../../app/api';
import type { BootContext } from '../../app/boot-session';
import type { BootResult, BuildResult } from '../../app/build';
import { buildKernel, type BuildOptions } from '../../toolchain/build/build';
import { acquireWorkspaceLock, LockWaitAborted, type ReleaseLock } from '../../toolchain/build/workspace-lock';
import { bootKernel, findQemu, type BootHandle, type BootOptions } from '../../toolchain/qemu/qemu';
import type { ClientContext, EventListener } from '../api/dispatcher';

const BOOT_TIMEOUT_S = 120;
/** Who holds the workspace's locks while the IDE boots (shown to a `stratos build` that waits). */
const PURPOSE = "the IDE's Build & Boot";

/** What a session runs: the real toolchain, or stand-ins in tests. */
export interface BootTools {
  build(options: BuildOptions): Promise<BuildResult>;
  boot(options: BootOptions): BootHandle;
  qemuInstalled(): boolean;
}

const REAL_TOOLS: BootTools = { build: buildKernel, boot: bootKernel, qemuInstalled: () => findQemu() !== null };

/** Why a boot may not start now (a message naming the functions), or null when it may. */
export type ProofGate = () => Promise<string | null>;

interface BootSession {
  sessionId: number;
  /** Aborted by Stop, a newer boot, or the close of the connection that started it. */
  controller: AbortController;
  handle?: BootHandle;
  /** Settles when the session has ended, its QEMU gone. */
  done: Promise<void>;
}

function run(cmd: string, args: string[], cwd: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, encoding: 'utf8', timeout: 5000 }, (err, stdout) => resolve(err ? null : stdout.trim()));
  });
}

export class BootService {
  private nextSessionId = 1;
  private current: BootSession | undefined;

  constructor(
    private readonly workspaceRoot: string,
    private readonly emit: EventListener,
    private readonly options: { gate?: ProofGate; tools?: BootTools } = {},
  ) {}

  async context(): Promise<BootContext> {
    const commit = await run('git', ['rev-parse', '--short', 'HEAD'], this.workspaceRoot);
    const status = commit === null ? null : await run('git', ['status', '--porcelain', '--', '.'], this.workspaceRoot);
    const qemu = findQemu();
    const rustc = await run('rustc', ['--version'], this.workspaceRoot);
    const missing: string[] = [];
    if (!qemu) missing.push('QEMU is not installed: apt-get install qemu-system-x86 (Debian/Ubuntu)');
    if (!rustc) missing.push('rustc is not installed: install a stable Rust toolchain (rustup.rs), or apt-get install rustc');
    return { commit, dirty: status !== null && status !== '', qemu, rustc, missing };
  }

  /**
   * Starts a boot and returns its session id at once; the session reports through events. Refused
   * (`proof-gate`) by the proof gate unless `bypassProofGate`.
   */
  async start(client?: ClientContext, request: { bypassProofGate?: true } = {}): Promise<{ sessionId: number }> {
    if (!request.bypassProofGate && this.options.gate) {
      const refusal = await this.options.gate();
      if (refusal !== null) throw new ApiError('proof-gate', refusal);
    }
    return this.begin(client);
  }

  /** Synchronous on purpose: the new session is current before anything else can run. */
  private begin(client?: ClientContext): { sessionId: number } {
    const previous = this.current;
    const session: BootSession = { sessionId: this.nextSessionId++, controller: new AbortController(), done: Promise.resolve() };
    this.current = session;
    if (previous) this.cancel(previous);
    client?.onClose(() => this.cancel(session));
    // After the one it replaces has ended (QEMU gone), and after this reply, so the renderer
    // knows the session id before its first event.
    session.done = (previous?.done ?? Promise.resolve())
      .then(() => new Promise((r) => setImmediate(r)))
      .then(() => this.execute(session))
      .finally(() => {
        if (this.current === session) this.current = undefined;
      });
    return { sessionId: session.sessionId };
  }

  private cancel(session: BootSession): void {
    session.controller.abort();
    session.handle?.kill();
  }

  private async execute(session: BootSession): Promise<void> {
    const { sessionId, controller } = session;
    const { signal } = controller;
    const tools = this.options.tools ?? REAL_TOOLS;
    const exit = (result: Partial<BootResult> & Pick<BootResult, 'reason' | 'status'>) =>
      this.emit('boot.event', {
        sessionId,
        event: {
          type: 'exit',
          result: {
            qemuExitCode: null,
            signal: null,
            durationMs: 0,
            firstOutputMs: null,
            summaryMs: null,
            summaryLine: null,
            ...result,
          },
        },
      });
    if (signal.aborted) return exit({ status: 1, reason: 'killed', message: 'stopped before the build started' });
    let release: ReleaseLock;
    try {
      release = await acquireWorkspaceLock(this.workspaceRoot, 'boot', {
        purpose: PURPOSE,
        signal,
        onWait: (holder) =>
          this.emit('build.event', { sessionId, event: { type: 'phase', phase: 'wait', message: `waiting for ${holder.purpose} (pid ${holder.pid}) to finish` } }),
      });
    } catch (e) {
      if (e instanceof LockWaitAborted) return exit({ status: 1, reason: 'killed', message: e.message });
      return exit({ status: 1, reason: 'error', message: e instanceof Error ? e.message : String(e) });
    }
    try {
      const build = await tools.build({
        workspace: this.workspaceRoot,
        signal,
        purpose: PURPOSE,
        onEvent: (event) => this.emit('build.event', { sessionId, event }),
      });
      if (signal.aborted) return exit({ status: 1, reason: 'killed', message: 'stopped before QEMU started' });
      if (!build.ok || !build.image) return exit({ status: 1, reason: 'error', message: 'the build failed: see Problems' });
      if (!tools.qemuInstalled()) return exit({ status: 1, reason: 'error', message: 'QEMU is not installed: apt-get install qemu-system-x86' });
      const handle = tools.boot({
        image: build.image,
        timeoutS: BOOT_TIMEOUT_S,
        onEvent: (event) => this.emit('boot.event', { sessionId, event }),
      });
      session.handle = handle;
      await handle.result;
    } catch (e) {
      exit({ status: 1, reason: 'error', message: e instanceof Error ? e.message : String(e) });
    } finally {
      await release();
    }
  }

  input(data: string): void {
    this.current?.handle?.write(data);
  }

  /** Stops the boot in progress (build or QEMU) and waits until it has ended, QEMU gone. */
  async stop(): Promise<void> {
    const session = this.current;
    if (!session) return;
    this.cancel(session);
    await session.done;
  }
}
