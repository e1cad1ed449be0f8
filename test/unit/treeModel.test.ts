import * as assert from 'node:assert/strict';
import { actorsWithMatch, describeFilter, isFilterActive, matchesFilter, shorten, stepInArticle, wrapOrder, type ActorArticle, type ActorKey, type TreeFilter } from '../../src/core/tree';

describe('tree model', () => {
  const item = { quote: 'We want full accountability', label: 'claim', comment: 'Key line', tags: ['US', 'demand'], speaker: 'Mark Toner' };

  it('filters on text in quote, comment and tags, on label and on speaker', () => {
    assert.ok(matchesFilter(item, undefined));
    assert.ok(matchesFilter(item, { text: 'ACCOUNTABILITY' }));
    assert.ok(matchesFilter(item, { text: 'key line' }));
    assert.ok(matchesFilter(item, { text: 'demand' }));
    assert.ok(!matchesFilter(item, { text: 'sanctions' }));
    assert.ok(matchesFilter(item, { label: 'claim', speaker: 'mark toner' }));
    assert.ok(!matchesFilter(item, { label: 'note' }));
    assert.ok(!matchesFilter({ ...item, speaker: null }, { speaker: 'Mark Toner' }));
    assert.ok(!isFilterActive({}));
    assert.equal(describeFilter({ text: 'x', label: 'claim' }), '“x”, label claim');
  });

  it('shortens quotes at a word and folds whitespace', () => {
    assert.equal(shorten('a  b\n c'), 'a b c');
    const long = 'The two sides underlined the urgent need for Pakistan to take immediate action';
    const s = shorten(long, 40);
    assert.ok(s.endsWith('…') && s.length <= 41, s);
    assert.ok(long.startsWith(s.slice(0, -1)));
  });

  it('steps to the next and previous item and reports the ends', () => {
    const items = [{ start: 50 }, { start: 10 }, { start: 30 }];
    assert.equal(stepInArticle(items, 0, 1)?.start, 10);
    assert.equal(stepInArticle(items, 10, 1)?.start, 30);
    assert.equal(stepInArticle(items, 50, 1), undefined);
    assert.equal(stepInArticle(items, 50, -1)?.start, 30);
    assert.equal(stepInArticle(items, 10, -1), undefined);
  });

  it('wraps around the article list in both directions', () => {
    assert.deepEqual(wrapOrder(['a', 'b', 'c'], 1, 1), ['c', 'a', 'b']);
    assert.deepEqual(wrapOrder(['a', 'b', 'c'], 0, -1), ['c', 'b', 'a']);
  });

  describe('by-actor grouping under a filter keeps only actors with a match', () => {
    // Two articles; Toner is "Mark C. Toner" in one and "Toner" (alias) in the other.
    const actors: ActorKey[] = [
      { id: 'toner', name: 'Mark C. Toner', aliases: ['Toner'], memberIds: new Set(['a1:toner', 'a2:toner']) },
      { id: 'pak', name: 'Pakistan', aliases: [], memberIds: new Set(['a1:pak', 'a2:pak']) },
      { id: 'india', name: 'India', aliases: [], memberIds: new Set(['a1:india']) },
      { id: 'state', name: 'State Department', aliases: [], memberIds: new Set(['a2:state']) },
    ];
    const articles: ActorArticle[] = [
      {
        annotations: [{ quote: 'immediate, sustained and irreversible action', label: 'claim', speaker: 'India', comment: 'the core demand', tags: ['demand'] }, { quote: 'Pathankot attacks', label: 'note' }],
        claims: [{ text: 'We want to see full accountability', speaker: 'Mark C. Toner', speakerId: 'a1:toner' }],
        actors: [
          { id: 'a1:toner', mentions: [{ text: 'Mark C. Toner' }] },
          { id: 'a1:pak', mentions: [{ text: 'Pakistan' }, { text: 'Islamabad' }] },
          { id: 'a1:india', mentions: [{ text: 'India' }] },
        ],
      },
      {
        annotations: [{ quote: 'terrible attacks', label: 'framing', speaker: 'Toner' }],
        claims: [{ text: 'Pakistan must act against the militants', speaker: 'Toner', speakerId: null }, { text: 'talks will continue', speaker: 'State Department', speakerId: 'a2:state' }],
        actors: [{ id: 'a2:toner', mentions: [{ text: 'Toner' }] }, { id: 'a2:pak', mentions: [{ text: 'Pakistan' }] }, { id: 'a2:state', mentions: [{ text: 'State Department' }] }],
      },
    ];
    const table: { filter: TreeFilter | undefined; want: string[]; why: string }[] = [
      { filter: undefined, want: ['india', 'pak', 'state', 'toner'], why: 'no filter: every actor' },
      { filter: {}, want: ['india', 'pak', 'state', 'toner'], why: 'an empty filter is no filter' },
      { filter: { text: 'accountability' }, want: ['toner'], why: 'a detected claim by speaker id' },
      { filter: { text: 'militants' }, want: ['toner'], why: 'a detected claim by an alias name, no id' },
      { filter: { text: 'demand' }, want: ['india'], why: 'an annotation’s tag, its speaker the actor' },
      { filter: { text: 'terrible' }, want: ['toner'], why: 'an annotation whose speaker is an alias' },
      { filter: { text: 'islamabad' }, want: ['pak'], why: 'a mention’s text' },
      { filter: { text: 'pakistan' }, want: ['pak', 'toner'], why: 'Pakistan’s mentions, and Toner’s claim naming Pakistan' },
      { filter: { label: 'framing' }, want: ['toner'], why: 'a label only an annotation has' },
      { filter: { label: 'actor' }, want: ['india', 'pak', 'state', 'toner'], why: 'mentions have the label actor' },
      { filter: { speaker: 'state department' }, want: ['state'], why: 'its claim and its mentions, case-insensitively' },
      { filter: { text: 'talks', speaker: 'India' }, want: [], why: 'nothing matches both' },
      { filter: { text: 'Pathankot' }, want: [], why: 'an annotation without a speaker gives no actor' },
    ];
    for (const c of table) {
      it(`${JSON.stringify(c.filter) ?? 'no filter'} → ${c.want.join(', ') || 'none'} (${c.why})`, () => {
        assert.deepEqual([...actorsWithMatch(actors, articles, c.filter)].sort(), c.want);
      });
    }
  });
});
