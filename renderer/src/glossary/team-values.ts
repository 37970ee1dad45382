/**
 * Pure helpers for the glossary panel's team features: how long ago a sync was, what a change or
 * a conflict's value says in words. No DOM, no React.
 */
import type { TeamSyncStatus } from '../../../shared/api/contract-team';
import type {
  ConflictValue,
  EntryHistoryItem,
  GlossaryChangeField,
  GlossaryConflict,
  JsonValue,
} from '../../../shared/glossary/sync-types';

/** "just now", "12 s ago", "3 min ago", "2 h ago", else the date. */
export function timeAgo(iso: string, now: number): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return iso;
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return `on ${shortDate(iso)}`;
}

/** "3 Mar 2025, 14:05" in the person's locale. */
export function shortDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The one line under the glossary's title: where it syncs and how the last round went. */
export function syncLine(status: TeamSyncStatus, now: number): string {
  if (status.mode === 'off') return 'Team sync is off.';
  const where = status.mode === 'folder' ? 'Shared folder' : 'Team server';
  if (status.syncing) return `${where}: syncing…`;
  if (status.lastError) return `${where}: sync failed: ${status.lastError}`;
  if (status.lastSyncAt) return `${where}: synced ${timeAgo(status.lastSyncAt, now)}.`;
  return `${where}: not synced yet.`;
}

/** A stored value in words: text quoted, lists joined, nothing as "(empty)". */
export function valueText(value: JsonValue): string {
  if (value === null || value === '') return '(empty)';
  if (typeof value === 'string') return `“${value}”`;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(valueText).join(', ');
  const record = value as Record<string, JsonValue>;
  if (typeof record.by === 'string') return `verified by ${record.by}`;
  if (typeof record.term === 'string') return `“${record.term}”`;
  if (typeof record.text === 'string') return `“${record.text}”`;
  if (typeof record.heardText === 'string') return `“${record.heardText}”`;
  return JSON.stringify(value);
}

const FIELD_LABELS: Partial<Record<GlossaryChangeField, string>> = {
  create: 'entry',
  term: 'term',
  category: 'category',
  notes: 'notes',
  source: 'source',
  forms: 'other forms',
  verified: 'verified mark',
  deleted: 'deletion',
};

/** "term", "other forms", "variant “Donbass”". */
export function fieldLabel(field: GlossaryChangeField): string {
  const known = FIELD_LABELS[field];
  if (known) return known;
  const [kind, ...rest] = field.split(':');
  const key = rest.join(':');
  if (kind === 'variant') return `variant “${key}”`;
  if (kind === 'accepted') return `accepted count of “${key}”`;
  if (kind === 'rejection') return `rejection of “${key}”`;
  return field;
}

/** What one history line says was done, e.g. `changed the term from “Kim” to “Kim Jong Un”`. */
export function historyText(item: EntryHistoryItem): string {
  const { field, oldValue, newValue } = item;
  if (field === 'create') return `created it as ${valueText(newValue)}`;
  if (field === 'deleted') return newValue === true ? 'deleted it' : 'restored it';
  if (field === 'verified') return newValue === null ? 'removed the verified mark' : 'marked it verified';
  if (field.startsWith('variant:'))
    return newValue === null ? `removed ${fieldLabel(field)}` : `added ${fieldLabel(field)}`;
  if (field.startsWith('accepted:'))
    return `accepted “${field.slice('accepted:'.length)}” (${valueText(newValue)})`;
  if (field.startsWith('rejection:'))
    return newValue === null
      ? `withdrew the rejection of “${field.slice('rejection:'.length)}”`
      : `rejected “${field.slice('rejection:'.length)}”`;
  return `changed the ${fieldLabel(field)} from ${valueText(oldValue)} to ${valueText(newValue)}`;
}

/** "Conflict: term", "Deleted and edited", "Added twice". */
export function conflictTitle(conflict: GlossaryConflict): string {
  if (conflict.kind === 'delete-edit') return `“${conflict.term}” was deleted and edited meanwhile`;
  if (conflict.kind === 'duplicate-term') return `“${conflict.term}” was added twice`;
  return `“${conflict.term}”: two values for the ${fieldLabel(conflict.field)}`;
}

/**
 * What one side of a conflict says: the value, or for deletions "deleted it" / "restored it", and
 * for a delete-edit conflict's edits "edited it: …" (their values are of the edited field).
 */
export function conflictValueText(conflict: GlossaryConflict, value: ConflictValue): string {
  if (conflict.field !== 'deleted') return valueText(value.value);
  if (value.value === true) return 'deleted it';
  if (value.value === false) return 'restored it';
  return `edited it: ${valueText(value.value)}`;
}

export function conflictCountText(count: number): string {
  return count === 1 ? '1 conflict' : `${count} conflicts`;
}
