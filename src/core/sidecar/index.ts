/**
 * Sidecar (`<article>.annotations.yaml`) parsing, validation and deterministic serialisation.
 * Format: docs/sidecar-format.md; JSON Schema: schemas/sidecar.schema.json.
 *
 * Reading: files in the plain subset Article Annotator writes take a fast path (fastyaml.ts);
 * everything else (comments, anchors, odd styles, errors) goes through the `yaml` package, which
 * also gives the lines of problems and keeps comments for the next write.
 */
import { isUtf8 } from 'node:buffer';
import { Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar, visit, YAMLMap, YAMLSeq, type Node as YamlNode, type Pair } from 'yaml';
import type { Annotation } from '../model';
import type { ArticleMeta } from '../meta/articleMeta';
import { OffsetMap } from '../offsets';
import { fastParse, fastStringifyPieces, writesPlain, type FastParsed } from './fastyaml';
import { recoverByRegions, type ReadRegion, type RegionRead } from './recover';
import { ANNOTATION_KEY_SET, ANNOTATION_KEYS, TOP_KEYS, validateSidecarData, type Path } from './validate';

export { SIDECAR_VERSION, SUPPORTED_VERSIONS, ANNOTATION_KEYS, ISO_8601 } from './validate';

export const DEFAULT_MAX_SIDECAR_BYTES = 10_000_000;
/** Context kept on each side of a quote, in code points. */
export const CONTEXT_LENGTH = 32;
/** At most this many alias expansions while reading (a "billion laughs" file fails fast). */
export const MAX_ALIAS_COUNT = 100;
/** Values nested deeper than this are refused (sidecars need four levels; the YAML parser and writer recurse). */
export const MAX_NESTING = 64;

/**
 * A sidecar's data. Unknown top-level keys read from a file are kept as extra properties of this
 * object (and unknown annotation keys as extra properties of each annotation); they are written
 * back after the known keys. Set an extra property to `undefined` to drop it.
 */
export interface Sidecar {
  version: number;
  /** File name of the article. */
  article: string;
  /** SHA-256 (hex) of the article text the offsets refer to. */
  articleSha256?: string;
  /**
   * Article details that override what is found in the text (docs/sidecar-format.md). As read:
   * unknown keys inside are kept for the next write.
   */
  meta?: ArticleMeta & Record<string, unknown>;
  annotations: Annotation[];
}

export interface SidecarProblem {
  message: string;
  /** 1-based line in the sidecar, when known. */
  line?: number;
  /** 1-based column, when known (YAML syntax errors). */
  column?: number;
  /** JSON pointer of the failing field, e.g. `/annotations/3/start`. */
  path?: string;
}

export type SidecarParseResult =
  | { ok: true; sidecar: Sidecar; /** opaque: lets `serializeSidecar` keep comments and unknown keys */ source: unknown }
  | { ok: false; problems: SidecarProblem[] };

export interface ParseOptions {
  /** Refuse texts longer than this many UTF-8 bytes (default 10 MB). */
  maxBytes?: number;
}

/** What `source` holds. */
interface Source {
  /** The parsed document, when the file was read by the `yaml` package (it may carry comments). */
  doc?: Document.Parsed;
  /**
   * The text of a file with comments that the fast reader read: parsed into `doc` by the `yaml`
   * package only when the file is written again (reading stays fast; writing keeps the comments).
   */
  commented?: () => string;
  /** The top-level mapping as read. */
  data: Record<string, unknown>;
  /** Comment lines at the top of a file read by the fast reader, verbatim. */
  header?: string;
}

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

function utf8Length(text: string): number {
  // Exact without encoding the whole text when it is plainly under or over the limit.
  return Buffer.byteLength(text, 'utf8');
}

/**
 * Parses and validates a sidecar, given as text or as the bytes of its file (UTF-8; read without
 * decoding the whole file when they are in the plain subset); reports every problem found, with
 * lines. Never throws.
 */
