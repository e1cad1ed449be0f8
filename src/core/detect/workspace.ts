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

/** An article's actor without its mentions: what workspace-wide grouping keeps per article. */
export interface ActorSummary {
  id: string;
  name: string;
  type: ActorType;
  aliases: string[];
  mentionCount: number;
}

/**
 * The actors of one detection without mentions. `intern` may map each name to a shared copy, so
 * that thousands of articles naming the same actors share their strings (and keep no slice of
 * the article text alive).
 */
export function summarizeActors(actors: Actor[], intern: (s: string) => string = (s) => s): ActorSummary[] {
  return actors.map((a) => ({ id: intern(a.id), name: intern(a.name), type: a.type, aliases: a.aliases.map(intern), mentionCount: a.mentions.length }));
}

function mentionCountOf(a: Actor | ActorSummary): number {
  return 'mentionCount' in a ? a.mentionCount : a.mentions.length;
}

/** Merges actors across articles by id and by shared names or aliases of the same type. */
export function mergeWorkspaceActors(items: { article: string; actors: (Actor | ActorSummary)[] }[]): WorkspaceActor[] {
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
      const n = mentionCountOf(a);
      w.articles.set(article, (w.articles.get(article) ?? 0) + n);
      w.mentionCount += n;
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
