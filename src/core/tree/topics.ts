/**
 * The by-topic grouping of the annotations tree: topic → stance → claims. Pure: the provider
 * gives it the workspace's annotations and turns the groups into rows.
 *
 * - The statements grouped are the claims (label `claim`) and any other annotation given a topic.
 * - A claim about several topics is listed under each (counted once per topic); one without a
 *   topic under "No topic", which comes last.
 * - Under a topic, stances in the order of the setting `articleAnnotator.stances`, then stances
 *   not in the setting (kept from a hand-edited sidecar, or an older setting) alphabetically, then
 *   "no stance" last.
 * - Topics are compared as written, trimmed (as the actor network does); sorted case-insensitively.
 */

import { cleanList } from '../model';

export interface TopicCoded {
  label: string;
  about?: readonly string[];
  stance?: string;
}

export interface StanceGroup<T> {
  /** The stance, or null for the claims without one ("no stance"). */
  stance: string | null;
  items: T[];
}

export interface TopicGroup<T> {
  /** The topic, or null for the claims without one ("No topic"). */
  topic: string | null;
  /** Claims under the topic (each once, whatever the number of its stances' rows). */
  count: number;
  stances: StanceGroup<T>[];
}

export const NO_TOPIC_LABEL = 'No topic';
export const NO_STANCE_LABEL = 'no stance';

/** Whether an annotation is listed in the by-topic grouping. */
export function isTopicCoded(a: TopicCoded): boolean {
  return a.label === 'claim' || topicsOf(a).length > 0;
}

/** An annotation's topics: trimmed, without empty entries or duplicates, in its order. */
export function topicsOf(a: Pick<TopicCoded, 'about'>): string[] {
  return cleanList(a.about ?? []);
}

function stanceOf(a: Pick<TopicCoded, 'stance'>): string | null {
  const s = a.stance?.trim();
  return s ? s : null;
}

const byText = (x: string, y: string) => x.localeCompare(y, undefined, { sensitivity: 'base' }) || (x < y ? -1 : x > y ? 1 : 0);

/**
 * Groups `items` (in their order, kept inside each group) by topic, then stance. `code` gives an
 * item's label, topics and stance; `stanceOrder` is the configured list of stances.
 */
export function groupByTopic<T>(items: readonly T[], code: (item: T) => TopicCoded, stanceOrder: readonly string[]): TopicGroup<T>[] {
  const topics = new Map<string | null, Map<string | null, T[]>>();
  for (const item of items) {
    const c = code(item);
    if (!isTopicCoded(c)) continue;
    const stance = stanceOf(c);
    const about = topicsOf(c);
    for (const topic of about.length ? about : [null]) {
      let stances = topics.get(topic);
      if (!stances) topics.set(topic, (stances = new Map()));
      const list = stances.get(stance);
      if (list) list.push(item);
      else stances.set(stance, [item]);
    }
  }
  const rank = new Map(stanceOrder.map((s, k) => [s, k]));
  const stanceCmp = (x: string | null, y: string | null): number => {
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const rx = rank.get(x);
    const ry = rank.get(y);
    if (rx !== undefined || ry !== undefined) return rx === undefined ? 1 : ry === undefined ? -1 : rx - ry;
    return byText(x, y);
  };
  const topicCmp = (x: string | null, y: string | null): number => (x === null || y === null ? (x === y ? 0 : x === null ? 1 : -1) : byText(x, y));
  return [...topics.entries()]
    .sort(([x], [y]) => topicCmp(x, y))
    .map(([topic, stances]) => ({
      topic,
      // A claim has one stance: the stance groups of a topic share no claim.
      count: [...stances.values()].reduce((n, l) => n + l.length, 0),
      stances: [...stances.entries()].sort(([x], [y]) => stanceCmp(x, y)).map(([stance, list]) => ({ stance, items: list })),
    }));
}

/** A group row's text: "Inflation (12)", "agree (5)", "No topic (3)". */
export function groupRowLabel(name: string | null, none: string, count: number): string {
  return `${name ?? none} (${count})`;
}
