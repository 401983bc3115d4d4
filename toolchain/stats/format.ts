// Human-readable rendering of a StatsReport (`stratos stats` without --json).

import { formatRatio, type Counted, type LineCategory, type LineCounts, type StatsReport, type TrustedKind } from '../../app/stats';
import type { CommitStats } from './history';

const COLUMNS: Array<keyof LineCounts> = ['exec', 'spec', 'proof', 'trusted', 'comment', 'blank'];

function table(header: string[], rows: string[][], alignLeft: number[] = [0]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (alignLeft.includes(i) ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

function countCells(c: Counted): string[] {
  return [...COLUMNS.map((k) => String(c.counts[k])), String(c.lines), formatRatio(c.ratio)];
}

function percent(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`;
}

export interface FormatOptions {
  functions?: boolean;
  trusted?: boolean;
}

export function formatReport(report: StatsReport, options: FormatOptions = {}): string {
  const out: string[] = [];
  const t = report.total;
  const header = ['file', ...COLUMNS, 'lines', 'ratio'];
  const rows = report.files.map((f) => [f.file, ...countCells(f)]);
  const totalCounted: Counted = {
    counts: { exec: t.exec, spec: t.spec, proof: t.proof, trusted: t.trusted, comment: t.comment, blank: t.blank },
    lines: t.lines,
    ratio: t.ratio,
  };
  rows.push([`total (${t.files} file${t.files === 1 ? '' : 's'})`, ...countCells(totalCounted)]);
  out.push(table(header, rows));
  out.push('');
  out.push(`proof-to-code ratio (spec + proof) / exec: ${formatRatio(t.ratio)}  (${t.spec} spec + ${t.proof} proof over ${t.exec} exec lines)`);
  const kinds = new Map<TrustedKind, number>();
  for (const e of report.trustedBase) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
  const kindText = [...kinds.entries()].map(([k, n]) => `${n} ${k}`).join(', ');
  out.push(
    `trusted base: ${report.trustedBase.length} entries${kindText ? ` (${kindText})` : ''}, ${t.trusted} lines = ${percent(t.trusted, t.exec)} of exec`,
  );
  if (t.unverified > 0) out.push(`unverified exec (outside verus!): ${t.unverified} lines`);
  out.push(`functions: ${t.functions}`);
  if (options.functions && report.functions.length > 0) {
    out.push('');
    out.push(
      table(
        ['function', 'file:line', 'mode', ...COLUMNS, 'lines', 'ratio'],
        report.functions.map((f) => [
          f.trusted ? `${f.name} [trusted]` : f.name,
          `${f.file}:${f.span.start.line}`,
          f.mode,
          ...countCells(f),
        ]),
        [0, 1, 2],
      ),
    );
  }
  if (options.trusted && report.trustedBase.length > 0) {
    out.push('');
    out.push(
      table(
        ['trusted', 'kind', 'where', 'lines', 'in function'],
        report.trustedBase.map((e) => [
          e.name,
          e.kind,
          `${e.file}:${e.span.start.line}-${e.span.end.line}`,
          String(e.lines),
          e.function ?? '',
        ]),
        [0, 1, 2, 4],
      ),
    );
  }
  return out.join('\n');
}

const TAG: Record<LineCategory, string> = { exec: 'exec ', spec: 'spec ', proof: 'proof', trusted: 'TRUST', comment: 'comm ', blank: '     ' };

/** A source with each line prefixed by its category, to audit the classification. */
export function formatAnnotated(file: string, text: string, lines: LineCategory[]): string {
  const src = text.split('\n');
  const out = [`== ${file}`];
  lines.forEach((c, i) => out.push(`${String(i + 1).padStart(5)} ${TAG[c]} | ${(src[i] ?? '').replace(/\r$/, '')}`));
  return out.join('\n');
}

export function formatHistory(history: CommitStats[]): string {
  return table(
    ['commit', 'date', 'exec', 'spec', 'proof', 'trusted', 'ratio', 'subject'],
    history.map((h) => [
      h.commit.slice(0, 10),
      h.date.slice(0, 10),
      String(h.total.exec),
      String(h.total.spec),
      String(h.total.proof),
      String(h.total.trusted),
      formatRatio(h.total.ratio),
      h.subject.length > 60 ? h.subject.slice(0, 59) + '…' : h.subject,
    ]),
    [0, 1, 7],
  );
}
