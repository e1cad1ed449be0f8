import * as assert from 'node:assert/strict';
import { detect, mergeWorkspaceActors } from '../../src/core/detect';
import { editDistance, withinOneEdit } from '../../src/core/detect/text';
import type { Actor } from '../../src/core/model';

function actor(actors: Actor[], name: string): Actor {
  const a = actors.find((x) => x.name === name);
  assert.ok(a, `actor ${name} in ${JSON.stringify(actors.map((x) => `${x.type}:${x.name}`))}`);
  return a;
}

describe('actor detection', () => {
  it('types people, organisations and places from general cues', () => {
    const text = 'NAIROBI - Kenyan Interior Minister Kipchumba Murkomen met officials of the African Development Bank in Mombasa on Monday. Murkomen said the bank would help.';
    const { actors } = detect(text);
    assert.equal(actor(actors, 'Nairobi').type, 'place', 'all-caps dateline');
    assert.equal(actor(actors, 'Kipchumba Murkomen').type, 'person', 'title before the name');
    assert.equal(actor(actors, 'African Development Bank').type, 'organization', 'organisation head noun');
    assert.equal(actor(actors, 'Mombasa').type, 'place', 'after "in"');
    assert.equal(actor(actors, 'Kipchumba Murkomen').mentions.length, 2, 'surname-only mention merged');
  });

  it('merges acronyms defined in parentheses and by initials', () => {
    const text = 'The International Atomic Energy Agency (IAEA) sent inspectors. Later the IAEA said the World Health Organization was consulted; the WHO agreed.';
    const { actors } = detect(text);
    const iaea = actor(actors, 'International Atomic Energy Agency');
    assert.ok(iaea.aliases.includes('IAEA'));
    assert.equal(iaea.mentions.length, 3);
    assert.ok(actor(actors, 'World Health Organization').aliases.includes('WHO'));
  });

  it('handles possessives, curly apostrophes, no-break and thin spaces inside names', () => {
    const text = 'Brazil’s foreign ministry spoke. The EU\u00a0Foreign Affairs Council met. Brazil\'s envoy left. The UK\u2009Home Office agreed.';
    const { actors } = detect(text);
    const brazil = actor(actors, 'Brazil');
    assert.equal(brazil.type, 'place');
    assert.equal(brazil.mentions.length, 2);
    assert.ok(brazil.mentions.every((m) => m.text === 'Brazil'), 'possessive not part of the mention');
    const council = actors.find((a) => a.name.includes('Foreign Affairs Council'));
    assert.ok(council, 'a name with a no-break space is one name');
    assert.equal(text.slice(council.mentions[0]!.start, council.mentions[0]!.end), council.mentions[0]!.text);
    assert.ok(actors.some((a) => a.name.includes('Home Office') && a.type === 'organization'), 'thin space inside a name');
  });

  it('merges spelling variants but not a country with its demonym', () => {
    const text = 'Hezb-e-Islami fighters attacked. A Hizb-e-Islami statement followed. Nigerian officials met Nigeria’s president.';
    const { actors } = detect(text);
    const hezb = actors.filter((a) => /H[ie]zb-e-Islami/.test(a.name));
    assert.equal(hezb.length, 1, JSON.stringify(actors.map((a) => a.name)));
    assert.equal(hezb[0]!.type, 'organization');
    assert.ok(!actors.some((a) => a.name === 'Nigerian'), 'demonyms are not actors');
    assert.equal(actor(actors, 'Nigeria').mentions.length, 1);
  });

  it('reads names with particles and diacritics, organisation names with "and", and a person "of" an organisation', () => {
    const text = 'Daniel Benítez de la Cruz met Maarten van der Wal of the Dutch Fish Board and officials of the Ministry of Trade, Industry and Fisheries. Later van der Wal and Benítez de la Cruz spoke. Nazlı Çelik of the Ankara Chamber of Commerce joined them.';
    const { actors } = detect(text);
    assert.equal(actor(actors, 'Daniel Benítez de la Cruz').mentions.length, 2);
    assert.equal(actor(actors, 'Maarten van der Wal').mentions.length, 2);
    assert.equal(actor(actors, 'Maarten van der Wal').type, 'person');
    assert.equal(actor(actors, 'Dutch Fish Board').type, 'organization');
    assert.equal(actor(actors, 'Ministry of Trade, Industry and Fisheries').type, 'organization');
    assert.equal(actor(actors, 'Nazlı Çelik').type, 'person');
    assert.equal(actor(actors, 'Ankara Chamber of Commerce').type, 'organization');
  });

  it('types names by their context: lists, appositives, member nouns, "-based", currencies', () => {
    const text = 'Floods hit the provinces of Alto Verde, Cañaveral and San Isidro. Joaquim Teles, an independent senator, blamed the Frente Azul. Kataib Nour leader Sami Aziz denied it. A Lisbon-based group paid 40 million CFA francs. A West African diplomat said little.';
    const { actors } = detect(text);
    for (const p of ['Alto Verde', 'Cañaveral', 'San Isidro']) assert.equal(actor(actors, p).type, 'place', p);
    assert.equal(actor(actors, 'Joaquim Teles').type, 'person');
    assert.equal(actor(actors, 'Kataib Nour').type, 'organization');
    assert.equal(actor(actors, 'Lisbon').type, 'place');
    assert.ok(!actors.some((a) => a.name === 'CFA' || a.name === 'West African'), JSON.stringify(actors.map((a) => a.name)));
  });

  it('finds lowercase organisations like "the Chinese foreign ministry"', () => {
    const { actors } = detect('Asked about the vote, the Japanese foreign ministry declined to comment.');
    assert.equal(actor(actors, 'Japanese foreign ministry').type, 'organization');
  });

  it('uses the lexicon: extra actors, aliases (capital-city metonymy) and ignored forms', () => {
    const text = 'Moscow rejected the plan. The Kremlin said Acme Widgets was not involved. Russia disagreed.';
    const lexicon = {
      actors: [
        { name: 'Russia', type: 'place' as const, aliases: ['Moscow', 'Kremlin'], color: '#ff0000' },
        { name: 'Acme Widgets', type: 'organization' as const, aliases: [] },
      ],
      ignore: ['The Kremlin'],
    };
    const { actors } = detect(text, lexicon);
    const russia = actor(actors, 'Russia');
    assert.equal(russia.mentions.length, 3, JSON.stringify(russia));
    assert.equal(russia.color, '#ff0000');
    assert.equal(actor(actors, 'Acme Widgets').type, 'organization');
    const plain = detect(text).actors;
    assert.equal(actor(plain, 'Moscow').type, 'place', 'without the lexicon Moscow is a place of its own');
  });

  it('gives stable ids across articles and merges them for the workspace', () => {
    const a = detect('Angela Merkel met officials of the European Central Bank (ECB) in Frankfurt.').actors;
    const b = detect('The ECB raised rates, Merkel said. Chancellor Angela Merkel agreed.').actors;
    assert.equal(actor(a, 'Angela Merkel').id, actor(b, 'Angela Merkel').id);
    const merged = mergeWorkspaceActors([{ article: 'a', actors: a }, { article: 'b', actors: b }]);
    const ecb = merged.find((w) => w.name === 'European Central Bank');
    assert.ok(ecb, JSON.stringify(merged.map((m) => m.name)));
    assert.equal(ecb.articles.size, 2, 'the acronym in article b is merged with the long form of article a');
  });
});

