/**
 * A language pack: the vocabulary actor detection looks words up in, compiled once (when its
 * module loads) from the data modules of one language folder (`src/core/lang/<code>/`). A second
 * language is a second folder exporting a pack of this shape; `detect(text, lexicon, language)`
 * takes it. Pure data: no file is read at run time, so it works in the detection worker too.
 */
export interface LanguagePack {
  /** BCP 47 code of the language ("en"). */
  code: string;
  // Places.
  /** Every place name known: countries, their aliases, cities, regions, subnational units. */
  knownPlaces: ReadonlySet<string>;
  countries: ReadonlySet<string>;
  /** Other names of countries ("US" → "United States"). */
  countryAliases: ReadonlyMap<string, string>;
  /** Demonyms with their country ("Kenyan" → "Kenya"). */
  demonyms: ReadonlyMap<string, string>;
  cities: ReadonlySet<string>;
  regions: ReadonlySet<string>;
  subnational: ReadonlySet<string>;
  geoHeads: ReadonlySet<string>;
  /** Last words of named sites ("… Airport", "… Square"): places. */
  siteHeads: ReadonlySet<string>;
  geoPrefixes: ReadonlySet<string>;
  compass: ReadonlySet<string>;
  regionAdjectives: ReadonlySet<string>;
  eventNouns: ReadonlySet<string>;
  placePrepositions: ReadonlySet<string>;
  // Titles and roles.
  /** Every word of a title: heads, modifiers and plural titles. */
  titleWords: ReadonlySet<string>;
  titleHeads: ReadonlySet<string>;
  pluralTitles: ReadonlySet<string>;
  /** Titles held in a polity ("President A of X": X is a place). */
  polityTitles: ReadonlySet<string>;
  roleNouns: ReadonlySet<string>;
  // Organisations.
  orgHeads: ReadonlySet<string>;
  nonActorHeads: ReadonlySet<string>;
  currencies: ReadonlySet<string>;
  orgRoleNouns: ReadonlySet<string>;
  notAlone: ReadonlySet<string>;
  memberNouns: ReadonlySet<string>;
  genericOrgHeads: ReadonlySet<string>;
  // Names and things.
  firstNames: ReadonlySet<string>;
  stopCaps: ReadonlySet<string>;
  nameParticles: ReadonlySet<string>;
  notActorAbbreviations: ReadonlySet<string>;
  diseases: ReadonlySet<string>;
  thingAfter: ReadonlySet<string>;
}
