/**
 * "Import Annotations…": files picked (or passed as `{ files, format? }`), the format guessed
 * from each name, read and placed by src/core/import, written through the annotation store (so
 * open editors, undo and the tree follow), unknown labels added to the codebook setting, and a
 * report of what was placed and what was not.
 */
import * as vscode from 'vscode';
import { sha256 } from '../core/hash';
import { guessFormat, IMPORT_FORMATS, matchArticles, MAX_IMPORT_BYTES, newCodebookEntries, readImport, type ImportedAnnotation, type ImportFormat, type ImportInput } from '../core/import';
import { placeOnArticle } from '../core/import/place';
import type { Annotation, LabelDef } from '../core/model';
import { mdInline } from '../core/export/escape';
import type { Services } from '../services';
import { collectArticle } from '../workspace/collect';
import { readText } from '../workspace/fs';

export interface ImportArgs {
  /** File paths or URIs. */
  files: string[];
  format?: ImportFormat;
}

export interface ImportResult {
  added: number;
  /** Article path → annotations added to it. */
  perArticle: Record<string, number>;
  problems: string[];
  notes: string[];
  newLabels: string[];
  /** The Markdown report shown to the user. */
  report: string;
}

const toUri = (s: string) => (/^[a-z][a-z0-9+.-]*:/i.test(s) && !/^[a-z]:\\/i.test(s) ? vscode.Uri.parse(s) : vscode.Uri.file(s));
const nameOf = (u: vscode.Uri) => u.path.slice(u.path.lastIndexOf('/') + 1);

async function readInput(uri: vscode.Uri, format: ImportFormat, problems: string[]): Promise<ImportInput | undefined> {
  const name = uri.scheme === 'file' ? uri.fsPath : uri.toString();
  try {
    const st = await vscode.workspace.fs.stat(uri);
    if (st.type & vscode.FileType.Directory) throw new Error('a folder; pick the .ann files in it');
    if (st.size > MAX_IMPORT_BYTES) throw new Error(`${st.size} bytes, more than the limit of ${MAX_IMPORT_BYTES}; not read`);
    const input: ImportInput = { format, name, bytes: await vscode.workspace.fs.readFile(uri) };
    if (format === 'brat') {
      input.source = nameOf(uri).replace(/\.ann$/i, '.txt');
      const txt = await readText(uri.with({ path: uri.path.replace(/\.ann$/i, '.txt') }), MAX_IMPORT_BYTES);
      if (txt.kind === 'ok') input.txt = txt.text;
    }
    return input;
  } catch (e) {
    problems.push(`${name}: ${(e as Error).message}`);
    return undefined;
  }
}

