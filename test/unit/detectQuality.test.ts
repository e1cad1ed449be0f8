/**
 * Detection quality against gold annotations written by people reading the articles
 * (test/fixtures/GOLD-FORMAT.md). `npm run quality` prints the same figures with every miss.
 *
 * The floors are the levels reached, rounded down: a change that makes detection worse fails
 * here. The targets (on articles the detector was not written against: actors precision
 * ≥ 0.85 and recall ≥ 0.90 with the right type, claims recall ≥ 0.80, right speaker ≥ 0.75) are
 * asserted where they are met; docs/detection-quality.md says where they are not.
 */
import * as assert from 'node:assert/strict';
import { rates, scoreArticle, sum, type Rates } from '../quality/score';
import { GOLD_SETS, scoreSet } from '../quality/sets';

const FLOORS: Record<string, Rates> = {
  'seed articles': { actorPrecision: 0.95, actorRecall: 0.9, claimRecall: 0.8, claimPrecision: 0.9, speakerAccuracy: 0.68 },
  'own articles, development': { actorPrecision: 0.95, actorRecall: 0.94, claimRecall: 0.92, claimPrecision: 0.92, speakerAccuracy: 0.9 },
  // Held out: at or above the targets.
  'own articles, held out': { actorPrecision: 0.9, actorRecall: 0.9, claimRecall: 0.9, claimPrecision: 0.8, speakerAccuracy: 0.85 },
};

describe('detection quality on gold articles', () => {
  for (const set of GOLD_SETS) {
    it(`${set.name}: precision and recall at or above their floors`, () => {
      const floor = FLOORS[set.name];
      assert.ok(floor, `a floor for ${set.name}`);
      const scores = scoreSet(set);
      assert.ok(scores.length >= 3, 'the set has articles');
      const got = rates(sum(scores));
      const below = (Object.keys(floor) as (keyof Rates)[]).filter((k) => got[k] < floor[k]).map((k) => `${k} ${got[k].toFixed(3)} < ${floor[k]}`);
      assert.deepEqual(below, [], `${set.name}: ${JSON.stringify(got)}`);
    });
  }

  it('the scorer counts a wrong type, a missed claim and a wrong speaker against the detector', () => {
    // A hand-made detection with known mistakes, scored against a small gold article.
    const text = 'Minister Ana Lopes said the dam was safe. “It will hold,” she said. The Basin Authority disagreed.';
    const gold = {
      file: 'x.txt',
      actors: [
        { name: 'Ana Lopes', type: 'person' as const, forms: ['Ana Lopes'] },
        { name: 'Basin Authority', type: 'organization' as const, forms: ['Basin Authority'] },
      ],
      claims: [
        { text: 'the dam was safe', speaker: 'Ana Lopes', kind: 'indirect' as const },
        { text: 'It will hold', speaker: 'Ana Lopes', kind: 'direct' as const },
      ],
    };
    const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });
    const score = scoreArticle(text, {
      actors: [
        { id: 'p', name: 'Ana Lopes', type: 'person', aliases: [], mentions: [at('Ana Lopes')] },
        { id: 'b', name: 'Basin Authority', type: 'place', aliases: [], mentions: [at('Basin Authority')] },
      ],
      claims: [{ ...at('the dam was safe'), speaker: 'Basin Authority', cue: 'said', kind: 'indirect' }],
    }, gold);
    assert.equal(score.actorsFound, 1, 'the organisation typed as a place is not found');
    assert.equal(score.detectedCorrect, 1);
    assert.equal(score.claimsMatched, 1, 'the quote was missed');
    assert.equal(score.speakerCorrect, 0, 'the speaker is wrong');
  });
});
