/**
 * Organisations: the head nouns that end their names, and those of things that are not actors.
 * English language data: general vocabulary only, never a name taken from the seeds or a gold set.
 */

/** Nouns that end organisation names. */
export const ORG_HEADS: readonly string[] = [
  'Ministry', 'Department', 'Institute', 'Institution', 'Council', 'Force', 'Forces', 'Office', 'Party', 'Group', 'Agency', 'Bank', 'Court', 'Army',
  'Navy', 'Police', 'University', 'College', 'School', 'Commission', 'Committee', 'Organisation', 'Organization', 'Front', 'Movement', 'Association',
  'Union', 'Assembly', 'Parliament', 'Senate', 'Congress', 'Government', 'Administration', 'Service', 'Services', 'Corporation', 'Company', 'Fund',
  'Federation', 'League', 'Alliance', 'Authority', 'Board', 'Bureau', 'Centre', 'Center', 'Network', 'Nations', 'Times', 'Post', 'News', 'Press',
  'Foundation', 'Society', 'Coalition', 'Taskforce', 'Brigade', 'Brigades', 'Division', 'Command', 'Cabinet', 'Secretariat', 'Embassy', 'Consulate',
  'Tribunal', 'State', 'Inc', 'Inc.', 'Ltd', 'Ltd.', 'Corp', 'Corp.', 'Limited', 'LLC', 'PLC', 'plc', 'GmbH', 'Incorporated', 'Hospital', 'Clinic', 'Infirmary', 'Airlines', 'Airways', 'Club', 'Guard', 'Guards', 'Mission', 'Directorate',
  'Intelligence', 'Taliban', 'Legislature', 'Cell', 'Battalion', 'Regiment', 'Corps', 'Reuters', 'Programme', 'Initiative', 'Partnership', 'Chamber',
  'TV',
  'Exchange', 'Trust', 'House', 'Caucus', 'Parliamentarians', 'Monitor', 'Watch', 'International', 'Project', 'Community', 'Directorate-General',
  'Observatory', 'Analytics', 'Consulting', 'Consultants', 'Consultancy', 'Partners', 'Holdings', 'Industries', 'Technologies', 'Solutions',
  'Systems', 'Resources', 'Logistics', 'Investments', 'Ventures', 'Enterprises', 'Media', 'Broadcasting', 'Railways', 'Airport Authority', 'Capital',
];

/** Nouns that end names of things that are not actors (documents, plans, events). */
export const NON_ACTOR_HEADS: readonly string[] = [
  'List', 'Stories', 'Story', 'Plan', 'Act', 'Agreement', 'Accord', 'Accords', 'Treaty', 'Report', 'Day', 'Week', 'Month', 'Year', 'Strategy',
  'Policy', 'Resolution', 'Declaration', 'Convention', 'Protocol', 'Charter', 'Doctrine', 'Law', 'Bill', 'Summit', 'Conference', 'Forum', 'Dialogue',
  'Talks', 'Games', 'Cup', 'War', 'Crisis', 'Attack', 'Attacks', 'Bombing', 'Bombings', 'Operation', 'Prize', 'Award', 'Index', 'Review',
  'Statement', 'Communique', 'Memorandum', 'Framework', 'Pipeline', 'Street', 'Road', 'Avenue', 'Directive', 'Clause', 'Amendment', 'Constitution', 'Regulation',
  'Hotel', 'Church', 'Hall',
];

/** Currency words: "CFA franc" is not an actor. (Not "won": "Lena Hartwell won the seat".) */
export const CURRENCIES: readonly string[] = ['franc', 'francs', 'dollar', 'dollars', 'euro', 'euros', 'pound', 'pounds', 'rupee', 'rupees', 'yuan', 'yen', 'peso', 'pesos', 'naira', 'cedi', 'cedis', 'shilling', 'shillings', 'rand', 'real', 'reais', 'rouble', 'roubles', 'ruble', 'rubles', 'lira', 'dinar', 'dinars', 'riyal', 'rial', 'krone', 'kroner', 'krona', 'kronor', 'ringgit', 'baht', 'dong', 'taka', 'birr', 'kwacha', 'guarani', 'bolivar', 'bolivars'];

/** Lowercase nouns before a name that make it an organisation ("the consultancy Kervan Energy Analytics"). */
export const ORG_ROLE_NOUNS: readonly string[] = ['journal', 'magazine', 'tabloid', 'platform', 'band', 'label', 'studio', 'company', 'firm', 'group', 'agency', 'consultancy', 'broadcaster', 'newspaper', 'daily', 'weekly', 'militia', 'bank', 'lender', 'airline', 'carrier', 'insurer', 'operator', 'producer', 'giant', 'conglomerate', 'startup', 'start-up', 'watchdog', 'regulator', 'charity', 'ngo', 'organisation', 'organization', 'outfit', 'coalition', 'alliance', 'movement', 'party', 'network', 'tank', 'institute', 'union', 'association', 'station', 'channel', 'publisher', 'website', 'outlet', 'exchange', 'miner', 'refiner', 'shipper', 'manufacturer', 'maker', 'supplier', 'contractor', 'developer', 'investor', 'fund'];

/** Organisation head nouns that are not a name by themselves ("International donors"). */
export const NOT_ALONE: readonly string[] = ['Inc', 'Inc.', 'Ltd', 'Ltd.', 'Corp', 'Corp.', 'Limited', 'LLC', 'PLC', 'GmbH', 'Incorporated', 'International', 'Times', 'Post', 'News', 'Press', 'Monitor', 'Watch', 'Project', 'Community', 'Exchange', 'House', 'State', 'Services', 'Service', 'Forces', 'Force', 'Initiative', 'Programme', 'Partnership', 'Network', 'Center', 'Centre', 'Institution', 'Observatory', 'Analytics', 'Partners', 'Holdings', 'Industries', 'Technologies', 'Solutions', 'Systems', 'Resources', 'Media', 'Capital'];

/** Nouns after a group's name for its members ("… leader", "… militants"). */
export const MEMBER_NOUNS: readonly string[] = ['leader', 'leaders', 'founder', 'co-founder', 'chief', 'spokesman', 'spokeswoman', 'spokesperson', 'commander', 'commanders', 'militants', 'fighters', 'members', 'member', 'cadres', 'activists', 'operatives', 'chairman', 'chairwoman', 'loyalists', 'supporters', 'lawmakers', 'legislators', 'delegation', 'delegates'];

/** Head nouns that, alone and capitalised, refer back to an organisation named in full ("the Commission"). */
export const GENERIC_ORG_HEADS: readonly string[] = ['Ministry', 'Department', 'Commission', 'Committee', 'Council', 'Tribunal', 'Court', 'Bank', 'Agency', 'Office', 'Secretariat', 'Association', 'Union', 'Fund', 'Party', 'Group', 'Authority', 'Board', 'Bureau', 'Mission', 'Service', 'Directorate', 'Embassy', 'Forum', 'Institute', 'University', 'Organisation', 'Organization', 'Federation', 'League', 'Alliance', 'Coalition', 'Foundation', 'Society', 'Trust', 'Front', 'Movement', 'Company', 'Corporation', 'Initiative', 'Programme'];