export async function importAnnotations(services: Services, args: ImportArgs, progress?: vscode.Progress<{ message?: string; increment?: number }>, token?: vscode.CancellationToken): Promise<ImportResult> {
  const problems: string[] = [];
  const notes: string[] = [];
  const declared: LabelDef[] = [];
  const reads: { name: string; annotations: ImportedAnnotation[] }[] = [];
  const steps = args.files.length + 1;
  for (const f of args.files) {
    if (token?.isCancellationRequested) break;
    const uri = toUri(f);
    const format = args.format ?? guessFormat(uri.path);
    progress?.report({ message: nameOf(uri), increment: 40 / steps });
    if (!format) {
      problems.push(`${f}: cannot tell the format from the name (.jsonld/.json: W3C, .ann: brat, .qdpx: REFI-QDA); not read`);
      continue;
    }
    const input = await readInput(uri, format, problems);
    if (!input) continue;
    const read = readImport(input);
    problems.push(...read.problems);
    notes.push(...(read.notes ?? []));
    declared.push(...(read.codes ?? []));
    reads.push({ name: input.name, annotations: read.annotations });
  }

  // Articles by path relative to their workspace folder; texts read only to match by hash.
  const uris = await services.articles.list();
  const byPath = new Map<string, vscode.Uri>();
  for (const u of uris) {
    const folder = vscode.workspace.getWorkspaceFolder(u);
    byPath.set(folder ? u.path.slice(folder.uri.path.length + 1) : nameOf(u), u);
  }
  const hashes = new Map<string, string | undefined>();
  if (reads.some((r) => r.annotations.some((a) => a.sourceSha256))) {
    const max = vscode.workspace.getConfiguration('articleAnnotator').get<number>('maxArticleSize', 20_000_000);
    for (const [rel, u] of byPath) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === u.toString());
      const r = doc ? undefined : await readText(u, max);
      hashes.set(rel, doc ? sha256(doc.getText()) : r?.kind === 'ok' ? sha256(r.text) : undefined);
    }
  }
  const perArticle = new Map<string, ImportedAnnotation[]>();
  for (const r of reads) {
    const m = matchArticles(r.annotations, [...byPath.keys()], (rel) => hashes.get(rel));
    for (const u of m.unmatched) problems.push(`${r.name}: “${u.annotation.quote.slice(0, 40)}” (${u.annotation.label}): ${u.reason}; not imported`);
    for (const [rel, list] of m.perArticle) perArticle.set(rel, [...(perArticle.get(rel) ?? []), ...list]);
  }

  const added: Annotation[] = [];
  const counts: Record<string, number> = {};
  for (const [rel, imported] of [...perArticle].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    if (token?.isCancellationRequested) break;
    progress?.report({ message: rel, increment: 60 / Math.max(1, perArticle.size) });
    const uri = byPath.get(rel)!;
    const state = await services.annotations.get(uri);
    if (state.readOnly) {
      problems.push(`${rel}: its sidecar cannot be written (${state.state.kind === 'error' ? state.state.message : 'Restricted Mode'}); ${imported.length} annotation(s) not imported`);
      continue;
    }
    const article = await collectArticle(services, uri, false);
    if (!article) {
      problems.push(`${rel}: the article cannot be read; ${imported.length} annotation(s) not imported`);
      continue;
    }
    // Orphans too, so that their ids are not given again.
    const existing = [...article.annotations, ...state.items.filter((i) => !i.range).map((i) => i.annotation)];
    const placed = placeOnArticle(article.text, imported, existing);
    for (const u of placed.unplaced) problems.push(`${rel}: ${u.annotation.label} annotation not placed: ${u.reason}`);
    for (const a of placed.added) await services.annotations.restore(uri, a);
    if (placed.added.length) counts[rel] = placed.added.length;
    if (placed.duplicates) notes.push(`${rel}: ${placed.duplicates} annotation(s) already there`);
    added.push(...placed.added);
  }
  await services.annotations.flushAll();

  // The codebook setting (the store's labels() also lists labels found in sidecars: these now).
  const config = vscode.workspace.getConfiguration('articleAnnotator');
  const current = (config.get<LabelDef[]>('labels') ?? []).filter((l) => l && typeof l.name === 'string');
  const fresh = newCodebookEntries(current, added, declared);
  if (fresh.length) await config.update('labels', [...current, ...fresh], vscode.ConfigurationTarget.Workspace);
  const result: ImportResult = { added: added.length, perArticle: counts, problems, notes, newLabels: fresh.map((l) => l.name), report: '' };
  result.report = reportOf(args, result);
  return result;
}

function reportOf(args: ImportArgs, r: ImportResult): string {
  const lines = ['# Import report', '', `Read ${args.files.length} file(s); **${r.added}** annotation(s) placed in ${Object.keys(r.perArticle).length} article(s).`, ''];
  if (Object.keys(r.perArticle).length) {
    lines.push('| Article | Added |', '| --- | ---: |');
    for (const [p, n] of Object.entries(r.perArticle)) lines.push(`| ${mdInline(p)} | ${n} |`);
    lines.push('');
  }
  if (r.newLabels.length) lines.push(`New labels added to the codebook (setting \`articleAnnotator.labels\`): ${r.newLabels.map(mdInline).join(', ')}`, '');
  if (r.problems.length) lines.push(`## Not imported (${r.problems.length})`, '', ...r.problems.map((p) => `- ${mdInline(p)}`), '');
  if (r.notes.length) lines.push('## Notes', '', ...r.notes.map((p) => `- ${mdInline(p)}`), '');
  return lines.join('\n');
}

export async function askImportArgs(): Promise<ImportArgs | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const picked = await vscode.window.showOpenDialog({
    title: 'Import annotations (W3C JSON-LD, brat .ann, REFI-QDA .qdpx)',
    canSelectMany: true,
    canSelectFiles: true,
    canSelectFolders: false,
    openLabel: 'Import',
    filters: { 'Annotations (W3C, brat, REFI-QDA)': ['jsonld', 'json', 'ann', 'qdpx'], 'All files': ['*'] },
    ...(folder ? { defaultUri: folder } : {}),
  });
  if (!picked?.length) return undefined;
  return { files: picked.map((u) => u.toString()) };
}

export { IMPORT_FORMATS };
