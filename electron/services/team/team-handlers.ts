/**
 * The handlers of the team calls (shared/api/contract-team.ts), spread into createApiHandlers.
 * Without a TeamSyncService (tests, tools) the glossary's team features still work and the status
 * says sync is not available here.
 */
import type { TeamSyncStatus } from '../../../shared/api/contract-team';
import type { ApiHandlers } from '../../../shared/api/contract';
import type { GlossaryStore } from '../glossary/glossary-store';
import { TeamSyncError, type TeamSyncService } from './team-sync-service';

type TeamHandlers = Pick<
  ApiHandlers,
  | 'getTeamSync'
  | 'configureTeamSync'
  | 'syncGlossaryNow'
  | 'listGlossaryConflicts'
  | 'resolveGlossaryConflict'
  | 'getGlossaryHistory'
  | 'setGlossaryVerified'
>;

export function createTeamHandlers(
  glossary: GlossaryStore,
  teamSync: TeamSyncService | undefined,
): TeamHandlers {
  const service = (): TeamSyncService => {
    if (!teamSync) throw new TeamSyncError('team sync is not available in this window');
    return teamSync;
  };
  return {
    async getTeamSync() {
      return teamSync?.status() ?? unavailableStatus(glossary);
    },
    async configureTeamSync(settings) {
      return service().configure(settings);
    },
    async syncGlossaryNow() {
      return service().syncNow();
    },
    async listGlossaryConflicts() {
      return glossary.conflicts();
    },
    async resolveGlossaryConflict({ conflictId, resolution }) {
      const entry = glossary.resolveConflict(conflictId, resolution);
      // The resolution is news for the team: publish it now rather than at the next tick.
      teamSync?.publishSoon();
      return entry;
    },
    async getGlossaryHistory({ entryId }) {
      return glossary.history(entryId);
    },
    async setGlossaryVerified({ entryId, verified }) {
      const entry = glossary.setVerified(entryId, verified);
      teamSync?.publishSoon();
      return entry;
    },
  };
}

function unavailableStatus(glossary: GlossaryStore): TeamSyncStatus {
  const { author, device } = glossary.identity();
  return {
    available: false,
    author,
    device,
    mode: 'off',
    folder: null,
    postgresUrl: null,
    intervalSeconds: 0,
    passwordSaved: false,
    secretsAvailable: false,
    connectedTo: null,
    syncing: false,
    lastSyncAt: null,
    lastError: null,
    lastReport: null,
    openConflicts: glossary.conflicts().length,
    merges: 0,
    glossaryStamp: glossary.changeStamp(),
  };
}
