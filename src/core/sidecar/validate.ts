/**
 * Validation of parsed sidecar data (plain JS values) against format version 1.
 * Reports every failing field; `locate` maps a field path to a line of the sidecar.
 */
import type { Annotation } from '../model';
import { META_KEYS, metaProblem, type ArticleMeta } from '../meta/articleMeta';

export const SIDECAR_VERSION = 1;
export const SUPPORTED_VERSIONS: readonly number[] = [1];

/** Keys of the top-level mapping written by Article Annotator, in file order. */
export const TOP_KEYS = ['version', 'article', 'articleSha256', 'meta', 'annotations'] as const;
/** Keys of an annotation, in file order; unknown keys follow in their original order. */
export const ANNOTATION_KEYS = ['id', 'label', 'start', 'end', 'quote', 'prefix', 'suffix', 'speaker', 'comment', 'tags', 'about', 'stance', 'verdict', 'evidence', 'author', 'created', 'modified'] as const;
export const ANNOTATION_KEY_SET: ReadonlySet<string> = new Set(ANNOTATION_KEYS);
const STRING_FIELDS = ['id', 'label', 'quote', 'prefix', 'suffix', 'speaker', 'comment', 'stance', 'verdict', 'author', 'created', 'modified'] as const;
/** Fields that hold a list of texts. */
const LIST_FIELDS = ['tags', 'about', 'evidence'] as const;
/** Date, or date and time with optional seconds, fraction and zone (the subset of ISO 8601 people write). */
export const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
export const SHA256_HEX = /^[0-9a-f]{64}$/;

export interface Problem {
  message: string;
  line?: number;
  path?: string;
}

export type Path = readonly (string | number)[];

export interface Validated {
  problems: Problem[];
  /** The data, when there are no problems. Unknown keys stay on the objects. */
  version?: number;
  article?: string;
  articleSha256?: string;
  /** The `meta:` block (article details) as written: known keys checked, unknown keys kept, null values allowed. */
  meta?: ArticleMeta & Record<string, unknown>;
  annotations: Annotation[];
  /** Unknown top-level keys, in file order. */
  extraKeys: string[];
}

const pointer = (path: Path): string => '/' + path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a mapping' : typeof v === 'string' ? `the text ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}` : `${typeof v} ${String(v)}`);

