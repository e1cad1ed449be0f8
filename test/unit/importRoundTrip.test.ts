/**
 * Export → import into a fresh copy of the articles gives the same annotations, for each import
 * format (src/core/import, no I/O): labels, spans, quotes, comments, speakers, tags (and the
 * author where the format has one). The CLI's file handling is in importFormats.test.ts.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { exportTo, type ExportArticle, type ExportFile } from '../../src/core/export';
import { sha256 } from '../../src/core/hash';
import { importIntoSidecar, matchArticles, newCodebookEntries, readImport, type ImportFormat, type ImportInput } from '../../src/core/import';
import { DEFAULT_LABELS, type Annotation } from '../../src/core/model';
import { makeAnnotation } from '../../src/core/sidecar';

const root = path.resolve(__dirname, '../..');
const A = 'seeds/003_f2cdae8a492d10f5.txt';
const B = 'seeds/000_567447e36de95f9e.txt';
const texts = new Map([A, B].map((p) => [p, fs.readFileSync(path.join(root, p), 'utf8')]));

function span(article: string, id: string, quote: string, fields: Partial<Annotation> = {}, nth = 0): Annotation {
  const text = texts.get(article)!;
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(quote, at + 1);
  assert.ok(at >= 0, quote);
  const s = [...text.slice(0, at)].length;
  return { ...makeAnnotation(text, s, s + [...quote].length, { id, label: 'claim' }), ...fields };
}

/** The annotations of the original workspace: every field and awkward case the formats must carry. */
function original(): ExportArticle[] {
  const a = texts.get(A)!;
  const crossing = a.slice(a.indexOf('We’ve seen progress'), a.indexOf('He, however'));
  return [
    {
      path: A,
      text: a,
      annotations: [
        span(A, 'a-1', 'We want to see full accountability for these terrible attacks', { speaker: 'Mark C. Toner', comment: 'strong wording', tags: ['us', 'pressure'], author: 'kim' }),
        span(A, 'a-2', 'accountability', { label: 'framing-Ü', comment: 'two lines\nof comment' }),
        span(A, 'a-3', 'Mark C. Toner', { label: 'actor', tags: ['person'] }),
        span(A, 'a-4', 'the stage for sanctions against Pakistan has not yet arrived', { speaker: 'Nobody Named Here', author: 'lee' }),
        // Crosses blank lines: brat writes it as fragments.
        span(A, 'a-5', crossing.trimEnd(), { label: 'my label', tags: ['multi word tag'] }),
      ],
    },
    { path: B, text: texts.get(B)!, annotations: [span(B, 'b-1', 'Pakistan', { label: 'actor', speaker: undefined }, 1)] },
  ];
}

/** The exported files as import inputs, the way a front end reads them. */
function inputsOf(format: ImportFormat, files: ExportFile[]): ImportInput[] {
  const bytes = (d: string | Uint8Array) => (typeof d === 'string' ? new TextEncoder().encode(d) : d);
  if (format !== 'brat') return files.map((f) => ({ format, name: f.path, bytes: bytes(f.data) }));
  const txt = new Map(files.filter((f) => f.path.endsWith('.txt')).map((f) => [f.path, f.data as string]));
  return files.filter((f) => f.path.endsWith('.ann')).map((f) => ({ format, name: f.path, bytes: bytes(f.data), source: f.path.replace(/\.ann$/, '.txt'), txt: txt.get(f.path.replace(/\.ann$/, '.txt'))! }));
}

/** Imports into a fresh copy (no sidecars): article path → its new annotations. */
function importFresh(inputs: ImportInput[], articles: string[] = [A, B]): { sidecars: Map<string, Annotation[]>; problems: string[] } {
  const sidecars = new Map<string, Annotation[]>();
  const problems: string[] = [];
  for (const input of inputs) {
    const read = readImport(input);
    problems.push(...read.problems);
    const m = matchArticles(read.annotations, articles, (p) => sha256(texts.get(p)!));
    problems.push(...m.unmatched.map((u) => u.reason));
    for (const [p, list] of m.perArticle) {
      const current = sidecars.get(p);
      const r = importIntoSidecar(path.basename(p), texts.get(p)!, current ? { version: 1, article: path.basename(p), annotations: current } : undefined, list);
      problems.push(...r.placed.unplaced.map((u) => u.reason));
      if (r.next) sidecars.set(p, r.next.annotations);
    }
  }
  return { sidecars, problems };
}

const pick = (a: Annotation, author: boolean) => ({ label: a.label, start: a.start, end: a.end, quote: a.quote, comment: a.comment, tags: a.tags, speaker: a.speaker, ...(author ? { author: a.author } : {}) });
const byStart = (x: Annotation, y: Annotation) => x.start - y.start || x.end - y.end || (x.label < y.label ? -1 : 1);