export function parseSidecar(input: string | Uint8Array, options: ParseOptions = {}): SidecarParseResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_SIDECAR_BYTES;
  // A UTF-16 length over the limit is already too many bytes (each unit is ≥ 1 byte).
  const size = typeof input !== 'string' || input.length > maxBytes ? input.length : utf8Length(input);
  if (size > maxBytes) {
    const atLeast = typeof input === 'string' && input.length > maxBytes ? 'at least ' : '';
    return { ok: false, problems: [{ message: `Sidecar is ${atLeast}${size} bytes, more than the limit of ${maxBytes} bytes (setting articleAnnotator.maxSidecarSize); it is not read and never rewritten.`, line: 1 }] };
  }
  if (typeof input !== 'string') {
    // Valid UTF-8 without a byte-order mark: read as it is. Anything else is decoded first (invalid
    // bytes become replacement characters, as a text editor shows them).
    const hasBom = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf;
    const fast = !hasBom && isUtf8(input) ? fastParse(input) : undefined;
    const decoded = () => new TextDecoder().decode(input);
    return fast ? checked(fast, decoded, maxBytes) : parseSidecar(decoded(), options);
  }
  return checked(fastParse(input), () => input, maxBytes);
}

/**
 * A sidecar the fast reader read (if it could), validated, its problems located by the fast reader;
 * otherwise parsed by the `yaml` package.
 */
function checked(fast: FastParsed | undefined, text: () => string, maxBytes: number): SidecarParseResult {
  if (!fast) return slowParse(text(), maxBytes);
  const v = validateSidecarData(fast.data, fast.locate);
  if (v.problems.length) return { ok: false, problems: v.problems };
  return success(v, fast.data, fast.comments ? { data: fast.data, commented: text } : { data: fast.data, header: fast.header });
}

const PARSE_OPTIONS = { uniqueKeys: true, prettyErrors: false, keepSourceTokens: false } as const;

/** The tags of values JSON also has: what the writer writes back as read. */
const PLAIN_TAGS: ReadonlySet<string> = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/** The `yaml` document of a previous file, parsed now if the fast reader read it (with comments). */
function docOf(source: Source | undefined): Document.Parsed | undefined {
  if (!source || source.doc || !source.commented) return source?.doc;
  const doc = parseDocument(source.commented(), PARSE_OPTIONS);
  source.doc = doc.errors.length ? undefined : doc;
  source.commented = undefined;
  return source.doc;
}

function success(v: ReturnType<typeof validateSidecarData>, data: Record<string, unknown>, source: Source): SidecarParseResult {
  const sidecar: Sidecar = { version: v.version!, article: v.article!, annotations: v.annotations };
  if (v.articleSha256 !== undefined) sidecar.articleSha256 = v.articleSha256;
  if (v.meta !== undefined) sidecar.meta = v.meta;
  // defineProperty, not assignment: a key `__proto__` stays an own key and never sets the prototype.
  for (const k of v.extraKeys) Object.defineProperty(sidecar, k, { value: data[k], enumerable: true, writable: true, configurable: true });
  return { ok: true, sidecar, source };
}

/** Texts longer than this with a syntax error are read region by region without a whole parse first (the `yaml` package takes seconds on megabytes). */
const WHOLE_PARSE_FIRST_CHARS = 200_000;

