/**
 * brat standoff: per article `<name>.txt` (the text) and `<name>.ann` (T spans, R speaker→claim
 * relations, # notes), plus `annotation.conf`. Offsets are code points of the .txt, as brat
 * (Python) counts them; spans crossing line breaks are split into fragments.
 * Notes on a span: `AnnotatorNotes` (the comment, one line each), `Tag` (one per tag), `Label`
 * (the label when the brat type had to be simplified), `Speaker` (a speaker not found in the
 * text) and `ArticleAnnotator` on a span written only for a speaker relation — so that
 * src/core/import/brat.ts reads back what was annotated. The folder gets the export marker
 * (`EXPORT_MARKER`), so that its copies of the articles are never taken for articles.
 */
import { EXPORT_MARKER, EXPORT_MARKER_TEXT } from '../files';
import { SPEAKER_MENTION_NOTE } from '../import/brat';
import { OffsetMap } from '../offsets';
import type { ExportArticle, ExportFile, ExportOptions, ExportRecord } from './records';
import { recordsByArticle, recordsOf } from './records';

/** A note's text on one line: brat notes end at the line break; tabs become spaces. */
const oneLine = (s: string) => s.replace(/[\r\n\t]+/g, ' ');

function bratType(label: string): string {
  const t = label.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^[^A-Za-z]+/, '');
  return t || 'Annotation';
}

/** Fragments of [start, end) (code points) without line breaks, trimmed of surrounding whitespace. */
export function fragments(text: string, start: number, end: number, map = new OffsetMap(text)): [number, number][] {
  const out: [number, number][] = [];
  let s = start;
  const chars = text.slice(map.toUtf16(start), map.toUtf16(end));
  let cp = start;
  for (const ch of chars) {
    if (ch === '\n' || ch === '\r') {
      if (cp > s) out.push([s, cp]);
      s = cp + 1;
    }
    cp++;
  }
  if (end > s) out.push([s, end]);
  return out.filter(([a, b]) => b > a && text.slice(map.toUtf16(a), map.toUtf16(b)).trim() !== '');
}

export function exportBrat(articles: readonly ExportArticle[], options: ExportOptions): ExportFile[] {
  // The marker first: the folder is known as an export before any copy of an article is in it.
  const files: ExportFile[] = [{ path: EXPORT_MARKER, data: EXPORT_MARKER_TEXT }];
  const records = recordsOf(articles, options);
  const byArticle = recordsByArticle(records);
  const types = new Set<string>(['actor', 'claim']);
  for (const art of articles) {
    const map = new OffsetMap(art.text);
    const base = art.path.replace(/\.txt$/i, '');
    const lines: string[] = [];
    let t = 0;
    let r = 0;
    let n = 0;
    const tOf = new Map<ExportRecord, string>();
    const actorT = new Map<string, string>();
    const mine = byArticle.get(art.path) ?? [];
    const addT = (type: string, start: number, end: number): string | undefined => {
      const frags = fragments(art.text, start, end, map);
      if (frags.length === 0) return undefined;
      const id = `T${++t}`;
      const text = frags.map(([a, b]) => art.text.slice(map.toUtf16(a), map.toUtf16(b))).join(' ');
      lines.push(`${id}\t${type} ${frags.map(([a, b]) => `${a} ${b}`).join(';')}\t${text}`);
      types.add(type);
      return id;
    };
    for (const rec of mine) {
      const id = addT(bratType(rec.label), rec.start, rec.end);
      if (!id) continue;
      tOf.set(rec, id);
      if (rec.label === 'actor') {
        actorT.set(rec.actorName ?? rec.quote, id);
        if (!actorT.has(rec.quote)) actorT.set(rec.quote, id);
      }
      const type = bratType(rec.label);
      if (type !== rec.label) lines.push(`#${++n}\tLabel ${id}\t${oneLine(rec.label)}`);
      for (const c of rec.comment ? rec.comment.split(/\r\n|\r|\n/) : []) lines.push(`#${++n}\tAnnotatorNotes ${id}\t${oneLine(c)}`);
      for (const tag of rec.tags ?? []) lines.push(`#${++n}\tTag ${id}\t${oneLine(tag)}`);
    }
    for (const rec of mine) {
      if (rec.label !== 'claim' || !rec.speaker || !tOf.has(rec)) continue;
      let speakerT = actorT.get(rec.speaker);
      if (!speakerT) {
        // Mark the speaker's first mention in the article as an actor span.
        const at = art.text.indexOf(rec.speaker);
        if (at >= 0) {
          const s = map.toCodePoint(at);
          speakerT = addT('actor', s, s + [...rec.speaker].length);
          if (speakerT) {
            actorT.set(rec.speaker, speakerT);
            lines.push(`#${++n}\tArticleAnnotator ${speakerT}\t${SPEAKER_MENTION_NOTE}`);
          }
        }
      }
      if (speakerT) lines.push(`R${++r}\tSpeaker Arg1:${speakerT} Arg2:${tOf.get(rec)}`);
      else lines.push(`#${++n}\tSpeaker ${tOf.get(rec)}\t${oneLine(rec.speaker)}`);
    }
    files.push({ path: `${base}.txt`, data: art.text });
    files.push({ path: `${base}.ann`, data: lines.length ? lines.join('\n') + '\n' : '' });
  }
  const entities = [...types].sort();
  const conf = ['[entities]', ...entities, '', '[relations]', `Speaker\tArg1:${entities.includes('actor') ? 'actor' : '<ENTITY>'}, Arg2:<ENTITY>`, '', '[events]', '', '[attributes]', ''].join('\n');
  files.push({ path: 'annotation.conf', data: conf });
  return files;
}
