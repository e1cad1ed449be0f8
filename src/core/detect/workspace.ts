/** Merging actors across the articles of a workspace (the tree's "by actor" grouping, exports). */
import type { Actor, ActorType } from '../model';
import { keyOf } from './text';

export interface WorkspaceActor {
  id: string;
  name: string;
  type: ActorType;
  aliases: string[];
  /** Mentions per article (article key as given). */
  articles: Map<string, number>;
  /** Actor ids merged into this one (one per article form). */
  memberIds: Set<string>;
  mentionCount: number;
}

/** Merges actors across articles by id and by shared names or aliases of the same type. */
export function mergeWorkspaceActors(items: { article: string; actors: Actor[] }[]): WorkspaceActor[] {
  const byKey = new Map<string, WorkspaceActor>();
  const out: WorkspaceActor[] = [];
  for (const { article, actors } of items) {
    for (const a of actors) {
      const keys = [a.id, ...[a.name, ...a.aliases].map((n) => `${a.type}:${keyOf(n)}`)];
      let w = keys.map((k) => byKey.get(k)).find(Boolean);
      if (!w) {
        w = { id: a.id, name: a.name, type: a.type, aliases: [], articles: new Map(), memberIds: new Set(), mentionCount: 0 };
        out.push(w);
      }
      for (const k of keys) if (!byKey.has(k)) byKey.set(k, w);
      w.memberIds.add(a.id);
      w.articles.set(article, (w.articles.get(article) ?? 0) + a.mentions.length);
      w.mentionCount += a.mentions.length;
      if (a.name.length > w.name.length && a.name.split(' ').length >= w.name.split(' ').length) {
        if (!w.aliases.includes(w.name)) w.aliases.push(w.name);
        w.name = a.name;
      }
      for (const n of [a.name, ...a.aliases]) if (n !== w.name && !w.aliases.includes(n)) w.aliases.push(n);
    }
  }
  for (const w of out) w.aliases.sort();
  return out;
}
