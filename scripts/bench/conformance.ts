// Conformance benchmark: runs Verus's own test suite through our verifier and compares verdicts.
//   npm run bench -- conformance [PATH] [--filter SUBSTR] [--limit N] [--timeout-ms N] [--jobs N] [--out FILE]
// PATH defaults to ../shared/third_party/verus-tests (relative to the repo root); see
// docs/benchmarks.md for what the classes mean. Cases listed in conformance-triage.json are
// unsound verdicts someone has looked at and explained.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FunctionStatus, VerifyReport } from '../../app/verification';
import { autoSolver, shutdownSolvers, verifySources } from '../../toolchain/verifier/index';
import { expectedMessages, extractCases, importsBuiltins, type ConformanceCase, type ExtractProblem } from './conformance/extract';

/** Our verdict on a whole case. */
type Outcome = 'verified' | 'failed' | 'rejected' | 'unsupported' | 'crash';

/** How our verdict compares with Verus's. */
type Verdict =
  | 'agree'
  | 'both-reject'
  | 'unsupported'
  /** Verus verifies, we report a failure: incompleteness, not unsoundness. */
  | 'incomplete'
  /** Verus verifies or reports a failure, we reject the program. */
  | 'over-rejected'
  /** Verus rejects, we report a verification failure: we never claim it verifies. */
  | 'fail-not-reject'
  /** Verus rejects or reports a failure, we say it verifies. */
  | 'unsound'
  | 'crash';

const VERDICTS: Verdict[] = ['agree', 'both-reject', 'unsupported', 'incomplete', 'over-rejected', 'fail-not-reject', 'unsound', 'crash'];

interface FunctionSummary {
  name: string;
  status: FunctionStatus;
  /** 1-based line of the function in the case's source. */
  line: number;
  detail?: string;
  /** Lines of obligations that failed or timed out. */
  failedLines: number[];
}

interface CaseResult {
  case: string;
  file: string;
  name: string;
  expect: ConformanceCase['expect'];
  failsCount: number | null;
  failsLines: number[];
  ignored: boolean;
  options: string[];
  outcome: Outcome;
  verdict: Verdict;
  /** For `fails` cases we agree on: whether our failing lines are exactly Verus's FAILS lines. */
  linesAgree?: boolean;
  triaged?: string;
  ms: number;
  functions: FunctionSummary[];
  /** Error diagnostics (and a crash's message). */
  errors: string[];
}

interface TriageEntry {
  case: string;
  reason: string;
}

interface Options {
  input: string;
  filter: string | null;
  limit: number;
  timeoutMs: number;
  jobs: number;
  out: string;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** A case that has not answered by then is recorded as a crash (the verifier hung). */
const CASE_WALL_MS = 60_000;

/**
 * `../shared/third_party/verus-tests` next to the repo; a git worktree nested deeper (as in
 * /work/wt/NAME next to /work/main) finds it next to an ancestor.
 */
function defaultInput(): string {
  const wanted = 'shared/third_party/verus-tests';
  for (let dir = path.dirname(repoRoot); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, wanted))) return path.join(dir, wanted);
    if (path.dirname(dir) === dir) return path.join(repoRoot, '..', wanted);
  }
}

function parseArgs(args: string[]): Options {
  const flag = (name: string): string | null => {
    const i = args.indexOf(name);
    return i >= 0 && i + 1 < args.length ? args[i + 1]! : null;
  };
  const num = (name: string, dflt: number): number => {
    const v = flag(name);
    return v === null ? dflt : Number(v);
  };
  const valued = new Set(['--filter', '--limit', '--timeout-ms', '--jobs', '--out']);
  const positional = args.filter((a, i) => !a.startsWith('-') && !valued.has(args[i - 1] ?? ''));
  return {
    input: path.resolve(positional[0] ?? defaultInput()),
    filter: flag('--filter'),
    limit: num('--limit', Infinity),
    timeoutMs: num('--timeout-ms', 5000),
    jobs: num('--jobs', 2),
    out: path.resolve(flag('--out') ?? path.join(repoRoot, '.stratos/conformance.json')),
  };
}

