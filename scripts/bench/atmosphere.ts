// Atmosphere benchmark: how much of a real verified kernel (Atmosphere's crate, written for Verus)
// our verifier reads and verifies.
//   npm run bench -- atmosphere [PATH] [--json FILE] [--parse-only] [--jobs N] [--timeout-ms N] [--solver native|wasm] [--max-minutes N] [--give-up-after N] [--cache DIR]
// PATH defaults to ../shared/third_party/atmosphere (relative to the repo root) and is only read:
// the run uses no result cache, unless `--cache DIR` names one (a run cut short by
// `--max-minutes` then resumes: proved and failed goals are cached, timeouts are solved again). The crate is the `mod` tree from lib.rs (main.rs, src/lib.rs), as
// Verus reads it; files outside it are listed, not verified. Functions are counted inside `verus!`
// only (code outside is plain Rust). See docs/benchmarks.md (## atmosphere) for what is reported.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FunctionResult } from '../../app/verification';
import { autoSolver, shutdownSolvers, verifySources } from '../../toolchain/verifier/index';
import { runFrontEnd } from '../../toolchain/verifier/front-end';
import { parseFile } from '../../toolchain/verifier/parser';
import { readRustSources } from '../../toolchain/workspace/rust-sources';
import {
  blockerOf,
  countRows,
  isCrateWide,
  matchFunctions,
  moduleOf,
  moduleTree,
  rankBlockers,
  verdictPercent,
  verusFunctions,
  type BlockerRank,
  type FunctionRow,
  type ResultLike,
  type StatusCounts,
} from './atmosphere/lib';

interface Options {
  input: string;
  json: string | null;
  parseOnly: boolean;
  jobs: number;
  timeoutMs: number;
  solver: 'native' | 'wasm';
  maxMinutes: number;
  /** `--cache DIR`: the verifier's result cache (its project root), kept between runs */
  cacheDir: string | null;
  /** A function's goals not yet solved once this many of them have timed out are not tried (0: try all). */
  giveUpAfter: number;
}

interface FileReport {
  file: string;
  module: string;
  parses: boolean;
  /** The first syntax diagnostic, `line:col message`. */
  firstDiagnostic?: string;
  syntaxDiagnostics: number;
  /** `fn` items inside `verus!`. */
  functions: number;
  counts: StatusCounts;
}

interface Report {
  input: string;
  date: string;
  mode: 'verify' | 'parse-only';
  solver: string;
  jobs: number;
  timeoutMs: number;
  /** --give-up-after: a function's goals left once this many timed out were not tried. */
  giveUpAfter: number;
  /** the result cache the run used (`--cache`), or null */
  cacheDir: string | null;
  /** Whether the run was stopped by --max-minutes (unfinished functions are then not verdicts). */
  aborted: boolean;
  wallMs: number;
  crateRoot: string;
  files: { inTree: number; parse: number; withVerus: number; outsideTree: string[]; unresolvedModules: { from: string; module: string }[] };
  totals: StatusCounts;
  verdictPercent: number;
  modules: { module: string; files: number; counts: StatusCounts; verdictPercent: number }[];
  blockers: BlockerRank[];
  /**
   * For the functions blocked by a crate-wide gap: what the front end (parser, checker) finds in
   * each function itself, ranked; `none found` when it finds nothing (VC generation not tried).
   */
  behindCrateWide: BlockerRank[];
  parseFailures: { message: string; files: { file: string; diagnostic: string }[] }[];
  /** Results for whole items that are not functions (`<struct S>`, `<syntax errors in F>`, `<unsupported item>`). */
  otherResults: { status: string; blocker: string; count: number }[];
  perFile: FileReport[];
  functions: FunctionRow[];
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * `../shared/third_party/atmosphere` next to the repo; a git worktree nested deeper (as in
 * /work/wt/NAME next to /work/main) finds it next to an ancestor.
 */
export function defaultInput(): string {
  const wanted = 'shared/third_party/atmosphere';
  for (let dir = path.dirname(repoRoot); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, wanted))) return path.join(dir, wanted);
    if (path.dirname(dir) === dir) return path.join(repoRoot, '..', wanted);
  }
}

