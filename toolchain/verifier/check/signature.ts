// Well-formedness of a function's signature, as Verus checks it before anything is typed: what
// the modifiers and parameter forms allow in each mode. Plain checks on the item; no types.

import type { FnItem } from '../ast';
import type { CheckError } from './checker';
import { parseAttr } from '../../syntax/attributes';

export function signatureErrors(f: FnItem): CheckError[] {
  const out: CheckError[] = [];
  if (f.unsafeSp && f.mode !== 'exec') out.push({ message: "'unsafe' only makes sense on exec-mode functions", sp: f.unsafeSp });
  for (const p of f.params) {
    // Verus reads `mut self` as a Rust feature it does not implement (and rejects the program)
    if (p.isSelf && p.mut) out.push({ message: 'The verifier does not yet support the following Rust feature: mut self', sp: p.sp });
    else if (p.mut && f.mode === 'spec') out.push({ message: 'mut argument not allowed for spec functions', sp: p.sp });
    if (p.unwrap && f.mode === 'spec') out.push({ message: `\`${p.unwrap}(${p.name})\` parameter pattern in a spec function`, sp: p.sp });
  }
  // `#[verifier::inline]`: a spec fn with a body (Verus)
  f.attrs.forEach((a, i) => {
    const pa = parseAttr(a);
    if (!pa.verifier || pa.name !== 'inline') return;
    const sp = f.attrSps?.[i] ?? f.nameSp;
    if (f.mode !== 'spec') out.push({ message: "'inline' is only allowed for 'spec' functions", sp });
    else if (!f.body) out.push({ message: "'inline' functions must have a body", sp });
    else if (f.decreases.length) out.push({ message: "'inline' functions cannot be recursive", sp });
    else if (f.vis && f.vis.k !== 'private' && !f.open && !f.openVis) out.push({ message: "'inline' is only allowed for private or 'open spec' functions", sp });
  });
  // (Verus: a spec fn's meaning is its body; `recommends` is its precondition)
  const clause = f.requires[0] ?? f.ensures[0];
  if (f.mode === 'spec' && clause) out.push({ message: 'spec functions cannot have requires/ensures', sp: clause.sp });
  // Verus: a broadcast lemma becomes a fact over its (spec) parameters
  const tracked = f.broadcast ? f.params.find((p) => p.mode === 'tracked' || p.unwrap === 'Tracked') : undefined;
  if (tracked) out.push({ message: 'broadcast function must have spec parameters', sp: tracked.sp });
  const ret = f.ret?.name;
  if (ret) {
    const clash = f.params.find((p) => p.name === ret);
    if (clash) out.push({ message: `return value name collides with a parameter name: \`${ret}\``, sp: clash.sp });
  }
  return out;
}
