import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { anchorAnnotations, EditFollower, type ContentChange, type LiveRange } from '../../src/core/anchor';
import type { Annotation } from '../../src/core/model';
import { applyChanges as apply, asBlock } from './inMemoryWorkspace';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus/wikinews');
const articles = fs
  .readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .slice(0, 40)
  .map((f) => fs.readFileSync(path.join(CORPUS, f), 'utf8'));

const CONTEXT = 32;
function live(text: string, start: number, end: number): LiveRange {
  return {
    annotation: { quote: text.slice(start, end), prefix: text.slice(Math.max(0, start - CONTEXT), start), suffix: text.slice(end, end + CONTEXT) },
    status: 'exact',
    start16: start,
    end16: end,
  };
}



function checkInvariant(text: string, items: readonly LiveRange[]): void {
  for (const it of items) {
    if (it.status === 'orphan' || it.status === 'fuzzy') continue;
    assert.equal(text.slice(it.start16, it.end16), it.annotation.quote, `an anchored annotation covers its quote (${it.status})`);
  }
}

describe('following edits: touched annotations are found again or orphaned', () => {
  const text = 'Barack Obama met Angela Merkel in Berlin on Monday. Later, Obama flew to Paris.\nThe end.\n';
  const at = (q: string, from = 0) => text.indexOf(q, from);

  const cases: { name: string; change: (t: string) => ContentChange[]; quote: string; status: string }[] = [
    { name: 'typing inside grows no range: fuzzy', change: () => [{ rangeOffset: at('Obama') + 2, rangeLength: 0, text: 'x' }], quote: 'Barack Obama', status: 'fuzzy' },
    { name: 'deleting the text orphans it', change: () => [{ rangeOffset: at('Angela Merkel'), rangeLength: 'Angela Merkel'.length, text: '' }], quote: 'Angela Merkel', status: 'orphan' },
    { name: 'a block replacement around it keeps it', change: (t) => [{ rangeOffset: 0, rangeLength: t.indexOf('\n'), text: 'Headline.\n' + t.slice(0, t.indexOf('\n')) }], quote: 'Angela Merkel', status: 'moved' },
    { name: 'a partial deletion does not shrink it: fuzzy', change: () => [{ rangeOffset: at('Merkel'), rangeLength: 10, text: '' }], quote: 'Angela Merkel', status: 'fuzzy' },
    { name: 'a short quote deleted is not moved to a neighbour', change: () => [{ rangeOffset: at(' on ') + 1, rangeLength: 2, text: '' }], quote: 'on', status: 'orphan' },
    { name: 'typing before it, outside, only shifts it', change: () => [{ rangeOffset: at('Obama'), rangeLength: 0, text: 'H. ' }], quote: 'Obama', status: 'exact' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const s = at(c.quote);
      const items = [live(text, s, s + c.quote.length)];
      const changes = c.change(text);
      const after = apply(text, changes);
      new EditFollower().follow(items, changes, () => after);
      assert.equal(items[0]!.status, c.status);
      checkInvariant(after, items);
    });
  }

  it('undo of a deletion brings the annotation back anchored', () => {
    const q = 'Angela Merkel';
    const s = at(q);
    const items = [live(text, s, s + q.length)];
    const follower = new EditFollower();
    const del: ContentChange[] = [{ rangeOffset: s, rangeLength: q.length, text: '' }];
    const deleted = apply(text, del);
    follower.follow(items, del, () => deleted);
    assert.equal(items[0]!.status, 'orphan');
    const undo: ContentChange[] = [{ rangeOffset: s, rangeLength: 0, text: q }];
    follower.follow(items, undo, () => text);
    assert.notEqual(items[0]!.status, 'orphan');
    assert.equal(text.slice(items[0]!.start16, items[0]!.end16), q);
  });

  it('asks for the text only when a change touches an annotation', () => {
    const items = [live(text, at('Paris'), at('Paris') + 5)];
    let asked = 0;
    new EditFollower().follow(items, [{ rangeOffset: 0, rangeLength: 0, text: 'A ' }], () => {
      asked++;
      return 'A ' + text;
    });
    assert.equal(asked, 0);
    assert.equal(items[0]!.start16, at('Paris') + 2);
  });
});

