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
]);

/**
 * Verbs of evidence or attitude ("sources suggest", "critics fear"): they attribute only when
 * their subject is a person or a source-like noun, since "his actions suggest" names no one.
 */
export const EVIDENTIAL_VERBS: ReadonlySet<string> = new Set([
  'suggest', 'indicate', 'show', 'reveal', 'point', 'think', 'believe', 'fear', 'hope', 'expect',
  'worry', 'wonder', 'agree', 'disagree', 'reject', 'dismiss', 'criticize', 'criticise', 'praise',
  'welcome', 'conclude', 'estimate', 'question', 'express', 'signal',
]);

/**
 * Speech verbs with an everyday sense too ("the report adds a layer", "calls for reform"):
 * they attribute only next to a quotation or a colon, or before a "that" clause.
 */
export const AMBIGUOUS_SPEECH_VERBS: ReadonlySet<string> = new Set([
  'add', 'note', 'call', 'post', 'report', 'write', 'describe', 'respond', 'state', 'observe', 'comment',
  'cite', 'recall', 'counter', 'tout', 'promise', 'pledge', 'ask', 'urge', 'predict', 'charge', 'express',
  'refer',
]);

/** Words before a subject that put the verb in an embedded question ("depend on how Washington responds"). */
export const EMBEDDING_WORDS: ReadonlySet<string> = new Set(['how', 'whether', 'why', 'if', 'when', 'where', 'once', 'until', 'unless']);

/** Head nouns that can carry an evidential verb as a source. */
export const SOURCE_NOUNS = /\b(sources?|officials?|reports?|documents?|analysts?|experts?|people|aides?|spokes(?:wo)?m[ae]n|spokesperson|diplomats?|critics|observers|lawmakers|members|investigators|prosecutors|police|polls?|surveys?|data|records|emails?|statements?|filings?|memos?|letters?|study|research|researchers|scientists|economists|advisers?|advisors?)\b/i;

/** Cues that come before the source: "according to sources familiar with the discussions". */
export const LEADING_CUES: readonly string[] = [
  'as first reported by', 'as reported by', 'as reported in', 'first reported by', 'reported by',
  'according to', 'as cited by', 'cited by', 'citing', 'as told to', 'as quoted by', 'quoted by',
  'in an interview with', 'in a statement from', 'a statement from', 'said in a statement by',
];

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
