import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import { unzipSync, strFromU8 } from 'fflate';
import { detect } from '../../src/core/detect';
import { defaultExportFolder, detectionToCodePoints, exportTo, type ExportArticle } from '../../src/core/export';
import { csvField } from '../../src/core/export/csv';
import { fragments } from '../../src/core/export/brat';
import { OffsetMap } from '../../src/core/offsets';
import { makeAnnotation } from '../../src/core/sidecar';

const root = path.resolve(__dirname, '../..');
const shared = path.resolve(root, '../shared');
const NOW = '2026-11-24T12:00:00Z';

function annotate(text: string, quote: string, fields: { id: string; label: string; comment?: string; speaker?: string; tags?: string[]; author?: string; about?: string[]; stance?: string; verdict?: string; evidence?: string[] }) {
  const at = text.indexOf(quote);
  assert.ok(at >= 0, quote);
  const map = new OffsetMap(text);
  return makeAnnotation(text, map.toCodePoint(at), map.toCodePoint(at + quote.length), { ...fields, created: '2026-11-20T10:00:00Z', modified: '2026-11-21T10:00:00Z' }, map);
}

/** The five seed articles, by name: stray files in seeds/ (a demo's sidecars, exports) are not read. */
const SEEDS = ['000_567447e36de95f9e.txt', '001_f449809abfeeccdc.txt', '002_0758a46f1570366d.txt', '003_f2cdae8a492d10f5.txt', '004_7b40fffef38cf50c.txt'];

/** The seed workspace with a realistic set of annotations, and detections. */
function seedWorkspace(): ExportArticle[] {
  return SEEDS.map((name, i) => {
    const text = fs.readFileSync(path.join(root, 'seeds', name), 'utf8');
    const det = detectionToCodePoints(text, detect(text));
    const annotations = [];
    const firstClaim = det.claims[0];
    if (firstClaim) annotations.push(annotate(text, [...text].slice(firstClaim.start, firstClaim.end).join(''), { id: `a-claim${i}`, label: 'claim', speaker: firstClaim.speaker ?? undefined, comment: 'Key claim, "quoted", with, commas\nand a newline', tags: ['key', 'ctx'], author: 'Ana Analyst', about: ['terrorism', 'Pakistan'], stance: 'agree', verdict: 'mostly-true', evidence: ['https://example.org/check', 'page 3 of the report'] }));
    annotations.push(annotate(text, 'Pakistan', { id: `a-actor${i}`, label: 'actor', author: 'Ana Analyst' }));
    return { path: `seeds/${name}`, text, annotations, detections: det };
  });
}

