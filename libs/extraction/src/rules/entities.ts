/**
 * What wink's English model leaves out: it tags proper nouns but does not say whether they
 * name a person, an organisation or a place. These lists decide that, and which names are one.
 */

/** Titles before a person's name; dropped from the normalised name. */
export const PERSON_TITLES: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'president',
  'sen', 'senator', 'rep', 'representative', 'gov', 'governor', 'mayor', 'judge', 'justice', 'gen',
  'general', 'col', 'colonel', 'lt', 'capt', 'captain', 'sgt', 'adm', 'admiral', 'rev', 'reverend',
  'pope', 'king', 'queen', 'prince', 'princess', 'chancellor', 'minister', 'secretary', 'speaker',
  'ambassador', 'envoy', 'commissioner', 'chairman', 'chairwoman', 'chief', 'director', 'attorney',
  'vice', 'premier', 'sheikh', 'rabbi', 'father', 'sister', 'saint', 'st', 'leader', 'candidate',
]);

/** A word in a proper-noun run that makes it an organisation. */
export const ORGANISATION_WORDS = /\b(university|college|school|institute|committee|commission|council|party|parliament|congress|senate|house|assembly|court|department|ministry|agency|bureau|office|administration|government|union|association|federation|foundation|fund|bank|corp|corporation|inc|ltd|llc|group|company|co|times|post|news|journal|press|herald|tribune|gazette|network|channel|radio|television|tv|magazine|review|army|navy|force|forces|police|guard|campaign|coalition|alliance|organisation|organization|board|service|services|authority|centre|center|club|church|tribunal|kremlin|pentagon|caucus|cabinet|staff|editorial|newsroom)\b/i;

/** Organisations a bare name gives no clue for: outlets, platforms, alliances. */
export const KNOWN_ORGANISATIONS: ReadonlySet<string> = new Set([
  'politico', 'reuters', 'bloomberg', 'axios', 'cnn', 'bbc', 'nbc', 'cbs', 'abc', 'msnbc', 'npr', 'ap',
  'afp', 'fox', 'reddit', 'twitter', 'x', 'facebook', 'meta', 'instagram', 'tiktok', 'youtube', 'telegram',
  'google', 'apple', 'amazon', 'microsoft', 'nato', 'un', 'eu', 'fbi', 'cia', 'nsa', 'doj', 'dhs', 'gop',
  'kremlin', 'pentagon', 'naacp', 'aclu', 'opec', 'imf', 'who', 'wto', 'unesco', 'unicef', 'interpol',
  'hamas', 'hezbollah', 'taliban', 'isis', 'buzzfeed', 'breitbart', 'newsmax', 'vox', 'slate', 'salon',
  'huffpost', 'guardian', 'telegraph', 'economist', 'wikileaks', 'democrats', 'republicans', 'tass',
]);

