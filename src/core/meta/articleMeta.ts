/**
 * Article details (date, title, outlet, URL, author): found in the text where it has them, and
 * overridable by the sidecar's `meta:` block. Pure: no VS Code, no I/O.
 *
 * Dates are looked for near the top of the article (news pages put the dateline there) in the
 * forms news sites print: `Friday, January 4, 2019`, `January 4, 2019`, `4 January 2019`,
 * `1:00 pm 7 Sep, 2016`, `date 2020-09-12`, `2020-09-12`. The first valid one wins; an impossible
 * day (`February 30`) is not a date. The title is the first line that reads as a headline.
 */

export interface ArticleMeta {
  /** ISO 8601 calendar date, `YYYY-MM-DD`. */
  date?: string;
  title?: string;
  outlet?: string;
  url?: string;
  author?: string;
}

export const META_KEYS: readonly (keyof ArticleMeta)[] = ['date', 'title', 'outlet', 'url', 'author'];

/** Where a detail was found (UTF-16 offsets of the text). */
export interface FoundDetail {
  value: string;
  start: number;
  end: number;
}

export interface FoundMeta {
  date?: FoundDetail;
  title?: FoundDetail;
}

const MONTHS: readonly (readonly string[])[] = [
  ['january', 'jan'], ['february', 'feb'], ['march', 'mar'], ['april', 'apr'], ['may'], ['june', 'jun'],
  ['july', 'jul'], ['august', 'aug'], ['september', 'sep', 'sept'], ['october', 'oct'], ['november', 'nov'], ['december', 'dec'],
];
const MONTH_OF = new Map<string, number>(MONTHS.flatMap((forms, i) => forms.map((f) => [f, i + 1] as const)));
const MONTH = MONTHS.flat().sort((a, b) => b.length - a.length).join('|');
const WEEKDAY = '(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?';
const ORD = '(?:st|nd|rd|th)?';

/** One table of date forms: the regex and how to read year, month and day from its groups. */
interface DateRule {
  id: string;
  re: RegExp;
  read(m: RegExpExecArray): [year: number, month: number, day: number];
}

const DATE_RULES: readonly DateRule[] = [
  {
    id: 'iso',
    re: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    read: (m) => [Number(m[1]), Number(m[2]), Number(m[3])],
  },
  {
    id: 'month-day-year',
    re: new RegExp(`\\b(?:${WEEKDAY},?\\s+)?(${MONTH})\\.?\\s+(\\d{1,2})${ORD},?\\s+(\\d{4})\\b`, 'gi'),
    read: (m) => [Number(m[3]), MONTH_OF.get(m[1]!.toLowerCase())!, Number(m[2])],
  },
  {
    id: 'day-month-year',
    re: new RegExp(`\\b(?:${WEEKDAY},?\\s+)?(\\d{1,2})${ORD}\\s+(?:of\\s+)?(${MONTH})\\.?,?\\s+(\\d{4})\\b`, 'gi'),
    read: (m) => [Number(m[3]), MONTH_OF.get(m[2]!.toLowerCase())!, Number(m[1])],
  },
];

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return undefined;
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** How far into the article a dateline is looked for. */
const HEAD_CHARS = 1500;
const HEAD_LINES = 12;

function headOf(text: string): string {
  let end = Math.min(text.length, HEAD_CHARS);
  let lines = 0;
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10 && ++lines === HEAD_LINES) {
      end = i;
      break;
    }
  }
  return text.slice(0, end);
}

/**
 * A dateline stands at the start of its line, after at most a time or a word such as `date`
 * (`1:00 pm 7 Sep, 2016`, ` date 2020-09-12 New Delhi: …`); a date inside a running sentence
 * ("Born on December 11, 1935, in Mirati") is the story's, not the article's.
 */
function isDateline(head: string, at: number): boolean {
  const lineStart = head.lastIndexOf('\n', at - 1) + 1;
  return at - lineStart <= 20 && !/[a-z]{3,}\s+(?:on|in|since|until|by|from)\s*$/i.test(head.slice(lineStart, at));
}

/** The first date near the top of the article, in the earliest position any rule matches. */
export function findDate(text: string): FoundDetail | undefined {
  const head = headOf(text);
  let best: FoundDetail | undefined;
  for (const rule of DATE_RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(head); m; m = rule.re.exec(head)) {
      if (best && m.index >= best.start) break;
      if (!isDateline(head, m.index)) continue;
      const value = isoDate(...rule.read(m));
      if (value) {
        best = { value, start: m.index, end: m.index + m[0].length };
        break;
      }
    }
  }
  return best;
}

/** Lines that are page furniture, not a headline (weather, bylines, image captions, datelines). */
const NOT_A_HEADLINE = /^(?:author image|image|photo|advertisement|share|by\s|updated\b|published\b|-?\d+(?:\.\d+)?\s*°?\s*[CF]\b)/i;

/**
 * The headline: the first non-empty line among the first few that is short, not a date line or
 * page furniture, and does not read as a running sentence (it has no sentence end inside it).
 */
export function findTitle(text: string): FoundDetail | undefined {
  const head = headOf(text);
  let at = 0;
  for (const raw of head.split('\n')) {
    const start = at;
    at += raw.length + 1;
    const line = raw.replace(/\r$/, '');
    const trimmed = line.trim();
    if (!trimmed) continue;
    const date = findDate(trimmed);
    if (date && date.end - date.start >= trimmed.length - 12) continue; // a date line
    if (NOT_A_HEADLINE.test(trimmed) || trimmed.length < 12) continue;
    if (trimmed.length > 250 || /[a-z\d]{2,}[.!?]["”’]?\s+\S/.test(trimmed) || /\.$/.test(trimmed)) return undefined;
    const lead = line.indexOf(trimmed);
    return { value: trimmed, start: start + lead, end: start + lead + trimmed.length };
  }
  return undefined;
}

export function findArticleMeta(text: string): FoundMeta {
  const out: FoundMeta = {};
  const date = findDate(text);
  if (date) out.date = date;
  const title = findTitle(text);
  if (title) out.title = title;
  return out;
}

/** The details in force: the sidecar's `meta:` values over what the text shows. */
export function resolveMeta(found: FoundMeta, override: ArticleMeta | undefined): ArticleMeta {
  const out: ArticleMeta = {};
  if (found.date) out.date = found.date.value;
  if (found.title) out.title = found.title.value;
  for (const k of META_KEYS) {
    const v = override?.[k];
    if (typeof v === 'string' && v.trim()) out[k] = v.trim();
  }
  return out;
}

/** Checks a `meta:` value read from a sidecar: null when fine, else the problem. */
export function metaProblem(key: string, value: unknown): string | null {
  if (!(META_KEYS as readonly string[]).includes(key)) return `unknown meta key "${key}" (known: ${META_KEYS.join(', ')})`;
  if (typeof value !== 'string') return `meta.${key} must be a string`;
  if (key === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'meta.date must be a date written YYYY-MM-DD';
  if (key === 'date') {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    if (!isoDate(y, m, d)) return `meta.date ${value} is not a calendar date`;
  }
  return null;
}
