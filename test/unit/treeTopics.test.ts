import * as assert from 'node:assert/strict';
import { groupByTopic, groupRowLabel, isTopicCoded, NO_STANCE_LABEL, NO_TOPIC_LABEL, topicsOf, type TopicCoded } from '../../src/core/tree/topics';
import { DEFAULT_STANCES, pickerFields } from '../../src/core/model';

interface Claim extends TopicCoded {
  id: string;
}

/** The groups as lines: "Topic (n) / stance (n): ids", names as the rows show them. */
function shape(items: Claim[], stances: readonly string[] = DEFAULT_STANCES): string[] {
  return groupByTopic(items, (c) => c, stances).flatMap((t) => [
    groupRowLabel(t.topic, NO_TOPIC_LABEL, t.count),
    ...t.stances.map((s) => `  ${groupRowLabel(s.stance, NO_STANCE_LABEL, s.items.length)}: ${s.items.map((c) => c.id).join(' ')}`),
  ]);
}

const c = (id: string, about?: string[], stance?: string, label = 'claim'): Claim => ({ id, label, ...(about ? { about } : {}), ...(stance !== undefined ? { stance } : {}) });

describe('tree grouping by topic', () => {
  const cases: { name: string; items: Claim[]; stances?: string[]; want: string[] }[] = [
    { name: 'nothing coded', items: [], want: [] },
    {
      name: 'topics sorted case-insensitively, stances in the setting order, counts on each row',
      items: [c('1', ['Inflation'], 'disagree'), c('2', ['inflation'], 'agree'), c('3', ['Inflation'], 'agree'), c('4', ['budget'], 'neutral')],
      want: ['budget (1)', '  neutral (1): 4', 'Inflation (2)', '  agree (1): 3', '  disagree (1): 1', 'inflation (1)', '  agree (1): 2'],
    },
    {
      name: 'a claim about several topics is under each, counted once in each',
      items: [c('1', ['Sanctions', 'Pakistan'], 'agree'), c('2', ['Pakistan'], 'agree')],
      want: ['Pakistan (2)', '  agree (2): 1 2', 'Sanctions (1)', '  agree (1): 1'],
    },
    {
      name: 'without topic: “No topic” last; without stance: “no stance” last',
      items: [c('1'), c('2', [], 'agree'), c('3', ['Aid']), c('4', ['Aid'], 'disagree'), c('5', ['  ', ''])],
      want: ['Aid (2)', '  disagree (1): 4', '  no stance (1): 3', 'No topic (3)', '  agree (1): 2', '  no stance (2): 1 5'],
    },
    {
      name: 'stances outside the setting after the configured ones, alphabetically',
      items: [c('1', ['T'], 'sceptical'), c('2', ['T'], 'oppose'), c('3', ['T'], 'ambivalent'), c('4', ['T'])],
      stances: ['support', 'oppose'],
      want: ['T (4)', '  oppose (1): 2', '  ambivalent (1): 3', '  sceptical (1): 1', '  no stance (1): 4'],
    },
    {
      name: 'other labels only when given a topic; topics and stance trimmed, repeated topics once',
      items: [c('1', undefined, 'agree', 'note'), c('2', [' Aid ', 'Aid'], ' agree ', 'framing'), c('3', ['Aid'], 'agree')],
      want: ['Aid (2)', '  agree (2): 2 3'],
    },
    {
      name: 'a topic literally called “No topic” is not the group of claims without one',
      items: [c('1', ['No topic']), c('2')],
      want: ['No topic (1)', '  no stance (1): 1', 'No topic (1)', '  no stance (1): 2'],
    },
  ];
  for (const t of cases) {
    it(t.name, () => assert.deepEqual(shape(t.items, t.stances), t.want));
  }

  it('keeps the topic of a user topic and null for none, apart from their labels', () => {
    const groups = groupByTopic([c('1', ['No topic']), c('2')], (x) => x, DEFAULT_STANCES);
    assert.deepEqual(groups.map((g) => g.topic), ['No topic', null]);
    assert.deepEqual(groups.map((g) => g.stances.map((s) => s.stance)), [[null], [null]]);
  });

  const coded: [TopicCoded, boolean, string[]][] = [
    [{ label: 'claim' }, true, []],
    [{ label: 'note' }, false, []],
    [{ label: 'note', about: [' '] }, false, []],
    [{ label: 'framing', about: ['Aid', ' Aid', 'Trade'] }, true, ['Aid', 'Trade']],
  ];
  for (const [a, listed, topics] of coded) {
    it(`${JSON.stringify(a)}: ${listed ? 'listed' : 'not listed'}, topics ${JSON.stringify(topics)}`, () => {
      assert.equal(isTopicCoded(a), listed);
      assert.deepEqual(topicsOf(a), topics);
    });
  }
});

describe('Edit Annotation… picker fields', () => {
  const base = ['label', 'comment', 'tags', 'speaker'];
  const all = [...base, 'about', 'stance', 'verdict', 'evidence'];
  const cases: [Parameters<typeof pickerFields>[0], string[]][] = [
    [{ label: 'claim' }, all],
    [{ label: 'note' }, base],
    [{ label: 'note', about: [] }, base],
    [{ label: 'note', stance: '' }, base],
    [{ label: 'framing', about: ['Aid'] }, all],
    [{ label: 'evidence', verdict: 'false' }, all],
    [{ label: 'note', evidence: ['x'] }, all],
  ];
  for (const [a, want] of cases) it(`${JSON.stringify(a)} → ${want.length} fields`, () => assert.deepEqual(pickerFields(a), want));
});
