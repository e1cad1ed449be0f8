import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseCsv } from './csvRows';
import { findArticleMeta, findDate, findTitle, metaProblem, resolveMeta } from '../../src/core/meta/articleMeta';

const root = path.resolve(__dirname, '../..');
const wikinews = path.resolve(root, '../shared/corpus/wikinews');

describe('article details', () => {
  describe('dates', () => {
    const cases: [string, string | undefined][] = [
      ['Headline\n\nFriday, January 4, 2019\n\nText.', '2019-01-04'],
      ['5.1 C\nFriday, December 9, 2022\n\nUS: real progress', '2022-12-09'],
      ['Headline\n\nauthor image\n1:00 pm 7 Sep, 2016\n\nWashington wants', '2016-09-07'],
      [' date 2020-09-12 New Delhi/Beijing: India and the US', '2020-09-12'],
      ['December 9, 2022', '2022-12-09'],
      ['Updated 4th of July 2021 by staff', '2021-07-04'],
      ['Headline\nBorn on December 11, 1935, in Mirati, he began', undefined],
      ['Tues., Sept. 3rd, 2019', '2019-09-03'],
      ['Headline\nFebruary 30, 2019\nMarch 1, 2019', '2019-03-01'],
      ['Headline\nFebruary 29, 2019', undefined],
      ['Headline\nFebruary 29, 2020', '2020-02-29'],
      ['No date here at all, only 2019 and May.', undefined],
      ['Item 2020-13-01 is not a date', undefined],
      [`${'line\n'.repeat(20)}January 4, 2019`, undefined],
    ];
    for (const [text, want] of cases) {
      it(`${JSON.stringify(text.slice(0, 40))} -> ${want ?? 'none'}`, () => assert.equal(findDate(text)?.value, want));
    }
    it('gives the offsets of the date as written', () => {
      const text = 'Headline\n\nFriday, January 4, 2019\n';
      const d = findDate(text)!;
      assert.equal(text.slice(d.start, d.end), 'Friday, January 4, 2019');
    });
  });

  describe('titles', () => {
    const cases: [string, string | undefined][] = [
      ['Nancy Pelosi again elected Speaker\n\nFriday, January 4, 2019\n\nText.', 'Nancy Pelosi again elected Speaker'],
      ['5.1 C\nFriday, December 9, 2022\n\nUS: have seen real progress forward in prosecution\n\nThe US has hailed.', 'US: have seen real progress forward in prosecution'],
      ['It was rare for the US to have directly accused the government. The State Department had noted that', undefined],
      ['\r\n  Pakistan in touch with US over threats  \r\n\r\nBody.', 'Pakistan in touch with US over threats'],
      ['A sentence that ends with a full stop and is a lead.\n', undefined],
    ];
    for (const [text, want] of cases) {
      it(`${JSON.stringify(text.slice(0, 40))} -> ${want ?? 'none'}`, () => {
        const t = findTitle(text);
        assert.equal(t?.value, want);
        if (t) assert.equal(text.slice(t.start, t.end), want);
      });
    }
  });

  it('finds the title of every Wikinews article, and the date of each that prints a dateline, as SOURCES.csv gives them', function () {
    if (!fs.existsSync(wikinews)) throw new Error(`the Wikinews corpus is missing at ${wikinews}`);
    const rows = parseCsv(fs.readFileSync(path.join(wikinews, 'SOURCES.csv'), 'utf8'));
    const [header, ...data] = rows;
    assert.deepEqual(header, ['file', 'date', 'title', 'url']);
    assert.ok(data.length >= 250);
    const wrong: string[] = [];
    let datelines = 0;
    for (const [file, date, title] of data) {
      const text = fs.readFileSync(path.join(wikinews, file!), 'utf8');
      const meta = findArticleMeta(text);
      // About 150 of the articles print a dateline ("Friday, January 4, 2019") under the headline;
      // the others give no date, and none may be made up for them from dates in the story.
      const dateline = /^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, [A-Z][a-z]+ \d{1,2}, \d{4}\s*$/m.test(text.split('\n').slice(0, 5).join('\n'));
      if (dateline) datelines++;
      if (dateline ? meta.date?.value !== date : meta.date !== undefined && meta.date.value !== date) wrong.push(`${file}: date ${meta.date?.value} (want ${dateline ? date : 'none'})`);
      if (meta.title?.value !== title!.trim()) wrong.push(`${file}: title ${JSON.stringify(meta.title?.value)} (want ${JSON.stringify(title)})`);
    }
    assert.deepEqual(wrong, []);
    assert.ok(datelines >= 140, `${datelines} datelines`);
  });

  it('finds the seed articles\' dates where they print one', () => {
    const got = fs.readdirSync(path.join(root, 'seeds')).sort().map((f) => findDate(fs.readFileSync(path.join(root, 'seeds', f), 'utf8'))?.value ?? null);
    assert.deepEqual(got, [null, '2020-09-12', '2022-12-09', '2016-09-07', null]);
  });

  it('lets the sidecar override what the text shows, ignoring blanks', () => {
    const found = findArticleMeta('Headline here today\n\nMonday, May 6, 2019\n');
    assert.deepEqual(resolveMeta(found, undefined), { date: '2019-05-06', title: 'Headline here today' });
    assert.deepEqual(resolveMeta(found, { date: '2019-05-07', outlet: 'Wikinews', title: '  ' }), { date: '2019-05-07', title: 'Headline here today', outlet: 'Wikinews' });
  });

  const problems: [string, unknown, string | null][] = [
    ['date', '2019-05-06', null],
    ['date', '2019-02-30', 'meta.date 2019-02-30 is not a calendar date'],
    ['date', '6 May 2019', 'meta.date must be a date written YYYY-MM-DD'],
    ['url', 5, 'meta.url must be a string'],
    ['publisher', 'x', 'unknown meta key "publisher" (known: date, title, outlet, url, author)'],
  ];
  for (const [key, value, want] of problems) {
    it(`meta.${key}: ${JSON.stringify(value)} -> ${want ?? 'fine'}`, () => assert.equal(metaProblem(key, value), want));
  }
});
