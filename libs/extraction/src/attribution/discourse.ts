import { ANAPHORIC_OPENER, BLOCK_QUOTE_PARAGRAPHS, ROLE_TITLES, SPEAKER_LOOKBACK } from '../rules/discourse';
import { GENDERED_NAME, GENDERED_WORDS, PERSON_PRONOUNS, UNNAMED_GROUPS } from '../rules/attribution-cues';
import { getGender } from 'gender-detection-from-name';
import { classifyName, isTitle } from '../entities/classify';
import { personKey } from '../entities/normalise';
import type { Sentence } from '../text/sentences';
import type { EntityMention, Span } from '../types';
import type { Frame } from './frame';

const MIN_QUOTE_WORDS = 3;

interface Context {
  readonly text: string;
  readonly sentences: readonly Sentence[];
  readonly frames: Frame[];
  readonly people: readonly EntityMention[];
  readonly mentions: readonly EntityMention[];
}

/**
 * Resolves what one sentence's frame leaves to its neighbours: pronoun speakers ("She
 * emphasized"), quotations with no speech tag that continue an earlier speaker, and claims
 * attributed by the next sentence's anaphoric subject. Returns new frames; inputs are untouched.
 */
export function resolveFrames(
  text: string,
  sentences: readonly Sentence[],
  frames: readonly Frame[],
  mentions: readonly EntityMention[],
): Frame[] {
  const context: Context = { text, sentences, frames: [...frames], people: mentions.filter((mention) => isPersonLike(text, mention)), mentions };
  for (let index = 0; index < sentences.length; index += 1) {
    context.frames[index] = resolveRole(context, index, resolvePronoun(context, index));
    if (context.frames[index].kind === 'none' && hasQuotation(text, sentences[index])) {
      context.frames[index] = inheritSpeaker(context, index) ?? context.frames[index];
    }
    if (/:\s*$/.test(text.slice(sentences[index].start, sentences[index].end))) markBlockQuote(context, index);
  }
  for (let index = 1; index < sentences.length; index += 1) lendToPrevious(context, index);
  return context.frames.map((frame) => {
    if (!frame.source) return frame;
    if (frame.sourceName === undefined) return { ...frame, sourceName: nameIn(context, frame.source) };
    return frame.sourceName ? { ...frame, sourceName: nameIn(context, frame.sourceName) ?? frame.sourceName } : frame;
  });
}

function hasQuotation(text: string, sentence: Sentence): boolean {
  return sentence.quotations.some((quote) => text.slice(quote.inner.start, quote.inner.end).split(/\s+/).length >= MIN_QUOTE_WORDS);
}

function resolvePronoun(context: Context, index: number): Frame {
  const frame = context.frames[index];
  if (!frame.source) return frame;
  const word = context.text.slice(frame.source.start, frame.source.end).toLowerCase();
  if (PERSON_PRONOUNS.has(word)) {
    const antecedent = personAntecedent(context, index, frame.source.start, word);
    if (antecedent === UNNAMED) return { ...frame, sourceName: null };
    return antecedent ? { ...frame, sourceName: antecedent } : frame;
  }
  if (word === 'they') {
    const previous = context.sentences[index - 1];
    const same = previous && previous.paragraph === context.sentences[index].paragraph;
    const before = same ? context.frames[index - 1] : undefined;
    return before?.source ? { ...frame, sourceName: before.sourceName ?? nameIn(context, before.source) } : frame;
  }
  return frame;
}

function isPossessive(text: string, mention: EntityMention): boolean {
  return /[\u2019']s?$/.test(mention.text) || /^[\u2019']s?\b/.test(text.slice(mention.end, mention.end + 2));
}

// People, but never in the possessive ("Mr. Stone's lawyer" is not Mr. Stone).
function isPersonLike(text: string, mention: EntityMention): boolean {
  if (isPossessive(text, mention)) return false;
  return mention.type === 'person';
}

// Names inside a quotation are what the speaker talks about, not who speaks.
function peopleIn(context: Context, sentence: Sentence, pronoun: string): EntityMention[] {
  return context.people.filter(
    (mention) =>
      mention.start >= sentence.start &&
      mention.end <= sentence.end &&
      !sentence.quotations.some((quote) => quote.start <= mention.start && mention.start < quote.end) &&
      genderAgrees(context, mention, pronoun) &&
      looksHuman(context, mention),
  );
}

// "North Africa", "Human Rights": capitalised pairs the lists type as people. A person has a
// title, a gender the report gives, or a first name the given-name list knows.
function looksHuman(context: Context, mention: EntityMention): boolean {
  const words = mention.text.split(/\s+/);
  if (words.length < 2 || words.some((word) => isTitle(word))) return true;
  if (genderOf(context).has(personKey(mention.name))) return true;
  return getGender(mention.name.split(/\s+/)[0], 'en') !== 'unknown' || getGender(mention.name.split(/\s+/)[0]) !== 'unknown';
}

