/**
 * Prints detection quality on the gold sets (`npm run quality`; `npm run quality -- --verbose`
 * lists every miss of the development sets). Held-out sets print their totals only, even with
 * --verbose. The same sets and scorer back `test/unit/detectQuality.test.ts`.
 */
import { byRule, overlapRates, rates, sum, type ArticleScore, type Counts, type RuleCase } from './score';
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
  const scored = new Map<GoldSet, ArticleScore[]>();
  for (const set of sets) {
    const scores = scoreSet(set);
    scored.set(set, scores);
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
  log('Targets (issue 18) on articles the detector was not written against: actors precision ≥ 0.94, recall ≥ 0.92, right type ≥ 0.94; claims recall and precision ≥ 0.85; right speaker ≥ 0.75.');
  log('\nClaims, the published way: matched at 30 % / 80 % span overlap (of the longer span, one-to-one); speaker accuracy over the claims matched at that overlap.\n');
  log(published.join('\n'));
  log('\nSets in bold are held out: only their totals are ever printed.');
  // Development sets only: false claims and wrong speakers by the rule that found the claim, misses by
  // the gold cue; false actors by the rule that typed them, missed actors by what became of them.
  for (const set of sets) {
    if (set.heldout) continue;
    const scores = scored.get(set)!;
    log(`\n### ${set.name}: by rule`);
    const lists: [string, RuleCase[]][] = [
      ['false claims', scores.flatMap((s) => s.falseClaims)],
      ['wrong speakers', scores.flatMap((s) => s.wrongSpeakersByRule)],
      ['missed claims', scores.flatMap((s) => s.missedByCue)],
      ['false actors', scores.flatMap((s) => s.wrongActorsByRule)],
      ['missed actors', scores.flatMap((s) => s.missedActorsByRule)],
    ];
    for (const [title, cases] of lists) {
      const groups = byRule(cases);
      const shown = verbose ? groups : groups.slice(0, 8);
      const more = groups.length - shown.length;
      log(`${title} (${cases.length}): ${shown.map(([r, l]) => `${r} ${l.length}`).join(', ') || 'none'}${more > 0 ? `, and ${more} more groups (--verbose)` : ''}`);
      if (verbose) for (const [r, l] of groups) log(`  ${r}:\n    ${l.map((c) => c.text).join('\n    ')}`);
    }
  }
  return out;
}

if (require.main === module) console.log(reportLines(GOLD_SETS, process.argv.includes('--verbose')).join('\n'));
