/**
 * Titles and roles: the words before a person's name.
 * English language data: general vocabulary only, never a name taken from the seeds or a gold set.
 */

/** Titles before a person's name (capitalised in text). Multi-word titles are matched word by word. */
export const TITLE_WORDS: readonly string[] = [
  'Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms', 'Ms.', 'Dr', 'Dr.', 'Prof', 'Prof.', 'Professor', 'Sir', 'Dame', 'Lord', 'Lady', 'President', 'Vice', 'Prime',
  'Minister', 'Secretary', 'Secretary-General', 'Under-Secretary', 'Deputy', 'Assistant', 'Senator', 'Sen.', 'Rep.', 'Representative', 'Congressman',
  'Congresswoman', 'Governor', 'Gov.', 'Mayor', 'Ambassador', 'Envoy', 'Special', 'General', 'Gen.', 'Lt', 'Lt.', 'Lieutenant', 'Colonel', 'Col.',
  'Major', 'Maj.', 'Captain', 'Capt.', 'Admiral', 'Adm.', 'Commander', 'Chief', 'Chairman', 'Chairwoman', 'Chairperson', 'Chair', 'Director',
  'Director-General', 'Spokesperson', 'Spokesman', 'Spokeswoman', 'Judge', 'Justice', 'Attorney', 'King', 'Queen', 'Prince', 'Princess', 'Sheikh',
  'Emir', 'Pope', 'Cardinal', 'Bishop', 'Rabbi', 'Imam', 'Mullah', 'Maulana', 'Father', 'Chancellor', 'Premier', 'Foreign', 'Defence', 'Defense',
  'Interior', 'Finance', 'Home', 'State', 'Senior', 'Executive', 'Officer', 'Counsel', 'Coordinator', 'Adviser', 'Advisor', 'Commissioner',
  'Inspector', 'Speaker', 'Leader', 'Acting', 'Former', 'Counterterrorism', 'Counter-Terrorism', 'Trade', 'Health', 'Energy', 'Labour', 'Labor',
  'Education', 'Fisheries', 'Agriculture', 'Commerce', 'Industry', 'Environment', 'Transport', 'Water', 'Irrigation', 'Culture', 'Tourism', 'Mines',
  'Petroleum', 'Economy', 'Information', 'Communications', 'Planning', 'Development', 'Security', 'Maritime', 'Affairs', 'External', 'Housing',
  'Immigration', 'Climate', 'Sultan', 'Caliph', 'Marshal', 'Brigadier', 'Sergeant', 'Superintendent', 'Detective', 'Agent', 'Rapporteur', 'High',
];

/** Title words that end a title (the name follows). */
export const TITLE_HEADS: readonly string[] = [
  'Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms', 'Ms.', 'Dr', 'Dr.', 'Prof', 'Prof.', 'Professor', 'Sir', 'Dame', 'Lord', 'Lady', 'President', 'Minister',
  'Secretary', 'Secretary-General', 'Under-Secretary', 'Senator', 'Sen.', 'Rep.', 'Representative', 'Congressman', 'Congresswoman', 'Governor',
  'Gov.', 'Mayor', 'Ambassador', 'Envoy', 'General', 'Gen.', 'Lieutenant', 'Colonel', 'Col.', 'Major', 'Maj.', 'Captain', 'Capt.', 'Admiral', 'Adm.',
  'Commander', 'Chief', 'Chairman', 'Chairwoman', 'Chairperson', 'Director', 'Director-General', 'Spokesperson', 'Spokesman', 'Spokeswoman', 'Judge',
  'Justice', 'King', 'Queen', 'Prince', 'Princess', 'Sheikh', 'Emir', 'Pope', 'Cardinal', 'Bishop', 'Rabbi', 'Imam', 'Mullah', 'Maulana',
  'Chancellor', 'Premier', 'Officer', 'Coordinator', 'Adviser', 'Advisor', 'Commissioner', 'Inspector', 'Speaker', 'Leader', 'Sultan', 'Marshal',
  'Brigadier', 'Sergeant', 'Superintendent', 'Detective', 'Rapporteur',
];

/** Lowercase role nouns directly before a name mark a person ("founder Ana Reyes"). */
export const ROLE_NOUNS: readonly string[] = [
  'founder', 'co-founder', 'leader', 'chief', 'head', 'spokesperson', 'spokesman', 'spokeswoman', 'commander', 'mastermind', 'minister', 'secretary',
  'envoy', 'official', 'president', 'analyst', 'lawyer', 'attorney', 'journalist', 'reporter', 'correspondent', 'editor', 'activist', 'researcher',
  'professor', 'economist', 'diplomat', 'ambassador', 'general', 'colonel', 'militant', 'cleric', 'prosecutor', 'judge', 'senator', 'lawmaker',
  'chairman', 'director', 'adviser', 'advisor', 'counterpart', 'deputy', 'governor', 'mayor', 'premier', 'chancellor', 'operative', 'operations',
  'accused', 'suspect', 'survivor', 'witness', 'expert', 'scholar', 'author', 'candidate', 'rapporteur', 'coordinator', 'negotiator', 'ruler',
  'king',
];
