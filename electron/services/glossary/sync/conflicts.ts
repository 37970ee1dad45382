/**
 * Open conflicts as the glossary panel and the sync report show them. Field and delete-edit
 * conflicts are written with their entry (materialize.ts); duplicate terms are found from the
 * entries themselves, since they span two entries.
 */
import { hlcIso } from '../../../../shared/glossary/hlc';
import { compareText } from '../../../../shared/glossary/merge';
import type { GlossaryConflict } from '../../../../shared/glossary/sync-types';
import type { GlossaryEntry } from '../../../../shared/glossary/types';
import type { Database } from '../../database/open-database';
import { textKey } from '../glossary-text';
import { GLOSSARY_LIMITS, type UncheckedEntryFields } from '../glossary-validation';

interface CreateRow {
  entryId: string;
  term: string;
  changeId: string | null;
  author: string | null;
}

function prepare(db: Database) {
  return {
    stored: db.prepare<[], { body: string; term: string }>(
      `SELECT c.body, e.term FROM conflicts c JOIN entries e ON e.id = c.entry_id ORDER BY c.id`,
    ),
    duplicateKeys: db
      .prepare<[], string>(
        `SELECT term_key FROM entries GROUP BY term_key HAVING count(*) > 1 ORDER BY term_key`,
      )
      .pluck(),
    // The entry's create change: which entry came first decides the suggested keeper.
    withKey: db.prepare<[string], CreateRow>(
      `SELECT e.id AS entryId, e.term AS term,
         (SELECT max(c.id) FROM changes c WHERE c.entry_id = e.id AND c.field = 'create') AS changeId,
         (SELECT c.author FROM changes c WHERE c.entry_id = e.id AND c.field = 'create' ORDER BY c.id DESC LIMIT 1) AS author
       FROM entries e WHERE e.term_key = ?`,
    ),
  };
}

export class ConflictReader {
  private readonly sql: ReturnType<typeof prepare>;

  constructor(db: Database) {
    this.sql = prepare(db);
  }

  /** Every open conflict, by id. */
  list(): GlossaryConflict[] {
    const conflicts: GlossaryConflict[] = this.sql.stored.all().map((row) => ({
      ...(JSON.parse(row.body) as Omit<GlossaryConflict, 'term'>),
      term: row.term,
    }));
    for (const key of this.sql.duplicateKeys.all()) conflicts.push(...this.duplicates(key));
    return conflicts.sort((a, b) => compareText(a.id, b.id));
  }

  find(id: string): GlossaryConflict | undefined {
    return this.list().find((conflict) => conflict.id === id);
  }

  /** The entry created first is the suggested keeper; each later one is a conflict with it. */
  private duplicates(key: string): GlossaryConflict[] {
    const rows = this.sql.withKey
      .all(key)
      .sort((a, b) => compareText(a.changeId ?? '', b.changeId ?? '') || compareText(a.entryId, b.entryId));
    const [keeper, ...others] = rows;
    if (!keeper) return [];
    const valueOf = (row: CreateRow) => ({
      changeId: row.changeId ?? '',
      value: row.term,
      author: row.author ?? '',
      at: row.changeId ? hlcIso(row.changeId) : '',
    });
    return others.map((other) => ({
      id: `duplicate-term:${other.entryId}:term`,
      kind: 'duplicate-term',
      entryId: other.entryId,
      term: other.term,
      field: 'term',
      values: [valueOf(keeper), valueOf(other)],
      winner: keeper.changeId ?? '',
      otherEntryId: keeper.entryId,
    }));
  }
}

/**
 * One entry folded into another (a duplicate-term resolution): the target keeps its term,
 * category (unless it has none), source (unless empty) and verified mark; forms and variants are
 * unioned with counts added, notes joined.
 */
export function mergedEntryFields(target: GlossaryEntry, other: GlossaryEntry): UncheckedEntryFields {
  const variantKeys = new Set(target.variants.map((variant) => textKey(variant.text)));
  const forms = [...target.forms, ...other.forms.filter((form) => !variantKeys.has(textKey(form)))];
  const correct = new Set([target.term, ...forms].map(textKey));
  const variants = new Map<string, { text: string; acceptedCount: number }>();
  for (const variant of [...target.variants, ...other.variants]) {
    const key = textKey(variant.text);
    if (correct.has(key)) continue;
    const earlier = variants.get(key);
    if (earlier) earlier.acceptedCount += variant.acceptedCount;
    else variants.set(key, { ...variant });
  }
  const joined = `${target.notes}\n\n${other.notes}`;
  const notes =
    other.notes === '' || other.notes === target.notes
      ? target.notes
      : target.notes === ''
        ? other.notes
        : joined.length <= GLOSSARY_LIMITS.notesLength
          ? joined
          : target.notes;
  return {
    term: target.term,
    category: target.category === 'other' ? other.category : target.category,
    forms,
    variants: [...variants.values()],
    notes,
    source: target.source === '' ? other.source : target.source,
  };
}
