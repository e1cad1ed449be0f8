/** detect(text, lexicon, language): the actor rules read their vocabulary from the language pack they are given. */
import * as assert from 'node:assert/strict';
import { detect, type LanguagePack } from '../../src/core/detect';
import { en } from '../../src/core/lang/en';
import { EMPTY_LEXICON } from '../../src/core/model';

/** The English pack with some words added to some of its sets (invented words). */
function withWords(add: Partial<Record<keyof LanguagePack, string[]>>): LanguagePack {
  const pack: Record<string, unknown> = { ...en, code: 'en-x-test' };
  for (const [key, words] of Object.entries(add)) pack[key] = new Set([...(en[key as keyof LanguagePack] as ReadonlySet<string>), ...words!]);
  return pack as unknown as LanguagePack;
}

const typed = (text: string, pack?: LanguagePack) => detect(text, EMPTY_LEXICON, pack).actors.map((a) => `${a.name} (${a.type})`);

describe('language pack', () => {
  it('English is the default', () => {
    const text = 'Mayor Ana Reyes said the bridge in Norway was safe. The Basin Authority said that inspections would continue.';
    assert.deepEqual(detect(text, EMPTY_LEXICON, en), detect(text));
  });

  // [text, words added to the pack, actor found without them (or null), with them]
  const cases: [string, Partial<Record<keyof LanguagePack, string[]>>, string | null, string][] = [
    ['Floods hit Varnavia on Monday. Varnavia asked for help.', { knownPlaces: ['Varnavia'] }, null, 'Varnavia (place)'],
    ['He spoke to the Kolvan Zunft yesterday.', { orgHeads: ['Zunft'] }, 'Kolvan Zunft (place)', 'Kolvan Zunft (organization)'],
    ['Landrat Jonas Ebbe opened the road.', { titleWords: ['Landrat'], titleHeads: ['Landrat'] }, 'Landrat Jonas Ebbe (person)', 'Jonas Ebbe (person)'],
  ];
  for (const [text, add, before, after] of cases) {
    it(`${JSON.stringify(add)}: ${text}`, () => {
      const plain = typed(text);
      if (before) assert.ok(plain.includes(before), JSON.stringify(plain));
      else assert.ok(!plain.includes(after), JSON.stringify(plain));
      const got = typed(text, withWords(add));
      assert.ok(got.includes(after), JSON.stringify(got));
    });
  }
});
