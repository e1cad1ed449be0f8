/**
 * Statements for the Discourse Network Analyzer (DNA): its event-list columns, one row per claim
 * (id, date, actor, topic, stance, article, quote, start, end, provenance). CSV as RFC 4180: CRLF,
 * fields quoted when needed, formulas neutralised unless `rawCsv` (escape.ts). Several topics of
 * one claim are joined by `; ` in one row; a claim without a speaker has an empty actor.
 */
import { csvField } from './escape';
import type { ExportArticle, ExportFile, ExportOptions } from './records';
import { detailsOf, recordsOf } from './records';

export const DNA_COLUMNS = ['id', 'date', 'actor', 'topic', 'stance', 'article', 'quote', 'start', 'end', 'provenance'] as const;

export function exportDna(articles: readonly ExportArticle[], options: ExportOptions): ExportFile[] {
  const dates = new Map(articles.map((a) => [a.path, detailsOf(a).date ?? '']));
  const rows = [DNA_COLUMNS.join(',')];
  for (const r of recordsOf(articles, options)) {
    if (r.label !== 'claim') continue;
    const values: Record<(typeof DNA_COLUMNS)[number], string> = {
      id: r.id,
      date: dates.get(r.article) ?? '',
      actor: r.speaker?.trim() ?? '',
      topic: (Array.isArray(r.about) ? r.about : []).map((t) => t.trim()).filter(Boolean).join('; '),
      stance: r.stance?.trim() ?? '',
      article: r.article,
      quote: r.quote,
      start: String(r.start),
      end: String(r.end),
      provenance: r.provenance,
    };
    rows.push(DNA_COLUMNS.map((c) => csvField(values[c], options.rawCsv)).join(','));
  }
  return [{ path: 'statements.csv', data: (options.bom ? '\ufeff' : '') + rows.join('\r\n') + '\r\n' }];
}
