/** A Markdown report: per article, claims grouped by speaker, then a table of actors. */
import type { ExportArticle, ExportFile, ExportOptions } from './records';
import { recordsByArticle, recordsOf } from './records';
import { mdCell, mdInline } from './escape';

const cell = mdCell;
const inline = mdInline;

export function exportMarkdown(articles: readonly ExportArticle[], options: ExportOptions): ExportFile[] {
  const records = recordsOf(articles, options);
  const byArticle = recordsByArticle(records);
  const lines: string[] = ['# Article Annotator report', '', `${articles.length} article${articles.length === 1 ? '' : 's'}, ${records.length} annotation${records.length === 1 ? '' : 's'}${options.includeDetections ? ' (including detections)' : ''}.`, ''];
  for (const art of [...articles].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const mine = byArticle.get(art.path) ?? [];
    lines.push(`## ${inline(art.path)}`, '');
    const claims = mine.filter((r) => r.label === 'claim');
    if (claims.length) {
      lines.push('### Claims by speaker', '');
      const bySpeaker = new Map<string, typeof claims>();
      for (const c of claims) {
        const k = c.speaker ?? 'Unknown speaker';
        bySpeaker.set(k, [...(bySpeaker.get(k) ?? []), c]);
      }
      for (const speaker of [...bySpeaker.keys()].sort()) {
        lines.push(`#### ${inline(speaker)}`, '');
        for (const c of bySpeaker.get(speaker)!) {
          lines.push(`> ${inline(c.quote)}`, '');
          const meta = [c.provenance === 'detected' ? '_detected_' : '', c.comment ? inline(c.comment) : '', c.tags?.length ? `tags: ${c.tags.map(inline).join(', ')}` : '', `characters ${c.start}–${c.end}`].filter(Boolean);
          lines.push(`— ${meta.join(' · ')}`, '');
        }
      }
    }
    const others = mine.filter((r) => r.label !== 'claim' && r.provenance === 'user');
    if (others.length) {
      lines.push('### Other annotations', '', '| label | quote | comment | tags |', '|---|---|---|---|');
      for (const o of others) lines.push(`| ${cell(o.label)} | ${cell(o.quote)} | ${cell(o.comment ?? '')} | ${cell((o.tags ?? []).join(', '))} |`);
      lines.push('');
    }
    const actors = art.detections?.actors ?? [];
    const annotatedActors = mine.filter((r) => r.label === 'actor' && r.provenance === 'user');
    if (actors.length || annotatedActors.length) {
      lines.push('### Actors', '', '| name | type | aliases | mentions |', '|---|---|---:|---:|'.replace('---:|---:|', '---|---:|'));
      for (const a of [...actors].sort((x, y) => y.mentions.length - x.mentions.length || x.name.localeCompare(y.name))) {
        lines.push(`| ${cell(a.name)} | ${inline(a.type)} | ${cell(a.aliases.join(', '))} | ${a.mentions.length} |`);
      }
      const counted = new Map<string, number>();
      for (const r of annotatedActors) counted.set(r.quote, (counted.get(r.quote) ?? 0) + 1);
      for (const [name, n] of counted) if (!actors.some((a) => a.name === name)) lines.push(`| ${cell(name)} | (annotated) |  | ${n} |`);
      lines.push('');
    }
  }
  return [{ path: 'report.md', data: lines.join('\n') }];
}
