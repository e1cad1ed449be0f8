/** Each detected claim carries the rule that found it (an index into CLAIM_RULES), for the quality report. */
import * as assert from 'node:assert/strict';
import { detect } from '../../src/core/detect';
import { CLAIM_RULES, ClaimRule } from '../../src/core/detect/claims';

describe('detection rule ids', () => {
  const cases: [string, string][] = [
    ['The ferry company Northwind Lines reported losses. “We will rebuild the fleet by spring,” Tomas Brenner said.', 'quote'],
    ['Tomas Brenner spoke at the quay. “We will rebuild the fleet by spring,” he said. “The crews have waited long enough for new boats.”', 'continued quote'],
    ['Tomas Brenner spoke at the quay. But, he said, the crews had waited long enough for new boats.', 'parenthetical'],
    ['According to the Harbour Board, the old pier will close for repairs next week.', 'according to (lead)'],
    ['The old pier will close for repairs next month, the Harbour Board said.', 'tail attribution'],
    ['The Harbour Board said that the old pier would close for repairs in the spring.', 'reporting verb'],
    ['The Harbour Board urged residents to avoid the old pier at night until the repairs end.', 'demand'],
  ];
  for (const [text, rule] of cases) {
    it(`${rule}: ${text.slice(0, 50)}…`, () => {
      const rules = detect(text).claims.map((c) => CLAIM_RULES[c.rule!]);
      assert.ok(rules.includes(rule), `rules found: ${JSON.stringify(rules)}`);
    });
  }

  it('names every rule once', () => {
    const ids = Object.values(ClaimRule);
    assert.deepEqual([...ids].sort((a, b) => a - b), CLAIM_RULES.map((_, i) => i));
    assert.equal(new Set(CLAIM_RULES).size, CLAIM_RULES.length);
  });

  it('every claim of a longer text has a rule', () => {
    const text = 'Mayor Ana Reyes said the bridge was safe. “It will hold,” she said. The Basin Authority said that inspections would continue.';
    const claims = detect(text).claims;
    assert.ok(claims.length >= 2);
    assert.deepEqual(claims.filter((c) => c.rule === undefined), []);
  });
});