describe('anchoring a short quote (issue 17)', () => {
  it('prefers the occurrence whose whole suffix matches over one sharing more prefix', () => {
    // The stored "of": its 32-character suffix is still there in full after the second "of",
    // while the first "of" shares 31 of the 32 characters of its prefix (and the start of its
    // suffix): more context in all, but only partly.
    const suffix = ' the committee, said on Tuesday.';
    const head = 'Reporters heard that the deputy head ';
    const text = head + 'of the commission spoke. After him the chair of' + suffix + ' More text.';
    const prefix = 'X' + head.slice(-31);
    const a: Annotation = { id: 'a', label: 'x', start: 0, end: 2, quote: 'of', prefix, suffix };
    const [r] = anchorAnnotations(text, [a]);
    assert.equal(r!.start, text.indexOf('of' + suffix));
    assert.equal(r!.status, 'moved');
  });
});

describe('following edits over Wikinews articles (property)', () => {
  const editArb = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat(40), ins: fc.constantFrom('', 'x', 'the ', 'New words here. ', '\n', 'Obama ') });
  const arb = fc.record({
    article: fc.nat(articles.length - 1),
    ranges: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.integer({ min: 2, max: 40 }) }), { minLength: 1, maxLength: 12 }),
    edits: fc.array(editArb, { minLength: 1, maxLength: 6 }),
    block: fc.boolean(),
  });

  it('keeps each annotation on its quote or marks it; untouched text and context stay anchored', () => {
    fc.assert(
      fc.property(arb, ({ article, ranges, edits, block }) => {
        const text = articles[article]!;
        const items = ranges.map((r) => {
          const s = Math.floor(r.at * (text.length - r.len));
          return live(text, s, s + r.len);
        });
        // Non-overlapping changes in the text before the event.
        const sorted = edits.map((e) => ({ off: Math.floor(e.at * text.length), del: e.del, ins: e.ins })).sort((a, b) => a.off - b.off);
        const changes: ContentChange[] = [];
        let lastEnd = -1;
        for (const e of sorted) {
          if (e.off <= lastEnd) continue;
          const len = Math.min(e.del, text.length - e.off);
          changes.push({ rangeOffset: e.off, rangeLength: len, text: e.ins });
          lastEnd = e.off + len;
        }
        const after = apply(text, changes);
        const event = block ? asBlock(text, after) : changes;
        const before = items.map((it) => ({ ...it, annotation: { ...it.annotation } }));
        new EditFollower().follow(items, event, () => after);
        checkInvariant(after, items);
        // An annotation whose text and context no change reached stays anchored on its quote.
        before.forEach((b, i) => {
          const lo = b.start16 - CONTEXT;
          const hi = b.end16 + CONTEXT;
          const untouched = changes.every((c) => c.rangeOffset + c.rangeLength < lo || c.rangeOffset > hi);
          if (untouched) {
            assert.notEqual(items[i]!.status, 'orphan', 'an annotation whose text and context survive stays anchored');
            assert.notEqual(items[i]!.status, 'fuzzy');
          }
        });
      }),
      { numRuns: 300, seed: 16 },
    );
  });
});

describe('following a block replacement of annotations written without context', () => {
  it('finds each again at its nearest occurrence, and orphans the one whose text is gone', () => {
    const text = 'Headline about Berlin.\nObama met Merkel.\nLater Merkel left.\n';
    const after = 'A new headline.\nObama, the former president, met Merkel.\nLater Merkel left.\n';
    const bare = (q: string): LiveRange => ({ annotation: { quote: q, prefix: '', suffix: '' }, status: 'exact', start16: text.indexOf(q), end16: text.indexOf(q) + q.length });
    const items = [bare('Berlin'), bare('Obama'), bare('Merkel')];
    new EditFollower().follow(items, asBlock(text, after), () => after);
    assert.deepEqual(
      items.map((i) => [i.status, after.slice(i.start16, i.end16)]),
      [['orphan', ''], ['moved', 'Obama'], ['moved', 'Merkel']],
    );
    assert.equal(items[2]!.start16, after.indexOf('Merkel'));
  });
});
