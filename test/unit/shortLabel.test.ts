import * as assert from 'node:assert/strict';
import { shortLabel, SPEAKER_LABEL_MAX } from '../../src/core/shortLabel';

describe('shortLabel (inline speaker names)', () => {
  const table: { name: string; max?: number; want: string }[] = [
    { name: 'Mark C. Toner', want: 'Mark C. Toner' },
    { name: '', want: '' },
    { name: '  Stéphane\n  Dujarric ', want: 'Stéphane Dujarric' },
    // Exactly at the bound: kept whole.
    { name: 'abcdefghijklmnopqrstuvwx', want: 'abcdefghijklmnopqrstuvwx' },
    // Cut at a word boundary when it keeps enough of the name.
    { name: 'Deputy Emergency Situations Minister Alexander Chupriyan', want: 'Deputy Emergency…' },
    { name: 'United Nations Security Council', want: 'United Nations Security…' },
    // One long word: cut inside it.
    { name: 'Supercalifragilisticexpialidocious', want: 'Supercalifragilisticexp…' },
    // A word boundary too early is not used.
    { name: 'Al Supercalifragilisticexpialidocious', want: 'Al Supercalifragilistic…' },
    // Punctuation before the cut is dropped.
    { name: 'Ministry of Foreign Affairs, Islamabad', max: 28, want: 'Ministry of Foreign Affairs…' },
    // Code points, not UTF-16 units: an emoji counts once and is never split.
    { name: '😀😀😀😀😀😀😀😀😀😀', max: 5, want: '😀😀😀😀…' },
    { name: 'Anyone', max: 1, want: '…' },
  ];
  for (const c of table) {
    it(`${JSON.stringify(c.name)} (max ${c.max ?? SPEAKER_LABEL_MAX}) → ${JSON.stringify(c.want)}`, () => {
      const got = shortLabel(c.name, c.max);
      assert.equal(got, c.want);
      assert.ok([...got].length <= (c.max ?? SPEAKER_LABEL_MAX));
    });
  }
});
