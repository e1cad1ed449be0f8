/**
 * General-knowledge word lists for typing names: countries with their demonyms, capitals and
 * regions, honorifics and titles, organisation head nouns, role nouns, common first names, and the
 * capitalised function words that start sentences. Nothing here is specific to any corpus.
 */

/** Country or territory → demonyms/adjectives. */
export const COUNTRIES: Record<string, string[]> = {
  Afghanistan: ['Afghan'], Albania: ['Albanian'], Algeria: ['Algerian'], Andorra: ['Andorran'], Angola: ['Angolan'],
  Argentina: ['Argentine', 'Argentinian'], Armenia: ['Armenian'], Australia: ['Australian'], Austria: ['Austrian'],
  Azerbaijan: ['Azerbaijani'], Bahamas: ['Bahamian'], Bahrain: ['Bahraini'], Bangladesh: ['Bangladeshi'], Barbados: ['Barbadian'],
  Belarus: ['Belarusian'], Belgium: ['Belgian'], Belize: ['Belizean'], Benin: ['Beninese'], Bhutan: ['Bhutanese'], Bolivia: ['Bolivian'],
  'Bosnia and Herzegovina': ['Bosnian'], Botswana: ['Botswanan'], Brazil: ['Brazilian'], Brunei: ['Bruneian'], Bulgaria: ['Bulgarian'],
  'Burkina Faso': ['Burkinabe'], Burundi: ['Burundian'], Cambodia: ['Cambodian'], Cameroon: ['Cameroonian'], Canada: ['Canadian'],
  'Cape Verde': ['Cape Verdean'], Chad: ['Chadian'], Chile: ['Chilean'], China: ['Chinese'], Colombia: ['Colombian'], Comoros: ['Comoran'],
  Congo: ['Congolese'], 'Costa Rica': ['Costa Rican'], Croatia: ['Croatian'], Cuba: ['Cuban'], Cyprus: ['Cypriot'], 'Czech Republic': ['Czech'],
  Denmark: ['Danish'], Djibouti: ['Djiboutian'], Dominica: ['Dominican'], 'Dominican Republic': ['Dominican'], Ecuador: ['Ecuadorian'], Egypt: ['Egyptian'],
  'El Salvador': ['Salvadoran'], Eritrea: ['Eritrean'], Estonia: ['Estonian'], Eswatini: ['Swazi'], Ethiopia: ['Ethiopian'], Fiji: ['Fijian'],
  Finland: ['Finnish'], France: ['French'], Gabon: ['Gabonese'], Gambia: ['Gambian'], Georgia: ['Georgian'], Germany: ['German'], Ghana: ['Ghanaian'],
  Greece: ['Greek'], Grenada: ['Grenadian'], Guatemala: ['Guatemalan'], Guinea: ['Guinean'], Guyana: ['Guyanese'], Haiti: ['Haitian'],
  Honduras: ['Honduran'], Hungary: ['Hungarian'], Iceland: ['Icelandic'], India: ['Indian'], Indonesia: ['Indonesian'], Iran: ['Iranian'],
  Iraq: ['Iraqi'], Ireland: ['Irish'], Israel: ['Israeli'], Italy: ['Italian'], 'Ivory Coast': ['Ivorian'], Jamaica: ['Jamaican'], Japan: ['Japanese'],
  Jordan: ['Jordanian'], Kazakhstan: ['Kazakh'], Kenya: ['Kenyan'], Kiribati: [], Kosovo: ['Kosovar'], Kuwait: ['Kuwaiti'], Kyrgyzstan: ['Kyrgyz'],
  Laos: ['Lao', 'Laotian'], Latvia: ['Latvian'], Lebanon: ['Lebanese'], Lesotho: ['Basotho'], Liberia: ['Liberian'], Libya: ['Libyan'],
  Liechtenstein: [], Lithuania: ['Lithuanian'], Luxembourg: ['Luxembourgish'], Madagascar: ['Malagasy'], Malawi: ['Malawian'], Malaysia: ['Malaysian'],
  Maldives: ['Maldivian'], Mali: ['Malian'], Malta: ['Maltese'], Mauritania: ['Mauritanian'], Mauritius: ['Mauritian'], Mexico: ['Mexican'],
  Moldova: ['Moldovan'], Monaco: ['Monegasque'], Mongolia: ['Mongolian'], Montenegro: ['Montenegrin'], Morocco: ['Moroccan'], Mozambique: ['Mozambican'],
  Myanmar: ['Burmese'], Namibia: ['Namibian'], Nepal: ['Nepali', 'Nepalese'], Netherlands: ['Dutch'], 'New Zealand': [], Nicaragua: ['Nicaraguan'],
  Niger: ['Nigerien'], Nigeria: ['Nigerian'], 'North Korea': ['North Korean'], 'North Macedonia': ['Macedonian'], Norway: ['Norwegian'], Oman: ['Omani'],
  Pakistan: ['Pakistani'], Palestine: ['Palestinian'], Panama: ['Panamanian'], 'Papua New Guinea': [], Paraguay: ['Paraguayan'], Peru: ['Peruvian'],
  Philippines: ['Filipino', 'Philippine'], Poland: ['Polish'], Portugal: ['Portuguese'], Qatar: ['Qatari'], Romania: ['Romanian'], Russia: ['Russian'],
  Rwanda: ['Rwandan'], 'Saudi Arabia': ['Saudi'], Senegal: ['Senegalese'], Serbia: ['Serbian'], Seychelles: [], 'Sierra Leone': ['Sierra Leonean'],
  Singapore: ['Singaporean'], Slovakia: ['Slovak'], Slovenia: ['Slovenian'], Somalia: ['Somali'], 'South Africa': ['South African'], 'South Korea': ['South Korean'],
  'South Sudan': ['South Sudanese'], Spain: ['Spanish'], 'Sri Lanka': ['Sri Lankan'], Sudan: ['Sudanese'], Suriname: ['Surinamese'], Sweden: ['Swedish'],
  Switzerland: ['Swiss'], Syria: ['Syrian'], Taiwan: ['Taiwanese'], Tajikistan: ['Tajik'], Tanzania: ['Tanzanian'], Thailand: ['Thai'], Togo: ['Togolese'],
  Tonga: ['Tongan'], 'Trinidad and Tobago': ['Trinidadian'], Tunisia: ['Tunisian'], Turkey: ['Turkish'], 'Türkiye': [], Turkmenistan: ['Turkmen'],
  Uganda: ['Ugandan'], Ukraine: ['Ukrainian'], 'United Arab Emirates': ['Emirati'], 'United Kingdom': ['British'], 'United States': ['American'],
  Uruguay: ['Uruguayan'], Uzbekistan: ['Uzbek'], Venezuela: ['Venezuelan'], Vietnam: ['Vietnamese'], Yemen: ['Yemeni'], Zambia: ['Zambian'],
  Zimbabwe: ['Zimbabwean'], 'Saint Vincent and the Grenadines': ['Vincentian'], 'St Vincent and the Grenadines': [], 'Antigua and Barbuda': ['Antiguan'],
  'Saint Kitts and Nevis': ['Kittitian'], 'St Kitts and Nevis': [], 'Saint Lucia': ['Saint Lucian'], 'St Lucia': [], 'São Tomé and Príncipe': [], 'Timor-Leste': [],
  'East Timor': [], 'Marshall Islands': ['Marshallese'], 'Solomon Islands': [], 'Samoa': ['Samoan'], 'Tuvalu': ['Tuvaluan'], 'Vanuatu': ['Ni-Vanuatu'], 'Nauru': ['Nauruan'],
  'Palau': ['Palauan'], 'Micronesia': ['Micronesian'], 'Guinea-Bissau': [], 'Equatorial Guinea': [], 'Central African Republic': [], 'Democratic Republic of the Congo': [],
  'Republic of the Congo': [], 'Western Sahara': [], 'Greenland': ['Greenlandic'], 'Puerto Rico': ['Puerto Rican'], 'Hong Kong': [], 'Macau': [], 'Tibet': ['Tibetan'], Britain: ['British'], England: ['English'], Scotland: ['Scottish'], Wales: ['Welsh'], Kashmir: ['Kashmiri'],
  Europe: ['European'], Africa: ['African'], Asia: ['Asian'], 'Latin America': ['Latin American'], 'Middle East': [], Gaza: [], Crimea: [],
};

