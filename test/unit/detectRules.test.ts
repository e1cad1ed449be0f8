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

/** Actor rules on invented sentences: [text, name the detector must report, its type] and names it must not report. */
describe('actor rules', () => {
  const found: [string, string, string][] = [
    ['Prosecutor Anna Kowalska told reporters the trial would start soon.', 'Anna Kowalska', 'person'],
    ['Assemblywoman Rosa Delgado voted against the bill.', 'Rosa Delgado', 'person'],
    ['Democrat Lena Hartwell won the seat.', 'Lena Hartwell', 'person'],
    ['The bill was filed by Representatives Tom Ashby, Carla Munro and Ed Vance.', 'Tom Ashby', 'person'],
    ['United States Attorney Jessie Marlow said the charges were serious.', 'Jessie Marlow', 'person'],
    ['Floods hit Kerala and Ohio this week.', 'Kerala', 'place'],
    ['Floods hit Kerala and Ohio this week.', 'Ohio', 'place'],
    ['The governor of Saskatchewan spoke.', 'Saskatchewan', 'place'],
    ['He wrote a column in The Sentinel about the vote.', 'Sentinel', 'organization'],
    ['Baker played with The Yardbirds and Cream.', 'Cream', 'organization'],
    ['The former prosecutor said via Twitter that the call was improper.', 'Twitter', 'organization'],
    ['The mayor wrote on Mastodon that the road would reopen.', 'Mastodon', 'organization'],
    ['Officers from Thames Valley Police arrested two men.', 'Thames Valley Police', 'organization'],
    ['She was treated at Saint Anselm Hospital overnight.', 'Saint Anselm Hospital', 'organization'],
    ['The news was confirmed by his daughter Nettie.', 'Nettie', 'person'],
    ['Speaking to Martin Osgood of PBS, he denied it.', 'Martin Osgood', 'person'],
    ["Wikinews' Nicholas Brandt attended the event.", 'Nicholas Brandt', 'person'],
    ['The firm agreed with Airbus to build Airbus A300s locally.', 'Airbus', 'organization'],
  ];
  for (const [text, name, type] of found) {
    it(`finds ${name} (${type}): ${text.slice(0, 50)}…`, () => {
      const actors = detect(text).actors.map((a) => `${a.name} (${a.type})`);
      assert.ok(actors.includes(`${name} (${type})`), `actors found: ${JSON.stringify(actors)}`);
    });
  }

  const notActors: [string, string][] = [
    ['The polls closed at 20:00 UTC and the IST results came at 9 AM IST.', 'UTC'],
    ['The polls closed at 20:00 UTC and the IST results came at 9 AM IST.', 'IST'],
    ['The station broadcasts on 98.5 FM. FM radio is popular.', 'FM'],
    ['She earned a PhD in physics. The PhD took five years.', 'PhD'],
    ['Health workers fought the Ebola outbreak for months. Ebola killed many. Ebola spread.', 'Ebola'],
    ['The plant was sold to Veltrix Holdings, Inc. last year.', 'Inc'],
    ['The old Boeing B-17 Flying Fortress crashed near the runway.', 'Flying Fortress'],
    ['The Falcon Heavy rocket lifted off at dawn.', 'Falcon Heavy'],
    ['Ancient Egyptians kept birds. Ancient Egyptians also kept cats.', 'Ancient Egyptians'],
    ['Warm water melts the shelf. Warm water also moves north.', 'Warm'],
    ['US Increases Pressure On Pakistan Over 2016 Attacks\n\nThe United States said Pakistan must act. Mayor Ines Corbett of Karachi said the pressure would grow.', 'Increases Pressure On Pakistan'],
    ['Council Increases Pressure On Rivals Over 2019 Harbour Plans\n\nThe council met in Vellmar on Monday. Mayor Ines Corbett said the plans would change.', 'Harbour Plans'],
    ['Officials from the University of Orlen and Stanwick University met.', 'University of Orlen and Stanwick University'],
  ];
  for (const [text, name] of notActors) {
    it(`reports no actor ${JSON.stringify(name)}: ${text.slice(0, 50).replace(/\n/g, ' ')}…`, () => {
      const names = detect(text).actors.flatMap((a) => [a.name, ...a.aliases]);
      assert.ok(!names.includes(name), `actors found: ${JSON.stringify(names)}`);
    });
  }

  it('still finds the names a Title Case headline shares with the text', () => {
    const text = 'Council Increases Pressure On Vellmar Over 2019 Harbour Plans\n\nThe council met in Vellmar on Monday. Mayor Ines Corbett said the plans would change.';
    const names = detect(text).actors.map((a) => a.name);
    assert.ok(names.includes('Vellmar'), JSON.stringify(names));
    assert.ok(names.includes('Ines Corbett'), JSON.stringify(names));
  });
});