function slowParse(text: string, maxBytes = DEFAULT_MAX_SIDECAR_BYTES): SidecarParseResult {
  // Deep flow nesting (`[[[[…`, even unclosed) makes the parser recurse and crawl: refused first.
  const deep = flowNestingOver(text, MAX_NESTING);
  if (deep >= 0) return { ok: false, problems: [tooDeepProblem(text.slice(0, deep).split('\n').length)] };
  const regionRead: ReadRegion = (region) => readYaml(region, maxBytes);
  if (text.length > WHOLE_PARSE_FIRST_CHARS) {
    // A syntax error is looked for region by region (linear; plain runs through the fast reader);
    // only a file whose regions all parse is parsed whole (it may have aliases across regions).
    const problems = recoverByRegions(text, regionRead);
    if (problems) return { ok: false, problems };
  }
  const read = readYaml(text, maxBytes);
  const { doc } = read;
  if (!doc) return { ok: false, problems: read.errors };
  if (doc.errors.length) {
    // Each annotation (and top-level key) read on its own: a syntax error in one hides nothing
    // of the others (their schema problems are reported too, on their lines).
    const problems = text.length > WHOLE_PARSE_FIRST_CHARS ? undefined : recoverByRegions(text, regionRead);
    if (problems) return { ok: false, problems };
    // The error is not inside one region: the schema's problems in values that end before the
    // first syntax error are real whatever the error is; later ones may come from how the parser
    // recovered and wait for the fix.
    const firstError = Math.min(...doc.errors.map((e) => e.pos[0]));
    const before = read.data === undefined ? [] : validateSidecarData(read.data, read.locate).problems.filter((p) => {
      if (!p.path) return false;
      const { node } = read.nodeAt(p.path.slice(1).split('/').map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg.replace(/~1/g, '/').replace(/~0/g, '~'))));
      const range = (node as { range?: [number, number, number] | null } | null)?.range;
      return !!range && range[2] <= firstError && node !== doc.contents;
    });
    return { ok: false, problems: [...read.errors, ...read.notes, ...before] };
  }
  if (read.errors.length) return { ok: false, problems: [...read.errors, ...read.notes] };
  if (read.data === undefined) return { ok: false, problems: read.notes };
  const v = validateSidecarData(read.data, read.locate);
  if (read.notes.length) return { ok: false, problems: [...read.notes, ...v.problems] };
  if (v.problems.length) return { ok: false, problems: v.problems };
  return success(v, read.data as Record<string, unknown>, { doc, data: read.data as Record<string, unknown> });
}

interface YamlRead extends RegionRead {
  doc?: Document.Parsed;
  nodeAt(path: Path): { node: unknown; line: number | undefined };
}

/**
 * Parses a text (a whole sidecar or one region of it) with the `yaml` package: its syntax errors
 * and refusals (`errors`: its value is then not to be judged, or undefined), other problems
 * (`notes`), its value and the lines of its paths.
 */
