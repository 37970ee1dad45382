/**
 * The sync machinery team sync runs on, gathered in one object so the service takes it as a
 * dependency (the app and the tests pass the real one below).
 */
import type { SyncReport } from '../../../shared/glossary/sync-types';
import type { GlossaryStore } from '../glossary/glossary-store';
import { checkDatabaseOutsideFolder, openFolderTransport } from '../glossary/sync/folder-transport';
import { openPostgresTransport } from '../glossary/sync/postgres-transport';
import { syncGlossary } from '../glossary/sync/sync-round';
import type { SyncTransport } from '../glossary/sync/transport';
import { watchFolder } from '../glossary/sync/watch-folder';

export interface TeamSyncMachinery {
  openFolder(folder: string, device: string, author: string): Promise<SyncTransport>;
  openPostgres(url: string, password: string | undefined, device: string): Promise<SyncTransport>;
  /** Refuses a local glossary inside the shared folder (throws with the reason). */
  checkFolder(folder: string, databasePath: string): void;
  /** Calls onChange (debounced) when others' logs change; returns the stop function. */
  watch(folder: string, onChange: () => void, ignore: (name: string) => boolean): () => void;
  round(store: GlossaryStore, transport: SyncTransport): Promise<SyncReport>;
}

export const realSyncMachinery: TeamSyncMachinery = {
  openFolder: openFolderTransport,
  openPostgres: (url, password, device) =>
    openPostgresTransport(url, { ...(password === undefined ? {} : { password }), device }),
  checkFolder: checkDatabaseOutsideFolder,
  watch: (folder, onChange, ignore) => watchFolder(folder, onChange, { ignore }),
  round: syncGlossary,
};
