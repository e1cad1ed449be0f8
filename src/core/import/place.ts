/**
 * Placing imported annotations on the workspace's articles: re-anchored by quote and context
 * (the offsets are only a hint) and turned into sidecar annotations. Pure: no I/O.
 */
import { anchorAnnotations } from '../anchor';
import type { Annotation } from '../model';
import { OffsetMap } from '../offsets';
import { makeAnnotation, ISO_8601 } from '../sidecar';
import { derivedId } from '../team/merge';
import type { ImportedAnnotation } from './types';

export interface Placed {
  /** New annotations to add (those equal to an existing one — same label and span — are left out). */
  added: Annotation[];
  /** Already in the sidecar. */
  duplicates: number;
  unplaced: { annotation: ImportedAnnotation; reason: string }[];
}

/** A speaker read back from an id slug ("mark c. toner") as the article writes it, when it does. */
function speakerAsWritten(text: string, speaker: string): string {
  const at = text.toLowerCase().indexOf(speaker.toLowerCase());
  return at >= 0 ? text.slice(at, at + speaker.length) : speaker;
}

export function placeOnArticle(text: string, imported: readonly ImportedAnnotation[], existing: readonly Annotation[]): Placed {
  const map = new OffsetMap(text);
  const length = map.codePointLength;
  const probes: Annotation[] = imported.map((a, i) => {
    const start = a.start !== undefined && a.end !== undefined && a.end <= length ? a.start : 0;
    const end = a.start !== undefined && a.end !== undefined && a.end <= length ? a.end : [...a.quote].length;
    return { id: `probe-${i}`, label: a.label, start, end, quote: a.quote, ...(a.prefix ? { prefix: a.prefix } : {}), ...(a.suffix ? { suffix: a.suffix } : {}) };
  });
  const results = anchorAnnotations(text, probes, undefined, map);
  const taken = new Set(existing.map((a) => a.id));
  const seen = new Set(existing.map((a) => `${a.label}\u0000${a.start}\u0000${a.end}`));
  const placed: Placed = { added: [], duplicates: 0, unplaced: [] };
  results.forEach((r, i) => {
    const a = imported[i]!;
    if (r.start === undefined || r.end === undefined || r.status === 'orphan') {
      placed.unplaced.push({ annotation: a, reason: `its quote “${a.quote.slice(0, 60)}” is not in the article` });
      return;
    }
    const key = `${a.label}\u0000${r.start}\u0000${r.end}`;
    if (seen.has(key)) {
      placed.duplicates++;
      return;
    }
    seen.add(key);
    const id = a.id && !taken.has(a.id) && /^[\w.:-]{1,100}$/.test(a.id) ? a.id : derivedId(`${a.source}\u0000${a.label}\u0000${r.start}\u0000${r.end}\u0000${a.quote}`, taken);
    taken.add(id);
    const fields: Omit<Annotation, 'start' | 'end' | 'quote' | 'prefix' | 'suffix'> = { id, label: a.label };
    if (a.comment) fields.comment = a.comment;
    if (a.tags?.length) fields.tags = [...a.tags];
    if (a.speaker) fields.speaker = speakerAsWritten(text, a.speaker);
    if (a.author) fields.author = a.author;
    if (a.created && ISO_8601.test(a.created)) fields.created = a.created;
    if (a.modified && ISO_8601.test(a.modified)) fields.modified = a.modified;
    placed.added.push(makeAnnotation(text, r.start, r.end, fields, map));
  });
  return placed;
}