/** Countries, capitals, regions and US states: the place names a news report most often uses. */
export const KNOWN_PLACES: ReadonlySet<string> = new Set([
  'ukraine', 'russia', 'united states', 'america', 'china', 'india', 'japan', 'germany', 'france', 'italy',
  'spain', 'poland', 'britain', 'great britain', 'united kingdom', 'england', 'scotland', 'wales', 'ireland',
  'canada', 'mexico', 'brazil', 'argentina', 'israel', 'iran', 'iraq', 'syria', 'turkey', 'egypt',
  'saudi arabia', 'qatar', 'afghanistan', 'pakistan', 'north korea', 'south korea', 'korea', 'taiwan',
  'belarus', 'moldova', 'georgia', 'hungary', 'romania', 'finland', 'sweden', 'norway', 'denmark',
  'netherlands', 'belgium', 'switzerland', 'austria', 'greece', 'cuba', 'venezuela', 'colombia',
  'europe', 'asia', 'africa', 'middle east', 'gaza', 'west bank', 'crimea', 'donbas', 'eurasia',
  'kyiv', 'kiev', 'moscow', 'washington', 'london', 'paris', 'berlin', 'brussels', 'beijing', 'tokyo',
  'warsaw', 'geneva', 'vienna', 'rome', 'madrid', 'ankara', 'istanbul', 'tehran', 'jerusalem', 'tel aviv',
  'new york', 'los angeles', 'chicago', 'boston', 'miami', 'houston', 'dallas', 'atlanta', 'seattle',
  'san francisco', 'philadelphia', 'detroit', 'denver', 'phoenix', 'baltimore', 'new orleans',
  'alabama', 'alaska', 'arizona', 'arkansas', 'california', 'colorado', 'connecticut', 'delaware',
  'florida', 'hawaii', 'idaho', 'illinois', 'indiana', 'iowa', 'kansas', 'kentucky', 'louisiana',
  'maine', 'maryland', 'massachusetts', 'michigan', 'minnesota', 'mississippi', 'missouri', 'montana',
  'nebraska', 'nevada', 'new hampshire', 'new jersey', 'new mexico', 'north carolina', 'north dakota',
  'ohio', 'oklahoma', 'oregon', 'pennsylvania', 'rhode island', 'south carolina', 'south dakota',
  'tennessee', 'texas', 'utah', 'vermont', 'virginia', 'west virginia', 'wisconsin', 'wyoming',
  'oxford', 'cambridge', 'odesa', 'kharkiv', 'lviv', 'donetsk', 'luhansk', 'minsk',
]);

/** Other spellings of one entity, lower-cased, mapped to its normalised name. */
export const ENTITY_ALIASES: ReadonlyMap<string, string> = new Map([
  ['us', 'United States'], ['u.s.', 'United States'], ['usa', 'United States'], ['u.s.a.', 'United States'],
  ['america', 'United States'], ['united states of america', 'United States'], ['uk', 'United Kingdom'],
  ['u.k.', 'United Kingdom'], ['britain', 'United Kingdom'], ['great britain', 'United Kingdom'],
  ['kiev', 'Kyiv'], ['eu', 'European Union'], ['un', 'United Nations'], ['u.n.', 'United Nations'],
  ['politico', 'Politico'], ['nato', 'NATO'], ['gop', 'Republican Party'],
]);

/** Demonyms and seats of power, mapped to the country they stand for (for comparing counterparts). */
export const AFFILIATIONS: ReadonlyMap<string, string> = new Map([
  ['ukrainian', 'ukraine'], ['ukraine', 'ukraine'], ['kyiv', 'ukraine'], ['kiev', 'ukraine'], ['zelensky', 'ukraine'],
  ['russian', 'russia'], ['russia', 'russia'], ['kremlin', 'russia'], ['moscow', 'russia'], ['putin', 'russia'],
  ['american', 'united states'], ['us', 'united states'], ['u.s.', 'united states'], ['washington', 'united states'],
  ['white house', 'united states'], ['pentagon', 'united states'], ['chinese', 'china'], ['beijing', 'china'],
  ['european', 'europe'], ['brussels', 'europe'], ['british', 'united kingdom'], ['london', 'united kingdom'],
  ['german', 'germany'], ['berlin', 'germany'], ['french', 'france'], ['paris', 'france'],
  ['israeli', 'israel'], ['iranian', 'iran'], ['tehran', 'iran'], ['turkish', 'turkey'], ['ankara', 'turkey'],
  ['polish', 'poland'], ['warsaw', 'poland'], ['saudi', 'saudi arabia'], ['qatari', 'qatar'],
]);

/** Adjectives of nationality or region: a proper-noun tag for them is not an entity by itself. */
export const DEMONYM = /^(?:[\p{Lu}][\p{Ll}]+(?:ian|ean|an|ese|ish|ern|ic|i))$/u;

/** Capitalised words wink tags as proper nouns that never name an entity: calendar words, connectives. */
export const NOT_NAMES: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'meanwhile', 'additionally', 'however', 'moreover', 'furthermore', 'still', 'instead', 'today',
  'yesterday', 'tomorrow', 'breaking', 'update', 'opinion', 'analysis', 'exclusive', 'editorial',
]);