/** Short forms that name a country. */
export const COUNTRY_ALIASES: Record<string, string> = {
  US: 'United States', USA: 'United States', 'U.S.': 'United States', America: 'United States', UK: 'United Kingdom', 'U.K.': 'United Kingdom',
  UAE: 'United Arab Emirates', DRC: 'Congo', PRC: 'China', ROK: 'South Korea', DPRK: 'North Korea',
};

/** Capitals and large cities (places; never read as their country unless the lexicon says so). */
export const CITIES = new Set([
  'Washington', 'New York', 'London', 'Paris', 'Berlin', 'Moscow', 'Beijing', 'Tokyo', 'New Delhi', 'Delhi', 'Islamabad', 'Kabul', 'Tehran', 'Baghdad',
  'Damascus', 'Beirut', 'Cairo', 'Riyadh', 'Doha', 'Dubai', 'Abu Dhabi', 'Ankara', 'Istanbul', 'Kyiv', 'Kiev', 'Minsk', 'Warsaw', 'Vienna', 'Rome',
  'Madrid', 'Lisbon', 'Brussels', 'Geneva', 'Amsterdam', 'The Hague', 'Stockholm', 'Oslo', 'Helsinki', 'Copenhagen', 'Athens', 'Budapest', 'Prague',
  'Bucharest', 'Sofia', 'Belgrade', 'Zagreb', 'Nairobi', 'Addis Ababa', 'Lagos', 'Abuja', 'Johannesburg', 'Pretoria', 'Cape Town', 'Kinshasa', 'Khartoum',
  'Tripoli', 'Tunis', 'Algiers', 'Rabat', 'Dakar', 'Accra', 'Kampala', 'Kigali', 'Mogadishu', 'Dhaka', 'Kathmandu', 'Colombo', 'Karachi', 'Lahore',
  'Mumbai', 'Kolkata', 'Chennai', 'Bangalore', 'Hyderabad', 'Peshawar', 'Rawalpindi', 'Quetta', 'Kandahar', 'Bangkok', 'Hanoi', 'Jakarta', 'Manila',
  'Seoul', 'Pyongyang', 'Taipei', 'Hong Kong', 'Shanghai', 'Singapore', 'Kuala Lumpur', 'Canberra', 'Sydney', 'Wellington', 'Ottawa', 'Toronto',
  'Mexico City', 'Havana', 'Caracas', 'Bogota', 'Lima', 'Santiago', 'Buenos Aires', 'Brasilia', 'Sao Paulo', 'Rio de Janeiro', 'Jerusalem', 'Tel Aviv',
  'Baku', 'Tbilisi', 'Yerevan', 'Tashkent', 'Astana', 'Bishkek', 'Dushanbe', 'Ashgabat', 'Muscat', 'Sanaa', 'Amman', 'Kuwait City', 'Manama',
  'Brussels', 'Strasbourg', 'Luxembourg', 'Los Angeles', 'Chicago', 'San Francisco', 'Boston', 'Miami', 'Houston', 'Frankfurt', 'Munich', 'Milan',
  // Other national capitals and large cities.
  'Tirana', 'Andorra la Vella', 'Luanda', 'Nassau', 'Bridgetown', 'Belmopan', 'Porto-Novo', 'Thimphu', 'La Paz', 'Sucre', 'Sarajevo',
  'Gaborone', 'Brasília', 'Bandar Seri Begawan', 'Ouagadougou', 'Gitega', 'Bujumbura', 'Phnom Penh', 'Yaoundé', 'Yaounde', 'Praia', 'Bangui', "N'Djamena",
  'Moroni', 'Brazzaville', 'San José', 'San Jose', 'Nicosia', 'Roseau', 'Santo Domingo', 'Quito', 'San Salvador', 'Malabo', 'Asmara', 'Tallinn', 'Mbabane',
  'Suva', 'Libreville', 'Banjul', "St George's", 'Guatemala City', 'Conakry', 'Bissau', 'Georgetown', 'Port-au-Prince', 'Tegucigalpa', 'Reykjavik',
  'Reykjavík', 'Dublin', 'Yamoussoukro', 'Abidjan', 'Kingston', 'Tarawa', 'Pristina', 'Vientiane', 'Riga', 'Maseru', 'Monrovia',
  'Vaduz', 'Vilnius', 'Antananarivo', 'Lilongwe', 'Malé', 'Bamako', 'Valletta', 'Majuro', 'Nouakchott', 'Port Louis', 'Palikir', 'Chișinău',
  'Chisinau', 'Ulaanbaatar', 'Podgorica', 'Maputo', 'Naypyidaw', 'Naypyitaw', 'Yangon', 'Windhoek', 'Yaren', 'Managua', 'Niamey', 'Skopje',
  'Panama City', 'Port Moresby', 'Asunción', 'Asuncion', 'Basseterre', 'Castries', 'Kingstown', 'Apia', 'San Marino',
  'São Tomé', 'Sao Tome', 'Freetown', 'Bratislava', 'Ljubljana', 'Honiara', 'Juba', 'Paramaribo', 'Bern', 'Berne', 'Dodoma', 'Dar es Salaam', 'Lomé',
  'Lome', "Nuku'alofa", 'Port of Spain', 'Funafuti', 'Montevideo', 'Port Vila', 'Lusaka', 'Harare', 'Hargeisa', 'Nur-Sultan', 'Almaty',
  'Bogotá', 'Cotonou', 'Djibouti', "Sana'a",
  'Dili', 'Ramallah', 'Gaza City', 'Benghazi', 'Mosul', 'Aleppo', 'Kharkiv', 'Odesa', 'Odessa', 'Lviv', 'Mariupol',
  'Bergen', 'Gothenburg', 'Rotterdam', 'Antwerp', 'Marseille', 'Lyon', 'Barcelona', 'Porto', 'Naples', 'Hamburg', 'Zurich', 'Vancouver',
  'Montreal', 'Melbourne', 'Auckland', 'Osaka', 'Busan', 'Guangzhou', 'Shenzhen', 'Wuhan', 'Chengdu', 'Ho Chi Minh City', 'Cebu', 'Davao', 'Surabaya',
  'Chittagong', 'Kano', 'Mombasa', 'Durban', 'Alexandria', 'Casablanca', 'Marrakech', 'Oran', 'Jeddah', 'Mecca', 'Medina', 'Basra', 'Erbil', 'Herat',
  'Mazar-i-Sharif', 'Jalalabad', 'Multan', 'Faisalabad', 'Ahmedabad', 'Pune', 'Srinagar', 'Guadalajara', 'Monterrey', 'Medellín', 'Medellin', 'Cali',
  'Córdoba', 'Rosario', 'Valparaíso', 'Ciudad del Este', 'Encarnación', 'Manaus', 'Recife',
]);

