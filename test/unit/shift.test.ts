import * as assert from 'node:assert/strict';
import { shiftRanges } from '../../src/core/anchor';

const r = (start: number, end: number) => ({ start, end });
const ins = (at: number, text: string) => ({ rangeOffset: at, rangeLength: 0, text });
const del = (at: number, length: number, text = '') => ({ rangeOffset: at, rangeLength: length, text });

describe('live range shifting', () => {
  it('shifts a range on an insertion before it or exactly at its start', () => {
    assert.deepEqual(shiftRanges([r(10, 20)], [ins(3, 'abc')]), [{ start: 13, end: 23, orphan: false }]);
    assert.deepEqual(shiftRanges([r(10, 20)], [ins(10, 'ab')]), [{ start: 12, end: 22, orphan: false }]);
  });
  it('grows on an insertion inside, ignores one exactly at its end or after', () => {
    assert.deepEqual(shiftRanges([r(10, 20)], [ins(15, 'xx')]), [{ start: 10, end: 22, orphan: false }]);
    assert.deepEqual(shiftRanges([r(10, 20)], [ins(20, 'xx')]), [{ start: 10, end: 20, orphan: false }]);
    assert.deepEqual(shiftRanges([r(10, 20)], [ins(25, 'xx')]), [{ start: 10, end: 20, orphan: false }]);
  });
  it('clips on partial deletions', () => {
    assert.deepEqual(shiftRanges([r(10, 20)], [del(5, 10)]), [{ start: 5, end: 10, orphan: false }]);
    assert.deepEqual(shiftRanges([r(10, 20)], [del(15, 10)]), [{ start: 10, end: 15, orphan: false }]);
    assert.deepEqual(shiftRanges([r(10, 20)], [del(12, 3)]), [{ start: 10, end: 17, orphan: false }]);
  });
  it('orphans a range whose whole text is deleted or replaced, and keeps orphans in place', () => {
    assert.deepEqual(shiftRanges([r(10, 20)], [del(8, 15)]), [{ start: 8, end: 8, orphan: true }]);
    assert.deepEqual(shiftRanges([r(10, 20)], [del(10, 10, 'new')]), [{ start: 10, end: 10, orphan: true }]);
    const again = shiftRanges([{ start: 8, end: 8, orphan: true }], [ins(0, 'ab')]);
    assert.deepEqual(again, [{ start: 10, end: 10, orphan: true }]);
  });
  it('applies several changes of one event (they refer to the text before the event)', () => {
    // Multi-cursor: insert "X" at 2 and at 30, delete 5 chars at 40.
    const out = shiftRanges([r(10, 20), r(35, 50)], [ins(2, 'X'), ins(30, 'X'), del(40, 5)]);
    assert.deepEqual(out, [{ start: 11, end: 21, orphan: false }, { start: 37, end: 47, orphan: false }]);
  });
  it('matches applying the edits to a real string', () => {
    const text = 'The quick brown fox jumps over the lazy dog near the river bank.';
    const quotes = ['quick brown', 'lazy dog', 'river'];
    const ranges = quotes.map((q) => r(text.indexOf(q), text.indexOf(q) + q.length));
    const changes = [del(4, 6, 'slow '), ins(35, 'very '), del(53, 5, 'stream')];
    let edited = text;
    for (const c of [...changes].sort((a, b) => b.rangeOffset - a.rangeOffset)) {
      edited = edited.slice(0, c.rangeOffset) + c.text + edited.slice(c.rangeOffset + c.rangeLength);
    }
    const out = shiftRanges(ranges, changes);
    assert.equal(edited.slice(out[0]!.start, out[0]!.end), 'slow brown');
    assert.equal(edited.slice(out[1]!.start, out[1]!.end), 'lazy dog', 'text typed at the start is not part of the range');
    assert.equal(edited.slice(out[1]!.start - 5, out[1]!.start), 'very ');
    assert.equal(out[2]!.orphan, true);
  });
});
