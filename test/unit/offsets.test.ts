import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
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

describe('OffsetMap, more cases', () => {
  it('clamps on texts without astral characters too', () => {
    const map = new OffsetMap('abc');
    assert.equal(map.toUtf16(99), 3);
    assert.equal(map.toCodePoint(-1), 0);
    assert.equal(map.toCodePoint(7), 3);
  });

  it('counts \\r of CRLF line ends as a code point', () => {
    const text = 'one\r\ntwo 😀\r\nthree';
    const map = new OffsetMap(text);
    assert.equal(map.codePointLength, [...text].length);
    const three = map.toCodePoint(text.indexOf('three'));
    assert.equal(three, 'one\r\ntwo X\r\n'.length);
    assert.equal(sliceCodePoints(text, three, three + 5, map), 'three');
  });

  it('treats a lone surrogate as one code point, like the string iterator', () => {
    const text = 'a\ud800b\udc00c😀d';
    const map = new OffsetMap(text);
    assert.equal(map.codePointLength, [...text].length);
    assert.equal(map.toUtf16(map.codePointLength), text.length);
  });

  it('agrees with the string iterator on random texts mixing BMP, astral and lone surrogates', () => {
    const pieces = ['a', ' ', '\u00a0', '\u2009', 'é', '\r\n', '😀', '🇺🇳', '𝑥', '\ud800', '\udc00'];
    let seed = 7;
    for (let trial = 0; trial < 200; trial++) {
      let text = '';
      for (let i = 0; i < 40; i++) {
        seed = (seed * 48271) % 2147483647;
        text += pieces[seed % pieces.length];
      }
      const map = new OffsetMap(text);
      const cps = [...text];
      assert.equal(map.codePointLength, cps.length);
      let u = 0;
      for (let cp = 0; cp <= cps.length; cp++) {
        assert.equal(map.toUtf16(cp), u);
        assert.equal(map.toCodePoint(u), cp);
        if (cp < cps.length) u += cps[cp]!.length;
      }
    }
  });
});

describe('OffsetMap on generated texts (fast-check: astral characters, lone surrogates, CRLF)', () => {
  // Pieces a real article and a hostile one can hold: ASCII, CRLF, NBSP, emoji, a flag (two
  // astral code points), lone high and low surrogates, and combining marks.
  const piece = fc.constantFrom('a', 'Z', ' ', '\r\n', '\n', '\u00a0', '😀', '🇵🇰', '\ud800', '\udc00', 'e\u0301', '“', '\t');
  const text = fc.array(piece, { maxLength: 200 }).map((xs) => xs.join(''));
  const codePoints = (t: string) => [...t].length; // a lone surrogate is one code point, as for the map

  it('toUtf16 and toCodePoint are inverse on every code-point offset (as Array.from counts them)', () => {
    fc.assert(
      fc.property(text, (t) => {
        const map = new OffsetMap(t);
        assert.equal(map.codePointLength, codePoints(t));
        const cps = [...t];
        let u = 0;
        for (let c = 0; c <= cps.length; c++) {
          assert.equal(map.toUtf16(c), u, `code point ${c}`);
          assert.equal(map.toCodePoint(u), c, `UTF-16 offset ${u}`);
          if (c < cps.length) u += cps[c]!.length;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('slices by code points are the same text Array.from gives, between any two offsets', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
        const map = new OffsetMap(t);
        const n = map.codePointLength;
        const [s, e] = [a % (n + 1), b % (n + 1)].sort((x, y) => x - y) as [number, number];
        assert.equal(sliceCodePoints(t, s, e, map), [...t].slice(s, e).join(''));
      }),
      { numRuns: 300 },
    );
  });
});
