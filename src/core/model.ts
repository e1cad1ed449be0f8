/**
 * The shared data model of Article Annotator. Pure data: no VS Code, no I/O.
 *
 * Offsets: everything stored or exported counts **Unicode code points** of the article text
 * (as the W3C Web Annotation model and brat do). Detection and the editor work in UTF-16 code
 * units internally; `offsets.ts` converts between the two.
 */

export type ActorType = 'person' | 'organization' | 'place' | 'other';
export const ACTOR_TYPES: readonly ActorType[] = ['person', 'organization', 'place', 'other'];

export type ClaimKind = 'direct' | 'indirect';

/** Half-open range [start, end). */
export interface Span {
  start: number;
  end: number;
}

export interface Mention extends Span {
  text: string;
  /** Which detector rule typed it (an index into the detector's actor rule table, `ACTOR_RULES`); absent on user annotations. */
  rule?: number;
}

/** An actor merged from all its mentions in one article (or, aggregated, in a workspace). */
export interface Actor {
  /** Stable key derived from the canonical name and type (e.g. `organization:financial action task force`). */
  id: string;
  /** Canonical (longest / lexicon) name. */
  name: string;
  type: ActorType;
  /** Other surface forms seen or declared (acronyms, surnames, spelling variants). */
  aliases: string[];
  mentions: Mention[];
  /** Optional colour from the lexicon. */
  color?: string;
  /** Which detector rule typed it (an index into `ACTOR_RULES`): the rule of its strongest mention of its type. */
  rule?: number;
}

export interface Claim extends Span {
  /** The claim content (not the attribution). */
  text: string;
  /** Canonical name of the speaking actor, or null when unknown. */
  speaker: string | null;
  /** Actor id of the speaker when resolved. */
  speakerId?: string | null;
  /** Reporting verb or phrase ("said", "according to", ...). */
  cue: string;
  kind: ClaimKind;
  /** Which detector rule found it (an index into the detector's rule table); absent on user annotations. */
  rule?: number;
}

/** Result of detection on one text; offsets in UTF-16 code units of the text given to `detect`. */
export interface Detection {
  actors: Actor[];
  claims: Claim[];
}

/** A user annotation as stored in a sidecar (offsets in code points). */
export interface Annotation {
  id: string;
  label: string;
  start: number;
  end: number;
  quote: string;
  prefix?: string;
  suffix?: string;
  comment?: string;
  tags?: string[];
  speaker?: string;
  /** For claims: the concepts or topics the claim is about (free texts). */
  about?: string[];
  /** For claims: the speaker's stance on the topics (one of the setting `articleAnnotator.stances`; others are kept). */
  stance?: string;
  /** For claims: a fact-check rating (one of the setting `articleAnnotator.verdicts`; others are kept). */
  verdict?: string;
  /** For claims: URLs or notes backing the verdict. */
  evidence?: string[];
  author?: string;
  /** ISO 8601. */
  created?: string;
  /** ISO 8601. */
  modified?: string;
}

/** The anchoring state of an annotation against the current article text. */
export type AnchorStatus = 'exact' | 'moved' | 'fuzzy' | 'orphan';

/** A label of the codebook. */
export interface LabelDef {
  name: string;
  color?: string;
  description?: string;
}

export const DEFAULT_LABELS: readonly LabelDef[] = [
  { name: 'actor', color: '#1f77b4', description: 'A person, organisation or place acting in the story' },
  { name: 'claim', color: '#d62728', description: 'A statement attributed to a source' },
  { name: 'evidence', color: '#2ca02c', description: 'Facts, figures or documents offered as support' },
  { name: 'framing', color: '#9467bd', description: 'Wording that frames the story or an actor' },
  { name: 'note', color: '#7f7f7f', description: 'A free note' },
];

/** An entry of the workspace lexicon `.annotator/actors.yaml`. */
export interface LexiconEntry {
  name: string;
  type: ActorType;
  aliases: string[];
  color?: string;
}

export interface Lexicon {
  actors: LexiconEntry[];
  /** Surface forms never to report as actors. */
  ignore: string[];
}

/** Default of the setting `articleAnnotator.stances` (DNA's qualifier). */
export const DEFAULT_STANCES: readonly string[] = ['agree', 'disagree', 'neutral'];
/** Default of the setting `articleAnnotator.verdicts`: a rating scale from best to worst, then `unverifiable` (no rating). */
export const DEFAULT_VERDICTS: readonly string[] = ['true', 'mostly-true', 'mixed', 'mostly-false', 'false', 'unverifiable'];

/** A list of texts trimmed, without empty entries or duplicates, in its order. */
export function cleanList(items: readonly string[]): string[] {
  return [...new Set(items.map((t) => t.trim()).filter(Boolean))];
}

/**
 * A list setting's values (`articleAnnotator.stances`, `articleAnnotator.verdicts`): its texts,
 * trimmed, without empty entries or duplicates; `fallback` when it holds none.
 */
export function scaleValues(setting: unknown, fallback: readonly string[]): string[] {
  const list = Array.isArray(setting) ? setting.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim()) : [];
  return list.length ? [...new Set(list)] : [...fallback];
}

export const EMPTY_LEXICON: Lexicon = { actors: [], ignore: [] };

/** The fields a user sets on an annotation (commands, patches); an empty text or list clears one. */
export const EDITABLE_FIELDS = ['label', 'comment', 'tags', 'speaker', 'about', 'stance', 'verdict', 'evidence'] as const;

export type AnnotationPatch = Partial<Pick<Annotation, (typeof EDITABLE_FIELDS)[number]>>;

/** The fields of `init` to store on a new annotation: those other than label, empty ones left out. */
export function setFields(init: AnnotationPatch): AnnotationPatch {
  const out: Record<string, unknown> = {};
  for (const k of EDITABLE_FIELDS) {
    const v = init[k];
    if (k !== 'label' && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)) out[k] = v;
  }
  return out as AnnotationPatch;
}

/** The statement fields of a claim (topics, stance, verdict, evidence). */
export const STATEMENT_FIELDS = ['about', 'stance', 'verdict', 'evidence'] as const;

export type EditableField = (typeof EDITABLE_FIELDS)[number];

/**
 * The fields the Edit Annotation… picker offers, in its order: label, comment, tags, speaker, and
 * for a claim (label `claim`, or any annotation that already carries a statement field) its topics,
 * stance, verdict and evidence.
 */
export function pickerFields(a: Pick<Annotation, 'label' | (typeof STATEMENT_FIELDS)[number]>): EditableField[] {
  const base: EditableField[] = ['label', 'comment', 'tags', 'speaker'];
  const statement = a.label === 'claim' || STATEMENT_FIELDS.some((k) => {
    const v = a[k];
    return Array.isArray(v) ? v.length > 0 : !!v;
  });
  return statement ? [...base, ...STATEMENT_FIELDS] : base;
}