describe('exports', () => {
  describe('default destination: a folder outside the articles', () => {
    const table: { articles: string[]; want: string; why: string }[] = [
      { articles: ['seeds/001.txt', 'seeds/002.txt'], want: '', why: 'the demo: articles in seeds/, the workspace folder is outside them' },
      { articles: ['2019/a.txt', 'news/b.txt'], want: '', why: 'articles in several subfolders' },
      { articles: ['a.txt', 'b.txt'], want: 'exports', why: 'ARTICLES=folder: articles at the top' },
      { articles: ['seeds/a.txt', 'top.txt'], want: 'exports', why: 'one article at the top is enough' },
      { articles: [], want: '', why: 'no articles' },
    ];
    for (const c of table) it(`${JSON.stringify(c.articles)} → "${c.want}" (${c.why})`, () => assert.equal(defaultExportFolder(c.articles), c.want));
  });

  const articles = seedWorkspace();

  describe('W3C Web Annotation', () => {
    const out = JSON.parse(new TextDecoder().decode(exportTo('w3c', articles, { includeDetections: true, now: NOW })[0]!.data as Uint8Array));

    function runMusts(listFile: string, instances: unknown[]) {
      const dir = path.join(shared, 'w3c-web-annotation-tests');
      const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
      for (const f of fs.readdirSync(path.join(dir, 'definitions')).filter((x) => x.endsWith('.json'))) {
        ajv.addSchema(JSON.parse(fs.readFileSync(path.join(dir, 'definitions', f), 'utf8')));
      }
      const list = JSON.parse(fs.readFileSync(path.join(dir, listFile), 'utf8')) as { assertions: string[] };
      let ran = 0;
      const failures: string[] = [];
      for (const a of list.assertions) {
        const schema = JSON.parse(fs.readFileSync(path.join(dir, a), 'utf8'));
        const expectValid = (schema.expectedResult ?? 'valid') === 'valid';
        const failOnUnexpected = String(schema.onUnexpectedResult ?? 'failAndContinue').startsWith('fail');
        const { $schema: _s, ...rest } = schema;
        void _s;
        const validate = ajv.getSchema(rest.id) ?? ajv.compile(rest);
        for (const inst of instances) {
          ran++;
          const valid = validate(inst) as boolean;
          if (valid !== expectValid && failOnUnexpected) failures.push(`${a}: ${schema.errorMessage ?? ''} ${JSON.stringify(validate.errors?.slice(0, 2))}`);
        }
      }
      assert.ok(ran >= list.assertions.length, 'every assertion ran');
      assert.deepEqual(failures, []);
      return list.assertions.length;
    }

    it('passes every must-assertion for annotations', () => {
      assert.ok(out.first.items.length > 20);
      const n = runMusts('annotations/annotationMusts.test', out.first.items);
      assert.ok(n >= 50);
    });

    it('passes every must-assertion for the collection and its page', () => {
      runMusts('collections/collectionMusts.test', [out]);
      runMusts('collections/pages/pageMusts.test', [{ '@context': 'http://www.w3.org/ns/anno.jsonld', ...out.first }]);
    });

    it('uses quote and position selectors in code points, tagging, commenting and identifying bodies', () => {
      const a = out.first.items.find((x: { id: string }) => x.id.endsWith(':a-claim0'));
      const [quoteSel, posSel] = a.target.selector;
      assert.equal(quoteSel.type, 'TextQuoteSelector');
      const text = articles[0]!.text;
      assert.equal([...text].slice(posSel.start, posSel.end).join(''), quoteSel.exact);
      assert.ok(a.body.some((b: { purpose: string; value: string }) => b.purpose === 'tagging' && b.value === 'claim'));
      assert.ok(a.body.some((b: { purpose: string }) => b.purpose === 'commenting'));
      assert.equal(a.creator.name, 'Ana Analyst');
      assert.equal(out.total, out.first.items.length);
      // Claims as statements: topics classify, stance describes, the verdict assesses, evidence links (all checked by the musts above).
      const bodies = a.body.map((b: { purpose: string; value?: string; source?: string }) => `${b.purpose}=${b.value ?? b.source}`);
      for (const b of ['classifying=terrorism', 'classifying=Pakistan', 'describing=stance: agree', 'assessing=mostly-true', 'linking=https://example.org/check', 'commenting=page 3 of the report']) assert.ok(bodies.includes(b), `${b} in ${bodies.join(', ')}`);
    });
  });

  it('writes RFC 4180 CSV with quoting, CRLF rows and an optional BOM', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    const csv = String(exportTo('csv', articles, { bom: true })[0]!.data);
    assert.ok(csv.startsWith('\ufeffarticle,id,label,start,end,quote,speaker,comment,tags,author,created,provenance\r\n'));
    assert.ok(csv.includes('"Key claim, ""quoted"", with, commas\nand a newline"'));
    assert.ok(!String(exportTo('csv', articles, {})[0]!.data).startsWith('\ufeff'));
    const withDetections = String(exportTo('csv', articles, { includeDetections: true })[0]!.data);
    assert.ok(withDetections.split('\r\n').length > csv.split('\r\n').length);
    assert.match(withDetections, /,detected\r\n/);
  });

  it('writes a Markdown report with claims by speaker and an actors table', () => {
    const md = String(exportTo('markdown', articles, { includeDetections: true })[0]!.data);
    assert.match(md, /^# Article Annotator report/);
    assert.match(md, /## seeds\/000\\_567447e36de95f9e\.txt/, "underscores escaped for GitHub");
    assert.match(md, /### Claims by speaker\n\n#### /);
    assert.match(md, /\| name \| type \| aliases \| mentions \|/);
    assert.match(md, /\| Pakistan \| place \| .* \| \d+ \|/);
  });

  it('writes brat standoff whose offsets count code points (after an emoji)', () => {
    const text = 'Intro 😀 line.\nThe minister said “we will act”.\n';
    const map = new OffsetMap(text);
    const at = text.indexOf('we will act');
    const ann = makeAnnotation(text, map.toCodePoint(at), map.toCodePoint(at + 11), { id: 'x', label: 'claim', speaker: 'minister', comment: 'note\twith tab' }, map);
    const files = exportTo('brat', [{ path: 'a.txt', text, annotations: [ann] }], {});
    const ann0 = String(files.find((f) => f.path === 'a.ann')!.data);
    const t = /^T1\tclaim (\d+) (\d+)\twe will act$/m.exec(ann0);
    assert.ok(t, ann0);
    assert.equal([...text].slice(Number(t[1]), Number(t[2])).join(''), 'we will act');
    assert.equal(Number(t[1]), at - 1, 'one less than UTF-16: the emoji is one code point');
    assert.match(ann0, /^T2\tactor \d+ \d+\tminister$/m);
    assert.match(ann0, /^R1\tSpeaker Arg1:T2 Arg2:T1$/m);
    assert.match(ann0, /^#1\tAnnotatorNotes T1\tnote with tab$/m);
    assert.equal(files.find((f) => f.path === 'a.txt')!.data, text);
    assert.match(String(files.find((f) => f.path === 'annotation.conf')!.data), /\[entities\]\nactor\nclaim/);
    // A span across a line break becomes two fragments.
    assert.deepEqual(fragments('ab\ncd', 0, 5), [[0, 2], [3, 5]]);
  });

  it('writes a REFI-QDA project that is valid XML against Project.xsd, with selections matching the quotes', function () {
    this.timeout(30000);
    const zip = exportTo('qdpx', articles, { includeDetections: true, now: NOW })[0]!.data as Uint8Array;
    const files = unzipSync(zip);
    const xml = strFromU8(files['project.qde']!);
    assert.match(xml, /<Project xmlns="urn:QDA-XML:project:1.0"/);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qdpx-'));
    fs.writeFileSync(path.join(tmp, 'project.qde'), xml);
    execFileSync('xmllint', ['--noout', '--schema', path.join(shared, 'refi-qda/Project.xsd'), path.join(tmp, 'project.qde')], { stdio: 'pipe' });
    const sources = [...xml.matchAll(/<TextSource guid="([^"]+)" name="([^"]+)" plainTextPath="internal:\/\/([^"]+)">([\s\S]*?)<\/TextSource>/g)];
    assert.equal(sources.length, 5);
    let checked = 0;
    for (const [, , , file, body] of sources) {
      const text = strFromU8(files[`sources/${file}`]!);
      for (const sel of body!.matchAll(/<PlainTextSelection guid="[^"]+" name="([^"]*)" startPosition="(\d+)" endPosition="(\d+)"/g)) {
        const quote = [...text].slice(Number(sel[2]), Number(sel[3])).join('');
        const name = sel[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
        assert.ok(name.endsWith('...') ? quote.startsWith(name.slice(0, -3)) : quote === name, `${name} vs ${quote}`);
        checked++;
      }
    }
    assert.ok(checked > 20);
  });

  it('writes an actor network in GraphML', () => {
    const xml = String(exportTo('graphml', articles, {})[0]!.data);
    assert.match(xml, /<graphml xmlns="http:\/\/graphml.graphdrawing.org\/xmlns"/);
    const nodes = [...xml.matchAll(/<node id="(n\d+)"><data key="label">([^<]+)<\/data><data key="type">(\w+)/g)];
    assert.ok(nodes.some((n) => n[2] === 'Pakistan' && n[3] === 'place'));
    const edges = [...xml.matchAll(/<edge id="e\d+" source="(n\d+)" target="(n\d+)"><data key="weight">(\d+)<\/data><data key="articles">([^<]*)</g)];
    assert.ok(edges.length > 0, 'speaker → mentioned actor edges');
    const ids = new Set(nodes.map((n) => n[1]));
    for (const e of edges) {
      assert.ok(ids.has(e[1]!) && ids.has(e[2]!));
      assert.ok(Number(e[3]) >= 1);
      assert.match(e[4]!, /seeds\//);
    }
    // Well-formed XML.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gml-'));
    fs.writeFileSync(path.join(tmp, 'a.graphml'), xml);
    execFileSync('xmllint', ['--noout', path.join(tmp, 'a.graphml')], { stdio: 'pipe' });
  });

  it('is deterministic: the same input gives the same bytes', () => {
    for (const f of ['w3c', 'csv', 'markdown', 'brat', 'qdpx', 'graphml'] as const) {
      const a = exportTo(f, seedWorkspace(), { includeDetections: true, now: NOW });
      const b = exportTo(f, seedWorkspace(), { includeDetections: true, now: NOW });
      assert.deepEqual(a, b, f);
    }
  });
});