/** Regions that are places but not countries. */
export const REGIONS = new Set(['Jammu', 'Punjab', 'Balochistan', 'Sindh', 'Khyber Pakhtunkhwa', 'Xinjiang', 'Tibet', 'Kurdistan', 'Donbas', 'Sahel', 'Balkans', 'Caucasus', 'Gulf', 'Persian Gulf', 'South China Sea', 'West Bank', 'Golan Heights', 'Siberia', 'Scandinavia', 'Darfur', 'Tigray', 'Kashmir', 'Jammu and Kashmir', 'Near East', 'Far East', 'Horn of Africa', 'West Africa', 'East Africa', 'North Africa', 'Southeast Asia', 'South Asia', 'Central Asia', 'East Asia', 'Indo-Pacific', 'Arctic', 'Antarctica', 'Caribbean', 'Mediterranean', 'Baltic', 'Levant', 'Maghreb', 'Andes', 'Amazon', 'Patagonia', 'Himalayas', 'Sinai', 'Anatolia', 'Sahara', 'Sub-Saharan Africa', 'Arabian Peninsula', 'Korean Peninsula']);

/** Titles before a person's name (capitalised in text). Multi-word titles are matched word by word. */
export const TITLE_WORDS = new Set([
  'Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms', 'Ms.', 'Dr', 'Dr.', 'Prof', 'Prof.', 'Professor', 'Sir', 'Dame', 'Lord', 'Lady', 'President', 'Vice', 'Prime', 'Minister',
  'Secretary', 'Secretary-General', 'Under-Secretary', 'Deputy', 'Assistant', 'Senator', 'Sen.', 'Rep.', 'Representative', 'Congressman', 'Congresswoman',
  'Governor', 'Gov.', 'Mayor', 'Ambassador', 'Envoy', 'Special', 'General', 'Gen.', 'Lt', 'Lt.', 'Lieutenant', 'Colonel', 'Col.', 'Major', 'Maj.', 'Captain',
  'Capt.', 'Admiral', 'Adm.', 'Commander', 'Chief', 'Chairman', 'Chairwoman', 'Chairperson', 'Chair', 'Director', 'Director-General', 'Spokesperson',
  'Spokesman', 'Spokeswoman', 'Judge', 'Justice', 'Attorney', 'King', 'Queen', 'Prince', 'Princess', 'Sheikh', 'Emir', 'Pope', 'Cardinal', 'Bishop',
  'Rabbi', 'Imam', 'Mullah', 'Maulana', 'Father', 'Chancellor', 'Premier', 'Foreign', 'Defence', 'Defense', 'Interior', 'Finance', 'Home', 'State',
  'Senior', 'Executive', 'Officer', 'Counsel', 'Coordinator', 'Adviser', 'Advisor', 'Commissioner', 'Inspector', 'Speaker', 'Leader', 'Acting', 'Former', 'Counterterrorism', 'Counter-Terrorism', 'Trade', 'Health', 'Energy', 'Justice', 'Labour', 'Labor', 'Education',
  'Fisheries', 'Agriculture', 'Commerce', 'Industry', 'Environment', 'Transport', 'Water', 'Irrigation', 'Culture', 'Tourism', 'Mines', 'Petroleum',
  'Economy', 'Information', 'Communications', 'Planning', 'Development', 'Security', 'Maritime', 'Affairs', 'External', 'Housing', 'Immigration', 'Climate',
  'Sultan', 'Caliph', 'Marshal', 'Brigadier', 'Sergeant', 'Superintendent', 'Detective', 'Agent', 'Rapporteur', 'High',
]);

