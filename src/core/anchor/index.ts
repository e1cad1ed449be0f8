/**
 * Anchoring annotations to article text, after the model of hypothesis/client's
 * `match-quote.ts`:
 *   1. the stored offsets, when the quote (and its context) is still there → `exact`;
 *   2. else the exact quote elsewhere, the best context and then the nearest winning → `moved`;
 *   3. else an approximate match (approx-string-match, Myers' bit-parallel algorithm) scored on
 *      quote, prefix and suffix similarity and distance, above a threshold → `fuzzy`;
 *   4. else `orphan` (the annotation object is left unchanged).
 *
 * Speed: one shared OffsetMap; the exact check is O(quote length). Annotations are visited in
 * order of their stored start and the shift of the previous one is carried forward as a hint, so
 * text moved by edits earlier in the article is found with one comparison. Searches look in a
 * window around the expected position first and scan the whole text only when that fails; the
 * whole-text approximate search is narrowed by exact pieces of the quote (pigeonhole filter).
 */
import search from 'approx-string-match';
import type { AnchorStatus, Annotation } from '../model';
import { OffsetMap } from '../offsets';

export { shiftOffsets, shiftRanges, type ContentChange, type ShiftedRange } from './shift';
export { EditFollower, type FollowResult, type LiveRange } from './follow';

export interface AnchorResult {
  /** The annotation as given (never modified). */
  annotation: Annotation;
  status: AnchorStatus;
  /** Code-point offsets in the new text; undefined for orphans. */
  start?: number;
  end?: number;
  /** Match quality 0..1 (1 for exact and moved). */
  score?: number;
}

export interface AnchorOptions {
  /** Minimum combined score (0..1) for a fuzzy match (default 0.65). */
  minScore?: number;
  /** Most occurrences of an exact quote considered in a whole-text search (default 5000). */
  maxOccurrences?: number;
}

/** Half-width (UTF-16 units) of the window searched first around the expected position. */
const WINDOW = 4096;
/** Weights of the fuzzy score, as in hypothesis' match-quote. */
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POS_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POS_WEIGHT;
/** A long quote this similar is accepted whatever its context (random text never comes this close). */
const STRONG_QUOTE = 0.9;
const STRONG_QUOTE_MIN_LENGTH = 24;
/** A windowed fuzzy match at least this good is not compared with the rest of the text. */
const GOOD_ENOUGH = 0.8;

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/** 1 − Levenshtein(a, b) / max length: 1 for equal strings, about 0.1 for unrelated English. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const m = a.length;
  const n = b.length;
  if (m === 0 || n === 0) return 0;
  let prev = new Uint16Array(n + 1);
  let cur = new Uint16Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const sub = prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    [prev, cur] = [cur, prev];
  }
  return 1 - prev[n]! / Math.max(m, n);
}

interface Candidate {
  start: number;
  end: number;
  score: number;
  quoteScore: number;
}

/** Re-anchors annotations against one text; reuse it for many annotations of the same text. */
export class Anchorer {
  private offsetMap: OffsetMap | undefined;
  private readonly minScore: number;
  private readonly maxOccurrences: number;

  constructor(
    readonly text: string,
    options: AnchorOptions = {},
    map?: OffsetMap,
  ) {
    this.offsetMap = map;
    this.minScore = options.minScore ?? 0.65;
    this.maxOccurrences = options.maxOccurrences ?? 5000;
  }

  /** Code points ↔ UTF-16 for the text, built when first needed (`relocate` works in UTF-16 and needs none). */
  get map(): OffsetMap {
    return (this.offsetMap ??= new OffsetMap(this.text));
  }

