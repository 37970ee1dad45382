/**
 * What a heard phrase can be corrected to. Each glossary entry gives several targets: its term,
 * each correct form ("Yoon" for "Yoon Suk Yeol") and, for people, the parts of the name people say
 * alone (first name "Jacco", surname "Zwetsloot"). Each target carries the keys the matcher
 * compares: words, letters, sound strings (as a word and spelled letter by letter) and coarse keys.
 */
import type { GlossaryEntry } from '../glossary/types';
import { acronymKey, coarseKey, foldLetters, spelledSound, wordSound } from './phonetics/sound';
import { phraseKey, tokenize } from './tokenize';

export type TargetKind = 'term' | 'form' | 'part';

export interface Target {
  index: number;
  entry: GlossaryEntry;
  /** The text a correction writes. */
  text: string;
  kind: TargetKind;
  /** phraseKey of the text: exact matches are already correct. */
  key: string;
  /** Folded words ("o'carroll" → "ocarroll"). */
  words: string[];
  letters: string;
  /** Sound of the words read as words, and with acronyms spelled out (equal when none). */
  sound: string;
  spokenSound: string;
  coarse: string;
  spokenCoarse: string;
  wordCoarse: string[];
  /** Sound string of each word. */
  wordSounds: string[];
  /** True when some word of the target is an acronym said letter by letter. */
  hasAcronym: boolean;
  /** For a one-word acronym, the rhyme classes of its letters (see acronymKey); else ''. */
  acronymKey: string;
}

/** Parts of person names shorter than this are never said alone as the person ("Un", "Il"). */
const MIN_PART_LETTERS = 3;

/** Read as letters: all capitals (or capitals and digits), 2 to 6 characters: NIS, NK, KN-23. */
export function isAcronym(word: string): boolean {
  return /^[\p{Lu}\d]{2,6}$/u.test(word) && /\p{Lu}/u.test(word);
}

export function buildTargets(entries: readonly GlossaryEntry[]): Target[] {
  const targets: Target[] = [];
  // Names share words (first names, "Kim", "City"): each word's sounds are worked out once.
  const sounds = new Map<string, WordSounds>();
  const soundsOf = (word: string): WordSounds => {
    let found = sounds.get(word);
    if (!found) {
      const sound = wordSound(word);
      found = { letters: foldLetters(word), sound, spoken: isAcronym(word) ? spelledSound(word) : sound };
      sounds.set(word, found);
    }
    return found;
  };
  const add = (entry: GlossaryEntry, text: string, kind: TargetKind) => {
    const target = makeTarget(targets.length, entry, text, kind, soundsOf);
    if (target) targets.push(target);
  };
  for (const entry of entries) {
    add(entry, entry.term, 'term');
    for (const form of entry.forms) add(entry, form, 'form');
    if (entry.category === 'person') {
      for (const part of personNameParts(entry)) add(entry, part, 'part');
    }
  }
  return targets;
}

/** The first and last word of a person's name, unless a form already says how they are called. */
function personNameParts(entry: GlossaryEntry): string[] {
  const words = entry.term.split(/\s+/).filter(Boolean);
  if (words.length < 2) return [];
  const parts = new Set([words[0]!, words[words.length - 1]!]);
  const forms = new Set(entry.forms.map(phraseKey));
  return [...parts].filter(
    (part) => foldLetters(part).length >= MIN_PART_LETTERS && !forms.has(phraseKey(part)),
  );
}

interface WordSounds {
  letters: string;
  sound: string;
  spoken: string;
}

function makeTarget(
  index: number,
  entry: GlossaryEntry,
  text: string,
  kind: TargetKind,
  soundsOf: (word: string) => WordSounds,
): Target | undefined {
  const tokens = tokenize(text);
  if (tokens.length === 0) return undefined;
  const wordSounds = tokens.map((token) => soundsOf(token.text));
  const words = wordSounds.map((w) => w.letters);
  const sounds = wordSounds.map((w) => w.sound);
  const spoken = wordSounds.map((w) => w.spoken);
  const sound = sounds.join('');
  const spokenSound = spoken.join('');
  return {
    index,
    entry,
    text,
    kind,
    key: tokens.map((token) => token.key).join(' '),
    words,
    letters: words.join(''),
    sound,
    spokenSound,
    coarse: coarseKey(sound),
    spokenCoarse: coarseKey(spokenSound),
    wordCoarse: sounds.map(coarseKey),
    wordSounds: sounds,
    hasAcronym: tokens.some((token) => isAcronym(token.text)),
    acronymKey: tokens.length === 1 && isAcronym(tokens[0]!.text) ? acronymKey(tokens[0]!.text) : '',
  };
}
