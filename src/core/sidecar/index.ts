/**
 * Sidecar (`<article>.annotations.yaml`) parsing, validation and deterministic serialisation.
 * Format: docs/sidecar-format.md; JSON Schema: schemas/sidecar.schema.json.
 */
import { Document, isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, YAMLMap, YAMLSeq, type Node as YamlNode } from 'yaml';
import type { Annotation } from '../model';
import { OffsetMap } from '../offsets';

export const SIDECAR_VERSION = 1;
export const SUPPORTED_VERSIONS: readonly number[] = [1];
export const DEFAULT_MAX_SIDECAR_BYTES = 10_000_000;
/** Context kept on each side of a quote, in code points. */
export const CONTEXT_LENGTH = 32;

export interface Sidecar {
  version: number;
  /** File name of the article. */
  article: string;
  /** SHA-256 (hex) of the article text the offsets refer to. */
  articleSha256?: string;
  annotations: Annotation[];
}

export interface SidecarProblem {
  message: string;
  /** 1-based line in the sidecar, when known. */
  line?: number;
  /** JSON-pointer-like path of the failing field, e.g. `/annotations/3/start`. */
  path?: string;
}

export type SidecarParseResult =
  | { ok: true; sidecar: Sidecar; /** opaque handle used to preserve comments on rewrite */ source: unknown }
  | { ok: false; problems: SidecarProblem[] };

export interface ParseOptions {
  /** Refuse texts longer than this many bytes (default 10 MB). */
  maxBytes?: number;
}