const OPTIONAL_TEXTS = ['prefix', 'suffix', 'speaker', 'comment', 'stance', 'verdict', 'author'] as const;
// The same rule as the schema's `\S` pattern: not only whitespace, Unicode spaces (U+00A0, U+3000…) included.
const nonBlank = (v: unknown): boolean => typeof v === 'string' && v !== '' && ((v.charCodeAt(0) > 32 && v.charCodeAt(0) < 127) || /\S/u.test(v));
const offset = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Whether an annotation passes every check below without a problem (its id's uniqueness aside), with no known field null. */
function wellFormed(a: Record<string, unknown>, validDates: Set<string>): boolean {
  if (!nonBlank(a.id) || !nonBlank(a.label) || typeof a.quote !== 'string' || a.quote === '') return false;
  const start = a.start;
  const end = a.end;
  if (!offset(start) || !offset(end) || end < start) return false;
  for (const f of OPTIONAL_TEXTS) if (a[f] !== undefined && typeof a[f] !== 'string') return false;
  for (const f of LIST_FIELDS) {
    const list = a[f];
    if (list === undefined) continue;
    if (!Array.isArray(list)) return false;
    for (const t of list) if (typeof t !== 'string') return false;
  }
  return dateOk(a.created, validDates) && dateOk(a.modified, validDates);
}

/** An absent or valid date; valid ones are remembered (annotations often share their dates). */
function dateOk(d: unknown, validDates: Set<string>): boolean {
  if (d === undefined || (typeof d === 'string' && validDates.has(d))) return true;
  if (typeof d !== 'string' || !ISO_8601.test(d) || Number.isNaN(Date.parse(d.replace(' ', 'T')))) return false;
  validDates.add(d);
  return true;
}

export function validateSidecarData(data: unknown, locate: (path: Path) => number | undefined): Validated {
  const problems: Problem[] = [];
  const out: Validated = { problems, annotations: [], extraKeys: [] };
  const fail = (path: Path, message: string) => problems.push({ message, line: locate(path), path: pointer(path) });
  if (data === null || data === undefined) {
    problems.push({ message: 'Sidecar is empty: expected a mapping with version, article and annotations.', line: 1 });
    return out;
  }
  if (!isRecord(data)) {
    problems.push({ message: `Sidecar must be a YAML mapping with version, article and annotations, not ${describe(data)}.`, line: locate([]) ?? 1 });
    return out;
  }
  if (!('version' in data)) {
    problems.push({ message: `Missing "version" (supported: ${SUPPORTED_VERSIONS.join(', ')}); add "version: ${SIDECAR_VERSION}" as the first line.`, line: 1, path: '/version' });
  } else if (typeof data.version !== 'number' || !SUPPORTED_VERSIONS.includes(data.version)) {
    // Nothing else can be judged in a format we do not know.
    fail(['version'], `Unsupported sidecar version ${JSON.stringify(data.version)}; this version of Article Annotator reads version ${SUPPORTED_VERSIONS.join(', ')}. The file is left untouched.`);
    return out;
  } else {
    out.version = data.version;
  }
  if (typeof data.article !== 'string' || data.article.trim() === '') {
    fail(['article'], `"article" must be the article's file name (a non-empty text)${'article' in data ? `, not ${describe(data.article)}` : ' and is missing'}.`);
  } else {
    out.article = data.article;
  }
  if ('articleSha256' in data && data.articleSha256 !== null && data.articleSha256 !== undefined) {
    if (typeof data.articleSha256 !== 'string' || !SHA256_HEX.test(data.articleSha256)) fail(['articleSha256'], '"articleSha256" must be 64 lowercase hexadecimal digits (the SHA-256 of the article text).');
    else out.articleSha256 = data.articleSha256;
  }
  if ('meta' in data && data.meta !== null && data.meta !== undefined) {
    const meta = data.meta;
    if (!isRecord(meta)) fail(['meta'], `"meta" must be a mapping of article details (${META_KEYS.join(', ')}), not ${describe(meta)}.`);
    else {
      let ok = true;
      for (const k of Object.keys(meta)) {
        const v = meta[k];
        // Unknown detail keys are the user's (kept on write, not read); known ones must be well formed.
        if (v === null || v === undefined || !(META_KEYS as readonly string[]).includes(k)) continue;
        const problem = metaProblem(k, v);
        if (problem) {
          ok = false;
          fail(['meta', k], `${problem} (found ${describe(v)}).`);
        }
      }
      if (ok) out.meta = meta as ArticleMeta & Record<string, unknown>;
    }
  }
  for (const key of Object.keys(data)) if (!(TOP_KEYS as readonly string[]).includes(key)) out.extraKeys.push(key);

  const list = data.annotations;
  if (list === undefined || list === null) {
    // `annotations:` with nothing after it, or no key at all: no annotations.
  } else if (!Array.isArray(list)) {
    fail(['annotations'], `"annotations" must be a list, not ${describe(list)}.`);
  } else {
    // Ids seen so far, with the index of their first use (a duplicate's report names it in O(1):
    // looking it up in the list made 20,000 duplicates quadratic).
    const seen = new Map<string, number>();
    // Dates already checked (sidecars repeat timestamps: one per session of work).
    const validDates = new Set<string>();
    list.forEach((raw: unknown, i: number) => {
      // The common case (a well-formed annotation, every known field present or absent but not
      // null) is checked in one pass over its fields; anything else is examined field by field.
      if (isRecord(raw) && wellFormed(raw, validDates) && !seen.has(raw.id as string)) {
        seen.set(raw.id as string, i);
        out.annotations.push(raw as unknown as Annotation);
        return;
      }
      const base = ['annotations', i] as const;
      if (!isRecord(raw)) {
        fail(base, `Annotation ${i + 1} must be a mapping (id, label, start, end, quote, ...), not ${describe(raw)}.`);
        return;
      }
      const a = raw;
      const before = problems.length;
      const who = () => `Annotation ${i + 1}${typeof a.id === 'string' && a.id ? ` (${a.id})` : ''}`;
      const bad = (field: string, message: string) => fail([...base, field], `${who()}: ${message}`);
      for (const f of ['id', 'label', 'start', 'end', 'quote'] as const) if (!(f in a) || a[f] === null) bad(f, `missing "${f}".`);
      for (const f of STRING_FIELDS) if (f in a && a[f] !== null && typeof a[f] !== 'string') bad(f, `"${f}" must be a text, not ${describe(a[f])}.`);
      if (typeof a.id === 'string' && a.id.trim() === '') bad('id', '"id" must not be empty.');
      if (typeof a.label === 'string' && a.label.trim() === '') bad('label', '"label" must not be empty.');
      if (typeof a.quote === 'string' && a.quote === '') bad('quote', '"quote" must not be empty (it is the annotated text).');
      for (const f of ['start', 'end'] as const) {
        const v = a[f];
        if (v !== undefined && v !== null && (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)) {
          bad(f, `"${f}" must be a whole number ≥ 0 (a code-point offset), not ${describe(v)}.`);
        }
      }
      if (Number.isSafeInteger(a.start) && Number.isSafeInteger(a.end) && (a.start as number) >= 0 && (a.end as number) < (a.start as number)) {
        bad('end', `"end" (${String(a.end)}) is before "start" (${String(a.start)}).`);
      }
      for (const f of LIST_FIELDS) {
        const list = a[f];
        if (!(f in a) || list === null) continue;
        if (!Array.isArray(list)) bad(f, `"${f}" must be a list of texts, not ${describe(list)}.`);
        else list.forEach((t: unknown, j: number) => typeof t !== 'string' && fail([...base, f, j], `${who()}: ${f === 'tags' ? 'tag' : `"${f}" item`} ${j + 1} must be a text, not ${describe(t)}.`));
      }
      for (const f of ['created', 'modified'] as const) {
        const v = a[f];
        if (typeof v !== 'string' || validDates.has(v)) continue;
        if (!ISO_8601.test(v) || Number.isNaN(Date.parse(v.replace(' ', 'T')))) bad(f, `"${f}" must be an ISO 8601 date or date-time (e.g. 2026-03-01T14:05:00Z), not ${describe(v)}.`);
        else validDates.add(v);
      }
      if (typeof a.id === 'string' && a.id.trim() !== '') {
        const first = seen.get(a.id);
        if (first !== undefined) bad('id', `duplicate id "${a.id}" (also used by annotation ${first + 1}); ids must be unique.`);
        else seen.set(a.id, i);
      }
      if (problems.length === before) {
        // Valid, yet not taken by the one-pass check above: some optional field is written as
        // `key:` (null), which counts as absent.
        const ann: Record<string, unknown> = {};
        for (const k in a) {
          const v = a[k];
          // defineProperty: a key `__proto__` stays an own key, never the prototype.
          if (!(v === null && ANNOTATION_KEY_SET.has(k))) Object.defineProperty(ann, k, { value: v, enumerable: true, writable: true, configurable: true });
        }
        out.annotations.push(ann as unknown as Annotation);
      }
    });
  }
  return out;
}
