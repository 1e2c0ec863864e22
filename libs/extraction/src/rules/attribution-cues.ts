/**
 * Attribution cues: the words by which a report says who said something.
 * Verbs are matched on wink's lemma; phrases on the lower-cased text outside quotations.
 */

/** Verbs of saying whose subject (or inverted object: `, said Mr. Lane`) is the speaker. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set([
  'say', 'tell', 'state', 'note', 'add', 'explain', 'emphasize', 'emphasise', 'stress', 'warn',
  'caution', 'remark', 'tweet', 'write', 'argue', 'claim', 'insist', 'acknowledge', 'admit',
  'concede', 'confirm', 'deny', 'announce', 'declare', 'contend', 'assert', 'allege', 'predict',
  'observe', 'respond', 'reply', 'recall', 'complain', 'urge', 'ask', 'testify', 'reiterate',
  'describe', 'call', 'counter', 'cite', 'quip', 'joke', 'lament', 'retort', 'comment', 'proclaim',
  'opine', 'disclose', 'report', 'post', 'tout', 'boast', 'vow', 'pledge', 'promise', 'scoff',
  'refute', 'rebut', 'dispute', 'accuse', 'blast', 'slam', 'mock', 'exclaim', 'shout', 'yell', 'refer',
  'plead', 'implore', 'hammer', 'muse', 'quote', 'chime', 'interject', 'concur', 'sum',
]);

/**
 * Verbs of evidence or attitude ("sources suggest", "critics fear"): they attribute only when
 * their subject is a person or a source-like noun, since "his actions suggest" names no one.
 */
export const EVIDENTIAL_VERBS: ReadonlySet<string> = new Set([
  'suggest', 'indicate', 'show', 'reveal', 'point', 'think', 'believe', 'fear', 'hope', 'expect',
  'worry', 'wonder', 'agree', 'disagree', 'reject', 'dismiss', 'criticize', 'criticise', 'praise',
  'welcome', 'conclude', 'estimate', 'question', 'express', 'signal', 'find',
  // Stance: endorsing, condemning, demanding or requiring is a position someone takes.
  'compare', 'endorse', 'condemn', 'denounce', 'decry', 'blame', 'defend', 'applaud', 'commend', 'hail',
  'laud', 'demand', 'require', 'recommend', 'propose', 'oppose', 'advocate', 'favor', 'favour', 'fault',
  'rebuke', 'chide', 'lambaste', 'castigate', 'label', 'brand', 'characterize', 'characterise', 'thank',
  'congratulate', 'challenge', 'forecast', 'lash',
]);

/** Verbs by which a poll or survey states a finding: "a new poll has Trump leading". */
export const POLL_VERBS: ReadonlySet<string> = new Set(['have', 'put', 'give']);

/** Subjects that state findings with `POLL_VERBS`. */
export const POLL_SUBJECT = /\b(?:polls?|surveys?)\b/i;

/**
 * Speech verbs with an everyday sense too ("the report adds a layer", "calls for reform"):
 * they attribute only next to a quotation or a colon, or before a "that" clause.
 */
export const AMBIGUOUS_SPEECH_VERBS: ReadonlySet<string> = new Set([
  'add', 'note', 'call', 'post', 'report', 'write', 'describe', 'respond', 'state', 'observe', 'comment',
  'cite', 'recall', 'counter', 'tout', 'promise', 'pledge', 'ask', 'urge', 'predict', 'charge', 'express',
  'refer', 'quote', 'sum',
]);

/** Words before a subject that put the verb in an embedded question ("depend on how Washington responds"). */
export const EMBEDDING_WORDS: ReadonlySet<string> = new Set(['how', 'whether', 'why', 'if', 'when', 'where', 'once', 'until', 'unless']);

/** Head nouns that can carry an evidential verb as a source. */
export const SOURCE_NOUNS = /\b(senators?|president|governor|minister|mayor|leaders?|chief|secretary|candidates?|campaign|administration|government|ministry|department|agency|committee|court|judges?|law|laws|bill|rules?|regulations?|constitution|group|organi[sz]ation|party|union|company|firm|lawyers?|attorneys?|activists?|protesters?|residents?|voters?|democrats|republicans|conservatives|liberals|spokes(?:wo)?man|congress(?:wo)?man|representative|chairman|chairwoman|ceo|director|commander|general|ambassador|envoy|office|white house|kremlin|pentagon|sources?|officials?|reports?|documents?|analysts?|experts?|people|aides?|spokes(?:wo)?m[ae]n|spokesperson|diplomats?|critics|observers|lawmakers|members|investigators|prosecutors|police|polls?|surveys?|data|records|emails?|statements?|filings?|memos?|letters?|study|research|researchers|scientists|economists|advisers?|advisors?)\b/i;

/** Cues that come before the source: "according to sources familiar with the discussions". */
export const LEADING_CUES: readonly string[] = [
  'as first reported by', 'as reported by', 'as reported in', 'first reported by', 'reported by',
  'according to', 'as cited by', 'cited by', 'citing', 'as quoted by', 'quoted by',
  'in a statement from', 'a statement from', 'said in a statement by', 'a report by', 'in a report by',
];

/**
 * Leading cues that set a scene rather than name the speaker: when the sentence also has a
 * speech verb with a subject ("In a statement from his office, the senator said"), that is the source.
 */
export const SETTING_CUES: ReadonlySet<string> = new Set(['in a statement from', 'a statement from', 'a report by', 'in a report by']);

