/**
 * Claim detection: direct quotes with their attribution before or after, reported speech
 * ("X said that …", "…, X said."), "according to X", and pronoun / "the group" speakers resolved
 * to the last matching actor. Offsets are UTF-16 code units.
 */
import type { Actor, ActorType, Claim } from '../model';
import { ORG_HEADS } from '../lang/en';
import { ACCUSE_VERBS, BARE_VERBS, CLAUSE_VERBS, DEMAND_VERBS, DOCUMENTS, EXPECT_VERBS, FIGURE_VERBS, NEAR_DEMAND_VERBS, NP_OBJECT_VERBS, ORG_ANAPHORS, PERSON_ROLES, QUESTION_VERBS, QUOTE_INTRO_VERBS, RELATIONS, RESEARCH_DOCUMENTS, SPEECH_VERBS, THAT_ONLY_VERBS, WARNING_VERBS, WEAK_SPEECH_VERBS } from '../lang/en/speech';
import { sentenceStarts } from './text';

interface MentionRef {
  start: number;
  end: number;
  actor: Actor;
}

interface Speaker {
  actor: Actor | null;
}

/** A person's grammatical gender, as the pronouns that refer to them show it. */
type Gender = 'm' | 'f';

/** Organisation head nouns in lowercase: "the tribunal said", "the secretariat said". */
const GENERIC_HEADS = new Set([...ORG_HEADS].map((h) => h.toLowerCase()));
const QUOTE = /“([^”\n]{2,3000})”|"([^"\n]{2,3000})"/g;
/** "told delegates his country …", "told the crowd the …": a short listener without "that". */
const LISTENER_SHORT = /^(?:told|tells)\s+(?:(?:the|a|an|his|her|their|its)\s+)?(?:[a-z]+s|crowd|audience|parliament|congress|media|press|[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,3})(?=\s+(?:the|a|an|his|her|their|its|it|he|she|they|we|there|[a-z]+s)\b)/;
const LISTENERS = /^(?:told|tells)\s+(?:(?:a|the|reporters|journalists|lawmakers|legislators|parliament|members|senators|correspondents|media|press|news|an?\s+\w+|his|her|their|\w+'s|[A-Z]\w+)\b[^,.“"]{0,60}?)(?=\s+(?:that|on|in|at|during)\b|,|:|\s*$)/;

/** A preposition right before a mention: "in a report on Afghanistan" names a topic, not a speaker. */
const PREP_BEFORE = /\b(?:in|on|at|about|of|from|to|with|for|over|against|by|into|towards?|between|across|after|before|during|near|under|via|like|including|than)\s+(?:the\s+)?$/i;
/** A sentence opening with people left unnamed: "The researchers used …", "Some scientists believe …". */
const UNNAMED_GROUP = /^\s*(?:(?:the|these|those|some|many|several|most|other|local|federal|both)\s+)*(?:[a-z-]+\s+){0,2}(?:researchers|scientists|authors|officials|authorities|investigators|experts|team|analysts|residents|members|protesters|activists|doctors|engineers|archaeologists|egyptologists|historians|prosecutors|witnesses|critics|observers|economists)\b/i;
/** People left unnamed, of a place: "authorities in …", "officials from …", "local police in …". */
const UNNAMED_GROUP_IN = /^(?:(?:the|some|many|several|local|senior|federal|state)\s+)*(?:[a-z-]+\s+)?(?:authorities|officials|police|sources|investigators|prosecutors|experts|researchers|scientists|analysts|diplomats|residents|witnesses|officers|people)\s+(?:in|from|across|of)\s+(?:the\s+)?$/i;
/** Sentence adverbs and conjunctions dropped from a subject phrase ("But he, however,"). */
const FILLER = /^(?:but|and|so|yet|however|also|though|meanwhile|then|later|earlier|further|too|again|instead|still|now|separately|previously|for his part|for her part|in turn|in response|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?: night| morning| evening)?|last \w+|this \w+|in (?:a|an|the) [\w-]+(?: [\w-]+)?|late on \w+|speaking [^,]+|asked [^,]+)$/;
const SPOKES = /^(?:his|her|their|its)\s+(?:[a-z-]+\s+)?(?:spokesperson|spokesman|spokeswoman|spokespeople|office|aide|aides|deputy|representative)$/;

/** A comma segment that is an adverbial opener, not a subject: "after the convention", "speaking to the BBC". */
const OPENER = /^(?:after|before|during|following|amid|despite|at|in|on|with|without|upon|since|until|by|for|from|speaking|asked|writing|responding|addressing)\s[^,]{1,60}$/;
/** Time phrases that open a sentence before its subject: "A few days later", "On Monday,", "Yesterday". */
const LEADING_TIME = /^(?:(?:(?:a few|several|two|three|four|\d+|some) (?:days|weeks|months|years|hours|minutes) (?:later|earlier|ago)|(?:on|in|by|since|during|after|before|last|this|early|late|earlier|later) [^,]{1,30}?,|yesterday|today|tonight|meanwhile|later|earlier|then|however|but|and|also|separately|in response|in a statement)\s*,?\s+)+/i;
/** A short noun phrase: an optional determiner or possessive, then up to five words. */
const NOUN_PHRASE = /^(?:(?:the|a|an|his|her|their|its|our|local|state|some|many|several|most|other|both|all|[A-Z][\w.'’-]*['’]s)\s+)?[\w.&'’-]+(?:\s+[\w.&'’-]+){0,4}$/i;
/** Reporting verbs that are also plural nouns ("coastal states", "press reports"). */
const NOUN_VERBS = /^(?:states|reports|claims|notes|remarks|comments|answers|replies|calls|demands|promises|pledges|vows|estimates|finds|rules|shows|posts|writes)\b/i;
/** Words that show a phrase is a clause, not a subject. */
const NOT_IN_SUBJECT = /\b(?:is|was|were|are|be|been|being|has|have|had|not|to|that|which|who|whom|when|where|if|as|it|this|there|what|how|than|because|while|so|of the|in the|on the|at the|would|could|should|will|may|might|can|must|do|does|did)\b/i;

/**
 * Hearsay: content given with no source ("was reportedly nicknamed …", "Allegedly, X processed …")
 * or in the passive ("is reported to have jumped …", "reported by local press as belonging to …",
 * "were reported by local media to have visited …"); group 1, when present, is the source.
 * Not before a reporting verb ("reportedly believe that …" is the verb's claim).
 */