function parseArgs(args: string[]): Options {
  const valued = new Set(['--json', '--jobs', '--timeout-ms', '--solver', '--max-minutes', '--give-up-after', '--cache']);
  const known = new Set([...valued, '--parse-only']);
  // (`npm run bench -- --flag` passes its flags to every benchmark: another one's is not an error here)
  for (const a of args) if (a.startsWith('-') && !known.has(a)) console.error(`atmosphere: ignoring unknown option ${a}`);
  const flag = (name: string): string | null => {
    const i = args.indexOf(name);
    if (i < 0) return null;
    if (i + 1 >= args.length) throw new Error(`atmosphere: ${name} needs a value`);
    return args[i + 1]!;
  };
  const num = (name: string, dflt: number): number => {
    const v = flag(name);
    if (v === null) return dflt;
    const x = Number(v);
    if (!Number.isFinite(x) || x <= 0) throw new Error(`atmosphere: ${name} needs a positive number, got ${v}`);
    return x;
  };
  const solver = flag('--solver') ?? autoSolver();
  if (solver !== 'native' && solver !== 'wasm') throw new Error(`atmosphere: --solver is native or wasm, got ${solver}`);
  const positional = args.filter((a, i) => !a.startsWith('-') && !valued.has(args[i - 1] ?? ''));
  const json = flag('--json');
  return {
    input: path.resolve(positional[0] ?? defaultInput()),
    json: json === null ? null : path.resolve(json),
    parseOnly: args.includes('--parse-only'),
    jobs: Math.floor(num('--jobs', 2)),
    timeoutMs: num('--timeout-ms', 10_000),
    solver,
    maxMinutes: num('--max-minutes', 20),
    giveUpAfter: Math.floor(num('--give-up-after', 3)),
    cacheDir: flag('--cache') === null ? null : path.resolve(flag('--cache')!),
  };
}

const pct = (x: number): string => `${x.toFixed(1)}%`;
const countsLine = (c: StatusCounts, parseOnly: boolean): string =>
  parseOnly
    ? `${c.functions} fns: ${c.pending} accepted by the front end (not solved), ${c.unsupported} unsupported, ${c.error} error, ${c.missing} no result`
    : `${c.functions} fns: ${c.verified} verified, ${c.failed} failed, ${c.timeout} timeout, ${c.unsupported} unsupported, ${c.error} error, ${c.missing} no result${c.pending ? `, ${c.pending} unfinished` : ''}`;

