// Checks that an ELF64 image boots through QEMU's multiboot v1 loader: QEMU loads an ELF64 only
// through a header with the address fields (flag 16) and then copies the file as a flat binary,
// so every loaded segment's file offset must sit where its physical address says.

const MB_MAGIC = 0x1badb002;

export interface MultibootHeader {
  offset: number;
  flags: number;
  headerAddr: number;
  loadAddr: number;
  loadEndAddr: number;
  bssEndAddr: number;
  entryAddr: number;
}

export function findMultibootHeader(buf: Buffer): MultibootHeader | null {
  const limit = Math.min(buf.length - 32, 8192 - 32);
  for (let off = 0; off <= limit; off += 4) {
    if (buf.readUInt32LE(off) !== MB_MAGIC) continue;
    const flags = buf.readUInt32LE(off + 4);
    const checksum = buf.readUInt32LE(off + 8);
    if (((MB_MAGIC + flags + checksum) >>> 0) !== 0) continue;
    return {
      offset: off,
      flags,
      headerAddr: buf.readUInt32LE(off + 12),
      loadAddr: buf.readUInt32LE(off + 16),
      loadEndAddr: buf.readUInt32LE(off + 20),
      bssEndAddr: buf.readUInt32LE(off + 24),
      entryAddr: buf.readUInt32LE(off + 28),
    };
  }
  return null;
}

/** Problems that would keep QEMU from booting the image (empty when it is fine). */
export function checkMultibootImage(buf: Buffer): string[] {
  const problems: string[] = [];
  if (buf.length < 64 || buf.readUInt32BE(0) !== 0x7f454c46 || buf[4] !== 2) return ['not an ELF64 file'];
  const h = findMultibootHeader(buf);
  if (!h) return ['no multiboot v1 header in the first 8 KiB (keep the .multiboot section first in linker.ld)'];
  if ((h.flags & 0x10000) === 0) problems.push('multiboot header lacks the address fields (flag 16): QEMU refuses ELF64 without them');
  const fileBase = h.offset - (h.headerAddr - h.loadAddr);
  if (fileBase < 0) problems.push('multiboot header_addr/load_addr inconsistent with the header position');
  if (h.loadEndAddr < h.loadAddr || h.bssEndAddr < h.loadEndAddr) problems.push('multiboot load_end/bss_end out of order');
  if (fileBase + (h.loadEndAddr - h.loadAddr) > buf.length) problems.push('the loaded range runs past the end of the file');
  if (h.entryAddr < h.loadAddr || h.entryAddr >= h.loadEndAddr) problems.push('multiboot entry address outside the loaded range');
  // program headers
  const phoff = Number(buf.readBigUInt64LE(32));
  const phentsize = buf.readUInt16LE(54);
  const phnum = buf.readUInt16LE(56);
  for (let i = 0; i < phnum; i++) {
    const p = phoff + i * phentsize;
    if (buf.readUInt32LE(p) !== 1) continue; // PT_LOAD
    const offset = Number(buf.readBigUInt64LE(p + 8));
    const paddr = Number(buf.readBigUInt64LE(p + 24));
    const filesz = Number(buf.readBigUInt64LE(p + 32));
    if (filesz === 0) continue;
    if (paddr < h.loadAddr || paddr + filesz > h.loadEndAddr) {
      problems.push(`segment at physical 0x${paddr.toString(16)} lies outside the multiboot load range`);
    } else if (offset - fileBase !== paddr - h.loadAddr) {
      problems.push(`segment at physical 0x${paddr.toString(16)} is at file offset 0x${offset.toString(16)}, not where a flat load puts it`);
    }
  }
  return problems;
}
