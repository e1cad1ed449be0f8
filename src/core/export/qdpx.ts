/**
 * REFI-QDA project (.qdpx): a zip with `project.qde` (urn:QDA-XML:project:1.0; a codebook from
 * the labels, one TextSource per article with PlainTextSelections and Codings) and `sources/`.
 * Positions are characters (code points) of the plain text. GUIDs are derived from content, so
 * the same input gives the same file.
 */
import { createHash } from 'node:crypto';
import { zipSync, strToU8 } from 'fflate';
import { DEFAULT_LABELS } from '../model';
import type { ExportArticle, ExportFile, ExportOptions } from './records';
import { recordsByArticle, recordsOf, xmlEscape } from './records';

export function guid(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function projectXml(articles: readonly ExportArticle[], options: ExportOptions): { xml: string; sources: { path: string; text: string }[] } {
  const now = (options.now ?? new Date().toISOString()).replace(/\.\d+Z$/, 'Z');
  const records = recordsOf(articles, options);
  const byArticle = recordsByArticle(records);
  const labels = new Map<string, { color?: string; description?: string }>();
  for (const l of options.labels ?? DEFAULT_LABELS) labels.set(l.name, { ...(l.color ? { color: l.color } : {}), ...(l.description ? { description: l.description } : {}) });
  for (const r of records) if (!labels.has(r.label)) labels.set(r.label, {});
  const authors = [...new Set(records.map((r) => r.author).filter((a): a is string => !!a))].sort();
  const userGuid = (name: string) => guid('user', name);
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>', `<Project xmlns="urn:QDA-XML:project:1.0" name="Article Annotator export" origin="Article Annotator" creationDateTime="${now}">`];
  if (authors.length) {
    out.push('  <Users>');
    for (const a of authors) out.push(`    <User guid="${userGuid(a)}" name="${xmlEscape(a)}"/>`);
    out.push('  </Users>');
  }
  out.push('  <CodeBook>', '    <Codes>');
  for (const [name, l] of [...labels].sort((a, b) => a[0].localeCompare(b[0]))) {
    const color = l.color && /^#[0-9a-fA-F]{6}$/.test(l.color) ? ` color="${l.color}"` : '';
    out.push(`      <Code guid="${guid('code', name)}" name="${xmlEscape(name)}" isCodable="true"${color}>${l.description ? `<Description>${xmlEscape(l.description)}</Description>` : ''}</Code>`);
  }
  out.push('    </Codes>', '  </CodeBook>');
  const sources: { path: string; text: string }[] = [];
  if (articles.length) {
    out.push('  <Sources>');
    for (const art of [...articles].sort((a, b) => (a.path < b.path ? -1 : 1))) {
      const sg = guid('source', art.path);
      sources.push({ path: `sources/${sg}.txt`, text: art.text });
      out.push(`    <TextSource guid="${sg}" name="${xmlEscape(art.path)}" plainTextPath="internal://${sg}.txt">`);
      for (const r of byArticle.get(art.path) ?? []) {
        const user = r.author ? ` creatingUser="${userGuid(r.author)}"` : '';
        const created = r.created && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(r.created) ? ` creationDateTime="${r.created}"` : '';
        const name = r.quote.length > 60 ? `${r.quote.slice(0, 57)}...` : r.quote;
        out.push(`      <PlainTextSelection guid="${guid('selection', art.path, r.id)}" name="${xmlEscape(name)}" startPosition="${r.start}" endPosition="${r.end}"${user}${created}>`);
        const desc = [r.comment, r.speaker && `Speaker: ${r.speaker}`, r.tags?.length ? `Tags: ${r.tags.join(', ')}` : '', r.provenance === 'detected' ? 'Detected automatically' : ''].filter(Boolean).join('\n');
        if (desc) out.push(`        <Description>${xmlEscape(desc)}</Description>`);
        out.push(`        <Coding guid="${guid('coding', art.path, r.id)}"${user}><CodeRef targetGUID="${guid('code', r.label)}"/></Coding>`);
        out.push('      </PlainTextSelection>');
      }
      out.push('    </TextSource>');
    }
    out.push('  </Sources>');
  }
  out.push('</Project>', '');
  return { xml: out.join('\n'), sources };
}

export function exportQdpx(articles: readonly ExportArticle[], options: ExportOptions): ExportFile[] {
  const { xml, sources } = projectXml(articles, options);
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  const mtime = new Date('2000-01-01T00:00:00Z'); // fixed: same input, same bytes
  entries['project.qde'] = [strToU8(xml), { mtime }];
  for (const s of sources) entries[s.path] = [strToU8(s.text), { mtime }];
  return [{ path: 'project.qdpx', data: zipSync(entries, { level: 6 }) }];
}