function readYaml(text: string, maxBytes: number): YamlRead {
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, ...PARSE_OPTIONS });
  } catch (e) {
    return { errors: [{ message: `Not valid YAML: ${(e as Error).message}` }], syntax: true, notes: [], locate: () => undefined, nodeAt: () => ({ node: undefined, line: undefined }) };
  }
  const posOf = (offset: number) => lineCounter.linePos(offset);
  const lineOfNode = (node: unknown): number | undefined => {
    const range = (node as { range?: [number, number, number] | null } | null)?.range;
    return range ? posOf(range[0]).line : undefined;
  };
  /** The node at a field path (or the deepest one found on the way) and its line. */
  const nodeAt = (path: Path): { node: unknown; line: number | undefined } => {
    let node: unknown = doc.contents;
    let line = lineOfNode(node);
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === seg);
        if (!pair) break;
        node = pair.value ?? pair.key;
        line = lineOfNode(node) ?? lineOfNode(pair.key) ?? line;
      } else if (isSeq(node) && typeof seg === 'number') {
        if (!node.items[seg]) break;
        node = node.items[seg];
        line = lineOfNode(node) ?? line;
      } else break;
    }
    return { node, line };
  };
  const locate = (path: Path): number | undefined => nodeAt(path).line;
  const contentEnd = text.trimEnd().length;
  const errors: SidecarProblem[] = doc.errors.map((err) => {
    // The parser puts an unclosed quote's error where the text ends (for a region: at the next
    // annotation): it is shown on the line of the last quote mark before, where the value opens;
    // any other error past the last character, on the last line that has one.
    const quote = err.code === 'MISSING_CHAR' ? /Missing closing (["'])quote/.exec(err.message)?.[1] : undefined;
    const opened = quote ? text.lastIndexOf(quote, err.pos[0] - 1) : -1;
    const at = opened >= 0 ? opened : err.pos[0] >= contentEnd && contentEnd > 0 ? contentEnd - 1 : -1;
    const pos = at >= 0 ? posOf(at) : (err.linePos?.[0] ?? posOf(err.pos[0]));
    return { message: `Not valid YAML: ${err.message.split('\n')[0]}`, line: pos.line, column: pos.col };
  });
  const base = { doc, nodeAt, locate, syntax: doc.errors.length > 0 };
  const measured = measureExpanded(doc, maxBytes);
  if (measured) return { ...base, errors: [...errors, { message: measured.message, line: lineOfNode(measured.node) ?? 1 }], notes: [] };
  // A value tagged with a type that is not text, number, boolean, null, list or mapping (`!!binary`,
  // `!!timestamp`, `!!set`, a custom `!tag`) cannot be written back as it was: the file is not
  // rewritten (its annotations are shown read-only), rather than have the value changed.
  const notes: SidecarProblem[] = [];
  visit(doc, (_key, node) => {
    const tag = (node as { tag?: string } | null)?.tag;
    if (tag && !PLAIN_TAGS.has(tag)) notes.push({ message: `The value tagged ${tag.replace('tag:yaml.org,2002:', '!!')} cannot be kept when the sidecar is rewritten; write it as text.`, line: lineOfNode(node) ?? 1 });
  });
  try {
    return { ...base, errors, notes, data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (e) {
    const msg = (e as Error).message;
    if (errors.length || notes.length) return { ...base, errors, notes };
    return { ...base, errors: [{ message: /alias/i.test(msg) ? `Refused: YAML aliases expand too much (${msg}); this looks like an alias bomb.` : `Not valid YAML: ${msg}`, line: firstAliasLine(text) }], notes };
  }
}

function tooDeepProblem(line: number): SidecarProblem {
  return { message: `Refused: values nested more than ${MAX_NESTING} levels deep; a sidecar needs only a few levels.`, line };
}

/**
 * Offset of the first flow collection (`[` or `{`) that opens more than `max` levels deep, or -1.
 * A bracket counts when it opens a value (after the start of a line, `: `, `- `, `,`, `[` or `{`,
 * spaces aside); quoted text and comments are skipped. Linear, without a parser.
 */
export function flowNestingOver(text: string, max: number): number {
  let depth = 0;
  let prev = 10; // the last character that was not a space: a line start counts as a new value
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13) continue;
    const opensValue = prev === 10 || prev === 58 || prev === 45 || prev === 44 || prev === 91 || prev === 123;
    if (c === 91 || c === 123) {
      if (opensValue && ++depth > max) return i;
    } else if (c === 93 || c === 125) {
      if (depth > 0) depth--;
    } else if ((c === 34 || c === 39) && opensValue) {
      // A quoted scalar: skip to its closing quote (`\"` escapes in double quotes, `''` in single).
      let j = i + 1;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (c === 34 && d === 92) j++;
        else if (d === c) {
          if (c === 39 && text.charCodeAt(j + 1) === 39) j++;
          else break;
        }
      }
      i = j;
    } else if (c === 35 && (i === 0 || text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 10 || text.charCodeAt(i - 1) === 9)) {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? n : eol - 1;
      continue;
    }
    prev = c;
  }
  return -1;
}

/**
 * Refuses what would expand beyond the size limit or nest too deep: the size of the values with
 * every alias replaced by what it stands for (what a rewrite would write), counted once per anchor,
 * and the depth of nesting (aliases included). Undefined when the document is fine.
 */
