/** The English language pack's data: each word listed once, no name taken from the seed articles. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { COUNTRIES, FIRST_NAMES, LISTS } from '../../src/core/lang/en';

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
    assert.deepEqual([...FIRST_NAMES].filter((n) => words.has(n)), []);
  });

  it('lists a first name in one list only', () => {
    const census = new Set(LISTS.CENSUS_FIRST_NAMES);
    assert.deepEqual(LISTS.WORLD_FIRST_NAMES!.filter((n) => census.has(n)), []);
  });

  // Names beyond the census list are general knowledge: none may come from a person named in a
  // gold set (own articles, Wikinews development and held out). Only the count of a held-out
  // set's hits is shown, never the names.
  const GOLD = ['test/fixtures/seeds.gold.yaml', 'test/fixtures/unseen/dev/gold.yaml', 'test/fixtures/unseen/heldout/gold.yaml', 'test/fixtures/wikinews/dev/gold-a.yaml', 'test/fixtures/wikinews/dev/gold-b.yaml', 'test/fixtures/wikinews/heldout/gold.yaml'];
  for (const file of GOLD) {
    it(`WORLD_FIRST_NAMES holds no word of a person named in ${file}`, () => {
      const gold = YAML.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as { articles?: { actors?: { name: string; type: string; forms?: string[] }[] }[] };
      const words = new Set<string>();
      for (const a of gold.articles ?? []) for (const actor of a.actors ?? []) if (actor.type === 'person') for (const n of [actor.name, ...(actor.forms ?? [])]) for (const w of n.split(/\s+/)) words.add(w);
      const hits = LISTS.WORLD_FIRST_NAMES!.filter((n) => words.has(n));
      if (file.includes('heldout')) assert.equal(hits.length, 0, `${hits.length} name(s) of a held-out gold set in WORLD_FIRST_NAMES`);
      else assert.deepEqual(hits, []);
    });
  }
});