/** Cues with no source of their own: the report distances itself without naming anyone. */
export const SOURCELESS_CUES: readonly string[] = [
  'reportedly', 'allegedly', 'purportedly', 'supposedly', 'is said to', 'are said to', 'was said to',
  'were said to', 'is understood to', 'are understood to', 'is believed to', 'are believed to',
  'is reported to', 'are reported to', 'was reported to', 'were reported to', 'it is reported',
  'it was reported', 'is alleged to', 'are alleged to', 'is thought to', 'are thought to',
];

/** Sources too vague to name anyone ("according to reports"): the cue stays, the source is null. */
export const VAGUE_SOURCES = /^(?:(?:some|several|many|multiple|media|news|press|recent|unconfirmed|earlier|other|local)\s+)?reports?$/i;

/** Words that end a source noun phrase after a leading cue. */
export const SOURCE_PHRASE_STOPS: ReadonlySet<string> = new Set([
  'that', 'which', 'who', 'whom', 'when', 'while', 'because', 'as', 'but', 'and', 'so', 'if', 'on', 'in', 'at', 'last', 'this', 'earlier',
]);

/** Pronouns a speaker can hide behind that are resolved to a person named earlier. */
export const PERSON_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'him', 'her']);

/** Adverbs that sit between a speaker and the verb ("Dr. Mitchell further explained"). */
export const SPEECH_ADVERBS: ReadonlySet<string> = new Set([
  'also', 'further', 'later', 'then', 'previously', 'once', 'recently', 'repeatedly', 'publicly', 'privately',
  'reportedly', 'allegedly', 'separately', 'again', 'often', 'has', 'have', 'had', 'was', 'is', 'were',
  'are', 'will', 'would', 'did', 'does', 'do', 'even', 'frequently', 'openly', 'quickly', 'simply',
  'flatly', 'firmly', 'strongly', 'bluntly', 'sharply', 'angrily', 'emphatically', 'categorically',
]);

/** Abbreviated titles that stand before a name, never at the end of a sentence. */
export const NAME_TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set<string>([
  'mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'rev.', 'fr.', 'msgr.', 'sen.', 'rep.', 'gov.', 'lt.', 'gen.', 'col.', 'maj.', 'capt.',
  'sgt.', 'cpl.', 'pvt.', 'adm.', 'cmdr.', 'amb.', 'atty.', 'supt.', 'insp.', 'hon.', 'pres.', 'sec.', 'st.', 'sr.', 'mt.',
]);


/**
 * Generic plurals that stand for an unnamed group ("critics", "analysts", "others"): a source,
 * but never a name, so they are kept apart from named sources.
 */
export const UNNAMED_GROUPS =
  /^(?:(?:the|some|many|other|several|most|few|all|both)\s+)*(?:critics|analysts|others|officials|experts|observers|sources|people|residents|witnesses|activists|protesters|lawmakers|legislators|diplomats|economists|investors|supporters|opponents|aides|advocates|scientists|researchers|commentators|pundits|users|voters|members|leaders|students|parents|doctors|police|insiders|skeptics|sceptics|detractors|proponents|fans|observers|locals|neighbors|neighbours|officers|rebels|fighters|demonstrators|organizers|organisers)$/i;

/** "Trump: Mexico will pay for the wall": a name of up to four words, a colon, then the words. */
export const HEADLINE_SPEAKER = /^(?<name>[\p{Lu}][\p{L}.'\u2019-]*(?:\s+[\p{Lu}][\p{L}.'\u2019-]*){0,3})(?<gap>\s*):\s+(?<said>\S.*\S)$/u;

/** Labels that take a colon without being anyone's words. */
export const NOT_HEADLINE_SPEAKERS: ReadonlySet<string> = new Set([
  'update', 'updated', 'breaking', 'breaking news', 'watch', 'video', 'photos', 'photo', 'live', 'exclusive', 'analysis',
  'opinion', 'editorial', 'note', 'editor', 'correction', 'read more', 'related', 'more', 'source', 'sources', 'new',
  'q', 'a', 'question', 'answer', 'timeline', 'factbox', 'explainer', 'comment', 'review', 'poll', 'quiz', 'listen',
  'podcast', 'graphic', 'map', 'see', 'also', 'warning', 'spoiler', 'spoiler alert', 'tags', 'topics', 'subject',
]);

/** Titles and role words that tell a person's gender, as the report itself gives it. */
export const GENDERED_WORDS: ReadonlyMap<string, 'male' | 'female'> = new Map([
  ['mr', 'male'], ['mrs', 'female'], ['ms', 'female'], ['miss', 'female'], ['sir', 'male'], ['dame', 'female'],
  ['congressman', 'male'], ['congresswoman', 'female'], ['spokesman', 'male'], ['spokeswoman', 'female'],
  ['chairman', 'male'], ['chairwoman', 'female'], ['businessman', 'male'], ['businesswoman', 'female'],
  ['king', 'male'], ['queen', 'female'], ['prince', 'male'], ['princess', 'female'], ['lord', 'male'], ['lady', 'female'],
  ['father', 'male'], ['sister', 'female'], ['brother', 'male'],
]);

/** A gendered title or role word before a capitalised name: "Mrs. Clinton", "Congresswoman Nancy Pelosi". */
export const GENDERED_NAME = new RegExp(
  `\\b(?<title>${[...GENDERED_WORDS.keys()].map((word) => `${word[0].toUpperCase()}${word.slice(1)}`).join('|')})\\.?\\s+(?<name>[\\p{Lu}][\\p{L}'\\u2019-]+(?:\\s+[\\p{Lu}][\\p{L}'\\u2019-]+){0,2})`,
  'gu',
);
