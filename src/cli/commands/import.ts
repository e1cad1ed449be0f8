/**
 * `article-annotator import --format w3c INPUT... --into FOLDER`: annotations made in other tools
 * placed on FOLDER's articles (matched by path or file name, re-anchored by quote and context) and
 * added to their sidecars. Only files inside FOLDER are written; a sidecar that cannot be read is
 * never rewritten; every annotation that cannot be placed is reported.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { articlesUnder } from './articles';
import type { Annotation } from '../../core/model';
import { parseSidecar, serializeSidecarBytes, SIDECAR_VERSION, type Sidecar, type SidecarParseResult } from '../../core/sidecar';
import { sha256 } from '../../core/hash';
import { placeOnArticle } from '../../core/import/place';
import { readW3c, type ImportedAnnotation } from '../../core/import/w3c';

export const IMPORT_FORMATS = ['w3c'] as const;
/** Largest input file read (a JSON-LD export of a big project is well under this). */
export const MAX_IMPORT_BYTES = 50_000_000;
const MAX_ARTICLE_BYTES = 20_000_000;


/** The article path a source names: ours (`urn:article-annotator:article:<path>`), a URL or a file name. */
function sourcePath(source: string): string {
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
  return p.replace(/^\/+/, '');
}

export function runImport(argv: string[], err: (s: string) => void): number {
  let format: string | undefined;
  let into: string | undefined;
  const inputs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--format' || a === '-f') format = argv[++i];
    else if (a === '--into') into = argv[++i];
    else if (a.startsWith('-')) return usage(err, `Unknown option ${a}. Try --help.`);
    else inputs.push(a);
  }
  if (!format) return usage(err, 'import needs --format w3c.');
  if (!(IMPORT_FORMATS as readonly string[]).includes(format)) return usage(err, `import --format ${format} is not supported yet; formats: ${IMPORT_FORMATS.join(', ')}.`);
  if (!into) return usage(err, 'import needs --into FOLDER (the folder of the articles).');
  if (!fs.existsSync(into) || !fs.statSync(into).isDirectory()) return usage(err, `${into}: not a folder.`);
  if (inputs.length === 0) return usage(err, 'Name at least one file to import.');

  const problems: string[] = [];
  const articles = articlesUnder(into);
  const byName = new Map<string, string[]>();
  for (const a of articles) byName.set(path.posix.basename(a), [...(byName.get(path.posix.basename(a)) ?? []), a]);
  const perArticle = new Map<string, ImportedAnnotation[]>();
  for (const input of inputs) {
    let bytes: Buffer;
    try {
      const st = fs.statSync(input);
      if (!st.isFile()) throw new Error('not a file');
      if (st.size > MAX_IMPORT_BYTES) throw new Error(`${st.size} bytes, more than the limit of ${MAX_IMPORT_BYTES}; not read`);
      bytes = fs.readFileSync(input);
    } catch (e) {
      problems.push(`${input}: ${(e as Error).message}`);
      continue;
    }
    let read;
    try {
      read = readW3c(bytes.toString('utf8'));
    } catch (e) {
      problems.push(`${input}: not W3C Web Annotation JSON: ${(e as Error).message}`);
      continue;
    }
    problems.push(...read.problems.map((p) => `${input}: ${p}`));
    for (const a of read.annotations) {
      const p = sourcePath(a.source);
      const match = articles.includes(p) ? p : byName.get(path.posix.basename(p))?.length === 1 ? byName.get(path.posix.basename(p))![0] : undefined;
      if (!match) {
        problems.push(`${input}: “${a.quote.slice(0, 40)}” (${a.label}) is for ${a.source}, which matches no article in ${into}${(byName.get(path.posix.basename(p))?.length ?? 0) > 1 ? ' unambiguously' : ''}; not imported`);
        continue;
      }
      perArticle.set(match, [...(perArticle.get(match) ?? []), a]);
    }
  }
  let added = 0;
  const newLabels = new Set<string>();
  for (const [rel, imported] of [...perArticle].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    const articlePath = path.join(into, ...rel.split('/'));
    const st = fs.statSync(articlePath);
    if (st.size > MAX_ARTICLE_BYTES) {
      problems.push(`${articlePath}: larger than ${MAX_ARTICLE_BYTES} bytes; skipped`);
      continue;
    }
    let text = fs.readFileSync(articlePath, 'utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const sidecarPath = `${articlePath}.annotations.yaml`;
    let previous: SidecarParseResult | undefined;
    let existing: Annotation[] = [];
    let sidecar: Sidecar = { version: SIDECAR_VERSION, article: path.basename(articlePath), articleSha256: sha256(text), annotations: [] };
    if (fs.existsSync(sidecarPath)) {
      previous = parseSidecar(fs.readFileSync(sidecarPath));
      if (!previous.ok) {
        problems.push(...previous.problems.map((p) => `${sidecarPath}:${p.line ?? 1}: ${p.message} (not changed; ${imported.length} annotation(s) not imported)`));
        continue;
      }
      sidecar = previous.sidecar;
      existing = sidecar.annotations;
    }
    const placed = placeOnArticle(text, imported, existing);
    for (const u of placed.unplaced) problems.push(`${articlePath}: ${u.annotation.label} annotation not placed: ${u.reason}`);
    if (placed.added.length === 0) continue;
    const known = new Set(existing.map((a) => a.label));
    for (const a of placed.added) if (!known.has(a.label)) newLabels.add(a.label);
    const next: Sidecar = { ...sidecar, annotations: [...existing, ...placed.added] };
    if (!existing.length) next.articleSha256 = sha256(text);
    const tmp = `${sidecarPath}.import-${process.pid}`;
    fs.writeFileSync(tmp, serializeSidecarBytes(next, previous));
    fs.renameSync(tmp, sidecarPath);
    added += placed.added.length;
    err(`article-annotator: ${sidecarPath}: ${placed.added.length} annotation(s) imported${placed.duplicates ? `, ${placed.duplicates} already there` : ''}\n`);
  }
  if (newLabels.size) err(`article-annotator: labels new to these sidecars (shown in the codebook as found in sidecars): ${[...newLabels].sort().join(', ')}\n`);
  err(`article-annotator: imported ${added} annotation(s)\n`);
  for (const p of problems) err(`article-annotator: ${p}\n`);
  return problems.length ? 1 : 0;
}

function usage(err: (s: string) => void, message: string): number {
  err(`article-annotator: ${message}\n`);
  return 2;
}
