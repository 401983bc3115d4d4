// Build & Boot for the IDE: builds the kernel (erase + rustc), then boots the image in QEMU,
// streaming the build log and the serial console as events. One boot at a time; it belongs to
// the connection that started it and is killed when that connection closes, on Stop, on a new
// boot, and on shutdown, so no QEMU process is ever left behind.
import { execFile } from 'node:child_process';
import type { BootContext } from '../../app/boot-session';
import type { BootResult } from '../../app/build';
import { buildKernel } from '../../toolchain/build/build';
import { bootKernel, findQemu, type BootHandle } from '../../toolchain/qemu/qemu';
import type { ClientContext, EventListener } from '../api/dispatcher';

const BOOT_TIMEOUT_S = 120;

function run(cmd: string, args: string[], cwd: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, encoding: 'utf8', timeout: 5000 }, (err, stdout) => resolve(err ? null : stdout.trim()));
  });
}

export class BootService {
  private nextSessionId = 1;
  private current: { sessionId: number; handle?: BootHandle; cancelled: boolean; done: Promise<void> } | undefined;

  constructor(
    private readonly workspaceRoot: string,
    private readonly emit: EventListener,
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

  async start(client?: ClientContext): Promise<{ sessionId: number }> {
    await this.stop();
    const sessionId = this.nextSessionId++;
    const session: { sessionId: number; handle?: BootHandle; cancelled: boolean; done: Promise<void> } = {
      sessionId,
      cancelled: false,
      done: Promise.resolve(),
    };
    this.current = session;
    client?.onClose(() => {
      if (this.current === session) void this.stop();
    });
    // Start after the reply, so the renderer knows the session id before its first event.
    session.done = new Promise((r) => setImmediate(r)).then(() => this.execute(session));
    return { sessionId };
  }

  private async execute(session: { sessionId: number; handle?: BootHandle; cancelled: boolean }): Promise<void> {
    const { sessionId } = session;
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
    try {
      const build = await buildKernel({
        workspace: this.workspaceRoot,
        onEvent: (event) => this.emit('build.event', { sessionId, event }),
      });
      if (session.cancelled) return exit({ status: 1, reason: 'killed', message: 'stopped before QEMU started' });
      if (!build.ok || !build.image) return exit({ status: 1, reason: 'error', message: 'the build failed: see Problems' });
      if (!findQemu()) return exit({ status: 1, reason: 'error', message: 'QEMU is not installed: apt-get install qemu-system-x86' });
      const handle = bootKernel({
        image: build.image,
        timeoutS: BOOT_TIMEOUT_S,
        onEvent: (event) => this.emit('boot.event', { sessionId, event }),
      });
      session.handle = handle;
      if (session.cancelled) handle.kill();
      await handle.result;
    } catch (e) {
      exit({ status: 1, reason: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  }

  input(data: string): void {
    this.current?.handle?.write(data);
  }

  /** Stops the boot in progress (build or QEMU) and waits until QEMU is gone. */
  async stop(): Promise<void> {
    const session = this.current;
    if (!session) return;
    session.cancelled = true;
    session.handle?.kill();
    await session.done;
    if (this.current === session) this.current = undefined;
  }
}
