import type { GlossaryEntry, TermCategory } from '../../../shared/glossary/types';

let nextId = 1;

/** A glossary entry for tests, built the way the store would return it. */
export function entry(
  term: string,
  category: TermCategory = 'other',
  options: { forms?: string[]; variants?: Array<string | [string, number]> } = {},
): GlossaryEntry {
  return {
    id: `00000000-0000-4000-8000-${String(nextId++).padStart(12, '0')}`,
    term,
    category,
    forms: options.forms ?? [],
    variants: (options.variants ?? []).map((v) =>
      typeof v === 'string' ? { text: v, acceptedCount: 0 } : { text: v[0], acceptedCount: v[1] },
    ),
    notes: '',
    source: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    createdBy: 'test',
    updatedBy: 'test',
  };
}