function measureExpanded(doc: Document.Parsed, maxBytes: number): { message: string; node: unknown } | undefined {
  const sizes = new Map<unknown, number>();
  /** How many levels each value nests below itself. */
  const depths = new Map<unknown, number>();
  const anchors = new Map<string, YamlNode>();
  const open = new Set<unknown>();
  class Refused extends Error {
    constructor(readonly problem: { message: string; node: unknown }) {
      super(problem.message);
    }
  }
  let total = 0;
  const sizeOf = (node: unknown, depth: number, counting: boolean): number => {
    if (node === null || node === undefined) return 0;
    if (depth > MAX_NESTING) throw new Refused({ message: tooDeepProblem(0).message, node });
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (!target) return 0; // yaml reports the unknown anchor
      if (open.has(target)) throw new Refused({ message: `Refused: the YAML alias *${node.source} refers to a value that contains it (an endless expansion).`, node });
      const known = sizes.get(target);
      const size = known ?? sizeOf(target, depth, false);
      if (depth + (depths.get(target) ?? 0) > MAX_NESTING) throw new Refused({ message: tooDeepProblem(0).message, node });
      total += size;
      if (total > maxBytes) throw new Refused({ message: `Refused: YAML aliases expand this sidecar to more than ${maxBytes} bytes (the size limit, setting articleAnnotator.maxSidecarSize); rewriting it would make a file that cannot be read again.`, node });
      return size;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) anchors.set(anchor, node as YamlNode);
    let size = 0;
    let below = 0;
    if (isScalar(node)) {
      const range = node.range;
      size = range ? range[1] - range[0] : String(node.value).length;
      if (counting) total += size;
    } else if (isMap(node) || isSeq(node)) {
      open.add(node);
      const deepest = (child: unknown) => {
        const d = isAlias(child) ? depths.get(anchors.get(child.source)) : depths.get(child);
        below = Math.max(below, 1 + (d ?? 0));
      };
      for (const item of node.items as unknown[]) {
        if (isPair(item)) {
          size += sizeOf(item.key, depth + 1, counting) + sizeOf(item.value, depth + 1, counting) + 2;
          deepest(item.key);
          deepest(item.value);
        } else {
          size += sizeOf(item, depth + 1, counting) + 2;
          deepest(item);
        }
      }
      open.delete(node);
    }
    sizes.set(node, size);
    depths.set(node, below);
    return size;
  };
  try {
    sizeOf(doc.contents, 0, true);
  } catch (e) {
    if (e instanceof Refused) return e.problem;
    throw e;
  }
  return undefined;
}

function firstAliasLine(text: string): number {
  const m = /(^|[\s[{,:])[*&][^\s,\]}]/m.exec(text);
  return m ? text.slice(0, m.index + m[1]!.length).split('\n').length : 1;
}

/** Compares annotations for the file order: by start, then end, then id. */
export function compareAnnotations(a: Annotation, b: Annotation): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/* ----------------------------------------- writing ---------------------------------------- */

/** The keys and values to write, in order. */
function annotationEntries(a: Annotation): [string, unknown][] {
  const record = a as unknown as Record<string, unknown>;
  const entries: [string, unknown][] = [];
  for (const key of ANNOTATION_KEYS) {
    const v = record[key];
    if (v !== undefined && v !== null) entries.push([key, v]);
  }
  for (const key in record) {
    if (!ANNOTATION_KEY_SET.has(key) && record[key] !== undefined && hasOwn(record, key)) entries.push([key, record[key]]);
  }
  return entries;
}

function topEntries(sidecar: Sidecar, previous: Source | undefined): [string, unknown][] {
  const top = sidecar as unknown as Record<string, unknown>;
  const entries: [string, unknown][] = [['version', sidecar.version], ['article', sidecar.article]];
  if (sidecar.articleSha256) entries.push(['articleSha256', sidecar.articleSha256]);
  // Like an unknown key: a new object without `meta` keeps the previous file's (set it to undefined to drop it).
  const meta = hasOwn(sidecar, 'meta') ? sidecar.meta : (previous?.data.meta as Sidecar['meta'] | null | undefined);
  if (meta && typeof meta === 'object' && Object.keys(meta).some((k) => meta[k] !== undefined)) entries.push(['meta', withoutUndefined(meta)]);
  const isExtra = (k: string) => !(TOP_KEYS as readonly string[]).includes(k);
  const prevKeys = previous ? Object.keys(previous.data).filter(isExtra) : [];
  for (const k of prevKeys) {
    const v = hasOwn(top, k) ? top[k] : previous!.data[k];
    if (v !== undefined) entries.push([k, v]);
  }
  for (const k of Object.keys(top)) {
    if (isExtra(k) && !prevKeys.includes(k) && top[k] !== undefined) entries.push([k, top[k]]);
  }
  return entries;
}

