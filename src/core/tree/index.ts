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

/** A mention of an actor as the filter sees it: its text, label `actor`, the actor as speaker. */
export function mentionItem(text: string, actorName: string): FilterableItem {
  return { quote: text, label: 'actor', speaker: actorName };
}

/** A detected claim as the filter sees it. */
export function claimItem(c: { text: string; speaker?: string | null }): FilterableItem {
  return { quote: c.text, label: 'claim', speaker: c.speaker ?? null };
}

/** A workspace actor as the by-actor filter needs it. */
export interface ActorKey {
  id: string;
  name: string;
  aliases: readonly string[];
  /** The article-level actor ids merged into this one. */
  memberIds: ReadonlySet<string>;
}

/** What one article contributes to the by-actor grouping (rejected detections already left out). */
export interface ActorArticle {
  annotations: readonly FilterableItem[];
  claims: readonly { text: string; speaker?: string | null; speakerId?: string | null }[];
  actors: readonly { id: string; mentions: readonly { text: string }[] }[];
}

/**
 * The ids of the actors that keep a row under `filter` in the by-actor grouping: those with an
 * annotation they speak in, a detected claim they make, or a mention that matches. The same rules
 * as the rows under an actor (annotations by speaker name or alias, claims by speaker id or name,
 * mentions as `mentionItem` with the actor's name). Without an active filter, every actor.
 */
export function actorsWithMatch(actors: readonly ActorKey[], articles: readonly ActorArticle[], filter: TreeFilter | undefined): Set<string> {
  if (!isFilterActive(filter)) return new Set(actors.map((a) => a.id));
  const byName = new Map<string, ActorKey[]>();
  const byMember = new Map<string, ActorKey>();
  for (const a of actors) {
    for (const n of new Set([a.name, ...a.aliases])) {
      const list = byName.get(n);
      if (list) list.push(a);
      else byName.set(n, [a]);
    }
    for (const m of a.memberIds) byMember.set(m, a);
  }
  const out = new Set<string>();
  for (const art of articles) {
    for (const ann of art.annotations) {
      if (!ann.speaker || !matchesFilter(ann, filter)) continue;
      for (const a of byName.get(ann.speaker) ?? []) out.add(a.id);
    }
    for (const c of art.claims) {
      if (!matchesFilter(claimItem(c), filter)) continue;
      const viaId = c.speakerId ? byMember.get(c.speakerId) : undefined;
      if (viaId) out.add(viaId.id);
      for (const a of c.speaker ? byName.get(c.speaker) ?? [] : []) out.add(a.id);
    }
    for (const det of art.actors) {
      const a = byMember.get(det.id);
      if (!a || out.has(a.id)) continue;
      if (det.mentions.some((m) => matchesFilter(mentionItem(m.text, a.name), filter))) out.add(a.id);
    }
  }
  return out;
}
