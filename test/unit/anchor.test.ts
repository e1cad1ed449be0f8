import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { anchorAnnotations } from '../../src/core/anchor';
import { makeAnnotation } from '../../src/core/sidecar';
import { OffsetMap } from '../../src/core/offsets';
import type { Annotation } from '../../src/core/model';

const seed = fs.readFileSync(path.resolve(__dirname, '../../seeds/001_f449809abfeeccdc.txt'), 'utf8');

function annotate(text: string, quote: string, occurrence = 0, id = 'a-1'): Annotation {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(quote, at + 1);
  assert.ok(at >= 0, `quote in text: ${quote}`);
  const map = new OffsetMap(text);
  return makeAnnotation(text, map.toCodePoint(at), map.toCodePoint(at + quote.length), { id, label: 'claim' });
}

function placed(text: string, r: { start?: number; end?: number }): string {
  const map = new OffsetMap(text);
  return text.slice(map.toUtf16(r.start!), map.toUtf16(r.end!));
}

describe('re-anchoring', () => {
  const quote = 'immediate, sustained and irreversible action';

  it('keeps stored offsets when the quote still matches', () => {
    const a = annotate(seed, quote);
    const [r] = anchorAnnotations(seed, [a]);
    assert.equal(r!.status, 'exact');
    assert.equal(r!.start, a.start);
  });

  it('finds the quote after an insertion before it', () => {
    const a = annotate(seed, quote);
    const edited = 'BREAKING: a new first paragraph was added here.\n\n' + seed;
    const [r] = anchorAnnotations(edited, [a]);
    assert.equal(r!.status, 'moved');
    assert.equal(placed(edited, r!), quote);
    assert.equal(r!.start, a.start + 49);
  });

  it('finds an edited quote fuzzily (edit inside)', () => {
    const a = annotate(seed, quote);
    const edited = seed.replace(quote, 'immediate, sustained and irreversable actions');
    const [r] = anchorAnnotations(edited, [a]);
    assert.equal(r!.status, 'fuzzy');
    assert.match(placed(edited, r!), /^immediate, sustained and irreversable action/);
  });

  it('orphans an annotation whose text was deleted', () => {
    const paragraphs = seed.split('\n\n');
    const target = paragraphs.find((p) => p.includes('Zakiur Rehman Lakhvi'))!;
    const a = annotate(seed, target.slice(0, 80));
    const edited = paragraphs.filter((p) => p !== target).join('\n\n');
    const [r] = anchorAnnotations(edited, [a]);
    assert.equal(r!.status, 'orphan');
  });

  it('orphans after a total rewrite and leaves the annotation object unchanged', () => {
    const a = annotate(seed, quote);
    const copy = { ...a };
    const rewritten = 'Completely different text about the weather in Lisbon, which was sunny.\n'.repeat(20);
    const [r] = anchorAnnotations(rewritten, [a]);
    assert.equal(r!.status, 'orphan');
    assert.equal(r!.start, undefined);
    assert.deepEqual(a, copy);
  });

  it('picks the right one of duplicated quotes by context and distance', () => {
    const text = 'Alpha said “yes” on Monday. Beta said “yes” on Tuesday. Gamma said “yes” on Friday.';
    const second = annotate(text, 'yes', 1, 'a-2');
    // Insert text at the beginning: all occurrences shift, the second must stay the second.
    const edited = 'Update: ' + text;
    const [r] = anchorAnnotations(edited, [second]);
    assert.equal(r!.status, 'moved');
    assert.equal(r!.start, second.start + 8);
    // Prefix/suffix break the tie even when the old position is nearer another occurrence.
    const swapped = 'Gamma said “yes” on Friday. Beta said “yes” on Tuesday. Alpha said “yes” on Monday.';
    const third = annotate(text, 'yes', 2, 'a-3');
    const [r2] = anchorAnnotations(swapped, [third]);
    assert.equal(r2!.status, 'moved');
    assert.equal(swapped.slice(r2!.start! - 12, r2!.start), 'Gamma said “');
  });

  it('follows a moved paragraph', () => {
    const paragraphs = seed.split('\n\n');
    const a = annotate(seed, paragraphs[3]!.slice(0, 60));
    const moved = [paragraphs[3], ...paragraphs.slice(0, 3), ...paragraphs.slice(4)].join('\n\n');
    const [r] = anchorAnnotations(moved, [a]);
    assert.equal(r!.status, 'moved');
    assert.equal(r!.start, 0);
  });

  it('works on CRLF text and counts \\r as a code point', () => {
    const crlf = seed.replace(/\n/g, '\r\n');
    const later = 'Both sides denounced the use of terrorist proxies';
    const a = annotate(crlf, later);
    const lf = annotate(seed, later);
    assert.ok(a.start > lf.start, 'CRLF offsets count the \\r characters');
    const [r] = anchorAnnotations(crlf, [a]);
    assert.equal(r!.status, 'exact');
    // An LF annotation on the CRLF version of the article is re-found.
    const [r2] = anchorAnnotations(crlf, [lf]);
    assert.equal(r2!.status, 'moved');
    assert.equal(placed(crlf, r2!), later);
  });

  it('handles astral characters before the quote', () => {
    const text = '😀😀 The envoy said “we are ready” to reporters.';
    const a = annotate(text, 'we are ready');
    assert.equal(a.start, [...text.slice(0, text.indexOf('we are ready'))].length);
    assert.equal(a.start, text.indexOf('we are ready') - 2, 'two emoji count one code point each');
    const edited = '🎉' + text;
    const [r] = anchorAnnotations(edited, [a]);
    assert.equal(r!.start, a.start + 1);
    assert.equal(placed(edited, r!), 'we are ready');
  });
});

