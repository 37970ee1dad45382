/**
 * The names a fact-checker should consider adding to the glossary: capitalised runs of words in a
 * transcript ("Anton Sokolin", "Kim Jong-sik", "KCIA") that are neither glossary terms, forms or
 * variants nor ordinary English words that merely start a sentence ("Well", "And", "Today").
 *
 * A run is a maximal stretch of capitalised words (or acronyms) with no punctuation or blank line
 * between them; lower-case name particles ("von der") and lower-case hyphenated syllables
 * ("Jong-sik") may sit inside it. Runs lose function words capitalised by a missing full stop
 * ("North Korea Have"), an ordinary word that only starts the sentence ("Today Anton Sokolin"),
 * titles ("President Yun") and glossary names with their titles ("Data Correspondent Anton Sokolin").
 */
import type { GlossaryEntry } from '../glossary/types';
import { analyseText, type HeardToken } from './heard';
import type { Lexicon } from './lexicon';
import { isAcronym } from './targets';
import { phraseKey } from './tokenize';
import { MONTH_NAMES, WEEKDAY_NAMES } from '../document/calendar';

export interface NameCandidate {
  /** The most frequent spelling (the first seen on a tie). */
  name: string;
  count: number;
  /** Offset of the first occurrence in the text. */
  firstOffset: number;
  /** Each distinct written form, in order of first appearance (the name among them). */
  spellings: string[];
}

/** A lower-case word this frequent (per million spoken words) is ordinary English. */
const ORDINARY_WORD_PER_MILLION = 20;
/**
 * Words this frequent are ordinary even though SUBTLEX lists them capitalised: subtitles start
 * lines with "Well", "Yes", "Hello", "Okay".
 */
const EVERYDAY_WORD_PER_MILLION = 300;
/** Rarer than this, the lexicon does not know the word (a Korean syllable, a misheard name). */
const RARE_WORD_PER_MILLION = 0.5;
/** Words this frequent ("have", "but", "the") never start or end a name. */
const FUNCTION_WORD_PER_MILLION = 2000;
/** An acronym this frequent as a word is not a name to look up: "OK", "TV", "US", "AM". */
const ORDINARY_ACRONYM_PER_MILLION = 50;

/** Lower-case words that names carry inside them: "Ursula von der Leyen", "Bashar al-Assad". */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'al',
  'bin',
  'da',
  'de',
  'del',
  'der',
  'di',
  'du',
  'la',
  'le',
  'van',
  'von',
]);

/** Capitalised in English, but not names to look up. */
const MONTHS_AND_WEEKDAYS: ReadonlySet<string> = new Set([...MONTH_NAMES, ...WEEKDAY_NAMES]);

/** Titles before a name that are not part of it: "Mr Putin" is Putin, "President Yun" is Yun. */
const TITLES: ReadonlySet<string> = new Set([
  'ambassador',
  'chairman',
  'commander',
  'correspondent',
  'director',
  'dr',
  'general',
  'governor',
  'king',
  'leader',
  'minister',
  'mr',
  'mrs',
  'ms',
  'president',
  'prof',
  'professor',
  'queen',
  'secretary',
  'senator',
  'sir',
  'spokesman',
  'spokeswoman',
]);

/** English words after a hyphen that make a compound, not a name: "Pyongyang-based", "US-led". */
const COMPOUND_ENDINGS: ReadonlySet<string> = new Set([
  'backed',
  'based',
  'born',
  'controlled',
  'era',
  'funded',
  'led',
  'like',
  'linked',
  'made',
  'owned',
  'run',
  'speaking',
  'style',
  'themed',
  'inspired',
]);

