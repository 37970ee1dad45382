/**
 * The team glossary's shared vocabulary (issue 7). Every change to a glossary entry is recorded
 * as a field-level change with a hybrid logical clock; members exchange these changes (through
 * a shared folder of append-only logs, or a PostgreSQL table) and fold them into their local
 * SQLite glossary. Folding is deterministic, so members holding the same changes hold the same
 * glossary. See docs/team-glossary.md.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * Which part of an entry a change sets. Each field is a register of its own:
 * - `create`: the entry's first snapshot (term, category, forms, notes, source, variants);
 * - `term`, `category`, `notes`, `source`: a string; `forms`: the whole list of strings;
 * - `verified`: a VerifiedMark or null; `deleted`: true or false (false = restored);
 * - `variant:<key>`: a known mishearing present ({ text }) or removed (null), by its text key;
 * - `accepted:<key>`: how often this change's device accepted that variant (only that device
 *   writes it, so counts from different people add up and never conflict);
 * - `rejection:<key>`: "heard X is not this entry" present ({ heardText }) or withdrawn (null).
 */
export type GlossaryChangeField =
  | 'create'
  | 'term'
  | 'category'
  | 'notes'
  | 'source'
  | 'forms'
  | 'verified'
  | 'deleted'
  | `variant:${string}`
  | `accepted:${string}`
  | `rejection:${string}`;

/**
 * A hybrid logical clock reading, encoded so that string order is time order:
 * `<wall ms, 13 digits>-<counter, 4 hex digits>-<device id>`. The device id makes it unique.
 */
export type HlcStamp = string;

export interface GlossaryChange {
  /** Unique and stable everywhere: the change's HLC stamp (which contains the device id). */
  id: string;
  /** The entry's UUID (GlossaryEntry.id). */
  entryId: string;
  field: GlossaryChangeField;
  /** The field's value before, as the author saw it (for history; merging does not rely on it). */
  oldValue: JsonValue;
  newValue: JsonValue;
  /**
   * The changes of the same entry and field that this one replaces: the field's heads as the
   * author's glossary knew them. Two changes neither of which leads to the other (through bases)
   * are concurrent; concurrent changes with different values are a conflict. For `deleted`,
   * bases lists every head of the entry (all fields) the author knew when deleting.
   */
  bases: string[];
  /** Display name of the person ("Mi-rae Kang"). */
  author: string;
  /** Random UUID of the installation that made the change. */
  device: string;
  hlc: HlcStamp;
}

export interface VerifiedMark {
  by: string;
  /** ISO 8601. */
  at: string;
}

export const CONFLICT_KINDS = ['field', 'delete-edit', 'duplicate-term'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** One of the values a conflict keeps. */
export interface ConflictValue {
  changeId: string;
  value: JsonValue;
  author: string;
  /** ISO 8601, from the change's clock. */
  at: string;
}

/**
 * Changes made apart that disagree. The glossary shows `winner`'s value (chosen deterministically)
 * until a person resolves the conflict; the other values are kept, never dropped.
 * - field: two or more concurrent values of one field of one entry;
 * - delete-edit: an entry deleted by one member and edited by another meanwhile (the entry is kept);
 * - duplicate-term: two members created entries with the same term while apart.
 */
export interface GlossaryConflict {
  /** Stable while the conflict is open: `<kind>:<entryId>:<field>`. */
  id: string;
  kind: ConflictKind;
  entryId: string;
  /** The entry's term as it reads now. */
  term: string;
  field: GlossaryChangeField;
  values: ConflictValue[];
  /** The changeId of the value shown now. */
  winner: string;
  /** duplicate-term only: the other entry's id. */
  otherEntryId?: string;
}

/** How a person settles a conflict: keep one of its values, or type a new one (field conflicts). */
export type ConflictResolution =
  | { keep: string }
  | { value: JsonValue }
  /** delete-edit: delete after all, or keep the entry. */
  | { deleteEntry: boolean }
  /** duplicate-term: fold the other entry into this one (forms, variants, notes kept). */
  | { mergeInto: string };

/** One line of an entry's history, oldest first. */
export interface EntryHistoryItem {
  changeId: string;
  field: GlossaryChangeField;
  oldValue: JsonValue;
  newValue: JsonValue;
  author: string;
  /** ISO 8601, from the change's clock. */
  at: string;
  /** The entry's source as it read after this change. */
  source: string;
}

/** What one sync round did, for the CLI and the glossary panel to show. */
export interface SyncReport {
  /** Local changes sent to the folder or server. */
  published: number;
  /** Changes from others that were new here. */
  received: number;
  /** Entries whose visible state changed by merging, with the fields that changed. */
  changedEntries: { id: string; term: string; fields: GlossaryChangeField[] }[];
  /** All conflicts open after the round. */
  conflicts: GlossaryConflict[];
  /** Remote changes that could not be read or applied, each with where and why (never fatal). */
  skipped: { where: string; reason: string }[];
}
