import * as assert from 'node:assert/strict';
import { shiftOffsets, shiftRanges } from '../../src/core/anchor';

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

describe('live range shifting, more cases', () => {
  it('orders changes at the same offset: a replacement there, then an insertion before it', () => {
    // Before the event: "abcdefghij", annotation "def" [3,6). One event inserts "XY" at 3 and
    // replaces "de" [3,5) with "Q" (non-overlapping, both at offset 3, given in either order).
    const text = 'abcdefghij';
    for (const changes of [[ins(3, 'XY'), del(3, 2, 'Q')], [del(3, 2, 'Q'), ins(3, 'XY')]]) {
      const [out] = shiftRanges([r(3, 6)], changes);
      // Applied from the end, same-offset replacement first: "abc" + "XY" + "Q" + "fghij".
      const edited = 'abc' + 'XY' + 'Q' + text.slice(5);
      assert.equal(edited.slice(out!.start, out!.end), 'Qf');
      assert.equal(out!.orphan, false);
    }
  });

  it('moves an orphan into a deletion that surrounds it and past text inserted at its point', () => {
    assert.deepEqual(shiftRanges([{ start: 10, end: 10, orphan: true }], [del(5, 10)]), [{ start: 5, end: 5, orphan: true }]);
    assert.deepEqual(shiftRanges([{ start: 10, end: 10, orphan: true }], [ins(10, 'abc')]), [{ start: 10, end: 10, orphan: true }]);
    assert.deepEqual(shiftRanges([{ start: 10, end: 10, orphan: true }], [del(10, 4)]), [{ start: 10, end: 10, orphan: true }]);
  });

  it('keeps the text of every range that no change touches, for random multi-change events', () => {
    let seed = 1;
    const rand = (n: number) => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    const alphabet = 'abcdefghijklmnopqrstuvwxyz ';
    for (let trial = 0; trial < 300; trial++) {
      const text = Array.from({ length: 200 }, () => alphabet[rand(alphabet.length)]).join('');
      const ranges = Array.from({ length: 20 }, () => {
        const s = rand(190);
        return r(s, s + 1 + rand(9));
      });
      // Non-overlapping changes, in random order.
      const changes: { rangeOffset: number; rangeLength: number; text: string }[] = [];
      let at = rand(20);
      while (at < 200 && changes.length < 6) {
        const len = rand(4);
        changes.push({ rangeOffset: at, rangeLength: Math.min(len, 200 - at), text: 'Z'.repeat(rand(4)) });
        at += len + 1 + rand(40);
      }
      changes.sort(() => rand(3) - 1);
      let edited = text;
      for (const c of [...changes].sort((a, b) => b.rangeOffset - a.rangeOffset)) edited = edited.slice(0, c.rangeOffset) + c.text + edited.slice(c.rangeOffset + c.rangeLength);
      const out = shiftRanges(ranges, changes);
      ranges.forEach((range, i) => {
        const touched = changes.some((c) => c.rangeOffset <= range.end && c.rangeOffset + c.rangeLength >= range.start);
        if (!touched) assert.equal(edited.slice(out[i]!.start, out[i]!.end), text.slice(range.start, range.end), `trial ${trial} range ${i}`);
        else assert.ok(out[i]!.start <= out[i]!.end && out[i]!.end <= edited.length);
      });
    }
  });
});

describe('in-place range shifting (shiftOffsets)', () => {
  it('shifts the first `count` ranges of parallel arrays in place, and leaves the rest of the arrays alone', () => {
    const starts = Int32Array.of(10, 30, 50, 99);
    const ends = Int32Array.of(20, 40, 50, 99);
    const orphans = Uint8Array.of(0, 0, 1, 0);
    // Delete [28, 45) (all of the second range) and insert "ab" at 0.
    shiftOffsets(starts, ends, orphans, 3, [{ rangeOffset: 0, rangeLength: 0, text: 'ab' }, { rangeOffset: 28, rangeLength: 17, text: '' }]);
    assert.deepEqual([...starts], [12, 30, 35, 99]);
    assert.deepEqual([...ends], [22, 30, 35, 99]);
    assert.deepEqual([...orphans], [0, 1, 1, 0]);
  });
});
