/**
 * The network's input: each article's text, anchored annotations (code points) and detections,
 * read through the services as the export command reads them.
 */
import * as vscode from 'vscode';
import { detectionToCodePoints } from '../core/export';
import type { NetworkArticle, StatementAnnotation } from '../core/network';
import { OffsetMap } from '../core/offsets';
import type { Services } from '../services';
import { readText } from '../workspace/fs';

export interface CollectedArticle extends NetworkArticle {
  uri: vscode.Uri;
}

export async function collectArticle(services: Services, uri: vscode.Uri, token?: vscode.CancellationToken): Promise<CollectedArticle | undefined> {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  let text: string;
  if (doc) text = doc.getText();
  else {
    const r = await readText(uri, vscode.workspace.getConfiguration('articleAnnotator').get<number>('maxArticleSize', 20_000_000));
    if (r.kind !== 'ok') return undefined;
    text = r.text;
  }
  const anns = await services.annotations.get(uri);
  const map = new OffsetMap(text);
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const at = (p: vscode.Position) => (doc ? doc.offsetAt(p) : Math.min(text.length, (lineStarts[p.line] ?? text.length) + p.character));
  const annotations: StatementAnnotation[] = [];
  for (const i of anns.items) {
    if (!i.range) continue; // orphans have no place in the text
    const s = map.toCodePoint(at(i.range.start));
    const e = map.toCodePoint(at(i.range.end));
    annotations.push({ ...i.annotation, start: s, end: e, quote: text.slice(map.toUtf16(s), map.toUtf16(e)) });
  }
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const path = folder ? uri.path.slice(folder.uri.path.length + 1) : uri.path.split('/').pop()!;
  const article: CollectedArticle = { uri, path, text, annotations };
  const snap = await services.detections.get(uri, token);
  if (snap) article.detections = detectionToCodePoints(text, snap.detection);
  return article;
}
