// Domain types of proof statistics: the JSON contract of `stratos stats --json` (docs/contracts.md §3)
// and of the IDE's Proof dashboard. Pure data plus a few pure helpers; no Node imports.
// The classification rules are documented in docs/stats.md.

import type { Diagnostic, FunctionMode, Span } from './verification';

/** The category every source line is counted in, exactly once. */
export type LineCategory = 'exec' | 'spec' | 'proof' | 'trusted' | 'comment' | 'blank';

export const LINE_CATEGORIES: readonly LineCategory[] = ['exec', 'spec', 'proof', 'trusted', 'comment', 'blank'];

/** Code categories in ascending priority: a line holding several counts as the highest. */
export const CODE_PRIORITY: readonly LineCategory[] = ['exec', 'spec', 'proof', 'trusted'];

export interface LineCounts {
  exec: number;
  spec: number;
  proof: number;
  trusted: number;
  comment: number;
  blank: number;
}

/**
 * Proof-to-code ratio: (spec + proof) / exec. `null` when there are no exec lines (the ratio is
 * undefined; the human output prints `n/a`).
 */
export type Ratio = number | null;

/** Flat counts plus line total and ratio: the shape of `total`. */
export interface CountsWithRatio extends LineCounts {
  /** Number of physical lines covered; always the sum of the six categories. */
  lines: number;
  ratio: Ratio;
}

/** What every per-file / per-function / per-module / per-directory entry carries. */
export interface Counted {
  counts: LineCounts;
  /** Number of physical lines covered; always the sum of the six categories of `counts`. */
  lines: number;
  /** (counts.spec + counts.proof) / counts.exec, null when counts.exec is 0. */
  ratio: Ratio;
}

export interface FileStats extends Counted {
  /** Path relative to the stats root, forward slashes: `src/mm/alloc.rs`. */
  file: string;
  /** The module the file is (see `moduleOf`). */
  module: string;
  /**
   * Exec lines outside every `verus! { }` block: plain Rust the verifier never sees.
   * A subset of `counts.exec` (informational; not a category of its own).
   */
  unverified: number;
}

export interface FunctionStats extends Counted {
  /** `name`, or `Type::name` for methods of `impl Type`, `impl Trait for Type` and `trait Type`. */
  name: string;
  file: string;
  /** From the first token of the signature (visibility/qualifiers, not attributes) to the closing brace. */
  span: Span;
  mode: FunctionMode;
  /** `#[verifier::external_body]`, `#[verifier::external]` or `axiom fn`: not verified, trusted. */
  trusted: boolean;
  /** The verifier checks it: declared inside a `verus! { }` block and not trusted. */
  verified: boolean;
}

/** A module: one source file, named by its path without `.rs` (`foo/mod.rs` is `foo`). */
export interface ModuleStats extends Counted {
  module: string;
  file: string;
  /** Number of functions in the module. */
  functions: number;
  /** Number of trusted base entries in the module. */
  trustedEntries: number;
}

/** A directory: the sum of every file beneath it (recursively). The root is `.`. */
export interface DirectoryStats extends Counted {
  directory: string;
  files: number;
  functions: number;
}

export type TrustedKind =
  /** `#[verifier::external_body]` / `#[verifier::external_fn_specification]` item. */
  | 'external_body'
  /** `#[verifier::external]` item: compiled, never verified. */
  | 'external'
  /** `axiom fn` (Verus `broadcast axiom fn`): a lemma without proof. */
  | 'axiom'
  /** `assume(..)`. */
  | 'assume'
  /** `admit()`. */
  | 'admit'
  /** `asm!`, `global_asm!`, `naked_asm!`. */
  | 'asm';

export interface TrustedEntry {
  kind: TrustedKind;
  file: string;
  /** For items: from the first attribute to the closing brace; for assume/asm: the invocation. */
  span: Span;
  /** Lines of the span counted as trusted (its comment and blank lines excluded). */
  lines: number;
  /** The item (`PageTable::write_entry`) or macro (`global_asm!`) name. */
  name: string;
  /** The enclosing function, when the entry is inside one. */
  function?: string;
}

export interface TotalStats extends CountsWithRatio {
  files: number;
  functions: number;
  unverified: number;
}

export interface StatsReport {
  version: 1;
  files: FileStats[];
  functions: FunctionStats[];
  modules: ModuleStats[];
  directories: DirectoryStats[];
  trustedBase: TrustedEntry[];
  total: TotalStats;
  /** Malformed input (unbalanced delimiters, unterminated literals) and unreadable files. */
  diagnostics: Diagnostic[];
}

export function emptyCounts(): LineCounts {
  return { exec: 0, spec: 0, proof: 0, trusted: 0, comment: 0, blank: 0 };
}

export function addCounts(into: LineCounts, from: LineCounts): LineCounts {
  into.exec += from.exec;
  into.spec += from.spec;
  into.proof += from.proof;
  into.trusted += from.trusted;
  into.comment += from.comment;
  into.blank += from.blank;
  return into;
}

