/**
 * Exports on hostile user text (issue 17): CSV formula injection, raw HTML and links in the
 * Markdown report, characters outside XML 1.0 in QDPX and GraphML, lone surrogates and spaces in
 * W3C IRIs. A table of cases from test/fixtures/hostile/export-values.json, then fast-check
 * properties over generated strings (FUZZ_RUNS=n for a larger run: `npm run test:fuzz`).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { unzipSync, strFromU8 } from 'fflate';
import { exportTo, type ExportArticle } from '../../src/core/export';
import { EXPORTERS } from '../../src/core/export/registry';
import { CSV_COLUMNS } from '../../src/core/export/csv';
import { DNA_COLUMNS } from '../../src/core/export/dna';
import { projectXml } from '../../src/core/export/qdpx';
import type { Annotation } from '../../src/core/model';

const root = path.resolve(__dirname, '../..');
const fixtures = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/hostile/export-values.json'), 'utf8')) as Record<string, string[]>;
const NUM_RUNS = Number(process.env.FUZZ_RUNS) || 60;
const TEXT = 'Officials said the plan would work. Critics disagreed, the minister said.';

/** An article whose one annotation carries `v` in every free-text field. */
function articleWith(v: string, extra: Partial<Annotation> = {}): ExportArticle {
  const start = 0;
  const end = 9;
  const annotation: Annotation = { id: `id-${v}`, label: 'claim', start, end, quote: TEXT.slice(start, end), prefix: '', suffix: ' said the', speaker: v, comment: v, tags: [v, 'ok'], author: v, ...extra };
  const other: Annotation = { id: 'o1', label: v || 'x', start: 10, end: 14, quote: TEXT.slice(10, 14), prefix: 'Officials ', suffix: ' the plan', comment: v, tags: [v] };
  return {
    path: 'a.txt',
    text: TEXT,
    annotations: [annotation, other],
    detections: { actors: [{ id: 'x1', name: v || 'Officials', type: 'organization', aliases: [v], mentions: [{ start: 0, end: 9, text: 'Officials' }] }, { id: 'x2', name: 'minister', type: 'person', aliases: [], mentions: [{ start: 63, end: 71, text: 'minister' }] }], claims: [] },
  };
}

/** RFC 4180 reader (quoted fields, doubled quotes, CRLF rows). */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let f = '';
  let i = 0;
  let quoted = false;
  const endField = () => {
    row.push(f);
    f = '';
  };
  while (i < s.length) {
    const c = s[i]!;
    if (quoted && c === '"' && s[i + 1] === '"') {
      f += '"';
      i += 2;
    } else if (quoted && c === '"') {
      quoted = false;
      i++;
    } else if (quoted) {
      f += c;
      i++;
    } else if (c === '"') {
      quoted = true;
      i++;
    } else if (c === ',') {
      endField();
      i++;
    } else if (c === '\r' && s[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i += 2;
    } else {
      f += c;
      i++;
    }
  }
  if (f || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

/** A character outside XML 1.0's `Char` (#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]). */
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const text = (d: string | Uint8Array) => (typeof d === 'string' ? d : new TextDecoder().decode(d));

function xmlWellFormed(xml: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-xml-'));
  const file = path.join(dir, 'x.xml');
  fs.writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', file], { stdio: 'pipe' });
    return '';
  } catch (e) {
    return String((e as { stderr?: Buffer }).stderr ?? e);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const md = new MarkdownIt({ html: true, linkify: false });
/** HTML elements the rendered report may contain (CommonMark output, none from user text). */
const ALLOWED_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'p', 'blockquote', 'em', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);
function rawHtmlIn(report: string): string[] {
  const html = md.render(report);
  return [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase()).filter((t) => !ALLOWED_TAGS.has(t));
}

function csvValues(v: string, raw = false): Record<string, string> {
  const rows = parseCsv(text(exportTo('csv', [articleWith(v)], { rawCsv: raw })[0]!.data));
  assert.deepEqual(rows[0], [...CSV_COLUMNS]);
  assert.equal(rows.length, 3, 'header + two rows');
  for (const r of rows) assert.equal(r.length, CSV_COLUMNS.length);
  return Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows[1]![i]!]));
}

const hostile = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', '|', '<', '>', '&', '[', ']', '(', ')', '!', '\ud800', '\udc00', '\ufffe', '\uffff', '\u0000', '\u001f', 'a', ' ', '\u00a0', '😀') }),
  fc.constantFrom(...fixtures.csvFormulas!, ...fixtures.markdown!, ...fixtures.xml!, ...fixtures.iri!),
);

