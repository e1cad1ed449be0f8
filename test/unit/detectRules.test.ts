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
    ['Mayor Ana Reyes opened the pier. She described it as “a gift to the fishing families of this town”.', 'unattributed quote'],
    ['Mayor Ana Reyes closed the pier, saying the old boards were no longer safe for anyone.', 'participle'],
    ['The old pier was reportedly closed after a storm damaged its boards.', 'hearsay'],
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
    // A title's domain, then the name: "First Minister of Scotland A B".
    ['First Minister of Scotland Moira Calder said the vote would go ahead.', 'Moira Calder', 'person'],
    ['First Minister of Scotland Moira Calder said the vote would go ahead.', 'Scotland', 'place'],
    ['Prime Minister of India Ravi Sethu opened the bridge.', 'Ravi Sethu', 'person'],
    // Coordinated titles: each name of the list has the plural title; the polity after "of" is a place.
    ['Presidents Tomas Brenner of Varnia and Ana Reyes of Oskia met in Geneva.', 'Ana Reyes', 'person'],
    ['Presidents Tomas Brenner of Varnia and Ana Reyes of Oskia met in Geneva.', 'Varnia', 'place'],
    ['Presidents Tomas Brenner of Varnia and Ana Reyes of Oskia met in Geneva.', 'Oskia', 'place'],
    ['Ministers Kolvan Drebeck and Ostrin Vale signed the treaty.', 'Ostrin Vale', 'person'],
    ['Governor Ed Vance of Kolvania signed the bill.', 'Kolvania', 'place'],
    // A journal after "published … in"; a source after "according to".
    ['In findings published Wednesday in Marine Letters, researchers described the reef.', 'Marine Letters', 'organization'],
    ['The study appeared online in Varnish Reviews last week.', 'Varnish Reviews', 'organization'],
    ['Kolvan Drebeck arrived on Monday. The port will close, according to Drebeck.', 'Kolvan Drebeck', 'person'],
    // A person's name, then where they belong: "A B of X".
    ["Lead author Ilse Varga of Australia's Kolvan University explained the method.", 'Ilse Varga', 'person'],
    ["Lead author Ilse Varga of Australia's Kolvan University explained the method.", 'Australia', 'place'],
    ['Mick Dorsey of The Velvet Owls also paid tribute.', 'Mick Dorsey', 'person'],
    ['Hamza bin Kolvan was killed, officials said. Kolvan bin Tarek, his father, was not in the bin.', 'Hamza bin Kolvan', 'person'],
    // Committees named in a list: with an Oxford comma, "and" inside the last item is part of its name.
    ["They chair the House's committees on Foreign Affairs, Intelligence, and Oversight and Reform, respectively.", 'Foreign Affairs', 'organization'],
    ["They chair the House's committees on Foreign Affairs, Intelligence, and Oversight and Reform, respectively.", 'Intelligence', 'organization'],
    ["They chair the House's committees on Foreign Affairs, Intelligence, and Oversight and Reform, respectively.", 'Oversight and Reform', 'organization'],
    ['The bill went to the Senate committees on Finance and Commerce.', 'Commerce', 'organization'],
    // Named sites are places.
    ['A bomber crashed at Kolvan International Airport on Wednesday.', 'Kolvan International Airport', 'place'],
    ['Thousands gathered in Varna Square on Friday.', 'Varna Square', 'place'],
    // A university's campus after a comma is part of its name.
    ['He taught at the University of Varna, San Kolvo and later in Geneva.', 'University of Varna, San Kolvo', 'organization'],
    ['He studied at the University of California, Los Angeles.', 'University of California, Los Angeles', 'organization'],
    ['Researchers from the University of Varna at Kolvan said so.', 'University of Varna at Kolvan', 'organization'],
    // An address that speaks is the office there.
    ['A spokesman for 10 Downing Street said the talks were over.', '10 Downing Street', 'organization'],
    ['1600 Kolvan Avenue said the visit would go ahead.', '1600 Kolvan Avenue', 'organization'],
    // A government named after its head.
    ['For weeks, the Kolvan administration has tried to add the question.', 'Kolvan administration', 'organization'],
    ['About 70 percent of them belong to the Varnish party.', 'Varnish party', 'organization'],
    ['The attack was claimed by the Kolvan movement in the north.', 'Kolvan movement', 'organization'],
    // A participle opening a sentence before an acronym is not part of the name.
    ['Retired KGB agent Kolvan Drebeck told the paper the plot was real.', 'KGB', 'organization'],
    // A person before the government they lead.
    ['The envoy accused the Kolvan Drebeck government of hiding militants.', 'Kolvan Drebeck', 'person'],
    // A person-shaped name owning something after "in" is no place.
    ['He was disturbed by what he saw in Tomek Varnicki\'s film.', 'Tomek Varnicki', 'person'],
    // A person's surname that speaks again and again stays the person's.
    ['The paper quoted Kolvar Dresnik of the ministry. Dresnik said the bid won. Later, Dresnik said so. Dresnik said it again.', 'Kolvar Dresnik', 'person'],
    // A dotted country abbreviation leads the organisation name after it.
    ['The U.S. Securities and Exchange Commission declined to comment.', 'U.S. Securities and Exchange Commission', 'organization'],
    ['Staff at the U.S. Environmental Protection Agency left.', 'U.S. Environmental Protection Agency', 'organization'],
    ['The U.S. said no. U.S. officials agreed.', 'United States', 'place'],
    // A broadcaster named with "TV".
    ['The crew were all from Varna, the army said. Kolvan TV said the crash followed a fire.', 'Kolvan TV', 'organization'],
    ['Mick Dorsey of The Velvet Owls also paid tribute.', 'The Velvet Owls', 'organization'],
    ["Study co-author Ted Varn of CU Boulder's institute said the ice was thinning.", 'Ted Varn', 'person'],
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
    // One name with "of", not a person and where they belong.
    ['Later the Great Orchestra of Winter Charity said so.', 'Great Orchestra'],
    // Capitalised words the text also writes in lowercase are common words, not a person's name.
    ['Donations to Recovery Appeal rose on Monday. The recovery of the islands is slow.', 'Recovery Appeal'],
    ['Visitors dressed as characters from Varn: New Kolvas. Many new fans came.', 'New Kolvas'],
    ['The prize in physics went to three people. The Nobel Prize in Physics was announced.', 'Physics'],
    ['Analysts said the analysts were wrong. Analysts said so.', 'Analysts'],
    ['The abuse shocked Polish Roman Catholic believers.', 'Polish Roman Catholic'],
    ['He lived at 12 Kolvan Road for years.', '12 Kolvan Road'],
    // Laws and their parts are not actors.
    ['The court said the Electronic Commerce Directive allowed it.', 'Electronic Commerce Directive'],
    ['It breaks the Due Process Clause, the judge wrote.', 'Due Process Clause'],
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

