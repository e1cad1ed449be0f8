/**
 * English speech vocabulary for claim detection, as data: reporting verbs, the weak ones, the
 * nouns that refer back to an organisation, the documents that "say" things. Claim rules in
 * `src/core/detect/claims.ts` read only these tables: a new cue is one word here.
 */

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
  'found', 'finds', 'ruled', 'rules', 'concludes', 'estimate', 'believe', 'suggest', 'proposed', 'proposes', 'unveiled', 'unveils', 'reasoned', 'showed', 'shows', 'shared',
]);

/** Verbs that are speech only with a following "that" or an object of communication. */
export const WEAK_SPEECH_VERBS = new Set(['believes', 'believed', 'expects', 'expected', 'hopes', 'hoped', 'thinks', 'thought', 'feels', 'felt', 'agreed', 'agrees', 'called', 'calls', 'asked', 'asks', 'described', 'describes', 'accused', 'accuses', 'blamed', 'blames', 'reported', 'reports', 'pointed', 'continued', 'estimated', 'estimates', 'indicated', 'indicates', 'promised', 'promises', 'pledged', 'pledges', 'vowed', 'vows', 'demanded', 'demands', 'revealed', 'reveals', 'informed', 'informs', 'assured', 'assures', 'highlighted', 'highlights',
  'found', 'finds', 'ruled', 'rules', 'concludes', 'estimate', 'believe', 'suggest', 'proposed', 'reasoned', 'showed', 'shows', 'shared']);

/** Nouns used to refer back to an organisation or document as a speaker ("the group said"). */
export const ORG_ANAPHORS = new Set(['group', 'ministry', 'department', 'statement', 'report', 'organisation', 'organization', 'agency', 'government', 'council', 'committee', 'office', 'party', 'embassy', 'commission', 'court', 'army', 'military', 'police', 'administration', 'body', 'outfit', 'movement', 'alliance', 'bank', 'fund', 'union', 'company', 'firm', 'institute', 'panel', 'board', 'network', 'coalition', 'parliament', 'assembly', 'cabinet', 'bureau', 'force', 'forces', 'spokesperson', 'spokesman', 'spokeswoman',
  'academy', 'publication', 'newspaper', 'broadcaster', 'outlet', 'magazine', 'website', 'daily', 'university', 'college', 'foundation', 'charity', 'utility', 'airline', 'carrier']);

/** Documents that speak for their issuer: "the statement said", "the report noted". */
export const DOCUMENTS = new Set(['statement', 'report', 'paper', 'communique', 'communiqué', 'document', 'letter', 'memo', 'study', 'declaration', 'resolution', 'note', 'filing', 'ruling', 'notice', 'release']);

/** Documents written by researchers, not issued by an organisation: "the study says" is an unnamed speaker. */
export const RESEARCH_DOCUMENTS = new Set(['study', 'paper']);

/** Reporting verbs that introduce content without "that": "X said the talks failed". */
export const BARE_VERBS = new Set([
  'said', 'says', 'told', 'tells', 'added', 'adds', 'noted', 'notes', 'stated', 'states', 'warned', 'warns', 'stressed', 'stresses', 'argued', 'argues', 'insisted', 'insists', 'maintained', 'maintains', 'claimed', 'claims', 'asserted', 'asserts', 'reiterated', 'reiterates', 'acknowledged', 'acknowledges', 'alleged', 'alleges', 'explained', 'explains', 'wrote', 'writes', 'contended', 'contends', 'countered', 'counters', 'conceded', 'concedes', 'admitted', 'admits', 'recalled', 'recalls', 'say', 'argue', 'warn', 'insist', 'note', 'claim', 'contend', 'maintain', 'stress', 'explain', 'acknowledge', 'admit', 'allege'
]);

/**
 * Verbs that report content without "that" only when a clause follows ("the study found the ice
 * was thinning", "the judge ruled the draft violated …"; not "found a body"). Each is also a
 * reporting verb (SPEECH_VERBS) so that the verb index sees it.
 */
export const CLAUSE_VERBS = new Set([
  'reported', 'reports', 'found', 'finds', 'ruled', 'rules', 'concluded', 'concludes', 'announced', 'announces', 'confirmed', 'confirms',
  'estimated', 'estimates', 'estimate', 'believe', 'believes', 'believed', 'suggested', 'suggests', 'suggest', 'predicted', 'predicts', 'proposed',
  'observed', 'revealed', 'reveals', 'tweeted', 'posted', 'declared', 'cautioned', 'reasoned', 'recalled',
  'thought', 'thinks', 'felt', 'feels', 'expects', 'expected', 'hopes', 'hoped', 'promised', 'pledged', 'vowed',
  'shared', 'replied', 'responded', 'answered', 'testified', 'commented', 'mentioned', 'disclosed', 'remarked',
  'underlined', 'underlines', 'underscored', 'underscores', 'emphasised', 'emphasized', 'emphasises', 'emphasizes', 'highlighted', 'highlights',
]);