describe('claim detection', () => {
  it('finds a direct quote attributed after it, with the content as span', () => {
    const text = '“We will not accept any delay in the talks,” Foreign Minister Ana Duarte told reporters in Lisbon.';
    const { claims } = detect(text);
    assert.equal(claims.length, 1);
    assert.equal(claims[0]!.text, 'We will not accept any delay in the talks');
    assert.equal(claims[0]!.speaker, 'Ana Duarte');
    assert.equal(claims[0]!.kind, 'direct');
    assert.equal(claims[0]!.cue, 'told');
  });

  it('finds reported speech and resolves "he said" to the last person', () => {
    const text = 'Prime Minister Olu Adeyemi met the governors. He said that the budget would be cut by a fifth. The World Bank said that growth would slow next year.';
    const { claims } = detect(text);
    const budget = claims.find((c) => c.text.includes('budget'));
    assert.ok(budget, JSON.stringify(claims));
    assert.equal(budget.speaker, 'Olu Adeyemi');
    assert.equal(budget.kind, 'indirect');
    assert.equal(budget.text, 'the budget would be cut by a fifth');
    const bank = claims.find((c) => c.text.includes('growth'));
    assert.equal(bank?.speaker, 'World Bank');
  });

  it('attributes "…, the group said." and "according to X"', () => {
    const text = 'The Coastal Defence Movement denied any role. It had no fighters in the area, the group said. Prices rose by a tenth last month, according to the Central Statistics Office.';
    const { claims } = detect(text);
    const group = claims.find((c) => c.text.startsWith('It had no fighters'));
    assert.equal(group?.speaker, 'Coastal Defence Movement');
    const stats = claims.find((c) => c.text.startsWith('Prices rose'));
    assert.equal(stats?.speaker, 'Central Statistics Office');
    assert.equal(stats?.cue, 'according to');
  });

  it('reads "According to X, …" at a sentence start, and "But, she said, …"', () => {
    const text = 'Senator Mirela Dobre opened the hearing. According to the National Audit Court, which reviewed the accounts, the fund lost a third of its value. But, she said, the losses could be recovered.';
    const { claims } = detect(text);
    const audit = claims.find((c) => c.text.startsWith('the fund lost'));
    assert.equal(audit?.speaker, 'National Audit Court');
    assert.equal(audit?.cue, 'according to');
    const losses = claims.find((c) => c.text.startsWith('the losses could'));
    assert.equal(losses?.speaker, 'Mirela Dobre');
  });

  it('skips time and listener phrases before "that", and splits "… and that …"', () => {
    const text = 'Trade Commissioner Ilse Brandt said in a statement on Monday that the quota would stay. She warned the delegates that talks could fail and that prices would rise.';
    const { claims } = detect(text);
    assert.ok(claims.some((c) => c.text === 'the quota would stay' && c.speaker === 'Ilse Brandt'), JSON.stringify(claims));
    assert.ok(claims.some((c) => c.text === 'talks could fail' && c.speaker === 'Ilse Brandt'), JSON.stringify(claims));
    assert.ok(claims.some((c) => c.text === 'prices would rise' && c.speaker === 'Ilse Brandt'), JSON.stringify(claims));
  });

  it('finds the subject behind an appositive, and after "said X, a …"', () => {
    const text = 'Tomasz Wrona, a former energy minister, said the pipeline was too expensive. “The numbers do not add up,” said the institute’s director, Agnieszka Lis.';
    const { claims } = detect(text);
    assert.equal(claims.find((c) => c.text.startsWith('the pipeline'))?.speaker, 'Tomasz Wrona');
    assert.equal(claims.find((c) => c.text.startsWith('The numbers'))?.speaker, 'Agnieszka Lis');
  });

  it('continues a split quote with its speaker, and resolves "she said" to the subject before', () => {
    const text = 'Ambassador Leila Haddad met Interior Minister Omar Said on Tuesday.\n\nHaddad later spoke to reporters. “We are not there yet,” she said. “But we are closer than last week.”';
    const { claims } = detect(text);
    assert.equal(claims.find((c) => c.text.startsWith('We are not'))?.speaker, 'Leila Haddad');
    const second = claims.find((c) => c.text.startsWith('But we are closer'));
    assert.equal(second?.speaker, 'Leila Haddad');
    assert.equal(second?.kind, 'direct');
  });

  it('resolves "the ministry said" to the ministry named before, not to the last organisation', () => {
    const text = 'The Ministry of Water and Energy rejected the plan, and the Basin Authority backed it. “The study is flawed,” the ministry said.';
    const { claims } = detect(text);
    assert.equal(claims.find((c) => c.text.startsWith('The study'))?.speaker, 'Ministry of Water and Energy');
  });

  it('takes "X, known as Y" as an alias, reads "X and Y Network" as one name, and gives "the government says" to the country of the article', () => {
    const text = 'Relief for Montserrat: the Eastern Caribbean Currency Union, known as ECCU, met the Housing and Shelter Network in Montserrat. Montserrat was hit hard. The government says most roads are closed. The ECCU said aid would follow.';
    const { actors, claims } = detect(text);
    assert.ok(actor(actors, 'Eastern Caribbean Currency Union').aliases.includes('ECCU'));
    assert.equal(actor(actors, 'Housing and Shelter Network').type, 'organization');
    assert.equal(claims.find((c) => c.text.startsWith('most roads'))?.speaker, 'Montserrat');
    assert.equal(claims.find((c) => c.text.startsWith('aid would'))?.speaker, 'Eastern Caribbean Currency Union');
  });

  it('reads a reporting verb used as an adjective ("of alleged abuses") as no claim, but keeps "X alleged that …"', () => {
    const text = 'The Interior Ministry of Veloria has rejected reports of alleged abuses by border guards. Critics of the stated policy remain. The Human Rights Council alleged that detainees had been beaten.';
    const { claims } = detect(text);
    assert.deepEqual(claims.map((c) => [c.text, c.speaker]), [['detainees had been beaten', 'Human Rights Council']]);
  });

  it('ignores scare quotes', () => {
    const { claims } = detect('The report called the region a “safe haven” for smugglers.');
    assert.equal(claims.length, 0);
  });
});