/** Title words that end a title (the name follows). */
export const TITLE_HEADS = new Set([
  'Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms', 'Ms.', 'Dr', 'Dr.', 'Prof', 'Prof.', 'Professor', 'Sir', 'Dame', 'Lord', 'Lady', 'President', 'Minister', 'Secretary',
  'Secretary-General', 'Under-Secretary', 'Senator', 'Sen.', 'Rep.', 'Representative', 'Congressman', 'Congresswoman', 'Governor', 'Gov.', 'Mayor',
  'Ambassador', 'Envoy', 'General', 'Gen.', 'Lieutenant', 'Colonel', 'Col.', 'Major', 'Maj.', 'Captain', 'Capt.', 'Admiral', 'Adm.', 'Commander', 'Chief',
  'Chairman', 'Chairwoman', 'Chairperson', 'Director', 'Director-General', 'Spokesperson', 'Spokesman', 'Spokeswoman', 'Judge', 'Justice', 'King', 'Queen',
  'Prince', 'Princess', 'Sheikh', 'Emir', 'Pope', 'Cardinal', 'Bishop', 'Rabbi', 'Imam', 'Mullah', 'Maulana', 'Chancellor', 'Premier', 'Officer',
  'Coordinator', 'Adviser', 'Advisor', 'Commissioner', 'Inspector', 'Speaker', 'Leader', 'Sultan', 'Marshal', 'Brigadier', 'Sergeant', 'Superintendent',
  'Detective', 'Rapporteur',
]);

