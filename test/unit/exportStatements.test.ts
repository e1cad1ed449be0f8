import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXPORT_FORMATS, EXPORTERS, exporterOf, exportTo, type ExportArticle } from '../../src/core/export';
import { DNA_COLUMNS } from '../../src/core/export/dna';
import { ratingOf } from '../../src/core/export/claimreview';
import { DEFAULT_VERDICTS, type Annotation } from '../../src/core/model';
import { parse as parseCsv } from './csvRows';

const root = path.resolve(__dirname, '../..');
const text = (d: string | Uint8Array) => (typeof d === 'string' ? d : new TextDecoder().decode(d));

function claim(t: string, quote: string, id: string, extra: Partial<Annotation> = {}): Annotation {
  const at = [...t.slice(0, t.indexOf(quote))].length;
  assert.ok(t.includes(quote), quote);
  return { id, label: 'claim', start: at, end: at + [...quote].length, quote, ...extra };
}

/** Two small articles: one with a date line, one whose date comes from its sidecar's meta. */
function workspace(): ExportArticle[] {
  const a = 'Monday, March 4, 2019\nThe minister said that =taxes will fall next year. Critics disagreed, saying “taxes will rise”.\n';
  const b = 'Headline of B\nThe mayor claimed the bridge is safe.\n';
  return [
    {
      path: 'news/a.txt',
      text: a,
      annotations: [
        claim(a, '=taxes will fall next year', 'a-1', { speaker: 'Minister', about: ['taxes', ' budget '], stance: 'agree', verdict: 'mostly-false', evidence: ['https://factcheck.example/taxes', 'Budget, p. 4'], author: 'Ana', modified: '2019-03-05T10:00:00Z' }),
        claim(a, 'taxes will rise', 'a-2', { speaker: 'Critics', about: ['taxes'], stance: 'disagree' }),
        { id: 'a-3', label: 'actor', start: 22, end: 25, quote: 'The' },
      ],
    },
    {
      path: 'news/b.txt',
      text: b,
      meta: { date: '2020-06-01', url: 'https://paper.example/b', title: 'The bridge', outlet: 'The Paper', author: 'Reporter' },
      annotations: [
        claim(b, 'the bridge is safe', 'b-1', { speaker: 'Mayor', verdict: 'unverifiable', created: '2020-06-02T09:00:00Z' }),
        claim(b, 'bridge', 'b-2', { speaker: 'Mayor' }),
      ],
    },
  ];
}

describe('exporter registry', () => {
  it('has one entry per format, with every field a front end reads', () => {
    assert.deepEqual([...EXPORT_FORMATS], EXPORTERS.map((e) => e.id));
    assert.equal(new Set(EXPORT_FORMATS).size, EXPORT_FORMATS.length);
    for (const id of ['w3c', 'csv', 'markdown', 'brat', 'qdpx', 'graphml', 'dna', 'claimreview']) {
      const e = exporterOf(id);
      assert.ok(e, id);
      assert.ok(e.label && e.defaultOutput && (e.output === 'file' || e.output === 'folder'), id);
      assert.equal(typeof e.binary, 'boolean');
      assert.equal(typeof e.needsDetections, 'boolean');
      assert.ok(Array.isArray(e.write(workspace(), { now: '2026-01-01T00:00:00Z' })), `${id} writes`);
    }
    assert.equal(exporterOf('nope'), undefined);
    assert.throws(() => exportTo('nope', []), /Unknown export format "nope"/);
  });

  it('the Export command and the CLI name no format: what differs is read from the registry', () => {
    for (const file of ['src/export/index.ts', 'src/cli/main.ts']) {
      const src = fs.readFileSync(path.join(root, file), 'utf8');
      const named = EXPORT_FORMATS.filter((f) => new RegExp(`['"\`]${f}['"\`]`).test(src));
      assert.deepEqual(named, [], `${file} names ${named.join(', ')}`);
    }
  });
});