function withoutUndefined(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) if (o[k] !== undefined) Object.defineProperty(out, k, { value: o[k], enumerable: true, writable: true, configurable: true });
  return out;
}

/** Top-level keys rebuilt on each write; `meta` is not among them: unchanged, it keeps its node (comments inside it). */
const REBUILT_TOP_KEYS = TOP_KEYS.filter((k) => k !== 'meta');

const TO_STRING_OPTIONS = { lineWidth: 0, minContentWidth: 0, indentSeq: true, doubleQuotedAsJSON: true } as const;

/** A node for a value, styled as the fast writer would write it. */
function node(doc: Document, value: unknown): YamlNode {
  if (typeof value === 'string') {
    const s = new Scalar(value);
    s.type = writesPlain(value) ? Scalar.PLAIN : Scalar.QUOTE_DOUBLE;
    return s;
  }
  if (Array.isArray(value) && value.every((x) => typeof x !== 'object' || x === null)) {
    const seq = new YAMLSeq();
    seq.flow = true;
    for (const x of value) seq.items.push(node(doc, x));
    return seq;
  }
  if (value === null || typeof value !== 'object') return new Scalar(value);
  return doc.createNode(value) as YamlNode;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b) || a === b) return true; // Object.is: `.nan` is the same value as itself
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function findPair(map: YAMLMap | undefined, key: string): Pair<unknown, unknown> | undefined {
  return map?.items.find((p) => isScalar(p.key) && p.key.value === key);
}

/**
 * Builds a mapping from entries. With the mapping the person wrote before, comments stay with
 * their keys, and unknown keys whose value did not change keep their original node (and style).
 */
function mapNode(doc: Document, entries: [string, unknown][], previous: YAMLMap | undefined, known: readonly string[]): YAMLMap {
  const map = new YAMLMap();
  for (const [key, value] of entries) {
    const prev = findPair(previous, key);
    if (prev && !known.includes(key) && sameValue((prev.value as YamlNode | null)?.toJSON?.() ?? null, value)) {
      map.items.push(prev);
      continue;
    }
    const pair = doc.createPair(key, node(doc, value));
    if (prev && isScalar(prev.key) && isScalar(pair.key)) {
      pair.key.commentBefore = prev.key.commentBefore;
      pair.key.spaceBefore = prev.key.spaceBefore;
      const pv = prev.value as YamlNode | null;
      const nv = pair.value as YamlNode | null;
      if (pv && nv) {
        nv.comment = pv.comment;
        nv.commentBefore = pv.commentBefore;
      }
    }
    map.items.push(pair);
  }
  if (previous) {
    map.commentBefore = previous.commentBefore;
    map.comment = previous.comment;
    map.spaceBefore = previous.spaceBefore;
  }
  return map;
}

/**
 * Serialises deterministically: annotations sorted by start, then end, then id; keys in a fixed
 * order (unknown keys after the known ones, in their original order); UTF-8 text with LF and a
 * final newline. With `previous` (the parse result of the file being replaced), comments and
 * unknown keys a person wrote by hand are kept.
 */
export function serializeSidecar(sidecar: Sidecar, previous?: SidecarParseResult, others?: readonly SidecarParseResult[]): string {
  const pieces: string[] = [];
  serializeTo(sidecar, previous, (p) => pieces.push(p), () => (pieces.length = 0), others);
  return pieces.join('');
}

