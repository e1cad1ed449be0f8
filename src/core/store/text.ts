/** Texts of closed articles as the store keeps them: UTF-8 bytes, line starts, a budget of decoded texts. */
import type { Position } from './ports';

export interface TextSource {
  positionAt(offset: number): Position;
}

/** Line starts of a text, for offset → position without keeping the text. */
export function sourceOf(text: string): TextSource {
  let n = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  const lineStarts = new Uint32Array(n);
  for (let i = 0, k = 1; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts[k++] = i + 1;
  return {
    positionAt(offset: number) {
      let lo = 0;
      let hi = lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (lineStarts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo, character: offset - lineStarts[lo]! };
    },
  };
}

/** UTF-16 offset of a position in `text`. */
export function offsetOf(text: string, pos: Position): number {
  let line = 0;
  let i = 0;
  while (line < pos.line) {
    const nl = text.indexOf('\n', i);
    if (nl < 0) return text.length;
    i = nl + 1;
    line++;
  }
  // Clamped to the line, as VS Code validates a position.
  const nl = text.indexOf('\n', i);
  return Math.min(i + Math.max(0, pos.character), nl < 0 ? text.length : nl);
}

export interface DropsText {
  dropText(): void;
}

/**
 * Keeps the decoded texts of the most recently used closed articles, up to a budget of UTF-16
 * units: re-anchoring after a sidecar change, drawing ranges or closing an article then does not
 * decode the kept bytes again (a 1 MB article costs 10–20 ms to decode). Texts beyond the budget
 * are dropped, oldest first; the bytes stay.
 */
export class RecentTexts {
  private readonly lengths = new Map<DropsText, number>();
  private total = 0;
  constructor(private readonly budget: number) {}
  /** `owner` has just decoded a text of `length` units. */
  used(owner: DropsText, length: number): void {
    this.forget(owner);
    if (length > this.budget) return owner.dropText();
    this.lengths.set(owner, length);
    this.total += length;
    for (const [oldest, n] of this.lengths) {
      if (this.total <= this.budget) break;
      this.lengths.delete(oldest);
      this.total -= n;
      oldest.dropText();
    }
  }
  forget(owner: DropsText): void {
    const n = this.lengths.get(owner);
    if (n === undefined) return;
    this.lengths.delete(owner);
    this.total -= n;
  }
}
