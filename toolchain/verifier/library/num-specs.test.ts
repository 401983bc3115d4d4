import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { numSpecsText } from './num-specs.mjs';

describe('library/vstd/num.rs', () => {
  it('is what num-specs.mjs generates (regenerate it with `node toolchain/verifier/library/num-specs.mjs`)', () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    expect(readFileSync(path.join(here, 'vstd', 'num.rs'), 'utf8')).toBe(numSpecsText());
  });
});
