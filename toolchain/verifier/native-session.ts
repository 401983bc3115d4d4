// Incremental sessions on native z3: a long-lived `z3 -in` process per session, on the native
// queue's slots (shared with standalone queries). Each send is framed by an `(echo)` of a marker
// unique to it, so z3's output for it is exactly what precedes the marker.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { NativeSolverQueue } from './solver-pool';
import type { Reply, SessionHost, SessionLease, SmtSession } from './incremental-solver';

/** One `z3 -in` process. */
export class Z3Process implements SmtSession {
  private readonly child: ChildProcessWithoutNullStreams;
  private out = '';
  private seq = 0;
  private waiting: { marker: string; t0: number; resolve: (r: Reply) => void; timer: ReturnType<typeof setTimeout> } | null = null;
  alive = true;

  constructor(bin: string) {
    this.child = spawn(bin, ['-in', '-smt2'], { stdio: ['pipe', 'pipe', 'pipe'] });
    // an idle process must not keep node alive
    this.child.unref();
    for (const s of [this.child.stdin, this.child.stdout, this.child.stderr]) (s as unknown as { unref?: () => void }).unref?.();
    // stderr is drained and dropped (a full pipe would stall z3)
    this.child.stderr.resume();
    this.child.stdout.on('data', (d: Buffer) => this.onData(d.toString()));
    this.child.on('error', (e) => this.end(`cannot run ${bin}: ${e.message}`, false));
    this.child.on('close', () => this.end(`native z3 exited: ${this.out.slice(0, 300)}`, false));
    this.child.stdin.on('error', () => undefined);
  }

  send(text: string, limitMs: number): Promise<Reply> {
    if (!this.alive) return Promise.resolve({ ok: false, timedOut: false, reason: 'native z3 exited', ms: 0 });
    if (this.waiting) throw new Error('Z3Process.send: a send is in flight');
    const marker = `@@stratos-incremental-${++this.seq}`;
    return new Promise((resolve) => {
      const t0 = performance.now();
      const timer = setTimeout(() => this.end(`native z3 did not answer within ${limitMs} ms; process killed`, true), limitMs);
      this.waiting = { marker, t0, resolve, timer };
      this.out = '';
      this.child.stdin.write(`${text}(echo "${marker}")\n`);
    });
  }

  private onData(text: string): void {
    this.out += text;
    const w = this.waiting;
    if (!w) return;
    const at = this.out.indexOf(w.marker + '\n');
    if (at < 0) return;
    this.waiting = null;
    clearTimeout(w.timer);
    const out = this.out.slice(0, at);
    this.out = this.out.slice(at + w.marker.length + 1);
    w.resolve({ ok: true, out, ms: performance.now() - w.t0 });
  }

  end(reason: string, timedOut: boolean): void {
    if (this.alive) {
      this.alive = false;
      this.child.kill('SIGKILL');
    }
    const w = this.waiting;
    this.waiting = null;
    if (w) {
      clearTimeout(w.timer);
      w.resolve({ ok: false, timedOut, reason, ms: performance.now() - w.t0 });
    }
  }
}

/** Sessions on the native queue's slots; idle processes are kept for the next function. */
export class NativeSessionHost implements SessionHost {
  private idle: Z3Process[] = [];
  private active = new Set<Z3Process>();

  constructor(
    private readonly queue: NativeSolverQueue,
    private readonly bin = 'z3',
  ) {}

  async open(priority: number, signal?: AbortSignal): Promise<SessionLease | null> {
    // (as the wasm pool's lease: an aborted request opens no session)
    if (signal?.aborted) return null;
    if (!(await this.queue.acquire(priority, signal))) return null;
    let current: Z3Process | null = null;
    return {
      session: () => {
        if (current?.alive) return current;
        if (current) this.active.delete(current);
        current = this.takeProcess();
        return current;
      },
      close: () => {
        if (current) {
          this.active.delete(current);
          if (current.alive) this.idle.push(current);
        }
        this.queue.release();
      },
    };
  }

  private takeProcess(): Z3Process {
    let p = this.idle.pop();
    while (p && !p.alive) p = this.idle.pop();
    p ??= new Z3Process(this.bin);
    this.active.add(p);
    return p;
  }

  crashActive(): void {
    for (const p of this.active) p.end('crashed (test)', false);
  }

  shutdown(): void {
    for (const p of this.idle) p.end('shutdown', false);
    this.idle = [];
  }
}
