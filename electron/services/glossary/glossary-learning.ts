/**
 * Learning from decisions (see migrations.ts, step 2), for the glossary store, inside its write
 * transactions:
 * - Accepting "heard X → entry" adds X as a variant (or counts it up); undoing takes the count
 *   back. A variant that exists only because of acceptances disappears with its last undo; one
 *   that was imported or typed in goes back to its earlier count and stays.
 * - Rejecting "heard X → entry" means "stop suggesting it": the rejection is stored, and the
 *   entry's variants that read as X (same phrase key) are removed, so a rejected text is never
 *   a variant of the entry it was rejected for. Undoing the rejection puts them back as they were.
 * - Accepting a pair that was rejected withdraws the rejection (its removed variants come back)
 *   before counting the acceptance; undoing that acceptance does not reinstate the rejection.
 * - Imports and edits do not consult rejections: a variant they (re)add is kept, and the
 *   rejection still stops the engine from suggesting it until the rejection is undone.
 * - Exports (CSV, JSON) carry entries only, not rejections or undo bookkeeping.
 */
import { phraseKey } from '../../../shared/engine/tokenize';
import type { FoldedEntry } from '../../../shared/glossary/merge';
import type { GlossaryEntry, Variant } from '../../../shared/glossary/types';
import { GlossaryNotFoundError, GlossaryValidationError } from './glossary-errors';
import {
  readEntryOrThrow,
  toRejection,
  type GlossaryQueries,
  type StoredRejection,
} from './glossary-queries';
import { textKey } from './glossary-text';
import { checkHeardText, quote } from './glossary-validation';
import type { ChangeDraft } from './sync/change-log';
import type { EntryCommits } from './sync/entry-commits';
import { countDraft, fieldDraft } from './sync/local-changes';
import {
  carryBookkeeping,
  type BookkeepingRule,
  type VariantBookkeeping,
  type WriteOptions,
} from './sync/materialize';

/** A variant a rejection removed, kept in the rejection so undoing it restores the variant exactly. */
interface RemovedVariant extends VariantBookkeeping {
  text: string;
  acceptedCount: number;
  position: number;
}

/** A heard text checked for a rejection, with the phrase key it is compared by. */
export interface HeardText {
  text: string;
  key: string;
}

/** Checks a heard text before recordRejection takes the write lock. */
export function checkRejectedText(heardText: string): HeardText {
  const text = checkHeardText(heardText);
  const key = phraseKey(text);
  if (key === '') {
    throw new GlossaryValidationError(`The heard text ${quote(text)} has no letters or digits`, 'heard');
  }
  return { text, key };
}

export class DecisionLearning {
  constructor(
    private readonly sql: GlossaryQueries,
    private readonly commits: EntryCommits,
  ) {}

  /** See GlossaryStore.recordAcceptedVariant; `text` is checked already. */
  accept(entryId: string, text: string): Variant | undefined {
    const key = textKey(text);
    const entry = readEntryOrThrow(this.sql, entryId);
    if (textKey(entry.term) === key || entry.forms.some((form) => textKey(form) === key)) return undefined;
    const loaded = this.commits.load(entryId);
    const withdrawn = this.withdrawDrafts(loaded.folded, entry, phraseKey(text));
    // Fold the withdrawal first, so the counter below starts from the restored variant.
    const after = withdrawn
      ? this.commits.commit(entryId, loaded.changes, withdrawn.drafts, withdrawn.options)
      : loaded;
    const variant = after.folded.variants.find((item) => item.key === key);
    const drafts: ChangeDraft[] = [];
    if (!variant) drafts.push(fieldDraft(after.folded, `variant:${key}`, null, { text }));
    drafts.push(countDraft(after.folded, this.commits.device, key, (variant?.acceptedCount ?? 0) + 1));
    const old = this.sql.variantRow.get(entryId, key);
    const counted: VariantBookkeeping = old
      ? { undoableCount: old.undoableCount + 1, learnedOnly: old.learnedOnly }
      : { undoableCount: 1, learnedOnly: 1 };
    const done = this.commits.commit(entryId, after.changes, drafts, { bookkeeping: only(key, counted) });
    const result = done.folded.variants.find((item) => item.key === key);
    return result && { text: result.text, acceptedCount: result.acceptedCount };
  }

