/**
 * Actor detection: a single fast scan for capitalised name candidates, typed by general cues
 * (gazetteers, titles, organisation head nouns, role nouns, first names, prepositions), then
 * merged into actors (acronyms, surnames, possessives, spelling variants, lexicon aliases).
 * Offsets are UTF-16 code units of the text.
 */
import type { Actor, ActorType, Lexicon, Mention } from '../model';
import {
  CITIES, COUNTRIES, COUNTRY_ALIASES, FIRST_NAMES, GEO_HEADS, NON_ACTOR_HEADS, ORG_HEADS, REGIONS, ROLE_NOUNS, STOP_CAPS, TITLE_HEADS, TITLE_WORDS,
} from './gazetteer';
import { editDistance, initialsOf, keyOf } from './text';

/** Evidence for a type, with a strength. */
interface Vote {
  type: ActorType;
  strength: number;
}

export interface RawMention extends Mention {
  vote: Vote;
  /** Canonical name forced by the lexicon or a country alias. */
  canonical?: string;
  /** Defined acronym: the mention it abbreviates. */
  expands?: RawMention;
  /** Lexicon colour. */
  color?: string;
  fromLexicon?: boolean;
}

const LETTER = 'A-Za-zÀ-ÖØ-öø-ÿ';
const UPPER = 'A-ZÀ-ÖØ-Þ';
const TOKEN = `(?:[A-Z]\\.(?= [${UPPER}])|(?:(?:al|el|ul|ud|bin|ibn)-)?[${UPPER}](?:[${LETTER}0-9]|[-'.](?=[${LETTER}]))*)`;
const CONNECTOR = '(?:of the|for the|of|for|de|del|du|des|da|von|van|der|den|bin|ibn|al|el)';
const CANDIDATE = new RegExp(`${TOKEN}(?:(?: ${CONNECTOR})? ${TOKEN})*`, 'g');
const ACRONYM = /^(?:[A-Z][a-z]?){1,3}[A-Z]$|^[A-Z]{2,6}$|^(?:[A-Z]\.){2,4}$/;

const DEMONYMS = new Map<string, string>();
for (const [country, dems] of Object.entries(COUNTRIES)) for (const d of dems) if (!DEMONYMS.has(d)) DEMONYMS.set(d, country);

const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'near', 'to', 'across', 'throughout', 'inside', 'outside', 'towards', 'toward', 'into', 'visit', 'visited', 'visiting', 'capital']);

function isKnownPlace(s: string): boolean {
  return !!(COUNTRY_ALIASES[s] || COUNTRIES[s] || CITIES.has(s) || REGIONS.has(s));
}

const CONTRACTION = /^([A-Z][a-z]*)'(?:ve|re|ll|d|m|s|t)$/;
const PREFIX_ADJ = /-(?:based|led|backed|born|headquartered|linked|run|owned|affiliated|funded|sponsored)$/;

function isStopToken(t: string): boolean {
  if (STOP_CAPS.has(t) || /^(?:of|for|the|de|on|al|el)$/.test(t) || PREFIX_ADJ.test(t)) return true;
  const c = CONTRACTION.exec(t);
  return !!c && STOP_CAPS.has(c[1]!);
}

/** Splits a token list into pieces at possessives ("Senate's Foreign Affairs Committee") and after a leading known place followed by a name. */
function splitPieces(tokens: string[], start: number): { start: number; tokens: string[] }[] {
  const out: { start: number; tokens: string[] }[] = [];
  let cur: string[] = [];
  let curStart = start;
  let pos = start;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (cur.length === 0) curStart = pos;
    if (/'s$/.test(t) && i < tokens.length - 1) {
      cur.push(t.slice(0, -2));
      out.push({ start: curStart, tokens: cur });
      cur = [];
    } else cur.push(t);
    pos += t.length + 1;
  }
  if (cur.length) out.push({ start: curStart, tokens: cur });
  // "Central Asia Donald Lu", "Afghanistan Zalmay Khalilzad": a place, then a person's name.
  const result: { start: number; tokens: string[] }[] = [];
  for (const p of out) {
    let split = false;
    for (let k = Math.min(3, p.tokens.length - 2); k >= 1; k--) {
      const head = p.tokens.slice(0, k).join(' ');
      const rest = p.tokens.slice(k);
      const placeLike = isKnownPlace(head) || (k >= 2 && GEO_HEADS.has(p.tokens[k - 1]!));
      if (placeLike && rest.length >= 2 && !ORG_HEADS.has(rest[rest.length - 1]!) && !TITLE_WORDS.has(rest[0]!) && !rest.some((t) => /^[a-z]/.test(t))) {
        result.push({ start: p.start, tokens: p.tokens.slice(0, k) });
        result.push({ start: p.start + head.length + 1, tokens: rest });
        split = true;
        break;
      }
    }
    if (!split) result.push(p);
  }
  return result;
}

