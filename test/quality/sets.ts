/** The gold sets scored by `npm run quality` and `test/unit/detectQuality.test.ts`. */
import * as path from 'node:path';
import { detect } from '../../src/core/detect';
import { scoreGoldFile, type ArticleScore } from './score';

export const ROOT = path.resolve(__dirname, '../..');

export interface GoldSet {
  name: string;
  gold: string;
  /** Written after the detector, never used to change it: the honest figure. */
  unseen: boolean;
}

export const GOLD_SETS: GoldSet[] = [
  { name: 'seed articles', gold: 'test/fixtures/seeds.gold.yaml', unseen: false },
  { name: 'own articles, development', gold: 'test/fixtures/unseen/dev/gold.yaml', unseen: false },
  { name: 'own articles, held out', gold: 'test/fixtures/unseen/heldout/gold.yaml', unseen: true },
];

/** Scores the detector (no lexicon) on one gold set. */
export function scoreSet(set: GoldSet): ArticleScore[] {
  return scoreGoldFile(path.join(ROOT, set.gold), (t) => detect(t), path.join(ROOT, 'seeds'));
}
