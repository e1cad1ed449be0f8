/** W3C Web Annotation Data Model (JSON-LD): one AnnotationCollection with one AnnotationPage. */
import type { ExportArticle, ExportFile, ExportOptions } from './records';
import { recordsOf } from './records';

function slug(s: string): string {
  return encodeURIComponent(s.toLowerCase().replace(/\s+/g, '-'));
}

export function exportW3c(articles: readonly ExportArticle[], options: ExportOptions): ExportFile[] {
  const base = options.sourceBase ?? 'urn:article-annotator:article:';
  const now = options.now ?? new Date().toISOString();
  const items = recordsOf(articles, options).map((r) => {
    const body: Record<string, unknown>[] = [{ type: 'TextualBody', purpose: 'tagging', value: r.label, format: 'text/plain' }];
    if (r.comment) body.push({ type: 'TextualBody', purpose: 'commenting', value: r.comment, format: 'text/plain' });
    for (const t of r.tags ?? []) body.push({ type: 'TextualBody', purpose: 'tagging', value: t, format: 'text/plain' });
    if (r.speaker) body.push({ type: 'SpecificResource', purpose: 'identifying', source: `urn:article-annotator:actor:${slug(r.speaker)}` });
    const anno: Record<string, unknown> = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `urn:article-annotator:annotation:${encodeURIComponent(r.article)}:${r.id}`,
      type: 'Annotation',
      motivation: r.comment ? 'commenting' : 'tagging',
      body,
      target: {
        source: `${base}${encodeURI(r.article)}`,
        selector: [
          { type: 'TextQuoteSelector', exact: r.quote, ...(r.prefix ? { prefix: r.prefix } : {}), ...(r.suffix ? { suffix: r.suffix } : {}) },
          { type: 'TextPositionSelector', start: r.start, end: r.end },
        ],
      },
    };
    if (r.created) anno.created = r.created;
    if (r.modified) anno.modified = r.modified;
    if (r.author) anno.creator = { type: 'Person', name: r.author };
    else if (r.provenance === 'detected') anno.creator = { type: 'Software', name: 'Article Annotator detector' };
    return anno;
  });
  const collection = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'urn:article-annotator:export',
    type: 'AnnotationCollection',
    label: `Article Annotator export of ${articles.length} article${articles.length === 1 ? '' : 's'}`,
    total: items.length,
    generated: now,
    first: { id: 'urn:article-annotator:export:page1', type: 'AnnotationPage', startIndex: 0, items },
    last: 'urn:article-annotator:export:page1',
  };
  return [{ path: 'annotations.jsonld', data: JSON.stringify(collection, null, 2) + '\n' }];
}
