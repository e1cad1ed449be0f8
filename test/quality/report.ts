/**
 * Prints detection quality on the gold sets (`npm run quality`; `npm run quality -- --verbose`
 * lists every miss). The same sets and scorer back `test/unit/detectQuality.test.ts`.
 */
import { rates, sum, type ArticleScore } from './score';
import { GOLD_SETS, scoreSet } from './sets';

const f2 = (x: number): string => x.toFixed(2);

function main(): void {
  const verbose = process.argv.includes('--verbose');
  const rows: string[] = [
    '| articles | actors precision | actors recall | claims recall | claims precision | right speaker | gold actors / claims |',
    '|---|---|---|---|---|---|---|',
  ];
  const own: ArticleScore[] = [];
  for (const set of GOLD_SETS) {
    const scores = scoreSet(set);
    if (set.gold.includes('unseen')) own.push(...scores);
    const c = sum(scores);
    const r = rates(c);
    rows.push(`| ${set.name} (${scores.length}) | ${f2(r.actorPrecision)} | ${f2(r.actorRecall)} | ${f2(r.claimRecall)} | ${f2(r.claimPrecision)} | ${f2(r.speakerAccuracy)} | ${c.goldActors} / ${c.goldClaims} |`);
    if (verbose) {
      for (const s of scores) {
        console.log(`\n## ${set.name}: ${s.file}`);
        for (const [title, list] of [['missed actors', s.missedActors], ['wrong actors', s.wrongActors], ['missed claims', s.missedClaims], ['wrong speakers', s.wrongSpeakers]] as const) {
          if (list.length) console.log(`${title}:\n  ${list.join('\n  ')}`);
        }
      }
    }
  }
  const c = sum(own);
  const u = rates(c);
  rows.push(`| all own articles (${own.length}) | ${f2(u.actorPrecision)} | ${f2(u.actorRecall)} | ${f2(u.claimRecall)} | ${f2(u.claimPrecision)} | ${f2(u.speakerAccuracy)} | ${c.goldActors} / ${c.goldClaims} |`);
  console.log('\n' + rows.join('\n'));
  console.log('\nActors: right name and right type. Right speaker: over all gold claims (a missed claim counts as a wrong speaker).');
  console.log('Targets on articles the detector was not written against: actors precision ≥ 0.85, recall ≥ 0.90; claims recall ≥ 0.80; right speaker ≥ 0.75.');
}

main();
