/** The gold sets scored by `npm run quality` and `test/unit/detectQuality.test.ts`. */
import * as path from 'node:path';
import { detect } from '../../src/core/detect';
import { scoreGoldFile, type ArticleScore } from './score';

export const ROOT = path.resolve(__dirname, '../..');

/** The Wikinews corpus (real news, CC BY 2.5), beside the repository; its texts are not copied in. */
export const WIKINEWS_DIR = path.resolve(ROOT, '../shared/corpus/wikinews');

export interface GoldSet {
  name: string;
  /** Gold files (GOLD-FORMAT.md), relative to the repository. */
  gold: string[];
  /** Where the article texts are when not beside the gold file. */
  texts: string;
  /** Written after the detector, never used to change it: the honest figure. */
  unseen: boolean;
  /**
   * Held out: only its totals are ever printed (never its misses, not even with --verbose), so
   * that no rule is written against it.
   */
  heldout: boolean;
}

const SEEDS = path.join(ROOT, 'seeds');

export const GOLD_SETS: GoldSet[] = [
  { name: 'seed articles', gold: ['test/fixtures/seeds.gold.yaml'], texts: SEEDS, unseen: false, heldout: false },
  { name: 'own articles, development', gold: ['test/fixtures/unseen/dev/gold.yaml'], texts: SEEDS, unseen: false, heldout: false },
  { name: 'own articles, held out', gold: ['test/fixtures/unseen/heldout/gold.yaml'], texts: SEEDS, unseen: true, heldout: true },
  { name: 'Wikinews, development', gold: ['test/fixtures/wikinews/dev/gold-a.yaml', 'test/fixtures/wikinews/dev/gold-b.yaml'], texts: WIKINEWS_DIR, unseen: true, heldout: false },
  { name: 'Wikinews, held out', gold: ['test/fixtures/wikinews/heldout/gold.yaml'], texts: WIKINEWS_DIR, unseen: true, heldout: true },
];

/** Scores the detector (no lexicon) on one gold set. */
export function scoreSet(set: GoldSet): ArticleScore[] {
  return set.gold.flatMap((g) => {
    try {
      return scoreGoldFile(path.join(ROOT, g), (t) => detect(t), set.texts);
    } catch (e) {
      // A held-out set's errors name no claim text or article, so the cause is left off on purpose.
      // eslint-disable-next-line preserve-caught-error
      if (set.heldout) throw new Error(`${set.name}: the gold file ${g} could not be scored (details withheld: held-out set)`);
      throw e;
    }
  });
}