/** Lowercase role nouns directly before a name mark a person ("founder Masood Azhar"). */
export const ROLE_NOUNS = new Set([
  'founder', 'co-founder', 'leader', 'chief', 'head', 'spokesperson', 'spokesman', 'spokeswoman', 'commander', 'mastermind', 'minister', 'secretary',
  'envoy', 'official', 'president', 'analyst', 'lawyer', 'attorney', 'journalist', 'reporter', 'correspondent', 'editor', 'activist', 'researcher',
  'professor', 'economist', 'diplomat', 'ambassador', 'general', 'colonel', 'militant', 'cleric', 'prosecutor', 'judge', 'senator', 'lawmaker',
  'chairman', 'director', 'adviser', 'advisor', 'counterpart', 'deputy', 'governor', 'mayor', 'premier', 'chancellor', 'operative', 'operations',
  'accused', 'suspect', 'survivor', 'witness', 'expert', 'scholar', 'author', 'candidate', 'rapporteur', 'coordinator', 'negotiator', 'ruler', 'king',
]);

/** Nouns that end organisation names. */
export const ORG_HEADS = new Set([
  'Ministry', 'Department', 'Institute', 'Institution', 'Council', 'Force', 'Forces', 'Office', 'Party', 'Group', 'Agency', 'Bank', 'Court', 'Army', 'Navy',
  'Police', 'University', 'College', 'School', 'Commission', 'Committee', 'Organisation', 'Organization', 'Front', 'Movement', 'Association', 'Union',
  'Assembly', 'Parliament', 'Senate', 'Congress', 'Government', 'Administration', 'Service', 'Services', 'Corporation', 'Company', 'Fund', 'Federation',
  'League', 'Alliance', 'Authority', 'Board', 'Bureau', 'Centre', 'Center', 'Network', 'Nations', 'Times', 'Post', 'News', 'Press', 'Foundation',
  'Society', 'Coalition', 'Taskforce', 'Brigade', 'Brigades', 'Division', 'Command', 'Cabinet', 'Secretariat', 'Embassy', 'Consulate', 'Tribunal',
  'State', 'Inc', 'Inc.', 'Ltd', 'Ltd.', 'Corp', 'Corp.', 'Airlines', 'Airways', 'Group', 'Club', 'Guard', 'Guards', 'Mission', 'Directorate',
  'Intelligence', 'Taliban', 'Legislature', 'Cell', 'Battalion', 'Regiment', 'Corps', 'Reuters', 'Agency', 'Programme', 'Initiative', 'Partnership',
  'Chamber', 'Exchange', 'Trust', 'House', 'Council', 'Caucus', 'Commission', 'Parliamentarians', 'Monitor', 'Watch', 'International', 'Project', 'Community', 'Directorate-General', 'Observatory', 'Institution',
  'Analytics', 'Consulting', 'Consultants', 'Consultancy', 'Partners', 'Holdings', 'Industries', 'Technologies', 'Solutions', 'Systems', 'Resources', 'Logistics',
  'Investments', 'Ventures', 'Enterprises', 'Media', 'Broadcasting', 'Railways', 'Airport Authority', 'Capital',
]);