describe('detection internals', () => {
  it('withinOneEdit agrees with the edit distance on random strings', () => {
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return (seed >>> 16) % n;
    };
    const word = () => Array.from({ length: 3 + rand(9) }, () => 'abcde'[rand(5)]).join('');
    const edit = (w: string) => {
      const at = rand(w.length + 1);
      const c = 'abcde'[rand(5)]!;
      return [w.slice(0, at) + c + w.slice(at), w.slice(0, at) + w.slice(at + 1), w.slice(0, at) + c + w.slice(at + 1)][rand(3)]!;
    };
    let near = 0;
    for (let i = 0; i < 20000; i++) {
      const a = word();
      const b = rand(2) ? edit(a) : rand(2) ? edit(edit(a)) : word();
      const expected = editDistance(a, b, 1) <= 1;
      if (expected) near++;
      assert.equal(withinOneEdit(a, b), expected, `${a} / ${b}`);
    }
    assert.ok(near > 5000, 'many pairs are one edit apart');
  });

  it('types a name that recurs by the context of each occurrence', () => {
    // The same surface, worked out once, still gets each occurrence's context.
    const text = 'Talks were held in Korvath on Monday. Korvath said the talks went well. The ministers met again in Korvath.';
    const { actors } = detect(text);
    const korvath = actor(actors, 'Korvath');
    assert.equal(korvath.type, 'place', 'two "in" cues outvote one speaking cue');
    assert.equal(korvath.mentions.length, 3);
    const { actors: other } = detect('Korvath said the talks went well. Korvath added that more were planned.');
    assert.equal(actor(other, 'Korvath').type, 'organization', 'a single unknown name speaking is an institution');
  });

  it('finds an acronym by the initials of the first actor that has them, and a surname by its full name', () => {
    const text = 'The Northern Relief Council met the National Reform Committee. Officials of the NRC declined to comment. Ayodele Banjoko chaired it; Banjoko said little.';
    const { actors } = detect(text);
    assert.ok(actor(actors, 'Northern Relief Council').aliases.includes('NRC'), 'the first actor with the initials');
    assert.ok(!actor(actors, 'National Reform Committee').aliases.includes('NRC'));
    assert.equal(actor(actors, 'Ayodele Banjoko').mentions.length, 2);
  });
});
