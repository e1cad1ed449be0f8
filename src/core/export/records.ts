/** The common input of every exporter: articles with their annotations and (optionally) detections, in code points. */
import { createHash } from 'node:crypto';
import { findArticleMeta, resolveMeta, type ArticleMeta } from '../meta/articleMeta';
import type { Annotation, Detection, LabelDef } from '../model';
import { OffsetMap } from '../offsets';
import { contextOf } from '../sidecar';


export interface ExportArticle {
  /** Path relative to the export root, forward slashes (e.g. `seeds/a.txt`). */
  path: string;
  /** Article text. */
  text: string;
  /** User annotations anchored in `text` (code points). Orphans are left out by the caller. */
  annotations: Annotation[];
  /** Detections in code points (see `detectionToCodePoints`). */
  detections?: Detection;
  /** The sidecar's `meta:` block (article details overriding what the text shows). */
  meta?: ArticleMeta;
}

export interface ExportOptions {
  includeDetections?: boolean;
  /** CSV: start with a UTF-8 byte-order mark (Excel). */
  bom?: boolean;
  /** CSV: write fields as they are, without neutralising formulas (`=`, `+`, `-`, `@`, tab, CR get a leading `'` otherwise). */
  rawCsv?: boolean;
  /** Export timestamp (ISO 8601) for formats that record one; fixed in tests. */
  now?: string;
  labels?: readonly LabelDef[];
  /** ClaimReview: the rating scale, best first (default: the `articleAnnotator.verdicts` default); `unverifiable` has no number. */
  verdicts?: readonly string[];
  /** ClaimReview: who reviews, when an annotation names no author. */
  reviewer?: string;
  /** IRI prefix of article sources in W3C/REFI-QDA exports (default `urn:article-annotator:article:`). */
  sourceBase?: string;
}

export interface ExportFile {
  /** Relative path of the file in the output (a single file for most formats). */
  path: string;
  data: string | Uint8Array;
}

export type Provenance = 'user' | 'detected';

export interface ExportRecord extends Annotation {
  article: string;
  provenance: Provenance;
  /** For detected actors: the actor's canonical name and type. */
  actorName?: string;
  actorType?: string;
}

export function stableId(...parts: (string | number)[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 12);
}

/** Converts a detection computed on `text` (UTF-16 offsets) to code points. */
export function detectionToCodePoints(text: string, d: Detection): Detection {
  const map = new OffsetMap(text);
  return {
    actors: d.actors.map((a) => ({ ...a, mentions: a.mentions.map((m) => ({ ...m, start: map.toCodePoint(m.start), end: map.toCodePoint(m.end) })) })),
    claims: d.claims.map((c) => ({ ...c, start: map.toCodePoint(c.start), end: map.toCodePoint(c.end) })),
  };
}

/** Every annotation (and, if asked, detection) of the articles, sorted by article then start. */
export function recordsOf(articles: readonly ExportArticle[], options: ExportOptions): ExportRecord[] {
  const out: ExportRecord[] = [];
  for (const art of [...articles].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const map = new OffsetMap(art.text);
    const records: ExportRecord[] = art.annotations.map((a) => ({ ...a, article: art.path, provenance: 'user' as const }));
    if (options.includeDetections && art.detections) {
      const taken = new Set(art.annotations.map((a) => `${a.start}:${a.end}`));
      for (const c of art.detections.claims) {
        if (taken.has(`${c.start}:${c.end}`)) continue;
        const ctx = contextOf(art.text, c.start, c.end, map);
        records.push({ id: `d-${stableId(art.path, 'claim', c.start, c.end)}`, label: 'claim', start: c.start, end: c.end, quote: art.text.slice(map.toUtf16(c.start), map.toUtf16(c.end)), prefix: ctx.prefix, suffix: ctx.suffix, ...(c.speaker ? { speaker: c.speaker } : {}), comment: `${c.kind} claim, cue “${c.cue}”`, article: art.path, provenance: 'detected' });
      }
      for (const a of art.detections.actors) {
        for (const m of a.mentions) {
          if (taken.has(`${m.start}:${m.end}`)) continue;
          const ctx = contextOf(art.text, m.start, m.end, map);
          records.push({ id: `d-${stableId(art.path, 'actor', m.start, m.end)}`, label: 'actor', start: m.start, end: m.end, quote: art.text.slice(map.toUtf16(m.start), map.toUtf16(m.end)), prefix: ctx.prefix, suffix: ctx.suffix, tags: [a.type], article: art.path, provenance: 'detected', actorName: a.name, actorType: a.type });
        }
      }
    }
    records.sort((x, y) => x.start - y.start || x.end - y.end || (x.id < y.id ? -1 : 1));
    out.push(...records);
  }
  return out;
}

export { xmlEscape } from './escape';

/** Records grouped by article path (one pass; exporters must not filter all records per article). */
export function recordsByArticle(records: readonly ExportRecord[]): Map<string, ExportRecord[]> {
  const out = new Map<string, ExportRecord[]>();
  for (const r of records) {
    const list = out.get(r.article);
    if (list) list.push(r);
    else out.set(r.article, [r]);
  }
  return out;
}

/**
 * The folder an export is offered into, relative to the workspace folder ('' for the folder
 * itself), given the articles' paths relative to it: the workspace folder when the articles are in
 * subfolders (the demo's seeds/), else its `exports/` subfolder: an export never lands among the
 * articles.
 */
export function defaultExportFolder(articlePaths: readonly string[]): string {
  return articlePaths.some((p) => !p.includes('/')) ? 'exports' : '';
}

/** The article's details in force: the sidecar's `meta:` over what the text shows (date line, headline). */
export function detailsOf(article: ExportArticle): ArticleMeta {
  return resolveMeta(findArticleMeta(article.text), article.meta);
}
