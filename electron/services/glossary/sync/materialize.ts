/**
 * Writes a folded entry (shared/glossary/merge.ts) into the glossary's tables: the entry row, its
 * forms, variants, rejections, search row and open conflicts. Every write of an entry ends here,
 * local or merged, so the tables always read as the fold of the entry's changes.
 *
 * Local undo bookkeeping (variants.undoable_count/learned_only, rejections.removed_variants) is
 * not part of the shared glossary: it is carried over from the rows being replaced, or set by the
 * caller for the variant it just touched.
 */
import { foldEntry, type FoldedEntry } from '../../../../shared/glossary/merge';
import type { GlossaryChange } from '../../../../shared/glossary/sync-types';
import { isTermCategory } from '../glossary-validation';
import { textKey } from '../glossary-text';
import type { Database } from '../../database/open-database';

/** A variant row's undo bookkeeping (migrations.ts, step 2). */
export interface VariantBookkeeping {
  undoableCount: number;
  learnedOnly: number;
}

export interface StoredVariantRow extends VariantBookkeeping {
  text: string;
  key: string;
  acceptedCount: number;
}

/** Decides a variant's bookkeeping from the row it replaces (undefined for a new variant). */
export type BookkeepingRule = (
  key: string,
  old: StoredVariantRow | undefined,
  acceptedCount: number,
) => VariantBookkeeping;

/** Merges and remote changes keep what was there, never more undoable than the count. */
export const carryBookkeeping: BookkeepingRule = (_key, old, acceptedCount) =>
  old
    ? { undoableCount: Math.min(old.undoableCount, acceptedCount), learnedOnly: old.learnedOnly }
    : { undoableCount: 0, learnedOnly: 0 };

export interface WriteOptions {
  bookkeeping?: BookkeepingRule;
  /** removed_variants of a rejection recorded now, by its heard key. */
  removedVariants?: ReadonlyMap<string, string>;
}

export function foldChanges(entryId: string, changes: readonly GlossaryChange[]): FoldedEntry {
  return foldEntry(entryId, changes, { variantKey: textKey });
}