const TOP_KEYS = ['version', 'article', 'articleSha256', 'annotations'] as const;
const ANNOTATION_KEYS = ['id', 'label', 'start', 'end', 'quote', 'prefix', 'suffix', 'speaker', 'comment', 'tags', 'author', 'created', 'modified'] as const;
const STRING_FIELDS = ['id', 'label', 'quote', 'prefix', 'suffix', 'speaker', 'comment', 'author', 'created', 'modified'] as const;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Parses and validates a sidecar; reports every problem found, with lines. */
export function parseSidecar(text: string, options: ParseOptions = {}): SidecarParseResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_SIDECAR_BYTES;
  const size = byteLength(text);
  if (size > maxBytes) {
    return { ok: false, problems: [{ message: `Sidecar is ${size} bytes, more than the limit of ${maxBytes} bytes; it is not read.`, line: 1 }] };
  }
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
  } catch (e) {
    return { ok: false, problems: [{ message: `Not valid YAML: ${(e as Error).message}` }] };
  }
  const lineOf = (node: { range?: [number, number, number] | null } | null | undefined): number | undefined =>
    node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  const problems: SidecarProblem[] = [];
  for (const err of doc.errors) {
    problems.push({ message: `Not valid YAML: ${err.message.split('\n')[0]}`, line: err.linePos?.[0]?.line ?? lineCounter.linePos(err.pos[0]).line });
  }
  if (problems.length) return { ok: false, problems };

  let data: unknown;
  try {
    // maxAliasCount bounds alias expansion: a "billion laughs" file fails here, fast.
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { ok: false, problems: [{ message: `Refused: ${(e as Error).message} (YAML aliases expand too much)`, line: 1 }] };
  }
  if (data === null || data === undefined) {
    return { ok: false, problems: [{ message: 'Sidecar is empty: expected a mapping with version, article and annotations.', line: 1 }] };
  }
  const root = doc.contents;
  if (!isMap(root) || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, problems: [{ message: 'Sidecar must be a YAML mapping with version, article and annotations.', line: lineOf(root as YamlNode) ?? 1 }] };
  }
  const obj = data as Record<string, unknown>;
  const keyLine = (map: YAMLMap, key: string): number | undefined => {
    const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
    return lineOf((pair?.value as YamlNode | undefined) ?? (pair?.key as YamlNode | undefined)) ?? lineOf(map);
  };

  if (!('version' in obj)) problems.push({ message: `Missing "version" (supported: ${SUPPORTED_VERSIONS.join(', ')}).`, line: 1, path: '/version' });
  else if (!SUPPORTED_VERSIONS.includes(obj.version as number)) {
    return { ok: false, problems: [{ message: `Unsupported sidecar version ${JSON.stringify(obj.version)}; this version of Article Annotator reads version ${SUPPORTED_VERSIONS.join(', ')}.`, line: keyLine(root, 'version'), path: '/version' }] };
  }
  if (typeof obj.article !== 'string' || obj.article === '') problems.push({ message: '"article" must be the article file name (a non-empty string).', line: keyLine(root, 'article'), path: '/article' });
  if ('articleSha256' in obj && (typeof obj.articleSha256 !== 'string' || !/^[0-9a-f]{64}$/.test(obj.articleSha256))) {
    problems.push({ message: '"articleSha256" must be 64 lowercase hex digits.', line: keyLine(root, 'articleSha256'), path: '/articleSha256' });
  }
  const annotations: Annotation[] = [];
  const annNode = root.get('annotations', true);
  if (!('annotations' in obj) || obj.annotations === null) {
    // An empty list written as `annotations:` is fine.
  } else if (!Array.isArray(obj.annotations) || !isSeq(annNode)) {
    problems.push({ message: '"annotations" must be a list.', line: keyLine(root, 'annotations'), path: '/annotations' });
  } else {
    const seen = new Map<string, number>();
    (obj.annotations as unknown[]).forEach((raw, i) => {
      const itemNode = (annNode as YAMLSeq).items[i] as YamlNode | undefined;
      const base = `/annotations/${i}`;
      const line = (field?: string): number | undefined =>
        field && isMap(itemNode) ? keyLine(itemNode, field) : lineOf(itemNode);
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        problems.push({ message: `Annotation ${i + 1} must be a mapping.`, line: line(), path: base });
        return;
      }
      const a = raw as Record<string, unknown>;
      const before = problems.length;
      const fail = (field: string, message: string) => problems.push({ message: `Annotation ${i + 1}${typeof a.id === 'string' ? ` (${a.id})` : ''}: ${message}`, line: line(field), path: `${base}/${field}` });
      for (const f of ['id', 'label', 'quote'] as const) if (!(f in a)) fail(f, `missing "${f}".`);
      for (const f of STRING_FIELDS) if (f in a && typeof a[f] !== 'string') fail(f, `"${f}" must be a string.`);
      if (typeof a.id === 'string' && a.id.trim() === '') fail('id', '"id" must not be empty.');
      if (typeof a.label === 'string' && a.label.trim() === '') fail('label', '"label" must not be empty.');
      for (const f of ['start', 'end'] as const) {
        if (!(f in a)) fail(f, `missing "${f}".`);
        else if (typeof a[f] !== 'number' || !Number.isInteger(a[f]) || (a[f] as number) < 0) fail(f, `"${f}" must be a whole number ≥ 0 (a code-point offset).`);
      }
      if (typeof a.start === 'number' && typeof a.end === 'number' && a.start > a.end) fail('end', `"end" (${a.end}) is before "start" (${a.start}).`);
      if ('tags' in a && (!Array.isArray(a.tags) || a.tags.some((t) => typeof t !== 'string'))) fail('tags', '"tags" must be a list of strings.');
      for (const f of ['created', 'modified'] as const) if (typeof a[f] === 'string' && !ISO_8601.test(a[f] as string)) fail(f, `"${f}" must be an ISO 8601 date-time.`);
      if (typeof a.id === 'string') {
        const first = seen.get(a.id);
        if (first !== undefined) fail('id', `duplicate id "${a.id}" (also annotation ${first + 1}).`);
        else seen.set(a.id, i);
      }
      if (problems.length === before) annotations.push(a as unknown as Annotation);
    });
  }
  if (problems.length) return { ok: false, problems };
  const sidecar: Sidecar = { version: obj.version as number, article: obj.article as string, annotations };
  if (typeof obj.articleSha256 === 'string') sidecar.articleSha256 = obj.articleSha256;
  return { ok: true, sidecar, source: doc };
}

