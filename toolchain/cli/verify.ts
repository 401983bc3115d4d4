// `stratos verify`: verify annotated Rust with Z3 (docs/contracts.md §3).

import * as path from 'node:path';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type { FunctionResult, VerifyReport } from '../../app/verification';
import { autoSolver, nativeZ3Available, shutdownSolvers, verifyPaths } from '../verifier/index';
import { closeCacheBackends, parseCacheSpec } from '../verifier/cache-backend';
import { parseShard, type Shard } from '../verifier/shard';

export const help = `Usage: stratos verify [PATH...] [options]

Verify the functions inside \`verus! { }\` of the given .rs files or directories
(default: the workspace, kernel-workspace/ when it exists, else the current directory).

Options:
  --json               print one JSON document (version 1) on stdout
  --format FMT         text (default), json, or sarif (SARIF 2.1.0)
  --function NAME      verify only this function (\`name\` or \`Type::name\`)
  --jobs N             solver worker threads (default: number of cores)
  --timeout-ms N       per-query solver timeout (default 10000)
  --no-cache           do not read or write the result cache
  --cache SPEC         where cached results live: local (default: .stratos/cache under
                       --root) or redis://[:PASSWORD@]HOST:PORT[/DB] (rediss:// for TLS),
                       shared by machines; default: $STRATOS_CACHE, else local. A Redis that
                       is down or slow never fails the run: queries are solved, with a warning
  --shard I/N          verify only shard I of N (1 <= I <= N): the files whose path hash is
                       I modulo N; the union of the N shards is the whole run, and the
                       report (text, JSON, SARIF) holds only this shard's functions
  --no-cheating        every assume(..), admit() and #[verifier::external_body] fails
  --exec-allows-no-decreases-clause
                       exec loops and recursive exec functions need no \`decreases\`
                       (partial correctness; by default they need one, as in Verus)
  --check-api-safety   Verus' -V check-api-safety: public functions may not require anything
                       of safe callers, a public trait's method must ensure only what any
                       implementation gives
  --no-external-by-default
                       Verus' option of that name: the code outside verus! { } is Verus
                       code and verified too (by default it is plain Rust, not verified)
  --dump-smt DIR       write every solver query to DIR
  --profile            z3's quantifier-instantiation profile (smt.qi.profile) per function:
                       the quantifiers with the most instances and where they are written;
                       each query in its own native z3 process, the cache bypassed
  --solver S           auto (default): native z3 when \`z3\` is on PATH, else wasm;
                       wasm: z3-solver in worker threads (the IDE's solver); native: z3 on PATH
  --no-incremental     solve every query standalone (by default each function's queries
                       share one z3 session, native or wasm: prelude sent once, goals in
                       push/pop; any answer but unsat is re-solved standalone)
  --give-up-after N    stop solving a function's goals once N of them have timed out; the
                       rest are reported as timeouts not tried (default: try every goal)
  --root DIR           workspace root for relative paths and the cache (default: cwd)

Exit status: 0 when every function verified, 1 when any function failed, timed out,
is unsupported or has errors, 2 on usage or I/O errors.`;

interface Args {
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  fn?: string;
  jobs?: number;
  timeoutMs?: number;
  giveUpAfter?: number;
  noCheating?: boolean;
  execAllowsNoDecreasesClause?: boolean;
  noExternalByDefault?: boolean;
  checkApiSafety?: boolean;
  cache: boolean;
  cacheSpec: string;
  shard?: Shard;
  dump?: string;
  profile?: boolean;
  solver: 'auto' | 'wasm' | 'native';
  incremental: boolean;
  root: string;
}

