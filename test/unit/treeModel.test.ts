import * as assert from 'node:assert/strict';
import { describeFilter, isFilterActive, matchesFilter, shorten, stepInArticle, wrapOrder } from '../../src/core/tree';

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
});
