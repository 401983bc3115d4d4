// Proof statistics of a workspace: per file, function, module and directory line counts, the
// trusted base, and the proof-to-code ratio. The one implementation behind `stratos stats` and
// the IDE's Proof dashboard. Rules: docs/stats.md.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from '../../app/verification';
import {
  addCounts,
  counted,
  directoriesOf,
  emptyCounts,
  moduleOf,
  withRatio,
  type DirectoryStats,
  type FileStats,
  type FunctionStats,
  type LineCounts,
  type ModuleStats,
  type StatsReport,
  type TrustedEntry,
} from '../../app/stats';
import { findRustSources, isWorkspaceRustSource } from '../workspace/rust-sources';
import { readRegularFile } from '../workspace/safe-open';
import { classifySource, type FileClassification } from './classify';

/** One file's share of a report. */
export interface FileReport {
  file: FileStats;
  functions: FunctionStats[];
  trustedBase: TrustedEntry[];
  diagnostics: Diagnostic[];
  /** Category of each line (index 0 is line 1), for editors that colour the gutter. */
  lines: FileClassification['lines'];
}

function countRange(c: FileClassification, fromLine: number, toLine: number, only?: 'trusted'): LineCounts {
  const counts = emptyCounts();
  for (let l = Math.max(1, fromLine); l <= toLine && l <= c.lineCount; l++) counts[c.lines[l - 1]!]++;
  if (only) {
    const n = counts[only];
    return { ...emptyCounts(), [only]: n };
  }
  return counts;
}

/** Normalise a report path: forward slashes, no leading `./`. */
export function normalizeFile(file: string): string {
  let f = file.replace(/\\/g, '/');
  while (f.startsWith('./')) f = f.slice(2);
  return f;
}

/** Statistics of one source text. Never throws. */
export function statsForSource(file: string, text: string): FileReport {
  const name = normalizeFile(file);
  const c = classifySource(text);
  const counts = emptyCounts();
  for (const cat of c.lines) counts[cat]++;
  const unverified = c.unverified.filter(Boolean).length;
  const functions: FunctionStats[] = c.functions.map((f) => ({
    name: f.name,
    file: name,
    span: f.span,
    mode: f.mode,
    trusted: f.trusted,
    verified: f.verified,
    ...counted(countRange(c, f.span.start.line, f.span.end.line)),
  }));
  const trustedBase: TrustedEntry[] = c.trusted.map((t) => {
    const e: TrustedEntry = {
      kind: t.kind,
      file: name,
      span: t.span,
      lines: countRange(c, t.span.start.line, t.span.end.line, 'trusted').trusted,
      name: t.name,
    };
    if (t.function !== undefined) e.function = t.function;
    return e;
  });
  const diagnostics: Diagnostic[] = c.diagnostics.map((d) => ({
    file: name,
    span: d.span,
    severity: d.severity,
    message: d.message,
    source: 'stats',
  }));
  return {
    file: { file: name, module: moduleOf(name), unverified, ...counted(counts) },
    functions,
    trustedBase,
    diagnostics,
    lines: c.lines,
  };
}

function byKey<T>(key: (t: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

/** Assemble a report from per-file results (in any order) plus extra diagnostics. */
export function buildReport(files: FileReport[], extraDiagnostics: Diagnostic[] = []): StatsReport {
  const sorted = [...files].sort(byKey((f) => f.file.file));
  const total = emptyCounts();
  let unverified = 0;
  const modules: ModuleStats[] = [];
  const dirs = new Map<string, { counts: LineCounts; files: number; functions: number }>();
  for (const f of sorted) {
    addCounts(total, f.file.counts);
    unverified += f.file.unverified;
    modules.push({
      module: f.file.module,
      file: f.file.file,
      functions: f.functions.length,
      trustedEntries: f.trustedBase.length,
      ...counted(f.file.counts),
    });
    for (const d of directoriesOf(f.file.file)) {
      let agg = dirs.get(d);
      if (!agg) dirs.set(d, (agg = { counts: emptyCounts(), files: 0, functions: 0 }));
      addCounts(agg.counts, f.file.counts);
      agg.files++;
      agg.functions += f.functions.length;
    }
  }
  const directories: DirectoryStats[] = [...dirs.entries()]
    .sort(byKey(([d]) => d))
    .map(([directory, a]) => ({ directory, files: a.files, functions: a.functions, ...counted(a.counts) }));
  const functions = sorted.flatMap((f) => f.functions);
  return {
    version: 1,
    files: sorted.map((f) => f.file),
    functions,
    modules,
    directories,
    trustedBase: sorted.flatMap((f) => f.trustedBase),
    total: { ...withRatio(total), files: sorted.length, functions: functions.length, unverified },
    diagnostics: [...extraDiagnostics, ...sorted.flatMap((f) => f.diagnostics)],
  };
}

/** Whether a relative path is a Rust source the statistics count. */
export function isCountedSource(file: string): boolean {
  return isWorkspaceRustSource(normalizeFile(file));
}

/**
 * Statistics of in-memory sources (the IDE's buffers, or files of a past commit), keyed by
 * workspace-relative path. Keys that are not `.rs` files or lie under target/, .stratos/,
 * node_modules/ or .git/ are ignored. Never throws.
 */
export function statsForSources(files: Map<string, string>): StatsReport {
  const out: FileReport[] = [];
  for (const [file, text] of files) {
    if (isCountedSource(file)) out.push(statsForSource(file, text));
  }
  return buildReport(out);
}

export interface ComputeStatsOptions {
  /** Unsaved buffers by workspace-relative path: they replace the file's content on disk. */
  overlay?: Map<string, string>;
}

function ioDiagnostic(file: string, message: string): Diagnostic {
  const here = { line: 1, column: 1 };
  return { file, span: { start: here, end: here }, severity: 'error', message, source: 'io' };
}

/**
 * Statistics of the `.rs` files under `root` (or only under `paths`: files or directories,
 * relative to `root` or absolute). File names in the report are relative to `root`.
 * Rejects when `root` or one of `paths` does not exist; an unreadable file becomes an `io`
 * error diagnostic and is left out.
 */
export async function computeStats(root: string, paths?: string[], options: ComputeStatsOptions = {}): Promise<StatsReport> {
  const absRoot = path.resolve(root);
  const rootStat = await fs.stat(absRoot);
  if (!rootStat.isDirectory()) throw new Error(`not a directory: ${root}`);
  const walk = await findRustSources(absRoot, paths);
  const diagnostics: Diagnostic[] = walk.unreadable.map((u) => ioDiagnostic(normalizeFile(path.relative(absRoot, u.path)) || '.', `cannot read directory: ${u.message}`));
  const found = walk.files;
  const overlay = new Map<string, string>();
  for (const [k, v] of options.overlay ?? []) overlay.set(normalizeFile(k), v);
  const rels = [...new Set(found.map((abs) => normalizeFile(path.relative(absRoot, abs).split(path.sep).join('/'))))];
  const reports = await Promise.all(
    rels.map(async (rel): Promise<FileReport | undefined> => {
      const buffered = overlay.get(rel);
      if (buffered !== undefined) return statsForSource(rel, buffered);
      try {
        return statsForSource(rel, await readRegularFile(path.join(absRoot, rel)));
      } catch (e) {
        diagnostics.push(ioDiagnostic(rel, `cannot read file: ${(e as Error).message}`));
        return undefined;
      }
    }),
  );
  return buildReport(
    reports.filter((r): r is FileReport => r !== undefined),
    diagnostics,
  );
}
