// Function keys: one hash per function covering everything its verification conditions can
// depend on, so that a function whose key has a stored verdict skips VC generation, query
// printing and hashing, and its per-query cache lookups.
//
// What a function's queries depend on: its own item (signature, clauses, body, attributes, its
// position: spans are in the result), every item it can reach by name (callees' contracts, spec
// fns and their bodies, datatypes, constants, type aliases), the crate-wide facts that change
// every function (a crate-wide unsupported attribute, a shadowed built-in, unsupported or
// unreadable items), the run's options that change queries, and the verifier itself. The
// reachable set over-approximates name resolution: every string of an item's syntax tree is a
// name it may reach, and every item with that name is in its closure, transitively (a call
// `a.f()` reaches every `f`; adding or removing an item named like any of them changes the key).
// Invariant (checked by fn-key.test.ts over mutated crates): two runs that give a function the
// same key generate the same queries for it.
//
// Only `verified` results are stored under a function key: a failure's counterexample and a
// timeout are solved again through the per-query cache.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FunctionResult } from '../../app/verification';
import type { FnItem, Item, SourceFile } from './ast';
import { sourceFingerprint } from './fingerprint.mjs';

/** What is stored under a function key. */
export interface StoredFunction {
  result: FunctionResult;
  /** The function's callees (FnInfo keys), for the analyses that span functions (recursion). */
  callees: string[];
}

/** Bumped when the key's recipe changes. */
const FN_KEY_FORMAT = 1;

interface ItemDigest {
  hash: string;
  /** Every string of the item's syntax tree: the names it may reach. */
  names: Set<string>;
}

/** The methods Verus's arithmetic and order operators mean on collections (`a + b` is `a.spec_add(b)`). */
const OPERATOR_METHODS: Record<string, string> = { '+': 'spec_add', '-': 'spec_sub', '*': 'spec_mul', '<=': 'spec_le' };

// Syntax trees are never mutated after parsing, and unchanged files keep their trees between runs.
const digests = new WeakMap<Item, ItemDigest>();

function digest(it: Item, file: string): ItemDigest {
  const known = digests.get(it);
  if (known) return known;
  const names = new Set<string>();
  const text = JSON.stringify(it, (_k, v: unknown) => {
    if (typeof v === 'string') {
      names.add(v);
      // names inside an attribute (`#[verifier::when_used_as_spec(g)]` reaches `g`)
      if (/[^A-Za-z0-9_]/.test(v)) for (const w of v.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) names.add(w);
    }
    // an operator that means a method: `x@` (node kind `view`) is `x.view()`, `x[i]` (node kind
    // `index`) `x.spec_index(i)` or `x.index(i)`, `a + b` on a Set the library's `spec_add` (..)
    if (_k === 'k' && v === 'index') names.add('spec_index');
    if (_k === 'op' && typeof v === 'string' && Object.hasOwn(OPERATOR_METHODS, v)) names.add(OPERATOR_METHODS[v]!);
    return typeof v === 'bigint' ? `${v}n` : v;
  });
  const d = { hash: createHash('sha256').update(file).update('\0').update(text).digest('hex'), names };
  digests.set(it, d);
  return d;
}

function nameOf(it: Item): string | null {
  if (it.k === 'trait-impl') return it.trait;
  // a specification of another function is reached by that function's name (external-specs.ts)
  if (it.k === 'fn' && it.specFor?.target) return it.specFor.target.split('::').pop()!;
  return it.k === 'fn' || it.k === 'struct' || it.k === 'enum' || it.k === 'const' || it.k === 'type' || it.k === 'broadcast-group' || it.k === 'trait' ? it.name : null;
}

/** Set by scripts/build.mjs in a bundle: the fingerprint of the sources it was built from. */
declare const __STRATOS_VERIFIER_FINGERPRINT__: string | undefined;

let fingerprintMemo: string | null = null;
/**
 * A hash of the verifier's own code (fingerprint.mjs): of its sources, computed when it runs
 * from them and written into a bundle when it is built, so the CLI and the built IDE agree. A new
 * verifier never reuses an old one's verdicts.
 */
export function verifierFingerprint(): string {
  if (fingerprintMemo !== null) return fingerprintMemo;
  let fp: string;
  if (typeof __STRATOS_VERIFIER_FINGERPRINT__ === 'string') fp = __STRATOS_VERIFIER_FINGERPRINT__;
  else {
    const self = fileURLToPath(import.meta.url);
    // (a bundle built without the fingerprint: the bundle's own text)
    fp = self.endsWith('.ts') ? sourceFingerprint(path.dirname(self)) : createHash('sha256').update(readFileSync(self)).digest('hex');
  }
  fingerprintMemo = fp;
  return fp;
}

/** The function keys of one crate (as parsed: every file's items). */
export class FunctionKeys {
  private readonly byName = new Map<string, { it: Item; d: ItemDigest }[]>();
  private readonly fileOf = new Map<Item, string>();
  private readonly base: string;
  /** items without a name (a module-level `broadcast use`, an unsupported item): part of every key, with what they name */
  private readonly nameless: ItemDigest[] = [];

  constructor(files: SourceFile[], o: { globals: string[] }) {
    const h = createHash('sha256').update(`stratos-fn-key-v${FN_KEY_FORMAT}\0${verifierFingerprint()}\0`);
    for (const g of o.globals) h.update(g).update('\0');
    for (const f of files) {
      for (const it of f.items) {
        this.fileOf.set(it, f.path);
        const name = nameOf(it);
        const d = digest(it, f.path);
        // an item that is not named (unsupported or unreadable) may change any function's meaning
        if (name === null) {
          h.update(d.hash);
          this.nameless.push(d);
        }
        else {
          const l = this.byName.get(name);
          if (l) l.push({ it, d });
          else this.byName.set(name, [{ it, d }]);
        }
      }
    }
    this.base = h.digest('hex');
  }

  keyOf(fn: FnItem): string {
    const start = digest(fn, this.fileOf.get(fn) ?? '');
    // (the names a nameless item mentions reach every function: a module-level `broadcast use`
    // gives its module's functions the lemmas' facts)
    const seen = new Set<ItemDigest>([start, ...this.nameless]);
    const queue = [start, ...this.nameless];
    const visitedNames = new Set<string>();
    while (queue.length) {
      const d = queue.pop()!;
      for (const n of d.names) {
        if (visitedNames.has(n)) continue;
        visitedNames.add(n);
        for (const e of this.byName.get(n) ?? []) {
          if (seen.has(e.d)) continue;
          seen.add(e.d);
          queue.push(e.d);
        }
      }
    }
    const hashes = [...seen].map((d) => d.hash).sort();
    const h = createHash('sha256').update(this.base).update('\0').update(start.hash).update('\0');
    for (const x of hashes) h.update(x);
    return h.digest('hex');
  }
}
