// Reads the expected verdicts of the corpus (`// expect: verified` / `// expect: failed KIND` /
// `// expect: error` / `// expect: unsupported` right above a function or item) and compares
// them with a report.

import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { VerifyReport } from '../../../app/verification';

export interface Expectation {
  file: string;
  line: number; // line of the function item (first line after the comment)
  verdict: Verdict;
  kind?: string;
}

export type Verdict = 'verified' | 'failed' | 'error' | 'unsupported';

export const CORPUS_DIR = path.join(path.dirname(new URL(import.meta.url).pathname), 'corpus');

export function corpusFiles(): Map<string, string> {
  const m = new Map<string, string>();
  for (const f of readdirSync(CORPUS_DIR).sort()) if (f.endsWith('.rs')) m.set(`corpus/${f}`, readFileSync(path.join(CORPUS_DIR, f), 'utf8'));
  return m;
}

export function expectations(files: Map<string, string>): Expectation[] {
  const out: Expectation[] = [];
  for (const [file, text] of files) {
    const lines = text.split('\n');
    lines.forEach((l, i) => {
      const m = /^\s*\/\/ expect: (verified|failed|error|unsupported)(?: ([a-z-]+))?\s*$/.exec(l);
      if (!m) return;
      let j = i + 1;
      while (j < lines.length && /^\s*(\/\/|$)/.test(lines[j]!)) j++;
      out.push({ file, line: j + 1, verdict: m[1] as Verdict, kind: m[2] });
    });
  }
  return out;
}

export interface Mismatch {
  exp: Expectation;
  got: string;
}

export function compare(report: VerifyReport, exps: Expectation[]): { mismatches: Mismatch[]; verifiedOk: number; verifiedTotal: number; failedOk: number; failedTotal: number; reportedOk: number; reportedTotal: number; unmatched: string[] } {
  const mismatches: Mismatch[] = [];
  let verifiedOk = 0;
  let reportedOk = 0;
  let failedOk = 0;
  const used = new Set<string>();
  const key = (f: { file: string; name: string; span: { start: { line: number } } }) => `${f.file}:${f.name}:${f.span.start.line}`;
  for (const e of exps) {
    // (functions a macro makes share its line: one expectation each, in report order)
    const f = report.functions.find((x) => x.file === e.file && x.span.start.line === e.line && !used.has(key(x)));
    if (!f) {
      mismatches.push({ exp: e, got: 'no function result' });
      continue;
    }
    used.add(key(f));
    const failedKinds = f.obligations.filter((o) => o.status === 'failed').map((o) => o.kind);
    if (e.verdict === 'verified') {
      if (f.status === 'verified') verifiedOk++;
      else mismatches.push({ exp: e, got: `${f.name}: ${f.status} ${f.detail ?? ''} [${f.obligations.filter((o) => o.status !== 'proved').map((o) => `${o.kind}@${o.span.start.line}:${o.status}`).join(', ')}]` });
    } else if (e.verdict === 'error' || e.verdict === 'unsupported') {
      // a function reported this way matches with any detail; the result must carry a span
      // (an `error` is a rejection before solving, never a solver error)
      if (f.status === e.verdict && !/solver error/.test(f.detail ?? '')) reportedOk++;
      else mismatches.push({ exp: e, got: `${f.name}: ${f.status} ${f.detail ?? ''}` });
    } else {
      if (f.status === 'failed' && (!e.kind || failedKinds.includes(e.kind as never))) failedOk++;
      else mismatches.push({ exp: e, got: `${f.name}: ${f.status} ${f.detail ?? ''} failed kinds [${failedKinds.join(', ')}] others [${f.obligations.filter((o) => o.status !== 'proved' && o.status !== 'failed').map((o) => `${o.kind}:${o.status}:${o.message}`).join(', ')}]` });
    }
  }
  const unmatched = report.functions.filter((f) => !used.has(key(f))).map((f) => `${f.file}:${f.span.start.line} ${f.name} ${f.status}`);
  return { mismatches, verifiedOk, verifiedTotal: exps.filter((e) => e.verdict === 'verified').length, failedOk, failedTotal: exps.filter((e) => e.verdict === 'failed').length, reportedOk, reportedTotal: exps.filter((e) => e.verdict === 'error' || e.verdict === 'unsupported').length, unmatched };
}
