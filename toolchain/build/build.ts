// `stratos build` as a library: erase ghost code, compile the erased crate with the machine's
// stable rustc for the host target as a freestanding image, link it with the workspace's linker
// script, and check the result is bootable by QEMU's multiboot loader (docs/contracts.md §5).
//
// Layout under the workspace:
//   src/**.rs, linker.ld                the annotated sources and the linker script
//   target/stratos/erased/src/**.rs     erased copies (rewritten only when their text changes)
//   target/stratos/nimbus.elf           the image
//   target/stratos/build-stamp.json     hash of everything the image depends on (incremental)

import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, rmSync, copyFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { BuildEvent, BuildResult } from '../../app/build';
import type { Diagnostic, Severity } from '../../app/verification';
import { erase } from '../erase/erase';
import { checkMultibootImage } from './elf';
import { acquireWorkspaceLock, LockWaitAborted, type ReleaseLock } from './workspace-lock';

export interface BuildOptions {
  /** The kernel workspace (holds src/main.rs and linker.ld). */
  workspace: string;
  onEvent?: (e: BuildEvent) => void;
  /** Rebuild even when nothing changed. */
  force?: boolean;
  /** rustc binary (default: `rustc` on PATH). */
  rustc?: string;
  /** Optimisation level passed to rustc (default 2). */
  optLevel?: 0 | 1 | 2 | 3 | 's';
  /** Stops the build: the wait for the build lock, or rustc (killed). The result is then a failure. */
  signal?: AbortSignal;
  /** Who builds, shown to a build that waits for this one (default `stratos build`). */
  purpose?: string;
}

export const IMAGE_NAME = 'nimbus.elf';

/** Flags for a freestanding host-target image (the facts from the spike in issue 5). */
export function rustcArgs(optLevel: BuildOptions['optLevel'] = 2): string[] {
  return [
    '--edition', '2021',
    '--crate-type', 'bin',
    '--crate-name', 'nimbus',
    '--error-format=json',
    '--json=diagnostic-rendered-ansi',
    '-C', 'panic=abort',
    '-C', `opt-level=${optLevel}`,
    '-C', 'no-redzone=yes',
    '-C', 'relocation-model=static',
    '-C', 'code-model=small',
    '-C', 'debuginfo=0',
    '-C', 'strip=debuginfo',
    '-C', 'link-arg=-nostartfiles',
    '-C', 'link-arg=-static',
    '-C', 'link-arg=-no-pie',
    '-C', 'link-arg=-Wl,--build-id=none',
  ];
}

export function buildDir(workspace: string): string {
  return join(resolve(workspace), 'target', 'stratos');
}

export function imagePath(workspace: string): string {
  return join(buildDir(workspace), IMAGE_NAME);
}

function listRustFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (name.endsWith('.rs')) out.push(p);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

function toPosix(p: string): string {
  return p.split(sep).join('/');
}

let rustcVersionCache: { bin: string; version: string } | null = null;
function rustcVersion(bin: string): string {
  if (rustcVersionCache?.bin === bin) return rustcVersionCache.version;
  const version = execFileSync(bin, ['-vV'], { encoding: 'utf8' });
  rustcVersionCache = { bin, version };
  return version;
}

const point = (line: number, column: number) => ({ line, column });

/** A rustc JSON diagnostic -> our Diagnostic (primary span; notes/help folded into the message). */
export function mapRustcDiagnostic(d: RustcDiagnostic, fallbackFile: string): Diagnostic | null {
  const severity: Severity | null =
    d.level === 'error' || d.level === 'error: internal compiler error' ? 'error' : d.level === 'warning' ? 'warning' : d.level === 'note' || d.level === 'help' ? 'info' : null;
  if (!severity) return null;
  const primary = d.spans.find((s) => s.is_primary) ?? d.spans[0];
  const extra = d.children
    .filter((c) => c.message)
    .map((c) => `${c.level}: ${c.message}`)
    .join('\n');
  const message = (d.code?.code ? `[${d.code.code}] ` : '') + d.message + (extra ? `\n${extra}` : '');
  if (!primary) {
    return { file: fallbackFile, span: { start: point(1, 1), end: point(1, 1) }, severity, message, source: 'rustc' };
  }
  return {
    file: toPosix(primary.file_name),
    span: { start: point(primary.line_start, primary.column_start), end: point(primary.line_end, primary.column_end) },
    severity,
    message: primary.label ? `${message} (${primary.label})` : message,
    source: 'rustc',
  };
}