describe('dna export (DNA event list)', () => {
  const rows = parseCsv(text(exportTo('dna', workspace(), {})[0]!.data));
  const raw = text(exportTo('dna', workspace(), {})[0]!.data);

  it('writes the event-list columns, one CRLF row per claim, in article then offset order', () => {
    assert.deepEqual(rows[0], [...DNA_COLUMNS]);
    assert.deepEqual(rows[0], ['id', 'date', 'actor', 'topic', 'stance', 'article', 'quote', 'start', 'end', 'provenance']);
    assert.deepEqual(rows.slice(1).map((r) => r[0]), ['a-1', 'a-2', 'b-1', 'b-2']);
    assert.ok(raw.endsWith('\r\n') && !/[^\r]\n/.test(raw), 'CRLF line ends');
  });

  it('takes the date from the date line or the sidecar meta, topics joined, stance, offsets in code points', () => {
    const byId = new Map(rows.slice(1).map((r) => [r[0], Object.fromEntries(DNA_COLUMNS.map((c, i) => [c, r[i]]))]));
    assert.deepEqual(byId.get('a-1'), { id: 'a-1', date: '2019-03-04', actor: 'Minister', topic: 'taxes; budget', stance: 'agree', article: 'news/a.txt', quote: "'=taxes will fall next year", start: '45', end: '71', provenance: 'user' });
    assert.equal(byId.get('a-2')!.quote, 'taxes will rise');
    assert.equal(byId.get('a-2')!.stance, 'disagree');
    assert.equal(byId.get('b-1')!.date, '2020-06-01');
    assert.equal(byId.get('b-2')!.topic, '');
    const a = workspace()[0]!;
    assert.equal([...a.text].slice(45, 71).join(''), '=taxes will fall next year');
  });

  it('writes formulas as they are with rawCsv, and detected claims with includeDetections', () => {
    const rawRows = parseCsv(text(exportTo('dna', workspace(), { rawCsv: true })[0]!.data));
    assert.equal(rawRows[1]![6], '=taxes will fall next year');
    const art = workspace()[1]!;
    const withDet = parseCsv(text(exportTo('dna', [{ ...art, detections: { actors: [], claims: [{ start: 0, end: 5, text: 'Headl', speaker: 'X', cue: 'said', kind: 'direct' }] } }], { includeDetections: true })[0]!.data));
    assert.ok(withDet.some((r) => r[9] === 'detected' && r[2] === 'X'));
  });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON-LD read back for assertions
type Review = Record<string, any>;

describe('claimreview export (schema.org ClaimReview)', () => {
  const reviews = JSON.parse(text(exportTo('claimreview', workspace(), { now: '2026-01-01T00:00:00Z', reviewer: 'Desk' })[0]!.data)) as Review[];

  it('one ClaimReview per claim with a verdict, with Google\'s required and recommended properties', () => {
    assert.deepEqual(reviews.map((r) => r.claimReviewed), ['=taxes will fall next year', 'the bridge is safe']);
    for (const r of reviews) {
      assert.equal(r['@context'], 'https://schema.org');
      assert.equal(r['@type'], 'ClaimReview');
      for (const k of ['url', 'claimReviewed', 'reviewRating', 'author', 'datePublished', 'itemReviewed']) assert.ok(r[k], `${k} in ${JSON.stringify(r)}`);
      assert.equal(r.reviewRating['@type'], 'Rating');
      assert.ok(r.reviewRating.alternateName);
      assert.equal(r.itemReviewed['@type'], 'Claim');
      assert.equal(r.itemReviewed.appearance['@type'], 'CreativeWork');
      assert.match(r.datePublished, /^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('rates on the scale (best = rated count, worst = 1), unverifiable by name only', () => {
    const [taxes, bridge] = reviews;
    assert.deepEqual(taxes!.reviewRating, { '@type': 'Rating', ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: 'mostly-false' });
    assert.deepEqual(bridge!.reviewRating, { '@type': 'Rating', alternateName: 'unverifiable' });
    assert.deepEqual(DEFAULT_VERDICTS.map((v) => ratingOf(v, DEFAULT_VERDICTS)?.ratingValue), [5, 4, 3, 2, 1, undefined]);
    assert.deepEqual(ratingOf('yes', ['yes', 'no']), { ratingValue: 2, bestRating: 2, worstRating: 1 });
  });

  it('links the claim to its speaker and the article (URL, date), the review to its evidence and author', () => {
    const [taxes, bridge] = reviews;
    assert.equal(taxes!.url, 'https://factcheck.example/taxes', 'the first evidence URL');
    assert.deepEqual(taxes!.author, { '@type': 'Person', name: 'Ana' });
    assert.equal(taxes!.datePublished, '2019-03-05');
    assert.deepEqual(taxes!.itemReviewed.author, { '@type': 'Person', name: 'Minister' });
    assert.equal(taxes!.itemReviewed.datePublished, '2019-03-04');
    assert.equal(bridge!.url, 'https://paper.example/b#b-1', 'no evidence URL: the article URL and the annotation id');
    assert.deepEqual(bridge!.author, { '@type': 'Person', name: 'Desk' }, 'the reviewer when the annotation names no author');
    assert.deepEqual(bridge!.itemReviewed.appearance, { '@type': 'CreativeWork', url: 'https://paper.example/b', headline: 'The bridge', datePublished: '2020-06-01', author: { '@type': 'Person', name: 'Reporter' }, publisher: { '@type': 'Organization', name: 'The Paper' } });
    assert.equal(bridge!.datePublished, '2020-06-02');
  });

  it('writes an empty list when no claim has a verdict', () => {
    assert.deepEqual(JSON.parse(text(exportTo('claimreview', [workspace()[0]!].map((a) => ({ ...a, annotations: a.annotations.map(({ verdict: _v, ...x }) => x) })), {})[0]!.data)), []);
  });
});

describe('graphml export: stance-signed edges and the agreement network', () => {
  // Alice and Bob agree about taxes, Carol disagrees; Alice's two claims mention Bob.
  const t = 'Alice said Bob is right on taxes. Alice said Bob was wrong on taxes. Bob said taxes must fall. Carol said taxes must rise.';
  const at = (q: string, from = 0) => t.indexOf(q, from);
  const c = (id: string, q: string, speaker: string, stance: string, from = 0): Annotation => ({ id, label: 'claim', start: at(q, from), end: at(q, from) + q.length, quote: q, speaker, about: ['taxes'], stance });
  const person = (name: string) => {
    const mentions: { start: number; end: number; text: string }[] = [];
    for (let i = t.indexOf(name); i >= 0; i = t.indexOf(name, i + 1)) mentions.push({ start: i, end: i + name.length, text: name });
    return { id: `person:${name.toLowerCase()}`, name, type: 'person' as const, aliases: [], mentions };
  };
  const art: ExportArticle = {
    path: 'a.txt',
    text: t,
    annotations: [c('c1', 'Bob is right on taxes', 'Alice', 'agree'), c('c2', 'Bob was wrong on taxes', 'Alice', 'disagree'), c('c3', 'taxes must fall', 'Bob', 'agree'), c('c4', 'taxes must rise', 'Carol', 'disagree')],
    detections: { actors: [person('Alice'), person('Bob'), person('Carol')], claims: [] },
  };
  const xml = text(exportTo('graphml', [art], {})[0]!.data);
  const graphs = xml.split('<graph ').slice(1);

  it('signs the speaker → mentioned edge by its stances', () => {
    assert.equal(graphs.length, 2);
    const edges = [...graphs[0]!.matchAll(/<edge [^>]*>(.*?)<\/edge>/g)].map((m) => m[1]);
    assert.equal(edges.length, 1, 'Alice → Bob');
    assert.match(edges[0]!, /<data key="weight">2<\/data>/);
    assert.match(edges[0]!, /<data key="stances">agree=1; disagree=1<\/data><data key="sign">0<\/data>/);
  });

  it('writes the agreement (+1) and conflict (-1) edges between actors on the same topic', () => {
    assert.match(graphs[1]!, /^id="agreement" edgedefault="undirected">/);
    const label = new Map([...graphs[1]!.matchAll(/<node id="(g\d+)"><data key="label">([^<]+)</g)].map((m) => [m[1], m[2]]));
    const edges = [...graphs[1]!.matchAll(/<edge id="[^"]+" source="(g\d+)" target="(g\d+)"><data key="weight">([\d.]+)<\/data><data key="sign">(-?1)<\/data><data key="relation">(\w+)</g)].map((m) => `${[label.get(m[1]), label.get(m[2])].sort().join('-')} ${m[5]} ${m[4]} ${m[3]}`).sort();
    // Alice states (taxes, agree) and (taxes, disagree): she agrees with Bob and with Carol, and
    // conflicts with both on taxes; Bob and Carol conflict.
    assert.deepEqual(edges, ['Alice-Bob agreement 1 1', 'Alice-Bob conflict -1 1', 'Alice-Carol agreement 1 1', 'Alice-Carol conflict -1 1', 'Bob-Carol conflict -1 1']);
  });
});
