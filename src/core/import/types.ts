/**
 * What every import reader produces: annotations read from another tool, not yet placed on an
 * article, plus what could not be read. Pure: no I/O.
 */
import type { Annotation, LabelDef } from '../model';

/**
 * An annotation read from another tool: an {@link Annotation} whose id and offsets are only
 * hints (placing re-anchors it by quote and context), with where it came from.
 */
export type ImportedAnnotation = Omit<Annotation, 'id' | 'start' | 'end'> &
  Partial<Pick<Annotation, 'id' | 'start' | 'end'>> & {
    /** Where it came from: an IRI, URL or file name naming the article. */
    source: string;
    /** SHA-256 of the source text, when the file carries the text (brat's .txt, a .qdpx source). */
    sourceSha256?: string;
  };

export interface ImportRead {
  annotations: ImportedAnnotation[];
  /** Annotations that could not be read, with why (each names where in the file). */
  problems: string[];
  /** Codebook entries the file declares (REFI-QDA codes with colour and description). */
  codes?: LabelDef[];
  /** Things read differently from how the file has them (not errors), e.g. a discontinuous span joined. */
  notes?: string[];
}

/** Most annotations read from one file. */
export const MAX_IMPORT_ANNOTATIONS = 200_000;
const LABEL_MAX = 200;
// eslint-disable-next-line no-control-regex
const TEXT_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const LABEL_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** A text quoted in a message, control characters escaped (JSON escapes only C0). */
const shown = (s: string) => JSON.stringify(s.slice(0, 40)).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * Why an imported annotation is refused (labels and tags: empty, too long or with control
 * characters; quote, comment, speaker, author: control characters other than tab and line
 * breaks), or undefined when it is fine. Texts are refused, never silently changed.
 */
export function refusal(a: ImportedAnnotation): string | undefined {
  if (!a.label.trim() || a.label.length > LABEL_MAX || LABEL_CONTROL.test(a.label)) return `label ${shown(a.label)} is empty, too long or has control characters`;
  for (const t of a.tags ?? []) if (!t.trim() || t.length > LABEL_MAX || LABEL_CONTROL.test(t)) return `tag ${shown(t)} is empty, too long or has control characters`;
  if (!a.quote) return 'no quote; cannot be placed';
  for (const [name, v] of [['quote', a.quote], ['comment', a.comment], ['speaker', a.speaker], ['author', a.author]] as const) {
    if (v !== undefined && TEXT_CONTROL.test(v)) return `${name} has control characters`;
  }
  if (a.speaker !== undefined && /[\r\n]/.test(a.speaker)) return 'speaker has a line break';
  return undefined;
}

/** Keeps the annotations {@link refusal} accepts; the others become problems naming `who(i)`. */
export function keepAcceptable(read: ImportRead, who: (a: ImportedAnnotation, i: number) => string): ImportRead {
  const annotations: ImportedAnnotation[] = [];
  read.annotations.forEach((a, i) => {
    const why = refusal(a);
    if (why) read.problems.push(`${who(a, i)}: ${why}; not imported`);
    else annotations.push(a);
  });
  return { ...read, annotations };
}
