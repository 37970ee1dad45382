/**
 * What a heard phrase can be corrected to. Each glossary entry gives several targets: its term,
 * each correct form ("Yoon" for "Yoon Suk Yeol") and, for people, the parts of the name people say
 * alone (first name "Jacco", surname "Zwetsloot"). Each target carries the keys the matcher
 * compares: words, letters, sound strings (as a word and spelled letter by letter) and coarse keys.
 */
import type { GlossaryEntry } from '../glossary/types';
import { acronymKey, coarseKey, fineKey, foldLetters, spelledSound, wordSound } from './phonetics/sound';
import { phraseKey, tokenize } from './tokenize';

export type TargetKind = 'term' | 'form' | 'part';

/** How one word sounds; shared by every target with that word. */
export interface WordSounds {
  letters: string;
  sound: string;
  /** The sound with the word spelled out if it is an acronym; else the same as sound. */
  spoken: string;
  acronym: boolean;
}

/**
 * A target keeps only its words; the joined sound strings are worked out when the matcher first
 * compares it (most of a 100,000-entry glossary never is), so the index stays small and quick to build.
 */
export class Target {
  private joined: { letters: string; sound: string; spokenSound: string; words: string[] } | undefined;

  /** Length of the sound string, without building it. */
  get soundLength(): number {
    let length = 0;
    for (const word of this.wordInfo) length += word.sound.length;
    return length;
  }

  /** Number of words. */
  get length(): number {
    return this.wordInfo.length;
  }

  constructor(
    readonly index: number,
    readonly entry: GlossaryEntry,
    /** The text a correction writes. */
    readonly text: string,
    readonly kind: TargetKind,
    /** phraseKey of the text: exact matches are already correct. */
    readonly key: string,
    /** How each word sounds. */
    readonly wordInfo: readonly WordSounds[],
  ) {}

  /** Folded words ("O'Carroll" → "ocarroll"). */
  get words(): string[] {
    return this.join().words;
  }

  get wordSounds(): string[] {
    return this.wordInfo.map((word) => word.sound);
  }

  get letters(): string {
    return this.join().letters;
  }

  /** Sound of the words read as words. */
  get sound(): string {
    return this.join().sound;
  }

  /** Sound with acronyms spelled out (equal to sound when there are none). */
  get spokenSound(): string {
    return this.join().spokenSound;
  }

  get wordCoarse(): string[] {
    return this.wordInfo.map((word) => coarseKey(word.sound));
  }

  /** For a one-word acronym, the rhyme classes of its letters (see acronymKey); else ''. */
  get acronymKey(): string {
    const only = this.wordInfo.length === 1 ? this.wordInfo[0]! : undefined;
    return only?.acronym ? acronymKey(only.letters) : '';
  }

  /** The keys the index files this target under, computed without keeping the joined strings. */
  indexKeys(): { coarse: string; spokenCoarse: string; fine: string; spokenFine: string } {
    let sound = '';
    let spoken = '';
    for (const word of this.wordInfo) {
      sound += word.sound;
      spoken += word.spoken;
    }
    return {
      coarse: coarseKey(sound),
      spokenCoarse: coarseKey(spoken),
      fine: fineKey(sound),
      spokenFine: fineKey(spoken),
    };
  }

  private join() {
    if (!this.joined) {
      let letters = '';
      let sound = '';
      let spokenSound = '';
      for (const word of this.wordInfo) {
        letters += word.letters;
        sound += word.sound;
        spokenSound += word.spoken;
      }
      this.joined = { letters, sound, spokenSound, words: this.wordInfo.map((word) => word.letters) };
    }
    return this.joined;
  }
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
      const acronym = isAcronym(word);
      found = { letters: foldLetters(word), sound, spoken: acronym ? spelledSound(word) : sound, acronym };
      sounds.set(word, found);
    }
    return found;
  };
  const add = (entry: GlossaryEntry, text: string, kind: TargetKind) => {
    const tokens = tokenize(text);
    if (tokens.length === 0) return;
    const key = tokens.map((token) => token.key).join(' ');
    targets.push(
      new Target(
        targets.length,
        entry,
        text,
        kind,
        key,
        tokens.map((token) => soundsOf(token.text)),
      ),
    );
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