/**
 * `serializeSidecar` as the UTF-8 bytes of the file. Each piece (one annotation's lines) is encoded
 * as soon as it is made: no string of the whole file is built (for 10,000 annotations that was 2.5
 * million characters, twice the bytes when any is outside Latin-1), and the pieces die young
 * instead of being copied by the garbage collector. The bytes go into one block sized from the
 * first pieces (fresh memory is slow to touch: a second block and a copy would double it). The
 * result is usually a view on the start of that block: use its bytes, not its `.buffer`.
 */
export function serializeSidecarBytes(sidecar: Sidecar, previous?: SidecarParseResult, others?: readonly SidecarParseResult[]): Uint8Array {
  const SAMPLE = 32;
  const pieces: string[] = [];
  const count = sidecar.annotations.length;
  let block: Buffer | undefined;
  let at = 0;
  const full: Buffer[] = [];
  const write = (piece: string) => {
    // At most three bytes per UTF-16 code unit.
    if (at + piece.length * 3 > block!.length) {
      full.push(block!.subarray(0, at));
      block = Buffer.allocUnsafeSlow(Math.max(block!.length, piece.length * 3)); // its own memory, never a slice of the shared pool
      at = 0;
    }
    at += block!.write(piece, at, 'utf8');
  };
  const start = () => {
    // The first pieces (the top keys and up to SAMPLE annotations) tell the size of the rest.
    let bytes = 0;
    for (const p of pieces) bytes += Buffer.byteLength(p, 'utf8');
    const perAnnotation = pieces.length > 1 ? bytes / (pieces.length - 1) : 256;
    block = Buffer.allocUnsafeSlow(Math.ceil(bytes + perAnnotation * Math.max(0, count - pieces.length + 1) * 1.25) + 4096);
    for (const p of pieces) write(p);
    pieces.length = 0;
  };
  const add = (piece: string) => {
    if (block) write(piece);
    else {
      pieces.push(piece);
      if (pieces.length > SAMPLE) start();
    }
  };
  serializeTo(
    sidecar,
    previous,
    add,
    () => {
      pieces.length = 0;
      block = undefined;
      full.length = 0;
      at = 0;
    },
    others,
  );
  if (!block) start();
  if (full.length === 0) return block!.subarray(0, at);
  // Later annotations were longer than the first ones: one exact copy of the blocks.
  full.push(block!.subarray(0, at));
  const out = Buffer.allocUnsafeSlow(full.reduce((n, b) => n + b.length, 0));
  let to = 0;
  for (const b of full) to += b.copy(out, to);
  return out;
}

/**
 * Gives the file's text to `add` in pieces; `restart` drops what was given (the fast writer gave up).
 * `others`: more versions of the file (the merge driver's THEIRS): an annotation's hand-written
 * comments come from `previous` when it has them there, else from the first of these that does.
 */
function serializeTo(sidecar: Sidecar, previous: SidecarParseResult | undefined, add: (piece: string) => void, restart: () => void, others?: readonly SidecarParseResult[]): void {
  const prev = previous && previous.ok ? (previous.source as Source | undefined) : undefined;
  const top = topEntries(sidecar, prev);
  const sorted = [...sidecar.annotations].sort(compareAnnotations);
  const prevDoc = docOf(prev);
  const otherDocs = (others ?? []).flatMap((o) => {
    const doc = o.ok ? docOf(o.source as Source | undefined) : undefined;
    return doc ? [doc] : [];
  });
  if (prevDoc || otherDocs.length) {
    if (!prevDoc && prev?.header) add(prev.header);
    add(documentStringify(top, sorted, sorted.map(annotationEntries), prevDoc, otherDocs));
    return;
  }
  // No comments, or only a header (which the `yaml` writer would also put first, verbatim).
  if (prev?.header) add(prev.header);
  if (fastStringifyPieces(top, sorted, ANNOTATION_KEYS, ANNOTATION_KEY_SET, add)) return;
  restart();
  if (prev?.header) add(prev.header);
  add(documentStringify(top, sorted, sorted.map(annotationEntries), undefined));
}

