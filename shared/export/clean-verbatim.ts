/**
 * Clean verbatim: the transcript without fillers, stutters and repeated words. Rules, in order:
 * 1. Stutters: "I-I-I" → "I", "w-w-we" → "we", "t-the" → "the" (a hyphenated word whose first parts
 *    begin its last part; two parts only when the first is one letter, so "bye-bye", "so-so",
 *    "re-read" and "D-Day" stay), and a cut-off fragment before the word it begins: "th- the" → "the".
 * 2. Fillers, as whole words, case-insensitively. One-word fillers ("um") go wherever they stand.
 *    Phrases ("you know") go only when set off by punctuation or the text's ends on both sides
 *    ("It was, you know, big"), so "you know what I mean" and "I think you know him" stay.
 *    The commas around a filler collapse to the one before it: "So, um, the NIS" → "So, the NIS";
 *    sentence punctuation after it survives: "big, um. Then" → "big. Then".
 * 3. Repeats: a word or a phrase of up to three words said twice in a row, separated by spaces, a
 *    comma, a dash or an ellipsis: "I, I think" → "I think", "the the" → "the", "in the, in the
 *    morning" → "in the morning". Grammatical doubles ("had had", "that that") are kept when only
 *    a space separates them.
 * A sentence that started with something removed starts with a capital again: "Um, we" → "We".
 */

/** Fillers per language (primary subtag). Phrases are only removed when set off by punctuation. */
export const FILLERS: Record<string, readonly string[]> = {
  en: ['um', 'umm', 'uh', 'uhh', 'uhm', 'er', 'erm', 'hmm', 'you know'],
  nl: ['eh', 'ehm', 'uh', 'uhm', 'euh', 'hmm', 'weet je'],
  // Not "er": in German it is the pronoun "he".
  de: ['äh', 'ähm', 'öh', 'öhm', 'hm', 'hmm', 'weißt du'],
  fr: ['euh', 'heu', 'hum', 'tu sais', 'vous savez'],
};

/** Words that are grammatical when doubled ("what it is is", "die die"), in any language. */
export const GRAMMATICAL_REPEATS: readonly string[] = [
  'had',
  'that',
  'is',
  'do',
  'bye',
  'ha',
  'die',
  'das',
  'dat',
  'nous',
  'vous',
];

const DEFAULT_LANGUAGE = 'en';
const MAX_REPEATED_PHRASE_WORDS = 3;

/** The fillers for a language tag ("en-GB" → English); English when unknown or absent. */
export function fillersFor(language?: string): readonly string[] {
  const primary = language?.toLowerCase().split(/[-_]/)[0] ?? DEFAULT_LANGUAGE;
  return FILLERS[primary] ?? (FILLERS[DEFAULT_LANGUAGE] as readonly string[]);
}

interface Token {
  word: string;
  /** The text after the word, up to the next word. */
  sep: string;
}

