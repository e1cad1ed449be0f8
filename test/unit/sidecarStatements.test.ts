import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { parseSidecar, serializeSidecar, type Sidecar } from '../../src/core/sidecar';

const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../schemas/sidecar.schema.json'), 'utf8')) as object;
const validateSchema = new Ajv({ allErrors: true, strict: false }).compile(schema);

const CLAIM = `  - id: a-1
    label: claim
    start: 0
    end: 5
    quote: Hello
    speaker: Antonio Guterres
`;

const head = (extra = '') => `version: 1\narticle: a.txt\n${extra}annotations:\n`;

describe('sidecar: claims as statements (about, stance, verdict, evidence) and meta', () => {
  it('round-trips the new fields and meta, in a fixed key order, through both writers', () => {
    const sidecar: Sidecar = {
      version: 1,
      article: 'a.txt',
      meta: { date: '2019-01-04', title: 'US accuses Pakistan', outlet: 'Wikinews', url: 'https://en.wikinews.org/wiki/X', author: 'Staff' },
      annotations: [
        { id: 'a-1', label: 'claim', start: 0, end: 5, quote: 'Hello', speaker: 'Guterres', tags: ['UN'], about: ['sanctions', 'terrorism financing'], stance: 'agree', verdict: 'mostly-true', evidence: ['https://example.org/report', 'UN report, page 3'], author: 'maria' },
      ],
    };
    const text = serializeSidecar(sidecar);
    const keys = [...text.matchAll(/^ {2}(?:- | {2})([a-z]+):/gm)].map((m) => m[1]);
    assert.deepEqual(keys, ['id', 'label', 'start', 'end', 'quote', 'speaker', 'tags', 'about', 'stance', 'verdict', 'evidence', 'author']);
    assert.ok(text.indexOf('meta:') > text.indexOf('article:') && text.indexOf('meta:') < text.indexOf('annotations:'), text);
    const r = parseSidecar(text);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
    assert.deepEqual(r.sidecar, sidecar);
    // Rewriting from the parsed file (the Document writer when it had comments) gives the same bytes.
    assert.equal(serializeSidecar(r.sidecar, r), text);
    const commented = parseSidecar(`# my notes\n${text}`);
    assert.ok(commented.ok);
    assert.equal(serializeSidecar(commented.sidecar, commented), `# my notes\n${text}`);
    assert.ok(validateSchema(parseYaml(text)), JSON.stringify(validateSchema.errors));
  });

  it('keeps comments and unknown keys inside meta and beside the new fields when rewriting', () => {
    const text = `version: 1
article: a.txt
meta:
  # from the print edition
  date: "2019-01-04"
  section: World # not a known detail: kept
annotations:
  - id: a-1
    label: claim
    start: 0
    end: 5
    quote: Hello
    stance: agree # checked twice
    verdict: unrated-by-us
    mine: 1
`;
    const r = parseSidecar(text);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
    assert.equal(r.sidecar.meta?.date, '2019-01-04');
    assert.equal(r.sidecar.meta?.section, 'World');
    assert.equal(r.sidecar.annotations[0]!.verdict, 'unrated-by-us', 'a verdict outside the scale is kept');
    r.sidecar.annotations[0]!.about = ['sanctions'];
    const out = serializeSidecar(r.sidecar, r);
    for (const kept of ['# from the print edition', 'section: World # not a known detail: kept', 'stance: agree # checked twice', 'mine: 1', 'about: [ sanctions ]']) assert.ok(out.includes(kept), `${kept}\n${out}`);
    // Changing a detail rewrites meta with its unknown key.
    r.sidecar.meta = { ...r.sidecar.meta, outlet: 'Wikinews' };
    const again = parseSidecar(serializeSidecar(r.sidecar, r));
    assert.ok(again.ok);
    assert.deepEqual({ ...again.sidecar.meta }, { date: '2019-01-04', section: 'World', outlet: 'Wikinews' });
  });

  it('keeps the previous file\'s meta when the new object has none (the store writes annotations only), drops it when set to undefined', () => {
    const r = parseSidecar(head('meta:\n  date: "2019-01-04"\n') + CLAIM);
    assert.ok(r.ok);
    const fresh: Sidecar = { version: 1, article: 'a.txt', annotations: r.sidecar.annotations };
    assert.match(serializeSidecar(fresh, r), /^meta:\n {2}date: "2019-01-04"$/m);
    assert.doesNotMatch(serializeSidecar({ ...fresh, meta: undefined }, r), /meta/);
  });

  const HOSTILE: [name: string, yaml: string, path: string][] = [
    ['about as a text', head() + CLAIM + '    about: sanctions\n', '/annotations/0/about'],
    ['about with a number', head() + CLAIM + '    about: [ sanctions, 3 ]\n', '/annotations/0/about/1'],
    ['about with a mapping', head() + CLAIM + '    about:\n      - { a: 1 }\n', '/annotations/0/about/0'],
    ['stance as a number', head() + CLAIM + '    stance: 3\n', '/annotations/0/stance'],
    ['stance as a list', head() + CLAIM + '    stance: [ agree ]\n', '/annotations/0/stance'],
    ['verdict as a boolean', head() + CLAIM + '    verdict: true\n', '/annotations/0/verdict'],
    ['evidence as a mapping', head() + CLAIM + '    evidence: { url: x }\n', '/annotations/0/evidence'],
    ['evidence with null inside', head() + CLAIM + '    evidence: [ x, null ]\n', '/annotations/0/evidence/1'],
    ['meta as a text', head('meta: yesterday\n') + CLAIM, '/meta'],
    ['meta as a list', head('meta: [ 2019-01-04 ]\n') + CLAIM, '/meta'],
    ['meta.date not a calendar date', head('meta:\n  date: "2019-02-30"\n') + CLAIM, '/meta/date'],
    ['meta.date written another way', head('meta:\n  date: 4 January 2019\n') + CLAIM, '/meta/date'],
    ['meta.url as a number', head('meta:\n  url: 5\n') + CLAIM, '/meta/url'],
    ['meta.title as a mapping', head('meta:\n  title: { a: 1 }\n') + CLAIM, '/meta/title'],
  ];
  for (const [name, yaml, pointer] of HOSTILE) {
    it(`refuses ${name}, naming ${pointer} with its line, as the schema does`, () => {
      const r = parseSidecar(yaml);
      assert.equal(r.ok, false, 'refused');
      if (r.ok) return;
      const p = r.problems.find((x) => x.path === pointer);
      assert.ok(p, `${pointer} in ${JSON.stringify(r.problems)}`);
      assert.ok(p.line !== undefined && p.line > 1, `a line for ${pointer}`);
      if (!pointer.startsWith('/meta/date')) {
        assert.equal(validateSchema(parseYaml(yaml)), false, 'the schema refuses it too');
      }
    });
  }

  it('reads odd but valid values: null fields count as absent, empty lists, Unicode, __proto__', () => {
    const yaml = head('meta:\n  date:\n  __proto__: { polluted: 1 }\n  title: "Ünïcödé \\u2009 headline"\n') + CLAIM + '    about: []\n    stance:\n    verdict: "__proto__"\n    evidence: [ "https://例え.jp/a?b=1#c", "note: with colon" ]\n';
    const r = parseSidecar(yaml);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
    const a = r.sidecar.annotations[0]!;
    assert.deepEqual(a.about, []);
    assert.equal('stance' in a, false);
    assert.equal(a.verdict, '__proto__');
    assert.deepEqual(a.evidence, ['https://例え.jp/a?b=1#c', 'note: with colon']);
    assert.equal(r.sidecar.meta?.title, 'Ünïcödé \u2009 headline');
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype pollution');
    const again = parseSidecar(serializeSidecar(r.sidecar, r));
    assert.ok(again.ok, JSON.stringify(!again.ok && again.problems));
    assert.deepEqual(again.sidecar.annotations, r.sidecar.annotations);
    assert.equal(again.sidecar.meta?.title, r.sidecar.meta?.title);
  });

  it('files without the new keys read and write as before (format version 1 unchanged)', () => {
    const plain = head() + CLAIM;
    const r = parseSidecar(plain);
    assert.ok(r.ok);
    assert.equal('meta' in r.sidecar, false);
    assert.equal(serializeSidecar(r.sidecar), plain);
  });
});
