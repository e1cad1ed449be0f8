/** Each detected actor and mention carries the rule that typed it (an index into ACTOR_RULES), for the quality report. */
import * as assert from 'node:assert/strict';
import { detect } from '../../src/core/detect';
import { ACTOR_RULES, ActorRule } from '../../src/core/detect/actors';

describe('actor rule ids', () => {
  // [text, actor name, its type, the rule that typed it] (invented names and sentences).
  const cases: [string, string, string, string][] = [
    ['The ferry left Norway on Monday.', 'Norway', 'place', 'gazetteer'],
    ['Officials in the Gulf of Varna met.', 'Gulf of Varna', 'place', 'geographic name'],
    ['OSTRAVA — The council met on Monday.', 'Ostrava', 'place', 'dateline'],
    ['President Lena Hartwell spoke.', 'Lena Hartwell', 'person', 'title'],
    ['The case was heard by Dr Kowalczyk yesterday.', 'Kowalczyk', 'person', 'honorific'],
    ['Jan Ostrowski, an independent senator, voted no.', 'Ostrowski', 'person', 'appositive role'],
    ['On Monday, Varnak militants attacked the base.', 'Varnak', 'organization', 'member noun'],
    ['The deal with Quillon, Inc. was signed.', 'Quillon', 'organization', 'legal form'],
    ['The mayor said via Twitter that the road would reopen.', 'Twitter', 'organization', 'platform'],
    ['The airline bought Kestrel K-200 jets.', 'Kestrel', 'organization', 'maker'],
    ['The Harbour Authority said no.', 'Harbour Authority', 'organization', 'organisation head noun'],
    ['The attack was claimed by al-Shabaab on Monday.', 'al-Shabaab', 'organization', 'al- prefix'],
    ['The Bank of Varna raised rates.', 'Bank of Varna', 'organization', 'head noun of'],
    ['The FATF met. The FATF said no.', 'FATF', 'organization', 'acronym'],
    ['A spokesman Tomas Brenner said no.', 'Tomas Brenner', 'person', 'role noun before'],
    ['The firm PetroVarna grew.', 'PetroVarna', 'organization', 'organisation role before'],
    ['They reached the outskirts of Dravik yesterday.', 'Dravik', 'place', 'place of'],
    ['Floods hit Northern Kenya.', 'Northern Kenya', 'place', 'compass'],
    ['He joined VarnaTel in May.', 'VarnaTel', 'organization', 'brand'],
    ['Maria Tolvenen arrived.', 'Maria Tolvenen', 'person', 'first name'],
    ['They met in the Skagerrak at night.', 'Skagerrak', 'place', 'preposition + the'],
    ['Later the Pentagon said no.', 'Pentagon', 'organization', 'the + institution'],
    ['They stayed in Dravik overnight.', 'Dravik', 'place', 'place preposition'],
    ['Frontex said the border was closed.', 'Frontex', 'organization', 'speaking word'],
    ['Later the Dravik attack shocked many.', 'Dravik', 'place', 'event noun'],
    ['Kolvan Drebeck arrived.', 'Kolvan Drebeck', 'person', 'person shape'],
    ['The Dravik-based group grew.', 'Dravik', 'place', '-based prefix'],
    ['It was reported by The Sentinel on Monday.', 'Sentinel', 'organization', 'mid-sentence The'],
    ['Later the Kenyan foreign ministry said no.', 'Kenyan foreign ministry', 'organization', 'demonym + institution'],
    ['They visited the provinces of Alto Dravo, Vel Kora and Ostrin.', 'Ostrin', 'place', 'place list'],
    ['The Tolvanian Shipping Board and Varnak met.', 'Varnak', 'organization', 'list type'],
    ['President Tomas Brenner of Varnia met the press.', 'Varnia', 'place', 'polity of a title'],
    ['In findings published Wednesday in Marine Letters, researchers described the reef.', 'Marine Letters', 'organization', 'published in'],
    ['Mick Dorsey of The Velvet Owls also paid tribute.', 'The Velvet Owls', 'organization', 'affiliation'],
    ['The bill went to the Senate committees on Finance and Commerce.', 'Finance', 'organization', 'committee list'],
    ['Thousands gathered in Varna Square on Friday.', 'Varna Square', 'place', 'site'],
    ['For weeks, the Kolvan administration has tried to add the question.', 'Kolvan administration', 'organization', 'named institution'],
    ['A spokesman for 10 Downing Street said the talks were over.', '10 Downing Street', 'organization', 'address'],
    ['The envoy accused the Kolvan Drebeck government of hiding militants.', 'Kolvan Drebeck', 'person', 'leader'],
  ];
  for (const [text, name, type, rule] of cases) {
    it(`${rule}: ${text.slice(0, 50)}…`, () => {
      const actors = detect(text).actors;
      const a = actors.find((x) => x.name === name);
      assert.ok(a, `no actor ${name}; found ${JSON.stringify(actors.map((x) => x.name))}`);
      assert.equal(a.type, type);
      assert.equal(ACTOR_RULES[a.rule!], rule);
      assert.ok(a.mentions.some((m) => m.rule === a.rule), 'the actor has the rule of one of its mentions');
    });
  }

  it('a mention keeps its own rule; the actor takes its strongest one', () => {
    const actors = detect('Maarten van der Wal spoke. Later van der Wal left. Kolvan Drebeck arrived. Later Drebeck left.').actors;
    const wal = actors.find((a) => a.name === 'Maarten van der Wal')!;
    assert.deepEqual(wal.mentions.map((m) => [m.text, ACTOR_RULES[m.rule!]]), [['Maarten van der Wal', 'person shape'], ['van der Wal', 'particle surname']]);
    assert.equal(ACTOR_RULES[wal.rule!], 'particle surname');
    const drebeck = actors.find((a) => a.name === 'Kolvan Drebeck')!;
    assert.deepEqual(drebeck.mentions.map((m) => ACTOR_RULES[m.rule!]), ['person shape', 'no cue']);
    assert.equal(ACTOR_RULES[drebeck.rule!], 'person shape');
  });

  it('a lexicon entry types its actor', () => {
    const lexicon = { actors: [{ name: 'Harbour Watch', type: 'organization' as const, aliases: ['HW'] }], ignore: [] };
    const a = detect('Harbour Watch said the pier was unsafe. HW repeated it.', lexicon).actors.find((x) => x.name === 'Harbour Watch')!;
    assert.equal(ACTOR_RULES[a.rule!], 'lexicon');
    assert.deepEqual(a.mentions.map((m) => ACTOR_RULES[m.rule!]), ['lexicon', 'lexicon']);
  });

  it('names every rule once, and every rule is reached by a row above or by the lexicon', () => {
    const ids = Object.values(ActorRule);
    assert.deepEqual([...ids].sort((a, b) => a - b), ACTOR_RULES.map((_, i) => i));
    assert.equal(new Set(ACTOR_RULES).size, ACTOR_RULES.length);
    const reached = new Set([...cases.map((c) => c[3]), 'particle surname', 'no cue', 'lexicon']);
    assert.deepEqual(ACTOR_RULES.filter((r) => !reached.has(r)), []);
  });

  it('every actor and mention of a longer text has a rule', () => {
    const text = 'Mayor Ana Reyes said the bridge was safe. The Basin Authority said that inspections would continue in Dravik. Reyes left for Norway.';
    const actors = detect(text).actors;
    assert.ok(actors.length >= 3);
    assert.deepEqual(actors.filter((a) => a.rule === undefined || a.mentions.some((m) => m.rule === undefined)), []);
  });
});