  /** See GlossaryStore.undoAcceptedVariant; `key` is the heard text's text key. */
  undoAcceptance(entryId: string, key: string): boolean {
    readEntryOrThrow(this.sql, entryId);
    const row = this.sql.variantRow.get(entryId, key);
    if (!row || row.undoableCount === 0) return false;
    const { changes, folded } = this.commits.load(entryId);
    const left: VariantBookkeeping = { undoableCount: row.undoableCount - 1, learnedOnly: row.learnedOnly };
    const drafts = [countDraft(folded, this.commits.device, key, row.acceptedCount - 1)];
    // Counts other members accepted keep the variant even when this one's were all undone.
    if (row.learnedOnly === 1 && left.undoableCount === 0 && row.acceptedCount - 1 <= 0) {
      drafts.push(fieldDraft(folded, `variant:${key}`, { text: row.text }, null));
    }
    this.commits.commit(entryId, changes, drafts, { bookkeeping: only(key, left) });
    return true;
  }

  /** See GlossaryStore.recordRejection. */
  reject(entryId: string, { text, key }: HeardText): StoredRejection {
    const entry = readEntryOrThrow(this.sql, entryId);
    const correct = [entry.term, ...entry.forms].find((spelling) => phraseKey(spelling) === key);
    if (correct !== undefined) {
      throw new GlossaryValidationError(
        `${quote(text)} is how ${quote(entry.term)} is spelled (${correct === entry.term ? 'its term' : 'one of its forms'}); it cannot be rejected as a mishearing of it`,
        'heard',
      );
    }
    const earlier = this.sql.rejectionByKey.get(entryId, key);
    if (earlier) return toRejection(earlier);

    const { changes, folded } = this.commits.load(entryId);
    const removed = this.sql.variantRows.all(entryId).filter((variant) => phraseKey(variant.text) === key);
    const drafts = removed.map((variant) =>
      fieldDraft(folded, `variant:${variant.key}`, { text: variant.text }, null),
    );
    drafts.push(fieldDraft(folded, `rejection:${key}`, null, { heardText: text }));
    const kept: RemovedVariant[] = removed.map(({ key: _key, ...variant }) => variant);
    this.commits.commit(entryId, changes, drafts, {
      removedVariants: new Map([[key, JSON.stringify(kept)]]),
    });
    const stored = this.sql.rejectionByKey.get(entryId, key);
    if (!stored) throw new GlossaryNotFoundError(entryId);
    return toRejection(stored);
  }

  /** See GlossaryStore.undoRejection; `key` is the heard text's phrase key. */
  undoRejection(entryId: string, key: string): boolean {
    const entry = readEntryOrThrow(this.sql, entryId);
    const loaded = this.commits.load(entryId);
    const withdrawn = this.withdrawDrafts(loaded.folded, entry, key);
    if (!withdrawn) return false;
    this.commits.commit(entryId, loaded.changes, withdrawn.drafts, withdrawn.options);
    return true;
  }

  /**
   * The changes that withdraw a rejection and bring back the variants it removed here, with their
   * undo bookkeeping; undefined when the pair is not rejected.
   */
  private withdrawDrafts(
    folded: FoldedEntry,
    entry: GlossaryEntry,
    key: string,
  ): { drafts: ChangeDraft[]; options: WriteOptions } | undefined {
    if (key === '') return undefined;
    const removedJson = this.sql.removedVariants.get(entry.id, key);
    if (removedJson === undefined) return undefined;
    const rejection = this.sql.rejectionByKey.get(entry.id, key);
    const drafts = [fieldDraft(folded, `rejection:${key}`, { heardText: rejection?.heard ?? '' }, null)];
    const taken = new Set([entry.term, ...entry.forms, ...entry.variants.map((v) => v.text)].map(textKey));
    const restored = new Map<string, VariantBookkeeping>();
    for (const variant of JSON.parse(removedJson) as RemovedVariant[]) {
      const variantKey = textKey(variant.text);
      if (taken.has(variantKey)) continue;
      taken.add(variantKey);
      drafts.push(fieldDraft(folded, `variant:${variantKey}`, null, { text: variant.text }));
      restored.set(variantKey, { undoableCount: variant.undoableCount, learnedOnly: variant.learnedOnly });
    }
    const bookkeeping: BookkeepingRule = (variantKey, old, count) =>
      restored.get(variantKey) ?? carryBookkeeping(variantKey, old, count);
    return { drafts, options: { bookkeeping } };
  }
}

/** Bookkeeping for one variant; the others keep theirs. */
function only(key: string, bookkeeping: VariantBookkeeping): BookkeepingRule {
  return (variantKey, old, count) =>
    variantKey === key ? bookkeeping : carryBookkeeping(variantKey, old, count);
}
