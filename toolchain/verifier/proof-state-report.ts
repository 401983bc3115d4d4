// The proof state recorded during VC generation (vcgen/proof-state.ts), in source terms for the
// report: spans as lines and columns, each clause's text. Points on the same line keep the
// first (the state before the line's first statement).

import type { ProofStateInfo } from '../../app/verification';
import type { LineMap } from '../syntax/line-map';
import type { FunctionProofState } from './vcgen/proof-state';

const MAX_TEXT = 300;

export function proofStateReport(raw: FunctionProofState, lineMaps: Map<string, LineMap>, texts: Map<string, string>): ProofStateInfo | undefined {
  const lm = lineMaps.get(raw.file);
  const own = texts.get(raw.file);
  if (!lm || own === undefined) return undefined;
  const clip = (s: string) => {
    const one = s.replace(/\s+/g, ' ').trim();
    return one.length > MAX_TEXT ? `${one.slice(0, MAX_TEXT - 1)}…` : one;
  };
  const facts: ProofStateInfo['facts'] = raw.facts.map((f) => {
    const flm = lineMaps.get(f.file) ?? lm;
    const text = texts.get(f.file) ?? '';
    return {
      kind: f.kind,
      file: f.file,
      span: flm.span(f.sp),
      text: clip(text.slice(f.sp.start, f.sp.end)),
      ...(f.callee !== undefined ? { callee: f.callee } : {}),
      ...(f.callSp ? { callLine: lm.pos(f.callSp.start).line } : {}),
    };
  });
  const points: ProofStateInfo['points'] = [];
  const seen = new Set<number>();
  for (const p of raw.points) {
    const line = lm.pos(p.sp.start).line;
    if (seen.has(line)) continue;
    seen.add(line);
    points.push({
      line,
      known: p.known,
      path: p.path.map((n) => ({ span: lm.span(n.sp), text: clip(own.slice(n.sp.start, n.sp.end)), negated: n.negated, kind: n.kind })),
      mutations: p.mutations,
    });
  }
  return { facts, points };
}
