/** Text helpers shared by actor and claim detection. */

/**
 * A same-length copy of `text` for matching: no-break, thin and other special spaces become
 * spaces, curly apostrophes become `'`. Offsets in the copy are offsets in the original.
 */
export function normalizeForMatching(text: string): string {
  return text.replace(SPECIAL, (c) => (c === '\u2018' || c === '\u2019' || c === '\u02bc' ? "'" : ' '));
}

const SPECIAL = /[\u00a0\u2000-\u200a\u202f\u205f\u3000\u2018\u2019\u02bc]/g;
const INITIALS_SKIP: ReadonlySet<string> = new Set(['of', 'for', 'the', 'and', 'on', 'in', 'de', 'du', 'des', 'da', 'von', 'van']);

/** Folds a surface form to a comparison key: lowercase letters and digits only. */
export function keyOf(surface: string): string {
  return surface.toLowerCase().replace(/^the\s+/, '').replace(/[^a-z0-9\u00c0-\u024f]/g, '');
}

/** Levenshtein distance, stopping early above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
      if (cur[j]! < rowMin) rowMin = cur[j]!;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/**
 * Whether `a` and `b` are at most one edit apart. One edit leaves the first three or the last three
 * characters alike when both strings have six or more, which rules most pairs out at once.
 */
export function withinOneEdit(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  if (Math.abs(a.length - b.length) > 1) return false;
  if (n >= 6) {
    const la = a.length;
    const lb = b.length;
    const headAlike = a.charCodeAt(0) === b.charCodeAt(0) && a.charCodeAt(1) === b.charCodeAt(1) && a.charCodeAt(2) === b.charCodeAt(2);
    const tailAlike = a.charCodeAt(la - 1) === b.charCodeAt(lb - 1) && a.charCodeAt(la - 2) === b.charCodeAt(lb - 2) && a.charCodeAt(la - 3) === b.charCodeAt(lb - 3);
    if (!headAlike && !tailAlike) return false;
  }
  return editDistance(a, b, 1) <= 1;
}

/** Sentence boundaries: start offsets of sentences (after . ! ? followed by space and a capital or quote, or a newline). */
export function sentenceStarts(text: string): number[] {
  const starts = [0];
  const re = /(?:[.!?][”"’)]?\s+(?=[“"‘(A-Z0-9À-ÖØ-ÞĀ-ɏΆ-ΫЀ-ЯḀ-ỿ])|\n+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const at = m.index + m[0].length;
    // Do not split after common abbreviations.
    const before = text.slice(Math.max(0, m.index - 4), m.index + 1);
    if (/\b(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sen|Rep|Gov|No|Prof|Jr|Sr|vs|U\.S|U\.K)\.$/.test(before)) continue;
    if (at < text.length) starts.push(at);
  }
  return starts;
}

/** Initials of a name for acronym matching: capitalised words and hyphen parts ("Lashkar-e-Taiba" → "LeT"). */
export function initialsOf(name: string): string[] {
  let strict = '';
  let parts = '';
  for (const w of name.split(/\s+/)) {
    if (!w) continue;
    const c = w.charCodeAt(0);
    if ((c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde)) strict += w[0];
    // Each hyphen part's first character, but for linking words ("Lashkar-e-Taiba": L, e, T).
    for (let from = 0; from <= w.length; ) {
      let dash = w.indexOf('-', from);
      if (dash < 0) dash = w.length;
      if (dash > from && (dash - from > 3 || !INITIALS_SKIP.has(w.slice(from, dash)))) parts += w[from];
      from = dash + 1;
    }
  }
  const out: string[] = [];
  if (strict.length >= 2) out.push(strict);
  if (parts !== strict && parts.length >= 2) out.push(parts);
  return out;
}
