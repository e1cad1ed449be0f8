/**
 * Anchoring annotations to article text, after the model of hypothesis/client's
 * `match-quote.ts`: stored offsets first, then the exact quote nearest the old position
 * (prefix/suffix break ties), then an approximate match (approx-string-match, Myers'
 * bit-parallel algorithm) scored on quote, prefix, suffix and distance, else orphan.
 */
import search from 'approx-string-match';
import type { AnchorStatus, Annotation } from '../model';
import { OffsetMap } from '../offsets';

export { shiftRanges, type ContentChange, type ShiftedRange } from './shift';

export interface AnchorResult {
  annotation: Annotation;
  status: AnchorStatus;
  /** Code-point offsets in the new text; undefined for orphans. */
  start?: number;
  end?: number;
}

export interface AnchorOptions {
  /** Minimum combined score (0..1) for a fuzzy match. */
  minScore?: number;
  /** Most occurrences of an exact quote considered. */
  maxOccurrences?: number;
}

/** Length of the common suffix of a and b (characters). */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/** Similarity of two short context strings, 0..1, by approximate match. */
function contextSimilarity(expected: string, actual: string): number {
  if (expected.length === 0) return 1;
  if (actual.length === 0) return 0;
  const maxErrors = Math.ceil(expected.length / 2);
  const m = search(actual, expected, maxErrors);
  if (m.length === 0) return 0;
  const best = m.reduce((a, b) => (b.errors < a.errors ? b : a));
  return 1 - best.errors / expected.length;
}

export class Anchorer {
  private readonly map: OffsetMap;
  private readonly minScore: number;
  private readonly maxOccurrences: number;

  constructor(
    private readonly text: string,
    options: AnchorOptions = {},
  ) {
    this.map = new OffsetMap(text);
    this.minScore = options.minScore ?? 0.5;
    this.maxOccurrences = options.maxOccurrences ?? 2000;
  }

  anchor(a: Annotation): AnchorResult {
    const { text, map } = this;
    const quote = a.quote;
    if (typeof quote !== 'string' || quote.length === 0) return { annotation: a, status: 'orphan' };
    const s16 = map.toUtf16(a.start);
    // 1. Stored offsets still hold the quote (and its context, when one was stored).
    const atStored = a.start <= map.codePointLength && text.startsWith(quote, s16) && map.toUtf16(a.end) === s16 + quote.length;
    if (atStored && this.contextMatches(a, s16)) {
      return { annotation: a, status: 'exact', start: a.start, end: a.end };
    }
    // 2. The exact quote elsewhere: nearest, with prefix/suffix as tie-breakers.
    const exact = this.exactNearest(a, s16);
    if (exact !== undefined) {
      const status: AnchorStatus = exact === s16 ? 'exact' : 'moved';
      return { annotation: a, status, start: map.toCodePoint(exact), end: map.toCodePoint(exact + quote.length) };
    }
    // 3. Approximate.
    const fuzzy = this.fuzzy(a, s16);
    if (fuzzy) return { annotation: a, status: 'fuzzy', start: map.toCodePoint(fuzzy.start), end: map.toCodePoint(fuzzy.end) };
    return { annotation: a, status: 'orphan' };
  }

  private contextMatches(a: Annotation, at: number): boolean {
    const { text } = this;
    const prefix = a.prefix ?? '';
    const suffix = a.suffix ?? '';
    const end = at + a.quote.length;
    return text.slice(Math.max(0, at - prefix.length), at) === prefix && text.slice(end, end + suffix.length) === suffix;
  }

  private exactNearest(a: Annotation, expected: number): number | undefined {
    const { text } = this;
    const quote = a.quote;
    let best: number | undefined;
    let bestScore = -Infinity;
    let count = 0;
    for (let i = text.indexOf(quote); i >= 0 && count < this.maxOccurrences; i = text.indexOf(quote, i + 1), count++) {
      const prefix = a.prefix ?? '';
      const suffix = a.suffix ?? '';
      const pre = prefix ? commonSuffix(prefix, text.slice(Math.max(0, i - prefix.length), i)) / prefix.length : 0;
      const suf = suffix ? commonPrefix(suffix, text.slice(i + quote.length, i + quote.length + suffix.length)) / suffix.length : 0;
      const distance = Math.abs(i - expected) / Math.max(1, text.length);
      // Context dominates; distance decides between equally good contexts.
      const score = pre + suf - distance;
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    return best;
  }

  private fuzzy(a: Annotation, expected: number): { start: number; end: number } | undefined {
    const { text } = this;
    const quote = a.quote;
    const maxErrors = Math.max(1, Math.floor(quote.length / 4));
    // Search near the old position first; the whole text only if that finds nothing.
    const radius = Math.max(2048, quote.length * 8);
    const lo = Math.max(0, expected - radius);
    const hi = Math.min(text.length, expected + quote.length + radius);
    let best = this.bestFuzzy(a, text.slice(lo, hi), lo, expected, maxErrors);
    if (!best && (lo > 0 || hi < text.length)) best = this.bestFuzzy(a, text, 0, expected, maxErrors);
    return best;
  }

  private bestFuzzy(a: Annotation, haystack: string, offset: number, expected: number, maxErrors: number): { start: number; end: number } | undefined {
    const quote = a.quote;
    const matches = search(haystack, quote, maxErrors);
    let best: { start: number; end: number } | undefined;
    let bestScore = -Infinity;
    for (const m of matches) {
      const start = m.start + offset;
      const end = m.end + offset;
      const quoteScore = 1 - m.errors / quote.length;
      const prefix = a.prefix ?? '';
      const suffix = a.suffix ?? '';
      const preScore = prefix ? contextSimilarity(prefix, this.text.slice(Math.max(0, start - prefix.length - 4), start)) : 0.5;
      const sufScore = suffix ? contextSimilarity(suffix, this.text.slice(end, end + suffix.length + 4)) : 0.5;
      const posScore = 1 - Math.abs(start - expected) / Math.max(1, this.text.length);
      const score = (50 * quoteScore + 20 * preScore + 20 * sufScore + 2 * posScore) / 92;
      if (score > bestScore) {
        bestScore = score;
        best = { start, end };
      }
    }
    return best && bestScore >= this.minScore ? best : undefined;
  }
}

/** Re-anchors stored annotations (code-point offsets) against `text`. */
export function anchorAnnotations(text: string, annotations: readonly Annotation[], options?: AnchorOptions): AnchorResult[] {
  const anchorer = new Anchorer(text, options);
  return annotations.map((a) => anchorer.anchor(a));
}