/** Compares annotations for the file order: by start, then end, then id. */
export function compareAnnotations(a: Annotation, b: Annotation): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function scalar(value: unknown): Scalar {
  const s = new Scalar(value);
  // Strings that plain YAML would not give back exactly (leading/trailing spaces, newlines,
  // quotes, things that look like numbers or booleans) are written double-quoted.
  if (typeof value === 'string' && (value === '' || /^\s|\s$|[\n\r\t"#:\u0085\u2028\u2029\u00a0\u2009]|^[-?!&*|>'%@`{[\]},]/.test(value) || /^(?:true|false|null|~|yes|no|on|off|[-+.\d].*)$/i.test(value))) {
    s.type = Scalar.QUOTE_DOUBLE;
  }
  return s;
}

/** Comments a person put on fields (before a key, after a value) stay with the field. */
function copyPairComments(target: YAMLMap, previous: YAMLMap): void {
  for (const pair of target.items) {
    if (!isScalar(pair.key)) continue;
    const key = pair.key.value;
    const prev = previous.items.find((p) => isScalar(p.key) && p.key.value === key);
    if (!prev || prev === pair || !isScalar(prev.key)) continue;
    pair.key.commentBefore = prev.key.commentBefore;
    const pv = prev.value as YamlNode | null;
    const nv = pair.value as YamlNode | null;
    if (pv && nv && pv !== nv) {
      nv.comment = pv.comment;
      if (isSeq(pv) && isSeq(nv)) nv.commentBefore = pv.commentBefore;
    }
  }
}

function annotationNode(doc: Document, a: Annotation, previous: YAMLMap | undefined): YAMLMap {
  const map = new YAMLMap();
  const record = a as unknown as Record<string, unknown>;
  for (const key of ANNOTATION_KEYS) {
    const v = record[key];
    if (v === undefined || v === null) continue;
    if (key === 'tags') {
      const seq = new YAMLSeq();
      seq.flow = true;
      for (const t of v as string[]) seq.items.push(scalar(t));
      map.items.push(doc.createPair(key, seq));
    } else {
      map.items.push(doc.createPair(key, scalar(v)));
    }
  }
  // Unknown keys: from the object itself (they were read from the file), in their original order.
  for (const key of Object.keys(record)) {
    if ((ANNOTATION_KEYS as readonly string[]).includes(key)) continue;
    const prevPair = previous?.items.find((p) => isScalar(p.key) && p.key.value === key);
    map.items.push(prevPair ? prevPair : doc.createPair(key, doc.createNode(record[key])));
  }
  if (previous) {
    map.commentBefore = previous.commentBefore;
    map.comment = previous.comment;
    copyPairComments(map, previous);
  }
  return map;
}

/** Serialises deterministically (sorted by start then id, stable key order, LF); keeps comments and unknown keys of `previous`. */
export function serializeSidecar(sidecar: Sidecar, previous?: SidecarParseResult): string {
  const prevDoc = previous && previous.ok ? (previous.source as Document.Parsed) : undefined;
  const prevRoot = prevDoc && isMap(prevDoc.contents) ? prevDoc.contents : undefined;
  const prevItems = new Map<string, YAMLMap>();
  const prevSeq = prevRoot?.get('annotations', true);
  if (isSeq(prevSeq)) {
    for (const item of prevSeq.items) {
      if (isMap(item)) {
        const id = item.get('id');
        if (typeof id === 'string') prevItems.set(id, item);
      }
    }
  }
  const doc = new Document();
  const root = new YAMLMap();
  const top = sidecar as unknown as Record<string, unknown>;
  root.items.push(doc.createPair('version', sidecar.version));
  root.items.push(doc.createPair('article', scalar(sidecar.article)));
  if (sidecar.articleSha256) root.items.push(doc.createPair('articleSha256', sidecar.articleSha256));
  const seq = new YAMLSeq();
  for (const a of [...sidecar.annotations].sort(compareAnnotations)) seq.items.push(annotationNode(doc, a, prevItems.get(a.id)));
  const annPair = doc.createPair('annotations', seq);
  // Unknown top-level keys of the previous file, in their order, before `annotations`.
  if (prevRoot) {
    for (const pair of prevRoot.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key && !(TOP_KEYS as readonly string[]).includes(key)) root.items.push(pair);
    }
  } else {
    for (const key of Object.keys(top)) {
      if (!(TOP_KEYS as readonly string[]).includes(key)) root.items.push(doc.createPair(key, doc.createNode(top[key])));
    }
  }
  root.items.push(annPair);
  doc.contents = root;
  if (prevDoc) {
    doc.commentBefore = prevDoc.commentBefore;
    doc.comment = prevDoc.comment;
    if (prevRoot) {
      root.commentBefore = prevRoot.commentBefore;
      copyPairComments(root, prevRoot);
    }
  }
  const out = doc.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true });
  return out.replace(/\r\n?/g, '\n');
}

/** The up-to-32-code-point context before and after [start, end) (code points). */
export function contextOf(text: string, start: number, end: number, map: OffsetMap = new OffsetMap(text)): { prefix: string; suffix: string } {
  const s = map.toUtf16(start);
  const e = map.toUtf16(end);
  const prefix = text.slice(map.toUtf16(Math.max(0, start - CONTEXT_LENGTH)), s);
  const suffix = text.slice(e, map.toUtf16(Math.min(map.codePointLength, end + CONTEXT_LENGTH)));
  return { prefix, suffix };
}

/** Builds an annotation for [start, end) (code points), filling quote, prefix and suffix from `text`. */
export function makeAnnotation(
  text: string,
  start: number,
  end: number,
  fields: Omit<Annotation, 'start' | 'end' | 'quote' | 'prefix' | 'suffix'>,
  map: OffsetMap = new OffsetMap(text),
): Annotation {
  const quote = text.slice(map.toUtf16(start), map.toUtf16(end));
  const { prefix, suffix } = contextOf(text, start, end, map);
  const a: Annotation = { id: fields.id, label: fields.label, start, end, quote, prefix, suffix };
  for (const [k, v] of Object.entries(fields)) {
    if (k !== 'id' && k !== 'label' && v !== undefined) (a as unknown as Record<string, unknown>)[k] = v;
  }
  return a;
}
