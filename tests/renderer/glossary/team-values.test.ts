import { describe, expect, it } from 'vitest';
import type { TeamSyncStatus } from '../../../shared/api/contract-team';
import type { EntryHistoryItem, GlossaryConflict } from '../../../shared/glossary/sync-types';
import {
  conflictCountText,
  conflictTitle,
  conflictValueText,
  fieldLabel,
  historyText,
  syncLine,
  timeAgo,
  valueText,
} from '../../../renderer/src/glossary/team-values';

const NOW = Date.parse('2025-03-03T12:00:00Z');
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();

describe('timeAgo', () => {
  it.each([
    [0, 'just now'],
    [4, 'just now'],
    [12, '12 s ago'],
    [59, '59 s ago'],
    [60, '1 min ago'],
    [3599, '59 min ago'],
    [7200, '2 h ago'],
  ])('%i s → %s', (seconds, text) => {
    expect(timeAgo(ago(seconds), NOW)).toBe(text);
  });

  it('a clock a little ahead reads as just now; a day or more as a date', () => {
    expect(timeAgo(ago(-3), NOW)).toBe('just now');
    expect(timeAgo(ago(2 * 86_400), NOW)).toMatch(/^on /);
  });
});

const status: TeamSyncStatus = {
  available: true,
  author: 'Ana',
  device: 'd',
  mode: 'folder',
  folder: '/team',
  postgresUrl: null,
  intervalSeconds: 30,
  passwordSaved: false,
  secretsAvailable: false,
  connectedTo: null,
  syncing: false,
  lastSyncAt: null,
  lastError: null,
  lastReport: null,
  openConflicts: 0,
  merges: 0,
  glossaryStamp: '1',
};

describe('syncLine', () => {
  it.each<[Partial<TeamSyncStatus>, string]>([
    [{ mode: 'off' }, 'Team sync is off.'],
    [{}, 'Shared folder: not synced yet.'],
    [{ lastSyncAt: ago(12) }, 'Shared folder: synced 12 s ago.'],
    [{ syncing: true, lastSyncAt: ago(12) }, 'Shared folder: syncing…'],
    [{ mode: 'postgres', lastError: 'connection refused' }, 'Team server: sync failed: connection refused'],
  ])('%o → %s', (change, text) => {
    expect(syncLine({ ...status, ...change }, NOW)).toBe(text);
  });
});

describe('values and fields in words', () => {
  it.each([
    [null, '(empty)'],
    ['', '(empty)'],
    ['Kim', '“Kim”'],
    [['Kim', 'Jong'], '“Kim”, “Jong”'],
    [[], '(none)'],
    [true, 'yes'],
    [3, '3'],
    [{ by: 'Ana', at: 'x' }, 'verified by Ana'],
    [{ term: 'Kursk', forms: [] }, '“Kursk”'],
  ])('%j → %s', (value, text) => {
    expect(valueText(value)).toBe(text);
  });

  it.each([
    ['forms', 'other forms'],
    ['variant:donbass', 'variant “donbass”'],
    ['rejection:kim', 'rejection of “kim”'],
  ] as const)('%s → %s', (field, text) => {
    expect(fieldLabel(field)).toBe(text);
  });
});

describe('historyText', () => {
  const item = (change: Partial<EntryHistoryItem>): EntryHistoryItem => ({
    changeId: 'c',
    field: 'notes',
    oldValue: null,
    newValue: null,
    author: 'Ana',
    at: ago(0),
    source: '',
    ...change,
  });
  it.each<[Partial<EntryHistoryItem>, string]>([
    [{ field: 'create', newValue: { term: 'Kursk' } }, 'created it as “Kursk”'],
    [{ field: 'notes', oldValue: 'a', newValue: 'b' }, 'changed the notes from “a” to “b”'],
    [{ field: 'deleted', newValue: true }, 'deleted it'],
    [{ field: 'deleted', newValue: false }, 'restored it'],
    [{ field: 'verified', newValue: { by: 'Ana', at: 'x' } }, 'marked it verified'],
    [{ field: 'verified', newValue: null }, 'removed the verified mark'],
    [{ field: 'variant:donbass', newValue: { text: 'Donbass' } }, 'added variant “donbass”'],
    [{ field: 'rejection:kim', newValue: { heardText: 'kim' } }, 'rejected “kim”'],
  ])('%o → %s', (change, text) => {
    expect(historyText(item(change))).toBe(text);
  });
});

describe('conflicts in words', () => {
  const conflict = (change: Partial<GlossaryConflict>): GlossaryConflict => ({
    id: 'field:e:notes',
    kind: 'field',
    entryId: 'e',
    term: 'Kursk',
    field: 'notes',
    values: [],
    winner: 'a',
    ...change,
  });
  it('titles each kind', () => {
    expect(conflictTitle(conflict({}))).toBe('“Kursk”: two values for the notes');
    expect(conflictTitle(conflict({ kind: 'delete-edit', field: 'deleted' }))).toBe(
      '“Kursk” was deleted and edited meanwhile',
    );
    expect(conflictTitle(conflict({ kind: 'duplicate-term', field: 'create' }))).toBe(
      '“Kursk” was added twice',
    );
  });
  it('says which side deleted and which edited', () => {
    const deleteEdit = conflict({ kind: 'delete-edit', field: 'deleted' });
    const value = { changeId: 'a', author: 'Ana', at: ago(0) };
    expect(conflictValueText(deleteEdit, { ...value, value: true })).toBe('deleted it');
    expect(conflictValueText(deleteEdit, { ...value, value: 'New notes' })).toBe('edited it: “New notes”');
    expect(conflictValueText(conflict({ field: 'deleted' }), { ...value, value: false })).toBe('restored it');
    expect(conflictValueText(conflict({}), { ...value, value: 'Old notes' })).toBe('“Old notes”');
  });
  it('counts', () => {
    expect(conflictCountText(1)).toBe('1 conflict');
    expect(conflictCountText(2)).toBe('2 conflicts');
  });
});
