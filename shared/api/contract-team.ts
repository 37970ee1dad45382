/**
 * The API calls of team sync (issue 7): its settings and status, a sync round on demand, and the
 * glossary's team features (conflicts, history, verified marks). Spread into `apiContract`.
 */
import { z } from 'zod';
import type {
  EntryHistoryItem,
  GlossaryChangeField,
  GlossaryConflict,
  JsonValue,
  SyncReport,
} from '../glossary/sync-types';
import type { GlossaryEntry } from '../glossary/types';

export const TEAM_SYNC_MODES = ['off', 'folder', 'postgres'] as const;
export type TeamSyncMode = (typeof TEAM_SYNC_MODES)[number];

const MAX_AUTHOR = 200;
const MAX_PATH = 4096;
const MAX_URL = 2048;
const MAX_PASSWORD = 1024;
const MAX_CONFLICT_ID = 1200;
const MAX_VALUE_TEXT = 20_000;

/** What one round did, in numbers, for the status line. */
export interface SyncReportSummary {
  published: number;
  received: number;
  changedEntries: number;
  conflicts: number;
  skipped: number;
}

export interface TeamSyncStatus {
  /** False where this window has no team sync service (it cannot be configured here). */
  available: boolean;
  /** The name written into every change. */
  author: string;
  /** This installation's id. */
  device: string;
  mode: TeamSyncMode;
  folder: string | null;
  /** The server's URL without its password. */
  postgresUrl: string | null;
  intervalSeconds: number;
  /** A password for the configured server is saved (keychain) or held for this session. */
  passwordSaved: boolean;
  /** True when saved passwords outlive the session (an OS keychain encrypts them). */
  secretsAvailable: boolean;
  /** "shared folder /mnt/team" while connected; null otherwise. */
  connectedTo: string | null;
  syncing: boolean;
  /** ISO 8601 of the last round that succeeded. */
  lastSyncAt: string | null;
  /** Why the last round failed, in one line; null after a success. */
  lastError: string | null;
  lastReport: SyncReportSummary | null;
  openConflicts: number;
  /** How many rounds changed the glossary since the app started: the open document is re-checked when it grows. */
  merges: number;
  /** Changes whenever the local glossary changes (by an edit or by merging others' changes). */
  glossaryStamp: string;
}

export interface TeamSyncConfigureResult {
  status: TeamSyncStatus;
  /** The first round's report; null when it failed (status.lastError says why) or sync is off. */
  report: SyncReport | null;
}

export type { EntryHistoryItem, GlossaryConflict, SyncReport };

const noArgs = z.strictObject({});
const jsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.null(),
    z.boolean(),
    z.number(),
    z.string().max(MAX_VALUE_TEXT),
    z.array(jsonValue).max(1000),
    z.record(z.string().max(200), jsonValue),
  ]),
);
const changeId = z.string().min(1).max(MAX_CONFLICT_ID);
const conflictResolution = z.union([
  z.strictObject({ keep: changeId }),
  z.strictObject({ value: jsonValue }),
  z.strictObject({ deleteEntry: z.boolean() }),
  z.strictObject({ mergeInto: z.uuid() }),
]);

export const teamCalls = {
  /** Team sync's settings and how the last round went; cheap, the renderer polls it. */
  getTeamSync: { args: noArgs, result: null as unknown as TeamSyncStatus },
  /**
   * Saves the settings (the password to the keychain, never to a file), reconnects and tries one
   * round at once. The folder must exist; the URL must be postgres:// or postgresql://.
   */
  configureTeamSync: {
    args: z.strictObject({
      author: z.string().trim().min(1, 'give your name').max(MAX_AUTHOR),
      mode: z.enum(TEAM_SYNC_MODES),
      folder: z.string().trim().min(1).max(MAX_PATH).optional(),
      postgresUrl: z.string().trim().min(1).max(MAX_URL).optional(),
      /** Absent or '' keeps the saved password. */
      password: z.string().max(MAX_PASSWORD).optional(),
      /** Forgets the saved password of the configured server. */
      forgetPassword: z.boolean().optional(),
      intervalSeconds: z.number().int().min(2).max(86_400).optional(),
    }),
    result: null as unknown as TeamSyncConfigureResult,
  },
  /** One round now (waits for a running one first); fails with the reason in one line. */
  syncGlossaryNow: { args: noArgs, result: null as unknown as SyncReport },
  listGlossaryConflicts: { args: noArgs, result: null as unknown as GlossaryConflict[] },
  /** Settles a conflict; the entry as it reads now (null when the resolution deleted it). */
  resolveGlossaryConflict: {
    args: z.strictObject({ conflictId: changeId, resolution: conflictResolution }),
    result: null as unknown as GlossaryEntry | null,
  },
  /** Who changed what in an entry, when, and the source given; oldest first. */
  getGlossaryHistory: {
    args: z.strictObject({ entryId: z.uuid() }),
    result: null as unknown as EntryHistoryItem[],
  },
  setGlossaryVerified: {
    args: z.strictObject({ entryId: z.uuid(), verified: z.boolean() }),
    result: null as unknown as GlossaryEntry,
  },
} as const;

export type { GlossaryChangeField };
