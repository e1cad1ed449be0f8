/**
 * Statements for the discourse networks, in the sense of the Discourse Network Analyzer (DNA):
 * an actor (the speaker) says something about one or more topics (`about`), with a stance, on a
 * date (the article's), mentioning other actors inside the claim. Pure: no VS Code, no I/O.
 *
 * Statements come from user claim annotations that name a speaker and, when asked, from detected
 * claims with a speaker (those have no topic or stance). The actors mentioned in a claim are the
 * detected actors with a mention inside the claim's span, as the GraphML export counts them.
 */
import { mergeWorkspaceActors, type WorkspaceActor } from '../detect/workspace';
import type { Actor, ActorType, Annotation } from '../model';
import { findArticleMeta, resolveMeta, type ArticleMeta } from '../meta/articleMeta';
import type { ExportArticle, ExportRecord, Provenance } from '../export/records';
import { recordsOf } from '../export/records';

/** An annotation with the optional statement fields (`about`, `stance`) of issue 19. */
export type StatementAnnotation = Annotation & { about?: string[]; stance?: string };

/** The export input, with the sidecar's `meta:` override when there is one. */
export interface NetworkArticle extends ExportArticle {
  annotations: StatementAnnotation[];
  meta?: ArticleMeta;
}

/** A node of the networks that stands for an actor. */
export interface NetworkActor {
  /** Stable node id (`a:` + type + canonical name). */
  key: string;
  name: string;
  type: ActorType;
  /** Mentions detected in the articles (0 for a speaker no detection found). */
  mentions: number;
}

export interface Statement {
  /** Unique in the workspace: `<article>:<annotation id>` (detected claims: `<article>:d-…`). */
  id: string;
  /** The annotation's id in its sidecar (detected claims: `d-…`). */
  annotationId: string;
  article: string;
  /** The article's date (`YYYY-MM-DD`), when known. */
  date?: string;
  label: string;
  provenance: Provenance;
  /** Key of the speaking actor. */
  speaker: string;
  /** Keys of the other actors mentioned inside the claim, sorted, no duplicates. */
  mentioned: string[];
  /** Topics, trimmed, no duplicates, in the annotation's order. */
  about: string[];
  stance?: string;
  quote: string;
  /** Code points in the article. */
  start: number;
  end: number;
}

export interface StatementSet {
  statements: Statement[];
  /** Every actor a statement refers to, by key. */
  actors: Map<string, NetworkActor>;
  /** Article path → its date (articles without one left out). */
  dates: Map<string, string>;
}

export interface StatementOptions {
  /** Also take detected claims with a speaker (they carry no topic or stance). */
  includeDetections?: boolean;
  /** Labels whose annotations are statements (default: `claim`). */
  labels?: readonly string[];
}

function actorKey(type: ActorType, name: string): string {
  return `a:${type}:${name.toLowerCase()}`;
}

function cleanTopics(about: unknown): string[] {
  if (!Array.isArray(about)) return [];
  const out: string[] = [];
  for (const t of about) {
    if (typeof t !== 'string') continue;
    const v = t.trim();
    if (v && !out.includes(v)) out.push(v);
  }
  return out;
}

/** One article's part of the statements, independent of the other articles (cached per article). */
interface ArticlePart {
  options: string;
  date?: string;
  items: { record: ExportRecord; speaker: string; members: string[]; ann?: StatementAnnotation }[];
}

/**
 * Keeps each article's part of the statements between calls of `statementsOf`, for as long as the
 * caller keeps the article object: a caller that replaces only the articles that changed puts
 * the statements of a large workspace together again without reading the others again.
 */
export type StatementCache = WeakMap<NetworkArticle, ArticlePart>;
export function statementCache(): StatementCache {
  return new WeakMap();
}

function articlePart(a: NetworkArticle, labels: ReadonlySet<string>, includeDetections: boolean, options: string): ArticlePart {
  const date = resolveMeta(findArticleMeta(a.text), a.meta).date;
  // Only claims become statements: the detected actors' mentions are not made records.
  const claimsOnly: NetworkArticle = a.detections ? { ...a, detections: { ...a.detections, actors: [] } } : a;
  const byId = new Map(a.annotations.map((ann) => [ann.id, ann]));
  const actors = a.detections?.actors ?? [];
  const items: ArticlePart['items'] = [];
  for (const r of recordsOf([claimsOnly], { includeDetections })) {
    if (!labels.has(r.label) || !r.speaker?.trim()) continue;
    if (r.provenance === 'detected' && r.label !== 'claim') continue;
    const members: string[] = [];
    for (const x of actors) if (x.mentions.some((m) => m.start >= r.start && m.end <= r.end)) members.push(x.id);
    items.push({ record: r, speaker: r.speaker.trim(), members, ...(r.provenance === 'user' ? { ann: byId.get(r.id) } : {}) });
  }
  return { options, ...(date ? { date } : {}), items };
}

/** The statements of the articles, sorted by article then start (as the exports list records). */
export function statementsOf(articles: readonly NetworkArticle[], options: StatementOptions = {}, cache?: StatementCache): StatementSet {
  const labels = new Set(options.labels ?? ['claim']);
  const key = `${!!options.includeDetections}\u0000${[...labels].sort().join('\u0000')}`;
  const workspace = mergeWorkspaceActors(articles.map((a) => ({ article: a.path, actors: a.detections?.actors ?? ([] as Actor[]) })));
  const byMember = new Map<string, WorkspaceActor>();
  for (const w of workspace) for (const id of w.memberIds) byMember.set(id, w);
  const byName = new Map<string, WorkspaceActor>();
  for (const w of workspace) for (const n of [w.name, ...w.aliases]) if (!byName.has(n)) byName.set(n, w);
  const actors = new Map<string, NetworkActor>();
  const nodeOf = (w: WorkspaceActor): string => {
    const k = actorKey(w.type, w.name);
    if (!actors.has(k)) actors.set(k, { key: k, name: w.name, type: w.type, mentions: w.mentionCount });
    return k;
  };
  const speakerNode = (name: string): string => {
    const w = byName.get(name);
    if (w) return nodeOf(w);
    const k = actorKey('other', name);
    if (!actors.has(k)) actors.set(k, { key: k, name, type: 'other', mentions: 0 });
    return k;
  };
  const dates = new Map<string, string>();
  const statements: Statement[] = [];
  for (const a of [...articles].sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0))) {
    let part = cache?.get(a);
    if (!part || part.options !== key) {
      part = articlePart(a, labels, !!options.includeDetections, key);
      cache?.set(a, part);
    }
    if (part.date) dates.set(a.path, part.date);
    for (const { record: r, speaker: name, members, ann } of part.items) {
      const speaker = speakerNode(name);
      const mentioned = new Set<string>();
      for (const id of members) {
        const w = byMember.get(id);
        if (!w) continue;
        const k = nodeOf(w);
        if (k !== speaker) mentioned.add(k);
      }
      const stance = typeof ann?.stance === 'string' && ann.stance.trim() ? ann.stance.trim() : undefined;
      statements.push({
        id: `${r.article}:${r.id}`,
        annotationId: r.id,
        article: r.article,
        ...(part.date ? { date: part.date } : {}),
        label: r.label,
        provenance: r.provenance,
        speaker,
        mentioned: [...mentioned].sort(),
        about: cleanTopics(ann?.about),
        ...(stance ? { stance } : {}),
        quote: r.quote,
        start: r.start,
        end: r.end,
      });
    }
  }
  return { statements, actors, dates };
}