function prepare(db: Database) {
  return {
    seqOf: db.prepare<[string], number>(`SELECT seq FROM entries WHERE id = ?`).pluck(),
    insertEntry: db.prepare(
      `INSERT INTO entries (id, term, term_key, category, notes, source, created_at, updated_at,
         created_by, updated_by, verified_by, verified_at)
       VALUES (@id, @term, @termKey, @category, @notes, @source, @createdAt, @updatedAt,
         @createdBy, @updatedBy, @verifiedBy, @verifiedAt)`,
    ),
    updateEntry: db.prepare(
      `UPDATE entries SET term = @term, term_key = @termKey, category = @category, notes = @notes,
         source = @source, created_at = @createdAt, updated_at = @updatedAt, created_by = @createdBy,
         updated_by = @updatedBy, verified_by = @verifiedBy, verified_at = @verifiedAt
       WHERE id = @id`,
    ),
    deleteEntry: db.prepare<[string], number>(`DELETE FROM entries WHERE id = ? RETURNING seq`).pluck(),
    insertForm: db.prepare<[string, number, string, string]>(
      `INSERT INTO forms (entry_id, position, text, text_key) VALUES (?, ?, ?, ?)`,
    ),
    deleteForms: db.prepare<[string]>(`DELETE FROM forms WHERE entry_id = ?`),
    variantRows: db.prepare<[string], StoredVariantRow>(
      `SELECT text, text_key AS key, accepted_count AS acceptedCount, undoable_count AS undoableCount,
         learned_only AS learnedOnly
       FROM variants WHERE entry_id = ?`,
    ),
    deleteVariants: db.prepare<[string]>(`DELETE FROM variants WHERE entry_id = ?`),
    insertVariant: db.prepare<[string, number, string, string, number, number, number]>(
      `INSERT INTO variants (entry_id, position, text, text_key, accepted_count, undoable_count, learned_only)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    rejectionRows: db.prepare<[string], { key: string; text: string; at: string; by: string }>(
      `SELECT heard_key AS key, heard_text AS text, created_at AS at, created_by AS by
       FROM rejections WHERE entry_id = ?`,
    ),
    insertRejection: db.prepare<[string, string, string, string, string, string]>(
      `INSERT INTO rejections (entry_id, heard_text, heard_key, removed_variants, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    updateRejection: db.prepare<[string, string, string, string, string]>(
      `UPDATE rejections SET heard_text = ?, created_at = ?, created_by = ? WHERE entry_id = ? AND heard_key = ?`,
    ),
    setRemovedVariants: db.prepare<[string, string, string]>(
      `UPDATE rejections SET removed_variants = ? WHERE entry_id = ? AND heard_key = ?`,
    ),
    deleteRejection: db.prepare<[string, string]>(
      `DELETE FROM rejections WHERE entry_id = ? AND heard_key = ?`,
    ),
    insertSearchRow: db.prepare<[number, string, string, string, string]>(
      `INSERT INTO entries_search (rowid, term, forms, variants, notes) VALUES (?, ?, ?, ?, ?)`,
    ),
    deleteSearchRow: db.prepare<[number]>(`DELETE FROM entries_search WHERE rowid = ?`),
    deleteConflicts: db.prepare<[string]>(`DELETE FROM conflicts WHERE entry_id = ?`),
    insertConflict: db.prepare<[string, string, string]>(
      `INSERT INTO conflicts (id, entry_id, body) VALUES (?, ?, ?)`,
    ),
  };
}

/** The entry's visible fields after making the fold consistent (see `tidyFolded`). */
export interface VisibleEntry {
  term: string;
  termKey: string;
  category: string;
  forms: string[];
  formKeys: string[];
  variants: { key: string; text: string; acceptedCount: number }[];
  notes: string;
  source: string;
}

export class EntryWriter {
  private readonly sql: ReturnType<typeof prepare>;

  constructor(db: Database) {
    this.sql = prepare(db);
  }

  /** Makes the tables say what the fold says; `isNew` skips reading rows that cannot exist. */
  write(entry: FoldedEntry, options: WriteOptions = {}, isNew = false): void {
    const seq = isNew ? undefined : this.sql.seqOf.get(entry.id);
    if (!entry.exists || entry.deleted) {
      if (seq === undefined) return;
      this.sql.deleteSearchRow.run(seq);
      this.sql.deleteEntry.run(entry.id);
      this.sql.deleteConflicts.run(entry.id);
      return;
    }
    const visible = tidyFolded(entry);
    const row = {
      id: entry.id,
      term: visible.term,
      termKey: visible.termKey,
      category: visible.category,
      notes: visible.notes,
      source: visible.source,
      createdAt: entry.createdAt,
      updatedAt: entry.updatedAt,
      createdBy: entry.createdBy,
      updatedBy: entry.updatedBy,
      verifiedBy: entry.verified?.by ?? null,
      verifiedAt: entry.verified?.at ?? null,
    };
    let rowSeq: number;
    const oldVariants = new Map<string, StoredVariantRow>();
    if (seq === undefined) {
      rowSeq = Number(this.sql.insertEntry.run(row).lastInsertRowid);
    } else {
      rowSeq = seq;
      this.sql.updateEntry.run(row);
      this.sql.deleteForms.run(entry.id);
      for (const variant of this.sql.variantRows.all(entry.id)) oldVariants.set(variant.key, variant);
      this.sql.deleteVariants.run(entry.id);
      this.sql.deleteSearchRow.run(seq);
    }
    visible.forms.forEach((form, position) =>
      this.sql.insertForm.run(entry.id, position, form, textKey(form)),
    );
    const rule = options.bookkeeping ?? carryBookkeeping;
    visible.variants.forEach((variant, position) => {
      const kept = rule(variant.key, oldVariants.get(variant.key), variant.acceptedCount);
      const undoable = Math.max(0, Math.min(kept.undoableCount, variant.acceptedCount));
      this.sql.insertVariant.run(
        entry.id,
        position,
        variant.text,
        variant.key,
        variant.acceptedCount,
        undoable,
        kept.learnedOnly,
      );
    });
    if (seq !== undefined || entry.rejections.length > 0) this.writeRejections(entry, options);
    this.sql.insertSearchRow.run(
      rowSeq,
      visible.term,
      visible.forms.join(' '),
      visible.variants.map((variant) => variant.text).join(' '),
      visible.notes,
    );
    if (seq !== undefined) this.sql.deleteConflicts.run(entry.id);
    for (const conflict of entry.conflicts) {
      this.sql.insertConflict.run(conflict.id, entry.id, JSON.stringify(conflict));
    }
  }

  private writeRejections(entry: FoldedEntry, options: WriteOptions): void {
    const stored = new Map(this.sql.rejectionRows.all(entry.id).map((row) => [row.key, row]));
    for (const rejection of entry.rejections) {
      const old = stored.get(rejection.key);
      stored.delete(rejection.key);
      if (!old) {
        const removed = options.removedVariants?.get(rejection.key) ?? '[]';
        this.sql.insertRejection.run(
          entry.id,
          rejection.heardText,
          rejection.key,
          removed,
          rejection.at,
          rejection.by,
        );
      } else if (old.text !== rejection.heardText || old.at !== rejection.at || old.by !== rejection.by) {
        this.sql.updateRejection.run(
          rejection.heardText,
          rejection.at,
          rejection.by,
          entry.id,
          rejection.key,
        );
      }
      const removed = options.removedVariants?.get(rejection.key);
      if (old && removed !== undefined) this.sql.setRemovedVariants.run(removed, entry.id, rejection.key);
    }
    for (const key of stored.keys()) this.sql.deleteRejection.run(entry.id, key);
  }
}

/**
 * Changes made apart can disagree with each other's rules (a form added by one member, the same
 * text as a variant by another; a term renamed onto a form). The fold keeps them all; the
 * visible entry drops what would break the entry's rules, deterministically: forms repeating the
 * term, variants repeating the term or a form, and an unknown category (never written by a
 * checked change, but a merged register might be empty).
 */
export function tidyFolded(entry: FoldedEntry): VisibleEntry {
  const term = entry.term === '' ? '?' : entry.term;
  const termKey = textKey(term);
  const correct = new Set([termKey]);
  const forms: string[] = [];
  const formKeys: string[] = [];
  for (const form of entry.forms) {
    const key = textKey(form);
    if (form === '' || correct.has(key)) continue;
    correct.add(key);
    forms.push(form);
    formKeys.push(key);
  }
  const variants = entry.variants.filter((variant) => !correct.has(variant.key) && variant.text !== '');
  return {
    term,
    termKey,
    category: isTermCategory(entry.category) ? entry.category : 'other',
    forms,
    formKeys,
    variants,
    notes: entry.notes,
    source: entry.source,
  };
}
