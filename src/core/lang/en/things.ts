/**
 * Things that look like names but are not actors: time zones and radio bands, units, degrees,
 * common technical and medical abbreviations, and the words after a name that make it a disease,
 * a drug or a product.
 * English language data: general vocabulary only, never a name taken from the seeds or a gold set.
 */

/** Capitalised abbreviations that are never actors (time zones, bands, units, degrees, science and medicine). */
export const NOT_ACTOR_ABBREVIATIONS: readonly string[] = [
  // Time zones and clock words (public abbreviation lists)
  'UTC', 'GMT', 'BST', 'IST', 'CET', 'CEST', 'EET', 'EEST', 'WET', 'WEST', 'MSK', 'EST', 'EDT', 'CST', 'CDT', 'MST', 'MDT', 'PST', 'PDT', 'AKST', 'AKDT',
  'HST', 'AST', 'ADT', 'NST', 'NDT', 'AEST', 'AEDT', 'ACST', 'ACDT', 'AWST', 'NZST', 'NZDT', 'JST', 'KST', 'HKT', 'SGT', 'PHT', 'WIB', 'PKT', 'NPT',
  'GST', 'SAST', 'CAT', 'EAT', 'WAT', 'BRT', 'ART', 'AM', 'PM', 'A.M.', 'P.M.',
  // Radio and signal bands, media formats
  'FM', 'AM/FM', 'LW', 'MW', 'SW', 'VHF', 'UHF', 'HF', 'DAB', 'TV', 'HD', 'DVD', 'CD', 'USB', 'PDF', 'GPS', 'SMS', 'URL', 'IP', 'PC', 'AI', 'VR', '3D',
  // Degrees, units, eras
  'PhD', 'Ph.D.', 'MD', 'MBA', 'BA', 'BSc', 'MSc', 'MA', 'LLB', 'BC', 'AD', 'BCE', 'CE', 'km', 'KM', 'MPH', 'KPH', 'kWh', 'GW', 'GDP', 'GNP', 'CPI',
  'OK', 'ID', 'IQ', 'RIP', 'PS', 'NB', 'FAQ', 'Q&A', 'ASAP', 'DIY', 'VIP', 'LGBT', 'LGBTQ', 'LGBTQ+', 'LGBTI',
  // Science and medicine
  'DNA', 'RNA', 'mRNA', 'HIV', 'AIDS', 'SARS', 'MERS', 'COVID', 'COVID-19', 'SARS-CoV-2', 'H1N1', 'H5N1', 'TB', 'MRI', 'CT', 'ICU', 'ER', 'IVF', 'PTSD',
  'ADHD', 'CPR', 'PPE', 'PCR', 'UV', 'CO2', 'GMO', 'EV',
];

/** Capitalised disease and condition names (general medical vocabulary). */
export const DISEASES: readonly string[] = [
  'Ebola', 'Zika', 'Alzheimer', "Alzheimer's", 'Parkinson', "Parkinson's", 'Huntington', "Huntington's", 'Crohn', "Crohn's", 'Lyme', 'Dengue',
  'Marburg', 'Lassa', 'Chikungunya', 'Coronavirus', 'Covid', 'Covid-19', 'Omicron', 'Delta variant',
];

/** Lowercase words after a name that make it a disease, a drug or a product, not an actor ("Ebola outbreak", "Falcon rocket"). */
export const THING_AFTER: readonly string[] = [
  'virus', 'disease', 'syndrome', 'fever', 'vaccine', 'vaccines', 'outbreak', 'outbreaks', 'pandemic', 'epidemic', 'infection', 'infections',
  'strain', 'variant', 'cases', 'patients', 'drug', 'drugs', 'pill', 'pills', 'tablets', 'treatment', 'therapy', 'rocket', 'rockets', 'capsule',
  'spacecraft', 'aircraft', 'airliner', 'jet', 'jets', 'plane', 'planes', 'bomber', 'fighter', 'helicopter', 'satellite', 'telescope', 'rover',
  'smartphone', 'phone', 'phones', 'console', 'software', 'app', 'engine', 'engines', 'model', 'models', 'series', 'franchise', 'film', 'movie',
  'album', 'song', 'novel', 'book', 'episode', 'season', 'game', 'video', 'show', 'hurricane', 'storm', 'typhoon', 'cyclone',
];
