/**
 * Speech vocabulary used by claim detection. The actor vocabulary (places, titles, organisation
 * heads, first names, stop words) is the English language pack in src/core/lang/en/, re-exported
 * here for the modules that still import it from this file.
 */

export {
  CITIES, COUNTRIES, COUNTRY_ALIASES, FIRST_NAMES, GEO_HEADS, NON_ACTOR_HEADS, ORG_HEADS, REGIONS, ROLE_NOUNS, STOP_CAPS, TITLE_HEADS, TITLE_WORDS,
} from '../lang/en';

/** Reporting verbs and the cue to record. */
export const SPEECH_VERBS = new Set([
  'said', 'says', 'told', 'tells', 'added', 'adds', 'noted', 'notes', 'argued', 'argues', 'urged', 'urges', 'stressed', 'stresses', 'warned', 'warns',
  'reiterated', 'reiterates', 'asserted', 'asserts', 'insisted', 'insists', 'claimed', 'claims', 'stated', 'states', 'explained', 'explains', 'wrote',
  'writes', 'announced', 'announces', 'acknowledged', 'acknowledges', 'emphasised', 'emphasized', 'emphasises', 'emphasizes', 'underscored',
  'underscores', 'underlined', 'underlines', 'observed', 'observes', 'alleged', 'alleges', 'maintained', 'maintains', 'declared', 'declares',
  'remarked', 'remarks', 'replied', 'replies', 'responded', 'responds', 'answered', 'answers', 'confirmed', 'confirms', 'denied', 'denies',
  'admitted', 'admits', 'suggested', 'suggests', 'predicted', 'predicts', 'conceded', 'concedes', 'cautioned', 'cautions', 'pointed', 'highlighted',
  'highlights', 'contended', 'contends', 'recalled', 'recalls', 'tweeted', 'posted', 'commented', 'comments', 'reported', 'reports', 'mentioned',
  'reminded', 'reminds', 'say', 'argue', 'warn', 'insist', 'note', 'claim', 'contend', 'maintain', 'stress', 'explain', 'acknowledge', 'admit', 'allege',
  'believes', 'believed', 'expects', 'expected', 'hopes', 'hoped', 'thinks', 'thought', 'feels', 'felt', 'agreed', 'agrees', 'vowed', 'vows',
  'pledged', 'pledges', 'promised', 'promises', 'demanded', 'demands', 'called', 'calls', 'asked', 'asks', 'accused', 'accuses', 'blamed', 'blames',
  'described', 'describes', 'revealed', 'reveals', 'disclosed', 'discloses', 'conveyed', 'conveys', 'informed', 'informs', 'assured', 'assures',
  'briefed', 'testified', 'testifies', 'wrote', 'continued', 'concluded', 'says', 'quipped', 'shouted', 'recounted', 'estimated', 'estimates',
  'indicated', 'indicates', 'opined', 'reckons', 'reckoned', 'announced', 'signalled', 'signaled', 'affirmed', 'affirms', 'reaffirmed', 'reaffirms',
]);

/** Verbs that are speech only with a following "that" or an object of communication. */
export const WEAK_SPEECH_VERBS = new Set(['believes', 'believed', 'expects', 'expected', 'hopes', 'hoped', 'thinks', 'thought', 'feels', 'felt', 'agreed', 'agrees', 'called', 'calls', 'asked', 'asks', 'described', 'describes', 'accused', 'accuses', 'blamed', 'blames', 'reported', 'reports', 'pointed', 'continued', 'estimated', 'estimates', 'indicated', 'indicates', 'promised', 'promises', 'pledged', 'pledges', 'vowed', 'vows', 'demanded', 'demands', 'revealed', 'reveals', 'informed', 'informs', 'assured', 'assures', 'highlighted', 'highlights']);

/** Nouns used to refer back to an organisation or document as a speaker ("the group said"). */
export const ORG_ANAPHORS = new Set(['group', 'ministry', 'department', 'statement', 'report', 'organisation', 'organization', 'agency', 'government', 'council', 'committee', 'office', 'party', 'embassy', 'commission', 'court', 'army', 'military', 'police', 'administration', 'body', 'outfit', 'movement', 'alliance', 'bank', 'fund', 'union', 'company', 'firm', 'institute', 'panel', 'board', 'network', 'coalition', 'parliament', 'assembly', 'cabinet', 'bureau', 'force', 'forces', 'spokesperson', 'spokesman', 'spokeswoman']);

export const FEMALE_CUES = /\b(?:she|her|Mrs\.?|Ms\.?|Madam|woman|Lady|Queen|Princess)\b/;
