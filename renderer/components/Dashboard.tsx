// Proof dashboard: exec / spec / proof / trusted lines and the proof-to-code ratio per module and
// per function (the numbers of `stratos stats --json`, one implementation), a stacked bar chart,
// the workspace total beside reference ratios, the trusted base, the trend over the workspace's
// git history, and export as CSV and JSON.
import { useEffect, useMemo, useState } from 'react';
import type { IdeApi } from '../../app/api';
import { formatRatio, REFERENCE_RATIOS, statsToCsv, type CommitStats, type LineCounts, type StatsReport } from '../../app/stats';
import type { Span } from '../../app/verification';
import type { Navigation } from '../state/navigation';
import { useWorkspace } from '../state/workspace-store';

type Level = 'modules' | 'functions';
type SortKey = 'name' | 'exec' | 'spec' | 'proof' | 'trusted' | 'ratio';

interface Row {
  key: string;
  name: string;
  file: string;
  span: Span | null;
  counts: LineCounts;
  ratio: number | null;
}

const CODE_KINDS = ['exec', 'spec', 'proof', 'trusted'] as const;
const COLOURS: Record<(typeof CODE_KINDS)[number], string> = { exec: '#4e94ce', spec: '#c586c0', proof: '#89d185', trusted: '#f48771' };

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function ModuleChart({ rows }: { rows: Row[] }) {
  const max = Math.max(1, ...rows.map((r) => CODE_KINDS.reduce((n, k) => n + r.counts[k], 0)));
  const barHeight = 14;
  const labelWidth = 170;
  const width = 520;
  return (
    <svg className="module-chart" width={labelWidth + width + 10} height={rows.length * (barHeight + 4) + 20} role="img" aria-label="Lines per module: exec, spec, proof, trusted">
      {rows.map((r, i) => {
        let x = labelWidth;
        return (
          <g key={r.key} transform={`translate(0, ${i * (barHeight + 4)})`}>
            <text x={labelWidth - 6} y={barHeight - 3} textAnchor="end" className="chart-label">
              {r.name}
            </text>
            {CODE_KINDS.map((k) => {
              const w = (r.counts[k] / max) * width;
              const rect = <rect key={k} x={x} y={0} width={w} height={barHeight} fill={COLOURS[k]}><title>{`${r.name}: ${r.counts[k]} ${k}`}</title></rect>;
              x += w;
              return rect;
            })}
          </g>
        );
      })}
      <g transform={`translate(${labelWidth}, ${rows.length * (barHeight + 4) + 4})`}>
        {CODE_KINDS.map((k, i) => (
          <g key={k} transform={`translate(${i * 80}, 0)`}>
            <rect width="10" height="10" fill={COLOURS[k]} />
            <text x="14" y="9" className="chart-label">
              {k}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}

function TrendChart({ history }: { history: CommitStats[] }) {
  if (history.length < 2) return <p className="empty">The trend appears once the workspace has two or more commits ({history.length} now).</p>;
  // oldest commit first, as `stats.history` gives them: time runs left to right
  const points = history;
  const ratios = points.map((p) => p.total.ratio ?? 0);
  const counts = points.map((p) => p.checkedFunctions);
  const w = 420;
  const h = 90;
  const maxRatio = Math.max(0.1, ...ratios);
  const maxCount = Math.max(1, ...counts);
  const x = (i: number) => (i / (points.length - 1)) * w;
  const line = (vals: number[], max: number) => vals.map((v, i) => `${x(i).toFixed(1)},${(h - (v / max) * (h - 6)).toFixed(1)}`).join(' ');
  return (
    <figure className="trend">
      <svg width={w + 20} height={h + 10} role="img" aria-label={`Trend over ${points.length} commits: ratio from ${formatRatio(ratios[0] ?? null)} to ${formatRatio(ratios.at(-1) ?? null)}`}>
        <polyline points={line(ratios, maxRatio)} fill="none" stroke="#c586c0" strokeWidth="1.5" />
        <polyline points={line(counts, maxCount)} fill="none" stroke="#89d185" strokeWidth="1.5" strokeDasharray="4 2" />
        {points.map((p, i) => (
          <circle key={p.commit} cx={x(i)} cy={h - ((p.total.ratio ?? 0) / maxRatio) * (h - 6)} r="2.5" fill="#c586c0">
            <title>{`${p.commit.slice(0, 8)} ${p.subject}: ratio ${formatRatio(p.total.ratio)}, ${p.checkedFunctions} functions checked`}</title>
          </circle>
        ))}
      </svg>
      <figcaption className="muted">
        <span style={{ color: '#c586c0' }}>— proof-to-code ratio</span> (max {formatRatio(maxRatio)}) · <span style={{ color: '#89d185' }}>- - functions under verification</span> (max {maxCount}) · {points.length} commits
      </figcaption>
    </figure>
  );
}

export function Dashboard({ api, nav, visible }: { api: IdeApi; nav: Navigation; visible: boolean }) {
  const [report, setReport] = useState<StatsReport | null>(null);
  const [history, setHistory] = useState<CommitStats[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [level, setLevel] = useState<Level>('modules');
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'ratio', descending: true });
  const savedStatus = useWorkspace((s) => s.status);

  useEffect(() => {
    if (!visible) return;
    // The saved files: the dashboard counts what is on disk, like `stratos stats` (refreshed on save).
    api.call('stats.get', { buffers: [] }).then(setReport, (e: Error) => setError(e.message));
  }, [api, visible, savedStatus]);

  // read again each time the dashboard is shown and after each save: commits made meanwhile (in a
  // terminal) appear without a reload (the host caches each commit's counts: cheap)
  useEffect(() => {
    if (!visible) return;
    let live = true;
    api.call('stats.history', {}).then(
      (h) => live && setHistory(h),
      () => live && setHistory((old) => old ?? []),
    );
    return () => {
      live = false;
    };
  }, [api, visible, savedStatus]);

  const rows: Row[] = useMemo(() => {
    if (!report) return [];
    const list: Row[] =
      level === 'modules'
        ? report.modules.map((m) => ({ key: m.module, name: m.module, file: m.file, span: null, counts: m.counts, ratio: m.ratio }))
        : report.functions.map((f) => ({ key: `${f.file}:${f.span.start.line}`, name: f.name, file: f.file, span: f.span, counts: f.counts, ratio: f.ratio }));
    const value = (r: Row) => (sort.key === 'name' ? r.name : sort.key === 'ratio' ? (r.ratio ?? -1) : r.counts[sort.key]);
    return list.sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      const c = typeof va === 'string' ? va.localeCompare(vb as string) : (va as number) - (vb as number);
      return sort.descending ? -c : c;
    });
  }, [report, level, sort]);

  if (error) return <p className="empty">Statistics are not available: {error}</p>;
  if (!report) return <p className="empty">Counting lines…</p>;
  const t = report.total;
  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button className="sort" onClick={() => setSort((s) => ({ key, descending: s.key === key ? !s.descending : key !== 'name' }))}>
        {label}
      </button>
    </th>
  );
  const open = (file: string, span: Span | null) => void nav.goTo(file, span ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } });
  return (
    <div className="dashboard">
      <div className="dash-summary">
        <div className="dash-total">
          <div className="dash-ratio" aria-label="Workspace proof-to-code ratio">
            {formatRatio(t.ratio)}
          </div>
          <div className="muted">
            proof-to-code: (spec {t.spec} + proof {t.proof}) / exec {t.exec} · trusted {t.trusted} lines ({t.exec ? ((t.trusted / t.exec) * 100).toFixed(1) : '0'}% of exec)
          </div>
        </div>
        <ul className="dash-references" aria-label="Reference ratios">
          {REFERENCE_RATIOS.map((r) => (
            <li key={`${r.name}-${r.source}`}>
              {r.name} ({r.source}): {formatRatio(r.ratio)}
            </li>
          ))}
        </ul>
        <div className="dash-export">
          <button onClick={() => download('proof-stats.json', 'application/json', JSON.stringify(report, null, 2))}>Export JSON</button>
          <button onClick={() => download(`proof-stats-${level}.csv`, 'text/csv', statsToCsv(report, level))}>Export CSV</button>
        </div>
      </div>
      <ModuleChart rows={report.modules.map((m) => ({ key: m.module, name: m.module, file: m.file, span: null, counts: m.counts, ratio: m.ratio }))} />
      <div className="dash-columns">
        <div className="dash-table-wrap">
          <div role="radiogroup" aria-label="Rows" className="dash-level">
            {(['modules', 'functions'] as const).map((l) => (
              <label key={l}>
                <input type="radio" name="dash-level" checked={level === l} onChange={() => setLevel(l)} /> {l === 'modules' ? 'Per module' : 'Per function'}
              </label>
            ))}
          </div>
          <table className="dash-table" aria-label={level === 'modules' ? 'Lines per module' : 'Lines per function'}>
            <thead>
              <tr>
                {header('name', level === 'modules' ? 'Module' : 'Function')}
                {header('exec', 'Exec')}
                {header('spec', 'Spec')}
                {header('proof', 'Proof')}
                {header('trusted', 'Trusted')}
                {header('ratio', 'Ratio')}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} tabIndex={0} onClick={() => open(r.file, r.span)} onKeyDown={(e) => e.key === 'Enter' && open(r.file, r.span)}>
                  <td title={r.file}>{r.name}</td>
                  <td>{r.counts.exec}</td>
                  <td>{r.counts.spec}</td>
                  <td>{r.counts.proof}</td>
                  <td>{r.counts.trusted}</td>
                  <td>{formatRatio(r.ratio)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="dash-side">
          <h3 className="cx-subtitle">Trusted base ({report.trustedBase.reduce((n, e) => n + e.lines, 0)} lines)</h3>
          <ul className="trusted-list" aria-label="Trusted base">
            {report.trustedBase.map((e) => (
              <li key={`${e.file}:${e.span.start.line}:${e.name}`}>
                <button className="link" onClick={() => open(e.file, e.span)}>
                  {e.kind} {e.name}
                </button>{' '}
                <span className="muted">
                  {e.file}:{e.span.start.line} · {e.lines} lines
                </span>
              </li>
            ))}
          </ul>
          <h3 className="cx-subtitle">Trend</h3>
          {history ? <TrendChart history={history} /> : <p className="empty">Reading the git history…</p>}
        </div>
      </div>
    </div>
  );
}
