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
import { CSV_COLUMNS } from '../../src/core/export/csv';
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
        assert.equal(xmlWellFormed(projectXml([a], { labels: [] }).xml), '');
        const zip = unzipSync(exportTo('qdpx', [a], {})[0]!.data as Uint8Array);
        assert.equal(xmlWellFormed(strFromU8(zip['project.qde']!)), '');
        assert.equal(xmlWellFormed(text(exportTo('graphml', [a], {})[0]!.data)), '');
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
