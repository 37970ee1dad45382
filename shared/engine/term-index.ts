/**
 * Finds candidate targets for a heard phrase without comparing it to every glossary entry.
 * Targets are filed under their coarse sound key (consonant classes); a lookup tries the heard key
 * and every key one edit away (a consonant class dropped, added or changed — at most a few dozen
 * keys over a nine-class alphabet), so nothing but the keys themselves needs to be stored. Words of
 * multi-word targets are filed too, so one well-heard word ("Sinmun") finds its whole name
 * ("Rodong Sinmun") however badly the rest was heard. Acronyms are filed by rhyming letter names.
 */
import type { Target } from './targets';

/** The classes coarseKey produces; edits of a key range over these. */
const KEY_CLASSES = 'PTKFSMNLR';
/** Keys shorter than this are matched exactly: one edit from "NS" reaches almost any name. */
const MIN_KEY_FOR_EDITS = 5;
/** Through an edit, only buckets this small are followed: a near key must say a lot. */
const MAX_NEAR_BUCKET = 16;
/** Acronyms of three letters or more are also matched with one letter different. */
const MIN_ACRONYM_FOR_EDITS = 3;
/**
 * A key bucket holding more targets than this (short keys: "SN" holds every John, Jon and Sean)
 * is searched by fine key instead, and is never reached through an edit.
 */
const LARGE_BUCKET = 48;
/** A word key filed under more targets than this says too little to be worth following. */
const MAX_WORD_BUCKET = 64;
const MIN_WORD_KEY = 3;
/** Heard keys whose neighbours are remembered; cleared when full. */
const NEAR_CACHE_SIZE = 100_000;

export interface WordHit {
  target: Target;
  wordIndex: number;
}

export class TermIndex {
  private readonly byKey = new Map<string, number[]>();
  private readonly byWordKey = new Map<string, number[]>();
  private readonly byAcronymKey = new Map<string, number[]>();
  /** For large key buckets only: fine key → targets, within that bucket. */
  private readonly fineWithinKey = new Map<string, Map<string, number[]>>();
  private readonly nearCache = new Map<string, number[]>();

  constructor(readonly targets: readonly Target[]) {
    const fineKeys: Array<[string, string]> = [];
    for (const target of targets) {
      const keys = target.indexKeys();
      fineKeys.push([keys.fine, keys.spokenFine]);
      file(this.byKey, keys.coarse, target.index);
      if (keys.spokenCoarse !== keys.coarse) file(this.byKey, keys.spokenCoarse, target.index);
      const acronym = target.acronymKey;
      if (acronym) file(this.byAcronymKey, acronym, target.index);
      if (target.wordInfo.length > 1) {
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
        const [plain, spoken] = fineKeys[index]!;
        file(fine, plain, index);
        if (spoken !== plain) file(fine, spoken, index);
      }
      this.fineWithinKey.set(key, fine);
    }
  }

  /**
   * Calls back with each target whose whole key is within one edit of the heard key (duplicates
   * possible). Where the heard key's own bucket is large, only targets with the same fine key.
   * Names recur through a transcript, so the answer for each key is remembered.
   */
  forCandidatesOfKey(key: string, heardFineKeys: readonly string[], visit: (target: Target) => void): void {
    if (key === '') return;
    const exact = this.byKey.get(key);
    if (exact && exact.length > LARGE_BUCKET) {
      const fine = this.fineWithinKey.get(key);
      for (const heardFine of heardFineKeys) {
        for (const index of fine?.get(heardFine) ?? []) visit(this.targets[index]!);
      }
    } else if (exact) {
      for (const index of exact) visit(this.targets[index]!);
    }
    for (const index of this.nearKeyTargets(key)) visit(this.targets[index]!);
  }

  /** Targets filed under keys one edit from this key (small buckets only), memoised. */
  private nearKeyTargets(key: string): readonly number[] {
    let found = this.nearCache.get(key);
    if (found) return found;
    found = [];
    if (key.length + 1 >= MIN_KEY_FOR_EDITS) {
      for (const near of oneEditAway(key, KEY_CLASSES, MIN_KEY_FOR_EDITS)) {
        const bucket = this.byKey.get(near);
        if (bucket && bucket.length <= MAX_NEAR_BUCKET) found.push(...bucket);
      }
    }
    if (this.nearCache.size >= NEAR_CACHE_SIZE) this.nearCache.clear();
    this.nearCache.set(key, found);
    return found;
  }

  /** One-word acronym targets whose letters rhyme with the heard letters, one letter apart at most. */
  candidatesForAcronym(key: string): Target[] {
    if (key === '') return [];
    const found = new Set<number>(this.byAcronymKey.get(key) ?? []);
    if (key.length >= MIN_ACRONYM_FOR_EDITS) {
      for (const near of oneEditAway(key, 'eEaiour', MIN_ACRONYM_FOR_EDITS - 1)) {
        for (const index of this.byAcronymKey.get(near) ?? []) found.add(index);
      }
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
  if (key === '') return;
  const bucket = map.get(key);
  if (!bucket) map.set(key, [value]);
  else if (bucket[bucket.length - 1] !== value) bucket.push(value);
}

function deletions(key: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < key.length; i++) out.add(key.slice(0, i) + key.slice(i + 1));
  return out;
}

/** Every key one deletion, insertion or substitution away, no shorter than minLength. */
function oneEditAway(key: string, alphabet: string, minLength: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i <= key.length; i++) {
    const head = key.slice(0, i);
    for (const char of alphabet) out.add(head + char + key.slice(i));
    if (i < key.length) {
      const tail = key.slice(i + 1);
      if (key.length - 1 >= minLength) out.add(head + tail);
      if (key.length >= minLength)
        for (const char of alphabet) if (char !== key[i]) out.add(head + char + tail);
    }
  }
  out.delete(key);
  return out;
}
