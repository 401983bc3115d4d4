// QEMU runner: boots an image headless with the serial console on stdio and isa-debug-exit,
// streams the console, maps the exit code to the kernel's status, and never leaves QEMU behind:
//   - QEMU runs in its own process group under a small bash watchdog; kill() kills the group;
//   - the watchdog kills QEMU when this Node process disappears (even on SIGKILL);
//   - on this process's 'exit', every live group is killed synchronously;
//   - a timeout kills the group and reports `timeout`.

import { spawn, execFileSync } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import { existsSync } from 'node:fs';
import type { BootEvent, BootResult } from '../../app/build';
import { kernelStatusFromQemu, SUMMARY_PATTERN } from '../../app/build';

export const QEMU_BIN = 'qemu-system-x86_64';

export interface BootOptions {
  image: string;
  /** Kill QEMU after this many seconds (default 30). */
  timeoutS?: number;
  /** Serial console output, as it arrives. */
  onOutput?: (chunk: string) => void;
  onEvent?: (e: BootEvent) => void;
  /** Initial serial input. More can be sent with handle.write(). */
  stdin?: string;
  qemu?: string;
  /** Extra QEMU arguments (e.g. ['-m', '256M']). */
  extraArgs?: string[];
}

export interface BootHandle {
  pid: number | null;
  command: string[];
  /** Resolves when QEMU is gone. */
  result: Promise<BootResult>;
  /** Write to the serial console's input. */
  write(data: string): void;
  /** Stop QEMU (its whole process group). */
  kill(): void;
}

export function qemuArgs(image: string, extra: string[] = []): string[] {
  return [
    '-nodefaults', '-display', 'none', '-no-reboot',
    '-serial', 'stdio',
    '-device', 'isa-debug-exit,iobase=0xf4,iosize=0x04',
    '-m', '128M',
    ...extra,
    '-kernel', image,
  ];
}

/** Path of qemu-system-x86_64, or null when it is not installed. */
export function findQemu(bin = QEMU_BIN): string | null {
  try {
    const p = execFileSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' }).trim();
    return p && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

// Watchdog: QEMU in the background (stdin kept), a poller that kills it when our parent dies.
const WATCHDOG = `
parent=$1; shift
"$@" <&0 &
q=$!
( while kill -0 "$parent" 2>/dev/null && kill -0 "$q" 2>/dev/null; do sleep 0.5; done; kill -9 "$q" 2>/dev/null ) </dev/null >/dev/null 2>&1 &
w=$!
wait "$q"
s=$?
kill "$w" 2>/dev/null
exit "$s"
`;

const live = new Set<number>();
let exitHookInstalled = false;
function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const pid of live) killGroup(pid);
  });
}

/** Boot `image` in QEMU. Always resolves `result`, never rejects. */
export function bootKernel(opts: BootOptions): BootHandle {
  const qemu = opts.qemu ?? QEMU_BIN;
  const command = [qemu, ...qemuArgs(opts.image, opts.extraArgs)];
  const emit = opts.onEvent ?? (() => {});
  const t0 = performance.now();
  let firstOutputMs: number | null = null;
  let summaryMs: number | null = null;
  let summaryLine: string | null = null;
  let tail = '';
  let timedOut = false;
  let killed = false;

  installExitHook();
  const child = spawn('bash', ['-c', WATCHDOG, 'stratos-qemu', String(process.pid), ...command], {
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const pid = child.pid ?? null;
  if (pid !== null) live.add(pid);
  emit({ type: 'started', pid, command });

  const decoder = new StringDecoder('utf8');
  let stderr = '';
  const onData = (buf: Buffer) => {
    const s = decoder.write(buf);
    if (!s) return;
    if (firstOutputMs === null) firstOutputMs = performance.now() - t0;
    tail = (tail + s).slice(-4096);
    if (summaryLine === null) {
      const m = SUMMARY_PATTERN.exec(tail);
      if (m && tail.slice(m.index).includes('\n')) {
        summaryLine = m[0].trimEnd();
        summaryMs = performance.now() - t0;
      }
    }
    opts.onOutput?.(s);
    emit({ type: 'output', data: s });
  };
  child.stdout.on('data', onData);
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => (stderr = (stderr + d).slice(-4096)));
  child.stdin.on('error', () => {});
  if (opts.stdin) child.stdin.write(opts.stdin);

  const timeoutMs = (opts.timeoutS ?? 30) * 1000;
  const timer = setTimeout(() => {
    timedOut = true;
    if (pid !== null) killGroup(pid);
  }, timeoutMs);

  const result = new Promise<BootResult>((resolvePromise) => {
    let settled = false;
    const settle = (r: BootResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (pid !== null) {
        killGroup(pid); // the watchdog's poller, if still around
        live.delete(pid);
      }
      emit({ type: 'exit', result: r });
      resolvePromise(r);
    };
    child.on('error', (e) => {
      settle({
        status: 127, reason: 'error', qemuExitCode: null, signal: null, durationMs: performance.now() - t0,
        firstOutputMs, summaryMs, summaryLine, message: `cannot start QEMU: ${e.message}`,
      });
    });
    child.on('close', (code, signal) => {
      const rest = decoder.end();
      if (rest) onData(Buffer.from(rest));
      const base = { qemuExitCode: code, signal: signal ?? null, durationMs: performance.now() - t0, firstOutputMs, summaryMs, summaryLine };
      if (timedOut) return settle({ ...base, status: 124, reason: 'timeout', message: `timed out after ${timeoutMs / 1000} s` });
      if (killed || signal) return settle({ ...base, status: 130, reason: 'killed', message: 'QEMU was stopped' });
      if (code === 127) return settle({ ...base, status: 127, reason: 'error', message: `cannot start ${qemu}: ${stderr.trim()}` });
      const { status, reason } = kernelStatusFromQemu(code ?? 1);
      const message =
        reason === 'no-status' ? 'QEMU exited without a kernel status (triple fault or reset)' : stderr.trim() || undefined;
      settle({ ...base, status, reason, message });
    });
  });

  return {
    pid,
    command,
    result,
    write(data: string) {
      if (!child.stdin.destroyed) child.stdin.write(data);
    },
    kill() {
      killed = true;
      if (pid !== null) killGroup(pid);
    },
  };
}