interface Tokens {
  /** The text before the first word. */
  head: string;
  tokens: Token[];
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const SENTENCE_BEFORE = /[.!?…]["'”’)\]]*\s+["'“‘([]*$/;
const REPEAT_SEPARATOR = /^\s*(?:,|-|–|—|\.\.\.|…)?\s+$/;

export function cleanVerbatim(
  text: string,
  fillers: readonly string[],
  keepRepeats: readonly string[] = GRAMMATICAL_REPEATS,
): string {
  const parsed = tokenize(text);
  removeStutters(parsed);
  removeFillers(
    parsed,
    fillers.map(words).filter((phrase) => phrase.length > 0),
  );
  removeRepeats(parsed, new Set(keepRepeats.map(normalize)));
  return join(parsed).trim();
}

function tokenize(text: string): Tokens {
  const tokens: Token[] = [];
  let head = '';
  let last = 0;
  for (const match of text.matchAll(WORD)) {
    const between = text.slice(last, match.index);
    const previous = tokens.at(-1);
    if (previous) previous.sep = between;
    else head = between;
    tokens.push({ word: match[0], sep: '' });
    last = match.index + match[0].length;
  }
  const tail = text.slice(last);
  const previous = tokens.at(-1);
  if (previous) previous.sep = tail;
  else head = tail;
  return { head, tokens };
}

function join({ head, tokens }: Tokens): string {
  return head + tokens.map((token) => token.word + token.sep).join('');
}

function normalize(word: string): string {
  return word.toLowerCase().replace(/’/g, "'");
}

function words(phrase: string): string[] {
  return Array.from(phrase.matchAll(WORD), (match) => normalize(match[0]));
}

function separatorBefore(parsed: Tokens, index: number): string {
  return index === 0 ? parsed.head : (parsed.tokens[index - 1]?.sep ?? '');
}

function setSeparatorBefore(parsed: Tokens, index: number, sep: string): void {
  const previous = parsed.tokens[index - 1];
  if (index === 0 || !previous) parsed.head = sep;
  else previous.sep = sep;
}

function startsSentence(parsed: Tokens, index: number): boolean {
  return index === 0 || SENTENCE_BEFORE.test(separatorBefore(parsed, index));
}

function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase();
}

/** A removed sentence opener hands its capital to the word that now opens the sentence. */
function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function removeStutters(parsed: Tokens): void {
  for (const token of parsed.tokens) {
    const kept = hyphenStutter(token.word);
    if (kept !== undefined) token.word = isCapitalised(token.word) ? capitalise(kept) : kept;
  }
  for (let i = 0; i < parsed.tokens.length - 1; i++) {
    const fragment = parsed.tokens[i] as Token;
    const next = parsed.tokens[i + 1] as Token;
    const cutOff = /^-\s+$/.test(fragment.sep);
    if (!cutOff || !normalize(next.word).startsWith(normalize(fragment.word))) continue;
    if (startsSentence(parsed, i) && isCapitalised(fragment.word)) next.word = capitalise(next.word);
    parsed.tokens.splice(i, 1);
    i--;
  }
}

/** The word a hyphenated stutter stands for, or undefined when the word is no stutter. */
function hyphenStutter(word: string): string | undefined {
  const parts = word.split('-');
  const last = parts.at(-1) as string;
  if (parts.length < 2) return undefined;
  const lowerLast = normalize(last);
  const allBegin = parts.slice(0, -1).every((part) => lowerLast.startsWith(normalize(part)));
  if (!allBegin) return undefined;
  if (parts.length >= 3) return last;
  const first = parts[0] as string;
  const sameWord = normalize(first) === lowerLast;
  return first.length === 1 && (sameWord || !isCapitalised(last)) ? last : undefined;
}

function removeFillers(parsed: Tokens, fillers: readonly string[][]): void {
  for (let i = 0; i < parsed.tokens.length; i++) {
    const length = fillerAt(parsed, i, fillers);
    if (length === 0) continue;
    const atStart = i === 0;
    const atEnd = i + length === parsed.tokens.length;
    const before = separatorBefore(parsed, i);
    const after = (parsed.tokens[i + length - 1] as Token).sep;
    const opener = startsSentence(parsed, i) && isCapitalised((parsed.tokens[i] as Token).word);
    setSeparatorBefore(parsed, i, mergeAround(before, after, atStart, atEnd));
    parsed.tokens.splice(i, length);
    const next = parsed.tokens[i];
    if (opener && next) next.word = capitalise(next.word);
    i--;
  }
}

/** How many words from `index` form a filler; 0 when none does. Longest filler wins. */
function fillerAt(parsed: Tokens, index: number, fillers: readonly string[][]): number {
  let best = 0;
  for (const filler of fillers) {
    if (filler.length <= best || !matchesAt(parsed, index, filler)) continue;
    if (filler.length > 1 && !setOff(parsed, index, filler.length)) continue;
    best = filler.length;
  }
  return best;
}

function matchesAt(parsed: Tokens, index: number, phrase: readonly string[]): boolean {
  return phrase.every((word, k) => {
    const token = parsed.tokens[index + k];
    if (!token || normalize(token.word) !== word) return false;
    // The words of a phrase are separated by spaces only.
    return k === phrase.length - 1 || /^\s+$/.test(token.sep);
  });
}

/** Punctuation or the text's ends on both sides: the phrase is an aside, not part of the sentence. */
function setOff(parsed: Tokens, index: number, length: number): boolean {
  const before = separatorBefore(parsed, index);
  const after = (parsed.tokens[index + length - 1] as Token).sep;
  const punctuated = (sep: string): boolean => /[^\s]/.test(sep);
  const leftOk = index === 0 || punctuated(before);
  const rightOk = index + length === parsed.tokens.length || punctuated(after);
  return leftOk && rightOk;
}

/** The separator left where a filler was, from the separators before and after it. */
function mergeAround(before: string, after: string, atStart: boolean, atEnd: boolean): string {
  // A comma after a filler belongs to the filler.
  const afterMark = after.trim().replace(/^,+/, '').trim();
  const afterSpace = /\s*$/.exec(after)?.[0] ?? '';
  if (atStart) return before;
  if (afterMark === '') return atEnd ? before.trimEnd().replace(/,+$/, '') : before;
  // Stronger punctuation after the filler replaces a comma or sentence mark before it.
  const kept = before.trimEnd().replace(/[,.!?…]+$/, '');
  return kept + afterMark + afterSpace;
}

function removeRepeats(parsed: Tokens, keep: ReadonlySet<string>): void {
  for (let i = 0; i < parsed.tokens.length; i++) {
    for (let n = 1; n <= MAX_REPEATED_PHRASE_WORDS; n++) {
      if (!repeatedAt(parsed, i, n, keep)) continue;
      // Drop the second copy: the first keeps its capital, the second's trailing punctuation stays.
      const lastOfFirst = parsed.tokens[i + n - 1] as Token;
      lastOfFirst.sep = (parsed.tokens[i + 2 * n - 1] as Token).sep;
      parsed.tokens.splice(i + n, n);
      i--;
      break;
    }
  }
}

function repeatedAt(parsed: Tokens, index: number, n: number, keep: ReadonlySet<string>): boolean {
  if (index + 2 * n > parsed.tokens.length) return false;
  const first = parsed.tokens.slice(index, index + n);
  const second = parsed.tokens.slice(index + n, index + 2 * n);
  const between = (first.at(-1) as Token).sep;
  if (!REPEAT_SEPARATOR.test(between)) return false;
  for (let k = 0; k < n; k++) {
    const a = first[k] as Token;
    const b = second[k] as Token;
    if (normalize(a.word) !== normalize(b.word)) return false;
    if (k < n - 1 && !(/^\s+$/.test(a.sep) && /^\s+$/.test(b.sep))) return false;
  }
  const grammatical = n === 1 && keep.has(normalize((first[0] as Token).word)) && /^\s+$/.test(between);
  return !grammatical;
}