function render(r: Report): string {
  const out: string[] = [];
  const parseOnly = r.mode === 'parse-only';
  out.push(`Atmosphere benchmark (${r.mode}) on ${r.input}`);
  out.push(`solver ${r.solver}, --jobs ${r.jobs}, ${r.timeoutMs} ms per query, give up on a function after ${r.giveUpAfter} timeouts, ${r.cacheDir ? `result cache ${r.cacheDir}` : 'no cache'}${r.aborted ? ' -- STOPPED by --max-minutes' : ''}`);
  out.push(`wall time ${(r.wallMs / 1000).toFixed(1)} s`);
  out.push('');
  out.push(`crate: ${r.crateRoot} and its mod tree: ${r.files.inTree} files, ${r.files.parse} parse, ${r.files.withVerus} contain verus!`);
  if (r.files.outsideTree.length) out.push(`outside the mod tree (not verified, as in Verus): ${r.files.outsideTree.join(', ')}`);
  for (const u of r.files.unresolvedModules) out.push(`module \`${u.module}\` declared in ${u.from}: no file`);
  out.push('');
  out.push(`functions inside verus!: ${countsLine(r.totals, parseOnly)}`);
  if (!parseOnly) out.push(`reaching a verdict (verified + failed + timeout): ${r.totals.verified + r.totals.failed + r.totals.timeout} of ${r.totals.functions} = ${pct(r.verdictPercent)}`);
  out.push('');
  out.push('per module:');
  const w = Math.max(...r.modules.map((m) => m.module.length), 6);
  for (const m of r.modules) out.push(`  ${m.module.padEnd(w)}  ${String(m.files).padStart(2)} files  ${countsLine(m.counts, parseOnly)}${parseOnly ? '' : `  (${pct(m.verdictPercent)})`}`);
  out.push('');
  if (!parseOnly) {
    const slow = r.functions.filter((f) => f.timeMs !== undefined).sort((a, b) => b.timeMs! - a.timeMs!).slice(0, 10);
    out.push('slowest functions (solver time of their goals):');
    for (const f of slow) out.push(`  ${(f.timeMs! / 1000).toFixed(1).padStart(7)} s  ${String(f.goals ?? 0).padStart(4)} goals  ${f.status.padEnd(9)} ${f.name}  (${f.file}:${f.line})`);
    out.push('');
  }
  out.push('what blocks functions (unsupported / error / no result), by functions blocked:');
  for (const b of r.blockers) out.push(`  ${String(b.functions).padStart(4)}  ${b.construct}    e.g. ${b.examples[0] ?? ''}`);
  if (r.behindCrateWide.length) {
    out.push('');
    out.push(`behind the crate-wide gap: what the parser and checker find in those ${r.behindCrateWide.reduce((n, b) => n + b.functions, 0)} functions themselves:`);
    for (const b of r.behindCrateWide) out.push(`  ${String(b.functions).padStart(4)}  ${b.construct}    e.g. ${b.examples[0] ?? ''}`);
  }
  out.push('');
  out.push(`files that do not parse (${r.files.inTree - r.files.parse}), by first diagnostic:`);
  for (const g of r.parseFailures) {
    out.push(`  ${String(g.files.length).padStart(3)}  ${g.message}`);
    for (const f of g.files) out.push(`         ${f.file}  ${f.diagnostic}`);
  }
  if (r.otherResults.length) {
    out.push('');
    out.push('results for items that are not functions (not counted above):');
    for (const o of r.otherResults) out.push(`  ${String(o.count).padStart(4)}  ${o.blocker.startsWith(o.status) ? o.blocker : `${o.status}: ${o.blocker}`}`);
  }
  return out.join('\n');
}

/** The crate's root file: lib.rs or main.rs, at the top or in src/. */
function crateRootOf(files: Map<string, string>): string {
  const root = ['lib.rs', 'main.rs', 'src/lib.rs', 'src/main.rs'].find((f) => files.has(f));
  if (!root) throw new Error('atmosphere: no lib.rs or main.rs (nor src/lib.rs, src/main.rs): not a crate');
  return root;
}

