import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { OffsetMap, sliceCodePoints } from '../../src/core/offsets';

const seed000 = fs.readFileSync(path.resolve(__dirname, '../../seeds/000_567447e36de95f9e.txt'), 'utf8');

describe('OffsetMap (UTF-16 ↔ code points)', () => {
  it('is the identity on text without astral characters, including NBSP and thin space', () => {
    const map = new OffsetMap(seed000);
    assert.ok(seed000.includes('\u2009') && seed000.includes('\u00a0'), 'seed 000 has a thin space and a no-break space');
    assert.equal(map.codePointLength, seed000.length);
    for (const u of [0, 215, 1000, seed000.length]) {
      assert.equal(map.toCodePoint(u), u);
      assert.equal(map.toUtf16(u), u);
    }
  });

  it('counts an emoji as one code point and two UTF-16 units', () => {
    const text = 'ab😀cd😀\u00a0e';
    const map = new OffsetMap(text);
    assert.equal(map.codePointLength, [...text].length);
    assert.equal(map.codePointLength, 8);
    assert.equal(map.utf16Length, 10);
    // 'c' is UTF-16 4, code point 3
    assert.equal(text[4], 'c');
    assert.equal(map.toCodePoint(4), 3);
    assert.equal(map.toUtf16(3), 4);
    // after the second emoji
    assert.equal(map.toCodePoint(8), 6);
    assert.equal(map.toUtf16(6), 8);
    assert.equal(sliceCodePoints(text, 2, 3), '😀');
    assert.equal(sliceCodePoints(text, 6, 8), '\u00a0e');
    // between the halves of a surrogate pair: rounds down to the pair
    assert.equal(map.toCodePoint(3), 2);
  });

  it('round-trips every boundary of a mixed text', () => {
    const text = '🇺🇳 UN\u2009chief’s 𝑥 “quote” 😀';
    const map = new OffsetMap(text);
    const cps = [...text];
    let u = 0;
    for (let cp = 0; cp <= cps.length; cp++) {
      assert.equal(map.toUtf16(cp), u, `cp ${cp}`);
      assert.equal(map.toCodePoint(u), cp, `u ${u}`);
      if (cp < cps.length) u += cps[cp]!.length;
    }
  });

  it('clamps out-of-range offsets', () => {
    const map = new OffsetMap('a😀b');
    assert.equal(map.toUtf16(99), 4);
    assert.equal(map.toCodePoint(-5), 0);
  });
});