/**
 * Our front end reports some gaps as errors ("closures are not supported"): such an error says
 * nothing about the program, so it makes the case unsupported, not rejected (else a case Verus
 * rejects for another reason would count as agreement).
 */
const GAP_MESSAGE = /not supported|unsupported/i;
/**
 * Verus's tests are Rust that rustc parses and resolves (a test about a Rust error says so in its
 * expectation, and we cannot tell our gap from its error): when our parser cannot read a case, or
 * a name does not resolve (vstd's library, std, items we do not model), that is our front end's
 * gap too, so the case is unsupported rather than rejected or over-rejected.
 */
const FRONT_END_GAP = /^(expected .*, found|expected (expression|item|identifier|type|pattern)|unterminated|unknown macro|bad integer literal|cannot find (function|type|value|struct|macro|broadcast proof fn or group)|no method named|no field `|no variant|ambiguous name|cannot resolve pattern|`\w+` is not a spec function)/i;
const isGap = (m: string): boolean => GAP_MESSAGE.test(m) || FRONT_END_GAP.test(m.replace(/^\d+:\d+ /, ''));

/**
 * Our verdict from the report: gaps first, then rejection (a rejected program proves nothing), then
 * failures. An error that says what Verus's test expects it to say (`verusMessages`) is a
 * rejection for Verus's reason, even where Verus's words read like a gap ("'add' statements are
 * not supported inside conditionals").
 */
function outcomeOf(report: VerifyReport, verusMessages: readonly string[]): Outcome {
  const errors = [...report.functions.filter((f) => f.status === 'error').map((f) => f.detail ?? ''), ...report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)];
  if (errors.some((e) => verusMessages.some((m) => e.includes(m)))) return 'rejected';
  if (errors.some(isGap)) return 'unsupported';
  if (errors.length > 0) return 'rejected';
  if (report.functions.some((f) => f.status === 'unsupported')) return 'unsupported';
  if (report.functions.some((f) => f.status === 'failed' || f.status === 'timeout')) return 'failed';
  return 'verified';
}

function verdictOf(expect: ConformanceCase['expect'], outcome: Outcome): Verdict {
  if (outcome === 'crash') return 'crash';
  if (outcome === 'unsupported') return 'unsupported';
  switch (expect) {
    case 'verifies':
      return outcome === 'verified' ? 'agree' : outcome === 'failed' ? 'incomplete' : 'over-rejected';
    case 'fails':
      return outcome === 'failed' ? 'agree' : outcome === 'verified' ? 'unsound' : 'over-rejected';
    default:
      return outcome === 'rejected' ? 'both-reject' : outcome === 'failed' ? 'fail-not-reject' : 'unsound';
  }
}

/**
 * An unsupported/error detail without its position and the user's names in it, so that equal
 * reasons rank together ("trait impl for S" and "trait impl for X" are one gap).
 */
function reasonOf(detail: string): string {
  return detail
    .replace(/ at [^ ]+:\d+:\d+$/, '')
    .replace(/trait impl for .*/, 'trait impl for <type>')
    .replace(/(generic (?:struct|enum|function)|call of generic function|ambiguous name|cannot find (?:type|function|value)) `[^`]*`/, '$1 `…`')
    .trim();
}

/**
 * What each option of `test_verify_one_file_with_options!` means here. `ok`: cannot change a
 * verdict of ours, or is what we do anyway; `noCheating`, `execAllowsNoDecreasesClause`, `checkApiSafety` and `noExternalByDefault`: passed on as
 * the VerifyOptions of that name;
 * `unsupported`: changes what Verus checks in a way we do not implement (the case is classified
 * unsupported without running it). An option not listed is unsupported.
 */