/** The words the HEARSAY patterns start with (each pattern is sticky: tried where one of these is). */
const HEARSAY_START = /\b(?:reportedly|allegedly|purportedly|supposedly|reported|announced|said|believed|thought|alleged|understood|rumou?red|claimed|described|describes|referred|refers|characteri[sz]ed|labell?ed|branded|portrayed|talked|spoke|speaks|talks|deemed|deems)\b/gi;
const HEARSAY: { re: RegExp; cue: string; subject?: boolean }[] = [
  { re: /\b(?:reportedly|allegedly|purportedly|supposedly)(?<!\b(?:for|of|in|with|by|over|about|after|before|the|an?|its|his|her|their)\s+\w+)\s*,?\s+(?!(?:believe|believes|believed|said|says|told|claimed|claims|has|have|had|is|was|were|are|been|be)\b)(?=[a-z“"₿$€£\d])/iy, cue: 'reportedly' },
  { re: /\b(?:reported|said|believed|thought|alleged|understood|rumou?red|claimed)(?<=\b(?:is|was|were|are|been)\s+(?:widely\s+)?[a-z]+)(?:\s+by\s+((?:the\s+)?[^,;.]{2,40}?))?\s+(?:to(?:\s+have)?|as)\s+(?=[a-z])/iy, cue: 'reported' },
  { re: /(?<=\bit\s+(?:was|is|has\s+been|had\s+been)\s+(?:widely\s+|also\s+|later\s+)?)(?:reported|said|claimed|alleged|announced|believed|understood|rumou?red)\s+(?:that\s+)?(?=[A-Za-z])/iy, cue: 'it was reported' },
  { re: /(?<=,\s+)reported\s+by\s+((?:the\s+)?[^,;.]{2,40}?)\s+as\s+/iy, cue: 'reported by' },
  { re: /\b(?:described|describes|referred to|refers to|characteri[sz]ed|labell?ed|branded|portrayed)\s+(?!as\b)[^.;,“”"]{1,60}?\s+as\s+(?=[a-z“"])/iy, cue: 'described', subject: true },
  { re: /\b(?:talked|spoke|speaks|talks)\s+(?:of|about)\s+(?=[a-z])/iy, cue: 'talked of', subject: true },
  { re: /\b(?:deemed|deems)\s+(?=[a-z])/iy, cue: 'deemed', subject: true },
];

/** A participle that gives what the subject said: ", saying …", ", noting that …", ", calling for …". */
const PARTICIPLE = /\b(saying|noting|adding|claiming|arguing|warning|stressing|insisting|explaining|asking|calling for|citing|accusing|blaming|remarking)(?:\s+that)?\s*,?\s+(?=[“"]?[A-Za-z])/gi;
/** ", with local media reporting …": a participle with its own subject (group 1) after "with". */
const WITH_PARTICIPLE = /,\s+with\s+((?:the\s+)?[^,;.“”"]{2,40}?)\s+(reporting|saying|claiming|noting|warning|suggesting)\s+(?:that\s+)?(?=[a-z])/g;
/** What must come before a participle: a comma (", and saying") or "by" ("justified it by saying"). */
const PARTICIPLE_BEFORE = /(?:,\s+(?:and\s+|while\s+|also\s+)?|\s+by\s+|\bquoted\s+as\s+)$/;

/** Index of the first of `n` sorted items whose key (`keyAt(i)`) is at or after `pos`. */
function lowerBound(n: number, keyAt: (i: number) => number, pos: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyAt(mid) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

class Context {
  /** Every mention of every actor, sorted by start, as parallel arrays (no object per mention). */
  private readonly mStart: Int32Array;
  private readonly mEnd: Int32Array;
  private readonly mActor: Actor[];
  readonly starts: number[];
  /** Quotation spans [open, close) in text order. */
  readonly quotes: [number, number][] = [];
  constructor(
    readonly text: string,
    readonly norm: string,
    actors: Actor[],
  ) {
    let n = 0;
    for (const a of actors) n += a.mentions.length;
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    const owner = new Int32Array(n);
    let i = 0;
    for (let k = 0; k < actors.length; k++) {
      for (const m of actors[k]!.mentions) {
        starts[i] = m.start;
        ends[i] = m.end;
        owner[i++] = k;
      }
    }
    // Sorted by start (stable) through one typed array of (start, index) keys: much faster than a
    // comparator sort on long texts.
    let order: ArrayLike<number>;
    if (n < 2 ** 21) {
      const keys = new Float64Array(n);
      for (let j = 0; j < n; j++) keys[j] = starts[j]! * 2 ** 21 + j;
      keys.sort();
      for (let j = 0; j < n; j++) keys[j] = keys[j]! % 2 ** 21;
      order = keys;
    } else {
      order = Array.from({ length: n }, (_, j) => j).sort((x, y) => starts[x]! - starts[y]! || x - y);
    }
    this.mStart = new Int32Array(n);
    this.mEnd = new Int32Array(n);
    this.mActor = new Array<Actor>(n);
    for (let j = 0; j < n; j++) {
      const at = order[j]!;
      this.mStart[j] = starts[at]!;
      this.mEnd[j] = ends[at]!;
      this.mActor[j] = actors[owner[at]!]!;
    }
    this.starts = sentenceStarts(norm);
    QUOTE.lastIndex = 0;
    let q: RegExpExecArray | null;
    while ((q = QUOTE.exec(norm))) this.quotes.push([q.index, q.index + q[0].length]);
  }

  /**
   * Speakers of the claims found so far, by phase (each phase finds claims in text order): where
   * each claim starts, and who speaks. "He said …" with no person named before is the last speaker.
   */
  private readonly trails: { at: number[]; actor: Actor[] }[] = [];
  /** Where the claim found by the last `lastSpeakerBefore` starts (-1: none). */
  private lastSpeakerAt = -1;

  noteSpeaker(phase: number, at: number, actor: Actor): void {
    const t = (this.trails[phase] ??= { at: [], actor: [] });
    if (t.at.length && t.at[t.at.length - 1]! > at) return; // out of order: not a trail
    t.at.push(at);
    t.actor.push(actor);
  }

  /** The speaker of the last claim (of any phase) that starts before `pos`, not a place. */
  lastSpeakerBefore(pos: number): Actor | null {
    let best: Actor | null = null;
    let bestAt = -1;
    for (const t of this.trails) {
      if (!t) continue;
      const i = lowerBound(t.at.length, (k) => t.at[k]!, pos) - 1;
      if (i >= 0 && t.at[i]! > bestAt) [best, bestAt] = [t.actor[i]!, t.at[i]!];
    }
    this.lastSpeakerAt = bestAt;
    return best;
  }

  /**
   * Who "he" or "she" at `pos` is: the person who spoke in this sentence or the one before, when
   * of that gender (a speaker stays the topic: "X said …. He added …"); else the subject of a
   * sentence before; else the last speaker.
   */
  pronounSpeaker(pos: number, gender: Gender): Actor | null {
    const spoke = this.lastSpeakerBefore(pos);
    if (spoke && spoke.type === 'person' && this.genderOf(spoke) !== (gender === 'm' ? 'f' : 'm')) {
      const i = this.sentenceIndex(pos);
      const at = this.lastSpeakerAt;
      if (at >= 0 && this.sentenceIndex(at) >= i - 1) return spoke;
    }
    return this.subjectBefore(pos, ['person'], gender) ?? spoke;
  }

  /**
   * Whether "they" at `pos` refers to people left unnamed: the nearest sentence before that does not
   * itself open with "they" opens with a group ("The researchers used …", "Scientists believe …").
   */
  unnamedGroupBefore(pos: number): boolean {
    for (let si = this.sentenceIndex(pos), back = 0; si >= 0 && back < 3; si--, back++) {
      const from = this.starts[si]!;
      const head = this.norm.slice(from, Math.min(back === 0 ? pos : this.norm.length, from + 80)).replace(LEADING_TIME, '');
      if (back > 0 && /^\s*they\b/i.test(head)) continue;
      if (back === 0 && !UNNAMED_GROUP.test(head)) continue;
      return UNNAMED_GROUP.test(head);
    }
    return false;
  }

  private byId: Map<string, Actor> | undefined;

  actorById(id: string): Actor | undefined {
    this.byId ??= new Map(this.mActor.map((a) => [a.id, a]));
    return this.byId.get(id);
  }

  /** Whether `pos` lies inside a quotation. */
  inQuote(pos: number): boolean {
    const qs = this.quotes;
    const lo = lowerBound(qs.length, (i) => qs[i]![0], pos);
    return lo > 0 && pos < qs[lo - 1]![1];
  }

  /** Index of the sentence holding `pos` (the last start at or before it; the first start is 0). */
  sentenceIndex(pos: number): number {
    return Math.max(0, lowerBound(this.starts.length, (i) => this.starts[i]!, pos + 1) - 1);
  }

  sentenceOf(pos: number): [number, number] {
    const i = this.sentenceIndex(pos);
    return [this.starts[i]!, i + 1 < this.starts.length ? this.starts[i + 1]! : this.norm.length];
  }

  /** Index of the first mention starting at or after `pos`. */
  private firstAtOrAfter(pos: number): number {
    return lowerBound(this.mStart.length, (i) => this.mStart[i]!, pos);
  }

  mentionsIn(start: number, end: number): MentionRef[] {
    const out: MentionRef[] = [];
    for (let i = this.firstAtOrAfter(start); i < this.mStart.length && this.mStart[i]! < end; i++) {
      if (this.mEnd[i]! <= end) out.push({ start: this.mStart[i]!, end: this.mEnd[i]!, actor: this.mActor[i]! });
    }
    return out;
  }

  lastBefore(pos: number, types: ActorType[], nameHas?: string): Actor | null {
    let fallback: Actor | null = null;
    for (let i = this.firstAtOrAfter(pos) - 1, seen = 0; i >= 0 && seen < 400; i--, seen++) {
      const actor = this.mActor[i]!;
      if (this.mEnd[i]! > pos || !types.includes(actor.type) || this.inQuote(this.mStart[i]!)) continue;
      if (!nameHas) return actor;
      if ([actor.name, ...actor.aliases].some((n) => n.toLowerCase().includes(nameHas))) return actor;
      fallback ??= actor;
    }
    return fallback;
  }

  /**
   * The actor a pronoun refers to: the subject (first mention of the types, outside quotations) of
   * the nearest sentence before `pos` that has one, looking back three sentences; else the last one.
   */
  subjectBefore(pos: number, types: ActorType[], gender?: Gender): Actor | null {
    const fits = (a: Actor) => !gender || this.genderOf(a) !== (gender === 'm' ? 'f' : 'm');
    let si = this.sentenceIndex(pos);
    for (let back = 0; back < 4 && si >= 0; back++, si--) {
      const from = this.starts[si]!;
      const to = back === 0 ? pos : si + 1 < this.starts.length ? this.starts[si + 1]! : this.norm.length;
      // In the pronoun's own sentence, a name after a preposition is no antecedent: "Speaking to Martin Smith of PBS, he said".
      const found = this.mentionsIn(from, to).find((m) => types.includes(m.actor.type) && !this.inQuote(m.start) && fits(m.actor) && (back > 0 || !PREP_BEFORE.test(this.norm.slice(Math.max(from, m.start - 14), m.start))));
      if (found) return found.actor;
    }
    return this.lastBefore(pos, types);
  }

  private readonly genders = new Map<Actor, Gender | undefined>();

  /**
   * A person's grammatical gender as the text shows it: the first he/his/him or she/her after
   * each of their mentions (outside quotations, before another person is named), by majority;
   * undefined when the text does not tell.
   */
  genderOf(actor: Actor): Gender | undefined {
    if (this.genders.has(actor)) return this.genders.get(actor);
    let m = 0;
    let f = 0;
    for (const mention of actor.mentions.slice(0, 12)) {
      if (this.inQuote(mention.start)) continue;
      const title = /\b(Mr|Mrs|Ms|Miss|Madam|Sir|Lady|King|Queen|Prince|Princess)\.?\s+$/.exec(this.norm.slice(Math.max(0, mention.start - 10), mention.start));
      if (title) {
        if (/^(?:Mr|Sir|King|Prince)$/.test(title[1]!)) m += 2;
        else f += 2;
      }
      const after = this.norm.slice(mention.end, Math.min(this.norm.length, mention.end + 250));
      const pro = /\b(he|his|him|himself|she|her|hers|herself)\b/i.exec(after);
      if (!pro) continue;
      const other = this.mentionsIn(mention.end, mention.end + pro.index).some((x) => x.actor !== actor && x.actor.type === 'person');
      if (other || this.inQuote(mention.end + pro.index)) continue;
      if (/^(?:he|his|him|himself)$/i.test(pro[1]!)) m++;
      else f++;
    }
    const g = m > f ? 'm' : f > m ? 'f' : undefined;
    this.genders.set(actor, g);
    return g;
  }

  /**
   * The person last introduced before `pos` with `noun` as their role: right before the name
   * ("Commissioner Gáspár Maróth", "his daughter Nettie Baker") or in an apposition after it
   * ("Dominic Hare, chief executive of …"). A named holder of a role is a person even when the
   * actor rules typed the name otherwise, so organisations are looked at too.
   */
  roleHolder(noun: string, pos: number): Actor | null {
    const before = new RegExp(`\\b${noun}\\s+$`, 'i');
    const after = new RegExp(`^,\\s+(?:(?:his|her|their|the|a|an|its)\\s+)?(?:[\\w'’-]+\\s+){0,3}?${noun}(?![\\wÀ-ÿ])`, 'i');
    for (let i = this.firstAtOrAfter(pos) - 1, seen = 0; i >= 0 && seen < 200; i--, seen++) {
      const actor = this.mActor[i]!;
      if (actor.type === 'place' || this.mEnd[i]! > pos || this.inQuote(this.mStart[i]!)) continue;
      const s = this.mStart[i]!;
      const e = this.mEnd[i]!;
      if (before.test(this.norm.slice(Math.max(0, s - noun.length - 4), s)) || after.test(this.norm.slice(e, e + noun.length + 40))) return actor;
    }
    return null;
  }

  /** The actor of a type mentioned most often before `pos` (ties: the earliest). */
  mostMentionedBefore(pos: number, type: ActorType): Actor | null {
    const counts = new Map<Actor, number>();
    for (let i = 0; i < this.mStart.length && this.mStart[i]! < pos; i++) {
      const a = this.mActor[i]!;
      if (a.type === type) counts.set(a, (counts.get(a) ?? 0) + 1);
    }
    let best: Actor | null = null;
    let n = 0;
    for (const [a, c] of counts) if (c > n) [best, n] = [a, c];
    return best;
  }

  /**
   * A subject that names no known actor but is a short noun phrase ("Press TV", "police", "the
   * industry publication", "his wife Mary"): an unnamed speaker, or the organisation last named
   * whose name holds its head noun ("police" → "Thames Valley Police").
   */
  nounPhrase(start: number, end: number, verbAt: number): Speaker | undefined {
    const phrase = this.norm
      .slice(start, end)
      .replace(/^[\s,]+|[\s,]+$/g, '')
      .replace(LEADING_TIME, '')
      .trim();
    if (!phrase || !NOUN_PHRASE.test(phrase) || NOT_IN_SUBJECT.test(phrase)) return undefined;
    const last = phrase.split(/\s+/).pop()!;
    const head = last.toLowerCase();
    // "Those coastal states", "the annual reports": a verb that is also a plural noun needs a name or a speaking noun before it.
    if (NOUN_VERBS.test(this.norm.slice(verbAt, verbAt + 12)) && !/^[A-Z]/.test(last) && !ORG_ANAPHORS.has(head) && !DOCUMENTS.has(head) && !GENERIC_HEADS.has(head)) return undefined;
    if (ORG_ANAPHORS.has(head) || GENERIC_HEADS.has(head)) {
      const named = this.lastBefore(start, ['organization'], head);
      return { actor: named && [named.name, ...named.aliases].some((n) => n.toLowerCase().includes(head)) ? named : null };
    }
    return { actor: null };
  }

  /** Resolves the speaker named in [start, end) (the words around a reporting verb). */
  resolve(start: number, end: number, anchor: number, preferLast: boolean): Speaker | undefined {
    const inRange = this.mentionsIn(start, end).filter((m) => !this.inQuote(m.start));
    const all = inRange.filter((m) => !PREP_BEFORE.test(this.norm.slice(Math.max(start, m.start - 14), m.start)));
    const persons = all.filter((m) => m.actor.type === 'person');
    const orgs = all.filter((m) => m.actor.type === 'organization');
    const inPhrase = persons.length ? persons : orgs.length ? orgs : all;
    // "authorities in the United Kingdom and the United States announced": unnamed people of those places.
    if (inRange.length && inRange.every((m) => m.actor.type === 'place') && UNNAMED_GROUP_IN.test(this.norm.slice(start, inRange[0]!.start).replace(/^[\s,]+/, ''))) return { actor: null };
    // "The Wooster professor added", "the commissioner stated": a role named before (its holder), not the organisation.
    const role = /^(?:the|this|that)\s+(?:[\w.&'’-]+\s+){0,2}([a-z]+)$/i.exec(this.norm.slice(start, end).trim());
    // "a statement from the Harbour Board", "a report by Amnesty": the issuer named after the document.
    const issued = /^(?:(?:a|an|the|its|their)\s+)?(?:[a-z-]+\s+){0,2}([a-z]+)\s+(?:from|by|of|issued by|released by|published by)\s+(?:the\s+)?$/i.exec(inRange.length ? this.norm.slice(start, inRange[0]!.start).trim() + ' ' : '');
    if (issued && DOCUMENTS.has(issued[1]!.toLowerCase()) && inRange[0]!.actor.type !== 'place') return { actor: inRange[0]!.actor };
    if (!persons.length && role && PERSON_ROLES.has(role[1]!.toLowerCase())) {
      const named = this.roleHolder(role[1]!.toLowerCase(), anchor) ?? this.subjectBefore(anchor, ['person']);
      if (named) return { actor: named };
    }
    // "his daughter said": the person introduced as "his daughter Nettie Baker", else someone unnamed.
    const relation = /^(?:his|her|their)\s+(?:[a-z-]+\s+)?([a-z]+)$/i.exec(this.norm.slice(start, end).trim());
    if (!inPhrase.length && relation && (RELATIONS.has(relation[1]!.toLowerCase()) || PERSON_ROLES.has(relation[1]!.toLowerCase()))) {
      return { actor: this.roleHolder(relation[1]!.toLowerCase(), anchor) };
    }
    if (inPhrase.length) {
      const m = preferLast ? inPhrase[inPhrase.length - 1]! : inPhrase[0]!;
      return { actor: m.actor };
    }
    let phrase = this.norm.slice(start, end).toLowerCase().replace(/[“”"]/g, ' ').trim();
    // Drop fillers between commas: "but, he, however," → "he".
    phrase = phrase
      .split(',')
      .map((p) => p.trim())
      .filter((p, i, all) => p && !FILLER.test(p) && !(i < all.length - 1 && OPENER.test(p)))
      .join(' ')
      .replace(/^(?:(?:but|and|so|yet|then|later|earlier|also|on \w+(?: \w+)?|in (?:a|an|the) [\w-]+(?: [\w-]+)?)\s+)+/, '')
      .replace(/\s+(?:also|later|then|further|again|too|once again|repeatedly)$/, '')
      .trim();
    if (!phrase) return undefined;
    const words = phrase.split(/\s+/);
    const last = words[words.length - 1]!;
    if (words.length === 1 && /^(?:he|she)$/.test(last)) return { actor: this.pronounSpeaker(anchor, last === 'he' ? 'm' : 'f') };
    if (words.length === 1 && last === 'they' && this.unnamedGroupBefore(anchor)) return { actor: null };
    if (words.length === 1 && (last === 'it' || last === 'they')) return { actor: this.subjectBefore(anchor, ['organization', 'place']) };
    // "his spokesperson said": the spokesperson speaks for the person named before.
    if (SPOKES.test(phrase)) return { actor: words[0] === 'his' || words[0] === 'her' ? this.subjectBefore(Math.max(anchor, start), ['person'], words[0] === 'his' ? 'm' : 'f') : this.lastBefore(start, ['organization']) };
    if ((words[0] === 'the' || words[0] === 'its' || words[0] === 'their') && words.length <= 4 && (ORG_ANAPHORS.has(last) || GENERIC_HEADS.has(last) || DOCUMENTS.has(last))) {
      if (/^(?:spokesperson|spokesman|spokeswoman)$/.test(last)) return { actor: null };
      // "the statement said", "the report noted": its issuer, the organisation last named.
      // (A study or a paper is its researchers', unnamed unless named with it: "the NATO study".)
      if (DOCUMENTS.has(last)) return { actor: RESEARCH_DOCUMENTS.has(last) ? null : this.lastBefore(anchor, ['organization']) };
      const named = this.lastBefore(anchor, ['organization'], last);
      // "the government said" with no organisation of that name: the country the article is most about.
      if (/^(?:government|administration|authorities|cabinet)$/.test(last) && !(named && [named.name, ...named.aliases].some((n) => n.toLowerCase().includes(last)))) return { actor: this.mostMentionedBefore(anchor, 'place') ?? named };
      return { actor: named };
    }
    if (words.length <= 8 && /\b(?:official|officials|source|sources|spokesperson|spokesman|spokeswoman|statement|report|diplomat|diplomats|analyst|analysts|experts?|minister|envoy|lawmakers?|residents?|witnesses?|observers?|people|campaigners?|critics|aides?|groups|organisations|organizations|agencies|activists|protesters|donors|economists|investors|traders|farmers|doctors|scientists|researchers|authorities|negotiators|insiders|residents|voters|members)\b/.test(phrase)) {
      return { actor: null };
    }
    if (inRange.length) return { actor: (preferLast ? inRange[inRange.length - 1]! : inRange[0]!).actor }; // "the government in Cairo said"
    return undefined;
  }
}

function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && /[\s,:;“”"‘]/.test(text[start]!)) start++;
  while (end > start && /[\s,.:;“”"’‘]/.test(text[end - 1]!)) end--;
  // Keep the closing mark of a quotation that opens inside the span: the opposition should “respect the people”.
  const inner = text.slice(start, end);
  if (text[end] === '”' && inner.lastIndexOf('“') > inner.lastIndexOf('”')) end++;
  else if (text[end] === '"' && inner.split('"').length % 2 === 0) end++;
  return [start, end];
}

/** First reporting verb (token) in [from, to), with its offset. */
/** The reporting verbs of a text, in order: one pass of one pattern, much faster than testing every word. */
class VerbIndex {
  readonly at: number[] = [];
  readonly words: string[] = [];
  constructor(readonly norm: string) {
    VERB.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = VERB.exec(norm))) {
      // A capitalised verb inside a sentence is part of a name: "the United States", "Reports on".
      const c = m[0].charCodeAt(0);
      if (c >= 65 && c <= 90 && !/(?:^|[.!?:;“”"(\n]\s*)$/.test(norm.slice(Math.max(0, m.index - 3), m.index))) continue;
      this.at.push(m.index);
      this.words.push(m[0].toLowerCase());
    }
  }

  firstAtOrAfter(pos: number): number {
    return lowerBound(this.at.length, (i) => this.at[i]!, pos);
  }

  /** The few characters before the `k`th verb. */
  textBefore(k: number): string {
    return this.norm.slice(Math.max(0, this.at[k]! - 12), this.at[k]!);
  }
}
/** An auxiliary of the passive right before a verb. */
const PASSIVE_BEFORE = /\b(?:was|were|is|are|be|been|being)\s+(?:[a-z]+ly\s+)?$/;
/** Every cue word of every table: a verb added to one table is found without touching the others. */
const CUE_WORDS = new Set([...SPEECH_VERBS, ...BARE_VERBS, ...CLAUSE_VERBS, ...NP_OBJECT_VERBS, ...DEMAND_VERBS, ...NEAR_DEMAND_VERBS, ...QUESTION_VERBS, ...THAT_ONLY_VERBS, ...QUOTE_INTRO_VERBS, ...FIGURE_VERBS, ...EXPECT_VERBS, ...WARNING_VERBS, ...ACCUSE_VERBS]);
/** Cues that do not attribute a quotation beside them ("believes", "asked", "ordered"): only what follows them is theirs. */
const NOT_QUOTE_CUES = new Set([...WEAK_SPEECH_VERBS, ...NEAR_DEMAND_VERBS, ...QUESTION_VERBS, ...THAT_ONLY_VERBS, ...FIGURE_VERBS, ...ACCUSE_VERBS].filter((w) => !BARE_VERBS.has(w)));
const VERB = new RegExp(`(?<![A-Za-zÀ-ÖØ-öø-ÿ'’-])(?:${[...CUE_WORDS].sort((a, b) => b.length - a.length).join('|')})(?![A-Za-zÀ-ÖØ-öø-ÿ'’-])`, 'gi');

/** First (or last) strong reporting verb in [from, to), with its offset. */
function findVerb(verbs: VerbIndex, from: number, to: number, last = false): { verb: string; start: number; end: number } | undefined {
  let found: { verb: string; start: number; end: number } | undefined;
  for (let k = verbs.firstAtOrAfter(from); k < verbs.at.length && verbs.at[k]! < to; k++) {
    const w = verbs.words[k]!;
    if (NOT_QUOTE_CUES.has(w)) continue;
    // A passive is no attribution: "a remark that was read in Skopje as a rebuke".
    if (PASSIVE_BEFORE.test(verbs.textBefore(k))) continue;
    found = { verb: w, start: verbs.at[k]!, end: verbs.at[k]! + w.length };
    if (!last) return found;
  }
  return found;
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** Verbs that take a listener or object before "that": "warned the ministers that …". */
const THAT_AHEAD = /^\S+\s[^.;“”"]{0,160}?\sthat\b/;
const OBJECT_VERBS = new Set(['told', 'tells', 'warned', 'warns', 'assured', 'assures', 'informed', 'informs', 'reminded', 'reminds', 'briefed', 'cautioned', 'advised', 'urged', 'promised', 'convinced']);
/** Content that is a clause (a subject, then a verb within a few words): "found the faster each ostrich ran, the more …" is; "found a body" is not. */
const CLAUSE_AHEAD = /^\s+(?:(?:the|a|an|this|that|these|those|his|her|its|their|our|some|all|no|each|every|more|most|many|he|she|it|they|we|i|there|[A-Z][\w'’-]*|\d[\d,.]*%?|(?!(?:out|up|off|down|in|on|over|back|away|him|her|them|me|us|to|for|with|by|at|of|from|against|into|about|after|before|under|through|across|towards?|between|among|during|since|until|without|within|upon|if|whether|not|no)\b)[a-z][\w'’-]*)(?:\b|(?<=%))\s+(?:[^\s.;:“”"()]+\s+){0,6}?)(?:is|was|were|are|had|has|have|would|will|could|may|might|can|should|must|did|does|do|remains|remained|[a-z]+ed)\b/;
/** "found the DNA sequences to be diverse", "reported Hamza bin Laden to be dead": an object, then "to be" or "to have". */
const TO_BE_AHEAD = /^\s+(?:the|a|an|his|her|their|its|this|these|those|[A-Z])[^.;:,“”"]{1,60}?\s+to\s+(?:be|have)\s/;
/** "expects the pier to reopen": an object, then an infinitive. */
const TO_VERB_AHEAD = /^\s+(?:the|a|an|his|her|their|its|this|these|those|[A-Z])[^.;:,“”"]{1,50}?\s+to\s+(?!(?:the|a|an|his|her|their|its)\b)[a-z]{2,}/;
/** A word after which an "-ed" reporting verb is an adjective, not a verb: "reports of alleged abuses", "the stated policy". */
const ATTRIBUTIVE_BEFORE = /(?:^|[^A-Za-z'’-])(?:the|a|an|of|on|over|for|about|against|by|from|into|with|his|her|its|their|our|your|my|this|these|those|such|any|no|every|each)\s+$/i;
/** A time or place phrase between the verb and "that": "said in a statement on Monday that". */
const THAT = /^\s*(?:,\s*)?(?:out\s+)?(?:(?:in|on|at|to|during|after|before|late|earlier|last|this|from|via|through|while|when|with|outside|inside|over|separately|again|also|repeatedly)\b(?:[^.;:“”"!?]|(?<=\b[A-Z])\.){0,80}?\s)?(?:(?:all\s+|the\s+|any\s+|his\s+|her\s+|their\s+|its\s+)?(?:[a-z]+\s+)?(?:claims|reports|allegations|suggestions|accusations|rumou?rs|concerns?|hopes?|confidence|doubts?|regret|fears?|optimism|belief|view|frustration|disappointment|surprise|satisfaction)\s+)?(?:that\b|:)/;
/** Where reported content stops: a second reporting verb or a second "that" clause. */
const CONTENT_BREAK = /,?\s+and\s+(?:(that)\b|(?:the|its|his|her|their)\s+[a-z]+\s+(?:said|says|added|noted|warned|argued|stressed)(\s+(?:that\s+)?)(?=[a-z])|(?:also\s+|then\s+)?(urged|said|added|warned|called|accused|insisted|stressed|noted|argued|vowed|pledged|demanded|appealed|told|explained|pointed out|stated|claimed|maintained|reported|confirmed)\b(?:[^.;“”"]{0,40}?\s(that)\b)?)|,?\s+but\s+(?:also\s+)?(?:declined|refused|did not|didn't|would not|gave no|stopped short|offered no)\b|(?:,\s+(?:while\s+|and\s+)?(?:adding|noting|saying|explaining|arguing|warning|stressing|insisting|pointing out|denying)|,?\s+(?:but|and)\s+(?:also\s+)?denied)((?:\s+that)?)\s+(?=[a-z]|[A-Z][a-z]+\s)|;\s|,\s+(?:before|despite)\s|,\s+however,\s+(?=(?:a|an|the)\s)|,?\s+citing\s+(?=[a-z])|,?\s+without\s+(?:elaborating|giving\s+(?:any\s+)?(?:details|evidence|reasons?)|providing\s+(?:any\s+)?(?:details|evidence)|offering\s+(?:any\s+)?(?:details|evidence)|citing\s+(?:any\s+)?evidence|explaining\s+(?:why|how))\b|,\s+(?:but|while|whereas|and)\s+(?=(?:(?:the|a|an|his|her|their|its)\s+)?(?:[\w'’.&-]+\s+){0,4}?(?:said|says|stated|states|added|noted|told|argued|claimed|insisted|warned|reported|announced|explained|wrote|stressed|countered|replied)\b)|,\s+(?:a|an|in an?)\s+(?:[a-z-]+\s+){0,3}?(?:remark|reference|comment|swipe|dig|nod|allusion|jab|rebuke|signal|message|apparent reference|veiled reference)\b/g;
/** Attribution after content at a sentence end: "…, he said." "…, according to X." */
const TAIL = /,\s+(?:(according to\s+|according\s+)([^,“”"]{2,120}?)|([^,“”"]{2,80}?)\s+(?:has\s+|had\s+|have\s+)?(said|says|added|noted|stated|claimed|argued|warned|stressed|insisted|explained|wrote|told [^.]{1,40}|reported))\s*(?:\s(?:on \w+(?: \w+)?|in a statement|in an interview|last week|this week|today|yesterday|(?:after|when|while|as|following|before|during|in response to)\b.*))?\s*[.!]\s*$/;

/**
 * An attribution after content, inverted ("…, said the minister.", "…, says the study, …": groups 1
 * and 2) or set off inside the sentence ("…, Maróth said, and …", "…, she added; …": groups 3 and 4).
 */
const MID_ATTRIBUTION = /,\s+(?:(said|says|added|adds|noted|notes|stated|states|wrote|writes|explained|argued|warned|claimed|insisted)\s+((?:the|a|an|his|her|its|their)\s+[^,“”".;]{2,60}?|[A-Z][^,“”".;]{1,60}?|[a-z]+(?=\s*\n))|((?:the\s+)?[^,“”".;]{2,40}?)\s+(said|says|added|noted|stated|argued|warned|claimed|insisted|explained|reasoned|observed|concluded|believe|believes|recalled|wrote))(?:\s*[.!]\s*$|\s*\n|\s*,\s+(?:and\s+|but\s+)?(?!(?:adding|noting|saying|explaining|arguing|warning|stressing|insisting|according|when|while|who|which|as|after|before)\b)|\s*;\s+)/;

const MID_VERBS = new Set(['said', 'says', 'added', 'adds', 'noted', 'notes', 'stated', 'states', 'wrote', 'writes', 'explained', 'argued', 'warned', 'claimed', 'insisted', 'reasoned', 'observed', 'concluded', 'believe', 'believes', 'recalled']);

/** "… according to X." with no comma before it. */
const TAIL_ACCORDING = /\s+(according to\s+)([^,“”"]{2,120}?)()()\s*[.!]\s*$/;

/**
 * The rules that find claims; a claim's `rule` is the index of the one that found it (a small
 * integer: free in the hot path). `CLAIM_RULES` names them for reports.
 */
export const ClaimRule = {
  /** A quotation with its attribution beside it: “…,” X said / X said: “…”. */
  Quote: 0,
  /** A quotation opening a sentence, continuing the speaker before it. */
  ContinuedQuote: 1,
  /** "According to X, …" opening a sentence. */
  AccordingToLead: 2,
  /** "But, she said, …": an attribution set off by commas before the content. */
  Parenthetical: 3,
  /** "…, X said." / "…, according to X." after the content. */
  Tail: 4,
  /** "X urged / called on Y to …". */
  Demand: 5,
  /** "X said (that) …", "X told reporters …". */
  ReportingVerb: 6,
  /** A quotation with no reporting verb beside it: the subject of its sentence, or the person last named. */
  BareQuote: 7,
  /** ", saying …", ", noting that …", ", calling for …" after a clause whose subject speaks. */
  Participle: 8,
  /** "was reportedly …", "is reported to have …", "reported by X as …": hearsay and the passive. */
  Hearsay: 9,
} as const;
export type ClaimRule = (typeof ClaimRule)[keyof typeof ClaimRule];

export const CLAIM_RULES: readonly string[] = ['quote', 'continued quote', 'according to (lead)', 'parenthetical', 'tail attribution', 'demand', 'reporting verb', 'unattributed quote', 'participle', 'hearsay'];

/**
 * The phases of claim detection over one text, in order: quotations with their attribution, then
 * reported speech sentence by sentence, participles, hearsay and the passive, continued
 * quotations, and last the direct claims that an indirect one already holds. Each phase is a
 * method; they share the claims found so far and the verbs used by quotations.
 */
export class ClaimFinder {
  readonly ctx: Context;
  readonly verbs: VerbIndex;
  readonly claims: Claim[] = [];
  /** Offsets of reporting verbs already used to attribute a direct quote. */
  readonly directVerbs = new Set<number>();
  /** Those that follow their quote (“…,” X told a briefing): what comes after them is not content. */
  readonly afterVerbs = new Set<number>();
  /** Quotes with no attribution of their own that start a sentence: continuations, resolved last. */
  readonly pending: { open: number; close: number }[] = [];
  /** Which phase is finding claims (quotes, then reported speech sentence by sentence): the speakers' trail of each. */
  phase = 0;

  constructor(
    readonly text: string,
    readonly norm: string,
    readonly actors: Actor[],
  ) {
    this.ctx = new Context(text, norm, actors);
    this.verbs = new VerbIndex(norm);
  }

  readonly inQuote = (pos: number): boolean => this.ctx.inQuote(pos);

  readonly push = (start: number, end: number, speaker: Actor | null, cue: string, kind: 'direct' | 'indirect', rule: ClaimRule) => {
    [start, end] = trimSpan(this.text, start, end);
    if (end - start < 8) return;
    if (speaker && speaker.type !== 'place') this.ctx.noteSpeaker(this.phase, start, speaker);
    this.claims.push({ start, end, text: this.text.slice(start, end), speaker: speaker ? speaker.name : null, speakerId: speaker ? speaker.id : null, cue, kind, rule });
  };
  /** Reported content: stops at a second reporting verb; "and that …" is a second claim. */
  /** Returns where the content stopped without a second claim of the same speaker (a new clause may follow), else `end`. */
  readonly pushReported = (start: number, end: number, speaker: Actor | null, cue: string, rule: ClaimRule): number => {
    const { norm, inQuote, push } = this;
    const content = norm.slice(start, end);
    CONTENT_BREAK.lastIndex = 0;
    let b: RegExpExecArray | null;
    while ((b = CONTENT_BREAK.exec(content))) {
      const at = start + b.index;
      if (inQuote(at)) continue;
      push(start, at, speaker, cue, 'indirect', rule);
      if (b[1] || b[2] || b[4] || b[5] !== undefined) {
        push(at + b[0].length, end, speaker, cue, 'indirect', rule);
        return end;
      }
      // "…, and stated 92% had been reached": a second clause of the same speaker after a verb that takes one bare.
      if (b[3] && BARE_VERBS.has(b[3]) && CLAUSE_AHEAD.test(norm.slice(at + b[0].length, end))) {
        push(at + b[0].length, end, speaker, b[3], 'indirect', rule);
        return end;
      }
      return at + b[0].length;
    }
    // A relative clause closing the sentence is the writer's aside: "… the god Thoth, who is often depicted with …".
    const aside = /,\s+(?:who|which)\s+(?:is|was|are|were|has|had|have)\s[^,;“”"]*$/.exec(content);
    push(start, aside && !inQuote(start + aside.index) ? start + aside.index : end, speaker, cue, 'indirect', rule);
    return end;
  };


  readonly quotesIn = (start: number, end: number): [number, number][] => {
    const quoted = this.ctx.quotes;
    const lo = lowerBound(quoted.length, (i) => quoted[i]![0], start);
    const out: [number, number][] = [];
    for (let i = lo; i < quoted.length && quoted[i]![0] < end; i++) out.push(quoted[i]!);
    return out;
  };
  /** Whether one quotation fills most of [start, end): then the content is already a direct claim. */
  readonly quoteFills = (start: number, end: number): boolean => this.quotesIn(start - 2, end).some(([a, b]) => b <= end + 2 && b - a > (end - start) * 0.6);


  /** Direct quotations and their attribution before or after. */
  findQuotes(): void {
    const { norm, ctx, verbs, claims, directVerbs, afterVerbs, pending, push } = this;
    const quoted = ctx.quotes;
    // Direct quotes.
    for (let qi = 0; qi < quoted.length; qi++) {
      const [open, close] = quoted[qi]!;
      const cStart = open + 1;
      const cEnd = close - 1;
      const words = wordCount(norm.slice(cStart, cEnd));
      // A short name in quotation marks (“Have no fear”, a charity; the site “Welcome To Video”) is no statement.
      if (words <= 4 && isName(norm, open, close)) continue;
      const [sStart] = ctx.sentenceOf(open);
      const lineEnd = norm.indexOf('\n', close) < 0 ? norm.length : norm.indexOf('\n', close);
      // Attribution after the quote, in the rest of its sentence (initials do not end it: "Mark C. Toner said").
      const tailEndMatch = /(?<!\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sen|Rep|Gov|Prof|Jr|Sr))[.!?]["”]?(?=\s|$)|\n/.exec(norm.slice(close, lineEnd + 1));
      // A quotation that ends its own sentence (“… prayers.” President X remarked) has no attribution after it.
      const endsSentence = /[.!?]$/.test(norm.slice(cStart, cEnd).trimEnd()) && /^\s+[A-Z“"]/.test(norm.slice(close, close + 3)) && !/^\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s+(?:said|says|asked|added|told)\b/.test(norm.slice(close, close + 60));
      const tailEnd = endsSentence ? close : tailEndMatch ? close + tailEndMatch.index : lineEnd;
      let speaker: Speaker | undefined;
      let cue = '';
      const after = findVerb(verbs, close, Math.min(tailEnd, close + 120));
      if (after && (words >= 4 || after.start - close < 40)) {
        speaker = ctx.resolve(close, after.start, open, true);
        if (!speaker || (speaker.actor === null && norm.slice(close, after.start).trim().replace(/^,/, '').trim() === '')) {
          // "…,” said the minister." / "…,” said EAPO's president, Maarten van der Wal."
          const rest = norm.slice(after.end, tailEnd);
          const cut = /,\s+(?:who|which|when|after|as|adding|speaking)\b|;/.exec(rest);
          speaker = ctx.resolve(after.end, after.end + (cut ? cut.index : rest.length), open, true) ?? speaker;
        }
        cue = after.verb;
      }
      // Attribution before the quote, in its sentence: "X said: “…”", "according to X, “…”".
      if (!speaker) {
        // (“A,” she told reporters, “B.”: the attribution of B lies between the two quotations.)
        const prevQuote = qi > 0 ? quoted[qi - 1]! : undefined;
        const headStart = Math.max(sStart, open - 200, prevQuote && prevQuote[1] <= open ? prevQuote[1] : 0);
        const before = findVerb(verbs, headStart, open, true);
        const acc = /according to ([^,“"]{2,80})/i.exec(norm.slice(headStart, open));
        if (before && (words >= 4 || open - before.end < 12) && (QUOTE_INTRO_VERBS.has(before.verb) || !/^\s*(?:to|on|for)\b/.test(norm.slice(before.end, before.end + 5)))) {
          // (A quotation before the verb that is a name or a label, “Have no fear”, does not end the subject:
          // the words before it are read too. After "told", the name is the listener, never the speaker.)
          const wider = Math.max(sStart, open - 200);
          speaker =
            ctx.resolve(headStart, before.start, before.start, true) ??
            (headStart > wider ? ctx.resolve(wider, before.start, before.start, true) : undefined) ??
            (/^tell|^told/.test(before.verb) ? undefined : ctx.resolve(before.end, open, open, false)) ??
            ctx.nounPhrase(headStart, before.start, before.start);
          cue = before.verb;
        } else if (acc) {
          const s = headStart + acc.index + 'according to '.length;
          speaker = ctx.resolve(s, s + acc[1]!.length, open, true) ?? { actor: null };
          cue = 'according to';
        }
      }
      // A paragraph that is only a quote, after "… said:".
      if (!speaker && words >= 6) {
        const lineStart = norm.lastIndexOf('\n', open - 1) + 1;
        if (norm.slice(lineStart, open).trim() === '') {
          const prevText = norm.slice(Math.max(0, lineStart - 300), lineStart).trimEnd();
          if (prevText.endsWith(':')) {
            const v = findVerb(verbs, Math.max(0, lineStart - 300), lineStart, true);
            if (v) {
              const [ps] = ctx.sentenceOf(v.start);
              speaker = ctx.resolve(ps, v.start, v.start, true) ?? { actor: null };
              cue = v.verb;
            }
          }
        }
      }
      if (!speaker) {
        // A quote that opens a sentence continues the speaker before it (resolved once all claims are known).
        if (words >= 3 && /(?:^|[.!?:”"]\s*|\n\s*)$/.test(norm.slice(Math.max(0, open - 3), open))) pending.push({ open, close });
        else if (!isName(norm, open, close) && (words >= 4 || LABEL_BEFORE.test(norm.slice(Math.max(sStart, open - 40), open)))) {
          // A quotation inside a sentence with no reporting verb beside it: the sentence's subject says it
          // (“She described him as “…””, “Boeing referred to it as a “cargo plane””).
          // “A,” further remarking, “B.”: a second quotation of the sentence, a few words after the first, is its speaker's.
          const prev = claims.length ? claims[claims.length - 1]! : undefined;
          if (prev && prev.kind === 'direct' && open - prev.end < 60 && prev.end >= sStart && !/[.!?]/.test(norm.slice(prev.end + 1, open))) {
            push(cStart, cEnd, prev.speakerId ? (ctx.actorById(prev.speakerId) ?? null) : null, prev.cue, 'direct', ClaimRule.ContinuedQuote);
            continue;
          }
          const bare = quoteSubject(ctx, sStart, open);
          if (bare) push(cStart, cEnd, bare.actor, bare.cue, 'direct', ClaimRule.BareQuote);
        }
        continue;
      }
      if (after && cue === after.verb) {
        directVerbs.add(after.start);
        afterVerbs.add(after.start);
      }
      const beforeVerb = findVerb(verbs, Math.max(sStart, open - 200), open, true);
      if (beforeVerb && cue === beforeVerb.verb) directVerbs.add(beforeVerb.start);
      push(cStart, cEnd, speaker.actor, cue, 'direct', ClaimRule.Quote);
    }
  }

  /** Reported speech, sentence by sentence: according to, parenthetical and tail attributions, then the cue verbs. */
  findReported(): void {
    const { norm, ctx, verbs, directVerbs, afterVerbs, inQuote, push, pushReported, quoteFills } = this;
    // Reported speech, sentence by sentence.
    for (let i = 0; i < ctx.starts.length; i++) {
      const sStart = ctx.starts[i]!;
      const sEnd = i + 1 < ctx.starts.length ? ctx.starts[i + 1]! : norm.length;
      if (inQuote(sStart) && inQuote(sEnd - 1)) continue;
      const sentence = norm.slice(sStart, sEnd);
      // "According to X, …" at the start of a sentence.
      const acc = sentence.includes('ccording to') && /^(?:(?:but|and|yet|however|meanwhile|[A-Z][a-z]+ term|[A-Z][a-z]+(?: [a-z]+){0,3}|in \d{4}|on \w+(?: \d+)?)\s*,?\s+)?according to\s+((?:[^,“”"]|,(?=\s\d{4}\b)){2,100}?)(?:\s*\([^)]{1,20}\))?,(?!\s\d{4}\b)\s+(?:(?:which|who|a|an)\s[^,]{1,120},\s+)?/i.exec(sentence);
      if (acc && !inQuote(sStart)) {
        const pStart = sStart + sentence.toLowerCase().indexOf(acc[1]!.toLowerCase());
        let speaker = ctx.resolve(pStart, pStart + acc[1]!.length, pStart, true) ?? { actor: null };
        let cStart = sStart + acc[0].length;
        // "According to Windsor Locks' first selectman, Chris Kervick, …": the person named in apposition speaks.
        const appos = /^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?=,\s)/.exec(norm.slice(cStart, sEnd));
        const named = appos ? ctx.mentionsIn(cStart, cStart + appos[0].length).find((m) => m.actor.type === 'person' && m.start === cStart && m.end === cStart + appos[0].length) : undefined;
        if (named && speaker.actor?.type !== 'person') {
          speaker = { actor: named.actor };
          cStart += appos![0].length + 1;
        }
        if (!quoteFills(cStart, sEnd)) pushReported(cStart, sEnd, speaker.actor, 'according to', ClaimRule.AccordingToLead);
        continue;
      }
      // "But, she said, Pakistan expected …": a parenthetical attribution before the content.
      const paren = /^(?:(?:but|and|yet|still|however)\s*,?\s+)?(he|she|they|it|[A-Z][\w'-]+(?: [A-Z][\w'-]+){0,3}),?\s+(said|says|added|noted|argued|insisted|warned|stressed),\s+/i.exec(sentence);
      if (paren && paren[0].length > 0 && /,\s*$/.test(paren[0]) && !/^[“"]/.test(sentence.slice(paren[0].length))) {
        const pStart = sStart + paren[0].indexOf(paren[1]!);
        const speaker = ctx.resolve(pStart, pStart + paren[1]!.length, pStart, true);
        if (speaker) {
          pushReported(sStart + paren[0].length, sEnd, speaker.actor, paren[2]!.toLowerCase(), ClaimRule.Parenthetical);
          continue;
        }
      }
      // "…, X said." / "…, according to X."
      const tail = TAIL.exec(sentence) ?? (sentence.includes('according to') ? TAIL_ACCORDING.exec(sentence) : null);
      if (tail && !inQuote(sStart + tail.index)) {
        const phrase = (tail[2] ?? tail[3])!;
        const pStart = sStart + tail.index + tail[0].indexOf(phrase, tail[1] ? tail[0].indexOf(tail[1]) + tail[1].length : 1);
        const speaker = ctx.resolve(pStart, pStart + phrase.length, sStart, true);
        const contentEnd = sStart + tail.index;
        if (speaker && !quoteFills(sStart, contentEnd)) {
          push(sStart, contentEnd, speaker.actor, tail[1] ? 'according to' : tail[4]!.split(' ')[0]!, 'indirect', ClaimRule.Tail);
          continue;
        }
      }
      let from = sStart;
      // "…, said the minister." / "…, says the study, it rises …" / "…, Maróth said, and paying back …": an attribution
      // inverted at the end, or set off by commas inside the sentence: the content on both sides of it is its.
      // (Tried only where the sentence has one of its verbs after a comma: no scan of every sentence.)
      let midVerb = false;
      for (let k = verbs.firstAtOrAfter(sStart); k < verbs.at.length && verbs.at[k]! < sEnd && !midVerb; k++) midVerb = MID_VERBS.has(verbs.words[k]!) && norm.lastIndexOf(',', verbs.at[k]!) > Math.max(sStart, verbs.at[k]! - 70);
      const mid = midVerb ? MID_ATTRIBUTION.exec(sentence) : null;
      const midBefore = mid ? sentence.slice(0, mid.index) : '';
      const midPhrase = mid ? (mid[2] ?? mid[3])! : '';
      // (Not after an opener, "Speaking to NBC News, she said, …"; not beside a quotation; the speaker a short noun phrase.)
      if (mid && !inQuote(sStart + mid.index) && wordCount(midBefore) >= 3 && !/[“”"]/.test(midBefore) && !OPENER.test(midBefore.trim()) && !/^\s*[“"]/.test(sentence.slice(mid.index + mid[0].length)) && wordCount(midPhrase) <= 6 && !NOT_IN_SUBJECT.test(midPhrase)) {
        const inverted = mid[1] !== undefined;
        const phrase = midPhrase;
        const verb = (inverted ? mid[1] : mid[4])!.toLowerCase();
        const pStart = sStart + mid.index + mid[0].indexOf(phrase, inverted ? mid[0].indexOf(mid[1]!) + verb.length : 1);
        const speaker = ctx.resolve(pStart, pStart + phrase.length, sStart, true) ?? (inverted ? ctx.nounPhrase(pStart, pStart + phrase.length, pStart) : undefined);
        const contentEnd = sStart + mid.index;
        if (speaker && !quoteFills(sStart, contentEnd)) {
          push(sStart, contentEnd, speaker.actor, verb, 'indirect', ClaimRule.Tail);
          const after = sStart + mid.index + mid[0].length;
          if (after >= sEnd - 8) continue;
          from = quoteFills(after, sEnd) ? sEnd : pushReported(after, sEnd, speaker.actor, verb, ClaimRule.Parenthetical);
          if (from >= sEnd) continue;
        }
      }
      // "X said (that) …", "X told reporters (that) …", "the report noted …"
      // After a claim that stops at a new clause ("…; TVN24 reported he …"), the rest of the sentence is read again.
      for (let k = verbs.firstAtOrAfter(sStart); k < verbs.at.length && verbs.at[k]! < sEnd; k++) {
        const w = verbs.words[k]!;
        const at = verbs.at[k]!;
        if (inQuote(at) || at < from) continue;
        const sStart = from;
        if (w.endsWith('ed') && ATTRIBUTIVE_BEFORE.test(norm.slice(Math.max(sStart, at - 12), at))) continue;
        const vEnd = at + w.length;
        if (afterVerbs.has(at) && (w === 'told' || w === 'tells') && !/^[^.;]{0,80}\bthat\b/.test(norm.slice(at, sEnd))) continue;
        // The verb of a direct quote ("X said, “…”" / "X said: “…”") is done.
        if (directVerbs.has(at)) {
          const restOfSentence = norm.slice(vEnd, sEnd);
          const gap = /^[^“"]*/.exec(restOfSentence)![0];
          if (gap.length < restOfSentence.length && /^(?:\s*|[^.]{0,60}[,:]\s*)$/.test(gap)) break;
        }
        let rest = norm.slice(vEnd, sEnd);
        let contentStart = vEnd;
        // "told NPR Hamza bin Laden had appeared …": a named listener, then the content.
        let named: MentionRef | undefined;
        if ((w === 'told' || w === 'tells') && !THAT_AHEAD.test(norm.slice(at, sEnd))) {
          named = ctx.mentionsIn(vEnd, Math.min(sEnd, vEnd + 80))[0];
          if (named && !(/^\s+(?:the\s+)?$/.test(norm.slice(vEnd, named.start)) && /^\s+[A-Za-z]/.test(norm.slice(named.end, named.end + 3)))) named = undefined;
        }
        // ("told NPR Hamza …": an acronym the actor rules did not keep is a listener too, before a capitalised subject.)
        const acronym = !named && (w === 'told' || w === 'tells') && !THAT_AHEAD.test(norm.slice(at, sEnd)) ? /^\S+\s+[A-Z]{2,6}(?=\s+[A-Z][a-z])/.exec(norm.slice(at, sEnd)) : null;
        const listeners = named ? [norm.slice(at, named.end)] : acronym ? [acronym[0]] : (LISTENERS.exec(norm.slice(at, sEnd)) ?? (THAT_AHEAD.test(norm.slice(at, sEnd)) ? null : LISTENER_SHORT.exec(norm.slice(at, sEnd))));
        if (listeners) {
          contentStart = at + listeners[0]!.length;
          rest = norm.slice(contentStart, sEnd);
        }
        let that = THAT.exec(rest);
        // "questioned whether …", "asked the minister if …": the question is the content.
        if (!that && QUESTION_VERBS.has(w)) that = /^\s+(?:[^.;:“”"!?,]{1,60}?\s)?(?:whether|if)\s+(?=[a-z])/.exec(rest);
        if (!that && OBJECT_VERBS.has(w)) that = /^\s+(?:the|a|an|his|her|their|its|our|members|reporters|journalists|lawmakers|[A-Z][\w'-]*)\b[^.;“”"!?]{0,160}?\s(?:that\b)/.exec(rest);
        // "urged all parties to exercise restraint", "called on Pakistan to take action": a demand.
        if (!that && (DEMAND_VERBS.has(w) || NEAR_DEMAND_VERBS.has(w) || (/^(?:called|calls|call)$/.test(w) && /^\s+(?:on|for)\s/.test(rest)))) {
          // "called for the killers to be brought to justice", "called for records relating to …": what is demanded.
          // "asked Zelensky to investigate …", "ordered his staff to delay …": a short object, then "to" and a verb.
          const obj = NEAR_DEMAND_VERBS.has(w)
            ? (/^\s+for\s+(?=(?:[^\s.;,:“”"]+\s+){1,5}?to\s+[a-z]{2,})/.exec(rest) ?? /^\s+(?=(?:[^\s.;,:“”"]+\s+){1,5}?to\s+(?!(?:the|a|an|his|her|its|their|this|that|be\s+(?:the|a|an))\b)[a-z]{2,})/.exec(rest))
            : (/^\s+for\s+(?=[^.;“”"]{8})/.exec(rest) ?? /^\s+(?:on\s+|to\s+)?(?=[^.;“”"]{1,100}?\sto\s+(?:[a-z]|[“"]))/.exec(rest));
          if (obj) {
            const speaker = subjectOf(ctx, sStart, headEndBefore(norm, sStart, at), at);
            if (speaker) {
              const stop = pushReported(contentStart + obj[0].length, sEnd, speaker.actor, /^call/.test(w) ? (obj[0].includes('for') ? 'called for' : 'called on') : w, ClaimRule.Demand);
              if (stop >= sEnd) break;
              from = stop;
              continue;
            }
          }
        }
        // "warned of further delays", "cautioned against selling": the content after the preposition;
        // "accused the board of ignoring the cracks": after the accused and "of" / "for".
        const warning = !that && WARNING_VERBS.has(w) ? /^\s+(?:of|against|about)\s+(?=[a-z])/.exec(rest) : !that && ACCUSE_VERBS.has(w) ? /^\s+(?:[^\s.;,:“”"]+\s+){1,5}?(?:of|for)\s+(?=[a-z“"])/.exec(rest) : null;
        if (warning) {
          const speaker = subjectOf(ctx, sStart, headEndBefore(norm, sStart, at), at);
          if (speaker) {
            const stop = pushReported(contentStart + warning[0].length, sEnd, speaker.actor, w, ClaimRule.ReportingVerb);
            if (stop >= sEnd) break;
            from = stop;
            continue;
          }
        }
        if (!that) {
          // "Brasília said on Monday it trusted …": a time phrase before bare content.
          const when = /^\s*,?\s*(?:(?:(?:late |early )?on \w+(?: night| morning| evening)?|last \w+|this \w+|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?= (?:the|a|an|it|he|she|they|its|his|her|their)\b)|yesterday|today|earlier|later|again|separately|via \w+(?: (?:at|around|about) \d[\d:.]*(?: ?[ap]\.?m\.?)?(?: \([^)]{1,20}\))?)?|in (?:a|an|its|his|her|their|the) (?:[\w-]+ ){0,2}(?:statement|interview|report|letter|post|speech|briefing|address|note|paper|communique|message|televised address|press conference|news conference)(?: (?:(?:posted|published|issued|released|shared) )?(?:on|via|late on) \w+)?),?\s*)+(?=\s|$)/.exec(rest);
          if (when) {
            contentStart += when[0].length;
            rest = rest.slice(when[0].length);
          }
        }
        const clause = !that && ((CLAUSE_VERBS.has(w) && (CLAUSE_AHEAD.test(rest) || TO_BE_AHEAD.test(rest))) || (EXPECT_VERBS.has(w) && TO_VERB_AHEAD.test(rest)) || ((w === 'pointed' || w === 'points') && /^\s+out\s/.test(rest) && CLAUSE_AHEAD.test(rest.slice(4)))) && !/\b(?:to|should|would|will|could|can|may|might|must|did|does|do|not|be|been|being|was|were|is|are)\s+$/i.test(norm.slice(Math.max(sStart, at - 10), at));
        // "NEOC reported a 95% immunization rate": a figure reported is a claim.
        const figure = !that && !clause && FIGURE_VERBS.has(w) && /^\s+(?:(?:an?|the|its|their)\s+)?(?:(?:total|number|rate|record)\b|[^.;:“”",]{0,25}?\d)/.test(rest);
        if (WEAK_SPEECH_VERBS.has(w) && !that && !clause && !figure) continue;
        // "the United States announced a naval coalition to patrol …": what a named actor announces is a claim.
        // (A plan or an intent, not a thing: "announced a coalition to patrol …", "announced plans for …"; not "announced the winners".)
        const announced =
          !that &&
          !clause &&
          ((NP_OBJECT_VERBS.has(w) && /^\s+(?:(?:an?|the|its|his|her|their)\s+)?(?:(?:new|plans?|intent|intention|proposals?)\b|[^.;:“”"]{3,80}?\sto\s+(?:be\s+)?[a-z]{3,})/.test(rest)) ||
            figure);
        if (announced) {
          const speaker = subjectOf(ctx, sStart, headEndBefore(norm, sStart, at), at);
          if (speaker?.actor || (speaker && figure)) {
            // (What is announced ends before a relative clause about it: "a naval coalition … which was joined by …".)
            const rel = /\s+(?:which|who)\s+(?:was|were|is|are|has|had|have|will|would)\b|,\s+(?:which|who)\b/.exec(rest);
            const stop = pushReported(contentStart, rel && !inQuote(contentStart + rel.index) ? contentStart + rel.index : sEnd, speaker!.actor, w, ClaimRule.ReportingVerb);
            if (stop >= sEnd) break;
            from = stop;
            continue;
          }
        }
        if (!that && !BARE_VERBS.has(w) && !clause) continue;
        // "pointed out it would have cost more": a cue with its particle.
        if (!that && (w === 'pointed' || w === 'points') && /^\s+out\s/.test(rest) && CLAUSE_AHEAD.test(rest.slice(4))) {
          contentStart += 4;
          rest = rest.slice(4);
        }
        if (!that && /^\s*(?:[.,;!?]|$|to\b|on\b|by\b|in\b|at\b(?!\s+least)|so\b|as\b|nothing\b|yes\b|no\b|for\b|with\b|about\b(?!\s+(?:\d|a\b|an\b|half|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred))|of\b)/.test(rest)) continue;
        if (that) contentStart += that[0].length;
        // Subject: the words just before the verb (and an auxiliary).
        const speaker = subjectOf(ctx, sStart, headEndBefore(norm, sStart, at), at);
        if (!speaker) continue;
        if (quoteFills(contentStart, sEnd)) break;
        // "While current consensus among scientists says birds evolved from dinosaurs, there are …": the content ends the clause.
        let cEnd = sEnd;
        // "The mayor, who said the pier “was never safe”, resigned": a relative clause ends at its comma.
        const relative = /,\s+who\s+(?:also\s+|has\s+|had\s+|have\s+)?$/.test(norm.slice(Math.max(sStart, at - 16), at));
        if (relative || /^\s*(?:while|although|though|whereas|even though|because|since|if)\s[^,]*$/i.test(norm.slice(ctx.starts[i]!, at))) {
          const comma = norm.indexOf(', ', contentStart);
          if (comma > 0 && comma < sEnd && !inQuote(comma)) cEnd = comma;
        }
        const stop = pushReported(contentStart, cEnd, speaker.actor, w, ClaimRule.ReportingVerb);
        if (stop >= sEnd) break;
        from = stop;
      }
    }
  }

  /** Participles after a clause whose subject speaks, and "with X reporting …". */
  findParticiples(): void {
    const { norm, ctx, claims, inQuote, pushReported, actors } = this;
    // ", saying …", ", noting that …", ", calling for …": content given by a participle, spoken by the sentence's subject
    // (or by the speaker of the claim before it in the sentence).
    claims.sort((a, b) => a.start - b.start);
    const found = claims.slice();
    const actorById = new Map(actors.map((a) => [a.id, a]));
    PARTICIPLE.lastIndex = 0;
    let pm: RegExpExecArray | null;
    while ((pm = PARTICIPLE.exec(norm))) {
      const at = pm.index;
      if (!PARTICIPLE_BEFORE.test(norm.slice(Math.max(0, at - 12), at)) || inQuote(at)) continue;
      const cStart = at + pm[0].length;
      const [sStart, sEnd] = ctx.sentenceOf(at);
      const lo = lowerBound(found.length, (i) => found[i]!.start, cStart + 1);
      if (lo > 0 && found[lo - 1]!.end > cStart) continue; // already inside a claim
      // (The claim just before, of this sentence or ending right before the participle: “…,” she said, noting …)
      const prev = lo > 0 && (found[lo - 1]!.start >= sStart || at - found[lo - 1]!.end < 40) ? found[lo - 1]! : undefined;
      const speaker = prev ? { actor: prev.speakerId ? (actorById.get(prev.speakerId) ?? null) : null } : quoteSubject(ctx, sStart, at);
      if (!speaker) continue;
      const cue = pm[1]!.toLowerCase();
      pushReported(cStart, sEnd, speaker.actor, cue, ClaimRule.Participle);
    }

    // "…, with local media reporting no-one was in the houses": a participle with its own subject.
    WITH_PARTICIPLE.lastIndex = 0;
    while ((pm = WITH_PARTICIPLE.exec(norm))) {
      const at = pm.index;
      if (inQuote(at)) continue;
      const pStart = at + pm[0].indexOf(pm[1]!, 6);
      const speaker = ctx.resolve(pStart, pStart + pm[1]!.length, pStart, true) ?? ctx.nounPhrase(pStart, pStart + pm[1]!.length, pStart);
      if (!speaker) continue;
      pushReported(at + pm[0].length, ctx.sentenceOf(at)[1], speaker.actor, pm[2]!.toLowerCase(), ClaimRule.Participle);
    }
  }

  /** Hearsay with no named source, and the passive. */
  findHearsay(): void {
    const { norm, ctx, claims, inQuote, push } = this;
    // Hearsay with no named source, and the passive: "was reportedly …", "is reported to have …", "reported by X as …".
    claims.sort((a, b) => a.start - b.start);
    const soFar = claims.slice();
    // One scan for the words the rules start with, then each rule tried right there (sticky).
    HEARSAY_START.lastIndex = 0;
    let trigger: RegExpExecArray | null;
    while ((trigger = HEARSAY_START.exec(norm))) for (const rule of HEARSAY) {
      rule.re.lastIndex = trigger.index;
      const hm = rule.re.exec(norm);
      if (hm) {
        const at = hm.index;
        const cStart = at + hm[0].length;
        if (inQuote(at)) continue;
        const lo = lowerBound(soFar.length, (i) => soFar[i]!.start, cStart + 1);
        if (lo > 0 && soFar[lo - 1]!.end > at) continue; // inside a claim already
        if (lo < soFar.length && soFar[lo]!.start < cStart + 40 && soFar[lo]!.rule !== ClaimRule.BareQuote && ctx.sentenceIndex(soFar[lo]!.start) === ctx.sentenceIndex(at)) continue;
        const [, sEnd] = ctx.sentenceOf(at);
        const stop = /\s+[—–]\s|[,;]\s|\s\(|\s+(?:and|but)\s+by\s|\s+(?:and|but)\s+(?:claimed|said|told|added|denied|when|who|which)\b|\s+when\s+the[y]?\b/.exec(norm.slice(cStart, sEnd));
        let speaker: Actor | null = null;
        // "has been described by the Daily Hive as …": the agent of the passive speaks.
        const agent = rule.subject ? /^\S+\s+by\s+((?:the\s+)?[^,;]{1,60}?)\s+as\s+$/.exec(hm[0]) : null;
        if (agent) {
          // (A quotation there is the quote rule's, with the same agent: “described by X as a “…””.)
          if (/^\s*(?:(?:an?|the)\s+)?[“"]/.test(norm.slice(cStart, cStart + 8))) continue;
          const by = at + hm[0].indexOf(agent[1]!);
          speaker = ctx.resolve(by, by + agent[1]!.length, by, false)?.actor ?? null;
        } else if (rule.subject) {
          const subj = quoteSubject(ctx, ctx.sentenceOf(at)[0], at);
          if (!subj) continue;
          speaker = subj.actor;
        } else if (hm[1]) {
          const by = at + hm[0].indexOf(hm[1]);
          speaker = ctx.resolve(by, by + hm[1].length, by, false)?.actor ?? null;
        }
        push(cStart, stop ? cStart + stop.index : sEnd, speaker, rule.cue, 'indirect', ClaimRule.Hearsay);
      }
    }
  }

  /** Quotations that continue the speaker of the claim before them, or the person last named. */
  findContinuations(): void {
    const { norm, ctx, claims, pending, push, actors } = this;
    // Continuation quotes: “A,” she said. “B.” — B is hers too; so is a quote after "X said …. “B”".
    claims.sort((a, b) => a.start - b.start);
    const byId = new Map(actors.map((a) => [a.id, a]));
    const known = claims.slice();
    for (const p of pending) {
      const lo = lowerBound(known.length, (i) => known[i]!.start, p.open);
      const prev = lo > 0 ? known[lo - 1] : undefined;
      const gap = prev ? norm.slice(prev.end, p.open) : '';
      let speaker: Actor | null | undefined;
      let cue = '';
      const paragraphOnly = /(?:^|\n)\s*$/.test(norm.slice(Math.max(0, p.open - 2), p.open)) && wordCount(norm.slice(p.open, p.close)) >= 6;
      if (prev && gap.length < 200 && (!gap.includes('\n') || (paragraphOnly && !/\n\s*\n[^\n]*\S[^\n]*\n/.test(gap)))) {
        speaker = prev.speakerId ? byId.get(prev.speakerId) ?? null : null;
        cue = gap.includes('\n') ? 'continued' : prev.cue;
      } else {
        // "…, as the report reminded. “…”": the sentence before ends with its attribution.
        const [ps] = ctx.sentenceOf(Math.max(0, p.open - 2));
        const prevSentence = norm.slice(ps, p.open);
        const v = /(?:^|,\s+(?:as\s+)?|\bas\s+)([^,.]{2,80}?)\s+([a-z]+)[.:]\s*$/.exec(prevSentence);
        if (v && SPEECH_VERBS.has(v[2]!)) {
          const s0 = ps + prevSentence.indexOf(v[1]!, v.index);
          const r = ctx.resolve(s0, s0 + v[1]!.length, s0, true);
          if (r) {
            speaker = r.actor;
            cue = v[2]!;
          }
        }
      }
      if (speaker !== undefined) push(p.open + 1, p.close - 1, speaker, cue, 'direct', ClaimRule.ContinuedQuote);
      else if (!isName(norm, p.open, p.close)) {
        // A quotation opening a paragraph with no claim before it: the person last named speaks.
        const last = ctx.lastBefore(p.open, ['person']);
        push(p.open + 1, p.close - 1, last, '', 'direct', ClaimRule.BareQuote);
      }
    }
  }

  /** The claims in text order, without direct ones an indirect claim of the same speaker holds. */
  result(): Claim[] {
    const { claims } = this;
    claims.sort((a, b) => a.start - b.start || a.end - b.end);
    // Drop a direct claim contained in an indirect one of the same speaker (reported speech with a quoted phrase).
    // (claims are sorted: only neighbours can contain each other)
    return claims.filter((c, i) => {
      if (c.kind !== 'direct') return true;
      for (let j = Math.max(0, i - 3); j < Math.min(claims.length, i + 4); j++) {
        const o = claims[j]!;
        if (o !== c && o.kind === 'indirect' && o.start <= c.start && o.end >= c.end && (o.speaker === c.speaker || c.rule === ClaimRule.BareQuote)) return false;
      }
      return true;
    });
  }
}

export function detectClaims(text: string, norm: string, actors: Actor[]): Claim[] {
  const finder = new ClaimFinder(text, norm, actors);
  finder.findQuotes();
  finder.phase = 1;
  finder.findReported();
  finder.phase = 2;
  finder.findParticiples();
  finder.findHearsay();
  finder.findContinuations();
  return finder.result();
}

/** Where the subject before a reporting verb ends: before auxiliaries and adverbs ("has long", "had also"). */
function headEndBefore(norm: string, sStart: number, verbAt: number): number {
  return sStart + norm.slice(sStart, verbAt).replace(/(?:\s+(?:has|had|have|also|further|once again|again|repeatedly|previously|earlier|initially|recently|reportedly|publicly|will|would|could|long))+\s*$/, '').length;
}

/**
 * The speaker before a reporting verb at `verbAt`: the phrase after the last comma, or, when the
 * verb follows an appositive ("X, a former minister, said"; "Togo's minister, Afi Agbodjan, said"),
 * the name in the first comma segment that is only a name.
 */
function subjectOf(ctx: Context, sStart: number, headEnd: number, verbAt: number): Speaker | undefined {
  const norm = ctx.norm;
  const from = Math.max(sStart, headEnd - 200);
  const headText = norm.slice(from, headEnd);
  // The last clause boundary that is not inside a name ("Ministry of Commerce and Industry").
  const inName = ctx.mentionsIn(from, headEnd);
  let cut = -1;
  const boundary = /,| and | but | while |”| which /g;
  let bm: RegExpExecArray | null;
  while ((bm = boundary.exec(headText))) {
    const at = from + bm.index;
    // "The CIA and other intelligence agencies believe": the named one heads the subject.
    if (bm[0] === ' and ' && /^\s*(?:several\s+|many\s+|some\s+)?other\s/.test(headText.slice(bm.index + 5))) continue;
    if (!inName.some((x) => x.start < at && at < x.end)) cut = bm.index;
  }
  const lastSegment = cut >= 0 ? norm.slice(from + cut + 1, headEnd) : headText;
  // "Tomas Brenner, who said …": the name the relative clause is about.
  if (cut >= 0 && lastSegment.trim() === 'who' && headText[cut] === ',') {
    const named = ctx.mentionsIn(from, from + cut).filter((m) => m.end >= from + cut - 1 && m.actor.type !== 'place');
    if (named.length) return { actor: named[named.length - 1]!.actor };
  }
  // "authorities in the United Kingdom and the United States announced": unnamed, whatever the places.
  const comma = headText.lastIndexOf(',') + 1;
  const places = ctx.mentionsIn(from + comma, headEnd);
  if (places.length && places.every((m) => m.actor.type === 'place') && UNNAMED_GROUP_IN.test(norm.slice(from + comma, places[0]!.start).trimStart())) return { actor: null };
  if (cut >= 0 && headText.lastIndexOf(',') === cut && lastSegment.trim() === '') {
    // Appositive: look at the comma segments from the clause start.
    const segments: [number, number][] = [];
    let at = from;
    for (const part of headText.split(',')) {
      segments.push([at, at + part.length]);
      at += part.length + 1;
    }
    for (const [a, b] of segments) {
      const ms = ctx.mentionsIn(a, b).filter((x) => !ctx.inQuote(x.start));
      if (ms.length !== 1) continue;
      const leftover = (norm.slice(a, ms[0]!.start) + ' ' + norm.slice(ms[0]!.end, b))
        .replace(/['’]s\b/g, '')
        .replace(/\b(?:the|but|and|yet|however|also|mr|mrs|ms|dr)\b/gi, '')
        .replace(/\b[A-Z][\w.-]*\b/g, '')
        .trim();
      if (leftover === '' && ms[0]!.actor.type !== 'place') return { actor: ms[0]!.actor };
      // "former Uruguayan foreign minister Elena Ferreira Dutra": a person named at the end of a role.
      if (ms[0]!.actor.type === 'person' && norm.slice(ms[0]!.end, b).trim() === '') return { actor: ms[0]!.actor };
    }
    // "An Uzbek energy ministry official, who asked not to be named, said": the noun phrase before the first comma.
    const first = segments.find(([a, b]) => norm.slice(a, b).trim() !== '' && !FILLER.test(norm.slice(a, b).trim().toLowerCase()));
    if (first) {
      const r0 = ctx.resolve(first[0], first[1], verbAt, false);
      if (r0) return r0;
    }
    const r = ctx.resolve(from, headEnd, verbAt, false);
    if (r) return r;
  }
  // "Aid groups welcomed the pledges but warned that": the subject of the first verb.
  if (cut >= 0 && /^(?:and|but)$/.test(lastSegment.trim()) && /\s(?:and|but)\s$/.test(headText.slice(0, cut + 5))) {
    const [ss] = ctx.sentenceOf(Math.max(sStart, from + cut - 1));
    const r = subjectOf(ctx, Math.max(sStart, ss), from + cut, verbAt);
    if (r) return r;
  }
  let pStart = from + (cut >= 0 ? cut + 1 : 0);
  if (norm.slice(pStart, headEnd).trim() === '') pStart = from;
  return ctx.resolve(pStart, headEnd, verbAt, true) ?? ctx.nounPhrase(pStart, headEnd, verbAt);
}

/** A short quotation is a statement when it labels something: described him as “…”, called it a “…”, termed “…”. */
const LABEL_BEFORE = /(?:\bas|\b(?:called|calls|calling|termed|terms|labelled|labeled|branded|dismissed)(?:\s+(?:it|him|her|them|this|that|the \w+|(?:his|her|their|its|[A-Z][\w'’-]*['’]s) \w+))?)\s+(?:an?\s+|the\s+)?$/;

/** Words before a quotation that make it a name, not a statement: known as “…”, the case “…”. */
const NAMING_BEFORE = /(?:known as|nicknamed|dubbed|entitled|titled|named|called|the (?:case|question|film|movie|book|song|album|show|series|programme|program|hashtag|slogan|motto|campaign|website|site|group|operation)|of|the word|the term|the phrase)\s*,?\s*$/i;

/** Whether the quotation [open, close) names a thing (a title in Title Case, a nickname) rather than quoting speech. */
function isName(norm: string, open: number, close: number): boolean {
  const inner = norm.slice(open + 1, close - 1).trim();
  if (NAMING_BEFORE.test(norm.slice(Math.max(0, open - 30), open))) return true;
  const words = inner.split(/\s+/);
  // “Welcome To Video”, “Zrínyi 2026”: every word capitalised or a number, and short.
  return words.length <= 6 && !/[.!?,]$/.test(inner) && words.every((w) => /^(?:[A-Z0-9À-Ö]|(?:of|the|and|for|to|in|on|a|an)$)/.test(w));
}

/**
 * The speaker of a quotation with no reporting verb beside it: the agent of a passive ("described by
 * X as"), a pronoun subject resolved back, else the first person or organisation of its sentence
 * before the quotation. `cue` is the verb after the subject, for the record.
 */
function quoteSubject(ctx: Context, sStart: number, open: number): { actor: Actor | null; cue: string } | undefined {
  const head = ctx.norm.slice(sStart, open);
  const by = /\bby\s+((?:the\s+)?[A-Z][^,;]{1,60}?)\s+as\s+(?:an?\s+)?$/.exec(head);
  if (by) {
    const at = sStart + by.index + by[0].indexOf(by[1]!);
    const r = ctx.resolve(at, at + by[1]!.length, at, false);
    if (r?.actor) return { actor: r.actor, cue: 'described' };
  }
  // "…, which Ross has referred to as “gamesmanship”": the subject of the relative clause labels it.
  const rel = /\b(?:which|whom|that)\s+([^,;]{1,60}?)\s+(?:has\s+|had\s+|have\s+)?(referred to|described|called|termed|labell?ed|branded|dubbed)\b[^,;“”"]{0,30}$/.exec(head);
  if (rel) {
    const at = sStart + rel.index + rel[0].indexOf(rel[1]!);
    const r = ctx.resolve(at, at + rel[1]!.length, at, true);
    if (r?.actor) return { actor: r.actor, cue: rel[2]! };
  }
  const pro = /^\s*(?:(?:but|and|so|yet|however|also|then|later)\s*,?\s+)?(he|she|they|it)\s+([a-z]+)/i.exec(head);
  if (pro) {
    const p = pro[1]!.toLowerCase();
    const actor = p === 'he' || p === 'she' ? ctx.pronounSpeaker(sStart, p === 'he' ? 'm' : 'f') : ctx.subjectBefore(sStart, ['organization', 'place']);
    return { actor, cue: pro[2]!.toLowerCase() };
  }
  const ms = ctx.mentionsIn(sStart, open).filter((m) => !ctx.inQuote(m.start) && m.actor.type !== 'place' && !PREP_BEFORE.test(ctx.norm.slice(Math.max(sStart, m.start - 14), m.start)));
  if (ms.length) {
    const verb = /^[\s,]*(?:\w+\s+){0,2}?([a-z]+(?:ed|s))\b/.exec(ctx.norm.slice(ms[0]!.end, open));
    return { actor: ms[0]!.actor, cue: verb ? verb[1]! : '' };
  }
  return undefined;
}