describe('import round trip: export → import into a fresh copy gives the same annotations', () => {
  const table: { format: ImportFormat; author: boolean }[] = [
    { format: 'w3c', author: true },
    { format: 'brat', author: false }, // brat has no author
    { format: 'qdpx', author: true },
  ];
  for (const { format, author } of table) {
    it(format, () => {
      const orig = original();
      const files = exportTo(format, orig, { now: '2026-12-04T00:00:00Z' });
      const { sidecars, problems } = importFresh(inputsOf(format, files));
      assert.deepEqual(problems, []);
      for (const art of orig) {
        const got = (sidecars.get(art.path) ?? []).sort(byStart).map((a) => pick(a, author));
        const want = [...art.annotations].sort(byStart).map((a) => pick(a, author));
        assert.deepEqual(got, want, `${format}: ${art.path}`);
      }
      // Importing the same file again adds nothing (same label and span).
      const again = importFresh(inputsOf(format, files));
      const first = [...again.sidecars.values()].flat().length;
      assert.equal(first, orig.reduce((n, a) => n + a.annotations.length, 0));
    });
  }

  it('matches by the source text’s hash when the file names differ (brat, qdpx)', () => {
    for (const format of ['brat', 'qdpx'] as const) {
      const files = exportTo(format, original(), {});
      const { sidecars } = importFresh(inputsOf(format, files), ['renamed/one.txt', 'renamed/two.txt'].map((p, i) => (texts.set(p, texts.get([A, B][i]!)!), p)));
      assert.equal(sidecars.get('renamed/one.txt')?.length, 5, format);
      assert.equal(sidecars.get('renamed/two.txt')?.length, 1, format);
    }
  });

  it('unknown labels become codebook entries, with the colour a REFI-QDA codebook gives', () => {
    const files = exportTo('qdpx', original(), { labels: [...DEFAULT_LABELS, { name: 'my label', color: '#123456', description: 'mine' }] });
    const read = readImport(inputsOf('qdpx', files)[0]!);
    const entries = newCodebookEntries(DEFAULT_LABELS, read.annotations.map((a, i) => ({ ...a, id: `x${i}`, start: 0, end: 1 })), read.codes);
    assert.deepEqual(entries, [{ name: 'framing-Ü' }, { name: 'my label', color: '#123456', description: 'mine' }]);
  });

  it('brat from other tools: discontinuous spans, attributes, normalisations, notes before spans', () => {
    const text = 'Alice met Bob.\nThey said hello.';
    const ann = ['#1\tAnnotatorNotes T2\tnoted first', 'T1\tPerson 0 5\tAlice', 'T2\tEvent 6 9;15 19\tmet They', 'A1\tNegated T2', 'A2\tConfidence T1 High', 'N1\tReference T1 Wikidata:Q1\tAlice', 'E1\tEvent:T2 Agent:T1', 'R1\tKnows Arg1:T1 Arg2:T2'].join('\n');
    const read = readImport({ format: 'brat', name: 'x.ann', bytes: new TextEncoder().encode(ann), txt: text });
    assert.deepEqual(read.problems, []);
    assert.deepEqual(
      read.annotations.map((a) => [a.label, a.start, a.end, a.quote, a.comment, a.tags]),
      [
        ['Person', 0, 5, 'Alice', undefined, ['Confidence:High', 'Wikidata:Q1']],
        ['Event', 6, 19, 'met Bob.\nThey', 'noted first', ['Negated']],
      ],
    );
    assert.ok(read.notes?.some((n) => /T2 is discontinuous/.test(n)), JSON.stringify(read.notes));
    assert.ok(read.notes?.some((n) => /1 event not imported/.test(n)) && read.notes.some((n) => /1 Knows relation not imported/.test(n)), JSON.stringify(read.notes));
  });

  it('REFI-QDA from other tools: inline text, nested codes, several codings on a selection', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="p"><CodeBook><Codes><Code guid="c1" name="Parent" isCodable="true"><Code guid="c2" name="Child" isCodable="true" color="#aabbcc"/></Code></Codes></CodeBook>
<Sources><TextSource guid="s1" name="interview"><PlainTextContent>Tom &amp; Jerry said hi.</PlainTextContent>
<PlainTextSelection guid="p1" name="Tom &amp; Jerry" startPosition="0" endPosition="11"><Coding guid="k1"><CodeRef targetGUID="c1"/></Coding><Coding guid="k2"><CodeRef targetGUID="c2"/></Coding></PlainTextSelection></TextSource></Sources></Project>`;
    const read = readImport({ format: 'qdpx', name: 'p.qdpx', bytes: zipSync({ 'project.qde': strToU8(xml) }) });
    assert.deepEqual(read.problems, []);
    assert.deepEqual(read.annotations.map((a) => [a.label, a.quote, a.start, a.end, a.source]), [
      ['Parent', 'Tom & Jerry', 0, 11, 'interview'],
      ['Child', 'Tom & Jerry', 0, 11, 'interview'],
    ]);
    assert.deepEqual(read.codes, [{ name: 'Parent' }, { name: 'Child', color: '#aabbcc' }]);
  });
});