/** Does a mapping (an annotation as written) carry a comment anywhere? */
function hasComment(map: YAMLMap): boolean {
  if (map.commentBefore || map.comment) return true;
  return map.items.some((p) => (isScalar(p.key) && p.key.commentBefore) || (p.value as YamlNode | null)?.comment || (p.value as YamlNode | null)?.commentBefore);
}

function documentStringify(top: [string, unknown][], sorted: Annotation[], items: [string, unknown][][], prevDoc: Document.Parsed | undefined, otherDocs: readonly Document.Parsed[] = []): string {
  // The yaml writer recurses: a value nested deeper than a sidecar may be (never one read from a
  // file, those are refused) gets a clear error instead of a stack overflow.
  for (const [key, value] of [...top, ...items.flat()]) {
    if (typeof value === 'object' && value !== null && nestsDeeper(value, MAX_NESTING - 2)) {
      throw new Error(`Cannot write the sidecar: the value of "${key}" is nested more than ${MAX_NESTING} levels deep.`);
    }
  }
  const prevRoot = prevDoc && isMap(prevDoc.contents) ? prevDoc.contents : undefined;
  // Per id, the annotation as written before, and the list it was on (for the first-item comment).
  const prevItems = new Map<string, { item: YAMLMap; seq: YAMLSeq }>();
  const prevSeqPair = findPair(prevRoot, 'annotations');
  const prevSeq = prevSeqPair?.value;
  const collect = (root: unknown, preferCommented: boolean) => {
    const list = isMap(root) ? findPair(root, 'annotations')?.value : undefined;
    if (!isSeq(list)) return;
    list.items.forEach((item, index) => {
      if (!isMap(item)) return;
      const id = item.get('id');
      if (typeof id !== 'string') return;
      const had = prevItems.get(id);
      const commented = hasComment(item) || (index === 0 && !!list.commentBefore);
      if (!had || (preferCommented && commented && !hasComment(had.item) && !(had.seq.items[0] === had.item && had.seq.commentBefore))) prevItems.set(id, { item, seq: list });
    });
  };
  collect(prevRoot, false);
  for (const other of otherDocs) collect(other.contents, true);
  const doc = new Document();
  const root = mapNode(doc, top, prevRoot, REBUILT_TOP_KEYS);
  const seq = new YAMLSeq();
  sorted.forEach((a, i) => {
    const prev = prevItems.get(a.id);
    const item = mapNode(doc, items[i]!, prev?.item, ANNOTATION_KEYS);
    // The parser hangs a comment above the first item on the list; it is about that annotation.
    if (prev && prev.seq.commentBefore && prev.seq.items[0] === prev.item) {
      item.commentBefore = item.commentBefore ? `${prev.seq.commentBefore}\n${item.commentBefore}` : prev.seq.commentBefore;
    }
    seq.items.push(item);
  });
  if (isSeq(prevSeq)) seq.comment = prevSeq.comment;
  const annPair = doc.createPair('annotations', seq);
  if (prevSeqPair && isScalar(prevSeqPair.key) && isScalar(annPair.key)) {
    annPair.key.commentBefore = prevSeqPair.key.commentBefore;
    annPair.key.spaceBefore = prevSeqPair.key.spaceBefore;
  }
  root.items.push(annPair);
  doc.contents = root;
  if (prevDoc) {
    doc.commentBefore = prevDoc.commentBefore;
    doc.comment = prevDoc.comment;
  }
  const out = doc.toString(TO_STRING_OPTIONS).replace(/\r\n?/g, '\n');
  return out.endsWith('\n') ? out : out + '\n';
}

/** Whether a value nests more than `max` levels of objects and arrays below itself (no recursion). */
function nestsDeeper(value: object, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  const seen = new Set<unknown>();
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    if (d > max) return true;
    seen.add(v);
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return false;
}

/* ---------------------------------------- helpers ----------------------------------------- */

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
  fields: Omit<Annotation, 'start' | 'end' | 'quote' | 'prefix' | 'suffix'> & Record<string, unknown>,
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
