// The proof state at each statement, for the IDE's "Proof state" panel: which source-level facts
// the verifier assumes there (requires, loop invariants, callee ensures, proved assertions,
// assumptions) and the branch conditions under which the statement is reached. It is recorded
// while FnGen generates, from the same states the queries are built from, so the panel shows what
// the queries see, not a reading of the source.
// Invariant: facts and mutations are append-only; a fact or mutation recorded under path P is
// listed at a point only when P is a prefix of the point's path (by term identity), i.e. when it
// holds on every way to that point (a fact from one branch of a join is not listed after it).

import type { Sp } from '../ast';
import type { Term } from '../smt';

/** Where an assumed fact comes from. */
export type KnownFactKind = 'requires' | 'invariant' | 'loop-ensures' | 'callee-ensures' | 'assert' | 'assume';

export interface KnownFactSite {
  kind: KnownFactKind;
  /** The clause or statement, in `file`. */
  file: string;
  sp: Sp;
  /** `callee-ensures`: the callee's name and the call's span (in the function's own file). */
  callee?: string;
  callSp?: Sp;
}

/** A branch condition on the path to a point: an `if`'s (or its negation), a match arm, a loop's. */
export interface PathNote {
  sp: Sp;
  negated: boolean;
  kind: 'if' | 'match-arm' | 'loop';
}

/** A local variable that changed (assignment, `&mut` call, loop) after `after` facts were known. */
export interface Mutation {
  name: string;
  after: number;
}

/** What is known at the start of one statement. */
export interface ProofPoint {
  sp: Sp;
  /** Indices into the function's facts that hold on every path to here. */
  known: number[];
  path: PathNote[];
  /** Changes since some of those facts: a fact that mentions `name` and was recorded before `after` is about an earlier value. */
  mutations: Mutation[];
}

export interface FunctionProofState {
  file: string;
  facts: KnownFactSite[];
  points: ProofPoint[];
}

/** Records facts, branch conditions and points while one function is generated. */
export class ProofStateRecorder {
  private readonly facts: { site: KnownFactSite; path: Term[] }[] = [];
  private readonly mutations: { m: Mutation; path: Term[] }[] = [];
  private readonly points: ProofPoint[] = [];
  /** Branch conditions by term (arrays by identity, atoms by value). */
  private readonly notes = new Map<Term, PathNote>();

  constructor(readonly file: string) {}

  fact(site: Omit<KnownFactSite, 'file'> & { file?: string }, path: Term[]): void {
    this.facts.push({ site: { ...site, file: site.file ?? this.file }, path: [...path] });
  }

  /** `cond` was pushed on a path for the branch written at `sp`. */
  branch(cond: Term, note: PathNote): void {
    if (cond === 'true' || cond === 'false') return;
    if (!this.notes.has(cond)) this.notes.set(cond, note);
  }

  mutated(name: string, path: Term[]): void {
    this.mutations.push({ m: { name, after: this.facts.length }, path: [...path] });
  }

  point(sp: Sp, path: Term[]): void {
    const on = (p: Term[]) => p.length <= path.length && p.every((t, i) => t === path[i]);
    const known: number[] = [];
    this.facts.forEach((f, i) => {
      if (on(f.path)) known.push(i);
    });
    const notes: PathNote[] = [];
    for (const t of path) {
      const n = this.notes.get(t);
      if (n) notes.push(n);
    }
    const mutations = this.mutations.filter((x) => on(x.path)).map((x) => x.m);
    this.points.push({ sp, known, path: notes, mutations });
  }

  result(): FunctionProofState {
    return { file: this.file, facts: this.facts.map((f) => f.site), points: this.points };
  }
}