/**
 * One row per construction of English news (invented sentences): the claim's content, its
 * speaker (null: unnamed) and the rule that finds it.
 */
describe('claim constructions', () => {
  const cases: [string, string, string | null, string][] = [
    // Quotations with no reporting verb beside them.
    ['Mayor Ana Reyes opened the pier on Monday. She described it as “a gift to the fishing families of this town”.', 'a gift to the fishing families of this town', 'Ana Reyes', 'unattributed quote'],
    ['Tomas Brenner opened the depot on Monday. The depot was described by the Valley Courier as a “monument to patience”.', 'monument to patience', 'Valley Courier', 'unattributed quote'],
    ['Mayor Ana Reyes spoke at the quay.\n\n“We have waited long enough for new boats, and the crews know it.”', 'We have waited long enough for new boats, and the crews know it', 'Ana Reyes', 'unattributed quote'],
    ['Prime Minister Ana Reyes tweeted “We are with the families tonight.” President Tomas Brenner remarked, “The country mourns with them.”', 'We are with the families tonight', 'Ana Reyes', 'quote'],
    // Cues that take a clause without "that".
    ['The strike ended on Friday; the Valley Courier reported the drivers returned to work.', 'the drivers returned to work', 'Valley Courier', 'reporting verb'],
    ['Judge Ana Reyes ruled the eviction violated the tenancy law.', 'the eviction violated the tenancy law', 'Ana Reyes', 'reporting verb'],
    ['The Basin Institute found the river carried more silt after the storm.', 'the river carried more silt after the storm', 'Basin Institute', 'reporting verb'],
    ['The Harbour Board announced a new levy to pay for the repairs.', 'a new levy to pay for the repairs', 'Harbour Board', 'reporting verb'],
    ['Tomas Brenner said via Twitter the quay would reopen in May.', 'the quay would reopen in May', 'Tomas Brenner', 'reporting verb'],
    // An attribution inverted or set off inside the sentence.
    ['The talks had failed once more, said Mayor Ana Reyes.', 'The talks had failed once more', 'Ana Reyes', 'tail attribution'],
    ['Because warmer water is lighter, says the study, it rises above the colder water.', 'it rises above the colder water', null, 'parenthetical'],
    ["The orders will keep the plant busy for years, Tomas Brenner said, and paying back the loan seems realistic.", 'paying back the loan seems realistic', 'Tomas Brenner', 'parenthetical'],
    ['Speaking to the Valley Courier, Mayor Ana Reyes said the pier would reopen.', 'the pier would reopen', 'Ana Reyes', 'reporting verb'],
    // Where reported content ends.
    ['Mayor Ana Reyes said in a letter to the U.S. Army Corps of Engineers that the inquiry began in May.', 'the inquiry began in May', 'Ana Reyes', 'reporting verb'],
    ['While Mayor Ana Reyes says the pier is safe, the divers found cracks in two pillars.', 'the pier is safe', 'Ana Reyes', 'reporting verb'],
    ['Mayor Ana Reyes said the boats were sent to Tomas Brenner, who was the harbour master then.', 'the boats were sent to Tomas Brenner', 'Ana Reyes', 'reporting verb'],
    ['The Harbour Board announced a new levy to pay for the repairs which was opposed by the fishermen.', 'a new levy to pay for the repairs', 'Harbour Board', 'reporting verb'],
    ['Tomas Brenner told Reuters the harbour had been closed before the storm.', 'the harbour had been closed before the storm', 'Tomas Brenner', 'reporting verb'],
    ['Prime Minister Ana Reyes called for a full recount, and stated 92% of the ballots had been checked.', '92% of the ballots had been checked', 'Ana Reyes', 'demand'],
    ['Tomas Brenner initially denied all claims that the pier was unsafe.', 'the pier was unsafe', 'Tomas Brenner', 'reporting verb'],
    ['The Harbour Board announced via Twitter around 11:30 am (1830 UTC), phase one had been completed.', 'phase one had been completed', 'Harbour Board', 'reporting verb'],
    ['Old pier collected wild birds for sacrifice, says study\n\nSaturday, November 16, 2019\n\nThe study was published on Friday.', 'Old pier collected wild birds for sacrifice', null, 'tail attribution'],
    ['Tomas Brenner pointed out it would have been more costly to build a new pier.', 'it would have been more costly to build a new pier', 'Tomas Brenner', 'reporting verb'],
    ['The Basin Institute found the water samples from the old wells to be relatively clean.', 'the water samples from the old wells to be relatively clean', 'Basin Institute', 'reporting verb'],
    ['The Valley Courier reported Tomas Brenner to be missing citing sources within the Harbour Board.', 'Tomas Brenner to be missing', 'Valley Courier', 'reporting verb'],
    ['As of Sunday, the Harbour Board reported a total of 5667 visitors during the festival.', 'a total of 5667 visitors during the festival', 'Harbour Board', 'reporting verb'],
    ['Mayor Ana Reyes, who said the pier “was never safe for children”, resigned on Monday.', 'the pier “was never safe for children”', 'Ana Reyes', 'reporting verb'],
    ['If the birds had been farmed, they reasoned, the old specimens would have shown little diversity.', 'the old specimens would have shown little diversity', null, 'parenthetical'],
    ['The pier is safe, according to a statement from the Harbour Board.', 'The pier is safe', 'Harbour Board', 'tail attribution'],
    ['Tomas Brenner was quoted as saying the pier would close in May.', 'the pier would close in May', 'Tomas Brenner', 'participle'],
    ['Tomas Brenner expressed concern that the pier could collapse in a storm.', 'the pier could collapse in a storm', 'Tomas Brenner', 'reporting verb'],
    ['Tomas Brenner expects the pier to reopen in May.', 'the pier to reopen in May', 'Tomas Brenner', 'reporting verb'],
    ['The Harbour Board warned of further delays to the repairs.', 'further delays to the repairs', 'Harbour Board', 'reporting verb'],
    // Quotations after a verb that introduces them.
    ['The pier burned on Friday. Tomas Brenner also reacted on Twitter, “Sad news about the pier, I walked on it as a boy.”', 'Sad news about the pier, I walked on it as a boy', 'Tomas Brenner', 'quote'],
    ['Nina Holt of the Harbour Board spoke of the work: “It is fun working with a partner that thinks differently.”', 'It is fun working with a partner that thinks differently', 'Nina Holt', 'quote'],
    ['Nina Holt won the seat. Holt said: “It was a long fight, and we won it together,” further remarking, “the women of this town have waited long enough.”', 'the women of this town have waited long enough', 'Nina Holt', 'continued quote'],
    ['The Harbour Board released a statement which read, in part, “The pier will stay closed until the divers finish their work.”', 'The pier will stay closed until the divers finish their work', 'Harbour Board', 'quote'],
    ['The Harbour Board initially denied all claims that the envoy was slain, however, a later report concluded he was.', 'the envoy was slain', 'Harbour Board', 'reporting verb'],
    ['As of Sunday, local doctors reported a total of 5667 cases during the outbreak.', 'a total of 5667 cases during the outbreak', null, 'reporting verb'],
    ['On September 25, it was reported Tomas Brenner was in hospital in a critical condition.', 'Tomas Brenner was in hospital in a critical condition', null, 'hearsay'],
    ['Mayor Ana Reyes spoke on Monday. “The harbour lost money in the third quarter, and the outlook is poor,” she said, noting it was the worst year since 2009.', 'it was the worst year since 2009', 'Ana Reyes', 'participle'],
    ['No deaths were reported on the ground, with local media reporting no-one was in the houses.', 'no-one was in the houses', null, 'participle'],
    ['Tomas Brenner accused the Harbour Board of ignoring the cracks in the pier.', 'ignoring the cracks in the pier', 'Tomas Brenner', 'reporting verb'],
    ['The Harbour Board said Monday the pier was safe.', 'the pier was safe', 'Harbour Board', 'reporting verb'],
    ['Tomas Brenner had earlier said the pier was safe.', 'the pier was safe', 'Tomas Brenner', 'reporting verb'],
    ['Tomas Brenner confirmed to the Valley Courier that the pier was safe.', 'the pier was safe', 'Tomas Brenner', 'reporting verb'],
    ['The Harbour Board welcomed the repairs but underlined there were many cracks left in the pier.', 'there were many cracks left in the pier', 'Harbour Board', 'reporting verb'],
    ['Retired agent Tomas Brenner told NPR Hamza Berg had appeared in videos since he was a boy.', 'Hamza Berg had appeared in videos since he was a boy', 'Tomas Brenner', 'reporting verb'],
    // A subject that names no detected actor.
    ['Local radio said the ferry was delayed by the storm.', 'the ferry was delayed by the storm', null, 'reporting verb'],
    ['Tomas Brenner visited the Northwind Police Department on Friday. Police said on Monday they had arrested a man.', 'they had arrested a man', 'Northwind Police Department', 'reporting verb'],
    // Speakers: a pronoun after a name in a prepositional phrase, a role or a relation named before, a passive agent.
    ['Mayor Ana Reyes opened the pier. Speaking to Tomas Brenner of the Valley Courier, she said the boards were new.', 'the boards were new', 'Ana Reyes', 'reporting verb'],
    ['Tomas Brenner died on Monday, his daughter Nettie Brenner told reporters. His daughter said he died at home without elaborating.', 'he died at home', 'Nettie Brenner', 'reporting verb'],
    ['Harbour Commissioner Ana Reyes signed the deal with Tomas Brenner. The commissioner stated the loan would be repaid by 2030.', 'the loan would be repaid by 2030', 'Ana Reyes', 'reporting verb'],
    ['Tomas Brenner opened a bakery. Brenner has been described by the Valley Courier as a patient craftsman.', 'a patient craftsman', 'Valley Courier', 'hearsay'],
    ['Tomas Brenner opened a bakery. Brenner has been described by the Valley Courier as a "patient craftsman", for his bread.', 'patient craftsman', 'Valley Courier', 'unattributed quote'],
    ["According to Vellmar's harbour master, Tomas Brenner, ten boats were lost in the storm.", 'ten boats were lost in the storm', 'Tomas Brenner', 'according to (lead)'],
    ['According to a March 14, 2019 Harbour Board press release, the pier cost 2 million euros.', 'the pier cost 2 million euros', 'Harbour Board', 'according to (lead)'],
    ['Yesterday, authorities in Norway and Denmark announced that 30 boats were seized.', '30 boats were seized', null, 'reporting verb'],
    ['The Harbour Board and other agencies reportedly believe the pier is unsafe.', 'the pier is unsafe', 'Harbour Board', 'reporting verb'],
    ['Nina Holt of the charity “Safe Harbour”, a support group, told the Valley Courier “the pier was never inspected by anyone”.', 'the pier was never inspected by anyone', 'Nina Holt', 'quote'],
    ['Kerri Lund criticized the vote, which Tomas Brenner has referred to as “pure theatre” in the past.', 'pure theatre', 'Tomas Brenner', 'unattributed quote'],
    ["Ana Reyes called Brenner's admission a “political manoeuvre.” She left the hall.", 'political manoeuvre', 'Ana Reyes', 'unattributed quote'],
    ['The Harbour Board closed the pier. Tomas Brenner said the boards were rotten. He added that the repairs would take a year.', 'the repairs would take a year', 'Tomas Brenner', 'reporting verb'],
    ['The researchers from the Basin Institute sampled the wells. They concluded that the water was clean.', 'the water was clean', null, 'reporting verb'],
    ['Researchers at the Basin Institute sampled the wells. The study says the water is clean.', 'the water is clean', null, 'reporting verb'],
    // Demands and participles.
    ['The Harbour Board called for an inquiry into the collapse of the pier.', 'an inquiry into the collapse of the pier', 'Harbour Board', 'demand'],
    ['Mayor Ana Reyes asked Tomas Brenner to inspect the pier before the summer.', 'Tomas Brenner to inspect the pier before the summer', 'Ana Reyes', 'demand'],
    ['The Harbour Board asked for the report to be kept secret until the vote.', 'the report to be kept secret until the vote', 'Harbour Board', 'demand'],
    ['Mayor Ana Reyes encouraged the Harbour Board to publish its files on the collapse.', 'the Harbour Board to publish its files on the collapse', 'Ana Reyes', 'demand'],
    ['The Harbour Board asked for the report to be kept secret, but Mayor Ana Reyes said the town had a right to read it.', 'the town had a right to read it', 'Ana Reyes', 'reporting verb'],
    ['Judge Ana Reyes ordered that the harbour files be handed to the court by Friday.', 'the harbour files be handed to the court by Friday', 'Ana Reyes', 'reporting verb'],
    ['Mayor Ana Reyes questioned whether the new pier could survive another winter.', 'the new pier could survive another winter', 'Ana Reyes', 'reporting verb'],
    ['Mayor Ana Reyes closed the pier, saying the old boards were no longer safe.', 'the old boards were no longer safe', 'Ana Reyes', 'participle'],
    ['Mayor Ana Reyes justified the closure by saying the boards were rotten.', 'the boards were rotten', 'Ana Reyes', 'participle'],
    // Hearsay and the passive.
    ['The ferry was reportedly delayed by ice near the harbour.', 'delayed by ice near the harbour', null, 'hearsay'],
    ['The driver is reported to have left the depot before dawn.', 'left the depot before dawn', null, 'hearsay'],
    ['The Valley Courier described Tomas Brenner as a stubborn but fair negotiator.', 'a stubborn but fair negotiator', 'Valley Courier', 'hearsay'],
    ['Mayor Ana Reyes deemed the plan too costly for the town.', 'the plan too costly for the town', 'Ana Reyes', 'hearsay'],
    // According to, with an opener or without a comma.
    ['Longer term, according to Mayor Ana Reyes, the pier will be rebuilt in stone.', 'the pier will be rebuilt in stone', 'Ana Reyes', 'according to (lead)'],
    ['The pier will be rebuilt in stone according to the Harbour Board.', 'The pier will be rebuilt in stone', 'Harbour Board', 'tail attribution'],
  ];
  for (const [text, content, speaker, rule] of cases) {
    it(`${rule}: ${text.slice(0, 60)}…`, () => {
      const claims = detect(text).claims;
      const c = claims.find((x) => x.text === content);
      assert.ok(c, `no claim «${content}»; found ${JSON.stringify(claims.map((x) => x.text))}`);
      assert.equal(c.speaker === null ? null : c.speaker.replace(/^(?:the|mayor|judge|prime minister|president)\s+/i, ''), speaker);
      assert.equal(CLAIM_RULES[c.rule!], rule);
    });
  }

  it('a thing found or reported is no claim unless it is a clause or a figure', () => {
    for (const text of ['Divers found a body near the old pier on Monday.', 'The Valley Courier reported the story first.', 'The concert was expected to draw large crowds.']) {
      assert.deepEqual(detect(text).claims.map((c) => c.text), [], text);
    }
  });

  it('a passive verb after a quotation is no attribution', () => {
    const text = 'Tomas Brenner told the Valley Courier that the board would “not decide under a deadline set by others”, a remark that was read in Vellmar as a rebuke.';
    const c = detect(text).claims.filter((x) => x.text.includes('not decide under a deadline'));
    assert.ok(c.length > 0 && c.every((x) => x.speaker === 'Tomas Brenner'), JSON.stringify(c));
  });

  it('an order to act is no claim: only an order "that" reports content', () => {
    const claims = detect('Commander Tomas Brenner ordered his men to burn the depot on Friday night.').claims;
    assert.deepEqual(claims.map((c) => c.text), []);
  });

  it('a name in quotation marks is no claim', () => {
    for (const text of ['The festival, known as “Harbour Lights”, opened on Friday.', 'Tomas Brenner runs a website called “Quay Watch” from his kitchen.']) {
      assert.deepEqual(detect(text).claims.map((c) => c.text), [], text);
    }
    const named = detect('Nina Holt of the charity “Safe Harbour”, a support group, told the Valley Courier “the pier was never inspected”.').claims.map((c) => c.text);
    assert.ok(!named.includes('Safe Harbour'), JSON.stringify(named));
  });

  it('he and she go to a person of that gender', () => {
    const text = 'Mayor Ana Reyes opened the bridge on Monday. She said it was safe. Engineer Tomas Brenner inspected it later with his team. She said the repairs would end soon.';
    const claims = detect(text).claims;
    const c = claims.find((x) => x.text === 'the repairs would end soon');
    assert.equal(c?.speaker, 'Ana Reyes');
  });
});