function parseArgs(argv: string[]): Args | string {
  const a: Args = { paths: [], format: 'text', cache: true, cacheSpec: process.env.STRATOS_CACHE || 'local', solver: 'auto', incremental: true, root: process.cwd() };
  let cacheFromEnv = Boolean(process.env.STRATOS_CACHE);
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    const val = (): string | undefined => {
      if (x.includes('=')) return x.slice(x.indexOf('=') + 1);
      return argv[++i];
    };
    const name = x.includes('=') ? x.slice(0, x.indexOf('=')) : x;
    switch (name) {
      case '--json': a.format = 'json'; break;
      case '--format': {
        const v = val();
        if (v !== 'text' && v !== 'json' && v !== 'sarif') return `--format must be text, json or sarif`;
        a.format = v;
        break;
      }
      case '--function': { const v = val(); if (!v) return '--function needs a name'; a.fn = v; break; }
      case '--jobs': { const v = Number(val()); if (!Number.isInteger(v) || v < 1) return '--jobs needs a positive integer'; a.jobs = v; break; }
      case '--timeout-ms': { const v = Number(val()); if (!Number.isFinite(v) || v < 1) return '--timeout-ms needs a positive number'; a.timeoutMs = v; break; }
      case '--give-up-after': { const v = Number(val()); if (!Number.isInteger(v) || v < 1) return '--give-up-after needs a positive integer'; a.giveUpAfter = v; break; }
      case '--no-cache': a.cache = false; break;
      case '--cache': { const v = val(); if (!v) return '--cache needs local or a redis:// URL'; a.cacheSpec = v; cacheFromEnv = false; break; }
      case '--shard': { const v = val(); if (!v) return '--shard needs I/N'; const sh = parseShard(v); if (typeof sh === 'string') return `--shard: ${sh}`; a.shard = sh; break; }
      case '--no-cheating': a.noCheating = true; break;
      case '--no-incremental': a.incremental = false; break;
      case '--exec-allows-no-decreases-clause': a.execAllowsNoDecreasesClause = true; break;
      case '--check-api-safety': a.checkApiSafety = true; break;
      case '--no-external-by-default': a.noExternalByDefault = true; break;
      case '--profile': a.profile = true; break;
      case '--dump-smt': { const v = val(); if (!v) return '--dump-smt needs a directory'; a.dump = v; break; }
      case '--solver': { const v = val(); if (v !== 'auto' && v !== 'wasm' && v !== 'native') return '--solver must be auto, wasm or native'; a.solver = v; break; }
      case '--root': { const v = val(); if (!v) return '--root needs a directory'; a.root = path.resolve(v); break; }
      default:
        if (x.startsWith('-')) return `unknown option ${x}`;
        a.paths.push(x);
    }
  }
  const spec = a.cache ? parseCacheSpec(a.cacheSpec) : null;
  if (typeof spec === 'string') return `${cacheFromEnv ? 'STRATOS_CACHE' : '--cache'}: ${spec}`;
  // a function of another shard would read as "no function named NAME"
  if (a.shard && a.fn) return '--shard and --function cannot be combined';
  return a;
}

const ICON: Record<string, string> = { verified: '✓', failed: '✗', timeout: '⏱', unsupported: '?', error: '!' };

