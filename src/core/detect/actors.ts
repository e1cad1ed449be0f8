/**
 * Actor detection: a single fast scan for capitalised name candidates, typed by general cues
 * (gazetteers, titles, organisation head nouns, role nouns, first names, prepositions), then
 * merged into actors (acronyms, surnames, possessives, spelling variants, lexicon aliases).
 * Offsets are UTF-16 code units of the text.
 */
import type { Actor, ActorType, Lexicon, Mention } from '../model';
import type { LanguagePack } from '../lang/pack';
import { initialsOf, keyOf, withinOneEdit } from './text';

/**
 * The rules that type actors; an actor's and a mention's `rule` is the index of the one that typed
 * it (a small integer on a shared constant vote: free in the hot path). `ACTOR_RULES` names them
 * for reports, in the same order.
 */
export const ActorRule = {
  /** A gazetteer place: a country, its alias, a city, a region. */
  Gazetteer: 0,
  /** A geographic head or prefix: "Gulf of Aden", "Central Asia". */
  GeoName: 1,
  /** A capitalised dateline at the start of a line: "ISLAMABAD —". */
  Dateline: 2,
  /** After a title: "President A B". */
  Title: 3,
  /** After an honorific: "Mr B", "Dr B". */
  Honorific: 4,
  /** A role in an apposition after it: "A B, an independent senator,". */
  AppositiveRole: 5,
  /** A group's members after it: "X militants", "X leader". */
  MemberNoun: 6,
  /** A company's legal form after it: "X, Inc.". */
  LegalForm: 7,
  /** A platform or outlet: "said via X", "posted on X". */
  Platform: 8,
  /** A maker before a product code: "Airbus A320". */
  Maker: 9,
  /** An organisation head noun: "X Ministry", "X Party", "Lashkar-e-Taiba". */
  OrgHead: 10,
  /** An Arabic article prefix: "al-Qaida". */
  AlPrefix: 11,
  /** A head noun before "of"/"for": "Bank of X". */
  HeadOf: 12,
  /** An acronym alone: "FATF". */
  Acronym: 13,
  /** A person's role noun before it: "spokesman A B". */
  RoleBefore: 14,
  /** An organisation's role noun before it: "the consultancy X". */
  OrgRoleBefore: 15,
  /** "the outskirts of X", "the province of X". */
  PlaceOf: 16,
  /** A compass word before a place: "Northern X". */
  Compass: 17,
  /** A capital inside a word: "PetroChina". */
  Brand: 18,
  /** A known first name: "A B". */
  FirstName: 19,
  /** "in the X": a place after a preposition and "the". */
  PrepositionThe: 20,
  /** "the X said": an institution after "the". */
  TheInstitution: 21,
  /** After a place preposition: "in X", "near X Y". */
  PlacePreposition: 22,
  /** A single unknown word that speaks: "X said". */
  Speaking: 23,
  /** A place named before an event noun: "the X attack". */
  EventNoun: 24,
  /** Capitalised words shaped like a person's name, no other cue. */
  PersonShape: 25,
  /** No cue at all (not reported alone). */
  NoCue: 26,
  /** "Paris-based": the place in the prefix. */
  BasedPrefix: 27,
  /** A capitalised "The" inside a sentence: "reported by The X". */
  MidThe: 28,
  /** The surname with particles of a name seen in full: "van der X". */
  ParticleSurname: 29,
  /** A name in the user's lexicon. */
  Lexicon: 30,
  /** "the Pakistani foreign ministry": a demonym before an institution. */
  DemonymInstitution: 31,
  /** A list after a place word: "the provinces of X, Y and Z". */
  PlaceList: 32,
  /** A weakly typed name in a list takes the type the others clearly have. */
  ListType: 33,
  /** The X of "President A of X", "Governor A of X". */
  Polity: 34,
  /** A journal: "published (on Wednesday) in X". */
  PublishedIn: 35,
  /** Where a person belongs: the X of "A B of X". */
  Affiliation: 36,
  /** A name in a list after "committees on". */
  Committee: 37,
  /** A named site: "X Airport", "X Square". */
  Site: 38,
  /** "the Trump administration", "the Democratic party", "the Houthi movement": a capitalised word and a lowercase institution noun. */
  NamedInstitution: 39,
  /** An address that speaks: "10 Downing Street said". */
  Address: 40,
  /** A person before what they lead: "the A B government". */
  Leader: 41,
} as const;
export type ActorRule = (typeof ActorRule)[keyof typeof ActorRule];

export const ACTOR_RULES: readonly string[] = [
  'gazetteer', 'geographic name', 'dateline', 'title', 'honorific', 'appositive role', 'member noun', 'legal form', 'platform', 'maker', 'organisation head noun',
  'al- prefix', 'head noun of', 'acronym', 'role noun before', 'organisation role before', 'place of', 'compass', 'brand', 'first name', 'preposition + the',
  'the + institution', 'place preposition', 'speaking word', 'event noun', 'person shape', 'no cue', '-based prefix', 'mid-sentence The', 'particle surname',
  'lexicon', 'demonym + institution', 'place list', 'list type', 'polity of a title', 'published in', 'affiliation', 'committee list', 'site', 'named institution', 'address', 'leader',
];

/** Evidence for a type, with a strength and the rule that gave it. */
interface Vote {
  type: ActorType;
  strength: number;
  rule: ActorRule;
}

export interface RawMention extends Mention {
  vote: Vote;
  /** Canonical name forced by the lexicon or a country alias. */
  canonical?: string;
  /** Defined acronym: the mention it abbreviates. */
  expands?: RawMention;
  /** Set on a mention that an acronym or alias `expands`: its actor is then looked up. */
  defined?: boolean;
  /** Lexicon colour. */
  color?: string;
  fromLexicon?: boolean;
}

// Latin (with extensions and combining marks), Greek and Cyrillic, as ranges: a \\p{Lu} class with the
// `u` flag makes this scan several times slower. The extended Latin ranges mix cases.
const LETTER = 'A-Za-zÀ-ÖØ-öø-ɏ\\u0300-\\u036fͰ-ϿЀ-ӿḀ-ỿ';
const UPPER = 'A-ZÀ-ÖØ-ÞĀ-ɏΆ-ΫЀ-ЯḀ-ỿ';
/** A capitalised word (any script with case), an initial, or a plural possessive inside a name ("Traders' Association"). */
const TOKEN = `(?:[A-Z]\\.(?= [${UPPER}])|(?:(?:al|el|ul|ud|bin|ibn)-)?[${UPPER}](?:[${LETTER}0-9]|[-'.](?=[${LETTER}]))*(?:(?<=s)'(?= [${UPPER}]))?)`;
/** Lowercase particles inside names: "Ministry of Finance", "Maarten van der Wal", "Rodrigo Benítez de la Cruz". */
const CONNECTOR = '(?:of the|for the|of|for|de la|de los|de las|van der|van den|von der|de|del|du|des|da|dos|das|di|von|van|der|den|bin|ibn|al|el)';
// eslint-disable-next-line no-misleading-character-class -- combining marks (decomposed text) are letters here, one by one
const CANDIDATE = new RegExp(`${TOKEN}(?:(?: ${CONNECTOR})? ${TOKEN})*`, 'g');
/** The same, at one offset. */
const CANDIDATE_AT = new RegExp(CANDIDATE.source, 'y');
/** "Ministry of Commerce and Industry", "Ministry of Trade, Industry and Fisheries": the rest of an organisation name after "and". */
// eslint-disable-next-line no-misleading-character-class -- as above
const ORG_AND_TAIL = new RegExp(`^(?:, ${TOKEN}(?: ${TOKEN})?)*,? and ${TOKEN}(?: ${TOKEN})*`);
/** The name after " and ", and its last word. */
// eslint-disable-next-line no-misleading-character-class -- as above
const ORG_AND_NEXT = new RegExp(`${TOKEN}(?: ${TOKEN})*`, 'y');
const ORG_AND_NEXT_LAST = /(\S+)$/;
const ACRONYM = /^(?:[A-Z][a-z]?){1,3}[A-Z]$|^[A-Z]{2,6}$|^(?:[A-Z]\.){2,4}$/;
const PARTICLE = /^(?:van der|van den|von der|de la|de los|van|von|de|da|dos|di|du|del|ter|bin|ibn) /;


