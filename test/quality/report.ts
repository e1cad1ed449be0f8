/**
 * Prints detection quality on the gold sets (`npm run quality`; `npm run quality -- --verbose`
 * lists every miss of the development sets). Held-out sets print their totals only, even with
 * --verbose. The same sets and scorer back `test/unit/detectQuality.test.ts`.
 */
import { overlapRates, rates, sum, type ArticleScore, type Counts } from './score';
import { GOLD_SETS, scoreSet, type GoldSet } from './sets';

const f2 = (x: number): string => x.toFixed(2);

/** The report's lines; `verbose` adds the misses of every set not held out. */
export function reportLines(sets: readonly GoldSet[], verbose: boolean): string[] {
  const out: string[] = [];
  const log = (line: string): void => {
    out.push(line);
  };
  const rows: string[] = [
    '| articles | actors precision | actors recall | claims recall | claims precision | right speaker | gold actors / claims |',
    '|---|---|---|---|---|---|---|',
  ];
  const published: string[] = [
    '| articles | P @30 % | R @30 % | F1 @30 % | speaker @30 % | P @80 % | R @80 % | F1 @80 % | speaker @80 % |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  const addRows = (name: string, c: Counts): void => {
    const r = rates(c);
    rows.push(`| ${name} | ${f2(r.actorPrecision)} | ${f2(r.actorRecall)} | ${f2(r.claimRecall)} | ${f2(r.claimPrecision)} | ${f2(r.speakerAccuracy)} | ${c.goldActors} / ${c.goldClaims} |`);
    const a = overlapRates(c, 30);
    const b = overlapRates(c, 80);
    published.push(`| ${name} | ${f2(a.precision)} | ${f2(a.recall)} | ${f2(a.f1)} | ${f2(a.speakerAccuracy)} | ${f2(b.precision)} | ${f2(b.recall)} | ${f2(b.f1)} | ${f2(b.speakerAccuracy)} |`);
  };
  const own: ArticleScore[] = [];
  for (const set of sets) {
    const scores = scoreSet(set);
    if (set.gold.some((g) => g.includes('unseen'))) own.push(...scores);
    addRows(`${set.heldout ? '**' + set.name + '**' : set.name} (${scores.length})`, sum(scores));
    if (verbose && !set.heldout) {
      for (const s of scores) {
        log(`\n## ${set.name}: ${s.file}`);
        for (const [title, list] of [['missed actors', s.missedActors], ['wrong actors', s.wrongActors], ['missed claims', s.missedClaims], ['wrong speakers', s.wrongSpeakers]] as const) {
          if (list.length) log(`${title}:\n  ${list.join('\n  ')}`);
        }
      }
    }
  }
  addRows(`all own articles (${own.length})`, sum(own));
  log('\n' + rows.join('\n'));
  log('\nActors: right name and right type. Claims matched at 50 % span overlap. Right speaker: over all gold claims (a missed claim counts as a wrong speaker).');
  log('Targets on articles the detector was not written against: actors precision ≥ 0.85, recall ≥ 0.90; claims recall ≥ 0.80; right speaker ≥ 0.75.');
  log('\nClaims, the published way: matched at 30 % / 80 % span overlap (of the longer span, one-to-one); speaker accuracy over the claims matched at that overlap.\n');
  log(published.join('\n'));
  log('\nSets in bold are held out: only their totals are ever printed.');
  return out;
}

if (require.main === module) console.log(reportLines(GOLD_SETS, process.argv.includes('--verbose')).join('\n'));