function textReport(r: VerifyReport): string {
  const out: string[] = [];
  for (const f of r.functions) {
    out.push(`${ICON[f.status] ?? '?'} ${f.name}  ${f.status}  ${f.timeMs.toFixed(0)} ms${f.cached ? ' (cached)' : ''}${f.detail && f.status !== 'verified' ? `  — ${f.detail}` : ''}`);
  }
  for (const f of r.functions) {
    for (const o of f.obligations) {
      if (o.status === 'proved') continue;
      out.push('');
      out.push(`${f.file}:${o.span.start.line}:${o.span.start.column}: ${o.kind}: ${o.message}${o.status !== 'failed' ? ` [${o.status}]` : ''}  (in ${f.name})`);
      if (o.relatedSpan) out.push(`  clause at ${o.relatedFile ?? f.file}:${o.relatedSpan.start.line}:${o.relatedSpan.start.column}`);
      const c = o.counterexample;
      if (c) {
        out.push(`  counterexample (${c.check}${c.checkDetail ? `: ${c.checkDetail}` : ''}):`);
        for (const v of c.variables) out.push(`    ${v.name}: ${v.type} = ${v.value}`);
        if (c.path.length) out.push(`    path: ${c.path.join(' -> ')}`);
      }
    }
  }
  for (const d of r.diagnostics) out.push(`${d.file ? `${d.file}:${d.span.start.line}:${d.span.start.column}: ` : ''}${d.severity}: ${d.message}`);
  const s = r.summary;
  out.push('');
  out.push(`${r.shard ? `shard ${r.shard.index}/${r.shard.count}: ` : ''}${s.functions} functions: ${s.verified} verified, ${s.failed} failed, ${s.timeout} timeout, ${s.unsupported} unsupported, ${s.error} error; ${s.obligations} obligations; solver ${s.solverMs} ms, wall ${s.wallMs} ms${s.cacheHits !== undefined ? `; cache ${s.cacheHits} hits, ${s.cacheMisses ?? 0} misses${s.functionCacheHits ? `, ${s.functionCacheHits} functions whole` : ''}` : ''}`);
  return out.join('\n') + '\n';
}

/** Quantifiers listed per function in the text report (the JSON report has all of them). */
const PROFILE_TOP = 10;

/** The --profile section: functions with the most instances first, each with its top quantifiers. */
export function profileReport(r: VerifyReport): string {
  const fns = r.functions.filter((f) => f.profile).sort((a, b) => b.profile!.instances - a.profile!.instances);
  if (!fns.length) return '';
  const out = ['', 'quantifier instantiations (z3 smt.qi.profile), per function, most first:'];
  let quiet = 0;
  for (const f of fns) {
    const p = f.profile!;
    if (!p.instances) {
      quiet++;
      continue;
    }
    out.push('');
    const lost = p.unprofiled ? `; ${p.unprofiled} without counts (z3 killed or crashed): a lower bound` : '';
    out.push(`${f.name}  ${f.status}  solver ${f.timeMs.toFixed(0)} ms  ${p.instances} instances in ${p.queries} queries${lost}`);
    for (const q of p.quantifiers.slice(0, PROFILE_TOP)) {
      const where = q.file && q.span ? `${q.file}:${q.span.start.line}:${q.span.start.column}` : q.qid.startsWith('inv:') ? '(type invariant)' : '(encoding)';
      out.push(`  ${String(q.instances).padStart(8)}  ${where}  ${q.qid}`);
    }
    if (p.quantifiers.length > PROFILE_TOP) out.push(`  (${p.quantifiers.length - PROFILE_TOP} more quantifiers in --json)`);
  }
  if (quiet) out.push('', `${quiet} function(s) instantiated no quantifier.`);
  return out.join('\n') + '\n';
}

function sarif(r: VerifyReport): unknown {
  const results: unknown[] = [];
  const rules = new Map<string, unknown>();
  const loc = (file: string, span: FunctionResult['span']) => ({
    physicalLocation: { artifactLocation: { uri: file }, region: { startLine: span.start.line, startColumn: span.start.column, endLine: span.end.line, endColumn: span.end.column } },
  });
  for (const f of r.functions) {
    if (f.status === 'unsupported' || f.status === 'error' || (f.status === 'timeout' && !f.obligations.length)) {
      const id = `function-${f.status}`;
      rules.set(id, { id, shortDescription: { text: `function ${f.status}` } });
      results.push({ ruleId: id, level: f.status === 'unsupported' ? 'warning' : 'error', message: { text: `${f.name}: ${f.detail ?? f.status}` }, locations: [loc(f.file, f.span)] });
    }
    for (const o of f.obligations) {
      if (o.status === 'proved') continue;
      rules.set(o.kind, { id: o.kind, shortDescription: { text: o.kind } });
      const cx = o.counterexample ? ` Counterexample (${o.counterexample.check}): ${o.counterexample.variables.map((v) => `${v.name} = ${v.value}`).join(', ')}` : '';
      results.push({
        ruleId: o.kind,
        level: o.status === 'failed' ? 'error' : 'warning',
        message: { text: `${o.message} (in ${f.name}).${cx}` },
        locations: [loc(f.file, o.span)],
        ...(o.relatedSpan ? { relatedLocations: [{ id: 1, ...loc(f.file, o.relatedSpan), message: { text: 'clause' } }] } : {}),
      });
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'stratos-verify', informationUri: 'https://example.invalid/stratosphere', rules: [...rules.values()] } },
      // diagnostics about the run itself (no file), e.g. an unreachable shared cache
      invocations: [{ executionSuccessful: true, toolExecutionNotifications: r.diagnostics.filter((d) => !d.file).map((d) => ({ level: d.severity === 'info' ? 'note' : d.severity, message: { text: d.message } })) }],
      results,
    }],
  };
}

