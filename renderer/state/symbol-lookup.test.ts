import { describe, expect, it } from 'vitest';
import type { SymbolInfo, WorkspaceSymbols } from '../../app/symbols';
import { definitionsFor, hoverText } from './symbol-lookup';

const sp = { start: { line: 1, column: 1 }, end: { line: 1, column: 3 } };
const sym = (name: string, qname: string, kind: SymbolInfo['kind'] = 'fn'): SymbolInfo => ({ name, qname, kind, mode: 'spec', file: 'a.rs', span: sp, detail: `spec fn ${name}() -> bool { true }` });
const symbols: WorkspaceSymbols = { symbols: [sym('wf', 'PageAllocator::wf'), sym('wf', 'Kernel::wf'), sym('wf', 'wf'), sym('new', 'Kernel::new')], references: {} };

describe('definitions of a name', () => {
  it('uses `Type::` when written', () => {
    expect(definitionsFor(symbols, 'wf', 'x = Kernel::').map((s) => s.qname)).toEqual(['Kernel::wf']);
  });
  it('a method call means the members, a plain name the free items', () => {
    expect(definitionsFor(symbols, 'wf', 'self.alloc.').map((s) => s.qname)).toEqual(['PageAllocator::wf', 'Kernel::wf']);
    expect(definitionsFor(symbols, 'wf', 'requires ').map((s) => s.qname)).toEqual(['wf']);
  });
  it('a unique name is found wherever it is used; an unknown one is not', () => {
    expect(definitionsFor(symbols, 'new', 'let k = ').map((s) => s.qname)).toEqual(['Kernel::new']);
    expect(definitionsFor(symbols, 'nothing', '')).toEqual([]);
  });
  it('a hover names the item and shows its source', () => {
    expect(hoverText(symbols.symbols[1]!)).toBe('**spec fn Kernel::wf** — a.rs:1\n\n```rust\nspec fn wf() -> bool { true }\n```');
  });
});
