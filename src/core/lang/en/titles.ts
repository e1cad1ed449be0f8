/**
 * Titles and roles: the words before a person's name.
 * English language data: general vocabulary only, never a name taken from the seeds or a gold set.
 */

/** Title words that end a title: the name follows ("President", "Prosecutor", "Democrat A B"). */
export const TITLE_HEADS: readonly string[] = [
  'Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms', 'Ms.', 'Dr', 'Dr.', 'Prof', 'Prof.', 'Professor', 'Sir', 'Dame', 'Lord', 'Lady', 'President', 'Minister',
  'Secretary', 'Secretary-General', 'Under-Secretary', 'Senator', 'Sen.', 'Rep.', 'Representative', 'Congressman', 'Congresswoman', 'Governor',
  'Gov.', 'Mayor', 'Ambassador', 'Envoy', 'General', 'Gen.', 'Lieutenant', 'Colonel', 'Col.', 'Major', 'Maj.', 'Captain', 'Capt.', 'Admiral', 'Adm.',
  'Commander', 'Chief', 'Chairman', 'Chairwoman', 'Chairperson', 'Director', 'Director-General', 'Spokesperson', 'Spokesman', 'Spokeswoman', 'Judge',
  'Justice', 'King', 'Queen', 'Prince', 'Princess', 'Sheikh', 'Emir', 'Pope', 'Cardinal', 'Bishop', 'Rabbi', 'Imam', 'Mullah', 'Maulana',
  'Chancellor', 'Premier', 'Officer', 'Coordinator', 'Adviser', 'Advisor', 'Commissioner', 'Inspector', 'Speaker', 'Leader', 'Sultan', 'Marshal',
  'Brigadier', 'Sergeant', 'Superintendent', 'Detective', 'Rapporteur', 'Executive', 'Attorney', 'Prosecutor', 'Assemblywoman', 'Assemblyman', 'Assemblymember', 'Legislator',
  'Co-author', 'Co-founder', 'Founder', 'Councillor', 'Councilman', 'Councilwoman', 'Councilor', 'Archbishop', 'Reverend', 'Rev.',
  'Pastor', 'Ayatollah', 'Patriarch', 'Duke', 'Duchess', 'Baron', 'Baroness', 'Sheriff', 'Constable', 'Corporal', 'Trooper', 'Solicitor',
  'Treasurer', 'Comptroller', 'Auditor', 'Coach', 'Astronaut', 'CEO', 'Democrat', 'Republican', 'President-elect', 'Whip', 'Deputies', 'Delegate',
  'Magistrate', 'Prefect', 'Provost', 'Rector', 'Chaplain', 'Lawmaker', 'MP', 'MEP', 'Nurse', 'Physician', 'Scientist',
  'Researcher', 'Economist', 'Analyst', 'Journalist', 'Reporter', 'Editor', 'Correspondent', 'Activist', 'Lawyer',
];

/** Words that begin or continue a title before its head ("Vice", "Prime", "Foreign", "Crown"); with the heads, the title words. */
export const TITLE_MODIFIERS: readonly string[] = [
  'Vice', 'Prime', 'Deputy', 'Assistant', 'Special', 'Lt', 'Lt.', 'Chair', 'Father', 'Foreign', 'Defence', 'Defense', 'Interior',
  'Finance', 'Home', 'State', 'Senior', 'Counsel', 'Acting', 'Former', 'Counterterrorism', 'Counter-Terrorism', 'Trade', 'Health',
  'Energy', 'Labour', 'Labor', 'Education', 'Fisheries', 'Agriculture', 'Commerce', 'Industry', 'Environment', 'Transport', 'Water', 'Irrigation',
  'Culture', 'Tourism', 'Mines', 'Petroleum', 'Economy', 'Information', 'Communications', 'Planning', 'Development', 'Security', 'Maritime',
  'Affairs', 'External', 'Housing', 'Immigration', 'Climate', 'Caliph', 'Agent', 'High', 'Democratic', 'Majority', 'Minority', 'Crown', 'Grand',
  'Supreme', 'Associate', 'Ex-Prime', 'Ex-President', 'Principal', 'Lead', 'Managing', 'Permanent',
  'Opposition',
];

/** Titles of several people, first in a list of names ("Presidents A of X and B of Y"). */
export const PLURAL_TITLES: readonly string[] = [
  'Presidents', 'Representatives', 'Senators', 'Ministers', 'Governors', 'Ambassadors', 'Generals', 'Judges', 'Justices', 'Prime-Ministers',
  'Congressmen', 'Congresswomen', 'Mayors', 'Commissioners', 'Drs.', 'Drs', 'Professors',
];

/** Titles held in a polity: in "President A of X", "Governor A of X" the X is a place (when nothing else types it). */
export const POLITY_TITLES: readonly string[] = [
  'President', 'Presidents', 'Minister', 'Ministers', 'Premier', 'Premiers', 'King', 'Queen', 'Emir', 'Sultan', 'Governor', 'Governors', 'Mayor', 'Mayors',
  'Chancellor', 'Senator', 'Senators', 'Ambassador', 'Ambassadors', 'Representative', 'Representatives',
];

/** Lowercase role nouns directly before a name mark a person ("founder Ana Reyes"). */
export const ROLE_NOUNS: readonly string[] = [
  'founder', 'co-founder', 'leader', 'chief', 'head', 'spokesperson', 'spokesman', 'spokeswoman', 'commander', 'mastermind', 'minister', 'secretary',
  'envoy', 'official', 'president', 'analyst', 'lawyer', 'attorney', 'journalist', 'reporter', 'correspondent', 'editor', 'activist', 'researcher',
  'professor', 'economist', 'diplomat', 'ambassador', 'general', 'colonel', 'militant', 'cleric', 'prosecutor', 'judge', 'senator', 'lawmaker',
  'chairman', 'director', 'adviser', 'advisor', 'counterpart', 'deputy', 'governor', 'mayor', 'premier', 'chancellor', 'operative', 'operations',
  'commissioner', 'co-author', 'daughter', 'son', 'wife', 'husband', 'mother', 'father', 'brother', 'sister', 'widow', 'widower', 'fiancée', 'fiancé', 'fiance', 'girlfriend', 'boyfriend', 'cousin', 'uncle', 'aunt', 'grandson', 'granddaughter', 'nephew', 'niece', 'accused', 'suspect', 'survivor', 'witness', 'expert', 'scholar', 'author', 'candidate', 'rapporteur', 'coordinator', 'negotiator', 'ruler',
  'king',
];
