// The dependency rule (docs/contracts.md §1) is enforced by dependency-cruiser in `npm test`. This test
// proves the check has teeth: on a small tree shaped like ours, each forbidden arrow fails it,
// and the real repository passes it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '..');
const depcruise = path.join(repo, 'node_modules', '.bin', 'depcruise');
const config = path.join(repo, '.dependency-cruiser.cjs');

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function cruise(cwd: string): { status: number | null; output: string } {
  const r = spawnSync(depcruise, ['--config', config, '--output-type', 'err', 'app', 'main', 'renderer', 'toolchain'], {
    cwd,
    encoding: 'utf8',
  });
  return { status: r.status, output: r.stdout + r.stderr };
}

/** A minimal tree with the four layers, plus one extra file per test. */
function tree(extra: Record<string, string>): string {
  dir = mkdtempSync(path.join(tmpdir(), 'stratos-deps-'));
  const files: Record<string, string> = {
    'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', strict: true } }),
    'app/api.ts': 'export interface Api { x: number }\n',
    'toolchain/lib.ts': "import type { Api } from '../app/api';\nexport const f = (a: Api) => a.x;\n",
    'main/host.ts': "import { f } from '../toolchain/lib';\nexport const g = f;\n",
    'renderer/ui.ts': "import type { Api } from '../app/api';\nexport const h = (a: Api) => a;\n",
    ...extra,
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('dependency rule', () => {
  it('a tree that keeps the rule passes', () => {
    const result = cruise(tree({}));
    expect(result.output).toContain('no dependency violations');
    expect(result.status).toBe(0);
  });

  const forbidden: [string, string, string][] = [
    ['renderer imports main', 'renderer/bad.ts', "import { g } from '../main/host';\nexport const x = g;\n"],
    ['renderer imports toolchain', 'renderer/bad.ts', "import { f } from '../toolchain/lib';\nexport const x = f;\n"],
    ['renderer imports a Node built-in', 'renderer/bad.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['toolchain imports main', 'toolchain/bad.ts', "import { g } from '../main/host';\nexport const x = g;\n"],
    ['app imports toolchain', 'app/bad.ts', "import { f } from '../toolchain/lib';\nexport const x = f;\n"],
    ['app imports a Node built-in', 'app/bad.ts', "import * as fs from 'node:fs';\nexport const x = fs;\n"],
    ['main imports renderer', 'main/bad.ts', "import { h } from '../renderer/ui';\nexport const x = h;\n"],
  ];
  for (const [name, file, text] of forbidden) {
    it(`fails when ${name}`, () => {
      const result = cruise(tree({ [file]: text }));
      expect(result.status).not.toBe(0);
      expect(result.output).toContain(file);
    });
  }

  it('the repository itself keeps the rule', () => {
    const result = cruise(repo);
    expect(result.output).toContain('no dependency violations');
    expect(result.status).toBe(0);
  }, 60_000);
});
