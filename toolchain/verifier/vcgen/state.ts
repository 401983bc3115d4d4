// Symbolic state of one function's execution: scopes of bindings (source name -> SMT term and
// type), the branch path (the conditions under which the current point is reached), labels and
// the trace for counterexamples, the abstractions crossed (loops, calls); evaluation modes.
// Invariant: a State is a value: a branch works on a clone and is joined back with
// ExecMethods.mergeInto; a binding's term only mentions declared constants (or bound variables
// inside a quantifier).

import type { FnItem, Sp } from '../ast';
import type { FnInfo, Ty } from '../resolver';
import type { Term } from '../smt';
import type { Crossed } from './query';

export class Unsupported extends Error {
  /** `file`: where `sp` is, when not in the function being generated (a callee's clause). */
  constructor(message: string, public sp: Sp, public file?: string) {
    super(message);
  }
}

export interface V {
  t: Term;
  ty: Ty;
}
export interface Binding {
  ty: Ty;
  term: Term;
  mut: boolean;
  /** `let ghost` bindings: the only locals ghost code of an exec function may assign. */
  ghost?: boolean;
}

export class State {
  scopes: Map<string, Binding>[] = [new Map()];
  path: Term[] = [];
  labels: string[] = [];
  /** Branches taken so far, kept across joins: the model decides which were taken. */
  trace: { cond: Term; label: string }[] = [];
  crossed: Crossed[] = [];
  clone(): State {
    const s = new State();
    s.scopes = this.scopes.map((m) => new Map(m));
    s.path = [...this.path];
    s.labels = [...this.labels];
    s.trace = [...this.trace];
    s.crossed = [...this.crossed];
    return s;
  }
  lookup(name: string): Binding | null {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const b = this.scopes[i]!.get(name);
      if (b) return b;
    }
    return null;
  }
  set(name: string, b: Binding): void {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      if (this.scopes[i]!.has(name)) {
        this.scopes[i]!.set(name, b);
        return;
      }
    }
    throw new Error(`unbound ${name}`);
  }
  declare(name: string, b: Binding): void {
    this.scopes[this.scopes.length - 1]!.set(name, b);
  }
  push(): void {
    this.scopes.push(new Map());
  }
  pop(): void {
    this.scopes.pop();
  }
}

/** Per-mode evaluation flags. */
export interface Mode {
  /** exec arithmetic: machine-int overflow obligations */
  exec: boolean;
  /** pure expression evaluation (spec): if -> ite, no statements with effects */
  pure: boolean;
  nonlinear: boolean;
  /**
   * a product or quotient of two unknown reals is read (as SMT-LIB's): in a `by(nonlinear_arith)`
   * query and where its proved goal is assumed; elsewhere it is not modelled as Verus reads it
   */
  realProducts?: boolean;
  /** bound quantifier variables (for trigger selection) */
  bound: Set<string>;
  /** trigger collection for the innermost quantifier */
  triggers: Term[] | null;
  /** decreases hook for spec fn bodies */
  recHook?: (callee: FnInfo, args: Term[], sp: Sp, path: Term[], inQuant: boolean) => void;
  /** inside a recursive spec fn body: SCC members and the fuel variable */
  fuelVar?: string;
  scc?: Set<string>;
  path: Term[];
}

export interface LoopCtx {
  /** `'outer` of `'outer: loop` */
  label?: string;
  breaks: State[];
  check: (st: State, sp: Sp) => void;
}

export interface FnCtx {
  fn: FnItem;
  info: FnInfo;
  old: Map<string, Term>;
  retTy: Ty;
  retName: string | null;
  loops: LoopCtx[];
  returns: (st: State, v: V, sp: Sp) => void;
  /** Where the body must not unwind (its `no_unwind` condition at entry); absent: it may (vcgen/unwind-mask.ts). */
  noUnwind?: Term;
  /** The invariant namespaces the body may open; absent: any. */
  mask?: import('./unwind-mask').MaskTerms;
  /** The body is inside an invariant block (what an unwinding call is told). */
  noUnwindInBlock?: boolean;
  /**
   * Inside a `#[verus::internal(loop_isolation_boundary)]` block: how many scopes were open at
   * its start (a loop in it havocs every variable declared in those)
   */
  isolationBoundary?: number;
}

export class DivergeSignal extends Error {}

export interface Place {
  root: string;
  /** `vec-index`: an element of a `Vec` (the library's), read through its view, written by `Vec::set`'s contract */
  steps: ({ k: 'field'; name: string } | { k: 'index'; idx: Term } | { k: 'vec-index'; idx: Term })[];
  sp: Sp;
}
