/**
 * How a team glossary's changes travel (issue 7). A transport only moves GlossaryChange records:
 * publishing is idempotent (a change id sent twice is stored once) and pulling returns everything
 * new since a cursor the transport alone understands. Merging is the store's business.
 */
import type { GlossaryChange, JsonValue, SyncReport } from '../../../../shared/glossary/sync-types';

export interface PullResult {
  changes: GlossaryChange[];
  /** Where the next pull starts; opaque to everyone but the transport. */
  cursor: string;
  /** Records that could not be read, each with where and why (never fatal). */
  skipped: SyncReport['skipped'];
}

export interface SyncTransport {
  /** Stable id of the shared place, the key the store files the cursor under ('folder:/abs/path'). */
  readonly key: string;
  /** For people: "shared folder /mnt/team" or "PostgreSQL db.example.org:5432/newsroom". */
  readonly description: string;
  /** Idempotent: sending a change that is already there changes nothing. */
  publish(changes: readonly GlossaryChange[]): Promise<void>;
  pull(cursor: string | null): Promise<PullResult>;
  close(): Promise<void>;
}

/** A sync failure said in one line (what failed and where), never a stack trace or a password. */
export class SyncError extends Error {
  override readonly name = 'SyncError';
}

/**
 * Checks that a record read from the folder or the server has a change's shape, so one bad
 * record is reported with where it was instead of reaching the store. Returns the reason when not.
 */
export function checkChange(value: unknown): GlossaryChange | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a change object';
  const record = value as Record<string, unknown>;
  for (const key of ['id', 'entryId', 'field', 'device', 'hlc'] as const) {
    if (typeof record[key] !== 'string' || record[key] === '') return `"${key}" is missing or not text`;
  }
  // Only the shape is checked here; what a value may be is the store's rule (the same for the
  // change's author and everyone else, so all members keep or skip the same changes).
  if (typeof record.author !== 'string') return '"author" is not text';
  if (!('newValue' in record)) return '"newValue" is missing';
  if (!Array.isArray(record.bases) || !record.bases.every((base) => typeof base === 'string'))
    return '"bases" is not a list of change ids';
  return {
    id: record.id as string,
    entryId: record.entryId as string,
    field: record.field as GlossaryChange['field'],
    oldValue: (record.oldValue ?? null) as JsonValue,
    newValue: record.newValue as JsonValue,
    bases: record.bases as string[],
    author: record.author as string,
    device: record.device as string,
    hlc: record.hlc as string,
  };
}