const CASE_OPTIONS: Record<string, 'ok' | 'noCheating' | 'execAllowsNoDecreasesClause' | 'checkApiSafety' | 'noExternalByDefault' | 'builtinsImported' | 'unsupported'> = {
  // vstd is always available
  vstd: 'ok',
  // exec loops and recursive exec functions may go without `decreases`
  exec_allows_no_decreases_clause: 'execAllowsNoDecreasesClause',
  '--no-cheating': 'noCheating',
  // output and test-harness settings, solver query splitting, code generation after verification
  '--expand-errors': 'ok',
  '--disable-internal-test-mode': 'ok',
  '--compile': 'ok',
  '-V spinoff-all': 'ok',
  '-V allow-inline-air': 'ok',
  // verify the code outside verus! too
  '--no-external-by-default': 'noExternalByDefault',
  // extra checks of public APIs
  '-V check-api-safety': 'checkApiSafety',
  // lifetime / erasure checks off: Verus accepts programs on other grounds than ours
  '--no-lifetime': 'unsupported',
  '--no-erasure-check': 'unsupported',
  // another bit-vector encoding
  'no-bv-simplify': 'unsupported',
  // name resolution without verus_builtin's names: the same as ours when the case imports them
  // all itself (`use vstd::prelude::*;` / `use verus_builtin::*;`), else not modelled
  'no-auto-import-verus_builtin': 'builtinsImported',
  // verifying the core library itself
  '--is-core': 'unsupported',
  // other language edition
  '--edition 2024': 'unsupported',
  // Verus does not verify at all
  '--no-verify': 'unsupported',
};

