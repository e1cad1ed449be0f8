/**
 * Conversion between UTF-16 code-unit offsets (JavaScript strings, VS Code) and Unicode
 * code-point offsets (sidecars, W3C, brat). Texts without astral characters (the common case)
 * take an identity fast path.
 */
export class OffsetMap {
  /** UTF-16 offsets of every astral (surrogate-pair) character, ascending. Empty for BMP-only text. */
  private readonly astral: number[] = [];
  readonly utf16Length: number;
  readonly codePointLength: number;

  constructor(text: string) {
    this.utf16Length = text.length;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.astral.push(i);
          i++;
        }
      }
    }
    this.codePointLength = text.length - this.astral.length;
  }

  /** Number of astral characters starting before UTF-16 offset `u`. */
  private astralBeforeUtf16(u: number): number {
    const a = this.astral;
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (a[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** UTF-16 offset → code-point offset (clamped to the text). An offset inside a surrogate pair rounds down. */
  toCodePoint(u: number): number {
    const clamped = u <= 0 ? 0 : u >= this.utf16Length ? this.utf16Length : u;
    if (this.astral.length === 0) return clamped;
    // Between the halves of a pair this rounds down to the pair's own code point.
    return clamped - this.astralBeforeUtf16(clamped);
  }

  /** Code-point offset → UTF-16 offset (clamped to the text). */
  toUtf16(cp: number): number {
    const clamped = cp <= 0 ? 0 : cp >= this.codePointLength ? this.codePointLength : cp;
    if (this.astral.length === 0) return clamped;
    // Find the number k of astral characters whose code-point index is < clamped.
    // The code-point index of astral[k] is astral[k] - k.
    const a = this.astral;
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (a[mid]! - mid < clamped) lo = mid + 1;
      else hi = mid;
    }
    return clamped + lo;
  }
}

/** Slice a string by code-point offsets. */
export function sliceCodePoints(text: string, start: number, end: number, map: OffsetMap = new OffsetMap(text)): string {
  return text.slice(map.toUtf16(start), map.toUtf16(end));
}