export interface RustcSpan {
  file_name: string;
  line_start: number;
  line_end: number;
  column_start: number;
  column_end: number;
  is_primary: boolean;
  label: string | null;
}
export interface RustcDiagnostic {
  $message_type?: string;
  message: string;
  level: string;
  code: { code: string } | null;
  spans: RustcSpan[];
  children: { message: string; level: string }[];
  rendered: string | null;
}

function runRustc(bin: string, args: string[], cwd: string, signal?: AbortSignal): Promise<{ code: number; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(bin, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], signal, killSignal: 'SIGKILL' });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => (stderr += d));
    child.on('error', (e) => (e.name === 'AbortError' ? undefined : reject(e)));
    child.on('close', (code) => resolvePromise({ code: code ?? 1, stderr }));
  });
}

/**
 * Erase, compile, link and check the kernel image of `workspace`, holding the workspace's build
 * lock (workspace-lock.ts): a build started while another runs (this process or another) waits
 * for it, with a `wait` phase event naming the holder.
 */
export async function buildKernel(opts: BuildOptions): Promise<BuildResult> {
  const emit = opts.onEvent ?? (() => {});
  let release: ReleaseLock;
  try {
    release = await acquireWorkspaceLock(opts.workspace, 'build', {
      purpose: opts.purpose ?? 'stratos build',
      signal: opts.signal,
      onWait: (holder) => emit({ type: 'phase', phase: 'wait', message: `waiting for the build of ${holder.purpose} (pid ${holder.pid}) to finish` }),
    });
  } catch (e) {
    if (!(e instanceof LockWaitAborted)) throw e;
    const result: BuildResult = { ok: false, image: null, cached: false, files: 0, diagnostics: [], timings: { eraseMs: 0, compileMs: 0, totalMs: 0 } };
    emit({ type: 'done', result });
    return result;
  }
  try {
    return await buildLocked(opts);
  } finally {
    await release();
  }
}