/** ", a former finance minister," / ", NAMT's fisheries policy director," / ", the founder of …". */
const APPOSITIVE = /^,\s+(?:a|an|the|its|his|her|[A-Z][\w.-]*['’]s)\s+([A-Za-z -]{1,60}?)(?=,|\s+(?:of|at|for|in|who|and|with|from)\b|\.)/;
const NEXT_WORD = /\s{0,3}([a-z]+)/y;
const PLACE_OF = /\b(?:islands?|provinces?|regions?|state|city|towns?|villages?|district|county|department|coast|shores|waters|capital|outskirts|centre|center|suburbs?|streets|port|border|interior|north|south|east|west|northeast|northwest|southeast|southwest|heart|parts?) of (?:the )?$/i;
const SPEAKING = new Set(['said', 'says', 'announced', 'stated', 'warned', 'insisted', 'claimed', 'denied', 'confirmed', 'reported', 'urged', 'argued']);


function isKnownPlace(lang: LanguagePack, s: string): boolean {
  return lang.knownPlaces.has(s);
}

const CONTRACTION = /^([A-Z][a-z]*)'(?:ve|re|ll|d|m|s|t)$/;
const PREFIX_ADJ = /-(?:based|led|backed|born|headquartered|linked|run|owned|affiliated|funded|sponsored)$/;

function isStopToken(lang: LanguagePack, t: string): boolean {
  if (lang.stopCaps.has(t) || /^(?:of|for|the|de|on|al|el)$/.test(t) || PREFIX_ADJ.test(t)) return true;
  const c = CONTRACTION.exec(t);
  return !!c && lang.stopCaps.has(c[1]!);
}

/** Splits a token list into pieces at possessives ("Senate's Foreign Affairs Committee") and after a leading known place followed by a name. */
function splitPieces(lang: LanguagePack, tokens: string[], start: number): { start: number; tokens: string[] }[] {
  const out: { start: number; tokens: string[] }[] = [];
  let cur: string[] = [];
  let curStart = start;
  let pos = start;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (cur.length === 0) curStart = pos;
    // "Fishermen's Association", "People's Party": a possessive inside an organisation's name.
    const inName = i === tokens.length - 2 && isOrgHead(lang, tokens[i + 1]!) && !isKnownPlace(lang, [...cur, t.slice(0, -2)].join(' ')) && !isAcronym(t.slice(0, -2));
    if (/s?'s?$/.test(t) && i < tokens.length - 1 && !inName) {
      cur.push(t.replace(/'s?$/, ''));
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
      // A city can also be a first name ("Santiago Villalba"): split after a city only before a known first name.
      const placeLike = ((lang.countries.has(head) || lang.countryAliases.has(head) || lang.regions.has(head) || lang.firstNames.has(rest[0]!)) && isKnownPlace(lang, head)) || (k >= 2 && lang.geoHeads.has(p.tokens[k - 1]!));
      if (placeLike && rest.length >= 2 && !isOrgHead(lang, rest[rest.length - 1]!) && !lang.titleWords.has(rest[0]!) && !rest.some((t) => /^[a-z]/.test(t))) {
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

/** An organisation head noun, singular or plural ("Association", "Associations"). */
function isOrgHead(lang: LanguagePack, t: string): boolean {
  return lang.orgHeads.has(t) || (t.endsWith('s') && lang.orgHeads.has(t.slice(0, -1)));
}

/** Index of the first "of"/"for" after an organisation head noun ("Bank of …", "Council for …"), or -1. */
function orgHeadOf(lang: LanguagePack, tokens: string[]): number {
  return tokens.findIndex((t, k) => (t === 'of' || t === 'for') && tokens.slice(0, k).some((w) => isOrgHead(lang, w)));
}

/**
 * Where a name continues over "and", or undefined: "Ministry of Commerce and Industry" (after
 * "<head> of"), "Caribbean Shelter and Resilience Network" (before a head noun), "Jammu and
 * Kashmir" (a known place). `candidateEnd` is where the scan's match ended.
 */
function andContinuation(lang: LanguagePack, norm: string, start: number, surface: string, c: Candidate, candidateEnd: number): number | undefined {
  if (c.orgHeadOf) {
    const tail = ORG_AND_TAIL.exec(norm.slice(candidateEnd, candidateEnd + 120));
    const tailTokens = tail ? tail[0].replace(/,? and |, /g, ' ').trim().split(' ') : [];
    if (tail && !tailTokens.some((t) => isKnownPlace(lang, t) || lang.firstNames.has(t) || isAcronym(t) || isOrgHead(lang, t))) return candidateEnd + tail[0].length;
  }
  const end = start + surface.length;
  if (!norm.startsWith(' and ', end)) return undefined;
  if (!c.lastIsOrgHead && !c.orgHeadOf && !c.knownPlace && !c.firstIsFirstName) {
    ORG_AND_NEXT.lastIndex = end + 5;
    if (ORG_AND_NEXT.test(norm) && isOrgHead(lang, ORG_AND_NEXT_LAST.exec(norm.slice(end + 5, ORG_AND_NEXT.lastIndex))![1]!)) return ORG_AND_NEXT.lastIndex;
  }
  const next = /^ and ([^\s,.;:]+)/.exec(norm.slice(end, end + 40))?.[1];
  return next && isKnownPlace(lang, `${surface} and ${next}`) ? end + 5 + next.length : undefined;
}



/** "Pedro Almeida Rocha of the Commission": a person's name, then the organisation they belong to. */
function splitPersonOf(lang: LanguagePack, start: number, tokens: string[]): { start: number; tokens: string[]; titled: boolean; affiliation?: boolean }[] {
  const at = tokens.findIndex((t) => t === 'of' || t === 'for');
  if (at >= 2) {
    const left = tokens.slice(0, at);
    let right = tokens.slice(at + 1);
    let rightStart = start + left.join(' ').length + tokens[at]!.length + 2;
    if (right[0] === 'the') {
      right = right.slice(1);
      rightStart += 4;
    }
    const headLike = (t: string) => isOrgHead(lang, t) || lang.geoHeads.has(t) || lang.nonActorHeads.has(t) || lang.titleWords.has(t) || /^[a-z]/.test(t);
    const rightLast = right[right.length - 1];
    const nameLike = left.length <= 4 && left.every((t) => lang.nameParticles.has(t) || (/^\p{Lu}\p{Ll}/u.test(t) && !lang.demonyms.has(t) && !isKnownPlace(lang, t)));
    // "Martin Smith of PBS": an acronym after "of" is an organisation too.
    const rightOrg = !!rightLast && (isOrgHead(lang, rightLast) || orgHeadOf(lang, right) >= 0 || (right.length === 1 && isAcronym(rightLast) && !lang.countryAliases.has(rightLast)));
    // "Union Island for the Caribbean Shelter …": a place, then an organisation.
    if (rightOrg && lang.geoHeads.has(left[left.length - 1]!)) return [{ start, tokens: left, titled: false }, { start: rightStart, tokens: right, titled: false }];
    if (rightLast && !left.some((t) => headLike(t) && !lang.nameParticles.has(t)) && ((lang.firstNames.has(left[0]!) && isKnownPlace(lang, right.join(' '))) || (nameLike && rightOrg))) {
      return [{ start, tokens: left, titled: false }, { start: rightStart, tokens: right, titled: false }];
    }
    // "Sally Wasef of Australia", "Mick Jagger of The Rolling Stones", "Ted Scambos of CU Boulder": a
    // person's name, then where they belong: a known place, a name with "The" or led by an acronym
    // (an organisation when nothing else types it). Other runs of capitalised words may be one name
    // ("Great Orchestra of Christmas Charity").
    const belongs = isKnownPlace(lang, right.join(' ')) || ((right[0] === 'The' || isAcronym(right[0]!)) && right.length >= 2);
    if (rightLast && belongs && nameLike && !left.some((t) => headLike(t) && !lang.nameParticles.has(t)) && right.every((t) => /^\p{Lu}/u.test(t)) && !isKnownPlace(lang, tokens.join(' '))) {
      return [{ start, tokens: left, titled: false }, { start: rightStart, tokens: right, titled: false, affiliation: true }];
    }
  }
  return [{ start, tokens, titled: false }];
}

function isAcronym(s: string): boolean {
  return ACRONYM.test(s) && s.length <= 8;
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s-])([a-zà-þ])/g, (_m, p: string, c: string) => p + c.toUpperCase());
}

/** Whether a code unit is white space (as `\s` in a regex). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether a code unit is an ASCII letter, an apostrophe or a hyphen. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 39 || c === 45;
}

/** The word before `at` (lowercased; letters, apostrophes, hyphens), skipping spaces, within 40 code units. */
function wordBefore(text: string, at: number): string {
  const from = Math.max(0, at - 40);
  let end = at;
  while (end > from && isSpace(text.charCodeAt(end - 1))) end--;
  let begin = end;
  while (begin > from && isWordChar(text.charCodeAt(begin - 1))) begin--;
  return begin < end ? text.slice(begin, end).toLowerCase() : '';
}

/** Whether `text` has " of " or " of the " (any case) right before `at`: what PLACE_OF ends with. */
function ofBefore(text: string, at: number): boolean {
  let k = at;
  if (text.charCodeAt(k - 1) !== 32) return false;
  if ((text.charCodeAt(k - 2) | 32) === 101 && (text.charCodeAt(k - 3) | 32) === 104 && (text.charCodeAt(k - 4) | 32) === 116 && text.charCodeAt(k - 5) === 32) k -= 4;
  return (text.charCodeAt(k - 2) | 32) === 102 && (text.charCodeAt(k - 3) | 32) === 111 && text.charCodeAt(k - 4) === 32;
}

function isDateline(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (text.slice(lineStart, start).trim() !== '') return false;
  return /^\s*[-–—:]\s/.test(text.slice(end, end + 4)) || /^,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*[-–—:]/.test(text.slice(end, end + 20));
}

/** What typing needs to know about a surface form by itself, worked out once per distinct form in a text. */
interface Form {
  surface: string;
  tokens: string[];
  regionAdjective: boolean;
  knownPlace: boolean;
  /** "Gulf of Aden", "Central Asia": a place by its head or first word. */
  geoName: boolean;
  upper: boolean;
  /** A demonym ("West African") or a non-actor head noun: an adjective or a thing, not an actor. */
  notActor: boolean;
  /** A title without a name: "UN Secretary General", "EU Foreign Affairs". */
  titleOnly: boolean;
  orgHeadLast: boolean;
  acronym: boolean;
  notAlone: boolean;
  /** A head noun or an Arabic linking particle marks an organisation ("Lashkar-e-Taiba"). */
  orgName: boolean;
  alPrefix: boolean;
  /** A head noun before "of"/"for": "Press Trust of India", "Bank of Ghana". */
  headOf: boolean;
  compassPlace: boolean;
  brand: boolean;
  firstName: boolean;
  surfaceIsFirstName: boolean;
  personShape: boolean;
  /** Whether a capitalised word of it is one the text also writes in lowercase (worked out on first need). */
  common?: boolean;
}

function formOf(lang: LanguagePack, surface: string): Form {
  const tokens = surface.split(' ');
  const last = tokens[tokens.length - 1]!;
  const first = tokens[0]!;
  const of = tokens.findIndex((t) => t === 'of' || t === 'for');
  return {
    surface,
    tokens,
    regionAdjective: lang.regionAdjectives.has(surface),
    knownPlace: isKnownPlace(lang, surface),
    geoName: tokens.length >= 2 && (lang.geoHeads.has(last) || lang.geoPrefixes.has(first)) && !lang.firstNames.has(first) && !tokens.some((t) => isOrgHead(lang, t)),
    upper: surface === surface.toUpperCase() && /[A-Z]{3}/.test(surface),
    notActor: lang.demonyms.has(surface) || lang.demonyms.has(last) || (last.endsWith('s') && lang.demonyms.has(last.slice(0, -1))) || lang.nonActorHeads.has(last) || lang.notActorAbbreviations.has(surface) || lang.diseases.has(surface) || lang.diseases.has(first),
    titleOnly: tokens.length >= 2 && lang.titleWords.has(last) && tokens.slice(isAcronym(first) || isKnownPlace(lang, first) ? 1 : 0).every((t) => lang.titleWords.has(t)),
    orgHeadLast: isOrgHead(lang, last),
    acronym: isAcronym(surface),
    notAlone: tokens.length === 1 && lang.notAlone.has(surface),
    orgName: isOrgHead(lang, last) || /-(?:e|ul|ud|i|al)-/.test(surface),
    alPrefix: /^(?:al|el)-/.test(first),
    headOf: of > 0 && tokens.slice(0, of).some((t) => isOrgHead(lang, t)),
    compassPlace: tokens.length >= 2 && lang.compass.has(first) && (isKnownPlace(lang, tokens.slice(1).join(' ')) || lang.geoHeads.has(last)),
    brand: tokens.length === 1 && /^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}/u.test(surface),
    firstName: lang.firstNames.has(first),
    surfaceIsFirstName: lang.firstNames.has(surface),
    // (Not after a demonym: "Polish Roman Catholic".)
    personShape: tokens.length <= 4 && tokens.every((t) => /^\p{Lu}\p{Ll}+(?:['-]\p{Lu}?\p{Ll}+)*\.?$|^[A-Z]\.?$|^(?:de|la|del|da|dos|di|van|von|der|den|bin|ibn)$/u.test(t)) && /^\p{Lu}\p{Ll}/u.test(first) && !lang.demonyms.has(first),
    common: undefined,
  };
}

// Votes are shared: nothing changes a vote in place (a list gives a mention a new one).
const vote = (type: ActorType, strength: number, rule: ActorRule): Vote => ({ type, strength, rule });
const V = {
  gazetteer: vote('place', 3, ActorRule.Gazetteer),
  geoName: vote('place', 2, ActorRule.GeoName),
  dateline: vote('place', 3, ActorRule.Dateline),
  title: vote('person', 3, ActorRule.Title),
  honorific: vote('person', 3, ActorRule.Honorific),
  appositive: vote('person', 2, ActorRule.AppositiveRole),
  member: vote('organization', 2, ActorRule.MemberNoun),
  legalForm: vote('organization', 2, ActorRule.LegalForm),
  platform: vote('organization', 2, ActorRule.Platform),
  maker: vote('organization', 1, ActorRule.Maker),
  orgHead: vote('organization', 2, ActorRule.OrgHead),
  alPrefix2: vote('organization', 2, ActorRule.AlPrefix),
  alPrefix1: vote('organization', 1, ActorRule.AlPrefix),
  headOf: vote('organization', 2, ActorRule.HeadOf),
  acronym: vote('organization', 1, ActorRule.Acronym),
  roleBefore: vote('person', 2, ActorRule.RoleBefore),
  orgRoleBefore: vote('organization', 2, ActorRule.OrgRoleBefore),
  placeOf: vote('place', 2, ActorRule.PlaceOf),
  compass: vote('place', 2, ActorRule.Compass),
  brand: vote('organization', 1, ActorRule.Brand),
  firstName: vote('person', 2, ActorRule.FirstName),
  prepositionThe: vote('place', 1, ActorRule.PrepositionThe),
  theInstitution: vote('organization', 1, ActorRule.TheInstitution),
  placePreposition: vote('place', 1, ActorRule.PlacePreposition),
  speaking: vote('organization', 0.5, ActorRule.Speaking),
  surnameSpeaking: vote('person', 0.5, ActorRule.Speaking),
  eventNoun: vote('place', 1, ActorRule.EventNoun),
  personShape: vote('person', 1, ActorRule.PersonShape),
  noCue: vote('other', 0, ActorRule.NoCue),
  based: vote('place', 1, ActorRule.BasedPrefix),
  midThe: vote('organization', 2, ActorRule.MidThe),
  particleSurname: vote('person', 2, ActorRule.ParticleSurname),
  demonymInstitution: vote('organization', 2, ActorRule.DemonymInstitution),
  placeList: vote('place', 2, ActorRule.PlaceList),
  polity: vote('place', 2, ActorRule.Polity),
  publishedIn: vote('organization', 2, ActorRule.PublishedIn),
  affiliation: vote('organization', 1.5, ActorRule.Affiliation),
  committee: vote('organization', 2, ActorRule.Committee),
  site: vote('place', 2, ActorRule.Site),
  namedInstitution: vote('organization', 2, ActorRule.NamedInstitution),
  address: vote('organization', 2, ActorRule.Address),
  leader: vote('person', 2, ActorRule.Leader),
  listType: { place: vote('place', 1.5, ActorRule.ListType), person: vote('person', 1.5, ActorRule.ListType), organization: vote('organization', 1.5, ActorRule.ListType), other: vote('other', 1.5, ActorRule.ListType) } as Record<ActorType, Vote>,
};
/** "said via Twitter", "posted on Instagram": the name of a platform or outlet. */
const PLATFORM_BEFORE = /\b(?:via|(?:said|says|wrote|writes|posted|posts|tweeted|announced|stated|shared|published|commented|replied|streamed|live-streamed|appeared|reported|broadcast|aired) on)\s+(?:the\s+)?$/;
/** "Acme Holdings, Inc.": a company's legal form after its name. */
const LEGAL_FORM_AFTER = /^,?\s(?:Inc|Ltd|LLC|Corp|PLC|plc|Limited|GmbH|S\.A|AG|N\.V|Co)\b/;
/** "B-17", "F-35", "A320": a product code right before a name ("B-17 Flying Fortress"). */
const PRODUCT_CODE_BEFORE = /\b[A-Z]{1,3}-?\d{1,4}[A-Z]?\s$/;
/** A maker before a product code: "Airbus A320", "Lockheed F-35". */
const PRODUCT_CODE_AFTER = /^\s[A-Z]{1,3}-?\d{1,4}s?\b/;
/** "published (on) Wednesday in", "appeared online in": what comes next is a journal or a paper. */
const PUBLISHED_IN = /\b(?:published|appeared|appearing|appears)(?:\s+(?:on\s+)?(?:\w+day|online|today|yesterday|this week|last week|this month|last month))?\s+in\s+$/;
/** What a person leads, after their name: "the A B government". */
const LED_BODIES = /^(?:government|administration|regime|cabinet)$/;
const AFTER_THE_ORG = /^(?:said|says|has|had|is|was|will|would|also|and|or|did|does|which|who|that|to|in|on|at|for|of|with|its|has|had|have|insists|warned|added)$/;

/** Whether `text` ends with "on " or "via " before `at`, or with those and "the " (what PLATFORM_BEFORE needs). */
function platformCue(text: string, at: number): boolean {
  let k = at;
  if (text.endsWith('the ', k)) {
    k -= 4;
    if (k === 0 || !isSpace(text.charCodeAt(k - 1))) return false;
    while (k > 1 && isSpace(text.charCodeAt(k - 2))) k--;
  }
  return text.endsWith('on ', k) || text.endsWith('via ', k) || (k !== at && (text.endsWith('on', k - 1) || text.endsWith('via', k - 1)));
}

/** Types one candidate (already stripped of titles and stopwords). */
function typeCandidate(lang: LanguagePack, text: string, f: Form, start: number, end: number, titled: boolean, words: LowercaseWords): Vote | undefined {
  const { tokens } = f;
  if (f.regionAdjective && /^\s[a-z]/.test(text.slice(end, end + 2))) return undefined; // "a Caribbean diplomat"
  if (f.knownPlace) return V.gazetteer;
  if (f.geoName) return V.geoName;
  if (f.upper && isDateline(text, start, end)) return V.dateline;
  // "Bradley International Airport", "Tahrir Square": a named site is a place.
  if (tokens.length >= 2 && lang.siteHeads.has(tokens[tokens.length - 1]!) && !f.notActor) return V.site;
  if (f.notActor) return undefined; // an adjective ("West African") or a thing, not an actor
  NEXT_WORD.lastIndex = end;
  const after = NEXT_WORD.exec(text)?.[1];
  if (after && lang.currencies.has(after)) return undefined; // "CFA franc"
  if (f.titleOnly) return undefined;
  // "the Ebola outbreak", "the Falcon Heavy rocket": a disease, a drug or a product, unless a cue makes it an organisation.
  if (after && lang.thingAfter.has(after) && !titled && !f.orgName && !f.acronym) return undefined;
  const codeEnd = text.charCodeAt(start - 2);
  if (((codeEnd >= 48 && codeEnd <= 57) || (codeEnd >= 65 && codeEnd <= 90)) && PRODUCT_CODE_BEFORE.test(text.slice(Math.max(0, start - 12), start))) return undefined;
  if (titled) return V.title;
  if (/\b(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame)\.?\s+$/.test(text.slice(Math.max(0, start - 6), start))) return V.honorific;
  // "Julio César Ríos-Benegas, an independent senator," / "Hafiz Saeed, the founder of …".
  const appositive = text.charCodeAt(end) === 44 /* , */ ? APPOSITIVE.exec(text.slice(end, end + 80)) : null;
  if (appositive && lang.roleNouns.has(appositive[1]!.split(' ').pop()!) && !f.orgHeadLast) return V.appositive;
  // "Jamaatud Dawa leader Hafiz Saeed", "Hizbul Mujahideen militants": a group's members.
  if (after && lang.memberNouns.has(after) && !f.acronym) return V.member;
  if (f.notAlone) return undefined; // "International donors", "News of the deal"
  const next = text.charCodeAt(end);
  if ((next === 44 || next === 32) && LEGAL_FORM_AFTER.test(text.slice(end, end + 8))) return V.legalForm;
  if (platformCue(text, start) && PLATFORM_BEFORE.test(text.slice(Math.max(0, start - 30), start))) return V.platform;
  if (tokens.length === 1 && next === 32 && PRODUCT_CODE_AFTER.test(text.slice(end, end + 10))) return V.maker;
  if (f.orgName) return V.orgHead;
  // "al-Qaida" is a group, "al-Tayeb" a surname: weak, so that a person named in full wins.
  if (f.alPrefix) return tokens.length > 1 ? V.alPrefix2 : V.alPrefix1;
  // "Press Trust of India", "Bank of Ghana", "Ministry of Commerce and Industry": a head noun before "of"/"for".
  if (f.headOf) return V.headOf;
  if (tokens.length === 1 && f.acronym) return V.acronym;
  const before = wordBefore(text, start);
  if (lang.roleNouns.has(before)) return V.roleBefore;
  // "the state gas company QazaqGaz", "the consultancy Kervan Energy Analytics".
  if (lang.orgRoleNouns.has(before)) return V.orgRoleBefore;
  // "findings published Wednesday in Science Advances": a journal, not a place.
  if (before === 'in' && PUBLISHED_IN.test(text.slice(Math.max(0, start - 50), start))) return V.publishedIn;
  // "according to Soufan": a source, whatever "to" says of places.
  const sourced = before === 'to' && /\baccording to\s+$/i.test(text.slice(Math.max(0, start - 16), start));
  // "the smaller islands of the Grenadines", "the outskirts of Lomé".
  if (ofBefore(text, start) && PLACE_OF.test(text.slice(Math.max(0, start - 40), start))) return V.placeOf;
  // "Eastern Caribbean", "Northern Kenya".
  if (f.compassPlace) return V.compass;
  // "QazaqGaz", "PetroChina": a capital inside a word marks a brand.
  if (f.brand) return V.brand;
  if (f.firstName && tokens.length >= 2) return V.firstName;
  // "the Imran Khan government": a person's name before the government they lead.
  if (before === 'the' && tokens.length >= 2 && after && LED_BODIES.test(after) && (f.personShape || f.firstName)) return V.leader;
  if (before === 'the') {
    // "in the Skagerrak" is a place; "the Pentagon said", "the Kremlin's" an institution.
    if (lang.placePrepositions.has(wordBefore(text, text.lastIndexOf('the', start)))) return V.prepositionThe;
    if (tokens.length >= 2 || !after || AFTER_THE_ORG.test(after)) return V.theInstitution;
  }
  if (tokens.length === 1) {
    // "the Nobel Prize in Physics": a word the text also writes in lowercase is no place either.
    if (lang.placePrepositions.has(before) && !sourced && !commonWord(f, words)) return V.placePreposition;
    // "Frontex said": a single unknown name speaking is an institution (a person's surname merges with their full name).
    if (after && SPEAKING.has(after) && !f.surfaceIsFirstName && !commonWord(f, words)) return V.speaking;
    // "the 2016 Pathankot attack": a place named before an event noun.
    if (after && lang.eventNouns.has(after)) return V.eventNoun;
    return V.noCue;
  }
  // ("in Tomasz Sekielski's film": a person-shaped name owning something is no place.)
  if (/^(?:in|near|across|throughout|inside|outside)$/.test(before) && !f.firstName && !commonWord(f, words) && !(f.personShape && text.startsWith("'s ", end))) return V.placePreposition;
  // "New Vegas", "Marvel Comics", "Recovery Appeal": a word the text also writes in lowercase is a common word, not a name.
  if (f.personShape && !commonWord(f, words)) return V.personShape;
  return V.noCue;
}

/** One piece of a candidate, at `rel` code units from the candidate's start, with what is known of its form. */
interface Piece {
  rel: number;
  form: Form;
  titled: boolean;
  canonical: string | undefined;
  /** Never a mention, wherever it stands (only title words or stopwords, too short, ignored by the lexicon). */
  skip: boolean;
  /** The X of "President A of X": a place unless something else types it. */
  polity: boolean;
  /** The X of "A B of X" (a person's name before): an organisation unless something else types it. */
  affiliation: boolean;
}

/** What a candidate's surface alone decides: facts about its words, and (worked out on first need) its pieces. */
interface Candidate {
  orgHeadOf: boolean;
  lastIsOrgHead: boolean;
  knownPlace: boolean;
  firstIsFirstName: boolean;
  /** "Paris-based": places at these offsets, from the leading words dropped. */
  based: { rel: number; length: number }[];
  /** Offset and tokens after the leading function words. */
  rel: number;
  rest: string[];
  /** Whether the first remaining word would be a sentence-initial participle or adverb, should the sentence start there. */
  participle: boolean;
  pieces: Piece[] | undefined;
  piecesAfterParticiple: Piece[] | undefined;
}

function candidateOf(lang: LanguagePack, surface: string): Candidate {
  const tokens = surface.split(' ');
  const based: { rel: number; length: number }[] = [];
  let rel = 0;
  let rest = tokens;
  // Leading capitalised function words ("The", "In", "But", ...) are not part of names; "Paris-based" names a place.
  while (rest.length && isStopToken(lang, rest[0]!) && !isKnownPlace(lang, rest.join(' '))) {
    const b = /^(.+)-(?:based|headquartered)$/.exec(rest[0]!);
    if (b && /^\p{Lu}/u.test(b[1]!) && b[1]!.length > 1) based.push({ rel, length: b[1]!.length });
    rel += rest[0]!.length + 1;
    rest = rest.slice(1);
  }
  // A participle or adverb before a name: "Neighbouring Argentina", "Outgoing President X" (only at a sentence's start).
  const participle = rest.length >= 2 && /(?:ing|ly|ed)$/.test(rest[0]!) && (/^\p{Lu}\p{Ll}+(?:ing|ly)$/u.test(rest[0]!) || (/^\p{Lu}\p{Ll}+ed$/u.test(rest[0]!) && (lang.titleWords.has(rest[1]!) || lang.firstNames.has(rest[1]!) || (rest.length === 2 && isAcronym(rest[1]!))))) && !lang.firstNames.has(rest[0]!) && !isKnownPlace(lang, rest.join(' ')) && !isOrgHead(lang, rest[rest.length - 1]!);
  return { orgHeadOf: orgHeadOf(lang, tokens) > 0, lastIsOrgHead: isOrgHead(lang, tokens[tokens.length - 1]!), knownPlace: isKnownPlace(lang, surface), firstIsFirstName: lang.firstNames.has(tokens[0]!), based, rel, rest, participle, pieces: undefined, piecesAfterParticiple: undefined };
}

/**
 * Splits a candidate's tokens (starting `start` code units into it) into the pieces that may be
 * mentions: at possessives and after a leading place, then at a title ("United Nations
 * Secretary-General Antonio Guterres" → org + person).
 */
function piecesOf(lang: LanguagePack, tokens: string[], start: number, ignore: Set<string>, forms: Map<string, Form>): Piece[] {
  // Trailing function words go; a head noun that is also a sentence start ("Police") stays after a name ("Thames Valley Police").
  while (tokens.length && (/^(?:of|for|the|de|on|al|el)$/.test(tokens[tokens.length - 1]!) || (lang.stopCaps.has(tokens[tokens.length - 1]!) && !(tokens.length > 1 && isOrgHead(lang, tokens[tokens.length - 1]!))))) tokens = tokens.slice(0, -1);
  if (tokens.length === 0) return [];
  const pieces: { start: number; tokens: string[]; titled: boolean; polity?: boolean; affiliation?: boolean }[] = [];
  for (const part of splitPieces(lang, tokens, start)) {
    const ptoks = part.tokens;
    let i = 0;
    let pos = part.start;
    let pieceStart = part.start;
    let current: string[] = [];
    while (i < ptoks.length) {
      const t = ptoks[i]!;
      // A plural title leads a list of names ("Representatives A, B and C"), never inside a name ("House of Representatives").
      if (lang.titleWords.has(t) && !(i > 0 && lang.pluralTitles.has(t))) {
        let j = i;
        while (j < ptoks.length && (lang.titleWords.has(ptoks[j]!) || /^(?:of|for)$/.test(ptoks[j]!))) j++;
        // Back off to the title's head word, or to the domain of "Commissioner for Trade", "Minister of State".
        const domainOpen = (k: number) => ptoks.slice(i, k).some((w, idx) => (w === 'of' || w === 'for') && idx > 0 && lang.titleHeads.has(ptoks[i + idx - 1]!));
        while (j > i && !lang.titleHeads.has(ptoks[j - 1]!) && !(lang.titleWords.has(ptoks[j - 1]!) && domainOpen(j - 1))) j--;
        const head = ptoks[j - 1];
        // "First Minister of Scotland A B", "Prime Minister of India A B": the title's domain is a known place, the name follows it.
        let domain: { start: number; tokens: string[] } | undefined;
        if (j > i && (ptoks[j] === 'of' || ptoks[j] === 'for')) {
          const k = ptoks[j + 1] === 'the' ? j + 2 : j + 1;
          for (let n = Math.min(3, ptoks.length - k - 1); n >= 1; n--) {
            const next = ptoks[k + n]!;
            if (isKnownPlace(lang, ptoks.slice(k, k + n).join(' ')) && /^\p{Lu}/u.test(next) && !lang.titleWords.has(next) && !lang.stopCaps.has(next)) {
              let at = pos;
              for (let m = i; m < k; m++) at += ptoks[m]!.length + 1;
              domain = { start: at, tokens: ptoks.slice(k, k + n) };
              j = k + n;
              break;
            }
          }
        }
        const nameToks = ptoks.slice(j);
        const nameCut = nameToks.findIndex((w) => w === 'of' || w === 'for');
        const personLast = nameCut > 0 ? nameToks[nameCut - 1] : nameToks[nameToks.length - 1];
        if (j > i && j < ptoks.length && !lang.stopCaps.has(ptoks[j]!) && !(personLast && isOrgHead(lang, personLast))) {
          if (current.length) pieces.push({ start: pieceStart, tokens: current, titled: false });
          if (domain) pieces.push({ start: domain.start, tokens: domain.tokens, titled: false });
          let nameStart = pos;
          for (let k = i; k < j; k++) nameStart += ptoks[k]!.length + 1;
          let name = ptoks.slice(j);
          // "Senator Marta Insfrán of the Authentic Radical Liberal Party": the name ends at "of"/"for".
          const cut = name.findIndex((w) => w === 'of' || w === 'for');
          if (cut > 0) {
            let restStart = nameStart;
            for (let k = 0; k <= cut; k++) restStart += name[k]!.length + 1;
            let rest = name.slice(cut + 1);
            if (rest[0] === 'the') {
              restStart += 4;
              rest = rest.slice(1);
            }
            name = name.slice(0, cut);
            if (rest.length && !rest.some((w) => /^[a-z]/.test(w) && !/^(?:of|for|the|and)$/.test(w))) pieces.push({ start: restStart, tokens: rest, titled: false, polity: !!head && lang.polityTitles.has(head) });
          }
          // A name has no connector words ("Secretary of State for South" is a title, not a name).
          if (!name.some((w) => /^[a-z]/.test(w) && !lang.nameParticles.has(w))) pieces.push({ start: nameStart, tokens: name, titled: true });
          current = [];
          break;
        }
      }
      if (current.length === 0) pieceStart = pos;
      current.push(t);
      pos += t.length + 1;
      i++;
    }
    if (current.length) pieces.push(...splitPersonOf(lang, pieceStart, current));
  }
  const out: Piece[] = [];
  for (const p of pieces) {
    // Drop pieces that are only title words or stopwords.
    const toks = p.tokens.filter((t) => !(lang.titleWords.has(t) && p.tokens.length === 1));
    while (toks.length && /^[a-z]/.test(toks[toks.length - 1]!) && !/^(?:al|el|ul|ud|bin|ibn)-/.test(toks[toks.length - 1]!)) toks.pop();
    while (toks.length && /^[a-z]/.test(toks[0]!) && !/^(?:al|el)-/.test(toks[0]!)) toks.shift();
    if (toks.length === 0) continue;
    const sur = toks.join(' ');
    let form = forms.get(sur);
    if (!form) forms.set(sur, (form = formOf(lang, sur)));
    let canonical: string | undefined = lang.countryAliases.get(sur);
    if (!canonical && sur === sur.toUpperCase() && sur.length > 4 && !toks.every((t) => isAcronym(t))) canonical = titleCase(sur);
    const skip = toks.every((t) => lang.titleWords.has(t) || lang.stopCaps.has(t)) || ignore.has(sur) || sur.length < 2;
    out.push({ rel: p.start, form, titled: p.titled, canonical, skip, polity: p.polity ?? false, affiliation: p.affiliation ?? false });
  }
  return out;
}

/** Whether a capitalised word of three or more letters of the form is one the text also writes in lowercase. */
function commonWord(f: Form, words: LowercaseWords): boolean {
  // Forms are made per text, so the answer is kept on the form.
  return (f.common ??= f.tokens.some((t) => t.length >= 3 && t.charCodeAt(0) >= 65 && t.charCodeAt(0) <= 90 && words.has(t.toLowerCase())));
}

/** Whether the text writes a word in lowercase (as a whole word; ASCII letters), looked for once per word. */
class LowercaseWords {
  private readonly seen = new Map<string, boolean>();
  constructor(private readonly norm: string) {}
  has(w: string): boolean {
    let found = this.seen.get(w);
    if (found === undefined) {
      found = false;
      for (let i = this.norm.indexOf(w); i >= 0; i = this.norm.indexOf(w, i + 1)) {
        const before = this.norm.charCodeAt(i - 1);
        const after = this.norm.charCodeAt(i + w.length);
        if (!(i > 0 && (isWordChar(before) || before > 127)) && !((after >= 65 && after <= 90) || (after >= 97 && after <= 122) || after > 127)) {
          found = true;
          break;
        }
      }
      this.seen.set(w, found);
    }
    return found;
  }
}

/** Words a Title Case line may leave lowercase. */
const MINOR_WORDS = /^(?:a|an|the|of|in|on|at|to|for|and|or|but|by|with|from|as|vs\.?|nor|per|via|into|over)$/;

/**
 * Lines written in Title Case ("Minister Increases Pressure On Rivals Over Talks"), the way many
 * headlines are: four or more words, each capitalised but for minor ones. Their capitalisation
 * says nothing about names.
 */
export function titleCaseLines(norm: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let at = 0;
  while (at < norm.length) {
    let end = norm.indexOf('\n', at);
    if (end < 0) end = norm.length;
    // Most lines have a lowercase word that is not a minor one early on: they are let go at once.
    if (end - at >= 15 && end - at <= 200 && !hasMajorLowercase(norm, at, end)) {
      const words = norm.slice(at, end).split(/\s+/).filter((w) => /^[\p{L}]/u.test(w));
      const major = words.filter((w) => !MINOR_WORDS.test(w));
      if (major.length >= 4 && major.every((w) => /^\p{Lu}/u.test(w)) && !/[.?!]["”’]?\s+\p{Lu}/u.test(norm.slice(at, end))) out.push({ start: at, end });
    }
    at = end + 1;
  }
  return out;
}

/** Whether a word of `norm` between `at` and `end` starts with a lowercase ASCII letter and is not a minor word. */
function hasMajorLowercase(norm: string, at: number, end: number): boolean {
  for (let i = at; i < end; i++) {
    const c = norm.charCodeAt(i);
    if (c < 97 || c > 122 || (i > at && !isSpace(norm.charCodeAt(i - 1)))) continue;
    let j = i + 1;
    while (j < end && !isSpace(norm.charCodeAt(j))) j++;
    if (!MINOR_WORDS.test(norm.slice(i, j))) return true;
    i = j;
  }
  return false;
}

/** Whether `sub` occurs as a whole word sequence in `norm` near `at` outside the Title Case lines. */
function occursOutside(norm: string, sub: string, at: number, lines: readonly { start: number; end: number }[]): boolean {
  // Within the article around the line: a window, so that a long text is not searched whole for each part.
  const from = Math.max(0, at - 20_000);
  const window = norm.slice(from, Math.min(norm.length, at + 20_000));
  for (let w = window.indexOf(sub); w >= 0; w = window.indexOf(sub, w + 1)) {
    const i = from + w;
    const before = norm.charCodeAt(i - 1);
    const after = norm.charCodeAt(i + sub.length);
    if ((i > 0 && isLetterCode(before)) || isLetterCode(after)) continue;
    if (!inLines(lines, i)) return true;
  }
  return false;
}

function isLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 191;
}

/** Whether offset `i` is inside one of `lines` (sorted, not overlapping). */
function inLines(lines: readonly { start: number; end: number }[], i: number): boolean {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const l = lines[mid]!;
    if (i < l.start) hi = mid - 1;
    else if (i >= l.end) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The parts of a candidate in a Title Case line that are names: known places, acronyms, or word runs the text also has outside such lines. */
function confirmedParts(lang: LanguagePack, norm: string, start: number, surface: string, lines: readonly { start: number; end: number }[]): { start: number; surface: string }[] {
  const tokens = surface.split(' ');
  const offsets: number[] = [];
  let pos = start;
  for (const t of tokens) {
    offsets.push(pos);
    pos += t.length + 1;
  }
  const out: { start: number; surface: string }[] = [];
  let i = 0;
  while (i < tokens.length) {
    let found = 0;
    // A strong rule holds in a headline too: a title, then a first name or a surname the text has ("Chairman A B").
    let k = i;
    while (k < tokens.length && lang.titleWords.has(tokens[k]!)) k++;
    const titledName = k > i && lang.titleHeads.has(tokens[k - 1]!) && k + 1 < tokens.length && tokens.slice(k, k + 2).every((t) => /^\p{Lu}\p{Ll}/u.test(t) && !lang.titleWords.has(t));
    if (titledName && (lang.firstNames.has(tokens[k]!) || occursOutside(norm, tokens[k + 1]!, start, lines))) {
      const end = k + 2;
      out.push({ start: offsets[i]!, surface: tokens.slice(i, end).join(' ') });
      i = end;
      continue;
    }
    // A run of words occurs outside the lines only where its first word does: that is looked for once.
    let firstOutside: boolean | undefined;
    const outside = (sub: string, words: number): boolean => {
      firstOutside ??= occursOutside(norm, tokens[i]!, start, lines);
      return firstOutside && (words === 1 || occursOutside(norm, sub, start, lines));
    };
    for (let j = Math.min(tokens.length, i + 6); j > i; j--) {
      if (/^[a-z]/.test(tokens[j - 1]!) || lang.stopCaps.has(tokens[i]!)) continue;
      const sub = tokens.slice(i, j).join(' ');
      if (isKnownPlace(lang, sub) || lang.countryAliases.has(sub) || isAcronym(sub) || outside(sub, j - i)) {
        found = j - i;
        out.push({ start: offsets[i]!, surface: sub });
        break;
      }
    }
    i += found || 1;
  }
  return out;
}

/** Finds raw mentions in the normalised text `norm` (same offsets as `text`). */
export function scanMentions(lang: LanguagePack, text: string, norm: string, lexicon: Lexicon): RawMention[] {
  const out: RawMention[] = [];
  const ignore = new Set(lexicon.ignore.map((s) => s.trim()));
  const lexSpans: RawMention[] = findLexiconMentions(text, norm, lexicon, ignore);
  // "the committees on Foreign Affairs, Intelligence, and Oversight and Reform": each name a committee.
  lexSpans.push(...findCommitteeLists(text, norm).filter((c) => !lexSpans.some((m) => m.start < c.end && c.start < m.end)));
  const covered = (s: number, e: number) => lexSpans.some((m) => m.start < e && s < m.end);
  // Names recur: what a surface alone decides is worked out once per distinct surface in this text.
  const candidates = new Map<string, Candidate>();
  const forms = new Map<string, Form>();
  const candidate = (surface: string): Candidate => {
    let c = candidates.get(surface);
    if (!c) candidates.set(surface, (c = candidateOf(lang, surface)));
    return c;
  };

  const headlines = titleCaseLines(norm);
  const words = new LowercaseWords(norm);
  let headline = 0;
  /** The plural title that opened the last candidate, and where the list of names it leads ends so far. */
  let listTitle: { title: string; end: number } | undefined;
  CANDIDATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CANDIDATE.exec(norm))) {
    // Most candidates are one capitalised function word ("The", "In", "He"): drop them first.
    if (lang.stopCaps.has(m[0]) && !norm.startsWith(' and ', m.index + m[0].length)) continue;
    const start = m.index;
    let surface = m[0];
    // Trailing possessive and abbreviation dots.
    if (/'s$/.test(surface)) surface = surface.slice(0, -2);
    else if (/s'$/.test(surface)) surface = surface.slice(0, -1);
    if (/^(?:The )?(?:[A-Z]\.)+[A-Z]$/.test(surface) && norm[start + surface.length] === '.') {
      surface += '.';
      // "U.S. Securities and Exchange Commission": a dotted country abbreviation leads the organisation name after it.
      const orgEnd = lang.countryAliases.has(surface.replace(/^The /, '')) && norm[start + surface.length] === ' ' ? orgNameAt(start + surface.length + 1) : undefined;
      if (orgEnd !== undefined) {
        surface = norm.slice(start, orgEnd);
        CANDIDATE.lastIndex = orgEnd;
        emit(start, surface, candidate(surface));
        continue;
      }
    }
    // "Boeing B-17", "Airbus A300s": a product code ends no name.
    // (Either code is the last word and at most nine characters long.)
    const lastSpace = surface.lastIndexOf(' ');
    const code = lastSpace < 0 || surface.length - lastSpace > 10 ? null : (/ [A-Z]{1,2}$/.exec(surface) ?? / [A-Z]{1,3}-?\d{1,4}[a-z]?$/.exec(surface));
    if (code && surface.length > code[0].length && (/\d/.test(code[0]) || /^-?\d/.test(norm.slice(start + surface.length, start + surface.length + 2)))) surface = surface.slice(0, code.index);
    // A Title Case headline: only the parts of a candidate confirmed elsewhere in the text.
    while (headline < headlines.length && headlines[headline]!.end <= start) headline++;
    if (headline < headlines.length && headlines[headline]!.start <= start) {
      for (const part of confirmedParts(lang, norm, start, surface, headlines)) emit(part.start, part.surface, candidate(part.surface));
      continue;
    }
    let c = candidate(surface);
    // "Presidents A of X and B of Y", "Representatives A, B and C": each name of the list has the plural title.
    if (listTitle && /^(?:,|,? and) $/.test(norm.slice(listTitle.end, start)) && c.rel === 0 && !lang.titleWords.has(c.rest[0]!)) {
      listTitle.end = start + surface.length;
      emit(start, surface, c, listTitle.title);
      continue;
    }
    listTitle = c.rest.length > 1 && lang.pluralTitles.has(c.rest[0]!) ? { title: c.rest[0]!, end: start + surface.length } : undefined;
    // "University of California, Los Angeles": a university's campus, a known place after a comma, is part of its name.
    const campusEnd = c.orgHeadOf && /^(?:University|College) of /.test(surface.slice(c.rel)) ? campusAfter(lang, norm, start + surface.length) : undefined;
    if (campusEnd !== undefined) {
      surface = norm.slice(start, campusEnd);
      CANDIDATE.lastIndex = campusEnd;
      c = candidate(surface);
      emit(start, surface, c);
      continue;
    }
    // A name that continues over "and": "Ministry of Commerce and Industry", "Jammu and Kashmir".
    const joinedEnd = andContinuation(lang, norm, start, surface, c, CANDIDATE.lastIndex);
    if (joinedEnd !== undefined) {
      surface = norm.slice(start, joinedEnd);
      CANDIDATE.lastIndex = joinedEnd;
      c = candidate(surface);
      listTitle = undefined;
    }
    emit(start, surface, c);
  }
  /** Where an organisation name (ending in a head noun, possibly over "and") starting at `at` ends, or undefined. */
  function orgNameAt(at: number): number | undefined {
    CANDIDATE_AT.lastIndex = at;
    const next = CANDIDATE_AT.exec(norm);
    if (!next) return undefined;
    const c = candidate(next[0]);
    const end = andContinuation(lang, norm, at, next[0], c, CANDIDATE_AT.lastIndex) ?? at + next[0].length;
    const whole = end === at + next[0].length ? c : candidate(norm.slice(at, end));
    return whole.lastIsOrgHead && whole.rel === 0 ? end : undefined;
  }
  /** `title`: the plural title of the list this candidate is a name of. */
  function emit(start: number, surface: string, c: Candidate, title?: string): void {
    for (const b of c.based) out.push({ start: start + b.rel, end: start + b.rel + b.length, text: text.slice(start + b.rel, start + b.rel + b.length), vote: V.based });
    const restStart = start + c.rel;
    const midThe = c.rel === 4 && surface.startsWith('The ') && start > 0 && !/(?:^|[.!?:;"“”'‘’(\n—–-]\s*)$/.test(norm.slice(Math.max(0, start - 3), start));
    const pieces = title !== undefined
      ? piecesOf(lang, [title, ...c.rest], c.rel - title.length - 1, ignore, forms).filter((p) => p.rel >= c.rel)
      : c.participle && /(?:^|[.!?“"\n]\s*)$/.test(norm.slice(Math.max(0, restStart - 3), restStart))
        ? (c.piecesAfterParticiple ??= piecesOf(lang, c.rest.slice(1), c.rel + c.rest[0]!.length + 1, ignore, forms))
        : (c.pieces ??= piecesOf(lang, c.rest, c.rel, ignore, forms));
    for (const p of pieces) {
      if (p.skip) continue;
      const s = start + p.rel;
      const e = s + p.form.surface.length;
      if (covered(s, e)) continue;
      let vote = typeCandidate(lang, norm, p.form, s, e, p.titled, words);
      // "reported by The Independent", "a hit for The Rolling Stones": a capitalised "The" inside a sentence starts a name.
      if (midThe && p.rel === c.rel && !p.titled && (vote ? vote.strength < 2 : p.form.notAlone)) vote = V.midThe;
      // "President A of X": X is the polity, unless a cue made it an organisation or a place already.
      if (p.polity && (!vote || (vote.strength < 1.5 && vote.type !== 'organization'))) vote = V.polity;
      if (p.affiliation && (!vote || (vote.strength < 1.5 && vote.type !== 'place'))) vote = V.affiliation;
      if (!vote) continue;
      const raw: RawMention = { start: s, end: e, text: text.slice(s, e), vote };
      if (p.canonical) raw.canonical = p.canonical;
      out.push(raw);
    }
  }
  out.push(...lexSpans);
  out.push(...findLowercaseOrgs(lang, text, norm, covered));
  out.push(...findParticleSurnames(lang, text, norm, out));
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  // Remove mentions nested in a longer one.
  const result: RawMention[] = [];
  let lastEnd = -1;
  for (const mm of out) {
    if (mm.start < lastEnd) continue;
    result.push(mm);
    lastEnd = mm.end;
  }
  typeLists(norm, result);
  // Acronyms defined in parentheses right after a name: "Financial Action Task Force (FATF)".
  for (let k = 1; k < result.length; k++) {
    const acr = result[k]!;
    const prev = result[k - 1]!;
    const parenthesised = (isAcronym(acr.text) || /^[A-Z]{2,6} [A-Z]{2,6}$/.test(acr.text)) && /^\s*\($/.test(norm.slice(prev.end, acr.start)) && norm[acr.end] === ')';
    // "the Caribbean Community, known as CARICOM," / "(also known as …)".
    const knownAs = !acr.text.includes(' ') && /^,?\s+\(?(?:also |better |commonly )?known as\s+$/.test(norm.slice(prev.end, acr.start));
    if (parenthesised || knownAs) {
      acr.expands = prev;
      prev.defined = true;
    }
  }
  return result;
}

/** Where ", <place>" (a known place or a geographic name of up to three words, then no capitalised word) or " at <Name>" ends right after `at`, or undefined. */
function campusAfter(lang: LanguagePack, norm: string, at: number): number | undefined {
  // "University of Texas at Austin": after "at", any name of one or two words is the campus.
  if (norm.startsWith(' at ', at)) {
    const m = /^[A-Z][\w'-]*(?: [A-Z][\w'-]*)?(?![\w'-]| [A-Z])/.exec(norm.slice(at + 4, at + 60));
    return m && !lang.stopCaps.has(m[0].split(' ')[0]!) ? at + 4 + m[0].length : undefined;
  }
  if (!norm.startsWith(', ', at)) return undefined;
  const m = /^(?:[A-Z][\w'-]*)(?: [A-Z][\w'-]*){0,2}/.exec(norm.slice(at + 2, at + 60));
  if (!m) return undefined;
  const words = m[0].split(' ');
  const place = isKnownPlace(lang, m[0]) || (words.length >= 2 && (lang.geoPrefixes.has(words[0]!) || lang.geoHeads.has(words[words.length - 1]!)));
  return place ? at + 2 + m[0].length : undefined;
}

/** "van der Wal told reporters": a surname with lowercase particles, when the full name ("Maarten van der Wal") was seen. */
function findParticleSurnames(lang: LanguagePack, text: string, norm: string, found: RawMention[]): RawMention[] {
  // Surnames with particles of names seen in full, with the offset where that name ends.
  const tails = new Map<string, number>();
  for (const f of found) {
    if (!/\s(?:[a-z]+\s)+\S/.test(f.text)) continue;
    const words = f.text.split(/\s+/);
    for (let i = 1; i < words.length - 1; i++) {
      if (!lang.nameParticles.has(words[i]!)) continue;
      const tail = words.slice(i).join(' ');
      if (!tails.has(tail) || tails.get(tail)! > f.end) tails.set(tail, f.end);
      break;
    }
  }
  const out: RawMention[] = [];
  const forms = [...tails.keys()].filter((t) => PARTICLE.test(t));
  if (forms.length === 0) return out;
  const re = new RegExp(`(?<![${LETTER}])(?:${forms.map(escapeRe).join('|')})(?![${LETTER}])`, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(norm))) {
    if (tails.get(m[0])! > m.index) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: text.slice(m.index, m.index + m[0].length), vote: V.particleSurname });
  }
  return out;
}

const GEO_LIST_LEAD = /\b(?:departments?|provinces?|regions?|states?|districts?|cities|city|towns?|villages?|count(?:y|ies)|municipalit(?:y|ies)|islands?|prefectures?|countries|nations|capitals?) (?:of|such as|including|like)\s*$/i;

/**
 * Names in one list share a type: "in the departments of Alto Paraná, Caaguazú and San Pedro" are
 * places; in "al-Qaida, Islamic State and Hizbul Mujahideen" a weakly typed name takes the type
 * the others clearly have.
 */
function typeLists(norm: string, mentions: RawMention[]): void {
  let i = 0;
  while (i < mentions.length) {
    let j = i;
    while (j + 1 < mentions.length && /^(?:\)?,\s*|\)?,?\s+(?:and|or)\s+|\s*\()$/.test(norm.slice(mentions[j]!.end, mentions[j + 1]!.start))) j++;
    if (j > i) {
      // A list has "and"/"or" ("A, B and C"); "the Eastern Caribbean, Kemal Yıldırım," is an apposition.
      const isList = mentions.slice(i, j).some((m, k) => /\s(?:and|or)\s/.test(norm.slice(m.end, mentions[i + k + 1]!.start)));
      const group = isList ? mentions.slice(i, j + 1).filter((m) => !m.fromLexicon) : [];
      const weak = (m: RawMention) => (m.vote.strength < 2 || m.vote.type === 'other') && !isAcronym(m.text);
      if (GEO_LIST_LEAD.test(norm.slice(Math.max(0, mentions[i]!.start - 60), mentions[i]!.start))) {
        for (const m of group) if (weak(m) || m.vote.type === 'person') m.vote = V.placeList;
      } else {
        const strong = new Set(group.filter((m) => !weak(m) && !isAcronym(m.text)).map((m) => m.vote.type));
        if (strong.size === 1) {
          const type = [...strong][0]!;
          for (const m of group) if (weak(m)) m.vote = V.listType[type];
        }
      }
    }
    i = j + 1;
  }
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
    out.push({ start: m.index, end: m.index + m[0].length, text: text.slice(m.index, m.index + m[0].length), vote: { type: entry.type, strength: 10, rule: ActorRule.Lexicon }, canonical: entry.name, fromLexicon: true, ...(entry.color ? { color: entry.color } : {}) });
  }
  return out;
}

/** "committees on A, B and C", "subcommittees of A and B": the names of the list (capitalised words). */
const COMMITTEE_LIST = /\b(?:[Cc]ommittees|[Ss]ubcommittees|[Pp]anels) (?:on|of|for) ((?:[A-Z][A-Za-z'-]*)(?: (?:and )?[A-Z][A-Za-z'-]*)*(?:(?:,|,? and) [A-Z][A-Za-z'-]*(?: (?:and )?[A-Z][A-Za-z'-]*)*)*)/g;

/**
 * Committees named in a list after "committees on": each item is one (an organisation). With a
 * comma before the last "and" (", and "), an "and" inside an item is part of its name ("Oversight
 * and Reform"); without one, every "and" separates items.
 */
function findCommitteeLists(text: string, norm: string): RawMention[] {
  const out: RawMention[] = [];
  COMMITTEE_LIST.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COMMITTEE_LIST.exec(norm))) {
    const list = m[1]!;
    const listStart = m.index + m[0].length - list.length;
    const separator = list.includes(', and ') ? /, and |, /g : /,? and |, /g;
    let from = 0;
    for (const sep of [...list.matchAll(separator), null]) {
      const to = sep ? sep.index : list.length;
      const start = listStart + from;
      const end = listStart + to;
      if (end > start) out.push({ start, end, text: text.slice(start, end), vote: V.committee });
      if (sep) from = sep.index + sep[0].length;
    }
  }
  return out;
}

/** A street address: "10 Downing Street", "1600 Pennsylvania Avenue". */
const ADDRESS = /\b\d{1,4} (?:[A-Z][a-z]+ ){1,2}(?:Street|Avenue|Road|Place|Drive|Lane)\b/g;
const LOWER_ORG_NAMED = /\bthe (([A-Z][a-z]+) (?:administration|party|movement))\b/g;
const LOWER_ORG = /\bthe (([A-Z][a-z]+) (foreign ministry|foreign office|defen[cs]e ministry|interior ministry|home ministry|finance ministry|embassy|government|army|military|navy|air force|police|parliament|central bank|cabinet|judiciary|supreme court))\b/g;

function findLowercaseOrgs(lang: LanguagePack, text: string, norm: string, covered: (s: number, e: number) => boolean): RawMention[] {
  const out: RawMention[] = [];
  LOWER_ORG.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LOWER_ORG.exec(norm))) {
    if (!lang.demonyms.has(m[2]!)) continue;
    const start = m.index + 4;
    const end = start + m[1]!.length;
    if (covered(start, end)) continue;
    out.push({ start, end, text: text.slice(start, end), vote: V.demonymInstitution, canonical: `${m[2]} ${m[3]}` });
  }
  // "10 Downing Street said", "a spokesman for 10 Downing Street": an address speaking is the office there.
  ADDRESS.lastIndex = 0;
  while ((m = ADDRESS.exec(norm))) {
    const start = m.index;
    const end = start + m[0].length;
    const speaks = SPEAKING.has(/^\s+([a-z]+)/.exec(norm.slice(end, end + 20))?.[1] ?? '') || /\b(?:spokes(?:man|woman|person)|statement|source|official)s? (?:for|from|at) $/.test(norm.slice(Math.max(0, start - 30), start)) || norm.startsWith("'s", end);
    if (!speaks || covered(start, end)) continue;
    out.push({ start, end, text: text.slice(start, end), vote: V.address });
  }
  // "the Trump administration", "the Democratic party", "the Houthi movement".
  LOWER_ORG_NAMED.lastIndex = norm.includes(' administration') || norm.includes(' party') || norm.includes(' movement') ? 0 : norm.length;
  while ((m = LOWER_ORG_NAMED.exec(norm))) {
    const start = m.index + 4;
    const end = start + m[1]!.length;
    if (covered(start, end) || lang.stopCaps.has(m[2]!)) continue;
    out.push({ start, end, text: text.slice(start, end), vote: V.namedInstitution });
  }
  return out;
}

interface Builder {
  names: Map<string, number>; // surface → count
  canonical?: string;
  votes: Map<ActorType, number>;
  /** The strongest vote of each type (the first of equals): its rule is the actor's. */
  best: Partial<Record<ActorType, Vote>>;
  mentions: Mention[];
  keys: Set<string>;
  tokens: string[]; // tokens of the longest name
  color?: string;
  lexicon: boolean;
  /** Position in creation order (the first of several fuzzy matches wins). */
  index: number;
  /** Keys of the last n tokens, by n (cleared when the tokens change). */
  tailKeys?: Map<number, string>;
  /** Initials of the tokens, upper-cased (set when the tokens change). */
  initials: string[];
}

/** Merges raw mentions into actors. */
export function mergeMentions(lang: LanguagePack, raw: RawMention[]): Actor[] {
  const builders: Builder[] = [];
  const byKey = new Map<string, Builder>();
  const assigned = new Map<RawMention, Builder>();
  /**
   * Keys of 8 or more characters with their builder, listed under their first three and under their
   * last three characters: two keys of five or more characters one edit apart share one or the
   * other, so fuzzy matching looks only at the keys listed under those of the key it matches (two
   * short lists, where listing every one-deletion form cost a string and a list entry per character).
   */
  const nearKeys = new Map<string, { key: string; builder: number }[]>();
  // Builders by each of their tokens and by their initials, in the order they were listed (a builder
  // is listed again when its tokens change; entries are checked against its current tokens).
  const byToken = new Map<string, number[]>();
  const byInitials = new Map<string, number[]>();
  const byTail = new Map<string, number[]>();
  /** Builders listed under `k`, each once, in creation order. */
  const listed = (index: Map<string, number[]>, k: string): Builder[] => {
    const l = index.get(k);
    if (!l) return [];
    return [...new Set(l)].sort((x, y) => x - y).map((i) => builders[i]!);
  };
  const addKey = (b: Builder, k: string) => {
    if (b.keys.has(k)) return;
    b.keys.add(k);
    if (k.length < 8) return;
    const e = { key: k, builder: b.index };
    list(nearKeys, headOf(k), e);
    list(nearKeys, tailOf(k), e);
  };

  const keys = new Map<string, string>();
  const key = (s: string): string => {
    let k = keys.get(s);
    if (k === undefined) keys.set(s, (k = keyOf(s)));
    return k;
  };
  const surfaces = new Map<string, string>();
  const surfaceOf = (t: string): string => {
    let v = surfaces.get(t);
    if (v === undefined) surfaces.set(t, (v = t.replace(/\s+/g, ' ').replace(/['’]s$/, '')));
    return v;
  };
  const add = (b: Builder, m: RawMention) => {
    b.mentions.push({ start: m.start, end: m.end, text: m.text, rule: m.vote.rule });
    const surface = surfaceOf(m.text);
    const seen = b.names.get(surface);
    b.names.set(surface, (seen ?? 0) + 1);
    b.votes.set(m.vote.type, (b.votes.get(m.vote.type) ?? 0) + m.vote.strength + 0.1);
    const best = b.best[m.vote.type];
    if (!best || m.vote.strength > best.strength) b.best[m.vote.type] = m.vote;
    // A canonical form names a new actor; it does not rename one already named ("CARICOM" → "Caricom").
    if (m.canonical && !b.canonical && (b.mentions.length === 1 || lang.countryAliases.has(m.text))) b.canonical = m.canonical;
    if (m.fromLexicon) {
      b.lexicon = true;
      b.canonical = m.canonical;
    }
    if (m.color) b.color = m.color;
    if (m.defined) assigned.set(m, b); // only definitions are looked up (a map of every mention is slow)
    if (seen !== undefined && !m.canonical) return; // this surface's keys and tokens are already in
    const sk = key(surface);
    const k = m.canonical ? key(m.canonical) : sk;
    addKey(b, k);
    addKey(b, sk);
    if (!byKey.has(k)) byKey.set(k, b);
    if (!byKey.has(sk)) byKey.set(sk, b);
    const toks = surface.split(' ');
    if (toks.length > b.tokens.length && !isAcronym(surface)) {
      b.tokens = toks;
      b.tailKeys = undefined;
      b.initials = toks.length >= 2 ? initialsOf(surface).map((ini) => ini.toUpperCase()) : [];
      for (const t of toks) list(byToken, t, b.index);
      for (const ini of b.initials) list(byInitials, ini, b.index);
      // The keys of its last words (all but the first), for a shorter name spelled alike, listed by
      // word count and by their first and last three characters (as `nearKeys`).
      for (let n = 2; n < toks.length; n++) {
        const tail = keyOf(toks.slice(-n).join(' '));
        list(byTail, `${n}${headOf(tail)}`, b.index);
        list(byTail, `${n}${tailOf(tail)}`, b.index);
      }
    }
  };
  const create = (m: RawMention) => {
    const b: Builder = { names: new Map(), votes: new Map(), best: {}, mentions: [], keys: new Set(), tokens: [], lexicon: false, index: builders.length, initials: [] };
    builders.push(b);
    add(b, m);
    return b;
  };
  /** The first builder (in creation order) with a long key one edit away from `k`, not merely a prefix of it or it of that key. */
  const findFuzzy = (k: string): Builder | undefined => {
    if (k.length < 8) return undefined;
    let first = -1;
    for (const bucket of [nearKeys.get(headOf(k)), nearKeys.get(tailOf(k))]) {
      if (!bucket) continue;
      for (const e of bucket) {
        if ((first !== -1 && e.builder >= first) || e.key.startsWith(k) || k.startsWith(e.key)) continue;
        if (withinOneEdit(k, e.key)) first = e.builder;
      }
    }
    return first === -1 ? undefined : builders[first];
  };

  // "Bin Ladin" … "Osama bin Laden": the last words of a person's full name, spelled alike.
  const tailOfPerson = (surface: string): Builder | undefined => {
    const toks = surface.split(' ');
    if (toks.length < 2) return undefined;
    const k = key(surface);
    // Only builders listed under the first or last three characters of this key can have a tail
    // equal to it or one edit away (a tail that near has five or more characters); the first wins.
    let first = -1;
    for (const bucket of [byTail.get(`${toks.length}${headOf(k)}`), byTail.get(`${toks.length}${tailOf(k)}`)]) {
      if (!bucket) continue;
      for (const i of bucket) {
        if (first !== -1 && i >= first) continue;
        const x = builders[i]!;
        if (x.tokens.length <= toks.length || (x.votes.get('person') ?? 0) === 0) continue;
        let tail = x.tailKeys?.get(toks.length);
        if (tail === undefined) (x.tailKeys ??= new Map()).set(toks.length, (tail = keyOf(x.tokens.slice(-toks.length).join(' '))));
        if (tail === k || (k.length >= 6 && withinOneEdit(tail, k))) first = i;
      }
    }
    return first === -1 ? undefined : builders[first];
  };
  // Pass 1: names of several words, lexicon and gazetteer hits, and strongly typed single words.
  const deferred: RawMention[] = [];
  for (const m of raw) {
    const surface = m.text.replace(/\s+/g, ' ');
    const k = key(m.canonical ?? surface);
    const multi = surface.includes(' ') || m.canonical !== undefined || m.fromLexicon;
    if (!multi) {
      deferred.push(m);
      continue;
    }
    const b = byKey.get(k) ?? (m.expands ? assigned.get(m.expands) : undefined) ?? findFuzzy(k) ?? tailOfPerson(surface);
    if (b) add(b, m);
    else create(m);
  }
  // Pass 2: acronyms and single words: definitions, initials, surnames, exact keys.
  for (const m of deferred) {
    const surface = m.text.replace(/\s+/g, ' ');
    const k = key(surface);
    if (lang.genericOrgHeads.has(surface) && !m.fromLexicon && m.canonical === undefined) {
      // "the Commission", "the Tribunal": the nearest organisation named with that word, or nothing.
      const heads = listed(byToken, surface).filter((x) => x.tokens.length >= 2 && x.tokens.includes(surface) && (x.votes.get('organization') ?? 0) > 0);
      heads.sort((x, y) => nearestBefore(y, m.start) - nearestBefore(x, m.start));
      if (heads[0]) add(heads[0], m);
      continue;
    }
    let b = byKey.get(k);
    if (!b && m.expands) b = assigned.get(m.expands);
    if (!b && isAcronym(surface)) {
      const plain = surface.replace(/\./g, '').toUpperCase();
      b = listed(byInitials, plain).find((x) => x.tokens.length >= 2 && x.initials.includes(plain));
    }
    if (!b) {
      // Surname (or first name) of a person named in full, the nearest one before the mention.
      // (Any later part of a longer name: "Villalba" for "Santiago Villalba Ortiz".)
      const candidates = isKnownPlace(lang, surface) ? [] : listed(byToken, surface).filter((x) => x.tokens.length >= 2 && (x.tokens[x.tokens.length - 1] === surface || x.tokens[0] === surface || (x.tokens.length >= 3 && x.tokens.indexOf(surface) > 0 && (x.votes.get('person') ?? 0) > 0)) && ((x.votes.get('person') ?? 0) > 0 || (x.votes.get('place') ?? 0) > 1));
      if (candidates.length) {
        candidates.sort((x, y) => nearestBefore(y, m.start) - nearestBefore(x, m.start));
        b = candidates[0];
        // "Gáspár Maróth … Maróth said": the surname of a person speaking is no institution.
        if (m.vote.rule === ActorRule.Speaking && (b!.votes.get('person') ?? 0) > 0) m.vote = V.surnameSpeaking;
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
    if (type === 'other' && !b.lexicon) continue;
    const surfaces = [...b.names.keys()];
    const name = b.canonical ?? surfaces.filter((s) => !isAcronym(s)).sort((x, y) => y.split(' ').length - x.split(' ').length || y.length - x.length)[0] ?? surfaces[0]!;
    const aliases = [...new Set(surfaces.filter((s) => s !== name))].sort();
    b.mentions.sort((x, y) => x.start - y.start);
    actors.push({ id: `${type}:${name.toLowerCase().replace(/\s+/g, ' ')}`, name, type, aliases, mentions: b.mentions, rule: b.best[type]?.rule ?? ActorRule.NoCue, ...(b.color ? { color: b.color } : {}) });
  }
  actors.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
  return actors;
}

/** Adds `value` to the list under `k`. */
function list<T>(index: Map<string, T[]>, k: string, value: T): void {
  const l = index.get(k);
  if (l) l.push(value);
  else index.set(k, [value]);
}

/**
 * The first and the last three characters of a key, as index entries ("<" and ">" keep them apart).
 * Two strings of five or more characters one edit apart share one or the other: an edit at one of
 * the first three positions leaves the last three alike, any other edit the first three.
 */
function headOf(k: string): string {
  return `<${k.slice(0, 3)}`;
}

function tailOf(k: string): string {
  return `>${k.slice(-3)}`;
}

function nearestBefore(b: Builder, at: number): number {
  let best = -Infinity;
  for (const m of b.mentions) if (m.start < at && m.start > best) best = m.start;
  return best;
}
