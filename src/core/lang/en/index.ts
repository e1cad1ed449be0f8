/**
 * The English language pack for actor detection: the data modules of this folder compiled into
 * the `Set`s the detector looks words up in, gathered in the pack `en` (`../pack.ts`) that
 * `detect` takes. A word is added by editing one data module (each list is a plain array,
 * checked for duplicates by test/unit/langData.test.ts); a second language is a second folder
 * exporting its own pack.
 */
import type { LanguagePack } from '../pack';
import * as names from './names';
import * as orgs from './organizations';
import * as places from './places';
import * as things from './things';
import * as titles from './titles';

export { COUNTRIES, COUNTRY_ALIASES } from './places';

/** Every list of this pack by name, for the data checks. */
export const LISTS: Readonly<Record<string, readonly string[]>> = { ...names, ...orgs, ...titles, ...things, ...Object.fromEntries(Object.entries(places).filter(([, v]) => Array.isArray(v))) } as Record<string, readonly string[]>;

export const CITIES: ReadonlySet<string> = new Set(places.CITIES);
export const REGIONS: ReadonlySet<string> = new Set(places.REGIONS);
export const SUBNATIONAL: ReadonlySet<string> = new Set(places.SUBNATIONAL);
export const GEO_HEADS: ReadonlySet<string> = new Set(places.GEO_HEADS);
export const SITE_HEADS: ReadonlySet<string> = new Set(places.SITE_HEADS);
export const GEO_PREFIXES: ReadonlySet<string> = new Set(places.GEO_PREFIXES);
export const COMPASS: ReadonlySet<string> = new Set(places.COMPASS);
export const REGION_ADJECTIVES: ReadonlySet<string> = new Set(places.REGION_ADJECTIVES);
export const EVENT_NOUNS: ReadonlySet<string> = new Set(places.EVENT_NOUNS);
export const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(places.PLACE_PREPOSITIONS);
/** Every word of a title: heads, modifiers and plural titles. */
export const TITLE_WORDS: ReadonlySet<string> = new Set([...titles.TITLE_HEADS, ...titles.TITLE_MODIFIERS, ...titles.PLURAL_TITLES]);
export const TITLE_HEADS: ReadonlySet<string> = new Set([...titles.TITLE_HEADS, ...titles.PLURAL_TITLES]);
export const PLURAL_TITLES: ReadonlySet<string> = new Set(titles.PLURAL_TITLES);
export const POLITY_TITLES: ReadonlySet<string> = new Set(titles.POLITY_TITLES);
export const ROLE_NOUNS: ReadonlySet<string> = new Set(titles.ROLE_NOUNS);
export const ORG_HEADS: ReadonlySet<string> = new Set(orgs.ORG_HEADS);
export const NON_ACTOR_HEADS: ReadonlySet<string> = new Set(orgs.NON_ACTOR_HEADS);
export const CURRENCIES: ReadonlySet<string> = new Set(orgs.CURRENCIES);
export const ORG_ROLE_NOUNS: ReadonlySet<string> = new Set(orgs.ORG_ROLE_NOUNS);
export const NOT_ALONE: ReadonlySet<string> = new Set(orgs.NOT_ALONE);
export const MEMBER_NOUNS: ReadonlySet<string> = new Set(orgs.MEMBER_NOUNS);
export const GENERIC_ORG_HEADS: ReadonlySet<string> = new Set(orgs.GENERIC_ORG_HEADS);
export const FIRST_NAMES: ReadonlySet<string> = new Set([...names.CENSUS_FIRST_NAMES, ...names.WORLD_FIRST_NAMES]);
export const STOP_CAPS: ReadonlySet<string> = new Set(names.STOP_CAPS);
export const NAME_PARTICLES: ReadonlySet<string> = new Set(names.NAME_PARTICLES);
export const NOT_ACTOR_ABBREVIATIONS: ReadonlySet<string> = new Set(things.NOT_ACTOR_ABBREVIATIONS);
export const DISEASES: ReadonlySet<string> = new Set(things.DISEASES);
export const THING_AFTER: ReadonlySet<string> = new Set(things.THING_AFTER);

const demonyms = new Map<string, string>();
for (const [country, dems] of Object.entries(places.COUNTRIES)) for (const d of dems) if (!demonyms.has(d)) demonyms.set(d, country);

/** The English pack, the detector's default. */
export const en: LanguagePack = {
  code: 'en',
  knownPlaces: new Set([...Object.keys(places.COUNTRY_ALIASES), ...Object.keys(places.COUNTRIES), ...places.CITIES, ...places.REGIONS, ...places.SUBNATIONAL]),
  countries: new Set(Object.keys(places.COUNTRIES)),
  // Maps, not the records: looking a fresh string up as an object key interns it first.
  countryAliases: new Map(Object.entries(places.COUNTRY_ALIASES)),
  demonyms,
  cities: CITIES,
  regions: REGIONS,
  subnational: SUBNATIONAL,
  geoHeads: GEO_HEADS,
  siteHeads: SITE_HEADS,
  geoPrefixes: GEO_PREFIXES,
  compass: COMPASS,
  regionAdjectives: REGION_ADJECTIVES,
  eventNouns: EVENT_NOUNS,
  placePrepositions: PLACE_PREPOSITIONS,
  titleWords: TITLE_WORDS,
  titleHeads: TITLE_HEADS,
  pluralTitles: PLURAL_TITLES,
  polityTitles: POLITY_TITLES,
  roleNouns: ROLE_NOUNS,
  orgHeads: ORG_HEADS,
  nonActorHeads: NON_ACTOR_HEADS,
  currencies: CURRENCIES,
  orgRoleNouns: ORG_ROLE_NOUNS,
  notAlone: NOT_ALONE,
  memberNouns: MEMBER_NOUNS,
  genericOrgHeads: GENERIC_ORG_HEADS,
  firstNames: FIRST_NAMES,
  stopCaps: STOP_CAPS,
  nameParticles: NAME_PARTICLES,
  notActorAbbreviations: NOT_ACTOR_ABBREVIATIONS,
  diseases: DISEASES,
  thingAfter: THING_AFTER,
};
