import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildKernel } from './build';
import { checkMultibootImage } from './elf';

const KERNEL = join(__dirname, '..', '..', 'kernel-workspace');

function copyWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nimbus-build-'));
  cpSync(join(KERNEL, 'src'), join(dir, 'src'), { recursive: true });
  cpSync(join(KERNEL, 'linker.ld'), join(dir, 'linker.ld'));
  return dir;
}

describe('buildKernel', () => {
  let ws: string;
  beforeAll(() => {
    ws = copyWorkspace();
  });
  afterAll(() => rmSync(ws, { recursive: true, force: true }));

  it('erases, compiles and links a multiboot image, then rebuilds only on change', async () => {
    const events: string[] = [];
    const r = await buildKernel({ workspace: ws, onEvent: (e) => events.push(e.type === 'phase' ? e.phase : e.type) });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.cached).toBe(false);
    expect(r.image && existsSync(r.image)).toBe(true);
    expect(checkMultibootImage(readFileSync(r.image!))).toEqual([]);
    expect(events).toEqual(['erase', 'compile', 'check', 'done']);

    const again = await buildKernel({ workspace: ws });
    expect(again.ok).toBe(true);
    expect(again.cached).toBe(true);

    const f = join(ws, 'src', 'kernel', 'proc.rs');
    writeFileSync(f, readFileSync(f, 'utf8') + '\n// touched\n');
    const third = await buildKernel({ workspace: ws });
    expect(third.ok).toBe(true);
    expect(third.cached).toBe(false);
  });

  it('reports a seeded rustc error at its line and column in the annotated source', async () => {
    const bad = copyWorkspace();
    try {
      const file = join(bad, 'src', 'kernel', 'queue.rs');
      const src = readFileSync(file, 'utf8');
      const anchor = '        let tail = (self.head + self.len) % QCAP;';
      expect(src).toContain(anchor);
      const seeded = anchor + ' let oops: u64 = "x";';
      const text = src.replace(anchor, seeded);
      writeFileSync(file, text);
      const line = text.split('\n').findIndex((l) => l === seeded) + 1;
      const column = seeded.indexOf('"x"') + 1;
      const r = await buildKernel({ workspace: bad });
      expect(r.ok).toBe(false);
      const err = r.diagnostics.find((d) => d.severity === 'error' && d.source === 'rustc');
      expect(err).toBeDefined();
      expect(err!.file).toBe('src/kernel/queue.rs');
      expect(err!.span.start).toEqual({ line, column });
      expect(err!.message).toMatch(/mismatched types/);
      // the line sits below ghost code (requires/ensures) that erasure blanked
      expect(text.split('\n').slice(0, line).some((l) => l.includes('ensures'))).toBe(true);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });

  it('reports ghost code it cannot erase as an error with a span, without running rustc', async () => {
    const bad = copyWorkspace();
    try {
      const file = join(bad, 'src', 'kernel', 'proc.rs');
      const src = readFileSync(file, 'utf8');
      const anchor = '        self.pages < self.quota\n';
      writeFileSync(file, src.replace(anchor, '        let ghost g = 1\n' + anchor));
      const r = await buildKernel({ workspace: bad });
      expect(r.ok).toBe(false);
      const err = r.diagnostics.find((d) => d.source === 'erase');
      expect(err?.file).toBe('src/kernel/proc.rs');
      expect(r.timings.compileMs).toBe(0);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });

  it('rejects images QEMU cannot boot', () => {
    expect(checkMultibootImage(Buffer.from('not an elf at all, clearly not an elf file......................'))).toEqual(['not an ELF64 file']);
    const elf = Buffer.alloc(8192);
    elf.writeUInt32BE(0x7f454c46, 0);
    elf[4] = 2;
    expect(checkMultibootImage(elf)[0]).toMatch(/no multiboot v1 header/);
  });
});
