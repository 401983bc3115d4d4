// Starts the real `stratos ide --web` on a throwaway copy of a workspace and hands the test its
// URL; stops it (and removes the copy) afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface RunningHost {
  url: string;
  origin: string;
  token: string;
  workspace: string;
  /** Sends a signal to the host process (fault injection with STRATOS_TEST_HOOKS=1). */
  signal(name: NodeJS.Signals): void;
  /** Milliseconds from spawning the process to the "listening" line. */
  startupMs: number;
  stop(): Promise<void>;
}

export async function startHost(fixture = path.join(repoRoot, 'e2e', 'fixtures', 'workspace'), env: Record<string, string> = {}): Promise<RunningHost> {
  const workspace = mkdtempSync(path.join(tmpdir(), 'stratos-e2e-'));
  cpSync(fixture, workspace, { recursive: true });
  const started = performance.now();
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(repoRoot, 'bin', 'stratos.mjs'), 'ide', '--web', '--port', '0', '--no-open', '--workspace', workspace],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  );
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host did not start in 30 s: ${stderr}`)), 30_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /Stratosphere IDE listening on (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}: ${stderr}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token')!,
    workspace,
    startupMs: performance.now() - started,
    signal: (name) => void child.kill(name),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(killer);
      }
      rmSync(workspace, { recursive: true, force: true });
    },
  };
}
