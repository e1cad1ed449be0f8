/**
 * Reading W3C Web Annotation JSON-LD (ours: an AnnotationCollection, a page, an annotation or a
 * list of them; Hypothesis's API rows: `uri`, `text`, `tags`, `target[].selector`). Pure: no I/O.
 * Only known fields are copied out of the parsed JSON (so `__proto__` keys never reach an object's
 * prototype); texts with control characters are refused per annotation, never silently changed.
 */

import { MAX_IMPORT_ANNOTATIONS, refusal, type ImportedAnnotation, type ImportRead } from './types';

export type { ImportedAnnotation, ImportRead } from './types';
export { MAX_IMPORT_ANNOTATIONS } from './types';

type J = Record<string, unknown>;
const isObj = (x: unknown): x is J => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
const get = (o: J, k: string): unknown => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : x === undefined ? [] : [x]);

const OUR_ACTOR = 'urn:article-annotator:actor:';
const OUR_ANNOTATION = /^urn:article-annotator:annotation:[^:]*:(.+)$/;

/** The annotations of a parsed JSON-LD document, in document order. */
function collect(doc: unknown, out: J[]): void {
  if (out.length > MAX_IMPORT_ANNOTATIONS) return;
  if (Array.isArray(doc)) {
    for (const d of doc) collect(d, out);
    return;
  }
  if (!isObj(doc)) return;
  const type = get(doc, 'type');
  const types = list(type);
  if (types.includes('Annotation') || get(doc, 'target') !== undefined) {
    out.push(doc);
    return;
  }
  // Collections and pages (ours; also `rows` of a Hypothesis search result).
  for (const k of ['first', 'items', 'rows', 'next']) {
    const v = get(doc, k);
    if (v !== undefined) collect(v, out);
  }
}

export function readW3c(json: string): ImportRead {
  const doc: unknown = JSON.parse(json);
  const raw: J[] = [];
  collect(doc, raw);
  const problems: string[] = [];
  if (raw.length > MAX_IMPORT_ANNOTATIONS) throw new Error(`more than ${MAX_IMPORT_ANNOTATIONS} annotations; split the file`);
  const annotations: ImportedAnnotation[] = [];
  raw.forEach((a, i) => {
    const who = `annotation ${i + 1}${str(get(a, 'id')) ? ` (${str(get(a, 'id'))})` : ''}`;
    const target = list(get(a, 'target')).find(isObj) as J | undefined;
    const source = str(target && get(target, 'source')) ?? str(get(a, 'uri')) ?? '';
    let quote: string | undefined;
    let prefix: string | undefined;
    let suffix: string | undefined;
    let start: number | undefined;
    let end: number | undefined;
    for (const sel of list(target && get(target, 'selector'))) {
      if (!isObj(sel)) continue;
      const t = get(sel, 'type');
      if (t === 'TextQuoteSelector') {
        quote = str(get(sel, 'exact'));
        prefix = str(get(sel, 'prefix'));
        suffix = str(get(sel, 'suffix'));
      } else if (t === 'TextPositionSelector') {
        const s = get(sel, 'start');
        const e = get(sel, 'end');
        if (Number.isSafeInteger(s) && Number.isSafeInteger(e) && (s as number) >= 0 && (e as number) >= (s as number)) {
          start = s as number;
          end = e as number;
        }
      }
    }
    if (!source) return void problems.push(`${who}: no target source; not imported`);
    if (quote === undefined || quote === '') return void problems.push(`${who}: no TextQuoteSelector (quote); cannot be placed`);
    let label: string | undefined;
    const tags: string[] = [];
    let comment: string | undefined;
    let speaker: string | undefined;
    let named = false;
    for (const b of list(get(a, 'body'))) {
      if (!isObj(b)) continue;
      const purpose = get(b, 'purpose');
      const value = str(get(b, 'value'));
      if (purpose === 'tagging' && value !== undefined) {
        if (label === undefined) label = value;
        else tags.push(value);
      } else if ((purpose === 'commenting' || purpose === undefined) && value !== undefined && get(b, 'type') === 'TextualBody') comment = comment ? `${comment}\n${value}` : value;
      else if (purpose === 'identifying') {
        // The name as written (a TextualBody) wins over the actor IRI's slug, which loses case.
        if (get(b, 'type') === 'TextualBody' && value !== undefined) {
          speaker = value;
          named = true;
        } else if (!named) {
          const s = str(get(b, 'source'));
          if (s?.startsWith(OUR_ACTOR)) speaker = decodeURIComponent(s.slice(OUR_ACTOR.length)).replace(/-/g, ' ');
        }
      }
    }
    // Hypothesis: `text` is the comment, `tags` the tags; it has no label.
    const hText = str(get(a, 'text'));
    if (hText) comment = comment ? `${comment}\n${hText}` : hText;
    for (const t of list(get(a, 'tags'))) if (typeof t === 'string') tags.push(t);
    label ??= 'note';
    const creator = list(get(a, 'creator')).find(isObj) as J | undefined;
    const author = str(creator && get(creator, 'type')) === 'Software' ? undefined : (str(creator && get(creator, 'name')) ?? str(get(a, 'user'))?.replace(/^acct:/, ''));
    const idMatch = OUR_ANNOTATION.exec(str(get(a, 'id')) ?? '');
    const out: ImportedAnnotation = { source, label, quote };
    if (prefix) out.prefix = prefix;
    if (suffix) out.suffix = suffix;
    if (start !== undefined) out.start = start;
    if (end !== undefined) out.end = end;
    if (comment) out.comment = comment;
    if (tags.length) out.tags = tags;
    if (speaker) out.speaker = speaker;
    if (author) out.author = author;
    const created = str(get(a, 'created'));
    const modified = str(get(a, 'modified')) ?? str(get(a, 'updated'));
    if (created) out.created = created;
    if (modified) out.modified = modified;
    if (idMatch) out.id = idMatch[1]!;
    const why = refusal(out);
    if (why) return void problems.push(`${who}: ${why}; not imported`);
    annotations.push(out);
  });
  return { annotations, problems };
}