function isAcronym(s: string): boolean {
  return ACRONYM.test(s) && s.length <= 8;
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s-])([a-zà-þ])/g, (_m, p: string, c: string) => p + c.toUpperCase());
}

/** The word before `at` (lowercased), skipping spaces. */
function wordBefore(text: string, at: number): string {
  const m = /([A-Za-z'-]+)\s*$/.exec(text.slice(Math.max(0, at - 40), at));
  return m ? m[1]!.toLowerCase() : '';
}

function isDateline(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (text.slice(lineStart, start).trim() !== '') return false;
  return /^\s*[-–—:]\s/.test(text.slice(end, end + 4)) || /^,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*[-–—:]/.test(text.slice(end, end + 20));
}

/** Types one candidate (already stripped of titles and stopwords). */
function typeCandidate(text: string, surface: string, start: number, end: number, titled: boolean): Vote | undefined {
  const tokens = surface.split(' ');
  const last = tokens[tokens.length - 1]!;
  const first = tokens[0]!;
  if (isKnownPlace(surface)) return { type: 'place', strength: 3 };
  if (tokens.length >= 2 && GEO_HEADS.has(last) && !FIRST_NAMES.has(first)) return { type: 'place', strength: 2 };
  const upper = surface === surface.toUpperCase() && /[A-Z]{3}/.test(surface);
  if (upper && isDateline(text, start, end)) return { type: 'place', strength: 3 };
  if (DEMONYMS.has(surface)) return undefined; // an adjective, not an actor
  if (NON_ACTOR_HEADS.has(last)) return undefined;
  if (titled) return { type: 'person', strength: 3 };
  if (ORG_HEADS.has(last) || /-(?:e|ul|ud|i|al)-/.test(surface) || /^(?:al|el)-/.test(first)) return { type: 'organization', strength: 2 };
  if (tokens.length === 1 && isAcronym(surface)) return { type: 'organization', strength: 1 };
  const before = wordBefore(text, start);
  if (ROLE_NOUNS.has(before)) return { type: 'person', strength: 2 };
  if (FIRST_NAMES.has(first) && tokens.length >= 2) return { type: 'person', strength: 2 };
  if (before === 'the' && tokens.length >= 2) return { type: 'organization', strength: 1 };
  if (tokens.length === 1) {
    if (PLACE_PREPOSITIONS.has(before)) return { type: 'place', strength: 1 };
    return { type: 'other', strength: 0 };
  }
  if (tokens.length <= 3 && tokens.every((t) => /^[A-ZÀ-Þ][a-zà-ÿ'-]+\.?$|^[A-Z]\.?$/.test(t)) && /^[A-ZÀ-Þ][a-zà-ÿ]/.test(first)) return { type: 'person', strength: 1 };
  return { type: 'other', strength: 0 };
}

/** Finds raw mentions in the normalised text `norm` (same offsets as `text`). */
export function scanMentions(text: string, norm: string, lexicon: Lexicon): RawMention[] {
  const out: RawMention[] = [];
  const ignore = new Set(lexicon.ignore.map((s) => s.trim()));
  const lexSpans: RawMention[] = findLexiconMentions(text, norm, lexicon, ignore);
  const covered = (s: number, e: number) => lexSpans.some((m) => m.start < e && s < m.end);

  CANDIDATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CANDIDATE.exec(norm))) {
    let start = m.index;
    let surface = m[0];
    // Trailing possessive and abbreviation dots.
    if (/'s$/.test(surface)) surface = surface.slice(0, -2);
    else if (/s'$/.test(surface)) surface = surface.slice(0, -1);
    if (/^(?:[A-Z]\.)+[A-Z]$/.test(surface) && norm[start + surface.length] === '.') surface += '.';
    let tokens = surface.split(' ');
    // Leading capitalised function words ("The", "In", "But", ...) are not part of names.
    while (tokens.length && isStopToken(tokens[0]!)) {
      start += tokens[0]!.length + 1;
      tokens = tokens.slice(1);
    }
    while (tokens.length && (/^(?:of|for|the|de|on|al|el)$/.test(tokens[tokens.length - 1]!) || STOP_CAPS.has(tokens[tokens.length - 1]!))) tokens = tokens.slice(0, -1);
    if (tokens.length === 0) continue;
    // Split at possessives and after a leading place, then at a title:
    // "United Nations Secretary-General Antonio Guterres" → org + person.
    const pieces: { start: number; tokens: string[]; titled: boolean }[] = [];
    for (const part of splitPieces(tokens, start)) {
      const ptoks = part.tokens;
      let i = 0;
      let pos = part.start;
      let pieceStart = part.start;
      let current: string[] = [];
      while (i < ptoks.length) {
        const t = ptoks[i]!;
        if (TITLE_WORDS.has(t)) {
          let j = i;
          while (j < ptoks.length && (TITLE_WORDS.has(ptoks[j]!) || /^(?:of|for)$/.test(ptoks[j]!))) j++;
          while (j > i && !TITLE_HEADS.has(ptoks[j - 1]!)) j--;
          if (j > i && j < ptoks.length && !STOP_CAPS.has(ptoks[j]!) && !ORG_HEADS.has(ptoks[ptoks.length - 1]!)) {
            if (current.length) pieces.push({ start: pieceStart, tokens: current, titled: false });
            let nameStart = pos;
            for (let k = i; k < j; k++) nameStart += ptoks[k]!.length + 1;
            const name = ptoks.slice(j);
            // A name has no connector words ("Secretary of State for South" is a title, not a name).
            if (!name.some((w) => /^[a-z]/.test(w))) pieces.push({ start: nameStart, tokens: name, titled: true });
            current = [];
            break;
          }
        }
        if (current.length === 0) pieceStart = pos;
        current.push(t);
        pos += t.length + 1;
        i++;
      }
      if (current.length) pieces.push({ start: pieceStart, tokens: current, titled: false });
    }
    for (const p of pieces) {
      // Drop pieces that are only title words or stopwords.
      const toks = p.tokens.filter((t) => !(TITLE_WORDS.has(t) && p.tokens.length === 1));
      while (toks.length && /^[a-z]/.test(toks[toks.length - 1]!) && !/^(?:al|el|ul|ud|bin|ibn)-/.test(toks[toks.length - 1]!)) toks.pop();
      while (toks.length && /^[a-z]/.test(toks[0]!) && !/^(?:al|el)-/.test(toks[0]!)) toks.shift();
      if (toks.length === 0) continue;
      let sur = toks.join(' ');
      if (toks.every((t) => TITLE_WORDS.has(t) || STOP_CAPS.has(t))) continue;
      const s = p.start;
      const e = s + sur.length;
      if (ignore.has(sur) || covered(s, e)) continue;
      const vote = typeCandidate(norm, sur, s, e, p.titled);
      if (!vote) continue;
      let canonical: string | undefined = COUNTRY_ALIASES[sur];
      if (!canonical && sur === sur.toUpperCase() && sur.length > 4 && !toks.every((t) => isAcronym(t))) canonical = titleCase(sur);
      if (sur.length < 2) continue;
      sur = text.slice(s, e);
      out.push({ start: s, end: e, text: sur, vote, ...(canonical ? { canonical } : {}) });
    }
  }
  out.push(...lexSpans);
  out.push(...findLowercaseOrgs(text, norm, covered));
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  // Remove mentions nested in a longer one.
  const result: RawMention[] = [];
  let lastEnd = -1;
  for (const mm of out) {
    if (mm.start < lastEnd) continue;
    result.push(mm);
    lastEnd = mm.end;
  }
  // Acronyms defined in parentheses right after a name: "Financial Action Task Force (FATF)".
  for (let k = 1; k < result.length; k++) {
    const acr = result[k]!;
    const prev = result[k - 1]!;
    if (isAcronym(acr.text) && /^\s*\($/.test(norm.slice(prev.end, acr.start)) && norm[acr.end] === ')') acr.expands = prev;
  }
  return result;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function findLexiconMentions(text: string, norm: string, lexicon: Lexicon, ignore: Set<string>): RawMention[] {
  const forms: { form: string; entry: Lexicon['actors'][number] }[] = [];
  for (const entry of lexicon.actors) {
    for (const form of [entry.name, ...entry.aliases]) if (form && form.trim() && !ignore.has(form)) forms.push({ form: form.trim(), entry });
  }
  if (forms.length === 0) return [];
  forms.sort((a, b) => b.form.length - a.form.length);
  const byForm = new Map(forms.map((f) => [f.form.replace(/\s+/g, ' '), f.entry]));
  const re = new RegExp(`(?<![${LETTER}0-9])(?:${forms.map((f) => escapeRe(f.form).replace(/\s+/g, ' ')).join('|')})(?![${LETTER}0-9])`, 'g');
  const out: RawMention[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(norm))) {
    const entry = byForm.get(m[0])!;
    out.push({ start: m.index, end: m.index + m[0].length, text: text.slice(m.index, m.index + m[0].length), vote: { type: entry.type, strength: 10 }, canonical: entry.name, fromLexicon: true, ...(entry.color ? { color: entry.color } : {}) });
  }
  return out;
}

const LOWER_ORG = /\bthe (([A-Z][a-z]+) (foreign ministry|foreign office|defen[cs]e ministry|interior ministry|home ministry|finance ministry|embassy|government|army|military|navy|air force|police|parliament|central bank|cabinet|judiciary|supreme court))\b/g;

function findLowercaseOrgs(text: string, norm: string, covered: (s: number, e: number) => boolean): RawMention[] {
  const out: RawMention[] = [];
  LOWER_ORG.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LOWER_ORG.exec(norm))) {
    if (!DEMONYMS.has(m[2]!)) continue;
    const start = m.index + 4;
    const end = start + m[1]!.length;
    if (covered(start, end)) continue;
    out.push({ start, end, text: text.slice(start, end), vote: { type: 'organization', strength: 2 }, canonical: `${m[2]} ${m[3]}` });
  }
  return out;
}

interface Builder {
  names: Map<string, number>; // surface → count
  canonical?: string;
  votes: Map<ActorType, number>;
  mentions: Mention[];
  keys: Set<string>;
  tokens: string[]; // tokens of the longest name
  color?: string;
  lexicon: boolean;
}

/** Merges raw mentions into actors. */
export function mergeMentions(raw: RawMention[]): Actor[] {
  const builders: Builder[] = [];
  const byKey = new Map<string, Builder>();
  const assigned = new Map<RawMention, Builder>();

  const add = (b: Builder, m: RawMention) => {
    b.mentions.push({ start: m.start, end: m.end, text: m.text });
    const surface = m.text.replace(/\s+/g, ' ').replace(/['’]s$/, '');
    b.names.set(surface, (b.names.get(surface) ?? 0) + 1);
    b.votes.set(m.vote.type, (b.votes.get(m.vote.type) ?? 0) + m.vote.strength + 0.1);
    const k = keyOf(m.canonical ?? surface);
    b.keys.add(k);
    b.keys.add(keyOf(surface));
    if (!byKey.has(k)) byKey.set(k, b);
    if (!byKey.has(keyOf(surface))) byKey.set(keyOf(surface), b);
    if (m.canonical && !b.canonical) b.canonical = m.canonical;
    if (m.fromLexicon) {
      b.lexicon = true;
      b.canonical = m.canonical;
    }
    if (m.color) b.color = m.color;
    const toks = surface.split(' ');
    if (toks.length > b.tokens.length && !isAcronym(surface)) b.tokens = toks;
    assigned.set(m, b);
  };
  const create = (m: RawMention) => {
    const b: Builder = { names: new Map(), votes: new Map(), mentions: [], keys: new Set(), tokens: [], lexicon: false };
    builders.push(b);
    add(b, m);
    return b;
  };
  const findFuzzy = (k: string): Builder | undefined => {
    if (k.length < 8) return undefined;
    for (const b of builders) {
      for (const other of b.keys) {
        if (other.length < 8 || other.startsWith(k) || k.startsWith(other)) continue;
        if (editDistance(k, other, 1) <= 1) return b;
      }
    }
    return undefined;
  };

  // "Bin Ladin" … "Osama bin Laden": the last words of a person's full name, spelled alike.
  const tailOfPerson = (surface: string): Builder | undefined => {
    const toks = surface.split(' ');
    if (toks.length < 2) return undefined;
    const k = keyOf(surface);
    return builders.find((x) => {
      if (x.tokens.length <= toks.length || (x.votes.get('person') ?? 0) === 0) return false;
      const tail = keyOf(x.tokens.slice(-toks.length).join(' '));
      return tail === k || (k.length >= 6 && editDistance(tail, k, 1) <= 1);
    });
  };
  // Pass 1: names of several words, lexicon and gazetteer hits, and strongly typed single words.
  const deferred: RawMention[] = [];
  for (const m of raw) {
    const surface = m.text.replace(/\s+/g, ' ');
    const k = keyOf(m.canonical ?? surface);
    const multi = surface.includes(' ') || m.canonical !== undefined || m.fromLexicon;
    if (!multi && (isAcronym(surface) || m.vote.strength < 2)) {
      deferred.push(m);
      continue;
    }
    const b = byKey.get(k) ?? findFuzzy(k) ?? tailOfPerson(surface);
    if (b) add(b, m);
    else create(m);
  }
  // Pass 2: acronyms and single words: definitions, initials, surnames, exact keys.
  for (const m of deferred) {
    const surface = m.text.replace(/\s+/g, ' ');
    const k = keyOf(surface);
    let b = byKey.get(k);
    if (!b && m.expands) b = assigned.get(m.expands);
    if (!b && isAcronym(surface)) {
      const plain = surface.replace(/\./g, '');
      b = builders.find((x) => x.tokens.length >= 2 && initialsOf(x.tokens.join(' ')).some((ini) => ini === plain || ini.toUpperCase() === plain.toUpperCase()));
    }
    if (!b) {
      // Surname (or first name) of a person named in full, the nearest one before the mention.
      const candidates = builders.filter((x) => x.tokens.length >= 2 && (x.tokens[x.tokens.length - 1] === surface || x.tokens[0] === surface) && ((x.votes.get('person') ?? 0) > 0 || (x.votes.get('place') ?? 0) > 1));
      if (candidates.length) {
        candidates.sort((x, y) => nearestBefore(y, m.start) - nearestBefore(x, m.start));
        b = candidates[0];
      }
    }
    if (!b) b = findFuzzy(k);
    if (b) add(b, m);
    else create(m);
  }

  const actors: Actor[] = [];
  for (const b of builders) {
    let type: ActorType = 'other';
    let best = -1;
    for (const t of ['place', 'organization', 'person', 'other'] as const) {
      const v = b.votes.get(t) ?? 0;
      if (v > best) {
        best = v;
        type = t;
      }
    }
    // A lone word seen only weakly (no cue at all) is too uncertain to report.
    if (type === 'other' && best < 0.5 && b.mentions.length < 2 && !b.lexicon) continue;
    const surfaces = [...b.names.keys()];
    const name = b.canonical ?? surfaces.filter((s) => !isAcronym(s)).sort((x, y) => y.split(' ').length - x.split(' ').length || y.length - x.length)[0] ?? surfaces[0]!;
    const aliases = [...new Set(surfaces.filter((s) => s !== name))].sort();
    b.mentions.sort((x, y) => x.start - y.start);
    actors.push({ id: `${type}:${name.toLowerCase().replace(/\s+/g, ' ')}`, name, type, aliases, mentions: b.mentions, ...(b.color ? { color: b.color } : {}) });
  }
  actors.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
  return actors;
}

function nearestBefore(b: Builder, at: number): number {
  let best = -Infinity;
  for (const m of b.mentions) if (m.start < at && m.start > best) best = m.start;
  return best;
}