export async function run(argv: string[]): Promise<number> {
  const a = parseArgs(argv);
  if (typeof a === 'string') {
    process.stderr.write(`stratos verify: ${a}\n\n${help}\n`);
    return 2;
  }
  let paths = a.paths;
  if (!paths.length) paths = [existsSync(path.join(a.root, 'kernel-workspace')) ? 'kernel-workspace' : '.'];
  for (const p of paths) {
    if (!existsSync(path.resolve(a.root, p))) {
      process.stderr.write(`stratos verify: no such file or directory: ${p}\n`);
      return 2;
    }
  }
  let report: VerifyReport;
  const solver = a.solver === 'auto' ? autoSolver() : a.solver;
  if (a.profile && solver !== 'native') {
    process.stderr.write(`stratos verify: --profile needs native z3 on PATH (Debian: apt-get install z3): z3 prints its per-quantifier counts (smt.qi.profile) as a solver context is deleted, and the wasm build (z3-solver) gave only part of them (its stderr captured through emscripten's printErr)\n`);
    return 2;
  }
  try {
    // native z3 answers the kernel's queries several times faster than the wasm build
    if (solver === 'native' && !nativeZ3Available()) {
      process.stderr.write('stratos verify: --solver native needs z3 on PATH (Debian: apt-get install z3)\n');
      return 2;
    }
    report = await verifyPaths(paths, { root: a.root, jobs: a.jobs, timeoutMs: a.timeoutMs, useCache: a.cache, cache: a.cacheSpec, shard: a.shard, functionFilter: a.fn, dumpSmtDir: a.dump, solver, noCheating: a.noCheating, execAllowsNoDecreasesClause: a.execAllowsNoDecreasesClause, checkApiSafety: a.checkApiSafety, noExternalByDefault: a.noExternalByDefault, profile: a.profile, incremental: a.incremental, giveUpAfterTimeouts: a.giveUpAfter });
  } catch (e) {
    process.stderr.write(`stratos verify: ${(e as Error).message}\n`);
    await shutdownSolvers();
    await closeCacheBackends();
    return 2;
  } finally {
    /* solvers shut down below */
  }
  await shutdownSolvers();
  await closeCacheBackends();
  if (a.fn && !report.functions.some((f) => !f.name.startsWith('<'))) {
    process.stderr.write(`stratos verify: no function named ${a.fn}\n`);
    return 2;
  }
  if (a.format === 'json') process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else if (a.format === 'sarif') process.stdout.write(JSON.stringify(sarif(report), null, 2) + '\n');
  else process.stdout.write(textReport(report) + profileReport(report) + `solver: ${solver === 'native' ? 'native z3 (z3 on PATH)' : 'z3-solver (wasm)'}${a.profile ? ', one process per query with smt.qi.profile=true (cache not used)' : ''}\n`);
  if (a.dump) {
    mkdirSync(a.dump, { recursive: true });
    writeFileSync(path.join(a.dump, 'report.json'), JSON.stringify(report, null, 2));
  }
  const bad = report.functions.some((f) => f.status !== 'verified');
  return bad ? 1 : 0;
}
