// `stratos build [--json] [--workspace DIR] [--force]`: erase ghost code, compile with rustc,
// link the kernel image and print its path.

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildKernel, formatDiagnostic } from '../build/build';

export const help = `Usage: stratos build [--json] [--workspace DIR] [--force]

Erase the ghost code of the kernel workspace (positions preserved), compile it with the
machine's stable rustc for the host target as a freestanding #![no_std] image, link it with the
workspace's linker.ld and print the image path (DIR/target/stratos/nimbus.elf). Unchanged
sources do not rebuild. One build at a time per workspace: a build started while another runs
(another stratos build or boot, or the IDE) waits for it (.stratos/build.lock).

Options:
  --workspace DIR  the kernel workspace (default: ./kernel-workspace when run from the
                   repository root, else the current directory)
  --json           print one JSON document: {version, ok, image, cached, diagnostics, timings}
  --force          rebuild even if nothing changed

Exit status: 0 built, 1 build errors (diagnostics as file:line:col), 2 usage errors.`;

/** The workspace a command works on (shared by build and boot). */
export function defaultWorkspace(cwd = process.cwd()): string {
  const repo = join(cwd, 'kernel-workspace');
  if (existsSync(join(repo, 'src', 'main.rs'))) return repo;
  return cwd;
}

export interface CommonArgs {
  workspace: string;
  json: boolean;
  force: boolean;
  timeoutS: number;
  /** `--no-gate` (stratos boot): boot without verifying first. */
  gate: boolean;
  rest: string[];
}

export function parseCommon(args: string[], allowed: string[]): CommonArgs | string {
  const out: CommonArgs = { workspace: '', json: false, force: false, timeoutS: 30, gate: true, rest: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (!allowed.includes(flag)) return `unknown option '${a}'`;
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    try {
      if (flag === '--workspace') out.workspace = resolve(value());
      else if (flag === '--json') out.json = true;
      else if (flag === '--force') out.force = true;
      else if (flag === '--no-gate') out.gate = false;
      else if (flag === '--timeout') {
        const n = Number(value());
        if (!Number.isFinite(n) || n <= 0) return `--timeout needs a positive number of seconds`;
        out.timeoutS = n;
      }
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (!out.workspace) out.workspace = defaultWorkspace();
  return out;
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommon(args, ['--json', '--workspace', '--force']);
  if (typeof parsed === 'string') {
    process.stderr.write(`stratos build: ${parsed}\n\n${help}\n`);
    return 2;
  }
  const result = await buildKernel({
    workspace: parsed.workspace,
    force: parsed.force,
    onEvent: parsed.json
      ? undefined
      : (e) => {
          if (e.type === 'diagnostic') process.stderr.write(formatDiagnostic(e.diagnostic) + '\n');
          else if (e.type === 'phase' && e.phase === 'wait') process.stderr.write(`stratos build: ${e.message}\n`);
        },
  });
  if (parsed.json) {
    process.stdout.write(JSON.stringify({ version: 1, ...result }, null, 2) + '\n');
  } else if (result.ok) {
    const t = result.timings;
    process.stderr.write(
      result.cached
        ? `stratos build: up to date (${t.totalMs.toFixed(0)} ms)\n`
        : `stratos build: ${result.files} files erased in ${t.eraseMs.toFixed(0)} ms, rustc ${t.compileMs.toFixed(0)} ms\n`,
    );
    process.stdout.write(result.image + '\n');
  } else {
    const n = result.diagnostics.filter((d) => d.severity === 'error').length;
    process.stderr.write(`stratos build: failed with ${n} error${n === 1 ? '' : 's'}\n`);
  }
  return result.ok ? 0 : 1;
}
