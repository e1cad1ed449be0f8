/** CSV (RFC 4180): one row per annotation, CRLF line ends, fields quoted when needed, formulas
 * neutralised unless `rawCsv` (see escape.ts). */
import type { ExportArticle, ExportFile, ExportOptions } from './records';
import { recordsOf } from './records';
import { csvField } from './escape';

export const CSV_COLUMNS = ['article', 'id', 'label', 'start', 'end', 'quote', 'speaker', 'comment', 'tags', 'author', 'created', 'provenance'] as const;

export { csvField };

export function exportCsv(articles: readonly ExportArticle[], options: ExportOptions): ExportFile[] {
  const rows = [CSV_COLUMNS.join(',')];
  for (const r of recordsOf(articles, options)) {
    const values: Record<(typeof CSV_COLUMNS)[number], string> = {
      article: r.article, id: r.id, label: r.label, start: String(r.start), end: String(r.end), quote: r.quote, speaker: r.speaker ?? '',
      comment: r.comment ?? '', tags: (r.tags ?? []).join('; '), author: r.author ?? '', created: r.created ?? '', provenance: r.provenance,
    };
    rows.push(CSV_COLUMNS.map((c) => csvField(values[c], options.rawCsv)).join(','));
  }
  return [{ path: 'annotations.csv', data: (options.bom ? '\ufeff' : '') + rows.join('\r\n') + '\r\n' }];
}
