import * as assert from 'node:assert/strict';
import type { Actor, Claim } from '../../src/core/model';
import { buildNetwork, statementCache, statementsOf, type Network, type NetworkArticle, type NetworkRequest, type StatementAnnotation } from '../../src/core/network';

/*
 * A small workspace whose networks are computed by hand (see the tables below).
 *   a.txt (dated in the text, 2019-03-05)
 *     s1 Alice: "that Bob and Carol are wrong on taxes"  about taxes, disagree; mentions Bob, Carol
 *     s2 Bob:   "Alice was right on taxes"               about taxes, agree;    mentions Alice
 *     s3 Carol: "Dave cares about taxes and health"      about taxes+health, disagree; mentions Dave
 *   b.txt (no date in the text; meta: date 2020-01-10)
 *     s4 Alice: "Dave helps health"    about health, agree;  mentions Dave
 *     s5 Dave:  "health comes first"   about health, agree
 *     s6 Dave:  "taxes can wait"       about taxes, neutral
 *     s7 Alice: "taxes are too high"   about taxes, disagree
 *     n1 (label note, speaker Bob: not a statement by default)
 *     detected claim, Bob: "Dave is late" (mentions Dave; only with detections)
 *   Mentions: Alice 2+2, Bob 2+1, Carol 2, Dave 1+4.
 */
const A = 'Tuesday, March 5, 2019\nAlice said that Bob and Carol are wrong on taxes. Bob said Alice was right on taxes. Carol said Dave cares about taxes and health.\n';
const B = 'Health minutes\nAlice said Dave helps health. Dave said health comes first. Dave said taxes can wait. Alice said taxes are too high. Bob said Dave is late.\n';

function mentionsOf(text: string, name: string) {
  const out = [];
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) out.push({ start: i, end: i + name.length, text: name });
  return out;
}

function actors(text: string): Actor[] {
  return ['Alice', 'Bob', 'Carol', 'Dave'].map((n) => ({ id: `person:${n.toLowerCase()}`, name: n, type: 'person' as const, aliases: [], mentions: mentionsOf(text, n) })).filter((a) => a.mentions.length);
}

function claim(text: string, id: string, quote: string, speaker: string, about: string[], stance: string, label = 'claim'): StatementAnnotation {
  const start = text.indexOf(quote);
  assert.ok(start >= 0, quote);
  return { id, label, start, end: start + quote.length, quote, speaker, about, stance };
}

function workspace(): NetworkArticle[] {
  const late = B.indexOf('Dave is late');
  const detected: Claim = { start: late, end: late + 'Dave is late'.length, text: 'Dave is late', speaker: 'Bob', cue: 'said', kind: 'indirect' };
  return [
    {
      path: 'a.txt',
      text: A,
      annotations: [
        claim(A, 's1', 'that Bob and Carol are wrong on taxes', 'Alice', ['taxes'], 'disagree'),
        claim(A, 's2', 'Alice was right on taxes', 'Bob', ['taxes'], 'agree'),
        claim(A, 's3', 'Dave cares about taxes and health', 'Carol', ['taxes', 'health'], 'disagree'),
      ],
      detections: { actors: actors(A), claims: [] },
    },
    {
      path: 'b.txt',
      text: B,
      meta: { date: '2020-01-10' },
      annotations: [
        claim(B, 's4', 'Dave helps health', 'Alice', ['health'], 'agree'),
        claim(B, 's5', 'health comes first', 'Dave', ['health'], 'agree'),
        claim(B, 's6', 'taxes can wait', 'Dave', [' taxes ', 'taxes'], 'neutral'),
        claim(B, 's7', 'taxes are too high', 'Alice', ['taxes'], 'disagree'),
        claim(B, 'n1', 'Health minutes', 'Bob', ['health'], 'agree', 'note'),
      ],
      detections: { actors: actors(B), claims: [detected] },
    },
  ];
}