/**
 * Roles held by one person: "the professor added", "the commissioner stated" refer back to the
 * person who holds it, named before.
 */
export const PERSON_ROLES = new Set([
  'professor', 'commissioner', 'minister', 'president', 'chancellor', 'premier', 'governor', 'mayor', 'senator', 'judge', 'prosecutor', 'director',
  'chairman', 'chairwoman', 'chair', 'ambassador', 'envoy', 'author', 'co-author', 'researcher', 'scientist', 'actor', 'actress', 'singer', 'drummer',
  'lawmaker', 'legislator', 'congressman', 'congresswoman', 'assemblywoman', 'assemblyman', 'secretary', 'administrator', 'leader', 'founder', 'coach',
  'captain', 'archbishop', 'bishop', 'pope', 'king', 'queen', 'prince', 'princess', 'rapporteur', 'executive', 'ceo', 'commander', 'general', 'chief',
]);

/** Verbs whose object is the claim when a named actor is the subject: "X announced a naval coalition to …". */
export const NP_OBJECT_VERBS = new Set(['announced', 'announces', 'declared', 'declares', 'promised', 'promises', 'unveiled', 'unveils', 'proposed', 'proposes']);

/**
 * Verbs of a demand, an order or a request: "urged residents to avoid …", "asked Zelensky to
 * investigate …", "ordered his staff to delay …", "asked for the price to be kept secret". What is
 * demanded is the claim; with "that" ("ordered that …") they report a clause like any cue.
 * `NEAR` ones need their object right before "to" (a few words), the others allow a longer one.
 */
export const DEMAND_VERBS = new Set(['urged', 'urges', 'pressed', 'presses', 'appealed', 'appeals']);
export const NEAR_DEMAND_VERBS = new Set(['asked', 'asks', 'encouraged', 'encourages', 'recommended', 'recommends', 'requested', 'instructed', 'instructs']);

/** Verbs that report content only before "that": "ordered that the files be released" (not "ordered the team to kill": an act). */
export const THAT_ONLY_VERBS = new Set(['ordered', 'decreed', 'decrees', 'directed', 'expressed', 'expresses', 'voiced', 'voices']);

/** Verbs that report a question: "questioned whether …", "asked if …" (the content follows whether / if). */
export const QUESTION_VERBS = new Set(['asked', 'asks', 'questioned', 'questions', 'wondered', 'wonders', 'queried']);

/**
 * Nouns of a person's relation to another: "his daughter said" is the person named before as
 * "his daughter Nettie"; with no such name, an unnamed speaker.
 */
export const RELATIONS = new Set(['daughter', 'son', 'wife', 'husband', 'widow', 'widower', 'mother', 'father', 'brother', 'sister', 'fiancée', 'fiancee', 'fiancé', 'partner', 'lawyer', 'attorney', 'friend', 'colleague', 'niece', 'nephew', 'grandson', 'granddaughter', 'cousin']);

/**
 * Verbs that introduce a quotation after them, even past a phrase ("reacted on Twitter, “…”",
 * "spoke of the collaboration: “…”"); they report nothing without one.
 */
export const QUOTE_INTRO_VERBS = new Set(['reacted', 'reacts', 'spoke', 'speaks', 'reads', 'read']);

/** Verbs whose object is the claim when it is a figure: "NEOC reported a 95% immunization rate", "the team recorded a total of 5667 cases". */
export const FIGURE_VERBS = new Set(['reported', 'reports', 'recorded', 'records', 'confirmed', 'confirms', 'counted', 'registered']);

/** Verbs whose content follows "of" or "against": "warned of further delays", "cautioned against selling". */
export const WARNING_VERBS = new Set(['warned', 'warns', 'cautioned', 'cautions']);

/** Verbs of expectation whose object and infinitive are the claim: "expects the pier to reopen in May". */
export const EXPECT_VERBS = new Set(['expects', 'expected', 'expect', 'predicted', 'predicts', 'forecast', 'forecasts']);

/** Verbs of an accusation whose content follows the accused and "of" or "for": "accused the board of ignoring the cracks". */
export const ACCUSE_VERBS = new Set(['accused', 'accuses', 'blamed', 'blames', 'criticised', 'criticized', 'criticises', 'criticizes', 'condemned', 'condemns', 'praised', 'praises', 'thanked', 'thanks', 'credited', 'credits']);
