/**
 * Finds candidate targets for a heard phrase without comparing it to every glossary entry. Targets
 * are filed under their coarse sound key and, SymSpell-style, under every key one deletion away,
 * so a lookup with the heard key and its own one-deletion keys finds every target within one
 * inserted, deleted or changed consonant class. Words of multi-word targets are filed too, so one
 * well-heard word ("Sinmun") finds its whole name ("Rodong Sinmun") however badly the rest was heard.
 */
import { fineKey } from './phonetics/sound';
import type { Target } from './targets';

/** Keys shorter than this are looked up exactly: deletions of "NS" would match almost anything. */
const MIN_KEY_FOR_DELETIONS = 4;
/** Acronyms of three letters or more are also filed with one letter dropped. */
const MIN_ACRONYM_FOR_DELETIONS = 3;
/**
 * A key bucket holding more targets than this (short keys: "SN" holds every John, Jon and Sean)
 * is searched by fine key instead, and never through deletions.
 */
const LARGE_BUCKET = 48;
/** A word key filed under more targets than this says too little to be worth following. */
const MAX_WORD_BUCKET = 64;
const MIN_WORD_KEY = 3;

export interface WordHit {
  target: Target;
  wordIndex: number;
}

export class TermIndex {
  private readonly byKey = new Map<string, number[]>();
  private readonly byDeletedKey = new Map<string, number[]>();
  private readonly byWordKey = new Map<string, number[]>();
  private readonly byAcronymKey = new Map<string, number[]>();
  /** For large key buckets only: fine key → targets, within that bucket. */
  private readonly fineWithinKey = new Map<string, Map<string, number[]>>();

  constructor(readonly targets: readonly Target[]) {
    for (const target of targets) {
      const keys = new Set([target.coarse, target.spokenCoarse]);
      for (const key of keys) {
        if (key === '') continue;
        file(this.byKey, key, target.index);
        if (key.length >= MIN_KEY_FOR_DELETIONS) {
          for (const deleted of deletions(key)) file(this.byDeletedKey, deleted, target.index);
        }
      }
      if (target.acronymKey) {
        file(this.byAcronymKey, target.acronymKey, target.index);
        if (target.acronymKey.length >= MIN_ACRONYM_FOR_DELETIONS) {
          for (const deleted of deletions(target.acronymKey)) file(this.byAcronymKey, deleted, target.index);
        }
      }
      if (target.words.length > 1) {
        target.wordCoarse.forEach((key, wordIndex) => {
          // Word index in the low 4 bits: names have far fewer than 16 words.
          if (key.length >= MIN_WORD_KEY)
            file(this.byWordKey, key, target.index * 16 + Math.min(wordIndex, 15));
        });
      }
    }
    for (const [key, bucket] of this.byKey) {
      if (bucket.length <= LARGE_BUCKET) continue;
      const fine = new Map<string, number[]>();
      for (const index of bucket) {
        const target = targets[index]!;
        for (const sound of new Set([target.sound, target.spokenSound])) file(fine, fineKey(sound), index);
      }
      this.fineWithinKey.set(key, fine);
    }
  }

  /**
   * Calls back with each target whose whole key is within one edit of the heard key (duplicates
   * possible). Where the heard key's bucket is large, only targets with the same fine key.
   */
  forCandidatesOfKey(key: string, heardFineKeys: readonly string[], visit: (target: Target) => void): void {
    if (key === '') return;
    const each = (bucket: number[] | undefined) => {
      if (bucket && bucket.length <= LARGE_BUCKET) for (const index of bucket) visit(this.targets[index]!);
    };
    const exact = this.byKey.get(key);
    if (exact && exact.length > LARGE_BUCKET) {
      const fine = this.fineWithinKey.get(key);
      for (const fineKey of heardFineKeys) {
        for (const index of fine?.get(fineKey) ?? []) visit(this.targets[index]!);
      }
    } else {
      each(exact);
    }
    if (key.length >= MIN_KEY_FOR_DELETIONS - 1) each(this.byDeletedKey.get(key));
    if (key.length >= MIN_KEY_FOR_DELETIONS) {
      for (const deleted of deletions(key)) {
        each(this.byKey.get(deleted));
        each(this.byDeletedKey.get(deleted));
      }
    }
  }

  /** Targets whose whole key is within one edit of the heard key. */
  candidatesForKey(key: string): Target[] {
    if (key === '') return [];
    const found = new Set<number>();
    collect(this.byKey.get(key), found);
    if (key.length >= MIN_KEY_FOR_DELETIONS - 1) {
      collect(this.byDeletedKey.get(key), found); // the target has one more consonant
    }
    if (key.length >= MIN_KEY_FOR_DELETIONS) {
      for (const deleted of deletions(key)) {
        collect(this.byKey.get(deleted), found); // the heard phrase has one more
        collect(this.byDeletedKey.get(deleted), found); // one consonant changed
      }
    }
    return [...found].map((index) => this.targets[index]!);
  }

  /** One-word acronym targets whose letters rhyme with the heard letters, one letter apart at most. */
  candidatesForAcronym(key: string): Target[] {
    if (key === '') return [];
    const found = new Set<number>();
    collect(this.byAcronymKey.get(key), found);
    if (key.length >= MIN_ACRONYM_FOR_DELETIONS) {
      for (const deleted of deletions(key)) collect(this.byAcronymKey.get(deleted), found);
    }
    return [...found].map((index) => this.targets[index]!);
  }

  /**
   * Multi-word targets that have a word with this key (or with this key less one consonant, as
   * "Collins" is "Colin" and an s), and which word it is.
   */
  candidatesForWord(key: string): WordHit[] {
    if (key.length < MIN_WORD_KEY) return [];
    const keys = key.length > MIN_WORD_KEY ? [key, ...deletions(key)] : [key];
    const hits: WordHit[] = [];
    for (const candidate of keys) {
      const bucket = this.byWordKey.get(candidate);
      if (!bucket || bucket.length > MAX_WORD_BUCKET) continue;
      for (const packed of bucket) hits.push({ target: this.targets[packed >> 4]!, wordIndex: packed & 15 });
    }
    return hits;
  }
}

function file(map: Map<string, number[]>, key: string, value: number): void {
  const bucket = map.get(key);
  if (!bucket) map.set(key, [value]);
  else if (bucket[bucket.length - 1] !== value) bucket.push(value);
}

function collect(bucket: number[] | undefined, into: Set<number>): void {
  if (bucket) for (const value of bucket) into.add(value);
}

function deletions(key: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < key.length; i++) out.add(key.slice(0, i) + key.slice(i + 1));
  return out;
}