export async function main(args: string[]): Promise<Report | null> {
  const opts = parseArgs(args);
  if (!existsSync(opts.input)) {
    console.log(`atmosphere: no crate at ${opts.input}; skipped (give its path: npm run bench -- atmosphere PATH)`);
    return null;
  }
  if (opts.json && !path.relative(opts.input, opts.json).startsWith('..')) throw new Error(`atmosphere: the crate is read-only; write --json outside ${opts.input}`);
  const t0 = performance.now();
  const all = await readRustSources(opts.input);
  const crateRoot = crateRootOf(all);
  const tree = moduleTree(crateRoot, (f) => all.get(f) ?? '', (f) => all.has(f));
  const files = new Map(tree.files.map((f) => [f, all.get(f)!]));

  // ---- the verifier's results ----
  let results: FunctionResult[];
  let aborted = false;
  const statusOf = new Map<FunctionResult, ResultLike['status']>();
  // The front end alone (parse, resolve, check: seconds): each function's own first gap, which a
  // crate-wide gap hides in the verifier's results.
  const fe = await runFrontEnd(files, {});
  const ownGap = new Map<string, string>();
  for (const f of fe.parsed) {
    const lm = fe.lineMaps.get(f.path)!;
    for (const it of f.items) {
      if (it.k !== 'fn') continue;
      const attr = it.unsupportedAttrs?.find((a) => !a.crate);
      const err = it.parseError?.diagnostic ?? fe.checked.fnErrors.get(it)?.[0] ?? fe.checked.fnUnsupported.get(it);
      const gap = attr ? `unsupported attribute \`#[${attr.attr}]\`` : err?.message ?? (it.unsupportedAttrs?.length ? `unsupported attribute \`#[${it.unsupportedAttrs[0]!.attr}]\`` : undefined);
      ownGap.set(`${f.path}\0${lm.span(it.nameSp).start.line}`, gap === undefined ? 'none found by the parser and checker' : blockerOf(gap));
    }
  }
  if (opts.parseOnly) {
    // front end only: its verdicts (unsupported / error) without solving; the rest is `pending`
    results = fe.functions;
    for (const u of fe.units) {
      // obligations are generated (that can still fail: an error) but not solved
      fe.finishUnit(u);
      const gap = u.vc.unsupported ?? u.vc.error;
      const r: FunctionResult = { name: u.vc.info.qname, file: u.file.path, span: u.lines.span(u.vc.info.item.sp), nameSpan: u.lines.span(u.vc.info.item.nameSp), mode: u.mode, status: u.vc.unsupported ? 'unsupported' : 'error', timeMs: 0, cached: false, obligations: [] };
      // (a gap in a callee's clause is in the callee's file)
      const lm = (gap?.file !== undefined && fe.lineMaps.get(gap.file)) || u.lines;
      if (gap) r.detail = `${gap.message} at ${gap.file ?? u.file.path}:${lm.span(gap.sp).start.line}:${lm.span(gap.sp).start.column}`;
      else statusOf.set(r, 'pending');
      results.push(r);
    }
  } else {
    // the verifier writes nothing with the cache off; its root is a scratch directory all the same
    if (opts.cacheDir) mkdirSync(opts.cacheDir, { recursive: true });
    const scratch = opts.cacheDir ?? mkdtempSync(path.join(tmpdir(), 'stratos-atmosphere-'));
    const ctrl = new AbortController();
    const cap = setTimeout(() => ctrl.abort(), opts.maxMinutes * 60_000);
    const finished = new Set<string>();
    try {
      const report = await verifySources(files, {
        root: scratch,
        jobs: opts.jobs,
        timeoutMs: opts.timeoutMs,
        useCache: !!opts.cacheDir,
        solver: opts.solver,
        signal: ctrl.signal,
        giveUpAfterTimeouts: opts.giveUpAfter,
        // (a function cut short by the stop is reported `canceled`: it did not finish)
        onFunctionResult: (r) => {
          if (!(r.status === 'timeout' && r.detail === 'canceled')) finished.add(`${r.file}\0${r.name}\0${r.span.start.line}`);
        },
      });
      results = report.functions;
      aborted = ctrl.signal.aborted;
      // after an abort, a function that was not finished by then has no verdict
      if (aborted) for (const r of results) if (!finished.has(`${r.file}\0${r.name}\0${r.span.start.line}`)) statusOf.set(r, 'pending');
    } finally {
      clearTimeout(cap);
      await shutdownSolvers();
      if (!opts.cacheDir) rmSync(scratch, { recursive: true, force: true });
    }
  }

  // ---- per file ----
  const byFile = new Map<string, ResultLike[]>();
  for (const r of results) {
    const like: ResultLike = { name: r.name, file: r.file, line: (r.nameSpan ?? r.span).start.line, endLine: r.span.end.line, status: statusOf.get(r) ?? r.status };
    if (r.detail !== undefined) like.detail = r.detail;
    if (!opts.parseOnly) {
      like.timeMs = Math.round(r.timeMs);
      like.goals = r.obligations.length;
    }
    byFile.set(r.file, [...(byFile.get(r.file) ?? []), like]);
  }
  const perFile: FileReport[] = [];
  const rows: FunctionRow[] = [];
  const extra: ResultLike[] = [];
  for (const file of [...tree.files].sort()) {
    const text = files.get(file)!;
    const syntax = parseFile(file, text).diagnostics;
    const fnsInVerus = verusFunctions(text);
    const first = syntax[0];
    let firstDiagnostic: string | undefined;
    if (first) {
      const before = text.slice(0, first.sp.start).split('\n');
      firstDiagnostic = `${before.length}:${before[before.length - 1]!.length + 1} ${first.message}`;
    }
    const matched = matchFunctions(file, fnsInVerus, byFile.get(file) ?? [], first?.message);
    rows.push(...matched.rows);
    extra.push(...matched.extra);
    perFile.push({ file, module: moduleOf(file), parses: syntax.length === 0, ...(firstDiagnostic ? { firstDiagnostic } : {}), syntaxDiagnostics: syntax.length, functions: fnsInVerus.length, counts: countRows(matched.rows) });
  }
  for (const row of rows) if (row.detail !== undefined && isCrateWide(row.detail)) row.behind = ownGap.get(`${row.file}\0${row.line}`) ?? 'none found by the parser and checker';
  // results for files outside the tree cannot occur (only the tree is verified); any other is extra
  for (const [file, rs] of byFile) if (!files.has(file)) extra.push(...rs);

  const moduleNames = [...new Set(perFile.map((f) => f.module))].sort();
  const modules = moduleNames.map((module) => {
    const counts = countRows(rows.filter((r) => moduleOf(r.file) === module));
    return { module, files: perFile.filter((f) => f.module === module).length, counts, verdictPercent: verdictPercent(counts) };
  });
  const failures = new Map<string, { file: string; diagnostic: string }[]>();
  for (const f of perFile) {
    if (f.parses) continue;
    const message = blockerOf(f.firstDiagnostic!.replace(/^\d+:\d+ /, ''));
    failures.set(message, [...(failures.get(message) ?? []), { file: f.file, diagnostic: f.firstDiagnostic! }]);
  }
  const others = new Map<string, { status: string; blocker: string; count: number }>();
  for (const e of extra) {
    const blocker = e.detail !== undefined ? blockerOf(e.detail) : e.name;
    const key = `${e.status}\0${blocker}`;
    const o = others.get(key) ?? { status: e.status, blocker, count: 0 };
    o.count++;
    others.set(key, o);
  }
  const totals = countRows(rows);
  const report: Report = {
    input: opts.input,
    date: new Date().toISOString(),
    mode: opts.parseOnly ? 'parse-only' : 'verify',
    solver: opts.parseOnly ? 'none' : opts.solver,
    jobs: opts.jobs,
    timeoutMs: opts.timeoutMs,
    giveUpAfter: opts.giveUpAfter,
    cacheDir: opts.cacheDir,
    aborted,
    wallMs: performance.now() - t0,
    crateRoot,
    files: {
      inTree: tree.files.length,
      parse: perFile.filter((f) => f.parses).length,
      withVerus: perFile.filter((f) => /\bverus\s*!/.test(files.get(f.file)!)).length,
      outsideTree: [...all.keys()].filter((f) => !files.has(f)).sort(),
      unresolvedModules: tree.unresolved,
    },
    totals,
    verdictPercent: verdictPercent(totals),
    modules,
    blockers: rankBlockers(rows),
    behindCrateWide: rankBlockers(rows, 3, (r) => r.behind),
    parseFailures: [...failures].map(([message, fs]) => ({ message, files: fs })).sort((a, b) => b.files.length - a.files.length || (a.message < b.message ? -1 : 1)),
    otherResults: [...others.values()].sort((a, b) => b.count - a.count),
    perFile,
    functions: rows,
  };
  console.log(render(report));
  if (opts.json) {
    mkdirSync(path.dirname(opts.json), { recursive: true });
    writeFileSync(opts.json, JSON.stringify(report, null, 2) + '\n');
    console.log(`\nJSON report: ${opts.json}`);
  }
  return report;
}