// Gender as the report shows it ("Mr.", "Mrs.", "Ms." or a gendered role word before the
// surname anywhere in the text), else as the first name usually is (an offline list of given
// names); unknown agrees with either pronoun.
function genderAgrees(context: Context, mention: EntityMention, pronoun: string): boolean {
  const words = mention.name.split(/\s+/);
  const byName = words.length >= 2 ? getGender(words[0], 'en') : 'unknown';
  const known = genderOf(context).get(personKey(mention.name)) ?? (byName === 'unknown' ? undefined : byName);
  if (!known) return true;
  return known === (pronoun === 'he' || pronoun === 'him' ? 'male' : 'female');
}

const genders = new WeakMap<Context, Map<string, 'male' | 'female'>>();

function genderOf(context: Context): Map<string, 'male' | 'female'> {
  const cached = genders.get(context);
  if (cached) return cached;
  const found = new Map<string, 'male' | 'female'>();
  const conflicting = new Set<string>();
  for (const match of context.text.matchAll(GENDERED_NAME)) {
    const key = personKey(match.groups!.name);
    const gender = GENDERED_WORDS.get(match.groups!.title.toLowerCase().replace(/\.$/, ''))!;
    if (found.has(key) && found.get(key) !== gender) conflicting.add(key);
    found.set(key, gender);
  }
  for (const key of conflicting) found.delete(key);
  genders.set(context, found);
  return found;
}

/**
 * Who "he" or "she" is: the subject earlier in the same sentence, else the last named speaker
 * a few sentences back, else the first person named in an earlier sentence.
 */
function personAntecedent(context: Context, index: number, before: number, pronoun: string): Span | typeof UNNAMED | null {
  const sentence = context.sentences[index];
  const subject = peopleIn(context, sentence, pronoun).find((mention) => mention.end <= before && !verbBefore(sentence, mention.start));
  if (subject) return subject;
  const floor = Math.max(0, index - SPEAKER_LOOKBACK);
  for (let back = index - 1; back >= floor; back -= 1) {
    const speaker = namedSpeaker(context, back, pronoun);
    // An unnamed speaker is "he" only when no one has been named since.
    if (speaker === UNNAMED && namedSince(context, back, index, pronoun)) continue;
    if (speaker) return speaker;
  }
  // Then the subject of a sentence a little further back, a speaker further back, and only then any name.
  for (let back = index - 1; back >= floor; back -= 1) {
    const sentence = context.sentences[back];
    const subject = peopleIn(context, sentence, pronoun).find((mention) => !verbBefore(sentence, mention.start));
    if (subject) return subject;
  }
  for (let back = floor - 1; back >= Math.max(0, index - 3 * SPEAKER_LOOKBACK); back -= 1) {
    const speaker = namedSpeaker(context, back, pronoun);
    if (speaker === UNNAMED && namedSince(context, back, index, pronoun)) continue;
    if (speaker) return speaker;
  }
  for (let back = index - 1; back >= Math.max(0, index - 2 * SPEAKER_LOOKBACK); back -= 1) {
    const first = peopleIn(context, context.sentences[back], pronoun)[0];
    if (first) return first;
  }
  return null;
}

function namedSince(context: Context, from: number, to: number, pronoun: string): boolean {
  for (let at = from + 1; at < to; at += 1) if (peopleIn(context, context.sentences[at], pronoun).length > 0) return true;
  return false;
}

function verbBefore(sentence: Sentence, position: number): boolean {
  return sentence.tokens.some((token) => token.start < position && (token.pos === 'VERB' || token.pos === 'AUX'));
}

function namedSpeaker(context: Context, index: number, pronoun: string): Span | typeof UNNAMED | null {
  const frame = context.frames[index];
  const source = frame.sourceName ?? frame.source;
  if (!source) return null;
  // "A resident in Tripoli told Reuters ... he said": "he" is that unnamed person.
  if (frame.kind === 'speech' && !frame.sourceName && UNNAMED_PERSON.test(context.text.slice(source.start, source.end))) return UNNAMED;
  const person = context.people.find((mention) => mention.start >= source.start && mention.end <= source.end);
  if (person) return genderAgrees(context, person, pronoun) && looksHuman(context, person) ? person : null;
  // A capitalised source that is not a known person may be one ("Akin"), but never a group,
  // an organisation or a possessive ("Intelligence Committee Republicans", "Mr. Stone's lawyer").
  const words = context.text.slice(source.start, source.end);
  const guess = classifyName(words.split(/\s+/));
  const personLike = PROPER_NAME.test(words) && !UNNAMED_GROUPS.test(words) && !/[\u2019']s?$/.test(words) && ['person', 'unknown'].includes(guess.type);
  return personLike && frame.kind === 'speech' ? source : null;
}

const PROPER_NAME_SHAPE = /^(?:@\w+|[\p{Lu}][\p{L}'\u2019.-]+(?:\s+[\p{Lu}][\p{L}'\u2019.-]+){0,3})$/u;
const NOT_NAMES = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'this', 'that', 'these', 'those', 'who', 'one', 'some', 'many', 'all', 'both', 'each']);
const PROPER_NAME = { test: (words: string): boolean => PROPER_NAME_SHAPE.test(words) && !NOT_NAMES.has(words.toLowerCase()) };