/** Nouns that end names of things that are not actors (documents, plans, events). */
export const NON_ACTOR_HEADS = new Set([
  'List', 'Stories', 'Story', 'Plan', 'Act', 'Agreement', 'Accord', 'Accords', 'Treaty', 'Report', 'Day', 'Week', 'Month', 'Year', 'Strategy', 'Policy', 'Resolution', 'Declaration',
  'Convention', 'Protocol', 'Charter', 'Doctrine', 'Law', 'Bill', 'Summit', 'Conference', 'Forum', 'Dialogue', 'Talks', 'Games', 'Cup', 'War', 'Crisis',
  'Attack', 'Attacks', 'Bombing', 'Bombings', 'Operation', 'Prize', 'Award', 'Index', 'Review', 'Statement', 'Communique', 'Memorandum', 'Framework',
  'Dam', 'Pipeline', 'Street', 'Road', 'Avenue', 'Square', 'Bridge', 'Airport', 'Station', 'Hospital', 'Hotel', 'Mosque', 'Church', 'Temple', 'Stadium', 'Hall',
]);

/** Words that, capitalised, are not names (sentence starts, months, weekdays, common words). */
export const STOP_CAPS = new Set([
  'The', 'A', 'An', 'In', 'On', 'At', 'Of', 'For', 'To', 'From', 'By', 'With', 'Without', 'About', 'After', 'Before', 'During', 'Since', 'Until',
  'And', 'But', 'Or', 'Nor', 'So', 'Yet', 'If', 'When', 'While', 'Where', 'Why', 'How', 'What', 'Which', 'Who', 'Whom', 'Whose', 'That', 'This',
  'These', 'Those', 'It', 'Its', 'He', 'She', 'They', 'We', 'You', 'I', 'His', 'Her', 'Their', 'Our', 'Your', 'My', 'Him', 'Them', 'Us', 'There',
  'Here', 'Both', 'All', 'Any', 'Some', 'Many', 'Most', 'More', 'Much', 'Few', 'Several', 'Each', 'Every', 'Other', 'Another', 'Such', 'No', 'Not',
  'As', 'Also', 'Although', 'Though', 'However', 'Meanwhile', 'Moreover', 'Furthermore', 'Therefore', 'Thus', 'Still', 'Even', 'Only', 'Just',
  'Obviously', 'Clearly', 'Indeed', 'Instead', 'Earlier', 'Later', 'Last', 'Next', 'Now', 'Then', 'Today', 'Yesterday', 'Tomorrow', 'Please', 'Yes',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Jan', 'Feb', 'Mar',
  'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
  'Mr', 'Mrs', 'Ms', 'Dr', 'Read', 'Also', 'Photo', 'File', 'Image', 'Video', 'Click', 'Share', 'Updated', 'Published', 'Copyright', 'Email',
  'According', 'Asked', 'Speaking', 'Addressing', 'Responding', 'Given', 'Despite', 'Under', 'Over', 'Against', 'Between', 'Among', 'Through',
  'Into', 'Upon', 'Within', 'Across', 'Along', 'Around', 'Behind', 'Beyond', 'Near', 'Per', 'Via', 'Let', 'Do', 'Does', 'Did', 'Is', 'Are', 'Was',
  'Were', 'Be', 'Been', 'Has', 'Have', 'Had', 'Will', 'Would', 'Can', 'Could', 'Should', 'Must', 'Might', 'Shall', 'One', 'Two', 'Three', 'Four',
  'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten', 'First', 'Second', 'Third', 'Breaking', 'Exclusive', 'Analysis', 'Opinion', 'Comment',
  'Editorial', 'Note', 'Author', 'Sources', 'Source', 'Officials', 'Official', 'Reports', 'Report', 'Many', 'People', 'Police', 'Dear', 'Thank',
  'Well', 'Again', 'Once', 'Because', 'Unless', 'Whether', 'Either', 'Neither', 'Every', 'Whatever', 'Whoever', 'Whenever', 'Wherever', 'Perhaps',
  'Maybe', 'Already', 'Often', 'Never', 'Always', 'Sometimes', 'Soon', 'Recently', 'Finally', 'Overall', 'Similarly', 'Likewise', 'Otherwise',
  'Web', 'Internet', 'Nonetheless', 'Nevertheless', 'Hence', 'Accordingly', 'Additionally', 'Notably', 'Separately', 'Specifically', 'Ultimately', 'Currently',
]);

