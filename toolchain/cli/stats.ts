// `stratos stats [PATH] [--json] [--functions] [--trusted] [--annotate] [--history [N]]`:
// proof-to-code statistics.

import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { computeStats, statsForSource } from '../stats/stats';
import { formatAnnotated, formatHistory, formatReport } from '../stats/format';
import { statsHistory } from '../stats/history';

export const help = `Usage: stratos stats [PATH] [--json] [--functions] [--trusted] [--annotate] [--history [N]]

Count the lines of the Rust sources under PATH (a directory or a .rs file) as exec, spec,
proof, trusted (external_body items, assume, admit, asm), comment and blank, per file and per
function, and report the proof-to-code ratio (spec + proof) / exec.
Rules: docs/stats.md.

PATH defaults to ./kernel-workspace when run from the repository root, else the current directory.
target/, .stratos/, node_modules/ and .git/ are skipped.

Options:
  --json         print one JSON document (version 1): files, functions, modules, directories,
                 trustedBase, total {exec, spec, proof, trusted, comment, blank, lines, ratio},
                 diagnostics
  --functions    also print a table per function
  --trusted      also list the trusted base (every external_body item, assume, admit and asm)
  --annotate     print every source line with the category it is counted in
  --history [N]  totals at each of the last N commits (default 20) touching PATH, read from
                 git (cached in PATH/.stratos/); with --json: { version: 1, history: [...] }
  -h, --help     show this help

Exit status: 0 on success, 2 on usage or I/O errors.`;

function isRepoRoot(dir: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown };
    return pkg.name === 'stratosphere';
  } catch {
    return false;
  }
}

function defaultPath(cwd: string): string {
  const kw = path.join(cwd, 'kernel-workspace');
  if (isRepoRoot(cwd) && existsSync(kw) && statSync(kw).isDirectory()) return kw;
  return cwd;
}

export async function run(args: string[]): Promise<number> {
  let json = false;
  let functions = false;
  let trusted = false;
  let annotate = false;
  let history: number | undefined;
  const positional: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    if (a === '--json') json = true;
    else if (a === '--functions') functions = true;
    else if (a === '--trusted') trusted = true;
    else if (a === '--annotate') annotate = true;
    else if (a === '--history') {
      history = 20;
      const next = args[k + 1];
      if (next !== undefined && /^\d+$/.test(next)) {
        history = Math.max(1, Number(next));
        k++;
      }
    }
    else if (a === '--') continue;
    else if (a.startsWith('-')) {
      process.stderr.write(`stratos stats: unknown option '${a}'\n\n${help}\n`);
      return 2;
    } else positional.push(a);
  }
  if (positional.length > 1) {
    process.stderr.write(`stratos stats: expected at most one PATH, got ${positional.length}\n\n${help}\n`);
    return 2;
  }
  const cwd = process.cwd();
  const target = positional[0] !== undefined ? path.resolve(cwd, positional[0]) : defaultPath(cwd);
  let root = target;
  let paths: string[] | undefined;
  try {
    const st = statSync(target);
    if (!st.isDirectory()) {
      root = path.dirname(target);
      paths = [target];
    }
  } catch (e) {
    process.stderr.write(`stratos stats: cannot read ${positional[0] ?? target}: ${(e as Error).message}\n`);
    return 2;
  }
  if (history !== undefined) {
    try {
      const h = await statsHistory(root, { maxCommits: history });
      process.stdout.write(json ? JSON.stringify({ version: 1, history: h }, null, 2) + '\n' : formatHistory(h) + '\n');
      return 0;
    } catch (e) {
      process.stderr.write(`stratos stats: ${(e as Error).message}\n`);
      return 2;
    }
  }
  let report;
  try {
    report = await computeStats(root, paths);
  } catch (e) {
    process.stderr.write(`stratos stats: ${(e as Error).message}\n`);
    return 2;
  }
  if (json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else if (annotate) {
    for (const f of report.files) {
      const text = readFileSync(path.join(root, f.file), 'utf8');
      process.stdout.write(formatAnnotated(f.file, text, statsForSource(f.file, text).lines) + '\n');
    }
  } else {
    process.stdout.write(formatReport(report, { functions, trusted }) + '\n');
    for (const d of report.diagnostics) {
      process.stderr.write(`${d.file}:${d.span.start.line}:${d.span.start.column}: ${d.severity}: ${d.message}\n`);
    }
  }
  return report.diagnostics.some((d) => d.source === 'io') ? 2 : 0;
}
