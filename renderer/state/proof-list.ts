// What the Proofs panel lists: the functions that pass its filters, grouped per file (a Rust
// module), flattened into the rows a virtualised list renders (a file's header, then its
// functions unless the file is collapsed). Pure: the panel and its tests share it.
import type { FunctionResult } from '../../app/verification';
import { liveStatus, type LiveFunction, type LiveStatus } from './proof-store';

/** The status filter: every function, the ones not verified, or one verdict. */
export type StatusFilter = 'all' | 'not-verified' | FunctionResult['status'];

export const STATUS_FILTERS: { value: StatusFilter; label: string }[] = [
  { value: 'all', label: 'all statuses' },
  { value: 'not-verified', label: 'not verified' },
  { value: 'failed', label: 'failed' },
  { value: 'timeout', label: 'timeout' },
  { value: 'unsupported', label: 'unsupported' },
  { value: 'error', label: 'error' },
  { value: 'verified', label: 'verified' },
];

/** Worst first: the order of functions inside a file and of the counts in its header. */
export const STATUS_ORDER: LiveStatus[] = ['failed', 'error', 'timeout', 'unsupported', 'running', 'stale', 'verified'];
const rank = Object.fromEntries(STATUS_ORDER.map((s, i) => [s, i])) as Record<LiveStatus, number>;

export type StatusCounts = Partial<Record<LiveStatus, number>>;

export interface FileRow {
  kind: 'file';
  file: string;
  /** Every function of the file by live status, whatever the filters. */
  counts: StatusCounts;
  total: number;
  /** Functions of the file that pass the filters. */
  shown: number;
  collapsed: boolean;
  /** 1-based place among the listed files, and how many are listed (aria-posinset/-setsize). */
  position: number;
  of: number;
}

export interface FunctionRow {
  kind: 'function';
  fn: LiveFunction;
  position: number;
  of: number;
}

export type ProofRow = FileRow | FunctionRow;

export interface ProofListView {
  rows: ProofRow[];
  /** Functions that pass the filters (listed or inside a collapsed file). */
  shown: number;
  total: number;
}

export interface ProofFilters {
  text: string;
  status: StatusFilter;
}

/**
 * The status filter looks at the latest verdict, also while a run re-checks the function or an
 * edit made it stale: a list filtered to failures does not empty itself at each keystroke.
 */
export function passesStatus(fn: LiveFunction, status: StatusFilter): boolean {
  if (status === 'all') return true;
  if (status === 'not-verified') return fn.result.status !== 'verified';
  return fn.result.status === status;
}

/** The text filter: a case-insensitive substring of the function's name or file. */
export function passesText(fn: LiveFunction, text: string): boolean {
  const needle = text.trim().toLowerCase();
  return !needle || fn.result.name.toLowerCase().includes(needle) || fn.result.file.toLowerCase().includes(needle);
}

export function proofList(functions: Record<string, LiveFunction>, filters: ProofFilters, collapsed: ReadonlySet<string>): ProofListView {
  const byFile = new Map<string, { counts: StatusCounts; total: number; fns: LiveFunction[] }>();
  let total = 0;
  for (const fn of Object.values(functions)) {
    total++;
    let group = byFile.get(fn.result.file);
    if (!group) byFile.set(fn.result.file, (group = { counts: {}, total: 0, fns: [] }));
    const st = liveStatus(fn);
    group.counts[st] = (group.counts[st] ?? 0) + 1;
    group.total++;
    if (passesStatus(fn, filters.status) && passesText(fn, filters.text)) group.fns.push(fn);
  }
  const files = [...byFile.entries()].filter(([, g]) => g.fns.length > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const rows: ProofRow[] = [];
  let shown = 0;
  files.forEach(([file, g], i) => {
    const isCollapsed = collapsed.has(file);
    shown += g.fns.length;
    rows.push({ kind: 'file', file, counts: g.counts, total: g.total, shown: g.fns.length, collapsed: isCollapsed, position: i + 1, of: files.length });
    if (isCollapsed) return;
    g.fns.sort((a, b) => rank[liveStatus(a)] - rank[liveStatus(b)] || a.result.span.start.line - b.result.span.start.line || a.result.name.localeCompare(b.result.name));
    g.fns.forEach((fn, k) => rows.push({ kind: 'function', fn, position: k + 1, of: g.fns.length }));
  });
  return { rows, shown, total };
}

/** "2 failed, 1 unsupported, 10 verified": a file header's counts, worst first. */
export function countsText(counts: StatusCounts): string {
  return STATUS_ORDER.filter((s) => counts[s])
    .map((s) => `${counts[s]} ${s}`)
    .join(', ');
}