async function runCase(c: ConformanceCase, opts: Options, root: string, triage: Map<string, string>): Promise<CaseResult> {
  const t0 = performance.now();
  const id = `${c.file}::${c.name}`;
  const base = { case: id, file: c.file, name: c.name, expect: c.expect, failsCount: c.failsCount, failsLines: c.failsLines, ignored: c.ignored, options: c.options };
  const abort = new AbortController();
  let wall: ReturnType<typeof setTimeout> | undefined;
  const unsupportedOption = c.options.find((o) => {
    const meaning = CASE_OPTIONS[o] ?? 'unsupported';
    return meaning === 'unsupported' || (meaning === 'builtinsImported' && !importsBuiltins(c.source));
  });
  if (unsupportedOption !== undefined) {
    const detail = `option ${unsupportedOption} not supported`;
    return { ...base, outcome: 'unsupported', verdict: 'unsupported', ms: 0, functions: [{ name: '<options>', status: 'unsupported', line: 1, detail, failedLines: [] }], errors: [] };
  }
  const noCheating = c.options.some((o) => CASE_OPTIONS[o] === 'noCheating');
  const execAllowsNoDecreasesClause = c.options.some((o) => CASE_OPTIONS[o] === 'execAllowsNoDecreasesClause');
  const checkApiSafety = c.options.some((o) => CASE_OPTIONS[o] === 'checkApiSafety');
  const noExternalByDefault = c.options.some((o) => CASE_OPTIONS[o] === 'noExternalByDefault');
  try {
    const timedOut = new Promise<never>((_, reject) => {
      wall = setTimeout(() => {
        abort.abort();
        reject(new Error(`no answer after ${CASE_WALL_MS / 1000} s`));
      }, CASE_WALL_MS);
    });
    const report = await Promise.race([
      verifySources(new Map([['case.rs', c.source]]), { root, solver: autoSolver(), useCache: false, timeoutMs: opts.timeoutMs, jobs: opts.jobs, signal: abort.signal, noCheating, execAllowsNoDecreasesClause, checkApiSafety, noExternalByDefault }),
      timedOut,
    ]);
    const outcome = outcomeOf(report, c.expect === 'rejects' ? expectedMessages(c.assertion) : []);
    const verdict = verdictOf(c.expect, outcome);
    const functions: FunctionSummary[] = report.functions.map((f) => ({
      name: f.name,
      status: f.status,
      line: f.span.start.line,
      ...(f.detail ? { detail: f.detail } : {}),
      failedLines: f.obligations.filter((o) => o.status !== 'proved').map((o) => o.span.start.line),
    }));
    const result: CaseResult = {
      ...base,
      outcome,
      verdict,
      ms: Math.round(performance.now() - t0),
      functions,
      errors: report.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.span.start.line}:${d.span.start.column} ${d.message}`),
    };
    if (c.expect === 'fails' && verdict === 'agree') {
      const ours = [...new Set(functions.flatMap((f) => f.failedLines))].sort((a, b) => a - b);
      result.linesAgree = ours.length === c.failsLines.length && ours.every((l, i) => l === c.failsLines[i]);
    }
    if (verdict === 'unsound' && triage.has(id)) result.triaged = triage.get(id)!;
    return result;
  } catch (e) {
    abort.abort();
    return { ...base, outcome: 'crash', verdict: 'crash', ms: Math.round(performance.now() - t0), functions: [], errors: [String((e as Error)?.stack ?? e)] };
  } finally {
    clearTimeout(wall);
  }
}

function readCases(opts: Options): { cases: ConformanceCase[]; problems: ExtractProblem[] } {
  const cases: ConformanceCase[] = [];
  const problems: ExtractProblem[] = [];
  const files = readdirSync(opts.input).filter((f) => f.endsWith('.rs')).sort();
  for (const f of files) {
    const r = extractCases(f, readFileSync(path.join(opts.input, f), 'utf8'));
    cases.push(...r.cases);
    problems.push(...r.problems);
  }
  const wanted = cases.filter((c) => !opts.filter || c.file.includes(opts.filter) || c.name.includes(opts.filter));
  return { cases: wanted.slice(0, opts.limit), problems };
}

function readTriage(): Map<string, string> {
  const p = path.join(repoRoot, 'scripts/bench/conformance-triage.json');
  if (!existsSync(p)) return new Map();
  const entries = JSON.parse(readFileSync(p, 'utf8')) as TriageEntry[];
  return new Map(entries.map((e) => [e.case, e.reason]));
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}

/** Three lines of the case's source: around its first FAILS line, else from its first function. */
function excerpt(c: ConformanceCase, r: CaseResult): string {
  const lines = c.source.split('\n');
  const at = c.failsLines[0] !== undefined ? c.failsLines[0] - 1 : (r.functions[0]?.line ?? 2);
  const from = Math.max(0, at - 1);
  return lines
    .slice(from, from + 3)
    .map((l, i) => `      ${String(from + 1 + i).padStart(4)}| ${l}`)
    .join('\n');
}

export async function main(args: string[]): Promise<void> {
  const opts = parseArgs(args);
  if (!existsSync(opts.input)) {
    console.log(`conformance: skipped, no Verus test suite at ${opts.input}`);
    return;
  }
  const { cases, problems } = readCases(opts);
  const triage = readTriage();
  const others = cases.filter((c) => c.expect === 'other');
  const runnable = cases.filter((c) => c.expect !== 'other');
  const root = mkdtempSync(path.join(tmpdir(), 'stratos-conformance-'));
  const t0 = performance.now();
  const results: CaseResult[] = [];
  try {
    // Cases run one after another; each uses `jobs` solver processes for its own queries.
    for (const c of runnable) {
      results.push(await runCase(c, opts, root, triage));
      if (results.length % 200 === 0) {
        const s = ((performance.now() - t0) / 1000).toFixed(0);
        console.error(`conformance: ${results.length}/${runnable.length} cases, ${s} s`);
      }
    }
  } finally {
    await shutdownSolvers();
    rmSync(root, { recursive: true, force: true });
  }
  const wallS = (performance.now() - t0) / 1000;

  // ---- per-file table ----
  const count = (rs: CaseResult[], v: Verdict) => rs.filter((r) => r.verdict === v).length;
  const files = [...new Set(results.map((r) => r.file))];
  const header = ['file', 'cases', ...VERDICTS];
  const rowOf = (label: string, rs: CaseResult[]) => [label, String(rs.length), ...VERDICTS.map((v) => String(count(rs, v)))];
  const rows = [header, ...files.map((f) => rowOf(f, results.filter((r) => r.file === f))), rowOf('TOTAL', results)];
  console.log(table(rows));

  // ---- summary ----
  const supported = results.length - count(results, 'unsupported');
  const agreed = count(results, 'agree') + count(results, 'both-reject');
  const rate = supported > 0 ? (100 * agreed) / supported : 0;
  const unsound = results.filter((r) => r.verdict === 'unsound');
  const untriaged = unsound.filter((r) => !r.triaged);
  const failsAgree = results.filter((r) => r.linesAgree !== undefined);
  console.log('');
  console.log(`cases: ${cases.length} read (${problems.length} unreadable test bodies not counted), ${others.length} other (custom assertions, not run), ${results.length} run (${results.filter((r) => r.ignored).length} #[ignore]d in Verus) in ${wallS.toFixed(0)} s`);
  console.log(`expectations run: verifies ${results.filter((r) => r.expect === 'verifies').length}, fails ${results.filter((r) => r.expect === 'fails').length}, rejects ${results.filter((r) => r.expect === 'rejects').length}`);
  console.log(`agreement on supported cases: ${agreed}/${supported} = ${rate.toFixed(1)}% (agree ${count(results, 'agree')} + both-reject ${count(results, 'both-reject')}; unsupported ${count(results, 'unsupported')})`);
  // Our parser rejecting a program Verus rejects for a type or mode error is a coincidence, not
  // agreement on the reason: show how much of both-reject that is.
  const bySyntax = results.filter((r) => r.verdict === 'both-reject' && r.functions.some((f) => f.name.startsWith('<syntax errors')));
  const strict = supported > 0 ? (100 * (agreed - bySyntax.length)) / supported : 0;
  console.log(`both-reject where our rejection is a syntax error of our parser: ${bySyntax.length}; agreement without them: ${strict.toFixed(1)}%`);
  console.log(`agree-lines: ${failsAgree.filter((r) => r.linesAgree).length}/${failsAgree.length} agreed 'fails' cases report exactly Verus's FAILS lines`);
  console.log(`unsound (untriaged): ${untriaged.length}; unsound (triaged): ${unsound.length - untriaged.length}; of all unsound, ${unsound.filter((r) => r.functions.length === 0).length} check no function at all; crash: ${count(results, 'crash')}`);

  // ---- unsound cases ----
  if (unsound.length > 0) {
    console.log('\nUNSOUND cases (we say verified; Verus fails or rejects):');
    const byId = new Map(runnable.map((c) => [`${c.file}::${c.name}`, c]));
    for (const r of unsound) {
      const fns = r.functions.map((f) => `${f.name}=${f.status}`).join(' ') || '(no functions)';
      const tag = r.triaged ? ` unsound (triaged: ${r.triaged})` : '';
      console.log(`  ${r.case} (expect ${r.expect}${r.expect === 'rejects' ? '' : ` ${r.failsCount ?? 'some'}`})${tag} — functions: ${fns}`);
      console.log(excerpt(byId.get(r.case)!, r));
    }
  }

  // ---- why cases are unsupported ----
  const reasons = new Map<string, number>();
  for (const r of results.filter((x) => x.verdict === 'unsupported')) {
    // a case counts once per distinct reason
    const details = [...r.functions.filter((f) => f.status === 'unsupported').map((f) => f.detail ?? '(no detail)'), ...r.errors.map((e) => e.replace(/^\d+:\d+ /, '')).filter(isGap)];
    for (const reason of new Set(details.map(reasonOf))) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const ranked = [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log('\nTop unsupported reasons (cases):');
  for (const [reason, n] of ranked) console.log(`  ${String(n).padStart(5)}  ${reason}`);

  mkdirSync(path.dirname(opts.out), { recursive: true });
  writeFileSync(
    opts.out,
    JSON.stringify({ input: opts.input, timeoutMs: opts.timeoutMs, wallS: Math.round(wallS), agreementRate: rate, agreementRateWithoutSyntaxRejects: strict, bothRejectBySyntaxError: bySyntax.length, totals: Object.fromEntries(VERDICTS.map((v) => [v, count(results, v)])), problems, other: others.map((c) => ({ case: `${c.file}::${c.name}`, assertion: c.assertion })), results }, null, 1),
  );
  console.log(`\nwrote ${path.relative(process.cwd(), opts.out) || opts.out}`);
}