  /** Anchors one annotation; `hint` is where it is expected (code points), e.g. shifted by earlier edits. */
  anchor(a: Annotation, hint?: number): AnchorResult {
    const { map } = this;
    const quote = a.quote;
    if (typeof quote !== 'string' || quote.length === 0 || !Number.isFinite(a.start)) return { annotation: a, status: 'orphan' };
    const old16 = map.toUtf16(a.start);
    // 1. The stored offsets still hold the quote, in its context.
    if (this.quoteAt(a, old16) && this.contextMatches(a, old16)) return this.result(a, 'exact', old16, old16 + quote.length, 1);
    // 1b. Shifted like the annotation before it.
    const hint16 = hint !== undefined && hint !== a.start ? map.toUtf16(Math.max(0, hint)) : old16;
    if (hint16 !== old16 && this.quoteAt(a, hint16) && this.contextMatches(a, hint16)) return this.result(a, 'moved', hint16, hint16 + quote.length, 1);
    // 2. The exact quote elsewhere.
    const exact = this.exactNearest(a, old16, hint16);
    if (exact !== undefined) return this.result(a, exact === old16 ? 'exact' : 'moved', exact, exact + quote.length, 1);
    // 3. Approximate.
    const fuzzy = this.fuzzy(a, old16, hint16);
    if (fuzzy) return this.result(a, 'fuzzy', fuzzy.start, fuzzy.end, fuzzy.score);
    // 4. Orphan.
    return { annotation: a, status: 'orphan' };
  }

  /**
   * Finds an annotation again after a change touched its text (typing in it, or a reload that
   * replaced the block of lines around it), near `hint16` (UTF-16, where the change left it).
   * Unlike `anchor`, another occurrence of the quote is taken only in full context on at least
   * one side (when it has context), so typing that really deletes the text orphans it rather than moving it to a
   * neighbouring occurrence; then the approximate search (`fuzzy`), then `orphan`.
   * Offsets in and out are UTF-16; `alt16` is a second place to look (e.g. where it was before).
   */
  relocate(a: Pick<Annotation, 'quote' | 'prefix' | 'suffix'>, hint16: number, alt16 = hint16): { status: AnchorStatus; start16: number; end16: number } {
    const quote = a.quote;
    const at = Math.max(0, Math.min(this.text.length, hint16));
    const alt = Math.max(0, Math.min(this.text.length, alt16));
    const orphan = { status: 'orphan' as const, start16: at, end16: at };
    if (typeof quote !== 'string' || quote.length === 0) return orphan;
    const ann = a as Annotation;
    if (this.quoteAt(ann, at) && this.contextMatches(ann, at)) return { status: 'moved', start16: at, end16: at + quote.length };
    if (alt !== at && this.quoteAt(ann, alt) && this.contextMatches(ann, alt)) return { status: 'moved', start16: alt, end16: alt + quote.length };
    // Without any stored context (a sidecar written by hand) there is nothing to compare: the nearest occurrence.
    const exact = this.exactNearest(ann, at, alt, Boolean(a.prefix || a.suffix));
    if (exact !== undefined) return { status: 'moved', start16: exact, end16: exact + quote.length };
    const fuzzy = this.fuzzy(ann, at, alt);
    if (fuzzy) return { status: 'fuzzy', start16: fuzzy.start, end16: fuzzy.end };
    return orphan;
  }

  private result(a: Annotation, status: AnchorStatus, s16: number, e16: number, score: number): AnchorResult {
    const start = this.map.toCodePoint(s16);
    const end = this.map.toCodePoint(e16);
    // `exact` means the stored offsets are right as they are; a corrected end is a move.
    if (status === 'exact' && (start !== a.start || end !== a.end)) status = 'moved';
    return { annotation: a, status, start, end, score };
  }

  /** The quote sits at UTF-16 offset `at`. */
  private quoteAt(a: Annotation, at: number): boolean {
    return at + a.quote.length <= this.text.length && this.text.startsWith(a.quote, at);
  }

  private contextMatches(a: Annotation, at: number): boolean {
    const { text } = this;
    const prefix = a.prefix ?? '';
    const suffix = a.suffix ?? '';
    const end = at + a.quote.length;
    return (prefix === '' || text.startsWith(prefix, at - prefix.length)) && (suffix === '' || text.startsWith(suffix, end));
  }