export function lineTotal(c: LineCounts): number {
  return c.exec + c.spec + c.proof + c.trusted + c.comment + c.blank;
}

/** (spec + proof) / exec, or null when exec is 0. */
export function proofRatio(c: Pick<LineCounts, 'exec' | 'spec' | 'proof'>): Ratio {
  return c.exec === 0 ? null : (c.spec + c.proof) / c.exec;
}

export function counted(c: LineCounts): Counted {
  const counts: LineCounts = { exec: c.exec, spec: c.spec, proof: c.proof, trusted: c.trusted, comment: c.comment, blank: c.blank };
  return { counts, lines: lineTotal(counts), ratio: proofRatio(counts) };
}

export function withRatio(c: LineCounts): CountsWithRatio {
  return {
    exec: c.exec,
    spec: c.spec,
    proof: c.proof,
    trusted: c.trusted,
    comment: c.comment,
    blank: c.blank,
    lines: lineTotal(c),
    ratio: proofRatio(c),
  };
}

/** `3.12:1`, or `n/a` when the ratio is undefined. */
export function formatRatio(r: Ratio, digits = 2): string {
  return r === null ? 'n/a' : `${r.toFixed(digits)}:1`;
}

/** Reference proof-to-code ratios shown beside the workspace's. */
export const REFERENCE_RATIOS: readonly { name: string; ratio: number; source: string }[] = [
  { name: 'Atmosphere', ratio: 7.5, source: 'KISV 2023' },
  { name: 'Atmosphere', ratio: 3.32, source: 'SOSP 2025' },
  { name: 'seL4', ratio: 20, source: 'approximate' },
];

/**
 * The module of a file: its path without `.rs`; `foo/mod.rs`, `foo/lib.rs` and `foo/main.rs`
 * name the directory `foo` (the crate root or the module the directory is).
 */
export function moduleOf(file: string): string {
  const f = file.replace(/\\/g, '/');
  const m = /^(?:(.*)\/)?(mod|lib|main)\.rs$/.exec(f);
  if (m) return m[1] ?? '.';
  return f.endsWith('.rs') ? f.slice(0, -3) : f;
}

/** Parent directories of a file, innermost last, starting with `.`: `a/b/c.rs` -> `.`, `a`, `a/b`. */
export function directoriesOf(file: string): string[] {
  const parts = file.replace(/\\/g, '/').split('/');
  const out = ['.'];
  for (let i = 1; i < parts.length; i++) out.push(parts.slice(0, i).join('/'));
  return out;
}

function csvCell(v: string | number | boolean | null | undefined): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(header: string[], rows: Array<Array<string | number | boolean | null | undefined>>): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

const COUNT_KEYS: Array<keyof LineCounts> = ['exec', 'spec', 'proof', 'trusted', 'comment', 'blank'];
const countCells = (c: Counted): Array<number | null> => [...COUNT_KEYS.map((k) => c.counts[k]), c.lines, c.ratio];

export type StatsCsvTable = 'files' | 'functions' | 'modules' | 'directories' | 'trustedBase';

/** One table of a report as CSV (RFC 4180, header row, `\n` line ends; ratio empty when null). */
export function statsToCsv(report: StatsReport, table: StatsCsvTable): string {
  const countHeader = [...COUNT_KEYS, 'lines', 'ratio'];
  switch (table) {
    case 'files':
      return csv(['file', 'module', ...countHeader, 'unverified'], report.files.map((f) => [f.file, f.module, ...countCells(f), f.unverified]));
    case 'functions':
      return csv(
        ['name', 'file', 'line', 'column', 'endLine', 'endColumn', 'mode', 'trustedFunction', 'verified', ...countHeader],
        report.functions.map((f) => [
          f.name,
          f.file,
          f.span.start.line,
          f.span.start.column,
          f.span.end.line,
          f.span.end.column,
          f.mode,
          f.trusted,
          f.verified,
          ...countCells(f),
        ]),
      );
    case 'modules':
      return csv(
        ['module', 'file', 'functions', 'trustedEntries', ...countHeader],
        report.modules.map((m) => [m.module, m.file, m.functions, m.trustedEntries, ...countCells(m)]),
      );
    case 'directories':
      return csv(['directory', 'files', 'functions', ...countHeader], report.directories.map((d) => [d.directory, d.files, d.functions, ...countCells(d)]));
    case 'trustedBase':
      return csv(
        ['kind', 'name', 'file', 'line', 'endLine', 'lines', 'function'],
        report.trustedBase.map((e) => [e.kind, e.name, e.file, e.span.start.line, e.span.end.line, e.lines, e.function]),
      );
  }
}

/** The workspace's statistics at one commit of its git history (the dashboard's trend). */
export interface CommitStats {
  commit: string;
  /** Commit time, ISO 8601. */
  date: string;
  subject: string;
  total: TotalStats;
  /** Number of trusted base entries. */
  trustedEntries: number;
  /**
   * Functions the verifier checks at that commit (inside `verus!`, not trusted). Re-running the
   * verifier on every commit would be too slow for a chart; this is the count by classification.
   */
  checkedFunctions: number;
}
