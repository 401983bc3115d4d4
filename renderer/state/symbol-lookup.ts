// Which definitions a name at a use site means, from the workspace's symbols (by name, narrowed by
// what precedes it: `Type::name`, `.name`, or a plain name).
import type { SymbolInfo, WorkspaceSymbols } from '../../app/symbols';

export function definitionsFor(symbols: WorkspaceSymbols, word: string, before: string): SymbolInfo[] {
  const all = symbols.symbols.filter((s) => s.name === word);
  if (all.length <= 1) return all;
  const path = /([A-Za-z_][A-Za-z0-9_]*)::$/.exec(before);
  if (path) {
    const q = all.filter((s) => s.qname === `${path[1]}::${word}`);
    if (q.length) return q;
  }
  if (/\.\s*$/.test(before)) {
    // a method or a field
    const members = all.filter((s) => s.qname !== s.name);
    if (members.length) return members;
  } else {
    const free = all.filter((s) => s.qname === s.name);
    if (free.length) return free;
  }
  return all;
}

/** A hover's text: what the symbol is, then its source (signature and specs, a spec fn's body, a struct and its invariant). */
export function hoverText(s: SymbolInfo): string {
  const what = s.kind === 'fn' ? `${s.mode ?? 'exec'} fn ${s.qname}` : `${s.kind} ${s.qname}`;
  return `**${what}** — ${s.file}:${s.span.start.line}\n\n\`\`\`rust\n${s.detail}\n\`\`\``;
}
