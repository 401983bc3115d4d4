// Character offsets -> 1-based line/column, for reporting positions of tokens and syntax nodes.

/** A half-open range of character offsets into a file's text. */
export interface OffsetSpan {
  start: number;
  end: number;
}

/** Offset -> 1-based line/column. */
export class LineMap {
  private readonly starts: number[] = [0];
  /** Lines of the text; a final newline ends the last line, it does not open a new one. */
  readonly lineCount: number;
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
    const last = this.starts[this.starts.length - 1]!;
    this.lineCount = text.length === 0 ? 0 : last === text.length ? this.starts.length - 1 : this.starts.length;
  }
  /** 1-based line of an offset. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
  pos(offset: number): { line: number; column: number } {
    const line = this.lineOf(offset);
    return { line, column: offset - this.starts[line - 1]! + 1 };
  }
  /** Like `pos`, but the end of a text with a final newline is the end of its last line. */
  position(offset: number): { line: number; column: number } {
    const line = this.lineOf(offset);
    if (line > this.lineCount && this.lineCount > 0) return { line: this.lineCount, column: this.lineText(this.lineCount).length + 1 };
    return { line, column: offset - this.starts[line - 1]! + 1 };
  }
  /** Text of 1-based line `line`, without its newline. */
  lineText(line: number): string {
    const s = this.starts[line - 1] ?? this.text.length;
    const e = line < this.starts.length ? this.starts[line]! - 1 : this.text.length;
    return this.text.slice(s, e);
  }
  span(sp: OffsetSpan): { start: { line: number; column: number }; end: { line: number; column: number } } {
    return { start: this.pos(sp.start), end: this.pos(sp.end) };
  }
}
