// Character offsets -> 1-based line/column, for reporting positions of tokens and syntax nodes.

/** A half-open range of character offsets into a file's text. */
export interface OffsetSpan {
  start: number;
  end: number;
}

/** Offset -> 1-based line/column. */
export class LineMap {
  private starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  pos(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
  span(sp: OffsetSpan): { start: { line: number; column: number }; end: { line: number; column: number } } {
    return { start: this.pos(sp.start), end: this.pos(sp.end) };
  }
}
