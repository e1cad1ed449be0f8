/** The English language pack's data: each word listed once, no name taken from the seed articles. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COUNTRIES, LISTS } from '../../src/core/lang/en';

const ROOT = path.resolve(__dirname, '../..');

describe('English language data', () => {
  for (const [name, list] of Object.entries(LISTS)) {
    it(`${name} lists each word once`, () => {
      const seen = new Set<string>();
      const twice = list.filter((w) => seen.has(w) || !seen.add(w));
      assert.deepEqual(twice, []);
    });
  }

  it('has no empty or padded entries', () => {
    for (const [name, list] of Object.entries(LISTS)) for (const w of list) assert.ok(w.length > 0 && w.trim() === w, `${name}: ${JSON.stringify(w)}`);
  });

  it('lists each country once across the keys, with demonyms listed once each', () => {
    for (const [country, dems] of Object.entries(COUNTRIES)) assert.equal(new Set(dems).size, dems.length, country);
  });

  it('FIRST_NAMES holds no word of the seed articles', () => {
    const seeds = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(ROOT, 'seeds', f), 'utf8')).join('\n');
    const words = new Set(seeds.normalize('NFC').split(/[^\p{L}'-]+/u));
    assert.deepEqual(LISTS.FIRST_NAMES!.filter((n) => words.has(n)), []);
  });
});
