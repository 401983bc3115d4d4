// Definitions in the workspace, for go to definition, hover and find references in the editor.

import type { Span } from './verification';

export type SymbolKind = 'fn' | 'struct' | 'enum' | 'field' | 'const';

export interface SymbolInfo {
  /** The name as written at use sites: `wf`, `PageAllocator`, `free`. */
  name: string;
  /** `Type::name` for methods and fields, else the name. */
  qname: string;
  kind: SymbolKind;
  /** `spec`, `proof` or `exec` for functions. */
  mode?: 'spec' | 'proof' | 'exec';
  /** Workspace-relative path. */
  file: string;
  /** The name in its definition. */
  span: Span;
  /**
   * What a hover shows, as source text: a function's signature with its requires/ensures (a spec
   * fn's whole definition), a struct with its fields and its `wf`/`inv` spec fn when it has one, a
   * field with its type.
   */
  detail: string;
}

export interface SymbolReference {
  file: string;
  span: Span;
}

export interface WorkspaceSymbols {
  symbols: SymbolInfo[];
  /** Each spec fn's uses (identifiers with its name outside its own definition), by `qname`. */
  references: Record<string, SymbolReference[]>;
}