/** Common first names (a compact, general list) that mark a multi-word name as a person. */
export const FIRST_NAMES = new Set(
  ('James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Steven Paul Andrew Joshua ' +
    'Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin ' +
    'Samuel Gregory Alexander Frank Patrick Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Henry Douglas Zachary Peter Kyle Noah Ethan Jeremy ' +
    'Walter Christian Keith Roger Terry Austin Sean Gerald Carl Harold Dylan Arthur Lawrence Jordan Jesse Bryan Billy Bruce Gabriel Joe Logan Alan ' +
    'Juan Albert Willie Elijah Wayne Randy Vincent Mason Roy Ralph Bobby Russell Bradley Philip Eugene Mary Patricia Jennifer Linda Elizabeth Barbara ' +
    'Susan Jessica Sarah Karen Lisa Nancy Betty Sandra Margaret Ashley Kimberly Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie Dorothy ' +
    'Rebecca Sharon Laura Cynthia Amy Kathleen Angela Shirley Brenda Emma Anna Pamela Nicole Samantha Katherine Christine Helen Debra Rachel Carolyn ' +
    'Janet Maria Catherine Heather Diane Olivia Julie Joyce Victoria Ruth Virginia Lauren Kelly Christina Joan Evelyn Judith Andrea Hannah Megan ' +
    'Cheryl Jacqueline Martha Madison Teresa Gloria Sara Janice Ann Kathryn Abigail Sophia Frances Jean Alice Judy Isabella Julia Grace Amber Denise ' +
    'Danielle Marilyn Beverly Charlotte Natalie Theresa Diana Brittany Doris Kayla Alexis Lori Marie Stephane Jean-Pierre Pierre ' +
    'Francois François Emmanuel Angela Olaf Boris Vladimir Sergei Sergey Dmitry Dmitri Ivan Nikolai Mikhail Alexei Alexey Volodymyr Viktor Andrzej ' +
    'Recep Ahmet Mehmet Mustafa Ali Ahmed Ahmad Muhammad Mohamed Hassan Hussein Hussain Omar Umar Khalid Abdul Abdullah Ibrahim ' +
    'Yusuf Yousuf Salman Nawaz Shehbaz Shahbaz Asif Bilawal Benazir Pervez Zulfikar Hina Sartaj Shah ' +
    'Narendra Rahul Sonia Manmohan Amit Arvind Rajnath Sushma Subrahmanyam Jaishankar Ajit Nirmala Xi Li Wang Zhang Liu Chen Yang Huang Zhou ' +
    'Wu Hu Jin Kim Park Lee Moon Yoon Shinzo Fumio Yoshihide Joko Rodrigo Ferdinand Anwar Mahathir Jacinda Justin Emmanuel Olaf Giorgia Pedro ' +
    'Luiz Inacio Jair Nicolas Nicolás Gustavo Andres Andrés Javier Cristina Alberto Fernando Carlos Luis Miguel Jorge Rafael Manuel Francisco ' +
    'Kofi Ban António Tedros Abiy Cyril Jacob Thabo Nelson Uhuru William Paul Yoweri Paul Bola Muhammadu Goodluck Olusegun Ellen George ' +
    'Hillary Barack Joe Kamala Mike Nikki Ned Antony Jake Lloyd Condoleezza Colin Madeleine Alice Ashraf Hamid Abdul Hibatullah Zabihullah ' +
    'Benjamin Yair Naftali Ehud Mahmoud Yasser Bashar Hafez Hosni Abdel Fattah Recep Ebrahim Hassan Ali Mahmoud Javad Abbas Hassan Nasrallah ' +
    'Ayman Abu Anjem Anwar Mullah Sirajuddin Jalaluddin Baitullah Hakimullah Fazlullah Noor Wali Rahman Abdur Hamza Tariq Zahid ' +
    'Faisal Farooq Fawad Qamar Javed Raheel Asim Munir Ishaq Ayaz Maryam Fatima Aisha Ayesha Zainab Sana Saima Nadia Farah Amina Layla Leila ' +
    'Olena Yulia Svetlana Natalia Tatiana Irina Maria Sofia Lucia Elena Ana Ines Marta Paula Clara Laura Giulia Chiara Francesca Ursula Annalena ' +
    'Kaja Josep Charles Rishi Keir Liz Theresa Gordon Tony Jeremy Nicola Humza Leo Micheal Micheál Enda Bertie Jens Mette Sanna Magdalena ' +
    'Ulf Jonas Erna Dag Kristalina Christine Ngozi Tedros Filippo Mario Sergio Matteo Silvio Giuseppe Volker Frank-Walter Annegret Horst Heiko ' +
    'Jean-Yves Jean-Luc Jean-Marc Jean-Claude Dominique Laurent Bruno Gerald Gérald Catherine Sylvie Anne Valerie Valérie Marine Ségolène').split(' '),
);

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

/** Words that end place names ("South Asia", "Swat Valley", "Punjab Province"). */
export const GEO_HEADS = new Set(['Asia', 'Africa', 'Europe', 'America', 'Americas', 'East', 'West', 'North', 'South', 'Pacific', 'Atlantic', 'Ocean', 'Sea', 'Gulf', 'Valley', 'River', 'Mountains', 'Island', 'Islands', 'Province', 'District', 'Region', 'City', 'County', 'Peninsula', 'Strait', 'Bay', 'Coast', 'Desert', 'Lake', 'Border', 'Territory', 'Territories', 'Republic', 'Kingdom', 'Emirate', 'Oblast', 'Governorate', 'Shoal', 'Reef', 'Atoll', 'Lagoon', 'Canal', 'Harbour', 'Harbor', 'Basin', 'Delta', 'Plateau', 'Highlands', 'Archipelago', 'Hills', 'Straits', 'Channel', 'Corridor', 'Heights', 'Prefecture']);