const name = (id: string) => id.replace(/^a:person:/, '').replace(/^t:/, '#');
/** Edges as `source>target count weight [stances] statements` (weights to 3 decimals). */
function edgeTable(n: Network): string[] {
  return n.edges.map((e) => `${name(e.source)}${e.directed ? '>' : '~'}${name(e.target)} ${e.count} ${+e.weight.toFixed(3)}${e.stances ? ' ' + JSON.stringify(e.stances) : ''} ${e.statements.join(',')}`);
}
function nodeTable(n: Network): string[] {
  return n.nodes.map((x) => `${name(x.id)} ${x.kind} ${x.size} ${x.statements.join(',')}`);
}

describe('discourse networks', () => {
  const set = statementsOf(workspace(), { includeDetections: true });

  it('reads statements with dates, topics, stances and mentioned actors', () => {
    assert.deepEqual(
      set.statements.map((s) => `${s.id} ${s.article} ${s.date ?? '-'} ${name(s.speaker)} [${s.mentioned.map(name).join(',')}] [${s.about.join(',')}] ${s.stance ?? '-'} ${s.provenance}`),
      [
        'a.txt:s1 a.txt 2019-03-05 alice [bob,carol] [taxes] disagree user',
        'a.txt:s2 a.txt 2019-03-05 bob [alice] [taxes] agree user',
        'a.txt:s3 a.txt 2019-03-05 carol [dave] [taxes,health] disagree user',
        'b.txt:s4 b.txt 2020-01-10 alice [dave] [health] agree user',
        'b.txt:s5 b.txt 2020-01-10 dave [] [health] agree user',
        'b.txt:s6 b.txt 2020-01-10 dave [] [taxes] neutral user',
        'b.txt:s7 b.txt 2020-01-10 alice [] [taxes] disagree user',
        `b.txt:${set.statements[7]!.id.slice(6)} b.txt 2020-01-10 bob [dave] [] - detected`,
      ],
    );
    assert.match(set.statements[7]!.id, /^b\.txt:d-/);
    assert.deepEqual([...set.actors.values()].map((a) => `${a.name} ${a.type} ${a.mentions}`).sort(), ['Alice person 4', 'Bob person 3', 'Carol person 2', 'Dave person 5']);
  });

  const cases: { title: string; request: NetworkRequest; nodes?: string[]; edges: string[] }[] = [
    {
      title: 'who talks about whom (accepted annotations only)',
      request: { kind: 'talks-about' },
      nodes: ['alice actor 4 a.txt:s1,a.txt:s2,b.txt:s4', 'bob actor 3 a.txt:s1,a.txt:s2', 'carol actor 2 a.txt:s1,a.txt:s3', 'dave actor 5 a.txt:s3,b.txt:s4'],
      edges: ['alice>bob 1 1 a.txt:s1', 'alice>carol 1 1 a.txt:s1', 'alice>dave 1 1 b.txt:s4', 'bob>alice 1 1 a.txt:s2', 'carol>dave 1 1 a.txt:s3'],
    },
    {
      title: 'who talks about whom, with detections',
      request: { kind: 'talks-about', filter: { includeDetections: true } },
      edges: ['alice>bob 1 1 a.txt:s1', 'alice>carol 1 1 a.txt:s1', 'alice>dave 1 1 b.txt:s4', 'bob>alice 1 1 a.txt:s2', `bob>dave 1 1 ${set.statements[7]!.id}`, 'carol>dave 1 1 a.txt:s3'],
    },
    {
      title: 'who talks about whom from 2020 on',
      request: { kind: 'talks-about', filter: { from: '2020-01-01' } },
      edges: ['alice>dave 1 1 b.txt:s4'],
    },
    {
      title: 'who talks about whom up to 2019-12-31 in a.txt',
      request: { kind: 'talks-about', filter: { to: '2019-12-31', articles: ['a.txt'] } },
      edges: ['alice>bob 1 1 a.txt:s1', 'alice>carol 1 1 a.txt:s1', 'bob>alice 1 1 a.txt:s2', 'carol>dave 1 1 a.txt:s3'],
    },
    {
      title: 'actors × topics',
      request: { kind: 'actor-topic' },
      nodes: ['alice actor 4 a.txt:s1,b.txt:s4,b.txt:s7', 'bob actor 3 a.txt:s2', 'carol actor 2 a.txt:s3', 'dave actor 5 b.txt:s5,b.txt:s6', '#health topic 3 a.txt:s3,b.txt:s4,b.txt:s5', '#taxes topic 5 a.txt:s1,a.txt:s2,a.txt:s3,b.txt:s6,b.txt:s7'],
      edges: [
        'alice~#health 1 1 {"agree":1} b.txt:s4',
        'alice~#taxes 2 2 {"disagree":2} a.txt:s1,b.txt:s7',
        'bob~#taxes 1 1 {"agree":1} a.txt:s2',
        'carol~#health 1 1 {"disagree":1} a.txt:s3',
        'carol~#taxes 1 1 {"disagree":1} a.txt:s3',
        'dave~#health 1 1 {"agree":1} b.txt:s5',
        'dave~#taxes 1 1 {"neutral":1} b.txt:s6',
      ],
    },
    {
      title: 'actors × topics, stance agree',
      request: { kind: 'actor-topic', filter: { stances: ['agree'] } },
      edges: ['alice~#health 1 1 {"agree":1} b.txt:s4', 'bob~#taxes 1 1 {"agree":1} a.txt:s2', 'dave~#health 1 1 {"agree":1} b.txt:s5'],
    },
    {
      title: 'actors × topics, topic health (s3 keeps only health)',
      request: { kind: 'actor-topic', filter: { topics: ['health'] } },
      edges: ['alice~#health 1 1 {"agree":1} b.txt:s4', 'carol~#health 1 1 {"disagree":1} a.txt:s3', 'dave~#health 1 1 {"agree":1} b.txt:s5'],
    },
    {
      title: 'actors × topics, label note only',
      request: { kind: 'actor-topic', filter: { labels: ['note'] } },
      edges: [],
    },
    // K: Alice {taxes/disagree, health/agree}, Bob {taxes/agree}, Carol {taxes/disagree, health/disagree}, Dave {health/agree, taxes/neutral}
    {
      title: 'agreement, no normalisation',
      request: { kind: 'agreement' },
      nodes: ['alice actor 4 a.txt:s1,b.txt:s4,b.txt:s7', 'carol actor 2 a.txt:s3', 'dave actor 5 b.txt:s5'],
      edges: ['alice~carol 1 1 a.txt:s1,a.txt:s3,b.txt:s7', 'alice~dave 1 1 b.txt:s4,b.txt:s5'],
    },
    { title: 'agreement, average: 1 / ((2 + 2) / 2)', request: { kind: 'agreement', normalisation: 'average' }, edges: ['alice~carol 1 0.5 a.txt:s1,a.txt:s3,b.txt:s7', 'alice~dave 1 0.5 b.txt:s4,b.txt:s5'] },
    { title: 'agreement, Jaccard: 1 / (2 + 2 - 1)', request: { kind: 'agreement', normalisation: 'jaccard' }, edges: ['alice~carol 1 0.333 a.txt:s1,a.txt:s3,b.txt:s7', 'alice~dave 1 0.333 b.txt:s4,b.txt:s5'] },
    // T (polar topics): Alice {taxes, health}, Bob {taxes}, Carol {taxes, health}, Dave {health} (neutral is no side)
    {
      title: 'conflict, no normalisation',
      request: { kind: 'conflict' },
      // Each node with its own statements on the topics of its conflicts (the union over its edges).
      nodes: ['alice actor 4 a.txt:s1,b.txt:s4,b.txt:s7', 'bob actor 3 a.txt:s2', 'carol actor 2 a.txt:s3', 'dave actor 5 b.txt:s5'],
      edges: ['alice~bob 1 1 a.txt:s1,a.txt:s2,b.txt:s7', 'alice~carol 1 1 a.txt:s3,b.txt:s4', 'bob~carol 1 1 a.txt:s2,a.txt:s3', 'carol~dave 1 1 a.txt:s3,b.txt:s5'],
    },
    {
      title: 'conflict, average: 1 / ((|T(i)| + |T(j)|) / 2)',
      request: { kind: 'conflict', normalisation: 'average' },
      edges: ['alice~bob 1 0.667 a.txt:s1,a.txt:s2,b.txt:s7', 'alice~carol 1 0.5 a.txt:s3,b.txt:s4', 'bob~carol 1 0.667 a.txt:s2,a.txt:s3', 'carol~dave 1 0.667 a.txt:s3,b.txt:s5'],
    },
    {
      title: 'conflict, Jaccard: 1 / |T(i) ∪ T(j)|',
      request: { kind: 'conflict', normalisation: 'jaccard' },
      edges: ['alice~bob 1 0.5 a.txt:s1,a.txt:s2,b.txt:s7', 'alice~carol 1 0.5 a.txt:s3,b.txt:s4', 'bob~carol 1 0.5 a.txt:s2,a.txt:s3', 'carol~dave 1 0.5 a.txt:s3,b.txt:s5'],
    },
    { title: 'conflict in 2020 only: none (Alice and Dave agree on health)', request: { kind: 'conflict', filter: { from: '2020-01-01', to: '2020-12-31' } }, edges: [] },
  ];
  for (const c of cases) {
    it(c.title, () => {
      const n = buildNetwork(set, c.request);
      assert.equal(n.kind, c.request.kind);
      if (c.nodes) assert.deepEqual(nodeTable(n), c.nodes);
      assert.deepEqual(edgeTable(n), c.edges);
    });
  }

  it('leaves out labels other than claim unless asked, and names unknown speakers as other actors', () => {
    const ws = workspace();
    ws[1]!.annotations.push(claim(B, 's8', 'Bob said Dave', 'Zed', ['taxes'], 'agree'));
    const withNotes = statementsOf(ws, { labels: ['claim', 'note'] });
    assert.deepEqual(withNotes.statements.map((s) => s.id), ['a.txt:s1', 'a.txt:s2', 'a.txt:s3', 'b.txt:n1', 'b.txt:s4', 'b.txt:s5', 'b.txt:s6', 'b.txt:s7', 'b.txt:s8']);
    assert.deepEqual(withNotes.actors.get('a:other:zed'), { key: 'a:other:zed', name: 'Zed', type: 'other', mentions: 0 });
    // Zed is mentioned nowhere: its node is sized by its statements.
    const zed = buildNetwork(withNotes, { kind: 'talks-about' }).nodes.find((x) => x.id === 'a:other:zed');
    assert.deepEqual(zed && { size: zed.size, statements: zed.statements }, { size: 1, statements: ['b.txt:s8'] });
  });

  it('with a cache: the same statements, each article read once, a replaced article read again', () => {
    const ws = workspace();
    const cache = statementCache();
    for (const opts of [{ includeDetections: true }, {}, { labels: ['claim', 'note'] }]) {
      const fresh = statementsOf(ws, opts);
      assert.deepEqual(statementsOf(ws, opts, cache), fresh, 'first call');
      assert.deepEqual(statementsOf(ws, opts, cache), fresh, 'from the cache');
    }
    // An article replaced by a new object (as the panel does after a change) is read again.
    const changed = [ws[0]!, { ...ws[1]!, annotations: [...ws[1]!.annotations, claim(B, 's8', 'Bob said Dave', 'Zed', ['taxes'], 'agree')] }];
    assert.deepEqual(statementsOf(changed, { includeDetections: true }, cache), statementsOf(changed, { includeDetections: true }));
    assert.ok(statementsOf(changed, {}, cache).statements.some((s) => s.id === 'b.txt:s8'));
  });
});
