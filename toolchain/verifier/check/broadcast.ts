// Broadcast lemmas (Verus): what each `broadcast use` brings into scope, and the rules Verus checks
// before verification. A `broadcast use` (in a body, or at module level for every function of the
// module) names `broadcast proof fn`s or `broadcast group`s (expanded to their members); VC
// generation (vcgen/broadcast.ts) turns each lemma's contract into a quantified fact.
// Rules: a name must be a broadcast proof fn or a group of them ("is not a broadcast proof fn");
// one module-level `broadcast use` per module; no function may use a lemma that reaches it back
// through calls and uses (a lemma proven with its own axiom proves anything): "cannot recursively
// use a broadcast proof fn". A vstd lemma (vstd is not modelled) makes the using function
// `unsupported`, never a silently missing fact.

import type { BroadcastName, BroadcastUseItem, FnItem, Item, Sp } from '../ast';
import type { Crate, FnInfo } from '../resolver';
import { stronglyConnected } from '../graph';
import { hasExternalBody } from '../../syntax/attributes';
import { isLibraryFile } from '../library/load';
import type { CheckError } from './checker';

/** The lemmas a `broadcast use` names, groups expanded. */
export interface BroadcastTargets {
  lemmas: FnInfo[];
  errors: CheckError[];
  /** a name outside the crate that Verus would know (vstd's): the user is not verified */
  unsupported: CheckError | null;
}


/** Resolves the names of one `broadcast use` (written in an impl of `selfType`, or outside one). */
export function broadcastTargets(crate: Crate, names: BroadcastName[], selfType: string | null): BroadcastTargets {
  const out: BroadcastTargets = { lemmas: [], errors: [], unsupported: null };
  const seenGroups = new Set<string>();
  const add = (n: BroadcastName, self: string | null): void => {
    const display = n.segs.join('::');
    const q = crate.memberName(n.segs, self);
    let fn: FnInfo | null;
    try {
      fn = crate.fn(q, n.sp);
    } catch (e) {
      out.errors.push({ message: (e as Error).message, sp: n.sp });
      return;
    }
    if (fn) {
      // a vstd lemma that is broadcast in vstd may be a plain (explicitly called) one in the library
      if (!fn.item.broadcast && isLibraryFile(fn.file)) out.unsupported ??= { message: `\`broadcast use\` of vstd's \`${display}\` (a lemma the library has, but not as a broadcast one)`, sp: n.sp };
      else if (!fn.item.broadcast) out.errors.push({ message: `${display} is not a broadcast proof fn`, sp: n.sp });
      else if (!out.lemmas.includes(fn)) out.lemmas.push(fn);
      return;
    }
    const groups = crate.broadcastGroups.get(q);
    if (groups && groups.length > 1) {
      out.errors.push({ message: `ambiguous name \`${q}\`: defined ${groups.length} times`, sp: n.sp });
      return;
    }
    if (groups) {
      const g = groups[0]!.item;
      if (seenGroups.has(q)) return;
      seenGroups.add(q);
      for (const m of g.members) add(m, g.selfType);
      return;
    }
    if (n.segs[0] === 'vstd') {
      out.unsupported ??= { message: `\`broadcast use\` of vstd's \`${display}\` (vstd's lemmas are not modelled)`, sp: n.sp };
      return;
    }
    // vstd names its broadcast groups `group_*`: one the library lacks is a gap, not an error
    // (a crate's own group of that name would have been found above)
    if (n.segs.length === 1 && n.segs[0]!.startsWith('group_') && crate.files.some((f) => isLibraryFile(f.path))) {
      out.unsupported ??= { message: `\`broadcast use\` of \`${display}\`, a vstd group the library does not have`, sp: n.sp };
      return;
    }
    out.errors.push({ message: `cannot find broadcast proof fn or group \`${display}\``, sp: n.sp });
  };
  for (const n of names) add(n, selfType);
  return out;
}

/** A file's module path as a key (`file` + inline `mod` path). */
function moduleKey(file: string, module: string[]): string {
  return `${file}\0${module.join('::')}`;
}

/** Module-level `broadcast use`: per module, its item (Verus allows one) and the second one, if any. */
export function moduleBroadcastUses(files: { path: string; items: Item[] }[]): Map<string, { item: BroadcastUseItem; file: string; extra: BroadcastUseItem[] }> {
  const out = new Map<string, { item: BroadcastUseItem; file: string; extra: BroadcastUseItem[] }>();
  for (const f of files) {
    for (const it of f.items) {
      if (it.k !== 'broadcast-use') continue;
      const k = moduleKey(f.path, it.module);
      const prev = out.get(k);
      if (prev) prev.extra.push(it);
      else out.set(k, { item: it, file: f.path, extra: [] });
    }
  }
  return out;
}

/** The module-level `broadcast use` that applies to a function (the one of its own module; not a parent's). */
export function moduleUseOf(uses: ReturnType<typeof moduleBroadcastUses>, file: string, fn: FnItem): { item: BroadcastUseItem; extra: BroadcastUseItem[] } | undefined {
  return uses.get(moduleKey(file, fn.module));
}

/**
 * Verus: "cannot recursively use a broadcast proof fn". `uses` maps each function to the lemmas
 * it uses (with the span of the use); a use is an error when the lemma reaches the user back
 * through calls and uses (external_body bodies are trusted: no edges out of them).
 */
export function broadcastCycleErrors(calls: Map<FnItem, Set<FnItem>>, uses: Map<FnItem, { lemma: FnItem; sp: Sp }[]>): Map<FnItem, CheckError[]> {
  const succ = (f: FnItem): FnItem[] => (hasExternalBody(f.attrs) ? [] : [...(calls.get(f) ?? []), ...(uses.get(f) ?? []).map((u) => u.lemma)]);
  const nodes = new Set<FnItem>([...calls.keys(), ...uses.keys()]);
  const comp = new Map<FnItem, number>();
  stronglyConnected(nodes, succ).forEach((c, i) => c.forEach((f) => comp.set(f, i)));
  const out = new Map<FnItem, CheckError[]>();
  for (const [f, us] of uses) {
    // a trusted body is never verified: its uses cannot prove its own contract
    if (hasExternalBody(f.attrs)) continue;
    for (const u of us) {
      if (u.lemma === f || (comp.has(u.lemma) && comp.get(u.lemma) === comp.get(f))) {
        out.set(f, [...(out.get(f) ?? []), { message: 'cannot recursively use a broadcast proof fn', sp: u.sp }]);
      }
    }
  }
  return out;
}
