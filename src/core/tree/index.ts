/** Pure helpers of the annotations tree: shortening, filtering and navigation order. */

export interface TreeFilter {
  /** Text searched (case-insensitively) in quote, comment and tags. */
  text?: string;
  label?: string;
  speaker?: string;
}

export interface FilterableItem {
  quote: string;
  label: string;
  comment?: string;
  tags?: string[];
  speaker?: string | null;
}

export function isFilterActive(f: TreeFilter | undefined): boolean {
  return !!f && !!(f.text || f.label || f.speaker);
}

export function describeFilter(f: TreeFilter): string {
  return [f.text && `“${f.text}”`, f.label && `label ${f.label}`, f.speaker && `speaker ${f.speaker}`].filter(Boolean).join(', ');
}

export function matchesFilter(item: FilterableItem, f: TreeFilter | undefined): boolean {
  if (!isFilterActive(f)) return true;
  if (f!.label && item.label !== f!.label) return false;
  if (f!.speaker && (item.speaker ?? '').toLowerCase() !== f!.speaker.toLowerCase()) return false;
  if (f!.text) {
    const needle = f!.text.toLowerCase();
    const hay = [item.quote, item.comment ?? '', ...(item.tags ?? [])].join('\n').toLowerCase();
    if (!hay.includes(needle)) return false;
  }
  return true;
}

/** A quote for a tree row: whitespace folded, cut at a word near `max` characters. */
export function shorten(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.lastIndexOf(' ', max - 1);
  return `${t.slice(0, cut > max * 0.6 ? cut : max - 1)}…`;
}

export interface Positioned {
  start: number;
}

/**
 * The next (or previous) item from `cursor` in one article, by start offset; undefined when the
 * cursor is past the last (before the first) one, so the caller moves to the next article.
 */
export function stepInArticle<T extends Positioned>(items: readonly T[], cursor: number, direction: 1 | -1): T | undefined {
  const sorted = [...items].sort((a, b) => a.start - b.start);
  if (direction === 1) return sorted.find((i) => i.start > cursor);
  for (let k = sorted.length - 1; k >= 0; k--) if (sorted[k]!.start < cursor) return sorted[k];
  return undefined;
}

/** Article order for wrapping: the articles after `current` (cyclically), in `direction`. */
export function wrapOrder<T>(articles: readonly T[], currentIndex: number, direction: 1 | -1): T[] {
  const out: T[] = [];
  const n = articles.length;
  for (let k = 1; k <= n; k++) out.push(articles[(((currentIndex + direction * k) % n) + n) % n]!);
  return out;
}