describe('re-anchoring, more cases', () => {
  it('takes the nearest of equally good duplicates', () => {
    const unit = 'The minister said no. ';
    const text = unit.repeat(6);
    const map = new OffsetMap(text);
    const at = text.indexOf('said', unit.length * 3);
    // Stored offsets point a little off (as after an edit elsewhere): the nearest copy wins.
    const a: Annotation = { id: 'a-1', label: 'claim', start: map.toCodePoint(at) + 5, end: map.toCodePoint(at) + 9, quote: 'said' };
    const [r] = anchorAnnotations(text, [a]);
    assert.equal(r!.status, 'moved');
    assert.equal(r!.start, at);
  });

  it('corrects a stored end that disagrees with the quote and calls it moved', () => {
    const a = annotate(seed, 'immediate, sustained and irreversible action');
    const [r] = anchorAnnotations(seed, [{ ...a, end: a.end + 3 }]);
    assert.equal(r!.status, 'moved');
    assert.equal(r!.start, a.start);
    assert.equal(r!.end, a.end);
  });

  it('does not take a short quote for a different word in rewritten text', () => {
    const text = 'Officials met in Islamabad on Monday to discuss trade and security.';
    const a = annotate(text, 'Monday');
    const rewritten = 'Delegates gathered in Lahore one Sunday afternoon to talk about tariffs.';
    const [r] = anchorAnnotations(rewritten, [a]);
    assert.equal(r!.status, 'orphan');
  });

  it('follows many annotations after edits spread over the article, keeping their order', () => {
    const paragraphs = seed.split('\n\n');
    const anns = paragraphs
      .filter((p) => p.length > 60)
      .map((p, i) => annotate(seed, p.slice(10, 50), 0, `a-${i}`));
    // Insert a sentence at the top of every paragraph.
    const edited = paragraphs.map((p) => `(Added.) ${p}`).join('\n\n');
    const results = anchorAnnotations(edited, anns);
    results.forEach((r, i) => {
      assert.equal(r.status, 'moved', anns[i]!.id);
      assert.equal(placed(edited, r), anns[i]!.quote);
      assert.equal(r.annotation, anns[i], 'results keep the input order and objects');
    });
  });

  it('finds a moved and lightly edited sentence anywhere in the text', () => {
    const paragraphs = seed.split('\n\n');
    const last = paragraphs.length - 1;
    const sentence = paragraphs[last]!.slice(0, 70);
    const a = annotate(seed, sentence);
    const edited = [paragraphs[last]!.replace(sentence, sentence.replace(/e/, 'E')), ...paragraphs.slice(0, last)].join('\n\n');
    const [r] = anchorAnnotations(edited, [a]);
    assert.equal(r!.status, 'fuzzy');
    assert.equal(r!.start, 0);
    assert.equal(placed(edited, r!), sentence.replace(/e/, 'E'));
  });

  it('orphans quotes that are empty or missing instead of throwing', () => {
    const results = anchorAnnotations(seed, [{ id: 'a', label: 'x', start: 0, end: 0, quote: '' }]);
    assert.equal(results[0]!.status, 'orphan');
  });
});
