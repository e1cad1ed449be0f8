/** W3C Web Annotation Data Model (JSON-LD): one AnnotationCollection with one AnnotationPage. */
import type { ExportArticle, ExportFile, ExportOptions } from './records';
import { recordsOf } from './records';
import { iriPath, iriSegment } from './escape';

function slug(s: string): string {
  return iriSegment(s.toLowerCase().replace(/\s+/g, '-'));
}

export function exportW3c(articles: readonly ExportArticle[], options: ExportOptions): ExportFile[] {
  const base = options.sourceBase ?? 'urn:article-annotator:article:';
  const now = options.now ?? new Date().toISOString();
  const items = recordsOf(articles, options).map((r) => {
    const body: Record<string, unknown>[] = [{ type: 'TextualBody', purpose: 'tagging', value: r.label, format: 'text/plain' }];
    if (r.comment) body.push({ type: 'TextualBody', purpose: 'commenting', value: r.comment, format: 'text/plain' });
    for (const t of r.tags ?? []) body.push({ type: 'TextualBody', purpose: 'tagging', value: t, format: 'text/plain' });
    // The speaker: an actor IRI for linked data, and its name as written (an IRI slug loses case).
    if (r.speaker) {
      body.push({ type: 'SpecificResource', purpose: 'identifying', source: `urn:article-annotator:actor:${slug(r.speaker)}` });
      body.push({ type: 'TextualBody', purpose: 'identifying', value: r.speaker, format: 'text/plain' });
    }
    // Claims as statements: topics classify, the stance describes, the verdict assesses, evidence links.
    for (const t of r.about ?? []) body.push({ type: 'TextualBody', purpose: 'classifying', value: t, format: 'text/plain' });
    if (r.stance) body.push({ type: 'TextualBody', purpose: 'describing', value: `stance: ${r.stance}`, format: 'text/plain' });
    if (r.verdict) body.push({ type: 'TextualBody', purpose: 'assessing', value: r.verdict, format: 'text/plain' });
    for (const e of r.evidence ?? []) {
      if (/^https?:\/\/\S+$/i.test(e.trim())) body.push({ type: 'SpecificResource', purpose: 'linking', source: e.trim() });
      else body.push({ type: 'TextualBody', purpose: 'commenting', value: e, format: 'text/plain' });
    }
    const anno: Record<string, unknown> = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `urn:article-annotator:annotation:${iriSegment(r.article)}:${iriSegment(r.id)}`,
      type: 'Annotation',
      motivation: r.comment ? 'commenting' : 'tagging',
      body,
      target: {
        source: `${base}${iriPath(r.article)}`,
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
  // Written piece by piece: a large workspace with detections exceeds the longest string V8 allows.
  const head = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'urn:article-annotator:export',
    type: 'AnnotationCollection',
    label: `Article Annotator export of ${articles.length} article${articles.length === 1 ? '' : 's'}`,
    total: items.length,
    generated: now,
    last: 'urn:article-annotator:export:page1',
  };
  const enc = new TextEncoder();
  const open = JSON.stringify(head, null, 2).replace(/\n}$/, ',\n  "first": {\n    "id": "urn:article-annotator:export:page1",\n    "type": "AnnotationPage",\n    "startIndex": 0,\n    "items": [');
  const parts: Uint8Array[] = [enc.encode(open)];
  items.forEach((item, i) => {
    const json = JSON.stringify(item, null, 2).replace(/\n/g, '\n      ');
    parts.push(enc.encode(`${i ? ',' : ''}\n      ${json}`));
  });
  parts.push(enc.encode(`${items.length ? '\n    ' : ''}]\n  }\n}\n`));
  let size = 0;
  for (const p of parts) size += p.length;
  const data = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    data.set(p, at);
    at += p.length;
  }
  return [{ path: 'annotations.jsonld', data }];
}