  /**
   * Context agreement of an exact occurrence at `i`, measured outward from the quote: 0..1 for
   * how much of the prefix and suffix agree, plus 2 for each side that agrees in full, so that an
   * occurrence whose whole suffix (or prefix) is still there wins over one that only shares more
   * of a partial context (issue 17: a short quote such as `of` went to the wrong occurrence).
   */
  private exactContextScore(a: Annotation, i: number): number {
    const { text } = this;
    const prefix = a.prefix ?? '';
    const suffix = a.suffix ?? '';
    const end = i + a.quote.length;
    const pre = prefix ? commonSuffixLength(prefix, text.slice(Math.max(0, i - prefix.length), i)) / prefix.length : i === 0 ? 1 : 0.5;
    const suf = suffix ? commonPrefixLength(suffix, text.slice(end, end + suffix.length)) / suffix.length : end === text.length ? 1 : 0.5;
    return (pre + suf) / 2 + (pre === 1 ? 2 : 0) + (suf === 1 ? 2 : 0);
  }

  /** 0 near the expected position, up to 0.5 far away: distance only outweighs a clearly better context. */
  private distancePenalty(i: number, old16: number, hint16: number): number {
    const d = Math.min(Math.abs(i - old16), Math.abs(i - hint16));
    return 0.5 * Math.min(1, d / Math.max(WINDOW, this.text.length));
  }

  /** With `fullSideOnly`, only occurrences whose prefix or suffix agrees in full are taken. */
  private exactNearest(a: Annotation, old16: number, hint16: number, fullSideOnly = false): number | undefined {
    const { text } = this;
    const quote = a.quote;
    let best: number | undefined;
    let bestScore = -Infinity;
    let bestPerfect = false;
    const consider = (i: number) => {
      const ctx = this.exactContextScore(a, i);
      if (fullSideOnly && ctx < 2) return;
      const score = ctx - this.distancePenalty(i, old16, hint16);
      if (score > bestScore || (score === bestScore && best !== undefined && i < best)) {
        bestScore = score;
        best = i;
        bestPerfect = ctx === 5;
      }
    };
    // Near the expected position first: an occurrence there in its full context is the answer.
    const lo = Math.max(0, Math.min(old16, hint16) - WINDOW);
    const hi = Math.min(text.length, Math.max(old16, hint16) + quote.length + WINDOW);
    for (let i = text.indexOf(quote, lo); i >= 0 && i + quote.length <= hi; i = text.indexOf(quote, i + 1)) consider(i);
    if (best !== undefined && bestPerfect) return best;
    let count = 0;
    for (let i = text.indexOf(quote); i >= 0 && count < this.maxOccurrences; i = text.indexOf(quote, i + 1), count++) {
      if (i < lo || i + quote.length > hi) consider(i);
    }
    return best;
  }

  private fuzzy(a: Annotation, old16: number, hint16: number): Candidate | undefined {
    const { text } = this;
    const m = a.quote.length;
    const maxErrors = Math.min(256, Math.floor(m / 4));
    if (maxErrors < 1) return undefined;
    const radius = Math.max(WINDOW, m * 8);
    const lo = Math.max(0, Math.min(old16, hint16) - radius);
    const hi = Math.min(text.length, Math.max(old16, hint16) + m + radius);
    let best = this.bestIn(a, lo, hi, maxErrors, old16, hint16);
    if (best && best.score >= GOOD_ENOUGH) return best;
    if (lo > 0 || hi < text.length) {
      const global = this.globalFuzzy(a, old16, hint16);
      if (global && (!best || global.score > best.score)) best = global;
    }
    return best && this.accept(best, m) ? best : undefined;
  }

  private accept(c: Candidate, quoteLength: number): boolean {
    return c.score >= this.minScore || (c.quoteScore >= STRONG_QUOTE && quoteLength >= STRONG_QUOTE_MIN_LENGTH);
  }

  /** Best approximate match of the quote inside text[lo, hi). */
  private bestIn(a: Annotation, lo: number, hi: number, maxErrors: number, old16: number, hint16: number): Candidate | undefined {
    const haystack = lo === 0 && hi === this.text.length ? this.text : this.text.slice(lo, hi);
    let best: Candidate | undefined;
    for (const match of search(haystack, a.quote, maxErrors)) {
      const c = this.score(a, match.start + lo, match.end + lo, match.errors, old16, hint16);
      if (!best || c.score > best.score || (c.score === best.score && c.start < best.start)) best = c;
    }
    return best;
  }

