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
import type { ExportArticle, Provenance } from '../export/records';
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

/** The statements of the articles, sorted by article then start (as the exports list records). */
export function statementsOf(articles: readonly NetworkArticle[], options: StatementOptions = {}): StatementSet {
  const labels = new Set(options.labels ?? ['claim']);
  const workspace = mergeWorkspaceActors(articles.map((a) => ({ article: a.path, actors: a.detections?.actors ?? ([] as Actor[]) })));
  const byMember = new Map<string, WorkspaceActor>();
  for (const w of workspace) for (const id of w.memberIds) byMember.set(id, w);
  const byName = new Map<string, WorkspaceActor>();
  for (const w of workspace) for (const n of [w.name, ...w.aliases]) if (!byName.has(n)) byName.set(n, w);
  const actors = new Map<string, NetworkActor>();
  const nodeOf = (w: WorkspaceActor): string => {
    const key = actorKey(w.type, w.name);
    if (!actors.has(key)) actors.set(key, { key, name: w.name, type: w.type, mentions: w.mentionCount });
    return key;
  };
  const speakerNode = (name: string): string => {
    const w = byName.get(name);
    if (w) return nodeOf(w);
    const key = actorKey('other', name);
    if (!actors.has(key)) actors.set(key, { key, name, type: 'other', mentions: 0 });
    return key;
  };
  const dates = new Map<string, string>();
  const byPath = new Map<string, NetworkArticle>();
  for (const a of articles) {
    byPath.set(a.path, a);
    const date = resolveMeta(findArticleMeta(a.text), a.meta).date;
    if (date) dates.set(a.path, date);
  }
  const byId = new Map<string, StatementAnnotation>();
  for (const a of articles) for (const ann of a.annotations) byId.set(`${a.path}\u0000${ann.id}`, ann);
  const statements: Statement[] = [];
  for (const r of recordsOf(articles, { includeDetections: options.includeDetections })) {
    if (!labels.has(r.label) || !r.speaker?.trim()) continue;
    if (r.provenance === 'detected' && r.label !== 'claim') continue;
    const speaker = speakerNode(r.speaker.trim());
    const mentioned = new Set<string>();
    for (const a of byPath.get(r.article)?.detections?.actors ?? []) {
      if (!a.mentions.some((m) => m.start >= r.start && m.end <= r.end)) continue;
      const w = byMember.get(a.id);
      if (!w) continue;
      const key = nodeOf(w);
      if (key !== speaker) mentioned.add(key);
    }
    const ann = r.provenance === 'user' ? byId.get(`${r.article}\u0000${r.id}`) : undefined;
    const stance = typeof ann?.stance === 'string' && ann.stance.trim() ? ann.stance.trim() : undefined;
    const date = dates.get(r.article);
    statements.push({
      id: `${r.article}:${r.id}`,
      annotationId: r.id,
      article: r.article,
      ...(date ? { date } : {}),
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
  return { statements, actors, dates };
}
