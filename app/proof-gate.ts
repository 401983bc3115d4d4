// The proof gate's verdict on a verification report, shared by the IDE's host (boot.start) and
// `stratos boot`: a kernel boots only when every function of its latest verification verified.
import type { VerifyReport } from './verification';

/** Names listed in a refusal before "and N more". */
const NAMES_SHOWN = 10;

/** Why the proof gate refuses a boot after `report`, or null when every function verified. */
export function proofGateRefusal(report: VerifyReport): string | null {
  if (report.functions.length === 0) return 'Proof gate: the latest verification of the workspace found no function to verify';
  const blocking = report.functions.filter((f) => f.status !== 'verified');
  if (blocking.length === 0) return null;
  const shown = blocking.slice(0, NAMES_SHOWN).map((f) => `${f.name} (${f.status}, ${f.file})`);
  const more = blocking.length > shown.length ? `, and ${blocking.length - shown.length} more` : '';
  return `Proof gate: ${blocking.length} function${blocking.length === 1 ? ' is' : 's are'} not verified: ${shown.join(', ')}${more}`;
}