async function buildLocked(opts: BuildOptions): Promise<BuildResult> {
  const t0 = performance.now();
  const ws = resolve(opts.workspace);
  const emit = opts.onEvent ?? (() => {});
  const diagnostics: Diagnostic[] = [];
  const report = (d: Diagnostic) => {
    diagnostics.push(d);
    emit({ type: 'diagnostic', diagnostic: d });
  };
  const finish = (r: Omit<BuildResult, 'diagnostics' | 'timings'> & { eraseMs: number; compileMs: number }): BuildResult => {
    const result: BuildResult = {
      ok: r.ok,
      image: r.image,
      cached: r.cached,
      files: r.files,
      diagnostics,
      timings: { eraseMs: r.eraseMs, compileMs: r.compileMs, totalMs: performance.now() - t0 },
    };
    emit({ type: 'done', result });
    return result;
  };

  const srcDir = join(ws, 'src');
  const main = join(srcDir, 'main.rs');
  const linker = join(ws, 'linker.ld');
  for (const [p, what] of [[main, 'src/main.rs'], [linker, 'linker.ld']] as const) {
    if (!existsSync(p)) {
      report({ file: what, span: { start: point(1, 1), end: point(1, 1) }, severity: 'error', message: `${what} not found in workspace ${ws}`, source: 'build' });
      return finish({ ok: false, image: null, cached: false, files: 0, eraseMs: 0, compileMs: 0 });
    }
  }

  // 1. erase
  emit({ type: 'phase', phase: 'erase', message: 'erasing ghost code' });
  const out = buildDir(ws);
  const erasedRoot = join(out, 'erased');
  const files = listRustFiles(srcDir);
  const hash = createHash('sha256');
  const bin = opts.rustc ?? 'rustc';
  let version: string;
  try {
    version = rustcVersion(bin);
  } catch (e) {
    report({ file: 'src/main.rs', span: { start: point(1, 1), end: point(1, 1) }, severity: 'error', message: `cannot run ${bin}: ${(e as Error).message}`, source: 'build' });
    return finish({ ok: false, image: null, cached: false, files: 0, eraseMs: 0, compileMs: 0 });
  }
  const args = [...rustcArgs(opts.optLevel), '-C', 'link-arg=-T' + linker, 'src/main.rs', '-o', join(out, IMAGE_NAME + '.tmp')];
  hash.update(version).update('\0').update(JSON.stringify(rustcArgs(opts.optLevel))).update('\0').update(readFileSync(linker));
  const wanted = new Set<string>();
  for (const f of files) {
    const rel = toPosix(relative(ws, f));
    const text = readFileSync(f, 'utf8');
    const r = erase(text);
    for (const d of r.diagnostics) {
      report({ file: rel, span: { start: point(d.line, d.column), end: point(d.endLine, d.endColumn) }, severity: 'error', message: d.message, source: 'erase' });
    }
    const target = join(erasedRoot, rel);
    wanted.add(target);
    mkdirSync(dirname(target), { recursive: true });
    if (!existsSync(target) || readFileSync(target, 'utf8') !== r.text) writeFileSync(target, r.text);
    hash.update(rel).update('\0').update(r.text).update('\0');
  }
  // drop erased copies of deleted sources
  for (const f of listRustFiles(join(erasedRoot, 'src'))) if (!wanted.has(f)) rmSync(f);
  const eraseMs = performance.now() - t0;
  if (diagnostics.some((d) => d.severity === 'error')) {
    return finish({ ok: false, image: null, cached: false, files: files.length, eraseMs, compileMs: 0 });
  }

  // 2. incremental: nothing changed since the last good build?
  const key = hash.digest('hex');
  const stampFile = join(out, 'build-stamp.json');
  const image = join(out, IMAGE_NAME);
  if (!opts.force && existsSync(image) && existsSync(stampFile)) {
    try {
      const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as { key: string };
      if (stamp.key === key) {
        emit({ type: 'phase', phase: 'compile', message: 'up to date' });
        return finish({ ok: true, image, cached: true, files: files.length, eraseMs, compileMs: 0 });
      }
    } catch {
      /* rebuild */
    }
  }

  // 3. compile + link
  emit({ type: 'phase', phase: 'compile', message: `${bin} src/main.rs (${files.length} files)` });
  const tc = performance.now();
  const { code, stderr } = await runRustc(bin, args, erasedRoot, opts.signal);
  if (opts.signal?.aborted) return finish({ ok: false, image: null, cached: false, files: files.length, eraseMs, compileMs: performance.now() - tc });
  const compileMs = performance.now() - tc;
  for (const line of stderr.split('\n')) {
    if (!line.startsWith('{')) continue;
    let d: RustcDiagnostic;
    try {
      d = JSON.parse(line) as RustcDiagnostic;
    } catch {
      continue;
    }
    if (d.$message_type && d.$message_type !== 'diagnostic') continue;
    if (/^aborting due to|^\d+ warnings? emitted/.test(d.message)) continue;
    const mapped = mapRustcDiagnostic(d, 'src/main.rs');
    if (mapped) report(mapped);
  }
  if (code !== 0) {
    if (!diagnostics.some((d) => d.severity === 'error')) {
      report({ file: 'src/main.rs', span: { start: point(1, 1), end: point(1, 1) }, severity: 'error', message: `rustc failed (exit ${code})\n${stderr.slice(0, 4000)}`, source: 'rustc' });
    }
    return finish({ ok: false, image: null, cached: false, files: files.length, eraseMs, compileMs });
  }

  // 4. check the image is what QEMU's multiboot loader can boot
  emit({ type: 'phase', phase: 'check', message: 'checking the multiboot image' });
  const problems = checkMultibootImage(readFileSync(join(out, IMAGE_NAME + '.tmp')));
  for (const p of problems) report({ file: 'linker.ld', span: { start: point(1, 1), end: point(1, 1) }, severity: 'error', message: p, source: 'build' });
  if (problems.length > 0) return finish({ ok: false, image: null, cached: false, files: files.length, eraseMs, compileMs });
  copyFileSync(join(out, IMAGE_NAME + '.tmp'), image);
  rmSync(join(out, IMAGE_NAME + '.tmp'));
  writeFileSync(stampFile, JSON.stringify({ key, builtAt: new Date().toISOString() }) + '\n');
  return finish({ ok: true, image, cached: false, files: files.length, eraseMs, compileMs });
}

/** `file:line:col: severity: message`, the format editors and CI logs understand. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.span.start.line}:${d.span.start.column}: ${d.severity}: ${d.message}`;
}
