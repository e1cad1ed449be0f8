/**
 * `article-annotator import [--format w3c|brat|qdpx] INPUT... --into FOLDER`: annotations made in
 * other tools placed on FOLDER's articles (src/core/import: matched by path, text hash or file
 * name, re-anchored by quote and context) and added to their sidecars. The format is guessed
 * from each file's extension when not given (a folder is read as brat: its .ann files). Only
 * sidecars inside FOLDER are written; a sidecar that cannot be read is never rewritten; every
 * annotation that cannot be placed is reported.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { articlesUnder, filesUnder } from './articles';
import { sha256 } from '../../core/hash';
import { guessFormat, IMPORT_FORMATS, importIntoSidecar, matchArticles, MAX_IMPORT_BYTES, newCodebookEntries, readImport, type ImportedAnnotation, type ImportFormat, type ImportInput } from '../../core/import';
import { DEFAULT_LABELS, type Annotation, type LabelDef } from '../../core/model';
import { parseSidecar, serializeSidecarBytes, type SidecarParseResult } from '../../core/sidecar';

export { IMPORT_FORMATS, MAX_IMPORT_BYTES };
const MAX_ARTICLE_BYTES = 20_000_000;

function readLimited(file: string): Buffer {
  const st = fs.statSync(file);
  if (!st.isFile()) throw new Error('not a file');
  if (st.size > MAX_IMPORT_BYTES) throw new Error(`${st.size} bytes, more than the limit of ${MAX_IMPORT_BYTES}; not read`);
  return fs.readFileSync(file);
}


/** A brat .ann as an input, with its .txt when there is one beside it. */
function bratInput(annFile: string, source: string, problems: string[]): ImportInput | undefined {
  let bytes: Buffer;
  try {
    bytes = readLimited(annFile);
  } catch (e) {
    problems.push(`${annFile}: ${(e as Error).message}`);
    return undefined;
  }
  const input: ImportInput = { format: 'brat', name: annFile, bytes, source };
  const txtFile = annFile.replace(/\.ann$/, '.txt');
  try {
    if (fs.existsSync(txtFile)) input.txt = readLimited(txtFile).toString('utf8');
  } catch (e) {
    problems.push(`${txtFile}: ${(e as Error).message}; offsets of ${annFile} not checked`);
  }
  return input;
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
  if (format !== undefined && !(IMPORT_FORMATS as readonly string[]).includes(format)) return usage(err, `import --format ${format} is not supported; formats: ${IMPORT_FORMATS.join(', ')}.`);
  if (!into) return usage(err, 'import needs --into FOLDER (the folder of the articles).');
  if (!fs.existsSync(into) || !fs.statSync(into).isDirectory()) return usage(err, `${into}: not a folder.`);
  if (inputs.length === 0) return usage(err, 'Name at least one file to import.');

  const problems: string[] = [];
  const notes: string[] = [];
  const files: ImportInput[] = [];
  for (const input of inputs) {
    const isDir = fs.existsSync(input) && fs.statSync(input).isDirectory();
    const f = (format as ImportFormat | undefined) ?? (isDir ? 'brat' : guessFormat(input));
    if (!f) return usage(err, `${input}: cannot tell the format from the name; give --format (${IMPORT_FORMATS.join(', ')}).`);
    if (isDir) {
      if (f !== 'brat') return usage(err, `${input}: a folder can only be read as brat (its .ann files).`);
      const anns = filesUnder(input, '.ann');
      if (!anns.length) problems.push(`${input}: no .ann files`);
      for (const rel of anns) {
        const b = bratInput(path.join(input, ...rel.split('/')), rel.replace(/\.ann$/, '.txt'), problems);
        if (b) files.push(b);
      }
    } else if (f === 'brat') {
      const b = bratInput(input, path.basename(input).replace(/\.ann$/, '.txt'), problems);
      if (b) files.push(b);
    } else {
      try {
        files.push({ format: f, name: input, bytes: readLimited(input) });
      } catch (e) {
        problems.push(`${input}: ${(e as Error).message}`);
      }
    }
  }

  const articles = articlesUnder(into);
  const textCache = new Map<string, string | undefined>();
  const textOf = (rel: string): string | undefined => {
    if (!textCache.has(rel)) {
      const p = path.join(into, ...rel.split('/'));
      let text: string | undefined;
      try {
        if (fs.statSync(p).size <= MAX_ARTICLE_BYTES) {
          text = fs.readFileSync(p, 'utf8');
          if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        } else problems.push(`${p}: larger than ${MAX_ARTICLE_BYTES} bytes; skipped`);
      } catch (e) {
        problems.push(`${p}: ${(e as Error).message}`);
      }
      textCache.set(rel, text);
    }
    return textCache.get(rel);
  };
  const perArticle = new Map<string, ImportedAnnotation[]>();
  const declared: LabelDef[] = [];
  for (const file of files) {
    const read = readImport(file);
    problems.push(...read.problems);
    notes.push(...(read.notes ?? []));
    declared.push(...(read.codes ?? []));
    const matched = matchArticles(read.annotations, articles, (rel) => {
      const t = textOf(rel);
      return t === undefined ? undefined : sha256(t);
    });
    for (const u of matched.unmatched) problems.push(`${file.name}: “${u.annotation.quote.slice(0, 40)}” (${u.annotation.label}): ${u.reason}; not imported`);
    for (const [rel, list] of matched.perArticle) perArticle.set(rel, [...(perArticle.get(rel) ?? []), ...list]);
  }

  let added = 0;
  const allAdded: Annotation[] = [];
  for (const [rel, imported] of [...perArticle].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    const articlePath = path.join(into, ...rel.split('/'));
    const text = textOf(rel);
    if (text === undefined) continue;
    const sidecarPath = `${articlePath}.annotations.yaml`;
    let previous: SidecarParseResult | undefined;
    if (fs.existsSync(sidecarPath)) {
      previous = parseSidecar(fs.readFileSync(sidecarPath));
      if (!previous.ok) {
        problems.push(...previous.problems.map((p) => `${sidecarPath}:${p.line ?? 1}: ${p.message} (not changed; ${imported.length} annotation(s) not imported)`));
        continue;
      }
    }
    const result = importIntoSidecar(path.basename(articlePath), text, previous?.ok ? previous.sidecar : undefined, imported);
    for (const u of result.placed.unplaced) problems.push(`${articlePath}: ${u.annotation.label} annotation not placed: ${u.reason}`);
    if (!result.next) continue;
    const tmp = `${sidecarPath}.import-${process.pid}`;
    fs.writeFileSync(tmp, serializeSidecarBytes(result.next, previous));
    fs.renameSync(tmp, sidecarPath);
    added += result.placed.added.length;
    allAdded.push(...result.placed.added);
    err(`article-annotator: ${sidecarPath}: ${result.placed.added.length} annotation(s) imported${result.placed.duplicates ? `, ${result.placed.duplicates} already there` : ''}\n`);
  }
  const fresh = newCodebookEntries(DEFAULT_LABELS, allAdded, declared);
  if (fresh.length) err(`article-annotator: labels not in the default codebook (VS Code shows them as found in sidecars; its Import command adds them to articleAnnotator.labels): ${fresh.map((l) => l.name).join(', ')}\n`);
  err(`article-annotator: imported ${added} annotation(s)\n`);
  for (const n of notes) err(`article-annotator: note: ${n}\n`);
  for (const p of problems) err(`article-annotator: ${p}\n`);
  return problems.length ? 1 : 0;
}

function usage(err: (s: string) => void, message: string): number {
  err(`article-annotator: ${message}\n`);
  return 2;
}
