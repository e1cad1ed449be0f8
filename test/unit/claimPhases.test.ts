/**
 * The phases of claim detection (`ClaimFinder` in src/core/detect/claims.ts), each run alone on
 * invented sentences: [text, phase, the claims (text → speaker) it finds by itself].
 */
import * as assert from 'node:assert/strict';
import { mergeMentions, scanMentions } from '../../src/core/detect/actors';
import { ClaimFinder } from '../../src/core/detect/claims';
import { normalizeForMatching } from '../../src/core/detect/text';
import { en } from '../../src/core/lang/en';
import { EMPTY_LEXICON } from '../../src/core/model';

type Phase = 'findQuotes' | 'findReported' | 'findParticiples' | 'findHearsay' | 'findContinuations';

function finder(text: string): ClaimFinder {
  const norm = normalizeForMatching(text);
  return new ClaimFinder(text, norm, mergeMentions(en, scanMentions(en, text, norm, EMPTY_LEXICON)));
}

describe('claim detection phases, each alone', () => {
  const cases: [string, Phase, Record<string, string | null>][] = [
    ['“We will rebuild the fleet by spring,” Tomas Brenner said.', 'findQuotes', { 'We will rebuild the fleet by spring': 'Tomas Brenner' }],
    ['Mayor Ana Reyes said: “The pier will stay closed until the divers finish.”', 'findQuotes', { 'The pier will stay closed until the divers finish': 'Ana Reyes' }],
    ['Mayor Ana Reyes said the pier would close in May.', 'findQuotes', {}],
    ['Mayor Ana Reyes said the pier would close in May.', 'findReported', { 'the pier would close in May': 'Ana Reyes' }],
    ['The pier will close in May, the Harbour Board said.', 'findReported', { 'The pier will close in May': 'Harbour Board' }],
    ['According to the Harbour Board, the pier will close in May.', 'findReported', { 'the pier will close in May': 'Harbour Board' }],
    ['The talks had failed once more, said Mayor Ana Reyes.', 'findReported', { 'The talks had failed once more': 'Ana Reyes' }],
    ['Mayor Ana Reyes closed the pier, saying the old boards were no longer safe.', 'findReported', {}],
    ['Mayor Ana Reyes closed the pier, saying the old boards were no longer safe.', 'findParticiples', { 'the old boards were no longer safe': 'Ana Reyes' }],
    ['No deaths were reported on the ground, with local media reporting no-one was in the houses.', 'findParticiples', { 'no-one was in the houses': null }],
    ['The ferry was reportedly delayed by ice near the harbour.', 'findHearsay', { 'delayed by ice near the harbour': null }],
    ['On September 25, it was reported Tomas Brenner was in hospital.', 'findHearsay', { 'Tomas Brenner was in hospital': null }],
    ['Mayor Ana Reyes spoke at the quay.\n\n“We have waited long enough for new boats, and the crews know it.”', 'findContinuations', { 'We have waited long enough for new boats, and the crews know it': 'Ana Reyes' }],
  ];
  for (const [text, phase, want] of cases) {
    it(`${phase}: ${text.slice(0, 60).replace(/\n/g, ' ')}…`, () => {
      const f = finder(text);
      // Continuations are the quotations the quote phase left pending: that phase runs first.
      if (phase === 'findContinuations') {
        f.findQuotes();
        f.claims.length = 0;
      }
      f[phase]();
      const got = Object.fromEntries(f.claims.map((c) => [c.text, c.speaker === null ? null : c.speaker.replace(/^(?:the|mayor)\s+/i, '')]));
      assert.deepEqual(got, want);
    });
  }

  it('the last phase drops a direct claim that an indirect claim of the same speaker holds', () => {
    const f = finder('Mayor Ana Reyes said the pier was “never safe for children” and closed it.');
    f.findQuotes();
    f.phase = 1;
    f.findReported();
    assert.ok(f.claims.some((c) => c.kind === 'direct'), 'the quote phase found the quoted phrase');
    const result = f.result();
    assert.deepEqual(result.map((c) => c.kind), ['indirect']);
  });
});
