/**
 * One article as the exporters and the actor network read it: its text (the open document's, or
 * the file's), its anchored annotations in code points with quote and context taken from that
 * text (orphans left out: they have no place in it), and, when asked, its detections.
 */
import * as vscode from 'vscode';
import { detectionToCodePoints, type ExportArticle } from '../core/export';
import type { Annotation } from '../core/model';
import { OffsetMap } from '../core/offsets';
import { makeAnnotation } from '../core/sidecar';
import type { Services } from '../services';
import { readText } from './fs';

export interface CollectedArticle extends ExportArticle {
  uri: vscode.Uri;
}

export async function collectArticle(services: Services, uri: vscode.Uri, withDetections: boolean): Promise<CollectedArticle | undefined> {
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
  const annotations: Annotation[] = [];
  const lines = doc ? undefined : lineStarts(text);
  for (const i of anns.items) {
    if (!i.range) continue; // orphans have no place in the text
    const s16 = lines ? offsetIn(text, lines, i.range.start) : doc!.offsetAt(i.range.start);
    const e16 = lines ? offsetIn(text, lines, i.range.end) : doc!.offsetAt(i.range.end);
    const fresh = makeAnnotation(text, map.toCodePoint(s16), map.toCodePoint(e16), { id: i.annotation.id, label: i.annotation.label }, map);
    annotations.push({ ...i.annotation, start: fresh.start, end: fresh.end, quote: fresh.quote, prefix: fresh.prefix ?? '', suffix: fresh.suffix ?? '' });
  }
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const rel = folder ? uri.path.slice(folder.uri.path.length + 1) : uri.path.split('/').pop()!;
  const article: CollectedArticle = { uri, path: rel, text, annotations, ...(anns.meta ? { meta: anns.meta } : {}) };
  if (withDetections) {
    const snap = await services.detections.get(uri);
    if (snap) article.detections = detectionToCodePoints(text, snap.detection);
  }
  return article;
}

/** UTF-16 offset of each line's start (lines end at `\n`, as the store's positions count them). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) starts.push(nl + 1);
  return starts;
}

function offsetIn(text: string, lines: readonly number[], pos: vscode.Position): number {
  const start = lines[pos.line];
  if (start === undefined) return text.length;
  return Math.min(text.length, start + pos.character);
}
