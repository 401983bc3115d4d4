import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { atomicGhostPtrSpecsText, atomicGhostSpecsText, atomicPtrSpecsText, atomicSpecsText } from './atomic-specs.mjs';

describe('library/vstd/atomic.rs', () => {
  it('is what atomic-specs.mjs generates (regenerate it with `node toolchain/verifier/library/atomic-specs.mjs`)', () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    expect(readFileSync(path.join(here, 'vstd', 'atomic.rs'), 'utf8')).toBe(atomicSpecsText());
  });
  it('atomic_raw_ptr.rs is what `atomic-specs.mjs raw_ptr` generates', () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    expect(readFileSync(path.join(here, 'vstd', 'atomic_raw_ptr.rs'), 'utf8')).toBe(atomicPtrSpecsText());
  });
  it('atomic_ghost.rs is what `atomic-specs.mjs atomic_ghost` generates', () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    expect(readFileSync(path.join(here, 'vstd', 'atomic_ghost.rs'), 'utf8')).toBe(atomicGhostSpecsText());
  });
  it('atomic_ghost_ptr.rs is what `atomic-specs.mjs atomic_ghost_ptr` generates', () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    expect(readFileSync(path.join(here, 'vstd', 'atomic_ghost_ptr.rs'), 'utf8')).toBe(atomicGhostPtrSpecsText());
  });
});