/** A pronoun that stands for someone the report does not name. */
const UNNAMED = Symbol('unnamed');

/** One person described, not named: "a resident in Tripoli", "an eyewitness", "one protester". */
const UNNAMED_PERSON = /^(?:[Aa]|[Aa]n|[Oo]ne|[Aa]nother)\s+(?:[\p{Ll}-]+\s+)?(?:resident|witness|eyewitness|protester|activist|official|diplomat|source|spokes(?:wo)?man|spokesperson|aide|doctor|soldier|fighter|rebel|man|woman|user|member|analyst|lawyer|worker|student|teacher|journalist|reporter|villager|refugee|survivor|officer|commander|employee|insider|adviser|advisor)\b/u;

const ROLE = /^(?:the\s+)?(?:[\p{L}-]+\s+)?(\p{Ll}+)$/u;

// "the governor said": the last person named with that title.
function resolveRole(context: Context, index: number, frame: Frame): Frame {
  const source = frame.source;
  const role = source && ROLE.exec(context.text.slice(source.start, source.end))?.[1];
  const titles = role ? ROLE_TITLES.get(role) : undefined;
  if (!source || !titles) return frame;
  const titled = context.people.filter((mention) => {
    const words = context.text.slice(Math.max(0, mention.start - 12), mention.end).toLowerCase().split(/\s+/);
    return mention.end <= source.start && words.some((word) => titles.includes(word));
  });
  const last = titled[titled.length - 1];
  return last ? { ...frame, sourceName: last } : frame;
}

// "Trump lashed out on Twitter, saying:" and the next paragraphs are his words, unquoted.
function markBlockQuote(context: Context, index: number): void {
  const { frames, sentences } = context;
  if (!frames[index].source) return;
  const from = sentences[index].paragraph;
  for (let next = index + 1; next < sentences.length; next += 1) {
    const sentence = sentences[next];
    if (sentence.paragraph === from) return;
    if (sentence.paragraph > from + BLOCK_QUOTE_PARAGRAPHS || frames[next].kind !== 'none' || sentence.quotations.length) return;
    frames[next] = { ...frames[index], blockQuote: true };
  }
}

// A quotation with no speech tag continues the speaker of the sentence before it, even across
// a paragraph break, as news style lets a quote run on after "Dr. Mitchell further explained".
function inheritSpeaker(context: Context, index: number): Frame | null {
  const previous = context.frames[index - 1];
  if (!previous || !previous.source || previous.kind !== 'speech') return null;
  const gap = context.sentences[index].paragraph - context.sentences[index - 1].paragraph;
  return gap <= 1 ? previous : null;
}

function lendToPrevious(context: Context, index: number): void {
  const { sentences, frames, text } = context;
  const sentence = sentences[index];
  if (sentences[index - 1].paragraph !== sentence.paragraph || !frames[index].source || frames[index].kind !== 'leading') return;
  if (frames[index - 1].source || !ANAPHORIC_OPENER.test(text.slice(sentence.start, sentence.end))) return;
  frames[index - 1] = frames[index];
}

/**
 * The name a source span gives, as the report names that entity most fully ("Dr. Mitchell" is
 * "Dr. Laura Mitchell"): a person first, else an organisation, never one only in the possessive
 * ("Politico's sources" are not Politico). Null for unnamed groups ("critics", "officials").
 */
function nameIn(context: Context, source: Span): Span | null {
  const inside = context.mentions.filter(
    (mention) => mention.start >= source.start && mention.end <= source.end && !isPossessive(context.text, mention),
  );
  const head =
    inside.find((mention) => mention.type === 'person') ??
    inside.find((mention) => mention.type === 'organisation') ??
    inside.find((mention) => mention.type === 'other');
  if (head) return fullestMention(context, head);
  // A bare proper name the entity lists do not know ("Obama", "@GlobalAnalyst") names itself.
  // A lone capitalised word may only open the sentence ("Revolutions have ..."); it names no one
  // unless the report also writes it as a name elsewhere, which makes it a mention.
  const words = context.text.slice(source.start, source.end);
  const multiWord = /\s/.test(words) || words.startsWith('@') || !startsSentence(context, source);
  return multiWord && PROPER_NAME.test(words) && !UNNAMED_GROUPS.test(words) ? source : null;
}

function startsSentence(context: Context, span: Span): boolean {
  return context.sentences.some((sentence) => sentence.start === span.start);
}

function fullestMention(context: Context, mention: EntityMention): Span {
  const same = context.mentions.filter((other) => other.name === mention.name && other.type === mention.type);
  return same.reduce((best, other) => (other.end - other.start > best.end - best.start ? other : best), mention);
}