  /**
   * Whole-text approximate search with few errors (up to 3): a match with k errors
   * contains one of k+1 pieces of the quote exactly, so only windows around the exact
   * occurrences of those pieces are searched.
   */
  private globalFuzzy(a: Annotation, old16: number, hint16: number): Candidate | undefined {
    const { text } = this;
    const quote = a.quote;
    const m = quote.length;
    if (m < 16) return undefined; // short quotes match everywhere: not worth it
    // At most 3 errors (4 pieces of at least 8 characters): few, rare pieces keep this cheap.
    const k = Math.min(3, Math.max(1, Math.floor(m / 8) - 1));
    const pieceLength = Math.floor(m / (k + 1));
    const starts: number[] = [];
    for (let p = 0; p <= k; p++) {
      const offset = p * pieceLength;
      const piece = quote.slice(offset, offset + pieceLength);
      let hits = 0;
      for (let i = text.indexOf(piece); i >= 0; i = text.indexOf(piece, i + 1)) {
        starts.push(i - offset);
        if (++hits > 1000) break; // a very common piece: other pieces will find the match
      }
    }
    if (starts.length === 0) return undefined;
    starts.sort((x, y) => x - y);
    let best: Candidate | undefined;
    let windowStart = -1;
    let windowEnd = -1;
    const flush = () => {
      if (windowEnd <= windowStart) return;
      const c = this.bestIn(a, windowStart, windowEnd, k, old16, hint16);
      if (c && (!best || c.score > best.score)) best = c;
    };
    for (const s of starts) {
      const ws = Math.max(0, s - k - 1);
      const we = Math.min(text.length, s + m + k + 1);
      if (ws <= windowEnd) {
        windowEnd = Math.max(windowEnd, we);
      } else {
        flush();
        windowStart = ws;
        windowEnd = we;
      }
    }
    flush();
    return best;
  }

  private score(a: Annotation, start: number, end: number, errors: number, old16: number, hint16: number): Candidate {
    const { text } = this;
    const quoteScore = 1 - errors / a.quote.length;
    const prefix = a.prefix ?? '';
    const suffix = a.suffix ?? '';
    const prefixScore = prefix ? similarity(prefix, text.slice(Math.max(0, start - prefix.length), start)) : start === 0 ? 1 : 0.5;
    const suffixScore = suffix ? similarity(suffix, text.slice(end, end + suffix.length)) : end === text.length ? 1 : 0.5;
    const posScore = 1 - 2 * this.distancePenalty(start, old16, hint16);
    const score = (QUOTE_WEIGHT * quoteScore + PREFIX_WEIGHT * prefixScore + SUFFIX_WEIGHT * suffixScore + POS_WEIGHT * posScore) / TOTAL_WEIGHT;
    return { start, end, score, quoteScore };
  }
}

/**
 * Re-anchors stored annotations (code-point offsets) against `text`. Results are in the order of
 * `annotations`; the annotation objects are not modified.
 */
export function anchorAnnotations(text: string, annotations: readonly Annotation[], options?: AnchorOptions, map?: OffsetMap): AnchorResult[] {
  const anchorer = new Anchorer(text, options, map);
  const order = annotations.map((_, i) => i);
  const startOf = (i: number) => (Number.isFinite(annotations[i]!.start) ? annotations[i]!.start : 0);
  // Sidecars are written in start order: sort only when the list is not already in it.
  let sorted = true;
  for (let i = 1; i < annotations.length && sorted; i++) sorted = startOf(i - 1) <= startOf(i);
  if (!sorted) order.sort((x, y) => startOf(x) - startOf(y) || x - y);
  const results: AnchorResult[] = new Array<AnchorResult>(annotations.length);
  let shift = 0;
  for (const i of order) {
    const a = annotations[i]!;
    const r = anchorer.anchor(a, a.start + shift);
    // Carry the shift of well-placed annotations forward: the next one has probably moved alike.
    if (r.start !== undefined && r.status !== 'fuzzy') shift = r.start - a.start;
    results[i] = r;
  }
  return results;
}