/** "I" and its contractions ("I'm", "I'll"), and contractions like "Don't": never names. */
const PRONOUN_I = /^I(?:['’]\p{L}+)?$/u;
const CONTRACTION = /(?:n['’]t|['’](?:m|re|ve|ll|d))$/iu;
const HYPHEN = /^[-‐‑]$/u;
const SENTENCE_END = /^\s?[.!?…]/u;

/** One written occurrence of a candidate name. */
interface Occurrence {
  key: string;
  spelling: string;
  start: number;
  /** Sentence-start words that might be ordinary English: counted only if seen elsewhere as a name. */
  doubtful: boolean;
  /** The run before an ordinary first word was trimmed ("New York" for "York"), preferred when seen elsewhere. */
  longer?: { key: string; spelling: string; start: number };
}

interface Context {
  text: string;
  glossary: GlossaryKeys;
  /** Keys of words the text writes in lower case more often than capitalised mid-sentence: "um", "wow". */
  lowercaseWords: ReadonlySet<string>;
}

export function findNameCandidates(
  text: string,
  entries: readonly GlossaryEntry[],
  lexicon: Lexicon,
): NameCandidate[] {
  const tokens = analyseText(text, lexicon);
  const context: Context = {
    text,
    glossary: glossaryKeys(entries),
    lowercaseWords: mostlyLowercaseWords(tokens),
  };
  const occurrences = findRuns(tokens, text).flatMap((run) => runOccurrences(run, context));
  return groupOccurrences(occurrences);
}

/** Words this text writes in lower case more often than capitalised inside a sentence. */
function mostlyLowercaseWords(tokens: readonly HeardToken[]): Set<string> {
  const balance = new Map<string, number>();
  for (const token of tokens) {
    const lowercase = !/\p{Lu}/u.test(token.text);
    if (lowercase || !token.sentenceStart) {
      balance.set(token.key, (balance.get(token.key) ?? 0) + (lowercase ? 1 : -1));
    }
  }
  return new Set([...balance].filter(([, count]) => count > 0).map(([key]) => key));
}

// ── Runs ────────────────────────────────────────────────────────────────────────────────────────

function findRuns(tokens: readonly HeardToken[], text: string): HeardToken[][] {
  const runs: HeardToken[][] = [];
  let run: HeardToken[] = [];
  tokens.forEach((token, i) => {
    const previous = run[run.length - 1];
    if (previous && continuesRun(previous, tokens, i, text)) {
      run.push(token);
      return;
    }
    if (run.length > 0) runs.push(run);
    run = isNameWord(token) ? [token] : [];
  });
  if (run.length > 0) runs.push(run);
  return runs;
}

/** Capitalised or an acronym, and not "I", a contraction, a month or a weekday. */
function isNameWord(token: HeardToken): boolean {
  return (
    (token.capitalised || isAcronym(token.text)) &&
    !PRONOUN_I.test(token.text) &&
    !CONTRACTION.test(token.text) &&
    !MONTHS_AND_WEEKDAYS.has(token.key)
  );
}

function continuesRun(previous: HeardToken, tokens: readonly HeardToken[], i: number, text: string): boolean {
  const token = tokens[i]!;
  if (previous.possessive || token.breakBefore) return false;
  if (isNameWord(token)) return true;
  if (HYPHEN.test(text.slice(previous.end, token.start))) return isHyphenatedPart(previous, token);
  return isParticleBeforeName(tokens, i);
}

/**
 * "Jong-sik", "Jae-in", "KN-23" are one name: a syllable English does not know joins its
 * neighbour. "Russian-backed", "DPRK-inspired" and "Bye-bye" are not names.
 */
function isHyphenatedPart(previous: HeardToken, token: HeardToken): boolean {
  if (/^\d+$/.test(token.text)) return true;
  if (COMPOUND_ENDINGS.has(token.key) || isAcronym(previous.text)) return false;
  return previous.frequency < RARE_WORD_PER_MILLION || token.frequency < RARE_WORD_PER_MILLION;
}

/** A particle counts only when more particles and then a name word follow: "von der Leyen". */
function isParticleBeforeName(tokens: readonly HeardToken[], i: number): boolean {
  for (let j = i; j < tokens.length; j++) {
    const token = tokens[j]!;
    if (j > i && (token.breakBefore || tokens[j - 1]!.possessive)) return false;
    if (isNameWord(token)) return j > i;
    if (!NAME_PARTICLES.has(token.text)) return false;
  }
  return false;
}

// ── From a run to the names it holds ────────────────────────────────────────────────────────────

function runOccurrences(run: HeardToken[], context: Context): Occurrence[] {
  if (context.glossary.covers(keyOf(run))) return [];
  let tokens = withoutFunctionWords(run);
  if (tokens.length === 0) return [];
  // Still the start of the sentence after "And" or "Well" is trimmed.
  let atSentenceStart = run[0]!.sentenceStart;
  let longer: Occurrence['longer'];
  if (atSentenceStart && startsWithOrdinaryWord(tokens, context)) {
    longer = { key: keyOf(tokens), spelling: spellingOf(tokens, context.text), start: tokens[0]!.start };
    tokens = tokens.slice(1);
  }
  const named = withoutLeadingTitle(tokens);
  if (named.length < tokens.length) atSentenceStart = false;
  return withoutGlossaryNames(named, context)
    .map((part) => ({ part, atStart: atSentenceStart && part[0] === named[0] }))
    .filter(
      ({ part, atStart }) =>
        !context.glossary.covers(keyOf(part)) && !isOrdinaryAlone(part, atStart, context),
    )
    .map(({ part, atStart }) => ({
      key: keyOf(part),
      spelling: spellingOf(part, context.text),
      start: part[0]!.start,
      doubtful: atStart && isOrdinaryPhraseAtSentenceStart(part, context),
      ...(longer && part[0] === tokens[0] ? { longer } : {}),
    }));
}

/** "North Korea Have you seen": words this common are capitalised only by a missing full stop. */
function withoutFunctionWords(run: HeardToken[]): HeardToken[] {
  const isFunctionWord = (token: HeardToken) =>
    token.frequency >= FUNCTION_WORD_PER_MILLION && !token.mostlyCapitalised && !isAcronym(token.text);
  let first = 0;
  let end = run.length;
  while (first < end && isFunctionWord(run[first]!)) first++;
  while (end > first && isFunctionWord(run[end - 1]!)) end--;
  return run.slice(first, end);
}

/**
 * "Today Anton Sokolin": an ordinary word capitalised only because it starts the sentence, before
 * a name. Kept when the rest is English words too ("National Security Council").
 */
function startsWithOrdinaryWord(tokens: readonly HeardToken[], context: Context): boolean {
  const [first, second] = tokens;
  return (
    first !== undefined &&
    second !== undefined &&
    isNameWord(second) &&
    isOrdinaryAtSentenceStart(first, context) &&
    tokens.slice(1).some((token) => !isLowercaseEnglish(token))
  );
}

/** "President Yun", "Secretary General Margaret", "Mr Putin": the name is what follows the title. */
function withoutLeadingTitle(tokens: HeardToken[]): HeardToken[] {
  let titleEnd = 0;
  for (let i = 0; i < tokens.length - 1; i++) {
    const token = tokens[i]!;
    if (TITLES.has(token.key)) titleEnd = i + 1;
    else if (!isLowercaseEnglish(token)) break;
  }
  const rest = tokens.slice(titleEnd);
  return rest.some((token) => !isLowercaseEnglish(token)) ? rest : tokens;
}

/**
 * Cuts glossary names out of a run, with the title words before each ("President", "Data
 * Correspondent"). Other words after a glossary name stay with it: "Seoul National University",
 * "Yoon Suk Yul"; a title after it goes: "NATO Secretary General Margaret" is Margaret.
 */
function withoutGlossaryNames(tokens: HeardToken[], context: Context): HeardToken[][] {
  const parts: HeardToken[][] = [];
  let pieceStart = 0;
  let glossaryStart: number | undefined;
  const addPiece = (end: number, nameFollows: boolean) => {
    const piece = tokens.slice(pieceStart, end);
    const kept = nameFollows ? withoutTrailingTitle(piece) : piece;
    if (kept.length === 0) return;
    const named = withoutLeadingTitle(kept);
    if (glossaryStart === undefined || named.length < kept.length) parts.push(named);
    else parts.push(tokens.slice(glossaryStart, pieceStart + kept.length));
  };
  for (let i = 0; i < tokens.length;) {
    const length = context.glossary.longestTermAt(tokens, i);
    if (length === 0) {
      i++;
      continue;
    }
    addPiece(i, true);
    glossaryStart = i;
    i += length;
    pieceStart = i;
  }
  addPiece(tokens.length, false);
  return parts;
}

/** A piece before a glossary name loses its trailing English words: they are the name's title. */
function withoutTrailingTitle(piece: HeardToken[]): HeardToken[] {
  let end = piece.length;
  while (end > 0 && isLowercaseEnglish(piece[end - 1]!)) end--;
  return piece.slice(0, end);
}

/**
 * "Great Job", "Dive": English words capitalised only because they start a sentence. Such a part is
 * doubtful: it counts only if the text also has it where capitals mean a name.
 */
function isOrdinaryPhraseAtSentenceStart(part: readonly HeardToken[], context: Context): boolean {
  const [first, ...rest] = part;
  if (rest.length === 0 && isWholeSentence(first!, context)) return first!.frequency >= RARE_WORD_PER_MILLION;
  return isOrdinaryAtSentenceStart(first!, context) && rest.every(isLowercaseEnglish);
}

/** "Likewise." or "Exactly!": a one-word sentence of a known word is an answer, not a name. */
function isWholeSentence(token: HeardToken, context: Context): boolean {
  return SENTENCE_END.test(context.text.slice(token.end, token.end + 2));
}

/** A single word that English uses as an ordinary word: "Service", "God", "OK". */
function isOrdinaryAlone(part: readonly HeardToken[], atSentenceStart: boolean, context: Context): boolean {
  if (part.length !== 1) return false;
  const word = part[0]!;
  if (/^\d/.test(word.text)) return true; // "5K" of "1.5K", "3D", "5G"
  if (isAcronym(word.text)) return word.frequency >= ORDINARY_ACRONYM_PER_MILLION;
  // A sentence-start word is judged by the company it keeps (see groupOccurrences).
  return !atSentenceStart && (isOrdinaryWord(word) || isWrittenLowercaseHere(word, context));
}

// ── What the lexicon says about one word ────────────────────────────────────────────────────────

/** Frequent, and written in lower case (or so frequent that its capitals say nothing). */
function isOrdinaryWord(token: HeardToken): boolean {
  return (
    token.frequency >= ORDINARY_WORD_PER_MILLION &&
    (!token.mostlyCapitalised || token.frequency >= EVERYDAY_WORD_PER_MILLION)
  );
}

/** At a sentence start, capitals say nothing: any English word ("Dive", "Um") is taken as itself. */
function isOrdinaryAtSentenceStart(token: HeardToken, context: Context): boolean {
  return (
    !isAcronym(token.text) &&
    (isOrdinaryWord(token) || isLowercaseEnglish(token) || isWrittenLowercaseHere(token, context))
  );
}

/** Any English word the lexicon knows in lower case, however rare: "correspondent", "backed". */
function isLowercaseEnglish(token: HeardToken): boolean {
  return token.frequency >= RARE_WORD_PER_MILLION && !token.mostlyCapitalised;
}

/** A word the lexicon knows that this text also writes in lower case: "wow", "bye". */
function isWrittenLowercaseHere(token: HeardToken, context: Context): boolean {
  return token.frequency >= RARE_WORD_PER_MILLION && context.lowercaseWords.has(token.key);
}

// ── The glossary ────────────────────────────────────────────────────────────────────────────────

interface GlossaryKeys {
  /** True for a term, form or variant, or any run of its words ("Colin" of "Colin Zwirko"). */
  covers(key: string): boolean;
  /** The number of tokens of the longest term, form or variant starting at tokens[i]; 0 if none. */
  longestTermAt(tokens: readonly HeardToken[], i: number): number;
}

function glossaryKeys(entries: readonly GlossaryEntry[]): GlossaryKeys {
  const whole = new Set<string>();
  const pieces = new Set<string>();
  let longest = 0;
  for (const entry of entries) {
    for (const text of [entry.term, ...entry.forms, ...entry.variants.map((v) => v.text)]) {
      const words = phraseKey(text).split(' ').filter(Boolean);
      if (words.length === 0) continue;
      whole.add(words.join(' '));
      longest = Math.max(longest, words.length);
      for (const piece of subPhrases(words)) pieces.add(piece);
    }
  }
  return {
    covers: (key) => pieces.has(key),
    longestTermAt: (tokens, i) => {
      for (let length = Math.min(longest, tokens.length - i); length > 0; length--) {
        if (whole.has(keyOf(tokens.slice(i, i + length)))) return length;
      }
      return 0;
    },
  };
}

function subPhrases(words: readonly string[]): string[] {
  const phrases: string[] = [];
  for (let start = 0; start < words.length; start++) {
    for (let end = start + 1; end <= words.length; end++) phrases.push(words.slice(start, end).join(' '));
  }
  return phrases;
}

// ── Grouping ────────────────────────────────────────────────────────────────────────────────────

function keyOf(tokens: readonly HeardToken[]): string {
  return tokens.map((token) => token.key).join(' ');
}

function spellingOf(tokens: readonly HeardToken[], text: string): string {
  return text.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end).replace(/\s+/g, ' ');
}

interface Group {
  count: number;
  firstOffset: number;
  spellings: Map<string, number>;
}

/**
 * Groups occurrences by key. A doubtful sentence-start word counts only when the same name occurs
 * elsewhere without doubt; a trimmed run joins its longer form when that occurs elsewhere.
 */
function groupOccurrences(occurrences: readonly Occurrence[]): NameCandidate[] {
  const certain = new Set(occurrences.filter((o) => !o.doubtful).map((o) => o.key));
  const groups = new Map<string, Group>();
  for (const occurrence of occurrences) {
    const chosen = occurrence.longer && certain.has(occurrence.longer.key) ? occurrence.longer : occurrence;
    if (occurrence.doubtful && !certain.has(chosen.key)) continue;
    const group = groups.get(chosen.key) ?? { count: 0, firstOffset: chosen.start, spellings: new Map() };
    group.count++;
    group.firstOffset = Math.min(group.firstOffset, chosen.start);
    group.spellings.set(chosen.spelling, (group.spellings.get(chosen.spelling) ?? 0) + 1);
    groups.set(chosen.key, group);
  }
  return [...groups.values()].map(toCandidate).sort(byCountThenFirstAppearance);
}

function toCandidate(group: Group): NameCandidate {
  const spellings = [...group.spellings.keys()];
  const name = spellings.reduce((best, s) =>
    group.spellings.get(s)! > group.spellings.get(best)! ? s : best,
  );
  return { name, count: group.count, firstOffset: group.firstOffset, spellings };
}

function byCountThenFirstAppearance(a: NameCandidate, b: NameCandidate): number {
  return b.count - a.count || a.firstOffset - b.firstOffset;
}
