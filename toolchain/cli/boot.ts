// `stratos boot [--timeout S] [--workspace DIR] [--no-gate]`: verify the workspace (the proof
// gate), build if needed, boot the image in QEMU headless, stream the serial console to stdout
// (stdin goes to the serial input) and exit with the kernel's own status.

import { proofGateRefusal } from '../../app/proof-gate';
import { buildKernel, formatDiagnostic } from '../build/build';
import { acquireWorkspaceLock } from '../build/workspace-lock';
import { closeCacheBackends } from '../verifier/cache-backend';
import { autoSolver, shutdownSolvers, verifyPaths } from '../verifier/index';
import { bootKernel, findQemu } from '../qemu/qemu';
import { parseCommon } from './build';

export const help = `Usage: stratos boot [--timeout S] [--workspace DIR] [--no-gate] [--json]

Verify the workspace (the proof gate: as stratos verify, with its result cache), build the kernel
if needed (see stratos build), boot it with
  qemu-system-x86_64 -nodefaults -display none -no-reboot -serial stdio \\
    -device isa-debug-exit,iobase=0xf4,iosize=0x04 -kernel IMAGE
stream the serial console to stdout and feed stdin to the serial input.

Options:
  --timeout S      kill QEMU after S seconds (default 30) and exit 124
  --no-gate        boot without verifying first (the proof gate off)
  --workspace DIR  the kernel workspace (default: ./kernel-workspace when run from the
                   repository root, else the current directory)
  --json           after the run, print the BootResult as JSON on stderr

One boot at a time per workspace: a boot started while another runs (another stratos boot, or
the IDE's Build & Boot) waits for it (.stratos/boot.lock).

Exit status: the kernel's status. 0 only when the kernel wrote its success code (QEMU exit 33);
1 when it reported failure; 3 when QEMU ended without a status (triple fault); 124 on timeout;
127 when QEMU is missing; 1 on build errors or when the proof gate refuses (a function not
verified, each named on stderr); 2 on usage errors.`;

/** Verifies the workspace as \`stratos verify\` would; the refusal, or null when every function verified. */
async function proofGate(workspace: string): Promise<string | null> {
  try {
    const report = await verifyPaths([], { root: workspace, solver: autoSolver(), useCache: true, cache: process.env.STRATOS_CACHE || 'local' });
    return proofGateRefusal(report);
  } finally {
    await shutdownSolvers();
    await closeCacheBackends();
  }
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommon(args, ['--timeout', '--workspace', '--json', '--no-gate']);
  if (typeof parsed === 'string') {
    process.stderr.write(`stratos boot: ${parsed}\n\n${help}\n`);
    return 2;
  }
  if (parsed.gate) {
    process.stderr.write('stratos boot: verifying the workspace (the proof gate; --no-gate skips it)\n');
    const refusal = await proofGate(parsed.workspace);
    if (refusal !== null) {
      process.stderr.write(`stratos boot: ${refusal}; not booting (--no-gate boots anyway)\n`);
      return 1;
    }
  }
  const release = await acquireWorkspaceLock(parsed.workspace, 'boot', {
    purpose: 'stratos boot',
    onWait: (holder) => process.stderr.write(`stratos boot: waiting for ${holder.purpose} (pid ${holder.pid}) to finish\n`),
  });
  try {
    return await buildAndBoot(parsed);
  } finally {
    await release();
  }
}

async function buildAndBoot(parsed: Exclude<ReturnType<typeof parseCommon>, string>): Promise<number> {
  const build = await buildKernel({
    purpose: 'stratos boot',
    workspace: parsed.workspace,
    onEvent: (e) => {
      if (e.type === 'diagnostic') process.stderr.write(formatDiagnostic(e.diagnostic) + '\n');
      else if (e.type === 'phase' && e.phase === 'wait') process.stderr.write(`stratos boot: ${e.message}\n`);
    },
  });
  if (!build.ok || !build.image) {
    process.stderr.write('stratos boot: build failed\n');
    return 1;
  }
  if (!findQemu()) {
    process.stderr.write('stratos boot: qemu-system-x86_64 not found (Debian: apt-get install qemu-system-x86)\n');
    return 127;
  }
  const handle = bootKernel({
    image: build.image,
    timeoutS: parsed.timeoutS,
    onOutput: (s) => process.stdout.write(s),
  });
  const forward = (d: Buffer) => handle.write(d.toString('utf8'));
  process.stdin.on('data', forward);
  process.stdin.on('error', () => {});
  const stop = () => handle.kill();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const r = await handle.result;
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  process.stdin.off('data', forward);
  process.stdin.pause();
  process.stdin.unref?.();
  if (parsed.json) process.stderr.write(JSON.stringify(r) + '\n');
  const verdict =
    r.reason === 'success'
      ? `kernel exited with success`
      : r.reason === 'timeout'
        ? `timed out after ${parsed.timeoutS} s; QEMU killed`
        : r.message ?? `kernel status ${r.status}`;
  process.stderr.write(
    `stratos boot: ${verdict} (status ${r.status}, QEMU exit ${r.qemuExitCode ?? r.signal}, ` +
      `${(r.durationMs / 1000).toFixed(2)} s${r.summaryMs !== null ? `, summary at ${(r.summaryMs / 1000).toFixed(2)} s` : ''})\n`,
  );
  return r.status;
}
