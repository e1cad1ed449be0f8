/**
 * Import from other tools, shared by the CLI and the extension's "Import Annotations…" command:
 * read a file of one of the formats, match its annotations to the workspace's articles (by
 * path, by the source text's hash, by unique file name), place them (place.ts) and give the
 * sidecar to write. Pure: no I/O — the front ends read and write files.
 */
import { sha256 } from '../hash';
import type { Annotation, LabelDef } from '../model';
import { SIDECAR_VERSION, type Sidecar } from '../sidecar';
import { readBrat, type BratDocument } from './brat';
import { placeOnArticle, type Placed } from './place';
import { readQdpx } from './qdpx';
import type { ImportedAnnotation, ImportRead } from './types';
import { readW3c } from './w3c';
import type { ZipLimits } from './zip';

export type { ImportedAnnotation, ImportRead } from './types';

export const IMPORT_FORMATS = ['w3c', 'brat', 'qdpx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const IMPORT_FORMAT_NAMES: Record<ImportFormat, string> = {
  w3c: 'W3C Web Annotation JSON-LD (ours, Hypothesis)',
  brat: 'brat standoff (.ann beside .txt; brat, INCEpTION)',
  qdpx: 'REFI-QDA project (.qdpx; NVivo, ATLAS.ti, MAXQDA, QualCoder)',
};

/** Largest input file read (a JSON-LD export of a big project is well under this). */
export const MAX_IMPORT_BYTES = 50_000_000;

/** The format a file name suggests, or undefined. */
export function guessFormat(fileName: string): ImportFormat | undefined {
  const n = fileName.toLowerCase();
  if (n.endsWith('.qdpx')) return 'qdpx';
  if (n.endsWith('.ann')) return 'brat';
  if (n.endsWith('.jsonld') || n.endsWith('.json')) return 'w3c';
  return undefined;
}

/** One input file as the front end read it. */
export interface ImportInput {
  format: ImportFormat;
  /** The file's name as shown in messages. */
  name: string;
  bytes: Uint8Array;
  /** brat: the article path the .ann is for (default: the .ann's name with .txt). */
  source?: string;
  /** brat: the .txt beside the .ann, when there is one. */
  txt?: string;
}

const utf8 = new TextDecoder('utf-8');

/** Reads one input; a file that cannot be read at all gives one problem naming it. */
export function readImport(input: ImportInput, limits?: ZipLimits): ImportRead {
  if (input.bytes.length > MAX_IMPORT_BYTES) return { annotations: [], problems: [`${input.name}: ${input.bytes.length} bytes, more than the limit of ${MAX_IMPORT_BYTES}; not read`] };
  try {
    if (input.format === 'qdpx') return readQdpx(input.bytes, input.name, limits);
    const text = utf8.decode(input.bytes);
    if (input.format === 'brat') {
      const doc: BratDocument = { source: input.source ?? input.name.replace(/\.ann$/i, '.txt'), annPath: input.name, ann: text };
      if (input.txt !== undefined) doc.txt = input.txt;
      return readBrat(doc);
    }
    const read = readW3c(text);
    return { ...read, problems: read.problems.map((p) => `${input.name}: ${p}`) };
  } catch (e) {
    const what = input.format === 'w3c' ? 'not W3C Web Annotation JSON' : input.format === 'qdpx' ? 'not a readable REFI-QDA project' : 'not brat standoff';
    return { annotations: [], problems: [`${input.name}: ${what}: ${(e as Error).message}`] };
  }
}

/** The article path a source names: ours (`urn:article-annotator:article:<path>`), a URL or a file name. */
export function sourcePath(source: string): string {
  const ours = 'urn:article-annotator:article:';
  let p = source;
  if (p.startsWith(ours)) p = p.slice(ours.length);
  else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(p)) {
    try {
      p = new URL(p).pathname;
    } catch {
      /* keep as it is */
    }
  }
  try {
    p = decodeURI(p);
  } catch {
    /* keep as it is */
  }
  return p.replace(/\\/g, '/').replace(/^\/+/, '');
}

const baseName = (p: string) => p.slice(p.lastIndexOf('/') + 1);

export interface Matched {
  /** Article path → its imported annotations, in input order. */
  perArticle: Map<string, ImportedAnnotation[]>;
  unmatched: { annotation: ImportedAnnotation; reason: string }[];
}

/**
 * Matches annotations to articles (paths relative to the workspace folder, forward slashes):
 * the same path, else the article whose text has the source's hash, else the one article with
 * the same file name. `hashOf` gives an article's text hash (asked only when needed).
 */
export function matchArticles(annotations: readonly ImportedAnnotation[], articles: readonly string[], hashOf?: (path: string) => string | undefined): Matched {
  const paths = new Set(articles);
  const byName = new Map<string, string[]>();
  for (const a of articles) byName.set(baseName(a), [...(byName.get(baseName(a)) ?? []), a]);
  let byHash: Map<string, string[]> | undefined;
  const hashed = (sha: string) => {
    if (!byHash) {
      byHash = new Map();
      for (const a of articles) {
        const h = hashOf?.(a);
        if (h) byHash.set(h, [...(byHash.get(h) ?? []), a]);
      }
    }
    return byHash.get(sha) ?? [];
  };
  const out: Matched = { perArticle: new Map(), unmatched: [] };
  for (const a of annotations) {
    const p = sourcePath(a.source);
    const named = byName.get(baseName(p)) ?? [];
    const sameText = a.sourceSha256 && hashOf ? hashed(a.sourceSha256) : [];
    const match = paths.has(p) ? p : sameText.length >= 1 ? (sameText.find((x) => baseName(x) === baseName(p)) ?? sameText[0]) : named.length === 1 ? named[0] : undefined;
    if (!match) {
      out.unmatched.push({ annotation: a, reason: `it is for ${a.source.slice(0, 120)}, which matches no article${named.length > 1 ? ` unambiguously (${named.length} articles are named ${baseName(p)})` : ''} by path, text or file name` });
      continue;
    }
    const list = out.perArticle.get(match);
    if (list) list.push(a);
    else out.perArticle.set(match, [a]);
  }
  return out;
}

export interface SidecarImport {
  placed: Placed;
  /** The sidecar to write, or undefined when nothing was added. */
  next?: Sidecar;
}

/** Places `imported` on an article and gives its new sidecar (`current`: the parsed sidecar, if any). */
export function importIntoSidecar(articleFileName: string, text: string, current: Sidecar | undefined, imported: readonly ImportedAnnotation[]): SidecarImport {
  const existing: Annotation[] = current?.annotations ?? [];
  const placed = placeOnArticle(text, imported, existing);
  if (!placed.added.length) return { placed };
  const next: Sidecar = current ? { ...current, annotations: [...existing, ...placed.added] } : { version: SIDECAR_VERSION, article: articleFileName, annotations: placed.added };
  if (!existing.length) next.articleSha256 = sha256(text);
  return { placed, next };
}

/**
 * Codebook entries for the labels of `added` not in `known`: the file's own declaration (colour,
 * description) when it has one, else just the name. Sorted by name.
 */
export function newCodebookEntries(known: readonly LabelDef[], added: readonly Annotation[], declared: readonly LabelDef[] = []): LabelDef[] {
  const have = new Set(known.map((l) => l.name));
  const out = new Map<string, LabelDef>();
  for (const a of added) {
    if (have.has(a.label) || out.has(a.label)) continue;
    out.set(a.label, declared.find((d) => d.name === a.label) ?? { name: a.label });
  }
  return [...out.values()].sort((x, y) => (x.name < y.name ? -1 : 1));
}