describe('exports on hostile text (issue 17)', () => {
  describe('CSV: formulas neutralised unless raw', () => {
    for (const v of fixtures.csvFormulas!) {
      it(`neutralises ${JSON.stringify(v)} in every text column`, () => {
        const row = csvValues(v);
        for (const c of ['speaker', 'comment', 'author'] as const) assert.equal(row[c], `'${v}`, c);
        assert.equal(row.id, `id-${v}`); // not formula-like: kept as is
        assert.equal(row.tags, `'${v}; ok`);
      });
    }
    it('writes fields as they are with rawCsv (--raw, articleAnnotator.export.rawCsv)', () => {
      for (const v of fixtures.csvFormulas!) assert.equal(csvValues(v, true).comment, v);
    });
    it('leaves ordinary values alone', () => {
      assert.equal(csvValues('plain, "quoted" text').comment, 'plain, "quoted" text');
      assert.equal(csvValues('a=b').comment, 'a=b');
    });
  });

  describe('Markdown report: no raw HTML, links or images', () => {
    for (const v of fixtures.markdown!) {
      it(`escapes ${JSON.stringify(v)}`, () => {
        const report = text(exportTo('markdown', [articleWith(v)], { includeDetections: true })[0]!.data);
        assert.deepEqual(rawHtmlIn(report), []);
        assert.ok(!/<(img|script|a)\b/i.test(report), report);
      });
    }
  });

  describe('XML (QDPX, GraphML): well-formed by xmllint', () => {
    for (const v of fixtures.xml!) {
      it(`drops characters outside XML 1.0 Char in ${JSON.stringify(v)}`, () => {
        const a = articleWith(v);
        const project = projectXml([a], { labels: [] }).xml;
        const graphml = text(exportTo('graphml', [a], {})[0]!.data);
        assert.equal(xmlWellFormed(project), '');
        const zip = unzipSync(exportTo('qdpx', [a], {})[0]!.data as Uint8Array);
        assert.equal(xmlWellFormed(strFromU8(zip['project.qde']!)), '');
        assert.equal(xmlWellFormed(graphml), '');
        // The text itself holds no such character: a lone surrogate would reach xmllint as U+FFFD
        // (UTF-8 encoding replaces it), which hides it from the check above.
        for (const [name, xml] of [['project.qde', project], ['graphml', graphml]] as const) assert.equal(NOT_XML_CHAR.exec(xml)?.[0], undefined, name);
      });
    }
  });

  describe('W3C JSON-LD: never throws, ids encoded in IRIs', () => {
    for (const v of fixtures.iri!) {
      it(`exports ${JSON.stringify(v)}`, () => {
        const a = articleWith(v);
        const out = JSON.parse(text(exportTo('w3c', [{ ...a, path: `dir/${v}.txt` }], { now: '2026-01-01T00:00:00Z' })[0]!.data));
        const items = out.first.items as { id: string; target: { source: string }; body: { source?: string }[] }[];
        assert.equal(items.length, 2, 'both annotations exported');
        for (const it of items) {
          for (const iri of [it.id, it.target.source, ...it.body.map((b) => b.source).filter((s): s is string => !!s)]) {
            assert.match(iri, /^[\x21-\x7e]+$/, `IRI has no space or raw non-ASCII: ${iri}`);
            assert.doesNotThrow(() => decodeURIComponent(iri), iri);
          }
        }
      });
    }
  });

  describe('properties on generated strings', () => {
    it('CSV parses back to the right columns, formulas neutralised', () => {
      fc.assert(
        fc.property(hostile, (v) => {
          const row = csvValues(v);
          for (const c of ['speaker', 'comment', 'author', 'tags'] as const) assert.ok(!/^[=+\-@\t\r]/.test(row[c]!), `${c}: ${JSON.stringify(row[c])}`);
          assert.equal(row.comment, /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
        }),
        { numRuns: NUM_RUNS },
      );
    });
    it('JSON-LD parses and keeps every annotation', () => {
      fc.assert(
        fc.property(hostile, (v) => {
          const out = JSON.parse(text(exportTo('w3c', [{ ...articleWith(v), path: `${v}.txt` }], { now: '2026-01-01T00:00:00Z' })[0]!.data));
          assert.equal(out.first.items.length, 2);
        }),
        { numRuns: NUM_RUNS },
      );
    });
    it('the Markdown report contains no raw HTML', () => {
      fc.assert(
        fc.property(hostile, (v) => {
          assert.deepEqual(rawHtmlIn(text(exportTo('markdown', [articleWith(v)], { includeDetections: true })[0]!.data)), []);
        }),
        { numRuns: NUM_RUNS },
      );
    });
    // Every exporter in the registry, on articles whose claim carries the hostile value in every
    // free-text field (statement fields too): each output checked as what it is. A new exporter
    // must get a check here (the test fails on an unknown one).
    const FORMULA = /^[=+\-@\t\r]/;
    function claimWith(v: string, i: number): ExportArticle {
      const a = articleWith(v);
      const [first, second] = a.annotations;
      return { ...a, path: `${i}-${v}.txt`, annotations: [{ ...first!, about: [v, 'topic'], stance: v, verdict: v.trim() ? v : 'false', evidence: [v, 'https://example.org/a b'] }, second!] };
    }
    const CHECKS: Record<(typeof EXPORTERS)[number]['id'], (data: Map<string, string | Uint8Array>, vs: readonly string[]) => void> = {
      csv: (d) => checkCsv(text(d.get('annotations.csv')!), CSV_COLUMNS.length),
      dna: (d, vs) => assert.equal(checkCsv(text(d.get('statements.csv')!), DNA_COLUMNS.length), vs.length, 'one statement per claim'),
      w3c: (d, vs) => assert.equal(JSON.parse(text(d.get('annotations.jsonld')!)).first.items.length, 2 * vs.length),
      claimreview: (d, vs) => {
        const reviews = JSON.parse(text(d.get('claimreview.jsonld')!)) as { url: string }[];
        assert.equal(reviews.length, vs.length, 'one review per claim with a verdict');
        // The annotation's URN (no evidence URL here: the one given has a space): encoded.
        for (const r of reviews.filter((x) => x.url.startsWith('urn:'))) {
          assert.match(r.url, /^[\x21-\x7e]+$/, r.url);
          assert.doesNotThrow(() => decodeURIComponent(r.url), r.url);
        }
      },
      markdown: (d) => assert.deepEqual(rawHtmlIn(text(d.get('report.md')!)), []),
      graphml: (d) => assert.equal(xmlWellFormed(text(d.get('actors.graphml')!)), ''),
      qdpx: (d) => {
        const zip = unzipSync(d.get('project.qdpx') as Uint8Array);
        assert.equal(xmlWellFormed(strFromU8(zip['project.qde']!)), '');
      },
      brat: (d, vs) => {
        let spans = 0;
        for (const [name, data] of d) {
          if (!name.endsWith('.ann')) continue;
          const txt = [...text(d.get(name.replace(/\.ann$/, '.txt'))!)];
          for (const line of text(data).split('\n').filter(Boolean)) {
            // One record a line: id, tab, what, and (T and notes) a tab and one line of text.
            assert.match(line, /^(?:T\d+\t[A-Za-z][\w-]* \d+ \d+(?:;\d+ \d+)*\t[^\t\r]*|R\d+\t\S+ Arg1:T\d+ Arg2:T\d+\t?|#\d+\t\S+ [TR]\d+\t[^\t\r]*|A\d+\t[^\t\r]*)$/, `${name}: ${JSON.stringify(line)}`);
            const t = /^T\d+\t\S+ ([\d ;]+)\t(.*)$/.exec(line);
            if (!t) continue;
            spans++;
            const frags = t[1]!.split(';').map((f) => f.split(' ').map(Number) as [number, number]);
            assert.equal(frags.map(([a, b]) => txt.slice(a, b).join('')).join(' '), t[2], `${name}: the span's text is the .txt's at its offsets`);
          }
        }
        assert.ok(spans >= 2 * vs.length, `every annotation is a span (${spans})`);
      },
    };
    function checkCsv(csv: string, columns: number): number {
      const rows = parseCsv(csv.replace(/^\ufeff/, ''));
      for (const r of rows) assert.equal(r.length, columns, JSON.stringify(r));
      for (const r of rows.slice(1)) for (const f of r) assert.ok(!FORMULA.test(f), `formula-like field: ${JSON.stringify(f)}`);
      return rows.length - 1;
    }
    it('every exporter in the registry gives output that reads as its format', () => {
      fc.assert(
        fc.property(fc.array(hostile, { minLength: 1, maxLength: 8 }), (vs) => {
          const arts = vs.map(claimWith);
          for (const e of EXPORTERS) {
            const files = exportTo(e.id, arts, { includeDetections: e.needsDetections, now: '2026-01-01T00:00:00Z' });
            const check = CHECKS[e.id];
            assert.ok(check, `a check for the ${e.id} exporter`);
            check(new Map(files.map((f) => [f.path, f.data])), vs);
          }
        }),
        { numRuns: Math.max(3, Math.round(NUM_RUNS / 10)) },
      );
    });
    it('QDPX and GraphML are well-formed XML', () => {
      // xmllint runs once per batch of generated values (one process per value is slow).
      fc.assert(
        fc.property(fc.array(hostile, { minLength: 1, maxLength: 20 }), (vs) => {
          const arts = vs.map((v, i) => ({ ...articleWith(v), path: `${i}-${v}.txt` }));
          assert.equal(xmlWellFormed(projectXml(arts, {}).xml), '');
          assert.equal(xmlWellFormed(text(exportTo('graphml', arts, {})[0]!.data)), '');
        }),
        { numRuns: Math.max(3, Math.round(NUM_RUNS / 10)) },
      );
    });
  });
});
